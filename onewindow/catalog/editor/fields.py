"""Form fields of the editor: selects of catalog references that never lose what was chosen.

A reference (a unit, a license type, a situation …) is checked by the document validator, which
says in Chinese what is wrong with it and where. So these fields accept any value, and a value
no longer offered (a unit renamed since the draft was written) stays shown and selected instead
of silently turning into "nothing chosen".
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

Choices = list[tuple[str, str]]

PLEASE_CHOOSE = gettext_lazy("请选择")


def with_blank(choices: Any, label: Any = PLEASE_CHOOSE) -> Choices:
    """`choices` after an empty first option, so a required select never defaults to a real value."""
    return [("", label), *((str(value), str(text)) for value, text in choices)]


class QuickSelect(forms.Select):
    """A select whose options are written out in Python.

    A page of materials and stages has hundreds of options (license types, units, roles in every
    row); rendering each through Django's option template made the page several times slower.
    The markup is the same as Django's `select.html`.
    """

    def render(self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        options = ((o["value"], " selected" if o["selected"] else "", o["label"]) for _n, group, _i in widget["optgroups"] for o in group)
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            format_html_join("", '<option value="{}"{}>{}</option>', options),
        )


class ReferenceChoiceField(forms.ChoiceField):
    """A select of references; any value passes here (the document validator judges it)."""

    widget = QuickSelect

    def valid_value(self, value: Any) -> bool:
        return True


class ReferenceMultipleChoiceField(forms.MultipleChoiceField):
    """Check boxes of references; any values pass here (the document validator judges them)."""

    widget = forms.CheckboxSelectMultiple

    def to_python(self, value: Any) -> list[str]:
        return [v for v in super().to_python(value) if v]

    def valid_value(self, value: Any) -> bool:
        return True


def offer_current_values(form: forms.Form) -> None:
    """Add each reference field's current value to its options when it is not offered any more."""
    for name, field in form.fields.items():
        if not isinstance(field, ReferenceChoiceField | ReferenceMultipleChoiceField):
            continue
        value = form[name].value()
        values = value if isinstance(value, list | tuple) else [value]
        choices: list[Any] = list(field.choices)  # type: ignore[arg-type]
        offered = {str(option) for option, _label in choices}
        missing = [str(v) for v in values if v not in (None, "") and str(v) not in offered]
        if missing:
            field.choices = [*choices, *((v, _("%(v)s(不在可选范围内)") % {"v": v}) for v in missing)]
