"""Validation of Chinese identity codes, with Chinese messages, and masking for display.

居民身份证号 follows GB 11643 (check digit, ISO 7064 MOD 11-2) and 统一社会信用代码 follows
GB 32100 (check character); python-stdnum implements both.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum.cn import ric, uscc
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength


def normalize_resident_id(value: str) -> str:
    """Return the 18-character 居民身份证号 in canonical form or raise ValidationError."""
    raw = (value or "").strip().upper()
    if not raw:
        raise ValidationError(_("请填写居民身份证号码。"), code="id_number_required")
    try:
        number = ric.validate(raw)
    except InvalidLength:
        raise ValidationError(_("居民身份证号码应为18位。"), code="id_number_length") from None
    except InvalidFormat:
        raise ValidationError(_("居民身份证号码格式不正确:前17位应为数字,最后一位为数字或X。"), code="id_number_format") from None
    except InvalidChecksum:
        raise ValidationError(_("居民身份证号码校验位错误,请核对后重新输入。"), code="id_number_checksum") from None
    except (InvalidComponent, KeyError):  # stdnum raises KeyError for some unknown region codes
        raise ValidationError(_("居民身份证号码中的出生日期或地区代码无效。"), code="id_number_component") from None
    if len(number) != 18:
        raise ValidationError(_("居民身份证号码应为18位。"), code="id_number_length")
    return number


def normalize_uscc(value: str) -> str:
    """Return the 18-character 统一社会信用代码 in canonical form or raise ValidationError."""
    raw = (value or "").strip().upper()
    if not raw:
        raise ValidationError(_("请填写统一社会信用代码。"), code="uscc_required")
    try:
        return uscc.validate(raw)
    except InvalidLength:
        raise ValidationError(_("统一社会信用代码应为18位。"), code="uscc_length") from None
    except InvalidFormat:
        raise ValidationError(_("统一社会信用代码含有无效字符(不使用I、O、Z、S、V)。"), code="uscc_format") from None
    except InvalidChecksum:
        raise ValidationError(_("统一社会信用代码校验码错误,请核对后重新输入。"), code="uscc_checksum") from None
    except InvalidComponent:
        raise ValidationError(_("统一社会信用代码的登记管理部门、机构类别或行政区划码无效。"), code="uscc_component") from None


def mask_id_number(value: str) -> str:
    """身份证 `110***********1234`: keep the first three and last four characters."""
    if not value:
        return ""
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_phone(value: str) -> str:
    """Phone `138****5678`."""
    if not value:
        return ""
    if len(value) < 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_name(value: str) -> str:
    """A person's name shown publicly: 张* / 欧阳** ; enterprise names are public and not masked."""
    if not value:
        return ""
    return value[0] + "*" * (len(value) - 1)
