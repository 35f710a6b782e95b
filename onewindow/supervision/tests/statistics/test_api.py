"""/api/v1/supervision/summary and /statistics as a supervisor, the department, another department,
another county and anonymous; errors with machine codes; bounded queries."""

import pytest

from onewindow.accounts.choices import Role
from onewindow.accounts.tests.factories import staff
from onewindow.cases.tests.test_api import bearer
from onewindow.orgs.tests.factories import CountyFactory
from onewindow.supervision.tests.statistics.support import on

pytestmark = pytest.mark.django_db

API = "/api/v1/supervision"
NOVEMBER = {"from": "2026-11-01", "to": "2026-11-30"}


def get(client, path, user=None, **params):
    headers = user if isinstance(user, dict) else (bearer(user) if user is not None else {})
    with on("2026-11-20", 10):
        return client.get(f"{API}{path}", params, **headers)


def test_the_summary_of_a_supervisors_region(client, history):
    p = history.people
    response = get(client, "/summary", p.supervisor, region=p.region.code, **NOVEMBER)
    body = response.json()
    assert response.status_code == 200
    assert (body["from"], body["to"]) == ("2026-11-01", "2026-11-30")
    figures = ("received", "concluded", "on_time_rate", "yellow", "red", "satisfaction_rate", "bad_reviews", "rectified_rate")
    assert {k: body[k] for k in figures} == {
        "received": 10,
        "concluded": 7,
        "on_time_rate": 0.75,
        "yellow": 0,
        "red": 0,
        "satisfaction_rate": 0.6667,
        "bad_reviews": 1,
        "rectified_rate": 1.0,
    }
    assert (body["saved_days"], body["overdue_days"], body["late"], body["online_share"]) == (28, 2, 1, 0.1)
    assert body["refreshed_at"] is not None


def test_the_summary_defaults_to_this_month_and_follows_the_users_reach(client, history):
    p = history.people
    assert get(client, "/summary", p.reviewer).json()["received"] == 9  # 11-01 … 11-20
    assert get(client, "/summary", p.other_reviewer).json()["received"] == 1
    assert get(client, "/summary", p.supervisor, department=p.other_department.pk).json()["received"] == 1
    assert get(client, "/summary", p.reviewer, item=history.items["tight"].pk).json()["received"] == 1
    with on("2026-11-20"):
        client.force_login(p.supervisor)
        assert client.get(f"{API}/summary").json()["received"] == 10  # the page session works too


def test_outside_the_reach_anonymous_and_non_staff_are_refused_with_codes(client, history):
    p = history.people
    elsewhere = staff(Role.SUPERVISOR, region=CountyFactory(code="990197"))
    cases = [
        (get(client, "/summary", None), 401, "not_authenticated"),
        (get(client, "/summary", p.applicant), 403, "statistics_forbidden"),
        (get(client, "/summary", p.clerk), 403, "statistics_forbidden"),
        (get(client, "/summary", elsewhere, region=p.region.code), 403, "statistics_scope_forbidden"),
        (get(client, "/summary", p.other_reviewer, department=p.department.pk), 403, "statistics_scope_forbidden"),
        (get(client, "/statistics", elsewhere, department=p.department.pk), 403, "statistics_scope_forbidden"),
        (get(client, "/summary", p.supervisor, region="000000"), 404, "region_not_found"),
        (get(client, "/summary", p.supervisor, **{"from": "2026-13-01"}), 400, "period_invalid"),
        (get(client, "/summary", p.supervisor, **{"from": "2026-11-10", "to": "2026-11-01"}), 400, "period_invalid"),
        (get(client, "/statistics", p.supervisor, group="window"), 400, "group_invalid"),
        (get(client, "/summary", p.supervisor, department="x"), 400, "invalid_input"),
    ]
    for response, status, code in cases:
        assert (response.status_code, response.json()["code"]) == (status, code)
        assert response.json()["message"]


def test_statistics_rows_by_group(client, history):
    p = history.people
    by_department = get(client, "/statistics", p.supervisor, group="department", **NOVEMBER).json()
    assert [(r["name"], r["received"], r["satisfaction_rate"]) for r in by_department["rows"]] == [
        ("市场监督管理局", 9, 0.6667),
        ("卫生健康局", 1, None),
    ]
    by_item = get(client, "/statistics", p.reviewer, group="item", **NOVEMBER).json()
    assert {r["id"] for r in by_item["rows"]} == {v.pk for k, v in history.items.items() if k != "other"}
    by_staff = get(client, "/statistics", p.other_reviewer, group="staff", **NOVEMBER).json()
    assert [(r["name"], r["accepted"]) for r in by_staff["rows"]] == [("王窗口", 1)]
    assert by_staff["group"] == "staff" and by_staff["from"] == "2026-11-01"


def test_the_summary_reads_a_bounded_number_of_queries(client, history, django_assert_max_num_queries):
    token = bearer(history.people.supervisor)
    with django_assert_max_num_queries(10):  # token, user, roles; three parts (days, month, days), cards, last refresh
        assert get(client, "/summary", token, **{"from": "2026-10-15", "to": "2026-12-10"}).status_code == 200
    with django_assert_max_num_queries(10):
        assert get(client, "/statistics", token, group="item", **NOVEMBER).status_code == 200


@pytest.mark.parametrize("period", [("9999-12-01", "9999-12-31"), ("9999-12-15", "9999-12-20"), ("2026-11-01", "9999-12-31")])
def test_a_period_in_the_calendars_last_year_is_a_400_not_a_500(client, history, period):
    for path in ("/summary", "/statistics"):
        response = get(client, path, history.people.supervisor, **{"from": period[0], "to": period[1]})
        assert (response.status_code, response.json()["code"]) == (400, "period_invalid")
