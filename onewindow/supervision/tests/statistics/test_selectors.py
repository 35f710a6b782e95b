"""Reads by scope and period: who reaches what, whole months from the month rows, rankings and series."""

import pytest

from onewindow.accounts.choices import Role
from onewindow.accounts.tests.factories import UserFactory, staff
from onewindow.common.errors import Forbidden, InvalidInput, NotFound
from onewindow.deadlines.models import Deadline
from onewindow.orgs.tests.factories import CountyFactory, DepartmentFactory
from onewindow.supervision.models import Card
from onewindow.supervision.statistics import selectors
from onewindow.supervision.statistics.models import DepartmentMonth, RegionMonth
from onewindow.supervision.statistics.periods import Period
from onewindow.supervision.tests.statistics.support import D

pytestmark = pytest.mark.django_db

NOVEMBER = Period(D("2026-11-01"), D("2026-11-30"))


def summary_of(user, period=NOVEMBER, **scope):
    return selectors.summary(scope=selectors.scope_for(user, **scope), period=period)


def test_supervisors_reach_their_region_and_department_staff_their_department(history):
    p = history.people
    assert summary_of(p.supervisor).values["received"] == 10
    assert summary_of(p.reviewer).values["received"] == 9
    assert summary_of(p.other_reviewer).values["received"] == 1
    assert summary_of(p.supervisor, department=p.other_department.pk).values["received"] == 1
    assert summary_of(p.supervisor, region=p.region.code).values["received"] == 10


def test_users_without_statistics_or_outside_their_reach_are_refused(history):
    p = history.people
    elsewhere = staff(Role.SUPERVISOR, region=CountyFactory(code="990199"))
    for user in (p.clerk, p.applicant, UserFactory()):
        with pytest.raises(Forbidden) as refused:
            selectors.scope_for(user)
        assert refused.value.code == "statistics_forbidden"
    for scope in ({"region": p.region.code}, {"department": p.department.pk}, {"item": history.items["main"].pk}):
        with pytest.raises(Forbidden) as refused:
            selectors.scope_for(elsewhere, **scope)
        assert refused.value.code == "statistics_scope_forbidden"
    with pytest.raises(Forbidden):
        selectors.scope_for(p.other_reviewer, department=p.department.pk)
    assert summary_of(elsewhere).values["received"] == 0


def test_unknown_or_malformed_scopes_are_told_apart(history):
    p = history.people
    with pytest.raises(NotFound):
        selectors.scope_for(p.supervisor, region="000000")
    with pytest.raises(NotFound):
        selectors.scope_for(p.supervisor, department=999999)
    with pytest.raises(InvalidInput):
        selectors.scope_for(p.supervisor, department="x")


def test_a_department_may_ask_for_its_own_region_and_gets_only_itself(history):
    p = history.people
    assert summary_of(p.reviewer, region=p.region.code).values["received"] == 9


def test_whole_months_are_read_from_the_month_rows_and_the_rest_from_the_day_rows(history):
    p = history.people
    DepartmentMonth.objects.filter(department=p.department).update(received=1000)
    assert summary_of(p.reviewer).values["received"] == 1000  # November whole: the month row
    assert summary_of(p.reviewer, Period(D("2026-11-02"), D("2026-11-30"))).values["received"] == 9  # day rows
    assert summary_of(p.reviewer, Period(D("2026-10-15"), D("2026-12-31"))).values["received"] == 1000


def test_the_summary_gives_rates_after_summing(history):
    s = summary_of(history.people.supervisor)
    assert s.values["timed"] == 4 and s.values["on_time"] == 3 and s.overdue == 1
    assert s.rates["on_time_rate"] == 0.75
    assert s.rates["satisfaction_rate"] == round(2 / 3, 4)
    assert s.rates["rectified_rate"] == 1.0
    assert s.rates["compression"] == round((185 - 92) / 185, 4)
    assert s.rates["online_share"] == 0.1
    assert s.rates["direct_rate"] == 0.5  # C and D of the four window conclusions
    assert s.rates["authorization_rate"] == 0.25


def test_the_summary_counts_the_open_cards_of_the_scope_now(history):
    p = history.people
    timer = Deadline.objects.filter(subject_id=str(history.cases["I"].pk), kind="case_promised").get()
    common = {"deadline": timer, "kind": timer.kind, "subject_type": timer.subject_type, "subject_id": timer.subject_id}
    common |= {"region_code": p.region.code, "due_on": timer.due_on, "issued_on": timer.due_on}
    Card.objects.create(color="red", department=p.other_department, **common)
    Card.objects.create(color="yellow", department=p.other_department, cleared_at=timer.started_at, **common)
    assert (summary_of(p.supervisor).yellow, summary_of(p.supervisor).red) == (0, 1)
    assert summary_of(p.reviewer).red == 0


def test_rows_by_department_item_and_staff_with_rankings(history):
    p = history.people
    scope = selectors.scope_for(p.supervisor)
    departments = selectors.rows(scope=scope, period=NOVEMBER, group="department")
    assert [(r.label, r.values["received"]) for r in departments] == [("市场监督管理局", 9), ("卫生健康局", 1)]
    items = selectors.rows(scope=scope, period=NOVEMBER, group="item")
    assert [r.key for r in selectors.ranking(items, "overdue")] == [history.items["tight"].pk]
    assert [r.values["saved_days"] for r in selectors.ranking(items, "saved")] == [10, 10, 8]
    people = {r.label: r for r in selectors.rows(scope=scope, period=NOVEMBER, group="staff")}
    assert people["赵决定"].values["decided"] == 2 and people["赵决定"].rates["decided_on_time_rate"] == 0.5
    with pytest.raises(InvalidInput):
        selectors.rows(scope=scope, period=NOVEMBER, group="window")


def test_series_by_day_and_by_month(history):
    scope = selectors.scope_for(history.people.supervisor)
    days = selectors.series(scope=scope, period=Period(D("2026-11-01"), D("2026-11-07")))
    assert [p.values["received"] for p in days] == [0, 3, 2, 1, 3, 0, 0]
    months = selectors.series(scope=scope, period=Period(D("2026-10-01"), D("2026-12-31")), grain="month")
    assert [p.values["received"] for p in months] == [0, 10, 0]


def test_a_new_department_elsewhere_is_outside_the_county_supervisors_reach(history):
    elsewhere = DepartmentFactory(region=CountyFactory(code="990198"))
    with pytest.raises(Forbidden):
        selectors.scope_for(history.people.supervisor, department=elsewhere.pk)


def test_a_regions_summary_reads_one_row_per_region_and_a_departments_its_own_rows(history):
    p = history.people
    RegionMonth.objects.filter(region_code=p.region.code).update(received=500)
    assert summary_of(p.supervisor).values["received"] == 500  # the region rows
    assert summary_of(p.supervisor, department=p.department.pk).values["received"] == 9  # the department rows
    assert summary_of(p.reviewer).values["received"] == 9
