# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every bulk path costs the same SQL queries for 4 units or 16, each with its own reporter: a query per record
(or per person) fails here. Times live in `make bench`, not in tests."""

import contextlib
from unittest.mock import patch

from odoo import Command
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.tests import tagged

from .common import UnionCampaignCommon

SMALL, LARGE = 4, 16
# Odoo's ORM inserts 100 rows per statement; up to 16 units that is one statement whatever the size.
MARGIN = 6


class _Rollback(Exception):
    """Raised to undo a measured scenario, so that the next size starts from the same database."""


@tagged("post_install", "-at_install")
class TestQueryCounts(UnionCampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        reporters = [
            mail_new_test_user(
                cls.env,
                login=f"t_qc_{index}",
                name=f"QC Reporter {index}",
                groups="base.group_user,union_campaign.group_user",
                notification_type="inbox",
                lang="en_US",
            )
            for index in range(LARGE)
        ]
        cls.qc_units = cls.env["union.unit"].create(
            [
                {
                    "name": f"Công đoàn QC {index}",
                    "unit_type_id": cls.env.ref("union_campaign.unit_type_enterprise").id,
                    "parent_id": cls.federation.id,
                    "chair_user_id": user.id,
                    "member_user_ids": [Command.set(user.ids)],
                }
                for index, user in enumerate(reporters)
            ]
        )

    def _plan(self, size, launch=True):
        plan = self._approved_campaign(
            reference=f"QC{size}/KH", unit_ids=[Command.set(self.qc_units[:size].ids)], review_steps=1
        )
        if launch:
            plan.with_user(self.user_officer).action_launch()
        return plan

    def _queries(self, function):
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        function()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def _queries_of_work(self, job, people):
        """The queries of a daily job, which must have dealt with at least `people` people (else it measured
        nothing; the demo plans may add theirs)."""
        done = []
        count = self._queries(lambda: done.append(job()))
        self.assertGreaterEqual(done[0], people, "the job dealt with fewer people than the test's plan has")
        return count

    def _measure(self, scenario):
        """Run `scenario(size)` (which returns its query count) at both sizes, each undone afterwards."""
        counts = {}
        for size in (SMALL, LARGE):
            with contextlib.suppress(_Rollback), self.env.cr.savepoint():
                counts[size] = scenario(size)
                raise _Rollback
            self.env.invalidate_all()
        return counts

    def assertConstant(self, counts, what):
        self.assertLessEqual(
            counts[LARGE],
            counts[SMALL] + MARGIN,
            f"{what}: {counts[SMALL]} queries for {SMALL} units, {counts[LARGE]} for {LARGE}",
        )

    def _first_phase_reports(self, plan):
        phase = plan.phase_ids.sorted("sequence")[0]
        return plan.report_ids.filtered(lambda r: r.phase_id == phase)

    def test_launch_and_relaunch(self):
        """Launching and launching again (nothing missing) cost constant queries."""

        def launch(size):
            plan = self._plan(size, launch=False)
            return self._queries(lambda: plan.with_user(self.user_officer).action_launch())

        def relaunch(size):
            plan = self._plan(size)
            return self._queries(lambda: plan.with_user(self.user_officer).action_launch())

        self.assertConstant(self._measure(launch), "launch")
        self.assertConstant(self._measure(relaunch), "relaunch")

    def test_mass_review(self):
        """Submitting, approving and sending back many reports at once cost constant queries."""

        def submit(size):
            reports = self._first_phase_reports(self._plan(size))
            return self._queries(lambda: reports.with_user(self.user_officer).action_submit())

        def approve(size):
            reports = self._first_phase_reports(self._plan(size))
            reports.with_user(self.user_officer).action_submit()
            return self._queries(lambda: reports.with_user(self.user_officer_2).action_approve())

        def send_back(size):
            reports = self._first_phase_reports(self._plan(size))
            reports.with_user(self.user_officer).action_submit()
            return self._queries(lambda: reports.with_user(self.user_officer_2).action_return(reason="Thiếu ảnh"))

        self.assertConstant(self._measure(submit), "mass submit")
        self.assertConstant(self._measure(approve), "mass approve")
        self.assertConstant(self._measure(send_back), "mass send back")

    def test_daily_jobs(self):
        """The reminder digests (one per reporter), the escalation and the status job cost constant queries."""
        Report = self.env["union.unit.report"]

        def reminders(size):
            self._plan(size)
            with self._frozen("2027-03-02 01:00:00"):  # phase 1 due on 5 March: the 3-day reminder
                return self._queries_of_work(Report._cron_send_reminders, size)  # a digest per reporter

        def escalation(size):
            self._plan(size)
            with self._frozen("2027-03-09 03:00:00"):  # 4 days late
                return self._queries_of_work(Report._cron_escalate_overdue, 1)  # the plan's officer

        def status(size):
            self._plan(size)
            with self._frozen("2027-04-05 03:00:00"):
                return self._queries(self.env["union.campaign"]._cron_update_status)

        self.assertConstant(self._measure(reminders), "reminder digests")
        self.assertConstant(self._measure(escalation), "escalation")
        self.assertConstant(self._measure(status), "status job")

    def test_daily_jobs_across_batches(self):
        """Each batch of the daily jobs costs the same whatever its number of people, after the commit between
        batches has emptied the cache (a batch must not read its people's reports one person at a time)."""
        Report = self.env["union.unit.report"]

        def commit_progress(model, done, remaining):
            model.env.invalidate_all()  # what the commit after each batch does to the cache in production

        def in_two_batches(job, when, people):
            def scenario(size):
                self._plan(size)
                with (
                    self._frozen(when),
                    patch.object(type(Report), "_cron_commit_progress", commit_progress),
                ):
                    return self._queries_of_work(lambda: job(batch_size=size // 2), people(size))

            return scenario

        reminders = in_two_batches(Report._cron_send_reminders, "2027-03-02 01:00:00", lambda size: size)
        escalation = in_two_batches(Report._cron_escalate_overdue, "2027-03-09 03:00:00", lambda size: 1)
        self.assertConstant(self._measure(reminders), "reminder digests, two batches")
        self.assertConstant(self._measure(escalation), "escalation, two batches")
