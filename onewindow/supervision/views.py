"""Supervision pages: the live board of cards, the card list, supervision orders, anomalies."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from onewindow.accounts.decorators import is_staff_member, page_for
from onewindow.cases.models import Case
from onewindow.common import time
from onewindow.common.codes import parse_id
from onewindow.common.errors import Conflict, Forbidden, InvalidInput
from onewindow.common.pagination import page_or_first
from onewindow.supervision import permissions, selectors, services
from onewindow.supervision.choices import OrderAction
from onewindow.supervision.forms import ACTION_TEXT, CardFilterForm, OrderActionForm, OrderFilterForm, OrderOpenForm
from onewindow.supervision.models import Card, SupervisionOrder, kind_label
from onewindow.supervision.statistics.selectors import may_view_statistics

A = OrderAction
ERROR_STATUS = {InvalidInput: 400, Forbidden: 403, Conflict: 409}
GROUPS = (("department", gettext_lazy("按部门")), ("kind", gettext_lazy("按期限类型")), ("handler", gettext_lazy("按经办人")))


@page_for(is_staff_member)
@require_GET
def board(request: HttpRequest) -> HttpResponse:
    """The live board: open yellow and red cards by department, timer kind or handler, and the latest red cards."""
    by = request.GET.get("by") or "department"
    if by not in dict(GROUPS):
        by = "department"
    rows = selectors.board(user=request.user, by=by)
    latest = selectors.card_list(user=request.user, color="red", open_only=False, limit=20).items
    open_orders = SupervisionOrder.objects.visible_to(request.user).open().count()
    context = {
        "rows": rows,
        "by": by,
        "groups": GROUPS,
        "yellow": sum(r.yellow for r in rows),
        "red": sum(r.red for r in rows),
        "open_orders": open_orders,
        "latest": _described(latest),
        **_tabs(request.user),
    }
    return render(request, "supervision/board.html", context)


def _described(rows: list[Any]) -> list[tuple[Any, Any]]:
    described = selectors.describe(rows)
    return [(row, described[(row.subject_type, row.subject_id)]) for row in rows]


@page_for(is_staff_member)
@require_GET
def card_list(request: HttpRequest) -> HttpResponse:
    """Every card in the user's reach, open ones by default, newest first."""
    form = CardFilterForm(request.GET or None)
    values = form.values
    department = parse_id(request.GET.get("department"))
    page = page_or_first(
        request,
        lambda cursor: selectors.card_list(
            user=request.user,
            color=values["color"] or None,
            department=department,
            kind=request.GET.get("kind") or None,
            open_only=not values["cleared"],
            cursor=cursor,
        ),
    )
    context = {"form": form, "page": page, "rows": _described(page.items), **_tabs(request.user)}
    return render(request, "supervision/cards.html", context)


def _tabs(user: Any) -> dict[str, bool]:
    """Which of the supervision tabs (supervision/_nav.html) beyond the common ones the user sees."""
    return {"is_supervisor": permissions.is_supervisor(user), "may_view_statistics": may_view_statistics(user)}


@page_for(is_staff_member)
@require_GET
def order_list(request: HttpRequest) -> HttpResponse:
    """督办单: the supervision orders of the user's reach (a department's staff: their department's)."""
    form = OrderFilterForm(request.GET or None)
    page = page_or_first(
        request, lambda cursor: selectors.order_list(user=request.user, status=form.values["status"] or None, cursor=cursor)
    )
    context = {"form": form, "page": page, "rows": _described(page.items), **_tabs(request.user)}
    return render(request, "supervision/orders.html", context)


@page_for(is_staff_member)
@require_GET
def order_detail(request: HttpRequest, number: str) -> HttpResponse:
    order = selectors.order_get(user=request.user, number=number)
    return _render_order(request, order)


def _render_order(request: HttpRequest, order: SupervisionOrder, failed: OrderActionForm | None = None, status: int = 200) -> HttpResponse:
    subject = selectors.describe([order])[(order.subject_type, order.subject_id)]
    forms = []
    for action in permissions.actions_for(request.user, order):
        if failed is not None and failed.action == action:
            forms.append(failed)
        else:
            forms.append(OrderActionForm(initial={"revision": order.revision}, action=action, auto_id=f"{action}-%s"))
    context = {
        "order": order,
        "subject": subject,
        "forms": [(form, OrderAction(form.action)) for form in forms],
        "kind_label": kind_label(order.kind) if order.kind else "",
        **_tabs(request.user),
        "today": time.today(),
    }
    return render(request, "supervision/order.html", context, status=status)


