"""The demo county's published lists (`onewindow.catalog.demo_data`) are complete and consistent.

Pure data checks: every document has the shape of the catalog documents, codes are unique and
well-formed, limits and flows add up, and every reference (department, unit, power, license type,
intermediary service, fee, theme) resolves, also through the change history applied in order.
"""

import re
from collections import Counter

import pytest
from django.conf import settings

from onewindow.accounts.choices import Role
from onewindow.catalog import demo_data
from onewindow.catalog.choices import (
    FULLY_ONLINE_DEPTH,
    Audience,
    ChangeKind,
    ExerciseLevel,
    FeeCategory,
    ItemKind,
    ListKind,
    MaterialForm,
    MaterialNecessity,
    MaterialSource,
    OnlineDepth,
    PowerCategory,
    StageKind,
    ThemeKind,
)
from onewindow.demo.county import DEPARTMENTS as DEMO_DEPARTMENTS
from onewindow.licenses.choices import HolderKind

SERVICE_KEYS = {
    "department", "basic_code", "implementation_code", "power_code", "name", "category", "audience", "themes",
    "implementing_body", "unit", "legal_basis", "acceptance_conditions", "statutory_limit_days", "promised_limit_days",
    "kind", "on_site_visits", "visit_reason", "online_depth", "places", "hours", "phone", "complaint_phone", "result_name",
    "result_license_type", "is_free", "deemed_approval", "joint_handling", "intermediaries", "keywords", "form_schema",
    "situations", "materials", "fees", "stages",
}  # fmt: skip
MATERIAL_KEYS = {"code", "situation", "name", "form", "copies", "necessity", "source", "license_type", "requirements"}
STAGE_KEYS = {
    "sequence", "kind", "name", "role", "unit", "days", "countersign_units", "special_procedure", "standard", "risk_points",
    "risk_controls",
}  # fmt: skip
POWER_KEYS = {
    "department", "code", "parent_code", "name", "category", "levels", "content", "implementing_body", "remarks",
    "legal_bases", "responsibilities", "accountability_rules",
}  # fmt: skip
FEE_KEYS = {"department", "code", "name", "category", "standard", "basis", "reducible", "remarks"}
ITEM_FEE_KEYS = {"name", "standard", "basis", "reducible", "fee_code"}
INTERMEDIARY_KEYS = {"code", "name", "department", "basis", "qualification", "fee_basis", "time_limit"}
DUTY_KEYS = {"code", "matter", "lead_department", "lead_duty", "basis", "shares"}
LICENSE_KEYS = {"code", "name", "issuing_department", "holder_kind", "validity_years", "fields"}
THEME_KEYS = {"code", "name", "kind", "audience", "sort"}
CHANGE_KEYS = {"list_kind", "kind", "department", "title", "reason", "legal_basis", "drafts", "cancel"}
FIELD_TYPES = {"text", "textarea", "number", "date", "choice", "boolean"}

# Categories whose items have service guides; the others (处罚, 强制, 征收, 检查) are powers only.
GUIDE_CATEGORIES = set(PowerCategory) - {PowerCategory.PENALTY, PowerCategory.COERCION, PowerCategory.LEVY, PowerCategory.INSPECTION}
LIST_SHAPES = {
    ListKind.POWER: POWER_KEYS,
    ListKind.SERVICE: SERVICE_KEYS,
    ListKind.FEE: FEE_KEYS,
    ListKind.INTERMEDIARY: INTERMEDIARY_KEYS,
    ListKind.DUTY_BOUNDARY: DUTY_KEYS,
}
IDENTITY = {
    ListKind.POWER: "code",
    ListKind.SERVICE: "implementation_code",
    ListKind.FEE: "code",
    ListKind.INTERMEDIARY: "code",
    ListKind.DUTY_BOUNDARY: "code",
}
NEW_ENTRY_KINDS = {ChangeKind.ADD, ChangeKind.TAKE_OVER}
CHANGED_ENTRY_KINDS = {ChangeKind.ADJUST, ChangeKind.DELEGATE}
REQUIRED_ITEMS = [
    "食品经营许可",
    "公共场所卫生许可",
    "个体工商户设立登记",
    "药品零售企业许可",
    "医疗机构执业登记",
    "建设工程规划许可证核发",
    "建筑工程施工许可",
    "户外广告设施设置审批",
    "城镇污水排入排水管网许可",
    "居民身份证申领",
    "社会保障卡申领",
    "普通护照签发",
]

