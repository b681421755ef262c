# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Plan files for the import tests: a plan's text as .txt, as a .docx and as a .pdf, and bad files.

The .docx and .pdf builders are the parser tests' own (tests/plan_fixtures.py of the repository: python-docx
writes what a word processor would, reportlab prints the text with wrapped lines), loaded by file path.
"""

import importlib.util
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from . import test_any_plan as any_plan
from .test_any_plan import MIN_LENGTH, normalise

DATA = Path(__file__).resolve().parent / "data"
FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "plan_fixtures.py"
SEED, SAMPLES = any_plan.SEED, any_plan.SAMPLES  # the demo plans' sources, named once
LAYOUTS = (
    "atvsld-2026-cd-kcn-bac-ninh",
    "chuyen-doi-so-2026-cd-xa-thanh-son-ban-sao-pdf",
    "thang-cong-nhan-2026-ldld-ninh-binh",
    "ngay-thay-thuoc-2026-cd-nganh-y-te-quang-ninh",
    "hoi-thao-2025-cd-tong-cong-ty-dien-luc-mien-bac",
)


def _builders():
    if not FIXTURES.exists():
        raise FileNotFoundError(f"{FIXTURES} is missing: the import tests build their .docx and .pdf files with it")
    name = "union_campaign_plan_fixtures"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, FIXTURES)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def compare_facts(expected, actual):
    """The parser tests' comparison of facts (tests/plan_fixtures.py), so both suites judge alike."""
    return _builders().compare_facts(expected, actual)


def plan_text(name):
    """The text of a plan: the seed and the samples in data/, the other layouts in data/plans/."""
    path = DATA / f"{name}.txt"
    return (path if path.exists() else DATA / "plans" / f"{name}.txt").read_text(encoding="utf-8")


def expected_facts(name):
    path = DATA / f"{name}.expected.json"
    return json.loads((path if path.exists() else DATA / "plans" / f"{name}.expected.json").read_text("utf-8"))


def plan_file(name, fmt):
    """(bytes, file name) of a plan as .txt, .docx (Word numbering, header and signature in tables) or .pdf."""
    text = plan_text(name)
    if fmt == "txt":
        return text.encode("utf-8"), f"{name}.txt"
    if fmt == "docx":
        return _builders().txt_to_docx(text, numbering=True, closing_table="cell", header_table=True), f"{name}.docx"
    if fmt == "docx-plain":
        return _builders().txt_to_docx(text, numbering=False, closing_table="row", header_table=False), f"{name}.docx"
    if fmt == "pdf":
        return _builders().txt_to_pdf(text), f"{name}.pdf"
    if fmt == "pdf-libreoffice":
        docx = _builders().txt_to_docx(text, numbering=True, closing_table="cell", header_table=True)
        return libreoffice_pdf(docx), f"{name}.pdf"
    raise ValueError(fmt)


def libreoffice_pdf(docx):
    """The PDF LibreOffice exports from `docx` (bytes), as an office makes its PDFs; fails when soffice is missing."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise AssertionError(
            "LibreOffice is not installed (no soffice on PATH): install Debian's package libreoffice-writer-nogui to "
            "test the PDFs a word processor exports"
        )
    with tempfile.TemporaryDirectory(prefix="uc-libreoffice-") as folder:
        source = Path(folder) / "plan.docx"
        source.write_bytes(docx)
        profile = (Path(folder) / "profile").as_uri()  # its own profile: parallel runs do not share a lock
        done = subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                folder,
                str(source),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        pdf = source.with_suffix(".pdf")
        if not pdf.exists():
            raise AssertionError(f"soffice did not convert the plan (exit {done.returncode}): {done.stderr[-2000:]}")
        return pdf.read_bytes()


def image_only_pdf():
    return _builders().image_only_pdf()


def zip_not_docx():
    """A .docx that is really a zip archive of something else."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("ke-hoach.txt", "KẾ HOẠCH\nTổ chức Tháng Công nhân năm 2026")
        archive.writestr("anh/logo.png", b"\x89PNG\r\n\x1a\n")
    return out.getvalue()


def source_lines(text):
    """The lines of a plan's text that the fidelity ratio counts (longer than MIN_LENGTH), in reading order.

    The header is two columns (the bodies and the number on the left; the motto, the place and date on the
    right), read column after column; a header line of columns aligned with spaces counts as its cells.
    """
    lines = text.splitlines()
    title = next(i for i, line in enumerate(lines) if normalise(line).startswith("KẾ HOẠCH"))
    left, right = [], []
    for line in lines[:title]:
        cells = [cell for cell in re.split(r" {3,}|\t", line.strip()) if cell.strip()]
        if len(cells) > 1:
            left.append(cells[0])
            right += cells[1:]
        elif cells and re.search(r", ngày \d|CỘNG HÒA|^Độc lập", cells[0]):
            right += cells
        else:
            left += cells
    # A table's row ("1 | Công ty … | 12/5/2026", or its cells between tabs) reads as its cells one after the other.
    ordered = [normalise(line.replace(" | ", " ")) for line in (*left, *right, *lines[title:])]
    return [line for line in ordered if len(line) > MIN_LENGTH]
