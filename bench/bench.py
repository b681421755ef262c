#!/usr/bin/env python3
# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""`make bench`: union_campaign's bulk paths side by side with the naive way and the raw-SQL floor.

Started by `tools/devtool.py bench`, which installs the addon without demo data in a template database.
For each size (units), this script copies the template, creates the data (units, reporters, officers,
managers, an approved plan of 3 phases x 4 unit items + 1 federation task), then runs each step in its
own process on its own copy of the database, so that each step's peak RSS is its own and each repetition
starts from the same data:

    launch        plan launched to every unit: 3 reports, 12 lines and 3 activities per unit
    cron          the daily jobs: reminder digests, escalation of late units, phase status
    cron_again    the same jobs again on the same day (must write nothing)
    mass_submit   half of one phase's reports submitted in one call (lines filled beforehand)
    mass_approve  those approved in one call by another officer
    xlsx          the plan's consolidated results (XLSX)
    results_html  the plan's consolidated results (QWeb HTML)

"ours" is the addon's code; "naive" the obvious per-record code, written here (100 and 1,000 units);
"raw_sql" inserts the launch's rows with execute_values, the floor. Writes bench/results.json and
bench/RESULTS.md; the goals are reported, never asserted.

    bench.py run --template DB --sizes 100,1000 --odoo-src ... --addons-path ... --data-dir ... [--db_host ...]
    bench.py step --db DB --n 100 --op launch --impl ours ...   (one step; prints a BENCH-RESULT line)
"""
# ruff: noqa: PLC0415 - odoo is importable only once the Odoo tree is on sys.path, in the step processes

import argparse
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
import urllib.request
from collections import Counter
from pathlib import Path

OPS = ("rollup", "rollup_xlsx", "launch", "cron", "cron_again", "mass_submit", "mass_approve", "xlsx", "results_html")
OP_TITLES = {
    "rollup": "National roll-up (`get_rollup` on the top plan): 34 provinces, a commune per 38 grassroots units, every"
    " unit's approved report with 2 lines, written by SQL (units below are grassroots units)",
    "rollup_xlsx": "Results across levels as XLSX (constant memory), every line of the chain",
    "launch": "Launch: 3 reports, 12 lines, 3 activities per unit",
    "cron": "Daily jobs: reminder digests (phase 2 due in 3 days), escalation (phase 1 late 5 days), phase status",
    "cron_again": "Daily jobs run again the same day (idempotent: nothing to write)",
    "mass_submit": "Mass submit: half of phase 2's reports in one call, by an officer",
    "mass_approve": "Mass approve: those reports in one call, by another officer",
    "xlsx": "Consolidated results, XLSX",
    "results_html": "Consolidated results, QWeb HTML",
}
IMPLS = ("ours", "naive", "raw_sql")
DEFAULT_SIZES = "100,1000,5000,10000"
NAIVE_SIZES = (100, 1000)
UNITS_PER_REPORTER = 10
# Steps that change the data run up to 3 times, each on a fresh copy, up to this size...
REPEAT_MAX_UNITS = 1000
# ... unless one run takes longer than this (seconds).
REPEAT_BUDGET = 60
REPEATS = 3
PLAN_REFERENCE = "1/KH-BENCH"
OFFICER_PASSWORD = "bench"  # only for the --workers=2 check, on a throw-away database
TZ = "Asia/Ho_Chi_Minh"
# Phases in days from today (start, end, report deadline): late by 5 days, due in 3 days, upcoming.
PHASES = ((-40, -10, -5), (-9, 1, 3), (2, 60, 65))
ITEMS_PER_PHASE = 4
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
WRITE_RE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([A-Za-z0-9_]+)', re.IGNORECASE)
VERB_RE = re.compile(r"\s*(\w+)")
FROM_RE = re.compile(r'\bFROM\s+"?([A-Za-z0-9_]+)', re.IGNORECASE)
# Odoo's default worker limits (odoo/tools/config.py), for the --workers=2 check.
LIMIT_TIME_CPU, LIMIT_TIME_REAL, LIMIT_MEMORY_HARD_MB = 60, 120, 2560
GIB_MB = 1024


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
# Step processes: one step of one size, on one database
# ===========================================================================
class Meter:
    """Count the SQL queries of this thread (every cursor): all, those that write, and per kind ("SELECT table")."""

    def __init__(self):
        self.reset()
        thread = threading.current_thread()
        thread.query_hooks = [*getattr(thread, "query_hooks", ()), self._hook]

    def _hook(self, _cr, query, _params, _start, _delay):
        self.queries += 1
        head = query[:3000].decode(errors="replace") if isinstance(query, bytes) else query[:3000]
        match = WRITE_RE.match(head)
        if match:
            self.writes[match.group(1)] += 1
            self.kinds[f"{head.split(None, 1)[0].upper()} {match.group(1)}"] += 1
            return
        verb = VERB_RE.match(head)
        table = FROM_RE.search(head)
        self.kinds[f"{verb.group(1).upper() if verb else '?'} {table.group(1) if table else ''}".strip()] += 1

    def reset(self):
        self.queries = 0
        self.writes = Counter()
        self.kinds = Counter()

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


class Bench:
    """The bench's records in a database: users, plan, phases."""

    def __init__(self, env):
        self.env = env
        users = env["res.users"].search([("login", "like", "bench_%")])
        by_login = {user.login: user for user in users}
        self.officer = by_login.get("bench_officer")
        self.officer_2 = by_login.get("bench_officer_2")
        self.manager = by_login.get("bench_manager_1")
        self.campaign = env["union.campaign"].search([("reference", "=", PLAN_REFERENCE)], limit=1)
        self.phases = self.campaign.phase_ids.sorted("sequence")

    def local_today(self):
        from odoo.addons.union_campaign.tools import local_today

        return local_today(self.env, self.officer)


# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------
# A unit type, by preference, when types are records (`unit_type_id`): codes tried in turn, else created.
UNIT_TYPE_CODES = {
    "federation": ("federation", "district", "province", "central"),
    "agency": ("agency",),
    "enterprise": ("enterprise",),
    "school": ("school",),
}


def unit_type_vals(env):
    """Return kind -> values giving a unit that type: the `unit_type` selection, or a `unit_type_id` record.

    The only place that knows how a unit's type is stored.
    """
    Unit = env["union.unit"]
    field = Unit._fields.get("unit_type_id")
    if field is None or field.type != "many2one":
        return {kind: {"unit_type": kind} for kind in UNIT_TYPE_CODES}
    Type = env[field.comodel_name].with_context(active_test=False)

    def find_or_create(kind):
        for code in UNIT_TYPE_CODES[kind]:
            record = env.ref(f"union_campaign.unit_type_{code}", raise_if_not_found=False)
            if not record and "code" in Type._fields:
                record = Type.search([("code", "=", code)], limit=1)
            if record:
                return record
        vals = {"name": f"Bench {kind}"}
        if "code" in Type._fields:
            vals["code"] = f"bench_{kind}"
        return Type.create(vals)

    return {kind: {"unit_type_id": find_or_create(kind).id} for kind in UNIT_TYPE_CODES}


