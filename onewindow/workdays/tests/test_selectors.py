"""Reads: the missing-schedule warning and each year's arrangement with its source."""

import datetime as dt

import pytest

from onewindow.workdays.choices import OverrideKind, YearSource
from onewindow.workdays.selectors import calendar_overview, missing_schedule_warning, schedule_text, year_overviews
from onewindow.workdays.tests.factories import CalendarOverrideFactory, YearScheduleFactory

pytestmark = pytest.mark.django_db

D = dt.date


class TestMissingScheduleWarning:
    def test_nothing_before_november(self):
        assert missing_schedule_warning(today=D(2026, 10, 31)) is None

    @pytest.mark.parametrize("today", [D(2026, 11, 1), D(2026, 12, 31)])
    def test_from_november_when_next_year_is_missing(self, today):
        warning = missing_schedule_warning(today=today)
        assert warning is not None
        assert warning.startswith("2027年法定节假日安排尚未录入")
        assert "国务院办公厅通知" in warning

    def test_nothing_once_the_year_is_entered(self):
        YearScheduleFactory(year=2027)
        assert missing_schedule_warning(today=D(2026, 11, 20)) is None

    def test_nothing_when_the_package_covers_next_year(self):
        assert missing_schedule_warning(today=D(2025, 11, 20)) is None

    def test_another_years_entry_does_not_count(self):
        YearScheduleFactory(year=2026)
        YearScheduleFactory(year=2028)
        assert missing_schedule_warning(today=D(2026, 11, 20)) is not None


class TestYearOverviews:
    def test_sources_of_last_this_and_next_year(self, django_assert_max_num_queries):
        YearScheduleFactory(year=2025)
        with django_assert_max_num_queries(2):
            years = calendar_overview(today=D(2026, 6, 1))
        assert [(y.year, y.source) for y in years] == [(2025, YearSource.SCHEDULE), (2026, YearSource.PACKAGE), (2027, YearSource.FALLBACK)]
        assert [y.provisional for y in years] == [False, False, True]
        assert years[0].schedule.year == 2025
        assert years[1].schedule is None

    def test_package_year_lists_its_holidays_and_make_up_days(self):
        (year,) = year_overviews(years=[2026])
        periods = [(p.first, p.last, p.name, p.days) for p in year.holidays]
        assert (D(2026, 2, 15), D(2026, 2, 23), "春节", 9) in periods
        assert (D(2026, 10, 1), D(2026, 10, 7), "国庆节", 7) in periods
        assert len(periods) == 7
        make_up_days = [D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20), D(2026, 10, 10)]
        assert [day for day, _name in year.workdays] == make_up_days

    def test_fallback_year_lists_the_fixed_holidays(self):
        (year,) = year_overviews(years=[2027])
        assert [(p.first, p.last, p.name) for p in year.holidays] == [
            (D(2027, 1, 1), D(2027, 1, 1), "元旦"),
            (D(2027, 5, 1), D(2027, 5, 2), "劳动节"),
            (D(2027, 10, 1), D(2027, 10, 3), "国庆节"),
        ]
        assert year.workdays == []

    def test_entered_days_show_in_their_year(self):
        YearScheduleFactory(year=2027)
        CalendarOverrideFactory(date=D(2027, 2, 8), name="春节")
        CalendarOverrideFactory(date=D(2027, 2, 20), kind=OverrideKind.WORKDAY, name="春节")
        (year,) = year_overviews(years=[2027])
        assert (D(2027, 2, 8), D(2027, 2, 8), "春节") in [(p.first, p.last, p.name) for p in year.holidays]
        assert year.workdays == [(D(2027, 2, 20), "春节")]


def test_schedule_text_is_the_entered_year_in_the_line_format():
    for day in (8, 9, 10):
        CalendarOverrideFactory(date=D(2027, 2, day), name="春节")
    CalendarOverrideFactory(date=D(2027, 4, 5), name="清明节")
    CalendarOverrideFactory(date=D(2027, 2, 20), kind=OverrideKind.WORKDAY, name="春节")
    assert schedule_text(year=2027) == "2027-02-08 至 2027-02-10 春节\n2027-04-05 清明节\n2027-02-20 调休上班 春节"
    assert schedule_text(year=2028) == ""
