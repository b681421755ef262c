# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .dates import format_admin_date, format_admin_month, local_date, local_now, local_today, tz_for