UNITS = {spec.name: {unit.name for unit in spec.units} for spec in DEMO_DEPARTMENTS}
USCCS = {spec.name: spec.uscc for spec in DEMO_DEPARTMENTS}
POWERS = {power["code"]: power for power in demo_data.POWER_ITEMS}
LICENSES = {license_type["code"] for license_type in demo_data.LICENSE_TYPES}
INTERMEDIARIES = {service["code"] for service in demo_data.INTERMEDIARY_SERVICES}
THEMES = {theme["code"] for theme in demo_data.THEMES}
FEES = {fee["code"]: fee for fee in demo_data.FEE_ENTRIES}


def _assert_none(problems: list[str]) -> None:
    assert not problems, "\n".join(problems[:30])


def _shape_problems(document: dict, keys: set[str], where: str) -> list[str]:
    missing, extra = keys - document.keys(), document.keys() - keys
    return [f"{where}: missing {sorted(missing)} extra {sorted(extra)}"] if missing or extra else []


def _duplicates(values: list[str]) -> list[str]:
    return [value for value, count in Counter(values).items() if count > 1]


# Sizes and coverage ------------------------------------------------------------------------------


def test_the_lists_are_the_size_of_a_county():
    assert len(demo_data.SERVICE_ITEMS) >= 150
    assert len(demo_data.POWER_ITEMS) >= 150
    assert len({item["department"] for item in demo_data.SERVICE_ITEMS}) >= 20
    assert len({power["department"] for power in demo_data.POWER_ITEMS}) >= 20
    assert len(demo_data.LICENSE_TYPES) >= 20
    assert len(demo_data.INTERMEDIARY_SERVICES) >= 14
    assert len(demo_data.FEE_ENTRIES) >= 12
    assert len(demo_data.DUTY_BOUNDARIES) >= 8


def test_every_power_category_is_listed_and_the_small_ones_several_times():
    categories = Counter(power["category"] for power in demo_data.POWER_ITEMS)
    assert set(categories) == set(PowerCategory)
    assert min(categories.values()) >= 3


def test_every_category_with_guides_has_service_items_and_only_those_do():
    categories = {item["category"] for item in demo_data.SERVICE_ITEMS}
    assert categories == GUIDE_CATEGORIES


def test_fee_categories_are_all_used_and_most_items_are_free():
    assert {fee["category"] for fee in demo_data.FEE_ENTRIES} == set(FeeCategory)
    free = sum(item["is_free"] for item in demo_data.SERVICE_ITEMS)
    assert free > 0.8 * len(demo_data.SERVICE_ITEMS)


def test_some_main_items_have_sub_items():
    parents = {power["parent_code"] for power in demo_data.POWER_ITEMS if power["parent_code"]}
    assert len(parents) >= 3


@pytest.mark.parametrize("name", REQUIRED_ITEMS)
def test_the_items_citizens_ask_for_most_are_published(name):
    assert name in {item["name"] for item in demo_data.SERVICE_ITEMS}


def test_themes_cover_person_and_enterprise_life_events():
    names = {theme["name"]: theme for theme in demo_data.THEMES}
    for name in ("出生", "入学", "婚育", "社保", "退休养老", "身后事"):
        assert names[name]["kind"] == ThemeKind.LIFE_EVENT and names[name]["audience"] == Audience.PERSON
    for name in ("开办企业", "工程建设", "经营许可", "纳税缴费", "变更注销", "招工用工"):
        assert names[name]["kind"] == ThemeKind.ENTERPRISE_EVENT and names[name]["audience"] == Audience.ENTERPRISE


def test_items_reach_every_theme():
    used = {theme for item in demo_data.SERVICE_ITEMS for theme in item["themes"]}
    assert used == THEMES


