"""Service items (政务服务事项) of the demo lists: materials, form fields, the standard flow, and the
builder that turns a power item plus what its guide says into a service item document.

Rules the builder keeps (the tests check them on the result):
- 即办件 (`on_the_spot`) are decided at the window in one sitting: promised limit 0, every stage 0 days,
  decided by the chief representative; 承诺件 have a promised limit of at least 1 working day.
- The days of the stages that count (not special procedures) add up to the promised limit exactly.
- An item charges fees only from the fee catalog, and is free exactly when it has none.
"""

from onewindow.accounts.choices import Role
from onewindow.catalog.choices import (
    Audience,
    ItemKind,
    MaterialForm,
    MaterialNecessity,
    MaterialSource,
    PowerCategory,
    StageKind,
)
from onewindow.catalog.demo_data.departments import HOURS, Dept
from onewindow.catalog.demo_data.fees import FEES_BY_CODE

# Materials -----------------------------------------------------------------------------------


def material(
    name: str,
    *,
    form: str = MaterialForm.ORIGINAL,
    copies: int = 1,
    necessity: str = MaterialNecessity.REQUIRED,
    source: str = MaterialSource.APPLICANT,
    license_type: str = "",
    requirements: str = "",
    situation: str = "",
) -> dict:
    """A material without its code (the builder numbers materials M01, M02 … in order)."""
    return {
        "situation": situation,
        "name": name,
        "form": str(form),
        "copies": copies,
        "necessity": str(necessity),
        "source": str(source),
        "license_type": license_type,
        "requirements": requirements,
    }


def gov(name: str, license_type: str, *, situation: str = "", requirements: str = "") -> dict:
    """A license the government issued: fetched from the e-license library, not submitted again."""
    return material(
        name,
        form=MaterialForm.ELECTRONIC,
        source=MaterialSource.GOVERNMENT,
        license_type=license_type,
        requirements=requirements or "通过电子证照库调取,申请人无需提交",
        situation=situation,
    )


def gap(name: str, requirements: str = "", *, situation: str = "", form: str = MaterialForm.ORIGINAL) -> dict:
    """A minor material that may be supplied later (容缺受理)."""
    return material(name, form=form, necessity=MaterialNecessity.GAP_ALLOWED, requirements=requirements, situation=situation)


def pledge(name: str, requirements: str = "", *, situation: str = "") -> dict:
    """A proof that a written pledge may replace (告知承诺)."""
    return material(name, necessity=MaterialNecessity.PLEDGE_ALLOWED, requirements=requirements, situation=situation)


def by_agency(name: str, requirements: str = "", *, situation: str = "") -> dict:
    """A report an intermediary from the catalog issues."""
    return material(name, source=MaterialSource.INTERMEDIARY, requirements=requirements, situation=situation)


def copy_of(name: str, requirements: str = "", *, situation: str = "", necessity: str = MaterialNecessity.REQUIRED) -> dict:
    return material(name, form=MaterialForm.COPY, necessity=necessity, requirements=requirements, situation=situation)


def optional(name: str, requirements: str, *, situation: str = "") -> dict:
    """A material needed only in the circumstances `requirements` names."""
    return material(name, necessity=MaterialNecessity.OPTIONAL, requirements=requirements, situation=situation)


ID_CARD = gov("居民身份证", "resident-id-card")
HOUSEHOLD_REGISTER = gov("居民户口簿", "household-register")
BUSINESS_LICENSE = gov("营业执照", "business-license")
AGENT = optional("授权委托书及受托人身份证件", "委托他人代为办理的提交")
PHOTO = material("近期免冠彩色照片", form=MaterialForm.ELECTRONIC, requirements="可在受理窗口现场免费采集")


# Form fields ---------------------------------------------------------------------------------


def text(name: str, label: str, *, required: bool = True, max_length: int = 100) -> dict:
    return {"name": name, "label": label, "type": "text", "required": required, "max_length": max_length}


