"""The catalog metrics, checked figure by figure on a small known catalog."""

from decimal import Decimal

import pytest

from onewindow.accounts.choices import Role
from onewindow.catalog.choices import ItemKind
from onewindow.catalog.metrics import MISSING_RULES, Ratio, catalog_metrics, metrics_departments
from onewindow.catalog.models import ItemFee, MaterialRequirement, ServiceItemVersion, Situation, Stage
from onewindow.catalog.tests.factories import PublishedItemFactory, ServiceItemVersionFactory, replace_current_version
from onewindow.common.errors import Forbidden
from onewindow.orgs.tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


def item(department, code, **fields):
    return PublishedItemFactory(department=department, implementation_code=code, name=f"事项{code}", **fields)


def complete(version, *, visit_reason=""):
    """Give a version every element a guide needs (a situation, a material, a stage)."""
    Situation.objects.create(version=version, code="S01", name="新办")
    MaterialRequirement.objects.create(
        version=version, code="M01", name="申请书", form="original", necessity="required", source="applicant"
    )
    Stage.objects.create(version=version, sequence=1, kind="accept", name="受理", role=Role.WINDOW_CLERK, days=1)
    if visit_reason:
        ServiceItemVersion.objects.filter(pk=version.pk).update(visit_reason=visit_reason)


@pytest.fixture
def catalog(county, other_county, department, other_department):
    """Five current items in two departments, plus rows that must not count.

    | item | dept  | kind        | visits | depth | 法定 | 承诺 | category       |
    | A1   | dept  | on_the_spot | 0      | 5     | 20   | 1    | licensing      |
    | A2   | dept  | promised    | 1      | 4     | 20   | 10   | licensing      |
    | A3   | dept  | promised    | 2      | 6     | 30   | 15   | confirmation   |
    | B1   | other | promised    | 0      | 3     | 10   | 0    | licensing      |
    | B2   | other | on_the_spot | 0      | 7     | 10   | 5    | public_service |
    """
    on_spot, promised = ItemKind.ON_THE_SPOT, ItemKind.PROMISED
    a1 = item(department, "A1", kind=on_spot, on_site_visits=0, online_depth=5, statutory_limit_days=20, promised_limit_days=1,
              result_name="许可证")  # fmt: skip
    a2 = item(department, "A2", kind=promised, on_site_visits=1, online_depth=4, statutory_limit_days=20, promised_limit_days=12,
              result_name="许可证", is_free=False)  # fmt: skip
    a3 = item(department, "A3", kind=promised, on_site_visits=2, online_depth=6, statutory_limit_days=30, promised_limit_days=15,
              category="confirmation")  # fmt: skip
    b1 = item(other_department, "B1", kind=promised, on_site_visits=0, online_depth=3, statutory_limit_days=10, promised_limit_days=0,
              result_name="许可证")  # fmt: skip
    b2 = item(other_department, "B2", kind=on_spot, on_site_visits=0, online_depth=7, statutory_limit_days=10, promised_limit_days=5,
              category="public_service")  # fmt: skip
    # A2's first version (承诺 12) is closed by its second (承诺 10): only the second counts.
    a2_current = replace_current_version(a2, promised_limit_days=10)
    complete(a1.current)
    complete(a2_current, visit_reason="核验原件")
    ItemFee.objects.create(version=a2_current, name="工本费", standard="10元", basis="《收费目录》")
    complete(a3.current)
    complete(b2.current)
    # Noise: a draft, a cancelled item, an item of another county.
    ServiceItemVersionFactory(service_item=a1, kind=on_spot, on_site_visits=0, statutory_limit_days=99)
    cancelled = item(department, "C1", kind=on_spot, on_site_visits=0, statutory_limit_days=50)
    ServiceItemVersion.objects.filter(pk=cancelled.current_id).update(valid_to=2)
    item(DepartmentFactory(region=other_county), "X1", kind=on_spot, on_site_visits=0, statutory_limit_days=60)
    return {"a1": a1, "a2": a2, "a3": a3, "b1": b1, "b2": b2}


def percent(value):
    return Decimal(value)


def percents(shares):
    """即办件, 跑零次, 最多跑一次, 全程网办, 压缩比 as percent strings."""
    ratios = (shares.on_the_spot, shares.zero_visit, shares.at_most_one_visit, shares.fully_online, shares.compression)
    return [str(ratio.percent) for ratio in ratios]


def test_region_figures(catalog, county, list_manager):
    figures = catalog_metrics(user=list_manager, region=county)
    overall = figures.overall
    assert overall.total == 5
    assert overall.on_the_spot == Ratio(2, 5) and overall.on_the_spot.percent == percent("40.0")
    assert overall.zero_visit == Ratio(3, 5) and overall.zero_visit.percent == percent("60.0")
    assert overall.at_most_one_visit == Ratio(4, 5) and overall.at_most_one_visit.percent == percent("80.0")
    assert overall.fully_online == Ratio(2, 5) and overall.fully_online.percent == percent("40.0")
    assert (overall.statutory_days, overall.promised_days) == (90, 31)
    assert overall.compression == Ratio(59, 90) and overall.compression.percent == percent("65.6")


