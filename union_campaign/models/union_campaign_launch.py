# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, models
from odoo.tools import SQL

from ..tools import local_today
from .union_campaign_report_schedule import ExistingReports, ReportChanges, ReportRow
from .union_workflow_mixin import OPEN_STATES, OUTSTANDING_STATES


class UnionCampaign(models.Model):
    """Running a plan. Launching: the unit reports its reporting schedule asks (union.campaign.report.schedule),
    prepared as plain values first (the launch's preview shows them), then written in batches; a large launch
    goes on in the background. The same path brings a running plan's reports up to date after its items, units
    or dates changed: reports are made or changed nowhere else. Every day: the periods' status, and closing the
    plans whose periods are over."""

    _inherit = "union.campaign"

    def action_launch(self):
        """Start approved plans: create every unit's report the reporting schedule asks. On running plans, bring
        the units' reports up to date with the plan (what is missing, deadlines, reporters).

        The plans' rows are locked first, without waiting: of two launches at once, the second fails with a
        concurrency error that Odoo's RPC layer retries, and the retry finds the reports and creates nothing twice.
        """
        self._lock_rows()
        self._check_transition("launch")
        self.filtered(lambda c: c.state == "approved")._workflow_write({"state": "running"})
        self.report_ids.filtered("cancelled_with_plan")._reopen_with_plan()
        changes = self._get_report_changes(limit=self._get_launch_batch_size())
        created = self._apply_report_changes(changes)
        remaining = changes.missing - len(created)
        self._workflow_write({"launch_remaining": remaining, "launch_done": len(created)})
        if remaining:
            # Too large for one request: the rest is created by the background job, batch by batch.
            self.env.ref("union_campaign.ir_cron_union_launch")._trigger()
        self._activity_update()
        return self._launch_feedback(created, remaining, changes)

    def action_update_reports(self):
        """Bring a running plan's unit reports up to date after its items, units or dates changed (the same as
        launching it again)."""
        return self.action_launch()

    def action_open_launch_wizard(self):
        """Open the launch's preview: what launching (or updating) the plan will create and change."""
        self.ensure_one()
        self._check_transition("launch")
        return self.env["union.campaign.launch.wizard"]._action_open(self)

    @api.model
    def _get_launch_batch_size(self):
        """Return how many reports one request (or one run of the background job) creates at most."""
        # sudo: a technical setting (union_campaign.launch_batch_size), not the user's data.
        value = self.env["ir.config_parameter"].sudo().get_param("union_campaign.launch_batch_size", "2000")
        try:
            return max(int(value), 1)
        except ValueError:
            return 2000

    def _launch_feedback(self, created, remaining, changes):
        """Return the notification shown after a launch: how many reports, what changed, who has no reporter."""
        orphans = self._get_units_without_reporter()
        if remaining:
            message = self.env._(
                "%(created)s unit reports created; the other %(remaining)s are being created in the background "
                "(progress on the plan).",
                created=len(created),
                remaining=remaining,
            )
        else:
            message = self.env._(
                "%(created)s unit reports created for %(units)s units.",
                created=len(created),
                units=len(created.unit_id),
            )
        if changes.new_lines or changes.moved or changes.assigned:
            message = self.env._(
                "%(message)s Open reports: %(lines)s items added, %(moved)s deadlines moved, %(assigned)s reporters "
                "assigned.",
                message=message,
                lines=len(changes.new_lines),
                moved=changes.moved,
                assigned=changes.assigned,
            )
        if changes.obsolete:
            message = self.env._(
                "%(message)s %(count)s draft reports no longer asked were cancelled.",
                message=message,
                count=len(changes.obsolete),
            )
        if orphans:
            message = self.env._(
                "%(message)s %(count)s units have no reporter who can open their reports: see the activity “Assign "
                "reporters”.",
                message=message,
                count=len(orphans),
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Plan launched"),
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
            changes = plan._get_report_changes(limit=batch_size)
            created = plan._apply_report_changes(changes)
            remaining = changes.missing - len(created)
            plan._workflow_write({"launch_remaining": remaining, "launch_done": plan.launch_done + len(created)})
            if not remaining:
                plan._activity_update()
            done += len(created)
            self.env["union.unit.report"]._cron_commit_progress(done, remaining)
            if remaining:
                break  # one batch per run: the cron runs again at once while work remains
        return done

    # ------------------------------------------------------------------
    # The units' reports: what the schedule asks, prepared, then written
    # ------------------------------------------------------------------
    def _get_report_changes(self, limit=0):
        """Return what launching the approved or running plans changes in their unit reports (a ReportChanges),
        without writing anything: the missing reports and lines, open reports whose deadline the schedule moved,
        open reports without a reporter. Used by the launch and by its preview.

        :param limit: prepare at most that many new reports (the others are only counted)
        """
        plans = self.filtered(lambda c: c.state in ("approved", "running"))
        changes = ReportChanges(today=local_today(self.env), limit=limit)
        if plans:
            existing = plans._read_existing_reports()
            for schedule in plans.report_schedule_ids:
                schedule._collect_report_changes(changes, existing)
            # A draft nobody ever submitted, of a unit or items the plan no longer has: cancelled, not deleted.
            changes.obsolete = [
                cell.id
                for cell in existing.cells.values()
                if cell.state == "draft" and not cell.submitted_user_id and cell.id not in changes.asked
            ]
        return changes

    def _read_existing_reports(self):
        """Return the plans' reports, lines and item units as plain rows (ExistingReports).

        A large launch reads them once per background batch, without making records, so that each batch costs the
        same whatever the plan's size.
        """
        Report, Line = self.env["union.unit.report"], self.env["union.unit.report.line"]
        Report.flush_model(["campaign_id", "schedule_id", "period_key", "unit_id", "state", "date_deadline"])
        Report.flush_model(["date_deadline_planned", "user_id", "submitted_user_id"])
        Line.flush_model(["report_id", "item_id"])
        cells = {
            (schedule_id, key, unit_id): ReportRow(*row)
            for schedule_id, key, unit_id, *row in self.env.execute_query(
                SQL(
                    """SELECT schedule_id, period_key, unit_id, id, state, date_deadline, date_deadline_planned,
                              user_id, submitted_user_id
                         FROM union_unit_report WHERE campaign_id = ANY(%s)""",
                    self.ids,
                )
            )
        }
        open_ids = [cell.id for cell in cells.values() if cell.state in OPEN_STATES]
        line_keys = set()
        if open_ids:
            line_keys = set(
                self.env.execute_query(
                    SQL("SELECT report_id, item_id FROM union_unit_report_line WHERE report_id = ANY(%s)", open_ids)
                )
            )
        self.env["union.campaign.item"].flush_model(["campaign_id", "unit_ids"])
        units_by_item = defaultdict(set)
        for item_id, unit_id in self.env.execute_query(
            SQL(
                """SELECT rel.item_id, rel.unit_id
                     FROM union_campaign_item_unit_rel rel
                     JOIN union_campaign_item item ON item.id = rel.item_id
                    WHERE item.campaign_id = ANY(%s)""",
                self.ids,
            )
        ):
            units_by_item[item_id].add(unit_id)
        return ExistingReports(cells=cells, line_keys=line_keys, units_by_item=units_by_item)

    def _apply_report_changes(self, changes):
        """Write `changes` (from _get_report_changes): create the reports and lines, move deadlines, assign
        reporters, and bring the activities of every report touched up to date. Return the reports created."""
        Report = self.env["union.unit.report"]
        # sudo: generated documents are owned by the workflow; the caller's rights were checked by the action.
        quiet = {"mail_create_nolog": True, "mail_create_nosubscribe": True, "tracking_disable": True}
        created = Report.sudo().with_context(**quiet).create(changes.new_reports)
        if changes.new_lines:
            self.env["union.unit.report.line"].sudo().create(changes.new_lines)
        touched = Report.browse()
        for (deadline, moved), report_ids in changes.deadlines.items():
            reports = Report.sudo().browse(report_ids)
            vals = {"date_deadline_planned": deadline, **({"date_deadline": deadline} if moved else {})}
            reports._workflow_write(vals)
            touched |= reports if moved else Report
        for user_id, report_ids in changes.assign.items():
            reports = Report.sudo().browse(report_ids)
            reports._workflow_write({"user_id": user_id})
            touched |= reports
        if changes.obsolete:
            Report.sudo().browse(changes.obsolete)._cancel_no_longer_asked()
        (Report.browse(created.ids) | touched.sudo(False))._activity_update()
        return Report.browse(created.ids)

    # ------------------------------------------------------------------
    # Daily job
    # ------------------------------------------------------------------
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
        return self.sudo().report_ids.filtered(lambda r: r.state in OUTSTANDING_STATES)
