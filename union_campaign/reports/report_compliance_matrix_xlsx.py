# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from .union_campaign_xlsx_mixin import CELL

# Cell colours of the matrix, as on screen (static/src/compliance_matrix/compliance_matrix.scss).
STATE_COLORS = {
    "not_started": ("#E9ECEF", "#495057"),
    "draft": ("#CFF4FC", "#212529"),
    "submitted": ("#0DCAF0", "#FFFFFF"),
    "approved": ("#198754", "#FFFFFF"),
    "returned": ("#FFC107", "#212529"),
    "late": ("#DC3545", "#FFFFFF"),
    "not_submitted": ("#DC3545", "#FFFFFF"),
    "cancelled": ("#CED4DA", "#495057"),
    "none": ("#FFFFFF", "#ADB5BD"),
}


# Levels below the plan indented in the sheet, up to this depth (deeper ones stay at it).
MAX_INDENT = 4


class ComplianceMatrixXlsx(models.AbstractModel):
    """The compliance matrix of a plan (units down, the reports asked across) as a spreadsheet."""

    _name = "report.union_campaign.compliance_matrix_xlsx"
    _inherit = ["report.report_xlsx.abstract", "union.campaign.xlsx.mixin"]
    _description = "Compliance Matrix (XLSX)"

    def generate_xlsx_report(self, workbook, data, objs):
        unit_type = int((data or {}).get("unit_type_id") or 0) or False
        formats = self._get_formats(workbook)
        for campaign in objs:
            lang = campaign.issuing_unit_id._get_document_lang()
            matrix = campaign.with_context(lang=lang).get_compliance_matrix(unit_type_id=unit_type)
            prefix = f"{self._sheet_safe(campaign.reference or str(campaign.id))} " if len(objs) > 1 else ""
            self.with_context(lang=lang)._write_matrix(workbook, formats, matrix, unit_type, prefix)
            # A plan implemented below: the matrix of every level under it on a sheet of its own.
            levels = campaign.with_context(lang=lang).get_compliance_matrix_levels(unit_type_id=unit_type)
            if len(levels["blocks"]) > 1:
                self.with_context(lang=lang)._write_levels(workbook, formats, levels, unit_type, prefix)

    def _get_formats(self, workbook):
        formats = super()._get_formats(workbook)
        for state, (background, color) in STATE_COLORS.items():
            formats[f"state_{state}"] = workbook.add_format(
                dict(CELL, bg_color=background, font_color=color, align="center")
            )
        # Each level down the chain indented one step more, its plan's heading in bold.
        for depth in range(MAX_INDENT + 1):
            formats[f"unit_{depth}"] = workbook.add_format(dict(CELL, text_wrap=True, indent=depth))
            formats[f"level_{depth}"] = workbook.add_format(
                {"bold": True, "indent": depth, "bg_color": "#F2F2F2", "border": 1}
            )
        return formats

    def _write_matrix(self, workbook, formats, matrix, unit_type=False, prefix=""):
        """One row per unit; for each report asked (column), the state of the unit's report and its days late."""
        sheet = workbook.add_worksheet(prefix + self.env._("Compliance Matrix"))
        columns = matrix["columns"]
        sheet.set_column(0, 0, 44)
        sheet.set_column(1, 1, 16)
        sheet.set_column(2, 1 + 2 * len(columns), 14)
        sheet.write_string(
            0, 0, self.env._("Compliance matrix: %(plan)s", plan=matrix["campaign"]["name"]), formats["title"]
        )
        type_label = dict(matrix["unit_types"]).get(unit_type)
        sheet.write_string(
            1,
            0,
            self.env._("Unit type: %(type)s", type=type_label) if type_label else self.env._("All units"),
            formats["subtitle"],
        )
        header_row = 3
        sheet.write_string(header_row, 0, self.env._("Unit"), formats["header"])
        sheet.write_string(header_row, 1, self.env._("Unit type"), formats["header"])
        for index, column in enumerate(columns):
            col = 2 + 2 * index
            deadline = column["deadline"] and self.env._(
                "deadline %(date)s", date=self._format_deadline(column["deadline"])
            )
            title = f"{column['name']} ({deadline})" if deadline else column["name"]
            sheet.write_string(header_row, col, title, formats["header"])
            sheet.write_string(header_row, col + 1, self.env._("Days late"), formats["header"])
        sheet.set_row(header_row, 60)
        row = header_row + 1
        totals = {}
        for matrix_row in matrix["rows"]:
            sheet.write_string(row, 0, matrix_row["unit"], formats["text"])
            sheet.write_string(row, 1, matrix_row["unit_type_label"], formats["text"])
            self._write_cells(sheet, row, 2, matrix_row["cells"], formats=formats, totals=totals)
            row += 1
        last_row = max(row - 1, header_row)
        sheet.freeze_panes(header_row + 1, 1)
        sheet.autofilter(header_row, 0, last_row, 1 + 2 * len(columns))
        # The legend: how many cells are in each state, as the client action shows above the matrix.
        row += 1
        for state, label in matrix["states"]:
            sheet.write_string(row, 0, label, formats.get(f"state_{state}", formats["text"]))
            sheet.write_number(row, 1, totals.get(state, 0), formats["total_int"])
            row += 1
        return sheet

    def _write_levels(self, workbook, formats, levels, unit_type=False, prefix=""):
        """The matrix across levels: for the plan, then for each plan implementing it below (depth first), a heading
        naming its level, its number and the plan it implements, its own reports across, its units down (indented
        by level, each with its level), late and missing cells in red."""
        sheet = workbook.add_worksheet(prefix + self.env._("Across Levels"))
        width = 2 * max(len(block["columns"]) for block in levels["blocks"])
        sheet.set_column(0, 0, 48)
        sheet.set_column(1, 2, 18)
        sheet.set_column(3, 2 + width, 14)
        sheet.write_string(
            0,
            0,
            self.env._("Compliance matrix across levels: %(plan)s", plan=levels["campaign"]["name"]),
            formats["title"],
        )
        type_label = dict(levels["unit_types"]).get(unit_type)
        sheet.write_string(
            1,
            0,
            self.env._("Unit type: %(type)s", type=type_label) if type_label else self.env._("All units"),
            formats["subtitle"],
        )
        row, totals = 3, {}
        for block in levels["blocks"]:
            depth = min(block["depth"], MAX_INDENT)
            if block["depth"]:
                heading = self.env._(
                    "Level %(depth)s: %(plan)s of %(union)s (%(level)s), implementing %(upper)s",
                    depth=block["depth"],
                    plan=block["campaign"]["name"],
                    union=block["issuing_unit"],
                    level=block["issuing_level"],
                    upper=block["parent_reference"],
                )
            else:
                heading = self.env._("This plan: %(plan)s", plan=block["campaign"]["name"])
            sheet.write_string(row, 0, heading, formats[f"level_{depth}"])
            row += 1
            sheet.write_string(row, 0, self.env._("Unit"), formats["header"])
            sheet.write_string(row, 1, self.env._("Level"), formats["header"])
            sheet.write_string(row, 2, self.env._("Unit type"), formats["header"])
            for index, column in enumerate(block["columns"]):
                col = 3 + 2 * index
                deadline = column["deadline"] and self.env._(
                    "deadline %(date)s", date=self._format_deadline(column["deadline"])
                )
                title = f"{column['name']} ({deadline})" if deadline else column["name"]
                sheet.write_string(row, col, title, formats["header"])
                sheet.write_string(row, col + 1, self.env._("Days late"), formats["header"])
            row += 1
            for matrix_row in block["rows"]:
                sheet.write_string(row, 0, matrix_row["unit"], formats[f"unit_{depth}"])
                sheet.write_string(row, 1, matrix_row["level"], formats["text"])
                sheet.write_string(row, 2, matrix_row["unit_type_label"], formats["text"])
                self._write_cells(sheet, row, 3, matrix_row["cells"], formats=formats, totals=totals)
                row += 1
            row += 1
        sheet.freeze_panes(3, 1)
        for state, label in levels["states"]:
            sheet.write_string(row, 0, label, formats.get(f"state_{state}", formats["text"]))
            sheet.write_number(row, 1, totals.get(state, 0), formats["total_int"])
            row += 1
        return sheet

    def _format_deadline(self, value):
        """The matrix gives its deadlines as ISO strings; the sheet shows them as dd/mm/yyyy."""
        year, month, day = value.split("-")
        return f"{day}/{month}/{year}"

    def _write_cells(self, sheet, row, first_col, cells, *, formats, totals):
        """Write a unit's row of rounds from `first_col`: each round's state (its colour) and days late; count the
        states in `totals`."""
        for index, cell in enumerate(cells):
            col = first_col + 2 * index
            sheet.write_string(row, col, cell["label"], formats.get(f"state_{cell['state']}", formats["text"]))
            sheet.write_number(row, col + 1, cell["days_late"], formats["int"])
            totals[cell["state"]] = totals.get(cell["state"], 0) + 1
