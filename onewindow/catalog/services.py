"""Writes to the lists: change requests from draft to published version (放: 清单动态管理).

A change request collects draft version rows of one list; a list manager of the region reviews
and publishes it as the region's next numbered catalog version. Published rows are never edited:
publishing only closes the rows they replace (`valid_to`) and moves each entry's `current`.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from onewindow.audit.services import audit_record, audit_snapshot
from onewindow.catalog import search
from onewindow.catalog.choices import CHANGE_REQUEST_TRANSITIONS, ChangeKind, ChangeRequestStatus, EntryState, ListKind
from onewindow.catalog.documents.base import References
from onewindow.catalog.documents.registry import ListSpec, spec_for
from onewindow.catalog.models import CatalogVersion, ChangeRequest, PowerItem
from onewindow.catalog.permissions import can_draft, can_edit_request, can_manage_lists
from onewindow.catalog.search import normalize_query
from onewindow.common import time
from onewindow.common.errors import Conflict, Forbidden, InvalidInput
from onewindow.orgs.models import Department, Region

EDITABLE = (ChangeRequestStatus.DRAFT, ChangeRequestStatus.RETURNED)
# Lists of the whole region (not of one department): only list managers change them.
REGION_LISTS = (ListKind.INTERMEDIARY, ListKind.DUTY_BOUNDARY)


@transaction.atomic
def change_request_create(
    *,
    actor: Any,
    region: Region,
    list_kind: str,
    kind: str,
    title: str,
    reason: str,
    legal_basis: str,
    department: Department | None = None,
) -> ChangeRequest:
    """Open a change request; reason and legal basis are required (清单调整须有法定依据)."""
    if not can_draft(actor, region=region, department=department):
        raise Forbidden(_("您无权起草该清单的变更。"), code="change_request_forbidden")
    if list_kind in REGION_LISTS and not can_manage_lists(actor, region):
        raise Forbidden(_("该清单由清单管理人员统一维护。"), code="change_request_forbidden")
    problems = []
    if list_kind not in ListKind.values:
        problems.append({"field": "list_kind", "message": _("清单类型无效。")})
    if kind not in ChangeKind.values:
        problems.append({"field": "kind", "message": _("变更类型无效。")})
    for name, value, label in (("title", title, _("标题")), ("reason", reason, _("变更理由")), ("legal_basis", legal_basis, _("法律依据"))):
        if not (value or "").strip():
            problems.append({"field": name, "message": _("%(label)s不能为空。") % {"label": label}})
    if department is not None and not department.region.code.startswith(region.prefix):
        problems.append({"field": "department", "message": _("部门不属于该区划。")})
    if problems:
        raise InvalidInput(problems[0]["message"], code="invalid_change_request", details=problems)
    change_request = ChangeRequest.objects.create(
        region=region,
        department=department,
        list_kind=list_kind,
        kind=kind,
        title=title.strip()[:200],
        reason=reason.strip(),
        legal_basis=legal_basis.strip(),
        drafted_by=actor,
    )
    audit_record(actor=actor, action="catalog.change_request.create", obj=change_request, after=audit_snapshot(change_request))
    return change_request


def _locked(change_request: ChangeRequest) -> ChangeRequest:
    return ChangeRequest.objects.select_for_update(of=("self",)).select_related("region", "department").get(pk=change_request.pk)


def _require_editable(actor: Any, change_request: ChangeRequest) -> None:
    if not can_edit_request(actor, change_request):
        raise Forbidden(_("您无权修改该变更申请。"), code="change_request_forbidden")
    if change_request.list_kind in REGION_LISTS and not can_manage_lists(actor, change_request.region):
        raise Forbidden(_("该清单由清单管理人员统一维护。"), code="change_request_forbidden")
    if change_request.status not in EDITABLE:
        raise Conflict(_("变更申请已%(s)s,不能再修改。") % {"s": change_request.get_status_display()}, code="change_request_not_editable")


@transaction.atomic
def change_request_save_draft(*, actor: Any, change_request: ChangeRequest, document: dict[str, Any]) -> Any:
    """Add (or replace) the draft of one entry from its document; the whole document must be valid."""
    change_request = _locked(change_request)
    _require_editable(actor, change_request)
    spec = spec_for(change_request.list_kind)
    resolved = spec.validate(document, References(change_request.region))
    department = spec.department(resolved)
    if change_request.department_id and department is not None and department.pk != change_request.department_id:
        raise Forbidden(_("只能起草本部门的事项。"), code="change_request_other_department")
    if department is not None and not can_draft(actor, region=change_request.region, department=department):
        raise Forbidden(_("您无权起草该部门的事项。"), code="change_request_forbidden")
    identity = spec.find(change_request.region, spec.key(resolved), department)
    _check_identity_unchanged(spec, identity, resolved)
    if identity is None:
        identity = spec.create_identity(change_request.region, resolved)
    files = _material_files(spec, change_request, identity)
    _drop_drafts(spec, change_request, identity)
    version = spec.write(resolved, **{"change_request": change_request}, **_entry_kwarg(spec, identity))
    _restore_material_files(version, files)
    version.base_version_id = identity.current_id
    version.save(update_fields=["base_version_id"])
    audit_record(
        actor=actor,
        action="catalog.change_request.save_draft",
        obj=change_request,
        after={"list": spec.kind, "entry": spec.key(resolved), "version_id": version.pk},
    )
    return version


def _material_files(spec: ListSpec, change_request: ChangeRequest, identity: Any) -> dict[str, tuple[str, str]]:
    """Blank forms and examples by material code, from this request's draft or else the current row:
    documents carry no files, so a re-saved draft keeps the files already attached."""
    if spec.kind != ListKind.SERVICE:
        return {}
    source = _drafts(spec, change_request).filter(service_item=identity).first() or identity.current
    if source is None:
        return {}
    return {m.code: (m.blank_form.name, m.example.name) for m in source.materials.all() if m.blank_form or m.example}


def _restore_material_files(version: Any, files: dict[str, tuple[str, str]]) -> None:
    for material in version.materials.filter(code__in=list(files)) if files else ():
        material.blank_form.name, material.example.name = files[material.code]
        material.save(update_fields=["blank_form", "example"])


def _entry_kwarg(spec: ListSpec, identity: Any) -> dict[str, Any]:
    return {"item": identity} if spec.kind in (ListKind.SERVICE, ListKind.POWER) else {"entry": identity}


def _check_identity_unchanged(spec: ListSpec, identity: Any, resolved: Any) -> None:
    if spec.kind == ListKind.SERVICE and identity is not None:
        problems = []
        if identity.department_id != resolved.department.pk:
            problems.append({"field": "department", "message": _("实施编码已被其他部门的事项使用。")})
        if identity.basic_code != resolved.basic_code:
            problems.append({"field": "basic_code", "message": _("已有事项的基本编码不能修改;编码变化请新增事项并取消原事项。")})
        if problems:
            raise InvalidInput(problems[0]["message"], code="invalid_document", details=problems)


def _drafts(spec: ListSpec, change_request: ChangeRequest):  # type: ignore[no-untyped-def]
    return spec.version.objects.filter(change_request=change_request, state=EntryState.DRAFT)


def _drop_drafts(spec: ListSpec, change_request: ChangeRequest, identity: Any) -> None:
    for row in _drafts(spec, change_request).filter(**{spec.identity_field: identity}):
        _delete_draft(row)


def _delete_draft(row: Any) -> None:
    """Remove a draft row and its children (never a published row)."""
    assert row.state == EntryState.DRAFT
    for relation in ("situations", "materials", "fees", "stages", "legal_bases", "responsibilities", "accountability_rules", "shares"):
        manager = getattr(row, relation, None)
        if manager is not None:
            manager.all().delete()
    row.delete()


@transaction.atomic
def change_request_cancel_entry(*, actor: Any, change_request: ChangeRequest, code: str, department: Department | None = None) -> Any:
    """Draft the cancellation (取消) of a current entry, identified by its code."""
    change_request = _locked(change_request)
    _require_editable(actor, change_request)
    spec = spec_for(change_request.list_kind)
    department = department or change_request.department
    identity = spec.find(change_request.region, code, department)
    if identity is None or identity.current_id is None:
        raise InvalidInput(_("清单中没有编码为“%(c)s”的现行条目。") % {"c": code}, code="entry_not_found")
    owner = getattr(identity, "department", None)
    if owner is not None and not can_draft(actor, region=change_request.region, department=owner):
        raise Forbidden(_("您无权取消该部门的事项。"), code="change_request_forbidden")
    if change_request.department_id and owner is not None and owner.pk != change_request.department_id:
        raise Forbidden(_("只能起草本部门的事项。"), code="change_request_other_department")
    _drop_drafts(spec, change_request, identity)
    tombstone = spec.version.objects.get(pk=identity.current_id)
    tombstone.pk = None
    tombstone.id = None
    tombstone._state.adding = True
    tombstone.change_request = change_request
    tombstone.state = EntryState.DRAFT
    tombstone.valid_from = tombstone.valid_to = None
    tombstone.is_cancellation = True
    tombstone.base_version_id = identity.current_id
    tombstone.save(force_insert=True)
    audit_record(actor=actor, action="catalog.change_request.cancel_entry", obj=change_request, after={"list": spec.kind, "entry": code})
    return tombstone


@transaction.atomic
def change_request_remove_entry(*, actor: Any, change_request: ChangeRequest, version_id: int) -> None:
    """Take one draft (or drafted cancellation) out of the request."""
    change_request = _locked(change_request)
    _require_editable(actor, change_request)
    spec = spec_for(change_request.list_kind)
    row = _drafts(spec, change_request).filter(pk=version_id).first()
    if row is None:
        raise InvalidInput(_("该变更申请中没有这条草稿。"), code="draft_not_found")
    identity = getattr(row, spec.identity_field)
    _delete_draft(row)
    _forget_unborn(spec, identity)
    audit_record(actor=actor, action="catalog.change_request.remove_entry", obj=change_request, before={"version_id": version_id})


def _forget_unborn(spec: ListSpec, identity: Any) -> None:
    """An entry created by a draft that never got published goes away with its last draft."""
    if identity.current_id is None and not spec.version.objects.filter(**{spec.identity_field: identity}).exists():
        identity.delete()


def _transition(actor: Any, change_request: ChangeRequest, target: str, action: str, **changes: Any) -> ChangeRequest:
    if target not in CHANGE_REQUEST_TRANSITIONS[change_request.status]:
        raise Conflict(
            _("变更申请当前为“%(s)s”,不能执行该操作。") % {"s": change_request.get_status_display()}, code="change_request_transition"
        )
    before = audit_snapshot(change_request, ["status", "review_comment"])
    change_request.status = target
    for name, value in changes.items():
        setattr(change_request, name, value)
    change_request.updated_at = time.now()
    change_request.save()
    audit_record(
        actor=actor, action=action, obj=change_request, before=before, after=audit_snapshot(change_request, ["status", "review_comment"])
    )
    return change_request


@transaction.atomic
def change_request_submit(*, actor: Any, change_request: ChangeRequest) -> ChangeRequest:
    """Send the request to the list managers; its entries must fit its kind."""
    change_request = _locked(change_request)
    if not can_edit_request(actor, change_request):
        raise Forbidden(_("您无权提交该变更申请。"), code="change_request_forbidden")
    _check_entries_fit_kind(change_request)
    return _transition(actor, change_request, ChangeRequestStatus.SUBMITTED, "catalog.change_request.submit", submitted_at=time.now())


def _check_entries_fit_kind(change_request: ChangeRequest) -> None:
    spec = spec_for(change_request.list_kind)
    rows = list(_drafts(spec, change_request).select_related(spec.identity_field))
    drafts = [r for r in rows if not r.is_cancellation]
    cancels = [r for r in rows if r.is_cancellation]
    new = [r for r in drafts if r.base_version_id is None]
    kind = change_request.kind
    message = None
    if not rows:
        message = _("变更申请还没有任何条目。")
    elif kind == ChangeKind.ADD and (cancels or len(new) != len(drafts)):
        message = _("“新增”申请只能包含新的条目。")
    elif kind == ChangeKind.CANCEL and drafts:
        message = _("“取消”申请只能包含取消的条目。")
    elif kind in (ChangeKind.ADJUST, ChangeKind.DELEGATE) and (cancels or new):
        message = _("“%(k)s”申请只能修改现有条目。") % {"k": change_request.get_kind_display()}
    elif kind == ChangeKind.TAKE_OVER and cancels:
        message = _("“承接”申请不能包含取消的条目。")
    elif kind == ChangeKind.MERGE and (not drafts or not cancels):
        message = _("“合并”申请应包含合并后的条目和被合并取消的条目。")
    if message:
        raise InvalidInput(message, code="change_request_entries_mismatch")


@transaction.atomic
def change_request_return(*, actor: Any, change_request: ChangeRequest, comment: str) -> ChangeRequest:
    """A list manager sends the request back to its drafter with the reasons."""
    change_request = _locked(change_request)
    if not can_manage_lists(actor, change_request.region):
        raise Forbidden(_("只有清单管理人员可以审核变更申请。"), code="change_request_review_forbidden")
    if not (comment or "").strip():
        raise InvalidInput(_("退回时应填写审核意见。"), code="review_comment_required")
    return _transition(
        actor,
        change_request,
        ChangeRequestStatus.RETURNED,
        "catalog.change_request.return",
        review_comment=comment.strip(),
        reviewed_by=actor,
        reviewed_at=time.now(),
    )


@transaction.atomic
def change_request_withdraw(*, actor: Any, change_request: ChangeRequest) -> ChangeRequest:
    """The drafter abandons the request; its drafts are removed."""
    change_request = _locked(change_request)
    if not can_edit_request(actor, change_request):
        raise Forbidden(_("您无权撤回该变更申请。"), code="change_request_forbidden")
    result = _transition(actor, change_request, ChangeRequestStatus.WITHDRAWN, "catalog.change_request.withdraw")
    spec = spec_for(change_request.list_kind)
    for row in list(_drafts(spec, change_request).select_related(spec.identity_field)):
        identity = getattr(row, spec.identity_field)
        _delete_draft(row)
        _forget_unborn(spec, identity)
    return result


@transaction.atomic
def change_request_publish(*, actor: Any, change_request: ChangeRequest, comment: str = "") -> CatalogVersion:
    """Publish the request as the region's next catalog version (四眼原则: not by its drafter)."""
    change_request = _locked(change_request)
    if not can_manage_lists(actor, change_request.region):
        raise Forbidden(_("只有清单管理人员可以发布变更。"), code="change_request_review_forbidden")
    if change_request.drafted_by_id == actor.pk:
        raise Forbidden(_("变更申请不能由起草人本人审核发布。"), code="change_request_self_review")
    if change_request.status != ChangeRequestStatus.SUBMITTED:
        raise Conflict(_("只有待审核的变更申请可以发布。"), code="change_request_transition")
    Region.objects.select_for_update().get(pk=change_request.region_id)  # one publisher per region at a time
    number = (CatalogVersion.objects.filter(region=change_request.region).aggregate(n=Max("number"))["n"] or 0) + 1
    spec = spec_for(change_request.list_kind)
    changed = _publish_rows(spec, change_request, number)
    version = CatalogVersion.objects.create(
        region=change_request.region,
        number=number,
        published_at=time.now(),
        published_by=actor,
        change_request=change_request,
        summary=f"{change_request.get_kind_display()}:{change_request.title}"[:300],
    )
    _transition(
        actor,
        change_request,
        ChangeRequestStatus.PUBLISHED,
        "catalog.change_request.publish",
        reviewed_by=actor,
        reviewed_at=time.now(),
        review_comment=comment.strip(),
    )
    audit_record(actor=actor, action="catalog.version.publish", obj=version, after={"number": number, "entries": len(changed)})
    if spec.kind == ListKind.SERVICE:
        search.index_items([identity.pk for identity in changed])
    return version


