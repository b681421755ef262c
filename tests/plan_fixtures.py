# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Test helpers of the plan parser: load its modules by file path, and print a plan's .txt as .docx and .pdf.

The modules are loaded by path because ``union_campaign/tools/__init__.py`` imports Odoo.

``txt_to_docx`` writes what a word processor would: bold headings, Word's automatic numbering for the Roman,
Arabic, lettered and dash lists (the numbers are then absent from the paragraph text), bordered tables for " | "
and tab-separated rows (one cell merged with the one above it when it repeats it), the appendix after the signature
on a new page, and optionally the header and the "Nơi nhận" / signature block in two-column tables.
``txt_to_pdf`` prints the text with a Vietnamese TrueType font, wrapping long lines at the margin (so lines break
inside sentences), with the "Nơi nhận" and signature blocks side by side, tables as aligned columns (a long cell
wrapped in its column, an empty cell left blank) and the appendix on a new page.
"""

import importlib.util
import io
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "union_campaign" / "tools"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"


def load_tool(name):
    """Import union_campaign/tools/<name>.py, or the package union_campaign/tools/<name>/, alone (as
    union_campaign_<name>), without the addon's package."""
    module_name = f"union_campaign_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    package = TOOLS / name
    if package.is_dir():
        spec = importlib.util.spec_from_file_location(
            module_name, package / "__init__.py", submodule_search_locations=[str(package)]
        )
    else:
        spec = importlib.util.spec_from_file_location(module_name, TOOLS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


_ROMAN = re.compile(r"^(?P<n>[IVX]{1,5})\.\s+(?P<t>.+)$")
_ARABIC = re.compile(r"^(?P<n>\d{1,2})\.\s+(?P<t>.+)$")
_LETTER = re.compile(r"^(?P<n>[a-zđ])\)\s+(?P<t>.+)$")
_DASH = re.compile(r"^-\s+(?P<t>.+)$")
_PLUS = re.compile(r"^\+\s+(?P<t>.+)$")
_SIG = re.compile(r"^(?:TM|KT|Q|TL)\.\s")
_APPENDIX = re.compile(r"^PHỤ\s+LỤC\b")


def _is_row(line):
    return " | " in line or "\t" in line


def _runs(lines):
    """The lines of a text, each stripped, with the runs of table rows gathered: yields (rows, None) for a run of
    rows (a tab first keeps its empty first cell) and (None, line) for any other line."""
    rows = []
    for raw in lines:
        line = raw.strip()
        if _is_row(line):
            rows.append(raw.strip(" "))
            continue
        if rows:
            yield rows, None
            rows = []
        yield None, line
    if rows:
        yield rows, None


def _row_cells(line):
    return [c.strip() for c in (line.split("\t") if "\t" in line else line.split(" | "))]


def appendix_lines(text):
    """The lines of the appendices after the signature ("PHỤ LỤC" and what follows), blank lines kept."""
    lines = [line.rstrip() for line in text.splitlines()]
    closing = next((i for i, line in enumerate(lines) if line.strip().startswith("Nơi nhận")), len(lines))
    start = next((i for i in range(closing, len(lines)) if _APPENDIX.match(lines[i].strip())), len(lines))
    return lines[start:]


def _roman_value(text):
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for a, b in zip(text, text[1:] + " ", strict=True):
        total += -values[a] if b != " " and values.get(b, 0) > values[a] else values[a]
    return total


def _header_columns(header):
    """Left and right columns of header lines written side by side (cells apart by 3 spaces or more)."""
    left, right = [], []
    for line in header:
        cells = [c for c in re.split(r" {3,}", line) if c.strip()]
        if len(cells) > 1:
            left.append(cells[0])
            right += cells[1:]
        elif re.match(r"^.+, ngày \d", line) or "CỘNG HÒA" in line or line.startswith("Độc lập"):
            right.append(line)
        else:
            left.append(line)
    return left, right


def _zones(text):
    """(header lines, title lines, body lines, recipients lines, signature lines) of a plan's text."""
    lines = [line.rstrip() for line in text.splitlines()]
    k = next(i for i, line in enumerate(lines) if line.strip() == "KẾ HOẠCH")
    header = [line.strip() for line in lines[:k] if line.strip()]
    j = k + 1
    title = []
    while j < len(lines) and (lines[j].strip() or not title):
        if lines[j].strip():
            title.append(lines[j].strip())
        j += 1
    closing = next(
        (i for i in range(j, len(lines)) if lines[i].strip().startswith("Nơi nhận") or _SIG.match(lines[i].strip())),
        len(lines),
    )
    body = lines[j:closing]
    recipients, signature = [], []
    end = len(lines) - len(appendix_lines(text))
    for line in lines[closing:end]:
        stripped = line.strip()
        if stripped.startswith(("Nơi nhận", "- ")):
            recipients.append(stripped)
        else:
            signature.append(stripped)  # blank lines kept: the space left for the signature
    while signature and not signature[0]:
        signature.pop(0)
    return header, title, body, recipients, signature


# ---------------------------------------------------------------------------------------------------------------
# .docx
# ---------------------------------------------------------------------------------------------------------------
def _add_numbering(document):
    from docx.oxml import parse_xml  # noqa: PLC0415
    from docx.oxml.ns import nsdecls  # noqa: PLC0415

    numbering = document.part.numbering_part.element
    multilevel = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>'
        "</w:abstractNum>"
    )
    bullets = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91"><w:multiLevelType w:val="hybridMultilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl>'
        "</w:abstractNum>"
    )
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    for abstract in (multilevel, bullets):
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
    for num_id, abstract_id in (("90", "90"), ("91", "91")):
        numbering.append(
            parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
        )


