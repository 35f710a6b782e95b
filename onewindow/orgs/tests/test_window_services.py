import pytest
from django.db import IntegrityError

from onewindow.accounts.choices import Role
from onewindow.audit.models import AuditEvent
from onewindow.common.errors import Forbidden, InvalidInput
from onewindow.orgs.choices import WindowKind
from onewindow.orgs.models import Window
from onewindow.orgs.services import window_create, window_update
from onewindow.orgs.tests.factories import DepartmentFactory, ServiceHallFactory, WindowFactory


@pytest.fixture
def hall(county):
    return ServiceHallFactory(region=county, name="示范县政务服务中心")


def test_system_admin_opens_a_departmental_window(system_admin, hall, department):
    window = window_create(
        actor=system_admin, hall=hall, number="B01", name="食品经营许可窗口", kind=WindowKind.DEPARTMENTAL, department=department
    )
    assert window.department == department
    assert AuditEvent.objects.get().action == "orgs.window.create"


@pytest.mark.parametrize(
    ("kind", "with_department", "message"),
    [
        (WindowKind.DEPARTMENTAL, False, "部门窗口必须指定所属部门。"),
        (WindowKind.COMPREHENSIVE, True, "综合窗口和统一出件窗口不属于单一部门,不能指定所属部门。"),
        (WindowKind.DELIVERY, True, "综合窗口和统一出件窗口不属于单一部门,不能指定所属部门。"),
    ],
)
def test_only_departmental_windows_have_a_department(system_admin, hall, department, kind, with_department, message):
    with pytest.raises(InvalidInput) as caught:
        window_create(
            actor=system_admin, hall=hall, number="A01", name="窗口", kind=kind, department=department if with_department else None
        )
    assert caught.value.details == {"department": [message]}
    assert not Window.objects.exists()


def test_the_database_enforces_the_window_rule_too(hall, department):
    with pytest.raises(IntegrityError):
        Window.objects.create(hall=hall, number="A01", name="综合窗口", kind=WindowKind.COMPREHENSIVE, department=department)


def test_the_database_refuses_a_departmental_window_without_department(hall):
    with pytest.raises(IntegrityError):
        Window.objects.create(hall=hall, number="B01", name="部门窗口", kind=WindowKind.DEPARTMENTAL)


def test_a_department_of_another_county_may_not_have_a_window_here(system_admin, hall, other_county):
    foreign = DepartmentFactory(region=other_county)
    with pytest.raises(InvalidInput) as caught:
        window_create(actor=system_admin, hall=hall, number="B01", name="窗口", kind=WindowKind.DEPARTMENTAL, department=foreign)
    assert caught.value.details == {"department": ["窗口所属部门应为服务大厅所在区划或其上级区划的部门。"]}


def test_window_numbers_are_unique_within_a_hall(system_admin, hall):
    WindowFactory(hall=hall, number="A01")
    with pytest.raises(InvalidInput) as caught:
        window_create(actor=system_admin, hall=hall, number="A01", name="综合窗口", kind=WindowKind.COMPREHENSIVE)
    assert caught.value.details == {"__all__": ["该服务大厅已有此窗口号。"]}


def test_others_may_not_open_windows(make_staff, hall, department, other_county):
    for actor in (make_staff(Role.SYSTEM_ADMIN, region=other_county), make_staff(Role.DEPARTMENT_ADMIN, department=department)):
        with pytest.raises(Forbidden):
            window_create(actor=actor, hall=hall, number="A01", name="综合窗口", kind=WindowKind.COMPREHENSIVE)


def test_turning_a_departmental_window_comprehensive_drops_its_department(system_admin, hall, department):
    window = WindowFactory(hall=hall, kind=WindowKind.DEPARTMENTAL, department=department)
    window_update(actor=system_admin, window=window, kind=WindowKind.COMPREHENSIVE)
    window.refresh_from_db()
    assert (window.kind, window.department) == (WindowKind.COMPREHENSIVE, None)
    event = AuditEvent.objects.get()
    assert event.before == {"department_id": department.pk, "kind": "departmental"}


def test_update_by_the_system_admin_of_another_county_is_forbidden(make_staff, hall, other_county):
    window = WindowFactory(hall=hall)
    with pytest.raises(Forbidden):
        window_update(actor=make_staff(Role.SYSTEM_ADMIN, region=other_county), window=window, is_active=False)
