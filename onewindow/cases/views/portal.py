"""Applicant pages of the public portal: apply online (draft → review → submit), my cases (status,
timeline, corrections, gaps, documents, withdrawal), and the public progress query.

The applicant's pages show only the applicant's own cases: another user's case is a 404, the same
as one that does not exist. The progress query needs no login; a wrong number or query code gets
one neutral answer, and each address may query a limited number of times a minute.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db.models import Prefetch, prefetch_related_objects
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from onewindow.cases import permissions, selectors, services
from onewindow.cases.choices import CaseAction, CaseStatus, DocumentState, Provision
from onewindow.cases.forms import FILE_PREFIX
from onewindow.cases.models import Case, CaseMaterial, CaseStep
from onewindow.cases.portal_forms import (
    ApplyForm,
    CaseActionForm,
    MaterialUploadForm,
    ProgressForm,
    ResubmitForm,
    SupplyGapsForm,
    WithdrawForm,
    draft_data,
    initial_from_user,
)
from onewindow.cases.services.intake import ATTACHABLE, application_input_of, prepare, requirements_of
from onewindow.cases.views.workbench import document_rows, queue_rows
from onewindow.catalog.choices import EntryState, OnlineDepth
from onewindow.catalog.models import MaterialRequirement, ServiceItemVersion, Situation
from onewindow.common import time
from onewindow.common.errors import Conflict, Forbidden, InvalidInput, NotFound
from onewindow.common.identity import mask_name
from onewindow.common.middleware import client_ip
from onewindow.common.uploads import KINDS
from onewindow.deadlines import kinds

A = CaseAction
ERROR_STATUS = {InvalidInput: 400, Forbidden: 403, Conflict: 409, NotFound: 404}
# The public progress query: requests allowed per client address per minute (as the API's PROGRESS_THROTTLE).
PROGRESS_LIMIT = 30
PROGRESS_WINDOW_SECONDS = 60


# Apply online ------------------------------------------------------------------------------------


def _online_version(code: str) -> ServiceItemVersion:
    """The item's current published version with its situations and materials; 404 when unknown or cancelled."""
    version = (
        ServiceItemVersion.objects.filter(
            service_item__implementation_code=code, state=EntryState.PUBLISHED, valid_to__isnull=True, is_cancellation=False
        )
        .select_related("service_item__department")
        .prefetch_related(
            Prefetch("situations", queryset=Situation.objects.order_by("sort", "id")),
            Prefetch("materials", queryset=MaterialRequirement.objects.order_by("sort", "id")),
        )
        .first()
    )
    if version is None:
        raise Http404(_("事项不存在或已取消。"))
    return version


def _accepts_online(version: ServiceItemVersion) -> bool:
    return version.online_depth >= OnlineDepth.ACCEPT


def _chosen_situation(situations: list[Situation], code: str) -> Situation | None:
    """The situation named by `code`; the only one when there is one; None when a choice is still needed."""
    if len(situations) == 1:
        return situations[0]
    return next((s for s in situations if s.code == code), None)


def _apply_form(version: ServiceItemVersion, situation: Situation | None, draft: Case | None = None, **kwargs: Any) -> ApplyForm:
    situations = list(version.situations.all())
    stored = {m.code: m for m in draft.materials.all()} if draft is not None else {}
    return ApplyForm(version=version, situations=situations, requirements=requirements_of(version, situation), stored=stored, **kwargs)


