# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The bench's records: for n units, n/10 reporters, two officers, two managers and an approved plan of 3 phases x
4 unit items + 1 federation task, its phases placed relative to today (late, due soon, upcoming)."""
# ruff: noqa: PLC0415 - odoo is importable only in the step processes

import datetime

UNITS_PER_REPORTER = 10
PLAN_REFERENCE = "1/KH-BENCH"
OFFICER_PASSWORD = "bench"  # only for the --workers=2 check, on a throw-away database
TZ = "Asia/Ho_Chi_Minh"
# Phases in days from today (start, end, report deadline): late by 5 days, due in 3 days, upcoming.
PHASES = ((-40, -10, -5), (-9, 1, 3), (2, 60, 65))
ITEMS_PER_PHASE = 4


class Bench:
    """The bench's records in a database: users, plan, phases."""

    def __init__(self, env):
        self.env = env
        users = env["res.users"].search([("login", "like", "bench_%")])
        by_login = {user.login: user for user in users}
        self.officer = by_login.get("bench_officer")
        self.officer_2 = by_login.get("bench_officer_2")
        self.manager = by_login.get("bench_manager_1")
        self.campaign = env["union.campaign"].search([("reference", "=", PLAN_REFERENCE)], limit=1)
        self.phases = self.campaign.phase_ids.sorted("sequence")

    def local_today(self):
        from odoo.addons.union_campaign.tools import local_today

        return local_today(self.env, self.officer)


# A unit type, by preference, when types are records (`unit_type_id`): codes tried in turn, else created.
UNIT_TYPE_CODES = {
    "federation": ("federation", "district", "province", "central"),
    "agency": ("agency",),
    "enterprise": ("enterprise",),
    "school": ("school",),
}


def unit_type_vals(env):
    """Return kind -> values giving a unit that type: the `unit_type` selection, or a `unit_type_id` record.

    The only place that knows how a unit's type is stored.
    """
    Unit = env["union.unit"]
    field = Unit._fields.get("unit_type_id")
    if field is None or field.type != "many2one":
        return {kind: {"unit_type": kind} for kind in UNIT_TYPE_CODES}
    Type = env[field.comodel_name].with_context(active_test=False)

    def find_or_create(kind):
        for code in UNIT_TYPE_CODES[kind]:
            record = env.ref(f"union_campaign.unit_type_{code}", raise_if_not_found=False)
            if not record and "code" in Type._fields:
                record = Type.search([("code", "=", code)], limit=1)
            if record:
                return record
        vals = {"name": f"Bench {kind}"}
        if "code" in Type._fields:
            vals["code"] = f"bench_{kind}"
        return Type.create(vals)

    return {kind: {"unit_type_id": find_or_create(kind).id} for kind in UNIT_TYPE_CODES}


def create_units(env, n, reporters):
    """Create the federation and its n grassroots units, each chaired by one of the reporters."""
    types = unit_type_vals(env)
    Unit = env["union.unit"].with_context(tracking_disable=True)
    federation = Unit.create({"name": "Bench Federation", **types["federation"]})
    kinds = ("agency", "enterprise", "school")
    units = Unit.create(
        [
            {
                "name": f"Bench Unit {i:05d}",
                "parent_id": federation.id,
                "chair_user_id": reporters[i // UNITS_PER_REPORTER % len(reporters)].id,
                **types[kinds[i % 3]],
            }
            for i in range(n)
        ]
    )
    return federation, units


def create_users(env, n):
    from odoo import Command

    base = env.ref("base.group_user") | env.ref("union_campaign.group_user")
    officer_groups = base | env.ref("union_campaign.group_officer")
    manager_groups = officer_groups | env.ref("union_campaign.group_manager")
    Users = env["res.users"].with_context(no_reset_password=True, tracking_disable=True)

    def vals(login, name, groups, **extra):
        return {
            "name": name,
            "login": login,
            "email": f"{login}@example.com",
            "tz": TZ,
            "groups_id": [Command.set(groups.ids)],
            **extra,
        }

    staff = Users.create(
        [
            vals("bench_officer", "Bench Officer", officer_groups, password=OFFICER_PASSWORD),
            vals("bench_officer_2", "Bench Officer 2", officer_groups),
            vals("bench_manager_1", "Bench Manager 1", manager_groups),
            vals("bench_manager_2", "Bench Manager 2", manager_groups),
        ]
    )
    reporters = Users.create(
        [vals(f"bench_reporter_{i:04d}", f"Bench Reporter {i}", base) for i in range(max(1, n // UNITS_PER_REPORTER))]
    )
    return staff, reporters


def create_data(env, n):
    """n units, n/10 reporters, two officers, two managers, an approved plan (3 phases x 4 unit items + 1 task)."""
    from odoo import Command
    from odoo.addons.union_campaign.tools import local_today

    staff, reporters = create_users(env, n)
    officer, _officer_2, manager, _manager_2 = staff
    federation, units = create_units(env, n, reporters)
    today = local_today(env, officer)
    day = datetime.timedelta(days=1)
    phases = []
    for index, (start, end, deadline) in enumerate(PHASES, start=1):
        items = [
            Command.create({"name": f"Item {index}.{i}", "sequence": i, "target_qty": 1})
            for i in range(1, ITEMS_PER_PHASE + 1)
        ]
        if index == 1:
            items.append(Command.create({"name": "Federation task", "scope": "federation", "user_id": officer.id}))
        phases.append(
            Command.create(
                {
                    "name": f"Phase {index}",
                    "sequence": index,
                    "date_start": today + start * day,
                    "date_end": today + end * day,
                    "report_deadline": today + deadline * day,
                    "item_ids": items,
                }
            )
        )
    campaign = env["union.campaign"].create(
        {
            "name": "Bench plan",
            "reference": PLAN_REFERENCE,
            "issuing_unit_id": federation.id,
            "issue_date": today - 45 * day,
            "user_id": officer.id,
            "approver_id": manager.id,
            "review_steps": 1,
            "unit_ids": [Command.set(units.ids)],
            "phase_ids": phases,
        }
    )
    campaign.with_user(officer).action_submit()
    campaign.with_user(manager).action_approve()
    return {"units": len(units), "reporters": len(reporters)}


def align_dates(env, bench):
    """Put the phases back where the crons expect them, relative to today (the data may be a day old)."""
    today = bench.local_today()
    day = datetime.timedelta(days=1)
    cr = env.cr
    for phase, (start, end, deadline) in zip(bench.phases, PHASES, strict=True):
        cr.execute(
            "UPDATE union_campaign_phase SET date_start = %s, date_end = %s, report_deadline = %s"
            " WHERE id = %s AND report_deadline != %s",
            [today + start * day, today + end * day, today + deadline * day, phase.id, today + deadline * day],
        )
    cr.execute(
        "UPDATE union_unit_report r SET date_deadline = p.report_deadline FROM union_campaign_phase p"
        " WHERE r.phase_id = p.id AND r.date_deadline IS DISTINCT FROM p.report_deadline"
    )
    env.invalidate_all()
