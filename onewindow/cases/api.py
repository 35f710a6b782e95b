"""/api/v1/cases: file an application, list and read cases, act on them; /api/v1/progress: public progress.

Every transition is its own endpoint (`POST /cases/{number}/accept`, …) calling the one service of
that action; the services check the transition table (409), the user's right (403) and the
revision the client saw (409 `case_stale`). A case the user may not see is not found (404).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import File, Form, Query, Router, Status
from ninja.files import UploadedFile
from ninja.params import HeaderEx, P
from ninja.throttling import AnonRateThrottle

from onewindow.accounts.auth import user_auth
from onewindow.cases import selectors, services
from onewindow.cases.choices import Channel, Provision
from onewindow.cases.models import Case, CaseMaterial
from onewindow.cases.schemas import (
    AcceptWithGapsIn,
    ActionIn,
    CaseCreatedOut,
    CaseCreateIn,
    CaseDetailOut,
    CaseFilterIn,
    CaseMaterialOut,
    CasePageOut,
    CommentIn,
    CompleteStageIn,
    DeliverIn,
    OpinionIn,
    OptionalReasonIn,
    ProgressOut,
    ReasonIn,
    RequestCorrectionIn,
    ResubmitIn,
    ResumeIn,
    SuspendIn,
)
from onewindow.common import time
from onewindow.common.api import ErrorOut
from onewindow.common.errors import InvalidInput
from onewindow.common.identity import mask_name
from onewindow.common.uploads import check_upload
from onewindow.deadlines import kinds

router = Router(tags=["cases"])

IDEMPOTENCY_KEY_MAX = 100
# The public progress lookup is guarded by an 8-digit query code; slow down anyone guessing.
PROGRESS_THROTTLE = "30/m"

READ_ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 404: ErrorOut}
ACTION_RESPONSES: dict[int, Any] = {200: CaseDetailOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


# ---- filing -------------------------------------------------------------------------------------


@router.post(
    "/cases",
    response={201: CaseCreatedOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 409: ErrorOut},
    auth=user_auth,
    summary="提交办件申请",
)
def create_case(
    request: HttpRequest,
    response: HttpResponse,
    payload: CaseCreateIn,
    idempotency_key: HeaderEx[
        str | None,
        P(
            alias="Idempotency-Key",
            description="幂等键(不超过100字符):同一用户以同一键重发相同请求,返回首次创建的办件;请求内容不同则返回 409",
        ),
    ] = None,
) -> Status:
    """File and submit an application in one go (checked complete, numbered, the 5-day reply timer started).

    Files travel inline as Base64 (`materials[].file`), each checked by content, size and name.
    Every problem of the application is reported at once (400 `application_invalid`, `details`).
    """
    user = request.auth  # type: ignore[attr-defined]
    key = _idempotency_key(idempotency_key)
    data = services.ApplicationInput(
        item_code=payload.item,
        situation_code=payload.situation,
        applicant=payload.applicant.dict(),
        form=payload.form,
        materials=_material_entries(payload),
        delivery_method=payload.delivery_method,
        delivery_address=payload.delivery_address,
    )
    files = _inline_files(payload)
    if key is None:
        case = services.case_file(actor=user, data=data, channel=Channel.API, files=files)
    else:
        case, replayed = services.case_file_once(actor=user, data=data, files=files, key=key, fingerprint=_fingerprint(payload))
        if replayed:
            response["Idempotent-Replayed"] = "true"
            case = _case_for_output(case.pk)
    return Status(201, case)


def _idempotency_key(raw: str | None) -> str | None:
    if raw is None:
        return None
    key = raw.strip()
    if not key or len(key) > IDEMPOTENCY_KEY_MAX:
        raise InvalidInput(_("Idempotency-Key 应为1至%(n)s个字符。") % {"n": IDEMPOTENCY_KEY_MAX}, code="idempotency_key_invalid")
    return key


def _fingerprint(payload: CaseCreateIn) -> str:
    """The request body in one canonical JSON form, hashed: the same application gives the same digest."""
    canonical = json.dumps(payload.dict(), sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _material_entries(payload: CaseCreateIn) -> list[dict[str, Any]]:
    entries = []
    for material in payload.materials:
        provision = material.provision or (Provision.UPLOADED if material.file else Provision.MISSING)
        entries.append(
            {"code": material.code, "provision": provision, "pledge": material.pledge, "license_number": material.license_number}
        )
    codes = [entry["code"] for entry in entries]
    if len(codes) != len(set(codes)):
        raise InvalidInput(_("材料清单中有重复的材料代码。"), code="materials_invalid")
    return entries


def _inline_files(payload: CaseCreateIn) -> dict[str, Any]:
    """Decode and check every inline file; InvalidInput names each material whose file is wrong."""
    files: dict[str, Any] = {}
    problems: dict[str, str] = {}
    first_code = ""
    limit = settings.CASE_UPLOAD_MAX_BYTES
    for material in payload.materials:
        if material.file is None:
            continue
        try:
            raw = _decode(material.file.content_base64, limit)
            stream = ContentFile(raw, name=material.file.name)
            check_upload(stream, name=material.file.name, max_bytes=limit)
        except InvalidInput as exc:
            problems[material.code] = exc.message
            first_code = first_code or exc.code
            continue
        files[material.code] = stream
    if problems:
        raise InvalidInput(_("材料文件有误。"), code=first_code, details={"materials": problems})
    return files


def _decode(text: str, limit: int) -> bytes:
    compact = "".join(text.split())
    if len(compact) > (limit // 3 + 1) * 4:  # the Base64 length of a file over the limit; no need to decode it
        raise InvalidInput(_("文件不能超过%(mb)sMB。") % {"mb": round(limit / 1024 / 1024, 1)}, code="upload_too_large")
    try:
        return base64.b64decode(compact, validate=True)
    except (binascii.Error, ValueError):
        raise InvalidInput(_("文件内容不是有效的 Base64 编码。"), code="material_file_invalid") from None


def _case_for_output(pk: int) -> Case:
    return Case.objects.select_related("item", "department", "situation").get(pk=pk)


# ---- reading ------------------------------------------------------------------------------------


@router.get("/cases", response={200: CasePageOut, **READ_ERRORS}, auth=user_auth, summary="办件列表")
def list_cases(request: HttpRequest, filters: Query[CaseFilterIn]) -> dict[str, Any]:
    """Cases the user may see (staff: their department's or region's; applicants: their own), newest first;
    `queue=true` lists the open ones by deadline, most urgent first."""
    page = selectors.case_list(user=request.auth, **filters.dict())  # type: ignore[attr-defined]
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.get("/cases/{number}", response={200: CaseDetailOut, **READ_ERRORS}, auth=user_auth, summary="办件详情")
def get_case(request: HttpRequest, number: str) -> Case:
    """One case with its materials (no file contents), timeline, stage tasks, timers, documents and
    the actions the user may take now."""
    return selectors.case_get(user=request.auth, number=number)  # type: ignore[attr-defined]


@router.post(
    "/cases/{number}/materials",
    response={200: CaseMaterialOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    auth=user_auth,
    summary="上传材料文件",
)
def attach_material(request: HttpRequest, number: str, code: Form[str], file: File[UploadedFile]) -> CaseMaterial:
    """Attach a file to one material (multipart: `code`, `file`): while the applicant may still change the
    application, after a correction notice, or to supply gaps after acceptance."""
    user = request.auth  # type: ignore[attr-defined]
    case = selectors.case_get(user=user, number=number)
    return services.case_material_attach(actor=user, case=case, code=code, file=file, name=file.name or code)


# ---- public progress ----------------------------------------------------------------------------


@router.get(
    "/progress/{number}",
    response={200: ProgressOut, 404: ErrorOut, 429: ErrorOut},
    auth=None,
    throttle=[AnonRateThrottle(PROGRESS_THROTTLE)],
    summary="办件进度查询",
)
def get_progress(request: HttpRequest, number: str, code: str = "") -> dict[str, Any]:
    """Public progress by case number and query code (both must match, else 404): each step's time, unit and
    handler, the promised date and the documents that can be verified; personal data masked."""
    case = selectors.progress(number=number, code=code)
    promised = [t for t in selectors.timers_of(case) if t.kind == kinds.CASE_PROMISED]
    return {
        "number": case.number,
        "status": case.status,
        "status_label": case.get_status_display(),
        "item_name": case.item_name,
        "department": case.department.name,
        "applicant_name": case.masked_applicant_name,
        "submitted_at": time.local_datetime(case.submitted_at) if case.submitted_at else None,
        "promised_due_on": promised[-1].due_on if promised else None,
        "steps": [
            {
                "at": time.local_datetime(step.at),
                "action": step.action,
                "label": step.get_action_display(),
                "unit_name": step.unit_name,
                # The applicant's own name is personal data; staff act in their official capacity.
                "actor_name": mask_name(step.actor_name) if step.actor_id and step.actor_id == case.applicant_user_id else step.actor_name,
            }
            for step in selectors.timeline(case)
        ],
        "documents": [
            {"kind": d.kind, "kind_label": d.get_kind_display(), "number": d.number, "verification_code": d.verification_code}
            for d in selectors.documents_of(case, ready_only=True)
        ],
    }


# ---- actions ------------------------------------------------------------------------------------


def _act(request: HttpRequest, number: str, action: Callable[[Any, Case], Any]) -> Case:
    """Run one action on the case the user may see and answer with the case as it is now."""
    user = request.auth  # type: ignore[attr-defined]
    action(user, selectors.case_get(user=user, number=number))
    return selectors.case_get(user=user, number=number)


@router.post("/cases/{number}/accept", response=ACTION_RESPONSES, auth=user_auth, summary="受理")
def accept(request: HttpRequest, number: str, payload: CommentIn) -> Case:
    """Accept a complete application (即办件 are decided at once)."""
    return _act(
        request,
        number,
        lambda user, case: services.case_accept(actor=user, case=case, comment=payload.comment, expected_revision=payload.revision),
    )


@router.post("/cases/{number}/accept-with-gaps", response=ACTION_RESPONSES, auth=user_auth, summary="容缺受理")
def accept_with_gaps(request: HttpRequest, number: str, payload: AcceptWithGapsIn) -> Case:
    """Accept with minor materials missing, to be supplied by `supply_by`."""
    return _act(
        request,
        number,
        lambda user, case: services.case_accept_with_gaps(
            actor=user,
            case=case,
            gaps=payload.gaps,
            supply_by=payload.supply_by,
            comment=payload.comment,
            expected_revision=payload.revision,
        ),
    )


@router.post("/cases/{number}/request-correction", response=ACTION_RESPONSES, auth=user_auth, summary="一次性告知补正")
def request_correction(request: HttpRequest, number: str, payload: RequestCorrectionIn) -> Case:
    """One notice listing every problem, per material (一次性告知)."""
    return _act(
        request,
        number,
        lambda user, case: services.case_request_correction(
            actor=user, case=case, problems=payload.problems, comment=payload.comment, expected_revision=payload.revision
        ),
    )


@router.post("/cases/{number}/resubmit", response=ACTION_RESPONSES, auth=user_auth, summary="补正后重新提交")
def resubmit(request: HttpRequest, number: str, payload: ResubmitIn) -> Case:
    """The applicant has corrected what the notice listed (files first through the materials endpoint)."""

    def run(user: Any, case: Case) -> Case:
        materials = [m.dict() for m in payload.materials] if payload.materials is not None else None
        return services.case_resubmit(
            actor=user, case=case, materials=materials, comment=payload.comment, expected_revision=payload.revision
        )

    return _act(request, number, run)


@router.post("/cases/{number}/refuse", response=ACTION_RESPONSES, auth=user_auth, summary="不予受理")
def refuse(request: HttpRequest, number: str, payload: ReasonIn) -> Case:
    """Refuse the application with a written reason."""
    return _act(
        request,
        number,
        lambda user, case: services.case_refuse(actor=user, case=case, reason=payload.reason, expected_revision=payload.revision),
    )


@router.post("/cases/{number}/complete-stage", response=ACTION_RESPONSES, auth=user_auth, summary="完成环节")
def complete_stage(request: HttpRequest, number: str, payload: CompleteStageIn) -> Case:
    """Complete one open review task with an opinion; the next stage opens when the stage is done."""
    return _act(
        request,
        number,
        lambda user, case: services.case_complete_stage(
            actor=user, case=case, task=payload.task, opinion=payload.opinion, expected_revision=payload.revision
        ),
    )


@router.post("/cases/{number}/suspend", response=ACTION_RESPONSES, auth=user_auth, summary="进入特别程序")
def suspend(request: HttpRequest, number: str, payload: SuspendIn) -> Case:
    """Start a special procedure; the clocks stop (行政许可法 第四十五条)."""
    return _act(
        request,
        number,
        lambda user, case: services.case_suspend(
            actor=user, case=case, procedure=payload.procedure, reason=payload.reason, expected_revision=payload.revision
        ),
    )


@router.post("/cases/{number}/resume", response=ACTION_RESPONSES, auth=user_auth, summary="特别程序结束")
def resume(request: HttpRequest, number: str, payload: ResumeIn) -> Case:
    """End the special procedure with its result; the clocks run again."""
    return _act(
        request,
        number,
        lambda user, case: services.case_resume(actor=user, case=case, result=payload.result, expected_revision=payload.revision),
    )


@router.post("/cases/{number}/extend", response=ACTION_RESPONSES, auth=user_auth, summary="延长办理期限")
def extend(request: HttpRequest, number: str, payload: ReasonIn) -> Case:
    """Extend the limit once, with a reason (行政许可法 第四十二条)."""
    return _act(
        request,
        number,
        lambda user, case: services.case_extend(actor=user, case=case, reason=payload.reason, expected_revision=payload.revision),
    )


@router.post("/cases/{number}/supply-gaps", response=ACTION_RESPONSES, auth=user_auth, summary="补齐容缺材料")
def supply_gaps(request: HttpRequest, number: str, payload: CommentIn) -> Case:
    """Every gap material is now provided (upload the files first through the materials endpoint)."""

    return _act(
        request,
        number,
        lambda user, case: services.case_supply_gaps(actor=user, case=case, comment=payload.comment, expected_revision=payload.revision),
    )


@router.post("/cases/{number}/approve", response=ACTION_RESPONSES, auth=user_auth, summary="准予许可")
def approve(request: HttpRequest, number: str, payload: OpinionIn) -> Case:
    """Grant: the decision document is issued and the 10-day delivery timer starts."""
    return _act(
        request,
        number,
        lambda user, case: services.case_approve(actor=user, case=case, opinion=payload.opinion, expected_revision=payload.revision),
    )


@router.post("/cases/{number}/deny", response=ACTION_RESPONSES, auth=user_auth, summary="不予许可")
def deny(request: HttpRequest, number: str, payload: ReasonIn) -> Case:
    """Deny with a written reason."""
    return _act(
        request,
        number,
        lambda user, case: services.case_deny(actor=user, case=case, reason=payload.reason, expected_revision=payload.revision),
    )


@router.post("/cases/{number}/deliver", response=ACTION_RESPONSES, auth=user_auth, summary="送达")
def deliver(request: HttpRequest, number: str, payload: DeliverIn) -> Case:
    """Hand the result over (window, post or online)."""
    return _act(
        request,
        number,
        lambda user, case: services.case_deliver(actor=user, case=case, note=payload.note, expected_revision=payload.revision),
    )


@router.post("/cases/{number}/close", response=ACTION_RESPONSES, auth=user_auth, summary="办结归档")
def close(request: HttpRequest, number: str, payload: ActionIn) -> Case:
    """Close a delivered case."""
    return _act(
        request,
        number,
        lambda user, case: services.case_close(actor=user, case=case, expected_revision=payload.revision),
    )


@router.post("/cases/{number}/withdraw", response=ACTION_RESPONSES, auth=user_auth, summary="撤回申请")
def withdraw(request: HttpRequest, number: str, payload: OptionalReasonIn) -> Case:
    """The applicant withdraws the application before a decision."""
    return _act(
        request,
        number,
        lambda user, case: services.case_withdraw(actor=user, case=case, reason=payload.reason, expected_revision=payload.revision),
    )
