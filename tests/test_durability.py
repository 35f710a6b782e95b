"""Durability: every acknowledged case submission survives a crash of the server.

One run, on the database the suite runs on (SQLite or PostgreSQL, from `DATABASE_URL`), against a
fresh database of its own (migrated in a subprocess; pytest-django's test database is not used):

1. the production server starts as `bin/serve` starts it (gunicorn, gthread, 2 workers × 4 threads,
   its own process group);
2. 16 client threads send 300 `POST /api/v1/cases`, each with its own `Idempotency-Key` and its own
   application (the business name carries the key's index);
3. after 100 acknowledgements (201 with a case number) the whole server is killed with SIGKILL;
4. the server restarts; every key acknowledged before the crash is sent again and must replay its
   number (`Idempotent-Replayed: true`); every request without an acknowledgement is retried with its
   key and body until it gets 201;
5. the database must hold each acknowledged case exactly once under its key, nothing else, with
   contiguous numbers, its filing audit event and outbox message, and an intact audit chain.
"""

from __future__ import annotations

import http.client
import json
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = Path(sys.executable).with_name("gunicorn")
SUPPORT = BASE_DIR / "tests" / "durability_support.py"

CLIENTS = 16  # concurrent client threads
REQUESTS = 300  # submissions, one key each
KILL_AFTER = 100  # acknowledgements before the SIGKILL
RETRIES = 5  # attempts per unacknowledged request after the restart
REQUEST_TIMEOUT = 60  # seconds a client waits for one answer
START_TIMEOUT = 60  # seconds the server has to answer /healthz
SUBPROCESS_TIMEOUT = 180


def _database_url() -> str:
    return os.environ.get("DATABASE_URL", "sqlite:///:memory:")


def _is_postgres(url: str) -> bool:
    return urlsplit(url).scheme in ("postgres", "postgresql", "pgsql")


# ---- the run's database and files ------------------------------------------------------------------


@contextmanager
def fresh_database(workdir: Path) -> Iterator[str]:
    """A new empty database of the kind the suite runs on: its URL; removed afterwards."""
    suite_url = _database_url()
    if not _is_postgres(suite_url):
        yield f"sqlite:///{workdir / 'durability.sqlite3'}"
        return
    import psycopg
    from psycopg import sql

    parts = urlsplit(suite_url)
    name = f"onewindow_durability_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'").format(
                sql.Identifier(name)
            )
        )
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(maintenance, autocommit=True) as connection:
            connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def run_environment(database_url: str, workdir: Path) -> dict[str, str]:
    """The environment of the server and the support scripts: the run's database and files, base settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "DATABASE_TEST"))}
    (workdir / "var" / "static").mkdir(parents=True, exist_ok=True)  # whitenoise warns about a missing STATIC_ROOT
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="config.settings.base",
        VAR_DIR=str(workdir / "var"),
        PYTHONUNBUFFERED="1",
    )
    return env


def support(command: str, env: dict[str, str]) -> Any:
    """Run `tests/durability_support.py <command>` and return the JSON it prints."""
    done = subprocess.run(
        [PYTHON, str(SUPPORT), command], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT
    )
    assert done.returncode == 0, f"durability_support.py {command} failed:\n{done.stderr[-4000:]}"
    return json.loads(done.stdout)


# ---- the server ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """gunicorn as `bin/serve` runs it, in its own process group so that one signal reaches every process."""

    def __init__(self, env: dict[str, str], port: int, log: Path) -> None:
        self.env, self.port, self.log = env, port, log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        command = [
            str(GUNICORN),
            "config.wsgi:application",
            *("--bind", f"127.0.0.1:{self.port}", "--workers", "2", "--threads", "4", "--worker-class", "gthread"),
            *("--max-requests", "20000", "--max-requests-jitter", "2000", "--graceful-timeout", "10"),
            *("--error-logfile", str(self.log)),
        ]
        with self.log.open("ab") as output:
            self.process = subprocess.Popen(
                command, cwd=BASE_DIR, env=self.env, start_new_session=True, stdin=subprocess.DEVNULL, stdout=output, stderr=output
            )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"gunicorn exited with {self.process.returncode}:\n{self.log_tail()}")
            with suppress(OSError, http.client.HTTPException):
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                try:
                    connection.request("GET", "/healthz")
                    if connection.getresponse().status == 200:
                        return
                finally:
                    connection.close()
            time.sleep(0.2)
        raise AssertionError(f"gunicorn did not answer /healthz within {START_TIMEOUT} s:\n{self.log_tail()}")

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Send `sig` to the whole process group (master and workers) and reap the master."""
        if self.process is None:
            return
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, sig)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None

    def log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-4000:] if self.log.exists() else ""


