"""Recording audit events. Every service calls `audit_record` inside its own transaction."""

import functools
import hashlib
import ipaddress
import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar, cast

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, models, transaction

from onewindow.audit.models import AuditChainHead, AuditEvent
from onewindow.common import request_context, time

F = TypeVar("F", bound=Callable[..., Any])

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
    event = AuditEvent(
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
    )
    pending = _PENDING.get()
    if pending is not None:
        pending.append(event)
    else:
        _append([event])
    return event


# Events recorded inside `audit_deferred()`, appended to the chain when the block ends.
_PENDING: ContextVar[list[AuditEvent] | None] = ContextVar("audit_pending", default=None)


@contextmanager
def audit_deferred() -> Iterator[None]:
    """Record the block's audit events, and append them to the chain together when the block ends.

    For a service's hottest transactions: the chain head is locked from the first append until
    the transaction ends, and every writer of the system queues on it. Appending at the end of
    the service's work holds it only for the append and the commit. Use it inside the service's
    transaction (the events are appended in it, or dropped with it when the block raises):

        @transaction.atomic
        def case_file(...):
            with audit_deferred():
                ...

    Inside the block the returned events have no `seq` or `hash` yet, and reads of the trail do
    not show them. Nested blocks join the outermost one.
    """
    if _PENDING.get() is not None:
        yield
        return
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_deferred() must run inside the service's transaction")
    token = _PENDING.set([])
    try:
        yield
        events = _PENDING.get() or []
    finally:
        _PENDING.reset(token)
    if events:
        _append(events)


def atomic_audited(func: F) -> F:
    """`transaction.atomic` for a service, with its audit events appended together at its end (`audit_deferred`)."""

    @functools.wraps(func)
    def service(*args: Any, **kwargs: Any) -> Any:
        with transaction.atomic(), audit_deferred():
            return func(*args, **kwargs)

    return cast(F, service)


def _append(events: list[AuditEvent]) -> None:
    """Chain `events` after the head and write them in one insert."""
    # No savepoint: events are never written on their own, and a failure here fails the caller's write.
    with transaction.atomic(savepoint=False):
        head = _locked_head()
        seq, last_hash = head.last_seq, head.last_hash
        for event in events:
            seq += 1
            event.seq, event.prev_hash = seq, last_hash
            event.hash = last_hash = event_hash(event.prev_hash, event_content(event))
        if len(events) == 1:
            events[0].save(force_insert=True)
        else:
            AuditEvent.objects.bulk_create(events)
        AuditChainHead.objects.filter(pk=HEAD_PK).update(last_seq=seq, last_hash=last_hash)


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
