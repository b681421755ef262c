# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The structure of a plan: lines and paragraphs read into a header, a title, legal bases and an introduction, a tree
of sections, recipients and a signature, each source paragraph placed exactly once; then the facts of the tree
(:func:`.clauses.analyse`)."""

from __future__ import annotations

import re

from .clauses import analyse
from .dates import Dates, block_period, heading_period, mkdate
from .model import Appendix, Block, LegalBasis, ParsedPlan, PlanImportError, Section
from .source import Para, Token, cell_text, group_tables, input_lines, mark_table_rows, percentile, split_cells
from .tables import build_table, row_cells
from .text import clean, ends_terminal, first_alpha_lower, is_upper, split_top, strip_end
from .vocabulary import (
    AMOUNT_RE,
    APPENDIX_RE,
    ARABIC_RE,
    BASIS_DATE_RE,
    BASIS_ISSUER_RE,
    BASIS_NUMBER_RE,
    BASIS_RE,
    BASIS_VERBS,
    BODY_HEAD_RE,
    DANGLING_RE,
    DASH_RE,
    DECORATION_RE,
    DOC_KIND_RE,
    DOC_TYPE_RE,
    HAS_CELLS_RE,
    INTRO_KEY_RE,
    INTRO_SUBJECT_RE,
    KIND_KEYWORDS,
    LEAD_OUT_RE,
    LETTER_RE,
    MOTTO_RE,
    PLACE_DATE_RE,
    PLAN_SYMBOL_RE,
    PLUS_RE,
    RECIPIENTS_RE,
    REFERENCE_RE,
    ROMAN_OK_RE,
    ROMAN_RE,
    SELF_BASIS_RE,
    SIG_NOTE_RE,
    SIG_START_RE,
    STAR_RE,
    SUB_RE,
    SUBJECT_LINE_RE,
    TITLE_WORDS_RE,
)


def _kind_hint(heading):
    up = clean(heading).upper()
    for kind, words in KIND_KEYWORDS:
        if any(w in up for w in words):
            return kind
    return "custom"


def _roman_ok(num):
    return bool(ROMAN_OK_RE.match(num))


def _roman_value(num):
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for a, b in zip(num, num[1:] + " ", strict=True):
        v = values[a]
        total += -v if b != " " and values.get(b, 0) > v else v
    return total


def _item_match(text):
    """(style, number, marker, rest) of a paragraph's leading number or bullet, else None."""
    for style, regex in (("roman", ROMAN_RE), ("sub", SUB_RE), ("arabic", ARABIC_RE), ("letter", LETTER_RE)):
        m = regex.match(text)
        if m and (style != "roman" or _roman_ok(m.group("num"))):
            return style, m.group("num"), text[: m.start("rest")].strip(), m.group("rest")
    for style, regex in (("dash", DASH_RE), ("plus", PLUS_RE), ("star", STAR_RE)):
        m = regex.match(text)
        if m and not DECORATION_RE.match(text):
            return style, "", m.group("m"), m.group("rest")
    return None


def _is_sig_line(text):
    text = text.strip()
    if not text or text[0] in "-+•(" or (_item_match(text) and not SIG_START_RE.match(text)):
        return False
    if SIG_START_RE.match(text):
        return True
    return is_upper(text) and len(text.split()) <= 10 and not ends_terminal(text) and not re.search(r"\d", text)


def _is_name(text):
    text = text.strip().rstrip(".")
    words = text.split()
    if not 2 <= len(words) <= 6 or re.search(r"[\d,;:()/\"“]", text):
        return False
    if not all(w[0].isupper() and w.replace("-", "").isalpha() for w in words):
        return False
    return not TITLE_WORDS_RE.search(text.upper()) or not is_upper(text)


