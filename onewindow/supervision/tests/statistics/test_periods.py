"""Periods split into whole months and days; working days counted with one read of the calendar."""

import datetime as dt

import pytest

from onewindow.common.errors import InvalidInput
from onewindow.supervision.statistics.daycount import WorkdayCounter, timeliness
from onewindow.supervision.statistics.periods import Period, parse_period, preset
from onewindow.supervision.tests.statistics.support import D, at
from onewindow.workdays.calendar import workdays_between


@pytest.mark.parametrize(
    ("first", "last", "months", "days"),
    [
        ("2026-11-01", "2026-11-30", ("2026-11-01", "2026-11-01"), []),
        ("2026-11-02", "2026-11-30", None, [("2026-11-02", "2026-11-30")]),
        ("2026-10-15", "2027-01-10", ("2026-11-01", "2026-12-01"), [("2026-10-15", "2026-10-31"), ("2027-01-01", "2027-01-10")]),
        ("2024-01-01", "2026-12-31", ("2024-01-01", "2026-12-01"), []),
        ("2026-02-01", "2026-02-28", ("2026-02-01", "2026-02-01"), []),
        ("2026-11-05", "2026-11-05", None, [("2026-11-05", "2026-11-05")]),
    ],
)
def test_a_period_reads_its_whole_months_and_the_days_around_them(first, last, months, days):
    period = Period(D(first), D(last))
    assert period.months() == (tuple(D(m) for m in months) if months else None)
    assert period.day_spans() == [(D(a), D(b)) for a, b in days]
    covered = sum(((D(b) - D(a)).days + 1 for a, b in days), 0)
    if months:
        month = D(months[0])
        while month <= D(months[1]):
            nxt = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            covered += (nxt - month).days
            month = nxt
    assert covered == period.days


def test_presets_and_parsing():
    today = D("2026-03-15")
    assert preset("this_month", today) == Period(D("2026-03-01"), today)
    assert preset("last_month", today) == Period(D("2026-02-01"), D("2026-02-28"))
    assert preset("this_year", today) == Period(D("2026-01-01"), today)
    assert parse_period("2026-01-02", "2026-01-03") == Period(D("2026-01-02"), D("2026-01-03"))
    for first, last in (("2026-01-05", "2026-01-04"), ("x", None), ("2010-01-01", "2026-01-01")):
        with pytest.raises(InvalidInput) as refused:
            parse_period(first, last)
        assert refused.value.code == "period_invalid"


@pytest.mark.django_db
def test_the_counter_agrees_with_the_calendar_across_holidays():
    counter = WorkdayCounter(D("2025-09-20"), D("2025-10-20"))  # 国庆 and the make-up working days
    days = [D("2025-09-20") + dt.timedelta(days=n) for n in range(31)]
    for start in days[::3]:
        for end in days[::2]:
            assert counter.between(start, end) == workdays_between(start, end).days
    assert counter.between(D("2025-09-01"), D("2025-09-30")) == workdays_between(D("2025-09-01"), D("2025-09-30")).days


@pytest.mark.django_db
def test_timeliness_of_a_timer_met_early_late_and_on_a_day_off_after_its_due_date():
    counter = WorkdayCounter(D("2026-11-01"), D("2026-11-30"))
    early = timeliness(counter, started_at=at("2026-11-03"), met_at=at("2026-11-05"), due_on=D("2026-11-17"), granted=10, paused=0)
    assert (early.used, early.on_time, early.saved, early.overdue) == (2, True, 8, 0)
    late = timeliness(counter, started_at=at("2026-11-03"), met_at=at("2026-11-09"), due_on=D("2026-11-05"), granted=2, paused=0)
    assert (late.used, late.on_time, late.saved, late.overdue) == (4, False, 0, 2)
    paused = timeliness(counter, started_at=at("2026-11-03"), met_at=at("2026-11-20"), due_on=D("2026-11-20"), granted=10, paused=3)
    assert (paused.used, paused.on_time, paused.saved) == (10, True, 0)
    saturday = timeliness(counter, started_at=at("2026-11-03"), met_at=at("2026-11-07"), due_on=D("2026-11-06"), granted=3, paused=0)
    assert (saturday.on_time, saturday.overdue) == (False, 0)  # late by the date, no working day over


@pytest.mark.parametrize(
    ("first", "last"),
    [("9999-12-01", "9999-12-31"), ("9999-12-15", "9999-12-20"), ("9999-01-01", "9999-01-31"), ("9998-12-01", "9999-01-01")],
)
def test_a_period_reaching_the_last_year_of_the_calendar_is_refused_not_overflowed(first, last):
    with pytest.raises(InvalidInput) as refused:
        parse_period(first, last)
    assert refused.value.code == "period_invalid" and "9998-12-31" in refused.value.message


def test_the_last_period_allowed_splits_without_overflowing():
    period = parse_period("9998-11-15", "9998-12-31")
    assert period.months() == (D("9998-12-01"), D("9998-12-01"))
    assert period.day_spans() == [(D("9998-11-15"), D("9998-11-30"))]
    assert period.month_list() == [D("9998-11-01"), D("9998-12-01")]
    assert parse_period("9998-12-05", "9998-12-31").day_spans() == [(D("9998-12-05"), D("9998-12-31"))]


def test_the_period_label_is_a_translatable_format(monkeypatch):
    from onewindow.supervision.statistics import periods

    english = {"%(first)s 至 %(last)s": "%(first)s to %(last)s"}
    monkeypatch.setattr(periods, "_", lambda message: english.get(message, message))
    assert Period(D("2026-11-01"), D("2026-11-20")).label == "2026-11-01 to 2026-11-20"
