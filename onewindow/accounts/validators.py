"""Validation of a user's profile and password, shared by the services and the admin forms.

Each function raises Django's `ValidationError` keyed by field with a Chinese message and a
machine code; services turn it into `InvalidInput`, forms show it next to the field.
"""

import re
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from onewindow.accounts.choices import ApplicantKind
from onewindow.accounts.models import User
from onewindow.common.identity import normalize_resident_id, normalize_uscc

# Mainland mobile numbers: 11 digits, 1 then a network digit 3–9 (工信部 号段).
MOBILE_PHONE = re.compile(r"1[3-9]\d{9}")

REAL_NAME_MAX = 64
ENTERPRISE_NAME_MAX = 200
USERNAME_MAX = 150


def normalize_phone(value: str) -> str:
    """The mobile number without spaces or dashes, or '' when blank; ValidationError when malformed."""
    raw = re.sub(r"[\s-]", "", value or "")
    if raw.startswith("+86"):
        raw = raw[3:]
    if raw and not MOBILE_PHONE.fullmatch(raw):
        raise ValidationError(_("手机号码应为11位中国大陆手机号,以1开头,第二位为3至9。"), code="phone_format")
    return raw


def normalize_username(value: str) -> str:
    """The username, stripped; ValidationError when empty, too long or with disallowed characters."""
    username = (value or "").strip()
    if not username:
        raise ValidationError(_("请填写用户名。"), code="username_required")
    if len(username) > USERNAME_MAX:
        raise ValidationError(_("用户名不能超过150个字符。"), code="username_length")
    try:
        UnicodeUsernameValidator()(username)
    except ValidationError:
        raise ValidationError(_("用户名只能包含字母、数字和 @ . + - _ 字符。"), code="username_format") from None
    return username


def clean_profile(*, real_name: str, phone: str, id_number: str, applicant_kind: str, enterprise_name: str, uscc: str) -> dict[str, str]:
    """The normalized profile fields; ValidationError({field: [errors]}) listing every problem at once."""
    errors: dict[str, list[ValidationError]] = {}
    cleaned: dict[str, str] = {"real_name": (real_name or "").strip(), "enterprise_name": (enterprise_name or "").strip()}
    if not cleaned["real_name"]:
        errors["real_name"] = [ValidationError(_("请填写姓名。"), code="real_name_required")]
    elif len(cleaned["real_name"]) > REAL_NAME_MAX:
        errors["real_name"] = [ValidationError(_("姓名不能超过64个字符。"), code="real_name_length")]
    if applicant_kind not in ApplicantKind.values:
        errors["applicant_kind"] = [ValidationError(_("申请人类型无效。"), code="applicant_kind_invalid")]
    cleaned["applicant_kind"] = applicant_kind
    for field, normalize in (("phone", normalize_phone), ("id_number", normalize_resident_id), ("uscc", normalize_uscc)):
        raw = {"phone": phone, "id_number": id_number, "uscc": uscc}[field]
        try:
            cleaned[field] = normalize(raw) if (raw or "").strip() else ""
        except ValidationError as error:
            errors[field] = [error]
    if applicant_kind == ApplicantKind.ENTERPRISE:
        _require_enterprise(cleaned, errors)
    elif len(cleaned["enterprise_name"]) > ENTERPRISE_NAME_MAX:
        errors["enterprise_name"] = [ValidationError(_("单位名称不能超过200个字符。"), code="enterprise_name_length")]
    if errors:
        raise ValidationError(errors)
    return cleaned


def _require_enterprise(cleaned: dict[str, str], errors: dict[str, list[ValidationError]]) -> None:
    """An enterprise applicant (法人) names the enterprise and gives its 统一社会信用代码."""
    if not cleaned["enterprise_name"]:
        errors["enterprise_name"] = [ValidationError(_("法人申请人须填写单位名称。"), code="enterprise_name_required")]
    elif len(cleaned["enterprise_name"]) > ENTERPRISE_NAME_MAX:
        errors["enterprise_name"] = [ValidationError(_("单位名称不能超过200个字符。"), code="enterprise_name_length")]
    if not cleaned.get("uscc") and "uscc" not in errors:
        errors["uscc"] = [ValidationError(_("法人申请人须填写统一社会信用代码。"), code="uscc_required")]


def clean_new_user(*, username: str, password: str, **profile: str) -> dict[str, str]:
    """The normalized fields of a new account (username free, profile valid, password strong enough).

    Raises ValidationError({field: [errors]}) with every problem; the password's key is "password".
    """
    errors: dict[str, list[ValidationError]] = {}
    fields: dict[str, str] = {}
    try:
        fields["username"] = normalize_username(username)
    except ValidationError as error:
        errors["username"] = error.error_list
    else:
        if User.objects.filter(username__iexact=fields["username"]).exists():
            errors["username"] = [ValidationError(_("该用户名已被使用。"), code="username_taken")]
    try:
        fields.update(clean_profile(**profile))  # type: ignore[arg-type]
    except ValidationError as error:
        errors.update(error.error_dict)
    try:
        check_password(password, User(**fields))
    except ValidationError as error:
        errors.update(error.error_dict)
    if errors:
        raise ValidationError(errors)
    return fields


# Django's own messages for its validators, in Chinese: its zh_Hans catalog lags behind the
# English msgids of some of them (the minimum length message shows in English otherwise).
_PASSWORD_MESSAGES = {
    "password_too_short": gettext_lazy("密码太短,至少需要 %(min_length)d 个字符。"),
    "password_too_similar": gettext_lazy("密码与%(verbose_name)s过于相似。"),
    "password_too_common": gettext_lazy("密码过于常见,容易被猜中。"),
    "password_entirely_numeric": gettext_lazy("密码不能全是数字。"),
}


def check_password(password: str, user: Any) -> None:
    """Django's configured password validators (length, similarity, common, numeric), keyed by field."""
    try:
        validate_password(password or "", user=user)
    except ValidationError as error:
        errors = [
            ValidationError(_PASSWORD_MESSAGES[e.code], code=e.code, params=e.params) if e.code in _PASSWORD_MESSAGES else e
            for e in error.error_list
        ]
        raise ValidationError({"password": errors}) from None
