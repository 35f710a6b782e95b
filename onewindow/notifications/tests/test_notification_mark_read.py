"""notification_mark_read and notifications_mark_all_read: only the recipient, once, audited."""

import datetime as dt

import pytest

from onewindow.accounts.tests.factories import UserFactory
from onewindow.audit.models import AuditEvent
from onewindow.common.errors import Forbidden, InvalidInput
from onewindow.notifications.choices import Channel
from onewindow.notifications.services import notification_mark_read, notifications_mark_all_read
from onewindow.notifications.tests.factories import NotificationFactory

pytestmark = pytest.mark.django_db

MOMENT = dt.datetime(2026, 6, 12, 9, 0, tzinfo=dt.UTC)


def test_the_recipient_marks_a_message_read_once(applicant, time_machine):
    time_machine.move_to(MOMENT, tick=False)
    message = NotificationFactory(recipient=applicant)

    read = notification_mark_read(actor=applicant, notification=message)
    time_machine.shift(dt.timedelta(hours=1))
    again = notification_mark_read(actor=applicant, notification=message)

    assert read.read_at == MOMENT and again.read_at == MOMENT
    events = AuditEvent.objects.filter(action="notifications.notification.read")
    assert [(e.actor_id, e.object_id, e.after) for e in events] == [(applicant.pk, str(message.pk), {"read_at": "2026-06-12T09:00:00Z"})]


def test_another_user_is_forbidden(applicant, reviewer):
    message = NotificationFactory(recipient=applicant)

    with pytest.raises(Forbidden) as raised:
        notification_mark_read(actor=reviewer, notification=message)

    assert raised.value.code == "notification_not_recipient"
    message.refresh_from_db()
    assert message.read_at is None


def test_only_in_site_messages_are_read(applicant):
    sms = NotificationFactory(recipient=applicant, channel=Channel.SMS, phone="13800000001")

    with pytest.raises(InvalidInput) as raised:
        notification_mark_read(actor=applicant, notification=sms)

    assert raised.value.code == "notification_not_site"


def test_mark_all_read_touches_only_the_actors_unread_messages(applicant, time_machine):
    time_machine.move_to(MOMENT, tick=False)
    earlier = MOMENT - dt.timedelta(days=1)
    mine = NotificationFactory.create_batch(2, recipient=applicant)
    already = NotificationFactory(recipient=applicant, read_at=earlier)
    theirs = NotificationFactory(recipient=UserFactory())

    assert notifications_mark_all_read(actor=applicant) == 2
    assert notifications_mark_all_read(actor=applicant) == 0

    for message in mine:
        message.refresh_from_db()
        assert message.read_at == MOMENT
    already.refresh_from_db()
    theirs.refresh_from_db()
    assert (already.read_at, theirs.read_at) == (earlier, None)
    event = AuditEvent.objects.get(action="notifications.inbox.read_all")
    assert (event.object_id, event.after) == (str(applicant.pk), {"count": 2, "read_at": "2026-06-12T09:00:00Z"})


def test_a_visitor_cannot_mark_anything():
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(Forbidden):
        notifications_mark_all_read(actor=AnonymousUser())
