"""Writes of electronic supervision: cards issued and cleared as timers move, supervision orders.

Cards are issued by the deadline scan (a page of events at once: `cards_on_warning`,
`cards_on_overdue`, registered in `SupervisionConfig.ready`) and cleared by the deadlines services
when a timer is met, cancelled or moved (`cards_on_deadline_change`). A red card of an agency's
timer opens a supervision order (督办, `policy.ORDER_KINDS`); supervisors may open one by hand on a
card or a case. Orders answer within `SUPERVISION_ORDER_REPLY_DAYS` working days.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils.translation import gettext as _

from onewindow.accounts.choices import Role
from onewindow.accounts.models import RoleAssignment
from onewindow.audit.services import atomic_audited, audit_deferred, audit_record
from onewindow.common import time
from onewindow.common.errors import Conflict, Forbidden, InvalidInput
from onewindow.deadlines import kinds
from onewindow.deadlines.choices import DeadlineColor, DeadlineState
from onewindow.deadlines.models import Deadline, subject_key
from onewindow.deadlines.services import deadline_cancel, deadline_meet, deadline_schedule, deadlines_start_many
from onewindow.notifications.services import notifications_queue_many
from onewindow.orgs.models import Department
from onewindow.supervision import permissions, policy, subjects
from onewindow.supervision.choices import CardColor, ClearReason, OrderAction, next_status
from onewindow.supervision.models import OPEN_CARD, Card, OrderNumberSequence, SupervisionOrder

A = OrderAction
LEADER_ROLES = (Role.DEPARTMENT_ADMIN, Role.CHIEF_REPRESENTATIVE)
ORDER_FIELDS = ["status", "reply", "replied_at", "closed_at", "closing_note", "reply_due_on", "revision"]


# ---- cards --------------------------------------------------------------------------------------


def cards_on_warning(deadlines: list[Deadline], today: dt.date) -> None:
    """The scan's batch handler: the timers entering their warning window get a yellow card."""
    _issue(deadlines, CardColor.YELLOW, today)


def cards_on_overdue(deadlines: list[Deadline], today: dt.date) -> None:
    """The scan's batch handler: overdue timers get a red card (their yellow one turns red), and a red
    card of an agency's timer opens a supervision order."""
    _issue(deadlines, CardColor.RED, today)


def _issue(deadlines: list[Deadline], color: str, today: dt.date) -> list[Card]:
    rows = [d for d in deadlines if policy.has_cards(d.kind)]
    if not rows:
        return []
    already = set(Card.objects.filter(OPEN_CARD, deadline_id__in=[d.pk for d in rows], color=color).values_list("deadline_id", flat=True))
    rows = [d for d in rows if d.pk not in already]
    if not rows:
        return []
    now = time.now()
    regions = _region_codes({d.department_id for d in rows if d.department_id})
    escalated: list[tuple[Card, dict[str, Any]]] = []
    if color == CardColor.RED:
        for yellow in Card.objects.filter(OPEN_CARD, deadline_id__in=[d.pk for d in rows], color=CardColor.YELLOW):
            before = _card_snapshot(yellow)
            yellow.cleared_at, yellow.clear_reason = now, ClearReason.ESCALATED
            escalated.append((yellow, before))
        if escalated:
            Card.objects.filter(pk__in=[c.pk for c, _before in escalated]).update(cleared_at=now, clear_reason=ClearReason.ESCALATED)
    cards = Card.objects.bulk_create(
        [
            Card(
                deadline_id=d.pk,
                color=color,
                kind=d.kind,
                subject_type=d.subject_type,
                subject_id=d.subject_id,
                department_id=d.department_id,
                handler_id=d.handler_id,
                region_code=regions.get(d.department_id, "") if d.department_id else "",
                due_on=d.due_on,
                issued_on=today,
                issued_at=now,
            )
            for d in rows
        ]
    )
    with audit_deferred():
        for yellow, before in escalated:
            audit_record(actor=None, action="supervision.card.update", obj=yellow, before=before, after=_card_snapshot(yellow))
        for card in cards:
            audit_record(actor=None, action="supervision.card.issue", obj=card, after=_card_snapshot(card))
        ordered = [c for c in cards if color == CardColor.RED and c.department_id and policy.opens_order(c.kind)]
        orders = _open_orders(ordered, actor=None, reason=None) if ordered else []
    _notify_cards(cards, orders)
    return cards


