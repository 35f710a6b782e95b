"""Hostile input, server side: stored XSS in every free-text field, SQL-ish strings in lookups and
filters, broken and oversized request bodies, and upload bombs and hostile file names.

Every page that shows a stored payload must show it as text (escaped once) and carry no payload
markup; every lookup of an SQL-ish string answers 4xx or finds nothing; every broken request is
refused with a 4xx (the API's with a machine `code`) and writes nothing; no file lands outside the
storage.
"""

from __future__ import annotations

import base64
import io
import json
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import time_machine
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from onewindow.audit.models import AuditEvent
from onewindow.cases import services
from onewindow.cases.choices import CaseStatus
from onewindow.cases.documents.render import document_html, render_document
from onewindow.cases.models import Case, CaseDocument, CaseMaterial
from onewindow.cases.tests.factories import PERSON_ID, County, case_item, make_county, online_case
from onewindow.catalog.models import ServiceItem
from onewindow.catalog.search import normalize_query
from onewindow.common.errors import InvalidInput
from onewindow.notifications.models import Notification
from onewindow.notifications.services import notification_queue
from tests.api_support import assert_api_error, bearer, client_of
from tests.hostile_support import (
    HOSTILE_ITEM_CODE,
    IMG,
    MONDAY,
    SCRIPT,
    HostileCounty,
    build_hostile_county,
    live_markup,
    payload,
    shows_escaped,
)

pytestmark = pytest.mark.django_db

IS_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
CASES = "/api/v1/cases"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

SQLISH = (
    "' OR 1=1 --",
    '"; DROP TABLE cases_case; --',
    "%",
    "_",
    "\\",
    "%' OR '1'='1",
    "1 UNION SELECT id, password FROM accounts_user --",
)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(MONDAY, tick=False):
        yield


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """The progress pages count requests per address in the cache; each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db) -> HostileCounty:
    return build_hostile_county()


@pytest.fixture
def county(db) -> County:
    return make_county()


@pytest.fixture
def item(county: County) -> ServiceItem:
    return case_item(county.department)


@pytest.fixture
def as_applicant(county: County) -> dict[str, str]:
    """The applicant's API token (made before a test counts what it writes: the token is audited)."""
    return bearer(county.applicant)


@pytest.fixture
def as_clerk(county: County) -> dict[str, str]:
    return bearer(county.clerk)


