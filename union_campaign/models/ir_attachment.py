# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, models
from odoo.exceptions import UserError

from .union_workflow_mixin import OPEN_STATES

# Fields of a file that say what it is: its content, its name and the record it belongs to.
EVIDENCE_FIELDS = {"datas", "raw", "db_datas", "store_fname", "url", "type", "name", "mimetype", "res_model", "res_id"}


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def write(self, vals):
        if EVIDENCE_FIELDS & set(vals):
            self._check_union_evidence_unlocked()
        return super().write(vals)

    def unlink(self):
        self._check_union_evidence_unlocked()
        return super().unlink()

    def _check_union_evidence_unlocked(self):
        """Evidence of a submitted, approved or closed unit report is part of the record: nobody replaces or
        removes it until the report is reopened (sent back, withdrawn or reopened by a manager)."""
        if self.env.su or not self.ids:
            return
        # sudo: the lock holds whatever the user may read; only the names of the reports are shown.
        lines = (
            self.env["union.unit.report.line"]
            .sudo()
            .search([("attachment_ids", "in", self.ids), ("report_id.state", "not in", OPEN_STATES)])
        )
        if lines:
            raise UserError(
                _(
                    "These files are evidence of a submitted or approved report and cannot be changed or deleted "
                    "until the report is reopened: %(reports)s",
                    reports=", ".join(lines.report_id.mapped("display_name")),
                )
            )
