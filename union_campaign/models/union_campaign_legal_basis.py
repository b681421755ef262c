# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models


class UnionCampaignLegalBasis(models.Model):
    """A document the plan is based on (căn cứ), e.g. Kế hoạch số 60/KH-LĐLĐ ngày 08/12/2020."""

    _name = "union.campaign.legal.basis"
    _inherit = ["union.campaign.line.mixin"]
    _description = "Legal Basis of a Plan"

    document_type = fields.Char(required=True, help="e.g. kế hoạch, hướng dẫn, nghị quyết")
    document_number = fields.Char(string="Number", required=True, help="e.g. 60/KH-LĐLĐ")
    document_date = fields.Date(string="Date")
    issuer = fields.Char(help="Body that issued the document, e.g. LĐLĐ Thành phố Hà Nội.")
    summary = fields.Char(help="What the document is about, as cited, e.g. “về công tác thông tin, tuyên truyền ...”.")
    citation = fields.Char(compute="_compute_citation", help="The document as cited in the plan.")

    @api.depends("document_type", "document_number", "document_date", "issuer", "summary")
    def _compute_citation(self):
        for basis in self:
            basis.citation = basis._get_citation()

    def _get_citation(self):
        """Return the citation in the plan's wording. Override to cite differently."""
        self.ensure_one()
        parts = [_("%(type)s no. %(number)s", type=self.document_type or "", number=self.document_number or "")]
        if self.document_date:
            parts.append(_("dated %(date)s", date=self.document_date.strftime("%d/%m/%Y")))
        if self.issuer:
            parts.append(_("of %(issuer)s", issuer=self.issuer))
        if self.summary:
            parts.append(self.summary)
        return " ".join(parts)