def html_of(response: Any) -> str:
    assert response.status_code == 200, (response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("text/html")
    return response.content.decode()


def assert_inert(html: str, world: HostileCounty, *shown: str) -> None:
    """No payload markup on the page, and each field named in `shown` shown escaped once."""
    assert live_markup(html) == []
    missing = [name for name in shown if not shows_escaped(html, world.texts[name])]
    assert missing == []


def written() -> tuple[int, int, int, int]:
    """What a refused request must not change: cases, materials, audit events, messages."""
    return Case.objects.count(), CaseMaterial.objects.count(), AuditEvent.objects.count(), Notification.objects.count()


def api_body(service_item: ServiceItem, **overrides: Any) -> dict[str, Any]:
    """A complete API application for the factory item (M01 as an inline PDF, M02 a gap)."""
    data: dict[str, Any] = {
        "item": service_item.implementation_code,
        "situation": "S01",
        "applicant": {"kind": "person", "name": "张三", "id_number": PERSON_ID, "phone": "13800000001"},
        "form": {"business_name": "张三小吃店", "area": 45},
        "materials": [
            {"code": "M01", "file": {"name": "申请书.pdf", "content_base64": base64.b64encode(PDF).decode()}},
            {"code": "M02", "provision": "gap"},
            {"code": "M03", "provision": "pledge", "pledge": "本人承诺已取得有效健康证明。"},
            {"code": "M04", "provision": "reused", "license_number": "91350100M000100Y43"},
        ],
    }
    data.update(overrides)
    return data


# ==== 1. stored XSS ==============================================================================

# The staff texts each case carries, besides the applicant's (name, form, pledge, address).
CASE_TEXTS = {
    "correction": ("problem", "form_problem", "correction_comment"),
    "refused": ("refuse",),
    "approved": ("accept_comment", "suspend", "resume", "extend", "stage_opinion", "approve"),
    "denied": ("deny",),
    "withdrawn": ("withdraw",),
    "submitted": (),
}
APPLICANT_TEXTS = ("applicant_name", "business_name", "pledge", "delivery_address")


def test_the_applicant_s_case_pages_show_every_text_escaped(world):
    applicant = client_of(world.county.applicant)

    for name, texts in CASE_TEXTS.items():
        html = html_of(applicant.get(reverse("cases:my_case", args=[world.case(name).number])))
        staff_acted = name not in ("withdrawn", "submitted")
        assert_inert(html, world, *APPLICANT_TEXTS, *texts, "applicant_real_name", *(("clerk_name",) if staff_acted else ()))
    assert_inert(html_of(applicant.get(reverse("cases:my_cases"))), world)


def test_the_applicant_s_inbox_and_profile_show_names_and_messages_escaped(world):
    applicant = client_of(world.county.applicant)

    assert_inert(html_of(applicant.get(reverse("notifications:inbox"))), world, "message_title", "message_body")
    assert_inert(html_of(applicant.get(reverse("notifications:inbox"), {"unread": "1"})), world, "message_title", "message_body")
    assert_inert(html_of(applicant.get(reverse("accounts:profile"))), world, "applicant_real_name")
    assert_inert(html_of(applicant.get(reverse("portal:home"))), world)


def test_the_staff_case_pages_show_every_text_escaped(world):
    clerk, decider = client_of(world.county.clerk), client_of(world.county.decider)

    for name, texts in CASE_TEXTS.items():
        number = world.case(name).number
        html = html_of(clerk.get(reverse("cases:case", args=[number])))
        shown = [text for text in texts if text != "form_problem"]  # the staff page lists the materials' problems only
        assert_inert(html, world, *APPLICANT_TEXTS, *shown, "clerk_name")
        assert_inert(html_of(clerk.get(reverse("cases:case_documents", args=[number]))), world)
    approved = html_of(decider.get(reverse("cases:case", args=[world.case("approved").number])))
    assert_inert(approved, world, *APPLICANT_TEXTS, *CASE_TEXTS["approved"])


def test_the_staff_queues_and_home_show_names_escaped(world):
    clerk, reviewer = client_of(world.county.clerk), client_of(world.county.reviewer)

    assert_inert(html_of(clerk.get(reverse("workbench:home"))), world, "clerk_name")
    assert_inert(html_of(clerk.get(reverse("cases:queue"))), world, "clerk_name")
    assert_inert(html_of(clerk.get(reverse("cases:queue"), {"tab": "all"})), world, "clerk_name")
    assert_inert(html_of(reviewer.get(reverse("cases:task_queue"))), world)


def test_the_window_intake_pages_show_items_and_queries_escaped(world):
    clerk = client_of(world.county.clerk)
    query = payload("intake_query", limit=100)  # the search box takes 100 characters

    echoed = html_of(clerk.get(reverse("cases:intake"), {"q": query}))
    assert_inert(echoed, world)
    assert f'value="{escape(query)}"' in echoed
    found = html_of(clerk.get(reverse("cases:intake"), {"q": "[item_name]"}))
    assert_inert(found, world, "item_name")
    screen = html_of(clerk.get(reverse("cases:intake_item", args=[HOSTILE_ITEM_CODE])))
    assert_inert(screen, world, "item_name", "acceptance_conditions", "situation_name", "material_name", "material_requirements")
    receipt = html_of(clerk.get(reverse("cases:intake_done", args=[world.case("submitted").number])))
    assert_inert(receipt, world)


def test_the_public_progress_page_shows_handlers_escaped_and_the_applicant_masked(world):
    visitor = client_of()

    for name in CASE_TEXTS:
        case = world.case(name)
        html = html_of(visitor.post(reverse("cases:progress"), {"number": case.number, "code": case.query_code}))
        staff_acted = name not in ("withdrawn", "submitted")
        assert_inert(html, world, *(("clerk_name",) if staff_acted else ()))
        assert world.texts["applicant_name"] not in html and escape(world.texts["applicant_name"]) not in html  # masked


def test_the_plain_text_progress_is_served_as_text_that_browsers_do_not_sniff(world):
    case = world.case("refused")

    response = client_of().get(reverse("cases:progress_text"), {"number": case.number, "code": case.query_code})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert world.texts["clerk_name"] in response.content.decode()  # as text, for the hotline


def test_the_catalog_search_echoes_the_query_and_highlights_hits_escaped(world):
    visitor = client_of()
    query = world.texts["refuse"]

    echoed = html_of(visitor.get(reverse("catalog:items"), {"q": query}))
    assert_inert(echoed, world)
    assert f'value="{escape(normalize_query(query))}"' in echoed

    hits = html_of(visitor.get(reverse("catalog:items"), {"q": SCRIPT}))
    assert_inert(hits, world)
    assert f"<mark>{escape(SCRIPT)}</mark>" in hits  # the item whose name carries it, highlighted as text
    assert hits.count('class="item-name"') == 1


def test_the_public_catalog_pages_show_the_item_escaped(world):
    visitor = client_of()
    guide_texts = ("item_name", "acceptance_conditions", "places", "situation_name", "material_name", "material_requirements", "stage_name")

    assert_inert(html_of(visitor.get(reverse("catalog:items"))), world, "item_name")
    assert_inert(html_of(visitor.get(reverse("catalog:guide", args=[HOSTILE_ITEM_CODE]))), world, *guide_texts)
    assert_inert(html_of(visitor.get(reverse("catalog:guide_print", args=[HOSTILE_ITEM_CODE]))), world, *guide_texts)
    department_items = reverse("catalog:department_items", args=[world.county.department.pk])
    assert_inert(html_of(visitor.get(department_items)), world, "item_name")
    assert_inert(html_of(visitor.get(reverse("portal:home"))), world)


def test_the_catalog_workbench_shows_change_requests_escaped(world):
    manager = client_of(world.list_manager)
    request = world.change_request
    assert request is not None
    entry_texts = ("item_name", "acceptance_conditions", "places", "situation_name", "material_name", "material_requirements", "stage_name")

    assert_inert(html_of(manager.get(reverse("catalog:cr_list"))), world, "cr_title")
    assert_inert(html_of(manager.get(reverse("catalog:cr_detail", args=[request.pk]))), world, "cr_title", "cr_reason", "item_name")
    editor = html_of(manager.get(reverse("catalog:editor_item", args=[request.pk, HOSTILE_ITEM_CODE])))
    assert_inert(editor, world, "cr_title", *entry_texts)
    assert_inert(html_of(manager.get(reverse("catalog:versions"))), world, "cr_title")
    assert_inert(html_of(manager.get(reverse("catalog:version_diff"))), world, *entry_texts)


def test_the_case_documents_carry_the_texts_escaped_and_the_verification_page_too(world):
    expected = {
        "correction_notice": ("applicant_name", "problem", "form_problem", "correction_comment"),
        "refusal_notice": ("applicant_name", "refuse"),
        "special_procedure_notice": ("applicant_name", "procedure", "suspend"),
        "extension_notice": ("applicant_name", "extend"),
        "grant_decision": ("applicant_name", "approve"),
        "denial_decision": ("applicant_name", "deny"),
    }
    documents = list(CaseDocument.objects.all())
    assert {d.kind for d in documents} >= set(expected)
    for document in documents:
        assert_inert(document_html(document), world, *expected.get(document.kind, ("applicant_name",)))

    refusal = CaseDocument.objects.get(kind="refusal_notice")
    assert render_document(refusal.pk) == "ready"
    page = html_of(client_of().get(reverse("cases:document_verify", args=[refusal.verification_code])))
    assert_inert(page, world)


def test_the_login_page_shows_a_hostile_user_name_escaped(db):
    name = payload("username", limit=150)

    response = client_of().post(reverse("accounts:login"), {"username": name, "password": "wrong"})

    html = response.content.decode()
    assert response.status_code == 200 and live_markup(html) == []
    assert escape(name) in html


def test_javascript_urls_are_never_followed(world):
    applicant = client_of(world.county.applicant)
    message = Notification.objects.filter(recipient=world.county.applicant, channel="site").first()
    assert message is not None

    read = applicant.post(reverse("notifications:read", args=[message.pk]), {"next": "javascript:window.__xss=1"})
    assert read.status_code == 302 and not read["Location"].lower().startswith("javascript")
    read_all = applicant.post(reverse("notifications:read_all"), {"next": "javascript:window.__xss=1"})
    assert read_all.status_code == 302 and read_all["Location"] == reverse("notifications:inbox")
    with pytest.raises(InvalidInput) as refused:
        notification_queue(recipient=world.county.applicant, title="标题", body="内容", link="javascript:window.__xss=1")
    assert refused.value.code == "notification_link_invalid"

    login = client_of().get(reverse("accounts:login"), {"next": "javascript:window.__xss=1"})
    assert live_markup(login.content.decode()) == []


# ==== 2. SQL-ish strings =========================================================================


def _result_names(html: str) -> int:
    return html.count('class="item-name"')


def test_sqlish_search_queries_find_only_what_contains_them(world):
    visitor = client_of()
    assert _result_names(html_of(visitor.get(reverse("catalog:items")))) == 2  # control: both current items

    for query in SQLISH:
        html = html_of(visitor.get(reverse("catalog:items"), {"q": query}))
        assert live_markup(html) == []
        assert f'value="{escape(normalize_query(query))}"' in html
        # Only the hostile item's name has an underscore or a percent sign ([item_name], {% debug %}).
        expected = 1 if normalize_query(query) in world.texts["item_name"].lower() else 0
        assert _result_names(html) == expected, query
    assert Case.objects.count() == 6  # the table is still there


def test_sqlish_api_filters_answer_400_or_nothing(world):
    clerk = bearer(world.county.clerk)
    api = client_of()
    every = api.get(CASES, {"status": "", "item": world.item.implementation_code}, **clerk)
    assert every.status_code == 200 and len(every.json()["items"]) == 6  # control

    for value in SQLISH:
        assert_api_error(api.get(CASES, {"status": value}, **clerk), 400, "status_invalid")
        by_item = api.get(CASES, {"item": value}, **clerk)
        assert by_item.status_code == 200 and by_item.json()["items"] == [], value
        assert_api_error(api.get(CASES, {"department": value}, **clerk), 400, "invalid_input")
        assert_api_error(api.get(CASES, {"cursor": value}, **clerk), 400)
        assert_api_error(api.get(f"{CASES}/{quote(value, safe='')}", **clerk), 404, "case_not_found")


def test_sqlish_progress_lookups_find_nothing(world):
    visitor = client_of()
    case = world.case("refused")

    for value in SQLISH:
        for number, code in ((value, value), (case.number, value), (value, case.query_code)):
            cache.clear()
            page = visitor.post(reverse("cases:progress"), {"number": number, "code": code})
            assert page.status_code in (400, 404), (number, code, page.status_code)  # 400: longer than the form takes
            text = visitor.get(reverse("cases:progress_text"), {"number": number, "code": code})
            assert text.status_code == 404, (number, code, text.status_code)
            api = visitor.get(f"/api/v1/progress/{quote(number, safe='')}", {"code": code})
            assert_api_error(api, 404, "progress_not_found")


def test_sqlish_workbench_filters_answer_or_find_nothing(world):
    clerk = client_of(world.county.clerk)
    control = html_of(clerk.get(reverse("cases:queue"), {"tab": "all", "item": world.item.implementation_code}))
    assert world.case("submitted").number in control

    for value in SQLISH:
        queue = html_of(clerk.get(reverse("cases:queue"), {"tab": "all", "item": value}))
        assert world.case("submitted").number not in queue
        assert live_markup(queue) == []
        assert live_markup(html_of(clerk.get(reverse("cases:intake"), {"q": value}))) == []
        assert clerk.get(reverse("catalog:items"), {"department": value}).status_code == 400


NUL_LOOKUPS = [
    pytest.param("api", f"{CASES}/%00", {}, id="api-case-number"),
    pytest.param("api", CASES, {"item": "\x00"}, id="api-item-filter"),
    pytest.param("public", "/api/v1/progress/%00", {"code": "1"}, id="api-progress-number"),
    pytest.param("public", "/progress/text", {"number": "\x00", "code": "1"}, id="progress-text-number"),
    pytest.param("public", "/items/%00/", {}, id="guide-code"),
    pytest.param("public", "/items/", {"theme": "\x00"}, id="search-theme"),
    pytest.param("public", "/items/", {"department": "\x00"}, id="search-department"),
    pytest.param("public", "/verify/%00/", {}, id="verify-code"),
    pytest.param("applicant", "/my/cases/%00/", {}, id="my-case-number"),
    pytest.param("applicant", "/apply/%00/", {}, id="apply-item-code"),
    pytest.param("clerk", "/workbench/cases/%00/", {}, id="workbench-case-number"),
    pytest.param("clerk", "/workbench/cases/intake/%00/", {}, id="intake-item-code"),
]


@pytest.mark.parametrize(("who", "path", "params"), NUL_LOOKUPS)
def test_a_nul_character_in_a_lookup_answers_4xx_or_finds_nothing(county, item, who, path, params):
    online_case(county, item)
    client = client_of({"clerk": county.clerk, "applicant": county.applicant}.get(who))
    headers = bearer(county.clerk) if who == "api" else {}

    response = client.get(path, params, **headers)

    if response.status_code == 200:
        assert response.json()["items"] == []  # only a list filter may answer, with nothing
    else:
        assert 400 <= response.status_code < 500, response.status_code


def test_nul_characters_where_forms_or_filters_take_them_answer_4xx_or_nothing(county, item):
    """Forms refuse NUL in a body; a NUL in a query parameter is turned away before any view (pages: a plain
    400, the API: `nul_character`)."""
    clerk = client_of(county.clerk)
    assert client_of().post(reverse("cases:progress"), {"number": "\x00", "code": "\x00"}).status_code == 400
    assert clerk.get(reverse("cases:queue"), {"tab": "all", "item": "\x00"}).status_code == 400
    assert clerk.get(reverse("cases:intake"), {"q": "\x00"}).status_code == 400
    assert client_of().get(reverse("catalog:items"), {"q": "\x00"}).status_code == 400
    assert_api_error(client_of().get(CASES, {"status": "\x00"}, **bearer(county.clerk)), 400, "nul_character")


@pytest.mark.parametrize("channel", ["page", "text", "api"])
def test_a_non_ascii_query_code_for_a_real_case_number_answers_404(county, item, channel):
    case = online_case(county, item)
    visitor = client_of()

    if channel == "page":
        response = visitor.post(reverse("cases:progress"), {"number": case.number, "code": "中文查询码"})
    elif channel == "text":
        response = visitor.get(reverse("cases:progress_text"), {"number": case.number, "code": "中文查询码"})
    else:
        response = visitor.get(f"/api/v1/progress/{case.number}", {"code": "中文查询码"})

    assert response.status_code == 404


# ==== 3. broken request bodies ===================================================================


@pytest.fixture
def submitted(county, item) -> Case:
    return online_case(county, item)


def _action_unchanged(case: Case, before: tuple[str, int]) -> None:
    case.refresh_from_db()
    assert (case.status, case.revision) == before


def test_a_json_body_over_the_request_limit_is_refused_and_nothing_written(settings, county, item, submitted, as_applicant, as_clerk):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024
    big = json.dumps(api_body(item, delivery_address="x" * 100_000))
    before, case_before = written(), (submitted.status, submitted.revision)

    filed = client_of().post(CASES, big, content_type="application/json", **as_applicant)
    refused = client_of().post(
        f"{CASES}/{submitted.number}/refuse", json.dumps({"reason": "x" * 100_000}), content_type="application/json", **as_clerk
    )

    assert filed.status_code in (400, 413) and refused.status_code in (400, 413)
    assert written() == before
    _action_unchanged(submitted, case_before)


def test_a_json_body_over_the_request_limit_answers_in_the_api_error_format(settings, county, item, as_applicant):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024

    response = client_of().post(
        CASES, json.dumps(api_body(item, delivery_address="x" * 100_000)), content_type="application/json", **as_applicant
    )

    assert_api_error(response, (400, 413))


def test_a_huge_form_field_is_refused_with_its_field_path(county, item, as_applicant):
    before = written()
    headers = as_applicant

    long_text = api_body(item, form={"business_name": "店" * 1_000_000, "area": 45})
    response = client_of().post(CASES, long_text, content_type="application/json", **headers)
    body = assert_api_error(response, 400, "application_invalid")
    assert "business_name" in body["details"]["form"]

    many_keys = api_body(item, form={"business_name": "店", "area": 45, **{f"k{i}": i for i in range(20_000)}})
    body = assert_api_error(client_of().post(CASES, many_keys, content_type="application/json", **headers), 400, "application_invalid")
    assert "k19999" in body["details"]["form"]
    assert written() == before


MALFORMED_BODIES = [
    pytest.param("{bad", id="not-json"),
    pytest.param("", id="empty"),
    pytest.param("null", id="null"),
    pytest.param("[]", id="array"),
    pytest.param('[{"item": "x"}]', id="array-of-object"),
    pytest.param('"a string"', id="string"),
    pytest.param("123", id="number"),
    pytest.param('{"item": ', id="truncated"),
    pytest.param("[" * 100_000, id="deeply-nested"),
    pytest.param('{"form":' * 50_000 + "1" + "}" * 50_000, id="deeply-nested-object"),
    pytest.param(b'{"item": "\xff\xfe"}', id="invalid-utf8"),
]


@pytest.mark.parametrize("raw", MALFORMED_BODIES)
def test_a_malformed_body_is_refused_with_a_code_and_nothing_written(county, submitted, raw, as_applicant, as_clerk):
    before, case_before = written(), (submitted.status, submitted.revision)

    filed = client_of().post(CASES, raw, content_type="application/json", **as_applicant)
    refused = client_of().post(f"{CASES}/{submitted.number}/refuse", raw, content_type="application/json", **as_clerk)

    body = assert_api_error(filed, 400)
    assert_api_error(refused, 400)
    assert body["code"] in ("invalid_json", "invalid_input"), body
    assert "Cannot parse" not in body["message"]
    assert written() == before
    _action_unchanged(submitted, case_before)


WRONG_TYPES = [
    pytest.param({"applicant": "张三"}, id="applicant-string"),
    pytest.param({"applicant": ["张三"]}, id="applicant-array"),
    pytest.param({"form": "business_name=x"}, id="form-string"),
    pytest.param({"form": [1, 2]}, id="form-array"),
    pytest.param({"materials": "M01"}, id="materials-string"),
    pytest.param({"materials": [1]}, id="material-number"),
    pytest.param({"materials": [{"code": "M01", "file": "JVBERi0="}]}, id="file-string"),
    pytest.param({"materials": [{"code": "M01", "file": {"name": "a.pdf", "content_base64": "%%%"}}]}, id="file-not-base64"),
    pytest.param({"item": 5}, id="item-number"),
    pytest.param({"item": None}, id="item-null"),
    pytest.param({"item": {"$ne": ""}}, id="item-object"),
    pytest.param({"form": {"business_name": "店", "area": "forty-five"}}, id="area-word"),
    pytest.param({"form": {"business_name": "店", "area": {"gt": 0}}}, id="area-object"),
    pytest.param({"form": {"business_name": "店", "area": "NaN"}}, id="area-nan"),
    pytest.param({"form": {"business_name": "店", "area": "-Infinity"}}, id="area-infinity"),
    pytest.param({"delivery_method": ["post"]}, id="delivery-array"),
]


@pytest.mark.parametrize("overrides", WRONG_TYPES)
def test_json_of_the_wrong_type_is_refused_with_a_code_and_nothing_written(county, item, overrides, as_applicant):
    before = written()

    response = client_of().post(CASES, api_body(item, **overrides), content_type="application/json", **as_applicant)

    assert_api_error(response, 400)
    assert written() == before


def test_a_number_with_a_huge_exponent_is_refused(county, item, as_applicant):
    before = written()

    response = client_of().post(
        CASES, api_body(item, form={"business_name": "店", "area": "1e5000"}), content_type="application/json", **as_applicant
    )

    assert_api_error(response, 400, "application_invalid")
    assert written() == before


ACTION_WRONG_TYPES = [
    pytest.param("refuse", {"reason": ["不予受理"]}, id="refuse-reason-array"),
    pytest.param("refuse", {"reason": "理由", "revision": "latest"}, id="refuse-revision-word"),
    pytest.param("refuse", {"reason": "理由", "revision": -1}, id="refuse-revision-negative"),
    pytest.param("refuse", {"reason": "x" * 2001}, id="refuse-reason-too-long"),
    pytest.param("request-correction", {"problems": ["M01"]}, id="correction-problems-array"),
    pytest.param("request-correction", {"problems": {"M01": {"$gt": ""}}}, id="correction-problem-object"),
    pytest.param("accept-with-gaps", {"gaps": "M02", "supply_by": "2026-03-05"}, id="gaps-string"),
    pytest.param("accept-with-gaps", {"gaps": ["M02"], "supply_by": "next week"}, id="supply-by-word"),
    pytest.param("accept", {"comment": {"text": "x"}}, id="accept-comment-object"),
]


@pytest.mark.parametrize(("action", "data"), ACTION_WRONG_TYPES)
def test_an_action_with_json_of_the_wrong_type_is_refused_and_the_case_unchanged(county, submitted, action, data, as_clerk):
    before, case_before = written(), (submitted.status, submitted.revision)

    response = client_of().post(f"{CASES}/{submitted.number}/{action}", data, content_type="application/json", **as_clerk)

    assert_api_error(response, 400)
    assert written() == before
    _action_unchanged(submitted, case_before)


@pytest.mark.parametrize(
    ("content_type", "raw"),
    [
        pytest.param("application/x-www-form-urlencoded", "item=x&applicant=y", id="urlencoded"),
        pytest.param(
            "multipart/form-data; boundary=BoUnDaRy",
            '--BoUnDaRy\r\nContent-Disposition: form-data; name="item"\r\n\r\nx\r\n--BoUnDaRy--\r\n',
            id="multipart",
        ),
        pytest.param("application/xml", "<case><item>x</item></case>", id="xml"),
    ],
)
def test_a_body_that_is_not_json_is_refused_with_a_code(county, submitted, as_applicant, as_clerk, content_type, raw):
    before, case_before = written(), (submitted.status, submitted.revision)

    filed = client_of().post(CASES, raw, content_type=content_type, **as_applicant)
    refused = client_of().post(f"{CASES}/{submitted.number}/refuse", raw, content_type=content_type, **as_clerk)

    assert_api_error(filed, 415, "unsupported_media_type")
    assert_api_error(refused, 415, "unsupported_media_type")
    assert written() == before
    _action_unchanged(submitted, case_before)


def test_a_real_multipart_form_where_json_is_expected_is_refused(county, item, as_applicant):
    before = written()

    response = client_of().post(CASES, {"item": item.implementation_code, "file": SimpleUploadedFile("a.pdf", PDF)}, **as_applicant)

    assert_api_error(response, 415, "unsupported_media_type")
    assert written() == before


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml"]
)
def test_json_under_another_content_type_is_refused(county, item, submitted, as_applicant, as_clerk, content_type):
    before, case_before = written(), (submitted.status, submitted.revision)

    filed = client_of().post(CASES, json.dumps(api_body(item)), content_type=content_type, **as_applicant)
    refused = client_of().post(f"{CASES}/{submitted.number}/refuse", json.dumps({"reason": "理由"}), content_type=content_type, **as_clerk)

    assert_api_error(filed, 415, "unsupported_media_type")
    assert_api_error(refused, 415, "unsupported_media_type")
    assert written() == before
    _action_unchanged(submitted, case_before)


