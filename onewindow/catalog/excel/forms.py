"""The forms of the Excel pages: which list (and version) to export; what to import and why."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from onewindow.accounts.access import jurisdiction_q, regions_of
from onewindow.accounts.choices import Role
from onewindow.catalog.choices import ListKind
from onewindow.catalog.excel.archive import MAX_FILE_BYTES
from onewindow.catalog.excel.importer import DEPARTMENT_LISTS
from onewindow.orgs.models import Department, Region


def drafting_departments(user: Any) -> QuerySet[Department]:
    """The departments whose entries the user may import (list managers: every one in their regions)."""
    reach = jurisdiction_q(user, [Role.LIST_MANAGER, Role.DEPARTMENT_ADMIN], department_field="pk", region_code_field="region__code")
    return Department.objects.filter(reach, is_active=True).select_related("region").order_by("region__code", "sort_order", "id")


class ExportForm(forms.Form):
    """`?list=service&version=3&region=990123`: the list to download, as of which version."""

    list = forms.ChoiceField(label=_("清单"), choices=ListKind.choices)
    version = forms.IntegerField(label=_("版本号"), min_value=1, required=False, help_text=_("不填为现行版本。"))


class ImportForm(forms.Form):
    """A workbook and the change request its differences become.

    `regions` are the regions the user manages the lists of (a choice appears when there are
    several); a department admin imports for one of `departments`, fixed when there is one.
    """

    region = forms.ModelChoiceField(label=_("区划"), queryset=Region.objects.none(), empty_label=None)
    list_kind = forms.ChoiceField(label=_("清单"), choices=ListKind.choices, initial=ListKind.SERVICE)
    department = forms.ModelChoiceField(
        label=_("部门"),
        queryset=Department.objects.none(),
        required=False,
        help_text=_("选择部门时只导入该部门的条目,工作簿中其他部门的行将报错;不选则导入全区划的清单。"),
    )
    file = forms.FileField(label=_("Excel文件(.xlsx)"), help_text=_("请使用本系统导出的工作簿修改后导入,不超过10MB、20000行。"))
    title = forms.CharField(label=_("变更申请标题"), max_length=200)
    reason = forms.CharField(label=_("变更理由"), widget=forms.Textarea(attrs={"rows": 3}))
    legal_basis = forms.CharField(
        label=_("法律依据"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("写明法律、法规、规章或上级文件的名称和条款。"),
    )
    cancel_missing = forms.BooleanField(
        label=_("清单外条目视为取消"),
        required=False,
        help_text=_("勾选后,现行清单中有而工作簿中没有的条目(选择了部门时仅限该部门)将作为取消条目列入变更申请。"),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.managed_regions = regions_of(user, {Role.LIST_MANAGER})
        departments = drafting_departments(user)
        if len(self.managed_regions) > 1:
            self.fields["region"].queryset = Region.objects.filter(pk__in=[r.pk for r in self.managed_regions])  # type: ignore[attr-defined]
        else:
            del self.fields["region"]
        department = self.fields["department"]
        department.queryset = departments  # type: ignore[attr-defined]
        if not self.managed_regions:
            self.fields["list_kind"].choices = [(k.value, k.label) for k in DEPARTMENT_LISTS]  # type: ignore[attr-defined]
            department.required = True
            department.empty_label = None  # type: ignore[attr-defined]
            department.help_text = _("部门管理员只能导入本部门的条目,工作簿中其他部门的行将报错。")

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("文件超过10MB,请分部门或分批导入。"))
        return upload

    def clean(self) -> dict[str, Any]:
        """Settle the region the change request belongs to: the one chosen, the managed region
        holding the department, or (for a department admin) the department's own region."""
        data = super().clean() or {}
        department = data.get("department")
        if data.get("region") is None and self.managed_regions:
            fitting = [r for r in self.managed_regions if department is None or r.contains(department.region)]
            data["region"] = (fitting or self.managed_regions)[0]
        elif data.get("region") is None and department is not None:
            data["region"] = department.region
        region = data.get("region")
        if region is not None and department is not None and not region.contains(department.region):
            self.add_error("department", _("该部门不属于所选区划。"))
        return data
