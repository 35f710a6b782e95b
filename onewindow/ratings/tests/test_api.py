"""The ratings and complaints API: each endpoint as the right user (bearer token or session), a user of
another department, and an anonymous caller; errors with machine codes; cursor pages; query counts."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from onewindow.accounts.services import token_create
from onewindow.ratings.choices import ComplaintState, RectificationState
from onewindow.ratings.models import Complaint, Rating
from onewindow.ratings.tests.factories import bad_review, complaint_in, delivered_case, rate, rectification_in

pytestmark = pytest.mark.django_db

R = RectificationState


def bearer(user) -> dict[str, str]:
    _token, plain = token_create(actor=user, user=user, name="集成")
    return {"Authorization": f"Bearer {plain}"}


# POST/GET /cases/{number}/rating -------------------------------------------------------------------------


def test_the_applicant_rates_by_api(client, people, item):
    case = delivered_case(people, item)
    response = client.post(
        f"/api/v1/cases/{case.number}/rating",
        {"level": 1, "tags": ["服务态度差"], "comment": "态度不好"},
        content_type="application/json",
        headers=bearer(people.applicant),
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["case_number"], body["level"], body["level_label"], body["is_bad"], body["channel"]) == (
        case.number,
        1,
        "非常不满意",
        True,
        "api",
    )
    assert body["rectification_state"] == "pending_follow_up"
    again = client.post(
        f"/api/v1/cases/{case.number}/rating", {"level": 5}, content_type="application/json", headers=bearer(people.applicant)
    )
    assert again.status_code == 409 and again.json()["code"] == "rating_exists"
    read = client.get(f"/api/v1/cases/{case.number}/rating", headers=bearer(people.applicant))
    assert read.status_code == 200 and read.json()["id"] == body["id"]


def test_staff_who_see_the_case_are_refused_with_403(client, people, item):
    case = delivered_case(people, item)
    response = client.post(
        f"/api/v1/cases/{case.number}/rating", {"level": 5}, content_type="application/json", headers=bearer(people.reviewer)
    )
    assert response.status_code == 403 and response.json()["code"] == "rating_not_applicant"


def test_another_departments_user_gets_a_404(client, people, item):
    case = delivered_case(people, item)
    client.force_login(people.other_reviewer)
    response = client.post(f"/api/v1/cases/{case.number}/rating", {"level": 5}, content_type="application/json")
    assert response.status_code == 404 and response.json()["code"] == "case_not_found"
    assert not Rating.objects.exists()


def test_anonymous_callers_get_a_401(client, people, item):
    case = delivered_case(people, item)
    response = client.post(f"/api/v1/cases/{case.number}/rating", {"level": 5}, content_type="application/json")
    assert response.status_code == 401 and response.json()["code"] == "not_authenticated"
    assert client.get(f"/api/v1/cases/{case.number}/rating").status_code == 401


def test_bad_input_and_early_ratings_have_machine_codes(client, people, item):
    case = delivered_case(people, item)
    headers = bearer(people.applicant)
    out_of_range = client.post(f"/api/v1/cases/{case.number}/rating", {"level": 6}, content_type="application/json", headers=headers)
    assert out_of_range.status_code == 400 and out_of_range.json()["code"] == "invalid_input"
    no_reason = client.post(f"/api/v1/cases/{case.number}/rating", {"level": 2}, content_type="application/json", headers=headers)
    assert no_reason.status_code == 400 and no_reason.json()["code"] == "rating_reason_required"
    early = delivered_case(people, item, status="accepted")
    response = client.post(f"/api/v1/cases/{early.number}/rating", {"level": 5}, content_type="application/json", headers=headers)
    assert response.status_code == 409 and response.json()["code"] == "rating_not_delivered"


# /rectifications ---------------------------------------------------------------------------------------


def test_staff_list_the_bad_reviews_of_their_jurisdiction(client, people, item, django_assert_max_num_queries):
    rectifications = [bad_review(people, item) for _ in range(3)]
    headers = bearer(people.admin)
    with django_assert_max_num_queries(8) as captured:
        first = client.get("/api/v1/rectifications?limit=2", headers=headers)
    queries = len(captured)
    assert first.status_code == 200
    body = first.json()
    assert [row["id"] for row in body["items"]] == [rectifications[2].pk, rectifications[1].pk]
    assert body["items"][0]["color"] in ("green", "yellow", "red") and body["next_cursor"]
    second = client.get(f"/api/v1/rectifications?limit=2&cursor={body['next_cursor']}", headers=headers)
    assert [row["id"] for row in second.json()["items"]] == [rectifications[0].pk] and second.json()["next_cursor"] is None
    for _ in range(3):
        bad_review(people, item)
    with django_assert_max_num_queries(queries):
        assert client.get("/api/v1/rectifications?limit=5", headers=headers).status_code == 200


def test_the_state_filter(client, people, item):
    followed = rectification_in(R.FOLLOWED_UP, people, item)
    bad_review(people, item)
    response = client.get("/api/v1/rectifications?state=followed_up", headers=bearer(people.supervisor))
    assert [row["id"] for row in response.json()["items"]] == [followed.pk]
    invalid = client.get("/api/v1/rectifications?state=nonsense", headers=bearer(people.supervisor))
    assert invalid.status_code == 400 and invalid.json()["code"] == "state_invalid"


def test_another_department_lists_none_and_reads_none(client, people, item):
    rectification = bad_review(people, item)
    headers = bearer(people.other_admin)
    assert client.get("/api/v1/rectifications", headers=headers).json()["items"] == []
    assert client.get(f"/api/v1/rectifications/{rectification.pk}", headers=headers).status_code == 404
    response = client.post(
        f"/api/v1/rectifications/{rectification.pk}/appeal", {"reason": "恶意"}, content_type="application/json", headers=headers
    )
    assert response.status_code == 404


def test_applicants_and_anonymous_callers_are_refused(client, people, item):
    bad_review(people, item)
    refused = client.get("/api/v1/rectifications", headers=bearer(people.applicant))
    assert refused.status_code == 403 and refused.json()["code"] == "rectification_forbidden"
    assert client.get("/api/v1/rectifications").status_code == 401


def test_the_steps_by_api(client, people, item):
    rectification = bad_review(people, item)
    url = f"/api/v1/rectifications/{rectification.pk}"
    admin = bearer(people.admin)
    response = client.post(f"{url}/follow-up", {"note": "已回访", "revision": 0}, content_type="application/json", headers=admin)
    assert response.status_code == 200 and response.json()["state"] == "followed_up"
    stale = client.post(f"{url}/appeal", {"reason": "恶意", "revision": 0}, content_type="application/json", headers=admin)
    assert stale.status_code == 409 and stale.json()["code"] == "rectification_stale"
    reviewer = client.post(f"{url}/rectify", {"note": "已整改"}, content_type="application/json", headers=bearer(people.reviewer))
    assert reviewer.status_code == 403 and reviewer.json()["code"] == "rectification_forbidden"
    assert client.post(f"{url}/appeal", {"reason": "恶意"}, content_type="application/json", headers=admin).json()["state"] == "appealed"
    mine = client.post(f"{url}/decide-appeal", {"decision": "voided", "opinion": "x"}, content_type="application/json", headers=admin)
    assert mine.status_code == 403 and mine.json()["code"] == "appeal_decision_forbidden"
    done = client.post(
        f"{url}/decide-appeal",
        {"decision": "upheld", "opinion": "属实"},
        content_type="application/json",
        headers=bearer(people.supervisor),
    )
    assert done.status_code == 200 and done.json()["state"] == "followed_up" and done.json()["appeal_decision"] == "upheld"


# /complaints -------------------------------------------------------------------------------------------


def test_anyone_files_a_complaint_and_gets_the_number_and_code(client, people):
    response = client.post(
        "/api/v1/complaints",
        {"category": "buck_passing", "content": "两个部门互相推诿", "anonymous": True, "department_id": people.department.pk},
        content_type="application/json",
    )
    assert response.status_code == 201
    body = response.json()
    found = Complaint.objects.get()
    assert body == {"number": found.number, "query_code": found.query_code, "state": "received"}
    assert (found.channel, found.reported_department) == ("api", people.department)


def test_a_bad_complaint_lists_every_problem(client, people):
    response = client.post("/api/v1/complaints", {"category": "x", "content": ""}, content_type="application/json")
    assert response.status_code == 400
    assert set(response.json()["details"]) == {"category", "content", "name", "phone"}


def test_complaints_are_limited_per_address(client, people):
    cache.clear()
    data = {"category": "other", "content": "建议增加停车位", "anonymous": True, "department_id": people.department.pk}
    codes = [client.post("/api/v1/complaints", data, content_type="application/json").status_code for _ in range(6)]
    assert codes == [201] * 5 + [429]


def test_staff_list_complaints_of_their_reach(client, people, item, django_assert_max_num_queries):
    received = complaint_in(ComplaintState.RECEIVED, people)
    assigned = complaint_in(ComplaintState.ASSIGNED, people)
    supervisor = client.get("/api/v1/complaints", headers=bearer(people.supervisor)).json()
    assert [row["number"] for row in supervisor["items"]] == [assigned.number, received.number]
    department = client.get("/api/v1/complaints", headers=bearer(people.admin)).json()
    assert [row["number"] for row in department["items"]] == [assigned.number]
    assert department["items"][0]["phone"] != assigned.phone  # masked
    # Supervisors call complainants back: they read the name and phone in full.
    shown = {row["number"]: row for row in supervisor["items"]}[assigned.number]
    assert (shown["phone"], shown["name"]) == (assigned.phone, assigned.name if not assigned.anonymous else shown["name"])
    assert client.get("/api/v1/complaints", headers=bearer(people.other_admin)).json()["items"] == []
    assert client.get(f"/api/v1/complaints/{assigned.number}", headers=bearer(people.other_admin)).status_code == 404
    refused = client.get("/api/v1/complaints", headers=bearer(people.applicant))
    assert refused.status_code == 403 and refused.json()["code"] == "complaint_forbidden"
    assert client.get("/api/v1/complaints").status_code == 401


def test_the_complaint_list_reads_a_fixed_number_of_queries(client, people, item, django_assert_max_num_queries):
    complaint_in(ComplaintState.ASSIGNED, people)
    headers = bearer(people.supervisor)
    with django_assert_max_num_queries(5) as captured:
        assert client.get("/api/v1/complaints", headers=headers).status_code == 200
    queries = len(captured)
    for _ in range(3):
        complaint_in(ComplaintState.ASSIGNED, people, case_number=delivered_case(people, item).number, reported_department=None)
    with django_assert_max_num_queries(queries):
        assert len(client.get("/api/v1/complaints", headers=headers).json()["items"]) == 4


def test_the_complaint_actions_by_api(client, people):
    found = complaint_in(ComplaintState.RECEIVED, people)
    url = f"/api/v1/complaints/{found.number}"
    not_mine = client.post(
        f"{url}/assign", {"department_id": people.department.pk}, content_type="application/json", headers=bearer(people.admin)
    )
    assert not_mine.status_code == 404  # the department does not see an unassigned complaint
    assigned = client.post(
        f"{url}/assign", {"department_id": people.department.pk}, content_type="application/json", headers=bearer(people.supervisor)
    )
    assert assigned.status_code == 200 and assigned.json()["state"] == "assigned" and assigned.json()["due_on"]
    replied = client.post(f"{url}/reply", {"reply": "已处理"}, content_type="application/json", headers=bearer(people.admin))
    assert replied.status_code == 200 and replied.json()["state"] == "replied"
    lookup = client.post("/api/v1/complaint-lookup", {"number": found.number, "code": found.query_code}, content_type="application/json")
    assert lookup.status_code == 200 and lookup.json()["reply"] == "已处理" and lookup.json()["may_give_feedback"]
    wrong = client.post("/api/v1/complaint-lookup", {"number": found.number, "code": "0"}, content_type="application/json")
    assert wrong.status_code == 404 and wrong.json()["code"] == "complaint_not_found"
    feedback = client.post(
        "/api/v1/complaint-feedback", {"number": found.number, "code": found.query_code, "satisfied": True}, content_type="application/json"
    )
    assert feedback.status_code == 200 and feedback.json()["state"] == "closed"
    closed = client.post(f"{url}/close", {}, content_type="application/json", headers=bearer(people.supervisor))
    assert closed.status_code == 409 and closed.json()["code"] == "complaint_transition_forbidden"


def test_the_rating_endpoints_are_in_the_schema(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/cases/{number}/rating", "/api/v1/rectifications", "/api/v1/complaints"} <= set(paths)


def test_a_good_rating_has_no_rectification(client, people, item):
    rating = rate(people, delivered_case(people, item), level=5)
    body = client.get(f"/api/v1/cases/{rating.case.number}/rating", headers=bearer(people.supervisor)).json()
    assert (body["is_bad"], body["rectification_id"], body["rectification_state"]) == (False, None, None)
