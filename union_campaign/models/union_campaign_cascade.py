# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Plans cascade down the union levels: a unit that received a plan implements it with its own plan.

Data flows one way: the upper plan is read, never written; the implementing plan is a new draft of the unit's own
level (its header, numbering, signature, units), linked to the upper plan and each copied item to the upper item.
"""

from collections import defaultdict
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import formatLang

from .union_workflow_mixin import OPEN_STATES

# How many days before the upper deadlines an implementing plan sets its own (a chosen number, bounded).
DEFAULT_DAYS_BEFORE = 5
MAX_DAYS_BEFORE = 60
# The item fields an implementing plan copies from the upper item (its wording and what it asks of the units).
COPIED_ITEM_FIELDS = ("sequence", "name", "description", "evidence_required", "in_document", "date_start")


# One file for one concern (as the launch and the reminders have theirs), hence several classes per model.
# pylint: disable=consider-merging-classes-inherited
class UnionCampaign(models.Model):
    _inherit = "union.campaign"

    parent_campaign_id = fields.Many2one(
        "union.campaign",
        string="Implements",
        index="btree_not_null",
        ondelete="restrict",
        copy=False,
        readonly=True,
        help="The plan of the level above that this plan implements (“Thực hiện Kế hoạch số …”).",
    )
    child_campaign_ids = fields.One2many(
        "union.campaign", "parent_campaign_id", string="Implementing Plans", readonly=True
    )
    child_campaign_count = fields.Integer(compute="_compute_child_campaign_count")
    root_campaign_id = fields.Many2one(
        "union.campaign",
        string="Top Plan",
        compute="_compute_root_campaign_id",
        store=True,
        recursive=True,
        index=True,
        help="The plan at the top of the chain this plan implements (itself when it implements none).",
    )
    can_implement = fields.Boolean(
        compute="_compute_can_implement", help="The user works for a unit of this running plan that has units below."
    )

    @api.depends("parent_campaign_id.root_campaign_id")
    def _compute_root_campaign_id(self):
        for plan in self:
            plan.root_campaign_id = plan.parent_campaign_id.root_campaign_id or plan

    @api.depends("child_campaign_ids")
    def _compute_child_campaign_count(self):
        counts = dict(
            self.env["union.campaign"]._read_group(
                [("parent_campaign_id", "in", self.ids)], ["parent_campaign_id"], ["__count"]
            )
        )
        for plan in self:
            plan.child_campaign_count = counts.get(plan, 0)

    @api.depends_context("uid")
    @api.depends("state", "unit_ids")
    def _compute_can_implement(self):
        can_create = self.env["union.campaign"].has_access("create")
        for plan in self:
            plan.can_implement = bool(can_create and plan.state == "running" and plan._get_implementing_units())

    @api.constrains("parent_campaign_id", "issuing_unit_id")
    def _check_parent_campaign(self):
        """A plan implements a plan that was given to its issuing unit: never itself, never another company's."""
        for plan in self.filtered("parent_campaign_id"):
            upper = plan.parent_campaign_id.sudo()
            if upper == plan or plan.issuing_unit_id not in upper.unit_ids:
                raise ValidationError(
                    self.env._(
                        "The plan %(plan)s can only implement a plan given to %(unit)s; %(upper)s was not.",
                        plan=plan.display_name,
                        unit=plan.issuing_unit_id.display_name,
                        upper=upper.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # The implementing plan
    # ------------------------------------------------------------------
    def _get_implementing_units(self, user=None):
        """Return the units of this plan that `user` works for (its chair, a reporting member or an officer) and
        that have units of their own to give a plan to; a manager may also implement for such a unit they run."""
        self.ensure_one()
        user = user or self.env.user
        manager = user.has_group("union_campaign.group_manager")
        return self.unit_ids.filtered(
            lambda unit: (
                unit.child_ids.filtered("receives_plans")
                and (user in unit.reporter_user_ids or (manager and user._union_runs(unit)))
            )
        )

    def action_create_implementing_plan(self, unit=None, days_before=None):
        """Create the plan with which `unit` implements this running plan, and return the action opening it.

        :param unit: the implementing unit (a record or an id; else the context's ``implementing_unit_id``; else the
            unit of this plan the user works for)
        :param days_before: how many days before this plan's deadlines the new plan sets its own (else the
            context's ``implementing_days_before``; else 5)
        :return: a window action whose ``res_id`` is the new draft (or the unit's existing implementing plan)
        """
        self.ensure_one()
        unit = self._resolve_implementing_unit(unit or self.env.context.get("implementing_unit_id"))
        if days_before is None:
            days_before = self.env.context.get("implementing_days_before", DEFAULT_DAYS_BEFORE)
        if not isinstance(days_before, int) or isinstance(days_before, bool) or not 0 <= days_before <= MAX_DAYS_BEFORE:
            raise UserError(
                self.env._(
                    "The days before the upper deadlines must be a whole number from 0 to %(max)s.",
                    max=MAX_DAYS_BEFORE,
                )
            )
        existing = self.child_campaign_ids.filtered(
            lambda plan: plan.issuing_unit_id == unit and plan.state != "cancelled"
        )
        plan = existing[:1] or self._create_implementing_plan(unit, days_before)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Implementing Plan"),
            "res_model": "union.campaign",
            "res_id": plan.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    def action_open_implement_wizard(self):
        """The form's button: ask the implementing unit and the days before, then create the plan."""
        self.ensure_one()
        self._resolve_implementing_unit(self._get_implementing_units()[:1])  # a clear refusal before any dialog
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Implement this Plan"),
            "res_model": "union.campaign.implement.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_campaign_id": self.id},
        }

    def get_rollup(self):
        """Return the results of the chain under this plan per top item and level of the reporting units
        (province, commune, grassroots...), in a constant number of queries (one aggregation, whatever the number
        of units): [{"item_id", "item", "level_code", "level", "lines", "done", "share", "asked", "qty",
        "participants", "amount"}], in the order of the items and from the top level down. Approved reports only;
        each figure counted once, at the level that did the work (an upward report counts its own work, not its
        units'); `asked` counts the lines of every report not cancelled (the units asked the item)."""
        self.ensure_one()
        return self._get_rollup()

    def get_compliance_matrix(self, unit_type_id=False):
        # The matrix's screen offers the levels below when a running (or closed) plan implements this one.
        matrix = super().get_compliance_matrix(unit_type_id=unit_type_id)
        matrix["has_levels"] = bool(
            self.env["union.campaign"].search_count(
                [("parent_campaign_id", "=", self.id), ("state", "in", ("running", "done"))], limit=1
            )
        )
        return matrix

    def get_compliance_matrix_levels(self, unit_type_id=False):
        """Return the compliance matrix of the plan and of the plans implementing it at every level below, one block
        per plan, as plain data (reports/union_campaign_compliance_matrix.py)."""
        return self.env["union.compliance.matrix"]._get_matrix_across_levels(self, unit_type_id=unit_type_id)

    def _get_rollup(self, campaigns=None, include_unreported=False):
        """The roll-up of get_rollup(), kept to the reports on `campaigns` when given (a plan's own subtree, not the
        levels above it); with `include_unreported`, a level asked an item that has approved nothing yet gets its
        row too (zero figures), so that a missing level shows. Override to add figures."""
        self.ensure_one()
        Line = self.env["union.unit.report.line"]
        domain = [("root_campaign_id", "=", self.root_campaign_id.id)]
        if campaigns is not None:
            domain.append(("report_id.campaign_id", "in", campaigns.ids))
        # One aggregation: the lines of every report not cancelled, by item, level and their report's state; the
        # approved ones give the figures, all of them what was asked.
        figures = ["__count", "done_unit_count:sum", "own_qty_done:sum", "own_participant_count:sum", "own_amount:sum"]
        totals, asked = {}, defaultdict(int)
        for item, level, state, count, *sums in Line._read_group(
            [*domain, ("report_id.state", "!=", "cancelled")], ["root_item_id", "unit_level", "report_state"], figures
        ):
            asked[item, level] += count
            if state == "approved":
                totals[item, level] = (count, *sums)
        if include_unreported:
            for key in asked:
                totals.setdefault(key, (0, 0, 0.0, 0, 0.0))
        groups = [(item, level, *values) for (item, level), values in totals.items()]
        selection = Line._fields["unit_level"]._description_selection(self.env)
        levels, order = dict(selection), {code: rank for rank, (code, _label) in enumerate(selection)}
        rows = [
            {
                "item_id": item.id,
                "item": item.name,
                "level_code": level,
                "level": levels.get(level, level or ""),
                "lines": count,
                "done": done,
                "share": 100.0 * done / count if count else 0.0,
                "asked": asked.get((item, level), count),
                "qty": qty,
                "participants": participants,
                "amount": amount,
                "rank": ((item.phase_sequence, item.sequence, item.id), order.get(level, len(order))),
            }
            for item, level, count, done, qty, participants, amount in groups
        ]
        rows.sort(key=lambda row: row.pop("rank"))
        return rows

    def _get_implementing_tree(self):
        """Return this plan and the running (or closed) plans that implement it at every level below, as the user
        may read them (record rules: a ward's officer gets the ward's subtree, not a sibling ward's), depth first,
        each level's plans by their issuing unit: [(plan, depth)]. One search per level of the chain."""
        self.ensure_one()
        Plan = self.env["union.campaign"]
        children, seen, plans = {}, set(self.ids), self
        while plans:
            lower = Plan.search(
                [
                    ("parent_campaign_id", "in", plans.ids),
                    ("state", "in", ("running", "done")),
                    ("id", "not in", list(seen)),  # a loop of links would never end
                ]
            )
            for parent, group in lower.grouped("parent_campaign_id").items():
                children[parent.id] = group.sorted(lambda plan: (plan.issuing_unit_id.name or "", plan.id))
            seen.update(lower.ids)
            plans = lower
        tree, stack = [], [(self, 0)]
        while stack:
            plan, depth = stack.pop()
            tree.append((plan, depth))
            stack.extend((child, depth + 1) for child in reversed(children.get(plan.id, Plan)))
        return tree

    def action_view_rollup(self):
        """Every level's approved results under the top plan, per item and level (the pivot's rows), drillable to
        each unit's line and report."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Results Across Levels"),
            "res_model": "union.unit.report.line",
            "view_mode": "pivot,list",
            "views": [
                (self.env.ref("union_campaign.union_unit_report_line_view_pivot_rollup").id, "pivot"),
                (self.env.ref("union_campaign.union_unit_report_line_view_list_rollup").id, "list"),
            ],
            "search_view_id": [self.env.ref("union_campaign.union_unit_report_line_view_search_rollup").id],
            "domain": [("root_campaign_id", "=", self.root_campaign_id.id)],
            "context": {"search_default_approved": 1},
        }

    def action_view_child_campaigns(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Implementing Plans"),
            "res_model": "union.campaign",
            "view_mode": "list,form",
            "domain": [("parent_campaign_id", "=", self.id)],
            "context": {"create": False},
        }

    def _resolve_implementing_unit(self, unit):
        """Return the implementing unit as a record, or raise a UserError saying why it cannot implement the plan."""
        if self.state != "running":
            raise UserError(
                self.env._(
                    "Only a running plan can be implemented; %(plan)s is %(state)s.",
                    plan=self.display_name,
                    state=self._get_state_label().lower(),
                )
            )
        allowed = self._get_implementing_units()
        if not unit:
            if not allowed:
                raise UserError(
                    self.env._(
                        "You do not work for a unit of %(plan)s that has units of its own to implement it with.",
                        plan=self.display_name,
                    )
                )
            if len(allowed) > 1:
                raise UserError(
                    self.env._(
                        "Choose the unit that implements %(plan)s: you work for %(count)s units of it that have "
                        "units of their own.",
                        plan=self.display_name,
                        count=len(allowed),
                    )
                )
            return allowed
        unit = self.env["union.unit"].browse(unit.id if isinstance(unit, models.BaseModel) else unit).exists()
        if not unit or unit not in allowed:
            raise UserError(
                self.env._(
                    "%(unit)s cannot implement %(plan)s: the plan was not given to it, it has no units of its own, "
                    "or you do not work for it.",
                    unit=unit.display_name or self.env._("This unit"),
                    plan=self.display_name,
                )
            )
        return unit

    def _create_implementing_plan(self, unit, days_before):
        lang = unit._get_document_lang()
        plan = (
            self.env["union.campaign"]
            .with_context(union_default_outline=True, lang=lang)
            .create(self._prepare_implementing_plan_vals(unit, days_before))
        )
        phases = self.env["union.campaign.phase"].create(
            [
                {**upper_phase._prepare_implementing_phase_vals(days_before), "campaign_id": plan.id}
                for upper_phase in self.phase_ids
            ]
        )
        phases_by_upper = dict(zip(self.phase_ids.ids, phases, strict=True))
        items_by_upper = self._copy_unit_items(phases_by_upper, days_before)
        plan.report_schedule_ids = [
            Command.create(
                schedule._prepare_implementing_schedule_vals(plan, phases_by_upper, items_by_upper, days_before)
            )
            for schedule in self.report_schedule_ids
        ]
        plan.message_post_with_source(
            "mail.message_origin_link",
            render_values={"self": plan, "origin": self, "edit": False},
            subtype_xmlid="mail.mt_note",
        )
        return plan

    def _copy_unit_items(self, phases_by_upper, days_before):
        """Copy this plan's unit items into the implementing plan's periods, one create per level of sub-items (a
        sub-item after its parent, whose copy it is attached to): {upper item id: its copy}."""
        Item = self.env["union.campaign.item"]
        pending = self.item_ids.filtered(lambda item: item.scope in ("units", "both"))
        copies = {}
        while pending:
            # (a loop of parents, which the form cannot make, would leave nothing ready: copied flat then)
            ready = (
                pending.filtered(
                    lambda item, waiting=pending: item.parent_id.id in copies or item.parent_id not in waiting
                )
                or pending
            )
            vals_list = []
            for upper_item in ready:
                vals = upper_item._prepare_implementing_item_vals(phases_by_upper[upper_item.phase_id.id], days_before)
                vals["parent_id"] = copies.get(upper_item.parent_id.id, Item).id
                vals_list.append(vals)
            copies.update(zip(ready.ids, Item.create(vals_list), strict=True))
            pending -= ready
        return copies

    def _prepare_implementing_plan_vals(self, unit, days_before):
        """Return the values of the draft with which `unit` implements this plan: its own level's header, units,
        numbering and signature, the upper plan cited first among its bases, the upper plan's periods shifted."""
        self.ensure_one()
        env = self.with_context(lang=unit._get_document_lang()).env
        basis = {
            "verb": env._("In implementation of"),
            "document_type": env._("Plan"),
            "document_number": self.reference,
            "document_date": self.issue_date,
            "issuer": env._("the Standing Committee of %(union)s", union=self.issuing_unit_id.name),
            "upper_campaign_id": self.id,
            "ending": ",",
        }
        units = unit.child_ids.filtered(lambda child: child.receives_plans)
        return {
            "name": self.name,
            "issuing_unit_id": unit.id,
            "company_id": unit.company_id.id,
            "parent_campaign_id": self.id,
            "unit_ids": [Command.set(units.ids)],
            "user_id": self.env.uid,
            "legal_basis_ids": [Command.create(basis)],
            "purpose": self.purpose,
            "forms_text": self.forms_text,
            "form_ids": [Command.set(self.form_ids.ids)],
            "slogan_ids": [Command.create({"sequence": s.sequence, "name": s.name}) for s in self.slogan_ids],
            "review_steps": self.review_steps,
            "reminder_days": self.reminder_days,
            "signer_name": unit.chair_user_id.name or False,
            "recipient_ids": [
                Command.create(
                    {
                        "unit_id": self.issuing_unit_id.id,
                        "name": env._("%(union)s (to report)", union=self.issuing_unit_id.name),
                    }
                ),
                Command.create({"name": env._("The units (to carry out)")}),
                Command.create({"name": env._("Filed")}),
            ],
        }


