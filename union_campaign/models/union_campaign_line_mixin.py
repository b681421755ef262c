# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class UnionCampaignLineMixin(models.AbstractModel):
    """A numbered line of a plan's document (slogan, legal basis, recipient, responsibility, section, target,
    budget line, reporting schedule): a part of the plan, locked with it once approved."""

    _name = "union.campaign.line.mixin"
    _inherit = ["union.campaign.part.mixin", "union.input.mixin"]
    _description = "Plan Document Line"
    _order = "campaign_id, sequence, id"
    # A line points only at records of its plan's company (a recipient's unit, say).
    _check_company_auto = True

    campaign_id = fields.Many2one("union.campaign", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
