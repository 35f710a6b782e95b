"""What the editor's selects offer, read once per page from the request's region and department."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from onewindow.catalog.models import ChangeRequest, FeeEntry, IntermediaryService, PowerItem, Theme
from onewindow.licenses.models import LicenseType
from onewindow.orgs.models import Department, Unit

from .fields import Choices


@dataclass
class Options:
    """The choices of one rendering of the editor.

    `department` is the name of the entry's department (units and powers are that department's);
    `situations` are the handling situations on the page, which materials may point to.
    """

    change_request: ChangeRequest
    department: str = ""
    situations: Choices = field(default_factory=list)

    @cached_property
    def _departments(self) -> list[Department]:
        region = self.change_request.region
        return list(Department.objects.filter(region__code__startswith=region.prefix, is_active=True).order_by("sort_order", "id"))

    @cached_property
    def departments(self) -> Choices:
        return [(d.name, d.name) for d in self._departments]

    @cached_property
    def units(self) -> Choices:
        """Units (内设机构) of the entry's department."""
        if not self.department:
            return []
        rows = Unit.objects.filter(department__region__code__startswith=self.change_request.region.prefix, department__name=self.department)
        return [(u.name, u.name) for u in rows.order_by("sort_order", "id")]

    @cached_property
    def license_types(self) -> Choices:
        return [(t.code, t.name) for t in LicenseType.objects.filter(is_active=True).order_by("name", "code")]

    @cached_property
    def themes(self) -> Choices:
        return [(t.code, t.name) for t in Theme.objects.order_by("sort", "id")]

    @cached_property
    def intermediaries(self) -> Choices:
        """Only services of the intermediary catalog may be required (目录之外无中介服务)."""
        rows = IntermediaryService.objects.filter(region=self.change_request.region, current__isnull=False).select_related("current")
        return [(s.code, s.current.name) for s in rows.order_by("code")]  # type: ignore[union-attr]

    @cached_property
    def fee_entries(self) -> Choices:
        region = self.change_request.region
        rows = FeeEntry.objects.filter(department__region__code__startswith=region.prefix, current__isnull=False)
        if self.department:
            rows = rows.filter(department__name=self.department)
        return [(e.code, f"{e.code} {e.current.name}") for e in rows.select_related("current").order_by("code")]  # type: ignore[union-attr]

    @cached_property
    def powers(self) -> Choices:
        """The department's current power items (what a service item implements, or a power's main item)."""
        if not self.department:
            return []
        rows = PowerItem.objects.filter(
            department__region__code__startswith=self.change_request.region.prefix, department__name=self.department, current__isnull=False
        )
        return [(p.code, f"{p.code} {p.current.name}") for p in rows.select_related("current").order_by("code")]  # type: ignore[union-attr]
