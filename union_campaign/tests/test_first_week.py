# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A union's first week (the browser walk's findings), the rules under the screens: each test states the rule and
fails without its fix. The screens themselves are driven in test_ui_first_week.py."""

import ast
from datetime import date

from odoo import Command
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.tests import Form, tagged

from .common import UnionCampaignCommon
from .test_reports import html_text


@tagged("post_install", "-at_install")
class TestFirstWeek(UnionCampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.printer = cls.env["report.union_campaign.report_campaign_plan"].with_context(lang="vi_VN")

    # 1. A chair-only unit
    def test_01_a_chair_reports_for_her_unit(self):
        """A unit registered with its chair and no other member: the launch gives her the report, and she reads,
        fills and submits it (the rights follow "its chair, else its first member")."""
        chair = mail_new_test_user(
            self.env, login="t_chair", groups="base.group_user,union_campaign.group_user", lang="en_US"
        )
        self.unit_c.chair_user_id = chair
        campaign = self._running_campaign()
        report = self._report(campaign, self.unit_c)
        self.assertEqual(report.user_id, chair)
        self.assertEqual(report.with_user(chair).read(["name"])[0]["name"], report.name)
        self._fill(report, chair)
        report.with_user(chair).action_submit()
        self.assertEqual(report.state, "submitted")

    def test_01_the_officer_is_told_of_units_nobody_can_report_for(self):
        """A unit whose only reporter cannot open reports (not a Unit Reporter) is named at launch, as a unit with
        no reporter is."""
        outsider = mail_new_test_user(self.env, login="t_outsider", groups="base.group_user", lang="en_US")
        self.unit_c.chair_user_id = outsider
        campaign = self._approved_campaign()
        result = campaign.with_user(self.user_officer).action_launch()
        self.assertIn("1 units have no reporter who can open their reports", result["params"]["message"])
        assign = self.env.ref("union_campaign.mail_act_assign_reporters")
        self.assertIn(self.unit_c.name, campaign.activity_ids.filtered(lambda a: a.activity_type_id == assign).note)

    # 2. A plan built by hand prints every section
    def test_02_a_plan_built_in_the_form_starts_from_the_usual_outline(self):
        """A new plan in the form starts with the usual outline (purposes, periods and content, forms, slogans,
        targets, budget, reports, implementation), in the document's language; what the officer enters fills it,
        and the form shows what will print."""
        Plan = self.env["union.campaign"].with_user(self.user_officer).with_context(union_default_outline=True)
        form = Form(Plan)
        form.name = "Kế hoạch tổ chức Tháng Công nhân"
        form.issuing_unit_id = self.federation
        form.purpose = "- Phát huy vai trò của công đoàn."
        form.forms_text = "- Tuyên truyền trên trang thông tin điện tử."
        with form.phase_ids.new() as phase:
            phase.name = "Giai đoạn 1"
            phase.date_start = date(2027, 5, 1)
            phase.date_end = date(2027, 5, 31)
            with phase.item_ids.new() as item:
                item.name = "Hội nghị phát động"
        with form.slogan_ids.new() as slogan:
            slogan.name = "Công đoàn Việt Nam vì đoàn viên!"
        with form.target_ids.new() as target:
            target.name = "100% công đoàn cơ sở tổ chức hội nghị."
            target.value = 100
            target.kind = "percent_units"
        with form.budget_line_ids.new() as budget:
            budget.name = "Kinh phí công đoàn"
            budget.amount = 50_000_000
        with form.report_schedule_ids.new() as schedule:
            schedule.name = "Báo cáo kết quả"
            schedule.kind = "final"
            schedule.date_deadline = date(2027, 6, 5)
        with form.responsibility_ids.new() as duty:
            duty.name = "Các công đoàn cơ sở"
            duty.description = "Tổ chức thực hiện kế hoạch."
        self.assertIn("Phát huy vai trò", form.document_preview)
        plan = form.save()
        headings = [
            f"{line['marker']} {line['text']}"
            for line in self.printer._get_outline_lines(plan.with_context(lang="vi_VN"))
            if line["style"] == "h1"
        ]
        self.assertEqual(len(headings), 8, headings)
        self.assertTrue(headings[0].startswith("I. "))
        text = html_text(
            self.env["ir.actions.report"]._render_qweb_html("union_campaign.report_campaign_plan", plan.ids)[0]
        )
        for expected in (
            "Phát huy vai trò của công đoàn.",
            "Hội nghị phát động",
            "Tuyên truyền trên trang thông tin điện tử.",
            "Công đoàn Việt Nam vì đoàn viên!",
            "100% công đoàn cơ sở tổ chức hội nghị.",
            "Kinh phí công đoàn: 50.000.000 đồng.",
            "Báo cáo kết quả",
            "05/6/2027",
            "Tổ chức thực hiện kế hoạch.",
        ):
            self.assertIn(expected, text)

    def test_02_plans_made_elsewhere_keep_their_outline(self):
        """The usual outline is the form's start only: a plan made by an import or over RPC keeps its own."""
        plan = self._create_campaign(reference="2/KH-RPC")
        self.assertEqual(len(plan.section_ids), 5)

    # 3. and 9. Orders
    def test_03_a_reporters_list_puts_the_most_urgent_first(self):
        """Sent back first, then the most urgent (the oldest deadline), then what waits for review, then closed."""
        campaign = self._running_campaign()
        reports = campaign.report_ids.filtered(lambda r: r.unit_id == self.unit_a)
        later, earlier = reports.sorted("date_deadline", reverse=True)
        listed = self.env["union.unit.report"].with_user(self.user_reporter_a).search([("id", "in", reports.ids)])
        self.assertEqual(listed.ids, [earlier.id, later.id])

    def test_09_a_reports_lines_follow_the_plan(self):
        """The lines of a report covering several periods come period by period, item by item."""
        vals = self._prepare_campaign_vals(reference="9/KH-ORDER")
        vals["phase_ids"][0][2]["item_ids"].append(Command.create({"name": "P1.2", "sequence": 50}))
        vals["phase_ids"][1][2]["item_ids"][0][2]["sequence"] = 1
        vals["report_schedule_ids"] = [Command.create({"kind": "final", "date_deadline": date(2027, 5, 10)})]
        campaign = self._create_campaign(**vals)
        campaign.with_user(self.user_officer).action_submit()
        campaign.with_user(self.user_manager).action_approve()
        campaign.with_user(self.user_officer).action_launch()
        report = campaign.report_ids.filtered(lambda r: r.unit_id == self.unit_a)
        self.assertEqual(report.line_ids.mapped("name"), ["Hội nghị quán triệt", "P1.2", "Treo băng rôn"])

    # 4. Recipients as typed
    def test_04_recipients_typed_as_printed_print_their_punctuation_once(self):
        """“… (để b/c);” and “Lưu VP, TCCS.” print one ";" or "." each, the last line ending with "."."""
        recipients = self.env["union.campaign.report.mixin"]._format_recipients(
            ["- LĐLĐ Thành phố (để b/c);", "Các CĐCS;", "Lưu VP, TCCS."]
        )
        self.assertEqual(recipients, ["LĐLĐ Thành phố (để b/c);", "Các CĐCS;", "Lưu VP, TCCS."])

    # 5. Results
    def test_05_results_print_zeros_and_no_empty_target(self):
        """Every count prints, zeros too; an item with no target prints no "0 người"."""
        campaign = self._running_campaign()
        item = campaign.item_ids.filtered(lambda i: i.name == "Hội nghị quán triệt")
        item.with_user(self.user_manager).write({"target_qty": 0, "target_uom": "người"})
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("union_campaign.report_campaign_results", campaign.ids)[0]
            .decode()
        )
        self.assertNotIn("0 người", html)
        self.assertNotIn('<td class="o_union_num"></td>', html)

    # 10. Accent-insensitive search
    def test_10_search_without_diacritics(self):
        """ "cau giay" finds Cầu Giấy: plans, units and reports are searched accent-insensitively."""
        self.assertTrue(self.env.registry.has_unaccent, "make test creates its database with --unaccent")
        self.unit_a.name = "Công đoàn Trường THCS Cầu Giấy"
        campaign = self._running_campaign(name="Tuyên truyền Cầu Giấy")
        self.assertIn(self.unit_a, self.env["union.unit"].search([("name", "ilike", "cau giay")]))
        self.assertIn(campaign, self.env["union.campaign"].search([("name", "ilike", "cau giay")]))
        self.assertTrue(self.env["union.unit.report"].search([("name", "ilike", "truong thcs cau giay")]))

    # 11. What waits for someone, and only while it waits
    def test_11_review_requests_are_read_once_decided(self):
        """The inbox message "waiting for your review" is marked read when the report is decided; the systray
        counts a review waiting even if its deadline is days ahead."""
        campaign = self._running_campaign()
        report = self._report(campaign, self.unit_a)
        self._fill(report, self.user_reporter_a)
        report.with_user(self.user_reporter_a).action_submit()
        Notification = self.env["mail.notification"]
        domain = [
            ("res_partner_id", "=", self.user_officer.partner_id.id),
            ("mail_message_id.union_request", "=", True),
        ]
        self.assertTrue(Notification.search([*domain, ("is_read", "=", False)]))
        groups = self.user_officer.with_user(self.user_officer)._get_activity_groups()
        counts = {group["model"]: group["total_count"] for group in groups}
        self.assertGreaterEqual(counts.get("union.unit.report", 0), 1, "a review waiting counts in the systray")
        report.with_user(self.user_officer).action_approve()
        self.assertFalse(Notification.search([*domain, ("is_read", "=", False)]))

    # 12. Confirmations
    def test_12_a_decision_says_what_happened(self):
        """Submitting and a step-1 approval answer with a notification saying what happens next."""
        campaign = self._running_campaign(reference="12/KH-TWO", review_steps=2)
        report = self._report(campaign, self.unit_a)
        self._fill(report, self.user_reporter_a)
        result = report.with_user(self.user_reporter_a).action_submit()
        self.assertIn("Test Officer", result["params"]["message"])
        result = report.with_user(self.user_officer).action_approve()
        self.assertIn("Test Manager", result["params"]["message"])

    # 13. The manager's home
    def test_13_the_managers_home_lists_plans_and_reports_waiting(self):
        """A manager lands on what waits for their decision: plans to approve and reports at step 2."""
        waiting = self._create_campaign(reference="13/KH-WAIT")
        waiting.with_user(self.user_officer).action_submit()
        two_steps = self._running_campaign(reference="13/KH-TWO", review_steps=2)
        report = self._report(two_steps, self.unit_a)
        self._fill(report, self.user_reporter_a)
        report.with_user(self.user_reporter_a).action_submit()
        report.with_user(self.user_officer).action_approve()
        action = self.env["union.campaign"].with_user(self.user_manager).action_home()
        self.assertEqual(action["res_model"], "mail.activity")
        activities = self.env["mail.activity"].with_user(self.user_manager).search(action["domain"])
        self.assertEqual(set(activities.mapped("res_model")), {"union.campaign", "union.unit.report"})

    # 14. and 15. Wording
    def test_14_forms_print_as_worded(self):
        """The plan's own sentences on its forms print instead of the catalogue's names."""
        campaign = self._create_campaign(forms_text="- Tuyên truyền qua hệ thống loa phát thanh của phường.")
        campaign.form_ids = self.env.ref("union_campaign.form_meeting")
        lines = [line["text"] for line in self.printer._get_outline_lines(campaign)]
        self.assertIn("- Tuyên truyền qua hệ thống loa phát thanh của phường.", lines)
        self.assertNotIn(self.env.ref("union_campaign.form_meeting").with_context(lang="vi_VN").name, lines)

    def test_15_a_peak_as_long_as_its_period_is_written_once(self):
        """A period whose peak is the whole period is not written twice ("cao điểm" would repeat its dates)."""
        campaign = self._create_campaign(reference="15/KH")
        phase = campaign.phase_ids[0]
        phase.write(
            {
                "date_start": date(2027, 2, 1),
                "date_end": date(2027, 2, 28),
                "peak_date_start": date(2027, 2, 1),
                "peak_date_end": date(2027, 2, 28),
            }
        )
        period = self.printer._get_phase_period(phase)
        self.assertEqual(period, "trong tháng 02/2027")

    # 19. Exports
    def test_19_exports_are_named_and_their_sheets_cut_between_words(self):
        """The matrix export is named after the plan's number; a long sheet name is cut between words."""
        campaign = self._create_campaign(reference="43/KH-LĐLĐ")
        self.assertEqual(campaign._get_matrix_file_name(), "Compliance Matrix 43-KH-LĐLĐ")
        xlsx = self.env["report.union_campaign.campaign_results_xlsx"]
        self.assertEqual(xlsx._sheet_safe("Báo cáo kết quả tổ chức thực hiện"), "Báo cáo kết quả tổ chức")
        self.assertLessEqual(len(xlsx._sheet_safe("A" * 40)), 24)

    # 20. English, and a Vietnamese demo
    def test_20_english_can_be_chosen_and_the_demo_speaks_vietnamese(self):
        """English is among the languages a user picks; the demo's chatter is in Vietnamese."""
        self.assertIn("en_US", dict(self.env["res.lang"].get_installed()))
        seed = self.env.ref("union_campaign.campaign_43")
        bodies = " ".join(seed.message_ids.mapped("body"))
        self.assertNotIn("Draft", bodies)
        self.assertNotIn("To Approve", bodies)

    # 22. and 23. What each person may do on screen
    def test_22_a_reviewers_activity_shows_no_buttons_to_the_reporter(self):
        """The reporter sees the officer's review activity on their report without its buttons (done, edit,
        cancel): only its assignee and managers use them."""
        campaign = self._running_campaign()
        report = self._report(campaign, self.unit_a)
        self._fill(report, self.user_reporter_a)
        report.with_user(self.user_reporter_a).action_submit()
        review = report.activity_ids.with_user(self.user_reporter_a)
        self.assertTrue(review)
        self.assertFalse(any(review.mapped("can_write")))
        self.assertTrue(all(report.activity_ids.with_user(self.user_officer).mapped("can_write")))

    def test_23_a_report_sent_back_is_the_units_to_resubmit(self):
        """The reviewer who sent a report back does not see "Submit" on it: its reporters revise and resubmit."""
        campaign = self._running_campaign()
        report = self._report(campaign, self.unit_a)
        self._fill(report, self.user_reporter_a)
        report.with_user(self.user_reporter_a).action_submit()
        report.with_user(self.user_officer).action_return(reason="Bổ sung ảnh.")
        self.assertFalse(report.with_user(self.user_officer).can_submit)
        self.assertTrue(report.with_user(self.user_reporter_a).can_submit)

    # 24. The launch preview
    def test_24_the_launch_preview_names_each_report_and_warns_of_late_ones(self):
        """The preview says what each report asked creates (one final report, not "one per period") and warns when
        every report would be born late."""
        campaign = self._approved_campaign(
            reference="24/KH",
            report_schedule_ids=[
                Command.create({"name": "Báo cáo tổng kết", "kind": "final", "date_deadline": date(2020, 1, 10)})
            ],
        )
        preview = Form(
            self.env["union.campaign.launch.wizard"]
            .with_user(self.user_officer)
            .with_context(default_campaign_id=campaign.id)
        )
        self.assertIn("Báo cáo tổng kết: 3 reports", preview.summary)
        self.assertEqual(preview.late_count, 3)

    # 25. A new issuing union from the form
    def test_25_a_new_union_can_issue_its_first_plan(self):
        """A union just created, with no unit below it yet, is offered as the issuing unit."""
        unit = self.env["union.unit"].create(
            {"name": "Công đoàn phường Mới", "unit_type_id": self.env.ref("union_campaign.unit_type_commune").id}
        )
        domain = self.env["union.campaign"]._fields["issuing_unit_id"].domain
        self.assertIn(unit, self.env["union.unit"].search(ast.literal_eval(domain)))
