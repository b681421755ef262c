# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class UnionCampaignLineMixin(models.AbstractModel):
    """A numbered line of a plan's document (slogan, legal basis, recipient, responsibility).

    The plan's lock applies: once approved, only managers change its lines.
    """

    _name = "union.campaign.line.mixin"
    _inherit = ["union.input.mixin"]
    _description = "Plan Document Line"
    _order = "campaign_id, sequence, id"

    campaign_id = fields.Many2one("union.campaign", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)

    @api.model_create_multi
    def create(self, vals_list):
        campaign_ids = {vals.get("campaign_id") for vals in vals_list} - {None, False}
        self.check_access("create")
        self.env["union.campaign"].browse(campaign_ids)._check_structure_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.check_access("write")
        self.campaign_id._check_structure_editable()
        if vals.get("campaign_id"):
            self.env["union.campaign"].browse(vals["campaign_id"])._check_structure_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_plan_editable(self):
        self.campaign_id._check_structure_editable()
