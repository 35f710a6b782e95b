"""The base of the editor's forms: reference selects filled from `Options`, identity fields fixed."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms

from .fields import QuickSelect, ReferenceMultipleChoiceField, offer_current_values, with_blank
from .options import Options


def short_text(label: Any, *, max_length: int = 10000, required: bool = True, help_text: Any = "") -> forms.CharField:
    return forms.CharField(label=label, max_length=max_length, required=required, help_text=help_text)


def long_text(label: Any, *, required: bool = True, rows: int = 3, help_text: Any = "") -> forms.CharField:
    return forms.CharField(label=label, required=required, help_text=help_text, widget=forms.Textarea(attrs={"rows": rows}))


def number(
    label: Any, *, minimum: int = 0, maximum: int = 365, required: bool = True, initial: int | None = None, help_text: Any = ""
) -> Any:
    return forms.IntegerField(label=label, min_value=minimum, max_value=maximum, required=required, initial=initial, help_text=help_text)


def choice(label: Any, choices: Any, *, initial: str = "", help_text: Any = "") -> forms.ChoiceField:
    """A required select of a TextChoices enum, showing its Chinese labels."""
    return forms.ChoiceField(label=label, choices=with_blank(choices), initial=initial, help_text=help_text, widget=QuickSelect)


def flag(label: Any, *, help_text: Any = "") -> forms.BooleanField:
    return forms.BooleanField(label=label, required=False, help_text=help_text)


class EditorForm(forms.Form):
    """A form of the editor.

    `references` maps a field to the `Options` attribute offering its choices and the label of
    the empty choice; `fixed` gives values that cannot be changed here (the owning department of
    a department's request, the codes of an existing entry) with the reason: those fields are
    shown disabled, the reason as their help text.
    """

    references: ClassVar[dict[str, tuple[str, Any]]] = {}

    def __init__(self, *args: Any, options: Options, fixed: dict[str, tuple[Any, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, (attribute, blank_label) in self.references.items():
            field = self.fields[name]
            offered = getattr(options, attribute)
            field.choices = offered if isinstance(field, ReferenceMultipleChoiceField) else with_blank(offered, blank_label)  # type: ignore[attr-defined]
        for name, (value, reason) in (fixed or {}).items():
            if name in self.fields:
                self.fields[name].disabled = True
                self.fields[name].help_text = reason
                self.initial[name] = value
        offer_current_values(self)

    def values(self) -> dict[str, Any]:
        """Each field's value: cleaned when valid, as typed when not (so the validator sees it and nothing is lost)."""
        cleaned = getattr(self, "cleaned_data", {})
        return {name: cleaned[name] if name in cleaned else self[name].value() for name in self.fields if name != "DELETE"}


class RowForm(EditorForm):
    """One row of a repeatable part (a material, a stage …).

    `auto_fields` are filled in for a new row (its code, its sequence): a new row where nothing
    else was entered counts as unchanged, and is left out instead of failing validation.
    """

    auto_fields: ClassVar[tuple[str, ...]] = ()

    def has_changed(self) -> bool:
        return any(name not in self.auto_fields for name in self.changed_data)
