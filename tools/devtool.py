#!/usr/bin/env python3
# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Bootstrap, run and test union_campaign against a real Odoo 18 tree.

Called by the Makefile (`make run`, `make test`, `make lint`, `make bench`, ...).
Starts with the standard library only: it builds (once) a virtualenv cached
outside the clone, keyed by the requirements, then re-executes itself inside it.
What maintained tools do is theirs: pre-commit runs the linters (.pre-commit-config.yaml);
tools/odoo_env.py hands PostgreSQL to Debian's pg_virtualenv when no server answers,
Odoo's log to OCA's checklog-odoo and the translations to click-odoo-makepot.
"""

import argparse
import datetime
import fcntl
import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

from odoo_env import (
    CACHE,
    MODULE,
    ODOO_SRC,
    QUIET,
    ROOT,
    Postgres,
    addons_path,
    checklog,
    die,
    free_port,
    install_without_demo_cmd,
    makepot,
    odoo_cmd,
    odoo_suite,
    run,
    say,
)

ODOO_GIT = "https://github.com/odoo/odoo.git"
# Bump when the way the environment is built changes, so caches are rebuilt.
BOOTSTRAP_REVISION = "4"
# Some of Odoo 18's pinned requirements (cbor2, ...) only build with pkg_resources.
BUILD_CONSTRAINTS = "setuptools<81\n"
DEMO_LOGINS = [
    ("admin", "admin", "Administrator"),
    ("uc_manager", "uc_manager", "Manager: approves plans and gives final approval to unit reports"),
    ("uc_officer", "uc_officer", "Federation officer: prepares plans, reviews unit reports"),
    ("uc_reporter", "uc_reporter", "Unit reporter for the four schools"),
    ("uc_reporter2", "uc_reporter2", "Unit reporter for the four agencies"),
    ("uc_reporter3", "uc_reporter3", "Unit reporter for the four enterprises"),
]


# ---------------------------------------------------------------------------
# Odoo source tree
# ---------------------------------------------------------------------------
def odoo_tree_ok(path):
    return all((path / p).exists() for p in ("odoo-bin", "odoo", "addons", "requirements.txt"))


def ensure_odoo():
    if odoo_tree_ok(ODOO_SRC):
        return
    say(f"No Odoo 18.0 tree at {ODOO_SRC}; trying to clone the official 18.0 branch from {ODOO_GIT} ...")
    try:
        ODOO_SRC.parent.mkdir(parents=True, exist_ok=True)
        clone = ["git", "clone", "--depth", "1", "--branch", "18.0", ODOO_GIT, ODOO_SRC]
        run(clone, timeout=3600, env={**os.environ, "GIT_TERMINAL_PROMPT": "0"})
    except (OSError, subprocess.SubprocessError) as exc:
        say(f"Cloning failed: {exc}")
    if not odoo_tree_ok(ODOO_SRC):
        die(
            f"Odoo 18.0 Community source not found at {ODOO_SRC} and it could not be downloaded: "
            "put an Odoo 18.0 tree there (odoo-bin, odoo/, addons/, requirements.txt) or set ODOO_SRC to one."
        )


# ---------------------------------------------------------------------------
# Virtualenv, cached outside the clone and keyed by what goes into it
# ---------------------------------------------------------------------------
def venv_dir():
    digest = hashlib.sha256()
    # The Odoo tree's path too: the virtualenv imports `odoo` from it (click-odoo needs that).
    for part in (BOOTSTRAP_REVISION, sys.version, BUILD_CONSTRAINTS, str(ODOO_SRC)):
        digest.update(part.encode())
    for req in (ODOO_SRC / "requirements.txt", ROOT / "requirements.txt", ROOT / "requirements-oca.txt"):
        digest.update(req.read_bytes())
    tag = f"py{sys.version_info.major}{sys.version_info.minor}"
    return CACHE / f"venv-{tag}-{digest.hexdigest()[:12]}"


def ensure_venv():
    venv = venv_dir()
    ready = venv / ".ready"
    if ready.exists():
        return venv
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / "venv.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if ready.exists():
            return venv
        say(f"Building the Python environment in {venv} (once; a few minutes) ...")
        shutil.rmtree(venv, ignore_errors=True)
        run([sys.executable, "-m", "venv", venv])
        constraints = venv / "build-constraints.txt"
        constraints.write_text(BUILD_CONSTRAINTS)
        env = dict(os.environ)
        # Older pip applies PIP_CONSTRAINT to isolated builds, pip >= 25.3 needs PIP_BUILD_CONSTRAINT.
        env.update(PIP_CONSTRAINT=str(constraints), PIP_BUILD_CONSTRAINT=str(constraints))
        env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
        pip = [venv / "bin" / "python", "-m", "pip", "install", "--quiet"]
        run([*pip, "--upgrade", "pip", "setuptools<81", "wheel"], env=env)
        run([*pip, "-r", ODOO_SRC / "requirements.txt", "-r", ROOT / "requirements.txt"], env=env)
        run([*pip, "--no-deps", "-r", ROOT / "requirements-oca.txt"], env=env)
        # Odoo is not a pip distribution here: its tree goes on the path, as `pip install -e` would put it.
        site = venv / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages"
        (site / "odoo-src.pth").write_text(f"{ODOO_SRC}\n")
        ready.write_text(datetime.datetime.now().isoformat())
        prune_old_venvs(keep=venv)
    return venv


def prune_old_venvs(keep):
    for old in CACHE.glob("venv-*"):
        if old != keep and old.is_dir() and (time.time() - old.stat().st_mtime) > 14 * 86400:
            shutil.rmtree(old, ignore_errors=True)


def in_venv():
    return os.environ.get("UC_IN_VENV") == str(venv_dir())


def reexec_in_venv(argv):
    venv = ensure_venv()
    env = dict(os.environ, UC_IN_VENV=str(venv), ODOO_SRC=str(ODOO_SRC))
    python = str(venv / "bin" / "python")
    os.execve(python, [python, __file__, *argv], env)


# ---------------------------------------------------------------------------
# make run
# ---------------------------------------------------------------------------
def cmd_run(args):
    pg = Postgres().ensure()
    dbname = args.db
    if args.reset:
        pg.drop(dbname)
    if not pg.database_ready(dbname):
        say(f"Creating database {dbname} with {MODULE} and its demo data (once) ...")
        pg.drop(dbname)
        run(odoo_cmd(pg, dbname, "-i", MODULE, "--load-language", "vi_VN", *QUIET))
    elif args.update:
        run(odoo_cmd(pg, dbname, "-u", MODULE, *QUIET))
    # A development server listens on this machine only, unless UC_HTTP_INTERFACE says otherwise (0.0.0.0).
    interface = os.environ.get("UC_HTTP_INTERFACE") or "127.0.0.1"
    url = f"http://{'localhost' if interface == '127.0.0.1' else interface}:{args.port}"
    say(f"Odoo is starting on {url}  (database {dbname}; Ctrl-C stops it)")
    for login, password, role in DEMO_LOGINS:
        say(f"  {login:<13} / {password:<13} {role}")
    server = odoo_cmd(pg, dbname, "--http-interface", interface, "--http-port", str(args.port))
    proc = subprocess.Popen([str(c) for c in server])
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.send_signal(signal.SIGINT)
        return proc.wait()


# ---------------------------------------------------------------------------
# make lint: pre-commit's hooks, see .pre-commit-config.yaml
# ---------------------------------------------------------------------------
def cmd_lint(_args=None):
    env = dict(os.environ, PRE_COMMIT_HOME=str(CACHE / "pre-commit"))
    cmd = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]
    failed = subprocess.run(cmd, cwd=ROOT, env=env, check=False).returncode
    say("lint FAILED (see above)" if failed else "lint clean")
    return 1 if failed else 0


# ---------------------------------------------------------------------------
# make test
# ---------------------------------------------------------------------------
def i18n_check(pg, dbname):
    """Every term the installed module shows is translated in i18n/vi_VN.po (the users read Vietnamese): the
    export and merge of `make i18n`, into a copy of the module's i18n folder."""
    scratch = CACHE / "logs" / f"{dbname}-i18n"
    shutil.copytree(ROOT / MODULE / "i18n", scratch / MODULE / "i18n", dirs_exist_ok=True)
    shutil.copy(ROOT / MODULE / "__manifest__.py", scratch / MODULE)
    missing = makepot(pg, dbname, scratch)
    if missing:
        say(f"i18n: {len(missing)} term(s) shown by the module have no Vietnamese translation in i18n/vi_VN.po:")
        for entry in missing[:20]:
            print(f"    {entry.msgid[:100]!r}")
        return 0, 1
    say("i18n: every term of the module is translated in vi_VN.po")
    return 1, 0


