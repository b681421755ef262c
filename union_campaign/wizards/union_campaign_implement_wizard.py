# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..models.union_campaign_cascade import DEFAULT_DAYS_BEFORE


class UnionCampaignImplementWizard(models.TransientModel):
    """Implement a running plan: the unit that implements it and how many days before the upper deadlines its own
    fall. The work is `union.campaign.action_create_implementing_plan`; this only asks its two arguments."""

    _name = "union.campaign.implement.wizard"
    _description = "Implement a Plan"

    campaign_id = fields.Many2one("union.campaign", string="Plan", required=True, readonly=True)
    allowed_unit_ids = fields.Many2many("union.unit", compute="_compute_allowed_unit_ids")
    unit_id = fields.Many2one(
        "union.unit",
        string="Implementing Unit",
        required=True,
        compute="_compute_unit_id",
        store=True,
        readonly=False,
        domain="[('id', 'in', allowed_unit_ids)]",
        help="The unit of the plan that implements it with its own plan, for its own units.",
    )
    days_before = fields.Integer(
        string="Days Before the Upper Deadlines",
        default=DEFAULT_DAYS_BEFORE,
        help="Your units report this many days before you must report to the level above.",
    )

    @api.depends("campaign_id")
    def _compute_allowed_unit_ids(self):
        for wizard in self:
            wizard.allowed_unit_ids = wizard.campaign_id._get_implementing_units()

    @api.depends("allowed_unit_ids")
    def _compute_unit_id(self):
        for wizard in self:
            if len(wizard.allowed_unit_ids) == 1:
                wizard.unit_id = wizard.allowed_unit_ids

    def action_confirm(self):
        self.ensure_one()
        return self.campaign_id.action_create_implementing_plan(unit=self.unit_id, days_before=self.days_before)
