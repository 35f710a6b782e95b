from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from onewindow.accounts.services import token_create
from onewindow.accounts.tests.factories import TEST_PASSWORD

TOKENS = "/api/v1/auth/tokens"


def test_lists_own_tokens_without_secrets(client, reviewer, other_reviewer):
    mine, plain = token_create(actor=reviewer, user=reviewer, name="我的")
    token_create(actor=other_reviewer, user=other_reviewer, name="别人的")
    client.force_login(reviewer)

    response = client.get(TOKENS)

    body = response.json()
    assert [t["name"] for t in body["items"]] == ["我的"]
    assert body["items"][0]["prefix"] == mine.prefix and body["items"][0]["is_active"] is True
    assert plain not in response.content.decode() and mine.key_hash not in response.content.decode()
    assert body["next_cursor"] is None


def test_list_pages_by_cursor_with_constant_queries(client, reviewer):
    for index in range(5):
        token_create(actor=reviewer, user=reviewer, name=f"t{index}")
    client.force_login(reviewer)

    with CaptureQueriesContext(connection) as queries:
        first = client.get(TOKENS, {"limit": 2}).json()
    second = client.get(TOKENS, {"limit": 2, "cursor": first["next_cursor"]}).json()

    assert len(first["items"]) == 2 and len(second["items"]) == 2
    assert not {t["id"] for t in first["items"]} & {t["id"] for t in second["items"]}
    assert len(queries) <= 4


def test_owner_revokes_with_delete(client, reviewer):
    token, plain = token_create(actor=reviewer, user=reviewer, name="x")

    response = client.delete(f"{TOKENS}/{token.pk}", HTTP_AUTHORIZATION=f"Bearer {plain}")

    assert response.status_code == 204
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert client.get("/api/v1/auth/me", HTTP_AUTHORIZATION=f"Bearer {plain}").status_code == 401


def test_revoking_twice_conflicts(client, reviewer):
    token, _plain = token_create(actor=reviewer, user=reviewer, name="x")
    client.force_login(reviewer)
    client.delete(f"{TOKENS}/{token.pk}")

    response = client.delete(f"{TOKENS}/{token.pk}")

    assert response.status_code == 409
    assert response.json()["code"] == "token_revoked"


def test_another_users_token_is_not_found(client, reviewer, other_reviewer, system_admin):
    token, _plain = token_create(actor=reviewer, user=reviewer, name="x")
    for user in (other_reviewer, system_admin):
        client.force_login(user)
        response = client.delete(f"{TOKENS}/{token.pk}")
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"
    token.refresh_from_db()
    assert token.revoked_at is None


def test_anonymous_gets_401(client, reviewer):
    token, _plain = token_create(actor=reviewer, user=reviewer, name="x")

    assert client.get(TOKENS).status_code == 401
    assert client.delete(f"{TOKENS}/{token.pk}").status_code == 401


def test_session_writes_need_csrf_but_bearer_writes_do_not(reviewer):
    token, plain = token_create(actor=reviewer, user=reviewer, name="x")
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(reviewer)

    assert strict.delete(f"{TOKENS}/{token.pk}").status_code == 403
    token.refresh_from_db()
    assert token.revoked_at is None
    assert Client(enforce_csrf_checks=True).delete(f"{TOKENS}/{token.pk}", HTTP_AUTHORIZATION=f"Bearer {plain}").status_code == 204


def test_obtaining_a_token_needs_no_csrf_cookie(reviewer):
    response = Client(enforce_csrf_checks=True).post(
        "/api/v1/auth/token", {"username": "reviewer", "password": TEST_PASSWORD}, content_type="application/json"
    )

    assert response.status_code == 201
