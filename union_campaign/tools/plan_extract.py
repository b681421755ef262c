# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Paragraphs of a plan file (.txt, .docx, .pdf with a text layer), for :func:`plan_parser.parse_plan`.

Plain Python, no Odoo. ``extract_paragraphs(data, filename)`` returns a list of paragraph strings:

* ``.txt``: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1258; the list holds the file's lines,
  an empty string for a blank line (the parser joins lines broken inside a sentence);
* ``.docx`` (python-docx): body paragraphs and tables in document order. Word's automatic numbering, which is not
  in the paragraph text, is written back from ``numbering.xml`` ("I.", "1.", "a)", "-" …); a paragraph whose text
  is all bold is wrapped in ``**`` (a bold unnumbered paragraph is a heading); a table row becomes one paragraph
  with its cells joined by " | " (a cell merged across columns given once, one merged across rows repeated in each
  row), except rows of layout tables (cells holding several paragraphs, like the
  "Nơi nhận" / signature table), whose cells are given one after the other, paragraph by paragraph;
* ``.pdf`` (pdfminer.six): the text lines of each page, top to bottom, joined back into paragraphs from their
  geometry (a line that reaches the right margin goes on in the next one); all-bold paragraphs are wrapped in
  ``**``; the rows of a table are read from its columns (three pieces of text or more on one baseline, or two
  columns over two rows or more), each given as one paragraph with its cells joined by " | ": a piece of text takes
  the cell of the column it starts at, so an empty cell stays empty ("a |  | c") and the cells after it keep their
  places; a cell's text wrapped in its column is joined back from the lines under the row; an empty string stands
  where a blank space parts two paragraphs; a line holding only a page number is left out. What a word processor
  draws is read back as it wrote it: a list label drawn apart from its text ("I.", "1.", "a)", "-" before a tab
  stop) is one line with it, a header set in two columns side by side is read column by column, the rules of a ruled
  table part its rows (a cell without its rule above is merged with the one above and repeats its text), and pieces
  of text set apart by a blank no space fills are two pieces.

Errors are :class:`plan_parser.PlanImportError` with the codes "empty", "too_large", "unsupported_format",
"bad_encoding", "corrupt_docx", "corrupt_pdf", "no_text_layer".
"""

import codecs
import io
import itertools
import re
import statistics
import zipfile
from pathlib import PurePath

try:
    from .numbering import to_letters, to_roman
    from .plan_parser import PlanImportError
except ImportError:  # loaded by file path, outside the addon's package (tests, scripts)
    import importlib.util
    import sys
    from pathlib import Path

    def _sibling(name):
        """The tool `name` next to this file (a module or a package), loaded once as union_campaign_<name>."""
        module_name = f"union_campaign_{name}"
        if module_name not in sys.modules:
            path = Path(__file__).with_name(name)
            if path.is_dir():
                spec = importlib.util.spec_from_file_location(
                    module_name, path / "__init__.py", submodule_search_locations=[str(path)]
                )
            else:
                spec = importlib.util.spec_from_file_location(module_name, path.with_suffix(".py"))
            module = importlib.util.module_from_spec(spec)
            sys.modules[module_name] = module
            spec.loader.exec_module(module)
        return sys.modules[module_name]

    to_letters, to_roman = _sibling("numbering").to_letters, _sibling("numbering").to_roman
    PlanImportError = _sibling("plan_parser").PlanImportError
    MAX_PAGES = _sibling("plan_parser").MAX_PAGES
    MAX_PARAGRAPHS = _sibling("plan_parser").MAX_PARAGRAPHS
    MAX_TEXT_CHARS = _sibling("plan_parser").MAX_TEXT_CHARS
else:
    from .plan_parser import MAX_PAGES, MAX_PARAGRAPHS, MAX_TEXT_CHARS

MAX_BYTES = 10 * 1024 * 1024
EXTENSIONS = (".txt", ".docx", ".pdf")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def extract_paragraphs(data, filename):
    """Return the paragraphs of the file `data` named `filename` (its extension tells the format)."""
    name = PurePath(filename or "").name
    extension = PurePath(name).suffix.lower()
    if extension not in EXTENSIONS:
        raise PlanImportError("unsupported_format", filename=name, extension=extension or name)
    if len(data) > MAX_BYTES:
        raise PlanImportError("too_large", filename=name, size=len(data), limit=MAX_BYTES)
    if not data or not data.strip():
        raise PlanImportError("empty", filename=name)
    if extension == ".txt":
        paragraphs = _txt(data, name)
    elif extension == ".docx":
        paragraphs = _docx(data, name)
    else:
        paragraphs = _pdf(data, name)
    if not any(p.strip() for p in paragraphs):
        raise PlanImportError("empty", filename=name)
    _check_size(paragraphs, name)
    return paragraphs


def _check_size(paragraphs, name):
    """Refuse a document longer than any plan, before it is parsed (counted as its paragraphs and characters)."""
    if len(paragraphs) > MAX_PARAGRAPHS:
        raise PlanImportError("too_many_paragraphs", filename=name, limit=MAX_PARAGRAPHS)
    if sum(len(p) for p in paragraphs) > MAX_TEXT_CHARS:
        raise PlanImportError("too_many_characters", filename=name, limit=MAX_TEXT_CHARS)


# ---------------------------------------------------------------------------------------------------------------
# Plain text
# ---------------------------------------------------------------------------------------------------------------
def decode_text(data, filename=""):
    """Decode a text file: UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1258."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = [("utf-8", data[len(codecs.BOM_UTF8) :])]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = [("utf-16", data)]
    else:
        candidates = [("utf-8", data), ("cp1258", data)]
    for encoding, raw in candidates:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text or re.search(r"[\x01-\x08\x0e-\x1f]", text):
            continue  # binary, or UTF-16 without its BOM
        return text
    raise PlanImportError("bad_encoding", filename=filename)


