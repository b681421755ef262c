# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

# Once approved, the plan is an official document: only managers change what it says.
LOCKED_STATES = ("approved", "running", "done")


class UnionCampaign(models.Model):
    """A federation's work plan (Kế hoạch), e.g. 43/KH-LĐLĐ."""

    _name = "union.campaign"
    _description = "Union Campaign Plan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "issue_date desc, id desc"
    _check_company_auto = True

    # ------------------------------------------------------------------
    # Default methods
    # ------------------------------------------------------------------
    def _default_issuing_unit(self):
        return self.env["union.unit"].search(
            [("unit_type", "=", "federation"), ("company_id", "in", self.env.company.ids)],
            order="parent_path desc",
            limit=1,
        )

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------
    name = fields.Char(string="Title", required=True, tracking=True)
    reference = fields.Char(
        string="Number",
        tracking=True,
        copy=False,
        index=True,
        help="Number and symbol of the plan, e.g. 43/KH-LĐLĐ; unique per issuing unit and year.",
    )
    issuing_unit_id = fields.Many2one(
        "union.unit",
        required=True,
        tracking=True,
        check_company=True,
        default=lambda self: self._default_issuing_unit(),
        domain="[('unit_type', '=', 'federation')]",
    )
    issue_date = fields.Date(required=True, tracking=True, default=fields.Date.context_today, copy=False)
    issue_year = fields.Integer(compute="_compute_issue_year", store=True, index=True)
    issue_place = fields.Char(help="Place printed before the date, e.g. Long Biên.")
    # Before phase_ids: nested phases and items created with the plan read the units.
    unit_ids = fields.Many2many(
        "union.unit",
        "union_campaign_unit_rel",
        "campaign_id",
        "unit_id",
        string="Units",
        check_company=True,
        domain="[('unit_type', '!=', 'federation')]",
        help="The grassroots units the plan applies to.",
    )
    legal_basis_ids = fields.One2many("union.campaign.legal.basis", "campaign_id", string="Legal Bases", copy=True)
    introduction = fields.Text(
        help="Sentence that follows the legal bases, e.g. how the issuing body deploys the plan."
    )
    purpose = fields.Html(string="Purposes")
    requirement = fields.Html(string="Requirements")
    phase_introduction = fields.Text(help="Sentence introducing the phases in the document.")
    phase_ids = fields.One2many("union.campaign.phase", "campaign_id", string="Phases", copy=True)
    # Not `activity_ids`: mail.activity.mixin owns that name.
    campaign_activity_ids = fields.One2many("union.campaign.activity", "campaign_id", string="Content Items")
    form_ids = fields.Many2many("union.campaign.form", string="Propaganda Forms")
    form_text = fields.Html(
        string="Forms as Worded", help="How the plan words its propaganda forms; when empty, the form names are listed."
    )
    slogan_ids = fields.One2many("union.campaign.slogan", "campaign_id", string="Slogans", copy=True)
    responsibility_ids = fields.One2many(
        "union.campaign.responsibility", "campaign_id", string="Responsibilities", copy=True
    )
    recipient_ids = fields.One2many("union.campaign.recipient", "campaign_id", string="Recipients", copy=True)
    signer_capacity = fields.Char(help="e.g. TM. BAN THƯỜNG VỤ")
    signer_title = fields.Char(help="e.g. CHỦ TỊCH")
    signer_name = fields.Char()
    user_id = fields.Many2one(
        "res.users",
        string="Responsible Officer",
        tracking=True,
        default=lambda self: self.env.user,
        check_company=True,
        domain=lambda self: [("groups_id", "in", self.env.ref("union_campaign.group_officer").id)],
    )
    approver_id = fields.Many2one(
        "res.users",
        tracking=True,
        check_company=True,
        domain=lambda self: [("groups_id", "in", self.env.ref("union_campaign.group_manager").id)],
        help="Manager who approves the plan.",
    )
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("approved", "Approved"),
            ("running", "Running"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
        group_expand=True,
    )
    active = fields.Boolean(default=True)
    color = fields.Integer()
    phase_count = fields.Integer(compute="_compute_counts")
    activity_count = fields.Integer(compute="_compute_counts")
    slogan_count = fields.Integer(compute="_compute_counts")
    unit_count = fields.Integer(compute="_compute_counts")
    progress = fields.Float(compute="_compute_progress", help="Share of the plan's work that is done, in percent.")
    can_approve = fields.Boolean(compute="_compute_can_approve")

    # Deferred, so that the Python constraint below reports a duplicate first, naming the other plan;
    # the database still refuses two concurrent transactions creating the same number.
    _sql_constraints = [
        (
            "reference_unit_year_uniq",
            "unique(reference, issuing_unit_id, issue_year) DEFERRABLE INITIALLY DEFERRED",
            "A plan with this number already exists for this issuing unit and year.",
        ),
    ]

    # ------------------------------------------------------------------
    # Compute methods
    # ------------------------------------------------------------------
    @api.depends("issue_date")
    def _compute_issue_year(self):
        for campaign in self:
            campaign.issue_year = campaign.issue_date.year if campaign.issue_date else 0

    @api.depends("phase_ids", "campaign_activity_ids", "slogan_ids", "unit_ids")
    def _compute_counts(self):
        for campaign in self:
            campaign.phase_count = len(campaign.phase_ids)
            campaign.activity_count = len(campaign.campaign_activity_ids)
            campaign.slogan_count = len(campaign.slogan_ids)
            campaign.unit_count = len(campaign.unit_ids)

    @api.depends("state", "phase_ids.status")
    def _compute_progress(self):
        for campaign in self:
            if campaign.state == "done":
                campaign.progress = 100.0
            elif campaign.state != "running" or not campaign.phase_ids:
                campaign.progress = 0.0
            else:
                closed = campaign.phase_ids.filtered(lambda p: p.status == "closed")
                campaign.progress = 100.0 * len(closed) / len(campaign.phase_ids)

    @api.depends_context("uid")
    @api.depends("state")
    def _compute_can_approve(self):
        is_manager = self.env.user.has_group("union_campaign.group_manager")
        for campaign in self:
            campaign.can_approve = is_manager and campaign.state == "to_approve"

    @api.depends("reference", "name")
    def _compute_display_name(self):
        for campaign in self:
            campaign.display_name = (
                f"{campaign.reference} - {campaign.name}" if campaign.reference else (campaign.name or "")
            )

    @api.model
    def _search_display_name(self, operator, value):
        if operator in ("ilike", "not ilike", "=", "!=", "=ilike") and value:
            domain = ["|", ("reference", operator, value), ("name", operator, value)]
            return ["!", *domain] if operator in ("not ilike", "!=") else domain
        return super()._search_display_name(operator, value)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("reference", "issuing_unit_id", "issue_date")
    def _check_reference_unique(self):
        for campaign in self.filtered("reference"):
            duplicate = self.search(
                [
                    ("id", "!=", campaign.id),
                    ("reference", "=", campaign.reference),
                    ("issuing_unit_id", "=", campaign.issuing_unit_id.id),
                    ("issue_year", "=", campaign.issue_year),
                ],
                limit=1,
            )
            if duplicate:
                raise ValidationError(
                    _(
                        "The number %(reference)s is already used by the plan “%(plan)s” of %(unit)s in %(year)s.",
                        reference=campaign.reference,
                        plan=duplicate.name,
                        unit=campaign.issuing_unit_id.name,
                        year=campaign.issue_year,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    def write(self, vals):
        structure = self._get_structure_fields() & set(vals)
        if structure:
            self.check_access("write")  # a reporter gets the access error, not the lock message
            self._check_structure_editable(structure)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_draft_or_cancelled(self):
        blocked = self.filtered(lambda c: c.state not in ("draft", "cancelled"))
        if blocked:
            raise UserError(
                _(
                    "Only draft or cancelled plans can be deleted; cancel these first: %(plans)s",
                    plans=", ".join(blocked.mapped("display_name")),
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_submit(self):
        """Send draft plans to a manager for approval."""
        self._check_state("draft", _("submit for approval"))
        for campaign in self:
            if not campaign.phase_ids:
                raise UserError(
                    _("Add at least one phase to the plan “%(plan)s” before submitting it.", plan=campaign.display_name)
                )
            if not campaign.unit_ids:
                raise UserError(
                    _(
                        "Choose the units the plan “%(plan)s” applies to before submitting it.",
                        plan=campaign.display_name,
                    )
                )
        self.write({"state": "to_approve"})
        self._activity_update()
        return True

    def action_approve(self):
        """Approve plans waiting for approval (managers)."""
        self._check_can_approve()
        self._check_state("to_approve", _("approve"))
        self.write({"state": "approved"})
        self._activity_update()
        return True

    def action_return(self, reason=None):
        """Send plans back to draft with a reason; without one, open the reason wizard."""
        self._check_can_approve()
        self._check_state("to_approve", _("send back"))
        if reason is None:
            return self.env["union.review.return.wizard"]._action_open(self)
        reason = (reason or "").strip()
        if not reason:
            raise UserError(_("Give the reason for sending the plan back."))
        self.write({"state": "draft"})
        for campaign in self:
            campaign.message_post(
                body=_("Sent back for revision: %(reason)s", reason=reason),
                subtype_xmlid="mail.mt_note",
            )
        self._activity_update()
        return True

    def action_cancel(self):
        """Cancel plans; approved and running plans can only be cancelled by a manager."""
        self._check_state(("draft", "to_approve", "approved", "running"), _("cancel"))
        if any(c.state in LOCKED_STATES for c in self):
            self._check_can_approve()
        self.write({"state": "cancelled"})
        self._activity_update()
        return True

    def action_reset_draft(self):
        """Put cancelled or submitted plans back to draft."""
        self._check_state(("cancelled", "to_approve"), _("reset to draft"))
        self.write({"state": "draft"})
        self._activity_update()
        return True

    def action_done(self):
        """Close running plans whose phases are all closed."""
        self._check_state("running", _("close"))
        still_open = self.filtered(lambda c: any(p.status != "closed" for p in c.phase_ids))
        if still_open:
            raise UserError(
                _(
                    "These plans still have open phases: %(plans)s",
                    plans=", ".join(still_open.mapped("display_name")),
                )
            )
        self.write({"state": "done"})
        self._activity_update()
        return True

    def action_view_phases(self):
        """Open the phases of the plan."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("union_campaign.union_campaign_phase_action")
        action.update(domain=[("campaign_id", "=", self.id)], context={"default_campaign_id": self.id})
        return action

    def action_view_activities(self):
        """Open the content items of the plan."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("union_campaign.union_campaign_activity_action")
        action.update(
            domain=[("campaign_id", "=", self.id)],
            context={"search_default_groupby_phase": 1, "default_phase_id": self.phase_ids[:1].id},
        )
        return action

    def action_view_units(self):
        """Open the units the plan applies to."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("union_campaign.union_unit_action")
        action.update(domain=[("id", "in", self.unit_ids.ids)], context={"search_default_groupby_unit_type": 1})
        return action

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.model
    def _get_structure_fields(self):
        """Return the fields that make up the official plan. Override to lock more or fewer fields."""
        return {
            "name",
            "reference",
            "issuing_unit_id",
            "issue_date",
            "issue_place",
            "legal_basis_ids",
            "introduction",
            "purpose",
            "requirement",
            "phase_introduction",
            "phase_ids",
            "form_ids",
            "form_text",
            "slogan_ids",
            "responsibility_ids",
            "unit_ids",
            "recipient_ids",
            "signer_capacity",
            "signer_title",
            "signer_name",
            "company_id",
        }

    def _check_structure_editable(self, field_names=None):
        """Raise unless the current user may change what these plans say."""
        locked = self.filtered(lambda c: c.state in LOCKED_STATES)
        if not locked or self.env.su or self.env.user.has_group("union_campaign.group_manager"):
            return
        if field_names:
            labels = sorted(self._fields[f]._description_string(self.env) for f in field_names if f in self._fields)
            fields_text = ", ".join(labels)
        else:
            fields_text = _("phases, activities and other content")
        raise UserError(
            _(
                "The plan %(plans)s is %(state)s: only a manager can change %(fields)s.",
                plans=", ".join(locked.mapped("display_name")),
                state=dict(self._fields["state"]._description_selection(self.env))[locked[0].state],
                fields=fields_text,
            )
        )

    def _check_state(self, states, verb):
        states = (states,) if isinstance(states, str) else states
        wrong = self.filtered(lambda c: c.state not in states)
        if wrong:
            selection = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                _(
                    "Cannot %(verb)s: %(plans)s",
                    verb=verb,
                    plans=", ".join(f"{c.display_name} ({selection[c.state]})" for c in wrong),
                )
            )

    def _check_can_approve(self):
        if not self.env.user.has_group("union_campaign.group_manager"):
            raise AccessError(_("Only union campaign managers can approve, send back or cancel an approved plan."))

    # ------------------------------------------------------------------
    # Activities
    # ------------------------------------------------------------------
    def _activity_update(self):
        """Keep the plan's automatic activities in line with its state (see the activity rules)."""
        return True
