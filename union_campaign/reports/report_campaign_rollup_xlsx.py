# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.tools import SQL

from ..models.union_workflow_mixin import OPEN_STATES
from ..tools import local_today
from .union_campaign_xlsx_mixin import CELL

# Column widths, in characters.
LEVEL_WIDTHS = (48, 30, 12, 14, 10, 14, 16, 18)
DETAIL_WIDTHS = (36, 36, 40, 14, 8, 12, 12, 16, 10)
# Rows read from the database at a time: the sheet is written as the rows come (xlsxwriter's constant memory).
BATCH = 2000


class CampaignRollupXlsx(models.AbstractModel):
    """The results of a chain of plans across its levels as a spreadsheet, written in constant memory: per item
    and level (each level's own work, so the totals add up), then every unit's line with its report's state, late
    and missing reports highlighted. What the user may read of the chain (record rules) is what it holds."""

    _name = "report.union_campaign.campaign_rollup_xlsx"
    _inherit = ["report.report_xlsx.abstract", "union.campaign.xlsx.mixin"]
    _description = "Results Across Levels (XLSX)"

    def get_workbook_options(self):
        # Rows go to disk as they are written: a province of ten thousand units in constant memory.
        return {"constant_memory": True}

    def generate_xlsx_report(self, workbook, data, objs):
        formats = self._get_formats(workbook)
        for plan in objs:
            top = plan.root_campaign_id
            report = self.with_context(lang=top.issuing_unit_id._get_document_lang())
            prefix = f"{report._sheet_safe(top.reference or '', limit=12)} " if len(objs) > 1 else ""
            report._write_levels(workbook, formats, top, prefix)
            report._write_lines(workbook, formats, top, prefix)

    def _get_formats(self, workbook):
        formats = super()._get_formats(workbook)
        formats["percent"] = workbook.add_format(dict(CELL, num_format="0.0%"))
        return formats

    def _write_levels(self, workbook, formats, top, prefix):
        """Per item of the top plan and level: the units' lines, how many did it, their own figures."""
        sheet = workbook.add_worksheet(prefix + self.env._("By Level"))
        for col, width in enumerate(LEVEL_WIDTHS):
            sheet.set_column(col, col, width)
        sheet.write(0, 0, self.env._("Results across levels: %(plan)s", plan=top.display_name), formats["title"])
        headers = (
            self.env._("Item"),
            self.env._("Level"),
            self.env._("Units Reporting"),
            self.env._("Units That Did It"),
            self.env._("Share"),
            self.env._("Achieved"),
            self.env._("Participants"),
            self.env._("Amount (đồng)"),
        )
        for col, header in enumerate(headers):
            sheet.write(2, col, header, formats["header"])
        row = 3
        for line in top.get_rollup():
            sheet.write(row, 0, line["item"], formats["text"])
            sheet.write(row, 1, line["level"], formats["text"])
            sheet.write_number(row, 2, line["lines"], formats["int"])
            sheet.write_number(row, 3, line["done"], formats["int"])
            sheet.write_number(row, 4, line["share"] / 100, formats["percent"])
            for col, key in enumerate(("qty", "participants"), start=5):
                sheet.write_number(row, col, line[key], formats["int"])
            sheet.write_number(row, 7, line["amount"], formats["int"])
            row += 1

    def _write_lines(self, workbook, formats, top, prefix):
        """Every line of every report of the chain the user may read, level by level, unit by unit."""
        sheet = workbook.add_worksheet(prefix + self.env._("Units"))
        for col, width in enumerate(DETAIL_WIDTHS):
            sheet.set_column(col, col, width)
        headers = (
            self.env._("Asked By"),
            self.env._("Unit"),
            self.env._("Item"),
            self.env._("State"),
            self.env._("Done"),
            self.env._("Achieved"),
            self.env._("Participants"),
            self.env._("Amount (đồng)"),
            self.env._("Days Late"),
        )
        for col, header in enumerate(headers):
            sheet.write(0, col, header, formats["header"])
        sheet.freeze_panes(1, 0)
        states = dict(self.env["union.unit.report"]._fields["state"]._description_selection(self.env))
        today = local_today(self.env)
        row = 1
        for values in self._iter_lines(top):
            level, unit, item, state, deadline, days_late, done, qty, participants, amount = values
            if state in OPEN_STATES and deadline and deadline < today:
                days_late = (today - deadline).days
            style = formats["missing"] if state in (*OPEN_STATES, "not_submitted") and days_late else None
            style = style or (formats["late"] if days_late else formats["text"])
            sheet.write(row, 0, level, style)
            sheet.write(row, 1, unit, style)
            sheet.write(row, 2, item, style)
            sheet.write(row, 3, states.get(state, state), style)
            sheet.write_number(row, 4, 1 if done else 0, formats["int"])
            sheet.write_number(row, 5, qty or 0, formats["int"])
            sheet.write_number(row, 6, participants or 0, formats["int"])
            sheet.write_number(row, 7, amount or 0, formats["int"])
            sheet.write_number(row, 8, days_late or 0, formats["int"])
            row += 1

    def _iter_lines(self, top):
        """Yield the chain's lines the user may read (record rules applied), in batches from a server-side cursor:
        (level, unit, item, state, deadline, submitted days late, done, own quantity, own participants, own
        amount)."""
        Line = self.env["union.unit.report.line"]
        Line.check_access("read")
        query = Line._search([("root_campaign_id", "=", top.id), ("report_id.state", "!=", "cancelled")])
        table = Line._table
        report = query.join(table, "report_id", "union_unit_report", "id", "report_id")
        plan = query.join(report, "campaign_id", "union_campaign", "id", "campaign_id")
        level = query.join(plan, "issuing_unit_id", "union_unit", "id", "issuing_unit_id")
        unit = query.join(report, "unit_id", "union_unit", "id", "unit_id")
        line_item = query.join(table, "item_id", "union_campaign_item", "id", "item_id")
        item = query.join(line_item, "root_item_id", "union_campaign_item", "id", "root_item_id")
        query.order = SQL(
            "%s, %s, %s", SQL.identifier(level, "name"), SQL.identifier(unit, "name"), SQL.identifier(item, "sequence")
        )
        select = query.select(
            SQL.identifier(level, "name"),
            SQL.identifier(unit, "name"),
            SQL.identifier(item, "name"),
            SQL.identifier(report, "state"),
            SQL.identifier(report, "date_deadline"),
            SQL.identifier(report, "submitted_days_late"),
            SQL.identifier(table, "is_done"),
            # Each line's own work: its figures less the units' part a fill added up (no unit counted twice).
            SQL.identifier(table, "own_qty_done"),
            SQL.identifier(table, "own_participant_count"),
            SQL.identifier(table, "own_amount"),
        )
        self.env.flush_all()
        connection = getattr(self.env.cr, "_cnx", None)
        if connection is None:  # a test cursor: no connection of its own to open a server-side cursor on
            self.env.cr.execute(select)
            while rows := self.env.cr.fetchmany(BATCH):
                yield from rows
            return
        # A named (server-side) cursor in the same transaction: the rows stream, never all in memory at once.
        with connection.cursor(name=f"union_rollup_{top.id}") as cursor:
            cursor.itersize = BATCH
            cursor.execute(select.code, select.params)
            yield from cursor
