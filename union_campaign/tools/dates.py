# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Calendar days where the people are: deadlines are days in the user's or the company's time zone.

A transition at 06:30 in Hanoi is 23:30 UTC the day before: "today" must be the Hanoi day, never the
server's UTC day by accident.
"""

from datetime import datetime

import pytz

from odoo import fields


def tz_for(env, user=None):
    """Return the time zone of `user` (default: the environment's user), else the company's, else UTC.

    Pass an empty `res.users` recordset to get the company's day whoever is looking.
    """
    user = env.user if user is None else user
    # sudo: the company's time zone, whoever asks (a portal user may not read the company's contact).
    company_tz = env.company.sudo().partner_id.tz
    # sudo: a person's time zone, whoever asks (a portal user may not read other people's contacts).
    name = (user.sudo().tz or env.context.get("tz") or company_tz) if user else company_tz
    try:
        return pytz.timezone(name or "UTC")
    except pytz.UnknownTimeZoneError:
        return pytz.utc


def local_now(env, user=None, now=None):
    """Return the current (or given UTC) moment as an aware datetime in the user's or company's zone."""
    now = now or fields.Datetime.now()
    return pytz.utc.localize(now).astimezone(tz_for(env, user))


def local_today(env, user=None, now=None):
    """Return today's date in the user's or company's time zone."""
    return local_now(env, user, now).date()


def local_date(env, moment, user=None):
    """Return the local calendar day of a naive UTC datetime (as stored by Odoo)."""
    if not moment:
        return False
    if not isinstance(moment, datetime):
        return moment
    return pytz.utc.localize(moment).astimezone(tz_for(env, user)).date()


def format_admin_date(day):
    """Return a date as Vietnamese administrative documents write it in their text: 08/12/2020, 15/02/2027,
    20/3/2027 — the day on two digits, the month on two digits only for January and February (as Decree
    30/2020/NĐ-CP writes the date line: "ngày 05 tháng 02", "ngày 10 tháng 3")."""
    if not day:
        return ""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"


def format_admin_month(day):
    """Return the month of a date as documents write it: 11/2020, 01/2021, 4/2027."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{month}/{day.year}"
