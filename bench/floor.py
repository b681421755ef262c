# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The launch's floor: the rows our launch created, inserted again by plain SQL.

1. Capture, after our launch's first run (untimed): for each table the launch inserted into, in the order of its
   first INSERT, the rows it created are written to a file with `COPY (SELECT * ...) TO STDOUT`. A table's
   created rows are those with an id above the highest id the pre-launch database holds; a many2many table's,
   those whose first column points to such a row (Odoo's registry names the column). No column is looked for.
2. Replay, on a fresh copy of the pre-launch database: each file is loaded into a temporary table made `LIKE` its
   table (untimed); then, timed, `INSERT INTO table SELECT * FROM its temporary table` for each table in the
   same order, in one transaction. The same rows every time, ids included: exactly the work of writing what our
   launch wrote (indexes, constraints, foreign keys), with none of the work of deciding what to write.

Not replayed: the launch's updates of rows that existed before it (the plan's state, one row).
"""
# ruff: noqa: PLC0415 - psycopg2 is importable only in the step processes

import json
from pathlib import Path

MANIFEST = "tables.json"


def created_row_filters(registry, tables):
    """For each table: (column, table whose highest id before the launch bounds it), from Odoo's registry."""
    model_tables = {model._table for model in registry.values() if model._auto and not model._abstract}
    relations = {
        field.relation: (field.column1, registry[field.model_name]._table)
        for model in registry.values()
        for field in model._fields.values()
        if field.type == "many2many" and field.store and field.relation
    }
    filters = {}
    for table in tables:
        if table in model_tables:
            filters[table] = ("id", table)
        elif table in relations:
            filters[table] = relations[table]
        else:
            raise RuntimeError(f"floor: our launch inserted into {table}, neither a model's table nor a many2many's")
    return filters


def capture(cr, before_cr, registry, tables, directory):
    """Write the rows our launch created (database of `cr`; `before_cr`: the database it started from) to
    `directory`: one COPY file per table and the manifest. Return {table: rows}."""
    from psycopg2 import sql

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    filters = created_row_filters(registry, tables)
    marks = {}
    for bound in {bound for _column, bound in filters.values()}:
        query = sql.SQL("SELECT COALESCE(max(id), 0) FROM {}").format(sql.Identifier(bound))
        before_cr.execute(query.as_string(before_cr._obj))
        marks[bound] = before_cr.fetchone()[0]
    manifest = []
    for index, table in enumerate(tables):
        column, bound = filters[table]
        query = sql.SQL("COPY (SELECT * FROM {} WHERE {} > {}) TO STDOUT").format(
            sql.Identifier(table), sql.Identifier(column), sql.Literal(marks[bound])
        )
        path = directory / f"{index:02d}-{table}.copy"
        with open(path, "wb") as out:  # bytes as the server sends them, whatever this process's locale
            cr._obj.copy_expert(query.as_string(cr._obj), out)
        with open(path, "rb") as copied:
            rows = sum(1 for _line in copied)  # COPY's text format: one line a row
        manifest.append({"table": table, "file": path.name, "rows": rows})
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n")
    return {entry["table"]: entry["rows"] for entry in manifest}


def stage(cr, directory):
    """Load the captured rows into temporary tables (untimed); return the replay, to be timed."""
    from psycopg2 import sql

    directory = Path(directory)
    manifest = json.loads((directory / MANIFEST).read_text())
    statements = []
    for index, entry in enumerate(manifest):
        table, staged = sql.Identifier(entry["table"]), sql.Identifier(f"bench_floor_{index:02d}")
        cr.execute(sql.SQL("CREATE TEMPORARY TABLE {} (LIKE {})").format(staged, table).as_string(cr._obj))
        with open(directory / entry["file"], "rb") as rows:
            cr._obj.copy_expert(sql.SQL("COPY {} FROM STDIN").format(staged).as_string(cr._obj), rows)
        statements.append(sql.SQL("INSERT INTO {} SELECT * FROM {}").format(table, staged).as_string(cr._obj))
    cr.commit()

    def replay():
        for statement in statements:
            cr.execute(statement)

    return replay
