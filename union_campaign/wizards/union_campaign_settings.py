# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError


class UnionCampaignSettings(models.TransientModel):
    """The module's settings for its managers, who are not Odoo administrators: the defaults of new plans."""

    _name = "union.campaign.settings"
    _inherit = ["union.input.mixin"]
    _description = "Union Campaigns Settings"

    reminder_days = fields.Char(
        required=True, help="Days before a report deadline on which reporters get their reminder digest, e.g. 3,1."
    )
    review_delay = fields.Integer(help="Days a reviewer has to decide.")
    revise_delay = fields.Integer(help="Days a unit has to revise a returned report, at least.")
    escalation_delay = fields.Integer(help="Days late after which the plan's officer is asked to follow the unit up.")
    plan_approver_id = fields.Many2one(
        "res.users",
        string="Default Plan Approver",
        domain=lambda self: [("groups_id", "in", self.env.ref("union_campaign.group_manager").id)],
        help="Manager who approves new plans by default.",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        company = self.env.company
        values.update(
            reminder_days=company.union_reminder_days or "3,1",
            review_delay=company.union_review_delay,
            revise_delay=company.union_revise_delay,
            escalation_delay=company.union_escalation_delay,
            plan_approver_id=company.union_plan_approver_id.id,
        )
        return values

    def action_save(self):
        """Save the settings on the current company (managers only)."""
        self.ensure_one()
        if not self.env.user.has_group("union_campaign.group_manager"):
            raise AccessError(self.env._("Only Union Campaigns managers change these settings."))
        # sudo: managers set these company fields without being Odoo administrators; only these fields move.
        self.env.company.sudo().write(
            {
                "union_reminder_days": self.reminder_days,
                "union_review_delay": self.review_delay,
                "union_revise_delay": self.revise_delay,
                "union_escalation_delay": self.escalation_delay,
                "union_plan_approver_id": self.plan_approver_id.id,
            }
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": self.env._("Settings saved: new plans take these defaults."),
                "type": "success",
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