# Shapes and codes ------------------------------------------------------------------------------


def test_every_document_has_exactly_the_keys_of_its_shape():
    problems = []
    for name, documents, keys in [
        ("theme", demo_data.THEMES, THEME_KEYS),
        ("license type", demo_data.LICENSE_TYPES, LICENSE_KEYS),
        ("fee", demo_data.FEE_ENTRIES, FEE_KEYS),
        ("intermediary", demo_data.INTERMEDIARY_SERVICES, INTERMEDIARY_KEYS),
        ("duty boundary", demo_data.DUTY_BOUNDARIES, DUTY_KEYS),
        ("power", demo_data.POWER_ITEMS, POWER_KEYS),
        ("service item", demo_data.SERVICE_ITEMS, SERVICE_KEYS),
    ]:
        for document in documents:
            problems += _shape_problems(document, keys, f"{name} {document.get('name') or document.get('matter')}")
    for item in demo_data.SERVICE_ITEMS:
        problems += [p for m in item["materials"] for p in _shape_problems(m, MATERIAL_KEYS, f"{item['name']} material")]
        problems += [p for s in item["stages"] for p in _shape_problems(s, STAGE_KEYS, f"{item['name']} stage")]
        problems += [p for f in item["fees"] for p in _shape_problems(f, ITEM_FEE_KEYS, f"{item['name']} fee")]
        problems += [p for s in item["situations"] for p in _shape_problems(s, {"code", "name", "description"}, item["name"])]
    for power in demo_data.POWER_ITEMS:
        problems += [p for b in power["legal_bases"] for p in _shape_problems(b, {"law", "article", "text"}, power["name"])]
        problems += [p for r in power["responsibilities"] for p in _shape_problems(r, {"stage", "content"}, power["name"])]
    _assert_none(problems)


def test_codes_are_unique_in_each_list():
    assert not _duplicates([power["code"] for power in demo_data.POWER_ITEMS])
    assert not _duplicates([item["implementation_code"] for item in demo_data.SERVICE_ITEMS])
    assert not _duplicates([item["name"] for item in demo_data.SERVICE_ITEMS])
    for documents in (
        demo_data.THEMES,
        demo_data.LICENSE_TYPES,
        demo_data.FEE_ENTRIES,
        demo_data.INTERMEDIARY_SERVICES,
        demo_data.DUTY_BOUNDARIES,
    ):
        assert not _duplicates([document["code"] for document in documents])


def test_item_codes_match_the_configured_patterns_and_the_department():
    basic, implementation = re.compile(settings.ITEM_BASIC_CODE_PATTERN), re.compile(settings.ITEM_IMPLEMENTATION_CODE_PATTERN)
    problems = [
        item["name"]
        for item in demo_data.SERVICE_ITEMS
        if not basic.match(item["basic_code"])
        or not implementation.match(item["implementation_code"])
        or not item["implementation_code"].startswith(USCCS[item["department"]] + item["basic_code"])
    ]
    _assert_none(problems)


def test_theme_codes_are_slugs():
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", theme["code"]) for theme in demo_data.THEMES)


def test_choice_values_are_valid():
    problems = []
    for power in demo_data.POWER_ITEMS:
        if power["category"] not in PowerCategory.values or not set(power["levels"]) <= set(ExerciseLevel.values) or not power["levels"]:
            problems.append(f"power {power['name']}")
    for item in demo_data.SERVICE_ITEMS:
        if item["audience"] not in Audience.values or item["kind"] not in ItemKind.values or item["online_depth"] not in OnlineDepth.values:
            problems.append(f"item {item['name']}")
        for material in item["materials"]:
            valid = (
                material["form"] in MaterialForm.values
                and material["necessity"] in MaterialNecessity.values
                and material["source"] in MaterialSource.values
                and material["copies"] >= 1
            )
            if not valid:
                problems.append(f"material {item['name']} {material['name']}")
        for stage in item["stages"]:
            if stage["kind"] not in StageKind.values or stage["role"] not in Role.values:
                problems.append(f"stage {item['name']} {stage['name']}")
    problems += [fee["code"] for fee in demo_data.FEE_ENTRIES if fee["category"] not in FeeCategory.values]
    problems += [lic["code"] for lic in demo_data.LICENSE_TYPES if lic["holder_kind"] not in HolderKind.values]
    problems += [
        theme["code"] for theme in demo_data.THEMES if theme["kind"] not in ThemeKind.values or theme["audience"] not in Audience.values
    ]
    _assert_none(problems)


