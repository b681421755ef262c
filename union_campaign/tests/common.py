# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from odoo import Command, fields
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.tests.common import TransactionCase, freeze_time

SEED_FILE = Path(__file__).parent / "data" / "ke-hoach-43-KH-LDLD-long-bien-2020.txt"


class UnionCampaignCommon(TransactionCase):
    """Users per group, a federation with three grassroots units, and a two-phase plan builder."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # English messages in assertions, whatever the languages installed in the database.
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, lang="en_US"))
        cls.company = cls.env.company
        groups = "base.group_user,union_campaign.group_%s"
        # English users: assertions read messages in the source language (a Vietnamese user has their own test).
        for attr, login, name, group in (
            ("user_manager", "t_manager", "Test Manager", "manager"),
            ("user_officer", "t_officer", "Test Officer", "officer"),
            ("user_officer_2", "t_officer2", "Test Officer 2", "officer"),
            ("user_reporter_a", "t_reporter_a", "Reporter A", "user"),
            ("user_reporter_b", "t_reporter_b", "Reporter B", "user"),
        ):
            user = mail_new_test_user(
                cls.env, login=login, name=name, groups=groups % group, tz="Asia/Ho_Chi_Minh", lang="en_US"
            )
            setattr(cls, attr, user)
        cls.user_employee = mail_new_test_user(
            cls.env, login="t_employee", name="Employee", groups="base.group_user", lang="en_US"
        )
        Unit = cls.env["union.unit"]
        cls.federation = Unit.create(
            {"name": "LĐLĐ Test", "code": "T-FED", "unit_type_id": cls.env.ref("union_campaign.unit_type_district").id}
        )
        cls.unit_a = Unit.create(
            {
                "name": "Công đoàn Trường A",
                "code": "T-A",
                "unit_type_id": cls.env.ref("union_campaign.unit_type_school").id,
                "parent_id": cls.federation.id,
                "chair_user_id": cls.user_reporter_a.id,
                "member_user_ids": [Command.set(cls.user_reporter_a.ids)],
                "member_count": 40,
            }
        )
        cls.unit_b = Unit.create(
            {
                "name": "Công đoàn Công ty B",
                "code": "T-B",
                "unit_type_id": cls.env.ref("union_campaign.unit_type_enterprise").id,
                "parent_id": cls.federation.id,
                "member_user_ids": [Command.set(cls.user_reporter_b.ids)],
                "member_count": 300,
            }
        )
        cls.unit_c = Unit.create(
            {
                "name": "Công đoàn Phường C",
                "code": "T-C",
                "unit_type_id": cls.env.ref("union_campaign.unit_type_agency").id,
                "parent_id": cls.federation.id,
            }
        )
        cls.units = cls.unit_a | cls.unit_b | cls.unit_c

    @classmethod
    def _prepare_campaign_vals(cls, **vals):
        """Two phases in 2027, the second with a peak window; one unit item and one federation task each."""
        values = {
            "name": "Kế hoạch thử",
            "reference": "99/KH-TEST",
            "issuing_unit_id": cls.federation.id,
            "issue_date": date(2027, 1, 5),
            "issue_place": "Long Biên",
            "user_id": cls.user_officer.id,
            "approver_id": cls.user_manager.id,
            "unit_ids": [Command.set(cls.units.ids)],
            "slogan_ids": [Command.create({"name": "Khẩu hiệu một!"}), Command.create({"name": "Khẩu hiệu hai!"})],
            "section_ids": [
                Command.create({"sequence": 1, "name": "MỤC ĐÍCH - YÊU CẦU:", "kind": "text"}),
                Command.create(
                    {"sequence": 2, "name": "THỜI GIAN, NỘI DUNG:", "kind": "periods", "item_numbering": "arabic"}
                ),
                Command.create({"sequence": 3, "name": "HÌNH THỨC TUYÊN TRUYỀN.", "kind": "forms"}),
                Command.create(
                    {"sequence": 4, "name": "KHẨU HIỆU TUYÊN TRUYỀN.", "kind": "slogans", "item_numbering": "arabic"}
                ),
                Command.create(
                    {"sequence": 5, "name": "TỔ CHỨC THỰC HIỆN.", "kind": "duties", "item_numbering": "arabic"}
                ),
            ],
            "phase_ids": [
                Command.create(
                    {
                        "name": "Giai đoạn 1",
                        "sequence": 1,
                        "date_start": date(2027, 2, 1),
                        "date_end": date(2027, 2, 28),
                        "report_deadline": date(2027, 3, 5),
                        "item_ids": [
                            Command.create({"name": "Hội nghị quán triệt", "target_qty": 1, "target_uom": "buổi"}),
                            Command.create(
                                {
                                    "name": "Đăng tin trên trang của Quận",
                                    "scope": "federation",
                                    "user_id": cls.user_officer.id,
                                    "date_deadline": date(2027, 2, 20),
                                }
                            ),
                        ],
                    }
                ),
                Command.create(
                    {
                        "name": "Giai đoạn 2",
                        "sequence": 2,
                        "date_start": date(2027, 3, 1),
                        "date_end": date(2027, 4, 30),
                        "peak_date_start": date(2027, 4, 1),
                        "peak_date_end": date(2027, 4, 15),
                        "report_deadline": date(2027, 5, 5),
                        "item_ids": [
                            Command.create(
                                {
                                    "name": "Treo băng rôn",
                                    "target_qty": 3,
                                    "target_uom": "băng rôn",
                                    "evidence_required": True,
                                }
                            ),
                        ],
                    }
                ),
            ],
        }
        values.update(vals)
        return values

    @classmethod
    def _create_campaign(cls, **vals):
        return cls.env["union.campaign"].create(cls._prepare_campaign_vals(**vals))

    @classmethod
    def _approved_campaign(cls, **vals):
        campaign = cls._create_campaign(**vals)
        campaign.with_user(cls.user_officer).action_submit()
        campaign.with_user(cls.user_manager).action_approve()
        return campaign

    @classmethod
    def _running_campaign(cls, **vals):
        """An approved plan launched to its units by the officer."""
        campaign = cls._approved_campaign(**vals)
        campaign.with_user(cls.user_officer).action_launch()
        return campaign

    def _report(self, campaign, unit, phase_sequence=1):
        phase = campaign.phase_ids.filtered(lambda p: p.sequence == phase_sequence)
        return campaign.report_ids.filtered(lambda r: r.unit_id == unit and r.phase_id == phase)

    def _evidence(self, report, name="bien-ban.txt"):
        return self.env["ir.attachment"].create(
            {
                "name": name,
                "datas": base64.b64encode(b"Bien ban hoi nghi"),
                "res_model": "union.unit.report",
                "res_id": report.id,
            }
        )

    def _fill(self, report, user, **line_vals):
        """The reporter marks every line done (with evidence where required)."""
        values = {"is_done": True, "qty_done": 1, "participant_count": 30, **line_vals}
        for line in report.line_ids:
            vals = dict(values)
            if line.evidence_required:
                vals["attachment_ids"] = [Command.link(self._evidence(report).id)]
            line.with_user(user).write(vals)

    @contextmanager
    def _frozen(self, moment):
        """Freeze Python's clock and the cursor's transaction time (cr.now()) together."""
        with freeze_time(moment):
            # cr.now() caches the transaction's timestamp: make it the frozen moment too.
            self.env.cr._now = fields.Datetime.now()
            try:
                yield
            finally:
                self.env.cr._now = None
