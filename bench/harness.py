# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The bench's harness: sizes, databases, Odoo, measurement, and the run of every step in its own process.

Knows nothing of what a step does (bench/steps.py) nor of how its figures are shown (bench/report.py); the order
of the steps for one size, each starting from the database an earlier one left, is `Orchestrator.size`.
"""
# ruff: noqa: PLC0415 - odoo and psycopg2 are importable only once the Odoo tree is on sys.path

import contextlib
import datetime
import json
import os
import platform
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

from data import OFFICER_PASSWORD, PHASES, PLAN_REFERENCE

OPS = ("rollup", "rollup_xlsx", "launch", "cron", "cron_again", "mass_submit", "mass_approve", "xlsx", "results_html")
# "raw_sql" is the floor: the rows our launch wrote, inserted again by plain SQL (bench/floor.py).
IMPLS = ("ours", "naive", "raw_sql")
DEFAULT_SIZES = "100,1000,5000,10000"
NAIVE_SIZES = (100, 1000)
# Steps that change the data run up to 3 times, each on a fresh copy, up to this size...
REPEAT_MAX_UNITS = 1000
# ... unless one run takes longer than this (seconds).
REPEAT_BUDGET = 60
REPEATS = 3
# Rows counted before and after each step, to show what it wrote (and that the three ways write the same).
COUNTED_TABLES = (
    "union_unit_report",
    "union_unit_report_line",
    "union_unit_report_review",
    "mail_activity",
    "mail_followers",
    "mail_message",
    "mail_notification",
    "mail_mail",
    "mail_tracking_value",
)
RESULT_TAG = "BENCH-RESULT "
WRITE_RE = re.compile(r'\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([A-Za-z0-9_]+)', re.IGNORECASE)
VERB_RE = re.compile(r"\s*(\w+)")
FROM_RE = re.compile(r'\bFROM\s+"?([A-Za-z0-9_]+)', re.IGNORECASE)
# Odoo's default worker limits (odoo/tools/config.py), for the --workers=2 check.
LIMIT_TIME_CPU, LIMIT_TIME_REAL, LIMIT_MEMORY_HARD_MB = 60, 120, 2560
ENTRY = Path(__file__).resolve().with_name("bench.py")


def say(msg):
    print(f"[bench] {msg}", flush=True)


def odoo_args(args):
    """Odoo's command-line options shared by every process (addons, data dir, database server)."""
    out = ["--addons-path", args.addons_path, "--data-dir", args.data_dir]
    for name in ("db_host", "db_port", "db_user"):
        if getattr(args, name):
            out += [f"--{name}", str(getattr(args, name))]
    return out


def add_odoo_arguments(parser):
    parser.add_argument("--odoo-src", default=os.environ.get("ODOO_SRC") or "/opt/odoo/18.0")
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--db_host")
    parser.add_argument("--db_port")
    parser.add_argument("--db_user")


# ===========================================================================
# In a step process: Odoo, and the figures of one measured call
# ===========================================================================
def import_odoo(args):
    sys.path.insert(0, str(args.odoo_src))
    import odoo
    from odoo.tools import config

    config.parse_config([*odoo_args(args), "-d", args.db, "--log-level", "warn", "--max-cron-threads", "0"])
    threading.current_thread().dbname = args.db
    return odoo


def open_env(args):
    odoo = import_odoo(args)
    from odoo.modules.registry import Registry

    odoo.service.server.load_server_wide_modules()
    registry = Registry(args.db)
    cr = registry.cursor()
    return odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})


def db_cursor(db):
    """A bare cursor on a database (no registry), its queries counted like the ORM's (Odoo imported first)."""
    from odoo.sql_db import db_connect

    return db_connect(db).cursor()


