# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class UnionCampaignRecipient(models.Model):
    """A line of the plan's recipients list (Nơi nhận): a unit, or free text such as “Lưu VP, TG”."""

    _name = "union.campaign.recipient"
    _inherit = ["union.campaign.line.mixin"]
    _description = "Plan Recipient"

    unit_id = fields.Many2one("union.unit", check_company=True)
    name = fields.Char(string="Recipient", help="As printed; defaults to the unit's name.")

    @api.onchange("unit_id")
    def _onchange_unit_id(self):
        if self.unit_id and not self.name:
            self.name = self.unit_id.name

    @api.constrains("unit_id", "name")
    def _check_unit_or_name(self):
        for recipient in self:
            if not recipient.unit_id and not (recipient.name or "").strip():
                raise ValidationError(self.env._("A recipient needs a unit or a text."))

    @api.depends("unit_id", "name")
    def _compute_display_name(self):
        for recipient in self:
            recipient.display_name = recipient.name or recipient.unit_id.name or ""
