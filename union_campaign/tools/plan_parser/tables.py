# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Tables of a plan: the cells of a line written as a table row, the role of each column read from its heading, the
kind of the table, and the facts of its rows (targets, budget lines, dated items)."""

import re

from .dates import parse_period
from .model import Budget, Table, TableItem, TableRow, Target
from .text import clean, fold, strip_end
from .vocabulary import (
    AMOUNT_RE,
    LIST_SPLIT_RE,
    MEMBERS_RE,
    PERCENT_RE,
    TABLE_GROUP_NUMBER_RE,
    TABLE_ROLE_WORDS,
    TOTAL_ROW_RE,
)

# " | " between cells (a row of a Word table, or a text written so; "a |  | c" holds an empty cell); a tab; two spaces
# or more (aligned columns)
_PIPE_RE = re.compile(r"\s*(?:^|(?<=\s))\|(?=\s|$)\s*")
_SPACES_RE = re.compile(r" {2,}")
_NUMBER_CELL_RE = re.compile(r"^(?:\d{1,3}(?:\.\d{1,2})*|[IVXL]{1,6}|[a-zđ])[.)]?$")
_QTY_CELL_RE = re.compile(r"(?<![\d.,])(?P<v>\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)(?![\d.,]*%)")


def row_cells(raw, aligned=False):
    """The cells of a line written as a table row (tabs or " | " between cells; with `aligned`, two spaces or more),
    or None. Empty cells between two separators are kept (""), and so is an empty first cell (a line starting with
    a tab or with " | ")."""
    text = raw.strip()
    if "\t" in text:
        cells = [clean(c) for c in raw.strip(" \r\n").split("\t")]  # a tab first: the first cell is empty
    elif _PIPE_RE.search(text):
        cells = [clean(c) for c in _PIPE_RE.split(text)]
        while cells and not cells[0] and not text.startswith("|"):
            cells.pop(0)
    elif aligned:
        cells = [clean(c) for c in _SPACES_RE.split(text)]
    else:
        return None
    return cells if len([c for c in cells if c]) >= 2 or (len(cells) >= 2 and "|" in text) else None


def column_role(heading, seen):
    """The role of a column from its heading (:data:`.model.TABLE_ROLES`); `seen` holds the roles given before it
    (a second "Chỉ tiêu" column is the value)."""
    low = fold(heading).strip(" .:")
    if not low:
        return "other"
    for role, pattern in TABLE_ROLE_WORDS:
        if re.search(pattern, low):
            if role == "label" and "label" in seen:
                return "value"
            return role
    return "other"


def column_roles(headings):
    """The roles of a table's columns from their headings, in order: each heading's :func:`column_role`, and the
    first column of no known heading names the row when the table is otherwise one of data. The printer reads a
    table typed in the plan's form with this same rule."""
    roles = []
    for heading in headings:
        roles.append(column_role(heading, roles))
    if (
        "label" not in roles
        and "other" in roles
        and table_kind(["label" if r == "other" else r for r in roles]) != "plain"
    ):
        roles[roles.index("other")] = "label"  # the first column of no known heading names the row
    return roles


def looks_like_header(cells):
    """Whether the first row of a table is its header: no cell a number alone, and a known heading or only short
    cells without digits ("Họ tên | Chức vụ")."""
    if any(_NUMBER_CELL_RE.match(c) for c in cells if c):
        return False
    roles = []
    for cell in cells:
        roles.append(column_role(cell, roles))
    return any(r != "other" for r in roles) or all(len(c) <= 40 and not re.search(r"\d", c) for c in cells)


def table_kind(roles):
    if "label" in roles or "other" in roles:
        if "amount" in roles:
            return "budget"
        if "value" in roles:
            return "targets"
        if "dates" in roles:
            return "items"
    return "plain"


def build_table(rows):
    """A :class:`Table` of rows given as (source index, cells), the first row its header when it reads as one."""
    index, first = rows[0]
    body = rows
    if looks_like_header(first):
        columns = first
        body = rows[1:]
    else:
        columns = [""] * max(len(cells) for _i, cells in rows)
    roles = column_roles(columns)
    table = Table(columns=list(columns), roles=roles, kind=table_kind(roles), index=index)
    width = len(columns)
    number = table.role("number")
    for row_index, written in body:
        cells = list(written) + [""] * (width - len(written))
        row = TableRow(cells=cells, index=row_index)
        if number is not None and number < len(cells) and cells[number]:
            row.number = cells[number]
        filled = [c for i, c in enumerate(cells) if c and i != number]
        row.group = len(filled) == 1 and (
            number is None or row.number is None or bool(TABLE_GROUP_NUMBER_RE.match(row.number))
        )
        # "Trong đó: vận động viên nữ" under row 2, no number of its own: a part of the row above
        row.part = number is not None and row.number is None and not row.group and any(r.number for r in table.rows)
        table.rows.append(row)
    return table


