"""Complaints (投诉举报): received from the portal form (named or anonymous), the 12345 hotline (entered by
staff) or the API; assigned to a department by a supervisor (at once to the case's department when a
case number is given); answered within `COMPLAINT_REPLY_DAYS` working days (the `complaint_reply`
timer, whose red card opens a supervision order); rated by the complainant, who may have it handled
again once when unsatisfied.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _

from onewindow.audit.services import atomic_audited, audit_record, audit_snapshot
from onewindow.cases.models import Case
from onewindow.common import time
from onewindow.common.codes import codes_match
from onewindow.common.errors import Conflict, Forbidden, InvalidInput
from onewindow.deadlines import kinds
from onewindow.orgs.choices import HallKind
from onewindow.orgs.models import Department, Region, ServiceHall
from onewindow.ratings import notices, permissions
from onewindow.ratings.choices import (
    ComplaintAction,
    ComplaintCategory,
    ComplaintChannel,
    ComplaintState,
    Satisfaction,
    next_complaint_state,
)
from onewindow.ratings.models import Complaint, new_query_code
from onewindow.ratings.services import timers
from onewindow.ratings.services.rectifications import clean_text

CA = ComplaintAction
PHONE_PATTERN = re.compile(r"\+?[0-9][0-9 -]{5,18}[0-9]")
MAX_NAME = 64
SNAPSHOT_FIELDS = ["state", "department", "due_on", "reopen_count", "satisfaction", "revision"]


def default_region() -> Region | None:
    """The region of the platform's main service center (the portal's own), for complaints naming no department."""
    hall = ServiceHall.objects.filter(kind=HallKind.CENTER, is_active=True).select_related("region").order_by("region__code", "id").first()
    return hall.region if hall is not None else None


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) and getattr(actor, "is_active", False) else None


def _problems_of(
    *, channel: str, category: str, content: str, anonymous: bool, name: str, phone: str, case_number: str
) -> tuple[dict[str, str], Case | None]:
    """Every problem of the complaint at once (field → message), and the case its number names."""
    problems: dict[str, str] = {}
    if channel not in ComplaintChannel.values:
        problems["channel"] = _("投诉来源无效。")
    if category not in ComplaintCategory.values:
        problems["category"] = _("请选择投诉类别。")
    text = (content or "").strip()
    if not text:
        problems["content"] = _("请填写投诉内容。")
    elif len(text) > 2000:
        problems["content"] = _("投诉内容不能超过2000字。")
    if not anonymous and not name:
        problems["name"] = _("实名投诉请填写姓名。")
    if len(name) > MAX_NAME:
        problems["name"] = _("姓名不能超过%(n)d字。") % {"n": MAX_NAME}
    if not anonymous and not phone:
        problems["phone"] = _("实名投诉请填写联系电话,以便答复。")
    elif phone and not PHONE_PATTERN.fullmatch(phone):
        problems["phone"] = _("请填写正确的电话号码。")
    case = None
    if case_number:
        case = Case.objects.select_related("department__region").filter(number=case_number).first()
        if case is None:
            problems["case_number"] = _("未找到该办件编号,请核对或不填。")
    return problems, case


PROBLEM_CODES = {
    "channel": "complaint_channel_invalid",
    "category": "complaint_category_invalid",
    "content": "complaint_content_required",
    "name": "complaint_contact_required",
    "phone": "complaint_contact_required",
    "case_number": "complaint_case_unknown",
}


@atomic_audited
def complaint_submit(
    *,
    actor: Any,
    channel: str,
    category: str,
    content: str,
    anonymous: bool = False,
    name: str = "",
    phone: str = "",
    case_number: str = "",
    reported_department: Department | None = None,
    region: Region | None = None,
) -> Complaint:
    """Receive a complaint; with a case number it goes to the case's department at once. Every problem of the
    input is reported together and nothing is written."""
    user = _user(actor)
    if channel == ComplaintChannel.HOTLINE and not permissions.may_enter_hotline(user):
        raise Forbidden(_("热线投诉由电子监察人员或窗口人员登记。"), code="complaint_hotline_forbidden")
    name, phone, case_number = (name or "").strip(), (phone or "").strip(), (case_number or "").strip()
    if not anonymous and user is not None and channel != ComplaintChannel.HOTLINE:
        name, phone = name or user.real_name, phone or user.phone
    problems, case = _problems_of(
        channel=channel, category=category, content=content, anonymous=anonymous, name=name, phone=phone, case_number=case_number
    )
    if problems:
        first = next(iter(problems))
        raise InvalidInput(problems[first], code=PROBLEM_CODES[first], details={k: [v] for k, v in problems.items()})
    place = case.department.region if case else reported_department.region if reported_department else region or default_region()
    if place is None:
        raise InvalidInput(_("请选择被投诉部门。"), code="complaint_region_required", details={"department": [_("请选择被投诉部门。")]})
    if channel == ComplaintChannel.HOTLINE and not permissions.may_enter_hotline_in(user, place):
        raise Forbidden(_("只能登记本区划的热线投诉。"), code="complaint_hotline_forbidden")
    now = time.now()
    complaint = Complaint.objects.create(
        query_code=new_query_code(),
        region=place,
        channel=channel,
        category=category,
        anonymous=anonymous,
        name=name,
        phone=phone,
        complainant=user if channel != ComplaintChannel.HOTLINE and not anonymous else None,
        entered_by=user if channel == ComplaintChannel.HOTLINE else None,
        content=content.strip(),
        case=case,
        reported_department=reported_department or (case.department if case else None),
        created_at=now,
        updated_at=now,
    )
    complaint.number = f"TS{time.local_date(now):%Y%m%d}{complaint.pk:06d}"
    complaint.save(update_fields=["number"])
    after = audit_snapshot(complaint, ["number", "region", "channel", "category", "anonymous", "case", "state"])
    audit_record(actor=user, action="ratings.complaint.submit", obj=complaint, after=after)
    if case is not None:
        before = audit_snapshot(complaint, SNAPSHOT_FIELDS)
        _assign(None, complaint, case.department)
        _finish(None, complaint, CA.ASSIGN, ComplaintState.ASSIGNED, before)
    return complaint


# Transitions ----------------------------------------------------------------------------------


def _lock(complaint: Complaint) -> Complaint:
    return (
        Complaint.objects.select_for_update(of=("self",))
        .select_related("region", "department__region", "complainant", "case")
        .get(pk=complaint.pk)
    )


def _begin(complaint: Complaint, action: str, expected_revision: int | None) -> tuple[Complaint, str]:
    """The row, locked, and the state `action` leads to: Conflict when the table forbids it or the row moved on."""
    locked = _lock(complaint)
    if expected_revision is not None and locked.revision != expected_revision:
        raise Conflict(
            _("该投诉已被他人处理(当前状态:%(state)s),请刷新后重试。") % {"state": locked.get_state_display()},
            code="complaint_stale",
            details={"state": locked.state, "revision": locked.revision},
        )
    target = next_complaint_state(locked.state, action)
    if target is None:
        raise Conflict(
            _("投诉当前为“%(state)s”,不能%(action)s。") % {"state": locked.get_state_display(), "action": CA(action).label},
            code="complaint_transition_forbidden",
            details={"state": locked.state, "action": action},
        )
    return locked, target


def _finish(actor: Any, complaint: Complaint, action: str, target: str, before: dict[str, Any]) -> Complaint:
    complaint.state = target
    complaint.revision += 1
    complaint.updated_at = time.now()
    timers.sync_dates(complaint)
    complaint.save()
    after = audit_snapshot(complaint, SNAPSHOT_FIELDS)
    audit_record(actor=_user(actor), action=f"ratings.complaint.{action}", obj=complaint, before=before, after=after)
    return complaint


def _require_supervisor(actor: Any, complaint: Complaint, verb: str) -> None:
    if not permissions.may_supervise_complaint(actor, complaint):
        raise Forbidden(_("只有本区划的电子监察人员可以%(verb)s投诉。") % {"verb": verb}, code="complaint_forbidden")


def _assign(actor: Any, complaint: Complaint, department: Department) -> None:
    """Hand the complaint to `department`; the reply timer starts (or, on reassignment, moves with it)."""
    if complaint.state == ComplaintState.RECEIVED:
        timers.start(complaint, kinds.COMPLAINT_REPLY, timers.complaint_reply_days(), department=department)
    else:
        timers.reassign_all(complaint, department)
    complaint.department = department
    complaint.assigned_at, complaint.assigned_by = time.now(), _user(actor)


@atomic_audited
def complaint_assign(*, actor: Any, complaint: Complaint, department: Department, expected_revision: int | None = None) -> Complaint:
    """分派: a supervisor hands the complaint to a department of its region (or, while it is handled, to another)."""
    _require_supervisor(actor, _lock(complaint), _("分派"))
    locked, target = _begin(complaint, CA.ASSIGN, expected_revision)
    if not department.is_active or not locked.region.contains(department.region):
        message = _("承办部门应为本区划内在用的部门。")
        raise InvalidInput(message, code="complaint_department_outside", details={"department": [message]})
    if locked.department_id == department.pk:
        message = _("该投诉已由该部门办理。")
        raise InvalidInput(message, code="complaint_same_department", details={"department": [message]})
    before = audit_snapshot(locked, SNAPSHOT_FIELDS)
    _assign(actor, locked, department)
    return _finish(actor, locked, CA.ASSIGN, target, before)


@atomic_audited
def complaint_reject(*, actor: Any, complaint: Complaint, reason: str, expected_revision: int | None = None) -> Complaint:
    """不予受理: not a complaint the platform handles (no facts, not about public service, a duplicate …), with a reason."""
    _require_supervisor(actor, _lock(complaint), _("处理"))
    locked, target = _begin(complaint, CA.REJECT, expected_revision)
    reason = clean_text(reason, field="reason", label=_("不予受理理由"), code="complaint_reason_required")
    before = audit_snapshot(locked, SNAPSHOT_FIELDS)
    locked.reject_reason, locked.closed_at = reason, time.now()
    _finish(actor, locked, CA.REJECT, target, before)
    notices.notify_complaint_rejected(locked)
    return locked


@atomic_audited
def complaint_reply(*, actor: Any, complaint: Complaint, reply: str, expected_revision: int | None = None) -> Complaint:
    """答复: the assigned department answers; the reply timer is met and the complainant told."""
    locked, target = _begin(complaint, CA.REPLY, expected_revision)
    if not permissions.may_reply_complaint(actor, locked):
        raise Forbidden(_("只有承办部门的部门管理员或首席代表可以答复该投诉。"), code="complaint_reply_forbidden")
    reply = clean_text(reply, field="reply", label=_("答复内容"), code="complaint_reply_required")
    before = audit_snapshot(locked, SNAPSHOT_FIELDS)
    if locked.reply:
        earlier = {"at": locked.replied_at.isoformat() if locked.replied_at else "", "reply": locked.reply}
        locked.earlier_replies = [*locked.earlier_replies, earlier]
    locked.reply, locked.replied_at, locked.replied_by = reply, time.now(), _user(actor)
    timers.meet(locked, kinds.COMPLAINT_REPLY)
    _finish(actor, locked, CA.REPLY, target, before)
    notices.notify_complaint_replied(locked)
    return locked


def _is_complainant(actor: Any, complaint: Complaint, query_code: str | None) -> bool:
    user = _user(actor)
    if user is not None and complaint.complainant_id == user.pk:
        return True
    return codes_match(complaint.query_code, query_code)


@atomic_audited
def complaint_feedback(*, actor: Any, complaint: Complaint, satisfied: bool, comment: str = "", query_code: str | None = None) -> Complaint:
    """The complainant rates the reply: satisfied closes it; unsatisfied sends it back to the department once
    (a new reply period), and closes it after that."""
    locked = _lock(complaint)
    if not _is_complainant(actor, locked, query_code):
        raise Forbidden(_("只有投诉人可以评价答复。"), code="complaint_feedback_forbidden")
    if not isinstance(satisfied, bool):
        message = _("请选择对答复是否满意。")
        raise InvalidInput(message, code="complaint_satisfaction_required", details={"satisfied": [message]})
    action = CA.REOPEN if not satisfied and locked.may_reopen else CA.CLOSE
    locked, target = _begin(complaint, action, None)
    comment = clean_text(comment, field="comment", label=_("评价意见"), code="complaint_comment_invalid", required=False)
    before = audit_snapshot(locked, SNAPSHOT_FIELDS)
    locked.satisfaction = Satisfaction.SATISFIED if satisfied else Satisfaction.UNSATISFIED
    locked.feedback_comment, locked.feedback_at = comment, time.now()
    if action == CA.REOPEN:
        locked.reopen_count += 1
        assert locked.department is not None
        timers.start(locked, kinds.COMPLAINT_REPLY, timers.complaint_reply_days(), department=locked.department)
    else:
        locked.closed_at = locked.feedback_at
    return _finish(actor, locked, action, target, before)


@atomic_audited
def complaint_close(*, actor: Any, complaint: Complaint, expected_revision: int | None = None) -> Complaint:
    """办结 a replied complaint whose complainant gave no feedback (a supervisor)."""
    _require_supervisor(actor, _lock(complaint), _("办结"))
    locked, target = _begin(complaint, CA.CLOSE, expected_revision)
    before = audit_snapshot(locked, SNAPSHOT_FIELDS)
    locked.closed_at = time.now()
    return _finish(actor, locked, CA.CLOSE, target, before)
