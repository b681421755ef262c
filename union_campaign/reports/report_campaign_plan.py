# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from markupsafe import Markup

from odoo import api, models

from ..models.union_campaign_budget_line import format_dong
from ..models.union_workflow_mixin import PLAN_DRAFT_STATES
from ..tools.numbering import format_marker, outline_numbers

# Kinds of section whose own text is the content: printed whenever they have a heading or text.
TEXT_KINDS = ("text", "custom", "unrecognised")


def _in_order(record):
    """Sort key of the plan's parts: their sequence, then the order they were created in. Parts not saved yet (the
    form's preview) come after the saved ones, in the order the form lists them."""
    return (record.sequence, record._origin.id or math.inf)


class ReportCampaignPlan(models.AbstractModel):
    """The plan (Kế hoạch) as an official document, written in the document's language, following its outline."""

    _name = "report.union_campaign.report_campaign_plan"
    _inherit = ["union.campaign.report.mixin"]
    _description = "Plan Document"

    @api.model
    def _get_report_values(self, docids, data=None):
        campaigns = self.env["union.campaign"].browse(docids)
        campaigns.check_access("read")
        langs, documents = {}, {}
        for campaign in campaigns:
            lang = campaign.issuing_unit_id._get_document_lang()
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
        is_draft = campaign.state in PLAN_DRAFT_STATES  # "DỰ THẢO" on top and no number
        return {
            **self._get_header(campaign.issuing_unit_id),
            "is_draft": is_draft,
            "number": self._get_number(campaign, is_draft),
            "place_date": self._format_document_date(campaign.issue_date, campaign.issue_place),
            "bases": self._get_bases_paragraphs(campaign),
            "lines": self._get_outline_lines(campaign),
            "recipients": self._format_recipients(campaign.recipient_ids.sorted(_in_order).mapped("display_name")),
            "signature_lines": [line.strip() for line in (campaign.signature_lines or "").splitlines() if line.strip()],
        }

    @api.model
    def _get_preview_html(self, campaign):
        """Return the plan's body as it prints, as HTML for the plan's form: bases, then each line of the outline
        with its marker (a section with nothing to print does not appear, as in the document)."""
        parts = [Markup("<p>%s</p>") % basis for basis in self._get_bases_paragraphs(campaign)]
        lines = self._get_outline_lines(campaign)
        for line in lines:
            text = f"{line['marker']} {line['text']}" if line["marker"] else line["text"]
            tag = {"h1": "h4", "h2": "h5", "h3": "h6"}.get(line["style"])
            parts.append(Markup(f"<{tag}>%s</{tag}>") % text if tag else Markup("<p>%s</p>") % text)
        if not lines:
            parts.append(
                Markup('<p class="text-warning">%s</p>')
                % self.env._(
                    "The plan has no outline yet: only its header, bases, recipients and signature print. Add "
                    "sections (tab Outline) or start from a template."
                )
            )
        return Markup("").join(parts)

    @api.model
    def _get_number(self, campaign, is_draft):
        """Return the number printed after "Số:": a draft has none, only the symbol (“     /KH-LĐLĐ”)."""
        reference = campaign.reference or ""
        if is_draft:
            symbol = reference.partition("/")[2]
            return f"{' ' * 6}/{symbol}" if symbol else ""
        return reference

    @api.model
    def _get_bases_paragraphs(self, campaign):
        """Return the opening paragraphs: each cited document with its own verb (a citation without a verb goes on
        with the previous one), then how the issuing body deploys the plan."""
        paragraphs = []
        for basis in campaign.legal_basis_ids.sorted(_in_order):
            sentence = basis._get_sentence()
            if paragraphs and not basis.verb:
                paragraphs[-1] = f"{paragraphs[-1]} {sentence}"
            else:
                paragraphs.append(sentence)
        introduction = (campaign.introduction or "").strip()
        if introduction:
            paragraphs.append(introduction)
        return paragraphs

    # ------------------------------------------------------------------
    # The outline: sections and what they hold, as printed lines
    # ------------------------------------------------------------------
    @api.model
    def _get_outline_lines(self, campaign):
        """Return the body of the plan as printed lines {marker, text, style}, section by section.

        Numbering restarts under each higher level and closes up over sections that print nothing.
        """
        sections = campaign.section_ids.sorted(_in_order)
        contents = [self._get_section_content(section) for section in sections]
        numbers = outline_numbers(
            (section.level, bool(content or (section.kind in TEXT_KINDS and section.name)))
            for section, content in zip(sections, contents, strict=True)
        )
        lines = []
        for section, content, number in zip(sections, contents, numbers, strict=True):
            if number is None:
                continue
            level = max(section.level, 1)
            if section.name:
                lines.append(self._line(format_marker(section.numbering, number), section.name, f"h{min(level, 3)}"))
            lines += content
        return lines

    @api.model
    def _line(self, marker, text, style="p"):
        return {"marker": marker, "text": text, "style": style}

    @api.model
    def _body_lines(self, text):
        """The section's own text, one paragraph per line, printed as written."""
        return [self._line("", line.strip()) for line in (text or "").splitlines() if line.strip()]

    @api.model
    def _get_section_content(self, section):
        """Return the lines a section prints under its heading: its own text, then the plan's records of its
        kind. Override `_get_<kind>_lines` to print a kind differently."""
        lines = self._body_lines(section.body)
        method = getattr(self, f"_get_{section.kind}_lines", None)
        if method:
            lines += method(section)
        return lines

    @api.model
    def _numbered(self, section, texts, style="p"):
        return [self._line(format_marker(section.item_numbering, n), text, style) for n, text in enumerate(texts, 1)]

    @api.model
    def _get_periods_lines(self, section):
        campaign = section.campaign_id
        lines, number = [], 0
        for phase in campaign.phase_ids.sorted(_in_order):
            if phase.heading_style == "numbered":
                number += 1
                lines.append(
                    self._line(format_marker(section.item_numbering, number), self._get_phase_heading(phase), "h3")
                )
            if phase.description:
                lines += self._body_lines(phase.description)
            items = phase.item_ids.filtered(lambda a: a.in_document and not a.parent_id)
            for index, item in enumerate(items.sorted(_in_order), start=1):
                lines.append(
                    self._line(format_marker(phase.item_numbering, index), item.description or item.name, "item")
                )
                children = item.child_ids.filtered("in_document").sorted(_in_order)
                lines += [self._line("+", child.description or child.name, "subitem") for child in children]
        return lines

    @api.model
    def _get_phase_heading(self, phase):
        """Return a period's heading: as the plan words it, else its name and period ("Name (from ... to ...)")."""
        if phase.heading:
            return phase.heading
        return self.env._("%(name)s (%(period)s)", name=phase.name, period=self._get_phase_period(phase))

    @api.model
    def _get_purposes_lines(self, section):
        """The plan's purposes and requirements, as the officer typed them."""
        return self._body_lines(section.campaign_id.purpose)

    @api.model
    def _get_forms_lines(self, section):
        """The forms as the plan words them (the section's text, else the plan's), else the forms chosen."""
        if section.body:
            return []
        if section.campaign_id.forms_text:
            return self._body_lines(section.campaign_id.forms_text)
        return [self._line("-", name) for name in section.campaign_id.form_ids.mapped("name")]

    @api.model
    def _get_slogans_lines(self, section):
        slogans = section.campaign_id.slogan_ids.sorted(_in_order)
        return self._numbered(section, slogans.mapped("name"))

    @api.model
    def _get_targets_lines(self, section):
        targets = section.campaign_id.target_ids.filtered(lambda t: not t.item_id)
        # One sentence may set several targets ("90% ...; 80% ..."): consecutive targets worded alike print it once.
        wordings = []
        for wording in targets.sorted(_in_order).mapped("name"):
            if not wordings or wordings[-1] != wording:
                wordings.append(wording)
        return self._numbered(section, wordings)

    @api.model
    def _get_budget_lines(self, section):
        lines = section.campaign_id.budget_line_ids.sorted(_in_order)
        return self._numbered(section, [line._get_wording() for line in lines])

    @api.model
    def _get_duties_lines(self, section):
        lines, number = [], 0
        for duty in section.campaign_id.responsibility_ids.sorted(_in_order):
            if duty.name:
                number += 1
                lines.append(self._line(format_marker(section.item_numbering, number), duty.name, "h3"))
            lines += [self._line("-", text, "item") for text in self._split_duties(duty.description)]
        return lines

    @api.model
    def _get_reports_lines(self, section):
        """The reports asked, as the plan words them. A plan built in Odoo words a report it did not word from its
        settings (what, when, to whom); an imported plan prints only what its document said."""
        campaign = section.campaign_id
        schedules = campaign.report_schedule_ids.sorted(_in_order)
        if campaign.import_filename:
            return self._numbered(section, schedules.filtered("wording").mapped("wording"))
        return self._numbered(section, [schedule.wording or schedule._get_sentence() for schedule in schedules])

    @api.model
    def _split_duties(self, text):
        """One duty per line; the dash is the document's, not the user's."""
        lines = (line.strip() for line in (text or "").splitlines())
        return [line.removeprefix("-").strip() for line in lines if line.strip("- ")]

    @api.model
    def _format_amount(self, amount):
        return format_dong(amount)
