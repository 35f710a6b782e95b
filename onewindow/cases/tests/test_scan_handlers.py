"""What the deadline scan does to cases: deemed acceptance (行政许可法 第三十二条), deemed approval
(超时默认) and termination for gaps not supplied (容缺受理) — each once, however often it runs."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.db.models import Q

from onewindow.audit.models import AuditEvent
from onewindow.cases import services
from onewindow.cases.choices import CaseAction, CaseStatus, Decision, DocumentKind, TaskState
from onewindow.cases.models import Case, CaseDocument, CaseStep, StageTask
from onewindow.cases.tests.factories import case_item, submitted_case
from onewindow.catalog.choices import StageKind
from onewindow.deadlines import kinds
from onewindow.deadlines.choices import OPEN_STATES, DeadlineState
from onewindow.deadlines.models import Deadline, subject_key
from onewindow.deadlines.scan import ScanReport, deadline_scan
from onewindow.notifications.models import Notification

pytestmark = pytest.mark.django_db

A = CaseAction
S = CaseStatus
SHANGHAI = dt.timezone(dt.timedelta(hours=8))
D = dt.date


def at(day: str, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(D.fromisoformat(day), dt.time(hour), tzinfo=SHANGHAI)


def scan(day: str) -> ScanReport:
    """The scan as the periodic command runs it early on `day`."""
    with time_machine.travel(at(day, 1), tick=False):
        report = deadline_scan(today=D.fromisoformat(day))
    assert report.failed == 0
    return report


def timer(case: Case, kind: str) -> Deadline:
    subject_type, subject_id = subject_key(case)
    return Deadline.objects.filter(subject_type=subject_type, subject_id=subject_id, kind=kind).latest("id")


def everything(*, deadlines: bool = True) -> dict[str, Any]:
    """What a scan could change, to see a second one change nothing (a later day's scan may still
    record new events of other timers, such as the delivery clock: `deadlines=False`)."""
    state = {
        "cases": list(Case.objects.order_by("pk").values()),
        "steps": CaseStep.objects.count(),
        "tasks": list(StageTask.objects.order_by("pk").values_list("pk", "state")),
        "documents": CaseDocument.objects.count(),
        "notifications": Notification.objects.filter(subject_type__startswith="cases.").count(),
        "audit": AuditEvent.objects.filter(action__startswith="cases.").count(),
    }
    if deadlines:
        # The cases' own timers; supervision's cards and orders may still come due on a later day.
        timers = Deadline.objects.filter(subject_type__startswith="cases.").order_by("pk")
        state["deadlines"] = list(timers.values())
        state["audit"] = AuditEvent.objects.filter(
            Q(action__startswith="cases.")
            | Q(action__startswith="deadlines.", object_id__in=[str(pk) for pk in timers.values_list("pk", flat=True)])
        ).count()
    return state


def submitted_on(county, item, day: str) -> Case:
    with time_machine.travel(at(day), tick=False):
        return submitted_case(county, item)


def accepted_on(county, item, day: str, **gaps: Any) -> Case:
    with time_machine.travel(at(day), tick=False):
        case = submitted_case(county, item)
        if gaps:
            return services.case_accept_with_gaps(actor=county.clerk, case=case, gaps=["M02"], **gaps)
        return services.case_accept(actor=county.clerk, case=case)


# -- deemed acceptance ----------------------------------------------------------------------------


def test_no_answer_in_five_working_days_is_deemed_acceptance_on_receipt(county, item):
    case = submitted_on(county, item, "2026-09-28")  # reply due Saturday 10 October (调休)

    assert scan("2026-10-10").overdue == 0
    assert Case.objects.get(pk=case.pk).status == S.SUBMITTED
    report = scan("2026-10-11")

    case.refresh_from_db()
    assert report.overdue == 1
    assert (case.status, case.deemed_accepted, case.accepted_by) == (S.ACCEPTED, True, None)
    assert case.accepted_at == case.submitted_at
    assert timer(case, kinds.CASE_ACCEPTANCE).state == DeadlineState.MET
    assert timer(case, kinds.CASE_PROMISED).started_at == case.submitted_at
    step = case.steps.last()
    assert (step.action, step.actor, step.actor_name, step.from_status, step.to_status) == (
        A.DEEM_ACCEPTED,
        None,
        "",
        S.SUBMITTED,
        S.ACCEPTED,
    )
    event = AuditEvent.objects.filter(action="cases.case.deem_accepted").get()
    assert (event.actor, event.actor_label, event.object_id) == (None, "system", str(case.pk))
    notice = case.documents.get(kind=DocumentKind.ACCEPTANCE_NOTICE)
    assert (notice.content["deemed"], notice.content["accepted_on"]) == (True, "2026-09-28")
    assert Notification.objects.filter(body__contains="视为受理").count() == 1
    assert case.tasks.filter(kind=StageKind.REVIEW, state=TaskState.OPEN).count() == 1

    before = everything()
    assert scan("2026-10-11").overdue == 0
    assert scan("2026-10-12").overdue == 0
    assert everything() == before


def test_a_resubmitted_application_is_deemed_accepted_from_the_resubmission(county, item):
    case = submitted_on(county, item, "2026-06-01")
    with time_machine.travel(at("2026-06-02"), tick=False):
        services.case_request_correction(actor=county.clerk, case=case, problems={"M01": "请签字"})
    with time_machine.travel(at("2026-06-10"), tick=False):
        services.case_resubmit(actor=county.clerk, case=case)

    scan("2026-06-18")  # 11–17 June are the five working days after the resubmission

    case.refresh_from_db()
    assert (case.status, case.deemed_accepted) == (S.ACCEPTED, True)
    assert case.accepted_at == at("2026-06-10") != case.submitted_at


def test_an_answered_application_is_left_alone(county, item):
    case = submitted_on(county, item, "2026-09-28")
    with time_machine.travel(at("2026-09-29"), tick=False):
        services.case_request_correction(actor=county.clerk, case=case, problems={"M01": "请签字"})
    before = everything()
    assert scan("2026-10-12").overdue == 0
    assert everything() == before


# -- deemed approval (超时默认) -------------------------------------------------------------------------


def test_an_item_with_deemed_approval_is_granted_when_the_promised_limit_passes(county):
    item = case_item(county.department, deemed_approval=True)
    case = accepted_on(county, item, "2026-09-28")  # promised due 16 October
    assert timer(case, kinds.CASE_PROMISED).due_on == D(2026, 10, 16)

    scan("2026-10-16")
    assert Case.objects.get(pk=case.pk).status == S.ACCEPTED
    report = scan("2026-10-17")

    case.refresh_from_db()
    assert report.overdue == 1
    assert (case.status, case.decision, case.deemed_approved, case.decided_by) == (S.DECIDED, Decision.GRANTED, True, None)
    assert case.steps.last().action == A.DEEM_APPROVED
    assert AuditEvent.objects.filter(action="cases.case.deem_approved", object_id=str(case.pk)).count() == 1
    decision = case.documents.get(kind=DocumentKind.GRANT_DECISION)
    assert decision.content["deemed"] is True
    # The review left open is cancelled; the clocks stop and the delivery clock starts.
    assert not case.tasks.filter(kind=StageKind.REVIEW, state=TaskState.OPEN).exists()
    assert {timer(case, k).state for k in (kinds.CASE_PROMISED, kinds.CASE_STATUTORY)} == {DeadlineState.MET}
    assert (timer(case, kinds.CASE_DELIVERY).state, case.due_on) == (DeadlineState.RUNNING, timer(case, kinds.CASE_DELIVERY).due_on)

    before, the_case = everything(), everything(deadlines=False)
    scan("2026-10-17")
    assert everything() == before
    scan("2026-10-31")  # the statutory limit passes too: the case is not touched again
    assert everything(deadlines=False) == the_case


def test_without_the_option_an_overdue_case_stays_undecided(county, item):
    case = accepted_on(county, item, "2026-09-28")
    scan("2026-10-17")
    case.refresh_from_db()
    assert (case.status, case.decision, case.deemed_approved) == (S.ACCEPTED, "", False)
    assert case.color(D(2026, 10, 17)) == "red"


def test_an_extended_case_is_deemed_approved_only_after_the_extension(county):
    item = case_item(county.department, deemed_approval=True)
    case = accepted_on(county, item, "2026-09-28")
    with time_machine.travel(at("2026-10-15"), tick=False):
        services.case_extend(actor=county.decider, case=case, reason="需补充调查")
    scan("2026-10-17")
    assert Case.objects.get(pk=case.pk).status == S.ACCEPTED
    scan("2026-10-31")  # promised 10 + 10 working days: due 30 October
    assert Case.objects.get(pk=case.pk).status == S.DECIDED


def test_a_decided_case_is_not_deemed_again(county):
    item = case_item(county.department, deemed_approval=True)
    case = accepted_on(county, item, "2026-09-28")
    with time_machine.travel(at("2026-10-16"), tick=False):
        task = case.tasks.get(kind=StageKind.REVIEW, state=TaskState.OPEN)
        services.case_complete_stage(actor=county.reviewer, case=case, task=task, opinion="不符合条件")
        services.case_deny(actor=county.decider, case=case, reason="不符合条件")
    scan("2026-10-17")
    case.refresh_from_db()
    assert (case.decision, case.deemed_approved) == (Decision.DENIED, False)


# -- termination for gaps not supplied --------------------------------------------------------------


def test_gaps_not_supplied_by_the_date_end_the_case(county, item):
    case = accepted_on(county, item, "2026-09-28", supply_by=D(2026, 10, 9))
    assert timer(case, kinds.CASE_GAP_SUPPLY).due_on == D(2026, 10, 9)

    scan("2026-10-09")
    assert Case.objects.get(pk=case.pk).status == S.ACCEPTED
    report = scan("2026-10-10")

    case.refresh_from_db()
    assert report.overdue == 1
    assert (case.status, case.due_on, case.ended_at) == (S.TERMINATED, None, at("2026-10-10", 1))
    assert case.steps.last().action == A.TERMINATE
    assert AuditEvent.objects.filter(action="cases.case.terminate", object_id=str(case.pk)).count() == 1
    subject_type, subject_id = subject_key(case)
    assert not Deadline.objects.filter(subject_type=subject_type, subject_id=subject_id, state__in=OPEN_STATES).exists()
    assert not case.tasks.filter(state=TaskState.OPEN).exists()
    assert Notification.objects.filter(title__endswith="终止办理").count() == 1

    before = everything()
    scan("2026-10-10")
    scan("2026-10-20")
    assert everything() == before


def test_gaps_supplied_in_time_keep_the_case_going(county, item):
    case = accepted_on(county, item, "2026-09-28", supply_by=D(2026, 10, 9))
    with time_machine.travel(at("2026-10-09", 16), tick=False):
        services.case_supply_gaps(actor=county.clerk, case=case)
    scan("2026-10-12")
    case.refresh_from_db()
    assert (case.status, case.has_gaps) == (S.ACCEPTED, False)


def test_one_scan_handles_every_case_and_a_second_changes_nothing(county):
    deemed = case_item(county.department, deemed_approval=True)
    unanswered = submitted_on(county, deemed, "2026-09-28")  # reply due 10 October
    overdue = accepted_on(county, deemed, "2026-09-14")  # promised due 29 September (中秋 25th off)
    gapped = accepted_on(county, deemed, "2026-09-28", supply_by=D(2026, 10, 9))

    first = scan("2026-10-12")
    middle = everything()
    second = scan("2026-10-12")

    assert first.overdue >= 3 and (second.overdue, second.warned) == (0, 0)
    assert everything() == middle
    assert [Case.objects.get(pk=c.pk).status for c in (unanswered, overdue, gapped)] == [S.ACCEPTED, S.DECIDED, S.TERMINATED]
