"""Benchmark data: the demo county plus N cases with their materials, steps, stage tasks and timers.

    DJANGO_SETTINGS_MODULE=config.settings.base .venv/bin/python bench/generate.py --db postgres --cases 50000 --seed 1

Writes a *golden* database once per (seed, size, reference day, generator version) and leaves it
alone afterwards; `bench/run.py` copies it into the database the server uses, so every run starts
from the same rows (the load writes cases, the scan is rolled back).

- PostgreSQL: database `onewindow_bench_s<seed>_n<cases>_d<day>_v<version>` (UTF-8, C.UTF-8, pg_trgm),
  rows loaded with COPY (`cursor.copy`), triggers (foreign-key checks) off for the load only.
- SQLite: `var/bench/golden-s<seed>-n<cases>-d<day>-v<version>.sqlite3`, rows with executemany in
  large transactions, foreign-key checks off for the load only.

The schema comes from `migrate`, the county from `load_demo`; the cases are realistic in shape:
items of every department weighted alike, the last 12 months, a status mix in which about half the
cases are still open (`--open-share`), each open case with its running `Deadline` rows
(case_acceptance, case_correction, case_promised + case_statutory, case_stage, case_delivery; paused
while suspended) and the `Case.due_on`/`warn_on` copies the queues sort by; closed cases with their
met or cancelled timers. Events before the reference day are marked handled (as the minutely scan
would have), so a scan on the reference day finds only that day's new warnings and overdue timers.

Deterministic: the same arguments give the same generated rows (random.Random(seed); no clock is read).
The demo county's own few hundred cases come from `load_demo`, which places them around the real date.

Province scale (generator version 4, on by default; `--no-province` or BENCH_PROVINCE=0 for the demo
county alone): `--counties` synthetic counties (BENCH_COUNTIES, 55) under 示范省, each a copy of the
demo county's departments, units, service center, comprehensive window and its 179 published items
(`bench/catalog_scale.py`): 56 counties hold 10,024 current items, searchable like the demo's. Of the
N cases, `--county-share` (BENCH_COUNTY_SHARE, 0.8) stay in the demo county (so its queues stay
comparable with earlier runs), the rest spread over the synthetic counties' items. Applicants come from
a pool of `--entities` (BENCH_ENTITIES, 1,000,000) persons and enterprises (85 % / 15 %) computed from
their index and the seed: valid resident ID numbers (real GB/T 2260 birthplaces, dates, sequence,
check digit) and USCCs of the province's counties (check character per GB 32100); there is no entity
table in OneWindow, so they live in the cases' applicant columns. `--rating-share` (BENCH_RATING_SHARE,
0.6) of the delivered and closed cases carry a rating (一事一评: mostly 4-5, about 4.5 % bad at 1-2);
each bad one has its `Rectification` in the state its age makes likely (pending follow-up … revisited,
appealed, voided) with its follow-up and rectification timers.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import hashlib
import json
import os
import random
import sys
import time as wall
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

GENERATOR_VERSION = 4
DEFAULT_TODAY = dt.date(2026, 11, 24)  # a Tuesday: the scan then sees Monday's overdue timers
DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432"
CHUNK = 20_000
LOCAL = ZoneInfo("Asia/Shanghai")
UTC = dt.UTC

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬建国志强海燕鹏辉晨曦子涵雨轩浩然梓萱"
FIRMS = [
    "示范县{}商贸有限公司",
    "示范县{}建筑工程有限公司",
    "示范县{}餐饮管理有限公司",
    "示范县{}农业专业合作社",
    "示范县{}科技有限公司",
    "示范县{}运输有限公司",
]
WORDS = "恒信隆盛鑫达永安富华兴旺联创宏远嘉和汇通瑞丰德润新源顺发金泰"

# Real GB/T 2260 districts: the ID check looks the birthplace up (see onewindow/demo/identifiers.py), as of
# the birth date; these codes are valid for every birth date 1950-2004 (330102, 440305, 510104, 420102 and
# 320102, used up to generator version 3, are not for some years: python-stdnum rejects those numbers).
BIRTHPLACES = ("110101", "110105", "310104", "110102", "110108", "310101", "120101", "310105")


@dataclass(frozen=True)
class Scale:
    """The province-scale knobs; the defaults make the data set `make bench` uses."""

    counties: int = 55
    county_share: float = 0.8
    entities: int = 1_000_000
    rating_share: float = 0.6

    @classmethod
    def from_env(cls) -> Scale:
        env = os.environ.get
        province = env("BENCH_PROVINCE", "1") not in ("0", "")
        return cls(
            counties=int(env("BENCH_COUNTIES", cls.counties)) if province else 0,
            county_share=float(env("BENCH_COUNTY_SHARE", cls.county_share)),
            entities=int(env("BENCH_ENTITIES", cls.entities)),
            rating_share=float(env("BENCH_RATING_SHARE", cls.rating_share)),
        )

    def arguments(self) -> list[str]:
        return [
            "--counties", str(self.counties), "--county-share", str(self.county_share),
            "--entities", str(self.entities), "--rating-share", str(self.rating_share),
        ]  # fmt: skip


def golden_key(seed: int, cases: int, today: dt.date, scale: Scale | None = None, open_share: float = 0.5) -> str:
    """The data set's name: seed, size, day, version, and a digest of the other knobs when they differ from the defaults."""
    key = f"s{seed}_n{cases}_d{today:%Y%m%d}_v{GENERATOR_VERSION}"
    scale = scale or Scale()
    if scale != Scale() or open_share != 0.5:
        knobs = json.dumps([scale.counties, scale.county_share, scale.entities, scale.rating_share, open_share])
        key += f"_x{hashlib.sha256(knobs.encode()).hexdigest()[:8]}"
    return key


def pg_golden(seed: int, cases: int, today: dt.date, scale: Scale | None = None, open_share: float = 0.5) -> str:
    return f"onewindow_bench_{golden_key(seed, cases, today, scale, open_share)}"


def sqlite_golden(seed: int, cases: int, today: dt.date, scale: Scale | None = None, open_share: float = 0.5) -> Path:
    return ROOT / "var" / "bench" / f"golden-{golden_key(seed, cases, today, scale, open_share).replace('_', '-')}.sqlite3"


# ---- database files and servers -------------------------------------------------------------------


def pg_admin(pg_url: str) -> Any:
    import psycopg

    return psycopg.connect(f"{pg_url}/postgres", autocommit=True)


def pg_complete(pg_url: str, name: str) -> dict[str, Any] | None:
    """The golden database's meta row when it exists and finished loading, else None."""
    import psycopg

    with pg_admin(pg_url) as admin:
        if admin.execute("select 1 from pg_database where datname = %s", [name]).fetchone() is None:
            return None
    try:
        with psycopg.connect(f"{pg_url}/{name}") as conn:
            row = conn.execute("select meta from bench_meta").fetchone()
    except psycopg.Error:
        return None
    return json.loads(row[0]) if row else None


