# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Read a Vietnamese administrative plan ("Kế hoạch") into a tree of sections and a set of facts.

Plain Python, no Odoo: ``parse_plan(text_or_paragraphs)`` returns a :class:`ParsedPlan` (header, legal bases,
introduction, a tree of :class:`Section` holding :class:`Block` paragraphs with their recognised facts, recipients
and signature); ``facts(plan)`` gives the plan's facts in the vocabulary of the sample ``.expected.json`` files.

What is read, in the conventions of Vietnamese administrative documents:

* header: upper body and issuing body (upper-case lines, the issuing body may span lines), the national motto,
  ``Số: 58/KH-LĐLĐ``, ``Gia Lâm, ngày 16 tháng 11 năm 2026``; cells of a header table (" | ", tabs, or columns
  aligned with spaces);
* ``KẾ HOẠCH`` and the title (it may span lines);
* legal bases (``Căn cứ``/``Thực hiện``/``Theo`` …; several in one paragraph separated by ";") and the
  introduction sentence that follows them;
* Roman sections (``I.``), numbered items (``1.``, ``1.1.``), lettered items (``a)``), bullets (``-``, ``+``), table
  rows, bold-only headings (``**…**``), lines broken inside sentences (text copied from a PDF);
* periods, vague dates (mapped by a rule that is recorded as text), targets, budget lines, report requests,
  leading and coordinating bodies, slogans, duties, recipients (``Nơi nhận``) and the signature block.

