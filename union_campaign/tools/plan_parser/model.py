# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the parser returns: a :class:`ParsedPlan` and its parts, the codes of its import errors and of its rules.

Codes, not sentences, cross into the importer: an import error is a :class:`PlanImportError` (a code of
:data:`MESSAGES` and its parameters), a rule that turned words into dates is a :class:`Rule` (a code of
:data:`RULES` and its parameters). The English sentences here are the parser's own (its account, its tests and
scripts); the importer words each code in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .vocabulary import CONTENT_HEADING_RE

# What a plan document may hold, checked before it is parsed (a plan is a few pages; these are generous): a
# 5,000-page PDF or a text of millions of lines is refused in one sentence instead of taking a worker down.
MAX_TEXT_CHARS = 1_000_000
MAX_PARAGRAPHS = 20_000
MAX_PAGES = 300

# English message templates of the import errors; the Odoo importer translates the codes (named placeholders).
MESSAGES = {
    "empty": "The file {filename} contains no text.",
    "too_large": "The file {filename} is too large ({size} bytes); the limit is {limit} bytes.",
    "not_a_plan": "The document does not look like a plan (Kế hoạch): {reason}.",
    "unsupported_format": "Files of type {extension} cannot be imported: use a .txt, .docx or .pdf file.",
    "no_text_layer": "The PDF {filename} has no text layer (a scanned image?): export it again from the word "
    "processor, or recognise its text (OCR) first.",
    "corrupt_docx": "The file {filename} is not a readable Word document (.docx): {detail}.",
    "corrupt_pdf": "The file {filename} is not a readable PDF: {detail}.",
    "bad_encoding": "The text file {filename} is neither UTF-8, UTF-16 nor Windows-1258 (Vietnamese) text.",
    "too_many_pages": "The PDF {filename} has more than {limit} pages.",
    "too_many_paragraphs": "The document {filename} holds more than {limit} paragraphs.",
    "too_many_characters": "The document {filename} holds more than {limit} characters.",
}

# The rules that turn words into dates, in English with their named parameters; the Odoo importer translates the
# codes. "D" stands for a day, "M" for a month, "Q" for a quarter as the document writes them.
RULES = {
    # the end of a span "từ … đến …"
    "year_end": "'đến hết năm' → 31 December",
    "quarter_end": "'đến quý Q' → the last day of the quarter",
    "month_early_end": "'đến đầu tháng M' → the 10th",
    "month_mid_end": "'đến giữa tháng M' → the 15th",
    "month_end": "'đến (hết/cuối) tháng M' → the last day of the month",
    "no_end": "no end date written",
    # the start of a span
    "month_early_start": "'từ đầu tháng M' → the first day of the month",
    "month_mid_start": "'từ giữa tháng M' → the 15th of the month",
    "month_late_start": "'từ cuối tháng M' → the 25th (the last week of the month starts on the 25th)",
    "after_day_start": "'từ sau ngày D' → the day after D",
    "quarter_start": "'từ quý Q' → the first day of the quarter",
    "after_month_start": "'từ sau tháng M' → the first day of the next month",
    "month_start": "'từ tháng M' → the first day of the month",
    # a span written in one phrase
    "deadline": "'trước ngày D' → a deadline: no start date",
    "half_year": "'6 tháng đầu/cuối năm' → January-June / July-December",
    "whole_quarter": "'quý Q' → the whole quarter, its first to its last day",
    "whole_month": "'(trong) tháng M' → the whole month, its first to its last day",
    # a date written without its year: `day` is "dd/mm", `year` the year given to it
    "year_after_issue_date": "year not written: the first {day} after the plan's date ({year})",
    "year_of_issue_date": "year not written: the plan's year ({year})",
    # periods read from the plan's structure
    "open_end": "no end written: the day before the next period starts",
    "plan_periods": "from the first period's start to the last period's end",
    "plan_year": "no dated periods: from the issue date to 31/12/{year} (the year of the plan)",
    "plan_dates": "no dated periods nor year in the title: from the issue date to the last date the plan sets ({day})",
}


class _Params(dict):
    def __missing__(self, key):
        return "{" + key + "}"


