# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import json
from datetime import datetime
from urllib.parse import quote

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import UnionCampaignCommon
from .test_reports import ReportTestMixin, html_text

RESULTS_REPORT = "union_campaign.action_report_campaign_results"
PHASE_RESULTS_REPORT = "union_campaign.action_report_phase_results"
RESULTS_XLSX = "union_campaign.action_report_campaign_results_xlsx"
MATRIX_XLSX = "union_campaign.action_report_compliance_matrix_xlsx"
# Opens the matrix, filters the schools, clicks Export XLSX and checks the download the web client makes.
EXPORT_BUTTON_JS = """
    const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    async function until(check, what) {
        for (let i = 0; i < 150; i++) {
            const result = check();
            if (result) {
                return result;
            }
            await sleep(100);
        }
        throw new Error(`Timed out waiting for ${what}`);
    }
    (async () => {
        const root = await until(() => window.odoo.__WOWL_DEBUG__?.root, "the web client");
        await root.env.services.action.doAction({
            type: "ir.actions.client",
            tag: "union_campaign.compliance_matrix",
            params: { campaign_id: __CAMPAIGN_ID__ },
        });
        const select = await until(() => document.querySelector(".o_union_matrix_filter"), "the filter");
        select.value = "__SCHOOL__";
        select.dispatchEvent(new Event("change"));
        await until(() => {
            const types = [...document.querySelectorAll("tr[data-unit-type]")].map((r) => r.dataset.unitType);
            return types.length && types.every((type) => type === "__SCHOOL__");
        }, "the school rows");
        const sent = [];
        const send = XMLHttpRequest.prototype.send;
        XMLHttpRequest.prototype.send = function (body) {
            if (body instanceof FormData && body.get("data")) {
                sent.push(body.get("data"));
                this.addEventListener("load", () => sent.push(this.status));
            }
            return send.call(this, body);
        };
        document.querySelector(".o_union_matrix_export").click();
        await until(() => sent.length === 2, "the download");
        await until(() => !root.env.services.ui.isBlocked, "the end of the download");
        const [url, reportType] = JSON.parse(sent[0]);
        const query = decodeURIComponent(url);
        if (reportType !== "xlsx" || !url.startsWith("/report/xlsx/union_campaign.compliance_matrix_xlsx")
            || !query.includes('"unit_type_id":__SCHOOL__') || !query.includes('"active_ids":[__CAMPAIGN_ID__]')) {
            throw new Error(`Unexpected download: ${sent[0]}`);
        }
        if (sent[1] !== 200 || document.querySelector(".o_error_dialog")) {
            throw new Error(`The download failed (status ${sent[1]})`);
        }
        console.log("test successful");
    })();
"""
# The day the results are printed: after both report deadlines (5 March and 5 May 2027).
PRINT_MOMENT = "2027-05-20 03:00:00"


