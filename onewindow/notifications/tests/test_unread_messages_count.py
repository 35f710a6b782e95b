"""The `unread_messages_count` template tag and the `unread_count` selector."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory

from onewindow.notifications.tests.factories import NotificationFactory

pytestmark = pytest.mark.django_db

TEMPLATE = Template("{% load notifications %}{% unread_messages_count as n %}[{{ n }}]")


def _render(user):
    request = RequestFactory().get("/")
    request.user = user
    return TEMPLATE.render(Context({"request": request}))


def test_counts_the_users_unread_in_site_messages(applicant, reviewer):
    NotificationFactory.create_batch(2, recipient=applicant)
    NotificationFactory(recipient=applicant, read_at="2026-06-01T00:00:00Z")
    NotificationFactory(recipient=reviewer)

    assert _render(applicant) == "[2]"
    assert _render(reviewer) == "[1]"


def test_a_visitor_has_none_without_a_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert _render(AnonymousUser()) == "[0]"
