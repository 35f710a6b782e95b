"""Power item documents (权责清单 entries)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from onewindow.catalog.choices import ExerciseLevel, PowerCategory
from onewindow.catalog.documents.base import Problems, Reader, References, check_code
from onewindow.catalog.models import AccountabilityRule, LegalBasis, PowerItem, PowerItemVersion, Responsibility
from onewindow.orgs.models import Department


@dataclass
class ResolvedPower:
    department: Department
    code: str
    parent_code: str
    values: dict[str, Any]
    legal_bases: list[dict[str, str]]
    responsibilities: list[dict[str, str]]
    accountability_rules: list[str]


def validate_power(doc: Any, refs: References) -> ResolvedPower:
    """Check a power item document; a power needs at least one legal basis (职权法定)."""
    problems = Problems()
    r = Reader(doc, problems)
    department = refs.department(r, "department")
    levels = r.strings("levels")
    valid_levels = {str(c.value) for c in ExerciseLevel}
    labels = {str(c.label): str(c.value) for c in ExerciseLevel}
    levels = [labels.get(level, level) for level in levels]
    for index, level in enumerate(levels):
        if level not in valid_levels:
            problems.add(f"levels[{index}]", _("行使层级应为:省级、市级、县级、乡级。"))
    if not levels:
        problems.add("levels", _("至少应有一个行使层级。"))
    resolved = ResolvedPower(
        department=department,  # type: ignore[arg-type]
        code=check_code(r, "code", label=_("事项编码")),
        parent_code=r.text("parent_code", required=False, max_length=64),
        values={
            "name": r.text("name", max_length=200),
            "category": r.choice("category", PowerCategory),
            "levels": levels,
            "content": r.text("content", required=False),
            "implementing_body": r.text("implementing_body", max_length=200),
            "remarks": r.text("remarks", required=False),
        },
        legal_bases=_legal_bases(r),
        responsibilities=[
            {"stage": x.text("stage", max_length=50), "content": x.text("content")}
            for x in (Reader(raw, problems, f"responsibilities[{i}]") for i, raw in enumerate(r.rows("responsibilities")))
        ],
        accountability_rules=r.strings("accountability_rules"),
    )
    if resolved.parent_code and resolved.parent_code == resolved.code:
        problems.add("parent_code", _("主项编码不能是事项自身。"))
    problems.raise_if_any()
    return resolved


def _legal_bases(r: Reader) -> list[dict[str, str]]:
    rows = r.rows("legal_bases")
    if not rows:
        r.problems.add("legal_bases", _("权力事项应至少有一条设定依据。"))
    out = []
    for index, raw in enumerate(rows):
        b = Reader(raw, r.problems, f"legal_bases[{index}]")
        out.append(
            {
                "law": b.text("law", max_length=200),
                "article": b.text("article", required=False, max_length=100),
                "text": b.text("text", required=False),
            }
        )
    return out


def write_power_version(resolved: ResolvedPower, *, item: PowerItem, change_request: Any) -> PowerItemVersion:
    version = PowerItemVersion.objects.create(
        power_item=item, change_request=change_request, parent_code=resolved.parent_code, **resolved.values
    )
    LegalBasis.objects.bulk_create(LegalBasis(power_version=version, sort=i, **b) for i, b in enumerate(resolved.legal_bases))
    Responsibility.objects.bulk_create(Responsibility(power_version=version, sort=i, **x) for i, x in enumerate(resolved.responsibilities))
    AccountabilityRule.objects.bulk_create(
        AccountabilityRule(power_version=version, sort=i, text=t) for i, t in enumerate(resolved.accountability_rules)
    )
    return version


def power_document(version: PowerItemVersion) -> dict[str, Any]:
    item = version.power_item
    return {
        "department": item.department.name,
        "code": item.code,
        "parent_code": version.parent_code,
        "name": version.name,
        "category": version.category,
        "levels": list(version.levels),
        "content": version.content,
        "implementing_body": version.implementing_body,
        "remarks": version.remarks,
        "legal_bases": [{"law": b.law, "article": b.article, "text": b.text} for b in version.legal_bases.all()],
        "responsibilities": [{"stage": x.stage, "content": x.content} for x in version.responsibilities.all()],
        "accountability_rules": [a.text for a in version.accountability_rules.all()],
    }


POWER_PREFETCH = ("legal_bases", "responsibilities", "accountability_rules")
POWER_SELECT = ("power_item__department",)
