"""Regions (行政区划), departments, their units (内设机构), service halls and windows."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from onewindow.common.models import TimestampedModel
from onewindow.orgs.choices import PREFIX_LENGTH, HallKind, RegionLevel, WindowKind


class Region(TimestampedModel):
    """An administrative division identified by its GB/T 2260 (or statistical) code."""

    code = models.CharField("区划代码", max_length=12, unique=True)
    name = models.CharField("名称", max_length=64)
    level = models.CharField("层级", max_length=16, choices=RegionLevel.choices)
    parent = models.ForeignKey("self", verbose_name="上级区划", null=True, blank=True, on_delete=models.PROTECT, related_name="children")

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

    def contains(self, other: "Region") -> bool:
        return other.code.startswith(self.prefix)

    def clean(self) -> None:
        from onewindow.orgs.validators import validate_region_code

        validate_region_code(self.code, self.level, self.parent)


class Department(TimestampedModel):
    """A government department of a region (发展和改革局, 市场监督管理局 …)."""

    region = models.ForeignKey(Region, verbose_name="所属区划", on_delete=models.PROTECT, related_name="departments")
    name = models.CharField("名称", max_length=100)
    short_name = models.CharField("简称", max_length=32, blank=True)
    uscc = models.CharField("统一社会信用代码", max_length=18, unique=True)
    phone = models.CharField("咨询电话", max_length=32, blank=True)
    address = models.CharField("地址", max_length=200, blank=True)
    sort_order = models.PositiveIntegerField("排序", default=100)
    is_active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "部门"
        verbose_name_plural = "部门"
        ordering = ["region__code", "sort_order", "id"]
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="orgs_department_unique_name_in_region")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        from onewindow.common.identity import normalize_uscc

        try:
            self.uscc = normalize_uscc(self.uscc)
        except ValidationError as error:
            raise ValidationError({"uscc": error.messages}) from None


class Unit(TimestampedModel):
    """An internal unit (内设机构) of a department: 行政审批科, 食品经营许可科 …"""

    department = models.ForeignKey(Department, verbose_name="部门", on_delete=models.PROTECT, related_name="units")
    name = models.CharField("名称", max_length=100)
    duties = models.TextField("主要职责", blank=True)
    sort_order = models.PositiveIntegerField("排序", default=100)

    class Meta:
        verbose_name = "内设机构"
        verbose_name_plural = "内设机构"
        ordering = ["department_id", "sort_order", "id"]
        constraints = [models.UniqueConstraint(fields=["department", "name"], name="orgs_unit_unique_name_in_department")]

    def __str__(self) -> str:
        return f"{self.department.name} {self.name}"


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

    class Meta:
        verbose_name = "服务大厅"
        verbose_name_plural = "服务大厅"
        ordering = ["region__code", "kind", "id"]

    def __str__(self) -> str:
        return self.name


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

    class Meta:
        verbose_name = "窗口"
        verbose_name_plural = "窗口"
        ordering = ["hall_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["hall", "number"], name="orgs_window_unique_number_in_hall"),
            models.CheckConstraint(
                condition=Q(kind="departmental", department__isnull=False) | ~Q(kind="departmental"),
                name="orgs_window_departmental_has_department",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.hall.name} {self.number} {self.name}"

    def clean(self) -> None:
        if self.kind == WindowKind.DEPARTMENTAL and not self.department_id:
            raise ValidationError({"department": "部门窗口必须指定所属部门。"})
