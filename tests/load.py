# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""`make load`: concurrent JSON-RPC clients save, submit, approve and send back unit reports on a real server.

Run by `tools/devtool.py load` against an `odoo-bin --workers=2` serving a fresh database without demo data.
Setup (as admin): a federation, grassroots units, reporters, officers, managers, a two-step plan of several
phases x unit items, submitted, approved and launched. Then N client threads, each logged in as its own user:

* reporters (each owns a disjoint set of units) save report lines (a unique token in `note` per write),
  submit, resubmit returned reports, now and then withdraw a submission or save on a stale view;
* officers compete on the same reports waiting for step 1: approve (alone or in a batch) or send back,
  and now and then submit a draft for its unit;
* managers compete on the reports waiting for step 2 (and sometimes step 1, being officers too).

Expected refusals (UserError, AccessError, ValidationError, concurrency retries exhausted) are counted as
refused; HTTP 5xx, connection errors and any other exception are failures. Afterwards, as admin, every
report's final state, review history, line values and open activities are checked. Loopback only, bounded
by `--seconds` and `--max-ops` (per client). Exit status 1 when a check fails.
"""

import argparse
import collections
import datetime
import http.client
import itertools
import os
import platform
import random
import re
import subprocess
import sys
import threading
import time
import urllib.error
from pathlib import Path
from urllib.parse import urlparse

from odoo_rpc import RpcError, Session  # tests/ is on the path: this script's own folder

REPORT, LINE, REVIEW = "union.unit.report", "union.unit.report.line", "union.unit.report.review"
ACTIVITY_TYPES = {
    "submit": "union_campaign.mail_act_submit_report",
    "review": "union_campaign.mail_act_review_report",
    "revise": "union_campaign.mail_act_revise_report",
}
# Answers that are a legitimate "no" under concurrency: the business rules and the database's retry limit.
REFUSAL_NAMES = {
    "odoo.exceptions.UserError",
    "odoo.exceptions.AccessError",
    "odoo.exceptions.ValidationError",
    "psycopg2.errors.SerializationFailure",
    "psycopg2.errors.DeadlockDetected",
    "psycopg2.errors.LockNotAvailable",
    "psycopg2.extensions.TransactionRollbackError",
}
REFUSAL_REASONS = [
    (
        "same reviewer for both steps",
        re.compile(r"already approved step|needs another|(both|two) (steps|different)", re.I),
    ),
    ("already decided", re.compile(r"already (approved|returned|sent back)", re.I)),
    ("not waiting for review", re.compile(r"not waiting for review", re.I)),
    ("step not yours", re.compile(r"which is not yours", re.I)),
    ("own submission", re.compile(r"who submitted it", re.I)),
    ("partly approved", re.compile(r"partly approved", re.I)),
    ("wrong state", re.compile(r"^Cannot |is not a draft or returned", re.I)),
    ("locked report", re.compile(r"no longer be changed|is approved or cancelled", re.I)),
    ("withdraw not allowed", re.compile(r"withdraw", re.I)),
]
MAX_RETURNS = 2  # per report, so that the reports converge to approved within the time bound


# ---------------------------------------------------------------------------
# Measured operations
# ---------------------------------------------------------------------------
class Stats:
    """Per operation kind: count, ok, refused, failed, latencies; refusal reasons; failure samples."""

    def __init__(self):
        self.lock = threading.Lock()
        self.kinds = collections.defaultdict(lambda: {"ok": 0, "refused": 0, "failed": 0, "ms": []})
        self.reasons = collections.Counter()
        self.samples = {}
        self.failures = []
        self.http_5xx = 0
        self.conn_errors = 0

    def add(self, kind, outcome, ms, *, reason=None, failure=None, http_5xx=False, conn_error=False, sample=""):
        with self.lock:
            entry = self.kinds[kind]
            entry[outcome] += 1
            entry["ms"].append(ms)
            if reason:
                self.reasons[(kind, reason)] += 1
                self.samples.setdefault((kind, reason), sample)
            if failure and len(self.failures) < 30:
                self.failures.append(f"{kind}: {failure}")
            self.http_5xx += http_5xx
            self.conn_errors += conn_error


def refusal_reason(error):
    for label, pattern in REFUSAL_REASONS:
        if pattern.search(error.message or ""):
            return label
    if error.name.startswith("psycopg2"):
        return "concurrency retries exhausted"
    return error.name.rsplit(".", 1)[-1]


class Client:
    """One user's session, whose calls are timed and classified as ok / refused / failed."""

    def __init__(self, name, session, stats, max_ops, deadline):
        self.name, self.session, self.stats = name, session, stats
        self.max_ops, self.deadline = max_ops, deadline
        self.ops = 0
        self.rng = random.Random(f"{name}-{os.environ.get('UC_LOAD_SEED', '')}")

    @property
    def uid(self):
        return self.session.uid

    def running(self):
        return self.ops < self.max_ops and time.monotonic() < self.deadline

    def op(self, kind, model, method, *args, **kwargs):
        """Return ("ok", result), ("refused", RpcError) or ("failed", None) / ("unknown", None) (no answer)."""
        self.ops += 1
        start = time.perf_counter()
        try:
            result = self.session.call(model, method, *args, **kwargs)
        except RpcError as error:
            ms = (time.perf_counter() - start) * 1000
            if error.name in REFUSAL_NAMES:
                self.stats.add(kind, "refused", ms, reason=refusal_reason(error), sample=error.message[:160])
                return "refused", error
            self.stats.add(kind, "failed", ms, failure=f"{error.name}: {error.message[:300]}")
            return "failed", None
        except urllib.error.HTTPError as error:
            ms = (time.perf_counter() - start) * 1000
            self.stats.add(kind, "failed", ms, failure=f"HTTP {error.code}", http_5xx=error.code >= 500)
            return "unknown", None
        except (OSError, http.client.HTTPException) as error:  # TimeoutError is an OSError
            ms = (time.perf_counter() - start) * 1000
            self.stats.add(kind, "failed", ms, failure=f"connection: {error!r}", conn_error=True)
            return "unknown", None
        ms = (time.perf_counter() - start) * 1000
        self.stats.add(kind, "ok", ms)
        return "ok", result


