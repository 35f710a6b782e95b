"""Removing an entered year."""

import datetime as dt

import pytest

from onewindow.accounts.choices import Role
from onewindow.audit.models import AuditEvent
from onewindow.common.errors import Forbidden, NotFound
from onewindow.workdays.calendar import is_workday
from onewindow.workdays.models import CalendarOverride, YearSchedule
from onewindow.workdays.services import schedule_delete
from onewindow.workdays.tests.factories import CalendarOverrideFactory, YearScheduleFactory

pytestmark = pytest.mark.django_db


def test_removes_the_year_and_its_overrides_audited(system_admin):
    YearScheduleFactory(year=2027)
    CalendarOverrideFactory(date=dt.date(2027, 2, 8))
    CalendarOverrideFactory(date=dt.date(2026, 3, 11), name="特别假日")
    schedule_delete(actor=system_admin, year=2027)
    assert not YearSchedule.objects.exists()
    assert list(CalendarOverride.objects.values_list("date", flat=True)) == [dt.date(2026, 3, 11)]
    assert is_workday(dt.date(2027, 2, 8)).provisional is True
    event = AuditEvent.objects.get(action="workdays.schedule.delete")
    assert event.before["holidays"] == [["2027-02-08", "2027-02-08", "春节"]]
    assert event.after is None


def test_a_year_not_entered_is_not_found(system_admin):
    with pytest.raises(NotFound):
        schedule_delete(actor=system_admin, year=2027)


def test_other_roles_may_not(make_staff, county):
    YearScheduleFactory(year=2027)
    with pytest.raises(Forbidden):
        schedule_delete(actor=make_staff(Role.SUPERVISOR, region=county), year=2027)
    assert YearSchedule.objects.exists()
