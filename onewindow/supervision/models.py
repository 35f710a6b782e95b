"""Cards (黄牌/红牌) on timers and supervision orders (督办)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from onewindow.accounts.access import access_of, jurisdiction_q
from onewindow.accounts.choices import DEPARTMENT_ROLES, Role
from onewindow.common import time
from onewindow.supervision.choices import OPEN_ORDER_STATUSES, CardColor, ClearReason, OrderStatus

OPEN_CARD = Q(cleared_at__isnull=True)

# Staff who see a department's cards and orders: supervisors over its region and its own staff.
SUPERVISION_ROLES = [Role.SUPERVISOR, *DEPARTMENT_ROLES]


def _reach_q(user: object) -> Q:
    return jurisdiction_q(user, SUPERVISION_ROLES, region_code_field="region_code") | Q(handler=user)


def kind_label(key: str) -> str:
    """The label of a deadline kind, or the key of one no longer registered."""
    from onewindow.common.errors import InvalidInput
    from onewindow.deadlines import kinds

    try:
        return str(kinds.get_kind(key).label)
    except InvalidInput:
        return key


class CardQuerySet(models.QuerySet["Card"]):
    def visible_to(self, user: object) -> CardQuerySet:
        """Supervisors see the cards of their region; department staff their department's; handlers their own."""
        access = access_of(user)
        if access.is_superuser:
            return self.all()
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(_reach_q(user))

    def open(self) -> CardQuerySet:
        return self.filter(OPEN_CARD)


class Card(models.Model):
    """A yellow or red card on one timer: who answered for it, when it was issued and when it cleared.

    A card is a record: clearing it (the timer was met, cancelled, moved, or the yellow card turned
    red) sets `cleared_at` and keeps the row. A timer has at most one open card of each colour.
    """

    deadline = models.ForeignKey("deadlines.Deadline", verbose_name="期限", on_delete=models.PROTECT, related_name="cards")
    color = models.CharField("颜色", max_length=8, choices=CardColor.choices)
    kind = models.CharField("期限类型", max_length=40)
    subject_type = models.CharField("对象类型", max_length=100)
    subject_id = models.CharField("对象编号", max_length=64)
    department = models.ForeignKey(
        "orgs.Department", verbose_name="责任部门", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="经办人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    region_code = models.CharField("区划代码", max_length=12, blank=True)
    due_on = models.DateField("截止日期")
    issued_on = models.DateField("亮牌日期")
    issued_at = models.DateTimeField("亮牌时间", default=time.now)
    cleared_at = models.DateTimeField("消除时间", null=True, blank=True)
    clear_reason = models.CharField("消除原因", max_length=16, choices=ClearReason.choices, blank=True)

    objects = CardQuerySet.as_manager()

    class Meta:
        verbose_name = "黄红牌"
        verbose_name_plural = "黄红牌"
        ordering = ["-issued_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["deadline", "color"], condition=OPEN_CARD, name="supervision_card_one_open_per_color"),
            models.CheckConstraint(condition=Q(color__in=CardColor.values), name="supervision_card_color_valid"),
        ]
        indexes = [
            # The live board: open cards of a region by colour, newest first.
            models.Index(fields=["region_code", "color", "-id"], condition=OPEN_CARD, name="supervision_open_cards"),
            models.Index(fields=["department", "color"], condition=OPEN_CARD, name="supervision_open_department"),
            models.Index(fields=["subject_type", "subject_id"], name="supervision_card_subject"),
            models.Index(fields=["region_code", "-id"], name="supervision_card_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.get_color_display()} {self.kind} {self.subject_type}#{self.subject_id}"

    @property
    def is_open(self) -> bool:
        return self.cleared_at is None

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)


class OrderQuerySet(models.QuerySet["SupervisionOrder"]):
    def visible_to(self, user: object) -> OrderQuerySet:
        """Supervisors see the orders of their region; department staff their department's."""
        access = access_of(user)
        if access.is_superuser:
            return self.all()
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(jurisdiction_q(user, SUPERVISION_ROLES, region_code_field="region_code"))

    def open(self) -> OrderQuerySet:
        return self.filter(status__in=OPEN_ORDER_STATUSES)


class SupervisionOrder(models.Model):
    """督办: a supervisor's (or the red card's) order to a department to explain and remedy an overdue
    matter, answered within its own deadline (`SUPERVISION_ORDER_REPLY_DAYS` working days)."""

    number = models.CharField("督办编号", max_length=24, unique=True)
    card = models.OneToOneField(
        Card, verbose_name="红牌", null=True, blank=True, on_delete=models.PROTECT, related_name="order", help_text="由红牌自动发起时"
    )
    kind = models.CharField("期限类型", max_length=40, blank=True)
    subject_type = models.CharField("对象类型", max_length=100)
    subject_id = models.CharField("对象编号", max_length=64)
    department = models.ForeignKey("orgs.Department", verbose_name="责任部门", on_delete=models.PROTECT, related_name="+")
    region_code = models.CharField("区划代码", max_length=12)
    status = models.CharField("状态", max_length=16, choices=OrderStatus.choices, default=OrderStatus.OPEN)
    reason = models.TextField("督办事由")
    opened_at = models.DateTimeField("发起时间", default=time.now)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="发起人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reply_due_on = models.DateField("答复期限", null=True, blank=True)
    reply = models.TextField("答复", blank=True)
    replied_at = models.DateTimeField("答复时间", null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="答复人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField("结束时间", null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="结束人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closing_note = models.TextField("办结意见", blank=True)
    revision = models.PositiveIntegerField("修订号", default=0)

    objects = OrderQuerySet.as_manager()

    class Meta:
        verbose_name = "督办单"
        verbose_name_plural = "督办单"
        ordering = ["-id"]
        constraints = [models.CheckConstraint(condition=Q(status__in=OrderStatus.values), name="supervision_order_status_valid")]
        indexes = [
            models.Index(fields=["region_code", "status", "-id"], name="supervision_order_region"),
            models.Index(fields=["department", "status", "-id"], name="supervision_order_department"),
            models.Index(fields=["subject_type", "subject_id"], name="supervision_order_subject"),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_ORDER_STATUSES


class OrderNumberSequence(models.Model):
    """The last order number handed out per day."""

    day = models.DateField("日期", unique=True)
    last = models.PositiveIntegerField("已用序号", default=0)

    class Meta:
        verbose_name = "督办编号序列"
        verbose_name_plural = "督办编号序列"


from onewindow.supervision.statistics.models import *  # noqa: E402, F403  (statistics models belong to this app)
