# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class UnionUnit(models.Model):
    """A trade-union organisation: a federation or a grassroots union (công đoàn cơ sở)."""

    _name = "union.unit"
    _description = "Union Unit"
    _inherit = ["mail.thread", "mail.activity.mixin", "union.workflow.mixin", "union.input.mixin"]
    _order = "complete_name, id"
    # Shown by its own name (reports, matrix, a phone's screen); found by its path or its code too.
    _rec_names_search = ["complete_name", "code"]
    _parent_store = True
    _check_company_auto = True

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------
    name = fields.Char(required=True, tracking=True, translate=False)
    complete_name = fields.Char(compute="_compute_complete_name", store=True, recursive=True)
    code = fields.Char(tracking=True, help="Short code, unique per company (e.g. TH-THCSNT).")
    unit_type = fields.Selection(
        selection=[
            ("federation", "Federation"),
            ("agency", "Agency"),
            ("enterprise", "Enterprise"),
            ("school", "School"),
            ("other", "Other"),
        ],
        string="Type",
        required=True,
        default="agency",
        index=True,
        tracking=True,
    )
    parent_id = fields.Many2one(
        "union.unit", string="Parent Unit", index=True, ondelete="restrict", check_company=True, tracking=True
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("union.unit", "parent_id", string="Child Units")
    partner_id = fields.Many2one(
        "res.partner", string="Contact", check_company=True, help="Address, phone and e-mail of the unit."
    )
    chair_user_id = fields.Many2one(
        "res.users", string="Chair", tracking=True, check_company=True, help="Chair of the union (Chủ tịch công đoàn)."
    )
    member_user_ids = fields.Many2many(
        "res.users",
        "union_unit_res_users_rel",
        "unit_id",
        "user_id",
        string="Reporting Members",
        check_company=True,
        help="Users who report for this unit.",
    )
    member_count = fields.Integer(string="Union Members", help="Number of union members (số đoàn viên).")
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "The unit code must be unique per company."),
        ("member_count_positive", "CHECK(member_count >= 0)", "The number of union members cannot be negative."),
    ]

    # ------------------------------------------------------------------
    # Compute methods
    # ------------------------------------------------------------------
    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for unit in self:
            if unit.parent_id:
                unit.complete_name = f"{unit.parent_id.complete_name} / {unit.name}"
            else:
                unit.complete_name = unit.name

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("name", "parent_id", "company_id")
    def _check_name_unique(self):
        """Two units of one parent never share a name (texts are stored in NFC: look-alikes are duplicates too)."""
        for unit in self:
            duplicate = self.with_context(active_test=False).search(
                [
                    ("id", "!=", unit.id),
                    ("name", "=ilike", unit.name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")),
                    ("parent_id", "=", unit.parent_id.id),
                    ("company_id", "=", unit.company_id.id),
                ],
                limit=1,
            )
            if duplicate:
                raise ValidationError(
                    _(
                        "A unit named “%(name)s” already exists under %(parent)s.",
                        name=unit.name,
                        parent=unit.parent_id.name or unit.company_id.name,
                    )
                )

    @api.constrains("member_count")
    def _check_member_count(self):
        for unit in self:
            if unit.member_count < 0:
                raise ValidationError(
                    _("The number of union members of %(unit)s cannot be negative.", unit=unit.display_name)
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_reports(self):
        # sudo: the rule holds whoever may read the reports; only their number is shown.
        count = self.env["union.unit.report"].sudo().search_count([("unit_id", "in", self.ids)])
        if count:
            raise UserError(
                _(
                    "%(units)s reported on plans (%(count)s unit reports): archive the unit instead of deleting it.",
                    units=", ".join(self.mapped("name")),
                    count=count,
                )
            )

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _get_reporting_user(self):
        """Return the user who reports for the unit: its chair, else its first member.

        Override to choose the reporter differently.
        """
        self.ensure_one()
        return self.chair_user_id or self.member_user_ids[:1]
