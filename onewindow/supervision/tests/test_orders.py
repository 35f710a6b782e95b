"""Supervision orders: the transition table over every pair, who may do what, the reply deadline."""

import datetime as dt
import itertools

import pytest
import time_machine

from onewindow.accounts.choices import Role
from onewindow.accounts.tests.factories import staff
from onewindow.audit.models import AuditEvent
from onewindow.common.errors import Conflict, Forbidden, InvalidInput
from onewindow.deadlines import kinds
from onewindow.deadlines.choices import DeadlineState
from onewindow.deadlines.models import Deadline
from onewindow.notifications.models import Notification
from onewindow.orgs.tests.factories import CountyFactory
from onewindow.supervision import services
from onewindow.supervision.choices import TRANSITIONS, OrderAction, OrderStatus
from onewindow.supervision.models import Card, SupervisionOrder
from onewindow.supervision.tests.support import at, scan, submitted_on, timer

pytestmark = pytest.mark.django_db

A, S = OrderAction, OrderStatus
DAY = "2026-10-12"


@pytest.fixture
def order(county, item):
    """An order the red card of an unanswered submission opened."""
    case = submitted_on(county, item, "2026-09-28")
    scan(timer(case).due_on + dt.timedelta(days=1))
    return SupervisionOrder.objects.get()


def reply_timers(order):
    return Deadline.objects.filter(subject_type="supervision.supervisionorder", subject_id=str(order.pk)).order_by("id")


def act(order, action, user, text="说明"):
    calls = {
        A.REPLY: lambda: services.order_reply(actor=user, order=order, reply=text),
        A.RETURN: lambda: services.order_return(actor=user, order=order, comment=text),
        A.CLOSE: lambda: services.order_close(actor=user, order=order, note=text),
        A.WITHDRAW: lambda: services.order_withdraw(actor=user, order=order, reason=text),
    }
    with time_machine.travel(at(DAY, 10), tick=False):
        return calls[action]()


def actor_for(county, action):
    return county.chief if action == A.REPLY else county.supervisor


def bring_to(order, status, county):
    path = {S.OPEN: [], S.REPLIED: [A.REPLY], S.CLOSED: [A.REPLY, A.CLOSE], S.WITHDRAWN: [A.WITHDRAW]}[status]
    for action in path:
        order = act(order, action, actor_for(county, action))
    return order


@pytest.mark.parametrize(("status", "action"), list(itertools.product(S.values, A.values)))
def test_every_status_and_action_pair_follows_the_table(county, order, status, action):
    order = bring_to(order, status, county)
    target = TRANSITIONS.get((status, action))
    if target is None:
        with pytest.raises(Conflict) as caught:
            act(order, action, actor_for(county, action))
        assert caught.value.code == "order_transition_forbidden"
        assert SupervisionOrder.objects.get(pk=order.pk).status == status
    else:
        assert act(order, action, actor_for(county, action)).status == target
        assert SupervisionOrder.objects.get(pk=order.pk).status == target


def test_the_department_replies_and_the_reply_timer_is_met(county, order):
    replied = act(order, A.REPLY, county.chief, "系统故障导致超时,已于当日受理。")

    assert (replied.status, replied.replied_by, replied.reply) == (S.REPLIED, county.chief, "系统故障导致超时,已于当日受理。")
    assert reply_timers(order).get().state == DeadlineState.MET
    assert AuditEvent.objects.filter(action="supervision.order.reply", object_id=str(order.pk)).count() == 1
    # Nobody opened it by hand: the region's supervisors hear of the answer.
    assert Notification.objects.filter(recipient=county.supervisor, title__contains=order.number).exists()


def test_supervisors_of_the_city_above_and_not_of_another_city_hear_of_an_automatic_orders_answer(county, order):
    city_supervisor = staff(Role.SUPERVISOR, region=county.region.parent, real_name="市监察")
    elsewhere = staff(Role.SUPERVISOR, region=CountyFactory(code="440305"), real_name="外地监察")

    act(order, A.REPLY, county.chief, "已于当日受理。")

    told = set(Notification.objects.filter(title__contains=order.number).values_list("recipient_id", flat=True))
    assert {county.supervisor.pk, city_supervisor.pk} <= told
    assert elsewhere.pk not in told