def shift_back(date, days):
    """`date` moved `days` earlier (None stays None): the implementing level's deadline before the upper one."""
    return date and date - timedelta(days=days)


class UnionCampaignPhase(models.Model):
    _inherit = "union.campaign.phase"

    def _prepare_implementing_phase_vals(self, days_before):
        """The period as the implementing plan has it: same wording and start, its end and report due earlier."""
        self.ensure_one()
        date_end = shift_back(self.date_end, days_before)
        if date_end and self.date_start and date_end < self.date_start:
            date_end = self.date_start
        report_deadline = shift_back(self.report_deadline, days_before)
        if report_deadline and self.date_start and report_deadline < self.date_start:
            report_deadline = self.date_start
        return {
            "sequence": self.sequence,
            "name": self.name,
            "period_text": self.period_text,
            "heading": self.heading,
            "heading_style": self.heading_style,
            "item_numbering": self.item_numbering,
            "date_start": self.date_start,
            "date_end": date_end,
            "report_deadline": report_deadline,
            "description": self.description,
        }


class UnionCampaignItem(models.Model):
    _inherit = "union.campaign.item"

    parent_item_id = fields.Many2one(
        "union.campaign.item",
        string="Implements Item",
        index="btree_not_null",
        ondelete="set null",
        copy=False,
        readonly=True,
        help="The item of the upper plan that this item implements; the upward report adds up its results there.",
    )
    root_item_id = fields.Many2one(
        "union.campaign.item",
        string="Top Item",
        compute="_compute_root_item_id",
        store=True,
        recursive=True,
        index=True,
        help="The item of the top plan this item implements, through every level (itself at the top).",
    )

    @api.constrains("parent_item_id", "phase_id")
    def _check_parent_item(self):
        """An item implements an item of the plan its own plan implements, nothing else."""
        for item in self.filtered("parent_item_id"):
            if item.parent_item_id.sudo().campaign_id != item.campaign_id.parent_campaign_id:
                raise ValidationError(
                    self.env._(
                        "The item %(item)s can only implement an item of the plan its plan implements.",
                        item=item.display_name,
                    )
                )

    @api.depends("parent_item_id.root_item_id")
    def _compute_root_item_id(self):
        for item in self:
            item.root_item_id = item.parent_item_id.root_item_id or item

    def _prepare_implementing_item_vals(self, phase, days_before):
        """The item as the implementing plan copies it into `phase`: the same wording and target, for every unit of
        the implementing plan, due `days_before` days earlier."""
        self.ensure_one()
        vals = {name: self[name] for name in COPIED_ITEM_FIELDS}
        vals.update(
            phase_id=phase.id,
            parent_item_id=self.id,
            scope="units",
            all_units=True,
            form_ids=[Command.set(self.form_ids.ids)],
            date_deadline=shift_back(self.date_deadline, days_before),
        )
        if self.target_qty:
            vals.update(target_qty=self.target_qty, target_uom=self.target_uom)
        return vals