ACTION_CALLS: dict[str, Callable[[Any, SupervisionOrder, str, int], SupervisionOrder]] = {
    A.REPLY: lambda u, o, text, rev: services.order_reply(actor=u, order=o, reply=text, expected_revision=rev),
    A.RETURN: lambda u, o, text, rev: services.order_return(actor=u, order=o, comment=text, expected_revision=rev),
    A.CLOSE: lambda u, o, text, rev: services.order_close(actor=u, order=o, note=text, expected_revision=rev),
    A.WITHDRAW: lambda u, o, text, rev: services.order_withdraw(actor=u, order=o, reason=text, expected_revision=rev),
}
DONE: dict[str, Any] = {
    A.REPLY: gettext_lazy("已答复督办。"),
    A.RETURN: gettext_lazy("已退回,待部门重新答复。"),
    A.CLOSE: gettext_lazy("督办已办结。"),
    A.WITHDRAW: gettext_lazy("督办已撤销。"),
}


@page_for(is_staff_member)
@require_POST
def order_act(request: HttpRequest, number: str, action: str) -> HttpResponse:
    action = action.replace("-", "_")
    if action not in ACTION_TEXT:
        raise Http404
    order = selectors.order_get(user=request.user, number=number)
    form = OrderActionForm(request.POST, action=action, auto_id=f"{action}-%s")
    if not form.is_valid():
        return _render_order(request, order, failed=form, status=400)
    try:
        ACTION_CALLS[action](request.user, order, form.cleaned_data["text"], form.cleaned_data["revision"])
    except (InvalidInput, Forbidden, Conflict) as error:
        messages.error(request, error.message)
        fresh = selectors.order_get(user=request.user, number=number)
        return _render_order(request, fresh, failed=form, status=ERROR_STATUS[type(error)])
    messages.success(request, str(DONE[action]))
    return redirect("supervision:order", number=number)


@page_for(is_staff_member)
def order_open_on_card(request: HttpRequest, card_id: int) -> HttpResponse:
    """A supervisor orders the department to answer for a card (e.g. an overdue stage)."""
    card = Card.objects.visible_to(request.user).filter(pk=card_id).first()
    if card is None:
        raise Http404
    return _open(request, lambda reason: services.order_open(actor=request.user, card=card, reason=reason), subject=card)


@page_for(is_staff_member)
def order_open_on_case(request: HttpRequest, number: str) -> HttpResponse:
    """A supervisor orders the case's department to answer for the case."""
    case = Case.objects.in_reach_of(request.user).filter(number=number).first()
    if case is None:
        raise Http404
    return _open(request, lambda reason: services.order_open(actor=request.user, case=case, reason=reason), subject=case)


def _open(request: HttpRequest, open_order: Callable[[str], SupervisionOrder], subject: Any) -> HttpResponse:
    described = selectors.describe([subject]) if isinstance(subject, Card) else {}
    label = described[(subject.subject_type, subject.subject_id)].label if described else _("办件%(number)s") % {"number": subject.number}
    form = OrderOpenForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            order = open_order(form.cleaned_data["reason"])
        except (InvalidInput, Forbidden, Conflict) as error:
            messages.error(request, error.message)
            status = ERROR_STATUS[type(error)]
        else:
            messages.success(request, _("已发起督办 %(number)s。") % {"number": order.number})
            return redirect("supervision:order", number=order.number)
    elif request.method == "POST":
        status = 400
    return render(request, "supervision/order_open.html", {"form": form, "label": label}, status=status)


@page_for(permissions.is_supervisor)
@require_GET
def anomalies(request: HttpRequest) -> HttpResponse:
    """异常监测: repeated refusals and corrections, long suspensions, frequent extensions, decisions
    outside working hours, items without cases for a year."""
    today = time.today()
    since = today - dt.timedelta(days=90)
    context = {
        "since": since,
        "repeated": selectors.repeated_refusals_or_corrections(user=request.user, since=since),
        "suspensions": selectors.long_suspensions(user=request.user, today=today),
        "extensions": selectors.frequent_extensions(user=request.user, since=since),
        "off_hours": selectors.off_hours_decisions(user=request.user, since=since),
        "idle_items": selectors.idle_items(user=request.user, today=today),
        **_tabs(request.user),
    }
    return render(request, "supervision/anomalies.html", context)
