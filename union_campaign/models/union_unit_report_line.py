# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from urllib.parse import urlparse

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class UnionUnitReportLine(models.Model):
    """One content item of a unit report: done or not, how much, how many people, where it was posted."""

    _name = "union.unit.report.line"
    _description = "Unit Report Line"
    _order = "report_id, sequence, id"
    _check_company_auto = True

    report_id = fields.Many2one("union.unit.report", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="report_id.company_id", store=True, index=True)
    report_state = fields.Selection(related="report_id.state")
    activity_id = fields.Many2one(
        "union.campaign.activity", string="Content Item", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(related="activity_id.sequence", store=True)
    name = fields.Char(related="activity_id.name")
    evidence_required = fields.Boolean(related="activity_id.evidence_required")
    target_qty = fields.Float(related="activity_id.target_qty", string="Target")
    target_uom = fields.Selection(related="activity_id.target_uom")
    is_done = fields.Boolean(string="Done")
    qty_done = fields.Float(string="Achieved")
    participant_count = fields.Integer(string="Participants")
    post_urls = fields.Text(
        string="Links to Online Posts", help="One web address per line (website, Facebook, Zalo, YouTube)."
    )
    link_count = fields.Integer(string="Online Posts", compute="_compute_link_count", store=True)
    note = fields.Text()
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "union_unit_report_line_attachment_rel",
        "line_id",
        "attachment_id",
        string="Evidence",
        help="Photos, minutes, lists of participants.",
    )

    _sql_constraints = [
        ("report_activity_uniq", "unique(report_id, activity_id)", "An item appears once per report."),
    ]

    # ------------------------------------------------------------------
    # Compute methods
    # ------------------------------------------------------------------
    @api.depends("post_urls")
    def _compute_link_count(self):
        for line in self:
            line.link_count = len(line._get_urls())

    def _get_urls(self):
        self.ensure_one()
        return [url.strip() for url in (self.post_urls or "").splitlines() if url.strip()]

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("qty_done", "participant_count")
    def _check_quantities(self):
        for line in self:
            if line.qty_done < 0 or line.participant_count < 0:
                raise ValidationError(
                    _(
                        "Quantities cannot be negative (%(unit)s, “%(item)s”).",
                        unit=line.report_id.unit_id.name,
                        item=line.activity_id.name,
                    )
                )

    @api.constrains("post_urls")
    def _check_post_urls(self):
        for line in self:
            for url in line._get_urls():
                parsed = urlparse(url)
                if parsed.scheme not in ("http", "https") or "." not in parsed.netloc or " " in url:
                    raise ValidationError(
                        _(
                            "“%(link)s” is not a web address: give one link per line, "
                            "starting with http:// or https:// (“%(item)s”).",
                            link=url,
                            item=line.activity_id.name,
                        )
                    )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._link_attachments()
        return lines

    def write(self, vals):
        locked = self.report_id.filtered(lambda r: r.state in ("approved", "cancelled"))
        if locked:
            locked._raise_locked([f for f in vals if f in self._fields] or ["line_ids"])
        result = super().write(vals)
        if "attachment_ids" in vals:
            self._link_attachments()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_if_report_open(self):
        locked = self.report_id.filtered(lambda r: r.state not in ("draft", "returned"))
        if locked:
            raise UserError(
                _(
                    "Items of a submitted or approved report cannot be removed: %(reports)s",
                    reports=", ".join(locked.mapped("display_name")),
                )
            )

    def _link_attachments(self):
        """Attach uploaded evidence to the report, so its readers (reviewers included) may open it."""
        for line in self.filtered("attachment_ids"):
            report = line.report_id
            loose = line.attachment_ids.filtered(
                lambda a, report=report: a.res_model != "union.unit.report" or a.res_id != report.id
            )
            if loose:
                # sudo: re-homing files the user just uploaded (res_id 0) onto a report they may write.
                loose.sudo().write({"res_model": "union.unit.report", "res_id": line.report_id.id})
