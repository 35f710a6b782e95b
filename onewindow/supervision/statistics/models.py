"""The statistics' aggregate tables: additive figures per day and per month, by item, staff member
and department, kept by `services.stats_refresh_day` and checked by `recount`.

A day row holds the events of one Asia/Shanghai calendar day; a month row (keyed by the month's
first day) is the sum of that month's day rows, so a period reads its whole months from the month
tables and only its partial months from the day tables. Rows whose figures are all zero are not
stored. `region_code` is the department's region code, copied so a region's rows are one index
range (`region_code` between the prefix and the prefix followed by ':'). The region tables sum the
department rows by that code, so a whole region's reads take one row per region, not per department.

The tables belong to the `supervision` app (`onewindow/supervision/models.py` imports them).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from onewindow.common import time

__all__ = [
    "DepartmentDay",
    "DepartmentMonth",
    "DirtyDay",
    "ItemDay",
    "ItemMonth",
    "RefreshedDay",
    "RegionDay",
    "RegionMonth",
    "StaffDay",
    "StaffMonth",
]


def _count(label: str) -> models.PositiveIntegerField:
    return models.PositiveIntegerField(label, default=0)


class CaseFigures(models.Model):
    """The case figures (see `metrics.CASE_FIGURES` and docs/statistics.md)."""

    received = _count("收件量")
    received_online = _count("网上收件")
    received_on_the_spot = _count("即办件收件")
    received_zero_visit = _count("零跑动事项收件")
    statutory_days = _count("法定时限合计")
    promised_days = _count("承诺时限合计")
    accepted = _count("受理量")
    deemed_accepted = _count("视为受理")
    concluded = _count("办结量")
    delivered = _count("送达办结")
    refused = _count("不予受理")
    withdrawn = _count("撤回")
    terminated = _count("终止")
    granted = _count("准予许可")
    denied = _count("不予许可")
    deemed_approved = _count("超时默认准予")
    timed = _count("计时办结")
    on_time = _count("按时办结")
    used_days = _count("实际用时合计")
    granted_days = _count("承诺时限(含延长)合计")
    saved_days = _count("减时合计")
    overdue_days = _count("超时合计")
    one_visit = _count("最多跑一次办结")
    window_timed = _count("窗口受理计时办结")
    window_direct = _count("窗口直接办结")
    authorized = _count("首席代表授权办结")

    class Meta:
        abstract = True


class RatingFigures(models.Model):
    """The rating figures (see `metrics.RATING_FIGURES`)."""

    rated = _count("评价数")
    satisfied = _count("满意评价")
    bad = _count("差评")
    level_sum = _count("评价等级合计")
    voided = _count("已作废评价")
    bad_rectified = _count("差评已整改")

    class Meta:
        abstract = True


class StaffFigures(models.Model):
    """The figures of one staff member (see `metrics.STAFF_FIGURES`)."""

    received = _count("收件")
    accepted = _count("受理")
    decided = _count("作出决定")
    decided_on_time = _count("按时决定")
    saved_days = _count("减时合计")
    overdue_days = _count("超时合计")
    tasks_done = _count("完成环节")
    tasks_on_time = _count("按时完成环节")
    rated = _count("评价数")
    satisfied = _count("满意评价")
    bad = _count("差评")

    class Meta:
        abstract = True


def _department() -> models.ForeignKey:
    return models.ForeignKey("orgs.Department", verbose_name="部门", on_delete=models.PROTECT, related_name="+", db_index=False)


def _region_code() -> models.CharField:
    return models.CharField("区划代码", max_length=12)


class ItemDay(CaseFigures):
    """One item's case figures of one day."""

    day = models.DateField("日期")
    department = _department()
    item = models.ForeignKey("catalog.ServiceItem", verbose_name="事项", on_delete=models.PROTECT, related_name="+", db_index=False)
    region_code = _region_code()

    class Meta:
        verbose_name = "事项日统计"
        verbose_name_plural = "事项日统计"
        constraints = [models.UniqueConstraint(fields=["day", "department", "item"], name="stats_item_day_unique")]
        indexes = [
            models.Index(fields=["region_code", "day"], name="stats_item_day_region"),
            models.Index(fields=["department", "day"], name="stats_item_day_department"),
            models.Index(fields=["item", "day"], name="stats_item_day_item"),
        ]


class ItemMonth(CaseFigures):
    """One item's case figures of one month (the sum of its day rows)."""

    month = models.DateField("月份", help_text="当月第一天")
    department = _department()
    item = models.ForeignKey("catalog.ServiceItem", verbose_name="事项", on_delete=models.PROTECT, related_name="+", db_index=False)
    region_code = _region_code()

    class Meta:
        verbose_name = "事项月统计"
        verbose_name_plural = "事项月统计"
        constraints = [models.UniqueConstraint(fields=["month", "department", "item"], name="stats_item_month_unique")]
        indexes = [
            models.Index(fields=["region_code", "month"], name="stats_item_month_region"),
            models.Index(fields=["department", "month"], name="stats_item_month_department"),
            models.Index(fields=["item", "month"], name="stats_item_month_item"),
        ]