def _render_apply(
    request: HttpRequest, version: ServiceItemVersion, form: ApplyForm, *, draft: Case | None = None, status: int = 200
) -> HttpResponse:
    code = version.service_item.implementation_code
    context = {
        "version": version,
        "item": version.service_item,
        "form": form,
        "draft": draft,
        "action_url": reverse("cases:apply_draft", args=[draft.pk]) if draft else reverse("cases:apply", args=[code]),
        "files_lost": request.method == "POST" and bool(request.FILES) and status >= 400,
        "multiple_situations": version.situations.count() > 1,
    }
    return render(request, "cases/portal/apply.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest, code: str) -> HttpResponse:
    """A new online application: choose the situation (when there are several), then fill in the form."""
    version = _online_version(code)
    if not _accepts_online(version):
        return render(request, "cases/portal/apply_unavailable.html", {"version": version, "item": version.service_item}, status=404)
    situations = list(version.situations.all())
    if request.method == "POST":
        return _save(request, version, draft=None)
    situation = _chosen_situation(situations, request.GET.get("situation", ""))
    if situation is None and situations:
        context = {"version": version, "item": version.service_item, "situations": situations}
        return render(request, "cases/portal/apply_situation.html", context)
    initial = {**initial_from_user(request.user, version), "situation": situation.code if situation else ""}
    return _render_apply(request, version, _apply_form(version, situation, initial=initial))


def _my_draft(request: HttpRequest, pk: int) -> Case:
    try:
        draft = selectors.draft_get(user=request.user, pk=pk)
    except NotFound as error:
        raise Http404(error.message) from None
    return draft


@login_required
@require_http_methods(["GET", "POST"])
def apply_draft(request: HttpRequest, pk: int) -> HttpResponse:
    """The applicant's draft, to go on filling in and save again."""
    draft = _my_draft(request, pk)
    version = _online_version(draft.item.implementation_code)
    if version.pk != draft.item_version_id:
        messages.warning(request, _("该事项的办事指南已更新,草稿需按新版本重新填写。"))
    if request.method == "POST":
        return _save(request, version, draft=draft)
    situations = list(version.situations.all())
    situation = _chosen_situation(situations, draft.situation.code if draft.situation else "")
    form = _apply_form(version, situation, draft, initial=draft_data(draft))
    return _render_apply(request, version, form, draft=draft)


def _save(request: HttpRequest, version: ServiceItemVersion, *, draft: Case | None) -> HttpResponse:
    """Save the application as a draft (created the first time), attach the chosen files, then go on."""
    situations = list(version.situations.all())
    situation = _chosen_situation(situations, request.POST.get("situation", ""))
    if "switch" in request.POST:
        initial = {key: value for key, value in request.POST.items() if key != "csrfmiddlewaretoken"}
        return _render_apply(request, version, _apply_form(version, situation, draft, initial=initial), draft=draft)
    form = _apply_form(version, situation, draft, data=request.POST, files=request.FILES)
    code = version.service_item.implementation_code
    if not form.is_valid():
        _add_application_problems(form, code)
        return _render_apply(request, version, form, draft=draft, status=400)
    try:
        saved = services.case_save_draft(actor=request.user, data=form.application(code), case=draft)
    except (InvalidInput, Forbidden, Conflict) as error:
        form.add_service_error(error)
        return _render_apply(request, version, form, draft=draft, status=ERROR_STATUS[type(error)])
    failed = _attach_files(request, saved, form)
    if failed:
        form = _apply_form(version, situation, saved, data=request.POST)
        form.is_valid()
        for field, message in failed.items():
            form.add_error(field, message)
        return _render_apply(request, version, form, draft=saved, status=400)
    if request.POST.get("next") == "review":
        return redirect("cases:apply_review", pk=saved.pk)
    messages.success(request, _("草稿已保存。您可以随时在“我的办件”中继续填写。"))
    return redirect("cases:apply_draft", pk=saved.pk)


def _add_application_problems(form: ApplyForm, code: str) -> None:
    """The service's problems too, so that one round trip shows every one of them (一次性告知)."""
    try:
        prepare(form.application(code), complete=False)
    except InvalidInput as error:
        form.add_service_error(error)


def _attach_files(request: HttpRequest, case: Case, form: ApplyForm) -> dict[str, str]:
    """Attach every chosen file to the draft; the problems by form field."""
    failed = {}
    for code, upload in form.chosen_files().items():
        try:
            services.case_material_attach(actor=request.user, case=case, code=code, file=upload, name=upload.name)
        except (InvalidInput, Forbidden, Conflict, NotFound) as error:
            failed[FILE_PREFIX + code] = error.message
    return failed


def _draft_rows(case: Case) -> list[tuple[str, str]]:
    """The application form's values with the labels of the item's schema."""
    rows = []
    for spec in case.item_version.form_schema:
        if spec["name"] in case.form:
            value = case.form[spec["name"]]
            rows.append((spec.get("label") or spec["name"], (_("是") if value else _("否")) if isinstance(value, bool) else str(value)))
    return rows


def _draft_problems(case: Case) -> list[str]:
    """What would stop the draft from being submitted now (checked again, for real, on submission)."""
    problems: list[str] = []
    try:
        prepare(application_input_of(case), complete=True, version=case.item_version)
    except InvalidInput as error:
        problems.extend(_flatten(error.details) or [error.message])
    for material in case.materials.all():
        if material.provision == Provision.UPLOADED and not material.file:
            problems.append(_("请上传“%(name)s”。") % {"name": material.name})
    return list(dict.fromkeys(problems))


def _flatten(details: Any) -> list[str]:
    if isinstance(details, dict):
        return [text for value in details.values() for text in _flatten(value)]
    if isinstance(details, list):
        return [text for value in details for text in _flatten(value)]
    return [str(details)] if details else []


@login_required
@require_GET
def apply_review(request: HttpRequest, pk: int) -> HttpResponse:
    """The whole application to check once more before submitting it."""
    draft = _my_draft(request, pk)
    context = {
        "case": draft,
        "form_rows": _draft_rows(draft),
        "materials": list(draft.materials.all()),
        "problems": _draft_problems(draft),
    }
    return render(request, "cases/portal/apply_review.html", context)


@login_required
@require_POST
def apply_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """Submit the draft; what is still wrong is shown next to its field on the application page."""
    draft = _my_draft(request, pk)
    try:
        case = services.case_submit(actor=request.user, case=draft)
    except (InvalidInput, Forbidden, Conflict) as error:
        version = _online_version(draft.item.implementation_code)
        situation = _chosen_situation(list(version.situations.all()), draft.situation.code if draft.situation else "")
        form = _apply_form(version, situation, draft, data=draft_data(draft))
        form.is_valid()
        form.add_service_error(error)
        return _render_apply(request, version, form, draft=draft, status=ERROR_STATUS[type(error)])
    return redirect("cases:apply_done", number=case.number)


def _my_case(request: HttpRequest, number: str) -> Case:
    """The applicant's own case; 404 for anyone else's (staff look at cases in the workbench)."""
    try:
        case = selectors.case_get(user=request.user, number=number)
    except NotFound as error:
        raise Http404(error.message) from None
    if not permissions.is_applicant(request.user, case):
        raise Http404(_("办件不存在或您无权查看。"))
    return case


@login_required
@require_GET
def apply_done(request: HttpRequest, number: str) -> HttpResponse:
    """Submitted: the case number and the query code to keep."""
    return render(request, "cases/portal/apply_done.html", {"case": _my_case(request, number)})


def _file_response(material: CaseMaterial) -> HttpResponseBase:
    if not material.file:
        raise Http404(_("该材料没有文件。"))
    content_type = KINDS[material.content_kind][1] if material.content_kind in KINDS else "application/octet-stream"
    response = FileResponse(
        material.file.open("rb"), as_attachment=True, filename=material.original_name or material.code, content_type=content_type
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def draft_material_file(request: HttpRequest, pk: int, code: str) -> HttpResponseBase:
    """A file the applicant attached to the draft."""
    material = _my_draft(request, pk).materials.filter(code=code).first()
    if material is None:
        raise Http404
    return _file_response(material)


# My cases ----------------------------------------------------------------------------------------


@login_required
@require_GET
def my_cases(request: HttpRequest) -> HttpResponse:
    """The applicant's cases, drafts included, newest first, with their status and deadline."""
    try:
        page = selectors.my_cases(user=request.user, cursor=request.GET.get("cursor") or None)
    except InvalidInput:
        page = selectors.my_cases(user=request.user)
    prefetch_related_objects(page.items, "department")
    return render(request, "cases/portal/my_cases.html", {"rows": queue_rows(page.items, time.today()), "page": page})


@dataclass(frozen=True)
class ApplicantMaterial:
    """A material of the applicant's case as the page shows it, with an upload form where one is due."""

    material: CaseMaterial
    upload: MaterialUploadForm | None
    reuploaded: bool


def _correction_step(case: Case) -> CaseStep | None:
    return case.steps.filter(action=A.REQUEST_CORRECTION).order_by("-at", "-id").first()


def _reuploaded(material: CaseMaterial, since: CaseStep | None) -> bool:
    return bool(material.file) and since is not None and material.updated_at >= since.at


def _uploadable(case: Case, material: CaseMaterial) -> bool:
    """Files are taken for the materials a correction notice names, and for outstanding gaps."""
    if case.status not in ATTACHABLE:
        return False
    if case.status == CaseStatus.CORRECTION_REQUESTED:
        return bool(material.problem)
    return case.has_gaps and material.is_outstanding_gap


def _material_rows(case: Case, failed: tuple[str, MaterialUploadForm] | None = None) -> list[ApplicantMaterial]:
    since = _correction_step(case) if case.status == CaseStatus.CORRECTION_REQUESTED else None
    rows = []
    for material in case.materials.all():
        upload = None
        if _uploadable(case, material):
            upload = failed[1] if failed and failed[0] == material.code else MaterialUploadForm(auto_id=f"upload-{material.code}-%s")
        rows.append(ApplicantMaterial(material, upload, _reuploaded(material, since)))
    return rows


@dataclass(frozen=True)
class TimerRow:
    label: str
    due_on: dt.date
    open: bool
    provisional: bool


def _timers(case: Case) -> list[TimerRow]:
    return [TimerRow(t.kind_label, t.due_on, t.is_open, t.provisional) for t in selectors.timers_of(case) if t.kind != kinds.CASE_STAGE]


ACTION_FORMS: dict[str, type[CaseActionForm]] = {A.WITHDRAW: WithdrawForm, A.RESUBMIT: ResubmitForm, A.SUPPLY_GAPS: SupplyGapsForm}


def _action_forms(request: HttpRequest, case: Case, failed: CaseActionForm | None) -> dict[str, CaseActionForm]:
    """The applicant's actions the case allows now, each with its form (the failed one as it was typed)."""
    forms: dict[str, CaseActionForm] = {}
    for action in permissions.actions_for(request.user, case):
        if action not in ACTION_FORMS or (action == A.SUPPLY_GAPS and not case.has_gaps):
            continue
        if failed is not None and isinstance(failed, ACTION_FORMS[action]):
            forms[action.value] = failed
        else:
            forms[action.value] = ACTION_FORMS[action](case=case, auto_id=f"{action.value}-%s")
    return forms


def _correction_problems(case: Case) -> list[tuple[str, str]]:
    """The one-time notice's list (material name, what to correct), the form's problem included."""
    step = _correction_step(case)
    if step is None or case.status != CaseStatus.CORRECTION_REQUESTED:
        return []
    names = {m.code: m.name for m in case.materials.all()}
    problems = (step.details or {}).get("problems") or {}
    return [(names.get(code, _("申请表单")), str(text)) for code, text in problems.items()]


def _render_my_case(
    request: HttpRequest,
    case: Case,
    *,
    failed_action: CaseActionForm | None = None,
    failed_upload: tuple[str, MaterialUploadForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    today = time.today()
    materials = _material_rows(case, failed_upload)
    context = {
        "case": case,
        "urgency": queue_rows([case], today)[0].urgency,
        "form_rows": _draft_rows(case),
        "materials": materials,
        "pending_uploads": [row.material for row in materials if row.upload is not None and not row.reuploaded and not _gap_uploaded(row)],
        "problems": _correction_problems(case),
        "timers": _timers(case),
        "steps": selectors.timeline(case),
        "documents": document_rows(case),
        "actions": _action_forms(request, case, failed_action),
    }
    return render(request, "cases/portal/my_case.html", context, status=status)


def _gap_uploaded(row: ApplicantMaterial) -> bool:
    return row.material.is_outstanding_gap and bool(row.material.file)


@login_required
@require_GET
def my_case(request: HttpRequest, number: str) -> HttpResponse:
    """One of the applicant's cases: status, deadlines, timeline, materials to correct, documents, actions."""
    return _render_my_case(request, _my_case(request, number))


@login_required
@require_http_methods(["GET", "POST"])
def my_case_material(request: HttpRequest, number: str, code: str) -> HttpResponseBase:
    """GET: the applicant's own file of a material. POST: a new file for a material to correct or a gap to supply."""
    case = _my_case(request, number)
    material = case.materials.filter(code=code).first()
    if material is None:
        raise Http404
    if request.method == "GET":
        return _file_response(material)
    if not _uploadable(case, material):
        messages.error(request, _("该材料当前不需要上传。"))
        return _render_my_case(request, case, status=409)
    form = MaterialUploadForm(request.POST, request.FILES, auto_id=f"upload-{code}-%s")
    if not form.is_valid():
        return _render_my_case(request, case, failed_upload=(code, form), status=400)
    upload = form.cleaned_data["file"]
    try:
        services.case_material_attach(actor=request.user, case=case, code=code, file=upload, name=upload.name)
    except (InvalidInput, Forbidden, Conflict, NotFound) as error:
        form.add_error("file", error.message)
        return _render_my_case(request, _my_case(request, number), failed_upload=(code, form), status=ERROR_STATUS[type(error)])
    messages.success(request, _("“%(name)s”已上传。") % {"name": material.name})
    return redirect("cases:my_case", number=number)


def _not_reuploaded(case: Case) -> list[str]:
    """Materials the correction notice names whose file has not been replaced since."""
    since = _correction_step(case)
    return [m.name for m in case.materials.all() if m.problem and not _reuploaded(m, since)]


def _resubmit(user: Any, case: Case, form: CaseActionForm) -> Case:
    missing = _not_reuploaded(case)
    if missing:
        raise InvalidInput(_("请先重新上传:%(names)s。") % {"names": "、".join(missing)}, code="correction_not_uploaded")
    corrected = [{"code": m.code, "provision": Provision.UPLOADED} for m in case.materials.all() if m.problem]
    return services.case_resubmit(
        actor=user, case=case, materials=corrected, comment=form.cleaned_data["comment"], expected_revision=form.cleaned_data["revision"]
    )


ActionCall = Callable[[Any, Case, CaseActionForm], Case]
ACTION_CALLS: dict[str, ActionCall] = {
    A.WITHDRAW: lambda u, c, f: services.case_withdraw(
        actor=u, case=c, reason=f.cleaned_data["reason"], expected_revision=f.cleaned_data["revision"]
    ),
    A.RESUBMIT: _resubmit,
    A.SUPPLY_GAPS: lambda u, c, f: services.case_supply_gaps(
        actor=u, case=c, comment=f.cleaned_data["comment"], expected_revision=f.cleaned_data["revision"]
    ),
}
DONE_MESSAGES: dict[str, Any] = {
    A.WITHDRAW: gettext_lazy("申请已撤回。"),
    A.RESUBMIT: gettext_lazy("补正材料已提交,请等待受理。"),
    A.SUPPLY_GAPS: gettext_lazy("容缺材料已补齐。"),
}


def _require_revision(case: Case, revision: int) -> None:
    """The applicant acts on the case as the page showed it: checked first so that a stale page says so before
    any other problem (the services check it again under the row lock)."""
    if case.revision != revision:
        raise Conflict(
            _("该办件的状态已变化(当前状态:%(status)s),请查看后重试。") % {"status": case.get_status_display()}, code="case_stale"
        )


@login_required
@require_POST
def my_case_act(request: HttpRequest, number: str, action: str) -> HttpResponse:
    """Withdraw, resubmit after correction, or confirm the gaps supplied; errors come back on the case page."""
    action = action.replace("-", "_")
    if action not in ACTION_CALLS:
        raise Http404
    case = _my_case(request, number)
    form = ACTION_FORMS[action](request.POST, case=case, auto_id=f"{action}-%s")
    if not form.is_valid():
        return _render_my_case(request, case, failed_action=form, status=400)
    try:
        _require_revision(case, form.cleaned_data["revision"])
        ACTION_CALLS[action](request.user, case, form)
    except (InvalidInput, Forbidden, Conflict) as error:
        messages.error(request, error.message)
        return _render_my_case(request, _my_case(request, number), failed_action=form, status=ERROR_STATUS[type(error)])
    messages.success(request, str(DONE_MESSAGES[action]))
    return redirect("cases:my_case", number=number)


# Public progress ---------------------------------------------------------------------------------


def _over_limit(request: HttpRequest) -> bool:
    """Counts the address's progress requests in the current minute (Django's cache); True past the limit."""
    minute = int(time.now().timestamp()) // PROGRESS_WINDOW_SECONDS
    key = f"cases:progress:{client_ip(request) or 'unknown'}:{minute}"
    if cache.add(key, 1, timeout=PROGRESS_WINDOW_SECONDS * 2):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=PROGRESS_WINDOW_SECONDS * 2)
        return False
    return count > PROGRESS_LIMIT


TOO_MANY = gettext_lazy("查询过于频繁,请一分钟后再试。")
NOT_FOUND = gettext_lazy("办件编号或查询码不正确,请核对后重新输入。")


@dataclass(frozen=True)
class ProgressStep:
    at: dt.datetime
    label: str
    unit: str
    handler: str


@dataclass(frozen=True)
class ProgressDocument:
    kind: str
    number: str
    verify_url: str


@dataclass(frozen=True)
class Progress:
    """What the public may see of a case: no ID number, no phone, the applicant's name masked."""

    case: Case
    steps: list[ProgressStep]
    promised_due_on: dt.date | None
    documents: list[ProgressDocument]


def _progress_of(case: Case) -> Progress:
    steps = [
        ProgressStep(
            time.local_datetime(step.at),
            step.get_action_display(),
            step.unit_name,
            # The applicant's own name is personal data; staff act in their official capacity.
            mask_name(step.actor_name) if step.actor_id and step.actor_id == case.applicant_user_id else (step.actor_name or _("系统")),
        )
        for step in selectors.timeline(case)
    ]
    promised = [t for t in selectors.timers_of(case) if t.kind == kinds.CASE_PROMISED]
    documents = [
        ProgressDocument(d.get_kind_display(), d.number, reverse("cases:document_verify", args=[d.verification_code]))
        for d in selectors.documents_of(case)
        if d.state == DocumentState.READY
    ]
    return Progress(case, steps, promised[-1].due_on if promised else None, documents)


def _lookup(number: str, code: str) -> Progress | None:
    try:
        return _progress_of(selectors.progress(number=number, code=code))
    except NotFound:
        return None


@never_cache
@require_http_methods(["GET", "POST"])
def progress(request: HttpRequest) -> HttpResponse:
    """办件查询: the case number and query code (posted, so they stay out of addresses and logs) give the progress."""
    if _over_limit(request):
        return render(request, "cases/portal/progress.html", {"form": ProgressForm(), "error": TOO_MANY}, status=429)
    if request.method == "GET":
        return render(request, "cases/portal/progress.html", {"form": ProgressForm()})
    form = ProgressForm(request.POST)
    if not form.is_valid():
        return render(request, "cases/portal/progress.html", {"form": form}, status=400)
    found = _lookup(form.cleaned_data["number"], form.cleaned_data["code"])
    if found is None:
        return render(request, "cases/portal/progress.html", {"form": form, "error": NOT_FOUND}, status=404)
    return render(request, "cases/portal/progress_result.html", {"progress": found, "case": found.case})


def _text_response(text: str, *, status: int = 200) -> HttpResponse:
    response = HttpResponse(text, content_type="text/plain; charset=utf-8", status=status)
    response["Cache-Control"] = "no-store"
    return response


def progress_lines(found: Progress, verify_base: str) -> list[str]:
    """The progress as short lines, read out by a hotline operator or sent by SMS."""
    case = found.case
    lines = [
        _("办件编号:%(number)s") % {"number": case.number},
        _("事项:%(item)s") % {"item": case.item_name},
        _("申请人:%(name)s") % {"name": case.masked_applicant_name},
        _("办理部门:%(department)s") % {"department": case.department.name},
        _("当前状态:%(status)s") % {"status": case.get_status_display()},
    ]
    if found.promised_due_on:
        lines.append(_("承诺办结:%(date)s") % {"date": found.promised_due_on.isoformat()})
    lines.append(_("办理过程:"))
    for step in found.steps:
        lines.append(f"{step.at:%Y-%m-%d %H:%M} {step.label}")
        lines.append(f"  {step.unit} {step.handler}".rstrip())
    if found.documents:
        lines.append(_("文书:"))
        for document in found.documents:
            lines.append(f"{document.kind} {document.number}")
            lines.append(_("  核验:%(url)s") % {"url": verify_base + document.verify_url})
    return lines


@never_cache
@require_GET
def progress_text(request: HttpRequest) -> HttpResponse:
    """The progress as plain text (`?number=&code=`), for SMS and the 12345 hotline."""
    if _over_limit(request):
        return _text_response(str(TOO_MANY) + "\n", status=429)
    found = _lookup(request.GET.get("number", "")[:32], request.GET.get("code", "")[:12])
    if found is None:
        return _text_response(str(NOT_FOUND) + "\n", status=404)
    base = (getattr(settings, "SITE_URL", "") or request.build_absolute_uri("/")).rstrip("/")
    return _text_response("\n".join(progress_lines(found, base)) + "\n")
