"""Service item documents: validation against the catalog rules, writing and reading version rows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from onewindow.accounts.choices import Role
from onewindow.catalog.choices import (
    FULLY_ONLINE_DEPTH,
    Audience,
    ItemKind,
    MaterialForm,
    MaterialNecessity,
    MaterialSource,
    OnlineDepth,
    PowerCategory,
    StageKind,
)
from onewindow.catalog.documents.base import Problems, Reader, References, basic_code_pattern, check_code, implementation_code_pattern
from onewindow.catalog.models import (
    IntermediaryService,
    ItemFee,
    MaterialRequirement,
    PowerItem,
    ServiceItem,
    ServiceItemVersion,
    Situation,
    Stage,
    Theme,
)
from onewindow.catalog.pinyin import name_pinyin
from onewindow.orgs.models import Department, Unit

FORM_FIELD_TYPES = ("text", "textarea", "number", "date", "choice", "boolean")
_FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")

SCALAR_FIELDS = (
    "name",
    "category",
    "audience",
    "implementing_body",
    "legal_basis",
    "acceptance_conditions",
    "statutory_limit_days",
    "promised_limit_days",
    "kind",
    "on_site_visits",
    "visit_reason",
    "online_depth",
    "places",
    "hours",
    "phone",
    "complaint_phone",
    "result_name",
    "is_free",
    "deemed_approval",
    "joint_handling",
    "keywords",
)


@dataclass
class ResolvedItem:
    """A valid service item document with its references resolved to objects."""

    department: Department
    basic_code: str
    implementation_code: str
    power_item: PowerItem | None
    values: dict[str, Any]
    unit: Unit | None
    result_license_type: Any
    themes: list[Theme]
    intermediaries: list[IntermediaryService]
    form_schema: list[dict[str, Any]]
    situations: list[dict[str, Any]] = field(default_factory=list)
    materials: list[dict[str, Any]] = field(default_factory=list)
    fees: list[dict[str, Any]] = field(default_factory=list)
    stages: list[dict[str, Any]] = field(default_factory=list)


def validate_item(doc: Any, refs: References) -> ResolvedItem:
    """Check a service item document against every catalog rule; raise InvalidInput listing all problems."""
    problems = Problems()
    r = Reader(doc, problems)
    department = refs.department(r, "department")
    values = _scalars(r)
    resolved = ResolvedItem(
        department=department,  # type: ignore[arg-type]
        basic_code=check_code(r, "basic_code", basic_code_pattern(), label=_("基本编码")),
        implementation_code=check_code(r, "implementation_code", implementation_code_pattern(), label=_("实施编码")),
        power_item=_power_item(r, refs, department),
        values=values,
        unit=_unit(r, refs, department, "unit"),
        result_license_type=refs.license_type(r, "result_license_type"),
        themes=_themes(r, refs),
        intermediaries=_intermediaries(r, refs),
        form_schema=_form_schema(r),
    )
    _check_limits(r, values)
    resolved.situations = _situations(r)
    situation_codes = {s["code"] for s in resolved.situations}
    resolved.materials = _materials(r, refs, situation_codes)
    resolved.fees = _fees(r, values, refs)
    resolved.stages = _stages(r, refs, department, values)
    problems.raise_if_any()
    return resolved


def _scalars(r: Reader) -> dict[str, Any]:
    return {
        "name": r.text("name", max_length=200),
        "category": r.choice("category", PowerCategory),
        "audience": r.choice("audience", Audience),
        "implementing_body": r.text("implementing_body", max_length=200),
        "legal_basis": r.text("legal_basis"),
        "acceptance_conditions": r.text("acceptance_conditions"),
        "statutory_limit_days": r.integer("statutory_limit_days", maximum=365),
        "promised_limit_days": r.integer("promised_limit_days", maximum=365),
        "kind": r.choice("kind", ItemKind),
        "on_site_visits": r.integer("on_site_visits", maximum=9),
        "visit_reason": r.text("visit_reason", required=False, max_length=300),
        "online_depth": r.integer("online_depth", minimum=OnlineDepth.CONSULT, maximum=OnlineDepth.ELICENSE),
        "places": r.text("places"),
        "hours": r.text("hours", max_length=200),
        "phone": r.text("phone", max_length=64),
        "complaint_phone": r.text("complaint_phone", required=False, max_length=64),
        "result_name": r.text("result_name", required=False, max_length=200),
        "is_free": r.boolean("is_free", default=True),
        "deemed_approval": r.boolean("deemed_approval"),
        "joint_handling": r.boolean("joint_handling"),
        "keywords": r.text("keywords", required=False, max_length=500),
    }


def _check_limits(r: Reader, v: dict[str, Any]) -> None:
    """承诺时限 may not exceed 法定时限; 全程网办 means no visit; a visit needs a stated reason."""
    if v["promised_limit_days"] > v["statutory_limit_days"]:
        r.problems.add("promised_limit_days", _("承诺办结时限不能超过法定办结时限。"))
    if v["kind"] == ItemKind.PROMISED and v["promised_limit_days"] < 1:
        r.problems.add("promised_limit_days", _("承诺件的承诺办结时限至少为1个工作日。"))
    if v["online_depth"] >= FULLY_ONLINE_DEPTH and v["on_site_visits"] > 0:
        r.problems.add("on_site_visits", _("全程网办(网上办理深度5级及以上)的事项到现场次数应为0。"))
    if v["on_site_visits"] > 0 and not v["visit_reason"]:
        r.problems.add("visit_reason", _("需要到现场办理的,应说明必须现场办理的原因。"))


def _power_item(r: Reader, refs: References, department: Department | None) -> PowerItem | None:
    code = r.text("power_code", required=False, max_length=64)
    if not code or department is None:
        return None
    power = refs.find("power", (department.region_id, code))
    if power is None:
        r.problems.add("power_code", _("权力事项编码“%(c)s”不存在。") % {"c": code})
    return power


def _unit(r: Reader, refs: References, department: Department | None, key: str) -> Unit | None:
    name = r.text(key, required=False, max_length=100)
    if not name or department is None:
        return None
    unit = refs.unit(department, name)
    if unit is None:
        r.problems.add(r.path(key), _("“%(d)s”没有内设机构“%(n)s”。") % {"d": department.name, "n": name})
    return unit


def _themes(r: Reader, refs: References) -> list[Theme]:
    codes = r.strings("themes")
    found = {code: theme for code in codes if (theme := refs.find("theme", code)) is not None}
    for index, code in enumerate(codes):
        if code not in found:
            r.problems.add(f"themes[{index}]", _("主题“%(c)s”不存在。") % {"c": code})
    return [found[c] for c in codes if c in found]


def _intermediaries(r: Reader, refs: References) -> list[IntermediaryService]:
    """Only services in the intermediary catalog may be required: 目录之外无中介服务."""
    codes = r.strings("intermediaries")
    found = {code: service for code in codes if (service := refs.find("intermediary", code)) is not None}
    for index, code in enumerate(codes):
        if code not in found:
            r.problems.add(f"intermediaries[{index}]", _("中介服务“%(c)s”不在中介服务事项清单中(目录之外无中介服务)。") % {"c": code})
    return [found[c] for c in codes if c in found]


def _form_schema(r: Reader) -> list[dict[str, Any]]:
    fields: list[dict[str, Any]] = []
    names: set[str] = set()
    for index, raw in enumerate(r.rows("form_schema")):
        f = Reader(raw, r.problems, f"form_schema[{index}]")
        name = f.text("name", max_length=40)
        if name and not _FIELD_NAME.match(name):
            r.problems.add(f.path("name"), _("字段名只能使用小写字母、数字和下划线,且以字母开头。"))
        if name in names:
            r.problems.add(f.path("name"), _("字段名重复。"))
        names.add(name)
        kind = f.text("type", max_length=20)
        if kind and kind not in FORM_FIELD_TYPES:
            r.problems.add(f.path("type"), _("字段类型应为:%(t)s。") % {"t": "、".join(FORM_FIELD_TYPES)})
        entry: dict[str, Any] = {"name": name, "label": f.text("label", max_length=100), "type": kind, "required": f.boolean("required")}
        for key in ("max_length", "min", "max"):
            if key in f.doc and f.doc[key] is not None:
                entry[key] = f.integer(key, minimum=-(10**9), maximum=10**9)
        if kind == "choice":
            entry["choices"] = f.strings("choices")
            if not entry["choices"]:
                r.problems.add(f.path("choices"), _("选择型字段应列出可选项。"))
        fields.append(entry)
    return fields


def _situations(r: Reader) -> list[dict[str, Any]]:
    rows = r.rows("situations")
    if not rows:
        r.problems.add("situations", _("至少应有一个办事情形。"))
    out, codes = [], set()
    for index, raw in enumerate(rows):
        s = Reader(raw, r.problems, f"situations[{index}]")
        code = s.text("code", max_length=32)
        if code in codes:
            r.problems.add(s.path("code"), _("情形代码重复。"))
        codes.add(code)
        out.append({"code": code, "name": s.text("name", max_length=200), "description": s.text("description", required=False)})
    return out


def _materials(r: Reader, refs: References, situation_codes: set[str]) -> list[dict[str, Any]]:
    out, codes = [], set()
    for index, raw in enumerate(r.rows("materials")):
        m = Reader(raw, r.problems, f"materials[{index}]")
        code = m.text("code", max_length=32)
        if code in codes:
            r.problems.add(m.path("code"), _("材料代码重复。"))
        codes.add(code)
        situation = m.text("situation", required=False, max_length=32)
        if situation and situation not in situation_codes:
            r.problems.add(m.path("situation"), _("办事情形“%(c)s”不存在。") % {"c": situation})
        source = m.choice("source", MaterialSource)
        reported = len(m.problems.items)
        license_type = refs.license_type(m, "license_type")
        if source == MaterialSource.GOVERNMENT and license_type is None and len(m.problems.items) == reported:
            r.problems.add(m.path("license_type"), _("政府部门核发的材料应指明对应的证照类型。"))
        out.append(
            {
                "code": code,
                "situation": situation,
                "name": m.text("name", max_length=200),
                "form": m.choice("form", MaterialForm),
                "copies": m.integer("copies", minimum=0, maximum=99),
                "necessity": m.choice("necessity", MaterialNecessity),
                "source": source,
                "license_type": license_type,
                "requirements": m.text("requirements", required=False),
            }
        )
    return out


def _fees(r: Reader, values: dict[str, Any], refs: References) -> list[dict[str, Any]]:
    out = []
    for index, raw in enumerate(r.rows("fees")):
        f = Reader(raw, r.problems, f"fees[{index}]")
        code = f.text("fee_code", required=False, max_length=64)
        entry = refs.find("fee", code) if code else None
        if code and entry is None:
            r.problems.add(f.path("fee_code"), _("收费目录中没有编码为“%(c)s”的收费项目。") % {"c": code})
        out.append(
            {
                "name": f.text("name", max_length=200),
                "standard": f.text("standard", max_length=300),
                "basis": f.text("basis"),
                "reducible": f.boolean("reducible"),
                "fee_entry": entry,
            }
        )
    if values["is_free"] and out:
        r.problems.add("fees", _("不收费的事项不应列出收费项目。"))
    if not values["is_free"] and not out:
        r.problems.add("fees", _("收费事项应列出收费项目、标准和依据。"))
    return out


def _stages(r: Reader, refs: References, department: Department | None, values: dict[str, Any]) -> list[dict[str, Any]]:
    rows = r.rows("stages")
    if not rows:
        r.problems.add("stages", _("至少应有一个办理环节。"))
    out, sequences, counted_days = [], set(), 0
    for index, raw in enumerate(rows):
        s = Reader(raw, r.problems, f"stages[{index}]")
        sequence = s.integer("sequence", minimum=1, maximum=99)
        if sequence in sequences:
            r.problems.add(s.path("sequence"), _("环节顺序重复。"))
        sequences.add(sequence)
        special = s.boolean("special_procedure")
        days = s.integer("days", maximum=365)
        counted_days += 0 if special else days
        countersign = []
        for cs_index, name in enumerate(s.strings("countersign_units")):
            unit = refs.unit(department, name) if department else None
            if unit is None:
                r.problems.add(f"{s.path('countersign_units')}[{cs_index}]", _("会签机构“%(n)s”不存在。") % {"n": name})
            else:
                countersign.append(unit)
        out.append(
            {
                "sequence": sequence,
                "kind": s.choice("kind", StageKind),
                "name": s.text("name", max_length=100),
                "role": s.choice("role", Role),
                "unit": _unit(s, refs, department, "unit"),
                "days": days,
                "countersign_units": countersign,
                "special_procedure": special,
                "standard": s.text("standard", required=False),
                "risk_points": s.text("risk_points", required=False),
                "risk_controls": s.text("risk_controls", required=False),
            }
        )
    if counted_days > values["promised_limit_days"] and values["kind"] == ItemKind.PROMISED:
        r.problems.add("stages", _("各环节时限之和(%(d)d个工作日,不含特别程序)不能超过承诺办结时限。") % {"d": counted_days})
    return out


def write_item_version(resolved: ResolvedItem, *, item: ServiceItem, change_request: Any) -> ServiceItemVersion:
    """Create a draft version row of `item` with its situations, materials, fees and stages."""
    full, initials = name_pinyin(resolved.values["name"])
    version = ServiceItemVersion.objects.create(
        service_item=item,
        change_request=change_request,
        power_item=resolved.power_item,
        unit=resolved.unit,
        result_license_type=resolved.result_license_type,
        form_schema=resolved.form_schema,
        pinyin=full[:1000],
        pinyin_initials=initials[:200],
        **resolved.values,
    )
    version.themes.set(resolved.themes)
    version.intermediaries.set(resolved.intermediaries)
    situations = {
        s["code"]: Situation.objects.create(version=version, code=s["code"], name=s["name"], description=s["description"], sort=i)
        for i, s in enumerate(resolved.situations)
    }
    MaterialRequirement.objects.bulk_create(
        MaterialRequirement(
            version=version, sort=i, situation=situations.get(m["situation"]), **{k: v for k, v in m.items() if k != "situation"}
        )
        for i, m in enumerate(resolved.materials)
    )
    ItemFee.objects.bulk_create(ItemFee(version=version, sort=i, **fee) for i, fee in enumerate(resolved.fees))
    for stage in resolved.stages:
        countersign = stage.pop("countersign_units")
        row = Stage.objects.create(version=version, **stage)
        row.countersign_units.set(countersign)
        stage["countersign_units"] = countersign
    return version


def item_document(version: ServiceItemVersion) -> dict[str, Any]:
    """The document of a version row (the inverse of validate + write)."""
    item = version.service_item
    doc: dict[str, Any] = {
        "department": item.department.name,
        "basic_code": item.basic_code,
        "implementation_code": item.implementation_code,
        "power_code": version.power_item.code if version.power_item else "",
    }
    doc.update({name: getattr(version, name) for name in SCALAR_FIELDS})
    doc["unit"] = version.unit.name if version.unit else ""
    doc["result_license_type"] = version.result_license_type.code if version.result_license_type else ""
    doc["themes"] = [t.code for t in version.themes.all()]
    doc["intermediaries"] = [s.code for s in version.intermediaries.all()]
    doc["form_schema"] = version.form_schema
    situations = list(version.situations.all())
    by_id = {s.pk: s.code for s in situations}
    doc["situations"] = [{"code": s.code, "name": s.name, "description": s.description} for s in situations]
    doc["materials"] = [
        {
            "code": m.code,
            "situation": by_id.get(m.situation_id, "") if m.situation_id else "",
            "name": m.name,
            "form": m.form,
            "copies": m.copies,
            "necessity": m.necessity,
            "source": m.source,
            "license_type": m.license_type.code if m.license_type else "",
            "requirements": m.requirements,
        }
        for m in version.materials.all()
    ]
    doc["fees"] = [
        {
            "name": f.name,
            "standard": f.standard,
            "basis": f.basis,
            "reducible": f.reducible,
            "fee_code": f.fee_entry.code if f.fee_entry else "",
        }
        for f in version.fees.all()
    ]
    doc["stages"] = [
        {
            "sequence": s.sequence,
            "kind": s.kind,
            "name": s.name,
            "role": s.role,
            "unit": s.unit.name if s.unit else "",
            "days": s.days,
            "countersign_units": [u.name for u in s.countersign_units.all()],
            "special_procedure": s.special_procedure,
            "standard": s.standard,
            "risk_points": s.risk_points,
            "risk_controls": s.risk_controls,
        }
        for s in version.stages.all()
    ]
    return doc


ITEM_PREFETCH = (
    "themes",
    "intermediaries",
    "situations",
    "materials__license_type",
    "fees__fee_entry",
    "stages__unit",
    "stages__countersign_units",
)
ITEM_SELECT = ("service_item__department", "power_item", "unit", "result_license_type")
