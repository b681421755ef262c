# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The facts of the plan's sentences: who acts (subject, scope, lead, coordinators), targets, budget lines and the
reports asked; then the facts of the whole tree (:func:`analyse`): each section's kind, each paragraph's facts, and
the plan's period."""

import itertools
import re
from datetime import date, timedelta

from .dates import block_period
from .model import Budget, Period, ReportRequest, Rule, StatedTotal, Target
from .tables import analyse_table, place_items
from .text import clean, fold, is_upper, quoted, sentence_case, split_top, strip_end
from .vocabulary import (
    ACTOR_HEAD_RE,
    ADMIN_WORDS,
    AMOUNT_FACTORS,
    AMOUNT_RE,
    AND_RE,
    BODY_ABBREVIATIONS,
    BOTH_RE,
    BUDGET_HEAD_RE,
    BUDGET_LABEL_RE,
    BUDGET_SOURCE_RE,
    BUDGET_TOTAL_RE,
    CONNECTOR_END_RE,
    COORDINATION_RE,
    DEADLINE_RE,
    DUTY_PREFIX_RE,
    EACH_RE,
    FEDERATION_RE,
    FINAL_REPORT_RE,
    FIRST_MONTH_OF_QUARTER_RE,
    GENERIC_VERBS,
    LEAD_OUT_RE,
    LEAD_RE,
    LEAD_START_RE,
    LIST_SPLIT_RE,
    MADE_OBJECT_RE,
    MEMBERS_RE,
    MONTHLY_RE,
    NOT_REPORT_VERB_AFTER,
    OUTSIDE_TO_RE,
    PER_RE,
    PERCENT_RE,
    QTY_RE,
    QUARTERLY_RE,
    RECUR_WORDS_RE,
    RECURRING_DAY_RE,
    REPORT_LABEL_RE,
    REPORT_VERB_RE,
    TITLE_YEAR_RE,
    TO_START_RE,
    TO_STOP_RE,
    UNITS_RE,
    VERB_WORDS,
    VIA_RE,
)

_PUNCT_STRIP = ',;:.()"“”'


# ---------------------------------------------------------------------------------------------------------------
# Actors
# ---------------------------------------------------------------------------------------------------------------
def _words(text):
    return text.split()


def _verb_at(words, i, anywhere_case=False):
    for verb in VERB_WORDS:
        chunk = [w.strip(_PUNCT_STRIP) for w in words[i : i + len(verb)]]
        if len(chunk) < len(verb):
            continue
        if anywhere_case:
            chunk = [w.lower() for w in chunk]
        if chunk == verb:
            return len(verb)
    return 0


def subject(text):
    """The acting body at the start of a sentence ("Các công đoàn cơ sở rà soát …" → "Các công đoàn cơ sở")."""
    words = _words(text)
    if not words or _verb_at(words, 0, anywhere_case=True):
        return None
    for i in range(1, min(len(words), 16)):
        if _verb_at(words, i):
            found = " ".join(words[:i]).strip(" ,;:")
            return found if ACTOR_HEAD_RE.match(found) else None
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


def actor_scope(actor):
    """Who an acting body is: "federation" (the issuing body: its boards, office…), "units" (the unions below it),
    "both", or None."""
    if not actor:
        return None
    units = bool(UNITS_RE.search(actor))
    federation = bool(FEDERATION_RE.match(actor.strip()))
    if BOTH_RE.search(actor) and federation:
        return "both"
    if federation:
        return "federation"
    if units:
        return "units"
    return None


# ---------------------------------------------------------------------------------------------------------------
# Targets and budget
# ---------------------------------------------------------------------------------------------------------------
def _amount(m):
    num, mult = m.group("num"), (m.group("mult") or "").lower()
    if mult:
        value = float(num.replace(".", "").replace(" ", "").replace(",", ".")) if "," in num else None
        if value is None:
            value = float(num.replace(" ", "")) if num.count(".") == 1 and len(num.split(".")[1]) < 3 else None
        if value is None:
            value = float(re.sub(r"[.,\s]", "", num))
        return round(value * AMOUNT_FACTORS[mult])
    return int(re.sub(r"[.,\s]", "", num))


