"""Deadlines in the admin: readable by superusers, never writable; other staff and visitors are kept out."""

import pytest

from onewindow.accounts.choices import Role
from onewindow.accounts.services import role_grant
from onewindow.accounts.tests.factories import UserFactory
from onewindow.deadlines.services import deadline_pause
from onewindow.deadlines.tests.factories import DeadlineFactory

pytestmark = pytest.mark.django_db

DEADLINES = "/admin/deadlines/deadline/"


def test_a_superuser_reads_deadlines_and_their_pauses_but_cannot_change_them(client, department):
    deadline = deadline_pause(actor=None, deadline=DeadlineFactory(department=department), reason="专家评审")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    listing = client.get(DEADLINES)
    assert listing.status_code == 200
    assert "办理环节" in listing.content.decode()
    detail = client.get(f"{DEADLINES}{deadline.pk}/change/")
    assert detail.status_code == 200
    assert "专家评审" in detail.content.decode()
    assert 'name="_save"' not in detail.content.decode()
    assert client.get(f"{DEADLINES}add/").status_code == 403
    assert client.post(f"{DEADLINES}{deadline.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.get(f"{DEADLINES}?kind=case_stage").status_code == 200


def test_other_staff_get_a_403(client, department):
    root = UserFactory(is_superuser=True, is_staff=True)
    admin = UserFactory()
    role_grant(actor=root, user=admin, role=Role.DEPARTMENT_ADMIN, department=department)
    client.force_login(admin)
    assert client.get(DEADLINES).status_code == 403


def test_visitors_are_sent_to_the_login(client):
    response = client.get(DEADLINES)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
