"""Giving a rating: of a delivered case (一事一评) on the portal, by the signed SMS/QR link or by API; of
a window visit (一次一评) on the pad at the window. A bad review opens its rectification with the
follow-up and rectification timers (国办发〔2019〕51号)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from onewindow.audit.services import atomic_audited, audit_record, audit_snapshot
from onewindow.cases.choices import CaseStatus
from onewindow.cases.models import Case
from onewindow.common import time
from onewindow.common.errors import Conflict, Forbidden, InvalidInput
from onewindow.deadlines import kinds
from onewindow.orgs.models import Department, Window
from onewindow.ratings import links, permissions
from onewindow.ratings.choices import RatingChannel, RatingLevel, is_bad_level, tags_for
from onewindow.ratings.models import Rating, Rectification, WindowVisit
from onewindow.ratings.services import timers

# A case is rated once its result is in the applicant's hands.
RATEABLE_STATUSES = (CaseStatus.DELIVERED, CaseStatus.CLOSED)
CASE_CHANNELS = (RatingChannel.PORTAL, RatingChannel.SMS, RatingChannel.API)
MAX_COMMENT = 500
MAX_TAGS = 8
# The pad takes a visit's rating on the day of the visit (and the night after it).
VISIT_RATING_WINDOW = dt.timedelta(hours=24)
PHONE_PATTERN = re.compile(r"\+?[0-9][0-9 -]{5,18}[0-9]")
RATING_FIELDS = ["case", "visit", "department", "window", "handler", "rater", "channel", "level", "tags", "comment", "is_bad", "created_at"]


def _invalid(message: str, code: str, field: str) -> InvalidInput:
    return InvalidInput(message, code=code, details={field: [message]})


def clean_rating(level: Any, tags: Iterable[str] | None, comment: str) -> tuple[int, list[str], str]:
    """The level, tags and comment as stored; InvalidInput names the field that is wrong."""
    if isinstance(level, bool) or not isinstance(level, int) or level not in RatingLevel.values:
        raise _invalid(_("请选择1至5之间的评价等级。"), "rating_level_invalid", "level")
    chosen = list(dict.fromkeys(str(tag).strip() for tag in (tags or []) if str(tag).strip()))
    allowed = tags_for(level)
    unknown = [tag for tag in chosen if tag not in allowed]
    if unknown or len(chosen) > MAX_TAGS:
        raise _invalid(
            _("评价标签“%(tags)s”不适用于“%(level)s”。") % {"tags": "、".join(unknown or chosen), "level": RatingLevel(level).label},
            "rating_tags_invalid",
            "tags",
        )
    comment = (comment or "").strip()
    if len(comment) > MAX_COMMENT:
        raise _invalid(_("评价内容不能超过%(n)d字。") % {"n": MAX_COMMENT}, "rating_comment_too_long", "comment")
    if is_bad_level(level) and not chosen and not comment:
        raise _invalid(_("请选择不满意的原因或填写评价内容,以便整改。"), "rating_reason_required", "tags")
    return level, chosen, comment


def _clean_phone(phone: str) -> str:
    phone = (phone or "").strip()
    if phone and not PHONE_PATTERN.fullmatch(phone):
        raise _invalid(_("请填写正确的电话号码。"), "rating_phone_invalid", "contact_phone")
    return phone


# Rating a case --------------------------------------------------------------------------------


def _rater_of(actor: Any, case: Case, channel: str, link_token: str | None) -> Any:
    """Who the rating is from: the applicant's account (portal, API) or the holder of the signed link (SMS)."""
    if channel == RatingChannel.SMS:
        if not links.token_names(link_token, case):
            raise Forbidden(_("评价链接无效或已过期。"), code="rating_link_invalid")
        return case.applicant_user
    if not getattr(actor, "is_authenticated", False) or not actor.is_active or case.applicant_user_id != actor.pk:
        raise Forbidden(_("只有办件的申请人本人可以评价该办件。"), code="rating_not_applicant")
    return actor


@atomic_audited
def rating_submit(
    *,
    actor: Any,
    case: Case,
    level: int,
    tags: Iterable[str] | None = None,
    comment: str = "",
    channel: str = RatingChannel.PORTAL,
    link_token: str | None = None,
) -> Rating:
    """Rate a delivered case, once (一事一评), as its applicant; a bad review opens its rectification."""
    if channel not in CASE_CHANNELS:
        raise _invalid(_("评价渠道无效。"), "rating_channel_invalid", "channel")
    locked = Case.objects.select_for_update(of=("self",)).select_related("department__region").get(pk=case.pk)
    rater = _rater_of(actor, locked, channel, link_token)
    signed_in = actor if getattr(actor, "is_authenticated", False) else None
    if any(user is not None and permissions.is_case_staff(user, locked) for user in (rater, signed_in)):
        raise Forbidden(_("经办人员和办件所属部门的工作人员不能评价本部门办理的办件。"), code="rating_own_case")
    if locked.status not in RATEABLE_STATUSES:
        raise Conflict(
            _("办件当前状态为“%(status)s”,办结送达后才能评价。") % {"status": locked.get_status_display()},
            code="rating_not_delivered",
            details={"status": locked.status},
        )
    if Rating.objects.filter(case=locked).exists():
        raise Conflict(_("该办件已评价,每件办件只能评价一次。"), code="rating_exists")
    level, chosen, comment = clean_rating(level, tags, comment)
    return _create(
        actor=rater or actor,
        case=locked,
        department=locked.department,
        window=locked.window,
        handler=locked.decided_by or locked.accepted_by,
        rater=rater,
        channel=channel,
        level=level,
        tags=chosen,
        comment=comment,
    )


