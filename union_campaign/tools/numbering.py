# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""How the plan numbers its headings and lists, written once for the section model, the printer and the import.

Plain Python, no Odoo: ``plan_extract`` loads this file by path outside the addon (the parser's tests), and the
numbering of a Word list is read with the same ``to_roman`` and ``to_letters`` the plan prints with.

A numbering is one of the codes of ``union.campaign.section`` ``NUMBERINGS``: "roman" (I. II.), "arabic" (1. 2.),
"letter" (a) b)), "dash" (-), "plus" (+), "none".
"""

# The numbering a heading takes by default at each level of the outline; deeper levels are dashes.
LEVEL_NUMBERINGS = {1: "roman", 2: "arabic", 3: "letter"}


def to_roman(n):
    """Return `n` in Roman numerals (4 -> "IV")."""
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += letters
            n -= value
    return out


def to_letters(n):
    """Spreadsheet-style letters of a positive number: 1 → a, 26 → z, 27 → aa."""
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def format_marker(numbering, number):
    """Return the marker printed before the `number`-th entry of a list numbered `numbering`: "II.", "3.", "b)"."""
    if numbering == "roman":
        return f"{to_roman(number)}."
    if numbering == "arabic":
        return f"{number}."
    if numbering == "letter":
        return f"{to_letters(number)})"
    if numbering == "dash":
        return "-"
    if numbering == "plus":
        return "+"
    return ""


def level_numbering(level):
    """Return the numbering a heading of the outline's `level` takes by default."""
    return LEVEL_NUMBERINGS.get(level, "dash")


def outline_numbers(sections):
    """Return the number the plan prints for each heading of its outline, None for a section that prints nothing.

    `sections` gives (level, prints) of each section in order. Numbering restarts under each higher level and
    closes up over the sections that print nothing; a level below 1 counts as 1.
    """
    counters, numbers = {}, []
    for written, prints in sections:
        if not prints:
            numbers.append(None)
            continue
        level = max(written, 1)
        counters = {lvl: count for lvl, count in counters.items() if lvl <= level}
        counters[level] = counters.get(level, 0) + 1
        numbers.append(counters[level])
    return numbers


def detect_numbering(markers, candidates):
    """Return the numbering among `candidates` whose 1st, 2nd... markers are exactly `markers`, else None (also for
    no markers at all)."""
    if not markers:
        return None
    for numbering in candidates:
        if all(marker == format_marker(numbering, n) for n, marker in enumerate(markers, start=1)):
            return numbering
    return None
