import pytest

from onewindow.accounts.choices import Role
from onewindow.audit.models import AuditEvent
from onewindow.common.errors import Forbidden, InvalidInput
from onewindow.orgs.models import Unit
from onewindow.orgs.services import unit_create, unit_update
from onewindow.orgs.tests.factories import UnitFactory


@pytest.fixture
def department_admin(make_staff, department):
    return make_staff(Role.DEPARTMENT_ADMIN, department=department)


def test_the_department_admin_adds_a_unit_to_their_department(department_admin, department):
    unit = unit_create(actor=department_admin, department=department, name="食品经营监管股", duties="食品经营许可。", sort_order=30)
    assert (unit.department, unit.sort_order) == (department, 30)
    assert AuditEvent.objects.get().action == "orgs.unit.create"


def test_a_system_admin_over_the_region_may_add_units_too(system_admin, department):
    assert unit_create(actor=system_admin, department=department, name="办公室").pk


def test_others_may_not_add_units(make_staff, department, other_department, other_county, reviewer):
    others = [
        make_staff(Role.DEPARTMENT_ADMIN, department=other_department),
        make_staff(Role.SYSTEM_ADMIN, region=other_county),
        reviewer,
    ]
    for actor in others:
        with pytest.raises(Forbidden):
            unit_create(actor=actor, department=department, name="办公室")
    assert not Unit.objects.exists()


def test_unit_names_are_unique_within_a_department(department_admin, department, other_department):
    UnitFactory(department=department, name="办公室")
    UnitFactory(department=other_department, name="执法大队")
    with pytest.raises(InvalidInput) as caught:
        unit_create(actor=department_admin, department=department, name="办公室")
    assert caught.value.details == {"__all__": ["该部门已有同名内设机构。"]}
    assert unit_create(actor=department_admin, department=department, name="执法大队").pk


def test_update_changes_the_unit_and_needs_the_same_rights(department_admin, make_staff, department, other_department):
    unit = UnitFactory(department=department, name="审批科")
    unit_update(actor=department_admin, unit=unit, name="行政审批科", duties="许可审查。")
    unit.refresh_from_db()
    assert (unit.name, unit.duties) == ("行政审批科", "许可审查。")
    with pytest.raises(Forbidden):
        unit_update(actor=make_staff(Role.DEPARTMENT_ADMIN, department=other_department), unit=unit, name="办公室")
