# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class MailMessage(models.Model):
    _inherit = "mail.message"

    # The records an inbox notification of the union workflow is about (one, or a digest's several), and whether it
    # asks the reader for a decision: once nothing it lists waits for them, it is marked read.
    union_record_model = fields.Char(readonly=True, index="btree_not_null")
    union_record_ids = fields.Char(readonly=True, help="Ids of the records, comma-separated, with commas around.")
    union_request = fields.Boolean(readonly=True)