def sqlite_complete(path: Path) -> dict[str, Any] | None:
    import sqlite3

    if not path.exists():
        return None
    try:
        with sqlite3.connect(path) as conn:
            row = conn.execute("select meta from bench_meta").fetchone()
    except sqlite3.Error:
        return None
    return json.loads(row[0]) if row else None


def ensure(
    db: str,
    *,
    cases: int,
    seed: int,
    today: dt.date,
    open_share: float,
    pg_url: str,
    force: bool = False,
    scale: Scale | None = None,
) -> dict[str, Any]:
    """Make sure the golden database exists (generating it in a child process if not); its description.

    `scale` defaults to the BENCH_PROVINCE/BENCH_COUNTIES/BENCH_COUNTY_SHARE/BENCH_ENTITIES/BENCH_RATING_SHARE
    environment (else the defaults)."""
    scale = scale or Scale.from_env()
    if db == "postgres":
        name = pg_golden(seed, cases, today, scale, open_share)
        meta = None if force else pg_complete(pg_url, name)
        where = {"golden": name, "url": f"{pg_url}/{name}"}
    else:
        path = sqlite_golden(seed, cases, today, scale, open_share)
        meta = None if force else sqlite_complete(path)
        where = {"golden": str(path), "url": f"sqlite:///{path}"}
    if meta is not None:
        return {**where, "meta": meta, "generated": False}
    started = wall.monotonic()
    if db == "postgres":
        with pg_admin(pg_url) as admin:
            admin.execute(f'drop database if exists "{name}" with (force)')
            admin.execute(f"create database \"{name}\" template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'")
        import psycopg

        with psycopg.connect(f"{pg_url}/{name}", autocommit=True) as conn:
            conn.execute("create extension if not exists pg_trgm")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    import subprocess

    env = {**os.environ, "DATABASE_URL": where["url"], "DJANGO_SETTINGS_MODULE": "config.settings.base"}
    command = [sys.executable, str(Path(__file__)), "--load", "--cases", str(cases), "--seed", str(seed)]
    command += ["--today", today.isoformat(), "--open-share", str(open_share), *scale.arguments()]
    subprocess.run(command, env=env, check=True, cwd=ROOT)
    meta = pg_complete(pg_url, name) if db == "postgres" else sqlite_complete(path)
    if meta is None:
        raise RuntimeError(f"generation of {where['golden']} did not complete")
    return {**where, "meta": meta, "generated": True, "seconds": round(wall.monotonic() - started, 1)}


# ---- the load (runs with Django set up on the target database) --------------------------------------


def identity_check_digit(body: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]


def people(rng: random.Random, count: int) -> list[tuple[str, str, str]]:
    """(name, resident id, phone) of `count` persons of the county, with valid check digits."""
    out = []
    for serial in range(count):
        born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(365 * 55))
        body = f"{BIRTHPLACES[serial % len(BIRTHPLACES)]}{born:%Y%m%d}{serial % 1000:03d}"
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        out.append((name, body + identity_check_digit(body), f"13{rng.randrange(10**9):09d}"))
    return out


def enterprises(rng: random.Random, count: int) -> list[tuple[str, str, str]]:
    from stdnum.cn import uscc

    out = []
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    for serial in range(count):
        body = "91119901" + "".join(rng.choice(alphabet) for _ in range(9))
        name = rng.choice(FIRMS).format(rng.choice(WORDS) + rng.choice(WORDS)) + ("" if serial < 60 else f"{serial}号")
        out.append((name, body + uscc.calc_check_digit(body), f"0{rng.randrange(10, 99)}-{rng.randrange(10**7, 10**8)}"))
    return out


_MASK = (1 << 64) - 1
_BIRTH_SPAN = 20_075  # days from 1950-01-01: births up to the end of 2004
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
FIRM_KINDS = tuple(f.replace("示范县{}", "") for f in FIRMS)
PERSON_SHARE = 0.85


