"""Import a list's workbook as ONE change request holding only the entries that differ.

All or nothing: the file is checked (type, size, archive bomb, row count), every row is read and
every document validated first, each problem reported at its sheet/row/column; only a clean
workbook is compared with the current list, and its differing entries are drafted through the
change-request services in one transaction, which any service error rolls back entirely.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.utils.translation import gettext as _

from onewindow.audit.services import audit_record
from onewindow.catalog.choices import ChangeKind, EntryState, ListKind
from onewindow.catalog.documents.base import References
from onewindow.catalog.documents.diff import diff_documents
from onewindow.catalog.documents.registry import ListSpec, spec_for
from onewindow.catalog.excel.archive import UNREADABLE, WorkbookRejected, open_workbook, unreadable_message
from onewindow.catalog.excel.cells import clean_text
from onewindow.catalog.excel.layouts import Layout, layout_for
from onewindow.catalog.excel.parse import ParsedEntry, ParsedWorkbook, parse_workbook
from onewindow.catalog.excel.problems import ImportProblem, Location, ProblemList
from onewindow.catalog.models import CatalogVersion, ChangeRequest
from onewindow.catalog.permissions import can_draft, can_manage_lists
from onewindow.catalog.services import change_request_cancel_entry, change_request_create, change_request_save_draft
from onewindow.common.errors import DomainError, Forbidden, InvalidInput
from onewindow.orgs.models import Department, Region

logger = logging.getLogger(__name__)

# Lists whose entries belong to a department (the others are kept region-wide by list managers).
DEPARTMENT_LISTS = (ListKind.SERVICE, ListKind.POWER, ListKind.FEE)


@dataclass
class ImportResult:
    """What an import did: the problems (then nothing was written) or the change request created."""

    problems: list[ImportProblem] = field(default_factory=list)
    change_request: ChangeRequest | None = None
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    cancelled: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def message(self) -> str:
        if self.problems:
            return _("导入失败:发现%(n)d处问题,未导入任何内容。") % {"n": len(self.problems)}
        if self.change_request is None:
            return _("与现行清单一致,无需变更。")
        return _("已创建变更申请“%(t)s”(%(k)s):新增%(a)d条、调整%(c)d条、取消%(x)d条。请核对后提交审核。") % {
            "t": self.change_request.title,
            "k": self.change_request.get_kind_display(),
            "a": len(self.added),
            "c": len(self.changed),
            "x": len(self.cancelled),
        }


@dataclass
class _Plan:
    """The entries of a clean workbook that differ from the current list."""

    added: list[ParsedEntry] = field(default_factory=list)
    changed: list[ParsedEntry] = field(default_factory=list)
    cancelled: list[dict[str, Any]] = field(default_factory=list)
    unchanged: int = 0

    @property
    def kind(self) -> str:
        """The change kind the entries fit (the submit service checks the same rules).

        New and changed entries together are a 承接 (the only kind allowing both without
        cancellations); cancellations with new or changed entries are a 合并.
        """
        drafts = self.added or self.changed
        if self.cancelled:
            return ChangeKind.MERGE if drafts else ChangeKind.CANCEL
        if self.added and self.changed:
            return ChangeKind.TAKE_OVER
        return ChangeKind.ADD if self.added else ChangeKind.ADJUST


class _RolledBack(Exception):
    def __init__(self, problems: ProblemList) -> None:
        super().__init__("import rolled back")
        self.problems = problems


def import_workbook(
    *,
    actor: Any,
    region: Region,
    list_kind: str,
    data: bytes,
    title: str,
    reason: str,
    legal_basis: str,
    department: Department | None = None,
    cancel_missing: bool = False,
) -> ImportResult:
    """Draft the differences between the workbook and the current list as one change request.

    `department` limits the import to that department's entries (a department admin's import);
    `cancel_missing` (清单外条目视为取消) drafts the cancellation of current entries (of that
    department, if given) missing from the workbook.
    """
    if list_kind not in ListKind.values:
        raise InvalidInput(_("清单类型无效。"), code="invalid_list_kind")
    _check_may_import(actor, region, list_kind, department)
    layout, spec = layout_for(list_kind), spec_for(list_kind)
    try:
        workbook = open_workbook(data)
    except WorkbookRejected as error:
        return ImportResult(problems=[ImportProblem.general(str(error))])
    try:
        parsed = parse_workbook(workbook, layout)
    except UNREADABLE as error:  # openpyxl reads the sheets lazily: damage inside them shows only now
        logger.warning("Unreadable workbook uploaded by user %s", getattr(actor, "pk", None), exc_info=True)
        return ImportResult(problems=[ImportProblem.general(unreadable_message(error))])
    finally:
        workbook.close()
    if parsed.structure_ok:
        _validate(actor, region, spec, department, parsed)
    if parsed.problems:
        return ImportResult(problems=parsed.problems.items)
    plan = _compare(region, layout, list_kind, department, parsed, cancel_missing)
    _check_not_stale(region, spec, layout, plan, parsed)
    if parsed.problems:
        return ImportResult(problems=parsed.problems.items)
    result = ImportResult(
        added=[_label(layout, e.doc) for e in plan.added],
        changed=[_label(layout, e.doc) for e in plan.changed],
        cancelled=[_label(layout, doc) for doc in plan.cancelled],
        unchanged=plan.unchanged,
    )
    if not (plan.added or plan.changed or plan.cancelled):
        return result
    try:
        result.change_request = _write(actor, region, list_kind, layout, department, plan, title, reason, legal_basis)
    except _RolledBack as failure:
        return ImportResult(problems=failure.problems.items)
    return result


def _check_may_import(actor: Any, region: Region, list_kind: str, department: Department | None) -> None:
    if list_kind not in DEPARTMENT_LISTS and not can_manage_lists(actor, region):
        raise Forbidden(_("该清单由清单管理人员统一维护,您无权导入。"), code="excel_import_forbidden")
    if not can_draft(actor, region=region, department=department):
        raise Forbidden(_("您无权导入该清单。"), code="excel_import_forbidden")


def _validate(actor: Any, region: Region, spec: ListSpec, department: Department | None, parsed: ParsedWorkbook) -> None:
    """Every document checked against the catalog rules and the importer's reach; problems at their cells."""
    references = References(region)
    for entry in parsed.entries:
        if spec.kind in DEPARTMENT_LISTS:
            _check_owner(actor, region, department, references, entry, parsed.problems)
        try:
            spec.validate(entry.doc, references)
        except InvalidInput as error:
            parsed.problems.add_details(entry.source, error.details, error.message)


