"""The form on which a system administrator enters a year's State Council holiday arrangement."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from onewindow.common.errors import InvalidInput
from onewindow.workdays.schedule_text import ScheduleText, parse_schedule_text
from onewindow.workdays.services import FIRST_YEAR, LAST_YEAR, NOTICE_MAX_LENGTH


class ScheduleForm(forms.Form):
    """Year, notice and the pasted lines; the lines are read here, the rules are checked by the service."""

    year = forms.IntegerField(label=_("年份"), min_value=FIRST_YEAR, max_value=LAST_YEAR)
    notice = forms.CharField(label=_("通知文号"), max_length=NOTICE_MAX_LENGTH, help_text=_("如“国办发明电〔2025〕7号”。"))
    notice_date = forms.DateField(
        label=_("通知日期"), widget=forms.DateInput(attrs={"type": "date"}), help_text=_("国务院办公厅发布通知的日期。")
    )
    lines = forms.CharField(
        label=_("放假和调休上班安排"),
        widget=forms.Textarea(attrs={"rows": 16, "spellcheck": "false", "aria-describedby": "lines-format"}),
    )

    def clean_lines(self) -> ScheduleText:
        try:
            return parse_schedule_text(self.cleaned_data["lines"])
        except InvalidInput as error:
            raise ValidationError(list(error.details or [error.message])) from None

    def add_service_error(self, error: InvalidInput) -> None:
        """Show an error the service raised at the field it names."""
        details: Any = error.details
        field = details.get("field") if isinstance(details, dict) else None
        self.add_error(field if field in self.fields else None, error.message)