def test_a_returned_answer_gets_a_new_reply_period(county, order):
    act(order, A.REPLY, county.chief)
    returned = act(order, A.RETURN, county.supervisor, "未说明整改措施")

    assert (returned.status, returned.closing_note) == (S.OPEN, "未说明整改措施")
    first, second = reply_timers(order)
    assert (first.state, second.state, returned.reply_due_on) == (DeadlineState.MET, DeadlineState.RUNNING, second.due_on)


def test_withdrawing_cancels_the_reply_timer(county, order):
    act(order, A.WITHDRAW, county.supervisor, "延期经依法批准")
    assert reply_timers(order).get().state == DeadlineState.CANCELLED


@pytest.mark.parametrize("action", [A.REPLY, A.RETURN, A.WITHDRAW])
def test_an_empty_text_is_refused_and_nothing_changes(county, order, action):
    order = bring_to(order, S.REPLIED if action == A.RETURN else S.OPEN, county)
    with pytest.raises(InvalidInput):
        act(order, action, actor_for(county, action), text="  ")
    assert SupervisionOrder.objects.get(pk=order.pk).revision == order.revision


def test_a_stale_revision_is_a_conflict(county, order):
    seen = order.revision
    act(order, A.REPLY, county.chief)
    act(order, A.RETURN, county.supervisor, "补充")
    with pytest.raises(Conflict) as caught, time_machine.travel(at(DAY, 11), tick=False):
        services.order_reply(actor=county.decider, order=order, reply="第二次答复", expected_revision=seen)
    assert caught.value.code == "order_stale"


@pytest.mark.parametrize(
    ("who", "action"),
    [
        ("other_decider", A.REPLY),  # another department's leader
        ("reviewer", A.REPLY),  # the department, but not one who answers for it
        ("supervisor", A.REPLY),  # supervisors order, they do not answer
        ("chief", A.WITHDRAW),  # the department cannot withdraw its own order
        ("other_supervisor", A.WITHDRAW),  # a supervisor of another county
    ],
)
def test_only_the_right_people_act(county, order, who, action):
    users = {
        "other_decider": county.other_decider,
        "reviewer": county.reviewer,
        "supervisor": county.supervisor,
        "chief": county.chief,
        "other_supervisor": staff(Role.SUPERVISOR, region=CountyFactory(code="990199")),
    }
    with pytest.raises(Forbidden):
        act(order, action, users[who])
    assert SupervisionOrder.objects.get(pk=order.pk).status == S.OPEN


def test_a_supervisor_opens_an_order_on_a_stage_card_once(county, item):
    with time_machine.travel(at("2026-06-01"), tick=False):
        from onewindow.deadlines.services import deadline_start

        row = deadline_start(actor=None, subject=item, kind=kinds.CASE_STAGE, start=at("2026-06-01"), days=3, department=county.department)
    scan(row.due_on + dt.timedelta(days=1))
    card = Card.objects.get(color="red")

    with time_machine.travel(at(row.due_on + dt.timedelta(days=1), 10), tick=False):
        order = services.order_open(actor=county.supervisor, card=card, reason="审查环节超时,请说明")
        with pytest.raises(Conflict):
            services.order_open(actor=county.supervisor, card=card, reason="再次督办")
        with pytest.raises(Forbidden):
            services.order_open(actor=county.chief, card=card, reason="部门自己督办")

    assert (order.card, order.opened_by, order.department, order.status) == (card, county.supervisor, county.department, S.OPEN)
    assert Notification.objects.filter(recipient=county.chief, title__contains=order.number).exists()


def test_a_supervisor_opens_an_order_on_a_case(county, item):
    case = submitted_on(county, item, "2026-09-28")
    with time_machine.travel(at("2026-09-29"), tick=False):
        order = services.order_open(actor=county.supervisor, case=case, reason="群众反映办理缓慢")
        with pytest.raises(Conflict):
            services.order_open(actor=county.supervisor, case=case, reason="重复")
        with pytest.raises(InvalidInput):
            services.order_open(actor=county.supervisor, case=case, reason=" ")

    assert (order.subject_type, order.subject_id, order.card) == ("cases.case", str(case.pk), None)
    assert reply_timers(order).get().department == county.department


def test_order_numbers_are_unique_and_consecutive_within_a_day(county, item):
    cases = [submitted_on(county, item, "2026-09-28") for _ in range(3)]
    scan(timer(cases[0]).due_on + dt.timedelta(days=1))
    numbers = sorted(SupervisionOrder.objects.values_list("number", flat=True))
    assert len(numbers) == 3 and len({n[:10] for n in numbers}) == 1
    assert [int(n[-5:]) for n in numbers] == [1, 2, 3]
