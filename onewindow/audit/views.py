"""Staff pages of the audit trail: search the whole trail, and the trail of one object.

The pages show the chain head (last sequence number and hash) but do not verify the chain:
verification reads and hashes every event, which on a trail of millions of rows takes minutes,
longer than a web request may run, and would let any page view load the database. It runs from
`manage.py audit_verify` on a timer, whose failure (exit status 1) the operators are alerted to.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from onewindow.audit import selectors
from onewindow.audit.forms import EventFilterForm
from onewindow.audit.permissions import can_read_trail
from onewindow.common.errors import InvalidInput
from onewindow.common.pagination import Page

View = Callable[..., HttpResponse]


def trail_reader_required(view: View) -> View:
    """Anonymous visitors go to the login page; staff who may not read the trail get 403."""

    @wraps(view)
    @login_required
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not can_read_trail(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@trail_reader_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """Search the trail by object, actor, action and date; newest first, a page at a time."""
    form = EventFilterForm(request.GET)
    page: Page | None = None
    error = ""
    if form.is_valid():
        try:
            page = selectors.event_list(user=request.user, cursor=request.GET.get("cursor") or None, **form.filters())  # type: ignore[arg-type]
        except InvalidInput as exc:
            error = exc.message
    context = {"form": form, "page": page, "error": error, "head": selectors.chain_head(user=request.user)}
    return render(request, "audit/index.html", context, status=400 if error else 200)


@trail_reader_required
@require_GET
def object_trail(request: HttpRequest, object_type: str, object_id: str) -> HttpResponse:
    """Every event of one object, oldest first, with what each changed."""
    try:
        page = selectors.event_list(
            user=request.user, object_type=object_type, object_id=object_id, cursor=request.GET.get("cursor") or None, oldest_first=True
        )
    except InvalidInput as exc:
        return render(request, "audit/object.html", {"object_type": object_type, "object_id": object_id, "error": exc.message}, status=400)
    context = {"object_type": object_type, "object_id": object_id, "page": page, "object_repr": _latest_repr(page)}
    return render(request, "audit/object.html", context)


def _latest_repr(page: Page) -> str:
    return page.items[-1].object_repr if page.items else ""