def _title_goes_on(parts, line, title_bold):
    """Whether `line` is more of the title `parts` (the title ends at the bases, a heading, a blank line …)."""
    text = line.text
    if not parts and _verb_title(text):
        return True
    if BASIS_RE.match(text) or _item_match(text) or DECORATION_RE.match(text) or RECIPIENTS_RE.match(text):
        return False
    if not parts:
        return not (text.endswith(":") and len(text) > 80)  # an introduction, no title
    if " ".join(parts).endswith(".") or (text.endswith(":") and len(text) > 60):
        return False
    lower = first_alpha_lower(text) or text[:1].isdigit()
    if line.hard and not (lower or (title_bold and line.bold)):
        return False
    return not (title_bold and not line.bold and not lower)


def _verb_title(text):
    """Whether a line right under "KẾ HOẠCH" that starts with a verb of the bases ("Thực hiện công tác …") is the
    title: it cites no document (no document type after the verb) and is no sentence ending in a colon."""
    m = BASIS_RE.match(text)
    return bool(
        m
        and clean(m.group("verb")) != "Căn cứ"
        and not DOC_TYPE_RE.match(m.group("rest"))
        and not re.search(r"\bsố\s*\d|/\w", text)
        and not text.rstrip().endswith(":")
        and len(text) <= 200
    )


def _duty_tasks(heading):
    """The tasks written on a duty heading after its body's name ("Body: xây dựng …; báo cáo …"), else None: a list
    of names after the colon (units) is no task."""
    body, sep, rest = heading.partition(":")
    rest = rest.strip()
    if sep and rest and first_alpha_lower(rest) and len(body.split()) <= 12:
        return rest
    if not sep and ";" in heading and heading.rstrip().endswith("."):
        return heading  # a whole sentence of tasks, its body first ("Ban Chấp hành … chỉ đạo …; báo cáo …")
    return None


