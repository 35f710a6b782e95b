import pytest
from django.urls import reverse

from onewindow.accounts.choices import Role
from onewindow.accounts.tests.factories import UserFactory
from onewindow.audit.models import AuditEvent
from onewindow.orgs.choices import WindowKind
from onewindow.orgs.models import Unit, Window
from onewindow.orgs.tests.factories import ServiceHallFactory, UnitFactory, WindowFactory


@pytest.fixture
def department_admin(make_staff, department):
    return make_staff(Role.DEPARTMENT_ADMIN, department=department)


@pytest.fixture
def hall(county):
    return ServiceHallFactory(region=county, name="示范县政务服务中心")


def _login_url(path):
    return f"{reverse('accounts:login')}?next={path}"


# The directory and a department -----------------------------------------------------------------


def test_staff_see_the_directory(client, reviewer, department, hall):
    UnitFactory(department=department, name="登记注册科")
    WindowFactory(hall=hall, number="A01", name="无差别综合受理窗口")
    client.force_login(reviewer)
    response = client.get(reverse("orgs:index"))
    assert response.status_code == 200
    page = response.content.decode()
    for text in (department.name, "登记注册科", hall.name, "无差别综合受理窗口"):
        assert text in page
    assert reverse("orgs:window_create", args=[hall.pk]) not in page  # a reviewer may not add windows


def test_the_system_admin_is_offered_the_window_form(client, system_admin, hall):
    client.force_login(system_admin)
    assert reverse("orgs:window_create", args=[hall.pk]) in client.get(reverse("orgs:index")).content.decode()


def test_applicants_may_not_open_the_workbench_directory(client, applicant):
    client.force_login(applicant)
    assert client.get(reverse("orgs:index")).status_code == 403


def test_anonymous_visitors_are_sent_to_login(client, department):
    for path in (reverse("orgs:index"), reverse("orgs:department", args=[department.pk])):
        response = client.get(path)
        assert response.status_code == 302
        assert response.url == _login_url(path)


def test_the_department_page_offers_unit_forms_to_its_admin_only(client, department_admin, other_reviewer, department):
    UnitFactory(department=department, name="登记注册科")
    url = reverse("orgs:department", args=[department.pk])
    create_url = reverse("orgs:unit_create", args=[department.pk])
    client.force_login(department_admin)
    page = client.get(url).content.decode()
    assert "登记注册科" in page and create_url in page
    client.force_login(other_reviewer)
    page = client.get(url).content.decode()
    assert "登记注册科" in page and create_url not in page


def test_an_unknown_department_is_a_404(client, reviewer):
    client.force_login(reviewer)
    assert client.get(reverse("orgs:department", args=[999999])).status_code == 404


# Units ------------------------------------------------------------------------------------------


def test_the_department_admin_adds_a_unit(client, department_admin, department):
    client.force_login(department_admin)
    url = reverse("orgs:unit_create", args=[department.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"name": "食品经营监管股", "duties": "食品经营许可。", "sort_order": "30"})
    assert response.status_code == 302
    assert response.url == reverse("orgs:department", args=[department.pk])
    unit = Unit.objects.get(department=department)
    assert (unit.name, unit.sort_order) == ("食品经营监管股", 30)
    assert AuditEvent.objects.get().actor == department_admin


def test_a_duplicate_unit_name_is_shown_on_the_form(client, department_admin, department):
    UnitFactory(department=department, name="办公室")
    client.force_login(department_admin)
    response = client.post(reverse("orgs:unit_create", args=[department.pk]), {"name": "办公室", "sort_order": "10"})
    assert response.status_code == 200
    assert "该部门已有同名内设机构。" in response.content.decode()
    assert Unit.objects.count() == 1


def test_the_department_admin_edits_a_unit(client, department_admin, department):
    unit = UnitFactory(department=department, name="审批科")
    client.force_login(department_admin)
    response = client.post(reverse("orgs:unit_edit", args=[unit.pk]), {"name": "行政审批科", "duties": "", "sort_order": "20"})
    assert response.status_code == 302
    unit.refresh_from_db()
    assert (unit.name, unit.sort_order) == ("行政审批科", 20)


