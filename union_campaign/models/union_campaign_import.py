# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class UnionCampaign(models.Model):
    """A plan made from an imported document keeps the account of what the import recognised."""

    _inherit = "union.campaign"

    import_filename = fields.Char(string="Imported From", readonly=True, copy=False)
    import_account = fields.Html(
        readonly=True,
        copy=False,
        help="What the import recognised in the document, what it did not, and the rules that turned vague "
        "dates into dates. Also posted in the chatter.",
    )

    def action_dismiss_import_account(self):
        """Hide the import account from the plan's form (it stays in the chatter)."""
        self.write({"import_account": False})
        return True
