"""The columns of the statistics tables, shared by the pages, the Excel export and the PDF report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from onewindow.supervision.statistics.selectors import Row

COUNT, PERCENT, DAYS = "count", "percent", "days"


@dataclass(frozen=True)
class Column:
    key: str
    label: StrOrPromise
    kind: str = COUNT

    def value(self, row: Row) -> Any:
        if self.key == "late":
            return row.overdue
        if self.key in row.values:
            return row.values[self.key]
        return row.rates.get(self.key)

    def text(self, row: Row) -> str:
        return display(self.value(row), self.kind)


def display(value: Any, kind: str) -> str:
    """A figure as shown on the page: counts as integers, rates as 93.5%, day averages as 4.2; — when undefined."""
    if value is None:
        return "—"
    if kind == PERCENT:
        return f"{value * 100:.1f}%"
    if kind == DAYS:
        return f"{value:.1f}"
    return str(value)


C = Column
CASE_COLUMNS = (
    C("received", _("收件量")),
    C("accepted", _("受理量")),
    C("concluded", _("办结量")),
    C("on_time", _("按时办结")),
    C("late", _("超时办结")),
    C("on_time_rate", _("按时办结率"), PERCENT),
    C("avg_used_days", _("平均用时"), DAYS),
    C("avg_granted_days", _("平均承诺时限"), DAYS),
    C("saved_days", _("减时(工作日)")),
    C("overdue_days", _("超时(工作日)")),
    C("on_the_spot_share", _("即办件占比"), PERCENT),
    C("online_share", _("网办占比"), PERCENT),
    C("zero_visit_share", _("零跑动占比"), PERCENT),
    C("compression", _("承诺时限压缩比"), PERCENT),
    C("one_visit_rate", _("最多跑一次办结率"), PERCENT),
    C("direct_rate", _("窗口直接办结率"), PERCENT),
    C("authorization_rate", _("授权办结率"), PERCENT),
)
RATING_COLUMNS = (
    C("rated", _("评价数")),
    C("satisfaction_rate", _("满意率"), PERCENT),
    C("bad", _("差评")),
    C("rectified_rate", _("差评整改率"), PERCENT),
)
STAFF_COLUMNS = (
    C("received", _("收件")),
    C("accepted", _("受理")),
    C("decided", _("作出决定")),
    C("decided_on_time_rate", _("按时决定率"), PERCENT),
    C("saved_days", _("减时(工作日)")),
    C("overdue_days", _("超时(工作日)")),
    C("tasks_done", _("完成环节")),
    C("tasks_on_time_rate", _("环节按时率"), PERCENT),
    C("rated", _("评价数")),
    C("satisfaction_rate", _("满意率"), PERCENT),
    C("bad", _("差评")),
)
COLUMNS: dict[str, tuple[Column, ...]] = {
    "department": CASE_COLUMNS + RATING_COLUMNS,
    "item": CASE_COLUMNS,
    "staff": STAFF_COLUMNS,
}
NAME_LABELS: dict[str, StrOrPromise] = {"department": _("部门"), "item": _("事项"), "staff": _("工作人员")}
TITLES: dict[str, StrOrPromise] = {"department": _("按部门统计"), "item": _("按事项统计"), "staff": _("按人员统计")}
