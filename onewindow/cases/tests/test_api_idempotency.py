"""POST /api/v1/cases with an `Idempotency-Key`: a retry gets the first case back, a different body 409."""

import pytest

from onewindow.cases.choices import CaseStatus
from onewindow.cases.models import Case, IdempotentSubmission
from onewindow.cases.services import intake
from onewindow.cases.tests.test_api import CASES, bearer, body, with_material

pytestmark = pytest.mark.django_db


def post(client, data, headers, key):
    return client.post(CASES, data, content_type="application/json", HTTP_IDEMPOTENCY_KEY=key, **headers)


def test_the_same_request_again_replays_the_first_case(client, county, item):
    headers = bearer(county.applicant)

    first = post(client, body(item), headers, "order-42")
    again = post(client, body(item), headers, "order-42")

    assert first.status_code == again.status_code == 201
    assert again.json()["number"] == first.json()["number"] and again.json()["query_code"] == first.json()["query_code"]
    assert again["Idempotent-Replayed"] == "true" and "Idempotent-Replayed" not in first
    assert Case.objects.count() == 1
    submission = IdempotentSubmission.objects.get()
    assert (submission.user, submission.key, submission.case.number) == (county.applicant, "order-42", first.json()["number"])


def test_replay_shows_the_case_as_it_is_now(client, county, item):
    headers = bearer(county.applicant)
    number = post(client, body(item), headers, "k1").json()["number"]
    Case.objects.filter(number=number).update(status=CaseStatus.WITHDRAWN)

    again = post(client, body(item), headers, "k1")

    assert again.status_code == 201 and again.json()["number"] == number and again.json()["status"] == "withdrawn"
    assert Case.objects.count() == 1


def test_the_same_key_with_another_body_is_409(client, county, item):
    headers = bearer(county.applicant)
    number = post(client, body(item), headers, "k1").json()["number"]

    changed = post(client, body(item, form={"business_name": "另一家店", "area": 10}), headers, "k1")

    assert changed.status_code == 409
    assert changed.json()["code"] == "idempotency_key_reused" and changed.json()["details"] == {"number": number}
    assert Case.objects.count() == 1


def test_keys_belong_to_their_user(client, county, item):
    mine = post(client, body(item), bearer(county.applicant), "shared")
    theirs = post(client, body(item), bearer(county.other_applicant), "shared")

    assert mine.status_code == theirs.status_code == 201
    assert mine.json()["number"] != theirs.json()["number"]
    assert Case.objects.count() == IdempotentSubmission.objects.count() == 2


def test_a_refused_application_leaves_the_key_free(client, county, item):
    headers = bearer(county.applicant)

    bad = post(client, with_material(body(item), "M01", provision="missing"), headers, "k1")
    good = post(client, body(item), headers, "k1")

    assert bad.status_code == 400 and good.status_code == 201
    assert Case.objects.count() == IdempotentSubmission.objects.count() == 1


def test_without_a_key_every_request_files_a_case(client, county, item):
    headers = bearer(county.applicant)

    client.post(CASES, body(item), content_type="application/json", **headers)
    client.post(CASES, body(item), content_type="application/json", **headers)

    assert Case.objects.count() == 2 and not IdempotentSubmission.objects.exists()


@pytest.mark.parametrize("key", ["x" * 101, "   "])
def test_a_key_too_long_or_blank_is_400(client, county, item, key):
    response = post(client, body(item), bearer(county.applicant), key)

    assert (response.status_code, response.json()["code"]) == (400, "idempotency_key_invalid")
    assert not Case.objects.exists()


def test_a_key_of_100_characters_is_fine(client, county, item):
    assert post(client, body(item), bearer(county.applicant), "k" * 100).status_code == 201


def test_losing_a_race_rolls_back_and_replays_the_winner(client, county, item, monkeypatch):
    """Two requests with one key both miss the lookup; the loser's insert of the key fails on the
    unique constraint, its case is rolled back and it answers with the winner's case."""
    headers = bearer(county.applicant)
    winner = post(client, body(item), headers, "race").json()["number"]
    lookup = intake._earlier_submission
    calls = []

    def missed_once(*args):
        calls.append(args)
        return None if len(calls) == 1 else lookup(*args)

    monkeypatch.setattr(intake, "_earlier_submission", missed_once)

    loser = post(client, body(item), headers, "race")

    assert len(calls) == 2
    assert loser.status_code == 201 and loser.json()["number"] == winner and loser["Idempotent-Replayed"] == "true"
    assert Case.objects.count() == IdempotentSubmission.objects.count() == 1


def test_openapi_documents_the_header_and_every_action_body(client):
    schema = client.get("/api/v1/openapi.json").json()

    create = schema["paths"]["/api/v1/cases"]["post"]
    assert "Idempotency-Key" in [p["name"] for p in create["parameters"]]
    actions = [
        "accept",
        "accept-with-gaps",
        "request-correction",
        "resubmit",
        "refuse",
        "complete-stage",
        "suspend",
        "resume",
        "extend",
        "supply-gaps",
        "approve",
        "deny",
        "deliver",
        "close",
        "withdraw",
    ]
    bodies = {}
    for action in actions:
        operation = schema["paths"][f"/api/v1/cases/{{number}}/{action}"]["post"]
        bodies[action] = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
        assert {"200", "403", "404", "409"} <= set(operation["responses"])
    assert bodies["accept-with-gaps"] == "AcceptWithGapsIn" and bodies["complete-stage"] == "CompleteStageIn"
    assert set(schema["components"]["schemas"]["AcceptWithGapsIn"]["properties"]) == {"revision", "comment", "gaps", "supply_by"}
    assert "/api/v1/progress/{number}" in schema["paths"]
