"""Problems found by the document validator, put back on the fields they are about.

A problem's field path (`promised_limit_days`, `materials[2].license_type`, `stages`) names the
main form's field, a row's field, or a whole repeatable part; whatever cannot be placed goes to
the top of the form, so no message is ever dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext as _

from .conversion import EntryForms

_PATH = re.compile(r"^(?P<key>[A-Za-z_]\w*)(?:\[(?P<index>\d+)\])?(?:\.(?P<name>[A-Za-z_]\w*))?")


def place_problems(entry_forms: EntryForms, problems: Iterable[dict[str, Any]]) -> None:
    """Attach each problem to its field; a field the forms already found wrong keeps only that message."""
    already_wrong = {id(form): set(form.errors) for form in _all_forms(entry_forms)}
    for problem in problems:
        message = str(problem.get("message") or "")
        form, name = _target(entry_forms, str(problem.get("field") or ""))
        if form is None:
            entry_forms.formsets[name].non_form_errors().append(message)
        elif name is None or name not in already_wrong.get(id(form), set()):
            form.add_error(name, message)


def _target(entry_forms: EntryForms, path: str) -> tuple[forms.Form | None, Any]:
    """(form, field name) for a path; (form, None) for the form as a whole; (None, key) for a repeatable part."""
    match = _PATH.match(path)
    main = entry_forms.main
    if match is None:
        return main, None
    key, index, name = match["key"], match["index"], match["name"]
    section = entry_forms.layout.section(key)
    if section is None:
        return main, key if key in main.fields else None
    rows = entry_forms.rows.get(key, [])
    if index is None or int(index) >= len(rows):
        return None, key
    form = rows[int(index)]
    name = name or section.single_field
    return form, name if name in form.fields else None


def _all_forms(entry_forms: EntryForms) -> list[forms.Form]:
    return [entry_forms.main, *(form for formset in entry_forms.formsets.values() for form in formset.forms)]


@dataclass(frozen=True)
class ErrorLink:
    """One line of the error summary: where (linked) and what."""

    label: str
    message: str
    anchor: str


def error_summary(entry_forms: EntryForms) -> list[ErrorLink]:
    """Every error on the page, in page order, each linking to its field."""
    main = entry_forms.main
    if not main.is_bound:
        return []
    layout = entry_forms.layout
    links = [ErrorLink(_("整体"), str(m), "editor-form") for m in main.non_field_errors()]
    order = [name for fieldset in layout.fieldsets for name in fieldset.fields]
    for section in layout.sections:
        order += section.lead_fields
    order += [name for name in main.fields if name not in order]
    for name in order:
        links += [ErrorLink(str(main[name].label), str(m), main[name].auto_id) for m in main.errors.get(name, [])]
    for section in layout.sections:
        formset = entry_forms.formsets[section.key]
        links += [ErrorLink(str(section.title), str(m), f"section-{section.key}") for m in formset.non_form_errors()]
        for number, form in enumerate(formset.forms, start=1):
            if not is_deleted(form):
                links += _row_links(section.title, number, form)
    return links


def _row_links(title: Any, number: int, form: forms.Form) -> list[ErrorLink]:
    row = _("%(part)s第%(n)d项") % {"part": title, "n": number}
    links = []
    for name, messages in form.errors.items():
        if name == NON_FIELD_ERRORS:
            links += [ErrorLink(row, str(m), form.prefix or "") for m in messages]
        else:
            links += [ErrorLink(f"{row} · {form[name].label}", str(m), form[name].auto_id) for m in messages]
    return links


def is_deleted(form: forms.Form) -> bool:
    """Whether a row's delete box is ticked (bound forms only)."""
    return bool(form.is_bound and "DELETE" in form.fields and form["DELETE"].value())
