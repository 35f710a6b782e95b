"""Reads: a subject's timers, the yellow and red lists through the partial indexes, and the user's list."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from onewindow.accounts.choices import Role
from onewindow.accounts.tests.factories import UserFactory
from onewindow.common.errors import InvalidInput
from onewindow.deadlines import kinds, selectors
from onewindow.deadlines.choices import DeadlineState
from onewindow.deadlines.models import Deadline
from onewindow.deadlines.scan import deadline_scan
from onewindow.deadlines.tests.factories import DeadlineFactory, at
from onewindow.orgs.tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db

D = dt.date
TODAY = D(2026, 6, 12)


def _running(warn_on, due_on, **fields):
    return DeadlineFactory(warn_on=warn_on, due_on=due_on, **fields)


def test_deadlines_for_a_subject(subject, other_department):
    first = DeadlineFactory(subject_id=str(subject.pk), kind=kinds.CASE_ACCEPTANCE, started_at=at(2026, 6, 1))
    second = DeadlineFactory(subject_id=str(subject.pk), kind=kinds.CASE_STAGE, started_at=at(2026, 6, 2))
    DeadlineFactory(subject_id=str(other_department.pk))
    DeadlineFactory(subject_type="cases.case", subject_id=str(subject.pk))
    assert list(selectors.deadlines_for(subject)) == [first, second]
    assert list(selectors.deadlines_for(subject, kind=kinds.CASE_STAGE)) == [second]


def test_yellow_and_red_lists_hold_running_rows_soonest_due_first():
    yellow_late = _running(D(2026, 6, 10), D(2026, 6, 16))
    yellow_soon = _running(D(2026, 6, 11), D(2026, 6, 12))
    red_old = _running(D(2026, 6, 1), D(2026, 6, 3))
    red_new = _running(D(2026, 6, 5), D(2026, 6, 11))
    _running(D(2026, 6, 15), D(2026, 6, 17))  # green
    DeadlineFactory(warn_on=D(2026, 6, 11), due_on=D(2026, 6, 12), state=DeadlineState.PAUSED, paused_on=D(2026, 6, 11))
    DeadlineFactory(warn_on=D(2026, 6, 1), due_on=D(2026, 6, 3), state=DeadlineState.MET, met_at=at(2026, 6, 4))
    assert selectors.due_for_warning(today=TODAY, limit=10) == [yellow_soon, yellow_late]
    assert selectors.due_for_warning(today=TODAY, limit=1) == [yellow_soon]
    assert selectors.overdue(today=TODAY, limit=10) == [red_old, red_new]
    assert selectors.overdue(today=TODAY, limit=1) == [red_old]


def _plans(queries):
    """The query plans of the captured SELECTs on the deadlines table that do not look rows up by id."""
    plans = []
    for query in queries:
        sql = query["sql"]
        if not sql.startswith("SELECT") or 'FROM "deadlines_deadline"' not in sql or '"deadlines_deadline"."id" IN' in sql:
            continue
        with connection.cursor() as cursor:
            cursor.execute(("EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN ") + sql)
            plans.append(" ".join(str(cell) for row in cursor.fetchall() for cell in row))
    return plans


def _no_sequential_scans():
    """Fill the table the way it looks in service (most timers far from due, some done), give the
    planner its statistics, and on PostgreSQL forbid the sequential scan a small table would get."""
    Deadline.objects.bulk_create(
        [DeadlineFactory.build(warn_on=D(2026, 7, 1), due_on=D(2026, 7, 6)) for _ in range(300)]
        + [
            DeadlineFactory.build(warn_on=D(2026, 5, 1), due_on=D(2026, 5, 6), state=DeadlineState.MET, met_at=at(2026, 5, 5))
            for _ in range(300)
        ]
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")


@pytest.mark.parametrize(
    ("read", "index"),
    [
        (lambda: selectors.due_for_warning(today=TODAY, limit=10), "deadlines_running_warn_on"),
        (lambda: selectors.overdue(today=TODAY, limit=10), "deadlines_running_due_on"),
    ],
    ids=["due_for_warning", "overdue"],
)
def test_the_yellow_and_red_lists_read_through_the_partial_indexes(read, index):
    _running(D(2026, 6, 1), D(2026, 6, 3))
    _running(D(2026, 6, 10), D(2026, 6, 16))
    _no_sequential_scans()
    with CaptureQueriesContext(connection) as captured:
        read()
    plans = _plans(captured.captured_queries)
    assert len(plans) == 1 and index in plans[0], plans


def test_the_scan_reads_through_the_pending_indexes():
    _running(D(2026, 6, 1), D(2026, 6, 3))
    _running(D(2026, 6, 10), D(2026, 6, 16))
    _no_sequential_scans()
    with CaptureQueriesContext(connection) as captured:
        report = deadline_scan(today=TODAY, batch=1)  # batch 1: the second page of each pass uses the keyset condition
    assert (report.overdue, report.warned) == (1, 1)
    plans = _plans(captured.captured_queries)
    assert len(plans) == 4, plans
    assert all("deadlines_overdue_pending" in plan for plan in plans[:2]), plans
    assert all("deadlines_warning_pending" in plan for plan in plans[2:]), plans


@pytest.fixture
def spread(county, other_county, department, other_department):
    """One open timer per department (two in `department`, one of them handled by a clerk), one closed."""
    far = DepartmentFactory(region=other_county, name="邻县市场监督管理局")
    clerk = UserFactory(username="clerk")
    rows = {
        "department": DeadlineFactory(department=department, due_on=D(2026, 6, 15)),
        "clerk": DeadlineFactory(department=department, handler=clerk, due_on=D(2026, 6, 16)),
        "other_department": DeadlineFactory(department=other_department, due_on=D(2026, 6, 17)),
        "far": DeadlineFactory(department=far, due_on=D(2026, 6, 18)),
    }
    DeadlineFactory(department=department, state=DeadlineState.MET, met_at=at(2026, 6, 5))
    return rows, clerk


def _listed(user, **filters):
    return [d.pk for d in selectors.deadline_list(user=user, **filters).items]


def test_a_supervisor_sees_the_regions_departments(spread, make_staff, county):
    rows, _clerk = spread
    supervisor = make_staff(Role.SUPERVISOR, region=county)
    assert _listed(supervisor) == [rows["department"].pk, rows["clerk"].pk, rows["other_department"].pk]


def test_department_roles_see_their_department(spread, reviewer, other_reviewer):
    rows, _clerk = spread
    assert _listed(reviewer) == [rows["department"].pk, rows["clerk"].pk]
    assert _listed(other_reviewer) == [rows["other_department"].pk]


def test_a_handler_sees_their_own_and_anonymous_nothing(spread):
    rows, clerk = spread
    assert _listed(clerk) == [rows["clerk"].pk]
    assert _listed(AnonymousUser()) == []
    assert _listed(UserFactory()) == []


def test_a_superuser_sees_everything(spread):
    assert len(_listed(UserFactory(is_superuser=True))) == 4


def test_the_list_filters_by_colour_and_department(spread, reviewer, department, time_machine):
    rows, _clerk = spread
    time_machine.move_to(at(2026, 6, 16), tick=False)
    assert _listed(reviewer, color="red") == [rows["department"].pk]
    assert _listed(reviewer, color="yellow") == [rows["clerk"].pk]
    assert _listed(reviewer, color="green") == []
    assert _listed(UserFactory(is_superuser=True), department=department) == [rows["department"].pk, rows["clerk"].pk]
    with pytest.raises(InvalidInput):
        _listed(reviewer, color="blue")


def test_the_list_pages_by_cursor_with_a_fixed_number_of_queries(department, reviewer, django_assert_max_num_queries):
    DeadlineFactory.create_batch(5, department=department, handler=reviewer)
    with django_assert_max_num_queries(2):  # the user's roles, then one page with departments and handlers
        first = selectors.deadline_list(user=reviewer, limit=3)
        assert [d.handler for d in first.items] == [reviewer] * 3
    second = selectors.deadline_list(user=reviewer, limit=3, cursor=first.next_cursor)
    assert len(second.items) == 2 and second.next_cursor is None
