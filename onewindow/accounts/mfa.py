"""TOTP two-factor authentication: which users need it, their devices, checking a code, the QR code.

Codes are checked by django-otp, which also throttles guessing (each failure doubles the wait)
and refuses a code that was already used.
"""

import re
from base64 import b32encode

import segno
from django.conf import settings
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from onewindow.accounts.access import access_of
from onewindow.common.errors import InvalidInput

_CODE = re.compile(r"\d{6}")


def mfa_required_for(user: object) -> bool:
    """Whether `user` must pass TOTP verification: staff members, when REQUIRE_MFA is on."""
    return bool(settings.REQUIRE_MFA) and access_of(user).is_staff_member


def is_verified(user: object) -> bool:
    """Whether this session's user passed a TOTP check (set by django-otp's middleware)."""
    check = getattr(user, "is_verified", None)
    return bool(check()) if callable(check) else False


def confirmed_device(user: object) -> TOTPDevice | None:
    """The user's confirmed TOTP device (the first, when there are several)."""
    return TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).order_by("id").first()  # type: ignore[attr-defined]


def pending_device(user: object) -> TOTPDevice | None:
    """The device being set up (created, not yet confirmed with a code)."""
    return TOTPDevice.objects.filter(user_id=user.pk, confirmed=False).order_by("-id").first()  # type: ignore[attr-defined]


def check_code(device: TOTPDevice, code: str) -> None:
    """Raise InvalidInput unless `code` is the device's current 6-digit code.

    Not atomic on purpose: django-otp saves the failure counter (the throttle) itself, and that
    must persist when the caller's transaction is rolled back by the error.
    """
    allowed, _details = device.verify_is_allowed()
    if not allowed:
        raise InvalidInput(_("验证码错误次数过多,请稍后再试。"), code="otp_throttled")
    code = (code or "").strip().replace(" ", "")
    if not _CODE.fullmatch(code) or not device.verify_token(code):
        raise InvalidInput(_("验证码不正确或已过期,请输入身份验证器当前显示的6位数字。"), code="invalid_otp")


def secret_base32(device: TOTPDevice) -> str:
    """The shared secret as the base32 text authenticator apps accept for manual entry, in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The device's otpauth:// URL as an inline SVG QR code, made on the server (no external service)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=5, border=4, dark="#000", light="#fff", title=_("身份验证器二维码"))
