"""Extending a timer (行政许可法 第四十二条: +10 working days with reasons)."""

import datetime as dt

import pytest
import time_machine

from onewindow.audit.models import AuditEvent
from onewindow.common.errors import Conflict, InvalidInput
from onewindow.deadlines import kinds
from onewindow.deadlines.services import deadline_cancel, deadline_extend, deadline_pause, deadline_start
from onewindow.deadlines.tests.factories import at

D = dt.date


def _statutory(subject):
    # Due 10-29 (see test_deadline_start), warning from 10-23.
    return deadline_start(actor=None, subject=subject, kind=kinds.CASE_STATUTORY, start=at(2026, 9, 25), days=20)


def test_extending_by_10_moves_the_due_date_10_working_days_and_widens_the_window(subject, reviewer):
    deadline = _statutory(subject)
    with time_machine.travel(at(2026, 10, 26), tick=False):
        deadline = deadline_extend(actor=reviewer, deadline=deadline, days=10, reason="需要现场核查,经负责人批准延长十日")
    # 10-30 (1), 11-2..6 (6), 11-9..12 (10); window max(2, ⌈30 × 20%⌉) = 6: 11-11, 10, 9, 6, 5, 4.
    assert (deadline.due_on, deadline.warn_on) == (D(2026, 11, 12), D(2026, 11, 4))
    assert (deadline.allotted_days, deadline.extended_days, deadline.granted_days) == (20, 10, 30)
    event = AuditEvent.objects.get(action="deadlines.deadline.extend")
    assert (event.actor, event.after["days"], event.after["reason"], event.before["due_on"]) == (
        reviewer,
        10,
        "需要现场核查,经负责人批准延长十日",
        "2026-10-29",
    )


def test_a_paused_timer_can_be_extended(subject):
    deadline = _statutory(subject)
    with time_machine.travel(at(2026, 10, 12), tick=False):
        deadline_pause(actor=None, deadline=deadline, reason="专家评审")
        deadline = deadline_extend(actor=None, deadline=deadline, days=10, reason="联合办理")
    assert deadline.due_on == D(2026, 11, 12)


@pytest.mark.parametrize(("days", "reason", "code"), [(0, "理由", "deadline_days_invalid"), (10, " ", "deadline_reason_required")])
def test_an_extension_needs_days_and_a_reason(subject, days, reason, code):
    deadline = _statutory(subject)
    with pytest.raises(InvalidInput) as caught:
        deadline_extend(actor=None, deadline=deadline, days=days, reason=reason)
    assert caught.value.code == code
    deadline.refresh_from_db()
    assert (deadline.extended_days, deadline.due_on) == (0, D(2026, 10, 29))


def test_the_days_granted_stay_under_the_maximum(subject):
    deadline = _statutory(subject)
    with pytest.raises(InvalidInput):
        deadline_extend(actor=None, deadline=deadline, days=1981, reason="过长")


def test_a_finished_timer_is_not_extended(subject):
    deadline = deadline_cancel(actor=None, deadline=_statutory(subject), reason="申请人撤回")
    with pytest.raises(Conflict) as caught:
        deadline_extend(actor=None, deadline=deadline, days=10, reason="延期")
    assert caught.value.message == "期限当前为“已取消”,不能延期。"
