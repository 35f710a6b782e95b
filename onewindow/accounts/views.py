"""Account pages: login, logout, two-factor authentication, profile, password, API tokens."""

from typing import Any, cast

import django_otp
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView, LogoutView
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from onewindow.accounts.access import access_of
from onewindow.accounts.forms import LoginForm, MfaCodeForm, PasswordChangeForm, TokenCreateForm
from onewindow.accounts.mfa import check_code, confirmed_device, is_verified, mfa_required_for, pending_device, qr_svg, secret_base32
from onewindow.accounts.models import User
from onewindow.accounts.selectors import role_assignments_of, token_get, token_list
from onewindow.accounts.services import mfa_device_confirm, mfa_device_start, token_create, token_revoke, user_set_password
from onewindow.common.errors import DomainError, InvalidInput, NotFound
from onewindow.common.pagination import MAX_LIMIT


def home_url_for(user: Any) -> str:
    """Where a user lands after login: staff on the workbench, applicants on the portal."""
    return reverse("workbench:home") if access_of(user).is_staff_member else reverse("portal:home")


def _account(request: HttpRequest) -> User:
    """The logged-in user of a view behind `login_required`."""
    return cast(User, request.user)


def base_template_for(user: Any) -> str:
    return "workbench/base.html" if access_of(user).is_staff_member else "portal/base.html"


def _safe_next(request: HttpRequest) -> str:
    """The `next` parameter when it points into this site (and not back at the MFA page), else home."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure())
    if not safe or target.split("?")[0] == reverse("accounts:mfa"):
        return home_url_for(request.user)
    return target


class SignInView(LoginView):
    """Username and password; staff continue to the workbench, applicants to the portal (or a safe `next`)."""

    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        return home_url_for(self.request.user)


class SignOutView(LogoutView):
    """Logs out on POST; a GET shows a confirmation form (logging out must not happen by a link)."""

    http_method_names = ["get", "post", "options"]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect("portal:home")
        return TemplateResponse(request, "accounts/logout_confirm.html", {"base_template": base_template_for(request.user)})


@never_cache
@login_required
def mfa(request: HttpRequest) -> HttpResponse:
    """Set up a TOTP authenticator (first time) or verify this session with its code, then go on to `next`."""
    next_url = _safe_next(request)
    if is_verified(request.user):
        return redirect(next_url)
    device = confirmed_device(request.user)
    if device is None:
        return _mfa_setup(request, next_url)
    return _mfa_verify(request, device, next_url)


def _mfa_setup(request: HttpRequest, next_url: str) -> HttpResponse:
    device = pending_device(request.user) or mfa_device_start(actor=request.user)
    form = MfaCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            mfa_device_confirm(actor=request.user, device=device, code=form.cleaned_data["code"])
        except DomainError as error:
            form.add_error("code", error.message)
        else:
            _mark_verified(request, device)
            messages.success(request, _("身份验证器已设置,今后登录时请输入其显示的验证码。"))
            return redirect(next_url)
    context = {
        "form": form,
        "next": next_url,
        "qr_svg": qr_svg(device),
        "secret": secret_base32(device),
        "required": mfa_required_for(request.user),
    }
    return render(request, "accounts/mfa_setup.html", context)


def _mfa_verify(request: HttpRequest, device: Any, next_url: str) -> HttpResponse:
    form = MfaCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            check_code(device, form.cleaned_data["code"])
        except DomainError as error:
            form.add_error("code", error.message)
        else:
            _mark_verified(request, device)
            return redirect(next_url)
    return render(request, "accounts/mfa_verify.html", {"form": form, "next": next_url})


def _mark_verified(request: HttpRequest, device: Any) -> None:
    """Record the verified device in the session under a fresh session key (the session gained rights)."""
    request.session.cycle_key()
    django_otp.login(request, device)


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    """The user's own account: name, masked ID number and phone, roles with their scopes."""
    user = _account(request)
    context = {
        "base_template": base_template_for(user),
        "assignments": role_assignments_of(user=user, subject=user),
        "has_mfa": confirmed_device(user) is not None,
    }
    return render(request, "accounts/profile.html", context)


@never_cache
@login_required
def password_change(request: HttpRequest) -> HttpResponse:
    """Change one's own password (the current one is asked again)."""
    user = _account(request)
    form = PasswordChangeForm(user=user, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user_set_password(actor=user, user=user, password=form.cleaned_data["new_password1"])
        except DomainError as error:
            form.add_error("new_password1", error.message)
        else:
            update_session_auth_hash(request, user)
            messages.success(request, _("密码已修改。"))
            return redirect("accounts:profile")
    return render(request, "accounts/password_change.html", {"form": form, "base_template": base_template_for(user)})


@never_cache
@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    """The user's API tokens; a POST creates one and shows its plain value this once."""
    user = _account(request)
    form = TokenCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            token, plain = token_create(actor=user, user=user, name=form.cleaned_data["name"], expires_at=form.expires_at())
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            context = {"token": token, "plain": plain, "base_template": base_template_for(user)}
            return render(request, "accounts/token_created.html", context)
    try:
        page = token_list(user=user, cursor=request.GET.get("cursor") or None, limit=MAX_LIMIT)
    except InvalidInput:
        page = token_list(user=user, limit=MAX_LIMIT)
    return render(request, "accounts/tokens.html", {"form": form, "page": page, "base_template": base_template_for(user)})


@require_POST
@login_required
def token_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Revoke one of the user's own tokens (another user's token is not found)."""
    try:
        token = token_get(user=request.user, pk=pk)
        token_revoke(actor=request.user, token=token)
    except NotFound:
        raise Http404 from None
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("令牌“%(name)s”已吊销,使用它的系统将无法再访问。") % {"name": token.name})
    return redirect("accounts:tokens")
