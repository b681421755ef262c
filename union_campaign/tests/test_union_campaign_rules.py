# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import UnionCampaignCommon


@tagged("post_install", "-at_install")
class TestUnionCampaignRules(UnionCampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._create_campaign()
        cls.phase_1, cls.phase_2 = cls.campaign.phase_ids.sorted("sequence")

    def _assert_refused(self, record, vals, message):
        before = record.read(list(vals))[0]
        with self.assertRaisesRegex(ValidationError, message):
            with self.env.cr.savepoint():
                record.write(vals)
                record.flush_recordset()
        self.assertEqual(record.read(list(vals))[0], before, "a refused change must change nothing")

    def test_phase_end_before_start(self):
        """A phase cannot end before it starts."""
        self._assert_refused(self.phase_1, {"date_end": date(2027, 1, 15)}, "cannot end before it starts")

    def test_peak_window_inside_phase(self):
        """The peak window must lie within its phase, and have both ends."""
        self._assert_refused(
            self.phase_2, {"peak_date_start": date(2027, 2, 20)}, "peak window .* must lie within the phase"
        )
        self._assert_refused(self.phase_2, {"peak_date_end": date(2027, 5, 2)}, "must lie within the phase")
        self._assert_refused(self.phase_1, {"peak_date_start": date(2027, 2, 10)}, "both the start and the end")

    def test_report_deadline_after_start(self):
        """A phase's report deadline cannot precede its start."""
        self._assert_refused(self.phase_1, {"report_deadline": date(2027, 1, 31)}, "report deadline")

    def test_activity_deadline_inside_phase(self):
        """An activity's deadline must lie within its phase."""
        task = self.phase_1.item_ids.filtered(lambda a: a.scope == "federation")
        self._assert_refused(task, {"date_deadline": date(2027, 3, 1)}, "must lie within its phase")
        task.date_deadline = date(2027, 2, 28)

    def test_target_not_negative(self):
        """A negative target is refused."""
        item = self.phase_1.item_ids[0]
        self._assert_refused(item, {"target_qty": -2}, "must be between 0 and")

    def test_target_wording_follows_its_number(self):
        """A target worded from its number is worded again when the number changes; one worded as the plan
        writes it is left as written."""
        item = self.phase_1.item_ids.filtered(lambda a: a.target_qty == 1 and a.target_uom == "buổi")
        target = item._get_unit_quantity_target()
        self.assertEqual(target.name, "1 buổi")
        item.target_qty = 2
        self.assertEqual(target.name, "2 buổi")
        target.name = "Mỗi đơn vị tổ chức ít nhất 2 buổi"
        item.target_qty = 3
        self.assertEqual((target.value, target.name), (3, "Mỗi đơn vị tổ chức ít nhất 2 buổi"))

    def test_sub_items_stay_in_the_period_of_their_item(self):
        """An item belongs to its period for good (moving it, with or without its sub-items, is refused); a
        sub-item is created in its item's period only."""
        item = self.phase_1.item_ids.filtered(lambda a: a.target_uom == "buổi")
        sub = self.env["union.campaign.item"].create(
            {"phase_id": self.phase_1.id, "parent_id": item.id, "name": "Tiểu mục"}
        )
        with self.assertRaisesRegex(UserError, "never change"):
            item.write({"phase_id": self.phase_2.id})
        with self.assertRaisesRegex(UserError, "never change"):
            (item | sub).write({"phase_id": self.phase_2.id})
        self.assertEqual(sub.phase_id, self.phase_1)
        with self.assertRaisesRegex(ValidationError, "sub-item belongs to the period"):
            self.env["union.campaign.item"].create({"phase_id": self.phase_2.id, "parent_id": item.id, "name": "Lạc"})

    def test_reference_unique_per_unit_and_year(self):
        """A number is unique per issuing unit and year, and may be reused the next year."""
        with self.assertRaisesRegex(ValidationError, "already used"):
            with self.env.cr.savepoint():
                self._create_campaign()
        other_year = self._create_campaign(issue_date=date(2028, 1, 5))
        self.assertEqual(other_year.reference, self.campaign.reference)
        other_unit = self.env["union.unit"].create(
            {"name": "Khác", "unit_type_id": self.env.ref("union_campaign.unit_type_district").id}
        )
        self.assertTrue(self._create_campaign(issuing_unit_id=other_unit.id, unit_ids=[]))

    def test_report_deadline_defaults_to_end(self):
        """A phase reports by its end unless told otherwise, in code and in the form."""
        phase = self.env["union.campaign.phase"].create(
            {
                "campaign_id": self.campaign.id,
                "name": "GĐ 3",
                "date_start": date(2027, 5, 1),
                "date_end": date(2027, 5, 31),
            }
        )
        self.assertEqual(phase.report_deadline, date(2027, 5, 31))
        form = Form(self.env["union.campaign.phase"].with_context(default_campaign_id=self.campaign.id))
        form.name = "GĐ 4"
        form.date_start = date(2027, 6, 1)
        form.date_end = date(2027, 6, 30)
        self.assertEqual(form.report_deadline, date(2027, 6, 30))

    def test_phase_status_from_dates(self):
        """A phase is upcoming, ongoing, at its peak, then closed as the days pass."""
        expectations = [
            ("2027-02-28", "upcoming"),
            ("2027-03-01", "ongoing"),
            ("2027-04-01", "peak"),
            ("2027-04-15", "peak"),
            ("2027-04-16", "ongoing"),
            ("2027-05-01", "closed"),
        ]
        for day, status in expectations:
            with freeze_time(day):
                self.phase_2._update_status()
                self.assertEqual(self.phase_2.status, status, day)

    def test_legal_basis_citation(self):
        """A legal basis is cited as number, date, issuer and summary."""
        basis = self.env["union.campaign.legal.basis"].create(
            {
                "campaign_id": self.campaign.id,
                "document_type": "kế hoạch",
                "document_number": "60/KH-LĐLĐ",
                "document_date": date(2020, 12, 8),
                "issuer": "LĐLĐ Thành phố Hà Nội",
            }
        )
        self.assertEqual(basis.citation, "kế hoạch no. 60/KH-LĐLĐ dated 08/12/2020 of LĐLĐ Thành phố Hà Nội")
