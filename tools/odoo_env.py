# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the commands of tools/devtool.py share: the PostgreSQL server they use, odoo-bin's command line, and the
maintained tools that read Odoo's log (checklog-odoo) and export its translations (click-odoo-makepot).

Standard library only at import time: devtool.py imports it before its virtualenv exists.
"""

import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULE = "union_campaign"
ODOO_SRC = Path(os.environ.get("ODOO_SRC") or "/opt/odoo/18.0")
CACHE = Path(
    os.environ.get("UC_CACHE_DIR") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / MODULE
)
BIN = Path(sys.executable).parent  # the virtualenv's scripts, once devtool.py runs inside it
QUIET = ("--stop-after-init", "--log-level", "warn")
# Odoo's log line for a whole run: "0 failed, 0 error(s) of 123 tests ..."
ODOO_RESULT_RE = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests")
ODOO_SKIP_RE = re.compile(r" INFO \S+ (\S+): skipped (.*)")


def say(msg):
    print(f"[union_campaign] {msg}", flush=True)


def die(msg, code=2):
    print(f"[union_campaign] ERROR: {msg}", file=sys.stderr, flush=True)
    sys.exit(code)


def run(cmd, **kw):
    return subprocess.run([str(c) for c in cmd], check=True, **kw)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---------------------------------------------------------------------------
# PostgreSQL: $PG* settings, the local server, or a throw-away cluster
# ---------------------------------------------------------------------------
class Postgres:
    def __init__(self):
        self.host = self.port = self.user = None

    def settings(self):
        """Odoo's names for the connection settings that are set."""
        return {k: v for k, v in (("db_host", self.host), ("db_port", self.port), ("db_user", self.user)) if v}

    def odoo_args(self):
        return [arg for key, value in self.settings().items() for arg in (f"--{key}", str(value))]

    def connect(self, dbname="postgres"):
        import psycopg2

        kw = {"dbname": dbname, "connect_timeout": 5}
        kw.update({k: v for k, v in (("host", self.host), ("port", self.port), ("user", self.user)) if v})
        return psycopg2.connect(**kw)

    def _answers(self):
        try:
            self.connect().close()
            return True
        except Exception:  # noqa: BLE001 - any failure means "not this server"
            return False

    def ensure(self):
        # $PGHOST is the user's, or the throw-away cluster's when pg_virtualenv runs this command.
        if os.environ.get("PGHOST"):
            self.host = os.environ["PGHOST"]
            self.port = os.environ.get("PGPORT")
            self.user = os.environ.get("PGUSER") or _os_user()
            if not self._answers():
                die(f"PostgreSQL at PGHOST={self.host} PGPORT={self.port} does not answer for user {self.user}.")
            return self
        if not os.environ.get("UC_PG_VIRTUALENV"):
            users = [os.environ.get("PGUSER"), os.environ.get("USER"), _os_user(), "odoo"]
            users = [u for i, u in enumerate(users) if u and u != "postgres" and u not in users[:i]]
            for host in ("127.0.0.1", None):  # TCP first, then the default Unix socket
                for user in users:
                    self.host, self.port, self.user = host, os.environ.get("PGPORT") or 5432, user
                    if self._answers():
                        return self
        return rerun_in_pg_virtualenv()

    def database_ready(self, dbname):
        """True when `dbname` exists with the module installed."""
        try:
            conn = self.connect(dbname)
        except Exception:  # noqa: BLE001 - missing database
            return False
        with conn, conn.cursor() as cr:
            cr.execute("SELECT state FROM ir_module_module WHERE name = %s", [MODULE])
            row = cr.fetchone()
        conn.close()
        return bool(row and row[0] == "installed")

    def drop(self, dbname):
        conn = self.connect()
        conn.autocommit = True
        with conn.cursor() as cr:
            cr.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
        conn.close()


def _os_user():
    return pwd.getpwuid(os.geteuid()).pw_name


def rerun_in_pg_virtualenv():
    """Run this very command again inside Debian's pg_virtualenv, a cluster created for it and dropped after it,
    and exit with its status."""
    if not shutil.which("pg_virtualenv"):
        die("No PostgreSQL server answers, and Debian's pg_virtualenv (postgresql-common) is not there to start one.")
    log = CACHE / "logs" / "pg_virtualenv.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    say(f"Running in a throw-away PostgreSQL cluster (pg_virtualenv; its own messages in {log})")
    # The command writes to our output through duplicated descriptors, pg_virtualenv's own messages (and the
    # server log it prints when the command fails) go to its log: "N passed, N failed" stays the last line.
    # -t keeps the cluster in a temporary directory even as root; USER=odoo names its superuser (Odoo refuses
    # "postgres"), then the command gets the OS user's name back in USER.
    out, err = os.dup(1), os.dup(2)
    inner = ["bash", "-c", f'exec "$@" >&{out} 2>&{err}', "bash", "env", f"USER={_os_user()}", sys.executable]
    # Ctrl-C reaches the command itself; pg_virtualenv must outlive it to drop the cluster.
    signal.signal(signal.SIGINT, lambda *_: None)
    with open(log, "w") as chatter:
        cmd = ["env", "USER=odoo", "pg_virtualenv", "-t", *inner, *sys.argv]
        proc = subprocess.Popen(cmd, stdout=chatter, stderr=subprocess.STDOUT, pass_fds=(out, err))
    sys.exit(proc.wait())


