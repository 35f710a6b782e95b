"""The public working-day API at /api/v1/workdays/."""

import pytest

from onewindow.workdays.tests.factories import YearScheduleFactory

pytestmark = pytest.mark.django_db

ADD = "/api/v1/workdays/add"
BETWEEN = "/api/v1/workdays/between"
DAY = "/api/v1/workdays/day"


class TestAdd:
    def test_2026_due_date(self, client):
        response = client.get(ADD, {"start": "2026-02-12", "days": "3"})
        assert response.status_code == 200
        assert response.json() == {"start": "2026-02-12", "days": 3, "due": "2026-02-24", "provisional": False}

    def test_2027_is_provisional(self, client):
        response = client.get(ADD, {"start": "2027-09-29", "days": "2"})
        assert response.json() == {"start": "2027-09-29", "days": 2, "due": "2027-10-04", "provisional": True}

    def test_2027_entered_is_not_provisional(self, client):
        YearScheduleFactory(year=2027)
        assert client.get(ADD, {"start": "2027-09-29", "days": "2"}).json()["provisional"] is False

    def test_counting_back_and_zero(self, client):
        assert client.get(ADD, {"start": "2026-10-08", "days": "-1"}).json()["due"] == "2026-09-30"
        assert client.get(ADD, {"start": "2026-10-03", "days": "0"}).json()["due"] == "2026-10-03"

    def test_needs_no_login_and_answers_logged_in_staff_the_same(self, client, reviewer):
        anonymous = client.get(ADD, {"start": "2026-09-29", "days": "3"}).json()
        client.force_login(reviewer)
        assert (
            client.get(ADD, {"start": "2026-09-29", "days": "3"}).json()
            == anonymous
            == {
                "start": "2026-09-29",
                "days": 3,
                "due": "2026-10-09",
                "provisional": False,
            }
        )

    @pytest.mark.parametrize(
        "params",
        [
            {"start": "2026-13-01", "days": "3"},
            {"start": "abc", "days": "3"},
            {"days": "3"},
            {"start": "", "days": "3"},
            {"start": "2026-02-30", "days": "3"},
            {"start": "20260212", "days": "3"},
        ],
    )
    def test_bad_start(self, client, params):
        response = client.get(ADD, params)
        assert response.status_code == 400
        body = response.json()
        assert body["code"] == "invalid_date"
        assert "start" in body["message"]
        assert "YYYY-MM-DD" in body["message"]
        assert body["details"] == {"field": "start"}

    @pytest.mark.parametrize("days", ["3651", "-3651", "abc", "", "1.5", None])
    def test_bad_days(self, client, days):
        params = {"start": "2026-02-12"} | ({"days": days} if days is not None else {})
        response = client.get(ADD, params)
        assert response.status_code == 400
        assert response.json()["code"] == "invalid_days"
        assert "整数" in response.json()["message"]

    def test_limits_are_allowed(self, client):
        assert client.get(ADD, {"start": "2026-02-12", "days": "3650"}).status_code == 200
        assert client.get(ADD, {"start": "2026-02-12", "days": "-3650"}).status_code == 200

    def test_beyond_the_last_date(self, client):
        response = client.get(ADD, {"start": "9999-12-30", "days": "5"})
        assert response.status_code == 400
        assert response.json()["code"] == "date_out_of_range"


class TestBetween:
    def test_2026(self, client):
        response = client.get(BETWEEN, {"start": "2026-02-12", "end": "2026-02-24"})
        assert response.status_code == 200
        assert response.json() == {"start": "2026-02-12", "end": "2026-02-24", "workdays": 3, "provisional": False}

    def test_into_2027_is_provisional(self, client):
        body = client.get(BETWEEN, {"start": "2026-12-30", "end": "2027-01-04"}).json()
        assert body == {"start": "2026-12-30", "end": "2027-01-04", "workdays": 2, "provisional": True}

    def test_end_before_start_is_zero(self, client):
        assert client.get(BETWEEN, {"start": "2026-03-10", "end": "2026-03-01"}).json()["workdays"] == 0

    @pytest.mark.parametrize(("params", "field"), [({"start": "2026-03-10"}, "end"), ({"start": "x", "end": "2026-03-01"}, "start")])
    def test_bad_dates(self, client, params, field):
        response = client.get(BETWEEN, params)
        assert response.status_code == 400
        assert response.json()["code"] == "invalid_date"
        assert response.json()["details"] == {"field": field}

    def test_span_is_bounded(self, client):
        response = client.get(BETWEEN, {"start": "2000-01-01", "end": "2030-01-01"})
        assert response.status_code == 400
        assert response.json()["code"] == "range_too_long"


class TestDay:
    def test_holiday(self, client):
        body = client.get(DAY, {"date": "2026-10-01"}).json()
        assert body == {"date": "2026-10-01", "workday": False, "provisional": False, "name": "国庆节"}

    def test_make_up_day(self, client):
        body = client.get(DAY, {"date": "2026-02-14"}).json()
        assert body == {"date": "2026-02-14", "workday": True, "provisional": False, "name": "春节"}

    def test_provisional(self, client):
        body = client.get(DAY, {"date": "2027-10-01"}).json()
        assert body == {"date": "2027-10-01", "workday": False, "provisional": True, "name": "国庆节"}

    def test_bad_date(self, client):
        response = client.get(DAY, {"date": "2026-13-01"})
        assert response.status_code == 400
        assert response.json()["code"] == "invalid_date"


def test_the_schema_documents_the_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {ADD, BETWEEN, DAY} <= set(paths)
    assert "400" in paths[ADD]["get"]["responses"]
