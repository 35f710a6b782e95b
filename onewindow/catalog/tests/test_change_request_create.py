import pytest

from onewindow.audit.models import AuditEvent
from onewindow.catalog.models import ChangeRequest
from onewindow.catalog.services import change_request_create
from onewindow.common.errors import Forbidden, InvalidInput

pytestmark = pytest.mark.django_db


def create(actor, region, department=None, **overrides):
    fields = {
        "list_kind": "service",
        "kind": "add",
        "title": "新增食品经营许可",
        "reason": "承接上级下放事项",
        "legal_basis": "《中华人民共和国食品安全法》第三十五条",
    }
    fields.update(overrides)
    return change_request_create(actor=actor, region=region, department=department, **fields)


def test_department_admin_drafts_for_own_department_and_it_is_audited(county, department, department_admin):
    request = create(department_admin, county, department)
    assert request.status == "draft"
    assert request.drafted_by == department_admin
    assert AuditEvent.objects.filter(action="catalog.change_request.create", object_id=str(request.pk)).exists()


def test_list_manager_may_draft_for_any_department(county, department, list_manager):
    assert create(list_manager, county, department).department == department


@pytest.mark.parametrize("field", ["legal_basis", "reason", "title"])
def test_missing_reason_or_legal_basis_is_rejected_and_nothing_saved(county, department, department_admin, field):
    with pytest.raises(InvalidInput) as caught:
        create(department_admin, county, department, **{field: "  "})
    assert caught.value.code == "invalid_change_request"
    assert caught.value.details[0]["field"] == field
    assert not ChangeRequest.objects.exists()


def test_unknown_kind_is_rejected(county, department, department_admin):
    with pytest.raises(InvalidInput):
        create(department_admin, county, department, kind="rename")


def test_admin_of_another_department_is_forbidden(county, department, other_department_admin):
    with pytest.raises(Forbidden):
        create(other_department_admin, county, department)
    assert not ChangeRequest.objects.exists()


def test_reviewer_is_forbidden(county, department, reviewer):
    with pytest.raises(Forbidden):
        create(reviewer, county, department)


@pytest.mark.parametrize("list_kind", ["intermediary", "duty_boundary"])
def test_region_wide_lists_are_kept_by_list_managers_only(county, department, department_admin, list_manager, list_kind):
    with pytest.raises(Forbidden):
        create(department_admin, county, department, list_kind=list_kind)
    assert create(list_manager, county, None, list_kind=list_kind).list_kind == list_kind