# The rules of a published guide --------------------------------------------------------------------


def test_promised_limit_never_exceeds_the_statutory_limit():
    _assert_none([item["name"] for item in demo_data.SERVICE_ITEMS if not 0 <= item["promised_limit_days"] <= item["statutory_limit_days"]])


def test_on_the_spot_items_are_exactly_those_promised_in_zero_days():
    _assert_none(
        [item["name"] for item in demo_data.SERVICE_ITEMS if (item["kind"] == ItemKind.ON_THE_SPOT) != (item["promised_limit_days"] == 0)]
    )
    assert sum(item["kind"] == ItemKind.ON_THE_SPOT for item in demo_data.SERVICE_ITEMS) >= 20


def test_counted_stage_days_fit_in_the_promised_limit():
    problems = [
        item["name"]
        for item in demo_data.SERVICE_ITEMS
        if sum(stage["days"] for stage in item["stages"] if not stage["special_procedure"]) > item["promised_limit_days"]
    ]
    _assert_none(problems)


def test_flows_run_from_acceptance_to_delivery_in_sequence():
    problems = []
    for item in demo_data.SERVICE_ITEMS:
        stages = item["stages"]
        if [stage["sequence"] for stage in stages] != list(range(1, len(stages) + 1)):
            problems.append(f"{item['name']}: sequence")
        if (
            stages[0]["kind"] != StageKind.ACCEPT
            or stages[-1]["kind"] != StageKind.DELIVER
            or StageKind.DECIDE not in {s["kind"] for s in stages}
        ):
            problems.append(f"{item['name']}: 受理…决定…送达")
    _assert_none(problems)
    assert any(stage["special_procedure"] for item in demo_data.SERVICE_ITEMS for stage in item["stages"])


def test_fully_online_items_need_no_visit_and_visits_have_a_reason():
    problems = [item["name"] for item in demo_data.SERVICE_ITEMS if item["online_depth"] >= FULLY_ONLINE_DEPTH and item["on_site_visits"]]
    problems += [item["name"] for item in demo_data.SERVICE_ITEMS if item["on_site_visits"] and not item["visit_reason"].strip()]
    _assert_none(problems)
    assert sum(item["on_site_visits"] == 0 and item["online_depth"] >= FULLY_ONLINE_DEPTH for item in demo_data.SERVICE_ITEMS) >= 100


def test_materials_are_numbered_and_refer_to_situations_of_their_item():
    problems = []
    for item in demo_data.SERVICE_ITEMS:
        situations = [situation["code"] for situation in item["situations"]]
        codes = [material["code"] for material in item["materials"]]
        if not situations or _duplicates(situations) or _duplicates(codes) or not 2 <= len(codes) <= 8:
            problems.append(f"{item['name']}: codes or count")
        problems += [f"{item['name']}: {m['name']}" for m in item["materials"] if m["situation"] and m["situation"] not in situations]
    _assert_none(problems)


def test_gap_and_pledge_materials_and_shared_licenses_are_used():
    necessities = Counter(m["necessity"] for item in demo_data.SERVICE_ITEMS for m in item["materials"])
    assert necessities[MaterialNecessity.GAP_ALLOWED] >= 5 and necessities[MaterialNecessity.PLEDGE_ALLOWED] >= 10
    government = [m for item in demo_data.SERVICE_ITEMS for m in item["materials"] if m["source"] == MaterialSource.GOVERNMENT]
    assert {"business-license", "resident-id-card"} <= {m["license_type"] for m in government}
    assert all(m["license_type"] for m in government)


