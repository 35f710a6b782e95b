"""Ratings (好差评) of cases and window visits, the rectification of bad reviews (差评整改), and
complaints (投诉举报).

国办发〔2019〕51号: one rating per case (一事一评) and per window visit (一次一评); a bad review is
followed up, rectified and answered by the department that handled the matter, which may appeal a
malicious or mistaken review to the supervisors (申诉复核). The statistics read `Rating.department`,
`level`, `is_bad`, `created_at` and `voided_at`, and `Rectification.state`: keep their names.

The rectification and complaint rows carry copies of their leading open timer's dates (`due_on`,
`warn_on`) so queues sort and colour by deadline without reading the `deadlines` table per row;
the services keep them in step.
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _

from onewindow.accounts.access import access_of, jurisdiction_q
from onewindow.accounts.choices import Role
from onewindow.common import time
from onewindow.common.identity import mask_name, mask_phone
from onewindow.ratings.choices import (
    COMPLAINT_OPEN,
    LEVEL_LABELS,
    MAX_REOPENS,
    RECTIFICATION_OPEN,
    AppealDecision,
    ComplaintCategory,
    ComplaintChannel,
    ComplaintState,
    RatingChannel,
    RatingLevel,
    RectificationState,
    Satisfaction,
)

# Department staff who see their department's ratings and work its bad reviews; supervisors (电子监察)
# see every department of their region.
RATING_DEPARTMENT_ROLES = (Role.DEPARTMENT_ADMIN, Role.CHIEF_REPRESENTATIVE, Role.REVIEWER)
RATING_READER_ROLES = (*RATING_DEPARTMENT_ROLES, Role.SUPERVISOR)
# Complaints assigned to a department are handled by its admin and chief representative.
COMPLAINT_DEPARTMENT_ROLES = (Role.DEPARTMENT_ADMIN, Role.CHIEF_REPRESENTATIVE)


def _active_user(user: object) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def new_token() -> str:
    """An unguessable token for a window visit's rating pad address."""
    return secrets.token_urlsafe(16)


def new_query_code() -> str:
    """An 8-digit code that, with the complaint number, opens the public complaint lookup."""
    return f"{secrets.randbelow(10**8):08d}"


def deadline_color(due_on: dt.date | None, warn_on: dt.date | None, today: dt.date, *, counting: bool) -> str:
    """green / yellow / red from a copy of a timer's dates; gray when no timer counts."""
    if not counting or due_on is None:
        return "gray"
    if today > due_on:
        return "red"
    if warn_on is not None and today >= warn_on:
        return "yellow"
    return "green"


# Window visits -----------------------------------------------------------------------------------


class WindowVisitQuerySet(models.QuerySet["WindowVisit"]):
    def visible_to(self, user: object) -> WindowVisitQuerySet:
        """A clerk sees the visits they received; supervisors those of their region's halls; department
        staff those served for their department."""
        if access_of(user).is_superuser:
            return self.all()
        if not _active_user(user):
            return self.none()
        region = jurisdiction_q(user, [Role.SUPERVISOR], region_code_field="window__hall__region__code")
        return self.filter(Q(clerk=user) | region | jurisdiction_q(user, RATING_DEPARTMENT_ROLES))


class WindowVisit(models.Model):
    """One applicant served at a window (一次一评): the pad at the window takes one rating for it."""

    window = models.ForeignKey("orgs.Window", verbose_name="窗口", on_delete=models.PROTECT, related_name="visits")
    clerk = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="窗口人员", on_delete=models.PROTECT, related_name="+")
    department = models.ForeignKey(
        "orgs.Department",
        verbose_name="服务部门",
        on_delete=models.PROTECT,
        related_name="window_visits",
        help_text="本次所办事项的部门;综合窗口按办件或所办事项确定",
    )
    case = models.ForeignKey(
        "cases.Case", verbose_name="办件", null=True, blank=True, on_delete=models.PROTECT, related_name="window_visits"
    )
    started_at = models.DateTimeField("接待时间", default=time.now)
    token = models.CharField("评价码", max_length=32, unique=True, default=new_token)

    objects = WindowVisitQuerySet.as_manager()

    class Meta:
        verbose_name = "窗口接待"
        verbose_name_plural = "窗口接待"
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["clerk", "-started_at", "-id"], name="ratings_visit_clerk_recent")]

    def __str__(self) -> str:
        return f"{self.window} {time.local_datetime(self.started_at):%Y-%m-%d %H:%M}"


