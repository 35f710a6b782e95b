"""Reads of the statistics by scope (region, department, item, staff member) and period, always for a user.

Reach: supervisors see the departments of their regions, department staff their own department,
everyone else nothing (superusers everything). A requested region or department outside the
reach is refused (403 `statistics_scope_forbidden`). Every read sums the month rows of the whole
months of the period and the day rows of the rest, so three years of a province read a few
thousand rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, reduce
from operator import or_
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import CharField, Count, Q, Sum
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from onewindow.accounts.access import access_of
from onewindow.accounts.choices import DEPARTMENT_ROLES, Role
from onewindow.cases.choices import FINAL_STATUSES, CaseStatus
from onewindow.cases.models import Case, StageTask
from onewindow.catalog.models import ServiceItem
from onewindow.common.codes import parse_id
from onewindow.common.errors import Forbidden, InvalidInput, NotFound
from onewindow.orgs.models import Department, Region
from onewindow.supervision.choices import CardColor
from onewindow.supervision.models import OPEN_CARD, Card
from onewindow.supervision.statistics import metrics
from onewindow.supervision.statistics.models import (
    DepartmentDay,
    DepartmentMonth,
    ItemDay,
    ItemMonth,
    RefreshedDay,
    RegionDay,
    RegionMonth,
    StaffDay,
    StaffMonth,
)
from onewindow.supervision.statistics.periods import Period, month_start

GROUPS = ("department", "item", "staff")
# How timers (and so cards) name a case and a stage task (`deadlines.models.subject_key`).
CASE_SUBJECT = Case._meta.label_lower
TASK_SUBJECT = StageTask._meta.label_lower


# Reach and scope -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reach:
    """The departments and region prefixes a user's statistics may cover."""

    departments: frozenset[int] = frozenset()
    prefixes: tuple[str, ...] = ()
    everything: bool = False

    @property
    def is_empty(self) -> bool:
        return not (self.everything or self.departments or self.prefixes)

    def covers_department(self, department: Department) -> bool:
        return self.everything or department.pk in self.departments or any(department.region.code.startswith(p) for p in self.prefixes)


def reach_of(user: Any) -> Reach:
    """Supervisors: their regions; department staff: their departments; superusers: everything."""
    access = access_of(user)
    if access.is_superuser:
        return Reach(everything=True)
    departments: set[int] = set()
    for role in DEPARTMENT_ROLES:
        departments |= access.departments.get(role, frozenset())
    return Reach(frozenset(departments), tuple(access.region_prefixes.get(Role.SUPERVISOR, ())))


def may_view_statistics(user: Any) -> bool:
    return not reach_of(user).is_empty


def region_range(prefix: str, field_name: str = "region_code") -> Q:
    """Codes starting with `prefix` as an index range (codes are digits; ':' sorts right after '9')."""
    return Q(**{f"{field_name}__gte": prefix, f"{field_name}__lt": prefix + ":"})


@dataclass(frozen=True)
class Scope:
    """What a read covers: the user's reach narrowed to a region and/or a department (and an item or user)."""

    reach: Reach
    region: Region | None = None
    department: Department | None = None
    item: ServiceItem | None = None
    user_id: int | None = None

    def q(self, *, region_field: str = "region_code", department_field: str = "department_id") -> Q:
        parts = []
        if not self.reach.everything:
            reach = [Q(**{f"{department_field}__in": sorted(self.reach.departments)})] if self.reach.departments else []
            reach += [region_range(p, region_field) for p in self.reach.prefixes]
            parts.append(reduce(or_, reach) if reach else Q(pk__in=[]))
        if self.region is not None:
            parts.append(region_range(self.region.prefix, region_field))
        if self.department is not None:
            parts.append(Q(**{department_field: self.department.pk}))
        return reduce(lambda a, b: a & b, parts, Q())

    @property
    def label(self) -> str:
        if self.department is not None:
            return self.department.name
        if self.region is not None:
            return self.region.name
        return _("全部")


