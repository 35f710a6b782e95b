"""Forms of a service item (政务服务事项): the item's own fields and its repeatable rows."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from onewindow.accounts.choices import Role
from onewindow.catalog.choices import (
    Audience,
    ItemKind,
    MaterialForm,
    MaterialNecessity,
    MaterialSource,
    OnlineDepth,
    PowerCategory,
    StageKind,
)

from .base import EditorForm, RowForm, choice, flag, long_text, number, short_text
from .fields import QuickSelect, ReferenceChoiceField, ReferenceMultipleChoiceField, with_blank

# Who handles a stage; applicants and the administrators of the system never do.
STAGE_ROLES = [(role.value, role.label) for role in Role if role not in (Role.APPLICANT, Role.SYSTEM_ADMIN)]
ONLINE_DEPTHS = [(str(depth.value), f"{depth.value}级 · {depth.label}") for depth in OnlineDepth]
FORM_FIELD_TYPES = [
    ("text", _("单行文本")),
    ("textarea", _("多行文本")),
    ("number", _("数字")),
    ("date", _("日期")),
    ("choice", _("选择")),
    ("boolean", _("是/否")),
]
FEE_CHOICES = [("True", _("不收费")), ("False", _("收费"))]


class ItemForm(EditorForm):
    """The scalar fields of a service item."""

    references = {
        "department": ("departments", _("请选择")),
        "power_code": ("powers", _("(不对应权力事项)")),
        "themes": ("themes", None),
        "unit": ("units", _("(不指定)")),
        "intermediaries": ("intermediaries", None),
        "result_license_type": ("license_types", _("(无对应证照)")),
    }

    department = ReferenceChoiceField(label=_("实施部门"))
    basic_code = short_text(_("基本编码"), max_length=64, help_text=_("按本省事项编码规则填写。"))
    implementation_code = short_text(_("实施编码"), max_length=64, help_text=_("大写字母和数字,全省唯一。"))
    name = short_text(_("事项名称"), max_length=200)
    category = choice(_("事项类型"), PowerCategory.choices)
    audience = choice(_("服务对象"), Audience.choices)
    power_code = ReferenceChoiceField(label=_("对应权力事项"), required=False)
    implementing_body = short_text(_("实施主体"), max_length=200)
    unit = ReferenceChoiceField(label=_("承办机构"), required=False)
    keywords = short_text(_("检索关键词"), max_length=500, required=False, help_text=_("群众常用说法,以空格分隔。"))
    themes = ReferenceMultipleChoiceField(label=_("主题"), required=False)
    legal_basis = long_text(_("设定依据"), rows=4)
    acceptance_conditions = long_text(_("受理条件"), rows=4)
    intermediaries = ReferenceMultipleChoiceField(
        label=_("中介服务"), required=False, help_text=_("只能从中介服务事项清单中选择(目录之外无中介服务)。")
    )
    statutory_limit_days = number(_("法定办结时限(工作日)"))
    promised_limit_days = number(_("承诺办结时限(工作日)"), help_text=_("不超过法定时限;承诺件至少1个工作日。"))
    kind = choice(_("办件类型"), ItemKind.choices)
    on_site_visits = number(_("到办事现场次数"), maximum=9, help_text=_("全程网办(网上办理深度5级及以上)应为0次。"))
    visit_reason = short_text(_("必须现场办理的原因"), max_length=300, required=False, help_text=_("到现场次数大于0时必填。"))
    online_depth = forms.TypedChoiceField(
        label=_("网上办理深度"), choices=with_blank(ONLINE_DEPTHS), coerce=int, empty_value=None, widget=QuickSelect
    )
    deemed_approval = flag(_("超时默认"), help_text=_("到期未作决定的视为准予。"))
    joint_handling = flag(_("联办事项"))
    places = long_text(_("办理地点"), rows=2)
    hours = short_text(_("办理时间"), max_length=200)
    phone = short_text(_("咨询电话"), max_length=64)
    complaint_phone = short_text(_("监督投诉电话"), max_length=64, required=False)
    result_name = short_text(_("审批结果名称"), max_length=200, required=False)
    result_license_type = ReferenceChoiceField(label=_("审批结果证照类型"), required=False)
    is_free = forms.TypedChoiceField(
        label=_("是否收费"), choices=FEE_CHOICES, coerce=lambda value: value == "True", widget=forms.RadioSelect, initial=True
    )


class SituationForm(RowForm):
    """A handling situation (办事情形): a variant of the item with its own materials."""

    auto_fields = ("code",)

    code = short_text(_("情形代码"), max_length=32)
    name = short_text(_("情形名称"), max_length=200)
    description = long_text(_("说明"), required=False, rows=2)


class MaterialRequirementForm(RowForm):
    """A required material (申请材料)."""

    auto_fields = ("code",)
    references = {"situation": ("situations", _("所有情形通用")), "license_type": ("license_types", _("(无)"))}

    code = short_text(_("材料代码"), max_length=32)
    name = short_text(_("材料名称"), max_length=200)
    situation = ReferenceChoiceField(label=_("适用情形"), required=False)
    form = choice(_("材料形式"), MaterialForm.choices, initial=MaterialForm.ORIGINAL)
    copies = number(_("份数"), maximum=99, initial=1)
    necessity = choice(_("必要性"), MaterialNecessity.choices, initial=MaterialNecessity.REQUIRED)
    source = choice(_("来源渠道"), MaterialSource.choices, initial=MaterialSource.APPLICANT)
    license_type = ReferenceChoiceField(label=_("对应证照类型"), required=False)
    requirements = long_text(_("材料要求"), required=False, rows=2)


class ItemFeeForm(RowForm):
    """A fee item (收费项目) of a service item."""

    references = {"fee_code": ("fee_entries", _("(不对应收费目录)"))}

    name = short_text(_("收费项目"), max_length=200)
    standard = short_text(_("收费标准"), max_length=300)
    fee_code = ReferenceChoiceField(label=_("收费目录条目"), required=False)
    reducible = flag(_("可减免"))
    basis = long_text(_("收费依据"), rows=2)


class StageForm(RowForm):
    """A stage of the flow (办理环节)."""

    auto_fields = ("sequence",)
    references = {"unit": ("units", _("(不指定)")), "countersign_units": ("units", None)}

    sequence = number(_("顺序"), minimum=1, maximum=99)
    kind = choice(_("环节类型"), StageKind.choices)
    name = short_text(_("环节名称"), max_length=100)
    role = choice(_("办理岗位"), STAGE_ROLES)
    unit = ReferenceChoiceField(label=_("办理机构"), required=False)
    days = number(_("时限(工作日)"))
    special_procedure = flag(_("特别程序(不计时)"))
    countersign_units = ReferenceMultipleChoiceField(label=_("会签机构(并联)"), required=False)
    standard = long_text(_("审查标准"), required=False, rows=2)
    risk_points = long_text(_("廉政风险点"), required=False, rows=2)
    risk_controls = long_text(_("防控措施"), required=False, rows=2)


class FormFieldForm(RowForm):
    """A field of the item's application form."""

    name = short_text(_("字段名"), max_length=40)
    label = short_text(_("显示名称"), max_length=100)
    type = choice(_("字段类型"), FORM_FIELD_TYPES)
    required = flag(_("必填"))
    max_length = number(_("最大长度"), minimum=-(10**9), maximum=10**9, required=False)
    min = number(_("最小值"), minimum=-(10**9), maximum=10**9, required=False)
    max = number(_("最大值"), minimum=-(10**9), maximum=10**9, required=False)
    choices = long_text(_("可选项(每行一项)"), required=False, rows=2)


def form_field_initial(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "choices": "\n".join(row.get("choices") or [])}


def form_field_row(values: dict[str, Any]) -> dict[str, Any]:
    """The document's form-field entry: limits only when set, options only for a choice field."""
    entry = {name: values[name] for name in ("name", "label", "type", "required")}
    for name in ("max_length", "min", "max"):
        if values[name] not in (None, ""):
            entry[name] = values[name]
    if values["type"] == "choice":
        entry["choices"] = [line.strip() for line in str(values["choices"] or "").splitlines() if line.strip()]
    return entry
