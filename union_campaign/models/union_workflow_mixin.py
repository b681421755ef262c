# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, config

from ..tools import local_today

# A plan entry meaning "remove every open activity of the record, whoever created it".
ALL = "all"
# Inbox messages pushed live to the web clients at most (each push formats the message for its reader).
LIVE_PUSH_LIMIT = 3

# ---------------------------------------------------------------------------------------------------------------
# The states of the workflow, named once: every check, search, view and record rule uses these names.
# ---------------------------------------------------------------------------------------------------------------
# A plan not yet approved: printed as a draft ("DỰ THẢO", no number).
PLAN_DRAFT_STATES = ("draft", "to_approve")
# A plan being written: what it says may change (officers).
PLAN_EDITABLE_STATES = (*PLAN_DRAFT_STATES, "cancelled")
# Once approved, the plan is an official document: only managers change what it says.
PLAN_LOCKED_STATES = ("approved", "running", "done")
# Plans the units see (a draft is the federation's own business).
PLAN_PUBLISHED_STATES = ("approved", "running", "done", "cancelled")
# A unit report the unit may still change; reminders, deadlines and launches touch only these.
OPEN_STATES = ("draft", "returned")
# A unit report that has reached its reviewers: it counts as reported.
REPORTED_STATES = ("submitted", "approved")
# A unit report still waiting for its unit or for a reviewer (cancelling or closing the plan settles it).
OUTSTANDING_STATES = ("draft", "submitted", "returned")
# Reports that are official records: they, and what they belong to, are never deleted.
OFFICIAL_STATES = ("submitted", "approved", "returned", "not_submitted")

# The value of a write policy entry that opens every field but the workflow's own.
EVERY_FIELD = "*"
# The roles a user may hold on a record, from the least to the most trusted.
ROLES = ("reporter", "officer", "manager")
ROLE_GROUPS = {"officer": "union_campaign.group_officer", "manager": "union_campaign.group_manager"}


