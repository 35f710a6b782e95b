"""The benchmark data generator at province scale (bench/generate.py, bench/catalog_scale.py), on a tiny
data set: 300 cases, 2 synthetic counties, on SQLite in temporary files.

The schema and the demo county are built once (`--load --base only`), copied twice, and the generator
runs on each copy with the same arguments (`--base reuse`): the shape is checked on the first, the
second must hold the same rows.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
GENERATE = str(ROOT / "bench" / "generate.py")
COUNTIES = 2
ARGS = ["--cases", "300", "--seed", "5", "--today", "2026-11-24", "--counties", str(COUNTIES), "--entities", "5000"]
ARGS += ["--rating-share", "0.9", "--county-share", "0.6"]

pytestmark = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="builds its own SQLite files; runs in the SQLite pass"
)


def _rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def _env(path: Path, var: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BENCH_")}
    env.update(DATABASE_URL=f"sqlite:///{path}", DJANGO_SETTINGS_MODULE="config.settings.base", VAR_DIR=str(var), LOG_LEVEL="WARNING")
    return env


def _run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-4000:]
    return done


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    work = tmp_path_factory.mktemp("bench-generator")
    base = work / "base.sqlite3"
    _run([sys.executable, GENERATE, "--load", "--base", "only"], _env(base, work / "var"))
    first_case = _rows(base, "select coalesce(max(id), 0) + 1 from cases_case")[0][0]  # the generated cases' first id
    metas = []
    for name in ("a", "b"):
        path = work / f"{name}.sqlite3"
        shutil.copyfile(base, path)
        _run([sys.executable, GENERATE, "--load", "--base", "reuse", *ARGS], _env(path, work / "var"))
        with sqlite3.connect(path) as conn:
            metas.append(json.loads(conn.execute("select meta from bench_meta").fetchone()[0]))
    return {"a": work / "a.sqlite3", "b": work / "b.sqlite3", "meta": metas[0], "var": work / "var", "first": first_case}


def test_items_scale_with_the_counties(built: dict[str, Any]) -> None:
    path = built["a"]
    demo_current = _rows(
        path,
        "select count(*) from catalog_serviceitemversion v join catalog_serviceitem i on i.id = v.service_item_id "
        "join orgs_department d on d.id = i.department_id join orgs_region r on r.id = d.region_id "
        "where r.code = '990123' and v.state = 'published' and v.valid_to is null and not v.is_cancellation",
    )[0][0]
    assert demo_current > 150
    counts = built["meta"]["counts"]
    assert counts["current_items"] == demo_current * (1 + COUNTIES)
    assert counts["items_synthetic_counties"] == demo_current * COUNTIES
    per_county = _rows(
        path,
        "select r.code, r.name, count(distinct d.id), count(i.id), count(distinct i.implementation_code) from orgs_region r "
        "join orgs_department d on d.region_id = r.id join catalog_serviceitem i on i.department_id = d.id "
        "where r.code in ('990101', '990102') group by r.code order by r.code",
    )
    demo_departments = _rows(
        path, "select count(*) from orgs_department d join orgs_region r on r.id = d.region_id where r.code = '990123'"
    )
    assert [row[0] for row in per_county] == ["990101", "990102"]
    for _code, name, _departments, items, codes in per_county:
        assert name.endswith("县") and name != "示范县"
        assert items == codes == demo_current
    departments = _rows(path, "select r.code, count(*) from orgs_department d join orgs_region r on r.id = d.region_id group by r.code")
    assert dict(departments)["990101"] == demo_departments[0][0]
    # Texts name the county, not the demo county; every USCC is distinct and valid.
    assert _rows(
        path,
        "select count(*) from orgs_department d join orgs_region r on r.id = d.region_id "
        "where r.code != '990123' and (d.name like '%示范县%' or d.address like '%示范县%')",
    ) == [(0,)]
    assert _rows(path, "select count(*) - count(distinct uscc) from orgs_department") == [(0,)]
    from onewindow.common.identity import normalize_uscc

    assert all(normalize_uscc(u) == u for (u,) in _rows(path, "select uscc from orgs_department"))


def test_every_copied_version_is_searchable(built: dict[str, Any]) -> None:
    path = built["a"]
    current = {
        row[0]
        for row in _rows(
            path, "select id from catalog_serviceitemversion where state = 'published' and valid_to is null and not is_cancellation"
        )
    }
    assert {row[0] for row in _rows(path, "select rowid from catalog_itemsearch")} == current
    assert _rows(
        path, "select count(*) from catalog_serviceitemversion where pinyin = '' and id in (select current_id from catalog_serviceitem)"
    ) == [(0,)]
    script = """
