"""Cases (办件): an application for one service item, pinned to the item version it was filed
under, with its materials, its timeline of steps, its stage tasks and its documents.

The case row carries denormalized copies of what the queues sort and filter by (`region_code`,
`department`, `due_on`, `warn_on`) so a staff list of a million cases reads one index range.
The deadlines themselves live in `deadlines.Deadline`; the services keep the copies in step.
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q

from onewindow.accounts.access import access_of, jurisdiction_q
from onewindow.accounts.choices import ApplicantKind, Role
from onewindow.cases.choices import (
    FINAL_STATUSES,
    OPEN_STATUSES,
    CaseAction,
    CaseStatus,
    Channel,
    Decision,
    DeliveryMethod,
    DocumentKind,
    DocumentState,
    PledgeStatus,
    Provision,
    TaskState,
)
from onewindow.common import time
from onewindow.common.identity import mask_id_number, mask_name, mask_phone

# Who sees a case besides its applicant: staff of the owning department, and region staff
# (comprehensive windows accept every department's items; supervisors watch the region).
CASE_STAFF_ROLES = (
    Role.WINDOW_CLERK,
    Role.REVIEWER,
    Role.DECIDER,
    Role.CHIEF_REPRESENTATIVE,
    Role.SUPERVISOR,
    Role.DEPARTMENT_ADMIN,
    Role.SYSTEM_ADMIN,
)


OPEN_QUEUE = Q(status__in=sorted(OPEN_STATUSES), due_on__isnull=False)


STATUS_LABELS = dict(CaseStatus.choices)


class CaseQuerySet(models.QuerySet["Case"]):
    def visible_to(self, user: object) -> CaseQuerySet:
        """Applicants see their own cases (drafts included); staff the cases in their reach."""
        access = access_of(user)
        if access.is_superuser:
            return self.all()
        if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
            return self.none()
        staff = jurisdiction_q(user, CASE_STAFF_ROLES, region_code_field="region_code") & ~Q(status=CaseStatus.DRAFT)
        return self.filter(staff | Q(applicant_user=user))

    def in_reach_of(self, user: object) -> CaseQuerySet:
        """The cases the user handles as staff (a work queue): without the user's own applications, so
        the condition is one an index on (department or region, due date) can serve in order."""
        access = access_of(user)
        if access.is_superuser:
            return self.exclude(status=CaseStatus.DRAFT)
        if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
            return self.none()
        return self.filter(jurisdiction_q(user, CASE_STAFF_ROLES, region_code_field="region_code") & ~Q(status=CaseStatus.DRAFT))

    def open(self) -> CaseQuerySet:
        return self.filter(status__in=OPEN_STATUSES)


class Case(models.Model):
    """One application (办件) for a service item, from draft to closing."""

    number = models.CharField("办件编号", max_length=32, unique=True, null=True, blank=True)
    query_code = models.CharField("查询码", max_length=12)
    status = models.CharField("状态", max_length=24, choices=CaseStatus.choices, default=CaseStatus.DRAFT)
    channel = models.CharField("申请渠道", max_length=16, choices=Channel.choices)
    item = models.ForeignKey("catalog.ServiceItem", verbose_name="事项", on_delete=models.PROTECT, related_name="cases")
    item_version = models.ForeignKey(
        "catalog.ServiceItemVersion", verbose_name="事项版本", on_delete=models.PROTECT, related_name="cases", db_index=False
    )
    situation = models.ForeignKey(
        "catalog.Situation", verbose_name="办事情形", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    department = models.ForeignKey("orgs.Department", verbose_name="办理部门", on_delete=models.PROTECT, related_name="cases")
    region_code = models.CharField("区划代码", max_length=12)
    item_name = models.CharField("事项名称", max_length=200)
    applicant_kind = models.CharField("申请人类型", max_length=16, choices=ApplicantKind.choices)
    applicant_name = models.CharField("申请人", max_length=200)
    applicant_id_number = models.CharField("证件号码", max_length=32, help_text="居民身份证号或统一社会信用代码")
    applicant_phone = models.CharField("联系电话", max_length=32)
    applicant_email = models.EmailField("电子邮箱", blank=True)
    applicant_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="申请账号", null=True, blank=True, on_delete=models.PROTECT, related_name="cases"
    )
    form = models.JSONField("申请表单", default=dict, blank=True)
    delivery_method = models.CharField("送达方式", max_length=16, choices=DeliveryMethod.choices, default=DeliveryMethod.WINDOW)
    delivery_address = models.CharField("邮寄地址", max_length=300, blank=True)
    window = models.ForeignKey(
        "orgs.Window", verbose_name="受理窗口", null=True, blank=True, on_delete=models.PROTECT, related_name="cases"
    )
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="收件人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="受理人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="决定人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision = models.CharField("决定", max_length=16, choices=Decision.choices, blank=True)
    decision_reason = models.TextField("决定理由", blank=True)
    deemed_accepted = models.BooleanField("视为受理", default=False)
    deemed_approved = models.BooleanField("超时默认准予", default=False)
    refusal_reason = models.TextField("不予受理理由", blank=True)
    has_gaps = models.BooleanField("有待补容缺材料", default=False)
    gap_supply_by = models.DateField("容缺补正期限", null=True, blank=True)
    extended_days = models.PositiveSmallIntegerField("延长天数", default=0)
    promised_days = models.PositiveSmallIntegerField("承诺时限(工作日)")
    statutory_days = models.PositiveSmallIntegerField("法定时限(工作日)")
    due_on = models.DateField("当前期限", null=True, blank=True, help_text="当前计时中的主要期限的截止日期,用于队列排序")
    warn_on = models.DateField("预警日期", null=True, blank=True)
    created_at = models.DateTimeField("创建时间", default=time.now)
    updated_at = models.DateTimeField("更新时间", default=time.now)
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True)
    accepted_at = models.DateTimeField("受理时间", null=True, blank=True)
    decided_at = models.DateTimeField("决定时间", null=True, blank=True)
    delivered_at = models.DateTimeField("送达时间", null=True, blank=True)
    ended_at = models.DateTimeField("结束时间", null=True, blank=True, help_text="办结、不予受理、撤回或终止的时间")
    revision = models.PositiveIntegerField("修订号", default=0, help_text="每次状态变化加一;页面提交时据此发现他人已处理")

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = "办件"
        verbose_name_plural = "办件"
        ordering = ["-id"]
        indexes = [
            # Staff queues: a department's (or a region's) open cases by deadline.
            models.Index(fields=["department", "status", "due_on", "id"], name="cases_department_queue"),
            models.Index(fields=["region_code", "status", "due_on", "id"], name="cases_region_queue"),
            models.Index(fields=["department", "-id"], name="cases_department_recent"),
            models.Index(fields=["region_code", "-id"], name="cases_region_recent"),
            models.Index(fields=["applicant_user", "-id"], name="cases_applicant_recent"),
            models.Index(fields=["item", "-id"], name="cases_item_recent"),
            # 告知承诺 eligibility looks up an applicant's earlier cases on every submission.
            models.Index(fields=["applicant_id_number"], name="cases_applicant_id"),
            # The open queue by deadline (status IN open statuses cannot use the status-first indexes).
            models.Index(fields=["due_on", "id"], condition=OPEN_QUEUE, name="cases_open_due"),
            models.Index(fields=["department", "due_on", "id"], condition=OPEN_QUEUE, name="cases_open_department_due"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=CaseStatus.values), name="cases_case_status_valid"),
            models.CheckConstraint(
                condition=Q(status=CaseStatus.DRAFT) | Q(number__isnull=False, submitted_at__isnull=False),
                name="cases_case_submitted_has_number",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[CaseStatus.DECIDED, CaseStatus.DELIVERED, CaseStatus.CLOSED]) | ~Q(decision=""),
                name="cases_case_decided_has_decision",
            ),
        ]

    def __str__(self) -> str:
        return self.number or f"草稿#{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_final(self) -> bool:
        return self.status in FINAL_STATUSES

    def get_status_display(self) -> str:  # type: ignore[no-redef]
        """The status label (Django's generated method re-hashes every translated choice on each call,
        which a page of fifty rows pays fifty times)."""
        return str(STATUS_LABELS.get(self.status, self.status))

    @property
    def masked_applicant_name(self) -> str:
        return self.applicant_name if self.applicant_kind == ApplicantKind.ENTERPRISE else mask_name(self.applicant_name)

    @property
    def masked_id_number(self) -> str:
        return mask_id_number(self.applicant_id_number)

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.applicant_phone)

    def color(self, today: dt.date) -> str:
        """green / yellow / red by the case's current deadline copy; gray when nothing is running."""
        if self.due_on is None or not self.is_open or self.status == CaseStatus.SUSPENDED:
            return "gray"
        if today > self.due_on:
            return "red"
        if self.warn_on is not None and today >= self.warn_on:
            return "yellow"
        return "green"


