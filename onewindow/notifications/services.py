"""Writes to notifications: queue messages (inside the caller's transaction), send them (the task), mark them read.

Delivery is at least once: a row is locked, delivered and marked sent in one short transaction,
so a crash between the gateway's answer and the commit sends that message again on the next run;
it is never lost, and two senders never deliver the same row at the same time (PostgreSQL skips
rows another sender holds; SQLite lets one writer in at a time).
"""

import datetime as dt
import logging
import re
from typing import Any
from urllib.parse import urljoin

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from onewindow.audit.services import audit_record, audit_snapshot
from onewindow.common import time
from onewindow.common.errors import Forbidden, InvalidInput
from onewindow.common.identity import mask_phone
from onewindow.common.sms import send_sms
from onewindow.notifications.choices import Channel, NotificationStatus
from onewindow.notifications.models import Notification

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
# How long a row waits after its 1st, 2nd, 3rd and 4th failed attempt; the 5th marks it failed.
RETRY_DELAYS = tuple(dt.timedelta(minutes=m) for m in (1, 5, 15, 60))
DEFAULT_BATCH = 100
MAX_TITLE_LENGTH = 200
MAX_LINK_LENGTH = 500
MAX_PHONE_LENGTH = 20
MAX_ERROR_LENGTH = 2000
PHONE_PATTERN = re.compile(r"\+?[0-9][0-9 -]*")


# ---- queue ------------------------------------------------------------------------------------


@transaction.atomic
def notification_queue(
    *,
    recipient: Any = None,
    phone: str = "",
    email: str = "",
    title: str,
    body: str,
    link: str = "",
    subject: Any = None,
    channels: list[str] | None = None,
) -> list[Notification]:
    """Queue a message to one person: one row per channel that has an address (the site needs
    `recipient`, SMS `phone`, e-mail `email`); by default every channel that has one.

    Call it inside the transaction of the write it reports: a rollback takes the rows with it, and
    the send task is enqueued once that transaction commits (once per transaction, however many
    rows). Not audited on its own: it is part of the caller's audited write.
    """
    rows = _rows(recipient=recipient, phone=phone, email=email, title=title, body=body, link=link, subject=subject, channels=channels)
    if not rows:
        return []
    created = Notification.objects.bulk_create(rows)
    _send_after_commit()
    return created


@transaction.atomic
def notifications_queue_many(messages: list[dict[str, Any]]) -> list[Notification]:
    """`notification_queue` for many messages at once (each a dict of its keyword arguments), in one insert."""
    rows = [row for message in messages for row in _rows(**message)]
    if not rows:
        return []
    created = Notification.objects.bulk_create(rows)
    _send_after_commit()
    return created


def _rows(
    *,
    recipient: Any = None,
    phone: str = "",
    email: str = "",
    title: str,
    body: str,
    link: str = "",
    subject: Any = None,
    channels: list[str] | None = None,
) -> list[Notification]:
    title, body, link = *_content(title, body), _link(link)
    addresses = _addresses(recipient, phone, email)
    subject_type, subject_id = _subject_key(subject)
    now = time.now()
    return [
        Notification(
            recipient=recipient,
            phone=addresses[Channel.SMS] if channel == Channel.SMS else "",
            email=addresses[Channel.EMAIL] if channel == Channel.EMAIL else "",
            channel=channel,
            title=title,
            body=body,
            link=link,
            subject_type=subject_type,
            subject_id=subject_id,
            created_at=now,
        )
        for channel in _channels(channels, addresses)
    ]


def _content(title: str, body: str) -> tuple[str, str]:
    title, body = (title or "").strip(), (body or "").strip()
    if not title or not body:
        raise InvalidInput(_("消息的标题和内容不能为空。"), code="notification_empty")
    if len(title) > MAX_TITLE_LENGTH:
        raise InvalidInput(_("消息标题不能超过%(n)d个字。") % {"n": MAX_TITLE_LENGTH}, code="notification_title_too_long")
    return title, body