def create_units(env, n, reporters):
    """Create the federation and its n grassroots units, each chaired by one of the reporters."""
    types = unit_type_vals(env)
    Unit = env["union.unit"].with_context(tracking_disable=True)
    federation = Unit.create({"name": "Bench Federation", **types["federation"]})
    kinds = ("agency", "enterprise", "school")
    units = Unit.create(
        [
            {
                "name": f"Bench Unit {i:05d}",
                "parent_id": federation.id,
                "chair_user_id": reporters[i // UNITS_PER_REPORTER % len(reporters)].id,
                **types[kinds[i % 3]],
            }
            for i in range(n)
        ]
    )
    return federation, units


def create_users(env, n):
    from odoo import Command

    base = env.ref("base.group_user") | env.ref("union_campaign.group_user")
    officer_groups = base | env.ref("union_campaign.group_officer")
    manager_groups = officer_groups | env.ref("union_campaign.group_manager")
    Users = env["res.users"].with_context(no_reset_password=True, tracking_disable=True)

    def vals(login, name, groups, **extra):
        return {
            "name": name,
            "login": login,
            "email": f"{login}@example.com",
            "tz": TZ,
            "groups_id": [Command.set(groups.ids)],
            **extra,
        }

    staff = Users.create(
        [
            vals("bench_officer", "Bench Officer", officer_groups, password=OFFICER_PASSWORD),
            vals("bench_officer_2", "Bench Officer 2", officer_groups),
            vals("bench_manager_1", "Bench Manager 1", manager_groups),
            vals("bench_manager_2", "Bench Manager 2", manager_groups),
        ]
    )
    reporters = Users.create(
        [vals(f"bench_reporter_{i:04d}", f"Bench Reporter {i}", base) for i in range(max(1, n // UNITS_PER_REPORTER))]
    )
    return staff, reporters


def step_setup(env, n):
    """n units, n/10 reporters, two officers, two managers, an approved plan (3 phases x 4 unit items + 1 task)."""
    from odoo import Command
    from odoo.addons.union_campaign.tools import local_today

    staff, reporters = create_users(env, n)
    officer, _officer_2, manager, _manager_2 = staff
    federation, units = create_units(env, n, reporters)
    today = local_today(env, officer)
    day = datetime.timedelta(days=1)
    phases = []
    for index, (start, end, deadline) in enumerate(PHASES, start=1):
        items = [
            Command.create({"name": f"Item {index}.{i}", "sequence": i, "target_qty": 1})
            for i in range(1, ITEMS_PER_PHASE + 1)
        ]
        if index == 1:
            items.append(Command.create({"name": "Federation task", "scope": "federation", "user_id": officer.id}))
        phases.append(
            Command.create(
                {
                    "name": f"Phase {index}",
                    "sequence": index,
                    "date_start": today + start * day,
                    "date_end": today + end * day,
                    "report_deadline": today + deadline * day,
                    "item_ids": items,
                }
            )
        )
    campaign = env["union.campaign"].create(
        {
            "name": "Bench plan",
            "reference": PLAN_REFERENCE,
            "issuing_unit_id": federation.id,
            "issue_date": today - 45 * day,
            "user_id": officer.id,
            "approver_id": manager.id,
            "review_steps": 1,
            "unit_ids": [Command.set(units.ids)],
            "phase_ids": phases,
        }
    )
    campaign.with_user(officer).action_submit()
    campaign.with_user(manager).action_approve()
    return {"units": len(units), "reporters": len(reporters)}


def align_dates(env, bench):
    """Put the phases back where the crons expect them, relative to today (the data may be a day old)."""
    today = bench.local_today()
    day = datetime.timedelta(days=1)
    cr = env.cr
    for phase, (start, end, deadline) in zip(bench.phases, PHASES, strict=True):
        cr.execute(
            "UPDATE union_campaign_phase SET date_start = %s, date_end = %s, report_deadline = %s"
            " WHERE id = %s AND report_deadline != %s",
            [today + start * day, today + end * day, today + deadline * day, phase.id, today + deadline * day],
        )
    cr.execute(
        "UPDATE union_unit_report r SET date_deadline = p.report_deadline FROM union_campaign_phase p"
        " WHERE r.phase_id = p.id AND r.date_deadline IS DISTINCT FROM p.report_deadline"
    )
    env.invalidate_all()


# ---------------------------------------------------------------------------
# launch
# ---------------------------------------------------------------------------
QUIET = {"mail_create_nolog": True, "mail_create_nosubscribe": True, "tracking_disable": True}


def launch_ours(env, bench):
    """action_launch as the officer; when reports remain for the background job, that job run until done."""
    campaign = bench.campaign.with_user(bench.officer)
    start, cpu = time.perf_counter(), cpu_seconds()
    campaign.action_launch()
    env.flush_all()
    env.cr.commit()
    info = {"request_seconds": time.perf_counter() - start, "request_cpu_seconds": cpu_seconds() - cpu}
    calls, slowest, slowest_cpu = 0, 0.0, 0.0
    campaign.invalidate_recordset(["launch_remaining"])
    while campaign.launch_remaining:
        if calls > 10 + len(bench.campaign.unit_ids):
            raise RuntimeError(f"the plan still has reports to create after {calls} runs of _cron_launch")
        start, cpu = time.perf_counter(), cpu_seconds()
        env["union.campaign"]._cron_launch()
        env.flush_all()
        env.cr.commit()
        calls += 1
        slowest = max(slowest, time.perf_counter() - start)
        slowest_cpu = max(slowest_cpu, cpu_seconds() - cpu)
        campaign.invalidate_recordset(["launch_remaining"])
    info.update(cron_calls=calls, slowest_cron_seconds=slowest, slowest_cron_cpu_seconds=slowest_cpu)
    return info


def launch_naive(env, bench):
    """The obvious way: one create per report and per line, one activity_schedule per report.

    As sudo, like the addon's launch (report lines are created by the launch only), after the officer's click.
    """
    from odoo.addons.union_campaign.tools import local_today

    campaign = bench.campaign.with_user(bench.officer)
    campaign._workflow_write({"state": "running"})
    quiet = campaign.sudo().with_context(**QUIET, mail_activity_quick_update=True)
    Report, Line = quiet.env["union.unit.report"], quiet.env["union.unit.report.line"]
    for schedule in quiet.report_schedule_ids:  # one report per period, as the bench plan asks (made at submit)
        for occurrence in schedule._get_occurrences():
            items = occurrence.items.filtered(lambda a: a.scope in ("units", "both"))
            for unit in quiet.unit_ids:
                report = Report.create(schedule._prepare_unit_report_vals(occurrence, unit))
                for item in items:
                    Line.create({"report_id": report.id, "item_id": item.id})
                report.activity_schedule(
                    "union_campaign.mail_act_submit_report",
                    date_deadline=max(report.date_deadline, local_today(env, report.user_id)),
                    user_id=report.user_id.id,
                )
    for task in quiet.item_ids.filtered(lambda a: a.scope == "federation"):
        task.activity_schedule(
            "union_campaign.mail_act_federation_task",
            date_deadline=max(task.date_deadline or task.phase_id.date_end, local_today(env, task.user_id)),
            user_id=task.user_id.id,
        )


def table_columns(cr, table):
    cr.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s", [table])
    return {row[0] for row in cr.fetchall()}


def insert_rows(cr, table, rows, returning=None):
    """INSERT rows (dicts with the same keys) with execute_values, 1,000 a statement."""
    if not rows:
        return []
    from psycopg2 import sql

    columns = list(rows[0])
    query = sql.SQL("INSERT INTO {} ({}) VALUES %s{}").format(
        sql.Identifier(table),
        sql.SQL(", ").join(map(sql.Identifier, columns)),
        sql.SQL(" ON CONFLICT DO NOTHING") if table == "mail_followers" else sql.SQL(""),
    )
    if returning:
        query = sql.SQL("{} RETURNING {}").format(query, sql.SQL(", ").join(map(sql.Identifier, returning)))
    values = [tuple(row[c] for c in columns) for row in rows]
    return cr.execute_values(query, values, page_size=1000, fetch=bool(returning)) or []


def launch_raw_sql(cr):
    """The floor: the launch's rows (reports, lines, activities, followers) inserted by SQL, one transaction.

    Stored computed columns (name, phase sequence, unit type, company, deadline...) are filled here too.
    """
    import pytz

    cr.execute("SELECT id, company_id FROM union_campaign WHERE reference = %s", [PLAN_REFERENCE])
    campaign_id, company_id = cr.fetchone()
    cr.execute("SELECT id FROM res_users WHERE login = 'bench_officer'")
    uid = cr.fetchone()[0]
    cr.execute("SELECT model, id FROM ir_model WHERE model IN ('union.unit.report', 'union.campaign.item')")
    model_ids = dict(cr.fetchall())
    cr.execute(
        "SELECT a.xmlid, t.id FROM (VALUES ('mail_act_submit_report'), ('mail_act_federation_task')) a(xmlid)"
        " JOIN ir_model_data d ON d.module = 'union_campaign' AND d.name = a.xmlid"
        " JOIN mail_activity_type t ON t.id = d.res_id"
    )
    activity_types = dict(cr.fetchall())
    now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    stamp = {"create_uid": uid, "create_date": now, "write_uid": uid, "write_date": now}
    cr.execute(
        "UPDATE union_campaign SET state = 'running', write_uid = %s, write_date = %s WHERE id = %s",
        [uid, now, campaign_id],
    )
    unit_columns = [c for c in ("unit_type", "unit_type_id") if c in table_columns(cr, "union_unit")]
    report_columns = table_columns(cr, "union_unit_report")
    type_columns = [c for c in unit_columns if c in report_columns]
    from psycopg2 import sql

    query = sql.SQL(
        "SELECT u.id, u.name, u.chair_user_id, p.id, COALESCE(p.tz, 'UTC'){}"
        " FROM union_campaign_unit_rel r JOIN union_unit u ON u.id = r.unit_id"
        " LEFT JOIN res_users s ON s.id = u.chair_user_id LEFT JOIN res_partner p ON p.id = s.partner_id"
        " WHERE r.campaign_id = %s ORDER BY u.id"
    ).format(sql.SQL("").join(sql.SQL(", u.{}").format(sql.Identifier(c)) for c in type_columns))
    cr.execute(query.as_string(cr._obj), [campaign_id])
    units = cr.fetchall()
    cr.execute(
        "SELECT a.id, a.phase_id, a.sequence, p.name, p.sequence, COALESCE(p.report_deadline, p.date_end),"
        " p.date_start, p.date_end"
        " FROM union_campaign_item a JOIN union_campaign_phase p ON p.id = a.phase_id"
        " WHERE a.campaign_id = %s AND a.scope = 'units' ORDER BY a.id",
        [campaign_id],
    )
    items = cr.fetchall()
    # The plan says nothing of its reports: one per period, as the addon's launch creates that schedule.
    cr.execute(
        "SELECT id FROM union_campaign_report_schedule WHERE campaign_id = %s ORDER BY id LIMIT 1", [campaign_id]
    )
    row = cr.fetchone()
    schedule_id = (
        row[0]
        if row
        else insert_rows(
            cr,
            "union_campaign_report_schedule",
            [
                {
                    "campaign_id": campaign_id,
                    "company_id": company_id,
                    "sequence": 10,
                    "name": "Báo cáo kết quả",
                    "kind": "per_period",
                    "skip_covered": False,
                    **stamp,
                }
            ],
            returning=["id"],
        )[0][0]
    )
    phases = {item[1]: item[3:] for item in items}
    todays = {}

    def local_today(tz):
        if tz not in todays:
            todays[tz] = datetime.datetime.now(pytz.timezone(tz)).date()
        return todays[tz]

    reports = []
    for phase_id, (phase_name, sequence, deadline, start, end) in phases.items():
        for unit in units:
            unit_id, unit_name, user_id = unit[:3]
            reports.append(
                {
                    "campaign_id": campaign_id,
                    "schedule_id": schedule_id,
                    "period_key": f"phase-{phase_id}",
                    "period_label": phase_name,
                    "date_period_start": start,
                    "date_period_end": end,
                    "todo_rank": 1,
                    "phase_id": phase_id,
                    "phase_sequence": sequence,
                    "unit_id": unit_id,
                    "company_id": company_id,
                    "user_id": user_id,
                    "date_deadline": deadline,
                    "name": f"{unit_name} – {phase_name}",
                    "state": "draft",
                    "review_step": 0,
                    "submitted_days_late": 0,
                    **dict(zip(type_columns, unit[5:], strict=True)),
                    **stamp,
                }
            )
    created = insert_rows(cr, "union_unit_report", reports, returning=["id", "phase_id", "unit_id"])
    report_ids = {(phase_id, unit_id): report_id for report_id, phase_id, unit_id in created}
    lines = [
        {
            "report_id": report_ids[item_phase, unit[0]],
            "company_id": company_id,
            "item_id": item_id,
            "sequence": item_sequence,
            "is_done": False,
            "qty_done": 0,
            "participant_count": 0,
            "link_count": 0,
            **stamp,
        }
        for item_id, item_phase, item_sequence, *_phase in items
        for unit in units
    ]
    insert_rows(cr, "union_unit_report_line", lines)
    activities, followers = [], []
    by_unit = {unit[0]: unit for unit in units}
    for report in reports:
        report_id = report_ids[report["phase_id"], report["unit_id"]]
        unit = by_unit[report["unit_id"]]
        activities.append(
            {
                "res_model_id": model_ids["union.unit.report"],
                "res_model": "union.unit.report",
                "res_id": report_id,
                "res_name": report["name"],
                "activity_type_id": activity_types["mail_act_submit_report"],
                "user_id": report["user_id"],
                "date_deadline": max(report["date_deadline"], local_today(unit[4])),
                "automated": True,
                "active": True,
                **stamp,
            }
        )
        followers.append({"res_model": "union.unit.report", "res_id": report_id, "partner_id": unit[3]})
    cr.execute(
        "SELECT a.id, a.name, a.user_id, s.partner_id, COALESCE(p.tz, 'UTC'), COALESCE(a.date_deadline, ph.date_end)"
        " FROM union_campaign_item a JOIN union_campaign_phase ph ON ph.id = a.phase_id"
        " JOIN res_users s ON s.id = a.user_id JOIN res_partner p ON p.id = s.partner_id"
        " WHERE a.campaign_id = %s AND a.scope = 'federation'",
        [campaign_id],
    )
    for task_id, name, user_id, partner_id, tz, deadline in cr.fetchall():
        activities.append(
            {
                "res_model_id": model_ids["union.campaign.item"],
                "res_model": "union.campaign.item",
                "res_id": task_id,
                "res_name": name,
                "activity_type_id": activity_types["mail_act_federation_task"],
                "user_id": user_id,
                "date_deadline": max(deadline, local_today(tz)),
                "automated": True,
                "active": True,
                **stamp,
            }
        )
        followers.append({"res_model": "union.campaign.item", "res_id": task_id, "partner_id": partner_id})
    insert_rows(cr, "mail_activity", activities)
    insert_rows(cr, "mail_followers", followers)
    return {"records": len(reports)}


# ---------------------------------------------------------------------------
# crons
# ---------------------------------------------------------------------------
def cron_jobs(env):
    Report, Campaign = env["union.unit.report"], env["union.campaign"]
    return (
        ("reminders", Report._cron_send_reminders),
        ("escalation", Report._cron_escalate_overdue),
        ("status", Campaign._cron_update_status),
    )


def run_parts(env, meter, jobs):
    """Run the jobs one after the other, as the scheduler would (each committed); return each one's figures."""
    parts = {}
    for label, job in jobs:
        queries, writes = meter.snapshot()
        start = time.perf_counter()
        job()
        env.flush_all()
        env.cr.commit()
        after_queries, after_writes = meter.snapshot()
        parts[label] = {
            "seconds": round(time.perf_counter() - start, 4),
            "queries": after_queries - queries,
            "writes": after_writes - writes,
        }
    return {"parts": parts}


def naive_cron_jobs(env):
    """The obvious daily jobs: a message per report due soon, an activity_schedule per late unit."""
    from odoo.addons.union_campaign.models.union_campaign import parse_reminder_days
    from odoo.addons.union_campaign.tools import local_today

    Report = env["union.unit.report"]
    open_domain = [("state", "in", ("draft", "returned")), ("campaign_id.state", "=", "running")]

    def reminders():
        for report in Report.search([*open_domain, ("user_id", "!=", False)]):
            today = local_today(env, report.user_id)
            days = parse_reminder_days(env, report.campaign_id.reminder_days)
            if report.reminder_date != today and (report.date_deadline - today).days in days:
                report.message_notify(
                    partner_ids=report.user_id.partner_id.ids,
                    subject=f"Reminder: {report.name}",
                    body=f"Your report {report.name} is due on {report.date_deadline}.",
                )
                report.reminder_date = today

    def escalation():
        follow_up = env.ref("union_campaign.mail_act_follow_up_overdue")
        for report in Report.search([*open_domain, ("is_late", "=", True)]):
            officer, unit = report.campaign_id.user_id, report.unit_id
            if not officer or report.days_late < report.campaign_id.escalation_delay:
                continue
            if not unit.activity_ids.filtered(lambda a, o=officer: a.activity_type_id == follow_up and a.user_id == o):
                unit.activity_schedule(
                    "union_campaign.mail_act_follow_up_overdue",
                    user_id=officer.id,
                    note=f"{report.name}: {report.days_late} days late",
                )

    return (
        ("reminders", reminders),
        ("escalation", escalation),
        ("status", env["union.campaign"]._cron_update_status),
    )


# ---------------------------------------------------------------------------
# review
# ---------------------------------------------------------------------------
def phase_reports(env, bench, state, limit=None):
    return env["union.unit.report"].search(
        [("phase_id", "=", bench.phases[1].id), ("state", "=", state)], order="id", limit=limit
    )


def prepare_submit(env, bench, n):
    reports = phase_reports(env, bench, "draft", limit=max(1, n // 2))
    reports.line_ids.with_user(bench.officer).write({"is_done": True, "qty_done": 2, "participant_count": 25})
    return reports


# ---------------------------------------------------------------------------
# The step process
# ---------------------------------------------------------------------------
def step_launch(env, cr, meter, bench, args):
    func = launch_ours if args.impl == "ours" else launch_naive
    measures = [measure(cr, meter, lambda: func(env, bench), env)]
    measures[0]["records"] = measures[0]["rows"].get("union_unit_report", 0)
    return measures


def step_cron(env, cr, meter, bench, args):
    if args.op == "cron":
        align_dates(env, bench)
    measures = []
    for _rep in range(args.reps):
        jobs = cron_jobs(env) if args.impl == "ours" else naive_cron_jobs(env)
        measures.append(measure(cr, meter, lambda jobs=jobs: run_parts(env, meter, jobs), env))
        if measures[-1]["seconds"] > REPEAT_BUDGET:
            break
    return measures


def step_review(env, cr, meter, bench, args):
    if args.op == "mass_submit":
        reports, method = prepare_submit(env, bench, args.n).with_user(bench.officer), "action_submit"
    else:
        reports, method = phase_reports(env, bench, "submitted").with_user(bench.officer_2), "action_approve"
    if args.impl == "ours":
        measures = [measure(cr, meter, getattr(reports, method), env)]
    else:
        measures = [measure(cr, meter, lambda: [getattr(report, method)() for report in reports], env)]
    measures[0]["records"] = len(reports)
    return measures


def step_render(env, cr, meter, bench, args):
    Report = env["ir.actions.report"].with_user(bench.officer)
    ids, outputs = bench.campaign.ids, []
    renders = {
        "xlsx": lambda: Report._render_xlsx("union_campaign.action_report_campaign_results_xlsx", ids, {}),
        "results_html": lambda: Report._render_qweb_html("union_campaign.action_report_campaign_results", ids),
    }
    measures = []
    for _rep in range(args.reps):
        measures.append(measure(cr, meter, lambda: outputs.append(renders[args.op]()), env))
        measures[-1]["bytes"] = len(outputs[-1][0])
        if measures[-1]["seconds"] > REPEAT_BUDGET:
            break
    return measures


def step_rollup(env, cr, meter, bench, args):
    """The national roll-up (bench/rollup.py): the tree written by SQL once (the first op on the database), then
    get_rollup() timed, or the results across levels as XLSX (constant memory)."""
    from rollup import build_chain, find_chain

    top, reports, lines = find_chain(env) or build_chain(env, args.n)
    env.cr.commit()
    xlsx = env["ir.actions.report"]._render_xlsx
    func = {
        "rollup": top.get_rollup,
        "rollup_xlsx": lambda: xlsx("union_campaign.action_report_campaign_rollup_xlsx", top.ids, {}),
    }[args.op]
    measures = []
    for _rep in range(args.reps):
        env.invalidate_all()
        measures.append(measure(cr, meter, func, env))
        measures[-1]["records"] = lines
        if measures[-1]["seconds"] > REPEAT_BUDGET:
            break
    say(f"{args.op}: {args.n} grassroots units, {reports} reports, {lines} lines")
    return measures


STEPS = {
    "rollup": step_rollup,
    "rollup_xlsx": step_rollup,
    "launch": step_launch,
    "cron": step_cron,
    "cron_again": step_cron,
    "mass_submit": step_review,
    "mass_approve": step_review,
    "xlsx": step_render,
    "results_html": step_render,
}


def run_step(args):
    """Run one op of one impl (args.reps times in this process) and print its figures."""
    if args.impl == "raw_sql":
        import_odoo(args)
        from odoo.sql_db import db_connect

        cr = db_connect(args.db).cursor()
        measures = [measure(cr, Meter(), lambda: launch_raw_sql(cr))]
    else:
        env = open_env(args)
        cr = env.cr
        if args.op == "setup":
            measures = [measure(cr, Meter(), lambda: step_setup(env, args.n), env)]
        else:
            measures = STEPS[args.op](env, cr, Meter(), Bench(env), args)
    cr.close()
    return emit(measures)


def emit(measures):
    print(RESULT_TAG + json.dumps(measures, default=str), flush=True)
    return 0


# ===========================================================================
# The orchestrator: sizes, databases, processes, results
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
    def step(self, db, n, op, impl, reps=1):
        cmd = [
            sys.executable,
            __file__,
            "step",
            "--db",
            db,
            "--n",
            str(n),
            "--op",
            op,
            "--impl",
            impl,
            "--reps",
            str(reps),
            "--odoo-src",
            str(self.args.odoo_src),
            *odoo_args(self.args),
        ]
        log_path = self.log_dir / f"{db}.log"
        with open(log_path, "w") as log:
            try:
                proc = subprocess.run(
                    cmd, stdout=subprocess.PIPE, stderr=log, text=True, check=False, timeout=self.args.step_timeout
                )
            except subprocess.TimeoutExpired as exc:
                raise RuntimeError(f"{op}/{impl} at {n} units: stopped after {exc.timeout:.0f} s") from exc
        for line in proc.stdout.splitlines():
            if line.startswith(RESULT_TAG):
                return json.loads(line[len(RESULT_TAG) :])
            print(line, flush=True)
        tail = log_path.read_text(errors="replace").strip().splitlines()[-15:]
        raise RuntimeError(f"{op}/{impl} at {n} units failed (exit {proc.returncode}):\n" + "\n".join(tail))

    def timed(self, stage, n, op, impl, keep_as=None):
        """Run a step that changes the data on fresh copies of `stage`, 3 times when cheap enough.

        Return the database left by the first run, kept when `keep_as` names it (the next stage).
        """
        samples, kept = [], None
        limit = REPEATS if n <= REPEAT_MAX_UNITS else 1
        for rep in range(limit):
            db = self.dbs.copy(stage, f"{self.prefix}_{n}_{op}_{impl}_{rep}")
            try:
                samples += self.step(db, n, op, impl)
            finally:
                if rep == 0 and keep_as:
                    kept = db
                else:
                    self.dbs.drop(db)
            if samples[-1]["seconds"] > REPEAT_BUDGET:
                break
        self.record(n, op, impl, samples, "fresh copy each run")
        return kept

    def in_place(self, db, n, op, impl, reps=REPEATS):
        samples = self.step(db, n, op, impl, reps)
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

    # -- one size ------------------------------------------------------------
    def size(self, n):
        say(f"--- {n} units ---")
        naive = n in NAIVE_SIZES
        data = self.dbs.copy(self.args.template, f"{self.prefix}_{n}_data")
        start = time.perf_counter()
        setup = self.step(data, n, "setup", "ours")[0]
        self.setups.append({"n": n, "seconds": round(time.perf_counter() - start, 1), **setup})
        say(f"{n:>6} units  data created in {setup['seconds']:.1f} s ({setup['queries']} queries)")
        launched = self.attempt(f"launch ours {n}", self.timed, data, n, "launch", "ours", keep_as=True)
        if naive:
            self.attempt(f"launch naive {n}", self.timed, data, n, "launch", "naive")
        self.attempt(f"launch raw_sql {n}", self.timed, data, n, "launch", "raw_sql")
        self.attempt(f"workers check {n}", self.workers_check, data, n)
        if not launched:
            return
        after_cron = self.attempt(f"cron ours {n}", self.timed, launched, n, "cron", "ours", keep_as=True)
        if naive:
            naive_cron = self.attempt(f"cron naive {n}", self.timed, launched, n, "cron", "naive", keep_as=True)
            if naive_cron:
                self.attempt(f"cron_again naive {n}", self.in_place, naive_cron, n, "cron_again", "naive")
                self.dbs.drop(naive_cron)
        self.dbs.drop(launched)
        if not after_cron:
            return
        self.attempt(f"cron_again ours {n}", self.in_place, after_cron, n, "cron_again", "ours")
        submitted = self.attempt(f"mass_submit ours {n}", self.timed, after_cron, n, "mass_submit", "ours", True)
        if naive:
            self.attempt(f"mass_submit naive {n}", self.timed, after_cron, n, "mass_submit", "naive")
        self.dbs.drop(after_cron)
        if not submitted:
            return
        approved = self.attempt(f"mass_approve ours {n}", self.timed, submitted, n, "mass_approve", "ours", True)
        if naive:
            self.attempt(f"mass_approve naive {n}", self.timed, submitted, n, "mass_approve", "naive")
        self.dbs.drop(submitted)
        if approved:
            self.attempt(f"xlsx {n}", self.in_place, approved, n, "xlsx", "ours")
            self.attempt(f"results_html {n}", self.in_place, approved, n, "results_html", "ours")
            self.dbs.drop(approved)

    # -- the --workers=2 check -------------------------------------------------
    def workers_check(self, stage, n):
        """Launch the plan through a real server with --workers=2 and Odoo's default limits, over JSON-RPC."""
        db = self.dbs.copy(stage, f"{self.prefix}_{n}_workers")
        port = free_port()
        log_path = self.log_dir / f"{db}-server.log"
        cmd = [
            sys.executable,
            str(Path(self.args.odoo_src) / "odoo-bin"),
            *odoo_args(self.args),
            "-d",
            db,
            "--db-filter",
            f"^{db}$",
            "--no-database-list",
            "--workers",
            "2",
            "--http-interface",
            "127.0.0.1",
            "--http-port",
            str(port),
            "--gevent-port",
            str(free_port()),
            "--log-level",
            "info",
        ]
        result = {"n": n, "ok": False}
        with open(log_path, "w") as log:
            server = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
        try:
            result.update(self._launch_over_rpc(db, port, n))
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

    def _launch_over_rpc(self, db, port, n):
        url = f"http://127.0.0.1:{port}"
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
        from odoo_rpc import wait_until_up  # the tests' RPC client, shared with make load

        if not wait_until_up(url):
            raise RuntimeError(f"Odoo did not answer on {url} within 180 s")

        def call(service, method, *rpc_args, timeout=60):
            payload = {"jsonrpc": "2.0", "method": "call", "params": {"service": service, "method": method}}
            payload["params"]["args"] = list(rpc_args)
            request = urllib.request.Request(
                f"{url}/jsonrpc", json.dumps(payload).encode(), {"Content-Type": "application/json"}
            )
            with urllib.request.urlopen(request, timeout=timeout) as response:
                answer = json.loads(response.read())
            if answer.get("error"):
                raise RuntimeError(json.dumps(answer["error"].get("data", answer["error"]))[:1500])
            return answer["result"]

        uid = call("common", "login", db, "bench_officer", OFFICER_PASSWORD)

        def execute(model, method, *margs, timeout=60, **kw):
            return call(
                "object", "execute_kw", db, uid, OFFICER_PASSWORD, model, method, list(margs), kw, timeout=timeout
            )

        campaign_id = execute("union.campaign", "search", [("reference", "=", PLAN_REFERENCE)])[0]
        start = time.perf_counter()
        execute("union.campaign", "action_launch", [campaign_id], timeout=LIMIT_TIME_REAL + 120)
        request_seconds = time.perf_counter() - start
        # A launch larger than one request's batch goes on in the background job: wait until nothing remains.
        while execute("union.campaign", "read", [campaign_id], ["launch_remaining"])[0]["launch_remaining"]:
            if time.perf_counter() - start > 3600:
                raise TimeoutError("the plan still has reports to create after an hour")
            time.sleep(2)
        seconds = time.perf_counter() - start
        reports = execute("union.unit.report", "search_count", [("campaign_id", "=", campaign_id)])
        expected = n * len(PHASES)
        return {
            "ok": reports == expected,
            "seconds": round(seconds, 2),
            "request_seconds": round(request_seconds, 2),
            "reports": reports,
            "expected_reports": expected,
        }

    # -- all sizes -------------------------------------------------------------
    def run(self, sizes):
        started = time.perf_counter()
        machine = machine_info(self.dbs.server_version(), self.args.commit)
        say(f"sizes {', '.join(map(str, sizes))}; {machine['cpu']} ({machine['cores']} cores); logs in {self.log_dir}")
        try:
            for n in sizes:
                self.attempt(f"size {n}", self.size, n)
                self.dbs.drop_all()
            for n in self.args.rollup_sizes:
                db = self.dbs.copy(self.args.template, f"{self.prefix}_{n}_rollup")
                self.attempt(f"rollup {n}", self.in_place, db, n, "rollup", "ours")
                self.attempt(f"rollup_xlsx {n}", self.in_place, db, n, "rollup_xlsx", "ours", reps=1)
                self.dbs.drop_all()
        finally:
            self.dbs.drop_all()
        results = {
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
        out = Path(self.args.out)
        if not sizes and (out / "results.json").exists():
            # A roll-up-only run: the other figures stay those of the last full run (its date and commit said).
            last = json.loads((out / "results.json").read_text())
            results.update({key: last[key] for key in ("sizes", "setup", "workers_check") if key in last})
            results["runs"] = [r for r in last["runs"] if not r["op"].startswith("rollup")] + self.runs
            results["full_run"] = last.get("full_run") or {
                key: last.get(key) for key in ("date", "machine", "wall_seconds")
            }
        results["goals"] = evaluate_goals(results)
        out.mkdir(parents=True, exist_ok=True)
        (out / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
        (out / "RESULTS.md").write_text(markdown(results))
        say(f"wrote {out / 'RESULTS.md'} and {out / 'results.json'} in {results['wall_seconds']:.0f} s")
        for goal in results["goals"]:
            say(f"  {MARKS[goal['ok']]} {goal['goal']}: {goal['measured']}")
        return 1 if self.errors else 0


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


# ===========================================================================
# Goals and report
# ===========================================================================
MARKS = {True: "✓", False: "✗", None: "–"}


def find(runs, n, op, impl="ours"):
    return next((r for r in runs if r["n"] == n and r["op"] == op and r["impl"] == impl), None)


def evaluate_goals(results):
    runs, goals = results["runs"], []

    def goal(text, ok, measured):
        goals.append({"goal": text, "ok": ok, "measured": measured})

    xlsx = [r for r in runs if r["op"] == "rollup_xlsx" and r["n"] <= 10000]
    if xlsx:
        largest = max(xlsx, key=lambda r: r["n"])
        goal(
            "results across levels as XLSX of a province of 10,000 units in ≤ 250 MB peak",
            largest["peak_rss_mb"] <= 250,
            f"{largest['peak_rss_mb']:.0f} MB peak, {largest['seconds']:.1f} s at {largest['n']:,} units",
        )
    rollups = [r for r in runs if r["op"] == "rollup"]
    if rollups:
        largest = max(rollups, key=lambda r: r["n"])
        goal(
            "national roll-up in ≤ 2 s",
            largest["seconds"] <= 2,
            f"{largest['seconds']:.2f} s at {largest['n']:,} grassroots units ({largest['records']:,} lines)",
        )
        queries = sorted({r["queries"] for r in rollups})
        goal("roll-up queries constant across sizes", len(queries) == 1, " / ".join(map(str, queries)) + " queries")

    def ratio_goal(text, op, n, *, numerator, denominator, minimum=None, maximum=None):
        top, bottom = find(runs, n, op, numerator), find(runs, n, op, denominator)
        if not (top and bottom and bottom["seconds"]):
            return goal(text, None, f"not measured at {n:,} units")
        ratio = top["seconds"] / bottom["seconds"]
        ok = (minimum is None or ratio >= minimum) and (maximum is None or ratio <= maximum)
        return goal(text, ok, f"{ratio:.1f}× ({top['seconds']:.2f} s / {bottom['seconds']:.2f} s)")

    ratio_goal(
        "Launch ≥ 20× faster than the naive way at 1,000 units",
        "launch",
        1000,
        numerator="naive",
        denominator="ours",
        minimum=20,
    )
    ratio_goal(
        "Launch within 10× of the raw-SQL floor at 1,000 units",
        "launch",
        1000,
        numerator="ours",
        denominator="raw_sql",
        maximum=10,
    )
    ratio_goal(
        "Mass submit ≥ 10× faster than naive at 1,000 units",
        "mass_submit",
        1000,
        numerator="naive",
        denominator="ours",
        minimum=10,
    )
    ratio_goal(
        "Mass approve ≥ 10× faster than naive at 1,000 units",
        "mass_approve",
        1000,
        numerator="naive",
        denominator="ours",
        minimum=10,
    )
    for op in ("launch", "mass_submit", "mass_approve", "cron"):
        small, large = find(runs, 100, op), find(runs, 1000, op)
        text = f"{op}: same query count at 100 and 1,000 units (± 50)"
        if small and large:
            diff = large["queries"] - small["queries"]
            goal(text, abs(diff) <= 50, f"{small['queries']:,} → {large['queries']:,} ({diff:+,})")
        else:
            goal(text, None, "not measured at both sizes")
    for op in (op for op in OPS if not op.startswith("rollup")):  # the roll-up has its own sizes and goals
        small, large = find(runs, 1000, op), find(runs, 10000, op)
        text = f"{op}: 1,000 → 10,000 units in ≤ 11× the time, peak memory < 1 GiB"
        if small and large:
            ratio = large["seconds"] / small["seconds"] if small["seconds"] else float("inf")
            ok = ratio <= 11 and large["peak_rss_mb"] < GIB_MB
            goal(
                text,
                ok,
                f"{ratio:.1f}× ({small['seconds']:.2f} s → {large['seconds']:.2f} s), {large['peak_rss_mb']:.0f} MB",
            )
        else:
            goal(text, None, "not measured at both sizes")
    check = next((w for w in results["workers_check"] if w["n"] == 10000), None)
    text = "10,000-unit launch completes under --workers=2 with the default limits"
    if check:
        goal(text, check["ok"], workers_text(check))
    else:
        goal(text, None, "not measured at 10,000 units")
    again = [r for r in runs if r["op"] == "cron_again" and r["impl"] == "ours"]
    if again:
        detail = ", ".join(f"{r['n']:,}: {r['writes']}" for r in again)
        goal("The crons' second run writes nothing", all(r["writes"] == 0 for r in again), f"writes {detail}")
    else:
        goal("The crons' second run writes nothing", None, "not measured")
    return goals


def workers_text(check):
    if check.get("error"):
        return f"failed: {check['error'][:200]}"
    text = f"{check.get('seconds', 0):.1f} s ({check.get('reports', 0):,}/{check.get('expected_reports', 0):,} reports)"
    if check.get("limit_events"):
        text += "; " + "; ".join(check["limit_events"][:2])
    return text


def fmt_s(run):
    return f"{run['seconds']:.2f}" if run else "–"


def fmt_ratio(top, bottom):
    if not (top and bottom and bottom["seconds"]):
        return "–"
    return f"{top['seconds'] / bottom['seconds']:.1f}×"


def fmt_joined(runs, key, spec="{:,}"):
    return " / ".join(spec.format(run[key]) if run else "–" for run in runs)


def markdown(results):
    machine, runs, sizes = results["machine"], results["runs"], results["sizes"]
    lines = [
        "# union_campaign benchmark",
        "",
        f"Run on {results['date']}: {machine['cpu']}, {machine['cores']} cores"
        + (f", {machine['memory_mb']:,} MB RAM" if machine.get("memory_mb") else "")
        + f"; Python {machine['python']}, PostgreSQL {machine['postgresql']}; commit {machine['commit']}."
        f" Sizes {', '.join(f'{n:,}' for n in sizes)} units; whole run {results['wall_seconds']:.0f} s.",
        "",
    ]
    if results.get("full_run"):
        full = results["full_run"]
        lines[-2] = (
            f"Roll-up run on {results['date']} (commit {machine['commit']}, {results['wall_seconds']:.0f} s); the other"
            f" figures from the full run of {full['date']} (commit {full['machine']['commit']},"
            f" {full['wall_seconds']:.0f} s), {machine['cpu']}, {machine['cores']} cores; Python {machine['python']},"
            f" PostgreSQL {machine['postgresql']}. Sizes {', '.join(f'{n:,}' for n in sizes)} units."
        )
    lines += [
        "Produced by `make bench` (`make bench SIZES=100,1000` for a quick run): see `bench/bench.py`. Each size",
        "gets n grassroots units, n/10 reporters, two officers, two managers and an approved plan of 3 phases ×",
        f"{ITEMS_PER_PHASE} unit items (+ 1 federation task), so a launch creates 3n reports, 12n lines and 3n + 1",
        "activities. Each step runs in its own process (peak RSS is that process's, Odoo's registry included) on",
        "its own copy of the database; steps that change data are repeated on fresh copies up to 1,000 units",
        f"(median of {REPEATS}, one run when a run takes over {REPEAT_BUDGET} s), the others in one process",
        "(median of 3). Times include the final flush and commit; queries count every SQL statement sent.",
        "",
        "*naive*: the obvious per-record code (in `bench/bench.py`), writing the same rows; *raw SQL*: the",
        "launch's rows inserted with `execute_values` in one transaction, the floor.",
        "",
    ]
    for op in OPS:
        op_runs = [r for r in runs if r["op"] == op]
        if not op_runs:
            continue
        lines += [f"## {op}", "", OP_TITLES[op], ""]
        lines += [
            "| units | ours s | naive s | raw SQL s | naive ÷ ours | ours ÷ raw | queries ours / naive / raw"
            " | peak RSS MB ours / naive / raw | writes | runs |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for n in results.get("rollup_sizes", []) if op.startswith("rollup") else sizes:
            ours, naive, raw = (find(runs, n, op, impl) for impl in IMPLS)
            if not (ours or naive or raw):
                continue
            present = [r for r in (ours, naive, raw) if r]
            lines.append(
                f"| {n:,} | {fmt_s(ours)} | {fmt_s(naive)} | {fmt_s(raw)} | {fmt_ratio(naive, ours)}"
                f" | {fmt_ratio(ours, raw)} | {fmt_joined((ours, naive, raw), 'queries')}"
                f" | {fmt_joined((ours, naive, raw), 'peak_rss_mb', '{:.0f}')}"
                f" | {ours['writes'] if ours else '–'} | {'/'.join(str(r['repeats']) for r in present)} |"
            )
        lines += op_notes(op, runs, sizes)
        lines.append("")
    lines += growing_queries(runs, sizes)
    lines += ["## Launch through a server with --workers=2 and the default limits", ""]
    lines += [
        f"`odoo-bin --workers 2` (limits {LIMIT_TIME_CPU} s CPU, {LIMIT_TIME_REAL} s real, {LIMIT_MEMORY_HARD_MB:,} MB"
        " virtual memory per worker), `action_launch` called over JSON-RPC as the officer, then (when the plan is",
        "queued) waiting for the cron workers to finish it.",
        "",
        "| units | result | seconds | request seconds | reports | limit events |",
        "| ---: | --- | ---: | ---: | ---: | --- |",
    ]
    for check in results["workers_check"]:
        lines.append(
            f"| {check['n']:,} | {'completed' if check['ok'] else 'FAILED ' + check.get('error', '')[:120]}"
            f" | {check.get('seconds', '–')} | {check.get('request_seconds', '–')}"
            f" | {check.get('reports', '–')} | {'; '.join(check.get('limit_events', []))[:200] or '–'} |"
        )
    lines += ["", "## Goals", "", "Computed from the figures above; reported, not asserted.", ""]
    lines += ["| | goal | measured |", "| --- | --- | --- |"]
    lines += [f"| {MARKS[g['ok']]} | {g['goal']} | {g['measured']} |" for g in results["goals"]]
    if results["errors"]:
        lines += ["", "## Errors", ""]
        lines += [
            f"- {e['step']}: `{e['error'].splitlines()[-1][:300] if e['error'] else ''}`" for e in results["errors"]
        ]
    return "\n".join(lines) + "\n"


def growing_queries(runs, sizes):
    """The kinds of query ("SELECT table", "INSERT table") of our steps whose count grows with the units."""
    small, large = sizes[0], sizes[-1]
    if small == large:
        return []
    lines = [
        f"## Queries that grow with the units ({small:,} → {large:,})",
        "",
        "Ours, per step: the kinds of query (verb and first table) whose count grows, the largest growth first.",
        "",
        "| step | queries | growing kinds of query |",
        "| --- | ---: | --- |",
    ]
    for op in OPS:
        before, after = find(runs, small, op), find(runs, large, op)
        if not (before and after):
            continue
        kinds_before, kinds_after = before.get("query_kinds", {}), after.get("query_kinds", {})
        growth = sorted(
            ((kinds_after.get(k, 0) - kinds_before.get(k, 0), k) for k in {*kinds_before, *kinds_after}),
            reverse=True,
        )
        grown = [f"{k} {kinds_before.get(k, 0):,} → {kinds_after.get(k, 0):,}" for d, k in growth if d > 5][:6]
        lines.append(f"| {op} | {before['queries']:,} → {after['queries']:,} | {'; '.join(grown) or 'none'} |")
    return [*lines, ""]


def op_notes(op, runs, sizes):
    """Per op: what each way wrote, and the parts of the crons."""
    notes = []
    for n in sizes:
        for impl in IMPLS:
            run = find(runs, n, op, impl)
            if not run:
                continue
            detail = ", ".join(f"{table} {count:+,}" for table, count in sorted(run["rows"].items())) or "no new rows"
            parts = run.get("parts")
            if parts:
                detail += "; " + ", ".join(
                    f"{label} {part['seconds']:.2f} s / {part['queries']:,} q / {part['writes']:,} w"
                    for label, part in parts.items()
                )
            if run.get("cron_calls"):
                detail += f"; queued: {run['cron_calls']} launch cron runs"
            if run.get("write_tables") and op == "cron_again":
                detail += "; writes: " + ", ".join(f"{t} {c}" for t, c in run["write_tables"].items())
            notes.append(f"- {n:,} units, {impl}: {detail}")
    if op == "cron" and any(r["op"] == "cron" and r["impl"] == "naive" for r in runs):
        notes.append("- naive cron: one message per report due (not a digest per reporter), one `activity_schedule`")
        notes.append("  per late unit with its default notification (not one digest per officer).")
    if op in ("xlsx", "results_html"):
        notes.append("- the first of the 3 renders in the process compiles the templates; the median is a warm render.")
    return ["", *notes] if notes else []


# ===========================================================================
def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p_run = sub.add_parser("run", help="every size, every step; writes RESULTS.md and results.json")
    p_run.add_argument("--template", required=True, help="database with union_campaign installed, no demo data")
    p_run.add_argument("--sizes", default=os.environ.get("SIZES") or DEFAULT_SIZES)
    p_run.add_argument(
        "--rollup-sizes",
        default=os.environ.get("ROLLUP_SIZES", "10000,126000"),
        help="grassroots units of the national roll-up (tree written by SQL); empty: none",
    )
    p_run.add_argument("--out", default=str(Path(__file__).resolve().parent))
    p_run.add_argument("--log-dir")
    p_run.add_argument("--commit", help="the revision measured (default: git describe of the working tree)")
    p_run.add_argument("--step-timeout", type=int, default=int(os.environ.get("BENCH_STEP_TIMEOUT") or 3600))
    add_odoo_arguments(p_run)
    p_step = sub.add_parser("step", help="one step in this process (used by run)")
    p_step.add_argument("--db", required=True)
    p_step.add_argument("--n", type=int, required=True)
    p_step.add_argument("--op", required=True, choices=("setup", *OPS))
    p_step.add_argument("--impl", default="ours", choices=IMPLS)
    p_step.add_argument("--reps", type=int, default=1)
    add_odoo_arguments(p_step)
    args = parser.parse_args(argv)
    if args.command == "step":
        return run_step(args)
    # SIZES=none: only the roll-up, its figures merged into the last results (make bench SIZES=none).
    sizes = [] if args.sizes.strip().lower() == "none" else None
    if sizes is None:
        sizes = sorted({int(size) for size in re.split(r"[,\s]+", args.sizes.replace("_", "")) if size})
    if (not sizes and args.sizes.strip().lower() != "none") or (sizes and min(sizes) < 1):
        parser.error(f"--sizes: give unit counts separated by commas, e.g. 100,1000 (got {args.sizes!r})")
    args.rollup_sizes = [int(size) for size in re.split(r"[,\s]+", args.rollup_sizes.replace("_", "")) if size]
    return Orchestrator(args).run(sizes)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