def test_a_cross_site_text_plain_post_with_the_session_but_no_csrf_token_writes_nothing(county, item):
    """A form on another site can send text/plain with the victim's cookie; the CSRF check must stop it."""
    browser = Client(enforce_csrf_checks=True, raise_request_exception=False)
    browser.force_login(county.applicant)
    before = written()

    response = browser.post(CASES, json.dumps(api_body(item)), content_type="text/plain")

    assert response.status_code in (401, 403)
    assert written() == before


@pytest.mark.parametrize(
    "overrides",
    [
        pytest.param({"applicant": {"kind": "person", "name": "张\x00三", "id_number": PERSON_ID, "phone": "13800000001"}}, id="name"),
        pytest.param({"form": {"business_name": "小吃\x00店", "area": 45}}, id="form-text"),
        pytest.param({"delivery_method": "post", "delivery_address": "人民路\x0088号"}, id="address"),
    ],
)
def test_a_nul_character_in_a_json_string_is_refused(county, item, overrides, as_applicant):
    before = written()

    response = client_of().post(CASES, api_body(item, **overrides), content_type="application/json", **as_applicant)

    assert_api_error(response, 400)
    assert written() == before


def test_a_nul_character_in_an_action_reason_is_refused(county, submitted, as_clerk):
    before, case_before = written(), (submitted.status, submitted.revision)

    response = client_of().post(
        f"{CASES}/{submitted.number}/refuse", {"reason": "不予\x00受理"}, content_type="application/json", **as_clerk
    )

    assert_api_error(response, 400)
    assert written() == before
    _action_unchanged(submitted, case_before)


