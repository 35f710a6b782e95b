"""Applications coming in: drafts, online and API submission, intake at a window, material files.

一窗受理、一张表单、一套材料、一次提交: the item's current published version is pinned on the
case when it is created; the case keeps that version's form, materials and stages for good.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import IO, Any

from django.conf import settings
from django.core.files.base import File
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from onewindow.audit.services import atomic_audited, audit_deferred, audit_record
from onewindow.cases import application, eligibility
from onewindow.cases.application import Applicant, MaterialPlan
from onewindow.cases.choices import CaseAction, CaseStatus, Channel, DeliveryMethod, PledgeStatus, Provision
from onewindow.cases.models import Case, CaseMaterial, IdempotentSubmission, new_query_code
from onewindow.cases.numbers import next_number
from onewindow.cases.services import base, timers
from onewindow.catalog.choices import EntryState
from onewindow.catalog.models import MaterialRequirement, ServiceItem, ServiceItemVersion, Situation
from onewindow.common import time
from onewindow.common.errors import Conflict, Forbidden, InvalidInput, NotFound
from onewindow.common.uploads import CheckedUpload, check_upload
from onewindow.deadlines import kinds

A = CaseAction


@dataclass
class ApplicationInput:
    """Everything an application says, as received from a page, the API or a window clerk."""

    item_code: str
    situation_code: str = ""
    applicant: dict[str, Any] = field(default_factory=dict)
    form: dict[str, Any] = field(default_factory=dict)
    materials: list[dict[str, Any]] = field(default_factory=list)
    delivery_method: str = DeliveryMethod.WINDOW
    delivery_address: str = ""


def current_version(item_code: str) -> ServiceItemVersion:
    """The published current version of the item with this implementation code; InvalidInput if unknown.

    The version comes with its item, department and region attached (one query)."""
    item = ServiceItem.objects.select_related("current", "department__region").filter(implementation_code=item_code).first()
    version = item.current if item else None
    if item is None or version is None or version.state != EntryState.PUBLISHED or version.valid_to is not None:
        raise InvalidInput(_("事项不存在或已取消:%(code)s。") % {"code": item_code}, code="item_unknown", details={"item": item_code})
    version.service_item = item
    return version


def situation_of(version: ServiceItemVersion, code: str) -> Situation | None:
    situations = published_parts(version).situations
    if not code:
        if len(situations) > 1:
            raise InvalidInput(_("请选择办事情形。"), code="situation_required", details={"situation": [s.code for s in situations]})
        return situations[0] if situations else None
    for situation in situations:
        if situation.code == code:
            return situation
    raise InvalidInput(_("该事项没有此办事情形:%(code)s。") % {"code": code}, code="situation_unknown", details={"situation": code})


def requirements_of(version: ServiceItemVersion, situation: Situation | None) -> list[MaterialRequirement]:
    materials = published_parts(version).materials
    return [m for m in materials if m.situation_id is None or (situation and m.situation_id == situation.pk)]


@dataclass(frozen=True)
class VersionParts:
    situations: list[Situation]
    materials: list[MaterialRequirement]


_PARTS: dict[int, VersionParts] = {}
_PARTS_MAX = 4096


def published_parts(version: ServiceItemVersion) -> VersionParts:
    """The situations and material requirements of a version, in their order.

    A published version row and its children are never rewritten (a change publishes a new
    version), so a published version's parts are kept per process; a draft's are read each time.
    """
    parts = _PARTS.get(version.pk)
    if parts is not None:
        return parts
    parts = VersionParts(list(version.situations.order_by("sort", "id")), list(version.materials.order_by("sort", "id")))
    if version.state == EntryState.PUBLISHED:
        if len(_PARTS) >= _PARTS_MAX:
            _PARTS.clear()
        _PARTS[version.pk] = parts
    return parts


def plan_of(materials: list[dict[str, Any]]) -> MaterialPlan:
    plan = MaterialPlan()
    for entry in materials:
        if not isinstance(entry, dict) or not entry.get("code"):
            raise InvalidInput(_("材料清单格式有误:每项应包含 code 与 provision。"), code="materials_invalid")
        code = str(entry["code"])
        provision = str(entry.get("provision") or (Provision.UPLOADED if entry.get("file") else Provision.MISSING))
        if provision not in Provision.values:
            raise InvalidInput(
                _("材料提供方式无效:%(value)s。") % {"value": provision}, code="materials_invalid", details={code: provision}
            )
        plan.provisions[code] = provision
        plan.pledges[code] = str(entry.get("pledge") or "")
        plan.license_numbers[code] = str(entry.get("license_number") or "")
    return plan


@dataclass(frozen=True)
class Prepared:
    version: ServiceItemVersion
    situation: Situation | None
    applicant: Applicant
    form: dict[str, Any]
    requirements: list[MaterialRequirement]
    plan: MaterialPlan


def prepare(data: ApplicationInput, *, complete: bool, version: ServiceItemVersion | None = None) -> Prepared:
    """Check an application; InvalidInput lists every problem (applicant, form, materials) at once.

    A new application is checked against the item's current version; a stored case against the
    version pinned on it (`version`), which it keeps for good even after the item changes.
    """
    version = version or current_version(data.item_code)
    situation = situation_of(version, data.situation_code)
    problems: dict[str, Any] = {}
    applicant = form = None
    try:
        applicant = application.clean_applicant(data.applicant, audience=version.audience)
    except InvalidInput as exc:
        problems["applicant"] = exc.details
    try:
        form = application.clean_form(version.form_schema, data.form, partial=not complete)
    except InvalidInput as exc:
        problems["form"] = exc.details
    requirements = requirements_of(version, situation)
    plan = plan_of(data.materials)
    bar = eligibility.pledge_bar_reason(applicant.id_number) if applicant else None
    material_errors = application.material_problems(requirements, plan, complete=complete, bar_reason=bar)
    if material_errors:
        problems["materials"] = material_errors
    if data.delivery_method not in DeliveryMethod.values:
        problems["delivery_method"] = _("送达方式无效。")
    elif data.delivery_method == DeliveryMethod.POST and not data.delivery_address.strip():
        problems["delivery_address"] = _("邮寄送达请填写邮寄地址。")
    if problems or applicant is None or form is None:
        raise InvalidInput(_("申请内容有误,请按提示修改。"), code="application_invalid", details=problems)
    return Prepared(version, situation, applicant, form, requirements, plan)


def _new_case(*, actor: Any, prepared: Prepared, data: ApplicationInput, channel: str) -> tuple[Case, list[CaseMaterial]]:
    version = prepared.version
    department = version.service_item.department
    applicant = prepared.applicant
    case = Case.objects.create(
        query_code=new_query_code(),
        channel=channel,
        item=version.service_item,
        item_version=version,
        situation=prepared.situation,
        department=department,
        region_code=department.region.code,
        item_name=version.name,
        applicant_kind=applicant.kind,
        applicant_name=applicant.name,
        applicant_id_number=applicant.id_number,
        applicant_phone=applicant.phone,
        applicant_email=applicant.email,
        applicant_user=actor if channel != Channel.WINDOW else None,
        form=prepared.form,
        delivery_method=data.delivery_method,
        delivery_address=data.delivery_address.strip(),
        promised_days=version.promised_limit_days,
        statutory_days=version.statutory_limit_days,
    )
    materials = CaseMaterial.objects.bulk_create(
        [
            CaseMaterial(
                case=case,
                requirement=requirement,
                code=requirement.code,
                name=requirement.name,
                necessity=requirement.necessity,
                provision=prepared.plan.provisions.get(requirement.code, Provision.MISSING),
                pledge_text=prepared.plan.pledges.get(requirement.code, ""),
                pledge_status=PledgeStatus.PENDING if prepared.plan.provisions.get(requirement.code) == Provision.PLEDGE else "",
                license_number=prepared.plan.license_numbers.get(requirement.code, ""),
                sort=index,
            )
            for index, requirement in enumerate(prepared.requirements)
        ]
    )
    return case, materials


@atomic_audited
def case_save_draft(*, actor: Any, data: ApplicationInput, case: Case | None = None) -> Case:
    """Create or update the applicant's draft; drafts are checked for shape only, not completeness."""
    _require_applicant_account(actor)
    prepared = prepare(data, complete=False)
    if case is None:
        case, _materials = _new_case(actor=actor, prepared=prepared, data=data, channel=Channel.ONLINE)
        audit_record(actor=actor, action="cases.case.create_draft", obj=case, after=base.snapshot(case))
        return case
    locked = base.lock(case)
    if locked.applicant_user_id != actor.pk:
        raise Forbidden(_("只能修改自己的草稿。"), code="case_forbidden")
    if locked.status != CaseStatus.DRAFT:
        raise Conflict(_("办件已提交,不能再修改草稿。"), code="case_not_draft")
    if locked.item_version_id != prepared.version.pk:
        raise Conflict(_("事项已更新,请重新填写申请。"), code="case_item_changed")
    _update_draft(locked, prepared, data)
    audit_record(actor=actor, action="cases.case.save_draft", obj=locked, after={"form": locked.form})
    return locked


