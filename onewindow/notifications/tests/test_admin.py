"""Notifications in the admin: superusers read the outbox (phones masked), nobody changes it, other staff are kept out."""

import pytest

from onewindow.accounts.choices import Role
from onewindow.accounts.services import role_grant
from onewindow.accounts.tests.factories import UserFactory
from onewindow.notifications.tests.factories import SmsFactory

pytestmark = pytest.mark.django_db

NOTIFICATIONS = "/admin/notifications/notification/"


def test_a_superuser_reads_but_cannot_change(client):
    row = SmsFactory(phone="13812345678", title="受理通知", last_error="GatewayDown: 忙")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    listing = client.get(NOTIFICATIONS)
    detail = client.get(f"{NOTIFICATIONS}{row.pk}/change/")

    assert listing.status_code == 200 and "受理通知" in listing.content.decode()
    assert "138****5678" in listing.content.decode() and "13812345678" not in listing.content.decode()
    assert detail.status_code == 200 and "GatewayDown: 忙" in detail.content.decode()
    assert "13812345678" not in detail.content.decode() and 'name="_save"' not in detail.content.decode()
    assert client.get(f"{NOTIFICATIONS}add/").status_code == 403
    assert client.post(f"{NOTIFICATIONS}{row.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.get(f"{NOTIFICATIONS}?status=pending&channel=sms").status_code == 200


def test_other_staff_get_a_403(client, department):
    admin = UserFactory()
    role_grant(actor=UserFactory(is_superuser=True, is_staff=True), user=admin, role=Role.DEPARTMENT_ADMIN, department=department)
    client.force_login(admin)

    assert client.get(NOTIFICATIONS).status_code == 403


def test_visitors_are_sent_to_the_login(client):
    response = client.get(NOTIFICATIONS)

    assert response.status_code == 302 and "/admin/login/" in response["Location"]