def new_query_code() -> str:
    """An 8-digit code printed on the receipt; with the case number it opens the public progress page."""
    return f"{secrets.randbelow(10**8):08d}"


class CaseNumberSequence(models.Model):
    """The last number handed out per region and day; locked while the next one is taken."""

    region_code = models.CharField("区划代码", max_length=12)
    day = models.DateField("日期")
    last = models.PositiveIntegerField("已用序号", default=0)

    class Meta:
        verbose_name = "办件编号序列"
        verbose_name_plural = "办件编号序列"
        constraints = [models.UniqueConstraint(fields=["region_code", "day"], name="cases_number_sequence_unique")]


class CaseMaterial(models.Model):
    """One material of a case: what the item requires, and how the applicant provided it."""

    case = models.ForeignKey(Case, verbose_name="办件", on_delete=models.CASCADE, related_name="materials")
    requirement = models.ForeignKey(
        "catalog.MaterialRequirement", verbose_name="材料要求", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    code = models.CharField("材料代码", max_length=32)
    name = models.CharField("材料名称", max_length=200)
    necessity = models.CharField("必要性", max_length=16)
    provision = models.CharField("提供方式", max_length=16, choices=Provision.choices, default=Provision.MISSING)
    file = models.FileField("文件", upload_to="cases/materials/%Y/%m/", blank=True)
    original_name = models.CharField("原文件名", max_length=200, blank=True)
    content_kind = models.CharField("文件类型", max_length=16, blank=True)
    size = models.PositiveIntegerField("大小(字节)", default=0)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    license_number = models.CharField("证照编号", max_length=100, blank=True)
    pledge_text = models.TextField("承诺内容", blank=True)
    pledge_status = models.CharField("承诺核查", max_length=16, choices=PledgeStatus.choices, blank=True)
    problem = models.TextField("补正意见", blank=True, help_text="一次性告知书中对本材料的要求;补正后清空")
    gap_supplied_at = models.DateTimeField("容缺补齐时间", null=True, blank=True)
    updated_at = models.DateTimeField("更新时间", default=time.now)
    sort = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "办件材料"
        verbose_name_plural = "办件材料"
        ordering = ["case_id", "sort", "id"]
        constraints = [models.UniqueConstraint(fields=["case", "code"], name="cases_material_unique_code")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_outstanding_gap(self) -> bool:
        return self.provision == Provision.GAP and self.gap_supplied_at is None


class CaseStep(models.Model):
    """One entry of the case's timeline: a transition (or an action that keeps the status), who, where, when."""

    case = models.ForeignKey(Case, verbose_name="办件", on_delete=models.CASCADE, related_name="steps")
    action = models.CharField("操作", max_length=24, choices=CaseAction.choices)
    from_status = models.CharField("原状态", max_length=24, choices=CaseStatus.choices, blank=True)
    to_status = models.CharField("新状态", max_length=24, choices=CaseStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="经办人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_name = models.CharField("经办人姓名", max_length=100, blank=True, help_text="空为系统自动处理")
    unit_name = models.CharField("办理单位", max_length=200, blank=True)
    comment = models.TextField("意见", blank=True)
    details = models.JSONField("详情", default=dict, blank=True)
    at = models.DateTimeField("时间", default=time.now)

    class Meta:
        verbose_name = "办理步骤"
        verbose_name_plural = "办理步骤"
        ordering = ["case_id", "at", "id"]
        indexes = [models.Index(fields=["case", "at", "id"], name="cases_step_timeline")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.action}"


class StageTask(models.Model):
    """One stage of the item's flow for one case, in the queue of a unit; countersign stages have
    one task per unit, handled in parallel."""

    case = models.ForeignKey(Case, verbose_name="办件", on_delete=models.CASCADE, related_name="tasks")
    stage = models.ForeignKey("catalog.Stage", verbose_name="环节", on_delete=models.PROTECT, related_name="+")
    sequence = models.PositiveSmallIntegerField("顺序")
    name = models.CharField("环节名称", max_length=100)
    kind = models.CharField("环节类型", max_length=20)
    role = models.CharField("办理岗位", max_length=32, choices=Role.choices)
    department = models.ForeignKey("orgs.Department", verbose_name="部门", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("orgs.Unit", verbose_name="办理机构", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    countersign = models.BooleanField("会签", default=False)
    state = models.CharField("状态", max_length=16, choices=TaskState.choices, default=TaskState.OPEN)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="办理人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    opinion = models.TextField("办理意见", blank=True)
    opened_at = models.DateTimeField("开始时间", default=time.now)
    completed_at = models.DateTimeField("完成时间", null=True, blank=True)
    due_on = models.DateField("截止日期", null=True, blank=True)

    class Meta:
        verbose_name = "环节任务"
        verbose_name_plural = "环节任务"
        ordering = ["case_id", "sequence", "id"]
        indexes = [
            models.Index(fields=["department", "role", "due_on", "id"], condition=Q(state=TaskState.OPEN), name="cases_task_queue"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.name}"


class CaseDocument(models.Model):
    """A written notice or decision of the case, rendered as PDF by the task worker, verifiable by its code."""

    case = models.ForeignKey(Case, verbose_name="办件", on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField("文书类型", max_length=32, choices=DocumentKind.choices)
    number = models.CharField("文书编号", max_length=48, unique=True)
    verification_code = models.CharField("核验码", max_length=32, unique=True)
    state = models.CharField("状态", max_length=16, choices=DocumentState.choices, default=DocumentState.PENDING)
    content = models.JSONField("内容", default=dict, help_text="生成时的文书内容快照")
    file = models.FileField("PDF", upload_to="cases/documents/%Y/%m/", blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    created_at = models.DateTimeField("创建时间", default=time.now)
    generated_at = models.DateTimeField("生成时间", null=True, blank=True)
    error = models.TextField("错误", blank=True)

    class Meta:
        verbose_name = "办件文书"
        verbose_name_plural = "办件文书"
        ordering = ["case_id", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"


def new_verification_code() -> str:
    return secrets.token_urlsafe(18)


class IdempotentSubmission(models.Model):
    """The answer given to a POST with an `Idempotency-Key`, replayed when the same key comes again."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="用户", on_delete=models.CASCADE, related_name="+")
    key = models.CharField("幂等键", max_length=100)
    fingerprint = models.CharField("请求摘要", max_length=64)
    case = models.ForeignKey(Case, verbose_name="办件", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField("时间", default=time.now)

    class Meta:
        verbose_name = "幂等提交"
        verbose_name_plural = "幂等提交"
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="cases_idempotency_unique_key")]