class ResultsFixture(UnionCampaignCommon):
    """Units A (school), B (enterprise), C (agency); two phases with known on-time, late and missing reports.

    Phase 1 (deadline 05/03/2027): A on time, B 3 days late, C draft (filled, never submitted).
    Phase 2 (deadline 05/05/2027): B on time at 23:30 Hanoi time and approved, A late then sent back,
    C's report cancelled.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._running_campaign()

    def setUp(self):
        super().setUp()
        self.officer_reports = self.env["ir.actions.report"].with_user(self.user_officer)
        a1, b1, c1 = (self._report(self.campaign, unit, 1) for unit in self.units)
        a2, b2, c2 = (self._report(self.campaign, unit, 2) for unit in self.units)
        self._fill(a1, self.user_reporter_a)
        self._fill(
            b1, self.user_reporter_b, qty_done=2, participant_count=50, post_urls="https://b.vn/1\nhttps://b.vn/2"
        )
        self._fill(c1, self.user_officer, qty_done=7, participant_count=70)
        self._fill(a2, self.user_reporter_a, qty_done=4)
        self._fill(b2, self.user_reporter_b, qty_done=3)
        with self._frozen("2027-03-04 03:00:00"):  # 10:00 in Hanoi, the day before the deadline
            a1.with_user(self.user_reporter_a).action_submit()
        with self._frozen("2027-03-08 02:00:00"):  # 09:00 in Hanoi, three days late
            b1.with_user(self.user_reporter_b).action_submit()
        with self._frozen("2027-05-05 16:30:00"):  # 23:30 in Hanoi on the deadline: on time
            b2.with_user(self.user_reporter_b).action_submit()
            b2.with_user(self.user_officer).action_approve()
        with self._frozen("2027-05-06 01:00:00"):  # 08:00 in Hanoi, one day late, then sent back
            a2.with_user(self.user_reporter_a).action_submit()
            a2.with_user(self.user_officer).action_return(reason="Thiếu ảnh băng rôn")
        c2.with_user(self.user_officer).action_cancel()
        self.reports = {"a1": a1, "b1": b1, "c1": c1, "a2": a2, "b2": b2, "c2": c2}
        self.phase_1, self.phase_2 = self.campaign.phase_ids.sorted("sequence")


@tagged("post_install", "-at_install")
class TestResultsReport(ReportTestMixin, ResultsFixture):
    def _results(self):
        Results = self.env["report.union_campaign.report_campaign_results"].with_user(self.user_officer)
        with self._frozen(PRINT_MOMENT):
            self.env.invalidate_all()  # days late are counted on the day of printing
            rounds = Results.with_context(lang="vi_VN")._get_round_results(self.campaign, self.campaign.report_ids)
        # One occurrence per phase here (one report per period): index the results by phase.
        phases = self.campaign.phase_ids.sorted("sequence")
        return {phase.id: results for phase, results in zip(phases, rounds, strict=True)}

    def test_counts_match_fixture(self):
        """On time, late and not reported are counted per phase and unit type; cancelled reports are left out."""
        results = self._results()
        phase_1, phase_2 = results[self.phase_1.id], results[self.phase_2.id]
        self.assertEqual(
            {k: phase_1["total"][k] for k in ("expected", "on_time", "late", "missing", "reported")},
            {"expected": 3, "on_time": 1, "late": 1, "missing": 1, "reported": 2},
        )
        self.assertEqual(
            [(t["key"], t["on_time"], t["late"], t["missing"]) for t in phase_1["types"]],
            [
                (self.env.ref(f"union_campaign.unit_type_{code}").id, *counts)
                for code, counts in (("agency", (0, 0, 1)), ("enterprise", (0, 1, 0)), ("school", (1, 0, 0)))
            ],
        )
        self.assertEqual(
            {k: phase_2["total"][k] for k in ("expected", "on_time", "late", "missing")},
            {"expected": 2, "on_time": 1, "late": 0, "missing": 1},
        )
        self.assertEqual([row["unit"] for row in phase_2["late_or_missing"]], [self.unit_a])
        self.assertEqual(phase_2["late_or_missing"][0]["detail"], "Bị trả lại, chưa gửi lại")
        rows = {row["unit"]: row for row in phase_1["rows"]}
        self.assertEqual(rows[self.unit_b]["days_late"], 3)
        self.assertEqual(rows[self.unit_c]["days_late"], 76)
        self.assertEqual(rows[self.unit_b]["submitted"], datetime(2027, 3, 8, 9, 0))

    def test_item_totals_count_reported_only(self):
        """Quantities, participants and online posts add up the submitted or approved reports only."""
        items = self._results()[self.phase_1.id]["items"]
        item = next(i for i in items if i["activity"].name == "Hội nghị quán triệt")
        self.assertEqual(
            (item["assigned"], item["done"], item["qty"], item["participants"], item["links"]), (3, 2, 3, 80, 2)
        )
        reported = self.reports["a1"].line_ids | self.reports["b1"].line_ids
        self.assertEqual(item["qty"], sum(reported.mapped("qty_done")))
        self.assertEqual(item["participants"], sum(reported.mapped("participant_count")))

    def test_results_pdf(self):
        """The results document states its definitions, counts, totals and lists the late or missing units."""
        with self._frozen(PRINT_MOMENT):
            self.env.invalidate_all()
            html, _report_type = self.officer_reports._render_qweb_html(RESULTS_REPORT, self.campaign.ids)
        self.assertInOrder(
            html_text(html),
            [
                "BÁO CÁO",
                "Kết quả thực hiện Kế hoạch số 99/KH-TEST ngày 05/01/2027",
                "Số liệu tính đến ngày 20/5/2027.",
                "Đơn vị được tính là đã báo cáo khi báo cáo của đơn vị đã được gửi hoặc đã được duyệt.",
                "1. Giai đoạn 1",
                "Khối cơ quan, đơn vị 1 0 0 1 0%",
                "Khối doanh nghiệp 1 0 1 0 100%",
                "Khối trường học 1 1 0 0 100%",
                "Tổng cộng 3 1 1 1 67%",
                "1 Hội nghị quán triệt 1 ",
                " 2/3 3 80 2",
                "c) Các đơn vị báo cáo trễ hạn hoặc chưa báo cáo",
                "Công đoàn Phường C Chưa gửi 76",
                "Công đoàn Công ty B Trễ hạn 08/03/2027 09:00 3",
                "2. Giai đoạn 2",
                "Tổng cộng 2 1 0 1 50%",
                "Công đoàn Trường A Bị trả lại, chưa gửi lại",
            ],
        )

    def test_phase_results_pdf(self):
        """The results of one phase print from the phase, without the other phases."""
        with self._frozen(PRINT_MOMENT):
            self.env.invalidate_all()
            html, _report_type = self.officer_reports._render_qweb_html(PHASE_RESULTS_REPORT, self.phase_2.ids)
        text = html_text(html)
        self.assertIn("Giai đoạn: Giai đoạn 2", text)
        self.assertNotIn("Giai đoạn 1", text)

    def test_reporter_cannot_print_results(self):
        """Consolidated results count every unit's report: a unit reporter cannot print them."""
        Report = self.env["ir.actions.report"].with_user(self.user_reporter_a)
        with self.assertRaises(AccessError):
            Report._render_qweb_html(RESULTS_REPORT, self.campaign.ids)
        with self.assertRaises(AccessError):
            Report._render_xlsx(RESULTS_XLSX, self.campaign.ids, data={})

    def test_results_xlsx(self):
        """The XLSX gives the counts and, per phase, each unit's state, dates, reviewer and figures."""
        self.unit_c.name = '=HYPERLINK("https://x.vn", "C")'
        with self._frozen(PRINT_MOMENT):
            self.env.invalidate_all()
            content, report_type = self.officer_reports._render_xlsx(RESULTS_XLSX, self.campaign.ids, data={})
        self.assertEqual(report_type, "xlsx")
        book = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(book.sheetnames, ["Tổng hợp", "Giai đoạn 1", "Giai đoạn 2"])

        summary = book["Tổng hợp"]
        self.assertEqual(
            [cell.value for cell in summary[5]],
            [
                "Giai đoạn",
                "Hạn báo cáo",
                "Khối đơn vị",
                "Số đơn vị",
                "Đúng hạn",
                "Trễ hạn",
                "Chưa báo cáo",
                "Đã báo cáo",
                "Tỷ lệ báo cáo",
            ],
        )
        self.assertEqual(summary.freeze_panes, "A6")
        self.assertEqual(summary.auto_filter.ref, "A5:I12")
        rows = [[cell.value for cell in row] for row in summary.iter_rows(min_row=6, max_row=12)]
        self.assertEqual(
            [row[2:8] for row in rows[:4]],
            [
                ["Khối cơ quan, đơn vị", 1, 0, 0, 1, 0],
                ["Khối doanh nghiệp", 1, 0, 1, 0, 1],
                ["Khối trường học", 1, 1, 0, 0, 1],
                ["Tổng cộng", 3, 1, 1, 1, 2],
            ],
        )
        self.assertEqual(rows[0][1], datetime(2027, 3, 5))
        self.assertEqual(summary["I9"].number_format, "0%")
        self.assertAlmostEqual(rows[3][8], 2 / 3)
        self.assertEqual([row[2] for row in rows[4:]], ["Khối doanh nghiệp", "Khối trường học", "Tổng cộng"])
        self.assertEqual(rows[6][3:8], [2, 1, 0, 1, 1])

        sheet = book["Giai đoạn 1"]
        self.assertEqual(sheet.freeze_panes, "B5")
        self.assertEqual(sheet.auto_filter.ref, "A4:K7")
        self.assertEqual(sheet["H3"].value, "Hội nghị quán triệt")
        self.assertEqual(
            [cell.value for cell in sheet[4]],
            [
                "Đơn vị",
                "Khối đơn vị",
                "Kết quả",
                "Trạng thái báo cáo",
                "Ngày gửi",
                "Số ngày trễ",
                "Người duyệt",
                "Đã thực hiện",
                "Số lượng",
                "Số người tham gia",
                "Tin, bài trực tuyến",
            ],
        )
        by_unit = {row[0].value: row for row in sheet.iter_rows(min_row=5, max_row=7)}
        self.assertEqual(list(by_unit), [self.unit_c.name, self.unit_b.name, self.unit_a.name])
        # User text is written as text, never as a formula.
        self.assertEqual(by_unit[self.unit_c.name][0].data_type, "s")
        for unit, key, submitted in (
            (self.unit_a, "a1", datetime(2027, 3, 4, 10, 0)),
            (self.unit_b, "b1", datetime(2027, 3, 8, 9, 0)),
        ):
            report = self.reports[key]
            line = report.line_ids.filtered(lambda ln: ln.item_id.name == "Hội nghị quán triệt")
            values = [cell.value for cell in by_unit[unit.name]]
            self.assertEqual(values[4], submitted)
            self.assertEqual(values[5], report.submitted_days_late)
            self.assertEqual(values[6], self.campaign.user_id.name)
            self.assertEqual(values[7:], [1, line.qty_done, line.participant_count, line.link_count])
        self.assertEqual(by_unit[self.unit_b.name][2].value, "Trễ hạn")
        self.assertEqual(by_unit[self.unit_b.name][4].number_format, "dd/mm/yyyy hh:mm")
        c_values = [cell.value for cell in by_unit[self.unit_c.name]]
        self.assertEqual(c_values[2], "Chưa báo cáo")
        self.assertEqual(c_values[5], 76)
        self.assertEqual(c_values[7:], [None, None, None, None])
        self.assertEqual([cell.value for cell in sheet[8]][7:], [2, 3, 80, 2])

        phase_2 = book["Giai đoạn 2"]
        by_unit = {row[0].value: row for row in phase_2.iter_rows(min_row=5, max_row=6)}
        self.assertEqual(set(by_unit), {self.unit_a.name, self.unit_b.name})
        self.assertEqual(by_unit[self.unit_b.name][6].value, self.user_officer.name)
        self.assertEqual(by_unit[self.unit_a.name][2].value, "Chưa báo cáo")

    def test_results_xlsx_several_plans(self):
        """Several plans export to one file, their sheets named after each plan's number."""
        other = self._running_campaign(reference="98/KH-TEST", name="Kế hoạch thử 2")
        content, _report_type = self.officer_reports._render_xlsx(RESULTS_XLSX, (self.campaign | other).ids, data={})
        self.assertEqual(
            openpyxl.load_workbook(io.BytesIO(content)).sheetnames,
            [
                "99-KH-TEST Tổng hợp",
                "99-KH-TEST Giai đoạn 1",
                "99-KH-TEST Giai đoạn 2",
                "98-KH-TEST Tổng hợp",
                "98-KH-TEST Giai đoạn 1",
                "98-KH-TEST Giai đoạn 2",
            ],
        )


