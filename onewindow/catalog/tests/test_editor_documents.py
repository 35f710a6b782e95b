"""The editor's forms read back exactly the document they were filled with.

`post_data(forms_from_document(doc, context))` is what a browser sends for the filled page;
`document_from_forms(bind_forms(that, context))` must give `doc` again.
"""

import copy
from typing import Any

import pytest
from django import forms

from onewindow.catalog.editor import EditorContext, bind_forms, document_from_forms, forms_from_document
from onewindow.catalog.services import change_request_create, change_request_publish, change_request_save_draft, change_request_submit
from onewindow.catalog.tests.documents import item_document, power_document
from onewindow.catalog.tests.factories import ThemeFactory
from onewindow.licenses.choices import HolderKind
from onewindow.licenses.models import LicenseType
from onewindow.orgs.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db

STAGE_DEFAULTS = {"countersign_units": [], "special_procedure": False, "standard": "", "risk_points": "", "risk_controls": ""}


def canonical(document: dict[str, Any]) -> dict[str, Any]:
    """`document` with the optional stage keys a test document leaves out, as the editor (and a saved draft) has them."""
    document = copy.deepcopy(document)
    if "stages" in document:
        document["stages"] = [{**STAGE_DEFAULTS, **stage} for stage in document["stages"]]
    return document


def post_data(entry_forms) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """What a browser posts for the (unbound) editor forms: management forms, every enabled field, ticked boxes only."""
    data: dict[str, Any] = {}
    _add_form(data, entry_forms.main)
    for formset in entry_forms.formsets.values():
        management = formset.management_form
        data.update({management[name].html_name: management[name].value() for name in management.fields})
        for form in formset.forms:
            _add_form(data, form)
    return data


def _add_form(data: dict[str, Any], form: forms.Form) -> None:
    for name, field in form.fields.items():
        if field.disabled:
            continue
        bound, value = form[name], form[name].value()
        if isinstance(field.widget, forms.CheckboxInput):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(field.widget, forms.CheckboxSelectMultiple) or isinstance(value, list | tuple):
            data[bound.html_name] = [str(v) for v in value or []]
        else:
            data[bound.html_name] = "" if value is None else str(value)


def round_trip(document: dict[str, Any], context: EditorContext) -> dict[str, Any]:
    return document_from_forms(bind_forms(post_data(forms_from_document(document, context)), context))


def publish(region, list_kind, document, *, drafter, publisher, department=None):  # type: ignore[no-untyped-def]
    """Put `document` into the published list the way list managers do: draft, submit, publish."""
    change_request = change_request_create(
        actor=drafter,
        region=region,
        department=department,
        list_kind=list_kind,
        kind="add",
        title="新增",
        reason="依法新增",
        legal_basis="《示范省政务服务事项清单管理办法》",
    )
    change_request_save_draft(actor=drafter, change_request=change_request, document=document)
    change_request_submit(actor=drafter, change_request=change_request)
    change_request_publish(actor=publisher, change_request=change_request)


@pytest.fixture
def references(county, department, list_manager, second_list_manager):
    """What a full service item refers to: units, a license type, a theme, a power, a fee entry, an intermediary service."""
    UnitFactory(department=department, name="行政审批科", sort_order=1)
    UnitFactory(department=department, name="食品经营监管科", sort_order=2)
    LicenseType.objects.create(code="business-license", name="营业执照", holder_kind=HolderKind.ENTERPRISE)
    ThemeFactory(code="kaiban-qiye", name="开办企业")
    people = {"drafter": list_manager, "publisher": second_list_manager}
    publish(county, "power", power_document(), department=department, **people)
    publish(county, "fee", FEE_DOCUMENT, department=department, **people)
    publish(county, "intermediary", INTERMEDIARY_DOCUMENT, **people)


FEE_DOCUMENT = {
    "department": "市场监督管理局",
    "code": "SF001",
    "name": "食品检验费",
    "category": "administrative",
    "standard": "按检验项目收取",
    "basis": "《行政事业性收费项目目录》",
    "reducible": True,
    "remarks": "",
}
INTERMEDIARY_DOCUMENT = {
    "code": "ZJ001",
    "name": "经营场所平面图绘制",
    "department": "市场监督管理局",
    "basis": "《食品经营许可管理办法》",
    "qualification": "",
    "fee_basis": "市场调节价",
    "time_limit": "5个工作日",
}


