# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A union's first week in the browser (issue "a union's first week"): each screen finding driven in Chromium, in
Vietnamese, at the size where it was seen: the officer at 1440x900, the reporters at 390x844."""

from datetime import timedelta

from odoo import Command, fields
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.tests import HttpCase, tagged


class FirstWeekCase(HttpCase):
    """A ward union registered with its chair only (no other member), and two plans of the demo's federation
    launched to it: one running (91/KH-TUAN), one whose report is already late (92/KH-TUAN)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.chair = mail_new_test_user(
            env,
            login="t_chair_hong_ha",
            name="Đỗ Thị Hồng",
            groups="base.group_user,union_campaign.group_user",
            lang="vi_VN",
            tz="Asia/Ho_Chi_Minh",
        )
        cls.ward = env["union.unit"].create(
            {
                "name": "Công đoàn Phường Hồng Hà",
                "unit_type_id": env.ref("union_campaign.unit_type_agency").id,
                "parent_id": env.ref("union_campaign.unit_ldld_long_bien").id,
                "chair_user_id": cls.chair.id,
            }
        )
        today = fields.Date.context_today(cls.chair)
        cls.running = cls._plan(env, "91/KH-TUAN", today - timedelta(days=10), today + timedelta(days=20))
        cls.late = cls._plan(env, "92/KH-TUAN", today - timedelta(days=60), today - timedelta(days=30))

    @classmethod
    def _plan(cls, env, reference, start, end):
        officer, manager = env.ref("union_campaign.user_officer"), env.ref("union_campaign.user_manager")
        plan = env["union.campaign"].create(
            {
                "name": f"Kế hoạch tuần đầu {reference}",
                "reference": reference,
                "issuing_unit_id": env.ref("union_campaign.unit_ldld_long_bien").id,
                "issue_date": start - timedelta(days=5),
                "user_id": officer.id,
                "approver_id": manager.id,
                "unit_ids": [Command.set(cls.ward.ids)],
                "phase_ids": [
                    Command.create(
                        {
                            "name": "Giai đoạn 1",
                            "date_start": start,
                            "date_end": end,
                            "item_ids": [Command.create({"name": "Hội nghị phát động", "target_qty": 1})],
                        }
                    )
                ],
            }
        )
        # A plan already late when launched is what the test wants: its people chose to go on (no dialog).
        plan = plan.with_context(union_past_deadlines_confirmed=True)
        plan.with_user(officer).action_submit()
        plan.with_user(manager).action_approve()
        plan.with_user(officer).action_launch()
        return plan.with_context(union_past_deadlines_confirmed=False)


@tagged("post_install", "-at_install")
class TestFirstWeekDesktop(FirstWeekCase):
    browser_size = "1440x900"

    def test_a_new_plan_by_hand(self):
        """A plan started in the form has the usual outline and shows what will print; a long title wraps; an
        unsaved plan offers no Cancel; a new issuing union is created from the form (2, 8, 17, 25)."""
        self.start_tour(
            "/odoo/action-union_campaign.union_campaign_action/new",
            "union_campaign_first_week_new_plan",
            login="uc_officer",
        )
        self.assertFalse(self.env["union.campaign"].search([("name", "like", "nhiệm kỳ 2028 - 2033")]))
        self.assertTrue(self.env["union.unit"].search([("name", "=", "Công đoàn phường Hồng Hà")]))

    def test_the_reports_asked_of_a_tet_plan(self):
        """The list of reports asked shows no recurrence on a one-off report (16)."""
        plan = self.env.ref("union_campaign.campaign_58")
        self.start_tour(
            f"/odoo/action-union_campaign.union_campaign_action/{plan.id}",
            "union_campaign_first_week_schedules",
            login="uc_officer",
        )

    def test_an_import_from_the_home_opens_on_its_own(self):
        """An import started from the officer's home opens the draft without "Reports to review" before it (26)."""
        self.start_tour("/odoo", "union_campaign_first_week_import_breadcrumb", login="uc_officer")
        self.assertTrue(self.env["union.campaign"].search([("reference", "=", "22/KH-LĐLĐ")]))

    def test_a_reporter_reads_the_review_activity_without_its_buttons(self):
        """On her submitted report, the reporter sees the officer's review activity without Done / Edit / Cancel
        (22)."""
        report = self.running.report_ids
        report.line_ids.with_user(self.chair).write({"is_done": True})
        report.with_user(self.chair).action_submit()
        self.start_tour(
            f"/odoo/action-union_campaign.union_unit_report_action_my/{report.id}",
            "union_campaign_first_week_reporter_activity",
            login="t_chair_hong_ha",
        )


@tagged("post_install", "-at_install")
class TestFirstWeekPhone(FirstWeekCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_the_chair_submits_her_report(self):
        """The chair, her unit's only person, finds her report through her activity (not "Other activities"),
        fills it and submits it, and is told so (1, 12, 27)."""
        self.start_tour("/odoo", "union_campaign_first_week_chair_phone", login="t_chair_hong_ha")
        self.assertEqual(self.running.report_ids.state, "submitted")
        self.assertEqual(self.running.report_ids.submitted_user_id, self.chair)

    def test_a_late_report_on_a_phone(self):
        """A late report: a badge instead of a ribbon over the name; an empty report asks before it is sent; the
        phone's Back inside an item keeps what was typed; the chatter fits the screen (6, 7, 21, 27)."""
        self.start_tour(
            "/odoo/action-union_campaign.union_unit_report_action_my",
            "union_campaign_first_week_reporter_phone",
            login="t_chair_hong_ha",
        )
        report = self.late.report_ids
        self.assertEqual(report.state, "draft")
        self.assertEqual(report.line_ids.qty_done, 7)