def _txt(data, name):
    text = decode_text(data, name)
    if len(text) > MAX_TEXT_CHARS:
        raise PlanImportError("too_many_characters", filename=name, limit=MAX_TEXT_CHARS)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [line.rstrip() for line in text.split("\n")]


# ---------------------------------------------------------------------------------------------------------------
# Word
# ---------------------------------------------------------------------------------------------------------------
_FORMATS = {
    "upperRoman": to_roman,
    "lowerRoman": lambda n: to_roman(n).lower(),
    "upperLetter": lambda n: to_letters(n).upper(),
    "lowerLetter": to_letters,
    "decimalZero": lambda n: f"{n:02d}",
    "none": lambda n: "",
}


def _format_number(n, fmt):
    """A counter as Word's numFmt writes it (decimal for the formats not listed)."""
    return _FORMATS.get(fmt, str)(n)


def _bullet(text):
    text = (text or "").strip()
    if text in ("-", "–", "—", "+", "•", "*", "▪", "●", "◦"):
        return text
    if text == "o":
        return "+"
    return "-"


class _Numbering:
    """Word's automatic numbering: the label ("I.", "1.", "a)", "-") of each numbered paragraph, counted."""

    def __init__(self, document):
        self.abstract = {}  # abstractNumId -> {ilvl: (fmt, text, start)}
        self.nums = {}  # numId -> (abstractNumId, {ilvl: start override})
        self.styles = {}  # styleId -> (numId, ilvl, basedOn)
        self.counters = {}
        self.started = set()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        if root is not None:
            for absn in root.iter(f"{_W}abstractNum"):
                levels = {}
                for lvl in absn.iter(f"{_W}lvl"):
                    levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                        self._val(lvl, "numFmt", "decimal"),
                        self._val(lvl, "lvlText", ""),
                        int(self._val(lvl, "start", "1")),
                    )
                self.abstract[absn.get(f"{_W}abstractNumId")] = levels
            for num in root.iter(f"{_W}num"):
                overrides = {}
                for ov in num.iter(f"{_W}lvlOverride"):
                    start = ov.find(f"{_W}startOverride")
                    if start is not None:
                        overrides[int(ov.get(f"{_W}ilvl", "0"))] = int(start.get(f"{_W}val"))
                abstract = num.find(f"{_W}abstractNumId")
                if abstract is not None:
                    self.nums[num.get(f"{_W}numId")] = (abstract.get(f"{_W}val"), overrides)
        try:
            styles = document.styles.element
        except AttributeError:
            styles = None
        if styles is not None:
            for style in styles.iter(f"{_W}style"):
                ppr = style.find(f"{_W}pPr")
                num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
                based = style.find(f"{_W}basedOn")
                num_id = ilvl = None
                if num_pr is not None:
                    num_id = self._val(num_pr, "numId", None)
                    ilvl = self._val(num_pr, "ilvl", None)
                self.styles[style.get(f"{_W}styleId")] = (
                    num_id,
                    ilvl,
                    based.get(f"{_W}val") if based is not None else None,
                )

    @staticmethod
    def _val(element, tag, default):
        child = element.find(f"{_W}{tag}")
        return child.get(f"{_W}val", default) if child is not None else default

    def _num_pr(self, p):
        ppr = p.find(f"{_W}pPr")
        num_id = ilvl = None
        style_id = None
        if ppr is not None:
            num_pr = ppr.find(f"{_W}numPr")
            if num_pr is not None:
                num_id = self._val(num_pr, "numId", None)
                ilvl = self._val(num_pr, "ilvl", None)
            style_id = self._val(ppr, "pStyle", None)
        seen = set()
        while (num_id is None or ilvl is None) and style_id and style_id not in seen:
            seen.add(style_id)
            s_num, s_ilvl, based = self.styles.get(style_id, (None, None, None))
            num_id = num_id if num_id is not None else s_num
            ilvl = ilvl if ilvl is not None else s_ilvl
            style_id = based
        return num_id, int(ilvl or 0)

    def label(self, p):
        num_id, ilvl = self._num_pr(p)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        if ilvl not in levels:
            return None
        key = ("num", num_id) if overrides else ("abs", abstract_id)
        counters = self.counters.setdefault(key, {})
        if overrides and num_id not in self.started:
            self.started.add(num_id)
            for level, start in overrides.items():
                counters[level] = start - 1
        fmt, text, start = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [lv for lv in counters if lv > ilvl]:
            del counters[deeper]
        if fmt == "bullet":
            return _bullet(text)

        def repl(m):
            level = int(m.group(1)) - 1
            lfmt, _t, lstart = levels.get(level, ("decimal", "", 1))
            return _format_number(counters.get(level, lstart), lfmt)

        return re.sub(r"%(\d)", repl, text).strip() or None