def textarea(name: str, label: str, *, required: bool = True, max_length: int = 1000) -> dict:
    return {"name": name, "label": label, "type": "textarea", "required": required, "max_length": max_length}


def number(name: str, label: str, *, required: bool = True, minimum: float = 0) -> dict:
    return {"name": name, "label": label, "type": "number", "required": required, "min": minimum}


def date(name: str, label: str, *, required: bool = True) -> dict:
    return {"name": name, "label": label, "type": "date", "required": required}


def choice(name: str, label: str, choices: list[str], *, required: bool = True) -> dict:
    return {"name": name, "label": label, "type": "choice", "required": required, "choices": choices}


def boolean(name: str, label: str) -> dict:
    return {"name": name, "label": label, "type": "boolean", "required": False}


# Who applies: the fields every form of an audience starts with.
APPLICANT_FIELDS = {
    Audience.PERSON: [text("applicant_name", "申请人姓名", max_length=50), text("id_number", "公民身份号码", max_length=18)],
    Audience.ENTERPRISE: [text("entity_name", "单位名称"), text("uscc", "统一社会信用代码", max_length=18)],
    Audience.BOTH: [text("applicant_name", "申请人(单位)名称"), text("id_or_uscc", "身份证号码或统一社会信用代码", max_length=18)],
}
PHONE_FIELD = text("phone", "联系电话", max_length=20)


# The flow -------------------------------------------------------------------------------------

_DECISION_NAMES = {
    PowerCategory.LICENSING: "决定",
    PowerCategory.CONFIRMATION: "确认",
    PowerCategory.BENEFIT: "审批",
    PowerCategory.REWARD: "决定",
    PowerCategory.ADJUDICATION: "裁决",
    PowerCategory.OTHER: "决定",
    PowerCategory.FILING: "备案",
    PowerCategory.PUBLIC_SERVICE: "办结",
}

_STAGE_TEXTS = {
    StageKind.ACCEPT: (
        "申请材料齐全、符合法定形式",
        "对符合条件的申请不予受理;未一次性告知需补正的材料",
        "一次性告知;受理情况全程留痕;电子监察实时预警",
    ),
    StageKind.REVIEW: (
        "申请材料真实、有效,符合法定条件和标准",
        "审查标准不统一;故意刁难或者降低标准",
        "执行统一审查细则;审查意见网上留痕;内部交叉复核",
    ),
    StageKind.SITE_CHECK: (
        "现场情况与申请材料一致,符合相关技术规范",
        "现场核查走过场;借核查之机吃拿卡要",
        "两人以上核查;现场拍照、执法记录仪全程记录;核查记录由申请人签字确认",
    ),
    StageKind.EXPERT_REVIEW: (
        "专家从专家库随机抽取,评审意见客观、完整",
        "指定专家或者专家与申请人有利害关系",
        "随机抽取专家;利害关系回避;评审意见存档",
    ),
    StageKind.HEARING: ("依法告知听证权利,公开举行听证", "应当听证而未听证", "听证笔录作为决定的依据;听证过程录音录像"),
    StageKind.PUBLICITY: ("在规定范围和期限内公示,受理异议", "应当公示而未公示;对异议不核实", "公示情况拍照存档;异议逐一核实并记录"),
    StageKind.DECIDE: ("事实清楚、依据充分、程序合法", "违规作出决定;超越权限决定", "分级审批;重大事项集体研究;决定文书网上公开"),
    StageKind.DELIVER: ("在规定期限内送达办理结果", "拖延送达;违规收取费用", "免费邮寄送达;短信提醒;电子证照同步发放"),
}

_STAGE_ROLES = {
    StageKind.ACCEPT: Role.WINDOW_CLERK,
    StageKind.REVIEW: Role.REVIEWER,
    StageKind.SITE_CHECK: Role.REVIEWER,
    StageKind.EXPERT_REVIEW: Role.REVIEWER,
    StageKind.HEARING: Role.REVIEWER,
    StageKind.PUBLICITY: Role.REVIEWER,
    StageKind.DECIDE: Role.DECIDER,
    StageKind.DELIVER: Role.WINDOW_CLERK,
}

