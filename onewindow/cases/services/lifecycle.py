"""Every transition of a case after submission: one service each, one audit event each (through
`base.finish`), the document the law wants, the timers it starts, stops or pauses.

`expected_revision` is the revision the user's page showed: when another clerk acted first the
service answers Conflict (409) instead of acting twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import IO, Any

from django.conf import settings
from django.utils.translation import gettext as _

from onewindow.accounts.access import access_of, reaches_department
from onewindow.audit.services import atomic_audited
from onewindow.cases.choices import CaseAction, CaseStatus, Channel, Decision, DocumentKind, PledgeStatus, Provision, TaskState
from onewindow.cases.models import Case, StageTask
from onewindow.cases.services import base, stages, timers
from onewindow.cases.services.intake import ApplicationInput, _require_files, application_input_of, case_file, prepare
from onewindow.catalog.choices import ItemKind, MaterialNecessity
from onewindow.common import time
from onewindow.common.errors import Conflict, Forbidden, InvalidInput
from onewindow.deadlines import kinds
from onewindow.workdays.calendar import is_workday, workdays_between

A = CaseAction
EXTENSION_DAYS = 10  # 行政许可法 第四十二条
JOINT_EXTENSION_DAYS = 15
DELIVERY_DAYS = 10  # 行政许可法 第四十四条


def _reason(text: str, code: str, label: str) -> str:
    text = (text or "").strip()
    if not text:
        raise InvalidInput(_("请填写%(label)s。") % {"label": label}, code=code)
    if len(text) > 2000:
        raise InvalidInput(_("%(label)s不能超过2000字。") % {"label": label}, code=code)
    return text


def _document_base(case: Case) -> dict[str, Any]:
    return {
        "case_number": case.number,
        "item_name": case.item_name,
        "applicant_name": case.applicant_name,
        "department": case.department.name,
        "date": time.today().isoformat(),
    }


# -- answering a submission (行政许可法 第三十二条) ---------------------------------------------------


@atomic_audited
def case_accept(*, actor: Any, case: Case, expected_revision: int | None = None, comment: str = "") -> Case:
    """Accept a complete application; 即办件 are decided in the same sitting."""
    locked, target = base.begin(actor=actor, case=case, action=A.ACCEPT, expected_revision=expected_revision)
    if any(m.is_outstanding_gap for m in locked.materials.all()):
        raise Conflict(_("申请中有容缺材料,请使用容缺受理并确定补正期限。"), code="case_has_gaps")
    _require_complete(locked)
    _accept(actor, locked, A.ACCEPT, target, comment=comment)
    if locked.item_version.kind == ItemKind.ON_THE_SPOT:
        _decide(actor, locked, A.APPROVE, Decision.GRANTED, _("即办件,当场办结。"))
    return locked


@atomic_audited
def case_accept_with_gaps(
    *, actor: Any, case: Case, gaps: list[str], supply_by: dt.date, expected_revision: int | None = None, comment: str = ""
) -> Case:
    """容缺受理: core materials complete, the listed minor ones to be supplied by `supply_by` (within the promised limit)."""
    locked, target = base.begin(actor=actor, case=case, action=A.ACCEPT_WITH_GAPS, expected_revision=expected_revision)
    materials = {m.code: m for m in locked.materials.all()}
    gap_codes = set(gaps) | {code for code, m in materials.items() if m.provision == Provision.GAP}
    problems = {
        code: _("该材料不适用容缺受理。")
        for code in gap_codes
        if code not in materials or materials[code].necessity != MaterialNecessity.GAP_ALLOWED
    }
    if not gap_codes:
        problems["gaps"] = _("请选择容缺的材料。")
    if problems:
        raise InvalidInput(_("容缺材料有误。"), code="gaps_invalid", details=problems)
    from onewindow.cases.eligibility import pledge_bar_reason

    bar = pledge_bar_reason(locked.applicant_id_number)
    if bar:
        raise Forbidden(bar, code="gaps_barred")
    for code in gap_codes:
        materials[code].provision = Provision.GAP
        materials[code].save(update_fields=["provision"])
    _require_complete(locked)
    start = (locked.submitted_at if locked.deemed_accepted else None) or time.now()
    promised_end = kinds.get_kind(kinds.CASE_PROMISED).period_end(time.local_date(start), locked.promised_days).due
    if not isinstance(supply_by, dt.date) or supply_by <= time.today() or supply_by > promised_end:
        raise InvalidInput(
            _("容缺补正期限应晚于今天且不晚于承诺办结期限(%(end)s)。") % {"end": promised_end.isoformat()}, code="gap_date_invalid"
        )
    locked.has_gaps = True
    locked.gap_supply_by = supply_by
    _accept(actor, locked, A.ACCEPT_WITH_GAPS, target, comment=comment, gaps=sorted(gap_codes))
    # The applicant has the whole of `supply_by`; when it is a day off, until the next working day
    # (民法典 第二百零三条), so the timer never runs out before the date the applicant was given.
    days = workdays_between(time.today(), supply_by).days + (0 if is_workday(supply_by).workday else 1)
    timers.start(locked, kinds.CASE_GAP_SUPPLY, days)
    return locked


def _require_complete(case: Case) -> None:
    """The stored application is complete under the item version pinned on the case."""
    prepare(application_input_of(case), complete=True, version=case.item_version)


def _accept(actor: Any, case: Case, action: str, target: str, *, comment: str = "", gaps: list[str] | None = None) -> None:
    before = base.snapshot(case)
    now = time.now()
    # Deemed acceptance counts from receipt (行政许可法 第三十二条): of the application, or of the
    # corrected one when the 5-day reply period restarted at resubmission; otherwise from now.
    start = now
    if action == A.DEEM_ACCEPTED:
        start = timers.latest_start(case, kinds.CASE_ACCEPTANCE) or case.submitted_at or now
    case.accepted_at = start
    case.accepted_by = actor if getattr(actor, "is_authenticated", False) else None
    case.deemed_accepted = action == A.DEEM_ACCEPTED
    timers.meet(case, kinds.CASE_ACCEPTANCE, kinds.CASE_CORRECTION)
    timers.start(case, kinds.CASE_PROMISED, case.promised_days, at=start)
    timers.start(case, kinds.CASE_STATUTORY, case.statutory_days, at=start)
    stages.record_done(case, "accept", actor, comment)
    stages.open_after(case, _accept_sequence(case), until=frozenset({"deliver"}))
    timers.sync_queue_date(case)
    base.finish(actor=actor, case=case, action=action, target=target, before=before, comment=comment, details={"gaps": gaps or []})
    base.issue_document(
        case,
        DocumentKind.ACCEPTANCE_NOTICE,
        {
            **_document_base(case),
            "accepted_on": time.local_date(start).isoformat(),
            "promised_due": timers.due_text(case, kinds.CASE_PROMISED),
            "gaps": [m.name for m in case.materials.all() if m.is_outstanding_gap],
            "gap_supply_by": case.gap_supply_by.isoformat() if case.gap_supply_by else "",
            "deemed": case.deemed_accepted,
        },
    )


def _accept_sequence(case: Case) -> int:
    accept = [s.sequence for s in stages.flow(case) if s.kind == "accept"]
    return accept[0] if accept else 0


@atomic_audited
def case_deem_accepted(*, case: Case) -> Case | None:
    """No answer within 5 working days: accepted from the day of receipt (行政许可法 第三十二条)."""
    locked = base.lock(case)
    if locked.status != CaseStatus.SUBMITTED:
        return None
    locked, target = base.begin(actor=None, case=locked, action=A.DEEM_ACCEPTED, system=True)
    _accept(None, locked, A.DEEM_ACCEPTED, target, comment=_("逾期未答复,依法视为受理。"))
    return locked


@atomic_audited
def case_request_correction(
    *, actor: Any, case: Case, problems: dict[str, str], comment: str = "", expected_revision: int | None = None
) -> Case:
    """一次性告知: one notice listing every problem, per material."""
    locked, target = base.begin(actor=actor, case=case, action=A.REQUEST_CORRECTION, expected_revision=expected_revision)
    materials = {m.code: m for m in locked.materials.all()}
    cleaned = {code: (text or "").strip() for code, text in (problems or {}).items() if (text or "").strip()}
    unknown = [code for code in cleaned if code not in materials and code != "form"]
    if not cleaned or unknown:
        raise InvalidInput(_("请逐项列明需要补正的材料及要求。"), code="correction_invalid", details={"unknown": unknown})
    before = base.snapshot(locked)
    for code, text in cleaned.items():
        if code in materials:
            materials[code].problem = text[:2000]
            materials[code].save(update_fields=["problem"])
    timers.meet(locked, kinds.CASE_ACCEPTANCE)
    timers.start(locked, kinds.CASE_CORRECTION, settings.CASE_CORRECTION_DAYS)
    timers.sync_queue_date(locked)
    base.finish(
        actor=actor, case=locked, action=A.REQUEST_CORRECTION, target=target, before=before, comment=comment, details={"problems": cleaned}
    )
    items = [{"name": materials[code].name if code in materials else _("申请表单"), "problem": text} for code, text in cleaned.items()]
    base.issue_document(locked, DocumentKind.CORRECTION_NOTICE, {**_document_base(locked), "problems": items, "comment": comment})
    return locked


@atomic_audited
def case_resubmit(
    *, actor: Any, case: Case, materials: list[dict[str, Any]] | None = None, comment: str = "", expected_revision: int | None = None
) -> Case:
    """The applicant has corrected what the notice listed; the 5-day reply period starts again."""
    locked, target = base.begin(actor=actor, case=case, action=A.RESUBMIT, expected_revision=expected_revision)
    if materials:
        _apply_provisions(locked, materials)
    _require_complete(locked)
    _require_files(locked)
    before = base.snapshot(locked)
    locked.materials.exclude(problem="").update(problem="")
    timers.meet(locked, kinds.CASE_CORRECTION)
    timers.start(locked, kinds.CASE_ACCEPTANCE, 5)
    timers.sync_queue_date(locked)
    base.finish(actor=actor, case=locked, action=A.RESUBMIT, target=target, before=before, comment=comment)
    return locked


def _apply_provisions(case: Case, entries: list[dict[str, Any]]) -> None:
    by_code = {m.code: m for m in case.materials.all()}
    for entry in entries:
        material = by_code.get(str(entry.get("code")))
        if material is None or str(entry.get("provision")) not in Provision.values:
            raise InvalidInput(_("材料清单格式有误:每项应包含 code 与 provision。"), code="materials_invalid")
        if entry.get("provision") == Provision.PAPER and case.channel != Channel.WINDOW:
            # Paper is checked by a clerk at a window; an online or API case corrects by upload.
            raise InvalidInput(
                _("网上申请的办件请上传“%(name)s”的电子文件,纸质材料只能在窗口核验。") % {"name": material.name},
                code="materials_invalid",
                details={material.code: Provision.PAPER},
            )
        material.provision = str(entry["provision"])
        material.pledge_text = str(entry.get("pledge") or material.pledge_text)
        material.pledge_status = PledgeStatus.PENDING if material.provision == Provision.PLEDGE else ""
        material.license_number = str(entry.get("license_number") or material.license_number)
        material.save()


@atomic_audited
def case_refuse(*, actor: Any, case: Case, reason: str, expected_revision: int | None = None) -> Case:
    """不予受理 with a written reason."""
    locked, target = base.begin(actor=actor, case=case, action=A.REFUSE, expected_revision=expected_revision)
    locked.refusal_reason = _reason(reason, "reason_required", _("不予受理理由"))
    before = base.snapshot(locked)
    timers.meet(locked, kinds.CASE_ACCEPTANCE)
    _end(locked, _("不予受理"))
    base.finish(actor=actor, case=locked, action=A.REFUSE, target=target, before=before, comment=locked.refusal_reason)
    base.issue_document(locked, DocumentKind.REFUSAL_NOTICE, {**_document_base(locked), "reason": locked.refusal_reason})
    return locked


def _end(case: Case, why: str) -> None:
    timers.cancel_all(case, why)
    stages.cancel_open(case)
    case.ended_at = time.now()
    case.due_on = case.warn_on = None


# -- review --------------------------------------------------------------------------------------


@atomic_audited
def case_complete_stage(*, actor: Any, case: Case, task: StageTask | int, opinion: str, expected_revision: int | None = None) -> Case:
    """A handler completes their review task; when the stage's every task is done the next stage opens."""
    locked, target = base.begin(actor=actor, case=case, action=A.COMPLETE_STAGE, expected_revision=expected_revision)
    task_id = task if isinstance(task, int) else task.pk
    row = StageTask.objects.select_for_update().filter(pk=task_id, case=locked).first()
    if row is None or row.state != TaskState.OPEN or row.kind in stages.ACTION_STAGES:
        raise Conflict(_("该环节任务不存在或已完成。"), code="task_not_open")
    if not (access_of(actor).is_superuser or reaches_department(actor, locked.department, [row.role])):
        raise Forbidden(_("该环节应由%(role)s办理。") % {"role": row.get_role_display()}, code="task_forbidden")
    opinion = _reason(opinion, "opinion_required", _("办理意见"))
    before = base.snapshot(locked)
    stages.complete(row, actor, opinion)
    if not locked.tasks.filter(sequence=row.sequence, state=TaskState.OPEN).exists():
        stages.open_after(locked, row.sequence)
    unit_name = row.unit.name if row.unit else ""
    details = {"task": row.pk, "stage": row.name, "unit": unit_name}
    base.finish(
        actor=actor,
        case=locked,
        action=A.COMPLETE_STAGE,
        target=target,
        before=before,
        comment=opinion,
        details=details,
        unit_name=unit_name,
    )
    return locked


