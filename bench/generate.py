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
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import random
import sys
import time as wall
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

GENERATOR_VERSION = 3
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

# Real GB/T 2260 districts: the ID check looks the birthplace up (see onewindow/demo/identifiers.py).
BIRTHPLACES = ("110101", "110105", "310104", "330102", "440305", "510104", "420102", "320102")


def golden_key(seed: int, cases: int, today: dt.date) -> str:
    return f"s{seed}_n{cases}_d{today:%Y%m%d}_v{GENERATOR_VERSION}"


def pg_golden(seed: int, cases: int, today: dt.date) -> str:
    return f"onewindow_bench_{golden_key(seed, cases, today)}"


def sqlite_golden(seed: int, cases: int, today: dt.date) -> Path:
    return ROOT / "var" / "bench" / f"golden-{golden_key(seed, cases, today).replace('_', '-')}.sqlite3"


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


def ensure(db: str, *, cases: int, seed: int, today: dt.date, open_share: float, pg_url: str, force: bool = False) -> dict[str, Any]:
    """Make sure the golden database exists (generating it in a child process if not); its description."""
    if db == "postgres":
        name = pg_golden(seed, cases, today)
        meta = None if force else pg_complete(pg_url, name)
        where = {"golden": name, "url": f"{pg_url}/{name}"}
    else:
        path = sqlite_golden(seed, cases, today)
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
    command += ["--today", today.isoformat(), "--open-share", str(open_share)]
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


def check_columns() -> None:
    """Fail loudly when a model gained or lost a column the generator does not know about."""
    from onewindow.cases.models import Case, CaseMaterial, CaseStep, StageTask
    from onewindow.deadlines.models import Deadline, PauseInterval

    for model, columns in (
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
    def __init__(self, *, cases: int, seed: int, today: dt.date, open_share: float) -> None:
        from django.conf import settings

        self.cases = cases
        self.seed = seed
        self.today = today
        self.open_share = open_share
        self.rng = random.Random(seed)
        self.sqlite = settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")
        self.now = dt.datetime.combine(today, dt.time(8, 0), LOCAL)  # every generated event is before the day's work
        self.counts: dict[str, int] = {}
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
    def load_reference(self) -> None:
        from onewindow.accounts.models import User
        from onewindow.catalog.models import ServiceItem
        from onewindow.orgs.models import Window

        self.users = {u.username: u for u in User.objects.filter(username__startswith="demo-")}
        self.window = Window.objects.filter(kind="comprehensive").order_by("id").first()
        items = []
        for item in ServiceItem.objects.select_related("current", "department__region").order_by("id"):
            version = item.current
            if version is None or version.state != "published" or version.valid_to is not None:
                continue
            situations = list(version.situations.order_by("sort", "id")) or [None]
            materials = list(version.materials.order_by("sort", "id"))
            stages = [s for s in version.stages.order_by("sequence", "id") if not s.special_procedure]
            review = next((s for s in stages if s.kind not in ("accept", "decide", "deliver")), None)
            form = json.dumps(_sample_form(version.form_schema, self.today), ensure_ascii=False)
            for situation in situations:
                needed = [m for m in materials if m.situation_id is None or (situation and m.situation_id == situation.pk)]
                items.append(
                    {
                        "item": item,
                        "version": version,
                        "situation_id": situation.pk if situation else None,
                        "department": item.department,
                        "region_code": item.department.region.code,
                        "materials": needed,
                        "review": review,
                        "form": form,
                        "open_ok": version.kind == "promised" and version.promised_limit_days > 0,
                    }
                )
        self.items = items
        self.open_items = [i for i in items if i["open_ok"]]
        self.persons = people(self.rng, 20_000)
        self.firms = enterprises(self.rng, 5_000)

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

        from onewindow.cases.models import Case, CaseNumberSequence, StageTask
        from onewindow.deadlines.models import Deadline

        rng = self.rng
        self.load_reference()
        writer = Writer()
        first_case = (Case.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
        self.next_task = (StageTask.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
        self.next_deadline = (Deadline.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
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
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA foreign_keys=OFF")
                cursor.execute("PRAGMA synchronous=OFF")
        for start in range(0, self.cases, CHUNK):
            buffers: dict[str, list[tuple]] = {k: [] for k in ("case", "material", "step", "task", "deadline", "pause")}
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
                for table in ("cases_case", "cases_stagetask", "deadlines_deadline"):
                    cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        return {"rows": writer.rows, **self.counts}

    def one_case(self, pk: int, moment: dt.datetime, is_open: bool, salt: float, sequences: dict, out: dict[str, list[tuple]]) -> None:
        rng = self.rng
        entry = rng.choice(self.open_items if is_open else self.items)
        version = entry["version"]
        department = entry["department"]
        region = entry["region_code"]
        submitted_day = moment.date()
        age = self.workdays_since(submitted_day)
        status = self.pick_status(is_open, age, salt)
        audience = version.audience
        kind = audience if audience in ("person", "enterprise") else rng.choice(("person", "enterprise"))
        name, id_number, phone = rng.choice(self.persons if kind == "person" else self.firms)
        online = rng.random() < 0.45
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
            if subject[0] == "cases.case" and state in ("running", "paused"):
                due_copy[kind_key] = (due, warn)  # open timers: the queue copies on the case
            deadline_id = self.next_deadline
            self.next_deadline += 1
            out["deadline"].append(
                (
                    deadline_id,
                    subject[0],
                    subject[1],
                    kind_key,
                    department.pk,
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
                None if online else self.window.pk,
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


def load(*, cases: int, seed: int, today: dt.date, open_share: float) -> None:
    """Runs in the child process: schema, demo county, cases, statistics, then the meta row."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    timings: dict[str, float] = {}
    started = wall.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    timings["migrate"] = wall.monotonic() - started
    mark = wall.monotonic()
    with open(os.devnull, "w") as sink:
        call_command("load_demo", stdout=sink)
    timings["load_demo"] = wall.monotonic() - mark
    check_columns()
    mark = wall.monotonic()
    counts = Generator(cases=cases, seed=seed, today=today, open_share=open_share).run()
    timings["rows"] = wall.monotonic() - mark
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
    meta = {
        "seed": seed,
        "cases": cases,
        "today": today.isoformat(),
        "open_share": open_share,
        "generator_version": GENERATOR_VERSION,
        "vendor": connection.vendor,
        "counts": {**counts, "open_deadlines": open_deadlines},
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
    parser.add_argument("--load", action="store_true", help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args(argv)
    if args.load:
        load(cases=args.cases, seed=args.seed, today=args.today, open_share=args.open_share)
        return
    result = ensure(
        args.db, cases=args.cases, seed=args.seed, today=args.today, open_share=args.open_share, pg_url=args.pg_url, force=args.force
    )
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