def _publish_rows(spec: ListSpec, change_request: ChangeRequest, number: int) -> list[Any]:
    rows = list(_drafts(spec, change_request).select_related(spec.identity_field))
    identities = {getattr(row, f"{spec.identity_field}_id") for row in rows}
    locked = {i.pk: i for i in spec.identity.objects.select_for_update().filter(pk__in=identities)}
    for row in rows:
        identity = locked[getattr(row, f"{spec.identity_field}_id")]
        if identity.current_id != row.base_version_id:
            raise Conflict(_("“%(n)s”在本申请起草后已被其他变更修改,请重新起草后再提交。") % {"n": identity}, code="change_request_stale")
        if identity.current_id:
            spec.version.objects.filter(pk=identity.current_id).update(valid_to=number)
        row.state = EntryState.PUBLISHED
        row.valid_from = number
        row.valid_to = number if row.is_cancellation else None
        row.save(update_fields=["state", "valid_from", "valid_to"])
        identity.current = None if row.is_cancellation else row
        identity.updated_at = time.now()
        identity.save(update_fields=["current", "updated_at"])
    if spec.kind == ListKind.POWER:
        _link_power_parents(rows, locked)
    return list(locked.values())


def _link_power_parents(rows: list[Any], identities: dict[int, PowerItem]) -> None:
    """Main item → sub-items (主项/子项) follow the published rows' parent codes."""
    for row in rows:
        identity = identities[row.power_item_id]
        parent = None
        if row.parent_code and not row.is_cancellation:
            parent = PowerItem.objects.filter(department=identity.department, code=row.parent_code).first()
            if parent is None:
                raise InvalidInput(_("主项“%(c)s”不存在。") % {"c": row.parent_code}, code="power_parent_not_found")
        if identity.parent_id != (parent.pk if parent else None):
            identity.parent = parent
            identity.save(update_fields=["parent"])