Every non-empty paragraph of the source lands exactly once in the result: what cannot be placed is kept in a
section of kind ``"unrecognised"`` (and listed in ``ParsedPlan.unrecognised``).
"""

from __future__ import annotations

import calendar
import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

MAX_TEXT_CHARS = 10_000_000

# English message templates of the import errors; the Odoo wizard translates them (named placeholders).
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


# ---------------------------------------------------------------------------------------------------------------
# Result
# ---------------------------------------------------------------------------------------------------------------
@dataclass
class Period:
    date_start: date | None = None
    date_end: date | None = None
    peak_start: date | None = None
    peak_end: date | None = None
    label: str = ""
    name: str | None = None
    rule: str | None = None


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


@dataclass
class Block:
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
    # source paragraphs (key = (index, cell)) and where each one went, in the order they were placed
    paragraphs: dict = field(default_factory=dict, repr=False)
    claims: list = field(default_factory=list, repr=False)
    _render: list = field(default_factory=list, repr=False)  # (key, text) of header, title, preamble lines
    _closing_render: list = field(default_factory=list, repr=False)  # (key, text) of recipients and signature

    def walk(self):
        for section in self.sections:
            yield from section.walk()

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
        return [text for _key, text in items]


def _render_section(section, items):
    if section.style != "none" or section.heading:
        head = f"{section.marker} {section.heading}".strip() if section.marker else section.heading
        items.append(((section.index, 0), head))
    for block in section.blocks:
        items.append(((block.index, 0), f"{block.marker} {block.text}" if block.marker else block.text))
    for child in section.children:
        _render_section(child, items)


# ---------------------------------------------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------------------------------------------
_WS_RE = re.compile(r"\s+")
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u00ad\u2060"), None)


def nfc(text):
    return unicodedata.normalize("NFC", text)


def _clean(text):
    return _WS_RE.sub(" ", text).strip()


def _fold(text):
    return _clean(nfc(text or "")).casefold()


def _is_upper(text):
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _strip_end(text):
    return (text or "").strip().rstrip(" .:;,").strip()


def _ends_terminal(text):
    core = text.rstrip(" \"'”’)»]*")
    return bool(core) and core[-1] in ".:;!?…"


def _first_alpha_lower(text):
    for char in text:
        if char.isalpha():
            return char.islower()
        if not char.isspace() and char not in "\"'“‘(":
            return False
    return False


def _split_top(text, sep=";"):
    """Split on `sep` outside parentheses and quotes."""
    parts, depth, quote, start = [], 0, False, 0
    for i, char in enumerate(text):
        if char in "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char in '"“”':
            quote = not quote if char == '"' else char == "“"
        elif char == sep and depth == 0 and not quote:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _quoted(text):
    m = re.search(r"[\"“]([^\"“”]{2,120})[\"”]", text)
    return m.group(1).strip() if m else None


def _sentence_case(text):
    """'BAN CHẤP HÀNH' → 'Ban Chấp hành' (Vietnamese capitalisation of a body's name)."""
    words = text.lower().split()
    if not words:
        return text
    words[0] = words[0].capitalize()
    if words[0] == "Ban" and len(words) > 1:
        words[1] = words[1].capitalize()
    return " ".join(words)


# ---------------------------------------------------------------------------------------------------------------
# Dates and periods
# ---------------------------------------------------------------------------------------------------------------
_DATE_PAT = (
    r"\d{1,2}\s?/\s?\d{1,2}(?:\s?/\s?\d{4})?(?![\d/])"
    r"|\d{1,2}[.\-]\d{1,2}[.\-]\d{4}(?!\d)"
    r"|\d{1,2}\s+tháng\s+\d{1,2}(?:\s*,?\s*năm\s+\d{4})?"
)
_MONTH_PAT = r"\d{1,2}(?:\s?/\s?\d{4}|\s+năm\s+\d{4})?(?![\d/])"
_QUARTER_PAT = r"(?:IV|I{1,3}|[1-4])(?:\s?/\s?\d{4}|\s+năm\s+\d{4})?(?![\w/])"
_ROMAN_Q = {"I": 1, "II": 2, "III": 3, "IV": 4}

_START_PAT = (
    rf"sau\s+ngày\s+(?P<s_after_date>{_DATE_PAT})"
    rf"|(?:ngày\s+)?(?P<s_date>{_DATE_PAT})"
    rf"|(?P<s_mod>đầu|giữa|cuối)\s+tháng\s+(?P<s_mod_month>{_MONTH_PAT})"
    rf"|sau\s+tháng\s+(?P<s_after_month>{_MONTH_PAT})"
    rf"|tháng\s+(?P<s_month>{_MONTH_PAT})"
    rf"|quý\s+(?P<s_quarter>{_QUARTER_PAT})"
)
_END_PAT = (
    rf"(?:hết\s+)?(?:ngày\s+)?(?P<e_date>{_DATE_PAT})"
    rf"|(?:hết\s+)?(?P<e_mod>đầu|giữa|cuối)\s+tháng\s+(?P<e_mod_month>{_MONTH_PAT})"
    rf"|(?:hết\s+)?tháng\s+(?P<e_month>{_MONTH_PAT})"
    rf"|(?:hết\s+)?quý\s+(?P<e_quarter>{_QUARTER_PAT})"
    rf"|(?:hết\s+)?năm\s+(?P<e_year>\d{{4}})"
)
_RANGE_RE = re.compile(rf"\btừ\s+(?:{_START_PAT})(?:\s*(?:đến|tới|-|–)\s*(?:{_END_PAT}))?", re.I)
_PEAK_RE = re.compile(r"[,;]?\s*cao\s+điểm\s*(?:là\s+|:\s*)?(?P<body>[^();]+)", re.I)
_DEADLINE_RE = re.compile(
    rf"\b(?:trước|chậm\s+nhất(?:\s+là)?|hạn\s+chót|không\s+muộn\s+hơn|muộn\s+nhất)\s+(?:ngày\s+)?(?P<d>{_DATE_PAT})",
    re.I,
)
_HALF_RE = re.compile(r"\b6\s+tháng\s+(?P<half>đầu|cuối)\s+năm(?:\s+(?P<y>\d{4}))?", re.I)
_QUARTER_RE = re.compile(rf"\bquý\s+(?P<q>{_QUARTER_PAT})", re.I)
_MONTH_RE = re.compile(rf"\b(?:trong\s+)?tháng\s+(?P<m>{_MONTH_PAT})", re.I)
_DAY_RE = re.compile(rf"(?:\bngày\s+)?(?<![\d/.\-])(?P<d>{_DATE_PAT})", re.I)
_YEAR_RE = re.compile(r"\bnăm\s+(?P<y>\d{4})\b", re.I)
_TIME_START_RE = re.compile(
    r"^(?:từ|trước|sau|trong|ngày|tháng|quý|cao\s+điểm|đợt|giai\s+đoạn|6\s+tháng|chậm\s+nhất|\d)", re.I
)


def _mkdate(year, month, day):
    try:
        return date(year, month, day)
    except (TypeError, ValueError):
        return None


def _last_day(year, month):
    return date(year, month, calendar.monthrange(year, month)[1])


def _nums(text):
    return [int(n) for n in re.findall(r"\d+", text)]


def _quarter_of(text):
    m = re.match(r"(IV|I{1,3}|[1-4])", text)
    q = _ROMAN_Q.get(m.group(1)) or int(m.group(1))
    years = re.findall(r"\d{4}", text)
    return q, int(years[0]) if years else None


class _Dates:
    """Turn written dates into dates; the year of a date written without one is inferred from the plan's date."""

    def __init__(self, ref):
        self.ref = ref
        self.rules = []

    def rule(self, text):
        if text not in self.rules:
            self.rules.append(text)

    def year(self, year, month, day, hint=None):
        if year is not None:
            return year
        if hint is not None:
            return hint
        if self.ref is None:
            return None
        candidate = _mkdate(self.ref.year, month, min(day, 28) if month == 2 else day)
        if candidate and candidate < self.ref:
            self.rule(f"year not written: the first {day:02d}/{month:02d} after the plan's date ({self.ref.year + 1})")
            return self.ref.year + 1
        self.rule(f"year not written: the plan's year ({self.ref.year})")
        return self.ref.year

    def day(self, text, hint=None):
        nums = _nums(text)
        if len(nums) < 2:
            return None
        d, m = nums[0], nums[1]
        y = nums[2] if len(nums) > 2 else None
        return _mkdate(self.year(y, m, d, hint), m, d)

    def month(self, text, hint=None):
        nums = _nums(text)
        m = nums[0]
        y = nums[1] if len(nums) > 1 else None
        if not 1 <= m <= 12:
            return None, None
        return self.year(y, m, 1, hint), m


_END_MOD = {"đầu": (10, "'đến đầu tháng M' → the 10th"), "giữa": (15, "'đến giữa tháng M' → the 15th")}
_START_MOD = {
    "đầu": (1, "'từ đầu tháng M' → the first day of the month"),
    "giữa": (15, "'từ giữa tháng M' → the 15th of the month"),
    "cuối": (25, "'từ cuối tháng M' → the 25th (the last week of the month starts on the 25th)"),
}


def _range_end(g, dates):
    if g["e_date"]:
        return dates.day(g["e_date"])
    if g["e_year"]:
        dates.rule("'đến hết năm' → 31 December")
        return date(int(g["e_year"]), 12, 31)
    if g["e_quarter"]:
        q, y = _quarter_of(g["e_quarter"])
        y = y or (dates.ref.year if dates.ref else None)
        dates.rule("'đến quý Q' → the last day of the quarter")
        return _last_day(y, 3 * q) if y else None
    y, mo = dates.month(g["e_mod_month"] or g["e_month"]) if (g["e_mod"] or g["e_month"]) else (None, None)
    if not y:
        return None
    day, rule = _END_MOD.get((g["e_mod"] or "").lower(), (None, "'đến (hết/cuối) tháng M' → the last day of the month"))
    dates.rule(rule)
    return _mkdate(y, mo, day) if day else _last_day(y, mo)


def _range_start(g, dates, end):  # noqa: PLR0911 - one return per written form of a start
    hint = end.year if end else None
    if g["s_date"]:
        start = dates.day(g["s_date"], hint)
        if start and end and start > end and not re.search(r"\d{4}", g["s_date"]):
            start = start.replace(year=start.year - 1)
        return start
    if g["s_after_date"]:
        day = dates.day(g["s_after_date"], hint)
        dates.rule("'từ sau ngày D' → the day after D")
        return day + timedelta(days=1) if day else None
    if g["s_quarter"]:
        q, y = _quarter_of(g["s_quarter"])
        y = y or hint or (dates.ref.year if dates.ref else None)
        dates.rule("'từ quý Q' → the first day of the quarter")
        return date(y, 3 * q - 2, 1) if y else None
    y, mo = dates.month(g["s_mod_month"] or g["s_after_month"] or g["s_month"], hint)
    if not y:
        return None
    if g["s_mod"]:
        day, rule = _START_MOD[g["s_mod"].lower()]
        dates.rule(rule)
        return _mkdate(y, mo, day)
    if g["s_after_month"]:
        dates.rule("'từ sau tháng M' → the first day of the next month")
        return _last_day(y, mo) + timedelta(days=1)
    dates.rule("'từ tháng M' → the first day of the month")
    return date(y, mo, 1)


def _resolve_range(m, dates):
    """Start and end of a `_RANGE_RE` match."""
    g = m.groupdict()
    end = _range_end(g, dates)
    return _range_start(g, dates, end), end


def _span_range(text, dates):
    m = _RANGE_RE.search(text)
    if not m:
        return None
    start, end = _resolve_range(m, dates)
    if start and end is None:
        dates.rule("no end date written")
    return (start, end) if start or end else None


def _span_deadline(text, dates):
    m = _DEADLINE_RE.search(text)
    end = dates.day(m.group("d")) if m else None
    if end:
        dates.rule("'trước ngày D' → a deadline: no start date")
        return None, end
    return None


def _span_half(text, dates):
    m = _HALF_RE.search(text)
    y = (int(m.group("y")) if m.group("y") else (dates.ref.year if dates.ref else None)) if m else None
    if not y:
        return None
    dates.rule("'6 tháng đầu/cuối năm' → January-June / July-December")
    first = m.group("half").lower() == "đầu"
    return (date(y, 1, 1), date(y, 6, 30)) if first else (date(y, 7, 1), date(y, 12, 31))


def _span_quarter(text, dates):
    m = _QUARTER_RE.search(text)
    if not m:
        return None
    q, y = _quarter_of(m.group("q"))
    y = y or (dates.ref.year if dates.ref else None)
    if not y:
        return None
    dates.rule("'quý Q' → the whole quarter, its first to its last day")
    return date(y, 3 * q - 2, 1), _last_day(y, 3 * q)


def _span_month(text, dates):
    m = _MONTH_RE.search(text)
    y, mo = dates.month(m.group("m")) if m else (None, None)
    if not y:
        return None
    dates.rule("'(trong) tháng M' → the whole month, its first to its last day")
    return date(y, mo, 1), _last_day(y, mo)


def _span_day(text, dates):
    m = _DAY_RE.search(text)
    day = dates.day(m.group("d")) if m else None
    return (day, day) if day else None


def _span_year(text, _dates):
    m = _YEAR_RE.search(text)
    return (date(int(m.group("y")), 1, 1), date(int(m.group("y")), 12, 31)) if m else None


_SPANS = (_span_range, _span_deadline, _span_half, _span_quarter, _span_month, _span_day)


def _parse_span(text, dates, allow_year=False):
    """(start, end) written in `text`, or None: the first of the written forms that matches."""
    for reader in (*_SPANS, _span_year) if allow_year else _SPANS:
        span = reader(text, dates)
        if span:
            return span
    return None


def parse_period(text, ref=None):
    """Return the :class:`Period` written in `text` ("từ … đến …", "cao điểm …", "quý II/2026" …), or None.

    `ref` is the plan's date: the year of a date written without one is taken from it.
    """
    text = nfc(text or "")
    dates = _Dates(ref)
    peak = None
    main = text
    m = _PEAK_RE.search(text)
    if m:
        body = m.group("body")
        span = _parse_span(body if re.match(r"\s*từ\b", body, re.I) else "từ " + body, dates)
        if span:
            peak = span
            main = text[: m.start()] + text[m.end() :]
    span = _parse_span(main, dates)
    if not span and peak:
        span = peak
    if not span:
        return None
    period = Period(date_start=span[0], date_end=span[1], label=_clean(text).strip(" .:;,()"))
    if peak:
        period.peak_start, period.peak_end = peak
    period.rule = "; ".join(dates.rules) or None
    return period


def _heading_period(heading, ref):
    """(period, inline content) of a numbered heading that names a period, else (None, None)."""
    text = heading.strip()
    m = re.match(r"^(?P<pre>.*?)\s*\((?P<par>[^()]*)\)\s*[.:;]?\s*$", text)
    if m and m.group("pre"):
        pre, par = m.group("pre").strip(), m.group("par").strip()
        pre_period = parse_period(pre, ref) if _TIME_START_RE.match(pre) else None
        par_period = parse_period(par, ref)
        if pre_period and par_period:
            return parse_period(text, ref), None
        if pre_period:
            pre_period.name = par
            return pre_period, None
        if par_period:
            par_period.name = pre.rstrip(" :,")
            return par_period, None
    label, content = text, None
    if ":" in text:
        label, content = (part.strip() for part in text.split(":", 1))
    if not _TIME_START_RE.match(label):
        return None, None
    period = parse_period(label, ref)
    if period is None:
        return None, None
    return period, content or None


# ---------------------------------------------------------------------------------------------------------------
# Actors, targets, budget, reports
# ---------------------------------------------------------------------------------------------------------------
_VERB_LIST = (
    "báo cáo, bảo đảm, bầu, biên tập, biểu dương, bố trí, cập nhật, chăm lo, chỉ đạo, chịu trách nhiệm, "
    "chủ động, chủ trì, chuẩn bị, cử, dự thảo, duy trì, đảm bảo, đăng ký, đăng tải, đạt, đánh giá, đẩy mạnh, "
    "đề nghị, đề xuất, đôn đốc, đưa, được, gửi, giám sát, giới thiệu, góp ý, hoàn thành, hoàn thiện, "
    "hướng dẫn, hưởng ứng, huấn luyện, hỗ trợ, khảo sát, khắc phục, kiểm tra, ký, ký kết, lập, lựa chọn, "
    "nắm, nâng cao, nộp, phát động, phát huy, phản ánh, phối hợp, phổ biến, quán triệt, ra quân, rà soát, "
    "sơ kết, sử dụng, tặng, tập huấn, tập trung, tham dự, tham gia, tham mưu, thành lập, thăm hỏi, theo dõi, "
    "thông tin, thực hiện, tiếp tục, tổ chức, tổng hợp, tổng kết, trang trí, treo, triển khai, trình, "
    "tuyên truyền, vận động, xây dựng, xét, xin, có, cần, phải, sẽ, là, chi, tự, diễn tập, phát hiện, "
    "kịp thời, đối thoại, trao, khám"
)
_VERBS = sorted(set(_VERB_LIST.split(", ")), key=lambda v: -len(v.split()))
_VERB_WORDS = [v.split() for v in _VERBS]
_ACTOR_HEAD_RE = re.compile(
    r"^(?:các\s+|mỗi\s+)?(?:Ban|BCH|BTV|Thường\s+trực|Văn\s+phòng|LĐLĐ|Liên\s+đoàn|Tổng\s+Liên\s+đoàn|công\s+đoàn|"
    r"CĐ|CĐCS|tổ\s+công\s+đoàn|Ủy\s+ban|UBND|Đoàn|Hội|Phòng|Sở|Chủ\s+tịch|Chi\s+bộ|Đảng|người\s+sử\s+dụng|"
    r"doanh\s+nghiệp|cán\s+bộ|đơn\s+vị|Tiểu\s+ban|Trung\s+tâm|cấp\s+công\s+đoàn)\b",
    re.I,
)
_UNITS_RE = re.compile(
    r"\b(?:tổ\s+công\s+đoàn|công\s+đoàn\s+cơ\s+sở|CĐCS|công\s+đoàn\s+bộ\s+phận|cấp\s+công\s+đoàn|công\s+đoàn\s+các\b|"
    r"công\s+đoàn\s+(?:xã|phường|đặc\s+khu)|đơn\s+vị\s+trực\s+thuộc|công\s+đoàn\s+trực\s+thuộc)",
    re.I,
)
_FEDERATION_RE = re.compile(
    r"^(?:Ban\s+(?!Giám\s+đốc)|BCH|BTV|Thường\s+trực|Văn\s+phòng|LĐLĐ|Liên\s+đoàn|Tổng\s+Liên\s+đoàn|Tiểu\s+ban)", re.I
)
_PUNCT_STRIP = ',;:.()"“”'


def _words(text):
    return text.split()


def _verb_at(words, i, anywhere_case=False):
    for verb in _VERB_WORDS:
        chunk = [w.strip(_PUNCT_STRIP) for w in words[i : i + len(verb)]]
        if len(chunk) < len(verb):
            continue
        if anywhere_case:
            chunk = [w.lower() for w in chunk]
        if chunk == verb:
            return len(verb)
    return 0


def _subject(text):
    """The acting body at the start of a sentence ("Các công đoàn cơ sở rà soát …" → "Các công đoàn cơ sở")."""
    words = _words(text)
    if not words or _verb_at(words, 0, anywhere_case=True):
        return None
    for i in range(1, min(len(words), 16)):
        if _verb_at(words, i):
            subject = " ".join(words[:i]).strip(" ,;:")
            return subject if _ACTOR_HEAD_RE.match(subject) else None
        if words[i - 1][-1:] in ",;:.":
            return None
    return None


def _noun_phrase(text, max_words=12):
    """Words up to the first verb or punctuation."""
    out = []
    for i, word in enumerate(_words(text)):
        if i and _verb_at(_words(text), i):
            break
        if i >= max_words:
            break
        bare = word.rstrip(",;:.")
        if word.startswith("("):
            break
        out.append(bare)
        if bare != word:
            break
    return " ".join(out).strip() or None


def _scope(actor):
    if not actor:
        return None
    units = bool(_UNITS_RE.search(actor))
    federation = bool(_FEDERATION_RE.match(actor.strip()))
    if re.search(r"\svà\s+(?:các\s+)?(?:công\s+đoàn|tổ\s+công\s+đoàn|CĐCS)", actor, re.I) and federation:
        return "both"
    if federation:
        return "federation"
    if units:
        return "units"
    return None


_AMOUNT_RE = re.compile(
    r"(?P<num>\d{1,3}(?:[.,\s]\d{3})+|\d+(?:[.,]\d+)?)\s*(?P<mult>tỷ|triệu|nghìn|ngàn)?\s*(?:đồng|đ|VNĐ|VND)(?![\w])",
    re.I,
)
_PER_RE = re.compile(r"^\s*/\s*(?P<per>[^\s,;.()]+)")
_PERCENT_RE = re.compile(r"(?<![\d.,])(?P<v>\d{1,3}(?:[.,]\d+)?)\s?%")
_UOMS = (
    "lượt; công nhân; đoàn viên; người lao động; CNVCLĐ; CNLĐ; NLĐ; người; sáng kiến; công trình; đề tài; "
    "cán bộ; hội viên; suất quà; phần quà; suất; gia đình; cháu; học sinh; buổi; lớp; cuộc; mái ấm; "
    "sản phẩm; tin, bài; tin bài; bài viết; câu hỏi; công đoàn cơ sở"
).split("; ")
_GENERIC_VERBS = {"tổ chức", "thực hiện", "có", "đạt", "tổ chức được", "được"}
_CONNECTOR_END_RE = re.compile(
    r"(?:[\s,]+(?:phấn\s+đấu|có|cho|ít\s+nhất|tối\s+thiểu|tối\s+đa|đạt|được|với|khoảng|trên|gồm))+[\s,]*$|[\s,]+$",
    re.I,
)
_QTY_RE = re.compile(
    r"(?<![\d.,/%])(?P<v>\d{1,3}(?:\.\d{3})+|\d+)\s+(?P<u>"
    + "|".join(re.escape(u) for u in sorted(_UOMS, key=len, reverse=True))
    + r")(?![\w])"
)
_MEMBERS_RE = re.compile(r"đoàn viên|người lao động|NLĐ|CNLĐ|CNVCLĐ|công nhân|lao động|cán bộ|hội viên", re.I)


def _amount(m):
    num, mult = m.group("num"), (m.group("mult") or "").lower()
    if mult:
        value = float(num.replace(".", "").replace(" ", "").replace(",", ".")) if "," in num else None
        if value is None:
            value = float(num.replace(" ", "")) if num.count(".") == 1 and len(num.split(".")[1]) < 3 else None
        if value is None:
            value = float(re.sub(r"[.,\s]", "", num))
        factor = {"tỷ": 10**9, "triệu": 10**6, "nghìn": 10**3, "ngàn": 10**3}[mult]
        return round(value * factor)
    return int(re.sub(r"[.,\s]", "", num))


def _targets(text, dates):
    out = []
    for clause in _split_top(text):
        deadline_m = _DEADLINE_RE.search(clause)
        deadline = dates.day(deadline_m.group("d")) if deadline_m else None
        quoted = _quoted(clause)
        for m in _PERCENT_RE.finditer(clause):
            after = clause[m.end() :]
            of = _noun_phrase(after)
            predicate = after.strip()[len(of) :] if of and after.strip().startswith(of) else after
            if deadline_m:
                predicate = predicate.split(deadline_m.group(0))[0]
            item = _quoted(after) or _strip_end(predicate) or None
            value = float(m.group("v").replace(",", "."))
            value = int(value) if value.is_integer() else value
            kind = "percent_members" if of and _MEMBERS_RE.search(of) else "percent_units"
            out.append(Target(kind, value, uom="%", of=of, deadline=deadline, text=clause, item=item))
        if not _AMOUNT_RE.search(clause):
            for m in _QTY_RE.finditer(clause):
                value = int(m.group("v").replace(".", ""))
                per_m = re.search(r"\bmỗi\s+(?P<per>.+)", clause[: m.start()], re.I)
                per = _noun_phrase(per_m.group("per")) if per_m else None
                item = quoted or _quantity_item(clause, m, per_m, per)
                out.append(
                    Target("quantity", value, uom=m.group("u"), per=per, deadline=deadline, text=clause, item=item)
                )
        for m in _AMOUNT_RE.finditer(clause):
            per_m = _PER_RE.match(clause[m.end() :])
            if per_m:
                out.append(Target("amount", _amount(m), uom="đồng", per=per_m.group("per"), text=clause, item=quoted))
    return out


def _quantity_item(clause, m, per_m, per):
    """What a number counts: the action written before it, else the words after its unit."""
    before = clause[: m.start()]
    if per_m:  # "Mỗi công đoàn cơ sở có ít nhất 01 …": the unit counted per is not the action
        before = before[: per_m.start()] + " " + before[per_m.start("per") + len(per or "") :]
    before = _CONNECTOR_END_RE.sub("", before.strip()).strip(" ,")
    tail = _CONNECTOR_END_RE.sub("", before.rsplit(",", 1)[-1].strip()).strip(" ,")
    for candidate in (tail, before):
        if len(candidate.split()) >= 2 and candidate.lower() not in _GENERIC_VERBS:
            return candidate
    return _strip_end(clause[m.start("u") :].split(" được ")[0])


def _budget(text):
    m = _AMOUNT_RE.search(text)
    amount = _amount(m) if m else None
    source, note = None, text
    head = re.match(r"^\s*Kinh\s+phí\s+(?:từ\s+)?(?P<src>[^:]+?)\s*:\s*(?P<rest>.*)$", text, re.I)
    if head:
        source, note = head.group("src").strip(), head.group("rest")
    else:
        src = re.search(r"(?:từ\s+)?(?P<src>nguồn\s+[^,;.:]+)", text, re.I)
        if src:
            source = src.group("src").strip()
    if m:
        note = note.replace(m.group(0), " ")
    note = _strip_end(_clean(note)).strip(" ,:-/") or None
    if source is None and amount is None:
        return None
    return Budget(source=source, amount=amount, note=note)


_REPORT_VERB_RE = re.compile(r"(?<![\w])(báo\s+cáo|gửi|nộp|trình)(?![\w])", re.I)
_TO_START_RE = re.compile(r"(?<![\w])(?:về|lên|cho|tới|đến)\s+", re.I)
_TO_STOP_RE = re.compile(
    r"\s*(?:\(|,|;|\.(?:\s|$)|$)"
    r"|\s+(?=(?:trước|chậm\s+nhất|(?:hằng|hàng|mỗi)\s+(?:quý|tháng|năm|tuần)|định\s+kỳ|trong|để|theo|qua|đúng|vào)(?![\w]))"
)
_RECUR_WORDS_RE = re.compile(r"\s*\b(?:định\s+kỳ\s+)?(?:hằng|hàng|mỗi)\s+(?:quý|tháng)\b", re.I)


_ADMIN_WORDS = {"tỉnh", "thành", "phố", "huyện", "quận", "thị", "xã", "phường", "đặc", "khu", "các", "và", "của"}


class _Ctx:
    """What a sentence may leave unsaid: the body in charge of its section, the last report's addressee…"""

    def __init__(self, plan, dates):
        self.plan = plan
        self.dates = dates
        self.lead = None
        self.deadline = None
        self.last_who = None
        self.last_to = None

    def known_bodies(self):
        plan = self.plan
        names = [b.issuer for b in plan.legal_bases if b.issuer]
        names += [n for n in (plan.upper_body, plan.issuing_body) if n]
        return names

    def resolve_body(self, text):
        """Split `text` into (known body it starts with, rest); a shortened name is completed from the header."""
        words = text.split()
        best, best_len = None, 0
        for name in self.known_bodies():
            name_words = name.split()
            n = 0
            while n < min(len(words), len(name_words)) and words[n].casefold() == name_words[n].casefold():
                n += 1
            if n >= 2 and n > best_len:
                best, best_len = name, n
        if best is None:
            return None, text
        rest_words = best.split()[best_len:]
        if _is_upper(best):
            rest_words = [w.lower() if w.lower() in _ADMIN_WORDS else w.capitalize() for w in rest_words]
        return " ".join(words[:best_len] + rest_words), " ".join(words[best_len:])


def _clean_to(text):
    m = _TO_STOP_RE.search(text)
    return _strip_end(text[: m.start()] if m else text) or None


def _what(text):
    text = _RECUR_WORDS_RE.sub("", text)
    text = _strip_end(_clean(text))
    return re.sub(r"\s+và\s+", ", ", text) or None


def _report_verb(body):
    """The verb asking for a document to be sent (báo cáo, gửi, nộp, trình), not 'chương trình'."""
    for m in _REPORT_VERB_RE.finditer(body):
        before = body[: m.start()].split()[-1:] or [""]
        if m.group(1).lower() == "trình" and before[0].lower() in ("chương", "quy", "lộ", "công", "tiến"):
            continue
        return m
    return None


def _report_when(body, ctx):
    """(recurrence, day, month_in_quarter, deadline written in the sentence)."""
    low = body.lower()
    recurrence = None
    if re.search(r"\b(?:hằng|hàng|mỗi)\s+quý\b|định\s+kỳ\s+quý", low):
        recurrence = "quarterly"
    elif re.search(r"\b(?:hằng|hàng|mỗi)\s+tháng\b|định\s+kỳ\s+tháng", low):
        recurrence = "monthly"
    if not recurrence:
        m = _DEADLINE_RE.search(body)
        return None, None, None, ctx.dates.day(m.group("d")) if m else None
    m = re.search(r"(?:trước|vào)\s+ngày\s+(\d{1,2})(?!\s*/)", body, re.I)
    first = re.search(r"tháng\s+đầu\s+(?:của\s+)?(?:mỗi\s+)?quý", low)
    month_in_quarter = ("first" if first else "last") if recurrence == "quarterly" else None
    return recurrence, int(m.group(1)) if m else None, month_in_quarter, None


def _report_what_to(body, verb, ctx):
    """(what is sent, to whom) around the verb: 'báo cáo X về Y', 'gửi X về Y', 'lập X gửi về Y', 'trình Y X'."""
    after = body[verb.end() :]
    word = verb.group(1).lower()
    what = to = None
    if word == "trình":
        full, rest = ctx.resolve_body(after.strip())
        if full:
            to, what = full, _what(rest.split(" trước ")[0])
        return what, to
    m = _TO_START_RE.search(after)
    if m:
        what = _what(after[: m.start()])
        to = _clean_to(after[m.end() :])
    if not what and word == "gửi":
        obj = re.search(
            r"(?:lập|tổng\s+hợp|xây\s+dựng|hoàn\s+thiện|chuẩn\s+bị)\s+(?P<o>[^,;]+?)\s*$", body[: verb.start()]
        )
        what = _what(obj.group("o")) if obj else None
    if to:
        full, rest = ctx.resolve_body(to)
        to = full if full and not rest else to
    return what, to


def _reports(text, ctx, section_kind):
    """Report requests of a paragraph, one per clause: who sends what to whom, by when or how often."""
    out = []
    block_subject = _subject(text)
    for clause in _split_top(text):
        label, body = None, clause
        m = re.match(r"^(?P<label>[^:]{3,60}):\s*(?P<rest>.+)$", clause)
        if m and re.search(r"sơ\s+kết|tổng\s+kết|báo\s+cáo|quý|tháng", m.group("label"), re.I):
            label, body = m.group("label").strip(), m.group("rest")
            label = label[0].lower() + label[1:]
        verb = _report_verb(body)
        if verb is None:
            continue
        recurrence, day, month_in_quarter, deadline = _report_when(body, ctx)
        explicit = bool(recurrence or deadline)
        deadline = deadline if explicit else ctx.deadline
        if not (recurrence and day) and not deadline:
            continue
        what, to = _report_what_to(body, verb, ctx)
        if to is None and explicit and section_kind == "reports":
            to = ctx.last_to
        if to is None:
            continue
        via = re.search(r"\(qua\s+([^)]+)\)", body)
        who = _subject(body) or block_subject or ctx.lead or (ctx.last_who if section_kind == "reports" else None)
        if label and not recurrence:
            what = label
        kind = "recurring" if recurrence else "dated"
        if not recurrence and re.search(r"tổng\s+kết", what or "", re.I):
            kind = "final"
        out.append(
            ReportRequest(
                who=who,
                what=what or label,
                to=to,
                via=via.group(1).strip() if via else None,
                deadline=deadline,
                recurrence=recurrence,
                day=day,
                month_in_quarter=month_in_quarter,
                kind=kind,
                text=clause,
            )
        )
        ctx.last_who, ctx.last_to = who, to
    return out


# ---------------------------------------------------------------------------------------------------------------
# Structure
# ---------------------------------------------------------------------------------------------------------------
_ROMAN_RE = re.compile(r"^(?P<num>[IVXL]{1,7})\s*(?P<sep>[.\-–):])\s*(?P<rest>\S.*)$")
_ROMAN_OK_RE = re.compile(r"^(?=[IVXL])(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ARABIC_RE = re.compile(r"^(?P<num>\d{1,2})(?P<sep>[.)])(?:\s+|(?=[^\W\d_]))(?P<rest>\S.*)$")
_SUB_RE = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){1,3})(?P<sep>\.?)(?:\s+|(?=[^\W\d_]))(?P<rest>\S.*)$")
_LETTER_RE = re.compile(r"^(?P<num>[a-zđ])(?P<sep>[).])\s+(?P<rest>\S.*)$")
_DASH_RE = re.compile(r"^(?P<m>[-–—•▪●◦‐‑−])(?![-–—])\s*(?P<rest>\S.*)$")
_PLUS_RE = re.compile(r"^(?P<m>\+)\s*(?P<rest>\S.*)$")
_STAR_RE = re.compile(r"^(?P<m>\*)\s+(?P<rest>\S.*)$")
_DECORATION_RE = re.compile(r"^[\s\-_=.*~–—•]{3,}$")
_RECIPIENTS_RE = re.compile(r"^(?P<label>N[ơo]i\s+nhận\s*:?)\s*(?P<rest>.*)$", re.I)
_SIG_START_RE = re.compile(r"^(?:T\.?\s?M|T/M|K\.?\s?T|Q|T\.?\s?L|TUQ)\s*[./]\s*\S")
_SIG_NOTE_RE = re.compile(r"^\(?\s*(?:đã\s+ký|ký\s+tên|đã\s+ký\s+và\s+đóng\s+dấu|ký,?\s+ghi\s+rõ\s+họ\s+tên)", re.I)
_BASIS_RE = re.compile(r"^(?P<verb>Căn\s+cứ(?:\s+vào)?|Thực\s+hiện(?:\s+theo)?|Theo)\s+(?P<rest>\S.*)$")
_DOC_TYPES = (
    "kế hoạch, hướng dẫn, nghị quyết, chương trình, chỉ thị, công văn, quyết định, thông báo, kết luận, "
    "luật, bộ luật, nghị định, thông tư, điều lệ, quy chế, văn bản, đề án, công điện, chỉ đạo, thông tri, "
    "quy định, kế hoạch liên tịch"
).split(", ")
_DOC_TYPE_RE = re.compile(
    r"^(?P<t>" + "|".join(re.escape(t) for t in sorted(_DOC_TYPES, key=len, reverse=True)) + r")(?![\w])", re.I
)
_INTRO_SUBJECT_RE = re.compile(
    r"^(?:Ban|BCH|BTV|Thường\s+trực|Liên\s+đoàn|LĐLĐ|Công\s+đoàn|CĐ|Tổng\s+Liên\s+đoàn|Đảng|Đoàn|Hội|Ủy\s+ban|"
    r"UBND|Sở|Phòng|Nhằm|Để)\b"
)
_INTRO_KEY_RE = re.compile(r"kế\s+hoạch|như\s+sau|nội\s+dung\s+sau|sau\s*:\s*$", re.I)
_DOC_KIND_RE = re.compile(r"^(?P<kind>KẾ\s+HOẠCH(?:\s+LIÊN\s+TỊCH)?)(?:\s+(?P<rest>\S.*))?$")
_MOTTO_RE = re.compile(r"^(?:CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*[-–]\s*Tự\s+do)", re.I)
_REFERENCE_RE = re.compile(r"^Số\s*[:.]?\s*(?P<ref>\S.*)$")
_PLACE_DATE_RE = re.compile(
    r"^(?P<place>[^,\d]{2,60}?),\s*(?:ngày|Ngày)\s*(?P<d>\d{1,2})?\s*(?:tháng|/)\s*(?P<m>\d{1,2})?\s*(?:năm|/)\s*"
    r"(?P<y>\d{4})"
)
_BODY_HEAD_RE = re.compile(
    r"^(?:TỔNG\s+LIÊN\s+ĐOÀN|LIÊN\s+ĐOÀN|LĐLĐ|CÔNG\s+ĐOÀN|CĐ\s|BAN\s+(?!THƯỜNG\s+VỤ$|CHẤP\s+HÀNH$)|ĐẢNG|ĐOÀN\s|HỘI\s|"
    r"ỦY\s+BAN|UBND|SỞ\s|BỘ\s|TỈNH\s+ỦY|THÀNH\s+ỦY|HUYỆN\s+ỦY|QUẬN\s+ỦY|CHI\s+BỘ|CÔNG\s+TY|TẬP\s+ĐOÀN|TRƯỜNG\s|"
    r"BỆNH\s+VIỆN|NGÂN\s+HÀNG)"
)
# a header line ending so goes on in the next one ("BAN CHẤP HÀNH CÔNG ĐOÀN" / "CÔNG TY CỔ PHẦN …")
_DANGLING_RE = re.compile(
    r"(?:CÔNG\s+ĐOÀN|CÔNG\s+ĐOÀN\s+CƠ\s+SỞ|CÔNG\s+ĐOÀN\s+CÁC|BAN\s+CHẤP\s+HÀNH|BAN\s+THƯỜNG\s+VỤ|"
    r"LIÊN\s+ĐOÀN\s+LAO\s+ĐỘNG|ỦY\s+BAN\s+NHÂN\s+DÂN|ĐẢNG\s+ỦY|CHI\s+BỘ)$"
)
_TITLE_WORDS_RE = re.compile(
    r"CHỦ\s+TỊCH|TRƯỞNG|GIÁM\s+ĐỐC|BÍ\s+THƯ|THƯỜNG\s+VỤ|CHẤP\s+HÀNH|THƯỜNG\s+TRỰC|PHÓ|ỦY\s+VIÊN|^T\.?M|^K\.?T|^T\.?L"
)
_CELL_SPLIT_RE = re.compile(r"(?:^|\s+)\|(?:\s+|$)|\s*\t+\s*| {3,}")
_HAS_CELLS_RE = re.compile(r"(?:^|\s)\|(?:\s|$)|\t|\S {3,}\S")

