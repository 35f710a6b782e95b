"""Cards and supervision orders: their colours, statuses and the one table of order transitions.

电子监察: a timer inside its warning window shows a yellow card, an overdue one a red card; a red
card of an agency's timer opens a supervision order (督办) to the department that answers for it,
with its own reply deadline (DESIGN.md § Deadlines and supervision).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CardColor(models.TextChoices):
    YELLOW = "yellow", _("黄牌")
    RED = "red", _("红牌")


class ClearReason(models.TextChoices):
    """Why a card stopped showing."""

    MET = "met", _("按时办结")
    MET_LATE = "met_late", _("超时后办结")
    CANCELLED = "cancelled", _("计时取消")
    RESCHEDULED = "rescheduled", _("期限调整")
    ESCALATED = "escalated", _("升为红牌")


class OrderStatus(models.TextChoices):
    OPEN = "open", _("待答复")
    REPLIED = "replied", _("已答复")
    CLOSED = "closed", _("已办结")
    WITHDRAWN = "withdrawn", _("已撤销")


class OrderAction(models.TextChoices):
    """What can happen to a supervision order; the API's action names are these values with '_' as '-'."""

    REPLY = "reply", _("答复督办")
    RETURN = "return", _("退回重新答复")
    CLOSE = "close", _("办结督办")
    WITHDRAW = "withdraw", _("撤销督办")

    @property
    def api_name(self) -> str:
        return self.value.replace("_", "-")


S = OrderStatus
A = OrderAction

TRANSITIONS: dict[tuple[str, str], str] = {
    (S.OPEN, A.REPLY): S.REPLIED,
    (S.OPEN, A.WITHDRAW): S.WITHDRAWN,
    (S.REPLIED, A.RETURN): S.OPEN,
    (S.REPLIED, A.CLOSE): S.CLOSED,
}

OPEN_ORDER_STATUSES = (S.OPEN, S.REPLIED)


def next_status(status: str, action: str) -> str | None:
    """The status `action` leads to from `status`, or None when the table forbids it."""
    return TRANSITIONS.get((status, action))
