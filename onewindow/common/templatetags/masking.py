"""Masking filters for personal data shown on pages: `{% load masking %}`.

`{{ user.id_number|mask_id_number }}` → `110***********1234`, `{{ phone|mask_phone }}` →
`138****5678`, `{{ name|mask_name }}` → `张*`. Public pages never show these unmasked.
"""

from django import template

from onewindow.common import identity

register = template.Library()


@register.filter
def mask_id_number(value: object) -> str:
    return identity.mask_id_number(str(value or ""))


@register.filter
def mask_phone(value: object) -> str:
    return identity.mask_phone(str(value or ""))


@register.filter
def mask_name(value: object) -> str:
    return identity.mask_name(str(value or ""))
