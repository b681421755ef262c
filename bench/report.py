# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The bench's report: the goals, computed from the figures and never asserted, bench/results.json and
bench/RESULTS.md, and the merge of a roll-up-only run (SIZES=none) into the last full run's figures."""

import json

from data import ITEMS_PER_PHASE
from harness import IMPLS, LIMIT_MEMORY_HARD_MB, LIMIT_TIME_CPU, LIMIT_TIME_REAL, OPS, REPEAT_BUDGET, REPEATS, say

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
GIB_MB = 1024


MARKS = {True: "✓", False: "✗", None: "–"}


def find(runs, n, op, impl="ours"):
    return next((r for r in runs if r["n"] == n and r["op"] == op and r["impl"] == impl), None)


# Ours against another way at 1,000 units: (goal, op, numerator, denominator, minimum, maximum) of the time ratio.
RATIO_GOALS = (
    ("Launch ≥ 20× faster than the naive way at 1,000 units", "launch", "naive", "ours", 20, None),
    ("Launch within 10× of the raw-SQL floor at 1,000 units", "launch", "ours", "raw_sql", None, 10),
    ("Mass submit ≥ 10× faster than naive at 1,000 units", "mass_submit", "naive", "ours", 10, None),
    ("Mass approve ≥ 10× faster than naive at 1,000 units", "mass_approve", "naive", "ours", 10, None),
)
RATIO_GOAL_UNITS = 1000
# Steps whose query count must not grow between 100 and 1,000 units (± 50).
FLAT_QUERY_OPS = ("launch", "mass_submit", "mass_approve", "cron")


def evaluate_goals(results):
    """Each goal: its text, met (True / False, None when not measured), and what was measured."""
    goals = []

    def goal(text, ok, measured):
        goals.append({"goal": text, "ok": ok, "measured": measured})

    runs = results["runs"]
    rollup_goals(runs, goal)
    for text, op, numerator, denominator, minimum, maximum in RATIO_GOALS:
        top, bottom = (find(runs, RATIO_GOAL_UNITS, op, impl) for impl in (numerator, denominator))
        if not (top and bottom and bottom["seconds"]):
            goal(text, None, f"not measured at {RATIO_GOAL_UNITS:,} units")
            continue
        ratio = top["seconds"] / bottom["seconds"]
        ok = (minimum is None or ratio >= minimum) and (maximum is None or ratio <= maximum)
        goal(text, ok, f"{ratio:.1f}× ({top['seconds']:.2f} s / {bottom['seconds']:.2f} s)")
    scale_goals(runs, goal)
    check = next((w for w in results["workers_check"] if w["n"] == 10000), None)
    text = "10,000-unit launch completes under --workers=2 with the default limits"
    if check:
        goal(text, check["ok"], workers_text(check))
    else:
        goal(text, None, "not measured at 10,000 units")
    again = [r for r in runs if r["op"] == "cron_again" and r["impl"] == "ours"]
    text = "The crons' second run writes nothing"
    if again:
        detail = ", ".join(f"{r['n']:,}: {r['writes']}" for r in again)
        goal(text, all(r["writes"] == 0 for r in again), f"writes {detail}")
    else:
        goal(text, None, "not measured")
    return goals


def rollup_goals(runs, goal):
    """The national roll-up's time and queries, and the memory of its XLSX."""
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


def scale_goals(runs, goal):
    """Queries flat from 100 to 1,000 units; time at most linear and memory bounded from 1,000 to 10,000."""
    for op in FLAT_QUERY_OPS:
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
        "Produced by `make bench` (`make bench SIZES=100,1000` for a quick run): see `bench/steps.py`. Each size",
        "gets n grassroots units, n/10 reporters, two officers, two managers and an approved plan of 3 phases ×",
        f"{ITEMS_PER_PHASE} unit items (+ 1 federation task), so a launch creates 3n reports, 12n lines and 3n + 1",
        "activities. Each step runs in its own process (peak RSS is that process's, Odoo's registry included) on",
        "its own copy of the database; steps that change data are repeated on fresh copies up to 1,000 units",
        f"(median of {REPEATS}, one run when a run takes over {REPEAT_BUDGET} s), the others in one process",
        "(median of 3). Times include the final flush and commit; queries count every SQL statement sent.",
        "",
        "*naive*: the obvious per-record code (in `bench/steps.py`), writing the same rows; *raw SQL*, the floor:",
        "the rows our launch created (its first run's), inserted again on a fresh copy by `INSERT ... SELECT`",
        "from staged copies, in one transaction (`bench/floor.py`).",
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


# ---------------------------------------------------------------------------
# The files
# ---------------------------------------------------------------------------
def merge_rollup_only(results, last):
    """A roll-up-only run (no sizes): the other figures stay those of the last full run (its date and commit said)."""
    merged = {**results, **{key: last[key] for key in ("sizes", "setup", "workers_check") if key in last}}
    merged["runs"] = [r for r in last["runs"] if not r["op"].startswith("rollup")] + results["runs"]
    merged["full_run"] = last.get("full_run") or {key: last.get(key) for key in ("date", "machine", "wall_seconds")}
    return merged


def write_results(results, out):
    """Write out/results.json and out/RESULTS.md (a roll-up-only run merged into the last results first)."""
    if not results["sizes"] and (out / "results.json").exists():
        results = merge_rollup_only(results, json.loads((out / "results.json").read_text()))
    results["goals"] = evaluate_goals(results)
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    (out / "RESULTS.md").write_text(markdown(results))
    say(f"wrote {out / 'RESULTS.md'} and {out / 'results.json'} in {results['wall_seconds']:.0f} s")
    for goal in results["goals"]:
        say(f"  {MARKS[goal['ok']]} {goal['goal']}: {goal['measured']}")
    return results