# Ratings -----------------------------------------------------------------------------------------


class RatingQuerySet(models.QuerySet["Rating"]):
    def visible_to(self, user: object) -> RatingQuerySet:
        """The rater sees their own ratings; department staff their department's; supervisors their region's
        (voided ones included, with the reason)."""
        if access_of(user).is_superuser:
            return self.all()
        if not _active_user(user):
            return self.none()
        return self.filter(jurisdiction_q(user, RATING_READER_ROLES) | Q(rater=user))

    def counted(self) -> RatingQuerySet:
        """The ratings that count in the statistics: every one not voided after an appeal."""
        return self.filter(voided_at__isnull=True)


class Rating(models.Model):
    """One rating of a case (一事一评) or of a window visit (一次一评), five levels (国办发〔2019〕51号)."""

    case = models.ForeignKey("cases.Case", verbose_name="办件", null=True, blank=True, on_delete=models.PROTECT, related_name="ratings")
    visit = models.ForeignKey(WindowVisit, verbose_name="窗口接待", null=True, blank=True, on_delete=models.PROTECT, related_name="ratings")
    department = models.ForeignKey("orgs.Department", verbose_name="被评价部门", on_delete=models.PROTECT, related_name="ratings")
    window = models.ForeignKey("orgs.Window", verbose_name="窗口", null=True, blank=True, on_delete=models.PROTECT, related_name="ratings")
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="经办人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rater = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="评价人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ratings_given",
        help_text="窗口评价器和未注册申请人的短信评价为空",
    )
    channel = models.CharField("评价渠道", max_length=16, choices=RatingChannel.choices)
    level = models.PositiveSmallIntegerField("评价等级", choices=RatingLevel.choices)
    tags = models.JSONField("评价标签", default=list, blank=True)
    comment = models.TextField("评价内容", blank=True)
    contact_phone = models.CharField("回访电话", max_length=20, blank=True, help_text="窗口评价器上评价人自愿留下的电话")
    is_bad = models.BooleanField("差评", default=False)
    created_at = models.DateTimeField("评价时间", default=time.now)
    voided_at = models.DateTimeField("作废时间", null=True, blank=True)
    void_reason = models.TextField("作废理由", blank=True)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="作废人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = RatingQuerySet.as_manager()

    class Meta:
        verbose_name = "评价"
        verbose_name_plural = "评价"
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["department", "created_at"], name="ratings_department_time"),
            models.Index(fields=["created_at", "id"], name="ratings_time"),
            models.Index(fields=["rater", "-id"], name="ratings_rater_recent"),
        ]
        constraints = [
            # 一事一评 and 一次一评.
            models.UniqueConstraint(fields=["case"], name="ratings_one_per_case"),
            models.UniqueConstraint(fields=["visit"], name="ratings_one_per_visit"),
            models.CheckConstraint(
                condition=Q(case__isnull=False, visit__isnull=True) | Q(case__isnull=True, visit__isnull=False),
                name="ratings_rating_case_or_visit",
            ),
            models.CheckConstraint(condition=Q(level__gte=1, level__lte=5), name="ratings_rating_level_range"),
            models.CheckConstraint(
                condition=Q(is_bad=True, level__lte=2) | Q(is_bad=False, level__gte=3), name="ratings_rating_is_bad_matches_level"
            ),
            models.CheckConstraint(
                condition=Q(voided_at__isnull=True, void_reason="") | (Q(voided_at__isnull=False) & ~Q(void_reason="")),
                name="ratings_rating_void_has_reason",
            ),
        ]

    def __str__(self) -> str:
        subject = self.case.number if self.case_id and self.case else f"窗口接待#{self.visit_id}"
        return f"{subject} {self.level_label}"

    @property
    def level_label(self) -> str:
        return str(LEVEL_LABELS.get(self.level, self.level))

    @property
    def is_voided(self) -> bool:
        return self.voided_at is not None

    @property
    def masked_contact_phone(self) -> str:
        return mask_phone(self.contact_phone)


# Rectification of bad reviews ---------------------------------------------------------------------


