"""License types (证照目录). Issued e-licenses and their signatures come with the licenses issue."""

from django.db import models

from onewindow.common.models import TimestampedModel
from onewindow.licenses.choices import HolderKind


class LicenseType(TimestampedModel):
    """A kind of license or certificate a department issues (营业执照, 食品经营许可证 …).

    The catalog refers to it as the result of an item and as the source of a material that the
    government already holds, so nobody is asked to submit it again.
    """

    code = models.CharField("证照类型代码", max_length=64, unique=True)
    name = models.CharField("证照名称", max_length=200)
    issuing_department = models.ForeignKey(
        "orgs.Department", verbose_name="发证部门", null=True, blank=True, on_delete=models.PROTECT, related_name="license_types"
    )
    holder_kind = models.CharField("持证主体", max_length=16, choices=HolderKind.choices)
    validity_years = models.PositiveSmallIntegerField("有效期(年)", null=True, blank=True, help_text="空表示长期有效")
    fields = models.JSONField("照面信息项", default=list, blank=True)
    is_active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "证照类型"
        verbose_name_plural = "证照目录"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name