class UnionCampaignReportSchedule(models.Model):
    _inherit = "union.campaign.report.schedule"

    def _prepare_implementing_schedule_vals(self, plan, phases, items_by_upper, days_before):
        """The schedule as the implementing plan asks it of its units, due `days_before` days earlier.

        :param phases: {upper period id: the implementing plan's period}
        :param items_by_upper: {upper item id: the implementing plan's item}
        """
        self.ensure_one()
        items = [items_by_upper[item.id].id for item in self.item_ids if item.id in items_by_upper]
        return {
            "sequence": self.sequence,
            "name": self.name,
            "kind": self.kind,
            "date_deadline": shift_back(self.date_deadline, days_before),
            "recurrence": self.recurrence,
            "recurrence_day": max(1, (self.recurrence_day or 1) - days_before),
            "recurrence_month": self.recurrence_month,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "skip_covered": self.skip_covered,
            "phase_ids": [Command.set([phases[phase.id].id for phase in self.phase_ids])],
            "item_ids": [Command.set(items)],
            "addressee": plan.issuing_unit_id.name,
        }


class UnionCampaignLegalBasis(models.Model):
    _inherit = "union.campaign.legal.basis"

    upper_campaign_id = fields.Many2one(
        "union.campaign",
        string="Upper Plan",
        index="btree_not_null",
        ondelete="set null",
        copy=False,
        help="The plan of the level above this basis cites, when it is one in the system.",
    )