@atomic_audited
def case_suspend(*, actor: Any, case: Case, procedure: str, reason: str, expected_revision: int | None = None) -> Case:
    """Start a special procedure (听证、检验、检测、检疫、鉴定、专家评审 …): the clocks stop (行政许可法 第四十五条)."""
    locked, target = base.begin(actor=actor, case=case, action=A.SUSPEND, expected_revision=expected_revision)
    procedure = _reason(procedure, "procedure_required", _("特别程序名称"))[:100]
    reason = _reason(reason, "reason_required", _("特别程序理由"))
    before = base.snapshot(locked)
    timers.pause_all(locked, f"{procedure}:{reason}"[:500])
    base.finish(actor=actor, case=locked, action=A.SUSPEND, target=target, before=before, comment=reason, details={"procedure": procedure})
    base.issue_document(locked, DocumentKind.SPECIAL_PROCEDURE_NOTICE, {**_document_base(locked), "procedure": procedure, "reason": reason})
    return locked


@atomic_audited
def case_resume(*, actor: Any, case: Case, result: str, expected_revision: int | None = None) -> Case:
    """End the special procedure; the clocks run again, pushed back by the paused days."""
    locked, target = base.begin(actor=actor, case=case, action=A.RESUME, expected_revision=expected_revision)
    result = _reason(result, "result_required", _("特别程序结果"))
    before = base.snapshot(locked)
    timers.resume_all(locked)
    timers.sync_queue_date(locked)
    base.finish(actor=actor, case=locked, action=A.RESUME, target=target, before=before, comment=result)
    return locked