def _update_draft(case: Case, prepared: Prepared, data: ApplicationInput) -> None:
    applicant = prepared.applicant
    case.situation = prepared.situation
    case.applicant_kind, case.applicant_name = applicant.kind, applicant.name
    case.applicant_id_number, case.applicant_phone, case.applicant_email = applicant.id_number, applicant.phone, applicant.email
    case.form = prepared.form
    case.delivery_method, case.delivery_address = data.delivery_method, data.delivery_address.strip()
    case.updated_at = time.now()
    case.save()
    kept = {m.code: m for m in case.materials.all()}
    for index, requirement in enumerate(prepared.requirements):
        material = kept.pop(requirement.code, None) or CaseMaterial(case=case, requirement=requirement, code=requirement.code)
        material.name, material.necessity, material.sort = requirement.name, requirement.necessity, index
        provision = prepared.plan.provisions.get(requirement.code)
        if provision is not None and not (provision == Provision.MISSING and material.file):
            material.provision = provision
        if material.file and material.provision == Provision.MISSING:
            material.provision = Provision.UPLOADED
        material.pledge_text = prepared.plan.pledges.get(requirement.code, material.pledge_text)
        # A pledge made now awaits verification; a pledge withdrawn leaves nothing to verify.
        material.pledge_status = PledgeStatus.PENDING if material.provision == Provision.PLEDGE else ""
        material.license_number = prepared.plan.license_numbers.get(requirement.code, material.license_number)
        material.save()
    for stale in kept.values():
        stale.delete()


