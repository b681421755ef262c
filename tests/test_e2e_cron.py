# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The daily jobs, triggered on the running server as the scheduler would, twice: nothing happens twice."""

import datetime

CRONS = (
    "union_campaign.ir_cron_union_send_reminders",
    "union_campaign.ir_cron_union_escalate_overdue",
    "union_campaign.ir_cron_union_update_status",
)


def _snapshot(admin):
    activities = admin.call(
        "mail.activity",
        "search_read",
        [("res_model", "in", ("union.unit.report", "union.unit", "union.campaign", "union.campaign.item"))],
        ["res_model", "res_id", "activity_type_id", "user_id"],
    )
    notifications = admin.call("mail.message", "search_count", [("message_type", "=", "user_notification")])
    return sorted(
        (a["res_model"], a["res_id"], a["activity_type_id"][0], a["user_id"][0]) for a in activities
    ), notifications


def test_demo_users_have_sensible_activities(login):
    """The demo reporter finds open activities in My Activities, none due in the past."""
    reporter = login("uc_reporter")
    activities = reporter.call(
        "mail.activity", "search_read", [("user_id", "=", reporter.uid)], ["date_deadline", "res_model", "summary"]
    )
    assert activities, "the demo reporter has work waiting"
    today = datetime.date.today()
    assert all(
        datetime.date.fromisoformat(a["date_deadline"]) >= today - datetime.timedelta(days=1) for a in activities
    )
    assert {a["res_model"] for a in activities} == {"union.unit.report"}


def test_crons_twice_change_nothing_the_second_time(login, ref):
    """Running every daily job twice: the second run creates no activity and sends no message."""
    admin = login("admin")
    cron_ids = [ref(xmlid) for xmlid in CRONS]
    for cron_id in cron_ids:
        admin.call("ir.cron", "method_direct_trigger", [cron_id])
    first = _snapshot(admin)
    follow_ups = admin.call(
        "mail.activity",
        "search_count",
        [("res_model", "=", "union.unit"), ("activity_type_id", "=", ref("union_campaign.mail_act_follow_up_overdue"))],
    )
    assert follow_ups >= 1, "the seed plan's units are years late: the officer is asked to follow them up"
    for cron_id in cron_ids:
        admin.call("ir.cron", "method_direct_trigger", [cron_id])
    assert _snapshot(admin) == first
    seed = admin.call("union.campaign", "read", [ref("union_campaign.campaign_43")], ["state"])[0]
    assert seed["state"] == "running", (
        "the 2020-2021 plan's periods are over but reports are outstanding: it stays open"
    )
