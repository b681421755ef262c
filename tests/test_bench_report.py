# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The bench's report (bench/report.py) on the committed figures of the last full run: the goals it computes, the
RESULTS.md it writes, the merge of a roll-up-only run. Pure Python, no Odoo, nothing timed."""

import copy
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))
import report  # noqa: E402 - bench/ is not a package: its modules import each other by name

COMMITTED = json.loads((BENCH / "results.json").read_text())


def test_goals_of_the_committed_run_unchanged():
    """The goals computed again from the committed figures are the committed goals, word for word."""
    assert report.evaluate_goals(COMMITTED) == COMMITTED["goals"]


def test_markdown_has_every_measured_step_and_the_goals():
    text = report.markdown(COMMITTED)
    for op in {run["op"] for run in COMMITTED["runs"]}:
        assert f"\n## {op}\n" in text
    for goal in COMMITTED["goals"]:
        assert f"| {goal['goal']} | {goal['measured']} |" in text


def test_rollup_only_run_merged_into_the_full_run(tmp_path):
    (tmp_path / "results.json").write_text(json.dumps(COMMITTED))
    rollup = next(run for run in COMMITTED["runs"] if run["op"] == "rollup")
    new = {**copy.deepcopy(rollup), "n": 500, "queries": 3}
    results = {
        **{key: COMMITTED[key] for key in ("cpus", "machine", "errors")},
        "date": "2027-01-01",
        "sizes": [],
        "rollup_sizes": [500],
        "wall_seconds": 12.0,
        "runs": [new],
        "setup": [],
        "workers_check": [],
    }
    merged = report.write_results(results, tmp_path)
    kept = [run for run in COMMITTED["runs"] if not run["op"].startswith("rollup")]
    assert merged["runs"] == [*kept, new]
    assert merged["sizes"] == COMMITTED["sizes"]
    assert merged["workers_check"] == COMMITTED["workers_check"]
    assert merged["full_run"] == COMMITTED["full_run"]
    assert json.loads((tmp_path / "results.json").read_text()) == merged
    assert "Roll-up run on 2027-01-01" in (tmp_path / "RESULTS.md").read_text()
