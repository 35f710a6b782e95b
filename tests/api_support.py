"""Calling the API in tests as a server would answer it: bearer tokens, clients that turn a 500 into a
response, and the one error format every 4xx must have."""

from __future__ import annotations

from typing import Any

from django.test import Client

from onewindow.accounts.services import token_create


def client_of(user: Any = None) -> Client:
    """A client that answers 500 as a response (as a server would) instead of raising."""
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def bearer(user: Any) -> dict[str, str]:
    _token, plain = token_create(actor=user, user=user, name="tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {plain}"}


def assert_api_error(response: Any, status: int | tuple[int, ...] = 400, code: str | None = None) -> dict[str, Any]:
    """A 4xx in the API's error format: JSON with a machine `code` and a message."""
    statuses = (status,) if isinstance(status, int) else status
    assert response.status_code in statuses, (response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    body = response.json()
    assert isinstance(body.get("code"), str) and body["code"] and body.get("message")
    if code is not None:
        assert body["code"] == code, body
    return body
