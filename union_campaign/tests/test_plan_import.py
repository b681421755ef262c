# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Import a plan document into a draft plan: the seed, the three samples and the other layouts of data/plans (two of
them with tables of two columns and tables with empty cells), each as .txt, .docx and .pdf, give a draft whose
records hold the document's facts (its .expected.json) and whose printed plan carries at least 98 % of the
document's lines, in order; bad files create nothing and say why.

Facts are read back from the created records, in the vocabulary of the .expected.json files, and compared as the
parser's tests compare them (tests/test_plan_parser.py): dates, numbers, counts, header and signature lines
exactly; free-text values by a normalised containment (one of the expected text's " / " alternatives is contained
in what the records say). What the records cannot say is left out of the comparison, and said here:

* the seed names no issuing body: the draft is issued by the officer's default unit (its header is compared for
  the other plans, from the issuing unit);
* a reporting schedule has no "who": the units report; the reports the issuing body sends itself are no unit
  reports (they stay in the text of their item), so "reports" compares the reports asked of the units;
* tables and appendices are compared from the sections that print them (columns, roles, rows, kind);
* the totals a budget states ("budget_totals") are no records: the import's account checks them against
  their lines; a table's total row prints the sum of its lines;
* the items of a content written outside the plan's periods ("II. NỘI DUNG" beside "Đợt 1", "Đợt 2" that list
  none) belong to one period without a heading, the plan's span: that period is no period of the document, its
  items are compared as the facts name them: "groups" (a lettered group is an item, its items its sub-items,
  theirs below them, bullets as written) and "dated_items" (a paragraph starting with its time carries it, as a
  table's row does).
"""

import base64
import re
from datetime import date

from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, TransactionCase, tagged

from ..tools import plan_parser as pp
from ..tools.plan_parser import column_roles
from ..tools.plan_parser.text import sentence_case, strip_end
from . import import_fixtures as fx
from .test_any_plan import assert_faithful
from .test_reports import PLAN_REPORT, ReportTestMixin, html_text

# The languages a code of the parser is worded in.
LANGS = ("en_US", "vi_VN")
# Demo plans that are the documents imported here: renumbered, so that each import is of a new plan.
DEMO_PLANS = ("campaign_43", "campaign_58", "campaign_07_cdnh", "campaign_12_phu_thinh")


def _iso(day):
    return day.isoformat() if day else None


def _number(value):
    return int(value) if float(value).is_integer() else value


def _heading_fact(marker, text):
    """ "I. MỤC ĐÍCH, YÊU CẦU" from a printed heading (its number may be part of its text: "I - Mục đích")."""
    printed = f"{marker} {text}".strip()
    m = re.match(r"^([IVXL]+|\d+)\s*[.\-–):]\s*(.*)$", printed)
    return f"{m[1]}. {strip_end(m[2])}" if m else strip_end(printed)


def _occurrence_what(schedule, occurrence):
    """What a report is, as the facts name it: a recurring one by its subject and its quarter or month."""
    if schedule.kind != "recurring":
        return schedule.name
    head = "kết quả" if schedule.name.lower().startswith("kết quả") else schedule.name
    rest = occurrence.key.partition("-")[2]
    label = f"quý {('I', 'II', 'III', 'IV')[int(rest[1:]) - 1]}" if rest.startswith("Q") else f"tháng {int(rest)}"
    return f"{head} {label}"


def plan_facts(plan):
    """The facts of a plan read back from its records (and its printed outline), in the .expected.json words."""
    unit = plan.issuing_unit_id
    printer = plan.env["report.union_campaign.report_campaign_plan"]
    unrecognised = plan.section_ids.filtered(lambda s: s.kind == "unrecognised").mapped("name")
    headings = [
        _heading_fact(line["marker"], line["text"])
        for line in printer._get_outline_lines(plan)
        if line["style"] == "h1" and line["text"] not in unrecognised
    ]
    bases, verb = [], None
    for basis in plan.legal_basis_ids.sorted(lambda b: (b.sequence, b.id)):
        verb = {"Căn cứ vào": "Căn cứ", "Thực hiện theo": "Thực hiện"}.get(basis.verb, basis.verb) or verb
        bases.append(
            {
                "verb": verb,
                "number": basis.document_number or None,
                "date": _iso(basis.document_date),
                "issuer": basis.issuer or None,
            }
        )
    signature = [line.strip() for line in (plan.signature_lines or "").splitlines() if line.strip()]
    by_default = next(
        (sentence_case(strip_end(line.split(".", 1)[1])) for line in signature if re.match(r"^T\.?M\.", line)),
        unit.name,
    )
    periods, steps = [], []
    phases = plan.phase_ids.sorted(lambda p: (p.sequence, p.id))
    if phases.filtered("heading"):
        # Beside the document's periods, a period without a heading is the span of the plan's content.
        phases = phases.filtered("heading")
    for phase in phases:
        # The items a table lists (an appendix of activities) are the table's facts, not the period's.
        top = phase.item_ids.filtered(lambda a: not a.parent_id and not a.section_id)
        inline = top.filtered(
            lambda a, p=phase: not a.in_document and p.heading and a.description and a.description in p.heading
        )
        entry = {"date_start": _iso(phase.date_start), "date_end": _iso(phase.date_end), "items": len(top - inline)}
        if phase.peak_date_start:
            entry.update(peak_start=_iso(phase.peak_date_start), peak_end=_iso(phase.peak_date_end))
        periods.append(entry)
        if inline:
            steps.append(
                {
                    "date_start": _iso(phase.date_start),
                    "date_end": _iso(phase.date_end),
                    "by": inline[0].lead_text or by_default,
                }
            )
    targets = []
    for target in plan.target_ids.sorted(lambda t: (t.sequence, t.id)).filtered(lambda t: t.kind != "amount"):
        entry = {"item": target.name}
        if target.kind == "quantity":
            entry.update(qty=_number(target.value), uom=target.uom)
        else:
            # "100% CĐCS": a table's value cell may name whom the share is of.
            entry.update(percent=_number(target.value), of=" ".join(filter(None, [target.name, target.value_text])))
        if target.per == "unit":
            entry["per"] = target.name
        if target.date_deadline:
            entry["deadline"] = _iso(target.date_deadline)
        targets.append(entry)
    reports = []
    for schedule in plan.report_schedule_ids.sorted(lambda s: (s.sequence, s.id)):
        reports += [
            {"what": _occurrence_what(schedule, o), "to": schedule.addressee, "deadline": _iso(o.deadline)}
            for o in schedule._get_occurrences()
        ]
    reports.sort(key=lambda r: r["deadline"] or "9999")
    duties = plan.responsibility_ids.sorted(lambda r: (r.sequence, r.id))
    # A duty "Các tổ công đoàn: Phân xưởng Cắt, ..." names units (proper names); "…: giới thiệu, vận động …" tasks.
    named = [
        [strip_end(name) for name in re.split(r",\s*|\s+và\s+", duty.name.partition(":")[2].strip()) if strip_end(name)]
        for duty in duties.filtered(lambda d: d.party == "units" and ":" in (d.name or ""))
    ]
    units = [name for names in named if all(n[:1].isupper() for n in names) for name in names]
    # The document's own header while its union is not a unit of the database, else the issuing unit's.
    upper, body = plan._get_header_lines() or ([unit._get_doc_upper_body()], unit._get_doc_body_lines())
    return {
        "reference": plan.reference or None,
        "upper_body": " ".join(filter(None, upper)) or None,
        "issuing_body": " ".join(body) or None,
        "issue_place": plan.issue_place or None,
        "issue_date": _iso(plan.issue_date),
        "title": strip_end(plan.name) if plan.name.endswith(".") else plan.name,
        "legal_bases": bases,
        "sections": headings,
        "periods": periods,
        "steps": steps,
        "units": units,
        "targets": targets,
        "budget_lines": [
            {"source": line.name, "amount": int(line.amount) if line.amount else None, "currency": "VND"}
            for line in plan.budget_line_ids.sorted(lambda b: (b.sequence, b.id))
        ],
        "reports": reports,
        "responsibilities": len(duties),
        "slogans": len(plan.slogan_ids),
        "recipients": len(plan.recipient_ids),
        "signature": signature,
        "signer_name": plan.signer_name or None,
        **_tables_facts(plan),
    }


SECTION_TABLE_KIND = {"targets": "targets", "budget": "budget", "items": "items", "table": "plain"}


def _table_facts(section):
    """A table's facts from the section printing it: its columns as written, their roles, its rows, its kind."""
    columns = [heading for heading, _role in section._get_table_columns()]
    if section.kind == "table":
        rows = len(section.row_ids)
    elif section.kind == "items":
        rows = len(section.item_ids)
    else:
        rows = len(section.campaign_id.target_ids if section.kind == "targets" else section.campaign_id.budget_line_ids)
    fact = {"columns": columns, "rows": rows, "kind": SECTION_TABLE_KIND[section.kind], "roles": column_roles(columns)}
    if section.table_total:
        fact["total"] = int(sum(section.campaign_id.budget_line_ids.mapped("amount")))
    return fact


def _tables_facts(plan):
    """The tables of the plan's body and its appendices (title, rows, tables), from its sections."""
    sections = plan.section_ids.sorted(lambda s: (s.sequence, s.id))
    tables = [_table_facts(s) for s in sections.filtered(lambda s: s.is_table and not s.is_appendix)]
    appendices = []
    for section in sections.filtered("is_appendix"):
        if section.level <= 1 or not appendices:
            title = " ".join(filter(None, [section.name, *(section.title_lines or "").splitlines()]))
            appendices.append({"title": title, "rows": 0, "tables": []})
        if section.is_table:
            table = _table_facts(section)
            appendices[-1]["tables"].append(table)
            appendices[-1]["rows"] += table["rows"]
    written = plan.item_ids.filtered(lambda i: i.date_text and not i.section_id).sorted(lambda i: (i.sequence, i.id))
    items = written + sections.item_ids.sorted(lambda i: (i.section_id.sequence, i.sequence, i.id))
    dated = [
        {
            "item": item.description or item.name,
            "date_start": _iso(item.date_start),
            "date_end": _iso(item.date_deadline),
            "lead": item.lead_text or None,
            "coordinators": [c for c in (item.coordinator_text or "").split(", ") if c],
        }
        for item in items
    ]
    return {"tables": tables, "appendices": appendices, "dated_items": dated, "groups": _groups_facts(plan)}


def _groups_facts(plan):
    """Lettered groups: items whose sub-items are items with a bullet of their own ("-"), not "+" sub-items."""

    def bullets(item):
        return "".join(child.bullet + bullets(child) for child in item.child_ids.sorted(lambda c: (c.sequence, c.id)))

    groups = plan.item_ids.filtered(
        lambda i: not i.parent_id and i.child_ids and set(i.child_ids.mapped("bullet")) == {"-"}
    )
    return [
        {
            "group": strip_end(group.description or group.name),
            "items": len(group.child_ids),
            "sub_items": len(group.child_ids.child_ids),
            "bullets": bullets(group),
        }
        for group in groups.sorted(lambda i: (i.sequence, i.id))
    ]


def comparable(expected):
    """The expected facts the records can say (see the module's docstring)."""
    expected = dict(expected)
    expected.pop("budget_totals", None)
    # What a period index means is the parser's own: the item's period is the one holding its dates.
    if "dated_items" in expected:
        expected["dated_items"] = [
            {key: value for key, value in item.items() if key != "period"} for item in expected["dated_items"]
        ]
    if expected.get("issuing_body") is None:
        expected.pop("upper_body", None)
        expected.pop("issuing_body", None)
    expected["reports"] = [
        {key: value for key, value in report.items() if key not in ("who", "scope")}
        for report in expected.get("reports", [])
        if pp.actor_scope(report["who"]) != "federation"
    ]
    return expected


class PlanImportCommon(ReportTestMixin):
    """An officer and a reporter; the units of the documents' headers; the demo copies of the documents
    renumbered."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, lang="en_US"))
        groups = "base.group_user,union_campaign.group_%s"
        cls.officer = mail_new_test_user(
            cls.env, login="t_import_officer", groups=groups % "officer", tz="Asia/Ho_Chi_Minh", lang="en_US"
        )
        cls.reporter = mail_new_test_user(cls.env, login="t_import_reporter", groups=groups % "user", lang="en_US")
        Unit = cls.env["union.unit"]
        province, commune, zone, enterprise = (
            cls.env.ref(f"union_campaign.unit_type_{kind}") for kind in ("province", "commune", "zone", "enterprise")
        )
        phu_tho = Unit.create({"name": "Liên đoàn Lao động tỉnh Phú Thọ", "unit_type_id": province.id})
        thanh_son = Unit.create({"name": "Công đoàn xã Thanh Sơn", "unit_type_id": commune.id, "parent_id": phu_tho.id})
        ninh_binh = Unit.create(
            {
                "name": "Liên đoàn Lao động tỉnh Ninh Bình",
                "unit_type_id": province.id,
                "parent_id": cls.env.ref("union_campaign.unit_tong_ldld").id,
            }
        )
        Unit.create(
            [
                {"name": "Công đoàn Công ty TNHH Thanh Sơn", "unit_type_id": enterprise.id, "parent_id": thanh_son.id},
                {"name": "Công đoàn KCN Gián Khẩu", "unit_type_id": zone.id, "parent_id": ninh_binh.id},
            ]
        )
        for xmlid in DEMO_PLANS:
            plan = cls.env.ref(f"union_campaign.{xmlid}", raise_if_not_found=False)
            if plan:
                plan.sudo().reference = f"{plan.reference}-demo"

    def _import(self, data, filename, user=None):
        """Upload `data` through the wizard as the officer; return the plan the action opens."""
        user = user or self.officer
        wizard = (
            self.env["union.campaign.import.wizard"]
            .with_user(user)
            .with_context(lang=user.lang)
            .create({"file": base64.b64encode(data), "filename": filename})
        )
        action = wizard.action_import()
        self.assertEqual((action["res_model"], action["view_mode"]), ("union.campaign", "form"))
        return self.env["union.campaign"].browse(action["res_id"])

    def _import_plan(self, name, fmt):
        return self._import(*fx.plan_file(name, fmt))

    def assertFaithful(self, name, fmt, text):
        """At least MIN_RATIO of the document's lines longer than 25 characters are in `text`, in order."""
        return assert_faithful(self, fx.source_lines(fx.plan_text(name)), text, f"import of {name} ({fmt})")


@tagged("post_install", "-at_install")
class TestPlanImport(PlanImportCommon, TransactionCase):
    """Each document in each format becomes a draft plan with its facts and its text; bad files create nothing."""

    def _check(self, name, fmt):
        plan = self._import_plan(name, fmt)
        self.assertEqual(plan.state, "draft")
        self.assertEqual(plan.user_id, self.officer)
        diffs = fx.compare_facts(comparable(fx.expected_facts(name)), plan_facts(plan))
        self.assertFalse(diffs, f"{name} ({fmt}): facts differ:\n" + "\n".join(diffs))
        html, _report_type = self.env["ir.actions.report"]._render_qweb_html(PLAN_REPORT, plan.ids)
        self.assertFaithful(name, fmt, html_text(html))
        self.assertFalse(plan.section_ids.filtered(lambda s: s.kind == "unrecognised"))
        return plan

    # The seed, 43/KH-LĐLĐ
    def test_seed_txt(self):
        """The seed as .txt: its facts and 98 % of its lines, in order, in the printed draft."""
        self._check(fx.SEED, "txt")

    def test_seed_docx(self):
        """The seed as .docx (Word numbering, tables): its facts and 98 % of its lines in the printed draft."""
        self._check(fx.SEED, "docx")

    def test_seed_pdf(self):
        """The seed as .pdf (lines wrapped at the margin): its facts and 98 % of its lines in the printed draft."""
        self._check(fx.SEED, "pdf")

    # The Tết care sample
    def test_tet_txt(self):
        """The Tết sample as .txt: header, bases, periods, targets, budget, reports and 98 % of its lines."""
        self._check("tet-sum-vay-2025-gia-lam", "txt")

    def test_tet_docx(self):
        """The Tết sample as .docx: its facts and 98 % of its lines in the printed draft."""
        self._check("tet-sum-vay-2025-gia-lam", "docx")

    def test_tet_pdf(self):
        """The Tết sample as .pdf: its facts and 98 % of its lines in the printed draft."""
        self._check("tet-sum-vay-2025-gia-lam", "pdf")

    # The emulation sample
    def test_emulation_txt(self):
        """The emulation sample as .txt: one year-long period, quarterly reports, and 98 % of its lines."""
        self._check("thi-dua-2027-cd-ngan-hang", "txt")

    def test_emulation_docx(self):
        """The emulation sample as .docx: its facts and 98 % of its lines in the printed draft."""
        self._check("thi-dua-2027-cd-ngan-hang", "docx")

    def test_emulation_pdf(self):
        """The emulation sample as .pdf: its facts and 98 % of its lines in the printed draft."""
        self._check("thi-dua-2027-cd-ngan-hang", "pdf")

    # The congress sample
    def test_congress_txt(self):
        """The congress sample as .txt: dated steps whose heading carries the item, and 98 % of its lines."""
        self._check("dai-hoi-cdcs-may-phu-thinh-2027", "txt")

    def test_congress_docx(self):
        """The congress sample as .docx: its facts and 98 % of its lines in the printed draft."""
        self._check("dai-hoi-cdcs-may-phu-thinh-2027", "docx")

    def test_congress_pdf(self):
        """The congress sample as .pdf: its facts and 98 % of its lines in the printed draft."""
        self._check("dai-hoi-cdcs-may-phu-thinh-2027", "pdf")

    # More layouts
    def test_safety_month_txt(self):
        """The safety month (lettered sub-items, a table, dates without a year) as .txt: facts and text."""
        self._check("atvsld-2026-cd-kcn-bac-ninh", "txt")

    def test_safety_month_docx(self):
        """The safety month as .docx: its facts and 98 % of its lines in the printed draft."""
        self._check("atvsld-2026-cd-kcn-bac-ninh", "docx")

    def test_safety_month_pdf(self):
        """The safety month as .pdf: its facts and 98 % of its lines in the printed draft."""
        self._check("atvsld-2026-cd-kcn-bac-ninh", "pdf")

    def test_digital_txt(self):
        """The commune union's plan copied from a PDF (lines broken inside sentences) as .txt: facts and text."""
        self._check("chuyen-doi-so-2026-cd-xa-thanh-son-ban-sao-pdf", "txt")

    def test_digital_docx(self):
        """The commune union's plan as .docx: its facts and 98 % of its lines in the printed draft."""
        self._check("chuyen-doi-so-2026-cd-xa-thanh-son-ban-sao-pdf", "docx")

    def test_digital_pdf(self):
        """The commune union's plan as .pdf: its facts and 98 % of its lines in the printed draft."""
        self._check("chuyen-doi-so-2026-cd-xa-thanh-son-ban-sao-pdf", "pdf")

    def test_workers_month_txt(self):
        """The Workers' Month (two-column header, bold sub-headings, slogans, tỷ/triệu) as .txt: facts, text."""
        self._check("thang-cong-nhan-2026-ldld-ninh-binh", "txt")

    def test_workers_month_docx(self):
        """The Workers' Month as .docx: its facts and 98 % of its lines in the printed draft."""
        self._check("thang-cong-nhan-2026-ldld-ninh-binh", "docx")

    def test_workers_month_pdf(self):
        """The Workers' Month as .pdf: its facts and 98 % of its lines in the printed draft."""
        self._check("thang-cong-nhan-2026-ldld-ninh-binh", "pdf")

    # Plans of issue 20: a targets table and a budget under a numbered lead, a ward union's lettered groups and
    # numbered "Đợt" periods, a grassroots union's appendix table after a "KT." signature
    def _check_targets_table(self, fmt):
        """The provincial federation's plan with a targets table: its targets are the table's rows and the table
        prints as a table; its budget lines (under a numbered lead, and a numbered money line) add up."""
        plan = self._check("thi-dua-2026-ldld-thanh-hoa-bang-chi-tieu", fmt)
        self.assertEqual(plan.budget_total, 570_000_000)
        section = plan.section_ids.filtered("is_table")
        self.assertEqual((section.kind, section.layout), ("targets", "table"))
        self.assertEqual(
            plan.target_ids.filtered(lambda t: not t.item_id).mapped("value_text"),
            ["95%", "1.200", "100% CĐCS", "5.000"],
        )

    def test_targets_table_txt(self):
        self._check_targets_table("txt")

    def test_targets_table_docx(self):
        self._check_targets_table("docx")

    def test_targets_table_pdf(self):
        self._check_targets_table("pdf")

    def _check_ward_plan(self, fmt):
        """The ward union's plan (verb title, inline "căn cứ", Đợt periods, lettered groups, ";"): its "Đợt"
        periods list no items, so the items of its content belong to the plan's span, one period without a heading;
        the units' report covers them all."""
        plan = self._check("phat-trien-doan-vien-2025-cd-phuong-hong-gai", fmt)
        whole, first, second = plan.phase_ids.sorted("sequence")
        self.assertEqual(
            (whole.heading_style, whole.date_start, whole.date_end), ("hidden", date(2025, 10, 1), date(2026, 9, 30))
        )
        self.assertEqual((first.item_ids, second.item_ids), (plan.item_ids.browse(), plan.item_ids.browse()))
        self.assertEqual(whole.item_ids, plan.item_ids)
        self.assertNotIn("tình hình thực tế", " ".join(plan.legal_basis_ids.mapped("display_name")))
        dated = plan.item_ids.filtered("date_text")
        self.assertEqual(dated.mapped("date_text"), ["Trong tháng 11/2025", "trước ngày 15/12/2025"])
        self.assertEqual(dated.parent_id.name, "Tuyên truyền, vận động người lao động gia nhập công đoàn")
        [schedule] = plan.report_schedule_ids
        self.assertEqual(schedule.date_deadline, date(2026, 4, 5))
        [occurrence] = schedule._get_occurrences()
        self.assertEqual(occurrence.items, plan.item_ids, "the report has a line per item, sub-items included")
        self.assertIn("Trong tháng 11/2025", plan.import_account)

    def test_ward_plan_txt(self):
        self._check_ward_plan("txt")

    def test_ward_plan_docx(self):
        self._check_ward_plan("docx")

    def test_ward_plan_pdf(self):
        self._check_ward_plan("pdf")

    def _check_appendix_table(self, fmt):
        """The school union's plan with its appendix of activities after the signature: the rows are dated items
        with their leading and coordinating bodies, printed in the appendix after the signature."""
        plan = self._check("thang-an-toan-2025-cdcs-truong-thpt-le-loi", fmt)
        self.assertEqual(plan.signature_lines.splitlines()[-1].strip(), "PHÓ CHỦ TỊCH")
        self.assertNotIn("STT", plan.signature_lines)
        appendix = plan.section_ids.filtered(lambda s: s.is_appendix and s.kind == "items")
        self.assertEqual(len(appendix.item_ids), 5)
        html, _type = self.env["ir.actions.report"]._render_qweb_html(PLAN_REPORT, plan.ids)
        text = html_text(html)
        self.assertLess(text.index(plan.signer_name), text.index("Hội giảng chào mừng Ngày Nhà giáo"))

    def test_appendix_table_txt(self):
        self._check_appendix_table("txt")

    def test_appendix_table_docx(self):
        self._check_appendix_table("docx")

    def test_appendix_table_pdf(self):
        self._check_appendix_table("pdf")

    def _check_budget_table(self, fmt):
        """The economic-zone union's Tết plan: a budget table ending with its "Tổng cộng" row (an empty STT cell,
        an empty note): four budget lines, the total row printed as the sum of the lines, the total checked."""
        plan = self._check("cham-lo-tet-2026-cd-kkt-dung-quat", fmt)
        self.assertEqual(len(plan.budget_line_ids), 4)
        self.assertEqual(plan.budget_total, 1_250_000_000)
        table = plan.section_ids.filtered("is_table")
        self.assertEqual((table.kind, table.table_total), ("budget", True))
        self.assertIn("states 1.250.000.000 đồng: its lines add up to it", plan.import_account)
        html, _type = self.env["ir.actions.report"]._render_qweb_html(PLAN_REPORT, plan.ids)
        self.assertIn("Tổng cộng 1.250.000.000", html_text(html))

    def test_budget_table_txt(self):
        self._check_budget_table("txt")

    def test_budget_table_docx(self):
        self._check_budget_table("docx")

    def test_budget_table_pdf(self):
        self._check_budget_table("pdf")

    def test_a_stated_total_its_lines_miss_is_said(self):
        """A document whose lines do not add up to the total it states imports as written, and the account says
        so and asks to check the document."""
        text = fx.plan_text("thi-dua-2026-ldld-thanh-hoa-bang-chi-tieu").replace(
            "sáng kiến: 100.000.000 đồng", "sáng kiến: 80.000.000 đồng"
        )
        plan = self._import(text.encode(), "thi-dua-loi-tong.txt")
        self.assertEqual(plan.budget_total, 550_000_000, "the lines as written")
        self.assertIn("but its lines add up to 430.000.000 đồng: check the document", plan.import_account)
        self.assertIn("a total the document states differs from its lines", plan.import_account)

    # Tables read alike from .txt, .docx and .pdf: two columns without a number column, empty cells
    def _check_health_sector(self, fmt):
        """The health sector union's plan: a two-column targets table without a number column gives its targets; in
        the activities table, a row whose coordinators' cell is empty keeps its note in the note column."""
        plan = self._check("ngay-thay-thuoc-2026-cd-nganh-y-te-quang-ninh", fmt)
        self.assertEqual(plan.target_ids.mapped("value_text"), ["100% CĐCS", "95%", "800 đơn vị"])
        items = plan.section_ids.filtered(lambda s: s.kind == "items").item_ids.sorted("sequence")
        self.assertEqual(
            [(i.coordinator_text, i.note) for i in items[1:4]],
            [
                (False, False),
                ("Hội Chữ thập đỏ tỉnh", "Tổ chức tại 3 điểm"),
                (False, "Danh sách do công đoàn cơ sở đề xuất"),
            ],
        )

    def test_health_sector_txt(self):
        self._check_health_sector("txt")

    def test_health_sector_docx(self):
        self._check_health_sector("docx")

    def test_health_sector_pdf(self):
        self._check_health_sector("pdf")

    def _check_corporation_games(self, fmt):
        """The corporation union's sports games: a targets table whose "Trong đó" row has no number and whose unit
        and note cells are often empty, and a two-column schedule (Nội dung | Thời gian) of dated items."""
        name = "hoi-thao-2025-cd-tong-cong-ty-dien-luc-mien-bac"
        plan = self._check(name, fmt)
        targets, schedule = plan.section_ids.filtered("is_table").sorted("sequence")
        self.assertEqual(targets.kind, "targets")
        # The "Trong đó" row is a target of its own, printed under row 2 without a number.
        self.assertEqual(plan.target_ids.sorted("sequence").mapped("is_part"), [False, False, True, False])
        printed = self.env["report.union_campaign.report_campaign_plan"]._get_table_line(targets)
        self.assertEqual([row["cells"][0] for row in printed["rows"]], ["1", "2", "", "3"])
        self.assertEqual((schedule.kind, len(schedule.item_ids)), ("items", 4))

    def test_corporation_games_txt(self):
        self._check_corporation_games("txt")

    def test_corporation_games_docx(self):
        self._check_corporation_games("docx")

    def test_corporation_games_pdf(self):
        self._check_corporation_games("pdf")

    def test_pdf_exported_by_libreoffice(self):
        """A PDF as an office makes it (LibreOffice's export of the .docx: Word numbering drawn apart from its text,
        the header's two columns side by side, ruled tables) imports through the wizard with every fact and prints
        98 % of the document's lines: the ward's groups and Đợt periods, the Tết plan's budget table and its total."""
        for name in ("phat-trien-doan-vien-2025-cd-phuong-hong-gai", "cham-lo-tet-2026-cd-kkt-dung-quat"):
            with self.subTest(plan=name):
                self._check(name, "pdf-libreoffice")

    def test_docx_without_word_numbering(self):
        """A .docx whose numbers are typed in the text and whose signature block is a table row imports alike."""
        for name in (fx.SEED, "atvsld-2026-cd-kcn-bac-ninh"):
            with self.subTest(plan=name):
                self._check(name, "docx-plain")

    # What the draft shows
    def test_records_print_the_document(self):
        """Periods, items, slogans, targets, budget, duties and reports asked are records that print the text."""
        plan = self._import_plan("thang-cong-nhan-2026-ldld-ninh-binh", "txt")
        kinds = plan.section_ids.filtered(lambda s: s.level == 1).mapped("kind")
        self.assertEqual(kinds, ["text", "slogans", "periods", "targets", "budget", "duties"])
        first = plan.phase_ids.sorted("sequence")[0]
        self.assertEqual(first.heading, "Giai đoạn chuẩn bị (từ ngày 01/4/2026 đến ngày 25/4/2026)")
        self.assertEqual(first.item_ids.mapped("in_document"), [True, True])
        self.assertEqual(first.item_ids.sorted("sequence")[1].scope, "federation")
        lead = plan.item_ids.filtered(lambda a: a.lead_text == "LĐLĐ tỉnh")
        self.assertEqual(lead.coordinator_text, "Sở Y tế")
        self.assertEqual(lead.target_ids.mapped("value"), [1000])
        budget = plan.budget_line_ids.sorted("sequence")
        self.assertEqual(budget[0].wording, "Kinh phí LĐLĐ tỉnh: 1,2 tỷ đồng từ nguồn tài chính công đoàn năm 2026.")
        self.assertEqual(budget[0].amount, 1_200_000_000)
        # the congress: a step's heading carries its item, which is not printed a second time
        plan = self._import_plan("dai-hoi-cdcs-may-phu-thinh-2027", "txt")
        step = plan.phase_ids.sorted("sequence")[0]
        self.assertEqual((step.date_start, step.date_end), (False, date(2027, 3, 20)))
        self.assertFalse(step.item_ids.in_document)
        self.assertEqual(plan.unit_ids, self.env.ref("union_campaign.unit_may_phu_thinh").child_ids)
        schedule = plan.report_schedule_ids
        self.assertEqual((schedule.kind, schedule.date_deadline), ("dated", date(2027, 4, 25)))
        self.assertTrue(schedule.item_ids)

    def test_legal_bases_print_as_written(self):
        """A citation keeps its verb as written (none: it goes on with the previous one) and its wording."""
        plan = self._import_plan(fx.SEED, "txt")
        first, second = plan.legal_basis_ids.sorted("sequence")
        self.assertEqual((first.verb, first.document_number, first.ending), ("Thực hiện", "60/KH-LĐLĐ", ";"))
        self.assertFalse(first.wording)
        self.assertFalse(second.verb)
        self.assertEqual(second.summary[:22], "về công tác thông tin,")
        plan = self._import_plan("thang-cong-nhan-2026-ldld-ninh-binh", "txt")
        law = plan.legal_basis_ids.sorted("sequence")[0]
        self.assertEqual(law.document_type, "Bộ luật Lao động năm 2019 và Luật Công đoàn năm 2024")

    def test_vague_dates_mapped_by_a_rule_the_draft_shows(self):
        """'từ cuối tháng 01/2021' is 25/01/2021 and the period shows the rule; the account lists every rule."""
        plan = self._import_plan(fx.SEED, "txt")
        second = plan.phase_ids.sorted("sequence")[1]
        self.assertEqual((second.date_start, second.date_end), (date(2021, 1, 25), date(2021, 1, 31)))
        self.assertIn("the 25th", second.date_rule)
        self.assertIn("the day before the next period starts", second.date_rule)
        self.assertIn("the 25th", str(plan.import_account))
        self.assertIn("25/01/2021", str(plan.import_account))
        note = plan.message_ids.filtered(lambda m: "the 25th" in (m.body or ""))
        self.assertEqual(len(note), 1, "the account is posted in the chatter")

    def test_unrecognised_paragraphs_kept_in_their_section(self):
        """Paragraphs the import cannot place land, as written, in a section marked "not recognised", printed."""
        text = fx.plan_text("tet-sum-vay-2025-gia-lam")
        text = text.replace("Số: 58/KH-LĐLĐ", "Bản nháp số 2 - chưa ký\n\nSố: 58/KH-LĐLĐ")
        text += "\nPhụ lục: danh sách các đơn vị tham gia chương trình Chợ Tết Công đoàn\n"
        plan = self._import(text.encode(), "tet.txt")
        section = plan.section_ids.filtered(lambda s: s.kind == "unrecognised")
        self.assertEqual(section.name, "KHÔNG NHẬN DẠNG ĐƯỢC")
        self.assertEqual(
            section.body.splitlines(),
            ["Bản nháp số 2 - chưa ký", "Phụ lục: danh sách các đơn vị tham gia chương trình Chợ Tết Công đoàn"],
        )
        account = str(plan.import_account)
        self.assertIn("Paragraphs not recognised: 2", account)
        self.assertIn("Bản nháp số 2 - chưa ký", account)
        html, _report_type = self.env["ir.actions.report"]._render_qweb_html(PLAN_REPORT, plan.ids)
        self.assertInOrder(html_text(html), ["KHÔNG NHẬN DẠNG ĐƯỢC", "Bản nháp số 2 - chưa ký", "Phụ lục:"])

    def test_unknown_issuing_body_uses_default_unit_and_says_so(self):
        """A header naming no known unit: the draft is the default unit's for now but prints the document's header,
        the account says so, and one click creates that union under the one its header names above it."""
        text = fx.plan_text("tet-sum-vay-2025-gia-lam").replace("HUYỆN GIA LÂM", "HUYỆN SÓC SƠN")
        plan = self._import(text.encode(), "tet.txt")
        default = self.env["union.campaign"].with_user(self.officer)._default_issuing_unit()
        self.assertEqual(plan.issuing_unit_id, default)
        self.assertIn("No unit matches the header “LIÊN ĐOÀN LAO ĐỘNG HUYỆN SÓC SƠN”", str(plan.import_account))
        html, _type = self.env["ir.actions.report"]._render_qweb_html(PLAN_REPORT, plan.ids)
        self.assertIn("HUYỆN SÓC SƠN", html_text(html)[:300], "the document's own header prints")
        self.assertNotIn("SÓC SƠN", " ".join(default._get_doc_body_lines()))
        action = plan.with_user(self.officer).action_create_issuing_unit()
        unit = self.env["union.unit"].browse(action["res_id"])
        self.assertEqual(plan.issuing_unit_id, unit)
        self.assertEqual(unit.name, "Liên đoàn Lao động huyện Sóc Sơn")
        self.assertEqual(unit.unit_type_id, self.env.ref("union_campaign.unit_type_district"))
        self.assertEqual(unit.parent_id.name, "Liên đoàn Lao động Thành phố Hà Nội")
        self.assertFalse(plan.header_body_lines)
        html, _type = self.env["ir.actions.report"]._render_qweb_html(PLAN_REPORT, plan.ids)
        self.assertIn("HUYỆN SÓC SƠN", html_text(html)[:300], "now the unit's header, the same words")
        with self.assertRaises(UserError):
            plan.with_user(self.officer).action_create_issuing_unit()

    def test_abbreviated_issuing_body_matches_its_unit(self):
        """A header writing "LĐLĐ HUYỆN GIA LÂM" is the unit Liên đoàn Lao động huyện Gia Lâm."""
        text = fx.plan_text("tet-sum-vay-2025-gia-lam").replace("LIÊN ĐOÀN LAO ĐỘNG HUYỆN", "LĐLĐ HUYỆN")
        plan = self._import(text.encode(), "tet.txt")
        self.assertEqual(plan.issuing_unit_id, self.env.ref("union_campaign.unit_ldld_gia_lam"))

    def test_every_parser_code_has_its_sentence(self):
        """Every code the parser can emit (an import error, a rule that read a date) has its sentence, in English
        and in Vietnamese, its parameters in place; an unknown code is an error, not another sentence."""
        samples = {"day": "15/03", "year": 2027}
        importer = self.env["union.campaign.importer"]
        for code, template in (*pp.MESSAGES.items(), *pp.RULES.items()):
            if code in pp.MESSAGES:
                args = {"filename": "ke-hoach.doc", "extension": ".doc", "size": 1, "limit": 2, "detail": "x"}
                sentences = [importer.with_context(lang=lang)._get_error_message(code, **args) for lang in LANGS]
            else:
                rule = pp.Rule(code, **{name: samples[name] for name in re.findall(r"{(\w+)}", template)})
                sentences = [importer.with_context(lang=lang)._get_rule_sentence(rule) for lang in LANGS]
            with self.subTest(code=code):
                english, vietnamese = sentences
                self.assertTrue(english and "%(" not in english and "%(" not in vietnamese)
                self.assertNotEqual(english, vietnamese, "the sentence has no Vietnamese translation")
        with self.assertRaises(KeyError):
            importer._get_code_sentence("no_such_code")

    # Bad files
    def test_bad_files_create_nothing(self):
        """An image-only PDF, a zip that is no .docx, an empty file and 20 MB of text: a clear message, no plan."""
        cases = [
            (fx.image_only_pdf(), "ke-hoach.pdf", "has no text layer (a scanned image?)"),
            (fx.zip_not_docx(), "ke-hoach.docx", "is not a readable Word document (.docx)"),
            (b"", "ke-hoach.txt", "contains no text"),
            (b"  \n\n", "ke-hoach.txt", "contains no text"),
            (b"x" * (20 * 1024 * 1024), "ke-hoach.txt", "is too large (20.0 MB): a plan to import is at most 10 MB"),
            (b"KE HOACH", "ke-hoach.doc", "Files of type .doc cannot be imported"),
            ("Xin chào, đây là một bức thư.".encode(), "thu.txt", "does not look like a plan (Kế hoạch)"),
        ]
        Plan = self.env["union.campaign"].with_context(active_test=False)
        before = Plan.search_count([])
        for data, filename, message in cases:
            with self.subTest(file=filename, message=message), self.assertRaises(UserError) as caught:
                self._import(data, filename)
            self.assertIn(message, str(caught.exception))
        self.assertEqual(Plan.search_count([]), before)

    def test_messages_are_translated(self):
        """A Vietnamese officer reads why a file cannot be imported in Vietnamese."""
        officer_vi = self.officer.copy({"login": "t_import_officer_vi", "lang": "vi_VN"})
        with self.assertRaises(UserError) as caught:
            self._import(fx.image_only_pdf(), "ke-hoach.pdf", user=officer_vi)
        self.assertIn("không có lớp chữ", str(caught.exception))

    def test_same_document_twice_is_refused(self):
        """Importing a document a second time names the plan it already is, and creates nothing."""
        self._import_plan("atvsld-2026-cd-kcn-bac-ninh", "txt")
        count = self.env["union.campaign"].search_count([])
        with self.assertRaises(UserError) as caught:
            self._import_plan("atvsld-2026-cd-kcn-bac-ninh", "pdf")
        self.assertIn("09/KH-CĐKCN", str(caught.exception))
        self.assertEqual(self.env["union.campaign"].search_count([]), count)

    def test_reporter_cannot_import(self):
        """A unit reporter cannot import a plan."""
        with self.assertRaises(AccessError):
            self._import(*fx.plan_file("atvsld-2026-cd-kcn-bac-ninh", "txt"), user=self.reporter)

    def test_imported_draft_goes_through_approval(self):
        """The imported draft is an ordinary plan: with its units chosen it is submitted, approved, launched."""
        plan = self._import_plan("dai-hoi-cdcs-may-phu-thinh-2027", "txt").with_user(self.officer)
        plan.approver_id = self.env.ref("union_campaign.user_manager")
        plan.action_submit()
        plan.with_user(plan.approver_id).action_approve()
        plan.action_launch()
        self.assertEqual(plan.state, "running")
        self.assertEqual(len(plan.report_ids), len(plan.unit_ids))


@tagged("post_install", "-at_install")
class TestPlanImportPdf(PlanImportCommon, HttpCase):
    """The real PDF of each imported draft (wkhtmltopdf, read back by pdftotext) prints the document's text."""

    BODY_TOP = 45  # points: the page numbers sit in the top margin from page 2 on

    def _check_pdf(self, name):
        plan = self._import_plan(name, "txt")
        pdf = self.render_pdf(PLAN_REPORT, plan)
        text = self.pdf_text(pdf, crop=(self.BODY_TOP, 842 - self.BODY_TOP))
        self.assertTrue(text.startswith("DỰ THẢO"), text[:60])
        self.assertFaithful(name, "PDF", text)

    def test_seed_pdf(self):
        """The imported seed's PDF prints at least 98 % of its lines, in order."""
        self._check_pdf(fx.SEED)

    def test_tet_pdf(self):
        """The imported Tết sample's PDF prints at least 98 % of its lines, in order."""
        self._check_pdf("tet-sum-vay-2025-gia-lam")

    def test_emulation_pdf(self):
        """The imported emulation sample's PDF prints at least 98 % of its lines, in order."""
        self._check_pdf("thi-dua-2027-cd-ngan-hang")

    def test_congress_pdf(self):
        """The imported congress sample's PDF prints at least 98 % of its lines, in order."""
        self._check_pdf("dai-hoi-cdcs-may-phu-thinh-2027")

    def test_layouts_pdf(self):
        """The other layouts, imported, print at least 98 % of their lines in their PDF."""
        for name in fx.LAYOUTS:
            with self.subTest(plan=name):
                self._check_pdf(name)
