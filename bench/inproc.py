"""In-process steps of the benchmark, run with DATABASE_URL pointing at the working bench database.

    python bench/inproc.py prepare OUT.json   API tokens (accounts services) and samples for the load
    python bench/inproc.py scan TODAY          time deadline_scan(today=...) twice, rolled back

Both print one JSON object on stdout.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import random
import sys
import time as wall
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TOKEN_USERS = ("demo-applicant", "demo-enterprise", "demo-clerk", "demo-reviewer", "demo-supervisor")
# The supervision summary is read over this much case history, kept as daily aggregates (issue 5: 10M).
SUMMARY_CASES = int(os.environ.get("BENCH_SUMMARY_CASES", 10_000_000))
# Three years of aggregates (one in the quick run: the same cases in fewer, larger rows).
SUMMARY_YEARS = 1 if os.environ.get("BENCH_QUICK", "") not in ("", "0") else 3
SHORT_QUERIES = ["护照", "社保", "户口", "证", "婚", "医保", "公章", "出生", "建", "食品"]
LONG_QUERIES = [
    "食品经营许可",
    "建筑工程施工许可",
    "居民身份证申领",
    "道路货物运输经营许可",
    "城乡居民基本医疗保险参保登记",
    "机动车检验合格标志核发",
]


def prepare(out: Path) -> dict[str, Any]:
    """Tokens for the demo users, and what the load needs: progress pairs, guide codes, submission bodies."""
    import django

    django.setup()
    from onewindow.accounts.models import User
    from onewindow.accounts.services import token_create
    from onewindow.cases.models import Case
    from onewindow.catalog.models import ServiceItem

    rng = random.Random(7)
    tokens = {}
    for username in TOKEN_USERS:
        user = User.objects.get(username=username)
        _record, plain = token_create(actor=user, user=user, name=f"bench {username}")
        tokens[username] = plain
    top = Case.objects.order_by("-id").values_list("id", flat=True).first() or 0
    ids = sorted({rng.randrange(1, top + 1) for _ in range(3000)}) if top else []
    progress = [[n, c] for n, c in Case.objects.filter(id__in=ids, number__isnull=False).values_list("number", "query_code")]
    items = list(ServiceItem.objects.select_related("current", "department__region").exclude(current=None).order_by("id"))
    guides = [i.implementation_code for i in items if i.current.state == "published" and i.current.valid_to is None]
    county = _supervisor_prefix()
    data = {
        "tokens": tokens,
        "sessions": {"demo-supervisor": _session_of(User.objects.get(username="demo-supervisor"))},
        **statistics_history(rng),
        "progress": progress,
        "guides": guides,
        # Filed in the demo county (a province-scale set has 10,000 items; its submissions stay comparable).
        "submissions": submission_bodies([i for i in items if i.department.region.code.startswith(county)]),
        "short_queries": SHORT_QUERIES,
        "long_queries": LONG_QUERIES,
    }
    out.write_text(json.dumps(data, ensure_ascii=False))
    return {
        "tokens": len(tokens),
        "progress": len(progress),
        "guides": len(guides),
        "submissions": len(data["submissions"]),
        "summary_cases": data["summary_cases"],
        "aggregate_rows": data["aggregate_rows"],
    }


def _session_of(user: Any) -> str:
    """A signed-in session for the dashboard pages (the bench server runs without REQUIRE_MFA)."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def statistics_history(rng: random.Random) -> dict[str, Any]:
    """SUMMARY_CASES cases of history as the daily and monthly aggregates they leave (the generator writes
    cases without the audit events the refresh reads), and the summary queries the load asks: a month,
    a quarter, a year or the whole history; the county, one region or one department."""
    from django.db.models import Sum

    from onewindow.orgs.models import Department
    from onewindow.supervision.statistics import synthetic
    from onewindow.supervision.statistics.models import RegionDay

    last = dt.date.fromisoformat(os.environ.get("BENCH_TODAY", "2026-11-24"))
    first = last.replace(year=last.year - SUMMARY_YEARS)
    days = (last - first).days + 1
    prefix = _supervisor_prefix()
    departments = list(Department.objects.filter(region__code__startswith=prefix).values_list("pk", flat=True))
    per_day = max(1, math.ceil(SUMMARY_CASES / (days * max(len(departments), 1))))
    rows = synthetic.fill(first=first, last=last, cases_per_day=per_day, region_prefix=prefix)
    received = RegionDay.objects.aggregate(total=Sum("received"))["total"] or 0
    queries = []
    for _ in range(200):
        span = rng.choice((30, 91, 365, days - 1))
        end = last - dt.timedelta(days=rng.randrange(0, max(1, days - span)))
        query = {"from": (end - dt.timedelta(days=span)).isoformat(), "to": end.isoformat()}
        if departments and rng.random() < 0.5:
            query["department"] = str(rng.choice(departments))
        queries.append(query)
    return {"summary_cases": received, "aggregate_rows": rows, "summary_queries": queries}


