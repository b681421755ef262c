# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from .union_workflow_mixin import EVERY_FIELD, PLAN_EDITABLE_STATES, PLAN_LOCKED_STATES


class UnionCampaignPartMixin(models.AbstractModel):
    """A part of a plan (a period, an item, a legal basis, a slogan, a target...): written as the plan is.

    Its write policy reads its plan's state and the user's roles on the plan: officers write it until the plan is
    approved, managers in every state. It stays in the plan it was created in (``campaign_id`` is fixed).
    """

    _name = "union.campaign.part.mixin"
    _inherit = ["union.workflow.mixin"]
    _description = "Part of a Plan"

    @api.model
    def _get_write_policy(self):
        return {
            "officer": {PLAN_EDITABLE_STATES: EVERY_FIELD},
            "manager": {PLAN_EDITABLE_STATES + PLAN_LOCKED_STATES: EVERY_FIELD},
        }

    @api.model
    def _get_fixed_fields(self):
        return ("campaign_id",)

    def _get_policy_state(self):
        self.ensure_one()
        return self.campaign_id.state

    def _get_user_roles(self, user):
        self.ensure_one()
        return self.campaign_id._get_user_roles(user)

    def _get_locked_message(self, labels):
        return self.campaign_id._get_locked_message(labels)

    def _get_dependent_reports(self):
        """Return the unit reports (or report lines) made for this part of the plan. Override for parts that
        have them (periods, items)."""
        return None

    @api.ondelete(at_uninstall=False)
    def _unlink_except_official_reports(self):
        """Submitted or reviewed reports are official records: the part of the plan they answer stays."""
        reports = self._get_dependent_reports()
        if reports:
            (reports.report_id if reports._name == "union.unit.report.line" else reports)._check_removable()

    def unlink(self):
        self._check_unlink_policy()
        self._unlink_except_official_reports()
        # What nobody ever submitted nor reviewed goes with its part (the database refuses to cascade it).
        reports = self._get_dependent_reports()
        if reports:
            reports.unlink()
        return super().unlink()
