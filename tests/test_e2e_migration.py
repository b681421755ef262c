# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Upgrading a database of version 1.0 (content items named `union.campaign.activity`) to 2.0 (`union.campaign.item`).

Version 1.0 of the addon, taken from the git history, is installed with its demo data in a database of its own;
the chatter, followers, mail activities and attachments of some items are added through the 1.0 code; then the
current code upgrades the database (migrations/18.0.2.0.0). Every item, report line, target, schedule link and
every message, follower, activity and attachment must still be attached to the same document, and the current
code must read them through the ORM.
"""

import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import psycopg2
import pytest
from odoo_inprocess import odoo_command

ROOT = Path(__file__).resolve().parent.parent
# The last commit of version 1.0 (before the rename of content items).
MIGRATION_FROM = "16ed629"

ADD_CHATTER = """
items = env["union.campaign.activity"].search([], order="id", limit=3)
for item in items:
    item.message_post(body="Ghi chú trước khi nâng cấp", message_type="comment")
    env["ir.attachment"].create(
        {"name": "bien-ban.txt", "raw": b"bien ban", "res_model": item._name, "res_id": item.id}
    )
    item.message_subscribe(partner_ids=env.ref("base.partner_admin").ids)
    admin = env.ref("base.user_admin")
    item.activity_schedule("mail.mail_activity_data_todo", summary="Việc cần làm", user_id=admin.id)
