"""The `masking` template filters (onewindow.common.templatetags.masking) used on public pages."""

from django.template import Context, Template


def _render(source: str, **context: object) -> str:
    return Template("{% load masking %}" + source).render(Context(context))


def test_mask_id_number():
    assert _render("{{ value|mask_id_number }}", value="11010519491231002X") == "110***********002X"


def test_mask_phone():
    assert _render("{{ value|mask_phone }}", value="13812345678") == "138****5678"


def test_mask_name():
    assert _render("{{ value|mask_name }}", value="欧阳修") == "欧**"


def test_empty_and_missing_values_render_empty():
    assert _render("[{{ value|mask_id_number }}|{{ missing|mask_phone }}|{{ none|mask_name }}]", value="", none=None) == "[||]"
