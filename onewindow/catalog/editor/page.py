"""What the editor template shows: fieldsets and repeatable parts, each field placed by its size.

Rows of a repeatable part fold into one line (their summary) so a long list of materials reads
at a glance; a row is open while something it requires is empty or wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.forms import BoundField

from .base import RowForm
from .conversion import EntryForms
from .layouts import RowSection
from .problems import is_deleted


@dataclass
class FieldBlock:
    """Consecutive fields shown together: `grid` (short ones side by side), `boxes` (a list of check boxes), `text` (text areas)."""

    kind: str
    fields: list[BoundField] = field(default_factory=list)


@dataclass
class FieldGroup:
    """A form's fields in their declared order, as blocks."""

    blocks: list[FieldBlock] = field(default_factory=list)

    @classmethod
    def of(cls, fields: list[BoundField]) -> FieldGroup:
        group = cls()
        for bound in fields:
            kind = _block_kind(bound.field.widget)
            if kind == "boxes" or not group.blocks or group.blocks[-1].kind != kind:
                group.blocks.append(FieldBlock(kind))
            group.blocks[-1].fields.append(bound)
        return group


def _block_kind(widget: forms.Widget) -> str:
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "boxes"
    return "text" if isinstance(widget, forms.Textarea) else "grid"


@dataclass
class FieldsetView:
    anchor: str
    title: Any
    fields: FieldGroup


@dataclass
class RowView:
    form: forms.Form
    number: int
    fields: FieldGroup
    deleted: bool
    summary: str  # the row in one line, shown when it is folded
    open: bool


@dataclass
class SectionView:
    section: RowSection
    management_form: Any
    non_form_errors: Any
    lead: list[BoundField]
    rows: list[RowView]
    hidden: bool  # the part does not apply now (fees of a free item): rows kept but not shown
    include: str  # what the add-row request sends along (see `conversion.new_row`)


def row_view(section: RowSection, form: RowForm, index: int) -> RowView:
    deleted = is_deleted(form)
    if deleted:
        form.errors.clear()  # a row about to be deleted is not checked, so it shows no errors
    fields = [form[name] for name in form.fields if name != "DELETE"]
    summary = section.summary(form.values()).strip()
    has_errors = bool(form.is_bound and form.errors)
    incomplete = any(bound.field.required and bound.value() in (None, "", []) for bound in fields)
    return RowView(form, index + 1, FieldGroup.of(fields), deleted, summary, open=has_errors or incomplete)


def page_parts(entry_forms: EntryForms, *, refresh_url: str) -> dict[str, Any]:
    """The template's `fieldsets` and `sections`; a department that may still be chosen refreshes the page's options."""
    main = entry_forms.main
    owner = entry_forms.layout.owner_field
    if owner and not main.fields[owner].disabled:
        main.fields[owner].widget.attrs.update(refresh_attributes(refresh_url))
    values = main.values() if main.is_bound else {name: main[name].value() for name in main.fields}
    fieldsets = [
        FieldsetView(fs.anchor, fs.title, FieldGroup.of([main[name] for name in fs.fields])) for fs in entry_forms.layout.fieldsets
    ]
    sections = []
    for section in entry_forms.layout.sections:
        formset = entry_forms.formsets[section.key]
        for name in section.lead_fields:  # whether the part applies (收费) shows or hides its rows at once
            main.fields[name].widget.attrs.update(refresh_attributes(refresh_url))
        sections.append(
            SectionView(
                section=section,
                management_form=formset.management_form,
                non_form_errors=formset.non_form_errors() if formset.is_bound else [],
                lead=[main[name] for name in section.lead_fields],
                rows=[row_view(section, form, index) for index, form in enumerate(formset.forms)],
                hidden=not section.applies(values),
                include=_include(section, owner_selectable=bool(owner and not main.fields[owner].disabled)),
            )
        )
    return {"fieldsets": fieldsets, "sections": sections}


def refresh_attributes(url: str) -> dict[str, str]:
    """htmx attributes that re-render the form with what was entered (saving nothing) when the element changes."""
    return {
        "hx-post": url,
        "hx-trigger": "change",
        "hx-vals": '{"_refresh": "1"}',
        "hx-target": "#editor-form",
        "hx-swap": "outerHTML",
    }


def _include(section: RowSection, *, owner_selectable: bool) -> str:
    """CSS selectors of the inputs an add-row request sends: the row count, the codes in use, situations, department."""
    key = section.key
    selectors = [f"#id_{key}-TOTAL_FORMS"]
    if section.auto_prefix:
        selectors.append(f"#rows-{key} input[name$='-code']")
    if section.auto_sequence:
        selectors.append(f"#rows-{key} input[name$='-sequence']")
    if section.include_situations:
        selectors += ["#rows-situations input[name$='-code']", "#rows-situations input[name$='-name']"]
    if section.include_department and owner_selectable:
        selectors.append("#id_department")
    return ", ".join(selectors)
