# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class UnionCampaignResponsibility(models.Model):
    """Who does what (tổ chức thực hiện): the federation, or the grassroots unions."""

    _name = "union.campaign.responsibility"
    _inherit = ["union.campaign.line.mixin"]
    _description = "Plan Responsibility"

    party = fields.Selection(
        selection=[("federation", "Issuing Union"), ("units", "Units"), ("other", "Other Body")],
        required=True,
        default="units",
    )
    name = fields.Char(string="Heading", help="e.g. Liên đoàn Lao động Quận; empty: the duties are listed alone.")
    description = fields.Text(string="Duties", help="One duty per line, as worded in the plan.")
