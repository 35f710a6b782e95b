"""The append-only, hash-chained audit trail of every write."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext

from onewindow.audit.changes import Change, event_changes
from onewindow.common import time


class AuditEvent(models.Model):
    """One write: who did what to which object, before and after, chained to the previous event.

    `hash` = SHA-256 of the previous event's hash and this event's canonical content, so editing
    or deleting any row breaks every link after it (`manage.py audit_verify` finds the first).
    """

    seq = models.BigIntegerField("序号", unique=True, editable=False)
    occurred_at = models.DateTimeField("时间", default=time.now, editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_label = models.CharField("操作人名称", max_length=150, blank=True)
    action = models.CharField("动作", max_length=64)
    object_type = models.CharField("对象类型", max_length=100, blank=True)
    object_id = models.CharField("对象标识", max_length=64, blank=True)
    object_repr = models.CharField("对象", max_length=200, blank=True)
    before = models.JSONField("变更前", null=True, blank=True)
    after = models.JSONField("变更后", null=True, blank=True)
    request_id = models.CharField("请求标识", max_length=64, blank=True)
    ip = models.GenericIPAddressField("IP地址", null=True, blank=True)
    prev_hash = models.CharField("上一条摘要", max_length=64)
    hash = models.CharField("摘要", max_length=64, unique=True)

    class Meta:
        verbose_name = "审计事件"
        verbose_name_plural = "审计事件"
        ordering = ["-seq"]
        indexes = [
            models.Index(fields=["object_type", "object_id", "seq"], name="audit_event_object"),
            models.Index(fields=["actor", "seq"], name="audit_event_actor"),
            models.Index(fields=["occurred_at"], name="audit_event_time"),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_repr}"

    @property
    def actor_display(self) -> str:
        """Who acted, as shown to people: the user's name, or 系统 for the system."""
        if self.actor_id is None:
            return gettext("系统")
        return self.actor.display_name  # type: ignore[union-attr]

    @property
    def changes(self) -> list[Change]:
        """The fields that differ between `before` and `after`, readable."""
        return event_changes(self.object_type, self.before, self.after)


class AuditChainHead(models.Model):
    """The single row holding the chain's last sequence number and hash.

    Locking it (SELECT … FOR UPDATE) serializes writers so the chain never forks.
    """

    last_seq = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    class Meta:
        verbose_name = "审计链头"
        verbose_name_plural = "审计链头"