class PlanImportError(Exception):
    """An import that cannot go on: ``code`` is a key of :data:`MESSAGES`, ``params`` fill its placeholders."""

    def __init__(self, code, **params):
        if code not in MESSAGES:
            raise ValueError(f"unknown plan import error code {code!r}")
        self.code = code
        self.params = params
        super().__init__(self.message)

    @property
    def message(self):
        return MESSAGES[self.code].format_map(_Params(self.params))


class Rule:
    """A rule that turned words into a date: ``code`` is a key of :data:`RULES`, ``params`` fill its placeholders."""

    __slots__ = ("code", "params")

    def __init__(self, code, **params):
        if code not in RULES:
            raise ValueError(f"unknown date rule code {code!r}")
        self.code = code
        self.params = params

    def __eq__(self, other):
        return isinstance(other, Rule) and (self.code, self.params) == (other.code, other.params)

    def __hash__(self):
        return hash((self.code, tuple(sorted(self.params.items()))))

    def __repr__(self):
        params = "".join(f", {key}={value!r}" for key, value in self.params.items())
        return f"Rule({self.code!r}{params})"

    @property
    def message(self):
        """The rule in English (the parser's account)."""
        return RULES[self.code].format_map(_Params(self.params))


# ---------------------------------------------------------------------------------------------------------------
# Result
# ---------------------------------------------------------------------------------------------------------------
@dataclass
class Period:
    date_start: date | None = None
    date_end: date | None = None
    peak_start: date | None = None
    peak_end: date | None = None
    label: str = ""  # the words the period is read from
    name: str | None = None
    rules: list[Rule] = field(default_factory=list)  # how words became dates, in the order they applied
    # a period no words state: "plan_periods" (the span of the plan's dated periods) or "plan_year" (its year)
    derived: str | None = None

    @property
    def rule(self):
        """The rules in English, "; " between them, or None (the parser's account and tests)."""
        return "; ".join(rule.message for rule in self.rules) or None


@dataclass
class Target:
    kind: str  # quantity | percent_units | percent_members | amount
    value: int | float
    uom: str | None = None
    of: str | None = None
    per: str | None = None
    deadline: date | None = None
    text: str = ""
    item: str | None = None


@dataclass
class Budget:
    source: str | None
    amount: int | None
    note: str | None = None
    currency: str = "VND"


@dataclass
class StatedTotal:
    """A total the budget states ("…, tổng dự toán 450.000.000 đồng, cụ thể:", "Tổng kinh phí: …", a table's
    "Tổng cộng" row), as written, and the sum of the lines it covers: a lead's lines below it, else every budget
    line of its section (a table's: its rows)."""

    text: str
    total: int
    lines: int

    @property
    def agrees(self):
        return self.total == self.lines


@dataclass
class ReportRequest:
    who: str | None = None
    what: str | None = None
    to: str | None = None
    via: str | None = None
    deadline: date | None = None
    recurrence: str | None = None  # monthly | quarterly
    day: int | None = None
    month_in_quarter: str | None = None  # last | first
    kind: str = "dated"  # dated | final | recurring
    text: str = ""
    # "units": asked of the plan's units (or its boards) and sent to the issuer; "federation": the issuer's own
    # report to its upper body ("tổng hợp, báo cáo kết quả về Công đoàn ngành"), which no unit sends
    scope: str = "units"


@dataclass
class LegalBasis:
    verb: str
    text: str
    doc_type: str | None = None
    number: str | None = None
    date: date | None = None
    issuer: str | None = None
    summary: str | None = None
    index: int = -1


# the role of a table's column, read from its heading (see :class:`Table`)
TABLE_ROLES = ("number", "label", "uom", "value", "amount", "dates", "lead", "coordinators", "note", "other")
TABLE_KINDS = ("targets", "budget", "items", "plain")


@dataclass
class TableItem:
    """A dated activity of a table of kind "items": its content, its time as written and as dates, who leads it and
    who works with it. ``period_index`` is the position, in :meth:`ParsedPlan.period_sections`, of the plan's dated
    period that holds the item's dates (None when the plan has none or none holds them)."""

    content: str
    date_start: date | None = None
    date_end: date | None = None
    date_text: str | None = None
    period: Period | None = None  # the period read from date_text, with the rules that made its dates
    lead: str | None = None
    coordinators: list[str] = field(default_factory=list)
    note: str | None = None
    period_index: int | None = None


