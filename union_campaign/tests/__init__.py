# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import (
    test_demo_seed,
    test_union_campaign_access,
    test_union_campaign_lock,
    test_union_campaign_rules,
    test_union_campaign_workflow,
    test_union_unit,
)
from . import test_unit_report_launch
from . import test_unit_report_workflow
from . import test_unit_report_access
from . import test_ui
from . import test_ui_daily
from . import test_reports
from . import test_activities
from . import test_cron
from . import test_reports_results
from . import test_integrity
from . import test_query_counts
from . import test_any_plan
from . import test_plan_import
from . import test_plan_tables
from . import test_past_deadlines
from . import test_access_matrix
from . import test_probe
from . import test_first_week
from . import test_ui_first_week
from . import test_cascade
from . import test_ui_cascade
from . import test_portal
from . import test_ui_portal
from . import test_ui_tables
