"""Recalculating open timers once a provisional year's schedule is entered."""

import datetime as dt

import time_machine
from django.core.management import call_command

from onewindow.audit.models import AuditEvent
from onewindow.deadlines import kinds
from onewindow.deadlines.services import deadline_cancel, deadline_start, deadlines_recalculate
from onewindow.deadlines.tests.factories import at
from onewindow.workdays.choices import OverrideKind
from onewindow.workdays.tests.factories import CalendarOverrideFactory, YearScheduleFactory

D = dt.date


def test_entering_next_years_schedule_makes_its_deadlines_exact(subject):
    with time_machine.travel(at(2026, 12, 28), tick=False):
        # Without 2027's schedule only 1-1 is off: 12-29, 12-30, 12-31, 1-4, 1-5 → due 2027-01-05.
        deadline = deadline_start(actor=None, subject=subject, kind=kinds.CASE_ACCEPTANCE, start=at(2026, 12, 28), days=5)
        untouched = deadline_start(actor=None, subject=subject, kind=kinds.CASE_ACCEPTANCE, start=at(2026, 12, 1), days=5)
        closed = deadline_cancel(
            actor=None, deadline=deadline_start(actor=None, subject=subject, kind=kinds.CASE_ACCEPTANCE, start=at(2026, 12, 28), days=5)
        )
        assert (deadline.due_on, deadline.provisional) == (D(2027, 1, 5), True)
        YearScheduleFactory(year=2027)
        CalendarOverrideFactory(date=D(2027, 1, 4), kind=OverrideKind.HOLIDAY, name="元旦")
        assert deadlines_recalculate(actor=None, since=D(2027, 1, 1)) == 1
    deadline.refresh_from_db()
    closed.refresh_from_db()
    assert (deadline.due_on, deadline.provisional) == (D(2027, 1, 6), False)
    assert closed.due_on == D(2027, 1, 5)
    assert list(AuditEvent.objects.filter(action="deadlines.deadline.recalculate").values_list("object_id", flat=True)) == [
        str(deadline.pk)
    ]
    assert untouched.due_on == D(2026, 12, 8)


def test_the_command_recalculates(subject, capsys):
    deadline_start(actor=None, subject=subject, kind=kinds.CASE_ACCEPTANCE, start=at(2026, 6, 1), days=5)
    call_command("deadlines_recalculate", "--since", "2026-01-01")
    assert capsys.readouterr().out == "0 deadlines changed.\n"
