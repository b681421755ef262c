# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The units' portal on a phone (390x844), as the demo portal reporter uc_portal: from /my to a submitted report in
at most ten taps; sent back by the officer, fixed and submitted again."""

from odoo.tests import tagged

from .test_ui_daily import DailyTourCase


@tagged("post_install", "-at_install")
class TestPortalPhone(DailyTourCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_portal_reporter_submits_and_resubmits(self):
        """A portal reporter submits a report with a quantity, a link and a photo in at most ten taps; the officer
        sends it back; the reporter sees the reason, fixes the quantity and submits again."""
        portal_user = self.env.ref("union_campaign.user_portal_reporter")
        self.start_tour("/my", "union_campaign_portal_phone", login="uc_portal")
        line = self.env["union.unit.report.line"].search(
            [("post_urls", "=", "https://www.facebook.com/congdoan.ttyt/posts/2027")]
        )
        report = line.report_id
        self.assertEqual(report.state, "submitted")
        self.assertEqual(report.submitted_user_id, portal_user)
        self.assertEqual(report.unit_id, self.env.ref("union_campaign.unit_cq_ttyt"))
        self.assertEqual(line.qty_done, 2)
        self.assertEqual(line.attachment_ids.mapped("name"), ["hoi-nghi.png"])
        officer = self.env.ref("union_campaign.user_officer")
        report.with_user(officer).action_return("Ghi số người tham dự và số buổi đúng thực tế.")
        self.start_tour(report.access_url, "union_campaign_portal_phone_resubmit", login="uc_portal")
        report.invalidate_recordset()
        line.invalidate_recordset()
        self.assertEqual(report.state, "submitted")
        self.assertEqual(line.qty_done, 3)
