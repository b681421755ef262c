# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class UnionUnitReportReview(models.Model):
    """One decision in a unit report's life: who, when, at which step, what, and why."""

    _name = "union.unit.report.review"
    _inherit = ["union.input.mixin"]
    _description = "Unit Report Review History"
    _order = "date desc, id desc"

    report_id = fields.Many2one("union.unit.report", required=True, index=True, ondelete="restrict")
    company_id = fields.Many2one(related="report_id.company_id", store=True, index=True)
    user_id = fields.Many2one("res.users", string="By", required=True, default=lambda self: self.env.user)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    step = fields.Integer(help="Review step of the decision; 0 for the reporter's own actions.")
    decision = fields.Selection(
        selection=[
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("returned", "Returned"),
            ("withdrawn", "Withdrawn"),
            ("reopened", "Reopened"),
        ],
        required=True,
    )
    reason = fields.Text()
