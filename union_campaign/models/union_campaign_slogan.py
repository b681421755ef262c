# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class UnionCampaignSlogan(models.Model):
    """A numbered slogan of the plan (khẩu hiệu tuyên truyền)."""

    _name = "union.campaign.slogan"
    _inherit = ["union.campaign.line.mixin"]
    _description = "Campaign Slogan"

    name = fields.Text(string="Slogan", required=True)
    number = fields.Integer(string="Order", compute="_compute_number", help="Number printed before the slogan.")

    @api.depends("campaign_id.slogan_ids", "sequence")
    def _compute_number(self):
        """Number the slogans in their plan's order: by sequence, then in the order they were added (new, unsaved
        slogans included: they have no database id to sort on)."""
        for slogan in self:
            slogan.number = 0
        for campaign in self.campaign_id:
            position = {slogan: index for index, slogan in enumerate(campaign.slogan_ids)}
            ordered = sorted(campaign.slogan_ids, key=lambda s: (s.sequence, position[s]))
            for number, slogan in enumerate(ordered, start=1):
                if slogan in self:
                    slogan.number = number
