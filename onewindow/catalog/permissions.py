"""Who may draft, review and publish list changes."""

from typing import Any

from onewindow.accounts.access import reaches_department, reaches_region
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