class Meter:
    """Count the SQL queries of this thread (every cursor): all, those that write, per kind ("SELECT table"), and
    the tables inserted into, in the order of their first INSERT."""

    def __init__(self):
        self.reset()
        thread = threading.current_thread()
        thread.query_hooks = [*getattr(thread, "query_hooks", ()), self._hook]

    def _hook(self, _cr, query, _params, _start, _delay):
        self.queries += 1
        head = query[:3000].decode(errors="replace") if isinstance(query, bytes) else query[:3000]
        match = WRITE_RE.match(head)
        if match:
            table = match.group(2)
            self.writes[table] += 1
            self.kinds[f"{head.split(None, 1)[0].upper()} {table}"] += 1
            if match.group(1).upper().startswith("INSERT"):
                self.inserted.setdefault(table, None)
            return
        verb = VERB_RE.match(head)
        table = FROM_RE.search(head)
        self.kinds[f"{verb.group(1).upper() if verb else '?'} {table.group(1) if table else ''}".strip()] += 1

    def reset(self):
        self.queries = 0
        self.writes = Counter()
        self.kinds = Counter()
        self.inserted = {}

    def snapshot(self):
        return self.queries, sum(self.writes.values())


def rss_mb():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def count_rows(cr):
    from psycopg2 import sql

    query = sql.SQL("SELECT {}").format(
        sql.SQL(", ").join(sql.SQL("(SELECT count(*) FROM {})").format(sql.Identifier(t)) for t in COUNTED_TABLES)
    )
    cr.execute(query.as_string(cr._obj))
    return dict(zip(COUNTED_TABLES, cr.fetchone(), strict=True))


