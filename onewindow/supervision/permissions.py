"""Who may do what with cards and supervision orders.

Supervisors (电子监察人员) of the order's region open, return, close and withdraw orders; the
responsible department answers them through its leaders (department admin, chief representative,
decider).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from onewindow.accounts.access import access_of, reaches_department
from onewindow.accounts.choices import Role
from onewindow.common.errors import Forbidden
from onewindow.supervision.choices import OrderAction, next_status
from onewindow.supervision.models import SupervisionOrder

A = OrderAction
REPLYING_ROLES = (Role.DEPARTMENT_ADMIN, Role.CHIEF_REPRESENTATIVE, Role.DECIDER)


def is_supervisor_of(user: Any, region_code: str) -> bool:
    access = access_of(user)
    return access.is_superuser or any(region_code.startswith(p) for p in access.region_prefixes.get(Role.SUPERVISOR, ()))


def may(user: Any, order: SupervisionOrder, action: str) -> bool:
    """Whether `user` may take `action` on `order` (the transition table is checked separately)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if action == A.REPLY:
        return reaches_department(user, order.department, REPLYING_ROLES)
    return is_supervisor_of(user, order.region_code)


def require(user: Any, order: SupervisionOrder, action: str) -> None:
    if not may(user, order, action):
        raise Forbidden(_("您无权对该督办单执行“%(action)s”。") % {"action": OrderAction(action).label}, code="order_forbidden")


def actions_for(user: Any, order: SupervisionOrder) -> list[OrderAction]:
    """The actions the table allows now and the user may take: what the order page offers."""
    return [a for a in OrderAction if next_status(order.status, a) is not None and may(user, order, a)]


def may_open_orders(user: Any, region_code: str) -> bool:
    return is_supervisor_of(user, region_code)


def is_supervisor(user: Any) -> bool:
    return access_of(user).has(Role.SUPERVISOR)