def _check_owner(
    actor: Any, region: Region, department: Department | None, references: References, entry: ParsedEntry, problems: ProblemList
) -> None:
    """A department admin imports only their department's rows (other rows are errors, not skipped)."""
    name = entry.doc.get("department") or ""
    owner = references.departments.get(name)
    if owner is None:
        return  # unknown or blank: the document validation reports it
    location = entry.source.locate("department")
    if department is not None and owner.pk != department.pk:
        problems.add(location, _("只能导入“%(d)s”的条目,该行属于“%(o)s”。") % {"d": department.name, "o": name})
    elif not can_draft(actor, region=region, department=owner):
        problems.add(location, _("您无权导入“%(o)s”的条目。") % {"o": name})


def _compare(
    region: Region, layout: Layout, list_kind: str, department: Department | None, parsed: ParsedWorkbook, cancel_missing: bool
) -> _Plan:
    scope = department if list_kind in DEPARTMENT_LISTS else None
    from onewindow.catalog.excel.export import list_documents  # export loads openpyxl's writer: on first use

    current = {layout.entry_key(doc): doc for doc in list_documents(region=region, list_kind=list_kind, department=scope)}
    plan = _Plan()
    for entry in parsed.entries:
        old = current.pop(layout.entry_key(entry.doc), None)
        if old is None:
            plan.added.append(entry)
        elif diff_documents(canonical(old), entry.doc):
            plan.changed.append(entry)
        else:
            plan.unchanged += 1
    if cancel_missing:
        plan.cancelled = list(current.values())
    return plan


def canonical(value: Any) -> Any:
    """A document as it reads back from a cell (line ends, control characters, outer spaces)."""
    if isinstance(value, str):
        return clean_text(value).strip()
    if isinstance(value, list):
        return [canonical(v) for v in value]
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items()}
    return value


