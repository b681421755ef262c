# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        """Marking a "Federation task" activity done marks the task carried out."""
        task_type = self.env.ref("union_campaign.mail_act_federation_task", raise_if_not_found=False)
        task_ids = [
            activity.res_id
            for activity in self
            if task_type and activity.activity_type_id == task_type and activity.res_model == "union.campaign.activity"
        ]
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        if task_ids:
            tasks = self.env["union.campaign.activity"].browse(task_ids).exists()
            # sudo: whoever may complete the activity may record that the task is done; no other field moves.
            tasks.sudo().filtered(lambda t: not t.is_done).write({"is_done": True})
        return result
