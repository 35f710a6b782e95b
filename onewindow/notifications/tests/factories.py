"""Factories for notifications: an in-site message by default."""

import factory
from factory.django import DjangoModelFactory

from onewindow.accounts.tests.factories import UserFactory
from onewindow.notifications.choices import Channel, NotificationStatus
from onewindow.notifications.models import Notification


class NotificationFactory(DjangoModelFactory):
    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    channel = Channel.SITE
    title = factory.Sequence(lambda n: f"消息{n}")
    body = "您的办件已受理。"
    status = NotificationStatus.SENT


class SmsFactory(NotificationFactory):
    recipient = None
    channel = Channel.SMS
    phone = factory.Sequence(lambda n: f"138{n:08d}")
    status = NotificationStatus.PENDING