@atomic_audited
def case_extend(*, actor: Any, case: Case, reason: str, expected_revision: int | None = None) -> Case:
    """Extend the limit once, approved by a decider with a reason told to the applicant (行政许可法 第四十二条)."""
    locked, target = base.begin(actor=actor, case=case, action=A.EXTEND, expected_revision=expected_revision)
    if locked.extended_days:
        raise Conflict(_("办理期限已延长过一次,不能再次延长。"), code="case_already_extended")
    reason = _reason(reason, "reason_required", _("延期理由"))
    days = JOINT_EXTENSION_DAYS if locked.item_version.joint_handling else EXTENSION_DAYS
    before = base.snapshot(locked)
    timers.extend_clocks(locked, days, reason)
    locked.extended_days = days
    timers.sync_queue_date(locked)
    base.finish(actor=actor, case=locked, action=A.EXTEND, target=target, before=before, comment=reason, details={"days": days})
    content = {
        **_document_base(locked),
        "days": days,
        "reason": reason,
        "new_due": timers.due_text(locked, kinds.CASE_STATUTORY),
    }
    base.issue_document(locked, DocumentKind.EXTENSION_NOTICE, content)
    return locked


@atomic_audited
def case_supply_gaps(*, actor: Any, case: Case, comment: str = "", expected_revision: int | None = None) -> Case:
    """Every gap material is now provided (uploaded online or checked on paper at a window)."""
    locked, target = base.begin(actor=actor, case=case, action=A.SUPPLY_GAPS, expected_revision=expected_revision)
    gaps = [m for m in locked.materials.all() if m.is_outstanding_gap]
    if not gaps:
        raise Conflict(_("该办件没有待补的容缺材料。"), code="case_no_gaps")
    unprovided = [m.name for m in gaps if not m.file and locked.channel != Channel.WINDOW and not _staff(actor)]
    if unprovided:
        raise InvalidInput(_("请先上传:%(names)s。") % {"names": "、".join(unprovided)}, code="gaps_not_uploaded")
    before = base.snapshot(locked)
    now = time.now()
    for material in gaps:
        material.gap_supplied_at = now
        material.save(update_fields=["gap_supplied_at"])
    locked.has_gaps = False
    timers.meet(locked, kinds.CASE_GAP_SUPPLY)
    base.finish(
        actor=actor,
        case=locked,
        action=A.SUPPLY_GAPS,
        target=target,
        before=before,
        comment=comment,
        details={"materials": [m.code for m in gaps]},
    )
    return locked


