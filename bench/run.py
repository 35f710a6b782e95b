"""`make bench`: the production WSGI server under load, on PostgreSQL and on SQLite, one table at the end.

For each database (BENCH_DBS, default "postgres sqlite"):
1. the golden data set is generated if missing (bench/generate.py; cached by seed, size, day, version)
   and copied into the working database (`onewindow_bench`, or var/bench/onewindow_bench.sqlite3);
2. API tokens are created through the accounts services and samples are drawn (bench/inproc.py prepare);
3. gunicorn (gthread, 2 workers x 4 threads, as bin/serve) and the task worker start on a free port;
4. each scenario runs as its own headless locust process (bench/locustfile.py) for a fixed time
   while the server processes' memory is sampled;
5. the server stops; the deadline scan is timed in-process (bench/inproc.py scan, rolled back).

Environment: BENCH_QUICK=1 (50,000 cases, 4 s per scenario, no one-user pass; about 3 minutes once generated),
BENCH_CASES, BENCH_SEED, BENCH_SECONDS, BENCH_USERS, BENCH_DBS, BENCH_PG_URL, BENCH_TODAY,
BENCH_SCENARIOS, BENCH_PROFILE, BENCH_SOLO, BENCH_SUMMARY_CASES; the data set's shape: BENCH_PROVINCE,
BENCH_COUNTIES, BENCH_COUNTY_SHARE, BENCH_ENTITIES, BENCH_RATING_SHARE (see docs/performance.md).
Results: bench/results/<UTC timestamp>-<db>.json.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time as wall
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import generate  # noqa: E402

PY = str(ROOT / ".venv" / "bin" / "python")
LOCUST = str(ROOT / ".venv" / "bin" / "locust")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
WORK = ROOT / "var" / "bench"
RESULTS = ROOT / "bench" / "results"
PG_WORKING = "onewindow_bench"

QUICK = os.environ.get("BENCH_QUICK", "") not in ("", "0")
CASES = int(os.environ.get("BENCH_CASES", 50_000 if QUICK else 1_000_000))
SEED = int(os.environ.get("BENCH_SEED", 1))
SECONDS = int(os.environ.get("BENCH_SECONDS", 4 if QUICK else 30))
USERS = int(os.environ.get("BENCH_USERS", 8))
SOLO_SECONDS = max(2, SECONDS // 3)  # each scenario again with one user, for its unqueued latency
SOLO = os.environ.get("BENCH_SOLO", "0" if QUICK else "1") not in ("", "0")  # quick: the 8-user pass only
DBS = os.environ.get("BENCH_DBS", "postgres sqlite").split()
PG_URL = os.environ.get("BENCH_PG_URL", generate.DEFAULT_PG_URL)
TODAY = dt.date.fromisoformat(os.environ.get("BENCH_TODAY", generate.DEFAULT_TODAY.isoformat()))
OPEN_SHARE = float(os.environ.get("BENCH_OPEN_SHARE", 0.5))
PROFILE = os.environ.get("BENCH_PROFILE", "") not in ("", "0")  # py-spy on the server processes per scenario
ONLY = os.environ.get("BENCH_SCENARIOS", "").split()  # a subset of scenario keys (healthz always runs)
PYSPY = str(ROOT / ".venv" / "bin" / "py-spy")

# (key, label, probe path or None). Reads first, writes last: submissions add cases to the queues.
SCENARIOS = [
    ("healthz", "/healthz (reference)", None),
    ("list_clerk", "staff case list, county clerk (queue)", "/api/v1/cases"),
    ("list_reviewer", "staff case list, dept reviewer (queue)", "/api/v1/cases"),
    ("progress", "public progress query", "/api/v1/progress/0?code=0"),
    ("search_short", "catalog search, 1-2 characters", None),
    ("search_long", "catalog search, longer words", None),
    ("guide", "guide page (HTML)", None),
    ("summary", "supervision summary API (aggregates)", "/api/v1/supervision/summary"),
    ("dashboard", "statistics dashboard page (supervisor)", "/workbench/supervision/statistics/"),
    ("submit", "case submission (API)", "/api/v1/cases"),
]


def log(message: str) -> None:
    print(f"[bench {dt.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


# ---- working database ---------------------------------------------------------------------------


def working_copy(db: str, golden: dict[str, Any]) -> str:
    """Copy the golden database into the working one; its DATABASE_URL."""
    if db == "postgres":
        with generate.pg_admin(PG_URL) as admin:
            admin.execute(f'drop database if exists "{PG_WORKING}" with (force)')
            admin.execute(f'create database "{PG_WORKING}" template "{golden["golden"]}" strategy file_copy')
        return f"{PG_URL}/{PG_WORKING}"
    target = WORK / "onewindow_bench.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(golden["golden"], target)
    return f"sqlite:///{target}"


def django_env(url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BENCH_")}
    # What bench/inproc.py reads of the run's settings.
    env.update(BENCH_QUICK="1" if QUICK else "0", BENCH_TODAY=TODAY.isoformat())
    if "BENCH_SUMMARY_CASES" in os.environ:
        env["BENCH_SUMMARY_CASES"] = os.environ["BENCH_SUMMARY_CASES"]
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.base",
        DATABASE_URL=url,
        VAR_DIR=str(WORK / "var"),  # uploads and collected static files of the bench server
        PROXY_COUNT="1",  # as behind nginx: the client address is the last X-Forwarded-For entry
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    return env


def static_fingerprint() -> str:
    """Names, sizes and times of every static source (ours, the npm vendor files) and the locked
    requirements (Django admin's and other packages' static files change with them)."""
    digest = hashlib.sha256()
    sources = [ROOT / "static", ROOT / "assets" / "vendor", ROOT / "requirements.lock"]
    for source in sources:
        files = sorted(source.rglob("*")) if source.is_dir() else [source]
        for path in files:
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def collect_static(env: dict[str, str]) -> None:
    """collectstatic (compressing every file takes ~25 s of CPU) unless the bench's collected files
    already match the sources: both databases' servers read the same `var/bench/var/static`."""
    stamp = WORK / "var" / "static.fingerprint"
    fingerprint = static_fingerprint()
    if stamp.exists() and stamp.read_text() == fingerprint and (WORK / "var" / "static" / "staticfiles.json").exists():
        return
    subprocess.run([PY, "manage.py", "collectstatic", "--noinput", "-v", "0"], env=env, cwd=ROOT, check=True)
    stamp.write_text(fingerprint)