@tagged("post_install", "-at_install")
class TestComplianceMatrixXlsx(ResultsFixture):
    def test_matrix_xlsx_follows_filter(self):
        """The matrix export has the rows of the unit type shown and the cells of get_compliance_matrix."""
        with self._frozen(PRINT_MOMENT):
            self.env.invalidate_all()
            matrix = (
                self.campaign.with_user(self.user_officer)
                .with_context(lang="vi_VN")
                .get_compliance_matrix(unit_type_id=self.env.ref("union_campaign.unit_type_enterprise").id)
            )
            content, _report_type = self.officer_reports._render_xlsx(
                MATRIX_XLSX,
                None,
                data={
                    "unit_type_id": self.env.ref("union_campaign.unit_type_enterprise").id,
                    "context": {"active_ids": self.campaign.ids},
                },
            )
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        self.assertEqual(sheet.title, "Bảng theo dõi báo cáo")
        self.assertEqual(sheet.freeze_panes, "B5")
        self.assertEqual(sheet.auto_filter.ref, "A4:F5")
        [row] = matrix["rows"]
        self.assertEqual(
            [cell.value for cell in sheet[5]],
            [row["unit"], row["unit_type_label"]]
            + [value for cell in row["cells"] for value in (cell["label"], cell["days_late"])],
        )
        self.assertEqual(sheet["F5"].value, 0)
        self.assertEqual(sheet["D5"].value, 3)


