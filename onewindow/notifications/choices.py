from django.db import models


class Channel(models.TextChoices):
    """How a notification reaches its reader; one row per channel."""

    SMS = "sms", "短信"
    EMAIL = "email", "电子邮件"
    SITE = "site", "站内消息"


class NotificationStatus(models.TextChoices):
    """Where a row stands in the outbox: waiting for the sender, delivered, or given up after the last attempt."""

    PENDING = "pending", "待发送"
    SENT = "sent", "已发送"
    FAILED = "failed", "发送失败"