@dataclass
class TableRow:
    """A body row of a :class:`Table`: its ``cells`` as written, one per column (a row written with fewer cells is
    filled with ""); ``number`` the cell of the "number" column; ``group`` a row that names the group of the rows
    below it (one cell across, or a number with nothing but a label); the facts of the row by the table's kind."""

    cells: list[str]
    number: str | None = None
    index: int = -1  # the source paragraph of the row (as Block.index)
    group: bool = False
    total: bool = False  # the row sums the others up ("Tổng cộng", "Tổng số", "Cộng"): no data of its own
    part: bool = False  # no number under numbered rows ("Trong đó: vận động viên nữ"): a part of the row above
    target: Target | None = None  # kind "targets"
    budget: Budget | None = None  # kind "budget"
    item: TableItem | None = None  # kind "items"


@dataclass
class Table:
    """A table of the document, kept in place as a :class:`Block` of kind "table" (``Block.table``).

    ``columns`` are the header cells as written and ``roles`` one role of :data:`TABLE_ROLES` per column, read from
    the headings: "number" (STT, TT), "label" (Chỉ tiêu, Nội dung, Hoạt động …: what the row is about), "uom" (Đơn
    vị tính, ĐVT), "value" (Mức phấn đấu, Số lượng, Kết quả, a second "Chỉ tiêu"), "amount" (Kinh phí, Số tiền, Dự
    toán, "(đồng)"), "dates" (Thời gian, Thời hạn), "lead" (Đơn vị chủ trì, Đơn vị thực hiện), "coordinators" (Đơn
    vị phối hợp), "note" (Ghi chú), else "other". ``kind`` follows from the roles: "budget" (an amount column),
    "targets" (a value column), "items" (a dates column), else "plain" (kept as written; the account says why).
    ``rows`` are the body rows in source order, the header row not among them; a last row summing them up is
    ``total`` (a budget table's amount in it is its ``stated_total``)."""

    columns: list[str]
    roles: list[str]
    rows: list[TableRow] = field(default_factory=list)
    kind: str = "plain"  # targets | budget | items | plain
    index: int = -1  # the source paragraph of the header row
    stated_total: int | None = None  # the amount of a budget table's "Tổng cộng" row

    def data_rows(self):
        """The rows that are the table's data: its total row ("Tổng cộng") left out."""
        return [row for row in self.rows if not row.total]

    def role(self, name):
        """The index of the first column of role `name`, or None."""
        return self.roles.index(name) if name in self.roles else None


@dataclass
class Block:
    """A paragraph of a section: ``marker`` as written ("-", "+", "1.", "a)" or ""), ``text`` without it, and its
    facts. ``bullet`` is the bullet character of a bulleted item as written ("-", "+", "•" …; None for numbered
    items and paragraphs), so that it prints as written; ``level`` is 1 for a sub-item ("+" under "-"), else 0.
    ``joined`` marks an item written on the same line as the one before it (two dated tasks joined by ";"). A
    table is one block of kind "table": ``table`` holds it, ``text`` is its header row joined by " | "."""

    marker: str
    text: str
    kind: str = "paragraph"
    index: int = -1
    period: Period | None = None
    targets: list[Target] = field(default_factory=list)
    budget: Budget | None = None
    reports: list[ReportRequest] = field(default_factory=list)
    lead: str | None = None
    coordinators: list[str] = field(default_factory=list)
    via: str | None = None
    scope: str | None = None  # federation | units | both
    bullet: str | None = None
    level: int = 0
    joined: bool = False
    table: Table | None = None

    @property
    def report(self):
        return self.reports[0] if self.reports else None


@dataclass
class Section:
    number: str
    style: str  # roman | arabic | letter | dash | none
    level: int
    heading: str
    kind: str = "text"
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    period: Period | None = None
    marker: str = ""
    index: int = -1
    inline: Block | None = None  # facts of the content written on the heading line after a colon
    lead: str | None = None
    scope: str | None = None
    units: list[str] = field(default_factory=list)
    hint: str = field(default="custom", repr=False)  # kind guessed from the heading alone

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def lines(self):
        """Return the section written again line by line: its heading with its marker (a section with neither a
        numbering nor a heading has none), its paragraphs, then its sub-sections."""
        items = []
        _render_section(self, items)
        return [text for _key, text in items]