env.cr.commit()
"""

READ_BACK = """
import json
items = env["union.campaign.item"].search([], order="id")
lines = env["union.unit.report.line"].search([], order="id")
print("RESULT" + json.dumps({
    "items": {item.id: [item.name, item.phase_id.id, sorted(item.unit_ids.ids), sorted(item.form_ids.ids)]
              for item in items},
    "messages": {item.id: sorted(env["mail.message"].search(
        [("model", "=", item._name), ("res_id", "=", item.id)]).ids) for item in items},
    "activities": {item.id: sorted(item.activity_ids.ids) for item in items},
    "followers": {item.id: sorted(item.message_partner_ids.ids) for item in items},
    "attachments": {item.id: sorted(env["ir.attachment"].search(
        [("res_model", "=", item._name), ("res_id", "=", item.id)]).ids) for item in items},
    "lines": {line.id: line.item_id.id for line in lines},
    "targets": {target.id: target.item_id.id or None for target in env["union.campaign.target"].search([])},
    "schedules": {s.id: sorted(s.item_ids.ids) for s in env["union.campaign.report.schedule"].search([])},
    "task_type": env.ref("union_campaign.mail_act_federation_task").res_model,
}))
"""


def _options(command):
    """The database options of the odoo-bin command `make test` prepared, as psycopg2 keywords."""
    names = {"--db_host": "host", "--db_port": "port", "--db_user": "user"}
    return {names[part]: command[i + 1] for i, part in enumerate(command) if part in names}


def _command(addons_root, dbname):
    """The odoo-bin command of `make test`, on another database and with the addon taken from `addons_root`."""
    command = list(odoo_command())
    paths = command[command.index("--addons-path") + 1].split(",")
    command[command.index("--addons-path") + 1] = ",".join(str(addons_root) if p == str(ROOT) else p for p in paths)
    command[command.index("-d") + 1] = dbname
    command[command.index("--db-filter") + 1] = f"^{dbname}$"
    return command


def _run(command, *extra, stdin=None):
    result = subprocess.run([*command, *extra], input=stdin, capture_output=True, text=True, timeout=1800, check=False)
    if result.returncode:
        pytest.fail(
            f"{' '.join(extra)} failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    errors = [line for line in result.stderr.splitlines() if " ERROR " in line or " CRITICAL " in line]
    assert not errors, "\n".join(errors[:10])
    return result.stdout


def _shell(command, script):
    """Run `script` in `odoo-bin shell` (the sub-command goes right after odoo-bin)."""
    position = next(i for i, part in enumerate(command) if part.endswith("odoo-bin")) + 1
    return _run([*command[:position], "shell", *command[position:]], "--no-http", "--log-level", "warn", stdin=script)


def _rows(conn, query):
    with conn.cursor() as cr:
        cr.execute(query)
        return sorted(cr.fetchall())


@pytest.fixture
def old_addon(tmp_path):
    """Version 1.0 of the addon, out of the git history (the test cannot run without it: it says so)."""
    archive = tmp_path / "old.tar"
    try:
        subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--output", str(archive), MIGRATION_FROM, "union_campaign"],
            check=True,
            capture_output=True,
        )
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.fail(
            f"The migration test needs version 1.0 of the addon from the git history (commit {MIGRATION_FROM}), "
            f"which this checkout does not have: {error}. Clone the repository with its history.",
            pytrace=False,
        )
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "old", filter="data")
    return tmp_path / "old"


@pytest.fixture
def database():
    command = odoo_command()
    dbname = f"uc_migration_{os.getpid()}"
    conn = psycopg2.connect(dbname="postgres", **_options(command))
    conn.autocommit = True

    def drop():
        with conn.cursor() as cr:
            cr.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')

    drop()
    yield dbname, _options(command)
    drop()
    conn.close()
    data_dir = command[command.index("--data-dir") + 1] if "--data-dir" in command else None
    if data_dir:
        shutil.rmtree(Path(data_dir) / "filestore" / dbname, ignore_errors=True)


def test_upgrade_from_1_0_keeps_every_item_and_what_is_attached_to_it(old_addon, database):
    """Items, their report lines, targets, schedules, chatter, followers, activities and attachments survive the
    rename of union.campaign.activity to union.campaign.item, record for record."""
    dbname, options = database
    old = _command(old_addon, dbname)
    _run(old, "-i", "union_campaign", "--stop-after-init", "--log-level", "warn", "--max-cron-threads", "0")
    _shell(old, ADD_CHATTER)
    conn = psycopg2.connect(dbname=dbname, **options)
    before = {
        "items": _rows(conn, "SELECT id, name, phase_id FROM union_campaign_activity"),
        "lines": _rows(conn, "SELECT id, activity_id FROM union_unit_report_line"),
        "targets": _rows(conn, "SELECT id, activity_id FROM union_campaign_target"),
        "schedules": _rows(
            conn,
            "SELECT union_campaign_report_schedule_id, union_campaign_activity_id "
            "FROM union_campaign_activity_union_campaign_report_schedule_rel",
        ),
        "messages": _rows(conn, "SELECT id, res_id FROM mail_message WHERE model = 'union.campaign.activity'"),
        "activities": _rows(conn, "SELECT id, res_id FROM mail_activity WHERE res_model = 'union.campaign.activity'"),
        "followers": _rows(
            conn, "SELECT res_id, partner_id FROM mail_followers WHERE res_model = 'union.campaign.activity'"
        ),
        "attachments": _rows(conn, "SELECT id, res_id FROM ir_attachment WHERE res_model = 'union.campaign.activity'"),
    }
    conn.close()
    assert before["items"] and before["lines"] and before["targets"] and before["schedules"]
    assert len(before["messages"]) >= 3 and len(before["activities"]) >= 3 and len(before["attachments"]) >= 3

    new = _command(ROOT, dbname)
    _run(new, "-u", "union_campaign", "--stop-after-init", "--log-level", "warn", "--max-cron-threads", "0")

    conn = psycopg2.connect(dbname=dbname, **options)
    # Compared record for record on what existed before: the upgrade also loads the demo data of newer versions
    # (the three-level chain, say), whose items and reports are new records.
    ids = {key: tuple(row[0] for row in rows) for key, rows in before.items()}
    old_items = ids["items"]
    after = {
        "items": ("SELECT id, name, phase_id FROM union_campaign_item WHERE id IN %s", old_items),
        "lines": ("SELECT id, item_id FROM union_unit_report_line WHERE id IN %s", ids["lines"]),
        "targets": ("SELECT id, item_id FROM union_campaign_target WHERE id IN %s", ids["targets"]),
        "schedules": (
            "SELECT schedule_id, item_id FROM union_campaign_report_schedule_item_rel WHERE item_id IN %s",
            old_items,
        ),
        "messages": (
            "SELECT id, res_id FROM mail_message WHERE model = 'union.campaign.item' AND id IN %s",
            ids["messages"],
        ),
        "activities": (
            "SELECT id, res_id FROM mail_activity WHERE res_model = 'union.campaign.item' AND id IN %s",
            ids["activities"],
        ),
        "followers": (
            "SELECT res_id, partner_id FROM mail_followers WHERE res_model = 'union.campaign.item' AND res_id IN %s",
            old_items,
        ),
        "attachments": (
            "SELECT id, res_id FROM ir_attachment WHERE res_model = 'union.campaign.item' AND id IN %s",
            ids["attachments"],
        ),
    }
    for key, (query, params) in after.items():
        with conn.cursor() as cr:
            cr.execute(query, [params])
            assert sorted(cr.fetchall()) == before[key], key
    for table in ("mail_message", "mail_activity", "mail_followers", "ir_attachment", "ir_model", "ir_model_fields"):
        column = {"mail_message": "model", "ir_model": "model", "ir_model_fields": "model"}.get(table, "res_model")
        assert not _rows(conn, f"SELECT id FROM {table} WHERE {column} = 'union.campaign.activity'"), table  # noqa: S608
    assert _rows(conn, "SELECT to_regclass('union_campaign_activity')") == [(None,)]
    conn.close()

    # The current code reads it all through the ORM.
    output = _shell(new, READ_BACK)
    result = json.loads(output.split("RESULT", 1)[1].strip().splitlines()[0])
    assert [int(i) for i in result["items"] if int(i) in old_items] == [row[0] for row in before["items"]]
    assert {int(k): v for k, v in result["lines"].items() if int(k) in ids["lines"]} == dict(before["lines"])
    assert {int(k): v for k, v in result["targets"].items() if int(k) in ids["targets"]} == dict(before["targets"])
    messages = {int(k): v for k, v in result["messages"].items()}
    for message_id, res_id in before["messages"]:
        assert message_id in messages[res_id]
    activities = {int(k): v for k, v in result["activities"].items()}
    for activity_id, res_id in before["activities"]:
        assert activity_id in activities[res_id]
    attachments = {int(k): v for k, v in result["attachments"].items()}
    for attachment_id, res_id in before["attachments"]:
        assert attachment_id in attachments[res_id]
    assert result["task_type"] == "union.campaign.item"