def scope_for(user: Any, *, region: str | None = None, department: int | str | None = None, item: int | str | None = None) -> Scope:
    """The scope a user asks for; Forbidden for a user without statistics or outside their reach,
    NotFound for an unknown region, department or item."""
    reach = reach_of(user)
    if reach.is_empty:
        raise Forbidden(_("您没有查看统计数据的权限。"), code="statistics_forbidden")
    found_region = _region(region) if region else None
    if found_region is not None and not _overlaps(reach, found_region.prefix):
        raise Forbidden(_("该区划不在您的统计范围内。"), code="statistics_scope_forbidden")
    found_department = _department(department) if department not in (None, "") else None
    if found_department is not None and not reach.covers_department(found_department):
        raise Forbidden(_("该部门不在您的统计范围内。"), code="statistics_scope_forbidden")
    found_item = _item(item) if item not in (None, "") else None
    if found_item is not None and not reach.covers_department(found_item.department):
        raise Forbidden(_("该事项不在您的统计范围内。"), code="statistics_scope_forbidden")
    return Scope(reach, found_region, found_department, found_item)


def _overlaps(reach: Reach, prefix: str) -> bool:
    """Whether a region shares anything with the reach (the read is narrowed to the reach anyway)."""
    if reach.everything or any(prefix.startswith(p) or p.startswith(prefix) for p in reach.prefixes):
        return True
    return Department.objects.filter(region_range(prefix, "region__code"), pk__in=sorted(reach.departments)).exists()


def _region(code: str) -> Region:
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise NotFound(_("区划不存在:%(code)s。") % {"code": code}, code="region_not_found")
    return region


def _department(value: int | str) -> Department:
    pk = parse_id(str(value))
    if pk is None:
        raise InvalidInput(_("部门编号无效。"), code="department_invalid")
    department = Department.objects.select_related("region").filter(pk=pk).first()
    if department is None:
        raise NotFound(_("部门不存在。"), code="department_not_found")
    return department


def _item(value: int | str) -> ServiceItem:
    pk = parse_id(str(value))
    if pk is None:
        raise InvalidInput(_("事项编号无效。"), code="item_invalid")
    item = ServiceItem.objects.select_related("department__region", "current").filter(pk=pk).first()
    if item is None:
        raise NotFound(_("事项不存在。"), code="item_not_found")
    return item


# Reading the tables --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tables:
    day: Any
    month: Any
    names: tuple[str, ...]


DEPARTMENT_TABLES = Tables(DepartmentDay, DepartmentMonth, metrics.DEPARTMENT_NAMES)
ITEM_TABLES = Tables(ItemDay, ItemMonth, metrics.CASE_NAMES)
STAFF_TABLES = Tables(StaffDay, StaffMonth, metrics.STAFF_NAMES)
REGION_TABLES = Tables(RegionDay, RegionMonth, metrics.DEPARTMENT_NAMES)


def _where(scope: Scope) -> Q:
    """The rows of the scope in an aggregate table (the item and user filters for the tables keyed by them)."""
    where = scope.q()
    if scope.item is not None:
        where &= Q(item_id=scope.item.pk)
    if scope.user_id is not None:
        where &= Q(user_id=scope.user_id)
    return where


def _parts(tables: Tables, scope: Scope, period: Period) -> list[Any]:
    """The querysets of the period: month rows of the whole months, day rows of the rest."""
    where = _where(scope)
    parts = []
    months = period.months()
    if months is not None:
        parts.append(tables.month.objects.filter(where, month__gte=months[0], month__lte=months[1]))
    for first, last in period.day_spans():
        parts.append(tables.day.objects.filter(where, day__gte=first, day__lte=last))
    return parts


def scope_tables(scope: Scope) -> Tables:
    """The region tables when the scope is made of whole regions (one row per region), else the department tables."""
    if scope.department is None and scope.item is None and scope.user_id is None and not scope.reach.departments:
        return REGION_TABLES
    return DEPARTMENT_TABLES


def _sums(names: tuple[str, ...]) -> dict[str, Sum]:
    return {name: Sum(name) for name in names}


def totals(tables: Tables, scope: Scope, period: Period) -> dict[str, int]:
    """The figures of the scope over the period (one query per part)."""
    total = metrics.empty(tables.names)
    for part in _parts(tables, scope, period):
        metrics.add(total, part.aggregate(**_sums(tables.names)), tables.names)
    return total


def grouped(tables: Tables, scope: Scope, period: Period, keys: tuple[str, ...]) -> dict[tuple[Any, ...], dict[str, int]]:
    """The figures of the scope over the period by `keys` (one query per part)."""
    result: dict[tuple[Any, ...], dict[str, int]] = {}
    for part in _parts(tables, scope, period):
        for row in part.values(*keys).annotate(**_sums(tables.names)).order_by():
            metrics.add(result.setdefault(tuple(row[k] for k in keys), metrics.empty(tables.names)), row, tables.names)
    return result


