"""/api/v1/supervision: cards and orders as a supervisor, the department, another department and anonymous."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from onewindow.cases.tests.test_api import bearer
from onewindow.supervision.models import Card, SupervisionOrder
from onewindow.supervision.tests.support import at, scan, submitted_on, timer

pytestmark = pytest.mark.django_db

API = "/api/v1/supervision"


@pytest.fixture
def red(county, item):
    """Two unanswered submissions past their reply date: red cards and orders."""
    cases = [submitted_on(county, item, "2026-09-28") for _ in range(2)]
    scan(timer(cases[0]).due_on + dt.timedelta(days=1))
    return cases


def test_cards_by_colour_in_the_users_reach(client, county, red):
    with time_machine.travel(at("2026-10-12"), tick=False):
        mine = client.get(f"{API}/cards", {"color": "red", "open": "false"}, **bearer(county.supervisor)).json()
        department = client.get(f"{API}/cards", {"open": "false"}, **bearer(county.reviewer)).json()
        other = client.get(f"{API}/cards", {"open": "false"}, **bearer(county.other_reviewer)).json()

    assert {row["subject"]["case_number"] for row in mine["items"]} == {c.number for c in red}
    row = mine["items"][0]
    assert (row["color"], row["kind"], row["kind_label"], row["department"]["name"]) == (
        "red",
        "case_acceptance",
        "受理答复",
        "市场监督管理局",
    )
    assert row["cleared_at"] and row["clear_reason"] == "met_late"
    assert len(department["items"]) >= 2 and other["items"] == []


def test_bad_filters_are_400_and_anonymous_is_401(client, county):
    assert client.get(f"{API}/cards", {"color": "blue"}, **bearer(county.supervisor)).json()["code"] == "color_invalid"
    assert client.get(f"{API}/orders", {"status": "x"}, **bearer(county.supervisor)).json()["code"] == "status_invalid"
    assert client.get(f"{API}/cards").status_code == 401
    assert client.get(f"{API}/orders").status_code == 401


def test_card_list_query_count_does_not_grow_with_rows(client, county, item, django_assert_max_num_queries):
    submitted_on(county, item, "2026-09-28")
    scan("2026-10-12")
    scan("2026-10-13")  # cards on cases, their stages and the orders' reply timers: every subject model
    headers = bearer(county.supervisor)
    client.get(f"{API}/cards", {"open": "false"}, **headers)
    with CaptureQueriesContext(connection) as few:
        client.get(f"{API}/cards", {"open": "false"}, **headers)
    for _ in range(4):
        submitted_on(county, item, "2026-09-28")
    scan("2026-10-12")
    scan("2026-10-13")
    with django_assert_max_num_queries(len(few)):
        response = client.get(f"{API}/cards", {"open": "false"}, **headers)
    assert len(response.json()["items"]) > 3


def test_the_order_cycle_through_the_api(client, county, red):
    number = SupervisionOrder.objects.order_by("id").first().number
    with time_machine.travel(at("2026-10-12", 10), tick=False):
        seen = client.get(f"{API}/orders/{number}", **bearer(county.chief)).json()
        assert (seen["status"], seen["automatic"], seen["actions"]) == ("open", True, ["reply"])
        replied = client.post(
            f"{API}/orders/{number}/reply",
            {"text": "已整改", "revision": seen["revision"]},
            content_type="application/json",
            **bearer(county.chief),
        ).json()
        stale = client.post(
            f"{API}/orders/{number}/return",
            {"text": "再说明", "revision": seen["revision"]},
            content_type="application/json",
            **bearer(county.supervisor),
        )
        closed = client.post(
            f"{API}/orders/{number}/close",
            {"text": "同意", "revision": replied["revision"]},
            content_type="application/json",
            **bearer(county.supervisor),
        )
        again = client.post(f"{API}/orders/{number}/close", {}, content_type="application/json", **bearer(county.supervisor))

    assert (replied["status"], replied["reply"], replied["replied_at"][:10]) == ("replied", "已整改", "2026-10-12")
    assert (stale.status_code, stale.json()["code"]) == (409, "order_stale")
    assert (closed.status_code, closed.json()["status"], closed.json()["actions"]) == (200, "closed", [])
    assert (again.status_code, again.json()["code"]) == (409, "order_transition_forbidden")


def test_the_permission_triple_on_an_order(client, county, red):
    number = SupervisionOrder.objects.order_by("id").first().number
    body = {"text": "答复"}
    other = client.post(f"{API}/orders/{number}/reply", body, content_type="application/json", **bearer(county.other_decider))
    reviewer = client.post(f"{API}/orders/{number}/reply", body, content_type="application/json", **bearer(county.reviewer))
    anonymous = client.post(f"{API}/orders/{number}/reply", body, content_type="application/json")

    assert (other.status_code, other.json()["code"]) == (404, "order_not_found")
    assert (reviewer.status_code, reviewer.json()["code"]) == (403, "order_forbidden")
    assert anonymous.status_code == 401
    assert SupervisionOrder.objects.get(number=number).status == "open"


def test_a_supervisor_opens_an_order_on_a_case_or_a_card(client, county, item):
    case = submitted_on(county, item, "2026-09-28")
    scan(timer(case).warn_on)
    card = Card.objects.get()
    headers = bearer(county.supervisor)
    with time_machine.travel(at(timer(case).warn_on, 10), tick=False):
        on_case = client.post(f"{API}/orders", {"case": case.number, "reason": "群众反映"}, content_type="application/json", **headers)
        on_card = client.post(f"{API}/orders", {"card": card.pk, "reason": "即将超时"}, content_type="application/json", **headers)
        both = client.post(
            f"{API}/orders", {"card": card.pk, "case": case.number, "reason": "x"}, content_type="application/json", **headers
        )
        by_department = client.post(
            f"{API}/orders", {"case": case.number, "reason": "x"}, content_type="application/json", **bearer(county.chief)
        )
        unknown = client.post(f"{API}/orders", {"case": "NOPE", "reason": "x"}, content_type="application/json", **headers)

    assert on_case.status_code == 201 and on_case.json()["subject"]["case_number"] == case.number
    assert on_card.status_code == 201 and on_card.json()["automatic"] is False
    assert (both.status_code, both.json()["code"]) == (400, "order_subject_invalid")
    assert by_department.status_code in (403, 409)
    assert (unknown.status_code, unknown.json()["code"]) == (404, "case_not_found")
