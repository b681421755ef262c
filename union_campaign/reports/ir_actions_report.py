# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from collections import OrderedDict

from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from odoo import models
from odoo.tools.pdf import PdfFileReader, PdfFileWriter

# Official documents numbered as Decree 30/2020/NĐ-CP asks: Arabic numerals, 13-14 pt, centred in the top
# margin, no number on the first page.
NUMBERED_REPORTS = (
    "union_campaign.report_campaign_plan",
    "union_campaign.report_campaign_results",
    "union_campaign.report_phase_results",
    "union_campaign.report_unit_report",
)


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        """Number the pages of the official documents ourselves.

        wkhtmltopdf prints HTML headers and footers only in its patched-Qt build, not in the one Debian
        ships; stamping the numbers on the PDF gives the same result with either build.
        """
        if self._get_report(report_ref).report_name not in NUMBERED_REPORTS:
            return super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=res_ids)
        if res_ids and len(res_ids) > 1:
            # Debian's wkhtmltopdf (unpatched Qt) cannot render several pages in one call ("Exit with code 1, due
            # to unknown error"): one document per record, merged by the caller, each numbered on its own.
            collected = OrderedDict()
            for res_id in res_ids:
                collected.update(self._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=[res_id]))
            return collected
        collected = super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=res_ids)
        for values in collected.values():
            if values.get("stream"):
                values["stream"] = self._union_number_pages(values["stream"])
        return collected

    def _union_number_pages(self, stream):
        """Return a copy of the PDF `stream` with page numbers from the second page on."""
        reader = PdfFileReader(stream, strict=False, overwriteWarnings=False)
        page_count = reader.getNumPages()
        if page_count < 2:
            return stream
        overlay = io.BytesIO()
        numbers = canvas.Canvas(overlay)
        for index in range(page_count):
            page = reader.getPage(index)
            width, height = float(abs(page.mediaBox.getWidth())), float(abs(page.mediaBox.getHeight()))
            numbers.setPageSize((width, height))
            if index:
                numbers.setFont("Times-Roman", 13)
                numbers.drawCentredString(width / 2, height - 12 * mm, str(index + 1))
            numbers.showPage()
        numbers.save()
        stamps = PdfFileReader(overlay, overwriteWarnings=False)
        writer = PdfFileWriter()
        for index in range(page_count):
            page = reader.getPage(index)
            page.mergePage(stamps.getPage(index))
            writer.addPage(page)
        numbered = io.BytesIO()
        writer.write(numbered)
        return numbered