# ---------------------------------------------------------------------------
# What the clients did, for the checks
# ---------------------------------------------------------------------------
class Ledger:
    """Acknowledged line writes and decisions, shared by the client threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.line_acked = {}  # line id: token of the last write the server acknowledged
        self.line_unknown = collections.defaultdict(list)  # line id: tokens sent without an answer (may land)
        self.decisions = collections.defaultdict(collections.Counter)  # report: {(decision, uid): acked}
        self.uncertain_reports = set()  # a transition without an answer: its history cannot be compared
        self.returns = collections.Counter()

    def line_write(self, line_id, token, status):
        with self.lock:
            if status == "ok":
                self.line_acked[line_id] = token
            elif status == "unknown":
                self.line_unknown[line_id].append(token)

    def decision(self, report_ids, decision, uid, status):
        with self.lock:
            for report_id in report_ids:
                if status == "ok":
                    self.decisions[report_id][(decision, uid)] += 1
                    if decision == "returned":
                        self.returns[report_id] += 1
                elif status == "unknown":
                    self.uncertain_reports.add(report_id)


# ---------------------------------------------------------------------------
# Setup
# ---------------------------------------------------------------------------
def unit_vals(admin, cache, name, code, kind, *, parent_id=False, reporter_id=False):
    """Values of a union.unit. The type is a selection `unit_type` today; a many2one `unit_type_id` tomorrow."""
    if "fields" not in cache:
        cache["fields"] = admin.call("union.unit", "fields_get", [], attributes=["type", "selection", "relation"])
    fields = cache["fields"]
    vals = {"name": name, "code": code}
    if parent_id:
        vals["parent_id"] = parent_id
    if reporter_id:
        vals.update(chair_user_id=reporter_id, member_user_ids=[(6, 0, [reporter_id])])
    if "unit_type_id" in fields:
        model = fields["unit_type_id"]["relation"]
        if model not in cache:
            # Only types that receive plans (departments, say, do not): every unit created here must report.
            type_fields = admin.call(model, "fields_get", [], attributes=["type"])
            domain = [("receives_plans", "=", True)] if "receives_plans" in type_fields else []
            cache[model] = admin.call(model, "search_read", domain, ["name"], order="id")
        types = cache[model]
        federation = [t for t in types if re.search(r"federation|liên đoàn", t["name"], re.I)]
        grassroots = [t for t in types if t not in federation]
        pool = federation if kind == "federation" else grassroots
        if not pool:
            pool.append({"id": admin.call(model, "create", {"name": "Load " + kind}), "name": kind})
        vals["unit_type_id"] = pool[sum(map(ord, code)) % len(pool)]["id"]
    elif "unit_type" in fields:
        vals["unit_type"] = kind
    return vals


def withdraw_transition(admin):
    """(method, decision) of a reporter taking back a submission: `action_withdraw` once the model has it."""
    decisions = admin.call(REVIEW, "fields_get", ["decision"], attributes=["selection"])["decision"]["selection"]
    if "withdrawn" in {key for key, _label in decisions}:
        return "action_withdraw", "withdrawn"
    return "action_reset_draft", "reset"


def setup(args, admin):
    t0 = time.perf_counter()
    tag = f"{os.getpid()}"
    n_managers = max(2, round(args.clients * 0.15))
    n_officers = max(2, round(args.clients * 0.25))
    n_reporters = args.clients - n_managers - n_officers
    if n_reporters < 1:
        raise SystemExit("--clients must be at least 5 (reporters, 2 officers, 2 managers)")
    base_user = admin.ref("base.group_user")
    groups = {
        "reporter": admin.ref("union_campaign.group_user"),
        "officer": admin.ref("union_campaign.group_officer"),
        "manager": admin.ref("union_campaign.group_manager"),
    }
    roles = ["reporter"] * n_reporters + ["officer"] * n_officers + ["manager"] * n_managers
    logins = [f"load_{role}_{i:02d}_{tag}" for i, role in enumerate(roles)]
    user_ids = admin.call(
        "res.users",
        "create",
        [
            {
                "name": f"Load {role} {i:02d}",
                "login": login,
                "password": login,
                "email": f"{login}@example.com",  # the author of a chatter note needs one (no mail leaves: inbox)
                "notification_type": "inbox",
                "tz": "Asia/Ho_Chi_Minh",
                "groups_id": [(6, 0, [base_user, groups[role]])],
            }
            for i, (role, login) in enumerate(zip(roles, logins, strict=True))
        ],
        context={"no_reset_password": True, "mail_create_nosubscribe": True, "tracking_disable": True},
    )
    users = [{"role": r, "login": login, "uid": u} for r, login, u in zip(roles, logins, user_ids, strict=True)]
    reporters = [u for u in users if u["role"] == "reporter"]
    officers = [u for u in users if u["role"] == "officer"]
    managers = [u for u in users if u["role"] == "manager"]

    cache = {}
    federation = admin.call(
        "union.unit", "create", unit_vals(admin, cache, "Load Federation", f"LF-{tag}", "federation")
    )
    n_units = -(-args.reports // args.phases)
    kinds = ("agency", "enterprise", "school")
    unit_ids = admin.call(
        "union.unit",
        "create",
        [
            unit_vals(
                admin,
                cache,
                f"Load Unit {i:04d}",
                f"LU-{tag}-{i:04d}",
                kinds[i % 3],
                parent_id=federation,
                reporter_id=reporters[i % len(reporters)]["uid"],
            )
            for i in range(n_units)
        ],
        context={"tracking_disable": True},
    )
    today = datetime.date.today()
    phases = []
    for p in range(args.phases):
        start = today - datetime.timedelta(days=10 - p)
        phases.append(
            (
                0,
                0,
                {
                    "name": f"Load phase {p + 1}",
                    "sequence": p + 1,
                    "date_start": start.isoformat(),
                    "date_end": (today + datetime.timedelta(days=30 + p)).isoformat(),
                    "report_deadline": (today + datetime.timedelta(days=35 + p)).isoformat(),
                    "item_ids": [
                        (0, 0, {"name": f"Item {p + 1}.{i + 1}", "scope": "units", "target_qty": 5})
                        for i in range(args.items)
                    ],
                },
            )
        )
    plan_officer, plan_approver = officers[0], managers[0]
    plan = admin.call(
        "union.campaign",
        "create",
        {
            "name": "Load test plan",
            "reference": f"{tag}/KH-LOAD",
            "issuing_unit_id": federation,
            "issue_date": today.isoformat(),
            "review_steps": 2,
            "user_id": plan_officer["uid"],
            "approver_id": plan_approver["uid"],
            "unit_ids": [(6, 0, unit_ids)],
            "phase_ids": phases,
        },
    )
    officer = Session(args.url, args.db, plan_officer["login"], plan_officer["login"])
    manager = Session(args.url, args.db, plan_approver["login"], plan_approver["login"])
    officer.call("union.campaign", "action_submit", [plan])
    manager.call("union.campaign", "action_approve", [plan])
    officer.call("union.campaign", "action_launch", [plan])
    reports = admin.call(REPORT, "search_read", [("campaign_id", "=", plan)], ["unit_id", "user_id", "state"])
    lines = admin.call(LINE, "search_read", [("report_id.campaign_id", "=", plan)], ["report_id"])
    lines_of = collections.defaultdict(list)
    for line in lines:
        lines_of[line["report_id"][0]].append(line["id"])
    reports_of = collections.defaultdict(list)
    for report in reports:
        reports_of[report["user_id"][0]].append(report["id"])
    print(
        f"Setup: {len(users)} users ({n_reporters} reporters, {n_officers} officers, {n_managers} managers), "
        f"{n_units} units, {args.phases} phases x {args.items} items: {len(reports)} reports, {len(lines)} lines "
        f"in {time.perf_counter() - t0:.1f} s",
        flush=True,
    )
    if len(reports) < args.reports:
        raise SystemExit(f"launch created {len(reports)} reports, fewer than the {args.reports} asked")
    return {
        "plan": plan,
        "users": users,
        "reports": [r["id"] for r in reports],
        "lines_of": lines_of,
        "reports_of": reports_of,
        "withdraw": withdraw_transition(admin),
        "plan_officer": plan_officer["uid"],
        "plan_approver": plan_approver["uid"],
    }


# ---------------------------------------------------------------------------
# Clients
# ---------------------------------------------------------------------------
def reporter_loop(client, ctx, ledger, done_flags):
    my_reports = sorted(ctx["reports_of"].get(client.uid, ()))
    withdraw_method, withdraw_decision = ctx["withdraw"]
    seq = itertools.count(1)
    while client.running():
        status, rows = client.op(
            "read own reports",
            REPORT,
            "search_read",
            [("id", "in", my_reports), ("state", "!=", "approved")],
            ["state", "review_step"],
        )
        if status != "ok":
            time.sleep(0.2)
            continue
        if not rows:
            done_flags[client.name] = True  # every report of my units is approved
            return
        editable = [row for row in rows if row["state"] in ("draft", "returned")]
        submitted = [row for row in rows if row["state"] == "submitted"]
        roll = client.rng.random()
        if submitted and roll < 0.05:
            # Withdraw my submission: races with the reviewers' decisions (refused once one has decided).
            row = client.rng.choice(submitted)
            status, _ = client.op("withdraw", REPORT, withdraw_method, [row["id"]])
            ledger.decision([row["id"]], withdraw_decision, client.uid, status)
        elif submitted and roll < 0.10:
            # Save on a stale view: refused while submitted, accepted if it was sent back meanwhile.
            row = client.rng.choice(submitted)
            save_lines(client, ledger, [client.rng.choice(ctx["lines_of"][row["id"]])], next(seq))
        if not editable:
            time.sleep(1 + client.rng.random())  # everything waits for review: leave the workers to reviewers
            continue
        for row in client.rng.sample(editable, min(3, len(editable))):
            lines = ctx["lines_of"][row["id"]]
            if client.rng.random() < 0.8:
                save_lines(client, ledger, lines, next(seq))  # the whole report in one write
            else:
                for line_id in lines:
                    save_lines(client, ledger, [line_id], next(seq))
            if client.rng.random() < 0.1 or not client.running():
                continue  # saved, not submitted yet
            kind = "resubmit" if row["state"] == "returned" else "submit"
            status, _ = client.op(kind, REPORT, "action_submit", [row["id"]])
            ledger.decision([row["id"]], "submitted", client.uid, status)


def save_lines(client, ledger, line_ids, seq):
    """Write the lines with a token never written before; remember what the server acknowledged."""
    token = f"{client.name}#{seq}#{time.time_ns()}"
    vals = {
        "is_done": client.rng.random() < 0.8,
        "qty_done": client.rng.randint(0, 12),
        "participant_count": client.rng.randint(0, 150),
        "note": token,
    }
    kind = "save line" if len(line_ids) == 1 else "save lines"
    status, result = client.op(kind, LINE, "write", line_ids, vals)
    if status == "ok" and result is not True:
        status = "unknown"
    for line_id in line_ids:
        ledger.line_write(line_id, token, status)


def reviewer_loop(client, ctx, ledger, done_flags, role):
    plan = ctx["plan"]
    empty_step_2 = False
    while client.running():
        # Officers review step 1; managers step 2, and step 1 too now and then (they are officers as well).
        step = 1 if role == "officer" or empty_step_2 or client.rng.random() < 0.2 else 2
        domain = [("campaign_id", "=", plan), ("state", "=", "submitted"), ("review_step", "=", step)]
        status, rows = client.op(
            f"read step {step} queue", REPORT, "search_read", domain, ["submitted_user_id"], limit=30,
            order="date_submitted, id",
        )  # fmt: skip
        if status != "ok":
            time.sleep(0.2)
            continue
        empty_step_2 = step == 2 and not rows and not empty_step_2
        if not rows:
            if all(done_flags.values()):
                return
            if role == "officer" and client.rng.random() < 0.1:
                officer_submits_draft(client, ctx, ledger)
            elif not empty_step_2:
                time.sleep(0.5 + client.rng.random() * 0.5)
            continue
        if role == "officer" and client.rng.random() < 0.03:
            officer_submits_draft(client, ctx, ledger)
        # The oldest few, in a random order: the reviewers compete on the same reports.
        head = client.rng.sample(rows[:20], min(20, len(rows)))
        for row in head[:3]:
            if not client.running():
                break
            if client.rng.random() < 0.08 and len(head) >= 2:
                batch = [r["id"] for r in client.rng.sample(head, min(3, len(head)))]
                status, _ = client.op(f"approve step {step} (batch)", REPORT, "action_approve", batch)
                ledger.decision(batch, "approved", client.uid, status)
            elif client.rng.random() < (0.15 if step == 1 else 0.1) and ledger.returns[row["id"]] < MAX_RETURNS:
                reason = f"Load: complete the figures ({client.name}, {time.time_ns()})"
                status, _ = client.op(f"send back step {step}", REPORT, "action_return", [row["id"]], reason=reason)
                ledger.decision([row["id"]], "returned", client.uid, status)
            else:
                status, _ = client.op(f"approve step {step}", REPORT, "action_approve", [row["id"]])
                ledger.decision([row["id"]], "approved", client.uid, status)


def officer_submits_draft(client, ctx, ledger):
    """An officer submits a draft for its unit: races with the unit's reporter, and may not approve it."""
    status, rows = client.op(
        "read drafts", REPORT, "search_read", [("campaign_id", "=", ctx["plan"]), ("state", "=", "draft")], ["id"],
        limit=20,
    )  # fmt: skip
    if status == "ok" and rows:
        report_id = client.rng.choice(rows)["id"]
        status, _ = client.op("submit (officer)", REPORT, "action_submit", [report_id])
        ledger.decision([report_id], "submitted", client.uid, status)