_KIND_KEYWORDS = [
    ("slogans", ("KHẨU HIỆU",)),
    ("budget", ("KINH PHÍ", "TÀI CHÍNH", "DỰ TOÁN")),
    ("reports", ("BÁO CÁO",)),
    ("duties", ("TỔ CHỨC THỰC HIỆN", "PHÂN CÔNG", "TRÁCH NHIỆM")),
    ("rewards", ("KHEN THƯỞNG",)),
    ("targets", ("CHỈ TIÊU", "MỤC TIÊU")),
    ("forms", ("HÌNH THỨC",)),
    (
        "text",
        (
            "MỤC ĐÍCH",
            "YÊU CẦU",
            "NỘI DUNG",
            "ĐỐI TƯỢNG",
            "NHIỆM VỤ",
            "GIẢI PHÁP",
            "THÀNH PHẦN",
            "ĐỊA ĐIỂM",
            "THỜI GIAN",
            "HOẠT ĐỘNG",
            "CHỦ ĐỀ",
            "QUY MÔ",
            "MỨC",
            "TIẾN ĐỘ",
            "CÁC BƯỚC",
        ),
    ),
]


def _kind_hint(heading):
    up = _clean(heading).upper()
    for kind, words in _KIND_KEYWORDS:
        if any(w in up for w in words):
            return kind
    return "custom"


