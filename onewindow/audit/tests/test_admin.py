"""The Django admin shows the trail read-only."""

import pytest
from django.urls import reverse

from onewindow.accounts.tests.factories import UserFactory
from onewindow.audit.models import AuditEvent
from onewindow.audit.services import audit_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def event():
    return audit_record(actor=None, action="accounts.user.create", object_type="accounts.user", object_id="42", object_repr="王五")


def test_the_changelist_lists_filters_and_searches_events(superuser_client, event):
    audit_record(actor=None, action="orgs.department.create", object_type="orgs.department", object_id="3")
    url = reverse("admin:audit_auditevent_changelist")
    response = superuser_client.get(url)
    assert response.status_code == 200
    assert list(response.context["cl"].result_list)[-1] == event
    assert list(superuser_client.get(url, {"q": "42"}).context["cl"].result_list) == [event]
    assert list(superuser_client.get(url, {"action": "accounts.user.create"}).context["cl"].result_list) == [event]


def test_an_event_can_be_viewed_but_not_added_changed_or_deleted(superuser_client, event):
    change_url = reverse("admin:audit_auditevent_change", args=[event.pk])
    response = superuser_client.get(change_url)
    assert response.status_code == 200
    assert not response.context["has_change_permission"]
    superuser_client.post(change_url, {"action": "accounts.user.forged"})
    assert AuditEvent.objects.get(pk=event.pk).action == "accounts.user.create"
    assert superuser_client.get(reverse("admin:audit_auditevent_add")).status_code == 403
    assert superuser_client.get(reverse("admin:audit_auditevent_delete", args=[event.pk])).status_code == 403
