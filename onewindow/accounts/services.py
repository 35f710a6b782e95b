"""Writes on user accounts, role assignments, API tokens and TOTP devices.

Every service validates first (writing nothing on bad input), checks the actor's permission and
records an audit event in its own transaction. Snapshots never hold password or token hashes,
TOTP secrets, or an unmasked ID number.
"""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from onewindow.accounts.access import forget_access
from onewindow.accounts.choices import DEPARTMENT_ROLES, REGION_ROLES, ApplicantKind, Role
from onewindow.accounts.mfa import check_code
from onewindow.accounts.models import ApiToken, RoleAssignment, User
from onewindow.accounts.permissions import ADMIN_ROLES, may_grant, may_manage_user, may_revoke
from onewindow.accounts.tokens import new_token
from onewindow.accounts.validators import check_password, clean_new_user, clean_profile
from onewindow.audit.services import audit_record, audit_snapshot
from onewindow.common import time
from onewindow.common.errors import Conflict, Forbidden, InvalidInput
from onewindow.common.identity import mask_id_number, mask_phone

MAX_ACTIVE_TOKENS = 20
TOKEN_NAME_MAX = 100
WINDOW_ROLES = frozenset({Role.WINDOW_CLERK, Role.CHIEF_REPRESENTATIVE})

_USER_FIELDS = ["id", "username", "real_name", "phone", "id_number", "applicant_kind", "enterprise_name", "uscc", "is_active", "is_staff"]
_TOKEN_FIELDS = ["id", "user", "name", "prefix", "created_at", "expires_at", "revoked_at"]
_DEVICE_FIELDS = ["id", "user", "name", "confirmed"]


def invalid_input(error: ValidationError) -> InvalidInput:
    """The first problem as message and code, every problem (by field) in details."""
    if hasattr(error, "error_dict"):
        first = next(iter(error.error_dict.values()))[0]
        details: dict[str, list[str]] = error.message_dict
    else:
        first = error.error_list[0]
        details = {"__all__": error.messages}
    return InvalidInput(first.messages[0], code=first.code or "invalid_input", details=details)


def _user_snapshot(user: User) -> dict[str, Any]:
    data = audit_snapshot(user, fields=_USER_FIELDS)
    data["id_number"] = mask_id_number(user.id_number)
    data["phone"] = mask_phone(user.phone)
    return data


def _may_edit(actor: Any, user: User) -> bool:
    return getattr(actor, "pk", None) == user.pk or may_manage_user(actor, user)


# Users ---------------------------------------------------------------------------------------


@transaction.atomic
def user_create(
    *,
    actor: Any,
    username: str,
    password: str,
    real_name: str,
    phone: str = "",
    id_number: str = "",
    applicant_kind: str = ApplicantKind.PERSON,
    enterprise_name: str = "",
    uscc: str = "",
) -> User:
    """Create an account holding no role (roles come from `role_grant`); actor None for self-registration."""
    profile = {"real_name": real_name, "phone": phone, "id_number": id_number, "applicant_kind": applicant_kind}
    profile |= {"enterprise_name": enterprise_name, "uscc": uscc}
    try:
        fields = clean_new_user(username=username, password=password, **profile)
    except ValidationError as error:
        raise invalid_input(error) from None
    user = User(**fields)
    user.set_password(password)
    user.save()
    audit_record(actor=actor, action="accounts.user.create", obj=user, after=_user_snapshot(user))
    return user