def run_clients(args, ctx, stats, ledger):
    deadline = time.monotonic() + args.seconds
    clients, done_flags = [], {}
    for user in ctx["users"]:
        session = Session(args.url, args.db, user["login"], user["login"])
        clients.append((user["role"], Client(user["login"], session, stats, args.max_ops, deadline)))
        if user["role"] == "reporter":
            done_flags[user["login"]] = False
    errors = []

    def target(role, client):
        try:
            if role == "reporter":
                reporter_loop(client, ctx, ledger, done_flags)
            else:
                reviewer_loop(client, ctx, ledger, done_flags, role)
        except Exception as exc:  # noqa: BLE001 - a client bug is a failed run, not a hang
            errors.append(f"{client.name}: {exc!r}")
            done_flags[client.name] = True

    threads = [threading.Thread(target=target, args=pair, name=pair[1].name) for pair in clients]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(1, deadline - time.monotonic()) + 150)
    elapsed = time.perf_counter() - start
    stuck = [t.name for t in threads if t.is_alive()]
    return elapsed, errors + [f"{name}: still running after the time bound" for name in stuck]


# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------
class Replay:
    """Replays a report's review history (in insertion order) and says what is wrong with it."""

    def __init__(self, steps):
        self.steps = steps
        self.state, self.step, self.submitter, self.approvers = "draft", 0, None, {}
        self.problems = []  # (kind, text)
        self.doubles = 0

    def feed(self, entry):
        decision, user = entry["decision"], entry["user_id"][0]
        where = f"#{entry['id']} {decision} step {entry['step']} by uid {user}"
        if not entry["date"]:
            self.problems.append(("no date", where))
        if decision == "submitted":
            if self.state not in ("draft", "returned"):
                self.problems.append(("submitted while not draft or returned", f"{where} ({self.state})"))
            self.state, self.step, self.submitter, self.approvers = "submitted", 1, user, {}
        elif decision in ("approved", "returned"):
            self.decide(entry, decision, user, where)
        elif decision in ("withdrawn", "reset") and self.state == "submitted":
            if self.step > 1 or self.approvers:
                self.problems.append(("withdrawn after a decision", where))
            if decision == "withdrawn" and user != self.submitter:
                self.problems.append(("withdrawn by someone else", where))
            self.state, self.step = "draft", 0
        elif decision in ("reopened", "reset") and self.state in ("approved", "returned", "cancelled"):
            self.state, self.step = "draft", 0
        else:
            self.problems.append(("transition from a wrong state", f"{where} ({self.state})"))

    def decide(self, entry, decision, user, where):
        if self.state != "submitted" or entry["step"] != self.step:
            self.doubles += 1
            self.problems.append(("double decision", f"{where}: the report was {self.state} at step {self.step}"))
            return
        if decision == "returned":
            if not (entry["reason"] or "").strip():
                self.problems.append(("returned without a reason", where))
            self.state, self.step = "returned", 0
            return
        if user == self.submitter:
            self.problems.append(("approved by its submitter", where))
        if user in self.approvers.values():
            self.problems.append(("both steps by the same person", where))
        self.approvers[self.step] = user
        self.step += 1
        if self.step > self.steps:
            self.state, self.step = "approved", 0

    def finish(self, report, history):
        if self.state != report["state"]:
            self.problems.append(("final state differs", f"history ends {self.state}, report is {report['state']}"))
        elif self.state == "submitted" and self.step != report["review_step"]:
            self.problems.append(("final step differs", f"history: step {self.step}, report: {report['review_step']}"))
        submitted_by = report["submitted_user_id"] and report["submitted_user_id"][0]
        if self.state == "submitted" and submitted_by != self.submitter:
            self.problems.append(("submitter differs", f"submitted_user_id {submitted_by}, history {self.submitter}"))
        if self.state == "returned" and history[-1]["decision"] != "returned":
            self.problems.append(("returned, last decision not a return", history[-1]["decision"]))
        if report["state"] not in ("draft", "submitted", "returned", "approved"):
            self.problems.append(("unexpected state", report["state"]))
        return self.problems


