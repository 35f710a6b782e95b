"""Audit trail API: search the events (system administrators and supervisors only)."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from onewindow.accounts.auth import user_auth
from onewindow.audit import selectors
from onewindow.audit.models import AuditEvent
from onewindow.common import time
from onewindow.common.api import ErrorOut
from onewindow.common.pagination import MAX_LIMIT

router = Router(tags=["audit"])


class EventFilterIn(Schema):
    object_type: str | None = Field(None, description="app_label.model, e.g. orgs.department")
    object_id: str | None = None
    actor: str | None = Field(None, description="Username; `system` for events without a user")
    action: str | None = Field(None, description="Exact action, or a prefix when it ends with a dot (`accounts.`)")
    date_from: dt.date | None = Field(None, description="First Asia/Shanghai day included")
    date_to: dt.date | None = Field(None, description="Last Asia/Shanghai day included")
    cursor: str | None = None
    limit: int | None = Field(None, ge=1, le=MAX_LIMIT)


class EventOut(Schema):
    seq: int
    occurred_at: dt.datetime
    actor_id: int | None
    actor_label: str
    action: str
    object_type: str
    object_id: str
    object_repr: str
    before: Any | None
    after: Any | None
    request_id: str
    ip: str | None
    prev_hash: str
    hash: str

    @staticmethod
    def resolve_occurred_at(obj: AuditEvent) -> dt.datetime:
        return time.local_datetime(obj.occurred_at)


class EventPageOut(Schema):
    items: list[EventOut]
    next_cursor: str | None


@router.get("/events", response={200: EventPageOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut}, auth=user_auth)
def list_events(request: HttpRequest, filters: Query[EventFilterIn]) -> dict[str, Any]:
    """Audit events matching the filters, newest first, a page at a time (`next_cursor`)."""
    page = selectors.event_list(user=request.user, **filters.dict())
    return {"items": page.items, "next_cursor": page.next_cursor}
