# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class UnionReviewReturnWizard(models.TransientModel):
    """Ask for the reason when a plan is sent back for revision."""

    _name = "union.review.return.wizard"
    _inherit = ["union.input.mixin"]
    _description = "Send Back with a Reason"

    campaign_ids = fields.Many2many("union.campaign", string="Plans")
    report_ids = fields.Many2many("union.unit.report", string="Unit Reports")
    record_count = fields.Integer(compute="_compute_record_count")
    summary = fields.Char(compute="_compute_record_count")
    reason = fields.Text(required=True)

    @api.model
    def _action_open(self, records):
        """Return the window action asking why `records` are sent back."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send Back"),
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": {f"default_{self._get_records_field(records)}": [(6, 0, records.ids)]},
        }

    @api.model
    def _get_records_field(self, records):
        """Return the wizard field holding records of that model. Override to send back other documents."""
        return {"union.campaign": "campaign_ids", "union.unit.report": "report_ids"}[records._name]

    def _get_records(self):
        return self.campaign_ids or self.report_ids

    @api.depends("campaign_ids", "report_ids")
    def _compute_record_count(self):
        for wizard in self:
            wizard.record_count = len(wizard._get_records())
            if wizard.campaign_ids:
                wizard.summary = self.env._("The plan goes back to its officer, who gets an activity with your reason.")
            elif wizard.record_count == 1:
                wizard.summary = self.env._("The report goes back to its unit, with your reason at the top of it.")
            else:
                wizard.summary = self.env._(
                    "%(count)s unit reports go back to their units, each with your reason at the top.",
                    count=wizard.record_count,
                )

    def action_confirm(self):
        """Send the records back with the reason."""
        self.ensure_one()
        if not (self.reason or "").strip():
            raise UserError(self.env._("Give the reason for sending back."))
        records = self._get_records()
        if not records:
            raise UserError(self.env._("There is nothing to send back."))
        result = records.action_return(reason=self.reason)
        close = {"type": "ir.actions.act_window_close"}
        if isinstance(result, dict) and result.get("tag") == "display_notification":
            # Say what happened, then close the dialog (the list behind reloads).
            result["params"]["next"] = close
            return result
        return close
