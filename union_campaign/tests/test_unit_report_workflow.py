# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import UnionCampaignCommon


@tagged("post_install", "-at_install")
class TestUnitReportWorkflow(UnionCampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._running_campaign()
        cls.two_steps = cls._running_campaign(reference="40/KH", review_steps=2)

    def _cycle(self, campaign):
        """draft → submitted → returned → submitted → approved, with the right people at each step."""
        report = self._report(campaign, self.unit_a)
        self._fill(report, self.user_reporter_a)
        report.with_user(self.user_reporter_a).action_submit()
        self.assertEqual((report.state, report.review_step), ("submitted", 1))
        self.assertEqual(report.reviewer_id, self.user_officer)
        report.with_user(self.user_officer).action_return(reason="Thiếu ảnh")
        self.assertEqual(report.state, "returned")
        report.line_ids.with_user(self.user_reporter_a).write({"qty_done": 2})
        report.with_user(self.user_reporter_a).action_submit()
        report.with_user(self.user_officer).action_approve()
        if campaign.review_steps == 2:
            self.assertEqual((report.state, report.review_step), ("submitted", 2))
            self.assertEqual(report.reviewer_id, self.user_manager)
            with self.assertRaises(AccessError):
                report.with_user(self.user_officer_2).action_approve()
            report.with_user(self.user_manager).action_approve()
        self.assertEqual(report.state, "approved")
        self.assertTrue(report.date_approved)
        return report

    def test_full_cycle_one_step(self):
        """One step: the officer's approval is final; the history tells who did what, when and why."""
        report = self._cycle(self.campaign)
        history = report.review_ids.sorted("id")
        self.assertEqual(
            [(h.decision, h.step, h.user_id) for h in history],
            [
                ("submitted", 0, self.user_reporter_a),
                ("returned", 1, self.user_officer),
                ("submitted", 0, self.user_reporter_a),
                ("approved", 1, self.user_officer),
            ],
        )
        self.assertEqual(history[1].reason, "Thiếu ảnh")

    def test_full_cycle_two_steps(self):
        """Two steps: the officer checks, then only a manager gives final approval."""
        report = self._cycle(self.two_steps)
        approvals = report.review_ids.filtered(lambda h: h.decision == "approved").sorted("id")
        self.assertEqual([(h.step, h.user_id) for h in approvals], [(1, self.user_officer), (2, self.user_manager)])

    def test_only_current_reviewer_sees_action(self):
        """can_review is true only for the reviewers of the current step, never for the submitter."""
        report = self._report(self.two_steps, self.unit_b)
        self._fill(report, self.user_reporter_b)
        report.with_user(self.user_reporter_b).action_submit()
        self.assertTrue(report.with_user(self.user_officer).can_review)
        self.assertFalse(report.with_user(self.user_reporter_b).can_review)
        report.with_user(self.user_officer).action_approve()
        self.assertFalse(report.with_user(self.user_officer).can_review)
        self.assertTrue(report.with_user(self.user_manager).can_review)

    def test_submitter_cannot_approve(self):
        """An officer who submits for a unit cannot approve that report."""
        report = self._report(self.campaign, self.unit_c)
        report.with_user(self.user_officer).action_submit()
        with self.assertRaisesRegex(UserError, "who submitted it"):
            report.with_user(self.user_officer).action_approve()
        report.with_user(self.user_officer_2).action_approve()
        self.assertEqual(report.state, "approved")

    def test_double_approval(self):
        """A second reviewer approving an approved report gets a clear message; nothing happens twice."""
        report = self._report(self.campaign, self.unit_a)
        self._fill(report, self.user_reporter_a)
        report.with_user(self.user_reporter_a).action_submit()
        report.with_user(self.user_officer).action_approve()
        approved_on = report.date_approved
        with self.assertRaisesRegex(UserError, "already approved by Test Officer"):
            report.with_user(self.user_officer_2).action_approve()
        self.assertEqual(report.date_approved, approved_on)
        self.assertEqual(len(report.review_ids.filtered(lambda h: h.decision == "approved")), 1)

    def test_evidence_required(self):
        """A done item that requires evidence cannot be submitted without an attachment."""
        report = self._report(self.campaign, self.unit_a, phase_sequence=2)
        line = report.line_ids
        self.assertTrue(line.evidence_required)
        line.with_user(self.user_reporter_a).write({"is_done": True, "qty_done": 3})
        with self.assertRaisesRegex(UserError, "Attach evidence"):
            report.with_user(self.user_reporter_a).action_submit()
        self.assertEqual(report.state, "draft")
        attachment = self._evidence(report, "bang-ron.jpg")
        line.with_user(self.user_reporter_a).attachment_ids = [(4, attachment.id)]
        report.with_user(self.user_reporter_a).action_submit()
        self.assertEqual(report.state, "submitted")

    def test_uploaded_evidence_is_readable_by_reviewers(self):
        """Evidence uploaded on a line is re-homed on the report, so the reviewer may open it."""
        report = self._report(self.campaign, self.unit_a, phase_sequence=2)
        upload = (
            self.env["ir.attachment"]
            .with_user(self.user_reporter_a)
            .create(
                {"name": "anh.jpg", "raw": b"jpeg", "res_model": "union.unit.report.line", "res_id": report.line_ids.id}
            )
        )
        report.line_ids.with_user(self.user_reporter_a).write({"is_done": True, "attachment_ids": [(4, upload.id)]})
        self.assertEqual((upload.res_model, upload.res_id), ("union.unit.report", report.id))
        self.assertEqual(upload.with_user(self.user_officer).raw, b"jpeg")

    def test_bad_quantities_and_links(self):
        """Negative quantities and links that are not web addresses are refused and change nothing."""
        line = self._report(self.campaign, self.unit_a).line_ids.with_user(self.user_reporter_a)
        for vals in ({"qty_done": -1}, {"participant_count": -5}):
            with self.assertRaisesRegex(ValidationError, "must be between 0 and"), self.env.cr.savepoint():
                line.write(vals)
                line.flush_recordset()
        for bad in ("facebook.com/post", "javascript:alert(1)", "https://", "http://a b.vn"):
            with self.assertRaisesRegex(ValidationError, "not a web address"), self.env.cr.savepoint():
                line.write({"post_urls": f"https://zalo.me/ok\n{bad}"})
                line.flush_recordset()
        self.assertEqual((line.qty_done, line.participant_count, line.post_urls), (0, 0, False))
        line.post_urls = "https://www.facebook.com/ldld.longbien/posts/1\n\nhttps://youtu.be/abc"
        self.assertEqual(line.link_count, 2)

    def test_return_needs_reason(self):
        """Sending back without a reason is refused; the wizard sends several reports back with one reason."""
        reports = self.campaign.report_ids.filtered(lambda r: r.unit_id in (self.unit_a | self.unit_b))
        for report in reports:
            report.with_user(self.user_officer_2).action_submit()
        with self.assertRaisesRegex(UserError, "reason"):
            reports.with_user(self.user_officer).action_return(reason="")
        self.assertEqual(set(reports.mapped("state")), {"submitted"})
        action = reports.with_user(self.user_officer).action_return()
        wizard = Form(self.env[action["res_model"]].with_user(self.user_officer).with_context(**action["context"]))
        self.assertEqual(
            wizard.summary, f"{len(reports)} unit reports go back to their units, each with your reason at the top."
        )
        wizard.reason = "Bổ sung số liệu"
        wizard.save().action_confirm()
        self.assertEqual(set(reports.mapped("state")), {"returned"})
        self.assertEqual(
            set(reports.review_ids.filtered(lambda h: h.decision == "returned").mapped("reason")), {"Bổ sung số liệu"}
        )
        self.assertTrue(any("Bổ sung số liệu" in message.body for message in reports[0].message_ids))

    def test_mass_approve(self):
        """Approving several reports at once decides each at its own step."""
        reports = self.campaign.report_ids.filtered(lambda r: r.unit_id in (self.unit_a | self.unit_b))
        reports.with_user(self.user_officer_2).action_submit()
        reports.with_user(self.user_officer).action_approve()
        self.assertEqual(set(reports.mapped("state")), {"approved"})

    def test_approved_is_locked(self):
        """An approved report cannot be edited, even by a manager; the error names the fields."""
        report = self._cycle(self.campaign)
        with self.assertRaisesRegex(UserError, "Summary"):
            report.with_user(self.user_manager).summary = "<p>Sửa</p>"
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            report.line_ids.with_user(self.user_manager).qty_done = 9
        self.assertEqual(report.line_ids.qty_done, 2)

    def test_state_only_through_actions(self):
        """Nobody approves by writing the state directly, not even an officer."""
        report = self._report(self.campaign, self.unit_a)
        for user in (self.user_reporter_a, self.user_officer):
            with self.assertRaisesRegex(UserError, "only through its buttons"):
                report.with_user(user).write({"state": "approved"})
        self.assertEqual(report.state, "draft")

    def test_delete_only_draft(self):
        """Submitted and approved reports cannot be deleted; a draft can, by an officer."""
        report = self._report(self.campaign, self.unit_a)
        report.with_user(self.user_reporter_a).action_submit()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            report.with_user(self.user_manager).unlink()
        draft = self._report(self.campaign, self.unit_b)
        with self.assertRaises(AccessError):
            draft.with_user(self.user_reporter_b).unlink()
        draft.with_user(self.user_officer).unlink()
        self.assertFalse(draft.exists())

    def test_withdraw_and_reopen(self):
        """The submitter withdraws before review; only a manager reopens an approved report."""
        report = self._report(self.campaign, self.unit_a)
        report.with_user(self.user_reporter_a).action_submit()
        report.with_user(self.user_reporter_a).action_reset_draft()
        self.assertEqual(report.state, "draft")
        report.with_user(self.user_reporter_a).action_submit()
        report.with_user(self.user_officer).action_approve()
        with self.assertRaises(AccessError):
            report.with_user(self.user_officer).action_reset_draft()
        report.with_user(self.user_manager).action_reset_draft()
        self.assertEqual(report.state, "draft")
        self.assertEqual(
            report.review_ids.sorted("id").mapped("decision")[-5:],
            ["submitted", "withdrawn", "submitted", "approved", "reopened"],
        )

    def test_late(self):
        """Reports past their deadline are late, counted in local days; submitting late is remembered."""
        report_a = self._report(self.campaign, self.unit_a)  # deadline 2027-03-05
        report_b = self._report(self.campaign, self.unit_b)
        with self._frozen("2027-03-05 12:00:00"):
            self.assertFalse(report_a.is_late)
        with self._frozen("2027-03-07 03:00:00"):  # 10:00 in Hanoi
            report_a.invalidate_recordset(["days_late", "is_late"])
            self.assertEqual((report_a.is_late, report_a.days_late), (True, 2))
            late = self.env["union.unit.report"].search(
                [("campaign_id", "=", self.campaign.id), ("is_late", "=", True)]
            )
            self.assertEqual(len(late), 3, "the three phase-1 reports")
            self.assertEqual(self.campaign.report_late_count, 3)
            report_b.with_user(self.user_reporter_b).action_submit()
        self.assertEqual(report_b.submitted_days_late, 2)
        with self._frozen("2027-03-10 03:00:00"):
            report_b.invalidate_recordset(["days_late"])
            self.assertEqual(report_b.days_late, 2, "a submitted report stays as late as it was submitted")

    def test_submitted_late_in_local_time(self):
        """A report submitted at 06:30 in Hanoi on the day after the deadline (23:30 UTC on the deadline) is late."""
        report = self._report(self.campaign, self.unit_b)
        with self._frozen("2027-03-05 23:30:00"):
            report.with_user(self.user_reporter_b).action_submit()
        self.assertEqual(report.submitted_days_late, 1)

    def test_compliance_matrix(self):
        """The matrix shows each unit's report state per phase, late cells included, filterable by unit type."""
        report_a = self._report(self.campaign, self.unit_a)
        report_a.with_user(self.user_reporter_a).action_submit()
        report_b = self._report(self.campaign, self.unit_b)
        report_b.line_ids.with_user(self.user_reporter_b).is_done = True
        with self._frozen("2027-03-07 03:00:00"):
            matrix = self.campaign.with_user(self.user_officer).get_compliance_matrix()
        self.assertEqual([c["name"] for c in matrix["columns"]], ["Giai đoạn 1", "Giai đoạn 2"])
        cells = {row["unit"]: [c["state"] for c in row["cells"]] for row in matrix["rows"]}
        self.assertEqual(cells[self.unit_a.name], ["submitted", "not_started"])
        self.assertEqual(cells[self.unit_b.name], ["late", "not_started"])
        self.assertEqual(cells[self.unit_c.name], ["late", "not_started"])
        schools = self.campaign.get_compliance_matrix(unit_type_id=self.env.ref("union_campaign.unit_type_school").id)
        self.assertEqual([row["unit"] for row in schools["rows"]], [self.unit_a.name])
        action = self.campaign.action_view_compliance_matrix()
        self.assertEqual(action["tag"], "union_campaign.compliance_matrix")

    def test_progress_and_counts(self):
        """The plan's progress is the share of approved reports; smart buttons count to review and approved."""
        report = self._cycle(self.campaign)
        self._report(self.campaign, self.unit_b).with_user(self.user_reporter_b).action_submit()
        self.assertEqual(self.campaign.report_approved_count, 1)
        self.assertEqual(self.campaign.report_to_review_count, 1)
        self.assertAlmostEqual(self.campaign.progress, 100 / 6, places=2)
        action = self.campaign.with_context(report_filter="to_review").action_view_reports()
        self.assertEqual(action["context"]["search_default_to_review"], 1)
        self.assertEqual(report.campaign_id, self.campaign)

    def test_reporter_changes_only_open_reports(self):
        """The reporter edits a draft, but not once it is submitted (nor does anyone else)."""
        report = self._report(self.campaign, self.unit_a)
        report.with_user(self.user_reporter_a).summary = "<p>Đã tổ chức hội nghị</p>"
        report.with_user(self.user_reporter_a).action_submit()
        for user in (self.user_reporter_a, self.user_officer):
            with self.assertRaisesRegex(UserError, "is submitted: Summary can no longer be changed"):
                report.with_user(user).summary = "<p>Sửa</p>"
            with self.assertRaisesRegex(UserError, "is submitted"):
                report.line_ids.with_user(user).qty_done = 5
        report.with_user(self.user_reporter_a).message_post(body="Đã gửi báo cáo")
        self.assertEqual(report.date_deadline, date(2027, 3, 5))