# ---- the clients -----------------------------------------------------------------------------------


@dataclass
class Answer:
    """What one request got: an HTTP status and the case number, or no answer at all (`status` None)."""

    status: int | None
    number: str = ""
    replayed: bool = False
    error: str = ""

    @property
    def acknowledged(self) -> bool:
        return self.status == 201 and bool(self.number)


def submit(port: int, token: str, key: str, body: bytes) -> Answer:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json", "Idempotency-Key": key}
    try:
        connection.request("POST", "/api/v1/cases", body=body, headers=headers)
        response = connection.getresponse()
        raw = response.read()
        replayed = response.getheader("Idempotent-Replayed") == "true"
    except (OSError, http.client.HTTPException) as exc:
        return Answer(None, error=type(exc).__name__)
    finally:
        connection.close()
    try:
        data = json.loads(raw)
    except ValueError:
        return Answer(response.status, error=raw[:200].decode(errors="replace"))
    number = str(data.get("number") or "") if response.status == 201 else ""
    return Answer(response.status, number=number, replayed=replayed, error="" if number else str(data)[:300])


@dataclass
class Submissions:
    """The run's requests (key → body) and every answer each key got, in order."""

    token: str
    bodies: dict[str, bytes]
    answers: dict[str, list[Answer]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, key: str, answer: Answer) -> int:
        """Keep the answer; the number of keys acknowledged so far."""
        with self.lock:
            self.answers.setdefault(key, []).append(answer)
            return sum(1 for answers in self.answers.values() if any(a.acknowledged for a in answers))

    def first_acknowledged(self) -> dict[str, str]:
        """key → the number of its first 201."""
        first = {}
        for key, answers in self.answers.items():
            numbers = [a.number for a in answers if a.acknowledged]
            if numbers:
                first[key] = numbers[0]
        return first

    def unacknowledged(self) -> list[str]:
        return [key for key in self.bodies if not any(a.acknowledged for a in self.answers.get(key, []))]


def applications(body: dict[str, Any], run: str) -> dict[str, bytes]:
    """One application per key, told apart by the business name (so a mixed-up key would show)."""
    bodies = {}
    for index in range(REQUESTS):
        own = {**body, "form": {**body["form"], "business_name": f"张三小吃店{index:04d}"}}
        bodies[f"durability-{run}-{index:04d}"] = json.dumps(own, ensure_ascii=False).encode()
    return bodies


def send_until_crash(submissions: Submissions, server: Server) -> dict[str, Any]:
    """Phase 1: CLIENTS threads send every request once; after KILL_AFTER acknowledgements the server gets SIGKILL."""
    pending: queue.Queue[str] = queue.Queue()
    for key in submissions.bodies:
        pending.put(key)
    enough = threading.Event()

    def client() -> None:
        while True:
            try:
                key = pending.get_nowait()
            except queue.Empty:
                return
            answer = submit(server.port, submissions.token, key, submissions.bodies[key])
            if submissions.record(key, answer) >= KILL_AFTER:
                enough.set()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    assert enough.wait(timeout=120), f"fewer than {KILL_AFTER} acknowledgements within 120 s:\n{server.log_tail()}"
    server.kill(signal.SIGKILL)
    for thread in threads:
        thread.join(timeout=REQUEST_TIMEOUT + 10)
    answers = [a for answers in submissions.answers.values() for a in answers]
    return {
        "acknowledged": sum(a.acknowledged for a in answers),
        "no_answer": Counter(a.error for a in answers if a.status is None),
        "other_status": Counter(a.status for a in answers if a.status is not None and not a.acknowledged),
    }


def send_concurrently(jobs: list[str], work: Any) -> None:
    """Run `work(key)` for every key from CLIENTS threads."""
    pending: queue.Queue[str] = queue.Queue()
    for key in jobs:
        pending.put(key)

    def client() -> None:
        while True:
            try:
                key = pending.get_nowait()
            except queue.Empty:
                return
            work(key)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=RETRIES * (REQUEST_TIMEOUT + 5))


# ---- the checks ------------------------------------------------------------------------------------


