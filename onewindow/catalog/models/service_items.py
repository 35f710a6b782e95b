"""Service items (政务服务事项): the implementation list behind each service guide (办事指南)."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from onewindow.accounts.choices import Role
from onewindow.catalog.choices import (
    Audience,
    ItemKind,
    MaterialForm,
    MaterialNecessity,
    MaterialSource,
    OnlineDepth,
    PowerCategory,
    StageKind,
    ThemeKind,
)
from onewindow.catalog.models.versions import VersionedRow
from onewindow.common.models import TimestampedModel


class Theme(TimestampedModel):
    """A way the public browses items: a life event (出生, 入学 …), an enterprise event, a topic."""

    code = models.SlugField("代码", max_length=50, unique=True)
    name = models.CharField("名称", max_length=50)
    kind = models.CharField("类型", max_length=20, choices=ThemeKind.choices)
    audience = models.CharField("服务对象", max_length=16, choices=Audience.choices)
    sort = models.PositiveSmallIntegerField("排序", default=100)

    class Meta:
        verbose_name = "主题"
        verbose_name_plural = "主题"
        ordering = ["sort", "id"]

    def __str__(self) -> str:
        return self.name


class ServiceItem(TimestampedModel):
    """A service item of a department; codes are stable, content lives in its version rows.

    Code formats vary by province: they are strings validated by the configurable patterns
    `ITEM_BASIC_CODE_PATTERN` and `ITEM_IMPLEMENTATION_CODE_PATTERN`.
    """

    department = models.ForeignKey("orgs.Department", verbose_name="实施部门", on_delete=models.PROTECT, related_name="service_items")
    basic_code = models.CharField("基本编码", max_length=64, db_index=True)
    implementation_code = models.CharField("实施编码", max_length=64, unique=True)
    current = models.ForeignKey(
        "catalog.ServiceItemVersion", verbose_name="现行版本", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "政务服务事项"
        verbose_name_plural = "政务服务事项"
        ordering = ["department_id", "implementation_code"]

    def __str__(self) -> str:
        return self.current.name if self.current else self.implementation_code


class ServiceItemVersion(VersionedRow):
    """Everything a service guide says about an item, as of one catalog version.

    On SQLite the search index is kept by triggers on this table; a migration that alters it
    rebuilds the table and drops them, so such a migration must end with
    `RunPython(lambda apps, editor: install_search_schema(editor.connection))`
    (`onewindow.catalog.search.index`); a test checks the schema after all migrations.
    """

    service_item = models.ForeignKey(ServiceItem, verbose_name="事项", on_delete=models.PROTECT, related_name="versions")
    power_item = models.ForeignKey(
        "catalog.PowerItem", verbose_name="对应权力事项", null=True, blank=True, on_delete=models.PROTECT, related_name="service_versions"
    )
    name = models.CharField("事项名称", max_length=200)
    category = models.CharField("事项类型", max_length=16, choices=PowerCategory.choices)
    audience = models.CharField("服务对象", max_length=16, choices=Audience.choices)
    themes = models.ManyToManyField(Theme, verbose_name="主题", blank=True, related_name="item_versions")
    implementing_body = models.CharField("实施主体", max_length=200)
    unit = models.ForeignKey("orgs.Unit", verbose_name="承办机构", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    legal_basis = models.TextField("设定依据")
    acceptance_conditions = models.TextField("受理条件")
    statutory_limit_days = models.PositiveSmallIntegerField("法定办结时限(工作日)")
    promised_limit_days = models.PositiveSmallIntegerField("承诺办结时限(工作日)")
    kind = models.CharField("办件类型", max_length=16, choices=ItemKind.choices)
    on_site_visits = models.PositiveSmallIntegerField("到办事现场次数")
    visit_reason = models.CharField("必须现场办理原因", max_length=300, blank=True)
    online_depth = models.PositiveSmallIntegerField("网上办理深度", choices=OnlineDepth.choices)
    places = models.TextField("办理地点")
    hours = models.CharField("办理时间", max_length=200)
    phone = models.CharField("咨询电话", max_length=64)
    complaint_phone = models.CharField("监督投诉电话", max_length=64, blank=True)
    result_name = models.CharField("审批结果名称", max_length=200, blank=True)
    result_license_type = models.ForeignKey(
        "licenses.LicenseType", verbose_name="审批结果证照类型", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    is_free = models.BooleanField("不收费", default=True)
    deemed_approval = models.BooleanField("超时默认", default=False)
    joint_handling = models.BooleanField("联办事项", default=False)
    intermediaries = models.ManyToManyField(
        "catalog.IntermediaryService", verbose_name="中介服务", blank=True, related_name="item_versions"
    )
    form_schema = models.JSONField("申请表单", default=list, blank=True)
    keywords = models.CharField("检索关键词", max_length=500, blank=True)
    # Denormalised for search: the name's pinyin, full and initials (maintained by the publish service).
    pinyin = models.CharField("拼音", max_length=1000, blank=True)
    pinyin_initials = models.CharField("拼音首字母", max_length=200, blank=True)

    class Meta:
        verbose_name = "事项版本"
        verbose_name_plural = "事项版本"
        ordering = ["service_item_id", "-id"]
        indexes = [
            models.Index(fields=["service_item", "state", "valid_to"], name="catalog_itemver_current"),
            models.Index(fields=["category"], name="catalog_itemver_category", condition=Q(state="published", valid_to__isnull=True)),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_fully_online(self) -> bool:
        """全程网办: handled online to the end, with no visit."""
        return self.online_depth >= OnlineDepth.HANDLE and self.on_site_visits == 0


class Situation(models.Model):
    """A handling situation (办事情形): a variant of the item with its own materials."""

    version = models.ForeignKey(ServiceItemVersion, on_delete=models.CASCADE, related_name="situations")
    code = models.CharField("情形代码", max_length=32)
    name = models.CharField("情形名称", max_length=200)
    description = models.TextField("说明", blank=True)
    sort = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "办事情形"
        verbose_name_plural = "办事情形"
        ordering = ["version_id", "sort", "id"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="catalog_situation_unique_code")]

    def __str__(self) -> str:
        return self.name


class MaterialRequirement(models.Model):
    """A material the applicant submits (申请材料); a situation's own, or common when situation is empty."""

    version = models.ForeignKey(ServiceItemVersion, on_delete=models.CASCADE, related_name="materials")
    situation = models.ForeignKey(
        Situation, verbose_name="办事情形", null=True, blank=True, on_delete=models.CASCADE, related_name="materials"
    )
    code = models.CharField("材料代码", max_length=32)
    name = models.CharField("材料名称", max_length=200)
    form = models.CharField("材料形式", max_length=20, choices=MaterialForm.choices)
    copies = models.PositiveSmallIntegerField("份数", default=1)
    necessity = models.CharField("必要性", max_length=16, choices=MaterialNecessity.choices)
    source = models.CharField("来源渠道", max_length=16, choices=MaterialSource.choices)
    license_type = models.ForeignKey(
        "licenses.LicenseType", verbose_name="对应证照", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    requirements = models.TextField("材料要求", blank=True)
    blank_form = models.FileField("空白表格", upload_to="catalog/forms/", blank=True)
    example = models.FileField("示例样表", upload_to="catalog/examples/", blank=True)
    sort = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "申请材料"
        verbose_name_plural = "申请材料"
        ordering = ["version_id", "sort", "id"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="catalog_material_unique_code")]

    def __str__(self) -> str:
        return self.name