def _cell(table, row, role):
    i = table.role(role)
    return row.cells[i] if i is not None and i < len(row.cells) and row.cells[i] else None


def _target(label, value, uom):
    """The target of a row of a targets table: "95%", "100% CĐCS" (a percentage of what follows it), "1.200", "800
    đơn vị" (a quantity and, when the table has no unit column, its unit)."""
    m = PERCENT_RE.search(value)
    if m or (uom and uom.strip() == "%"):
        raw = m.group("v") if m else (_QTY_CELL_RE.search(value) or [None, None])[0]
        if raw is None:
            return None
        number = float(raw.replace(",", "."))
        number = int(number) if number.is_integer() else number
        of = strip_end(value[m.end() :]) if m else ""
        if not of:
            from .clauses import _noun_phrase  # noqa: PLC0415 - clauses imports this module

            of = _noun_phrase(label) or None
        kind = "percent_members" if of and MEMBERS_RE.search(of) else "percent_units"
        return Target(kind, number, uom="%", of=of, text=f"{label}: {value}", item=label)
    m = _QTY_CELL_RE.search(value)
    if not m:
        return None
    raw = m.group("v")
    number = float(raw.replace(",", ".")) if "," in raw else int(raw.replace(".", ""))
    uom = uom or strip_end(value[m.end() :])  # no unit column: the words after the number ("800 đơn vị")
    return Target("quantity", number, uom=uom or None, text=f"{label}: {value}", item=label)


def _amount(text):
    m = AMOUNT_RE.search(text)
    digits = re.sub(r"[.,\s]", "", m.group("num")) if m else re.sub(r"[.,\s]", "", text)
    if not digits.isdigit():
        return None
    from .clauses import _amount as amount_of  # noqa: PLC0415 - clauses imports this module

    return amount_of(m) if m else int(digits)


def analyse_table(table, dates):
    """Give each row of `table` its facts by the table's kind; return the reason a table is kept as written, or
    None."""
    if table.kind == "plain":
        return "no column of values, amounts or dates" if any(table.columns) else "no header row"
    for row in table.rows:
        if row.group:
            continue
        label = _cell(table, row, "label") or ""
        first = next((cell.strip() for cell in row.cells if cell.strip()), "")  # a total row may span STT and label
        if row is table.rows[-1] and table.kind in ("budget", "targets") and TOTAL_ROW_RE.match(first):
            row.total, row.part = True, False
            amount = _cell(table, row, "amount") if table.kind == "budget" else None
            table.stated_total = _amount(amount) if amount else None
            continue
        if table.kind == "targets":
            value = _cell(table, row, "value")
            row.target = _target(label, value, _cell(table, row, "uom")) if value else None
        elif table.kind == "budget":
            amount = _cell(table, row, "amount")
            row.budget = Budget(source=label or None, amount=_amount(amount) if amount else None)
            row.budget.note = _cell(table, row, "note")
        else:
            when = _cell(table, row, "dates")
            period = parse_period(when, dates.ref) if when else None
            coordinators = _cell(table, row, "coordinators")
            row.item = TableItem(
                content=label,
                date_text=when,
                period=period,
                date_start=period.date_start if period else None,
                date_end=period.date_end if period else None,
                lead=_cell(table, row, "lead"),
                coordinators=[strip_end(c) for c in re.split(r";\s*|" + LIST_SPLIT_RE.pattern, coordinators or "")]
                if coordinators
                else [],
                note=_cell(table, row, "note"),
            )
            row.item.coordinators = [c for c in row.item.coordinators if c]
    return None


def place_items(plan):
    """Give each dated item of a table the index of the plan's period that holds its dates."""
    periods = [s.period for s in plan.period_sections()]
    for table in plan.tables():
        for row in table.rows:
            item = row.item
            if not item or not (item.date_start or item.date_end):
                continue
            day = item.date_start or item.date_end
            for i, period in enumerate(periods):
                if (period.date_start is None or period.date_start <= day) and (
                    period.date_end is None or day <= period.date_end
                ):
                    item.period_index = i
                    break
