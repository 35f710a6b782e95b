"""The management site's account pages: users, role assignments, API tokens.

Access follows OneWindow's roles (system admin, department admin), not Django's model
permissions; rows come through `visible_to`; every change goes through the services, so it is
validated and audited like any other write. Password and token hashes are never shown.
"""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from onewindow.accounts.access import access_of
from onewindow.accounts.choices import Role
from onewindow.accounts.models import ApiToken, RoleAssignment, User
from onewindow.accounts.permissions import is_user_admin, may_manage_user, may_revoke
from onewindow.accounts.services import (
    mfa_device_reset,
    role_grant,
    role_grant_check,
    role_revoke,
    token_revoke,
    user_activate,
    user_create,
    user_deactivate,
    user_set_password,
    user_update_profile,
)
from onewindow.accounts.validators import check_password, clean_new_user, clean_profile
from onewindow.common.errors import DomainError
from onewindow.orgs.models import Department, Region, Window

_PROFILE_FIELDS = ("real_name", "phone", "applicant_kind", "enterprise_name", "uscc")


def _field_errors(error: ValidationError, renames: dict[str, str]) -> ValidationError:
    """The same errors keyed by the form's field names."""
    return ValidationError({renames.get(field, field): errors for field, errors in error.error_dict.items()})


def _run_each(modeladmin: admin.ModelAdmin, request: HttpRequest, objects: Any, action: Any, done: str) -> None:
    """Apply a service to each selected object, reporting successes and refusals."""
    succeeded = 0
    for obj in objects:
        try:
            action(obj)
        except DomainError as error:
            modeladmin.message_user(request, f"{obj}:{error.message}", messages.ERROR)
        else:
            succeeded += 1
    if succeeded:
        modeladmin.message_user(request, done % {"count": succeeded}, messages.SUCCESS)


class RoleBasedAdmin(admin.ModelAdmin):
    """Visible to system admins and department admins (and superusers) instead of by model permission."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_user_admin(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_user_admin(request.user)


# Role assignments --------------------------------------------------------------------------------


def _scope_querysets(user: Any) -> dict[str, QuerySet]:
    """The departments, regions and windows an admin can pick as a role's scope."""
    access = access_of(user)
    if access.is_superuser:
        return {"department": Department.objects.all(), "region": Region.objects.all(), "window": Window.objects.all()}
    prefixes = access.region_prefixes.get(Role.SYSTEM_ADMIN, ())
    region_q = Q(pk__in=[])
    for prefix in prefixes:
        region_q |= Q(code__startswith=prefix)
    admin_departments = access.departments.get(Role.DEPARTMENT_ADMIN, frozenset())
    department_q = Q(pk__in=admin_departments)
    window_q = Q(department_id__in=admin_departments)
    for prefix in prefixes:
        department_q |= Q(region__code__startswith=prefix)
        window_q |= Q(hall__region__code__startswith=prefix)
    return {
        "department": Department.objects.filter(department_q, is_active=True),
        "region": Region.objects.filter(region_q),
        "window": Window.objects.filter(window_q, is_active=True),
    }


class RoleGrantForm(forms.ModelForm):
    """A new role assignment, checked by the same rules as `role_grant`."""

    actor: Any = None

    class Meta:
        model = RoleAssignment
        fields = ("user", "role", "department", "region", "window")

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if self.instance.pk is not None:
            return cleaned  # an existing assignment is never changed, only revoked
        user = cleaned.get("user") or getattr(self.instance, "user", None)
        if user is None or "role" not in cleaned:
            return cleaned
        scope = {key: cleaned.get(key) for key in ("department", "region", "window")}
        try:
            role_grant_check(actor=self.actor, user=user, role=cleaned["role"], **scope)
        except DomainError as error:
            raise ValidationError(error.message, code=error.code) from None
        return cleaned

    def _post_clean(self) -> None:
        """Skip the model's constraint check when `clean` already explained the problem in Chinese."""
        if not self.errors:
            super()._post_clean()  # type: ignore[misc]


