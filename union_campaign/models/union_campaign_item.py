# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

from .union_workflow_mixin import ALL, PLAN_LOCKED_STATES

# The bullets a sub-item may print with, as plans write them.
BULLETS = [("+", "+"), ("-", "-"), ("•", "•"), ("*", "*"), ("–", "–")]
# What carrying out a federation task changes: not part of the official plan.
TASK_FIELDS = ("user_id", "is_done")


class UnionCampaignItem(models.Model):
    """A content item or task of a period: done by the issuing union, by every assigned unit, or by both; it may
    have its own dates, sub-items, a leading body and coordinating bodies, and targets."""

    _name = "union.campaign.item"
    _description = "Plan Content Item"
    _inherit = ["mail.thread", "mail.activity.mixin", "union.campaign.part.mixin", "union.input.mixin"]
    _order = "campaign_id, phase_sequence, sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    phase_id = fields.Many2one(
        "union.campaign.phase", required=True, ondelete="cascade", index=True, check_company=True
    )
    phase_sequence = fields.Integer(related="phase_id.sequence", store=True, string="Phase Sequence")
    campaign_id = fields.Many2one(related="phase_id.campaign_id", store=True, index=True)
    company_id = fields.Many2one(related="phase_id.company_id", store=True, index=True)
    name = fields.Char(required=True, help="Short title of the item.")
    description = fields.Text(help="The item as worded in the plan.")
    form_ids = fields.Many2many(
        "union.campaign.form", "union_campaign_item_form_rel", "item_id", "form_id", string="Forms"
    )
    scope = fields.Selection(
        selection=[("units", "Every Unit"), ("federation", "Issuing Union"), ("both", "Issuing Union and Units")],
        required=True,
        default="units",
        index=True,
        help="Issuing union: done by the body that issues the plan (a federation task). Every unit: each assigned "
        "unit must do and report it. Both: a task of the issuing union that the units also do and report.",
    )
    parent_id = fields.Many2one(
        "union.campaign.item",
        string="Parent Item",
        index=True,
        ondelete="cascade",
        domain="[('phase_id', '=', phase_id), ('id', '!=', id)]",
    )
    child_ids = fields.One2many("union.campaign.item", "parent_id", string="Sub-items")
    lead_unit_id = fields.Many2one(
        "union.unit",
        string="Leading Body",
        check_company=True,
        help="Who leads the item (chủ trì): a unit or a department.",
    )
    lead_text = fields.Char(
        string="Leading Body as Worded", help="When the leading body is not a unit, e.g. “qua Ban Tổ chức”."
    )
    coordinator_unit_ids = fields.Many2many(
        "union.unit",
        "union_campaign_item_coordinator_rel",
        "item_id",
        "unit_id",
        string="Coordinating Bodies",
        check_company=True,
    )
    coordinator_text = fields.Char(
        string="Coordinating Bodies as Worded", help="e.g. Phòng Lao động - Thương binh và Xã hội huyện"
    )
    all_units = fields.Boolean(
        string="All Units of the Plan", default=True, help="Follow the plan's units, including those added later."
    )
    unit_ids = fields.Many2many(
        "union.unit",
        "union_campaign_item_unit_rel",
        "item_id",
        "unit_id",
        string="Units",
        compute="_compute_unit_ids",
        store=True,
        readonly=False,
        check_company=True,
    )
    date_start = fields.Date(string="Start")
    date_deadline = fields.Date(string="Deadline", tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        check_company=True,
        tracking=True,
        help="Who carries out a federation task.",
    )
    is_done = fields.Boolean(string="Task Done", copy=False, tracking=True, help="The federation task is carried out.")
    target_ids = fields.One2many("union.campaign.target", "item_id", string="Targets")
    target_qty = fields.Float(
        string="Target",
        digits=(16, 0),
        compute="_compute_target",
        inverse="_inverse_target",
        help="Quantity each unit should reach, e.g. 2 sessions (the item's first quantity target per unit).",
    )
    target_uom = fields.Char(
        string="Unit of Measure", compute="_compute_target", inverse="_inverse_target", help="e.g. buổi, lượt, băng rôn"
    )
    evidence_required = fields.Boolean(help="Units must attach evidence (photos, minutes) to report this item done.")
    in_document = fields.Boolean(
        string="Print in the Plan", default=True, help="List this item under its phase in the plan document."
    )
    section_id = fields.Many2one(
        "union.campaign.section",
        string="Listed in Table",
        index=True,
        ondelete="set null",
        domain="[('campaign_id', '=', campaign_id), ('kind', '=', 'items')]",
        help="A table of items (an appendix of activities, say) that prints this item as one of its rows, instead "
        "of listing it under its period.",
    )
    date_text = fields.Char(
        string="Dates as Worded",
        help="The item's time as the plan writes it (e.g. “Tháng 10/2025”, “Trước ngày 15/11/2025”); else its dates "
        "print.",
    )
    note = fields.Char(help="A note printed in a table's Ghi chú column.")
    bullet = fields.Selection(
        selection=BULLETS,
        default="+",
        help="The bullet a sub-item prints with, as the plan writes it.",
    )

    # ------------------------------------------------------------------
    # Compute methods
    # ------------------------------------------------------------------
    @api.depends("all_units", "scope", "campaign_id.unit_ids")
    def _compute_unit_ids(self):
        for item in self:
            if item.scope == "federation":
                item.unit_ids = False
            elif item.all_units:
                item.unit_ids = item.campaign_id.unit_ids

    @api.depends("target_ids.kind", "target_ids.per", "target_ids.value", "target_ids.uom")
    def _compute_target(self):
        for item in self:
            target = item._get_unit_quantity_target()
            item.target_qty = target.value
            item.target_uom = target.uom

    def _inverse_target(self):
        """Writing the simple target of an item keeps its first quantity target per unit (made if missing)."""
        to_create = []
        for item in self:
            target = item._get_unit_quantity_target()
            if target:
                vals = {"value": item.target_qty, "uom": item.target_uom}
                if target.name == self._word_target(target.value, target.uom):
                    # Worded from the numbers (not as the plan wrote it): worded again, or it prints the old figure.
                    vals["name"] = self._word_target(item.target_qty, item.target_uom)
                target.write(vals)
            elif item.target_qty:  # a unit of measure alone is no target ("0 người")
                to_create.append(
                    {
                        "campaign_id": item.campaign_id.id,
                        "item_id": item.id,
                        "kind": "quantity",
                        "per": "unit",
                        "value": item.target_qty,
                        "uom": item.target_uom,
                        "name": self._word_target(item.target_qty, item.target_uom),
                    }
                )
        if to_create:
            self.env["union.campaign.target"].create(to_create)

    @api.model
    def _word_target(self, value, uom):
        """The wording of a target entered as a number and a unit: "5 buổi"."""
        return " ".join(filter(None, (f"{value:g}", uom)))

    def _get_unit_quantity_target(self):
        self.ensure_one()
        return self.target_ids.filtered(lambda t: t.kind == "quantity" and t.per == "unit")[:1]

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("date_start", "date_deadline", "phase_id")
    def _check_date_deadline(self):
        for item in self:
            phase = item.phase_id
            for day in filter(None, (item.date_start, item.date_deadline)):
                if (phase.date_start and day < phase.date_start) or (phase.date_end and day > phase.date_end):
                    raise ValidationError(
                        self.env._(
                            "The dates of “%(item)s” must lie within its phase “%(phase)s” (%(start)s – %(end)s).",
                            item=item.name,
                            phase=phase.name,
                            start=format_date(self.env, phase.date_start),
                            end=format_date(self.env, phase.date_end),
                        )
                    )
            if item.date_start and item.date_deadline and item.date_deadline < item.date_start:
                raise ValidationError(self.env._("“%(item)s” cannot end before it starts.", item=item.name))

    @api.constrains("parent_id", "phase_id")
    def _check_parent(self):
        if self._has_cycle():
            raise ValidationError(self.env._("An item cannot be its own sub-item."))
        for item in self:
            if (item.parent_id and item.parent_id.phase_id != item.phase_id) or any(
                child.phase_id != item.phase_id for child in item.child_ids
            ):
                raise ValidationError(
                    self.env._("A sub-item belongs to the period of its item (“%(item)s”).", item=item.name)
                )

    # ------------------------------------------------------------------
    # Hooks for the reports generated at launch
    # ------------------------------------------------------------------
    def _prepare_report_line_vals(self):
        """Return the values of the report line for this item. Override to fill more fields."""
        self.ensure_one()
        return {"item_id": self.id}

    # ------------------------------------------------------------------
    # Write policy: the plan's, and federation tasks are carried out while it runs
    # ------------------------------------------------------------------
    @api.model
    def _get_write_policy(self):
        """The plan's lock (union.campaign.part.mixin); who carries out a federation task, and whether it is
        done, is not part of the official plan: officers write them while the plan is approved or runs."""
        policy = super()._get_write_policy()
        policy["officer"] = {**policy["officer"], PLAN_LOCKED_STATES: TASK_FIELDS}
        return policy

    @api.model
    def _get_fixed_fields(self):
        return ("phase_id",)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        items = super().create(vals_list)
        items.filtered(lambda item: item.scope in ("federation", "both"))._activity_update()
        return items

    def write(self, vals):
        result = super().write(vals)
        if {"scope", "user_id", "date_deadline", "is_done"} & set(vals):
            self._activity_update()
        return result

    def _get_dependent_reports(self):
        # sudo: the delete rules hold whoever may read the reports.
        return self.env["union.unit.report.line"].sudo().search([("item_id", "in", self.ids)])

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_mark_done(self):
        """Mark federation tasks carried out (their activity is then done)."""
        self.filtered(lambda item: item.scope in ("federation", "both") and not item.is_done).write({"is_done": True})
        return True

    # ------------------------------------------------------------------
    # Activities
    # ------------------------------------------------------------------
    def _activity_update(self):
        """A federation task of a running plan has one "Federation task" activity for its responsible,
        due on its deadline; it is done with the task and removed when the plan is cancelled or closed."""
        xmlid = "union_campaign.mail_act_federation_task"
        plans = {}
        for task in self:
            state = task.campaign_id.state
            if task.scope == "units" or state in ("cancelled", "done"):
                plans[task] = {"drop": ALL if state == "cancelled" else {xmlid}}
            elif task.is_done:
                plans[task] = {"done": {xmlid}}
            elif state == "running":
                deadline = self._activity_deadline(
                    task.user_id, not_before=task.date_deadline or task.phase_id.date_end
                )
                plans[task] = {"keep": [(xmlid, task.user_id, deadline, False, True)]}
        self._activity_sync(plans, feedback=self.env._("Federation task carried out."))
        return True
