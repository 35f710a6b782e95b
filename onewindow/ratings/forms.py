"""Forms of the ratings pages: they read what was typed; the rules are the services'.

`ServiceErrorForm.add_service_error` puts a service error's per-field `details` next to the fields
they name, and its message on top otherwise.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from onewindow.common.errors import DomainError
from onewindow.orgs.models import Department, Window
from onewindow.ratings.choices import TAGS, AppealDecision, ComplaintCategory, RatingLevel, TagGroup

ALL_TAGS = [(tag, _(tag)) for group in TagGroup for tag in TAGS[group]]  # stored in Chinese, shown translated
YES_NO = [("yes", _("满意")), ("no", _("不满意"))]


class ServiceErrorForm(forms.Form):
    def add_service_error(self, error: DomainError) -> None:
        details = error.details if isinstance(error.details, dict) else {}
        placed = False
        for field, messages in details.items():
            if field in self.fields:
                for message in messages if isinstance(messages, list) else [messages]:
                    self.add_error(field, str(message))
                placed = True
        if not placed:
            self.add_error(None, error.message)


class RatingForm(ServiceErrorForm):
    """Five levels, the tags of the level's group, and a comment."""

    level = forms.TypedChoiceField(
        label=_("评价等级"),
        choices=RatingLevel.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("请选择评价等级。")},
    )
    tags = forms.MultipleChoiceField(label=_("评价标签"), choices=ALL_TAGS, required=False, widget=forms.CheckboxSelectMultiple)
    comment = forms.CharField(
        label=_("评价内容"), required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 3}), help_text=_("选填,不超过500字。")
    )

    def tag_groups(self) -> list[tuple[str, str, list[Any]]]:
        """The tag checkboxes grouped by level group, for the page to show the group that fits the chosen level."""
        by_value = {choice.data["value"]: choice for choice in self["tags"]}
        return [(group.value, str(group.label), [by_value[tag] for tag in TAGS[group]]) for group in TagGroup]


class PadRatingForm(RatingForm):
    """The window pad: the same, plus a phone to call back about a bad review."""

    contact_phone = forms.CharField(
        label=_("联系电话"), required=False, max_length=20, help_text=_("选填。留下电话,工作人员将回访并告知整改情况。")
    )


class RevisionForm(ServiceErrorForm):
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)


class RevisitForm(ServiceErrorForm):
    """The rater's revisit of the rectification."""

    satisfied = forms.ChoiceField(label=_("您对整改情况是否满意?"), choices=YES_NO, widget=forms.RadioSelect)
    comment = forms.CharField(label=_("意见"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    @property
    def is_satisfied(self) -> bool:
        return self.cleaned_data["satisfied"] == "yes"


class FollowUpForm(RevisionForm):
    note = forms.CharField(label=_("回访核实情况"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class RectifyForm(RevisionForm):
    note = forms.CharField(label=_("整改措施"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class ReplyForm(RevisionForm):
    reply = forms.CharField(label=_("答复内容"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class AppealForm(RevisionForm):
    reason = forms.CharField(
        label=_("申诉理由"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}), help_text=_("说明差评属恶意或误评的事实和依据。")
    )


class AppealDecisionForm(RevisionForm):
    decision = forms.ChoiceField(label=_("复核结论"), choices=AppealDecision.choices, widget=forms.RadioSelect)
    opinion = forms.CharField(label=_("复核意见"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class StaffRevisitForm(RevisionForm):
    """A supervisor records what the rater said when called back."""

    satisfied = forms.ChoiceField(label=_("评价人对整改是否满意"), choices=YES_NO, widget=forms.RadioSelect)
    comment = forms.CharField(label=_("回访记录"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


# Complaints ------------------------------------------------------------------------------------


class ComplaintForm(ServiceErrorForm):
    """The public complaint form: named or anonymous."""

    anonymous = forms.BooleanField(
        label=_("匿名投诉"), required=False, help_text=_("匿名投诉无需填写姓名和电话,可凭编号和查询码查看答复。")
    )
    name = forms.CharField(label=_("姓名"), required=False, max_length=64)
    phone = forms.CharField(label=_("联系电话"), required=False, max_length=20)
    category = forms.ChoiceField(label=_("投诉类别"), choices=ComplaintCategory.choices)
    reported_department = forms.ModelChoiceField(
        label=_("被投诉部门"), queryset=Department.objects.none(), required=False, empty_label=_("不清楚 / 由受理机构分派")
    )
    case_number = forms.CharField(
        label=_("相关办件编号"), required=False, max_length=32, help_text=_("选填。填写后投诉将直接转办件所属部门。")
    )
    content = forms.CharField(label=_("投诉内容"), max_length=2000, widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args: Any, departments: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if departments is not None:
            self.fields["reported_department"].queryset = departments  # type: ignore[attr-defined]


class ComplaintLookupForm(ServiceErrorForm):
    number = forms.CharField(label=_("投诉编号"), max_length=32, widget=forms.TextInput(attrs={"autocomplete": "off"}))
    code = forms.CharField(label=_("查询码"), max_length=12, widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}))


class ComplaintFeedbackForm(ComplaintLookupForm):
    satisfied = forms.ChoiceField(label=_("您对答复是否满意?"), choices=YES_NO, widget=forms.RadioSelect)
    comment = forms.CharField(label=_("意见"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class ComplaintAssignForm(RevisionForm):
    department = forms.ModelChoiceField(label=_("承办部门"), queryset=Department.objects.none())

    def __init__(self, *args: Any, departments: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if departments is not None:
            self.fields["department"].queryset = departments  # type: ignore[attr-defined]


class ComplaintRejectForm(RevisionForm):
    reason = forms.CharField(label=_("不予受理理由"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class ComplaintReplyForm(RevisionForm):
    reply = forms.CharField(label=_("答复内容"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))


class ComplaintCloseForm(RevisionForm):
    pass


# Window visits ---------------------------------------------------------------------------------


class VisitOpenForm(ServiceErrorForm):
    window = forms.ModelChoiceField(label=_("窗口"), queryset=Window.objects.none(), empty_label=None)
    department = forms.ModelChoiceField(
        label=_("服务部门"), queryset=Department.objects.none(), required=False, empty_label=_("按窗口或办件确定")
    )
    case_number = forms.CharField(label=_("办件编号"), required=False, max_length=32)

    def __init__(self, *args: Any, windows: list[Window] | None = None, departments: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if windows is not None:
            self.fields["window"].queryset = Window.objects.filter(pk__in=[w.pk for w in windows]).select_related("hall")  # type: ignore[attr-defined]
            if windows and not self.is_bound:
                self.initial.setdefault("window", windows[0].pk)
        if departments is not None:
            self.fields["department"].queryset = departments  # type: ignore[attr-defined]
