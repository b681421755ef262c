# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from ..models.union_unit_report_reminder import UnionUnitReport
from .test_activities import UnionActivityCase

FOLLOW_UP = "union_campaign.mail_act_follow_up_overdue"


@tagged("post_install", "-at_install")
class TestCron(UnionActivityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # unit A's reporter also reports for unit C: two reports due the same day in one plan
        cls.unit_c.member_user_ids = [Command.link(cls.user_reporter_a.id)]
        cls.campaign = cls._running_campaign()  # phase 1 reports due 2027-03-05
        cls.Report = cls.env["union.unit.report"]

    def _digests(self, user, template):
        return self._notifications(user, template)

    def test_reminder_digest_once_a_day(self):
        """3 days before the deadline each reporter gets one digest of all their due reports, once that day."""
        template = "union_campaign.mail_template_reminder_digest"
        with self._frozen("2027-03-02 01:00:00"):
            self.Report._cron_send_reminders()
            self.Report._cron_send_reminders()
        digests = self._digests(self.user_reporter_a, template)
        self.assertEqual(len(digests), 1)
        self.assertIn(self.unit_a.name, digests.body)
        self.assertIn(self.unit_c.name, digests.body)
        self.assertEqual(len(self._digests(self.user_reporter_b, template)), 1)
        with self._frozen("2027-03-03 01:00:00"):  # 2 days before: not a reminder day
            self.Report._cron_send_reminders()
        self.assertEqual(len(self._digests(self.user_reporter_a, template)), 1)
        self._report(self.campaign, self.unit_b).with_user(self.user_reporter_b).action_submit()
        with self._frozen("2027-03-04 01:00:00"):  # 1 day before
            self.Report._cron_send_reminders()
        self.assertEqual(len(self._digests(self.user_reporter_a, template)), 2)
        self.assertEqual(len(self._digests(self.user_reporter_b, template)), 1, "submitted reports are not reminded")

    def test_reminder_uses_local_day(self):
        """At 20:00 UTC on 1 March it is already 2 March in Hanoi: the 3-day reminder goes out."""
        self.user_reporter_a.tz = "Asia/Ho_Chi_Minh"
        with self._frozen("2027-03-01 20:00:00"):
            self.Report._cron_send_reminders()
        self.assertEqual(len(self._digests(self.user_reporter_a, "union_campaign.mail_template_reminder_digest")), 1)

    def test_reminder_resumes_after_failure(self):
        """A crash in the second batch loses nothing: the next run sends only what is missing."""
        original = UnionUnitReport._send_reminders
        template = "union_campaign.mail_template_reminder_digest"

        def failing(self, reports_by_user):
            if any(user.login == "t_reporter_b" for user in reports_by_user):
                raise RuntimeError("mail server down")
            return original(self, reports_by_user)

        with self._frozen("2027-03-02 01:00:00"):
            # Not assertRaises: Odoo's rolls back everything done inside it, the committed first batch included.
            crashed = False
            with patch.object(UnionUnitReport, "_send_reminders", failing):
                try:
                    self.Report._cron_send_reminders(batch_size=1)
                except RuntimeError:
                    crashed = True
            self.assertTrue(crashed)
            self.assertEqual(len(self._digests(self.user_reporter_a, template)), 1, "first batch kept")
            self.assertFalse(self._digests(self.user_reporter_b, template))
            self.assertFalse(self._report(self.campaign, self.unit_b).reminder_date, "failed batch rolled back")
            self.Report._cron_send_reminders(batch_size=1)
        self.assertEqual(len(self._digests(self.user_reporter_a, template)), 1, "no duplicate")
        self.assertEqual(len(self._digests(self.user_reporter_b, template)), 1, "resumed")

    def test_escalation_after_delay_per_unit(self):
        """After 2 days late the plan's officer gets one follow-up per unit and one digest, not again."""
        second = self._running_campaign(reference="42/KH")  # unit A is late twice, same officer
        template = "union_campaign.mail_template_overdue_digest"
        with self._frozen("2027-03-06 03:00:00"):  # 1 day late: not yet
            self.Report._cron_escalate_overdue()
        self.assertFalse(self._open(self.units, FOLLOW_UP))
        with self._frozen("2027-03-07 03:00:00"):  # 2 days late
            self.Report._cron_escalate_overdue()
            self.Report._cron_escalate_overdue()
        follow_ups = self._open(self.units, FOLLOW_UP)
        self.assertEqual(len(follow_ups), 3, "one per unit, not per report")
        self.assertEqual(follow_ups.user_id, self.user_officer)
        self.assertEqual(len(self._digests(self.user_officer, template)), 1)
        note_a = follow_ups.filtered(lambda a: a.res_id == self.unit_a.id).note
        self.assertIn(second.display_name, note_a)
        self._report(self.campaign, self.unit_b).with_user(self.user_reporter_b).action_submit()
        follow_ups.filtered(lambda a: a.res_id == self.unit_a.id).action_feedback(feedback="Đã gọi")
        with self._frozen("2027-03-08 03:00:00"):
            self.Report._cron_escalate_overdue()
        self.assertEqual(len(self._open(self.unit_a, FOLLOW_UP)), 1, "still late after the call: asked again")
        self.assertEqual(len(self._open(self.units, FOLLOW_UP)), 3)

    def test_status_and_done(self):
        """The daily status job refreshes phases; it closes a plan only when its periods are over and its reports
        decided. The officer may close it earlier: reports never submitted are then marked Not Submitted."""
        with self._frozen("2027-04-05 03:00:00"):
            self.env["union.campaign"]._cron_update_status()
            statuses = self.campaign.phase_ids.sorted("sequence").mapped("status")
            self.assertEqual(statuses, ["closed", "peak"])
            self.assertEqual(self.campaign.state, "running")
        with self._frozen("2027-05-01 03:00:00"):
            self.env["union.campaign"]._cron_update_status()
            self.assertEqual(self.campaign.state, "running", "reports are outstanding: the plan stays open")
            report_a = self._report(self.campaign, self.unit_a)
            report_a.with_user(self.user_reporter_a).action_submit()
            self.assertFalse(self.campaign.with_user(self.user_officer).can_done, "a report waits for review")
            report_a.with_user(self.user_officer).action_approve()
            self.campaign.with_user(self.user_officer).action_done()
        self.assertEqual(self.campaign.state, "done")
        left = self.campaign.report_ids - report_a
        self.assertEqual(set(left.mapped("state")), {"not_submitted"})
        self.assertEqual(set(left.mapped("matrix_state")), {"not_submitted"})
        self.assertFalse(self._open(left), "reports closed with the plan leave no activity behind")
        tasks = self.campaign.item_ids.filtered(lambda a: a.scope == "federation")
        self.assertFalse(self._open(tasks), "a closed plan leaves no task activity behind")

    def test_status_job_closes_finished_plan(self):
        """Once every period is over and every report is decided, the daily job closes the plan."""
        for report in self.campaign.report_ids:
            user = report.unit_id.member_user_ids[:1] or self.user_officer
            report.with_user(user).action_submit()
            report.with_user(self.user_officer_2 if user == self.user_officer else self.user_officer).action_approve()
        with self._frozen("2027-05-01 03:00:00"):
            self.env["union.campaign"]._cron_update_status()
        self.assertEqual(self.campaign.state, "done")

    def test_settings_defaults_and_validation(self):
        """New plans take the company's delays; bad reminder days are refused with a clear message."""
        self.env.company.write({"union_reminder_days": "5,2", "union_review_delay": 4})
        campaign = self.env["union.campaign"].create({"name": "Mới", "issuing_unit_id": self.federation.id})
        self.assertEqual((campaign.reminder_days, campaign.review_delay), ("5,2", 4))
        for bad in ("3,x", "-1", "3 1"):
            with self.assertRaisesRegex(ValidationError, "Reminder days"), self.env.cr.savepoint():
                campaign.reminder_days = bad
                campaign.flush_recordset()
        with self.assertRaisesRegex(ValidationError, "Reminder days"), self.env.cr.savepoint():
            self.env["res.config.settings"].create({"union_reminder_days": "tomorrow"})
        # Every way of setting the defaults checks the delays too (a bad default would break every new plan).
        for vals in ({"union_review_delay": -1}, {"union_escalation_delay": 10_000}):
            with self.subTest(vals=vals), self.env.cr.savepoint():
                with self.assertRaisesRegex(ValidationError, "Delays are between"):
                    self.env["res.config.settings"].create(vals)
            with self.subTest(vals=vals), self.env.cr.savepoint():
                with self.assertRaisesRegex(ValidationError, "Delays are between"):
                    self.env.company.write(vals)