def full_item_document() -> dict[str, Any]:
    """A service item using every part of the document: references, fees, countersigns, a special procedure, a form."""
    doc = canonical(item_document())
    doc.update(
        power_code="330217001000",
        themes=["kaiban-qiye"],
        unit="行政审批科",
        intermediaries=["ZJ001"],
        result_license_type="business-license",
        is_free=False,
        on_site_visits=1,
        visit_reason="现场核验经营场所",
        online_depth=4,
        deemed_approval=True,
        fees=[{"name": "食品检验费", "standard": "每批次300元", "basis": "《收费项目目录》", "reducible": True, "fee_code": "SF001"}],
        form_schema=[
            {"name": "business_name", "label": "经营者名称", "type": "text", "required": True, "max_length": 100},
            {"name": "area", "label": "经营场所面积", "type": "number", "required": True, "min": 0, "max": 100000},
            {"name": "project", "label": "经营项目", "type": "choice", "required": False, "choices": ["热食类食品制售", "预包装食品销售"]},
        ],
    )
    doc["materials"].append(
        {
            "code": "M03",
            "situation": "S02",
            "name": "营业执照",
            "form": "electronic",
            "copies": 0,
            "necessity": "pledge_allowed",
            "source": "government",
            "license_type": "business-license",
            "requirements": "系统自动调取电子证照",
        }
    )
    doc["stages"][1].update(unit="行政审批科", countersign_units=["食品经营监管科"], standard="材料真实完整", risk_points="违规审批")
    doc["stages"].append(
        {**STAGE_DEFAULTS, "sequence": 5, "kind": "expert_review", "name": "专家评审", "role": "reviewer", "unit": "", "days": 10}
        | {"special_procedure": True}
    )
    return doc


def open_editor(county, department, user, list_kind="service", code=None):  # type: ignore[no-untyped-def]
    change_request = change_request_create(
        actor=user,
        region=county,
        department=department,
        list_kind=list_kind,
        kind="add",
        title="新增事项",
        reason="依法新增",
        legal_basis="《中华人民共和国行政许可法》",
    )
    return EditorContext.open(change_request, code)


def test_the_test_item_document_comes_back_unchanged(county, department, department_admin):
    context = open_editor(county, department, department_admin)
    assert round_trip(item_document(), context) == canonical(item_document())


def test_a_document_using_every_part_comes_back_unchanged(county, department, department_admin, references):
    context = open_editor(county, department, department_admin)
    assert round_trip(full_item_document(), context) == full_item_document()


def test_a_power_document_comes_back_unchanged(county, department, department_admin):
    context = open_editor(county, department, department_admin, list_kind="power")
    document = power_document(
        parent_code="330217000000",
        levels=["city", "county"],
        legal_bases=[
            {"law": "《中华人民共和国食品安全法》", "article": "第三十五条", "text": "国家对食品生产经营实行许可制度。"},
            {"law": "《食品经营许可和备案管理办法》", "article": "", "text": ""},
        ],
        accountability_rules=["对符合法定条件的申请不予受理的", "违反法定程序实施许可的"],
    )
    assert round_trip(document, context) == document


@pytest.mark.parametrize(
    ("list_kind", "document"),
    [
        ("fee", FEE_DOCUMENT),
        ("intermediary", INTERMEDIARY_DOCUMENT),
        (
            "duty_boundary",
            {
                "code": "ZZ001",
                "matter": "食品安全监管",
                "lead_department": "市场监督管理局",
                "lead_duty": "负责食品经营许可和监督检查。",
                "basis": "《中华人民共和国食品安全法》",
                "shares": [{"department": "卫生健康局", "duty": "负责食品安全风险监测。"}],
            },
        ),
    ],
)
def test_the_other_lists_documents_come_back_unchanged(county, department, other_department, list_manager, list_kind, document):
    context = open_editor(county, None, list_manager, list_kind=list_kind)
    assert round_trip(document, context) == document


def test_a_reference_no_longer_offered_is_kept(county, department, department_admin):
    """A unit renamed since the draft was written stays selected (the validator reports it) instead of vanishing."""
    context = open_editor(county, department, department_admin)
    document = canonical(item_document(unit="已撤销的科室"))
    entry_forms = forms_from_document(document, context)
    assert ("已撤销的科室", "已撤销的科室(不在可选范围内)") in entry_forms.main.fields["unit"].choices  # type: ignore[attr-defined]
    assert round_trip(document, context) == document


def test_untouched_new_rows_and_deleted_rows_are_left_out(county, department, department_admin):
    context = open_editor(county, department, department_admin)
    data = post_data(forms_from_document(item_document(), context))
    data |= {"materials-TOTAL_FORMS": "3", "materials-2-code": "M03", "materials-2-copies": "1", "materials-2-form": "original"}
    data |= {"materials-2-necessity": "required", "materials-2-source": "applicant", "situations-1-DELETE": "on"}
    document = document_from_forms(bind_forms(data, context))
    assert [m["code"] for m in document["materials"]] == ["M01", "M02"]
    assert [s["code"] for s in document["situations"]] == ["S01"]


def test_fees_of_a_free_item_are_left_out(county, department, department_admin, references):
    context = open_editor(county, department, department_admin)
    data = post_data(forms_from_document(full_item_document(), context))
    data["is_free"] = "True"
    assert document_from_forms(bind_forms(data, context))["fees"] == []