def test_the_admin_of_another_department_gets_403(client, make_staff, other_department, department):
    unit = UnitFactory(department=department)
    client.force_login(make_staff(Role.DEPARTMENT_ADMIN, department=other_department))
    assert client.get(reverse("orgs:unit_create", args=[department.pk])).status_code == 403
    assert client.post(reverse("orgs:unit_create", args=[department.pk]), {"name": "办公室", "sort_order": "1"}).status_code == 403
    assert client.post(reverse("orgs:unit_edit", args=[unit.pk]), {"name": "改名", "sort_order": "1"}).status_code == 403
    assert Unit.objects.get().name == unit.name


def test_anonymous_unit_forms_redirect_to_login(client, department):
    url = reverse("orgs:unit_create", args=[department.pk])
    response = client.post(url, {"name": "办公室", "sort_order": "1"})
    assert (response.status_code, response.url) == (302, _login_url(url))
    assert not Unit.objects.exists()


# Windows ----------------------------------------------------------------------------------------


def test_the_system_admin_adds_a_departmental_window(client, system_admin, hall, department):
    client.force_login(system_admin)
    url = reverse("orgs:window_create", args=[hall.pk])
    page = client.get(url).content.decode()
    assert department.name in page  # offered as the window's department
    data = {"number": "B01", "name": "食品经营许可窗口", "kind": WindowKind.DEPARTMENTAL, "department": department.pk, "is_active": "on"}
    response = client.post(url, data)
    assert response.status_code == 302
    window = Window.objects.get(hall=hall)
    assert (window.number, window.department, window.is_active) == ("B01", department, True)


def test_a_window_error_is_shown_at_its_field(client, system_admin, hall):
    client.force_login(system_admin)
    data = {"number": "B01", "name": "部门窗口", "kind": WindowKind.DEPARTMENTAL}
    response = client.post(reverse("orgs:window_create", args=[hall.pk]), data)
    assert response.status_code == 200
    assert response.context["form"].errors == {"department": ["部门窗口必须指定所属部门。"]}
    assert not Window.objects.exists()


def test_the_system_admin_edits_a_window(client, system_admin, hall, department):
    window = WindowFactory(hall=hall, number="B01", kind=WindowKind.DEPARTMENTAL, department=department)
    client.force_login(system_admin)
    data = {"number": "A11", "name": "无差别综合受理窗口", "kind": WindowKind.COMPREHENSIVE, "department": ""}
    response = client.post(reverse("orgs:window_edit", args=[window.pk]), data)
    assert response.status_code == 302
    window.refresh_from_db()
    assert (window.number, window.kind, window.department, window.is_active) == ("A11", WindowKind.COMPREHENSIVE, None, False)


def test_others_get_403_on_window_forms(client, make_staff, reviewer, department, hall, other_county):
    window = WindowFactory(hall=hall)
    others = [reviewer, make_staff(Role.SYSTEM_ADMIN, region=other_county), make_staff(Role.DEPARTMENT_ADMIN, department=department)]
    for user in others:
        client.force_login(user)
        assert client.get(reverse("orgs:window_create", args=[hall.pk])).status_code == 403
        data = {"number": "X", "name": "X", "kind": "comprehensive"}
        assert client.post(reverse("orgs:window_edit", args=[window.pk]), data).status_code == 403
    window.refresh_from_db()
    assert window.number != "X"


def test_anonymous_window_forms_redirect_to_login(client, hall):
    url = reverse("orgs:window_create", args=[hall.pk])
    assert (client.get(url).status_code, client.get(url).url) == (302, _login_url(url))


def test_a_user_without_staff_role_gets_403(client, hall):
    client.force_login(UserFactory())
    assert client.get(reverse("orgs:window_create", args=[hall.pk])).status_code == 403