def run_json(command: list[str], env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[1:3])} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---- server -------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """gunicorn + the task worker, each in its own process group so they stop together."""

    def __init__(self, env: dict[str, str], port: int, logfile: Path) -> None:
        self.env, self.port, self.logfile = env, port, logfile
        self.processes: list[subprocess.Popen] = []

    def start(self) -> None:
        out = open(self.logfile, "ab")
        web = [
            GUNICORN, "config.wsgi:application", "--bind", f"127.0.0.1:{self.port}", "--workers", "2", "--threads", "4",
            "--worker-class", "gthread", "--max-requests", "20000", "--max-requests-jitter", "2000",
            "--access-logfile", str(self.logfile.with_suffix(".access.log")), "--graceful-timeout", "10",
        ]  # fmt: skip
        worker = [PY, "manage.py", "db_worker", "--queue-name", "*", "--interval", "1", "--no-reload"]
        for command in (web, worker):
            self.processes.append(subprocess.Popen(command, env=self.env, cwd=ROOT, stdout=out, stderr=out, start_new_session=True))
        deadline = wall.monotonic() + 60
        while wall.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if any(p.poll() is not None for p in self.processes):
                break
            wall.sleep(0.3)
        self.stop()
        raise RuntimeError(f"the server did not come up; see {self.logfile}")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def pids(self) -> dict[str, list[int]]:
        import psutil

        out: dict[str, list[int]] = {"web": [], "worker": []}
        for role, proc in zip(("web", "worker"), self.processes, strict=True):
            try:
                parent = psutil.Process(proc.pid)
                out[role] = [parent.pid] + [c.pid for c in parent.children(recursive=True)]
            except psutil.NoSuchProcess:
                pass
        return out

    def stop(self) -> None:
        for proc in self.processes:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.processes:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        self.processes = []


