# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools.misc import formatLang

from ..models.union_campaign_budget_line import format_dong
from ..models.union_workflow_mixin import REPORTED_STATES
from ..tools import local_now, local_today


# A unit has reported once its report is submitted or approved; cancelled reports are left out.
class ReportCampaignResults(models.AbstractModel):
    """Consolidated results of a plan (báo cáo kết quả), for the federation's superiors."""

    _name = "report.union_campaign.report_campaign_results"
    _inherit = ["union.campaign.report.mixin"]
    _description = "Consolidated Results of a Plan"

    @api.model
    def _get_report_values(self, docids, data=None):
        campaigns = self.env["union.campaign"].browse(docids)
        return self._get_results_values(
            campaigns, {campaign: [("campaign_id", "=", campaign.id)] for campaign in campaigns}
        )

    @api.model
    def _get_results_values(self, docs, domain_by_doc):
        """Return the rendering values of the results of `docs`, each covering the reports of `domain_by_doc[doc]`."""
        self._check_results_access(docs)
        documents, langs = {}, {}
        for doc, domain in domain_by_doc.items():
            campaign = doc if doc._name == "union.campaign" else doc.campaign_id
            lang = campaign.issuing_unit_id._get_document_lang()
            langs[doc.id] = lang
            documents[doc.id] = self.with_context(lang=lang)._get_results_document(
                campaign.with_context(lang=lang), domain, doc if doc._name == "union.campaign.phase" else None
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
    def _get_results_document(self, campaign, domain, phase=None):
        """Return the wording and figures of the results document. Override to add parts to it."""
        today = local_today(self.env)
        unit = campaign.issuing_unit_id
        suffix = campaign.reference.rpartition("-")[2] if campaign.reference and "-" in campaign.reference else ""
        # sudo: officers may read every report; the counts cover the whole plan, whoever prints them.
        reports = self.env["union.unit.report"].search(domain)
        rounds = self._get_round_results(campaign, reports)
        reported_amount = sum(reports.filtered(lambda r: r.state in REPORTED_STATES).line_ids.mapped("amount"))
        return {
            "campaign": campaign,
            **self._get_header(unit),
            "number": f"......./BC-{suffix}" if suffix else "......./BC",
            "place_date": self._format_document_date(today, campaign.issue_place),
            "addressee": unit.parent_id.name or "",
            "recipients": self._get_report_recipients(unit.parent_id),
            "subject": self.env._("Results of the implementation of %(plan)s", plan=self._get_plan_citation(campaign)),
            "phase_subject": self.env._("Phase: %(phase)s", phase=phase.name) if phase else "",
            "as_of": self.env._("Figures as of %(date)s.", date=self._format_short_date(today)),
            "definitions": self._get_definitions(),
            "rounds": rounds,
            "levels": self._get_level_results(campaign, phase),
            "level_definitions": self._get_level_definitions(),
            "budget": {
                "planned": campaign.budget_total,
                "planned_text": self._format_amount(campaign.budget_total),
                "reported": reported_amount,
                "reported_text": self._format_amount(reported_amount),
            }
            if campaign.budget_line_ids or reported_amount
            else False,
            "signature_lines": [line.strip() for line in (campaign.signature_lines or "").splitlines() if line.strip()],
        }

    @api.model
    def _get_level_results(self, campaign, phase=None):
        """Return the results of the levels below the plan, per item of the top plan and level of the reporting
        units, from the roll-up of the chain (union.campaign._get_rollup: approved reports, each level's own work):
        [{"item", "levels": [{"level", "done_text", "qty_text", "participants", "amount_text", "missing"}]}]. Empty
        when no plan implements this one; what the user may read of the chain (record rules) is what it counts."""
        tree = campaign._get_implementing_tree()
        if len(tree) < 2:
            return []
        plans = campaign.browse([plan.id for plan, _depth in tree])
        rows = campaign._get_rollup(plans, include_unreported=True)
        if phase:
            items = set(phase.item_ids.root_item_id.ids)
            rows = [row for row in rows if row["item_id"] in items]
        results = {}
        for row in rows:
            result = results.setdefault(row["item_id"], {"item": row["item"], "levels": []})
            result["levels"].append(
                {
                    "level": row["level"],
                    "done": row["done"],
                    "asked": row["asked"],
                    "done_text": self._format_share(row["done"], row["asked"]),
                    "qty": row["qty"],
                    "qty_text": self._format_quantity(row["qty"]),
                    "participants": row["participants"],
                    "amount": row["amount"],
                    "amount_text": self._format_amount(row["amount"]),
                    # Asked and nothing approved yet: the level is missing from the results.
                    "missing": not row["lines"],
                }
            )
        return list(results.values())

    @api.model
    def _format_share(self, done, asked):
        """Return how many units did an item out of those asked, as an upward report says it: 12/15 units (80.0 %)."""
        return self.env._(
            "%(done)s/%(asked)s units (%(share)s %%)",
            done=done,
            asked=asked,
            share=formatLang(self.env, 100.0 * done / asked if asked else 0.0, digits=1),
        )

    @api.model
    def _format_amount(self, amount):
        return format_dong(amount)

    @api.model
    def _get_definitions(self):
        """Return the sentences that say how units are counted, printed with the figures."""
        return [
            self.env._("A unit has reported when its report is submitted or approved."),
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
    def _get_level_definitions(self):
        """Return the sentences that say how the results across the levels below are counted."""
        return [
            self.env._(
                "Across the levels below, each level counts the approved reports of its own units and its own work "
                "only (an upward report without what it added up from its units), so the levels add up without "
                "counting a unit twice; a unit is counted once per report asked of it."
            ),
        ]

    @api.model
    def _get_category_labels(self):
        """Return how the results name a unit's standing: on time, late, not reported."""
        return {"on_time": self.env._("On time"), "late": self.env._("Late"), "missing": self.env._("Not reported")}

    @api.model
    def _get_missing_details(self):
        """Return why a unit counts as not reported, by the state of its report (False: no report)."""
        return {
            False: self.env._("No report"),
            "draft": self.env._("Not submitted"),
            "returned": self.env._("Sent back, not resubmitted"),
            "not_submitted": self.env._("Not submitted before the plan closed"),
        }

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
    def _get_round_results(self, campaign, reports):
        """Return, per reporting occurrence (a column of the compliance matrix) in deadline order, the units'
        rows, the counts per unit type and the totals per content item."""
        Line = self.env["union.unit.report.line"]
        reported = reports.filtered(lambda r: r.state in REPORTED_STATES)
        sums = {
            activity.id: (qty, participants, links, amount)
            for activity, qty, participants, links, amount in Line._read_group(
                [("report_id", "in", reported.ids)],
                ["item_id"],
                ["qty_done:sum", "participant_count:sum", "link_count:sum", "amount:sum"],
            )
        }
        done = {
            activity.id: count
            for activity, count in Line._read_group(
                [("report_id", "in", reported.ids), ("is_done", "=", True)], ["item_id"], ["__count"]
            )
        }
        today = local_today(self.env)
        results = []
        for column in self.env["union.compliance.matrix"]._get_report_columns(reports):
            round_reports = reports.filtered(lambda r, key=column["id"]: r._get_column_key() == key)
            sample = round_reports[:1]
            rows = [
                self._get_unit_row(report, today)
                for report in round_reports.sorted(
                    lambda r: (r.unit_type_id.sequence, r.unit_type_id.id, r.unit_id.name, r.id)
                )
                if report.state != "cancelled"
            ]
            items = round_reports.line_ids.item_id.sorted(lambda a: (a.phase_sequence, a.sequence, a.id))
            results.append(
                {
                    "key": column["id"],
                    "label": column["name"],
                    "title": self._get_round_title(sample),
                    "deadline": self._format_short_date(fields.Date.to_date(column["deadline"])),
                    "date_deadline": fields.Date.to_date(column["deadline"]),
                    "rows": rows,
                    "late_or_missing": [row for row in rows if row["category"] != "on_time"],
                    "types": self._count_by_type(rows),
                    "total": self._count(rows),
                    "items": [self._get_item_result(item, rows, sums, done) for item in items],
                }
            )
        return results

    @api.model
    def _get_round_title(self, report):
        """Return the heading of one reporting occurrence: the report asked and its period."""
        return self.env["report.union_campaign.report_unit_report"]._get_report_period(report)

    @api.model
    def _get_item_result(self, item, rows, sums, done):
        """Return what the units reported on one item, with its target (a share of units: the share reached)."""
        qty, participants, links, amount = sums.get(item.id, (0, 0, 0, 0))
        assigned_ids = set(item.unit_ids.ids)
        assigned = len([row for row in rows if row["unit"].id in assigned_ids])
        # A quantity target of nothing is no target (it would print "0 người").
        targets = item.target_ids.filtered(lambda target: target.value or target.kind != "quantity")
        reached = []
        for target in targets.filtered(lambda t: t.kind == "percent_units"):
            units = [row for row in rows if row["unit"].id in assigned_ids and target._applies_to(row["unit"])]
            share = (
                100.0
                * len([row for row in units if row["lines"].get(item.id) and row["lines"][item.id].is_done])
                / len(units)
                if units
                else 0.0
            )
            reached.append(
                self.env._("%(share)s%% of units (target %(target)s%%)", share=round(share), target=round(target.value))
            )
        return {
            "activity": item,
            "target": item.target_qty,
            "target_text": "; ".join(targets.mapped("name"))
            or (self._format_quantity(item.target_qty, item.target_uom) if item.target_qty else ""),
            "reached_text": "; ".join(reached),
            "qty_text": self._format_quantity(qty),
            "assigned": assigned,
            "done": done.get(item.id, 0),
            "qty": qty,
            "participants": participants,
            "links": links,
            "amount": amount,
        }

    @api.model
    def _get_unit_row(self, report, today):
        """Return what the results say of one unit's report. Override to add columns."""
        unit = report.unit_id
        category = self._get_result_category(report)
        days_late = report.days_late
        if report.state == "not_submitted" and report.date_deadline:
            days_late = max((today - report.date_deadline).days, 0)
        submitted = False
        if report.date_submitted and category != "missing":
            submitted = local_now(self.env, report.submitted_user_id or None, report.date_submitted).replace(
                tzinfo=None
            )
        labels, details = self._get_category_labels(), self._get_missing_details()
        detail = labels[category]
        if category == "missing":
            detail = details.get(report.state, details[False])
        return {
            "unit": unit,
            "unit_type": unit.unit_type_id,
            "report": report,
            "category": category,
            "category_label": labels[category],
            "detail": detail,
            "state_label": (
                dict(report._fields["state"]._description_selection(self.env))[report.state] if report else detail
            ),
            "submitted": submitted,
            "submitted_text": submitted.strftime("%d/%m/%Y %H:%M") if submitted else "",
            "days_late": days_late,
            "reviewer": self._get_reviewer(report) if report else self.env["res.users"],
            "lines": {line.item_id.id: line for line in report.line_ids} if category != "missing" else {},
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
    def _count_by_type(self, rows):
        """Return the counts per unit type, in the types' order, each named as a group of units ("khối")."""
        unit_types = self.env["union.unit.type"].union(*(row["unit_type"] for row in rows)).sorted("sequence")
        return [
            dict(self._count(type_rows), key=unit_type.id, label=unit_type.group_label or unit_type.name)
            for unit_type in unit_types
            if (type_rows := [row for row in rows if row["unit_type"] == unit_type])
        ]


class ReportPhaseResults(models.AbstractModel):
    """The consolidated results of one phase, printed from the phase."""

    _name = "report.union_campaign.report_phase_results"
    _inherit = ["report.union_campaign.report_campaign_results"]
    _description = "Consolidated Results of a Phase"

    @api.model
    def _get_report_values(self, docids, data=None):
        phases = self.env["union.campaign.phase"].browse(docids)
        return self._get_results_values(phases, {phase: [("phase_id", "=", phase.id)] for phase in phases})