class StaffDay(StaffFigures):
    """One staff member's figures of one day for one department's cases and ratings."""

    day = models.DateField("日期")
    department = _department()
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="工作人员", on_delete=models.PROTECT, related_name="+", db_index=False)
    region_code = _region_code()

    class Meta:
        verbose_name = "人员日统计"
        verbose_name_plural = "人员日统计"
        constraints = [models.UniqueConstraint(fields=["day", "department", "user"], name="stats_staff_day_unique")]
        indexes = [
            models.Index(fields=["region_code", "day"], name="stats_staff_day_region"),
            models.Index(fields=["department", "day"], name="stats_staff_day_department"),
            models.Index(fields=["user", "day"], name="stats_staff_day_user"),
        ]


class StaffMonth(StaffFigures):
    """One staff member's figures of one month."""

    month = models.DateField("月份", help_text="当月第一天")
    department = _department()
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="工作人员", on_delete=models.PROTECT, related_name="+", db_index=False)
    region_code = _region_code()

    class Meta:
        verbose_name = "人员月统计"
        verbose_name_plural = "人员月统计"
        constraints = [models.UniqueConstraint(fields=["month", "department", "user"], name="stats_staff_month_unique")]
        indexes = [
            models.Index(fields=["region_code", "month"], name="stats_staff_month_region"),
            models.Index(fields=["department", "month"], name="stats_staff_month_department"),
            models.Index(fields=["user", "month"], name="stats_staff_month_user"),
        ]


class DepartmentDay(CaseFigures, RatingFigures):
    """One department's case figures (the sum over its items) and rating figures of one day."""

    day = models.DateField("日期")
    department = _department()
    region_code = _region_code()

    class Meta:
        verbose_name = "部门日统计"
        verbose_name_plural = "部门日统计"
        constraints = [models.UniqueConstraint(fields=["department", "day"], name="stats_department_day_unique")]
        indexes = [
            models.Index(fields=["region_code", "day"], name="stats_department_day_region"),
            models.Index(fields=["day"], name="stats_department_day_day"),
        ]


class DepartmentMonth(CaseFigures, RatingFigures):
    """One department's figures of one month."""

    month = models.DateField("月份", help_text="当月第一天")
    department = _department()
    region_code = _region_code()

    class Meta:
        verbose_name = "部门月统计"
        verbose_name_plural = "部门月统计"
        constraints = [models.UniqueConstraint(fields=["department", "month"], name="stats_department_month_unique")]
        indexes = [
            models.Index(fields=["region_code", "month"], name="stats_department_month_region"),
            models.Index(fields=["month"], name="stats_department_month_month"),
        ]


class RegionDay(CaseFigures, RatingFigures):
    """The figures of the departments of one region code (their own region, not below it) of one day:
    a province's summary reads one row per region instead of one per department."""

    day = models.DateField("日期")
    region_code = _region_code()

    class Meta:
        verbose_name = "区划日统计"
        verbose_name_plural = "区划日统计"
        constraints = [models.UniqueConstraint(fields=["region_code", "day"], name="stats_region_day_unique")]
        indexes = [models.Index(fields=["day"], name="stats_region_day_day")]


class RegionMonth(CaseFigures, RatingFigures):
    """The figures of the departments of one region code of one month."""

    month = models.DateField("月份", help_text="当月第一天")
    region_code = _region_code()

    class Meta:
        verbose_name = "区划月统计"
        verbose_name_plural = "区划月统计"
        constraints = [models.UniqueConstraint(fields=["region_code", "month"], name="stats_region_month_unique")]
        indexes = [models.Index(fields=["month"], name="stats_region_month_month")]


class DirtyDay(models.Model):
    """A past day whose figures changed after it was refreshed (a review voided, a bad review
    rectified, an acceptance deemed from an earlier day): the next refresh recomputes it."""

    day = models.DateField("日期", unique=True)
    reason = models.CharField("原因", max_length=200, blank=True)
    marked_at = models.DateTimeField("标记时间", default=time.now)

    class Meta:
        verbose_name = "待重算日期"
        verbose_name_plural = "待重算日期"
        ordering = ["day"]

    def __str__(self) -> str:
        return self.day.isoformat()


class RefreshedDay(models.Model):
    """When a day's figures were last computed; its row is locked while a refresh of the day runs."""

    day = models.DateField("日期", unique=True)
    refreshed_at = models.DateTimeField("计算时间", null=True, blank=True)
    cases = models.PositiveIntegerField("读取办件数", default=0)
    ratings = models.PositiveIntegerField("读取评价数", default=0)

    class Meta:
        verbose_name = "统计计算记录"
        verbose_name_plural = "统计计算记录"
        ordering = ["-day"]

    def __str__(self) -> str:
        return self.day.isoformat()