def _roman_ok(num):
    return bool(_ROMAN_OK_RE.match(num))


def _roman_value(num):
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for a, b in zip(num, num[1:] + " ", strict=True):
        v = values[a]
        total += -v if b != " " and values.get(b, 0) > v else v
    return total


def _item_match(text):
    """(style, number, marker, rest) of a paragraph's leading number or bullet, else None."""
    for style, regex in (("roman", _ROMAN_RE), ("sub", _SUB_RE), ("arabic", _ARABIC_RE), ("letter", _LETTER_RE)):
        m = regex.match(text)
        if m and (style != "roman" or _roman_ok(m.group("num"))):
            return style, m.group("num"), text[: m.start("rest")].strip(), m.group("rest")
    for style, regex in (("dash", _DASH_RE), ("plus", _PLUS_RE), ("star", _STAR_RE)):
        m = regex.match(text)
        if m and not _DECORATION_RE.match(text):
            return style, "", m.group("m"), m.group("rest")
    return None


def _is_sig_line(text):
    text = text.strip()
    if not text or text[0] in "-+•(" or (_item_match(text) and not _SIG_START_RE.match(text)):
        return False
    if _SIG_START_RE.match(text):
        return True
    return _is_upper(text) and len(text.split()) <= 10 and not _ends_terminal(text) and not re.search(r"\d", text)


