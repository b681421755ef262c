# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Dates, spans and periods written in words: "từ tháng 11/2020 đến hết 20/01/2021", "quý II/2026", "trước ngày 15/3".

A vague date is mapped by a rule, and the rule is recorded (a :class:`~.model.Rule` code on the period) so that the
plan can say how its dates were read.
"""

import calendar
import re
from datetime import date, timedelta

from .model import Period, Rule
from .text import clean, nfc
from .vocabulary import (
    DAY_RE,
    DEADLINE_RE,
    END_MODIFIERS,
    FROM_RE,
    HALF_RE,
    MONTH_RE,
    PEAK_RE,
    PERIOD_NAME_RE,
    QUARTER_RE,
    RANGE_CUT_RE,
    RANGE_RE,
    ROMAN_QUARTERS,
    START_MODIFIERS,
    TIME_LABEL_RE,
    TIME_START_RE,
    YEAR_RE,
)


def mkdate(year, month, day):
    """The date, or None when it does not exist (or a part is missing)."""
    try:
        return date(year, month, day)
    except (TypeError, ValueError):
        return None


def last_day(year, month):
    return date(year, month, calendar.monthrange(year, month)[1])


def _nums(text):
    return [int(n) for n in re.findall(r"\d+", text)]


def _quarter_of(text):
    m = re.match(r"(IV|I{1,3}|[1-4])", text)
    q = ROMAN_QUARTERS.get(m.group(1)) or int(m.group(1))
    years = re.findall(r"\d{4}", text)
    return q, int(years[0]) if years else None


class Dates:
    """Turn written dates into dates; the year of a date written without one is inferred from the plan's date."""

    def __init__(self, ref):
        self.ref = ref
        self.rules = []

    def rule(self, code, **params):
        rule = Rule(code, **params)
        if rule not in self.rules:
            self.rules.append(rule)

    def year(self, year, month, day, hint=None):
        if year is not None:
            return year
        if hint is not None:
            return hint
        if self.ref is None:
            return None
        candidate = mkdate(self.ref.year, month, min(day, 28) if month == 2 else day)
        if candidate and candidate < self.ref:
            self.rule("year_after_issue_date", day=f"{day:02d}/{month:02d}", year=self.ref.year + 1)
            return self.ref.year + 1
        self.rule("year_of_issue_date", year=self.ref.year)
        return self.ref.year

    def day(self, text, hint=None):
        nums = _nums(text)
        if len(nums) < 2:
            return None
        d, m = nums[0], nums[1]
        y = nums[2] if len(nums) > 2 else None
        return mkdate(self.year(y, m, d, hint), m, d)

    def month(self, text, hint=None):
        nums = _nums(text)
        m = nums[0]
        y = nums[1] if len(nums) > 1 else None
        if not 1 <= m <= 12:
            return None, None
        return self.year(y, m, 1, hint), m


def _range_end(g, dates):
    if g["e_date"]:
        return dates.day(g["e_date"])
    if g["e_year"]:
        dates.rule("year_end")
        return date(int(g["e_year"]), 12, 31)
    if g["e_quarter"]:
        q, y = _quarter_of(g["e_quarter"])
        y = y or (dates.ref.year if dates.ref else None)
        dates.rule("quarter_end")
        return last_day(y, 3 * q) if y else None
    y, mo = dates.month(g["e_mod_month"] or g["e_month"]) if (g["e_mod"] or g["e_month"]) else (None, None)
    if not y:
        return None
    day, rule = END_MODIFIERS.get((g["e_mod"] or "").lower(), (None, "month_end"))
    dates.rule(rule)
    return mkdate(y, mo, day) if day else last_day(y, mo)


def _range_start(g, dates, end):  # noqa: PLR0911 - one return per written form of a start
    hint = end.year if end else None
    if g["s_date"]:
        start = dates.day(g["s_date"], hint)
        if start and end and start > end and not re.search(r"\d{4}", g["s_date"]):
            start = start.replace(year=start.year - 1)
        return start
    if g["s_after_date"]:
        day = dates.day(g["s_after_date"], hint)
        dates.rule("after_day_start")
        return day + timedelta(days=1) if day else None
    if g["s_quarter"]:
        q, y = _quarter_of(g["s_quarter"])
        y = y or hint or (dates.ref.year if dates.ref else None)
        dates.rule("quarter_start")
        return date(y, 3 * q - 2, 1) if y else None
    y, mo = dates.month(g["s_mod_month"] or g["s_after_month"] or g["s_month"], hint)
    if not y:
        return None
    if g["s_mod"]:
        day, rule = START_MODIFIERS[g["s_mod"].lower()]
        dates.rule(rule)
        return mkdate(y, mo, day)
    if g["s_after_month"]:
        dates.rule("after_month_start")
        return last_day(y, mo) + timedelta(days=1)
    dates.rule("month_start")
    return date(y, mo, 1)


