# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The mapping of a parsed plan onto a draft plan's values, and the account of the import.

Plain classes, no models: the model ``union.campaign.importer`` (models/union_campaign_importer.py) holds the
entry points and words the parser's codes; it builds a :class:`PlanMapping` for each document.
"""

from .mapping import PlanMapping
