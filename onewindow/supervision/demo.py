"""The demo county's supervision: the cards and orders its case history earns today, worked in part.

The deadline scan runs once for today over the demo cases (which leave nothing overdue that would
change a case): the late ones get their red cards and orders, those close to their dates yellow
cards. Then the market department answers some orders, the supervisor closes or returns some of
the answers and withdraws one, and opens one order by hand — so the board, the order list and
each order state have something to show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import time_machine

from onewindow.accounts.models import User
from onewindow.cases.choices import OPEN_STATUSES
from onewindow.cases.models import Case
from onewindow.common import time
from onewindow.deadlines.scan import deadline_scan
from onewindow.orgs.models import Region
from onewindow.supervision import services
from onewindow.supervision.choices import OrderStatus
from onewindow.supervision.models import Card, SupervisionOrder

REPLIES = [
    "因申请人补充现场核查资料延误,已于当日完成审查,后续将在受理时一次性告知核查要求。",
    "经办人员请假交接不到位导致超时,已调整为AB岗,本周内办结。",
    "系统对接故障影响出证,已协调恢复,并将办件改为人工送达。",
]


@dataclass
class Loaded:
    cards: int
    orders: int


def load_supervision(*, region: Region, users: Mapping[str, User]) -> Loaded:
    """Issue today's cards and orders for the demo cases of `region` and work some orders; nothing when cards exist."""
    if Card.objects.filter(region_code__startswith=region.code).exists():
        return Loaded(0, 0)
    today = time.today()
    deadline_scan(today=today)
    chief, supervisor = users["demo-chief"], users["demo-supervisor"]
    market = chief.role_assignments.filter(department__isnull=False).values_list("department_id", flat=True).first() or 0
    orders = list(SupervisionOrder.objects.filter(region_code__startswith=region.code, department_id=market).order_by("id"))
    later = time.now()
    for index, order in enumerate(orders):
        later = later + dt.timedelta(minutes=7)
        with time_machine.travel(later, tick=False):
            _work(order, index, chief, supervisor)
    _withdraw_one(region, market, supervisor)
    _order_by_hand(region, supervisor)
    return Loaded(Card.objects.filter(region_code__startswith=region.code).count(), SupervisionOrder.objects.count())


def _work(order: SupervisionOrder, index: int, chief: User, supervisor: User) -> None:
    """A quarter each: left open, answered, answered and closed, answered and returned."""
    step = index % 4
    if step == 0:
        return
    reply = REPLIES[index % len(REPLIES)]
    order = services.order_reply(actor=chief, order=order, reply=reply)
    if step == 2:
        services.order_close(actor=supervisor, order=order, note="答复属实,整改措施可行,予以办结。")
    elif step == 3:
        services.order_return(actor=supervisor, order=order, comment="未说明对其他在办件的影响,请补充后重新答复。")


def _order_by_hand(region: Region, supervisor: User) -> None:
    """The supervisor orders an answer on the open case that has waited longest, if it has none yet."""
    case = (
        Case.objects.filter(region_code__startswith=region.code, status__in=OPEN_STATUSES, due_on__isnull=False)
        .order_by("submitted_at", "id")
        .first()
    )
    if case is None or SupervisionOrder.objects.filter(subject_type="cases.case", subject_id=str(case.pk), card__isnull=True).exists():
        return
    services.order_open(actor=supervisor, case=case, reason="群众通过12345热线反映该申请等待时间较长,请说明办理进度并加快办理。")


def _withdraw_one(region: Region, market: int, supervisor: User) -> None:
    """One order of another department turns out to be a lawful delay (a special procedure not entered)."""
    order = (
        SupervisionOrder.objects.filter(region_code__startswith=region.code, status=OrderStatus.OPEN)
        .exclude(department_id=market)
        .order_by("-id")
        .first()
    )
    if order is not None:
        services.order_withdraw(actor=supervisor, order=order, reason="经核实,该件已依法进入专家评审程序,延误时间不计入办理时限。")
