"""Reading the audit trail: the whole trail for its readers, one object's trail for its pages."""

import datetime as dt

from django.db.models import Model, Q, QuerySet

from onewindow.audit.models import AuditChainHead, AuditEvent
from onewindow.audit.permissions import require_staff, require_trail_reader
from onewindow.audit.services import HEAD_PK
from onewindow.common import time
from onewindow.common.pagination import Page, paginate

_EARLIEST, _LATEST = dt.date(1900, 1, 1), dt.date(9998, 12, 31)


def event_list(
    *,
    user: object,
    object_type: str | None = None,
    object_id: str | None = None,
    actor: str | None = None,
    action: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    cursor: str | None = None,
    limit: int | None = None,
    oldest_first: bool = False,
) -> Page[AuditEvent]:
    """One page of events matching the filters, newest first (or oldest first), for trail readers.

    `actor` is a username ("system" for events without a user); `action` is exact, or a prefix
    when it ends with a dot (`cases.` = every action of the cases app); the dates are Asia/Shanghai
    calendar days, both included. Raises Forbidden for users who may not read the trail.
    """
    require_trail_reader(user)
    events = AuditEvent.objects.select_related("actor")
    if object_type:
        events = events.filter(object_type=object_type)
    if object_id:
        events = events.filter(object_id=object_id)
    if actor:
        events = events.filter(Q(actor__username=actor) | Q(actor__isnull=True, actor_label=actor))
    if action:
        events = events.filter(action__startswith=action) if action.endswith(".") else events.filter(action=action)
    # A bound at the ends of the calendar bounds nothing (and its local midnight would not fit a datetime).
    if date_from and date_from > _EARLIEST:
        events = events.filter(occurred_at__gte=time.start_of_day(date_from))
    if date_to and date_to < _LATEST:
        events = events.filter(occurred_at__lt=time.start_of_day(date_to + dt.timedelta(days=1)))
    return paginate(events, ordering=("seq",) if oldest_first else ("-seq",), cursor=cursor, limit=limit)


def object_trail(*, user: object, obj: Model) -> QuerySet[AuditEvent]:
    """The events of `obj`, oldest first, for its detail page (`templates/audit/_trail.html`).

    The caller MUST already have checked that `user` may see `obj` (by fetching it through its
    own app's selector, which answers 404 otherwise): this function only checks that `user` is a
    staff member, because the trail of an object is shown to whoever may see the object.
    """
    require_staff(user)
    return AuditEvent.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk)).select_related("actor").order_by("seq")


def chain_head(*, user: object) -> AuditChainHead | None:
    """The chain head (last sequence number and hash), for trail readers."""
    require_trail_reader(user)
    return AuditChainHead.objects.filter(pk=HEAD_PK).first()
