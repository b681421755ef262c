# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""2.0: a plan's content item is `union.campaign.item` (it was `union.campaign.activity`, a name that read as
`mail.activity`), and the fields that mean items are `item_id` / `item_ids`.

Renamed in place, before the new code loads, so that every record keeps its id: the items, their report lines,
targets and schedules, and everything that points at them by model name (chatter messages, followers, mail
activities, attachments) stay attached to the same documents.
"""

from openupgradelib import openupgrade

MODELS = [("union.campaign.activity", "union.campaign.item")]
TABLES = [
    ("union_campaign_activity", "union_campaign_item"),
    ("union_campaign_activity_unit_rel", "union_campaign_item_unit_rel"),
    ("union_campaign_activity_coordinator_rel", "union_campaign_item_coordinator_rel"),
    # Many2many tables that had Odoo's default names, now named explicitly.
    ("union_campaign_activity_union_campaign_form_rel", "union_campaign_item_form_rel"),
    ("union_campaign_activity_union_campaign_report_schedule_rel", "union_campaign_report_schedule_item_rel"),
]
COLUMNS = {
    "union_campaign_item_unit_rel": [("activity_id", "item_id")],
    "union_campaign_item_coordinator_rel": [("activity_id", "item_id")],
    "union_campaign_item_form_rel": [("union_campaign_activity_id", "item_id"), ("union_campaign_form_id", "form_id")],
    "union_campaign_report_schedule_item_rel": [
        ("union_campaign_report_schedule_id", "schedule_id"),
        ("union_campaign_activity_id", "item_id"),
    ],
}
FIELDS = [
    ("union.unit.report.line", "union_unit_report_line", "activity_id", "item_id"),
    ("union.campaign.target", "union_campaign_target", "activity_id", "item_id"),
    ("union.campaign", "union_campaign", "campaign_activity_ids", "item_ids"),
    ("union.campaign", "union_campaign", "activity_count", "item_count"),
    ("union.campaign.phase", "union_campaign_phase", "activity_ids", "item_ids"),
    ("union.campaign.phase", "union_campaign_phase", "activity_count", "item_count"),
    ("union.campaign.report.schedule", "union_campaign_report_schedule", "activity_ids", "item_ids"),
]
XMLIDS = [
    (f"union_campaign.{old}", f"union_campaign.{old.replace('union_campaign_activity', 'union_campaign_item')}")
    for old in (
        "union_campaign_activity_view_list",
        "union_campaign_activity_view_form",
        "union_campaign_activity_view_search",
        "union_campaign_activity_view_calendar",
        "union_campaign_activity_view_pivot",
        "union_campaign_activity_view_graph",
        "union_campaign_activity_action",
        "access_union_campaign_activity_user",
        "access_union_campaign_activity_officer",
        "union_campaign_activity_rule_company",
        "union_campaign_activity_rule_reporter",
        "union_campaign_activity_rule_officer",
    )
] + [("union_campaign.menu_union_campaign_activities", "union_campaign.menu_union_campaign_items")]
CONSTRAINTS = [("union_unit_report_line", "union_unit_report_line_report_activity_uniq", "report_item_uniq")]


@openupgrade.migrate()
def migrate(env, version):
    cr = env.cr
    if not openupgrade.table_exists(cr, "union_campaign_activity"):
        return
    openupgrade.rename_models(cr, MODELS)
    openupgrade.rename_tables(cr, [(old, new) for old, new in TABLES if openupgrade.table_exists(cr, old)])
    openupgrade.rename_columns(
        cr, {table: cols for table, cols in COLUMNS.items() if openupgrade.table_exists(cr, table)}
    )
    openupgrade.rename_fields(env, FIELDS)
    openupgrade.rename_xmlids(cr, XMLIDS)
    # The "Federation task" activity type is noupdate data: its model is renamed here, not by the data file.
    openupgrade.logged_query(
        cr, "UPDATE mail_activity_type SET res_model = %s WHERE res_model = %s", [MODELS[0][1], MODELS[0][0]]
    )
    for table, old, new in CONSTRAINTS:
        new_name = f"{table}_{new}"
        openupgrade.logged_query(cr, f'ALTER TABLE "{table}" RENAME CONSTRAINT "{old}" TO "{new_name}"')
        openupgrade.logged_query(cr, "UPDATE ir_model_constraint SET name = %s WHERE name = %s", [new_name, old])
