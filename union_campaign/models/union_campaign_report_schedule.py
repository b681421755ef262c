# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import calendar
from collections import defaultdict, namedtuple
from dataclasses import dataclass, field
from datetime import date

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .union_workflow_mixin import OPEN_STATES

# One report the schedule asks of each unit: launch creates a unit report per occurrence and unit.
Occurrence = namedtuple("Occurrence", "key label deadline start end phase items")
QUARTER_MONTHS = {"first": 0, "second": 1, "last": 2}
# One existing unit report, as a plain row (a launch reads ten thousands of them).
ReportRow = namedtuple("ReportRow", "id state date_deadline date_deadline_planned user_id submitted_user_id")


@dataclass
class ExistingReports:
    """The reports the plans already have, read once as plain rows: {(schedule, occurrence key, unit): ReportRow},
    the (report, item) pairs of their lines, and the units of each item."""

    cells: dict
    line_keys: set
    units_by_item: dict


@dataclass
class ReportChanges:
    """What launching or updating plans changes in their unit reports, prepared before anything is written (the
    launch's preview shows it, the launch applies it)."""

    today: date
    limit: int = 0  # create at most that many reports now (0: all); the rest is counted in `missing`
    new_reports: list = field(default_factory=list)  # values of the reports to create
    missing: int = 0  # reports the schedules ask that do not exist yet (created now or later)
    late: int = 0  # of them, those whose deadline is already past
    units: set = field(default_factory=set)  # units that get a new report
    by_schedule: dict = field(default_factory=lambda: defaultdict(int))  # {schedule id: reports missing}
    new_lines: list = field(default_factory=list)  # values of the lines open reports lack
    # {(new deadline, move the report's deadline too): [report ids]}: the schedule's deadline moved
    deadlines: dict = field(default_factory=lambda: defaultdict(list))
    assign: dict = field(default_factory=lambda: defaultdict(list))  # {user id: [open reports without reporter]}
    asked: set = field(default_factory=set)  # ids of the existing reports the schedules still ask
    obsolete: list = field(default_factory=list)  # never-submitted drafts no longer asked (unit or items left)

    @property
    def moved(self):
        return sum(len(ids) for (_day, moved), ids in self.deadlines.items() if moved)

    @property
    def assigned(self):
        return sum(len(ids) for ids in self.assign.values())


