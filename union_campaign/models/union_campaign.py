# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .union_input_mixin import MAX_DELAY, parse_reminder_days
from .union_workflow_mixin import (
    OFFICIAL_STATES,
    OPEN_STATES,
    OUTSTANDING_STATES,
    PLAN_EDITABLE_STATES,
    PLAN_LOCKED_STATES,
    PLAN_PUBLISHED_STATES,
)

PLAN_STATES = PLAN_EDITABLE_STATES + PLAN_LOCKED_STATES
# What the plan says: the official document. Locked once approved (only managers change it).
STRUCTURE_FIELDS = (
    "name",
    "reference",
    "issuing_unit_id",
    "issue_date",
    "issue_place",
    "legal_basis_ids",
    "introduction",
    "purpose",
    "forms_text",
    "outline_id",
    "section_ids",
    "phase_ids",
    "item_ids",
    "form_ids",
    "target_ids",
    "budget_line_ids",
    "report_schedule_ids",
    "slogan_ids",
    "responsibility_ids",
    "unit_ids",
    "recipient_ids",
    "signature_lines",
    "signer_name",
    "header_upper_body",
    "header_body_lines",
    "company_id",
    "review_steps",
)
# How the federation runs the plan: its officer and the reminders and delays, changed whatever the state.
SETTINGS_FIELDS = (
    "user_id",
    "reminder_days",
    "review_delay",
    "revise_delay",
    "escalation_delay",
    "color",
    "active",
    "import_account",
)
# Who approves the plan (and gives final approval to its reports): the officer names them, then only managers.
APPROVAL_FIELDS = ("approver_id",)


