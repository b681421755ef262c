# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The numbering of headings and lists (union_campaign/tools/numbering.py): the printer's rules, which the import
follows too. Pure Python, no Odoo server."""

import pytest
from plan_fixtures import load_tool

nb = load_tool("numbering")


@pytest.mark.parametrize(
    ("numbering", "number", "marker"),
    [
        ("roman", 4, "IV."),
        ("roman", 14, "XIV."),
        ("arabic", 12, "12."),
        ("letter", 2, "b)"),
        ("letter", 27, "aa)"),
        ("dash", 3, "-"),
        ("plus", 3, "+"),
        ("none", 3, ""),
    ],
)
def test_markers(numbering, number, marker):
    assert nb.format_marker(numbering, number) == marker


def test_outline_restarts_under_each_higher_level_and_closes_up_over_what_prints_nothing():
    levels = [(1, True), (2, True), (2, False), (2, True), (1, False), (1, True), (3, True), (2, True), (0, True)]
    assert nb.outline_numbers(levels) == [1, 1, None, 2, None, 2, 1, 1, 3]


def test_detect_numbering():
    candidates = ("dash", "arabic", "letter", "roman")
    assert nb.detect_numbering(["1.", "2.", "3."], candidates) == "arabic"
    assert nb.detect_numbering(["a)", "b)"], candidates) == "letter"
    assert nb.detect_numbering(["I.", "II."], candidates) == "roman"
    assert nb.detect_numbering(["-", "-"], candidates) == "dash"
    assert nb.detect_numbering(["1.", "3."], candidates) is None
    assert nb.detect_numbering([], candidates) is None


def test_default_numbering_of_a_level():
    assert [nb.level_numbering(level) for level in (1, 2, 3, 4)] == ["roman", "arabic", "letter", "dash"]