class RectificationQuerySet(models.QuerySet["Rectification"]):
    def visible_to(self, user: object) -> RectificationQuerySet:
        """Department staff see their department's rectifications, supervisors their region's."""
        if access_of(user).is_superuser:
            return self.all()
        if not _active_user(user):
            return self.none()
        return self.filter(jurisdiction_q(user, RATING_READER_ROLES))

    def open(self) -> RectificationQuerySet:
        return self.filter(state__in=RECTIFICATION_OPEN)


class Rectification(models.Model):
    """The handling of one bad review: follow-up (1 working day), rectification and reply (15), the
    rater's revisit; or the department's appeal, which a supervisor upholds or voids."""

    rating = models.OneToOneField(Rating, verbose_name="差评", on_delete=models.PROTECT, related_name="rectification")
    department = models.ForeignKey("orgs.Department", verbose_name="整改部门", on_delete=models.PROTECT, related_name="rectifications")
    state = models.CharField("状态", max_length=24, choices=RectificationState.choices, default=RectificationState.PENDING_FOLLOW_UP)
    state_before_appeal = models.CharField("申诉前状态", max_length=24, choices=RectificationState.choices, blank=True)
    follow_up_at = models.DateTimeField("回访时间", null=True, blank=True)
    follow_up_note = models.TextField("回访核实情况", blank=True)
    follow_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="回访人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rectified_at = models.DateTimeField("整改时间", null=True, blank=True)
    rectification_note = models.TextField("整改措施", blank=True)
    rectified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="整改登记人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    replied_at = models.DateTimeField("答复时间", null=True, blank=True)
    reply = models.TextField("答复内容", blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="答复人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    revisited_at = models.DateTimeField("复评时间", null=True, blank=True)
    revisit_satisfied = models.BooleanField("复评满意", null=True, blank=True)
    revisit_comment = models.TextField("复评意见", blank=True)
    revisited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="复评登记人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    appeal_reason = models.TextField("申诉理由", blank=True)
    appealed_at = models.DateTimeField("申诉时间", null=True, blank=True)
    appealed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="申诉人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    appeal_decided_at = models.DateTimeField("复核时间", null=True, blank=True)
    appeal_decision = models.CharField("复核结论", max_length=16, choices=AppealDecision.choices, blank=True)
    appeal_opinion = models.TextField("复核意见", blank=True)
    appeal_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="复核人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField("当前期限", null=True, blank=True, help_text="计时中的回访或整改期限的截止日期,用于排序")
    warn_on = models.DateField("预警日期", null=True, blank=True)
    created_at = models.DateTimeField("创建时间", default=time.now)
    updated_at = models.DateTimeField("更新时间", default=time.now)
    revision = models.PositiveIntegerField("修订号", default=0, help_text="每次状态变化加一;页面提交时据此发现他人已处理")

    objects = RectificationQuerySet.as_manager()

    class Meta:
        verbose_name = "差评整改"
        verbose_name_plural = "差评整改"
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["department", "state", "due_on", "id"], name="ratings_rect_department_queue"),
            models.Index(fields=["state", "due_on", "id"], name="ratings_rect_state_queue"),
            models.Index(fields=["department", "-id"], name="ratings_rect_department_recent"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=RectificationState.values), name="ratings_rectification_state_valid"),
            models.CheckConstraint(
                condition=~Q(state=RectificationState.APPEALED) | ~Q(state_before_appeal=""), name="ratings_rectification_appeal_remembers"
            ),
        ]

    def __str__(self) -> str:
        return f"差评整改#{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.state in RECTIFICATION_OPEN

    @property
    def may_appeal_again(self) -> bool:
        """A review is appealed once; the supervisor's decision is final."""
        return not self.appealed_at

    def color(self, today: dt.date) -> str:
        """The colour of the running follow-up or rectification timer; gray during an appeal or once answered."""
        counting = self.state in (RectificationState.PENDING_FOLLOW_UP, RectificationState.FOLLOWED_UP, RectificationState.RECTIFIED)
        return deadline_color(self.due_on, self.warn_on, today, counting=counting)


# Complaints --------------------------------------------------------------------------------------


class ComplaintQuerySet(models.QuerySet["Complaint"]):
    def visible_to(self, user: object) -> ComplaintQuerySet:
        """Supervisors see the complaints of their region (unassigned ones included); a department's admin
        and chief representative those assigned to it; a named complainant their own."""
        if access_of(user).is_superuser:
            return self.all()
        if not _active_user(user):
            return self.none()
        region = jurisdiction_q(user, [Role.SUPERVISOR], region_code_field="region__code")
        return self.filter(region | jurisdiction_q(user, COMPLAINT_DEPARTMENT_ROLES) | Q(complainant=user))

    def open(self) -> ComplaintQuerySet:
        return self.filter(state__in=COMPLAINT_OPEN)


