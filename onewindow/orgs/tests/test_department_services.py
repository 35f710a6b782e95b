import pytest

from onewindow.accounts.choices import Role
from onewindow.audit.models import AuditEvent
from onewindow.common.errors import Forbidden, InvalidInput
from onewindow.orgs.models import Department
from onewindow.orgs.services import department_create, department_update
from onewindow.orgs.tests.factories import make_uscc

VALID = make_uscc("990123", 501)


def _create(actor, region, **fields):
    return department_create(actor=actor, region=region, **{"name": "示范县统计局", "uscc": VALID, **fields})


def test_system_admin_adds_a_department_with_a_normalised_uscc(system_admin, county):
    department = _create(system_admin, county, uscc=f"  {VALID.lower()} ", phone="0399-6622708")
    assert department.uscc == VALID
    event = AuditEvent.objects.get(action="orgs.department.create")
    assert event.after["uscc"] == VALID
    assert event.object_id == str(department.pk)


@pytest.mark.parametrize(
    ("uscc", "message"),
    [
        (VALID[:-1] + ("0" if VALID[-1] != "0" else "1"), "统一社会信用代码校验码错误,请核对后重新输入。"),
        (VALID[:17], "统一社会信用代码应为18位。"),
        ("11990123MBOOOOOO1", "统一社会信用代码应为18位。"),
        ("11990123MBIIIIIII1", "统一社会信用代码含有无效字符(不使用I、O、Z、S、V)。"),
    ],
)
def test_a_bad_uscc_is_refused_on_its_field_and_nothing_is_written(system_admin, county, uscc, message):
    with pytest.raises(InvalidInput) as caught:
        _create(system_admin, county, uscc=uscc)
    assert caught.value.details["uscc"] == [message]
    assert caught.value.code == "department_invalid"
    assert not Department.objects.exists()
    assert not AuditEvent.objects.exists()


def test_names_are_unique_within_a_region_and_usccs_everywhere(system_admin, department):
    with pytest.raises(InvalidInput) as caught:
        _create(system_admin, department.region, name=department.name)
    assert caught.value.details == {"__all__": ["该区划已有同名部门。"]}
    with pytest.raises(InvalidInput) as caught:
        _create(system_admin, department.region, uscc=department.uscc)
    assert caught.value.details == {"uscc": ["该统一社会信用代码已被其他部门使用。"]}


def test_only_system_admins_over_the_region_add_departments(make_staff, county, other_county, department):
    neighbour_admin = make_staff(Role.SYSTEM_ADMIN, region=other_county)
    department_admin = make_staff(Role.DEPARTMENT_ADMIN, department=department)
    for actor in (neighbour_admin, department_admin):
        with pytest.raises(Forbidden):
            _create(actor, county)
    assert Department.objects.count() == 1


def test_update_audits_only_the_changed_fields(system_admin, department):
    department_update(actor=system_admin, department=department, phone="0399-6612315", address=department.address)
    event = AuditEvent.objects.get()
    assert event.action == "orgs.department.update"
    assert event.before == {"phone": ""}
    assert event.after == {"phone": "0399-6612315"}


def test_an_update_that_changes_nothing_writes_nothing(system_admin, department):
    stamp = department.updated_at
    saved = department_update(actor=system_admin, department=department, name=department.name, uscc=department.uscc.lower())
    assert saved.updated_at == stamp
    assert not AuditEvent.objects.exists()


def test_a_bad_uscc_on_update_leaves_the_row_alone(system_admin, department):
    original = department.uscc
    with pytest.raises(InvalidInput):
        department_update(actor=system_admin, department=department, uscc="123", phone="110")
    department.refresh_from_db()
    assert (department.uscc, department.phone) == (original, "")


def test_the_system_admin_of_another_county_may_not_change_a_department(make_staff, other_county, department):
    with pytest.raises(Forbidden):
        department_update(actor=make_staff(Role.SYSTEM_ADMIN, region=other_county), department=department, phone="1")


def test_a_retired_department_is_hidden_from_the_public_but_not_from_its_admins(system_admin, department, reviewer):
    department_update(actor=system_admin, department=department, is_active=False)
    assert not Department.objects.visible_to(None).filter(pk=department.pk).exists()
    assert not Department.objects.visible_to(reviewer).filter(pk=department.pk).exists()
    assert Department.objects.visible_to(system_admin).filter(pk=department.pk).exists()
