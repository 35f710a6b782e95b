"""The flow chart of a service item, drawn on the server from its stages.

An inline SVG (no script, no `style` attributes: colours are SVG presentation attributes, which
the Content-Security-Policy allows) with the stages top to bottom in sequence order: name, role,
unit and allotted working days; special-procedure stages (听证, 专家评审 …) dashed and marked
"不计入时限" (行政许可法 第四十五条); countersigning units as parallel branches; the promised
limit as the total. `FlowChart.stages` carries the same facts for the ordered list that the page
shows as the text alternative.

Integrity risk points (廉政风险点) and their controls are for staff only: drawn with
`show_risks=True` (the caller decides, from `access_of(user).is_staff_member`), left out of both
the picture and the stages otherwise.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from onewindow.accounts.choices import Role
from onewindow.catalog.models import ServiceItemVersion, Stage

WIDTH = 360
MARGIN = 8
BOX_WIDTH = WIDTH - 2 * MARGIN
BOX_HEIGHT = 58
BRANCH_HEIGHT = 44
RISK_ROW = 20
ARROW = 26
MAX_BRANCHES = 3  # more countersigning units than this are listed in one box

INK = "#1f2933"
MUTED = "#52606d"
PRIMARY = "#0a4f96"
TINT = "#e8f0fa"
SPECIAL = "#8795a5"
RISK = "#9b111e"
RISK_TINT = "#fde8ea"
FONT = "PingFang SC, Hiragino Sans GB, Noto Sans CJK SC, Microsoft YaHei, sans-serif"


@dataclass(frozen=True)
class FlowStage:
    """One stage as the chart and its text alternative show it."""

    sequence: int
    name: str
    role: str
    unit: str
    days: int
    special: bool
    countersign: tuple[str, ...]
    risk_points: str
    risk_controls: str

    @property
    def has_risks(self) -> bool:
        return bool(self.risk_points or self.risk_controls)


@dataclass(frozen=True)
class FlowChart:
    """The stages of an item, the limits, and the SVG drawing of them."""

    stages: list[FlowStage]
    promised_limit_days: int
    statutory_limit_days: int
    show_risks: bool
    svg: SafeString

    @property
    def has_special(self) -> bool:
        return any(stage.special for stage in self.stages)


def flowchart(version: ServiceItemVersion, *, show_risks: bool, element_id: str = "flowchart") -> FlowChart:
    """The chart of `version`'s stages (prefetched with their unit and countersigning units)."""
    stages = [_flow_stage(stage, show_risks) for stage in version.stages.all()]
    stages.sort(key=lambda stage: stage.sequence)
    svg = render_svg(stages, promised_limit_days=version.promised_limit_days, element_id=element_id)
    return FlowChart(stages, version.promised_limit_days, version.statutory_limit_days, show_risks, svg)


def _flow_stage(stage: Stage, show_risks: bool) -> FlowStage:
    return FlowStage(
        sequence=stage.sequence,
        name=stage.name,
        role=str(Role(stage.role).label) if stage.role in Role.values else stage.role,
        unit=stage.unit.name if stage.unit else "",
        days=stage.days,
        special=stage.special_procedure,
        countersign=tuple(unit.name for unit in stage.countersign_units.all()),
        risk_points=stage.risk_points if show_risks else "",
        risk_controls=stage.risk_controls if show_risks else "",
    )


# ---- drawing ------------------------------------------------------------------------------------


def element(tag: str, content: str = "", /, **attributes: object) -> str:
    """An SVG element; `font_size=14` becomes `font-size="14"`, `class_` becomes `class`.

    Attribute values are escaped here; `content` is markup (children), so text must come in
    through `text()`.
    """
    pairs = "".join(f' {name.rstrip("_").replace("_", "-")}="{escape(value)}"' for name, value in attributes.items() if value is not None)
    return f"<{tag}{pairs}>{content}</{tag}>" if content else f"<{tag}{pairs}/>"


