# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Read a Vietnamese administrative plan ("Kế hoạch") into a tree of sections and a set of facts.

Plain Python, no Odoo (the tests load this package by path). ``parse_plan(text_or_paragraphs)`` returns a
:class:`ParsedPlan`; ``plan_extract.extract_paragraphs(data, filename)`` gives it the paragraphs of a file.

What is read, in the conventions of Vietnamese administrative documents:

* header: upper body and issuing body (upper-case lines, the issuing body may span lines), the national motto,
  ``Số: 58/KH-LĐLĐ``, ``Gia Lâm, ngày 16 tháng 11 năm 2026``; cells of a header table (" | ", tabs, or columns
  aligned with spaces);
* ``KẾ HOẠCH`` and the title (it may span lines);
* legal bases (``Căn cứ``/``Thực hiện``/``Theo`` …; several in one paragraph separated by ";") and the
  introduction sentence that follows them;
* Roman sections (``I.``), numbered items (``1.``, ``1.1.``), lettered items (``a)``), bullets (``-``, ``+``), table
  rows, bold-only headings (``**…**``), lines broken inside sentences (text copied from a PDF);
* periods, vague dates (mapped by a rule that is recorded as a code), targets, budget lines, report requests,
  leading and coordinating bodies, slogans, duties, recipients (``Nơi nhận``) and the signature block.

Every non-empty paragraph of the source lands exactly once in the result: what cannot be placed is kept in a
section of kind ``"unrecognised"`` (and listed in ``ParsedPlan.unrecognised``).

The interface
-------------
A :class:`ParsedPlan` holds the header (``upper_body``, ``issuing_body`` and its ``issuing_body_lines``,
``reference``, ``issue_place``, ``issue_date``, ``motto_lines``), ``doc_kind`` and ``title``, the ``legal_bases``
(:class:`LegalBasis`: verb, text, document type, number, date, issuer, summary) and the ``introduction``, the
``sections``, the ``recipients`` and the signature (``signature_lines``, ``signature_notes``, ``signer_name``), the
plan's ``period``, and the bookkeeping: ``paragraphs`` (source paragraphs by key), ``claims`` (each key with its
role: "header.decoration", "header.subject", "signature.note", "section", "block", "unrecognised" …),
``unrecognised`` and ``account`` (the parser's own notes, in English, for checks and scripts).

Tables (tab-separated, " | " or aligned lines; Word tables; aligned PDF columns) are blocks of kind "table" in place
(``Block.table``: a :class:`Table` with its ``columns``, one role of :data:`TABLE_ROLES` per column, its ``kind`` of
:data:`TABLE_KINDS` and its :class:`TableRow` rows, each with the :class:`Target`, :class:`Budget` or
:class:`TableItem` it states). What follows the signature ("PHỤ LỤC" …) is in ``ParsedPlan.appendices``
(:class:`Appendix`: its title lines and its blocks). A :class:`ReportRequest` has a ``scope``: "units" (asked of the
units) or "federation" (the issuer's own report to its upper body).

A :class:`Section` has its ``marker`` and ``number`` as written, ``style`` ("roman", "arabic", "letter", "none"),
``level`` (1 = top), ``heading``, ``kind`` ("text", "custom", "periods", "forms", "slogans", "targets", "budget",
"duties", "reports", "rewards", "unrecognised"), its ``blocks`` (:class:`Block`: a paragraph with its marker and
its facts: ``period``, ``targets``, ``budget``, ``reports``, ``lead``, ``coordinators``, ``via``, ``scope``), its
``children``, its ``period``, the ``inline`` block of content written on its heading line, and for duties its
``lead``, ``scope`` and the ``units`` it lists. ``Section.lines()`` writes it again as the document prints it.

Codes, never sentences, carry what the importer words in the user's language:

* :class:`PlanImportError` ``code`` (a key of :data:`MESSAGES`: "empty", "too_large", "not_a_plan",
  "unsupported_format", "no_text_layer", "corrupt_docx", "corrupt_pdf", "bad_encoding") and ``params``;
* :class:`Period` ``rules``: the :class:`Rule` codes (keys of :data:`RULES`) and parameters of the rules that turned
  words into its dates; ``Period.derived`` says how a period no words state was derived ("plan_periods": the span
  of the plan's dated periods; "plan_year": the plan's year, its ``label`` then the words "năm <year>");
* the kinds and roles above, ``Target.kind`` ("quantity", "percent_units", "percent_members", "amount"),
  ``ReportRequest.kind`` ("dated", "final", "recurring"), ``recurrence`` ("monthly", "quarterly"),
  ``month_in_quarter`` ("first", "last") and the scopes ("federation", "units", "both").

The English templates of :data:`MESSAGES` and :data:`RULES` are the parser's own (``PlanImportError.message``,
``Rule.message``, ``Period.rule``); the importer translates the codes in one place.

Helpers the importer shares with the parser: :func:`actor_scope` (who an acting body is), :func:`fold` (a text for
comparison), :data:`BASIS_VERB_PAT` (the words citing a legal basis) and ``ParsedPlan.content_section()``.
"""

from .clauses import actor_scope
from .dates import parse_period
from .model import (
    MAX_PAGES,
    MAX_PARAGRAPHS,
    MAX_TEXT_CHARS,
    MESSAGES,
    RULES,
    TABLE_KINDS,
    TABLE_ROLES,
    Appendix,
    Block,
    Budget,
    LegalBasis,
    ParsedPlan,
    Period,
    PlanImportError,
    ReportRequest,
    Rule,
    Section,
    StatedTotal,
    Table,
    TableItem,
    TableRow,
    Target,
)
from .structure import parse_plan
from .tables import column_roles
from .text import fold
from .vocabulary import BASIS_VERB_PAT

__all__ = [
    "BASIS_VERB_PAT",
    "MAX_PAGES",
    "MAX_PARAGRAPHS",
    "MAX_TEXT_CHARS",
    "MESSAGES",
    "RULES",
    "TABLE_KINDS",
    "TABLE_ROLES",
    "Appendix",
    "Block",
    "Budget",
    "LegalBasis",
    "ParsedPlan",
    "Period",
    "PlanImportError",
    "ReportRequest",
    "Rule",
    "Section",
    "StatedTotal",
    "Table",
    "TableItem",
    "TableRow",
    "Target",
    "actor_scope",
    "column_roles",
    "fold",
    "parse_period",
    "parse_plan",
]
