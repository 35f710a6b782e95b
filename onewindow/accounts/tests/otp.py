"""Test support for TOTP: a confirmed device and the code its authenticator app would show now."""

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def current_code(device: TOTPDevice) -> str:
    """The 6-digit code for the device at the current (possibly frozen) time."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"


def wrong_code(device: TOTPDevice) -> str:
    """A well-formed code that is not the current one (nor a neighbour the tolerance accepts)."""
    near = {f"{totp(device.bin_key, device.step, device.t0, device.digits, drift):06d}" for drift in (-1, 0, 1)}
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in near)


def confirmed_device(user) -> TOTPDevice:  # type: ignore[no-untyped-def]
    return TOTPDevice.objects.create(user=user, name="手机", confirmed=True)
