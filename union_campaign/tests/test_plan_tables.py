# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Tables and appendices of a plan: a section of targets, budget lines or items printed as a bordered table with the
document's column headings (one row per record: the records stay the data the plan runs on), a table kept as
written, and appendices (PHỤ LỤC) after the signature, each on its own page."""

import shutil
import subprocess
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, tagged

from .common import UnionCampaignCommon
from .test_reports import PLAN_REPORT, ReportTestMixin, html_text

TARGET_COLUMNS = "STT\nChỉ tiêu\nĐơn vị tính\nMức phấn đấu"
ITEM_COLUMNS = "STT\nNội dung\nThời gian\nĐơn vị chủ trì\nĐơn vị phối hợp"


class PlanTablesCommon(UnionCampaignCommon, ReportTestMixin):
    @classmethod
    def _table_plan(cls):
        """The test plan with a targets table, a budget table, a table as written and an appendix of items."""
        plan = cls._create_campaign(
            target_ids=[
                Command.create(
                    {"name": "Kết nạp đoàn viên mới", "kind": "quantity", "value": 1200, "uom": "đoàn viên"}
                ),
                Command.create(
                    {"name": "CĐCS xếp loại hoàn thành tốt nhiệm vụ", "kind": "percent_units", "value": 85, "uom": "%"}
                ),
            ],
            budget_line_ids=[
                Command.create({"name": "Kinh phí tổ chức phong trào", "amount": 150_000_000, "note": "LĐLĐ tỉnh"}),
                Command.create({"name": "Khen thưởng", "amount": 55_000_000}),
            ],
        )
        Section = cls.env["union.campaign.section"]
        sections = Section.create(
            [
                {
                    "campaign_id": plan.id,
                    "sequence": 20,
                    "name": "CHỈ TIÊU",
                    "kind": "targets",
                    "layout": "table",
                    "table_columns": TARGET_COLUMNS,
                },
                {
                    "campaign_id": plan.id,
                    "sequence": 21,
                    "name": "KINH PHÍ",
                    "kind": "budget",
                    "layout": "table",
                    "table_columns": "STT\nNội dung\nKinh phí (đồng)\nGhi chú",
                },
                {
                    "campaign_id": plan.id,
                    "sequence": 22,
                    "name": "ĐỐI TƯỢNG VÀ MỨC HỖ TRỢ",
                    "kind": "table",
                    "table_columns": "STT\nĐối tượng\nMức hỗ trợ",
                    "row_ids": [
                        Command.create({"cell_1": "1", "cell_2": "Đoàn viên ốm đau", "cell_3": "500.000"}),
                        Command.create(
                            {
                                "cell_1": "2",
                                "cell_2": "Đoàn viên tai nạn",
                                "cell_3": "1.000.000",
                            }
                        ),
                    ],
                },
                {
                    "campaign_id": plan.id,
                    "sequence": 90,
                    "name": "PHỤ LỤC",
                    "kind": "items",
                    "is_appendix": True,
                    "title_lines": "CÁC HOẠT ĐỘNG TRỌNG TÂM\n(Kèm theo Kế hoạch số 99/KH-TEST)",
                    "table_columns": ITEM_COLUMNS,
                },
            ]
        )
        appendix = sections[-1]
        phase = plan.phase_ids.sorted("sequence")[0]
        cls.env["union.campaign.item"].create(
            [
                {
                    "phase_id": phase.id,
                    "name": "Hội nghị triển khai",
                    "date_text": "Tháng 02/2027",
                    "date_start": date(2027, 2, 1),
                    "date_deadline": date(2027, 2, 28),
                    "lead_text": "Ban Thường vụ",
                    "coordinator_text": "Ban Tuyên giáo, Văn phòng",
                    "section_id": appendix.id,
                },
                {
                    "phase_id": phase.id,
                    "name": "Tọa đàm chuyên đề",
                    "date_deadline": date(2027, 2, 25),
                    "lead_text": "Ban Nữ công",
                    "section_id": appendix.id,
                },
            ]
        )
        plan.signer_name = "Nguyễn Văn Ký"
        plan.signature_lines = "TM. BAN THƯỜNG VỤ\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
        return plan


@tagged("post_install", "-at_install")
class TestPlanTables(PlanTablesCommon, HttpCase):
    """HttpCase: the real PDF is rendered through wkhtmltopdf (it fetches nothing, the document has its styles)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls._table_plan()

    def _document(self):
        return self.env["report.union_campaign.report_campaign_plan"]._get_plan_document(self.plan)

    def _tables(self, lines):
        return [line for line in lines if line["style"] == "table"]

    def test_records_print_as_table_rows(self):
        """One row per record, cells by the heading's role, figures right-aligned."""
        targets, budget, as_written = self._tables(self._document()["lines"])
        self.assertEqual(targets["columns"], TARGET_COLUMNS.split("\n"))
        self.assertEqual(targets["aligns"], ["right", "left", "left", "right"])
        self.assertEqual(
            [row["cells"] for row in targets["rows"]],
            [
                ["1", "Kết nạp đoàn viên mới", "đoàn viên", "1.200"],
                ["2", "CĐCS xếp loại hoàn thành tốt nhiệm vụ", "%", "85%"],
            ],
        )
        self.assertEqual(
            [row["cells"] for row in budget["rows"]],
            [["1", "Kinh phí tổ chức phong trào", "150.000.000", "LĐLĐ tỉnh"], ["2", "Khen thưởng", "55.000.000", ""]],
        )
        self.assertEqual(
            [row["cells"] for row in as_written["rows"]],
            [["1", "Đoàn viên ốm đau", "500.000"], ["2", "Đoàn viên tai nạn", "1.000.000"]],
        )
        # The records stay the data: the budget total and the targets are the plan's.
        self.assertEqual(self.plan.budget_total, 205_000_000)

    def test_value_as_worded_follows_the_value(self):
        target = self.plan.target_ids.filtered(lambda t: t.kind == "quantity" and not t.item_id)
        target.value_text = "≥ 1.200"
        targets = self._tables(self._document()["lines"])[0]
        self.assertEqual(targets["rows"][0]["cells"][3], "≥ 1.200")
        target.value = 1500
        self.assertEqual(target.value_text, "1.500", "a new value is worded again")

    def test_appendix_after_signature(self):
        """The appendix's items print in its table (not under their period), after the signature, on a new page."""
        document = self._document()
        (appendix,) = document["appendices"]
        self.assertEqual(
            appendix["title_lines"], ["PHỤ LỤC", "CÁC HOẠT ĐỘNG TRỌNG TÂM", "(Kèm theo Kế hoạch số 99/KH-TEST)"]
        )
        (table,) = self._tables(appendix["lines"])
        self.assertEqual(
            [row["cells"] for row in table["rows"]],
            [
                ["1", "Hội nghị triển khai", "Tháng 02/2027", "Ban Thường vụ", "Ban Tuyên giáo, Văn phòng"],
                ["2", "Tọa đàm chuyên đề", "By 25/02/2027", "Ban Nữ công", ""],
            ],
        )
        body = " ".join(line["text"] for line in document["lines"])
        self.assertNotIn("Hội nghị triển khai", body, "an item of a table prints in its table only")
        html, _type = self.env["ir.actions.report"]._render_qweb_html(PLAN_REPORT, self.plan.ids)
        text = html_text(html)
        self.assertInOrder(text, ["PHÓ CHỦ TỊCH", "Nguyễn Văn Ký", "PHỤ LỤC", "CÁC HOẠT ĐỘNG TRỌNG TÂM", "Tọa đàm"])
        self.assertIn(b'class="o_union_appendix"', html)

    def test_real_pdf_rows_on_one_line(self):
        """Printed by wkhtmltopdf and read back with its layout: each row's cells on one line, no " | "."""
        pdf = self.render_pdf(PLAN_REPORT, self.plan)
        if not shutil.which("pdftotext"):
            self.fail("pdftotext is not installed (Debian: apt-get install poppler-utils): cannot read the PDF.")
        result = subprocess.run(
            ["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
        )
        lines = [" ".join(line.split()) for line in result.stdout.decode("utf-8").splitlines()]
        for row in (
            "Chỉ tiêu Đơn vị tính Mức phấn đấu",
            "1 Kết nạp đoàn viên mới đoàn viên 1.200",
            "1 Kinh phí tổ chức phong trào 150.000.000 LĐLĐ tỉnh",
            "2 Đoàn viên tai nạn 1.000.000",
            "Tọa đàm chuyên đề By 25/02/2027 Ban Nữ công",
        ):
            self.assertTrue(
                any(row in line for line in lines), f"{row!r} is not one line of the PDF:\n" + "\n".join(lines)
            )
        self.assertFalse([line for line in lines if " | " in line])
        pages = result.stdout.decode("utf-8").split("\f")
        appendix_page = next(n for n, page in enumerate(pages) if "CÁC HOẠT ĐỘNG TRỌNG TÂM" in page)
        signer_page = next(n for n, page in enumerate(pages) if "Nguyễn Văn Ký" in page)
        self.assertGreater(appendix_page, signer_page, "the appendix starts on a page of its own")

    def test_preview_shows_tables(self):
        self.assertIn("<table", str(self.plan.document_preview))
        self.assertIn("CÁC HOẠT ĐỘNG TRỌNG TÂM", str(self.plan.document_preview))

    def test_form_new_table_gets_headings(self):
        """A section made a table in the form starts with the headings Vietnamese plans print."""
        with Form(self.plan.with_user(self.user_officer)) as form, form.section_ids.new() as section:
            section.name = "CHỈ TIÊU THI ĐUA"
            section.kind = "items"
            self.assertEqual(section.layout, "table")
            self.assertEqual(section.table_columns, ITEM_COLUMNS)
        self.assertIn("CHỈ TIÊU THI ĐUA", self.plan.section_ids.mapped("name"))

    def test_bad_tables_refused(self):
        section = self.plan.section_ids.filtered(lambda s: s.kind == "table")
        with self.assertRaises(ValidationError) as caught:
            section.with_user(self.user_officer).table_columns = False
        self.assertIn("give its column headings", str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            section.with_user(self.user_officer).table_columns = "\n".join(f"Cột {n}" for n in range(9))
        self.assertIn("at most 8", str(caught.exception))
        self.assertEqual(len(section._get_table_columns()), 3, "nothing changed")

    def test_rows_follow_the_plan_rights(self):
        """A reporter writes no row; once the plan is approved, an officer changes none (only managers)."""
        row = self.plan.section_ids.row_ids[:1]
        with self.assertRaises(AccessError):
            row.with_user(self.user_reporter_a).cell_2 = "Khác"
        self.plan.with_user(self.user_officer).action_submit()
        self.plan.with_user(self.user_manager).action_approve()
        with self.assertRaises(UserError):
            row.with_user(self.user_officer).cell_2 = "Khác"
        row.with_user(self.user_manager).cell_2 = "Đoàn viên ốm đau dài ngày"
        self.assertEqual(row.cell_2, "Đoàn viên ốm đau dài ngày")
