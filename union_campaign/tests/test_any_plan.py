# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Any union plan fits: the seed and the three sample plans of tests/data, entered as demo data word for word, print
every line of their text and ask exactly the reports their text asks."""

import json
import logging
import re
from datetime import date
from pathlib import Path

from odoo import Command
from odoo.tests import HttpCase, TransactionCase, tagged

from ..models.union_workflow_mixin import PLAN_DRAFT_STATES as DRAFT_STATES
from .test_reports import PLAN_REPORT, ReportTestMixin, html_text

_logger = logging.getLogger(__name__)

DATA = Path(__file__).parent / "data"
SEED = "ke-hoach-43-KH-LDLD-long-bien-2020"
TET = "tet-sum-vay-2025-gia-lam"
EMULATION = "thi-dua-2027-cd-ngan-hang"
CONGRESS = "dai-hoi-cdcs-may-phu-thinh-2027"
# Each plan's text and the demo record that enters it.
PLANS = {
    SEED: "union_campaign.campaign_43",
    TET: "union_campaign.campaign_58",
    EMULATION: "union_campaign.campaign_07_cdnh",
    CONGRESS: "union_campaign.campaign_12_phu_thinh",
}
SAMPLES = (TET, EMULATION, CONGRESS)
# Lines of the text that the fidelity ratio counts, and the share of them the PDF must print.
MIN_LENGTH = 25
MIN_RATIO = 0.98
# A numbered line of the text: a heading (I. / 1. / a)) or a numbered entry.
NUMBERED = re.compile(r"^(?:[IVX]+\.|\d+\.|[a-zđ]\))\s")
OUTLINES = ("propaganda", "tet_care", "emulation", "congress", "safety_month")


def normalise(text):
    """A line of text with its markdown bold removed and its whitespace normalised."""
    return " ".join(text.replace("**", "").split())


def source_lines(name):
    """The non-empty lines of a plan's text, normalised."""
    lines = (normalise(line) for line in (DATA / f"{name}.txt").read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def expected_facts(name):
    return json.loads((DATA / f"{name}.expected.json").read_text(encoding="utf-8"))


def missing_in_order(text, lines):
    """Return the lines not found in `text` in order (each searched after the last one found)."""
    missing, position = [], 0
    for line in lines:
        found = text.find(line, position)
        if found < 0:
            missing.append(line)
        else:
            position = found + len(line)
    return missing


def assert_faithful(case, lines, text, label):
    """At least MIN_RATIO of `lines` are in `text`, in order: the ratio is logged, the missing lines are listed on
    failure. Return the ratio."""
    missing = missing_in_order(text, lines)
    ratio = (len(lines) - len(missing)) / len(lines)
    _logger.info("Fidelity of %s: %s of %s lines, %.1f %%", label, len(lines) - len(missing), len(lines), 100 * ratio)
    case.assertGreaterEqual(
        ratio, MIN_RATIO, f"{label}: {100 * ratio:.1f} % of the lines printed; missing:\n" + "\n".join(missing)
    )
    return ratio


class AnyPlanMixin:
    """Checks shared by the HTML and the PDF tests."""

    def _approve(self, plan):
        """Submit (if draft) and approve a demo plan as its demo officer and approver."""
        if plan.state == "draft":
            plan.with_user(self.env.ref("union_campaign.user_officer")).action_submit()
        plan.with_user(plan.approver_id).action_approve()

    def assertFaithful(self, name, text, output):
        """At least MIN_RATIO of the text's lines longer than MIN_LENGTH appear in `text`, in order."""
        lines = [line for line in source_lines(name) if len(line) > MIN_LENGTH]
        return assert_faithful(self, lines, text, f"{name} ({output})")

    def assertStructure(self, name, plan, text):
        """The header lines, every numbered line (headings with their numbering), the recipients and the signature
        of the text appear in `text`, in order."""
        lines = source_lines(name)
        header = []
        if name != SEED:
            facts = expected_facts(name)
            header = [facts["upper_body"], facts["issuing_body"]]
        header += [line for line in lines[:8] if line.startswith("Số:") or ", ngày " in line]
        self.assertInOrder(text, [*header, "KẾ HOẠCH", normalise(plan.name)])
        numbered = [line for line in lines if NUMBERED.match(line)]
        self.assertTrue(numbered)
        self.assertInOrder(text, numbered)
        tail = lines[next(i for i, line in enumerate(lines) if line.startswith("Nơi nhận")) :]
        self.assertInOrder(text, ["Nơi nhận", *tail[1:]])


@tagged("post_install", "-at_install")
class TestAnyPlan(AnyPlanMixin, ReportTestMixin, TransactionCase):
    """The sample plans as data: their facts, their printed outline, their reports; templates and empty sections."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.officer = cls.env.ref("union_campaign.user_officer")
        cls.manager = cls.env.ref("union_campaign.user_manager")
        cls.printer = cls.env["report.union_campaign.report_campaign_plan"].with_context(lang="vi_VN")

    def _plan(self, name):
        return self.env.ref(PLANS[name])

    def _html_text(self, plan):
        html, _report_type = self.env["ir.actions.report"]._render_qweb_html(PLAN_REPORT, plan.ids)
        return html_text(html)

    def _unit_deadlines(self, plan):
        """{unit: set of the deadlines of its reports}."""
        deadlines = {}
        for report in plan.report_ids:
            deadlines.setdefault(report.unit_id, set()).add(report.date_deadline)
        return deadlines

    def _asked_of_units(self, name):
        """The deadlines of the reports the text asks of the units (not of the issuing body itself)."""
        return {
            date.fromisoformat(report["deadline"])
            for report in expected_facts(name)["reports"]
            if report["who"].startswith("các ")
        }

    # ------------------------------------------------------------------
    # The facts of each sample
    # ------------------------------------------------------------------
    def test_sample_facts(self):
        """Each sample's number, date, place, title, header, bases, sections, budget, duties, recipients and
        signature are the facts its expected.json lists."""
        for name in SAMPLES:
            with self.subTest(plan=name):
                facts, plan = expected_facts(name), self._plan(name)
                self.assertEqual(plan.reference, facts["reference"])
                self.assertEqual(plan.issue_date, date.fromisoformat(facts["issue_date"]))
                self.assertEqual(plan.issue_place, facts["issue_place"])
                self.assertEqual(plan.name, facts["title"])
                unit = plan.issuing_unit_id
                self.assertEqual(unit._get_doc_upper_body(), facts["upper_body"])
                self.assertEqual(" ".join(unit._get_doc_body_lines()), facts["issuing_body"])
                bases = plan.legal_basis_ids.sorted("sequence")
                self.assertEqual(
                    [(b.verb, b.document_number or None, b.document_date or None, b.issuer) for b in bases],
                    [
                        (b["verb"], b["number"], b["date"] and date.fromisoformat(b["date"]), b["issuer"])
                        for b in facts["legal_bases"]
                    ],
                )
                outline = self.printer._get_outline_lines(plan)
                self.assertEqual(
                    [f"{line['marker']} {line['text']}" for line in outline if line["style"] == "h1"], facts["sections"]
                )
                self.assertEqual(
                    sorted(plan.budget_line_ids.mapped("amount")),
                    sorted(line["amount"] for line in facts.get("budget_lines", [])),
                )
                self.assertEqual(len(plan.responsibility_ids), facts["responsibilities"])
                self.assertEqual(len(plan.slogan_ids), facts["slogans"])
                self.assertEqual(len(plan.recipient_ids), facts["recipients"])
                self.assertEqual(plan.signature_lines.splitlines(), facts["signature"])
                self.assertEqual(plan.signer_name, facts["signer_name"])

    def test_sample_targets(self):
        """Every target of the samples is stored with its kind, value, unit and the units it concerns."""
        for name in (TET, EMULATION):
            with self.subTest(plan=name):
                plan = self._plan(name)
                expected = expected_facts(name)["targets"]
                self.assertEqual(len(plan.target_ids), len(expected))
                for fact in expected:
                    candidates = plan.target_ids.filtered(
                        lambda t, item=fact["item"]: item in t.name or item in (t.item_id.name or "")
                    )
                    if "qty" in fact:
                        target = candidates.filtered(lambda t, f=fact: t.kind == "quantity" and t.value == f["qty"])
                        self.assertEqual(len(target), 1, fact)
                        self.assertEqual(target.uom, fact["uom"])
                        self.assertEqual(target.per, "unit" if fact.get("per") else "total")
                    else:
                        kind = "percent_units" if "công đoàn cơ sở" in fact["of"] else "percent_members"
                        target = candidates.filtered(lambda t, f=fact, k=kind: t.kind == k and t.value == f["percent"])
                        self.assertEqual(len(target), 1, fact)
                        types = {"enterprise"} if "doanh nghiệp" in fact["of"] else set()
                        self.assertEqual(set(target.unit_type_ids.mapped("code")), types)
                    self.assertEqual(
                        target.date_deadline or None, fact.get("deadline") and date.fromisoformat(fact["deadline"])
                    )
        # The emulation's targets are the plan's own, printed by its targets section; the Tết ones its items'.
        self.assertFalse(self._plan(EMULATION).target_ids.item_id)
        self.assertEqual(len(self._plan(TET).target_ids.item_id), 3)

    def test_sample_periods(self):
        """The periods carry the text's dates: three for Tết (one with its peak), one year-long period without
        heading for the emulation, five dated steps printed as one line each for the congress."""
        for name in (TET, EMULATION):
            with self.subTest(plan=name):
                phases = self._plan(name).phase_ids.sorted("sequence")
                expected = expected_facts(name)["periods"]
                self.assertEqual(len(phases), len(expected))
                for phase, fact in zip(phases, expected, strict=True):
                    self.assertEqual(
                        (phase.date_start, phase.date_end, phase.peak_date_start or None, phase.peak_date_end or None),
                        tuple(
                            fact.get(key) and date.fromisoformat(fact[key])
                            for key in ("date_start", "date_end", "peak_start", "peak_end")
                        ),
                    )
                    self.assertEqual(len(phase.item_ids.filtered("in_document")), fact["items"])
        self.assertEqual(self._plan(EMULATION).phase_ids.heading_style, "hidden")
        steps = self._plan(CONGRESS).phase_ids.sorted("sequence")
        facts = expected_facts(CONGRESS)
        self.assertEqual(
            [(s.date_start or None, s.date_end) for s in steps],
            [
                (f["date_start"] and date.fromisoformat(f["date_start"]), date.fromisoformat(f["date_end"]))
                for f in facts["steps"]
            ],
        )
        # The step's line says it all: its item is recorded, not printed again.
        self.assertFalse(steps.item_ids.filtered("in_document"))
        self.assertEqual(len(steps.item_ids), len(steps))
        units = self._plan(CONGRESS).unit_ids
        self.assertEqual(set(units.mapped("unit_type_id.code")), {"group"})
        self.assertEqual(len(units), len(facts["units"]))
        for unit_name in facts["units"]:
            self.assertTrue(units.filtered(lambda u, n=unit_name: n in u.name), unit_name)

    # ------------------------------------------------------------------
    # The demo's states
    # ------------------------------------------------------------------
    def test_sample_states(self):
        """On 26/11/2026 the Tết plan is closed with its 2024-25 reports decided or not submitted, the emulation
        plan waits for approval and the congress plan is a draft."""
        tet = self._plan(TET)
        self.assertEqual(tet.state, "done")
        self.assertEqual(set(tet.report_ids.mapped("state")), {"approved", "not_submitted"})
        submitted = tet.report_ids.filtered("date_submitted")
        self.assertTrue(submitted.filtered(lambda r: r.state == "not_submitted"), "one was sent back, never revised")
        self.assertTrue(all(r.date_submitted.year in (2024, 2025) for r in submitted))
        self.assertTrue(all(r.date_approved.year in (2024, 2025) for r in tet.report_ids if r.state == "approved"))
        self.assertTrue(all(review.date.year in (2024, 2025) for review in tet.report_ids.review_ids))
        self.assertIn("returned", tet.report_ids.review_ids.mapped("decision"))
        self.assertTrue(tet.report_ids.filtered(lambda r: r.submitted_days_late > 0), "some came in late")
        self.assertTrue(tet.report_ids.filtered(lambda r: r.period_key == "dated" and r.attachment_ids))
        self.assertEqual(self._plan(EMULATION).state, "to_approve")
        self.assertEqual(self._plan(CONGRESS).state, "draft")
        for name in SAMPLES:
            for unit in self._plan(name).unit_ids:
                self.assertTrue(unit._get_reporting_user(), unit.name)

    # ------------------------------------------------------------------
    # The reports each text asks
    # ------------------------------------------------------------------
    def test_tet_reports(self):
        """Launched, the Tết plan asked each unit exactly the list due 13/12/2024 (on the listing item) and the
        final report due 20/02/2025."""
        plan = self._plan(TET)
        deadlines = self._unit_deadlines(plan)
        self.assertEqual(set(deadlines), set(plan.unit_ids))
        for unit, unit_deadlines in deadlines.items():
            self.assertEqual(unit_deadlines, self._asked_of_units(TET), unit.name)
        self.assertEqual(len(plan.report_ids), 2 * len(plan.unit_ids))
        lists = plan.report_ids.filtered(lambda r: r.date_deadline == date(2024, 12, 13))
        self.assertEqual(lists.line_ids.item_id, self.env.ref("union_campaign.campaign_58_p1_a1"))
        self.assertEqual(plan.report_schedule_ids.mapped("report_count"), [len(plan.unit_ids)] * 2)

    def test_emulation_reports(self):
        """Approved and launched, the emulation plan asks each grassroots union four reports: quarter I, the
        six-month review, quarter III and the year's review (they stand for quarters II and IV)."""
        plan = self._plan(EMULATION)
        self._approve(plan)
        plan.with_user(self.officer).action_launch()
        deadlines = self._unit_deadlines(plan)
        self.assertEqual(set(deadlines), set(plan.unit_ids))
        for unit, unit_deadlines in deadlines.items():
            self.assertEqual(unit_deadlines, self._asked_of_units(EMULATION), unit.name)
        self.assertEqual(len(plan.report_ids), 4 * len(plan.unit_ids))
        labels = set(plan.report_ids.mapped("period_label"))
        self.assertEqual(len(labels), 4)
        self.assertLessEqual({"Báo cáo sơ kết 6 tháng", "Báo cáo tổng kết năm"}, labels)
        # Every report measures the three content items.
        self.assertTrue(all(len(report.line_ids) == 3 for report in plan.report_ids))

    def test_congress_reports(self):
        """Approved and launched, the congress plan asks each union group one report due 25/4/2027; the dossier
        due 05/5/2027 is the executive committee's own task, not a unit report."""
        plan = self._plan(CONGRESS)
        self._approve(plan)
        plan.with_user(self.officer).action_launch()
        deadlines = self._unit_deadlines(plan)
        self.assertEqual(set(deadlines), set(plan.unit_ids))
        for unit, unit_deadlines in deadlines.items():
            self.assertEqual(unit_deadlines, self._asked_of_units(CONGRESS), unit.name)
        self.assertEqual(len(plan.report_ids), 5)
        own = [r for r in expected_facts(CONGRESS)["reports"] if not r["who"].startswith("các ")]
        self.assertEqual(len(own), 1)
        task = plan.item_ids.filtered(lambda a: a.date_deadline == date.fromisoformat(own[0]["deadline"]))
        self.assertEqual(task.scope, "federation")
        self.assertFalse(task.unit_ids)
        self.assertEqual(task.activity_ids.activity_type_id, self.env.ref("union_campaign.mail_act_federation_task"))

    # ------------------------------------------------------------------
    # The printed outline
    # ------------------------------------------------------------------
    def test_plans_html_faithful(self):
        """The HTML of each plan, approved, says its text's lines in order, with its header, numbered lines and
        signature."""
        for name, xmlid in PLANS.items():
            with self.subTest(plan=name):
                plan = self.env.ref(xmlid)
                if plan.state in DRAFT_STATES:
                    self._approve(plan)
                text = self._html_text(plan)
                self.assertFaithful(name, text, "HTML")
                self.assertStructure(name, plan, text)

    def test_empty_sections_not_printed(self):
        """A section of plan records that has none (slogans, budget, targets, reports) is not printed and the
        numbering closes up: I text, II slogans (none), III duties print as I. and II."""
        plan = self.env["union.campaign"].create(
            {
                "name": "Kế hoạch thử",
                "issuing_unit_id": self.env.ref("union_campaign.unit_ldld_gia_lam").id,
                "issue_date": date(2027, 1, 5),
                "section_ids": [
                    Command.create({"sequence": 1, "name": "MỤC ĐÍCH, YÊU CẦU", "body": "- Một."}),
                    Command.create({"sequence": 2, "name": "KHẨU HIỆU", "kind": "slogans", "item_numbering": "arabic"}),
                    Command.create({"sequence": 3, "name": "CHỈ TIÊU", "kind": "targets", "level": 2}),
                    Command.create(
                        {"sequence": 4, "name": "TỔ CHỨC THỰC HIỆN", "kind": "duties", "item_numbering": "arabic"}
                    ),
                    Command.create({"sequence": 5, "name": "Ban Thường vụ", "level": 2, "numbering": "arabic"}),
                    Command.create({"sequence": 6, "name": "KINH PHÍ", "kind": "budget"}),
                    Command.create({"sequence": 7, "name": "CHẾ ĐỘ BÁO CÁO", "kind": "reports"}),
                ],
                # Asked, but not worded in the imported document: the reporting section has nothing to print.
                "import_filename": "ke-hoach.docx",
                "report_schedule_ids": [Command.create({"kind": "final", "date_deadline": date(2027, 3, 1)})],
                "responsibility_ids": [Command.create({"name": "Các công đoàn cơ sở", "description": "Thực hiện."})],
            }
        )
        lines = self.printer._get_outline_lines(plan)
        self.assertEqual(
            [(line["marker"], line["text"]) for line in lines if line["style"] in ("h1", "h2")],
            [("I.", "MỤC ĐÍCH, YÊU CẦU"), ("II.", "TỔ CHỨC THỰC HIỆN"), ("1.", "Ban Thường vụ")],
        )
        text = self._html_text(plan)
        self.assertInOrder(text, ["I. MỤC ĐÍCH, YÊU CẦU", "- Một.", "II. TỔ CHỨC THỰC HIỆN", "1. Các công đoàn cơ sở"])
        for absent in ("III.", "KHẨU HIỆU", "CHỈ TIÊU", "KINH PHÍ", "CHẾ ĐỘ BÁO CÁO"):
            self.assertNotIn(absent, text)
        # A slogan fills the section again: it is numbered II and the duties III.
        plan.slogan_ids = [Command.create({"name": "Khẩu hiệu!"})]
        self.assertInOrder(self._html_text(plan), ["I. MỤC ĐÍCH", "II. KHẨU HIỆU", "1. Khẩu hiệu!", "III. TỔ CHỨC"])

    def test_templates_create_plans(self):
        """Each of the five plan templates makes a draft plan in one call, with its sections headed in Vietnamese."""
        for code in OUTLINES:
            with self.subTest(template=code):
                outline = self.env.ref(f"union_campaign.outline_{code}")
                action = outline.with_user(self.officer).action_create_plan()
                plan = self.env["union.campaign"].browse(action["res_id"])
                self.assertEqual((plan.state, plan.outline_id), ("draft", outline))
                headings = plan.section_ids.sorted("sequence").mapped("name")
                self.assertEqual(
                    headings, outline.with_context(lang="vi_VN").line_ids.sorted("sequence").mapped("name")
                )
                self.assertNotEqual(
                    headings, outline.with_context(lang="en_US").line_ids.sorted("sequence").mapped("name")
                )
                self.assertEqual(headings[0], "MỤC ĐÍCH, YÊU CẦU")
                self.assertEqual(plan.report_schedule_ids.kind, outline.schedule_kind)
                self.assertEqual(plan.signature_lines, outline.signature_lines)


@tagged("post_install", "-at_install")
class TestAnyPlanPdf(AnyPlanMixin, ReportTestMixin, HttpCase):
    """The real PDF (wkhtmltopdf, read back by pdftotext) of the seed and of each sample prints its text."""

    # Points: the page numbers sit in the top margin from page 2 on; the body starts below.
    BODY_TOP = 45

    def _pdf_text(self, plan):
        return self.pdf_text(self.render_pdf(PLAN_REPORT, plan), crop=(self.BODY_TOP, 842 - self.BODY_TOP))

    def _check_plan(self, name):
        plan = self.env.ref(PLANS[name])
        if plan.state in DRAFT_STATES:
            self._approve(plan)
        text = self._pdf_text(plan)
        self.assertFaithful(name, text, "PDF")
        self.assertStructure(name, plan, text)
        self.assertNotIn("DỰ THẢO", text)

    def test_seed_pdf(self):
        """The seed plan 43/KH-LĐLĐ's PDF prints at least 98 % of its lines, in order, with its headings."""
        self._check_plan(SEED)

    def test_tet_pdf(self):
        """The Tết plan's PDF prints at least 98 % of its lines, its header, headings and KT. signature."""
        self._check_plan(TET)

    def test_emulation_pdf(self):
        """The emulation plan's PDF, once approved, prints at least 98 % of its lines, its header and headings."""
        self._check_plan(EMULATION)

    def test_congress_pdf(self):
        """The congress plan's PDF, once approved, prints at least 98 % of its lines, its header and headings."""
        self._check_plan(CONGRESS)

    def test_draft_pdf(self):
        """A plan not yet approved (to approve, or draft) prints "DỰ THẢO" and its symbol without a number."""
        for name in (EMULATION, CONGRESS):
            with self.subTest(plan=name):
                plan = self.env.ref(PLANS[name])
                self.assertIn(plan.state, DRAFT_STATES)
                text = self._pdf_text(plan)
                self.assertTrue(text.startswith("DỰ THẢO"), text[:100])
                symbol = plan.reference.partition("/")[2]
                self.assertIn(f"Số: /{symbol}", text)
                self.assertNotIn(plan.reference, text)
