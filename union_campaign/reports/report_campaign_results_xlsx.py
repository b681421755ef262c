# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from .union_campaign_xlsx_mixin import CELL

# Column widths, in characters.
SUMMARY_WIDTHS = (50, 14, 26, 10, 10, 10, 13, 12, 13)
UNIT_WIDTHS = (42, 26, 14, 14, 17, 10, 24)
ITEM_WIDTHS = (8, 10, 12, 12)
LEVEL_WIDTHS = (50, 30, 12, 12, 10, 24, 12, 12, 16)


class CampaignResultsXlsx(models.AbstractModel):
    """Consolidated results of a plan as a spreadsheet: a summary sheet, then one sheet per report asked (a
    period, a quarter, the final report...)."""

    _name = "report.union_campaign.campaign_results_xlsx"
    _inherit = ["report.report_xlsx.abstract", "union.campaign.xlsx.mixin"]
    _description = "Consolidated Results of a Plan (XLSX)"

    def generate_xlsx_report(self, workbook, data, objs):
        results = self.env["report.union_campaign.report_campaign_results"]._get_results_values(
            objs, {campaign: [("campaign_id", "=", campaign.id)] for campaign in objs}
        )
        formats = self._get_formats(workbook)
        prefixes = set()
        for campaign in objs:
            report = self.with_context(lang=results["doc_langs"][campaign.id])
            # Several plans in one file: their sheets are told apart by the plan's number (made unique).
            prefix = ""
            if len(objs) > 1:
                base = self._sheet_safe(campaign.reference or "", limit=12) or str(campaign.id)
                prefix, number = base, 2
                while prefix in prefixes:
                    prefix, number = f"{base[:16]}~{number}", number + 1
                prefixes.add(prefix)
                prefix += " "
            document = results["documents"][campaign.id]
            report._write_summary(workbook, formats, document, prefix)
            for number, round_results in enumerate(document["rounds"], start=1):
                report._write_round(workbook, formats, round_results, number=number, prefix=prefix)
            if document["levels"]:
                report._write_levels(workbook, formats, document, prefix)

    def _get_formats(self, workbook):
        formats = super()._get_formats(workbook)
        total = dict(CELL, bold=True, bg_color="#F2F2F2")
        formats.update(
            {
                "note": workbook.add_format({"italic": True, "text_wrap": True, "valign": "top"}),
                "dec": workbook.add_format(dict(CELL, num_format="#,##0.00")),
                "date": workbook.add_format(dict(CELL, num_format="dd/mm/yyyy")),
                "datetime": workbook.add_format(dict(CELL, num_format="dd/mm/yyyy hh:mm")),
                "percent": workbook.add_format(dict(CELL, num_format="0%")),
                "share": workbook.add_format(dict(CELL, num_format="0.0%")),
                # 1 shows a tick, 0 a dash: the column still adds up to the number of units that did the item.
                "done": workbook.add_format(dict(CELL, num_format='"✓";"✓";"–"', align="center")),
                "total_dec": workbook.add_format(dict(total, num_format="#,##0.00")),
                "total_percent": workbook.add_format(dict(total, num_format="0%")),
                "on_time": workbook.add_format(dict(CELL, bg_color="#C6EFCE", font_color="#006100")),
            }
        )
        return formats

    def _set_print_layout(self, sheet, header_row, first_header_row=None):
        """Printed: A4 landscape, one page wide, the header rows repeated on every page."""
        sheet.set_paper(9)
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(header_row if first_header_row is None else first_header_row, header_row)

    def _write_qty(self, sheet, row, col, value, *, formats, total=False):
        integral = float(value).is_integer()
        key = ("total_" if total else "") + ("int" if integral else "dec")
        sheet.write_number(row, col, value, formats[key])

    def _write_summary(self, workbook, formats, document, prefix=""):
        """The counts of units on time, late and not reported, per phase and group of units."""
        campaign = document["campaign"]
        sheet = workbook.add_worksheet(prefix + self.env._("Overview"))
        for col, width in enumerate(SUMMARY_WIDTHS):
            sheet.set_column(col, col, width)
        last_col = len(SUMMARY_WIDTHS) - 1
        sheet.merge_range(0, 0, 0, last_col, "", formats["title"])
        sheet.write_string(
            0, 0, self.env._("Consolidated results: %(plan)s", plan=campaign.display_name), formats["title"]
        )
        sheet.write_string(1, 0, f"{document['subject']}. {document['as_of']}", formats["subtitle"])
        sheet.merge_range(2, 0, 2, last_col, "", formats["note"])
        sheet.write_string(2, 0, " ".join(document["definitions"]), formats["note"])
        sheet.set_row(2, 48)
        headers = [
            self.env._("Phase"),
            self.env._("Report deadline"),
            self.env._("Group of units"),
            self.env._("Number of units"),
            self.env._("On time"),
            self.env._("Late"),
            self.env._("Not reported"),
            self.env._("Reported"),
            self.env._("Reporting rate"),
        ]
        header_row = 4
        for col, header in enumerate(headers):
            sheet.write_string(header_row, col, header, formats["header"])
        row = header_row + 1
        for number, round_results in enumerate(document["rounds"], start=1):
            title = f"{number}. {round_results['title']}"
            lines = [(counts, False) for counts in round_results["types"]]
            lines.append((dict(round_results["total"], label=self.env._("Total")), True))
            for counts, total in lines:
                text = formats["total_text" if total else "text"]
                sheet.write_string(row, 0, title, text)
                if round_results["date_deadline"]:
                    sheet.write_datetime(row, 1, round_results["date_deadline"], formats["date"])
                else:
                    sheet.write_blank(row, 1, None, formats["date"])
                sheet.write_string(row, 2, counts["label"], text)
                for col, key in enumerate(("expected", "on_time", "late", "missing", "reported"), start=3):
                    sheet.write_number(row, col, counts[key], formats["total_int" if total else "int"])
                sheet.write_number(row, 8, counts["rate"], formats["total_percent" if total else "percent"])
                row += 1
        sheet.freeze_panes(header_row + 1, 0)
        sheet.autofilter(header_row, 0, max(row - 1, header_row), last_col)
        self._set_print_layout(sheet, header_row)
        return sheet

    def _write_levels(self, workbook, formats, document, prefix=""):
        """The results of the levels below the plan: per item of the top plan, one row per level with its units
        done out of those asked and its own figures; a level that has approved nothing yet in red."""
        sheet = workbook.add_worksheet(prefix + self.env._("Across Levels"))
        for col, width in enumerate(LEVEL_WIDTHS):
            sheet.set_column(col, col, width)
        sheet.write_string(
            0,
            0,
            self.env._("Results across the levels below: %(plan)s", plan=document["campaign"].display_name),
            formats["title"],
        )
        sheet.write_string(1, 0, " ".join(document["level_definitions"]), formats["subtitle"])
        headers = [
            self.env._("Content item"),
            self.env._("Level"),
            self.env._("Units done"),
            self.env._("Units asked"),
            self.env._("Share"),
            self.env._("Units done (share)"),
            self.env._("Quantity"),
            self.env._("Participants"),
            self.env._("Amount (đồng)"),
        ]
        header_row = 3
        for col, header in enumerate(headers):
            sheet.write_string(header_row, col, header, formats["header"])
        row = header_row + 1
        for item in document["levels"]:
            for level in item["levels"]:
                text = formats["missing" if level["missing"] else "text"]
                sheet.write_string(row, 0, item["item"], text)
                sheet.write_string(row, 1, level["level"], text)
                sheet.write_number(row, 2, level["done"], formats["int"])
                sheet.write_number(row, 3, level["asked"], formats["int"])
                sheet.write_number(row, 4, level["done"] / level["asked"] if level["asked"] else 0, formats["share"])
                sheet.write_string(row, 5, level["done_text"], text)
                self._write_qty(sheet, row, 6, level["qty"], formats=formats)
                sheet.write_number(row, 7, level["participants"], formats["int"])
                sheet.write_number(row, 8, level["amount"], formats["int"])
                row += 1
        sheet.freeze_panes(header_row + 1, 0)
        sheet.autofilter(header_row, 0, max(row - 1, header_row), len(headers) - 1)
        self._set_print_layout(sheet, header_row)
        return sheet

    def _write_round(self, workbook, formats, round_results, *, number, prefix=""):
        """One row per unit: its result, when it reported, who reviews it, and what it did for each item."""
        room = 31 - len(prefix)
        label = self._sheet_safe(round_results["label"] or "", limit=room) or self.env._(
            "Report %(number)s", number=number
        )
        name = prefix + label
        if name in workbook.sheetnames:
            name = prefix + self.env._("Report %(number)s", number=number)
        sheet = workbook.add_worksheet(name)
        for col, width in enumerate(UNIT_WIDTHS):
            sheet.set_column(col, col, width)
        first_item_col = len(UNIT_WIDTHS)
        items = round_results["items"]
        for index in range(len(items)):
            for offset, width in enumerate(ITEM_WIDTHS):
                col = first_item_col + index * len(ITEM_WIDTHS) + offset
                sheet.set_column(col, col, width)
        last_col = first_item_col + len(items) * len(ITEM_WIDTHS) - 1
        sheet.write_string(0, 0, f"{number}. {round_results['title']}", formats["title"])
        sheet.write_string(
            1,
            0,
            self.env._(
                "Report deadline: %(deadline)s. Quantities count the reports submitted or approved only.",
                deadline=round_results["deadline"],
            ),
            formats["subtitle"],
        )
        group_row, header_row = 2, 3
        headers = [
            self.env._("Unit"),
            self.env._("Group of units"),
            self.env._("Result"),
            self.env._("Report state"),
            self.env._("Submitted on"),
            self.env._("Days late"),
            self.env._("Reviewer"),
        ]
        for col, header in enumerate(headers):
            sheet.write_blank(group_row, col, None, formats["header"])
            sheet.write_string(header_row, col, header, formats["header"])
        item_headers = [
            self.env._("Carried out"),
            self.env._("Quantity"),
            self.env._("Participants"),
            self.env._("Online posts"),
        ]
        for index, item in enumerate(items):
            col = first_item_col + index * len(ITEM_WIDTHS)
            sheet.merge_range(group_row, col, group_row, col + len(ITEM_WIDTHS) - 1, "", formats["header"])
            sheet.write_string(group_row, col, item["activity"].name, formats["header"])
            for offset, header in enumerate(item_headers):
                sheet.write_string(header_row, col + offset, header, formats["header"])
        sheet.set_row(group_row, 45)
        sheet.set_row(header_row, 30)
        row = header_row + 1
        for unit_row in round_results["rows"]:
            self._write_unit_row(sheet, row, unit_row, items=items, formats=formats)
            row += 1
        last_row = max(row - 1, header_row)
        # Totals: written as numbers, not formulas, so that any reader gets the figures.
        sheet.write_string(row, 0, self.env._("Total"), formats["total_text"])
        counts = round_results["total"]
        sheet.merge_range(row, 1, row, first_item_col - 1, "", formats["total_text"])
        sheet.write_string(
            row,
            1,
            self.env._(
                "%(on_time)s on time, %(late)s late, %(missing)s not reported",
                on_time=counts["on_time"],
                late=counts["late"],
                missing=counts["missing"],
            ),
            formats["total_text"],
        )
        for index, item in enumerate(items):
            col = first_item_col + index * len(ITEM_WIDTHS)
            sheet.write_number(row, col, item["done"], formats["total_int"])
            self._write_qty(sheet, row, col + 1, item["qty"], formats=formats, total=True)
            sheet.write_number(row, col + 2, item["participants"], formats["total_int"])
            sheet.write_number(row, col + 3, item["links"], formats["total_int"])
        sheet.freeze_panes(header_row + 1, 1)
        sheet.autofilter(header_row, 0, last_row, max(last_col, first_item_col - 1))
        self._set_print_layout(sheet, header_row, group_row)
        return sheet

    def _write_unit_row(self, sheet, row, unit_row, *, items, formats):
        unit_type = unit_row["unit_type"]
        sheet.write_string(row, 0, unit_row["unit"].name, formats["text"])
        sheet.write_string(row, 1, unit_type.group_label or unit_type.name or "", formats["text"])
        sheet.write_string(row, 2, unit_row["category_label"], formats[unit_row["category"]])
        sheet.write_string(row, 3, unit_row["state_label"], formats["text"])
        if unit_row["submitted"]:
            sheet.write_datetime(row, 4, unit_row["submitted"], formats["datetime"])
        else:
            sheet.write_blank(row, 4, None, formats["text"])
        sheet.write_number(row, 5, unit_row["days_late"], formats["int"])
        sheet.write_string(row, 6, unit_row["reviewer"].name or "", formats["text"])
        first_item_col = len(UNIT_WIDTHS)
        for index, item in enumerate(items):
            col = first_item_col + index * len(ITEM_WIDTHS)
            line = unit_row["lines"].get(item["activity"].id)
            if not line:
                for offset in range(len(ITEM_WIDTHS)):
                    sheet.write_blank(row, col + offset, None, formats["text"])
                continue
            sheet.write_number(row, col, 1 if line.is_done else 0, formats["done"])
            self._write_qty(sheet, row, col + 1, line.qty_done, formats=formats)
            sheet.write_number(row, col + 2, line.participant_count, formats["int"])
            sheet.write_number(row, col + 3, line.link_count, formats["int"])