class UnionWorkflowMixin(models.AbstractModel):
    """The workflow core of the module's records: transitions, the write policy, activities, notifications.

    **Transitions.** Each model lists its transitions in ``_workflow_transitions``; each has one method
    ``_refuse_<transition>(user)`` returning ``(exception class, message)`` or False. The actions raise it
    (``_check_transition``), the ``can_<transition>`` fields the views use are computed from it, and the rows are
    locked without waiting before a decision (``_lock_rows``): of two people deciding at once, the second fails
    and Odoo's RPC layer retries, and the retry sees the first decision. State and the other workflow fields are
    written only by the transitions (``_workflow_write``), which also keep the history (``_log_transition``).

    **Write policy.** Each model declares in one table (``_get_write_policy``) which fields each role may write in
    each state; the write guard, the ``can_*``/``is_locked`` flags of the views, the evidence lock of attachments
    and the create and delete rules all read that table. Fields that say where a record belongs
    (``_get_fixed_fields``) never change after creation, whoever writes.

    **Activities and notifications.** Each model's ``_activity_update()`` says, per record, which activities must
    be open (type, assignee, deadline), which are done and which no longer apply; ``_activity_sync`` then reads
    the open activities once, creates what is missing in one batch, marks done and removes the rest. Nothing is
    created twice, and no e-mail is sent per activity: people are told through ``_notify_users``, which sends
    each person one message per event, listing all the records concerned.
    """

    _name = "union.workflow.mixin"
    _description = "Union Workflow Core"

    # The transitions of the model: one ``_refuse_<name>`` method and one ``can_<name>`` field each.
    _workflow_transitions = ()

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------
    @api.model
    def _get_workflow_fields(self):
        """Return the fields only the transitions write. Override to protect more fields."""
        return ("state",)

    @api.depends_context("uid")
    def _compute_can_transitions(self):
        """``can_<transition>``: the current user may make the transition now (its refusal is empty).

        Models add their ``@api.depends`` by overriding this method and calling super()."""
        for record in self:
            for transition in self._workflow_transitions:
                record[f"can_{transition}"] = not record._get_transition_refusal(transition)

    def _get_transition_refusal(self, transition, user=None):
        """Return (exception class, message) saying why `user` may not make `transition` now, or False.

        The one place of the rights of each transition: ``_refuse_<transition>(user)``. Override those.
        """
        self.ensure_one()
        return getattr(self, f"_refuse_{transition}")(user or self.env.user)

    def _check_transition(self, transition):
        """Raise the refusal of the first record that may not make `transition`."""
        for record in self:
            refusal = record._get_transition_refusal(transition)
            if refusal:
                error, message = refusal
                raise error(message)

    def _refuse_state(self, *states):
        """Refuse a transition from any state but `states`, naming the record and its state."""
        if self.state in states:
            return False
        return UserError, self.env._(
            "%(document)s “%(record)s” is %(state)s.",
            document=self._get_document_label(),
            record=self.display_name,
            state=self._get_state_label().lower(),
        )

    def _lock_rows(self, share=False):
        """Lock the records' rows before a transition decides on them.

        Without waiting (NOWAIT): of two concurrent transitions of one record, the second fails at once with a
        concurrency error that Odoo's RPC layer retries; the retry then sees the first one's result. `share`:
        a shared lock that waits, taken while a record's content changes, so that a transition committed
        meanwhile makes the change fail and be retried (then refused by the write policy).
        """
        if not self.ids:
            return
        mode = "FOR SHARE" if share else "FOR NO KEY UPDATE NOWAIT"
        # log_exceptions: a lock taken by someone else is expected and retried, not an error worth a log line.
        self.env.cr.execute(
            SQL("SELECT id FROM %s WHERE id IN %s %s", SQL.identifier(self._table), tuple(self.ids), SQL(mode)),
            log_exceptions=False,
        )
        self.invalidate_recordset(list(self._get_workflow_fields()))

    def _workflow_write(self, vals):
        """Write workflow fields; only the actions call this, after their own checks.

        A change of state is logged in each record's chatter in one batch ("Draft → Submitted"), not as one
        tracking message per record: a mass approval costs the same queries for 10 reports or 1,000.
        """
        if "state" not in vals or not self:
            result = self.with_context(union_workflow_write=True).write(vals)
            if "review_step" in vals:
                self._mark_requests_read()
            return result
        labels = dict(self._fields["state"]._description_selection(self.env))
        old_states = {record.id: record.state for record in self}
        result = self.with_context(union_workflow_write=True, tracking_disable=True).write(vals)
        new_label = labels[vals["state"]]
        bodies = {
            record_id: Markup("<p>%s → %s</p>") % (labels.get(old, old), new_label)
            for record_id, old in old_states.items()
            if old != vals["state"]
        }
        if bodies and hasattr(self, "_message_log_batch"):
            # sudo: the log is the workflow's, written whoever may still write the record.
            self.browse(list(bodies)).sudo()._message_log_batch(bodies, author_id=self.env.user.partner_id.id)
        self._mark_requests_read()
        return result

    def _log_transition(self, decision, reason=False):
        """Keep the history of a transition (``decision``: submitted, approved...). Override to record it."""
        return True

    def _get_document_label(self):
        """The name of the kind of record in messages: "Unit Report", "Union Campaign Plan"."""
        return self.env["ir.model"]._get(self._name).name

    def _get_state_label(self, state=None):
        return dict(self._fields["state"]._description_selection(self.env)).get(state or self.state, state)

    # ------------------------------------------------------------------
    # Write policy: who may write which field in which state
    # ------------------------------------------------------------------
    @api.model
    def _get_write_policy(self):
        """Return the write policy: ``{role: {states: fields}}``, `states` a tuple of states and `fields` a tuple
        of field names or EVERY_FIELD. A field no role may write in a state is refused then. Override per model.
        """
        return {}

    @api.model
    def _get_fixed_fields(self):
        """Return the fields set at creation that never change afterwards (where the record belongs)."""
        return ()

    @api.model
    def _get_free_fields(self):
        """Return the fields anyone who may read the record writes (the chatter's bookkeeping)."""
        return {name for name in self._fields if name.startswith(("message_", "activity_", "website_message"))}

    def _get_policy_state(self):
        """Return the state the write policy reads: the record's own. Override for the parts of a record."""
        self.ensure_one()
        return self.state

    def _get_user_roles(self, user):
        """Return the roles `user` holds on this record: the groups' roles, which an officer or manager holds only
        on the records of the unions they run (``res.users._union_runs``). Override to add the record's own roles
        (a unit's reporters)."""
        self.ensure_one()
        roles = {role for role, group in ROLE_GROUPS.items() if user.has_group(group)}
        unit = self._get_running_unit()
        if roles and unit is not None and not user._union_runs(unit):
            roles -= set(ROLE_GROUPS)
        return roles

    def _get_running_unit(self):
        """Return the union whose officers run this record (a plan's issuer), or None when any officer does."""
        return None

    def _get_writable_fields(self, user=None):
        """Return the fields `user` may write on this record now: a set, or EVERY_FIELD."""
        self.ensure_one()
        state = self._get_policy_state()
        allowed = set(self._get_free_fields())
        for role in self._get_user_roles(user or self.env.user):
            for states, names in self._get_write_policy().get(role, {}).items():
                if state in states:
                    if names == EVERY_FIELD:
                        return EVERY_FIELD
                    allowed.update(names)
        return allowed

    def _get_refused_fields(self, field_names, user=None):
        """Return the fields of `field_names` (or EVERY_FIELD) that `user` may not write on this record now."""
        self.ensure_one()
        writable = self._get_writable_fields(user)
        if writable == EVERY_FIELD:
            return set()
        if field_names == EVERY_FIELD:
            return self._get_policy_fields() - writable
        return set(field_names) - writable

    @api.model
    def _get_policy_fields(self):
        """Return the fields the write policy governs: those it names, or all but the workflow's and the chatter's
        when an entry opens every field."""
        names = set()
        for entries in self._get_write_policy().values():
            for field_names in entries.values():
                if field_names == EVERY_FIELD:
                    return set(self._fields) - set(self._get_workflow_fields()) - self._get_free_fields()
                names.update(field_names)
        return names

    def _may_write(self, field_names, user=None):
        """True if `user` may write `field_names` (or EVERY_FIELD: all of it) on every record of self."""
        if not self._get_write_policy():
            return True
        return not any(record._get_refused_fields(field_names, user) for record in self)

    def _get_ever_writable_fields(self, user):
        """Return the fields `user`'s roles may write on this record in some state (EVERY_FIELD: all)."""
        allowed = set()
        for role in self._get_user_roles(user):
            for names in self._get_write_policy().get(role, {}).values():
                if names == EVERY_FIELD:
                    return EVERY_FIELD
                allowed.update(names)
        return allowed

    def _check_write_policy(self, field_names):
        """Raise unless the current user may write `field_names` (EVERY_FIELD: all of it, to create or delete)
        on every record of self: a UserError naming the state when the state locks them, an AccessError when
        the user may never write them."""
        if self.env.su or self.env.context.get("union_workflow_write") or not self._get_write_policy():
            return
        user = self.env.user
        for record in self:
            refused = record._get_refused_fields(field_names, user)
            if not refused:
                continue
            ever = record._get_ever_writable_fields(user)
            whole = field_names == EVERY_FIELD
            labels = record._get_document_label() if whole else record._field_labels(refused)
            if ever == EVERY_FIELD or (not whole and refused <= ever):
                raise UserError(record._get_locked_message(labels))
            raise AccessError(
                self.env._(
                    "You cannot change %(fields)s of %(document)s “%(record)s”.",
                    fields=labels,
                    document=record._get_document_label(),
                    record=record.display_name,
                )
            )

    def _get_locked_message(self, labels):
        """The sentence refusing a change its state locks (`labels`: what is refused). Override to say who may
        still make it."""
        return self.env._(
            "%(document)s “%(record)s” is %(state)s: %(fields)s can no longer be changed.",
            document=self._get_document_label(),
            record=self.display_name,
            state=self._get_state_label().lower(),
            fields=labels,
        )

    def _field_labels(self, names):
        """The labels of the fields, for a message (at most ten)."""
        labels = sorted({self._fields[name]._description_string(self.env) for name in names if name in self._fields})
        return ", ".join(labels[:10]) + (", …" if len(labels) > 10 else "")

    def _check_workflow_write(self, vals):
        """Refuse a direct write of the workflow fields (approving by writing the state, over RPC say)."""
        if set(self._get_workflow_fields()) & set(vals) and not (
            self.env.su or self.env.context.get("union_workflow_write")
        ):
            raise UserError(
                self.env._(
                    "The state of a %(document)s changes only through its buttons (submit, approve, send back...).",
                    document=self._get_document_label(),
                )
            )

    def _check_fixed_fields(self, vals):
        """Refuse moving a record: the fields that say where it belongs keep their value once it exists."""
        fixed = [name for name in self._get_fixed_fields() if name in vals]
        if not fixed:
            return
        for record in self:
            for name in fixed:
                field = self._fields[name]
                current = record[name]
                value = vals[name]
                if field.type == "many2one":
                    current, value = current.id or False, (value.id if isinstance(value, models.BaseModel) else value)
                if (current or False) != (value or False):
                    raise UserError(
                        self.env._(
                            "%(fields)s of %(document)s “%(record)s” are set when it is created and never change.",
                            fields=record._field_labels(fixed),
                            document=record._get_document_label(),
                            record=record.display_name,
                        )
                    )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        # After the create: the policy reads the records' state and roles as they are (a plan's part: its plan).
        records._check_write_policy(EVERY_FIELD)
        return records

    def write(self, vals):
        self._check_workflow_write(vals)
        if not self.env.context.get("union_workflow_write"):
            self._check_fixed_fields(vals)
            self._check_write_policy(set(vals))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_policy_allows(self):
        self._check_unlink_policy()

    def _check_unlink_policy(self):
        """Deleting a record takes the right to write all of it in its state. Override for other rules."""
        self._check_write_policy(EVERY_FIELD)

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
        """Apply activity plans in batch: a fixed number of queries whatever the number of records.

        :param plans: {record: {"keep": [(type_xmlid, user, date_deadline, note, subscribe)],
                                "done": {type_xmlid, ...}, "drop": {type_xmlid, ...} or ALL}}
            ``keep``: open exactly one activity of that type for that user (other users' ones of the same
            type are removed); ``subscribe``: the assignee follows the record; an optional sixth element
            ``follow``: an open one with another deadline is moved to `date_deadline`; ``done``: mark open ones done
            (one note in the record's history); ``drop``: remove open ones (ALL: every open activity of the
            record, manual ones included); ``keep_others``: keep the open activities of the same type that
            are assigned to other users.
        :param feedback: text of the "done" note.
        """
        if not plans:
            return
        # sudo: automatic activities belong to the workflow, not to whoever triggered the transition
        # (a reporter who submits may no longer write the report, but its reviewer needs an activity).
        Activity = self.env["mail.activity"].sudo()
        xmlids = {
            xmlid
            for plan in plans.values()
            for key in ("done", "drop")
            if plan.get(key) != ALL
            for xmlid in plan.get(key, ())
        }
        xmlids |= {entry[0] for plan in plans.values() for entry in plan.get("keep", ())}
        # sudo: activity types are the workflow's configuration (a portal reporter may not read them).
        types = {xmlid: self.env.ref(xmlid).sudo() for xmlid in xmlids}
        domain = [("res_model", "=", self._name), ("res_id", "in", [record.id for record in plans])]
        open_by_record = defaultdict(lambda: Activity)
        for activity in Activity.search(domain):
            open_by_record[activity.res_id] |= activity
        followers = defaultdict(set)
        for follower in self.env["mail.followers"].sudo().search_fetch(domain, ["res_id", "partner_id"]):
            followers[follower.res_id].add(follower.partner_id.id)
        to_create, to_done, to_drop, to_follow = [], Activity, Activity, set()
        to_move = defaultdict(lambda: Activity)
        for record, plan in plans.items():
            creates, done, drop, moves = record._activity_plan_diff(plan, open_by_record[record.id], types)
            to_done |= done
            to_drop |= drop
            for activity, deadline in moves:
                to_move[deadline] |= activity
            for vals, subscribe in creates:
                to_create.append(vals)
                partner_id = self.env["res.users"].browse(vals["user_id"]).partner_id.id
                if subscribe and partner_id and partner_id not in followers[record.id]:
                    to_follow.add((record.id, partner_id))
        if to_done:
            self._activity_done_batch(to_done, feedback)
        if to_drop:
            to_drop.unlink()
        for deadline, activities in to_move.items():
            activities.write({"date_deadline": deadline})
        if to_create:
            # The records' display names are read once for all activities (their stored document name).
            self.browse([vals["res_id"] for vals in to_create]).sudo().mapped("display_name")
            # quick_update: no "you have been assigned" e-mail per activity; people get one digest instead.
            # union_activity_batch: followers are added below in one batch, not one user at a time.
            Activity.with_context(mail_activity_quick_update=True, union_activity_batch=True).create(to_create)
        if to_follow:
            self._add_followers_batch(to_follow)

    def _activity_done_batch(self, activities, feedback):
        """Mark workflow activities done in one batch: each leaves its "done" message in its record's history
        (as Odoo's own "mark as done" does), then is removed."""
        author = self.env.user.partner_id
        subtype_id = self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_activities")
        self.env["mail.message"].sudo().create(
            [
                {
                    "model": self._name,
                    "res_id": activity.res_id,
                    "message_type": "notification",
                    "subtype_id": subtype_id,
                    "mail_activity_type_id": activity.activity_type_id.id,
                    "author_id": author.id,
                    "email_from": author.email_formatted or False,
                    "reply_to": False,
                    "body": Markup("<p>%s</p>")
                    % self.env._(
                        "%(activity)s: done. %(feedback)s",
                        activity=activity.activity_type_id.name,
                        feedback=feedback or "",
                    ),
                }
                for activity in activities
            ]
        )
        activities.unlink()

    def _add_followers_batch(self, pairs):
        """Make each (record id, partner id) of `pairs` a follower with the default subtypes, in one batch."""
        subtypes = self.env["mail.message.subtype"].default_subtypes(self._name)[0]
        self.env["mail.followers"].sudo().create(
            [
                {"res_model": self._name, "res_id": res_id, "partner_id": partner_id, "subtype_ids": subtypes.ids}
                for res_id, partner_id in sorted(pairs)
            ]
        )

    def _activity_plan_diff(self, plan, current, types):
        """Return (activities to create as [(vals, subscribe)], open ones to mark done, open ones to remove,
        [(open one, its new deadline)])."""
        self.ensure_one()
        if plan.get("drop") == ALL:
            return [], current.browse(), current, []

        def of_type(xmlid):
            return current.filtered(lambda a: a.activity_type_id == types[xmlid])

        done = current.browse().union(*(of_type(xmlid) for xmlid in plan.get("done", ())))
        drop = current.browse().union(*(of_type(xmlid) for xmlid in plan.get("drop", ())))
        creates, moves = [], []
        for xmlid in {entry[0] for entry in plan.get("keep", ())}:
            entries = [entry for entry in plan["keep"] if entry[0] == xmlid and entry[1]]
            same_type = of_type(xmlid) - done - drop
            if not plan.get("keep_others"):
                drop |= same_type.filtered(lambda a, users=[e[1] for e in entries]: a.user_id not in users)
            for _xmlid, user, deadline, note, subscribe, *follow in entries:
                mine = same_type.filtered(lambda a, user=user: a.user_id == user)
                if not mine:
                    creates.append((self._prepare_activity_vals(types[xmlid], user, deadline, note), subscribe))
                elif follow and follow[0]:
                    moves += [(activity, deadline) for activity in mine if activity.date_deadline != deadline]
        return creates, done, drop, moves

    def _prepare_activity_vals(self, activity_type, user, deadline, note):
        """Return the values of an automatic activity. Override to add fields (e.g. a team)."""
        self.ensure_one()
        # In the assignee's language, not the actor's: the summary and note are stored as plain text.
        # sudo: the assignee's language, whoever acts (a portal reporter may not read other people's contacts).
        activity_type = activity_type.with_context(lang=user.sudo().lang or self.env.lang)
        return {
            "activity_type_id": activity_type.id,
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
            "user_id": user.id,
            "date_deadline": deadline,
            "summary": activity_type.summary or False,
            "note": note or activity_type.default_note or False,
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
        if self:
            self.sudo()._message_log_batch({record.id: body for record in self}, author_id=self.env.user.partner_id.id)

    @api.model
    def _has_mail_server(self):
        """True when outgoing e-mail is configured (a mail server record, or an SMTP host given to Odoo)."""
        # sudo: whether e-mail can be sent is a setting, not the user's data.
        return bool(
            self.env["ir.mail_server"].sudo().search_count([], limit=1)
            or config.get("smtp_server") not in (False, "", "localhost")
        )

    @api.model
    def _get_notification_channel(self, user, mail_server=None):
        """Return "email" for a user who chose e-mail when a mail server is set, else "inbox" (Discuss); always
        "email" for a portal user, who has no inbox (the mail waits in the queue until a server is set).

        Without a mail server, internal users' e-mail notifications would only pile up in the mail queue.
        """
        if user.share:
            return "email"
        mail_server = self._has_mail_server() if mail_server is None else mail_server
        return "email" if user.notification_type == "email" and mail_server else "inbox"

    def _get_waiting_user(self):
        """Return the user whose decision the record waits for (a reviewer, an approver), if any. Override."""
        self.ensure_one()
        return self.env["res.users"]

    def _mark_requests_read(self):
        """Mark read the inbox notifications that asked for a decision on these records, once none of the records
        they list waits for their reader any more (decided, withdrawn, cancelled, or passed to someone else)."""
        if not self.ids:
            return
        self.env["mail.notification"].flush_model(["is_read", "res_partner_id", "mail_message_id"])
        self.env["mail.message"].flush_model(["union_request", "union_record_model", "union_record_ids"])
        rows = self.env.execute_query(
            SQL(
                """SELECT notification.id, notification.res_partner_id, message.union_record_ids
                     FROM mail_notification notification
                     JOIN mail_message message ON message.id = notification.mail_message_id
                    WHERE notification.is_read IS NOT TRUE AND message.union_request AND message.union_record_model = %s
                      AND string_to_array(trim(both ',' from message.union_record_ids), ',')::int[] && %s""",
                self._name,
                self.ids,
            )
        )
        if not rows:
            return
        record_ids = {int(res_id) for _id, _partner, ids in rows for res_id in ids.strip(",").split(",")}
        # sudo: who a record waits for is read whatever the actor may read.
        waiting = {
            record.id: record._get_waiting_user().partner_id.id for record in self.sudo().browse(record_ids).exists()
        }
        done = [
            notification_id
            for notification_id, partner_id, ids in rows
            if not any(waiting.get(int(res_id)) == partner_id for res_id in ids.strip(",").split(","))
        ]
        if done:
            # sudo: the notifications are their readers'; the workflow settles them.
            self.env["mail.notification"].sudo().browse(done).write(
                {"is_read": True, "read_date": fields.Datetime.now()}
            )

    @api.model
    def _get_portal_links(self, records):
        """Return the links to the records' portal pages, added to a portal user's message (they have no web
        client: the page of each record on the portal is where they act)."""
        links = Markup("").join(
            Markup('<a href="%s">%s</a><br/>') % (url, url)
            for url in (record.get_base_url() + record.access_url for record in records.sudo())
        )
        return Markup("<p>%s</p>") % links

    def _notify_users(self, template_xmlid, records_by_user, live=True, request=False, **values):
        """Send each user one message rendered from a mail template, listing all their records.

        With one record, the message is linked to it; with several, it is a digest. The acting user is not
        told about their own action. `values` are available in the template (e.g. ``reason``), and ``recipient``,
        the user told.
        Inbox messages are created in one batch (and pushed to the open web clients when `live` and only a few
        people are told: a mass action's messages are found at the next look); users who chose e-mail get it
        through message_notify when a mail server is set.
        """
        # sudo: the module's own templates, rendered for whoever acts (a portal reporter may not read templates).
        template = self.env.ref(template_xmlid).sudo()
        mail_server = self._has_mail_server()
        author = self.env.user.partner_id
        inbox_vals, inbox_users = [], []
        # sudo: who is told, in which language and how, whoever acts (a portal reporter reads no one else).
        for user, user_records in ((user.sudo(), records) for user, records in records_by_user.items()):
            if not user or not user_records or user == self.env.user or not user.partner_id:
                continue
            records = user_records.sorted("id")
            # recipient: a portal user's links open the portal (record.access_url), an internal user's the web client.
            context = {"records": records, "recipient": user, **values}
            localized = template.with_context(lang=user.lang or self.env.lang)
            render_ids = [records[:1].id] if template.model == records._name else [user.id]
            subject = localized._render_field("subject", render_ids, add_context=context)[render_ids[0]]
            body = localized._render_field("body_html", render_ids, add_context=context)[render_ids[0]]
            if user.share and "access_url" in records._fields:
                body += self._get_portal_links(records)
            if self._get_notification_channel(user, mail_server) == "email":
                # sudo: telling the next person in the workflow does not need the actor to read them.
                thread = records.sudo() if len(records) == 1 else self.env["mail.thread"].sudo()
                # force_send only with a mail server: without one, the mail waits in the queue (a portal user's).
                thread.message_notify(
                    force_send=mail_server,
                    partner_ids=user.partner_id.ids,
                    subject=subject,
                    body=body,
                    email_layout_xmlid="mail.mail_notification_light",
                    model_description=records._description,
                )
                continue
            single = records if len(records) == 1 else records.browse()
            inbox_users.append(user)
            inbox_vals.append(
                {
                    "message_type": "user_notification",
                    "subtype_id": self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note"),
                    "author_id": author.id,
                    "email_from": author.email_formatted or False,
                    # An inbox notification is answered in Odoo, not by e-mail.
                    "reply_to": author.email_formatted or False,
                    "subject": subject,
                    "body": body,
                    "model": single._name if single else False,
                    "res_id": single.id or False,
                    "record_name": single.sudo().display_name if single else False,
                    "union_record_model": records._name,
                    "union_record_ids": f",{','.join(str(record_id) for record_id in records.ids)},",
                    "union_request": request,
                    "partner_ids": [Command.link(user.partner_id.id)],
                    "notification_ids": [
                        Command.create(
                            {
                                "res_partner_id": user.partner_id.id,
                                "notification_type": "inbox",
                                "notification_status": "sent",
                                "author_id": author.id,
                            }
                        )
                    ],
                }
            )
        if not inbox_vals:
            return
        # sudo: notifying is the workflow's purpose; the messages are the recipients', not the actor's.
        messages = self.env["mail.message"].sudo().create(inbox_vals)
        if live and len(messages) <= LIVE_PUSH_LIMIT:
            for message, user in zip(messages, inbox_users, strict=True):
                user._bus_send_store(
                    message.with_user(user).with_context(allowed_company_ids=[]),
                    for_current_user=True,
                    notification_type="mail.message/inbox",
                )