def _require_applicant_account(actor: Any) -> None:
    if not getattr(actor, "is_authenticated", False):
        raise Forbidden(_("请先登录。"), code="not_authenticated")


def _stamp_submission(case: Case, actor: Any) -> None:
    case.submitted_at = time.now()
    case.received_by = actor if case.channel == Channel.WINDOW else None


@atomic_audited
def case_submit(*, actor: Any, case: Case) -> Case:
    """Submit the applicant's draft: it must now be complete; it gets its number and the 5-day reply timer."""
    locked, target = base.begin(actor=actor, case=case, action=A.SUBMIT)
    data = application_input_of(locked)
    if current_version(data.item_code).pk != locked.item_version_id:
        raise Conflict(_("事项已更新,请重新填写申请。"), code="case_item_changed")
    prepare(data, complete=True, version=locked.item_version)
    _require_files(locked)
    before = base.snapshot(locked)
    _stamp_submission(locked, actor)
    return _after_submission(actor, locked, target, before)


def _after_submission(actor: Any, case: Case, target: str, before: dict[str, Any]) -> Case:
    acceptance = timers.start(case, kinds.CASE_ACCEPTANCE, 5, at=case.submitted_at)  # 行政许可法 第三十二条
    # A case being submitted has no other open timer (drafts have none): this one leads the queue.
    case.due_on, case.warn_on = acceptance.due_on, acceptance.warn_on
    # Taken last: where the number row is locked until the commit (SQLite, tests), it holds up the
    # other submissions of the day only for the final writes (see cases.numbers).
    case.number = next_number(case.region_code)
    base.finish(actor=actor, case=case, action=A.SUBMIT, target=target, before=before)
    return case


@atomic_audited
def case_file(*, actor: Any, data: ApplicationInput, channel: str = Channel.API, files: dict[str, IO[bytes]] | None = None) -> Case:
    """Create and submit in one go (the API, or a window clerk's intake): checked complete, numbered, timed."""
    return _file(actor=actor, data=data, channel=channel, files=files)


