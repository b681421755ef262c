# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import Command, api, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.mimetypes import guess_mimetype

# What a unit may send as evidence from the portal (a phone's photos, scanned minutes): one declaration.
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
EVIDENCE_MAX_FILES = 10
EVIDENCE_MIMETYPES = ("image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "application/pdf")


# One file for one concern (the evidence of a report), hence a second class of the model.
# pylint: disable=consider-merging-classes-inherited
class UnionUnitReport(models.Model):
    """Every file of a report is evidence: its documents and its lines' files, checked when linked, re-homed on
    the report, every change noted in its chatter (the write guard of union_unit_report.py calls these)."""

    _inherit = "union.unit.report"

    @api.model
    def _get_linked_files(self, commands):
        """Return the attachments that the x2many commands of a write link (LINK and SET, or plain ids)."""
        ids = set()
        for command in commands or ():
            if isinstance(command, int):
                ids.add(command)
            elif command[0] == Command.LINK:
                ids.add(command[1])
            elif command[0] == Command.SET:
                ids.update(command[2])
        return self.env["ir.attachment"].browse(ids)

    def _check_evidence_files(self, attachments):
        """Refuse linking files that are not evidence of this report: web links (they go in an item's links, as
        text), and files that are neither already on the report nor the user's own fresh uploads (another unit's
        or another company's file, say)."""
        # sudo: what a file is and who uploaded it decides, whatever the user may read of it.
        files = attachments.sudo()
        links = files.filtered(lambda a: a.type == "url")
        if links:
            raise UserError(
                self.env._(
                    "Web links are not evidence files: write them in the item's “Links to Online Posts” (%(links)s).",
                    links=", ".join(links.mapped("name")),
                )
            )
        for report in self:
            foreign = files.filtered(lambda a, report=report: not report._is_own_evidence(a))
            if foreign:
                raise AccessError(
                    self.env._(
                        "These files belong to another record and cannot be used as evidence: %(files)s",
                        files=", ".join(foreign.mapped("name")),
                    )
                )

    def _is_own_evidence(self, attachment):
        """True if `attachment` may be evidence of this report: already on it, or the user's own fresh upload
        (not yet attached to a record, or to one of the report's lines)."""
        self.ensure_one()
        if attachment.res_model == self._name and attachment.res_id == self.id:
            return True
        line_ids = self.sudo().line_ids.ids
        fresh = not attachment.res_id or (
            attachment.res_model == "union.unit.report.line" and attachment.res_id in line_ids
        )
        return fresh and (self.env.su or attachment.create_uid == self.env.user) and not attachment.res_field

    def _link_attachments(self):
        """Attach the report's documents to the report, so its readers (reviewers included) may open them."""
        for report in self:
            report._rehome_files(report.attachment_ids)

    def _rehome_files(self, attachments):
        """Make `attachments` files of this report (their record), once checked as its evidence."""
        self.ensure_one()
        loose = attachments.sudo().filtered(lambda a: a.res_model != self._name or a.res_id != self.id)
        if loose:
            # sudo: re-homing files the user just uploaded onto the report they may write.
            loose.write({"res_model": self._name, "res_id": self.id})

    def _log_file_changes(self, before, label):
        """Post every change of files in the report's chatter: who added or removed which file, where.

        :param before: {record: its files before the write} (records: reports or their lines)
        :param label: where the files are ("Documents", or the item's name)
        """
        for record, old in before.items():
            added, removed = record.attachment_ids - old, old - record.attachment_ids
            parts = []
            if added:
                parts.append(
                    self.env._(
                        "Files added to “%(where)s”: %(files)s", where=label, files=", ".join(added.mapped("name"))
                    )
                )
            if removed:
                parts.append(
                    self.env._(
                        "Files removed from “%(where)s”: %(files)s",
                        where=label,
                        files=", ".join(removed.mapped("name")),
                    )
                )
            if parts:
                report = record if record._name == self._name else record.report_id
                report._post_note(Markup("<br/>").join(parts))

    # ------------------------------------------------------------------
    # Uploads from the portal
    # ------------------------------------------------------------------
    @api.model
    def _get_evidence_limits(self):
        """Return the limits of an uploaded evidence file: its size in bytes, the number of files per item and the
        content types. Override to change them."""
        return {"max_bytes": EVIDENCE_MAX_BYTES, "max_files": EVIDENCE_MAX_FILES, "mimetypes": EVIDENCE_MIMETYPES}

    @api.model
    def _check_evidence_uploads(self, uploads, present=0):
        """Refuse uploads (a list of (file name, content)) that break the evidence limits: too large, too many
        beside the `present` files, or neither an image nor a PDF (the content decides, not the name)."""
        limits = self._get_evidence_limits()
        if present + len(uploads) > limits["max_files"]:
            raise UserError(self.env._("An item takes at most %(count)s evidence files.", count=limits["max_files"]))
        for name, content in uploads:
            if len(content) > limits["max_bytes"]:
                raise UserError(
                    self.env._(
                        "“%(file)s” is too large: evidence files are at most %(size)s MB.",
                        file=name,
                        size=limits["max_bytes"] // (1024 * 1024),
                    )
                )
            if guess_mimetype(content, default="") not in limits["mimetypes"]:
                raise UserError(
                    self.env._("“%(file)s” is neither a photo nor a PDF: send images or PDF files.", file=name)
                )
