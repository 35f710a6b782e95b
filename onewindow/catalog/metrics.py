"""Metrics of the published service-item catalog (清单指标), for list managers and department admins.

Every figure is computed by the database from the CURRENT published version rows of a region's
service items (optionally of some departments only): counts by category and department, the
shares the reform tracks (即办件, 跑零次, 最多跑一次, 全程网办), the compression of promised limits
against statutory ones, and the items whose guide lacks an element a citizen needs. The rules for
the last are the one table `MISSING_RULES`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import BooleanField, Case, Count, Exists, Model, OuterRef, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from onewindow.accounts.access import access_of, reaches_region
from onewindow.accounts.choices import Role
from onewindow.catalog.choices import FULLY_ONLINE_DEPTH, ItemKind, PowerCategory
from onewindow.catalog.models import ItemFee, MaterialRequirement, ServiceItemVersion, Situation, Stage
from onewindow.catalog.selectors import current_items
from onewindow.common.errors import Forbidden
from onewindow.orgs.models import Department, Region

# Who sees the whole region's figures; department admins see their own departments only.
REGION_ROLES = (Role.LIST_MANAGER, Role.SYSTEM_ADMIN)
MISSING_LIST_LIMIT = 500


def can_view_metrics(user: Any) -> bool:
    """List managers, system admins and department admins open the metrics page."""
    return access_of(user).has(Role.LIST_MANAGER, Role.SYSTEM_ADMIN, Role.DEPARTMENT_ADMIN)


@dataclass(frozen=True)
class Ratio:
    """A share as numerator / denominator; `percent` is rounded half up to one decimal."""

    numerator: int
    denominator: int

    @property
    def percent(self) -> Decimal | None:
        if not self.denominator:
            return None
        value = Decimal(self.numerator) * 100 / Decimal(self.denominator)
        return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Shares:
    """The reform's figures for one set of items."""

    total: int
    on_the_spot: Ratio  # 即办件
    zero_visit: Ratio  # 跑零次
    at_most_one_visit: Ratio  # 最多跑一次
    fully_online: Ratio  # 全程网办
    statutory_days: int
    promised_days: int

    @property
    def compression(self) -> Ratio:
        """承诺时限压缩比 = (Σ法定 − Σ承诺) / Σ法定."""
        return Ratio(self.statutory_days - self.promised_days, self.statutory_days)


@dataclass(frozen=True)
class CategoryCount:
    category: str
    label: str
    count: int


@dataclass(frozen=True)
class DepartmentShares:
    department_id: int
    name: str
    shares: Shares


@dataclass(frozen=True)
class MissingRule:
    """An element every guide must have: `condition()` selects the version rows lacking it."""

    code: str
    label: str | Promise
    condition: Callable[[], Any]


def _has_no(model: type[Model]) -> Callable[[], Any]:
    """The rows with no `model` row (situation, material …) pointing at them."""
    return lambda: ~Exists(model._default_manager.filter(version=OuterRef("pk")))


MISSING_RULES: tuple[MissingRule, ...] = (
    MissingRule("no_legal_basis", _("未填设定依据"), lambda: Q(legal_basis="")),
    MissingRule("no_acceptance_conditions", _("未填受理条件"), lambda: Q(acceptance_conditions="")),
    MissingRule("no_situations", _("未列办事情形"), _has_no(Situation)),
    MissingRule("no_materials", _("未列申请材料"), _has_no(MaterialRequirement)),
    MissingRule("no_stages", _("未设办理环节"), _has_no(Stage)),
    # 行政许可法 第三十九条: a licence decision names the licence issued.
    MissingRule("no_result_name", _("行政许可事项未填审批结果名称"), lambda: Q(category=PowerCategory.LICENSING, result_name="")),
    MissingRule("promised_limit_zero", _("承诺件承诺时限为0"), lambda: Q(kind=ItemKind.PROMISED, promised_limit_days=0)),
    MissingRule("visit_without_reason", _("需到现场但未说明原因"), lambda: Q(on_site_visits__gt=0, visit_reason="")),
    MissingRule("charged_without_fee", _("收费事项未列收费项目"), lambda: Q(is_free=False) & _has_no(ItemFee)()),
    MissingRule("no_place_or_hours", _("未填办理地点或办理时间"), lambda: Q(places="") | Q(hours="")),
    MissingRule("no_phone", _("未填咨询电话"), lambda: Q(phone="")),
)


@dataclass(frozen=True)
class MissingItem:
    """A current item lacking required elements, and which."""

    code: str
    name: str
    department: str
    problems: list[str]


@dataclass(frozen=True)
class RuleCount:
    rule: MissingRule
    count: int


@dataclass(frozen=True)
class CatalogMetrics:
    """Everything the metrics page shows for one scope."""

    overall: Shares
    by_category: list[CategoryCount]
    by_department: list[DepartmentShares]
    missing_items: list[MissingItem]
    missing_total: int
    rule_counts: list[RuleCount]


