# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ReportUnitReport(models.AbstractModel):
    """A unit's report on a phase, as the official document the unit sends to the federation."""

    _name = "report.union_campaign.report_unit_report"
    _inherit = ["union.campaign.report.mixin"]
    _description = "Unit Report Document"

    @api.model
    def _get_report_values(self, docids, data=None):
        reports = self.env["union.unit.report"].browse(docids)
        # The record rules decide: a reporter prints the reports of their own units only.
        reports.check_access("read")
        langs, documents = {}, {}
        for report in reports:
            lang = self._get_document_lang(report.unit_id, report.company_id)
            langs[report.id] = lang
            documents[report.id] = self.with_context(lang=lang)._get_unit_report_document(
                report.with_context(lang=lang)
            )
        return {
            "doc_ids": docids,
            "doc_model": "union.unit.report",
            "docs": reports,
            "doc_langs": langs,
            "documents": documents,
        }

    @api.model
    def _get_unit_report_document(self, report):
        """Return the wording the unit report's template prints. Override to change parts of the document."""
        unit = report.unit_id
        campaign = report.campaign_id
        day = self._get_local_date(report.date_submitted, report.submitted_user_id or None)
        chair = unit.chair_user_id
        uom_labels = dict(report.line_ids._fields["target_uom"]._description_selection(self.env))
        return {
            "parent_heading": self._get_parent_heading(unit),
            "body_heading": self._get_body_heading(unit),
            "place_date": self._format_document_date(day, unit.partner_id.city or campaign.issue_place),
            "is_draft": report.state not in ("submitted", "approved"),
            "addressee": campaign.issuing_unit_id.name,
            "recipients": self._get_report_recipients(campaign.issuing_unit_id),
            "subject": self.env._(
                "Results of the implementation of %(plan)s of %(issuer)s",
                plan=self._get_plan_citation(campaign),
                issuer=campaign.issuing_unit_id.name,
            ),
            "phase": self.env._(
                "Phase %(number)s: %(phase)s (%(period)s)",
                number=campaign.phase_ids.sorted(lambda p: (p.sequence, p.id)).ids.index(report.phase_id.id) + 1,
                phase=report.phase_id.name,
                period=self._get_phase_period(report.phase_id),
            ),
            "lines": [
                {
                    "line": line,
                    "target": self._format_quantity(line.target_qty, uom_labels.get(line.target_uom))
                    if line.target_qty
                    else "",
                    "qty": self._format_quantity(line.qty_done),
                    "urls": line._get_urls(),
                }
                for line in report.line_ids
            ],
            "signer_capacity": self.env._("ON BEHALF OF THE EXECUTIVE COMMITTEE") if chair else "",
            "signer_title": self.env._("CHAIR") if chair else self.env._("REPORTER"),
            "signer_name": chair.name if chair else (report.submitted_user_id or report.user_id).name,
        }
