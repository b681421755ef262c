# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The rights table of the README, checked cell by cell: roles × records × operations, as the server enforces them
on an RPC call: access rights, record rules and each model's write policy (what a state locks) together.

r: read; w: write at least one field; c: create such a record here (a part of a plan: in this plan); d: delete
it (tried for real, then rolled back)."""

from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import UnionCampaignCommon

ROLES = ("employee", "reporter_a", "reporter_b", "officer", "manager")
OPERATIONS = {"r": "read", "w": "write", "c": "create", "d": "unlink"}

# model (record) -> the operations each role may do on it ("rwcd"); "-" for none.
# The running plan applies to units A, B and C; "report_a" is unit A's draft report, "report_a_done" its
# approved one; reporter A belongs to unit A, reporter B to unit B.
MATRIX = {
    "unit_a": {"employee": "-", "reporter_a": "r", "reporter_b": "r", "officer": "rwc", "manager": "rwc"},
    "campaign": {"employee": "-", "reporter_a": "r", "reporter_b": "r", "officer": "rwc", "manager": "rwc"},
    "draft_campaign": {"employee": "-", "reporter_a": "-", "reporter_b": "-", "officer": "rwcd", "manager": "rwcd"},
    "phase": {"employee": "-", "reporter_a": "r", "reporter_b": "r", "officer": "r", "manager": "rwcd"},
    "item": {"employee": "-", "reporter_a": "r", "reporter_b": "r", "officer": "rw", "manager": "rwcd"},
    "slogan": {"employee": "-", "reporter_a": "r", "reporter_b": "r", "officer": "r", "manager": "rwcd"},
    "basis": {"employee": "-", "reporter_a": "-", "reporter_b": "-", "officer": "rwcd", "manager": "rwcd"},
    "form": {"employee": "-", "reporter_a": "r", "reporter_b": "r", "officer": "r", "manager": "rwcd"},
    "report_a": {"employee": "-", "reporter_a": "rw", "reporter_b": "-", "officer": "rwd", "manager": "rwd"},
    "report_a_done": {"employee": "-", "reporter_a": "r", "reporter_b": "-", "officer": "r", "manager": "r"},
    "line_a": {"employee": "-", "reporter_a": "rw", "reporter_b": "-", "officer": "rw", "manager": "rw"},
    "line_a_done": {"employee": "-", "reporter_a": "r", "reporter_b": "-", "officer": "r", "manager": "r"},
    "review_a": {"employee": "-", "reporter_a": "r", "reporter_b": "-", "officer": "r", "manager": "r"},
}


@tagged("post_install", "-at_install")
class TestAccessMatrix(UnionCampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        campaign = cls._running_campaign()
        other = cls._running_campaign(reference="41/KH")
        draft = cls._create_campaign(reference="42/KH")
        report_a = cls._report_of(campaign, cls.unit_a)
        report_a_done = cls._report_of(other, cls.unit_a)
        report_a_done.with_user(cls.user_reporter_a).action_submit()
        report_a_done.with_user(cls.user_officer).action_approve()
        cls.records = {
            "unit_a": cls.unit_a,
            "campaign": campaign,
            "draft_campaign": draft,
            "phase": campaign.phase_ids[0],
            "item": campaign.phase_ids[0].item_ids[0],
            "slogan": campaign.slogan_ids[0],
            "basis": draft.legal_basis_ids.create(
                {"campaign_id": draft.id, "document_type": "kế hoạch", "document_number": "1/KH"}
            ),
            "form": cls.env.ref("union_campaign.form_meeting"),
            "report_a": report_a,
            "report_a_done": report_a_done,
            "line_a": report_a.line_ids[0],
            "line_a_done": report_a_done.line_ids[0],
            "review_a": report_a_done.review_ids[0],
        }
        cls.users = {
            "employee": cls.user_employee,
            "reporter_a": cls.user_reporter_a,
            "reporter_b": cls.user_reporter_b,
            "officer": cls.user_officer,
            "manager": cls.user_manager,
        }

    @classmethod
    def _report_of(cls, campaign, unit):
        phase = campaign.phase_ids.sorted("sequence")[0]
        return campaign.report_ids.filtered(lambda r: r.unit_id == unit and r.phase_id == phase)

    def _allowed(self, record, user, operation):
        records = record.with_user(user)
        try:
            if operation == "create":
                records.browse().check_access("create")
                if "campaign_id" in records._fields and records._name != "union.unit.report":
                    # A part of a plan is created in a plan: its plan's state and the user's roles decide.
                    records._check_write_policy("*")
            elif operation == "unlink":
                records.check_access("unlink")
                with self.env.cr.savepoint() as savepoint:
                    records.unlink()
                    savepoint.rollback()
            else:
                records.check_access(operation)
                policy_fields = records._get_policy_fields() if hasattr(records, "_get_policy_fields") else ()
                if (
                    operation == "write"
                    and policy_fields
                    and not any(records._may_write((name,)) for name in policy_fields)
                ):
                    return False
        except (AccessError, UserError):
            return False
        return True

    def test_matrix(self):
        """Each role may do exactly the operations of the README's rights table on each kind of record."""
        for key, expected_by_role in MATRIX.items():
            record = self.records[key]
            for role in ROLES:
                expected = expected_by_role[role]
                actual = "".join(
                    letter for letter, op in OPERATIONS.items() if self._allowed(record, self.users[role], op)
                )
                with self.subTest(record=key, role=role):
                    self.assertEqual(actual or "-", expected, f"{role} on {key} ({record._name})")

    def test_wizard_and_side_models(self):
        """Only reviewers open the send-back wizard; workflow activities and evidence are guarded elsewhere."""
        Wizard = self.env["union.review.return.wizard"]
        for role, allowed in (("reporter_a", False), ("officer", True), ("manager", True)):
            with self.subTest(role=role):
                self.assertEqual(self._allowed(Wizard, self.users[role], "create"), allowed)

    def test_plain_user_of_another_company(self):
        """A manager of another company sees none of these records."""
        other_company = self.env["res.company"].create({"name": "Công ty khác"})
        stranger = mail_new_test_user(
            self.env,
            login="t_stranger",
            groups="base.group_user,union_campaign.group_manager",
            company_id=other_company.id,
            company_ids=[(6, 0, other_company.ids)],
        )
        for key in ("campaign", "report_a", "line_a", "review_a", "unit_a", "phase"):
            with self.subTest(record=key):
                self.assertFalse(self._allowed(self.records[key], stranger, "read"))
