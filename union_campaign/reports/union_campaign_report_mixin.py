# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import calendar
import functools
import logging
import shutil
import subprocess

from odoo import api, models

from ..tools import format_admin_date, format_admin_month, local_date, local_today

_logger = logging.getLogger(__name__)

# Fonts of the official documents: Times New Roman (Decree 30/2020/NĐ-CP), or a metric-compatible free font that
# has every Vietnamese letter (Liberation Serif 2, Debian's fonts-liberation2). Never a silent fallback.
DOCUMENT_FONTS = ("Times New Roman", "Liberation Serif")


@functools.cache
def document_font_status():
    """Return (font file, ok) for "Times New Roman" as fontconfig resolves it; ok if it has Vietnamese letters."""
    if not shutil.which("fc-match"):
        return "", False
    found = subprocess.run(
        ["fc-match", "--format=%{file}|%{family}", "Times New Roman:charset=1ec7"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    path, _sep, family = found.partition("|")
    return path, any(font.lower() in family.lower() for font in DOCUMENT_FONTS)


class UnionCampaignReportMixin(models.AbstractModel):
    """What the official documents of the module share: their language, header lines and dates."""

    _name = "union.campaign.report.mixin"
    _description = "Union Official Document Helpers"

    @api.model
    def _check_document_font(self):
        """Log (once per process) when the documents' font is missing: never fall back silently."""
        path, ok = document_font_status()
        if not ok:
            _logger.warning(
                "The official documents need Times New Roman or Liberation Serif 2 (Debian: fonts-liberation2); "
                "fontconfig gives %r: Vietnamese letters may print in another font.",
                path,
            )
        return ok

    @api.model
    def _get_header(self, unit):
        """Return the header of a document of `unit`: the level above, its own name as printed (lines broken
        between phrases) and the motto column."""
        self._check_document_font()
        return {
            "parent_heading": unit._get_doc_upper_lines(),
            "body_heading": unit._get_doc_body_lines(),
            "motto_lines": unit._get_doc_motto_lines(),
        }

    @api.model
    def _format_short_date(self, day):
        """Return a date as written in the body of a document: 08/12/2020, 20/3/2027."""
        return format_admin_date(day)

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
        start, end = phase.date_start, phase.date_end
        # A peak as long as the period is no peak: the period is written once ("cao điểm" would repeat its dates).
        peak = (phase.peak_date_start, phase.peak_date_end) if phase.peak_date_start else None
        if peak == (start, end):
            peak = None
        if not start:
            return self.env._("before %(date)s", date=self._format_short_date(end))
        if (
            end
            and start.day == 1
            and (start.year, start.month) == (end.year, end.month)
            and end.day == calendar.monthrange(end.year, end.month)[1]
            and not peak
        ):
            return self.env._("in %(month)s", month=format_admin_month(start))
        if start.day == 1:
            start_text = self.env._("from %(month)s", month=format_admin_month(start))
        else:
            start_text = self.env._("from %(date)s", date=self._format_short_date(start))
        if not phase.date_end:
            return start_text
        period = self.env._("%(start)s through %(end)s", start=start_text, end=self._format_short_date(phase.date_end))
        if peak:
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
        return self._format_recipients([*recipients, self.env._("Archives: records office")])

    @api.model
    def _format_recipients(self, names):
        """Return the recipients as printed under "Nơi nhận:": each after a dash, ending with ";" and the last with
        "." — whatever dash or punctuation the officer typed ("… (để b/c);", "Lưu VP, TCCS.") is the document's."""
        names = [name.strip().lstrip("-–+•").strip().rstrip(";.,").strip() for name in names]
        names = [name for name in names if name]
        return [f"{name}{'.' if index == len(names) - 1 else ';'}" for index, name in enumerate(names)]

    @api.model
    def _get_local_date(self, moment, user=None):
        """Return the local day of a stored UTC datetime, or today when there is none."""
        return local_date(self.env, moment, user) if moment else local_today(self.env)
