# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import models

from .union_workflow_mixin import ALL


# One file for one concern (who has something to do about a plan), hence another class of the model.
# pylint: disable=consider-merging-classes-inherited
class UnionCampaign(models.Model):
    """A plan's to-dos: the units nobody can report for, and the mail activities that follow its state."""

    _inherit = "union.campaign"

    def _get_units_without_reporter(self):
        """Return the plans' units that receive plans but have nobody who can report for them (no chair nor
        member, or none of them can open the unit's reports)."""
        return self.unit_ids.filtered(lambda u: u.receives_plans and not u._get_able_reporters())

    def _activity_update(self):
        """Keep the plan's automatic activities (and its federation tasks') in line with its state.

        to_approve: "Approve plan" for the approver; approved or sent back: done; cancelled: removed.
        running: each federation task gets its "Federation task"; cancelled or done: tasks' activities removed.
        """
        plans = {}
        assign = "union_campaign.mail_act_assign_reporters"
        for campaign in self:
            if campaign.state == "running":
                # Nobody forgotten: units that report on the plan but have no reporter, for the officer to assign.
                orphans = campaign._get_units_without_reporter()
                if orphans:
                    note = Markup("<p>%s</p><ul>%s</ul>") % (
                        self.env._(
                            "These units have no reporter who can open their reports (a chair or member who is a "
                            "Unit Reporter): their reports reach nobody until you give them one."
                        ),
                        Markup("").join(Markup("<li>%s</li>") % unit.name for unit in orphans),
                    )
                    deadline = self._activity_deadline(campaign.user_id, type_xmlid=assign)
                    plans[campaign] = {
                        "done": {"union_campaign.mail_act_approve_plan"},
                        "keep": [(assign, campaign.user_id, deadline, note, False)],
                    }
                else:
                    plans[campaign] = {"done": {"union_campaign.mail_act_approve_plan", assign}}
            elif campaign.state == "to_approve":
                # Resubmitted: the revision asked is done.
                deadline = self._activity_deadline(
                    campaign.approver_id, type_xmlid="union_campaign.mail_act_approve_plan"
                )
                plans[campaign] = {
                    "keep": [("union_campaign.mail_act_approve_plan", campaign.approver_id, deadline, False, False)],
                    "done": {"union_campaign.mail_act_revise_plan"},
                }
            elif campaign.state == "draft" and campaign.return_reason:
                # Sent back: the officer has something to do, with the reason in the activity.
                revise = "union_campaign.mail_act_revise_plan"
                deadline = self._activity_deadline(campaign.user_id, type_xmlid=revise)
                note = Markup("<p>%s</p>") % campaign.return_reason
                plans[campaign] = {
                    "done": {"union_campaign.mail_act_approve_plan"},
                    "keep": [(revise, campaign.user_id, deadline, note, True)],
                }
            elif campaign.state in ("approved", "draft"):
                plans[campaign] = {"done": {"union_campaign.mail_act_approve_plan"}}
            else:
                plans[campaign] = {"drop": ALL}
        self._activity_sync(plans, feedback=self.env._("Decision taken on the plan."))
        tasks = self.item_ids.filtered(lambda item: item.scope in ("federation", "both"))
        tasks._activity_update()
        return True