def _card_snapshot(card: Card) -> dict[str, Any]:
    return {
        "color": card.color,
        "deadline_id": card.deadline_id,
        "kind": card.kind,
        "subject": f"{card.subject_type}#{card.subject_id}",
        "department_id": card.department_id,
        "handler_id": card.handler_id,
        "due_on": card.due_on,
        "cleared_at": card.cleared_at,
        "clear_reason": card.clear_reason,
    }


def _region_codes(department_ids: set[int]) -> dict[int, str]:
    return dict(Department.objects.filter(pk__in=department_ids).values_list("pk", "region__code"))


def cards_on_deadline_change(deadline: Deadline, verb: str) -> None:
    """The deadlines services' listener: clear the timer's open cards it no longer earns, and let its
    open cards follow a reassignment."""
    cards = list(Card.objects.filter(OPEN_CARD, deadline_id=deadline.pk))
    if not cards:
        return
    today = time.today()
    now, color = time.now(), deadline.color(today)
    back_to_yellow = False
    for card in cards:
        before = _card_snapshot(card)
        reason = _clear_reason(card, deadline, color)
        if reason:
            card.cleared_at, card.clear_reason = now, reason
            # Extended or resumed from red into its warning window: the timer is yellow again, and the
            # scan, which warns once per timer, will not say so.
            back_to_yellow = back_to_yellow or (card.color == CardColor.RED and color == DeadlineColor.YELLOW)
        if verb == "reassign":
            card.department_id, card.handler_id = deadline.department_id, deadline.handler_id
            card.region_code = _region_codes({deadline.department_id}).get(deadline.department_id, "") if deadline.department_id else ""
        if _card_snapshot(card) != before:
            card.save(update_fields=["cleared_at", "clear_reason", "department", "handler", "region_code"])
            audit_record(actor=None, action="supervision.card.update", obj=card, before=before, after=_card_snapshot(card))
    if back_to_yellow:
        _issue([deadline], CardColor.YELLOW, today)


def _clear_reason(card: Card, deadline: Deadline, color: str) -> str:
    if deadline.state == DeadlineState.MET:
        return ClearReason.MET_LATE if card.color == CardColor.RED else ClearReason.MET
    if deadline.state == DeadlineState.CANCELLED:
        return ClearReason.CANCELLED
    if card.color == CardColor.RED and color != DeadlineColor.RED:
        return ClearReason.RESCHEDULED
    if card.color == CardColor.YELLOW and color == DeadlineColor.GREEN:
        return ClearReason.RESCHEDULED
    return ""


def _notify_cards(cards: list[Card], orders: list[SupervisionOrder]) -> None:
    """Each card to its handler; red cards and new orders also to the department's leaders (site messages)."""
    described = subjects.describe((c.subject_type, c.subject_id) for c in cards)
    leaders = _leaders({c.department_id for c in cards if c.department_id and c.color == CardColor.RED})
    by_card = {o.card_id: o for o in orders}
    messages = []
    for card in cards:
        subject = described[(card.subject_type, card.subject_id)]
        kind = kinds.get_kind(card.kind).label
        if card.color == CardColor.YELLOW:
            title = _("黄牌预警:%(kind)s即将到期") % {"kind": kind}
            body = _("%(subject)s的%(kind)s将于%(due)s到期,请抓紧办理。") % {"subject": subject.label, "kind": kind, "due": card.due_on}
        else:
            title = _("红牌:%(kind)s已超时") % {"kind": kind}
            body = _("%(subject)s的%(kind)s已于%(due)s到期未办结。") % {"subject": subject.label, "kind": kind, "due": card.due_on}
            order = by_card.get(card.pk)
            if order is not None:
                body += _("已发起督办(%(number)s),请于%(due)s前答复。") % {"number": order.number, "due": order.reply_due_on}
        recipients = {card.handler_id} if card.handler_id else set()
        if card.color == CardColor.RED:
            recipients |= leaders.get(card.department_id or 0, set())
        link = subject.url if card.color == CardColor.YELLOW or card.pk not in by_card else _order_url(by_card[card.pk])
        messages += [
            {"recipient": _user(pk), "title": title, "body": body, "link": link, "subject": card, "channels": ["site"]}
            for pk in sorted(recipients)
        ]
    if messages:
        notifications_queue_many(messages)


