"""/api/v1/notifications: the authenticated user's own messages (token or session); others get nothing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from onewindow.accounts.services import token_create
from onewindow.notifications.choices import Channel
from onewindow.notifications.tests.factories import NotificationFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/notifications"


def _bearer(user):
    _token, plain = token_create(actor=user, user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {plain}"}


def test_lists_own_in_site_messages_newest_first_with_a_token(client, applicant, reviewer):
    older = NotificationFactory(recipient=applicant, title="受理通知", link="/my/cases/X1")
    newer = NotificationFactory(recipient=applicant, title="补正通知", read_at="2026-06-01T00:00:00Z")
    NotificationFactory(recipient=applicant, channel=Channel.SMS, phone="13800000001")
    NotificationFactory(recipient=reviewer, title="别人的")

    response = client.get(LIST, **_bearer(applicant))

    body = response.json()
    assert response.status_code == 200
    assert [item["id"] for item in body["items"]] == [newer.pk, older.pk]
    assert body["items"][1] | {"created_at": None} == {
        "id": older.pk,
        "title": "受理通知",
        "body": "您的办件已受理。",
        "link": "/my/cases/X1",
        "created_at": None,
        "read_at": None,
        "is_read": False,
    }
    assert body["items"][1]["created_at"].endswith("+08:00")
    assert body["items"][0]["is_read"] is True
    assert (body["unread_count"], body["next_cursor"]) == (1, None)


def test_unread_only_and_cursor_pages_with_constant_queries(client, applicant):
    NotificationFactory.create_batch(5, recipient=applicant)
    NotificationFactory(recipient=applicant, read_at="2026-06-01T00:00:00Z")
    client.force_login(applicant)

    with CaptureQueriesContext(connection) as queries:
        first = client.get(LIST, {"limit": 2, "unread_only": True}).json()
    second = client.get(LIST, {"limit": 2, "unread_only": True, "cursor": first["next_cursor"]}).json()
    third = client.get(LIST, {"limit": 2, "unread_only": True, "cursor": second["next_cursor"]}).json()

    ids = [item["id"] for page in (first, second, third) for item in page["items"]]
    assert len(ids) == len(set(ids)) == 5 and third["next_cursor"] is None
    assert len(queries) <= 5


def test_another_user_sees_none_of_them(client, applicant, reviewer):
    NotificationFactory(recipient=applicant)
    client.force_login(reviewer)

    assert client.get(LIST).json() == {"items": [], "next_cursor": None, "unread_count": 0}


def test_a_bad_cursor_is_a_400(client, applicant):
    client.force_login(applicant)

    response = client.get(LIST, {"cursor": "!!"})

    assert (response.status_code, response.json()["code"]) == (400, "invalid_cursor")


def test_visitors_get_a_401(client):
    message = NotificationFactory()

    assert client.get(LIST).status_code == 401
    assert client.post(f"{LIST}/{message.pk}/read").status_code == 401
    assert client.get(LIST, HTTP_AUTHORIZATION="Bearer ow_00000000_nope").status_code == 401


def test_the_recipient_marks_a_message_read(client, applicant):
    message = NotificationFactory(recipient=applicant)

    response = client.post(f"{LIST}/{message.pk}/read", **_bearer(applicant))

    assert response.status_code == 200
    assert response.json()["id"] == message.pk and response.json()["is_read"] is True
    message.refresh_from_db()
    assert message.read_at is not None


def test_another_users_message_is_not_found(client, applicant, reviewer):
    message = NotificationFactory(recipient=applicant, title="私人消息")

    response = client.post(f"{LIST}/{message.pk}/read", **_bearer(reviewer))

    assert (response.status_code, response.json()["code"]) == (404, "not_found")
    assert "私人消息" not in response.content.decode()
    message.refresh_from_db()
    assert message.read_at is None
    assert client.post(f"{LIST}/999999/read", **_bearer(reviewer)).status_code == 404


def test_the_session_needs_the_csrf_token_to_mark_read(applicant):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(applicant)
    message = NotificationFactory(recipient=applicant)

    assert client.post(f"{LIST}/{message.pk}/read").status_code in (401, 403)
    message.refresh_from_db()
    assert message.read_at is None