def targets(text, dates):
    """The targets a paragraph sets, one per number: percentages, quantities, and rates of money per something."""
    out = []
    for clause in split_top(text):
        deadline_m = DEADLINE_RE.search(clause)
        deadline = dates.day(deadline_m.group("d")) if deadline_m else None
        clause_quoted = quoted(clause)
        for m in PERCENT_RE.finditer(clause):
            after = clause[m.end() :]
            of = _noun_phrase(after)
            predicate = after.strip()[len(of) :] if of and after.strip().startswith(of) else after
            if deadline_m:
                predicate = predicate.split(deadline_m.group(0))[0]
            item = quoted(after) or strip_end(predicate) or None
            value = float(m.group("v").replace(",", "."))
            value = int(value) if value.is_integer() else value
            kind = "percent_members" if of and MEMBERS_RE.search(of) else "percent_units"
            out.append(Target(kind, value, uom="%", of=of, deadline=deadline, text=clause, item=item))
        if not AMOUNT_RE.search(clause):
            for m in QTY_RE.finditer(clause):
                value = int(m.group("v").replace(".", ""))
                per_m = EACH_RE.search(clause[: m.start()])
                per = _noun_phrase(per_m.group("per")) if per_m else None
                item = clause_quoted or _quantity_item(clause, m, per_m, per)
                out.append(
                    Target("quantity", value, uom=m.group("u"), per=per, deadline=deadline, text=clause, item=item)
                )
        for m in AMOUNT_RE.finditer(clause):
            per_m = PER_RE.match(clause[m.end() :])
            if per_m:
                out.append(
                    Target("amount", _amount(m), uom="đồng", per=per_m.group("per"), text=clause, item=clause_quoted)
                )
    return out


def _quantity_item(clause, m, per_m, per):
    """What a number counts: the action written before it, else the words after its unit."""
    before = clause[: m.start()]
    if per_m:  # "Mỗi công đoàn cơ sở có ít nhất 01 …": the unit counted per is not the action
        before = before[: per_m.start()] + " " + before[per_m.start("per") + len(per or "") :]
    before = CONNECTOR_END_RE.sub("", before.strip()).strip(" ,")
    tail = CONNECTOR_END_RE.sub("", before.rsplit(",", 1)[-1].strip()).strip(" ,")
    for candidate in (tail, before):
        if len(candidate.split()) >= 2 and candidate.lower() not in GENERIC_VERBS:
            return candidate
    return strip_end(clause[m.start("u") :].split(" được ")[0])


def budget(text):
    """The budget line of a paragraph (its source, its amount, the rest as a note), or None."""
    m = AMOUNT_RE.search(text)
    amount = _amount(m) if m else None
    source, note = None, text
    head = BUDGET_HEAD_RE.match(text)
    label = BUDGET_LABEL_RE.match(text) if m else None
    if head:
        source, note = head.group("src").strip(), head.group("rest")
    elif src := BUDGET_SOURCE_RE.search(text):
        source = src.group("src").strip()
    elif label and AMOUNT_RE.search(label.group("rest")):  # "<what the money is for>: <amount>"
        source, note = strip_end(label.group("label")), label.group("rest")
    if m:
        note = note.replace(m.group(0), " ")
    note = strip_end(clean(note)).strip(" ,:-/") or None
    if source is None and amount is None:
        return None
    return Budget(source=source, amount=amount, note=note)


# ---------------------------------------------------------------------------------------------------------------
# Reports asked
# ---------------------------------------------------------------------------------------------------------------
class Context:
    """What a sentence may leave unsaid: the body in charge of its section, the last report's addressee…"""

    def __init__(self, plan, dates):
        self.plan = plan
        self.dates = dates
        self.lead = None
        self.deadline = None
        self.last_who = None
        self.last_to = None

    @staticmethod
    def outside(to, after_verb):
        """Whether a document is sent outside the union ("gửi thư ngỏ … đến người sử dụng lao động"): no report."""
        sent_to = re.search(r"\b(?:đến|tới|cho)\s+(?:các\s+|toàn\s+thể\s+)?(?P<x>.+)", after_verb)
        return bool(OUTSIDE_TO_RE.match(to) or (sent_to and OUTSIDE_TO_RE.match(sent_to.group("x"))))

    def to_upper_body(self, to):
        """Whether `to` names the issuer's upper body rather than the issuer ("Công đoàn ngành", "LĐLĐ tỉnh" in a
        plan of a grassroots or ward union)."""
        upper, issuer = self.plan.upper_body, self.plan.issuing_body
        return bool(upper) and _shared_words(to, upper) > max(1, _shared_words(to, issuer or ""))

    def issuer_name(self):
        """The issuer as its signature names it ("TM. BAN CHẤP HÀNH" → "Ban Chấp hành"), else its header name."""
        for line in self.plan.signature_lines:
            m = re.match(r"^T\.?\s?M\s*[./]\s*(?P<body>.+)$", line)
            if m:
                return sentence_case(strip_end(m.group("body")))
        return self.plan.issuing_body

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
        if is_upper(best):
            rest_words = [w.lower() if w.lower() in ADMIN_WORDS else w.capitalize() for w in rest_words]
        return " ".join(words[:best_len] + rest_words), " ".join(words[best_len:])