class UnionCampaignReportSchedule(models.Model):
    """What a plan asks its units to report, to whom and when (chế độ báo cáo), separate from its periods.

    One report per period (the default), one final report, a document or list due on a date, or a recurring
    report (monthly, or quarterly "before day 20 of the quarter's last month"). Launching the plan creates exactly
    one unit report per occurrence and unit, with the lines of the items it covers.
    """

    _name = "union.campaign.report.schedule"
    _inherit = ["union.campaign.line.mixin"]
    _description = "Reporting Schedule of a Plan"

    name = fields.Char(
        string="What to Report",
        required=True,
        default=lambda self: self.env._("Results report"),
        help="e.g. danh sách đoàn viên có hoàn cảnh khó khăn, báo cáo kết quả, báo cáo sơ kết 6 tháng",
    )
    kind = fields.Selection(
        selection=[
            ("per_period", "One Report per Period"),
            ("final", "One Final Report"),
            ("dated", "A Document Due on a Date"),
            ("recurring", "Recurring Report"),
        ],
        required=True,
        default="per_period",
    )
    date_deadline = fields.Date(string="Due On", help="Final reports and documents: the day they are due.")
    recurrence = fields.Selection(selection=[("monthly", "Monthly"), ("quarterly", "Quarterly")], default="quarterly")
    recurrence_day = fields.Integer(
        string="Due Day", default=20, help="Day of the month the recurring report is due (20: before the 20th)."
    )
    recurrence_month = fields.Selection(
        selection=[("first", "First Month"), ("second", "Second Month"), ("last", "Last Month")],
        string="Month of the Quarter",
        default="last",
        help="Quarterly reports are due in this month of each quarter.",
    )
    date_from = fields.Date(string="From", help="Recurring reports: first day covered; empty: the plan's start.")
    date_to = fields.Date(string="Until", help="Recurring reports: last day covered; empty: the plan's end.")
    skip_covered = fields.Boolean(
        string="Not When Another Report Is Due",
        default=True,
        help="A recurring report is not asked for in a period in which another report of the plan is due "
        "(a six-month or year-end review stands for that quarter's report).",
    )
    phase_ids = fields.Many2many(
        "union.campaign.phase",
        string="Periods",
        domain="[('campaign_id', '=', campaign_id)]",
        help="One report per period: these periods only; empty: every period with unit items.",
    )
    item_ids = fields.Many2many(
        "union.campaign.item",
        "union_campaign_report_schedule_item_rel",
        "schedule_id",
        "item_id",
        string="Items Covered",
        domain="[('campaign_id', '=', campaign_id), ('scope', 'in', ('units', 'both'))]",
        help="The items the report has lines for. Empty: a period's items; a final report: every unit item; "
        "a recurring report: the items of the periods it covers; a document: none (a file and a summary).",
    )
    unit_type_ids = fields.Many2many(
        "union.unit.type", string="Reporting Unit Types", help="Only units of these types report; empty: all."
    )
    addressee = fields.Char(string="To", help="Whom the units report to, as the plan says, e.g. LĐLĐ huyện.")
    wording = fields.Char(
        string="As Worded", help="The plan's sentence asking for the report, printed in a reporting section."
    )
    report_count = fields.Integer(compute="_compute_report_count")

    # ------------------------------------------------------------------
    # Compute and constraints
    # ------------------------------------------------------------------
    def _compute_report_count(self):
        counts = dict(
            self.env["union.unit.report"]._read_group([("schedule_id", "in", self.ids)], ["schedule_id"], ["__count"])
        )
        for schedule in self:
            schedule.report_count = counts.get(schedule, 0)

    @api.constrains("campaign_id", "phase_ids", "item_ids")
    def _check_same_plan(self):
        """The periods and items a schedule covers are its own plan's."""
        for schedule in self:
            if (schedule.phase_ids.campaign_id | schedule.item_ids.campaign_id) - schedule.campaign_id:
                raise ValidationError(
                    self.env._("“%(report)s” covers periods and items of its own plan only.", report=schedule.name)
                )

    @api.constrains("kind", "recurrence_day", "date_from", "date_to")
    def _check_schedule(self):
        """The due day of a final report or a document is checked when the plan is submitted (a new plan made
        from a template has none yet)."""
        for schedule in self:
            if schedule.kind == "recurring" and not 1 <= schedule.recurrence_day <= 31:
                raise ValidationError(
                    self.env._("The due day of “%(report)s” is a day of the month (1 to 31).", report=schedule.name)
                )
            if schedule.date_from and schedule.date_to and schedule.date_to < schedule.date_from:
                raise ValidationError(self.env._("“%(report)s” cannot end before it starts.", report=schedule.name))

    def _get_sentence(self):
        """Return the schedule as a plan words it, when the officer did not word it: what, when, to whom (in the
        language of the environment: the printer gives the document's)."""
        self.ensure_one()
        short = self.env["union.campaign.report.mixin"]._format_short_date
        if self.kind == "per_period":
            phases = (self.phase_ids or self.campaign_id.phase_ids).sorted(lambda p: (p.sequence, p.id))
            deadlines = "; ".join(
                f"{phase.name}: {short(phase.report_deadline or phase.date_end)}"
                for phase in phases
                if phase.report_deadline or phase.date_end
            )
            sentence = self.env._(
                "%(report)s of each period, due by: %(deadlines)s.", report=self.name, deadlines=deadlines
            )
        elif self.kind in ("final", "dated"):
            sentence = self.env._("%(report)s, due by %(date)s.", report=self.name, date=short(self.date_deadline))
        elif self.recurrence == "monthly":
            sentence = self.env._(
                "%(report)s every month, due by day %(day)s.", report=self.name, day=self.recurrence_day
            )
        else:
            month = self.recurrence_month or "last"
            sentence = {
                "first": self.env._(
                    "%(report)s every quarter, due by day %(day)s of the quarter's first month.",
                    report=self.name,
                    day=self.recurrence_day,
                ),
                "second": self.env._(
                    "%(report)s every quarter, due by day %(day)s of the quarter's second month.",
                    report=self.name,
                    day=self.recurrence_day,
                ),
                "last": self.env._(
                    "%(report)s every quarter, due by day %(day)s of the quarter's last month.",
                    report=self.name,
                    day=self.recurrence_day,
                ),
            }[month]
        if self.addressee:
            sentence = self.env._("%(sentence)s To: %(addressee)s.", sentence=sentence, addressee=self.addressee)
        return sentence

    # ------------------------------------------------------------------
    # Occurrences: the reports the schedule asks of each unit
    # ------------------------------------------------------------------
    def _get_missing_deadline(self):
        """Return the final reports and documents of the schedule that have no due day yet."""
        return self.filtered(lambda s: s.kind in ("final", "dated") and not s.date_deadline)

    def _get_occurrences(self):
        """Return the reports this schedule asks of every unit, as Occurrence tuples, in deadline order.

        Override to define other kinds of schedules.
        """
        self.ensure_one()
        method = getattr(self, f"_get_{self.kind}_occurrences")
        return sorted(method(), key=lambda occurrence: (occurrence.deadline, occurrence.key))

    def _get_unit_items(self):
        """Return the plan's items units report on (scope units or both), sub-items included."""
        return self.campaign_id.item_ids.filtered(lambda item: item.scope in ("units", "both"))

    def _get_per_period_occurrences(self):
        items = self._get_unit_items()
        phases = self.phase_ids or self.campaign_id.phase_ids
        occurrences = []
        for phase in phases.sorted(lambda p: (p.sequence, p.id)):
            phase_items = items.filtered(lambda a, p=phase: a.phase_id == p)
            if self.item_ids:
                phase_items &= self.item_ids
            if not phase_items:
                continue
            deadline = phase.report_deadline or phase.date_end
            if not deadline:
                raise UserError(
                    self.env._(
                        "The period “%(phase)s” has neither an end nor a report deadline: give one so that units "
                        "know when to report on it.",
                        phase=phase.display_name,
                    )
                )
            occurrences.append(
                Occurrence(
                    f"phase-{phase.id}", phase.name, deadline, phase.date_start, phase.date_end, phase, phase_items
                )
            )
        return occurrences

    def _get_final_occurrences(self):
        items = self.item_ids or self._get_unit_items()
        start, end = self.campaign_id._get_period()
        return [Occurrence("final", self.name, self.date_deadline, start, end, self.env["union.campaign.phase"], items)]

    def _get_dated_occurrences(self):
        start, _end = self.campaign_id._get_period()
        return [
            Occurrence(
                "dated",
                self.name,
                self.date_deadline,
                start,
                self.date_deadline,
                self.env["union.campaign.phase"],
                self.item_ids,
            )
        ]

    def _get_recurring_occurrences(self):
        plan_start, plan_end = self.campaign_id._get_period()
        start, end = self.date_from or plan_start, self.date_to or plan_end
        if not (start and end):
            raise UserError(
                self.env._("Give “%(report)s” the days it covers, or the plan's periods their dates.", report=self.name)
            )
        others = self.campaign_id.report_schedule_ids.filtered(
            lambda s: s != self and s.kind in ("final", "dated") and s.date_deadline
        ).mapped("date_deadline")
        items = self._get_unit_items()
        occurrences = []
        for window_start, window_end, key, label, deadline in self._iter_windows(start, end):
            if self.skip_covered and any(window_start <= day <= window_end for day in others):
                continue
            covered = self.item_ids or items.filtered(
                lambda a, s=window_start, e=window_end: a.phase_id._overlaps(s, e)
            )
            occurrences.append(
                Occurrence(key, label, deadline, window_start, window_end, self.env["union.campaign.phase"], covered)
            )
        return occurrences

    def _iter_windows(self, start, end):
        """Yield (window start, window end, key, label, deadline) for each month or quarter from start to end."""
        months = 3 if self.recurrence == "quarterly" else 1
        year, month = start.year, ((start.month - 1) // months) * months + 1
        while date(year, month, 1) <= end:
            last_month = month + months - 1
            window_start = date(year, month, 1)
            window_end = date(year, last_month, calendar.monthrange(year, last_month)[1])
            if self.recurrence == "quarterly":
                quarter = (month - 1) // 3 + 1
                due_month = month + QUARTER_MONTHS[self.recurrence_month or "last"]
                key = f"{year}-Q{quarter}"
                label = self.env._(
                    "Quarter %(quarter)s/%(year)s", quarter=("I", "II", "III", "IV")[quarter - 1], year=year
                )
            else:
                due_month = month
                key = f"{year}-{month:02d}"
                label = self.env._("Month %(month)s/%(year)s", month=month, year=year)
            due_day = min(self.recurrence_day or 1, calendar.monthrange(year, due_month)[1])
            yield window_start, window_end, key, label, date(year, due_month, due_day)
            month += months
            if month > 12:
                year, month = year + 1, month - 12

    def _prepare_unit_report_vals(self, occurrence, unit):
        """Return the values of `unit`'s report for `occurrence`. Override to fill more fields."""
        self.ensure_one()
        return {
            "campaign_id": self.campaign_id.id,
            "schedule_id": self.id,
            "period_key": occurrence.key,
            "period_label": occurrence.label,
            "date_period_start": occurrence.start,
            "date_period_end": occurrence.end,
            "phase_id": occurrence.phase.id or False,
            "unit_id": unit.id,
            "user_id": unit._get_reporting_user().id,
            "date_deadline": occurrence.deadline,
            "date_deadline_planned": occurrence.deadline,
        }

    def _get_reporting_units(self):
        """Return the units that report on this schedule: the plan's units that receive plans, of its unit
        types."""
        self.ensure_one()
        # A search, not `filtered`: a plan may go to ten thousand units, whose other fields are not needed here.
        domain = [("id", "in", self.campaign_id.unit_ids.ids), ("unit_type_id.receives_plans", "=", True)]
        if self.unit_type_ids:
            domain.append(("unit_type_id", "in", self.unit_type_ids.ids))
        return self.env["union.unit"].search(domain)

    def _collect_report_changes(self, changes, existing):
        """Add to `changes` (a ReportChanges) what this schedule asks and its plan's reports do not have yet: the
        missing reports (one per occurrence and unit, with a line per item the unit does), the missing lines of
        open reports, the open reports whose deadline the schedule moved and those with no reporter yet.

        :param existing: the plans' reports as ExistingReports (plain rows, read once for every schedule)
        """
        self.ensure_one()
        units = self._get_reporting_units()
        reporters = {}
        for occurrence in self._get_occurrences():
            item_units = [(item, existing.units_by_item[item.id]) for item in occurrence.items]
            line_vals = {item.id: item._prepare_report_line_vals() for item in occurrence.items}
            for unit in units:
                items = [item for item, unit_ids in item_units if unit.id in unit_ids]
                if occurrence.items and not items:
                    continue  # nothing of this occurrence is the unit's to do
                cell = existing.cells.get((self.id, occurrence.key, unit.id))
                if cell is not None:
                    changes.asked.add(cell.id)
                if cell is None:
                    changes.missing += 1
                    changes.by_schedule[self.id] += 1
                    changes.units.add(unit.id)
                    if occurrence.deadline and occurrence.deadline < changes.today:
                        changes.late += 1
                    if changes.limit and len(changes.new_reports) >= changes.limit:
                        continue  # left for the next batch
                    vals = self._prepare_unit_report_vals(occurrence, unit)
                    vals["line_ids"] = [Command.create(dict(line_vals[i.id])) for i in items]
                    changes.new_reports.append(vals)
                    continue
                if cell.state not in OPEN_STATES:
                    continue  # a submitted or decided report stays as it was sent
                changes.new_lines += [
                    dict(line_vals[item.id], report_id=cell.id)
                    for item in items
                    if (cell.id, item.id) not in existing.line_keys
                ]
                planned = cell.date_deadline_planned or cell.date_deadline
                if occurrence.deadline and planned != occurrence.deadline:
                    # A deadline an officer moved for this unit stays; the schedule's new one is remembered.
                    moved = cell.date_deadline == planned
                    changes.deadlines[(occurrence.deadline, moved)].append(cell.id)
                if not cell.user_id:
                    if unit.id not in reporters:
                        reporters[unit.id] = unit._get_reporting_user().id
                    if reporters[unit.id]:
                        changes.assign[reporters[unit.id]].append(cell.id)