def _supervisor_prefix() -> str:
    from onewindow.accounts.access import access_of
    from onewindow.accounts.choices import Role
    from onewindow.accounts.models import User

    prefixes = access_of(User.objects.get(username="demo-supervisor")).region_prefixes.get(Role.SUPERVISOR, ())
    return min(prefixes, key=len) if prefixes else ""


def submission_bodies(items: list[Any]) -> list[dict[str, Any]]:
    """API bodies for every item situation an applicant can file without a file upload: government-issued
    materials reused by license number, pledge where the item allows it, optional materials left out."""
    from bench.generate import _sample_form, enterprises, people

    rng = random.Random(11)
    person = people(rng, 1)[0]
    firm = enterprises(rng, 1)[0]
    bodies = []
    for item in items:
        version = item.current
        if version is None or version.state != "published" or version.valid_to is not None:
            continue
        situations = list(version.situations.order_by("sort", "id")) or [None]
        materials = list(version.materials.order_by("sort", "id"))
        for situation in situations:
            needed = [m for m in materials if m.situation_id is None or (situation and m.situation_id == situation.pk)]
            entries = []
            for m in needed:
                if m.source == "government":
                    entries.append({"code": m.code, "provision": "reused", "license_number": f"BENCH-{m.code}"})
                elif m.necessity == "pledge_allowed":
                    entries.append({"code": m.code, "provision": "pledge", "pledge": "本人承诺所填信息及所附材料真实有效。"})
                elif m.necessity == "optional":
                    entries.append({"code": m.code, "provision": "missing"})
                else:
                    break
            else:
                kind = "enterprise" if version.audience == "enterprise" else "person"
                name, number, phone = firm if kind == "enterprise" else person
                applicant = {"kind": kind, "name": name, "phone": phone}
                applicant["uscc" if kind == "enterprise" else "id_number"] = number
                bodies.append(
                    {
                        "user": "demo-enterprise" if kind == "enterprise" else "demo-applicant",
                        "body": {
                            "item": item.implementation_code,
                            "situation": situation.code if situation else "",
                            "applicant": applicant,
                            "form": _sample_form(version.form_schema, dt.date(2026, 11, 24)),
                            "materials": entries,
                        },
                    }
                )
    return bodies


def scan(today: dt.date) -> dict[str, Any]:
    """deadline_scan on the reference day, then again for the events the first pass created (a deemed
    acceptance starts clocks that may already be overdue), then once more with nothing left to do; all
    inside one transaction rolled back at the end, so the bench database stays as generated."""
    import django

    django.setup()
    from django.db import connection, transaction

    from onewindow.deadlines.scan import deadline_scan

    class Rollback(Exception):
        pass

    queries = [0]

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        queries[0] += 1
        return execute(sql, params, many, context)

    # The scan runs in the long-lived task worker, whose URL conf (case links in cards and notices) is
    # loaded once at start: load it before timing, as that worker has.
    from django.urls import reverse

    reverse("healthz")
    result: dict[str, Any] = {}
    with connection.cursor() as cursor:
        cursor.execute("select count(*) from deadlines_deadline where state in ('running', 'paused')")
        result["open_deadlines"] = cursor.fetchone()[0]
    try:
        with transaction.atomic(), connection.execute_wrapper(count):
            for label in ("day", "follow-up", "idle"):
                queries[0] = 0
                started = wall.perf_counter()
                report = deadline_scan(today=today)
                seconds = wall.perf_counter() - started
                result[label] = {**report.as_dict(), "seconds": round(seconds, 4), "queries": queries[0]}
            raise Rollback
    except Rollback:
        pass
    return result


def main() -> None:
    command = sys.argv[1]
    if command == "prepare":
        print(json.dumps(prepare(Path(sys.argv[2]))))
    elif command == "scan":
        print(json.dumps(scan(dt.date.fromisoformat(sys.argv[2]))))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
