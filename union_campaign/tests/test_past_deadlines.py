# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A plan whose reports are all due before today is flagged at submit, approval and launch, with the choice to move
its dates or to go on; nothing moves without the user's choice."""

from datetime import date, datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import UnionCampaignCommon


@tagged("post_install", "-at_install")
class TestPastDeadlines(UnionCampaignCommon):
    def _wizard(self, action, user):
        self.assertEqual(action["res_model"], "union.campaign.deadline.wizard", "the choice is asked")
        return Form(self.env[action["res_model"]].with_user(user).with_context(**action["context"]))

    def test_submit_approve_launch_ask(self):
        plan = self._create_campaign()
        with self._frozen(datetime(2028, 1, 10, 3, 0)):
            self.assertTrue(plan.deadlines_passed)
            self.assertEqual(plan.last_deadline, date(2027, 5, 5))
            action = plan.with_user(self.user_officer).action_submit()
            self.assertEqual(plan.state, "draft", "nothing changes before the choice")
            # Go on as it is: submitted, dates unchanged.
            wizard = self._wizard(action, self.user_officer).save()
            wizard.action_go_on()
            self.assertEqual(plan.state, "to_approve")
            self.assertEqual(plan.phase_ids.sorted("sequence")[0].date_start, date(2027, 2, 1))
            # The manager moves the dates: the first report falls a week from today, every date moved alike.
            action = plan.with_user(self.user_manager).action_approve()
            form = self._wizard(action, self.user_manager)
            self.assertEqual(form.first_deadline_after, date(2028, 1, 17))
            days = form.days
            form.save().action_move()
            self.assertEqual(plan.state, "approved")
            first, second = plan.phase_ids.sorted("sequence")
            task = first.item_ids.filtered("date_deadline")
            self.assertEqual(task.date_deadline, date(2028, 1, 17), "the first deadline (a task's) a week from today")
            self.assertEqual((first.report_deadline - date(2027, 3, 5)).days, days)
            self.assertEqual((first.date_start - date(2027, 2, 1)).days, days)
            self.assertEqual((second.peak_date_end - date(2027, 4, 15)).days, days)
            self.assertFalse(plan.deadlines_passed)
            self.assertTrue(any("moved by" in body for body in plan.message_ids.mapped("body")), "said in the chatter")
            # Launched now: nothing asked, nothing late.
            self.assertTrue(plan.with_user(self.user_officer).action_launch())
            self.assertEqual(plan.state, "running")
            self.assertFalse(plan.report_ids.filtered("is_late"))

    def test_launch_asks_and_officer_cannot_move_an_approved_plan(self):
        plan = self._approved_campaign()
        with self._frozen(datetime(2028, 1, 10, 3, 0)):
            action = plan.with_user(self.user_officer).action_launch()
            self.assertEqual(plan.state, "approved")
            wizard = self._wizard(action, self.user_officer).save()
            with self.assertRaises(UserError):
                wizard.action_move()
            self.assertEqual(plan.phase_ids.sorted("sequence")[0].date_start, date(2027, 2, 1), "nothing moved")
            wizard.action_go_on()
            self.assertEqual(plan.state, "running")
            self.assertTrue(all(plan.report_ids.mapped("is_late")), "launched as it is: every report late")

    def test_bad_days_refused(self):
        plan = self._create_campaign()
        with self._frozen(datetime(2028, 1, 10, 3, 0)):
            action = plan.with_user(self.user_officer).action_submit()
            form = self._wizard(action, self.user_officer)
            for days in (0, -5, 100_000):
                form.days = days
                wizard = form.save()
                with self.assertRaises(UserError):
                    wizard.action_move()
            self.assertEqual(plan.state, "draft")
            self.assertEqual(plan.phase_ids.sorted("sequence")[0].date_start, date(2027, 2, 1))

    def test_plan_with_future_deadlines_is_not_asked(self):
        plan = self._create_campaign()
        with self._frozen(datetime(2027, 1, 10, 3, 0)):
            self.assertFalse(plan.deadlines_passed)
            self.assertTrue(plan.with_user(self.user_officer).action_submit())
            self.assertEqual(plan.state, "to_approve")

    def test_wizard_is_its_creators(self):
        plan = self._create_campaign()
        with self._frozen(datetime(2028, 1, 10, 3, 0)):
            action = plan.with_user(self.user_officer).action_submit()
            wizard = self._wizard(action, self.user_officer).save()
            with self.assertRaises(AccessError):
                wizard.with_user(self.user_officer_2).action_go_on()
            self.assertEqual(plan.state, "draft")

    def test_batch_with_a_past_plan_stops_and_names_it(self):
        """Several plans in one call (RPC, a server action): the dialog is for one plan, so the batch stops with
        the plans to open one by one, and nothing changes; confirmed, it goes on."""
        past, future = self._create_campaign(), self._create_campaign(reference="98/KH-TEST")
        future._move_dates(400)  # its last report due in June 2028
        plans = past | future
        with self._frozen(datetime(2028, 1, 10, 3, 0)):
            self.assertEqual(plans.filtered("deadlines_passed"), past)
            with self.assertRaises(UserError) as refused:
                plans.with_user(self.user_officer).action_submit()
            self.assertIn(past.display_name, str(refused.exception))
            self.assertNotIn(future.display_name, str(refused.exception))
            self.assertEqual(set(plans.mapped("state")), {"draft"}, "nothing submitted")
            plans.with_user(self.user_officer).with_context(union_past_deadlines_confirmed=True).action_submit()
            self.assertEqual(set(plans.mapped("state")), {"to_approve"})