def _check_not_stale(region: Region, spec: ListSpec, layout: Layout, plan: _Plan, parsed: ParsedWorkbook) -> None:
    """A workbook exported before later versions must not undo them: entries changed since are refused."""
    exported = parsed.version_number
    latest = CatalogVersion.objects.filter(region=region).aggregate(n=Max("number"))["n"] or 0
    if exported is None or exported >= latest:
        return
    touched = _touched_keys(region, spec, layout, exported)
    message = _("该条目在第%(n)d版之后已有变更,请重新导出现行清单,在其基础上修改后再导入。") % {"n": exported}
    for entry in plan.added + plan.changed:
        if layout.entry_key(entry.doc) in touched:
            parsed.problems.add(entry.source.entry, message)
    for doc in plan.cancelled:
        if layout.entry_key(doc) in touched:
            parsed.problems.add(
                Location(layout.main_sheet),
                _("“%(e)s”是第%(n)d版之后新增或调整的条目,不在导入文件中;请重新导出现行清单。") % {"e": _label(layout, doc), "n": exported},
            )


def _touched_keys(region: Region, spec: ListSpec, layout: Layout, since: int) -> set[tuple[str, ...]]:
    in_region = {f"{spec.identity_field}__in": spec.identities(region)}
    rows = spec.version._default_manager.filter(Q(valid_from__gt=since) | Q(valid_to__gt=since), state=EntryState.PUBLISHED, **in_region)
    identities: QuerySet[Any] = spec.identity._default_manager.filter(pk__in=rows.values(f"{spec.identity_field}_id"))
    if spec.kind == ListKind.SERVICE:
        return {(i.implementation_code,) for i in identities}
    if layout.key == ("department", "code"):
        return {(i.department.name, i.code) for i in identities.select_related("department")}
    return {(i.code,) for i in identities}


def _label(layout: Layout, doc: dict[str, Any]) -> str:
    name = doc.get("name") or doc.get("matter") or ""
    return f"{'/'.join(layout.entry_key(doc))} {name}".strip()


def _write(
    actor: Any,
    region: Region,
    list_kind: str,
    layout: Layout,
    department: Department | None,
    plan: _Plan,
    title: str,
    reason: str,
    legal_basis: str,
) -> ChangeRequest:
    """One change request with every differing entry, in one transaction (rolled back on any error)."""
    problems = ProblemList()
    with transaction.atomic():
        try:
            change_request = change_request_create(
                actor=actor,
                region=region,
                list_kind=list_kind,
                kind=plan.kind,
                title=title,
                reason=reason,
                legal_basis=legal_basis,
                department=department,
            )
        except DomainError as error:
            for detail in error.details if isinstance(error.details, list) else [{"message": error.message}]:
                problems.add(Location(), str(detail.get("message", error.message)))
            raise _RolledBack(problems) from None
        for entry in plan.added + plan.changed:
            _draft(actor, change_request, entry, problems)
        for doc in plan.cancelled:
            _cancel(actor, change_request, layout, doc, problems)
        if problems:
            raise _RolledBack(problems)
        audit_record(
            actor=actor,
            action="catalog.change_request.import",
            obj=change_request,
            after={
                "list": list_kind,
                "added": [_label(layout, e.doc) for e in plan.added],
                "changed": [_label(layout, e.doc) for e in plan.changed],
                "cancelled": [_label(layout, doc) for doc in plan.cancelled],
            },
        )
    return change_request


def _draft(actor: Any, change_request: ChangeRequest, entry: ParsedEntry, problems: ProblemList) -> None:
    """Draft one entry in a savepoint, so the service errors of every entry are collected."""
    try:
        with transaction.atomic():
            change_request_save_draft(actor=actor, change_request=change_request, document=entry.doc)
    except DomainError as error:
        problems.add_details(entry.source, error.details, error.message)


def _cancel(actor: Any, change_request: ChangeRequest, layout: Layout, doc: dict[str, Any], problems: ProblemList) -> None:
    owner = None
    if "department" in layout.key:
        owner = Department.objects.filter(region__code__startswith=change_request.region.prefix, name=doc["department"]).first()
    code = doc.get("implementation_code") or doc["code"]
    try:
        with transaction.atomic():
            change_request_cancel_entry(actor=actor, change_request=change_request, code=code, department=owner)
    except DomainError as error:
        problems.add(Location(layout.main_sheet), _("取消“%(e)s”失败:%(m)s") % {"e": _label(layout, doc), "m": error.message})
