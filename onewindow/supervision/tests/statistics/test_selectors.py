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


def open_card(timer, color, department, region_code):
    return Card.objects.create(
        deadline=timer,
        color=color,
        kind=timer.kind,
        subject_type=timer.subject_type,
        subject_id=timer.subject_id,
        department=department,
        region_code=region_code,
        due_on=timer.due_on,
        issued_on=timer.due_on,
    )


def case_timer(case, kind):
    return Deadline.objects.get(subject_type="cases.case", subject_id=str(case.pk), kind=kind)


def task_timer(case, kind="review"):
    task = case.tasks.get(kind=kind)
    return Deadline.objects.get(subject_type="cases.stagetask", subject_id=str(task.pk))


def test_an_items_summary_counts_only_the_cards_of_its_cases_and_their_stage_tasks(history, client):
    from onewindow.cases.tests.test_api import bearer
    from onewindow.supervision.tests.statistics.support import on

    p, c, items = history.people, history.cases, history.items
    code = p.region.code
    open_card(case_timer(c["G"], "case_promised"), "red", p.department, code)  # main
    open_card(task_timer(c["G"]), "yellow", p.department, code)  # main, G's review task
    open_card(case_timer(c["H"], "case_acceptance"), "yellow", p.department, code)  # main
    open_card(task_timer(c["B"]), "red", p.department, code)  # tight (delivered, not yet closed)
    open_card(case_timer(c["I"], "case_promised"), "red", p.other_department, code)  # other
    cleared = open_card(case_timer(c["G"], "case_statutory"), "red", p.department, code)
    Card.objects.filter(pk=cleared.pk).update(cleared_at=cleared.issued_at)

    def cards(user, **scope):
        s = summary_of(user, **scope)
        return s.yellow, s.red

    assert cards(p.reviewer) == (2, 2)
    assert cards(p.reviewer, item=items["main"].pk) == (2, 1)
    assert cards(p.reviewer, item=items["tight"].pk) == (0, 1)
    assert cards(p.reviewer, item=items["quick"].pk) == (0, 0)
    assert cards(p.supervisor, item=items["other"].pk) == (0, 1)
    assert cards(p.supervisor) == (2, 3)
    with on("2026-11-20", 10):
        body = client.get("/api/v1/supervision/summary", {"item": items["main"].pk}, **bearer(p.reviewer)).json()
    assert (body["yellow"], body["red"]) == (2, 1)


@pytest.mark.parametrize(
    ("first", "last"),
    [("2026-10-15", "2026-11-05"), ("2026-11-04", "2027-01-20"), ("2026-10-20", "2027-01-03"), ("2026-11-03", "2026-11-10")],
)
def test_the_monthly_series_of_a_custom_period_adds_up_to_the_summary(history, first, last):
    from onewindow.supervision.statistics import metrics

    p = history.people
    period = Period(D(first), D(last))
    for user, scope in (
        (p.supervisor, {}),
        (p.reviewer, {}),
        (p.supervisor, {"department": p.department.pk}),
        (p.reviewer, {"item": history.items["main"].pk}),
    ):
        s = selectors.scope_for(user, **scope)
        totals = selectors.summary(scope=s, period=period).values
        for grain in ("month", "day"):
            points = selectors.series(scope=s, period=period, grain=grain)
            added = metrics.empty(metrics.DEPARTMENT_NAMES)
            for point in points:
                metrics.add(added, point.values, metrics.DEPARTMENT_NAMES)
            assert added == totals, (user, scope, grain)
    months = selectors.series(scope=selectors.scope_for(p.supervisor), period=Period(D("2026-10-15"), D("2026-11-05")), grain="month")
    assert [(m.period, m.values["received"]) for m in months] == [(D("2026-10-01"), 0), (D("2026-11-01"), 9)]


def test_the_monthly_series_reads_whole_months_from_the_month_rows(history):
    p = history.people
    DepartmentMonth.objects.filter(department=p.department).update(received=1000)
    scope = selectors.scope_for(p.reviewer)
    months = selectors.series(scope=scope, period=Period(D("2026-10-15"), D("2026-12-10")), grain="month")
    assert [m.values["received"] for m in months] == [0, 1000, 0]
    assert (
        sum(m.values["received"] for m in months)
        == selectors.summary(scope=scope, period=Period(D("2026-10-15"), D("2026-12-10"))).values["received"]
    )