def pytest_suite(pg, dbname, args):
    junit = CACHE / "logs" / f"{dbname}-pytest.xml"
    env = dict(os.environ)
    env.update(
        UC_ODOO_DB=dbname,
        UC_ODOO_CMD="\x1f".join(str(c) for c in odoo_cmd(pg, dbname)),
        PYTHONDONTWRITEBYTECODE="1",
    )
    cmd = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rs", f"--junitxml={junit}", ROOT / "tests"]
    if args.pytest_k:
        cmd += ["-k", args.pytest_k]
    say("End-to-end tests (pytest, real Odoo server)")
    rc = subprocess.run([str(c) for c in cmd], cwd=ROOT, env=env, check=False).returncode
    if not junit.exists():
        say(f"pytest produced no report (exit status {rc})")
        return 0, 1
    suite = ET.parse(junit).getroot()
    suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
    tests, failures, errors, skipped = (int(suite.get(k, 0)) for k in ("tests", "failures", "errors", "skipped"))
    if skipped:
        say(f"UNEXPECTED SKIP: {skipped} end-to-end test(s) skipped (see the -rs summary above)")
    failed = failures + errors + skipped
    if rc and not failed:
        failed = 1
    return tests - failures - errors - skipped, failed


def cmd_test(args):
    pg = Postgres().ensure()  # first: without a server, the whole command starts again in pg_virtualenv
    lint_failed = 0 if args.no_lint else cmd_lint()
    dbname = f"uc_test_{datetime.datetime.now():%Y%m%d_%H%M%S}_{os.getpid()}"
    pg.drop(dbname)
    passed = failed = 0
    try:
        if not args.e2e_only:
            p, f = odoo_suite(pg, dbname, args.tags or f"/{MODULE}")
            passed, failed = passed + p, failed + f
            if not args.tags:
                p, f = i18n_check(pg, dbname)
                passed, failed = passed + p, failed + f
        else:
            run(odoo_cmd(pg, dbname, "-i", MODULE, "--load-language", "vi_VN", "--max-cron-threads", "0", *QUIET))
        if not args.odoo_only:
            p, f = pytest_suite(pg, dbname, args)
            passed, failed = passed + p, failed + f
    finally:
        if os.environ.get("UC_KEEP_DB"):
            say(f"Keeping database {dbname} (UC_KEEP_DB is set)")
        else:
            pg.drop(dbname)
            shutil.rmtree(CACHE / "data" / "filestore" / dbname, ignore_errors=True)
    if lint_failed:
        say("lint is not clean (see above): counted as 1 failure")
    failed += lint_failed
    print(f"{passed} passed, {failed} failed", flush=True)
    return 1 if failed or not passed else 0


