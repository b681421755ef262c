# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A plan document with tables imported in the browser, in Vietnamese: the officer picks a .docx (Word tables, Word
numbering) and finds its targets table in the draft's form, and its appendix after the signature in the preview
(1440x900 from the menu, 390x844 from the phone's menu). `make screenshots` takes the pictures of the README here,
and prints the imported plans' tables and appendix to PNG (docs/images/plan-table.png, plan-appendix.png)."""

import base64
import os
import shutil
import subprocess
from pathlib import Path

from odoo.tests import tagged

from . import import_fixtures as fx
from .test_reports import PLAN_REPORT, ReportTestMixin
from .test_ui_daily import DailyTourCase

TARGETS_PLAN = "thi-dua-2026-ldld-thanh-hoa-bang-chi-tieu"
APPENDIX_PLAN = "thang-an-toan-2025-cdcs-truong-thpt-le-loi"


class TablesTourCase(DailyTourCase, ReportTestMixin):
    def _offer(self, name):
        """Put a sample plan's .docx among the officer's files, where the tour takes it (as if from the phone's or
        the desktop's files: the browser's file chooser is not scriptable)."""
        data, filename = fx.plan_file(name, "docx")
        officer = self.env.ref("union_campaign.user_officer")
        self.env["ir.attachment"].with_user(officer).create(
            {"name": f"uc-tour-{filename}", "datas": base64.b64encode(data)}
        )

    def _start(self, url, tour, name):
        self._offer(name)
        self.start_tour(url, tour, login="uc_officer")
        return self.env["union.campaign"].search([("import_filename", "=", f"{name}.docx")])

    def _picture(self, plan, name, page):
        """With `make screenshots`, a page of the plan's real PDF as docs/images/<name>.png."""
        folder = os.environ.get("UC_SCREENSHOTS_DIR")
        if not folder:
            return
        if not shutil.which("pdftoppm"):
            self.fail("pdftoppm is not installed (Debian: apt-get install poppler-utils): cannot draw the PDF.")
        pdf = self.render_pdf(PLAN_REPORT, plan)
        target = Path(folder) / name
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile", "-", str(target)],
            input=pdf,
            check=True,
        )


@tagged("post_install", "-at_install")
class TestTablesDesktop(TablesTourCase):
    browser_size = "1440x900"

    def test_import_a_targets_table(self):
        """From the menu: the .docx becomes a draft whose outline has the table and whose preview prints it."""
        plan = self._start("/odoo", "union_campaign_tables_import", TARGETS_PLAN)
        self.assertEqual(plan.state, "draft")
        self.assertEqual(
            plan.target_ids.filtered(lambda t: not t.item_id).mapped("value_text"),
            ["95%", "1.200", "100% CĐCS", "5.000"],
        )
        self.assertEqual(plan.budget_total, 570_000_000)
        self._picture(plan, "plan-table", 1)


@tagged("post_install", "-at_install")
class TestTablesPhone(TablesTourCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_import_an_appendix_on_a_phone(self):
        """From the phone's menu: the grassroots union's .docx; its appendix's activities are in the form."""
        plan = self._start(
            "/odoo/action-union_campaign.union_campaign_action", "union_campaign_tables_import_phone", APPENDIX_PLAN
        )
        appendix = plan.section_ids.filtered(lambda s: s.is_appendix and s.kind == "items")
        self.assertEqual(len(appendix.item_ids), 5)
        self._picture(plan, "plan-appendix", 2)
