"""The validator's problems land on the field their path names, counted in document order."""

import pytest

from onewindow.catalog.editor import bind_forms, document_from_forms, error_summary, forms_from_document, place_problems
from onewindow.catalog.tests.documents import item_document, power_document
from onewindow.catalog.tests.test_editor_documents import open_editor, post_data

pytestmark = pytest.mark.django_db


def bound(document, context, **changes):  # type: ignore[no-untyped-def]
    entry_forms = bind_forms(post_data(forms_from_document(document, context)) | changes, context)
    document_from_forms(entry_forms)
    return entry_forms


def test_a_row_problem_finds_its_form_after_deleted_rows_above_it(county, department, department_admin):
    context = open_editor(county, department, department_admin)
    entry_forms = bound(item_document(), context, **{"materials-0-DELETE": "on"})
    # materials[0] of the document is the second row of the page: the first is being deleted
    place_problems(entry_forms, [{"field": "materials[0].license_type", "message": "证照类型不在证照目录中。"}])
    materials = entry_forms.formsets["materials"].forms
    assert materials[1].errors["license_type"] == ["证照类型不在证照目录中。"]
    assert not materials[0].errors


def test_problems_of_a_power_go_to_fields_rows_parts_or_the_top(county, department, department_admin):
    context = open_editor(county, department, department_admin, list_kind="power")
    entry_forms = bound(power_document(accountability_rules=["甲", "乙"]), context)
    place_problems(
        entry_forms,
        [
            {"field": "accountability_rules[1]", "message": "追责情形有误。"},
            {"field": "legal_bases", "message": "权力事项应至少有一条设定依据。"},
            {"field": "levels[0]", "message": "行使层级应为:省级、市级、县级、乡级。"},
            {"field": "legal_bases[7].law", "message": "第八条依据有误。"},
            {"field": "something_else", "message": "其他问题。"},
        ],
    )
    assert entry_forms.formsets["accountability_rules"].forms[1].errors["text"] == ["追责情形有误。"]
    assert list(entry_forms.formsets["legal_bases"].non_form_errors()) == ["权力事项应至少有一条设定依据。", "第八条依据有误。"]
    assert entry_forms.main.errors["levels"] == ["行使层级应为:省级、市级、县级、乡级。"]
    assert entry_forms.main.non_field_errors() == ["其他问题。"]
    links = [(link.anchor, link.message) for link in error_summary(entry_forms)]
    assert links == [
        ("editor-form", "其他问题。"),
        ("id_levels", "行使层级应为:省级、市级、县级、乡级。"),
        ("section-legal_bases", "权力事项应至少有一条设定依据。"),
        ("section-legal_bases", "第八条依据有误。"),
        ("id_accountability_rules-1-text", "追责情形有误。"),
    ]


def test_a_field_the_form_already_found_wrong_keeps_only_that_message(county, department, department_admin):
    context = open_editor(county, department, department_admin)
    entry_forms = bound(item_document(), context, promised_limit_days="五")
    assert not entry_forms.is_valid()
    place_problems(entry_forms, [{"field": "promised_limit_days", "message": "应为整数。"}])
    assert entry_forms.main.errors["promised_limit_days"] == ["输入整数。"]  # Django's own message
