"""/api/v1/supervision/summary and /api/v1/supervision/statistics: the statistics as JSON.

Read from the aggregate tables (never by scanning cases), for the caller's reach: supervisors their
region, department staff their department. Errors: 400 `period_invalid` / `group_invalid`, 401
without a user, 403 `statistics_forbidden` (no statistics for this user) or
`statistics_scope_forbidden` (a region, department or item outside the reach), 404 for an unknown
region, department or item.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from pydantic import create_model

from onewindow.accounts.auth import user_auth
from onewindow.common.api import ErrorOut, ObjectId
from onewindow.supervision.statistics import metrics, selectors
from onewindow.supervision.statistics.periods import parse_period

router = Router(tags=["supervision"])

ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


class ScopeIn(Schema):
    region: str | None = Field(None, description="区划代码(其下所有部门)")
    department: ObjectId | None = Field(None, description="部门编号")
    from_: str | None = Field(None, alias="from", description="开始日期 YYYY-MM-DD(默认本月1日)")
    to: str | None = Field(None, description="结束日期 YYYY-MM-DD(默认今天)")


class SummaryIn(ScopeIn):
    item: ObjectId | None = Field(None, description="事项编号")


class StatisticsIn(ScopeIn):
    group: str = Field("department", description="department | item | staff")


def _counts(names: tuple[str, ...]) -> dict[str, Any]:
    return {name: (int, 0) for name in names}


def _rates(rates: tuple[metrics.Rate, ...]) -> dict[str, Any]:
    return {rate.name: (float | None, None) for rate in rates}


SummaryOut = create_model(  # type: ignore[call-overload]
    "SummaryOut",
    __base__=Schema,
    __doc__="统计汇总:期间内的办件、时效、占比与评价数字,以及当前未消除的黄红牌。比率为0–1的小数,无分母时为null。",
    **{"from": (str, ...), "to": (str, ...)},
    **_counts(metrics.DEPARTMENT_NAMES),
    late=(int, 0),
    bad_reviews=(int, 0),
    yellow=(int, 0),
    red=(int, 0),
    refreshed_at=(str | None, None),
    **_rates(metrics.CASE_RATES + metrics.RATING_RATES),
)

StatisticsRowOut = create_model(  # type: ignore[call-overload]
    "StatisticsRowOut",
    __base__=Schema,
    __doc__="一个部门、事项或工作人员在期间内的数字(按分组提供相应的数字与比率)。",
    id=(int, ...),
    name=(str, ...),
    department=(str, ...),
    late=(int | None, None),
    **{name: (int | None, None) for name in dict.fromkeys(metrics.DEPARTMENT_NAMES + metrics.STAFF_NAMES)},
    **{r.name: (float | None, None) for r in metrics.CASE_RATES + metrics.RATING_RATES + metrics.STAFF_RATES},
)


class StatisticsOut(Schema):
    group: str
    from_: str = Field(..., alias="from")
    to: str
    rows: list[StatisticsRowOut]  # type: ignore[valid-type]


def _period(values: ScopeIn) -> Any:
    return parse_period(values.from_, values.to)


@router.get("/summary", response={200: SummaryOut, **ERRORS}, auth=user_auth, summary="统计汇总", by_alias=True)
def summary(request: HttpRequest, params: Query[SummaryIn]) -> dict[str, Any]:
    """收件、受理、办结、按时办结率、减时/超时、即办件/网办/零跑动占比、满意率、差评与整改率,以及当前黄红牌数。"""
    user = request.auth  # type: ignore[attr-defined]
    period = _period(params)
    scope = selectors.scope_for(user, region=params.region, department=params.department, item=params.item)
    return selectors.summary(scope=scope, period=period).as_dict()


@router.get("/statistics", response={200: StatisticsOut, **ERRORS}, auth=user_auth, summary="分组统计", by_alias=True)
def statistics(request: HttpRequest, params: Query[StatisticsIn]) -> dict[str, Any]:
    """期间内按部门、事项或工作人员分组的数字,收件量多者在前。"""
    user = request.auth  # type: ignore[attr-defined]
    period = _period(params)
    scope = selectors.scope_for(user, region=params.region, department=params.department)
    table = selectors.rows(scope=scope, period=period, group=params.group)
    return {"group": params.group, "from": period.first.isoformat(), "to": period.last.isoformat(), "rows": [r.as_dict() for r in table]}
