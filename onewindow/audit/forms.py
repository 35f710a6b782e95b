"""The filter form of the audit trail page."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class EventFilterForm(forms.Form):
    """Optional filters; the values go to `selectors.event_list` as they are."""

    object_type = forms.CharField(label=_("对象类型"), required=False, max_length=100, help_text=_("如 orgs.department"))
    object_id = forms.CharField(label=_("对象标识"), required=False, max_length=64)
    actor = forms.CharField(label=_("操作人用户名"), required=False, max_length=150, help_text=_("系统操作填 system"))
    action = forms.CharField(label=_("动作"), required=False, max_length=64, help_text=_("如 accounts.user.create;以“.”结尾则按前缀筛选"))
    date_from = forms.DateField(label=_("起始日期"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("截止日期"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        date_from, date_to = data.get("date_from"), data.get("date_to")
        if date_from and date_to and date_from > date_to:
            raise ValidationError(_("起始日期不能晚于截止日期。"))
        return data

    def filters(self) -> dict[str, object]:
        """The cleaned filters that were filled in (call after `is_valid()`)."""
        return {name: value for name, value in self.cleaned_data.items() if value}
