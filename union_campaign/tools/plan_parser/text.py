# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Text helpers of the parser: normal form, spaces, case, punctuation."""

import re
import unicodedata

_WS_RE = re.compile(r"\s+")
_QUOTED_RE = re.compile(r"[\"“]([^\"“”]{2,120})[\"”]")
# characters that print nothing (byte order mark, zero-width spaces and joiners, soft hyphen, word joiner)
INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u00ad\u2060"), None)


def nfc(text):
    return unicodedata.normalize("NFC", text)


def clean(text):
    """`text` with its runs of spaces made one space, stripped."""
    return _WS_RE.sub(" ", text).strip()


def fold(text):
    """`text` for comparison: NFC, spaces collapsed, case-folded (None reads as "")."""
    return clean(nfc(text or "")).casefold()


def is_upper(text):
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def strip_end(text):
    """`text` without the spaces and the punctuation (.:;,) around its end."""
    return (text or "").strip().rstrip(" .:;,").strip()


def ends_terminal(text):
    core = text.rstrip(" \"'”’)»]*")
    return bool(core) and core[-1] in ".:;!?…"


def first_alpha_lower(text):
    for char in text:
        if char.isalpha():
            return char.islower()
        if not char.isspace() and char not in "\"'“‘(":
            return False
    return False


def split_top(text, sep=";"):
    """Split on `sep` outside parentheses and quotes."""
    parts, depth, quote, start = [], 0, False, 0
    for i, char in enumerate(text):
        if char in "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char in '"“”':
            quote = not quote if char == '"' else char == "“"
        elif char == sep and depth == 0 and not quote:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def quoted(text):
    m = _QUOTED_RE.search(text)
    return m.group(1).strip() if m else None


def sentence_case(text):
    """'BAN CHẤP HÀNH' → 'Ban Chấp hành' (Vietnamese capitalisation of a body's name)."""
    words = text.lower().split()
    if not words:
        return text
    words[0] = words[0].capitalize()
    if words[0] == "Ban" and len(words) > 1:
        words[1] = words[1].capitalize()
    return " ".join(words)