class ItemFee(models.Model):
    """A fee charged for the item, with its standard and basis (from the fee catalog where listed)."""

    version = models.ForeignKey(ServiceItemVersion, on_delete=models.CASCADE, related_name="fees")
    fee_entry = models.ForeignKey(
        "catalog.FeeEntry", verbose_name="收费目录条目", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField("收费项目", max_length=200)
    standard = models.CharField("收费标准", max_length=300)
    basis = models.TextField("收费依据")
    reducible = models.BooleanField("可减免", default=False)
    sort = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "收费项目"
        verbose_name_plural = "收费项目"
        ordering = ["version_id", "sort", "id"]

    def __str__(self) -> str:
        return self.name


class Stage(models.Model):
    """A stage of the item's flow (受理 → 审查 → 决定 → 送达 …) with its role, unit and days.

    Days of a special-procedure stage (听证, 专家评审 …) do not count toward the limit
    (行政许可法 第四十五条).
    """

    version = models.ForeignKey(ServiceItemVersion, on_delete=models.CASCADE, related_name="stages")
    sequence = models.PositiveSmallIntegerField("顺序")
    kind = models.CharField("环节类型", max_length=20, choices=StageKind.choices)
    name = models.CharField("环节名称", max_length=100)
    role = models.CharField("办理岗位", max_length=32, choices=Role.choices)
    unit = models.ForeignKey("orgs.Unit", verbose_name="办理机构", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    days = models.PositiveSmallIntegerField("时限(工作日)")
    countersign_units = models.ManyToManyField("orgs.Unit", verbose_name="会签机构", blank=True, related_name="+")
    special_procedure = models.BooleanField("特别程序", default=False)
    standard = models.TextField("审查标准", blank=True)
    risk_points = models.TextField("廉政风险点", blank=True)
    risk_controls = models.TextField("防控措施", blank=True)

    class Meta:
        verbose_name = "办理环节"
        verbose_name_plural = "办理环节"
        ordering = ["version_id", "sequence", "id"]
        constraints = [models.UniqueConstraint(fields=["version", "sequence"], name="catalog_stage_unique_sequence")]

    def __str__(self) -> str:
        return self.name


class Synonym(TimestampedModel):
    """What citizens type (开饭店, 办身份证) mapped to the items they mean; kept by list managers."""

    region = models.ForeignKey("orgs.Region", verbose_name="区划", on_delete=models.PROTECT, related_name="+")
    phrase = models.CharField("群众说法", max_length=50)
    items = models.ManyToManyField(ServiceItem, verbose_name="对应事项", related_name="synonyms")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="维护人", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "同义词"
        verbose_name_plural = "同义词"
        ordering = ["phrase"]
        constraints = [models.UniqueConstraint(fields=["region", "phrase"], name="catalog_synonym_unique_phrase")]

    def __str__(self) -> str:
        return self.phrase
