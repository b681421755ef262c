# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import UnionCampaignCommon


@tagged("post_install", "-at_install")
class TestUnionCampaignLock(UnionCampaignCommon):
    """Once approved, a plan is an official document: only managers change its structure."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._approved_campaign()
        cls.campaign.state = "running"
        cls.phase = cls.campaign.phase_ids.sorted("sequence")[0]
        cls.item = cls.phase.item_ids.filtered(lambda a: a.scope == "units")
        cls.task = cls.phase.item_ids.filtered(lambda a: a.scope == "federation")

    def test_officer_cannot_change_structure(self):
        """An officer's change to a running plan's structure is refused, naming the fields, and changes nothing."""
        as_officer = self.campaign.with_user(self.user_officer)
        with self.assertRaisesRegex(UserError, "only a manager can change .*Units"):
            as_officer.write({"unit_ids": [Command.unlink(self.unit_a.id)]})
        with self.assertRaisesRegex(UserError, "only a manager can change .*Title"):
            as_officer.name = "Đổi tên"
        with self.assertRaises(UserError):
            self.phase.with_user(self.user_officer).date_end = date(2027, 2, 27)
        with self.assertRaises(UserError):
            self.env["union.campaign.phase"].with_user(self.user_officer).create(
                {
                    "campaign_id": self.campaign.id,
                    "name": "Thêm",
                    "date_start": date(2027, 6, 1),
                    "date_end": date(2027, 6, 2),
                }
            )
        with self.assertRaises(UserError):
            self.phase.with_user(self.user_officer).unlink()
        with self.assertRaises(UserError):
            self.item.with_user(self.user_officer).target_qty = 5
        with self.assertRaises(UserError):
            self.env["union.campaign.item"].with_user(self.user_officer).create(
                {"phase_id": self.phase.id, "name": "Mới"}
            )
        with self.assertRaises(UserError):
            self.campaign.slogan_ids[0].with_user(self.user_officer).name = "Khác"
        with self.assertRaises(UserError):
            self.env["union.campaign.slogan"].with_user(self.user_officer).create(
                {"campaign_id": self.campaign.id, "name": "Thêm!"}
            )
        self.assertEqual(self.campaign.unit_ids, self.units)
        self.assertEqual(self.campaign.name, "Kế hoạch thử")
        self.assertEqual(self.phase.date_end, date(2027, 2, 28))
        self.assertEqual(len(self.campaign.phase_ids), 2)
        self.assertEqual(self.item.target_qty, 1)

    def test_officer_can_change_people(self):
        """Who is responsible is not structure: officers may change it on a running plan."""
        self.campaign.with_user(self.user_officer).user_id = self.user_officer_2
        self.task.with_user(self.user_officer).user_id = self.user_officer_2
        self.assertEqual(self.task.user_id, self.user_officer_2)

    def test_manager_can_change_structure(self):
        """A manager may add a phase, an item or a unit to a running plan."""
        self.campaign.with_user(self.user_manager).name = "Kế hoạch đã sửa"
        phase = (
            self.env["union.campaign.phase"]
            .with_user(self.user_manager)
            .create(
                {
                    "campaign_id": self.campaign.id,
                    "name": "Thêm",
                    "date_start": date(2027, 6, 1),
                    "date_end": date(2027, 6, 30),
                }
            )
        )
        self.env["union.campaign.item"].with_user(self.user_manager).create({"phase_id": phase.id, "name": "Mới"})
        self.assertEqual(self.campaign.phase_count, 3)

    def test_draft_is_free(self):
        """In draft, officers edit freely."""
        draft = self._create_campaign(reference="5/KH")
        draft.with_user(self.user_officer).write({"name": "Khác", "unit_ids": [Command.unlink(self.unit_c.id)]})
        draft.phase_ids[0].with_user(self.user_officer).date_end = date(2027, 2, 27)
        self.assertEqual(draft.unit_count, 2)
