from django.db import connection
from django.test.utils import CaptureQueriesContext

from onewindow.accounts.choices import Role
from onewindow.accounts.tests.factories import grant

ME = "/api/v1/auth/me"


def test_staff_see_their_roles_with_scopes(client, reviewer, department, county):
    grant(reviewer, Role.SUPERVISOR, region=county)
    client.force_login(reviewer)

    body = client.get(ME).json()

    assert body["username"] == "reviewer"
    assert body["real_name"] == reviewer.real_name
    roles = {r["role"]: r for r in body["roles"]}
    assert roles["reviewer"] == {
        "role": "reviewer",
        "role_label": "审查人员",
        "department": {"id": department.pk, "name": department.name},
        "region": None,
    }
    assert roles["supervisor"]["region"] == {"code": county.code, "name": county.name}


def test_applicant_has_no_roles(client, applicant):
    client.force_login(applicant)

    assert client.get(ME).json() == {"username": "applicant", "real_name": "张三", "roles": []}


def test_query_count_does_not_grow_with_roles(client, reviewer, department, county, other_department):
    client.force_login(reviewer)
    with CaptureQueriesContext(connection) as few:
        client.get(ME)
    grant(reviewer, Role.SUPERVISOR, region=county)
    grant(reviewer, Role.INSPECTOR, department=other_department)
    with CaptureQueriesContext(connection) as many:
        client.get(ME)

    assert len(many) == len(few)


def test_anonymous_gets_401(client, db):
    response = client.get(ME)

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_openapi_schema_documents_the_auth_endpoints(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    assert set(paths["/api/v1/auth/token"]["post"]["responses"]) >= {"201", "401", "403", "429"}
    assert "/api/v1/auth/tokens/{token_id}" in paths
