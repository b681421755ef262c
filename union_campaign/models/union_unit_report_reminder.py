# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import threading
from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import split_every

from ..tools import local_today
from .union_input_mixin import parse_reminder_days
from .union_workflow_mixin import OPEN_STATES


class UnionUnitReport(models.Model):
    """The daily jobs of unit reports: each reporter's reminder digest of what falls due, and the officer's
    follow-up of units that are late. Idempotent, batched per person, committed batch by batch."""

    _inherit = "union.unit.report"

    # ------------------------------------------------------------------
    # Cron: reminders and escalation
    # ------------------------------------------------------------------
    @api.model
    def _cron_send_reminders(self, batch_size=100):
        """Send each reporter one digest a day of their reports due in N days (the plan's reminder days).

        Idempotent (a report is listed once a day: `reminder_date`), batched per reporter, progress
        committed after each batch so that a crash loses nothing and the next run resumes.
        """
        todo = self._get_reminder_todo()

        def remind(users):
            # The commit after each batch empties the cache: read this batch's reports together, not per person.
            batch = self.browse([report_id for user in users for report_id in todo[user][0].ids])
            self._send_reminders({user: todo[user][0].with_prefetch(batch._prefetch_ids) for user in users})
            reports_by_day = defaultdict(self.browse)
            for user in users:
                reports, today = todo[user]
                reports_by_day[today] |= reports
            for today, reports in reports_by_day.items():
                reports.sudo().write({"reminder_date": today})

        return self._cron_in_batches(todo, remind, batch_size)

    @api.model
    def _get_reminder_todo(self):
        """Return {reporter: (reports due in one of their plan's reminder days, reporter's local today)}."""
        candidates = self.search(
            [
                ("state", "in", OPEN_STATES),
                ("campaign_id.state", "=", "running"),
                ("user_id", "!=", False),
                ("date_deadline", ">=", fields.Date.today() - timedelta(days=1)),
            ]
        )
        todo = defaultdict(list)
        todays = {}
        offsets = {
            campaign: parse_reminder_days(self.env, campaign.reminder_days) for campaign in candidates.campaign_id
        }
        for report in candidates:
            user = report.user_id
            today = todays.setdefault(user, local_today(self.env, user))
            if report.reminder_date != today and (report.date_deadline - today).days in offsets[report.campaign_id]:
                todo[user].append(report.id)
        return {user: (self.browse(ids), todays[user]) for user, ids in todo.items()}

    def _send_reminders(self, reports_by_user):
        """Send each user the reminder digest of their reports, in one batch. Override to remind differently."""
        self._notify_users("union_campaign.mail_template_reminder_digest", reports_by_user, live=False)

    @api.model
    def _cron_escalate_overdue(self, batch_size=100):
        """Ask the plan's officer to follow up each unit that is late by the plan's escalation delay or more.

        One "Follow up overdue unit" activity per unit and officer (not per report, not again while one is
        open) and one overdue digest per officer and run. Idempotent, batched per officer.
        """
        todo = self._get_escalation_todo()
        return self._cron_in_batches(
            todo, lambda officers: self._escalate({officer: todo[officer] for officer in officers}), batch_size
        )

    @api.model
    def _get_escalation_todo(self):
        """Return {officer: {unit: late reports}} for units without an open follow-up for that officer."""
        late = self.search(
            [
                ("state", "in", OPEN_STATES),
                ("campaign_id.state", "=", "running"),
                ("campaign_id.user_id", "!=", False),
                ("is_late", "=", True),
            ]
        )
        # Days late depend on today: never reuse values computed earlier in the same transaction.
        late.invalidate_recordset(["days_late", "is_late"])
        late = late.filtered(lambda r: r.days_late >= r.campaign_id.escalation_delay)
        follow_up_type = self.env.ref("union_campaign.mail_act_follow_up_overdue")
        open_follow_ups = {
            (activity.res_id, activity.user_id.id)
            for activity in self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "union.unit"),
                    ("res_id", "in", late.unit_id.ids),
                    ("activity_type_id", "=", follow_up_type.id),
                ]
            )
        }
        todo = defaultdict(lambda: defaultdict(self.browse))
        for report in late:
            officer = report.campaign_id.user_id
            if (report.unit_id.id, officer.id) not in open_follow_ups:
                todo[officer][report.unit_id] |= report
        return todo

    def _escalate(self, todo):
        """Open the follow-up activities of the officers of `todo` ({officer: {unit: late reports}}) and send
        each one overdue digest, in one batch."""
        follow_up = "union_campaign.mail_act_follow_up_overdue"
        Unit = self.env["union.unit"]
        # keep_others: another officer's open follow-up of the unit is theirs to close.
        plans = defaultdict(lambda: {"keep": [], "keep_others": True})
        for officer, reports_by_unit in todo.items():
            deadline = Unit._activity_deadline(officer, type_xmlid=follow_up)
            for unit, reports in reports_by_unit.items():
                lines = Markup("").join(
                    Markup("<li>%s – %s: %s</li>")
                    % (
                        report.campaign_id.display_name,
                        report.period_label,
                        self.env._("%(days)s days late", days=report.days_late),
                    )
                    for report in reports
                )
                plans[unit]["keep"].append((follow_up, officer, deadline, Markup("<ul>%s</ul>") % lines, False))
        Unit.browse([unit.id for unit in plans])._activity_sync(dict(plans))
        digests = {
            officer: self.browse([report.id for reports in reports_by_unit.values() for report in reports])
            for officer, reports_by_unit in todo.items()
        }
        self._notify_users("union_campaign.mail_template_overdue_digest", digests, live=False)

    @api.model
    def _cron_in_batches(self, users, process, batch_size):
        """Call `process(users)` on the users (in id order), batch by batch, committing after each batch.

        A failure rolls back its own batch only; what was committed stays, and the next run finds only
        what is left to do.
        """
        users = sorted(users, key=lambda user: user.id)
        done = 0
        for batch in split_every(batch_size, users):
            with self.env.cr.savepoint():
                process(batch)
            done += len(batch)
            self._cron_commit_progress(done, len(users) - done)
        return done

    @api.model
    def _cron_commit_progress(self, done, remaining):
        """Report progress to the cron runner and commit the batch (not in tests: they roll back)."""
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        if not getattr(threading.current_thread(), "testing", False):
            # The batch is done: keep it even if a later batch fails (the cron progress API resumes the rest).
            self.env.cr.commit()  # pylint: disable=invalid-commit
