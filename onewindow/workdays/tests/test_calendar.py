"""The working-day arithmetic: the 2026 official arrangement, provisional years, overrides, round trips."""

import datetime as dt

import chinese_calendar
import pytest

from onewindow.common.errors import InvalidInput
from onewindow.workdays.calendar import (
    DayInfo,
    DueDate,
    WorkdayCount,
    add_workdays,
    days_between,
    is_workday,
    package_covers,
    workdays_between,
)
from onewindow.workdays.choices import OverrideKind
from onewindow.workdays.tests.factories import CalendarOverrideFactory, YearScheduleFactory

pytestmark = pytest.mark.django_db

D = dt.date

# 国务院办公厅关于2026年部分节假日安排的通知: (first, last, name) and make-up working days.
HOLIDAYS_2026 = [
    (D(2026, 1, 1), D(2026, 1, 3), "元旦"),
    (D(2026, 2, 15), D(2026, 2, 23), "春节"),
    (D(2026, 4, 4), D(2026, 4, 6), "清明"),
    (D(2026, 5, 1), D(2026, 5, 5), "劳动节"),
    (D(2026, 6, 19), D(2026, 6, 21), "端午"),
    (D(2026, 9, 25), D(2026, 9, 27), "中秋"),
    (D(2026, 10, 1), D(2026, 10, 7), "国庆节"),
]
MAKE_UP_DAYS_2026 = [D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20), D(2026, 10, 10)]


def _each_day(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def test_the_2026_arrangement_is_the_one_in_chinese_calendar():
    for first, last, _name in HOLIDAYS_2026:
        assert all(not chinese_calendar.is_workday(day) for day in _each_day(first, last)), (first, last)
    assert all(chinese_calendar.is_workday(day) for day in MAKE_UP_DAYS_2026)
    assert all(day.weekday() >= 5 for day in MAKE_UP_DAYS_2026)


@pytest.mark.parametrize(("first", "last", "name"), HOLIDAYS_2026)
def test_2026_holidays_are_days_off_with_their_name(first, last, name):
    for day in _each_day(first, last):
        assert is_workday(day) == DayInfo(workday=False, provisional=False, name=name)


@pytest.mark.parametrize("day", MAKE_UP_DAYS_2026)
def test_2026_make_up_days_are_working_days(day):
    info = is_workday(day)
    assert info.workday is True
    assert info.provisional is False
    assert info.name != ""


def test_ordinary_2026_days():
    assert is_workday(D(2026, 3, 11)) == DayInfo(workday=True, provisional=False, name="")
    assert is_workday(D(2026, 3, 14)) == DayInfo(workday=False, provisional=False, name="")


def test_every_2026_day_agrees_with_chinese_calendar():
    for day, info in days_between(D(2026, 1, 1), D(2026, 12, 31)):
        assert info.workday == chinese_calendar.is_workday(day), day
        assert info.provisional is False


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        (D(2026, 2, 12), 3, D(2026, 2, 24)),  # Fri 13th, make-up Sat 14th, 春节 15th-23rd, Tue 24th
        (D(2026, 9, 29), 3, D(2026, 10, 9)),  # Wed 30th, 国庆 1st-7th, Thu 8th, Fri 9th
        (D(2026, 9, 29), 4, D(2026, 10, 10)),  # ... then the make-up Saturday
        (D(2025, 12, 31), 1, D(2026, 1, 4)),  # 元旦 1st-3rd, make-up Sunday 4th
        (D(2026, 9, 18), 1, D(2026, 9, 20)),  # the make-up Sunday before 中秋
        (D(2026, 4, 30), 5, D(2026, 5, 11)),  # 劳动节 1st-5th; Wed 6th, Thu 7th, Fri 8th, Sat 9th (make-up), Mon 11th
        (D(2026, 3, 12), 20, D(2026, 4, 10)),  # 20 working days across 清明 4th-6th (行政许可法 第四十二条)
    ],
)
def test_add_workdays_2026(start, days, due):
    result = add_workdays(start, days)
    assert result.due == due
    assert result.provisional is False


def test_the_start_day_is_not_counted():
    # 行政许可法 第八十二条: a Monday plus one working day is the Tuesday, not the Monday.
    assert add_workdays(D(2026, 3, 9), 1).due == D(2026, 3, 10)
    assert workdays_between(D(2026, 3, 9), D(2026, 3, 9)).days == 0


def test_zero_days_is_the_start_itself():
    assert add_workdays(D(2026, 2, 15), 0).due == D(2026, 2, 15)
    assert add_workdays(D(2027, 2, 15), 0).provisional is False


def test_counting_backwards():
    assert add_workdays(D(2026, 2, 24), -3).due == D(2026, 2, 12)
    assert add_workdays(D(2026, 10, 8), -1).due == D(2026, 9, 30)
    assert add_workdays(D(2026, 3, 9), -1).due == D(2026, 3, 6)  # Monday back to Friday


