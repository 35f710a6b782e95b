"""/api/v1/supervision: cards, supervision orders and their actions.

Lists are the user's reach (supervisors: their region; department staff: their department),
cursor-paginated. Every order action is its own endpoint calling its service: 409 where the table
forbids it or the order moved on, 403 without the right, 404 for an order the user may not see.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from onewindow.accounts.auth import user_auth
from onewindow.cases.models import Case
from onewindow.common.api import ErrorOut
from onewindow.common.errors import InvalidInput, NotFound
from onewindow.supervision import permissions, selectors, services
from onewindow.supervision.models import Card, SupervisionOrder
from onewindow.supervision.schemas import CardFilterIn, CardPageOut, OrderActionIn, OrderFilterIn, OrderOpenIn, OrderOut, OrderPageOut

router = Router(tags=["supervision"])

READ_ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 404: ErrorOut}
ACTION_RESPONSES: dict[int, Any] = {200: OrderOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


def _with_subjects(rows: list[Any]) -> list[Any]:
    described = selectors.describe(rows)
    for row in rows:
        row.described = described[(row.subject_type, row.subject_id)]
    return rows


def _order_out(user: Any, order: SupervisionOrder) -> SupervisionOrder:
    _with_subjects([order])
    order.actions = [a.api_name for a in permissions.actions_for(user, order)]  # type: ignore[attr-defined]
    return order


@router.get("/cards", response={200: CardPageOut, **READ_ERRORS}, auth=user_auth, url_name="supervision_cards", summary="黄红牌")
def list_cards(request: HttpRequest, filters: Query[CardFilterIn]) -> dict[str, Any]:
    """The cards in the user's reach, newest first (open ones unless `open=false`)."""
    values = filters.dict()
    page = selectors.card_list(
        user=request.auth,  # type: ignore[attr-defined]
        color=values["color"],
        department=values["department"],
        kind=values["kind"],
        open_only=values["open"],
        cursor=values["cursor"],
        limit=values["limit"],
    )
    return {"items": _with_subjects(page.items), "next_cursor": page.next_cursor}


@router.get("/orders", response={200: OrderPageOut, **READ_ERRORS}, auth=user_auth, url_name="supervision_orders", summary="督办单列表")
def list_orders(request: HttpRequest, filters: Query[OrderFilterIn]) -> dict[str, Any]:
    user = request.auth  # type: ignore[attr-defined]
    page = selectors.order_list(user=user, **filters.dict())
    return {"items": [_order_out(user, order) for order in page.items], "next_cursor": page.next_cursor}


@router.get("/orders/{number}", response={200: OrderOut, **READ_ERRORS}, auth=user_auth, url_name="supervision_order", summary="督办单")
def get_order(request: HttpRequest, number: str) -> SupervisionOrder:
    user = request.auth  # type: ignore[attr-defined]
    return _order_out(user, selectors.order_get(user=user, number=number))


@router.post("/orders", response={201: OrderOut, **ACTION_RESPONSES}, auth=user_auth, url_name="supervision_order_open", summary="发起督办")
def open_order(request: HttpRequest, payload: OrderOpenIn) -> Status:
    """A supervisor opens an order on a card (`card`: its id) or on a case (`case`: its number)."""
    user = request.auth  # type: ignore[attr-defined]
    if (payload.card is None) == (not payload.case):
        raise InvalidInput(_("督办须针对一张黄红牌或一个办件。"), code="order_subject_invalid")
    if payload.card is not None:
        card = Card.objects.visible_to(user).filter(pk=payload.card).first()
        if card is None:
            raise NotFound(_("黄红牌不存在或您无权查看。"), code="card_not_found")
        order = services.order_open(actor=user, card=card, reason=payload.reason)
    else:
        case = Case.objects.in_reach_of(user).filter(number=payload.case).first()
        if case is None:
            raise NotFound(_("办件不存在或您无权查看。"), code="case_not_found")
        order = services.order_open(actor=user, case=case, reason=payload.reason)
    return Status(201, _order_out(user, order))


def _act(request: HttpRequest, number: str, action: Callable[[Any, SupervisionOrder], Any]) -> SupervisionOrder:
    user = request.auth  # type: ignore[attr-defined]
    action(user, selectors.order_get(user=user, number=number))
    return _order_out(user, selectors.order_get(user=user, number=number))


@router.post("/orders/{number}/reply", response=ACTION_RESPONSES, auth=user_auth, url_name="order_reply", summary="答复督办")
def reply(request: HttpRequest, number: str, payload: OrderActionIn) -> SupervisionOrder:
    """The responsible department answers (`text`: why late, what was done, when it ends)."""
    return _act(
        request, number, lambda u, o: services.order_reply(actor=u, order=o, reply=payload.text, expected_revision=payload.revision)
    )


@router.post("/orders/{number}/return", response=ACTION_RESPONSES, auth=user_auth, url_name="order_return", summary="退回重新答复")
def return_(request: HttpRequest, number: str, payload: OrderActionIn) -> SupervisionOrder:
    """The supervisor sends the answer back (`text`: why); a new reply period starts."""
    return _act(
        request, number, lambda u, o: services.order_return(actor=u, order=o, comment=payload.text, expected_revision=payload.revision)
    )


@router.post("/orders/{number}/close", response=ACTION_RESPONSES, auth=user_auth, url_name="order_close", summary="办结督办")
def close(request: HttpRequest, number: str, payload: OrderActionIn) -> SupervisionOrder:
    return _act(request, number, lambda u, o: services.order_close(actor=u, order=o, note=payload.text, expected_revision=payload.revision))


@router.post("/orders/{number}/withdraw", response=ACTION_RESPONSES, auth=user_auth, url_name="order_withdraw", summary="撤销督办")
def withdraw(request: HttpRequest, number: str, payload: OrderActionIn) -> SupervisionOrder:
    return _act(
        request, number, lambda u, o: services.order_withdraw(actor=u, order=o, reason=payload.text, expected_revision=payload.revision)
    )