class Complaint(models.Model):
    """A complaint (投诉举报) from the portal, the 12345 hotline or the API: classified, assigned to a
    department, answered within the reply period, and rated by the complainant."""

    number = models.CharField("投诉编号", max_length=32, unique=True, null=True, blank=True)
    query_code = models.CharField("查询码", max_length=12)
    region = models.ForeignKey("orgs.Region", verbose_name="所属区划", on_delete=models.PROTECT, related_name="complaints")
    channel = models.CharField("来源", max_length=16, choices=ComplaintChannel.choices)
    category = models.CharField("类别", max_length=16, choices=ComplaintCategory.choices)
    anonymous = models.BooleanField("匿名", default=False)
    name = models.CharField("投诉人", max_length=64, blank=True)
    phone = models.CharField("联系电话", max_length=20, blank=True)
    complainant = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="投诉账号", null=True, blank=True, on_delete=models.PROTECT, related_name="complaints"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="热线登记人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    content = models.TextField("投诉内容")
    case = models.ForeignKey(
        "cases.Case", verbose_name="相关办件", null=True, blank=True, on_delete=models.PROTECT, related_name="complaints"
    )
    reported_department = models.ForeignKey(
        "orgs.Department",
        verbose_name="被投诉部门",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="投诉人所述部门,供分派参考",
    )
    department = models.ForeignKey(
        "orgs.Department", verbose_name="承办部门", null=True, blank=True, on_delete=models.PROTECT, related_name="complaints"
    )
    state = models.CharField("状态", max_length=16, choices=ComplaintState.choices, default=ComplaintState.RECEIVED)
    assigned_at = models.DateTimeField("分派时间", null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="分派人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reply = models.TextField("答复内容", blank=True)
    replied_at = models.DateTimeField("答复时间", null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="答复人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    earlier_replies = models.JSONField("此前答复", default=list, blank=True, help_text="投诉人不满意重新办理前的答复")
    satisfaction = models.CharField("投诉人评价", max_length=16, choices=Satisfaction.choices, blank=True)
    feedback_comment = models.TextField("评价意见", blank=True)
    feedback_at = models.DateTimeField("评价时间", null=True, blank=True)
    reopen_count = models.PositiveSmallIntegerField("重新办理次数", default=0)
    reject_reason = models.TextField("不予受理理由", blank=True)
    closed_at = models.DateTimeField("办结时间", null=True, blank=True)
    due_on = models.DateField("答复期限", null=True, blank=True)
    warn_on = models.DateField("预警日期", null=True, blank=True)
    created_at = models.DateTimeField("收到时间", default=time.now)
    updated_at = models.DateTimeField("更新时间", default=time.now)
    revision = models.PositiveIntegerField("修订号", default=0)

    objects = ComplaintQuerySet.as_manager()

    class Meta:
        verbose_name = "投诉"
        verbose_name_plural = "投诉"
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["region", "state", "-id"], name="ratings_complaint_region"),
            models.Index(fields=["department", "state", "due_on", "id"], name="ratings_complaint_department"),
            models.Index(fields=["complainant", "-id"], name="ratings_complaint_mine"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=ComplaintState.values), name="ratings_complaint_state_valid"),
            models.CheckConstraint(
                condition=Q(state=ComplaintState.RECEIVED) | Q(state=ComplaintState.REJECTED) | Q(department__isnull=False),
                name="ratings_complaint_assigned_has_department",
            ),
            models.CheckConstraint(
                condition=Q(anonymous=True) | ~Q(name="") | Q(complainant__isnull=False), name="ratings_complaint_named_has_name"
            ),
        ]

    def __str__(self) -> str:
        return self.number or f"投诉#{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.state in COMPLAINT_OPEN

    @property
    def masked_name(self) -> str:
        return str(_("匿名")) if self.anonymous else mask_name(self.name)

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)

    @property
    def may_reopen(self) -> bool:
        return self.reopen_count < MAX_REOPENS

    def color(self, today: dt.date) -> str:
        return deadline_color(self.due_on, self.warn_on, today, counting=self.state == ComplaintState.ASSIGNED)
