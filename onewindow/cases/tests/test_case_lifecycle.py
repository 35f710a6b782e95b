"""The life of a case after submission: correction and resubmission, acceptance with gaps,
countersigning, special procedures, extension, decision, 即办件, delivery, withdrawal — with the
documents, audit events, timeline steps and notifications each step leaves behind."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from onewindow.accounts.choices import Role
from onewindow.audit.models import AuditEvent
from onewindow.cases import services
from onewindow.cases.choices import CaseAction, CaseStatus, Decision, DocumentKind, DocumentState, PledgeStatus, Provision, TaskState
from onewindow.cases.models import CaseDocument, CaseMaterial
from onewindow.cases.tests.factories import (
    application,
    case_in,
    case_item,
    online_case,
    pdf_file,
    submitted_case,
)
from onewindow.catalog.choices import ItemKind, StageKind
from onewindow.catalog.tests.factories import replace_current_version
from onewindow.common.errors import Conflict, Forbidden, InvalidInput
from onewindow.deadlines import kinds
from onewindow.deadlines.choices import DeadlineState
from onewindow.deadlines.models import Deadline, subject_key
from onewindow.notifications.models import Notification
from onewindow.workdays.calendar import add_workdays

pytestmark = pytest.mark.django_db

A = CaseAction
S = CaseStatus
SHANGHAI = dt.timezone(dt.timedelta(hours=8))


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=SHANGHAI)


def timers(case, kind: str) -> list[Deadline]:
    subject_type, subject_id = subject_key(case)
    return list(Deadline.objects.filter(subject_type=subject_type, subject_id=subject_id, kind=kind).order_by("id"))


def timer(case, kind: str) -> Deadline:
    return timers(case, kind)[-1]


def case_events(case) -> list[str]:
    return list(
        AuditEvent.objects.filter(object_type="cases.case", object_id=str(case.pk)).order_by("seq").values_list("action", flat=True)
    )


def review_tasks(case, state: str = TaskState.OPEN):
    return list(case.tasks.filter(kind=StageKind.REVIEW, state=state).order_by("id"))


# -- correction (一次性告知) and resubmission --------------------------------------------------------


def test_a_correction_notice_lists_every_problem_and_resubmission_restarts_the_reply_period(county, item):
    with time_machine.travel(at("2026-06-01"), tick=False):  # Monday
        case = submitted_case(county, item)
        first_reply = timer(case, kinds.CASE_ACCEPTANCE)
    with time_machine.travel(at("2026-06-02"), tick=False):
        problems = {"M01": "申请书缺少法定代表人签字", "M03": "承诺书未注明健康证明编号", "form": "经营场所面积与平面图不符"}
        case = services.case_request_correction(actor=county.clerk, case=case, problems=problems, comment="请一次补齐")
        assert case.status == S.CORRECTION_REQUESTED
        assert {m.code: m.problem for m in case.materials.all() if m.problem} == {"M01": problems["M01"], "M03": problems["M03"]}
        notice = case.documents.get(kind=DocumentKind.CORRECTION_NOTICE)
        assert [(p["name"], p["problem"]) for p in notice.content["problems"]] == [
            ("食品经营许可申请书", problems["M01"]),
            ("健康证明", problems["M03"]),
            ("申请表单", problems["form"]),
        ]
        first_reply.refresh_from_db()
        assert first_reply.state == DeadlineState.MET
        correction = timer(case, kinds.CASE_CORRECTION)
        assert (correction.state, correction.allotted_days) == (DeadlineState.RUNNING, 15)
        assert case.due_on == correction.due_on
    with time_machine.travel(at("2026-06-08"), tick=False):  # Monday
        case = services.case_resubmit(actor=county.clerk, case=case, comment="已按告知书补正")

    assert case.status == S.SUBMITTED
    assert not CaseMaterial.objects.filter(case=case).exclude(problem="").exists()
    correction.refresh_from_db()
    assert correction.state == DeadlineState.MET
    reply = timers(case, kinds.CASE_ACCEPTANCE)
    assert len(reply) == 2
    assert (reply[1].state, reply[1].started_at, reply[1].due_on) == (DeadlineState.RUNNING, at("2026-06-08"), dt.date(2026, 6, 15))
    assert case.due_on == dt.date(2026, 6, 15)
    assert [s.action for s in case.steps.all()] == [A.SUBMIT, A.REQUEST_CORRECTION, A.RESUBMIT]


def test_a_correction_must_name_known_materials(county, item):
    case = submitted_case(county, item)
    for problems in ({}, {"M01": "  "}, {"M01": "签字", "M99": "?"}):
        with pytest.raises(InvalidInput) as refused:
            services.case_request_correction(actor=county.clerk, case=case, problems=problems)
        assert refused.value.code == "correction_invalid"
    case.refresh_from_db()
    assert case.status == S.SUBMITTED


def test_an_online_resubmission_needs_the_files_it_claims(county, item):
    case = online_case(county, item)
    services.case_request_correction(actor=county.reviewer, case=case, problems={"M01": "扫描件不清晰"})
    with pytest.raises(InvalidInput) as refused:
        services.case_resubmit(actor=county.applicant, case=case, materials=[{"code": "M02", "provision": Provision.UPLOADED}])
    assert refused.value.details == {"materials": {"M02": "请上传“经营场所平面图”。"}}

    services.case_material_attach(actor=county.applicant, case=case, code="M01", file=pdf_file("申请书-清晰.pdf"), name="申请书-清晰.pdf")
    case = services.case_resubmit(actor=county.applicant, case=case)
    assert case.status == S.SUBMITTED
    assert case.materials.get(code="M01").original_name == "申请书-清晰.pdf"


def test_a_case_keeps_the_item_version_it_was_filed_under(county, item):
    case = submitted_case(county, item)
    version = case.item_version
    replace_current_version(item, name="食品经营许可(2026版)")  # the new version has no situations or materials

    case = services.case_accept(actor=county.clerk, case=case)

    assert case.status == S.ACCEPTED
    assert case.item_version == version != item.current


# -- 容缺受理 -----------------------------------------------------------------------------------------


def test_accept_with_gaps_sets_the_supply_date_within_the_promised_limit(county, item):
    with time_machine.travel(at("2026-06-01"), tick=False):
        case = submitted_case(county, item)
        promised_end = add_workdays(dt.date(2026, 6, 1), 10).due  # 2026-06-15
        for bad in (dt.date(2026, 6, 1), dt.date(2026, 5, 29), promised_end + dt.timedelta(days=1)):
            with pytest.raises(InvalidInput) as refused:
                services.case_accept_with_gaps(actor=county.clerk, case=case, gaps=["M02"], supply_by=bad)
            assert refused.value.code == "gap_date_invalid"
        case.refresh_from_db()
        assert (case.status, case.has_gaps) == (S.SUBMITTED, False)
        assert case.materials.get(code="M02").provision == Provision.PAPER

        case = services.case_accept_with_gaps(actor=county.clerk, case=case, gaps=["M02"], supply_by=promised_end)

    assert (case.status, case.has_gaps, case.gap_supply_by) == (S.ACCEPTED, True, promised_end)
    gap = timer(case, kinds.CASE_GAP_SUPPLY)
    assert (gap.state, gap.due_on) == (DeadlineState.RUNNING, promised_end)
    assert case.steps.last().details == {"gaps": ["M02"]}


def test_a_supply_date_on_a_day_off_runs_until_the_next_working_day(county, item):
    with time_machine.travel(at("2026-06-01"), tick=False):
        case = submitted_case(county, item)
        case = services.case_accept_with_gaps(actor=county.clerk, case=case, gaps=["M02"], supply_by=dt.date(2026, 6, 6))  # Saturday
    assert timer(case, kinds.CASE_GAP_SUPPLY).due_on == dt.date(2026, 6, 8)


@pytest.mark.parametrize(("gaps", "problem"), [([], "gaps"), (["M01"], "M01"), (["M99"], "M99")])
def test_only_gap_allowed_materials_may_be_gaps(county, item, gaps, problem):
    case = submitted_case(county, item)
    with pytest.raises(InvalidInput) as refused:
        services.case_accept_with_gaps(actor=county.clerk, case=case, gaps=gaps, supply_by=add_workdays(dt.date.today(), 2).due)
    assert refused.value.code == "gaps_invalid"
    assert problem in refused.value.details


def test_an_applicant_with_a_false_pledge_is_not_accepted_with_gaps(county, item):
    case = submitted_case(county, item)
    CaseMaterial.objects.filter(case=submitted_case(county, item), code="M03").update(pledge_status=PledgeStatus.FALSE)
    with pytest.raises(Forbidden) as refused:
        services.case_accept_with_gaps(actor=county.clerk, case=case, gaps=["M02"], supply_by=add_workdays(dt.date.today(), 2).due)
    assert refused.value.code == "gaps_barred"


def test_an_online_application_with_a_gap_must_be_accepted_with_gaps(county, item):
    case = online_case(county, item)  # M02 left as a gap by the applicant
    with pytest.raises(Conflict) as refused:
        services.case_accept(actor=county.reviewer, case=case)
    assert refused.value.code == "case_has_gaps"
    case = services.case_accept_with_gaps(actor=county.reviewer, case=case, gaps=[], supply_by=add_workdays(dt.date.today(), 2).due)
    assert case.has_gaps


def test_gaps_block_delivery_until_supplied(county, item):
    case = case_in(S.DECIDED, county, item, gaps=True)
    with pytest.raises(Conflict) as refused:
        services.case_deliver(actor=county.clerk, case=case)
    assert refused.value.code == "case_has_gaps"

    case = services.case_supply_gaps(actor=county.clerk, case=case, comment="已补交平面图原件")

    assert (case.status, case.has_gaps) == (S.DECIDED, False)
    assert case.materials.get(code="M02").gap_supplied_at is not None
    assert timer(case, kinds.CASE_GAP_SUPPLY).state == DeadlineState.MET
    with pytest.raises(Conflict) as again:
        services.case_supply_gaps(actor=county.clerk, case=case)
    assert again.value.code == "case_no_gaps"
    case = services.case_deliver(actor=county.clerk, case=case)
    assert case.status == S.DELIVERED


def test_online_gaps_are_supplied_by_uploading_them(county, item):
    case = online_case(county, item)
    case = services.case_accept_with_gaps(actor=county.reviewer, case=case, gaps=["M02"], supply_by=add_workdays(dt.date.today(), 3).due)
    with pytest.raises(InvalidInput) as refused:
        services.case_supply_gaps(actor=county.applicant, case=case)
    assert refused.value.code == "gaps_not_uploaded"
    with pytest.raises(Conflict):  # after acceptance only the outstanding gaps take files
        services.case_material_attach(actor=county.applicant, case=case, code="M01", file=pdf_file(), name="a.pdf")

    services.case_material_attach(actor=county.applicant, case=case, code="M02", file=pdf_file("平面图.pdf"), name="平面图.pdf")
    case = services.case_supply_gaps(actor=county.applicant, case=case)

    assert not case.has_gaps
    material = case.materials.get(code="M02")
    assert (material.provision, material.original_name) == (Provision.GAP, "平面图.pdf") and material.gap_supplied_at


# -- review: stages and countersigning ----------------------------------------------------------


def test_countersign_tasks_run_in_parallel_and_the_next_stage_waits_for_all(county):
    item = case_item(county.department, countersign=True)
    case = services.case_accept(actor=county.clerk, case=submitted_case(county, item))
    first, second = review_tasks(case)
    assert (first.unit.name, first.countersign, second.unit.name, second.countersign) == ("行政审批科", False, "食品安全科", True)
    assert first.due_on and second.due_on

    case = services.case_complete_stage(actor=county.reviewer, case=case, task=first, opinion="符合条件")
    assert case.status == S.IN_REVIEW
    assert not case.tasks.filter(kind=StageKind.DECIDE).exists()
    with pytest.raises(Conflict) as early:
        services.case_approve(actor=county.decider, case=case, opinion="同意")
    assert early.value.code == "case_review_open"

    case = services.case_complete_stage(actor=county.reviewer, case=case, task=second.pk, opinion="会签同意")
    assert case.tasks.get(kind=StageKind.DECIDE).state == TaskState.OPEN
    assert [s.unit_name for s in case.steps.filter(action=A.COMPLETE_STAGE)] == ["行政审批科", "食品安全科"]
    case = services.case_approve(actor=county.decider, case=case, opinion="同意")
    assert case.status == S.DECIDED


def test_a_stage_task_is_done_once_by_its_role(county, item):
    case = case_in(S.ACCEPTED, county, item)
    task = review_tasks(case)[0]
    with pytest.raises(Forbidden) as wrong_role:
        services.case_complete_stage(actor=county.decider, case=case, task=task, opinion="同意")
    assert wrong_role.value.code == "task_forbidden"
    with pytest.raises(InvalidInput) as no_opinion:
        services.case_complete_stage(actor=county.reviewer, case=case, task=task, opinion=" ")
    assert no_opinion.value.code == "opinion_required"
    services.case_complete_stage(actor=county.reviewer, case=case, task=task, opinion="同意")
    with pytest.raises(Conflict) as twice:
        services.case_complete_stage(actor=county.reviewer, case=case, task=task, opinion="同意")
    assert twice.value.code == "task_not_open"
    decide = case.tasks.get(kind=StageKind.DECIDE)
    with pytest.raises(Conflict):  # the decision stage is completed by deciding, not here
        services.case_complete_stage(actor=county.decider, case=case, task=decide, opinion="同意")


# -- special procedures (行政许可法 第四十五条) ----------------------------------------------------------


def test_suspension_pauses_every_clock_and_resumption_pushes_the_dates_back(county, item):
    with time_machine.travel(at("2026-06-01"), tick=False):
        case = services.case_accept(actor=county.clerk, case=submitted_case(county, item))
        promised_due = timer(case, kinds.CASE_PROMISED).due_on
        statutory_due = timer(case, kinds.CASE_STATUTORY).due_on
        task = review_tasks(case)[0]
    with time_machine.travel(at("2026-06-03"), tick=False):  # Wednesday
        case = services.case_suspend(actor=county.reviewer, case=case, procedure="现场核查", reason="需现场核查经营场所")
        assert case.status == S.SUSPENDED
        assert case.color(dt.date(2026, 6, 3)) == "gray"
        paused = [
            timer(case, kinds.CASE_PROMISED),
            timer(case, kinds.CASE_STATUTORY),
            *Deadline.objects.filter(subject_type="cases.stagetask", subject_id=str(task.pk)),
        ]
        assert {d.state for d in paused} == {DeadlineState.PAUSED}
        notice = case.documents.get(kind=DocumentKind.SPECIAL_PROCEDURE_NOTICE)
        assert (notice.content["procedure"], notice.content["reason"]) == ("现场核查", "需现场核查经营场所")
    with time_machine.travel(at("2026-06-08"), tick=False):  # next Monday: 3 working days later
        case = services.case_resume(actor=county.reviewer, case=case, result="核查合格")

    assert case.status == S.IN_REVIEW
    promised = timer(case, kinds.CASE_PROMISED)
    assert (promised.state, promised.paused_days) == (DeadlineState.RUNNING, 3)
    assert promised.due_on == add_workdays(promised_due, 3).due
    assert timer(case, kinds.CASE_STATUTORY).due_on == add_workdays(statutory_due, 3).due
    assert case.due_on == promised.due_on
    assert review_tasks(case)[0].pk == task.pk  # the review is still to be done


@pytest.mark.parametrize(("field", "value", "code"), [("procedure", "", "procedure_required"), ("reason", " ", "reason_required")])
def test_a_special_procedure_needs_its_name_and_reason(county, item, field, value, code):
    case = case_in(S.ACCEPTED, county, item)
    arguments = {"procedure": "专家评审", "reason": "需专家论证", field: value}
    with pytest.raises(InvalidInput) as refused:
        services.case_suspend(actor=county.reviewer, case=case, **arguments)
    assert refused.value.code == code


# -- extension (行政许可法 第四十二条) ----------------------------------------------------------------------


@pytest.mark.parametrize(("joint", "days"), [(False, 10), (True, 15)])
def test_a_decider_extends_once_by_ten_or_fifteen_for_joint_handling(county, joint, days):
    item = case_item(county.department, joint_handling=joint)
    case = case_in(S.IN_REVIEW, county, item)
    statutory = timer(case, kinds.CASE_STATUTORY).due_on
    promised = timer(case, kinds.CASE_PROMISED).due_on
    with pytest.raises(Forbidden):
        services.case_extend(actor=county.reviewer, case=case, reason="案情复杂")
    with pytest.raises(InvalidInput):
        services.case_extend(actor=county.decider, case=case, reason="")

    case = services.case_extend(actor=county.decider, case=case, reason="需补充调查,经负责人批准")

    assert (case.status, case.extended_days) == (S.IN_REVIEW, days)
    assert timer(case, kinds.CASE_STATUTORY).due_on == add_workdays(statutory, days).due
    assert timer(case, kinds.CASE_PROMISED).due_on == add_workdays(promised, days).due
    notice = case.documents.get(kind=DocumentKind.EXTENSION_NOTICE)
    assert (notice.content["days"], notice.content["new_due"]) == (days, timer(case, kinds.CASE_STATUTORY).due_on.isoformat())
    with pytest.raises(Conflict) as twice:
        services.case_extend(actor=county.decider, case=case, reason="再次延长")
    assert twice.value.code == "case_already_extended"


# -- decision -----------------------------------------------------------------------------------------


def test_the_decider_approves_and_the_decision_starts_the_delivery_clock(county, item):
    case = case_in(S.IN_REVIEW, county, item)
    case = services.case_approve(actor=county.decider, case=case, opinion="符合条件,准予许可")
    assert (case.status, case.decision, case.decided_by, case.decision_reason) == (
        S.DECIDED,
        Decision.GRANTED,
        county.decider,
        "符合条件,准予许可",
    )
    assert {timer(case, k).state for k in (kinds.CASE_PROMISED, kinds.CASE_STATUTORY)} == {DeadlineState.MET}
    delivery = timer(case, kinds.CASE_DELIVERY)
    assert (delivery.state, delivery.allotted_days, case.due_on) == (DeadlineState.RUNNING, 10, delivery.due_on)
    assert case.tasks.get(kind=StageKind.DECIDE).state == TaskState.DONE
    assert case.tasks.get(kind=StageKind.DELIVER).state == TaskState.OPEN
    decision = case.documents.get(kind=DocumentKind.GRANT_DECISION)
    assert (decision.content["decision"], decision.content["result_name"]) == (Decision.GRANTED, "食品经营许可证")


def test_a_denial_needs_a_reason(county, item):
    case = case_in(S.IN_REVIEW, county, item)
    with pytest.raises(InvalidInput) as refused:
        services.case_deny(actor=county.decider, case=case, reason="")
    assert refused.value.code == "reason_required"
    case = services.case_deny(actor=county.decider, case=case, reason="经营场所不符合食品安全要求")
    assert (case.decision, case.decision_reason) == (Decision.DENIED, "经营场所不符合食品安全要求")
    assert case.documents.filter(kind=DocumentKind.DENIAL_DECISION).count() == 1


def test_the_chief_representative_decides_only_items_authorized_to_the_window(county, item):
    authorized = case_item(county.department, decide_role=Role.CHIEF_REPRESENTATIVE)
    ordinary = case_in(S.IN_REVIEW, county, item)
    with pytest.raises(Forbidden) as refused:
        services.case_approve(actor=county.chief, case=ordinary, opinion="同意")
    assert refused.value.code == "case_forbidden"

    case = case_in(S.IN_REVIEW, county, authorized)
    assert case.tasks.get(kind=StageKind.DECIDE).role == Role.CHIEF_REPRESENTATIVE
    case = services.case_approve(actor=county.chief, case=case, opinion="首席代表审批同意")
    assert (case.status, case.decided_by) == (S.DECIDED, county.chief)


def test_a_stale_page_is_told_someone_else_acted(county, item):
    case = case_in(S.IN_REVIEW, county, item)
    seen = case.revision
    services.case_approve(actor=county.decider, case=case, opinion="同意", expected_revision=seen)
    with pytest.raises(Conflict) as stale:
        services.case_deny(actor=county.decider, case=case, reason="不符合", expected_revision=seen)
    assert stale.value.code == "case_stale"
    assert stale.value.details == {"status": S.DECIDED, "revision": seen + 1}


# -- 即办件, delivery, closing, withdrawal ----------------------------------------------------------------


def test_an_on_the_spot_item_is_decided_when_accepted(county):
    item = case_item(county.department, kind=ItemKind.ON_THE_SPOT, promised=0, statutory=20)
    case = services.case_intake(actor=county.clerk, data=application(item), answer=A.ACCEPT)

    assert (case.status, case.decision, case.decided_by) == (S.DECIDED, Decision.GRANTED, county.clerk)
    assert [s.action for s in case.steps.all()] == [A.SUBMIT, A.ACCEPT, A.APPROVE]
    assert [d.kind for d in case.documents.all()] == [DocumentKind.ACCEPTANCE_NOTICE, DocumentKind.GRANT_DECISION]
    case = services.case_deliver(actor=county.clerk, case=case, note="当场领取")
    assert case.status == S.DELIVERED


def test_delivery_and_closing(county, item):
    case = case_in(S.DECIDED, county, item)
    case = services.case_deliver(actor=county.clerk, case=case, note="窗口领取")
    assert (case.status, case.due_on) == (S.DELIVERED, None)
    assert case.delivered_at is not None
    assert timer(case, kinds.CASE_DELIVERY).state == DeadlineState.MET
    assert case.tasks.get(kind=StageKind.DELIVER).state == TaskState.DONE
    assert case.steps.last().details == {"method": "window"}

    case = services.case_close(actor=county.chief, case=case)
    assert (case.status, case.is_final) == (S.CLOSED, True)
    assert case.ended_at is not None
    subject_type, subject_id = subject_key(case)
    assert not Deadline.objects.open().filter(subject_type=subject_type, subject_id=subject_id).exists()


def test_the_applicant_withdraws_and_every_clock_and_task_stops(county, item):
    case = online_case(county, item)
    case = services.case_accept_with_gaps(actor=county.reviewer, case=case, gaps=["M02"], supply_by=add_workdays(dt.date.today(), 3).due)
    case = services.case_withdraw(actor=county.applicant, case=case, reason="不再经营")

    assert (case.status, case.ended_at is not None, case.due_on) == (S.WITHDRAWN, True, None)
    assert case.steps.last().comment == "不再经营"
    assert not case.tasks.filter(state=TaskState.OPEN).exists()
    subject_type, subject_id = subject_key(case)
    assert not Deadline.objects.open().filter(subject_type=subject_type, subject_id=subject_id).exists()
    assert not Deadline.objects.open().filter(subject_id__in=[str(t.pk) for t in case.tasks.all()], subject_type="cases.stagetask").exists()


# -- what every step leaves behind ----------------------------------------------------------------


def test_every_step_writes_one_audit_event_one_step_its_document_and_a_notification(county, item):
    with time_machine.travel(at("2026-06-01"), tick=False):
        case = online_case(county, item)
        case = services.case_request_correction(actor=county.reviewer, case=case, problems={"M01": "扫描件不清晰"})
        services.case_material_attach(actor=county.applicant, case=case, code="M01", file=pdf_file(), name="申请书.pdf")
        case = services.case_resubmit(actor=county.applicant, case=case)
        case = services.case_accept_with_gaps(actor=county.reviewer, case=case, gaps=["M02"], supply_by=dt.date(2026, 6, 10))
        case = services.case_suspend(actor=county.reviewer, case=case, procedure="检验", reason="需检验设备")
        case = services.case_resume(actor=county.reviewer, case=case, result="检验合格")
        case = services.case_extend(actor=county.decider, case=case, reason="需补充调查")
        case = services.case_complete_stage(actor=county.reviewer, case=case, task=review_tasks(case)[0], opinion="符合条件")
        services.case_material_attach(actor=county.applicant, case=case, code="M02", file=pdf_file("平面图.pdf"), name="平面图.pdf")
        case = services.case_supply_gaps(actor=county.applicant, case=case)
        case = services.case_approve(actor=county.decider, case=case, opinion="同意")
        case = services.case_deliver(actor=county.chief, case=case, note="网上送达")
        case = services.case_close(actor=county.chief, case=case)

    actions = [
        A.SUBMIT,
        A.REQUEST_CORRECTION,
        A.RESUBMIT,
        A.ACCEPT_WITH_GAPS,
        A.SUSPEND,
        A.RESUME,
        A.EXTEND,
        A.COMPLETE_STAGE,
        A.SUPPLY_GAPS,
        A.APPROVE,
        A.DELIVER,
        A.CLOSE,
    ]
    steps = list(case.steps.all())
    assert [s.action for s in steps] == actions
    assert [e for e in case_events(case) if e not in ("cases.case.create_draft", "cases.case.save_draft")] == [
        f"cases.case.{a}" for a in actions
    ]
    assert case.revision == len(actions)
    assert [(s.actor, s.actor_name) for s in steps[:2]] == [(county.applicant, "张三"), (county.reviewer, "李审查")]
    assert steps[1].unit_name == county.department.name

    documents = list(CaseDocument.objects.filter(case=case).order_by("id"))
    assert [d.kind for d in documents] == [
        DocumentKind.CORRECTION_NOTICE,
        DocumentKind.ACCEPTANCE_NOTICE,
        DocumentKind.SPECIAL_PROCEDURE_NOTICE,
        DocumentKind.EXTENSION_NOTICE,
        DocumentKind.GRANT_DECISION,
    ]
    assert [d.number for d in documents] == [f"{case.number}-{n:02d}" for n in range(1, 6)]
    assert len({d.verification_code for d in documents}) == 5
    assert {d.state for d in documents} == {DocumentState.PENDING}  # rendered by the worker after the commit
    assert all(d.content["case_number"] == case.number and d.content["applicant_name"] == "张三" for d in documents)

    # The applicant is told of every step but the internal ones and their own (a stage done, gaps supplied, closing).
    told = list(Notification.objects.filter(recipient=county.applicant, channel="site").order_by("id"))
    silent = {A.COMPLETE_STAGE, A.SUPPLY_GAPS, A.CLOSE}
    assert [n.title.rsplit(":", 1)[1] for n in told] == [str(a.label) for a in actions if a not in silent]
    assert all(n.link == f"/my/cases/{case.number}/" and n.subject_id == str(case.pk) for n in told)
    assert "补正" in told[1].body and "延长" in told[6].body and "送达" in told[-1].body
    assert Notification.objects.filter(phone="13800000001", channel="sms").count() == len(told)


def test_notifications_are_queued_with_the_transaction(county, item, django_capture_on_commit_callbacks):
    case = case_in(S.IN_REVIEW, county, item)
    before = Notification.objects.count()
    with django_capture_on_commit_callbacks() as callbacks:
        services.case_approve(actor=county.decider, case=case, opinion="同意")
    assert Notification.objects.count() == before + 1  # a window applicant without an account: SMS
    assert Notification.objects.latest("id").body.startswith(f"您的办件{case.number}")
    assert callbacks  # the send task (and the decision's rendering) run after the commit

    with pytest.raises(Conflict):
        services.case_approve(actor=county.decider, case=case, opinion="同意")
    assert Notification.objects.count() == before + 1