@transaction.atomic
def theme_save(*, actor: Any, code: str, name: str, kind: str, audience: str, sort: int = 100) -> Any:
    """Create or update a browsing theme (人生事件/企业事件/专题); list managers only."""
    from onewindow.accounts.access import has_role
    from onewindow.catalog.models import Theme

    if not has_role(actor, "list_manager"):
        raise Forbidden(_("只有清单管理人员可以维护主题。"), code="theme_forbidden")
    theme = Theme.objects.filter(code=code).first()
    before = audit_snapshot(theme) if theme else None
    theme = theme or Theme(code=code)
    theme.name, theme.kind, theme.audience, theme.sort = name, kind, audience, sort
    theme.updated_at = time.now()
    _full_clean(theme)
    theme.save()
    audit_record(actor=actor, action="catalog.theme.save", obj=theme, before=before, after=audit_snapshot(theme))
    return theme


@transaction.atomic
def synonym_save(*, actor: Any, region: Region, phrase: str, item_codes: list[str]) -> Any:
    """Map what citizens type (开饭店) to the items they mean; list managers of the region only."""
    from onewindow.catalog.models import ServiceItem, Synonym

    if not can_manage_lists(actor, region):
        raise Forbidden(_("只有清单管理人员可以维护同义词。"), code="synonym_forbidden")
    phrase = normalize_query(phrase or "")
    if not phrase or len(phrase) > 50:
        raise InvalidInput(_("群众说法应为1到50个字符。"), code="invalid_synonym")
    items = list(ServiceItem.objects.filter(implementation_code__in=item_codes, department__region__code__startswith=region.prefix))
    missing = sorted(set(item_codes) - {i.implementation_code for i in items})
    if missing or not items:
        raise InvalidInput(_("事项编码不存在:%(c)s") % {"c": "、".join(missing) or "-"}, code="synonym_items_not_found")
    synonym, created = Synonym.objects.get_or_create(region=region, phrase=phrase, defaults={"created_by": actor})
    before = None if created else {"items": sorted(synonym.items.values_list("implementation_code", flat=True))}
    synonym.items.set(items)
    audit_record(actor=actor, action="catalog.synonym.save", obj=synonym, before=before, after={"items": sorted(item_codes)})
    return synonym


