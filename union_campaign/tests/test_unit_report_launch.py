# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import UnionCampaignCommon


@tagged("post_install", "-at_install")
class TestUnitReportLaunch(UnionCampaignCommon):
    def test_launch_creates_reports(self):
        """Launching creates a report per unit and phase with unit items, a line per item; federation tasks stay out."""
        campaign = self._running_campaign()
        self.assertEqual(campaign.state, "running")
        self.assertEqual(len(campaign.report_ids), 6)
        for report in campaign.report_ids:
            self.assertEqual(report.state, "draft")
            self.assertEqual(len(report.line_ids), 1)
            self.assertEqual(report.line_ids.item_id.scope, "units")
            self.assertEqual(report.date_deadline, report.phase_id.report_deadline)
        report_a = self._report(campaign, self.unit_a)
        self.assertEqual(report_a.user_id, self.user_reporter_a, "the chair reports")
        self.assertEqual(self._report(campaign, self.unit_b).user_id, self.user_reporter_b, "else the first member")
        self.assertFalse(self._report(campaign, self.unit_c).user_id)
        self.assertEqual(campaign.report_count, 6)

    def test_default_schedule_in_document_language(self):
        """A plan that asks nothing reports once per period; that schedule's name, shown to the units and printed,
        is in the plan's document language, not in the language of the officer who launched it."""
        self.assertIn("vi_VN", dict(self.env["res.lang"].get_installed()), "make test loads Vietnamese")
        partner = self.env["res.partner"].create({"name": self.federation.name, "lang": "vi_VN"})
        self.federation.partner_id = partner
        campaign = self._running_campaign()
        self.assertEqual(self.user_officer.lang, "en_US")
        self.assertEqual(campaign.report_schedule_ids.mapped("name"), ["Báo cáo kết quả"])

    def test_launch_is_idempotent(self):
        """Launching again creates nothing; a new unit or item changes no report by itself (data flows one way):
        the officer's update, previewed first, creates only what is missing."""
        campaign = self._running_campaign(unit_ids=[Command.set((self.unit_a | self.unit_b).ids)])
        self.assertEqual(len(campaign.report_ids), 4)
        campaign.with_user(self.user_officer).action_launch()
        self.assertEqual(len(campaign.report_ids), 4)
        self.assertEqual(len(campaign.report_ids.line_ids), 4)
        campaign.with_user(self.user_manager).unit_ids = [Command.link(self.unit_c.id)]
        phase_1 = campaign.phase_ids.filtered(lambda p: p.sequence == 1)
        self.env["union.campaign.item"].with_user(self.user_manager).create(
            {"phase_id": phase_1.id, "name": "Treo cờ", "target_qty": 1}
        )
        self.assertEqual(len(campaign.report_ids), 4, "writing the plan makes no report")
        self.assertEqual(len(campaign.report_ids.line_ids), 4, "nor any line")
        preview = Form(
            self.env["union.campaign.launch.wizard"]
            .with_user(self.user_officer)
            .with_context(default_campaign_id=campaign.id)
        )
        self.assertIn("2 unit reports will be created for 1 units", preview.summary)
        self.assertIn("2 items added", preview.summary)
        self.assertEqual(len(campaign.report_ids), 4, "the preview changes nothing")
        preview.save().action_confirm()
        self.assertEqual(len(campaign.report_ids), 6)
        self.assertEqual(len(campaign.report_ids.filtered(lambda r: r.phase_id == phase_1).line_ids), 6)
        self.assertEqual(len(campaign.report_ids.line_ids), 9)
        campaign.with_user(self.user_officer).action_update_reports()
        self.assertEqual(
            len(self.env["union.unit.report"].search([("campaign_id", "=", campaign.id)])), 6, "no duplicate report"
        )
        self.assertEqual(len(campaign.report_ids.line_ids), 9, "no duplicate line")

    def test_item_for_some_units(self):
        """An item that is not for all units only reaches the units chosen."""
        campaign = self._approved_campaign()
        item = campaign.item_ids.filtered(lambda a: a.name == "Treo băng rôn")
        item.with_user(self.user_manager).write({"all_units": False, "unit_ids": [Command.set(self.unit_b.ids)]})
        campaign.with_user(self.user_officer).action_launch()
        phase_2 = item.phase_id
        self.assertEqual(campaign.report_ids.filtered(lambda r: r.phase_id == phase_2).unit_id, self.unit_b)

    def test_launch_refusals(self):
        """Only approved plans with units launch, and only by officers; a refused launch changes nothing."""
        draft = self._create_campaign(reference="20/KH")
        with self.assertRaisesRegex(UserError, "is draft"):
            draft.with_user(self.user_officer).action_launch()
        approved = self._approved_campaign()
        with self.assertRaises(AccessError):
            approved.with_user(self.user_reporter_a).action_launch()
        approved.with_user(self.user_manager).unit_ids = [Command.clear()]
        with self.assertRaisesRegex(UserError, "no unit"):
            approved.with_user(self.user_officer).action_launch()
        self.assertEqual(approved.state, "approved")
        self.assertFalse(approved.report_ids)

    def test_launch_is_batched(self):
        """Launching to ten times more units costs (almost) no more queries: reports are created in batches."""

        def launch_queries(count, reference):
            units = self.env["union.unit"].create(
                [
                    {
                        "name": f"Unit {reference} {i}",
                        "unit_type_id": self.env.ref("union_campaign.unit_type_enterprise").id,
                        "parent_id": self.federation.id,
                    }
                    for i in range(count)
                ]
            )
            campaign = self._approved_campaign(reference=reference, unit_ids=[Command.set(units.ids)])
            campaign.env.flush_all()
            before = self.env.cr.sql_log_count
            campaign.with_user(self.user_officer).action_launch()
            self.env.flush_all()
            self.assertEqual(len(campaign.report_ids), 2 * count)
            return self.env.cr.sql_log_count - before

        small = launch_queries(4, "30/KH")
        large = launch_queries(40, "31/KH")
        self.assertLessEqual(large, small + 10, f"{small} queries for 4 units, {large} for 40")

    def test_cancel_plan_cancels_reports(self):
        """Cancelling a running plan cancels its open reports."""
        campaign = self._running_campaign()
        campaign.with_user(self.user_manager).action_cancel()
        self.assertEqual(set(campaign.report_ids.mapped("state")), {"cancelled"})

    def test_deadline_follows_phase(self):
        """A report's deadline is its phase's report deadline. Moving the phase's deadline moves no report by
        itself; updating the plan's reports moves the open ones, but not a deadline an officer moved for its
        unit, nor a submitted report's."""
        campaign = self._running_campaign()
        phase_1 = campaign.phase_ids.filtered(lambda p: p.sequence == 1)
        report_a, report_b = self._report(campaign, self.unit_a), self._report(campaign, self.unit_b)
        report_b.with_user(self.user_officer).date_deadline = date(2027, 3, 20)  # the officer's extension
        phase_1.with_user(self.user_manager).report_deadline = date(2027, 3, 10)
        self.assertEqual(report_a.date_deadline, date(2027, 3, 5), "no report moves by itself")
        campaign.with_user(self.user_officer).action_update_reports()
        self.assertEqual(report_a.date_deadline, date(2027, 3, 10))
        self.assertEqual(report_b.date_deadline, date(2027, 3, 20), "the officer's extension stays")
        self.assertEqual(report_b.date_deadline_planned, date(2027, 3, 10))
        activity = report_a.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("union_campaign.mail_act_submit_report")
        )
        self.assertEqual(activity.date_deadline, date(2027, 3, 10), "the reporter's activity follows")
