# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The tables and appendices of a parsed plan, mapped onto sections: a table of targets, budget lines or dated
items becomes those records (the section prints them as the document's table, column by column); any other table
is kept as written, cell by cell; an appendix (PHỤ LỤC) becomes sections printed after the signature. Also the
lines of paragraphs as written (`block_lines`), which the mapping shares."""

from odoo import Command

from ..models.union_campaign_item import BULLETS
from ..models.union_campaign_table_row import MAX_COLUMNS
from ..models.union_input_mixin import MAX_AMOUNT, MAX_QUANTITY


def marked(marker, text):
    """A paragraph as written: its marker ("-", "1.", "a)") before its text."""
    return f"{marker} {text}" if marker else text


def block_lines(blocks):
    """The lines of paragraphs as written; a table where only text can go (a period's introduction) as its rows."""
    lines = []
    for block in blocks:
        if block.joined and lines:  # two tasks of one line ("…; trước ngày …: …") print on that line
            lines[-1] = f"{lines[-1]} {block.text}"
        elif block.table:
            lines += [
                " – ".join(c for c in cells if c)
                for cells in (block.table.columns, *(r.cells for r in block.table.rows))
            ]
        else:
            lines.append(marked(block.marker, block.text))
    return lines


# The table kinds of the parser that are a section's records, and the section kind printing them.
DATA_KINDS = {"targets": "targets", "budget": "budget", "items": "items"}


class TableMapping:
    """Part of PlanMapping: the sections of tables and appendices."""

    def _has_tables(self, section):
        return any(block.table for block in section.blocks)

    def _map_tables(self, section, kind="text"):
        """A section holding tables: its text up to the first table, each table as a section of its own below
        the heading, the text after a table in a section without heading; its sub-sections as written."""
        groups = self._split_at_tables(section.blocks)
        # A table's facts are its rows' (the parser also lists a targets table's targets on its block).
        self.consumed.update(id(block) for block in section.blocks if block.table)
        self._add_section(section, kind=kind, body_lines=block_lines(groups[0][1]))
        for table, blocks in groups[1:]:
            self._add_table(table, level=section.level + 1)
            if blocks:
                self._add_section(section, body_lines=block_lines(blocks), name=False)["vals"].update(
                    level=section.level + 1, numbering="none"
                )
        for child in section.children:
            self._map_verbatim(child)

    @staticmethod
    def _split_at_tables(blocks):
        """[(None, blocks before the first table), (table, blocks after it up to the next), ...]."""
        groups = [(None, [])]
        for block in blocks:
            if block.table:
                groups.append((block.table, []))
            else:
                groups[-1][1].append(block)
        return groups

    def _add_table(self, table, level, appendix=False):
        """One table as a section: of the plan's records when every row gives one the plan can print as the
        document's row, else as written (the account says so)."""
        kind = DATA_KINDS.get(table.kind)
        reason = self._table_not_data(table, kind)
        vals = {
            "sequence": next(self.section_seq),
            "name": False,
            "level": level,
            "numbering": "none",
            "kind": kind if not reason else "table",
            "layout": "table",
            "table_columns": "\n".join(c or "-" for c in table.columns[:MAX_COLUMNS]),
            "is_appendix": appendix,
            "body": False,
        }
        entry = {"vals": vals, "marker": "", "section": None, "items": []}
        self.sections.append(entry)
        if not reason and kind == "budget" and any(row.total for row in table.rows):
            vals["table_total"] = True  # its total row prints as the sum of the records
        if reason:
            width = min(len(table.columns), MAX_COLUMNS)
            Row = self.env["union.campaign.table.row"]
            vals["row_ids"] = [
                Command.create(dict(Row._prepare_cells_vals(row.cells[:width]), sequence=n, is_group=row.group))
                for n, row in enumerate(table.rows, 1)
            ]
            self.tables_as_written.append((" | ".join(c for c in table.columns if c), reason))
            return entry
        getattr(self, f"_add_{kind}_rows")(table, entry)
        return entry

    def _table_not_data(self, table, kind):
        """Why the table prints as written rather than from records (None: it is data)."""
        if len(table.columns) > MAX_COLUMNS:
            return self._("it has more than %(max)s columns", max=MAX_COLUMNS)
        if not kind:
            return self._("its columns name no targets, amounts or dates")
        fact = {"targets": "target", "budget": "budget", "items": "item"}[kind]
        other = [i for i, role in enumerate(table.roles) if role == "other"]
        number = table.role("number")
        rows = table.data_rows()
        numbered = [row for row in rows if not row.part]  # a target's part ("Trong đó: …") prints without a number
        checks = (
            (
                kind in ("targets", "budget") and kind in self.tables_of_kind,
                self._("the plan has another table of this kind"),
            ),
            (any(row.group for row in rows), self._("it has rows of groups")),
            (
                not rows or not all(getattr(row, fact) for row in rows),
                self._("some rows give no figure or date"),
            ),
            (
                any(row.cells[i] for row in rows for i in other if i < len(row.cells)),
                self._("a column of it is neither a figure, a date nor a body"),
            ),
            (
                kind != "targets" and any(row.part for row in rows),
                self._("a row without a number is a part of the row above it"),
            ),
            (
                number is not None
                and [row.cells[number] for row in numbered] != [str(n) for n in range(1, len(numbered) + 1)],
                self._("its rows are not numbered 1, 2, 3…"),
            ),
            (
                kind == "budget" and any((row.budget.amount or 0) > MAX_AMOUNT for row in rows),
                self._("an amount is out of bounds"),
            ),
            (
                kind == "targets" and any(not 0 <= row.target.value <= MAX_QUANTITY for row in rows),
                self._("a figure is out of bounds"),
            ),
        )
        return next((reason for failed, reason in checks if failed), None)

    def _cell(self, table, row, role):
        index = table.role(role)
        return row.cells[index].strip() if index is not None and index < len(row.cells) else ""

    def _add_targets_rows(self, table, entry):
        self.tables_of_kind.add("targets")
        for n, row in enumerate(table.data_rows()):
            target = row.target
            vals = {
                "name": self._cell(table, row, "label") or target.text,
                "kind": target.kind,
                "value": target.value,
                # the unit as the table writes it (an empty cell prints empty); without a unit column, the value's
                "uom": (self._cell(table, row, "uom") if table.role("uom") is not None else target.uom) or False,
                "per": "total",
                "value_text": self._cell(table, row, "value") or self._cell(table, row, "amount") or False,
                "note": self._cell(table, row, "note") or False,
                "date_deadline": target.deadline or False,
                "is_part": row.part,
            }
            self.plan_targets.append({"vals": vals, "order": (table.index, n)})

    def _add_budget_rows(self, table, entry):
        self.tables_of_kind.add("budget")
        for row in table.data_rows():
            self.budget.append(
                {
                    "sequence": len(self.budget) + 1,
                    "name": self._cell(table, row, "label") or row.budget.source or "-",
                    "amount": row.budget.amount or 0,
                    "note": self._cell(table, row, "note") or False,
                }
            )

    def _add_items_rows(self, table, entry):
        """Dated items of the plan's periods (the period the parser placed them in, else the one their dates fall
        in, else the last), listed in this table."""
        for row in table.rows:
            item = row.item
            phase = self._phase_for(item)
            vals = {
                "sequence": next(self.item_seq),
                "name": self._item_title(item.content),
                "description": item.content,
                "scope": "units",
                "in_document": True,
                "date_start": item.date_start or False,
                "date_deadline": item.date_end or item.date_start or False,
                "date_text": item.date_text or False,
                "lead_text": item.lead or False,
                "coordinator_text": ", ".join(item.coordinators) or False,
                "note": item.note or False,
            }
            record = {"vals": vals, "targets": [], "subitems": [], "block": None}
            phase["items"].append(record)
            entry["items"].append(record)

    def _phase_for(self, item):
        if not self.phases:
            self._add_year_phase()
        periods = self.parsed.period_sections()
        if item.period_index is not None and item.period_index < len(periods):
            phase = self.period_phases.get(id(periods[item.period_index]))
            if phase is not None:
                return phase
        day = item.date_start or item.date_end
        for phase in self.phases:
            start, end = phase["vals"].get("date_start"), phase["vals"].get("date_end")
            if day and (not start or start <= day) and (not end or day <= end):
                return phase
        return self.phases[-1]

    # ------------------------------------------------------------------
    # Appendices: after the signature, each on its own page
    # ------------------------------------------------------------------
    def _map_appendices(self):
        for appendix in self.parsed.appendices:
            title = appendix.title_lines or [self._("APPENDIX")]
            groups = self._split_at_tables(appendix.blocks)
            self._add_appendix_text(1, groups[0][1], name=title[0], title_lines="\n".join(title[1:]))
            for table, blocks in groups[1:]:
                self._add_table(table, level=2, appendix=True)
                if blocks:
                    self._add_appendix_text(2, blocks)

    def _add_appendix_text(self, level, blocks, name=False, title_lines=False):
        """A section of an appendix holding text as written (its head: its title lines too)."""
        self.sections.append(
            {
                "vals": {
                    "sequence": next(self.section_seq),
                    "name": name,
                    "title_lines": title_lines or False,
                    "level": level,
                    "numbering": "none",
                    "kind": "text",
                    "body": "\n".join(block_lines(blocks)) or False,
                    "is_appendix": True,
                },
                "marker": "",
                "section": None,
            }
        )

    def _link_table_items(self, plan):
        """Point the items of each table of items at its section (created with the plan, in this order)."""
        sections = plan.section_ids.sorted(lambda s: (s.sequence, s.id))
        for entry, section in zip(self.sections, sections, strict=True):
            records = [item["record"].id for item in entry.get("items", ())]
            if records:
                self.env["union.campaign.item"].browse(records).write({"section_id": section.id})

    @staticmethod
    def _bullet(block):
        """The bullet a sub-item prints with, as written (the printer's default when it is none it knows)."""
        return block.bullet if block.bullet in dict(BULLETS) else "+"