@transaction.atomic
def user_update_profile(
    *,
    actor: Any,
    user: User,
    real_name: str | None = None,
    phone: str | None = None,
    id_number: str | None = None,
    applicant_kind: str | None = None,
    enterprise_name: str | None = None,
    uscc: str | None = None,
) -> User:
    """Change a user's name, phone, ID number or enterprise details (None keeps a field, "" clears it)."""
    if not _may_edit(actor, user):
        raise Forbidden(_("您无权修改该用户的资料。"), code="user_edit_forbidden")
    given = {"real_name": real_name, "phone": phone, "id_number": id_number}
    given |= {"applicant_kind": applicant_kind, "enterprise_name": enterprise_name, "uscc": uscc}
    merged = {field: getattr(user, field) if value is None else value for field, value in given.items()}
    try:
        cleaned = clean_profile(**merged)
    except ValidationError as error:
        raise invalid_input(error) from None
    before = _user_snapshot(user)
    for field, value in cleaned.items():
        setattr(user, field, value)
    user.save(update_fields=list(cleaned))
    audit_record(actor=actor, action="accounts.user.update_profile", obj=user, before=before, after=_user_snapshot(user))
    return user


@transaction.atomic
def user_set_password(*, actor: Any, user: User, password: str) -> User:
    """Set a new password (the user's own, or by an admin who manages the user); other sessions end."""
    if not _may_edit(actor, user):
        raise Forbidden(_("您无权修改该用户的密码。"), code="user_edit_forbidden")
    try:
        check_password(password, user)
    except ValidationError as error:
        raise invalid_input(error) from None
    user.set_password(password)
    user.save(update_fields=["password"])
    audit_record(actor=actor, action="accounts.user.set_password", obj=user)
    return user


@transaction.atomic
def user_deactivate(*, actor: Any, user: User) -> User:
    """Stop an account: it can no longer log in, its sessions and API tokens stop working."""
    if not may_manage_user(actor, user):
        raise Forbidden(_("您无权停用该用户。"), code="user_edit_forbidden")
    if getattr(actor, "pk", None) == user.pk:
        raise InvalidInput(_("不能停用自己的账号。"), code="cannot_deactivate_self")
    if not user.is_active:
        raise Conflict(_("该用户已停用。"), code="user_inactive")
    before = _user_snapshot(user)
    user.is_active = False
    user.save(update_fields=["is_active"])
    forget_access(user)
    audit_record(actor=actor, action="accounts.user.deactivate", obj=user, before=before, after=_user_snapshot(user))
    return user


@transaction.atomic
def user_activate(*, actor: Any, user: User) -> User:
    """Let a stopped account log in again (its roles are kept; revoked tokens stay revoked)."""
    if not may_manage_user(actor, user):
        raise Forbidden(_("您无权启用该用户。"), code="user_edit_forbidden")
    if user.is_active:
        raise Conflict(_("该用户已是启用状态。"), code="user_active")
    before = _user_snapshot(user)
    user.is_active = True
    user.save(update_fields=["is_active"])
    forget_access(user)
    audit_record(actor=actor, action="accounts.user.activate", obj=user, before=before, after=_user_snapshot(user))
    return user


# Roles ---------------------------------------------------------------------------------------


def check_role_scope(role: str, *, department: Any = None, region: Any = None, window: Any = None) -> None:
    """Raise InvalidInput unless the scope fits the role: a department, a region, or neither (applicant)."""
    if role not in Role.values:
        raise InvalidInput(_("角色无效。"), code="invalid_role")
    if role in DEPARTMENT_ROLES and (department is None or region is not None):
        raise InvalidInput(_("该角色须限定于一个部门,不能限定于行政区划。"), code="scope_mismatch")
    if role in REGION_ROLES and (region is None or department is not None):
        raise InvalidInput(_("该角色须限定于一个行政区划,不能限定于部门。"), code="scope_mismatch")
    if role == Role.APPLICANT and (department is not None or region is not None):
        raise InvalidInput(_("申请人角色不限定部门或行政区划。"), code="scope_mismatch")
    if department is not None and not department.is_active:
        raise InvalidInput(_("该部门已停用。"), code="department_inactive")
    if window is not None:
        _check_window(role, window, department=department, region=region)


