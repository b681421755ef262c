# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

# The activities that say "something waits for your decision": counted by the systray while they are ahead, not only
# once due (a plan waiting for approval, a report waiting for review).
WAITING_ACTIVITY_TYPES = ("union_campaign.mail_act_approve_plan", "union_campaign.mail_act_review_report")


class ResUsers(models.Model):
    _inherit = "res.users"

    union_unit_ids = fields.Many2many(
        "union.unit",
        "union_unit_res_users_rel",
        "user_id",
        "unit_id",
        string="Union Units",
        help="The union units this user reports for.",
    )
    union_officer_unit_ids = fields.Many2many(
        "union.unit",
        "union_unit_officer_rel",
        "user_id",
        "unit_id",
        string="Unions Run",
        help="The unions whose plans this officer or manager runs; they read everything below them. None: the "
        "whole company (the federation at the top).",
    )

    def _union_runs(self, unit):
        """Whether this officer or manager runs the records of `unit` (its plans, their parts and reports): an
        officer of no union runs every union of the company; an officer of unions runs theirs only, and reads
        what lies below them (the record rules). The one place that says so: roles and rules derive from it."""
        self.ensure_one()
        units = self.sudo().union_officer_unit_ids
        return not units or unit in units

    def write(self, vals):
        result = super().write(vals)
        if "union_officer_unit_ids" in vals:
            self.env.registry.clear_cache()  # the record rules read the officer's unions
        return result

    def _get_activity_groups(self):
        """The systray's counter counts what is due today or overdue; a plan or a report waiting for the user's
        decision is counted as soon as it waits, even if its deadline is days ahead."""
        groups = super()._get_activity_groups()
        types = [self.env.ref(xmlid, raise_if_not_found=False) for xmlid in WAITING_ACTIVITY_TYPES]
        type_ids = [activity_type.id for activity_type in types if activity_type]
        waiting = dict(
            self.env["mail.activity"]._read_group(
                [
                    ("user_id", "=", self.env.uid),
                    ("activity_type_id", "in", type_ids),
                    ("date_deadline", ">", fields.Date.context_today(self)),
                ],
                ["res_model"],
                ["__count"],
            )
        )
        for group in groups:
            if group.get("model") in waiting:
                group["total_count"] += waiting[group["model"]]
        return groups