def _resolve_range(m, dates):
    """Start and end of a `RANGE_RE` match."""
    g = m.groupdict()
    end = _range_end(g, dates)
    return _range_start(g, dates, end), end


def _span_range(text, dates):
    m = RANGE_RE.search(text)
    if not m:
        return None
    start, end = _resolve_range(m, dates)
    if start and end is None:
        dates.rule("no_end")
    return (start, end) if start or end else None


def _span_deadline(text, dates):
    m = DEADLINE_RE.search(text)
    end = dates.day(m.group("d")) if m else None
    if end:
        dates.rule("deadline")
        return None, end
    return None


def _span_half(text, dates):
    m = HALF_RE.search(text)
    y = (int(m.group("y")) if m.group("y") else (dates.ref.year if dates.ref else None)) if m else None
    if not y:
        return None
    dates.rule("half_year")
    first = m.group("half").lower() == "đầu"
    return (date(y, 1, 1), date(y, 6, 30)) if first else (date(y, 7, 1), date(y, 12, 31))


def _span_quarter(text, dates):
    m = QUARTER_RE.search(text)
    if not m:
        return None
    q, y = _quarter_of(m.group("q"))
    y = y or (dates.ref.year if dates.ref else None)
    if not y:
        return None
    dates.rule("whole_quarter")
    return date(y, 3 * q - 2, 1), last_day(y, 3 * q)


def _span_month(text, dates):
    m = MONTH_RE.search(text)
    y, mo = dates.month(m.group("m")) if m else (None, None)
    if not y:
        return None
    dates.rule("whole_month")
    return date(y, mo, 1), last_day(y, mo)


def _span_day(text, dates):
    m = DAY_RE.search(text)
    day = dates.day(m.group("d")) if m else None
    return (day, day) if day else None


def _span_year(text, _dates):
    m = YEAR_RE.search(text)
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
    dates = Dates(ref)
    peak = None
    main = text
    m = PEAK_RE.search(text)
    if m:
        body = m.group("body")
        span = _parse_span(body if FROM_RE.match(body) else "từ " + body, dates)
        if span:
            peak = span
            main = text[: m.start()] + text[m.end() :]
    span = _parse_span(main, dates)
    if not span and peak:
        span = peak
    if not span:
        return None
    period = Period(date_start=span[0], date_end=span[1], label=clean(text).strip(" .:;,()"))
    if peak:
        period.peak_start, period.peak_end = peak
    period.rules = list(dates.rules)
    return period


def heading_period(heading, ref):  # noqa: PLR0911 - one return per written form of a period heading
    """(period, inline content) of a numbered heading that names a period, else (None, None)."""
    text = heading.strip()
    m = re.match(r"^(?P<pre>.*?)\s*\((?P<par>[^()]*)\)\s*[.:;]?\s*$", text)
    if m and m.group("pre"):
        pre, par = m.group("pre").strip(), m.group("par").strip()
        pre_period = parse_period(pre, ref) if TIME_START_RE.match(pre) else None
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
    if PERIOD_NAME_RE.match(label) and content and TIME_START_RE.match(content):
        # "Đợt 1: từ ngày 01/10/2025 đến ngày 31/3/2026, sơ kết trong tháng 4/2026.": a named period, its dates after
        # the colon (the words after its span, such as its review, stay in its heading)
        period = parse_period(RANGE_CUT_RE.split(content, 1)[0], ref)
        if period is not None:
            period.name = label
            return period, None
    if not TIME_START_RE.match(label):
        return None, None
    period = parse_period(label, ref)
    if period is None:
        return None, None
    return period, content or None


def block_period(text, ref):
    """The period of a paragraph that starts with one ("Trong tháng 5/2026: …", "Thời gian: … ngày 22/5/2027")."""
    m = re.match(r"^(?P<label>[^:]{2,40}):\s*(?P<rest>.+)$", text)
    if not m:
        return None
    if TIME_START_RE.match(m.group("label")):
        return parse_period(m.group("label"), ref)
    if TIME_LABEL_RE.match(m.group("label")):
        return parse_period(m.group("rest"), ref)
    return None