def _check_window(role: str, window: Any, *, department: Any, region: Any) -> None:
    """Only window clerks and chief representatives sit at a window, and only at one in their scope."""
    if role not in WINDOW_ROLES:
        raise InvalidInput(_("只有窗口受理人员和首席代表可以指定窗口。"), code="window_not_applicable")
    scope_region = region if region is not None else department.region
    outside = not scope_region.contains(window.hall.region)
    if department is not None and window.department_id not in (None, department.pk):
        outside = True
    if outside:
        raise InvalidInput(_("所选窗口不在该角色的部门或区划范围内。"), code="window_out_of_scope")


def role_grant_check(*, actor: Any, user: User, role: str, department: Any = None, region: Any = None, window: Any = None) -> None:
    """Raise InvalidInput, Forbidden or Conflict unless `role_grant` with these arguments would succeed."""
    check_role_scope(role, department=department, region=region, window=window)
    if not may_grant(actor, role, department=department, region=region):
        raise Forbidden(_("您无权在该范围内授予此角色。"), code="grant_forbidden")
    if not user.is_active:
        raise InvalidInput(_("该用户已停用,不能授予角色。"), code="user_inactive")
    if user.pk is not None and RoleAssignment.objects.filter(user=user, role=role, department=department, region=region).exists():
        raise Conflict(_("该用户已拥有此范围内的该角色。"), code="role_exists")


@transaction.atomic
def role_grant(*, actor: Any, user: User, role: str, department: Any = None, region: Any = None, window: Any = None) -> RoleAssignment:
    """Give `user` a role over a department or a region; admin roles also open the management site."""
    role_grant_check(actor=actor, user=user, role=role, department=department, region=region, window=window)
    granted_by = actor if getattr(actor, "is_authenticated", False) else None
    assignment = RoleAssignment.objects.create(
        user=user, role=role, department=department, region=region, window=window, granted_by=granted_by
    )
    if role in ADMIN_ROLES and not user.is_staff:
        User.objects.filter(pk=user.pk).update(is_staff=True)
        user.is_staff = True
    forget_access(user)
    audit_record(actor=actor, action="accounts.role.grant", obj=assignment, after=audit_snapshot(assignment))
    return assignment


@transaction.atomic
def role_revoke(*, actor: Any, assignment: RoleAssignment) -> None:
    """Take a role away; the last admin role also closes the management site (unless superuser)."""
    if not may_revoke(actor, assignment):
        own_admin = assignment.user_id == getattr(actor, "pk", None) and assignment.role in ADMIN_ROLES
        message = _("不能撤销自己的管理员角色,请由其他管理员操作。") if own_admin else _("您无权撤销该角色。")
        raise Forbidden(message, code="revoke_own_admin" if own_admin else "revoke_forbidden")
    user = assignment.user
    audit_record(actor=actor, action="accounts.role.revoke", obj=assignment, before=audit_snapshot(assignment))
    assignment.delete()
    still_admin = user.role_assignments.filter(role__in=sorted(ADMIN_ROLES)).exists()
    if assignment.role in ADMIN_ROLES and not still_admin and not user.is_superuser:
        User.objects.filter(pk=user.pk).update(is_staff=False)
        user.is_staff = False
    forget_access(user)


# API tokens ----------------------------------------------------------------------------------


def _clean_token_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise InvalidInput(_("请填写令牌名称。"), code="token_name_required")
    if len(name) > TOKEN_NAME_MAX:
        raise InvalidInput(_("令牌名称不能超过100个字符。"), code="token_name_length")
    return name


@transaction.atomic
def token_create(*, actor: Any, user: User, name: str, expires_at: dt.datetime | None = None) -> tuple[ApiToken, str]:
    """Create a named API token for oneself; returns the record and the plain token, shown only this once."""
    if getattr(actor, "pk", None) != user.pk:
        raise Forbidden(_("只能为自己创建访问令牌。"), code="token_not_own")
    name = _clean_token_name(name)
    if expires_at is not None and expires_at <= time.now():
        raise InvalidInput(_("过期时间须晚于当前时间。"), code="token_expiry_past")
    locked = User.objects.select_for_update().filter(pk=user.pk, is_active=True).first()
    if locked is None:
        raise InvalidInput(_("该用户已停用。"), code="user_inactive")
    if ApiToken.objects.filter(user=user).active().count() >= MAX_ACTIVE_TOKENS:
        raise Conflict(_("每个用户最多可有20个有效令牌,请先吊销不再使用的令牌。"), code="token_limit")
    plain, prefix, key_hash = new_token()
    token = ApiToken.objects.create(user=user, name=name, prefix=prefix, key_hash=key_hash, expires_at=expires_at)
    audit_record(actor=actor, action="accounts.token.create", obj=token, after=audit_snapshot(token, fields=_TOKEN_FIELDS))
    return token, plain