def _site_message(user_pk: int, title: str, body: str, link: str, subject: Any) -> dict[str, Any]:
    return {"recipient": _user(user_pk), "title": title, "body": body, "link": link, "subject": subject, "channels": ["site"]}


def _leaders(department_ids: set[int]) -> dict[int, set[int]]:
    leaders: dict[int, set[int]] = defaultdict(set)
    rows = RoleAssignment.objects.filter(department_id__in=department_ids, role__in=LEADER_ROLES, user__is_active=True)
    for department_id, user_id in rows.values_list("department_id", "user_id"):
        leaders[department_id].add(user_id)
    return leaders


def _user(pk: int) -> Any:
    from onewindow.accounts.models import User

    user = User(pk=pk)
    user._state.adding = False
    return user


def _order_url(order: SupervisionOrder) -> str:
    from django.urls import reverse

    return reverse("supervision:order", args=[order.number])


# ---- supervision orders -------------------------------------------------------------------------


def _open_orders(cards: list[Card], *, actor: Any, reason: str | None) -> list[SupervisionOrder]:
    """Orders on red cards (one each), with their reply timers, in one insert each."""
    now = time.now()
    days = settings.SUPERVISION_ORDER_REPLY_DAYS
    reply_due = deadline_schedule(kinds.get_kind(kinds.SUPERVISION_ORDER_REPLY), time.local_date(now), days).due_on
    described = subjects.describe((c.subject_type, c.subject_id) for c in cards)
    numbers = _next_numbers(len(cards))
    orders = SupervisionOrder.objects.bulk_create(
        [
            SupervisionOrder(
                number=number,
                card=card,
                kind=card.kind,
                subject_type=card.subject_type,
                subject_id=card.subject_id,
                department_id=card.department_id,  # type: ignore[misc]  # cards without a department get no order
                region_code=card.region_code,
                reason=reason or _auto_reason(card, described[(card.subject_type, card.subject_id)]),
                opened_at=now,
                opened_by=actor if getattr(actor, "is_authenticated", False) else None,
                reply_due_on=reply_due,
            )
            for number, card in zip(numbers, cards, strict=True)
        ]
    )
    deadlines_start_many(
        actor=actor,
        subjects=orders,
        kind=kinds.SUPERVISION_ORDER_REPLY,
        start=now,
        days=days,
        department_ids=[o.department_id for o in orders],
    )
    for order in orders:
        audit_record(actor=actor, action="supervision.order.open", obj=order, after=_order_snapshot(order))
    return orders


def _auto_reason(card: Card, subject: subjects.Subject) -> str:
    return _("%(subject)s的%(kind)s已于%(due)s到期未办结,亮红牌并督办:请说明超时原因、整改措施和办结时间。") % {
        "subject": subject.label,
        "kind": kinds.get_kind(card.kind).label,
        "due": card.due_on,
    }


def _next_numbers(count: int) -> list[str]:
    """`count` order numbers of today: DB, the date, a five-digit sequence (unique under concurrency)."""
    today = time.today()
    table = OrderNumberSequence._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (day, last) VALUES (%s, %s) ON CONFLICT (day) DO UPDATE SET last = {table}.last + %s RETURNING last",
            [today, count, count],
        )
        last = cursor.fetchone()[0]
    return [f"DB{today:%Y%m%d}{n:05d}" for n in range(last - count + 1, last + 1)]


def _order_snapshot(order: SupervisionOrder) -> dict[str, Any]:
    return {field: getattr(order, field) for field in ORDER_FIELDS} | {"number": order.number, "department_id": order.department_id}


