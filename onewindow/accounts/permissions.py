"""Who may grant which role, and who may manage which user account.

A system admin administers the roles of their region and everything below it (regions and the
departments in them); a department admin administers the department roles of their own
department, except department admin itself (that one comes from a system admin).
"""

from onewindow.accounts.access import access_of, reaches_department, reaches_region
from onewindow.accounts.choices import DEPARTMENT_ROLES, STAFF_ROLES, Role

ADMIN_ROLES = frozenset({Role.SYSTEM_ADMIN, Role.DEPARTMENT_ADMIN})


def may_grant(actor: object, role: str, *, department: object = None, region: object = None) -> bool:
    """Whether `actor` may grant (or revoke) `role` over the given scope."""
    access = access_of(actor)
    if access.is_superuser:
        return True
    if role == Role.APPLICANT:
        return access.has(Role.SYSTEM_ADMIN)
    if department is not None:
        if reaches_department(actor, department, [Role.SYSTEM_ADMIN]):
            return True
        return role in DEPARTMENT_ROLES and role != Role.DEPARTMENT_ADMIN and reaches_department(actor, department, [Role.DEPARTMENT_ADMIN])
    if region is not None:
        return reaches_region(actor, region, [Role.SYSTEM_ADMIN])
    return False


def may_revoke(actor: object, assignment: object) -> bool:
    """Whether `actor` may take this assignment away: they could grant it, and it is not their own admin role."""
    role = assignment.role  # type: ignore[attr-defined]
    own = assignment.user_id == getattr(actor, "pk", None)  # type: ignore[attr-defined]
    if own and role in ADMIN_ROLES and not access_of(actor).is_superuser:
        return False
    return may_grant(actor, role, department=assignment.department, region=assignment.region)  # type: ignore[attr-defined]


def may_manage_user(actor: object, user: object) -> bool:
    """Whether `actor` may change `user`'s account: every role the user holds is one the actor could grant.

    Applicants (no staff role) are managed by system admins; superusers only by superusers.
    """
    access = access_of(actor)
    if access.is_superuser:
        return True
    if getattr(user, "is_superuser", False) or not access.has(*ADMIN_ROLES):
        return False
    assignments = user.role_assignments.filter(role__in=sorted(STAFF_ROLES)).select_related("department__region", "region")  # type: ignore[attr-defined]
    staff_assignments = list(assignments)
    if not staff_assignments:
        return access.has(Role.SYSTEM_ADMIN)
    return all(may_grant(actor, a.role, department=a.department, region=a.region) for a in staff_assignments)


def is_user_admin(actor: object) -> bool:
    """Whether `actor` administers user accounts at all (the management site's user pages)."""
    return access_of(actor).has(*ADMIN_ROLES)
