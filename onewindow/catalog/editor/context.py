"""The entry an editor page works on: the change request, the entry (or none for a new one), its document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

from onewindow.catalog.choices import EntryState, ListKind
from onewindow.catalog.documents.base import References
from onewindow.catalog.documents.registry import ListSpec, spec_for
from onewindow.catalog.models import ChangeRequest
from onewindow.common.errors import NotFound

from .layouts import Layout, layout_for

NEW, DRAFT, CURRENT = "new", "draft", "current"


@dataclass
class EditorContext:
    """One entry of a change request's list being edited: `entry` is its identity row, None for a new entry."""

    change_request: ChangeRequest
    entry: models.Model | None = None

    @classmethod
    def open(cls, change_request: ChangeRequest, code: str | None = None) -> EditorContext:
        """The editor of entry `code` of the request's list (a new entry without a code).

        Raises NotFound for a code that is neither in the current list nor drafted in this request,
        and for another department's entry in a department's request.
        """
        context = cls(change_request)
        if code is None:
            return context
        spec = context.spec
        entry = spec.find(change_request.region, code, change_request.department)
        owner_id = getattr(entry, "department_id", None)
        other_department = change_request.department_id and owner_id and owner_id != change_request.department_id
        if entry is None or other_department or not (entry.current_id or context._draft_rows(entry).exists()):  # type: ignore[attr-defined]
            raise NotFound(_("清单中没有编码为“%(c)s”的条目。") % {"c": code}, code="entry_not_found")
        context.entry = entry
        return context

    @property
    def spec(self) -> ListSpec:
        return spec_for(self.change_request.list_kind)

    @property
    def layout(self) -> Layout:
        return layout_for(self.change_request.list_kind)

    @property
    def is_new(self) -> bool:
        return self.entry is None

    def fixed_fields(self) -> dict[str, tuple[Any, str]]:
        """Fields shown but not editable, with the value and why: a department request's department, an existing entry's identity."""
        fixed: dict[str, tuple[Any, str]] = {}
        owner = self.layout.owner_field
        if owner and self.change_request.department_id:
            fixed[owner] = (self.change_request.department.name, _("本申请只能起草该部门的条目。"))  # type: ignore[union-attr]
        if self.entry is not None:
            note = _("已有条目的编码和部门不能修改;需要改变时,请新增条目并取消原条目。")
            fixed.update({name: (value, note) for name, value in self._identity_values().items()})
        return fixed

    def fixed_values(self) -> dict[str, Any]:
        return {name: value for name, (value, _note) in self.fixed_fields().items()}

    def _identity_values(self) -> dict[str, Any]:
        entry: Any = self.entry
        values = {"code": getattr(entry, "code", "")}
        if self.change_request.list_kind == ListKind.SERVICE:
            values = {"basic_code": entry.basic_code, "implementation_code": entry.implementation_code}
        if self.layout.owner_field:
            values[self.layout.owner_field] = entry.department.name
        return {name: value for name, value in values.items() if name in self.layout.identity_fields}

    def starting_document(self) -> tuple[dict[str, Any], str]:
        """The document the page starts from and where it came from: this request's draft, the current version, or blank."""
        if self.entry is None:
            department = self.change_request.department.name if self.change_request.department_id else ""  # type: ignore[union-attr]
            return self.layout.blank_document(department, self.change_request.region.name), NEW
        spec = self.spec
        draft = self._draft_rows(self.entry).select_related(*spec.select).prefetch_related(*spec.prefetch).first()
        if draft is not None:
            return spec.read(draft), DRAFT
        current = spec.version._default_manager.select_related(*spec.select).prefetch_related(*spec.prefetch).get(pk=self.entry.current_id)  # type: ignore[attr-defined]
        return spec.read(current), CURRENT

    def check(self, document: dict[str, Any]) -> None:
        """Validate `document` by the list's rules without writing anything (raises InvalidInput)."""
        self.spec.validate(document, References(self.change_request.region))

    def _draft_rows(self, entry: models.Model) -> models.QuerySet:
        spec = self.spec
        return spec.version._default_manager.filter(
            change_request=self.change_request, state=EntryState.DRAFT, is_cancellation=False, **{spec.identity_field: entry}
        )
