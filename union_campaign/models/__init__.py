# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import union_input_mixin
from . import union_workflow_mixin
from . import union_unit_type
from . import union_unit
from . import res_users
from . import union_campaign_form
from . import union_campaign_line_mixin
from . import union_campaign
from . import union_campaign_legal_basis
from . import union_campaign_phase
from . import union_campaign_activity
from . import union_campaign_slogan
from . import union_campaign_recipient
from . import union_campaign_responsibility
from . import union_campaign_section
from . import union_campaign_outline
from . import union_campaign_target
from . import union_campaign_budget_line
from . import union_campaign_report_schedule
from . import union_unit_report
from . import union_unit_report_line
from . import union_unit_report_review
from . import ir_attachment
from . import mail_activity
from . import res_company
from . import res_config_settings
