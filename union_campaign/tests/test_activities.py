# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import UnionCampaignCommon

SUBMIT = "union_campaign.mail_act_submit_report"
REVIEW = "union_campaign.mail_act_review_report"
REVISE = "union_campaign.mail_act_revise_report"
APPROVE_PLAN = "union_campaign.mail_act_approve_plan"
TASK = "union_campaign.mail_act_federation_task"
SUBMITTED = "union_campaign.mail_template_report_submitted"
APPROVED = "union_campaign.mail_template_report_approved"


class UnionActivityCase(UnionCampaignCommon):
    def _open(self, records, xmlid=None):
        """Open activities on records (of one type when given)."""
        domain = [("res_model", "=", records._name), ("res_id", "in", records.ids)]
        if xmlid:
            domain.append(("activity_type_id", "=", self.env.ref(xmlid).id))
        return self.env["mail.activity"].search(domain)

    def _notifications(self, user, template=None):
        """Messages notified to `user` (from one mail template when given)."""
        messages = self.env["mail.message"].search(
            [("message_type", "=", "user_notification"), ("partner_ids", "in", user.partner_id.ids)]
        )
        if template:
            subject_start = self.env.ref(template).subject.split("(")[0].split(":")[0].strip()
            messages = messages.filtered(lambda m: (m.subject or "").startswith(subject_start))
        return messages


@tagged("post_install", "-at_install")
class TestPlanActivities(UnionActivityCase):
    def test_approve_plan_activity(self):
        """Submitting a plan opens one "Approve plan" for the approver; approving marks it done."""
        campaign = self._create_campaign()
        with self._frozen("2027-01-06 02:00:00"):
            campaign.with_user(self.user_officer).action_submit()
        activity = self._open(campaign, APPROVE_PLAN)
        self.assertEqual((activity.user_id, activity.date_deadline), (self.user_manager, date(2027, 1, 8)))
        self.assertEqual(
            len(self._notifications(self.user_manager, "union_campaign.mail_template_plan_to_approve")), 1, "told once"
        )
        campaign.with_user(self.user_manager).action_approve()
        self.assertFalse(self._open(campaign))
        done_message = campaign.message_ids.filtered(lambda m: m.mail_activity_type_id == self.env.ref(APPROVE_PLAN))
        self.assertTrue(done_message, "the done activity stays in the history")
        self.assertEqual(
            len(self._notifications(self.user_officer, "union_campaign.mail_template_plan_approved")), 1, "and told"
        )

    def test_return_and_cancel_close_activity(self):
        """Sent back: the approval activity is done; re-submitted: one again; cancelled: removed."""
        campaign = self._create_campaign()
        campaign.with_user(self.user_officer).action_submit()
        campaign.with_user(self.user_manager).action_return(reason="Sửa căn cứ")
        revise = self._open(campaign)
        self.assertEqual(revise.activity_type_id, self.env.ref("union_campaign.mail_act_revise_plan"))
        self.assertEqual(revise.user_id, campaign.user_id, "the officer revises, told why")
        self.assertIn("Sửa căn cứ", revise.note)
        campaign.with_user(self.user_officer).action_submit()
        self.assertEqual(len(self._open(campaign, APPROVE_PLAN)), 1)
        self.assertEqual(self._open(campaign), self._open(campaign, APPROVE_PLAN), "the revision is done")
        self.env["mail.activity"].create(
            {
                "res_model_id": self.env["ir.model"]._get_id("union.campaign"),
                "res_id": campaign.id,
                "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
                "user_id": self.user_officer_2.id,
                "summary": "Gọi điện",
            }
        )
        campaign.with_user(self.user_manager).action_cancel()
        self.assertFalse(self._open(campaign), "cancelling removes every open activity, manual ones included")

    def test_notification_in_recipients_language(self):
        """A Vietnamese approver is told in Vietnamese, an English one in English."""
        template = self.env.ref("union_campaign.mail_template_plan_to_approve")
        vi_subject = template.with_context(lang="vi_VN").subject.split(":")[0]
        self.assertNotEqual(vi_subject, template.with_context(lang="en_US").subject.split(":")[0])
        self.user_manager.lang = "vi_VN"
        campaign = self._create_campaign()
        campaign.with_user(self.user_officer).action_submit()
        message = self._notifications(self.user_manager)
        self.assertEqual(len(message), 1)
        self.assertTrue(message.subject.startswith(vi_subject), message.subject)
        # The activity's summary is stored text: written in the assignee's language, not the English officer's.
        approve = self.env.ref(APPROVE_PLAN)
        self.assertEqual(self._open(campaign, APPROVE_PLAN).summary, approve.with_context(lang="vi_VN").summary)
        self.assertNotEqual(approve.with_context(lang="vi_VN").summary, approve.with_context(lang="en_US").summary)

    def test_submit_needs_approver(self):
        """A plan with nobody to approve it cannot be submitted."""
        campaign = self._create_campaign(approver_id=False)
        with self.assertRaisesRegex(UserError, "manager who approves"):
            campaign.with_user(self.user_officer).action_submit()
        self.assertEqual(campaign.state, "draft")


