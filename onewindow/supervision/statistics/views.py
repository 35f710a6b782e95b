"""Statistics pages of the workbench: the overview with charts and rankings, the tables by department,
item and staff member, their Excel exports, and the monthly PDF report of a department.

Supervisors see their region, department staff their department (`selectors.reach_of`); everyone
else gets 403. Charts are initialised by `static/supervision/statistics.js` from data the page
carries in `json_script` elements (the CSP allows no inline script).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from onewindow.accounts.decorators import page_for
from onewindow.common import time
from onewindow.common.codes import parse_id
from onewindow.supervision.permissions import is_supervisor
from onewindow.supervision.statistics import charts, excel, selectors
from onewindow.supervision.statistics.forms import StatisticsFilterForm
from onewindow.supervision.statistics.periods import Period, month_in_range
from onewindow.supervision.statistics.report import report_pdf
from onewindow.supervision.statistics.selectors import Scope, may_view_statistics
from onewindow.supervision.statistics.tables import COLUMNS, NAME_LABELS, TITLES, Column

# Periods longer than this are charted by month.
DAILY_CHART_DAYS = 62
RANKING_SIZE = 10


@dataclass(frozen=True)
class Picked:
    form: StatisticsFilterForm
    scope: Scope
    period: Period
    query: str


def _picked(request: HttpRequest) -> Picked:
    reach = selectors.reach_of(request.user)
    departments = selectors.departments_in(Scope(reach))
    form = StatisticsFilterForm(request.GET or None, departments=departments, today=time.today())
    chosen = form.chosen
    scope = selectors.scope_for(request.user, department=chosen["department"])
    return Picked(form, scope, chosen["period"], form.query())


def _context(request: HttpRequest, picked: Picked, active: str) -> dict[str, Any]:
    return {
        "form": picked.form,
        "scope": picked.scope,
        "period": picked.period,
        "query": picked.query,
        "active": active,
        "is_supervisor": is_supervisor(request.user),
        "may_view_statistics": True,
    }


@page_for(may_view_statistics)
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    """Headline figures, the trend and ratings charts, 减时 and 超时 rankings by department and by item."""
    picked = _picked(request)
    summary = selectors.summary(scope=picked.scope, period=picked.period)
    grain = "day" if picked.period.days <= DAILY_CHART_DAYS else "month"
    points = selectors.series(scope=picked.scope, period=picked.period, grain=grain)
    departments = selectors.rows(scope=picked.scope, period=picked.period, group="department")
    items = selectors.rows(scope=picked.scope, period=picked.period, group="item")
    rankings = {
        "saved_departments": selectors.ranking(departments, "saved", RANKING_SIZE),
        "overdue_departments": selectors.ranking(departments, "overdue", RANKING_SIZE),
        "saved_items": selectors.ranking(items, "saved", RANKING_SIZE),
        "overdue_items": selectors.ranking(items, "overdue", RANKING_SIZE),
    }
    chart_data = {
        "trend": charts.trend_option(points, grain),
        "ratings": charts.ratings_option(points, grain),
        "saved": charts.ranking_option(_("减时排名(部门)"), rankings["saved_departments"], "saved_days", charts.GREEN),
        "overdue": charts.ranking_option(_("超时排名(事项)"), rankings["overdue_items"], "overdue_days", charts.RED),
    }
    context = {
        **_context(request, picked, "overview"),
        "summary": summary,
        "headline": _headline(summary),
        "rankings": rankings,
        "chart_data": chart_data,
        "points": points,
        "grain": grain,
        "report_month": picked.period.last.replace(day=1),
        "departments": departments,
    }
    return render(request, "supervision/statistics/overview.html", context)


def _headline(summary: selectors.Summary) -> list[tuple[str, str, str]]:
    """(label, value, css class) of the figures at the top of the overview."""
    row = selectors.Row(0, "", "", summary.values)
    picks = ["received", "accepted", "concluded", "on_time_rate", "late", "saved_days", "overdue_days", "online_share"]
    picks += ["on_the_spot_share", "zero_visit_share", "satisfaction_rate", "bad", "rectified_rate"]
    by_key = {c.key: c for c in COLUMNS["department"]}
    shown = [(str(by_key[k].label), by_key[k].text(row), "") for k in picks]
    shown.insert(4, (_("黄牌"), str(summary.yellow), "badge-yellow"))
    shown.insert(5, (_("红牌"), str(summary.red), "badge-red"))
    return shown


@page_for(may_view_statistics)
@require_GET
def table(request: HttpRequest, group: str) -> HttpResponse:
    """One table: by department, by item or by staff member."""
    if group not in selectors.GROUPS:
        raise Http404
    picked = _picked(request)
    found = selectors.rows(scope=picked.scope, period=picked.period, group=group)
    columns: tuple[Column, ...] = COLUMNS[group]
    context = {
        **_context(request, picked, group),
        "group": group,
        "title": TITLES[group],
        "name_label": NAME_LABELS[group],
        "columns": columns,
        "rows": [(row, [c.text(row) for c in columns]) for row in found],
        "report_month": picked.period.last.replace(day=1),
    }
    return render(request, "supervision/statistics/table.html", context)


@page_for(may_view_statistics)
@require_GET
def export(request: HttpRequest, group: str) -> HttpResponse:
    """The table (or, for `overview`, the headline figures, the series and the rankings) as xlsx."""
    if group not in (*selectors.GROUPS, "overview"):
        raise Http404
    picked = _picked(request)
    title = f"{picked.scope.label} {picked.period.label}"
    if group == "overview":
        sheets = _overview_sheets(picked, title)
    else:
        found = selectors.rows(scope=picked.scope, period=picked.period, group=group)
        first = [str(NAME_LABELS[group])] + ([] if group == "department" else [_("部门")])
        sheets = [excel.table_sheet(str(TITLES[group]), title, first, COLUMNS[group], found)]
    response = HttpResponse(excel.workbook(sheets), content_type=excel.XLSX)
    name = f"statistics-{group}-{picked.period.first.isoformat()}-{picked.period.last.isoformat()}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _overview_sheets(picked: Picked, title: str) -> list[excel.Sheet]:
    summary = selectors.summary(scope=picked.scope, period=picked.period)
    row = selectors.Row(0, picked.scope.label, "", summary.values)
    columns = COLUMNS["department"]
    figures = excel.Sheet(
        _("主要指标"),
        title,
        [_("指标"), _("数值")],
        [[str(c.label), c.value(row)] for c in columns] + [[_("黄牌"), summary.yellow], [_("红牌"), summary.red]],
        ["", ""],
    )
    points = selectors.series(scope=picked.scope, period=picked.period, grain="day")
    daily = [selectors.Row(0, p.period.isoformat(), "", p.values) for p in points]
    departments = selectors.rows(scope=picked.scope, period=picked.period, group="department")
    items = selectors.rows(scope=picked.scope, period=picked.period, group="item")
    return [
        figures,
        excel.table_sheet(_("每日"), title, [_("日期")], columns, daily),
        excel.table_sheet(_("减时排名(部门)"), title, [_("部门")], columns, selectors.ranking(departments, "saved", 50)),
        excel.table_sheet(_("超时排名(部门)"), title, [_("部门")], columns, selectors.ranking(departments, "overdue", 50)),
        excel.table_sheet(_("减时排名(事项)"), title, [_("事项"), _("部门")], COLUMNS["item"], selectors.ranking(items, "saved", 50)),
        excel.table_sheet(_("超时排名(事项)"), title, [_("事项"), _("部门")], COLUMNS["item"], selectors.ranking(items, "overdue", 50)),
    ]


@page_for(may_view_statistics)
@require_GET
def report(request: HttpRequest, department: int, month: str) -> HttpResponse:
    """The department's monthly report (`month`: YYYY-MM) as PDF; 404 for a malformed department id or
    month, or a month past the last one a period may reach."""
    try:
        first = dt.date.fromisoformat(f"{month}-01")
    except ValueError:
        raise Http404 from None
    if not month_in_range(first) or parse_id(str(department)) is None:
        raise Http404
    scope = selectors.scope_for(request.user, department=department)
    assert scope.department is not None
    pdf = report_pdf(scope, first)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="report-{scope.department.pk}-{month}.pdf"'
    return response