class RoleAssignmentInlineFormSet(BaseInlineFormSet):
    """New rows are granted and deleted rows revoked through the services; both are checked first."""

    actor: Any = None

    def clean(self) -> None:
        super().clean()
        for form in self.deleted_forms:
            if form.instance.pk and not may_revoke(self.actor, form.instance):
                raise ValidationError(_("您无权撤销角色:%(role)s") % {"role": form.instance})


class RoleAssignmentInline(admin.TabularInline):
    """A user's roles on their page: existing rows are fixed (revoke and grant anew to change one)."""

    model = RoleAssignment
    fk_name = "user"
    form = RoleGrantForm
    formset = RoleAssignmentInlineFormSet
    fields = ("role", "department", "region", "window")
    extra = 0

    def get_formset(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        formset = super().get_formset(request, obj, **kwargs)
        formset.actor = request.user  # type: ignore[attr-defined]
        formset.form.actor = request.user  # type: ignore[attr-defined]
        return formset

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        choices = _scope_querysets(request.user)
        if db_field.name in choices:
            kwargs["queryset"] = choices[db_field.name]
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_user_admin(request.user)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_user_admin(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_user_admin(request.user)


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(RoleBasedAdmin):
    list_display = ("user", "role", "department", "region", "window", "granted_by", "created_at")
    list_filter = ("role",)
    search_fields = ("user__username", "user__real_name", "department__name", "region__name")
    list_select_related = ("user", "department", "region", "window__hall", "granted_by")
    autocomplete_fields = ("user",)
    form = RoleGrantForm
    actions = ["revoke_selected"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return RoleAssignment.objects.visible_to(request.user)

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        form.actor = request.user  # type: ignore[attr-defined]
        return form

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return ("user", "role", "department", "region", "window", "granted_by", "created_at") if obj else ()

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        choices = _scope_querysets(request.user)
        if db_field.name in choices:
            kwargs["queryset"] = choices[db_field.name]
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return is_user_admin(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return may_revoke(request.user, obj) if obj is not None else is_user_admin(request.user)

    def save_model(self, request: HttpRequest, obj: RoleAssignment, form: Any, change: bool) -> None:
        data = form.cleaned_data
        scope = {key: data.get(key) for key in ("department", "region", "window")}
        granted = role_grant(actor=request.user, user=data["user"], role=data["role"], **scope)
        obj.pk, obj.granted_by, obj.created_at = granted.pk, granted.granted_by, granted.created_at
        obj._state.adding = False

    def delete_model(self, request: HttpRequest, obj: RoleAssignment) -> None:
        role_revoke(actor=request.user, assignment=obj)

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    @admin.action(description=gettext_lazy("撤销所选角色"))
    def revoke_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        _run_each(self, request, queryset, lambda a: role_revoke(actor=request.user, assignment=a), _("已撤销 %(count)d 个角色。"))


# Users -------------------------------------------------------------------------------------------


class UserAddForm(forms.ModelForm):
    """A new account: username, initial password (twice) and profile, checked like `user_create`."""

    password1 = forms.CharField(
        label=gettext_lazy("初始密码"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=gettext_lazy("确认初始密码"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    class Meta:
        model = User
        fields = ("username", "real_name", "phone", "id_number", "applicant_kind", "enterprise_name", "uscc")

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        password = cleaned.get("password1") or ""
        if password != cleaned.get("password2"):
            self.add_error("password2", ValidationError(_("两次输入的密码不一致。"), code="password_mismatch"))
        profile = {field: cleaned.get(field) or "" for field in (*_PROFILE_FIELDS, "id_number")}
        try:
            cleaned.update(clean_new_user(username=cleaned.get("username") or "", password=password, **profile))
        except ValidationError as error:
            self.add_error(None, _field_errors(error, {"password": "password1"}))
        return cleaned

    def _post_clean(self) -> None:
        """Model validation is done by `clean_new_user` (with Chinese messages and the ID checksum)."""


class UserChangeForm(forms.ModelForm):
    """Profile fields; the ID number is replaced, never shown in full."""

    new_id_number = forms.CharField(
        label=gettext_lazy("居民身份证号码"),
        required=False,
        help_text=gettext_lazy("留空表示不修改。为保护个人信息,已登记的号码只显示部分数字。"),
    )

    class Meta:
        model = User
        fields = _PROFILE_FIELDS

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        profile = {field: cleaned.get(field) or "" for field in _PROFILE_FIELDS}
        profile["id_number"] = cleaned.get("new_id_number") or self.instance.id_number
        try:
            normalized = clean_profile(**profile)
        except ValidationError as error:
            self.add_error(None, _field_errors(error, {"id_number": "new_id_number"}))
        else:
            cleaned.update({field: normalized[field] for field in _PROFILE_FIELDS})
            if cleaned.get("new_id_number"):
                cleaned["new_id_number"] = normalized["id_number"]
        return cleaned

    def _post_clean(self) -> None:
        """Model validation is done by `clean_profile`; the instance is changed by the service only."""


class AdminPasswordForm(forms.Form):
    """A new password for a user, set by an admin; checked by the configured validators."""

    password1 = forms.CharField(
        label=gettext_lazy("新密码"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=gettext_lazy("确认新密码"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        password = cleaned.get("password1") or ""
        if password != cleaned.get("password2"):
            self.add_error("password2", ValidationError(_("两次输入的密码不一致。"), code="password_mismatch"))
        try:
            check_password(password, self.user)
        except ValidationError as error:
            self.add_error(None, _field_errors(error, {"password": "password1"}))
        return cleaned


@admin.register(User)
class UserAdmin(RoleBasedAdmin):
    list_display = ("username", "real_name", "masked_phone", "applicant_kind", "is_active", "last_login")
    list_filter = ("is_active", "applicant_kind", "role_assignments__role")
    search_fields = ("username", "real_name", "enterprise_name")
    ordering = ("username",)
    inlines = [RoleAssignmentInline]
    actions = ["deactivate_selected", "activate_selected", "reset_mfa_selected"]
    add_form_template = None
    fieldsets = (
        (gettext_lazy("账号"), {"fields": ("username", "password_status", "is_active", "is_superuser", "last_login", "date_joined")}),
        (gettext_lazy("个人信息"), {"fields": ("real_name", "phone", "masked_id_number", "new_id_number")}),
        (gettext_lazy("申请人信息"), {"fields": ("applicant_kind", "enterprise_name", "uscc")}),
    )
    add_fieldsets = (
        (None, {"fields": ("username", "password1", "password2")}),
        (gettext_lazy("个人信息"), {"fields": ("real_name", "phone", "id_number")}),
        (gettext_lazy("申请人信息"), {"fields": ("applicant_kind", "enterprise_name", "uscc")}),
    )
    readonly_fields = ("username", "password_status", "is_active", "is_superuser", "last_login", "date_joined", "masked_id_number")

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return User.objects.visible_to(request.user)

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.fieldsets if obj else self.add_fieldsets

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.readonly_fields if obj else ()

    def get_inlines(self, request: HttpRequest, obj: Any) -> Any:
        return self.inlines if obj else []

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        kwargs["form"] = UserChangeForm if obj else UserAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    @admin.display(description=gettext_lazy("手机号码"))
    def masked_phone(self, obj: User) -> str:
        return obj.masked_phone

    @admin.display(description=gettext_lazy("已登记的身份证号码"))
    def masked_id_number(self, obj: User) -> str:
        return obj.masked_id_number or "—"

    @admin.display(description=gettext_lazy("密码"))
    def password_status(self, obj: User) -> str:
        state = _("已设置") if obj.has_usable_password() else _("未设置")
        url = reverse("admin:accounts_user_password", args=[obj.pk])
        return format_html('{} · <a href="{}">{}</a>', state, url, _("重置密码"))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return access_of(request.user).has(Role.SYSTEM_ADMIN)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is None:
            return is_user_admin(request.user)
        return may_manage_user(request.user, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # accounts are deactivated, never deleted: cases and audit events refer to them

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        data = form.cleaned_data
        if change:
            current = User.objects.get(pk=obj.pk)
            profile = {field: data[field] for field in _PROFILE_FIELDS}
            saved = user_update_profile(actor=request.user, user=current, id_number=data.get("new_id_number") or None, **profile)
        else:
            profile = {field: data[field] for field in (*_PROFILE_FIELDS, "id_number")}
            saved = user_create(actor=request.user, username=data["username"], password=data["password1"], **profile)
        for field in User._meta.concrete_fields:  # the admin goes on (log entry, redirect) with `obj`
            setattr(obj, field.attname, getattr(saved, field.attname))
        obj._state.adding = False

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        if formset.model is not RoleAssignment:
            super().save_formset(request, form, formset, change)
            return
        new_assignments = formset.save(commit=False)
        for assignment in formset.deleted_objects:
            role_revoke(actor=request.user, assignment=assignment)
        for assignment in new_assignments:
            scope = {"department": assignment.department, "region": assignment.region, "window": assignment.window}
            role_grant(actor=request.user, user=form.instance, role=assignment.role, **scope)

    def response_add(self, request: HttpRequest, obj: Any, post_url_continue: Any = None) -> HttpResponse:
        """Continue to the new user's page, where roles are granted (as Django's own user admin does)."""
        if "_addanother" not in request.POST and "_popup" not in request.POST:
            request.POST = request.POST.copy()  # type: ignore[assignment]
            request.POST["_continue"] = "1"  # type: ignore[misc]
        return super().response_add(request, obj, post_url_continue)

    def get_urls(self) -> list:
        view = self.admin_site.admin_view(self.password_view)
        return [path("<id>/password/", view, name="accounts_user_password"), *super().get_urls()]

    def password_view(self, request: HttpRequest, id: str) -> HttpResponse:
        """Set a user's password (the admin does not see the old one)."""
        user = self.get_object(request, unquote(id))
        if user is None:
            raise Http404
        if not self.has_change_permission(request, user):
            raise PermissionDenied
        form = AdminPasswordForm(user, request.POST or None)
        if request.method == "POST" and form.is_valid():
            user_set_password(actor=request.user, user=user, password=form.cleaned_data["password1"])
            if user.pk == request.user.pk:
                update_session_auth_hash(request, user)
            self.message_user(request, _("密码已重置。"), messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:accounts_user_change", args=[user.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": _("重置密码:%(user)s") % {"user": user.get_username()},
            "form": form,
            "original": user,
            "opts": self.opts,
        }
        return TemplateResponse(request, "accounts/admin_password.html", context)

    @admin.action(description=gettext_lazy("停用所选用户"))
    def deactivate_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        _run_each(self, request, queryset, lambda u: user_deactivate(actor=request.user, user=u), _("已停用 %(count)d 个用户。"))

    @admin.action(description=gettext_lazy("启用所选用户"))
    def activate_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        _run_each(self, request, queryset, lambda u: user_activate(actor=request.user, user=u), _("已启用 %(count)d 个用户。"))

    @admin.action(description=gettext_lazy("重置所选用户的双因素认证"))
    def reset_mfa_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        done = _("已重置 %(count)d 个用户的双因素认证,他们下次登录时需重新设置身份验证器。")
        _run_each(self, request, queryset, lambda u: mfa_device_reset(actor=request.user, user=u), done)


# API tokens --------------------------------------------------------------------------------------


@admin.register(ApiToken)
class ApiTokenAdmin(RoleBasedAdmin):
    """Tokens are seen (never their hash) and revoked here; they are created by their owners only."""

    list_display = ("name", "user", "prefix", "created_at", "last_used_at", "expires_at", "status_label")
    list_select_related = ("user",)
    search_fields = ("name", "prefix", "user__username", "user__real_name")
    fields = ("user", "name", "prefix", "created_at", "last_used_at", "expires_at", "revoked_at")
    readonly_fields = fields
    actions = ["revoke_selected"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return ApiToken.objects.filter(user__in=User.objects.visible_to(request.user))

    @admin.display(description=gettext_lazy("状态"))
    def status_label(self, obj: ApiToken) -> str:
        return obj.status_label

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description=gettext_lazy("吊销所选令牌"))
    def revoke_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        tokens = queryset.select_related("user")
        _run_each(self, request, tokens, lambda t: token_revoke(actor=request.user, token=t), _("已吊销 %(count)d 个令牌。"))
