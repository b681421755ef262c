# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import is_html_empty

from ..tools import local_date, local_today
from .union_workflow_mixin import ALL, EVERY_FIELD, OPEN_STATES, OUTSTANDING_STATES, REPORTED_STATES

# Where a report belongs: set at launch, never changed afterwards (not even by a manager).
FRAME_FIELDS = ("campaign_id", "schedule_id", "period_key", "phase_id", "unit_id")
# What the unit says: written by its reporters (and officers for them) while the report is draft or returned.
CONTENT_FIELDS = ("summary", "line_ids", "attachment_ids")
# What the federation decides about a report: its reporter and its deadline (officers).
OFFICER_FIELDS = ("user_id", "date_deadline")
# States in which an officer may still give the report to another reporter.
ASSIGNABLE_STATES = ("draft", "returned", "submitted", "not_submitted")
# Fields only the workflow actions write.
WORKFLOW_FIELDS = (
    "state",
    "review_step",
    "date_submitted",
    "submitted_user_id",
    "checked_user_id",
    "date_approved",
    "cancelled_with_plan",
    "date_deadline_planned",
)
# Group whose members review a report at each step.
STEP_ROLES = {1: "officer", 2: "manager"}


class UnionUnitReport(models.Model):
    """One report a unit owes on a plan, as the plan's reporting schedule asks (for a period, a quarter, at the
    end, a list due on a date): what the unit did, with evidence, and its review."""

    _name = "union.unit.report"
    _description = "Unit Report"
    _inherit = ["mail.thread", "mail.activity.mixin", "union.workflow.mixin", "union.input.mixin"]
    # A reporter's list: sent back first, then the most urgent (the latest report comes last), then the rest.
    _order = "todo_rank, date_deadline, campaign_id, phase_sequence, unit_id, id"
    _check_company_auto = True
    _workflow_transitions = ("submit", "review", "withdraw", "reopen", "cancel")
    # Reporters keep commenting on their report once it is submitted (and no longer theirs to edit).
    _mail_post_access = "read"

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------
    name = fields.Char(compute="_compute_name", store=True)
    # restrict: an official record never disappears with its plan or phase (see the plans' own delete rules).
    campaign_id = fields.Many2one("union.campaign", required=True, index=True, ondelete="restrict", check_company=True)
    schedule_id = fields.Many2one(
        "union.campaign.report.schedule",
        string="Report Asked",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('campaign_id', '=', campaign_id)]",
    )
    period_key = fields.Char(
        required=True, readonly=True, help="Which occurrence of the schedule the report is: a period, a quarter..."
    )
    period_label = fields.Char(string="Period", readonly=True, help="e.g. Giai đoạn 1, Quý I/2027, Báo cáo tổng kết")
    date_period_start = fields.Date(string="Covers From", readonly=True)
    date_period_end = fields.Date(string="Covers Until", readonly=True)
    phase_id = fields.Many2one(
        "union.campaign.phase",
        index=True,
        ondelete="restrict",
        check_company=True,
        readonly=True,
        domain="[('campaign_id', '=', campaign_id)]",
        help="The period a one-report-per-period schedule asks the report for.",
    )
    phase_sequence = fields.Integer(related="phase_id.sequence", store=True, string="Phase Sequence")
    unit_id = fields.Many2one("union.unit", required=True, index=True, ondelete="restrict", check_company=True)
    unit_type_id = fields.Many2one(related="unit_id.unit_type_id", store=True, index=True, string="Unit Type")
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    user_id = fields.Many2one(
        "res.users",
        string="Reporter",
        tracking=True,
        index=True,
        check_company=True,
        help="Who reports for the unit: its chair or first member by default.",
    )
    date_deadline = fields.Date(
        string="Deadline",
        required=True,
        tracking=True,
        index=True,
        help="When the report is due, as the plan's schedule says; officers may move it.",
    )
    date_deadline_planned = fields.Date(
        string="Deadline of the Plan",
        copy=False,
        readonly=True,
        help="The deadline the plan's schedule gives; updating the plan's reports moves the report's own deadline "
        "with it, unless an officer moved it for this unit.",
    )
    date_submitted = fields.Datetime(string="Submitted On", copy=False, readonly=True, tracking=True)
    submitted_user_id = fields.Many2one("res.users", string="Submitted By", copy=False, readonly=True)
    checked_user_id = fields.Many2one(
        "res.users",
        string="Checked By",
        copy=False,
        readonly=True,
        help="Who approved the first of two review steps; the second step needs someone else.",
    )
    cancelled_with_plan = fields.Boolean(
        copy=False, readonly=True, help="Cancelled because its plan was; reopened if the plan is launched again."
    )
    summary = fields.Html(help="What the unit did, in its own words.")
    line_ids = fields.One2many("union.unit.report.line", "report_id", string="Lines", copy=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "union_unit_report_attachment_rel",
        "report_id",
        "attachment_id",
        string="Documents",
        help="The list or document the plan asks for (e.g. danh sách đoàn viên có hoàn cảnh khó khăn).",
    )
    review_ids = fields.One2many("union.unit.report.review", "report_id", string="Review History", readonly=True)
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("returned", "Returned"),
            ("not_submitted", "Not Submitted"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
        group_expand=True,
    )
    review_steps = fields.Integer(related="campaign_id.review_steps")
    review_step = fields.Integer(copy=False, readonly=True, help="Step waiting for a decision while submitted.")
    reviewer_id = fields.Many2one(
        "res.users",
        compute="_compute_reviewer_id",
        store=True,
        index=True,
        help="Who is notified that the report waits for them: the plan's officer, then its approver.",
    )
    date_approved = fields.Datetime(string="Approved On", copy=False, readonly=True)
    reminder_date = fields.Date(
        copy=False, readonly=True, help="Local day of the last reminder digest that listed this report."
    )
    submitted_days_late = fields.Integer(
        compute="_compute_submitted_days_late",
        store=True,
        help="Days between the deadline and the local day of submission.",
    )
    days_late = fields.Integer(compute="_compute_days_late", help="Days past the deadline, today or at submission.")
    is_late = fields.Boolean(string="Late", compute="_compute_days_late", search="_search_is_late")
    is_open = fields.Boolean(
        compute="_compute_is_open", store=True, help="Draft or sent back: the unit may still change what it says."
    )
    can_submit = fields.Boolean(compute="_compute_can_transitions")
    can_review = fields.Boolean(compute="_compute_can_transitions")
    can_withdraw = fields.Boolean(compute="_compute_can_transitions")
    can_reopen = fields.Boolean(compute="_compute_can_transitions")
    can_cancel = fields.Boolean(compute="_compute_can_transitions")
    can_edit = fields.Boolean(compute="_compute_can_edit", help="The current user may change what the unit says.")
    can_edit_deadline = fields.Boolean(compute="_compute_can_edit")
    can_assign = fields.Boolean(compute="_compute_can_edit")
    evidence_count = fields.Integer(compute="_compute_evidence_count")
    says_nothing = fields.Boolean(
        compute="_compute_says_nothing",
        help="No item marked done, no summary, no document: submitting it asks for a confirmation first.",
    )
    return_reason = fields.Text(
        string="Reason Sent Back", compute="_compute_return_reason", help="Why the reviewer sent the report back."
    )
    todo_rank = fields.Integer(
        compute="_compute_todo_rank",
        store=True,
        help="Order of a reporter's list: sent back first, then to do, then waiting for review, then closed.",
    )
    progress_text = fields.Char(string="Done", compute="_compute_progress_text", help="Items done out of the items.")
    matrix_state = fields.Selection(
        selection=[
            ("not_started", "Not Started"),
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("returned", "Returned"),
            ("late", "Late"),
            ("not_submitted", "Not Submitted"),
            ("cancelled", "Cancelled"),
            ("none", "Not Asked"),
        ],
        compute="_compute_matrix_state",
        help="State shown in the compliance matrix.",
    )
    color = fields.Integer(compute="_compute_matrix_state")

    _sql_constraints = [
        (
            "occurrence_unit_uniq",
            "unique(schedule_id, period_key, unit_id)",
            "A unit owes one report per occurrence of a reporting schedule.",
        ),
    ]

    # ------------------------------------------------------------------
    # Compute and search methods
    # ------------------------------------------------------------------
    @api.depends("unit_id.name", "period_label")
    def _compute_name(self):
        for report in self:
            report.name = f"{report.unit_id.name or ''} – {report.period_label or ''}"

    def _get_column_key(self):
        """The occurrence of the schedule the report answers, as one key (a column of the compliance matrix)."""
        return f"{self.schedule_id.id}:{self.period_key}"

    @api.depends("state", "review_step", "campaign_id.user_id", "campaign_id.approver_id")
    def _compute_reviewer_id(self):
        for report in self:
            report.reviewer_id = report._get_step_reviewer(report.review_step) if report.state == "submitted" else False

    @api.depends("date_submitted", "date_deadline")
    def _compute_submitted_days_late(self):
        for report in self:
            submitted_day = local_date(report.env, report.date_submitted, report.submitted_user_id or None)
            if submitted_day and report.date_deadline and submitted_day > report.date_deadline:
                report.submitted_days_late = (submitted_day - report.date_deadline).days
            else:
                report.submitted_days_late = 0

    @api.depends("state", "date_deadline", "submitted_days_late")
    @api.depends_context("uid", "tz")
    def _compute_days_late(self):
        today = local_today(self.env)
        for report in self:
            if report.state in OPEN_STATES and report.date_deadline and report.date_deadline < today:
                report.days_late = (today - report.date_deadline).days
            elif report.state in REPORTED_STATES:
                report.days_late = report.submitted_days_late
            else:
                report.days_late = 0
            report.is_late = report.days_late > 0

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported"))
        today = local_today(self.env)
        domain = [
            "|",
            "&",
            ("state", "in", OPEN_STATES),
            ("date_deadline", "<", today),
            "&",
            ("state", "in", REPORTED_STATES),
            ("submitted_days_late", ">", 0),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.depends("state")
    def _compute_is_open(self):
        for report in self:
            report.is_open = report.state in OPEN_STATES

    @api.depends("state", "review_step", "submitted_user_id", "checked_user_id", "campaign_id.state")
    def _compute_can_transitions(self):
        return super()._compute_can_transitions()

    @api.depends("state", "unit_id.reporter_user_ids")
    @api.depends_context("uid")
    def _compute_can_edit(self):
        """From the write policy: the flags the form's readonly attributes read."""
        for report in self:
            writable = report._get_writable_fields()
            report.can_edit = writable == EVERY_FIELD or "summary" in writable
            report.can_edit_deadline = writable == EVERY_FIELD or "date_deadline" in writable
            report.can_assign = writable == EVERY_FIELD or "user_id" in writable

    @api.depends("state", "review_ids.reason")
    def _compute_return_reason(self):
        for report in self:
            returns = report.review_ids.filtered(lambda r: r.decision == "returned")
            report.return_reason = returns.sorted("id")[-1:].reason if report.state == "returned" else False

    @api.depends("state")
    def _compute_todo_rank(self):
        ranks = {"returned": 0, "draft": 1, "submitted": 2, "approved": 3}
        for report in self:
            report.todo_rank = ranks.get(report.state, 4)

    @api.depends("line_ids.is_done")
    def _compute_progress_text(self):
        for report in self:
            lines = report.line_ids
            report.progress_text = f"{len(lines.filtered('is_done'))}/{len(lines)}" if lines else ""

    @api.depends("line_ids.is_done", "summary", "attachment_ids")
    def _compute_says_nothing(self):
        for report in self:
            report.says_nothing = (
                not any(report.line_ids.mapped("is_done"))
                and is_html_empty(report.summary)
                and not report.attachment_ids
            )

    @api.depends("line_ids.attachment_ids")
    def _compute_evidence_count(self):
        for report in self:
            report.evidence_count = len(report.line_ids.attachment_ids)

    @api.depends("state", "line_ids.is_done", "summary", "date_deadline")
    @api.depends_context("uid", "tz")
    def _compute_matrix_state(self):
        colors = {
            "not_started": 0,
            "draft": 3,
            "submitted": 4,
            "approved": 10,
            "returned": 2,
            "late": 1,
            "not_submitted": 1,
            "cancelled": 0,
        }
        for report in self:
            state = report.state
            if state == "draft" and not report.summary and not any(report.line_ids.mapped("is_done")):
                state = "not_started"
            # A returned report stays "returned" (its delay shows beside it): the unit has work to redo.
            if state in ("not_started", "draft") and report.is_late:
                state = "late"
            report.matrix_state = state
            report.color = colors[state]

    # ------------------------------------------------------------------
    # Constraints and CRUD
    # ------------------------------------------------------------------
    @api.constrains("campaign_id", "schedule_id", "phase_id", "unit_id")
    def _check_frame(self):
        plan_units = {plan.id: set(plan.unit_ids.ids) for plan in self.campaign_id}  # once per plan, not per report
        for report in self:
            if (
                report.schedule_id.campaign_id != report.campaign_id
                or (report.phase_id and report.phase_id.campaign_id != report.campaign_id)
                or report.unit_id.id not in plan_units[report.campaign_id.id]
            ):
                raise ValidationError(
                    self.env._(
                        "A unit report answers its plan's reporting schedule for one of the plan's units (%(report)s).",
                        report=report.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        reports = super().create(vals_list)
        reports.line_ids._link_attachments()
        reports._link_attachments()
        return reports

    def write(self, vals):
        if "attachment_ids" in vals and not self.env.su:
            self._check_evidence_files(self._get_linked_files(vals["attachment_ids"]))
        before = {report: report.attachment_ids for report in self} if "attachment_ids" in vals else None
        result = super().write(vals)
        if before is not None:
            self._link_attachments()
            self._log_file_changes(before, self.env._("Documents"))
        if {"user_id", "date_deadline"} & set(vals) and not self.env.context.get("union_workflow_write"):
            self._activity_update()  # the reporter's activity follows the report's new reporter or deadline
        return result

    def _check_unlink_policy(self):
        """Reports are deleted only while nobody ever submitted nor reviewed them (see _check_removable)."""
        self._check_removable()

    def _check_removable(self):
        """Raise unless every report is a draft or cancelled report that nobody ever submitted nor reviewed.

        Submitted, approved and returned reports and their review history are official records: neither they
        nor the plan, phase, item or unit they belong to can be deleted (archive those instead).
        """
        # sudo: the rule holds whoever asks; only the names of the reports are shown.
        blocked = self.sudo().filtered(lambda r: r.state not in ("draft", "cancelled") or r.review_ids)
        if blocked:
            names = blocked[:10].mapped("display_name") + (["…"] if len(blocked) > 10 else [])
            raise UserError(
                self.env._(
                    "%(count)s unit reports have been submitted or reviewed and are official records: they, and the "
                    "plan, phase, item or unit they belong to, cannot be deleted (archive instead). %(reports)s",
                    count=len(blocked),
                    reports=", ".join(names),
                )
            )

    # ------------------------------------------------------------------
    # Write policy
    # ------------------------------------------------------------------
    @api.model
    def _get_write_policy(self):
        """The unit's reporters write what it says while it is draft or sent back; officers also give it its
        reporter and deadline. Once submitted, what the unit said is the record."""
        officer = {OPEN_STATES: CONTENT_FIELDS + OFFICER_FIELDS, ASSIGNABLE_STATES: ("user_id",)}
        return {"reporter": {OPEN_STATES: CONTENT_FIELDS}, "officer": officer, "manager": officer}

    @api.model
    def _get_fixed_fields(self):
        return FRAME_FIELDS

    def _get_running_unit(self):
        return self.campaign_id.issuing_unit_id

    def _get_user_roles(self, user):
        roles = super()._get_user_roles(user)
        if user in self.unit_id.reporter_user_ids:
            roles.add("reporter")
        return roles

    def _get_locked_message(self, labels):
        return self.env._(
            "The report %(reports)s is %(state)s: %(fields)s can no longer be changed.",
            reports=self.display_name,
            state=self._get_state_label().lower(),
            fields=labels,
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_submit(self):
        """Submit draft or returned reports for review (the unit's reporter, or an officer for them)."""
        self._lock_rows()
        self._check_transition("submit")
        self._check_evidence()
        now = fields.Datetime.now()
        self._workflow_write(
            {
                "state": "submitted",
                "review_step": 1,
                "date_submitted": now,
                "submitted_user_id": self.env.uid,
                "checked_user_id": False,
            }
        )
        self._log_transition("submitted")
        self._activity_update()
        self._notify_users("union_campaign.mail_template_report_submitted", self.grouped("reviewer_id"), request=True)
        if len(self) == 1:
            return self._mass_feedback(
                # sudo: the reviewer's name, whoever submits (a portal reporter reads no one else's contact).
                self.env._("Report submitted: %(reviewer)s reviews it.", reviewer=self.reviewer_id.sudo().name or "—")
            )
        return self._mass_feedback(self.env._("%(count)s reports submitted for review.", count=len(self)))

    def action_approve(self):
        """Approve the current review step; the last step approves the report."""
        self._lock_rows()
        self._check_transition("review")
        now = fields.Datetime.now()
        final = self.filtered(lambda r: r.review_step >= r.review_steps)
        checked = self - final
        self._log_transition("approved")
        for step, reports in checked.grouped("review_step").items():
            reports._workflow_write({"review_step": step + 1, "checked_user_id": self.env.uid})
        final._workflow_write({"state": "approved", "review_step": 0, "date_approved": now})
        self._activity_update()
        self._notify_users(
            "union_campaign.mail_template_report_submitted", checked.grouped("reviewer_id"), request=True
        )
        self._notify_users("union_campaign.mail_template_report_approved", final.grouped("user_id"))
        if len(self) > 1:
            return self._mass_feedback(
                self.env._(
                    "%(approved)s reports approved, %(checked)s passed on to the second review step.",
                    approved=len(final),
                    checked=len(checked),
                )
            )
        if checked:
            return self._mass_feedback(
                self.env._(
                    "Step 1 approved: the report goes to %(reviewer)s for the final approval.",
                    reviewer=checked.reviewer_id.name or "—",
                )
            )
        return self._mass_feedback(self.env._("Report approved."))

    @api.model
    def _mass_feedback(self, message):
        """Return the notification shown after a mass action, and reload the list it came from."""
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": message,
                "type": "success",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def action_return(self, reason=None):
        """Send reports back to their unit with a reason; without one, open the reason wizard."""
        self._lock_rows()
        self._check_transition("review")
        if reason is None:
            return self.env["union.review.return.wizard"]._action_open(self)
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason for sending the report back."))
        self._log_transition("returned", reason)
        self._workflow_write({"state": "returned", "review_step": 0, "checked_user_id": False})
        self._post_note(self.env._("Sent back for revision: %(reason)s", reason=reason))
        self._activity_update()
        self._notify_users("union_campaign.mail_template_report_returned", self.grouped("user_id"), reason=reason)
        if len(self) > 1:
            return self._mass_feedback(self.env._("%(count)s reports sent back to their units.", count=len(self)))
        return True

    def action_withdraw(self):
        """Take back one's own submission before any reviewer has decided on it."""
        self._lock_rows()
        self._check_transition("withdraw")
        # sudo: the submitter may no longer write a submitted report; the check above is this transition's right.
        self.sudo()._workflow_write({"state": "draft", "review_step": 0, "checked_user_id": False})
        self._log_transition("withdrawn")
        self._activity_update()
        return True

    def action_reopen(self):
        """Reopen approved reports (managers) or reports cancelled while their plan runs (officers)."""
        self._lock_rows()
        self._check_transition("reopen")
        self._workflow_write({"state": "draft", "review_step": 0, "checked_user_id": False, "date_approved": False})
        self._log_transition("reopened")
        self._activity_update()
        return True

    def action_reset_draft(self):
        """Back to draft: withdraw a submission (its submitter) or reopen an approved or cancelled report."""
        submitted = self.filtered(lambda r: r.state == "submitted")
        if submitted:
            submitted.action_withdraw()
        if self - submitted:
            (self - submitted).action_reopen()
        return True

    def action_cancel(self):
        """Cancel reports whose unit no longer takes part (officers); the plan's cancellation cancels the rest."""
        self._check_transition("cancel")
        self._workflow_write({"state": "cancelled", "review_step": 0, "checked_user_id": False})
        self._activity_update()
        return True

    def _cancel_with_plan(self):
        """Cancel the open reports of a plan that is cancelled (the plan's transition calls this)."""
        # sudo: whoever may cancel the plan cancels its reports, though they may not otherwise write them.
        self.sudo()._workflow_write(
            {"state": "cancelled", "review_step": 0, "checked_user_id": False, "cancelled_with_plan": True}
        )
        self._activity_update()

    def _cancel_no_longer_asked(self):
        """Cancel drafts nobody submitted whose unit or items left their plan (the plan's update calls this)."""
        # sudo: updating the plan's reports was the officer's explicit act, checked by the plan's transition.
        self.sudo()._workflow_write({"state": "cancelled", "review_step": 0, "checked_user_id": False})
        self._activity_update()

    def _mark_not_submitted(self):
        """Mark the reports a closed plan never received as Not Submitted (the plan's closing calls this)."""
        # sudo: closing the plan closes its reports, though the officer may not otherwise write their state.
        self.sudo()._workflow_write({"state": "not_submitted", "review_step": 0, "checked_user_id": False})
        self._activity_update()

    def _reopen_with_plan(self):
        """Reopen the reports cancelled with their plan, now that a manager reset it and it is launched again."""
        # sudo: the launch's rights were checked by the plan's transition.
        self.sudo()._workflow_write({"state": "draft", "cancelled_with_plan": False})
        self._activity_update()

    def action_view_campaign(self):
        """Open the plan of the report."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "union.campaign",
            "res_id": self.campaign_id.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------------
    # Rights: one check per transition, one per field
    # ------------------------------------------------------------------
    def _refuse_submit(self, user):
        if self.state not in OPEN_STATES:
            return UserError, self.env._("%(report)s is not a draft or returned report.", report=self.display_name)
        roles = self._get_user_roles(user)
        if not {"reporter", "officer"} & roles:
            return AccessError, self.env._(
                "Only the reporters of %(unit)s can submit its report.", unit=self.unit_id.name
            )
        if self.state == "returned" and "reporter" not in roles:
            # Sent back to the unit: its reporters revise it, not the reviewer who sent it back.
            return AccessError, self.env._(
                "%(report)s was sent back to %(unit)s: its reporters revise and submit it again.",
                report=self.display_name,
                unit=self.unit_id.name,
            )
        if self.campaign_id.state != "running":
            return UserError, self.env._("The plan of %(report)s is not running.", report=self.display_name)
        return False

    def _refuse_review(self, user):
        """Approving and sending back: a reviewer of the current step, neither its submitter nor, at step 2, the
        person who approved step 1."""
        return self._get_review_refusal(user)

    def _refuse_withdraw(self, user):
        """Withdrawing: only the submitter, and only before any reviewer decided (reviewers send back instead)."""
        if self.state != "submitted":
            return UserError, self.env._("%(report)s is not waiting for review.", report=self.display_name)
        if self.submitted_user_id != user:
            return AccessError, self.env._(
                "Only %(user)s, who submitted %(report)s, can withdraw it; reviewers send it back with a reason.",
                user=self.submitted_user_id.name,
                report=self.display_name,
            )
        if self.review_step > 1 or self.checked_user_id:
            return UserError, self.env._(
                "%(report)s has already been checked by a reviewer: it can no longer be withdrawn.",
                report=self.display_name,
            )
        return False

    def _refuse_reopen(self, user):
        """Reopening, only while the plan runs (a reopened report must be submitted again): an approved report by a
        manager; a report cancelled while its plan runs by an officer (the reports of a cancelled plan stay
        cancelled unless a manager resets the plan and it is launched again)."""
        name = self.display_name
        role = {"approved": "manager", "cancelled": "officer"}
        if self.state not in role:
            return UserError, self.env._(
                "Only approved or cancelled reports can be reopened (%(report)s).", report=name
            )
        if role[self.state] not in self._get_user_roles(user):
            if self.state == "approved":
                return AccessError, self.env._("Only a manager can reopen the approved report %(report)s.", report=name)
            return AccessError, self.env._("Only an officer can reopen the cancelled report %(report)s.", report=name)
        if self.campaign_id.state != "running":
            return UserError, (
                self.env._("The plan of %(report)s is not running: its approved reports stay as they are.", report=name)
                if self.state == "approved"
                else self.env._(
                    "The plan of %(report)s is not running: its reports stay cancelled unless a manager resets and "
                    "launches the plan again.",
                    report=name,
                )
            )
        return False

    def _refuse_cancel(self, user):
        if self.state not in OUTSTANDING_STATES:
            return UserError, self.env._("%(report)s cannot be cancelled in its state.", report=self.display_name)
        if "officer" not in self._get_user_roles(user):
            return AccessError, self.env._("Only federation officers can cancel unit reports.")
        return False

    def _get_review_refusal(self, user):
        """Return why `user` may not decide on the report at its current step, or False."""
        name = self.display_name
        if self.state != "submitted":
            last = self.review_ids.sorted("id")[-1:] if self.state in ("approved", "returned") else None
            if last and last.decision in ("approved", "returned"):
                return UserError, self.env._(
                    "%(report)s was already %(decision)s by %(user)s.",
                    report=name,
                    decision=dict(last._fields["decision"]._description_selection(self.env))[last.decision].lower(),
                    user=last.user_id.name,
                )
            return UserError, self.env._("%(report)s is not waiting for review.", report=name)
        role = STEP_ROLES.get(self.review_step)
        if not role or role not in self._get_user_roles(user):
            return AccessError, self.env._(
                "%(report)s waits for review step %(step)s, which is not yours.", report=name, step=self.review_step
            )
        if self.submitted_user_id == user:
            return UserError, self.env._(
                "%(report)s cannot be reviewed by %(user)s, who submitted it.", report=name, user=user.name
            )
        if self.review_step > 1 and self.checked_user_id == user:
            return UserError, self.env._(
                "%(user)s already approved step 1 of %(report)s: step 2 needs another person.",
                user=user.name,
                report=name,
            )
        return False

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _check_evidence(self):
        # sudo: whether a file is attached counts, whatever the user may read of files (a portal reporter reads none).
        missing = self.sudo().line_ids.filtered(
            lambda line: line.is_done and line.evidence_required and not line.attachment_ids
        )
        if missing:
            raise UserError(
                self.env._(
                    "Attach evidence (photos, minutes) to these items before submitting: %(items)s",
                    items="; ".join(f"{line.report_id.unit_id.name}: {line.item_id.name}" for line in missing),
                )
            )

    def _get_waiting_user(self):
        self.ensure_one()
        return self.reviewer_id if self.state == "submitted" else self.env["res.users"]

    def _get_step_reviewer(self, step):
        """Return the user notified for a review step: the plan's officer, then its approver. Override to route."""
        self.ensure_one()
        if step == 1:
            return self.campaign_id.user_id
        if step == 2:
            return self.campaign_id.approver_id
        return self.env["res.users"]

    def _log_transition(self, decision, reason=False):
        """Keep the review history: who decided what, when, at which step and why."""
        vals_list = [
            {
                "report_id": report.id,
                "user_id": self.env.uid,
                "step": report.review_step if decision in ("approved", "returned") else 0,
                "decision": decision,
                "reason": reason,
            }
            for report in self
        ]
        # sudo: the review history is written by the workflow only; nobody edits it by hand.
        self.env["union.unit.report.review"].sudo().create(vals_list)

    @api.model
    def _get_workflow_fields(self):
        return WORKFLOW_FIELDS

    # ------------------------------------------------------------------
    # Activities
    # ------------------------------------------------------------------
    def _activity_update(self):
        """Keep exactly the right open activities on each report, whatever its state.

        draft: "Submit unit report" for the reporter, due on the deadline.
        submitted: submit/revise done; "Review unit report" for the current step's reviewer only.
        returned: review done; "Revise returned report" for the reporter.
        approved: review done, everything else removed; cancelled: everything removed.
        """
        submit, review, revise = (
            "union_campaign.mail_act_submit_report",
            "union_campaign.mail_act_review_report",
            "union_campaign.mail_act_revise_report",
        )
        plans = {}
        for report in self:
            campaign = report.campaign_id
            if report.state == "draft":
                deadline = self._activity_deadline(report.user_id, not_before=report.date_deadline)
                # While its deadline is ahead, the reporter's activity follows it (an officer moved it, say).
                follow = report.date_deadline == deadline
                plans[report] = {
                    "keep": [(submit, report.user_id, deadline, False, True, follow)],
                    "drop": {review, revise},
                }
            elif report.state == "submitted":
                reviewer = report.reviewer_id
                deadline = self._activity_deadline(reviewer, days=campaign.review_delay)
                plans[report] = {"done": {submit, revise}, "keep": [(review, reviewer, deadline, False, False)]}
            elif report.state == "returned":
                deadline = self._activity_deadline(
                    report.user_id, days=campaign.revise_delay, not_before=report.date_deadline
                )
                plans[report] = {"done": {review}, "keep": [(revise, report.user_id, deadline, False, True)]}
            elif report.state == "approved":
                plans[report] = {"done": {review}}
            else:
                plans[report] = {"drop": ALL}
        self._activity_sync(plans, feedback=self.env._("Done by the unit report workflow."))
        # Approved: anything still open after marking the review done goes, whoever created it.
        approved = self.filtered(lambda r: r.state == "approved")
        if approved:
            approved._activity_sync({report: {"drop": ALL} for report in approved})
        return True