_STAGE_NAMES = {
    StageKind.ACCEPT: "受理",
    StageKind.REVIEW: "审查",
    StageKind.SITE_CHECK: "现场核查",
    StageKind.DELIVER: "送达",
}


def special(kind: str, name: str, days: int) -> tuple[str, str, int, bool]:
    """A special procedure (专家评审, 听证 …): its days do not count toward the limit (行政许可法 第四十五条)."""
    return (kind, name, days, True)


def counted(kind: str, name: str, days: int) -> tuple[str, str, int, bool]:
    """An extra stage (e.g. a 公示 the rules place inside the limit) whose days count."""
    return (kind, name, days, False)


def _split_days(promised: int, site_check: bool) -> dict[str, int]:
    """Spread the countable days over the standard stages: one day each in order of need, the rest to review."""
    days: dict[str, int] = {
        kind: 0 for kind in (StageKind.ACCEPT, StageKind.REVIEW, StageKind.SITE_CHECK, StageKind.DECIDE, StageKind.DELIVER)
    }
    order = [StageKind.REVIEW, StageKind.DECIDE, StageKind.SITE_CHECK, StageKind.ACCEPT, StageKind.DELIVER]
    if not site_check:
        order.remove(StageKind.SITE_CHECK)
    remaining = promised
    for kind in order:
        if remaining == 0:
            break
        days[kind] += 1
        remaining -= 1
    to_site = remaining // 3 if site_check else 0
    days[StageKind.SITE_CHECK] += to_site
    days[StageKind.REVIEW] += remaining - to_site
    return days


def _stage(sequence: int, kind: str, name: str, role: str, unit: str, days: int, *, is_special: bool = False) -> dict:
    standard, risk_points, risk_controls = _STAGE_TEXTS[StageKind(kind)]
    return {
        "sequence": sequence,
        "kind": str(kind),
        "name": name,
        "role": str(role),
        "unit": unit,
        "days": days,
        "countersign_units": [],
        "special_procedure": is_special,
        "standard": standard,
        "risk_points": risk_points,
        "risk_controls": risk_controls,
    }


def flow(
    category: str,
    *,
    promised: int,
    unit: str,
    site_check: bool = False,
    extras: tuple[tuple[str, str, int, bool], ...] = (),
    countersign: tuple[str, ...] = (),
    window_decides: bool = False,
) -> list[dict]:
    """受理 → 审查 → (现场核查) → (extras) → 决定 → 送达, the countable days summing to `promised`.

    A 即办件 (promised 0) is accepted, decided by the chief representative and delivered at the window.
    """
    decision = _DECISION_NAMES[PowerCategory(category)]
    if promised == 0:
        return [
            _stage(1, StageKind.ACCEPT, "受理", Role.WINDOW_CLERK, "", 0),
            _stage(2, StageKind.DECIDE, f"当场{decision}", Role.CHIEF_REPRESENTATIVE, "", 0),
            _stage(3, StageKind.DELIVER, "当场送达", Role.WINDOW_CLERK, "", 0),
        ]
    countable_extras = sum(days for _, _, days, is_special in extras if not is_special)
    if countable_extras >= promised:
        raise ValueError("counted extra stages leave no day for the standard stages")
    days = _split_days(promised - countable_extras, site_check)
    kinds = [StageKind.ACCEPT, StageKind.REVIEW] + ([StageKind.SITE_CHECK] if site_check else [])
    stages = [
        _stage(n, kind, _STAGE_NAMES[kind], _STAGE_ROLES[kind], unit if kind != StageKind.ACCEPT else "", days[kind])
        for n, kind in enumerate(kinds, 1)
    ]
    if countersign:
        stages[1]["countersign_units"] = list(countersign)
    for kind, name, extra_days, is_special in extras:
        stages.append(_stage(len(stages) + 1, kind, name, Role.REVIEWER, unit, extra_days, is_special=is_special))
    decider = Role.CHIEF_REPRESENTATIVE if window_decides else Role.DECIDER
    stages.append(_stage(len(stages) + 1, StageKind.DECIDE, decision, decider, "", days[StageKind.DECIDE]))
    stages.append(_stage(len(stages) + 1, StageKind.DELIVER, "送达", Role.WINDOW_CLERK, "", days[StageKind.DELIVER]))
    return stages


