"""The entered State Council holiday arrangements: per-day overrides and per-year schedules."""

from django.conf import settings
from django.db import models

from onewindow.common.models import TimestampedModel
from onewindow.workdays.choices import OverrideKind


class YearSchedule(TimestampedModel):
    """Records that a year's official holiday arrangement (国务院办公厅通知) has been entered."""

    year = models.PositiveSmallIntegerField("年份", unique=True)
    notice = models.CharField("通知文号", max_length=100)
    notice_date = models.DateField("通知日期")
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="录入人", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "年度节假日安排"
        verbose_name_plural = "年度节假日安排"
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}年 {self.notice}"


class CalendarOverride(TimestampedModel):
    """One day whose status the State Council set: a holiday, or a weekend made a working day (调休)."""

    date = models.DateField("日期", unique=True)
    kind = models.CharField("类型", max_length=16, choices=OverrideKind.choices)
    name = models.CharField("节日名称", max_length=50)
    notice = models.CharField("通知文号", max_length=100)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="录入人", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "节假日调整"
        verbose_name_plural = "节假日调整"
        ordering = ["date"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=OverrideKind.values), name="workdays_calendaroverride_kind_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.date.isoformat()} {self.name}{self.get_kind_display()}"

    @property
    def is_workday(self) -> bool:
        return self.kind == OverrideKind.WORKDAY
