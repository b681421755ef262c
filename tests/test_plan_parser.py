# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The plan parser (union_campaign/tools/plan_parser/, plan_extract.py): pure Python, no Odoo server.

Each plan (the seed, the shared samples, the layouts of union_campaign/tests/data/plans) is read as .txt, as a
.docx and as a .pdf made from it here, and as the .pdf LibreOffice exports from its .docx (the way offices make
their PDFs: Word's automatic numbering, the header in a borderless table, ruled tables); its facts must equal its
``.expected.json`` and its text must come back from the tree.

Comparison of facts: the keys the expected file has (not the plan's "note", "source", "issuer_level", nor the
notes below it); dates, numbers, counts, header and signature lines exactly; free-text values (who, what, to,
issuer, source, item, of, per, by) by a normalised containment: one of the expected text's " / " alternatives,
NFC-normalised, spaces collapsed and case-folded, is contained in the parsed text.
"""

import codecs
import copy
import io
import json
import re
import shutil
import subprocess
import unicodedata
import uuid
import zipfile
from datetime import date
from unittest.mock import patch

import pytest
from plan_facts import facts
from plan_fixtures import ROOT, compare_facts, image_only_pdf, load_tool, txt_to_docx, txt_to_pdf

pp = load_tool("plan_parser")
pe = load_tool("plan_extract")

# One copy of the plans for every suite: the addon's test data (the samples are copies of shared/samples/plans).
SAMPLES = ROOT / "union_campaign" / "tests" / "data"
DATA = SAMPLES / "plans"
SEED = SAMPLES / "ke-hoach-43-KH-LDLD-long-bien-2020.txt"
SAMPLE_NAMES = ["tet-sum-vay-2025-gia-lam", "thi-dua-2027-cd-ngan-hang", "dai-hoi-cdcs-may-phu-thinh-2027"]
LAYOUTS = sorted(p.stem for p in DATA.glob("*.txt"))


def _case(name):
    """(source text, expected facts) of a plan."""
    if name == SEED.stem:
        return SEED.read_text(encoding="utf-8"), json.loads((DATA / f"{name}.expected.json").read_text("utf-8"))
    folder = SAMPLES if name in SAMPLE_NAMES else DATA
    if not (folder / f"{name}.txt").exists():
        pytest.fail(f"{folder / name}.txt is missing")
    return (folder / f"{name}.txt").read_text("utf-8"), json.loads(
        (folder / f"{name}.expected.json").read_text("utf-8")
    )


CASES = [SEED.stem, *SAMPLE_NAMES, *LAYOUTS]
# "pdf-tight": a PDF whose table rows are as close as the lines of a wrapped cell (no cell margins)
FORMATS = ["txt", "docx-numbered", "docx-plain", "pdf", "pdf-tight"]


def _line_norm(line):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", line).replace("**", "")).strip()


def line_coverage(source, lines):
    """Share of the source's non-empty lines longer than 25 characters found in `lines`, in the same order.

    A line of columns aligned with spaces (the header of a .txt) counts as its cells: a word processor puts them in
    the cells of a table.
    """
    cells = [cell for line in source.splitlines() for cell in re.split(r" {3,}|\t", line)]
    wanted = [n for n in (_line_norm(cell) for cell in cells) if len(n) > 25]
    haystack = "\n".join(_line_norm(line) for line in lines)
    position, missing = 0, []
    for line in wanted:
        found = haystack.find(line, position)
        if found < 0:
            missing.append(line)
        else:
            position = found + len(line)
    return 1 - len(missing) / len(wanted), missing


def _file(text, fmt):
    if fmt == "txt":
        return text.encode("utf-8"), "plan.txt"
    if fmt == "docx-numbered":
        return txt_to_docx(text, numbering=True, closing_table="cell", header_table=True), "plan.docx"
    if fmt == "docx-plain":
        return txt_to_docx(text, numbering=False, closing_table="row", header_table=False), "plan.docx"
    return txt_to_pdf(text, row_gap=0 if fmt == "pdf-tight" else 2), "plan.pdf"


@pytest.fixture(scope="module")
def files():
    cache = {}

    def get(name, fmt):
        if (name, fmt) not in cache:
            text, expected = _case(name)
            cache[name, fmt] = (text, expected, *_file(text, fmt))
        return cache[name, fmt]

    return get


# ---------------------------------------------------------------------------------------------------------------
# Each plan, each format
# ---------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", CASES)
def test_plan_facts_and_text(files, name, fmt):
    text, expected, data, filename = files(name, fmt)
    plan = pp.parse_plan(pe.extract_paragraphs(data, filename))
    diffs = compare_facts(expected, facts(plan))
    assert not diffs, "\n".join(diffs)
    share, missing = line_coverage(text, plan.lines())
    assert share >= 0.98, f"{share:.1%} of the lines found; missing: {missing}"
    assert not plan.unrecognised, plan.unrecognised


# The .docx layouts LibreOffice exports to PDF: Word's numbering with the header and the closing in tables of two
# columns, and plain paragraphs (the closing a row per line).
LIBREOFFICE_LAYOUTS = {
    "numbered": {"numbering": True, "closing_table": "cell", "header_table": True},
    "plain": {"numbering": False, "closing_table": "row", "header_table": False},
}


@pytest.fixture(scope="session")
def libreoffice_pdfs(tmp_path_factory):
    """{(plan, layout): the PDF LibreOffice exports from its .docx}, every file converted by one soffice call."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail(
            "LibreOffice is not installed (no soffice on PATH): install Debian's package libreoffice-writer-nogui "
            "(apt-get install --no-install-recommends libreoffice-writer-nogui) to test the PDFs a word processor "
            "exports",
            pytrace=False,
        )
    folder = tmp_path_factory.mktemp("libreoffice")
    documents = {}
    for name in CASES:
        text, _expected = _case(name)
        for layout, options in LIBREOFFICE_LAYOUTS.items():
            path = folder / f"{name}--{layout}.docx"
            path.write_bytes(txt_to_docx(text, **options))
            documents[name, layout] = path
    profile = folder / f"profile-{uuid.uuid4().hex}"  # its own profile: parallel runs do not share a lock
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf"]
    done = subprocess.run(
        [*command, "--outdir", str(folder), *map(str, documents.values())],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    pdfs = {key: path.with_suffix(".pdf") for key, path in documents.items()}
    missing = [path.name for path in pdfs.values() if not path.exists()]
    if missing:
        pytest.fail(f"soffice did not convert {missing} (exit {done.returncode}): {done.stderr[-2000:]}", pytrace=False)
    return {key: path.read_bytes() for key, path in pdfs.items()}


@pytest.mark.parametrize("layout", LIBREOFFICE_LAYOUTS)
@pytest.mark.parametrize("name", CASES)
def test_pdf_exported_by_libreoffice(libreoffice_pdfs, name, layout):
    """A word processor's PDF: list labels drawn apart from their text, the header's two columns side by side,
    ruled tables whose rows are as close as the lines of their cells, merged cells.

    The text is checked line by line down to the recipients ("Nơi nhận"): a recipient wrapped in its column beside
    the signature is two paragraphs of the PDF, printed as such; the recipients must be those of the .txt.
    """
    text, expected = _case(name)
    plan = pp.parse_plan(pe.extract_paragraphs(libreoffice_pdfs[name, layout], "plan.pdf"))
    diffs = compare_facts(expected, facts(plan))
    assert not diffs, "\n".join(diffs)
    assert plan.recipients == pp.parse_plan(text).recipients
    share, missing = line_coverage(text.split("Nơi nhận")[0], plan.lines())
    assert share >= 0.98, f"{share:.1%} of the lines found; missing: {missing}"
    assert not plan.unrecognised, plan.unrecognised


@pytest.mark.parametrize("name", CASES)
def test_text_given_as_one_string(name):
    text, expected = _case(name)
    plan = pp.parse_plan(text)
    assert not compare_facts(expected, facts(plan))
    share, missing = line_coverage(text, plan.lines())
    assert share == 1, missing


@pytest.mark.parametrize("name", CASES)
def test_every_paragraph_placed_exactly_once_in_order(name):
    text, _expected = _case(name)
    plan = pp.parse_plan(text)
    placed = [key for key, _role in plan.claims]
    assert len(placed) == len(set(placed))
    assert set(placed) == set(plan.paragraphs)
    # the tree, read depth first (a section's heading, its paragraphs, then its sub-sections), follows the source
    walked = []
    for section in plan.walk():
        walked += [section.index] if section.index >= 0 else []
        walked += [block.index for block in section.blocks]
    assert walked == sorted(walked)


@pytest.mark.parametrize("name", CASES)
def test_nfd_input_parses_identically(name):
    text, _expected = _case(name)
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    nfc_plan, nfd_plan = pp.parse_plan(text), pp.parse_plan(nfd)
    assert facts(nfd_plan) == facts(nfc_plan)
    assert nfd_plan.lines() == nfc_plan.lines()


# ---------------------------------------------------------------------------------------------------------------
# Particular readings
# ---------------------------------------------------------------------------------------------------------------
MINI = """LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI
LIÊN ĐOÀN LAO ĐỘNG HUYỆN GIA LÂM
Số: 34 /KH-LĐLĐ
Gia Lâm, ngày 16 tháng 11 năm 2026
KẾ HOẠCH
Kiểm tra công tác tài chính công đoàn
Căn cứ Kế hoạch số 12/KH-LĐLĐ ngày 2/1/2026 của LĐLĐ Thành phố; Căn cứ Hướng dẫn số 05/HD-TLĐ ngày 9/9/2026 của Tổng \
Liên đoàn, Ban Thường vụ xây dựng kế hoạch như sau:
I. NỘI DUNG
1. Các công đoàn cơ sở tự kiểm tra và báo cáo kết quả về LĐLĐ huyện trước ngày 15/3.
II. TỔ CHỨC THỰC HIỆN
- Văn phòng theo dõi, đôn đốc.
Nơi nhận:
- Lưu VP.
TM. BAN THƯỜNG VỤ
CHỦ TỊCH
Nguyễn Văn An
"""


def test_reference_with_stray_spaces_and_dates_without_year():
    plan = pp.parse_plan(MINI)
    assert plan.reference == "34/KH-LĐLĐ"
    assert plan.issue_date == date(2026, 11, 16)
    assert [(b.number, b.date) for b in plan.legal_bases] == [
        ("12/KH-LĐLĐ", date(2026, 1, 2)),
        ("05/HD-TLĐ", date(2026, 9, 9)),
    ]
    report = plan.sections[0].blocks[0].report
    # 15/3 comes before the plan's date (16/11/2026): the next 15 March
    assert (report.who, report.to, report.deadline) == ("Các công đoàn cơ sở", "LĐLĐ huyện", date(2027, 3, 15))
    # lines() writes the document as printed: number on the left, place and date on the right
    assert plan.lines()[2] == "Số: 34 /KH-LĐLĐ    Gia Lâm, ngày 16 tháng 11 năm 2026"


@pytest.mark.parametrize(
    ("text", "start", "end", "rule"),
    [
        ("từ tháng 11/2020 đến hết 20/01/2021", date(2020, 11, 1), date(2021, 1, 20), "first day of the month"),
        ("từ cuối tháng 01/2021", date(2021, 1, 25), None, "25th"),
        ("từ sau tháng 01/2021", date(2021, 2, 1), None, "first day of the next month"),
        ("từ đầu tháng 3/2026 đến giữa tháng 4/2026", date(2026, 3, 1), date(2026, 4, 15), "15th"),
        ("trong tháng 5/2026", date(2026, 5, 1), date(2026, 5, 31), "whole month"),
        ("quý II/2026", date(2026, 4, 1), date(2026, 6, 30), "whole quarter"),
        ("quý IV năm 2026", date(2026, 10, 1), date(2026, 12, 31), "whole quarter"),
        ("trước ngày 15/3", None, date(2027, 3, 15), "after the plan's date"),
        ("trước ngày 20/12", None, date(2026, 12, 20), "the plan's year"),
        ("Ngày 22/5/2027", date(2027, 5, 22), date(2027, 5, 22), None),
        ("từ ngày 20/11 đến ngày 15/12/2026", date(2026, 11, 20), date(2026, 12, 15), None),
        ("từ ngày 25/12 đến ngày 10/01/2027", date(2026, 12, 25), date(2027, 1, 10), None),
        ("từ ngày 08 tháng 12 năm 2026 đến ngày 20 tháng 12 năm 2026", date(2026, 12, 8), date(2026, 12, 20), None),
        ("6 tháng đầu năm 2026", date(2026, 1, 1), date(2026, 6, 30), "January-June"),
    ],
)
def test_vague_dates_are_mapped_by_a_written_rule(text, start, end, rule):
    period = pp.parse_period(text, date(2026, 11, 16))
    assert (period.date_start, period.date_end) == (start, end)
    if rule:
        assert rule in period.rule
    else:
        assert period.rule is None


def test_peak_and_name_of_a_period_heading():
    plan = pp.parse_plan(SEED.read_text("utf-8"))
    first = plan.sections[1].children[0]
    assert first.period.name == "Trước thời điểm khai mạc Đại hội XIII của Đảng"
    assert first.period.label.startswith("từ tháng 11/2020 đến hết 20/01/2021, cao điểm")
    assert (first.period.peak_start, first.period.peak_end) == (date(2021, 1, 1), date(2021, 1, 20))
    assert first.heading.endswith("đến ngày 20/01/2021)")
    assert [s.kind for s in plan.sections] == ["text", "periods", "forms", "slogans", "duties"]
    assert plan.sections[0].heading == "MỤC ĐÍCH - YÊU CẦU:"
    assert plan.introduction.startswith("Ban thường vụ LĐLĐ quận Long Biên triển khai kế hoạch")
    assert plan.recipients[0] == "BTG LĐLĐ Thành phố"
    assert any("25th" in line for line in plan.account)


def test_steps_units_leads_and_recurring_reports():
    text, _expected = _case("dai-hoi-cdcs-may-phu-thinh-2027")
    plan = pp.parse_plan(text)
    steps = plan.sections[2]
    assert steps.kind == "periods"
    assert steps.children[0].inline.text.startswith("Ban Chấp hành dự thảo")
    duties = plan.sections[3]
    assert [c.scope for c in duties.children] == ["federation", "units"]
    assert duties.children[1].units[-1] == "Khối Văn phòng"
    text, _expected = _case("tet-sum-vay-2025-gia-lam")
    plan = pp.parse_plan(text)
    block = plan.sections[2].children[0].blocks[1]
    assert (block.lead, block.coordinators, block.scope) == (
        "LĐLĐ huyện",
        ["Phòng Lao động - Thương binh và Xã hội huyện"],
        "federation",
    )
    assert plan.sections[2].children[0].blocks[0].report.via == "Ban Tổ chức - Chính sách"
    money = plan.sections[1].children[0].blocks[0].targets[0]
    assert (money.kind, money.value, money.per) == ("amount", 1000000, "suất")
    assert plan.sections[3].blocks[0].budget.note == "từ nguồn tài chính công đoàn năm 2024"
    text, _expected = _case("thi-dua-2027-cd-ngan-hang")
    report = pp.parse_plan(text).sections[3].blocks[0].report
    assert (report.kind, report.recurrence, report.day, report.month_in_quarter) == (
        "recurring",
        "quarterly",
        20,
        "last",
    )


def test_table_rows_and_bold_headings_are_kept():
    text, _expected = _case("atvsld-2026-cd-kcn-bac-ninh")
    plan = pp.parse_plan(text)
    [block] = plan.sections[3].blocks
    table = block.table
    assert (block.kind, table.kind, table.roles) == ("table", "items", ["number", "label", "dates", "lead"])
    assert table.columns == ["TT", "Doanh nghiệp", "Thời gian", "Đơn vị thực hiện"]
    assert table.rows[0].cells == [
        "1",
        "Công ty TNHH Samsung Display Việt Nam",
        "12/5/2026",
        "Ban Chính sách - Pháp luật",
    ]
    assert [(r.number, r.item.date_start, r.item.lead) for r in table.rows] == [
        ("1", date(2026, 5, 12), "Ban Chính sách - Pháp luật"),
        ("2", date(2026, 5, 19), "Ban Chính sách - Pháp luật"),
        ("3", date(2026, 5, 26), "Ban Tổ chức"),
    ]
    assert [r.index for r in table.rows] == sorted(r.index for r in table.rows) and table.index < table.rows[0].index
    assert plan.signature_notes == ["(Đã ký)"]
    text, _expected = _case("thang-cong-nhan-2026-ldld-ninh-binh")
    plan = pp.parse_plan(text)
    assert [(c.style, c.heading) for c in plan.sections[0].children] == [("none", "Mục đích"), ("none", "Yêu cầu")]
    assert plan.motto_lines == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


def test_nothing_is_dropped_what_is_not_understood_is_kept():
    text = MINI.replace("Số: 34", "V/v kiểm tra tài chính\nBản nháp số 2\nSố: 34") + "\nPhụ lục: danh sách đơn vị\n"
    plan = pp.parse_plan(text)
    assert plan.unrecognised == ["Bản nháp số 2", "Phụ lục: danh sách đơn vị"]
    kept = [s for s in plan.sections if s.kind == "unrecognised"]
    assert [b.text for b in kept[0].blocks] == plan.unrecognised
    lines = plan.lines()
    assert lines.index("Bản nháp số 2") < next(i for i, line in enumerate(lines) if line.startswith("Số: 34"))
    assert lines[-1] == "Phụ lục: danh sách đơn vị"


OTHER_HEADER = """CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HẢI PHÒNG
BAN CHẤP HÀNH CÔNG ĐOÀN
CÔNG TY CỔ PHẦN CẢNG HẢI PHÒNG
Số: 15-KH/CĐ
Hải Phòng, ngày 05/02/2026
KẾ HOẠCH Tổ chức các hoạt động kỷ niệm 96 năm Ngày thành lập Đảng
Nhằm giáo dục truyền thống cho đoàn viên, Ban Chấp hành Công đoàn Công ty xây dựng kế hoạch như sau:
I - Mục đích, yêu cầu
Giáo dục truyền thống, nâng cao nhận thức chính trị cho đoàn viên, người lao động.
II - Nội dung, thời gian
1. Từ ngày 20/01 đến ngày 03/02/2026: treo băng rôn, khẩu hiệu tại trụ sở.
2. Ngày 03/02/2026: tổ chức gặp mặt, ôn lại truyền thống.
III - Tổ chức thực hiện
- Các tổ công đoàn phối hợp với các phòng ban chuyên môn thực hiện; gửi danh sách tham gia về Văn phòng Công \
đoàn trước ngày 25/01/2026.
Nơi nhận:                                              TM. BAN CHẤP HÀNH
- Các tổ công đoàn;                                         CHỦ TỊCH
- Lưu VP.
                                                         Vũ Đức Thắng
"""


def test_motto_first_body_on_two_lines_columns_aligned_with_spaces():
    plan = pp.parse_plan(OTHER_HEADER)
    found = facts(plan)
    assert (found["upper_body"], found["issuing_body"]) == (
        "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HẢI PHÒNG",
        "BAN CHẤP HÀNH CÔNG ĐOÀN CÔNG TY CỔ PHẦN CẢNG HẢI PHÒNG",
    )
    assert (found["reference"], found["issue_date"]) == ("15-KH/CĐ", "2026-02-05")
    assert found["title"] == "Tổ chức các hoạt động kỷ niệm 96 năm Ngày thành lập Đảng"
    assert plan.introduction.startswith("Nhằm giáo dục truyền thống")
    assert [s.marker for s in plan.sections] == ["I -", "II -", "III -"]
    assert found["steps"] == [
        {"date_start": "2026-01-20", "date_end": "2026-02-03", "by": "Ban Chấp hành"},
        {"date_start": "2026-02-03", "date_end": "2026-02-03", "by": "Ban Chấp hành"},
    ]
    assert found["reports"] == [
        {
            "who": "Các tổ công đoàn",
            "what": "danh sách tham gia",
            "to": "Văn phòng Công đoàn",
            "deadline": "2026-01-25",
            "scope": "units",
        }
    ]
    assert (plan.recipients, found["signature"], found["signer_name"]) == (
        ["Các tổ công đoàn", "Lưu VP"],
        ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH"],
        "Vũ Đức Thắng",
    )
    share, missing = line_coverage(OTHER_HEADER, plan.lines())
    assert share == 1, missing


ARABIC_TOP = """LIÊN ĐOÀN LAO ĐỘNG TỈNH ĐỒNG NAI
CÔNG ĐOÀN PHƯỜNG TAM HIỆP
Số: 21/KH-CĐP
Tam Hiệp, ngày 02 tháng 6 năm 2026
KẾ HOẠCH
Tổ chức Ngày hội gia đình công nhân năm 2026
1. MỤC ĐÍCH
Tạo sân chơi lành mạnh cho công nhân lao động và gia đình.
2. NỘI DUNG
a) Hội thi "Gia đình công nhân hạnh phúc"
- Mỗi công đoàn cơ sở cử ít nhất 01 gia đình tham gia.
b) Trao quà cho 50 gia đình công nhân có hoàn cảnh khó khăn.
3. TỔ CHỨC THỰC HIỆN
Các công đoàn cơ sở gửi danh sách gia đình tham gia về Công đoàn phường trước ngày 20/6/2026.
Nơi nhận:
- Lưu.
TM. BAN CHẤP HÀNH
CHỦ TỊCH
Đinh Thị Mai
"""


def test_arabic_top_level_headings_and_order_kept_after_a_sub_section():
    plan = pp.parse_plan(ARABIC_TOP)
    found = facts(plan)
    assert found["sections"] == ["1. MỤC ĐÍCH", "2. NỘI DUNG", "3. TỔ CHỨC THỰC HIỆN"]
    assert [(c.marker, c.heading[:7]) for c in plan.sections[1].children] == [("a)", "Hội thi"), ("b)", "Trao qu")]
    assert [(t["qty"], t["uom"]) for t in found["targets"]] == [(1, "gia đình"), (50, "gia đình")]
    assert found["reports"][0]["to"] == "Công đoàn phường Tam Hiệp"  # completed from the header
    assert found["responsibilities"] == 1
    assert found["periods"] == [{"date_start": "2026-06-02", "date_end": "2026-12-31", "items": 2}]
    source = ARABIC_TOP.splitlines()
    assert plan.lines() == [*source[:2], "Số: 21/KH-CĐP    Tam Hiệp, ngày 02 tháng 6 năm 2026", *source[4:]]


def test_docx_numbering_comes_from_numbering_xml():
    text, _expected = _case(SEED.stem)
    data = txt_to_docx(text, numbering=True, closing_table="cell", header_table=True)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert "MỤC ĐÍCH - YÊU CẦU" in body and "I. MỤC ĐÍCH" not in body and "<w:numPr>" in body
    paragraphs = pe.extract_paragraphs(data, "plan.docx")
    assert "**I. MỤC ĐÍCH - YÊU CẦU:**" in paragraphs
    assert "11. Chủ tịch Hồ Chí Minh vĩ đại sống mãi trong sự nghiệp chúng ta!" in paragraphs
    assert any(p.startswith("- Tuyên truyền sâu rộng") for p in paragraphs)


def test_pdf_lines_broken_inside_sentences_are_joined():
    text, _expected = _case("tet-sum-vay-2025-gia-lam")
    paragraphs = pe.extract_paragraphs(txt_to_pdf(text), "plan.pdf")
    long_line = next(line for line in text.splitlines() if line.startswith("- Các công đoàn cơ sở rà soát"))
    assert long_line in paragraphs  # printed on two lines, read back as one paragraph
    assert "**I. MỤC ĐÍCH, YÊU CẦU**" in paragraphs


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _cp1258(text):
    """Windows-1258 as Vietnamese Windows writes it: base letters precomposed, tone marks combining."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out += (base + "".join(c for c in parts if c in _TONES)).encode("cp1258")
    return out


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1258"])
def test_text_encodings(encoding):
    text, expected = _case("tet-sum-vay-2025-gia-lam")
    data = _cp1258(text) if encoding == "cp1258" else text.encode(encoding)
    if encoding == "utf-16":
        assert data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    plan = pp.parse_plan(pe.extract_paragraphs(data, "plan.TXT"))
    assert not compare_facts(expected, facts(plan))


# ---------------------------------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------------------------------
def _zip_of_text():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("plan.txt", "KẾ HOẠCH")
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "filename", "code"),
    [
        (b"", "plan.txt", "empty"),
        (b"  \n\n \t\n", "plan.txt", "empty"),
        (b"x" * (20 * 1024 * 1024), "plan.txt", "too_large"),
        (b"KE HOACH", "plan.doc", "unsupported_format"),
        (b"KE HOACH", "plan", "unsupported_format"),
        (b"K\x81\x8d\x8e\x90 ho\x9ach", "plan.txt", "bad_encoding"),
        (_zip_of_text(), "plan.docx", "corrupt_docx"),
        (b"not a zip at all", "plan.docx", "corrupt_docx"),
        (b"hello, no PDF here", "plan.pdf", "corrupt_pdf"),
        (b"%PDF-1.4\n1 0 obj garbage\n%%EOF", "plan.pdf", "corrupt_pdf"),
        (image_only_pdf(), "plan.pdf", "no_text_layer"),
    ],
)
def test_import_errors(data, filename, code):
    with pytest.raises(pp.PlanImportError) as caught:
        pe.extract_paragraphs(data, filename)
    assert caught.value.code == code
    assert caught.value.message == pp.MESSAGES[code].format_map(pp.model._Params(caught.value.params))


def test_not_a_plan_and_too_large_text():
    with pytest.raises(pp.PlanImportError) as caught:
        pp.parse_plan("Xin chào,\nđây là một bức thư, không phải một kế hoạch.\n")
    assert caught.value.code == "not_a_plan"
    with pytest.raises(pp.PlanImportError) as caught:
        pp.parse_plan("a" * (pp.MAX_TEXT_CHARS + 1))
    assert caught.value.code == "too_many_characters"
    with pytest.raises(pp.PlanImportError) as caught:
        pp.parse_plan(["", "  "])
    assert caught.value.code == "empty"


def test_every_error_code_has_an_english_message_with_named_placeholders():
    codes = {
        "empty",
        "too_large",
        "not_a_plan",
        "unsupported_format",
        "no_text_layer",
        "corrupt_docx",
        "corrupt_pdf",
        "bad_encoding",
        "too_many_pages",
        "too_many_paragraphs",
        "too_many_characters",
    }
    assert set(pp.MESSAGES) == codes
    for code, template in pp.MESSAGES.items():
        names = re.findall(r"{(\w*)}", template)
        assert names and all(names), code
        error = pp.PlanImportError(code, **dict.fromkeys(names, "X"))
        assert "{" not in error.message and str(error) == error.message
    with pytest.raises(ValueError):
        pp.PlanImportError("no_such_code")


def test_every_rule_code_has_an_english_sentence_with_named_placeholders():
    for code, template in pp.RULES.items():
        names = re.findall(r"{(\w*)}", template)
        assert all(names), code
        rule = pp.Rule(code, **dict.fromkeys(names, "X"))
        assert "{" not in rule.message and rule == pp.Rule(code, **dict.fromkeys(names, "X"))
    with pytest.raises(ValueError):
        pp.Rule("no_such_code")


@pytest.mark.parametrize("name", CASES)
def test_periods_record_their_rules_as_codes(name):
    text, _expected = _case(name)
    plan = pp.parse_plan(text)
    periods = [plan.period, *(s.period for s in plan.walk())]
    rules = [rule for period in periods if period for rule in period.rules]
    assert rules and all(isinstance(rule, pp.Rule) and rule.code in pp.RULES for rule in rules)
    assert plan.period.derived in ("plan_periods", "plan_year", "plan_dates")


def test_a_plan_naming_no_year_lasts_until_the_last_date_it_sets():
    """No dated period and no "năm 2025" in the title: the plan runs from its issue date to its last date (its
    appendix's activities, its reports), not to the end of the year; with a year in the title, that year."""
    plan = _plan("thang-an-toan-2025-cdcs-truong-thpt-le-loi")
    assert (plan.period.derived, plan.period.date_start, plan.period.date_end) == (
        "plan_dates",
        date(2025, 10, 6),
        date(2025, 11, 30),
    )
    assert plan.period.rules == [pp.Rule("plan_dates", day="30/11/2025")]
    text = _case("thang-an-toan-2025-cdcs-truong-thpt-le-loi")[0]
    later = text.replace("trước ngày 30/11/2025", "trước ngày 15/01/2026")
    assert pp.parse_plan(later).period.date_end == date(2026, 1, 15)  # the year end would leave a report outside
    titled = text.replace("Ngày Nhà giáo Việt Nam 20/11/2025\n", "Ngày Nhà giáo Việt Nam năm 2025\n", 1)
    assert (pp.parse_plan(titled).period.derived, pp.parse_plan(titled).period.date_end) == (
        "plan_year",
        date(2025, 12, 31),
    )


def _many_pages_pdf(pages):
    """A small PDF of `pages` pages (one line each), as a 3.75 MB PDF of 5,000 pages was."""
    from reportlab.pdfgen import canvas  # noqa: PLC0415 - only these bounds tests draw PDFs

    out = io.BytesIO()
    sheet = canvas.Canvas(out)
    for page in range(pages):
        sheet.drawString(72, 720, f"Trang {page}")
        sheet.showPage()
    sheet.save()
    return out.getvalue()


def _many_paragraphs_docx(paragraphs):
    import docx  # noqa: PLC0415 - only this bounds test writes such a document

    document = docx.Document()
    body = document.element.body
    template = document.add_paragraph("KẾ HOẠCH")._p
    for _ in range(paragraphs):
        body.append(copy.deepcopy(template))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("make", "filename", "code"),
    [
        # 2.47 million one-line items in a 9.9 MB text file
        (lambda: "\n".join(["- x"] * 2_470_000).encode(), "plan.txt", "too_many_characters"),
        # paragraphs of a Word document, counted before any is read
        (lambda: _many_paragraphs_docx(pp.MAX_PARAGRAPHS + 1), "plan.docx", "too_many_paragraphs"),
        # pages of a PDF, counted on its page tree before any is laid out
        (lambda: _many_pages_pdf(pp.MAX_PAGES + 1), "plan.pdf", "too_many_pages"),
    ],
)
def test_documents_longer_than_any_plan_are_refused_before_parsing(make, filename, code):
    """At each bound the import answers with one error code (one sentence in the addon), parsing nothing."""
    data = make()
    with patch.object(pp.structure, "input_lines", side_effect=AssertionError("the document was parsed")):
        with pytest.raises(pp.PlanImportError) as caught:
            pp.parse_plan(pe.extract_paragraphs(data, filename))
    assert caught.value.code == code


# ---------------------------------------------------------------------------------------------------------------
# Issue 20: tables, appendices and the rules of shapes first seen in real plans
# ---------------------------------------------------------------------------------------------------------------
def _plan(name):
    return pp.parse_plan(_case(name)[0])


@pytest.mark.parametrize("fmt", FORMATS)
def test_table_rows_come_out_in_order_with_their_cells(files, fmt):
    _text, _expected, data, filename = files("thi-dua-2026-ldld-thanh-hoa-bang-chi-tieu", fmt)
    plan = pp.parse_plan(pe.extract_paragraphs(data, filename))
    [table] = plan.tables()
    assert table.roles == ["number", "label", "uom", "value"] and table.kind == "targets"
    assert [row.cells for row in table.rows] == [
        ["1", "Công đoàn cơ sở phát động phong trào thi đua", "%", "95%"],
        ["2", "Sáng kiến, cải tiến kỹ thuật được công nhận", "Sáng kiến", "1.200"],
        ["3", "Công đoàn cơ sở doanh nghiệp tổ chức Hội thi thợ giỏi cấp cơ sở", "%", "100% CĐCS"],
        ["4", "Đoàn viên, người lao động được bồi dưỡng nâng cao tay nghề", "Người", "5.000"],
    ]
    assert [(r.target.kind, r.target.value, r.target.of) for r in table.rows] == [
        ("percent_units", 95, "Công đoàn cơ sở"),
        ("quantity", 1200, None),
        ("percent_units", 100, "CĐCS"),
        ("quantity", 5000, None),
    ]
    section = plan.sections[1]
    assert [b.kind for b in section.blocks] == ["paragraph", "table"]  # the table kept in place, after its lead


def test_budget_table_and_a_table_not_understood_is_kept_and_accounted():
    text = MINI.replace(
        "II. TỔ CHỨC THỰC HIỆN",
        "II. KINH PHÍ\nSTT\tNội dung chi\tDự toán (đồng)\n1\tTập huấn\t12.000.000\n2\tTài liệu\t3.500.000\n"
        "III. DANH SÁCH\nHọ tên\tChức vụ\nNguyễn Văn B\tỦy viên\n"
        "IV. TỔ CHỨC THỰC HIỆN",
    )
    plan = pp.parse_plan(text)
    budget, plain = plan.tables()
    assert budget.kind == "budget" and [(r.budget.source, r.budget.amount) for r in budget.rows] == [
        ("Tập huấn", 12_000_000),
        ("Tài liệu", 3_500_000),
    ]
    assert plain.kind == "plain" and plain.rows[0].cells == ["Nguyễn Văn B", "Ủy viên"]
    assert any("kept as written" in line and "Họ tên" in line for line in plan.account)


def test_appendix_after_the_signature_leaves_signature_and_recipients_alone():
    plan = _plan("thang-an-toan-2025-cdcs-truong-thpt-le-loi")
    assert plan.signature_lines == ["TM. BAN CHẤP HÀNH", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert (plan.signer_name, len(plan.recipients)) == ("Hoàng Minh Tuấn", 4)
    [appendix] = plan.appendices
    assert appendix.title_lines[0] == "PHỤ LỤC" and appendix.title_lines[2].startswith("(Kèm theo")
    [table] = appendix.tables()
    items = [row.item for row in table.rows]
    assert [(i.date_start, i.date_end, i.lead) for i in items][1] == (
        date(2025, 10, 20),
        date(2025, 11, 10),
        "Tổ chuyên môn",
    )
    assert items[2].coordinators == ["Đoàn Thanh niên", "Ban nữ công"]
    assert plan.lines()[-1].startswith("5 | Gặp mặt kỷ niệm")


def test_numbered_dot_periods_are_periods_and_no_year_is_invented():
    plan = _plan("phat-trien-doan-vien-2025-cd-phuong-hong-gai")
    periods = [s.period for s in plan.period_sections()]
    assert [(p.name, p.date_start, p.date_end) for p in periods] == [
        ("Đợt 1", date(2025, 10, 1), date(2026, 3, 31)),
        ("Đợt 2", date(2026, 4, 1), date(2026, 9, 30)),
    ]
    assert plan.period.derived == "plan_periods" and plan.period.date_end == date(2026, 9, 30)


def test_budget_under_a_numbered_lead_and_a_numbered_money_line():
    plan = _plan("thi-dua-2026-ldld-thanh-hoa-bang-chi-tieu")
    lines = [(b.budget.source, b.budget.amount) for b in facts_blocks(plan) if b.budget]
    assert lines == [
        ("Khen thưởng tập thể, cá nhân tiêu biểu", 150_000_000),
        ("Tổ chức Hội thi thợ giỏi cấp tỉnh", 200_000_000),
        ("Tuyên truyền, tôn vinh sáng kiến", 100_000_000),
        ("Các doanh nghiệp, nhà tài trợ hỗ trợ giải thưởng Hội thi thợ giỏi", 120_000_000),
    ]


def facts_blocks(plan):
    return [b for s in plan.walk() for b in [s.inline, *s.blocks] if b]


def test_title_starting_with_a_verb_and_an_inline_judgement_are_no_bases():
    plan = _plan("phat-trien-doan-vien-2025-cd-phuong-hong-gai")
    assert plan.title.startswith("Thực hiện công tác phát triển đoàn viên")
    assert [b.number for b in plan.legal_bases] == ["62/KH-LĐLĐ"]
    assert "tình hình thực tế" not in plan.legal_bases[0].text
    assert plan.introduction.startswith("căn cứ tình hình thực tế tại địa bàn, Ban Chấp hành")


def test_only_requests_to_the_issuer_are_unit_reports():
    plan = _plan("thi-dua-2026-ldld-thanh-hoa-bang-chi-tieu")
    reports = [r for b in facts_blocks(plan) for r in b.reports]
    assert not any("thư ngỏ" in r.text for r in reports)  # a letter to employers is no report
    own = [r for r in reports if r.scope == "federation"]
    assert [(r.who, r.to) for r in own] == [("Ban Tuyên giáo - Nữ công", "Tổng Liên đoàn Lao động Việt Nam")]
    plan = _plan("thang-an-toan-2025-cdcs-truong-thpt-le-loi")
    scopes = {r.to: r.scope for b in facts_blocks(plan) for r in b.reports}
    assert scopes["Công đoàn ngành Giáo dục tỉnh Nghệ An"] == "federation"
    assert scopes["Ban Chấp hành Công đoàn trường"] == "units"


def test_lettered_groups_sub_items_with_their_bullets_and_joined_dated_tasks():
    plan = _plan("phat-trien-doan-vien-2025-cd-phuong-hong-gai")
    group_a, group_b = plan.sections[1].children
    assert (group_a.style, group_a.marker) == ("letter", "a)")
    assert [(b.bullet, b.level) for b in group_a.blocks] == [("-", 0), ("+", 1), ("+", 1), ("-", 0)]
    first, second = group_b.blocks[-2:]
    assert (first.period.date_start, first.period.date_end) == (date(2025, 11, 1), date(2025, 11, 30))
    assert (second.joined, second.period.date_end) == (True, date(2025, 12, 15))
    assert "- Trong tháng 11/2025: tổ chức tuyên truyền tại khu nhà trọ tổ 5; trước ngày 15/12/2025:" in "\n".join(
        plan.lines()
    )


def test_the_account_says_what_was_kept_as_worded_and_why():
    plan = _plan("phat-trien-doan-vien-2025-cd-phuong-hong-gai")
    account = "\n".join(plan.account)
    assert "not a legal basis (the issuer's own judgement)" in account
    assert "2 dated items written on one line" in account
    assert "the issuer's own report" in account
    plan = _plan("thi-dua-2026-ldld-thanh-hoa-bang-chi-tieu")
    assert any(line.startswith("not a report (sent outside the union") for line in plan.account)


def test_a_budget_lead_states_a_total_checked_against_its_lines():
    plan = _plan("thi-dua-2026-ldld-thanh-hoa-bang-chi-tieu")
    [lead] = plan.budget_totals
    assert (lead.total, lead.lines, lead.agrees) == (450_000_000, 450_000_000, True)
    assert "states a total of 450,000,000: its lines add up to it" in "\n".join(plan.account)
    text = _case("thi-dua-2026-ldld-thanh-hoa-bang-chi-tieu")[0]
    typo = text.replace("sáng kiến: 100.000.000 đồng", "sáng kiến: 80.000.000 đồng")
    assert [(t.total, t.lines) for t in pp.parse_plan(typo).budget_totals] == [(450_000_000, 430_000_000)]
    # A total line of the whole budget covers every line, and is no budget line itself (570 million, not 1,140).
    summed = text.replace(
        "Hội thi thợ giỏi: 120.000.000 đồng.", "Hội thi thợ giỏi: 120.000.000 đồng.\nTổng kinh phí: 570.000.000 đồng."
    )
    plan = pp.parse_plan(summed)
    assert [(t.text, t.total, t.lines) for t in plan.budget_totals][1] == (
        "Tổng kinh phí: 570.000.000 đồng",
        570_000_000,
        570_000_000,
    )
    assert sum(f["amount"] for f in facts(plan)["budget_lines"]) == 570_000_000
    # A lead paragraph (no heading) stating the total of the lines below it.
    lead = text.replace(
        "1. Kinh phí tổ chức phong trào từ nguồn tài chính công đoàn của Liên đoàn Lao động tỉnh, tổng dự toán "
        "450.000.000 đồng, cụ thể:",
        "Tổng kinh phí từ nguồn tài chính công đoàn là 450.000.000 đồng, gồm:",
    )
    plan = pp.parse_plan(lead)
    assert [(t.total, t.lines) for t in plan.budget_totals] == [(450_000_000, 450_000_000)]
    assert pp.clauses.stated_total("Khen thưởng tập thể: 150.000.000 đồng") is None


def test_a_budget_table_s_total_row_is_its_stated_total_not_a_line():
    plan = _plan("cham-lo-tet-2026-cd-kkt-dung-quat")
    [table] = plan.tables()
    assert [row.total for row in table.rows] == [False] * 4 + [True]
    assert table.rows[-1].cells[:3] == ["", "Tổng cộng", "1.250.000.000"], "the empty STT cell keeps its place"
    assert table.rows[2].cells[3] == "", "an empty last cell too"
    assert [(t.text, t.total, t.lines) for t in plan.budget_totals] == [("Tổng cộng", 1_250_000_000, 1_250_000_000)]


# ---------------------------------------------------------------------------------------------------------------
# Tables of two columns and tables with empty cells, read alike from every format
# ---------------------------------------------------------------------------------------------------------------
TABLES = MINI.replace("công đoàn\nCăn cứ", "công đoàn\n\nCăn cứ").replace(  # a blank line after the title
    "II. TỔ CHỨC THỰC HIỆN",
    "II. CHỈ TIÊU\n"
    "Chỉ tiêu\tMức phấn đấu\n"
    "Công đoàn cơ sở được kiểm tra công tác tài chính trong năm\t30 đơn vị\n"
    "Công đoàn cơ sở nộp báo cáo quyết toán đúng hạn\t100% CĐCS\n"
    "III. LỊCH KIỂM TRA\n"
    "STT\tĐơn vị được kiểm tra\tThời gian\tĐơn vị chủ trì\tĐơn vị phối hợp\tGhi chú\n"
    "1\tCông đoàn cơ sở Công ty Viglacera Đông Anh\tNgày 05/3/2027\tỦy ban Kiểm tra\t\tTrực tiếp\n"
    "\tCông đoàn cơ sở Trường Tiểu học Đình Xuyên\tNgày 12/3/2027\tỦy ban Kiểm tra\tBan Tài chính\t\n"
    "IV. TỔ CHỨC THỰC HIỆN",
)
TABLES_CELLS = [
    [
        ["Công đoàn cơ sở được kiểm tra công tác tài chính trong năm", "30 đơn vị"],
        ["Công đoàn cơ sở nộp báo cáo quyết toán đúng hạn", "100% CĐCS"],
    ],
    [
        ["1", "Công đoàn cơ sở Công ty Viglacera Đông Anh", "Ngày 05/3/2027", "Ủy ban Kiểm tra", "", "Trực tiếp"],
        ["", "Công đoàn cơ sở Trường Tiểu học Đình Xuyên", "Ngày 12/3/2027", "Ủy ban Kiểm tra", "Ban Tài chính", ""],
    ],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_two_column_table_and_empty_cells_keep_their_columns(fmt):
    """A table of two columns without a number column is a table; a row with an empty middle cell keeps the cells
    after it in their columns, and a row with an empty first cell (no number) keeps its label in the label column."""
    data, filename = _file(TABLES, fmt)
    plan = pp.parse_plan(pe.extract_paragraphs(data, filename))
    targets, schedule = plan.tables()
    assert [[row.cells for row in table.rows] for table in (targets, schedule)] == TABLES_CELLS
    assert (targets.roles, targets.kind) == (["label", "value"], "targets")
    assert [(r.target.kind, r.target.value, r.target.uom, r.target.of) for r in targets.rows] == [
        ("quantity", 30, "đơn vị", None),
        ("percent_units", 100, "%", "CĐCS"),
    ]
    assert [(r.item.lead, r.item.coordinators, r.item.note) for r in schedule.rows] == [
        ("Ủy ban Kiểm tra", [], "Trực tiếp"),
        ("Ủy ban Kiểm tra", ["Ban Tài chính"], None),
    ]


def test_pdf_rows_give_empty_cells_where_a_column_is_left_blank():
    """The PDF of a table draws nothing where a cell is empty: each piece of text takes the column it starts at."""
    paragraphs = pe.extract_paragraphs(txt_to_pdf(TABLES), "plan.pdf")
    assert "Chỉ tiêu | Mức phấn đấu" in paragraphs
    assert (
        "1 | Công đoàn cơ sở Công ty Viglacera Đông Anh | Ngày 05/3/2027 | Ủy ban Kiểm tra |  | Trực tiếp" in paragraphs
    )
    assert " | Công đoàn cơ sở Trường Tiểu học Đình Xuyên | Ngày 12/3/2027 | Ủy ban Kiểm tra | Ban Tài chính | " in (
        paragraphs
    )


def test_pdf_cell_wrapped_in_the_first_column_of_a_two_column_table_is_joined():
    """A long content in the first column of a two-column table wraps in its column: its next line goes on in the
    same cell, and the rows after it stay rows."""
    text, _expected = _case("hoi-thao-2025-cd-tong-cong-ty-dien-luc-mien-bac")
    paragraphs = pe.extract_paragraphs(txt_to_pdf(text), "plan.pdf")
    start = paragraphs.index("Nội dung | Thời gian")
    assert paragraphs[start + 3 : start + 5] == [
        "Trò chơi dân gian: kéo co, nhảy bao bố, đi cà kheo dành cho đoàn viên nữ và vận động viên trên 45 tuổi | "
        "Ngày 17/10/2025",
        "Lễ bế mạc, trao giải | Ngày 18/10/2025",
    ]


def test_pdf_side_by_side_lines_of_one_row_are_no_table():
    """Two pieces of text on one baseline with no second row at the same columns (a number and a date side by side)
    are two lines, not a table of one row."""
    text = TABLES.replace("Số: 34 /KH-LĐLĐ\nGia Lâm", "Số: 34 /KH-LĐLĐ              Gia Lâm")
    paragraphs = pe.extract_paragraphs(txt_to_pdf(text), "plan.pdf")
    header = paragraphs[: paragraphs.index("**KẾ HOẠCH**")]
    assert header[2:4] == ["Số: 34 /KH-LĐLĐ", "Gia Lâm, ngày 16 tháng 11 năm 2026"]
    plan = pp.parse_plan(paragraphs)
    assert (plan.reference, plan.issue_date) == ("34/KH-LĐLĐ", date(2026, 11, 16))


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("1 | Tập huấn |  | 12.000.000", ["1", "Tập huấn", "", "12.000.000"]),
        (" | Trong đó: nữ | Người | 150", ["", "Trong đó: nữ", "Người", "150"]),
        ("1 | Tập huấn | Quý II | ", ["1", "Tập huấn", "Quý II", ""]),
        ("\tTrong đó: nữ\tNgười\t150", ["", "Trong đó: nữ", "Người", "150"]),
        ("1\tTập huấn\t\t12.000.000", ["1", "Tập huấn", "", "12.000.000"]),
    ],
)
def test_row_cells_keep_empty_cells_in_place(line, cells):
    assert pp.tables.row_cells(line) == cells


@pytest.mark.parametrize("fmt", ["pdf", "pdf-tight"])
def test_pdf_table_cut_by_a_page_break_goes_on_with_its_columns(fmt):
    """A long table runs onto the next page, a row's wrapped cell cut by the break: the rows on the next page keep
    the table's columns (their empty cells in place) and the cut cell is joined back, as in the .txt."""
    rows = "".join(
        f"{n}\tHoạt động số {n} của công đoàn cơ sở trong tháng\tNgày {n % 28 + 1}/3/2027\tỦy ban Kiểm tra\t"
        f"{'Ban Tài chính' if n % 3 else ''}\t{'Trực tiếp' if n % 4 == 0 else ''}\n"
        for n in range(1, 60)
    )
    text = TABLES.replace("\nIV. TỔ CHỨC", f"\n{rows}IV. TỔ CHỨC")
    written = [[row.cells for row in table.rows] for table in pp.parse_plan(text).tables()]
    data, filename = _file(text, fmt)
    plan = pp.parse_plan(pe.extract_paragraphs(data, filename))
    assert [[row.cells for row in table.rows] for table in plan.tables()] == written
    assert len(written[1]) == 61
