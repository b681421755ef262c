# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The roll-up of a national plan over a union tree of the real size, for `make bench` (op "rollup").

The tree is written in bulk by SQL (the bench measures the roll-up, not the launch): the Confederation's plan
given to 34 provinces, each province's implementing plan given to its communes (one commune for 38 grassroots
units, about 3,300 for 126,000), each commune's plan given to its grassroots units; every unit's report approved,
two lines each, with the stored fields the ORM would have written (top plan, top item, level, own figures).
Then `union.campaign.get_rollup()` is timed on the top plan.
"""

import datetime

PROVINCES = 34
GRASSROOTS_PER_COMMUNE = 38
ITEMS = ("Hội nghị tuyên truyền pháp luật", "Thăm hỏi đoàn viên khó khăn")
TOP_REFERENCE = "1/KH-TLĐ-BENCH"


def _required_columns(cr, table):
    cr.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s AND is_nullable = 'NO'"
        " AND column_default IS NULL",
        [table],
    )
    return {row[0] for row in cr.fetchall()}


def _insert(env, model, columns, rows, computed=None):
    """INSERT rows (tuples in `columns` order) 5,000 a statement; return their ids in order.

    NOT NULL columns not given take the field's default, else `computed` (stored computed fields the ORM would
    have written); any other one fails loudly (the schema moved: this builder must follow it)."""
    cr, table = env.cr, env[model]._table
    missing = _required_columns(cr, table) - set(columns) - {"id"}
    extra = {**env[model].default_get(list(missing)), **(computed or {})}
    extra = {name: value for name, value in extra.items() if name in missing}
    if missing - set(extra):
        raise RuntimeError(f"rollup bench: {table} needs {sorted(missing - set(extra))} (update bench/rollup.py)")
    columns = (*columns, *extra)
    rows = [(*row, *extra.values()) for row in rows]
    ids = []
    query = f"INSERT INTO {table} ({', '.join(columns)}) VALUES %s RETURNING id"  # noqa: S608 - names are ours
    for start in range(0, len(rows), 5000):
        ids += [row[0] for row in cr.execute_values(query, rows[start : start + 5000], page_size=5000, fetch=True)]
    return ids


def build_chain(env, n):
    """Write the tree of `n` grassroots units and its approved reports; return the top plan."""
    cr = env.cr
    company = env.company.id
    uid = env.ref("base.user_admin").id
    now = datetime.datetime.now()
    today = datetime.date.today()
    stamp = (uid, now, uid, now)
    types = {
        code: env.ref(f"union_campaign.unit_type_{code}").id for code in ("central", "province", "commune", "school")
    }
    communes = max(1, round(n / GRASSROOTS_PER_COMMUNE))

    unit_cols = (
        "name",
        "unit_type_id",
        "company_id",
        "parent_id",
        "active",
        "doc_upper_style",
        "create_uid",
        "create_date",
        "write_uid",
        "write_date",
    )

    def units(names, kind, parents):
        rows = [
            (name, types[kind], company, parent, True, "full", *stamp)
            for name, parent in zip(names, parents, strict=True)
        ]
        return _insert(env, "union.unit", unit_cols, rows)

    (top,) = units(["Tổng Liên đoàn (bench)"], "central", [None])
    provinces = units([f"LĐLĐ tỉnh {i}" for i in range(PROVINCES)], "province", [top] * PROVINCES)
    commune_ids = units(
        [f"Công đoàn xã {i}" for i in range(communes)], "commune", [provinces[i % PROVINCES] for i in range(communes)]
    )
    grassroots = units([f"CĐCS {i}" for i in range(n)], "school", [commune_ids[i % communes] for i in range(n)])
    cr.execute(
        "UPDATE union_unit u SET parent_path = p.path FROM ("
        " WITH RECURSIVE t(id, path) AS (SELECT id, id || '/' FROM union_unit WHERE id = %s"
        " UNION ALL SELECT c.id, t.path || c.id || '/' FROM union_unit c JOIN t ON c.parent_id = t.id)"
        " SELECT id, path FROM t) p WHERE u.id = p.id",
        [top],
    )

    plan_cols = (
        "name",
        "reference",
        "issuing_unit_id",
        "issue_date",
        "company_id",
        "state",
        "review_steps",
        "parent_campaign_id",
        "active",
        "create_uid",
        "create_date",
        "write_uid",
        "write_date",
    )

    def plans(issuers, parents, symbol):
        rows = [
            ("Kế hoạch (bench)", f"{i}/KH-{symbol}", issuer, today, company, "running", 1, parent, True, *stamp)
            for i, (issuer, parent) in enumerate(zip(issuers, parents, strict=True), start=1)
        ]
        return _insert(env, "union.campaign", plan_cols, rows)

    (top_plan,) = plans([top], [None], "TLĐ-BENCH")
    province_plans = plans(provinces, [top_plan] * PROVINCES, "LĐLĐ-BENCH")
    commune_plans = plans(
        commune_ids, [province_plans[provinces.index(p)] for p in _parents(cr, commune_ids)], "CĐ-BENCH"
    )
    all_plans = [top_plan, *province_plans, *commune_plans]
    cr.execute("UPDATE union_campaign SET root_campaign_id = %s WHERE id = ANY(%s)", [top_plan, all_plans])
    phase_cols = (
        "campaign_id",
        "company_id",
        "sequence",
        "name",
        "create_uid",
        "create_date",
        "write_uid",
        "write_date",
    )
    phases = _insert(
        env,
        "union.campaign.phase",
        phase_cols,
        [(p, company, 1, "Đợt 1", *stamp) for p in all_plans],
        {"status": "ongoing"},
    )
    item_cols = (
        "phase_id",
        "campaign_id",
        "company_id",
        "phase_sequence",
        "sequence",
        "name",
        "scope",
        "all_units",
        "in_document",
        "create_uid",
        "create_date",
        "write_uid",
        "write_date",
    )
    item_rows = [
        (ph, p, company, 1, k, name, "units", True, True, *stamp)
        for ph, p in zip(phases, all_plans, strict=True)
        for k, name in enumerate(ITEMS)
    ]
    item_ids = _insert(env, "union.campaign.item", item_cols, item_rows)
    schedule_cols = (
        "campaign_id",
        "company_id",
        "sequence",
        "name",
        "kind",
        "skip_covered",
        "create_uid",
        "create_date",
        "write_uid",
        "write_date",
    )
    schedules = _insert(
        env,
        "union.campaign.report.schedule",
        schedule_cols,
        [(p, company, 10, "Báo cáo kết quả", "per_period", False, *stamp) for p in all_plans],
    )
    schedule_of = dict(zip(all_plans, schedules, strict=True))
    items = {plan: item_ids[2 * i : 2 * i + 2] for i, plan in enumerate(all_plans)}
    parent_of = {top_plan: None, **dict.fromkeys(province_plans, top_plan)}
    province_plan_of = [province_plans[provinces.index(p)] for p in _parents(cr, commune_ids)]
    parent_of.update(zip(commune_plans, province_plan_of, strict=True))
    for plan in all_plans[1:]:
        for k in range(2):
            cr.execute(
                "UPDATE union_campaign_item SET parent_item_id = %s WHERE id = %s",
                [items[parent_of[plan]][k], items[plan][k]],
            )
    cr.execute(
        "UPDATE union_campaign_item i SET root_item_id = t.id FROM union_campaign_item t"
        " WHERE t.campaign_id = %s AND t.sequence = i.sequence AND i.campaign_id = ANY(%s)",
        [top_plan, all_plans],
    )

    issuer_plan = dict(zip([top, *provinces, *commune_ids], all_plans, strict=True))
    chain = {
        "issuer_plan": issuer_plan,
        "items": items,
        "schedule_of": schedule_of,
        "phases": phases,
        "types": types,
        "units": (provinces, commune_ids, grassroots),
        "stamp": stamp,
    }
    reports, lines = _write_reports(env, chain)
    env.invalidate_all()
    return env["union.campaign"].browse(top_plan), reports, lines


def _write_reports(env, chain):
    """Each province's report on the top plan, each commune's on its province's plan, each grassroots unit's on its
    commune's plan; approved; two lines each. Return the numbers of reports and lines written."""
    cr, company, today = env.cr, env.company.id, datetime.date.today()
    issuer_plan, items, schedule_of, phases = (chain[key] for key in ("issuer_plan", "items", "schedule_of", "phases"))
    types, stamp, (provinces, commune_ids, grassroots) = chain["types"], chain["stamp"], chain["units"]
    all_plans = list(issuer_plan.values())
    reporting = [
        (unit, issuer_plan[parent])
        for unit, parent in zip(
            [*provinces, *commune_ids, *grassroots], _parents(cr, [*provinces, *commune_ids, *grassroots]), strict=True
        )
    ]
    report_cols = (
        "campaign_id",
        "schedule_id",
        "unit_id",
        "unit_type_id",
        "company_id",
        "phase_id",
        "phase_sequence",
        "state",
        "period_key",
        "period_label",
        "date_deadline",
        "review_step",
        "create_uid",
        "create_date",
        "write_uid",
        "write_date",
    )
    phase_of = dict(zip(all_plans, phases, strict=True))
    unit_type = {**dict.fromkeys(provinces, types["province"]), **dict.fromkeys(commune_ids, types["commune"])}
    report_ids = _insert(
        env,
        "union.unit.report",
        report_cols,
        [
            (
                plan,
                schedule_of[plan],
                unit,
                unit_type.get(unit, types["school"]),
                company,
                phase_of[plan],
                1,
                "approved",
                "phase",
                "Đợt 1",
                today,
                0,
                *stamp,
            )
            for unit, plan in reporting
        ],
    )
    line_cols = (
        "report_id",
        "item_id",
        "company_id",
        "phase_sequence",
        "sequence",
        "is_done",
        "qty_done",
        "participant_count",
        "amount",
        "link_count",
        "own_qty_done",
        "own_participant_count",
        "own_amount",
        "done_unit_count",
        "units_qty_done",
        "units_participant_count",
        "units_amount",
        "units_done_count",
        "units_asked_count",
    )
    line_rows = []
    for report, (unit, plan) in zip(report_ids, reporting, strict=True):
        done = unit % 7 != 0
        for k in range(2):
            qty = 2 if done else 0
            figures = (qty, 30 * qty, 1_000_000.0 * qty)
            # its figures, its own figures (a grassroots unit's are all its own), then the units' part (none)
            line_rows.append(
                (report, items[plan][k], company, 1, k, done, *figures, 0, *figures, int(done), 0, 0, 0.0, 0, 0)
            )
    _insert(env, "union.unit.report.line", line_cols, line_rows)
    return len(report_ids), len(line_rows)


def find_chain(env):
    """The tree already written on this database (an earlier op): (top plan, reports, lines), else None."""
    top = env["union.campaign"].search([("reference", "=", TOP_REFERENCE)], limit=1)
    if not top:
        return None
    lines = env["union.unit.report.line"].search_count([("root_campaign_id", "=", top.id)])
    reports = env["union.unit.report"].search_count([("campaign_id.root_campaign_id", "=", top.id)])
    return top, reports, lines


def _parents(cr, unit_ids):
    cr.execute("SELECT id, parent_id FROM union_unit WHERE id = ANY(%s)", [list(unit_ids)])
    parents = dict(cr.fetchall())
    return [parents[unit] for unit in unit_ids]
