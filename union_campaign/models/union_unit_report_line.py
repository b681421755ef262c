# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from urllib.parse import urlparse

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .union_input_mixin import MAX_AMOUNT, MAX_QUANTITY
from .union_workflow_mixin import EVERY_FIELD

# What a unit says about an item: the only fields of a line anyone writes (while its report is draft or returned).
LINE_CONTENT_FIELDS = ("is_done", "qty_done", "participant_count", "amount", "post_urls", "attachment_ids", "note")


class UnionUnitReportLine(models.Model):
    """One content item of a unit report: done or not, how much, how many people, where it was posted."""

    _name = "union.unit.report.line"
    _inherit = ["union.workflow.mixin", "union.input.mixin"]
    _description = "Unit Report Line"
    # In the plan's order: period by period, then item by item (a final report covers several periods).
    _order = "report_id, phase_sequence, sequence, id"
    _check_company_auto = True

    report_id = fields.Many2one("union.unit.report", required=True, index=True, ondelete="cascade", readonly=True)
    company_id = fields.Many2one(related="report_id.company_id", store=True, index=True)
    report_state = fields.Selection(related="report_id.state")
    item_id = fields.Many2one(
        "union.campaign.item", string="Content Item", required=True, index=True, ondelete="restrict", readonly=True
    )
    phase_sequence = fields.Integer(related="item_id.phase_sequence", store=True, string="Period Sequence")
    sequence = fields.Integer(related="item_id.sequence", store=True)
    name = fields.Char(related="item_id.name")
    evidence_required = fields.Boolean(related="item_id.evidence_required")
    target_qty = fields.Float(related="item_id.target_qty", string="Target")
    target_uom = fields.Char(related="item_id.target_uom")
    is_done = fields.Boolean(string="Done")
    qty_done = fields.Float(string="Achieved", digits=(16, 0))
    participant_count = fields.Integer(string="Participants")
    # No digits: Odoo's rounding to 0 digits shifts amounts near 10^15 đồng by one; a double keeps them exact.
    amount = fields.Float(string="Amount (đồng)", help="Money spent or raised for the item, in đồng.")
    post_urls = fields.Text(
        string="Links to Online Posts", help="One web address per line (website, Facebook, Zalo, YouTube)."
    )
    link_count = fields.Integer(string="Online Posts", compute="_compute_link_count", store=True)
    evidence_count = fields.Integer(string="Evidence Files", compute="_compute_evidence_count")
    needs_evidence = fields.Boolean(
        compute="_compute_evidence_count",
        help="Done, its item asks for evidence, none is attached, and the report can still take it.",
    )
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

    @api.depends("attachment_ids", "is_done", "evidence_required", "report_id.is_open")
    def _compute_evidence_count(self):
        for line in self:
            line.evidence_count = len(line.attachment_ids)
            line.needs_evidence = (
                line.is_done and line.evidence_required and not line.attachment_ids and line.report_id.is_open
            )

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
                        self.env._(
                            "“%(link)s” is not a web address: give one link per line, "
                            "starting with http:// or https:// (“%(item)s”).",
                            link=url,
                            item=line.item_id.name,
                        )
                    )

    # ------------------------------------------------------------------
    # Write policy: a line is part of its report
    # ------------------------------------------------------------------
    @api.model
    def _get_write_policy(self):
        """Derived from the report's: whoever may write a report's lines writes their content, in those states."""
        policy = {}
        for role, entries in self.env["union.unit.report"]._get_write_policy().items():
            for states, names in entries.items():
                if names == EVERY_FIELD or "line_ids" in names:
                    policy.setdefault(role, {})[states] = LINE_CONTENT_FIELDS
        return policy

    @api.model
    def _get_fixed_fields(self):
        return ("report_id", "item_id")

    def _get_policy_state(self):
        self.ensure_one()
        return self.report_id.state

    def _get_user_roles(self, user):
        return self.report_id._get_user_roles(user)

    def _get_locked_message(self, labels):
        return self.report_id._get_locked_message(labels)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # Lines are created by the plan's launch (the workflow), never by hand or over RPC.
            raise AccessError(self.env._("Report lines are created when the plan is launched."))
        lines = super().create(vals_list)
        lines._link_attachments()
        return lines

    def write(self, vals):
        if not self.env.su:
            # Shared lock: a submission committed meanwhile makes this write fail and be retried (then refused).
            self.report_id._lock_rows(share=True)
            if "attachment_ids" in vals:
                files = self.env["union.unit.report"]._get_linked_files(vals["attachment_ids"])
                for line in self:
                    line.report_id._check_evidence_files(files - line.attachment_ids)
        before = {line: line.attachment_ids for line in self} if "attachment_ids" in vals else None
        result = super().write(vals)
        if before is not None:
            self._link_attachments()
            for line, old in before.items():
                line.report_id._log_file_changes({line: old}, line.item_id.name)
        return result

    def _check_unlink_policy(self):
        locked = self.report_id.filtered(lambda r: r.state not in ("draft", "cancelled") or r.review_ids)
        if locked:
            raise UserError(
                self.env._(
                    "Items of a submitted or reviewed report cannot be removed: %(reports)s",
                    reports=", ".join(locked.mapped("display_name")),
                )
            )

    def _add_evidence(self, uploads):
        """Add uploaded files (a list of (file name, content)) as evidence of this line, for a user who has no
        right on files as such (a portal reporter): the write policy and the evidence limits are checked as the
        user, then the files are created and linked."""
        self.ensure_one()
        if not uploads:
            return self.env["ir.attachment"]
        self.report_id._lock_rows(share=True)
        self._check_write_policy({"attachment_ids"})
        # sudo: counting the files already there, whatever the user may read of files as such.
        present = len(self.sudo().attachment_ids)
        self.report_id._check_evidence_uploads(uploads, present=present)
        # sudo: portal users may not create files at all (ir.attachment); the user's right to add evidence to
        # this line was checked just above, and the files are the user's (create_uid) and this report's.
        files = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                [
                    {"name": name, "raw": content, "res_model": self.report_id._name, "res_id": self.report_id.id}
                    for name, content in uploads
                ]
            )
        )
        self.sudo().write({"attachment_ids": [Command.link(file.id) for file in files]})
        return files

    def _link_attachments(self):
        """Attach uploaded evidence to the report, so its readers (reviewers included) may open it (which files
        may be linked is checked before the write)."""
        for line in self.filtered("attachment_ids"):
            line.report_id._rehome_files(line.attachment_ids)
