# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import models

# Characters a sheet name cannot hold.
SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
# Every cell of a table has a border and its text on top.
CELL = {"border": 1, "valign": "top"}


class UnionCampaignXlsxMixin(models.AbstractModel):
    """What the module's spreadsheets share: sheet names and the common cell formats."""

    _name = "union.campaign.xlsx.mixin"
    _description = "Union Spreadsheet Helpers"

    def _sheet_safe(self, text, limit=24):
        """Return `text` usable in a sheet name: Excel forbids []:*?/\\, a leading or trailing apostrophe and more
        than 31 characters (`limit` leaves room for a prefix). A name too long is cut between words, never inside
        one ("Báo cáo kết quả tổ chức…" → "Báo cáo kết quả"), and a single long word is cut with an ellipsis."""
        text = " ".join(SHEET_FORBIDDEN.sub("-", text).strip("'").split())
        if len(text) <= limit:
            return text
        head = text[: limit + 1].rsplit(" ", 1)[0].rstrip(" -,;:")
        return head if " " in text[: limit + 1] and head else f"{text[: limit - 1]}…"

    def _get_formats(self, workbook):
        """Return the cell formats, created once for the whole workbook. Override to add formats."""
        return {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "subtitle": workbook.add_format({"italic": True}),
            "header": workbook.add_format(
                {
                    "bold": True,
                    "text_wrap": True,
                    "align": "center",
                    "valign": "vcenter",
                    "border": 1,
                    "bg_color": "#D9E1F2",
                }
            ),
            "text": workbook.add_format(dict(CELL, text_wrap=True)),
            "int": workbook.add_format(dict(CELL, num_format="#,##0")),
            "total_text": workbook.add_format(dict(CELL, bold=True, bg_color="#F2F2F2")),
            "total_int": workbook.add_format(dict(CELL, bold=True, bg_color="#F2F2F2", num_format="#,##0")),
            # A report sent late, and one not (yet) sent after its deadline.
            "late": workbook.add_format(dict(CELL, bg_color="#FFEB9C", font_color="#9C5700")),
            "missing": workbook.add_format(dict(CELL, bg_color="#FFC7CE", font_color="#9C0006")),
        }
