# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two people at the same moment, and a job killed half-way: real cursors, real commits, real PostgreSQL locks."""

import datetime
import threading
import time
import uuid
import zoneinfo
from unittest.mock import patch

import pytest
from odoo_inprocess import environment, registry


def _make_plan(env, suffix, reporters, *, review_steps=1, deadline=None, launch=True):
    """A running (or only approved) plan whose units are reported by `reporters` (logins), made as the demo
    officer and manager would."""
    Users = env["res.users"]
    officer = Users.search([("login", "=", "uc_officer")])
    manager = Users.search([("login", "=", "uc_manager")])
    federation = env.ref("union_campaign.unit_ldld_long_bien")
    units = env["union.unit"]
    for number, login in enumerate(reporters):
        user = Users.search([("login", "=", login)])
        if not user:
            user = Users.create(
                {
                    "name": f"Reporter {login}",
                    "login": login,
                    "email": f"{login}@example.com",
                    "tz": "Asia/Ho_Chi_Minh",
                    "groups_id": [(6, 0, env.ref("union_campaign.group_user").ids)],
                }
            )
        units |= env["union.unit"].create(
            {
                "name": f"Công đoàn E2E {suffix} {number}",
                "unit_type_id": env.ref("union_campaign.unit_type_agency").id,
                "parent_id": federation.id,
                "chair_user_id": user.id,
                "member_user_ids": [(6, 0, user.ids)],
            }
        )
    today = datetime.date.today()
    deadline = deadline or today + datetime.timedelta(days=20)
    plan = (
        env["union.campaign"]
        .with_user(officer)
        .create(
            {
                "name": f"Kế hoạch E2E {suffix}",
                "reference": f"{suffix}/KH-E2E",
                "issuing_unit_id": federation.id,
                "review_steps": review_steps,
                "approver_id": manager.id,
                "unit_ids": [(6, 0, units.ids)],
                "phase_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Giai đoạn 1",
                            "date_start": today - datetime.timedelta(days=10),
                            "date_end": deadline,
                            "report_deadline": deadline,
                            "item_ids": [(0, 0, {"name": "Hội nghị", "target_qty": 1})],
                        },
                    )
                ],
            }
        )
    )
    plan.with_user(officer).action_submit()
    plan.with_user(manager).action_approve()
    if launch:
        plan.with_user(officer).action_launch()
    return plan


