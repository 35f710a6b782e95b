"""The period and scope picker of the statistics pages (a GET form)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from onewindow.common.errors import InvalidInput
from onewindow.orgs.models import Department
from onewindow.supervision.statistics.periods import PRESETS, Period, parse_period, preset


class StatisticsFilterForm(forms.Form):
    """本月 / 上月 / 本年 / 自定义 (from–to), and for users reaching several departments, one of them."""

    period = forms.ChoiceField(label=_("统计期间"), choices=PRESETS, required=False)
    start = forms.DateField(label=_("开始日期"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("结束日期"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    department = forms.TypedChoiceField(label=_("部门"), required=False, coerce=int, empty_value=None)

    def __init__(self, data: Any = None, *, departments: list[Department], today: dt.date) -> None:
        super().__init__(data)
        self.today = today
        field = self.fields["department"]
        assert isinstance(field, forms.TypedChoiceField)
        if len(departments) > 1:
            field.choices = [("", _("全部部门")), *[(d.pk, d.name) for d in departments]]
        else:
            field.choices = [(d.pk, d.name) for d in departments]
            field.widget = forms.HiddenInput()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("period") == "custom":
            start, end = cleaned.get("start"), cleaned.get("end")
            if start is None or end is None:
                raise forms.ValidationError(_("自定义期间请填写开始日期和结束日期。"))
            try:
                parse_period(start, end)  # the rules of the API: an end before the start, too long, too late
            except InvalidInput as error:
                raise forms.ValidationError(error.message) from None
        return cleaned

    @property
    def chosen(self) -> dict[str, Any]:
        """The valid choice, or this month for the whole reach."""
        if not self.is_bound or not self.is_valid():
            return {"period": preset("this_month", self.today), "department": None, "preset": "this_month"}
        name = self.cleaned_data.get("period") or "this_month"
        if name == "custom":
            period: Period = parse_period(self.cleaned_data["start"], self.cleaned_data["end"])
        else:
            period = preset(name, self.today)
        return {"period": period, "department": self.cleaned_data.get("department"), "preset": name}

    def query(self) -> str:
        """The chosen filter as a query string (for the export and table links)."""
        chosen = self.chosen
        period: Period = chosen["period"]
        parts = [f"period=custom&start={period.first.isoformat()}&end={period.last.isoformat()}"]
        if chosen["department"]:
            parts.append(f"department={chosen['department']}")
        return "&".join(parts)
