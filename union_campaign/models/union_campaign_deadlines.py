# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from .union_workflow_mixin import PLAN_DRAFT_STATES

# The context key of a submit, approval or launch that goes on although every deadline of the plan has passed.
CONFIRMED = "union_past_deadlines_confirmed"
# The dates of a plan's parts that move together when its deadlines are moved: {model: fields}.
PLAN_DATE_FIELDS = {
    "union.campaign.phase": ("date_start", "date_end", "peak_date_start", "peak_date_end", "report_deadline"),
    "union.campaign.item": ("date_start", "date_deadline"),
    "union.campaign.report.schedule": ("date_deadline", "date_from", "date_to"),
    "union.campaign.target": ("date_deadline",),
}


# One file for one concern (a plan whose deadlines have all passed), hence another class of the model.
# pylint: disable=consider-merging-classes-inherited
class UnionCampaign(models.Model):
    """Past deadlines: a plan whose reports would all be late at once is flagged on its form and at submit,
    approval and launch, with the choice to move its dates (union.campaign.deadline.wizard) or to go on."""

    _inherit = "union.campaign"

    deadlines_passed = fields.Boolean(
        compute="_compute_deadlines_passed",
        help="Every report the plan asks is due before today: launched, all its reports would be late at once.",
    )
    last_deadline = fields.Date(compute="_compute_deadlines_passed", string="Last Report Due")
    deadlines_warning = fields.Char(compute="_compute_deadlines_passed")

    @api.depends_context("tz")
    @api.depends(
        "state",
        "report_schedule_ids.kind",
        "report_schedule_ids.date_deadline",
        "report_schedule_ids.date_from",
        "report_schedule_ids.date_to",
        "phase_ids.date_end",
        "phase_ids.report_deadline",
        "item_ids.date_deadline",
    )
    def _compute_deadlines_passed(self):
        today = fields.Date.context_today(self)
        for plan in self:
            deadlines = plan._get_deadlines()
            plan.last_deadline = max(deadlines) if deadlines else False
            plan.deadlines_passed = bool(
                plan.state in (*PLAN_DRAFT_STATES, "approved") and deadlines and max(deadlines) < today
            )
            plan.deadlines_warning = plan.deadlines_passed and self.env._(
                "Every deadline of this plan is before today (the last: %(date)s): launched as it is, all its reports "
                "would be late at once.",
                date=format_date(self.env, plan.last_deadline),
            )

    def _get_deadlines(self):
        """Return the days the plan asks something by: its reports' deadlines (a plan that names no report asks
        one per period, due at the period's report deadline or end) and its items' deadlines."""
        self.ensure_one()
        deadlines = [
            occurrence.deadline
            for schedule in self.report_schedule_ids
            for occurrence in schedule._get_occurrences()
            if occurrence.deadline
        ]
        if not self.report_schedule_ids:
            deadlines += [phase.report_deadline or phase.date_end for phase in self.phase_ids]
        return sorted(day for day in deadlines + self.item_ids.mapped("date_deadline") if day)

    def action_submit(self):
        return self._confirm_past_deadlines("submit") or super().action_submit()

    def action_approve(self):
        return self._confirm_past_deadlines("approve") or super().action_approve()

    def action_launch(self):
        return self._confirm_past_deadlines("launch") or super().action_launch()

    def _confirm_past_deadlines(self, step):
        """Return the dialog that asks what to do with the plan's past deadlines before `step`, or None to go on.
        Several plans at once: the dialog is for one plan, so a batch holding such a plan stops, changing nothing,
        and names them."""
        if self.env.context.get(CONFIRMED):
            return None
        passed = self.filtered("deadlines_passed")
        if not passed:
            return None
        if len(self) == 1:
            return self.env["union.campaign.deadline.wizard"]._action_open(self, step)
        plans = ", ".join(passed.mapped("display_name"))
        messages = {
            "submit": lambda: self.env._(
                "Every deadline of these plans is before today: %(plans)s. Submit each of them on its own, to choose "
                "whether to move its dates.",
                plans=plans,
            ),
            "approve": lambda: self.env._(
                "Every deadline of these plans is before today: %(plans)s. Approve each of them on its own, to choose "
                "whether to move its dates.",
                plans=plans,
            ),
            "launch": lambda: self.env._(
                "Every deadline of these plans is before today: %(plans)s. Launch each of them on its own, to choose "
                "whether to move its dates.",
                plans=plans,
            ),
        }
        raise UserError(messages[step]())

    def _move_dates(self, days):
        """Move every date of the plan's periods, items, reporting schedule and targets by `days` days (the issue
        date stays: the plan was signed that day). Written as the user: the plan's write policy applies."""
        self.ensure_one()
        shift = timedelta(days=days)
        parts = {
            "union.campaign.phase": self.phase_ids,
            "union.campaign.item": self.item_ids,
            "union.campaign.report.schedule": self.report_schedule_ids,
            "union.campaign.target": self.target_ids,
        }
        for model, records in parts.items():
            for record in records:
                vals = {name: record[name] + shift for name in PLAN_DATE_FIELDS[model] if record[name]}
                if vals:
                    record.write(vals)
        self._post_note(self.env._("The plan's dates were moved by %(days)s days.", days=days))
