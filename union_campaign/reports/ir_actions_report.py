# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from collections import OrderedDict

from reportlab.lib.units import mm

from odoo import api, models
from odoo.tools.pdf import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    PdfFileReader,
    PdfFileWriter,
)

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
        """Return a copy of the PDF `stream` with page numbers from the second page on.

        Linear in the number of pages, whatever they hold: each page gets a small content stream of its own
        drawing its number (and the standard Times-Roman font in its resources); its own content is never parsed
        (merging overlay pages parses every page, minutes for a long document).
        """
        reader = PdfFileReader(stream, strict=False)
        pages = reader.pages
        if len(pages) < 2:
            return stream
        writer = PdfFileWriter()
        font = writer._add_object(
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Font"),
                    NameObject("/Subtype"): NameObject("/Type1"),
                    NameObject("/BaseFont"): NameObject("/Times-Roman"),
                    NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
                }
            )
        )
        shared = {
            "font": font,
            "save": writer._add_object(self._union_pdf_stream(b"q\n")),
            "restore": writer._add_object(self._union_pdf_stream(b"\nQ\n")),
        }
        for index, page in enumerate(pages):
            if index:
                self._union_stamp_page(writer, page, shared, str(index + 1))
            writer.add_page(page)
        numbered = io.BytesIO()
        writer.write(numbered)
        return numbered

    @api.model
    def _union_pdf_stream(self, data):
        stream = DecodedStreamObject()
        stream.set_data(data)
        return stream

    @api.model
    def _union_stamp_page(self, writer, page, shared, number):
        """Draw `number` centred in the top margin of `page` (13 pt Times), after the page's own content, which is
        wrapped in q/Q so that whatever it leaves in the graphics state does not move the number."""
        box = page.mediabox
        width, height = float(box.width), float(box.height)
        size = 13
        # Times-Roman digits are half an em wide.
        x = width / 2 - len(number) * size / 4
        y = height - 12 * mm
        resources = page.get("/Resources")
        resources = resources.get_object() if resources is not None else DictionaryObject()
        fonts = resources.get("/Font")
        fonts = fonts.get_object() if fonts is not None else DictionaryObject()
        fonts[NameObject("/UcPageNo")] = shared["font"]
        resources[NameObject("/Font")] = fonts
        page[NameObject("/Resources")] = resources
        text = f"BT /UcPageNo {size} Tf {x:.2f} {y:.2f} Td ({number}) Tj ET\n".encode()
        contents = page.get("/Contents")
        existing = []
        if contents is not None:
            target = contents.get_object()
            existing = list(target) if isinstance(target, ArrayObject) else [contents]
        number_stream = writer._add_object(self._union_pdf_stream(text))
        page[NameObject("/Contents")] = ArrayObject([shared["save"], *existing, shared["restore"], number_stream])