# What the pages and the API show ------------------------------------------------------------------


@dataclass
class Summary:
    """The headline figures of a scope and period, with the cards open now."""

    period: Period
    scope: Scope
    values: dict[str, int]
    rates: dict[str, float | None]
    yellow: int
    red: int
    refreshed_at: dt.datetime | None = None

    @property
    def overdue(self) -> int:
        return metrics.overdue(self.values)

    def as_dict(self) -> dict[str, Any]:
        return {
            "from": self.period.first.isoformat(),
            "to": self.period.last.isoformat(),
            **self.values,
            "late": self.overdue,
            **self.rates,
            "bad_reviews": self.values["bad"],
            "yellow": self.yellow,
            "red": self.red,
            "refreshed_at": self.refreshed_at.isoformat() if self.refreshed_at else None,
        }


def open_cards(scope: Scope) -> dict[str, int]:
    """Open yellow and red cards now (from the card table) in the scope; for an item, the cards of its
    cases' timers (the case's own and its stage tasks')."""
    cards = Card.objects.filter(OPEN_CARD).filter(scope.q())
    if scope.item is not None:
        cards = cards.filter(_item_subjects(scope.item))
    counts = cards.aggregate(
        yellow=Count("pk", filter=Q(color=CardColor.YELLOW)),
        red=Count("pk", filter=Q(color=CardColor.RED)),
    )
    return {"yellow": counts["yellow"] or 0, "red": counts["red"] or 0}


def _item_subjects(item: ServiceItem) -> Q:
    """Cards about the item's cases not yet final, or about their stage tasks, as subqueries (an open card's
    timer is open, and a case's timers all end when it becomes final). Subjects are named by id as text."""
    cases = Case.objects.filter(item_id=item.pk).exclude(status__in=sorted(FINAL_STATUSES | {CaseStatus.DRAFT}))
    case_ids = cases.annotate(key=Cast("pk", CharField())).values("key")
    task_ids = StageTask.objects.filter(case__in=cases.values("pk")).annotate(key=Cast("pk", CharField())).values("key")
    return Q(subject_type=CASE_SUBJECT, subject_id__in=case_ids) | Q(subject_type=TASK_SUBJECT, subject_id__in=task_ids)


def summary(*, scope: Scope, period: Period) -> Summary:
    """Headline figures: volumes, timeliness, shares, ratings, and today's open cards."""
    if scope.item is not None:
        values = {**metrics.empty(metrics.DEPARTMENT_NAMES), **totals(ITEM_TABLES, scope, period)}
    else:
        values = totals(scope_tables(scope), scope, period)
    cards = open_cards(scope)
    refreshed = RefreshedDay.objects.filter(refreshed_at__isnull=False).order_by("-refreshed_at").values_list("refreshed_at", flat=True)
    return Summary(
        period=period,
        scope=scope,
        values=values,
        rates=metrics.rates(values, metrics.CASE_RATES + metrics.RATING_RATES),
        yellow=cards["yellow"],
        red=cards["red"],
        refreshed_at=refreshed.first(),
    )


@dataclass
class Row:
    """One line of a table by department, item or staff member (its rates computed when first read)."""

    key: int
    label: str
    department: str
    values: dict[str, int]
    group: str = "department"

    @cached_property
    def rates(self) -> dict[str, float | None]:
        return _rates(self.values, self.group)

    @property
    def overdue(self) -> int:
        return metrics.overdue(self.values)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.key, "name": self.label, "department": self.department, **self.values, "late": self.overdue, **self.rates}


def rows(*, scope: Scope, period: Period, group: str) -> list[Row]:
    """The figures by department, item or staff member, most received first."""
    if group not in GROUPS:
        raise InvalidInput(_("分组方式应为 department、item 或 staff。"), code="group_invalid")
    if group == "department":
        found = grouped(DEPARTMENT_TABLES, scope, period, ("department_id",))
        departments = _department_names({k[0] for k in found})
        result = [Row(key[0], departments.get(key[0], "?"), departments.get(key[0], "?"), values, group) for key, values in found.items()]
    elif group == "item":
        found = grouped(ITEM_TABLES, scope, period, ("department_id", "item_id"))
        departments = _department_names({k[0] for k in found})
        items = _item_names({k[1] for k in found})
        result = [Row(key[1], items.get(key[1], "?"), departments.get(key[0], "?"), values, group) for key, values in found.items()]
    else:
        found = grouped(STAFF_TABLES, scope, period, ("department_id", "user_id"))
        departments = _department_names({k[0] for k in found})
        users = _user_names({k[1] for k in found})
        result = [Row(key[1], users.get(key[1], "?"), departments.get(key[0], "?"), values, group) for key, values in found.items()]
    return sorted(result, key=lambda r: (-r.values.get("received", 0), -sum(r.values.values()), r.label, r.key))


