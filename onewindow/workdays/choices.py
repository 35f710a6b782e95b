from django.db import models


class OverrideKind(models.TextChoices):
    """What an entered day is: a day off (放假) or a make-up working day (调休上班)."""

    HOLIDAY = "holiday", "放假"
    WORKDAY = "workday", "调休上班"


class YearSource(models.TextChoices):
    """Where a year's holiday arrangement comes from (shown on the calendar page)."""

    SCHEDULE = "schedule", "已录入国务院通知"
    PACKAGE = "package", "chinese-calendar"
    FALLBACK = "fallback", "未录入(临时按周末及固定节日计算)"
