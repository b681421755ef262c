# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import format_admin_date


class UnionCampaignLegalBasis(models.Model):
    """A document the plan is based on (căn cứ), e.g. “Căn cứ Kế hoạch số 121/KH-LĐLĐ ngày 05/11/2024 của ...”."""

    _name = "union.campaign.legal.basis"
    _inherit = ["union.campaign.line.mixin"]
    _description = "Legal Basis of a Plan"

    verb = fields.Char(
        default="Căn cứ",
        help="The word the plan cites the document with: Căn cứ, Thực hiện, Theo... Empty: the citation continues "
        "the previous one (“...; hướng dẫn số ...”).",
    )
    document_type = fields.Char(help="e.g. kế hoạch, hướng dẫn, nghị quyết, chương trình công tác năm 2024")
    document_number = fields.Char(string="Number", help="e.g. 60/KH-LĐLĐ")
    document_date = fields.Date(string="Date")
    issuer = fields.Char(help="Body that issued the document, e.g. LĐLĐ Thành phố Hà Nội.")
    summary = fields.Char(help="What the document is about, as cited, e.g. “về công tác thông tin, tuyên truyền ...”.")
    wording = fields.Char(
        string="Citation as Worded",
        help="The citation exactly as the plan words it (without the verb), when it differs from the one written "
        "from the fields above.",
    )
    ending = fields.Selection(
        selection=[(";", ";"), (",", ","), (".", "."), (":", ":"), ("", "(none)")],
        default=";",
        help="Punctuation after the citation.",
    )
    citation = fields.Char(compute="_compute_citation", help="The document as cited in the plan.")

    @api.depends("verb", "document_type", "document_number", "document_date", "issuer", "summary", "wording")
    def _compute_citation(self):
        for basis in self:
            basis.citation = basis._get_citation()

    @api.constrains("document_type", "wording")
    def _check_cited(self):
        for basis in self:
            if not (basis.document_type or basis.wording):
                raise ValidationError(self.env._("A legal basis needs the kind of document it cites, or its wording."))

    def _get_citation(self):
        """Return the citation in the plan's wording, without its verb. Override to cite differently."""
        self.ensure_one()
        if self.wording:
            return self.wording
        parts = [self.document_type or ""]
        if self.document_number:
            parts.append(self.env._("no. %(number)s", number=self.document_number))
        if self.document_date:
            parts.append(self.env._("dated %(date)s", date=format_admin_date(self.document_date)))
        if self.issuer:
            parts.append(self.env._("of %(issuer)s", issuer=self.issuer))
        if self.summary:
            parts.append(self.summary)
        return " ".join(part for part in parts if part)

    def _get_sentence(self):
        """Return the citation as printed: its verb, the citation and its punctuation."""
        self.ensure_one()
        return (
            f"{self.verb} {self._get_citation()}{self.ending or ''}"
            if self.verb
            else f"{self._get_citation()}{self.ending or ''}"
        )
