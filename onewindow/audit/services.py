"""Recording audit events. Every service calls `audit_record` inside its own transaction."""

import hashlib
import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction

from onewindow.audit.models import AuditChainHead, AuditEvent
from onewindow.common import request_context, time

GENESIS_HASH = "0" * 64


def _plain(value: Any) -> Any:
    """The JSON value as the database will return it (dates and decimals become strings)."""
    if value is None:
        return None
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False))


def event_hash(prev_hash: str, content: dict[str, Any]) -> str:
    """SHA-256 over the previous hash and the canonical JSON of the event's content."""
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), cls=DjangoJSONEncoder)
    return hashlib.sha256(f"{prev_hash}\n{canonical}".encode()).hexdigest()


def event_content(event: AuditEvent) -> dict[str, Any]:
    """The fields the hash covers, in the form they have after a round trip through the database."""
    return {
        "seq": event.seq,
        "occurred_at": event.occurred_at.astimezone(time.LOCAL_TZ).isoformat(timespec="microseconds"),
        "actor_id": event.actor_id,
        "actor_label": event.actor_label,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "object_repr": event.object_repr,
        "before": event.before,
        "after": event.after,
        "request_id": event.request_id,
        "ip": event.ip,
    }


def audit_snapshot(obj: models.Model, fields: list[str] | None = None) -> dict[str, Any]:
    """The concrete field values of `obj` (foreign keys as ids), for `before`/`after`."""
    data: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if fields is not None and field.name not in fields:
            continue
        if field.name in ("password", "key_hash"):
            continue
        data[field.attname] = field.value_from_object(obj)
    return _plain(data)


def audit_record(
    *,
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
) -> AuditEvent:
    """Append one event to the chain, in the caller's transaction.

    `action` is `<app>.<noun>.<verb>` (e.g. `orgs.department.create`); `obj` fills the object
    fields unless they are given. The actor may be None for the system (periodic tasks).
    """
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
        object_repr = object_repr or str(obj)[:200]
    context = request_context.current()
    user = actor if getattr(actor, "is_authenticated", False) else None
    with transaction.atomic():
        head = AuditChainHead.objects.select_for_update().filter(pk=1).first()
        if head is None:
            head = AuditChainHead.objects.create(pk=1)
            head = AuditChainHead.objects.select_for_update().get(pk=1)
        event = AuditEvent(
            seq=head.last_seq + 1,
            occurred_at=time.now(),
            actor=user,
            actor_label=(user.get_username() if user else "system")[:150],
            action=action,
            object_type=object_type,
            object_id=object_id,
            object_repr=object_repr[:200],
            before=_plain(before),
            after=_plain(after),
            request_id=context.request_id,
            ip=context.ip,
            prev_hash=head.last_hash,
        )
        event.hash = event_hash(head.last_hash, event_content(event))
        event.save(force_insert=True)
        AuditChainHead.objects.filter(pk=1).update(last_seq=event.seq, last_hash=event.hash)
    return event
