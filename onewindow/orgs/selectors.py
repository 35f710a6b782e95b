"""Reads of the organization structure. It is public: every selector works for anonymous
visitors too, showing active rows (administrators also see their inactive ones)."""

from __future__ import annotations

from django.db.models import F, Prefetch, QuerySet
from django.utils.translation import gettext as _

from onewindow.common.errors import NotFound
from onewindow.orgs.choices import RegionLevel
from onewindow.orgs.models import Department, Region, ServiceHall, Unit, Window


def get_region_or_404(*, user: object, code: str) -> Region:
    region = Region.objects.visible_to(user).filter(code=code).first()
    if region is None:
        raise NotFound(_("区划代码 %(code)s 不存在。") % {"code": code}, code="region_not_found")
    return region


def get_department_or_404(*, user: object, pk: int) -> Department:
    department = Department.objects.visible_to(user).select_related("region").filter(pk=pk).first()
    if department is None:
        raise NotFound(_("部门不存在。"), code="department_not_found")
    return department


def get_unit_or_404(*, user: object, pk: int) -> Unit:
    unit = Unit.objects.visible_to(user).select_related("department__region").filter(pk=pk).first()
    if unit is None:
        raise NotFound(_("内设机构不存在。"), code="unit_not_found")
    return unit


def get_hall_or_404(*, user: object, pk: int) -> ServiceHall:
    hall = ServiceHall.objects.visible_to(user).select_related("region").filter(pk=pk).first()
    if hall is None:
        raise NotFound(_("服务大厅不存在。"), code="hall_not_found")
    return hall


def get_window_or_404(*, user: object, pk: int) -> Window:
    window = Window.objects.visible_to(user).select_related("hall__region", "department").filter(pk=pk).first()
    if window is None:
        raise NotFound(_("窗口不存在。"), code="window_not_found")
    return window


def region_list(*, user: object, parent_code: str | None = None, level: RegionLevel | str | None = None) -> QuerySet[Region]:
    """The children of `parent_code`; without it, the regions of `level`, or the top-level regions."""
    regions = Region.objects.visible_to(user).annotate(parent_code=F("parent__code"))
    if parent_code:
        regions = regions.filter(parent=get_region_or_404(user=user, code=parent_code))
    elif not level:
        regions = regions.filter(parent__isnull=True)
    if level:
        regions = regions.filter(level=level)
    return regions.order_by("code")


def department_list(*, user: object, region_code: str | None = None) -> QuerySet[Department]:
    """Departments of a region and every region below it (all regions without one), with their units."""
    departments = Department.objects.visible_to(user)
    if region_code:
        departments = departments.filter(region__code__startswith=get_region_or_404(user=user, code=region_code).prefix)
    return (
        departments.select_related("region")
        .prefetch_related(Prefetch("units", queryset=Unit.objects.order_by("sort_order", "id")))
        .annotate(region_code=F("region__code"))
        .order_by("region_code", "sort_order", "id")
    )


def hall_list(*, user: object, region_code: str | None = None) -> QuerySet[ServiceHall]:
    """Service halls of a region and below (all without one), each with its windows."""
    halls = ServiceHall.objects.visible_to(user)
    if region_code:
        halls = halls.filter(region__code__startswith=get_region_or_404(user=user, code=region_code).prefix)
    windows = Window.objects.visible_to(user).select_related("department").order_by("number", "id")
    return (
        halls.select_related("region", "parent")
        .prefetch_related(Prefetch("windows", queryset=windows))
        .annotate(region_code=F("region__code"))
        .order_by("region_code", "kind", "id")
    )


def region_lineage(region: Region) -> list[Region]:
    """`region` and its ancestors up to the province (at most five rows)."""
    lineage = [region]
    while lineage[-1].parent_id is not None:
        lineage.append(lineage[-1].parent)  # type: ignore[arg-type]
    return lineage


def departments_for_hall(*, user: object, hall: ServiceHall) -> QuerySet[Department]:
    """The departments a window of `hall` may belong to: those of the hall's region and the regions above it."""
    return Department.objects.visible_to(user).filter(region__in=region_lineage(hall.region)).order_by("region__code", "sort_order", "id")