def metrics_departments(*, user: Any, region: Region) -> QuerySet[Department] | None:
    """The departments whose figures `user` may see in `region`; None means the whole region.

    Raises Forbidden for users who may see none.
    """
    if reaches_region(user, region, REGION_ROLES):
        return None
    ids = access_of(user).departments.get(Role.DEPARTMENT_ADMIN, frozenset())
    departments = Department.objects.filter(pk__in=ids, region__code__startswith=region.prefix)
    if not ids or not departments.exists():
        raise Forbidden(gettext("您无权查看该区划的清单指标。"), code="catalog_metrics_forbidden")
    return departments


def catalog_metrics(
    *, user: Any, region: Region, department: Department | None = None, missing_limit: int = MISSING_LIST_LIMIT
) -> CatalogMetrics:
    """The catalog metrics of `region` (or of one department in it) as `user` may see them."""
    allowed = metrics_departments(user=user, region=region)
    rows = current_items(region=region)
    if allowed is not None:
        rows = rows.filter(service_item__department__in=allowed)
    if department is not None:
        rows = rows.filter(service_item__department=department)
    missing, total = _missing_items(rows, missing_limit)
    return CatalogMetrics(
        overall=_shares(rows.aggregate(**_share_aggregates())),
        by_category=_by_category(rows),
        by_department=_by_department(rows),
        missing_items=missing,
        missing_total=total,
        rule_counts=_rule_counts(rows),
    )


def _share_aggregates() -> dict[str, Any]:
    return {
        "total": Count("pk"),
        "on_the_spot": Count("pk", filter=Q(kind=ItemKind.ON_THE_SPOT)),
        "zero_visit": Count("pk", filter=Q(on_site_visits=0)),
        "at_most_one_visit": Count("pk", filter=Q(on_site_visits__lte=1)),
        "fully_online": Count("pk", filter=Q(online_depth__gte=FULLY_ONLINE_DEPTH, on_site_visits=0)),
        "statutory_days": Coalesce(Sum("statutory_limit_days"), 0),
        "promised_days": Coalesce(Sum("promised_limit_days"), 0),
    }


def _shares(figures: Mapping[str, Any]) -> Shares:
    total = figures["total"]
    return Shares(
        total=total,
        on_the_spot=Ratio(figures["on_the_spot"], total),
        zero_visit=Ratio(figures["zero_visit"], total),
        at_most_one_visit=Ratio(figures["at_most_one_visit"], total),
        fully_online=Ratio(figures["fully_online"], total),
        statutory_days=figures["statutory_days"],
        promised_days=figures["promised_days"],
    )


def _by_category(rows: QuerySet[ServiceItemVersion]) -> list[CategoryCount]:
    counts = {row["category"]: row["n"] for row in rows.order_by().values("category").annotate(n=Count("pk"))}
    return [CategoryCount(c.value, str(c.label), counts[c.value]) for c in PowerCategory if counts.get(c.value)]


def _by_department(rows: QuerySet[ServiceItemVersion]) -> list[DepartmentShares]:
    grouped = (
        rows.order_by()
        .values("service_item__department_id", "service_item__department__name", "service_item__department__sort_order")
        .annotate(**_share_aggregates())
        .order_by("service_item__department__sort_order", "service_item__department_id")
    )
    return [DepartmentShares(row["service_item__department_id"], row["service_item__department__name"], _shares(row)) for row in grouped]


def _flagged(rows: QuerySet[ServiceItemVersion], rules: Iterable[MissingRule]) -> QuerySet[ServiceItemVersion]:
    """The rows lacking an element of any of `rules`, each annotated with a flag per rule."""
    rules = list(rules)
    flags = {
        f"lacks_{rule.code}": Case(When(rule.condition(), then=Value(True)), default=Value(False), output_field=BooleanField())
        for rule in rules
    }
    any_missing = Q()
    for name in flags:
        any_missing |= Q(**{name: True})
    return rows.annotate(**flags).filter(any_missing)


def _missing_items(rows: QuerySet[ServiceItemVersion], limit: int) -> tuple[list[MissingItem], int]:
    flagged = _flagged(rows, MISSING_RULES)
    total = flagged.count()
    values = flagged.values(
        "service_item__implementation_code", "name", "service_item__department__name", *(f"lacks_{r.code}" for r in MISSING_RULES)
    ).order_by("service_item__department__sort_order", "service_item__department_id", "service_item__implementation_code")
    items = [
        MissingItem(
            code=row["service_item__implementation_code"],
            name=row["name"],
            department=row["service_item__department__name"],
            problems=[str(rule.label) for rule in MISSING_RULES if row[f"lacks_{rule.code}"]],
        )
        for row in values[:limit]
    ]
    return items, total


def _rule_counts(rows: QuerySet[ServiceItemVersion]) -> list[RuleCount]:
    """How many items each rule flags, counted by the database in one query."""
    sums = rows.order_by().aggregate(
        **{rule.code: Coalesce(Sum(Case(When(rule.condition(), then=Value(1)), default=Value(0))), 0) for rule in MISSING_RULES}
    )
    return [RuleCount(rule, sums[rule.code]) for rule in MISSING_RULES]