def _expand(text):
    words = []
    for word in fold(text).split():
        words += BODY_ABBREVIATIONS.get(word, word).split()
    return words


def _shared_words(name, body):
    """How many words `name` shares with the start of `body` (short names such as "LĐLĐ" spelled out)."""
    a, b = _expand(name), _expand(body)
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _clean_to(text):
    m = TO_STOP_RE.search(text)
    return strip_end(text[: m.start()] if m else text) or None


def _what(text):
    text = RECUR_WORDS_RE.sub("", text)
    text = strip_end(clean(text))
    return AND_RE.sub(", ", text) or None


def _report_verb(body):
    """The verb asking for a document to be sent (báo cáo, gửi, nộp, trình), not 'chương trình'."""
    for m in REPORT_VERB_RE.finditer(body):
        before = body[: m.start()].split()[-1:] or [""]
        if m.group(1).lower() == "trình" and before[0].lower() in NOT_REPORT_VERB_AFTER:
            continue
        return m
    return None


def _report_when(body, ctx):
    """(recurrence, day, month_in_quarter, deadline written in the sentence)."""
    low = body.lower()
    recurrence = None
    if QUARTERLY_RE.search(low):
        recurrence = "quarterly"
    elif MONTHLY_RE.search(low):
        recurrence = "monthly"
    if not recurrence:
        m = DEADLINE_RE.search(body)
        return None, None, None, ctx.dates.day(m.group("d")) if m else None
    m = RECURRING_DAY_RE.search(body)
    first = FIRST_MONTH_OF_QUARTER_RE.search(low)
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
    m = TO_START_RE.search(after)
    if m:
        what = _what(after[: m.start()])
        to = _clean_to(after[m.end() :])
    if not what and word == "gửi":
        obj = MADE_OBJECT_RE.search(body[: verb.start()])
        what = _what(obj.group("o")) if obj else None
    if to:
        full, rest = ctx.resolve_body(to)
        to = full if full and not rest else to
    return what, to


def reports(text, ctx, section_kind):
    """Report requests of a paragraph, one per clause: who sends what to whom, by when or how often."""
    out = []
    block_subject = subject(text)
    for clause in split_top(text):
        label, body = None, clause
        m = re.match(r"^(?P<label>[^:]{3,60}):\s*(?P<rest>.+)$", clause)
        if m and REPORT_LABEL_RE.search(m.group("label")):
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
        if ctx.outside(to, body[verb.end() :]):
            ctx.plan.account.append(f"not a report (sent outside the union, to {to}): {clause[:70]}")
            continue
        via = VIA_RE.search(body)
        who = subject(body) or block_subject or ctx.lead or (ctx.last_who if section_kind == "reports" else None)
        scope = "units"
        if ctx.to_upper_body(to):  # the issuer's own report to its upper body: no unit sends it
            scope = "federation"
            if actor_scope(who) != "federation":
                who = ctx.issuer_name()
            ctx.plan.account.append(f"the issuer's own report to {to}, not asked of the units: {clause[:60]}")
        if label and not recurrence:
            what = label
        kind = "recurring" if recurrence else "dated"
        if not recurrence and FINAL_REPORT_RE.search(what or ""):
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
                scope=scope,
            )
        )
        ctx.last_who, ctx.last_to = who, to
    return out


# ---------------------------------------------------------------------------------------------------------------
# The facts of the tree
# ---------------------------------------------------------------------------------------------------------------
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


def analyse(plan, dates):
    """Give each top section its kind (and its sub-sections), each paragraph its facts, and the plan its period;
    note what was found in the plan's account."""
    ctx = Context(plan, dates)
    for section in plan.sections:
        if section.kind == "unrecognised":
            continue
        section.kind = _classify(section)
        for child in section.walk():
            child.kind = section.kind
        ctx.lead = ctx.deadline = None
        ctx.last_who = ctx.last_to = None
        _analyse_section(section, section, ctx)
        if section.kind == "budget":
            _read_budget_totals(section, ctx)
        plan.account.append(f"section {section.number or '-'} '{strip_end(section.heading)}': {section.kind}")
    for appendix in plan.appendices:
        for block in appendix.blocks:
            if block.table:
                _analyse_table(block, ctx)
            else:
                block.period = block_period(block.text, dates.ref)
    _plan_period(plan)
    place_items(plan)
    for section in plan.walk():
        if section.period and section.period.rule:
            plan.account.append(f"period '{section.period.label}': {section.period.rule}")