import json, django
django.setup()
from onewindow.catalog.search import search_items
from onewindow.orgs.models import Region
out = {}
for code in ("990101", "990102"):
    region = Region.objects.get(code=code)
    for name in ("食品经营许可", "居民身份证申领", "建筑工程施工许可"):
        hits = search_items(query=name, region=region)
        out[f"{code} {name}"] = [(h.version.name, h.item.department.region.code) for h in hits[:3]]
print(json.dumps(out, ensure_ascii=False))
"""
    done = _run([sys.executable, "-c", script], _env(path, built["var"]))
    found = json.loads(done.stdout.strip().splitlines()[-1])
    for key, hits in found.items():
        code, name = key.split()
        assert hits, key
        assert hits[0] == [name, code], (key, hits)


def test_ratings_reference_delivered_cases(built: dict[str, Any]) -> None:
    path = built["a"]
    generated = _rows(
        path,
        "select c.status, r.department_id = c.department_id, r.created_at >= c.delivered_at, r.level, r.is_bad, r.voided_at is not null "
        f"from ratings_rating r join cases_case c on c.id = r.case_id where r.case_id >= {built['first']}",
    )
    assert len(generated) > 10
    assert {row[0] for row in generated} <= {"delivered", "closed"}
    assert all(row[1] and row[2] for row in generated)
    assert all(bool(row[4]) == (row[3] <= 2) for row in generated)
    assert _rows(
        path,
        "select count(*) from ratings_rating r left join cases_case c on c.id = r.case_id where r.case_id is not null and c.id is null",
    ) == [(0,)]
    # Each bad rating has its rectification, each with its two timers.
    assert _rows(
        path,
        "select count(*) from ratings_rating r left join ratings_rectification x on x.rating_id = r.id where r.is_bad and x.id is null",
    ) == [(0,)]
    timers = _rows(
        path,
        "select count(*) from ratings_rectification x where (select count(*) from deadlines_deadline d "
        "where d.subject_type = 'ratings.rectification' and d.subject_id = cast(x.id as text)) != 2 "
        f"and x.rating_id in (select id from ratings_rating where case_id >= {built['first']})",
    )
    assert timers == [(0,)]


def test_cases_spread_over_the_province_with_valid_applicants(built: dict[str, Any]) -> None:
    from onewindow.common.identity import normalize_resident_id, normalize_uscc

    path = built["a"]
    spread = dict(_rows(path, f"select region_code, count(*) from cases_case where id >= {built['first']} group by 1"))
    assert set(spread) <= {"990123", "990101", "990102"} and len(spread) == 3
    assert spread["990123"] > spread["990101"] + spread["990102"] - 60
    applicants = _rows(path, "select applicant_kind, applicant_id_number, applicant_name from cases_case")
    for kind, number, name in applicants:
        assert name
        assert (normalize_uscc if kind == "enterprise" else normalize_resident_id)(number) == number
    # Window cases of a synthetic county are received at that county's comprehensive window.
    assert _rows(
        path,
        "select count(*) from cases_case c join orgs_window w on w.id = c.window_id join orgs_servicehall h on h.id = w.hall_id "
        "join orgs_region r on r.id = h.region_id where r.code != c.region_code",
    ) == [(0,)]
    counts = built["meta"]["counts"]
    assert counts["entities"] == 5000 and 0 < counts["applicants"] <= 300


def test_same_seed_same_rows(built: dict[str, Any]) -> None:
    for table in (
        "orgs_region",
        "orgs_department",
        "catalog_serviceitem",
        "catalog_serviceitemversion",
        "catalog_materialrequirement",
        "cases_case",
        "cases_casestep",
        "deadlines_deadline",
        "ratings_rating",
        "ratings_rectification",
    ):
        a = _rows(built["a"], f"select * from {table} order by id")
        assert a, table
        assert a == _rows(built["b"], f"select * from {table} order by id"), table