@tagged("post_install", "-at_install")
class TestReportActivities(UnionActivityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_reporter_a.tz = cls.user_officer.tz = cls.user_manager.tz = "Asia/Ho_Chi_Minh"

    def test_launch_schedules_submit_and_tasks(self):
        """Launch: one "Submit unit report" per report for its reporter, due on the deadline, and one
        "Federation task" per task; launching again creates nothing more."""
        with self._frozen("2027-01-10 03:00:00"):
            campaign = self._running_campaign()
            reports = campaign.report_ids
            submit = self._open(reports, SUBMIT)
            self.assertEqual(len(submit), 4, "the unit without reporter has none")
            report_a = self._report(campaign, self.unit_a)
            self.assertEqual(self._open(report_a).date_deadline, date(2027, 3, 5))
            task = campaign.item_ids.filtered(lambda a: a.scope == "federation")
            task_activity = self._open(task, TASK)
            self.assertEqual(
                (task_activity.user_id, task_activity.date_deadline), (self.user_officer, date(2027, 2, 20))
            )
            campaign.with_user(self.user_officer).action_launch()
            self.assertEqual(len(self._open(reports)) + len(self._open(task)), 5)
        self.assertFalse(self._notifications(self.user_reporter_a), "no e-mail per launched report")
        self.assertIn(self.user_reporter_a.partner_id, report_a.message_partner_ids, "the reporter follows")

    def test_past_deadline_is_clamped(self):
        """A deadline already past at creation is moved to today."""
        with self._frozen("2027-03-20 03:00:00"):
            campaign = self._running_campaign()
            activity = self._open(self._report(campaign, self.unit_a), SUBMIT)
        self.assertEqual(activity.date_deadline, date(2027, 3, 20))

    def test_review_cycle_activities(self):
        """Submit: submit done, review for the step's reviewer only; return: revise for the reporter;
        approve: nothing open, whoever created it."""
        with self._frozen("2027-02-10 03:00:00"):
            campaign = self._running_campaign(review_steps=2)
            report = self._report(campaign, self.unit_a)
            report.with_user(self.user_reporter_a).action_submit()
            review = self._open(report)
            self.assertEqual(review.activity_type_id, self.env.ref(REVIEW))
            self.assertEqual((review.user_id, review.date_deadline), (self.user_officer, date(2027, 2, 13)))
            self.assertTrue(
                report.message_ids.filtered(lambda m: m.mail_activity_type_id == self.env.ref(SUBMIT)),
                "the submit activity is done, in the history",
            )
            self.assertNotIn(self.user_officer.partner_id, report.message_partner_ids, "reviewers do not follow")
            self.assertEqual(len(self._notifications(self.user_officer, SUBMITTED)), 1)
            self.assertFalse(
                self._notifications(self.user_manager, SUBMITTED), "step 2's reviewer is not told before their turn"
            )

            report.with_user(self.user_officer).action_return(reason="Thiếu biên bản")
            revise = self._open(report)
            self.assertEqual(revise.activity_type_id, self.env.ref(REVISE))
            self.assertEqual((revise.user_id, revise.date_deadline), (self.user_reporter_a, date(2027, 3, 5)))

            report.with_user(self.user_reporter_a).action_submit()
            report.with_user(self.user_officer).action_approve()
            review = self._open(report)
            self.assertEqual((review.activity_type_id, review.user_id), (self.env.ref(REVIEW), self.user_manager))
            self.assertEqual(len(self._notifications(self.user_manager, SUBMITTED)), 1, "told when it is their turn")

            self.env["mail.activity"].with_user(self.user_officer_2).create(
                {
                    "res_model_id": self.env["ir.model"]._get_id("union.unit.report"),
                    "res_id": report.id,
                    "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
                    "user_id": self.user_officer_2.id,
                }
            )
            report.with_user(self.user_manager).action_approve()
            self.assertFalse(self._open(report), "approved: every open activity is closed or removed")

    def test_revise_deadline_after_deadline(self):
        """A report returned after its deadline gets today + the revise delay."""
        with self._frozen("2027-03-10 03:00:00"):
            campaign = self._running_campaign()
            report = self._report(campaign, self.unit_a)
            report.with_user(self.user_reporter_a).action_submit()
            report.with_user(self.user_officer).action_return(reason="Bổ sung")
            self.assertEqual(self._open(report).date_deadline, date(2027, 3, 13))

    def test_deadline_across_timezone_edge(self):
        """At 06:30 in Hanoi (23:30 UTC the day before) the review is due 3 Hanoi days later."""
        with self._frozen("2027-02-09 23:30:00"):
            campaign = self._running_campaign()
            report = self._report(campaign, self.unit_a)
            report.with_user(self.user_reporter_a).action_submit()
            self.assertEqual(self._open(report).date_deadline, date(2027, 2, 13))

    def test_cancel_plan_removes_everything(self):
        """Cancelling a running plan removes the open activities of its reports and tasks."""
        campaign = self._running_campaign()
        report = self._report(campaign, self.unit_a)
        report.with_user(self.user_reporter_a).action_submit()
        tasks = campaign.item_ids.filtered(lambda a: a.scope == "federation")
        campaign.with_user(self.user_manager).action_cancel()
        self.assertFalse(self._open(campaign.report_ids) or self._open(tasks) or self._open(campaign))

    def test_mass_approve_one_message_per_person(self):
        """Approving many reports of one reporter sends them one message, not one per report."""
        plan_1 = self._running_campaign()
        plan_2 = self._running_campaign(reference="41/KH")
        reports = self._report(plan_1, self.unit_a) | self._report(plan_2, self.unit_a)
        reports.with_user(self.user_reporter_a).action_submit()
        self.assertEqual(len(self._notifications(self.user_officer, SUBMITTED)), 1, "one digest to the reviewer")
        reports.with_user(self.user_officer).action_approve()
        self.assertEqual(len(self._notifications(self.user_reporter_a, APPROVED)), 1)
        self.assertFalse(self._open(reports))

    def test_task_done_from_activity(self):
        """Marking the "Federation task" activity done marks the task done, and nothing is recreated."""
        campaign = self._running_campaign()
        task = campaign.item_ids.filtered(lambda a: a.scope == "federation")
        self._open(task, TASK).with_user(self.user_officer).action_feedback(feedback="Đã đăng 5 tin")
        self.assertTrue(task.is_done)
        task.with_user(self.user_manager).date_deadline = date(2027, 2, 25)
        self.assertFalse(self._open(task))

    def test_task_reassigned(self):
        """Reassigning a federation task moves its activity to the new responsible."""
        campaign = self._running_campaign()
        task = campaign.item_ids.filtered(lambda a: a.scope == "federation")
        task.with_user(self.user_officer).user_id = self.user_officer_2
        self.assertEqual(self._open(task, TASK).user_id, self.user_officer_2)
