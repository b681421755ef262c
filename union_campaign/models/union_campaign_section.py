# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.numbering import level_numbering
from ..tools.plan_parser import column_roles
from .union_campaign_table_row import MAX_COLUMNS

# What a section holds besides its own text: the plan's records of that kind, printed under the heading.
SECTION_KINDS = [
    ("text", "Text"),
    ("purposes", "Purposes"),
    ("periods", "Periods and Content"),
    ("forms", "Forms"),
    ("slogans", "Slogans"),
    ("targets", "Targets"),
    ("budget", "Budget"),
    ("duties", "Duties"),
    ("reports", "Reporting"),
    ("items", "Table of Items"),
    ("table", "Table as Written"),
    ("custom", "Custom"),
    ("unrecognised", "Not Recognised"),
]
# Kinds whose records may print as a table (one row per record, columns by the headings' roles).
TABLE_KINDS = ("targets", "budget", "items", "table")
# The headings a new table starts with, as Vietnamese plans print them.
DEFAULT_COLUMNS = {
    "targets": ("STT", "Chỉ tiêu", "Đơn vị tính", "Mức phấn đấu"),
    "budget": ("STT", "Nội dung", "Kinh phí (đồng)", "Ghi chú"),
    "items": ("STT", "Nội dung", "Thời gian", "Đơn vị chủ trì", "Đơn vị phối hợp"),
    "table": ("STT", "Nội dung", "Ghi chú"),
}
# Kinds that print only as a table.
TABLE_ONLY_KINDS = ("items", "table")
# The numberings tools/numbering.py prints (format_marker), labelled by their first markers.
NUMBERINGS = [
    ("roman", "I. II. III."),
    ("arabic", "1. 2. 3."),
    ("letter", "a) b) c)"),
    ("dash", "- (dash)"),
    ("plus", "+ (plus)"),
    ("none", "None"),
]


class UnionCampaignSection(models.Model):
    """A section of the plan's document outline: its heading, numbering level and what it holds.

    Sections are printed in order; numbering restarts under each higher level and closes up over the
    sections that are not printed (a section of plan records that has none, e.g. slogans in a plan without).
    """

    _name = "union.campaign.section"
    _inherit = ["union.campaign.line.mixin"]
    _description = "Plan Document Section"

    name = fields.Char(string="Heading", help="The heading as printed, with its punctuation, e.g. MỤC ĐÍCH, YÊU CẦU.")
    level = fields.Integer(default=1, help="1: main section (I.), 2: its subsection (1.), 3: below (a)).")
    numbering = fields.Selection(selection=NUMBERINGS, required=True, default="roman")
    kind = fields.Selection(selection=SECTION_KINDS, required=True, default="text")
    body = fields.Text(
        string="Text",
        help="The section's own text, printed as written, one paragraph per line (lines may start with - or a)).",
    )
    item_numbering = fields.Selection(
        selection=NUMBERINGS,
        string="Entries Numbered",
        default="dash",
        help="How the plan records the section lists (periods, targets, slogans, duties...) are numbered.",
    )

    layout = fields.Selection(
        selection=[("list", "List"), ("table", "Table")],
        required=True,
        default="list",
        help="List: the section's records print as numbered lines. Table: they print as a bordered table with the "
        "column headings below, one row per record.",
    )
    table_columns = fields.Text(
        string="Column Headings",
        help="One heading per line, as printed (e.g. STT, Chỉ tiêu, Đơn vị tính, Mức phấn đấu). What each column "
        "shows follows from its heading: STT numbers the rows, Nội dung/Chỉ tiêu the item or target, Đơn vị tính "
        "its unit, Mức phấn đấu/Số lượng its value, Kinh phí/Số tiền the amount, Thời gian the dates, Đơn vị chủ "
        "trì the leading body, Đơn vị phối hợp the coordinating bodies, Ghi chú the note.",
    )
    is_table = fields.Boolean(compute="_compute_is_table", help="The section prints as a table.")
    table_total = fields.Boolean(
        string="Total Row",
        help="A table of budget lines ends with a row “Tổng cộng” giving the sum of their amounts.",
    )
    row_ids = fields.One2many(
        "union.campaign.table.row", "section_id", string="Rows", help="The rows of a table as written."
    )
    item_ids = fields.One2many(
        "union.campaign.item", "section_id", string="Items in the Table", help="The items this table lists."
    )
    is_appendix = fields.Boolean(
        string="Appendix",
        help="Printed after the signature, on a new page, with its own title lines (PHỤ LỤC).",
    )
    title_lines = fields.Text(
        help="An appendix's title lines as printed under its heading, e.g. “(Kèm theo Kế hoạch số 15/KH-CĐCS)”."
    )

    @api.depends("kind", "layout")
    def _compute_is_table(self):
        for section in self:
            section.is_table = section.kind in TABLE_ONLY_KINDS or (
                section.kind in TABLE_KINDS and section.layout == "table"
            )

    def _get_table_columns(self):
        """Return the table's columns as [(heading, role)]: the role of each heading is the parser's reading of it
        (tools/plan_parser), so that a table typed in the form prints as an imported one does."""
        self.ensure_one()
        headings = [line.strip() for line in (self.table_columns or "").splitlines() if line.strip()]
        return list(zip(headings, column_roles(headings), strict=True))

    @api.constrains("kind", "layout", "table_columns")
    def _check_table_columns(self):
        for section in self.filtered("is_table"):
            count = len(section._get_table_columns())
            if not count:
                raise ValidationError(
                    self.env._(
                        "The section “%(section)s” prints as a table: give its column headings, one per line.",
                        section=section.name or section.display_name,
                    )
                )
            if count > MAX_COLUMNS:
                raise ValidationError(
                    self.env._(
                        "The table of the section “%(section)s” has %(count)s columns; a plan's table has at most "
                        "%(max)s.",
                        section=section.name or section.display_name,
                        count=count,
                        max=MAX_COLUMNS,
                    )
                )

    @api.onchange("level")
    def _onchange_level(self):
        self.numbering = level_numbering(self.level)

    @api.onchange("kind")
    def _onchange_kind(self):
        if self.kind in ("periods", "slogans", "duties", "targets"):
            self.item_numbering = "arabic"
        elif self.kind in ("forms", "budget", "reports"):
            self.item_numbering = "dash"
        if self.kind in TABLE_ONLY_KINDS:
            self.layout = "table"
        if self.kind in TABLE_KINDS and not self.table_columns:
            self.table_columns = "\n".join(DEFAULT_COLUMNS[self.kind])