def _mix(value: int, seed: int) -> int:
    """A 64-bit hash of (value, seed) (splitmix64): the same inputs, the same bits, in every process."""
    h = (value * 0x9E3779B97F4A7C15 + (seed + 1) * 0xBF58476D1CE4E5B9) & _MASK
    h = ((h ^ (h >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    h = ((h ^ (h >> 27)) * 0x94D049BB133111EB) & _MASK
    return h ^ (h >> 31)


class Entities:
    """The applicants of the province: `count` persons and enterprises, each computed from its index and the
    seed (nothing stored), all distinct and valid.

    Person i: birthplace BIRTHPLACES[i % 8] (real GB/T 2260 districts), a birth date and sequence that the
    rest of the index maps to one-to-one (a bijection on the days, the sequence above it), the GB 11643
    check digit. Enterprise j: `91` + the code of one of the province's counties + a 9-character
    organization code the index maps to one-to-one (multiplication by a prime modulo 31^9) + the GB 32100
    check character. Names and phones come from a hash of the index.
    """

    def __init__(self, count: int, seed: int, counties: list[tuple[str, str]]) -> None:
        self.seed = seed
        self.persons = max(1, round(count * PERSON_SHARE))
        self.firms = max(1, count - self.persons)
        self.counties = counties
        self.used = bytearray(self.persons + self.firms)
        self.born0 = dt.date(1950, 1, 1)

    def person(self, index: int) -> tuple[str, str, str]:
        self.used[index] = 1
        h = _mix(index, self.seed)
        rest, place = divmod(index, len(BIRTHPLACES))
        sequence, day = divmod(rest, _BIRTH_SPAN)
        born = self.born0 + dt.timedelta(days=(day * 7919 + self.seed * 104_729) % _BIRTH_SPAN)
        body = f"{BIRTHPLACES[place]}{born:%Y%m%d}{sequence % 1000:03d}"
        given = GIVEN[(h >> 8) % len(GIVEN)] + (GIVEN[(h >> 16) % len(GIVEN)] if (h >> 24) & 1 else "")
        name = SURNAMES[h % len(SURNAMES)] + given
        return name, body + identity_check_digit(body), f"13{(h >> 32) % 10**9:09d}"

    def firm(self, index: int) -> tuple[str, str, str]:
        from stdnum.cn import uscc

        self.used[self.persons + index] = 1
        h = _mix(index + (1 << 40), self.seed)
        county_code, county_name = self.counties[index % len(self.counties)]
        number = (index * 1_000_003 + self.seed * 7_777_777) % 31**9
        org = ""
        for _ in range(9):
            number, digit = divmod(number, 31)
            org = _USCC_ALPHABET[digit] + org
        body = f"91{county_code}{org}"
        words = WORDS[h % len(WORDS)] + WORDS[(h >> 8) % len(WORDS)]
        name = f"{county_name}{words}{FIRM_KINDS[(h >> 16) % len(FIRM_KINDS)]}" + ("" if index < 60 else f"{index}号")
        return name, body + uscc.calc_check_digit(body), f"0{(h >> 24) % 89 + 10}-{(h >> 32) % 9 * 10**7 + 10**7 + (h >> 40) % 10**7}"

    def pick(self, rng: random.Random, kind: str) -> tuple[str, str, str]:
        if kind == "person":
            return self.person(rng.randrange(self.persons))
        return self.firm(rng.randrange(self.firms))

    @property
    def applicants(self) -> int:
        return sum(self.used)


class Writer:
    """Bulk rows into one table: COPY on PostgreSQL, executemany on SQLite."""

    def __init__(self) -> None:
        from django.db import connection

        self.connection = connection
        self.vendor = connection.vendor
        self.rows = 0

    def write(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        if not rows:
            return
        self.rows += len(rows)
        cols = ", ".join(columns)
        with self.connection.cursor() as cursor:
            if self.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join("?" * len(columns))
                cursor.connection.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", rows)


CASE_COLUMNS = (
    "id", "number", "query_code", "status", "channel", "item_id", "item_version_id", "situation_id", "department_id",
    "region_code", "item_name", "applicant_kind", "applicant_name", "applicant_id_number", "applicant_phone",
    "applicant_email", "applicant_user_id", "form", "delivery_method", "delivery_address", "window_id", "received_by_id",
    "accepted_by_id", "decided_by_id", "decision", "decision_reason", "deemed_accepted", "deemed_approved",
    "refusal_reason", "has_gaps", "gap_supply_by", "extended_days", "promised_days", "statutory_days", "due_on", "warn_on",
    "created_at", "updated_at", "submitted_at", "accepted_at", "decided_at", "delivered_at", "ended_at", "revision",
)  # fmt: skip
MATERIAL_COLUMNS = (
    "case_id", "requirement_id", "code", "name", "necessity", "provision", "file", "original_name", "content_kind", "size",
    "sha256", "license_number", "pledge_text", "pledge_status", "problem", "gap_supplied_at", "updated_at", "sort",
)  # fmt: skip
STEP_COLUMNS = ("case_id", "action", "from_status", "to_status", "actor_id", "actor_name", "unit_name", "comment", "details", "at")
TASK_COLUMNS = (
    "id", "case_id", "stage_id", "sequence", "name", "kind", "role", "department_id", "unit_id", "countersign", "state",
    "handler_id", "opinion", "opened_at", "completed_at", "due_on",
)  # fmt: skip
DEADLINE_COLUMNS = (
    "id", "subject_type", "subject_id", "kind", "department_id", "handler_id", "started_at", "allotted_days",
    "extended_days", "paused_days", "due_on", "warn_on", "provisional", "state", "paused_on", "met_at", "cancelled_at",
    "warned_at", "overdue_handled_at", "updated_at", "revision",
)  # fmt: skip
PAUSE_COLUMNS = ("deadline_id", "paused_at", "resumed_at", "reason", "days")
RATING_COLUMNS = (
    "id", "case_id", "visit_id", "department_id", "window_id", "handler_id", "rater_id", "channel", "level", "tags",
    "comment", "contact_phone", "is_bad", "created_at", "voided_at", "void_reason", "voided_by_id",
)  # fmt: skip
RECTIFICATION_COLUMNS = (
    "id", "rating_id", "department_id", "state", "state_before_appeal", "follow_up_at", "follow_up_note", "follow_up_by_id",
    "rectified_at", "rectification_note", "rectified_by_id", "replied_at", "reply", "replied_by_id", "revisited_at",
    "revisit_satisfied", "revisit_comment", "revisited_by_id", "appeal_reason", "appealed_at", "appealed_by_id",
    "appeal_decided_at", "appeal_decision", "appeal_opinion", "appeal_decided_by_id", "due_on", "warn_on", "created_at",
    "updated_at", "revision",
)  # fmt: skip
RECTIFICATION_STEPS = ("pending_follow_up", "followed_up", "rectified", "replied", "revisited")
GOOD_COMMENTS = ("", "", "", "工作人员很耐心", "一次就办好了", "流程清楚,效率高", "材料一次告知清楚")
BAD_COMMENTS = ("跑了好几趟才办成", "等了很久没人处理", "窗口人员态度不好", "要求的材料太多", "")


def check_columns() -> None:
    """Fail loudly when a model gained or lost a column the generator does not know about."""
    from onewindow.cases.models import Case, CaseMaterial, CaseStep, StageTask
    from onewindow.deadlines.models import Deadline, PauseInterval
    from onewindow.ratings.models import Rating, Rectification

    for model, columns in (
        (Rating, RATING_COLUMNS),
        (Rectification, RECTIFICATION_COLUMNS),
        (Case, CASE_COLUMNS),
        (CaseMaterial, ("id", *MATERIAL_COLUMNS)),
        (CaseStep, ("id", *STEP_COLUMNS)),
        (StageTask, TASK_COLUMNS),
        (Deadline, DEADLINE_COLUMNS),
        (PauseInterval, ("id", *PAUSE_COLUMNS)),
    ):
        actual = {f.column for f in model._meta.concrete_fields}
        if actual != set(columns):
            raise SystemExit(f"bench/generate.py is out of date for {model._meta.label}: {sorted(actual ^ set(columns))}")


class Generator:
    def __init__(self, *, cases: int, seed: int, today: dt.date, open_share: float, scale: Scale | None = None) -> None:
        from django.conf import settings

        self.cases = cases
        self.seed = seed
        self.today = today
        self.open_share = open_share
        self.scale = scale or Scale()
        self.rng = random.Random(seed)
        self.sqlite = settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")
        self.now = dt.datetime.combine(today, dt.time(8, 0), LOCAL)  # every generated event is before the day's work
        self.counts: dict[str, int] = {}
        self.seconds: dict[str, float] = {}
        _one_calendar_read(today)

    # values in the form each backend stores them ------------------------------------------------
    def ts(self, value: dt.datetime | None) -> Any:
        if value is None:
            return None
        if self.sqlite:
            return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ")
        return value

    def day(self, value: dt.date | None) -> Any:
        if value is None:
            return None
        return value.isoformat() if self.sqlite else value

    def flag(self, value: bool) -> Any:
        return int(value) if self.sqlite else value

    # reference data ------------------------------------------------------------------------------
    def load_reference(self, counties: list[tuple[str, str]]) -> None:
        """The current items with their situations, checklists and review stages (four queries in all, whatever
        the number of items), the demo's users and window, and the applicants' pool."""
        from onewindow.accounts.models import User
        from onewindow.catalog.models import MaterialRequirement, ServiceItem, Situation, Stage
        from onewindow.demo.county import COUNTY_CODE
        from onewindow.orgs.models import Window

        self.users = {u.username: u for u in User.objects.filter(username__startswith="demo-")}
        self.window = Window.objects.filter(kind="comprehensive").order_by("id").first()
        windows = dict(
            Window.objects.filter(kind="comprehensive").order_by("-id").values_list("hall__region__code", "id")
        )  # the first comprehensive window of each region (descending: the lowest id wins)
        current = {"version__state": "published", "version__valid_to__isnull": True, "version__is_cancellation": False}
        situations_of: dict[int, list[Any]] = defaultdict(list)
        for situation in Situation.objects.filter(**current).order_by("version_id", "sort", "id"):
            situations_of[situation.version_id].append(situation)
        materials_of: dict[int, list[Any]] = defaultdict(list)
        for material in MaterialRequirement.objects.filter(**current).order_by("version_id", "sort", "id"):
            materials_of[material.version_id].append(material)
        stages_of: dict[int, list[Any]] = defaultdict(list)
        for stage in Stage.objects.filter(**current).order_by("version_id", "sequence", "id"):
            stages_of[stage.version_id].append(stage)
        forms: dict[str, str] = {}
        demo: list[dict[str, Any]] = []
        province: list[dict[str, Any]] = []
        for item in ServiceItem.objects.select_related("current", "department__region").order_by("id"):
            version = item.current
            if version is None or version.state != "published" or version.valid_to is not None or version.is_cancellation:
                continue
            situations = situations_of[version.pk] or [None]
            materials = materials_of[version.pk]
            stages = [s for s in stages_of[version.pk] if not s.special_procedure]
            review = next((s for s in stages if s.kind not in ("accept", "decide", "deliver")), None)
            schema = json.dumps(version.form_schema, sort_keys=True)
            if schema not in forms:
                forms[schema] = json.dumps(_sample_form(version.form_schema, self.today), ensure_ascii=False)
            region_code = item.department.region.code
            for situation in situations:
                needed = [m for m in materials if m.situation_id is None or (situation and m.situation_id == situation.pk)]
                (demo if region_code == COUNTY_CODE else province).append(
                    {
                        "item": item,
                        "version": version,
                        "situation_id": situation.pk if situation else None,
                        "department": item.department,
                        "region_code": region_code,
                        "window_id": self.window.pk if region_code == COUNTY_CODE else windows.get(region_code),
                        "materials": needed,
                        "review": review,
                        "form": forms[schema],
                        "open_ok": version.kind == "promised" and version.promised_limit_days > 0,
                    }
                )
        self.items = demo
        self.open_items = [i for i in demo if i["open_ok"]]
        self.province_items = province
        self.province_open = [i for i in province if i["open_ok"]]
        self.entities = Entities(self.scale.entities, self.seed, counties)
        self.counts["items_demo_county"] = len({e["item"].pk for e in demo})
        self.counts["items_synthetic_counties"] = len({e["item"].pk for e in province})

    # calendar ------------------------------------------------------------------------------------
    @functools.cache  # noqa: B019 (one generator per process)
    def schedule(self, kind: str, start: dt.date, days: int) -> tuple[dt.date, dt.date, bool]:
        from onewindow.deadlines import kinds
        from onewindow.deadlines.services import deadline_schedule

        s = deadline_schedule(kinds.get_kind(kind), start, days)
        return s.due_on, s.warn_on, s.provisional

    @functools.cache  # noqa: B019
    def workdays_since(self, start: dt.date) -> int:
        from onewindow.workdays.calendar import workdays_between

        return workdays_between(start, self.today).days

    # one case ----------------------------------------------------------------------------------
    def run(self) -> dict[str, Any]:
        from django.db import connection, transaction

        from bench.catalog_scale import build_province
        from onewindow.cases.models import Case, CaseNumberSequence, StageTask
        from onewindow.deadlines.models import Deadline
        from onewindow.demo.county import COUNTY, COUNTY_CODE
        from onewindow.ratings.models import Rating, Rectification
        from onewindow.ratings.services import timers as rating_timers

        rng = self.rng
        writer = Writer()
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA foreign_keys=OFF")
                cursor.execute("PRAGMA synchronous=OFF")
        mark = wall.monotonic()
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL session_replication_role = replica")  # items and versions point at each other
            catalog_stamp = self.ts(dt.datetime.combine(self.today - dt.timedelta(days=400), dt.time(9, 0), LOCAL))
            province = build_province(counties=self.scale.counties, stamp=catalog_stamp, write=writer.write)
        self.counts.update(province.counts)
        self.seconds["province"] = wall.monotonic() - mark
        mark = wall.monotonic()
        self.load_reference([(COUNTY_CODE, COUNTY[1])] + [(c.code, c.name) for c in province.counties])
        self.seconds["reference"] = wall.monotonic() - mark
        self.follow_up_days, self.rectification_days = rating_timers.follow_up_days(), rating_timers.rectification_days()
        first_case = (Case.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
        self.next_task = (StageTask.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
        self.next_deadline = (Deadline.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
        self.next_rating = (Rating.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
        self.next_rectification = (Rectification.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
        # Submission moments first, sorted, so ids and numbers grow with time as in real life.
        plans = []
        for _ in range(self.cases):
            is_open = rng.random() < self.open_share
            age = int(120 * rng.random() ** 2) if is_open else rng.randrange(365)
            minute = rng.randrange(8 * 60 + 30, 17 * 60 + 30)
            moment = dt.datetime.combine(self.today - dt.timedelta(days=age + 1), dt.time(minute // 60, minute % 60), LOCAL)
            plans.append((moment, is_open, rng.random()))
        plans.sort(key=lambda p: p[0])
        # The demo county has cases of its own (load_demo): numbering continues after theirs.
        sequences: dict[tuple[str, dt.date], int] = {
            (region, day): last for region, day, last in CaseNumberSequence.objects.values_list("region_code", "day", "last")
        }
        mark = wall.monotonic()
        for start in range(0, self.cases, CHUNK):
            buffers: dict[str, list[tuple]] = {
                k: [] for k in ("case", "material", "step", "task", "deadline", "pause", "rating", "rectification")
            }
            for offset, (moment, is_open, salt) in enumerate(plans[start : start + CHUNK]):
                self.one_case(first_case + start + offset, moment, is_open, salt, sequences, buffers)
            with transaction.atomic():
                if connection.vendor == "postgresql":
                    with connection.cursor() as cursor:
                        cursor.execute("SET LOCAL session_replication_role = replica")  # no FK trigger per row
                        cursor.execute("SET LOCAL synchronous_commit = off")
                writer.write("cases_case", CASE_COLUMNS, buffers["case"])
                writer.write("cases_casematerial", MATERIAL_COLUMNS, buffers["material"])
                writer.write("cases_casestep", STEP_COLUMNS, buffers["step"])
                writer.write("cases_stagetask", TASK_COLUMNS, buffers["task"])
                writer.write("deadlines_deadline", DEADLINE_COLUMNS, buffers["deadline"])
                writer.write("deadlines_pauseinterval", PAUSE_COLUMNS, buffers["pause"])
                writer.write("ratings_rating", RATING_COLUMNS, buffers["rating"])
                writer.write("ratings_rectification", RECTIFICATION_COLUMNS, buffers["rectification"])
            for key, rows in buffers.items():
                self.counts[key] = self.counts.get(key, 0) + len(rows)
            print(f"  {min(start + CHUNK, self.cases):>9,} cases", file=sys.stderr, flush=True)
        with transaction.atomic():
            CaseNumberSequence.objects.all().delete()  # rewritten whole: the demo's rows merged with ours
            writer.write(
                CaseNumberSequence._meta.db_table,
                ("region_code", "day", "last"),
                [(region, self.day(day), last) for (region, day), last in sorted(sequences.items())],
            )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for table in ("cases_case", "cases_stagetask", "deadlines_deadline", "ratings_rating", "ratings_rectification"):
                    cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        self.seconds["cases"] = wall.monotonic() - mark
        self.counts["entities"] = self.entities.persons + self.entities.firms
        self.counts["entities_persons"] = self.entities.persons
        self.counts["entities_enterprises"] = self.entities.firms
        self.counts["applicants"] = self.entities.applicants
        self.counts["counties"] = 1 + len(province.counties)
        return {"rows": writer.rows, **self.counts}

    def one_case(self, pk: int, moment: dt.datetime, is_open: bool, salt: float, sequences: dict, out: dict[str, list[tuple]]) -> None:
        rng = self.rng
        if self.province_items and rng.random() >= self.scale.county_share:
            entry = rng.choice(self.province_open if is_open else self.province_items)
        else:
            entry = rng.choice(self.open_items if is_open else self.items)
        version = entry["version"]
        department = entry["department"]
        region = entry["region_code"]
        submitted_day = moment.date()
        age = self.workdays_since(submitted_day)
        status = self.pick_status(is_open, age, salt)
        audience = version.audience
        kind = audience if audience in ("person", "enterprise") else rng.choice(("person", "enterprise"))
        name, id_number, phone = self.entities.pick(rng, kind)
        online = rng.random() < 0.45 or entry["window_id"] is None
        clerk, reviewer, decider = self.users["demo-clerk"], self.users["demo-reviewer"], self.users["demo-decider"]
        applicant_user = self.users["demo-applicant" if kind == "person" else "demo-enterprise"] if online else None
        key = (region, submitted_day)
        sequences[key] = sequences.get(key, 0) + 1
        number = f"{region}{submitted_day:%Y%m%d}{sequences[key]:06d}"
        span = self.now - moment

        def later(share: float) -> dt.datetime:
            return moment + span * share

        # The path the case took, as (action, from, to, actor, at).
        path: list[tuple[str, str, str, Any, dt.datetime]] = [("submit", "draft", "submitted", applicant_user or clerk, moment)]
        accepted_at = decided_at = delivered_at = ended_at = corrected_at = None
        decision = ""
        if status == "correction_requested":
            corrected_at = later(rng.uniform(0.2, 0.6))
            path.append(("request_correction", "submitted", status, clerk, corrected_at))
        elif status == "refused":
            ended_at = later(rng.uniform(0.0, 0.1)) if span < dt.timedelta(days=3) else moment + dt.timedelta(days=rng.uniform(0.5, 3))
            path.append(("refuse", "submitted", status, clerk, ended_at))
        elif status != "submitted":
            if is_open:
                accepted_at = later(rng.uniform(0.02, 0.15))
            else:
                accepted_at = min(moment + dt.timedelta(hours=rng.uniform(0.1, 48)), self.now)
            path.append(("accept", "submitted", "accepted", clerk, accepted_at))
            after_accept = self.now - accepted_at
            if status in ("in_review", "suspended", "decided", "delivered", "closed"):
                reviewed = accepted_at + after_accept * (rng.uniform(0.1, 0.4) if is_open else rng.uniform(0.01, 0.05))
                path.append(("complete_stage", "accepted", "in_review", reviewer, reviewed))
                if status == "suspended":
                    path.append(("suspend", "in_review", "suspended", reviewer, reviewed + (self.now - reviewed) * 0.5))
            if status in ("decided", "delivered", "closed"):
                days = version.promised_limit_days * rng.uniform(0.3, 1.1) * 1.4
                decided_at = min(accepted_at + dt.timedelta(days=days), accepted_at + after_accept * 0.8)
                grant = rng.random() < 0.93
                decision = "granted" if grant else "denied"
                path.append(("approve" if grant else "deny", "in_review", "decided", decider, decided_at))
                if status in ("delivered", "closed"):
                    delivered_at = decided_at + (self.now - decided_at) * rng.uniform(0.02, 0.2)
                    path.append(("deliver", "decided", "delivered", clerk, delivered_at))
                if status == "closed":
                    ended_at = delivered_at + (self.now - delivered_at) * rng.uniform(0.01, 0.1)
                    path.append(("close", "delivered", "closed", clerk, ended_at))
            elif status == "withdrawn":
                ended_at = accepted_at + after_accept * rng.uniform(0.05, 0.5)
                path.append(("withdraw", "accepted", status, applicant_user, ended_at))
            elif status == "terminated":
                ended_at = accepted_at + after_accept * rng.uniform(0.1, 0.5)
                path.append(("terminate", "accepted", status, None, ended_at))

        # Timers -------------------------------------------------------------------------------------
        due_copy: dict[str, tuple[dt.date, dt.date]] = {}
        subject_id = str(pk)

        def timer(
            kind_key: str,
            start: dt.datetime,
            days: int,
            state: str,
            *,
            ended: dt.datetime | None = None,
            subject=("cases.case", subject_id),
        ) -> int:
            deadline_id, due, warn = self.deadline(out, kind_key, start, days, state, ended, subject, department.pk)
            if subject[0] == "cases.case" and state in ("running", "paused"):
                due_copy[kind_key] = (due, warn)  # open timers: the queue copies on the case
            return deadline_id

        promised, statutory = version.promised_limit_days, version.statutory_limit_days
        if status == "submitted":
            timer("case_acceptance", moment, 5, "running")
        else:
            answered = corrected_at or accepted_at or ended_at or moment
            timer("case_acceptance", moment, 5, "met", ended=answered)
        if status == "correction_requested":
            timer("case_correction", corrected_at, 15, "running")
        if accepted_at is not None:
            if status in ("accepted", "in_review"):
                clock_state, clock_end = "running", None
            elif status == "suspended":
                clock_state, clock_end = "paused", path[-1][4]
            elif status in ("withdrawn", "terminated"):
                clock_state, clock_end = "cancelled", ended_at
            else:
                clock_state, clock_end = "met", decided_at
            ids = [
                timer(k, accepted_at, d, clock_state, ended=clock_end)
                for k, d in (("case_promised", promised), ("case_statutory", statutory))
            ]
            if clock_state == "paused":
                for deadline_id in ids:
                    out["pause"].append((deadline_id, self.ts(clock_end), None, "专家评审", None))
            review = entry["review"]
            if status in ("in_review", "suspended") and review is not None:
                opened = path[2][4]
                task_id = self.next_task
                self.next_task += 1
                task_due, _warn, _p = self.schedule("case_stage", opened.date(), review.days)
                out["task"].append(
                    (
                        task_id,
                        pk,
                        review.pk,
                        review.sequence,
                        review.name,
                        review.kind,
                        review.role,
                        department.pk,
                        review.unit_id,
                        self.flag(False),
                        "open",
                        None,
                        "",
                        self.ts(opened),
                        None,
                        self.day(task_due),
                    )
                )
                state = "running" if status == "in_review" else "paused"
                tid = timer(
                    "case_stage",
                    opened,
                    review.days,
                    state,
                    ended=path[-1][4] if state == "paused" else None,
                    subject=("cases.stagetask", str(task_id)),
                )
                if state == "paused":
                    out["pause"].append((tid, self.ts(path[-1][4]), None, "专家评审", None))
        if decided_at is not None:
            timer("case_delivery", decided_at, 10, "running" if status == "decided" else "met", ended=delivered_at)
        leading = next(
            (due_copy[k] for k in ("case_promised", "case_acceptance", "case_delivery", "case_correction") if k in due_copy), None
        )

        # The case, its steps, its materials ---------------------------------------------------------
        updated = path[-1][4]
        channel = "online" if online else "window"
        out["case"].append(
            (
                pk,
                number,
                f"{rng.randrange(10**8):08d}",
                status,
                channel,
                entry["item"].pk,
                version.pk,
                entry["situation_id"],
                department.pk,
                region,
                version.name,
                kind,
                name,
                id_number,
                phone,
                "",
                applicant_user.pk if applicant_user else None,
                entry["form"],
                "window",
                "",
                None if online else entry["window_id"],
                None if online else clerk.pk,
                clerk.pk if accepted_at else None,
                decider.pk if decided_at else None,
                decision,
                "符合法定条件、标准" if decision == "granted" else ("不符合法定条件" if decision else ""),
                self.flag(False),
                self.flag(False),
                "申请事项依法不属于本机关职权范围" if status == "refused" else "",
                self.flag(False),
                None,
                0,
                promised,
                statutory,
                self.day(leading[0]) if leading else None,
                self.day(leading[1]) if leading else None,
                self.ts(moment),
                self.ts(updated),
                self.ts(moment),
                self.ts(accepted_at),
                self.ts(decided_at),
                self.ts(delivered_at),
                self.ts(ended_at),
                len(path),
            )
        )
        for action, from_status, to_status, actor, at in path:
            actor_name = (actor.real_name or actor.username) if actor else ""
            out["step"].append(
                (pk, action, from_status, to_status, actor.pk if actor else None, actor_name, department.name, "", "{}", self.ts(at))
            )
        stamp = self.ts(moment)
        for sort, requirement in enumerate(entry["materials"]):
            if requirement.source == "government":
                provision, license_number = "reused", f"LIC{pk:09d}{sort}"
            elif requirement.necessity == "optional" and rng.random() < 0.5:
                provision, license_number = "missing", ""
            else:
                provision, license_number = ("uploaded" if online else "paper"), ""
            problem = "请提供清晰的原件扫描件" if status == "correction_requested" and sort == 0 else ""
            out["material"].append(
                (
                    pk,
                    requirement.pk,
                    requirement.code,
                    requirement.name,
                    requirement.necessity,
                    provision,
                    "",
                    "",
                    "",
                    0,
                    "",
                    license_number,
                    "",
                    "",
                    problem,
                    None,
                    stamp,
                    sort,
                )
            )
        if delivered_at is not None and rng.random() < self.scale.rating_share:
            window_id = None if online else entry["window_id"]
            self.rate(pk, department.pk, window_id, decider, applicant_user, delivered_at, out)

    # timers ------------------------------------------------------------------------------------
    def deadline(
        self,
        out: dict[str, list[tuple]],
        kind_key: str,
        start: dt.datetime,
        days: int,
        state: str,
        ended: dt.datetime | None,
        subject: tuple[str, str],
        department_id: int,
    ) -> tuple[int, dt.date, dt.date]:
        """One `Deadline` row as the services leave it; events before the reference day marked handled."""
        due, warn, provisional = self.schedule(kind_key, start.date(), days)
        met = ended if state == "met" else None
        cancelled = ended if state == "cancelled" else None
        paused_on = ended.date() if state == "paused" and ended else None
        warned = handled = None
        if state == "running":
            if due < self.today - dt.timedelta(days=1):
                handled = dt.datetime.combine(due + dt.timedelta(days=1), dt.time(0, 1), LOCAL)
            if warn < self.today:
                warned = dt.datetime.combine(warn, dt.time(0, 1), LOCAL)
        deadline_id = self.next_deadline
        self.next_deadline += 1
        out["deadline"].append(
            (
                deadline_id,
                subject[0],
                subject[1],
                kind_key,
                department_id,
                None,
                self.ts(start),
                days,
                0,
                0,
                self.day(due),
                self.day(warn),
                self.flag(provisional),
                state,
                self.day(paused_on),
                self.ts(met),
                self.ts(cancelled),
                self.ts(warned),
                self.ts(handled),
                self.ts(ended or start),
                1 if ended else 0,
            )
        )
        return deadline_id, due, warn

    # ratings -----------------------------------------------------------------------------------
    def rate(
        self,
        case_id: int,
        department_id: int,
        window_id: int | None,
        decider: Any,
        applicant_user: Any,
        delivered_at: dt.datetime,
        out: dict[str, list[tuple]],
    ) -> None:
        """The case's rating (一事一评) a while after delivery; a bad one with its rectification and timers."""
        from onewindow.ratings.choices import tags_for

        rng = self.rng
        at = delivered_at + (self.now - delivered_at) * rng.uniform(0.0, 0.4)
        draw = rng.random()
        level = 5 if draw < 0.72 else 4 if draw < 0.91 else 3 if draw < 0.955 else 2 if draw < 0.98 else 1
        bad = level <= 2
        vocabulary = tags_for(level)
        tags = rng.sample(vocabulary, rng.randint(1, 2) if bad else rng.randint(0, 2))
        comment = rng.choice(BAD_COMMENTS if bad else GOOD_COMMENTS)
        if applicant_user is not None:
            channel, rater = ("portal" if rng.random() < 0.8 else "api"), applicant_user.pk
        else:
            channel, rater = "sms", None  # the signed SMS link of an applicant without an account
        rating = {
            "id": self.next_rating,
            "case_id": case_id,
            "visit_id": None,
            "department_id": department_id,
            "window_id": window_id,
            "handler_id": decider.pk,
            "rater_id": rater,
            "channel": channel,
            "level": level,
            "tags": json.dumps(tags, ensure_ascii=False),
            "comment": comment,
            "contact_phone": "",
            "is_bad": self.flag(bad),
            "created_at": self.ts(at),
            "voided_at": None,
            "void_reason": "",
            "voided_by_id": None,
        }
        self.next_rating += 1
        if bad:
            self.rectify(rating, at, department_id, out)
        out["rating"].append(tuple(rating[c] for c in RATING_COLUMNS))

    def rectify(self, rating: dict[str, Any], at: dt.datetime, department_id: int, out: dict[str, list[tuple]]) -> None:
        """The bad review's rectification in a state its age makes likely, with its follow-up (1 working day)
        and rectification (15) timers as the services leave them."""
        rng = self.rng
        age = self.workdays_since(at.date())
        draw = rng.random()
        # (reached step, then appealed, then voided): the step is an index in RECTIFICATION_STEPS.
        if age <= 1:
            reached, appealed = (0 if draw < 0.6 else 1), draw >= 0.92
        elif age <= 15:
            reached = 0 if draw < 0.05 else 1 if draw < 0.3 else 2 if draw < 0.55 else 3 if draw < 0.85 else 4
            appealed = rng.random() < 0.05 and reached <= 2
        else:
            reached = 4 if draw < 0.85 else 3 if draw < 0.92 else 2 if draw < 0.96 else 1
            appealed = rng.random() < 0.07
            if appealed:
                reached = min(reached, rng.randint(0, 2))
        voided = appealed and age > 5 and rng.random() < 0.6
        users = self.users
        row: dict[str, Any] = dict.fromkeys(RECTIFICATION_COLUMNS)
        rid = self.next_rectification
        self.next_rectification += 1
        row.update(
            id=rid, rating_id=rating["id"], department_id=department_id, state_before_appeal="", follow_up_note="",
            rectification_note="", reply="", revisit_comment="", appeal_reason="", appeal_decision="", appeal_opinion="",
            created_at=self.ts(at), revisit_satisfied=None,
        )  # fmt: skip
        moments = [at]
        for step in range(1, reached + 1):
            last = moments[-1]
            if step == 1:
                moments.append(min(last + dt.timedelta(hours=rng.uniform(1, 20)), last + (self.now - last) * 0.5))
            else:
                moments.append(last + (self.now - last) * rng.uniform(0.05, 0.35))
        chief, supervisor = users["demo-chief"], users["demo-supervisor"]
        if reached >= 1:
            row.update(follow_up_at=self.ts(moments[1]), follow_up_note="已电话联系评价人,核实情况属实", follow_up_by_id=chief.pk)
        if reached >= 2:
            row.update(rectified_at=self.ts(moments[2]), rectification_note="已对窗口人员开展服务规范培训", rectified_by_id=chief.pk)
        if reached >= 3:
            row.update(replied_at=self.ts(moments[3]), reply="已整改并向您说明情况,感谢监督", replied_by_id=chief.pk)
        if reached >= 4:
            satisfied = rng.random() < 0.8
            row.update(revisited_at=self.ts(moments[4]), revisit_satisfied=self.flag(satisfied), revisited_by_id=supervisor.pk)
        state, revision, ended = RECTIFICATION_STEPS[reached], reached, None
        if appealed:
            last = moments[-1]
            appealed_at = last + (self.now - last) * rng.uniform(0.05, 0.4)
            row.update(
                state_before_appeal=state, appeal_reason="评价人所述情况与事实不符", appealed_at=self.ts(appealed_at),
                appealed_by_id=users["demo-deptadmin"].pk,
            )  # fmt: skip
            state, revision, ended = "appealed", revision + 1, appealed_at
            if voided:
                decided_at = appealed_at + (self.now - appealed_at) * rng.uniform(0.1, 0.6)
                opinion = "经核实系误评,差评作废"
                row.update(
                    appeal_decided_at=self.ts(decided_at), appeal_decision="voided", appeal_opinion=opinion,
                    appeal_decided_by_id=supervisor.pk,
                )  # fmt: skip
                rating.update(voided_at=self.ts(decided_at), void_reason=opinion, voided_by_id=supervisor.pk)
                state, revision, ended = "voided", revision + 1, decided_at
        row.update(state=state, revision=revision, updated_at=self.ts(ended or moments[-1]))
        # Timers: met when their step is done, else running, paused by the appeal, or cancelled by the voiding.
        halted = "cancelled" if state == "voided" else "paused" if state == "appealed" else "running"
        open_dates = []
        subject = ("ratings.rectification", str(rid))
        for kind_key, days, done_at in (
            ("rating_follow_up", self.follow_up_days, moments[1] if reached >= 1 else None),
            ("rating_rectification", self.rectification_days, moments[3] if reached >= 3 else None),
        ):
            timer_state = "met" if done_at is not None else halted
            deadline_id, due, warn = self.deadline(
                out, kind_key, at, days, timer_state, done_at if done_at is not None else ended, subject, department_id
            )
            if timer_state == "paused":
                out["pause"].append((deadline_id, self.ts(ended), None, "差评申诉复核中", None))
            if timer_state in ("running", "paused"):
                open_dates.append((due, warn))
        if open_dates:
            due, warn = min(open_dates)
            row.update(due_on=self.day(due), warn_on=self.day(warn))
        out["rectification"].append(tuple(row[c] for c in RECTIFICATION_COLUMNS))

    def pick_status(self, is_open: bool, age: int, salt: float) -> str:
        if is_open:
            if age <= 5:
                return "submitted" if salt < 0.55 else ("correction_requested" if salt < 0.65 else "accepted")
            if age == 6 and salt < 0.02:
                return "submitted"  # the agency missed the 5-day reply: the scan deems it accepted today
            for share, status in ((0.05, "correction_requested"), (0.20, "accepted"), (0.78, "in_review"), (0.85, "suspended")):
                if salt < share:
                    return status
            return "decided"
        for share, status in ((0.78, "closed"), (0.86, "delivered"), (0.93, "refused"), (0.98, "withdrawn")):
            if salt < share:
                return status
        return "terminated"


def _one_calendar_read(today: dt.date) -> None:
    """Read the calendar overrides once for the whole span instead of once per date computed.

    The workdays module reads the overrides of each span it is asked about (one query per
    `add_workdays`); a million timers would cost as many queries. Here one span covering every date
    the generator computes answers all of them, with the same rules (package data, overrides,
    provisional fallback), so the dates are exactly those the services would write.
    """
    from onewindow.workdays import calendar

    shared = calendar._Span(today - dt.timedelta(days=800), today + dt.timedelta(days=800))

    def span(first: dt.date, last: dt.date) -> Any:
        return shared

    calendar._Span = span  # type: ignore[assignment,misc]


def _sample_form(schema: list[dict[str, Any]], today: dt.date) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for spec in schema or []:
        kind = spec.get("type", "text")
        if kind == "number":
            values[spec["name"]] = spec.get("min") or 1
        elif kind == "date":
            values[spec["name"]] = today.isoformat()
        elif kind == "choice":
            values[spec["name"]] = (spec.get("choices") or [""])[0]
        elif kind == "boolean":
            values[spec["name"]] = True
        else:
            values[spec["name"]] = "示例"
    return values


def load(*, cases: int, seed: int, today: dt.date, open_share: float, scale: Scale | None = None, base: str = "build") -> None:
    """Runs in the child process: schema, demo county, province, cases, statistics, then the meta row.

    `base`: "build" (migrate and load_demo first), "only" (just those: a base the tests copy), "reuse" (the
    database already holds them)."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    scale = scale or Scale()
    timings: dict[str, float] = {}
    if base != "reuse":
        started = wall.monotonic()
        call_command("migrate", verbosity=0, interactive=False)
        timings["migrate"] = wall.monotonic() - started
        mark = wall.monotonic()
        with open(os.devnull, "w") as sink:
            call_command("load_demo", stdout=sink)
        timings["load_demo"] = wall.monotonic() - mark
        if base == "only":
            if connection.vendor == "sqlite":
                with connection.cursor() as cursor:
                    cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # one file the caller can copy
            print(json.dumps({"seconds": {k: round(v, 1) for k, v in timings.items()}}), file=sys.stderr)
            return
    check_columns()
    mark = wall.monotonic()
    generator = Generator(cases=cases, seed=seed, today=today, open_share=open_share, scale=scale)
    counts = generator.run()
    timings["rows"] = wall.monotonic() - mark
    timings.update({f"rows_{k}": v for k, v in generator.seconds.items()})
    mark = wall.monotonic()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            connection.connection.autocommit = True
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    timings["analyze"] = wall.monotonic() - mark
    open_deadlines = _count("select count(*) from deadlines_deadline where state in ('running', 'paused')")
    totals = {
        "service_items": _count("select count(*) from catalog_serviceitem"),
        "current_items": _count(
            "select count(*) from catalog_serviceitemversion where state = 'published' and valid_to is null and not is_cancellation"
        ),
        "departments": _count("select count(*) from orgs_department"),
        "cases_total": _count("select count(*) from cases_case"),
        "ratings_total": _count("select count(*) from ratings_rating"),
        "ratings_bad": _count("select count(*) from ratings_rating where is_bad"),
        "rectifications_total": _count("select count(*) from ratings_rectification"),
    }
    meta = {
        "seed": seed,
        "cases": cases,
        "today": today.isoformat(),
        "open_share": open_share,
        "scale": dataclasses.asdict(scale),
        "generator_version": GENERATOR_VERSION,
        "vendor": connection.vendor,
        "counts": {**counts, **totals, "open_deadlines": open_deadlines},
        "seconds": {k: round(v, 1) for k, v in timings.items()},
    }
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE bench_meta (meta TEXT NOT NULL)")
        cursor.execute("INSERT INTO bench_meta (meta) VALUES (%s)", [json.dumps(meta)])
    print(json.dumps(meta), file=sys.stderr)


def _count(sql: str) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql)
        return int(cursor.fetchone()[0])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=("postgres", "sqlite"), default="postgres")
    parser.add_argument("--cases", type=int, default=int(os.environ.get("BENCH_CASES", 1_000_000)))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("BENCH_SEED", 1)))
    parser.add_argument(
        "--today", type=dt.date.fromisoformat, default=dt.date.fromisoformat(os.environ.get("BENCH_TODAY", DEFAULT_TODAY.isoformat()))
    )
    parser.add_argument("--open-share", type=float, default=float(os.environ.get("BENCH_OPEN_SHARE", 0.5)))
    parser.add_argument("--pg-url", default=os.environ.get("BENCH_PG_URL", DEFAULT_PG_URL))
    parser.add_argument("--force", action="store_true", help="regenerate even if the golden database exists")
    env = Scale.from_env()
    parser.add_argument(
        "--province",
        action=argparse.BooleanOptionalAction,
        default=env.counties > 0,
        help="synthetic counties beside the demo county (BENCH_PROVINCE, on)",
    )
    parser.add_argument("--counties", type=int, default=env.counties or Scale.counties, help="synthetic counties (BENCH_COUNTIES)")
    parser.add_argument("--county-share", type=float, default=env.county_share, help="share of the cases in the demo county")
    parser.add_argument("--entities", type=int, default=env.entities, help="persons and enterprises the applicants are drawn from")
    parser.add_argument("--rating-share", type=float, default=env.rating_share, help="share of delivered cases rated")
    parser.add_argument("--load", action="store_true", help=argparse.SUPPRESS)  # the child process
    parser.add_argument("--base", choices=("build", "only", "reuse"), default="build", help=argparse.SUPPRESS)  # with --load
    args = parser.parse_args(argv)
    scale = Scale(
        counties=args.counties if args.province else 0,
        county_share=args.county_share,
        entities=args.entities,
        rating_share=args.rating_share,
    )
    if args.load:
        load(cases=args.cases, seed=args.seed, today=args.today, open_share=args.open_share, scale=scale, base=args.base)
        return
    result = ensure(
        args.db,
        cases=args.cases,
        seed=args.seed,
        today=args.today,
        open_share=args.open_share,
        pg_url=args.pg_url,
        force=args.force,
        scale=scale,
    )
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
