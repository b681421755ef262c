# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from ..models.union_workflow_mixin import REPORTED_STATES


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
            lang = report.unit_id._get_document_lang()
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
        return {
            **self._get_header(unit),
            "place_date": self._format_document_date(day, unit.partner_id.city or campaign.issue_place),
            "is_draft": report.state not in REPORTED_STATES,
            "addressee": campaign.issuing_unit_id.name,
            "recipients": self._get_report_recipients(campaign.issuing_unit_id),
            "subject": self.env._(
                "Results of the implementation of %(plan)s of %(issuer)s",
                plan=self._get_plan_citation(campaign),
                issuer=campaign.issuing_unit_id.name,
            ),
            "period": self._get_report_period(report),
            "lines": [
                {
                    "line": line,
                    "target": self._format_quantity(line.target_qty, line.target_uom) if line.target_qty else "",
                    "qty": self._format_quantity(line.qty_done),
                    "urls": [self._format_link(url) for url in line._get_urls()],
                }
                for line in report.line_ids
            ],
            "signature_lines": (
                [self.env._("ON BEHALF OF THE EXECUTIVE COMMITTEE"), self.env._("CHAIR")]
                if chair
                else [self.env._("REPORTER")]
            ),
            "documents": report.attachment_ids.mapped("name"),
            "signer_name": chair.name if chair else (report.submitted_user_id or report.user_id).name,
        }

    @api.model
    def _format_link(self, url, limit=120):
        """A link as printed: in full when short, else its beginning (host and path) and an ellipsis; a page
        never holds a 20,000-character address."""
        return url if len(url) <= limit else f"{url[: limit - 1]}…"

    @api.model
    def _get_report_period(self, report):
        """Return what the report is for: its period (“Giai đoạn 1 (từ tháng 11/2020 đến hết 20/01/2021)”), with the
        report asked when the schedule is not one report per period (“Báo cáo kết quả: Quý I/2027”)."""
        schedule = report.schedule_id
        label = report.period_label or schedule.name
        if report.phase_id:
            label = self.env._("%(name)s (%(period)s)", name=label, period=self._get_phase_period(report.phase_id))
        if schedule.kind == "per_period" or label == schedule.name:
            return label
        return self.env._("%(report)s: %(period)s", report=schedule.name, period=label)
