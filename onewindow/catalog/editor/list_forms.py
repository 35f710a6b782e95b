"""Forms of the other lists: power items (权责清单), fee entries, intermediary services, duty boundaries."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from onewindow.catalog.choices import ExerciseLevel, FeeCategory, PowerCategory

from .base import EditorForm, RowForm, choice, flag, long_text, short_text
from .fields import ReferenceChoiceField


class PowerForm(EditorForm):
    """The fields of a power item."""

    references = {"department": ("departments", _("请选择")), "parent_code": ("powers", _("(无,本项为主项)"))}

    department = ReferenceChoiceField(label=_("实施部门"))
    code = short_text(_("事项编码"), max_length=64)
    name = short_text(_("事项名称"), max_length=200)
    category = choice(_("权力类别"), PowerCategory.choices)
    parent_code = ReferenceChoiceField(label=_("所属主项"), required=False)
    levels = forms.MultipleChoiceField(label=_("行使层级"), choices=ExerciseLevel.choices, widget=forms.CheckboxSelectMultiple)
    implementing_body = short_text(_("实施主体"), max_length=200)
    content = long_text(_("职权内容"), required=False)
    remarks = long_text(_("备注"), required=False, rows=2)


class LegalBasisForm(RowForm):
    """A legal basis (设定依据) of a power."""

    law = short_text(_("法律法规名称"), max_length=200)
    article = short_text(_("条款"), max_length=100, required=False)
    text = long_text(_("条文内容"), required=False, rows=2)


class ResponsibilityForm(RowForm):
    """A responsibility item (责任事项) of a power."""

    stage = short_text(_("环节"), max_length=50)
    content = long_text(_("责任内容"), rows=2)


class AccountabilityRuleForm(RowForm):
    """An accountability circumstance (追责情形) of a power."""

    text = long_text(_("追责情形"), rows=2)


class FeeEntryForm(EditorForm):
    """An entry of the fee catalog."""

    references = {"department": ("departments", _("请选择"))}

    department = ReferenceChoiceField(label=_("执收部门"))
    code = short_text(_("编码"), max_length=64)
    name = short_text(_("收费项目名称"), max_length=200)
    category = choice(_("收费类别"), FeeCategory.choices)
    standard = short_text(_("收费标准"), max_length=300)
    reducible = flag(_("可减免"))
    basis = long_text(_("政策依据"))
    remarks = long_text(_("备注"), required=False, rows=2)


class IntermediaryForm(EditorForm):
    """An entry of the intermediary-service catalog."""

    references = {"department": ("departments", _("请选择"))}

    code = short_text(_("编码"), max_length=64)
    name = short_text(_("中介服务事项名称"), max_length=200)
    department = ReferenceChoiceField(label=_("审批部门"))
    qualification = short_text(_("中介机构资质要求"), max_length=300, required=False)
    fee_basis = short_text(_("收费依据"), max_length=300, required=False)
    time_limit = short_text(_("服务时限"), max_length=100, required=False)
    basis = long_text(_("设定依据"))


class DutyBoundaryForm(EditorForm):
    """A matter of the duty-boundary list."""

    references = {"lead_department": ("departments", _("请选择"))}

    code = short_text(_("编码"), max_length=64)
    matter = short_text(_("职责事项"), max_length=200)
    lead_department = ReferenceChoiceField(label=_("牵头部门"))
    lead_duty = long_text(_("牵头部门职责"))
    basis = long_text(_("依据"))


class DutyShareForm(RowForm):
    """A co-department's duty in a duty-boundary matter."""

    references = {"department": ("departments", _("请选择"))}

    department = ReferenceChoiceField(label=_("配合部门"))
    duty = long_text(_("配合职责"), rows=2)
