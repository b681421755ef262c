# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import binascii

from odoo import fields, models
from odoo.exceptions import UserError

from ..tools.plan_extract import MAX_BYTES


class UnionCampaignImportWizard(models.TransientModel):
    """Upload a plan document (.docx, .pdf with a text layer, .txt) and get a draft plan, word for word."""

    _name = "union.campaign.import.wizard"
    _inherit = ["union.input.mixin"]
    _description = "Import a Plan Document"

    file = fields.Binary(string="Document", attachment=False)
    filename = fields.Char(string="File Name")
    # The upload is its creator's, in the company they imported it in (record rules): nobody else reads, swaps
    # or imports it.
    company_id = fields.Many2one("res.company", required=True, readonly=True, default=lambda self: self.env.company)

    def action_import(self):
        """Create the draft plan of the uploaded document and open it."""
        self.ensure_one()
        # The stored value is base64: refuse a file over the limit before decoding it.
        encoded = self.with_context(bin_size=False).file or b""
        if isinstance(encoded, str):
            encoded = encoded.encode()
        size = len(encoded.rstrip(b"=\n")) * 3 // 4
        importer = self.env["union.campaign.importer"]
        if not encoded:
            if not self.filename:
                raise UserError(self.env._("Choose the plan document to import."))
            raise UserError(importer._get_error_message("empty", filename=self.filename))
        if size > MAX_BYTES:
            raise UserError(importer._get_error_message("too_large", filename=self.filename, size=size))
        try:
            data = base64.b64decode(encoded, validate=False)
        except (binascii.Error, ValueError):
            raise UserError(importer._get_error_message("empty", filename=self.filename)) from None
        plan = importer.with_company(self.company_id)._import_file(data, self.filename or "")
        return {
            "type": "ir.actions.act_window",
            "name": plan.display_name,
            "res_model": "union.campaign",
            "res_id": plan.id,
            "view_mode": "form",
            "views": [(False, "form")],
            # The draft is a plan of its own, not a step of wherever the import was started (the home's reports).
            "target": "main",
        }