def _is_name(text):
    text = text.strip().rstrip(".")
    words = text.split()
    if not 2 <= len(words) <= 6 or re.search(r"[\d,;:()/\"“]", text):
        return False
    if not all(w[0].isupper() and w.replace("-", "").isalpha() for w in words):
        return False
    return not _TITLE_WORDS_RE.search(text.upper()) or not _is_upper(text)


@dataclass
class _Line:
    raw: str
    text: str
    bold: bool
    hard: bool


@dataclass
class _Para:
    key: tuple
    text: str
    bold: bool = False


@dataclass
class _Tok:
    para: _Para
    style: str
    number: str = ""
    marker: str = ""
    rest: str = ""
    level: int = 0


def _input_lines(source):
    if isinstance(source, str):
        chunks = [source]
    elif isinstance(source, (list, tuple)):
        chunks = [c for c in source if c is not None]
        if not all(isinstance(c, str) for c in chunks):
            raise TypeError("parse_plan() takes a str or a list of str")
    else:
        raise TypeError("parse_plan() takes a str or a list of str")
    size = sum(len(c) for c in chunks)
    if size > MAX_TEXT_CHARS:
        raise PlanImportError("too_large", filename="", size=size, limit=MAX_TEXT_CHARS)
    lines = []
    hard = True
    for chunk in chunks:
        text = nfc(chunk).translate(_INVISIBLE)
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\f", "\n")
        text = text.replace("\u00a0", " ").replace("\u202f", " ")
        bold_open = False
        if not text.strip():
            hard = True
        for raw in text.split("\n"):
            stripped = raw.strip()
            count = raw.count("**")
            was_open = bold_open
            if count % 2:
                bold_open = not bold_open
            text_raw = raw.replace("**", "")
            if not text_raw.strip():
                hard = True
                continue
            bold = (was_open or stripped.startswith("**")) and (stripped.endswith("**") or bold_open)
            lines.append(_Line(raw=text_raw.rstrip(), text=_clean(text_raw), bold=bold, hard=hard))
            hard = False
    return lines


def _title_goes_on(parts, line, title_bold):
    """Whether `line` is more of the title `parts` (the title ends at the bases, a heading, a blank line …)."""
    text = line.text
    if _BASIS_RE.match(text) or _item_match(text) or _DECORATION_RE.match(text) or _RECIPIENTS_RE.match(text):
        return False
    if not parts:
        return not (text.endswith(":") and len(text) > 80)  # an introduction, no title
    if " ".join(parts).endswith(".") or (text.endswith(":") and len(text) > 60):
        return False
    lower = _first_alpha_lower(text) or text[:1].isdigit()
    if line.hard and not (lower or (title_bold and line.bold)):
        return False
    return not (title_bold and not line.bold and not lower)


def _closing_columns(items):
    """Recipients (left column) and signature (right column) of the closing lines, table cells or not."""
    in_recipients = False
    left, right = [], []
    for i, (para, c, n) in enumerate(items):
        text = para.text
        last = i == len(items) - 1
        if n > 1:
            is_left = c == 0 and not _is_sig_line(text) and not _is_name(text)
        else:
            is_left = bool(
                _RECIPIENTS_RE.match(text)
                or text[:1] in "-+•"
                or (in_recipients and not _is_sig_line(text) and not (last and _is_name(text)))
            )
        (left if is_left else right).append(para)
        if _RECIPIENTS_RE.match(text):
            in_recipients = True
        elif _is_sig_line(text) and n == 1:
            in_recipients = False
    return left, right


def _block_period(text, ref):
    """The period of a paragraph that starts with one ("Trong tháng 5/2026: …", "Thời gian: … ngày 22/5/2027")."""
    m = re.match(r"^(?P<label>[^:]{2,40}):\s*(?P<rest>.+)$", text)
    if not m:
        return None
    if _TIME_START_RE.match(m.group("label")):
        return parse_period(m.group("label"), ref)
    if re.match(r"thời\s+gian", m.group("label"), re.I):
        return parse_period(m.group("rest"), ref)
    return None


_KIND_OF_SECTION = {"duties": "duty", "forms": "form", "rewards": "reward"}


def _block_kind(block, section_kind):
    if section_kind in _KIND_OF_SECTION:
        return _KIND_OF_SECTION[section_kind]
    if section_kind == "budget" and block.budget:
        return "budget"
    if block.reports:
        return "report"
    if any(t.kind != "amount" for t in block.targets):
        return "target"
    if block.period:
        return "period"
    return block.kind


def _cells(raw):
    return [_clean(c) for c in _CELL_SPLIT_RE.split(raw.strip()) if c.strip()]


def _percentile(values, q):
    if not values:
        return 0
    values = sorted(values)
    return values[int(q * (len(values) - 1))]


