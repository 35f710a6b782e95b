"""Security headers on every response, pages that obey the Content-Security-Policy, and the API docs
page served from our own static files."""

import json
import re

import pytest
from django.conf import settings
from django.urls import reverse

PAGE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/healthz", "/api/v1/openapi.json", "/no-such-page/"])
def test_security_headers_on_every_kind_of_response(client, path):
    response = client.get(path)

    assert response["Content-Security-Policy"] == settings.CONTENT_SECURITY_POLICY
    for header, value in PAGE_HEADERS.items():
        assert response[header] == value
    assert "camera=()" in response["Permissions-Policy"]


def test_policy_allows_only_our_own_origin():
    policy = dict(part.strip().split(" ", 1) for part in settings.CONTENT_SECURITY_POLICY.split(";"))

    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in settings.CONTENT_SECURITY_POLICY
    assert "unsafe-eval" not in settings.CONTENT_SECURITY_POLICY


@pytest.mark.django_db
@pytest.mark.parametrize("request_id", ["abc-123", "9f8e7d6c5b4a", "req.2025_11_24-0001", "a" * 64])
def test_well_formed_request_id_is_echoed(client, request_id):
    response = client.get("/healthz", headers={"X-Request-ID": request_id})

    assert response["X-Request-ID"] == request_id


@pytest.mark.django_db
@pytest.mark.parametrize("request_id", ["<script>", "has space", "a" * 65, "id;drop", "名字"])
def test_malformed_request_id_is_replaced(client, request_id):
    response = client.get("/healthz", headers={"X-Request-ID": request_id})

    assert response["X-Request-ID"] != request_id
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


@pytest.mark.django_db
def test_missing_request_id_is_generated_per_request(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]

    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert first != second


# -- our pages obey the policy: no inline script or style, nothing from another origin -------

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)


def assert_obeys_policy(page: str) -> None:
    for attributes, body in _SCRIPT.findall(page):
        if 'type="application/json"' in attributes:  # data, never executed
            continue
        assert "src=" in attributes and not body.strip(), f"inline script: <script{attributes}>{body[:80]}"
    assert "<style" not in page.lower(), "inline <style> element"
    assert not re.search(r"\sstyle=", page, re.I), "inline style= attribute"
    assert not re.search(r"\son[a-z]+=", page, re.I), "inline event handler"
    for url in re.findall(r'(?:src|href)="([^"]+)"', page):
        assert not re.match(r"^(https?:)?//", url), f"a resource from another origin: {url}"


@pytest.fixture
def staff_client(client, system_admin):
    client.force_login(system_admin)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["portal:home", "portal:halls", "portal:departments"])
def test_portal_pages_obey_the_policy(client, name):
    response = client.get(reverse(name), {"kiosk": "1"})

    assert response.status_code == 200
    assert_obeys_policy(response.content.decode())


def test_workbench_home_obeys_the_policy(staff_client):
    response = staff_client.get(reverse("workbench:home"))

    assert response.status_code == 200
    assert_obeys_policy(response.content.decode())


@pytest.mark.django_db
def test_error_page_obeys_the_policy(client):
    assert_obeys_policy(client.get("/no-such-page/").content.decode())


# -- the API docs page: django-ninja's Swagger UI from its own static files ------------------


@pytest.mark.django_db
def test_api_docs_page_uses_only_local_static_files(client):
    response = client.get("/api/v1/docs")

    page = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == settings.CONTENT_SECURITY_POLICY
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert f"{settings.STATIC_URL}ninja/swagger-ui-bundle.js" in assets
    assert f"{settings.STATIC_URL}ninja/swagger-ui.css" in assets
    assert all(url.startswith(settings.STATIC_URL) for url in assets), assets
    assert_obeys_policy(page)
    embedded = re.search(r'<script type="application/json" id="swagger-settings">(.*?)</script>', page, re.S)
    assert embedded is not None
    assert json.loads(embedded.group(1))["url"] == "/api/v1/openapi.json"


@pytest.mark.django_db
def test_openapi_schema_is_valid_json_with_the_api_paths(client):
    response = client.get("/api/v1/openapi.json")

    schema = json.loads(response.content)
    assert response.status_code == 200
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/workdays/add" in schema["paths"]
    assert "/api/v1/orgs/departments" in schema["paths"]