# What "Fill from our units" writes on a line of the upward report: the units' sums, kept apart from what the
# officer wrote, so that a refill replaces only its own part.
FILLED_SUMS = {"qty_done": "units_qty_done", "participant_count": "units_participant_count", "amount": "units_amount"}


class UnionUnitReportLine(models.Model):
    _inherit = "union.unit.report.line"

    units_qty_done = fields.Float(string="Achieved by the Units", digits=(16, 0), readonly=True, copy=False)
    units_participant_count = fields.Integer(string="Participants in the Units", readonly=True, copy=False)
    units_amount = fields.Float(string="Amount in the Units (đồng)", readonly=True, copy=False)
    units_done_count = fields.Integer(string="Units That Did It", readonly=True, copy=False)
    units_asked_count = fields.Integer(string="Units Asked", readonly=True, copy=False)
    units_summary = fields.Char(
        string="Done by the Units",
        readonly=True,
        copy=False,
        help="How many of the units did the item, e.g. 12/15 đơn vị (80,0 %).",
    )
    source_line_ids = fields.Many2many(
        "union.unit.report.line",
        "union_unit_report_line_source_rel",
        "line_id",
        "source_line_id",
        string="From the Units' Reports",
        readonly=True,
        copy=False,
        help="The lines of the units' approved reports this line adds up (their evidence is there).",
    )

    # The roll-up: each line counts once, at the level that did the work. A line's own figures are what its unit
    # did itself (its figures less the units' part a fill added up), so totals over every level of a chain never
    # count a unit's work twice. Where a line stands in the chain is read through its report (related fields, not
    # stored: grouped and searched by SQL joins; stored copies on each line made the 1,000-unit launch 45 % slower).
    root_campaign_id = fields.Many2one(related="report_id.campaign_id.root_campaign_id", string="Top Plan")
    root_item_id = fields.Many2one(related="item_id.root_item_id", string="Top Item")
    level_unit_id = fields.Many2one(
        related="report_id.campaign_id.issuing_unit_id",
        string="Asked By",
        help="The union whose plan asked this report.",
    )
    unit_id = fields.Many2one(related="report_id.unit_id", string="Unit")
    unit_level = fields.Selection(
        related="report_id.unit_type_id.level", string="Level", help="The level of the reporting unit."
    )
    # Stored, so that the pivot and get_rollup sum them (about 10 % of a launch's time; computed before the insert
    # with precompute=True it was 60 % more).
    own_qty_done = fields.Float(string="Achieved (Own)", digits=(16, 0), compute="_compute_own", store=True)
    own_participant_count = fields.Integer(string="Participants (Own)", compute="_compute_own", store=True)
    own_amount = fields.Float(string="Amount (Own, đồng)", compute="_compute_own", store=True)
    done_unit_count = fields.Integer(
        string="Units That Did It (Own)",
        compute="_compute_own",
        store=True,
        help="1 when the unit did the item, 0 otherwise: summed, the number of units that did it.",
    )

    @api.depends("is_done", *FILLED_SUMS, *FILLED_SUMS.values())
    def _compute_own(self):
        for line in self:
            line.own_qty_done = line.qty_done - line.units_qty_done
            line.own_participant_count = line.participant_count - line.units_participant_count
            line.own_amount = line.amount - line.units_amount
            line.done_unit_count = 1 if line.is_done else 0

    @api.model
    def _get_workflow_fields(self):
        # The units' part is the fill's word: written only by "Fill from our units".
        return (
            *super()._get_workflow_fields(),
            *FILLED_SUMS.values(),
            "units_done_count",
            "units_asked_count",
            "units_summary",
            "source_line_ids",
        )

    def _fill_from_units(self, lower_lines, plans, env):
        """Write on this upward line the units' part read from `lower_lines` (their reports' lines for its item)."""
        self.ensure_one()
        approved = lower_lines.filtered(lambda line: line.report_id.state == "approved")
        asked_units = lower_lines.report_id.unit_id
        done_units = approved.filtered("is_done").report_id.unit_id
        sums = {
            "units_qty_done": sum(approved.mapped("qty_done")),
            "units_participant_count": sum(approved.mapped("participant_count")),
            "units_amount": sum(approved.mapped("amount")),
        }
        summary = ""
        if asked_units:
            summary = env._(
                "%(done)s/%(asked)s units (%(share)s %%)",
                done=len(done_units),
                asked=len(asked_units),
                share=formatLang(env, 100.0 * len(done_units) / len(asked_units), digits=1),
            )
        exempt = (plans.unit_ids - asked_units).with_context(lang=env.lang)
        if exempt and lower_lines:
            kinds = ", ".join(
                f"{unit_type.group_label or unit_type.name} ({len(units)})"
                for unit_type, units in exempt.grouped("unit_type_id").items()
            )
            summary = env._("%(share)s; not asked: %(kinds)s", share=summary, kinds=kinds)
        # The officer's own part stays: the new units' sums replace the last fill's.
        self.write(
            {
                **{name: self[name] - self[filled] + sums[filled] for name, filled in FILLED_SUMS.items()},
                "is_done": self.is_done or bool(done_units),
            }
        )
        self.with_context(union_workflow_write=True).write(
            {
                **sums,
                "units_done_count": len(done_units),
                "units_asked_count": len(asked_units),
                "units_summary": summary,
                "source_line_ids": [Command.set(approved.ids)],
            }
        )


