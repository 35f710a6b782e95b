"""Load for one scenario of `make bench`, chosen by BENCH_SCENARIO; fixtures from BENCH_FIXTURES (bench/inproc.py prepare).

    BENCH_SCENARIO=progress BENCH_FIXTURES=var/bench/fixtures-postgres.json \
        locust -f bench/locustfile.py --headless -u 16 -r 16 -t 10s --host http://127.0.0.1:8765

FastHttpUser (geventhttpclient) keeps the load generator's own CPU low; it runs in its own process,
on the same 2 cores as the server, and its use is reported next to the figures.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import uuid
from typing import Any

from locust import constant, task
from locust.contrib.fasthttp import FastHttpUser

SCENARIO = os.environ.get("BENCH_SCENARIO", "healthz")
FIXTURES: dict[str, Any] = (
    json.loads(open(os.environ["BENCH_FIXTURES"], encoding="utf-8").read()) if os.environ.get("BENCH_FIXTURES") else {}
)
_counter = itertools.count(1)


def _bearer(user: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {FIXTURES['tokens'][user]}"}


def _client_ip() -> str:
    """A distinct client address per request, as nginx would pass it (the server runs with PROXY_COUNT=1):
    the public progress lookup is rate-limited per client, and the public are many clients."""
    n = next(_counter)
    return f"198.18.{(n >> 8) & 255}.{n & 255}"


class Visitor(FastHttpUser):
    wait_time = constant(0)

    def on_start(self) -> None:
        self.rng = random.Random()
        self.cursors: dict[str, str] = {}

    @task
    def act(self) -> None:
        getattr(self, f"scenario_{SCENARIO}")()

    # ---- scenarios ---------------------------------------------------------------------------------

    def scenario_healthz(self) -> None:
        self.client.get("/healthz", name="GET /healthz")

    def scenario_submit(self) -> None:
        entry = self.rng.choice(FIXTURES["submissions"])
        headers = {**_bearer(entry["user"]), "Idempotency-Key": uuid.uuid4().hex, "Content-Type": "application/json"}
        body = json.dumps(entry["body"], ensure_ascii=False).encode()
        with self.client.post("/api/v1/cases", data=body, headers=headers, name="POST /api/v1/cases", catch_response=True) as response:
            if response.status_code != 201:
                response.failure(f"{response.status_code} {response.text[:200]}")

    def _list(self, user: str) -> None:
        """First page of the user's queue, then the page after it (keyset cursor), alternately."""
        cursor = self.cursors.pop(user, None)
        path = "/api/v1/cases?queue=true" + (f"&cursor={cursor}" if cursor else "")
        name = f"GET /api/v1/cases?queue=true {'page 2' if cursor else 'page 1'} ({user})"
        with self.client.get(path, headers=_bearer(user), name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} {response.text[:200]}")
                return
            if not cursor:
                next_cursor = response.json().get("next_cursor")
                if next_cursor:
                    self.cursors[user] = next_cursor

    def scenario_list_clerk(self) -> None:
        self._list("demo-clerk")

    def scenario_list_reviewer(self) -> None:
        self._list("demo-reviewer")

    def scenario_progress(self) -> None:
        number, code = self.rng.choice(FIXTURES["progress"])
        headers = {"X-Forwarded-For": _client_ip()}
        with self.client.get(
            f"/api/v1/progress/{number}?code={code}", headers=headers, name="GET /api/v1/progress/{number}", catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} {response.text[:200]}")

    def _search(self, queries: list[str], label: str) -> None:
        q = self.rng.choice(queries)
        self.client.get("/api/v1/items", params={"q": q}, name=f"GET /api/v1/items?q= ({label})")

    def scenario_search_short(self) -> None:
        self._search(FIXTURES["short_queries"], "1-2 characters")

    def scenario_search_long(self) -> None:
        self._search(FIXTURES["long_queries"], "longer")

    def scenario_summary(self) -> None:
        params = self.rng.choice(FIXTURES["summary_queries"])
        with self.client.get(
            "/api/v1/supervision/summary",
            params=params,
            headers=_bearer("demo-supervisor"),
            name="GET /api/v1/supervision/summary",
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} {response.text[:200]}")

    def scenario_dashboard(self) -> None:
        params = self.rng.choice(FIXTURES["summary_queries"])
        cookie = {"Cookie": f"sessionid={FIXTURES['sessions']['demo-supervisor']}"}
        query = {"period": "custom", "start": params["from"], "end": params["to"]}
        with self.client.get(
            "/workbench/supervision/statistics/", params=query, headers=cookie, name="GET statistics dashboard", catch_response=True
        ) as response:
            if response.status_code != 200 or "统计" not in response.text:
                response.failure(f"{response.status_code} {response.text[:200]}")

    def scenario_guide(self) -> None:
        code = self.rng.choice(FIXTURES["guides"])
        self.client.get(f"/items/{code}/", name="GET /items/{code}/")