# ==== 4. uploads =================================================================================


@pytest.fixture
def media_root(settings, tmp_path) -> Path:
    """Uploads go to a real directory, so that a file written outside it would show."""
    root = tmp_path / "media"
    root.mkdir()
    settings.MEDIA_ROOT = str(root)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(root)}},
    }
    return root


def files_under(path: Path) -> set[Path]:
    return {p for p in path.rglob("*") if p.is_file()}


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def zip_bomb() -> bytes:
    """A .docx that is 20 KB on the wire and 20 MB unpacked (ratio about 1000)."""
    return zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\0" * 20_000_000})


EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64 + b"This program cannot be run in DOS mode."
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64
HTML = b"<!doctype html><html><script>window.__xss=1</script></html>"
SVG_FILE = b'<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=1"/>'

REFUSED_UPLOADS = [
    pytest.param("申请书.docx", zip_bomb(), "upload_archive_bomb", id="zip-bomb-docx"),
    pytest.param("申请书.pdf", EXECUTABLE, "upload_type_not_allowed", id="exe-named-pdf"),
    pytest.param("申请书.pdf", ELF, "upload_type_not_allowed", id="elf-named-pdf"),
    pytest.param("申请书.pdf", HTML, "upload_type_not_allowed", id="html-named-pdf"),
    pytest.param("申请书.png", SVG_FILE, "upload_type_not_allowed", id="svg-named-png"),
    pytest.param("申请书.docx", zip_bytes({"payload.exe": EXECUTABLE}), "upload_type_not_allowed", id="zip-named-docx"),
    pytest.param("申请书.docx", b"PK\x03\x04" + b"\x00" * 60, "upload_corrupt", id="broken-zip"),
    pytest.param("申请书.exe", PDF, "upload_type_mismatch", id="pdf-named-exe"),
    pytest.param("../../etc/passwd", PDF, "upload_type_mismatch", id="traversal-no-extension"),
    pytest.param("申请书.pdf", b"", "upload_empty", id="empty"),
]