def test_workdays_between_2026():
    assert workdays_between(D(2026, 2, 12), D(2026, 2, 24)).days == 3
    assert workdays_between(D(2026, 9, 30), D(2026, 10, 8)).days == 1
    assert workdays_between(D(2026, 10, 8), D(2026, 9, 30)).days == 0
    whole_year = workdays_between(D(2025, 12, 31), D(2026, 12, 31))
    assert whole_year.days == sum(chinese_calendar.is_workday(day) for day in _each_day(D(2026, 1, 1), D(2026, 12, 31)))
    assert whole_year.provisional is False


class TestProvisionalYear:
    """2027 has no data in chinese-calendar: weekends plus the fixed-date holidays, marked provisional."""

    def test_the_package_does_not_cover_2027(self):
        assert package_covers(2026)
        assert not package_covers(2027)
        with pytest.raises(NotImplementedError):
            chinese_calendar.is_workday(D(2027, 3, 10))

    @pytest.mark.parametrize(
        ("day", "name"),
        [
            (D(2027, 1, 1), "元旦"),
            (D(2027, 5, 1), "劳动节"),
            (D(2027, 5, 2), "劳动节"),
            (D(2027, 10, 1), "国庆节"),
            (D(2027, 10, 3), "国庆节"),
        ],
    )
    def test_fixed_date_holidays(self, day, name):
        # 全国年节及纪念日放假办法 (2024年修订) 第二条
        assert is_workday(day) == DayInfo(workday=False, provisional=True, name=name)

    def test_ordinary_days(self):
        assert is_workday(D(2027, 3, 10)) == DayInfo(workday=True, provisional=True, name="")
        assert is_workday(D(2027, 3, 13)) == DayInfo(workday=False, provisional=True, name="")
        assert is_workday(D(2027, 10, 4)).workday is True  # Monday: only 1st-3rd are fixed by law

    def test_due_dates_are_provisional(self):
        assert add_workdays(D(2026, 12, 30), 3) == DueDate(due=D(2027, 1, 5), provisional=True)
        assert add_workdays(D(2026, 12, 1), 5).provisional is False
        assert add_workdays(D(2027, 9, 29), 2).due == D(2027, 10, 4)
        assert workdays_between(D(2026, 12, 30), D(2027, 1, 4)) == WorkdayCount(days=2, provisional=True)

    def test_an_entered_schedule_makes_the_year_official(self):
        YearScheduleFactory(year=2027)
        assert is_workday(D(2027, 3, 10)) == DayInfo(workday=True, provisional=False, name="")
        assert add_workdays(D(2026, 12, 30), 3).provisional is False
        assert is_workday(D(2028, 3, 10)).provisional is True

    def test_fixed_holidays_hold_in_an_entered_year_without_an_override(self):
        YearScheduleFactory(year=2027)
        assert is_workday(D(2027, 10, 1)) == DayInfo(workday=False, provisional=False, name="国庆节")

    def test_far_years_never_raise(self):
        assert is_workday(D(1, 1, 1)).provisional is True
        assert is_workday(D(9999, 12, 31)) == DayInfo(workday=True, provisional=True, name="")  # a Friday
        assert is_workday(D(2003, 12, 31)) == DayInfo(workday=True, provisional=True, name="")
        assert add_workdays(D(2150, 9, 30), 1).provisional is True

    def test_leaving_the_representable_dates_is_invalid_input(self):
        with pytest.raises(InvalidInput) as error:
            add_workdays(D(9999, 12, 30), 5)
        assert error.value.code == "date_out_of_range"
        with pytest.raises(InvalidInput):
            add_workdays(D(1, 1, 3), -5)


class TestOverrides:
    def test_an_override_wins_over_chinese_calendar(self):
        CalendarOverrideFactory(date=D(2026, 3, 11), kind=OverrideKind.HOLIDAY, name="特别假日")
        CalendarOverrideFactory(date=D(2026, 10, 3), kind=OverrideKind.WORKDAY, name="国庆节")
        assert is_workday(D(2026, 3, 11)) == DayInfo(workday=False, provisional=False, name="特别假日")
        assert is_workday(D(2026, 10, 3)) == DayInfo(workday=True, provisional=False, name="国庆节")
        assert add_workdays(D(2026, 3, 10), 1).due == D(2026, 3, 12)
        assert add_workdays(D(2026, 9, 30), 1).due == D(2026, 10, 3)

    def test_an_override_wins_over_the_fallback(self):
        CalendarOverrideFactory(date=D(2027, 2, 8), kind=OverrideKind.HOLIDAY, name="春节")
        CalendarOverrideFactory(date=D(2027, 2, 20), kind=OverrideKind.WORKDAY, name="春节")
        assert is_workday(D(2027, 2, 8)) == DayInfo(workday=False, provisional=True, name="春节")
        assert is_workday(D(2027, 2, 20)) == DayInfo(workday=True, provisional=True, name="春节")
        assert add_workdays(D(2027, 2, 5), 1).due == D(2027, 2, 9)

    def test_a_run_of_holidays_longer_than_the_first_read_is_followed(self, django_assert_max_num_queries):
        first = D(2027, 3, 1)
        for offset in range(80):
            CalendarOverrideFactory(date=first + dt.timedelta(days=offset), name="长假")
        with django_assert_max_num_queries(2):
            assert add_workdays(D(2027, 2, 26), 1).due == D(2027, 5, 20)  # Thu 20 May, the 81st day
        with django_assert_max_num_queries(2):
            assert add_workdays(D(2027, 5, 21), -2).due == D(2027, 2, 26)