@dataclass
class Appendix:
    """What follows the signature and the recipients ("PHỤ LỤC", "PHỤ LỤC I" …): its title lines (the "PHỤ LỤC"
    line, then its title and "(Kèm theo …)" lines as written) and its paragraphs, items and tables in order."""

    title_lines: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    index: int = -1

    @property
    def title(self):
        return " ".join(self.title_lines)

    def tables(self):
        return [block.table for block in self.blocks if block.table]


@dataclass
class ParsedPlan:
    upper_body: str | None = None
    issuing_body_lines: list[str] = field(default_factory=list)
    issuing_body: str | None = None
    reference: str | None = None
    issue_place: str | None = None
    issue_date: date | None = None
    doc_kind: str | None = None
    title: str = ""
    legal_bases: list[LegalBasis] = field(default_factory=list)
    introduction: str | None = None
    sections: list[Section] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    recipients_label: str | None = None
    signature_lines: list[str] = field(default_factory=list)
    signature_notes: list[str] = field(default_factory=list)
    signer_name: str | None = None
    period: Period | None = None  # the whole plan's period
    motto_lines: list[str] = field(default_factory=list)
    account: list[str] = field(default_factory=list)
    unrecognised: list[str] = field(default_factory=list)
    appendices: list[Appendix] = field(default_factory=list)
    budget_totals: list[StatedTotal] = field(default_factory=list)  # the totals the budget states, checked
    # source paragraphs (key = (index, cell)) and where each one went, in the order they were placed
    paragraphs: dict = field(default_factory=dict, repr=False)
    claims: list = field(default_factory=list, repr=False)
    _render: list = field(default_factory=list, repr=False)  # (key, text) of header, title, preamble lines
    _closing_render: list = field(default_factory=list, repr=False)  # (key, text) of recipients and signature

    def walk(self):
        for section in self.sections:
            yield from section.walk()

    def period_sections(self):
        """The sections that are the plan's dated periods, in order (``TableItem.period_index`` counts in them)."""
        return [c for s in self.sections if s.kind == "periods" for c in s.children if c.period]

    def tables(self):
        """Every table of the plan, in its sections then in its appendices, in order."""
        out = [b.table for section in self.walk() for b in section.blocks if b.table]
        return out + [table for appendix in self.appendices for table in appendix.tables()]

    def content_section(self):
        """Return the top section whose heading names the plan's content ("NỘI DUNG", "NHIỆM VỤ"), else None: the
        items of a plan without dated periods are there."""
        return next(
            (s for s in self.sections if s.kind != "unrecognised" and CONTENT_HEADING_RE.search(s.heading.upper())),
            None,
        )

    def lines(self):
        """Return the document written again line by line from the tree (for checks and previews)."""
        items = list(self._render)
        for section in self.sections:
            if section.kind != "unrecognised":
                _render_section(section, items)
        if self._closing_render:  # the recipients, then the signature, as printed
            first = min(key[0] for key, _text in self._closing_render)
            items += [((first, 0), text) for _key, text in self._closing_render]
        for section in self.sections:
            if section.kind == "unrecognised":
                for block in section.blocks:
                    key = (block.index, 0)
                    pos = next((i for i, (k, _t) in enumerate(items) if k[0] > key[0]), len(items))
                    items.insert(pos, (key, block.text))
        for appendix in self.appendices:
            items += [((appendix.index, 0), line) for line in appendix.title_lines]
            _render_blocks(appendix.blocks, items)
        return [text for _key, text in items]


def _render_section(section, items):
    if section.style != "none" or section.heading:
        head = f"{section.marker} {section.heading}".strip() if section.marker else section.heading
        items.append(((section.index, 0), head))
    _render_blocks(section.blocks, items)
    for child in section.children:
        _render_section(child, items)


def _render_blocks(blocks, items):
    for block in blocks:
        if block.table:
            table = block.table
            items.append(((block.index, 0), " | ".join(table.columns)))
            items += [((row.index, 0), " | ".join(row.cells)) for row in table.rows]
            continue
        text = f"{block.marker} {block.text}" if block.marker and not block.joined else block.text
        if block.joined and items:
            key, before = items[-1]
            items[-1] = (key, f"{before} {text}")
        else:
            items.append(((block.index, 0), text))
