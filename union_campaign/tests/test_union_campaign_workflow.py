# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import UnionCampaignCommon


@tagged("post_install", "-at_install")
class TestUnionCampaignWorkflow(UnionCampaignCommon):
    def test_submit_approve(self):
        """The officer submits a draft plan and a manager approves it."""
        campaign = self._create_campaign()
        self.assertEqual(campaign.state, "draft")
        campaign.with_user(self.user_officer).action_submit()
        self.assertEqual(campaign.state, "to_approve")
        self.assertFalse(campaign.with_user(self.user_officer).can_approve)
        self.assertTrue(campaign.with_user(self.user_manager).can_approve)
        campaign.with_user(self.user_manager).action_approve()
        self.assertEqual(campaign.state, "approved")

    def test_submit_needs_phase_and_unit(self):
        """A plan without phase or without unit cannot be submitted, and stays a draft."""
        no_phase = self._create_campaign(reference="1/KH", phase_ids=[])
        with self.assertRaisesRegex(UserError, "at least one phase"):
            no_phase.with_user(self.user_officer).action_submit()
        self.assertEqual(no_phase.state, "draft")
        no_unit = self._create_campaign(reference="2/KH", unit_ids=[])
        with self.assertRaisesRegex(UserError, "Choose the units"):
            no_unit.with_user(self.user_officer).action_submit()
        self.assertEqual(no_unit.state, "draft")

    def test_only_managers_approve(self):
        """An officer cannot approve or send back a plan."""
        campaign = self._create_campaign()
        campaign.with_user(self.user_officer).action_submit()
        with self.assertRaises(AccessError):
            campaign.with_user(self.user_officer).action_approve()
        with self.assertRaises(AccessError):
            campaign.with_user(self.user_officer).action_return(reason="No")
        self.assertEqual(campaign.state, "to_approve")

    def test_state_only_through_actions(self):
        """An officer cannot approve a plan by writing its state (over RPC, say)."""
        campaign = self._create_campaign()
        campaign.with_user(self.user_officer).action_submit()
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            campaign.with_user(self.user_officer).write({"state": "approved"})
        self.assertEqual(campaign.state, "to_approve")
        campaign.with_user(self.user_manager).action_return(reason="Bổ sung căn cứ")
        for vals in ({"return_reason": False}, {"return_reason": "Đã duyệt"}, {"launch_remaining": 0}):
            with self.assertRaisesRegex(UserError, "only through its buttons"):
                campaign.with_user(self.user_officer).write(vals)
        self.assertEqual(campaign.return_reason, "Bổ sung căn cứ", "the approver's reason stays theirs")
        # Nor is a plan born approved or running.
        for state in ("to_approve", "approved", "running", "done"):
            with self.assertRaisesRegex(UserError, "only through its buttons"):
                self.env["union.campaign"].with_user(self.user_officer).create(
                    self._prepare_campaign_vals(reference=f"98/KH-{state}", state=state)
                )

    def test_wrong_state(self):
        """Transitions from the wrong state are refused, naming the plan."""
        campaign = self._create_campaign()
        with self.assertRaisesRegex(UserError, "99/KH-TEST"):
            campaign.with_user(self.user_manager).action_approve()
        with self.assertRaises(UserError):
            campaign.action_done()

    def test_return_with_reason(self):
        """Sending back needs a reason, which is kept in the chatter; the plan returns to draft."""
        campaign = self._create_campaign()
        campaign.with_user(self.user_officer).action_submit()
        action = campaign.with_user(self.user_manager).action_return()
        self.assertEqual(action["res_model"], "union.review.return.wizard")
        wizard_form = Form(
            self.env["union.review.return.wizard"].with_user(self.user_manager).with_context(**action["context"])
        )
        with self.assertRaises(AssertionError):  # the reason is required in the form
            wizard_form.save()
        with self.assertRaisesRegex(UserError, "reason"):
            campaign.with_user(self.user_manager).action_return(reason="   ")
        self.assertEqual(campaign.state, "to_approve")
        wizard_form.reason = "Bổ sung căn cứ pháp lý"
        wizard_form.save().action_confirm()
        self.assertEqual(campaign.state, "draft")
        self.assertTrue(any("Bổ sung căn cứ pháp lý" in message.body for message in campaign.message_ids))

    def test_cancel_and_reset(self):
        """Officers cancel drafts; only managers cancel approved plans and reopen cancelled ones."""
        draft = self._create_campaign(reference="3/KH")
        draft.with_user(self.user_officer).action_cancel()
        self.assertEqual(draft.state, "cancelled")
        with self.assertRaises(AccessError):
            draft.with_user(self.user_officer).action_reset_draft()
        self.assertFalse(draft.with_user(self.user_officer).can_reset)
        self.assertTrue(draft.with_user(self.user_manager).can_reset)
        draft.with_user(self.user_manager).action_reset_draft()
        self.assertEqual(draft.state, "draft")
        approved = self._approved_campaign()
        with self.assertRaises(AccessError):
            approved.with_user(self.user_officer).action_cancel()
        approved.with_user(self.user_manager).action_cancel()
        self.assertEqual(approved.state, "cancelled")

    def test_unlink_only_draft_or_cancelled(self):
        """An approved plan cannot be deleted."""
        approved = self._approved_campaign()
        with self.assertRaisesRegex(UserError, "Only draft or cancelled"):
            approved.with_user(self.user_manager).unlink()
        draft = self._create_campaign(reference="4/KH")
        draft.with_user(self.user_officer).unlink()
        self.assertFalse(draft.exists())

    def test_done_when_phases_closed(self):
        """A running plan closes only once all its phases are over."""
        campaign = self._approved_campaign()
        campaign.state = "running"
        with freeze_time("2027-03-15"):
            campaign.phase_ids._update_status()
            with self.assertRaisesRegex(UserError, "open phases"):
                campaign.action_done()
        with freeze_time("2027-05-01"):
            campaign.phase_ids._update_status()
            self.assertEqual(set(campaign.phase_ids.mapped("status")), {"closed"})
            campaign.action_done()
        self.assertEqual(campaign.state, "done")
        self.assertEqual(campaign.progress, 100.0)

    def test_display_name_and_search(self):
        """Plans are named and found by their number."""
        campaign = self._create_campaign()
        self.assertEqual(campaign.display_name, "99/KH-TEST - Kế hoạch thử")
        self.assertEqual(self.env["union.campaign"].name_search("99/KH-TEST")[0][0], campaign.id)

    def test_counts_and_slogan_numbers(self):
        """Smart-button counts and slogan numbers follow the plan's content."""
        campaign = self._create_campaign()
        self.assertEqual((campaign.phase_count, campaign.item_count, campaign.unit_count), (2, 3, 3))
        self.assertEqual(campaign.slogan_ids.sorted("sequence").mapped("number"), [1, 2])
        self.assertEqual(campaign.action_view_phases()["domain"], [("campaign_id", "=", campaign.id)])

    def test_activity_units_follow_plan(self):
        """Unit items follow the plan's units, including units added later; federation tasks have none."""
        campaign = self._create_campaign(unit_ids=[Command.set(self.unit_a.ids)])
        unit_item = campaign.item_ids.filtered(lambda a: a.scope == "units")[0]
        federation_task = campaign.item_ids.filtered(lambda a: a.scope == "federation")
        self.assertEqual(unit_item.unit_ids, self.unit_a)
        campaign.unit_ids = [Command.link(self.unit_b.id)]
        self.assertEqual(unit_item.unit_ids, self.unit_a | self.unit_b)
        self.assertFalse(federation_task.unit_ids)
        unit_item.write({"all_units": False, "unit_ids": [Command.set(self.unit_b.ids)]})
        campaign.unit_ids = [Command.link(self.unit_c.id)]
        self.assertEqual(unit_item.unit_ids, self.unit_b)

    def test_form_defaults(self):
        """A new plan defaults to today, the current user and the company's federation."""
        with freeze_time("2027-01-10"):
            form = Form(self.env["union.campaign"].with_user(self.user_officer))
            form.name = "Kế hoạch mới"
            self.assertEqual(form.issue_date, date(2027, 1, 10))
            self.assertEqual(form.user_id, self.user_officer)
            self.assertTrue(form.issuing_unit_id)
            campaign = form.save()
        self.assertEqual(campaign.issue_year, 2027)
        self.assertEqual(campaign.state, "draft")
