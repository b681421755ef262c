# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the column of a plan's table shows, read from its heading (STT, Nội dung, Thời gian, ...)."""

import re
import unicodedata

ROLE_WORDS = (
    ("number", r"^(stt|tt|số tt|số thứ tự)$"),
    ("uom", r"^(đvt|đơn vị tính)$"),
    ("lead", r"chủ trì|thực hiện chính|đơn vị thực hiện|phụ trách"),
    ("coordinators", r"phối hợp"),
    ("dates", r"thời gian|thời hạn|thời điểm|ngày"),
    ("amount", r"kinh phí|số tiền|dự toán|thành tiền|\(đồng\)|triệu đồng"),
    ("value", r"mức phấn đấu|chỉ tiêu phấn đấu|số lượng|kết quả|mức|tỷ lệ"),
    ("note", r"ghi chú"),
    ("label", r"nội dung|chỉ tiêu|hoạt động|công việc|tên|hạng mục|đối tượng"),
)


def column_roles(headings):
    """Return one role per heading (number, label, uom, value, amount, dates, lead, coordinators, note, other);
    the first column of words no other role claims is the label."""
    roles = []
    for heading in headings:
        text = unicodedata.normalize("NFC", re.sub(r"\s+", " ", heading or "")).strip().lower()
        role = next((name for name, pattern in ROLE_WORDS if re.search(pattern, text)), "other")
        roles.append("other" if role == "label" and "label" in roles else role)
    if "label" not in roles and "other" in roles:
        roles[roles.index("other")] = "label"
    return roles
