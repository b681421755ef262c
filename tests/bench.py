# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""`make bench`: the bulk paths at scale, on a real database, inside `odoo-bin shell` (which provides `env`).

Launch of a plan to UC_BENCH_UNITS units (3 phases x 4 unit items: 3 reports and 12 lines per unit),
relaunch (idempotent), mass submit and mass approve of one phase, and the daily jobs (reminders,
escalation) run twice. Prints wall time, SQL queries and peak memory of each step, with the machine.
Speed goals live here, never in timed tests.
"""

import os
import platform
import resource
import time
from datetime import date, timedelta

from odoo import Command

env = globals()["env"]  # given by odoo-bin shell
UNITS = int(os.environ.get("UC_BENCH_UNITS", "1000"))
UNITS_PER_REPORTER = 10
results = []


def measure(label, func, count):
    env.flush_all()
    cr = env.cr
    queries, start = cr.sql_log_count, time.perf_counter()
    func()
    env.flush_all()
    elapsed = time.perf_counter() - start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results.append((label, count, elapsed, cr.sql_log_count - queries, rss_mb))
    print(f"  {label:<44} {count:>7} {elapsed:>8.2f} s {cr.sql_log_count - queries:>8} queries", flush=True)


def main():
    today = date.today()
    env.cr.sql_log_count = 0
    print(f"Setting up {UNITS} units ...", flush=True)
    groups = env.ref("base.group_user") | env.ref("union_campaign.group_user")
    officer = env["res.users"].create(
        {
            "name": "Bench Officer",
            "login": "bench_officer",
            "tz": "Asia/Ho_Chi_Minh",
            "groups_id": [Command.set((groups | env.ref("union_campaign.group_officer")).ids)],
        }
    )
    reporters = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            [
                {"name": f"Bench Reporter {i}", "login": f"bench_reporter_{i}", "groups_id": [Command.set(groups.ids)]}
                for i in range(max(1, UNITS // UNITS_PER_REPORTER))
            ]
        )
    )
    federation = env["union.unit"].create({"name": "Bench Federation", "unit_type": "federation"})
    units = env["union.unit"].create(
        [
            {
                "name": f"Bench Unit {i:05d}",
                "unit_type": ("agency", "enterprise", "school")[i % 3],
                "parent_id": federation.id,
                "chair_user_id": reporters[i // UNITS_PER_REPORTER % len(reporters)].id,
            }
            for i in range(UNITS)
        ]
    )
    phases = []
    for index, (start, end, deadline) in enumerate(
        (
            (today - timedelta(days=40), today - timedelta(days=10), today - timedelta(days=5)),  # late
            (today - timedelta(days=9), today + timedelta(days=1), today + timedelta(days=3)),  # due in 3 days
            (today + timedelta(days=2), today + timedelta(days=60), today + timedelta(days=65)),
        ),
        start=1,
    ):
        items = [Command.create({"name": f"Item {index}.{i}", "target_qty": 1}) for i in range(1, 5)]
        if index == 1:
            items.append(Command.create({"name": "Federation task", "scope": "federation", "user_id": officer.id}))
        phases.append(
            Command.create(
                {
                    "name": f"Phase {index}",
                    "sequence": index,
                    "date_start": start,
                    "date_end": end,
                    "report_deadline": deadline,
                    "activity_ids": items,
                }
            )
        )
    campaign = env["union.campaign"].create(
        {
            "name": "Bench plan",
            "reference": "1/KH-BENCH",
            "issuing_unit_id": federation.id,
            "issue_date": today - timedelta(days=45),
            "user_id": officer.id,
            "approver_id": env.ref("base.user_admin").id,
            "unit_ids": [Command.set(units.ids)],
            "phase_ids": phases,
        }
    )
    campaign.action_submit()
    campaign.action_approve()
    env.cr.commit()

    Report = env["union.unit.report"]
    print(f"\n  {'step':<44} {'records':>7} {'time':>10} {'queries':>16}")
    measure("launch (reports + lines + activities)", lambda: campaign.with_user(officer).action_launch(), UNITS * 3)
    measure("launch again (nothing missing)", lambda: campaign.with_user(officer).action_launch(), UNITS * 3)
    phase_2 = campaign.phase_ids.filtered(lambda p: p.sequence == 2)
    to_submit = Report.search([("phase_id", "=", phase_2.id)])[: UNITS // 2]
    measure("mass submit (half of phase 2)", to_submit.action_submit, len(to_submit))
    measure("mass approve by the officer", to_submit.with_user(officer).action_approve, len(to_submit))
    measure("cron: reminders (phase 2 due in 3 days)", Report._cron_send_reminders, UNITS // 2)
    measure("cron: reminders again (idempotent)", Report._cron_send_reminders, 0)
    measure("cron: escalation (phase 1 late 5 days)", Report._cron_escalate_overdue, UNITS)
    measure("cron: escalation again (idempotent)", Report._cron_escalate_overdue, 0)
    measure("cron: phase status", env["union.campaign"]._cron_update_status, 3)
    matrix = []
    measure("compliance matrix data", lambda: matrix.append(campaign.get_compliance_matrix()), UNITS * 3)

    cpu = next(
        (line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
        platform.processor(),
    )
    env.cr.execute("SHOW server_version")
    pg_version = env.cr.fetchone()[0]
    print(
        f"\n{today.isoformat()} — {UNITS} units, {len(reporters)} reporters — {cpu}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, PostgreSQL {pg_version}; peak RSS {results[-1][4]:.0f} MB",
        flush=True,
    )
    env.cr.rollback()


main()
