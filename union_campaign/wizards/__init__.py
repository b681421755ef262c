# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import union_review_return_wizard
from . import union_campaign_settings
from . import union_campaign_import_wizard
from . import union_campaign_launch_wizard
from . import union_campaign_implement_wizard
from . import union_campaign_deadline_wizard
from . import portal_wizard