class UnionUnitReport(models.Model):
    _inherit = "union.unit.report"

    units_filled_date = fields.Datetime(string="Filled from the Units On", readonly=True, copy=False)
    implementing_campaign_ids = fields.Many2many(
        "union.campaign",
        compute="_compute_implementing_campaign_ids",
        string="Our Implementing Plans",
        help="The running plans with which this report's unit implements the plan: the units' reports on them fill "
        "this one.",
    )
    source_report_count = fields.Integer(compute="_compute_source_report_count")

    @api.depends("campaign_id", "unit_id")
    def _compute_implementing_campaign_ids(self):
        plans = self._search_implementing_campaigns(
            [("parent_campaign_id", "in", self.campaign_id.ids), ("issuing_unit_id", "in", self.unit_id.ids)]
        ).grouped(lambda plan: (plan.parent_campaign_id, plan.issuing_unit_id))
        for report in self:
            report.implementing_campaign_ids = plans.get((report.campaign_id, report.unit_id), False)

    @api.depends("line_ids.source_line_ids")
    def _compute_source_report_count(self):
        for report in self:
            report.source_report_count = len(report.line_ids.source_line_ids.report_id)

    def _get_implementing_campaigns(self):
        self.ensure_one()
        return self._search_implementing_campaigns(
            [("parent_campaign_id", "=", self.campaign_id.id), ("issuing_unit_id", "=", self.unit_id.id)]
        )

    @api.model
    def _search_implementing_campaigns(self, domain):
        """The running (or closed) plans matching `domain` that implement a plan: read as the system, the domain
        keeps them to a report's plan and unit."""
        return self.env["union.campaign"].sudo().search([*domain, ("state", "in", ("running", "done"))])

    def _get_units_lines(self, plans):
        """Return the lines of the units' reports on `plans` that answer this report's items over its period:
        {upper item id: lines}. Read as the system: the domain keeps them to this unit's own plans."""
        self.ensure_one()
        domain = [
            ("report_id.campaign_id", "in", plans.ids),
            ("report_id.state", "!=", "cancelled"),
            ("item_id.parent_item_id", "in", self.line_ids.item_id.ids),
        ]
        if self.date_period_start:
            domain += [
                "|",
                ("report_id.date_period_end", "=", False),
                ("report_id.date_period_end", ">=", self.date_period_start),
            ]
        if self.date_period_end:
            domain += [
                "|",
                ("report_id.date_period_start", "=", False),
                ("report_id.date_period_start", "<=", self.date_period_end),
            ]
        lines = self.env["union.unit.report.line"].sudo().search(domain)
        return {
            item.id: item_lines for item, item_lines in lines.grouped(lambda line: line.item_id.parent_item_id).items()
        }

    def action_fill_from_units(self):
        """Fill this upward report from the approved reports of the unit's own units on its implementing plans:
        per item, the sums of what they achieved, the count and share of units that did it, links to their lines.
        A refill replaces only what the last fill wrote; what the officer wrote stays. Only a draft or returned
        report is filled."""
        self.ensure_one()
        if self.state not in OPEN_STATES:
            raise UserError(
                self.env._(
                    "The report %(report)s is %(state)s: it is no longer filled from the units.",
                    report=self.display_name,
                    state=self._get_state_label().lower(),
                )
            )
        self._check_write_policy(["line_ids"])
        plans = self._get_implementing_campaigns()
        if not plans:
            raise UserError(
                self.env._(
                    "%(unit)s has no running plan implementing %(plan)s: create it with “Implement this plan” on "
                    "the plan, launch it to your units, then fill this report from their approved reports.",
                    unit=self.unit_id.display_name,
                    plan=self.campaign_id.display_name,
                )
            )
        env = self.with_context(lang=self.unit_id._get_document_lang()).env
        lines_by_item = self._get_units_lines(plans)
        for line in self.line_ids:
            line._fill_from_units(lines_by_item.get(line.item_id.id, line.browse()), plans, env)
        self.sudo().units_filled_date = fields.Datetime.now()
        approved = self.line_ids.source_line_ids.report_id
        self.message_post(
            body=self.env._(
                "Filled from %(count)s approved reports of the units on %(plans)s.",
                count=len(approved),
                plans=", ".join(plans.mapped("display_name")),
            ),
            subtype_xmlid="mail.mt_note",
        )
        return True

    def action_view_source_reports(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("The Units' Reports"),
            "res_model": "union.unit.report",
            "view_mode": "list,form",
            "domain": [("id", "in", self.line_ids.source_line_ids.report_id.ids)],
        }
