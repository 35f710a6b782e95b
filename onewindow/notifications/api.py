"""/api/v1/notifications: the authenticated user's in-site messages, and marking one read."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from onewindow.accounts.auth import user_auth
from onewindow.common import time
from onewindow.common.api import ErrorOut, PathId
from onewindow.common.pagination import MAX_LIMIT
from onewindow.notifications import selectors
from onewindow.notifications.models import Notification
from onewindow.notifications.services import notification_mark_read

router = Router(tags=["notifications"])


class NotificationFilterIn(Schema):
    unread_only: bool = Field(False, description="Only messages not read yet")
    cursor: str | None = None
    limit: int | None = Field(None, ge=1, le=MAX_LIMIT)


class NotificationOut(Schema):
    id: int
    title: str
    body: str
    link: str = Field(description="A path on this site the message is about (may be empty)")
    created_at: dt.datetime
    read_at: dt.datetime | None
    is_read: bool

    @staticmethod
    def resolve_created_at(obj: Notification) -> dt.datetime:
        return time.local_datetime(obj.created_at)

    @staticmethod
    def resolve_read_at(obj: Notification) -> dt.datetime | None:
        return time.local_datetime(obj.read_at) if obj.read_at else None


class NotificationPageOut(Schema):
    items: list[NotificationOut]
    next_cursor: str | None
    unread_count: int


@router.get("", response={200: NotificationPageOut, 400: ErrorOut, 401: ErrorOut}, auth=user_auth)
def list_notifications(request: HttpRequest, filters: Query[NotificationFilterIn]) -> dict[str, Any]:
    """The authenticated user's in-site messages, newest first, a page at a time (`next_cursor`)."""
    user = request.auth  # type: ignore[attr-defined]
    page = selectors.inbox_page(user=user, **filters.dict())
    return {"items": page.items, "next_cursor": page.next_cursor, "unread_count": selectors.unread_count(user=user)}


@router.post("/{notification_id}/read", response={200: NotificationOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}, auth=user_auth)
def read_notification(request: HttpRequest, notification_id: PathId) -> Notification:
    """Mark one of the user's messages read (again: no change); another user's message is not found (404)."""
    user = request.auth  # type: ignore[attr-defined]
    return notification_mark_read(actor=user, notification=selectors.notification_get(user=user, pk=notification_id))
