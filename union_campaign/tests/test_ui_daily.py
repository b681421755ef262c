# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The daily paths through the real web client, in Chromium, in Vietnamese, as the demo users: an officer and a
manager on a desktop (1440x900), a unit reporter on a phone (390x844). make test fails if a tour is skipped."""

import base64
import logging
import os
from datetime import date
from pathlib import Path
from unittest.mock import patch

from odoo.tests import HttpCase, tagged
from odoo.tests.common import ChromeBrowser

_logger = logging.getLogger(__name__)
SHOT_SIGNAL = "union_campaign_shot:"


class DailyTourCase(HttpCase):
    """Tours that can also take the README's pictures: with UC_SCREENSHOTS_DIR set (`make screenshots`), each
    "shot" step of a tour logs its name, the browser captures the page into that folder, then the tour goes on."""

    def assertImported(self):
        """The document of the import tours became a draft plan of the officer, its facts in place."""
        plan = self.env["union.campaign"].search([("reference", "=", "21/KH-LĐLĐ")])
        self.assertEqual(plan.state, "draft")
        self.assertEqual(plan.user_id, self.env.ref("union_campaign.user_officer"))
        self.assertEqual(plan.issuing_unit_id, self.env.ref("union_campaign.unit_ldld_long_bien"))
        self.assertEqual(plan.phase_ids.mapped("date_start"), [date(2027, 4, 1), date(2027, 5, 1)])
        self.assertEqual(len(plan.slogan_ids), 2)
        self.assertIn("Danh sách công đoàn cơ sở đăng ký", plan.import_account)

    def start_tour(self, url_path, tour_name, **kwargs):
        folder = os.environ.get("UC_SCREENSHOTS_DIR")
        if not folder:
            return super().start_tour(url_path, tour_name, **kwargs)
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        handle_console = ChromeBrowser._handle_console

        def shooting_console(browser, type, args=None, **kw):  # pylint: disable=redefined-builtin
            text = str(browser._from_remoteobject(args[0])) if args else ""
            if type != "log" or not text.startswith(SHOT_SIGNAL):
                return handle_console(browser, type, args=args, **kw)
            path = folder / f"{text[len(SHOT_SIGNAL) :]}.png"

            def save(future):
                # runs on the browser's event thread: send, never wait, or the next answer never comes
                path.write_bytes(base64.b64decode(future.result()["data"]))
                _logger.info("picture %s", path)
                browser._websocket_send("Runtime.evaluate", params={"expression": "window.ucShotDone()"})

            browser._websocket_send("Page.captureScreenshot", with_future=True).add_done_callback(save)
            return None

        with patch.object(ChromeBrowser, "_handle_console", shooting_console):
            return super().start_tour(url_path, tour_name, cookies={"uc_shots": "1"}, **kwargs)


@tagged("post_install", "-at_install")
class TestDailyDesktop(DailyTourCase):
    browser_size = "1440x900"

    def test_plan_from_empty_form_to_matrix(self):
        """An officer builds a plan in one pass (2 periods, 4 items, 3 slogans, 2 forms, 4 units) and submits it;
        the manager sends it back from their activities; the officer sees the reason and resubmits; the manager
        approves from their home; the officer launches, is told how many reports, and opens the matrix."""
        Plan = self.env["union.campaign"]
        self.start_tour(
            "/odoo/action-union_campaign.union_campaign_action/new",
            "union_campaign_officer_builds_plan",
            login="uc_officer",
        )
        plan = Plan.search([("reference", "=", "15/KH-LĐLĐ")])
        self.assertEqual(plan.state, "to_approve")
        self.assertEqual(len(plan.phase_ids), 2)
        self.assertEqual(len(plan.item_ids), 4)
        self.assertEqual(plan.slogan_ids.sorted("sequence").mapped("number"), [1, 2, 3])
        self.assertEqual(len(plan.form_ids), 2)
        self.assertEqual(len(plan.unit_ids), 4)

        self.start_tour("/odoo", "union_campaign_manager_sends_back", login="uc_manager")
        self.assertEqual(plan.state, "draft")
        self.assertEqual(plan.return_reason, "Bổ sung nội dung đối thoại tại doanh nghiệp.")
        revise = plan.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("union_campaign.mail_act_revise_plan")
        )
        self.assertEqual(revise.user_id, plan.user_id, "the officer has the activity")

        self.start_tour("/odoo", "union_campaign_officer_revises_plan", login="uc_officer")
        self.assertEqual(plan.state, "to_approve")
        self.start_tour("/odoo", "union_campaign_manager_approves", login="uc_manager")
        self.assertEqual(plan.state, "approved")

        self.start_tour(
            f"/odoo/action-union_campaign.union_campaign_action/{plan.id}",
            "union_campaign_officer_launches",
            login="uc_officer",
        )
        self.assertEqual(plan.state, "running")
        self.assertEqual(len(plan.report_ids), 8)

    def test_officer_mass_approves(self):
        """The officer lands on the reports waiting for them, approves them all at once and is told so."""
        officer = self.env.ref("union_campaign.user_officer")
        waiting = self.env["union.unit.report"].search([("state", "=", "submitted"), ("reviewer_id", "=", officer.id)])
        self.assertTrue(waiting, "the demo has reports waiting for the officer")
        self.start_tour("/odoo", "union_campaign_officer_mass_approves", login="uc_officer")
        self.assertFalse(waiting.filtered(lambda r: r.state == "submitted" and r.review_step == 1))

    def test_officer_imports_plan(self):
        """From the plans list, an officer uploads a plan document and lands on its draft, the account on top."""
        self.start_tour(
            "/odoo/action-union_campaign.union_campaign_action?view_type=list",
            "union_campaign_officer_imports_plan",
            login="uc_officer",
        )
        self.assertImported()


@tagged("post_install", "-at_install")
class TestDailyPhone(DailyTourCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_reporter_submits_in_few_taps(self):
        """On a phone, a reporter goes from the login page to a submitted report (one item done, a quantity, a
        link and a file) in at most twelve taps, without the page scrolling sideways."""
        reporter = self.env.ref("union_campaign.user_reporter")
        before = self.env["union.unit.report"].search_count(
            [("state", "=", "submitted"), ("user_id", "=", reporter.id)]
        )
        self.start_tour("/web/login", "union_campaign_reporter_phone", login=None)
        after = self.env["union.unit.report"].search_count([("state", "=", "submitted"), ("user_id", "=", reporter.id)])
        self.assertEqual(after, before + 1)
        line = self.env["union.unit.report.line"].search(
            [
                ("report_id.user_id", "=", reporter.id),
                ("post_urls", "=", "https://www.facebook.com/congdoan/posts/2027"),
            ]
        )
        self.assertTrue(line.is_done)
        self.assertEqual(line.qty_done, 2)
        self.assertEqual(line.attachment_ids.mapped("name"), ["hoi-nghi.txt"])

    def test_officer_imports_plan_on_phone(self):
        """The same import from a phone, through the app's menu, without the draft scrolling sideways."""
        self.start_tour(
            "/odoo/action-union_campaign.union_campaign_action",
            "union_campaign_officer_imports_plan_phone",
            login="uc_officer",
        )
        self.assertImported()