def text(value: str, /, **attributes: object) -> str:
    """A <text> element holding `value`, escaped."""
    return element("text", escape(value), **attributes)


def render_svg(stages: list[FlowStage], *, promised_limit_days: int, element_id: str = "flowchart") -> SafeString:
    """The SVG of the stages in the order given; every text and attribute value is escaped."""
    marker = f"url(#{element_id}-arrow)"
    parts: list[str] = []
    y = MARGIN
    for index, stage in enumerate(stages):
        if index:
            parts.append(_arrow(y, y + ARROW, marker))
            y += ARROW
        parts.append(_stage_box(stage, y))
        y += _box_height(stage)
        if stage.countersign:
            branch, y = _branches(stage, y, marker)
            parts.append(branch)
    parts.append(_total(y + 14, promised_limit_days))
    height = y + 14 + 40
    description = _("共%(n)d个环节,依次为:%(names)s。") % {"n": len(stages), "names": "、".join(s.name for s in stages)}
    arrow_head = element("path", d="M 0 0 L 10 5 L 0 10 z", fill=MUTED)
    marker_element = element(
        "marker", arrow_head, id=f"{element_id}-arrow", viewBox="0 0 10 10", refX=9, refY=5, markerWidth=7, markerHeight=7, orient="auto"
    )
    content = (
        element("title", escape(_("办理流程图")), id=f"{element_id}-title")
        + element("desc", escape(description), id=f"{element_id}-desc")
        + element("defs", marker_element)
        + "".join(parts)
    )
    svg = element(
        "svg",
        content,
        xmlns="http://www.w3.org/2000/svg",
        class_="flowchart",
        id=element_id,
        viewBox=f"0 0 {WIDTH} {height}",
        width=WIDTH,
        height=height,
        role="img",
        aria_labelledby=f"{element_id}-title {element_id}-desc",
        font_family=FONT,
    )
    return mark_safe(svg)  # built by element() and text(), which escape every value


def _box_height(stage: FlowStage) -> int:
    """Taller by a row when a special stage's "不计入时限" and the risk tag both need the right column."""
    return BOX_HEIGHT + (RISK_ROW if stage.special and stage.has_risks else 0)


def _stage_box(stage: FlowStage, y: int) -> str:
    height = _box_height(stage)
    middle = y + height // 2
    right = WIDTH - MARGIN - 12
    text_width = BOX_WIDTH - 60 - 110
    detail = " · ".join(part for part in (stage.role, stage.unit) if part)
    outline = {"fill": "#ffffff", "stroke": SPECIAL, "stroke_dasharray": "6 4"} if stage.special else {"fill": TINT, "stroke": PRIMARY}
    parts = [
        element("title", escape(_stage_summary(stage))),
        element(
            "rect",
            x=MARGIN,
            y=y,
            width=BOX_WIDTH,
            height=height,
            rx=6,
            stroke_width=1.5,
            **outline,
        ),
        element("circle", cx=MARGIN + 24, cy=middle, r=14, fill=SPECIAL if stage.special else PRIMARY),
        text(str(stage.sequence), x=MARGIN + 24, y=middle + 5, text_anchor="middle", font_size=14, font_weight="bold", fill="#ffffff"),
        text(_fit(stage.name, text_width, 16), x=MARGIN + 48, y=y + 24, font_size=16, font_weight="bold", fill=INK),
        text(_fit(detail, text_width, 13), x=MARGIN + 48, y=y + 45, font_size=13, fill=MUTED),
        text(_days(stage.days), x=right, y=y + 24, text_anchor="end", font_size=14, fill=INK),
    ]
    if stage.special:
        parts.append(text(_("不计入时限"), x=right, y=y + 45, text_anchor="end", font_size=12, fill=MUTED))
    if stage.has_risks:
        parts.append(_risk_tag(right, y + 45 + (RISK_ROW if stage.special else 0)))
    css = "flow-stage flow-special" if stage.special else "flow-stage"
    return element("g", "".join(parts), class_=css, data_sequence=stage.sequence)


