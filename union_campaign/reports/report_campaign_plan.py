# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ReportCampaignPlan(models.AbstractModel):
    """The plan (Kế hoạch) as an official document, written in the document's language."""

    _name = "report.union_campaign.report_campaign_plan"
    _inherit = ["union.campaign.report.mixin"]
    _description = "Plan Document"

    @api.model
    def _get_report_values(self, docids, data=None):
        campaigns = self.env["union.campaign"].browse(docids)
        campaigns.check_access("read")
        langs, documents = {}, {}
        for campaign in campaigns:
            lang = self._get_document_lang(campaign.issuing_unit_id, campaign.company_id)
            langs[campaign.id] = lang
            documents[campaign.id] = self.with_context(lang=lang)._get_plan_document(campaign.with_context(lang=lang))
        return {
            "doc_ids": docids,
            "doc_model": "union.campaign",
            "docs": campaigns,
            "doc_langs": langs,
            "documents": documents,
        }

    @api.model
    def _get_plan_document(self, campaign):
        """Return the wording the plan's template prints. Override to add or change parts of the document."""
        return {
            "parent_heading": self._get_parent_heading(campaign.issuing_unit_id),
            "body_heading": self._get_body_heading(campaign.issuing_unit_id),
            "place_date": self._format_document_date(campaign.issue_date, campaign.issue_place),
            "bases": self._get_bases_paragraph(campaign),
            "phases": [
                {
                    "phase": phase,
                    "period": self._get_phase_period(phase),
                    "items": [
                        item.description or item.name
                        for item in phase.activity_ids.filtered("in_document").sorted(lambda a: (a.sequence, a.id))
                    ],
                }
                for phase in campaign.phase_ids.sorted(lambda p: (p.sequence, p.id))
            ],
            "forms": campaign.form_ids.mapped("name"),
            "slogans": campaign.slogan_ids.sorted(lambda s: (s.sequence, s.id)),
            "responsibilities": [
                {"name": duty.name, "lines": self._split_duties(duty.description)}
                for duty in campaign.responsibility_ids.sorted(lambda r: (r.sequence, r.id))
            ],
            "recipients": campaign.recipient_ids.sorted(lambda r: (r.sequence, r.id)).mapped("display_name"),
        }

    @api.model
    def _get_bases_paragraph(self, campaign):
        """Return the opening paragraph: the documents the plan implements, then how the issuing body deploys it."""
        citations = "; ".join(
            basis._get_citation() for basis in campaign.legal_basis_ids.sorted(lambda b: (b.sequence, b.id))
        )
        introduction = (campaign.introduction or "").strip()
        if citations and introduction:
            return self.env._("Pursuant to %(bases)s; %(introduction)s", bases=citations, introduction=introduction)
        if citations:
            return self.env._("Pursuant to %(bases)s.", bases=citations)
        return introduction

    @api.model
    def _split_duties(self, text):
        """One duty per line; the dash is the document's, not the user's."""
        lines = (line.strip() for line in (text or "").splitlines())
        return [line.removeprefix("-").strip() for line in lines if line.strip("- ")]
