# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
import shutil
import subprocess
from datetime import date

import lxml.html

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import SEED_FILE, UnionCampaignCommon

PLAN_REPORT = "union_campaign.action_report_campaign_plan"
UNIT_REPORT = "union_campaign.action_report_unit_report"
BLOCK_TAGS = {"p", "div", "td", "th", "tr", "li", "br", "table", "h1", "h2", "h3", "h4"}


def html_text(html):
    """The visible text of a rendered report, blocks separated, whitespace normalised."""
    root = lxml.html.fromstring(html)
    for node in root.xpath("//head|//style|//script"):
        node.drop_tree()
    for node in root.iter():
        if node.tag in BLOCK_TAGS:
            node.tail = "\n" + (node.tail or "")
    return " ".join(root.text_content().split())


def seed_lines():
    """The content lines of the seed plan, markdown bold removed, whitespace normalised."""
    lines = (" ".join(line.replace("**", "").split()) for line in SEED_FILE.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


class ReportTestMixin:
    def assertInOrder(self, text, lines):
        """Each line appears in `text`, after the previous one."""
        position = 0
        for number, line in enumerate(lines, start=1):
            found = text.find(line, position)
            if found < 0:
                elsewhere = text.find(line)
                self.fail(
                    f"Line {number} of the seed is missing{' (found earlier)' if elsewhere >= 0 else ''}:\n"
                    f"  {line}\nText after the previous line:\n  {text[position : position + 300]}"
                )
            position = found + len(line)

    def pdf_text(self, pdf, crop=None, pages=None):
        """The text of a PDF by pdftotext, in content order (-raw: no column guessing, no de-hyphenation).

        `crop`: (top, height) in points of the area to read (A4 is 842 pt high); `pages`: (first, last).
        """
        if not shutil.which("pdftotext"):
            self.fail("pdftotext is not installed (Debian: apt-get install poppler-utils): cannot read the PDF.")
        command = ["pdftotext", "-raw", "-enc", "UTF-8"]
        if crop:
            command += ["-r", "72", "-x", "0", "-y", str(crop[0]), "-W", "595", "-H", str(crop[1])]
        if pages:
            command += ["-f", str(pages[0]), "-l", str(pages[1])]
        command += ["-", "-"]
        result = subprocess.run(command, input=pdf, capture_output=True, check=False)
        self.assertEqual(result.returncode, 0, result.stderr.decode(errors="replace"))
        return " ".join(result.stdout.decode("utf-8").split())

    def render_pdf(self, report_ref, records):
        """Render a real PDF through wkhtmltopdf (tests otherwise get HTML)."""
        state = self.env["ir.actions.report"].get_wkhtmltopdf_state()
        if state not in ("ok", "upgrade"):
            self.fail(f"wkhtmltopdf is not usable (state: {state}): install it to render the official documents.")
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        # wkhtmltopdf warns that it cannot fetch the report assets: the documents carry their own styles.
        with mute_logger("odoo.addons.base.models.ir_actions_report"):
            pdf, report_type = Report._render_qweb_pdf(report_ref, records.ids)
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"), "wkhtmltopdf did not return a PDF")
        return pdf


@tagged("post_install", "-at_install")
class TestPlanDocument(ReportTestMixin, UnionCampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.env.ref("union_campaign.campaign_43")
        cls.helpers = cls.env["union.campaign.report.mixin"].with_context(lang="vi_VN")

    def _plan_text(self, plan=None, user=None):
        Report = self.env["ir.actions.report"].with_user(user) if user else self.env["ir.actions.report"]
        html, _report_type = Report._render_qweb_html(PLAN_REPORT, (plan or self.plan).ids)
        return html_text(html)

    def test_plan_follows_seed(self):
        """The plan printed from the demo data says every line of the real plan 43/KH-LĐLĐ, in order."""
        self.assertEqual(self.env.lang, "en_US")
        text = self._plan_text()
        self.assertInOrder(text, seed_lines())
        self.assertInOrder(
            text,
            [
                "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI",
                "LIÊN ĐOÀN LAO ĐỘNG QUẬN LONG BIÊN",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Số: 43/KH-LĐLĐ",
                "Long Biên, ngày 10 tháng 12 năm 2020",
                "KẾ HOẠCH",
                "Nơi nhận:",
            ],
        )

    def test_plan_prints_in_document_language(self):
        """The plan is printed in the issuing unit's language, else the company's, else Vietnamese."""
        self.env["res.lang"]._activate_lang("en_US")
        self.company.partner_id.lang = False
        self.assertIn("I. MỤC ĐÍCH - YÊU CẦU:", self._plan_text(user=self.user_officer))
        self.plan.issuing_unit_id.partner_id = self.env["res.partner"].create(
            {"name": "LĐLĐ quận Long Biên", "lang": "en_US"}
        )
        text = self._plan_text(user=self.user_officer)
        # The words of the document form are in its language; the plan's own text stays as written.
        self.assertIn("SOCIALIST REPUBLIC OF VIETNAM", text)
        self.assertIn("PLAN", text)
        self.assertNotIn("KẾ HOẠCH", text)
        self.assertIn("I. MỤC ĐÍCH - YÊU CẦU:", text)

    def test_phase_period_wording(self):
        """A phase's period is its own wording, else written from its dates, with the peak window."""
        phase_1, phase_2 = self.plan.phase_ids.sorted("sequence")[:2]
        self.assertFalse(phase_1.period_text)
        self.assertEqual(
            self.helpers._get_phase_period(phase_1),
            "từ tháng 11/2020 đến hết 20/01/2021, cao điểm từ ngày 01/01/2021 đến ngày 20/01/2021",
        )
        self.assertEqual(self.helpers._get_phase_period(phase_2), "từ cuối tháng 01/2021")
        campaign = self._create_campaign()
        phase = campaign.phase_ids.sorted("sequence")[0]
        phase.date_start = date(2027, 2, 15)
        self.assertEqual(self.helpers._get_phase_period(phase), "từ ngày 15/02/2027 đến hết 28/02/2027")

    def test_document_date(self):
        """The date under the motto follows Decree 30/2020: a zero before days under 10 and months 1 and 2."""
        self.assertEqual(
            self.helpers._format_document_date(date(2020, 12, 10), "Long Biên"), "Long Biên, ngày 10 tháng 12 năm 2020"
        )
        self.assertEqual(self.helpers._format_document_date(date(2021, 2, 5)), "ngày 05 tháng 02 năm 2021")
        self.assertEqual(self.helpers._format_document_date(date(2021, 3, 5)), "ngày 05 tháng 3 năm 2021")

    def test_plan_items_and_forms(self):
        """Items left out of the document are not printed; without a worded text the forms are listed."""
        federation_task = self.env.ref("union_campaign.campaign_43_p1_federation_posts")
        self.assertFalse(federation_task.in_document)
        campaign = self._create_campaign(
            form_ids=[Command.set(self.env.ref("union_campaign.form_meeting").ids)],
            responsibility_ids=[Command.create({"name": "Các công đoàn cơ sở:", "description": "- Làm A\n\nLàm B\n"})],
            recipient_ids=[Command.create({"name": "Như trên"}), Command.create({"name": "Lưu VP"})],
        )
        text = self._plan_text(campaign)
        self.assertNotIn(federation_task.name, self._plan_text())
        form_name = self.env.ref("union_campaign.form_meeting").with_context(lang="vi_VN").name
        self.assertInOrder(
            text,
            [
                "III. HÌNH THỨC TUYÊN TRUYỀN.",
                f"- {form_name}",
                "IV. KHẨU HIỆU TUYÊN TRUYỀN.",
                "1. Khẩu hiệu một!",
                "2. Khẩu hiệu hai!",
                "1. Các công đoàn cơ sở:",
                "- Làm A",
                "- Làm B",
                "- Như trên;",
                "- Lưu VP.",
            ],
        )


@tagged("post_install", "-at_install")
class TestPlanPdf(ReportTestMixin, HttpCase, UnionCampaignCommon):
    """wkhtmltopdf fetches the report assets from the server: only an HttpCase serves them during tests."""

    def test_plan_real_pdf(self):
        """wkhtmltopdf renders the plan with its Vietnamese letters intact: pdftotext reads the whole seed back;
        pages are numbered in the top margin from the second page on (Decree 30/2020)."""
        pdf = self.render_pdf(PLAN_REPORT, self.env.ref("union_campaign.campaign_43"))
        body_margin = 45  # points: the page numbers sit above, the text starts 20 mm (57 pt) from the top
        text = self.pdf_text(pdf, crop=(body_margin, 842 - body_margin))
        info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
        page_count = int(re.search(r"^Pages:\s+(\d+)", info, flags=re.MULTILINE).group(1))
        self.assertGreater(page_count, 2)
        numbers = [self.pdf_text(pdf, crop=(0, body_margin), pages=(n, n)) for n in range(1, page_count + 1)]
        self.assertEqual(numbers, ["", *(str(n) for n in range(2, page_count + 1))])
        for expected in (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Long Biên, ngày 10 tháng 12 năm 2020",
            "Nước Cộng hòa xã hội chủ nghĩa Việt Nam muôn năm!",
        ):
            self.assertIn(expected, text)
        self.assertInOrder(text, seed_lines())
        # Official documents are set in Times New Roman (Decree 30/2020): that font, or its metric twin
        # Liberation Serif (Debian fonts-liberation2), not a fallback that moves every line break.
        fonts = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
        self.assertRegex(
            fonts,
            r"(TimesNewRoman|LiberationSerif)",
            "Neither Times New Roman nor Liberation Serif is in the PDF: install fonts-liberation2.\n" + fonts,
        )


@tagged("post_install", "-at_install")
class TestUnitReportDocument(ReportTestMixin, UnionCampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._running_campaign()

    def test_unit_report_document(self):
        """A unit's report prints its header, the plan it answers, its lines and its chair's signature."""
        report = self._report(self.campaign, self.unit_a)
        self._fill(report, self.user_reporter_a, qty_done=2, participant_count=45, post_urls="https://a.vn/tin-1")
        report.with_user(self.user_reporter_a).summary = "<p>Đơn vị đã hoàn thành các nội dung.</p>"
        report.with_user(self.user_reporter_a).action_submit()
        html, _report_type = (
            self.env["ir.actions.report"].with_user(self.user_reporter_a)._render_qweb_html(UNIT_REPORT, report.ids)
        )
        self.assertInOrder(
            html_text(html),
            [
                "LĐLĐ TEST",
                "CÔNG ĐOÀN TRƯỜNG A",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "BÁO CÁO",
                "Kết quả thực hiện Kế hoạch số 99/KH-TEST ngày 05/01/2027 của LĐLĐ Test",
                "Giai đoạn 1 (trong tháng 02/2027)",
                "Kính gửi: LĐLĐ Test",
                "I. KẾT QUẢ THỰC HIỆN",
                "1 Hội nghị quán triệt Có",
                "2 45 1",
                "https://a.vn/tin-1",
                "II. ĐÁNH GIÁ CHUNG",
                "Đơn vị đã hoàn thành các nội dung.",
                "Nơi nhận:",
                "- Như trên;",
                "- Lưu: VT.",
                "TM. BAN CHẤP HÀNH",
                "CHỦ TỊCH",
                "Reporter A",
            ],
        )
        self.assertNotIn("DỰ THẢO", html_text(html))

    def test_reporter_prints_own_unit_only(self):
        """A unit reporter prints their own unit's report, and gets an AccessError for another unit's."""
        Report = self.env["ir.actions.report"].with_user(self.user_reporter_a)
        html, _report_type = Report._render_qweb_html(UNIT_REPORT, self._report(self.campaign, self.unit_a).ids)
        self.assertIn("DỰ THẢO", html_text(html))
        with self.assertRaises(AccessError):
            Report._render_qweb_html(UNIT_REPORT, self._report(self.campaign, self.unit_b).ids)
        officer_html, _report_type = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render_qweb_html(UNIT_REPORT, self._report(self.campaign, self.unit_b).ids)
        )
        self.assertIn("CÔNG ĐOÀN CÔNG TY B", html_text(officer_html))
