"""Staff forms of the catalog workbench: change requests and their review, themes, synonyms.

The forms only read what was typed; the rules are the services' (`onewindow.catalog.services`),
whose errors `add_service_error` shows next to the fields they name.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from onewindow.catalog.choices import Audience, ChangeKind, ChangeRequestStatus, ListKind, ThemeKind
from onewindow.common.errors import DomainError
from onewindow.orgs.models import Department, Region

# The lists a department drafts for; the region-wide lists (中介服务, 职责边界) are the list managers'.
DEPARTMENT_LISTS = (ListKind.SERVICE, ListKind.POWER, ListKind.FEE)
_CODE_SEPARATORS = re.compile(r"[\s,，、;；]+")


class ServiceErrorsMixin:
    """Shows the errors a service raised next to the fields they name (the rest above the form).

    Services give `details` either as a list of `{"field", "message"}` or as `{field: messages}`.
    """

    def add_service_error(self, error: DomainError) -> None:
        problems = _problems(error)
        if not problems:
            self.add_error(None, error.message)  # type: ignore[attr-defined]
        for field, message in problems:
            self.add_error(field if field in self.fields else None, message)  # type: ignore[attr-defined]


def _problems(error: DomainError) -> list[tuple[str | None, Any]]:
    details: Any = error.details
    if isinstance(details, dict):
        if "field" in details:
            return [(details.get("field"), details.get("message") or error.message)]
        return list(details.items())
    if isinstance(details, list):
        return [(p.get("field"), p.get("message") or error.message) for p in details if isinstance(p, dict)]
    return []


class ChangeRequestFilterForm(forms.Form):
    """The filters of the change-request list."""

    status = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部")), *ChangeRequestStatus.choices])
    list_kind = forms.ChoiceField(label=_("清单"), required=False, choices=[("", _("全部")), *ListKind.choices])
    kind = forms.ChoiceField(label=_("变更类型"), required=False, choices=[("", _("全部")), *ChangeKind.choices])


class ChangeRequestForm(ServiceErrorsMixin, forms.Form):
    """A new change request: which list, what kind of change, for which department, and why.

    `regions` are the regions the user manages the lists of (a choice appears when there are
    several); `departments` those the user may draft for; a department admin without list-manager
    rights must name one of them, and one alone is fixed.
    """

    region = forms.ModelChoiceField(label=_("区划"), queryset=Region.objects.none(), empty_label=None)
    list_kind = forms.ChoiceField(label=_("清单"), choices=ListKind.choices)
    kind = forms.ChoiceField(label=_("变更类型"), choices=ChangeKind.choices)
    department = forms.ModelChoiceField(
        label=_("提出部门"),
        queryset=Department.objects.none(),
        required=False,
        help_text=_("部门清单(权责、政务服务事项、收费)的变更由该部门提出;中介服务和职责边界清单可不选部门。"),
    )
    title = forms.CharField(label=_("标题"), max_length=200, help_text=_("如“调整食品经营许可承诺时限”。"))
    reason = forms.CharField(label=_("变更理由"), widget=forms.Textarea(attrs={"rows": 4}))
    legal_basis = forms.CharField(
        label=_("法律依据"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("写明法律、法规、规章或上级文件的名称和条款,如《中华人民共和国行政许可法》第十二条。"),
    )

    def __init__(self, *args: Any, regions: list[Region], departments: QuerySet[Department], manages_lists: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.manages_lists = manages_lists
        if len(regions) > 1:
            self.fields["region"].queryset = Region.objects.filter(pk__in=[r.pk for r in regions])  # type: ignore[attr-defined]
        else:
            del self.fields["region"]
        department = self.fields["department"]
        department.queryset = departments  # type: ignore[attr-defined]
        if not manages_lists:
            self.fields["list_kind"].choices = [(k.value, k.label) for k in DEPARTMENT_LISTS]  # type: ignore[attr-defined]
            department.required = True
            department.empty_label = None  # type: ignore[attr-defined]
            department.help_text = _("部门管理员只能为本部门提出变更。")
            only = list(departments[:2])
            if len(only) == 1:
                department.initial = only[0]
                department.disabled = True


class ReturnForm(forms.Form):
    """A list manager sends a request back with the reasons."""

    comment = forms.CharField(
        label=_("审核意见"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("写明需要修改的内容,起草人修改后可重新提交。"),
    )


class PublishForm(forms.Form):
    """A list manager publishes a request, optionally with a comment."""

    comment = forms.CharField(label=_("发布意见"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2}))


class CancelEntryForm(ServiceErrorsMixin, forms.Form):
    """Draft the cancellation (取消) of a current entry by its code."""

    code = forms.CharField(label=_("要取消条目的编码"), max_length=64, help_text=_("政务服务事项填实施编码,其他清单填条目编码。"))

    def clean_code(self) -> str:
        return self.cleaned_data["code"].strip()


class ThemeForm(ServiceErrorsMixin, forms.Form):
    """A browsing theme (人生事件、企业事件、专题); its code cannot change once created."""

    code = forms.SlugField(label=_("代码"), max_length=50, help_text=_("小写字母、数字和连字符,如 kaiban-qiye;创建后不能修改。"))
    name = forms.CharField(label=_("名称"), max_length=50)
    kind = forms.ChoiceField(label=_("类型"), choices=ThemeKind.choices)
    audience = forms.ChoiceField(label=_("服务对象"), choices=Audience.choices)
    sort = forms.IntegerField(label=_("排序"), min_value=0, max_value=32767, initial=100, help_text=_("数字小的排在前面。"))

    def __init__(self, *args: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            self.fields["code"].disabled = True
            self.fields["code"].help_text = ""


class SynonymForm(ServiceErrorsMixin, forms.Form):
    """What citizens type, and the implementation codes of the items they mean."""

    phrase = forms.CharField(label=_("群众说法"), max_length=50, help_text=_("如“开饭店”“办身份证”。"))
    item_codes = forms.CharField(
        label=_("对应事项实施编码"),
        widget=forms.Textarea(attrs={"rows": 2, "spellcheck": "false"}),
        help_text=_("一个或多个实施编码,用空格、逗号或换行分隔。"),
    )

    def clean_item_codes(self) -> list[str]:
        codes = [code for code in _CODE_SEPARATORS.split(self.cleaned_data["item_codes"]) if code]
        if not codes:
            raise forms.ValidationError(_("请至少填写一个事项实施编码。"))
        return list(dict.fromkeys(codes))


class VersionDiffForm(forms.Form):
    """Compare two numbered versions of the region's lists (0 = before the first publication).

    The query string is `?from=N&to=M&list=kind`; `to` defaults to the latest version and `from`
    to the one before `to` (filled in, so the form shows what is compared).
    """

    def __init__(self, data: Any, *, latest: int) -> None:
        values = {
            "from": (data.get("from") or "").strip(),
            "to": (data.get("to") or "").strip() or str(latest),
            "list": data.get("list", ""),
        }
        if not values["from"] and values["to"].isdigit():
            values["from"] = str(max(int(values["to"]) - 1, 0))
        super().__init__(values)
        self.latest = latest
        later = {"max_value": _("起始版本应早于目标版本。")}
        self.fields["from"] = forms.IntegerField(label=_("从版本"), min_value=0, max_value=max(latest - 1, 0), error_messages=later)
        newest = {"max_value": _("最新版本为第%(limit_value)s版。")}
        self.fields["to"] = forms.IntegerField(label=_("到版本"), min_value=1, max_value=max(latest, 1), error_messages=newest)
        self.fields["list"] = forms.ChoiceField(label=_("清单"), required=False, choices=[("", _("全部清单")), *ListKind.choices])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and data["from"] >= data["to"]:
            self.add_error("from", _("起始版本应早于目标版本。"))
        return data
