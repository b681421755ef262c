# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from markupsafe import Markup

from odoo import api, models

from ..models.union_campaign_budget_line import format_dong, format_number
from ..models.union_workflow_mixin import PLAN_DRAFT_STATES
from ..tools.numbering import format_marker, outline_numbers

# Kinds of section whose own text is the content: printed whenever they have a heading or text.
TEXT_KINDS = ("text", "custom", "unrecognised")
# Columns of figures, right-aligned as tables of figures are.
RIGHT_ALIGNED_ROLES = ("number", "value", "amount")


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
        header = self._get_header(campaign.issuing_unit_id)
        own = campaign._get_header_lines()
        if own:  # the issuing union is not a unit yet: the document's header as written
            header.update(parent_heading=own[0], body_heading=own[1])
        return {
            **header,
            "is_draft": is_draft,
            "number": self._get_number(campaign, is_draft),
            "place_date": self._format_document_date(campaign.issue_date, campaign.issue_place),
            "bases": self._get_bases_paragraphs(campaign),
            "lines": self._get_outline_lines(campaign),
            "appendices": self._get_appendices(campaign),
            "recipients": self._format_recipients(campaign.recipient_ids.sorted(_in_order).mapped("display_name")),
            "signature_lines": [line.strip() for line in (campaign.signature_lines or "").splitlines() if line.strip()],
        }

    @api.model
    def _get_preview_html(self, campaign):
        """Return the plan's body as it prints, as HTML for the plan's form: bases, then each line of the outline
        with its marker (a section with nothing to print does not appear, as in the document)."""
        parts = [Markup("<p>%s</p>") % basis for basis in self._get_bases_paragraphs(campaign)]
        lines = self._get_outline_lines(campaign)
        parts += [self._preview_line(line) for line in lines]
        for appendix in self._get_appendices(campaign):
            parts.append(Markup("<hr/>"))
            parts += [Markup("<h4 class='text-center'>%s</h4>") % text for text in appendix["title_lines"]]
            parts += [self._preview_line(line) for line in appendix["lines"]]
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
    def _preview_line(self, line):
        """One printed line as HTML for the form: a heading, a paragraph or a bordered table."""
        if line["style"] == "table":
            head = Markup("").join(Markup("<th>%s</th>") % column for column in line["columns"])
            rows = Markup("").join(
                Markup("<tr class='%s'>%s</tr>")
                % (
                    "fw-bold" if row["group"] else "",
                    Markup("").join(
                        Markup("<td class='%s'>%s</td>") % ("text-end" if align == "right" else "", cell)
                        for cell, align in zip(row["cells"], line["aligns"], strict=True)
                    ),
                )
                for row in line["rows"]
            )
            return Markup("<table class='table table-bordered table-sm'><thead><tr>%s</tr></thead>%s</table>") % (
                head,
                Markup("<tbody>%s</tbody>") % rows,
            )
        text = f"{line['marker']} {line['text']}" if line["marker"] else line["text"]
        tag = {"h1": "h4", "h2": "h5", "h3": "h6"}.get(line["style"])
        return Markup(f"<{tag}>%s</{tag}>") % text if tag else Markup("<p>%s</p>") % text

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
        """Return the body of the plan as printed lines {marker, text, style}, section by section (a table is one
        line of style "table": {columns, aligns, rows}); appendices are not part of it (`_get_appendices`).

        Numbering restarts under each higher level and closes up over sections that print nothing.
        """
        sections = campaign.section_ids.sorted(_in_order).filtered(lambda s: not s.is_appendix)
        return self._get_sections_lines(sections)

    @api.model
    def _get_appendices(self, campaign):
        """Return the appendices printed after the signature, each on a new page: [{title_lines, lines}]. An
        appendix starts at an appendix section of level 1 (its heading and title lines are its title); the
        appendix sections below it are its outline, numbered on their own."""
        appendices = []
        for section in campaign.section_ids.sorted(_in_order).filtered("is_appendix"):
            if section.level <= 1 or not appendices:
                titles = [section.name or "", *(section.title_lines or "").splitlines()]
                appendices.append(
                    {
                        "title_lines": [line.strip() for line in titles if line.strip()],
                        "head": section,
                        "sections": self.env["union.campaign.section"],
                    }
                )
            else:
                appendices[-1]["sections"] |= section
        return [
            {
                "title_lines": appendix["title_lines"],
                "lines": self._get_section_content(appendix["head"]) + self._get_sections_lines(appendix["sections"]),
            }
            for appendix in appendices
        ]

    @api.model
    def _get_sections_lines(self, sections):
        """The printed lines of `sections`, in order, numbered among themselves."""
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
        if section.is_table:
            table = self._get_table_line(section)
            return [*lines, table] if table["rows"] else lines
        method = getattr(self, f"_get_{section.kind}_lines", None)
        if method:
            lines += method(section)
        return lines

    # ------------------------------------------------------------------
    # Tables: columns by the roles of their headings, one row per record
    # ------------------------------------------------------------------
    @api.model
    def _get_table_line(self, section):
        """Return a section's table as one printed line: {style "table", columns, aligns, rows: [{cells, group}]}.
        A table of targets, budget lines or items prints one row per record (the cells from the record's fields,
        by each column's role), a table kept as written its rows' cells."""
        columns = section._get_table_columns()
        roles = [role for _heading, role in columns]
        if section.kind == "table":
            rows = [
                {"cells": row._get_cells(len(columns)), "group": row.is_group}
                for row in section.row_ids.sorted(_in_order)
            ]
        else:
            rows = []
            for number, record in self._get_table_records(section):
                cells = self._get_record_cells(record)
                rows.append({"cells": [number if r == "number" else cells.get(r, "") for r in roles], "group": False})
            if section.kind == "budget" and section.table_total:
                rows.append({"cells": self._get_total_cells(section, roles), "group": True})
        return {
            "marker": "",
            "text": "",
            "style": "table",
            "columns": [heading for heading, _role in columns],
            "aligns": ["right" if role in RIGHT_ALIGNED_ROLES else "left" for role in roles],
            "rows": rows,
        }

    @api.model
    def _get_total_cells(self, section, roles):
        """The cells of a budget table's last row: “Tổng cộng” in its first column of words, the sum in its columns
        of amounts."""
        total = format_number(sum(section.campaign_id.budget_line_ids.mapped("amount")))
        label = next((i for i, role in enumerate(roles) if role == "label"), 0)
        cells = [total if role in ("amount", "value") else "" for role in roles]
        cells[label] = "Tổng cộng"
        return cells

    @api.model
    def _get_table_records(self, section):
        """Return [(row number, record)] of a table of records: targets and budget lines of the plan, the items
        the table lists (a sub-item numbered under its item: 1.1, 1.2)."""
        campaign = section.campaign_id
        if section.kind == "targets":
            rows, number = [], 0
            for target in campaign.target_ids.filtered(lambda t: not t.item_id).sorted(_in_order):
                number += not target.is_part  # a part of the target above ("Trong đó: …") has no number
                rows.append(("" if target.is_part else str(number), target))
            return rows
        if section.kind == "budget":
            return [(str(n), record) for n, record in enumerate(campaign.budget_line_ids.sorted(_in_order), 1)]
        rows, items = [], section.item_ids.filtered("in_document")
        tops = items.filtered(lambda i: i.parent_id not in items).sorted(_in_order)
        for n, item in enumerate(tops, 1):
            rows.append((str(n), item))
            children = item.child_ids.filtered(lambda c: c in items).sorted(_in_order)
            rows += [(f"{n}.{m}", child) for m, child in enumerate(children, 1)]
        return rows

    @api.model
    def _get_record_cells(self, record):
        """Return the cells of `record`'s row by role (plan_parser.column_roles): {role: text}. Override
        `_get_<target|budget|item>_cells` to print a kind's cells differently."""
        kind = {"union.campaign.target": "target", "union.campaign.budget.line": "budget"}.get(record._name, "item")
        return getattr(self, f"_get_{kind}_cells")(record)

    @api.model
    def _get_target_cells(self, target):
        return {
            "label": target.name,
            "uom": target.uom or "",
            "value": target.value_text or "",
            "amount": target.value_text or "",
            "note": target.note or "",
        }

    @api.model
    def _get_budget_cells(self, line):
        amount = format_number(line.amount) if line.amount else ""
        return {"label": line.name, "amount": amount, "value": amount, "note": line.note or ""}

    @api.model
    def _get_item_cells(self, item):
        return {
            "label": item.description or item.name,
            "dates": item.date_text or self._format_item_dates(item),
            "lead": item.lead_unit_id.name or item.lead_text or "",
            "coordinators": item.coordinator_text or ", ".join(item.coordinator_unit_ids.mapped("name")),
            "value": f"{format_number(item.target_qty)} {item.target_uom}" if item.target_uom else "",
            "note": item.note or "",
        }

    @api.model
    def _format_item_dates(self, item):
        start, end = item.date_start, item.date_deadline
        if start and end:
            return f"{start:%d/%m/%Y} - {end:%d/%m/%Y}"
        if end:
            return self.env._("By %(date)s", date=f"{end:%d/%m/%Y}")
        if start:
            return self.env._("From %(date)s", date=f"{start:%d/%m/%Y}")
        return ""

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
            # Items a table lists print in their table.
            items = phase.item_ids.filtered(lambda a: a.in_document and not a.parent_id and not a.section_id)
            for index, item in enumerate(items.sorted(_in_order), start=1):
                lines.append(
                    self._line(format_marker(phase.item_numbering, index), item.description or item.name, "item")
                )
                children = item.child_ids.filtered("in_document").sorted(_in_order)
                lines += [
                    self._line(child.bullet or "+", child.description or child.name, "subitem") for child in children
                ]
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
