# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The units' portal (/my/union-reports): a portal reporter fills and submits their unit's reports under the
rules of the web client; another unit's report answers 404; mails reach portal users in their language."""

import base64
import re
from datetime import datetime
from unittest.mock import patch

from odoo import Command
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import UnionCampaignCommon

# A 1x1 PNG: a photo as far as the content check is concerned.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestPortal(UnionCampaignCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = mail_new_test_user(
            cls.env,
            login="t_portal",
            password="t_portal_pw",
            name="Portal Reporter C",
            email="portal.c@example.com",
            groups="base.group_portal",
            lang="vi_VN",
            tz="Asia/Ho_Chi_Minh",
        )
        cls.portal_user_b = mail_new_test_user(
            cls.env,
            login="t_portal_b",
            password="t_portal_b_pw",
            name="Portal Reporter B",
            email="portal.b@example.com",
            groups="base.group_portal",
            lang="vi_VN",
        )
        # Unit C reports through the portal only; unit B is mixed (an internal and a portal reporter).
        cls.unit_c.chair_user_id = cls.portal_user
        cls.unit_b.member_user_ids = [Command.link(cls.portal_user_b.id)]
        cls.campaign = cls._running_campaign()
        cls.report_c = cls.campaign.report_ids.filtered(lambda r: r.unit_id == cls.unit_c and r.phase_id.sequence == 1)
        cls.report_a = cls.campaign.report_ids.filtered(lambda r: r.unit_id == cls.unit_a and r.phase_id.sequence == 1)
        cls.line_c = cls.report_c.line_ids[:1]

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _login(self, user=None):
        user = user or self.portal_user
        self.authenticate(user.login, {"t_portal": "t_portal_pw", "t_portal_b": "t_portal_b_pw"}[user.login])

    def _csrf(self, url):
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def _post(self, report, data, files=None, suffix="save", token=True):
        url = f"/my/union-reports/{report.id}"
        data = dict(data)
        if token:
            data["csrf_token"] = self._csrf(url) if token is True else token
        return self.url_open(f"{url}/{suffix}", data=data, files=files, allow_redirects=False)

    def _line_data(self, line, **values):
        prefix = f"line-{line.id}-"
        data = {f"{prefix}present": "1"}
        data.update({f"{prefix}{name}": value for name, value in values.items()})
        return data

    def _portal_mails(self, partner):
        return self.env["mail.mail"].sudo().search([("recipient_ids", "in", partner.ids)])

    # ------------------------------------------------------------------
    # Pages
    # ------------------------------------------------------------------
    def test_home_shows_card_with_counts(self):
        """/my shows the Union reports card with the numbers to do and sent back."""
        self._login()
        page = self.url_open("/my")
        self.assertEqual(page.status_code, 200)
        self.assertIn('href="/my/union-reports"', page.text)
        self.assertIn("portal_union_report_category", page.text)
        counts = self.env["union.unit.report"].with_user(self.portal_user)._get_portal_counts()
        self.assertEqual(counts, {"todo": 2, "returned": 0})

    def test_list_shows_own_units_only(self):
        """/my/union-reports lists the reports of the user's unit, never another unit's; filters and search."""
        self._login()
        page = self.url_open("/my/union-reports")
        self.assertEqual(page.status_code, 200)
        self.assertIn(f'href="/my/union-reports/{self.report_c.id}"', page.text)
        self.assertNotIn(f'href="/my/union-reports/{self.report_a.id}"', page.text)
        self.assertNotIn(self.unit_a.name, page.text)
        page = self.url_open("/my/union-reports?filterby=returned")
        self.assertNotIn(f'href="/my/union-reports/{self.report_c.id}"', page.text)
        page = self.url_open("/my/union-reports?search=99/KH")
        self.assertIn(f'href="/my/union-reports/{self.report_c.id}"', page.text)
        page = self.url_open("/my/union-reports?search=nothing-like-this")
        self.assertNotIn(f'href="/my/union-reports/{self.report_c.id}"', page.text)

    def test_report_page(self):
        """The report's page shows the items, the deadline, the upload input for a phone, PDF links and the
        chatter."""
        self._login()
        page = self.url_open(f"/my/union-reports/{self.report_c.id}")
        self.assertEqual(page.status_code, 200)
        for line in self.report_c.line_ids:
            self.assertIn(line.item_id.name, page.text)
        self.assertIn('accept="image/*,application/pdf"', page.text)
        self.assertIn('capture="environment"', page.text)
        self.assertIn(f"/my/union-reports/{self.report_c.id}/plan.pdf", page.text)
        self.assertIn('id="discussion"', page.text)
        self.assertIn("o_union_portal_submit", page.text)

    def test_other_unit_and_anonymous(self):
        """Another unit's report, its PDF and its files answer 404 as a missing one does; anonymous visitors are
        sent to the login page."""
        evidence_a = self._evidence(self.report_a)
        self._login()
        for url in (
            f"/my/union-reports/{self.report_a.id}",
            f"/my/union-reports/{self.report_a.id}/report.pdf",
            f"/my/union-reports/{self.report_a.id}/plan.pdf",
            "/my/union-reports/999999999",
        ):
            self.assertEqual(self.url_open(url).status_code, 404, url)
        response = self._post(self.report_a, self._line_data(self.report_a.line_ids[:1], qty_done="5"), token=None)
        self.assertEqual(response.status_code, 400)  # no token for another report's form: refused before all
        token = self._csrf(f"/my/union-reports/{self.report_c.id}")
        response = self._post(self.report_a, self._line_data(self.report_a.line_ids[:1], qty_done="5"), token=token)
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.report_a.line_ids[:1].qty_done, 0)
        self.assertIn(self.url_open(f"/web/content/{evidence_a.id}").status_code, (403, 404))
        self.authenticate(None, None)
        response = self.url_open(f"/my/union-reports/{self.report_c.id}")
        self.assertIn("/web/login", response.url)

    def test_pdf_of_own_report(self):
        """The plan and the unit's own report are printed for the portal reporter."""
        self._login()
        for document in ("plan", "report"):
            response = self.url_open(f"/my/union-reports/{self.report_c.id}/{document}.pdf")
            self.assertEqual(response.status_code, 200, document)

    # ------------------------------------------------------------------
    # Forms
    # ------------------------------------------------------------------
    def test_save_upload_and_submit(self):
        """The portal reporter saves a line with a photo and submits: the report waits for the officer, the
        photo is evidence with a token for its owner, and the submitter gets no mail about their own act."""
        self._login()
        data = self._line_data(
            self.line_c, is_done="1", qty_done="2", participant_count="35", post_urls="https://example.vn/tin/1"
        )
        data["summary"] = "Đã tổ chức hội nghị."
        files = {f"line-{self.line_c.id}-files": ("anh-hoi-nghi.png", PNG, "image/png")}
        response = self._post(self.report_c, data, files=files)
        self.assertEqual(response.status_code, 303, response.text[:500])
        self.env.invalidate_all()
        self.assertTrue(self.line_c.is_done)
        self.assertEqual(self.line_c.qty_done, 2)
        self.assertEqual(self.line_c.participant_count, 35)
        self.assertEqual(self.line_c.attachment_ids.mapped("name"), ["anh-hoi-nghi.png"])
        self.assertEqual(self.line_c.attachment_ids.create_uid, self.portal_user)
        self.assertIn("Đã tổ chức hội nghị.", self.report_c.summary)
        page = self.url_open(f"/my/union-reports/{self.report_c.id}")
        photo = self.line_c.attachment_ids
        self.assertIn(f"/web/content/{photo.id}?access_token={photo.access_token}", page.text)
        self.assertEqual(self.url_open(f"/web/content/{photo.id}?access_token={photo.access_token}").content, PNG)
        response = self._post(self.report_c, {"action": "submit"})
        self.assertEqual(response.status_code, 303, response.text[:500])
        self.env.invalidate_all()
        self.assertEqual(self.report_c.state, "submitted")
        self.assertEqual(self.report_c.submitted_user_id, self.portal_user)
        self.assertEqual(self.report_c.reviewer_id, self.user_officer)
        self.assertFalse(self._portal_mails(self.portal_user.partner_id))
        # The other portal user, of unit B, cannot open the report nor its photo without the token.
        self._login(self.portal_user_b)
        self.assertEqual(self.url_open(f"/my/union-reports/{self.report_c.id}").status_code, 404)
        self.assertIn(self.url_open(f"/web/content/{photo.id}").status_code, (403, 404))

    def test_withdraw_on_portal(self):
        """A submission is withdrawn from the portal by its submitter, before any review."""
        self._fill(self.report_c, self.portal_user)
        self.report_c.with_user(self.portal_user).action_submit()
        self._login()
        response = self._post(self.report_c, {}, suffix="withdraw")
        self.assertEqual(response.status_code, 303)
        self.env.invalidate_all()
        self.assertEqual(self.report_c.state, "draft")

    def test_submitted_and_approved_are_read_only(self):
        """A submitted or approved report shows no form, and a forged write is refused with the model's message,
        changing nothing."""
        self._fill(self.report_c, self.portal_user, qty_done=1)
        self.report_c.with_user(self.portal_user).action_submit()
        self._login()
        page = self.url_open(f"/my/union-reports/{self.report_c.id}")
        self.assertNotIn("o_union_portal_form", page.text)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)  # the withdraw form's
        response = self._post(self.report_c, self._line_data(self.line_c, qty_done="9"), token=token)
        self.assertEqual(response.status_code, 400)
        self.assertIn("o_union_portal_error", response.text)
        self.assertIn(self.report_c.name, response.text)
        self.env.invalidate_all()
        self.assertEqual(self.line_c.qty_done, 1)
        self.report_c.with_user(self.user_officer).action_approve()
        response = self._post(self.report_c, self._line_data(self.line_c, qty_done="9"), token=token)
        self.assertEqual(response.status_code, 400)
        response = self._post(self.report_c, {"action": "submit"}, token=token)
        self.assertEqual(response.status_code, 400)
        self.env.invalidate_all()
        self.assertEqual(self.line_c.qty_done, 1)
        self.assertEqual(self.report_c.state, "approved")

    def test_csrf_required(self):
        """A form posted without its CSRF token is refused."""
        self._login()
        response = self._post(self.report_c, self._line_data(self.line_c, qty_done="3"), token=None)
        self.assertEqual(response.status_code, 400)
        self.env.invalidate_all()
        self.assertEqual(self.line_c.qty_done, 0)

    def test_bad_input_changes_nothing(self):
        """A negative or non-numeric quantity, a bad link, a file of the wrong type or too large: a clear message,
        nothing saved (not even the valid fields of the same form)."""
        self._login()
        cases = [
            (self._line_data(self.line_c, qty_done="-1", note="ghi chú"), None),
            (self._line_data(self.line_c, qty_done="abc", note="ghi chú"), None),
            (self._line_data(self.line_c, post_urls="không phải link", note="ghi chú"), None),
            (
                self._line_data(self.line_c, note="ghi chú"),
                {f"line-{self.line_c.id}-files": ("bien-ban.txt", b"Bien ban", "text/plain")},
            ),
        ]
        for data, files in cases:
            response = self._post(self.report_c, data, files=files)
            self.assertEqual(response.status_code, 400, data)
            self.assertIn("o_union_portal_error", response.text)
        Report = type(self.env["union.unit.report"])
        tiny = {"max_bytes": 10, "max_files": 10, "mimetypes": ("image/png",)}
        with patch.object(Report, "_get_evidence_limits", lambda self: tiny):
            files = {f"line-{self.line_c.id}-files": ("anh.png", PNG, "image/png")}
            response = self._post(self.report_c, self._line_data(self.line_c, note="ghi chú"), files=files)
            self.assertEqual(response.status_code, 400)
        self.env.invalidate_all()
        self.assertFalse(self.line_c.note)
        self.assertEqual(self.line_c.qty_done, 0)
        self.assertFalse(self.line_c.sudo().attachment_ids)

    # ------------------------------------------------------------------
    # Mails, invitation, mixed units
    # ------------------------------------------------------------------
    def test_returned_mail_to_portal_user(self):
        """Sent back, the portal reporter gets an e-mail in Vietnamese (queued without a mail server) with the
        reason and the report's portal link."""
        self._fill(self.report_c, self.portal_user)
        self.report_c.with_user(self.portal_user).action_submit()
        self.report_c.with_user(self.user_officer).action_return("Thiếu ảnh hội nghị")
        mails = self._portal_mails(self.portal_user.partner_id)
        self.assertEqual(len(mails), 1)
        self.assertIn(f"/my/union-reports/{self.report_c.id}", mails.body_html)
        self.assertIn("Thiếu ảnh hội nghị", mails.body_html)
        self.assertEqual(mails.state, "outgoing")
        subject_vi = self.env.ref("union_campaign.mail_template_report_returned").with_context(lang="vi_VN").subject
        self.assertTrue(mails.subject.startswith(subject_vi.split("(")[0].strip()))
        # The portal page shows the reason on top.
        self._login()
        page = self.url_open(f"/my/union-reports/{self.report_c.id}")
        self.assertIn("o_union_return_reason", page.text)
        self.assertIn("Thiếu ảnh hội nghị", page.text)

    def test_reminder_digest_reaches_portal_user(self):
        """The daily reminder digest reaches a portal reporter by e-mail, linking to the portal."""
        with self._frozen(datetime(2027, 3, 2, 3, 0)):
            self.env["union.unit.report"]._cron_send_reminders()
        mails = self._portal_mails(self.portal_user.partner_id)
        self.assertEqual(len(mails), 1)
        self.assertIn(f"/my/union-reports/{self.report_c.id}", mails.body_html)

    def test_mixed_unit_and_escalation(self):
        """A unit with an internal and a portal reporter: both read the same report; a portal-only unit counts as
        having a reporter; its late report is escalated like any other."""
        report_b = self._report(self.campaign, self.unit_b)
        self.assertEqual(report_b.with_user(self.portal_user_b).read(["state"])[0]["state"], "draft")
        self.assertEqual(report_b.with_user(self.user_reporter_b).read(["state"])[0]["state"], "draft")
        self.assertNotIn(self.unit_c, self.campaign._get_units_without_reporter())
        with self.assertRaises(AccessError):
            self.report_a.with_user(self.portal_user_b).read(["state"])
        with self.assertRaises(AccessError):
            self.env["union.campaign.slogan"].with_user(self.portal_user).search([])
        with self._frozen(datetime(2027, 3, 10, 3, 0)):
            self.env["union.unit.report"]._cron_escalate_overdue()
        follow_ups = self.env["mail.activity"].search(
            [("res_model", "=", "union.unit"), ("res_id", "=", self.unit_c.id)]
        )
        self.assertEqual(follow_ups.user_id, self.user_officer)

    def test_officer_invites_unit_people(self):
        """From a unit, an officer opens Odoo's portal dialog on its people; granting access makes the new user a
        reporter of the unit and queues the invitation (no mail server), with the unit's message."""
        contact = self.env["res.partner"].create({"name": "Công đoàn Phường C", "email": "cdc@example.vn"})
        person = self.env["res.partner"].create(
            {"name": "Trần Thị Hoa", "email": "hoa@example.vn", "parent_id": contact.id, "lang": "vi_VN"}
        )
        self.unit_c.partner_id = contact
        action = self.unit_c.with_user(self.user_officer).action_invite_portal()
        wizard = self.env["portal.wizard"].with_user(self.user_officer).browse(action["res_id"])
        self.assertEqual(wizard.union_unit_id, self.unit_c)
        self.assertIn(self.unit_c.name, wizard.welcome_message)
        self.assertIn(person, wizard.user_ids.partner_id)
        wizard_user = wizard.user_ids.filtered(lambda w: w.partner_id == person)
        wizard_user.action_grant_access()
        user = wizard_user.user_id
        self.assertTrue(user._is_portal())
        self.assertIn(user, self.unit_c.member_user_ids)
        mails = self.env["mail.mail"].sudo().search([("email_to", "ilike", "hoa@example.vn")])
        self.assertEqual(len(mails), 1)
        self.assertEqual(mails.state, "outgoing")
        self.assertIn(self.unit_c.name, mails.body_html)
        self.assertIn(user, self.unit_c.reporter_user_ids)
        # The new portal user opens the unit's reports, on the portal as through the model.
        reports = self.env["union.unit.report"].with_user(user).search([("unit_id", "=", self.unit_c.id)])
        self.assertEqual(reports, self.campaign.report_ids.filtered(lambda r: r.unit_id == self.unit_c))
        user.sudo().password = "t-invited-2026"
        self.authenticate(user.login, "t-invited-2026")
        response = self.url_open(f"/my/union-reports/{self.report_c.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.campaign.name, response.text)
