"""Cards appear as the clock passes and clear as timers move; red cards of agency timers open orders."""

import datetime as dt

import pytest
import time_machine

from onewindow.audit.chain import chain_verify
from onewindow.audit.models import AuditEvent
from onewindow.cases import services as cases
from onewindow.deadlines import kinds
from onewindow.deadlines.choices import DeadlineState
from onewindow.deadlines.models import Deadline
from onewindow.deadlines.services import deadline_cancel, deadline_extend, deadline_meet, deadline_reassign, deadline_start
from onewindow.notifications.models import Notification
from onewindow.supervision.choices import CardColor, ClearReason, OrderStatus
from onewindow.supervision.models import Card, SupervisionOrder
from onewindow.supervision.tests.support import at, scan, submitted_on, timer

pytestmark = pytest.mark.django_db

YELLOW, RED = CardColor.YELLOW, CardColor.RED


def open_cards(deadline):
    return list(Card.objects.filter(deadline=deadline, cleared_at__isnull=True).values_list("color", flat=True))


def test_a_timer_turns_yellow_then_red_and_the_red_card_opens_an_order(county, item):
    case = submitted_on(county, item, "2026-09-28")
    acceptance = timer(case)

    scan(acceptance.warn_on - dt.timedelta(days=1))
    assert not Card.objects.exists()
    scan(acceptance.warn_on)
    yellow = Card.objects.get()
    assert (yellow.color, yellow.kind, yellow.department, yellow.region_code, yellow.due_on) == (
        YELLOW,
        kinds.CASE_ACCEPTANCE,
        county.department,
        county.region.code,
        acceptance.due_on,
    )
    assert (yellow.subject_type, yellow.subject_id, yellow.issued_on) == ("cases.case", str(case.pk), acceptance.warn_on)
    assert not SupervisionOrder.objects.exists()

    scan(acceptance.due_on + dt.timedelta(days=1))

    yellow.refresh_from_db()
    assert (yellow.cleared_at is not None, yellow.clear_reason) == (True, ClearReason.ESCALATED)
    red = Card.objects.get(color=RED)
    order = SupervisionOrder.objects.get()
    assert (order.card, order.department, order.status, order.kind) == (red, county.department, OrderStatus.OPEN, kinds.CASE_ACCEPTANCE)
    assert case.number in order.reason and order.number.startswith("DB")
    reply_timer = Deadline.objects.get(subject_type="supervision.supervisionorder", subject_id=str(order.pk))
    assert (reply_timer.kind, reply_timer.due_on, reply_timer.department) == (
        kinds.SUPERVISION_ORDER_REPLY,
        order.reply_due_on,
        county.department,
    )
    # The acceptance timer ran out: the case was deemed accepted and the red card cleared as met late.
    red.refresh_from_db()
    assert (red.clear_reason, timer(case).state) == (ClearReason.MET_LATE, DeadlineState.MET)
    issued = AuditEvent.objects.filter(action="supervision.card.issue", object_id__in=[str(yellow.pk), str(red.pk)])
    assert issued.count() == 2
    assert AuditEvent.objects.filter(action="supervision.order.open", object_id=str(order.pk)).exists()
    assert chain_verify().ok


def test_a_second_scan_issues_nothing_new(county, item):
    case = submitted_on(county, item, "2026-09-28")
    day = timer(case).warn_on
    scan(day)
    scan(day)
    assert Card.objects.count() == 1


def test_meeting_the_timer_in_time_clears_the_yellow_card_as_met(county, item):
    case = submitted_on(county, item, "2026-09-28")
    scan(timer(case).warn_on)

    with time_machine.travel(at(timer(case).warn_on, 10), tick=False):
        cases.case_accept(actor=county.clerk, case=case)

    card = Card.objects.get()
    assert (card.clear_reason, card.cleared_at is not None) == (ClearReason.MET, True)
    assert AuditEvent.objects.filter(action="supervision.card.update", object_id=str(card.pk)).count() == 1


def test_cancelling_extending_and_reassigning_move_the_cards(county, item):
    with time_machine.travel(at("2026-06-01"), tick=False):
        first = deadline_start(
            actor=None, subject=item, kind=kinds.CASE_STAGE, start=at("2026-06-01"), days=5, department=county.department
        )
        second = deadline_start(
            actor=None, subject=item, kind=kinds.CASE_STAGE, start=at("2026-06-01"), days=5, department=county.department
        )
    scan(first.due_on + dt.timedelta(days=1))
    assert open_cards(first) == [RED] and open_cards(second) == [RED]
    assert not SupervisionOrder.objects.exists()  # an internal stage: red card only

    with time_machine.travel(at(first.due_on + dt.timedelta(days=1), 10), tick=False):
        deadline_cancel(actor=None, deadline=first, reason="撤回")
        deadline_extend(actor=None, deadline=second, days=20, reason="依法延期")
        deadline_reassign(actor=None, deadline=second, department=county.other_department)

    assert Card.objects.get(deadline=first).clear_reason == ClearReason.CANCELLED
    assert Card.objects.get(deadline=second).clear_reason == ClearReason.RESCHEDULED
    assert not open_cards(second)