@pytest.fixture
def correction_case(county, item) -> Case:
    """The applicant's online case sent back for correction of M01: the applicant may upload M01 again."""
    case = online_case(county, item)
    return services.case_request_correction(actor=county.clerk, case=case, problems={"M01": "请签字"})


def _m01(case: Case) -> tuple[str, str]:
    material = case.materials.get(code="M01")
    return material.file.name, material.sha256


@pytest.mark.parametrize(("name", "data", "code"), REFUSED_UPLOADS)
def test_the_api_refuses_a_hostile_upload_and_stores_nothing(media_root, county, correction_case, name, data, code, as_applicant):
    before, stored, files = written(), _m01(correction_case), files_under(media_root.parent)

    response = client_of().post(
        f"{CASES}/{correction_case.number}/materials",
        {"code": "M01", "file": SimpleUploadedFile(name, data, content_type="application/pdf")},
        **as_applicant,
    )

    assert_api_error(response, 400, code)
    assert written() == before and _m01(correction_case) == stored
    assert files_under(media_root.parent) == files


@pytest.mark.parametrize(("name", "data", "code"), REFUSED_UPLOADS)
def test_inline_hostile_files_are_refused_and_nothing_written(media_root, county, item, name, data, code, as_applicant):
    before, files = written(), files_under(media_root.parent)
    body = api_body(item)
    body["materials"][0] = {"code": "M01", "file": {"name": name, "content_base64": base64.b64encode(data).decode()}}

    response = client_of().post(CASES, body, content_type="application/json", **as_applicant)

    result = assert_api_error(response, 400, code)
    assert "M01" in result["details"]["materials"]
    assert written() == before and files_under(media_root.parent) == files


