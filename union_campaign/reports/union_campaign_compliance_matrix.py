# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class UnionComplianceMatrix(models.AbstractModel):
    """The compliance matrix of a plan: its units down, the reports its schedule asks across, each cell the state
    of one unit's report. Shown by the client action ``union_campaign.compliance_matrix`` and exported by
    report_compliance_matrix_xlsx.py, both through ``union.campaign.get_compliance_matrix``."""

    _name = "union.compliance.matrix"
    _description = "Compliance Matrix of a Plan"

    @api.model
    def _get_matrix(self, campaign, unit_type_id=False):
        """Return the compliance matrix as plain data for the client action and the XLSX export: the plan's
        units down, the reports its schedule asks across (one column per occurrence), each cell a report state.

        The record rules decide the rows: the units whose reports the user reads; someone who reads every report
        of the plan also sees the plan's units that were asked nothing ("not asked").
        """
        campaign.ensure_one()
        campaign.check_access("read")
        Report = self.env["union.unit.report"]
        domain = [("campaign_id", "=", campaign.id)]
        reports = Report.search(domain)
        units = reports.unit_id
        # sudo: only counts the plan's reports, to know whether the user reads them all.
        if len(reports) == Report.sudo().search_count(domain):
            units |= campaign.unit_ids.filtered("receives_plans")
        all_types = units.unit_type_id
        if unit_type_id:
            units = units.filtered(lambda u: u.unit_type_id.id == int(unit_type_id))
            reports = reports.filtered(lambda r: r.unit_id in units)
        columns = self._get_report_columns(reports)
        rows = self._get_rows(units, reports, columns)
        return {
            "campaign": {"id": campaign.id, "name": campaign.display_name, "reference": campaign.reference or ""},
            "columns": columns,
            "rows": rows,
            "unit_types": [[unit_type.id, unit_type.name] for unit_type in all_types.sorted("sequence")],
            "states": self._get_states(),
        }

    @api.model
    def _get_states(self):
        """The states a cell shows, as the legend lists them (a unit not asked has no legend)."""
        labels = self.env["union.unit.report"]._fields["matrix_state"]._description_selection(self.env)
        return [[key, label] for key, label in labels if key != "none"]

    @api.model
    def _get_rows(self, units, reports, columns):
        """Return the matrix's rows: for each of `units` (by type, then name), one cell per column, the state of
        its report among `reports` (``none``: the unit was not asked that report)."""
        Report = self.env["union.unit.report"]
        by_cell = {(r.unit_id.id, r._get_column_key()): r for r in reports}
        state_labels = dict(Report._fields["matrix_state"]._description_selection(self.env))
        levels = dict(self.env["union.unit.type"]._fields["level"]._description_selection(self.env))
        rows = []
        for unit in units.sorted(lambda u: (u.unit_type_id.sequence, u.unit_type_id.id, u.name)):
            cells = []
            for column in columns:
                report = by_cell.get((unit.id, column["id"]))
                state = report.matrix_state if report else "none"
                cells.append(
                    {
                        "column": column["id"],
                        "report_id": report.id if report else False,
                        "state": state,
                        "label": state_labels[state],
                        "days_late": report.days_late if report else 0,
                        "late_label": (
                            self.env._("%(days)s days late", days=report.days_late)
                            if report and report.days_late
                            else ""
                        ),
                    }
                )
            rows.append(
                {
                    "unit_id": unit.id,
                    "unit": unit.name,
                    "unit_type": unit.unit_type_id.id,
                    "unit_type_label": unit.unit_type_id.name,
                    "level": levels.get(unit.unit_type_id.level, ""),
                    "cells": cells,
                }
            )
        return rows

    @api.model
    def _get_matrix_across_levels(self, campaign, unit_type_id=False):
        """Return the compliance matrix of `campaign` and of the plans implementing it at every level below: one
        block per plan, depth first (the plan's own units, then each implementing plan's units under it), each
        with its level, its plan's number and issuing union, its own columns (each level has its own deadlines)
        and its rows as in _get_matrix.

        Run as the user: the record rules decide the plans and reports of each level (a ward's officer gets the
        ward's subtree, not a sibling ward's). One search for the plans per level of the chain, one for all their
        reports, whatever the number of units.
        """
        campaign.ensure_one()
        campaign.check_access("read")
        tree = campaign._get_implementing_tree()
        plans = campaign.browse([plan.id for plan, _depth in tree])
        Report = self.env["union.unit.report"]
        reports = Report.search([("campaign_id", "in", plans.ids)])
        # sudo: only counts each plan's reports, to know whether the user reads them all (then the plan's units
        # asked nothing are shown too, as on one plan's matrix).
        totals = dict(Report.sudo()._read_group([("campaign_id", "in", plans.ids)], ["campaign_id"], ["__count"]))
        reports_by_plan = reports.grouped("campaign_id")
        levels = dict(self.env["union.unit.type"]._fields["level"]._description_selection(self.env))
        blocks, all_types = [], self.env["union.unit.type"]
        for plan, depth in tree:
            plan_reports = reports_by_plan.get(plan, Report)
            units = plan_reports.unit_id
            if len(plan_reports) == totals.get(plan, 0):
                units |= plan.unit_ids.filtered("receives_plans")
            all_types |= units.unit_type_id
            if unit_type_id:
                units = units.filtered(lambda u: u.unit_type_id.id == int(unit_type_id))
                plan_reports = plan_reports.filtered(lambda r, units=units: r.unit_id in units)
            columns = self._get_report_columns(plan_reports)
            rows = self._get_rows(units, plan_reports, columns)
            blocks.append(
                {
                    "campaign": {"id": plan.id, "name": plan.display_name, "reference": plan.reference or ""},
                    "depth": depth,
                    "issuing_unit": plan.issuing_unit_id.name,
                    "issuing_level": levels.get(plan.issuing_unit_id.unit_type_id.level, ""),
                    "parent_reference": (plan.parent_campaign_id.reference or "") if depth else "",
                    "columns": columns,
                    "rows": rows,
                }
            )
        return {
            "campaign": blocks[0]["campaign"],
            "blocks": blocks,
            "unit_types": [[unit_type.id, unit_type.name] for unit_type in all_types.sorted("sequence")],
            "states": self._get_states(),
        }

    @api.model
    def _get_report_columns(self, reports):
        """Return the matrix's columns for `reports`: one per reporting occurrence (schedule and period), in
        deadline order, named by the occurrence and dated by its (earliest) deadline."""
        columns = {}
        for report in reports:
            key = report._get_column_key()
            column = columns.setdefault(
                key,
                {"id": key, "name": report.period_label or report.schedule_id.name, "deadline": report.date_deadline},
            )
            if report.date_deadline and (not column["deadline"] or report.date_deadline < column["deadline"]):
                column["deadline"] = report.date_deadline
        ordered = sorted(columns.values(), key=lambda c: (c["deadline"] or fields.Date.today(), c["id"]))
        for column in ordered:
            column["deadline"] = fields.Date.to_string(column["deadline"]) if column["deadline"] else False
        return ordered
