# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import UnionCampaignCommon


@tagged("post_install", "-at_install")
class TestUnionUnit(UnionCampaignCommon):
    def test_hierarchy_names(self):
        """A unit's complete name shows its parents, and follows a parent's rename."""
        self.assertEqual(self.unit_a.complete_name, "LĐLĐ Test / Công đoàn Trường A")
        self.federation.name = "LĐLĐ Renamed"
        self.assertEqual(self.unit_a.complete_name, "LĐLĐ Renamed / Công đoàn Trường A")
        self.assertEqual(
            self.env["union.unit"].search([("id", "child_of", self.federation.id)]), self.federation | self.units
        )

    def test_display_and_search(self):
        """A unit shows its own name, and is found by its name, its parents' or its code."""
        self.assertEqual(self.unit_a.display_name, "Công đoàn Trường A")
        Unit = self.env["union.unit"]
        self.assertEqual(Unit.name_search("T-B")[0][0], self.unit_b.id)
        self.assertIn(self.unit_c.id, [unit_id for unit_id, _name in Unit.name_search("LĐLĐ Test")])

    def test_no_cycle(self):
        """A unit cannot become its own ancestor."""
        with self.assertRaises(UserError):
            self.federation.parent_id = self.unit_a
        self.assertFalse(self.federation.parent_id)

    def test_member_count_not_negative(self):
        """A negative number of union members is refused with a clear message."""
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.unit_a.member_count = -1

    @mute_logger("odoo.sql_db")
    def test_code_unique_per_company(self):
        """Two units of one company cannot share a code."""
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["union.unit"].create({"name": "Copy", "code": "T-A"})

    def test_reporting_user(self):
        """The chair reports for a unit; without a chair, its first member does."""
        self.assertEqual(self.unit_a._get_reporting_user(), self.user_reporter_a)
        self.assertEqual(self.unit_b._get_reporting_user(), self.user_reporter_b)
        self.assertFalse(self.unit_c._get_reporting_user())

    def test_users_see_their_units(self):
        """The membership is visible from the user side too."""
        self.assertEqual(self.user_reporter_a.union_unit_ids, self.unit_a)

    def test_access(self):
        """Reporters read units, officers create them, only managers delete them."""
        self.assertTrue(self.unit_b.with_user(self.user_reporter_a).name)
        with self.assertRaises(AccessError):
            self.env["union.unit"].with_user(self.user_reporter_a).create({"name": "X"})
        unit = self.env["union.unit"].with_user(self.user_officer).create({"name": "New", "code": "T-N"})
        with self.assertRaises(AccessError):
            unit.with_user(self.user_officer).unlink()
        unit.with_user(self.user_manager).unlink()
        with self.assertRaises(AccessError):
            self.unit_a.with_user(self.user_employee).read(["name"])