class Sampler(threading.Thread):
    """Peak RSS of the gunicorn workers (largest one), of all server processes together, and their CPU."""

    def __init__(self, server: Server, client_pid: int | None = None) -> None:
        super().__init__(daemon=True)
        self.server, self.client_pid = server, client_pid
        self.stop_event = threading.Event()
        self.worker_peak = self.total_peak = 0
        self.cpu: dict[str, float] = {}
        self.pg_waits: dict[str, int] = {}
        self.pg_samples = 0
        self.pg_blocked: dict[str, int] = {}
        self.pg_cpu: dict[int, tuple[Any, float, float]] = {}

    def run(self) -> None:
        import psutil

        pids = self.server.pids()
        master = pids["web"][0] if pids["web"] else None
        procs = {pid: psutil.Process(pid) for group in pids.values() for pid in group}
        if self.client_pid:
            procs[self.client_pid] = psutil.Process(self.client_pid)
        start = {pid: self._cpu(p) for pid, p in procs.items()}
        last = dict(start)
        begun = wall.monotonic()
        pg = self._pg_connection()
        machine_start = self._busy()
        while not self.stop_event.wait(0.25):
            if pg is not None:
                self._sample_pg(pg)
            total = 0
            for pid, proc in procs.items():
                cpu = self._cpu(proc)
                if cpu:
                    last[pid] = cpu  # an ended process keeps its last reading
                if pid == self.client_pid:
                    continue
                try:
                    rss = proc.memory_info().rss
                except psutil.NoSuchProcess:
                    continue
                total += rss
                if pid in pids["web"] and pid != master:
                    self.worker_peak = max(self.worker_peak, rss)
            self.total_peak = max(self.total_peak, total)
        elapsed = max(wall.monotonic() - begun, 1e-6)
        self.cpu["server"] = 100 * sum(last[pid] - start[pid] for pid in procs if pid != self.client_pid) / elapsed
        if self.client_pid:
            self.cpu["client"] = 100 * (last[self.client_pid] - start[self.client_pid]) / elapsed
        if pg is not None:
            self.cpu["postgres"] = 100 * sum(end - begin for _p, begin, end in self.pg_cpu.values()) / elapsed
            pg.close()
        # Everything else the machine ran meanwhile (other people's tests share these 2 cores).
        mine = self.cpu["server"] + self.cpu.get("client", 0) + self.cpu.get("postgres", 0)
        self.cpu["others"] = max(100 * (self._busy() - machine_start) / elapsed - mine, 0)

    @staticmethod
    def _busy() -> float:
        """CPU-seconds the whole machine has spent busy since boot (all cores)."""
        import psutil

        t = psutil.cpu_times()
        return float(t.user + t.nice + t.system + getattr(t, "irq", 0) + getattr(t, "softirq", 0) + getattr(t, "steal", 0))

    def _pg_connection(self) -> Any:
        """A monitoring connection when the server runs on the bench PostgreSQL database, else None."""
        if not self.server.env["DATABASE_URL"].startswith("postgres"):
            return None
        import psycopg

        return psycopg.connect(f"{PG_URL}/postgres", autocommit=True)

    def _sample_pg(self, pg: Any) -> None:
        """What the bench database's backends are doing (busy on CPU, or waiting, and on what), and their CPU."""
        import psutil

        rows = pg.execute(
            "select pid, state, coalesce(wait_event_type, 'CPU'), coalesce(wait_event, ''), left(query, 90) from pg_stat_activity "
            "where datname = %s and pid <> pg_backend_pid()",
            [PG_WORKING],
        ).fetchall()
        self.pg_samples += 1
        for pid, state, wait_type, wait_event, query in rows:
            if state == "active":
                key = f"{wait_type}:{wait_event}" if wait_event else wait_type
                self.pg_waits[key] = self.pg_waits.get(key, 0) + 1
                if wait_type == "Lock":
                    self.pg_blocked[query] = self.pg_blocked.get(query, 0) + 1
            elif state and state.startswith("idle in transaction"):
                self.pg_waits["idle in transaction"] = self.pg_waits.get("idle in transaction", 0) + 1
            try:
                known = self.pg_cpu.get(pid)
                proc = known[0] if known else psutil.Process(pid)
                now = self._cpu(proc)
                self.pg_cpu[pid] = (proc, known[1] if known else now, now)
            except psutil.NoSuchProcess:
                continue

    @staticmethod
    def _cpu(proc: Any) -> float:
        try:
            times = proc.cpu_times()
            return float(times.user + times.system)
        except Exception:  # noqa: BLE001 - the process ended
            return 0.0

    def finish(self) -> None:
        self.stop_event.set()
        self.join()