def measure(cr, meter, func, env=None):
    """Run func() as one request: fresh cache, flushed and committed at the end; return its figures."""
    if env is not None:
        env.flush_all()
        env.invalidate_all()
    cr.commit()
    before_rows = count_rows(cr)
    rss_before = rss_mb()
    meter.reset()
    cpu, start = cpu_seconds(), time.perf_counter()
    info = func()
    info = info if isinstance(info, dict) else {}
    if env is not None:
        env.flush_all()
    cr.commit()
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    queries, writes = meter.snapshot()
    write_tables, kinds = dict(meter.writes), dict(meter.kinds.most_common())
    rows = {table: count - before_rows[table] for table, count in count_rows(cr).items()}
    return {
        "seconds": round(seconds, 4),
        "cpu_seconds": round(cpu, 3),
        "queries": queries,
        "writes": writes,
        "write_tables": write_tables,
        "query_kinds": kinds,
        "rows": {table: delta for table, delta in rows.items() if delta},
        "rss_before_mb": round(rss_before, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        **info,
    }


def repeat(reps, run_once):
    """run_once() up to `reps` times in this process (a step that leaves the data as it found it), fewer when one
    run takes longer than REPEAT_BUDGET; return each run's figures."""
    measures = []
    for _rep in range(reps):
        measures.append(run_once())
        if measures[-1]["seconds"] > REPEAT_BUDGET:
            break
    return measures


def emit(measures):
    print(RESULT_TAG + json.dumps(measures, default=str), flush=True)
    return 0


# ===========================================================================
# The orchestrator: sizes, databases, processes
# ===========================================================================
class Databases:
    """Copies of the template database (with their filestores), all dropped at the end."""

    def __init__(self, args):
        self.args = args
        self.created = []
        self.filestore = Path(args.data_dir) / "filestore"

    def connect(self):
        import psycopg2

        kw = {"dbname": "postgres", "connect_timeout": 10}
        for key, name in (("host", "db_host"), ("port", "db_port"), ("user", "db_user")):
            if getattr(self.args, name):
                kw[key] = getattr(self.args, name)
        conn = psycopg2.connect(**kw)
        conn.autocommit = True
        return conn

    def sql(self, query, *identifiers):
        from psycopg2 import sql

        conn = self.connect()
        try:
            with conn.cursor() as cr:
                cr.execute(sql.SQL(query).format(*map(sql.Identifier, identifiers)))
                return cr.fetchall() if cr.description else None
        finally:
            conn.close()

    def copy(self, source, target):
        self.drop(target)
        for attempt in range(20):  # the last process may still be leaving the source database
            try:
                self.sql("CREATE DATABASE {} TEMPLATE {}", target, source)
                break
            except Exception as exc:
                if "being accessed" not in str(exc) or attempt == 19:
                    raise
                time.sleep(0.5)
        self.created.append(target)
        if (self.filestore / source).is_dir():
            shutil.copytree(self.filestore / source, self.filestore / target)
        return target

    def drop(self, name):
        self.sql("DROP DATABASE IF EXISTS {} WITH (FORCE)", name)
        shutil.rmtree(self.filestore / name, ignore_errors=True)
        if name in self.created:
            self.created.remove(name)

    def drop_all(self):
        for name in list(self.created):
            with contextlib.suppress(Exception):
                self.drop(name)

    def server_version(self):
        return self.sql("SHOW server_version")[0][0]


class Orchestrator:
    def __init__(self, args):
        self.args = args
        self.dbs = Databases(args)
        self.prefix = f"uc_bench_{os.getpid()}"
        self.runs = []
        self.setups = []
        self.workers = []
        self.errors = []
        self.log_dir = Path(args.log_dir or Path(args.data_dir).parent / "logs") / self.prefix
        self.log_dir.mkdir(parents=True, exist_ok=True)

    # -- processes -----------------------------------------------------------
    def step(self, db, n, op, impl, *, reps=1, extra=()):
        """Run one step in its own process (bench.py step) on `db`; return its figures, one per run."""
        cmd = [sys.executable, ENTRY, "step", "--db", db, "--n", n, "--op", op, "--impl", impl, "--reps", reps]
        cmd += [*extra, "--odoo-src", self.args.odoo_src, *odoo_args(self.args)]
        log_path = self.log_dir / f"{db}.log"
        with open(log_path, "w") as log:
            try:
                proc = subprocess.run(
                    [str(c) for c in cmd],
                    stdout=subprocess.PIPE,
                    stderr=log,
                    text=True,
                    check=False,
                    timeout=self.args.step_timeout,
                )
            except subprocess.TimeoutExpired as exc:
                raise RuntimeError(f"{op}/{impl} at {n} units: stopped after {exc.timeout:.0f} s") from exc
        for line in proc.stdout.splitlines():
            if line.startswith(RESULT_TAG):
                return json.loads(line[len(RESULT_TAG) :])
            print(line, flush=True)
        tail = log_path.read_text(errors="replace").strip().splitlines()[-15:]
        raise RuntimeError(f"{op}/{impl} at {n} units failed (exit {proc.returncode}):\n" + "\n".join(tail))

    def timed(self, stage, n, op, impl, *, keep=False, extra=(), first_extra=()):
        """Run a step that changes the data on fresh copies of `stage`, 3 times when cheap enough.

        Return the database left by the first run, kept when `keep` is true (the next stage). `extra`: the
        step's own options; `first_extra`: options of the first run only.
        """
        samples, kept = [], None
        limit = REPEATS if n <= REPEAT_MAX_UNITS else 1
        for rep in range(limit):
            db = self.dbs.copy(stage, f"{self.prefix}_{n}_{op}_{impl}_{rep}")
            try:
                samples += self.step(db, n, op, impl, extra=[*extra, *(first_extra if rep == 0 else ())])
            finally:
                if rep == 0 and keep:
                    kept = db
                else:
                    self.dbs.drop(db)
            if samples[-1]["seconds"] > REPEAT_BUDGET:
                break
        self.record(n, op, impl, samples, "fresh copy each run")
        return kept

    def in_place(self, db, n, op, impl, reps=REPEATS):
        samples = self.step(db, n, op, impl, reps=reps)
        self.record(n, op, impl, samples, "same process" if reps > 1 else "")

    def record(self, n, op, impl, samples, how):
        first = samples[0]
        entry = {
            "n": n,
            "op": op,
            "impl": impl,
            "seconds": round(statistics.median(s["seconds"] for s in samples), 4),
            "queries": int(statistics.median(s["queries"] for s in samples)),
            "peak_rss_mb": max(s["peak_rss_mb"] for s in samples),
            "repeats": len(samples),
            "samples": [s["seconds"] for s in samples],
            "cpu_seconds": round(statistics.median(s["cpu_seconds"] for s in samples), 3),
            "writes": max(s["writes"] for s in samples),
            "records": first.get("records"),
            "rows": first["rows"],
            "rss_before_mb": first["rss_before_mb"],
            "query_kinds": first["query_kinds"],
        }
        if len(samples) > 1:
            entry["repeated"] = how
        for key in ("parts", "request_seconds", "request_cpu_seconds", "cron_calls", "slowest_cron_seconds", "bytes"):
            if key in first:
                entry[key] = round(first[key], 3) if isinstance(first[key], float) else first[key]
        if any(s["writes"] for s in samples):
            entry["write_tables"] = first["write_tables"]
        self.runs.append(entry)
        runs = f"median of {len(samples)}" if len(samples) > 1 else "1 run"
        say(
            f"{n:>6} units  {op:<13} {impl:<8} {entry['seconds']:>9.3f} s ({runs})  {entry['queries']:>7} queries"
            f"  {entry['writes']:>6} writes  peak {entry['peak_rss_mb']:.0f} MB"
        )

    def attempt(self, label, func, *fargs, **fkw):
        try:
            return func(*fargs, **fkw)
        except Exception as exc:  # noqa: BLE001 - one failed step is reported, the others still run
            say(f"FAILED {label}: {exc}")
            self.errors.append({"step": label, "error": str(exc)[-2000:]})
            return None

    def fresh(self, stage, n, op, impl="ours", **kw):
        """timed(), a failure reported (None) and the run going on."""
        return self.attempt(f"{op} {impl} {n}", self.timed, stage, n, op, impl, **kw)

    def same(self, db, n, op, impl="ours", **kw):
        """in_place(), a failure reported and the run going on."""
        return self.attempt(f"{op} {impl} {n}", self.in_place, db, n, op, impl, **kw)

    # -- one size ------------------------------------------------------------
    def size(self, n):
        """The data, then each step on what the one before left: launch, daily jobs, submit, approve, results."""
        say(f"--- {n} units ---")
        naive = n in NAIVE_SIZES
        data = self.dbs.copy(self.args.template, f"{self.prefix}_{n}_data")
        start = time.perf_counter()
        setup = self.step(data, n, "setup", "ours")[0]
        self.setups.append({"n": n, "seconds": round(time.perf_counter() - start, 1), **setup})
        say(f"{n:>6} units  data created in {setup['seconds']:.1f} s ({setup['queries']} queries)")
        # Our launch's first run keeps the rows it created (bench/floor.py): the floor inserts exactly those.
        rows_dir = self.log_dir / f"{n}_launch_rows"
        launched = self.fresh(data, n, "launch", keep=True, first_extra=["--capture", rows_dir, "--before", data])
        if naive:
            self.fresh(data, n, "launch", "naive")
        if launched:
            self.fresh(data, n, "launch", "raw_sql", extra=["--replay", rows_dir])
        shutil.rmtree(rows_dir, ignore_errors=True)
        self.attempt(f"workers check {n}", self.workers_check, data, n)
        if not launched:
            return
        after_cron = self.fresh(launched, n, "cron", keep=True)
        if naive:
            naive_cron = self.fresh(launched, n, "cron", "naive", keep=True)
            if naive_cron:
                self.same(naive_cron, n, "cron_again", "naive")
                self.dbs.drop(naive_cron)
        self.dbs.drop(launched)
        if not after_cron:
            return
        self.same(after_cron, n, "cron_again")
        submitted = self.fresh(after_cron, n, "mass_submit", keep=True)
        if naive:
            self.fresh(after_cron, n, "mass_submit", "naive")
        self.dbs.drop(after_cron)
        if not submitted:
            return
        approved = self.fresh(submitted, n, "mass_approve", keep=True)
        if naive:
            self.fresh(submitted, n, "mass_approve", "naive")
        self.dbs.drop(submitted)
        if approved:
            self.same(approved, n, "xlsx")
            self.same(approved, n, "results_html")
            self.dbs.drop(approved)

    # -- the --workers=2 check -------------------------------------------------
    def workers_check(self, stage, n):
        """Launch the plan through a real server with --workers=2 and Odoo's default limits, over JSON-RPC."""
        db = self.dbs.copy(stage, f"{self.prefix}_{n}_workers")
        port = free_port()
        log_path = self.log_dir / f"{db}-server.log"
        cmd = [sys.executable, str(Path(self.args.odoo_src) / "odoo-bin"), *odoo_args(self.args), "-d", db]
        cmd += ["--db-filter", f"^{db}$", "--no-database-list", "--workers", "2", "--http-interface", "127.0.0.1"]
        cmd += ["--http-port", str(port), "--gevent-port", str(free_port()), "--log-level", "info"]
        result = {"n": n, "ok": False}
        with open(log_path, "w") as log:
            server = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
        try:
            result.update(launch_over_rpc(f"http://127.0.0.1:{port}", db, n))
        except Exception as exc:  # noqa: BLE001 - reported as a failed check
            result["error"] = f"{type(exc).__name__}: {exc}"
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(60)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            self.dbs.drop(db)
        limits = [
            line.strip()
            for line in log_path.read_text(errors="replace").splitlines()
            if re.search(r"limit \(|limit reached|timeout after|CPU time limit", line)
        ]
        result["limit_events"] = limits[:10]
        result["ok"] = result["ok"] and not limits
        self.workers.append(result)
        say(
            f"{n:>6} units  launch over --workers=2: {'completed' if result['ok'] else 'FAILED'}"
            f" in {result.get('seconds', 0):.1f} s {result.get('error', '')} {'; '.join(limits[:2])}"
        )

    # -- all sizes -------------------------------------------------------------
    def run(self, sizes):
        """Every size, then every size of the roll-up; return the results (bench/report.py writes them)."""
        started = time.perf_counter()
        machine = machine_info(self.dbs.server_version(), self.args.commit)
        say(f"sizes {', '.join(map(str, sizes))}; {machine['cpu']} ({machine['cores']} cores); logs in {self.log_dir}")
        try:
            for n in sizes:
                self.attempt(f"size {n}", self.size, n)
                self.dbs.drop_all()
            for n in self.args.rollup_sizes:
                db = self.dbs.copy(self.args.template, f"{self.prefix}_{n}_rollup")
                self.same(db, n, "rollup")
                self.same(db, n, "rollup_xlsx", reps=1)
                self.dbs.drop_all()
        finally:
            self.dbs.drop_all()
        return {
            "date": datetime.date.today().isoformat(),
            "cpus": os.cpu_count(),
            "machine": machine,
            "sizes": sizes,
            "rollup_sizes": self.args.rollup_sizes,
            "wall_seconds": round(time.perf_counter() - started, 1),
            "runs": self.runs,
            "setup": self.setups,
            "workers_check": self.workers,
            "errors": self.errors,
        }


def launch_over_rpc(url, db, n):
    """As the officer, over JSON-RPC: launch the plan, then wait until its background batches are done."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from odoo_rpc import Session, wait_until_up  # the tests' RPC client, shared with make load

    if not wait_until_up(url):
        raise RuntimeError(f"Odoo did not answer on {url} within 180 s")
    officer = Session(url, db, "bench_officer", OFFICER_PASSWORD, timeout=LIMIT_TIME_REAL + 120)
    campaign_id = officer.call("union.campaign", "search", [("reference", "=", PLAN_REFERENCE)])[0]
    start = time.perf_counter()
    officer.call("union.campaign", "action_launch", [campaign_id])
    request_seconds = time.perf_counter() - start
    # A launch larger than one request's batch goes on in the background job: wait until nothing remains.
    while officer.call("union.campaign", "read", [campaign_id], ["launch_remaining"])[0]["launch_remaining"]:
        if time.perf_counter() - start > 3600:
            raise TimeoutError("the plan still has reports to create after an hour")
        time.sleep(2)
    seconds = time.perf_counter() - start
    reports = officer.call("union.unit.report", "search_count", [("campaign_id", "=", campaign_id)])
    expected = n * len(PHASES)
    return {
        "ok": reports == expected,
        "seconds": round(seconds, 2),
        "request_seconds": round(request_seconds, 2),
        "reports": reports,
        "expected_reports": expected,
    }


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def machine_info(pg_version, commit=None):
    cpu = platform.processor() or platform.machine()
    memory = None
    with contextlib.suppress(OSError):
        with open("/proc/cpuinfo") as info:
            cpu = next((ln.split(":", 1)[1].strip() for ln in info if ln.startswith("model name")), cpu)
        with open("/proc/meminfo") as info:
            memory = next((int(ln.split()[1]) // 1024 for ln in info if ln.startswith("MemTotal")), None)
    root = Path(__file__).resolve().parent.parent
    if not commit:
        describe = ["git", "-C", str(root), "describe", "--always", "--dirty"]
        commit = subprocess.run(describe, capture_output=True, text=True, check=False).stdout.strip()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_mb": memory,
        "postgresql": pg_version,
        "python": platform.python_version(),
        "os": platform.platform(),
        "commit": commit,
    }