def database_problems(state: dict[str, Any], final: dict[str, str], bodies: dict[str, bytes]) -> list[str]:
    """Everything the database holds that contradicts the acknowledgements (an empty list when durable)."""
    problems: list[str] = []
    cases = {row["pk"]: row for row in state["cases"]}
    rows = state["idempotency"]
    by_key = {row["key"]: row for row in rows}
    numbers = Counter(row["number"] for row in cases.values())

    duplicates = [key for key, count in Counter(row["key"] for row in rows).items() if count > 1]
    if duplicates:
        problems.append(f"keys with more than one idempotency row: {duplicates[:5]}")
    for key, number in final.items():
        row = by_key.get(key)
        if row is None:
            problems.append(f"acknowledged {key} ({number}) has no idempotency row")
        elif row["case_id"] not in cases:
            problems.append(f"acknowledged {key} ({number}) names case {row['case_id']}, which does not exist")
        elif cases[row["case_id"]]["number"] != number:
            problems.append(f"acknowledged {key} as {number}, the database has {cases[row['case_id']]['number']}")
        if numbers.get(number, 0) != 1:
            problems.append(f"number {number} of {key} is held by {numbers.get(number, 0)} cases")
    unknown = set(by_key) - set(bodies)
    if unknown:
        problems.append(f"idempotency rows for keys never sent: {sorted(unknown)[:5]}")
    if len(cases) != len(final):
        problems.append(f"{len(cases)} cases in the database for {len(final)} acknowledged keys")
    case_ids_of_rows = Counter(row["case_id"] for row in rows)
    orphans = sorted(set(cases) - set(case_ids_of_rows))
    if orphans:
        problems.append(f"cases without an idempotency row: {[cases[pk]['number'] for pk in orphans[:5]]}")
    shared = [pk for pk, count in case_ids_of_rows.items() if count > 1]
    if shared:
        problems.append(f"cases named by more than one key: {shared[:5]}")
    problems += content_problems(cases, by_key, bodies)
    autonomous = _is_postgres(_database_url()) and os.environ.get("CASE_NUMBERS_AUTONOMOUS", "true").lower() in ("1", "true", "yes", "on")
    problems += numbering_problems(cases, state["sequences"], gaps_allowed=IN_FLIGHT if autonomous else 0)
    problems += record_problems(cases, state)
    return problems


def content_problems(cases: dict[int, dict[str, Any]], by_key: dict[str, dict[str, Any]], bodies: dict[str, bytes]) -> list[str]:
    """Each key's case carries that key's application (its business name)."""
    problems = []
    for key, row in by_key.items():
        case = cases.get(row["case_id"])
        wanted = json.loads(bodies[key])["form"]["business_name"] if key in bodies else None
        if case is not None and case["form"].get("business_name") != wanted:
            problems.append(f"{key}: case {case['number']} holds {case['form'].get('business_name')!r}, not {wanted!r}")
    return problems[:5]


# Requests the server can have in flight when it is killed (gunicorn: 2 workers x 4 threads).
IN_FLIGHT = 8


def numbering_problems(cases: dict[int, dict[str, Any]], sequences: list[dict[str, Any]], *, gaps_allowed: int = 0) -> list[str]:
    """Numbers per region and day are unique, and the sequence row stands at the highest. Taken in
    the filing's transaction (SQLite; PostgreSQL with CASE_NUMBERS_AUTONOMOUS off), they run 1..n
    without a gap: a rolled-back or lost filing gives its number back. Taken on their own
    connection (PostgreSQL by default), a filing lost in the kill keeps its number: at most
    `gaps_allowed` gaps, one per request in flight."""
    problems = []
    taken: dict[str, list[int]] = {}
    for case in cases.values():
        number = case["number"] or ""
        if len(number) != 20 or not number.isdigit():
            problems.append(f"case {case['pk']} has a malformed number {number!r}")
            continue
        taken.setdefault(number[:14], []).append(int(number[14:]))
    last = {f"{row['region_code']}{str(row['day']).replace('-', '')}": row["last"] for row in sequences}
    for prefix, serials in taken.items():
        if len(set(serials)) != len(serials):
            problems.append(f"numbers {prefix}…: {len(serials) - len(set(serials))} numbers held by two cases")
        missing = sorted(set(range(1, max(serials) + 1)) - set(serials))
        if len(missing) > gaps_allowed:
            problems.append(f"numbers {prefix}…: {len(serials)} cases, up to {max(serials)}, missing {missing[:10]}")
        if last.get(prefix) is None or last[prefix] < max(serials) or last[prefix] > max(serials) + gaps_allowed:
            problems.append(f"sequence {prefix} stands at {last.get(prefix)}, {len(serials)} cases hold its numbers up to {max(serials)}")
    return problems