def _number(paragraph, num_id, level):
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


def _para(container, text, bold=False):
    paragraph = container.add_paragraph()
    if text:
        run = paragraph.add_run(text)
        run.bold = bold or None
    return paragraph


def _docx_header(document, header, header_table):
    if not header_table:
        for line in header:
            _para(document, line, bold=line.isupper())
        return
    left, right = _header_columns(header)
    if not any("CỘNG HÒA" in line for line in right):
        right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", *right]
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
        cell.paragraphs[0].add_run(lines[0]).bold = True
        for line in lines[1:]:
            _para(cell, line, bold=not line.startswith("Số"))


def _docx_table(document, rows):
    """A bordered Word table ("Table Grid") of the rows; a cell that repeats the one above it (past the header and
    the number column) is merged with it, as an office merges the body that leads two activities."""
    cells = [_row_cells(r) for r in rows]
    width = max(len(c) for c in cells)
    table = document.add_table(rows=len(cells), cols=width)
    table.style = "Table Grid"
    merged = False
    for r, (row, values) in enumerate(zip(table.rows, cells, strict=True)):
        for c, (cell, value) in enumerate(zip(row.cells, values, strict=False)):
            above = cells[r - 1][c] if r > 1 and c < len(cells[r - 1]) else None
            if c > 0 and value and value == above and not merged:
                table.cell(r - 1, c).merge(cell)  # one merged cell: the text written once, in the upper cell
                merged = True
                continue
            cell.paragraphs[0].add_run(value).bold = r == 0 or None


def _docx_numbered(document, line, counters):
    """Write `line` with Word's numbering if its number is the next one of its level; False if it is not."""
    for level, regex in enumerate((_ROMAN, _ARABIC, _LETTER)):
        m = regex.match(line)
        if not m:
            continue
        number = m.group("n")
        value = [_roman_value, int, lambda n: ord(n) - ord("a") + 1][level](number)
        if value != counters[level] + 1 or number == "đ":
            return False
        counters[level] = value
        counters[level + 1 :] = [0] * (2 - level)
        is_heading = level == 0 or (len(line) < 60 and not line.endswith((".", "!", ";", ",")))
        _number(_para(document, m.group("t"), bold=is_heading), 90, level)
        return True
    for level, regex in enumerate((_DASH, _PLUS)):
        m = regex.match(line)
        if m:
            _number(_para(document, m.group("t")), 91, level)
            return True
    return False


def _docx_body(document, body, numbering):
    counters = [0, 0, 0]
    for rows, line in _runs(body):
        if rows:
            _docx_table(document, rows)
        elif line and not (numbering and _docx_numbered(document, line, counters)):
            bold = line.startswith("**") and line.endswith("**")
            _para(document, line.strip("*") if bold else line, bold=bold or bool(_ROMAN.match(line)))


def _docx_appendix(document, lines):
    """The appendix on a new page: its title lines centred and bold, its tables as bordered Word tables."""
    from docx.enum.text import WD_BREAK  # noqa: PLC0415

    if not lines:
        return
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for rows, line in _runs(lines):
        if rows:
            _docx_table(document, rows)
        elif line:
            _para(document, line, bold=line.isupper())


def _docx_closing(document, recipients, signature, closing_table):
    signature = [line.replace("**", "") for line in signature]
    if closing_table == "row":  # a row per line: "- recipient; | SIGNATURE LINE"
        table = document.add_table(rows=0, cols=2)
        lines = [s for s in signature if s]
        for i in range(max(len(recipients), len(lines))):
            cells = table.add_row().cells
            cells[0].paragraphs[0].add_run(recipients[i] if i < len(recipients) else "")
            cells[1].paragraphs[0].add_run(lines[i] if i < len(lines) else "")
        return
    if closing_table != "cell":
        for line in [*recipients, *signature]:
            _para(document, line, bold=line.isupper())
        return
    left, right = document.add_table(rows=1, cols=2).rows[0].cells  # one row, a cell per block
    for cell, lines in ((left, recipients), (right, signature)):
        cell.paragraphs[0].add_run(lines[0]).bold = True
        for line in lines[1:]:
            _para(cell, line, bold=bool(line) and line.isupper())


