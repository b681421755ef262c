# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The second hostile probe (issue "approved means final, everywhere"): each finding, as an authenticated but hostile
user would try it, refused with a sentence and changing nothing."""

import base64
import io
import re
import subprocess
from datetime import date
from unittest.mock import patch

from reportlab.pdfgen import canvas

from odoo import Command
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, tagged
from odoo.tools import pdf

from .common import UnionCampaignCommon
from .test_reports import PLAN_REPORT, UNIT_REPORT, ReportTestMixin


@tagged("post_install", "-at_install")
class TestProbe(UnionCampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._running_campaign()
        cls.report = cls.campaign.report_ids.filtered(lambda r: r.unit_id == cls.unit_a and r.phase_id.sequence == 2)
        cls.company_b = cls.env["res.company"].create({"name": "Liên đoàn B"})
        cls.officer_b = mail_new_test_user(
            cls.env,
            login="t_officer_b",
            groups="base.group_user,union_campaign.group_officer",
            company_id=cls.company_b.id,
            company_ids=[Command.set(cls.company_b.ids)],
        )

    def _file(self, name="bien-ban.txt", user=None, **vals):
        Attachment = self.env["ir.attachment"].with_user(user) if user else self.env["ir.attachment"]
        return Attachment.create({"name": name, "datas": base64.b64encode(b"bien ban"), **vals})

    def _submitted_with_document(self):
        """Unit A's report of period 2, with a document and its evidence, submitted."""
        document = self._file("danh-sach.txt", user=self.user_reporter_a)
        self.report.with_user(self.user_reporter_a).attachment_ids = [Command.link(document.id)]
        self._fill(self.report, self.user_reporter_a)
        self.report.with_user(self.user_reporter_a).action_submit()
        return document

    # 1. Uploaded plan documents are their uploader's
    def test_1_import_upload_is_its_uploaders(self):
        """An upload waiting to be imported is its uploader's, in their company: nobody else lists, reads, swaps or
        imports it."""
        upload = (
            self.env["union.campaign.import.wizard"]
            .with_user(self.user_officer)
            .create({"file": base64.b64encode(b"KE HOACH"), "filename": "ke-hoach.txt"})
        )
        for intruder in (self.officer_b, self.user_officer_2, self.user_manager):
            Wizard = self.env["union.campaign.import.wizard"].with_user(intruder)
            with self.subTest(user=intruder.login):
                self.assertFalse(Wizard.search([]), "nobody lists another person's uploads")
                with self.assertRaises(AccessError):
                    Wizard.browse(upload.id).read(["file"])
                with self.assertRaises(AccessError):
                    Wizard.browse(upload.id).write({"file": base64.b64encode(b"FORGED")})
                with self.assertRaises(AccessError):
                    Wizard.browse(upload.id).action_import()
        self.assertEqual(base64.b64decode(upload.with_context(bin_size=False).file), b"KE HOACH")
        self.assertEqual(upload.company_id, self.company)

    def test_1_every_wizard_is_its_creators(self):
        """The send-back, launch and settings dialogs are their creator's too."""
        for model, user, vals in (
            ("union.review.return.wizard", self.user_officer, {"reason": "Sửa lại"}),
            ("union.campaign.launch.wizard", self.user_officer, {"campaign_id": self.campaign.id}),
            ("union.campaign.settings", self.user_manager, {"reminder_days": "3,1"}),
        ):
            record = self.env[model].with_user(user).create(vals)
            with self.subTest(model=model), self.assertRaises(AccessError):
                record.with_user(self.user_officer_2).read(["create_uid"])

    # 2. Every file of an official report is evidence
    def test_2_report_documents_are_locked_once_submitted(self):
        """A submitted report's documents (not only its lines' evidence) are neither replaced, renamed, deleted
        nor added to, by officers and managers either; while it is open, every change is in its chatter."""
        document = self._submitted_with_document()
        self.assertTrue(any("danh-sach.txt" in body for body in self.report.message_ids.mapped("body")))
        for user in (self.user_officer, self.user_manager):
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(UserError, "evidence of a submitted"):
                    document.with_user(user).write({"datas": base64.b64encode(b"forged")})
                with self.assertRaisesRegex(UserError, "evidence of a submitted"):
                    document.with_user(user).write({"name": "khac.txt"})
                with self.assertRaisesRegex(UserError, "evidence of a submitted"):
                    document.with_user(user).unlink()
                with self.assertRaises(UserError):
                    self.report.with_user(user).attachment_ids = [Command.link(self._file("them.txt", user=user).id)]
        self.assertEqual(self.report.attachment_ids, document)
        self.assertEqual(base64.b64decode(document.datas), b"bien ban")

    # 4. and 5. Belonging never moves
    def test_4_parts_of_a_plan_never_move(self):
        """A period, an item, a schedule, a target, a section, a budget line stay in their plan (and an item in
        its period), whoever writes, a manager included; an approved report's period and items never move."""
        draft = self._create_campaign(reference="2/KH-DRAFT")
        phase = self.campaign.phase_ids[0]
        moves = [
            (phase, "campaign_id", draft.id),
            (phase.item_ids[0], "phase_id", draft.phase_ids[0].id),
            (self.campaign.report_schedule_ids[0], "campaign_id", draft.id),
            (self.campaign.section_ids[0], "campaign_id", draft.id),
            (self.campaign.slogan_ids[0], "campaign_id", draft.id),
        ]
        target = self.env["union.campaign.target"].create(
            {"campaign_id": self.campaign.id, "item_id": phase.item_ids[0].id, "name": "90%", "value": 90}
        )
        budget = self.env["union.campaign.budget.line"].create(
            {"campaign_id": self.campaign.id, "name": "Kinh phí", "amount": 1000}
        )
        moves += [
            (target, "campaign_id", draft.id),
            (target, "item_id", draft.phase_ids[0].item_ids[0].id),
            (budget, "campaign_id", draft.id),
        ]
        for record, field, value in moves:
            with self.subTest(model=record._name, field=field):
                with self.assertRaisesRegex(UserError, "never change"):
                    record.with_user(self.user_manager).write({field: value})
        self.assertEqual(phase.campaign_id, self.campaign)

    def test_4_officer_moves_nothing_out_of_a_cancelled_plan(self):
        """An officer does not move a cancelled plan's period into their own draft."""
        cancelled = self._approved_campaign(reference="3/KH-CANCEL")
        cancelled.with_user(self.user_manager).action_cancel()
        draft = self._create_campaign(reference="4/KH-DRAFT")
        with self.assertRaisesRegex(UserError, "never change"):
            cancelled.phase_ids[0].with_user(self.user_officer).campaign_id = draft

    def test_5_a_target_measures_an_item_of_its_own_plan(self):
        """A target made on one's draft cannot point at a running plan's item (its reporters would read it)."""
        draft = self._create_campaign(reference="5/KH-DRAFT")
        item = self.campaign.item_ids.filtered(lambda i: i.scope == "units")[:1]
        with self.assertRaisesRegex(ValidationError, "item of its own plan"):
            self.env["union.campaign.target"].with_user(self.user_officer).create(
                {"campaign_id": draft.id, "item_id": item.id, "name": "Lạc", "value": 5}
            )
        own = (
            self.env["union.campaign.target"]
            .with_user(self.user_officer)
            .create({"campaign_id": draft.id, "name": "Của mình", "value": 5})
        )
        with self.assertRaisesRegex(UserError, "never change"):
            own.item_id = item

    def test_5_schedules_cover_their_own_plan(self):
        """A schedule covers the periods and items of its own plan only."""
        draft = self._create_campaign(reference="6/KH-DRAFT")
        schedule = self.env["union.campaign.report.schedule"].create({"campaign_id": draft.id, "kind": "per_period"})
        with self.assertRaisesRegex(ValidationError, "its own plan"):
            schedule.phase_ids = [Command.link(self.campaign.phase_ids[0].id)]
        with self.assertRaisesRegex(ValidationError, "its own plan"):
            schedule.item_ids = [Command.link(self.campaign.item_ids[0].id)]

    # 6. and 11. What can be evidence
    def test_6_only_ones_own_files_are_evidence(self):
        """A reporter links neither another unit's file nor another company's into their report's documents."""
        other_report = self.campaign.report_ids.filtered(lambda r: r.unit_id == self.unit_b)[:1]
        other_file = self._file("cua-don-vi-khac.txt", res_model=other_report._name, res_id=other_report.id)
        company_b_file = self._file("cong-ty-b.txt", user=self.officer_b)
        for foreign in (other_file, company_b_file):
            with self.subTest(file=foreign.name), self.assertRaises(AccessError):
                self.report.with_user(self.user_reporter_a).attachment_ids = [Command.link(foreign.id)]
        self.assertFalse(self.report.attachment_ids)

    def test_11_web_links_are_not_evidence(self):
        """A URL attachment (https://…, javascript:…) is refused as a document or as evidence."""
        for url in ("https://evil.example/x", "javascript:alert(1)"):
            link = (
                self.env["ir.attachment"]
                .with_user(self.user_reporter_a)
                .create({"name": url, "type": "url", "url": url})
            )
            line = self.report.line_ids[:1]
            with self.subTest(url=url):
                with self.assertRaisesRegex(UserError, "not evidence"):
                    line.with_user(self.user_reporter_a).attachment_ids = [Command.link(link.id)]
                with self.assertRaisesRegex(UserError, "not evidence"):
                    self.report.with_user(self.user_reporter_a).attachment_ids = [Command.link(link.id)]

    # 7. Approver changes
    def test_7_approver_changes_are_a_managers_and_move_the_work(self):
        """An officer cannot rename the approver of a plan waiting for approval; a manager can, and the approval
        activity (and the step-2 reviews) move to the new approver."""
        new_manager = mail_new_test_user(
            self.env, login="t_manager2", groups="base.group_user,union_campaign.group_manager", lang="en_US"
        )
        waiting = self._create_campaign(reference="7/KH-WAIT")
        waiting.with_user(self.user_officer).action_submit()
        with self.assertRaisesRegex(UserError, "only a manager can change Approver"):
            waiting.with_user(self.user_officer).approver_id = new_manager
        waiting.with_user(self.user_manager).approver_id = new_manager
        approve = self.env.ref("union_campaign.mail_act_approve_plan")
        self.assertEqual(waiting.activity_ids.filtered(lambda a: a.activity_type_id == approve).user_id, new_manager)
        waiting.with_user(new_manager).action_approve()

        two_steps = self._running_campaign(reference="8/KH-TWO", review_steps=2)
        report = two_steps.report_ids.filtered(lambda r: r.unit_id == self.unit_a)[:1]
        self._fill(report, self.user_reporter_a)
        report.with_user(self.user_reporter_a).action_submit()
        report.with_user(self.user_officer).action_approve()
        self.assertEqual(report.reviewer_id, self.user_manager)
        two_steps.with_user(self.user_manager).approver_id = new_manager
        self.assertEqual(report.reviewer_id, new_manager)
        review = self.env.ref("union_campaign.mail_act_review_report")
        self.assertEqual(report.activity_ids.filtered(lambda a: a.activity_type_id == review).user_id, new_manager)
        report.with_user(new_manager).action_approve()
        self.assertEqual(report.state, "approved")

    # 8. Reopen only where it can be finished
    def test_8_closed_plans_reports_stay_approved(self):
        """A manager does not reopen an approved report of a closed plan (it could never be submitted again)."""
        self._fill(self.report, self.user_reporter_a)
        self.report.with_user(self.user_reporter_a).action_submit()
        self.report.with_user(self.user_officer).action_approve()
        self.campaign.phase_ids.sudo().write({"status": "closed"})
        self.campaign.with_user(self.user_officer).action_done()
        with self.assertRaisesRegex(UserError, "not running"):
            self.report.with_user(self.user_manager).action_reopen()
        self.assertEqual(self.report.state, "approved")

    # 9. A unit that reported stays in the plan
    def test_9_a_unit_that_reported_stays_in_the_plan(self):
        """Removing a unit that reported from a running plan is refused; its approved report stays in the matrix."""
        self._fill(self.report, self.user_reporter_a)
        self.report.with_user(self.user_reporter_a).action_submit()
        self.report.with_user(self.user_officer).action_approve()
        with self.assertRaisesRegex(UserError, "stay among its units"):
            self.campaign.with_user(self.user_manager).unit_ids = [Command.unlink(self.unit_a.id)]
        matrix = self.campaign.with_user(self.user_officer).get_compliance_matrix()
        self.assertIn(self.unit_a.id, [row["unit_id"] for row in matrix["rows"]])
        # A unit that never reported can go; the update cancels the reports it was asked.
        self.campaign.with_user(self.user_manager).unit_ids = [Command.unlink(self.unit_c.id)]
        self.campaign.with_user(self.user_officer).action_update_reports()
        unit_c_reports = self.campaign.report_ids.filtered(lambda r: r.unit_id == self.unit_c)
        self.assertEqual(set(unit_c_reports.mapped("state")), {"cancelled"})

    # 10. Imports bounded before parsing
    def test_10_documents_longer_than_any_plan_answer_in_one_sentence(self):
        """A 5,000-page PDF and a text of 2.47 million lines are refused in one translated sentence, creating
        nothing (they took a worker down)."""
        buffer = io.BytesIO()
        sheet = canvas.Canvas(buffer)
        for page in range(5000):
            sheet.drawString(72, 720, f"Trang {page}")
            sheet.showPage()
        sheet.save()
        plans_before = self.env["union.campaign"].search_count([])
        Wizard = self.env["union.campaign.import.wizard"].with_user(self.user_officer)
        for data, filename, sentence in (
            (buffer.getvalue(), "nam-nghin-trang.pdf", "has more than 300 pages"),
            ("\n".join(["- x"] * 2_470_000).encode(), "hai-trieu-dong.txt", "more than 1.000.000 characters"),
        ):
            wizard = Wizard.create({"file": base64.b64encode(data), "filename": filename})
            with self.subTest(file=filename), self.assertRaisesRegex(UserError, sentence):
                wizard.action_import()
        self.assertEqual(self.env["union.campaign"].search_count([]), plans_before)

    # 12. and 13. Bounded input, whatever the way in
    def test_12_numbers_and_dates_are_bounded(self):
        """Integers beyond the database's range and dates outside 1945–2100 are refused with a sentence."""
        huge = 2**31
        for record, field in (
            (self.campaign.phase_ids[0], "sequence"),
            (self.campaign.section_ids[0], "level"),
            (self.campaign, "color"),
            (self.unit_a, "member_count"),
        ):
            with self.subTest(field=field), self.assertRaisesRegex(ValidationError, "whole number between"):
                record.with_user(self.user_manager).write({field: huge})
        with self.assertRaisesRegex(ValidationError, "whole number between"):
            self._create_campaign(reference="9/KH", review_steps=huge)
        with self.assertRaisesRegex(ValidationError, "between 1945 and 2100"):
            self._create_campaign(reference="10/KH", issue_date=date(1900, 1, 1))
        draft = self._create_campaign(reference="11/KH")
        with self.assertRaisesRegex(ValidationError, "between 1945 and 2100"):
            draft.phase_ids[0].date_end = date(9999, 12, 31)

    def test_12_wizard_and_translation_input_is_checked(self):
        """A NUL in an upload's name or in a translation is refused; a translation is bounded and stored in NFC."""
        with self.assertRaisesRegex(ValidationError, "NUL"):
            self.env["union.campaign.import.wizard"].with_user(self.user_officer).create({"filename": "a\x00.txt"})
        unit_type = self.env.ref("union_campaign.unit_type_school")
        with self.assertRaisesRegex(ValidationError, "NUL"):
            unit_type.update_field_translations("name", {"vi_VN": "Trường\x00"})
        with self.assertRaisesRegex(ValidationError, "too long"):
            unit_type.update_field_translations("name", {"vi_VN": "x" * 1_000_000})
        unit_type.update_field_translations("name", {"vi_VN": "Tru\u031bo\u031b\u0300ng"})
        self.assertEqual(unit_type.with_context(lang="vi_VN").name, "Trường")

    def test_13_a_recipient_unit_of_another_company_is_refused(self):
        """A plan's recipient is a unit of the plan's company (another company's unit's name never leaks)."""
        unit_b = self.env["union.unit"].create(
            {"name": "Đơn vị công ty B", "company_id": self.company_b.id, "unit_type_id": self.unit_a.unit_type_id.id}
        )
        draft = self._create_campaign(reference="12/KH")
        with self.assertRaises(UserError):
            self.env["union.campaign.recipient"].with_user(self.user_officer).create(
                {"campaign_id": draft.id, "unit_id": unit_b.id}
            )

    def test_13_amounts_are_exact_up_to_the_maximum(self):
        """Amounts up to 10^15 đồng are kept to the đồng; above, refused."""
        draft = self._create_campaign(reference="13/KH")
        for amount in (10**15, 10**15 - 1, 999_999_999_999_999):
            line = self.env["union.campaign.budget.line"].create(
                {"campaign_id": draft.id, "name": "Kinh phí", "amount": amount}
            )
            line.invalidate_recordset()
            self.assertEqual(int(line.amount), amount)
        with self.assertRaisesRegex(ValidationError, "between 0 and"):
            self.env["union.campaign.budget.line"].create(
                {"campaign_id": draft.id, "name": "Kinh phí", "amount": 10**15 + 1}
            )

    # 3. Prints bounded in time and memory
    def test_3_page_numbers_never_parse_the_pages(self):
        """Numbering a printed document's pages adds a stream per page and never parses their content (merging
        overlay pages parsed each page: minutes for a long document)."""
        buffer = io.BytesIO()
        sheet = canvas.Canvas(buffer)
        for page in range(30):
            sheet.drawString(50, 700, f"Trang {page}")
            sheet.showPage()
        sheet.save()
        buffer.seek(0)
        page_class = type(pdf.PdfFileReader(io.BytesIO(buffer.getvalue()), strict=False).pages[0])
        with patch.object(page_class, "merge_page", side_effect=AssertionError("a page was merged")):
            numbered = self.env["ir.actions.report"]._union_number_pages(buffer)
        reader = pdf.PdfFileReader(numbered, strict=False)
        self.assertEqual(len(reader.pages), 30)

        def content(page):
            streams = page.get_contents()
            streams = streams if isinstance(streams, pdf.ArrayObject) else [streams]
            return b"".join(stream.get_object().get_data() for stream in streams)

        self.assertIn(b"(2) Tj", content(reader.pages[1]))
        self.assertIn(b"(30) Tj", content(reader.pages[29]))
        self.assertNotIn(b"UcPageNo", content(reader.pages[0]), "no number on page 1")

    def test_3_long_links_print_shortened(self):
        """A link of 20,000 characters (the bound of the field) prints as its first 120 characters."""
        url = "https://example.org/" + "a" * 19_900
        line = self.report.line_ids[:1]
        line.with_user(self.user_reporter_a).post_urls = url
        document = self.env["report.union_campaign.report_unit_report"]._get_unit_report_document(self.report)
        printed = [printed_url for item in document["lines"] for printed_url in item["urls"]]
        self.assertEqual(len(printed[0]), 120)
        self.assertTrue(printed[0].startswith("https://example.org/aaa"))

    def test_3_launch_preview_is_its_creators_form(self):
        """The launch preview opens as a form for its creator (the dialog the buttons open)."""
        form = Form(
            self.env["union.campaign.launch.wizard"]
            .with_user(self.user_officer)
            .with_context(default_campaign_id=self.campaign.id)
        )
        self.assertIn("No new unit report", form.summary)


