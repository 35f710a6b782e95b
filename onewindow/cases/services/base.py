"""The one path every case transition takes: lock the row, check the table, the user and the
revision the user saw, write the step, the audit event and the notification in one transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from onewindow.audit.services import audit_record
from onewindow.cases import permissions
from onewindow.cases.choices import CaseAction, CaseStatus, DocumentKind, next_status
from onewindow.cases.models import Case, CaseDocument, CaseStep, new_verification_code
from onewindow.common import time
from onewindow.common.errors import Conflict

AUDIT_FIELDS = [
    "status",
    "decision",
    "deemed_accepted",
    "deemed_approved",
    "has_gaps",
    "gap_supply_by",
    "extended_days",
    "due_on",
    "revision",
]


def lock(case: Case) -> Case:
    """The case row re-read under a row lock (PostgreSQL; SQLite's write transactions are serialized).

    Only the case row is locked (`of=("self",)`): a plain FOR UPDATE over the join would also lock
    the department, its region and the item version, serializing every case of a department.
    """
    return Case.objects.select_for_update(of=("self",)).select_related("department__region", "item_version").get(pk=case.pk)


def begin(*, actor: Any, case: Case, action: str, expected_revision: int | None = None, system: bool = False) -> tuple[Case, str]:
    """Lock `case` and check that `action` may happen now: the table, the actor, the revision seen.

    Returns the locked case and the status the action leads to. Conflict (409) when another user
    changed the case since `expected_revision` or the table forbids the action in its status.
    """
    locked = lock(case)
    if not system:
        permissions.require(actor, locked, action)
    if expected_revision is not None and locked.revision != expected_revision:
        raise Conflict(
            _("该办件已被他人处理(当前状态:%(status)s),请刷新后重试。") % {"status": locked.get_status_display()},
            code="case_stale",
            details={"status": locked.status, "revision": locked.revision},
        )
    target = next_status(locked.status, action)
    if target is None:
        raise Conflict(
            _("办件当前状态为“%(status)s”,不能%(action)s。") % {"status": locked.get_status_display(), "action": CaseAction(action).label},
            code="case_transition_forbidden",
            details={"status": locked.status, "action": action},
        )
    return locked, target


def finish(
    *,
    actor: Any,
    case: Case,
    action: str,
    target: str,
    before: dict[str, Any],
    comment: str = "",
    details: dict[str, Any] | None = None,
    unit_name: str = "",
) -> CaseStep:
    """Move `case` to `target`, save it, and record the step, the audit event and the applicant's notification."""
    from onewindow.cases.notices import notify_applicant

    from_status = case.status
    case.status = target
    case.revision += 1
    case.updated_at = time.now()
    case.save()
    user = actor if getattr(actor, "is_authenticated", False) else None
    step = CaseStep.objects.create(
        case=case,
        action=action,
        from_status=from_status,
        to_status=target,
        actor=user,
        actor_name=(user.real_name or user.get_username()) if user else "",
        unit_name=unit_name or case.department.name,
        comment=comment,
        details=details or {},
        at=case.updated_at,
    )
    audit_record(actor=user, action=f"cases.case.{action}", obj=case, before=before, after=snapshot(case))
    notify_applicant(case, step)
    return step


def snapshot(case: Case) -> dict[str, Any]:
    return {field: _plain(getattr(case, field)) for field in AUDIT_FIELDS}


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def issue_document(case: Case, kind: str, content: dict[str, Any]) -> CaseDocument:
    """Record a notice or decision of the case; the task worker renders its PDF after the commit."""
    sequence = case.documents.count() + 1
    document = CaseDocument.objects.create(
        case=case,
        kind=kind,
        number=f"{case.number}-{sequence:02d}",
        verification_code=new_verification_code(),
        content={"kind_label": str(DocumentKind(kind).label), **content},
    )
    if _RENDER_AFTER_COMMIT.get():
        transaction.on_commit(lambda: _enqueue_render(document.pk))
    return document


# Bulk loads (the demo history) record documents without queueing hundreds of renders; the
# documents stay pending and are rendered on first download or by `manage.py render_documents`.
_RENDER_AFTER_COMMIT: ContextVar[bool] = ContextVar("render_after_commit", default=True)


@contextmanager
def documents_left_pending() -> Iterator[None]:
    token = _RENDER_AFTER_COMMIT.set(False)
    try:
        yield
    finally:
        _RENDER_AFTER_COMMIT.reset(token)


def _enqueue_render(document_id: int) -> None:
    from onewindow.cases.tasks import render_case_document

    render_case_document.enqueue(document_id)


def is_status(case: Case, *statuses: CaseStatus) -> bool:
    return case.status in statuses
