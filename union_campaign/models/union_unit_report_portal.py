# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from .union_workflow_mixin import OPEN_STATES

PORTAL_URL = "/my/union-reports"


# One file for one concern (the units' portal), hence a second class of the model.
# pylint: disable=consider-merging-classes-inherited
class UnionUnitReport(models.Model):
    """A unit report on the portal: its page (/my/union-reports/<id>) for the unit's portal reporters, who fill and
    submit it there under the same record rules, write policy and transitions as in the web client."""

    _name = "union.unit.report"
    _inherit = ["union.unit.report", "portal.mixin"]

    def _compute_access_url(self):
        for report in self:
            report.access_url = f"{PORTAL_URL}/{report.id}"

    @api.model
    def _get_portal_domain(self):
        """The reports of the portal's lists: those of the units the user reports for (the record rules apply on
        top). Override to show more."""
        return [("unit_id.reporter_user_ids", "in", self.env.uid), ("state", "!=", "cancelled")]

    @api.model
    def _get_portal_counts(self):
        """Return the counts of /my: the reports the user's units still have to send (draft) and those sent back
        to them (returned), among the reports the user may read."""
        domain = [*self._get_portal_domain(), ("state", "in", OPEN_STATES)]
        counts = dict(self._read_group(domain, ["state"], ["__count"]))
        return {"todo": counts.get("draft", 0), "returned": counts.get("returned", 0)}

    def _get_portal_late_label(self):
        """The late badge of a report on the portal, one sentence: "Late: 3 days"."""
        self.ensure_one()
        return self.env._("Late: %(days)s days", days=self.days_late)
