# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .union_workflow_mixin import ALL


class UnionCampaignActivity(models.Model):
    """A content item or task of a phase: done by the federation, or by every assigned unit."""

    _name = "union.campaign.activity"
    _description = "Campaign Activity"
    _inherit = ["mail.thread", "mail.activity.mixin", "union.workflow.mixin", "union.input.mixin"]
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
    form_ids = fields.Many2many("union.campaign.form", string="Forms")
    scope = fields.Selection(
        selection=[("units", "Every Unit"), ("federation", "Federation")],
        required=True,
        default="units",
        index=True,
        help="Federation: done by the issuing body. Every Unit: each assigned unit must do and report it.",
    )
    all_units = fields.Boolean(
        string="All Units of the Plan", default=True, help="Follow the plan's units, including those added later."
    )
    unit_ids = fields.Many2many(
        "union.unit",
        "union_campaign_activity_unit_rel",
        "activity_id",
        "unit_id",
        string="Units",
        compute="_compute_unit_ids",
        store=True,
        readonly=False,
        check_company=True,
    )
    date_deadline = fields.Date(string="Deadline", tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        check_company=True,
        tracking=True,
        help="Who carries out a federation task.",
    )
    is_done = fields.Boolean(string="Task Done", copy=False, tracking=True, help="The federation task is carried out.")
    target_qty = fields.Float(string="Target", help="Quantity each unit should reach, e.g. 2 sessions.")
    target_uom = fields.Selection(
        selection=[
            ("session", "Sessions"),
            ("banner", "Banners and posters"),
            ("post", "Posts"),
            ("participant", "Persons"),
            ("item", "Items"),
        ],
        string="Unit of Measure",
    )
    evidence_required = fields.Boolean(help="Units must attach evidence (photos, minutes) to report this item done.")
    in_document = fields.Boolean(
        string="Print in the Plan", default=True, help="List this item under its phase in the plan document."
    )

    # ------------------------------------------------------------------
    # Compute methods
    # ------------------------------------------------------------------
    @api.depends("all_units", "scope", "campaign_id.unit_ids")
    def _compute_unit_ids(self):
        for activity in self:
            if activity.scope == "federation":
                activity.unit_ids = False
            elif activity.all_units:
                activity.unit_ids = activity.campaign_id.unit_ids

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("date_deadline", "phase_id")
    def _check_date_deadline(self):
        for activity in self.filtered("date_deadline"):
            phase = activity.phase_id
            if not phase.date_start <= activity.date_deadline <= phase.date_end:
                raise ValidationError(
                    _(
                        "The deadline of “%(activity)s” must lie within its phase “%(phase)s” (%(start)s – %(end)s).",
                        activity=activity.name,
                        phase=phase.name,
                        start=phase.date_start,
                        end=phase.date_end,
                    )
                )

    @api.constrains("target_qty")
    def _check_target_qty(self):
        self._check_number_bounds(("target_qty",))

    # ------------------------------------------------------------------
    # Hooks for the reports generated at launch
    # ------------------------------------------------------------------
    def _prepare_unit_report_vals(self, unit):
        """Return the values of `unit`'s report on this item's phase. Override to fill more fields."""
        self.ensure_one()
        return {
            "campaign_id": self.campaign_id.id,
            "phase_id": self.phase_id.id,
            "unit_id": unit.id,
            "user_id": unit._get_reporting_user().id,
            "line_ids": [],
        }

    def _prepare_report_line_vals(self):
        """Return the values of the report line for this item. Override to fill more fields."""
        self.ensure_one()
        return {"activity_id": self.id}

    # ------------------------------------------------------------------
    # CRUD: the plan's lock applies to its activities
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        phases = self.env["union.campaign.phase"].browse({vals.get("phase_id") for vals in vals_list} - {None, False})
        self.check_access("create")
        phases.campaign_id._check_structure_editable()
        activities = super().create(vals_list)
        activities.filtered(lambda a: a.scope == "units").campaign_id._generate_reports()
        activities.filtered(lambda a: a.scope == "federation")._activity_update()
        return activities

    def write(self, vals):
        self.check_access("write")
        # Who carries out a federation task, and whether it is done, is not part of the official plan.
        if set(vals) - {"user_id", "is_done"}:
            self.campaign_id._check_structure_editable()
        if vals.get("phase_id"):
            self.env["union.campaign.phase"].browse(vals["phase_id"]).campaign_id._check_structure_editable()
        result = super().write(vals)
        if {"scope", "unit_ids", "all_units", "phase_id"} & set(vals):
            self.campaign_id._generate_reports()
        if {"scope", "user_id", "date_deadline", "is_done", "phase_id"} & set(vals):
            self._activity_update()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_if_plan_editable(self):
        self.campaign_id._check_structure_editable()
        self._get_report_lines().report_id._check_removable()

    def unlink(self):
        self._unlink_if_plan_editable()
        # Lines of reports never submitted nor reviewed go with their item (the database refuses to cascade them).
        self._get_report_lines().unlink()
        return super().unlink()

    def _get_report_lines(self):
        # sudo: the delete rules hold whoever may read the reports.
        return self.env["union.unit.report.line"].sudo().search([("activity_id", "in", self.ids)])

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_mark_done(self):
        """Mark federation tasks carried out (their activity is then done)."""
        self.filtered(lambda a: a.scope == "federation" and not a.is_done).write({"is_done": True})
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
            if task.scope != "federation" or state in ("cancelled", "done"):
                plans[task] = {"drop": ALL if state == "cancelled" else {xmlid}}
            elif task.is_done:
                plans[task] = {"done": {xmlid}}
            elif state == "running":
                deadline = self._activity_deadline(
                    task.user_id, not_before=task.date_deadline or task.phase_id.date_end
                )
                plans[task] = {"keep": [(xmlid, task.user_id, deadline, False, True)]}
        self._activity_sync(plans, feedback=_("Federation task carried out."))
        return True
