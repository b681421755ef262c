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
  ``**``; three pieces of text or more on one baseline are a table row, given as one paragraph with its cells joined
  by " | " (a cell's text wrapped in its column is joined back from the lines under the row); an empty string
  stands where a blank space parts two paragraphs; a line holding only a page number is left out.

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
    """Text lines (x0, x1, y0, y1, text, bold) under a pdfminer layout element, into `out`."""
    if isinstance(element, layout.LTTextLine):
        chars = [c for c in element if isinstance(c, layout.LTChar) and c.get_text().strip()]
        text = element.get_text().strip()
        if text:
            bold = bool(chars) and sum("bold" in c.fontname.lower() for c in chars) >= 0.9 * len(chars)
            out.append((element.x0, element.x1, element.y0, element.y1, text, bold))
    elif isinstance(element, layout.LTTextContainer):
        for child in element:
            _pdf_collect(child, layout, out)


def _pdf_lines(data, name):
    """[(page number, its text lines top to bottom)]."""
    try:
        from pdfminer import layout  # noqa: PLC0415 (optional dependency, imported where it is used)
        from pdfminer.high_level import extract_pages  # noqa: PLC0415
    except ImportError as exc:  # pragma: no cover - pdfminer.six is a declared dependency
        raise PlanImportError("unsupported_format", filename=name, extension=".pdf") from exc
    pages = []
    try:
        _check_page_count(data, name)
        for page_no, page in enumerate(extract_pages(io.BytesIO(data), laparams=layout.LAParams())):
            lines = []
            for element in page:
                _pdf_collect(element, layout, lines)
            lines.sort(key=lambda ln: (-round(ln[3]), ln[0]))
            pages.append((page_no, lines))
    except PlanImportError:
        raise
    except Exception as exc:  # pdfminer raises many kinds of errors on a damaged file
        raise PlanImportError("corrupt_pdf", filename=name, detail=str(exc) or type(exc).__name__) from exc
    return pages


def _check_page_count(data, name):
    """Refuse a PDF of more than MAX_PAGES pages by walking its page tree, before any page is laid out."""
    from pdfminer.pdfpage import PDFPage  # noqa: PLC0415 (optional dependency, imported where it is used)

    for count, _page in enumerate(PDFPage.get_pages(io.BytesIO(data), maxpages=MAX_PAGES + 1), start=1):
        if count > MAX_PAGES:
            raise PlanImportError("too_many_pages", filename=name, limit=MAX_PAGES)


def _pdf(data, name):
    if b"%PDF-" not in data[:1024]:
        raise PlanImportError("corrupt_pdf", filename=name, detail="no PDF header")
    pages = _pdf_lines(data, name)
    if not pages:
        raise PlanImportError("corrupt_pdf", filename=name, detail="no page")
    if not any(page for _no, page in pages):
        raise PlanImportError("no_text_layer", filename=name)
    lines = []  # (x0, x1, y0, text, bold, left, right, pitch, page)
    pages = [(page_no, [ln for ln in page if not _page_number(ln, page)]) for page_no, page in pages]
    everything = [ln for _no, page in pages for ln in page]
    right = max(ln[1] for ln in everything) if everything else 0  # the text block's margins, the same on all pages
    left = min(ln[0] for ln in everything) if everything else 0
    for page_no, page in pages:
        if not page:
            continue
        gaps = [a[2] - b[2] for a, b in itertools.pairwise(page) if 0 < a[2] - b[2] < 60]
        pitch = statistics.median(gaps) if gaps else 14.0
        lines += [(x0, x1, y0, text, bold, left, right, pitch, page_no) for x0, x1, y0, _y1, text, bold in page]
    out = []
    current = None
    for line in _pdf_table_rows(lines):
        if line[3] is None:  # a table row: its cells apart by " | ", a paragraph of its own
            if current is not None:
                out.append(_pdf_text(current))
            current = None
            out.append(" | ".join(line[4]))
            continue
        _x0, _x1, y0, text, bold, _left, _right, pitch, page_no = line
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


def _page_number(line, page):
    """Whether `line` is a page number: a number alone on its line (not the number cell of a table row)."""
    if not re.fullmatch(r"[-–\s]*\d{1,3}[-–\s]*", line[4]):
        return False
    height = max(1.0, line[3] - line[2])
    return not any(other is not line and abs(other[2] - line[2]) < 0.5 * height for other in page)


def _pdf_table_rows(lines):
    """The lines with the rows of tables gathered: three pieces of text or more on one baseline are a row (its
    cells, left to right); the lines right under a row whose pieces all start at its columns (not the first) go on
    in its cells (a cell's text wrapped in its column). A row is given as (x0, x1, y0, None, cells, bold, left,
    right, pitch, page)."""
    out = []
    i = 0
    columns = None  # the x of the columns of the last row, while rows go on
    while i < len(lines):
        line = lines[i]
        same = [line]
        j = i + 1
        while j < len(lines) and lines[j][8] == line[8] and abs(lines[j][2] - line[2]) < 0.35 * line[7]:
            same.append(lines[j])
            j += 1
        same.sort(key=lambda ln: ln[0])
        row = out[-1] if out and out[-1][3] is None else None
        if row is not None and columns and row[9] == line[8] and 0 < row[2] - line[2] < line[7]:
            slots = [next((c for c, x in enumerate(columns) if abs(x - ln[0]) < 2.5), None) for ln in same]
            if all(slot not in (None, 0) for slot in slots):
                cells = list(row[4])
                for slot, ln in zip(slots, same, strict=True):
                    cells[slot] = f"{cells[slot]} {ln[3]}".strip() if slot < len(cells) else ln[3]
                out[-1] = (row[0], row[1], line[2], None, cells, *row[5:])
                i = j
                continue
        if len(same) >= 3:
            columns = [ln[0] for ln in same]
            out.append((same[0][0], same[-1][1], line[2], None, [ln[3] for ln in same], line[4], *line[5:]))
            i = j
            continue
        columns = None if row is None else columns
        out += same
        i = j
    return out


def _pdf_continues(prev, line):
    """Whether `line` goes on with the paragraph whose last line is `prev` (a line that reached the margin)."""
    px0, px1, py0, ptext, pbold, pleft, pright, ppitch, ppage = prev
    x0, _x1, y0, text, bold, left, _right, _pitch, page = line
    if bold != pbold:
        return False
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
    text = re.sub(r"\s+", " ", paragraph["text"]).strip()
    return f"**{text}**" if paragraph["bold"] else text
