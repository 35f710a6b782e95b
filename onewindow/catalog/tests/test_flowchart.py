"""The flow chart drawn from an item's stages: order, special procedures, countersigning, escaping,
and risk points for staff only."""

# ruff: noqa: F401, F811 (the fixtures shared with test_views_public are imported, then named as arguments)

import re
import xml.etree.ElementTree as ET

import pytest

from onewindow.catalog.flowchart import FlowStage, flowchart, render_svg
from onewindow.catalog.selectors import item_guide
from onewindow.catalog.tests.test_views_public import FOOD, catalog, food_document, publish, publisher, references

SVG = "{http://www.w3.org/2000/svg}"


def flow_stage(sequence: int, name: str, **fields: object) -> FlowStage:
    values: dict = {
        "role": "审查人员",
        "unit": "",
        "days": 1,
        "special": False,
        "countersign": (),
        "risk_points": "",
        "risk_controls": "",
        **fields,
    }
    return FlowStage(sequence=sequence, name=name, **values)


def parse(svg: str) -> ET.Element:
    """The SVG as XML: it must be well formed, whatever the names contained."""
    return ET.fromstring(svg)


def stage_groups(root: ET.Element) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if "flow-stage" in g.get("class", "").split()]


def texts(element: ET.Element) -> list[str]:
    return [t.text or "" for t in element.iter(f"{SVG}text")]


def test_stages_are_drawn_in_the_order_given_with_role_unit_and_days():
    stages = [
        flow_stage(1, "受理", role="窗口受理人员", days=1),
        flow_stage(2, "审查", unit="行政审批科", days=3),
        flow_stage(3, "决定", role="审批决定人", days=0),
    ]

    root = parse(render_svg(stages, promised_limit_days=4))

    groups = stage_groups(root)
    assert [g.get("data-sequence") for g in groups] == ["1", "2", "3"]
    assert texts(groups[0]) == ["1", "受理", "窗口受理人员", "1 个工作日"]
    assert texts(groups[1]) == ["2", "审查", "审查人员 · 行政审批科", "3 个工作日"]
    assert texts(groups[2])[-1] == "当场办理"
    boxes = [g.find(f"{SVG}rect") for g in groups]
    assert [int(box.get("y")) for box in boxes] == sorted(int(box.get("y")) for box in boxes)  # top to bottom


def test_special_procedure_is_dashed_and_not_counted():
    stages = [flow_stage(1, "审查"), flow_stage(2, "专家评审", special=True, days=10), flow_stage(3, "决定")]

    groups = stage_groups(parse(render_svg(stages, promised_limit_days=2)))

    special = groups[1]
    assert "flow-special" in special.get("class")
    assert special.find(f"{SVG}rect").get("stroke-dasharray")
    assert "不计入时限" in texts(special)
    for ordinary in (groups[0], groups[2]):
        assert ordinary.find(f"{SVG}rect").get("stroke-dasharray") is None
        assert "不计入时限" not in texts(ordinary)


def test_countersigning_units_are_parallel_branches():
    stages = [flow_stage(1, "审查", countersign=("食品经营监管股", "法规股")), flow_stage(2, "决定")]

    root = parse(render_svg(stages, promised_limit_days=2))

    branches = [g for g in root.iter(f"{SVG}g") if g.get("class") == "flow-branch"]
    assert [texts(b)[0] for b in branches] == ["食品经营监管股", "法规股"]
    tops = {b.find(f"{SVG}rect").get("y") for b in branches}
    assert len(tops) == 1  # side by side
    decide_top = int(stage_groups(root)[1].find(f"{SVG}rect").get("y"))
    assert all(int(b.find(f"{SVG}rect").get("y")) < decide_top for b in branches)


def test_many_countersigning_units_share_one_box():
    units = tuple(f"股室{n}" for n in range(5))

    root = parse(render_svg([flow_stage(1, "审查", countersign=units)], promised_limit_days=1))

    branches = [g for g in root.iter(f"{SVG}g") if g.get("class") == "flow-branch"]
    assert len(branches) == 1
    assert branches[0].find(f"{SVG}title").text == "会签:" + "、".join(units)


def test_total_line_states_the_promised_limit():
    root = parse(render_svg([flow_stage(1, "受理")], promised_limit_days=5))

    total = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "flow-total")
    assert texts(total) == ["承诺时限 5 个工作日"]


def test_every_text_is_escaped():
    hostile = '<script>alert("x")</script> & 审查'
    stages = [flow_stage(1, hostile, unit='"><img src=x>', countersign=("<b>股</b>",))]

    svg = str(render_svg(stages, promised_limit_days=1))

    assert "<script" not in svg and "<img" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg
    root = parse(svg)  # well formed despite the markup in the names
    assert root.find(f".//{SVG}g/{SVG}title").text.startswith('1. <script>alert("x")</script> & 审查')


def test_no_script_and_no_style_attributes():
    svg = str(render_svg([flow_stage(1, "受理", special=True, risk_points="x")], promised_limit_days=1))

    assert "<script" not in svg
    assert not re.search(r"\sstyle=", svg)
    assert re.search(r'<svg [^>]*role="img"', svg)
    assert 'aria-labelledby="flowchart-title flowchart-desc"' in svg


def test_long_names_are_shortened_in_the_box_but_whole_in_the_title():
    name = "对在城市道路上设置户外广告设施及临时占用城市道路的联合审批与现场核查"

    group = stage_groups(parse(render_svg([flow_stage(1, name)], promised_limit_days=1)))[0]

    shown = texts(group)[1]
    assert shown.endswith("…") and len(shown) < len(name)
    assert name in group.find(f"{SVG}title").text


def test_risk_tag_only_for_stages_with_risks():
    stages = [flow_stage(1, "受理"), flow_stage(2, "审查", risk_points="降低审查标准")]

    groups = stage_groups(parse(render_svg(stages, promised_limit_days=2)))

    assert "廉政风险点" not in texts(groups[0])
    assert "廉政风险点" in texts(groups[1])


@pytest.mark.django_db
def test_public_chart_of_a_published_item_leaves_risk_points_out(catalog):
    chart = flowchart(item_guide(code=FOOD), show_risks=False)

    assert [s.name for s in chart.stages] == ["受理", "审查", "专家评审", "决定", "送达"]
    assert all(s.risk_points == "" and s.risk_controls == "" for s in chart.stages)
    assert "廉政风险点" not in chart.svg
    assert chart.has_special
    assert chart.stages[1].countersign == ("食品经营监管股",)
    assert chart.stages[1].unit == "行政审批科"
    assert (chart.promised_limit_days, chart.statutory_limit_days) == (5, 20)


@pytest.mark.django_db
def test_staff_chart_carries_risk_points_and_controls(catalog):
    chart = flowchart(item_guide(code=FOOD), show_risks=True)

    review = chart.stages[1]
    assert (review.risk_points, review.risk_controls) == ("降低审查标准", "集体审议,全程留痕")
    assert "廉政风险点" in chart.svg


@pytest.mark.django_db
def test_stages_follow_their_sequence_not_the_document_order(county, references, list_manager, publisher):
    document = food_document()
    document["stages"] = list(reversed(document["stages"]))
    publish(list_manager, publisher, county, document)

    chart = flowchart(item_guide(code=FOOD), show_risks=False)

    assert [s.sequence for s in chart.stages] == [1, 2, 3, 4, 5]
    names = [g.find(f"{SVG}text[2]") for g in stage_groups(parse(chart.svg))]
    assert [n.text for n in names] == ["受理", "审查", "专家评审", "决定", "送达"]