def txt_to_docx(text, numbering=True, closing_table="cell", header_table=False):
    """A .docx of the plan `text`.

    `numbering`: Word's automatic numbering for the Roman, Arabic, lettered and dash lists; `closing_table`: "cell"
    (the recipients and the signature in the two cells of one row), "row" (a row per line) or None;
    `header_table`: the header in a two-column table with the national motto.
    """
    import docx  # noqa: PLC0415

    document = docx.Document()
    header, title, body, recipients, signature = _zones(text)
    if numbering:
        _add_numbering(document)
    _docx_header(document, header, header_table)
    _para(document, "KẾ HOẠCH", bold=True)
    title_paragraph = _para(document, title[0], bold=True)
    for line in title[1:]:  # a title on several lines: one paragraph, with line breaks
        title_paragraph.add_run().add_break()
        title_paragraph.add_run(line).bold = True
    _docx_body(document, body, numbering)
    _docx_closing(document, recipients, signature, closing_table)
    _docx_appendix(document, appendix_lines(text))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------------------------
# .pdf
# ---------------------------------------------------------------------------------------------------------------
def _fonts():
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.ttfonts import TTFont  # noqa: PLC0415

    for path in (FONT, FONT_BOLD):
        if not path.exists():
            raise RuntimeError(f"{path} is missing: install the DejaVu fonts (Debian package fonts-dejavu-core)")
    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT)))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(FONT_BOLD)))


def _wrap(text, font, size, width, first_width=None):
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415

    lines, current = [], ""
    limit = first_width or width
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and stringWidth(candidate, font, size) > limit:
            lines.append(current)
            current = word
            limit = width
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


class _Printer:
    """Lines drawn on A4 pages, from the top, a new page when the bottom is reached."""

    def __init__(self, size, row_gap=2):
        from reportlab.lib.pagesizes import A4  # noqa: PLC0415
        from reportlab.pdfgen import canvas  # noqa: PLC0415

        _fonts()
        self.out = io.BytesIO()
        self.pdf = canvas.Canvas(self.out, pagesize=A4)
        page_w, page_h = A4
        self.left, self.right, self.top, self.bottom = 62, page_w - 56, page_h - 56, 56
        self.size = size
        self.pitch = size * 1.35
        self.y = self.top
        self.row_gap = row_gap

    def newline(self, gap=None):
        self.y -= self.pitch if gap is None else gap
        if self.y < self.bottom:
            self.pdf.showPage()
            self.y = self.top - self.pitch

    def draw(self, x, line, bold=False, centre=False, size=None):
        self.pdf.setFont("DejaVuSans-Bold" if bold else "DejaVuSans", size or self.size)
        if centre:
            self.pdf.drawCentredString((self.left + self.right) / 2, self.y, line)
        else:
            self.pdf.drawString(x, self.y, line)

    def paragraph(self, line, bold, indent=28):
        font = "DejaVuSans-Bold" if bold else "DejaVuSans"
        width = self.right - self.left
        for i, part in enumerate(_wrap(line, font, self.size, width, first_width=width - indent)):
            self.draw(self.left + (indent if i == 0 else 0), part, bold=bold)
            self.newline()
        self.y -= 3  # paragraph spacing, less than a blank line

    def table(self, rows, size=8, gap=24):
        """Rows drawn as aligned columns (no rules), a cell's text wrapped in its column, an empty cell left blank;
        rows set apart by the cells' margins (`row_gap`)."""
        from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415

        cells = [_row_cells(r) for r in rows]
        count = max(len(c) for c in cells)
        natural = [max(stringWidth(c[i], "DejaVuSans", size) if i < len(c) else 0 for c in cells) for i in range(count)]
        room = self.right - self.left - gap * (count - 1)
        cap = max(natural)
        while sum(min(w, cap) for w in natural) > room:
            cap -= 2
        widths = [min(w, cap) + 1 for w in natural]
        pitch = size * 1.35
        for values in cells:
            wrapped = [_wrap(v, "DejaVuSans", size, w) or [""] for v, w in zip(values, widths, strict=False)]
            for k in range(max(len(w) for w in wrapped)):
                x = self.left
                for lines, w in zip(wrapped, widths, strict=False):
                    if k < len(lines) and lines[k]:
                        self.draw(x, lines[k], size=size)
                    x += w + gap
                self.newline(pitch)
            self.y -= self.row_gap
        self.y -= 3

    def save(self):
        self.pdf.showPage()
        self.pdf.save()
        return self.out.getvalue()


