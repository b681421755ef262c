#!/usr/bin/env python3
# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""`make bench`: union_campaign's bulk paths side by side with the naive way and the SQL floor.

Started by `tools/devtool.py bench`, which installs the addon without demo data in a template database.
For each size (units), the run copies the template, creates the data, then runs each step in its own process
on its own copy of the database, so that each step's peak RSS is its own and each repetition starts from the
same data. Writes bench/results.json and bench/RESULTS.md; the goals are reported, never asserted.

    harness.py  sizes, databases, Odoo, measurement (time, CPU, queries, rows, memory), the run of the steps
    data.py     the bench's records: units, users, an approved plan
    steps.py    each measured step, ours and the naive way (launch, daily jobs, review, results, roll-up)
    floor.py    the launch's floor: the rows our launch created, inserted again by SQL
    rollup.py   the national tree of the roll-up, written by SQL
    report.py   the goals, RESULTS.md and results.json, the merge of a roll-up-only run

    bench.py run --template DB --sizes 100,1000 --odoo-src ... --addons-path ... --data-dir ... [--db_host ...]
    bench.py step --db DB --n 100 --op launch --impl ours ...   (one step; prints a BENCH-RESULT line)
"""

import argparse
import os
import re
import sys
from pathlib import Path

from harness import DEFAULT_SIZES, IMPLS, OPS, Orchestrator, add_odoo_arguments
from report import write_results


def parse_sizes(parser, text):
    """Unit counts separated by commas; "none": no size (SIZES=none: only the roll-up, merged into the last run)."""
    if text.strip().lower() == "none":
        return []
    sizes = sorted({int(size) for size in re.split(r"[,\s]+", text.replace("_", "")) if size})
    if not sizes or min(sizes) < 1:
        parser.error(f"--sizes: give unit counts separated by commas, e.g. 100,1000 (got {text!r})")
    return sizes


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
    p_step.add_argument("--capture", help="launch: keep the rows our launch created in this folder (for the floor)")
    p_step.add_argument("--before", help="with --capture: the database the launch started from")
    p_step.add_argument("--replay", help="launch, raw_sql: the folder of the rows to insert again")
    add_odoo_arguments(p_step)
    args = parser.parse_args(argv)
    if args.command == "step":
        from steps import run_step  # noqa: PLC0415 - the step processes only

        return run_step(args)
    sizes = parse_sizes(parser, args.sizes)
    args.rollup_sizes = [int(size) for size in re.split(r"[,\s]+", args.rollup_sizes.replace("_", "")) if size]
    results = write_results(Orchestrator(args).run(sizes), Path(args.out))
    return 1 if results["errors"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
