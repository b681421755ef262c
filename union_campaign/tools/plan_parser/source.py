# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The source of a plan as the parser reads it: the text as lines (bold, hard breaks, the cells of table rows), and
the paragraph and token records :mod:`.structure` builds from them."""

from __future__ import annotations

from dataclasses import dataclass

from .model import MAX_TEXT_CHARS, PlanImportError
from .tables import row_cells
from .text import INVISIBLE, clean, nfc
from .vocabulary import CELL_SPLIT_RE


@dataclass
class SourceLine:
    raw: str
    text: str
    bold: bool
    hard: bool
    cells: list | None = None  # the cells of a table row


def mark_table_rows(lines):
    """Give the lines written as table rows their cells: a line with " | " between cells, a run of two lines or more
    with tabs between cells, or of two lines or more of three columns or more aligned with two spaces or more."""
    n = len(lines)
    i = 0
    while i < n:
        cells = row_cells(lines[i].raw)
        if cells is not None and "\t" not in lines[i].raw.strip():
            lines[i].cells = cells  # " | " rows, even alone (a Word table of one row)
            i += 1
            continue
        j = i
        aligned = cells is None
        while j < n:
            found = row_cells(lines[j].raw, aligned=aligned)
            if found is None or (aligned and len(found) < 3):
                break
            j += 1
        if j - i >= 2:
            for line in lines[i:j]:
                line.cells = row_cells(line.raw, aligned=aligned)
            i = j
        else:
            i += 1


def cell_text(cells):
    return " | ".join(cells)


@dataclass
class Para:
    key: tuple
    text: str
    bold: bool = False
    cells: list | None = None  # a table row's cells


@dataclass
class Token:
    para: Para
    style: str
    number: str = ""
    marker: str = ""
    rest: str = ""
    level: int = 0
    rows: list | None = None  # the row tokens of a table


def group_tables(tokens):
    """One token per table: consecutive table rows gathered in the first one."""
    out = []
    for tok in tokens:
        if tok.style == "table" and out and out[-1].style == "table":
            out[-1].rows.append(tok)
            continue
        if tok.style == "table":
            tok.rows = [tok]
        out.append(tok)
    return out


def input_lines(source):
    if isinstance(source, str):
        chunks = [source]
    elif isinstance(source, (list, tuple)):
        chunks = [c for c in source if c is not None]
        if not all(isinstance(c, str) for c in chunks):
            raise TypeError("parse_plan() takes a str or a list of str")
    else:
        raise TypeError("parse_plan() takes a str or a list of str")
    if sum(len(c) for c in chunks) > MAX_TEXT_CHARS:
        raise PlanImportError("too_many_characters", filename="", limit=MAX_TEXT_CHARS)
    lines = []
    hard = True
    for chunk in chunks:
        text = nfc(chunk).translate(INVISIBLE)
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
            lines.append(SourceLine(raw=text_raw.rstrip(), text=clean(text_raw), bold=bold, hard=hard))
            hard = False
    return lines


def split_cells(raw):
    return [clean(c) for c in CELL_SPLIT_RE.split(raw.strip()) if c.strip()]


def percentile(values, q):
    if not values:
        return 0
    values = sorted(values)
    return values[int(q * (len(values) - 1))]
