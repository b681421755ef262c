# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.union_campaign_deadlines import CONFIRMED

# What the dialog goes on with once the dates are settled: the plan's action of each step.
STEPS = {"submit": "action_submit", "approve": "action_approve", "launch": "action_launch"}
# Where a moved plan's first report falls: a week from today, time for the units to do it.
LEAD_DAYS = 7
# The furthest a plan's dates move at once: ten years.
MAX_MOVE_DAYS = 3660


class UnionCampaignDeadlineWizard(models.TransientModel):
    """Every deadline of the plan has passed: move its dates, or go on as it is (every report late at once)."""

    _name = "union.campaign.deadline.wizard"
    _inherit = ["union.input.mixin"]
    _description = "Plan with Past Deadlines"

    campaign_id = fields.Many2one("union.campaign", string="Plan", required=True, readonly=True)
    step = fields.Selection(
        selection=[("submit", "Submit"), ("approve", "Approve"), ("launch", "Launch")], required=True, readonly=True
    )
    last_deadline = fields.Date(related="campaign_id.last_deadline")
    deadlines_warning = fields.Char(related="campaign_id.deadlines_warning")
    days = fields.Integer(
        string="Move by (days)",
        compute="_compute_days",
        store=True,
        readonly=False,
        help="Every date of the plan's periods, items, reports and targets moves by this many days.",
    )
    first_deadline_after = fields.Date(compute="_compute_first_deadline_after", string="First Report Then Due")

    @api.model
    def _action_open(self, campaign, step):
        """Return the window action asking what to do with `campaign`'s past deadlines before `step`."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Every Deadline Has Passed"),
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": {"default_campaign_id": campaign.id, "default_step": step},
        }

    def _first_deadline(self):
        deadlines = self.campaign_id._get_deadlines()
        return deadlines[0] if deadlines else None

    @api.depends("campaign_id")
    def _compute_days(self):
        today = fields.Date.context_today(self)
        for wizard in self:
            first = wizard._first_deadline()
            wizard.days = (today - first).days + LEAD_DAYS if first else 0

    @api.depends("campaign_id", "days")
    def _compute_first_deadline_after(self):
        for wizard in self:
            first = wizard._first_deadline()
            wizard.first_deadline_after = first + timedelta(days=wizard.days) if first else False

    def action_move(self):
        """Move the plan's dates, then go on with the step."""
        self.ensure_one()
        if not 0 < self.days <= MAX_MOVE_DAYS:
            raise UserError(
                self.env._("Give a number of days between 1 and %(max)s to move the plan's dates.", max=MAX_MOVE_DAYS)
            )
        self.campaign_id._move_dates(self.days)
        return self.action_go_on()

    def action_go_on(self):
        """Go on with the step, the dates as they are."""
        self.ensure_one()
        result = getattr(self.campaign_id.with_context(**{CONFIRMED: True}), STEPS[self.step])()
        return result if isinstance(result, dict) else {"type": "ir.actions.act_window_close"}
