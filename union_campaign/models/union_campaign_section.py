# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..tools.numbering import level_numbering

# What a section holds besides its own text: the plan's records of that kind, printed under the heading.
SECTION_KINDS = [
    ("text", "Text"),
    ("purposes", "Purposes"),
    ("periods", "Periods and Content"),
    ("forms", "Forms"),
    ("slogans", "Slogans"),
    ("targets", "Targets"),
    ("budget", "Budget"),
    ("duties", "Duties"),
    ("reports", "Reporting"),
    ("custom", "Custom"),
    ("unrecognised", "Not Recognised"),
]
# The numberings tools/numbering.py prints (format_marker), labelled by their first markers.
NUMBERINGS = [
    ("roman", "I. II. III."),
    ("arabic", "1. 2. 3."),
    ("letter", "a) b) c)"),
    ("dash", "- (dash)"),
    ("plus", "+ (plus)"),
    ("none", "None"),
]


class UnionCampaignSection(models.Model):
    """A section of the plan's document outline: its heading, numbering level and what it holds.

    Sections are printed in order; numbering restarts under each higher level and closes up over the
    sections that are not printed (a section of plan records that has none, e.g. slogans in a plan without).
    """

    _name = "union.campaign.section"
    _inherit = ["union.campaign.line.mixin"]
    _description = "Plan Document Section"

    name = fields.Char(string="Heading", help="The heading as printed, with its punctuation, e.g. MỤC ĐÍCH, YÊU CẦU.")
    level = fields.Integer(default=1, help="1: main section (I.), 2: its subsection (1.), 3: below (a)).")
    numbering = fields.Selection(selection=NUMBERINGS, required=True, default="roman")
    kind = fields.Selection(selection=SECTION_KINDS, required=True, default="text")
    body = fields.Text(
        string="Text",
        help="The section's own text, printed as written, one paragraph per line (lines may start with - or a)).",
    )
    item_numbering = fields.Selection(
        selection=NUMBERINGS,
        string="Entries Numbered",
        default="dash",
        help="How the plan records the section lists (periods, targets, slogans, duties...) are numbered.",
    )

    @api.onchange("level")
    def _onchange_level(self):
        self.numbering = level_numbering(self.level)

    @api.onchange("kind")
    def _onchange_kind(self):
        if self.kind in ("periods", "slogans", "duties", "targets"):
            self.item_numbering = "arabic"
        elif self.kind in ("forms", "budget", "reports"):
            self.item_numbering = "dash"
