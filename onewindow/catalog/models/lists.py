"""The other published lists: fee catalog, intermediary-service catalog, duty boundaries."""

from django.db import models

from onewindow.catalog.choices import FeeCategory
from onewindow.catalog.models.versions import VersionedRow
from onewindow.common.models import TimestampedModel


class FeeEntry(TimestampedModel):
    """An entry of the fee catalog (收费目录清单) of a department."""

    department = models.ForeignKey("orgs.Department", verbose_name="执收部门", on_delete=models.PROTECT, related_name="fee_entries")
    code = models.CharField("编码", max_length=64)
    current = models.ForeignKey("catalog.FeeEntryVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "收费目录条目"
        verbose_name_plural = "收费目录"
        ordering = ["department_id", "code"]
        constraints = [models.UniqueConstraint(fields=["department", "code"], name="catalog_fee_unique_code")]

    def __str__(self) -> str:
        return self.current.name if self.current else self.code


class FeeEntryVersion(VersionedRow):
    entry = models.ForeignKey(FeeEntry, on_delete=models.PROTECT, related_name="versions")
    name = models.CharField("收费项目名称", max_length=200)
    category = models.CharField("收费类别", max_length=16, choices=FeeCategory.choices)
    standard = models.CharField("收费标准", max_length=300)
    basis = models.TextField("政策依据")
    reducible = models.BooleanField("可减免", default=False)
    remarks = models.TextField("备注", blank=True)

    class Meta:
        verbose_name = "收费目录条目版本"
        verbose_name_plural = "收费目录条目版本"
        ordering = ["entry_id", "-id"]

    def __str__(self) -> str:
        return self.name


class IntermediaryService(TimestampedModel):
    """An entry of the intermediary-service catalog: 目录之外无中介服务."""

    region = models.ForeignKey("orgs.Region", verbose_name="区划", on_delete=models.PROTECT, related_name="+")
    code = models.CharField("编码", max_length=64)
    current = models.ForeignKey("catalog.IntermediaryServiceVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "中介服务事项"
        verbose_name_plural = "中介服务事项清单"
        ordering = ["region_id", "code"]
        constraints = [models.UniqueConstraint(fields=["region", "code"], name="catalog_intermediary_unique_code")]

    def __str__(self) -> str:
        return self.current.name if self.current else self.code


class IntermediaryServiceVersion(VersionedRow):
    service = models.ForeignKey(IntermediaryService, on_delete=models.PROTECT, related_name="versions")
    name = models.CharField("中介服务事项名称", max_length=200)
    department = models.ForeignKey("orgs.Department", verbose_name="审批部门", on_delete=models.PROTECT, related_name="+")
    basis = models.TextField("设定依据")
    qualification = models.CharField("中介机构资质要求", max_length=300, blank=True)
    fee_basis = models.CharField("收费依据", max_length=300, blank=True)
    time_limit = models.CharField("服务时限", max_length=100, blank=True)

    class Meta:
        verbose_name = "中介服务事项版本"
        verbose_name_plural = "中介服务事项版本"
        ordering = ["service_id", "-id"]

    def __str__(self) -> str:
        return self.name


class DutyBoundary(TimestampedModel):
    """A matter of the duty-boundary list (职责边界清单): who leads, who cooperates."""

    region = models.ForeignKey("orgs.Region", verbose_name="区划", on_delete=models.PROTECT, related_name="+")
    code = models.CharField("编码", max_length=64)
    current = models.ForeignKey("catalog.DutyBoundaryVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "职责边界事项"
        verbose_name_plural = "职责边界清单"
        ordering = ["region_id", "code"]
        constraints = [models.UniqueConstraint(fields=["region", "code"], name="catalog_duty_unique_code")]

    def __str__(self) -> str:
        return self.current.matter if self.current else self.code


class DutyBoundaryVersion(VersionedRow):
    boundary = models.ForeignKey(DutyBoundary, on_delete=models.PROTECT, related_name="versions")
    matter = models.CharField("职责事项", max_length=200)
    lead_department = models.ForeignKey("orgs.Department", verbose_name="牵头部门", on_delete=models.PROTECT, related_name="+")
    lead_duty = models.TextField("牵头部门职责")
    basis = models.TextField("依据")

    class Meta:
        verbose_name = "职责边界事项版本"
        verbose_name_plural = "职责边界事项版本"
        ordering = ["boundary_id", "-id"]

    def __str__(self) -> str:
        return self.matter


class DutyShare(models.Model):
    """A co-department's duty in a duty-boundary matter."""

    version = models.ForeignKey(DutyBoundaryVersion, on_delete=models.CASCADE, related_name="shares")
    department = models.ForeignKey("orgs.Department", verbose_name="配合部门", on_delete=models.PROTECT, related_name="+")
    duty = models.TextField("配合职责")
    sort = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "配合部门职责"
        verbose_name_plural = "配合部门职责"
        ordering = ["version_id", "sort", "id"]

    def __str__(self) -> str:
        return str(self.department)
