"""Who may change the organization structure.

System admins maintain the structure of their region and everything below it (regions,
departments, halls, windows); a department admin maintains the units of their own department.
`actor=None` is the system itself (management commands run on the server, such as `load_demo`).
"""

from onewindow.accounts.access import access_of, reaches_department, reaches_region
from onewindow.accounts.choices import Role
from onewindow.orgs.models import Department, Region, ServiceHall


def can_manage_region(actor: object | None, region: Region) -> bool:
    """System admin over `region` (a region role at or above it)."""
    return actor is None or reaches_region(actor, region, [Role.SYSTEM_ADMIN])


def can_add_region(actor: object | None, parent: Region | None) -> bool:
    """Regions are added below a region the actor administers; top-level ones only by a superuser."""
    if parent is None:
        return actor is None or access_of(actor).is_superuser
    return can_manage_region(actor, parent)


def can_manage_department(actor: object | None, department: Department) -> bool:
    return can_manage_region(actor, department.region)


def can_manage_units(actor: object | None, department: Department) -> bool:
    """The department's own admin, or a system admin over its region."""
    return actor is None or reaches_department(actor, department, [Role.DEPARTMENT_ADMIN, Role.SYSTEM_ADMIN])


def can_manage_hall(actor: object | None, hall: ServiceHall) -> bool:
    """System admin over the hall's region (its windows included)."""
    return can_manage_region(actor, hall.region)
