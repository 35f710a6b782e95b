"""Meeting, cancelling and reassigning timers."""

import datetime as dt

import pytest
import time_machine

from onewindow.accounts.choices import Role
from onewindow.audit.models import AuditEvent
from onewindow.common.errors import Conflict, InvalidInput
from onewindow.deadlines import kinds
from onewindow.deadlines.choices import DeadlineColor, DeadlineState
from onewindow.deadlines.services import (
    UNCHANGED,
    deadline_cancel,
    deadline_meet,
    deadline_pause,
    deadline_reassign,
    deadline_start,
)
from onewindow.deadlines.tests.factories import at

D = dt.date


def _ten_days(subject, **fields):
    return deadline_start(actor=None, subject=subject, kind=kinds.CASE_STAGE, start=at(2026, 6, 1), days=10, **fields)


@pytest.mark.parametrize(("moment", "on_time"), [(at(2026, 6, 15, 23, 59), True), (at(2026, 6, 16, 0, 1), False)])
def test_met_on_time_means_by_the_end_of_the_due_day_in_shanghai(subject, reviewer, moment, on_time):
    deadline = _ten_days(subject)
    with time_machine.travel(moment, tick=False):
        deadline = deadline_meet(actor=reviewer, deadline=deadline)
    assert (deadline.state, deadline.met_at, deadline.met_on_time) == (DeadlineState.MET, moment, on_time)
    assert deadline.color(D(2026, 7, 1)) == DeadlineColor.GRAY
    assert not deadline.is_overdue(at(2026, 7, 1))
    assert AuditEvent.objects.filter(action="deadlines.deadline.meet", actor=reviewer).count() == 1


def test_met_at_an_earlier_moment(subject):
    deadline = _ten_days(subject)
    with time_machine.travel(at(2026, 6, 20), tick=False):
        deadline = deadline_meet(actor=None, deadline=deadline, at=at(2026, 6, 12, 16))
    assert (deadline.met_at, deadline.met_on_time, deadline.used_workdays) == (at(2026, 6, 12, 16), True, 9)


@pytest.mark.parametrize("moment", [at(2026, 5, 31), at(2026, 6, 9)])
def test_met_at_must_lie_between_the_start_and_now(subject, moment):
    deadline = _ten_days(subject)
    with time_machine.travel(at(2026, 6, 8), tick=False), pytest.raises(InvalidInput):
        deadline_meet(actor=None, deadline=deadline, at=moment)
    deadline.refresh_from_db()
    assert deadline.state == DeadlineState.RUNNING


def test_met_while_paused_closes_the_pause(subject):
    deadline = _ten_days(subject)
    with time_machine.travel(at(2026, 6, 3), tick=False):
        deadline = deadline_pause(actor=None, deadline=deadline, reason="检验检测")
    with time_machine.travel(at(2026, 6, 20), tick=False):
        with pytest.raises(InvalidInput):
            deadline_meet(actor=None, deadline=deadline, at=at(2026, 6, 2))  # before the pause began
        deadline = deadline_meet(actor=None, deadline=deadline)
    # 06-04 .. 06-20 paused: 11 working days (端午 06-19 off) → due 06-15 + 11 = 07-01.
    assert (deadline.state, deadline.paused_on, deadline.paused_days, deadline.due_on) == (DeadlineState.MET, None, 11, D(2026, 7, 1))
    assert deadline.met_on_time is True
    assert deadline.pauses.get().resumed_at == at(2026, 6, 20)


def test_cancel_records_the_moment_and_reason(subject, reviewer):
    deadline = _ten_days(subject)
    with time_machine.travel(at(2026, 6, 5), tick=False):
        deadline = deadline_cancel(actor=reviewer, deadline=deadline, reason="申请人撤回申请")
    assert (deadline.state, deadline.cancelled_at, deadline.met_on_time) == (DeadlineState.CANCELLED, at(2026, 6, 5), None)
    assert AuditEvent.objects.get(action="deadlines.deadline.cancel").after["reason"] == "申请人撤回申请"
    with pytest.raises(Conflict):
        deadline_meet(actor=None, deadline=deadline)


def test_reassign_changes_the_handler_or_the_department(subject, department, other_department, reviewer, make_staff):
    deadline = _ten_days(subject, department=department, handler=reviewer)
    colleague = make_staff(Role.REVIEWER, department=department)
    deadline = deadline_reassign(actor=reviewer, deadline=deadline, handler=colleague)
    assert (deadline.department, deadline.handler) == (department, colleague)
    deadline = deadline_reassign(actor=reviewer, deadline=deadline, department=other_department, handler=None)
    assert (deadline.department, deadline.handler) == (other_department, None)
    events = AuditEvent.objects.filter(action="deadlines.deadline.reassign").order_by("seq")
    assert [e.after["handler_id"] for e in events] == [colleague.pk, None]
    deadline_reassign(actor=reviewer, deadline=deadline, department=UNCHANGED)
    assert events.count() == 2  # nothing changed, nothing recorded
