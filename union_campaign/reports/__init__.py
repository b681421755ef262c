# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import ir_actions_report
from . import union_campaign_report_mixin
from . import union_campaign_xlsx_mixin
from . import report_campaign_plan
from . import report_campaign_results
from . import report_campaign_results_xlsx
from . import report_campaign_rollup_xlsx
from . import union_campaign_compliance_matrix
from . import report_compliance_matrix_xlsx
from . import report_unit_report
