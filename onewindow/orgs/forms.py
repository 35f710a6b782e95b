"""Staff forms: a department admin's units, a system admin's windows."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from onewindow.common.errors import DomainError
from onewindow.orgs.choices import WindowKind
from onewindow.orgs.models import Department


class ServiceErrorsMixin:
    """Shows the errors a service raised next to the fields they name."""

    def add_service_error(self, error: DomainError) -> None:
        details: Any = error.details
        if not isinstance(details, dict):
            self.add_error(None, error.message)  # type: ignore[attr-defined]
            return
        for field, messages in details.items():
            self.add_error(field if field in self.fields else None, messages)  # type: ignore[attr-defined]


class UnitForm(ServiceErrorsMixin, forms.Form):
    """An internal unit (内设机构) of a department."""

    name = forms.CharField(label=_("名称"), max_length=100)
    duties = forms.CharField(label=_("主要职责"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    sort_order = forms.IntegerField(label=_("排序"), min_value=0, max_value=32767, initial=100, help_text=_("数字小的排在前面。"))


class WindowForm(ServiceErrorsMixin, forms.Form):
    """A window of a service hall; only a departmental window names a department."""

    number = forms.CharField(label=_("窗口号"), max_length=16, help_text=_("如 A01、B03。"))
    name = forms.CharField(label=_("名称"), max_length=100)
    kind = forms.ChoiceField(label=_("类型"), choices=WindowKind.choices)
    department = forms.ModelChoiceField(
        label=_("所属部门"),
        queryset=Department.objects.none(),
        required=False,
        help_text=_("仅部门窗口填写;无差别综合窗口和统一出件窗口不属于单一部门。"),
    )
    is_active = forms.BooleanField(label=_("启用"), required=False, initial=True)

    def __init__(self, *args: Any, departments: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments  # type: ignore[attr-defined]
