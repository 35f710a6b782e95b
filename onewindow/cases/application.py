"""What an application must contain: the applicant's identity, the item's form, the materials of
the situation. Pure validation: every problem is collected and reported at once, nothing is written.

一次性告知: an applicant is told every problem in one go, so each check returns all its errors.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from onewindow.accounts.choices import ApplicantKind
from onewindow.cases.choices import Provision
from onewindow.catalog.choices import Audience, MaterialNecessity, MaterialSource
from onewindow.common.errors import InvalidInput
from onewindow.common.identity import normalize_resident_id, normalize_uscc

PHONE_RE = re.compile(r"^(1\d{10}|0\d{2,3}-?\d{7,8})$")


@dataclass(frozen=True)
class Applicant:
    kind: str
    name: str
    id_number: str
    phone: str
    email: str = ""


def clean_applicant(data: dict[str, Any], *, audience: str | None = None) -> Applicant:
    """The applicant block ({kind, name, id_number | uscc, phone, email}) checked; InvalidInput lists every problem."""
    errors: dict[str, str] = {}
    kind = str(data.get("kind") or "")
    if kind not in ApplicantKind.values:
        errors["kind"] = _("申请人类型应为 person(自然人)或 enterprise(法人)。")
    name = str(data.get("name") or "").strip()
    if not name or len(name) > 200:
        errors["name"] = _("请填写申请人名称(不超过200字)。")
    number = ""
    try:
        if kind == ApplicantKind.ENTERPRISE:
            number = normalize_uscc(str(data.get("uscc") or data.get("id_number") or ""))
        elif kind == ApplicantKind.PERSON:
            number = normalize_resident_id(str(data.get("id_number") or ""))
    except ValidationError as exc:
        errors["uscc" if kind == ApplicantKind.ENTERPRISE else "id_number"] = exc.messages[0]
    phone = str(data.get("phone") or "").strip()
    if not PHONE_RE.match(phone):
        errors["phone"] = _("请填写正确的手机号码或固定电话。")
    if audience and kind in ApplicantKind.values and audience != Audience.BOTH and audience != kind:
        errors["kind"] = _("该事项的服务对象为%(audience)s。") % {"audience": Audience(audience).label}
    if errors:
        raise InvalidInput(_("申请人信息有误。"), code="applicant_invalid", details=errors)
    return Applicant(kind=kind, name=name, id_number=number, phone=phone, email=str(data.get("email") or "").strip())


def clean_form(schema: list[dict[str, Any]], data: Any, *, partial: bool = False) -> dict[str, Any]:
    """The item's application form filled with `data`, each value converted to its JSON form.

    `partial` (a draft, or an application a window records to request correction) lets required
    fields stay empty; what is filled in is still checked.
    """
    if not isinstance(data, dict):
        raise InvalidInput(_("申请表单应为对象。"), code="form_invalid")
    cleaned: dict[str, Any] = {}
    errors: dict[str, str] = {}
    known = {f["name"] for f in schema}
    for name in data:
        if name not in known:
            errors[str(name)] = _("表单中没有此项。")
    for spec in schema:
        value = data.get(spec["name"])
        if value in (None, ""):
            if spec.get("required") and not partial:
                errors[spec["name"]] = _("请填写“%(label)s”。") % {"label": spec["label"]}
            continue
        try:
            cleaned[spec["name"]] = _clean_value(spec, value)
        except ValueError as exc:
            errors[spec["name"]] = str(exc)
    if errors:
        raise InvalidInput(_("申请表单有误。"), code="form_invalid", details=errors)
    return cleaned


MAX_NUMBER_DIGITS = 15


def _clean_value(spec: dict[str, Any], value: Any) -> Any:
    kind = spec.get("type", "text")
    label = spec["label"]
    if kind in ("text", "textarea"):
        text = str(value).strip()
        limit = int(spec.get("max_length") or (2000 if kind == "textarea" else 200))
        if len(text) > limit:
            raise ValueError(_("“%(label)s”不能超过%(n)s字。") % {"label": label, "n": limit})
        return text
    if kind == "number":
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise ValueError(_("“%(label)s”应为数字。") % {"label": label}) from None
        # A form number has at most 15 digits before the point (a huge exponent would also make int() run for minutes).
        if not number.is_finite() or number.adjusted() > MAX_NUMBER_DIGITS:
            raise ValueError(_("“%(label)s”应为数字。") % {"label": label})
        if spec.get("min") is not None and number < Decimal(str(spec["min"])):
            raise ValueError(_("“%(label)s”不能小于%(n)s。") % {"label": label, "n": spec["min"]})
        if spec.get("max") is not None and number > Decimal(str(spec["max"])):
            raise ValueError(_("“%(label)s”不能大于%(n)s。") % {"label": label, "n": spec["max"]})
        return int(number) if number == number.to_integral_value() else float(number)
    if kind == "date":
        try:
            return dt.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise ValueError(_("“%(label)s”应为日期(如 2026-01-31)。") % {"label": label}) from None
    if kind == "choice":
        if str(value) not in [str(c) for c in spec.get("choices", [])]:
            raise ValueError(_("“%(label)s”的选项无效。") % {"label": label})
        return str(value)
    if kind == "boolean":
        if isinstance(value, bool):
            return value
        if str(value).lower() in ("true", "1", "on", "yes"):
            return True
        if str(value).lower() in ("false", "0", "off", "no"):
            return False
        raise ValueError(_("“%(label)s”应为是或否。") % {"label": label})
    raise ValueError(_("“%(label)s”的类型无法识别。") % {"label": label})


@dataclass
class MaterialPlan:
    """How each material of the situation will be provided: code → provision (and what came with it)."""

    provisions: dict[str, str] = field(default_factory=dict)
    pledges: dict[str, str] = field(default_factory=dict)
    license_numbers: dict[str, str] = field(default_factory=dict)


ALLOWED_PROVISIONS = {
    MaterialNecessity.REQUIRED: {Provision.UPLOADED, Provision.PAPER, Provision.REUSED},
    MaterialNecessity.GAP_ALLOWED: {Provision.UPLOADED, Provision.PAPER, Provision.REUSED, Provision.GAP},
    MaterialNecessity.PLEDGE_ALLOWED: {Provision.UPLOADED, Provision.PAPER, Provision.REUSED, Provision.PLEDGE},
    MaterialNecessity.OPTIONAL: {Provision.UPLOADED, Provision.PAPER, Provision.REUSED, Provision.MISSING},
}


def material_problems(requirements: list[Any], plan: MaterialPlan, *, complete: bool, bar_reason: str | None) -> dict[str, str]:
    """Every problem of `plan` against the situation's `requirements`, by material code.

    `complete` demands every required material be provided (online submission, acceptance);
    at a window a clerk may still record an incomplete set to request correction or refuse.
    `bar_reason` is why the applicant may not pledge or leave gaps (credit, a past false pledge).
    """
    errors: dict[str, str] = {}
    by_code = {r.code: r for r in requirements}
    for code in plan.provisions:
        if code not in by_code:
            errors[code] = _("该情形不需要此材料。")
    for requirement in requirements:
        provision = plan.provisions.get(requirement.code, Provision.MISSING)
        if provision == Provision.MISSING and not complete:
            continue
        allowed = ALLOWED_PROVISIONS.get(requirement.necessity, ALLOWED_PROVISIONS[MaterialNecessity.REQUIRED])
        if provision == Provision.REUSED and requirement.source != MaterialSource.GOVERNMENT:
            errors[requirement.code] = _("“%(name)s”不是政府部门核发的证照,不能复用。") % {"name": requirement.name}
        elif provision not in allowed:
            errors[requirement.code] = _provision_error(requirement, provision)
        elif provision in (Provision.PLEDGE, Provision.GAP) and bar_reason:
            errors[requirement.code] = bar_reason
        elif provision == Provision.PLEDGE and not plan.pledges.get(requirement.code, "").strip():
            errors[requirement.code] = _("请填写对“%(name)s”的承诺内容。") % {"name": requirement.name}
    return errors


def _provision_error(requirement: Any, provision: str) -> str:
    if provision == Provision.MISSING:
        return _("缺少必要材料“%(name)s”。") % {"name": requirement.name}
    if provision == Provision.PLEDGE:
        return _("“%(name)s”不适用告知承诺。") % {"name": requirement.name}
    if provision == Provision.GAP:
        return _("“%(name)s”不适用容缺受理。") % {"name": requirement.name}
    return _("“%(name)s”的提供方式无效。") % {"name": requirement.name}