class _Parser:
    def __init__(self, lines):
        self.lines = lines
        self.plan = ParsedPlan()
        self.plan.paragraphs = {}
        self.seq = 0
        self.unclaimed = {}
        self.dates = None

    # -- bookkeeping ------------------------------------------------------------------------------------------
    def para(self, text, bold=False, cell=None):
        if cell is None or cell == 0:
            self.seq += 1
        key = (self.seq, cell or 0)
        para = _Para(key, text, bold)
        self.plan.paragraphs[key] = text
        self.unclaimed[key] = para
        return para

    def claim(self, para, role):
        if para.key not in self.unclaimed:
            raise AssertionError(f"paragraph {para.key} placed twice ({role})")
        del self.unclaimed[para.key]
        self.plan.claims.append((para.key, role))

    def note(self, text):
        self.plan.account.append(text)

    # -- main -------------------------------------------------------------------------------------------------
    def run(self):
        lines = self.lines
        if not lines:
            raise PlanImportError("empty", filename="")
        k = self.find_doc_kind()
        self.parse_header(lines[:k] if k is not None else [])
        start = self.parse_title(k)
        closing = self.find_closing(start)
        body_paras = self.join_body(lines[start:closing])
        closing_paras = self.split_closing(lines[closing:])
        self.dates = _Dates(self.plan.issue_date)
        tokens = [self.tokenize(p) for p in body_paras]
        first = self.mark_levels(tokens)
        self.parse_preamble(tokens[:first])
        self.build_tree(tokens[first:])
        self.parse_closing(closing_paras)
        self.sweep()
        self.analyse()
        if not self.plan.sections or all(s.kind == "unrecognised" for s in self.plan.sections):
            if k is None:
                raise PlanImportError("not_a_plan", reason="no 'KẾ HOẠCH' line and no numbered sections")
        return self.plan

    def find_doc_kind(self):
        for i, line in enumerate(self.lines[:80]):
            cells = _cells(line.raw)
            if cells and _DOC_KIND_RE.match(cells[0]):
                return i
            if _ROMAN_RE.match(line.text) and _BASIS_RE.match(self.lines[max(0, i - 1)].text or ""):
                break
        # no 'KẾ HOẠCH' line: a plan all the same if it has a plan reference and Roman sections
        has_ref = any(re.search(r"/\s*KH\b", ln.text) and _REFERENCE_RE.match(ln.text) for ln in self.lines[:30])
        has_roman = sum(1 for ln in self.lines if _ROMAN_RE.match(ln.text) and _is_upper(ln.text)) >= 2
        if not (has_ref and has_roman):
            raise PlanImportError("not_a_plan", reason="no 'KẾ HOẠCH' line")
        self.note("no 'KẾ HOẠCH' line: a plan by its reference (…/KH-…) and its numbered sections")
        return None

    # -- header -----------------------------------------------------------------------------------------------
    def parse_header(self, lines):  # noqa: PLR0912 - one branch per kind of header line
        plan = self.plan
        body_lines = []
        left, right, date_item, reference_key = [], [], None, None
        for line in lines:
            cells = _cells(line.raw)
            for c, cell in enumerate(cells):
                para = self.para(cell, line.bold, cell=c)
                column = left
                if _DECORATION_RE.match(cell):
                    self.claim(para, "header.decoration")
                    column = right if c else left
                elif _MOTTO_RE.match(cell):
                    plan.motto_lines.append(cell)
                    self.claim(para, "header.motto")
                    column = right
                elif m := _REFERENCE_RE.match(cell):
                    plan.reference = re.sub(r"\s*([/\-])\s*", r"\1", m.group("ref")).strip(" .")
                    self.claim(para, "header.reference")
                    self.note(f"reference: {plan.reference}")
                    reference_key = para.key
                elif m := _PLACE_DATE_RE.match(cell):
                    plan.issue_place = m.group("place").strip()
                    if m.group("d") and m.group("m"):
                        plan.issue_date = _mkdate(int(m.group("y")), int(m.group("m")), int(m.group("d")))
                    self.claim(para, "header.place_date")
                    self.note(f"issued at {plan.issue_place} on {plan.issue_date}")
                    date_item = (para.key, cell)
                    continue
                elif re.match(r"^V/v\b", cell, re.I):
                    self.claim(para, "header.subject")
                elif _is_upper(cell) and not re.search(r"\d{2,}", cell):
                    body_lines.append((para, cell))
                column.append((para.key, cell))
        if right and left and min(right)[0] < min(left)[0]:  # motto written first: the header line by line
            for key, text in sorted([*left, *right, *([date_item] if date_item else [])]):
                plan._render.append(((key[0], 0), text))
        else:
            self.render_header(left, right, date_item, reference_key)
        bodies = []
        for para, cell in body_lines:
            if not bodies or (_BODY_HEAD_RE.match(cell) and not _DANGLING_RE.search(bodies[-1][-1][1])):
                bodies.append([])
            bodies[-1].append((para, cell))
        if bodies:
            issuing = bodies[-1]
            plan.issuing_body_lines = [cell for _p, cell in issuing]
            plan.issuing_body = " ".join(plan.issuing_body_lines)
            for para, _cell in issuing:
                self.claim(para, "header.issuing_body")
            if len(bodies) > 1:
                plan.upper_body = " ".join(cell for _p, cell in bodies[-2])
                for body in bodies[:-1]:
                    for para, _cell in body:
                        self.claim(para, "header.upper_body")
            self.note(f"issuing body: {plan.issuing_body}; upper body: {plan.upper_body}")
        else:
            self.note("no issuing body in the header")

    def render_header(self, left, right, date_item, reference_key):
        """The header as printed: bodies and number on the left; motto, then place and date on the right."""
        rows = [[key, text, None] for key, text in left]
        for i, (key, text) in enumerate(right):
            if i < len(rows):
                rows[i][2] = text
            else:
                rows.append([key, "", text])
        if date_item:
            ref_row = next((i for i, row in enumerate(rows) if row[0] == reference_key), len(right))
            target = max(ref_row, len(right))
            while len(rows) <= target:
                rows.append([date_item[0], "", None])
            if rows[target][2] is None:
                rows[target][2] = date_item[1]
            else:
                rows.insert(target + 1, [date_item[0], "", date_item[1]])
        for key, text_left, text_right in rows:
            text = f"{text_left}    {text_right}" if text_left and text_right else (text_left or text_right or "")
            self.plan._render.append(((key[0], 0), text))

    def parse_title(self, k):
        plan = self.plan
        lines = self.lines
        if k is None:
            start = 0
            while start < len(lines) and (
                _REFERENCE_RE.match(lines[start].text) or _PLACE_DATE_RE.match(lines[start].text)
            ):
                start += 1
            return start
        cells = _cells(lines[k].raw)
        m = _DOC_KIND_RE.match(cells[0])
        plan.doc_kind = _clean(m.group("kind"))
        kind_para = self.para(plan.doc_kind, lines[k].bold)
        self.claim(kind_para, "doc_kind")
        plan._render.append((kind_para.key, plan.doc_kind))
        parts = [m.group("rest")] if m.group("rest") else []
        parts += cells[1:]
        title_bold = lines[k].bold
        j = k + 1
        while j < len(lines) and _title_goes_on(parts, lines[j], title_bold):
            if not parts:
                title_bold = lines[j].bold
            parts.append(lines[j].text)
            j += 1
        plan.title = _clean(" ".join(parts))
        if parts:
            title_para = self.para(plan.title)
            self.claim(title_para, "title")
            if m.group("rest"):  # "KẾ HOẠCH Tổ chức …" on one line
                plan._render[-1] = (kind_para.key, f"{plan.doc_kind} {plan.title}")
            else:
                plan._render.append((title_para.key, plan.title))
        while j < len(lines) and _DECORATION_RE.match(lines[j].text):
            para = self.para(lines[j].text)
            self.claim(para, "title.decoration")
            plan._render.append((para.key, lines[j].text))
            j += 1
        return j

    # -- closing ----------------------------------------------------------------------------------------------
    def find_closing(self, start):
        lines = self.lines
        c1 = next(
            (i for i in range(start, len(lines)) if _RECIPIENTS_RE.match((_cells(lines[i].raw) or [""])[0])), None
        )
        end = c1 if c1 is not None else len(lines)
        i = end - 1
        c2 = None
        last = _cells(lines[i].raw)[-1:] if i >= start else []
        if last and (_is_name(last[0]) or _is_sig_line(last[0])):
            j = i - 1 if _is_name(last[0]) else i
            titles = 0
            while j >= start and (_is_sig_line(lines[j].text) or _SIG_NOTE_RE.match(lines[j].text)):
                titles += bool(_TITLE_WORDS_RE.search(lines[j].text.upper()))
                j -= 1
            if titles:
                c2 = j + 1
        closing = min(x for x in (c1, c2, len(lines)) if x is not None)
        return closing

    def split_closing(self, lines):
        out = []
        for line in lines:
            cells = _cells(line.raw) if _HAS_CELLS_RE.search(line.raw.strip()) else None
            cells = cells or [line.text]
            out += [(self.para(cell, line.bold, cell=c), c, len(cells)) for c, cell in enumerate(cells)]
        return out

    def parse_closing(self, items):
        left, right = _closing_columns(items)
        self.parse_recipients(left)
        self.parse_signature(right)
        if self.plan.recipients_label:
            self.note(f"recipients: {len(self.plan.recipients)}")
        self.note(f"signature: {' / '.join(self.plan.signature_lines)}; signed by {self.plan.signer_name}")

    def parse_recipients(self, paras):
        plan = self.plan
        for para in paras:
            m = _RECIPIENTS_RE.match(para.text)
            if m and plan.recipients_label is None:
                plan.recipients_label = m.group("label").strip()
                self.claim(para, "recipients.label")
                plan._closing_render.append((para.key, para.text))
                if m.group("rest").strip():
                    plan.recipients.append(_strip_end(re.sub(r"^[-+•]\s*", "", m.group("rest").strip())))
                continue
            item = _strip_end(re.sub(r"^[-+•]\s*", "", para.text))
            if item:
                plan.recipients.append(item)
                self.claim(para, "recipients.item")
                plan._closing_render.append((para.key, para.text))

    def parse_signature(self, paras):
        plan = self.plan
        names = [p for p in paras if _is_name(p.text)] or [
            p
            for p in paras
            if _is_upper(p.text) and not _TITLE_WORDS_RE.search(p.text) and 2 <= len(p.text.split()) <= 5
        ]
        name_para = names[-1] if names else None
        for para in paras:
            if para is name_para:
                plan.signer_name = para.text.strip()
                self.claim(para, "signature.name")
            elif _SIG_NOTE_RE.match(para.text):
                plan.signature_notes.append(para.text)
                self.claim(para, "signature.note")
            elif _is_sig_line(para.text):
                plan.signature_lines.append(para.text)
                self.claim(para, "signature.line")
            else:
                continue
            plan._closing_render.append((para.key, para.text))

    # -- body -------------------------------------------------------------------------------------------------
    def join_body(self, lines):
        widths = [len(ln.text) for ln in lines if " | " not in ln.text]
        full = _percentile(widths, 0.9)
        groups = []
        for line in lines:
            if groups and self.continues(groups[-1][-1], line, full):
                groups[-1].append(line)
            else:
                groups.append([line])
        paras = []
        for group in groups:
            text = " ".join(ln.text for ln in group)
            paras.append(self.para(text, all(ln.bold for ln in group)))
            if len(group) > 1:
                self.note(f"joined {len(group)} lines broken inside a sentence: {text[:60]}…")
        return paras

    @staticmethod
    def continues(prev, line, full):  # noqa: PLR0911 - the rules in order: the first that applies decides
        if line.hard or prev.bold or line.bold:
            return False
        if " | " in prev.text or " | " in line.text:
            return False
        if _item_match(line.text) or _RECIPIENTS_RE.match(line.text) or _SIG_START_RE.match(line.text):
            return False
        if _BASIS_RE.match(line.text):
            return False
        if _first_alpha_lower(line.text) and line.text[0].isalpha():
            return True
        if _ends_terminal(prev.text):
            return False
        if line.text[0].isdigit():
            return True
        m = _ROMAN_RE.match(prev.text)
        if m and _roman_ok(m.group("num")):
            return _is_upper(line.text)
        return len(prev.text) >= 0.75 * full

    def tokenize(self, para):
        match = _item_match(para.text)
        if " | " in para.text:
            return _Tok(para, "table", rest=para.text)
        if match:
            style, number, marker, rest = match
            return _Tok(para, style, number, marker, rest)
        if para.bold and len(para.text) <= 120 and not para.text.endswith("."):
            return _Tok(para, "bold", rest=para.text)
        return _Tok(para, "plain", rest=para.text)

    def mark_levels(self, tokens):  # noqa: PLR0912 - one branch per kind of heading
        """Give heading tokens a level (1 = top); return the index of the first top-level heading."""
        last = 0
        romans = 0
        for tok in tokens:
            if tok.style != "roman":
                continue
            value = _roman_value(tok.number)
            if value == last + 1 or (_is_upper(tok.rest) and value > last) or (tok.para.bold and value > last):
                tok.level, last = 1, value
                romans += 1
            else:
                tok.style = "plain"
                tok.rest = tok.para.text
        if romans:
            mode = "roman"
        elif any(t.style == "bold" for t in tokens):
            mode = "bold"
        elif sum(1 for t in tokens if t.style == "arabic" and _is_upper(t.rest)) >= 2:
            mode = "arabic"
        else:
            mode = "none"
        self.note(f"top-level headings: {mode}")
        top_seen = False
        for tok in tokens:
            if tok.style == "roman":
                top_seen = True
            elif tok.style == "bold":
                tok.level = 1 if mode == "bold" else (2 if top_seen else 0)
                top_seen = top_seen or mode == "bold"
            elif tok.style == "arabic":
                tok.level = 1 if mode == "arabic" and _is_upper(tok.rest) else 2
                top_seen = top_seen or tok.level == 1
            elif tok.style in ("sub", "letter"):
                tok.level = 3
        first = next((i for i, t in enumerate(tokens) if t.level == 1), None)
        if first is None:
            # no headings at all: the paragraphs after the introduction form one section
            first = next((i + 1 for i, t in enumerate(tokens) if t.para.text.endswith(":")), 0)
            first = min(first, len(tokens))
        return first

    # -- preamble ---------------------------------------------------------------------------------------------
    def parse_preamble(self, tokens):
        plan = self.plan
        intro = []
        for tok in tokens:
            para = tok.para
            plan._render.append((para.key, para.text))
            m = _BASIS_RE.match(para.text)
            if m and not intro:
                intro_text = self.parse_bases(para)
                self.claim(para, "legal_bases")
                if intro_text:
                    intro.append(intro_text)
            else:
                intro.append(para.text)
                self.claim(para, "introduction")
        plan.introduction = "\n".join(intro) or None
        self.note(f"legal bases: {len(plan.legal_bases)}")

    def parse_bases(self, para):
        plan = self.plan
        verb = None
        segments = _split_top(para.text)
        for n, segment in enumerate(segments):
            m = _BASIS_RE.match(segment)
            text = segment
            if m:
                verb = _clean(m.group("verb"))
                verb = {"Căn cứ vào": "Căn cứ", "Thực hiện theo": "Thực hiện"}.get(verb, verb)
                text = m.group("rest")
            elif _INTRO_SUBJECT_RE.match(segment) and _INTRO_KEY_RE.search(segment):
                return "; ".join(segments[n:])
            intro = None
            for cm in re.finditer(r",\s+", text):
                rest = text[cm.end() :]
                if _INTRO_SUBJECT_RE.match(rest) and _INTRO_KEY_RE.search(rest):
                    intro = rest
                    text = text[: cm.start()]
                    break
            plan.legal_bases.append(self.basis(verb or "Căn cứ", _strip_end(text), para.key[0]))
            if intro:
                return "; ".join([intro, *segments[n + 1 :]])
        return None

    def basis(self, verb, text, index):
        basis = LegalBasis(verb=verb, text=text, index=index)
        m = _DOC_TYPE_RE.match(text)
        if m:
            basis.doc_type = m.group("t").lower()
        head, _sep, summary = text.partition(" về ")
        basis.summary = summary.strip() or None
        m = re.search(r"\bsố\s*:?\s*(?P<n>\d[\w\-]*(?:\s?/\s?[\w\-.]+)*)", head, re.I)
        if m:
            basis.number = re.sub(r"\s", "", m.group("n")).rstrip(".")
        m = re.search(rf"\bngày\s+(?P<d>{_DATE_PAT})", head, re.I)
        if m:
            basis.date = _Dates(None).day(m.group("d"))
        m = re.search(r"\bcủa\s+(?P<i>.+?)(?=\s+ngày\s+\d|\s+số\s+\d|$)", head)
        if m:
            basis.issuer = _strip_end(m.group("i"))
        return basis

    # -- sections ---------------------------------------------------------------------------------------------
    def build_tree(self, tokens):
        plan = self.plan
        stack = []
        ref = plan.issue_date
        if tokens and tokens[0].level != 1:
            implicit = Section(number="", style="none", level=1, heading="", kind="text")
            implicit.hint = "text"
            plan.sections.append(implicit)
            stack = [implicit]
        for i, tok in enumerate(tokens):
            para = tok.para
            if tok.level == 1:
                style = {"roman": "roman", "arabic": "arabic"}.get(tok.style, "none")
                section = Section(
                    number=tok.number,
                    style=style,
                    level=1,
                    heading=tok.rest,
                    marker=tok.marker,
                    index=para.key[0],
                )
                section.hint = _kind_hint(tok.rest)
                plan.sections.append(section)
                stack = [section]
                self.claim(para, "section")
                continue
            if tok.level in (2, 3) and stack:
                while len(stack) > 1 and stack[-1].level >= tok.level:
                    stack.pop()
                parent = stack[-1]
                top = stack[0]
                # an item after sub-sections of its parent is a section too, so that the tree keeps the source order
                if parent.children or self.is_section(tok, tokens[i + 1 :], top, ref):
                    style = {"arabic": "arabic", "sub": "arabic", "letter": "letter"}.get(tok.style, "none")
                    section = Section(
                        number=tok.number,
                        style=style,
                        level=tok.level,
                        heading=tok.rest,
                        marker=tok.marker,
                        index=para.key[0],
                    )
                    section.hint = top.hint
                    period, content = _heading_period(tok.rest, ref)
                    if period:
                        section.period = period
                    if content:
                        section.inline = Block(marker="", text=content, kind="period", index=para.key[0])
                    elif not period and not self.is_section(tok, tokens[i + 1 :], top, ref):
                        section.inline = Block(marker="", text=tok.rest, kind="item", index=para.key[0])
                    parent.children.append(section)
                    stack.append(section)
                    self.claim(para, "section")
                    continue
            if not stack:
                continue  # left unclaimed: swept into the unrecognised section
            marker = {"plain": "", "table": "", "bold": ""}.get(tok.style, tok.marker)
            text = tok.rest if marker else para.text
            block = Block(marker=marker, text=text, kind="item" if marker else "paragraph", index=para.key[0])
            if tok.style == "table":
                block.kind = "row"
            stack[-1].blocks.append(block)
            self.claim(para, "block")

    @staticmethod
    def is_section(tok, following, top, ref):
        if tok.style == "bold":
            return True
        if top.hint == "slogans":
            return False
        if tok.style == "arabic" and top.hint == "duties":
            return True
        period, _content = _heading_period(tok.rest, ref)
        if period and top.hint not in ("targets", "budget", "rewards"):
            return True
        if not following:
            return False
        nxt = following[0]
        lower = {"arabic": ("sub", "letter", "dash", "plus", "star", "plain", "table")}
        lower["sub"] = lower["letter"] = ("dash", "plus", "star", "plain", "table")
        return (nxt.level == 0 or nxt.level > tok.level) and nxt.style in lower.get(tok.style, ())

    def sweep(self):
        plan = self.plan
        leftovers = sorted(self.unclaimed.values(), key=lambda p: p.key)
        if not leftovers:
            return
        section = Section(number="", style="none", level=1, heading="", kind="unrecognised")
        for para in leftovers:
            section.blocks.append(Block(marker="", text=para.text, kind="unrecognised", index=para.key[0]))
            plan.unrecognised.append(para.text)
            self.claim(para, "unrecognised")
            plan._render = [(k, t) for k, t in plan._render if k != para.key]
            self.note(f"unrecognised: {para.text[:80]}")
        plan.sections.append(section)

    # -- facts ------------------------------------------------------------------------------------------------
    def analyse(self):
        plan = self.plan
        ctx = _Ctx(plan, self.dates)
        for section in plan.sections:
            if section.kind == "unrecognised":
                continue
            section.kind = self.classify(section)
            for child in section.walk():
                child.kind = section.kind
            ctx.lead = ctx.deadline = None
            ctx.last_who = ctx.last_to = None
            self.analyse_section(section, section, ctx)
            self.note(f"section {section.number or '-'} '{_strip_end(section.heading)}': {section.kind}")
        self.plan_period()
        for section in plan.walk():
            if section.period and section.period.rule:
                self.note(f"period '{section.period.label}': {section.period.rule}")

    @staticmethod
    def classify(section):
        hint = getattr(section, "hint", "custom")
        if hint == "slogans":
            return hint
        numbered = [c for c in section.children if c.style in ("arabic", "letter")]
        with_period = [c for c in numbered if c.period]
        if with_period and len(with_period) * 2 >= len(numbered) and hint not in ("duties",):
            return "periods"
        return hint

    def analyse_section(self, section, top, ctx):
        saved = (ctx.lead, ctx.deadline)
        if section.level > 1 and top.kind == "duties":
            heading = _strip_end(section.heading)
            lead, _sep, units = heading.partition(":")
            lead = re.sub(r"^Đối\s+với\s+", "", lead.strip(), flags=re.I)
            lead = _subject(lead) or lead
            section.lead = lead
            section.scope = _scope(lead)
            if units and _UNITS_RE.search(lead):
                section.units = [_strip_end(u) for u in re.split(r",\s*|\s+và\s+", units.strip()) if _strip_end(u)]
            ctx.lead = lead
        if section.period:
            ctx.deadline = section.period.date_end
        if section.inline:
            self.analyse_block(section.inline, top, ctx, inline=True)
            if section.inline.lead is None:
                section.inline.lead = _subject(section.inline.text)
            section.lead = section.lead or section.inline.lead
        for block in section.blocks:
            self.analyse_block(block, top, ctx)
        for child in section.children:
            self.analyse_section(child, top, ctx)
        ctx.lead, ctx.deadline = saved

    def analyse_block(self, block, top, ctx, inline=False):
        text = block.text
        kind = top.kind
        if kind == "slogans":
            block.kind = "slogan"
            return
        block.period = _block_period(text, ctx.dates.ref)
        if kind == "budget":
            block.budget = _budget(text)
        if kind not in ("budget", "rewards"):
            block.targets = _targets(text, ctx.dates)
        block.reports = _reports(text, ctx, kind)
        lead = re.search(r"^(?P<s>.+?)\s+chủ\s+trì\b", text)
        if lead and _ACTOR_HEAD_RE.match(lead.group("s")):
            block.lead = lead.group("s").strip()
        elif re.match(r"^Chủ\s+trì\b", text) and ctx.lead:
            block.lead = ctx.lead
        coord = re.search(r"\bphối\s+hợp\s+(?:với|cùng)\s+(?P<x>.+)", text, re.I)
        phrase = _noun_phrase(coord.group("x"), max_words=14) if coord else None
        block.coordinators = [p.strip() for p in phrase.split(", ") if p.strip()] if phrase else []
        via = re.search(r"\(qua\s+([^)]+)\)", text)
        block.via = via.group(1).strip() if via else None
        block.scope = _scope(_subject(text) or block.lead or ctx.lead)
        if not inline:
            block.kind = _block_kind(block, kind)

    def plan_period(self):
        plan = self.plan
        periods = [s.period for s in plan.walk() if s.period and s.level > 1]
        if periods:
            starts = [p.date_start or plan.issue_date for p in periods]
            starts = [d for d in starts if d]
            ends = [p.date_end for p in periods if p.date_end]
            plan.period = Period(
                date_start=min(starts) if starts else None,
                date_end=max(ends) if ends else None,
                label="the plan's periods",
                rule="from the first period's start to the last period's end",
            )
            # an open-ended period ends the day before the next one starts
            for section in plan.sections:
                children = [c for c in section.children if c.period]
                for a, b in itertools.pairwise(children):
                    if a.period.date_end is None and b.period.date_start:
                        a.period.date_end = b.period.date_start - timedelta(days=1)
                        rule = "no end written: the day before the next period starts"
                        a.period.rule = f"{a.period.rule}; {rule}" if a.period.rule else rule
            return
        year = None
        m = re.search(r"\bnăm\s+(\d{4})\b", plan.title or "")
        if m:
            year = int(m.group(1))
        elif plan.issue_date:
            year = plan.issue_date.year
        if year:
            start = plan.issue_date if plan.issue_date and plan.issue_date.year == year else date(year, 1, 1)
            plan.period = Period(
                date_start=start,
                date_end=date(year, 12, 31),
                label=f"năm {year}",
                rule=f"no dated periods: from the issue date to 31/12/{year} (the year of the plan)",
            )
            self.note(f"plan period: {plan.period.rule}")


