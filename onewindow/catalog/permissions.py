"""Who may draft, review and publish list changes."""

from typing import Any

from onewindow.accounts.access import access_of, reaches_department, reaches_region
from onewindow.accounts.choices import Role
from onewindow.catalog.models import ChangeRequest


def can_manage_lists(user: Any, region: Any) -> bool:
    """List managers (编办/审改办) of the region review and publish every list of it."""
    return reaches_region(user, region, [Role.LIST_MANAGER])


def can_draft(user: Any, *, region: Any, department: Any) -> bool:
    """A department admin drafts changes to their department's entries; list managers draft any."""
    if can_manage_lists(user, region):
        return True
    return department is not None and reaches_department(user, department, [Role.DEPARTMENT_ADMIN])


def can_edit_request(user: Any, change_request: ChangeRequest) -> bool:
    return can_draft(user, region=change_request.region, department=change_request.department)


def can_see_request(user: Any, change_request: ChangeRequest) -> bool:
    return can_edit_request(user, change_request)


# Page-level checks (which workbench pages a user may open; objects are checked again inside).


def may_open_change_requests(user: Any) -> bool:
    """List managers review every request of their regions; department admins draft their own."""
    return access_of(user).has(Role.LIST_MANAGER, Role.DEPARTMENT_ADMIN)


def may_maintain_reference_data(user: Any) -> bool:
    """Themes and synonyms are kept by list managers."""
    return access_of(user).has(Role.LIST_MANAGER)


def may_export(user: Any) -> bool:
    """The lists are public data: every staff member may download them."""
    return access_of(user).is_staff_member


def may_import(user: Any) -> bool:
    """List managers import any list of their regions; department admins their department's entries."""
    return access_of(user).has(Role.LIST_MANAGER, Role.DEPARTMENT_ADMIN)