def _subject_key(subject: Any) -> tuple[str, str]:
    """(`subject_type`, `subject_id`) of the row a message is about, as deadlines store it."""
    if subject is None:
        return "", ""
    if getattr(subject, "pk", None) is None:
        raise InvalidInput(_("消息对象尚未保存。"), code="notification_subject_unsaved")
    return subject._meta.label_lower, str(subject.pk)


def _link(link: str) -> str:
    """A path on this site (`/my/cases/…`): never another host, so following it cannot lead away."""
    link = (link or "").strip()
    if not link:
        return ""
    if not link.startswith("/") or link.startswith("//") or "\\" in link or any(c.isspace() for c in link) or len(link) > MAX_LINK_LENGTH:
        raise InvalidInput(_("消息链接必须是本站的相对地址。"), code="notification_link_invalid")
    return link


def _addresses(recipient: Any, phone: str, email: str) -> dict[str, Any]:
    """The address of each channel; a malformed phone or e-mail counts as none (logged): a bad contact
    detail must not undo the caller's write, and the other channels still reach the person."""
    return {Channel.SITE: recipient, Channel.SMS: _phone(phone), Channel.EMAIL: _email(email)}


def _phone(phone: str) -> str:
    phone = (phone or "").strip()
    if phone and (len(phone) > MAX_PHONE_LENGTH or not PHONE_PATTERN.fullmatch(phone)):
        logger.warning("notification: phone %s is malformed; no SMS queued", mask_phone(phone))
        return ""
    return phone


def _email(email: str) -> str:
    email = (email or "").strip()
    if not email:
        return ""
    try:
        validate_email(email)
    except ValidationError:
        logger.warning("notification: an e-mail address is malformed; no e-mail queued")
        return ""
    return email


def _channels(channels: list[str] | None, addresses: dict[str, Any]) -> list[str]:
    """The requested channels (all by default) that have an address, each once."""
    requested = list(Channel.values) if channels is None else list(dict.fromkeys(channels))
    unknown = [channel for channel in requested if channel not in Channel.values]
    if unknown:
        raise InvalidInput(_("消息渠道无效。"), code="notification_channel_invalid", details={"channels": unknown})
    return [channel for channel in requested if addresses[channel]]


def _send_after_commit() -> None:
    """Enqueue the send task when the current transaction commits, unless already arranged for it.

    A callback registered in a savepoint that rolled back is gone from the list, so a later queue
    in the same transaction registers it again.
    """
    connection = transaction.get_connection()
    if any(func is _enqueue_send for _savepoints, func, _robust in connection.run_on_commit):
        return
    # robust: the caller's write has committed; if enqueueing fails, the rows wait for `manage.py notifications_send`.
    transaction.on_commit(_enqueue_send, robust=True)


def _enqueue_send() -> None:
    from onewindow.notifications.tasks import send_notifications  # the tasks module imports this one

    send_notifications.enqueue()


# ---- send -------------------------------------------------------------------------------------


def notifications_send(*, batch: int = DEFAULT_BATCH) -> dict[str, int]:
    """Deliver up to `batch` pending rows that are due, oldest first; the counts of what happened.

    `sent`: delivered; `retry`: failed, tried again later; `failed`: given up after the last attempt.
    Each row is claimed and delivered in its own short transaction, so a slow gateway holds one row
    (on SQLite: the write lock) for one message, not a batch. Not audited: the row records it.
    """
    counts = {"sent": 0, "retry": 0, "failed": 0}
    after = 0
    for _row in range(batch):
        outcome = _send_next(after=after)
        if outcome is None:
            break
        after, result = outcome
        counts[result] += 1
    return counts


def notifications_send_all(*, batch: int = DEFAULT_BATCH, max_batches: int = 100) -> dict[str, int]:
    """`notifications_send` until a batch comes back short (or `max_batches` ran): a burst is drained in one run."""
    total = {"sent": 0, "retry": 0, "failed": 0}
    for _batch in range(max_batches):
        counts = notifications_send(batch=batch)
        total = {key: total[key] + counts[key] for key in total}
        if sum(counts.values()) < batch:
            break
    return total


