"""Regions (行政区划), departments, their units (内设机构), service halls and windows.

The organization structure is public information: `visible_to(user)` shows every active row to
everyone and, in addition, the inactive rows a user administers (so they can be reactivated).
"""

from __future__ import annotations

from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from onewindow.common.models import TimestampedModel
from onewindow.orgs.choices import PREFIX_LENGTH, HallKind, RegionLevel, WindowKind

# The hall kinds each region level may hold, and the kind a hall's parent must be.
HALL_REGION_LEVELS = {
    HallKind.CENTER: (RegionLevel.PROVINCE, RegionLevel.CITY, RegionLevel.COUNTY),
    HallKind.SUB_CENTER: (RegionLevel.PROVINCE, RegionLevel.CITY, RegionLevel.COUNTY),
    HallKind.TOWNSHIP: (RegionLevel.TOWNSHIP,),
    HallKind.VILLAGE: (RegionLevel.VILLAGE,),
}
HALL_PARENT_KIND = {
    HallKind.SUB_CENTER: HallKind.CENTER,
    HallKind.TOWNSHIP: HallKind.CENTER,
    HallKind.VILLAGE: HallKind.TOWNSHIP,
}


_QS = TypeVar("_QS", bound=models.QuerySet)


def _active_or_administered(queryset: _QS, user: object, active: Q, region_code_field: str, department_field: str | None = None) -> _QS:
    """Rows matching `active`, plus those the user administers (system admin over the region, or
    department admin of the department)."""
    from onewindow.accounts.access import jurisdiction_q
    from onewindow.accounts.choices import Role

    roles = [Role.SYSTEM_ADMIN] + ([Role.DEPARTMENT_ADMIN] if department_field else [])
    administered = jurisdiction_q(user, roles, department_field=department_field or "pk", region_code_field=region_code_field)
    if not administered:  # an empty Q reaches everything (superuser); `active | Q()` would drop that
        return queryset.all()
    return queryset.filter(active | administered)


class RegionQuerySet(models.QuerySet["Region"]):
    def visible_to(self, user: object) -> RegionQuerySet:
        """Every region: administrative divisions are public."""
        return self.all()


class Region(TimestampedModel):
    """An administrative division identified by its GB/T 2260 (or statistical) code."""

    code = models.CharField("区划代码", max_length=12, unique=True, error_messages={"unique": "该区划代码已存在。"})
    name = models.CharField("名称", max_length=64)
    level = models.CharField("层级", max_length=16, choices=RegionLevel.choices, error_messages={"invalid_choice": "区划层级无效。"})
    parent = models.ForeignKey("self", verbose_name="上级区划", null=True, blank=True, on_delete=models.PROTECT, related_name="children")

    objects = RegionQuerySet.as_manager()

    class Meta:
        verbose_name = "行政区划"
        verbose_name_plural = "行政区划"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name}({self.code})"

    @property
    def prefix(self) -> str:
        """The code's significant digits: every region below this one starts with them."""
        return self.code[: PREFIX_LENGTH[RegionLevel(self.level)]]

    def contains(self, other: Region) -> bool:
        return other.code.startswith(self.prefix)

    def clean(self) -> None:
        from onewindow.orgs.validators import validate_region_code

        if self.level not in RegionLevel.values:
            return  # the field's own error says it
        validate_region_code(self.code, self.level, self.parent)


class DepartmentQuerySet(models.QuerySet["Department"]):
    def visible_to(self, user: object) -> DepartmentQuerySet:
        """Active departments for everyone; inactive ones to their administrators."""
        return _active_or_administered(self, user, Q(is_active=True), "region__code", department_field="pk")


class Department(TimestampedModel):
    """A government department of a region (发展和改革局, 市场监督管理局 …)."""

    region = models.ForeignKey(Region, verbose_name="所属区划", on_delete=models.PROTECT, related_name="departments")
    name = models.CharField("名称", max_length=100)
    short_name = models.CharField("简称", max_length=32, blank=True)
    uscc = models.CharField(
        "统一社会信用代码", max_length=18, unique=True, error_messages={"unique": "该统一社会信用代码已被其他部门使用。"}
    )
    phone = models.CharField("咨询电话", max_length=32, blank=True)
    address = models.CharField("地址", max_length=200, blank=True)
    sort_order = models.PositiveIntegerField("排序", default=100)
    is_active = models.BooleanField("启用", default=True)

    objects = DepartmentQuerySet.as_manager()

    class Meta:
        verbose_name = "部门"
        verbose_name_plural = "部门"
        ordering = ["region__code", "sort_order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "name"], name="orgs_department_unique_name_in_region", violation_error_message="该区划已有同名部门。"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        from onewindow.common.identity import normalize_uscc

        if not self.uscc:
            return  # the field's own "required" error says it
        try:
            self.uscc = normalize_uscc(self.uscc)
        except ValidationError as error:
            raise ValidationError({"uscc": error.messages}) from None


class UnitQuerySet(models.QuerySet["Unit"]):
    def visible_to(self, user: object) -> UnitQuerySet:
        """Units of the departments the user can see."""
        return self.filter(department__in=Department.objects.visible_to(user))


class Unit(TimestampedModel):
    """An internal unit (内设机构) of a department: 行政审批科, 食品经营许可科 …"""

    department = models.ForeignKey(Department, verbose_name="部门", on_delete=models.PROTECT, related_name="units")
    name = models.CharField("名称", max_length=100)
    duties = models.TextField("主要职责", blank=True)
    sort_order = models.PositiveIntegerField("排序", default=100)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = "内设机构"
        verbose_name_plural = "内设机构"
        ordering = ["department_id", "sort_order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "name"],
                name="orgs_unit_unique_name_in_department",
                violation_error_message="该部门已有同名内设机构。",
            )
        ]

    def __str__(self) -> str:
        return f"{self.department.name} {self.name}"


