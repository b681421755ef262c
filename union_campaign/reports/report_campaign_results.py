# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import AccessError
from odoo.tools.translate import LazyTranslate

from ..tools import local_now, local_today

_lt = LazyTranslate(__name__)

# A unit has reported on a phase once its report is submitted or approved; cancelled reports are left out.
REPORTED_STATES = ("submitted", "approved")
# How consolidated reports name the groups of units ("khối").
UNIT_TYPE_GROUPS = {
    "federation": _lt("Federations"),
    "agency": _lt("Agencies and public bodies"),
    "enterprise": _lt("Enterprises"),
    "school": _lt("Schools"),
    "other": _lt("Other units"),
}
CATEGORIES = {
    "on_time": _lt("On time"),
    "late": _lt("Late"),
    "missing": _lt("Not reported"),
}
MISSING_DETAILS = {
    False: _lt("No report"),
    "draft": _lt("Not submitted"),
    "returned": _lt("Sent back, not resubmitted"),
}


class ReportCampaignResults(models.AbstractModel):
    """Consolidated results of a plan (báo cáo kết quả), for the federation's superiors."""

    _name = "report.union_campaign.report_campaign_results"
    _inherit = ["union.campaign.report.mixin"]
    _description = "Consolidated Results of a Plan"

    @api.model
    def _get_report_values(self, docids, data=None):
        campaigns = self.env["union.campaign"].browse(docids)
        return self._get_results_values(campaigns, {campaign: campaign.phase_ids for campaign in campaigns})

    @api.model
    def _get_results_values(self, docs, phases_by_doc):
        """Return the rendering values of the results of `docs`, each covering the phases `phases_by_doc[doc]`."""
        self._check_results_access(docs)
        documents, langs = {}, {}
        for doc, phases in phases_by_doc.items():
            campaign = phases.campaign_id[:1] or doc
            lang = self._get_document_lang(campaign.issuing_unit_id, campaign.company_id)
            langs[doc.id] = lang
            documents[doc.id] = self.with_context(lang=lang)._get_results_document(
                campaign.with_context(lang=lang), phases.with_context(lang=lang)
            )
        return {
            "doc_ids": docs.ids,
            "doc_model": docs._name,
            "docs": docs,
            "doc_langs": langs,
            "documents": documents,
        }

    @api.model
    def _check_results_access(self, records):
        """Consolidated results count every unit's report: only who may read them all prints them."""
        if not self.env.user.has_group("union_campaign.group_officer"):
            raise AccessError(self.env._("Only federation officers can print the consolidated results of a plan."))
        records.check_access("read")

    @api.model
    def _get_results_document(self, campaign, phases):
        """Return the wording and figures of the results document. Override to add parts to it."""
        today = local_today(self.env)
        unit = campaign.issuing_unit_id
        suffix = campaign.reference.rpartition("-")[2] if campaign.reference and "-" in campaign.reference else ""
        phases = phases.sorted(lambda p: (p.sequence, p.id))
        results = self._get_phase_results(phases)
        return {
            "campaign": campaign,
            "parent_heading": self._get_parent_heading(unit),
            "body_heading": self._get_body_heading(unit),
            "number": f"......./BC-{suffix}" if suffix else "......./BC",
            "place_date": self._format_document_date(today, campaign.issue_place),
            "addressee": unit.parent_id.name or "",
            "recipients": self._get_report_recipients(unit.parent_id),
            "subject": self.env._("Results of the implementation of %(plan)s", plan=self._get_plan_citation(campaign)),
            "phase_subject": (
                self.env._("Phase: %(phase)s", phase=phases.name)
                if len(phases) == 1 and campaign.phase_ids != phases
                else ""
            ),
            "as_of": self.env._("Figures as of %(date)s.", date=self._format_short_date(today)),
            "definitions": self._get_definitions(),
            "phases": [results[phase.id] for phase in phases],
        }

    @api.model
    def _get_definitions(self):
        """Return the sentences that say how units are counted, printed with the figures."""
        return [
            self.env._("A unit has reported on a phase when its report is submitted or approved."),
            self.env._(
                "On time: submitted by the end of the deadline day, local time; late: submitted after that day."
            ),
            self.env._(
                "Not reported: no report, or a report still in draft or sent back for revision; "
                "cancelled reports are not counted."
            ),
            self.env._("Quantities, participants and online posts add up the reports submitted or approved."),
        ]

    @api.model
    def _get_unit_type_labels(self):
        """Return the unit types in their selection order, named as groups of units."""
        selection = self.env["union.unit"]._fields["unit_type"]._description_selection(self.env)
        return [
            (key, self.env._(UNIT_TYPE_GROUPS[key]) if key in UNIT_TYPE_GROUPS else label) for key, label in selection
        ]

    @api.model
    def _get_result_category(self, report):
        """Return on_time, late or missing for a unit's report on a phase (an empty recordset: no report)."""
        if report.state in REPORTED_STATES:
            return "late" if report.submitted_days_late > 0 else "on_time"
        return "missing"

    @api.model
    def _get_reviewer(self, report):
        """Return who the report waits for, else who decided on it last."""
        if report.state == "submitted":
            return report.reviewer_id
        decisions = report.review_ids.filtered(lambda r: r.decision in ("approved", "returned"))
        return decisions.sorted(lambda r: (r.date, r.id))[-1:].user_id

    @api.model
    def _get_phase_results(self, phases):
        """Return, per phase id, the units' rows, the counts per unit type and the totals per content item."""
        Report = self.env["union.unit.report"]
        Line = self.env["union.unit.report.line"]
        reports = Report.search([("phase_id", "in", phases.ids)])
        by_cell = {(report.phase_id.id, report.unit_id.id): report for report in reports}
        reported = reports.filtered(lambda r: r.state in REPORTED_STATES)
        sums = {
            activity.id: (qty, participants, links)
            for activity, qty, participants, links in Line._read_group(
                [("report_id", "in", reported.ids)],
                ["activity_id"],
                ["qty_done:sum", "participant_count:sum", "link_count:sum"],
            )
        }
        done = {
            activity.id: count
            for activity, count in Line._read_group(
                [("report_id", "in", reported.ids), ("is_done", "=", True)], ["activity_id"], ["__count"]
            )
        }
        type_labels = self._get_unit_type_labels()
        type_order = {key: index for index, (key, _label) in enumerate(type_labels)}
        today = local_today(self.env)
        uom_labels = dict(self.env["union.campaign.activity"]._fields["target_uom"]._description_selection(self.env))
        results = {}
        for phase in phases:
            items = phase.activity_ids.filtered(lambda a: a.scope == "units").sorted(lambda a: (a.sequence, a.id))
            phase_reports = reports.filtered(lambda r, phase=phase: r.phase_id == phase)
            units = (items.unit_ids & phase.campaign_id.unit_ids) | phase_reports.unit_id
            rows = []
            for unit in units.sorted(lambda u: (type_order.get(u.unit_type, 99), u.name, u.id)):
                report = by_cell.get((phase.id, unit.id), Report)
                if report.state == "cancelled":
                    continue
                rows.append(self._get_unit_row(phase, unit, report, today))
            results[phase.id] = {
                "phase": phase,
                "period": self._get_phase_period(phase),
                "deadline": self._format_short_date(phase.report_deadline or phase.date_end),
                "rows": rows,
                "late_or_missing": [row for row in rows if row["category"] != "on_time"],
                "types": self._count_by_type(rows, type_labels),
                "total": self._count(rows),
                "items": [
                    {
                        "activity": item,
                        "target": item.target_qty,
                        "target_text": (
                            self._format_quantity(item.target_qty, uom_labels.get(item.target_uom))
                            if item.target_qty
                            else ""
                        ),
                        "qty_text": self._format_quantity(sums.get(item.id, (0, 0, 0))[0]),
                        "assigned": len([row for row in rows if row["unit"] in item.unit_ids]),
                        "done": done.get(item.id, 0),
                        "qty": sums.get(item.id, (0, 0, 0))[0],
                        "participants": sums.get(item.id, (0, 0, 0))[1],
                        "links": sums.get(item.id, (0, 0, 0))[2],
                    }
                    for item in items
                ],
            }
        return results

    @api.model
    def _get_unit_row(self, phase, unit, report, today):
        """Return what the results say of one unit on one phase. Override to add columns."""
        category = self._get_result_category(report)
        if report:
            days_late = report.days_late
        else:
            deadline = phase.report_deadline or phase.date_end
            days_late = max((today - deadline).days, 0) if deadline else 0
        submitted = False
        if report.date_submitted and category != "missing":
            submitted = local_now(self.env, report.submitted_user_id or None, report.date_submitted).replace(
                tzinfo=None
            )
        detail = self.env._(CATEGORIES[category])
        if category == "missing":
            detail = self.env._(MISSING_DETAILS.get(report.state, MISSING_DETAILS[False]))
        return {
            "unit": unit,
            "unit_type": unit.unit_type,
            "report": report,
            "category": category,
            "category_label": self.env._(CATEGORIES[category]),
            "detail": detail,
            "state_label": (
                dict(report._fields["state"]._description_selection(self.env))[report.state] if report else detail
            ),
            "submitted": submitted,
            "submitted_text": submitted.strftime("%d/%m/%Y %H:%M") if submitted else "",
            "days_late": days_late,
            "reviewer": self._get_reviewer(report) if report else self.env["res.users"],
            "lines": {line.activity_id.id: line for line in report.line_ids} if category != "missing" else {},
        }

    @api.model
    def _count(self, rows):
        counts = {"expected": len(rows), "on_time": 0, "late": 0, "missing": 0}
        for row in rows:
            counts[row["category"]] += 1
        counts["reported"] = counts["on_time"] + counts["late"]
        counts["rate"] = counts["reported"] / counts["expected"] if counts["expected"] else 0.0
        counts["rate_text"] = f"{round(counts['rate'] * 100)}%"
        return counts

    @api.model
    def _count_by_type(self, rows, type_labels):
        return [
            dict(self._count(type_rows), key=key, label=label)
            for key, label in type_labels
            if (type_rows := [row for row in rows if row["unit_type"] == key])
        ]


class ReportPhaseResults(models.AbstractModel):
    """The consolidated results of one phase, printed from the phase."""

    _name = "report.union_campaign.report_phase_results"
    _inherit = ["report.union_campaign.report_campaign_results"]
    _description = "Consolidated Results of a Phase"

    @api.model
    def _get_report_values(self, docids, data=None):
        phases = self.env["union.campaign.phase"].browse(docids)
        return self._get_results_values(phases, {phase: phase for phase in phases})