def test_review_lock_two_reviewers_at_once():
    """Two reviewers approve the same report at once: the second is refused while the first holds the report
    (it does not wait, nor decide a second time), and after the first commits it reads "already approved by"."""
    suffix = uuid.uuid4().hex[:6]
    with environment() as env:
        plan = _make_plan(env, suffix, ["uc_reporter"])
        report = plan.report_ids
        report.with_user(env.ref("union_campaign.user_reporter")).action_submit()
        report_id = report.id

    first_decided, second_tried = threading.Event(), threading.Event()
    timeline = {}

    def first_reviewer():
        with environment("uc_officer") as env:
            env["union.unit.report"].browse(report_id).action_approve()
            first_decided.set()
            # Keep the transaction (and the row lock) open until the second reviewer has tried.
            second_tried.wait(timeout=30)
            time.sleep(0.5)
            timeline["first_commit"] = time.monotonic()

    def second_reviewer():
        first_decided.wait(timeout=30)
        try:
            with environment("uc_manager", commit=False) as env:
                env["union.unit.report"].browse(report_id).action_approve()
                timeline["second_result"] = "approved"
        except Exception as exc:  # noqa: BLE001 - the kind of failure is what the test checks
            timeline["second_result"] = type(exc).__name__
        timeline["second_done"] = time.monotonic()
        second_tried.set()

    threads = [threading.Thread(target=first_reviewer), threading.Thread(target=second_reviewer)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert timeline.get("second_result") == "LockNotAvailable", timeline
    assert timeline["second_done"] < timeline["first_commit"], "the second reviewer did not wait for the first"

    # Odoo's RPC layer retries such a failure: the retry sees the first decision and changes nothing.
    from odoo.exceptions import UserError  # noqa: PLC0415 - Odoo is importable once the registry is loaded

    with environment("uc_manager", commit=False) as env, pytest.raises(UserError, match="already approved by"):
        env["union.unit.report"].browse(report_id).action_approve()
    with environment(commit=False) as env:
        report = env["union.unit.report"].browse(report_id)
        assert report.state == "approved"
        assert report.review_ids.mapped("decision").count("approved") == 1


def test_launch_twice_at_once():
    """Two officers launch the same plan at once: one creates the reports, the other fails before creating
    anything (and its retry finds nothing missing): no duplicate report, activity or database error."""
    suffix = uuid.uuid4().hex[:6]
    with environment() as env:
        plan_id = _make_plan(env, suffix, ["uc_reporter", "uc_reporter2"], launch=False).id
    first_done, second_tried = threading.Event(), threading.Event()
    results = {}

    def launch(login, hold):
        try:
            with environment(login) as env:
                env["union.campaign"].browse(plan_id).action_launch()
                if hold:
                    first_done.set()
                    second_tried.wait(timeout=30)
            results[login] = "ok"
        except Exception as exc:  # noqa: BLE001 - the kind of failure is what the test checks
            results[login] = type(exc).__name__
        if not hold:
            second_tried.set()

    first = threading.Thread(target=launch, args=("uc_officer", True))
    first.start()
    first_done.wait(timeout=30)
    second = threading.Thread(target=launch, args=("uc_manager", False))
    second.start()
    for thread in (first, second):
        thread.join(timeout=60)
    assert results == {"uc_officer": "ok", "uc_manager": "LockNotAvailable"}, results
    with environment("uc_manager") as env:
        env["union.campaign"].browse(plan_id).action_launch()  # the retry
    with environment(commit=False) as env:
        plan = env["union.campaign"].browse(plan_id)
        assert len(plan.report_ids) == 2
        activities = env["mail.activity"].search(
            [("res_model", "=", "union.unit.report"), ("res_id", "in", plan.report_ids.ids)]
        )
        assert len(activities) == 2, "one Submit activity per report"


def test_reminder_job_killed_half_way_resumes():
    """The reminder job commits each batch: when it dies in the second batch, the first batch's digest stays sent,
    and the next run sends only the missing one (no duplicate)."""
    # Patched on the registry's class (every file's methods resolve through it), whichever file defines the job.
    report_class = registry()["union.unit.report"]

    suffix = uuid.uuid4().hex[:6]
    logins = [f"e2e_rem_{suffix}_1", f"e2e_rem_{suffix}_2"]
    # A reminder day of the plan (3,1), counted in the reporters' time zone as the job does.
    hanoi_today = datetime.datetime.now(zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")).date()
    deadline = hanoi_today + datetime.timedelta(days=3)
    with environment() as env:
        plan = _make_plan(env, suffix, logins, deadline=deadline)
        users = env["res.users"].search([("login", "in", logins)], order="id")
        report_by_user = {report.user_id.id: report.id for report in plan.report_ids}
        first_user, second_user = users.ids
    original = report_class._send_reminders

    def dying(self, reports_by_user):
        if any(user.id == second_user for user in reports_by_user):
            raise RuntimeError("worker killed")
        return original(self, reports_by_user)

    with patch.object(report_class, "_send_reminders", dying), pytest.raises(RuntimeError):
        with environment() as env:
            env["union.unit.report"]._cron_send_reminders(batch_size=1)

    def digests(env, user_id):
        partner = env["res.users"].browse(user_id).partner_id
        return env["mail.message"].search_count(
            [("message_type", "=", "user_notification"), ("partner_ids", "in", partner.ids)]
        )

    with environment(commit=False) as env:
        assert digests(env, first_user) == 1, "the first batch was committed before the crash"
        assert digests(env, second_user) == 0
        assert env["union.unit.report"].browse(report_by_user[first_user]).reminder_date
        assert not env["union.unit.report"].browse(report_by_user[second_user]).reminder_date
    with environment() as env:
        env["union.unit.report"]._cron_send_reminders(batch_size=1)
    with environment(commit=False) as env:
        assert digests(env, first_user) == 1, "no duplicate"
        assert digests(env, second_user) == 1, "resumed"
