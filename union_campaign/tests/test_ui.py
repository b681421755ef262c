# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from .common import UnionCampaignCommon


class UnionCampaignTourCase(HttpCase, UnionCampaignCommon):
    """Browser tours in a real Chromium; make test fails if they are skipped."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._running_campaign()


@tagged("post_install", "-at_install")
class TestReporterTourMobile(UnionCampaignTourCase):
    browser_size = "375x667"
    touch_enabled = True

    def test_reporter_submits_on_phone(self):
        """On a phone, a reporter opens their unit's report, marks the item done and submits it."""
        self.start_tour(
            "/odoo/action-union_campaign.union_unit_report_action_my",
            "union_campaign_reporter_tour",
            login="t_reporter_a",
        )
        report = self._report(self.campaign, self.unit_a)
        self.assertEqual(report.state, "submitted")
        self.assertTrue(report.line_ids.is_done)
        self.assertEqual(report.submitted_user_id, self.user_reporter_a)


@tagged("post_install", "-at_install")
class TestMatrixTour(UnionCampaignTourCase):
    def test_officer_uses_compliance_matrix(self):
        """An officer opens the compliance matrix, filters schools and opens a report from its cell."""
        self._report(self.campaign, self.unit_a).with_user(self.user_reporter_a).action_submit()
        self.start_tour(
            f"/odoo/action-union_campaign.union_campaign_action/{self.campaign.id}",
            "union_campaign_matrix_tour",
            login="t_officer",
        )
