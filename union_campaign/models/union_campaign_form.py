# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class UnionCampaignForm(models.Model):
    """Catalogue of propaganda forms (hình thức tuyên truyền), shipped as data."""

    _name = "union.campaign.form"
    _inherit = ["union.input.mixin"]
    _description = "Propaganda Form"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    description = fields.Text(translate=True)
    is_online = fields.Boolean(
        string="Online", help="Posts on a website or social network: reports list the links to them."
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a propaganda form must be unique."),
    ]
