"""How each list's document is laid out in the editor: grouped fields, then repeatable rows.

A `Layout` names the main form and its fieldsets, and the `RowSection`s: one formset per list
in the document (materials, stages …), with how a document row becomes form values and back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.forms import BaseFormSet, formset_factory
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from onewindow.catalog.choices import ListKind

from . import list_forms, service_forms
from .base import EditorForm, RowForm

Row = dict[str, Any]


def _same(row: Any) -> Any:
    return dict(row)


def _line(*parts: Any) -> str:
    """A folded row's summary: its parts joined, cut to one line."""
    return Truncator(" · ".join(str(p) for p in parts if p not in (None, "") and p is not False)).chars(80)


@dataclass(frozen=True)
class Fieldset:
    """A titled group of the main form's fields."""

    anchor: str
    title: Any
    fields: tuple[str, ...]


@dataclass(frozen=True)
class RowSection:
    """A repeatable part of the document: `document[key]` is a list, edited as the formset `key`."""

    key: str
    title: Any
    form: type[RowForm]
    add_label: Any
    title_field: str  # a row with this field empty is shown open (it is new or blank)
    describe: Callable[[Row], str]  # form values → the row's one-line summary
    help_text: Any = ""
    to_initial: Callable[[Any], Row] = _same  # document row → form initial
    to_row: Callable[[Row], Any] = _same  # form values → document row
    single_field: str = ""  # the field a problem of a bare row (`accountability_rules[2]`) belongs to
    auto_prefix: str = ""  # new rows get the next free code with this prefix (S, M) …
    auto_sequence: bool = False  # … or the next sequence number
    lead_fields: tuple[str, ...] = ()  # main-form fields shown at the head of the section
    shown_when: Callable[[Row], bool] | None = None  # rows apply only when this holds for the main values
    first_row: Row | None = None  # offered when the part starts to apply (an item now charged gets a fee row to fill in)
    include_situations: bool = False  # a new row offers the situations on the page
    include_department: bool = False  # a new row offers the department's units

    @property
    def formset(self) -> type[BaseFormSet]:
        return formset_factory(self.form, can_delete=True, extra=0)

    def applies(self, values: Row) -> bool:
        return self.shown_when is None or self.shown_when(values)

    def summary(self, values: Row) -> str:
        """The row in one line, or "" while its title field is empty."""
        return self.describe(values) if str(values.get(self.title_field) or "").strip() else ""


@dataclass(frozen=True)
class Layout:
    """The editor of one list."""

    list_kind: str
    main_form: type[EditorForm]
    fieldsets: tuple[Fieldset, ...]
    sections: tuple[RowSection, ...]
    key_field: str  # the entry's code in the document
    owner_field: str | None  # the owning department (fixed in a department's request)
    identity_fields: tuple[str, ...]  # what cannot change once the entry exists
    blank_document: Callable[[str, str], Row]  # (department name, region name) → a new entry's document
    section_keys: tuple[str, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "section_keys", tuple(s.key for s in self.sections))

    def section(self, key: str) -> RowSection | None:
        return next((s for s in self.sections if s.key == key), None)


# Service items ---------------------------------------------------------------------------------

_STANDARD_STAGES = (
    ("accept", "受理", "window_clerk"),
    ("review", "审查", "reviewer"),
    ("decide", "决定", "decider"),
    ("deliver", "送达", "window_clerk"),
)


def _blank_stage(sequence: int, kind: str = "", name: str = "", role: str = "") -> Row:
    return {
        "sequence": sequence,
        "kind": kind,
        "name": name,
        "role": role,
        "unit": "",
        "days": None,
        "countersign_units": [],
        "special_procedure": False,
        "standard": "",
        "risk_points": "",
        "risk_controls": "",
    }


def _blank_material(code: str) -> Row:
    return {
        "code": code,
        "situation": "",
        "name": "",
        "form": "original",
        "copies": 1,
        "necessity": "required",
        "source": "applicant",
        "license_type": "",
        "requirements": "",
    }


