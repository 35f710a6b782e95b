"""Reads of notifications: a user's in-site messages (only ever their own)."""

from typing import Any

from django.utils.translation import gettext as _

from onewindow.common.codes import parse_id
from onewindow.common.errors import NotFound
from onewindow.common.pagination import Page, paginate
from onewindow.notifications.models import Notification, NotificationQuerySet

INBOX_ORDERING = ("-created_at", "-id")


def inbox(*, user: Any, unread_only: bool = False) -> NotificationQuerySet:
    """The user's in-site messages, newest first; optionally only the unread ones."""
    messages = Notification.objects.inbox_of(user)
    if unread_only:
        messages = messages.filter(read_at__isnull=True)
    return messages.order_by(*INBOX_ORDERING)


def inbox_page(*, user: Any, unread_only: bool = False, cursor: str | None = None, limit: int | None = None) -> Page[Notification]:
    """One page of `inbox`, after `cursor`."""
    return paginate(inbox(user=user, unread_only=unread_only), ordering=INBOX_ORDERING, cursor=cursor, limit=limit)


def unread_count(*, user: Any) -> int:
    """How many of the user's in-site messages are unread (0 for a visitor)."""
    return Notification.objects.inbox_of(user).filter(read_at__isnull=True).count()


def notification_get(*, user: Any, pk: Any) -> Notification:
    """One of the user's in-site messages, or NotFound (another user's message is not found either)."""
    pk = parse_id(str(pk))
    found = Notification.objects.inbox_of(user).filter(pk=pk).first() if pk is not None else None
    if found is None:
        raise NotFound(_("未找到,或无权查看。"))
    return found
