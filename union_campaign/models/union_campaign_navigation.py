# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


# One file for one concern (where the buttons and the app lead), hence another class of the model.
# pylint: disable=consider-merging-classes-inherited
class UnionCampaign(models.Model):
    """Navigation: each person's landing page and the plan form's smart buttons."""

    _inherit = "union.campaign"

    @api.model
    def action_home(self):
        """Open where the user's work is: what waits for a manager's decision (plans to approve, reports at their
        last review step), an officer's reports to review, a reporter's own reports to do."""
        user = self.env.user
        if user.has_group("union_campaign.group_manager"):
            # Plans to approve and reports at their last review step, in one list of what waits for them.
            types = self.env.ref("union_campaign.mail_act_approve_plan") | self.env.ref(
                "union_campaign.mail_act_review_report"
            )
            domain = [("user_id", "=", user.id), ("activity_type_id", "in", types.ids)]
            if self.env["mail.activity"].search_count(domain, limit=1):
                return {
                    "type": "ir.actions.act_window",
                    "name": self.env._("Waiting for My Decision"),
                    "res_model": "mail.activity",
                    "view_mode": "list",
                    "views": [(self.env.ref("union_campaign.mail_activity_view_list_waiting").id, "list")],
                    "domain": domain,
                    "context": {"create": False},
                }
        if user.has_group("union_campaign.group_officer"):
            return self.env["ir.actions.act_window"]._for_xml_id("union_campaign.union_unit_report_action_review")
        return self.env["ir.actions.act_window"]._for_xml_id("union_campaign.union_unit_report_action_my")

    def action_view_phases(self):
        """Open the phases of the plan."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("union_campaign.union_campaign_phase_action")
        action.update(domain=[("campaign_id", "=", self.id)], context={"default_campaign_id": self.id})
        return action

    def action_view_items(self):
        """Open the content items of the plan."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("union_campaign.union_campaign_item_action")
        action.update(
            domain=[("campaign_id", "=", self.id)],
            context={"search_default_groupby_phase": 1, "default_phase_id": self.phase_ids[:1].id},
        )
        return action

    def action_view_units(self):
        """Open the units the plan applies to."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("union_campaign.union_unit_action")
        action.update(domain=[("id", "in", self.unit_ids.ids)], context={"search_default_groupby_unit_type": 1})
        return action

    def action_view_compliance_matrix(self):
        """Open the compliance matrix: units down, the reports asked across, each cell a report state."""
        self.ensure_one()
        return {
            "type": "ir.actions.client",
            "tag": "union_campaign.compliance_matrix",
            "name": self.env._("Compliance Matrix – %(plan)s", plan=self.display_name),
            "params": {"campaign_id": self.id},
        }

    def _get_matrix_file_name(self):
        """The compliance matrix's file name: its title and the plan's number (a "/" cannot be in a file name)."""
        self.ensure_one()
        number = (self.reference or str(self.id)).replace("/", "-")
        return self.env._("Compliance Matrix %(number)s", number=number)

    def get_compliance_matrix(self, unit_type_id=False):
        """Return the compliance matrix of the plan as plain data (reports/union_campaign_compliance_matrix.py)."""
        return self.env["union.compliance.matrix"]._get_matrix(self, unit_type_id=unit_type_id)

    def action_dismiss_import_account(self):
        """Hide the import account from the plan's form (it stays in the chatter)."""
        self.write({"import_account": False})
        return True

    def action_view_reports(self):
        """Open the unit reports of the plan; `report_filter` in the context picks a search filter."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("union_campaign.union_unit_report_action")
        context = {"default_campaign_id": self.id, "search_default_groupby_phase": 1}
        report_filter = self.env.context.get("report_filter")
        if report_filter:
            context[f"search_default_{report_filter}"] = 1
        action.update(domain=[("campaign_id", "=", self.id)], context=context)
        return action
