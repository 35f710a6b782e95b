"""Pausing and resuming: paused working days push the dates later and never count as used (行政许可法 第四十五条)."""

import datetime as dt

import pytest
import time_machine

from onewindow.audit.models import AuditEvent
from onewindow.common import time
from onewindow.common.errors import Conflict, InvalidInput
from onewindow.deadlines import kinds
from onewindow.deadlines.choices import DeadlineColor, DeadlineState
from onewindow.deadlines.models import PauseInterval
from onewindow.deadlines.services import deadline_pause, deadline_resume, deadline_start
from onewindow.deadlines.tests.factories import at
from onewindow.workdays.calendar import add_workdays

D = dt.date


def _ten_days(subject):
    # Monday 06-01 + 10 working days = Monday 06-15; warning 2 working days before = 06-11.
    return deadline_start(actor=None, subject=subject, kind=kinds.CASE_STAGE, start=at(2026, 6, 1), days=10)


def test_a_pause_over_three_working_days_pushes_the_due_date_by_exactly_three(subject, reviewer):
    deadline = _ten_days(subject)
    assert deadline.due_on == D(2026, 6, 15)
    with time_machine.travel(at(2026, 6, 3, 9), tick=False):
        deadline = deadline_pause(actor=reviewer, deadline=deadline, reason="专家评审")
        assert (deadline.state, deadline.paused_on) == (DeadlineState.PAUSED, D(2026, 6, 3))
    # Resumed Monday 06-08: 06-04, 06-05 and 06-08 were paused.
    with time_machine.travel(at(2026, 6, 8, 15), tick=False):
        deadline = deadline_resume(actor=reviewer, deadline=deadline)
    assert (deadline.state, deadline.paused_on, deadline.paused_days) == (DeadlineState.RUNNING, None, 3)
    assert deadline.due_on == add_workdays(D(2026, 6, 15), 3).due == D(2026, 6, 18)
    assert deadline.warn_on == D(2026, 6, 16)
    interval = PauseInterval.objects.get()
    assert (interval.reason, interval.days, interval.resumed_at) == ("专家评审", 3, at(2026, 6, 8, 15))
    resume = AuditEvent.objects.get(action="deadlines.deadline.resume")
    assert (resume.actor, resume.before["due_on"], resume.after["due_on"], resume.after["days"]) == (
        reviewer,
        "2026-06-15",
        "2026-06-18",
        3,
    )


def test_pause_and_resume_on_the_same_day_change_nothing(subject):
    deadline = _ten_days(subject)
    with time_machine.travel(at(2026, 6, 3, 9), tick=False):
        deadline = deadline_pause(actor=None, deadline=deadline, reason="检验检测")
    with time_machine.travel(at(2026, 6, 3, 16), tick=False):
        deadline = deadline_resume(actor=None, deadline=deadline)
    assert (deadline.due_on, deadline.warn_on, deadline.paused_days) == (D(2026, 6, 15), D(2026, 6, 11), 0)
    assert PauseInterval.objects.get().days == 0


def test_paused_days_do_not_count_as_used_and_the_colour_stands_still(subject):
    deadline = _ten_days(subject)
    with time_machine.travel(at(2026, 6, 11, 9), tick=False):  # the first yellow day
        deadline = deadline_pause(actor=None, deadline=deadline, reason="听证")
    with time_machine.travel(at(2026, 6, 30, 9), tick=False):  # long past the original due date
        assert deadline.color(time.today()) == DeadlineColor.YELLOW
        assert not deadline.is_overdue(time.now())
        assert deadline.used_workdays == 8  # 06-02 .. 06-11
        assert deadline.remaining_workdays(time.today()) == 2
        deadline = deadline_resume(actor=None, deadline=deadline)
        # 06-12 .. 06-30 were paused: 12 working days (端午 06-19 is off).
        assert (deadline.paused_days, deadline.used_workdays, deadline.remaining_workdays(time.today())) == (12, 8, 2)
        assert deadline.due_on == D(2026, 7, 2)
        assert deadline.color(time.today()) == DeadlineColor.YELLOW


def test_two_pauses_add_up(subject):
    deadline = _ten_days(subject)
    for paused, resumed in ((at(2026, 6, 2), at(2026, 6, 3)), (at(2026, 6, 4), at(2026, 6, 8))):
        with time_machine.travel(paused, tick=False):
            deadline = deadline_pause(actor=None, deadline=deadline, reason="专家评审")
        with time_machine.travel(resumed, tick=False):
            deadline = deadline_resume(actor=None, deadline=deadline)
    assert (deadline.paused_days, deadline.due_on) == (1 + 2, D(2026, 6, 18))
    assert list(PauseInterval.objects.order_by("paused_at").values_list("days", flat=True)) == [1, 2]


def test_a_pause_needs_a_reason_and_a_running_timer(subject):
    deadline = _ten_days(subject)
    with pytest.raises(InvalidInput) as caught:
        deadline_pause(actor=None, deadline=deadline, reason="  ")
    assert caught.value.code == "deadline_reason_required"
    with pytest.raises(InvalidInput):
        deadline_pause(actor=None, deadline=deadline, reason="长" * 501)
    deadline_pause(actor=None, deadline=deadline, reason="专家评审")
    with pytest.raises(Conflict) as caught:
        deadline_pause(actor=None, deadline=deadline, reason="再次暂停")
    assert caught.value.message == "期限当前为“已暂停”,不能暂停。"
    assert PauseInterval.objects.count() == 1
    assert AuditEvent.objects.filter(action="deadlines.deadline.pause").count() == 1


def test_only_a_paused_timer_resumes(subject):
    deadline = _ten_days(subject)
    with pytest.raises(Conflict) as caught:
        deadline_resume(actor=None, deadline=deadline)
    assert caught.value.code == "deadline_transition"
    assert not AuditEvent.objects.filter(action="deadlines.deadline.resume").exists()


def test_a_timer_that_has_not_started_is_not_paused(subject):
    deadline = deadline_start(actor=None, subject=subject, kind=kinds.CASE_STAGE, start=at(2026, 6, 10), days=10)
    with time_machine.travel(at(2026, 6, 9), tick=False), pytest.raises(Conflict) as caught:
        deadline_pause(actor=None, deadline=deadline, reason="专家评审")
    assert caught.value.code == "deadline_not_started"
    assert not PauseInterval.objects.exists()
