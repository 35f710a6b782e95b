"""Charts of the statistics: Apache ECharts options for the pages (rendered by
`static/supervision/statistics.js`) and the same pictures as server-drawn SVG for the PDF report."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from html import escape
from typing import Any

from django.utils.translation import gettext as _

from onewindow.supervision.statistics.selectors import Point, Row

BLUE, GREEN, ORANGE, RED, GRAY = "#0b5cad", "#2e8540", "#d9822b", "#c62828", "#666666"


def _label(point: Point, grain: str) -> str:
    return point.period.strftime("%Y-%m") if grain == "month" else point.period.strftime("%m-%d")


def _percent(value: float | None) -> float | None:
    return None if value is None else round(value * 100, 1)


def trend_option(points: Sequence[Point], grain: str) -> dict[str, Any]:
    """收件 and 办结 as bars, 按时办结率 as a line on its own axis."""
    labels = [_label(p, grain) for p in points]
    return {
        "title": {"text": _("收件与办结"), "left": "center", "textStyle": {"fontSize": 14}},
        "tooltip": {"trigger": "axis"},
        "legend": {"bottom": 0},
        "grid": {"left": 48, "right": 48, "top": 40, "bottom": 56},
        "xAxis": {"type": "category", "data": labels},
        "yAxis": [{"type": "value", "name": _("件")}, {"type": "value", "name": "%", "min": 0, "max": 100}],
        "series": [
            {"name": _("收件量"), "type": "bar", "data": [p.values["received"] for p in points], "itemStyle": {"color": BLUE}},
            {"name": _("办结量"), "type": "bar", "data": [p.values["concluded"] for p in points], "itemStyle": {"color": GREEN}},
            {
                "name": _("按时办结率"),
                "type": "line",
                "yAxisIndex": 1,
                "connectNulls": True,
                "data": [_percent(p.rates["on_time_rate"]) for p in points],
                "itemStyle": {"color": ORANGE},
            },
        ],
    }


def ratings_option(points: Sequence[Point], grain: str) -> dict[str, Any]:
    """满意率 as a line, 差评 as bars."""
    return {
        "title": {"text": _("评价"), "left": "center", "textStyle": {"fontSize": 14}},
        "tooltip": {"trigger": "axis"},
        "legend": {"bottom": 0},
        "grid": {"left": 48, "right": 48, "top": 40, "bottom": 56},
        "xAxis": {"type": "category", "data": [_label(p, grain) for p in points]},
        "yAxis": [{"type": "value", "name": _("条")}, {"type": "value", "name": "%", "min": 0, "max": 100}],
        "series": [
            {"name": _("评价数"), "type": "bar", "data": [p.values["rated"] for p in points], "itemStyle": {"color": BLUE}},
            {"name": _("差评"), "type": "bar", "data": [p.values["bad"] for p in points], "itemStyle": {"color": RED}},
            {
                "name": _("满意率"),
                "type": "line",
                "yAxisIndex": 1,
                "connectNulls": True,
                "data": [_percent(p.rates["satisfaction_rate"]) for p in points],
                "itemStyle": {"color": GREEN},
            },
        ],
    }


def ranking_option(title: str, rows: Sequence[Row], figure: str, color: str) -> dict[str, Any]:
    """A horizontal bar per row, the first row on top."""
    ordered = list(reversed(rows))
    return {
        "title": {"text": title, "left": "center", "textStyle": {"fontSize": 14}},
        "tooltip": {"trigger": "axis", "axisPointer": {"type": "shadow"}},
        "grid": {"left": 140, "right": 24, "top": 40, "bottom": 24},
        "xAxis": {"type": "value"},
        "yAxis": {"type": "category", "data": [r.label[:12] for r in ordered]},
        "series": [{"type": "bar", "data": [r.values[figure] for r in ordered], "itemStyle": {"color": color}}],
    }


# SVG for the PDF ---------------------------------------------------------------------------------


def bars_svg(labels: Sequence[str], series: Sequence[tuple[str, Sequence[int], str]], *, width: int = 640, height: int = 220) -> str:
    """Grouped vertical bars with a legend, as an SVG document (no script, no external reference)."""
    left, right, top, bottom = 40, 10, 24, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max([1, *[v for _name, values, _c in series for v in values]])
    count = max(len(labels), 1)
    slot = plot_w / count
    bar = max(slot * 0.8 / max(len(series), 1), 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'font-family="Noto Sans CJK SC, sans-serif" font-size="10">',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" stroke="{GRAY}"/>',
        f'<text x="{left - 4}" y="{top + 4}" text-anchor="end">{peak}</text>',
        f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end">0</text>',
    ]
    for s_index, (_name, values, color) in enumerate(series):
        for index, value in enumerate(values):
            h = plot_h * value / peak
            x = left + index * slot + slot * 0.1 + s_index * bar
            parts.append(f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{color}"/>')
    step = max(1, count // 12)
    for index, label in enumerate(labels):
        if index % step == 0:
            x = left + index * slot + slot / 2
            parts.append(f'<text x="{x:.1f}" y="{top + plot_h + 14}" text-anchor="middle">{escape(label)}</text>')
    for s_index, (name, _values, color) in enumerate(series):
        x = left + s_index * 110
        parts.append(f'<rect x="{x}" y="{height - 12}" width="10" height="10" fill="{color}"/>')
        parts.append(f'<text x="{x + 14}" y="{height - 3}">{escape(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def trend_svg(points: Sequence[Point]) -> str:
    labels = [p.period.strftime("%d") for p in points]
    return bars_svg(
        labels,
        [
            (_("收件量"), [p.values["received"] for p in points], BLUE),
            (_("办结量"), [p.values["concluded"] for p in points], GREEN),
            (_("超时办结"), [p.values["timed"] - p.values["on_time"] for p in points], RED),
        ],
    )
