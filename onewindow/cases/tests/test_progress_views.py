"""The public progress query: by case number and query code, no login, masked, rate-limited."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse

from onewindow.cases import services
from onewindow.cases.choices import DocumentState
from onewindow.cases.models import Case
from onewindow.cases.tests.factories import PERSON_ID, County, gap_supply_date, online_case
from onewindow.catalog.models import ServiceItem

pytestmark = pytest.mark.django_db

NOT_FOUND = "办件编号或查询码不正确,请核对后重新输入。"
TOO_MANY = "查询过于频繁,请一分钟后再试。"
MONDAY = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


@pytest.fixture(autouse=True)
def fresh_cache():
    """The rate limit counts in Django's cache (locmem in tests): every test starts at zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def accepted(county: County, item: ServiceItem) -> Case:
    """An online case, accepted with its floor plan as a gap; the acceptance notice is ready."""
    with time_machine.travel(MONDAY, tick=False):
        case = online_case(county, item)
        case = services.case_accept_with_gaps(actor=county.clerk, case=case, gaps=["M02"], supply_by=gap_supply_date())
    case.documents.update(state=DocumentState.READY)
    return case


def look_up(client, number: str, code: str, **extra):  # type: ignore[no-untyped-def]
    return client.post(reverse("cases:progress"), {"number": number, "code": code}, **extra)


def test_the_form_needs_no_login(client):
    response = client.get(reverse("cases:progress"))
    assert response.status_code == 200
    assert 'name="number"' in response.text and 'name="code"' in response.text


def test_the_right_pair_shows_every_step_masked(client, county: County, accepted: Case):
    response = look_up(client, accepted.number, accepted.query_code)
    assert response.status_code == 200
    text = response.text
    assert accepted.item_name in text and "已受理" in text
    # Every step: time, action, unit, handler.
    assert "2026-03-02 09:00" in text
    assert "提交申请" in text and "容缺受理" in text
    assert county.department.name in text and "王窗口" in text
    # The promised date: 10 working days after Monday 2 March 2026.
    assert "2026-03-16" in text
    # Personal data is masked: the applicant's name (also as the submitting handler), no ID number or phone.
    assert "张*" in text
    assert "张三" not in text and PERSON_ID not in text and accepted.applicant_phone not in text
    # The document, with its verification link.
    document = accepted.documents.get()
    assert document.number in text and "受理通知书" in text
    assert reverse("cases:document_verify", args=[document.verification_code]) in text


def test_documents_not_yet_rendered_are_not_offered_for_verification(client, accepted: Case):
    accepted.documents.update(state=DocumentState.PENDING)
    response = look_up(client, accepted.number, accepted.query_code)
    assert response.status_code == 200
    assert reverse("cases:document_verify", args=[accepted.documents.get().verification_code]) not in response.text


def test_a_wrong_pair_gets_the_same_neutral_answer(client, accepted: Case):
    wrong_code = "0" * 8 if accepted.query_code != "0" * 8 else "1" * 8
    wrong_code_response = look_up(client, accepted.number, wrong_code)
    unknown_number_response = look_up(client, "99999920260101000001", accepted.query_code)
    for response in (wrong_code_response, unknown_number_response):
        assert response.status_code == 404
        assert NOT_FOUND in response.text
        assert accepted.item_name not in response.text
    assert wrong_code_response.context["error"] == unknown_number_response.context["error"]


def test_an_empty_query_asks_for_both_fields(client):
    response = look_up(client, "", "")
    assert response.status_code == 400
    assert response.context["form"].errors.keys() == {"number", "code"}


def test_plain_text_for_sms_and_the_hotline(client, county: County, accepted: Case):
    response = client.get(reverse("cases:progress_text"), {"number": accepted.number, "code": accepted.query_code})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode("utf-8")
    assert f"办件编号:{accepted.number}" in text
    assert "当前状态:已受理" in text and "承诺办结:2026-03-16" in text
    assert "申请人:张*" in text and "张三" not in text and PERSON_ID not in text
    assert "王窗口" in text
    document = accepted.documents.get()
    assert reverse("cases:document_verify", args=[document.verification_code]) in text
    # Short lines, read out on the phone or sent as SMS (the verification address aside).
    assert all(len(line) <= 40 for line in text.splitlines() if "核验" not in line)


def test_plain_text_wrong_pair(client, accepted: Case):
    response = client.get(reverse("cases:progress_text"), {"number": accepted.number, "code": "x"})
    assert response.status_code == 404
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode("utf-8").strip() == NOT_FOUND
    assert client.get(reverse("cases:progress_text")).status_code == 404


def test_progress_is_rate_limited_per_address(client, accepted: Case):
    with time_machine.travel(MONDAY + dt.timedelta(hours=1), tick=False):
        for _ in range(30):
            assert look_up(client, accepted.number, "wrong").status_code == 404
        response = look_up(client, accepted.number, accepted.query_code)
        assert response.status_code == 429
        assert TOO_MANY in response.text and accepted.item_name not in response.text
        text = client.get(reverse("cases:progress_text"), {"number": accepted.number, "code": accepted.query_code})
        assert text.status_code == 429 and text.content.decode("utf-8").strip() == TOO_MANY
        # Another address is counted on its own.
        other = look_up(client, accepted.number, accepted.query_code, REMOTE_ADDR="10.0.0.2")
        assert other.status_code == 200
    # The next minute starts afresh.
    with time_machine.travel(MONDAY + dt.timedelta(hours=1, minutes=1), tick=False):
        assert look_up(client, accepted.number, accepted.query_code).status_code == 200


def test_navigation_links_to_progress_and_my_pages(client, county: County):
    home = client.get(reverse("portal:home"))
    assert reverse("cases:progress") in home.text
    assert reverse("cases:my_cases") not in home.text
    client.force_login(county.applicant)
    home = client.get(reverse("portal:home"))
    assert reverse("cases:my_cases") in home.text and reverse("notifications:inbox") in home.text