@transaction.atomic
def synonym_delete(*, actor: Any, synonym: Any) -> None:
    if not can_manage_lists(actor, synonym.region):
        raise Forbidden(_("只有清单管理人员可以维护同义词。"), code="synonym_forbidden")
    audit_record(actor=actor, action="catalog.synonym.delete", obj=synonym, before={"phrase": synonym.phrase})
    synonym.items.clear()
    synonym.delete()


def _full_clean(obj: Any) -> None:
    from django.core.exceptions import ValidationError

    try:
        obj.full_clean()
    except ValidationError as error:
        details = [{"field": k, "message": "; ".join(v)} for k, v in error.message_dict.items()]
        raise InvalidInput(details[0]["message"], code="invalid_input", details=details) from None


MATERIAL_FILE_SLOTS = {"blank_form": _("空白表格"), "example": _("示例样表")}
MATERIAL_FILE_KINDS = frozenset({"pdf", "docx", "xlsx", "doc", "xls", "ofd", "png", "jpeg"})
MATERIAL_FILE_MAX_BYTES = 10 * 1024 * 1024


@transaction.atomic
def material_file_attach(
    *, actor: Any, change_request: ChangeRequest, version_id: int, material_code: str, slot: str, upload: Any, name: str
) -> Any:
    """Attach a blank form (空白表格) or an example (示例样表) to a material of a drafted item.

    The file is checked by content and size before it is stored; it becomes public with the
    version when the request is published.
    """
    from onewindow.catalog.models import MaterialRequirement
    from onewindow.common.uploads import check_upload

    change_request = _locked(change_request)
    _require_editable(actor, change_request)
    if slot not in MATERIAL_FILE_SLOTS:
        raise InvalidInput(_("附件类型无效。"), code="invalid_file_slot")
    material = (
        MaterialRequirement.objects.filter(
            version_id=version_id, version__change_request=change_request, version__state=EntryState.DRAFT, code=material_code
        )
        .select_related("version")
        .first()
    )
    if material is None:
        raise InvalidInput(_("该变更申请的草稿中没有这项材料。"), code="material_not_found")
    checked = check_upload(upload, name=name, allowed=MATERIAL_FILE_KINDS, max_bytes=MATERIAL_FILE_MAX_BYTES)
    before = {slot: getattr(material, slot).name}
    getattr(material, slot).save(checked.name, upload, save=False)
    material.save(update_fields=[slot])
    audit_record(
        actor=actor,
        action="catalog.material.attach_file",
        obj=change_request,
        before=before,
        after={slot: getattr(material, slot).name, "material": material_code, "version_id": version_id, "size": checked.size},
    )
    return material


@transaction.atomic
def material_file_remove(*, actor: Any, change_request: ChangeRequest, version_id: int, material_code: str, slot: str) -> None:
    """Detach a blank form or example from a drafted material (the stored file stays for history)."""
    from onewindow.catalog.models import MaterialRequirement

    change_request = _locked(change_request)
    _require_editable(actor, change_request)
    material = MaterialRequirement.objects.filter(
        version_id=version_id, version__change_request=change_request, version__state=EntryState.DRAFT, code=material_code
    ).first()
    if material is None or slot not in MATERIAL_FILE_SLOTS:
        raise InvalidInput(_("该变更申请的草稿中没有这项材料。"), code="material_not_found")
    before = {slot: getattr(material, slot).name}
    setattr(material, slot, "")
    material.save(update_fields=[slot])
    audit_record(actor=actor, action="catalog.material.remove_file", obj=change_request, before=before, after={slot: ""})