# The item -------------------------------------------------------------------------------------


def legal_basis_text(bases: list[dict]) -> str:
    """The bases of a power as one guide paragraph: 《法》第X条:条文 …"""
    return "\n".join(f"{item['law']}{item['article']}" + (f":{item['text']}" if item["text"] else "") for item in bases)


def _numbered(prefix: str, entries: list[dict]) -> list[dict]:
    return [{"code": f"{prefix}{n:02d}", **entry} for n, entry in enumerate(entries, start=1)]


def _item_fee(code: str) -> dict:
    entry = FEES_BY_CODE[code]
    return {
        "name": entry["name"],
        "standard": entry["standard"],
        "basis": entry["basis"],
        "reducible": entry["reducible"],
        "fee_code": code,
    }


def service_item(
    dept: Dept,
    power: dict,
    *,
    audience: str,
    themes: list[str],
    conditions: str,
    statutory: int,
    promised: int,
    materials: list[dict],
    form: list[dict],
    keywords: str,
    depth: int = 5,
    visits: int = 0,
    visit_reason: str = "",
    situations: list[tuple[str, str]] | None = None,
    result: str = "",
    license_type: str = "",
    fees: tuple[str, ...] = (),
    intermediaries: tuple[str, ...] = (),
    site_check: bool = False,
    extras: tuple[tuple[str, str, int, bool], ...] = (),
    countersign: tuple[str, ...] = (),
    window_decides: bool = False,
    unit: str | None = None,
    places: str = "",
    hours: str = HOURS,
    deemed_approval: bool = False,
    joint_handling: bool = False,
    name: str = "",
) -> dict:
    """The service item implementing `power` (its code is the item's basic code), as the guide publishes it."""
    unit = dept.unit if unit is None else unit
    return {
        "department": dept.name,
        "basic_code": power["code"],
        "implementation_code": f"{dept.uscc}{power['code']}01",
        "power_code": power["code"],
        "name": name or power["name"],
        "category": power["category"],
        "audience": str(audience),
        "themes": list(themes),
        "implementing_body": power["implementing_body"],
        "unit": unit,
        "legal_basis": legal_basis_text(power["legal_bases"]),
        "acceptance_conditions": conditions,
        "statutory_limit_days": statutory,
        "promised_limit_days": promised,
        "kind": str(ItemKind.ON_THE_SPOT if promised == 0 else ItemKind.PROMISED),
        "on_site_visits": visits,
        "visit_reason": visit_reason,
        "online_depth": depth,
        "places": places or dept.window,
        "hours": hours,
        "phone": dept.phone,
        "complaint_phone": "12345",
        "result_name": result,
        "result_license_type": license_type,
        "is_free": not fees,
        "deemed_approval": deemed_approval,
        "joint_handling": joint_handling,
        "intermediaries": list(intermediaries),
        "keywords": keywords,
        "form_schema": [*APPLICANT_FIELDS[Audience(audience)], *form, PHONE_FIELD],
        "situations": [
            {"code": f"S{n:02d}", "name": sname, "description": desc} for n, (sname, desc) in enumerate(situations or [("一般情形", "")], 1)
        ],
        "materials": _numbered("M", [dict(entry) for entry in materials]),
        "fees": [_item_fee(code) for code in fees],
        "stages": flow(
            power["category"],
            promised=promised,
            unit=unit,
            site_check=site_check,
            extras=extras,
            countersign=countersign,
            window_decides=window_decides,
        ),
    }