def _goes_on_recipient(text, left):
    """Whether the closing line `text` is the end of the recipient before it, wrapped in its column (a PDF's lines):
    the last recipient (`left`: the left column so far) has not ended (no ";" or "."), and `text` is no new item but
    ends as a recipient does, neither a signature line nor a name."""
    return bool(
        left
        and not RECIPIENTS_RE.match(left[-1].text)
        and not ends_terminal(left[-1].text)
        and text[:1] not in "-+•"
        and ends_terminal(text)
        and not _is_sig_line(text)
        and not _is_name(text)
    )


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
                RECIPIENTS_RE.match(text)
                or text[:1] in "-+•"
                or (in_recipients and not _is_sig_line(text) and not (last and _is_name(text)))
                or _goes_on_recipient(text, left)
            )
        (left if is_left else right).append(para)
        if RECIPIENTS_RE.match(text):
            in_recipients = True
        elif _is_sig_line(text) and (n == 1 or c > 0):
            in_recipients = False  # the signature has begun, alone on its line or beside a recipient
    return left, right


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
        para = Para(key, text, bold)
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
        end = self.find_appendix(start)
        closing = self.find_closing(start, end)
        mark_table_rows(lines[start:closing])
        mark_table_rows(lines[end:])
        body_paras = self.join_body(lines[start:closing])
        closing_paras = self.split_closing(lines[closing:end])
        appendix_paras = self.join_body(lines[end:])
        self.dates = Dates(self.plan.issue_date)
        tokens = group_tables([self.tokenize(p) for p in body_paras])
        first = self.mark_levels(tokens)
        self.parse_preamble(tokens[:first])
        self.build_tree(tokens[first:])
        self.parse_closing(closing_paras)
        self.parse_appendices(appendix_paras)
        self.sweep()
        analyse(self.plan, self.dates)
        if not self.plan.sections or all(s.kind == "unrecognised" for s in self.plan.sections):
            if k is None:
                raise PlanImportError("not_a_plan", reason="no 'KẾ HOẠCH' line and no numbered sections")
        return self.plan

    def find_doc_kind(self):
        for i, line in enumerate(self.lines[:80]):
            cells = split_cells(line.raw)
            if cells and DOC_KIND_RE.match(cells[0]):
                return i
            if ROMAN_RE.match(line.text) and BASIS_RE.match(self.lines[max(0, i - 1)].text or ""):
                break
        # no 'KẾ HOẠCH' line: a plan all the same if it has a plan reference and Roman sections
        has_ref = any(PLAN_SYMBOL_RE.search(ln.text) and REFERENCE_RE.match(ln.text) for ln in self.lines[:30])
        has_roman = sum(1 for ln in self.lines if ROMAN_RE.match(ln.text) and is_upper(ln.text)) >= 2
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
            cells = split_cells(line.raw)
            for c, cell in enumerate(cells):
                para = self.para(cell, line.bold, cell=c)
                column = left
                if DECORATION_RE.match(cell):
                    self.claim(para, "header.decoration")
                    column = right if c else left
                elif MOTTO_RE.match(cell):
                    plan.motto_lines.append(cell)
                    self.claim(para, "header.motto")
                    column = right
                elif m := REFERENCE_RE.match(cell):
                    plan.reference = re.sub(r"\s*([/\-])\s*", r"\1", m.group("ref")).strip(" .")
                    self.claim(para, "header.reference")
                    self.note(f"reference: {plan.reference}")
                    reference_key = para.key
                elif m := PLACE_DATE_RE.match(cell):
                    plan.issue_place = m.group("place").strip()
                    if m.group("d") and m.group("m"):
                        plan.issue_date = mkdate(int(m.group("y")), int(m.group("m")), int(m.group("d")))
                    self.claim(para, "header.place_date")
                    self.note(f"issued at {plan.issue_place} on {plan.issue_date}")
                    date_item = (para.key, cell)
                    continue
                elif SUBJECT_LINE_RE.match(cell):
                    self.claim(para, "header.subject")
                elif is_upper(cell) and not re.search(r"\d{2,}", cell):
                    body_lines.append((para, cell))
                column.append((para.key, cell))
        if right and left and min(right)[0] < min(left)[0]:  # motto written first: the header line by line
            for key, text in sorted([*left, *right, *([date_item] if date_item else [])]):
                plan._render.append(((key[0], 0), text))
        else:
            self.render_header(left, right, date_item, reference_key)
        bodies = []
        for para, cell in body_lines:
            if not bodies or (BODY_HEAD_RE.match(cell) and not DANGLING_RE.search(bodies[-1][-1][1])):
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
                REFERENCE_RE.match(lines[start].text) or PLACE_DATE_RE.match(lines[start].text)
            ):
                start += 1
            return start
        cells = split_cells(lines[k].raw)
        m = DOC_KIND_RE.match(cells[0])
        plan.doc_kind = clean(m.group("kind"))
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
        plan.title = clean(" ".join(parts))
        if parts:
            title_para = self.para(plan.title)
            self.claim(title_para, "title")
            if m.group("rest"):  # "KẾ HOẠCH Tổ chức …" on one line
                plan._render[-1] = (kind_para.key, f"{plan.doc_kind} {plan.title}")
            else:
                plan._render.append((title_para.key, plan.title))
        while j < len(lines) and DECORATION_RE.match(lines[j].text):
            para = self.para(lines[j].text)
            self.claim(para, "title.decoration")
            plan._render.append((para.key, lines[j].text))
            j += 1
        return j

    # -- closing ----------------------------------------------------------------------------------------------
    def find_appendix(self, start):
        """The first line of the appendices: a "PHỤ LỤC" line alone after the recipients or the signature (else the
        end of the document)."""
        lines = self.lines
        closing_seen = False
        for i in range(start, len(lines)):
            cells = split_cells(lines[i].raw) or [""]
            if any(RECIPIENTS_RE.match(c) or SIG_START_RE.match(c) for c in cells):
                closing_seen = True
            elif closing_seen and APPENDIX_RE.match(lines[i].text):
                self.note(f"appendices from line {i + 1}: {lines[i].text}")
                return i
        return len(lines)

    def find_closing(self, start, stop):
        lines = self.lines
        c1 = next((i for i in range(start, stop) if RECIPIENTS_RE.match((split_cells(lines[i].raw) or [""])[0])), None)
        end = c1 if c1 is not None else stop
        i = end - 1
        c2 = None
        last = split_cells(lines[i].raw)[-1:] if i >= start else []
        if last and (_is_name(last[0]) or _is_sig_line(last[0])):
            j = i - 1 if _is_name(last[0]) else i
            titles = 0
            while j >= start and (_is_sig_line(lines[j].text) or SIG_NOTE_RE.match(lines[j].text)):
                titles += bool(TITLE_WORDS_RE.search(lines[j].text.upper()))
                j -= 1
            if titles:
                c2 = j + 1
        closing = min(x for x in (c1, c2, stop) if x is not None)
        return closing

    def split_closing(self, lines):
        out = []
        for line in lines:
            cells = split_cells(line.raw) if HAS_CELLS_RE.search(line.raw.strip()) else None
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
        for i, para in enumerate(paras):
            if plan.recipients and _goes_on_recipient(para.text, paras[:i]):
                plan.recipients[-1] = strip_end(f"{plan.recipients[-1]} {para.text}")  # its end, wrapped
                self.claim(para, "recipients.item")
                plan._closing_render.append((para.key, para.text))
                continue
            m = RECIPIENTS_RE.match(para.text)
            if m and plan.recipients_label is None:
                plan.recipients_label = m.group("label").strip()
                self.claim(para, "recipients.label")
                plan._closing_render.append((para.key, para.text))
                if m.group("rest").strip():
                    plan.recipients.append(strip_end(re.sub(r"^[-+•]\s*", "", m.group("rest").strip())))
                continue
            item = strip_end(re.sub(r"^[-+•]\s*", "", para.text))
            if item:
                plan.recipients.append(item)
                self.claim(para, "recipients.item")
                plan._closing_render.append((para.key, para.text))

    def parse_signature(self, paras):
        plan = self.plan
        names = [p for p in paras if _is_name(p.text)] or [
            p for p in paras if is_upper(p.text) and not TITLE_WORDS_RE.search(p.text) and 2 <= len(p.text.split()) <= 5
        ]
        name_para = names[-1] if names else None
        for para in paras:
            if para is name_para:
                plan.signer_name = para.text.strip()
                self.claim(para, "signature.name")
            elif SIG_NOTE_RE.match(para.text):
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
        widths = [len(ln.text) for ln in lines if " | " not in ln.text and ln.cells is None]
        full = percentile(widths, 0.9)
        groups = []
        for line in lines:
            if line.cells is not None:
                groups.append([line])
                continue
            if groups and groups[-1][-1].cells is None and self.continues(groups[-1][-1], line, full):
                groups[-1].append(line)
            else:
                groups.append([line])
        paras = []
        for group in groups:
            if group[0].cells is not None:
                para = self.para(cell_text(group[0].cells), group[0].bold)
                para.cells = group[0].cells
                paras.append(para)
                continue
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
        if _item_match(line.text) or RECIPIENTS_RE.match(line.text) or SIG_START_RE.match(line.text):
            return False
        if BASIS_RE.match(line.text):
            return False
        if first_alpha_lower(line.text) and line.text[0].isalpha():
            return True
        if is_upper(prev.text) != is_upper(line.text):
            return False  # a line in capitals (a heading, a title) and one that is not
        if ends_terminal(prev.text):
            return False
        if line.text[0].isdigit():
            return True
        m = ROMAN_RE.match(prev.text)
        if m and _roman_ok(m.group("num")):
            return is_upper(line.text)
        return len(prev.text) >= 0.75 * full

    def tokenize(self, para):
        match = _item_match(para.text)
        if para.cells is not None or " | " in para.text:
            para.cells = para.cells if para.cells is not None else row_cells(para.text)
            return Token(para, "table", rest=para.text)
        if match:
            style, number, marker, rest = match
            return Token(para, style, number, marker, rest)
        if para.bold and len(para.text) <= 120 and not para.text.endswith("."):
            return Token(para, "bold", rest=para.text)
        return Token(para, "plain", rest=para.text)

    def mark_levels(self, tokens):  # noqa: PLR0912 - one branch per kind of heading
        """Give heading tokens a level (1 = top); return the index of the first top-level heading."""
        last = 0
        romans = 0
        for tok in tokens:
            if tok.style != "roman":
                continue
            value = _roman_value(tok.number)
            if value == last + 1 or (is_upper(tok.rest) and value > last) or (tok.para.bold and value > last):
                tok.level, last = 1, value
                romans += 1
            else:
                tok.style = "plain"
                tok.rest = tok.para.text
        if romans:
            mode = "roman"
        elif any(t.style == "bold" for t in tokens):
            mode = "bold"
        elif sum(1 for t in tokens if t.style == "arabic" and is_upper(t.rest)) >= 2:
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
                tok.level = 1 if mode == "arabic" and is_upper(tok.rest) else 2
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
            m = BASIS_RE.match(para.text)
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
        segments = split_top(para.text)
        for n, segment in enumerate(segments):
            m = BASIS_RE.match(segment)
            text = segment
            if m:
                verb = clean(m.group("verb"))
                verb = BASIS_VERBS.get(verb, verb)
                text = m.group("rest")
            elif INTRO_SUBJECT_RE.match(segment) and INTRO_KEY_RE.search(segment):
                return "; ".join(segments[n:])
            intro = None
            own = SELF_BASIS_RE.search(text)
            if own and own.start() > 0:
                # "…, căn cứ tình hình thực tế tại địa bàn, Ban Chấp hành …": the issuer's own judgement goes with the
                # introduction, it cites no document
                self.note(f"not a legal basis (the issuer's own judgement): {text[own.start() :][:60]}")
                rest = text[own.start() :].lstrip(" ,")
                text = text[: own.start()]
                plan.legal_bases.append(self.basis(verb or "Căn cứ", strip_end(text), para.key[0]))
                return "; ".join([rest, *segments[n + 1 :]])
            for cm in re.finditer(r",\s+", text):
                rest = text[cm.end() :]
                if INTRO_SUBJECT_RE.match(rest) and INTRO_KEY_RE.search(rest):
                    intro = rest
                    text = text[: cm.start()]
                    break
            plan.legal_bases.append(self.basis(verb or "Căn cứ", strip_end(text), para.key[0]))
            if intro:
                return "; ".join([intro, *segments[n + 1 :]])
        return None

    def basis(self, verb, text, index):
        basis = LegalBasis(verb=verb, text=text, index=index)
        m = DOC_TYPE_RE.match(text)
        if m:
            basis.doc_type = m.group("t").lower()
        head, _sep, summary = text.partition(" về ")
        basis.summary = summary.strip() or None
        m = BASIS_NUMBER_RE.search(head)
        if m:
            basis.number = re.sub(r"\s", "", m.group("n")).rstrip(".")
        m = BASIS_DATE_RE.search(head)
        if m:
            basis.date = Dates(None).day(m.group("d"))
        m = BASIS_ISSUER_RE.search(head)
        if m:
            basis.issuer = strip_end(m.group("i"))
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
                    period, content = heading_period(tok.rest, ref)
                    if period:
                        section.period = period
                    if content:
                        section.inline = Block(marker="", text=content, kind="period", index=para.key[0])
                    elif not period and not self.is_section(tok, tokens[i + 1 :], top, ref):
                        section.inline = Block(marker="", text=tok.rest, kind="item", index=para.key[0])
                    elif top.hint == "duties" and (tasks := _duty_tasks(tok.rest)):
                        # "1. Ban Chấp hành Công đoàn phường: xây dựng kế hoạch …; báo cáo …": the duties written on
                        # the heading line are read as its content (reports, leads), the body leading them
                        section.inline = Block(marker="", text=tasks, kind="item", index=para.key[0])
                    parent.children.append(section)
                    stack.append(section)
                    self.claim(para, "section")
                    continue
            if not stack:
                continue  # left unclaimed: swept into the unrecognised section
            self.add_block(stack[-1].blocks, tok)

    def add_block(self, blocks, tok):
        """Add the paragraph, item or table of `tok` to `blocks`; claim its paragraphs."""
        para = tok.para
        if tok.style == "table":
            table = build_table([(row.para.key[0], row.para.cells) for row in tok.rows])
            blocks.append(
                Block(marker="", text=" | ".join(table.columns), kind="table", index=para.key[0], table=table)
            )
            for row in tok.rows:
                self.claim(row.para, "table")
            return
        marker = {"plain": "", "bold": ""}.get(tok.style, tok.marker)
        text = tok.rest if marker else para.text
        bullet = marker if tok.style in ("dash", "plus", "star") else None
        level = 1 if tok.style in ("plus", "star") else 0
        parts = self.dated_parts(text)
        for n, part in enumerate(parts):
            block = Block(marker=marker, text=part, kind="item" if marker else "paragraph", index=para.key[0])
            block.bullet, block.level, block.joined = bullet, level, n > 0
            blocks.append(block)
        if len(parts) > 1:
            self.note(f"{len(parts)} dated items written on one line, apart by ';': {text[:60]}…")
        self.claim(para, "block")

    def dated_parts(self, text):
        """The items of a line that joins dated tasks with ';' ("Trong tháng 11/2025: …; trước ngày 15/12/2025: …"),
        each with its ';' as written; else the line alone."""
        parts = re.split(r"(?<=;)\s+", text)
        if len(parts) < 2:
            return [text]
        ref = self.plan.issue_date
        if all(block_period(part.rstrip(";").strip(), ref) for part in parts):
            return parts
        return [text]

    @staticmethod
    def is_section(tok, following, top, ref):
        if tok.style == "bold":
            return True
        if top.hint == "slogans":
            return False
        if tok.style == "arabic" and top.hint == "duties":
            return True
        period, _content = heading_period(tok.rest, ref)
        if period and top.hint not in ("targets", "budget", "rewards"):
            return True
        # "2. Các doanh nghiệp hỗ trợ …: 120.000.000 đồng.": a budget line, whatever follows it
        budget_line = top.hint == "budget" and AMOUNT_RE.search(tok.rest) and not LEAD_OUT_RE.search(tok.rest)
        if budget_line or not following:
            return False
        nxt = following[0]
        lower = {"arabic": ("sub", "letter", "dash", "plus", "star", "plain", "table")}
        lower["sub"] = lower["letter"] = ("dash", "plus", "star", "plain", "table")
        return (nxt.level == 0 or nxt.level > tok.level) and nxt.style in lower.get(tok.style, ())

    def parse_appendices(self, paras):
        """The appendices after the signature: each "PHỤ LỤC" line, its title lines, then its paragraphs, items and
        tables."""
        plan = self.plan
        tokens = group_tables([self.tokenize(p) for p in paras])
        appendix = None
        in_title = False
        for tok in tokens:
            para = tok.para
            if tok.style != "table" and APPENDIX_RE.match(para.text.replace("**", "")):
                appendix = Appendix(title_lines=[para.text], index=para.key[0])
                plan.appendices.append(appendix)
                self.claim(para, "appendix.title")
                in_title = True
                continue
            if appendix is None:
                continue  # left unclaimed: swept into the unrecognised section
            if (
                in_title
                and tok.style in ("plain", "bold")
                and (is_upper(para.text) or para.text.startswith("(") or tok.style == "bold")
            ):
                appendix.title_lines.append(para.text)
                self.claim(para, "appendix.title")
                continue
            in_title = False
            self.add_block(appendix.blocks, tok)
        for appendix in plan.appendices:
            rows = sum(len(t.rows) for t in appendix.tables())
            self.note(f"appendix '{appendix.title}': {len(appendix.blocks)} blocks, {rows} table rows")

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


def parse_plan(text_or_paragraphs):
    """Parse a plan given as one text or as a list of paragraphs (from :func:`plan_extract.extract_paragraphs`).

    Text and list are read alike, line by line (a list item may hold line breaks); a blank line or an empty item
    ends a paragraph, and a line that does not end a sentence or clause is joined with the next one when that one
    goes on with it (starts in lower case, or the line fills a typical line's width) and starts no numbered or
    bulleted item, heading, recipients or signature block. Raises :class:`PlanImportError` ("empty", "too_large",
    "not_a_plan").
    """
    lines = input_lines(text_or_paragraphs)
    if not lines:
        raise PlanImportError("empty", filename="")
    return _Parser(lines).run()


# ---------------------------------------------------------------------------------------------------------------