def parse_plan(text_or_paragraphs):
    """Parse a plan given as one text or as a list of paragraphs (from :func:`plan_extract.extract_paragraphs`).

    Text and list are read alike, line by line (a list item may hold line breaks); a blank line or an empty item
    ends a paragraph, and a line that does not end a sentence or clause is joined with the next one when that one
    goes on with it (starts in lower case, or the line fills a typical line's width) and starts no numbered or
    bulleted item, heading, recipients or signature block. Raises :class:`PlanImportError` ("empty", "too_large",
    "not_a_plan").
    """
    lines = _input_lines(text_or_paragraphs)
    if not lines:
        raise PlanImportError("empty", filename="")
    return _Parser(lines).run()


# ---------------------------------------------------------------------------------------------------------------
# Facts in the vocabulary of the .expected.json files
# ---------------------------------------------------------------------------------------------------------------
def _iso(day):
    return day.isoformat() if day else None


def _all_reports(plan):
    out = []
    for section in plan.walk():
        if section.kind == "unrecognised":
            continue
        if section.inline:
            out += section.inline.reports
        for block in section.blocks:
            out += block.reports
    return out


def _expand_reports(plan):
    """Dated report requests of the plan, recurring ones unrolled over the plan's period.

    A recurring (quarterly or monthly) report is not asked for in a quarter or month that already holds a dated
    review report (sơ kết / tổng kết) of the same plan for the same addressee.
    """
    seen, dated, recurring = set(), [], []
    everything = _all_reports(plan)
    reviews = [
        r
        for r in everything
        if r.deadline and not r.recurrence and re.search(r"sơ\s+kết|tổng\s+kết", f"{r.what} {r.text}", re.I)
    ]
    for report in everything:
        key = (_fold(report.who), _fold(report.to), report.deadline, report.recurrence)
        if key in seen:
            continue
        seen.add(key)
        (recurring if report.recurrence else dated).append(report)
    period = plan.period or Period()
    year = (period.date_start or plan.issue_date or date.today()).year
    first = period.date_start or date(year, 1, 1)
    last = period.date_end or date(year, 12, 31)
    out = [(r.deadline, r.who, r.what, r.to) for r in dated]
    for report in recurring:
        slots = []
        if report.recurrence == "quarterly":
            for q in range(1, 5):
                month = 3 * q if report.month_in_quarter != "first" else 3 * q - 2
                slots.append(
                    (
                        f"quý {'I II III IV'.split()[q - 1]}",
                        date(year, 3 * q - 2, 1),
                        _last_day(year, 3 * q),
                        _mkdate(year, month, report.day),
                    )
                )
        else:
            for month in range(1, 13):
                slots.append(
                    (f"tháng {month}", date(year, month, 1), _last_day(year, month), _mkdate(year, month, report.day))
                )
        head = "kết quả" if (report.what or "").lower().startswith("kết quả") else (report.what or "báo cáo")
        for label, lo, hi, deadline in slots:
            if deadline is None or deadline < first or deadline > last:
                continue
            if any(lo <= r.deadline <= hi and _fold(r.to) == _fold(report.to) for r in reviews):
                continue
            out.append((deadline, report.who, f"{head} {label}", report.to))
    out.sort(key=lambda r: r[0] or date.max)
    return [{"who": who, "what": what, "to": to, "deadline": _iso(deadline)} for deadline, who, what, to in out]


