# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Approved means final: nothing moves, inflates or deletes an official report, whoever asks and however."""

import base64
import io
import re
import subprocess
import unicodedata

import openpyxl
from psycopg2.errors import CheckViolation

from odoo import Command
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .test_activities import REVIEW, UnionActivityCase


@tagged("post_install", "-at_install")
class TestIntegrity(UnionActivityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._running_campaign()
        cls.two_steps = cls._running_campaign(reference="40/KH", review_steps=2)
        cls.manager_2 = mail_new_test_user(
            cls.env, login="t_manager2", name="Second Manager", groups="union_campaign.group_manager", lang="en_US"
        )

    def _approved_report(self, campaign=None, unit=None, reporter=None):
        campaign = campaign or self.campaign
        report = self._report(campaign, unit or self.unit_b)
        reporter = reporter or self.user_reporter_b
        self._fill(report, reporter)
        report.with_user(reporter).action_submit()
        report.with_user(self.user_officer).action_approve()
        if campaign.review_steps == 2:
            report.with_user(self.user_manager).action_approve()
        self.assertEqual(report.state, "approved")
        return report

    # ------------------------------------------------------------------
    # 1-2. Where a record belongs never moves
    # ------------------------------------------------------------------
    def test_line_cannot_move_into_another_report(self):
        """Nobody moves a line into another unit's (approved) report, nor onto another item, over RPC."""
        approved = self._approved_report()
        target_item = approved.line_ids[0].item_id
        totals_before = sum(approved.line_ids.mapped("qty_done"))
        own_line = self._report(self.campaign, self.unit_a).line_ids[0]
        for user in (self.user_reporter_a, self.user_officer, self.user_manager):
            for vals in (
                {"report_id": approved.id, "item_id": target_item.id, "qty_done": 999, "participant_count": 5000},
                {"report_id": approved.id},
                {"item_id": self.campaign.phase_ids[1].item_ids[0].id},
            ):
                with self.subTest(user=user.login, vals=list(vals)), self.assertRaises(UserError):
                    own_line.with_user(user).write(vals)
        self.assertEqual(own_line.report_id, self._report(self.campaign, self.unit_a))
        self.assertEqual(sum(approved.line_ids.mapped("qty_done")), totals_before)
        # Linking a line into a report through the one2many is the same move, refused the same way.
        with self.assertRaises(UserError):
            self._report(self.campaign, self.unit_a).with_user(self.user_officer).write(
                {"line_ids": [Command.link(approved.line_ids[0].id)]}
            )
        self.assertEqual(approved.line_ids[0].report_id, approved)

    def test_report_frame_is_fixed(self):
        """A report's plan, phase and unit never change; its reporter and deadline are the officer's only."""
        report = self._report(self.campaign, self.unit_a)
        other = self._report(self.two_steps, self.unit_b)
        frame = {
            "unit_id": self.unit_b.id,
            "campaign_id": self.two_steps.id,
            "phase_id": other.phase_id.id,
        }
        for user in (self.user_reporter_a, self.user_officer, self.user_manager):
            for name, value in frame.items():
                with self.subTest(user=user.login, field=name), self.assertRaisesRegex(UserError, "never change"):
                    report.with_user(user).write({name: value})
        for name, value in (
            ("user_id", self.user_reporter_b.id),
            ("date_deadline", "2099-12-31"),
            ("reviewer_id", self.user_reporter_a.id),
            ("submitted_days_late", 0),
            ("name", "Báo cáo khác"),
        ):
            with self.subTest(field=name), self.assertRaises(AccessError):
                report.with_user(self.user_reporter_a).write({name: value})
        self.assertEqual(
            (report.unit_id, report.campaign_id, report.user_id), (self.unit_a, self.campaign, self.user_reporter_a)
        )
        # Officers set the reporter and move the deadline of an open report; computed fields take no writes.
        report.with_user(self.user_officer).write({"user_id": self.user_officer.id, "date_deadline": "2027-03-10"})
        self.assertEqual(report.user_id, self.user_officer)
        with self.assertRaises(AccessError):
            report.with_user(self.user_officer).write({"reviewer_id": self.user_officer.id})

    def test_late_report_stays_late(self):
        """A reporter cannot move their deadline to leave the late filter and the escalation."""
        report = self._report(self.campaign, self.unit_a)
        with self._frozen("2027-03-20 03:00:00"):
            self.assertTrue(report.is_late)
            with self.assertRaises(AccessError):
                report.with_user(self.user_reporter_a).date_deadline = "2099-01-01"
            report.invalidate_recordset()
            self.assertTrue(report.is_late)
            self.assertIn(report, self.env["union.unit.report"].search([("is_late", "=", True)]))

    def test_relational_fields_matrix(self):
        """Every relational field of a report and a line, written by each role with another unit's ids."""
        approved = self._approved_report()
        report = self._report(self.campaign, self.unit_a)
        line = report.line_ids[0]
        other_line = approved.line_ids[0]
        attachment = self.env["ir.attachment"].create(
            {"name": "x.txt", "raw": b"x", "res_model": "union.unit.report", "res_id": approved.id}
        )
        writes = {
            report: {
                "campaign_id": self.two_steps.id,
                "phase_id": approved.phase_id.id,
                "unit_id": self.unit_b.id,
                "reviewer_id": self.user_reporter_a.id,
                "submitted_user_id": self.user_reporter_a.id,
                "checked_user_id": self.user_reporter_a.id,
                "line_ids": [Command.link(other_line.id)],
                "review_ids": [Command.create({"decision": "approved", "step": 1})],
                "company_id": self.env.company.id,
            },
            line: {
                "report_id": approved.id,
                "item_id": other_line.item_id.id,
                "attachment_ids": [Command.link(attachment.id)],
                "company_id": self.env.company.id,
            },
        }
        for user in (self.user_reporter_a, self.user_officer, self.user_manager):
            for record, fields_vals in writes.items():
                for name, value in fields_vals.items():
                    with self.subTest(user=user.login, model=record._name, field=name), self.assertRaises(UserError):
                        record.with_user(user).write({name: value})
        self.assertEqual(other_line.report_id, approved)
        self.assertFalse(report.review_ids)
        self.assertFalse(line.attachment_ids)
        self.assertEqual(attachment.res_id, approved.id)

    # ------------------------------------------------------------------
    # 3-4. Nothing submitted or approved disappears
    # ------------------------------------------------------------------
    def test_no_cascade_deletes_official_reports(self):
        """Deleting a plan, phase, item or unit that carries official reports is refused, naming them."""
        approved = self._approved_report()
        self.campaign.with_user(self.user_manager).action_cancel()
        self.assertEqual(approved.state, "approved", "cancelling a plan leaves approved reports as they are")
        with self.assertRaisesRegex(UserError, "official records"):
            self.campaign.with_user(self.user_officer).unlink()
        with self.assertRaisesRegex(UserError, "official records"):
            approved.phase_id.with_user(self.user_manager).unlink()
        with self.assertRaisesRegex(UserError, "official records"):
            approved.line_ids[0].item_id.with_user(self.user_manager).unlink()
        with self.assertRaisesRegex(UserError, "archive the unit"):
            self.unit_b.with_user(self.user_manager).unlink()
        self.assertTrue(approved.exists() and approved.review_ids and approved.line_ids)
        # The database keeps the promise too.
        self.assertEqual(self.env["union.unit.report"]._fields["campaign_id"].ondelete, "restrict")
        self.assertEqual(self.env["union.unit.report.line"]._fields["item_id"].ondelete, "restrict")
        self.assertEqual(self.env["union.unit.report.review"]._fields["report_id"].ondelete, "restrict")

    def test_untouched_plan_deletes_cleanly(self):
        """A plan cancelled before any report was submitted is deleted with its draft reports."""
        campaign = self._running_campaign(reference="77/KH")
        reports = campaign.report_ids
        self.assertTrue(reports)
        campaign.with_user(self.user_manager).action_cancel()
        campaign.with_user(self.user_officer).unlink()
        self.assertFalse(reports.exists())

    def test_evidence_of_submitted_report_is_locked(self):
        """Evidence files of a submitted or approved report cannot be replaced or deleted, even by a manager."""
        report = self._report(self.campaign, self.unit_b, phase_sequence=2)
        self._fill(report, self.user_reporter_b)
        evidence = report.line_ids.attachment_ids
        self.assertTrue(evidence)
        self.assertIn("Files added", report.message_ids[0].body, "every evidence change is in the chatter")
        report.with_user(self.user_reporter_b).action_submit()
        for user in (self.user_officer, self.user_manager, self.user_reporter_b):
            with self.subTest(user=user.login), self.assertRaisesRegex(UserError, "evidence of a submitted"):
                evidence.with_user(user).write({"datas": base64.b64encode(b"forged")})
            with self.subTest(user=user.login), self.assertRaisesRegex(UserError, "evidence of a submitted"):
                evidence.with_user(user).unlink()
        report.with_user(self.user_officer).action_approve()
        with self.assertRaisesRegex(UserError, "evidence of a submitted"):
            evidence.with_user(self.user_manager).unlink()
        self.assertEqual(evidence.exists(), evidence)
        self.assertEqual(evidence[0].raw, b"Bien ban hoi nghi")

    def test_evidence_cannot_be_pulled_from_another_record(self):
        """A reporter cannot make another unit's file their evidence by linking its id."""
        approved = self._approved_report()
        foreign = self._evidence(approved, "bien-ban-cua-don-vi-khac.txt")
        line = self._report(self.campaign, self.unit_a).line_ids[0]
        with self.assertRaisesRegex(AccessError, "belong to another record"):
            line.with_user(self.user_reporter_a).write({"attachment_ids": [Command.link(foreign.id)]})
        self.assertEqual((foreign.res_model, foreign.res_id), ("union.unit.report", approved.id))

    # ------------------------------------------------------------------
    # 5. Numbers within bounds
    # ------------------------------------------------------------------
    def test_non_finite_numbers_refused(self):
        """NaN, infinity and absurd quantities are refused with a clear message; the results still print."""
        line = self._report(self.campaign, self.unit_a).line_ids[0].with_user(self.user_reporter_a)
        for value in (float("nan"), float("inf"), 1e308, -1.0):
            with self.subTest(value=value), self.assertRaises(ValidationError), self.env.cr.savepoint():
                line.write({"qty_done": value})
                line.flush_recordset()
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            line.write({"participant_count": 10**9})
            line.flush_recordset()
        self.assertEqual(line.qty_done, 0)
        item = self.campaign.phase_ids[0].item_ids[0].with_user(self.user_manager)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            item.write({"target_qty": float("nan")})
        # The web client's onchange, called by hand with what JSON-RPC lets through (NaN, Infinity).
        for value in (float("nan"), float("-inf")):
            with self.subTest(value=value), self.assertRaisesRegex(ValidationError, "must be a number"):
                item.onchange({"target_qty": value}, ["target_qty"], {"target_qty": {}})

    # ------------------------------------------------------------------
    # 7-10. One rights check per transition
    # ------------------------------------------------------------------
    def test_two_steps_need_two_people(self):
        """One manager cannot approve both steps of a two-step review."""
        report = self._report(self.two_steps, self.unit_a)
        self._fill(report, self.user_reporter_a)
        report.with_user(self.user_reporter_a).action_submit()
        report.with_user(self.user_manager).action_approve()
        self.assertEqual(report.review_step, 2)
        self.assertFalse(report.with_user(self.user_manager).can_review)
        with self.assertRaisesRegex(UserError, "step 2 needs another person"):
            report.with_user(self.user_manager).action_approve()
        report.with_user(self.manager_2).action_approve()
        approvals = report.review_ids.filtered(lambda r: r.decision == "approved")
        self.assertEqual(approvals.user_id, self.user_manager | self.manager_2)

    def test_withdraw_rules(self):
        """Reporters withdraw only their own submission before any decision; officers never withdraw silently."""
        report = self._report(self.campaign, self.unit_a)
        report.with_user(self.user_reporter_a).action_submit()
        self.assertFalse(report.with_user(self.user_officer).can_withdraw)
        with self.assertRaisesRegex(AccessError, "reviewers send it back"):
            report.with_user(self.user_officer).action_withdraw()
        report.with_user(self.user_officer).action_return(reason="Thiếu số liệu")
        for method in ("action_withdraw", "action_reset_draft", "action_reopen"):
            with self.subTest(method=method), self.assertRaises(UserError):
                getattr(report.with_user(self.user_reporter_a), method)()
        self.assertEqual(report.state, "returned", "a returned report stays returned until resubmitted")
        report.with_user(self.user_reporter_a).action_submit()
        self.assertTrue(report.with_user(self.user_reporter_a).can_withdraw)
        report.with_user(self.user_reporter_a).action_withdraw()
        self.assertEqual(report.review_ids.sorted("id")[-1].decision, "withdrawn")

    def test_cancelled_plan_stays_cancelled(self):
        """A manager-cancelled plan and its reports stay cancelled unless a manager resets the plan."""
        report = self._report(self.campaign, self.unit_a)
        self.campaign.with_user(self.user_manager).action_cancel()
        self.assertEqual(report.state, "cancelled")
        with self.assertRaisesRegex(UserError, "stay cancelled"):
            report.with_user(self.user_officer).action_reopen()
        with self.assertRaises(AccessError):
            self.campaign.with_user(self.user_officer).action_reset_draft()
        self.campaign.with_user(self.user_manager).action_reset_draft()
        self.campaign.with_user(self.user_officer).action_submit()
        self.campaign.with_user(self.user_manager).action_approve()
        self.campaign.with_user(self.user_officer).action_launch()
        self.assertEqual(report.state, "draft", "launched again: the reports cancelled with the plan reopen")

    def test_reporter_cannot_delete_reviewer_activity(self):
        """The reviewer's activity on a submitted report is not the reporter's to delete or reassign."""
        report = self._report(self.campaign, self.unit_a)
        report.with_user(self.user_reporter_a).action_submit()
        review = self._open(report, REVIEW)
        self.assertEqual(review.user_id, self.user_officer)
        with self.assertRaisesRegex(AccessError, "only they or a manager"):
            review.with_user(self.user_reporter_a).unlink()
        with self.assertRaisesRegex(AccessError, "only they or a manager"):
            review.with_user(self.user_reporter_a).write({"user_id": self.user_reporter_a.id})
        with self.assertRaisesRegex(AccessError, "only they or a manager"):
            review.with_user(self.user_reporter_a).action_feedback(feedback="done")
        self.assertTrue(review.exists())

    def test_plan_approver_rules(self):
        """The approver is a manager, and the named approver is the one who approves or sends back."""
        draft = self._create_campaign(reference="5/KH")
        with self.assertRaisesRegex(ValidationError, "must be a Union Campaigns manager"), self.env.cr.savepoint():
            draft.with_user(self.user_officer).approver_id = self.user_officer_2
        draft.invalidate_recordset()
        self.assertEqual(draft.approver_id, self.user_manager)
        draft.with_user(self.user_officer).action_submit()
        self.assertFalse(draft.with_user(self.manager_2).can_approve)
        with self.assertRaisesRegex(AccessError, "waits for the approval of Test Manager"):
            draft.with_user(self.manager_2).action_approve()
        with self.assertRaises(AccessError):
            draft.with_user(self.manager_2).action_return(reason="Không")
        draft.with_user(self.user_manager).action_approve()
        self.assertEqual(draft.state, "approved")

    def test_running_plan_cannot_be_archived(self):
        """An officer cannot archive a running plan (it would vanish from every list)."""
        with self.assertRaisesRegex(UserError, "cannot be archived"):
            self.campaign.with_user(self.user_officer).active = False
        self.assertTrue(self.campaign.active)

    def test_reports_only_for_plan_units(self):
        """Nobody creates a report by hand, nor one for a unit outside the plan."""
        outsider = self.env["union.unit"].create(
            {
                "name": "Công đoàn ngoài",
                "unit_type_id": self.env.ref("union_campaign.unit_type_agency").id,
                "parent_id": self.federation.id,
            }
        )
        vals = {
            "campaign_id": self.campaign.id,
            "schedule_id": self.campaign.report_schedule_ids[0].id,
            "period_key": "x",
            "date_deadline": "2027-03-05",
            "unit_id": outsider.id,
        }
        with self.assertRaises(AccessError):
            self.env["union.unit.report"].with_user(self.user_officer).create(vals)
        with self.assertRaisesRegex(ValidationError, "one of the plan's units"):
            self.env["union.unit.report"].create(vals)
        with self.assertRaises(AccessError):
            self.env["union.unit.report.line"].with_user(self.user_officer).create(
                {
                    "report_id": self._report(self.campaign, self.unit_a).id,
                    "item_id": self.two_steps.item_ids[0].id,
                }
            )

    # ------------------------------------------------------------------
    # 12. Bad input gets a clear message and changes nothing
    # ------------------------------------------------------------------
    def test_delays_within_a_year(self):
        """A review delay of three million days is refused (it would make every submit fail)."""
        for field in ("review_delay", "revise_delay", "escalation_delay"):
            with self.subTest(field=field), self.assertRaisesRegex(ValidationError, "between 0 and 365"):
                with self.env.cr.savepoint():
                    self.campaign.with_user(self.user_manager).write({field: 3000000})
                    self.campaign.flush_recordset()
        with self.assertRaisesRegex(ValidationError, "between 0 and 365"), self.env.cr.savepoint():
            self.campaign.with_user(self.user_manager).reminder_days = "3,100000"
            self.campaign.flush_recordset()

    def test_nul_bytes_refused(self):
        """A NUL byte in a name, a note or a search term gets a clear message, not a database error."""
        with self.assertRaisesRegex(ValidationError, "NUL"):
            self.unit_a.with_user(self.user_manager).name = "Công đoàn\x00A"
        line = self._report(self.campaign, self.unit_a).line_ids[0]
        with self.assertRaisesRegex(ValidationError, "NUL"):
            line.with_user(self.user_reporter_a).note = "ghi\x00chú"
        with self.assertRaisesRegex(ValidationError, "NUL"):
            self.env["union.unit"].with_user(self.user_officer).name_search("Long\x00Biên")
        with self.assertRaisesRegex(ValidationError, "NUL"):
            self.env["union.unit.report"].with_user(self.user_officer).search([("name", "ilike", "\x00")])
        self.assertEqual(self.unit_a.name, "Công đoàn Trường A")

    def test_decomposed_diacritics(self):
        """Text typed with combining accents (NFD) is stored and searched as the precomposed form."""
        nfd = unicodedata.normalize("NFD", "Công đoàn Trường A")
        self.assertNotEqual(nfd, self.unit_a.name)
        found = self.env["union.unit"].with_user(self.user_officer).name_search(nfd)
        self.assertEqual([unit_id for unit_id, _name in found], self.unit_a.ids)
        with self.assertRaisesRegex(ValidationError, "already exists"):
            self.env["union.unit"].create(
                {
                    "name": nfd,
                    "unit_type_id": self.env.ref("union_campaign.unit_type_school").id,
                    "parent_id": self.federation.id,
                }
            )
        with self.assertRaisesRegex(ValidationError, "already used"):
            self._create_campaign(reference=unicodedata.normalize("NFD", "99/KH-TEST"))
        unit = self.env["union.unit"].create(
            {
                "name": unicodedata.normalize("NFD", "Công đoàn Phường Đức Giang"),
                "unit_type_id": self.env.ref("union_campaign.unit_type_agency").id,
            }
        )
        self.assertEqual(unit.name, unicodedata.normalize("NFC", unit.name))

    def test_text_length_bounded(self):
        """A 100,000-character summary is refused: printed documents stay a few pages per field."""
        report = self._report(self.campaign, self.unit_a).with_user(self.user_reporter_a)
        with self.assertRaisesRegex(ValidationError, "too long"):
            report.summary = "<p>" + "A" * 100000 + "</p>"
        self.assertFalse(report.summary)

    # ------------------------------------------------------------------
    # 13. The matrix and the plan's figures
    # ------------------------------------------------------------------
    def test_matrix_shows_reporter_own_units_and_same_progress(self):
        """A reporter's matrix lists only their units; the plan's progress is the same for every viewer."""
        self._approved_report()
        matrix = self.campaign.with_user(self.user_reporter_a).get_compliance_matrix()
        self.assertEqual([row["unit"] for row in matrix["rows"]], [self.unit_a.name])
        officer_matrix = self.campaign.with_user(self.user_officer).get_compliance_matrix()
        self.assertEqual(len(officer_matrix["rows"]), 3)
        progress = {
            user.login: self.campaign.with_user(user).progress
            for user in (self.user_reporter_a, self.user_reporter_b, self.user_officer)
        }
        self.assertEqual(len(set(progress.values())), 1, progress)
        self.assertGreater(progress["t_officer"], 0)

    @mute_logger("odoo.sql_db")
    def test_database_backstops(self):
        """The database refuses non-finite or absurd quantities even when the ORM checks are bypassed."""
        line = self._report(self.campaign, self.unit_a).line_ids[0]
        for value in ("NaN", "1e308", "-1"):
            with self.subTest(value=value), self.assertRaises(CheckViolation), self.env.cr.savepoint():
                self.env.cr.execute(
                    "UPDATE union_unit_report_line SET qty_done = %s::float8 WHERE id = %s", [value, line.id]
                )


@tagged("post_install", "-at_install")
class TestPrintSeveral(HttpCase, UnionActivityCase):
    """Every PDF prints several records at once; any plan number exports.

    An HttpCase: wkhtmltopdf fetches the report assets from the server, which only an HttpCase serves in tests.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._running_campaign(reference="'01/KH-TEST")
        cls.other = cls._running_campaign(reference="'01/KH-TEST [2]", name="Kế hoạch thử 2")

    def _page_count(self, pdf):
        info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
        return int(re.search(r"^Pages:\s+(\d+)", info, flags=re.MULTILINE).group(1))

    def test_print_several_records(self):
        """Two plans, two unit reports, two results: one PDF each, with the pages of every record."""
        # force_report_rendering: tests otherwise get HTML.
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        for report_name, records in (
            ("union_campaign.report_campaign_plan", self.campaign | self.other),
            ("union_campaign.report_unit_report", self.campaign.report_ids[:2]),
            ("union_campaign.report_campaign_results", self.campaign | self.other),
        ):
            with self.subTest(report=report_name):
                with mute_logger("odoo.addons.base.models.ir_actions_report"):
                    single = [self._page_count(Report._render_qweb_pdf(report_name, r.ids)[0]) for r in records]
                    pdf, _type = Report._render_qweb_pdf(report_name, records.ids)
                self.assertEqual(self._page_count(pdf), sum(single))

    def test_xlsx_any_plan_number(self):
        """Plan numbers with apostrophes and brackets export to well-formed sheet names."""
        content, _type = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render_xlsx(
                "union_campaign.action_report_campaign_results_xlsx", (self.campaign | self.other).ids, data={}
            )
        )
        names = openpyxl.load_workbook(io.BytesIO(content)).sheetnames
        self.assertEqual(len(names), len(set(names)))
        self.assertTrue(all(not name.startswith("'") for name in names), names)
