"""Forms of the supervision pages: the order actions and opening an order."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from onewindow.supervision.choices import CardColor, OrderAction, OrderStatus

A = OrderAction

# The text each action takes: its field label, and whether it may be left empty.
ACTION_TEXT: dict[str, tuple[Any, bool]] = {
    A.REPLY: (_("答复内容(超时原因、整改措施、办结时间)"), True),
    A.RETURN: (_("退回意见"), True),
    A.CLOSE: (_("办结意见"), False),
    A.WITHDRAW: (_("撤销理由"), True),
}


class OrderActionForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=4000, required=False)

    def __init__(self, *args: Any, action: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.action = action
        label, required = ACTION_TEXT[action]
        self.fields["text"].label = label
        self.fields["text"].required = required


class OrderOpenForm(forms.Form):
    reason = forms.CharField(label=_("督办事由"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000)


class CardFilterForm(forms.Form):
    color = forms.ChoiceField(label=_("颜色"), required=False, choices=[("", _("全部")), *CardColor.choices])
    cleared = forms.BooleanField(label=_("含已消除"), required=False)

    @property
    def values(self) -> dict[str, Any]:
        data = self.cleaned_data if self.is_valid() else {}
        return {"color": data.get("color") or "", "cleared": bool(data.get("cleared"))}


class OrderFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部")), *OrderStatus.choices])

    @property
    def values(self) -> dict[str, Any]:
        data = self.cleaned_data if self.is_valid() else {}
        return {"status": data.get("status") or ""}