def record_problems(cases: dict[int, dict[str, Any]], state: dict[str, Any]) -> list[str]:
    """Each case has exactly one filing audit event and its outbox message; the audit chain verifies."""
    problems = []
    events = Counter(int(object_id) for object_id in state["filed_events"])
    if set(events) != set(cases) or any(count != 1 for count in events.values()):
        problems.append(f"filing audit events: {len(events)} cases with events, {sum(events.values())} events, {len(cases)} cases")
    if {int(pk) for pk in state["notified"]} != set(cases):
        problems.append(f"outbox messages for {len(state['notified'])} cases, {len(cases)} cases")
    if state["audit_verify"]["status"] != 0:
        problems.append(f"audit_verify exited {state['audit_verify']['status']}: {state['audit_verify']['out']}")
    return problems


# ---- the test --------------------------------------------------------------------------------------


@pytest.mark.skipif(not GUNICORN.exists(), reason="gunicorn is not installed in the virtualenv")
def test_every_acknowledged_submission_survives_a_server_kill() -> None:
    clock = Clock()
    workdir = Path(tempfile.mkdtemp(prefix="onewindow-durability-"))
    try:
        with fresh_database(workdir) as database_url:
            env = run_environment(database_url, workdir)
            prepared = support("setup", env)
            clock.lap("setup")
            submissions = Submissions(token=prepared["token"], bodies=applications(prepared["body"], uuid.uuid4().hex[:8]))
            server = Server(env, free_port(), workdir / "gunicorn.log")
            try:
                run = crash_and_recover(submissions, server, clock)
            finally:
                server.kill(signal.SIGKILL)
            state = support("inspect", env)
            clock.lap("inspect")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    assert database_problems(state, run.final, submissions.bodies) == []
    assert len(state["cases"]) == REQUESTS
    print(
        f"\ndurability on {'PostgreSQL' if _is_postgres(_database_url()) else 'SQLite'}: {run.summary()}; "
        f"{len(state['cases'])} cases; {state['stored_files'] - state['material_files']} stored files without a material; "
        f"{clock}"
    )


class Clock:
    """Wall time of each phase, and the CPU time of this process and its reaped children (the server
    killed with SIGKILL is not reaped with its workers, so their CPU time is missing)."""

    def __init__(self) -> None:
        self.started = self.last = time.monotonic()
        self.cpu_started = self._cpu()
        self.laps: dict[str, float] = {}

    @staticmethod
    def _cpu() -> float:
        times = os.times()
        return times.user + times.system + times.children_user + times.children_system

    def lap(self, name: str) -> None:
        now = time.monotonic()
        self.laps[name] = now - self.last
        self.last = now

    def __str__(self) -> str:
        phases = ", ".join(f"{name} {seconds:.1f}s" for name, seconds in self.laps.items())
        return f"{time.monotonic() - self.started:.1f}s wall, {self._cpu() - self.cpu_started:.1f}s CPU ({phases})"


@dataclass
class Run:
    """What the clients saw: acknowledgements before the kill, the requests left without one, the
    replays after the restart, and the final acknowledgement of every key."""

    before_crash: dict[str, str]
    unanswered: list[str]
    crash: dict[str, Any]
    replays: dict[str, Answer]
    final: dict[str, str]
    found_committed: int

    def summary(self) -> str:
        return (
            f"{len(self.before_crash)} acknowledged before the kill, {len(self.unanswered)} not "
            f"(no answer: {dict(self.crash['no_answer'])}, other statuses: {dict(self.crash['other_status'])}); "
            f"after the restart {self.found_committed} of those replayed (committed, answer lost), "
            f"{len(self.unanswered) - self.found_committed} filed anew"
        )


