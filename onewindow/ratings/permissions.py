"""Who may do what with ratings, rectifications, window visits and complaints.

- A case is rated by its applicant (the account that filed it), or by whoever holds the signed
  link the platform sent to the applicant's phone; never by the staff who handled it or by anyone
  holding a staff role in the case's department (国办发〔2019〕51号: the rater is the served party).
- A bad review is followed up by the department's admin, chief representative or reviewers;
  rectified, answered and appealed by its admin or chief representative, for its own reviews only.
- The rater's revisit (复评) is recorded by the rater, through the signed link, or by a supervisor
  who called the rater back; never by the department being rated.
- Appeals are decided by supervisors (电子监察) over the department's region.
- Complaints: supervisors of the region enter hotline calls (window clerks too), assign, reject
  and close them; the assigned department's admin or chief representative answers them.
- Window visits are opened by window clerks of the hall's region and the chief representative of
  a departmental window's department.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from onewindow.accounts.access import access_of, reaches_department, reaches_region
from onewindow.accounts.choices import Role
from onewindow.common.errors import Forbidden
from onewindow.orgs.models import Department, Window
from onewindow.ratings.choices import RectificationAction
from onewindow.ratings.models import COMPLAINT_DEPARTMENT_ROLES, RATING_DEPARTMENT_ROLES, RATING_READER_ROLES, Complaint, Rectification

RA = RectificationAction
RECTIFIER_ROLES = (Role.DEPARTMENT_ADMIN, Role.CHIEF_REPRESENTATIVE)

# The department roles allowed each department action on a bad review.
DEPARTMENT_ROLES_FOR: dict[str, tuple[str, ...]] = {
    RA.FOLLOW_UP: RATING_DEPARTMENT_ROLES,
    RA.RECTIFY: RECTIFIER_ROLES,
    RA.REPLY: RECTIFIER_ROLES,
    RA.APPEAL: RECTIFIER_ROLES,
}
SUPERVISOR_ACTIONS = frozenset({RA.UPHOLD, RA.VOID})


def _active(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


# Pages ---------------------------------------------------------------------------------------


def may_open_rectifications(user: Any) -> bool:
    """The workbench's bad-review pages: department staff who work them, supervisors."""
    return access_of(user).has(*RATING_READER_ROLES)


def may_open_appeals(user: Any) -> bool:
    return access_of(user).has(Role.SUPERVISOR)


def may_open_complaints(user: Any) -> bool:
    return access_of(user).has(Role.SUPERVISOR, *COMPLAINT_DEPARTMENT_ROLES)


def may_enter_hotline(user: Any) -> bool:
    """12345 hotline calls are entered by supervisors and window clerks."""
    return access_of(user).has(Role.SUPERVISOR, Role.WINDOW_CLERK)


def may_open_visits(user: Any) -> bool:
    return access_of(user).has(Role.WINDOW_CLERK, Role.CHIEF_REPRESENTATIVE)


# Rating a case -------------------------------------------------------------------------------


def is_case_staff(user: Any, case: Any) -> bool:
    """Whether `user` handled `case` (received, accepted, decided, completed a stage of it or acted on it
    as staff) or holds any role in the case's department: such a user may not rate it."""
    from onewindow.cases.permissions import APPLICANT_ACTIONS

    if user is None or getattr(user, "pk", None) is None:
        return False
    if user.pk in {case.received_by_id, case.accepted_by_id, case.decided_by_id}:
        return True
    if any(case.department_id in ids for ids in access_of(user).departments.values()):
        return True
    if case.tasks.filter(handler=user).exists():
        return True
    return case.steps.filter(actor=user).exclude(action__in=list(APPLICANT_ACTIONS)).exists()


# Rectification -------------------------------------------------------------------------------


def may_act(user: Any, rectification: Rectification, action: str) -> bool:
    """Whether `user` may take `action` on `rectification` (the transition table is checked separately)."""
    if not _active(user):
        return False
    department = rectification.department
    if action in SUPERVISOR_ACTIONS:
        return reaches_department(user, department, [Role.SUPERVISOR])
    if action == RA.REVISIT:
        return rectification.rating.rater_id == user.pk or reaches_department(user, department, [Role.SUPERVISOR])
    roles = DEPARTMENT_ROLES_FOR.get(action, ())
    return bool(roles) and reaches_department(user, department, roles)


def require_rectification(user: Any, rectification: Rectification, action: str) -> None:
    if may_act(user, rectification, action):
        return
    if action == RA.APPEAL:
        raise Forbidden(_("只有被评价部门的部门管理员或首席代表可以对本部门收到的差评提出申诉。"), code="appeal_forbidden")
    if action in SUPERVISOR_ACTIONS:
        raise Forbidden(_("申诉由本区划的电子监察人员复核。"), code="appeal_decision_forbidden")
    if action == RA.REVISIT:
        raise Forbidden(_("复评由评价人本人或电子监察人员登记。"), code="revisit_forbidden")
    raise Forbidden(
        _("您无权对该差评执行“%(action)s”:只有被评价部门的工作人员可以办理。") % {"action": RectificationAction(action).label},
        code="rectification_forbidden",
    )


def actions_for(user: Any, rectification: Rectification) -> list[RectificationAction]:
    """The actions the table allows now and the user may take: what the page offers."""
    from onewindow.ratings.choices import next_rectification_state

    state, before = rectification.state, rectification.state_before_appeal
    allowed = [
        action
        for action in RectificationAction
        if next_rectification_state(state, action, before_appeal=before) is not None and may_act(user, rectification, action)
    ]
    if not rectification.may_appeal_again:
        allowed = [action for action in allowed if action != RA.APPEAL]
    return allowed


# Complaints ----------------------------------------------------------------------------------


def may_supervise_complaint(user: Any, complaint: Complaint) -> bool:
    """Assign, reassign, reject and close: supervisors over the complaint's region."""
    return _active(user) and reaches_region(user, complaint.region, [Role.SUPERVISOR])


def may_reply_complaint(user: Any, complaint: Complaint) -> bool:
    department = complaint.department
    return _active(user) and department is not None and reaches_department(user, department, COMPLAINT_DEPARTMENT_ROLES)


def may_enter_hotline_in(user: Any, region: Any) -> bool:
    return _active(user) and reaches_region(user, region, [Role.SUPERVISOR, Role.WINDOW_CLERK])


def sees_complainant(user: Any, complaint: Complaint) -> bool:
    """The complainant's name and phone are shown in full to supervisors only (the department sees them masked)."""
    return may_supervise_complaint(user, complaint)


# Window visits -------------------------------------------------------------------------------


def may_open_visit(user: Any, window: Window) -> bool:
    if not _active(user):
        return False
    if reaches_region(user, window.hall.region, [Role.WINDOW_CLERK]):
        return True
    department: Department | None = window.department
    return department is not None and reaches_department(user, department, [Role.CHIEF_REPRESENTATIVE])