def test_forms_have_three_to_eight_well_formed_fields():
    problems = []
    for item in demo_data.SERVICE_ITEMS:
        fields = item["form_schema"]
        if not 3 <= len(fields) <= 8 or _duplicates([field["name"] for field in fields]):
            problems.append(f"{item['name']}: {len(fields)} fields")
        for field in fields:
            if field["type"] not in FIELD_TYPES or not field["label"] or (field["type"] == "choice" and not field.get("choices")):
                problems.append(f"{item['name']}: {field['name']}")
    _assert_none(problems)


def test_fees_come_from_the_fee_catalog_and_items_charging_are_not_free():
    problems = [item["name"] for item in demo_data.SERVICE_ITEMS if item["is_free"] == bool(item["fees"])]
    for item in demo_data.SERVICE_ITEMS:
        for fee in item["fees"]:
            entry = FEES.get(fee["fee_code"])
            if entry is None or (fee["name"], fee["standard"]) != (entry["name"], entry["standard"]):
                problems.append(f"{item['name']}: {fee['name']}")
    _assert_none(problems)


def test_powers_have_bases_responsibilities_and_accountability():
    problems = []
    for power in demo_data.POWER_ITEMS:
        laws_ok = power["legal_bases"] and all(re.fullmatch(r"《.+》.*", basis["law"]) for basis in power["legal_bases"])
        if not laws_ok or not 2 <= len(power["responsibilities"]) <= 4 or not 2 <= len(power["accountability_rules"]) <= 4:
            problems.append(power["name"])
        problems += [
            f"{power['name']}: article {b['article']}" for b in power["legal_bases"] if b["article"] and not b["article"].startswith("第")
        ]
    _assert_none(problems)


# References ------------------------------------------------------------------------------------


def test_departments_and_units_are_those_of_the_demo_county():
    problems = [f"department {name}" for name in _referenced_departments() if name not in UNITS]
    for item in demo_data.SERVICE_ITEMS:
        units = UNITS.get(item["department"], set())
        named = [item["unit"], *(s["unit"] for s in item["stages"]), *(u for s in item["stages"] for u in s["countersign_units"])]
        problems += [f"{item['name']}: unit {unit}" for unit in named if unit and unit not in units]
    _assert_none(problems)


def _referenced_departments() -> set[str]:
    names = {document["department"] for documents in (demo_data.POWER_ITEMS, demo_data.SERVICE_ITEMS) for document in documents}
    names |= {fee["department"] for fee in demo_data.FEE_ENTRIES} | {s["department"] for s in demo_data.INTERMEDIARY_SERVICES}
    names |= {lic["issuing_department"] for lic in demo_data.LICENSE_TYPES}
    for boundary in demo_data.DUTY_BOUNDARIES:
        names |= {boundary["lead_department"], *(share["department"] for share in boundary["shares"])}
    return names | {change["department"] for change in demo_data.CHANGE_HISTORY}


def test_items_implement_a_power_of_their_department_and_category():
    problems = []
    for item in demo_data.SERVICE_ITEMS:
        power = POWERS.get(item["power_code"])
        if power is None or (power["department"], power["category"], power["code"]) != (
            item["department"],
            item["category"],
            item["basic_code"],
        ):
            problems.append(item["name"])
    _assert_none(problems)


def test_sub_items_belong_to_a_main_item_of_their_department():
    problems = []
    for power in demo_data.POWER_ITEMS:
        parent = POWERS.get(power["parent_code"]) if power["parent_code"] else None
        if power["parent_code"] and (parent is None or parent["parent_code"] or parent["department"] != power["department"]):
            problems.append(power["name"])
    _assert_none(problems)


def test_license_types_intermediaries_and_themes_resolve():
    problems = []
    for item in demo_data.SERVICE_ITEMS:
        licenses = [item["result_license_type"], *(m["license_type"] for m in item["materials"])]
        problems += [f"{item['name']}: license {code}" for code in licenses if code and code not in LICENSES]
        problems += [f"{item['name']}: intermediary {code}" for code in item["intermediaries"] if code not in INTERMEDIARIES]
        problems += [f"{item['name']}: theme {code}" for code in item["themes"] if code not in THEMES]
    _assert_none(problems)
    assert any(item["intermediaries"] for item in demo_data.SERVICE_ITEMS if "gongcheng-jianshe" in item["themes"])