def blank_item(department: str, region_name: str) -> Row:
    """A new service item: one situation, one material and the four standard stages to fill in."""
    return {
        "department": department,
        "basic_code": "",
        "implementation_code": "",
        "power_code": "",
        "name": "",
        "category": "",
        "audience": "",
        "themes": [],
        "implementing_body": f"{region_name}{department}" if department else "",
        "unit": "",
        "legal_basis": "",
        "acceptance_conditions": "",
        "statutory_limit_days": None,
        "promised_limit_days": None,
        "kind": "promised",
        "on_site_visits": 0,
        "visit_reason": "",
        "online_depth": None,
        "places": "",
        "hours": "",
        "phone": "",
        "complaint_phone": "12345",
        "result_name": "",
        "result_license_type": "",
        "is_free": True,
        "deemed_approval": False,
        "joint_handling": False,
        "intermediaries": [],
        "keywords": "",
        "form_schema": [],
        "situations": [{"code": "S01", "name": "", "description": ""}],
        "materials": [_blank_material("M01")],
        "fees": [],
        "stages": [_blank_stage(n, *stage) for n, stage in enumerate(_STANDARD_STAGES, start=1)],
    }


def _describe_stage(values: Row) -> str:
    days = gettext("%(d)s个工作日") % {"d": values["days"]} if values["days"] not in (None, "") else ""
    return _line(values["name"], days, values["special_procedure"] and gettext("特别程序,不计时"))


def _charged(values: Row) -> bool:
    return values.get("is_free") in (False, "False")  # cleaned, or as posted when the form found it wrong


SERVICE = Layout(
    list_kind=ListKind.SERVICE,
    main_form=service_forms.ItemForm,
    fieldsets=(
        Fieldset(
            "basic",
            _("基本信息"),
            (
                "department",
                "name",
                "basic_code",
                "implementation_code",
                "category",
                "audience",
                "power_code",
                "implementing_body",
                "unit",
                "keywords",
                "themes",
            ),
        ),
        Fieldset("conditions", _("受理条件与依据"), ("legal_basis", "acceptance_conditions", "intermediaries")),
        Fieldset(
            "limits",
            _("时限与办理方式"),
            (
                "statutory_limit_days",
                "promised_limit_days",
                "kind",
                "online_depth",
                "on_site_visits",
                "visit_reason",
                "deemed_approval",
                "joint_handling",
            ),
        ),
        Fieldset("places", _("地点与联系方式"), ("places", "hours", "phone", "complaint_phone")),
        Fieldset("result", _("结果"), ("result_name", "result_license_type")),
    ),
    sections=(
        RowSection(
            "situations",
            _("办事情形"),
            service_forms.SituationForm,
            _("添加情形"),
            "name",
            lambda v: _line(v["code"], v["name"]),
            auto_prefix="S",
        ),
        RowSection(
            "materials",
            _("申请材料"),
            service_forms.MaterialRequirementForm,
            _("添加材料"),
            "name",
            lambda v: _line(v["code"], v["name"], v["situation"] and gettext("情形%(s)s") % {"s": v["situation"]}),
            help_text=_("“适用情形”取自本页的办事情形,新增或修改情形后点“更新情形选项”;来源为“政府部门核发”的材料须选对应证照类型。"),
            auto_prefix="M",
            include_situations=True,
        ),
        RowSection(
            "fees",
            _("收费项目"),
            service_forms.ItemFeeForm,
            _("添加收费项目"),
            "name",
            lambda v: _line(v["name"], v["standard"]),
            lead_fields=("is_free",),
            shown_when=_charged,
            first_row={"name": "", "standard": "", "basis": "", "reducible": False, "fee_code": ""},
        ),
        RowSection(
            "stages",
            _("办理环节"),
            service_forms.StageForm,
            _("添加环节"),
            "name",
            _describe_stage,
            help_text=_("各环节时限之和不能超过承诺办结时限;听证、检验、专家评审等特别程序的时间不计入办理时限。"),
            auto_sequence=True,
            include_department=True,
        ),
        RowSection(
            "form_schema",
            _("申请表单字段"),
            service_forms.FormFieldForm,
            _("添加字段"),
            "label",
            lambda v: _line(v["label"], v["name"]),
            help_text=_("字段名用小写字母、数字和下划线;“选择”型字段每行填写一个可选项。"),
            to_initial=service_forms.form_field_initial,
            to_row=service_forms.form_field_row,
        ),
    ),
    key_field="implementation_code",
    owner_field="department",
    identity_fields=("department", "basic_code", "implementation_code"),
    blank_document=blank_item,
)


# Power items -----------------------------------------------------------------------------------

_RESPONSIBILITY_STAGES = ("受理", "审查", "决定", "送达", "事后监管")