def read_final(admin, ctx):
    """Everything the checks need, read as admin once the clients have stopped."""
    report_ids = ctx["reports"]
    fields = ["state", "review_step", "user_id", "reviewer_id", "submitted_user_id"]
    reports = {r["id"]: r for r in admin.call(REPORT, "read", report_ids, fields)}
    steps = admin.call("union.campaign", "read", [ctx["plan"]], ["review_steps"])[0]["review_steps"]
    reviews = admin.call(
        REVIEW,
        "search_read",
        [("report_id", "in", report_ids)],
        ["report_id", "decision", "step", "user_id", "date", "reason"],
    )
    history_of = collections.defaultdict(list)
    for review in sorted(reviews, key=lambda r: r["id"]):
        history_of[review["report_id"][0]].append(review)
    lines = admin.call(LINE, "search_read", [("report_id", "in", report_ids)], ["note", "report_id"])
    type_ids = {admin.ref(xmlid): key for key, xmlid in ACTIVITY_TYPES.items()}
    open_of = collections.defaultdict(list)
    for activity in admin.call(
        "mail.activity",
        "search_read",
        [("res_model", "=", REPORT), ("res_id", "in", report_ids)],
        ["res_id", "activity_type_id", "user_id"],
    ):
        kind = type_ids.get(activity["activity_type_id"][0], activity["activity_type_id"][1])
        open_of[activity["res_id"]].append((kind, activity["user_id"] and activity["user_id"][0]))
    return reports, steps, history_of, lines, open_of