class ServiceHallQuerySet(models.QuerySet["ServiceHall"]):
    def visible_to(self, user: object) -> ServiceHallQuerySet:
        """Active halls for everyone; inactive ones to the system admins of their region."""
        return _active_or_administered(self, user, Q(is_active=True), "region__code")


class ServiceHall(TimestampedModel):
    """A place where applicants are served: the center, a sub-center, a township center, a village point."""

    region = models.ForeignKey(Region, verbose_name="所属区划", on_delete=models.PROTECT, related_name="halls")
    parent = models.ForeignKey("self", verbose_name="上级中心", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    name = models.CharField("名称", max_length=100)
    kind = models.CharField("类型", max_length=16, choices=HallKind.choices)
    address = models.CharField("地址", max_length=200)
    hours = models.CharField("办公时间", max_length=200)
    phone = models.CharField("咨询电话", max_length=32, blank=True)
    is_active = models.BooleanField("启用", default=True)

    objects = ServiceHallQuerySet.as_manager()

    class Meta:
        verbose_name = "服务大厅"
        verbose_name_plural = "服务大厅"
        ordering = ["region__code", "kind", "id"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if not self.region_id or self.kind not in HallKind.values:
            return  # the fields' own errors say it
        kind = HallKind(self.kind)
        if self.region.level not in HALL_REGION_LEVELS[kind]:
            allowed = "、".join(RegionLevel(level).label for level in HALL_REGION_LEVELS[kind])
            raise ValidationError({"region": f"{kind.label}应设在{allowed}级区划。"})
        self._clean_parent(kind)

    def _clean_parent(self, kind: HallKind) -> None:
        expected = HALL_PARENT_KIND.get(kind)
        if self.parent is None:
            if kind == HallKind.SUB_CENTER:
                raise ValidationError({"parent": "分中心必须指定所属的政务服务中心。"})
            return
        if expected is None:
            raise ValidationError({"parent": "政务服务中心没有上级中心。"})
        if self.parent.kind != expected:
            raise ValidationError({"parent": f"{kind.label}的上级应为{expected.label}。"})
        if not self.parent.region.contains(self.region):
            raise ValidationError({"parent": "上级中心应位于本大厅所在区划或其上级区划。"})


class WindowQuerySet(models.QuerySet["Window"]):
    def visible_to(self, user: object) -> WindowQuerySet:
        """Active windows of active halls for everyone; the others to the system admins of their region."""
        return _active_or_administered(self, user, Q(is_active=True, hall__is_active=True), "hall__region__code")


class Window(TimestampedModel):
    """A service window in a hall: comprehensive (accepts any item), departmental, or delivery."""

    hall = models.ForeignKey(ServiceHall, verbose_name="服务大厅", on_delete=models.PROTECT, related_name="windows")
    number = models.CharField("窗口号", max_length=16)
    name = models.CharField("名称", max_length=100)
    kind = models.CharField("类型", max_length=16, choices=WindowKind.choices)
    department = models.ForeignKey(
        Department, verbose_name="所属部门", null=True, blank=True, on_delete=models.PROTECT, related_name="windows"
    )
    is_active = models.BooleanField("启用", default=True)

    objects = WindowQuerySet.as_manager()

    class Meta:
        verbose_name = "窗口"
        verbose_name_plural = "窗口"
        ordering = ["hall_id", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["hall", "number"], name="orgs_window_unique_number_in_hall", violation_error_message="该服务大厅已有此窗口号。"
            ),
            models.CheckConstraint(
                condition=Q(kind="departmental", department__isnull=False) | ~Q(kind="departmental"),
                name="orgs_window_departmental_has_department",
                violation_error_message="部门窗口必须指定所属部门。",
            ),
            # 无差别综合窗口 accepts every item and the delivery window hands out every result: neither belongs to one department.
            models.CheckConstraint(
                condition=Q(kind="departmental") | Q(department__isnull=True),
                name="orgs_window_only_departmental_has_department",
                violation_error_message="综合窗口和统一出件窗口不属于单一部门,不能指定所属部门。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.hall.name} {self.number} {self.name}"

    def clean(self) -> None:
        if self.kind == WindowKind.DEPARTMENTAL and not self.department_id:
            raise ValidationError({"department": "部门窗口必须指定所属部门。"})
        if self.kind != WindowKind.DEPARTMENTAL and self.department_id:
            raise ValidationError({"department": "综合窗口和统一出件窗口不属于单一部门,不能指定所属部门。"})
        if self.department is not None and self.hall_id and not self.department.region.contains(self.hall.region):
            raise ValidationError({"department": "窗口所属部门应为服务大厅所在区划或其上级区划的部门。"})
