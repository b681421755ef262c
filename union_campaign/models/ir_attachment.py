# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError

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

    def _get_union_reports(self):
        """Return the unit reports these files are evidence of: their documents, their lines' evidence, or files
        attached to them."""
        # sudo: the lock holds whatever the user may read.
        Report = self.env["union.unit.report"].sudo()
        attached = self.sudo().filtered(lambda a: a.res_model == Report._name and a.res_id)
        return Report.browse(attached.mapped("res_id")).exists() | Report.search(
            ["|", ("attachment_ids", "in", self.ids), ("line_ids.attachment_ids", "in", self.ids)]
        )

    def _check_union_evidence_unlocked(self):
        """Every file of an official report is evidence: nobody replaces, renames or removes it unless the report's
        write policy lets them change its files (a draft or returned report; see union.unit.report)."""
        if self.env.su or not self.ids:
            return
        reports = self._get_union_reports()
        locked = reports.filtered(lambda r: not r._may_write(("attachment_ids",), self.env.user))
        if locked:
            raise UserError(
                self.env._(
                    "These files are evidence of a submitted or approved report and cannot be changed or deleted "
                    "until the report is reopened: %(reports)s",
                    reports=", ".join(locked.mapped("display_name")),
                )
            )
