# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models


class UnionCampaignLaunchWizard(models.TransientModel):
    """What launching a plan (or updating a running plan's reports) will do, said before it is done: the reports
    of each report asked, the units, what changes in the open reports, and the reports that will be born late."""

    _name = "union.campaign.launch.wizard"
    _inherit = ["union.input.mixin"]
    _description = "Launch a Plan: Preview"

    campaign_id = fields.Many2one("union.campaign", string="Plan", required=True, readonly=True)
    summary = fields.Html(compute="_compute_summary", sanitize=False)
    late_count = fields.Integer(compute="_compute_summary")
    change_count = fields.Integer(compute="_compute_summary")
    is_update = fields.Boolean(compute="_compute_summary")

    @api.model
    def _action_open(self, campaign):
        """Return the window action previewing the launch of `campaign`."""
        name = self.env._("Update the Units' Reports") if campaign.state == "running" else self.env._("Launch to Units")
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": {"default_campaign_id": campaign.id},
        }

    @api.depends("campaign_id")
    def _compute_summary(self):
        for wizard in self:
            campaign = wizard.campaign_id
            changes = campaign._get_report_changes()
            schedules = campaign.report_schedule_ids
            lines = [
                self.env._(
                    "%(report)s: %(count)s reports", report=schedule.name, count=changes.by_schedule[schedule.id]
                )
                for schedule in schedules.sorted(lambda s: (s.sequence, s.id))
                if changes.by_schedule[schedule.id]
            ]
            paragraphs = [
                self.env._(
                    "%(reports)s unit reports will be created for %(units)s units, and their reporters told:",
                    reports=changes.missing,
                    units=len(changes.units),
                )
                if changes.missing
                else self.env._("No new unit report is needed.")
            ]
            if changes.obsolete:
                paragraphs.append(
                    self.env._(
                        "%(count)s draft reports are no longer asked (their unit or their items left the plan): they "
                        "will be cancelled.",
                        count=len(changes.obsolete),
                    )
                )
            if changes.new_lines or changes.moved or changes.assigned:
                paragraphs.append(
                    self.env._(
                        "In the reports the units may still change: %(lines)s items added, %(moved)s deadlines moved "
                        "to the plan's new dates, %(assigned)s reporters assigned.",
                        lines=len(changes.new_lines),
                        moved=changes.moved,
                        assigned=changes.assigned,
                    )
                )
            html = Markup("<p>%s</p>") % paragraphs[0]
            if lines:
                html += Markup("<ul>%s</ul>") % Markup("").join(Markup("<li>%s</li>") % line for line in lines)
            html += Markup("").join(Markup("<p>%s</p>") % paragraph for paragraph in paragraphs[1:])
            wizard.summary = html
            wizard.late_count = changes.late
            wizard.change_count = (
                changes.missing + len(changes.new_lines) + changes.moved + changes.assigned + len(changes.obsolete)
            )
            wizard.is_update = campaign.state == "running"

    def action_confirm(self):
        """Launch the plan (or update its reports) as previewed."""
        self.ensure_one()
        result = self.campaign_id.action_launch()
        if isinstance(result, dict) and result.get("tag") == "display_notification":
            # Say what happened, then close the dialog and reload the plan.
            result["params"]["next"] = {"type": "ir.actions.act_window_close", "infos": {"noReload": False}}
        return result
