import pytest

from onewindow.accounts.choices import Role
from onewindow.audit.services import audit_record

pytestmark = pytest.mark.django_db

URL = "/api/v1/audit/events"


@pytest.fixture
def events(reviewer, department):
    created = audit_record(actor=reviewer, action="orgs.department.create", obj=department, after={"name": "市场监督管理局"})
    other = audit_record(actor=None, action="accounts.user.create", object_type="accounts.user", object_id="7")
    return created, other


def test_system_admin_lists_events_newest_first(client, system_admin, events, department):
    client.force_login(system_admin)
    response = client.get(URL)
    assert response.status_code == 200
    body = response.json()
    assert [item["seq"] for item in body["items"]] == [2, 1]
    assert body["next_cursor"] is None
    created = body["items"][1]
    assert created["action"] == "orgs.department.create"
    assert (created["object_type"], created["object_id"]) == ("orgs.department", str(department.pk))
    assert created["after"] == {"name": "市场监督管理局"}
    assert created["actor_label"] == "reviewer"
    assert created["occurred_at"].endswith("+08:00")
    assert created["hash"] == events[1].prev_hash


def test_filters_and_cursor(client, make_staff, county, events, department):
    client.force_login(make_staff(Role.SUPERVISOR, region=county))
    body = client.get(URL, {"object_type": "orgs.department", "object_id": department.pk}).json()
    assert [item["seq"] for item in body["items"]] == [1]
    assert [item["seq"] for item in client.get(URL, {"actor": "system"}).json()["items"]] == [2]
    assert [item["seq"] for item in client.get(URL, {"action": "accounts."}).json()["items"]] == [2]
    first = client.get(URL, {"limit": 1}).json()
    second = client.get(URL, {"limit": 1, "cursor": first["next_cursor"]}).json()
    assert [first["items"][0]["seq"], second["items"][0]["seq"], second["next_cursor"]] == [2, 1, None]


def test_bad_parameters_are_400(client, system_admin, events):
    client.force_login(system_admin)
    assert client.get(URL, {"cursor": "!!!"}).json()["code"] == "invalid_cursor"
    assert client.get(URL, {"limit": 0}).status_code == 400


def test_other_staff_get_403(client, reviewer, events):
    client.force_login(reviewer)
    response = client.get(URL)
    assert response.status_code == 403
    assert response.json()["code"] == "audit_forbidden"


def test_anonymous_gets_401(client, events):
    response = client.get(URL)
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
