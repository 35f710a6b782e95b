import pytest

from onewindow.catalog.models import ChangeRequest, MaterialRequirement, ServiceItem, ServiceItemVersion
from onewindow.catalog.services import change_request_create, change_request_save_draft
from onewindow.catalog.tests.documents import item_document
from onewindow.common.errors import Forbidden, InvalidInput

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_(county, department, department_admin):
    return change_request_create(
        actor=department_admin,
        region=county,
        department=department,
        list_kind="service",
        kind="add",
        title="新增食品经营许可",
        reason="依法新增",
        legal_basis="《中华人民共和国食品安全法》第三十五条",
    )


def problem_fields(caught):
    return {p["field"] for p in caught.value.details}


def test_valid_document_becomes_a_draft_with_all_its_rows(request_, department_admin):
    version = change_request_save_draft(actor=department_admin, change_request=request_, document=item_document())
    assert version.state == "draft" and version.valid_from is None
    assert version.pinyin == "shipinjingyingxuke" and version.pinyin_initials == "spjyxk"
    assert [s.code for s in version.situations.all()] == ["S01", "S02"]
    assert version.materials.get(code="M02").situation.code == "S01"
    assert version.stages.count() == 4
    assert ServiceItem.objects.get().current is None  # not public until published


def test_saving_the_same_entry_again_replaces_the_draft(request_, department_admin):
    change_request_save_draft(actor=department_admin, change_request=request_, document=item_document())
    change_request_save_draft(actor=department_admin, change_request=request_, document=item_document(name="食品经营许可(新办)"))
    assert ServiceItemVersion.objects.get().name == "食品经营许可(新办)"
    assert MaterialRequirement.objects.count() == 2


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"promised_limit_days": 25}, "promised_limit_days"),
        ({"on_site_visits": 1, "visit_reason": "核验原件", "online_depth": 5}, "on_site_visits"),
        ({"on_site_visits": 1, "online_depth": 4}, "visit_reason"),
        ({"intermediaries": ["NOT-IN-CATALOG"]}, "intermediaries[0]"),
        ({"basic_code": "12-ab"}, "basic_code"),
        ({"implementation_code": "lower-case!"}, "implementation_code"),
        ({"department": "不存在局"}, "department"),
        ({"situations": []}, "situations"),
        ({"category": "magic"}, "category"),
        ({"is_free": False}, "fees"),
        ({"online_depth": 9}, "online_depth"),
        ({"statutory_limit_days": "twenty"}, "statutory_limit_days"),
    ],
)
def test_rule_breaking_documents_are_rejected_with_the_field_and_nothing_is_saved(request_, department_admin, overrides, field):
    with pytest.raises(InvalidInput) as caught:
        change_request_save_draft(actor=department_admin, change_request=request_, document=item_document(**overrides))
    assert field in problem_fields(caught)
    assert all(p["message"] for p in caught.value.details)
    assert not ServiceItem.objects.exists()
    assert not ServiceItemVersion.objects.exists()


def test_stage_days_may_not_exceed_the_promised_limit_except_special_procedures(request_, department_admin):
    stages = item_document()["stages"]
    stages[1]["days"] = 3
    with pytest.raises(InvalidInput) as caught:
        change_request_save_draft(actor=department_admin, change_request=request_, document=item_document(stages=stages))
    assert "stages" in problem_fields(caught)
    stages.append(
        {"sequence": 5, "kind": "expert_review", "name": "专家评审", "role": "reviewer", "unit": "", "days": 10, "special_procedure": True}
    )
    stages[1]["days"] = 1
    version = change_request_save_draft(actor=department_admin, change_request=request_, document=item_document(stages=stages))
    assert version.stages.filter(special_procedure=True).count() == 1


def test_all_problems_are_reported_at_once(request_, department_admin):
    with pytest.raises(InvalidInput) as caught:
        change_request_save_draft(
            actor=department_admin, change_request=request_, document=item_document(name="", promised_limit_days=30, phone="")
        )
    assert {"name", "promised_limit_days", "phone"} <= problem_fields(caught)


def test_material_referring_to_an_unknown_situation_is_rejected(request_, department_admin):
    doc = item_document()
    doc["materials"][1]["situation"] = "S99"
    with pytest.raises(InvalidInput) as caught:
        change_request_save_draft(actor=department_admin, change_request=request_, document=doc)
    assert "materials[1].situation" in problem_fields(caught)


def test_government_issued_material_must_name_a_license_type(request_, department_admin):
    doc = item_document()
    doc["materials"][0]["source"] = "government"
    with pytest.raises(InvalidInput) as caught:
        change_request_save_draft(actor=department_admin, change_request=request_, document=doc)
    assert "materials[0].license_type" in problem_fields(caught)


def test_garbage_instead_of_a_document_is_rejected(request_, department_admin):
    with pytest.raises(InvalidInput):
        change_request_save_draft(actor=department_admin, change_request=request_, document=["not", "a", "dict"])


def test_item_of_another_department_cannot_be_drafted_in_this_request(request_, department_admin, other_department):
    with pytest.raises(Forbidden):
        change_request_save_draft(actor=department_admin, change_request=request_, document=item_document(department=other_department.name))


def test_admin_of_another_department_cannot_edit_the_request(request_, other_department_admin):
    with pytest.raises(Forbidden):
        change_request_save_draft(actor=other_department_admin, change_request=request_, document=item_document())
    assert ChangeRequest.objects.get().status == "draft"


def test_government_material_without_license_type_is_reported_even_with_other_problems(request_, department_admin):
    doc = item_document(name="")
    doc["materials"][0]["source"] = "government"
    with pytest.raises(InvalidInput) as caught:
        change_request_save_draft(actor=department_admin, change_request=request_, document=doc)
    assert {"name", "materials[0].license_type"} <= problem_fields(caught)
