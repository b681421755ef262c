# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields, models

from .union_campaign_section import NUMBERINGS, SECTION_KINDS


class UnionCampaignOutline(models.Model):
    """A starting point for a kind of plan (propaganda, Tết care, emulation, congress, safety month): its outline
    of sections and its reporting schedule, from which a new draft plan is made in one click."""

    _name = "union.campaign.outline"
    _inherit = ["union.input.mixin"]
    _description = "Plan Template"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    line_ids = fields.One2many("union.campaign.outline.line", "outline_id", string="Sections", copy=True)
    schedule_kind = fields.Selection(
        selection=[
            ("per_period", "One Report per Period"),
            ("final", "One Final Report"),
            ("recurring", "Quarterly Reports"),
        ],
        string="Reports Asked",
        default="per_period",
    )
    signature_lines = fields.Text(default="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH")
    active = fields.Boolean(default=True)

    def action_create_plan(self):
        """Create a draft plan with this outline and open it."""
        self.ensure_one()
        # The headings are written in the language of the plan's document, whoever creates it.
        Plan = self.env["union.campaign"]
        unit = Plan._default_issuing_unit()
        lang = unit._get_document_lang()
        plan = Plan.create(self.with_context(lang=lang)._prepare_plan_vals())
        return {
            "type": "ir.actions.act_window",
            "res_model": "union.campaign",
            "res_id": plan.id,
            "view_mode": "form",
            "target": "current",
        }

    def _prepare_plan_vals(self):
        """Return the values of a new plan made from this template. Override to fill more fields."""
        self.ensure_one()
        vals = {
            "name": self.env._("New plan: %(template)s", template=self.name),
            "outline_id": self.id,
            "signature_lines": self.signature_lines,
            "section_ids": [Command.create(line._prepare_section_vals()) for line in self.line_ids],
        }
        if self.schedule_kind:
            vals["report_schedule_ids"] = [Command.create({"kind": self.schedule_kind})]  # recurring: quarterly
        return vals


class UnionCampaignOutlineLine(models.Model):
    _name = "union.campaign.outline.line"
    _inherit = ["union.input.mixin"]
    _description = "Plan Template Section"
    _order = "outline_id, sequence, id"

    outline_id = fields.Many2one("union.campaign.outline", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Heading", translate=True)
    level = fields.Integer(default=1)
    numbering = fields.Selection(selection=NUMBERINGS, required=True, default="roman")
    kind = fields.Selection(selection=SECTION_KINDS, required=True, default="text")
    item_numbering = fields.Selection(selection=NUMBERINGS, default="dash")
    body = fields.Text(translate=True)

    def _prepare_section_vals(self):
        self.ensure_one()
        return {
            "sequence": self.sequence,
            "name": self.name,
            "level": self.level,
            "numbering": self.numbering,
            "kind": self.kind,
            "item_numbering": self.item_numbering,
            "body": self.body,
        }