def expected_activities(report, ctx):
    """The open activities the report's state calls for: [(kind, user id)]."""
    reporter = report["user_id"] and report["user_id"][0]
    if report["state"] == "submitted":
        reviewer = ctx["plan_officer"] if report["review_step"] == 1 else ctx["plan_approver"]
        if report["reviewer_id"] and report["reviewer_id"][0] != reviewer:
            return [("review", reviewer), ("reviewer_id is", report["reviewer_id"][0])]
        return [("review", reviewer)]
    return {"draft": [("submit", reporter)], "returned": [("revise", reporter)]}.get(report["state"], [])


def run_checks(admin, ctx, ledger):
    reports, steps, history_of, lines, open_of = read_final(admin, ctx)
    checks = {
        "reports": len(reports),
        "states": collections.Counter(r["state"] for r in reports.values()),
        "reviews": sum(len(h) for h in history_of.values()),
        "invalid": [],
        "doubles": 0,
        "problem_kinds": collections.Counter(),
        "wrong_activities": [],
        "lost": [],
        "lines_written": len(ledger.line_acked),
        "details": [],
    }
    for decision in ("submitted", "approved", "returned"):
        checks[f"{decision}_once"] = sum(1 for h in history_of.values() if any(x["decision"] == decision for x in h))
    for report_id, report in sorted(reports.items()):
        history = history_of[report_id]
        replay = Replay(steps)
        for entry in history:
            replay.feed(entry)
        problems = replay.finish(report, history)
        checks["doubles"] += replay.doubles
        if report_id not in ledger.uncertain_reports:
            recorded = collections.Counter((h["decision"], h["user_id"][0]) for h in history)
            acknowledged = ledger.decisions.get(report_id, collections.Counter())
            if recorded != acknowledged:
                problems.append(("history differs from the acknowledged calls", f"{recorded} != {acknowledged}"))
        if problems:
            checks["invalid"].append(report_id)
            checks["problem_kinds"].update({kind for kind, _text in problems})
            if len(checks["invalid"]) <= 12:
                trail = ", ".join(f"#{h['id']} {h['decision']}/step {h['step']}/uid {h['user_id'][0]}" for h in history)
                text = "; ".join(f"{kind}: {what}" for kind, what in problems)
                checks["details"].append(f"report {report_id} ({report['state']}): {text} | history: {trail}")
        expected = sorted(expected_activities(report, ctx), key=str)
        found = sorted(open_of[report_id], key=str)
        if found != expected:
            checks["wrong_activities"].append(report_id)
            if len(checks["wrong_activities"]) <= 8:
                checks["details"].append(
                    f"report {report_id} ({report['state']}, step {report['review_step']}): open activities {found}, "
                    f"expected {expected}"
                )
    # Lost updates: an acknowledged line write whose token is not the final value, although no later write to
    # that line was acknowledged (one client writes each line, in order) nor sent without an answer.
    final = {line["id"]: (line["note"], reports[line["report_id"][0]]["state"]) for line in lines}
    for line_id, token in sorted(ledger.line_acked.items()):
        note, state = final.get(line_id, (None, None))
        if note != token and note not in ledger.line_unknown.get(line_id, ()):
            checks["lost"].append(line_id)
            if len(checks["lost"]) <= 8:
                checks["details"].append(f"lost update: line {line_id} ({state}): acked {token!r}, final {note!r}")
    return checks


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------
def pct(values, q):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def machine():
    """(CPU model as lscpu names it, cores)."""
    model = platform.processor() or "unknown"
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
        model = next((ln.split(":", 1)[1].strip() for ln in out.splitlines() if ln.startswith("Model name")), model)
    except OSError:
        pass
    return model, os.cpu_count()