def test_a_red_timer_extended_into_its_warning_window_gets_a_yellow_card_again(county, item):
    with time_machine.travel(at("2026-06-01"), tick=False):
        row = deadline_start(actor=None, subject=item, kind=kinds.CASE_STAGE, start=at("2026-06-01"), days=5, department=county.department)
    late = row.due_on + dt.timedelta(days=1)
    scan(late)
    assert open_cards(row) == [RED]

    with time_machine.travel(at(late, 10), tick=False):
        extended = deadline_extend(actor=None, deadline=row, days=1, reason="依法延期")
        assert extended.color(late) == "yellow"

    assert open_cards(row) == [YELLOW]
    red = Card.objects.get(deadline=row, color=RED)
    assert red.clear_reason == ClearReason.RESCHEDULED
    yellow = Card.objects.get(deadline=row, color=YELLOW, cleared_at__isnull=True)
    assert AuditEvent.objects.filter(action="supervision.card.issue", object_id=str(yellow.pk)).exists()
    # Overdue again: the new yellow card turns red once more.
    scan(extended.due_on + dt.timedelta(days=1))
    assert open_cards(row) == [RED]
    assert chain_verify().ok


def test_escalating_a_yellow_card_is_audited(county, item):
    case = submitted_on(county, item, "2026-09-28")
    scan(timer(case).warn_on)
    yellow = Card.objects.get()

    scan(timer(case).due_on + dt.timedelta(days=1))

    event = AuditEvent.objects.get(action="supervision.card.update", object_id=str(yellow.pk))
    assert event.after["clear_reason"] == ClearReason.ESCALATED
    assert chain_verify().ok


def test_reassigning_an_open_card_moves_it_to_the_new_department(county, item):
    with time_machine.travel(at("2026-06-01"), tick=False):
        row = deadline_start(actor=None, subject=item, kind=kinds.CASE_STAGE, start=at("2026-06-01"), days=5, department=county.department)
    scan(row.due_on + dt.timedelta(days=1))
    with time_machine.travel(at(row.due_on + dt.timedelta(days=1), 10), tick=False):
        deadline_reassign(actor=None, deadline=row, department=county.other_department, handler=county.other_reviewer)

    card = Card.objects.get(deadline=row)
    assert (card.department, card.handler, card.cleared_at) == (county.other_department, county.other_reviewer, None)


def test_the_applicants_own_periods_get_no_cards(county, item):
    with time_machine.travel(at("2026-06-01"), tick=False):
        row = deadline_start(actor=None, subject=item, kind=kinds.CASE_CORRECTION, start=at("2026-06-01"), days=5)
    scan(row.due_on + dt.timedelta(days=3))
    assert not Card.objects.exists()


def test_an_overdue_order_reply_gets_a_red_card_but_no_order_on_the_order(county, item):
    case = submitted_on(county, item, "2026-09-28")
    scan(timer(case).due_on + dt.timedelta(days=1))
    order = SupervisionOrder.objects.get()

    scan(order.reply_due_on + dt.timedelta(days=1))

    assert Card.objects.filter(kind=kinds.SUPERVISION_ORDER_REPLY, color=RED).count() == 1
    assert SupervisionOrder.objects.count() == 1


def test_cards_and_orders_are_told_to_the_handler_and_the_departments_leaders(county, item):
    with time_machine.travel(at("2026-06-01"), tick=False):
        row = deadline_start(
            actor=None,
            subject=item,
            kind=kinds.CASE_DELIVERY,
            start=at("2026-06-01"),
            days=5,
            department=county.department,
            handler=county.reviewer,
        )
    scan(row.warn_on)
    assert list(Notification.objects.values_list("recipient", flat=True)) == [county.reviewer.pk]

    scan(row.due_on + dt.timedelta(days=1))

    red = Notification.objects.filter(title__startswith="红牌")
    assert set(red.values_list("recipient", flat=True)) == {county.reviewer.pk, county.chief.pk}
    order = SupervisionOrder.objects.get()
    assert all(order.number in n.body for n in red)


def test_a_timer_met_before_it_ran_out_gets_no_card(county, item):
    with time_machine.travel(at("2026-06-01"), tick=False):
        row = deadline_start(
            actor=None, subject=item, kind=kinds.CASE_DELIVERY, start=at("2026-06-01"), days=5, department=county.department
        )
    with time_machine.travel(at("2026-06-02"), tick=False):
        deadline_meet(actor=None, deadline=row)
    scan(row.due_on + dt.timedelta(days=1))
    assert not Card.objects.exists()