def _docx_bold(paragraph):
    runs = [r for r in paragraph.runs if r.text.strip()]
    if not runs:
        return False
    style_bold = False
    style = paragraph.style
    while style is not None:
        if style.font is not None and style.font.bold is not None:
            style_bold = bool(style.font.bold)
            break
        if style.name and style.name.lower().startswith(("heading", "title")):
            style_bold = True
            break
        style = style.base_style
    for run in runs:
        bold = run.bold
        if bold is None and run.style is not None and run.style.font is not None:
            bold = run.style.font.bold
        if not (bold if bold is not None else style_bold):
            return False
    return True


def _docx_paragraph(paragraph, numbering):
    text = paragraph.text.strip()
    if not text:
        return None
    label = numbering.label(paragraph._p)
    if label:
        text = f"{label} {text}"
    if _docx_bold(paragraph):
        text = "\n".join(f"**{line}**" if line.strip() else line for line in text.split("\n"))
    return text


def _docx_blocks(parent, document, numbering):
    from docx.table import Table  # noqa: PLC0415 (optional dependency, imported where it is used)
    from docx.text.paragraph import Paragraph  # noqa: PLC0415

    for child in parent.iterchildren():
        tag = child.tag
        if tag == f"{_W}p":
            yield "p", Paragraph(child, document._body)
        elif tag == f"{_W}tbl":
            yield "tbl", Table(child, document._body)
        elif tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _docx_blocks(content, document, numbering)


def _docx_cell_paragraphs(cell, document, numbering):
    return _docx_texts(cell._tc, document, numbering)


def _docx_texts(element, document, numbering):
    """The non-empty paragraphs of `element` (the body or a cell), tables read row by row, in order."""
    out = []
    for kind, item in _docx_blocks(element, document, numbering):
        if kind == "p":
            text = _docx_paragraph(item, numbering)
            if text:
                out.append(text)
        else:
            out += _docx_table(item, document, numbering)
    return out


def _docx_table(table, document, numbering):
    out = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(_docx_cell_paragraphs(cell, document, numbering))
        if any(len(c) > 1 for c in cells):
            for paragraphs in cells:
                out += paragraphs
        else:
            texts = [c[0].replace("**", "") if c else "" for c in cells]
            if any(t.strip() for t in texts):
                out.append(" | ".join(texts))
    return out


def _docx(data, name):
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise PlanImportError("corrupt_docx", filename=name, detail="not a zip archive")
    try:
        import docx  # noqa: PLC0415 (optional dependency, imported where it is used)
        from docx.opc.exceptions import PackageNotFoundError  # noqa: PLC0415
    except ImportError as exc:  # pragma: no cover - python-docx is a declared dependency
        raise PlanImportError("unsupported_format", filename=name, extension=".docx") from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, AttributeError) as exc:
        raise PlanImportError("corrupt_docx", filename=name, detail=str(exc) or type(exc).__name__) from exc
    except Exception as exc:  # lxml and zip errors of a damaged file
        raise PlanImportError("corrupt_docx", filename=name, detail=str(exc) or type(exc).__name__) from exc
    if len(document.element.body.findall(f".//{_W}p")) > MAX_PARAGRAPHS:
        raise PlanImportError("too_many_paragraphs", filename=name, limit=MAX_PARAGRAPHS)
    return _docx_texts(document.element.body, document, _Numbering(document))