@atomic_audited
def order_open(*, actor: Any, reason: str, card: Card | None = None, case: Any = None) -> SupervisionOrder:
    """A supervisor orders the department to answer for a card (one order per card) or a case."""
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(_("请填写督办事由。"), code="reason_required")
    if (card is None) == (case is None):
        raise InvalidInput(_("督办须针对一张黄红牌或一个办件。"), code="order_subject_invalid")
    if card is not None:
        card = Card.objects.select_for_update().get(pk=card.pk)
        if not card.department_id:
            raise InvalidInput(_("该期限没有责任部门,不能督办。"), code="order_department_missing")
        if not permissions.may_open_orders(actor, card.region_code):
            raise Forbidden(_("只有本地区的电子监察人员可以发起督办。"), code="order_forbidden")
        if SupervisionOrder.objects.filter(card=card).exists():
            raise Conflict(_("该黄红牌已有督办单。"), code="order_exists")
        order = _open_orders([card], actor=actor, reason=reason)[0]
        _notify_department(order, _("督办:%(number)s") % {"number": order.number}, order.reason)
        return order
    return _open_on_case(actor, case, reason)


def _open_on_case(actor: Any, case: Any, reason: str) -> SupervisionOrder:
    if not permissions.may_open_orders(actor, case.region_code):
        raise Forbidden(_("只有本地区的电子监察人员可以发起督办。"), code="order_forbidden")
    subject_type, subject_id = subject_key(case)
    # Two supervisors (or one double click) opening an order on the case at once: the second waits
    # here for the first to commit, then finds its order.
    list(type(case).objects.select_for_update().filter(pk=case.pk).values_list("pk", flat=True))
    if SupervisionOrder.objects.open().filter(subject_type=subject_type, subject_id=subject_id, card__isnull=True).exists():
        raise Conflict(_("该办件已有未办结的督办单。"), code="order_exists")
    now = time.now()
    days = settings.SUPERVISION_ORDER_REPLY_DAYS
    order = SupervisionOrder.objects.create(
        number=_next_numbers(1)[0],
        subject_type=subject_type,
        subject_id=subject_id,
        department_id=case.department_id,
        region_code=case.region_code,
        reason=reason,
        opened_at=now,
        opened_by=actor,
        reply_due_on=deadline_schedule(kinds.get_kind(kinds.SUPERVISION_ORDER_REPLY), time.local_date(now), days).due_on,
    )
    deadlines_start_many(
        actor=actor, subjects=[order], kind=kinds.SUPERVISION_ORDER_REPLY, start=now, days=days, department_ids=[order.department_id]
    )
    audit_record(actor=actor, action="supervision.order.open", obj=order, after=_order_snapshot(order))
    _notify_department(order, _("督办:%(number)s") % {"number": order.number}, order.reason)
    return order


def _begin(actor: Any, order: SupervisionOrder, action: str, expected_revision: int | None) -> tuple[SupervisionOrder, str]:
    locked = SupervisionOrder.objects.select_for_update(of=("self",)).select_related("department").get(pk=order.pk)
    permissions.require(actor, locked, action)
    if expected_revision is not None and locked.revision != expected_revision:
        raise Conflict(
            _("该督办单已被他人处理(当前状态:%(status)s),请刷新后重试。") % {"status": locked.get_status_display()},
            code="order_stale",
            details={"status": locked.status, "revision": locked.revision},
        )
    target = next_status(locked.status, action)
    if target is None:
        raise Conflict(
            _("督办单当前状态为“%(status)s”,不能%(action)s。")
            % {"status": locked.get_status_display(), "action": OrderAction(action).label},
            code="order_transition_forbidden",
            details={"status": locked.status, "action": action},
        )
    return locked, target


def _finish(actor: Any, order: SupervisionOrder, action: str, target: str, before: dict[str, Any]) -> SupervisionOrder:
    order.status = target
    order.revision += 1
    order.save()
    audit_record(actor=actor, action=f"supervision.order.{action}", obj=order, before=before, after=_order_snapshot(order))
    return order


def _reply_timer(order: SupervisionOrder) -> Deadline | None:
    subject_type, subject_id = subject_key(order)
    return (
        Deadline.objects.filter(
            subject_type=subject_type, subject_id=subject_id, kind=kinds.SUPERVISION_ORDER_REPLY, state=DeadlineState.RUNNING
        )
        .order_by("-id")
        .first()
    )


