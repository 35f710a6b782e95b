"""Public API of the organization structure (no login needed): regions, departments, halls."""

from django.http import HttpRequest
from ninja import Query, Router, Schema

from onewindow.common.pagination import paginate
from onewindow.orgs import selectors
from onewindow.orgs.choices import RegionLevel
from onewindow.orgs.models import Department, Region, ServiceHall, Window

router = Router(tags=["orgs"])


class RegionOut(Schema):
    code: str
    name: str
    level: str
    level_label: str
    parent_code: str | None

    @staticmethod
    def resolve_level_label(obj: Region) -> str:
        return obj.get_level_display()


class UnitOut(Schema):
    id: int
    name: str
    duties: str


class DepartmentOut(Schema):
    id: int
    name: str
    short_name: str
    uscc: str
    phone: str
    address: str
    region_code: str
    region_name: str
    is_active: bool
    units: list[UnitOut]

    @staticmethod
    def resolve_region_name(obj: Department) -> str:
        return obj.region.name

    @staticmethod
    def resolve_units(obj: Department) -> list:
        return list(obj.units.all())


class WindowOut(Schema):
    id: int
    number: str
    name: str
    kind: str
    kind_label: str
    department_id: int | None
    department_name: str
    is_active: bool

    @staticmethod
    def resolve_kind_label(obj: Window) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_department_name(obj: Window) -> str:
        return obj.department.name if obj.department else ""


class HallOut(Schema):
    id: int
    name: str
    kind: str
    kind_label: str
    address: str
    hours: str
    phone: str
    region_code: str
    region_name: str
    parent_id: int | None
    is_active: bool
    windows: list[WindowOut]

    @staticmethod
    def resolve_kind_label(obj: ServiceHall) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_region_name(obj: ServiceHall) -> str:
        return obj.region.name

    @staticmethod
    def resolve_windows(obj: ServiceHall) -> list:
        return list(obj.windows.all())


class PageParams(Schema):
    cursor: str | None = None
    limit: int = 50


class RegionFilters(PageParams):
    parent: str | None = None
    level: RegionLevel | None = None


class RegionFilter(PageParams):
    region: str | None = None


class RegionPage(Schema):
    items: list[RegionOut]
    next_cursor: str | None


class DepartmentPage(Schema):
    items: list[DepartmentOut]
    next_cursor: str | None


class HallPage(Schema):
    items: list[HallOut]
    next_cursor: str | None


@router.get("/regions", response=RegionPage, auth=None, summary="行政区划")
def list_regions(request: HttpRequest, filters: Query[RegionFilters]) -> object:
    """The children of `parent` (a region code), or the regions of `level`, or the top-level regions."""
    regions = selectors.region_list(user=request.user, parent_code=filters.parent, level=filters.level)
    return paginate(regions, ordering=("code", "id"), cursor=filters.cursor, limit=filters.limit)


@router.get("/departments", response=DepartmentPage, auth=None, summary="部门及内设机构")
def list_departments(request: HttpRequest, filters: Query[RegionFilter]) -> object:
    """Departments of `region` and every region below it, each with its units."""
    departments = selectors.department_list(user=request.user, region_code=filters.region)
    return paginate(departments, ordering=("region_code", "sort_order", "id"), cursor=filters.cursor, limit=filters.limit)


@router.get("/halls", response=HallPage, auth=None, summary="服务大厅及窗口")
def list_halls(request: HttpRequest, filters: Query[RegionFilter]) -> object:
    """Service halls of `region` and below, each with its windows."""
    halls = selectors.hall_list(user=request.user, region_code=filters.region)
    return paginate(halls, ordering=("region_code", "kind", "id"), cursor=filters.cursor, limit=filters.limit)
