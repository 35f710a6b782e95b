"""Deadlines: one table for every timer of the platform, and the intervals a timer was stopped.

A deadline's dates are a pure function of its start, its kind and three day counts:
`due_on = kind.period_end(start date, allotted_days + extended_days + paused_days)`, and
`warn_on` lies the kind's warning window of working days before it, never before the start.
The services keep them so; `deadline_recalculate` recomputes them when the calendar changes.

The scan reads only rows that are due, through partial indexes on running rows, so it costs
what is due and not what exists.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import F, Q

from onewindow.accounts.access import access_of, jurisdiction_q
from onewindow.accounts.choices import DEPARTMENT_ROLES, Role
from onewindow.common import time
from onewindow.common.errors import InvalidInput
from onewindow.deadlines import kinds
from onewindow.deadlines.choices import OPEN_STATES, DeadlineColor, DeadlineState

RUNNING = Q(state=DeadlineState.RUNNING)
PAUSED = Q(state=DeadlineState.PAUSED)


def color_q(color: str, today: dt.date) -> Q:
    """Rows of `color` on `today`; a paused timer keeps the colour it had on the day it was paused."""
    if color == DeadlineColor.GRAY:
        return ~Q(state__in=OPEN_STATES)
    paused_on = F("paused_on")
    if color == DeadlineColor.RED:
        return (RUNNING & Q(due_on__lt=today)) | (PAUSED & Q(due_on__lt=paused_on))
    if color == DeadlineColor.YELLOW:
        return (RUNNING & Q(warn_on__lte=today, due_on__gte=today)) | (PAUSED & Q(warn_on__lte=paused_on, due_on__gte=paused_on))
    if color == DeadlineColor.GREEN:
        return (RUNNING & Q(warn_on__gt=today)) | (PAUSED & Q(warn_on__gt=paused_on))
    raise ValueError(f"unknown deadline colour {color!r}")


def _only_in(state: str, field: str) -> Q:
    """`field` is set exactly when the row is in `state`."""
    return Q(state=state, **{f"{field}__isnull": False}) | (~Q(state=state) & Q(**{f"{field}__isnull": True}))


class DeadlineQuerySet(models.QuerySet["Deadline"]):
    def visible_to(self, user: object) -> DeadlineQuerySet:
        """Supervisors see the deadlines of their region's departments, department roles their
        department's, and every user the deadlines they are the handler of."""
        access = access_of(user)
        if access.is_superuser:
            return self.all()
        if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
            return self.none()
        reach = jurisdiction_q(user, [Role.SUPERVISOR, *DEPARTMENT_ROLES]) | Q(handler=user)
        return self.filter(reach)

    def open(self) -> DeadlineQuerySet:
        """Timers still counting or stopped, not finished."""
        return self.filter(state__in=OPEN_STATES)

    def colored(self, color: str, today: dt.date) -> DeadlineQuerySet:
        """The rows that show `color` on `today` (see `Deadline.color`)."""
        return self.filter(color_q(color, today))


