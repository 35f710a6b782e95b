"""Message pages: the user's in-site inbox, opening a message (marks it read), marking all read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from onewindow.accounts.views import base_template_for
from onewindow.common.errors import InvalidInput, NotFound
from onewindow.notifications import selectors
from onewindow.notifications.services import notification_mark_read, notifications_mark_all_read

PAGE_SIZE = 20


@require_GET
@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    """The user's in-site messages, newest first, unread ones highlighted; `?unread=1` shows only those."""
    unread_only = request.GET.get("unread") == "1"
    try:
        page = selectors.inbox_page(user=request.user, unread_only=unread_only, cursor=request.GET.get("cursor") or None, limit=PAGE_SIZE)
    except InvalidInput:
        page = selectors.inbox_page(user=request.user, unread_only=unread_only, limit=PAGE_SIZE)
    context = {
        "page": page,
        "unread_only": unread_only,
        "unread": selectors.unread_count(user=request.user),
        "base_template": base_template_for(request.user),
    }
    return render(request, "notifications/inbox.html", context)


@require_POST
@login_required
def read(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one of the user's messages read, then follow its link (or go back); another user's message is not found."""
    try:
        notification = notification_mark_read(actor=request.user, notification=selectors.notification_get(user=request.user, pk=pk))
    except NotFound:
        raise Http404 from None
    return redirect(notification.link or _back(request))


@require_POST
@login_required
def read_all(request: HttpRequest) -> HttpResponse:
    """Mark all of the user's messages read."""
    count = notifications_mark_all_read(actor=request.user)
    messages.success(request, _("已将%(count)d条消息标为已读。") % {"count": count} if count else _("没有未读消息。"))
    return redirect(_back(request))


def _back(request: HttpRequest) -> str:
    """The page named by `next` when it is on this site, else the inbox."""
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("notifications:inbox")
