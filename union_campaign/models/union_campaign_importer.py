# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Import a plan document (.txt, .docx, .pdf) into a draft plan, word for word.

``tools/plan_extract.py`` reads the file into paragraphs, ``tools/plan_parser`` into a tree of sections with their
facts, and ``importer.PlanMapping`` maps that tree onto the values of the plan's one create, so that the plan
prints the document again. This model holds the entry points: it refuses what cannot be imported with a sentence
in the user's language (the parser's codes are worded here, and only here), finds the issuing unit, creates the
plan and posts the account of the import (what was recognised, what was not, the rules that turned vague dates
into dates) in its chatter.
"""

from datetime import date
from pathlib import PurePath

from markupsafe import Markup

from odoo import api, models
from odoo.exceptions import UserError

from ..importer import PlanMapping
from ..tools import format_admin_date
from ..tools import plan_parser as pp
from ..tools.plan_extract import MAX_BYTES, extract_paragraphs
from ..tools.text import fold_body


class UnionCampaignImporter(models.AbstractModel):
    """Turn a plan document into a new draft plan (union.campaign), word for word, with an account."""

    _name = "union.campaign.importer"
    _description = "Plan Document Importer"

    # ------------------------------------------------------------------
    # Entry points
    # ------------------------------------------------------------------
    @api.model
    def _import_file(self, data, filename):
        """Create a draft plan from the file `data` (bytes) named `filename`; return the plan.

        Raise a translated UserError, and create nothing, when the file cannot be read as a plan.
        """
        name = PurePath(filename or "").name
        if len(data or b"") > MAX_BYTES:
            raise UserError(self._get_error_message("too_large", filename=name, size=len(data), limit=MAX_BYTES))
        try:
            parsed = pp.parse_plan(extract_paragraphs(data or b"", name))
        except pp.PlanImportError as error:
            raise UserError(self._get_error_message(error.code, **dict(error.params, filename=name))) from None
        return self._import_parsed(parsed, name)

    @api.model
    def _import_parsed(self, parsed, filename):
        """Create the draft plan of a parsed document (tools.plan_parser.ParsedPlan) in one create; return it."""
        Plan = self.env["union.campaign"]
        Plan.check_access("create")
        unit, unit_match = self._find_issuing_unit(parsed)
        self._check_not_imported(parsed, unit)
        lang = unit._get_document_lang()
        mapping = PlanMapping(self, parsed, unit=unit, unit_match=unit_match, lang=lang, filename=filename)
        vals = mapping.build()
        plan = Plan.create(vals)
        mapping.create_linked(plan)
        heading = Markup("<p><strong>%s</strong></p>") % self.env._("Imported from %(filename)s", filename=filename)
        plan._post_note(heading + vals["import_account"])
        return plan

    # ------------------------------------------------------------------
    # The parser's codes in the user's language: import errors and the rules that read dates
    # ------------------------------------------------------------------
    @api.model
    def _get_error_message(self, code, **params):
        """Return the translated sentence of an import error (tools.plan_parser.PlanImportError codes)."""
        filename = params.get("filename") or self.env._("the file")
        return self._get_code_sentence(
            code,
            filename=filename,
            size=f"{(params.get('size') or 0) / 1024 / 1024:.1f}",
            # a size in MB; a number of pages, paragraphs or characters as Vietnamese write it (20.000)
            limit=f"{(params.get('limit') or MAX_BYTES) / 1024 / 1024:.0f}"
            if code == "too_large"
            else f"{params.get('limit') or 0:,}".replace(",", "."),
            detail=params.get("detail") or "",
            extension=params.get("extension") or filename,
        )

    @api.model
    def _get_rule_sentence(self, rule):
        """Return a rule that turned words into dates (tools.plan_parser.Rule), in the user's language."""
        return self._get_code_sentence(rule.code, **rule.params)

    @api.model
    def _get_code_sentence(self, code, **params):
        """Return the sentence of a code of tools.plan_parser in the user's language, its parameters in place.

        Every code the parser can emit (plan_parser.MESSAGES, plan_parser.RULES) has its sentence here, as a test
        checks: an unknown code raises KeyError, it never falls back on another sentence.
        """
        sentences = {
            # import errors (PlanImportError.code)
            "empty": lambda: self.env._("The file %(filename)s contains no text.", filename=params["filename"]),
            "too_large": lambda: self.env._(
                "The file %(filename)s is too large (%(size)s MB): a plan to import is at most %(limit)s MB.",
                filename=params["filename"],
                size=params["size"],
                limit=params["limit"],
            ),
            "not_a_plan": lambda: self.env._(
                "The document %(filename)s does not look like a plan (Kế hoạch): it has no “KẾ HOẠCH” line, nor "
                "a plan number (…/KH-…) with numbered sections.",
                filename=params["filename"],
            ),
            "unsupported_format": lambda: self.env._(
                "Files of type %(extension)s cannot be imported: use a .txt, .docx or .pdf file.",
                extension=params["extension"],
            ),
            "no_text_layer": lambda: self.env._(
                "The PDF %(filename)s has no text layer (a scanned image?): export it again from the word "
                "processor, or recognise its text (OCR) first.",
                filename=params["filename"],
            ),
            "corrupt_docx": lambda: self.env._(
                "The file %(filename)s is not a readable Word document (.docx): save it again as .docx from the "
                "word processor (details: %(detail)s).",
                filename=params["filename"],
                detail=params["detail"],
            ),
            "corrupt_pdf": lambda: self.env._(
                "The file %(filename)s is not a readable PDF: export it again from the word processor "
                "(details: %(detail)s).",
                filename=params["filename"],
                detail=params["detail"],
            ),
            "too_many_pages": lambda: self.env._(
                "The PDF %(filename)s has more than %(limit)s pages: a plan to import is shorter. Import the plan "
                "alone, without its annexes of figures.",
                filename=params["filename"],
                limit=params["limit"],
            ),
            "too_many_paragraphs": lambda: self.env._(
                "The document %(filename)s is longer than any plan (more than %(limit)s paragraphs): import the plan "
                "alone.",
                filename=params["filename"],
                limit=params["limit"],
            ),
            "too_many_characters": lambda: self.env._(
                "The document %(filename)s is longer than any plan (more than %(limit)s characters): import the plan "
                "alone.",
                filename=params["filename"],
                limit=params["limit"],
            ),
            "bad_encoding": lambda: self.env._(
                "The text file %(filename)s is neither UTF-8, UTF-16 nor Windows-1258 (Vietnamese) text: save it "
                "again as UTF-8.",
                filename=params["filename"],
            ),
            # rules that turned words into dates (Rule.code)
            "year_end": lambda: self.env._("“đến hết năm”: 31 December"),
            "quarter_end": lambda: self.env._("“đến quý Q”: the quarter's last day"),
            "month_early_end": lambda: self.env._("“đến đầu tháng M”: the 10th of the month"),
            "month_mid_end": lambda: self.env._("“đến giữa tháng M”: the 15th of the month"),
            "month_end": lambda: self.env._("“đến (hết/cuối) tháng M”: the last day of the month"),
            "no_end": lambda: self.env._("no end date written"),
            "month_early_start": lambda: self.env._("“từ đầu tháng M”: the first day of the month"),
            "month_mid_start": lambda: self.env._("“từ giữa tháng M”: the 15th of the month"),
            "month_late_start": lambda: self.env._(
                "“từ cuối tháng M”: the 25th (the last week of the month starts on the 25th)"
            ),
            "after_day_start": lambda: self.env._("“từ sau ngày D”: the day after D"),
            "quarter_start": lambda: self.env._("“từ quý Q”: the quarter's first day"),
            "after_month_start": lambda: self.env._("“từ sau tháng M”: the first day of the next month"),
            "month_start": lambda: self.env._("“từ tháng M”: the first day of the month"),
            "deadline": lambda: self.env._("“trước ngày D”: a deadline, without a start date"),
            "half_year": lambda: self.env._("“6 tháng đầu/cuối năm”: January to June, July to December"),
            "whole_quarter": lambda: self.env._("“quý Q”: the whole quarter, from its first to its last day"),
            "whole_month": lambda: self.env._("“(trong) tháng M”: the whole month, from its first to its last day"),
            "year_after_issue_date": lambda: self.env._(
                "year not written: the first %(day)s after the plan's date (%(year)s)",
                day=params["day"],
                year=params["year"],
            ),
            "year_of_issue_date": lambda: self.env._(
                "year not written: the plan's year (%(year)s)", year=params["year"]
            ),
            "open_end": lambda: self.env._("no end written: the day before the next period starts"),
            "plan_periods": lambda: self.env._("from the first period's start to the last period's end"),
            "plan_year": lambda: self.env._(
                "no dated period: from the issue date to %(date)s, the end of the plan's year",
                date=format_admin_date(date(params["year"], 12, 31)),
            ),
            "plan_dates": lambda: self.env._(
                "no dated period nor year in the title: from the issue date to %(date)s, the last date the plan sets",
                date=params["day"],
            ),
        }
        return sentences[code]()

    # ------------------------------------------------------------------
    # The issuing unit, and a plan already imported
    # ------------------------------------------------------------------
    @api.model
    def _find_issuing_unit(self, parsed):
        """Return (unit, matched): the unit whose printed name is the document's issuing body, else the user's
        default issuing unit (matched False). Override to match units otherwise."""
        matches = self.env["union.unit"]._match_header(parsed.issuing_body)
        if matches:
            if len(matches) > 1 and parsed.upper_body:
                upper = fold_body(parsed.upper_body)
                matches = matches.filtered(lambda u: fold_body(u._get_doc_upper_body()) == upper) or matches
            if len(matches) > 1:
                default = self.env["union.campaign"]._default_issuing_unit()
                matches = (matches & default) or matches
        if matches:
            return matches[:1], True
        unit = self.env["union.campaign"]._default_issuing_unit()
        if not unit:
            raise UserError(
                self.env._(
                    "No union unit can issue the imported plan: create the unit of your union first "
                    "(Configuration > Units)."
                )
            )
        return unit, False

    @api.model
    def _check_not_imported(self, parsed, unit):
        """Refuse a document whose number the issuing unit already used that year (imported twice, say)."""
        if not (parsed.reference and parsed.issue_date):
            return
        # sudo: the number is unique among all the unit's plans, those the user cannot read included.
        existing = (
            self.env["union.campaign"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("reference", "=", parsed.reference),
                    ("issuing_unit_id", "=", unit.id),
                    ("issue_year", "=", parsed.issue_date.year),
                ],
                limit=1,
            )
        )
        if existing:
            raise UserError(
                self.env._(
                    "The plan %(reference)s of %(unit)s for %(year)s is already in the database (“%(plan)s”): open "
                    "it, or delete it before importing the document again.",
                    reference=parsed.reference,
                    unit=unit.name,
                    year=parsed.issue_date.year,
                    plan=existing.name,
                )
            )
