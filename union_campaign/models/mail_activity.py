# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import AccessError

# The activities the workflow opens and closes itself: not for anyone else to delete or reassign.
WORKFLOW_ACTIVITY_TYPES = (
    "union_campaign.mail_act_approve_plan",
    "union_campaign.mail_act_submit_report",
    "union_campaign.mail_act_review_report",
    "union_campaign.mail_act_revise_report",
    "union_campaign.mail_act_federation_task",
    "union_campaign.mail_act_follow_up_overdue",
    "union_campaign.mail_act_assign_reporters",
    "union_campaign.mail_act_revise_plan",
)


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def write(self, values):
        self._check_union_workflow_activity()
        return super().write(values)

    def unlink(self):
        self._check_union_workflow_activity()
        return super().unlink()

    @api.model
    def _get_union_workflow_types(self):
        """Return the activity types owned by the union workflow. Override to protect more types."""
        types = self.env["mail.activity.type"]
        for xmlid in WORKFLOW_ACTIVITY_TYPES:
            types |= self.env.ref(xmlid, raise_if_not_found=False) or self.env["mail.activity.type"]
        return types

    @api.depends_context("uid")
    def _compute_can_write(self):
        """The buttons of an activity (done, edit, cancel) show only to who may use them: a workflow activity is
        its assignee's (or a manager's), whoever may write the record it is on."""
        super()._compute_can_write()
        if self.env.su or self.env.user.has_group("union_campaign.group_manager"):
            return
        workflow_types = self._get_union_workflow_types()
        for activity in self.filtered(lambda a: a.activity_type_id in workflow_types and a.user_id != self.env.user):
            activity.can_write = False

    def _check_union_workflow_activity(self):
        """Only its assignee (who marks it done) or a manager changes or removes a workflow activity: a reporter
        may not delete the reviewer's "Review unit report" on their own report."""
        if self.env.su or self.env.user.has_group("union_campaign.group_manager"):
            return
        workflow_types = self._get_union_workflow_types()
        protected = self.filtered(lambda a: a.activity_type_id in workflow_types and a.user_id != self.env.user)
        if protected:
            raise AccessError(
                self.env._(
                    "The activity “%(activity)s” is assigned to %(user)s by the workflow: only they or a manager can "
                    "change or remove it.",
                    activity=protected[0].display_name,
                    user=protected[0].user_id.name,
                )
            )

    def _classify_by_model(self):
        """The union workflow creates its activities in batch and adds their followers itself, in one batch
        (union.workflow.mixin._activity_sync): mail's subscription of the assignees one user at a time is skipped."""
        if self.env.context.get("union_activity_batch"):
            return {}
        return super()._classify_by_model()

    def _action_done(self, feedback=False, attachment_ids=None):
        """Marking a "Federation task" activity done marks the task carried out."""
        task_type = self.env.ref("union_campaign.mail_act_federation_task", raise_if_not_found=False)
        task_ids = [
            activity.res_id
            for activity in self
            if task_type and activity.activity_type_id == task_type and activity.res_model == "union.campaign.item"
        ]
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        if task_ids:
            tasks = self.env["union.campaign.item"].browse(task_ids).exists()
            # sudo: whoever may complete the activity may record that the task is done; no other field moves.
            tasks.sudo().filtered(lambda t: not t.is_done).write({"is_done": True})
        return result