# ---------------------------------------------------------------------------
# make bench
# ---------------------------------------------------------------------------
def cmd_bench(args):
    pg = Postgres().ensure()
    dbname = f"uc_bench_{os.getpid()}"
    pg.drop(dbname)
    # The run measures one version of the addon, whatever is edited while it runs: a copy of the working tree
    # taken now, or the committed revision --rev (REV=HEAD: the last commit, even with a half-done change).
    snapshot = CACHE / "bench-src" / dbname
    shutil.rmtree(snapshot, ignore_errors=True)
    snapshot.mkdir(parents=True)
    if args.rev:
        git = ["git", "-C", ROOT]
        commit = subprocess.run([*git, "rev-parse", "--short", args.rev], capture_output=True, text=True, check=True)
        run([*git, "archive", "--output", snapshot / "src.tar", args.rev, MODULE])
        shutil.unpack_archive(snapshot / "src.tar", snapshot)
        label = commit.stdout.strip()
    else:
        shutil.copytree(ROOT / MODULE, snapshot / MODULE, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        label = ""
    paths = ",".join(str(snapshot) if path == str(ROOT) else path for path in addons_path().split(","))
    try:
        say(f"Benchmark ({args.sizes} units): installing {MODULE} without demo data in {dbname}")
        install = install_without_demo_cmd(pg, dbname)
        install[install.index("--addons-path") + 1] = paths
        run(install)
        # bench/bench.py copies this database for each size and step, and writes bench/RESULTS.md and results.json.
        cmd = [sys.executable, ROOT / "bench" / "bench.py", "run", "--template", dbname, "--sizes", args.sizes]
        cmd += ["--odoo-src", ODOO_SRC, "--addons-path", paths, "--data-dir", CACHE / "data"]
        cmd += ["--log-dir", CACHE / "logs", "--out", ROOT / "bench", *pg.odoo_args()]
        cmd += ["--commit", label] if label else []
        return subprocess.run([str(c) for c in cmd], check=False).returncode
    finally:
        pg.drop(dbname)
        shutil.rmtree(CACHE / "data" / "filestore" / dbname, ignore_errors=True)
        shutil.rmtree(snapshot, ignore_errors=True)


# ---------------------------------------------------------------------------
# make load
# ---------------------------------------------------------------------------
def cmd_load(args):
    """Concurrent JSON-RPC clients against `odoo-bin --workers=2` on a fresh database (tests/load.py)."""
    pg = Postgres().ensure()
    dbname = f"uc_load_{os.getpid()}"
    log_path = CACHE / "logs" / f"{dbname}-server.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    pg.drop(dbname)
    server = None
    try:
        say(f"Load test: installing {MODULE} without demo data in {dbname}")
        run(install_without_demo_cmd(pg, dbname))
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        server_cmd = odoo_cmd(pg, dbname, "--workers=2", "--http-interface", "127.0.0.1", "--http-port", str(port))
        server_cmd += ["--gevent-port", str(free_port()), "--max-cron-threads", "0", "--log-level", "warn"]
        say(f"Starting odoo-bin --workers=2 on {url} (log: {log_path})")
        with open(log_path, "w") as log:
            server = subprocess.Popen([str(c) for c in server_cmd], stdout=log, stderr=subprocess.STDOUT)
        sys.path.insert(0, str(ROOT / "tests"))
        from odoo_rpc import wait_until_up  # the tests' RPC client, shared with tests/load.py

        if not wait_until_up(url, server, timeout=120):
            die(f"Odoo did not start on {url}; see {log_path}", code=1)
        with pg.connect(dbname) as conn, conn.cursor() as cr:
            cr.execute("SHOW server_version")
            pg_version = cr.fetchone()[0].split()[0]
        conn.close()
        command = f"make load LOAD_CLIENTS={args.clients} LOAD_REPORTS={args.reports} LOAD_SECONDS={args.seconds}"
        load_cmd = [sys.executable, ROOT / "tests" / "load.py", "--url", url, "--db", dbname]
        load_cmd += ["--clients", args.clients, "--reports", args.reports, "--seconds", args.seconds]
        load_cmd += ["--markdown", ROOT / "bench" / "LOAD.md", "--pg-version", pg_version, "--command", command]
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        rc = subprocess.run([str(c) for c in load_cmd], env=env, check=False, timeout=args.seconds + 600).returncode
        # odoo.sql_db logs every concurrency error as "bad query" before the RPC layer retries: ignored by
        # tests/checklog-load.cfg, counted here. A log without a record (no warning at all) is fine.
        log_failed, report = checklog(log_path, ROOT / "tests" / "checklog-load.cfg", "--no-err-if-empty")
        ignored, _, failing = report.partition("errors that caused failure")
        retried = ignored.count("odoo.sql_db: bad query")
        errors = int(re.match(r" \((\d+)\)", failing).group(1)) if failing else int(bool(log_failed))
        if failing:
            print(f"errors that caused failure{failing[:3000]}")
        say(f"server log: {retried} concurrency error(s) retried by Odoo, {errors} other error record(s) ({log_path})")
        with open(ROOT / "bench" / "LOAD.md", "a") as result:
            result.write(
                f"\nServer log: {retried} concurrency errors (row locked, serialization) logged by `odoo.sql_db` "
                f"as `bad query` and retried by Odoo's RPC layer; {errors} other ERROR records (checklog-odoo).\n"
            )
        if log_failed:
            rc = rc or 1
        say(f"Load test {'passed' if not rc else 'FAILED'} (result in bench/LOAD.md, server log {log_path})")
        return rc
    finally:
        if server and server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        pg.drop(dbname)
        shutil.rmtree(CACHE / "data" / "filestore" / dbname, ignore_errors=True)


def cmd_i18n(_args):
    """Refresh i18n/union_campaign.pot and merge new terms into i18n/vi_VN.po (translations kept)."""
    pg = Postgres().ensure()
    dbname = f"uc_i18n_{os.getpid()}"
    pg.drop(dbname)
    try:
        run(install_without_demo_cmd(pg, dbname))
        todo = makepot(pg, dbname, ROOT)
    finally:
        pg.drop(dbname)
    say(f"i18n: {len(todo)} term(s) to translate in i18n/vi_VN.po")
    for entry in todo:
        print(f"    {entry.msgid[:100]!r}")
    return 0


SHOT_TOURS = (
    "/union_campaign:TestDailyDesktop,/union_campaign:TestDailyPhone,/union_campaign:TestCascadeTour,"
    "/union_campaign:TestPortalPhone,/union_campaign:TestTablesDesktop,/union_campaign:TestTablesPhone"
)


def cmd_screenshots(args):
    """The README's pictures, taken along the daily tours (desktop 1440x900, phone 390x844) in a fresh database:
    each "shot" step of union_campaign_daily_tours.js saves docs/images/<name>.png."""
    pg = Postgres().ensure()
    dbname = f"uc_shots_{os.getpid()}"
    pg.drop(dbname)
    os.environ["UC_SCREENSHOTS_DIR"] = str(ROOT / "docs" / "images")
    try:
        passed, failed = odoo_suite(pg, dbname, SHOT_TOURS)
    finally:
        pg.drop(dbname)
        shutil.rmtree(CACHE / "data" / "filestore" / dbname, ignore_errors=True)
    say(f"screenshots: {passed} tours passed, {failed} failed; pictures in docs/images/")
    return 1 if failed or not passed else 0


def cmd_bootstrap(_args):
    return 0  # the environment is built before any command runs


def main(argv):
    parser = argparse.ArgumentParser(prog="devtool", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p_run = sub.add_parser("run", help="serve the demo database")
    p_run.add_argument("--port", type=int, default=int(os.environ.get("PORT") or 8069))
    p_run.add_argument("--db", default=os.environ.get("UC_DB") or "union_campaign_demo")
    p_run.add_argument("--reset", action="store_true", help="drop and recreate the demo database")
    p_run.add_argument("--update", action="store_true", help="update the module before serving")
    p_test = sub.add_parser("test", help="lint, Odoo tests and end-to-end tests in a fresh database")
    p_test.add_argument("--tags", default=os.environ.get("TAGS"), help="Odoo --test-tags (default /union_campaign)")
    p_test.add_argument("-k", dest="pytest_k", default=os.environ.get("K"), help="pytest -k expression")
    p_test.add_argument("--odoo-only", action="store_true")
    p_test.add_argument("--e2e-only", action="store_true")
    p_test.add_argument("--no-lint", action="store_true")
    sub.add_parser("lint", help="pre-commit's hooks: ruff, pylint-odoo, OCA checks, XML, seed copy, test imports")
    p_bench = sub.add_parser("bench", help="bulk paths side by side with the naive way and raw SQL, per size")
    p_bench.add_argument(
        "--sizes", default=os.environ.get("SIZES") or "100,1000,5000,10000", help="units, e.g. 100,1000"
    )
    p_bench.add_argument("--rev", default=os.environ.get("REV"), help="bench this commit, not the working tree")
    p_load = sub.add_parser("load", help="concurrent JSON-RPC clients on odoo-bin --workers=2, then consistency checks")
    p_load.add_argument("--clients", type=int, default=int(os.environ.get("LOAD_CLIENTS") or 20))
    p_load.add_argument("--reports", type=int, default=int(os.environ.get("LOAD_REPORTS") or 1000))
    p_load.add_argument("--seconds", type=int, default=int(os.environ.get("LOAD_SECONDS") or 240), help="time bound")
    sub.add_parser("bootstrap", help="only build the cached environment")
    sub.add_parser("i18n", help="refresh the .pot and merge new terms into vi_VN.po")
    sub.add_parser("screenshots", help="README pictures along the daily tours, in a fresh database")
    args = parser.parse_args(argv)

    ensure_odoo()
    if not in_venv():
        reexec_in_venv(argv)
    return globals()[f"cmd_{args.command}"](args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
