# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, models
from odoo.exceptions import UserError

from ..tools import local_today

# A plan entry meaning "remove every open activity of the record, whoever created it".
ALL = "all"


class UnionWorkflowMixin(models.AbstractModel):
    """Batched bookkeeping of automatic activities and notifications for the union workflow models.

    Each model's ``_activity_update()`` says, per record, which activities must be open (type, assignee,
    deadline), which are done and which no longer apply; ``_activity_sync`` then reads the open
    activities once, creates what is missing in one batch, marks done and removes the rest. Nothing is
    created twice, and no e-mail is sent per activity: people are told through ``_notify_users``, which
    sends each person one message per event, listing all the records concerned.
    """

    _name = "union.workflow.mixin"
    _description = "Union Workflow Activities and Notifications"

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------
    @api.model
    def _get_workflow_fields(self):
        """Return the fields only the transitions write. Override to protect more fields."""
        return ("state",)

    def _workflow_write(self, vals):
        """Write workflow fields; only the actions call this, after their own checks."""
        return self.with_context(union_workflow_write=True).write(vals)

    def _check_workflow_write(self, vals):
        """Refuse a direct write of the workflow fields (approving by writing the state, over RPC say)."""
        if set(self._get_workflow_fields()) & set(vals) and not (
            self.env.su or self.env.context.get("union_workflow_write")
        ):
            raise UserError(
                _(
                    "The state of a %(document)s changes only through its buttons (submit, approve, send back...).",
                    document=self.env["ir.model"]._get(self._name).name,
                )
            )

    # ------------------------------------------------------------------
    # Deadlines
    # ------------------------------------------------------------------
    @api.model
    def _activity_deadline(self, user, days=0, not_before=None, type_xmlid=None):
        """Return a deadline `days` after the user's local today (or the activity type's delay), never in the
        past, and never before `not_before`."""
        today = local_today(self.env, user or None)
        if type_xmlid and not days:
            activity_type = self.env.ref(type_xmlid)
            delta = {"days": 0, "weeks": 0, "months": 0}
            if activity_type.delay_unit in delta:
                delta[activity_type.delay_unit] = activity_type.delay_count
            deadline = today + relativedelta(**delta)
        else:
            deadline = today + timedelta(days=days)
        if not_before and not_before > deadline:
            deadline = not_before
        return max(deadline, today)

    # ------------------------------------------------------------------
    # Activities
    # ------------------------------------------------------------------
    def _activity_sync(self, plans, feedback=None):
        """Apply activity plans in batch.

        :param plans: {record: {"keep": [(type_xmlid, user, date_deadline, note, subscribe)],
                                "done": {type_xmlid, ...}, "drop": {type_xmlid, ...} or ALL}}
            ``keep``: open exactly one activity of that type for that user (other users' ones of the same
            type are removed); ``done``: mark open ones done (they stay in the history);
            ``drop``: remove open ones (ALL: every open activity of the record, manual ones included).
        :param feedback: text of the "done" message.
        """
        if not plans:
            return
        # sudo: automatic activities belong to the workflow, not to whoever triggered the transition
        # (a reporter who submits may no longer write the report, but its reviewer needs an activity).
        Activity = self.env["mail.activity"].sudo()
        domain = [("res_model", "=", self._name), ("res_id", "in", [record.id for record in plans])]
        open_by_record = defaultdict(lambda: Activity)
        for activity in Activity.search(domain):
            open_by_record[activity.res_id] |= activity
        followers = defaultdict(set)
        for follower in self.env["mail.followers"].sudo().search(domain):
            followers[follower.res_id].add(follower.partner_id.id)
        to_create, to_done, to_drop = [], Activity, Activity
        no_subscribe = defaultdict(set)  # {user: {res_id}}: assignees who must not become followers
        for record, plan in plans.items():
            creates, done, drop = record._activity_plan_diff(plan, open_by_record[record.id])
            to_done |= done
            to_drop |= drop
            for vals, subscribe in creates:
                to_create.append(vals)
                user = self.env["res.users"].browse(vals["user_id"])
                if not subscribe and user.partner_id.id not in followers[record.id]:
                    no_subscribe[user].add(record.id)
        if to_done:
            to_done.action_feedback(feedback=feedback)
        if to_drop:
            to_drop.unlink()
        if to_create:
            # quick_update: no "you have been assigned" e-mail per activity; people get one digest instead.
            Activity.with_context(mail_activity_quick_update=True).create(to_create)
        for user, res_ids in no_subscribe.items():
            self.browse(res_ids).sudo().message_unsubscribe(partner_ids=user.partner_id.ids)

    def _activity_plan_diff(self, plan, current):
        """Return (activities to create as [(vals, subscribe)], open ones to mark done, open ones to remove)."""
        self.ensure_one()
        if plan.get("drop") == ALL:
            return [], current.browse(), current

        def of_type(xmlid):
            return current.filtered(lambda a: a.activity_type_id == self.env.ref(xmlid))

        done = current.browse().union(*(of_type(xmlid) for xmlid in plan.get("done", ())))
        drop = current.browse().union(*(of_type(xmlid) for xmlid in plan.get("drop", ())))
        creates = []
        for xmlid in {entry[0] for entry in plan.get("keep", ())}:
            entries = [entry for entry in plan["keep"] if entry[0] == xmlid and entry[1]]
            same_type = of_type(xmlid) - done - drop
            drop |= same_type.filtered(lambda a, users=[e[1] for e in entries]: a.user_id not in users)
            for _xmlid, user, deadline, note, subscribe in entries:
                if not same_type.filtered(lambda a, user=user: a.user_id == user):
                    creates.append((self._prepare_activity_vals(self.env.ref(xmlid), user, deadline, note), subscribe))
        return creates, done, drop

    def _prepare_activity_vals(self, activity_type, user, deadline, note):
        """Return the values of an automatic activity. Override to add fields (e.g. a team)."""
        self.ensure_one()
        return {
            "activity_type_id": activity_type.id,
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
            "user_id": user.id,
            "date_deadline": deadline,
            "note": note or False,
            "automated": True,
        }

    # ------------------------------------------------------------------
    # Notifications
    # ------------------------------------------------------------------
    def _post_note(self, body):
        """Log `body` as an internal note in each record's chatter, authored by the acting user.

        sudo: a note of the workflow needs no e-mail address of its author (Odoo refuses to post as a user who has
        none, which would undo the whole transition), and the actor may no longer write the record.
        """
        for record in self:
            record.sudo().message_post(body=body, subtype_xmlid="mail.mt_note", author_id=self.env.user.partner_id.id)

    def _notify_users(self, template_xmlid, records_by_user, **values):
        """Send each user one message rendered from a mail template, listing all their records.

        With one record, the message is linked to it; with several, it is a digest. The acting user is not
        told about their own action. `values` are available in the template (e.g. ``reason``).
        """
        template = self.env.ref(template_xmlid)
        for user, user_records in records_by_user.items():
            if not user or not user_records or user == self.env.user or not user.partner_id:
                continue
            records = user_records.sorted("id")
            context = {"records": records, **values}
            localized = template.with_context(lang=user.lang or self.env.lang)
            render_ids = [records[:1].id] if template.model == records._name else [user.id]
            subject = localized._render_field("subject", render_ids, add_context=context)[render_ids[0]]
            body = localized._render_field("body_html", render_ids, add_context=context)[render_ids[0]]
            # sudo: telling the next person in the workflow does not need the actor to read them.
            thread = records.sudo() if len(records) == 1 else self.env["mail.thread"].sudo()
            thread.message_notify(
                partner_ids=user.partner_id.ids,
                subject=subject,
                body=body,
                email_layout_xmlid="mail.mail_notification_light",
                model_description=records._description,
            )
