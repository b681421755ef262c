# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The facts of a parsed plan in the vocabulary of the sample ``.expected.json`` files (the parser's tests).

``facts(plan)`` reads them from a :class:`plan_parser.ParsedPlan`; ``plan_fixtures.compare_facts`` compares them
with the expected file, as the addon's import tests compare the facts they read back from the records.
"""

import re
from datetime import date

from plan_fixtures import load_tool

pp = load_tool("plan_parser")
_fold, _strip_end, _sentence_case = pp.fold, pp.text.strip_end, pp.text.sentence_case
_last_day, _mkdate = pp.dates.last_day, pp.dates.mkdate


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
    period = plan.period or pp.Period()
    year = (period.date_start or plan.issue_date or date.today()).year
    first = period.date_start or date(year, 1, 1)
    last = period.date_end or date(year, 12, 31)
    out = [(r.deadline, r.who, r.what, r.to, r.scope) for r in dated]
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
            out.append((deadline, report.who, f"{head} {label}", report.to, report.scope))
    out.sort(key=lambda r: r[0] or date.max)
    return [
        {"who": who, "what": what, "to": to, "deadline": _iso(deadline), "scope": scope}
        for deadline, who, what, to, scope in out
    ]


def _item_count(section):
    """Items of a section: its bulleted or numbered paragraphs, those of its sub-sections (not the '+' sub-items);
    a lettered group ("a) Lễ phát động" over "-" lines) is one item, its lines its sub-items."""
    own = sum(1 for b in section.blocks if b.marker and b.marker not in "+*")
    return own + sum(1 if child.style == "letter" else (_item_count(child) or 1) for child in section.children)


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
        content = plan.content_section()
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


def _table_fact(table):
    fact = {"columns": table.columns, "rows": len(table.data_rows()), "kind": table.kind, "roles": table.roles}
    if table.stated_total is not None:
        fact["total"] = table.stated_total
    return fact


def _dated_items(plan, sections):
    """Dated items outside the plan's periods: a table's rows of kind "items", and the paragraphs of the content that
    start with their time ("Trong tháng 11/2025: …")."""
    out = []
    for section in (s for top in sections if top.kind != "periods" for s in top.walk()):
        for block in section.blocks:
            if block.period and block.marker:
                out.append(
                    {
                        "item": block.text,
                        "date_start": _iso(block.period.date_start),
                        "date_end": _iso(block.period.date_end),
                        "lead": block.lead,
                        "coordinators": block.coordinators,
                    }
                )
    for table in plan.tables():
        for row in table.rows:
            if row.item:
                item = row.item
                out.append(
                    {
                        "item": item.content,
                        "date_start": _iso(item.date_start),
                        "date_end": _iso(item.date_end),
                        "lead": item.lead,
                        "coordinators": item.coordinators,
                        "period": item.period_index,
                    }
                )
    return out


def _groups(sections):
    """Lettered groups over bulleted lines: the group's words, its items and sub-items, the bullets as written."""
    return [
        {
            "group": _strip_end(s.heading),
            "items": sum(1 for b in s.blocks if b.bullet and not b.level),
            "sub_items": sum(1 for b in s.blocks if b.bullet and b.level),
            "bullets": "".join(b.bullet or "" for b in s.blocks),
        }
        for top in sections
        for s in top.walk()
        if s.style == "letter" and s.blocks
    ]


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
            {"source": budget.source, "amount": budget.amount, "currency": budget.currency}
            for b in blocks
            for budget in ([b.budget] if b.budget else [r.budget for r in b.table.data_rows()] if b.table else [])
            if budget
        ],
        "budget_totals": [
            {"text": total.text, "stated_total": total.total, "lines_total": total.lines}
            for total in plan.budget_totals
        ],
        "reports": _expand_reports(plan),
        "responsibilities": sum(
            len(s.children) or sum(1 for b in s.blocks if b.marker) or len(s.blocks) for s in duties
        ),
        "slogans": sum(1 for s in sections if s.kind == "slogans" for b in s.blocks if b.kind == "slogan"),
        "recipients": len(plan.recipients),
        "signature": list(plan.signature_lines),
        "signer_name": plan.signer_name,
        "tables": [_table_fact(b.table) for s in sections for section in s.walk() for b in section.blocks if b.table],
        "appendices": [
            {
                "title": appendix.title,
                "rows": sum(len(t.data_rows()) for t in appendix.tables()),
                "tables": [_table_fact(t) for t in appendix.tables()],
            }
            for appendix in plan.appendices
        ],
        "dated_items": _dated_items(plan, sections),
        "groups": _groups(sections),
    }