def render(run):
    """Return (operation rows, summary rows, names of the failed checks) of a finished run."""
    stats, checks = run.stats, run.checks
    rows, all_ms = [], []
    totals = collections.Counter()
    for kind in sorted(stats.kinds):
        entry = stats.kinds[kind]
        count = entry["ok"] + entry["refused"] + entry["failed"]
        all_ms += entry["ms"]
        totals.update(count=count, ok=entry["ok"], refused=entry["refused"], failed=entry["failed"])
        rows.append((kind, count, entry["ok"], entry["refused"], entry["failed"], pct(entry["ms"], 0.5),
                     pct(entry["ms"], 0.95)))  # fmt: skip
    rows.append(("all", totals["count"], totals["ok"], totals["refused"], totals["failed"], pct(all_ms, 0.5),
                 pct(all_ms, 0.95)))  # fmt: skip
    verdicts = [
        ("lost updates", checks["lost"]),
        ("double decisions", checks["doubles"]),
        ("HTTP 5xx", stats.http_5xx),
        ("invalid review histories", checks["invalid"]),
        ("wrong activities", checks["wrong_activities"]),
        ("failed operations", totals["failed"]),
        ("client errors", run.client_errors),
        # A run where nothing got through (wrong rights, say) proves nothing: it fails too.
        ("nothing approved or written", not checks["approved_once"] or not checks["lines_written"]),
    ]
    failed_checks = [name for name, value in verdicts if value]
    kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(checks["problem_kinds"].items())) or "-"
    summary = [
        ("operations", totals["count"]),
        ("operations per second", f"{totals['count'] / run.elapsed:.1f}"),
        ("lost updates", len(checks["lost"])),
        ("double decisions", checks["doubles"]),
        ("HTTP 5xx", stats.http_5xx),
        ("connection errors", stats.conn_errors),
        ("invalid review histories", len(checks["invalid"])),
        ("  problems (reports)", kinds),
        ("wrong activities", len(checks["wrong_activities"])),
        ("latency p50 / p95 (ms)", f"{pct(all_ms, 0.5):.0f} / {pct(all_ms, 0.95):.0f}"),
        ("reports", checks["reports"]),
        ("  submitted at least once", checks["submitted_once"]),
        ("  approved at least one step", checks["approved_once"]),
        ("  sent back at least once", checks["returned_once"]),
        ("  final states", ", ".join(f"{k} {v}" for k, v in sorted(checks["states"].items()))),
        ("review decisions recorded", checks["reviews"]),
        ("lines with an acknowledged write", checks["lines_written"]),
        ("result", "PASS" if not failed_checks else "FAIL: " + ", ".join(failed_checks)),
    ]
    return rows, summary, failed_checks