class UnionCampaign(models.Model):
    """A federation's work plan (Kế hoạch), e.g. 43/KH-LĐLĐ."""

    _name = "union.campaign"
    _description = "Union Campaign Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "union.workflow.mixin", "union.input.mixin"]
    _order = "issue_date desc, id desc"
    _check_company_auto = True
    _workflow_transitions = ("submit", "approve", "cancel", "reset", "launch", "done")

    # ------------------------------------------------------------------
    # Default methods
    # ------------------------------------------------------------------
    def _default_issuing_unit(self):
        """The unit the user works for that has units below it, else the company's top unit with units below."""
        units = self.env.user.union_unit_ids.filtered(lambda u: u.child_ids and u.company_id in self.env.company)
        return units[:1] or self.env["union.unit"].search(
            [("child_ids", "!=", False), ("company_id", "in", self.env.company.ids)], order="parent_path", limit=1
        )

    def _default_outline(self):
        """A plan built by hand in the form (the plans' window action says so) starts from the general outline."""
        if not self.env.context.get("union_default_outline"):
            return self.env["union.campaign.outline"]
        return self.env.ref("union_campaign.outline_general", raise_if_not_found=False)

    def _default_sections(self):
        """The sections of the default outline, their headings in the document's language."""
        outline = self._default_outline()
        if not outline:
            return []
        lang = self._default_issuing_unit()._get_document_lang()
        return [Command.create(line._prepare_section_vals()) for line in outline.with_context(lang=lang).line_ids]

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
        # Any union but a union group or a department: a new union, with no unit below it yet, included.
        domain="[('unit_type_id.level', 'not in', ('group', 'department'))]",
        help="Any union that issues the plan to the units below it: a federation, a sector union, a grassroots "
        "union issuing to its union groups...",
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
        domain="[('id', 'child_of', issuing_unit_id), ('id', '!=', issuing_unit_id), ('receives_plans', '=', True)]",
        help="The units below the issuing unit that the plan applies to.",
    )
    legal_basis_ids = fields.One2many("union.campaign.legal.basis", "campaign_id", string="Legal Bases", copy=True)
    introduction = fields.Text(
        help="Sentence that follows the legal bases, e.g. how the issuing body deploys the plan."
    )
    outline_id = fields.Many2one(
        "union.campaign.outline",
        string="Template",
        default=lambda self: self._default_outline(),
        help="The template the plan was made from.",
    )
    section_ids = fields.One2many(
        "union.campaign.section",
        "campaign_id",
        string="Outline",
        copy=True,
        default=lambda self: self._default_sections(),
        help="The sections of the document, in order; a section with nothing to print is left out.",
    )
    purpose = fields.Text(
        string="Purposes and Requirements",
        help="Printed under the outline's section of purposes, one paragraph per line (start a line with - for a "
        "dash).",
    )
    forms_text = fields.Text(
        string="Forms as Worded",
        help="The plan's own sentences on its propaganda forms, one per line; empty: the names of the forms chosen.",
    )
    document_preview = fields.Html(
        string="The Document", compute="_compute_document_preview", help="What the plan prints, as it is now."
    )
    phase_ids = fields.One2many("union.campaign.phase", "campaign_id", string="Phases", copy=True)
    item_ids = fields.One2many("union.campaign.item", "campaign_id", string="Content Items")
    form_ids = fields.Many2many("union.campaign.form", string="Propaganda Forms")
    target_ids = fields.One2many("union.campaign.target", "campaign_id", string="Targets", copy=True)
    budget_line_ids = fields.One2many("union.campaign.budget.line", "campaign_id", string="Budget", copy=True)
    budget_total = fields.Float(string="Budget (đồng)", compute="_compute_budget_total")
    report_schedule_ids = fields.One2many(
        "union.campaign.report.schedule",
        "campaign_id",
        string="Reports Asked",
        copy=True,
        help="What the units report, to whom and when. A new plan asks one report per period, due at its end.",
    )
    slogan_ids = fields.One2many("union.campaign.slogan", "campaign_id", string="Slogans", copy=True)
    responsibility_ids = fields.One2many(
        "union.campaign.responsibility", "campaign_id", string="Responsibilities", copy=True
    )
    recipient_ids = fields.One2many("union.campaign.recipient", "campaign_id", string="Recipients", copy=True)
    signature_lines = fields.Text(
        default="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
        help="The signature block above the name, one line per line, e.g. TM. BAN THƯỜNG VỤ / KT. CHỦ TỊCH / "
        "PHÓ CHỦ TỊCH.",
    )
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
        compute="_compute_approver_id",
        store=True,
        readonly=False,
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
    review_steps = fields.Integer(
        default=1,
        tracking=True,
        help="1: a federation officer approves unit reports. "
        "2: an officer checks, then a manager gives final approval.",
    )
    reminder_days = fields.Char(
        default=lambda self: self.env.company.union_reminder_days or "3,1",
        help="Days before a report deadline on which reporters get their reminder digest, e.g. 3,1.",
    )
    review_delay = fields.Integer(
        default=lambda self: self.env.company.union_review_delay or 3, help="Days a reviewer has to decide."
    )
    revise_delay = fields.Integer(
        default=lambda self: self.env.company.union_revise_delay or 3,
        help="Days a unit has to revise a returned report, at least.",
    )
    escalation_delay = fields.Integer(
        default=lambda self: self.env.company.union_escalation_delay or 2,
        help="Days late after which the responsible officer is asked to follow the unit up.",
    )
    report_ids = fields.One2many("union.unit.report", "campaign_id", string="Unit Reports")
    import_filename = fields.Char(string="Imported From", readonly=True, copy=False)
    import_account = fields.Html(
        readonly=True,
        copy=False,
        help="What the import recognised in the document, what it did not, and the rules that turned vague "
        "dates into dates. Also posted in the chatter.",
    )
    launch_done = fields.Integer(
        string="Reports Created", copy=False, readonly=True, help="Unit reports created by the last launch."
    )
    launch_remaining = fields.Integer(
        string="Reports Still to Create",
        copy=False,
        readonly=True,
        help="A large launch goes on in the background, batch by batch: the reports still to create.",
    )
    launch_progress = fields.Float(compute="_compute_launch_progress")
    report_count = fields.Integer(compute="_compute_report_stats")
    report_to_review_count = fields.Integer(compute="_compute_report_stats")
    report_late_count = fields.Integer(compute="_compute_report_stats")
    report_approved_count = fields.Integer(compute="_compute_report_stats")
    active = fields.Boolean(default=True)
    color = fields.Integer()
    phase_count = fields.Integer(compute="_compute_counts")
    item_count = fields.Integer(compute="_compute_counts")
    slogan_count = fields.Integer(compute="_compute_counts")
    unit_count = fields.Integer(compute="_compute_counts")
    progress = fields.Float(compute="_compute_progress", help="Share of the plan's work that is done, in percent.")
    return_reason = fields.Text(
        string="Reason Sent Back",
        copy=False,
        readonly=True,
        help="Why the approver sent the plan back, until resubmitted.",
    )
    is_locked = fields.Boolean(
        compute="_compute_is_locked",
        help="What the plan says is locked for the current user (approved, not a manager).",
    )
    can_change_approver = fields.Boolean(compute="_compute_is_locked")
    is_published = fields.Boolean(
        compute="_compute_is_published",
        store=True,
        index=True,
        help="Approved at least once: the plan's units read it (record rules use this flag).",
    )
    can_submit = fields.Boolean(compute="_compute_can_transitions")
    can_approve = fields.Boolean(compute="_compute_can_transitions")
    can_cancel = fields.Boolean(compute="_compute_can_transitions")
    can_reset = fields.Boolean(compute="_compute_can_transitions")
    can_launch = fields.Boolean(compute="_compute_can_transitions")
    can_done = fields.Boolean(compute="_compute_can_transitions")

    # Deferred, so that the Python constraint below reports a duplicate first, naming the other plan;
    # the database still refuses two concurrent transactions creating the same number.
    _sql_constraints = [
        ("review_steps_valid", "CHECK(review_steps IN (1, 2))", "Unit reports are reviewed in one or two steps."),
        (
            "reference_unit_year_uniq",
            "unique(reference, issuing_unit_id, issue_year) DEFERRABLE INITIALLY DEFERRED",
            "A plan with this number already exists for this issuing unit and year.",
        ),
    ]

    # ------------------------------------------------------------------
    # Compute methods
    # ------------------------------------------------------------------
    @api.depends("company_id")
    def _compute_approver_id(self):
        for campaign in self.filtered(lambda c: not c.approver_id):
            campaign.approver_id = campaign.company_id.union_plan_approver_id

    @api.depends("issue_date")
    def _compute_issue_year(self):
        for campaign in self:
            campaign.issue_year = campaign.issue_date.year if campaign.issue_date else 0

    @api.depends("launch_done", "launch_remaining")
    def _compute_launch_progress(self):
        for campaign in self:
            total = campaign.launch_done + campaign.launch_remaining
            campaign.launch_progress = 100.0 * campaign.launch_done / total if total else 100.0

    @api.depends("budget_line_ids.amount")
    def _compute_budget_total(self):
        for campaign in self:
            campaign.budget_total = sum(campaign.budget_line_ids.mapped("amount"))

    @api.depends("phase_ids.item_ids", "item_ids", "slogan_ids", "unit_ids")
    def _compute_counts(self):
        for campaign in self:
            campaign.phase_count = len(campaign.phase_ids)
            # items typed inside an unsaved period count too
            campaign.item_count = len(campaign.item_ids | campaign.phase_ids.item_ids)
            campaign.slogan_count = len(campaign.slogan_ids)
            campaign.unit_count = len(campaign.unit_ids)

    @api.depends("report_ids.state")
    def _compute_report_stats(self):
        # sudo: the plan's figures are the same for everyone who may read the plan (a reporter sees the plan's
        # progress, not only their own units').
        Report = self.env["union.unit.report"].sudo()
        stats = {
            (campaign, state): count
            for campaign, state, count in Report._read_group(
                [("campaign_id", "in", self.ids)], ["campaign_id", "state"], ["__count"]
            )
        }
        late = dict(
            Report._read_group(
                [("campaign_id", "in", self.ids), ("is_late", "=", True), ("state", "in", OPEN_STATES)],
                ["campaign_id"],
                ["__count"],
            )
        )
        for campaign in self:
            key = campaign.sudo()
            counts = {state: stats.get((key, state), 0) for state in ("draft", "submitted", "approved", "returned")}
            campaign.report_count = sum(counts.values())
            campaign.report_to_review_count = counts["submitted"]
            campaign.report_approved_count = counts["approved"]
            campaign.report_late_count = late.get(key, 0)

    @api.depends("state", "report_count", "report_approved_count")
    def _compute_progress(self):
        for campaign in self:
            if campaign.state == "done":
                campaign.progress = 100.0
            elif campaign.report_count:
                campaign.progress = 100.0 * campaign.report_approved_count / campaign.report_count
            else:
                campaign.progress = 0.0

    @api.depends_context("uid")
    @api.depends("state")
    def _compute_is_locked(self):
        for campaign in self:
            campaign.is_locked = not campaign._may_write(STRUCTURE_FIELDS)
            campaign.can_change_approver = campaign._may_write(APPROVAL_FIELDS)

    @api.depends(
        "name",
        "introduction",
        "purpose",
        "forms_text",
        "form_ids",
        "legal_basis_ids",
        "section_ids",
        "section_ids.name",
        "section_ids.body",
        "section_ids.kind",
        "section_ids.level",
        "section_ids.numbering",
        "section_ids.item_numbering",
        "phase_ids",
        "phase_ids.name",
        "phase_ids.date_start",
        "phase_ids.date_end",
        "phase_ids.item_ids",
        "phase_ids.item_ids.name",
        "phase_ids.item_ids.description",
        "slogan_ids",
        "slogan_ids.name",
        "target_ids",
        "target_ids.name",
        "budget_line_ids",
        "budget_line_ids.amount",
        "report_schedule_ids",
        "report_schedule_ids.name",
        "report_schedule_ids.date_deadline",
        "responsibility_ids",
        "responsibility_ids.description",
    )
    def _compute_document_preview(self):
        """The plan's body as it prints (bases, then the outline's headings and lines, numbered): the officer sees
        what a heading without content, or content without a heading, does to the document."""
        printer = self.env["report.union_campaign.report_campaign_plan"]
        for campaign in self:
            lang = campaign.issuing_unit_id._get_document_lang()
            campaign.document_preview = printer.with_context(lang=lang)._get_preview_html(
                campaign.with_context(lang=lang)
            )

    @api.depends("state")
    def _compute_is_published(self):
        for campaign in self:
            campaign.is_published = campaign.state in PLAN_PUBLISHED_STATES

    @api.depends("state", "approver_id", "user_id", "phase_ids.status", "unit_ids")
    def _compute_can_transitions(self):
        return super()._compute_can_transitions()

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
        # sudo, archived included: the number is unique among all the unit's plans, also those the user cannot see
        # (the database's unique index would otherwise answer with a raw error at commit).
        Plan = self.sudo().with_context(active_test=False)
        for campaign in self.filtered("reference"):
            duplicate = Plan.search(
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
                    self.env._(
                        "The number %(reference)s is already used by the plan “%(plan)s” of %(unit)s in %(year)s.",
                        reference=campaign.reference,
                        plan=duplicate.name,
                        unit=campaign.issuing_unit_id.name,
                        year=campaign.issue_year,
                    )
                )

    @api.constrains("reminder_days", "review_delay", "revise_delay", "escalation_delay")
    def _check_delays(self):
        for campaign in self:
            parse_reminder_days(self.env, campaign.reminder_days)
            delays = (campaign.review_delay, campaign.revise_delay, campaign.escalation_delay)
            if min(delays) < 0 or max(delays) > MAX_DELAY:
                raise ValidationError(
                    self.env._(
                        "Delays are between 0 and %(max)s days (plan “%(plan)s”).",
                        max=MAX_DELAY,
                        plan=campaign.display_name,
                    )
                )

    @api.constrains("unit_ids", "issuing_unit_id")
    def _check_units_below_issuer(self):
        for campaign in self.filtered("issuing_unit_id"):
            outside = campaign.unit_ids.filtered(
                lambda u, issuer=campaign.issuing_unit_id: (
                    u == issuer or not u.parent_path.startswith(issuer.parent_path)
                )
            )
            if outside:
                raise ValidationError(
                    self.env._(
                        "A plan applies to units below the unit that issues it; %(units)s are not below %(issuer)s.",
                        units=", ".join(outside.mapped("name")),
                        issuer=campaign.issuing_unit_id.name,
                    )
                )

    @api.constrains("approver_id")
    def _check_approver_is_manager(self):
        for campaign in self.filtered("approver_id"):
            if not campaign.approver_id._has_group("union_campaign.group_manager"):
                raise ValidationError(
                    self.env._(
                        "%(user)s cannot approve the plan “%(plan)s”: the approver must be a Union Campaigns manager.",
                        user=campaign.approver_id.name,
                        plan=campaign.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Write policy: approved means final
    # ------------------------------------------------------------------
    @api.model
    def _get_write_policy(self):
        """What each role may write in each state: officers write a plan until it is approved (and name its
        approver until they submit it), then only how it is run; managers write it in every state."""
        everything = STRUCTURE_FIELDS + SETTINGS_FIELDS + APPROVAL_FIELDS
        return {
            "officer": {
                ("draft", "cancelled"): everything,
                ("to_approve",): STRUCTURE_FIELDS + SETTINGS_FIELDS,
                PLAN_LOCKED_STATES: SETTINGS_FIELDS,
            },
            "manager": {PLAN_STATES: everything},
        }

    def _get_running_unit(self):
        return self.issuing_unit_id

    def _get_locked_message(self, labels):
        return self.env._(
            "The plan %(plans)s is %(state)s: only a manager can change %(fields)s.",
            plans=self.display_name,
            state=self._get_state_label().lower(),
            fields=labels,
        )

    @api.model
    def _get_workflow_fields(self):
        # the approver's reason and the background launch's counters are the workflow's word, not the officer's
        return ("state", "return_reason", "launch_done", "launch_remaining")

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # A plan is born a draft: not created approved or running over RPC (the web client sends the defaults).
            self._check_workflow_write({n: v for n, v in vals.items() if v and (n, v) != ("state", "draft")})
        plans = super().create(vals_list)
        if not self.env.su:
            for plan in plans:
                if "officer" not in plan._get_user_roles(self.env.user):
                    raise AccessError(
                        self.env._(
                            "You run the plans of %(units)s only: a plan of %(unit)s is not yours to create.",
                            units=", ".join(self.env.user.sudo().union_officer_unit_ids.mapped("name")),
                            unit=plan.issuing_unit_id.display_name,
                        )
                    )
        return plans

    def write(self, vals):
        if "active" in vals and not vals["active"]:
            running = self.filtered(lambda c: c.state in ("to_approve", "approved", "running"))
            if running:
                raise UserError(
                    self.env._(
                        "Plans waiting for approval, approved or running cannot be archived: %(plans)s",
                        plans=", ".join(running.mapped("display_name")),
                    )
                )
        if "unit_ids" in vals:
            before = {plan: plan.unit_ids for plan in self}
        reviewers = {"user_id", "approver_id"} & set(vals)
        result = super().write(vals)
        if "unit_ids" in vals:
            self._check_units_keep_their_reports(before)
        if reviewers:
            self._reassign_reviews()
        return result

    def _check_units_keep_their_reports(self, before):
        """A unit that reported on a plan stays in it: its reports are official records the plan's matrix and
        results must go on showing. Its open reports can be cancelled instead."""
        for plan, units in before.items():
            removed = units - plan.unit_ids
            # sudo: the rule holds whoever may read the reports; only the units' names are shown.
            reported = plan.sudo().report_ids.filtered(
                lambda r, removed=removed: r.unit_id in removed and (r.state in OFFICIAL_STATES or r.review_ids)
            )
            if reported:
                raise UserError(
                    self.env._(
                        "%(units)s reported on the plan “%(plan)s”: they stay among its units (cancel their open "
                        "reports if they no longer take part).",
                        units=", ".join(reported.unit_id.mapped("name")),
                        plan=plan.display_name,
                    )
                )

    def _get_waiting_user(self):
        self.ensure_one()
        return self.approver_id if self.state == "to_approve" else self.env["res.users"]

    def _reassign_reviews(self):
        """The plan's officer or approver changed: the approval and the reviews waiting for them move to the new
        person, who is told."""
        waiting = self.filtered(lambda c: c.state == "to_approve")
        if waiting:
            waiting._activity_update()
            waiting._mark_requests_read()
            self._notify_users(
                "union_campaign.mail_template_plan_to_approve", waiting.grouped("approver_id"), request=True
            )
        # sudo: the reports' review activities follow their plan's reviewers, whoever may read the reports.
        submitted = self.sudo().report_ids.filtered(lambda r: r.state == "submitted")
        if submitted:
            submitted._activity_update()
            submitted._mark_requests_read()
            self._notify_users(
                "union_campaign.mail_template_report_submitted", submitted.grouped("reviewer_id"), request=True
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_if_draft_or_cancelled(self):
        blocked = self.filtered(lambda c: c.state not in ("draft", "cancelled"))
        if blocked:
            raise UserError(
                self.env._(
                    "Only draft or cancelled plans can be deleted; cancel these first: %(plans)s",
                    plans=", ".join(blocked.mapped("display_name")),
                )
            )
        self.report_ids._check_removable()

    def unlink(self):
        self._unlink_if_draft_or_cancelled()
        # Reports never submitted nor reviewed go with their plan (the database refuses to cascade them).
        self.sudo().report_ids.unlink()
        return super().unlink()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_submit(self):
        """Send draft plans to a manager for approval."""
        self._check_transition("submit")
        for plan in self.filtered(lambda c: not c.report_schedule_ids):
            # A plan that says nothing of reports asks one per period, due at its end: written in the plan now,
            # for its approver to see.
            plan.report_schedule_ids = [Command.create(plan._prepare_default_schedule_vals())]
        self._workflow_write({"state": "to_approve", "return_reason": False})
        self._activity_update()
        self._notify_users("union_campaign.mail_template_plan_to_approve", self.grouped("approver_id"), request=True)
        return True

    def _prepare_default_schedule_vals(self):
        """Return what a plan that says nothing of reports asks: one report per period, due at its end, named in
        the plan's document language. Override to ask otherwise."""
        self.ensure_one()
        schedule = self.env["union.campaign.report.schedule"].with_context(
            lang=self.issuing_unit_id._get_document_lang()
        )
        return {"kind": "per_period", "name": schedule._fields["name"].default(schedule)}

    def action_approve(self):
        """Approve plans waiting for approval (their approver)."""
        self._lock_rows()
        self._check_transition("approve")
        self._workflow_write({"state": "approved"})
        self._activity_update()
        self._notify_users("union_campaign.mail_template_plan_approved", self.grouped("user_id"))
        return True

    def action_return(self, reason=None):
        """Send plans back to draft with a reason; without one, open the reason wizard."""
        self._lock_rows()
        self._check_transition("approve")
        if reason is None:
            return self.env["union.review.return.wizard"]._action_open(self)
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason for sending the plan back."))
        self._workflow_write({"state": "draft", "return_reason": reason})
        self._post_note(self.env._("Sent back for revision: %(reason)s", reason=reason))
        self._activity_update()
        self._notify_users("union_campaign.mail_template_plan_returned", self.grouped("user_id"), reason=reason)
        return True

    def action_cancel(self):
        """Cancel plans; approved and running plans can only be cancelled by a manager."""
        self._lock_rows()
        self._check_transition("cancel")
        self._workflow_write({"state": "cancelled"})
        self.report_ids.filtered(lambda r: r.state in OUTSTANDING_STATES)._cancel_with_plan()
        self._activity_update()
        return True

    def action_reset_draft(self):
        """Withdraw plans waiting for approval (their officer), or reopen cancelled plans (managers)."""
        self._lock_rows()
        self._check_transition("reset")
        self._workflow_write({"state": "draft"})
        self._activity_update()
        return True

    def action_done(self):
        """Close running plans whose periods are over; reports never submitted are marked Not Submitted."""
        self._lock_rows()
        self._check_transition("done")
        self._workflow_write({"state": "done"})
        self._get_outstanding_reports()._mark_not_submitted()
        self._activity_update()
        return True

    # ------------------------------------------------------------------
    # Rights: one refusal per transition (union.workflow.mixin)
    # ------------------------------------------------------------------
    def _refuse_state(self, *states):
        if self.state in states:
            return False
        return UserError, self.env._(
            "The plan “%(plan)s” is %(state)s.", plan=self.display_name, state=self._get_state_label().lower()
        )

    def _refuse_submit(self, user):
        if refusal := self._refuse_state("draft"):
            return refusal
        if "officer" not in self._get_user_roles(user):
            return AccessError, self.env._("Only federation officers can submit a plan for approval.")
        missing = self._get_missing_for_approval()
        return (UserError, missing) if missing else False

    def _get_missing_for_approval(self):
        """Return what the plan still lacks before it can be approved (a sentence), or False."""
        plan = self.display_name
        if not self.phase_ids:
            return self.env._("Add at least one phase to the plan “%(plan)s” before submitting it.", plan=plan)
        if not self.unit_ids:
            return self.env._("Choose the units the plan “%(plan)s” applies to before submitting it.", plan=plan)
        if not self.approver_id:
            return self.env._("Choose the manager who approves the plan “%(plan)s” before submitting it.", plan=plan)
        undated = self.report_schedule_ids._get_missing_deadline()
        if undated:
            return self.env._(
                "Give the due day of the reports the plan “%(plan)s” asks: %(reports)s.",
                plan=plan,
                reports=", ".join(undated.mapped("name")),
            )
        return False

    def _refuse_approve(self, user):
        """Approving and sending back: only the plan's named approver."""
        if refusal := self._refuse_state("to_approve"):
            return refusal
        if user != self.approver_id and not self.env.su:
            return AccessError, self.env._(
                "The plan “%(plan)s” waits for the approval of %(approver)s; only they can approve it or send it "
                "back (a manager may name another approver).",
                plan=self.display_name,
                approver=self.approver_id.name,
            )
        return False

    def _refuse_cancel(self, user):
        """Cancelling: whoever may change what the plan says (officers until it is approved, then managers)."""
        if refusal := self._refuse_state("draft", "to_approve", "approved", "running"):
            return refusal
        if not self._may_write(STRUCTURE_FIELDS, user):
            return AccessError, self.env._(
                "Only a manager can cancel an approved or running plan (“%(plan)s”).", plan=self.display_name
            )
        return False

    def _refuse_reset(self, user):
        """Back to draft: the plan's officer (or a manager) takes it back from approval; a manager reopens a
        cancelled plan."""
        if refusal := self._refuse_state("to_approve", "cancelled"):
            return refusal
        is_manager = "manager" in self._get_user_roles(user)
        if self.state == "to_approve" and not (is_manager or user == self.user_id):
            return AccessError, self.env._(
                "Only the plan's officer or a manager can take back “%(plan)s” from approval.", plan=self.display_name
            )
        if self.state == "cancelled" and not is_manager:
            return AccessError, self.env._(
                "Only a manager can reopen the cancelled plan “%(plan)s”.", plan=self.display_name
            )
        return False

    def _refuse_launch(self, user):
        if refusal := self._refuse_state("approved", "running"):
            return refusal
        if "officer" not in self._get_user_roles(user):
            return AccessError, self.env._("Only federation officers can launch a plan.")
        if not self.unit_ids:
            return UserError, self.env._("The plan “%(plan)s” has no unit to launch to.", plan=self.display_name)
        return False

    def _refuse_done(self, user):
        """Closing: an officer, once the periods are over and no report waits for a reviewer (reports the units
        never submitted are then marked Not Submitted)."""
        if refusal := self._refuse_state("running"):
            return refusal
        if "officer" not in self._get_user_roles(user):
            return AccessError, self.env._("Only federation officers can close a plan.")
        if any(phase.date_end and phase.status != "closed" for phase in self.phase_ids):
            return UserError, self.env._("The plan “%(plan)s” still has open phases.", plan=self.display_name)
        waiting = self._get_outstanding_reports().filtered(lambda r: r.state == "submitted")
        if waiting:
            return UserError, self.env._(
                "%(count)s reports of the plan “%(plan)s” wait for a review decision: decide on them before closing.",
                count=len(waiting),
                plan=self.display_name,
            )
        return False

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _get_period(self):
        """Return the (first day, last day) the plan covers: from its periods' dates, else its issue date."""
        self.ensure_one()
        starts = [d for d in self.phase_ids.mapped("date_start") + self.phase_ids.mapped("date_end") if d]
        ends = [d for d in self.phase_ids.mapped("date_end") if d]
        return (min(starts) if starts else self.issue_date, max(ends) if ends else None)