# ---------------------------------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------------------------------
_MARKER_RE = re.compile(r"^(?:[IVXL]{1,6}\s*[.\-–)]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][)]|[-–—•+*])\s*\S")


def _pdf_collect(element, layout, out):
    """Text lines (x0, x1, y0, y1, text, bold) under a pdfminer layout element, into `out`.

    pdfminer joins the pieces of text of one baseline that are near enough; a blank between two characters wider than
    their size that no space character fills (no word space is that wide; the blank before a tab stop or between two
    columns is) parts them again: the cells side by side of a table with narrow margins are two pieces of text. Text
    set apart by space characters stays one piece, its spaces kept (columns aligned with spaces, as in a .txt).
    """
    if isinstance(element, layout.LTTextLine):
        pieces = [[]]
        last, spaced = None, False
        for item in element:
            if isinstance(item, layout.LTChar) and item.get_text().strip():
                if last is not None and not spaced and item.x0 - last.x1 > max(item.size, last.size, 1.0):
                    pieces.append([])
                last, spaced = item, False
            elif isinstance(item, layout.LTChar):
                spaced = True
            pieces[-1].append(item)
        for piece in pieces:
            chars = [c for c in piece if isinstance(c, layout.LTChar) and c.get_text().strip()]
            text = "".join(item.get_text() for item in piece).strip()
            if text and chars:
                bold = sum("bold" in c.fontname.lower() for c in chars) >= 0.9 * len(chars)
                x0, x1 = min(c.x0 for c in chars), max(c.x1 for c in chars)
                out.append((x0, x1, element.y0, element.y1, text, bold))
    elif isinstance(element, layout.LTTextContainer):
        for child in element:
            _pdf_collect(child, layout, out)


def _pdf_rules(page, layout):
    """The horizontal rules drawn on a page (a table's borders): [(x0, x1, y)], the segments drawn end to end on one
    height joined."""
    segments = sorted(
        (round(e.y0), e.x0, e.x1)
        for e in page
        if isinstance(e, (layout.LTLine, layout.LTRect)) and e.height < 1.5 and e.width > 5
    )
    rules = []
    for y, x0, x1 in segments:
        if rules and rules[-1][2] == y and x0 <= rules[-1][1] + 2:
            rules[-1] = (rules[-1][0], max(x1, rules[-1][1]), y)
        else:
            rules.append((x0, x1, y))
    return rules


def _pdf_lines(data, name):
    """([(page number, its text lines top to bottom)], {page number: its horizontal rules})."""
    try:
        from pdfminer import layout  # noqa: PLC0415 (optional dependency, imported where it is used)
        from pdfminer.high_level import extract_pages  # noqa: PLC0415
    except ImportError as exc:  # pragma: no cover - pdfminer.six is a declared dependency
        raise PlanImportError("unsupported_format", filename=name, extension=".pdf") from exc
    pages, rules = [], {}
    try:
        _check_page_count(data, name)
        for page_no, page in enumerate(extract_pages(io.BytesIO(data), laparams=layout.LAParams())):
            lines = []
            for element in page:
                _pdf_collect(element, layout, lines)
            lines.sort(key=lambda ln: (-round(ln[3]), ln[0]))
            pages.append((page_no, _pdf_labels(lines)))
            rules[page_no] = _pdf_rules(page, layout)
    except PlanImportError:
        raise
    except Exception as exc:  # pdfminer raises many kinds of errors on a damaged file
        raise PlanImportError("corrupt_pdf", filename=name, detail=str(exc) or type(exc).__name__) from exc
    return pages, rules


_LABEL_RE = re.compile(r"(?:[IVXL]{1,6}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]|[-–—•+*]")


def _pdf_labels(lines):
    """The text lines of a page (top to bottom) with each list label drawn apart from its text joined to it.

    A word processor draws the label of an automatic list ("I.", "1.", "a)", "-", "+" …) apart from the text, which
    starts at a tab stop on its right: a piece that is only a label and has, on its right, a piece of text whose
    baseline is within the label's height, with no other piece on that baseline (three pieces of text on one
    baseline are the cells of a table row), is one line "label text", bold as its text is.
    """
    out = list(lines)
    for label in lines:
        if label not in out or not _LABEL_RE.fullmatch(label[4]):
            continue
        height = max(1.0, label[3] - label[2])
        row = [ln for ln in out if abs(ln[2] - label[2]) < 0.5 * height or abs(ln[3] - label[3]) < 0.5 * height]
        texts = [ln for ln in row if ln[0] > label[1] and ln[0] - label[1] < 6 * height]
        if len(row) != 2 or len(texts) != 1 or _LABEL_RE.fullmatch(texts[0][4]):
            continue
        text = texts[0]
        out[out.index(label)] = (label[0], text[1], text[2], text[3], f"{label[4]} {text[4]}", text[5])
        out.remove(text)
    out.sort(key=lambda ln: (-round(ln[3]), ln[0]))
    return out


