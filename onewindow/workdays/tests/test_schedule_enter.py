"""Entering a year's State Council arrangement: permissions, validation, replacement, audit."""

import datetime as dt

import pytest

from onewindow.accounts.choices import Role
from onewindow.accounts.tests.factories import UserFactory
from onewindow.audit.models import AuditEvent
from onewindow.common.errors import Forbidden, InvalidInput
from onewindow.workdays.calendar import DayInfo, add_workdays, is_workday
from onewindow.workdays.choices import OverrideKind
from onewindow.workdays.models import CalendarOverride, YearSchedule
from onewindow.workdays.services import schedule_enter
from onewindow.workdays.tests.factories import CalendarOverrideFactory

pytestmark = pytest.mark.django_db

D = dt.date

HOLIDAYS = [(D(2027, 1, 1), D(2027, 1, 3), "元旦"), (D(2027, 2, 6), D(2027, 2, 13), "春节")]
WORKDAYS = [(D(2027, 2, 14), "春节")]


def _enter(actor, **changes):
    arguments = {
        "actor": actor,
        "year": 2027,
        "notice": "国办发明电〔2026〕7号",
        "notice_date": D(2026, 11, 4),
        "holidays": HOLIDAYS,
        "workdays": WORKDAYS,
    }
    arguments.update(changes)
    return schedule_enter(**arguments)


def test_enters_the_year_and_audits_it(system_admin):
    schedule = _enter(system_admin)
    assert YearSchedule.objects.get(year=2027) == schedule
    assert schedule.entered_by == system_admin
    assert CalendarOverride.objects.filter(kind=OverrideKind.HOLIDAY).count() == 3 + 8
    assert CalendarOverride.objects.get(date=D(2027, 2, 14)).kind == OverrideKind.WORKDAY
    assert set(CalendarOverride.objects.values_list("notice", flat=True)) == {"国办发明电〔2026〕7号"}
    event = AuditEvent.objects.get(action="workdays.schedule.enter")
    assert event.actor == system_admin
    assert event.before is None
    assert event.after["holidays"] == [["2027-01-01", "2027-01-03", "元旦"], ["2027-02-06", "2027-02-13", "春节"]]
    assert event.after["workdays"] == [["2027-02-14", "春节"]]


def test_the_entered_year_is_used_and_no_longer_provisional(system_admin):
    _enter(system_admin)
    assert is_workday(D(2027, 2, 8)) == DayInfo(workday=False, provisional=False, name="春节")
    assert is_workday(D(2027, 2, 14)) == DayInfo(workday=True, provisional=False, name="春节")
    assert add_workdays(D(2027, 2, 5), 2).due == D(2027, 2, 15)  # Sun 14th (make-up) then Mon 15th


def test_entering_again_replaces_the_year(system_admin):
    _enter(system_admin)
    CalendarOverrideFactory(date=D(2026, 12, 31), name="跨年")  # another year's row stays
    _enter(system_admin, notice="国办发明电〔2026〕9号", holidays=[(D(2027, 2, 7), D(2027, 2, 12), "春节")], workdays=[])
    assert YearSchedule.objects.get().notice == "国办发明电〔2026〕9号"
    assert sorted(CalendarOverride.objects.values_list("date", flat=True)) == [D(2026, 12, 31)] + [D(2027, 2, d) for d in range(7, 13)]
    event = AuditEvent.objects.filter(action="workdays.schedule.enter").latest("seq")
    assert event.before["notice"] == "国办发明电〔2026〕7号"
    assert event.after["holidays"] == [["2027-02-07", "2027-02-12", "春节"]]


def test_a_superuser_may_enter():
    _enter(UserFactory(is_superuser=True))
    assert YearSchedule.objects.filter(year=2027).exists()


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.DEPARTMENT_ADMIN, Role.SUPERVISOR])
def test_other_roles_may_not(make_staff, department, role):
    user = make_staff(role, department=department)
    with pytest.raises(Forbidden):
        _enter(user)
    assert not YearSchedule.objects.exists()
    assert not CalendarOverride.objects.exists()


def test_anonymous_may_not(db):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(Forbidden):
        _enter(AnonymousUser())


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"year": 1999}, "year_out_of_range"),
        ({"year": 2100}, "year_out_of_range"),
        ({"notice": "  "}, "notice_required"),
        ({"notice": "号" * 101}, "notice_too_long"),
        ({"notice_date": None}, "notice_date_required"),
        ({"holidays": []}, "holidays_required"),
        ({"holidays": [(D(2026, 12, 31), D(2027, 1, 2), "元旦")]}, "date_outside_year"),
        ({"holidays": [(D(2028, 1, 1), D(2028, 1, 1), "元旦")]}, "date_outside_year"),
        ({"workdays": [(D(2026, 12, 27), "元旦")]}, "date_outside_year"),
        ({"holidays": [(D(2027, 1, 3), D(2027, 1, 1), "元旦")]}, "invalid_range"),
        ({"holidays": [*HOLIDAYS, (D(2027, 2, 13), D(2027, 2, 15), "春节")]}, "holidays_overlap"),
        ({"holidays": [*HOLIDAYS, (D(2027, 1, 2), D(2027, 1, 2), "元旦")]}, "holidays_overlap"),
        ({"workdays": [(D(2027, 2, 8), "春节")]}, "day_both_kinds"),
        ({"workdays": [(D(2027, 2, 14), "春节"), (D(2027, 2, 14), "春节")]}, "workday_repeated"),
        ({"holidays": [(D(2027, 1, 1), D(2027, 1, 1), " ")]}, "name_required"),
        ({"workdays": [(D(2027, 2, 14), "")]}, "name_required"),
    ],
)
def test_invalid_input_writes_nothing(system_admin, changes, code):
    with pytest.raises(InvalidInput) as error:
        _enter(system_admin, **changes)
    assert error.value.code == code
    assert error.value.message
    assert not YearSchedule.objects.exists()
    assert not CalendarOverride.objects.exists()
    assert not AuditEvent.objects.exists()


def test_invalid_input_keeps_the_previous_entry(system_admin):
    _enter(system_admin)
    with pytest.raises(InvalidInput):
        _enter(system_admin, workdays=[(D(2027, 2, 8), "春节")])
    assert YearSchedule.objects.get().notice == "国办发明电〔2026〕7号"
    assert CalendarOverride.objects.count() == 12
    assert AuditEvent.objects.count() == 1


def test_messages_are_chinese_and_name_the_entry(system_admin):
    with pytest.raises(InvalidInput) as error:
        _enter(system_admin, holidays=[*HOLIDAYS, (D(2027, 2, 13), D(2027, 2, 15), "春节")])
    assert "2027-02-06 至 2027-02-13 春节" in error.value.message
    assert "重叠" in error.value.message
