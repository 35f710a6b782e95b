import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse

from onewindow.accounts.choices import Role
from onewindow.audit.services import audit_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def supervisor(make_staff, county):
    return make_staff(Role.SUPERVISOR, region=county, username="supervisor")


@pytest.fixture
def trail(reviewer, department):
    audit_record(actor=reviewer, action="orgs.department.create", obj=department, after={"name": "市场监管局", "is_active": True})
    audit_record(
        actor=reviewer, action="orgs.department.update", obj=department, before={"name": "市场监管局"}, after={"name": "市场监督管理局"}
    )
    audit_record(actor=None, action="accounts.user.create", object_type="accounts.user", object_id="7", object_repr="王五")


def test_system_admin_sees_the_trail_and_the_chain_head(client, system_admin, trail):
    client.force_login(system_admin)
    response = client.get(reverse("audit:index"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "orgs.department.update" in page and "accounts.user.create" in page
    assert "审计链当前共 3 条事件" in page


def test_supervisor_filters_the_trail(client, supervisor, trail):
    client.force_login(supervisor)
    response = client.get(reverse("audit:index"), {"action": "accounts.user.create"})
    assert response.status_code == 200
    assert [event.action for event in response.context["page"].items] == ["accounts.user.create"]


def test_invalid_filters_show_errors_and_no_events(client, system_admin, trail):
    client.force_login(system_admin)
    response = client.get(reverse("audit:index"), {"date_from": "2026-05-02", "date_to": "2026-05-01"})
    assert response.status_code == 200
    assert response.context["page"] is None
    assert "起始日期不能晚于截止日期" in response.content.decode()


def test_a_bad_cursor_is_a_400_with_a_message(client, system_admin, trail):
    client.force_login(system_admin)
    response = client.get(reverse("audit:index"), {"cursor": "!!!"})
    assert response.status_code == 400
    assert "分页游标无效" in response.content.decode()


def test_next_page_link_keeps_the_filters(client, system_admin):
    for _ in range(51):
        audit_record(actor=None, action="audit.probe.record")
    client.force_login(system_admin)
    response = client.get(reverse("audit:index"), {"action": "audit.probe.record"})
    cursor = response.context["page"].next_cursor
    assert cursor
    assert f"?action=audit.probe.record&amp;cursor={cursor}" in response.content.decode()
    second = client.get(reverse("audit:index"), {"action": "audit.probe.record", "cursor": cursor})
    assert [event.seq for event in second.context["page"].items] == [1]


def test_object_page_shows_the_changes_oldest_first(client, system_admin, department, trail):
    client.force_login(system_admin)
    response = client.get(reverse("audit:object", args=["orgs.department", department.pk]))
    assert response.status_code == 200
    assert [event.action for event in response.context["page"].items] == ["orgs.department.create", "orgs.department.update"]
    page = response.content.decode()
    assert "市场监管局" in page and "市场监督管理局" in page


@pytest.mark.parametrize("name, args", [("audit:index", []), ("audit:object", ["orgs.department", "1"])])
def test_other_staff_are_refused(client, reviewer, name, args):
    client.force_login(reviewer)
    assert client.get(reverse(name, args=args)).status_code == 403


@pytest.mark.parametrize("name, args", [("audit:index", []), ("audit:object", ["orgs.department", "1"])])
def test_anonymous_visitors_go_to_the_login_page(client, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert response.url.startswith(resolve_url(settings.LOGIN_URL))