def _classify(section):
    hint = getattr(section, "hint", "custom")
    if hint == "slogans":
        return hint
    numbered = [c for c in section.children if c.style in ("arabic", "letter")]
    with_period = [c for c in numbered if c.period]
    if with_period and len(with_period) * 2 >= len(numbered) and hint not in ("duties",):
        return "periods"
    return hint


def _analyse_section(section, top, ctx):
    saved = (ctx.lead, ctx.deadline)
    if section.level > 1 and top.kind == "duties":
        heading = strip_end(section.heading)
        lead, _sep, units = heading.partition(":")
        lead = DUTY_PREFIX_RE.sub("", lead.strip())
        lead = subject(lead) or lead
        section.lead = lead
        section.scope = actor_scope(lead)
        if units and UNITS_RE.search(lead) and not section.inline:
            section.units = [strip_end(u) for u in LIST_SPLIT_RE.split(units.strip()) if strip_end(u)]
        ctx.lead = lead
    if section.period:
        ctx.deadline = section.period.date_end
    if section.inline:
        _analyse_block(section.inline, top, ctx, inline=True)
        if section.inline.lead is None:
            section.inline.lead = subject(section.inline.text)
        section.lead = section.lead or section.inline.lead
    for block in section.blocks:
        _analyse_block(block, top, ctx)
    for child in section.children:
        _analyse_section(child, top, ctx)
    ctx.lead, ctx.deadline = saved


def stated_total(text):
    """The total a budget lead states ("…, tổng dự toán 450.000.000 đồng, cụ thể:"), or None."""
    for m in AMOUNT_RE.finditer(text):
        if BUDGET_TOTAL_RE.search(text[: m.start()]):
            return _amount(m)
    return None


def _read_budget_totals(top, ctx):
    """The totals a budget section states, each checked against the lines it covers: a lead's ("1. Kinh phí …, tổng
    dự toán 450.000.000 đồng, cụ thể:" over "-" lines, as a heading or a paragraph) its lines below it; a total line
    ("Tổng kinh phí: 570.000.000 đồng.") every other line of the section. A paragraph stating a total is no budget
    line itself: counted, it would count its lines twice."""
    parts = [(section, [b for b in (section.inline, *section.blocks) if b]) for section in top.walk()]
    totals = []  # (text, total, the lines it covers or None for every line)
    for section, blocks in parts:
        heading_total = stated_total(section.heading) if section.level > 1 else None
        if heading_total is not None and any(b.budget for b in blocks):
            totals.append((section.heading, heading_total, [b for b in blocks if b.budget]))
        for n, block in enumerate(blocks):
            total = stated_total(block.text)
            if total is None:
                if block.budget and not block.budget.amount and LEAD_OUT_RE.search(block.text):
                    block.budget = None  # "Kinh phí … từ nguồn …, cụ thể:": it introduces the lines below it
                continue
            block.budget = None
            totals.append(
                (block.text, total, _lines_below(blocks[n + 1 :]) if LEAD_OUT_RE.search(block.text) else None)
            )
    every = [b for _section, blocks in parts for b in blocks if b.budget]
    for text, total, covered in totals:
        lines = sum(b.budget.amount or 0 for b in (every if covered is None else covered))
        _add_total(ctx.plan, f"budget line '{strip_end(text)[:60]}'", StatedTotal(strip_end(text), total, lines))


def _lines_below(blocks):
    """The budget lines right below a lead, marked alike ("-" lines; "a)", "b)"), not the next "2." line."""
    kind = _marker_kind(blocks[0]) if blocks else None
    return list(itertools.takewhile(lambda b: b.budget and b.marker and _marker_kind(b) == kind, blocks))


def _marker_kind(block):
    """How a paragraph is marked, its numbers aside: "-", "+", "x)", "x."."""
    return block.bullet or re.sub(r"\w+", "x", block.marker)


def _add_total(plan, where, checked):
    plan.budget_totals.append(checked)
    verdict = "its lines add up to it" if checked.agrees else f"but its lines add up to {checked.lines:,}"
    plan.account.append(f"{where}: states a total of {checked.total:,}: {verdict}")


