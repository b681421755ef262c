# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math
import unicodedata
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Longest text a field of each kind accepts. A plan's longest paragraph is a few thousand characters; the bounds
# keep every printed document to a few pages per field, so any PDF renders in seconds.
TEXT_LIMITS = {"char": 1000, "text": 20000, "html": 60000}
# Largest quantity anyone reports or plans (people, sessions, banners...), and largest amount of money in đồng.
MAX_QUANTITY = 10_000_000
MAX_AMOUNT = 10**15
# Whole numbers the database stores (PostgreSQL integer): anything outside is refused with a sentence, not a crash.
INT_MIN, INT_MAX = -(2**31), 2**31 - 1
# Dates a union's documents speak of: from the founding of the Confederation's predecessor to the end of the century.
DATE_MIN, DATE_MAX = date(1945, 1, 1), date(2100, 12, 31)
# Longest delay (reminders, review, revision, escalation) a plan may set, in days.
MAX_DELAY = 365


def parse_reminder_days(env, text):
    """Return the reminder offsets of "3,1" as [3, 1]; raise a translated ValidationError on bad input."""
    try:
        days = sorted({int(part) for part in (text or "").replace(";", ",").split(",") if part.strip()}, reverse=True)
    except ValueError:
        days = None
    if days is None or any(day < 0 or day > MAX_DELAY for day in days):
        raise ValidationError(
            env._(
                "Reminder days must be whole numbers of days between 0 and %(max)s, separated by commas, e.g. 3,1 "
                "(got “%(text)s”).",
                text=text,
                max=MAX_DELAY,
            )
        )
    return days


def normalize_text(value):
    """Return `value` in Unicode NFC ("Long Biên" typed with combining accents becomes the precomposed form)."""
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


class UnionInputMixin(models.AbstractModel):
    """Input hygiene shared by every model of the module.

    Text is stored in Unicode NFC (so that searches, duplicates and documents agree whatever the keyboard),
    refused when it holds a NUL character or exceeds a sane length, and numbers must be finite and plausible.
    Search terms are normalised the same way.
    """

    _name = "union.input.mixin"
    _description = "Union Input Checks"

    @api.model
    def _get_text_limit(self, field):
        """Return the maximum length of a text field. Override to allow longer texts for a field."""
        return TEXT_LIMITS.get(field.type)

    def _clean_vals(self, vals):
        """Return `vals` with its texts normalised; raise a ValidationError naming the field on bad input."""
        cleaned = dict(vals)
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is None:
                continue
            if field.type in TEXT_LIMITS and isinstance(value, str):
                label = field._description_string(self.env)
                if "\x00" in value:
                    raise ValidationError(
                        self.env._(
                            "The field “%(field)s” contains a NUL character (\\x00), which cannot be stored.",
                            field=label,
                        )
                    )
                text = normalize_text(value)
                limit = self._get_text_limit(field)
                length = len(text)
                if limit and length > limit:
                    raise ValidationError(
                        self.env._(
                            "The field “%(field)s” is too long: %(length)s characters, at most %(limit)s.",
                            field=label,
                            length=length,
                            limit=limit,
                        )
                    )
                cleaned[name] = text
            elif (
                field.type in ("float", "monetary", "integer") and isinstance(value, float) and not math.isfinite(value)
            ):
                raise ValidationError(
                    self.env._(
                        "The field “%(field)s” must be a number (got %(value)s).",
                        field=field._description_string(self.env),
                        value=value,
                    )
                )
            elif field.type == "integer" and isinstance(value, (int, float)) and not INT_MIN <= value <= INT_MAX:
                raise ValidationError(
                    self.env._(
                        "The field “%(field)s” must be a whole number between %(min)s and %(max)s (got %(value)s).",
                        field=field._description_string(self.env),
                        min=INT_MIN,
                        max=INT_MAX,
                        value=value,
                    )
                )
            elif field.type in ("date", "datetime") and value:
                self._check_date_window(field, value)
        return cleaned

    def _check_date_window(self, field, value):
        """Refuse a date outside DATE_MIN..DATE_MAX (a plan "from 1900 to 9999" would make schedules run out of
        the calendar)."""
        try:
            day = fields.Date.to_date(value) if field.type == "date" else fields.Datetime.to_datetime(value).date()
        except (TypeError, ValueError):
            return  # not a date: the ORM answers that itself
        if day and not DATE_MIN <= day <= DATE_MAX:
            raise ValidationError(
                self.env._(
                    "The date “%(field)s” must be between %(min)s and %(max)s (got %(value)s).",
                    field=field._description_string(self.env),
                    min=DATE_MIN.year,
                    max=DATE_MAX.year,
                    value=day.isoformat(),
                )
            )

    def update_field_translations(self, field_name, translations, source_lang=None):
        """Translations are input too: the same checks as a write (NUL, length, NFC)."""
        cleaned = {}
        for lang, value in (translations or {}).items():
            if isinstance(value, dict):
                cleaned[lang] = {term: self._clean_vals({field_name: new})[field_name] for term, new in value.items()}
            else:
                cleaned[lang] = self._clean_vals({field_name: value})[field_name]
        return super().update_field_translations(field_name, cleaned, source_lang=source_lang)

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._clean_vals(vals) for vals in vals_list])

    def write(self, vals):
        return super().write(self._clean_vals(vals))

    def onchange(self, values, field_names, fields_spec):
        # A raw JSON-RPC client can send NaN or Infinity, which Odoo's float rounding cannot even convert: refuse
        # them with the same message as a write.
        self._clean_vals({name: value for name, value in values.items() if isinstance(value, float)})
        return super().onchange(values, field_names, fields_spec)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        return super()._search(self._normalize_domain(domain), offset=offset, limit=limit, order=order)

    @api.model
    def _normalize_domain(self, domain):
        """Return the domain with its texts in NFC; refuse NUL characters, which PostgreSQL cannot compare."""

        def clean(value):
            if not isinstance(value, str):
                return value
            if "\x00" in value:
                raise ValidationError(self.env._("A search term contains a NUL character (\\x00)."))
            return normalize_text(value)

        result = []
        for term in domain:
            if isinstance(term, (list, tuple)) and len(term) == 3:
                field, operator, value = term
                if isinstance(value, (list, tuple)):
                    value = type(value)(clean(item) for item in value)
                result.append((field, operator, clean(value)))
            else:
                result.append(term)
        return result

    def _check_number_bounds(self, field_names, maximum=MAX_QUANTITY):
        """Raise a ValidationError unless the fields are finite, non-negative and at most `maximum`."""
        for record in self:
            for name in field_names:
                value = record[name] or 0
                if not math.isfinite(value) or value < 0 or value > maximum:
                    raise ValidationError(
                        self.env._(
                            "“%(field)s” of %(record)s must be between 0 and %(maximum)s (got %(value)s).",
                            field=record._fields[name]._description_string(self.env),
                            record=record.display_name,
                            maximum=maximum,
                            value=value,
                        )
                    )
