"""Starting a timer: due dates in working days over 2026's holidays, warning dates, provisional years, bad input."""

import datetime as dt

import pytest

from onewindow.audit.models import AuditEvent
from onewindow.common.errors import InvalidInput
from onewindow.deadlines import kinds
from onewindow.deadlines.choices import DeadlineState
from onewindow.deadlines.models import Deadline
from onewindow.deadlines.services import deadline_start
from onewindow.deadlines.tests.factories import at
from onewindow.orgs.models import Department

D = dt.date


def test_a_20_day_limit_started_in_mid_autumn_runs_over_national_day_and_the_make_up_saturday(subject, department, reviewer):
    # 中秋 9-25..27 and 国庆 10-1..7 are off; Saturday 10-10 is a make-up working day (调休上班).
    # Working days after 9-25: 9-28, 9-29, 9-30 (3), 10-8, 10-9, 10-10 (6), 10-12..16 (11), 10-19..23 (16), 10-26..29 (20).
    deadline = deadline_start(
        actor=reviewer, subject=subject, kind=kinds.CASE_STATUTORY, start=at(2026, 9, 25), days=20, department=department, handler=reviewer
    )
    assert (deadline.due_on, deadline.provisional, deadline.state) == (D(2026, 10, 29), False, DeadlineState.RUNNING)
    # Warning window: max(2, ⌈20 × 20%⌉) = 4 working days before: 10-28, 10-27, 10-26, 10-23.
    assert deadline.warn_on == D(2026, 10, 23)
    assert (deadline.department, deadline.handler, deadline.allotted_days) == (department, reviewer, 20)
    assert (deadline.subject_type, deadline.subject_id) == ("orgs.department", str(subject.pk))


def test_the_5_day_acceptance_reply_runs_over_the_spring_festival(subject):
    # Submitted Thursday 2-12; 2-13 (1) and make-up Saturday 2-14 (2); 春节 2-15..23 off; 2-24 (3), 2-25 (4), 2-26 (5).
    deadline = deadline_start(actor=None, subject=subject, kind=kinds.CASE_ACCEPTANCE, start=at(2026, 2, 12), days=5)
    assert (deadline.due_on, deadline.warn_on) == (D(2026, 2, 26), D(2026, 2, 24))


def test_the_start_is_the_date_in_shanghai(subject):
    # 2026-06-01 17:30 UTC is 06-02 01:30 in Shanghai: the period counts from 06-03.
    start = dt.datetime(2026, 6, 1, 17, 30, tzinfo=dt.UTC)
    deadline = deadline_start(actor=None, subject=subject, kind=kinds.CASE_STAGE, start=start, days=1)
    assert (deadline.start_date, deadline.due_on) == (D(2026, 6, 2), D(2026, 6, 3))


def test_zero_days_is_due_the_same_day_and_yellow_from_the_start(subject):
    deadline = deadline_start(actor=None, subject=subject, kind=kinds.CASE_STAGE, start=at(2026, 6, 3, 16), days=0)
    assert (deadline.due_on, deadline.warn_on) == (D(2026, 6, 3), D(2026, 6, 3))


def test_the_warning_date_is_never_before_the_start(subject):
    deadline = deadline_start(actor=None, subject=subject, kind=kinds.RATING_FOLLOW_UP, start=at(2026, 6, 1), days=1)
    assert (deadline.due_on, deadline.warn_on) == (D(2026, 6, 2), D(2026, 6, 1))


def test_calendar_day_kinds_end_on_the_next_working_day_after_a_holiday(subject):
    # 7 日 after 9-24 is 10-01, 国庆: the period ends on the first working day after it (民法典 第二百零三条).
    deadline = deadline_start(actor=None, subject=subject, kind=kinds.ABNORMAL_LIST_REMOVAL, start=at(2026, 9, 24), days=7)
    assert deadline.due_on == D(2026, 10, 8)
    plain = deadline_start(actor=None, subject=subject, kind=kinds.ABNORMAL_LIST_REMOVAL, start=at(2026, 6, 1), days=7)
    assert plain.due_on == D(2026, 6, 8)


@pytest.mark.parametrize(
    ("start", "days", "provisional"),
    [
        (at(2026, 6, 1), 20, False),
        (at(2026, 12, 10), 20, True),  # runs into 2027, whose schedule nobody entered
        (at(2027, 3, 1), 5, True),
        (at(2027, 3, 1), 0, True),
    ],
)
def test_a_due_date_in_a_year_without_a_schedule_is_provisional(subject, start, days, provisional):
    deadline = deadline_start(actor=None, subject=subject, kind=kinds.CASE_STAGE, start=start, days=days)
    assert deadline.provisional is provisional
    assert (deadline.due_on.year > 2026) is provisional


def test_the_start_is_audited(subject, reviewer):
    deadline = deadline_start(actor=reviewer, subject=subject, kind=kinds.CASE_DELIVERY, start=at(2026, 6, 1), days=10)
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.object_id) == ("deadlines.deadline.start", reviewer, str(deadline.pk))
    assert event.after["due_on"] == "2026-06-15"
    assert event.after["kind"] == "case_delivery"


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"kind": "no_such_kind"}, "deadline_kind_unknown"),
        ({"days": -1}, "deadline_days_invalid"),
        ({"days": 2001}, "deadline_days_invalid"),
        ({"start": dt.datetime(2026, 6, 1, 10, 0)}, "deadline_naive_datetime"),
        ({"subject": Department(name="未保存")}, "deadline_subject_unsaved"),
    ],
)
def test_bad_input_writes_nothing(subject, changes, code):
    arguments = {"actor": None, "subject": subject, "kind": kinds.CASE_STAGE, "start": at(2026, 6, 1), "days": 10, **changes}
    with pytest.raises(InvalidInput) as caught:
        deadline_start(**arguments)
    assert caught.value.code == code
    assert not Deadline.objects.exists() and not AuditEvent.objects.exists()
