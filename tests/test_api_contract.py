"""The API's contract beyond single endpoints: one error format for every answer (also for paths and
methods no operation handles), every error an operation may give declared in the OpenAPI schema,
one schema per name, and ids or codes no database or comparison can choke on."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import pytest
from ninja import Schema

from config.api import api
from onewindow.cases.tests.factories import County, make_county
from tests.api_support import assert_api_error as assert_error
from tests.api_support import bearer, client_of

HUGE = "9" * 30


@pytest.fixture
def county(db) -> County:
    return make_county()


def _schema_classes(root: type) -> list[type]:
    found = []
    for sub in root.__subclasses__():
        found.append(sub)
        found.extend(_schema_classes(sub))
    return found


def test_no_two_api_schemas_share_a_name():
    """The OpenAPI components are keyed by class name: two classes of one name would make one of them lie."""
    api.get_openapi_schema()  # imports every router
    by_name: dict[str, set[str]] = defaultdict(set)
    for cls in _schema_classes(Schema):
        if cls.__module__.startswith(("onewindow.", "config.")):
            by_name[cls.__name__].add(cls.__module__)
    assert {name: modules for name, modules in by_name.items() if len(modules) > 1} == {}


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _value in pairs]
    assert len(keys) == len(set(keys)), f"repeated keys: {sorted(k for k in keys if keys.count(k) > 1)}"
    return dict(pairs)


def test_every_operation_declares_the_common_errors_in_the_error_format():
    schema = json.loads(json.dumps(api.get_openapi_schema()), object_pairs_hook=_no_repeated_keys)
    assert "ErrorOut" in schema["components"]["schemas"]
    missing = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for status in ("400", "401", "404", "413", "415", "429"):
                declared = operation["responses"].get(status)
                if declared is None or "ErrorOut" not in json.dumps(declared):
                    missing.append(f"{method.upper()} {path} {status}")
    assert missing == []


def test_the_published_openapi_document_is_the_declared_one(db):
    response = client_of().get("/api/v1/openapi.json")

    assert response.status_code == 200
    operation = json.loads(response.content, object_pairs_hook=_no_repeated_keys)["paths"]["/api/v1/cases"]["post"]
    assert {"400", "401", "404", "415"} <= set(operation["responses"])


@pytest.mark.parametrize("path", ["/api/v1/no-such-thing", "/api/v1/cases/X/no-such-action", "/api/v2/cases", "/api/"])
def test_an_unknown_api_path_is_a_json_404(db, path):
    assert_error(client_of().get(path), 404, "not_found")


def test_a_method_the_endpoint_does_not_take_is_a_json_405_with_allow(db):
    response = client_of().delete("/api/v1/items")

    body = assert_error(response, 405, "method_not_allowed")
    assert "GET" in response["Allow"]
    assert "不支持" in body["message"]


def test_pages_keep_their_own_404(db):
    response = client_of().get("/no-such-page/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_malformed_json_is_a_chinese_400_with_its_code(county):
    response = client_of().post("/api/v1/cases", "{not json", content_type="application/json", **bearer(county.applicant))

    body = assert_error(response, 400, "invalid_json")
    assert "JSON" in body["message"] and "Cannot" not in body["message"]


def test_a_body_that_is_not_json_keeps_its_415(county):
    response = client_of().post("/api/v1/cases", "item=x", content_type="text/plain", **bearer(county.applicant))

    assert_error(response, 415, "unsupported_media_type")


@pytest.mark.parametrize(
    "url",
    [
        f"/api/v1/cases?department={HUGE}",
        "/api/v1/cases?department=0",
        f"/api/v1/supervision/cards?department={HUGE}",
        f"/api/v1/supervision/orders?department={HUGE}",
        f"/api/v1/rectifications?department={HUGE}",
        f"/api/v1/rectifications/{HUGE}",
        "/api/v1/rectifications/-1",
    ],
)
def test_an_id_no_database_can_hold_is_a_400_naming_the_field(county, url):
    body = assert_error(client_of().get(url, **bearer(county.supervisor)), 400, "invalid_input")

    assert body["details"], body


@pytest.mark.parametrize("department", [HUGE, "²", "٣"])
def test_the_catalog_department_filter_takes_any_text(county, department):
    response = client_of().get("/api/v1/items", {"department": department})

    assert_error(response, 400, "unknown_department")


CALENDAR_ENDS = [{"date_from": "0001-01-01"}, {"date_to": "9999-12-31"}, {"date_from": "0001-01-01", "date_to": "9999-12-31"}]


@pytest.mark.parametrize("dates", CALENDAR_ENDS)
def test_audit_events_between_the_ends_of_the_calendar_are_every_event(county, dates):
    response = client_of().get("/api/v1/audit/events", dates, **bearer(county.supervisor))

    assert response.status_code in (200, 403), response.content[:300]


@pytest.mark.parametrize("period", [{"from": "0001-01-01", "to": "0001-01-02"}, {"from": "1899-12-31", "to": "1900-01-31"}])
def test_a_statistics_period_before_1900_is_a_400(county, period):
    for path in ("/api/v1/supervision/summary", "/api/v1/supervision/statistics"):
        assert_error(client_of().get(path, period, **bearer(county.supervisor)), 400, "period_invalid")


def test_a_notification_id_out_of_range_is_a_400(county):
    response = client_of().post(f"/api/v1/notifications/{HUGE}/read", **bearer(county.applicant))

    assert_error(response, 400, "invalid_input")


@pytest.mark.parametrize("code", ["查询码", "ÄÖÜ123", "\U0001f600"])
def test_a_complaint_lookup_with_any_typed_code_is_a_404_not_a_500(county, code):
    filed = client_of().post(
        "/api/v1/complaints",
        {"category": "attitude", "region": county.region.code, "content": "窗口人员态度不好,多次让我重复提交材料。", "anonymous": True},
        content_type="application/json",
    )
    assert filed.status_code == 201, filed.content
    number = filed.json()["number"]

    looked_up = client_of().post("/api/v1/complaint-lookup", {"number": number, "code": code}, content_type="application/json")

    assert_error(looked_up, 404, "complaint_not_found")


def test_a_client_varying_x_forwarded_for_does_not_escape_the_progress_rate_limit(db):
    """The API's throttle counts the address PROXY_COUNT says is the client's, not the whole header."""
    from django.core.cache import cache

    cache.clear()
    statuses = [
        client_of().get("/api/v1/progress/99012320260101000001", {"code": "X"}, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
        for n in range(40)
    ]
    cache.clear()

    assert 429 in statuses and statuses[0] == 404