@tagged("post_install", "-at_install")
class TestProbePrints(ReportTestMixin, HttpCase, UnionCampaignCommon):
    """Prints at the documented bounds (3): they render, every page numbered. Their time is measured by make bench
    (print_bounds), not here."""

    def _last_page_number(self, pdf):
        info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
        pages = int(re.search(r"^Pages:\s+(\d+)", info, flags=re.MULTILINE).group(1))
        return pages, self.pdf_text(pdf, crop=(0, 45), pages=(pages, pages))

    def test_3_unit_report_at_its_bounds(self):
        """Twenty items, each with a 20,000-character link, and a 60,000-character summary: the unit report prints,
        numbered, its links shortened."""
        items = [Command.create({"name": f"Nội dung {n}", "sequence": n}) for n in range(20)]
        phase = self._prepare_campaign_vals()["phase_ids"][0][2]
        campaign = self._running_campaign(
            reference="20/KH-BOUND", phase_ids=[Command.create(dict(phase, item_ids=items))]
        )
        report = campaign.report_ids.filtered(lambda r: r.unit_id == self.unit_a)
        self.assertEqual(len(report.line_ids), 20)
        link = "https://example.org/" + "a" * 19_900
        for line in report.line_ids:
            line.with_user(self.user_reporter_a).write({"is_done": True, "post_urls": link})
        report.with_user(self.user_reporter_a).summary = "<p>" + "Đoàn viên tham gia. " * 2_990 + "</p>"
        pdf = self.render_pdf(UNIT_REPORT, report)
        pages, number = self._last_page_number(pdf)
        self.assertGreater(pages, 5)
        self.assertEqual(number, str(pages))
        self.assertNotIn("a" * 200, self.pdf_text(pdf))

    def test_3_plan_at_its_bounds(self):
        """Two hundred sections of 20,000 characters: the plan prints (hundreds of pages), every page numbered."""
        words = "Công đoàn cơ sở tổ chức tuyên truyền cho đoàn viên và người lao động. "
        sections = [
            Command.create({"sequence": n, "name": f"MỤC {n}", "kind": "text", "body": (words * 280)[:20_000]})
            for n in range(200)
        ]
        campaign = self._create_campaign(reference="21/KH-BOUND", section_ids=sections)
        pdf = self.render_pdf(PLAN_REPORT, campaign)
        pages, number = self._last_page_number(pdf)
        self.assertGreater(pages, 300)
        self.assertEqual(number, str(pages))
