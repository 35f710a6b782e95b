"""Notifications: the transactional outbox through which every app tells people things.

A service that wants someone told queues rows here inside its own transaction
(`services.notification_queue`): one row per channel. If the transaction rolls back, nothing
was queued; when it commits, the send task is enqueued and delivers the pending rows (SMS,
e-mail; an in-site message is delivered by being stored). The sender reads only pending rows,
through a partial index, so it costs what is waiting and not what was ever sent.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q

from onewindow.common import time
from onewindow.notifications.choices import Channel, NotificationStatus

PENDING = Q(status=NotificationStatus.PENDING)
UNREAD_SITE = Q(channel=Channel.SITE, read_at__isnull=True)


class NotificationQuerySet(models.QuerySet["Notification"]):
    def inbox_of(self, user: Any) -> NotificationQuerySet:
        """The user's in-site messages (nothing for an anonymous or inactive user)."""
        if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
            return self.none()
        return self.filter(recipient=user, channel=Channel.SITE)

    def due(self, moment: Any) -> NotificationQuerySet:
        """Pending rows whose next attempt is not later than `moment`."""
        return self.filter(PENDING).filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=moment))


class Notification(models.Model):
    """One message to one person on one channel: an SMS to `phone`, an e-mail to `email`, or an
    in-site message to `recipient`. `subject_type`/`subject_id` name the row it is about (a case …).

    `attempts` counts failed deliveries; after the last allowed one the row is `failed` and
    `last_error` says why. `next_attempt_at` holds a retry back until then.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="接收人",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifications",
        db_index=False,  # the inbox indexes lead with it
    )
    phone = models.CharField("手机号码", max_length=20, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    channel = models.CharField("渠道", max_length=8, choices=Channel.choices)
    title = models.CharField("标题", max_length=200)
    body = models.TextField("内容")
    link = models.CharField("链接", max_length=500, blank=True, help_text="站内相对地址,如 /my/cases/…")
    subject_type = models.CharField("对象类型", max_length=100, blank=True)
    subject_id = models.CharField("对象编号", max_length=64, blank=True)
    status = models.CharField("状态", max_length=8, choices=NotificationStatus.choices, default=NotificationStatus.PENDING)
    attempts = models.PositiveSmallIntegerField("失败次数", default=0)
    last_error = models.TextField("最近错误", blank=True)
    next_attempt_at = models.DateTimeField("下次尝试时间", null=True, blank=True)
    created_at = models.DateTimeField("创建时间", default=time.now)
    sent_at = models.DateTimeField("发送时间", null=True, blank=True)
    read_at = models.DateTimeField("阅读时间", null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = "消息通知"
        verbose_name_plural = "消息通知"
        ordering = ["-created_at", "-id"]
        indexes = [
            # The sender: pending rows only, in id order.
            models.Index(fields=["id"], condition=PENDING, name="notifications_pending"),
            # The inbox, newest first.
            models.Index(fields=["recipient", "channel", "-created_at", "-id"], name="notifications_inbox"),
            # The unread count shown in the page header.
            models.Index(fields=["recipient"], condition=UNREAD_SITE, name="notifications_unread"),
            models.Index(fields=["subject_type", "subject_id"], name="notifications_subject"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(channel__in=Channel.values), name="notifications_channel_valid"),
            models.CheckConstraint(condition=Q(status__in=NotificationStatus.values), name="notifications_status_valid"),
            models.CheckConstraint(
                condition=~Q(channel=Channel.SITE) | Q(recipient__isnull=False), name="notifications_site_has_recipient"
            ),
            models.CheckConstraint(condition=~Q(channel=Channel.SMS) | ~Q(phone=""), name="notifications_sms_has_phone"),
            models.CheckConstraint(condition=~Q(channel=Channel.EMAIL) | ~Q(email=""), name="notifications_email_has_email"),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.title}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
