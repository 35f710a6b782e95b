"""The monthly report of one department as PDF: WeasyPrint with the Noto CJK fonts (as the case
documents), its charts drawn on the server as SVG, nothing fetched but data: URIs."""

from __future__ import annotations

import datetime as dt
import gc
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from onewindow.cases.documents.render import department_full_name
from onewindow.common import time
from onewindow.supervision.statistics import charts, metrics, selectors
from onewindow.supervision.statistics.periods import Period, next_month
from onewindow.supervision.statistics.selectors import Scope
from onewindow.supervision.statistics.tables import CASE_COLUMNS, RATING_COLUMNS, STAFF_COLUMNS, display

ITEM_LIMIT = 30
STAFF_LIMIT = 30


def month_period(month: dt.date, today: dt.date | None = None) -> Period:
    """The month, up to today when it is the current month."""
    today = today or time.today()
    last = min(next_month(month) - dt.timedelta(days=1), max(today, month))
    return Period(month, last)


def report_context(scope: Scope, month: dt.date) -> dict[str, Any]:
    assert scope.department is not None
    period = month_period(month)
    summary = selectors.summary(scope=scope, period=period)
    points = selectors.series(scope=scope, period=period)
    row = selectors.Row(scope.department.pk, scope.department.name, scope.department.name, summary.values)
    items = selectors.rows(scope=scope, period=period, group="item")
    staff = selectors.rows(scope=scope, period=period, group="staff")
    return {
        "issuer": department_full_name(scope.department),
        "month": month,
        "period": period,
        "generated": time.local_datetime(time.now()),
        "headline": _pairs([(c.label, c.text(row)) for c in CASE_COLUMNS + RATING_COLUMNS]),
        "cards": {"yellow": summary.yellow, "red": summary.red},
        "trend": charts.data_uri(charts.trend_svg(points)),
        "items": [(r.label, [c.text(r) for c in CASE_COLUMNS[:10]]) for r in items[:ITEM_LIMIT]],
        "item_headers": [c.label for c in CASE_COLUMNS[:10]],
        "items_more": max(len(items) - ITEM_LIMIT, 0),
        "staff": [(r.label, [c.text(r) for c in STAFF_COLUMNS]) for r in staff[:STAFF_LIMIT]],
        "staff_headers": [c.label for c in STAFF_COLUMNS],
        "late_items": [(r.label, r.overdue, r.values["overdue_days"]) for r in selectors.ranking(items, "overdue")],
        "saved_items": [
            (r.label, r.values["saved_days"], display(r.rates.get("avg_used_days"), "days")) for r in selectors.ranking(items, "saved")
        ],
        "late_total": metrics.overdue(summary.values),
    }


def _pairs(cells: list[Any]) -> list[list[Any]]:
    """Two label–value pairs per table row."""
    return [cells[i : i + 2] for i in range(0, len(cells), 2)]


def report_html(scope: Scope, month: dt.date) -> str:
    with translation.override("zh-hans"):
        return render_to_string("supervision/statistics/report.html", report_context(scope, month))


def report_pdf(scope: Scope, month: dt.date) -> bytes:
    """The PDF bytes of the department's report of `month`."""
    from weasyprint import HTML, URLFetcher  # loading WeasyPrint costs time the other pages do not need

    try:
        fetcher = URLFetcher(allowed_protocols=("data",))
        pdf: bytes = HTML(string=report_html(scope, month), url_fetcher=fetcher).write_pdf()
        return pdf
    finally:
        gc.collect()  # WeasyPrint's layout objects hold a lot of memory in a long-running process
