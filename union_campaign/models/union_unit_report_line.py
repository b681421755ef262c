# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from urllib.parse import urlparse

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .union_input_mixin import MAX_AMOUNT, MAX_QUANTITY
from .union_workflow_mixin import OPEN_STATES

# What a unit says about an item: the only fields of a line anyone writes (while its report is draft or returned).
LINE_CONTENT_FIELDS = ("is_done", "qty_done", "participant_count", "amount", "post_urls", "attachment_ids", "note")


class UnionUnitReportLine(models.Model):
    """One content item of a unit report: done or not, how much, how many people, where it was posted."""

    _name = "union.unit.report.line"
    _inherit = ["union.input.mixin"]
    _description = "Unit Report Line"
    _order = "report_id, sequence, id"
    _check_company_auto = True

    report_id = fields.Many2one("union.unit.report", required=True, index=True, ondelete="cascade", readonly=True)
    company_id = fields.Many2one(related="report_id.company_id", store=True, index=True)
    report_state = fields.Selection(related="report_id.state")
    item_id = fields.Many2one(
        "union.campaign.item", string="Content Item", required=True, index=True, ondelete="restrict", readonly=True
    )
    sequence = fields.Integer(related="item_id.sequence", store=True)
    name = fields.Char(related="item_id.name")
    evidence_required = fields.Boolean(related="item_id.evidence_required")
    target_qty = fields.Float(related="item_id.target_qty", string="Target")
    target_uom = fields.Char(related="item_id.target_uom")
    is_done = fields.Boolean(string="Done")
    qty_done = fields.Float(string="Achieved", digits=(16, 0))
    participant_count = fields.Integer(string="Participants")
    amount = fields.Float(string="Amount (đồng)", digits=(16, 0), help="Money spent or raised for the item, in đồng.")
    post_urls = fields.Text(
        string="Links to Online Posts", help="One web address per line (website, Facebook, Zalo, YouTube)."
    )
    link_count = fields.Integer(string="Online Posts", compute="_compute_link_count", store=True)
    evidence_count = fields.Integer(string="Evidence Files", compute="_compute_evidence_count")
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
        ("report_item_uniq", "unique(report_id, item_id)", "An item appears once per report."),
        # Backstops of _check_quantities (NaN compares greater than any number in PostgreSQL: refused too).
        (
            "qty_done_range",
            f"CHECK(qty_done >= 0 AND qty_done <= {MAX_QUANTITY})",
            "Quantities are between 0 and ten million.",
        ),
        (
            "participant_count_range",
            f"CHECK(participant_count >= 0 AND participant_count <= {MAX_QUANTITY})",
            "Participants are between 0 and ten million.",
        ),
    ]

    # ------------------------------------------------------------------
    # Compute methods
    # ------------------------------------------------------------------
    @api.depends("post_urls")
    def _compute_link_count(self):
        for line in self:
            line.link_count = len(line._get_urls())

    @api.depends("attachment_ids")
    def _compute_evidence_count(self):
        for line in self:
            line.evidence_count = len(line.attachment_ids)

    def _get_urls(self):
        self.ensure_one()
        return [url.strip() for url in (self.post_urls or "").splitlines() if url.strip()]

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("qty_done", "participant_count", "amount")
    def _check_quantities(self):
        self._check_number_bounds(("qty_done", "participant_count"))
        self._check_number_bounds(("amount",), maximum=MAX_AMOUNT)

    @api.depends("report_id.unit_id.name", "item_id.name")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.report_id.unit_id.name or ''}, “{line.item_id.name or ''}”"

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
                            item=line.item_id.name,
                        )
                    )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # Lines are created by the plan's launch (the workflow), never by hand or over RPC.
            raise AccessError(_("Report lines are created when the plan is launched."))
        lines = super().create(vals_list)
        lines._link_attachments()
        return lines

    def write(self, vals):
        if not self.env.su:
            self.report_id._lock_for_content()
            self._check_write(vals)
        before = {line: line.attachment_ids for line in self} if "attachment_ids" in vals else None
        result = super().write(vals)
        if before is not None:
            self._link_attachments()
            self._log_evidence_changes(before)
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_if_report_open(self):
        locked = self.report_id.filtered(lambda r: r.state not in ("draft", "cancelled") or r.review_ids)
        if locked:
            raise UserError(
                _(
                    "Items of a submitted or reviewed report cannot be removed: %(reports)s",
                    reports=", ".join(locked.mapped("display_name")),
                )
            )

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _check_write(self, vals):
        """Refuse moving a line, writing anything but its content, or changing a closed report's line."""
        names = set(vals)
        frame = names & {"report_id", "item_id"}
        if frame:
            raise UserError(_("A report line stays in its report and on its item."))
        refused = names - set(LINE_CONTENT_FIELDS)
        if refused:
            labels = ", ".join(
                sorted(self._fields[n]._description_string(self.env) for n in refused if n in self._fields)
            )
            raise AccessError(_("You cannot change %(fields)s of a report line.", fields=labels or ", ".join(refused)))
        closed = self.report_id.filtered(lambda r: r.state not in OPEN_STATES)
        if closed:
            closed._raise_locked({"line_ids"})
        for report in self.report_id:
            refusal = report._get_content_refusal()
            if refusal:
                raise AccessError(_("Only the reporters of %(unit)s can change its report.", unit=report.unit_id.name))
        if "attachment_ids" in vals:
            self._check_evidence_links(vals["attachment_ids"])

    def _check_evidence_links(self, commands):
        """Refuse linking files that are neither fresh uploads of the user nor already on the line's report."""
        linked_ids = set()
        for command in commands:
            if isinstance(command, int):
                linked_ids.add(command)
            elif command[0] == fields.Command.LINK:
                linked_ids.add(command[1])
            elif command[0] == fields.Command.SET:
                linked_ids.update(command[2])
        attachments = self.env["ir.attachment"].browse(linked_ids)
        for line in self:
            foreign = attachments.filtered(
                lambda a, line=line: a not in line.attachment_ids and not line._is_own_evidence(a)
            )
            if foreign:
                raise AccessError(
                    _(
                        "These files belong to another record and cannot be used as evidence: %(files)s",
                        files=", ".join(foreign.sudo().mapped("name")),
                    )
                )

    def _link_attachments(self):
        """Attach uploaded evidence to the report, so its readers (reviewers included) may open it.

        Which files may be linked is checked before the write (see _check_evidence_links).
        """
        for line in self.filtered("attachment_ids"):
            report = line.report_id
            loose = line.attachment_ids.filtered(
                lambda a, report=report: a.res_model != "union.unit.report" or a.res_id != report.id
            )
            if loose:
                # sudo: re-homing files the user just uploaded onto the report they may write.
                loose.sudo().write({"res_model": "union.unit.report", "res_id": report.id})

    def _is_own_evidence(self, attachment):
        """True if `attachment` may be evidence of this line: already on its report, or the user's fresh upload."""
        self.ensure_one()
        attachment = attachment.sudo()
        if attachment.res_model == "union.unit.report" and attachment.res_id == self.report_id.id:
            return True
        fresh = not attachment.res_id or (attachment.res_model == self._name and attachment.res_id == self.id)
        return fresh and (self.env.su or attachment.create_uid == self.env.user) and not attachment.res_field

    def _log_evidence_changes(self, before):
        """Post every change of evidence in the report's chatter (who added or removed which file)."""
        for line, old in before.items():
            added, removed = line.attachment_ids - old, old - line.attachment_ids
            if not (added or removed):
                continue
            parts = []
            if added:
                parts.append(
                    _(
                        "Evidence added to “%(item)s”: %(files)s",
                        item=line.item_id.name,
                        files=", ".join(added.mapped("name")),
                    )
                )
            if removed:
                parts.append(
                    _(
                        "Evidence removed from “%(item)s”: %(files)s",
                        item=line.item_id.name,
                        files=", ".join(removed.mapped("name")),
                    )
                )
            line.report_id._post_note(Markup("<br/>").join(parts))