def _analyse_table(block, ctx):
    table = block.table
    reason = analyse_table(table, ctx.dates)
    block.targets = [row.target for row in table.rows if row.target]
    where = f"table at paragraph {table.index}"
    if reason:
        ctx.plan.account.append(f"{where} kept as written ({reason}): {' | '.join(table.columns)[:80]}")
    else:
        roles = ", ".join(r for r in table.roles)
        ctx.plan.account.append(f"{where}: {table.kind}, {len(table.data_rows())} rows, columns {roles}")
        for row in table.data_rows():
            if not row.group and not (
                row.target or row.budget or (row.item and (row.item.date_start or row.item.date_end))
            ):
                ctx.plan.account.append(
                    f"{where}: row kept as written (no {table.kind[:-1]} read): {' | '.join(row.cells)[:80]}"
                )
    if table.stated_total is not None:
        lines = sum(row.budget.amount or 0 for row in table.data_rows() if row.budget)
        label = next(cell for cell in table.rows[-1].cells if cell)
        _add_total(ctx.plan, where, StatedTotal(label, table.stated_total, lines))


def _analyse_block(block, top, ctx, inline=False):
    if block.table:
        _analyse_table(block, ctx)
        return
    text = block.text
    kind = top.kind
    if kind == "slogans":
        block.kind = "slogan"
        return
    block.period = block_period(text, ctx.dates.ref)
    if kind == "budget":
        block.budget = budget(text)
    if kind not in ("budget", "rewards"):
        block.targets = targets(text, ctx.dates)
    block.reports = reports(text, ctx, kind)
    lead = LEAD_RE.search(text)
    if lead and ACTOR_HEAD_RE.match(lead.group("s")):
        block.lead = lead.group("s").strip()
    elif LEAD_START_RE.match(text) and ctx.lead:
        block.lead = ctx.lead
    coord = COORDINATION_RE.search(text)
    phrase = _noun_phrase(coord.group("x"), max_words=14) if coord else None
    block.coordinators = [p.strip() for p in phrase.split(", ") if p.strip()] if phrase else []
    via = VIA_RE.search(text)
    block.via = via.group(1).strip() if via else None
    block.scope = actor_scope(subject(text) or block.lead or ctx.lead)
    if not inline:
        block.kind = _block_kind(block, kind)


def _last_date(plan):
    """The last date the plan sets: of its dated paragraphs, the reports and targets they ask, its tables' items."""
    days = []
    for top in plan.sections:
        for section in top.walk():
            for block in filter(None, (section.inline, *section.blocks)):
                if block.period:
                    days += [block.period.date_start, block.period.date_end]
                days += [report.deadline for report in block.reports] + [target.deadline for target in block.targets]
    days += [
        day
        for table in plan.tables()
        for row in table.rows
        if row.item
        for day in (row.item.date_start, row.item.date_end)
    ]
    return max(filter(None, days), default=None)


def _plan_period(plan):
    """The plan's period: from its first dated period to its last, else its year; an open-ended period ends the day
    before the next one starts."""
    periods = [s.period for s in plan.walk() if s.period and s.level > 1]
    if periods:
        starts = [p.date_start or plan.issue_date for p in periods]
        starts = [d for d in starts if d]
        ends = [p.date_end for p in periods if p.date_end]
        plan.period = Period(
            date_start=min(starts) if starts else None,
            date_end=max(ends) if ends else None,
            rules=[Rule("plan_periods")],
            derived="plan_periods",
        )
        for section in plan.sections:
            children = [c for c in section.children if c.period]
            for a, b in itertools.pairwise(children):
                if a.period.date_end is None and b.period.date_start:
                    a.period.date_end = b.period.date_start - timedelta(days=1)
                    a.period.rules.append(Rule("open_end"))
        return
    year = None
    m = TITLE_YEAR_RE.search(plan.title or "")
    if m:
        year = int(m.group(1))
    else:
        # A plan of a few weeks ("chào mừng Ngày Nhà giáo 20/11/2025") names no year: it lasts until its last date.
        last = _last_date(plan)
        if plan.issue_date and last and last >= plan.issue_date:
            plan.period = Period(
                date_start=plan.issue_date,
                date_end=last,
                rules=[Rule("plan_dates", day=last.strftime("%d/%m/%Y"))],
                derived="plan_dates",
            )
            plan.account.append(f"plan period: {plan.period.rule}")
            return
        if plan.issue_date:
            year = plan.issue_date.year
    if year:
        start = plan.issue_date if plan.issue_date and plan.issue_date.year == year else date(year, 1, 1)
        plan.period = Period(
            date_start=start,
            date_end=date(year, 12, 31),
            label=f"năm {year}",
            rules=[Rule("plan_year", year=year)],
            derived="plan_year",
        )
        plan.account.append(f"plan period: {plan.period.rule}")