def blank_power(department: str, region_name: str) -> Row:
    return {
        "department": department,
        "code": "",
        "parent_code": "",
        "name": "",
        "category": "",
        "levels": ["county"],
        "content": "",
        "implementing_body": f"{region_name}{department}" if department else "",
        "remarks": "",
        "legal_bases": [{"law": "", "article": "", "text": ""}],
        "responsibilities": [{"stage": stage, "content": ""} for stage in _RESPONSIBILITY_STAGES],
        "accountability_rules": [""],
    }


POWER = Layout(
    list_kind=ListKind.POWER,
    main_form=list_forms.PowerForm,
    fieldsets=(
        Fieldset("basic", _("基本信息"), ("department", "name", "code", "category", "parent_code", "implementing_body", "levels")),
        Fieldset("content", _("职权内容"), ("content", "remarks")),
    ),
    sections=(
        RowSection(
            "legal_bases",
            _("设定依据"),
            list_forms.LegalBasisForm,
            _("添加依据"),
            "law",
            lambda v: _line(f"{v['law']}{v['article'] or ''}", v["text"]),
        ),
        RowSection(
            "responsibilities",
            _("责任事项"),
            list_forms.ResponsibilityForm,
            _("添加责任事项"),
            "stage",
            lambda v: _line(v["stage"], v["content"]),
        ),
        RowSection(
            "accountability_rules",
            _("追责情形"),
            list_forms.AccountabilityRuleForm,
            _("添加追责情形"),
            "text",
            lambda v: _line(v["text"]),
            to_initial=lambda text: {"text": text},
            to_row=lambda values: values["text"],
            single_field="text",
        ),
    ),
    key_field="code",
    owner_field="department",
    identity_fields=("department", "code"),
    blank_document=blank_power,
)


# Fee catalog, intermediary services, duty boundaries -------------------------------------------


def blank_fee(department: str, region_name: str) -> Row:
    return {
        "department": department,
        "code": "",
        "name": "",
        "category": "",
        "standard": "",
        "basis": "",
        "reducible": False,
        "remarks": "",
    }


def blank_intermediary(department: str, region_name: str) -> Row:
    return {"code": "", "name": "", "department": department, "basis": "", "qualification": "", "fee_basis": "", "time_limit": ""}


def blank_duty_boundary(department: str, region_name: str) -> Row:
    return {
        "code": "",
        "matter": "",
        "lead_department": department,
        "lead_duty": "",
        "basis": "",
        "shares": [{"department": "", "duty": ""}],
    }


FEE = Layout(
    list_kind=ListKind.FEE,
    main_form=list_forms.FeeEntryForm,
    fieldsets=(
        Fieldset("basic", _("收费项目"), ("department", "name", "code", "category", "standard", "reducible")),
        Fieldset("basis", _("依据与备注"), ("basis", "remarks")),
    ),
    sections=(),
    key_field="code",
    owner_field="department",
    identity_fields=("department", "code"),
    blank_document=blank_fee,
)

INTERMEDIARY = Layout(
    list_kind=ListKind.INTERMEDIARY,
    main_form=list_forms.IntermediaryForm,
    fieldsets=(
        Fieldset("basic", _("中介服务事项"), ("name", "code", "department", "qualification", "fee_basis", "time_limit")),
        Fieldset("basis", _("设定依据"), ("basis",)),
    ),
    sections=(),
    key_field="code",
    owner_field=None,
    identity_fields=("code",),
    blank_document=blank_intermediary,
)

DUTY_BOUNDARY = Layout(
    list_kind=ListKind.DUTY_BOUNDARY,
    main_form=list_forms.DutyBoundaryForm,
    fieldsets=(
        Fieldset("basic", _("职责事项"), ("matter", "code", "lead_department")),
        Fieldset("duty", _("牵头部门职责与依据"), ("lead_duty", "basis")),
    ),
    sections=(
        RowSection(
            "shares",
            _("配合部门职责"),
            list_forms.DutyShareForm,
            _("添加配合部门"),
            "department",
            lambda v: _line(v["department"], v["duty"]),
        ),
    ),
    key_field="code",
    owner_field=None,
    identity_fields=("code",),
    blank_document=blank_duty_boundary,
)

LAYOUTS: dict[str, Layout] = {layout.list_kind: layout for layout in (SERVICE, POWER, FEE, INTERMEDIARY, DUTY_BOUNDARY)}


def layout_for(list_kind: str) -> Layout:
    return LAYOUTS[ListKind(list_kind)]
