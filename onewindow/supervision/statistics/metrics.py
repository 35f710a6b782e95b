"""The statistics' figures: the counts stored per day in the aggregate tables, and the rates derived
from them. `docs/statistics.md` gives each one's exact definition; this is the one list the
tables, the refresh, the recount, the pages, the API and the Excel export read.

Every stored figure is additive (a count or a sum of days), so a period's value is the sum of its
days and the rates are computed only after summing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Figure:
    """A stored, additive figure: its column name and its label."""

    name: str
    label: StrOrPromise


# Case figures: per (day, department, item), rolled up per department and per month.
CASE_FIGURES: tuple[Figure, ...] = (
    Figure("received", _("收件量")),
    Figure("received_online", _("网上收件")),
    Figure("received_on_the_spot", _("即办件收件")),
    Figure("received_zero_visit", _("零跑动事项收件")),
    Figure("statutory_days", _("法定时限合计(工作日)")),
    Figure("promised_days", _("承诺时限合计(工作日)")),
    Figure("accepted", _("受理量")),
    Figure("deemed_accepted", _("视为受理")),
    Figure("concluded", _("办结量")),
    Figure("delivered", _("送达办结")),
    Figure("refused", _("不予受理")),
    Figure("withdrawn", _("撤回")),
    Figure("terminated", _("终止")),
    Figure("granted", _("准予许可")),
    Figure("denied", _("不予许可")),
    Figure("deemed_approved", _("超时默认准予")),
    Figure("timed", _("计时办结")),
    Figure("on_time", _("按时办结")),
    Figure("used_days", _("实际用时合计(工作日)")),
    Figure("granted_days", _("承诺时限(含延长)合计(工作日)")),
    Figure("saved_days", _("减时合计(工作日)")),
    Figure("overdue_days", _("超时合计(工作日)")),
    Figure("one_visit", _("最多跑一次办结")),
    Figure("window_timed", _("窗口受理计时办结")),
    Figure("window_direct", _("窗口直接办结")),
    Figure("authorized", _("首席代表授权办结")),
)

# Rating figures: per (day, department).
RATING_FIGURES: tuple[Figure, ...] = (
    Figure("rated", _("评价数")),
    Figure("satisfied", _("满意评价")),
    Figure("bad", _("差评")),
    Figure("level_sum", _("评价等级合计")),
    Figure("voided", _("已作废评价")),
    Figure("bad_rectified", _("差评已整改")),
)

# Staff figures: per (day, department, user).
STAFF_FIGURES: tuple[Figure, ...] = (
    Figure("received", _("收件")),
    Figure("accepted", _("受理")),
    Figure("decided", _("作出决定")),
    Figure("decided_on_time", _("按时决定")),
    Figure("saved_days", _("减时合计(工作日)")),
    Figure("overdue_days", _("超时合计(工作日)")),
    Figure("tasks_done", _("完成环节")),
    Figure("tasks_on_time", _("按时完成环节")),
    Figure("rated", _("评价数")),
    Figure("satisfied", _("满意评价")),
    Figure("bad", _("差评")),
)

CASE_NAMES = tuple(f.name for f in CASE_FIGURES)
RATING_NAMES = tuple(f.name for f in RATING_FIGURES)
STAFF_NAMES = tuple(f.name for f in STAFF_FIGURES)
DEPARTMENT_NAMES = CASE_NAMES + RATING_NAMES

Values = Mapping[str, int]


@dataclass(frozen=True)
class Rate:
    """A derived figure: numerator over denominator (None when the denominator is 0)."""

    name: str
    label: StrOrPromise
    compute: Callable[[Values], float | None]
    percent: bool = True


def ratio(numerator: str, denominator: str) -> Callable[[Values], float | None]:
    def compute(values: Values) -> float | None:
        below = values.get(denominator, 0)
        return values.get(numerator, 0) / below if below else None

    return compute


def _compression(values: Values) -> float | None:
    """承诺时限压缩比 = (Σ法定 − Σ承诺) / Σ法定 (DESIGN.md § Deadlines and supervision)."""
    statutory = values.get("statutory_days", 0)
    return (statutory - values.get("promised_days", 0)) / statutory if statutory else None


CASE_RATES: tuple[Rate, ...] = (
    Rate("on_time_rate", _("按时办结率"), ratio("on_time", "timed")),
    Rate("avg_used_days", _("平均用时(工作日)"), ratio("used_days", "timed"), percent=False),
    Rate("avg_granted_days", _("平均承诺时限(工作日)"), ratio("granted_days", "timed"), percent=False),
    Rate("on_the_spot_share", _("即办件占比"), ratio("received_on_the_spot", "received")),
    Rate("online_share", _("网上办理占比"), ratio("received_online", "received")),
    Rate("zero_visit_share", _("零跑动占比"), ratio("received_zero_visit", "received")),
    Rate("compression", _("承诺时限压缩比"), _compression),
    Rate("one_visit_rate", _("最多跑一次办结率"), ratio("one_visit", "timed")),
    Rate("direct_rate", _("窗口直接办结率"), ratio("window_direct", "window_timed")),
    Rate("authorization_rate", _("授权办结率"), ratio("authorized", "timed")),
)
RATING_RATES: tuple[Rate, ...] = (
    Rate("satisfaction_rate", _("满意率"), ratio("satisfied", "rated")),
    Rate("avg_level", _("平均评价等级"), ratio("level_sum", "rated"), percent=False),
    Rate("rectified_rate", _("差评整改率"), ratio("bad_rectified", "bad")),
)
STAFF_RATES: tuple[Rate, ...] = (
    Rate("decided_on_time_rate", _("按时决定率"), ratio("decided_on_time", "decided")),
    Rate("tasks_on_time_rate", _("环节按时率"), ratio("tasks_on_time", "tasks_done")),
    Rate("satisfaction_rate", _("满意率"), ratio("satisfied", "rated")),
)


def overdue(values: Values) -> int:
    """Cases concluded late: timed but not on time."""
    return values.get("timed", 0) - values.get("on_time", 0)


def rates(values: Values, definitions: tuple[Rate, ...]) -> dict[str, float | None]:
    """The rates of `values`, as floats rounded to 4 places (None where undefined)."""
    result: dict[str, float | None] = {}
    for rate in definitions:
        value = rate.compute(values)
        result[rate.name] = None if value is None else round(value, 4)
    return result


def empty(names: tuple[str, ...]) -> dict[str, int]:
    return dict.fromkeys(names, 0)


def add(total: dict[str, int], values: Values, names: tuple[str, ...]) -> None:
    for name in names:
        total[name] = total.get(name, 0) + int(values.get(name) or 0)