def print_text(run, rows, summary):
    stats = run.stats
    print(f"\n{'operation':<28} {'count':>7} {'ok':>7} {'refused':>8} {'failed':>7} {'p50 ms':>8} {'p95 ms':>8}")
    for kind, count, ok, refused, failed, p50, p95 in rows:
        print(f"{kind:<28} {count:>7} {ok:>7} {refused:>8} {failed:>7} {p50:>8.0f} {p95:>8.0f}")
    if stats.reasons:
        print("\nrefusals by reason:")
        for (kind, reason), count in sorted(stats.reasons.items()):
            print(f"  {kind:<28} {reason:<30} {count:>6}  e.g. {stats.samples[(kind, reason)][:90]}")
    print()
    for label, value in summary:
        print(f"{label:<40} {value}")
    for line in stats.failures + run.client_errors + run.checks["details"]:
        print(f"  ! {line}")
    sys.stdout.flush()


def write_markdown(run, rows, summary):
    args, stats, checks = run.args, run.stats, run.checks
    model, cores = machine()
    roles = ", ".join(f"{n} {role}s" for role, n in collections.Counter(u["role"] for u in run.ctx["users"]).items())
    now = datetime.datetime.now().astimezone()
    out = [
        "# Load test (`make load`)",
        "",
        "Last result of `make load`: Odoo 18 with `--workers=2` on a fresh database without demo data, "
        f"{args.clients} JSON-RPC clients (each its own user, loopback) saving, submitting, approving and sending "
        "back the unit reports of a two-step plan at once; then, as admin, every report's final state, review "
        "history, line values and open activities are checked. Driver: `tests/load.py`.",
        "",
        f"* date: {now:%Y-%m-%d %H:%M %Z}",
        f"* machine: {model}, {cores} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, PostgreSQL {args.pg_version or 'unknown'}",
        f"* command: `{args.command}`",
        "* Odoo: `--workers=2 --max-cron-threads 0`, default `limit_time_cpu`, `limit_time_real` and `limit_memory_*`",
        f"* clients: {args.clients} ({roles}); reports: {checks['reports']} ({args.phases} phases x "
        f"{-(-args.reports // args.phases)} units, {args.items} items each); bounds: {args.seconds} s, "
        f"{args.max_ops} operations per client",
        f"* setup {run.setup_s:.0f} s, load {run.elapsed:.0f} s; machine load average (1 min) "
        f"{run.loadavg[0]:.1f} before the clients, {run.loadavg[1]:.1f} after (other work shares the cores)",
        "",
        "| operation | count | ok | refused | failed | p50 ms | p95 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    out += [f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]} | {r[5]:.0f} | {r[6]:.0f} |" for r in rows]
    out += ["", "| total | |", "| --- | ---: |"]
    out += [f"| {label.strip()} | {value} |" for label, value in summary]
    if stats.reasons:
        out += ["", "Refusals (expected answers under concurrency):", ""]
        out += ["| operation | reason | count | example |", "| --- | --- | ---: | --- |"]
        out += [
            f"| {kind} | {reason} | {count} | {stats.samples[(kind, reason)][:100].replace('|', '/')} |"
            for (kind, reason), count in sorted(stats.reasons.items())
        ]
    problems = stats.failures + run.client_errors + checks["details"]
    if problems:
        out += ["", "Problems found:", "", *[f"* {p}" for p in problems]]
    Path(args.markdown).parent.mkdir(parents=True, exist_ok=True)
    Path(args.markdown).write_text("\n".join(out) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--url", required=True, help="http://127.0.0.1:<port> (loopback only)")
    parser.add_argument("--db", required=True)
    parser.add_argument("--admin-login", default="admin")
    parser.add_argument("--admin-password", default=os.environ.get("UC_LOAD_ADMIN_PASSWORD", "admin"))
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--phases", type=int, default=4)
    parser.add_argument("--items", type=int, default=2, help="unit items per phase (lines per report)")
    parser.add_argument("--seconds", type=int, default=240, help="time bound of the load phase")
    parser.add_argument("--max-ops", type=int, default=3000, help="operations per client at most")
    parser.add_argument("--markdown", help="write the result there as Markdown")
    parser.add_argument("--pg-version", default="")
    parser.add_argument("--command", default="make load")
    args = parser.parse_args()
    host = urlparse(args.url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"load.py drives a local server only, not {host}")
    seed = os.environ.setdefault("UC_LOAD_SEED", str(random.randrange(1 << 30)))
    print(f"Load test on {args.url} (database {args.db}), seed {seed}", flush=True)

    run = argparse.Namespace(args=args)
    t0 = time.perf_counter()
    admin = Session(args.url, args.db, args.admin_login, args.admin_password)
    run.ctx = setup(args, admin)
    run.setup_s = time.perf_counter() - t0
    run.stats, ledger = Stats(), Ledger()
    load_before = os.getloadavg()[0]
    print(f"Load: {args.clients} clients for at most {args.seconds} s ...", flush=True)
    run.elapsed, run.client_errors = run_clients(args, run.ctx, run.stats, ledger)
    run.loadavg = (load_before, os.getloadavg()[0])
    print(f"Clients stopped after {run.elapsed:.0f} s; checking every report as admin ...", flush=True)
    run.checks = run_checks(admin, run.ctx, ledger)
    rows, summary, failed = render(run)
    print_text(run, rows, summary)
    if args.markdown:
        write_markdown(run, rows, summary)
        print(f"Result written to {args.markdown}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
