# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    union_reminder_days = fields.Char(related="company_id.union_reminder_days", readonly=False)
    union_review_delay = fields.Integer(related="company_id.union_review_delay", readonly=False)
    union_revise_delay = fields.Integer(related="company_id.union_revise_delay", readonly=False)
    union_escalation_delay = fields.Integer(related="company_id.union_escalation_delay", readonly=False)
    union_plan_approver_id = fields.Many2one(
        related="company_id.union_plan_approver_id",
        readonly=False,
        domain=lambda self: [("groups_id", "in", self.env.ref("union_campaign.group_manager").id)],
    )
