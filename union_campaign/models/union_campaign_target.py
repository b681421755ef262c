# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .union_campaign_budget_line import format_number
from .union_input_mixin import MAX_AMOUNT, MAX_QUANTITY


class UnionCampaignTarget(models.Model):
    """A target of the plan (chỉ tiêu): a quantity, a share of the units or of the members, or an amount of money,
    for each unit or for the whole plan, optionally only for some unit types; the results compare with it."""

    _name = "union.campaign.target"
    _inherit = ["union.campaign.line.mixin"]
    _description = "Plan Target"

    name = fields.Char(string="Target as Worded", required=True, help="As the plan writes it, e.g. “Phấn đấu 90% ...”")
    item_id = fields.Many2one(
        "union.campaign.item",
        string="Content Item",
        index=True,
        ondelete="cascade",
        domain="[('campaign_id', '=', campaign_id)]",
        help="The item whose reports measure the target.",
    )
    kind = fields.Selection(
        selection=[
            ("quantity", "Quantity"),
            ("percent_units", "Share of Units"),
            ("percent_members", "Share of Members"),
            ("amount", "Amount of Money"),
        ],
        required=True,
        default="quantity",
    )
    # No digits: Odoo's rounding to 0 digits shifts amounts near 10^15 đồng by one; a double keeps them exact.
    value = fields.Float(help="The quantity, the percentage (90 for 90 %) or the amount in đồng.")
    uom = fields.Char(string="Unit of Measure", help="e.g. lượt, công nhân, buổi, sáng kiến; đồng for money.")
    per = fields.Selection(
        selection=[("unit", "Each Unit"), ("total", "Whole Plan")],
        required=True,
        default="unit",
        help="Each unit: every unit must reach it; whole plan: the units' results add up to it.",
    )
    unit_type_ids = fields.Many2many(
        "union.unit.type", string="Unit Types", help="Only units of these types have the target; empty: all."
    )
    date_deadline = fields.Date(string="Deadline")
    value_text = fields.Char(
        string="Value as Worded",
        compute="_compute_value_text",
        store=True,
        readonly=False,
        help="The value as a table prints it (e.g. “100% CĐCS”, “≥ 95%”); worded again from the value when it changes.",
    )
    note = fields.Char(help="A note printed in a table's Ghi chú column.")
    is_part = fields.Boolean(
        string="Part of the Target Above",
        help="Printed in a table under the target above it, without a number of its own (e.g. “Trong đó: vận động "
        "viên nữ”).",
    )

    @api.depends("kind", "value", "uom")
    def _compute_value_text(self):
        for target in self:
            target.value_text = target._format_value()

    def _format_value(self):
        """Return the value as Vietnamese documents print it: 95%, 1.200, 150.000.000."""
        self.ensure_one()
        number = format_number(self.value)
        return f"{number}%" if self.kind in ("percent_units", "percent_members") else number

    @api.model
    def _get_fixed_fields(self):
        return ("campaign_id", "item_id")

    @api.constrains("kind", "value", "item_id", "campaign_id")
    def _check_value(self):
        for target in self:
            maximum = {"percent_units": 100, "percent_members": 100, "amount": MAX_AMOUNT}.get(
                target.kind, MAX_QUANTITY
            )
            target._check_number_bounds(("value",), maximum=maximum)
            if target.item_id and target.item_id.campaign_id != target.campaign_id:
                raise ValidationError(self.env._("A target measures an item of its own plan."))

    def _applies_to(self, unit):
        """True if the target concerns `unit` (its unit types)."""
        self.ensure_one()
        return not self.unit_type_ids or unit.unit_type_id in self.unit_type_ids