def test_duty_boundaries_have_two_to_four_co_departments_other_than_the_lead():
    problems = [
        boundary["matter"]
        for boundary in demo_data.DUTY_BOUNDARIES
        if not 2 <= len(boundary["shares"]) <= 4 or boundary["lead_department"] in {share["department"] for share in boundary["shares"]}
    ]
    _assert_none(problems)


# The change history --------------------------------------------------------------------------------


def test_the_history_has_a_change_request_of_every_kind():
    assert {change["kind"] for change in demo_data.CHANGE_HISTORY} == set(ChangeKind)
    for change in demo_data.CHANGE_HISTORY:
        assert change.keys() == CHANGE_KEYS and change["list_kind"] in ListKind.values
        assert change["drafts"] or change["cancel"], change["title"]
        assert change["reason"] and change["legal_basis"], change["title"]


def test_history_drafts_keep_the_rules_of_their_list():
    problems = []
    for change in demo_data.CHANGE_HISTORY:
        problems += [p for draft in change["drafts"] for p in _shape_problems(draft, LIST_SHAPES[change["list_kind"]], change["title"])]
        for draft in (d for d in change["drafts"] if change["list_kind"] == ListKind.SERVICE):
            counted = sum(stage["days"] for stage in draft["stages"] if not stage["special_procedure"])
            if counted > draft["promised_limit_days"] or draft["promised_limit_days"] > draft["statutory_limit_days"]:
                problems.append(f"{change['title']}: limits")
    _assert_none(problems)


def test_the_history_applies_in_order_without_dangling_references():
    """Replay the history: cancelled entries exist, and every current item's power is current."""
    current: dict[str, dict[str, dict]] = {kind: {} for kind in ListKind.values}
    current[ListKind.POWER] = dict(POWERS)
    current[ListKind.SERVICE] = {item["implementation_code"]: item for item in demo_data.SERVICE_ITEMS}
    problems = []
    for change in demo_data.CHANGE_HISTORY:
        entries, identity = current[change["list_kind"]], IDENTITY[change["list_kind"]]
        for code in change["cancel"]:
            if entries.pop(code, None) is None:
                problems.append(f"{change['title']}: cancels unknown {code}")
        for draft in change["drafts"]:
            is_new = draft[identity] not in entries
            if change["kind"] in NEW_ENTRY_KINDS and not is_new or change["kind"] in CHANGED_ENTRY_KINDS and is_new:
                problems.append(f"{change['title']}: {draft['name']} new={is_new}")
            entries[draft[identity]] = draft
        if change["kind"] == ChangeKind.MERGE and (len(change["cancel"]) < 2 or len(change["drafts"]) != 1):
            problems.append(f"{change['title']}: a merge cancels two or more entries into one")
        powers = current[ListKind.POWER]
        problems += [f"{change['title']}: {i['name']}" for i in current[ListKind.SERVICE].values() if i["power_code"] not in powers]
    _assert_none(problems)


def test_the_adjustment_and_the_delegation_change_what_they_say():
    by_kind = {change["kind"]: change for change in demo_data.CHANGE_HISTORY if change["list_kind"] == ListKind.SERVICE}
    adjusted = by_kind[ChangeKind.ADJUST]["drafts"][0]
    before = next(item for item in demo_data.SERVICE_ITEMS if item["implementation_code"] == adjusted["implementation_code"])
    assert adjusted["promised_limit_days"] < before["promised_limit_days"]
    assert len(adjusted["materials"]) < len(before["materials"])
    delegated = next(c for c in demo_data.CHANGE_HISTORY if c["kind"] == ChangeKind.DELEGATE and c["list_kind"] == ListKind.POWER)
    assert ExerciseLevel.TOWNSHIP in delegated["drafts"][0]["levels"]