@transaction.atomic
def _send_next(*, after: int) -> tuple[int, str] | None:
    """Claim the next due row after id `after` (skipping rows another sender holds), deliver it, record the outcome."""
    due = Notification.objects.due(time.now()).filter(pk__gt=after).order_by("id")
    row = due.select_for_update(skip_locked=True).first()
    if row is None:
        return None
    try:
        _deliver(row)
    except Exception as error:  # noqa: BLE001 - any gateway error is recorded on the row and retried
        return row.pk, _record_failure(row, error)
    row.status, row.sent_at, row.next_attempt_at = NotificationStatus.SENT, time.now(), None
    row.save(update_fields=["status", "sent_at", "next_attempt_at"])
    return row.pk, "sent"


def _deliver(row: Notification) -> None:
    """Hand the message to its gateway; an in-site message is delivered by being stored."""
    if row.channel == Channel.SMS:
        send_sms(row.phone, "\n".join(filter(None, [row.title, row.body, _absolute(row.link)])))
    elif row.channel == Channel.EMAIL:
        message = "\n\n".join(filter(None, [row.body, _absolute(row.link)]))
        send_mail(row.title, message, settings.DEFAULT_FROM_EMAIL, [row.email], fail_silently=False)


def _absolute(link: str) -> str:
    """A site link as a full URL (`SITE_URL`), as an SMS or e-mail is read outside the site."""
    return urljoin(settings.SITE_URL.rstrip("/") + "/", link.lstrip("/")) if link else ""


def _record_failure(row: Notification, error: Exception) -> str:
    row.attempts += 1
    row.last_error = f"{type(error).__name__}: {error}"[:MAX_ERROR_LENGTH]
    if row.attempts >= MAX_ATTEMPTS:
        row.status, row.next_attempt_at = NotificationStatus.FAILED, None
        logger.error("notification %s: %s delivery failed %d times, giving up: %s", row.pk, row.channel, row.attempts, row.last_error)
    else:
        row.next_attempt_at = time.now() + RETRY_DELAYS[row.attempts - 1]
        logger.warning("notification %s: %s delivery failed (attempt %d): %s", row.pk, row.channel, row.attempts, row.last_error)
    row.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
    return "failed" if row.status == NotificationStatus.FAILED else "retry"


# ---- read -------------------------------------------------------------------------------------


@transaction.atomic
def notification_mark_read(*, actor: Any, notification: Notification) -> Notification:
    """Mark one of the actor's in-site messages read; marking it again changes nothing."""
    if not _is_user(actor) or notification.recipient_id != actor.pk:
        raise Forbidden(_("只能标记发给自己的消息。"), code="notification_not_recipient")
    if notification.channel != Channel.SITE:
        raise InvalidInput(_("只有站内消息可以标为已读。"), code="notification_not_site")
    if Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=time.now()):
        notification = Notification.objects.get(pk=notification.pk)
        after = audit_snapshot(notification, ["read_at"])
        audit_record(actor=actor, action="notifications.notification.read", obj=notification, after=after)
        return notification
    return Notification.objects.get(pk=notification.pk)


@transaction.atomic
def notifications_mark_all_read(*, actor: Any) -> int:
    """Mark all of the actor's unread in-site messages read; how many were unread."""
    if not _is_user(actor):
        raise Forbidden(_("请先登录。"), code="notification_not_recipient")
    now = time.now()
    count = Notification.objects.inbox_of(actor).filter(read_at__isnull=True).update(read_at=now)
    if count:
        audit_record(
            actor=actor,
            action="notifications.inbox.read_all",
            object_type="notifications.inbox",
            object_id=str(actor.pk),
            object_repr=str(actor),
            after={"count": count, "read_at": now},
        )
    return count


def _is_user(actor: Any) -> bool:
    return bool(getattr(actor, "is_authenticated", False) and getattr(actor, "is_active", False))
