"""Province scale for the benchmark: synthetic counties, each with the demo county's departments, units,
service center, comprehensive window and published service-item catalog.

Real provinces publish the same items in every county (the same names and basic codes under each
county's own departments): each synthetic county gets a copy of the demo county's current published
items, with its own region, departments (their USCCs carry the county's code), implementation codes
(department USCC + the rest of the source code, as the demo builds them), units, one catalog
version and the change request that published it. Texts naming 示范县 / 示范市 name the new county and
city instead; item names are unchanged, so the pinyin columns are copied from the source versions.
Power items, synonyms, townships and staff accounts are not copied (the copies' `power_item` is empty).

Counties hang under 示范省 (990000): 示范市 (990100) takes six of them (990101-990106; the demo county
is 990123), then cities 990200, 990300 … seven each. Rows are written in bulk through the caller's
writer (COPY on PostgreSQL, executemany on SQLite) with explicit ids; every value other than ids,
codes, names and the given timestamp is the source row's, so the copies are deterministic.

Search: on SQLite the FTS5 triggers on the version table index each copied version as it is
inserted; on PostgreSQL the pg_trgm indexes are dropped for the load and rebuilt after it (one bulk
build instead of ten thousand GIN insertions).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

SOURCE_COUNTY = "990123"
SOURCE_CITY = "990100"
PROVINCE = "990000"
COUNTIES_PER_CITY = 7
CHARS = "东西南北青白云金玉石龙凤安平宁和泰丰永兴长清华阳江河山川林桥"
STAMP_COLUMNS = ("created_at", "updated_at", "published_at", "submitted_at", "reviewed_at")
KEEP_TEXT = frozenset({"pinyin", "pinyin_initials", "code", "basic_code", "implementation_code", "uscc"})


def _pairs() -> list[str]:
    return [a + b for a in CHARS for b in CHARS if a != b]


def county_plan(count: int) -> list[tuple[str, str, str, str]]:
    """(city code, city name, county code, county name) of `count` synthetic counties, in order."""
    pairs = _pairs()
    out: list[tuple[str, str, str, str]] = []
    city = 1
    while len(out) < count:
        if city > 99:
            raise ValueError(f"at most {len(out)} synthetic counties fit under province 99")
        city_code = f"99{city:02d}00"
        city_name = "示范市" if city == 1 else pairs[-(city - 1)] + "市"
        per = COUNTIES_PER_CITY - 1 if city == 1 else COUNTIES_PER_CITY  # 示范市 also holds the demo county
        for number in range(1, per + 1):
            if len(out) == count:
                break
            out.append((city_code, city_name, f"99{city:02d}{number:02d}", pairs[len(out)] + "县"))
        city += 1
    return out


@dataclass
class County:
    code: str
    name: str
    city_code: str
    city_name: str
    region_id: int = 0
    window_id: int | None = None
    department_ids: dict[int, int] = field(default_factory=dict)  # source department id -> copy


@dataclass
class ProvinceResult:
    counties: list[County]
    counts: dict[str, int]


class Table:
    """Rows of one table read as dicts and written back as tuples in the table's column order."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.name = model._meta.db_table
        self.columns = tuple(f.column for f in model._meta.concrete_fields)
        self.rows: list[tuple] = []

    def select(self, cursor: Any, where: str = "", params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        cursor.execute(f"SELECT {', '.join(self.columns)} FROM {self.name} {where} ORDER BY id", list(params))
        return [dict(zip(self.columns, row, strict=True)) for row in cursor.fetchall()]

    def add(self, row: dict[str, Any], replace: Callable[[str], str], **overrides: Any) -> None:
        values = []
        for column in self.columns:
            if column in overrides:
                values.append(overrides[column])
            else:
                value = row[column]
                values.append(replace(value) if isinstance(value, str) and column not in KEEP_TEXT else value)
        self.rows.append(tuple(values))


def _next_id(cursor: Any, table: str) -> int:
    cursor.execute(f"SELECT max(id) FROM {table}")
    return int(cursor.fetchone()[0] or 0) + 1


def _uscc_in(source: str, county_code: str) -> str:
    from stdnum.cn import uscc

    body = source[:2] + county_code + source[8:17]
    return body + uscc.calc_check_digit(body)


def build_province(*, counties: int, stamp: Any, write: Callable[[str, tuple[str, ...], list[tuple]], None]) -> ProvinceResult:
    """Copy the demo county into `counties` synthetic ones; `stamp` is the created/updated time of every
    copied row (in the backend's form), `write(table, columns, rows)` the bulk writer."""
    from django.db import connection

    from onewindow.catalog.models import (
        CatalogVersion,
        ChangeRequest,
        ItemFee,
        MaterialRequirement,
        ServiceItem,
        ServiceItemVersion,
        Situation,
        Stage,
    )
    from onewindow.catalog.search.index import install_search_schema, remove_search_schema
    from onewindow.orgs.models import Department, Region, ServiceHall, Unit, Window

    plan = [County(code=c, name=n, city_code=cc, city_name=cn) for cc, cn, c, n in county_plan(counties)]
    if not plan:
        return ProvinceResult([], {})
    tables = {
        m: Table(m)
        for m in (
            Region,
            Department,
            Unit,
            ServiceHall,
            Window,
            ChangeRequest,
            CatalogVersion,
            ServiceItem,
            ServiceItemVersion,
            Situation,
            MaterialRequirement,
            ItemFee,
            Stage,
        )
    }
    themes_through = ServiceItemVersion.themes.through
    intermediaries_through = ServiceItemVersion.intermediaries.through
    countersign_through = Stage.countersign_units.through
    link_rows: dict[Any, list[tuple]] = {themes_through: [], intermediaries_through: [], countersign_through: []}

    with connection.cursor() as cursor:
        regions = {
            r["code"]: r for r in tables[Region].select(cursor, "WHERE code IN (%s, %s, %s)", [PROVINCE, SOURCE_CITY, SOURCE_COUNTY])
        }
        county_row, city_row = regions[SOURCE_COUNTY], regions[SOURCE_CITY]
        departments = tables[Department].select(cursor, "WHERE region_id = %s", [county_row["id"]])
        source_departments = {d["id"]: d for d in departments}
        dept_list = ", ".join(str(d) for d in source_departments) or "NULL"
        units = tables[Unit].select(cursor, f"WHERE department_id IN ({dept_list})")
        halls = tables[ServiceHall].select(cursor, "WHERE region_id = %s AND kind = 'center'", [county_row["id"]])
        hall = halls[0] if halls else None
        windows = tables[Window].select(cursor, "WHERE hall_id = %s AND kind = 'comprehensive'", [hall["id"]]) if hall else []
        window = windows[0] if windows else None
        requests = tables[ChangeRequest].select(cursor, "WHERE region_id = %s AND list_kind = 'service'", [county_row["id"]])
        request = requests[0]
        catalog_version = tables[CatalogVersion].select(cursor, "WHERE change_request_id = %s", [request["id"]])[0]
        current = "state = 'published' AND valid_to IS NULL AND NOT is_cancellation"
        versions = tables[ServiceItemVersion].select(
            cursor,
            f"WHERE {current} AND service_item_id IN (SELECT id FROM {ServiceItem._meta.db_table} WHERE department_id IN ({dept_list}))",
        )
        version_ids = ", ".join(str(v["id"]) for v in versions) or "NULL"
        items = {i["id"]: i for i in tables[ServiceItem].select(cursor, f"WHERE current_id IN ({version_ids})")}
        situations = tables[Situation].select(cursor, f"WHERE version_id IN ({version_ids})")
        materials = tables[MaterialRequirement].select(cursor, f"WHERE version_id IN ({version_ids})")
        fees = tables[ItemFee].select(cursor, f"WHERE version_id IN ({version_ids})")
        stages = tables[Stage].select(cursor, f"WHERE version_id IN ({version_ids})")
        stage_ids = ", ".join(str(s["id"]) for s in stages) or "NULL"

        def links(through: Any, owner: str, where: str) -> list[dict[str, Any]]:
            columns = tuple(f.column for f in through._meta.concrete_fields if f.column != "id")
            cursor.execute(f"SELECT {', '.join(columns)} FROM {through._meta.db_table} WHERE {owner} IN ({where}) ORDER BY id")
            return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

        theme_links = links(themes_through, "serviceitemversion_id", version_ids)
        intermediary_links = links(intermediaries_through, "serviceitemversion_id", version_ids)
        countersign_links = links(countersign_through, "stage_id", stage_ids)
        ids = {m: _next_id(cursor, t.name) for m, t in tables.items()}

    def new_id(model: Any) -> int:
        ids[model] += 1
        return ids[model] - 1

    stamps = {c: stamp for c in STAMP_COLUMNS}
    cities: dict[str, int] = {SOURCE_CITY: city_row["id"]}
    for county in plan:
        swap = {"示范县": county.name, "示范市": county.city_name}

        def replace(text: str, swap: dict[str, str] = swap) -> str:
            if "示范" in text:
                for old, new in swap.items():
                    text = text.replace(old, new)
            return text

        def add(model: Any, row: dict[str, Any], **overrides: Any) -> None:
            table = tables[model]
            tables[model].add(row, replace, **{k: v for k, v in stamps.items() if k in table.columns}, **overrides)

        if county.city_code not in cities:
            cities[county.city_code] = new_id(Region)
            add(
                Region,
                city_row,
                id=cities[county.city_code],
                code=county.city_code,
                name=county.city_name,
                parent_id=regions[PROVINCE]["id"],
            )
        county.region_id = new_id(Region)
        add(Region, county_row, id=county.region_id, code=county.code, name=county.name, parent_id=cities[county.city_code])
        usccs: dict[int, str] = {}
        for source_id, department in source_departments.items():
            county.department_ids[source_id] = new_id(Department)
            usccs[source_id] = _uscc_in(department["uscc"], county.code)
            add(Department, department, id=county.department_ids[source_id], region_id=county.region_id, uscc=usccs[source_id])
        unit_ids: dict[int, int] = {}
        for unit in units:
            unit_ids[unit["id"]] = new_id(Unit)
            add(Unit, unit, id=unit_ids[unit["id"]], department_id=county.department_ids[unit["department_id"]])
        if hall is not None:
            hall_id = new_id(ServiceHall)
            add(ServiceHall, hall, id=hall_id, region_id=county.region_id, parent_id=None)
            if window is not None:
                county.window_id = new_id(Window)
                add(Window, window, id=county.window_id, hall_id=hall_id, department_id=None)
        request_id = new_id(ChangeRequest)
        add(
            ChangeRequest,
            request,
            id=request_id,
            region_id=county.region_id,
            department_id=None,
            title=f"{county.name}政务服务事项清单首次发布",
        )
        add(
            CatalogVersion,
            catalog_version,
            id=new_id(CatalogVersion),
            region_id=county.region_id,
            number=1,
            change_request_id=request_id,
            summary=f"{county.name}政务服务事项清单首次发布",
        )
        version_map: dict[int, int] = {}
        situation_map: dict[int, int] = {}
        for version in versions:
            item = items[version["service_item_id"]]
            source_uscc = source_departments[item["department_id"]]["uscc"]
            code = item["implementation_code"]
            uscc = usccs[item["department_id"]]
            code = uscc + code[len(source_uscc) :] if code.startswith(source_uscc) else (county.code + code)[:64]
            item_id, version_id = new_id(ServiceItem), new_id(ServiceItemVersion)
            version_map[version["id"]] = version_id
            add(
                ServiceItem,
                item,
                id=item_id,
                department_id=county.department_ids[item["department_id"]],
                implementation_code=code,
                current_id=version_id,
            )
            add(
                ServiceItemVersion,
                version,
                id=version_id,
                service_item_id=item_id,
                change_request_id=request_id,
                power_item_id=None,
                unit_id=unit_ids.get(version["unit_id"]),
                valid_from=1,
                valid_to=None,
                base_version_id=None,
            )
        for situation in situations:
            situation_map[situation["id"]] = new_id(Situation)
            add(Situation, situation, id=situation_map[situation["id"]], version_id=version_map[situation["version_id"]])
        for material in materials:
            add(
                MaterialRequirement,
                material,
                id=new_id(MaterialRequirement),
                version_id=version_map[material["version_id"]],
                situation_id=situation_map.get(material["situation_id"]),
            )
        for fee in fees:
            add(ItemFee, fee, id=new_id(ItemFee), version_id=version_map[fee["version_id"]])
        stage_map: dict[int, int] = {}
        for stage in stages:
            stage_map[stage["id"]] = new_id(Stage)
            add(
                Stage, stage, id=stage_map[stage["id"]], version_id=version_map[stage["version_id"]], unit_id=unit_ids.get(stage["unit_id"])
            )
        for link in theme_links:
            link_rows[themes_through].append((version_map[link["serviceitemversion_id"]], link["theme_id"]))
        for link in intermediary_links:
            link_rows[intermediaries_through].append((version_map[link["serviceitemversion_id"]], link["intermediaryservice_id"]))
        for link in countersign_links:
            if link["unit_id"] in unit_ids:
                link_rows[countersign_through].append((stage_map[link["stage_id"]], unit_ids[link["unit_id"]]))

    if connection.vendor == "postgresql":
        remove_search_schema(connection)  # rebuilt below in one pass
    for table in tables.values():
        write(table.name, table.columns, table.rows)
    for through, rows in link_rows.items():
        columns = tuple(f.column for f in through._meta.concrete_fields if f.column != "id")
        write(through._meta.db_table, columns, rows)
    if connection.vendor == "postgresql":
        install_search_schema(connection)
        with connection.cursor() as cursor:
            for table in tables.values():
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), (SELECT max(id) FROM {table.name}))")
    counts = {f"province_{t.model._meta.model_name}": len(t.rows) for t in tables.values() if t.rows}
    return ProvinceResult(plan, counts)