# Rating a window visit -------------------------------------------------------------------------


@atomic_audited
def rating_submit_at_window(
    *, actor: Any, visit: WindowVisit, level: int, tags: Iterable[str] | None = None, comment: str = "", contact_phone: str = ""
) -> Rating:
    """Rate a window visit on the pad (一次一评): once, on the day of the visit, not by the clerk who served it."""
    locked = WindowVisit.objects.select_for_update(of=("self",)).select_related("window", "department__region", "clerk").get(pk=visit.pk)
    if getattr(actor, "is_authenticated", False) and actor.pk == locked.clerk_id:
        raise Forbidden(_("窗口工作人员不能替申请人评价自己的服务。"), code="rating_own_visit")
    if Rating.objects.filter(visit=locked).exists():
        raise Conflict(_("本次服务已评价,感谢您的参与。"), code="rating_exists")
    if time.now() - locked.started_at > VISIT_RATING_WINDOW:
        raise Conflict(_("本次服务的评价时间已过。"), code="visit_expired")
    level, chosen, comment = clean_rating(level, tags, comment)
    phone = _clean_phone(contact_phone)
    return _create(
        actor=None,
        visit=locked,
        department=locked.department,
        window=locked.window,
        handler=locked.clerk,
        rater=None,
        channel=RatingChannel.WINDOW_PAD,
        level=level,
        tags=chosen,
        comment=comment,
        contact_phone=phone,
    )


def _create(*, actor: Any, **fields: Any) -> Rating:
    now = time.now()
    try:
        with transaction.atomic():
            rating = Rating.objects.create(is_bad=is_bad_level(fields["level"]), created_at=now, **fields)
    except IntegrityError:  # a concurrent rating of the same case or visit won
        raise Conflict(_("该服务已评价,每次服务只能评价一次。"), code="rating_exists") from None
    audit_record(actor=actor, action="ratings.rating.submit", obj=rating, after=audit_snapshot(rating, RATING_FIELDS))
    if rating.is_bad:
        _open_rectification(rating, now)
    return rating


def _open_rectification(rating: Rating, at: dt.datetime) -> Rectification:
    """A bad review: follow up within 1 working day, rectify and answer within `RATING_RECTIFICATION_DAYS`."""
    rectification = Rectification.objects.create(rating=rating, department=rating.department, created_at=at, updated_at=at)
    timers.start(rectification, kinds.RATING_FOLLOW_UP, timers.follow_up_days(), department=rating.department, at=at)
    timers.start(rectification, kinds.RATING_RECTIFICATION, timers.rectification_days(), department=rating.department, at=at)
    timers.sync_dates(rectification)
    rectification.save(update_fields=["due_on", "warn_on"])
    audit_record(
        actor=None, action="ratings.rectification.open", obj=rectification, after=audit_snapshot(rectification, ["state", "due_on"])
    )
    return rectification


# Window visits --------------------------------------------------------------------------------


@atomic_audited
def visit_open(*, actor: Any, window: Window, department: Department | None = None, case: Case | None = None) -> WindowVisit:
    """A clerk starts serving someone at `window`; the pad there then takes one rating for this visit."""
    if not permissions.may_open_visit(actor, window):
        raise Forbidden(_("只有本窗口的工作人员可以开始窗口接待。"), code="visit_forbidden")
    if not window.is_active:
        raise Conflict(_("该窗口已停用。"), code="visit_window_inactive")
    if case is not None:
        if not Case.objects.in_reach_of(actor).filter(pk=case.pk).exists():
            raise Forbidden(_("您无权办理该办件。"), code="visit_case_forbidden")
        if department is not None and department.pk != case.department_id:
            raise _invalid(_("办件不属于所选部门。"), "visit_department_mismatch", "department")
        department = case.department
    department = department or window.department
    if department is None:
        raise _invalid(_("综合窗口请选择本次所办事项的部门或填写办件编号。"), "visit_department_required", "department")
    hall_region = window.hall.region
    if not (department.region.contains(hall_region) or hall_region.contains(department.region)):
        raise _invalid(_("所选部门不在本服务大厅的区划内。"), "visit_department_outside", "department")
    visit = WindowVisit.objects.create(window=window, clerk=actor, department=department, case=case, started_at=time.now())
    audit_record(actor=actor, action="ratings.visit.open", obj=visit, after=audit_snapshot(visit, ["window", "department", "case"]))
    return visit
