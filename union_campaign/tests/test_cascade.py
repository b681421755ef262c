# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import contextlib
import io
from datetime import timedelta

import lxml.html
import openpyxl

from odoo import Command
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, tagged

from .common import UnionCampaignCommon
from .test_reports import ReportTestMixin, html_text

RESULTS_PDF = "union_campaign.action_report_campaign_results"
RESULTS_XLSX = "union_campaign.action_report_campaign_results_xlsx"
MATRIX_XLSX = "union_campaign.action_report_compliance_matrix_xlsx"


class _Rollback(Exception):
    """Raised to undo a measured scenario, so that the next size starts from the same database."""


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

    # ------------------------------------------------------------------
    # The compliance matrix and the results across the levels
    # ------------------------------------------------------------------
    def _launch_implementing(self, upper, user):
        """The plan with which `user`'s unit implements `upper`, approved by the manager and launched."""
        action = upper.with_user(user).action_create_implementing_plan()
        plan = self.env["union.campaign"].browse(action["res_id"])
        plan.with_user(user).write({"approver_id": self.user_manager.id})
        plan.with_user(user).action_submit()
        plan.with_user(self.user_manager).action_approve()
        plan.with_user(user).action_launch()
        return plan

    def _sibling_ward(self):
        """Another ward of the district, with its officer and one grassroots union."""
        user = mail_new_test_user(
            self.env, login="t_ward2", name="Ward 2 Officer", groups="base.group_user,union_campaign.group_officer"
        )
        ward = self.env["union.unit"].create(
            {
                "name": "Công đoàn phường Khác",
                "code": "T-W2",
                "unit_type_id": self.env.ref("union_campaign.unit_type_commune").id,
                "parent_id": self.federation.id,
                "chair_user_id": user.id,
                "officer_user_ids": [Command.set(user.ids)],
            }
        )
        self.env["union.unit"].create(
            {
                "name": "CĐCS Trường G4",
                "code": "T-G4",
                "unit_type_id": self.env.ref("union_campaign.unit_type_school").id,
                "parent_id": ward.id,
            }
        )
        return ward, user

    def test_matrix_across_levels(self):
        """The compliance matrix across levels: the plan's units, then each implementing plan's units under its
        level and number, late cells as such; a ward's officer reads the ward's subtree only, not a sibling
        ward's, on screen data and in the spreadsheet."""
        ward2, user_ward2 = self._sibling_ward()
        top = self._running_campaign(
            reference="90/KH-TEST", unit_ids=[Command.set((self.units | self.ward | ward2).ids)]
        )
        plan = self._launch_implementing(top, self.user_ward)
        plan2 = self._launch_implementing(top, user_ward2)
        g1_report = self._report(plan, self.g1)
        self._fill(g1_report, self.user_g1)
        g1_report.with_user(self.user_g1).action_submit()

        with self._frozen("2027-03-10 03:00:00"):  # past the first deadlines (the ward's 28/02, the district's 5/3)
            levels = top.with_user(self.user_officer).get_compliance_matrix_levels()
            blocks = levels["blocks"]
            self.assertEqual(
                [(block["depth"], block["campaign"]["id"], block["parent_reference"]) for block in blocks],
                [(0, top.id, ""), (1, plan2.id, "90/KH-TEST"), (1, plan.id, "90/KH-TEST")],
                "the plan, then each implementing plan by its union's name",
            )
            self.assertEqual(blocks[2]["issuing_unit"], "Công đoàn phường Test")
            self.assertEqual(blocks[2]["issuing_level"], "Commune, Ward or Special Zone")
            top_rows = {row["unit"]: row for row in blocks[0]["rows"]}
            self.assertEqual(set(top_rows), {*self.units.mapped("name"), self.ward.name, ward2.name})
            self.assertEqual(top_rows[self.ward.name]["level"], "Commune, Ward or Special Zone")
            ward_rows = {row["unit"]: row for row in blocks[2]["rows"]}
            self.assertEqual(set(ward_rows), {"CĐCS Trường G1", "CĐCS Công ty G2", "CĐCS Cơ quan G3"})
            self.assertEqual(ward_rows["CĐCS Trường G1"]["level"], "Grassroots Union")
            first = blocks[2]["columns"][0]["id"]
            states = {
                unit: next(cell["state"] for cell in row["cells"] if cell["column"] == first)
                for unit, row in ward_rows.items()
            }
            self.assertEqual(states["CĐCS Trường G1"], "submitted")
            self.assertEqual(states["CĐCS Công ty G2"], "late", "not sent, past the ward's deadline")
            self.assertNotEqual(blocks[2]["columns"], blocks[0]["columns"], "each level its own deadlines")
            self.assertEqual([row["unit"] for row in blocks[1]["rows"]], ["CĐCS Trường G4"])

            # The ward's officer: the ward's own report above, the ward's units below, nothing of the other ward.
            levels = top.with_user(self.user_ward).get_compliance_matrix_levels()
            self.assertEqual([block["campaign"]["id"] for block in levels["blocks"]], [top.id, plan.id])
            self.assertEqual([row["unit"] for row in levels["blocks"][0]["rows"]], [self.ward.name])
            content, _kind = (
                self.env["ir.actions.report"].with_user(self.user_ward)._render_xlsx(MATRIX_XLSX, top.ids, {})
            )
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(len(workbook.worksheets), 2, "the plan's matrix, then the matrix across levels")
        sheet = workbook.worksheets[1]
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
        names = {row[0] for row in rows}
        self.assertIn("CĐCS Trường G1", names)
        self.assertFalse({"CĐCS Trường G4", ward2.name, self.unit_a.name} & names, "nothing of the other ward")
        # The matrix is a document of the union: in its language (Vietnamese here), whoever prints it.
        self.assertTrue(any(str(row[0] or "").startswith("Cấp 1: ") and "90/KH-TEST" in row[0] for row in rows))
        g2 = next(row for row in sheet.iter_rows() if row[0].value == "CĐCS Công ty G2")
        self.assertEqual(g2[1].value, "Công đoàn cơ sở", "each unit with its level")
        self.assertEqual(g2[3].fill.fgColor.rgb, "FFDC3545", "a late report in red")
        self.assertEqual(g2[0].alignment.indent, 1, "a level below, indented")

    def test_matrix_across_levels_queries(self):
        """The matrix across levels costs the same queries for 3 units under the ward or 12: one search for the
        plans per level of the chain and one for their reports, never one per unit."""
        counts = {}
        for extra in (0, 9):
            with contextlib.suppress(_Rollback), self.env.cr.savepoint():
                self.env["union.unit"].create(
                    [
                        {
                            "name": f"CĐCS QC {index}",
                            "unit_type_id": self.env.ref("union_campaign.unit_type_enterprise").id,
                            "parent_id": self.ward.id,
                        }
                        for index in range(extra)
                    ]
                )
                plan = self._launched_lower_plan()
                self.assertEqual(len(plan.unit_ids), 3 + extra)
                upper = self.upper.with_user(self.user_officer)
                upper.get_compliance_matrix_levels()  # the registry's caches warm (selection labels, rules)
                self.env.flush_all()
                self.env.invalidate_all()
                before = self.env.cr.sql_log_count
                levels = upper.get_compliance_matrix_levels()
                counts[extra] = self.env.cr.sql_log_count - before
                self.assertEqual(len(levels["blocks"][1]["rows"]), 3 + extra)
                raise _Rollback
            self.env.invalidate_all()
        self.assertLessEqual(counts[9], counts[0] + 2, f"{counts[0]} queries for 3 units, {counts[9]} for 12")

    def _results_chain(self):
        """The ward's plan launched; G1 reports the first item and is approved, G2 sends nothing; the ward's own
        report on the district's plan is filled from its units and approved."""
        plan = self._launched_lower_plan()
        g1_report = self._report(plan, self.g1)
        self._fill(g1_report, self.user_g1, qty_done=2, participant_count=30, amount=1_000_000)
        g1_report.with_user(self.user_g1).action_submit()
        self._approve(g1_report)
        upward = self._report(self.upper, self.ward).with_user(self.user_ward)
        upward.line_ids.write({"is_done": True, "qty_done": 1, "participant_count": 10})
        upward.action_fill_from_units()
        upward.action_submit()
        self._approve(upward)
        return plan

    def test_results_across_levels(self):
        """The consolidated results of a plan implemented below give, per item of the plan, each level's units done
        out of those asked ("1/5 đơn vị (20,0 %)") and its own figures, from the roll-up; a level that approved
        nothing yet shows as missing; in the printed results and their spreadsheet."""
        self._results_chain()
        officer = self.env["ir.actions.report"].with_user(self.user_officer)
        html, _kind = officer._render_qweb_html(RESULTS_PDF, self.upper.ids)
        self.assertIn("o_union_levels", html.decode())
        text = html_text(html)
        # The ward: its own conference (1 of 1); the grassroots unions: G1 of G1, G2 and the district's A, B, C.
        self.assertIn(
            "1 Hội nghị quán triệt Xã, phường, đặc khu 1/1 đơn vị (100,0 %) 1 10 0 đồng "
            "Công đoàn cơ sở 1/5 đơn vị (20,0 %) 2 30 1.000.000 đồng",
            text,
        )
        # The banners of the second period: asked of every level, approved by none yet.
        self.assertIn("2 Treo băng rôn Xã, phường, đặc khu 0/1 đơn vị (0,0 %)", text)
        self.assertEqual(len(lxml.html.fromstring(html).find_class("o_union_level_missing")), 2)

        content, _kind = officer._render_xlsx(RESULTS_XLSX, self.upper.ids, {})
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        sheet = workbook.worksheets[-1]
        rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=5)]
        self.assertEqual(
            [row[:4] + row[5:9] for row in rows],
            [
                ["Hội nghị quán triệt", "Xã, phường, đặc khu", 1, 1, "1/1 đơn vị (100,0 %)", 1, 10, 0],
                ["Hội nghị quán triệt", "Công đoàn cơ sở", 1, 5, "1/5 đơn vị (20,0 %)", 2, 30, 1_000_000],
                ["Treo băng rôn", "Xã, phường, đặc khu", 0, 1, "0/1 đơn vị (0,0 %)", 0, 0, 0],
                ["Treo băng rôn", "Công đoàn cơ sở", 0, 6, "0/6 đơn vị (0,0 %)", 0, 0, 0],
            ],
        )
        self.assertEqual(sheet.cell(row=7, column=1).fill.fgColor.rgb, "FFFFC7CE", "a level missing, in red")
        # A plan no plan implements has no such section.
        html, _kind = officer._render_qweb_html(RESULTS_PDF, self._running_campaign(reference="89/KH-TEST").ids)
        self.assertNotIn("o_union_levels", html.decode())

    def test_results_across_levels_of_a_ward(self):
        """A ward's officer prints the district's results across levels for the ward's subtree only."""
        self._results_chain()
        levels = self.env["report.union_campaign.report_campaign_results"].with_user(self.user_ward)
        rows = levels._get_level_results(self.upper.with_user(self.user_ward))
        grassroots = rows[0]["levels"][1]
        self.assertEqual((grassroots["done"], grassroots["asked"]), (1, 2), "G1 and G2; not the district's A, B, C")


@tagged("post_install", "-at_install")
class TestCascadePdf(ReportTestMixin, HttpCase):
    """wkhtmltopdf fetches the report assets from the server: only an HttpCase serves them during tests."""

    def test_results_across_levels_pdf(self):
        """The demo city's consolidated results, printed through wkhtmltopdf, give each level's row per item: the
        ward's own conference, then its two grassroots unions' (2/2)."""
        city = self.env.ref("union_campaign.campaign_city_chain", raise_if_not_found=False)
        if not city:
            self.skipTest("installed without demo data: the demo chain is not there to print")
        self.env = self.env(user=self.env.ref("union_campaign.user_officer"))
        text = self.pdf_text(self.render_pdf(RESULTS_PDF, city))
        self.assertInOrder(
            text,
            [
                "Hội nghị tuyên truyền, phổ biến pháp luật lao động",
                "Xã, phường, đặc khu 1/1 đơn vị (100,0 %)",
                "Công đoàn cơ sở 2/2 đơn vị (100,0 %)",
            ],
        )
