# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The units' portal: a grassroots union's portal reporters fill and submit their unit reports at
/my/union-reports, under the record rules, write policy and transitions of the web client (every write and
transition is made as the portal user; sudo only reads what the page shows once the report is readable)."""

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import content_disposition, request, route
from odoo.tools import html2plaintext, plaintext2html

from ..models.union_unit_report_portal import PORTAL_URL

# The fields of a line a portal reporter fills: the backend reporter's, but the amount (not asked on a phone).
LINE_TEXT_FIELDS = ("post_urls", "note")
LINE_NUMBER_FIELDS = {"qty_done": float, "participant_count": int}
REPORTS_PER_PAGE = 20


class UnionReportPortal(CustomerPortal):
    # ------------------------------------------------------------------
    # /my: the card and its counts
    # ------------------------------------------------------------------
    def _prepare_home_portal_values(self, counters):
        """The card of /my: rendered with its counts (to do, sent back) when the home page is shown, and counted
        for the /my/counters request."""
        values = super()._prepare_home_portal_values(counters)
        if not counters or "union_report_count" in counters:
            Report = request.env["union.unit.report"]
            if Report.has_access("read"):
                counts = Report._get_portal_counts()
                values["union_report_count"] = counts["todo"] + counts["returned"]
                values["union_report_counts_text"] = request.env._(
                    "%(todo)s to do, %(returned)s sent back", todo=counts["todo"], returned=counts["returned"]
                )
            else:
                values["union_report_count"] = 0
        return values

    # ------------------------------------------------------------------
    # /my/union-reports: the list
    # ------------------------------------------------------------------
    def _get_union_report_filters(self):
        env = request.env
        return {
            "all": {"label": env._("All"), "domain": []},
            "todo": {"label": env._("To do"), "domain": [("state", "=", "draft")]},
            "returned": {"label": env._("Sent back"), "domain": [("state", "=", "returned")]},
            "submitted": {"label": env._("Waiting for review"), "domain": [("state", "=", "submitted")]},
            "approved": {"label": env._("Approved"), "domain": [("state", "=", "approved")]},
            "late": {"label": env._("Late"), "domain": [("is_late", "=", True)]},
        }

    @route([PORTAL_URL, f"{PORTAL_URL}/page/<int:page>"], type="http", auth="user", website=True, methods=["GET"])
    def portal_my_union_reports(self, page=1, filterby="all", search=None, **kw):
        Report = request.env["union.unit.report"]
        if not Report.has_access("read"):
            return request.redirect("/my")
        filters = self._get_union_report_filters()
        filterby = filterby if filterby in filters else "all"
        domain = [*Report._get_portal_domain(), *filters[filterby]["domain"]]
        if search:
            domain += ["|", "|", ("name", "ilike", search), ("campaign_id.name", "ilike", search)]
            domain += [("campaign_id.reference", "ilike", search)]
        count = Report.search_count(domain)
        pager = portal_pager(
            url=PORTAL_URL,
            url_args={"filterby": filterby, "search": search},
            total=count,
            page=page,
            step=REPORTS_PER_PAGE,
        )
        reports = Report.search(domain, limit=REPORTS_PER_PAGE, offset=pager["offset"])
        request.session["my_union_reports_history"] = reports.ids[:100]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "union_reports",
                "default_url": PORTAL_URL,
                # sudo: the reports were searched as the user; the plan's number and name are only shown.
                "reports": reports.sudo(),
                "pager": pager,
                "searchbar_filters": filters,
                "filterby": filterby,
                "search": search,
                "search_in": "all",
                "searchbar_inputs": {"all": {"input": "all", "label": request.env._("Search in plans and units")}},
            }
        )
        return request.render("union_campaign.portal_my_union_reports", values)

    # ------------------------------------------------------------------
    # /my/union-reports/<id>: the report
    # ------------------------------------------------------------------
    def _get_union_report(self, report_id):
        """Return the report as the user and as sudo, or None when the user may not read it (the page answers
        404 then, as for a report that does not exist: no hint that it does). No access token: only the record
        rules open a report."""
        try:
            report_sudo = self._document_check_access("union.unit.report", report_id)
        except (AccessError, MissingError):
            return None, None
        return request.env["union.unit.report"].browse(report_sudo.id), report_sudo

    def _prepare_union_report_values(self, report, report_sudo, error=None, success=None):
        # Tokens for the report's own files only: the user may read the report, whose files these are.
        files = report_sudo.line_ids.attachment_ids | report_sudo.attachment_ids
        files.generate_access_token()
        limits = report_sudo._get_evidence_limits()
        values = self._prepare_portal_layout_values()
        values = self._get_page_view_values(
            report_sudo, None, values, "my_union_reports_history", False, error=error, success=success
        )
        values.update(
            {
                "page_name": "union_report",
                "report": report_sudo,
                "can_edit": report.can_edit,
                "can_submit": self._union_report_may(report, "submit"),
                "can_withdraw": self._union_report_may(report, "withdraw"),
                "limits": limits,
                # One sentence, its figures in place (never fragments glued around numbers).
                "evidence_rule": request.env._(
                    "Evidence: images or PDF files, at most %(size)s MB each and %(count)s files per item.",
                    size=limits["max_bytes"] // (1024 * 1024),
                    count=limits["max_files"],
                ),
                "summary_text": html2plaintext(report_sudo.summary or ""),
                # Chatter: posting is checked by the mail controllers against the record rules.
                "disable_composer": False,
            }
        )
        return values

    @staticmethod
    def _union_report_may(report, transition):
        """Whether the user may make `transition` now: the transition's own refusal, as the user. A refusal that
        cannot even be worded for them (it names a person whose contact they may not read) is a refusal."""
        try:
            return not report._get_transition_refusal(transition)
        except AccessError:
            return False

    @route(f"{PORTAL_URL}/<int:report_id>", type="http", auth="user", website=True, methods=["GET"])
    def portal_my_union_report(self, report_id, **kw):
        report, report_sudo = self._get_union_report(report_id)
        if not report:
            return request.not_found()
        success = {"saved": request.env._("Saved."), "submitted": request.env._("Report submitted.")}.get(
            kw.get("done")
        )
        values = self._prepare_union_report_values(report, report_sudo, success=success)
        return request.render("union_campaign.portal_my_union_report", values)

    def _parse_union_report_post(self, report, post):
        """Return (report values, {line: line values}, {line: [(file name, content)]}) from the form, for the
        report's own lines only; raise a UserError on a value that is not a number."""
        env = request.env
        report_vals = {}
        if "summary" in post:
            summary = post["summary"].strip()
            report_vals["summary"] = plaintext2html(summary) if summary else False
        line_vals, uploads = {}, {}
        for line in report.line_ids:
            prefix = f"line-{line.id}-"
            if f"{prefix}present" not in post:
                continue
            vals = {"is_done": bool(post.get(f"{prefix}is_done"))}
            for name in LINE_TEXT_FIELDS:
                if f"{prefix}{name}" in post:
                    vals[name] = post[f"{prefix}{name}"].strip() or False
            for name, kind in LINE_NUMBER_FIELDS.items():
                raw = (post.get(f"{prefix}{name}") or "").strip().replace(",", ".")
                try:
                    number = kind(raw) if raw else 0
                except ValueError:
                    raise UserError(
                        env._(
                            "“%(value)s” is not a number (%(item)s).",
                            value=raw,
                            item=line.sudo().item_id.name,
                        )
                    ) from None
                vals[name] = number
            line_vals[line] = vals
            files = [
                (upload.filename or "evidence", upload.read())
                for upload in request.httprequest.files.getlist(f"{prefix}files")
                if upload and upload.filename
            ]
            if files:
                uploads[line] = files
        return report_vals, line_vals, uploads

    @route(f"{PORTAL_URL}/<int:report_id>/save", type="http", auth="user", website=True, methods=["POST"])
    def portal_my_union_report_save(self, report_id, **post):
        """Save what the unit says (and submit it when asked), as the portal user: the write policy, the input
        bounds and the transition's rights of the web client apply; anything refused changes nothing."""
        report, report_sudo = self._get_union_report(report_id)
        if not report:
            return request.not_found()
        submit = post.get("action") == "submit"
        try:
            with request.env.cr.savepoint():
                report_vals, line_vals, uploads = self._parse_union_report_post(report, post)
                if report_vals:
                    report.write(report_vals)
                for line, vals in line_vals.items():
                    line.write(vals)
                for line, files in uploads.items():
                    line._add_evidence(files)
                if submit:
                    report.action_submit()
        except (UserError, ValidationError, AccessError) as error:
            request.env.invalidate_all()
            values = self._prepare_union_report_values(report, report_sudo, error=error.args[0])
            return request.render("union_campaign.portal_my_union_report", values, status=400)
        return request.redirect(f"{report.access_url}?done={'submitted' if submit else 'saved'}")

    @route(f"{PORTAL_URL}/<int:report_id>/withdraw", type="http", auth="user", website=True, methods=["POST"])
    def portal_my_union_report_withdraw(self, report_id, **post):
        """Take back one's own submission before any review (the transition's own rights)."""
        report, report_sudo = self._get_union_report(report_id)
        if not report:
            return request.not_found()
        try:
            with request.env.cr.savepoint():
                report.action_withdraw()
        except (UserError, AccessError) as error:
            request.env.invalidate_all()
            values = self._prepare_union_report_values(report, report_sudo, error=error.args[0])
            return request.render("union_campaign.portal_my_union_report", values, status=400)
        return request.redirect(report.access_url)

    # ------------------------------------------------------------------
    # Documents: the plan and the unit's own report, in PDF
    # ------------------------------------------------------------------
    @route(
        f"{PORTAL_URL}/<int:report_id>/<any(plan,report):document>.pdf",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_my_union_report_pdf(self, report_id, document, download=False, **kw):
        report, report_sudo = self._get_union_report(report_id)
        if not report:
            return request.not_found()
        if document == "plan":
            record, action = report_sudo.campaign_id, "union_campaign.action_report_campaign_plan"
            name = record.reference or record.name
        else:
            record, action, name = report_sudo, "union_campaign.action_report_unit_report", report_sudo.name
        # sudo: the report is the user's to read (checked above); the documents print what it and its plan say.
        pdf = (
            request.env["ir.actions.report"]
            .sudo()
            .with_company(record.company_id)
            ._render_qweb_pdf(action, record.ids)[0]
        )
        disposition = content_disposition(f"{name.replace('/', '-')}.pdf", "attachment" if download else "inline")
        return request.make_response(
            pdf, headers=[("Content-Type", "application/pdf"), ("Content-Disposition", disposition)]
        )
