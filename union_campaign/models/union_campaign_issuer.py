# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import api, fields, models
from odoo.exceptions import UserError

# The type of a union from the words of its name, first match wins (xmlids of data/union_unit_type_data.xml).
UNIT_TYPE_WORDS = (
    (r"tổng liên đoàn", "unit_type_central"),
    (r"khu công nghiệp|\bkcn\b|khu kinh tế|khu chế xuất", "unit_type_zone"),
    (r"liên đoàn lao động (tỉnh|thành phố)|^lđlđ (tỉnh|thành phố)", "unit_type_province"),
    (r"liên đoàn lao động (quận|huyện|thị xã)|^lđlđ (quận|huyện|thị xã)", "unit_type_district"),
    (r"công đoàn (xã|phường|đặc khu|thị trấn)", "unit_type_commune"),
    (r"công đoàn ngành", "unit_type_sector_local"),
    (r"tổ công đoàn", "unit_type_group"),
    (r"trường|mầm non|tiểu học|thcs|thpt|đại học|cao đẳng", "unit_type_school"),
    (r"công ty|doanh nghiệp|tnhh|cổ phần|tập đoàn|nhà máy|xí nghiệp", "unit_type_enterprise"),
)


# Words of a union's name written in small letters in running text (the rest are proper names).
NAME_WORDS = (
    ("Liên Đoàn", "Liên đoàn"),
    ("Công Đoàn", "Công đoàn"),
    ("Lao Động", "Lao động"),
    ("Cơ Sở", "cơ sở"),
    ("Thị Xã", "thị xã"),
    ("Thị Trấn", "thị trấn"),
    ("Đặc Khu", "đặc khu"),
    ("Khu Công Nghiệp", "Khu công nghiệp"),
    ("Huyện", "huyện"),
    ("Quận", "quận"),
    ("Tỉnh", "tỉnh"),
    ("Xã", "xã"),
    ("Phường", "phường"),
    ("Ngành", "ngành"),
)


# One file for one concern (a plan whose issuing union is not yet a unit of the database), hence another class.
# pylint: disable=consider-merging-classes-inherited
class UnionCampaign(models.Model):
    """The document's own header: an imported plan whose issuing union is not in the database prints the header as
    the document wrote it, until an officer creates that union (one click) and the plan becomes its."""

    _inherit = "union.campaign"

    header_upper_body = fields.Char(
        string="Upper Body as Written",
        copy=False,
        help="The upper body of the document's header, printed while the issuing union is not a unit of the database.",
    )
    header_body_lines = fields.Text(
        string="Issuing Body as Written",
        copy=False,
        help="The issuing body of the document's header, one line per printed line: the plan prints it, not its "
        "issuing unit's header, until the union is created (button on the plan) or another unit chosen.",
    )

    @api.onchange("issuing_unit_id")
    def _onchange_issuing_unit_header(self):
        """Another issuing unit chosen: the plan prints that unit's header."""
        if self.issuing_unit_id != self._origin.issuing_unit_id:
            self.header_upper_body = self.header_body_lines = False

    def _get_header_lines(self):
        """Return (upper body lines, issuing body lines) of the document's own header, or None to print the
        issuing unit's."""
        self.ensure_one()
        body = [line.strip() for line in (self.header_body_lines or "").splitlines() if line.strip()]
        if not body:
            return None
        return ([self.header_upper_body.strip()] if self.header_upper_body else []), body

    def action_create_issuing_unit(self):
        """Create the union the document's header names (under the unit its upper body names, of the type its
        name says), make the plan its, and open it for the officer to check."""
        self.ensure_one()
        header = self._get_header_lines()
        if not header:
            raise UserError(self.env._("The plan prints the header of its issuing unit: there is no union to create."))
        self._check_write_policy({"issuing_unit_id"})
        upper, body = header
        name = self._name_from_header(" ".join(body))
        unit = self.env["union.unit"].create(
            {
                "name": name,
                "parent_id": self.env["union.unit"]._match_header(" ".join(upper))[:1].id,
                "unit_type_id": self._guess_unit_type(name).id,
                "doc_body_lines": "\n".join(body),
                "doc_upper_body": " ".join(upper) or False,
                "company_id": self.company_id.id,
            }
        )
        self.write({"issuing_unit_id": unit.id, "header_upper_body": False, "header_body_lines": False})
        self._post_note(self.env._("The issuing union %(unit)s was created from the document's header.", unit=name))
        return {
            "type": "ir.actions.act_window",
            "res_model": "union.unit",
            "res_id": unit.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    @api.model
    def _name_from_header(self, text):
        """A union's name as written in running text from its header's capitals: "LIÊN ĐOÀN LAO ĐỘNG HUYỆN SÓC
        SƠN" → "Liên đoàn Lao động huyện Sóc Sơn" (proper names capitalised, the common words not)."""
        text = re.sub(r"\s+", " ", text).strip()
        if not text.isupper():
            return text
        name = " ".join(word.capitalize() for word in text.split(" "))
        for written, common in NAME_WORDS:
            name = re.sub(rf"\b{written}\b", common, name)
        return name

    @api.model
    def _guess_unit_type(self, name):
        """Return the union type the words of a union's name say (else "other grassroots union"). Override to
        read more names."""
        low = name.lower()
        xmlid = next((xmlid for pattern, xmlid in UNIT_TYPE_WORDS if re.search(pattern, low)), "unit_type_other")
        return self.env.ref(f"union_campaign.{xmlid}")