def case_file_once(
    *, actor: Any, data: ApplicationInput, key: str, fingerprint: str, files: dict[str, IO[bytes]] | None = None
) -> tuple[Case, bool]:
    """`case_file` under the client's idempotency key: file the case and record the key in one
    transaction, or return the case the key already names (and True for "replayed").

    `fingerprint` identifies the request's content: the same key with a different application is a
    Conflict. Two requests racing with one key both miss the lookup; the second insert of the key
    fails on the unique constraint, its whole transaction (case included) rolls back, and it returns
    the winner's case.
    """
    try:
        with transaction.atomic(), audit_deferred():
            earlier = _earlier_submission(actor, key, fingerprint)
            if earlier is not None:
                return earlier, True
            case = _file(actor=actor, data=data, channel=Channel.API, files=files)
            IdempotentSubmission.objects.create(user=actor, key=key, fingerprint=fingerprint, case=case)
            return case, False
    except IntegrityError:
        winner = _earlier_submission(actor, key, fingerprint)
        if winner is None:
            raise
        return winner, True


def _earlier_submission(actor: Any, key: str, fingerprint: str) -> Case | None:
    earlier = IdempotentSubmission.objects.select_related("case").filter(user=actor, key=key).first()
    if earlier is None:
        return None
    if earlier.fingerprint != fingerprint:
        raise Conflict(
            _("该 Idempotency-Key 已用于另一份不同的申请,请换用新的键。"),
            code="idempotency_key_reused",
            details={"number": earlier.case.number},
        )
    return earlier.case


def _file(*, actor: Any, data: ApplicationInput, channel: str, files: dict[str, IO[bytes]] | None) -> Case:
    """The body of `case_file`, inside the caller's transaction."""
    _require_applicant_account(actor)
    data = _with_files(data, files or {})
    prepared = prepare(data, complete=channel != Channel.WINDOW)
    # Every file is checked before anything is written (storage writes are not rolled back).
    named = {str(code): (stream, str(getattr(stream, "name", "") or code)) for code, stream in (files or {}).items()}
    checked = _check_files({r.code for r in prepared.requirements}, named)
    case, created = _new_case(actor=actor, prepared=prepared, data=data, channel=channel)
    materials = {m.code: m for m in created}
    for code, (stream, upload) in checked.items():
        _store_file(materials[code], stream, upload)
    if channel != Channel.WINDOW:
        _require_files(case, created)
    before = base.snapshot(case)
    _stamp_submission(case, actor)
    return _after_submission(actor, case, CaseStatus.SUBMITTED, before)


def _with_files(data: ApplicationInput, files: dict[str, IO[bytes]]) -> ApplicationInput:
    """The application with a material whose file came along counted as uploaded unless it says otherwise."""
    if not files:
        return data
    entries = [dict(entry) if isinstance(entry, dict) else entry for entry in data.materials]
    listed = {str(entry.get("code")) for entry in entries if isinstance(entry, dict)}
    for entry in entries:
        if isinstance(entry, dict) and str(entry.get("code")) in files and not entry.get("provision"):
            entry["provision"] = Provision.UPLOADED
    entries += [{"code": str(code), "provision": Provision.UPLOADED} for code in files if str(code) not in listed]
    return replace(data, materials=entries)


def _require_files(case: Case, materials: list[CaseMaterial] | None = None) -> None:
    """Online, "uploaded" means a file is attached; paper is only verified at a window."""
    missing = {
        m.code: _("请上传“%(name)s”。") % {"name": m.name}
        for m in (case.materials.all() if materials is None else materials)
        if (m.provision == Provision.UPLOADED and not m.file) or (m.provision == Provision.PAPER and case.channel != Channel.WINDOW)
    }
    if missing:
        raise InvalidInput(_("申请内容有误,请按提示修改。"), code="application_invalid", details={"materials": missing})