def _rates(values: dict[str, int], group: str) -> dict[str, float | None]:
    if group == "staff":
        return metrics.rates(values, metrics.STAFF_RATES)
    if group == "item":
        return metrics.rates(values, metrics.CASE_RATES)
    return metrics.rates(values, metrics.CASE_RATES + metrics.RATING_RATES)


def _department_names(ids: Iterable[int]) -> dict[int, str]:
    return dict(Department.objects.filter(pk__in=list(ids)).values_list("pk", "name"))


def _item_names(ids: Iterable[int]) -> dict[int, str]:
    rows = ServiceItem.objects.filter(pk__in=list(ids)).values_list("pk", "current__name", "implementation_code")
    return {pk: name or code for pk, name, code in rows}


def _user_names(ids: Iterable[int]) -> dict[int, str]:
    rows = get_user_model().objects.filter(pk__in=list(ids)).values_list("pk", "real_name", "username")
    return {pk: real or username for pk, real, username in rows}


RANKINGS = {
    "saved": ("saved_days", "减时"),
    "overdue": ("overdue_days", "超时"),
}


def ranking(table: list[Row], by: str, limit: int = 10) -> list[Row]:
    """减时 ranking (most working days saved first) or 超时 ranking (most cases late, then most days over)."""
    if by == "saved":
        ranked = [r for r in table if r.values.get("saved_days")]
        return sorted(ranked, key=lambda r: (-r.values["saved_days"], -r.values["timed"], r.label))[:limit]
    if by == "overdue":
        ranked = [r for r in table if r.overdue or r.values.get("overdue_days")]
        return sorted(ranked, key=lambda r: (-r.overdue, -r.values["overdue_days"], r.label))[:limit]
    raise InvalidInput(_("排名方式无效。"), code="ranking_invalid")


@dataclass(frozen=True)
class Point:
    period: dt.date
    values: dict[str, int]

    @property
    def rates(self) -> dict[str, float | None]:
        return metrics.rates(self.values, metrics.CASE_RATES + metrics.RATING_RATES)


def series(*, scope: Scope, period: Period, grain: str = "day") -> list[Point]:
    """The scope's figures per day (or per month) of the period, days without events included as zeros.

    By month, a month the period holds only in part counts only the period's days of it (from the day
    rows, as the totals do), so the points add up to the summary."""
    names = metrics.DEPARTMENT_NAMES
    tables = ITEM_TABLES if scope.item is not None else scope_tables(scope)
    found: dict[dt.date, dict[str, int]] = {}
    if grain == "month":
        for part in _parts(tables, scope, period):
            key = "month" if part.model is tables.month else "day"
            for row in part.values(key).annotate(**_sums(tables.names)).order_by():
                metrics.add(found.setdefault(month_start(row[key]), metrics.empty(names)), row, tables.names)
        return [Point(m, found.get(m, metrics.empty(names))) for m in period.month_list()]
    if grain != "day":
        raise InvalidInput(_("时间粒度应为 day 或 month。"), code="grain_invalid")
    by_day: Any = tables.day.objects.filter(_where(scope), day__gte=period.first, day__lte=period.last).values("day")
    for row in by_day.annotate(**_sums(tables.names)).order_by():
        metrics.add(found.setdefault(row["day"], metrics.empty(names)), row, tables.names)
    days = [period.first + dt.timedelta(days=i) for i in range(period.days)]
    return [Point(d, found.get(d, metrics.empty(names))) for d in days]


def departments_in(scope: Scope) -> list[Department]:
    """The departments a scope's user may pick, for the filter."""
    departments = Department.objects.select_related("region").filter(scope.q(region_field="region__code", department_field="pk"))
    return list(departments.order_by("region__code", "sort_order", "id"))