def _risk_tag(right: int, baseline: int) -> str:
    label = _("廉政风险点")
    width = 12 * len(label) + 10
    return element(
        "g",
        element("rect", x=right - width, y=baseline - 13, width=width, height=17, rx=3, fill=RISK_TINT)
        + text(label, x=right - 5, y=baseline, text_anchor="end", font_size=12, fill=RISK),
        class_="flow-risk",
    )


def _branches(stage: FlowStage, y: int, marker: str) -> tuple[str, int]:
    """The countersigning units side by side below the stage: fork, parallel boxes, join."""
    names = list(stage.countersign)
    if len(names) > MAX_BRANCHES:
        names = ["、".join(names)]
    gap = 10
    width = (BOX_WIDTH - gap * (len(names) - 1)) // len(names)
    centers = [MARGIN + i * (width + gap) + width // 2 for i in range(len(names))]
    fork, top = y + 12, y + 24
    bottom = top + BRANCH_HEIGHT
    join = bottom + 12
    lines = [
        element("line", x1=WIDTH // 2, y1=y, x2=WIDTH // 2, y2=fork),
        element("line", x1=centers[0], y1=fork, x2=centers[-1], y2=fork),
        element("line", x1=centers[0], y1=join, x2=centers[-1], y2=join),
    ]
    for center in centers:
        lines.append(element("line", x1=center, y1=fork, x2=center, y2=top, marker_end=marker))
        lines.append(element("line", x1=center, y1=bottom, x2=center, y2=join))
    parts = [element("g", "".join(lines), class_="flow-countersign", stroke=MUTED, stroke_width=1.5, fill="none")]
    for name, center in zip(names, centers, strict=True):
        box = [
            element("title", escape(_("会签:") + name)),
            element(
                "rect",
                x=center - width // 2,
                y=top,
                width=width,
                height=BRANCH_HEIGHT,
                rx=4,
                fill="#ffffff",
                stroke=PRIMARY,
                stroke_width=1,
            ),
            text(_fit(name, width - 12, 13), x=center, y=top + 19, text_anchor="middle", font_size=13, fill=INK),
            text(_("并联会签"), x=center, y=top + 36, text_anchor="middle", font_size=11, fill=MUTED),
        ]
        parts.append(element("g", "".join(box), class_="flow-branch"))
    return "".join(parts), join


def _arrow(start: int, end: int, marker: str) -> str:
    middle = WIDTH // 2
    return element("line", x1=middle, y1=start, x2=middle, y2=end - 2, stroke=MUTED, stroke_width=1.5, marker_end=marker)


def _total(y: int, promised_limit_days: int) -> str:
    label = _("承诺时限 %(n)d 个工作日") % {"n": promised_limit_days}
    return element(
        "g",
        element("line", x1=MARGIN, y1=y, x2=WIDTH - MARGIN, y2=y, stroke=SPECIAL, stroke_width=1)
        + text(label, x=WIDTH // 2, y=y + 28, text_anchor="middle", font_size=16, font_weight="bold", fill=PRIMARY),
        class_="flow-total",
    )


def _days(days: int) -> str:
    if days == 0:
        return _("当场办理")
    return _("%(n)d 个工作日") % {"n": days}


def _stage_summary(stage: FlowStage) -> str:
    parts = [f"{stage.sequence}. {stage.name}", stage.role, stage.unit, _days(stage.days)]
    if stage.special:
        parts.append(_("特别程序,不计入时限"))
    return " · ".join(part for part in parts if part)


def _fit(value: str, width: int, font_size: int) -> str:
    """`value` cut with an ellipsis to about `width` pixels (CJK characters one em, others ~0.6)."""
    used = 0.0
    for index, char in enumerate(value):
        used += font_size * (1.0 if unicodedata.east_asian_width(char) in "WF" else 0.6)
        if used > width:
            return value[: max(index - 1, 0)] + "…"
    return value
