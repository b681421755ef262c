# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from datetime import timedelta

import openpyxl

from odoo import Command
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import UnionCampaignCommon


@tagged("post_install", "-at_install")
class TestCascade(UnionCampaignCommon):
    """A ward union implements the district's plan with its own plan, and its upward report adds up its units."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.lang = "vi_VN"  # the documents of the union are written in Vietnamese
        groups = "base.group_user,union_campaign.group_%s"
        cls.user_ward = mail_new_test_user(
            cls.env, login="t_ward", name="Ward Officer", groups=groups % "officer", tz="Asia/Ho_Chi_Minh"
        )
        cls.user_g1 = mail_new_test_user(cls.env, login="t_g1", name="G1 Chair", groups=groups % "user")
        cls.user_g2 = mail_new_test_user(cls.env, login="t_g2", name="G2 Chair", groups=groups % "user")
        Unit = cls.env["union.unit"]
        cls.ward = Unit.create(
            {
                "name": "Công đoàn phường Test",
                "code": "T-W",
                "unit_type_id": cls.env.ref("union_campaign.unit_type_commune").id,
                "parent_id": cls.federation.id,
                "chair_user_id": cls.user_ward.id,
                "officer_user_ids": [Command.set(cls.user_ward.ids)],
            }
        )
        cls.g1, cls.g2, cls.g3 = (
            Unit.create(
                {
                    "name": name,
                    "code": code,
                    "unit_type_id": cls.env.ref(f"union_campaign.unit_type_{kind}").id,
                    "parent_id": cls.ward.id,
                    "chair_user_id": user.id,
                }
            )
            for name, code, kind, user in (
                ("CĐCS Trường G1", "T-G1", "school", cls.user_g1),
                ("CĐCS Công ty G2", "T-G2", "enterprise", cls.user_g2),
                ("CĐCS Cơ quan G3", "T-G3", "agency", cls.env["res.users"]),
            )
        )
        cls.upper = cls._running_campaign(unit_ids=[Command.set((cls.units | cls.ward).ids)])
        cls.upper_items = cls.upper.item_ids.filtered(lambda item: item.scope == "units")

    def _implement(self, **kwargs):
        action = self.upper.with_user(self.user_ward).action_create_implementing_plan(**kwargs)
        return self.env["union.campaign"].browse(action["res_id"])

    def _approve(self, report):
        while report.state == "submitted":
            report.with_user(self.user_manager).action_approve()

    def test_implementing_plan(self):
        upper_banner = self.upper_items.filtered(lambda item: item.name == "Treo băng rôn")
        upper_sub = self.env["union.campaign.item"].create(
            {"phase_id": upper_banner.phase_id.id, "parent_id": upper_banner.id, "name": "Băng rôn tại cổng"}
        )
        plan = self._implement(days_before=5)
        sub = plan.item_ids.filtered(lambda item: item.parent_item_id == upper_sub)
        self.assertEqual(sub.parent_id.parent_item_id, upper_banner, "a sub-item under the copy of its parent")
        self.assertEqual(plan.state, "draft")
        self.assertEqual(plan.parent_campaign_id, self.upper)
        self.assertEqual(plan.issuing_unit_id, self.ward)
        self.assertEqual(plan.unit_ids, self.g1 | self.g2 | self.g3, "the ward's own units")
        self.assertEqual(plan.user_id, self.user_ward)
        basis = plan.legal_basis_ids
        self.assertEqual(basis.upper_campaign_id, self.upper)
        self.assertEqual(
            basis.with_context(lang="vi_VN")._get_sentence(),
            "Thực hiện Kế hoạch số 99/KH-TEST ngày 05/01/2027 của Ban Thường vụ LĐLĐ Test,",
        )
        # The upper plan's unit items, each remembering the item it implements; the federation's tasks stay above.
        self.assertEqual(plan.item_ids.parent_item_id, self.upper_items | upper_sub)
        self.assertEqual(set(plan.item_ids.mapped("scope")), {"units"})
        banner = plan.item_ids.filtered(lambda item: item.name == "Treo băng rôn")
        self.assertEqual((banner.target_qty, banner.target_uom, banner.evidence_required), (3, "băng rôn", True))
        # Each period due five days before the upper one.
        for phase, upper_phase in zip(plan.phase_ids, self.upper.phase_ids, strict=True):
            self.assertEqual(phase.name, upper_phase.name)
            self.assertEqual(phase.report_deadline, upper_phase.report_deadline - timedelta(days=5))
            self.assertEqual(phase.date_end, upper_phase.date_end - timedelta(days=5))
        # Its own level's document: the ward's header and outline, the upper issuer told.
        self.assertTrue(plan.section_ids, "a plan made in one click has the general outline")
        self.assertIn(self.federation, plan.recipient_ids.unit_id)
        self.assertEqual(self.upper.child_campaign_count, 1)
        # A second click opens the same plan.
        self.assertEqual(self._implement(), plan)
        self.assertEqual(self.upper.child_campaign_ids, plan)

    def test_implementing_plan_refused(self):
        draft = self._create_campaign(reference="98/KH-TEST", unit_ids=[Command.set(self.ward.ids)])
        count = self.env["union.campaign"].search_count([])
        with self.assertRaisesRegex(UserError, "whole number from 0 to 60"):
            self._implement(days_before=-1)
        with self.assertRaisesRegex(UserError, "do not work for a unit"):
            self.upper.with_user(self.user_officer).action_create_implementing_plan()
        with self.assertRaisesRegex(UserError, "cannot implement"):
            self.upper.with_user(self.user_ward).action_create_implementing_plan(unit=self.unit_a.id)
        with self.assertRaisesRegex(UserError, "cannot implement"):  # not the ward's
            self.upper.with_user(self.user_reporter_a).action_create_implementing_plan(unit=self.ward)
        self.ward.member_user_ids = self.user_reporter_b
        with self.assertRaises(AccessError):  # the ward's reporting member, not an officer: no plan of his own
            self.upper.with_user(self.user_reporter_b).action_create_implementing_plan(unit=self.ward)
        with self.assertRaisesRegex(UserError, "Only a running plan"):
            draft.with_user(self.user_ward).action_create_implementing_plan()
        self.assertEqual(self.env["union.campaign"].search_count([]), count, "nothing created")
        # The link is the cascade's: an officer points neither a plan nor an item elsewhere.
        plan = self._implement()
        with self.assertRaises(UserError):
            plan.with_user(self.user_ward).write({"parent_campaign_id": draft.id})
        with self.assertRaisesRegex(Exception, "can only implement an item"):
            plan.item_ids[:1].with_user(self.user_ward).write({"parent_item_id": draft.item_ids[:1].id})

    def test_wizard(self):
        wizard = Form(
            self.env["union.campaign.implement.wizard"]
            .with_user(self.user_ward)
            .with_context(default_campaign_id=self.upper.id)
        )
        self.assertEqual(wizard.unit_id, self.ward, "the one unit of the plan the officer works for")
        wizard.days_before = 3
        action = wizard.save().action_confirm()
        plan = self.env["union.campaign"].browse(action["res_id"])
        self.assertEqual(plan.phase_ids[0].report_deadline, self.upper.phase_ids[0].report_deadline - timedelta(days=3))
        self.assertTrue(self.upper.with_user(self.user_ward).can_implement)
        self.assertFalse(self.upper.with_user(self.user_officer).can_implement)

    def _launched_lower_plan(self):
        plan = self._implement()
        first_item = plan.item_ids.filtered(lambda item: item.name == "Hội nghị quán triệt")
        # G3, an agency, is not asked for the first item.
        first_item.with_user(self.user_ward).write(
            {"all_units": False, "unit_ids": [Command.set((self.g1 | self.g2).ids)]}
        )
        plan.with_user(self.user_ward).write({"approver_id": self.user_manager.id})
        plan.with_user(self.user_ward).action_submit()
        plan.with_user(self.user_manager).action_approve()
        plan.with_user(self.user_ward).action_launch()
        self.assertEqual(plan.state, "running")
        return plan

    def test_fill_from_units(self):
        plan = self._launched_lower_plan()
        lower_1 = {unit: self._report(plan, unit) for unit in (self.g1, self.g2)}
        self._fill(lower_1[self.g1], self.user_g1, qty_done=2, participant_count=30, amount=1_000_000)
        self._fill(lower_1[self.g2], self.user_g2, qty_done=3, participant_count=45, is_done=True)
        for unit, user in ((self.g1, self.user_g1), (self.g2, self.user_g2)):
            lower_1[unit].with_user(user).action_submit()
        self._approve(lower_1[self.g1])  # G2's waits for review: not counted yet

        upward = self._report(self.upper, self.ward).with_user(self.user_ward)
        self.assertTrue(upward.implementing_campaign_ids)
        line = upward.line_ids
        line.write({"qty_done": 1, "participant_count": 10, "note": "Ban Thường vụ phường tự tổ chức 1 buổi."})
        upward.action_fill_from_units()
        self.assertEqual((line.qty_done, line.participant_count, line.amount), (3, 40, 1_000_000))
        self.assertEqual((line.units_done_count, line.units_asked_count), (1, 2))
        self.assertEqual(line.units_summary, "1/2 đơn vị (50,0 %); không giao: Khối cơ quan, đơn vị (1)")
        self.assertEqual(line.source_line_ids.report_id, lower_1[self.g1])
        self.assertTrue(line.is_done)

        # G2 approved: the refill replaces the units' part only, the ward's own figures and words stay.
        self._approve(lower_1[self.g2])
        upward.action_fill_from_units()
        self.assertEqual((line.qty_done, line.participant_count, line.amount), (6, 85, 1_000_000))
        self.assertEqual(line.units_summary, "2/2 đơn vị (100,0 %); không giao: Khối cơ quan, đơn vị (1)")
        self.assertEqual(line.note, "Ban Thường vụ phường tự tổ chức 1 buổi.")
        self.assertEqual(upward.source_report_count, 2)
        self.assertIn("Filled from 2 approved reports", upward.message_ids[0].body)

        html = self.env["ir.actions.report"]._render_qweb_html("union_campaign.report_unit_report", upward.ids)[0]
        self.assertIn("2/2 đơn vị (100,0 %)", html.decode())
        # The implementing plan prints its basis as the upper plan's verb.
        html = self.env["ir.actions.report"]._render_qweb_html("union_campaign.report_campaign_plan", plan.ids)[0]
        self.assertIn("Thực hiện Kế hoạch số 99/KH-TEST ngày 05/01/2027 của Ban Thường vụ LĐLĐ Test", html.decode())
        # The units' part is the fill's word; a submitted report no longer changes.
        with self.assertRaises(UserError):
            line.write({"units_qty_done": 100})
        upward.action_submit()
        with self.assertRaisesRegex(UserError, "no longer filled"):
            upward.action_fill_from_units()
        self.assertEqual(line.qty_done, 6)

        # The roll-up on the district's plan: each level's own work once, so the total is the real total.
        before = self._rollup_queries()
        self._approve(upward)
        self.assertEqual(self._rollup_queries(), before, "one aggregation, whatever the number of reports")
        rollup = self.upper.with_user(self.user_officer).get_rollup()
        self.assertEqual([row["level_code"] for row in rollup], ["commune", "grassroots"], "from the top level down")
        ward, grassroots = rollup
        self.assertEqual((ward["lines"], ward["done"], ward["qty"], ward["participants"]), (1, 1, 1, 10), "its own")
        self.assertEqual(
            (
                grassroots["lines"],
                grassroots["done"],
                grassroots["share"],
                grassroots["qty"],
                grassroots["participants"],
            ),
            (2, 2, 100.0, 5, 75),
        )
        rows = {row["level_code"]: row for row in rollup}
        self.assertEqual({row["item_id"] for row in rows.values()}, {line.item_id.id})
        # The same across the levels as a spreadsheet: per item and level, then every unit's line.
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render_xlsx("union_campaign.action_report_campaign_rollup_xlsx", self.upper.ids, {})
        )
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        by_level, units = (list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets)
        self.assertEqual([row[2:7] for row in by_level[3:]], [(1, 1, 1, 1, 10), (2, 2, 1, 5, 75)])
        self.assertEqual(
            {row[1] for row in units[1:]},
            {"Công đoàn phường Test", "CĐCS Trường G1", "CĐCS Công ty G2", "CĐCS Cơ quan G3"}
            | {unit.name for unit in self.units},
            "every unit's line of the chain, drafts included (their state says so)",
        )
        action = self.upper.with_user(self.user_officer).action_view_rollup()
        self.assertEqual(
            self.env["union.unit.report.line"].search(action["domain"] + [("report_id.state", "=", "approved")]),
            line | lower_1[self.g1].line_ids | lower_1[self.g2].line_ids,
        )

    def test_demo_chain(self):
        """The demo's three levels: city plan → the ward's plan implementing it → grassroots reports, filled upward."""
        city = self.env.ref("union_campaign.campaign_city_chain", raise_if_not_found=False)
        if not city:
            self.skipTest("installed without demo data: the demo chain is not there to check")
        ward_plan = city.child_campaign_ids
        self.assertEqual((ward_plan.reference, ward_plan.state), ("18/KH-CĐP", "running"))
        self.assertEqual(ward_plan.issuing_unit_id, self.env.ref("union_campaign.unit_cd_phuc_loi"))
        upward = city.report_ids
        self.assertEqual(upward.state, "approved")
        conference = upward.line_ids.filtered(
            lambda line: line.item_id == self.env.ref("union_campaign.campaign_city_chain_item_1")
        )
        self.assertEqual((conference.qty_done, conference.participant_count), (4, 548), "the ward's 1 + its units' 3")
        self.assertTrue(conference.units_summary.startswith("2/2 "))
        rows = city.get_rollup()
        self.assertEqual(sum(row["qty"] for row in rows if row["item_id"] == conference.item_id.id), 4)

    def test_officers_of_a_union(self):
        """A ward's officer sees the plans of the ward, below it and given to it, nothing of the district's other
        units; the district's officer reads what lies below it and changes none of it."""
        self.addCleanup(self.env.registry.clear_cache)
        self.assertEqual(self.upper._get_implementing_units(self.user_manager), self.ward, "a manager of every union")
        self.federation.officer_user_ids = self.user_officer | self.user_manager
        self.assertFalse(self.upper._get_implementing_units(self.user_manager), "the district's manager runs no ward")
        other = self._create_campaign(reference="97/KH-TEST")  # the district's draft for units A, B, C
        plan = self._launched_lower_plan()
        Plan = self.env["union.campaign"].with_user(self.user_ward)
        self.assertEqual(Plan.search([("id", "in", (self.upper | other | plan).ids)]), self.upper | plan)
        report_a = self._report(self.upper, self.unit_a)
        Report = self.env["union.unit.report"].with_user(self.user_ward)
        self.assertFalse(Report.search([("id", "=", report_a.id)]), "another unit's report on the upper plan")
        with self.assertRaises(AccessError):
            self.upper.with_user(self.user_ward).write({"reminder_days": "2"})
        with self.assertRaises(AccessError):
            self.unit_a.with_user(self.user_ward).write({"member_count": 1})
        self.g1.with_user(self.user_ward).write({"member_count": 25})
        with self.assertRaises(AccessError):
            Plan.create(self._prepare_campaign_vals(reference="96/KH-TEST", unit_ids=[Command.set(self.units.ids)]))

        # The district reads the ward's plan and its units' reports, and changes or decides none of them.
        lower = self._report(plan, self.g1)
        self._fill(lower, self.user_g1)
        lower.with_user(self.user_g1).action_submit()
        self.assertEqual(lower.with_user(self.user_officer).state, "submitted")
        with self.assertRaises(AccessError):
            lower.with_user(self.user_officer).action_approve()
        with self.assertRaises(AccessError):
            plan.item_ids[:1].with_user(self.user_officer).write({"user_id": self.user_officer.id})
        with self.assertRaises(AccessError):
            Plan.with_user(self.user_officer).create(
                self._prepare_campaign_vals(
                    reference="95/KH-TEST", issuing_unit_id=self.ward.id, unit_ids=[Command.set(self.g1.ids)]
                )
            )
        lower.with_user(self.user_ward).action_approve()  # the ward decides on its own plan's reports
        self.assertEqual(lower.state, "approved")

    def test_part_rules_derive_from_the_plan_rule(self):
        """One rule for officers: every part of a plan is read as its plan is (the same domain through campaign_id)."""
        plan_rule = self.env.ref("union_campaign.union_campaign_rule_officer").domain_force
        for model in (
            "phase",
            "item",
            "slogan",
            "legal_basis",
            "recipient",
            "responsibility",
            "section",
            "target",
            "budget_line",
            "report_schedule",
        ):
            rule = self.env.ref(f"union_campaign.union_campaign_{model}_rule_officer").domain_force
            self.assertEqual(rule, plan_rule.replace("('", "('campaign_id.").replace("('campaign_id.|'", "('|'"), model)
        report_rule = self.env.ref("union_campaign.union_unit_report_rule_officer").domain_force
        for model in ("line", "review"):
            rule = self.env.ref(f"union_campaign.union_unit_report_{model}_rule_officer").domain_force
            self.assertEqual(rule, report_rule.replace("('", "('report_id.").replace("('report_id.|'", "('|'"), model)

    def _rollup_queries(self):
        """Queries of one roll-up with cold record caches (the registry's caches warm: a selection's labels)."""
        self.upper.get_rollup()
        self.env.flush_all()
        self.env.invalidate_all()
        count = self.env.cr.sql_log_count
        self.upper.get_rollup()
        return self.env.cr.sql_log_count - count

    def test_fill_refused(self):
        upward = self._report(self.upper, self.ward)
        with self.assertRaisesRegex(UserError, "has no running plan implementing"):
            upward.with_user(self.user_ward).action_fill_from_units()
        self._launched_lower_plan()
        with self.assertRaises(UserError):  # another unit's reporter (an AccessError is a UserError)
            upward.with_user(self.user_reporter_b).action_fill_from_units()
        self.assertFalse(upward.line_ids.source_line_ids)
