# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .union_input_mixin import MAX_DELAY, parse_reminder_days


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

    @api.constrains("union_reminder_days", "union_review_delay", "union_revise_delay", "union_escalation_delay")
    def _check_union_defaults(self):
        """The defaults of new plans, however they are set (Settings, the managers' settings, RPC): a plan made
        from them must pass its own checks."""
        for company in self:
            parse_reminder_days(self.env, company.union_reminder_days)
            delays = (company.union_review_delay, company.union_revise_delay, company.union_escalation_delay)
            if min(delays) < 0 or max(delays) > MAX_DELAY:
                raise ValidationError(self.env._("Delays are between 0 and %(max)s days.", max=MAX_DELAY))