def test_an_upload_over_the_size_limit_is_refused(settings, media_root, county, correction_case, as_applicant):
    settings.CASE_UPLOAD_MAX_BYTES = 1024
    before, stored = written(), _m01(correction_case)

    response = client_of().post(
        f"{CASES}/{correction_case.number}/materials",
        {"code": "M01", "file": SimpleUploadedFile("申请书.pdf", PDF + b"\0" * 2048)},
        **as_applicant,
    )

    assert_api_error(response, 400, "upload_too_large")
    assert written() == before and _m01(correction_case) == stored


PATH_LIKE_NAMES = [
    pytest.param("../../../../tmp/evil.pdf", "evil.pdf", id="dot-dot-slash"),
    pytest.param("..\\..\\x.pdf", "x.pdf", id="dot-dot-backslash"),
    pytest.param("/etc/cron.d/evil.pdf", "evil.pdf", id="absolute"),
    pytest.param("C:\\Windows\\evil.pdf", "evil.pdf", id="windows-absolute"),
    pytest.param("申请书\x00.exe.pdf", "申请书.exe.pdf", id="nul"),
    pytest.param("\u202efdp.exe.pdf", "fdp.exe.pdf", id="right-to-left-override"),
    pytest.param("a" * 300 + ".pdf", "a" * 116 + ".pdf", id="300-characters"),
    pytest.param(SCRIPT + ".pdf", "script>.pdf", id="markup"),  # </script> holds a slash
]