# ---------------------------------------------------------------------------
# Odoo: its command line, its log, its translations, its tests
# ---------------------------------------------------------------------------
def addons_path():
    paths = [ODOO_SRC / "addons", ROOT]
    site = Path(sys.prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages"
    if (site / "odoo" / "addons").is_dir():  # OCA wheels land there
        paths.append(site / "odoo" / "addons")
    return ",".join(str(p) for p in paths)


def odoo_cmd(pg, dbname, *extra):
    # --unaccent: a new database gets PostgreSQL's unaccent, so that "cau giay" finds "Cầu Giấy" (Odoo uses it
    # wherever the function exists).
    settings = ("--addons-path", addons_path(), "--data-dir", CACHE / "data", "--unaccent", *pg.odoo_args())
    one_database = ("-d", dbname, "--db-filter", f"^{re.escape(dbname)}$", "--no-database-list")
    return [sys.executable, ODOO_SRC / "odoo-bin", *settings, *one_database, *extra]


def install_without_demo_cmd(pg, dbname):
    """odoo-bin installing the module without demo data and stopping (make bench, make load, make i18n)."""
    return odoo_cmd(pg, dbname, "-i", MODULE, "--without-demo", "all", "--max-cron-threads", "0", *QUIET)


def checklog(log_path, config, *options):
    """OCA's checklog-odoo on an Odoo log: (exit status, its report). It fails on every record above INFO
    except those the configuration file's regular expressions ignore."""
    cmd = [BIN / "checklog-odoo", "--no-echo", "--config", config, *options, log_path]
    proc = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, check=False)
    return proc.returncode, proc.stdout + proc.stderr


def makepot(pg, dbname, addons_dir):
    """click-odoo-makepot: the module's terms in `dbname` exported to addons_dir's .pot and merged into its .po
    files (msgmerge, no fuzzy guesses, obsolete terms dropped). Returns the untranslated entries of vi_VN.po."""
    import polib

    conf = CACHE / "logs" / f"{dbname}.conf"  # click-odoo reads Odoo's settings from a configuration file only
    conf.parent.mkdir(parents=True, exist_ok=True)
    settings = {"addons_path": addons_path(), "data_dir": CACHE / "data", **pg.settings()}
    conf.write_text("[options]\n" + "".join(f"{key} = {value}\n" for key, value in settings.items()))
    cmd = [BIN / "click-odoo-makepot", "-c", conf, "-d", dbname, "--addons-dir", addons_dir, "--modules", MODULE]
    cmd += ["--msgmerge", "--no-fuzzy-matching", "--purge-old-translations"]
    # Its output (Odoo's warnings while it reads the sources) goes to a log; VERSION_CONTROL=off: msgmerge leaves
    # no vi_VN.po~ backup behind.
    log_path = CACHE / "logs" / f"{dbname}-makepot.log"
    with open(log_path, "w") as log:
        env = dict(os.environ, VERSION_CONTROL="off")
        if subprocess.run([str(c) for c in cmd], stdout=log, stderr=subprocess.STDOUT, env=env, check=False).returncode:
            die(f"click-odoo-makepot failed (log: {log_path})", code=1)
    return polib.pofile(str(addons_dir / MODULE / "i18n" / "vi_VN.po")).untranslated_entries()


def odoo_suite(pg, dbname, tags):
    """Install the module in a fresh database and run the Odoo tests of `tags` (make test, make screenshots):
    (passed, failed), where a skipped test, an error record in the log and a run that reports nothing fail."""
    log_path = CACHE / "logs" / f"{dbname}-odoo.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    cmd = odoo_cmd(pg, dbname, "-i", MODULE, "--load-language", "vi_VN", "--test-enable", "--test-tags", tags)
    cmd += ["--http-port", str(free_port()), "--stop-after-init", "--log-level", "test", "--max-cron-threads", "0"]
    say(f"Odoo tests: installing {MODULE} in a fresh database {dbname} and running tags {tags} (log: {log_path})")
    with open(log_path, "w") as log:
        rc = subprocess.run([str(c) for c in cmd], stdout=log, stderr=subprocess.STDOUT, check=False).returncode
    text = log_path.read_text()
    print("".join(line for line in text.splitlines(True) if ODOO_RESULT_RE.search(line)), end="")
    totals = [tuple(map(int, m)) for m in ODOO_RESULT_RE.findall(text)]
    failed = sum(t[0] + t[1] for t in totals)
    ran = sum(t[2] for t in totals)
    skips = ODOO_SKIP_RE.findall(text)
    # Any ERROR or CRITICAL record fails the run, also outside a test (install, data files): checklog-odoo.cfg.
    log_failed, report = checklog(log_path, ROOT / "checklog-odoo.cfg")
    print(report, end="")
    problems = {
        f"odoo-bin exited with status {rc}": rc,
        "Odoo reported no test results at all": not totals,
        "checklog-odoo found error records in the log": log_failed and not failed,
    }
    problems = [problem for problem, found in problems.items() if found]
    for module, reason in skips:
        say(f"UNEXPECTED SKIP in {module}: {reason}")
    passed = ran - failed - len(skips)
    extra_failed = len(skips) + (1 if problems and not failed else 0)
    for problem in problems:
        say(f"Odoo suite problem: {problem} (log: {log_path})")
    return passed, failed + extra_failed
