# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import api, models

from ..tools import local_date, local_today

# The level above is usually printed abbreviated in the header: "LĐLĐ THÀNH PHỐ HÀ NỘI", "TỔNG LĐLĐ VIỆT NAM".
FEDERATION_WORDS = re.compile(r"\bLiên đoàn Lao động\b", re.IGNORECASE)


class UnionCampaignReportMixin(models.AbstractModel):
    """What the official documents of the module share: their language, header lines and dates."""

    _name = "union.campaign.report.mixin"
    _description = "Union Official Document Helpers"

    @api.model
    def _get_document_lang(self, unit, company):
        """Return the language a document of `unit` is written in, whoever prints it. Override to choose otherwise.

        The unit's contact language, else the company's, else Vietnamese when installed, else the user's.
        """
        installed = dict(self.env["res.lang"].get_installed())
        for lang in (unit.partner_id.lang, company.partner_id.lang):
            if lang and lang in installed:
                return lang
        if "vi_VN" in installed:
            return "vi_VN"
        return self.env.user.lang or self.env.lang or "en_US"

    @api.model
    def _get_parent_heading(self, unit):
        """Return the line of the level above the issuing body, in capitals, e.g. "LĐLĐ THÀNH PHỐ HÀ NỘI"."""
        if not unit.parent_id:
            return ""
        return FEDERATION_WORDS.sub("LĐLĐ", unit.parent_id.name).upper()

    @api.model
    def _get_body_heading(self, unit, width=24):
        """Return the name of the issuing body in capitals, on one line or two of even length.

        "LIÊN ĐOÀN LAO ĐỘNG QUẬN LONG BIÊN" does not fit the header's column: it is printed as
        "LIÊN ĐOÀN LAO ĐỘNG" / "QUẬN LONG BIÊN", as on paper, rather than leaving one word alone.
        """
        words = (unit.name or "").upper().split()
        text = " ".join(words)
        if len(text) <= width or len(words) < 2:
            return [text]
        splits = [(" ".join(words[:index]), " ".join(words[index:])) for index in range(1, len(words))]
        return list(min(splits, key=lambda lines: max(len(lines[0]), len(lines[1]))))

    @api.model
    def _format_short_date(self, day):
        """Return a date as written in the body of a document: 08/12/2020."""
        return day.strftime("%d/%m/%Y") if day else ""

    @api.model
    def _format_document_date(self, day, place=False):
        """Return the place and date under the national motto, e.g. "Long Biên, ngày 10 tháng 12 năm 2020".

        Decree 30/2020/NĐ-CP: a leading zero for days below 10 and for the months January and February.
        """
        if not day:
            return place or ""
        month = day.strftime("%m") if day.month < 3 else str(day.month)
        text = self.env._("%(day)s/%(month)s/%(year)s", day=day.strftime("%d"), month=month, year=day.year)
        return self.env._("%(place)s, %(date)s", place=place, date=text) if place else text

    @api.model
    def _get_phase_period(self, phase):
        """Return the period of a phase as the plan words it: its own wording, else written from its dates."""
        if phase.period_text:
            return phase.period_text
        start = phase.date_start
        if start.day == 1:
            start_text = self.env._("from %(month)s", month=start.strftime("%m/%Y"))
        else:
            start_text = self.env._("from %(date)s", date=self._format_short_date(start))
        period = self.env._("%(start)s through %(end)s", start=start_text, end=self._format_short_date(phase.date_end))
        if phase.peak_date_start and phase.peak_date_end:
            period = self.env._(
                "%(period)s, peak from %(start)s to %(end)s",
                period=period,
                start=self._format_short_date(phase.peak_date_start),
                end=self._format_short_date(phase.peak_date_end),
            )
        return period

    @api.model
    def _get_plan_citation(self, campaign):
        """Return how another document cites the plan: "Kế hoạch số 43/KH-LĐLĐ ngày 10/12/2020"."""
        if not campaign.reference:
            return campaign.name
        return self.env._(
            "Plan no. %(reference)s dated %(date)s",
            reference=campaign.reference,
            date=self._format_short_date(campaign.issue_date),
        )

    @api.model
    def _format_quantity(self, value, uom_label=None):
        """Return a quantity without useless decimals, followed by its unit if given: "3", "1.5 Sessions"."""
        value = value or 0
        text = str(int(value)) if float(value).is_integer() else f"{value:.2f}".rstrip("0")
        return f"{text} {uom_label}" if uom_label else text

    @api.model
    def _get_report_recipients(self, addressee):
        """Return the recipients of a report sent upward: the addressee ("as above"), then the archives."""
        recipients = [self.env._("As above")] if addressee else []
        return [*recipients, self.env._("Archives: records office")]

    @api.model
    def _get_local_date(self, moment, user=None):
        """Return the local day of a stored UTC datetime, or today when there is none."""
        return local_date(self.env, moment, user) if moment else local_today(self.env)
