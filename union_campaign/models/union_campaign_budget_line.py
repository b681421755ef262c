# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .union_input_mixin import MAX_AMOUNT


def format_number(value):
    """Return a number as Vietnamese documents print it: 1.200, 400.000.000, 2,5 (dots between thousands, a
    comma before decimals, none when whole)."""
    value = value or 0
    text = f"{round(value):,}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_dong(amount):
    """Return an amount of money as Vietnamese documents print it: 400.000.000 đồng."""
    return f"{format_number(round(amount or 0))} đồng"


class UnionCampaignBudgetLine(models.Model):
    """A line of the plan's budget (kinh phí): where the money comes from, how much, and what for."""

    _name = "union.campaign.budget.line"
    _inherit = ["union.campaign.line.mixin"]
    _description = "Plan Budget Line"

    name = fields.Char(string="Source", required=True, help="e.g. Kinh phí LĐLĐ huyện")
    # No digits: Odoo's rounding to 0 digits shifts amounts near 10^15 đồng by one; a double keeps them exact.
    amount = fields.Float(string="Amount (đồng)", help="Planned amount in Vietnamese đồng.")
    note = fields.Char(help="What follows the amount, e.g. “từ nguồn tài chính công đoàn năm 2024”.")
    wording = fields.Char(
        string="Line as Worded", help="The whole line as printed, when it is not “source: amount đồng note.”"
    )

    @api.constrains("amount")
    def _check_amount(self):
        self._check_number_bounds(("amount",), maximum=MAX_AMOUNT)

    def _get_wording(self):
        """Return the line as the plan prints it."""
        self.ensure_one()
        if self.wording:
            return self.wording
        text = f"{self.name}: {format_dong(self.amount)}"
        return f"{text} {self.note}." if self.note else f"{text}."
