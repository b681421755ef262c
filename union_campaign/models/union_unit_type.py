# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class UnionUnitType(models.Model):
    """A kind of trade-union organisation (Tổng LĐLĐ, LĐLĐ tỉnh, công đoàn ngành, công đoàn cơ sở, tổ công đoàn...).

    Shipped as data for the levels before and after 1/7/2025, extensible by the user.
    """

    _name = "union.unit.type"
    _inherit = ["union.input.mixin"]
    _description = "Union Unit Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Short technical code, unique.")
    sequence = fields.Integer(default=10, help="Order of the types, from the top of the organisation down.")
    level = fields.Selection(
        selection=[
            ("central", "Central"),
            ("province", "Province or City"),
            ("district", "District"),
            ("sector", "Sector"),
            ("zone", "Industrial Zone"),
            ("commune", "Commune, Ward or Special Zone"),
            ("grassroots", "Grassroots Union"),
            ("group", "Union Group"),
            ("department", "Department"),
        ],
        required=True,
        default="grassroots",
        help="Where the type stands in the organisation; departments of a union receive no plans.",
    )
    group_label = fields.Char(
        translate=True, help="How consolidated results name the units of this type together, e.g. “Schools”."
    )
    receives_plans = fields.Boolean(
        default=True, help="Units of this type are given plans by the level above and report on them."
    )
    date_end = fields.Date(
        string="Existed Until", help="Last day units of this type existed, e.g. 30/06/2025 for district federations."
    )
    unit_count = fields.Integer(compute="_compute_unit_count")
    active = fields.Boolean(default=True)

    _sql_constraints = [("code_uniq", "unique(code)", "The code of a unit type must be unique.")]

    def _compute_unit_count(self):
        counts = dict(
            self.env["union.unit"]._read_group([("unit_type_id", "in", self.ids)], ["unit_type_id"], ["__count"])
        )
        for unit_type in self:
            unit_type.unit_count = counts.get(unit_type, 0)
