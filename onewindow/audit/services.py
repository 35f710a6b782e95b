"""Recording audit events. Every service calls `audit_record` inside its own transaction."""

import hashlib
import ipaddress
import json
import re
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, models, transaction

from onewindow.audit.models import AuditChainHead, AuditEvent
from onewindow.common import request_context, time

GENESIS_HASH = "0" * 64
HEAD_PK = 1

# `<app>.<noun>.<verb>`, lower case with underscores (`accounts.mfa_device.confirm`); more
# segments are allowed for nested nouns. The column holds 64 characters.
ACTION_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){2,}$")
ACTION_MAX_LENGTH = 64

# Never copied into `before`/`after` by `audit_snapshot`: the trail is read by many people and
# kept forever, so it must not hold anything that lets one log in or sign as someone.
SECRET_FIELD_NAMES = frozenset({"password", "key_hash", "key", "secret", "secret_key", "token", "token_hash"})


def _plain(value: Any) -> Any:
    """The JSON value as the database will return it (dates and decimals become strings)."""
    if value is None:
        return None
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False))


def canonical_ip(value: str | None) -> str | None:
    """The address in one spelling (IPv4-mapped IPv6 as IPv4), or None when it is not an address.

    The databases spell IPv6 addresses differently (PostgreSQL's inet, Django's own cleaning),
    so the hash covers this form, which is the same whatever the database returns.
    """
    if not value:
        return None
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return str(address)


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
        "ip": canonical_ip(event.ip),
    }


def audit_snapshot(obj: models.Model, fields: list[str] | None = None) -> dict[str, Any]:
    """The concrete field values of `obj` (foreign keys as ids), for `before`/`after`.

    Secret fields (passwords, token hashes, keys; see `SECRET_FIELD_NAMES`) are always left out.
    """
    data: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if fields is not None and field.name not in fields:
            continue
        if field.name in SECRET_FIELD_NAMES:
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

    Call it inside the service's own `@transaction.atomic` block, after the write: if the
    service's transaction rolls back, so does its event, and the chain never records a write
    that did not happen.

    - `action` is `<app>.<noun>.<verb>`, lower case with underscores: `orgs.department.create`,
      `accounts.user.set_password`, `cases.case.accept`. Anything else raises ValueError (a
      programming error, caught by the caller's tests).
    - `before` / `after` are snapshots of the fields the write changed (`audit_snapshot(obj,
      fields=[...])` or a small dict): `before` None for a creation, `after` None for a
      deletion. They are kept forever and shown to supervisors: never put passwords, password
      or token hashes, keys or other secrets in them.
    - `obj` fills `object_type` (`app_label.model`), `object_id` and `object_repr` unless they are
      given; pass the three strings instead for something that is not a model row.
    - `actor` is the acting user; None (or an anonymous user) records the system, e.g. a
      periodic task.

    The request id and client IP come from the request being served (see
    `common.middleware.RequestContextMiddleware`); outside a request they are empty.
    """
    _check_action(action)
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
        object_repr = object_repr or str(obj)
    context = request_context.current()
    user = actor if getattr(actor, "is_authenticated", False) else None
    # No savepoint: an event is never written on its own, and a failure here fails the caller's write.
    with transaction.atomic(savepoint=False):
        head = _locked_head()
        event = AuditEvent(
            seq=head.last_seq + 1,
            occurred_at=time.now(),
            actor=user,
            actor_label=(user.get_username() if user else "system")[:150],
            action=action,
            object_type=object_type[:100],
            object_id=object_id[:64],
            object_repr=object_repr[:200],
            before=_plain(before),
            after=_plain(after),
            request_id=context.request_id[:64],
            ip=canonical_ip(context.ip),
            prev_hash=head.last_hash,
        )
        event.hash = event_hash(head.last_hash, event_content(event))
        event.save(force_insert=True)
        AuditChainHead.objects.filter(pk=HEAD_PK).update(last_seq=event.seq, last_hash=event.hash)
    return event


def _check_action(action: str) -> None:
    if len(action) > ACTION_MAX_LENGTH or not ACTION_PATTERN.match(action):
        raise ValueError(f"audit action {action!r} is not '<app>.<noun>.<verb>' (lower case, at most {ACTION_MAX_LENGTH} characters)")


def _locked_head() -> AuditChainHead:
    """The chain head, locked until the caller's transaction ends, so writers append one at a time.

    Migration 0002 creates the row; a `flush` (as in transactional tests) or a manual delete
    removes it, and then the first writer recreates it from the last event.
    """
    head = AuditChainHead.objects.select_for_update().filter(pk=HEAD_PK).first()
    if head is None:
        _recreate_head()
        head = AuditChainHead.objects.select_for_update().get(pk=HEAD_PK)
    return head


def _recreate_head() -> None:
    # While the head is missing no writer can append (each needs it first), so the last event
    # read here is the end of the chain; a concurrent writer creating it first is fine too.
    last = AuditEvent.objects.order_by("-seq").only("seq", "hash").first()
    fields = {"last_seq": last.seq, "last_hash": last.hash} if last else {"last_seq": 0, "last_hash": GENESIS_HASH}
    try:
        with transaction.atomic():
            AuditChainHead.objects.create(pk=HEAD_PK, **fields)
    except IntegrityError:
        pass