def _check_page_count(data, name):
    """Refuse a PDF of more than MAX_PAGES pages by walking its page tree, before any page is laid out."""
    from pdfminer.pdfpage import PDFPage  # noqa: PLC0415 (optional dependency, imported where it is used)

    for count, _page in enumerate(PDFPage.get_pages(io.BytesIO(data), maxpages=MAX_PAGES + 1), start=1):
        if count > MAX_PAGES:
            raise PlanImportError("too_many_pages", filename=name, limit=MAX_PAGES)


def _pdf(data, name):
    if b"%PDF-" not in data[:1024]:
        raise PlanImportError("corrupt_pdf", filename=name, detail="no PDF header")
    pages, rules = _pdf_lines(data, name)
    if not pages:
        raise PlanImportError("corrupt_pdf", filename=name, detail="no page")
    if not any(page for _no, page in pages):
        raise PlanImportError("no_text_layer", filename=name)
    lines = []  # (x0, x1, y0, text, bold, left, right, pitch, page, lead)
    pages = [(page_no, [ln for ln in page if not _page_number(ln, page)]) for page_no, page in pages]
    everything = [ln for _no, page in pages for ln in page]
    right = max(ln[1] for ln in everything) if everything else 0  # the text block's margins, the same on all pages
    left = min(ln[0] for ln in everything) if everything else 0
    # the line spacing of the text, as a share of a line's height: the distance from a line to the one under it, its
    # lower quartile (the lines of one paragraph; paragraphs and rows are set farther apart)
    ratios = sorted(
        (a[2] - b[2]) / (a[3] - a[2])
        for _no, page in pages
        for a, b in itertools.pairwise(page)
        if 0 < a[2] - b[2] < 60 and a[3] > a[2]
    )
    spacing = ratios[len(ratios) // 4] if ratios else 1.2
    for page_no, page in pages:
        if not page:
            continue
        gaps = [a[2] - b[2] for a, b in itertools.pairwise(page) if 0 < a[2] - b[2] < 60]
        pitch = statistics.median(gaps) if gaps else 14.0
        lines += [
            (x0, x1, y0, text, bold, left, right, pitch, page_no, (y1 - y0) * spacing)
            for x0, x1, y0, y1, text, bold in page
        ]
    out, lines = _pdf_header(lines)
    current = None
    for line in _pdf_table_rows(lines, rules):
        if line[3] is None:  # a table row: its cells apart by " | ", a paragraph of its own
            if current is not None:
                out.append(_pdf_text(current))
            current = None
            out.append(" | ".join(line[4]))
            continue
        _x0, _x1, y0, text, bold, _left, _right, pitch, page_no, _lead = line
        if current is not None and _pdf_continues(current["last"], line):
            current["text"] += " " + text
            current["last"] = line
            continue
        if current is not None:
            out.append(_pdf_text(current))
            last = current["last"]
            if last[8] == page_no and last[2] - y0 > 1.45 * pitch:
                out.append("")  # a blank line between the two paragraphs
        current = {"text": text, "bold": bold, "last": line}
    if current is not None:
        out.append(_pdf_text(current))
    return out


def _pdf_header(lines):
    """(the paragraphs of a header set in two columns, the lines after it).

    A header set in two columns side by side (a borderless table: the issuing bodies and the number on the left, the
    national motto and the place and date on the right) starts the first page with a piece of text in each column,
    the right one past four tenths of the text's width. It goes on down to the last baseline with a piece in the
    right column, as long as no piece of text crosses the column's edge and no wide space parts two baselines
    (paragraphs may be set apart by a blank line's height). It is read as the word processor holds it, the left
    column then the right one, each column's lines joined where a line fills its column (a cell's text wrapped in
    it, :func:`_pdf_fills`).
    """
    baselines = _pdf_baselines([ln for ln in lines if ln[8] == lines[0][8]]) if lines else []
    if not baselines or len(baselines[0]) < 2:
        return [], lines
    left, right, pitch = baselines[0][0][5], baselines[0][0][6], baselines[0][0][7]
    edge = baselines[0][-1][0] - _COLUMN_TOLERANCE
    if edge < left + 0.4 * (right - left):
        return [], lines
    end = 0
    for n, pieces in enumerate(baselines):
        if any(ln[0] < edge < ln[1] for ln in pieces):
            break  # a line across both columns: the header is over
        if n and baselines[n - 1][0][2] - pieces[0][2] > 2.5 * pitch:
            break  # far below: not the header's
        if any(ln[0] >= edge for ln in pieces):
            end = n + 1
    region = [ln for pieces in baselines[:end] for ln in pieces]
    columns = [ln for ln in region if ln[0] < edge], [ln for ln in region if ln[0] >= edge]
    gaps = [a[2] - b[2] for column in columns for a, b in itertools.pairwise(column)]
    tight = min(gaps, default=0.0)
    spacing = tight if any(g > 1.3 * tight for g in gaps) else None  # the lines of a paragraph, closer than paragraphs
    out = []
    for column in columns:
        width = max(ln[1] for ln in column) - min(ln[0] for ln in column) if column else 0
        current = None
        for line in column:
            if current is not None and _pdf_fills(current["last"], line, width, spacing):
                current["text"] += " " + line[3]
            else:
                if current is not None:
                    out.append(_pdf_text(current))
                current = {"text": line[3], "bold": line[4]}
            current["last"] = line
        if current is not None:
            out.append(_pdf_text(current))
    return out, [ln for ln in lines if ln not in region]


def _pdf_fills(prev, line, width, spacing):
    """Whether the line `prev` filled a column `width` wide (its widest line's), so that `line` just under it goes on
    with its text: the next word would not have fitted beside it (the line's own width, wherever the column aligns
    it), and `line` sits at the `spacing` of the lines of one paragraph under it (when paragraphs are set farther
    apart; when they are not, only a line that reads on, in lower case or a number, goes on). A line of dashes or other
    signs, no letter nor digit, is a rule of its own."""
    char_w = (prev[1] - prev[0]) / max(1, len(prev[3]))
    words = line[3].split()
    if prev[4] != line[4] or not any(ch.isalnum() for ch in line[3]):
        return False
    if spacing is None and not (line[3][:1].isdigit() or line[3][:1].islower()):
        return False
    if spacing is not None and prev[2] - line[2] > 1.15 * spacing:
        return False
    return prev[1] - prev[0] + (len(words[0]) + 1) * char_w >= width - 0.5 * char_w


def _page_number(line, page):
    """Whether `line` is a page number: a number alone on its line (not the number cell of a table row)."""
    if not re.fullmatch(r"[-–\s]*\d{1,3}[-–\s]*", line[4]):
        return False
    height = max(1.0, line[3] - line[2])
    return not any(other is not line and abs(other[2] - line[2]) < 0.5 * height for other in page)


_ROW_NUMBER_RE = re.compile(r"^(?:\d{1,3}(?:\.\d{1,2})*|[IVXL]{1,6}|[a-zđA-Z])[.)]?$")
_COLUMN_TOLERANCE = 2.5  # points: the pieces of one column start at its x, as a cell's text starts at its left edge


def _pdf_baselines(lines):
    """The lines grouped by baseline (pieces of text whose bottoms are within a third of the line pitch, on one
    page), each baseline's pieces left to right."""
    out = []
    for line in lines:
        last = out[-1][0] if out else None
        if last is not None and last[8] == line[8] and abs(last[2] - line[2]) < 0.35 * last[7]:
            out[-1].append(line)
        else:
            out.append([line])
    return [sorted(pieces, key=lambda ln: ln[0]) for pieces in out]


def _pdf_slots(pieces, columns):
    """The column of each piece (the one whose x it starts at), or None when a piece starts at none of them or two
    pieces start at one."""
    slots = [next((c for c, x in enumerate(columns) if abs(x - ln[0]) < _COLUMN_TOLERANCE), None) for ln in pieces]
    if None in slots or len(set(slots)) < len(slots):
        return None
    return slots


def _pdf_table_rows(lines, rules=None):
    """The lines with the rows of tables gathered, each row given as (x0, x1, y0, None, cells, bold, left, right,
    pitch, page).

    A table is read from its columns: the x at which the pieces of its first row start (three pieces of text or more
    on one baseline, or two when a second row follows at the same two columns: a table of two columns). The
    baselines under it whose pieces all start at its columns, no farther apart than a blank line, are its rows or the
    lines of its wrapped cells (:func:`_pdf_table`): a piece takes the cell of its column, so that a column left
    empty in a row stays an empty cell ("") and the cells after it keep their places. A table cut by a page break
    goes on on the next page: its columns, and its last row's cells when their text goes on at the top of the page.
    """
    baselines = _pdf_baselines(lines)
    out = []
    carried = None  # (columns, their limits, the last line of the last row) of a table cut by a page break
    k = 0
    while k < len(baselines):
        pieces = baselines[k]
        slots = _pdf_slots(pieces, carried[0]) if carried else None
        placed = list(zip(slots, pieces, strict=True)) if slots is not None else []
        if placed and all(c in carried[2] and _pdf_wraps(carried[2][c], ln, carried[1][c]) for c, ln in placed):
            row = out[-1]  # the last row's cells go on at the top of the page
            cells = list(row[4])
            for c, ln in placed:
                cells[c] = f"{cells[c]} {ln[3]}".strip()
            out[-1] = (*row[:4], cells, *row[5:])
            carried = (carried[0], carried[1], dict(placed))
            k += 1
            continue
        found = _pdf_table(baselines, k, carried[0] if carried else None, rules) if len(pieces) >= 2 else None
        carried = None
        if found is None:
            out += pieces
            k += 1
            continue
        rows, k, state = found
        out += rows
        if k < len(baselines) and baselines[k][0][8] != rows[-1][9]:
            carried = state
    return out


def _pdf_table(baselines, k, columns=None, rules=None):
    """The rows of the table whose first row is the baseline `k` (its columns the pieces' x, or `columns` carried
    from the page before): (rows, the index of the first baseline after the table, (its columns, their limits, the
    last line of its last row)), or None.

    A baseline under a row goes on in the row's cells (a cell's text wrapped in its column) when it sits at the
    text's line spacing under the row's last line (rows are set farther apart by the cells' margins, when they have
    some) and each of its pieces goes on with the piece above it (:func:`_pdf_wraps`). Any other baseline of two
    pieces or more is a new row; a single piece that does not go on a cell ends the table. A first row of two pieces
    with no second row is no table (a line of a layout: a number and a date side by side). In a ruled table (a rule
    across its columns just above its first row), the rules tell the rows apart: a baseline with no rule above it goes
    on in the row's cells, one under a rule (across one of its columns at least: a cell merged with the one above
    leaves its part out) is a new row, and an empty cell of it with no rule above it is merged with the cell above: it
    holds the same text.
    """
    pieces = baselines[k]
    if columns is None or _pdf_slots(pieces, columns) is None:
        columns = [ln[0] for ln in pieces]
    slotted = _pdf_block(baselines, k, columns)
    limits = _pdf_limits(slotted, columns)
    page_rules = [r for r in (rules or {}).get(pieces[0][8], ()) if any(r[0] < x < r[1] for x in columns)]
    top = pieces[0]
    ruled = any(x0 < columns[0] and x1 > columns[-1] and top[2] < y <= top[2] + 2 * top[9] for x0, x1, y in page_rules)
    rows = []  # [cells, the last line's pieces by column, first piece, y0 and lead of the last line, merged columns]
    end = k + 1
    merged = ()
    for n, placed in enumerate(slotted):
        if rows:
            cells, above, first, y0, lead, _merged = rows[-1]
            below = placed[0][1][2]
            if ruled:
                parting = [r for r in page_rules if below + 0.5 * (y0 - below) < r[2] < y0 + 1]
                goes_on = not parting
                merged = {c for c, x in enumerate(columns) if not any(x0 < x < x1 for x0, x1, _y in parting)}
            else:
                near = y0 - below <= 1.1 * lead  # at the text's line spacing, not set apart as rows are
                goes_on = near and all(c in above and _pdf_wraps(above[c], ln, limits[c]) for c, ln in placed)
            if goes_on:
                for c, ln in placed:
                    cells[c] = f"{cells[c]} {ln[3]}".strip()
                rows[-1][1:5] = [dict(placed), first, placed[0][1][2], max(ln[9] for _c, ln in placed)]
                end = k + n + 1
                continue
            if len(placed) < 2:
                break
        cells = [""] * len(columns)
        for c, ln in placed:
            cells[c] = ln[3]
        rows.append([cells, dict(placed), placed[0][1], placed[0][1][2], max(ln[9] for _c, ln in placed), merged])
        end = k + n + 1
    if len(rows) < 2 and len(columns) < 3:
        return None
    out = []
    for r, (cells, above, first, y0, _lead, merged) in enumerate(rows):
        for c in merged:  # a cell merged with the one above (no rule parts them): its text in each row, as in a .docx
            cells[c] = cells[c] or rows[r - 1][0][c]
        x1 = max(ln[1] for ln in above.values())
        out.append((first[0], x1, y0, None, cells, first[4], *first[5:]))
    return out, end, (columns, limits, rows[-1][1])


def _pdf_block(baselines, k, columns):
    """The baselines from `k` on whose pieces all start at `columns`, on one page, none farther below the one above
    it than a blank line: each as [(its column, piece)]."""
    page, pitch = baselines[k][0][8], baselines[k][0][7]
    block = [baselines[k]]
    for following in baselines[k + 1 :]:
        if following[0][8] != page or block[-1][0][2] - following[0][2] > 1.45 * pitch:
            break
        if _pdf_slots(following, columns) is None:
            break
        block.append(following)
    return [list(zip(_pdf_slots(b, columns), b, strict=True)) for b in block]


def _pdf_limits(slotted, columns):
    """Where the text of each column must end, and whether two of its lines reach there (else the one that does is
    the only one to tell): before the next column, less the narrowest space seen between a text and the next column;
    the last column, at the widest of its texts."""
    last = len(columns) - 1
    gaps = [columns[c + 1] - ln[1] for b in slotted for c, ln in b if c < last]
    gutter = max(0.0, min(gaps)) if gaps else 0.0
    right = max((ln[1] for b in slotted for c, ln in b if c == last), default=columns[last])
    limits = [columns[c + 1] - gutter for c in range(last)] + [right]
    reached = [sum(ln[1] >= limits[c] - 0.5 for b in slotted for col, ln in b if col == c) for c in range(last + 1)]
    return [(limit, count >= 2) for limit, count in zip(limits, reached, strict=True)]


def _pdf_wraps(above, piece, column_limit):
    """Whether the text `above` (a piece of a table row) filled its column up to `limit`, so that `piece` under it
    goes on in its cell: the next word would not have fitted. Not a number under a number (the next row's), nor a new
    item after a full stop ("- …" after "…;"); and when the line above is the only one to tell where its column ends
    (it reaches `limit`, and no other line does), only a piece that reads on (a word in lower case)."""
    limit, seen_twice = column_limit
    char_w = (above[1] - above[0]) / max(1, len(above[3]))
    text = piece[3]
    if above[1] + (len(text.split()[0]) + 1) * char_w < limit - 0.5 * char_w:
        return False  # the next word would have fitted: the cell's text ended there
    if _ROW_NUMBER_RE.match(above[3]) and _ROW_NUMBER_RE.match(text):
        return False
    terminal = above[3].rstrip(" \"'”)»*")[-1:] in (".", ":", ";", "!", "?")
    if terminal and _MARKER_RE.match(text):
        return False
    if above[1] >= limit - 0.5 and not seen_twice:
        return text[:1].isalpha() and text[:1].islower()
    return True


def _pdf_continues(prev, line):
    """Whether `line` goes on with the paragraph whose last line is `prev` (a line that reached the margin)."""
    px0, px1, py0, ptext, pbold, pleft, pright, ppitch, ppage, _plead = prev
    x0, _x1, y0, text, bold, left, _right, _pitch, page, _lead = line
    if bold != pbold or ("   " in ptext and "   " in text):
        return False  # two lines of columns aligned with spaces: two rows of a layout, not one sentence
    if px0 > pleft + 0.25 * (pright - pleft):
        return False  # a line of a right-hand column (motto, date, signature) is no wrapped body line
    char_w = (px1 - px0) / max(1, len(ptext))
    first_word = text.split()[0] if text.split() else ""
    if px1 + (len(first_word) + 1) * char_w < pright - 0.5 * char_w:
        return False  # the previous line stopped short of the margin: its paragraph ended there
    if page == ppage:
        gap = py0 - y0
        if gap < 0.3 * ppitch or gap > 1.45 * ppitch:
            return False  # same row (another column) or a blank line between
    terminal = ptext.rstrip(" \"'”)»*")[-1:] in (".", ":", ";", "!", "?")
    if terminal and (_MARKER_RE.match(text) or x0 > left + 2 * char_w):
        return False  # a new item, or a new indented paragraph
    return True


def _pdf_text(paragraph):
    """The text of a paragraph, its spaces collapsed but for three spaces or more inside a line (columns aligned with
    spaces, given as three spaces); all-bold, wrapped in "**"."""
    text = re.sub(r"\s+", lambda m: "   " if re.fullmatch(" {3,}", m.group()) else " ", paragraph["text"]).strip()
    return f"**{text}**" if paragraph["bold"] else text