def test_counts_by_category_in_list_order(catalog, county, list_manager):
    figures = catalog_metrics(user=list_manager, region=county)
    assert [(row.label, row.count) for row in figures.by_category] == [("行政许可", 3), ("行政确认", 1), ("公共服务", 1)]


def test_figures_by_department(catalog, county, list_manager, department, other_department):
    rows = {row.name: row.shares for row in catalog_metrics(user=list_manager, region=county).by_department}
    assert list(rows) == [department.name, other_department.name]
    a, b = rows[department.name], rows[other_department.name]
    assert (a.total, a.compression) == (3, Ratio(44, 70))
    assert percents(a) == ["33.3", "33.3", "66.7", "33.3", "62.9"]
    assert (b.total, b.compression) == (2, Ratio(15, 20))
    assert percents(b) == ["50.0", "100.0", "100.0", "50.0", "75.0"]


def test_items_missing_required_elements(catalog, county, list_manager):
    figures = catalog_metrics(user=list_manager, region=county)
    problems = {missing.code: missing.problems for missing in figures.missing_items}
    assert problems == {
        "A3": ["需到现场但未说明原因"],
        "B1": ["未列办事情形", "未列申请材料", "未设办理环节", "承诺件承诺时限为0"],
    }
    assert [missing.code for missing in figures.missing_items] == ["A3", "B1"]
    assert figures.missing_total == 2
    counts = {row.rule.code: row.count for row in figures.rule_counts}
    assert counts == {rule.code: 0 for rule in MISSING_RULES} | {
        "no_situations": 1,
        "no_materials": 1,
        "no_stages": 1,
        "promised_limit_zero": 1,
        "visit_without_reason": 1,
    }


def test_licensing_items_need_a_result_name_and_charged_items_a_fee(catalog, county, list_manager):
    a1 = catalog["a1"].current
    ServiceItemVersion.objects.filter(pk=a1.pk).update(result_name="", is_free=False)
    figures = catalog_metrics(user=list_manager, region=county)
    problems = {missing.code: missing.problems for missing in figures.missing_items}
    assert problems["A1"] == ["行政许可事项未填审批结果名称", "收费事项未列收费项目"]


def test_blank_texts_are_missing_elements(catalog, county, list_manager):
    ServiceItemVersion.objects.filter(pk=catalog["a1"].current_id).update(legal_basis="", acceptance_conditions="", hours="", phone="")
    figures = catalog_metrics(user=list_manager, region=county)
    problems = {missing.code: missing.problems for missing in figures.missing_items}
    assert problems["A1"] == ["未填设定依据", "未填受理条件", "未填办理地点或办理时间", "未填咨询电话"]


def test_one_department_of_the_region(catalog, county, list_manager, other_department):
    figures = catalog_metrics(user=list_manager, region=county, department=other_department)
    assert figures.overall.total == 2
    assert figures.overall.compression == Ratio(15, 20)
    assert [row.name for row in figures.by_department] == [other_department.name]
    assert [missing.code for missing in figures.missing_items] == ["B1"]


def test_department_admins_see_their_department_only(catalog, county, department_admin, department):
    assert list(metrics_departments(user=department_admin, region=county)) == [department]
    figures = catalog_metrics(user=department_admin, region=county)
    assert figures.overall.total == 3
    assert figures.overall.statutory_days == 70 and figures.overall.promised_days == 26
    assert [missing.code for missing in figures.missing_items] == ["A3"]


def test_system_admins_see_the_region(catalog, county, system_admin):
    assert metrics_departments(user=system_admin, region=county) is None
    assert catalog_metrics(user=system_admin, region=county).overall.total == 5


def test_others_see_nothing(catalog, county, other_county, reviewer, department_admin):
    with pytest.raises(Forbidden):
        catalog_metrics(user=reviewer, region=county)
    with pytest.raises(Forbidden):
        catalog_metrics(user=department_admin, region=other_county)


def test_an_empty_catalog_has_no_shares(county, list_manager):
    figures = catalog_metrics(user=list_manager, region=county)
    assert figures.overall.total == 0
    assert figures.overall.zero_visit.percent is None and figures.overall.compression.percent is None
    assert figures.by_category == [] and figures.by_department == [] and figures.missing_items == []


def test_the_missing_list_is_capped_but_counted(catalog, county, list_manager):
    figures = catalog_metrics(user=list_manager, region=county, missing_limit=1)
    assert [missing.code for missing in figures.missing_items] == ["A3"]
    assert figures.missing_total == 2


def test_figures_cost_a_fixed_number_of_queries(catalog, county, list_manager, django_assert_max_num_queries):
    for index in range(10):
        item(catalog["a1"].department, f"N{index}", kind=ItemKind.PROMISED, on_site_visits=1)
    with django_assert_max_num_queries(7):
        catalog_metrics(user=list_manager, region=county)