@transaction.atomic
def token_revoke(*, actor: Any, token: ApiToken) -> ApiToken:
    """Revoke a token for good (its owner, or an admin who manages the owner)."""
    if getattr(actor, "pk", None) != token.user_id and not may_manage_user(actor, token.user):
        raise Forbidden(_("您无权吊销该令牌。"), code="token_not_own")
    if token.revoked_at is not None:
        raise Conflict(_("该令牌已被吊销。"), code="token_revoked")
    before = audit_snapshot(token, fields=_TOKEN_FIELDS)
    token.revoked_at = time.now()
    token.updated_at = token.revoked_at
    token.save(update_fields=["revoked_at", "updated_at"])
    audit_record(actor=actor, action="accounts.token.revoke", obj=token, before=before, after=audit_snapshot(token, fields=_TOKEN_FIELDS))
    return token


# TOTP devices --------------------------------------------------------------------------------


@transaction.atomic
def mfa_device_start(*, actor: Any) -> TOTPDevice:
    """The TOTP device the actor is setting up: the pending one, or a new one with a fresh secret."""
    if TOTPDevice.objects.filter(user_id=actor.pk, confirmed=True).exists():
        raise Conflict(_("您已设置身份验证器。"), code="mfa_already_set_up")
    device = TOTPDevice.objects.filter(user_id=actor.pk, confirmed=False).order_by("-id").first()
    if device is not None:
        return device
    device = TOTPDevice.objects.create(user=actor, name=_("身份验证器"), confirmed=False)
    audit_record(actor=actor, action="accounts.mfa_device.create", obj=device, after=audit_snapshot(device, fields=_DEVICE_FIELDS))
    return device


def mfa_device_confirm(*, actor: Any, device: TOTPDevice, code: str) -> TOTPDevice:
    """Confirm a pending device with its current code; other pending devices of the actor are removed.

    The code is checked before the transaction so that a failed attempt still counts toward
    django-otp's throttle.
    """
    if device.user_id != getattr(actor, "pk", None):
        raise Forbidden(_("只能设置自己的身份验证器。"), code="mfa_not_own")
    if device.confirmed:
        raise Conflict(_("该身份验证器已确认。"), code="mfa_already_set_up")
    check_code(device, code)
    return _confirm_device(actor=actor, device=device)


@transaction.atomic
def _confirm_device(*, actor: Any, device: TOTPDevice) -> TOTPDevice:
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user_id=device.user_id, confirmed=False).delete()
    audit_record(actor=actor, action="accounts.mfa_device.confirm", obj=device, after=audit_snapshot(device, fields=_DEVICE_FIELDS))
    return device


@transaction.atomic
def mfa_device_reset(*, actor: Any, user: User) -> int:
    """Remove all of a user's second-factor devices (a lost phone); the user sets one up at next login."""
    if getattr(actor, "pk", None) == user.pk or not may_manage_user(actor, user):
        raise Forbidden(_("只有管理该用户的管理员可以重置其双因素认证。"), code="mfa_reset_forbidden")
    devices = [TOTPDevice.objects.filter(user_id=user.pk), StaticDevice.objects.filter(user_id=user.pk)]
    removed = sum(queryset.count() for queryset in devices)
    for queryset in devices:
        queryset.delete()
    audit_record(actor=actor, action="accounts.mfa_device.reset", obj=user, after={"devices_removed": removed})
    return removed
