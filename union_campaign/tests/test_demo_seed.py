# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from datetime import date

from odoo.tests import tagged

from .common import SEED_FILE, UnionCampaignCommon


@tagged("post_install", "-at_install")
class TestDemoSeed(UnionCampaignCommon):
    """The demo plan is Kế hoạch 43/KH-LĐLĐ, complete and word for word."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.env.ref("union_campaign.campaign_43")
        cls.seed = SEED_FILE.read_text(encoding="utf-8")

    def _seed_section(self, start, end):
        return self.seed.split(start, 1)[1].split(end, 1)[0]

    def test_header(self):
        """Number, place, date, title and issuing unit come from the seed."""
        self.assertIn(f"Số: {self.plan.reference}", self.seed)
        self.assertEqual(self.plan.issue_date, date(2020, 12, 10))
        self.assertIn(f"{self.plan.issue_place}, ngày 10 tháng 12 năm 2020", self.seed)
        self.assertIn(self.plan.name, self.seed)
        self.assertEqual(self.plan.issuing_unit_id.name, "Liên đoàn Lao động quận Long Biên")
        self.assertEqual(self.plan.state, "running")

    def test_phases(self):
        """Three phases with the seed's dates, the first with its peak window."""
        phases = self.plan.phase_ids.sorted("sequence")
        self.assertEqual(len(phases), 3)
        self.assertEqual((phases[0].date_start, phases[0].date_end), (date(2020, 11, 1), date(2021, 1, 20)))
        self.assertEqual((phases[0].peak_date_start, phases[0].peak_date_end), (date(2021, 1, 1), date(2021, 1, 20)))
        self.assertEqual(phases[1].date_start, date(2021, 1, 25))
        self.assertGreater(phases[2].date_start, date(2021, 1, 31))
        for number, phase in enumerate(phases, start=1):
            self.assertIn(f"{number}. {phase.name} (", self.seed)
            self.assertIn(phase.description, self.seed)

    def test_content_items_word_for_word(self):
        """Every content item of section II is in the demo, in the seed's order."""
        section = self._seed_section("II. THỜI GIAN, NỘI DUNG TUYÊN TRUYỀN:", "III. HÌNH THỨC TUYÊN TRUYỀN.")
        seed_items = [line[2:].strip() for line in section.splitlines() if line.startswith("- ")]
        demo_items = [
            item.description
            for phase in self.plan.phase_ids.sorted("sequence")
            for item in phase.item_ids.sorted("sequence")
            if item.in_document
        ]
        self.assertEqual(len(seed_items), 12)
        self.assertEqual(demo_items, seed_items)

    def test_slogans_word_for_word(self):
        """All 11 slogans, numbered as in the seed."""
        section = self._seed_section("IV. KHẨU HIỆU TUYÊN TRUYỀN.", "V. TỔ CHỨC THỰC HIỆN.")
        seed_slogans = re.findall(r"^(\d+)\. (.+)$", section, flags=re.MULTILINE)
        slogans = self.plan.slogan_ids.sorted("sequence")
        self.assertEqual(len(slogans), 11)
        self.assertEqual([(str(s.number), s.name) for s in slogans], seed_slogans)

    def test_responsibilities_recipients_signature(self):
        """Section V, the recipients and the signature block are the seed's."""
        section = self._seed_section("V. TỔ CHỨC THỰC HIỆN.", "Nơi nhận")
        duties = [d for r in self.plan.responsibility_ids.sorted("sequence") for d in r.description.splitlines()]
        self.assertEqual(duties, [line[2:].strip() for line in section.splitlines() if line.startswith("- ")])
        recipients = [r.name for r in self.plan.recipient_ids.sorted("sequence")]
        seed_recipients = [
            line[2:].rstrip(";.") for line in self.seed.split("Nơi nhận", 1)[1].splitlines() if line.startswith("- ")
        ]
        self.assertEqual(recipients, seed_recipients)
        self.assertIn(f"**{self.plan.signature_lines}**", self.seed)
        self.assertTrue(self.seed.rstrip().endswith(self.plan.signer_name))

    def test_units_and_users(self):
        """A dozen grassroots units of the three kinds, with demo users of each group."""
        units = self.plan.unit_ids
        self.assertEqual(len(units), 12)
        self.assertEqual(set(units.mapped("unit_type_id.code")), {"agency", "enterprise", "school"})
        for xmlid, group in (
            ("user_manager", "group_manager"),
            ("user_officer", "group_officer"),
            ("user_reporter", "group_user"),
        ):
            user = self.env.ref(f"union_campaign.{xmlid}")
            self.assertTrue(user.has_group(f"union_campaign.{group}"))
            self.assertEqual(user.lang, "vi_VN")

    def test_reports_in_every_state(self):
        """The plan is launched to its units, with reports in every state and two review steps, for the matrix."""
        reports = self.plan.report_ids
        self.assertEqual(len(reports), 36)
        self.assertEqual(self.plan.review_steps, 2)
        self.assertEqual(set(reports.mapped("state")), {"draft", "submitted", "approved", "returned"})
        self.assertEqual(set(reports.filtered(lambda r: r.state == "submitted").mapped("review_step")), {1, 2})
        # 2021 is long past: what was never submitted shows as late.
        self.assertEqual(set(reports.mapped("matrix_state")), {"late", "submitted", "approved", "returned"})
        approved = reports.filtered(lambda r: r.state == "approved")
        self.assertTrue(all(r.date_submitted.year == 2021 for r in approved))
        self.assertEqual(
            approved[0].review_ids.mapped("decision").count("approved"), 2, "two review steps, both in the history"
        )