def _item_count(section):
    """Items of a section: its bulleted or numbered paragraphs, those of its sub-sections (not the '+' sub-items)."""
    own = sum(1 for b in section.blocks if b.marker and b.marker not in "+*")
    return own + sum(_item_count(child) or 1 for child in section.children)


def _facts_periods(plan, sections):
    """Periods (with their item counts) and steps (periods whose content is on the heading line)."""
    periods, steps = [], []
    default = next(
        (
            _sentence_case(_strip_end(line.split(".", 1)[1]))
            for line in plan.signature_lines
            if re.match(r"^T\.?M\.", line)
        ),
        plan.issuing_body,
    )
    for child in (c for s in sections if s.kind == "periods" for c in s.children if c.period):
        p = child.period
        entry = {"date_start": _iso(p.date_start), "date_end": _iso(p.date_end), "items": _item_count(child)}
        if p.peak_start or p.peak_end:
            entry.update(peak_start=_iso(p.peak_start), peak_end=_iso(p.peak_end))
        periods.append(entry)
        if child.inline:
            steps.append({"date_start": _iso(p.date_start), "date_end": _iso(p.date_end), "by": child.lead or default})
    if not periods and plan.period:
        content = next((s for s in sections if re.search("NỘI DUNG|NHIỆM VỤ", s.heading.upper())), None)
        periods.append(
            {
                "date_start": _iso(plan.period.date_start),
                "date_end": _iso(plan.period.date_end),
                "items": _item_count(content) if content else 0,
            }
        )
    return periods, steps


def _target_fact(target):
    entry = {"item": target.item}
    if target.kind == "quantity":
        entry.update(qty=target.value, uom=target.uom)
    else:
        entry.update(percent=target.value, of=target.of)
    if target.per:
        entry["per"] = target.per
    if target.deadline:
        entry["deadline"] = _iso(target.deadline)
    return entry


def facts(plan):
    """The plan's facts in the vocabulary of the sample ``.expected.json`` files."""
    sections = [s for s in plan.sections if s.kind != "unrecognised"]
    blocks = [b for s in sections for section in s.walk() for b in [section.inline, *section.blocks] if b]
    periods, steps = _facts_periods(plan, sections)
    duties = [s for s in sections if s.kind == "duties"]
    return {
        "reference": plan.reference,
        "upper_body": plan.upper_body,
        "issuing_body": plan.issuing_body,
        "issue_place": plan.issue_place,
        "issue_date": _iso(plan.issue_date),
        "title": _strip_end(plan.title) if plan.title.endswith(".") else plan.title,
        "legal_bases": [
            {"verb": b.verb, "number": b.number, "date": _iso(b.date), "issuer": b.issuer} for b in plan.legal_bases
        ],
        "sections": [f"{s.number}. {_strip_end(s.heading)}" if s.number else _strip_end(s.heading) for s in sections],
        "periods": periods,
        "steps": steps,
        "units": [u for s in plan.walk() for u in s.units],
        "targets": [_target_fact(t) for b in blocks for t in b.targets if t.kind != "amount"],
        "budget_lines": [
            {"source": b.budget.source, "amount": b.budget.amount, "currency": b.budget.currency}
            for b in blocks
            if b.budget
        ],
        "reports": _expand_reports(plan),
        "responsibilities": sum(
            len(s.children) or sum(1 for b in s.blocks if b.marker) or len(s.blocks) for s in duties
        ),
        "slogans": sum(1 for s in sections if s.kind == "slogans" for b in s.blocks if b.kind == "slogan"),
        "recipients": len(plan.recipients),
        "signature": list(plan.signature_lines),
        "signer_name": plan.signer_name,
    }
