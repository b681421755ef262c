# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.text import fold_body

# "Liên đoàn Lao động" is abbreviated LĐLĐ in an abbreviated header line.
FEDERATION_WORDS = re.compile(r"\bLiên đoàn Lao động\b", re.IGNORECASE)
# Words that start a phrase of a union's name: a line may break before them, never inside a phrase.
PHRASE_STARTS = (
    "QUẬN",
    "HUYỆN",
    "THỊ XÃ",
    "THÀNH PHỐ",
    "TỈNH",
    "PHƯỜNG",
    "XÃ",
    "ĐẶC KHU",
    "CÔNG TY",
    "TỔNG CÔNG TY",
    "TẬP ĐOÀN",
    "TRƯỜNG",
    "BỆNH VIỆN",
    "TRUNG TÂM",
    "CƠ QUAN",
    "UBND",
    "ỦY BAN",
    "NGÂN HÀNG",
    "NGÀNH",
    "CÁC KHU",
    "VIỆT NAM",
)


def break_at_phrases(text, width=26):
    """Return `text` on one line if it fits `width`, else on two lines broken before a phrase (the most even
    such break); a name without any known phrase is broken at the most even space."""
    words = text.split()
    joined = " ".join(words)
    if len(joined) <= width or len(words) < 2:
        return [joined] if joined else []
    breaks = [
        index
        for index in range(1, len(words))
        if any(
            " ".join(words[index:]).startswith(start + " ") or " ".join(words[index:]) == start
            for start in PHRASE_STARTS
        )
    ] or list(range(1, len(words)))
    best = min(breaks, key=lambda index: max(len(" ".join(words[:index])), len(" ".join(words[index:]))))
    return [" ".join(words[:best]), " ".join(words[best:])]


