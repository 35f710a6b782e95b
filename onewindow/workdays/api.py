"""Public working-day API: due dates, working days between two dates, one day's status.

Dates are parsed here rather than by the schema so a bad one is answered with `invalid_date`
and a message that names the parameter.
"""

import datetime as dt
import re

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema

from onewindow.common.api import ErrorOut
from onewindow.common.errors import InvalidInput
from onewindow.workdays import calendar

router = Router(tags=["workdays"])

MAX_DAYS = 3650
MAX_SPAN_DAYS = 2 * MAX_DAYS  # keeps one public request's work bounded
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class DueDateOut(Schema):
    start: dt.date
    days: int
    due: dt.date
    provisional: bool


class WorkdayCountOut(Schema):
    start: dt.date
    end: dt.date
    workdays: int
    provisional: bool


class DayOut(Schema):
    date: dt.date
    workday: bool
    provisional: bool
    name: str


def _date(value: str | None, parameter: str) -> dt.date:
    text = (value or "").strip()
    try:
        if _ISO_DATE.match(text):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise InvalidInput(
        _("参数 %(parameter)s 的日期格式应为YYYY-MM-DD且为有效日期,例如2026-10-08。") % {"parameter": parameter},
        code="invalid_date",
        details={"field": parameter},
    )


def _days(value: str | None) -> int:
    text = (value or "").strip()
    if re.fullmatch(r"[+-]?\d{1,5}", text) and -MAX_DAYS <= int(text) <= MAX_DAYS:
        return int(text)
    raise InvalidInput(
        _("参数 days 应为%(low)d至%(high)d之间的整数(负数表示往前推算)。") % {"low": -MAX_DAYS, "high": MAX_DAYS},
        code="invalid_days",
        details={"field": "days"},
    )


_DATE_HELP = "日期,格式YYYY-MM-DD(必填)"


@router.get("/add", response={200: DueDateOut, 400: ErrorOut}, auth=None, summary="推算期限届满日")
def add(
    request: HttpRequest,
    start: str | None = Query(None, description=f"起算日,当日不计入;{_DATE_HELP}"),
    days: str | None = Query(None, description=f"工作日数,{-MAX_DAYS}至{MAX_DAYS}的整数(必填);负数表示往前推算"),
) -> DueDateOut:
    """The day `days` working days after `start`, the start day not counted (行政许可法 第八十二条)."""
    start_day, count = _date(start, "start"), _days(days)
    result = calendar.add_workdays(start_day, count)
    return DueDateOut(start=start_day, days=count, due=result.due, provisional=result.provisional)


@router.get("/between", response={200: WorkdayCountOut, 400: ErrorOut}, auth=None, summary="计算两日之间的工作日数")
def between(
    request: HttpRequest,
    start: str | None = Query(None, description=f"起算日,当日不计入;{_DATE_HELP}"),
    end: str | None = Query(None, description=f"截止日,当日计入;{_DATE_HELP}"),
) -> WorkdayCountOut:
    """Working days after `start` up to and including `end` (0 when `end` is not after `start`)."""
    start_day, end_day = _date(start, "start"), _date(end, "end")
    if (end_day - start_day).days > MAX_SPAN_DAYS:
        message = _("起止日期相隔不能超过%(count)d天。") % {"count": MAX_SPAN_DAYS}
        raise InvalidInput(message, code="range_too_long", details={"field": "end"})
    result = calendar.workdays_between(start_day, end_day)
    return WorkdayCountOut(start=start_day, end=end_day, workdays=result.days, provisional=result.provisional)


@router.get("/day", response={200: DayOut, 400: ErrorOut}, auth=None, summary="查询某日是否为工作日")
def day(request: HttpRequest, date: str | None = Query(None, description=_DATE_HELP)) -> DayOut:
    """Whether a day is a working day; `name` is the holiday's name on its days off and make-up days."""
    the_day = _date(date, "date")
    info = calendar.is_workday(the_day)
    return DayOut(date=the_day, workday=info.workday, provisional=info.provisional, name=info.name)
