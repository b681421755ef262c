# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The rights table of the README, checked cell by cell: roles × records × operations, as the server enforces them
on an RPC call: access rights, record rules and each model's write policy (what a state locks) together.

r: read; w: write at least one field; c: create such a record here (a part of a plan: in this plan); d: delete
it (tried for real, then rolled back)."""

from pathlib import Path

from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import UnionCampaignCommon

ROLES = ("employee", "reporter_a", "reporter_b", "officer", "manager")
OPERATIONS = {"r": "read", "w": "write", "c": "create", "d": "unlink"}

# model (record) -> the operations each role may do on it ("rwcd"); "-" for none.
# The running plan applies to units A, B and C; "report_a" is unit A's draft report, "report_a_done" its
# approved one; reporter A belongs to unit A, reporter B to unit B.
# The README's rows, in its order, as the records of this test.
README_ROWS = {
    "unit A": "unit_a",
    "the running plan": "campaign",
    "a draft plan": "draft_campaign",
    "a period of the running plan": "phase",
    "an item of the running plan": "item",
    "a slogan of the running plan": "slogan",
    "a legal basis of the draft plan": "basis",
    "a propaganda form (catalogue)": "form",
    "unit A's draft report": "report_a",
    "unit A's approved report": "report_a_done",
    "a line of the draft report": "line_a",
    "a line of the approved report": "line_a_done",
    "the approved report's history": "review_a",
}
README = Path(__file__).resolve().parents[2] / "README.md"


def readme_matrix():
    """The rights table of the README: {record key: {role: "rwcd"}}. Fails loudly without the README."""
    if not README.exists():
        raise AssertionError(
            f"{README} is missing: the rights matrix test checks the README's table against the server"
        )
    text = README.read_text(encoding="utf-8")
    table = text.split("<!-- rights-matrix:", 1)[1].split("<!-- /rights-matrix -->", 1)[0]
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in table.splitlines()
        if line.startswith("| ")
    ]
    matrix = {}
    for cells in rows[1:]:  # the header first
        if cells[0] in README_ROWS:
            matrix[README_ROWS[cells[0]]] = dict(zip(ROLES, cells[1:], strict=True))
    return matrix


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
        """Each role may do exactly the operations of the README's rights table on each kind of record (the table is
        read from the README: it says what the server enforces, cell by cell)."""
        matrix = readme_matrix()
        self.assertEqual(list(matrix), list(README_ROWS.values()), "the README's table names every record")
        for key, expected_by_role in matrix.items():
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
