# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    union_unit_ids = fields.Many2many(
        "union.unit",
        "union_unit_res_users_rel",
        "user_id",
        "unit_id",
        string="Union Units",
        help="The union units this user reports for.",
    )
