# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Text as the import and the units compare it: spaces collapsed, and a union body's name read in full."""

import re
import unicodedata

# Abbreviations of a union body's name, read in full when a header is matched to a unit.
ABBREVIATIONS = (
    (re.compile(r"\blđlđ\b"), "liên đoàn lao động"),
    (re.compile(r"\bcđcs\b"), "công đoàn cơ sở"),
    (re.compile(r"\bcđ\b"), "công đoàn"),
    (re.compile(r"\bkcn\b"), "khu công nghiệp"),
    (re.compile(r"\btp\.\s*"), "thành phố "),
)


def clean(text):
    """`text` in NFC with its runs of spaces made one space (None reads as "")."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def fold_body(text):
    """A union body's name for comparison: NFC, case-folded, abbreviations in full, spaces collapsed."""
    text = clean(text).casefold()
    for pattern, full in ABBREVIATIONS:
        text = pattern.sub(full, text)
    return " ".join(text.split())