def application_input_of(case: Case) -> ApplicationInput:
    """The application a stored case represents (to re-check a draft at submission)."""
    return ApplicationInput(
        item_code=case.item.implementation_code,
        situation_code=case.situation.code if case.situation else "",
        applicant={
            "kind": case.applicant_kind,
            "name": case.applicant_name,
            "id_number": case.applicant_id_number,
            "uscc": case.applicant_id_number,
            "phone": case.applicant_phone,
            "email": case.applicant_email,
        },
        form=case.form,
        materials=[
            {"code": m.code, "provision": m.provision, "pledge": m.pledge_text, "license_number": m.license_number}
            for m in case.materials.all()
        ],
        delivery_method=case.delivery_method,
        delivery_address=case.delivery_address,
    )


# Files may be attached while the applicant can still change the application, and to supply gaps.
ATTACHABLE = (CaseStatus.DRAFT, CaseStatus.CORRECTION_REQUESTED, CaseStatus.ACCEPTED, CaseStatus.IN_REVIEW, CaseStatus.SUSPENDED)


@atomic_audited
def case_material_attach(*, actor: Any, case: Case, code: str, file: IO[bytes], name: str) -> CaseMaterial:
    """Attach a file to one material (checked by content, size and name); replaces an earlier file."""
    from onewindow.cases.permissions import is_applicant, may

    locked = base.lock(case)
    # A draft is the applicant's alone; later a window clerk or the department may add files for them.
    if not (is_applicant(actor, locked) or (locked.status != CaseStatus.DRAFT and may(actor, locked, A.SUPPLY_GAPS))):
        raise Forbidden(_("您无权为该办件上传材料。"), code="case_forbidden")
    if locked.status not in ATTACHABLE:
        raise Conflict(_("办件当前状态为“%(status)s”,不能上传材料。") % {"status": locked.get_status_display()}, code="case_not_editable")
    material = locked.materials.filter(code=code).first()
    if material is None:
        raise NotFound(_("该办件没有此材料:%(code)s。") % {"code": code}, code="material_unknown")
    if locked.status in (CaseStatus.ACCEPTED, CaseStatus.IN_REVIEW, CaseStatus.SUSPENDED) and not material.is_outstanding_gap:
        raise Conflict(_("受理后只能上传待补的容缺材料。"), code="case_not_editable")
    before = {"file": material.file.name, "sha256": material.sha256}
    checked = _check_files({code}, {code: (file, name)})
    _store_file(material, file, checked[code][1])
    audit_record(
        actor=actor,
        action="cases.material.attach",
        obj=material,
        before=before,
        after={"file": material.file.name, "sha256": material.sha256},
    )
    return material


def _check_files(codes: set[str], files: dict[str, tuple[IO[bytes], str]]) -> dict[str, tuple[IO[bytes], CheckedUpload]]:
    """Each file checked (content type, size, archive bomb, name) against the material it is for.

    InvalidInput lists every bad file by material code (`details["materials"]`); its code is
    the first problem's (`upload_type_not_allowed`, `upload_too_large`, `material_unknown` …).
    """
    checked: dict[str, tuple[IO[bytes], CheckedUpload]] = {}
    problems: dict[str, str] = {}
    first: InvalidInput | None = None
    for code, (stream, name) in files.items():
        try:
            if code not in codes:
                raise InvalidInput(_("该情形不需要此材料。"), code="material_unknown")
            checked[code] = (stream, check_upload(stream, name=name, max_bytes=settings.CASE_UPLOAD_MAX_BYTES))
        except InvalidInput as exc:
            problems[code] = exc.message
            first = first or exc
    if first is not None:
        raise InvalidInput(first.message, code=first.code, details={"materials": problems})
    return checked


def _store_file(material: CaseMaterial, stream: IO[bytes], checked: CheckedUpload) -> None:
    digest = hashlib.sha256()
    stream.seek(0)
    for chunk in iter(lambda: stream.read(65536), b""):
        digest.update(chunk)
    stream.seek(0)
    material.file.save(checked.name, File(stream), save=False)
    material.original_name = checked.name
    material.content_kind = checked.kind
    material.size = checked.size
    material.sha256 = digest.hexdigest()
    if material.provision in (Provision.MISSING, Provision.PAPER) or (
        material.provision == Provision.GAP and material.case.status == CaseStatus.DRAFT
    ):
        material.provision = Provision.UPLOADED
    material.updated_at = time.now()
    material.save()
