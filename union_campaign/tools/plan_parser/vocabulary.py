# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The parser's vocabulary: the words and the regular expressions of Vietnamese administrative documents.

One table, read by the other modules of the parser: the written forms of dates and spans, the verbs that end the
subject of a sentence and the bodies that act, the words of targets, amounts and reports, the markers of numbered
items, and the words of the header, the legal bases, the section headings and the closing. Patterns written in
upper case match headings and header lines as printed (in capitals); the others ignore case where they say so.
"""

import re

# ---------------------------------------------------------------------------------------------------------------
# Dates, spans and periods
# ---------------------------------------------------------------------------------------------------------------
# a day: 15/3, 15/3/2027, 15.03.2027, 15 tháng 3 (năm 2027)
DATE_PAT = (
    r"\d{1,2}\s?/\s?\d{1,2}(?:\s?/\s?\d{4})?(?![\d/])"
    r"|\d{1,2}[.\-]\d{1,2}[.\-]\d{4}(?!\d)"
    r"|\d{1,2}\s+tháng\s+\d{1,2}(?:\s*,?\s*năm\s+\d{4})?"
)
# a month (3, 3/2027, 3 năm 2027) and a quarter (II, 2, II/2027) as written after "tháng" / "quý"
MONTH_PAT = r"\d{1,2}(?:\s?/\s?\d{4}|\s+năm\s+\d{4})?(?![\d/])"
QUARTER_PAT = r"(?:IV|I{1,3}|[1-4])(?:\s?/\s?\d{4}|\s+năm\s+\d{4})?(?![\w/])"
ROMAN_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}

# "từ <start> đến <end>": the written forms of a start and of an end, each in its named group
START_PAT = (
    rf"sau\s+ngày\s+(?P<s_after_date>{DATE_PAT})"
    rf"|(?:ngày\s+)?(?P<s_date>{DATE_PAT})"
    rf"|(?P<s_mod>đầu|giữa|cuối)\s+tháng\s+(?P<s_mod_month>{MONTH_PAT})"
    rf"|sau\s+tháng\s+(?P<s_after_month>{MONTH_PAT})"
    rf"|tháng\s+(?P<s_month>{MONTH_PAT})"
    rf"|quý\s+(?P<s_quarter>{QUARTER_PAT})"
)
END_PAT = (
    rf"(?:hết\s+)?(?:ngày\s+)?(?P<e_date>{DATE_PAT})"
    rf"|(?:hết\s+)?(?P<e_mod>đầu|giữa|cuối)\s+tháng\s+(?P<e_mod_month>{MONTH_PAT})"
    rf"|(?:hết\s+)?tháng\s+(?P<e_month>{MONTH_PAT})"
    rf"|(?:hết\s+)?quý\s+(?P<e_quarter>{QUARTER_PAT})"
    rf"|(?:hết\s+)?năm\s+(?P<e_year>\d{{4}})"
)
RANGE_RE = re.compile(rf"\btừ\s+(?:{START_PAT})(?:\s*(?:đến|tới|-|–)\s*(?:{END_PAT}))?", re.I)
# "cao điểm …": the peak of a period
PEAK_RE = re.compile(r"[,;]?\s*cao\s+điểm\s*(?:là\s+|:\s*)?(?P<body>[^();]+)", re.I)
# "trước ngày D", "chậm nhất là ngày D" …: a deadline
DEADLINE_RE = re.compile(
    rf"\b(?:trước|chậm\s+nhất(?:\s+là)?|hạn\s+chót|không\s+muộn\s+hơn|muộn\s+nhất)\s+(?:ngày\s+)?(?P<d>{DATE_PAT})",
    re.I,
)
# spans written in one phrase: half a year, a quarter, a month, a day, a year
HALF_RE = re.compile(r"\b6\s+tháng\s+(?P<half>đầu|cuối)\s+năm(?:\s+(?P<y>\d{4}))?", re.I)
QUARTER_RE = re.compile(rf"\bquý\s+(?P<q>{QUARTER_PAT})", re.I)
MONTH_RE = re.compile(rf"\b(?:trong\s+)?tháng\s+(?P<m>{MONTH_PAT})", re.I)
DAY_RE = re.compile(rf"(?:\bngày\s+)?(?<![\d/.\-])(?P<d>{DATE_PAT})", re.I)
YEAR_RE = re.compile(r"\bnăm\s+(?P<y>\d{4})\b", re.I)
# the words a period heading starts with ("Từ ngày …", "Tháng 5/2026: …", "Giai đoạn …")
TIME_START_RE = re.compile(
    r"^(?:từ|trước|sau|trong|ngày|tháng|quý|cao\s+điểm|đợt|giai\s+đoạn|6\s+tháng|chậm\s+nhất|\d)", re.I
)
# "từ/đến" followed by a span: a peak written "cao điểm 01/1 - 20/1" is read as "từ 01/1 - 20/1"
FROM_RE = re.compile(r"\s*từ\b", re.I)
# "Thời gian: …": a paragraph that gives its time after this label
TIME_LABEL_RE = re.compile(r"thời\s+gian", re.I)
# the day of a vague start or end ("đầu tháng", "giữa tháng", "cuối tháng") and the code of the rule applied
END_MODIFIERS = {"đầu": (10, "month_early_end"), "giữa": (15, "month_mid_end")}
START_MODIFIERS = {
    "đầu": (1, "month_early_start"),
    "giữa": (15, "month_mid_start"),
    "cuối": (25, "month_late_start"),  # the last week of the month starts on the 25th
}
# the year in a plan's title ("… năm 2026"): the plan's year when no period is dated
TITLE_YEAR_RE = re.compile(r"\bnăm\s+(\d{4})\b")

# ---------------------------------------------------------------------------------------------------------------
# Subjects and actors
# ---------------------------------------------------------------------------------------------------------------
# the verbs that end the subject of a sentence ("Các công đoàn cơ sở | rà soát …"), longest first
VERB_LIST = (
    "báo cáo, bảo đảm, bầu, biên tập, biểu dương, bố trí, cập nhật, chăm lo, chỉ đạo, chịu trách nhiệm, "
    "chủ động, chủ trì, chuẩn bị, cử, dự thảo, duy trì, đảm bảo, đăng ký, đăng tải, đạt, đánh giá, đẩy mạnh, "
    "đề nghị, đề xuất, đôn đốc, đưa, được, gửi, giám sát, giới thiệu, góp ý, hoàn thành, hoàn thiện, "
    "hướng dẫn, hưởng ứng, huấn luyện, hỗ trợ, khảo sát, khắc phục, kiểm tra, ký, ký kết, lập, lựa chọn, "
    "nắm, nâng cao, nộp, phát động, phát huy, phản ánh, phối hợp, phổ biến, quán triệt, ra quân, rà soát, "
    "sơ kết, sử dụng, tặng, tập huấn, tập trung, tham dự, tham gia, tham mưu, thành lập, thăm hỏi, theo dõi, "
    "thông tin, thực hiện, tiếp tục, tổ chức, tổng hợp, tổng kết, trang trí, treo, triển khai, trình, "
    "tuyên truyền, vận động, xây dựng, xét, xin, có, cần, phải, sẽ, là, chi, tự, diễn tập, phát hiện, "
    "kịp thời, đối thoại, trao, khám"
)
VERBS = sorted(set(VERB_LIST.split(", ")), key=lambda v: -len(v.split()))
VERB_WORDS = [v.split() for v in VERBS]
# the words an acting body starts with
ACTOR_HEAD_RE = re.compile(
    r"^(?:các\s+|mỗi\s+)?(?:Ban|BCH|BTV|Thường\s+trực|Văn\s+phòng|LĐLĐ|Liên\s+đoàn|Tổng\s+Liên\s+đoàn|công\s+đoàn|"
    r"CĐ|CĐCS|tổ\s+công\s+đoàn|Ủy\s+ban|UBND|Đoàn|Hội|Phòng|Sở|Chủ\s+tịch|Chi\s+bộ|Đảng|người\s+sử\s+dụng|"
    r"doanh\s+nghiệp|cán\s+bộ|đơn\s+vị|Tiểu\s+ban|Trung\s+tâm|cấp\s+công\s+đoàn)\b",
    re.I,
)
# the units below the issuing body, and the issuing body itself (its boards, office, committee)
UNITS_RE = re.compile(
    r"\b(?:tổ\s+công\s+đoàn|công\s+đoàn\s+cơ\s+sở|CĐCS|công\s+đoàn\s+bộ\s+phận|cấp\s+công\s+đoàn|công\s+đoàn\s+các\b|"
    r"công\s+đoàn\s+(?:xã|phường|đặc\s+khu)|đơn\s+vị\s+trực\s+thuộc|công\s+đoàn\s+trực\s+thuộc)",
    re.I,
)
FEDERATION_RE = re.compile(
    r"^(?:Ban\s+(?!Giám\s+đốc)|BCH|BTV|Thường\s+trực|Văn\s+phòng|LĐLĐ|Liên\s+đoàn|Tổng\s+Liên\s+đoàn|Tiểu\s+ban)", re.I
)
# "… và các công đoàn …": the issuing body and its units together
BOTH_RE = re.compile(r"\svà\s+(?:các\s+)?(?:công\s+đoàn|tổ\s+công\s+đoàn|CĐCS)", re.I)
# "X chủ trì": the lead of an item; "Chủ trì …" at the start: the section's lead leads it
LEAD_RE = re.compile(r"^(?P<s>.+?)\s+chủ\s+trì\b")
LEAD_START_RE = re.compile(r"^Chủ\s+trì\b")
# "phối hợp với/cùng …": the coordinating bodies
COORDINATION_RE = re.compile(r"\bphối\s+hợp\s+(?:với|cùng)\s+(?P<x>.+)", re.I)
# "(qua Ban …)": the body a document goes through
VIA_RE = re.compile(r"\(qua\s+([^)]+)\)")
# "Đối với …:" before the body a duty heading names
DUTY_PREFIX_RE = re.compile(r"^Đối\s+với\s+", re.I)
# the units a duty heading lists after its colon: "Các tổ công đoàn: Phân xưởng Cắt, … và Khối Văn phòng"
LIST_SPLIT_RE = re.compile(r",\s*|\s+và\s+")
# words written in lower case when a body's name in capitals is completed from the header
ADMIN_WORDS = {"tỉnh", "thành", "phố", "huyện", "quận", "thị", "xã", "phường", "đặc", "khu", "các", "và", "của"}

# ---------------------------------------------------------------------------------------------------------------
# Targets and budget
# ---------------------------------------------------------------------------------------------------------------
# an amount of money (1.000.000 đồng, 1,2 tỷ đồng) and a rate after it ("/suất")
AMOUNT_RE = re.compile(
    r"(?P<num>\d{1,3}(?:[.,\s]\d{3})+|\d+(?:[.,]\d+)?)\s*(?P<mult>tỷ|triệu|nghìn|ngàn)?\s*(?:đồng|đ|VNĐ|VND)(?![\w])",
    re.I,
)
PER_RE = re.compile(r"^\s*/\s*(?P<per>[^\s,;.()]+)")
# the multipliers of an amount written in words
AMOUNT_FACTORS = {"tỷ": 10**9, "triệu": 10**6, "nghìn": 10**3, "ngàn": 10**3}
# a percentage, and the units a quantity counts
PERCENT_RE = re.compile(r"(?<![\d.,])(?P<v>\d{1,3}(?:[.,]\d+)?)\s?%")
UOMS = (
    "lượt; công nhân; đoàn viên; người lao động; CNVCLĐ; CNLĐ; NLĐ; người; sáng kiến; công trình; đề tài; "
    "cán bộ; hội viên; suất quà; phần quà; suất; gia đình; cháu; học sinh; buổi; lớp; cuộc; mái ấm; "
    "sản phẩm; tin, bài; tin bài; bài viết; câu hỏi; công đoàn cơ sở"
).split("; ")
# verbs too general to name what a number counts, and the connecting words before a number
GENERIC_VERBS = {"tổ chức", "thực hiện", "có", "đạt", "tổ chức được", "được"}
CONNECTOR_END_RE = re.compile(
    r"(?:[\s,]+(?:phấn\s+đấu|có|cho|ít\s+nhất|tối\s+thiểu|tối\s+đa|đạt|được|với|khoảng|trên|gồm))+[\s,]*$|[\s,]+$",
    re.I,
)
# a quantity: a number and its unit
QTY_RE = re.compile(
    r"(?<![\d.,/%])(?P<v>\d{1,3}(?:\.\d{3})+|\d+)\s+(?P<u>"
    + "|".join(re.escape(u) for u in sorted(UOMS, key=len, reverse=True))
    + r")(?![\w])"
)
# a percentage of members, not of units
MEMBERS_RE = re.compile(r"đoàn viên|người lao động|NLĐ|CNLĐ|CNVCLĐ|công nhân|lao động|cán bộ|hội viên", re.I)
# "mỗi …": a number counted per unit
EACH_RE = re.compile(r"\bmỗi\s+(?P<per>.+)", re.I)
# "Kinh phí <source>: …" and "(từ) nguồn …": the source of a budget line
BUDGET_HEAD_RE = re.compile(r"^\s*Kinh\s+phí\s+(?:từ\s+)?(?P<src>[^:]+?)\s*:\s*(?P<rest>.*)$", re.I)
BUDGET_SOURCE_RE = re.compile(r"(?:từ\s+)?(?P<src>nguồn\s+[^,;.:]+)", re.I)

# ---------------------------------------------------------------------------------------------------------------
# Reports asked
# ---------------------------------------------------------------------------------------------------------------
# the verbs asking for a document to be sent; "trình" after these words is a noun ("chương trình", "quy trình" …)
REPORT_VERB_RE = re.compile(r"(?<![\w])(báo\s+cáo|gửi|nộp|trình)(?![\w])", re.I)
NOT_REPORT_VERB_AFTER = ("chương", "quy", "lộ", "công", "tiến")
# where the addressee starts ("về", "lên" …) and ends (punctuation, or a word of time or manner)
TO_START_RE = re.compile(r"(?<![\w])(?:về|lên|cho|tới|đến)\s+", re.I)
TO_STOP_RE = re.compile(
    r"\s*(?:\(|,|;|\.(?:\s|$)|$)"
    r"|\s+(?=(?:trước|chậm\s+nhất|(?:hằng|hàng|mỗi)\s+(?:quý|tháng|năm|tuần)|định\s+kỳ|trong|để|theo|qua|đúng|vào)(?![\w]))"
)
# "hằng quý", "định kỳ hằng tháng" …: words of recurrence, left out of what is reported
RECUR_WORDS_RE = re.compile(r"\s*\b(?:định\s+kỳ\s+)?(?:hằng|hàng|mỗi)\s+(?:quý|tháng)\b", re.I)
QUARTERLY_RE = re.compile(r"\b(?:hằng|hàng|mỗi)\s+quý\b|định\s+kỳ\s+quý")  # on lower-case text
MONTHLY_RE = re.compile(r"\b(?:hằng|hàng|mỗi)\s+tháng\b|định\s+kỳ\s+tháng")  # on lower-case text
# "trước ngày 20" (no month): the day of a recurring report
RECURRING_DAY_RE = re.compile(r"(?:trước|vào)\s+ngày\s+(\d{1,2})(?!\s*/)", re.I)
# "tháng đầu của mỗi quý": a quarterly report due in the quarter's first month (else its last)
FIRST_MONTH_OF_QUARTER_RE = re.compile(r"tháng\s+đầu\s+(?:của\s+)?(?:mỗi\s+)?quý")  # on lower-case text
# "lập … gửi về …": the document made, before the verb "gửi"
MADE_OBJECT_RE = re.compile(r"(?:lập|tổng\s+hợp|xây\s+dựng|hoàn\s+thiện|chuẩn\s+bị)\s+(?P<o>[^,;]+?)\s*$")
# "Sơ kết …: …": the label of a clause that names the report it asks
REPORT_LABEL_RE = re.compile(r"sơ\s+kết|tổng\s+kết|báo\s+cáo|quý|tháng", re.I)
# a report of the whole plan's results
FINAL_REPORT_RE = re.compile(r"tổng\s+kết", re.I)
# "và" between the things reported: a list
AND_RE = re.compile(r"\s+và\s+")

# ---------------------------------------------------------------------------------------------------------------
# Markers of numbered items and bullets
# ---------------------------------------------------------------------------------------------------------------
ROMAN_RE = re.compile(r"^(?P<num>[IVXL]{1,7})\s*(?P<sep>[.\-–):])\s*(?P<rest>\S.*)$")
ROMAN_OK_RE = re.compile(r"^(?=[IVXL])(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
ARABIC_RE = re.compile(r"^(?P<num>\d{1,2})(?P<sep>[.)])(?:\s+|(?=[^\W\d_]))(?P<rest>\S.*)$")
SUB_RE = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){1,3})(?P<sep>\.?)(?:\s+|(?=[^\W\d_]))(?P<rest>\S.*)$")
LETTER_RE = re.compile(r"^(?P<num>[a-zđ])(?P<sep>[).])\s+(?P<rest>\S.*)$")
DASH_RE = re.compile(r"^(?P<m>[-–—•▪●◦‐‑−])(?![-–—])\s*(?P<rest>\S.*)$")
PLUS_RE = re.compile(r"^(?P<m>\+)\s*(?P<rest>\S.*)$")
STAR_RE = re.compile(r"^(?P<m>\*)\s+(?P<rest>\S.*)$")
DECORATION_RE = re.compile(r"^[\s\-_=.*~–—•]{3,}$")

# ---------------------------------------------------------------------------------------------------------------
# Header, legal bases, title
# ---------------------------------------------------------------------------------------------------------------
# the words citing a legal basis ("Căn cứ", "Thực hiện", "Theo"), as written and as the parser names them
BASIS_VERB_PAT = r"Căn\s+cứ(?:\s+vào)?|Thực\s+hiện(?:\s+theo)?|Theo"
BASIS_RE = re.compile(rf"^(?P<verb>{BASIS_VERB_PAT})\s+(?P<rest>\S.*)$")
BASIS_VERBS = {"Căn cứ vào": "Căn cứ", "Thực hiện theo": "Thực hiện"}
# the kinds of documents cited
DOC_TYPES = (
    "kế hoạch, hướng dẫn, nghị quyết, chương trình, chỉ thị, công văn, quyết định, thông báo, kết luận, "
    "luật, bộ luật, nghị định, thông tư, điều lệ, quy chế, văn bản, đề án, công điện, chỉ đạo, thông tri, "
    "quy định, kế hoạch liên tịch"
).split(", ")
DOC_TYPE_RE = re.compile(
    r"^(?P<t>" + "|".join(re.escape(t) for t in sorted(DOC_TYPES, key=len, reverse=True)) + r")(?![\w])", re.I
)
# the number, date and issuer of a cited document
BASIS_NUMBER_RE = re.compile(r"\bsố\s*:?\s*(?P<n>\d[\w\-]*(?:\s?/\s?[\w\-.]+)*)", re.I)
BASIS_DATE_RE = re.compile(rf"\bngày\s+(?P<d>{DATE_PAT})", re.I)
BASIS_ISSUER_RE = re.compile(r"\bcủa\s+(?P<i>.+?)(?=\s+ngày\s+\d|\s+số\s+\d|$)")
# the introduction after the bases: "Ban Thường vụ … xây dựng kế hoạch như sau:"
INTRO_SUBJECT_RE = re.compile(
    r"^(?:Ban|BCH|BTV|Thường\s+trực|Liên\s+đoàn|LĐLĐ|Công\s+đoàn|CĐ|Tổng\s+Liên\s+đoàn|Đảng|Đoàn|Hội|Ủy\s+ban|"
    r"UBND|Sở|Phòng|Nhằm|Để)\b"
)
INTRO_KEY_RE = re.compile(r"kế\s+hoạch|như\s+sau|nội\s+dung\s+sau|sau\s*:\s*$", re.I)
# "KẾ HOẠCH", the national motto, the number, the place and date
DOC_KIND_RE = re.compile(r"^(?P<kind>KẾ\s+HOẠCH(?:\s+LIÊN\s+TỊCH)?)(?:\s+(?P<rest>\S.*))?$")
MOTTO_RE = re.compile(r"^(?:CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*[-–]\s*Tự\s+do)", re.I)
REFERENCE_RE = re.compile(r"^Số\s*[:.]?\s*(?P<ref>\S.*)$")
PLACE_DATE_RE = re.compile(
    r"^(?P<place>[^,\d]{2,60}?),\s*(?:ngày|Ngày)\s*(?P<d>\d{1,2})?\s*(?:tháng|/)\s*(?P<m>\d{1,2})?\s*(?:năm|/)\s*"
    r"(?P<y>\d{4})"
)
# a plan's symbol in its number ("58/KH-LĐLĐ"): a plan without a "KẾ HOẠCH" line
PLAN_SYMBOL_RE = re.compile(r"/\s*KH\b")
# "V/v …": the subject line of an official letter
SUBJECT_LINE_RE = re.compile(r"^V/v\b", re.I)
# the bodies of the header: the words a body's name starts with
BODY_HEAD_RE = re.compile(
    r"^(?:TỔNG\s+LIÊN\s+ĐOÀN|LIÊN\s+ĐOÀN|LĐLĐ|CÔNG\s+ĐOÀN|CĐ\s|BAN\s+(?!THƯỜNG\s+VỤ$|CHẤP\s+HÀNH$)|ĐẢNG|ĐOÀN\s|HỘI\s|"
    r"ỦY\s+BAN|UBND|SỞ\s|BỘ\s|TỈNH\s+ỦY|THÀNH\s+ỦY|HUYỆN\s+ỦY|QUẬN\s+ỦY|CHI\s+BỘ|CÔNG\s+TY|TẬP\s+ĐOÀN|TRƯỜNG\s|"
    r"BỆNH\s+VIỆN|NGÂN\s+HÀNG)"
)
# a header line ending so goes on in the next one ("BAN CHẤP HÀNH CÔNG ĐOÀN" / "CÔNG TY CỔ PHẦN …")
DANGLING_RE = re.compile(
    r"(?:CÔNG\s+ĐOÀN|CÔNG\s+ĐOÀN\s+CƠ\s+SỞ|CÔNG\s+ĐOÀN\s+CÁC|BAN\s+CHẤP\s+HÀNH|BAN\s+THƯỜNG\s+VỤ|"
    r"LIÊN\s+ĐOÀN\s+LAO\s+ĐỘNG|ỦY\s+BAN\s+NHÂN\s+DÂN|ĐẢNG\s+ỦY|CHI\s+BỘ)$"
)
# the titles of a signature block (and of a signer's line)
TITLE_WORDS_RE = re.compile(
    r"CHỦ\s+TỊCH|TRƯỞNG|GIÁM\s+ĐỐC|BÍ\s+THƯ|THƯỜNG\s+VỤ|CHẤP\s+HÀNH|THƯỜNG\s+TRỰC|PHÓ|ỦY\s+VIÊN|^T\.?M|^K\.?T|^T\.?L"
)
# cells of a line: " | " (two in a row around an empty cell: "a |  | c"), tabs, or columns aligned with 3 spaces or more
CELL_SPLIT_RE = re.compile(r"\s*(?:^|(?<=\s))\|(?=\s|$)\s*|\s*\t+\s*| {3,}")
HAS_CELLS_RE = re.compile(r"(?:^|\s)\|(?:\s|$)|\t|\S {3,}\S")

# ---------------------------------------------------------------------------------------------------------------
# Closing: recipients and signature
# ---------------------------------------------------------------------------------------------------------------
RECIPIENTS_RE = re.compile(r"^(?P<label>N[ơo]i\s+nhận\s*:?)\s*(?P<rest>.*)$", re.I)
SIG_START_RE = re.compile(r"^(?:T\.?\s?M|T/M|K\.?\s?T|Q|T\.?\s?L|TUQ)\s*[./]\s*\S")
SIG_NOTE_RE = re.compile(r"^\(?\s*(?:đã\s+ký|ký\s+tên|đã\s+ký\s+và\s+đóng\s+dấu|ký,?\s+ghi\s+rõ\s+họ\s+tên)", re.I)

# ---------------------------------------------------------------------------------------------------------------
# Section headings
# ---------------------------------------------------------------------------------------------------------------
# the kind of a section from the words of its heading, the first that matches
KIND_KEYWORDS = [
    ("slogans", ("KHẨU HIỆU",)),
    ("budget", ("KINH PHÍ", "TÀI CHÍNH", "DỰ TOÁN")),
    ("reports", ("BÁO CÁO",)),
    ("duties", ("TỔ CHỨC THỰC HIỆN", "PHÂN CÔNG", "TRÁCH NHIỆM")),
    ("rewards", ("KHEN THƯỞNG",)),
    ("targets", ("CHỈ TIÊU", "MỤC TIÊU")),
    ("forms", ("HÌNH THỨC",)),
    (
        "text",
        (
            "MỤC ĐÍCH",
            "YÊU CẦU",
            "NỘI DUNG",
            "ĐỐI TƯỢNG",
            "NHIỆM VỤ",
            "GIẢI PHÁP",
            "THÀNH PHẦN",
            "ĐỊA ĐIỂM",
            "THỜI GIAN",
            "HOẠT ĐỘNG",
            "CHỦ ĐỀ",
            "QUY MÔ",
            "MỨC",
            "TIẾN ĐỘ",
            "CÁC BƯỚC",
        ),
    ),
]
# "NỘI DUNG", "NHIỆM VỤ" in a heading (in capitals): the content of a plan that has no dated periods
CONTENT_HEADING_RE = re.compile("NỘI DUNG|NHIỆM VỤ")

# ---------------------------------------------------------------------------------------------------------------
# Tables and appendices
# ---------------------------------------------------------------------------------------------------------------
# the role of a table's column from its heading (case-folded), the first that matches
TABLE_ROLE_WORDS = (
    ("number", r"^(?:stt|tt|số\s+tt|số\s+thứ\s+tự)$"),
    ("dates", r"thời\s+gian|thời\s+hạn|thời\s+điểm|tiến\s+độ|^ngày"),
    ("amount", r"kinh\s+phí|số\s+tiền|dự\s+toán|thành\s+tiền|\(\s*(?:đồng|vnđ|triệu\s+đồng)\s*\)"),
    ("uom", r"đơn\s+vị\s+tính|^đvt$"),
    ("coordinators", r"phối\s+hợp"),
    ("lead", r"chủ\s+trì|phụ\s+trách|(?:đơn\s+vị|người|cơ\s+quan|bộ\s+phận)\s+thực\s+hiện"),
    ("note", r"ghi\s+chú"),
    ("value", r"mức\s+phấn\s+đấu|số\s+lượng|kết\s+quả|^mức|giá\s+trị|tỷ\s+lệ|chỉ\s+tiêu\s+(?:năm|giao|phấn)"),
    ("label", r"chỉ\s+tiêu|nội\s+dung|hoạt\s+động|công\s+việc|nhiệm\s+vụ|^tên|doanh\s+nghiệp|khoản|hạng\s+mục"),
)
# the number of a group row of a table ("I", "A", "1." of a group)
TABLE_GROUP_NUMBER_RE = re.compile(r"^(?:[IVXL]{1,6}|[A-Z])\.?$")
# the heading of an appendix after the signature: "PHỤ LỤC", "PHỤ LỤC I", "Phụ lục số 2" (alone on its line)
APPENDIX_RE = re.compile(r"^(?:PHỤ\s+LỤC(?:\s+\S.*)?|Phụ\s+lục(?:\s+(?:số\s+)?(?:[IVXL]{1,6}|\d{1,2}[a-z]?))?\s*\.?)$")

# ---------------------------------------------------------------------------------------------------------------
# Rules of issue 20: titles, bases, periods, budget, reports
# ---------------------------------------------------------------------------------------------------------------
# "căn cứ tình hình thực tế", "theo điều kiện …" inside a sentence: the issuer's own judgement, not a document cited
SELF_BASIS_RE = re.compile(
    r",?\s*(?:căn\s+cứ(?:\s+vào)?|theo|trên\s+cơ\s+sở|xuất\s+phát\s+từ)\s+(?:tình\s+hình|điều\s+kiện|thực\s+tế|"
    r"yêu\s+cầu\s+thực\s+tế|đặc\s+điểm)\b",
    re.I,
)
# the name of a period before its dates: "Đợt 1", "Giai đoạn 2", "Bước 3"
PERIOD_NAME_RE = re.compile(r"^(?:đợt|giai\s+đoạn|bước|phase)\s+(?:\d{1,2}|[IVX]{1,4}|một|hai|ba)$", re.I)
# the words after a period's span that name what closes it ("…, sơ kết trong tháng 4/2026"): not its dates
RANGE_CUT_RE = re.compile(r",\s*(?=(?:sơ\s+kết|tổng\s+kết|báo\s+cáo|đánh\s+giá)\b)", re.I)
# a budget line written "<what>: <amount>": its label is what the money is for
BUDGET_LABEL_RE = re.compile(r"^\s*(?P<label>[^:]{3,160}?)\s*:\s*(?P<rest>.*\d.*)$")
# the total a budget lead states for the lines below it ("…, tổng dự toán 450.000.000 đồng, cụ thể:"): the words
# before the amount
# the label of a row summing the rows above it up: "Tổng cộng", "Tổng số", "Tổng kinh phí", "Cộng"
TOTAL_ROW_RE = re.compile(r"^(?:tổng\s+cộng|tổng\s+số|tổng\s+kinh\s+phí|tổng\s+dự\s+toán|tổng|cộng)\s*:?$", re.I)
# a paragraph that announces the lines below it ("…, cụ thể:", "… gồm:", "… như sau:"): it introduces them
LEAD_OUT_RE = re.compile(r"(?:cụ\s+thể|gồm|bao\s+gồm|trong\s+đó|như\s+sau|sau\s+đây)\s*:\s*$", re.I)
BUDGET_TOTAL_RE = re.compile(r"\btổng\s+(?:dự\s+toán|kinh\s+phí|cộng|số\s+tiền|số|mức\s+chi)\b[^\d;]{0,40}$", re.I)
# addressees outside the union: a document sent to them is no report asked of the units
OUTSIDE_TO_RE = re.compile(
    r"(?:các\s+)?\b(?:người\s+sử\s+dụng\s+lao\s+động|doanh\s+nghiệp|chủ\s+doanh\s+nghiệp|người\s+lao\s+động|đoàn\s+viên|"
    r"công\s+nhân|gia\s+đình|nhà\s+tài\s+trợ|cơ\s+quan\s+báo\s+chí|nhân\s+dân|hộ\s+kinh\s+doanh)\b",
    re.I,
)
# short names of bodies, expanded to compare an addressee with the header's bodies
BODY_ABBREVIATIONS = {
    "lđlđ": "liên đoàn lao động",
    "tlđ": "tổng liên đoàn",
    "cđ": "công đoàn",
    "cđcs": "công đoàn cơ sở",
}