@atomic_audited
def order_reply(*, actor: Any, order: SupervisionOrder, reply: str, expected_revision: int | None = None) -> SupervisionOrder:
    """The department answers: why it was late, what it did about it, when the matter ends."""
    reply = (reply or "").strip()
    if not reply:
        raise InvalidInput(_("请填写答复内容。"), code="reply_required")
    locked, target = _begin(actor, order, A.REPLY, expected_revision)
    before = _order_snapshot(locked)
    locked.reply, locked.replied_at, locked.replied_by = reply, time.now(), actor
    timer = _reply_timer(locked)
    if timer is not None:
        deadline_meet(actor=actor, deadline=timer, at=locked.replied_at)
    _finish(actor, locked, A.REPLY, target, before)
    _notify_supervisors(locked)
    return locked


@atomic_audited
def order_return(*, actor: Any, order: SupervisionOrder, comment: str, expected_revision: int | None = None) -> SupervisionOrder:
    """The supervisor finds the answer wanting: the department answers again within a new period."""
    comment = (comment or "").strip()
    if not comment:
        raise InvalidInput(_("请填写退回意见。"), code="comment_required")
    locked, target = _begin(actor, order, A.RETURN, expected_revision)
    before = _order_snapshot(locked)
    now = time.now()
    days = settings.SUPERVISION_ORDER_REPLY_DAYS
    started = deadlines_start_many(
        actor=actor, subjects=[locked], kind=kinds.SUPERVISION_ORDER_REPLY, start=now, days=days, department_ids=[locked.department_id]
    )
    locked.reply_due_on = started[0].due_on
    locked.closing_note = comment
    _finish(actor, locked, A.RETURN, target, before)
    _notify_department(locked, _("督办答复被退回:%(number)s") % {"number": locked.number}, comment)
    return locked


@atomic_audited
def order_close(*, actor: Any, order: SupervisionOrder, note: str = "", expected_revision: int | None = None) -> SupervisionOrder:
    """The supervisor accepts the answer and closes the order."""
    locked, target = _begin(actor, order, A.CLOSE, expected_revision)
    before = _order_snapshot(locked)
    locked.closed_at, locked.closed_by, locked.closing_note = time.now(), actor, (note or "").strip()
    _finish(actor, locked, A.CLOSE, target, before)
    _notify_department(locked, _("督办已办结:%(number)s") % {"number": locked.number}, locked.closing_note or _("督办已办结。"))
    return locked


@atomic_audited
def order_withdraw(*, actor: Any, order: SupervisionOrder, reason: str, expected_revision: int | None = None) -> SupervisionOrder:
    """The supervisor withdraws an order opened by mistake (e.g. the delay was lawful)."""
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(_("请填写撤销理由。"), code="reason_required")
    locked, target = _begin(actor, order, A.WITHDRAW, expected_revision)
    before = _order_snapshot(locked)
    locked.closed_at, locked.closed_by, locked.closing_note = time.now(), actor, reason
    timer = _reply_timer(locked)
    if timer is not None:
        deadline_cancel(actor=actor, deadline=timer, reason=reason)
    _finish(actor, locked, A.WITHDRAW, target, before)
    _notify_department(locked, _("督办已撤销:%(number)s") % {"number": locked.number}, reason)
    return locked


def _notify_department(order: SupervisionOrder, title: str, body: str) -> None:
    leaders = _leaders({order.department_id}).get(order.department_id, set())
    link = _order_url(order)
    notifications_queue_many(
        [
            {"recipient": _user(pk), "title": title, "body": body, "link": link, "subject": order, "channels": ["site"]}
            for pk in sorted(leaders)
        ]
    )


def _notify_supervisors(order: SupervisionOrder) -> None:
    """The order's opener, or else the supervisors of its region, learn that the department answered."""
    if order.opened_by_id:
        recipients = {order.opened_by_id}
    else:
        assignments = RoleAssignment.objects.filter(role=Role.SUPERVISOR, user__is_active=True, region__isnull=False).select_related(
            "region"
        )
        recipients = {a.user_id for a in assignments if a.region is not None and order.region_code.startswith(a.region.prefix)}
    title = _("督办已答复:%(number)s") % {"number": order.number}
    notifications_queue_many([_site_message(pk, title, order.reply, _order_url(order), order) for pk in sorted(recipients)])