def _staff(actor: Any) -> bool:
    return access_of(actor).is_staff_member


# -- decision and delivery -----------------------------------------------------------------------


@atomic_audited
def case_approve(*, actor: Any, case: Case, opinion: str = "", expected_revision: int | None = None) -> Case:
    locked, _target = base.begin(actor=actor, case=case, action=A.APPROVE, expected_revision=expected_revision)
    _decide(actor, locked, A.APPROVE, Decision.GRANTED, (opinion or "").strip() or _("准予许可。"))
    return locked


@atomic_audited
def case_deny(*, actor: Any, case: Case, reason: str, expected_revision: int | None = None) -> Case:
    locked, _target = base.begin(actor=actor, case=case, action=A.DENY, expected_revision=expected_revision)
    _decide(actor, locked, A.DENY, Decision.DENIED, _reason(reason, "reason_required", _("不予许可理由")))
    return locked


@atomic_audited
def case_deem_approved(*, case: Case) -> Case | None:
    """超时默认: the promised limit passed without a decision on an item so configured."""
    locked = base.lock(case)
    if locked.status not in (CaseStatus.ACCEPTED, CaseStatus.IN_REVIEW) or not locked.item_version.deemed_approval:
        return None
    base.begin(actor=None, case=locked, action=A.DEEM_APPROVED, system=True)
    _decide(None, locked, A.DEEM_APPROVED, Decision.GRANTED, _("超过承诺时限未作决定,依事项规定视为准予。"))
    return locked


