import pytest
from django.urls import reverse

from onewindow.accounts.choices import Role
from onewindow.audit.models import AuditEvent
from onewindow.orgs.choices import HallKind, WindowKind
from onewindow.orgs.models import Department, Region, Unit, Window
from onewindow.orgs.tests.factories import ServiceHallFactory, make_uscc


@pytest.fixture
def superuser(make_staff, county):
    return make_staff(Role.SYSTEM_ADMIN, region=county, is_staff=True, is_superuser=True)


def _management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def _department_form(county, **fields):
    data = {
        "region": county.pk,
        "name": "示范县统计局",
        "short_name": "",
        "uscc": make_uscc("990123", 801),
        "phone": "",
        "address": "",
        "sort_order": "100",
        "is_active": "on",
    }
    return {**data, **_management("units"), **fields}


def test_a_bad_uscc_is_shown_on_its_field(client, superuser, county):
    client.force_login(superuser)
    response = client.post(reverse("admin:orgs_department_add"), _department_form(county, uscc="11990123MB00008010"))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"uscc": ["统一社会信用代码校验码错误,请核对后重新输入。"]}
    assert not Department.objects.exists()


def test_a_department_with_units_is_saved_through_the_services(client, superuser, county):
    client.force_login(superuser)
    data = _department_form(county, uscc=make_uscc("990123", 801).lower(), **_management("units", total=2))
    data |= {"units-0-name": "办公室", "units-0-duties": "", "units-0-sort_order": "10"}
    data |= {"units-1-name": "综合核算股", "units-1-duties": "国民经济核算。", "units-1-sort_order": "20"}
    response = client.post(reverse("admin:orgs_department_add"), data)
    assert response.status_code == 302
    department = Department.objects.get()
    assert department.uscc == make_uscc("990123", 801)  # normalised by the model's clean()
    assert list(department.units.values_list("name", flat=True)) == ["办公室", "综合核算股"]
    actions = list(AuditEvent.objects.order_by("seq").values_list("action", "actor"))
    assert actions == [("orgs.department.create", superuser.pk), ("orgs.unit.create", superuser.pk), ("orgs.unit.create", superuser.pk)]


def test_a_region_code_error_is_shown_on_its_field(client, superuser, county):
    client.force_login(superuser)
    data = {"code": "990124001", "name": "城关镇", "level": "township", "parent": county.pk}
    response = client.post(reverse("admin:orgs_region_add"), data)
    assert response.context["adminform"].form.errors == {"code": ["区划代码应以上级区划的代码前缀 990123 开头。"]}
    assert not Region.objects.filter(name="城关镇").exists()


def test_a_region_change_only_renames(client, superuser, county):
    client.force_login(superuser)
    town = Region.objects.create(code="990123001", name="城关乡", level="township", parent=county)
    response = client.post(reverse("admin:orgs_region_change", args=[town.pk]), {"name": "城关镇"})
    assert response.status_code == 302
    town.refresh_from_db()
    assert (town.name, town.code) == ("城关镇", "990123001")
    assert AuditEvent.objects.get().action == "orgs.region.update"


def test_windows_under_a_hall_are_validated_and_audited(client, superuser, county, department):
    hall = ServiceHallFactory(region=county, kind=HallKind.CENTER)
    client.force_login(superuser)
    url = reverse("admin:orgs_servicehall_change", args=[hall.pk])
    data = {"name": hall.name, "address": hall.address, "hours": hall.hours, "phone": "", "is_active": "on"}
    data |= _management("windows", total=1) | {
        "windows-0-number": "B01",
        "windows-0-name": "部门窗口",
        "windows-0-kind": WindowKind.DEPARTMENTAL,
    }
    data |= {"windows-0-department": "", "windows-0-is_active": "on", "windows-0-hall": hall.pk}
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][0].formset.errors == [{"department": ["部门窗口必须指定所属部门。"]}]
    data["windows-0-department"] = department.pk
    assert client.post(url, data).status_code == 302
    assert Window.objects.get().department == department
    assert AuditEvent.objects.get().action == "orgs.window.create"


def test_nothing_can_be_deleted_in_the_admin(client, superuser, department):
    client.force_login(superuser)
    assert client.get(reverse("admin:orgs_department_delete", args=[department.pk])).status_code == 403


def test_a_staff_user_without_the_role_may_not_change_departments(client, make_staff, department, other_county):
    from django.contrib.auth.models import Permission

    neighbour = make_staff(Role.SYSTEM_ADMIN, region=other_county, is_staff=True)
    neighbour.user_permissions.set(Permission.objects.filter(content_type__app_label="orgs"))
    client.force_login(neighbour)
    url = reverse("admin:orgs_department_change", args=[department.pk])
    response = client.post(url, _department_form(department.region, name="改名局", uscc=department.uscc))
    assert response.status_code == 403
    department.refresh_from_db()
    assert department.name != "改名局"
    assert Unit.objects.count() == 0


@pytest.mark.parametrize("model", ["region", "department", "unit", "servicehall", "window"])
def test_list_search_and_change_pages_render(client, superuser, department, model):
    hall = ServiceHallFactory(region=department.region)
    Window.objects.create(hall=hall, number="A01", name="综合窗口", kind=WindowKind.COMPREHENSIVE)
    Unit.objects.create(department=department, name="办公室")
    client.force_login(superuser)
    changelist = client.get(reverse(f"admin:orgs_{model}_changelist"), {"q": "示范"})
    assert changelist.status_code == 200
    obj = changelist.context["cl"].model.objects.first()
    assert client.get(reverse(f"admin:orgs_{model}_change", args=[obj.pk])).status_code == 200
    assert client.get(reverse(f"admin:orgs_{model}_add")).status_code == 200