class TestQueries:
    """The deadlines mechanism calls these for every timer: one query per call, whatever the span."""

    @pytest.mark.parametrize("start", [D(2025, 6, 3), D(2026, 11, 15), D(2027, 3, 1)])
    @pytest.mark.parametrize("days", [250, -250, 1, 3650])
    def test_add_workdays_reads_once(self, start, days, django_assert_max_num_queries):
        CalendarOverrideFactory(date=D(2027, 2, 8))
        YearScheduleFactory(year=2027)
        with django_assert_max_num_queries(1):
            add_workdays(start, days)

    def test_workdays_between_and_is_workday_read_once(self, django_assert_num_queries):
        with django_assert_num_queries(1):
            workdays_between(D(2025, 1, 1), D(2027, 12, 31))
        with django_assert_num_queries(1):
            is_workday(D(2027, 1, 1))


# -- properties over every start date of 2025-2027, checked against a plain day-by-day oracle -------


def _oracle_workday(day: dt.date) -> bool:
    if package_covers(day.year):
        return chinese_calendar.is_workday(day)
    return day.weekday() < 5 and (day.month, day.day) not in {(1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3)}


def _oracle_add(start: dt.date, days: int) -> dt.date:
    day, step = start, (1 if days > 0 else -1)
    for _ in range(abs(days)):
        day += dt.timedelta(days=step)
        while not _oracle_workday(day):
            day += dt.timedelta(days=step)
    return day


STARTS = _each_day(D(2025, 1, 1), D(2027, 12, 31))[::3]  # every weekday position, every holiday season


@pytest.mark.parametrize("days", [1, 3, 20, 45])
def test_round_trip_forward(days):
    for start in STARTS:
        result = add_workdays(start, days)
        assert result.due == _oracle_add(start, days), start
        assert _oracle_workday(result.due), start
        assert workdays_between(start, result.due).days == days, start
        assert workdays_between(start, result.due - dt.timedelta(days=1)).days == days - 1, start
        assert result.provisional == (result.due.year >= 2027), start


@pytest.mark.parametrize("days", [1, 10])
def test_round_trip_backward(days):
    for start in STARTS:
        result = add_workdays(start, -days)
        assert result.due == _oracle_add(start, -days), start
        assert _oracle_workday(result.due), start
        start_is_workday = _oracle_workday(start)
        assert is_workday(start).workday == start_is_workday, start
        # Counting back from a day off, that day is not one of the days counted.
        assert workdays_between(result.due, start).days == (days if start_is_workday else days - 1), start
        if start_is_workday:
            assert add_workdays(result.due, days).due == start, start
        # The start day itself is not examined, only the days before it.
        assert result.provisional == ((start - dt.timedelta(days=1)).year >= 2027), start


def test_more_days_end_later():
    for start in STARTS[::25]:
        dues = [add_workdays(start, n).due for n in range(0, 30)]
        assert dues == sorted(set(dues)), start


@pytest.mark.django_db
def test_read_ahead_serves_the_block_from_one_read_and_agrees_with_reading_each_time(django_assert_num_queries):
    from onewindow.workdays.calendar import around, read_ahead

    CalendarOverrideFactory(date=dt.date(2026, 6, 22), kind=OverrideKind.HOLIDAY, name="县庆")
    start = dt.date(2026, 6, 15)
    plain = (add_workdays(start, 10), add_workdays(add_workdays(start, 10).due, -3))

    with django_assert_num_queries(1), read_ahead(*around(start, 10)):
        ahead = (add_workdays(start, 10), add_workdays(add_workdays(start, 10).due, -3))

    assert ahead == plain
    with django_assert_num_queries(2), read_ahead(*around(start, 10)):
        far = add_workdays(start, 300)  # beyond the range read ahead: read afresh
    assert far == add_workdays(start, 300)
