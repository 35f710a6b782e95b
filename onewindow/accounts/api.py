"""/api/v1/auth: obtain a token with username and password, the current user, one's tokens."""

import datetime as dt
from typing import Any

from django.contrib.auth import authenticate
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from onewindow.accounts.auth import user_auth
from onewindow.accounts.mfa import check_code, confirmed_device, mfa_required_for
from onewindow.accounts.selectors import role_assignments_of, token_get, token_list
from onewindow.accounts.services import token_create, token_revoke
from onewindow.common.api import DepartmentRefOut, ErrorOut, PathId
from onewindow.common.errors import DomainError, Forbidden, InvalidInput, NotAuthenticated

router = Router(tags=["accounts"])


class TokenRequestIn(Schema):
    username: str
    password: str
    name: str | None = None
    otp: str | None = None


class TokenCreatedOut(Schema):
    token: str
    name: str
    expires_at: dt.datetime | None


class RegionRefOut(Schema):
    code: str
    name: str


class RoleOut(Schema):
    role: str
    role_label: str
    department: DepartmentRefOut | None
    region: RegionRefOut | None


class MeOut(Schema):
    username: str
    real_name: str
    roles: list[RoleOut]


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    expires_at: dt.datetime | None
    revoked_at: dt.datetime | None
    is_active: bool


class TokenPageOut(Schema):
    items: list[TokenOut]
    next_cursor: str | None


class LoginLockedOut(DomainError):
    """Too many failed logins for this username from this address (django-axes)."""

    status = 429
    default_code = "locked_out"


@router.post("/token", auth=None, response={201: TokenCreatedOut, 401: ErrorOut, 403: ErrorOut, 429: ErrorOut})
def obtain_token(request: HttpRequest, payload: TokenRequestIn):  # type: ignore[no-untyped-def]
    """Exchange username and password (and the TOTP code, for staff when required) for a new API token.

    Failed attempts count toward the same lockout as the login page (django-axes).
    """
    user = authenticate(request, username=payload.username, password=payload.password)
    if user is None:
        if getattr(request, "axes_locked_out", False):
            # Answer in the API's format; left set, AxesMiddleware would replace this with the HTML lockout page.
            request.axes_locked_out = False  # type: ignore[attr-defined]
            raise LoginLockedOut(_("登录失败次数过多,账号已被临时锁定,请稍后再试。"))
        raise NotAuthenticated(_("用户名或密码错误。"), code="invalid_credentials")
    _check_second_factor(user, payload.otp)
    token, plain = token_create(actor=user, user=user, name=payload.name or _("接口令牌"))
    return Status(201, {"token": plain, "name": token.name, "expires_at": token.expires_at})


def _check_second_factor(user: Any, otp: str | None) -> None:
    """Staff who must use two-factor authentication send their authenticator's current code."""
    if not mfa_required_for(user):
        return
    device = confirmed_device(user)
    if device is None:
        raise Forbidden(_("工作人员须先在网页上设置身份验证器,然后才能获取令牌。"), code="mfa_setup_required")
    if not otp:
        raise NotAuthenticated(_("请提供身份验证器的6位验证码(otp)。"), code="otp_required")
    try:
        check_code(device, otp)
    except InvalidInput as error:
        raise NotAuthenticated(error.message, code="invalid_otp") from None


@router.get("/me", auth=user_auth, response=MeOut)
def me(request: HttpRequest):  # type: ignore[no-untyped-def]
    """The authenticated user and their roles with scopes."""
    user = request.auth  # type: ignore[attr-defined]
    roles = [
        {
            "role": assignment.role,
            "role_label": assignment.get_role_display(),
            "department": assignment.department,
            "region": assignment.region,
        }
        for assignment in role_assignments_of(user=user, subject=user)
    ]
    return {"username": user.username, "real_name": user.real_name, "roles": roles}


@router.get("/tokens", auth=user_auth, response=TokenPageOut)
def list_tokens(request: HttpRequest, cursor: str | None = None, limit: int | None = None):  # type: ignore[no-untyped-def]
    """The authenticated user's own tokens, newest first (the plain token is never shown again)."""
    page = token_list(user=request.auth, cursor=cursor, limit=limit)  # type: ignore[attr-defined]
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.delete("/tokens/{token_id}", auth=user_auth, response={204: None})
def revoke_token(request: HttpRequest, token_id: PathId):  # type: ignore[no-untyped-def]
    """Revoke one of the authenticated user's tokens; another user's token is not found (404)."""
    token = token_get(user=request.auth, pk=token_id)  # type: ignore[attr-defined]
    token_revoke(actor=request.auth, token=token)  # type: ignore[attr-defined]
    return Status(204, None)
