# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class UnionCampaignSlogan(models.Model):
    """A numbered slogan of the plan (khẩu hiệu tuyên truyền)."""

    _name = "union.campaign.slogan"
    _inherit = ["union.campaign.line.mixin"]
    _description = "Campaign Slogan"

    name = fields.Text(string="Slogan", required=True)
    number = fields.Integer(compute="_compute_number", help="Number printed before the slogan.")

    @api.depends("campaign_id.slogan_ids", "sequence")
    def _compute_number(self):
        for campaign in self.campaign_id:
            ordered = campaign.slogan_ids.sorted(lambda s: (s.sequence, s.id))
            for number, slogan in enumerate(ordered, start=1):
                slogan.number = number
        for slogan in self.filtered(lambda s: not s.campaign_id or s not in s.campaign_id.slogan_ids):
            slogan.number = 0