# ---- scenarios ----------------------------------------------------------------------------------


def available(server: Server, probe: str | None) -> bool:
    """Whether the endpoint exists: our API answers unknown objects with a JSON error carrying a `code`."""
    if probe is None:
        return True
    request = urllib.request.Request(f"{server.url}{probe}", method="GET")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status < 500
    except urllib.error.HTTPError as error:
        if error.code == 404:
            try:
                return "code" in json.loads(error.read() or b"{}")
            except ValueError:
                return False
        return error.code in (400, 401, 403, 405, 422)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def run_locust(
    server: Server, scenario: str, fixtures: Path, seconds: int, prefix: Path, sample: bool, users: int = USERS
) -> dict[str, Any]:
    env = {**os.environ, "BENCH_SCENARIO": scenario, "BENCH_FIXTURES": str(fixtures)}
    command = [
        LOCUST, "-f", str(ROOT / "bench" / "locustfile.py"), "--headless", "-u", str(users), "-r", str(users),
        "-t", f"{seconds}s", "--host", server.url, "--csv", str(prefix), "--only-summary", "--stop-timeout", "5",
        "--exit-code-on-error", "0", "--loglevel", "WARNING",
    ]  # fmt: skip
    with open(prefix.with_suffix(".log"), "wb") as out:
        proc = subprocess.Popen(command, env=env, cwd=ROOT, stdout=out, stderr=out, start_new_session=True)
        sampler = Sampler(server, proc.pid) if sample else None
        if sampler:
            sampler.start()
        spies = start_profile(server, prefix, seconds) if PROFILE else []
        try:
            proc.wait(timeout=seconds + 60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        if sampler:
            sampler.finish()
        for one in spies:
            one.wait(timeout=60)
    rows = list(csv.DictReader(open(f"{prefix}_stats.csv", encoding="utf-8")))
    if not rows:
        raise RuntimeError(f"locust wrote no statistics; see {prefix.with_suffix('.log')}")
    requests = [_stats(r) for r in rows if r["Name"] != "Aggregated"]
    total = _stats(next(r for r in rows if r["Name"] == "Aggregated"))
    failures = list(csv.DictReader(open(f"{prefix}_failures.csv", encoding="utf-8"))) if Path(f"{prefix}_failures.csv").exists() else []
    result: dict[str, Any] = {**total, "requests": requests, "failure_samples": [dict(f) for f in failures[:5]]}
    if sampler:
        result["peak_worker_rss_mb"] = round(sampler.worker_peak / 2**20, 1)
        result["peak_server_rss_mb"] = round(sampler.total_peak / 2**20, 1)
        result["server_cpu_percent"] = round(sampler.cpu.get("server", 0))
        result["client_cpu_percent"] = round(sampler.cpu.get("client", 0))
        result["others_cpu_percent"] = round(sampler.cpu.get("others", 0))
        if "postgres" in sampler.cpu:
            result["postgres_cpu_percent"] = round(sampler.cpu["postgres"])
            # Average number of bench-database backends in each state per sample: CPU = running a query.
            result["postgres_lock_waits"] = dict(sorted(sampler.pg_blocked.items(), key=lambda kv: -kv[1])[:5])
            result["postgres_backends"] = {k: round(v / max(sampler.pg_samples, 1), 2) for k, v in sorted(sampler.pg_waits.items())}
    if spies:
        result["profile"] = summarize_profile(sorted(prefix.parent.glob(f"{prefix.name}.pyspy.*.txt")))
    return result


def start_profile(server: Server, prefix: Path, seconds: int) -> list[subprocess.Popen]:
    """py-spy (sampling, from outside the process) on every gunicorn worker and the task worker for the
    scenario's duration; one collapsed-stack file each (`<scenario>.pyspy.<pid>.txt`)."""
    pids = server.pids()
    spies = []
    for pid in [*pids["web"][1:], *pids["worker"][:1]]:
        command = [PYSPY, "record", "--pid", str(pid), "--duration", str(max(seconds - 1, 1)), "--rate", "200"]
        command += ["--format", "raw", "--output", f"{prefix}.pyspy.{pid}.txt", "--nonblocking"]
        spies.append(subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    return spies


def summarize_profile(paths: list[Path], top: int = 15) -> dict[str, Any]:
    """From py-spy's collapsed stacks: where the worker's busy threads were (leaf functions), and the share of
    samples under each function of our code, Django, the database driver and the template engine."""
    leaves: dict[str, int] = {}
    inclusive: dict[str, int] = {}
    total = 0
    lines = [line for path in paths for line in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    for line in lines:
        stack, _, count_text = line.rpartition(" ")
        if not count_text.isdigit():
            continue
        count = int(count_text)
        total += count
        frames = [f for f in stack.split(";") if "(" in f]
        if not frames:
            continue
        leaves[_frame(frames[-1])] = leaves.get(_frame(frames[-1]), 0) + count
        for name in {_frame(f) for f in frames}:
            if any(
                part in name
                for part in (
                    "onewindow/",
                    "ninja/",
                    "django/template",
                    "django/db/models",
                    "psycopg",
                    "sqlite3",
                    "whitenoise",
                    "weasyprint",
                )
            ):
                inclusive[name] = inclusive.get(name, 0) + count

    def share(table: dict[str, int]) -> list[list[Any]]:
        return [[name, round(100 * n / total, 1)] for name, n in sorted(table.items(), key=lambda kv: -kv[1])[:top]]

    return {"samples": total, "leaf_percent": share(leaves), "inclusive_percent": share(inclusive)}


def _frame(frame: str) -> str:
    """`func (path/file.py:123)` -> `func (shortened/file.py)`: one entry per function, not per line."""
    name, _, where = frame.partition(" (")
    where = where.rstrip(")").rsplit(":", 1)[0]
    for marker in ("site-packages/", "/work/main/", str(ROOT) + "/"):
        if marker in where:
            where = where.split(marker, 1)[1]
    return f"{name} ({where})"


def _stats(row: dict[str, str]) -> dict[str, Any]:
    def num(key: str) -> float | None:
        value = row.get(key, "")
        return float(value) if value not in ("", "N/A") else None

    return {
        "name": row["Name"],
        "requests": int(row["Request Count"]),
        "errors": int(row["Failure Count"]),
        "rps": round(num("Requests/s") or 0, 1),
        "p50_ms": num("50%"),
        "p95_ms": num("95%"),
        "p99_ms": num("99%"),
        "avg_ms": round(num("Average Response Time") or 0, 1),
    }


def warm_up(server: Server, fixtures: dict[str, Any]) -> None:
    """A few requests of each kind so the first measured second does not pay for imports and caches."""
    paths = ["/healthz", f"/items/{fixtures['guides'][0]}/", "/api/v1/items?q=护照"]
    headers = {"Authorization": f"Bearer {fixtures['tokens']['demo-clerk']}"}
    for _ in range(6):
        for path in paths:
            _get(server, path, {})
        _get(server, "/api/v1/cases?queue=true", headers)
    # A few filings: the first identity check in each worker reads python-stdnum's region table.
    for entry in fixtures["submissions"][:6]:
        body = json.dumps(entry["body"], ensure_ascii=False).encode()
        auth = {"Authorization": f"Bearer {fixtures['tokens'][entry['user']]}", "Content-Type": "application/json"}
        request = urllib.request.Request(f"{server.url}/api/v1/cases", data=body, headers=auth, method="POST")
        try:
            urllib.request.urlopen(request, timeout=30).read()
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass


def _get(server: Server, path: str, headers: dict[str, str]) -> None:
    request = urllib.request.Request(f"{server.url}{urllib.parse.quote(path, safe='/?=&')}", headers=headers)
    try:
        urllib.request.urlopen(request, timeout=30).read()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        pass


def bench_database(db: str, stamp: str) -> dict[str, Any]:
    started = wall.monotonic()
    log(f"{db}: golden data set ({CASES:,} cases, seed {SEED})")
    golden = generate.ensure(db, cases=CASES, seed=SEED, today=TODAY, open_share=OPEN_SHARE, pg_url=PG_URL)
    if golden["generated"]:
        log(f"{db}: generated in {golden['seconds']} s: {golden['meta']['counts']}")
    mark = wall.monotonic()
    url = working_copy(db, golden)
    copy_seconds = round(wall.monotonic() - mark, 1)
    env = django_env(url)
    # A golden set generated before a later migration (a new app) gets it on the working copy.
    subprocess.run([PY, "manage.py", "migrate", "--noinput", "-v", "0"], env=env, cwd=ROOT, check=True)
    work = WORK / f"run-{stamp}-{db}"
    work.mkdir(parents=True, exist_ok=True)
    collect_static(env)
    fixtures_path = work / "fixtures.json"
    prepared = run_json([PY, str(ROOT / "bench" / "inproc.py"), "prepare", str(fixtures_path)], env)
    fixtures = json.loads(fixtures_path.read_text(encoding="utf-8"))
    server = Server(env, free_port(), work / "server.log")
    log(f"{db}: server on {server.url} (copy {copy_seconds} s, fixtures {prepared})")
    server.start()
    results: dict[str, Any] = {}
    try:
        warm_up(server, fixtures)
        for key, label, probe in SCENARIOS:
            if ONLY and key not in ONLY and key != "healthz":
                continue
            if not available(server, probe):
                results[key] = {"label": label, "status": "n/a", "reason": f"{probe} is not served yet"}
                log(f"{db}: {label}: n/a")
                continue
            if key == "submit" and not fixtures["submissions"]:
                results[key] = {"label": label, "status": "n/a", "reason": "no item can be filed without uploads"}
                continue
            try:
                outcome = run_locust(server, key, fixtures_path, SECONDS, work / key, sample=True)
                results[key] = {"label": label, "status": "ok", **outcome}
                log(f"{db}: {label}: {outcome['rps']}/s p99 {outcome['p99_ms']} ms errors {outcome['errors']}")
                if SOLO and key != "healthz":
                    # The latency one request takes without queueing behind the others (the targets' p99s).
                    solo = run_locust(server, key, fixtures_path, SOLO_SECONDS, work / f"{key}-solo", sample=False, users=1)
                    results[key]["solo"] = {k: solo[k] for k in ("rps", "p50_ms", "p95_ms", "p99_ms", "errors")}
                    log(f"{db}: {label}, 1 user: p50 {solo['p50_ms']} ms p99 {solo['p99_ms']} ms")
            except Exception as error:  # noqa: BLE001 - one broken scenario must not hide the others
                results[key] = {"label": label, "status": "error", "reason": str(error)[:500]}
                log(f"{db}: {label}: error {error}")
    finally:
        server.stop()
    if ONLY and "scan" not in ONLY:
        return _run_record(db, golden, copy_seconds, results, started)
    log(f"{db}: deadline scan")
    try:
        scan = run_json([PY, str(ROOT / "bench" / "inproc.py"), "scan", TODAY.isoformat()], env)
        results["scan"] = {"label": "deadline scan (in-process)", "status": "ok", **scan}
    except Exception as error:  # noqa: BLE001
        results["scan"] = {"label": "deadline scan (in-process)", "status": "error", "reason": str(error)[:500]}
    return _run_record(db, golden, copy_seconds, results, started)


def _run_record(db: str, golden: dict[str, Any], copy_seconds: float, results: dict[str, Any], started: float) -> dict[str, Any]:
    return {
        "db": db,
        "cases": CASES,
        "seed": SEED,
        "quick": QUICK,
        "seconds_per_scenario": SECONDS,
        "users": USERS,
        "golden": {k: v for k, v in golden.items() if k != "url"},
        "copy_seconds": copy_seconds,
        "scenarios": results,
        "wall_seconds": round(wall.monotonic() - started, 1),
    }


# ---- report -------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    import psutil

    return {
        "nproc": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "python": sys.version.split()[0],
    }


def table(runs: list[dict[str, Any]]) -> str:
    head = [
        "db",
        "scenario",
        "req/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "errors",
        "1 user p50/p99 ms",
        "peak RSS MB (worker/all)",
        "vs /healthz",
        "CPU % app/db/load/others",
    ]
    lines = []
    for run in runs:
        reference = run["scenarios"].get("healthz", {}).get("rps") or 0
        for key, result in run["scenarios"].items():
            label = result.get("label", key)
            if key == "scan":
                if result["status"] != "ok":
                    lines.append([run["db"], label, result["status"], "", "", "", "", "", "", "", ""])
                    continue
                for phase in ("day", "follow-up", "idle"):
                    if phase not in result:
                        continue
                    r = result[phase]
                    events = r["warned"] + r["overdue"]
                    name = f"deadline scan, {phase} ({events:,} events, {result['open_deadlines']:,} open)"
                    lines.append(
                        [
                            run["db"],
                            name,
                            f"{events / max(r['seconds'], 1e-9):,.0f} ev/s",
                            f"{r['seconds'] * 1000:,.0f} (total)",
                            "",
                            "",
                            str(r["failed"]),
                            "",
                            "",
                            "",
                            "",
                        ]
                    )
                continue
            if result["status"] != "ok":
                lines.append([run["db"], label, result["status"], "", "", "", "", "", "", "", ""])
                continue
            solo = result.get("solo")
            alone = f"{_ms(solo['p50_ms'])}/{_ms(solo['p99_ms'])}" if solo else ""
            ratio = f"{result['rps'] / reference:.2f}" if reference else ""
            rss = f"{result.get('peak_worker_rss_mb', '')}/{result.get('peak_server_rss_mb', '')}"
            cpu = "/".join(str(result.get(f"{part}_cpu_percent", "-")) for part in ("server", "postgres", "client", "others"))
            lines.append(
                [
                    run["db"],
                    label,
                    f"{result['rps']:,.0f}",
                    _ms(result["p50_ms"]),
                    _ms(result["p95_ms"]),
                    _ms(result["p99_ms"]),
                    str(result["errors"]),
                    alone,
                    rss,
                    ratio,
                    cpu,
                ]
            )
            if len(result["requests"]) > 1:
                for sub in result["requests"]:
                    lines.append(
                        [
                            "",
                            f"  {sub['name']}",
                            f"{sub['rps']:,.0f}",
                            _ms(sub["p50_ms"]),
                            _ms(sub["p95_ms"]),
                            _ms(sub["p99_ms"]),
                            str(sub["errors"]),
                            "",
                            "",
                            "",
                            "",
                        ]
                    )
    widths = [max(len(str(row[i])) for row in [head, *lines]) for i in range(len(head))]
    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    out = ["| " + " | ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)) + " |", rule]
    out += ["| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in lines]
    return "\n".join(out)


def _ms(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def main() -> None:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    RESULTS.mkdir(parents=True, exist_ok=True)
    WORK.mkdir(parents=True, exist_ok=True)
    started = wall.monotonic()
    info = machine()
    log(f"{'quick' if QUICK else 'full'} run: {CASES:,} cases, {SECONDS} s per scenario, {USERS} users, databases {DBS}; machine {info}")
    if "postgres" in DBS:
        try:
            generate.pg_admin(PG_URL).close()
        except Exception as error:  # noqa: BLE001
            raise SystemExit(
                f"PostgreSQL is not answering at {PG_URL} ({error}); start it with\n"
                "  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n"
                "or run on SQLite alone: BENCH_DBS=sqlite make bench"
            ) from None
    runs = []
    for db in DBS:
        run = bench_database(db, stamp)
        run["machine"] = info
        runs.append(run)
        path = RESULTS / f"{stamp}-{db}.json"
        path.write_text(json.dumps(run, ensure_ascii=False, indent=2))
        log(f"{db}: results in {path.relative_to(ROOT)}")
    print()
    print(
        f"OneWindow bench ({'quick' if QUICK else 'full'}): {CASES:,} cases, {SECONDS} s per scenario, {USERS} concurrent users; "
        f"{info['nproc']} cores, {info['memory_gb']} GB; load average at start {info['load_average_at_start']}"
    )
    print(table(runs))
    print(f"total {wall.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
