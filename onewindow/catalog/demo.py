"""The demo county's published lists, loaded through the same services a list manager uses.

Each list is drafted department by department (新增) by the demo admin and published by the
demo list manager; then the change history of `demo_data.CHANGE_HISTORY` is applied, so the
demo shows numbered versions with change requests of every kind. Idempotent: a county whose
lists are already published is left alone.
"""

from typing import Any

from onewindow.catalog import services
from onewindow.catalog.choices import ChangeKind, ListKind
from onewindow.catalog.models import CatalogVersion
from onewindow.licenses.services import license_type_save
from onewindow.orgs.models import Department, Region

INITIAL_BASIS = "《国务院关于加快推进全国一体化在线政务服务平台建设的指导意见》(国发〔2018〕27号);《示范省政务服务事项清单管理办法》"


# What citizens type at the search box (群众说法) → the items they mean, by item name.
SYNONYMS: dict[str, list[str]] = {
    "开饭店": ["食品经营许可", "个体工商户设立登记"],
    "开餐馆": ["食品经营许可", "个体工商户设立登记"],
    "开小卖部": ["食品经营许可", "个体工商户设立登记"],
    "办身份证": ["居民身份证申领"],
    "补办身份证": ["居民身份证申领", "临时居民身份证申领"],
    "办护照": ["普通护照签发"],
    "出国": ["普通护照签发"],
    "办社保卡": ["社会保障卡申领"],
    "领结婚证": ["内地居民结婚登记"],
    "迁户口": ["户口迁移登记"],
    "开药店": ["药品零售企业许可"],
    "开诊所": ["医疗机构执业登记"],
    "开理发店": ["公共场所卫生许可", "个体工商户设立登记"],
    "失业金": ["失业保险金申领"],
    "盖房子": ["建筑工程施工许可"],
}


def load_synonyms(*, region: Region, actor: Any) -> None:
    from onewindow.catalog.selectors import current_items

    codes = dict(current_items(region=region).values_list("name", "service_item__implementation_code"))
    for phrase, names in SYNONYMS.items():
        services.synonym_save(actor=actor, region=region, phrase=phrase, item_codes=[codes[name] for name in names if name in codes])


def load_catalog(*, region: Region, drafter: Any, publisher: Any) -> int:
    """Publish the demo lists of `region`; returns the number of versions published (0 if done before)."""
    from onewindow.catalog import demo_data

    if CatalogVersion.objects.filter(region=region).exists():
        return 0
    departments = {d.name: d for d in Department.objects.filter(region__code__startswith=region.prefix)}
    for theme in demo_data.THEMES:
        services.theme_save(actor=publisher, **theme)
    for license_type in demo_data.LICENSE_TYPES:
        fields = dict(license_type)
        fields["issuing_department"] = departments.get(fields.pop("issuing_department", ""))
        license_type_save(actor=publisher, **fields)
    published = 0
    for list_kind, documents, key in (
        (ListKind.FEE, demo_data.FEE_ENTRIES, "department"),
        (ListKind.INTERMEDIARY, demo_data.INTERMEDIARY_SERVICES, None),
        (ListKind.DUTY_BOUNDARY, demo_data.DUTY_BOUNDARIES, None),
        (ListKind.POWER, _parents_first(demo_data.POWER_ITEMS), "department"),
        (ListKind.SERVICE, demo_data.SERVICE_ITEMS, "department"),
    ):
        published += _publish_by_department(region, list_kind, documents, key, departments, drafter, publisher)
    for change in demo_data.CHANGE_HISTORY:
        _apply_change(region, change, departments, drafter, publisher)
        published += 1
    load_synonyms(region=region, actor=publisher)
    return published


def _parents_first(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(documents, key=lambda doc: bool(doc.get("parent_code")))


def _publish_by_department(
    region: Region,
    list_kind: str,
    documents: list[dict[str, Any]],
    key: str | None,
    departments: dict[str, Department],
    drafter: Any,
    publisher: Any,
) -> int:
    groups: dict[str, list[dict[str, Any]]] = {}
    for doc in documents:
        groups.setdefault(doc[key] if key else "", []).append(doc)
    for department_name, docs in groups.items():
        department = departments.get(department_name) if department_name else None
        label = ListKind(list_kind).label
        request = services.change_request_create(
            actor=drafter,
            region=region,
            department=department,
            list_kind=list_kind,
            kind=ChangeKind.ADD,
            title=f"{department_name or region.name}{label}首次发布",
            reason=f"依据清单编制工作要求,梳理发布{label}。",
            legal_basis=INITIAL_BASIS,
        )
        for doc in docs:
            services.change_request_save_draft(actor=drafter, change_request=request, document=doc)
        services.change_request_submit(actor=drafter, change_request=request)
        services.change_request_publish(actor=publisher, change_request=request)
    return len(groups)


def _apply_change(region: Region, change: dict[str, Any], departments: dict[str, Department], drafter: Any, publisher: Any) -> None:
    department = departments.get(change.get("department", ""))
    request = services.change_request_create(
        actor=drafter,
        region=region,
        department=department,
        list_kind=change["list_kind"],
        kind=change["kind"],
        title=change["title"],
        reason=change["reason"],
        legal_basis=change["legal_basis"],
    )
    for doc in change.get("drafts", []):
        services.change_request_save_draft(actor=drafter, change_request=request, document=doc)
    for code in change.get("cancel", []):
        services.change_request_cancel_entry(actor=drafter, change_request=request, code=code)
    services.change_request_submit(actor=drafter, change_request=request)
    services.change_request_publish(actor=publisher, change_request=request)