def txt_to_pdf(text, size=11, row_gap=2):
    """A PDF of the plan `text` with a text layer, long lines wrapped at the margin (so broken inside sentences).

    `row_gap`: the points between two rows of a table beyond the line spacing (its cells' margins); 0 sets the rows
    as close as the lines of a cell wrapped in its column (a Word table of no cell margins nor paragraph spacing).
    """
    printer = _Printer(size, row_gap)
    header, title, body, recipients, signature = _zones(text)
    printer.newline(0)
    for line in header:  # columns written side by side are drawn apart, as a word processor prints them
        cells = [c for c in re.split(r" {3,}", line) if c.strip()]
        printer.draw(printer.left, cells[0], bold=cells[0].isupper(), size=9.5)
        if len(cells) > 1:
            middle = printer.left + (printer.right - printer.left) * 0.5
            printer.draw(middle, cells[1], bold=cells[1].isupper(), size=9.5)
        printer.newline()
    printer.newline(printer.pitch / 2)
    printer.draw(printer.left, "KẾ HOẠCH", bold=True, centre=True)
    printer.newline()
    for line in _wrap(" ".join(title), "DejaVuSans-Bold", size, (printer.right - printer.left) * 0.7):
        printer.draw(printer.left, line, bold=True, centre=True)
        printer.newline()
    printer.newline(printer.pitch / 2)
    _pdf_lines(printer, body)
    printer.newline(printer.pitch / 2)
    top = printer.y  # "Nơi nhận" on the left, the signature on the right, side by side
    for line in recipients:
        printer.draw(printer.left, line, bold=line.startswith("Nơi nhận"))
        printer.newline()
    printer.y = top
    for line in (s.replace("**", "") for s in signature):
        if line:
            printer.draw(printer.left + (printer.right - printer.left) * 0.5, line, bold=line.isupper())
        printer.newline()
    appendix = appendix_lines(text)
    if appendix:
        printer.pdf.showPage()
        printer.y = printer.top
        _pdf_lines(printer, appendix, centre=True)
    return printer.save()


def _pdf_lines(printer, lines, centre=False):
    """Body lines: paragraphs wrapped at the margin, runs of table rows drawn as aligned columns; with `centre`,
    lines in capitals and "(…)" lines are centred (an appendix's title)."""
    for rows, line in _runs([*lines, ""]):
        if rows:
            printer.table(rows)
        elif line and centre and (line.isupper() or line.startswith("(")):
            printer.draw(printer.left, line, bold=line.isupper(), centre=True)
            printer.newline()
        elif line:
            printer.paragraph(line.replace("**", ""), bold=line.startswith("**") or bool(_ROMAN.match(line)))
        else:
            printer.newline(printer.pitch / 2)


def image_only_pdf():
    """A one-page PDF with a drawing and no text at all."""
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415
    from reportlab.pdfgen import canvas  # noqa: PLC0415

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    pdf.rect(72, 400, 300, 200, fill=1)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


# ---------------------------------------------------------------------------
# Facts compared with a plan's .expected.json (the parser's tests and the addon's import tests)
# ---------------------------------------------------------------------------
SKIPPED_KEYS = {"note", "source", "issuer_level"}  # the plan's own: comments of the expected file, its origin
NESTED_SKIPPED_KEYS = {"note"}  # a period's or item's note explains the expected value; a budget line's source counts
FREE_TEXT = {"who", "what", "to", "issuer", "source", "item", "of", "per", "by"}


def _norm(text):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().casefold()


def _contains(expected, actual):
    if expected is None or actual is None:
        return expected is actual
    return any(_norm(alt) in _norm(actual) for alt in expected.split(" / "))


def compare_facts(expected, actual, path=""):
    """Differences between expected and actual facts, as readable lines (empty when they agree): dates, numbers,
    counts, header and signature lines exactly; free texts by normalised containment of one " / " alternative."""
    diffs = []
    for key, want in expected.items():
        if key in (NESTED_SKIPPED_KEYS if path else SKIPPED_KEYS):
            continue
        where = f"{path}{key}"
        if key not in actual:
            diffs.append(f"{where}: missing (expected {want!r})")
            continue
        got = actual[key]
        if isinstance(want, list) and any(isinstance(w, dict) for w in want):
            if len(got) != len(want):
                diffs.append(f"{where}: {len(got)} entries, expected {len(want)}: {got!r}")
                continue
            for i, (w, g) in enumerate(zip(want, got, strict=True)):
                diffs += compare_facts(w, g, f"{where}[{i}].")
        elif key in FREE_TEXT and isinstance(want, str):
            if not _contains(want, got):
                diffs.append(f"{where}: {got!r} does not contain {want!r}")
        elif got != want:
            diffs.append(f"{where}: {got!r} != {want!r}")
    return diffs
