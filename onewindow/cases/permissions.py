"""Who may do what to a case. The transition table says what may happen; this says who may make it happen.

- The applicant (the account that filed it) submits, resubmits corrections, supplies gaps, withdraws.
- A window clerk (a region role: a comprehensive window accepts every department's items) takes
  applications in, answers them (accept, gaps, correction, refuse), delivers and closes.
- The owning department's reviewers and chief representatives may answer online submissions too;
  reviewers complete review stages and start or end special procedures; deciders decide and
  extend; a chief representative decides items whose decision stage is authorized to the window
  (一级审批).
- Deemed acceptance, deemed approval and termination for unsupplied gaps are the system's (no user).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from onewindow.accounts.access import access_of, reaches_department, reaches_region
from onewindow.accounts.choices import Role
from onewindow.cases.choices import CaseAction
from onewindow.cases.models import Case
from onewindow.catalog.choices import ItemKind, StageKind
from onewindow.common.errors import Forbidden

A = CaseAction
SYSTEM_ACTIONS = frozenset({A.DEEM_ACCEPTED, A.DEEM_APPROVED, A.TERMINATE})
APPLICANT_ACTIONS = frozenset({A.SUBMIT, A.RESUBMIT, A.SUPPLY_GAPS, A.WITHDRAW})
ANSWER_ACTIONS = frozenset({A.ACCEPT, A.ACCEPT_WITH_GAPS, A.REQUEST_CORRECTION, A.REFUSE})

# Department roles allowed each staff action (besides the window clerks where noted below).
DEPARTMENT_ROLES_FOR: dict[str, tuple[str, ...]] = {
    A.ACCEPT: (Role.REVIEWER, Role.CHIEF_REPRESENTATIVE),
    A.ACCEPT_WITH_GAPS: (Role.REVIEWER, Role.CHIEF_REPRESENTATIVE),
    A.REQUEST_CORRECTION: (Role.REVIEWER, Role.CHIEF_REPRESENTATIVE),
    A.REFUSE: (Role.REVIEWER, Role.CHIEF_REPRESENTATIVE),
    A.COMPLETE_STAGE: (Role.REVIEWER, Role.DECIDER, Role.CHIEF_REPRESENTATIVE),
    A.SUSPEND: (Role.REVIEWER, Role.DECIDER, Role.CHIEF_REPRESENTATIVE),
    A.RESUME: (Role.REVIEWER, Role.DECIDER, Role.CHIEF_REPRESENTATIVE),
    A.EXTEND: (Role.DECIDER,),
    A.APPROVE: (Role.DECIDER,),
    A.DENY: (Role.DECIDER,),
    A.DELIVER: (Role.CHIEF_REPRESENTATIVE,),
    A.CLOSE: (Role.CHIEF_REPRESENTATIVE,),
    A.SUPPLY_GAPS: (Role.REVIEWER, Role.CHIEF_REPRESENTATIVE),
}
WINDOW_ACTIONS = frozenset({*ANSWER_ACTIONS, A.DELIVER, A.CLOSE, A.RESUBMIT, A.SUPPLY_GAPS, A.WITHDRAW})


def is_applicant(user: Any, case: Case) -> bool:
    return bool(getattr(user, "is_authenticated", False) and case.applicant_user_id == user.pk)


def window_decides(case: Case) -> bool:
    """The item's decision stage is authorized to the chief representative at the window (一级审批)."""
    return any(stage.kind == StageKind.DECIDE and stage.role == Role.CHIEF_REPRESENTATIVE for stage in case.item_version.stages.all())


def may(user: Any, case: Case, action: str) -> bool:
    """Whether `user` may take `action` on `case` (the transition table is checked separately)."""
    if action in SYSTEM_ACTIONS or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if action in APPLICANT_ACTIONS and is_applicant(user, case):
        return True
    if access_of(user).is_superuser:
        return action not in APPLICANT_ACTIONS or action in WINDOW_ACTIONS
    if action in WINDOW_ACTIONS and _is_clerk(user, case):
        return True
    if action in (A.APPROVE, A.DENY):
        return _decides(user, case)
    roles = DEPARTMENT_ROLES_FOR.get(action, ())
    return bool(roles) and reaches_department(user, case.department, roles)


def _is_clerk(user: Any, case: Case) -> bool:
    return reaches_region(user, case.department.region, [Role.WINDOW_CLERK])


def _decides(user: Any, case: Case) -> bool:
    if reaches_department(user, case.department, [Role.DECIDER]):
        return True
    if case.item_version.kind == ItemKind.ON_THE_SPOT and _is_clerk(user, case):
        return True  # 即办件: decided at the window in the same sitting
    return window_decides(case) and reaches_department(user, case.department, [Role.CHIEF_REPRESENTATIVE])


def require(user: Any, case: Case, action: str) -> None:
    if not may(user, case, action):
        raise Forbidden(_("您无权对该办件执行“%(action)s”。") % {"action": CaseAction(action).label}, code="case_forbidden")


def actions_for(user: Any, case: Case) -> list[CaseAction]:
    """The actions the table allows now and the user may take: what the case page offers."""
    from onewindow.cases.choices import next_status

    return [a for a in CaseAction if next_status(case.status, a) is not None and may(user, case, a)]


def may_intake(user: Any) -> bool:
    """Window clerks take applications in at the hall."""
    return access_of(user).is_superuser or access_of(user).has(Role.WINDOW_CLERK)
