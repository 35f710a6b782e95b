"""Helpers of the statistics tests: walking cases through the services on given days and hours."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import time_machine

from onewindow.cases import services
from onewindow.cases.models import Case
from onewindow.cases.tests.factories import application
from onewindow.common.time import LOCAL_TZ

D = dt.date.fromisoformat


def at(day: str | dt.date, hour: int = 9, minute: int = 0) -> dt.datetime:
    day = D(day) if isinstance(day, str) else day
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=LOCAL_TZ)


@contextmanager
def on(day: str | dt.date, hour: int = 9, minute: int = 0) -> Iterator[None]:
    with time_machine.travel(at(day, hour, minute), tick=False):
        yield


def when(day: str | dt.date, act: Callable[[], Any], hour: int = 9) -> Any:
    with on(day, hour):
        return act()


def fresh(case: Case) -> Case:
    case.refresh_from_db()
    return case


def filed(people: Any, item: Any, day: str, *, hour: int = 9, channel: str = "window") -> Case:
    """A case filed at the window by the clerk on `day` (status submitted)."""
    return when(day, lambda: services.case_file(actor=people.clerk, data=application(item), channel=channel), hour)


def accept(people: Any, case: Case, day: str) -> Case:
    return when(day, lambda: services.case_accept(actor=people.clerk, case=fresh(case)))


def review(people: Any, case: Case, day: str) -> Case:
    def act() -> Case:
        current = fresh(case)
        for task in current.tasks.filter(state="open", kind="review"):
            current = services.case_complete_stage(actor=people.reviewer, case=current, task=task.pk, opinion="符合条件")
        return current

    return when(day, act)


def approve(people: Any, case: Case, day: str, *, by: Any = None) -> Case:
    return when(day, lambda: services.case_approve(actor=by or people.decider, case=fresh(case), opinion="同意"))


def deliver(people: Any, case: Case, day: str) -> Case:
    return when(day, lambda: services.case_deliver(actor=people.clerk, case=fresh(case)))


def close(people: Any, case: Case, day: str) -> Case:
    return when(day, lambda: services.case_close(actor=people.clerk, case=fresh(case)))


def concluded(people: Any, item: Any, days: tuple[str, str, str, str, str]) -> Case:
    """filed, accepted, reviewed, approved and delivered on the five days given."""
    case = filed(people, item, days[0])
    accept(people, case, days[1])
    review(people, case, days[2])
    approve(people, case, days[3])
    return deliver(people, case, days[4])


# A demo-like history --------------------------------------------------------------------------------


@dataclass
class History:
    """Cases and ratings of 2026-11-02 … 2026-11-13 (see `build_history`), by letter."""

    people: Any
    items: dict[str, Any] = field(default_factory=dict)
    cases: dict[str, Case] = field(default_factory=dict)
    ratings: dict[str, Any] = field(default_factory=dict)


def _item(department: Any, **options: Any) -> Any:
    from onewindow.cases.tests.factories import case_item

    return case_item(department, **options)


def _rated_by_applicant(people: Any, case: Case) -> Case:
    Case.objects.filter(pk=case.pk).update(applicant_user=people.applicant)
    return fresh(case)


def build_history(people: Any, *, refresh: bool = True) -> History:
    """Ten cases and four ratings over two weeks of November 2026 (working days Mon–Fri), with the
    periodic refresh run late each evening as production would (`refresh=False` leaves the tables empty).

    A on time (filed 11-02, accepted 11-03, decided 11-05, delivered 11-06, rated 5 on 11-09);
    B late (promised 2 days: accepted 11-03, due 11-05, decided 11-09, delivered 11-10; rated 1 on 11-10, rectified 11-12);
    C 即办件 of a zero-visit item (filed, accepted, decided and delivered 11-03 by the clerk; rated 2 on 11-04, voided 11-06);
    D 一级审批 (filed 11-04, accepted and decided by the chief representative 11-04, delivered 11-06);
    E refused (filed 11-05, refused 11-06); F withdrawn (filed 11-05, accepted 11-06, withdrawn 11-09);
    G deemed accepted (filed 11-02, deemed on 11-10 from the day of receipt); H online (submitted 11-09);
    I another department's (filed 11-05, accepted 11-06); J terminated (容缺 accepted 11-03, terminated 11-09);
    a window visit rated 4 on 11-06.
    """
    from onewindow.accounts.choices import Role
    from onewindow.cases.tests.factories import gap_supply_date, online_case
    from onewindow.catalog.choices import ItemKind
    from onewindow.catalog.models import ServiceItemVersion
    from onewindow.ratings import services as ratings
    from onewindow.ratings.choices import AppealDecision
    from onewindow.supervision.statistics.services import stats_refresh

    h = History(people)
    dept = people.department
    h.items["main"] = _item(dept)
    h.items["tight"] = _item(dept, promised=2, statutory=5)
    h.items["quick"] = _item(dept, kind=ItemKind.ON_THE_SPOT)
    ServiceItemVersion.objects.filter(pk=h.items["quick"].current_id).update(on_site_visits=0)
    h.items["chief"] = _item(dept, decide_role=Role.CHIEF_REPRESENTATIVE, review=False)
    h.items["other"] = _item(people.other_department)
    c = h.cases
    clerk = people.clerk

    def evening(day: str) -> None:
        if refresh:
            when(day, lambda: stats_refresh(), hour=23)

    # 11-02 Monday
    c["A"] = filed(people, h.items["main"], "2026-11-02")
    c["B"] = filed(people, h.items["tight"], "2026-11-02")
    c["G"] = filed(people, h.items["main"], "2026-11-02", hour=10)
    evening("2026-11-02")
    # 11-03
    accept(people, c["A"], "2026-11-03")
    accept(people, c["B"], "2026-11-03")
    c["C"] = filed(people, h.items["quick"], "2026-11-03")
    accept(people, c["C"], "2026-11-03")
    deliver(people, c["C"], "2026-11-03")
    c["J"] = filed(people, h.items["main"], "2026-11-03")
    when(
        "2026-11-03",
        lambda: services.case_accept_with_gaps(actor=clerk, case=fresh(c["J"]), gaps=["M02"], supply_by=gap_supply_date()),
    )
    evening("2026-11-03")
    # 11-04
    review(people, c["A"], "2026-11-04")
    review(people, c["B"], "2026-11-04")
    c["D"] = filed(people, h.items["chief"], "2026-11-04")
    when("2026-11-04", lambda: services.case_accept(actor=people.chief, case=fresh(c["D"])))
    approve(people, c["D"], "2026-11-04", by=people.chief)
    case_c = _rated_by_applicant(people, c["C"])
    h.ratings["C"] = when("2026-11-04", lambda: ratings.rating_submit(actor=people.applicant, case=case_c, level=2, tags=["办事效率低"]))
    evening("2026-11-04")
    # 11-05
    approve(people, c["A"], "2026-11-05")
    c["E"] = filed(people, h.items["main"], "2026-11-05")
    c["F"] = filed(people, h.items["main"], "2026-11-05", hour=11)
    c["I"] = filed(people, h.items["other"], "2026-11-05")
    appeal = h.ratings["C"].rectification
    when("2026-11-05", lambda: ratings.rectification_appeal(actor=people.admin, rectification=appeal, reason="误评"))
    evening("2026-11-05")
    # 11-06
    deliver(people, c["A"], "2026-11-06")
    deliver(people, c["D"], "2026-11-06")
    when("2026-11-06", lambda: services.case_refuse(actor=clerk, case=fresh(c["E"]), reason="不属于本部门职权范围"))
    accept(people, c["F"], "2026-11-06")
    accept(people, c["I"], "2026-11-06")

    def void() -> Any:
        rectification = fresh_rectification(appeal)
        return ratings.rectification_decide_appeal(
            actor=people.supervisor, rectification=rectification, decision=AppealDecision.VOIDED, opinion="申请人误评"
        )

    when("2026-11-06", void, hour=15)

    def window_visit() -> Any:
        visit = ratings.visit_open(actor=clerk, window=people.window, department=dept)
        return ratings.rating_submit_at_window(actor=None, visit=visit, level=4)

    h.ratings["visit"] = when("2026-11-06", window_visit, hour=16)
    evening("2026-11-06")
    # 11-09 Monday
    approve(people, c["B"], "2026-11-09")
    when("2026-11-09", lambda: services.case_withdraw(actor=clerk, case=fresh(c["F"]), reason="申请人书面申请撤回"))
    when("2026-11-09", lambda: services.case_terminate(case=fresh(c["J"])))
    case_a = _rated_by_applicant(people, c["A"])
    h.ratings["A"] = when("2026-11-09", lambda: ratings.rating_submit(actor=people.applicant, case=case_a, level=5))
    c["H"] = when("2026-11-09", lambda: online_case(people.county, h.items["main"]))
    evening("2026-11-09")
    # 11-10
    deliver(people, c["B"], "2026-11-10")
    when("2026-11-10", lambda: services.case_deem_accepted(case=fresh(c["G"])), hour=1)
    case_b = _rated_by_applicant(people, c["B"])
    h.ratings["B"] = when("2026-11-10", lambda: ratings.rating_submit(actor=people.applicant, case=case_b, level=1, tags=["办事效率低"]))
    evening("2026-11-10")
    # 11-11, 11-12
    bad = h.ratings["B"].rectification
    when("2026-11-11", lambda: ratings.rectification_follow_up(actor=people.admin, rectification=fresh_rectification(bad), note="已回访"))
    evening("2026-11-11")
    when("2026-11-12", lambda: ratings.rectification_rectify(actor=people.admin, rectification=fresh_rectification(bad), note="已整改"))
    evening("2026-11-12")
    for key, case in c.items():
        c[key] = fresh(case)
    return h


def fresh_rectification(rectification: Any) -> Any:
    rectification.refresh_from_db()
    return rectification
