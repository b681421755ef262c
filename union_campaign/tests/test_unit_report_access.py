# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import UnionCampaignCommon


@tagged("post_install", "-at_install")
class TestUnitReportAccess(UnionCampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._running_campaign()

    def test_reporter_sees_own_units_only(self):
        """A reporter of unit A reads A's reports, lines, history and evidence, and gets an AccessError on B's."""
        report_a = self._report(self.campaign, self.unit_a)
        report_b = self._report(self.campaign, self.unit_b)
        evidence_b = self._evidence(report_b)
        Report = self.env["union.unit.report"].with_user(self.user_reporter_a)
        self.assertEqual(Report.search([("campaign_id", "=", self.campaign.id)]).unit_id, self.unit_a)
        self.assertTrue(report_a.with_user(self.user_reporter_a).line_ids.name)
        with self.assertRaises(AccessError):
            report_b.with_user(self.user_reporter_a).read(["summary"])
        with self.assertRaises(AccessError):
            report_b.line_ids.with_user(self.user_reporter_a).read(["qty_done"])
        with self.assertRaises(AccessError):
            evidence_b.with_user(self.user_reporter_a).read(["datas"])
        with self.assertRaises(AccessError):
            report_b.with_user(self.user_reporter_a).action_submit()
        self.assertEqual(report_b.state, "draft")

    def test_reporter_cannot_create_or_delete(self):
        """Reports are created by the launch, not by reporters."""
        with self.assertRaises(AccessError):
            self.env["union.unit.report"].with_user(self.user_reporter_a).create(
                {"campaign_id": self.campaign.id, "phase_id": self.campaign.phase_ids[0].id, "unit_id": self.unit_a.id}
            )
        with self.assertRaises(AccessError):
            self._report(self.campaign, self.unit_a).with_user(self.user_reporter_a).unlink()

    def test_reporter_cannot_review(self):
        """A reporter cannot approve or send back, even a report of their own unit submitted by someone else."""
        report_a = self._report(self.campaign, self.unit_a)
        report_a.with_user(self.user_officer).action_submit()
        with self.assertRaises(AccessError):
            report_a.with_user(self.user_reporter_a).action_approve()
        with self.assertRaises(AccessError):
            report_a.with_user(self.user_reporter_a).action_return(reason="x")
        self.assertEqual(report_a.state, "submitted")

    def test_officers_see_all(self):
        """Officers and managers see every report of their company."""
        for user in (self.user_officer, self.user_manager):
            self.assertEqual(
                self.env["union.unit.report"].with_user(user).search_count([("campaign_id", "=", self.campaign.id)]), 6
            )

    def test_plain_employee(self):
        """An employee without a union group reads no report."""
        with self.assertRaises(AccessError):
            self._report(self.campaign, self.unit_a).with_user(self.user_employee).read(["name"])
