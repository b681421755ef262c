# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from .union_workflow_mixin import ALL, OPEN_STATES

# Once approved, the plan is an official document: only managers change what it says.
LOCKED_STATES = ("approved", "running", "done")
# Longest delay (reminders, review, revision, escalation) a plan may set, in days.
MAX_DELAY = 365
# Reports that are official records: the plan (and its phases and items) can no longer be deleted.
OFFICIAL_REPORT_STATES = ("submitted", "approved", "returned")


def parse_reminder_days(env, text):
    """Return the reminder offsets of "3,1" as [3, 1]; raise a translated ValidationError on bad input."""
    try:
        days = sorted({int(part) for part in (text or "").replace(";", ",").split(",") if part.strip()}, reverse=True)
    except ValueError:
        days = None
    if days is None or any(day < 0 or day > MAX_DELAY for day in days):
        raise ValidationError(
            env._(
                "Reminder days must be whole numbers of days between 0 and %(max)s, separated by commas, e.g. 3,1 "
                "(got “%(text)s”).",
                text=text,
                max=MAX_DELAY,
            )
        )
    return days


class UnionCampaign(models.Model):
    """A federation's work plan (Kế hoạch), e.g. 43/KH-LĐLĐ."""

    _name = "union.campaign"
    _description = "Union Campaign Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "union.workflow.mixin", "union.input.mixin"]
    _order = "issue_date desc, id desc"
    _check_company_auto = True

    # ------------------------------------------------------------------
    # Default methods
    # ------------------------------------------------------------------
    def _default_issuing_unit(self):
        """The unit the user works for that has units below it, else the company's top unit with units below."""
        units = self.env.user.union_unit_ids.filtered(lambda u: u.child_ids and u.company_id in self.env.company)
        return units[:1] or self.env["union.unit"].search(
            [("child_ids", "!=", False), ("company_id", "in", self.env.company.ids)], order="parent_path", limit=1
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
        domain="[('child_ids', '!=', False)]",
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
        "union.campaign.outline", string="Template", help="The template the plan was made from."
    )
    section_ids = fields.One2many(
        "union.campaign.section", "campaign_id", string="Outline", copy=True, help="The sections of the document."
    )
    phase_ids = fields.One2many("union.campaign.phase", "campaign_id", string="Phases", copy=True)
    # Not `activity_ids`: mail.activity.mixin owns that name.
    item_ids = fields.One2many("union.campaign.item", "campaign_id", string="Content Items")
    form_ids = fields.Many2many("union.campaign.form", string="Propaganda Forms")
    target_ids = fields.One2many("union.campaign.target", "campaign_id", string="Targets", copy=True)
    budget_line_ids = fields.One2many("union.campaign.budget.line", "campaign_id", string="Budget", copy=True)
    budget_total = fields.Float(string="Budget (đồng)", digits=(16, 0), compute="_compute_budget_total")
    report_schedule_ids = fields.One2many(
        "union.campaign.report.schedule",
        "campaign_id",
        string="Reports Asked",
        copy=True,
        help="What the units report, to whom and when; empty: one report per period, due at its end.",
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
        is_manager = self.env.user.has_group("union_campaign.group_manager")
        for campaign in self:
            campaign.is_locked = campaign.state in LOCKED_STATES and not is_manager

    @api.depends_context("uid")
    @api.depends("state", "approver_id", "user_id", "phase_ids.status", "unit_ids")
    def _compute_can_transitions(self):
        for campaign in self:
            for transition in ("submit", "approve", "cancel", "reset", "launch", "done"):
                campaign[f"can_{transition}"] = not campaign._get_transition_refusal(transition)

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
                    _(
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
                    _(
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
                    _(
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
                    _(
                        "%(user)s cannot approve the plan “%(plan)s”: the approver must be a Union Campaigns manager.",
                        user=campaign.approver_id.name,
                        plan=campaign.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def _get_workflow_fields(self):
        # the approver's reason and the background launch's counters are the workflow's word, not the officer's
        return ("state", "return_reason", "launch_done", "launch_remaining")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # A plan is born a draft: not created approved or running over RPC (the web client sends the defaults).
            self._check_workflow_write({n: v for n, v in vals.items() if v and (n, v) != ("state", "draft")})
        return super().create(vals_list)

    def write(self, vals):
        self._check_workflow_write(vals)
        if "active" in vals and not vals["active"]:
            running = self.filtered(lambda c: c.state in ("to_approve", "approved", "running"))
            if running:
                raise UserError(
                    _(
                        "Plans waiting for approval, approved or running cannot be archived: %(plans)s",
                        plans=", ".join(running.mapped("display_name")),
                    )
                )
        structure = self._get_structure_fields() & set(vals)
        if structure:
            self.check_access("write")  # a reporter gets the access error, not the lock message
            self._check_structure_editable(structure)
        result = super().write(vals)
        if "unit_ids" in vals:
            self.filtered(lambda c: c.state == "running")._generate_reports()
        return result

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
        self._workflow_write({"state": "to_approve", "return_reason": False})
        self._activity_update()
        self._notify_users("union_campaign.mail_template_plan_to_approve", self.grouped("approver_id"))
        return True

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
            raise UserError(_("Give the reason for sending the plan back."))
        self._workflow_write({"state": "draft", "return_reason": reason})
        self._post_note(_("Sent back for revision: %(reason)s", reason=reason))
        self._activity_update()
        self._notify_users("union_campaign.mail_template_plan_returned", self.grouped("user_id"), reason=reason)
        return True

    def action_cancel(self):
        """Cancel plans; approved and running plans can only be cancelled by a manager."""
        self._lock_rows()
        self._check_transition("cancel")
        self._workflow_write({"state": "cancelled"})
        self.report_ids.filtered(lambda r: r.state in ("draft", "submitted", "returned"))._cancel_with_plan()
        self._activity_update()
        return True

    def action_reset_draft(self):
        """Withdraw plans waiting for approval (their officer), or reopen cancelled plans (managers)."""
        self._lock_rows()
        self._check_transition("reset")
        self._workflow_write({"state": "draft"})
        self._activity_update()
        return True

    def action_launch(self):
        """Start approved plans: create every unit's report for every phase (running plans: what is missing).

        The plans' rows are locked first, without waiting: of two launches at once, the second fails with a
        concurrency error that Odoo's RPC layer retries, and the retry finds the reports and creates nothing twice.
        """
        self._lock_rows()
        self._check_transition("launch")
        self.filtered(lambda c: c.state == "approved")._workflow_write({"state": "running"})
        self.report_ids.filtered("cancelled_with_plan")._reopen_with_plan()
        created, remaining = self._generate_reports(limit=self._get_launch_batch_size())
        self._workflow_write({"launch_remaining": remaining, "launch_done": len(created)})
        if remaining:
            # Too large for one request: the rest is created by the background job, batch by batch.
            self.env.ref("union_campaign.ir_cron_union_launch")._trigger()
        self._activity_update()
        return self._launch_feedback(created, remaining)

    @api.model
    def _get_launch_batch_size(self):
        """Return how many reports one request (or one run of the background job) creates at most."""
        # sudo: a technical setting (union_campaign.launch_batch_size), not the user's data.
        value = self.env["ir.config_parameter"].sudo().get_param("union_campaign.launch_batch_size", "2000")
        try:
            return max(int(value), 1)
        except ValueError:
            return 2000

    def _launch_feedback(self, created, remaining):
        """Return the notification shown after a launch: how many reports, who has no reporter, what is left."""
        orphans = self._get_units_without_reporter()
        if remaining:
            message = _(
                "%(created)s unit reports created; the other %(remaining)s are being created in the background "
                "(progress on the plan).",
                created=len(created),
                remaining=remaining,
            )
        else:
            message = _(
                "%(created)s unit reports created for %(units)s units.",
                created=len(created),
                units=len(created.unit_id),
            )
        if orphans:
            message = _(
                "%(message)s %(count)s units have no reporter: see the activity “Assign reporters”.",
                message=message,
                count=len(orphans),
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("Plan launched"),
                "message": message,
                "type": "warning" if orphans else "success",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    @api.model
    def _cron_launch(self):
        """Create, batch by batch, the reports of the plans whose launch was too large for one request.

        Idempotent and resumable: each batch is committed with the cron progress API; after a crash the next run
        creates only what is still missing.
        """
        plans = self.search([("state", "=", "running"), ("launch_remaining", ">", 0)])
        batch_size = self._get_launch_batch_size()
        done = remaining = 0
        for plan in plans:
            created, remaining = plan._generate_reports(limit=batch_size)
            plan._workflow_write({"launch_remaining": remaining, "launch_done": plan.launch_done + len(created)})
            if not remaining:
                plan._activity_update()
            done += len(created)
            self.env["union.unit.report"]._cron_commit_progress(done, remaining)
            if remaining:
                break  # one batch per run: the cron runs again at once while work remains
        return done

    def action_done(self):
        """Close running plans whose periods are over; reports never submitted are marked Not Submitted."""
        self._lock_rows()
        self._check_transition("done")
        self._workflow_write({"state": "done"})
        self._get_outstanding_reports()._mark_not_submitted()
        self._activity_update()
        return True

    # ------------------------------------------------------------------
    # Rights: one check per transition
    # ------------------------------------------------------------------
    def _get_transition_refusal(self, transition, user=None):
        """Return (exception class, message) saying why `user` may not make `transition` now, or False.

        The one place of the rights of each transition (submit, approve, cancel, reset, launch, done), one
        ``_refuse_<transition>`` method each: the actions raise what it returns and the ``can_*`` fields the
        views use are computed from it. Override a ``_refuse_*`` method to add rules.
        """
        self.ensure_one()
        return getattr(self, f"_refuse_{transition}")(user or self.env.user)

    def _refuse_state(self, *states):
        if self.state in states:
            return False
        state = dict(self._fields["state"]._description_selection(self.env))[self.state].lower()
        return UserError, _("The plan “%(plan)s” is %(state)s.", plan=self.display_name, state=state)

    def _refuse_submit(self, user):
        if refusal := self._refuse_state("draft"):
            return refusal
        if not user.has_group("union_campaign.group_officer"):
            return AccessError, _("Only federation officers can submit a plan for approval.")
        missing = self._get_missing_for_approval()
        return (UserError, missing) if missing else False

    def _get_missing_for_approval(self):
        """Return what the plan still lacks before it can be approved (a sentence), or False."""
        plan = self.display_name
        if not self.phase_ids:
            return _("Add at least one phase to the plan “%(plan)s” before submitting it.", plan=plan)
        if not self.unit_ids:
            return _("Choose the units the plan “%(plan)s” applies to before submitting it.", plan=plan)
        if not self.approver_id:
            return _("Choose the manager who approves the plan “%(plan)s” before submitting it.", plan=plan)
        undated = self.report_schedule_ids._get_missing_deadline()
        if undated:
            return _(
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
            return AccessError, _(
                "The plan “%(plan)s” waits for the approval of %(approver)s; only they can approve it or send it "
                "back (a manager may name another approver).",
                plan=self.display_name,
                approver=self.approver_id.name,
            )
        return False

    def _refuse_cancel(self, user):
        if refusal := self._refuse_state("draft", "to_approve", "approved", "running"):
            return refusal
        is_manager = user.has_group("union_campaign.group_manager")
        if not user.has_group("union_campaign.group_officer") or (self.state in LOCKED_STATES and not is_manager):
            return AccessError, _(
                "Only a manager can cancel an approved or running plan (“%(plan)s”).", plan=self.display_name
            )
        return False

    def _refuse_reset(self, user):
        """Back to draft: the plan's officer (or a manager) takes it back from approval; a manager reopens a
        cancelled plan."""
        if refusal := self._refuse_state("to_approve", "cancelled"):
            return refusal
        is_manager = user.has_group("union_campaign.group_manager")
        if self.state == "to_approve" and not (is_manager or user == self.user_id):
            return AccessError, _(
                "Only the plan's officer or a manager can take back “%(plan)s” from approval.", plan=self.display_name
            )
        if self.state == "cancelled" and not is_manager:
            return AccessError, _("Only a manager can reopen the cancelled plan “%(plan)s”.", plan=self.display_name)
        return False

    def _refuse_launch(self, user):
        if refusal := self._refuse_state("approved", "running"):
            return refusal
        if not user.has_group("union_campaign.group_officer"):
            return AccessError, _("Only federation officers can launch a plan.")
        if not self.unit_ids:
            return UserError, _("The plan “%(plan)s” has no unit to launch to.", plan=self.display_name)
        return False

    def _refuse_done(self, user):
        """Closing: an officer, once the periods are over and no report waits for a reviewer (reports the units
        never submitted are then marked Not Submitted)."""
        if refusal := self._refuse_state("running"):
            return refusal
        if not user.has_group("union_campaign.group_officer"):
            return AccessError, _("Only federation officers can close a plan.")
        if any(phase.date_end and phase.status != "closed" for phase in self.phase_ids):
            return UserError, _("The plan “%(plan)s” still has open phases.", plan=self.display_name)
        waiting = self._get_outstanding_reports().filtered(lambda r: r.state == "submitted")
        if waiting:
            return UserError, _(
                "%(count)s reports of the plan “%(plan)s” wait for a review decision: decide on them before closing.",
                count=len(waiting),
                plan=self.display_name,
            )
        return False

    def _check_transition(self, transition):
        """Raise the refusal of the first plan that may not make `transition`."""
        for campaign in self:
            refusal = campaign._get_transition_refusal(transition)
            if refusal:
                error, message = refusal
                raise error(message)

    def _lock_rows(self):
        """Lock the plans' rows without waiting: concurrent transitions of one plan fail and are retried."""
        if self.ids:
            self.env.cr.execute(
                "SELECT id FROM union_campaign WHERE id IN %s FOR NO KEY UPDATE NOWAIT",
                [tuple(self.ids)],
                log_exceptions=False,
            )
            self.invalidate_recordset(["state"])

    @api.model
    def action_home(self):
        """Open where the user's work is: a manager's plans to approve (else reports waiting for them), an officer's
        reports to review, a reporter's own reports to do."""
        user = self.env.user
        if user.has_group("union_campaign.group_manager") and self.search_count(
            [("state", "=", "to_approve"), ("approver_id", "=", user.id)], limit=1
        ):
            action = self.env["ir.actions.act_window"]._for_xml_id("union_campaign.union_campaign_action")
            action["context"] = {"search_default_waiting_for_me": 1}
            action["view_mode"] = "list,kanban,form"
            action["views"] = [(False, "list"), (False, "kanban"), (False, "form")]
            return action
        if user.has_group("union_campaign.group_officer"):
            return self.env["ir.actions.act_window"]._for_xml_id("union_campaign.union_unit_report_action_review")
        return self.env["ir.actions.act_window"]._for_xml_id("union_campaign.union_unit_report_action_my")

    def action_view_phases(self):
        """Open the phases of the plan."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("union_campaign.union_campaign_phase_action")
        action.update(domain=[("campaign_id", "=", self.id)], context={"default_campaign_id": self.id})
        return action

    def action_view_items(self):
        """Open the content items of the plan."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("union_campaign.union_campaign_item_action")
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

    def action_view_reports(self):
        """Open the unit reports of the plan; `report_filter` in the context picks a search filter."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("union_campaign.union_unit_report_action")
        context = {"default_campaign_id": self.id, "search_default_groupby_phase": 1}
        report_filter = self.env.context.get("report_filter")
        if report_filter:
            context[f"search_default_{report_filter}"] = 1
        action.update(domain=[("campaign_id", "=", self.id)], context=context)
        return action

    def action_view_compliance_matrix(self):
        """Open the compliance matrix: units down, phases across, each cell a report state."""
        self.ensure_one()
        return {
            "type": "ir.actions.client",
            "tag": "union_campaign.compliance_matrix",
            "name": _("Compliance Matrix – %(plan)s", plan=self.display_name),
            "params": {"campaign_id": self.id},
        }

    def get_compliance_matrix(self, unit_type_id=False):
        """Return the compliance matrix as plain data for the client action and the XLSX export: the plan's
        units down, the reports its schedule asks across (one column per occurrence), each cell a report state."""
        self.ensure_one()
        self.check_access("read")
        units = self.unit_ids.filtered("receives_plans")
        if not self.env.user.has_group("union_campaign.group_officer"):
            # A reporter sees the rows of their own units only (they cannot read the other units' reports).
            units = units.filtered(lambda u: self.env.user in u.member_user_ids)
        all_types = units.unit_type_id
        if unit_type_id:
            units = units.filtered(lambda u: u.unit_type_id.id == int(unit_type_id))
        reports = self.env["union.unit.report"].search([("campaign_id", "=", self.id), ("unit_id", "in", units.ids)])
        columns = self._get_report_columns(reports)
        by_cell = {(r.unit_id.id, r._get_column_key()): r for r in reports}
        state_labels = dict(reports._fields["matrix_state"]._description_selection(self.env))
        rows = []
        for unit in units.sorted(lambda u: (u.unit_type_id.sequence, u.unit_type_id.id, u.name)):
            cells = []
            for column in columns:
                report = by_cell.get((unit.id, column["id"]))
                state = report.matrix_state if report else "none"
                cells.append(
                    {
                        "column": column["id"],
                        "report_id": report.id if report else False,
                        "state": state,
                        "label": state_labels[state],
                        "days_late": report.days_late if report else 0,
                        "late_label": (
                            self.env._("%(days)s days late", days=report.days_late)
                            if report and report.days_late
                            else ""
                        ),
                    }
                )
            rows.append(
                {
                    "unit_id": unit.id,
                    "unit": unit.name,
                    "unit_type": unit.unit_type_id.id,
                    "unit_type_label": unit.unit_type_id.name,
                    "cells": cells,
                }
            )
        return {
            "campaign": {"id": self.id, "name": self.display_name, "reference": self.reference or ""},
            "columns": columns,
            "rows": rows,
            "unit_types": [[unit_type.id, unit_type.name] for unit_type in all_types.sorted("sequence")],
            "states": [[key, label] for key, label in state_labels.items() if key != "none"],
        }

    @api.model
    def _get_report_columns(self, reports):
        """Return the matrix's columns for `reports`: one per reporting occurrence (schedule and period), in
        deadline order, named by the occurrence and dated by its (earliest) deadline."""
        columns = {}
        for report in reports:
            key = report._get_column_key()
            column = columns.setdefault(
                key,
                {"id": key, "name": report.period_label or report.schedule_id.name, "deadline": report.date_deadline},
            )
            if report.date_deadline and (not column["deadline"] or report.date_deadline < column["deadline"]):
                column["deadline"] = report.date_deadline
        ordered = sorted(columns.values(), key=lambda c: (c["deadline"] or fields.Date.today(), c["id"]))
        for column in ordered:
            column["deadline"] = fields.Date.to_string(column["deadline"]) if column["deadline"] else False
        return ordered

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _get_period(self):
        """Return the (first day, last day) the plan covers: from its periods' dates, else its issue date."""
        self.ensure_one()
        starts = [d for d in self.phase_ids.mapped("date_start") + self.phase_ids.mapped("date_end") if d]
        ends = [d for d in self.phase_ids.mapped("date_end") if d]
        return (min(starts) if starts else self.issue_date, max(ends) if ends else None)

    def _get_report_schedules(self):
        """Return the plan's reporting schedule; a plan that says nothing asks one report per period."""
        self.ensure_one()
        if not self.report_schedule_ids:
            # sudo: the schedule is part of the plan the launch was allowed to start. Its name is printed and
            # shown to the units: in the plan's document language, not the launcher's.
            lang = self.issuing_unit_id._get_document_lang()
            schedule = self.env["union.campaign.report.schedule"].with_context(lang=lang)
            name = schedule._fields["name"].default(schedule)
            self.sudo().report_schedule_ids = [fields.Command.create({"kind": "per_period", "name": name})]
        return self.report_schedule_ids

    def _get_units_without_reporter(self):
        """Return the plans' units that receive plans but have nobody to report for them."""
        return self.unit_ids.filtered(lambda u: u.receives_plans and not u._get_reporting_user())

    def _get_reporting_units(self, schedule):
        """Return the units that report on `schedule`: the plan's units that receive plans, of its unit types."""
        # A search, not `filtered`: a plan may go to ten thousand units, whose other fields are not needed here.
        domain = [("id", "in", self.unit_ids.ids), ("unit_type_id.receives_plans", "=", True)]
        if schedule.unit_type_ids:
            domain.append(("unit_type_id", "in", schedule.unit_type_ids.ids))
        return self.env["union.unit"].search(domain)

    def _generate_reports(self, limit=None):
        """Create, in batches, the unit reports and report lines the running plans' schedules ask and that are
        missing (idempotent): one report per occurrence and unit, with a line per item the unit does.

        :param limit: create at most that many reports (the rest is left for the next call)
        :return: (reports created, number of reports still missing)
        """
        running = self.filtered(lambda c: c.state == "running")
        Report = self.env["union.unit.report"]
        if not running:
            return Report, 0
        Line = self.env["union.unit.report.line"]
        # A large launch calls this once per background batch: the cells already there are read as plain rows
        # (no records), and values are prepared only for the reports of this batch, so that each batch costs
        # the same whatever the plan's size.
        Report.flush_model(["campaign_id", "schedule_id", "period_key", "unit_id", "state"])
        Line.flush_model(["report_id", "item_id"])
        rows = self.env.execute_query(
            SQL(
                "SELECT schedule_id, period_key, unit_id, id, state FROM union_unit_report WHERE campaign_id = ANY(%s)",
                running.ids,
            )
        )
        report_by_cell = {(row[0], row[1], row[2]): (row[3], row[4]) for row in rows}
        line_keys = set()
        open_ids = [cell[0] for cell in report_by_cell.values() if cell[1] in OPEN_STATES]
        if open_ids:
            line_keys = set(
                self.env.execute_query(
                    SQL("SELECT report_id, item_id FROM union_unit_report_line WHERE report_id = ANY(%s)", open_ids)
                )
            )
        # The items' units as plain ids, read once: a plan may go to ten thousand units.
        self.env["union.campaign.item"].flush_model(["campaign_id", "unit_ids"])
        units_by_item = defaultdict(set)
        for item_id, unit_id in self.env.execute_query(
            SQL(
                """SELECT rel.item_id, rel.unit_id
                     FROM union_campaign_item_unit_rel rel
                     JOIN union_campaign_item item ON item.id = rel.item_id
                    WHERE item.campaign_id = ANY(%s)""",
                running.ids,
            )
        ):
            units_by_item[item_id].add(unit_id)
        new_reports, new_lines, missing = [], [], 0
        for campaign in running:
            for schedule in campaign._get_report_schedules():
                units = campaign._get_reporting_units(schedule)
                for occurrence in schedule._get_occurrences():
                    item_units = [(item, units_by_item[item.id]) for item in occurrence.items]
                    line_vals = {item.id: item._prepare_report_line_vals() for item in occurrence.items}
                    for unit in units:
                        items = [item for item, unit_ids in item_units if unit.id in unit_ids]
                        if occurrence.items and not items:
                            continue  # nothing of this occurrence is the unit's to do
                        cell = report_by_cell.get((schedule.id, occurrence.key, unit.id))
                        if cell is None:
                            missing += 1
                            if limit and len(new_reports) >= limit:
                                continue  # left for the next batch
                            vals = schedule._prepare_unit_report_vals(occurrence, unit)
                            vals["line_ids"] = [fields.Command.create(dict(line_vals[i.id])) for i in items]
                            new_reports.append(vals)
                        elif cell[1] in OPEN_STATES:
                            # Only what the unit may still change gets new lines: a submitted report stays as sent.
                            new_lines += [
                                dict(line_vals[item.id], report_id=cell[0])
                                for item in items
                                if (cell[0], item.id) not in line_keys
                            ]
        remaining = missing - len(new_reports)
        # sudo: generated documents are owned by the workflow; the caller's rights were checked by the action.
        quiet = {"mail_create_nolog": True, "mail_create_nosubscribe": True, "tracking_disable": True}
        created = Report.sudo().with_context(**quiet).create(new_reports)
        if new_lines:
            Line.sudo().create(new_lines)
        created = Report.browse(created.ids)
        created._activity_update()
        return created, remaining

    @api.model
    def _cron_update_status(self):
        """Refresh the phases' status from today's date and close running plans whose periods are over and whose
        reports are all decided (a plan with outstanding reports stays open for its officer to close)."""
        phases = self.env["union.campaign.phase"].search(
            [("status", "!=", "closed"), ("campaign_id.state", "in", ("approved", "running"))]
        )
        changed = phases._update_status()
        finished = self.search([("state", "=", "running")]).filtered(
            lambda c: all(p.status == "closed" for p in c.phase_ids) and not c._get_outstanding_reports()
        )
        if finished:
            finished.action_done()
        self.env["ir.cron"]._notify_progress(done=changed + len(finished), remaining=0)

    def _get_outstanding_reports(self):
        """Return the plans' reports still waiting for the unit or for a reviewer."""
        # sudo: the plan's state depends on all its reports, whoever looks.
        return self.sudo().report_ids.filtered(lambda r: r.state in ("draft", "submitted", "returned"))

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
            "section_ids",
            "phase_ids",
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
            "company_id",
            "review_steps",
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

    # ------------------------------------------------------------------
    # Activities
    # ------------------------------------------------------------------
    def _activity_update(self):
        """Keep the plan's automatic activities (and its federation tasks') in line with its state.

        to_approve: "Approve plan" for the approver; approved or sent back: done; cancelled: removed.
        running: each federation task gets its "Federation task"; cancelled or done: tasks' activities removed.
        """
        plans = {}
        assign = "union_campaign.mail_act_assign_reporters"
        for campaign in self:
            if campaign.state == "running":
                # Nobody forgotten: units that report on the plan but have no reporter, for the officer to assign.
                orphans = campaign._get_units_without_reporter()
                if orphans:
                    note = Markup("<p>%s</p><ul>%s</ul>") % (
                        _("These units have no reporter: their reports reach nobody until you assign one."),
                        Markup("").join(Markup("<li>%s</li>") % unit.name for unit in orphans),
                    )
                    deadline = self._activity_deadline(campaign.user_id, type_xmlid=assign)
                    plans[campaign] = {
                        "done": {"union_campaign.mail_act_approve_plan"},
                        "keep": [(assign, campaign.user_id, deadline, note, False)],
                    }
                else:
                    plans[campaign] = {"done": {"union_campaign.mail_act_approve_plan", assign}}
            elif campaign.state == "to_approve":
                # Resubmitted: the revision asked is done.
                deadline = self._activity_deadline(
                    campaign.approver_id, type_xmlid="union_campaign.mail_act_approve_plan"
                )
                plans[campaign] = {
                    "keep": [("union_campaign.mail_act_approve_plan", campaign.approver_id, deadline, False, False)],
                    "done": {"union_campaign.mail_act_revise_plan"},
                }
            elif campaign.state == "draft" and campaign.return_reason:
                # Sent back: the officer has something to do, with the reason in the activity.
                revise = "union_campaign.mail_act_revise_plan"
                deadline = self._activity_deadline(campaign.user_id, type_xmlid=revise)
                note = Markup("<p>%s</p>") % campaign.return_reason
                plans[campaign] = {
                    "done": {"union_campaign.mail_act_approve_plan"},
                    "keep": [(revise, campaign.user_id, deadline, note, True)],
                }
            elif campaign.state in ("approved", "draft"):
                plans[campaign] = {"done": {"union_campaign.mail_act_approve_plan"}}
            else:
                plans[campaign] = {"drop": ALL}
        self._activity_sync(plans, feedback=_("Decision taken on the plan."))
        tasks = self.item_ids.filtered(lambda a: a.scope in ("federation", "both"))
        tasks._activity_update()
        return True
