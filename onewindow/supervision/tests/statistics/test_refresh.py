"""The refresh: one day at a time from that day's events, idempotent, dirty days picked up, months rolled up."""

import datetime as dt

import pytest
from django.db.models import Sum

from onewindow.ratings import services as ratings
from onewindow.ratings.choices import AppealDecision
from onewindow.supervision.statistics import metrics
from onewindow.supervision.statistics.models import (
    DepartmentDay,
    DepartmentMonth,
    DirtyDay,
    ItemDay,
    ItemMonth,
    RefreshedDay,
    StaffDay,
    StaffMonth,
)
from onewindow.supervision.statistics.services import stats_mark_dirty, stats_refresh, stats_refresh_day, stats_refresh_range
from onewindow.supervision.tests.statistics.support import D, filed, fresh_rectification, on, when

pytestmark = pytest.mark.django_db

TABLES = (ItemDay, ItemMonth, StaffDay, StaffMonth, DepartmentDay, DepartmentMonth)


def snapshot():
    return {model.__name__: sorted(tuple(sorted(r.items())) for r in model.objects.values().order_by()) for model in TABLES}


def without_ids(state):
    return {name: sorted(tuple(kv for kv in row if kv[0] != "id") for row in rows) for name, rows in state.items()}


def test_refreshing_again_changes_nothing(history):
    before = without_ids(snapshot())
    stats_refresh_range(first=D("2026-11-01"), last=D("2026-11-13"))
    stats_refresh_day(day=D("2026-11-06"))
    assert without_ids(snapshot()) == before
    assert sum(len(rows) for rows in before.values()) > 20


def test_a_day_is_recomputed_from_its_own_events_and_leaves_other_days_alone(history):
    others = list(DepartmentDay.objects.exclude(day=D("2026-11-06")).order_by("id").values())
    DepartmentDay.objects.filter(day=D("2026-11-06")).update(received=99)
    ItemDay.objects.create(
        day=D("2026-11-07"), department=history.people.department, item=history.items["main"], region_code="990110", received=5
    )

    report = stats_refresh_day(day=D("2026-11-06"))
    stats_refresh_day(day=D("2026-11-07"))

    assert DepartmentDay.objects.get(day=D("2026-11-06"), department=history.people.department).received == 0
    assert not ItemDay.objects.filter(day=D("2026-11-07")).exists()  # a Saturday without events keeps no row
    assert list(DepartmentDay.objects.exclude(day__in=[D("2026-11-06"), D("2026-11-07")]).order_by("id").values()) == others
    # the cases with an event on 11-06: A, D delivered; E refused; F, I accepted (C's review was voided: a rating event)
    assert report.cases == 5 and report.ratings == 1


def test_the_refresh_of_a_day_reads_a_bounded_number_of_queries(history, django_assert_max_num_queries):
    with django_assert_max_num_queries(50):  # constant: the cases are read in chunks of a thousand
        stats_refresh_day(day=D("2026-11-06"))


def test_an_event_after_midnight_counts_on_the_next_local_day(history):
    late = filed(history.people, history.items["main"], "2026-11-16", hour=0)  # 2026-11-15 16:00 UTC
    stats_refresh_range(first=D("2026-11-15"), last=D("2026-11-16"))
    assert late.submitted_at.date() == dt.date(2026, 11, 15)
    assert not DepartmentDay.objects.filter(day=D("2026-11-15")).exists()
    assert DepartmentDay.objects.get(day=D("2026-11-16")).received == 1


def test_a_review_voided_later_marks_its_day_dirty_and_the_next_run_recomputes_it(history):
    p = history.people
    bad = history.ratings["B"].rectification
    when("2026-11-16", lambda: ratings.rectification_appeal(actor=p.admin, rectification=fresh_rectification(bad), reason="恶意差评"))
    when(
        "2026-11-16",
        lambda: ratings.rectification_decide_appeal(
            actor=p.supervisor, rectification=fresh_rectification(bad), decision=AppealDecision.VOIDED, opinion="恶意差评"
        ),
        hour=10,
    )
    report = when("2026-11-16", lambda: stats_refresh_day(day=D("2026-11-16")), hour=11)

    assert report.dirty == (D("2026-11-10"),)
    assert DirtyDay.objects.filter(day=D("2026-11-10")).exists()
    stale = DepartmentDay.objects.get(day=D("2026-11-10"), department=p.department)
    assert (stale.bad, stale.voided) == (1, 0)

    run = when("2026-11-16", stats_refresh, hour=12)

    assert D("2026-11-10") in [r.day for r in run.days]
    fixed = DepartmentDay.objects.get(day=D("2026-11-10"), department=p.department)
    assert (fixed.rated, fixed.bad, fixed.bad_rectified, fixed.voided) == (0, 0, 0, 1)
    assert DepartmentMonth.objects.get(month=D("2026-11-01"), department=p.department).voided == 2
    assert not DirtyDay.objects.exists()


def test_a_day_marked_dirty_by_a_service_hook_is_recomputed_by_the_next_run(history):
    DepartmentDay.objects.filter(day=D("2026-11-03")).update(accepted=0)
    stats_mark_dirty(day=D("2026-11-03"), reason="test")
    when("2026-11-13", stats_refresh, hour=12)
    assert DepartmentDay.objects.get(day=D("2026-11-03"), department=history.people.department).accepted == 4


def test_the_periodic_run_finishes_yesterday_once_after_midnight(history):
    with on("2026-11-17", 0, 10):
        first = [r.day for r in stats_refresh().days]
    with on("2026-11-17", 0, 20):
        second = [r.day for r in stats_refresh().days]
    assert first == [D("2026-11-17"), D("2026-11-16")]
    assert second == [D("2026-11-17")]
    assert RefreshedDay.objects.get(day=D("2026-11-16")).refreshed_at is not None


@pytest.mark.parametrize(
    ("day_model", "month_model", "keys", "names"),
    [
        (ItemDay, ItemMonth, ("department_id", "item_id"), metrics.CASE_NAMES),
        (StaffDay, StaffMonth, ("department_id", "user_id"), metrics.STAFF_NAMES),
        (DepartmentDay, DepartmentMonth, ("department_id",), metrics.DEPARTMENT_NAMES),
    ],
)
def test_month_rows_are_the_sums_of_their_day_rows(history, day_model, month_model, keys, names):
    sums = day_model.objects.values(*keys).annotate(**{n: Sum(n) for n in names}).order_by(*keys)
    months = month_model.objects.filter(month=D("2026-11-01")).values(*keys, *names).order_by(*keys)
    assert list(sums) == list(months)
    assert len(months) >= 2
