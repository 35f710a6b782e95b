"""The power and responsibility list (权责清单)."""

from django.db import models

from onewindow.catalog.choices import PowerCategory
from onewindow.catalog.models.versions import VersionedRow
from onewindow.common.models import TimestampedModel


class PowerItem(TimestampedModel):
    """A power (权力事项) of a department; its content lives in its version rows."""

    department = models.ForeignKey("orgs.Department", verbose_name="实施部门", on_delete=models.PROTECT, related_name="power_items")
    code = models.CharField("事项编码", max_length=64)
    parent = models.ForeignKey("self", verbose_name="主项", null=True, blank=True, on_delete=models.PROTECT, related_name="sub_items")
    current = models.ForeignKey(
        "catalog.PowerItemVersion", verbose_name="现行版本", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "权力事项"
        verbose_name_plural = "权力事项"
        ordering = ["department_id", "code"]
        constraints = [models.UniqueConstraint(fields=["department", "code"], name="catalog_power_unique_code")]

    def __str__(self) -> str:
        return self.current.name if self.current else self.code


class PowerItemVersion(VersionedRow):
    """The content of a power item in one version of the list."""

    power_item = models.ForeignKey(PowerItem, verbose_name="权力事项", on_delete=models.PROTECT, related_name="versions")
    parent_code = models.CharField("主项编码", max_length=64, blank=True)
    name = models.CharField("事项名称", max_length=200)
    category = models.CharField("权力类别", max_length=16, choices=PowerCategory.choices)
    levels = models.JSONField("行使层级", default=list)
    content = models.TextField("职权内容", blank=True)
    implementing_body = models.CharField("实施主体", max_length=200)
    remarks = models.TextField("备注", blank=True)

    class Meta:
        verbose_name = "权力事项版本"
        verbose_name_plural = "权力事项版本"
        ordering = ["power_item_id", "-id"]
        indexes = [models.Index(fields=["power_item", "state", "valid_to"], name="catalog_powerver_current")]

    def __str__(self) -> str:
        return self.name


class LegalBasis(models.Model):
    """One legal basis (设定依据) of a power: the law, the article and its text."""

    power_version = models.ForeignKey(PowerItemVersion, on_delete=models.CASCADE, related_name="legal_bases")
    law = models.CharField("法律法规名称", max_length=200)
    article = models.CharField("条款", max_length=100, blank=True)
    text = models.TextField("条文内容", blank=True)
    sort = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "设定依据"
        verbose_name_plural = "设定依据"
        ordering = ["power_version_id", "sort", "id"]

    def __str__(self) -> str:
        return f"{self.law}{self.article}"


class Responsibility(models.Model):
    """A responsibility item (责任事项) of a power, by stage (受理, 审查, 决定, 事后监管 …)."""

    power_version = models.ForeignKey(PowerItemVersion, on_delete=models.CASCADE, related_name="responsibilities")
    stage = models.CharField("环节", max_length=50)
    content = models.TextField("责任内容")
    sort = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "责任事项"
        verbose_name_plural = "责任事项"
        ordering = ["power_version_id", "sort", "id"]

    def __str__(self) -> str:
        return self.stage


class AccountabilityRule(models.Model):
    """A circumstance under which staff are held accountable (追责情形)."""

    power_version = models.ForeignKey(PowerItemVersion, on_delete=models.CASCADE, related_name="accountability_rules")
    text = models.TextField("追责情形")
    sort = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "追责情形"
        verbose_name_plural = "追责情形"
        ordering = ["power_version_id", "sort", "id"]

    def __str__(self) -> str:
        return self.text[:40]
