# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The measured steps of union_campaign, each run by `bench.py step` in its own process on its own database.

    setup         the bench's records (bench/data.py)
    launch        plan launched to every unit: 3 reports, 12 lines and 3 activities per unit
    cron          the daily jobs: reminder digests, escalation of late units, phase status
    cron_again    the same jobs again on the same day (must write nothing)
    mass_submit   half of one phase's reports submitted in one call (lines filled beforehand)
    mass_approve  those approved in one call by another officer
    xlsx          the plan's consolidated results (XLSX)
    results_html  the plan's consolidated results (QWeb HTML)
    rollup        the national roll-up, and the results across levels as XLSX (bench/rollup.py)

Each in up to three ways (--impl): "ours", the addon's code; "naive", the obvious per-record code, written here;
"raw_sql", for the launch only, the floor: the rows our launch created, inserted again by SQL (bench/floor.py).
"""
# ruff: noqa: PLC0415 - odoo is importable only once the Odoo tree is on sys.path, in the step processes

import time

import floor
from data import Bench, align_dates, create_data
from harness import Meter, cpu_seconds, db_cursor, emit, import_odoo, measure, open_env, repeat, say

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
# The steps: each returns the figures of its runs
# ---------------------------------------------------------------------------
def step_setup(env, cr, meter, _bench, args):
    return [measure(cr, meter, lambda: create_data(env, args.n), env)]


def step_launch(env, cr, meter, bench, args):
    """Our launch or the naive one, on a fresh copy; with --capture, the rows ours created are kept for the floor."""
    func = launch_ours if args.impl == "ours" else launch_naive
    measures = [measure(cr, meter, lambda: func(env, bench), env)]
    measures[0]["records"] = measures[0]["rows"].get("union_unit_report", 0)
    if args.capture:
        with db_cursor(args.before) as before_cr:
            rows = floor.capture(cr, before_cr, env.registry, list(meter.inserted), args.capture)
        say("launch: kept for the floor " + ", ".join(f"{table} {count:,}" for table, count in rows.items()))
    return measures


def step_floor(cr, meter, args):
    """The floor (bench/floor.py): the rows captured from our launch inserted by SQL on a fresh copy."""
    replay = floor.stage(cr, args.replay)
    measures = [measure(cr, meter, replay)]
    measures[0]["records"] = measures[0]["rows"].get("union_unit_report", 0)
    return measures


def step_cron(env, cr, meter, bench, args):
    if args.op == "cron":
        align_dates(env, bench)

    def run_once():
        jobs = cron_jobs(env) if args.impl == "ours" else naive_cron_jobs(env)
        return measure(cr, meter, lambda: run_parts(env, meter, jobs), env)

    return repeat(args.reps, run_once)


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
    ids = bench.campaign.ids
    render = {
        "xlsx": lambda: Report._render_xlsx("union_campaign.action_report_campaign_results_xlsx", ids, {}),
        "results_html": lambda: Report._render_qweb_html("union_campaign.action_report_campaign_results", ids),
    }[args.op]

    def run_once():
        outputs = []
        figures = measure(cr, meter, lambda: outputs.append(render()), env)
        return {**figures, "bytes": len(outputs[0][0])}

    return repeat(args.reps, run_once)


def step_rollup(env, cr, meter, _bench, args):
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

    def run_once():
        env.invalidate_all()
        return {**measure(cr, meter, func, env), "records": lines}

    measures = repeat(args.reps, run_once)
    say(f"{args.op}: {args.n} grassroots units, {reports} reports, {lines} lines")
    return measures


STEPS = {
    "setup": step_setup,
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
        if args.op != "launch" or not args.replay:
            raise SystemExit("raw_sql: the launch's floor only, with --replay (the rows our launch created)")
        import_odoo(args)
        cr = db_cursor(args.db)
        measures = step_floor(cr, Meter(), args)
    else:
        env = open_env(args)
        cr = env.cr
        bench = Bench(env) if args.op != "setup" else None
        measures = STEPS[args.op](env, cr, Meter(), bench, args)
    cr.close()
    return emit(measures)
