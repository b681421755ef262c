# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    union_reminder_days = fields.Char(
        string="Reminder Days",
        default="3,1",
        help="Days before a report deadline on which reporters get their reminder digest, e.g. 3,1.",
    )
    union_review_delay = fields.Integer(string="Review Delay", default=3, help="Days a reviewer has to decide.")
    union_revise_delay = fields.Integer(
        string="Revise Delay", default=3, help="Days a unit has to revise a returned report, at least."
    )
    union_escalation_delay = fields.Integer(
        string="Escalation Delay",
        default=2,
        help="Days late after which the plan's officer is asked to follow the unit up.",
    )
    union_plan_approver_id = fields.Many2one(
        "res.users", string="Default Plan Approver", help="Manager who approves new plans by default."
    )
