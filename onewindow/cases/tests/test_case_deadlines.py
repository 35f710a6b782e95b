"""A case's timers on 2026's real calendar (chinese-calendar), in Asia/Shanghai.

国庆节 2026: 1–7 October off; Sunday 20 September and Saturday 10 October are working days
(调休); 25–27 September are the 中秋 days off. Periods count working days and exclude the start
day (行政许可法 第八十二条). The case row's `due_on`/`warn_on` copy its leading running timer.
"""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from onewindow.cases import services
from onewindow.cases.choices import CaseStatus
from onewindow.cases.models import Case
from onewindow.cases.services.timers import QUEUE_KINDS
from onewindow.cases.tests.factories import case_item, submitted_case
from onewindow.deadlines import kinds
from onewindow.deadlines.choices import OPEN_STATES, DeadlineState
from onewindow.deadlines.models import Deadline, subject_key
from onewindow.deadlines.scan import deadline_scan
from onewindow.workdays.calendar import is_workday

pytestmark = pytest.mark.django_db

SHANGHAI = dt.timezone(dt.timedelta(hours=8))
D = dt.date


def at(day: str, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(D.fromisoformat(day), dt.time(hour), tzinfo=SHANGHAI)


def timer(case: Case, kind: str) -> Deadline:
    subject_type, subject_id = subject_key(case)
    return Deadline.objects.filter(subject_type=subject_type, subject_id=subject_id, kind=kind).latest("id")


def assert_copies_leading_timer(case: Case) -> None:
    """The case row's deadline copy is its leading open timer's (承诺时限 first, then 受理答复, 送达, 补正)."""
    case.refresh_from_db()
    subject_type, subject_id = subject_key(case)
    rows = {d.kind: d for d in Deadline.objects.filter(subject_type=subject_type, subject_id=subject_id, state__in=OPEN_STATES)}
    leading = next((rows[k] for k in QUEUE_KINDS if k in rows), None)
    assert (case.due_on, case.warn_on) == ((leading.due_on, leading.warn_on) if leading else (None, None))


@pytest.fixture
def submitted(county, item):
    """Submitted at the window on Monday 2026-09-28, just before 国庆."""
    with time_machine.travel(at("2026-09-28"), tick=False):
        return submitted_case(county, item)


def test_the_2026_calendar_is_the_official_one():
    assert [is_workday(day).workday for day in (D(2026, 9, 20), D(2026, 9, 27), D(2026, 10, 1), D(2026, 10, 7), D(2026, 10, 10))] == [
        True,  # Sunday, 调休 working day
        False,  # Sunday, 中秋 days off 25–27 September
        False,
        False,
        True,  # Saturday, 调休 working day
    ]


def test_the_five_day_reply_period_runs_across_the_national_day_holiday(submitted):
    reply = timer(submitted, kinds.CASE_ACCEPTANCE)
    # 29, 30 September, 8, 9 October and Saturday 10 October (调休).
    assert (reply.allotted_days, reply.due_on, reply.warn_on, reply.provisional) == (5, D(2026, 10, 10), D(2026, 10, 8), False)
    assert (submitted.due_on, submitted.warn_on) == (D(2026, 10, 10), D(2026, 10, 8))
    assert_copies_leading_timer(submitted)
    assert [submitted.color(day) for day in (D(2026, 9, 30), D(2026, 10, 8), D(2026, 10, 10), D(2026, 10, 11))] == [
        "green",
        "yellow",
        "yellow",
        "red",
    ]


def test_the_promised_and_statutory_limits_run_from_acceptance(county, item, submitted):
    with time_machine.travel(at("2026-09-28", 15), tick=False):
        case = services.case_accept(actor=county.clerk, case=submitted)

    promised, statutory = timer(case, kinds.CASE_PROMISED), timer(case, kinds.CASE_STATUTORY)
    assert (promised.allotted_days, promised.due_on, promised.warn_on) == (10, D(2026, 10, 16), D(2026, 10, 14))
    assert (statutory.allotted_days, statutory.due_on, statutory.warn_on) == (20, D(2026, 10, 30), D(2026, 10, 26))
    assert timer(case, kinds.CASE_ACCEPTANCE).state == DeadlineState.MET
    assert (case.due_on, case.warn_on) == (D(2026, 10, 16), D(2026, 10, 14))
    assert_copies_leading_timer(case)
    notice = case.documents.get()
    assert (notice.content["accepted_on"], notice.content["promised_due"]) == ("2026-09-28", "2026-10-16")


def test_acceptance_after_the_holiday_counts_from_that_day(county, item, submitted):
    with time_machine.travel(at("2026-10-09"), tick=False):  # Friday
        case = services.case_accept(actor=county.clerk, case=submitted)
    # 10 (Sat, 调休), 12–16, 19–22 October.
    assert timer(case, kinds.CASE_PROMISED).due_on == D(2026, 10, 22)
    assert_copies_leading_timer(case)


def test_deemed_acceptance_counts_from_receipt(county, item, submitted):
    with time_machine.travel(at("2026-10-12", 1), tick=False):
        report = deadline_scan(today=D(2026, 10, 12))
    case = Case.objects.get(pk=submitted.pk)
    assert (report.overdue, case.status, case.deemed_accepted) == (1, CaseStatus.ACCEPTED, True)
    assert case.accepted_at == case.submitted_at == at("2026-09-28")
    assert timer(case, kinds.CASE_PROMISED).due_on == D(2026, 10, 16)
    assert timer(case, kinds.CASE_STATUTORY).due_on == D(2026, 10, 30)
    assert_copies_leading_timer(case)


@pytest.mark.parametrize(
    ("suspended", "resumed", "paused_days", "promised_due", "statutory_due"),
    [
        ("2026-10-12", "2026-10-14", 2, D(2026, 10, 20), D(2026, 11, 3)),
        # Across the holiday only the working days count: 8 and 9 October.
        ("2026-09-30", "2026-10-09", 2, D(2026, 10, 20), D(2026, 11, 3)),
        ("2026-10-13", "2026-10-13", 0, D(2026, 10, 16), D(2026, 10, 30)),
    ],
)
def test_paused_days_push_the_due_dates(county, item, submitted, suspended, resumed, paused_days, promised_due, statutory_due):
    with time_machine.travel(at("2026-09-28", 15), tick=False):
        case = services.case_accept(actor=county.clerk, case=submitted)
    with time_machine.travel(at(suspended), tick=False):
        case = services.case_suspend(actor=county.reviewer, case=case, procedure="检验检测", reason="送检")
        assert {timer(case, k).state for k in (kinds.CASE_PROMISED, kinds.CASE_STATUTORY)} == {DeadlineState.PAUSED}
    with time_machine.travel(at(resumed, 16), tick=False):
        case = services.case_resume(actor=county.reviewer, case=case, result="检验合格")

    promised, statutory = timer(case, kinds.CASE_PROMISED), timer(case, kinds.CASE_STATUTORY)
    assert (promised.paused_days, promised.due_on) == (paused_days, promised_due)
    assert (statutory.paused_days, statutory.due_on) == (paused_days, statutory_due)
    assert_copies_leading_timer(case)


def test_a_paused_case_keeps_its_due_date_and_shows_gray(county, item, submitted):
    with time_machine.travel(at("2026-09-28", 15), tick=False):
        case = services.case_accept(actor=county.clerk, case=submitted)
    with time_machine.travel(at("2026-10-12"), tick=False):
        case = services.case_suspend(actor=county.reviewer, case=case, procedure="听证", reason="申请人要求听证")
    case.refresh_from_db()
    assert case.due_on == D(2026, 10, 16)
    assert case.color(D(2026, 11, 30)) == "gray"
    # A paused clock is never overdue: the scan leaves it alone.
    with time_machine.travel(at("2026-11-30"), tick=False):
        assert deadline_scan(today=D(2026, 11, 30)).overdue == 0


def test_an_extension_adds_ten_working_days_to_both_limits(county, submitted):
    statutory_days, promised_due, statutory_due = 20, D(2026, 10, 30), D(2026, 11, 13)
    with time_machine.travel(at("2026-09-28", 15), tick=False):
        case = services.case_accept(actor=county.clerk, case=submitted)
    with time_machine.travel(at("2026-10-15"), tick=False):
        case = services.case_extend(actor=county.decider, case=case, reason="需补充调查")

    promised, statutory = timer(case, kinds.CASE_PROMISED), timer(case, kinds.CASE_STATUTORY)
    assert (promised.extended_days, promised.due_on) == (10, promised_due)
    assert (statutory.allotted_days, statutory.extended_days, statutory.due_on) == (statutory_days, 10, statutory_due)
    assert (case.due_on, case.extended_days) == (promised_due, 10)
    assert_copies_leading_timer(case)
    assert case.documents.latest("id").content["new_due"] == statutory_due.isoformat()


def test_a_joint_item_is_extended_by_fifteen(county):
    item = case_item(county.department, joint_handling=True, promised=30, statutory=45)
    with time_machine.travel(at("2026-09-28"), tick=False):
        case = services.case_accept(actor=county.clerk, case=submitted_case(county, item))
    before = timer(case, kinds.CASE_STATUTORY).due_on
    with time_machine.travel(at("2026-10-15"), tick=False):
        case = services.case_extend(actor=county.decider, case=case, reason="多部门联合办理")
    statutory = timer(case, kinds.CASE_STATUTORY)
    assert (statutory.allotted_days, statutory.extended_days, before, statutory.due_on) == (45, 15, D(2026, 12, 4), D(2026, 12, 25))


def test_the_correction_and_delivery_periods(county, item, submitted):
    with time_machine.travel(at("2026-09-29"), tick=False):
        case = services.case_request_correction(actor=county.clerk, case=submitted, problems={"M01": "请签字"})
    correction = timer(case, kinds.CASE_CORRECTION)
    assert (correction.allotted_days, correction.due_on) == (15, D(2026, 10, 26))
    assert_copies_leading_timer(case)

    with time_machine.travel(at("2026-10-12"), tick=False):
        case = services.case_resubmit(actor=county.clerk, case=case)
        assert timer(case, kinds.CASE_ACCEPTANCE).due_on == D(2026, 10, 19)
        case = services.case_accept(actor=county.clerk, case=case)
        task = case.tasks.get(state="open")
        case = services.case_complete_stage(actor=county.reviewer, case=case, task=task, opinion="符合条件")
    with time_machine.travel(at("2026-10-16"), tick=False):
        case = services.case_approve(actor=county.decider, case=case, opinion="同意")
    delivery = timer(case, kinds.CASE_DELIVERY)
    assert (delivery.allotted_days, delivery.due_on) == (10, D(2026, 10, 30))
    assert case.due_on == D(2026, 10, 30)
    assert_copies_leading_timer(case)


def test_a_period_reaching_into_a_year_without_a_schedule_is_provisional(county, item):
    with time_machine.travel(at("2026-12-28"), tick=False):
        case = submitted_case(county, item)
    reply = timer(case, kinds.CASE_ACCEPTANCE)
    # 2027 falls back to weekends and the fixed-date holidays (元旦 1 January).
    assert (reply.due_on, reply.provisional) == (D(2027, 1, 5), True)