def crash_and_recover(submissions: Submissions, server: Server, clock: Clock) -> Run:
    """Start, submit, kill -9, restart, replay the acknowledged, retry the rest; checks what the clients saw."""
    server.start()
    clock.lap("start")
    crash = send_until_crash(submissions, server)
    before_crash = submissions.first_acknowledged()
    unanswered = submissions.unacknowledged()
    clock.lap("submit until the kill")
    # The kill must have cut the run short.
    assert KILL_AFTER <= len(before_crash) < REQUESTS, crash
    assert unanswered, crash

    server.start()
    clock.lap("restart")
    replays: dict[str, Answer] = {}

    def replay(key: str) -> None:
        replays[key] = submit(server.port, submissions.token, key, submissions.bodies[key])

    def retry(key: str) -> None:
        for _attempt in range(RETRIES):
            answer = submit(server.port, submissions.token, key, submissions.bodies[key])
            submissions.record(key, answer)
            if answer.acknowledged or (answer.status is not None and 400 <= answer.status < 500):
                return
            time.sleep(0.5)

    send_concurrently(list(before_crash), replay)
    clock.lap("replay")
    send_concurrently(unanswered, retry)
    clock.lap("retry")
    server.kill(signal.SIGTERM)

    left = {key: submissions.answers.get(key, [])[-1:] for key in submissions.unacknowledged()}
    assert left == {}, "requests without a 201 after the restart"
    changed = {
        key: (number, replays.get(key)) for key, number in before_crash.items() if key not in replays or replays[key].number != number
    }
    assert changed == {}, "keys acknowledged before the crash answer another number after it"
    not_replayed = [key for key in before_crash if not replays[key].replayed]
    assert not_replayed == [], "replays of keys acknowledged before the crash without Idempotent-Replayed: true"
    acknowledged = {key: {a.number for a in answers if a.acknowledged} for key, answers in submissions.answers.items()}
    renumbered = {key: numbers for key, numbers in acknowledged.items() if len(numbers) > 1}
    assert renumbered == {}, "one key acknowledged with two numbers"
    found_committed = sum(1 for key in unanswered if any(a.replayed for a in submissions.answers[key]))
    return Run(before_crash, unanswered, crash, replays, submissions.first_acknowledged(), found_committed)


# ---- the checks themselves -------------------------------------------------------------------------

PREFIX = "99012320261203"


def _intact() -> tuple[dict[str, Any], dict[str, str], dict[str, bytes]]:
    """A database state, acknowledgements and bodies for three keys that agree with each other."""
    keys = [f"durability-x-{index:04d}" for index in range(3)]
    bodies = {key: json.dumps({"form": {"business_name": f"店{index}"}}).encode() for index, key in enumerate(keys)}
    final = {key: f"{PREFIX}{index + 1:06d}" for index, key in enumerate(keys)}
    state = {
        "cases": [
            {"pk": index + 10, "number": final[key], "status": "submitted", "form": {"business_name": f"店{index}"}}
            for index, key in enumerate(keys)
        ],
        "idempotency": [{"key": key, "case_id": index + 10, "user_id": 1, "fingerprint": "f"} for index, key in enumerate(keys)],
        "sequences": [{"region_code": "990123", "day": "2026-12-03", "last": 3}],
        "filed_events": ["10", "11", "12"],
        "notified": ["10", "11", "12"],
        "audit_verify": {"status": 0, "out": "OK"},
    }
    return state, final, bodies


def _lose_last_case(state: dict[str, Any]) -> None:
    state["cases"].pop()
    state["idempotency"].pop()


def _file_twice(state: dict[str, Any]) -> None:
    state["cases"].append({**state["cases"][0], "pk": 13, "number": f"{PREFIX}000004"})
    state["sequences"][0]["last"] = 4
    state["filed_events"].append("13")
    state["notified"].append("13")


def _swap_keys(state: dict[str, Any]) -> None:
    first, second = state["idempotency"][:2]
    first["case_id"], second["case_id"] = second["case_id"], first["case_id"]


def _leave_a_gap(state: dict[str, Any]) -> None:
    state["cases"][2]["number"] = f"{PREFIX}000004"
    state["sequences"][0]["last"] = 4


def _second_row_for_a_key(state: dict[str, Any]) -> None:
    state["idempotency"].append({**state["idempotency"][0], "case_id": 11})


DAMAGES = {
    "a case lost": _lose_last_case,
    "a case filed twice": _file_twice,
    "keys swapped": _swap_keys,
    "a gap in the numbers": _leave_a_gap,
    "two rows for one key": _second_row_for_a_key,
    "a filing without its audit event": lambda state: state["filed_events"].pop(),
    "a filing without its message": lambda state: state["notified"].pop(),
    "a broken audit chain": lambda state: state["audit_verify"].update(status=1),
}


def test_the_checks_pass_an_intact_database() -> None:
    assert database_problems(*_intact()) == []


@pytest.mark.parametrize("damage", DAMAGES, ids=list(DAMAGES))
def test_the_checks_see_each_kind_of_damage(damage: str) -> None:
    state, final, bodies = _intact()
    DAMAGES[damage](state)
    assert database_problems(state, final, bodies) != []
