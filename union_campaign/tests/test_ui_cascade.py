# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The chain of plans in Chromium, in Vietnamese: ward officer implements the city's plan (1440x900) → grassroots
reporter reports on a phone (390x844) → ward approves, fills and submits upward → city reads the roll-up."""

from datetime import timedelta

from odoo import Command, fields
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.tests import tagged

from .test_ui_daily import DailyTourCase


@tagged("post_install", "-at_install")
class TestCascadeTour(DailyTourCase):
    """Its "shot" steps take the README's pictures of the chain (`make screenshots`)."""

    browser_size = "1440x900"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.ward_officer = mail_new_test_user(
            env,
            login="t_ward_tour",
            name="Vũ Thị Tour",
            groups="base.group_user,union_campaign.group_officer",
            lang="vi_VN",
            tz="Asia/Ho_Chi_Minh",
        )
        cls.grassroots_chair = mail_new_test_user(
            env,
            login="t_cdcs_tour",
            name="Ngô Văn Cơ",
            groups="base.group_user,union_campaign.group_user",
            lang="vi_VN",
        )
        cls.ward = env["union.unit"].create(
            {
                "name": "Công đoàn phường Tour",
                "unit_type_id": env.ref("union_campaign.unit_type_commune").id,
                "parent_id": env.ref("union_campaign.unit_ldld_ha_noi").id,
                "chair_user_id": cls.ward_officer.id,
            }
        )
        cls.grassroots = env["union.unit"].create(
            {
                "name": "Công đoàn Trường Mầm non Tour",
                "unit_type_id": env.ref("union_campaign.unit_type_school").id,
                "parent_id": cls.ward.id,
                "chair_user_id": cls.grassroots_chair.id,
            }
        )
        officer, manager = env.ref("union_campaign.user_officer"), env.ref("union_campaign.user_manager")
        today = fields.Date.context_today(officer)
        cls.city_plan = env["union.campaign"].create(
            {
                "name": "Kế hoạch thử chuỗi ba cấp",
                "reference": "77/KH-LĐLĐ",
                "issuing_unit_id": env.ref("union_campaign.unit_ldld_ha_noi").id,
                "issue_date": today - timedelta(days=10),
                "user_id": officer.id,
                "approver_id": manager.id,
                "unit_ids": [Command.set(cls.ward.ids)],
                "phase_ids": [
                    Command.create(
                        {
                            "name": "Đợt 1",
                            "date_start": today - timedelta(days=5),
                            "date_end": today + timedelta(days=30),
                            "item_ids": [Command.create({"name": "Hội nghị phổ biến pháp luật", "target_qty": 1})],
                        }
                    )
                ],
            }
        )
        cls.city_plan.with_user(officer).action_submit()
        cls.city_plan.with_user(manager).action_approve()
        cls.city_plan.with_user(officer).action_launch()

    def test_the_whole_chain(self):
        self.start_tour(
            f"/odoo/action-union_campaign.union_campaign_action/{self.city_plan.id}",
            "union_campaign_cascade_implement",
            login="t_ward_tour",
        )
        ward_plan = self.city_plan.child_campaign_ids
        self.assertEqual(ward_plan.issuing_unit_id, self.ward)
        manager = self.env.ref("union_campaign.user_manager")
        ward_plan.with_user(self.ward_officer).write({"reference": "5/KH-CĐP", "approver_id": manager.id})
        ward_plan.with_user(self.ward_officer).action_submit()
        ward_plan.with_user(manager).action_approve()
        ward_plan.with_user(self.ward_officer).action_launch()
        # The grassroots union's chair reports on a phone, as reporters do; the ward approves.
        self.browser_size, self.touch_enabled = "390x844", True
        try:
            self.start_tour(
                "/odoo/action-union_campaign.union_unit_report_action_my",
                "union_campaign_cascade_grassroots_phone",
                login="t_cdcs_tour",
            )
        finally:
            self.browser_size, self.touch_enabled = type(self).browser_size, type(self).touch_enabled
        report = ward_plan.report_ids
        self.assertEqual(report.state, "submitted")
        self.assertEqual(
            (report.line_ids.is_done, report.line_ids.qty_done, report.line_ids.participant_count), (True, 2, 60)
        )
        self.assertEqual(report.submitted_user_id, self.grassroots_chair)
        report.with_user(self.ward_officer).action_approve()
        self.assertEqual(report.state, "approved")

        upward = self.city_plan.report_ids
        self.start_tour(
            f"/odoo/action-union_campaign.union_unit_report_action/{upward.id}",
            "union_campaign_cascade_fill",
            login="t_ward_tour",
        )
        self.assertEqual((upward.state, upward.line_ids.qty_done), ("submitted", 2))
        upward.with_user(self.env.ref("union_campaign.user_officer")).action_approve()
        self.start_tour(
            f"/odoo/action-union_campaign.union_campaign_action/{self.city_plan.id}",
            "union_campaign_cascade_rollup",
            login="uc_officer",
        )
        self.start_tour(
            f"/odoo/action-union_campaign.union_campaign_action/{self.city_plan.id}",
            "union_campaign_cascade_matrix",
            login="uc_officer",
        )
