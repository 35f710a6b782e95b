"""Forms of the account pages: login, the TOTP code, a new API token."""

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.forms import PasswordChangeForm as DjangoPasswordChangeForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from onewindow.accounts.validators import check_password
from onewindow.common import time


class DescribedErrorsMixin:
    """Links each field's error messages (and help text) to its input with aria-describedby."""

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        for name in self.errors:  # type: ignore[attr-defined]
            if name not in self.fields:  # type: ignore[attr-defined]
                continue
            bound = self[name]  # type: ignore[index]
            ids = [f"{bound.auto_id}_error"]
            if bound.help_text:
                ids.append(f"{bound.auto_id}_helptext")
            self.fields[name].widget.attrs["aria-describedby"] = " ".join(ids)  # type: ignore[attr-defined]


class LoginForm(DescribedErrorsMixin, AuthenticationForm):
    """Username and password; authenticates with the request so login throttling (axes) counts failures."""

    error_messages = {
        "invalid_login": _("用户名或密码错误。"),
        "inactive": _("该账号已停用,请联系系统管理员。"),
    }

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("用户名")
        self.fields["password"].label = _("密码")


class MfaCodeForm(DescribedErrorsMixin, forms.Form):
    """The 6-digit code an authenticator app shows."""

    code = forms.RegexField(
        label=_("6位验证码"),
        regex=r"^\s*\d{3}\s?\d{3}\s*$",
        error_messages={"required": _("请输入验证码。"), "invalid": _("验证码应为6位数字。")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "maxlength": "7", "autofocus": True}),
    )

    def clean_code(self) -> str:
        return self.cleaned_data["code"].replace(" ", "").strip()


class TokenCreateForm(DescribedErrorsMixin, forms.Form):
    """A name for the new token and how long it lasts."""

    LIFETIMES = [("30", _("30天")), ("90", _("90天")), ("180", _("180天")), ("365", _("一年")), ("", _("永不过期"))]

    name = forms.CharField(
        label=_("令牌名称"),
        max_length=100,
        help_text=_("说明用途,例如“档案系统对接”。"),
        error_messages={"required": _("请填写令牌名称。")},
    )
    lifetime = forms.ChoiceField(label=_("有效期"), choices=LIFETIMES, initial="90", required=False)

    def expires_at(self) -> dt.datetime | None:
        days = self.cleaned_data.get("lifetime")
        return time.now() + dt.timedelta(days=int(days)) if days else None


class PasswordChangeForm(DescribedErrorsMixin, DjangoPasswordChangeForm):
    """The current password and the new one twice; the new one passes the configured validators."""

    def validate_password_for_user(self, user: Any, password_field_name: str = "new_password2") -> None:
        password = self.cleaned_data.get(password_field_name)
        if password:
            try:
                check_password(password, user)
            except ValidationError as error:
                self.add_error(password_field_name, error.error_dict["password"])