@tagged("post_install", "-at_install")
class TestComplianceMatrixDownload(HttpCase, ResultsFixture):
    def test_download_like_the_export_button(self):
        """The matrix's Export XLSX button downloads the spreadsheet for the chosen unit type."""
        self.authenticate(self.user_officer.login, self.user_officer.login)
        # The URL report_xlsx's action handler builds from the button's action (data + context).
        options = quote(json.dumps({"unit_type_id": self.env.ref("union_campaign.unit_type_school").id}))
        action_context = quote(json.dumps({"active_model": "union.campaign", "active_ids": self.campaign.ids}))
        url = f"/report/xlsx/union_campaign.compliance_matrix_xlsx?options={options}&context={action_context}"
        response = self.url_open(
            "/report/download?"
            + "&".join(
                f"{key}={quote(value)}"
                for key, value in (("data", json.dumps([url, "xlsx"])), ("context", json.dumps({"lang": "en_US"})))
            )
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        self.assertEqual([row[0].value for row in sheet.iter_rows(min_row=5, max_row=5)], [self.unit_a.name])
        self.assertIsNone(sheet["A6"].value)


@tagged("post_install", "-at_install")
class TestComplianceMatrixExportButton(HttpCase):
    def test_export_button(self):
        """The Export XLSX button of the matrix downloads the matrix for the unit type chosen on screen."""
        campaign = self.env.ref("union_campaign.campaign_43")
        school = self.env.ref("union_campaign.unit_type_school").id
        code = EXPORT_BUTTON_JS.replace("__CAMPAIGN_ID__", str(campaign.id)).replace("__SCHOOL__", str(school))
        self.browser_js("/odoo", code, login="admin", timeout=120)
