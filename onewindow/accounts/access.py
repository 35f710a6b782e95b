"""What a user's role assignments let them reach: the base of every `visible_to(user)`.

A department role reaches its department; a region role reaches every department whose region
lies within its region (by code prefix, so a county supervisor sees the townships' offices).
The assignments are loaded once per user object and cached on it.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Q

from onewindow.accounts.choices import STAFF_ROLES, Role


@dataclass(frozen=True)
class Access:
    """The roles of one user, each with the departments and region prefixes it covers."""

    departments: dict[str, frozenset[int]] = field(default_factory=dict)
    region_prefixes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    roles: frozenset[str] = frozenset()
    is_superuser: bool = False

    def has(self, *roles: str) -> bool:
        return self.is_superuser or any(role in self.roles for role in roles)

    @property
    def is_staff_member(self) -> bool:
        return self.is_superuser or bool(self.roles & STAFF_ROLES)


_EMPTY = Access()


def access_of(user: object) -> Access:
    """The user's access, computed once per user object."""
    if user is None or not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return _EMPTY
    cached = getattr(user, "_onewindow_access", None)
    if cached is not None:
        return cached
    departments: dict[str, set[int]] = {}
    prefixes: dict[str, list[str]] = {}
    roles: set[str] = set()
    for assignment in user.role_assignments.select_related("region"):  # type: ignore[attr-defined]
        roles.add(assignment.role)
        if assignment.department_id:
            departments.setdefault(assignment.role, set()).add(assignment.department_id)
        if assignment.region_id:
            prefixes.setdefault(assignment.role, []).append(assignment.region.prefix)
    access = Access(
        departments={role: frozenset(ids) for role, ids in departments.items()},
        region_prefixes={role: tuple(sorted(set(p))) for role, p in prefixes.items()},
        roles=frozenset(roles),
        is_superuser=bool(getattr(user, "is_superuser", False)),
    )
    user._onewindow_access = access  # type: ignore[attr-defined]
    return access


def forget_access(user: object) -> None:
    """Drop the cached access (after the user's assignments change)."""
    if hasattr(user, "_onewindow_access"):
        del user._onewindow_access  # type: ignore[attr-defined]


def has_role(user: object, *roles: Role | str) -> bool:
    return access_of(user).has(*roles)


def jurisdiction_q(
    user: object,
    roles: Iterable[Role | str],
    *,
    department_field: str = "department",
    region_code_field: str = "department__region__code",
) -> Q:
    """A filter selecting rows whose department lies in the user's reach for any of `roles`.

    Superusers reach everything; a user without the roles reaches nothing.
    """
    access = access_of(user)
    if access.is_superuser:
        return Q()
    conditions: list[Q] = []
    for role in roles:
        ids = access.departments.get(role)
        if ids:
            conditions.append(Q(**{f"{department_field}__in": ids}))
        for prefix in access.region_prefixes.get(role, ()):
            conditions.append(Q(**{f"{region_code_field}__startswith": prefix}))
    if not conditions:
        return Q(pk__in=[])
    return reduce(or_, conditions)


def reaches_department(user: object, department: object, roles: Iterable[Role | str]) -> bool:
    """Whether the user holds one of `roles` over `department` (directly or by region)."""
    access = access_of(user)
    if access.is_superuser:
        return True
    department_id = department.pk  # type: ignore[attr-defined]
    region_code = department.region.code  # type: ignore[attr-defined]
    for role in roles:
        if department_id in access.departments.get(role, frozenset()):
            return True
        if any(region_code.startswith(prefix) for prefix in access.region_prefixes.get(role, ())):
            return True
    return False


def reaches_region(user: object, region: object, roles: Iterable[Role | str]) -> bool:
    """Whether the user holds one of `roles` over `region` (a region role at or above it)."""
    access = access_of(user)
    if access.is_superuser:
        return True
    code = region.code  # type: ignore[attr-defined]
    return any(code.startswith(prefix) for role in roles for prefix in access.region_prefixes.get(role, ()))


def regions_of(user: Any, roles: Iterable[str] | None = None) -> list[Any]:
    """The regions of the user's role assignments (a department role counts its department's region),
    ordered by code; superusers get every province, city and county."""
    from onewindow.orgs.choices import RegionLevel
    from onewindow.orgs.models import Region

    if access_of(user).is_superuser:
        return list(Region.objects.filter(level__in=(RegionLevel.PROVINCE, RegionLevel.CITY, RegionLevel.COUNTY)).order_by("code"))
    wanted = set(roles) if roles is not None else None
    found: dict[int, Any] = {}
    for assignment in user.role_assignments.select_related("region", "department__region"):
        if wanted is not None and assignment.role not in wanted:
            continue
        region = assignment.region or (assignment.department.region if assignment.department_id else None)
        if region is not None:
            found.setdefault(region.pk, region)
    return sorted(found.values(), key=lambda region: region.code)