def _decide(actor: Any, case: Case, action: str, decision: str, reason: str) -> None:
    if action != A.DEEM_APPROVED and stages.open_review_tasks(case):
        raise Conflict(_("还有未完成的审查环节,不能作出决定。"), code="case_review_open")
    before = base.snapshot(case)
    case.decision = decision
    case.decision_reason = reason
    case.decided_at = time.now()
    case.decided_by = actor if getattr(actor, "is_authenticated", False) else None
    case.deemed_approved = action == A.DEEM_APPROVED
    for task in case.tasks.filter(state=TaskState.OPEN).exclude(kind="decide"):
        timers.meet_task_timer(task)
        task.state = TaskState.CANCELLED
        task.save(update_fields=["state"])
    stages.record_done(case, "decide", actor, reason)
    timers.meet(case, *timers.CASE_CLOCKS)
    timers.start(case, kinds.CASE_DELIVERY, DELIVERY_DAYS)
    deliver_stage = next((s for s in stages.flow(case) if s.kind == "deliver"), None)
    if deliver_stage is not None:
        stages.open_stage(case, deliver_stage)
    timers.sync_queue_date(case)
    base.finish(actor=actor, case=case, action=action, target=CaseStatus.DECIDED, before=before, comment=reason)
    kind = DocumentKind.GRANT_DECISION if decision == Decision.GRANTED else DocumentKind.DENIAL_DECISION
    content = {
        **_document_base(case),
        "decision": decision,
        "reason": reason,
        "result_name": case.item_version.result_name,
        "deemed": case.deemed_approved,
    }
    base.issue_document(case, kind, content)


@atomic_audited
def case_deliver(*, actor: Any, case: Case, note: str = "", expected_revision: int | None = None) -> Case:
    """Hand the result over (统一窗口出件, post or online) within 10 working days of the decision."""
    locked, target = base.begin(actor=actor, case=case, action=A.DELIVER, expected_revision=expected_revision)
    if locked.has_gaps:
        raise Conflict(_("容缺材料尚未补齐,不能送达。"), code="case_has_gaps")
    before = base.snapshot(locked)
    locked.delivered_at = time.now()
    stages.record_done(locked, "deliver", actor, note)
    timers.meet(locked, kinds.CASE_DELIVERY)
    timers.sync_queue_date(locked)
    base.finish(
        actor=actor, case=locked, action=A.DELIVER, target=target, before=before, comment=note, details={"method": locked.delivery_method}
    )
    return locked


