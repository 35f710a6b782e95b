"""Numbered catalog versions, change requests, and the versioned-row base of every list entry.

Every list entry is an identity row (stable: codes, department) plus version rows holding its
content. A change request drafts version rows (state `draft`); publishing it assigns the next
catalog version number of the region: drafts become `published` with `valid_from` = that number
and the rows they replace get `valid_to` = that number. Content of a published row is never
changed again, so a case pinned to a version row keeps exactly what it was filed under, and the
list as of version N is the rows with `valid_from <= N < valid_to` (or `valid_to` empty).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from onewindow.catalog.choices import ChangeKind, ChangeRequestStatus, EntryState, ListKind
from onewindow.common.models import TimestampedModel


class CatalogVersion(models.Model):
    """One publication of a region's lists: number N is the Nth published change request."""

    region = models.ForeignKey("orgs.Region", verbose_name="区划", on_delete=models.PROTECT, related_name="catalog_versions")
    number = models.PositiveIntegerField("版本号")
    published_at = models.DateTimeField("发布时间")
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="发布人", on_delete=models.PROTECT, related_name="+")
    change_request = models.OneToOneField(
        "catalog.ChangeRequest", verbose_name="变更申请", on_delete=models.PROTECT, related_name="published_version"
    )
    summary = models.CharField("摘要", max_length=300)

    class Meta:
        verbose_name = "清单版本"
        verbose_name_plural = "清单版本"
        ordering = ["region_id", "-number"]
        constraints = [models.UniqueConstraint(fields=["region", "number"], name="catalog_version_unique_number")]

    def __str__(self) -> str:
        return f"第{self.number}版"


class ChangeRequest(TimestampedModel):
    """A proposed change to one list (新增/取消/下放/承接/调整/合并) with reason and legal basis.

    Drafted by a department admin (or a list manager), reviewed and published by a list manager.
    """

    region = models.ForeignKey("orgs.Region", verbose_name="区划", on_delete=models.PROTECT, related_name="change_requests")
    department = models.ForeignKey(
        "orgs.Department", verbose_name="提出部门", null=True, blank=True, on_delete=models.PROTECT, related_name="change_requests"
    )
    list_kind = models.CharField("清单", max_length=16, choices=ListKind.choices)
    kind = models.CharField("变更类型", max_length=16, choices=ChangeKind.choices)
    title = models.CharField("标题", max_length=200)
    reason = models.TextField("变更理由")
    legal_basis = models.TextField("法律依据")
    status = models.CharField("状态", max_length=16, choices=ChangeRequestStatus.choices, default=ChangeRequestStatus.DRAFT)
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="起草人", on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="审核人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True)
    review_comment = models.TextField("审核意见", blank=True)

    class Meta:
        verbose_name = "清单变更申请"
        verbose_name_plural = "清单变更申请"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["region", "status", "-created_at"], name="catalog_cr_region_status")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}:{self.title}"


class VersionedRow(models.Model):
    """Fields every version row of a list entry carries."""

    change_request = models.ForeignKey(ChangeRequest, verbose_name="变更申请", on_delete=models.PROTECT, related_name="+")
    state = models.CharField("状态", max_length=16, choices=EntryState.choices, default=EntryState.DRAFT)
    valid_from = models.PositiveIntegerField("起始版本", null=True, blank=True)
    valid_to = models.PositiveIntegerField("截止版本", null=True, blank=True)
    is_cancellation = models.BooleanField("取消", default=False, help_text="发布后该条目从清单中取消")
    # The entry's current row when this draft was made: publishing refuses a draft whose base is
    # no longer current, so two change requests cannot silently overwrite each other.
    base_version_id = models.PositiveBigIntegerField("起草时的现行版本", null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_current(self) -> bool:
        return self.state == EntryState.PUBLISHED and self.valid_to is None and not self.is_cancellation

    @staticmethod
    def as_of(number: int) -> Q:
        """Rows in force in catalog version `number`."""
        return Q(state=EntryState.PUBLISHED, valid_from__lte=number, is_cancellation=False) & (
            Q(valid_to__isnull=True) | Q(valid_to__gt=number)
        )

    @staticmethod
    def current_q() -> Q:
        return Q(state=EntryState.PUBLISHED, valid_to__isnull=True, is_cancellation=False)