@pytest.mark.parametrize(("name", "kept"), PATH_LIKE_NAMES)
def test_a_path_like_file_name_is_cut_to_its_last_part_and_stored_inside_the_media_root(
    media_root, county, correction_case, name, kept, as_applicant
):
    outside = files_under(media_root.parent) - files_under(media_root)

    response = client_of().post(
        f"{CASES}/{correction_case.number}/materials",
        {"code": "M01", "file": SimpleUploadedFile(name, PDF, content_type="application/pdf")},
        **as_applicant,
    )

    assert response.status_code == 200, response.content[:300]
    assert response.json()["original_name"] == kept
    material = correction_case.materials.get(code="M01")
    stored = Path(material.file.path).resolve()
    assert stored.is_relative_to(media_root.resolve()) and stored.read_bytes() == PDF
    assert material.file.name.startswith("cases/materials/") and ".." not in material.file.name and "\x00" not in material.file.name
    assert files_under(media_root.parent) - files_under(media_root) == outside  # nothing written beside the root


def test_a_stored_file_is_served_as_its_checked_type_never_sniffed(media_root, county, correction_case, as_applicant):
    polyglot = PDF + HTML  # a real PDF header with markup after it
    client_of().post(
        f"{CASES}/{correction_case.number}/materials",
        {"code": "M01", "file": SimpleUploadedFile(SCRIPT + ".pdf", polyglot, content_type="text/html")},
        **as_applicant,
    )

    response = client_of(county.clerk).get(reverse("cases:material_file", args=[correction_case.number, "M01"]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "<script>" not in response["Content-Disposition"]


@pytest.mark.parametrize(("name", "data", "code"), REFUSED_UPLOADS[:5])
def test_the_portal_refuses_a_hostile_upload_next_to_the_material(media_root, county, correction_case, name, data, code):
    before, stored, files = written(), _m01(correction_case), files_under(media_root.parent)
    applicant = client_of(county.applicant)

    response = applicant.post(
        reverse("cases:my_case_material", args=[correction_case.number, "M01"]), {"file": SimpleUploadedFile(name, data)}
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="errorlist' in html and live_markup(html) == []
    assert written() == before and _m01(correction_case) == stored
    assert files_under(media_root.parent) == files


def test_the_portal_keeps_a_path_like_name_inside_the_media_root(media_root, county, correction_case):
    applicant = client_of(county.applicant)

    response = applicant.post(
        reverse("cases:my_case_material", args=[correction_case.number, "M01"]), {"file": SimpleUploadedFile("../../../etc/evil.pdf", PDF)}
    )

    assert response.status_code == 302
    material = correction_case.materials.get(code="M01")
    assert material.original_name == "evil.pdf"
    assert Path(material.file.path).resolve().is_relative_to(media_root.resolve())
    assert not (media_root.parent / "etc").exists()
    page = html_of(applicant.get(reverse("cases:my_case", args=[correction_case.number])))
    assert live_markup(page) == []


def test_a_hostile_file_name_is_shown_escaped_on_the_case_pages(media_root, county, correction_case, as_applicant):
    name = IMG + ".pdf"
    client_of().post(
        f"{CASES}/{correction_case.number}/materials",
        {"code": "M01", "file": SimpleUploadedFile(name, PDF)},
        **as_applicant,
    )
    kept = correction_case.materials.get(code="M01").original_name
    assert kept == name

    for client, page in (
        (client_of(county.applicant), reverse("cases:my_case", args=[correction_case.number])),
        (client_of(county.clerk), reverse("cases:case", args=[correction_case.number])),
    ):
        html = html_of(client.get(page))
        assert live_markup(html) == []
        assert escape(kept) in html
    assert correction_case.status == CaseStatus.CORRECTION_REQUESTED
