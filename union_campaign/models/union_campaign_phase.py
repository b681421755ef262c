# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

from ..tools import local_today


class UnionCampaignPhase(models.Model):
    """A time phase of a plan (giai đoạn), optionally with a peak window (cao điểm)."""

    _name = "union.campaign.phase"
    _inherit = ["union.campaign.part.mixin", "union.input.mixin"]
    _description = "Campaign Phase"
    _order = "campaign_id, sequence, date_start, id"
    _check_company_auto = True

    campaign_id = fields.Many2one("union.campaign", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    campaign_state = fields.Selection(related="campaign_id.state")
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    period_text = fields.Char(
        string="Period as Worded",
        help="How the plan words the period, e.g. “từ cuối tháng 01/2021”; when empty it is written from the dates.",
    )
    heading = fields.Char(
        string="Heading as Worded",
        help="The period's line as the plan prints it, e.g. “Từ ngày 20/11/2024 đến ngày 13/12/2024”; empty: "
        "its name followed by the period.",
    )
    heading_style = fields.Selection(
        selection=[("numbered", "Numbered Heading"), ("hidden", "No Heading")],
        default="numbered",
        required=True,
        help="No heading: only the period's content items are printed (a plan with one period, say).",
    )
    item_numbering = fields.Selection(
        selection=[("dash", "- (dash)"), ("arabic", "1. 2. 3."), ("letter", "a) b) c)"), ("plus", "+ (plus)")],
        string="Items Numbered",
        default="dash",
        required=True,
    )
    date_start = fields.Date(string="Start", help="Empty for a period that only has an end (“trước ngày 15/3”).")
    date_end = fields.Date(string="End", help="Empty for a period that runs until the plan ends.")
    date_rule = fields.Char(
        string="Dates Read As",
        help="How a vague wording was turned into dates, e.g. “quý II/2026: 01/04/2026 – 30/06/2026”.",
    )
    peak_date_start = fields.Date(string="Peak Start")
    peak_date_end = fields.Date(string="Peak End")
    report_deadline = fields.Date(help="Units report on this phase by this date; defaults to the end of the phase.")
    description = fields.Text(help="Introduction of the phase's content items in the document.")
    item_ids = fields.One2many("union.campaign.item", "phase_id", string="Content Items", copy=True)
    item_count = fields.Integer(compute="_compute_item_count")
    # A plain field, not a compute: it depends on today's date, so the daily job (and a change of dates) writes it.
    status = fields.Selection(
        selection=[("upcoming", "Upcoming"), ("ongoing", "Ongoing"), ("peak", "Peak"), ("closed", "Closed")],
        default="upcoming",
        required=True,
        readonly=True,
        index=True,
        help="From the dates and today's date; refreshed every day by the scheduler.",
    )
    color = fields.Integer(compute="_compute_color")

    # ------------------------------------------------------------------
    # Compute methods
    # ------------------------------------------------------------------
    @api.depends("item_ids")
    def _compute_item_count(self):
        counts = dict(
            self.env["union.campaign.item"]._read_group([("phase_id", "in", self.ids)], ["phase_id"], ["__count"])
        )
        for phase in self:
            phase.item_count = counts.get(phase, 0)

    @api.depends("status")
    def _compute_color(self):
        colors = {"upcoming": 0, "ongoing": 10, "peak": 1, "closed": 4}
        for phase in self:
            phase.color = colors.get(phase.status, 0)

    def _update_status(self):
        """Write the phases' status of today, only where it changes (one write per new status)."""
        # The federation's day (company time zone), not the server's UTC day nor the viewer's.
        today = local_today(self.env, self.env["res.users"])
        changed = defaultdict(self.browse)
        for phase in self:
            status = phase._get_status(today)
            if status != phase.status:
                changed[status] |= phase
        for status, phases in changed.items():
            # sudo: the status follows the calendar, whoever changed the dates.
            phases.sudo().write({"status": status})
        return sum(len(phases) for phases in changed.values())

    def _get_status(self, today):
        """Return the status of the phase on the given day (a period without a start runs from the plan's issue)."""
        self.ensure_one()
        start = self.date_start or self.campaign_id.issue_date
        if start and today < start:
            return "upcoming"
        if self.date_end and today > self.date_end:
            return "closed"
        if self.peak_date_start and self.peak_date_end and self.peak_date_start <= today <= self.peak_date_end:
            return "peak"
        return "ongoing"

    @api.depends("name", "campaign_id.reference")
    def _compute_display_name(self):
        for phase in self:
            reference = phase.campaign_id.reference
            phase.display_name = f"{reference} - {phase.name}" if reference else phase.name

    # ------------------------------------------------------------------
    # Constraints and onchanges
    # ------------------------------------------------------------------
    def _overlaps(self, start, end):
        """True if one of the periods overlaps the days from `start` to `end` (a period without dates: always)."""
        return any(
            (not phase.date_start or phase.date_start <= end) and (not phase.date_end or phase.date_end >= start)
            for phase in self
        )

    @api.constrains("date_start", "date_end", "peak_date_start", "peak_date_end", "report_deadline")
    def _check_dates(self):
        for phase in self:
            error = phase._get_dates_error()
            if error:
                raise ValidationError(error)

    @api.onchange("date_start", "date_end", "peak_date_start", "peak_date_end", "report_deadline")
    def _onchange_dates_check(self):
        """Say what is wrong with the dates as soon as they are typed, not when the whole plan is saved."""
        error = self._get_dates_error(partial=True)
        if error:
            return {"warning": {"title": self.env._("Dates of the period"), "message": error}}
        return None

    def _get_dates_error(self, partial=False):
        """Return what is wrong with the period's dates, or False (`partial`: while it is being typed)."""
        self.ensure_one()
        name = self.name or self.display_name
        if not (self.date_start or self.date_end) and not partial:
            return self.env._("Give the period “%(phase)s” a start, an end or both.", phase=name)
        if self.date_start and self.date_end and self.date_end < self.date_start:
            return self.env._("The phase “%(phase)s” cannot end before it starts.", phase=name)
        if bool(self.peak_date_start) != bool(self.peak_date_end):
            return (
                False
                if partial
                else self.env._(
                    "Give both the start and the end of the peak window of the phase “%(phase)s”.", phase=name
                )
            )
        if self.peak_date_start and (
            self.peak_date_end < self.peak_date_start
            or (self.date_start and self.peak_date_start < self.date_start)
            or (self.date_end and self.peak_date_end > self.date_end)
        ):
            return self.env._(
                "The peak window of the phase “%(phase)s” must lie within the phase (%(start)s – %(end)s).",
                phase=name,
                start=format_date(self.env, self.date_start),
                end=format_date(self.env, self.date_end),
            )
        if self.report_deadline and self.date_start and self.report_deadline < self.date_start:
            return self.env._(
                "The report deadline of the phase “%(phase)s” cannot be before the phase starts (%(start)s).",
                phase=name,
                start=format_date(self.env, self.date_start),
            )
        return False

    @api.onchange("date_end")
    def _onchange_date_end(self):
        if self.date_end and not self.report_deadline:
            self.report_deadline = self.date_end

    # ------------------------------------------------------------------
    # CRUD (the plan's lock: union.campaign.part.mixin)
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("report_deadline") and vals.get("date_end"):
                vals["report_deadline"] = vals["date_end"]
        phases = super().create(vals_list)
        phases._update_status()
        return phases

    def write(self, vals):
        result = super().write(vals)
        if {"date_start", "date_end", "peak_date_start", "peak_date_end"} & set(vals):
            self._update_status()
        return result

    def _get_dependent_reports(self):
        # sudo: the delete rules hold whoever may read the reports.
        return self.env["union.unit.report"].sudo().search([("phase_id", "in", self.ids)])