class Deadline(models.Model):
    """One timer: a subject (any row, by model label and id), its kind, who answers for it, and its dates.

    `due_on` is a date: the deadline is the end of that day in Asia/Shanghai. `provisional` means
    the due date lies in a year whose official holiday schedule was unknown when it was computed.
    `warned_at` and `overdue_handled_at` record when the scan handled the two events (see
    `scan.py`); `revision` grows with every change a service makes.
    """

    subject_type = models.CharField("对象类型", max_length=100)
    subject_id = models.CharField("对象编号", max_length=64)
    kind = models.CharField("期限类型", max_length=40)
    department = models.ForeignKey(
        "orgs.Department",
        verbose_name="责任部门",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="deadlines",
        db_index=False,  # the (department, due_on) index serves it
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="经办人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="deadlines",
        db_index=False,  # the (handler, due_on) index serves it
    )
    started_at = models.DateTimeField("开始时间")
    allotted_days = models.PositiveIntegerField("规定天数")
    extended_days = models.PositiveIntegerField("延长天数", default=0)
    paused_days = models.PositiveIntegerField("暂停天数", default=0, help_text="已结束的暂停期间占用的天数,不计入期限")
    due_on = models.DateField("截止日期")
    warn_on = models.DateField("预警日期")
    provisional = models.BooleanField("暂定", default=False, help_text="截止日期所在年份尚未录入国务院节假日安排")
    state = models.CharField("状态", max_length=16, choices=DeadlineState.choices, default=DeadlineState.RUNNING)
    paused_on = models.DateField("暂停日期", null=True, blank=True)
    met_at = models.DateTimeField("完成时间", null=True, blank=True)
    cancelled_at = models.DateTimeField("取消时间", null=True, blank=True)
    warned_at = models.DateTimeField("预警处理时间", null=True, blank=True)
    overdue_handled_at = models.DateTimeField("超时处理时间", null=True, blank=True)
    updated_at = models.DateTimeField("更新时间", default=time.now)
    revision = models.PositiveIntegerField("修订号", default=0, help_text="每次经服务修改加一;期限扫描据此判断已读取的行是否仍为最新")

    objects = DeadlineQuerySet.as_manager()

    class Meta:
        verbose_name = "期限"
        verbose_name_plural = "期限"
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["subject_type", "subject_id"], name="deadlines_subject"),
            models.Index(fields=["department", "due_on"], name="deadlines_department_due"),
            models.Index(fields=["handler", "due_on"], name="deadlines_handler_due"),
            # The yellow and red lists: running rows only, by date.
            models.Index(fields=["warn_on", "id"], condition=RUNNING, name="deadlines_running_warn_on"),
            models.Index(fields=["due_on", "id"], condition=RUNNING, name="deadlines_running_due_on"),
            # The scan: running rows whose event has not been handled yet, so a scan reads only new events.
            models.Index(fields=["warn_on", "id"], condition=RUNNING & Q(warned_at__isnull=True), name="deadlines_warning_pending"),
            models.Index(fields=["due_on", "id"], condition=RUNNING & Q(overdue_handled_at__isnull=True), name="deadlines_overdue_pending"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=DeadlineState.values), name="deadlines_deadline_state_valid"),
            models.CheckConstraint(condition=Q(warn_on__lte=F("due_on")), name="deadlines_deadline_warn_before_due"),
            models.CheckConstraint(condition=_only_in(DeadlineState.PAUSED, "paused_on"), name="deadlines_deadline_paused_on"),
            models.CheckConstraint(condition=_only_in(DeadlineState.MET, "met_at"), name="deadlines_deadline_met_at"),
            models.CheckConstraint(condition=_only_in(DeadlineState.CANCELLED, "cancelled_at"), name="deadlines_deadline_cancelled_at"),
        ]

    def __str__(self) -> str:
        return f"{self.kind_label} {self.subject_type}#{self.subject_id} {self.due_on.isoformat()}"

    @property
    def definition(self) -> kinds.DeadlineKind:
        """The registered kind of this deadline."""
        return kinds.get_kind(self.kind)

    @property
    def kind_label(self) -> str:
        try:
            return str(self.definition.label)
        except InvalidInput:
            return self.kind

    @property
    def start_date(self) -> dt.date:
        """The Asia/Shanghai date the timer started; the period counts from the day after."""
        return time.local_date(self.started_at)

    @property
    def granted_days(self) -> int:
        """The days the subject has: the allotted days plus every extension."""
        return self.allotted_days + self.extended_days

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    def load_subject(self) -> models.Model:
        """The row this deadline times (one query; not for lists)."""
        return apps.get_model(self.subject_type)._default_manager.get(pk=self.subject_id)

    def clock_day(self, today: dt.date) -> dt.date:
        """The day the timer's clock reads: `today` while running, else the day it stopped or finished."""
        if self.state == DeadlineState.PAUSED and self.paused_on is not None:
            return self.paused_on
        if self.state == DeadlineState.MET and self.met_at is not None:
            return time.local_date(self.met_at)
        if self.state == DeadlineState.CANCELLED and self.cancelled_at is not None:
            return time.local_date(self.cancelled_at)
        return today

    def is_overdue(self, now: dt.datetime) -> bool:
        """Whether the timer is open and its clock has passed the end of the due date."""
        return self.is_open and self.clock_day(time.local_date(now)) > self.due_on

    def color(self, today: dt.date) -> DeadlineColor:
        """Red past the due date, yellow from the warning date, else green; gray once finished."""
        if not self.is_open:
            return DeadlineColor.GRAY
        day = self.clock_day(today)
        if day > self.due_on:
            return DeadlineColor.RED
        if day >= self.warn_on:
            return DeadlineColor.YELLOW
        return DeadlineColor.GREEN

    def remaining_workdays(self, today: dt.date) -> int:
        """The kind's days left until the due date on the timer's clock; negative once overdue."""
        return self.definition.period_length(self.clock_day(today), self.due_on)

    @property
    def used_workdays(self) -> int:
        """The kind's days used so far (until today, the pause or the end), paused time excluded."""
        return max(self.definition.period_length(self.start_date, self.clock_day(time.today())) - self.paused_days, 0)

    @property
    def met_on_time(self) -> bool | None:
        """Whether the subject was done by the end of the due date; None until it is met."""
        if self.state != DeadlineState.MET or self.met_at is None:
            return None
        return time.local_date(self.met_at) <= self.due_on


class PauseInterval(models.Model):
    """A span during which a deadline's clock stood still (行政许可法 第四十五条: hearing, testing,
    expert review … do not count toward the limit)."""

    deadline = models.ForeignKey(Deadline, verbose_name="期限", on_delete=models.CASCADE, related_name="pauses")
    paused_at = models.DateTimeField("暂停时间")
    resumed_at = models.DateTimeField("恢复时间", null=True, blank=True)
    reason = models.CharField("暂停原因", max_length=500)
    days = models.PositiveIntegerField("暂停天数", null=True, blank=True, help_text="恢复时计算的不计入期限的天数")

    class Meta:
        verbose_name = "期限暂停"
        verbose_name_plural = "期限暂停"
        ordering = ["deadline_id", "paused_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["deadline"], condition=Q(resumed_at__isnull=True), name="deadlines_one_open_pause"),
            models.CheckConstraint(
                condition=Q(resumed_at__isnull=True) | Q(resumed_at__gte=F("paused_at")), name="deadlines_pause_resumed_after_paused"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.deadline_id} {self.paused_at.isoformat()} {self.reason}"


def subject_key(subject: Any) -> tuple[str, str]:
    """The (`subject_type`, `subject_id`) a deadline stores for a model row."""
    return subject._meta.label_lower, str(subject.pk)
