# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import UnionCampaignCommon


@tagged("post_install", "-at_install")
class TestUnionCampaignAccess(UnionCampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan_ab = cls._approved_campaign(reference="10/KH", unit_ids=[Command.set((cls.unit_a | cls.unit_b).ids)])
        cls.plan_b = cls._approved_campaign(reference="11/KH", unit_ids=[Command.set(cls.unit_b.ids)])
        cls.plan_draft = cls._create_campaign(reference="12/KH")

    def test_reporter_reads_plans_of_own_units(self):
        """A reporter reads the launched plans of their units, with phases, items and slogans, and nothing else."""
        Campaign = self.env["union.campaign"].with_user(self.user_reporter_a)
        visible = Campaign.search([("id", "in", (self.plan_ab | self.plan_b | self.plan_draft).ids)])
        self.assertEqual(visible, self.plan_ab)
        plan = self.plan_ab.with_user(self.user_reporter_a)
        self.assertEqual(len(plan.phase_ids), 2)
        self.assertTrue(plan.phase_ids.item_ids.mapped("name"))
        self.assertEqual(len(plan.slogan_ids), 2)
        with self.assertRaises(AccessError):
            self.plan_b.with_user(self.user_reporter_a).read(["name"])
        with self.assertRaises(AccessError):
            self.plan_b.phase_ids[0].with_user(self.user_reporter_a).read(["name"])
        with self.assertRaises(AccessError):
            self.plan_draft.with_user(self.user_reporter_a).read(["name"])

    def test_reporter_cannot_edit(self):
        """A reporter cannot create, change or delete plans or their content."""
        with self.assertRaises(AccessError):
            self.plan_ab.with_user(self.user_reporter_a).name = "X"
        with self.assertRaises(AccessError):
            self.env["union.campaign"].with_user(self.user_reporter_a).create(
                {"name": "X", "issuing_unit_id": self.federation.id}
            )
        with self.assertRaises(AccessError):
            self.plan_ab.phase_ids[0].with_user(self.user_reporter_a).name = "X"
        with self.assertRaises(AccessError):
            self.plan_ab.slogan_ids[0].with_user(self.user_reporter_a).unlink()

    def test_officer_sees_all_company_plans(self):
        """Officers and managers see every plan of their company, drafts included."""
        for user in (self.user_officer, self.user_manager):
            found = (
                self.env["union.campaign"].with_user(user).search([("reference", "in", ("10/KH", "11/KH", "12/KH"))])
            )
            self.assertEqual(len(found), 3)

    def test_multi_company(self):
        """A plan of another company is invisible, even to a manager of this one."""
        other_company = self.env["res.company"].create({"name": "Other Federation"})
        other_unit = self.env["union.unit"].create(
            {
                "name": "Other",
                "unit_type_id": self.env.ref("union_campaign.unit_type_district").id,
                "company_id": other_company.id,
            }
        )
        other_plan = self.env["union.campaign"].create(
            {"name": "Other plan", "issuing_unit_id": other_unit.id, "company_id": other_company.id}
        )
        with self.assertRaises(AccessError):
            other_plan.with_user(self.user_manager).read(["name"])
        self.assertFalse(self.env["union.campaign"].with_user(self.user_manager).search([("id", "=", other_plan.id)]))

    def test_plain_employee_has_no_access(self):
        """An employee without a union group reads no plan."""
        with self.assertRaises(AccessError):
            self.plan_ab.with_user(self.user_employee).read(["name"])
