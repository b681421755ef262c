# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The mapping of a parsed plan (tools.plan_parser.ParsedPlan) onto the values of one create of union.campaign.

A section whose content the plan's records print word for word (its periods and items, slogans, targets, budget
lines, duties, the reports asked) is entered as those records, and the records print it; any other section keeps
the document's wording in the section's text, line by line with its markers, and its records (periods, items,
targets...) are still created, without printing; what the parser could not place lands in a section of kind
"not recognised" at the end of the outline. The headings are numbered by the printer's rules
(tools/numbering.py).
"""

import itertools
import re
from collections import Counter, defaultdict
from pathlib import PurePath

from odoo import Command, fields

from ..models.union_campaign_budget_line import format_dong
from ..models.union_input_mixin import MAX_AMOUNT, MAX_QUANTITY
from ..tools import format_admin_date
from ..tools import plan_parser as pp
from ..tools.numbering import detect_numbering, format_marker, outline_numbers
from ..tools.text import clean, fold_body
from .account import ImportAccount
from .tables import TableMapping, block_lines, marked

# How the entries of a list may be numbered: a period's items, or a section's records.
ITEM_NUMBERINGS = ("dash", "arabic", "letter", "plus")
LIST_NUMBERINGS = ("dash", "arabic", "letter", "plus", "roman", "none")
HEADING_NUMBERINGS = ("arabic", "letter", "roman")
# Kinds of section whose records the plan prints under the section's heading, all of them at one place.
RECORD_KINDS = ("periods", "slogans", "targets", "budget", "duties", "reports")
# Kinds of section that keep their own text: the parser's kind → the section's kind.
TEXT_KIND = {"text": "text", "custom": "custom", "forms": "forms", "rewards": "text"}
# A target counted per one of these ("mỗi công đoàn cơ sở", "mỗi đơn vị") is set for each unit.
UNITS_WORDS = re.compile(r"công\s+đoàn|đơn\s+vị|tổ\b|CĐCS", re.IGNORECASE)
# The words citing a legal basis, as the parser reads them, at the end of a text.
BASIS_VERB = re.compile(rf"({pp.BASIS_VERB_PAT})\s*$")
ITEM_NAME_LIMIT = 120


def _content_lines(section):
    """The lines of a parsed section's content as the document prints them (its heading left out): its
    paragraphs, then its sub-sections with their headings."""
    return section.lines()[1:]


def _item_name(text):
    """A short title for an item: its first clause, at most ITEM_NAME_LIMIT characters."""
    text = clean(text)
    head = re.split(r"(?<=[;:])\s|\.\s", text, maxsplit=1)[0].rstrip(" .;:,")
    if len(head) > ITEM_NAME_LIMIT:
        head = head[:ITEM_NAME_LIMIT].rsplit(" ", 1)[0] + "…"
    return head or text[:ITEM_NAME_LIMIT]


def _simple_items(blocks):
    """Split a period's paragraphs into (introduction lines, [(item, [(sub-item, [])])], numbering) when the plan
    can print them word for word: unnumbered paragraphs first, then items numbered alike, "+" sub-items under an
    item. None otherwise."""
    description, items = [], []
    top_plus = bool(blocks) and next((b.marker for b in blocks if b.marker), "") == "+"
    for block in blocks:
        if not block.marker:
            if items:
                return None
            description.append(block.text)
        elif block.marker == "+" and not top_plus:
            if not items:
                return None
            items[-1][1].append((block, []))
        elif block.marker == "*":
            return None
        else:
            items.append((block, []))
    if not items:
        return (description, [], "dash")
    numbering = detect_numbering([block.marker for block, _subs in items], ITEM_NUMBERINGS)
    return (description, items, numbering) if numbering else None


def _flat_items(section):
    """The items of a section as the facts count them, each as (paragraph, [its sub-items, alike]): its numbered
    or bulleted paragraphs (their "+" paragraphs as sub-items), then those of its sub-sections; a sub-section
    without items is one item itself, a lettered group ("a) Rà soát …:" over "-" lines) one item whose
    sub-items are its items."""
    items = []
    for block in section.blocks:
        if block.marker == "+" and items:
            items[-1][1].append((block, []))
        elif block.marker and block.marker not in "+*":
            items.append((block, []))
    for child in section.children:
        heading = child.inline or pp.Block(marker=child.marker, text=child.heading)
        own = _flat_items(child)
        if own and child.style == "letter":
            items.append((heading, own))
        else:
            items += own or [(heading, [])]
    return items


class PlanMapping(TableMapping, ImportAccount):
    """The records of one parsed plan (tools.plan_parser.ParsedPlan), built for one `create` of the plan, and the
    account of the import (ImportAccount)."""

    def __init__(self, importer, parsed, *, unit, unit_match, lang, filename):
        self.importer = importer
        self.env = importer.env
        self.parsed = parsed
        self.unit = unit
        self.unit_match = unit_match
        self.lang = lang
        self.filename = filename
        self.sections = []  # {"vals", "marker"}
        self.phases = []  # {"vals", "items"}; an item is {"vals", "subitems", "targets", "block"}
        self.plan_targets = []  # {"vals", "order"}
        self.budget = []
        self.slogans = []
        self.duties = []
        self.schedules = {}  # key -> {"vals", "items"}
        self.block_reports = defaultdict(list)  # id(block) -> [(schedule key, first time asked)]
        self.own_reports = []  # reports the issuing body sends itself
        self.consumed = set()  # id(block) whose targets are entered
        self.block_order = {}  # id(block) -> position in the document
        self.verbatim = []  # headings of the sections printed as worded
        self.dates = []  # (wording, start, end, rules)
        self.skipped = []  # (text, reason)
        self.targets_section = None  # the section printing the plan's targets, if any
        self.tables_as_written = []  # (columns, reason) of the tables kept cell by cell
        self.tables_of_kind = set()  # the kinds of data tables mapped (one table of targets, one of budget)
        self.period_phases = {}  # id(parsed period section) -> phase
        self.unrecognised_heading = None
        self.section_seq = itertools.count(1)
        self.phase_seq = itertools.count(1)
        self.item_seq = itertools.count(1)

    def _(self, source, **params):
        return self.env._(source, **params)

    _item_title = staticmethod(_item_name)

    # ------------------------------------------------------------------
    # The whole plan
    # ------------------------------------------------------------------
    def build(self):
        """Return the values of the plan's one create."""
        parsed = self.parsed
        tops = [s for s in parsed.sections if s.kind != "unrecognised"]
        self._read_reports(tops)
        kinds = Counter(s.kind for s in tops)
        self.printable = {kind for kind in RECORD_KINDS if kinds[kind] == 1}
        period_children = [c for s in tops if s.kind == "periods" for c in s.children if c.period]
        # The plan's items are where it writes them: in its periods when they list any, else in its content
        # section, for the span of the plan (its year, or its periods': "Đợt 1", "Đợt 2" then only say when).
        in_periods = any(child.inline or _flat_items(child) for child in period_children)
        content = parsed.content_section() if parsed.period and not in_periods else None
        if period_children and not (content and content.kind in TEXT_KIND and _flat_items(content)):
            content = None
        if content or (parsed.period and not period_children):
            self._add_year_phase()
        for section in tops:
            if section is content and section.kind in TEXT_KIND:
                self._map_content(section)
            elif section.kind != "periods" and self._has_tables(section):
                self._map_tables(section, TEXT_KIND.get(section.kind, "text"))
            else:
                getattr(self, f"_map_{section.kind}", self._map_text)(section)
        self._add_stray_targets(tops)
        self._map_unrecognised()
        self._map_appendices()
        self._number_sections()
        return self._plan_vals()

    def _plan_vals(self):
        parsed = self.parsed
        today = fields.Date.context_today(self.importer)
        vals = {
            "name": clean(parsed.title) or PurePath(self.filename).stem or self._("Imported plan"),
            "reference": parsed.reference or False,
            "issuing_unit_id": self.unit.id,
            "issue_date": parsed.issue_date or today,
            "issue_place": parsed.issue_place or False,
            "introduction": parsed.introduction or False,
            "legal_basis_ids": [Command.create(vals) for vals in self._bases()],
            "section_ids": [Command.create(section["vals"]) for section in self.sections],
            "phase_ids": [Command.create(self._phase_create_vals(phase)) for phase in self.phases],
            "target_ids": [Command.create(target["vals"]) for target in self._sorted_targets(self.plan_targets)],
            "budget_line_ids": [Command.create(vals) for vals in self.budget],
            "report_schedule_ids": [Command.create(s["vals"]) for s in self.schedules.values()],
            "slogan_ids": [Command.create(vals) for vals in self.slogans],
            "responsibility_ids": [Command.create(vals) for vals in self.duties],
            "recipient_ids": [
                Command.create({"sequence": n, "name": name}) for n, name in enumerate(parsed.recipients, 1)
            ],
            "signature_lines": "\n".join(parsed.signature_lines) or False,
            "signer_name": parsed.signer_name or False,
            "import_filename": self.filename,
        }
        if not self.unit_match and parsed.issuing_body_lines:
            # The union is not in the database: the draft prints the document's header until it is created.
            vals["header_upper_body"] = parsed.upper_body or False
            vals["header_body_lines"] = "\n".join(parsed.issuing_body_lines)
        units = self._named_units()
        if units:
            vals["unit_ids"] = [Command.set(units.ids)]
        vals["import_account"] = self._account(units)
        return vals

    def create_linked(self, plan):
        """Create what points at the plan's items, in one batch each: sub-items, then the items' targets; link
        the documents the units send to the item that asks for them."""
        Activity = self.env["union.campaign.item"]
        for phase, record in zip(self.phases, plan.phase_ids.sorted(lambda p: (p.sequence, p.id)), strict=True):
            records = record.item_ids.sorted(lambda a: (a.sequence, a.id))
            for item, activity in zip(phase["items"], records, strict=True):
                item["record"] = activity
        parents = [item for phase in self.phases for item in phase["items"] if item["subitems"]]
        while parents:  # one level of sub-items at a time (a lettered group's items have sub-items of their own)
            subs = [sub for item in parents for sub in item["subitems"]]
            records = Activity.create(
                [
                    dict(sub["vals"], phase_id=item["record"].phase_id.id, parent_id=item["record"].id)
                    for item in parents
                    for sub in item["subitems"]
                ]
            )
            for sub, record in zip(subs, records, strict=True):
                sub["record"] = record
            parents = [sub for sub in subs if sub["subitems"]]
        items = [it for phase in self.phases for item in phase["items"] for it in self._with_subitems(item)]
        targets = [
            dict(target["vals"], campaign_id=plan.id, item_id=item["record"].id)
            for item in items
            for target in item["targets"]
        ]
        if targets:
            self.env["union.campaign.target"].create(targets)
        self._link_table_items(plan)
        schedules = plan.report_schedule_ids.sorted(lambda s: (s.sequence, s.id))
        for schedule, record in zip(self.schedules.values(), schedules, strict=True):
            linked = [item["record"].id for item in schedule["items"] if item["record"].scope in ("units", "both")]
            if linked:
                record.item_ids = [Command.set(linked)]

    # ------------------------------------------------------------------
    # Header: legal bases, units named in the duties
    # ------------------------------------------------------------------
    def _bases(self):
        """Each cited document with its verb as written (none: it goes on with the previous one), its parts, and
        its wording where the citation written from the parts would differ from the document's."""
        parsed = self.parsed
        Basis = self.env["union.campaign.legal.basis"].with_context(lang=self.lang)
        cursors, out = {}, []
        for sequence, basis in enumerate(parsed.legal_bases, start=1):
            paragraph = parsed.paragraphs.get((basis.index, 0), "")
            start = cursors.get(basis.index, 0)
            position = paragraph.find(basis.text, start)
            verb, ending = basis.verb, ";"
            if position >= 0:
                written = BASIS_VERB.search(paragraph[start:position])
                verb = clean(written.group(1)) if written else False
                end = position + len(basis.text)
                ending = paragraph[end : end + 1] if paragraph[end : end + 1] in (";", ",", ".", ":") else ""
                cursors[basis.index] = end + len(ending)
            head = re.search(r"\s(?:số|ngày|của|về)\s", basis.text)
            vals = {
                "sequence": sequence,
                "verb": verb,
                "document_type": basis.text[: head.start()] if head else basis.text,
                "document_number": basis.number or False,
                "document_date": basis.date or False,
                "issuer": basis.issuer or False,
                "summary": f"về {basis.summary}" if basis.summary else False,
                "ending": ending,
            }
            if clean(Basis.new(vals)._get_citation()) != clean(basis.text):
                vals["wording"] = basis.text
            out.append(vals)
        return out

    def _named_units(self):
        """The units the duties name ("Các tổ công đoàn: Phân xưởng Cắt, ..."), below the issuing unit."""
        names = [name for section in self.parsed.walk() for name in section.units]
        if not names:
            return self.env["union.unit"]
        below = self.env["union.unit"].search(
            [("id", "child_of", self.unit.id), ("id", "!=", self.unit.id), ("receives_plans", "=", True)]
        )
        found = self.env["union.unit"]
        for name in names:
            key = fold_body(name)
            match = below.filtered(lambda u, key=key: key in fold_body(u.name))
            if len(match) == 1:
                found |= match
        return found

    # ------------------------------------------------------------------
    # Reports asked: one schedule per report, in the order the document asks them
    # ------------------------------------------------------------------
    def _read_reports(self, tops):
        """Number the paragraphs in document order and read the reports they ask (a report asked twice, with
        the same sender, addressee and day, is one report)."""
        position = itertools.count()
        for top in tops:
            for section in top.walk():
                for block in filter(None, (section.inline, *section.blocks)):
                    self.block_order[id(block)] = next(position)
                    for report in block.reports:
                        self._read_report(block, report)

    def _read_report(self, block, report):
        # The issuing body's own report (to its upper body): no report of its units.
        if report.scope == "federation" or pp.actor_scope(report.who) == "federation":
            self.own_reports.append(report)
            return
        key = (pp.fold(report.who), pp.fold(report.to), report.deadline, report.recurrence)
        if key in self.schedules:
            self.block_reports[id(block)].append((key, False))
            return
        what = clean(report.what or report.text)
        final = report.kind == "final" or re.search(r"kết\s+quả|tổng\s+kết", what, re.IGNORECASE)
        vals = {
            "sequence": len(self.schedules) + 1,
            "name": what[:1].upper() + what[1:],
            "kind": "recurring" if report.recurrence else ("final" if final else "dated"),
            "addressee": f"{report.to} (qua {report.via})" if report.via else report.to,
        }
        if report.recurrence:
            vals.update(
                recurrence=report.recurrence,
                recurrence_day=report.day or 31,
                recurrence_month=report.month_in_quarter or "last",
            )
            if not report.day:
                self.skipped.append((report.text, self._("no day written: the report is due on the last day")))
        else:
            vals["date_deadline"] = report.deadline
        self.schedules[key] = {"vals": vals, "items": []}
        self.block_reports[id(block)].append((key, True))

    # ------------------------------------------------------------------
    # Sections
    # ------------------------------------------------------------------
    def _add_section(self, section, kind="text", body_lines=(), item_numbering=None, name=None):
        numbering = section.style if section.style in ("roman", "arabic", "letter", "dash") else "none"
        vals = {
            "sequence": next(self.section_seq),
            "name": section.heading if name is None else name,
            "level": section.level,
            "numbering": numbering,
            "kind": kind,
            "body": "\n".join(body_lines) or False,
        }
        if item_numbering:
            vals["item_numbering"] = item_numbering
        entry = {"vals": vals, "marker": section.marker, "section": section}
        self.sections.append(entry)
        return entry

    def _map_verbatim(self, section, kind="text"):
        """The section and its sub-sections as text: headings and paragraphs as written."""
        self._add_section(section, kind=kind, body_lines=block_lines(section.blocks))
        for child in section.children:
            self._map_verbatim(child)

    def _keep_verbatim(self, section):
        self._map_verbatim(section)
        self.verbatim.append(section.heading)

    def _map_text(self, section):
        kind = TEXT_KIND.get(section.kind, "text")
        if kind == "forms" and not section.blocks:
            kind = "text"
        self._map_verbatim(section, kind)

    def _map_periods(self, section):
        """Periods: one phase per numbered period, its heading as written; the plan prints them when it can
        number them as the document does."""
        children = section.children
        numbering = None
        if "periods" in self.printable and all(child.period for child in children):
            numbering = detect_numbering([child.marker for child in children], HEADING_NUMBERINGS)
        if not numbering:
            self._keep_verbatim(section)
            for child in children:
                if child.period:
                    self._add_phase(child, printed=False)
            return
        self._add_section(section, "periods", block_lines(section.blocks), item_numbering=numbering)
        for child in children:
            self._add_phase(child, printed=True)

    def _map_content(self, section):
        """The content of a plan whose periods list no items: its items are those of the plan's whole span (one
        period without a heading), each dated by the time its paragraph starts with; a content of tables and no
        items (a table of activities) is its tables, their rows the period's items."""
        phase = self.phases[0]
        simple = None if section.children else _simple_items(section.blocks)
        if simple and simple[1]:
            description, items, numbering = simple
            self._add_section(section, "periods", description)
            phase["vals"]["item_numbering"] = numbering
            phase["items"] += [self._item(block, True, phase, sub_blocks=subs, dated=True) for block, subs in items]
            return
        if self._has_tables(section) and not _flat_items(section):
            self._map_tables(section, TEXT_KIND.get(section.kind, "text"))
            return
        self._map_text(section)
        phase["items"] += [
            self._item(block, False, phase, sub_blocks=subs, dated=True) for block, subs in _flat_items(section)
        ]

    def _map_slogans(self, section):
        blocks = section.blocks
        numbering = None
        if "slogans" in self.printable and not section.children:
            numbering = detect_numbering([block.marker for block in blocks], LIST_NUMBERINGS)
        if numbering:
            self._add_section(section, "slogans", item_numbering=numbering)
        else:
            self._keep_verbatim(section)
        self.slogans += [{"sequence": len(self.slogans) + n, "name": b.text} for n, b in enumerate(blocks, 1)]

    def _map_targets(self, section):
        """Targets of the whole plan, each worded as its sentence (a sentence setting two targets prints once)."""
        blocks = section.blocks
        numbering = None
        texts = [block.text for block in blocks]
        skipped = len(self.skipped)
        per_block = []
        if (
            "targets" in self.printable
            and not section.children
            and all(block.targets for block in blocks)
            and all(a != b for a, b in itertools.pairwise(texts))
        ):
            # Printed from the records only if every paragraph keeps one (a rate or a number out of bounds is
            # dropped): otherwise its sentence would be missing from the plan.
            per_block = [self._targets(block, block.text) for block in blocks]
            if all(per_block):
                numbering = detect_numbering([block.marker for block in blocks], LIST_NUMBERINGS)
        if numbering:
            self.targets_section = self._add_section(section, "targets", item_numbering=numbering)
            for block, targets in zip(blocks, per_block, strict=True):
                self.consumed.add(id(block))
                self.plan_targets += targets
        else:
            del self.skipped[skipped:]  # kept as worded: nothing of it was left out
            self._keep_verbatim(section)

    def _map_budget(self, section):
        # Lines under a numbered lead ("1. Kinh phí …, cụ thể:" then "- …: 150.000.000 đồng;") are budget lines too.
        blocks = [block for part in section.walk() for block in (part.inline, *part.blocks) if block and block.budget]
        numbering = None
        if (
            "budget" in self.printable
            and not section.children
            and len(blocks) == len(section.blocks)
            and not section.children
            and all(not block.budget.amount or block.budget.amount <= MAX_AMOUNT for block in blocks)
        ):
            numbering = detect_numbering([block.marker for block in blocks], LIST_NUMBERINGS)
        if numbering:
            self._add_section(section, "budget", item_numbering=numbering)
        else:
            self._keep_verbatim(section)
        for block in blocks:
            self._add_budget_line(block)

    def _add_budget_line(self, block):
        budget, text = block.budget, block.text
        if budget.amount and budget.amount > MAX_AMOUNT:
            self.skipped.append((text, self._("the amount is out of bounds")))
            return
        head = re.match(r"^(?P<name>[^:]{2,200}?)\s*:\s*", text)
        vals = {
            "sequence": len(self.budget) + 1,
            "name": head.group("name") if head else (budget.source or text),
            "amount": budget.amount or 0,
            "note": budget.note if head and budget.note else False,
        }
        written = f"{vals['name']}: {format_dong(vals['amount'])}"
        written = f"{written} {vals['note']}." if vals["note"] else f"{written}."
        if written != text:
            vals["wording"] = text
        self.budget.append(vals)

    def _map_duties(self, section):
        """Who does what: one duty per numbered sub-section (its "-" paragraphs its duties), or one per "-"
        paragraph of a section without sub-sections."""
        children = section.children
        printable = "duties" in self.printable
        numbering = "dash"
        if children:
            numbering = detect_numbering([child.marker for child in children], HEADING_NUMBERINGS)
            printable = printable and bool(numbering)
            printable = printable and all(
                not child.children and all(self._duty_line(block) for block in child.blocks) for child in children
            )
            duties = [
                {
                    "name": child.heading,
                    "description": "\n".join(block.text for block in child.blocks) or False,
                    "party": {"federation": "federation", "units": "units", "both": "units"}.get(child.scope, "other"),
                }
                for child in children
            ]
        else:
            blocks = [block for block in section.blocks if block.marker] or section.blocks
            printable = printable and blocks and all(self._duty_line(block) for block in section.blocks)
            duties = [
                {
                    "name": False,
                    "description": block.text,
                    "party": {"federation": "federation", "units": "units", "both": "units"}.get(block.scope, "other"),
                }
                for block in blocks
            ]
        if printable:
            body = block_lines(section.blocks) if children else ()
            self._add_section(section, "duties", body, item_numbering=numbering)
        else:
            self._keep_verbatim(section)
        self.duties += [dict(duty, sequence=len(self.duties) + n) for n, duty in enumerate(duties, 1)]

    @staticmethod
    def _duty_line(block):
        """Whether the plan prints the paragraph as written in a list of duties ("- " and its text)."""
        return block.marker == "-" and not block.text.startswith("-")

    def _map_reports(self, section):
        """What the units report: each sentence asking a new report prints as that report's wording."""
        blocks = section.blocks
        numbering = None
        firsts = [next((key for key, new in self.block_reports[id(b)] if new), None) for b in blocks]
        if "reports" in self.printable and not section.children and blocks and all(firsts):
            numbering = detect_numbering([block.marker for block in blocks], LIST_NUMBERINGS)
        if not numbering:
            self._keep_verbatim(section)
            return
        self._add_section(section, "reports", item_numbering=numbering)
        for block, key in zip(blocks, firsts, strict=True):
            self.schedules[key]["vals"]["wording"] = block.text

    def _map_unrecognised(self):
        """What the parser could not place, as written, in a section of its own (in the document's language)."""
        texts = [block.text for s in self.parsed.sections if s.kind == "unrecognised" for block in s.blocks]
        if not texts:
            return
        heading = self.env["union.campaign.importer"].with_context(lang=self.lang).env._("NOT RECOGNISED")
        self.unrecognised_heading = heading
        self.sections.append(
            {
                "vals": {
                    "sequence": next(self.section_seq),
                    "name": heading,
                    "level": 1,
                    "numbering": "none",
                    "kind": "unrecognised",
                    "body": "\n".join(texts),
                },
                "marker": "",
                "section": None,
            }
        )

    def _number_sections(self):
        """Print each heading with the document's own number: where the printer's numbering (tools/numbering.py)
        would print another, the heading carries its number itself."""
        body = [entry for entry in self.sections if not entry["vals"].get("is_appendix")]
        numbers = outline_numbers((entry["vals"]["level"], self._prints(entry["vals"])) for entry in body)
        for entry, number in zip(body, numbers, strict=True):
            vals = entry["vals"]
            if number is not None and format_marker(vals["numbering"], number) != entry["marker"]:
                vals["name"] = marked(entry["marker"], vals["name"])
                vals["numbering"] = "none"

    @staticmethod
    def _prints(vals):
        """Whether the printer prints the section of `vals` (it leaves out, unnumbered, a section that prints
        nothing): the import makes a section of records only when it has records to print, so a section prints
        unless it has neither a heading nor a text."""
        return bool(vals["kind"] in (*RECORD_KINDS, "items", "table") or vals["name"] or vals["body"])

    # ------------------------------------------------------------------
    # Periods and items
    # ------------------------------------------------------------------
    def _period_dates(self, period, wording):
        """The dates of a period that the plan accepts (an end before the start, a peak outside: left out)."""
        start, end = period.date_start, period.date_end
        if start and end and end < start:
            self.skipped.append((wording, self._("the end date is before the start date: left empty")))
            end = None
        dates = {"date_start": start or False, "date_end": end or False}
        peak_start, peak_end = period.peak_start, period.peak_end
        if peak_start and peak_end:
            inside = peak_start <= peak_end and (not start or start <= peak_start) and (not end or peak_end <= end)
            if inside:
                dates.update(peak_date_start=peak_start, peak_date_end=peak_end)
            else:
                self.skipped.append((wording, self._("the peak lies outside the period: left empty")))
        return dates

    def _date_rule(self, period, wording, dates):
        if not period.rules:
            return False
        rules = "; ".join(self.importer._get_rule_sentence(rule) for rule in period.rules)
        start = format_admin_date(dates.get("date_start")) or "…"
        end = format_admin_date(dates.get("date_end")) or "…"
        self.dates.append((wording, start, end, rules))
        return self._(
            "“%(wording)s”: %(start)s – %(end)s (%(rules)s)", wording=wording, start=start, end=end, rules=rules
        )

    def _add_year_phase(self):
        """A plan without dated periods: one period, the plan's year (or the span of the dated paragraphs of its
        sections), without a heading."""
        period = self.parsed.period
        # The span of the plan's dated parts has no words in the document: the phase is named in the user's language.
        label = period.label or self._("The whole plan")
        dates = self._period_dates(period, label)
        self.phases.append(
            {
                "vals": {
                    "sequence": next(self.phase_seq),
                    "name": label,
                    "heading_style": "hidden",
                    **dates,
                    "date_rule": self._date_rule(period, label, dates),
                },
                "items": [],
            }
        )

    def _add_phase(self, child, printed):
        """A period of the document: its heading as written, its dates (and the rule that read them), its
        introduction and its items; content the plan cannot print as items is kept as the period's text."""
        period = child.period
        dates = self._period_dates(period, period.label)
        if not (dates["date_start"] or dates["date_end"]):
            return
        label = child.heading.split(":", 1)[0] if child.inline else child.heading
        vals = {
            "sequence": next(self.phase_seq),
            "name": _item_name(period.name or label),
            "heading": child.heading,
            "heading_style": "numbered" if printed else "hidden",
            **dates,
            "date_rule": self._date_rule(period, period.label, dates),
        }
        phase = {"vals": vals, "items": []}
        self.phases.append(phase)
        self.period_phases[id(child)] = phase
        if child.inline:
            phase["items"].append(self._item(child.inline, False, phase, inline=True, lead=child.lead))
        simple = _simple_items(child.blocks) if printed and not child.children else None
        if simple:
            description, items, numbering = simple
            vals.update(description="\n".join(description) or False, item_numbering=numbering)
            phase["items"] += [self._item(block, True, phase, sub_blocks=subs) for block, subs in items]
        else:
            if printed:
                vals["description"] = "\n".join(_content_lines(child)) or False
            phase["items"] += [self._item(block, False, phase, sub_blocks=subs) for block, subs in _flat_items(child)]

    def _item(self, block, in_document, phase, *, sub_blocks=(), inline=False, lead=None, dated=False):
        """A content item and its sub-items (`sub_blocks`: (paragraph, its sub-items) pairs), worded as the
        document words it; `dated`: the item carries the time its paragraph starts with ("Trong tháng 11/2025: …"),
        as an item of a content written outside the plan's periods does."""
        self.consumed.add(id(block))
        scope = block.scope or ("federation" if inline and not lead else "units")
        vals = {
            "sequence": next(self.item_seq),
            "name": _item_name(block.text),
            "description": block.text,
            "scope": scope,
            "in_document": in_document,
            "lead_text": lead or block.lead or False,
            "coordinator_text": ", ".join(block.coordinators) or False,
        }
        if block.bullet:
            vals["bullet"] = self._bullet(block)
        phase_vals = phase["vals"]
        start, end = phase_vals.get("date_start"), phase_vals.get("date_end")
        if inline:
            vals.update(date_start=start, date_deadline=end)
        elif (
            dated
            and block.period
            and block.marker
            and self._inside([d for d in (block.period.date_start, block.period.date_end) if d], start, end)
        ):
            period = block.period
            dates = {"date_start": period.date_start or False, "date_end": period.date_end or False}
            vals.update(date_start=dates["date_start"], date_deadline=dates["date_end"], date_text=period.label)
            self._date_rule(period, period.label, dates)
        else:
            deadlines = [r.deadline for r in block.reports if r.deadline]
            if deadlines and self._inside([deadlines[0]], start, end):
                vals["date_deadline"] = deadlines[0]
        item = {
            "vals": vals,
            "targets": self._targets(block, None),
            "subitems": [self._item(sub, in_document, phase, sub_blocks=subs, dated=dated) for sub, subs in sub_blocks],
            "block": block,
        }
        for key, _new in self.block_reports.get(id(block), []):
            if self.schedules[key]["vals"]["kind"] == "dated":
                self.schedules[key]["items"].append(item)
        return item

    @staticmethod
    def _inside(days, start, end):
        """Whether `days` (at least one) lie within `start` – `end` (either may be open)."""
        return bool(days) and all((not start or start <= day) and (not end or day <= end) for day in days)

    def _phase_create_vals(self, phase):
        vals = dict(phase["vals"])
        vals["item_ids"] = [Command.create(item["vals"]) for item in phase["items"]]
        return vals

    # ------------------------------------------------------------------
    # Targets
    # ------------------------------------------------------------------
    def _targets(self, block, wording):
        """The targets a paragraph sets, worded as `wording` (an item's target: as its clause)."""
        out = []
        for n, target in enumerate(block.targets):
            per = "unit" if target.per and UNITS_WORDS.search(target.per) else "total"
            if target.kind == "amount" and per != "unit":
                continue  # a rate ("1.000.000 đồng/suất"), not an amount the units reach
            maximum = {"percent_units": 100, "percent_members": 100, "amount": MAX_AMOUNT}.get(
                target.kind, MAX_QUANTITY
            )
            if not 0 <= target.value <= maximum:
                self.skipped.append((target.text, self._("the target's number is out of bounds")))
                continue
            vals = {
                "name": wording or target.text or block.text,
                "kind": target.kind,
                "value": target.value,
                "uom": target.uom if target.kind in ("quantity", "amount") else False,
                "per": per,
                "date_deadline": target.deadline or False,
            }
            out.append({"vals": vals, "order": (self.block_order.get(id(block), 0), n)})
        return out

    def _add_stray_targets(self, tops):
        """Targets set in paragraphs that are neither items nor the targets section's: targets of the plan. The
        targets section then keeps its wording (the plan would print these targets in it)."""
        stray = []
        for top in tops:
            for section in top.walk():
                for block in filter(None, (section.inline, *section.blocks)):
                    if block.targets and id(block) not in self.consumed:
                        stray += self._targets(block, block.text)
        if not stray:
            return
        self.plan_targets += stray
        section = self.targets_section
        if section:
            parsed = section["section"]
            section["vals"].update(kind="text", body="\n".join(block_lines(parsed.blocks)) or False)
            self.verbatim.append(parsed.heading)

    def _sorted_targets(self, targets):
        """Targets in document order (the items' ones included): their sequence follows the text."""
        everything = targets + [t for phase in self.phases for item in phase["items"] for t in self.item_targets(item)]
        ranks = {id(t): n for n, t in enumerate(sorted(everything, key=lambda t: t["order"]), start=1)}
        for target in everything:
            target["vals"]["sequence"] = ranks[id(target)]
        return sorted(targets, key=lambda t: t["order"])

    @classmethod
    def _with_subitems(cls, item):
        """The item, then its sub-items at every level, in document order."""
        return [item, *(it for sub in item["subitems"] for it in cls._with_subitems(sub))]

    @classmethod
    def item_targets(cls, item):
        return [target for it in cls._with_subitems(item) for target in it["targets"]]
