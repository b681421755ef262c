# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

# The widest table a plan prints (an appendix of activities has five or six columns).
MAX_COLUMNS = 8
CELL_FIELDS = tuple(f"cell_{n}" for n in range(1, MAX_COLUMNS + 1))


class UnionCampaignTableRow(models.Model):
    """A row of a table kept as written (a section of kind "Table as Written"): its cells, printed as the document
    had them. Tables of targets, budget lines or items print their records instead: those rows are data."""

    _name = "union.campaign.table.row"
    _inherit = ["union.campaign.line.mixin"]
    _description = "Plan Table Row"

    section_id = fields.Many2one("union.campaign.section", required=True, ondelete="cascade", index=True)
    # The row's plan is its section's (a table row never moves to another plan).
    campaign_id = fields.Many2one(
        related="section_id.campaign_id", store=True, index=True, readonly=True, precompute=True
    )
    is_group = fields.Boolean(
        string="Group Row", help="A heading row across the table (e.g. “I | Hoạt động tuyên truyền”), printed bold."
    )
    cell_1 = fields.Char(string="1")
    cell_2 = fields.Char(string="2")
    cell_3 = fields.Char(string="3")
    cell_4 = fields.Char(string="4")
    cell_5 = fields.Char(string="5")
    cell_6 = fields.Char(string="6")
    cell_7 = fields.Char(string="7")
    cell_8 = fields.Char(string="8")

    @api.model
    def _get_fixed_fields(self):
        return ("campaign_id", "section_id")

    def _get_cells(self, width):
        """Return the row's first `width` cells as printed (empty cells as empty strings)."""
        self.ensure_one()
        return [(self[name] or "").strip() for name in CELL_FIELDS[:width]]

    @api.model
    def _prepare_cells_vals(self, cells):
        """Return the values of a row of `cells` (the cells past the widest table are joined into the last)."""
        cells = [cell or "" for cell in cells]
        if len(cells) > MAX_COLUMNS:
            cells[MAX_COLUMNS - 1 :] = [" ".join(c for c in cells[MAX_COLUMNS - 1 :] if c)]
        return dict(zip(CELL_FIELDS, cells, strict=False))
