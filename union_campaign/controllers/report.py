# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from werkzeug.urls import url_decode

from odoo.addons.report_xlsx.controllers.main import ReportController
from odoo.http import content_disposition, request, route

MATRIX_URL = "/report/xlsx/union_campaign.compliance_matrix_xlsx?"


class UnionReportController(ReportController):
    @route()
    def report_download(self, data, context=None, token=None, readonly=True):
        """The compliance matrix is exported with its options (the unit type shown), so report_xlsx does not know
        its plan and names every export alike: name it after its plan's number, as the plan's other files are."""
        response = super().report_download(data, context=context, token=token, readonly=readonly)
        url, report_type = json.loads(data)[:2]
        if report_type == "xlsx" and url.startswith(MATRIX_URL):
            options = dict(url_decode(url.split("?", 1)[1]).items())
            plan_id = json.loads(options.get("context") or "{}").get("active_id")
            plan = request.env["union.campaign"].browse(plan_id).exists() if isinstance(plan_id, int) else None
            if plan:
                response.headers["Content-Disposition"] = content_disposition(f"{plan._get_matrix_file_name()}.xlsx")
        return response
