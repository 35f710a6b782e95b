"""The handling of a bad review (差评整改, 国办发〔2019〕51号): follow-up within 1 working day, rectification
and the reply to the rater within `RATING_RECTIFICATION_DAYS`, the rater's revisit; or the department's
appeal (申诉复核), which a supervisor upholds (the handling goes on where it stopped) or voids (the review
no longer counts; its timers are cancelled).

Every service locks the row, checks the transition table, the actor's right and the revision the
actor's page showed, then writes the change, its timers and one audit event in one transaction.
While an appeal waits for the supervisor, the timers stand still: the department is not late for
the time the supervisor takes.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from onewindow.audit.services import atomic_audited, audit_record, audit_snapshot
from onewindow.common import time
from onewindow.common.errors import Conflict, Forbidden, InvalidInput
from onewindow.deadlines import kinds
from onewindow.ratings import links, notices, permissions
from onewindow.ratings.choices import AppealDecision, RectificationAction, next_rectification_state
from onewindow.ratings.models import Rectification
from onewindow.ratings.services import timers

RA = RectificationAction
MAX_TEXT = 2000
SNAPSHOT_FIELDS = ["state", "state_before_appeal", "due_on", "warn_on", "revision", "revisit_satisfied", "appeal_decision"]


def clean_text(value: str, *, field: str, label: str, code: str, required: bool = True) -> str:
    text = (value or "").strip()
    if required and not text:
        message = _("请填写%(label)s。") % {"label": label}
        raise InvalidInput(message, code=code, details={field: [message]})
    if len(text) > MAX_TEXT:
        message = _("%(label)s不能超过%(n)d字。") % {"label": label, "n": MAX_TEXT}
        raise InvalidInput(message, code=code, details={field: [message]})
    return text


def _lock(rectification: Rectification) -> Rectification:
    return (
        Rectification.objects.select_for_update(of=("self",))
        .select_related("rating__case", "rating__rater", "rating__department", "department__region")
        .get(pk=rectification.pk)
    )


def _begin(
    *, actor: Any, rectification: Rectification, action: str, expected_revision: int | None, allowed: bool = False
) -> tuple[Rectification, str]:
    """Lock the row and check that `action` may happen now: the actor (unless `allowed`), the revision seen, the table."""
    locked = _lock(rectification)
    if not allowed:
        permissions.require_rectification(actor, locked, action)
    if expected_revision is not None and locked.revision != expected_revision:
        raise Conflict(
            _("该差评已被他人处理(当前状态:%(state)s),请刷新后重试。") % {"state": locked.get_state_display()},
            code="rectification_stale",
            details={"state": locked.state, "revision": locked.revision},
        )
    target = next_rectification_state(locked.state, action, before_appeal=locked.state_before_appeal)
    if target is None:
        raise Conflict(
            _("差评整改当前为“%(state)s”,不能%(action)s。") % {"state": locked.get_state_display(), "action": RA(action).label},
            code="rectification_transition_forbidden",
            details={"state": locked.state, "action": action},
        )
    return locked, target


def _finish(*, actor: Any, rectification: Rectification, action: str, target: str, before: dict[str, Any]) -> Rectification:
    rectification.state = target
    rectification.revision += 1
    rectification.updated_at = time.now()
    timers.sync_dates(rectification)
    rectification.save()
    after = audit_snapshot(rectification, SNAPSHOT_FIELDS)
    audit_record(actor=actor, action=f"ratings.rectification.{action}", obj=rectification, before=before, after=after)
    return rectification


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


@atomic_audited
def rectification_follow_up(*, actor: Any, rectification: Rectification, note: str, expected_revision: int | None = None) -> Rectification:
    """回访核实: the department contacted the rater and recorded what it found (within 1 working day)."""
    locked, target = _begin(actor=actor, rectification=rectification, action=RA.FOLLOW_UP, expected_revision=expected_revision)
    note = clean_text(note, field="note", label=_("回访核实情况"), code="follow_up_note_required")
    before = audit_snapshot(locked, SNAPSHOT_FIELDS)
    locked.follow_up_at, locked.follow_up_note, locked.follow_up_by = time.now(), note, _user(actor)
    timers.meet(locked, kinds.RATING_FOLLOW_UP)
    _finish(actor=actor, rectification=locked, action=RA.FOLLOW_UP, target=target, before=before)
    notices.notify_followed_up(locked)
    return locked


@atomic_audited
def rectification_rectify(*, actor: Any, rectification: Rectification, note: str, expected_revision: int | None = None) -> Rectification:
    """整改: what the department changed; the rectification timer runs on until the rater is answered."""
    locked, target = _begin(actor=actor, rectification=rectification, action=RA.RECTIFY, expected_revision=expected_revision)
    note = clean_text(note, field="note", label=_("整改措施"), code="rectification_note_required")
    before = audit_snapshot(locked, SNAPSHOT_FIELDS)
    locked.rectified_at, locked.rectification_note, locked.rectified_by = time.now(), note, _user(actor)
    return _finish(actor=actor, rectification=locked, action=RA.RECTIFY, target=target, before=before)


@atomic_audited
def rectification_reply(*, actor: Any, rectification: Rectification, reply: str, expected_revision: int | None = None) -> Rectification:
    """答复: the rater is told what was done (整改到位并反馈评价人); the rectification timer is met."""
    locked, target = _begin(actor=actor, rectification=rectification, action=RA.REPLY, expected_revision=expected_revision)
    reply = clean_text(reply, field="reply", label=_("答复内容"), code="reply_required")
    before = audit_snapshot(locked, SNAPSHOT_FIELDS)
    locked.replied_at, locked.reply, locked.replied_by = time.now(), reply, _user(actor)
    timers.meet(locked, kinds.RATING_RECTIFICATION)
    _finish(actor=actor, rectification=locked, action=RA.REPLY, target=target, before=before)
    notices.notify_replied(locked)
    return locked


@atomic_audited
def rectification_revisit(
    *,
    actor: Any,
    rectification: Rectification,
    satisfied: bool,
    comment: str = "",
    link_token: str | None = None,
    expected_revision: int | None = None,
) -> Rectification:
    """复评: the rater says whether the rectification satisfies them (themself, through the signed link, or to a
    supervisor who called them back); the handling ends either way."""
    case = rectification.rating.case
    by_link = case is not None and links.token_names(link_token, case)
    if by_link and getattr(actor, "is_authenticated", False) and permissions.is_case_staff(actor, case):
        raise Forbidden(_("被评价部门的工作人员不能代评价人复评。"), code="revisit_forbidden")
    locked, target = _begin(
        actor=actor, rectification=rectification, action=RA.REVISIT, expected_revision=expected_revision, allowed=by_link
    )
    if not isinstance(satisfied, bool):
        raise InvalidInput(
            _("请选择对整改是否满意。"), code="revisit_satisfied_required", details={"satisfied": [_("请选择对整改是否满意。")]}
        )
    comment = clean_text(comment, field="comment", label=_("复评意见"), code="revisit_comment_invalid", required=False)
    before = audit_snapshot(locked, SNAPSHOT_FIELDS)
    locked.revisited_at, locked.revisit_satisfied, locked.revisit_comment = time.now(), satisfied, comment
    locked.revisited_by = _user(actor)
    return _finish(actor=actor, rectification=locked, action=RA.REVISIT, target=target, before=before)


@atomic_audited
def rectification_appeal(*, actor: Any, rectification: Rectification, reason: str, expected_revision: int | None = None) -> Rectification:
    """申诉: the department holds the review malicious or mistaken; a supervisor decides. Once per review,
    before the rater is answered; the timers stand still meanwhile."""
    locked, target = _begin(actor=actor, rectification=rectification, action=RA.APPEAL, expected_revision=expected_revision)
    if not locked.may_appeal_again:
        raise Conflict(_("该差评已申诉并经复核,不能再次申诉。"), code="appeal_already_decided")
    reason = clean_text(reason, field="reason", label=_("申诉理由"), code="appeal_reason_required")
    before = audit_snapshot(locked, SNAPSHOT_FIELDS)
    locked.state_before_appeal = locked.state
    locked.appeal_reason, locked.appealed_at, locked.appealed_by = reason, time.now(), _user(actor)
    timers.pause_all(locked, _("差评申诉复核中"))
    return _finish(actor=actor, rectification=locked, action=RA.APPEAL, target=target, before=before)


@atomic_audited
def rectification_decide_appeal(
    *, actor: Any, rectification: Rectification, decision: str, opinion: str, expected_revision: int | None = None
) -> Rectification:
    """复核: a supervisor upholds the review (the handling goes on where it stopped, its timers run again) or
    voids it (it stays on record with the reason, no longer counts, and its timers are cancelled)."""
    if decision not in AppealDecision.values:
        raise InvalidInput(_("请选择复核结论。"), code="appeal_decision_invalid", details={"decision": [_("请选择复核结论。")]})
    action = RA.UPHOLD if decision == AppealDecision.UPHELD else RA.VOID
    locked, target = _begin(actor=actor, rectification=rectification, action=action, expected_revision=expected_revision)
    opinion = clean_text(opinion, field="opinion", label=_("复核意见"), code="appeal_opinion_required")
    before = audit_snapshot(locked, SNAPSHOT_FIELDS)
    now = time.now()
    locked.appeal_decision, locked.appeal_opinion = decision, opinion
    locked.appeal_decided_at, locked.appeal_decided_by = now, _user(actor)
    if action == RA.UPHOLD:
        timers.resume_all(locked)
    else:
        timers.cancel_all(locked, _("差评经申诉复核作废"))
        _void_rating(actor, locked, opinion, now)
    return _finish(actor=actor, rectification=locked, action=action, target=target, before=before)


def _void_rating(actor: Any, rectification: Rectification, reason: str, at: Any) -> None:
    rating = rectification.rating
    fields = ["voided_at", "void_reason", "voided_by"]
    before = audit_snapshot(rating, fields)
    rating.voided_at, rating.void_reason, rating.voided_by = at, reason, _user(actor)
    rating.save(update_fields=fields)
    audit_record(actor=actor, action="ratings.rating.void", obj=rating, before=before, after=audit_snapshot(rating, fields))