class UnionUnit(models.Model):
    """A trade-union organisation at any level: Tổng LĐLĐ, a provincial or district federation, a sector union,
    a grassroots union (công đoàn cơ sở), a union group (tổ công đoàn) or a department of a union."""

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
    unit_type_id = fields.Many2one(
        "union.unit.type",
        string="Type",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        default=lambda self: self.env.ref("union_campaign.unit_type_agency", raise_if_not_found=False),
    )
    receives_plans = fields.Boolean(related="unit_type_id.receives_plans")
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
    officer_user_ids = fields.Many2many(
        "res.users",
        "union_unit_officer_rel",
        "unit_id",
        "user_id",
        string="Officers",
        check_company=True,
        domain=lambda self: [("groups_id", "in", self.env.ref("union_campaign.group_officer").id)],
        help="Officers and managers of this union: they run its plans, report for it to the level above and read "
        "everything below it, and nothing of other unions. A user who is officer of no union works for the whole "
        "company.",
    )
    reporter_user_ids = fields.Many2many(
        "res.users",
        "union_unit_reporter_rel",
        "unit_id",
        "user_id",
        string="Reporters",
        compute="_compute_reporter_user_ids",
        store=True,
        help="Who may report for the unit: its chair, its reporting members and its officers (the record rules "
        "read this).",
    )
    member_count = fields.Integer(string="Union Members", help="Number of union members (số đoàn viên).")
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    active = fields.Boolean(default=True)
    # How the unit's official documents are headed (Quyết định 933/QĐ-TLĐ, Nghị định 30/2020/NĐ-CP).
    doc_upper_body = fields.Char(
        string="Level Above as Printed",
        help="First line of the header of the unit's documents, e.g. LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI. "
        "Empty: the parent unit's name, in full or abbreviated as chosen below.",
    )
    doc_upper_style = fields.Selection(
        selection=[("full", "In Full"), ("abbreviated", "Abbreviated")],
        string="Level Above Written",
        default="full",
        help="Abbreviated: Liên đoàn Lao động is written LĐLĐ (LĐLĐ THÀNH PHỐ HÀ NỘI).",
    )
    doc_body_lines = fields.Text(
        string="Name as Printed",
        help="The unit's name in the header, one printed line per line. Empty: the name in capitals, broken "
        "between phrases (LIÊN ĐOÀN LAO ĐỘNG / QUẬN LONG BIÊN).",
    )
    doc_motto_lines = fields.Text(
        string="Motto",
        help="Right column of the header, one line per line. Empty: the national motto "
        "(CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc).",
    )

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

    @api.depends("chair_user_id", "member_user_ids", "officer_user_ids")
    def _compute_reporter_user_ids(self):
        for unit in self:
            unit.reporter_user_ids = unit.chair_user_id | unit.member_user_ids | unit.officer_user_ids

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
                    self.env._(
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
                    self.env._("The number of union members of %(unit)s cannot be negative.", unit=unit.display_name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        units = super().create(vals_list)
        if any(vals.get("officer_user_ids") for vals in vals_list):
            self.env.registry.clear_cache()  # the record rules read the officers' unions
        return units

    def write(self, vals):
        result = super().write(vals)
        if "officer_user_ids" in vals:
            self.env.registry.clear_cache()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_reports(self):
        # sudo: the rule holds whoever may read the reports; only their number is shown.
        count = self.env["union.unit.report"].sudo().search_count([("unit_id", "in", self.ids)])
        if count:
            raise UserError(
                self.env._(
                    "%(units)s reported on plans (%(count)s unit reports): archive the unit instead of deleting it.",
                    units=", ".join(self.mapped("name")),
                    count=count,
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_invite_portal(self):
        """Open Odoo's portal access dialog for the unit's people: its contact and the contact's people, and its
        reporters; those granted access become reporting members of the unit, invited in its language."""
        self.ensure_one()
        self.check_access("write")
        partners = self.partner_id | self.partner_id.child_ids | self.reporter_user_ids.partner_id
        lang = self._get_document_lang()
        wizard = (
            self.env["portal.wizard"]
            .with_context(active_ids=partners.ids, active_model="res.partner")
            .create(
                {
                    "union_unit_id": self.id,
                    "welcome_message": self.with_context(lang=lang).env._(
                        "%(unit)s invites you to report on its union plans online. Sign in, open “Union reports”, "
                        "fill in what your unit did for each item, add photos or PDF files as evidence, then press "
                        "“Submit”. A report sent back shows the reason on top: correct it and submit it again.",
                        unit=self.name,
                    ),
                }
            )
        )
        return wizard._action_open_modal()

    # ------------------------------------------------------------------
    # Official documents
    # ------------------------------------------------------------------
    def _get_doc_upper_body(self):
        """Return the first line of the unit's document header: the level above, as the unit prints it."""
        self.ensure_one()
        if self.doc_upper_body:
            return self.doc_upper_body
        name = self.parent_id.name or ""
        if self.doc_upper_style == "abbreviated":
            name = FEDERATION_WORDS.sub("LĐLĐ", name)
        return name.upper()

    def _get_doc_upper_lines(self, width=30):
        """Return the level above as printed: on one line if it fits the header's column, else broken between
        phrases (LIÊN ĐOÀN LAO ĐỘNG / THÀNH PHỐ HÀ NỘI), never inside one."""
        self.ensure_one()
        return break_at_phrases(self._get_doc_upper_body(), width)

    def _get_doc_body_lines(self, width=26):
        """Return the unit's name as printed in the header: its own lines, else the name in capitals broken
        between phrases, never inside one ("LIÊN ĐOÀN LAO ĐỘNG" / "QUẬN LONG BIÊN")."""
        self.ensure_one()
        if self.doc_body_lines and self.doc_body_lines.strip():
            return [line.strip() for line in self.doc_body_lines.splitlines() if line.strip()]
        return break_at_phrases((self.name or "").upper(), width)

    def _get_doc_motto_lines(self):
        """Return the right column of the header: the unit's own lines, else the national motto."""
        self.ensure_one()
        if self.doc_motto_lines and self.doc_motto_lines.strip():
            return [line.strip() for line in self.doc_motto_lines.splitlines() if line.strip()]
        # Translated: an English copy of a document prints the motto in English.
        return [self.env._("SOCIALIST REPUBLIC OF VIETNAM"), self.env._("Independence - Freedom - Happiness")]

    @api.model
    def _match_header(self, text):
        """Return the units of the current companies whose name, or whose name as printed in their header, is
        `text` (a document's header line; abbreviations read in full, case and spaces aside)."""
        key = fold_body(text)
        if not key:
            return self.browse()
        units = self.search([("company_id", "in", self.env.company.ids)])
        return units.filtered(lambda u: key in (fold_body(u.name), fold_body(" ".join(u._get_doc_body_lines()))))

    def _get_document_lang(self):
        """Return the language the unit's documents are written in, whoever prints them: the unit's contact
        language, else its company's, else Vietnamese when installed, else the user's. An empty recordset gives
        the current company's. Override to choose otherwise."""
        if len(self) > 1:
            self.ensure_one()
        installed = dict(self.env["res.lang"].get_installed())
        company = self.company_id or self.env.company
        for lang in (self.partner_id.lang, company.partner_id.lang):
            if lang and lang in installed:
                return lang
        if "vi_VN" in installed:
            return "vi_VN"
        return self.env.user.lang or self.env.lang or "en_US"

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _get_able_reporters(self):
        """Return the unit's reporters who can open its reports: Unit Reporters of the module, or portal users
        (who report on /my/union-reports)."""
        self.ensure_one()
        return self.reporter_user_ids.filtered(
            lambda user: user._has_group("union_campaign.group_user") or user._is_portal()
        )

    def _get_reporting_user(self):
        """Return the user a new report of the unit is given to: its chair, else its first member (both are among
        its reporters, who all may report for it). Override to choose the reporter differently.
        """
        self.ensure_one()
        return self.chair_user_id or self.member_user_ids[:1] or self.officer_user_ids[:1]