@atomic_audited
def case_close(*, actor: Any, case: Case, expected_revision: int | None = None) -> Case:
    locked, target = base.begin(actor=actor, case=case, action=A.CLOSE, expected_revision=expected_revision)
    before = base.snapshot(locked)
    _end(locked, _("办结"))
    base.finish(actor=actor, case=locked, action=A.CLOSE, target=target, before=before)
    return locked


@atomic_audited
def case_withdraw(*, actor: Any, case: Case, reason: str = "", expected_revision: int | None = None) -> Case:
    locked, target = base.begin(actor=actor, case=case, action=A.WITHDRAW, expected_revision=expected_revision)
    before = base.snapshot(locked)
    _end(locked, _("申请人撤回"))
    base.finish(actor=actor, case=locked, action=A.WITHDRAW, target=target, before=before, comment=(reason or "").strip()[:2000])
    return locked


@atomic_audited
def case_terminate(*, case: Case) -> Case | None:
    """容缺材料 not supplied by the date: the case ends."""
    locked = base.lock(case)
    if not locked.has_gaps or locked.status not in (CaseStatus.ACCEPTED, CaseStatus.IN_REVIEW, CaseStatus.SUSPENDED, CaseStatus.DECIDED):
        return None
    _locked, target = base.begin(actor=None, case=locked, action=A.TERMINATE, system=True)
    before = base.snapshot(locked)
    _end(locked, _("容缺材料逾期未补齐"))
    base.finish(actor=None, case=locked, action=A.TERMINATE, target=target, before=before, comment=_("容缺材料逾期未补齐,终止办理。"))
    return locked


# -- intake at a window --------------------------------------------------------------------------


def _with_gaps(data: ApplicationInput, gaps: list[str]) -> ApplicationInput:
    """The application with the materials listed as gaps provided as such (容缺后补)."""
    entries = [dict(entry) if isinstance(entry, dict) else entry for entry in data.materials]
    listed = {str(entry.get("code")) for entry in entries if isinstance(entry, dict)}
    for entry in entries:
        if isinstance(entry, dict) and str(entry.get("code")) in gaps:
            entry["provision"] = Provision.GAP
    entries += [{"code": str(code), "provision": Provision.GAP} for code in gaps if str(code) not in listed]
    return replace(data, materials=entries)


WINDOW_ANSWERS = (A.ACCEPT, A.ACCEPT_WITH_GAPS, A.REQUEST_CORRECTION, A.REFUSE)


@atomic_audited
def case_intake(
    *,
    actor: Any,
    data: ApplicationInput,
    answer: str,
    files: dict[str, IO[bytes]] | None = None,
    gaps: list[str] | None = None,
    supply_by: dt.date | None = None,
    problems: dict[str, str] | None = None,
    reason: str = "",
    window: Any = None,
) -> Case:
    """A clerk at a comprehensive window takes an application in and answers it in one screen."""
    from onewindow.cases.permissions import may_intake

    if not may_intake(actor):
        raise Forbidden(_("只有窗口受理人员可以窗口收件。"), code="case_forbidden")
    if answer not in WINDOW_ANSWERS:
        raise InvalidInput(_("请选择受理、容缺受理、一次性告知或不予受理。"), code="answer_invalid")
    if answer == A.ACCEPT_WITH_GAPS:
        data = _with_gaps(data, gaps or [])
    if answer in (A.ACCEPT, A.ACCEPT_WITH_GAPS):
        # Accepting needs the complete application (gaps aside): every problem told before anything is written.
        prepare(data, complete=True)
    case = case_file(actor=actor, data=data, channel=Channel.WINDOW, files=files)
    if window is not None:
        case.window = window
        case.save(update_fields=["window"])
    if answer == A.ACCEPT:
        return case_accept(actor=actor, case=case)
    if answer == A.ACCEPT_WITH_GAPS:
        if supply_by is None:
            raise InvalidInput(_("请填写容缺补正期限。"), code="gap_date_invalid")
        return case_accept_with_gaps(actor=actor, case=case, gaps=gaps or [], supply_by=supply_by)
    if answer == A.REQUEST_CORRECTION:
        return case_request_correction(actor=actor, case=case, problems=problems or {})
    return case_refuse(actor=actor, case=case, reason=reason)
