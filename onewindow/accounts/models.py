"""Users, their scoped role assignments and their API tokens."""

from functools import reduce
from operator import or_
from typing import ClassVar

from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _

from onewindow.accounts.access import access_of
from onewindow.accounts.choices import DEPARTMENT_ROLES, REGION_ROLES, STAFF_ROLES, ApplicantKind, Role
from onewindow.common import time
from onewindow.common.identity import mask_id_number, mask_phone
from onewindow.common.models import TimestampedModel


def _assignments_overseen_by(viewer: object) -> Q | None:
    """The role assignments the viewer administers as system admin or department admin (None: none)."""
    access = access_of(viewer)
    conditions: list[Q] = []
    departments = access.departments.get(Role.DEPARTMENT_ADMIN)
    if departments:
        conditions.append(Q(department_id__in=departments))
    for prefix in access.region_prefixes.get(Role.SYSTEM_ADMIN, ()):
        conditions.append(Q(region__code__startswith=prefix) | Q(department__region__code__startswith=prefix))
    return reduce(or_, conditions) if conditions else None


class UserQuerySet(models.QuerySet):
    """Users, with the one rule of who may see whom."""

    def visible_to(self, viewer: object) -> "UserQuerySet":
        """Oneself; a superuser everyone; a system admin the users assigned within their region and
        the applicants (users without a staff role); a department admin the users of their department."""
        if not getattr(viewer, "is_authenticated", False) or not getattr(viewer, "is_active", False):
            return self.none()
        access = access_of(viewer)
        if access.is_superuser:
            return self.all()
        condition = Q(pk=viewer.pk)  # type: ignore[attr-defined]
        reach = _assignments_overseen_by(viewer)
        if reach is not None:
            condition |= Q(pk__in=RoleAssignment.objects.filter(reach).values("user_id"))
        if access.has(Role.SYSTEM_ADMIN):
            staff_ids = RoleAssignment.objects.filter(role__in=sorted(STAFF_ROLES)).values("user_id")
            condition |= ~Q(pk__in=staff_ids) & Q(is_superuser=False)
        return self.filter(condition)


class UserManager(DjangoUserManager.from_queryset(UserQuerySet)):  # type: ignore[misc]
    """Django's user manager (create_user, create_superuser) with `visible_to`."""


class User(AbstractUser):
    """A person using OneWindow: an applicant (citizen or enterprise agent) or a staff member."""

    real_name = models.CharField("姓名", max_length=64, blank=True)
    phone = models.CharField("手机号码", max_length=20, blank=True)
    id_number = models.CharField("居民身份证号码", max_length=18, blank=True, db_index=True)
    applicant_kind = models.CharField("申请人类型", max_length=16, choices=ApplicantKind.choices, default=ApplicantKind.PERSON)
    enterprise_name = models.CharField("单位名称", max_length=200, blank=True)
    uscc = models.CharField("统一社会信用代码", max_length=18, blank=True, db_index=True)

    objects: ClassVar[UserManager] = UserManager()

    class Meta:
        verbose_name = "用户"
        verbose_name_plural = "用户"

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.real_name or self.username

    @property
    def masked_id_number(self) -> str:
        return mask_id_number(self.id_number)

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)


class RoleAssignmentQuerySet(models.QuerySet):
    """Role assignments, with who may see them."""

    def visible_to(self, viewer: object) -> "RoleAssignmentQuerySet":
        """One's own assignments, those one administers (system/department admin), all for a superuser."""
        if not getattr(viewer, "is_authenticated", False) or not getattr(viewer, "is_active", False):
            return self.none()
        if access_of(viewer).is_superuser:
            return self.all()
        condition = Q(user_id=viewer.pk)  # type: ignore[attr-defined]
        reach = _assignments_overseen_by(viewer)
        if reach is not None:
            condition |= reach
        return self.filter(condition)


class RoleAssignment(TimestampedModel):
    """A role held by a user within a department (department roles) or a region (region roles)."""

    user = models.ForeignKey(User, verbose_name="用户", on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField("角色", max_length=32, choices=Role.choices)
    department = models.ForeignKey(
        "orgs.Department", verbose_name="部门", null=True, blank=True, on_delete=models.PROTECT, related_name="role_assignments"
    )
    region = models.ForeignKey(
        "orgs.Region", verbose_name="区划", null=True, blank=True, on_delete=models.PROTECT, related_name="role_assignments"
    )
    window = models.ForeignKey(
        "orgs.Window", verbose_name="窗口", null=True, blank=True, on_delete=models.SET_NULL, related_name="role_assignments"
    )
    granted_by = models.ForeignKey(User, verbose_name="授权人", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    objects = RoleAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = "角色授权"
        verbose_name_plural = "角色授权"
        ordering = ["user_id", "role"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(role__in=sorted(r.value for r in DEPARTMENT_ROLES), department__isnull=False, region__isnull=True)
                    | Q(role__in=sorted(r.value for r in REGION_ROLES), department__isnull=True, region__isnull=False)
                    | Q(role=Role.APPLICANT, department__isnull=True, region__isnull=True)
                ),
                name="accounts_roleassignment_scope_matches_role",
            ),
            # One assignment per user, role and scope; partial constraints work on SQLite too.
            models.UniqueConstraint(
                fields=["user", "role", "department"],
                condition=Q(department__isnull=False),
                name="accounts_roleassignment_unique_department",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "region"], condition=Q(region__isnull=False), name="accounts_roleassignment_unique_region"
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(department__isnull=True, region__isnull=True),
                name="accounts_roleassignment_unique_unscoped",
            ),
        ]

    def __str__(self) -> str:
        scope = self.department or self.region or ""
        return f"{self.user} {self.get_role_display()} {scope}".strip()

    @property
    def is_staff_role(self) -> bool:
        return self.role in STAFF_ROLES


class ApiTokenQuerySet(models.QuerySet):
    """API tokens; each user sees only their own."""

    def visible_to(self, viewer: object) -> "ApiTokenQuerySet":
        if not getattr(viewer, "is_authenticated", False) or not getattr(viewer, "is_active", False):
            return self.none()
        return self.filter(user_id=viewer.pk)  # type: ignore[attr-defined]

    def active(self) -> "ApiTokenQuerySet":
        """Tokens neither revoked nor expired."""
        return self.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=time.now()), revoked_at__isnull=True)


class ApiToken(TimestampedModel):
    """A named bearer token for integrations; only its SHA-256 hash is stored."""

    user = models.ForeignKey(User, verbose_name="用户", on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField("名称", max_length=100)
    prefix = models.CharField("前缀", max_length=12, db_index=True)
    key_hash = models.CharField("摘要", max_length=64, unique=True)
    last_used_at = models.DateTimeField("最后使用时间", null=True, blank=True)
    expires_at = models.DateTimeField("过期时间", null=True, blank=True)
    revoked_at = models.DateTimeField("吊销时间", null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = "API令牌"
        verbose_name_plural = "API令牌"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= time.now()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and not self.is_expired

    @property
    def status_label(self) -> str:
        if self.revoked_at is not None:
            return _("已吊销")
        return _("已过期") if self.is_expired else _("有效")
