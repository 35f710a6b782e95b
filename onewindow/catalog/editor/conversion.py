"""Documents ↔ forms: `forms_from_document` fills the editor, `document_from_forms` reads it back.

The round trip is exact for a valid document: what the editor shows is what gets saved.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.forms import BaseFormSet

from .base import EditorForm, RowForm
from .context import EditorContext
from .fields import Choices
from .layouts import Layout, RowSection
from .options import Options

MAX_ROWS = 1000
_SITUATION_CODE = re.compile(r"situations-(\d+)-code")


@dataclass
class EntryForms:
    """The main form and one formset per repeatable part of an entry's document."""

    context: EditorContext
    main: EditorForm
    formsets: dict[str, BaseFormSet]
    # The forms each document row came from, in document order (filled by `document_from_forms`),
    # so a problem at `materials[2]` finds its form even after rows were deleted above it.
    rows: dict[str, list[forms.Form]] = field(default_factory=dict)

    @property
    def layout(self) -> Layout:
        return self.context.layout

    def is_valid(self) -> bool:
        results = [self.main.is_valid(), *(formset.is_valid() for formset in self.formsets.values())]
        return all(results)


def forms_from_document(document: Mapping[str, Any], context: EditorContext) -> EntryForms:
    """Unbound forms showing `document`; its rows are the formsets' initial forms."""
    layout = context.layout
    options = _options(context, _owner(context, document.get(layout.owner_field or "", "")), _document_situations(document))
    main = layout.main_form(initial=dict(document), options=options, fixed=context.fixed_fields())
    formsets = {
        section.key: section.formset(
            prefix=section.key,
            initial=[section.to_initial(row) for row in document.get(section.key) or []],
            form_kwargs={"options": options},
        )
        for section in layout.sections
    }
    return EntryForms(context, main, formsets)


def bind_forms(data: Mapping[str, Any], context: EditorContext) -> EntryForms:
    """The editor's forms bound to what was posted."""
    layout = context.layout
    options = _options(context, _owner(context, data.get(layout.owner_field or "", "")), posted_situations(data))
    main = layout.main_form(data, options=options, fixed=context.fixed_fields())
    formsets = {section.key: section.formset(data, prefix=section.key, form_kwargs={"options": options}) for section in layout.sections}
    return EntryForms(context, main, formsets)


def document_from_forms(entry_forms: EntryForms, *, keep_hidden_rows: bool = False) -> dict[str, Any]:
    """The document the bound forms describe.

    Fields that failed the forms' own checks keep their raw text, so the document validator can
    report everything else at once. Deleted rows and untouched new rows are left out; so are the
    rows of a part that does not apply (fees of a free item) unless `keep_hidden_rows`.
    """
    entry_forms.is_valid()
    document = entry_forms.main.values()
    entry_forms.rows = {}
    for section in entry_forms.layout.sections:
        forms_ = [form for form in _kept_forms(entry_forms.formsets[section.key])]
        if not (keep_hidden_rows or section.applies(document)):
            forms_ = []
        entry_forms.rows[section.key] = forms_
        document[section.key] = [section.to_row(form.values()) for form in forms_]
    return document


def refreshed_document(entry_forms: EntryForms) -> dict[str, Any]:
    """The document to show again after the department, the situations or 收费 changed: nothing dropped,
    and a part that now applies but has no rows gets one to fill in."""
    document = document_from_forms(entry_forms, keep_hidden_rows=True)
    for section in entry_forms.layout.sections:
        if section.first_row is not None and not document[section.key] and section.applies(document):
            document[section.key] = [dict(section.first_row)]
    return document


def _kept_forms(formset: BaseFormSet) -> list[Any]:
    if not formset.is_bound:
        return []
    kept = []
    for index, form in enumerate(formset.forms):
        if index >= formset.initial_form_count() and not form.has_changed():
            continue
        if form.cleaned_data.get("DELETE") if hasattr(form, "cleaned_data") else form["DELETE"].value():
            continue
        kept.append(form)
    return kept


def new_row(context: EditorContext, section: RowSection, data: Mapping[str, Any]) -> tuple[RowForm, int]:
    """A fresh form for the next row of `section` (index = the formset's posted TOTAL_FORMS).

    `data` holds what the page sends along: the section's row count and codes, the situations
    on the page (for materials), the department (for units).
    """
    index = _count(data, section.key)
    options = _options(context, _owner(context, data.get("department", "")), posted_situations(data))
    formset = section.formset(prefix=section.key, form_kwargs={"options": options})
    form = formset.form(
        auto_id=formset.auto_id,
        prefix=formset.add_prefix(index),
        empty_permitted=True,
        use_required_attribute=False,
        initial=_next_auto_values(section, data, index),
        **formset.get_form_kwargs(index),
    )
    formset.add_fields(form, index)
    return form, index


def _next_auto_values(section: RowSection, data: Mapping[str, Any], index: int) -> dict[str, Any]:
    if section.auto_prefix:
        used = set(_posted(data, section.key, "code", index))
        number = next(n for n in range(1, MAX_ROWS + 2) if f"{section.auto_prefix}{n:02d}" not in used)
        return {"code": f"{section.auto_prefix}{number:02d}"}
    if section.auto_sequence:
        sequences = [int(s) for s in _posted(data, section.key, "sequence", index) if s.strip().isdigit()]
        return {"sequence": max(sequences, default=0) + 1}
    return {}


def _count(data: Mapping[str, Any], key: str) -> int:
    try:
        return max(0, min(int(data.get(f"{key}-TOTAL_FORMS", 0)), MAX_ROWS))
    except (TypeError, ValueError):
        return 0


def _posted(data: Mapping[str, Any], key: str, name: str, count: int) -> list[str]:
    return [str(data.get(f"{key}-{i}-{name}", "")).strip() for i in range(count)]


def posted_situations(data: Mapping[str, Any]) -> Choices:
    """The situations a posted page has, in row order (deleted ones too: a material may still point to one, which the validator reports)."""
    indexes = sorted(int(match[1]) for key in data if (match := _SITUATION_CODE.fullmatch(str(key))) and int(match[1]) < MAX_ROWS)
    rows = ({"code": str(data.get(f"situations-{i}-code", "")), "name": str(data.get(f"situations-{i}-name", ""))} for i in indexes)
    return _situation_choices(rows)


def _document_situations(document: Mapping[str, Any]) -> Choices:
    rows = document.get("situations") or []
    return _situation_choices(row for row in rows if isinstance(row, dict))


def _situation_choices(rows: Any) -> Choices:
    choices, seen = [], set()
    for row in rows:
        code = str(row.get("code") or "").strip()
        if code and code not in seen:
            seen.add(code)
            choices.append((code, f"{code} {row.get('name') or ''}".strip()))
    return choices


def _owner(context: EditorContext, posted: Any) -> str:
    """The department whose units and powers the selects offer: the fixed one, or the one chosen."""
    fixed = context.fixed_values()
    owner_field = context.layout.owner_field
    if owner_field and owner_field in fixed:
        return str(fixed[owner_field])
    return str(posted or "").strip()


def _options(context: EditorContext, department: str, situations: Choices) -> Options:
    return Options(context.change_request, department=department, situations=situations)
