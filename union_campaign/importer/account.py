# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The account of an import: what was recognised, the dates read from words, what keeps the document's wording,
what was not recognised and what the plan does not print; kept on the draft and posted in its chatter."""

from markupsafe import Markup

from ..models.union_campaign_budget_line import format_dong
from ..tools import format_admin_date
from ..tools.text import clean


class ImportAccount:
    """The account of a PlanMapping, written from what the mapping entered (its parsed plan, unit, phases, targets,
    schedules...); the plan's `import_account`."""

    def _account(self, units):
        """The account of the import, as HTML: what was recognised, the dates read from words, what keeps the
        document's wording, what was not recognised and what the plan does not print."""
        parsed = self.parsed
        body = " / ".join(parsed.issuing_body_lines)
        unit = self.unit.name
        if self.unit_match:
            unit_line = self.env._("Issuing unit: %(unit)s, recognised in the header “%(body)s”.", unit=unit, body=body)
        elif body:
            unit_line = self.env._(
                "Issuing unit: %(unit)s, your default issuing unit for now. No unit matches the header “%(body)s”: "
                "the draft prints the document's header meanwhile. Create that union with the button “Create the "
                "Issuing Union” of the plan (under the union its header names above it), or choose its unit.",
                unit=unit,
                body=body,
            )
        else:
            unit_line = self.env._(
                "Issuing unit: %(unit)s, your default issuing unit: the document names no issuing body.", unit=unit
            )
        items = [it for phase in self.phases for it in phase["items"]]
        targets = len(self.plan_targets) + sum(len(self.item_targets(item)) for item in items)
        recognised = [
            unit_line,
            self.env._(
                "Number: %(reference)s; date: %(date)s; place: %(place)s.",
                reference=parsed.reference or "—",
                date=format_admin_date(parsed.issue_date) or self.env._("not found, today's date is used"),
                place=parsed.issue_place or "—",
            ),
            self.env._("Legal bases: %(count)s", count=len(parsed.legal_bases)),
            self.env._("Sections: %(count)s", count=sum(1 for s in parsed.sections if s.kind != "unrecognised")),
            self.env._("Periods: %(count)s, with %(items)s items", count=len(self.phases), items=len(items)),
            self.env._("Targets: %(count)s", count=targets),
            self.env._("Budget lines: %(count)s", count=len(self.budget)),
            self.env._("Reports asked of the units: %(count)s", count=len(self.schedules)),
            self.env._("Slogans: %(count)s", count=len(self.slogans)),
            self.env._("Duties: %(count)s", count=len(self.duties)),
            self.env._("Recipients: %(count)s", count=len(parsed.recipients)),
            self.env._(
                "Signature: %(lines)s, signed by %(name)s",
                lines=" / ".join(parsed.signature_lines) or "—",
                name=parsed.signer_name or "—",
            ),
        ]
        html = Markup("<p>%s</p>") % self.env._("Check the draft against the document before submitting it.")
        html += self._account_list(self.env._("Recognised"), recognised)
        if self.dates:
            html += self._account_list(
                self.env._("Dates read from words"),
                [
                    self.env._("“%(wording)s”: %(start)s – %(end)s (%(rules)s)", wording=w, start=s, end=e, rules=r)
                    for w, s, e, r in self.dates
                ],
            )
        if self.verbatim:
            html += self._account_list(
                self.env._(
                    "Printed as worded: these sections keep the document's text; their records are created but do "
                    "not print it"
                ),
                self.verbatim,
            )
        if parsed.budget_totals:
            html += self._account_list(self.env._("Budget totals stated"), self._budget_totals())
        html += self._account_placement(parsed)
        not_printed = self._not_printed()
        if not_printed:
            html += self._account_list(self.env._("Not printed by the plan"), not_printed)
        to_do = [self.env._("Check the items' short names: they are the first words of each item.")] if items else []
        if not units:
            to_do.append(self.env._("Choose the units the plan applies to."))
        if not parsed.issue_date:
            to_do.append(self.env._("Give the plan its date: the document has none, today's date is used."))
        if not all(total.agrees for total in parsed.budget_totals):
            to_do.append(self.env._("Check the budget: a total the document states differs from its lines."))
        if to_do:
            html += self._account_list(self.env._("To do"), to_do)
        return html

    def _budget_totals(self):
        """Each total the budget states ("…, tổng dự toán 450.000.000 đồng, cụ thể:", "Tổng cộng"), checked against
        the lines it covers."""
        out = []
        for stated in self.parsed.budget_totals:
            params = {"text": stated.text, "total": format_dong(stated.total), "lines": format_dong(stated.lines)}
            if stated.agrees:
                out.append(self.env._("“%(text)s” states %(total)s: its lines add up to it.", **params))
            else:
                out.append(
                    self.env._(
                        "“%(text)s” states %(total)s, but its lines add up to %(lines)s: check the document.", **params
                    )
                )
        return out

    def _account_placement(self, parsed):
        """What keeps the document's wording (tables kept as written, with why) and what was not recognised."""
        html = Markup("")
        if self.tables_as_written:
            html += self._account_list(
                self.env._("Tables kept as written: they print cell by cell, and give the plan no records"),
                [
                    self.env._("“%(columns)s”: %(reason)s", columns=columns, reason=reason)
                    for columns, reason in self.tables_as_written
                ],
            )
        unrecognised = parsed.unrecognised
        if unrecognised:
            html += self._account_list(
                self.env._(
                    "Paragraphs not recognised: %(count)s, kept as written in the section “%(heading)s” at the end "
                    "of the outline; move them where they belong, or delete them",
                    count=len(unrecognised),
                    heading=self.unrecognised_heading,
                ),
                unrecognised,
            )
        elif self.verbatim or self.tables_as_written:
            html += Markup("<p>%s</p>") % self.env._(
                "Every paragraph of the document has its place in the plan; %(count)s sections or tables keep the "
                "document's wording (listed above).",
                count=len(self.verbatim) + len(self.tables_as_written),
            )
        else:
            html += Markup("<p>%s</p>") % self.env._("Every paragraph of the document was recognised.")
        return html

    def _not_printed(self):
        """Paragraphs the plan does not print, with why; and what the import left out."""
        reasons = {
            "header.decoration": self.env._("a decoration line"),
            "title.decoration": self.env._("a decoration line"),
            "header.subject": self.env._("a subject line (V/v), not printed in a plan"),
            "signature.note": self.env._("a note of the signature, not printed in a draft"),
        }
        if not self.unit_match and not self.parsed.issuing_body_lines:
            reasons["header.upper_body"] = reasons["header.issuing_body"] = self.env._(
                "the header: the plan prints its issuing unit's"
            )
        out = [
            self.env._("“%(text)s”: %(reason)s", text=self.parsed.paragraphs[key], reason=reasons[role])
            for key, role in self.parsed.claims
            if role in reasons
        ]
        if self.parsed.doc_kind and clean(self.parsed.doc_kind) != "KẾ HOẠCH":
            out.append(self.env._("“%(text)s”: the plan prints “KẾ HOẠCH”", text=self.parsed.doc_kind))
        out += [
            self.env._("“%(text)s”: a report the issuing body sends itself, kept in the text", text=report.text)
            for report in self.own_reports
        ]
        out += [self.env._("“%(text)s”: %(reason)s", text=text, reason=reason) for text, reason in self.skipped]
        return out

    @staticmethod
    def _account_list(title, lines):
        items = Markup("").join(Markup("<li>%s</li>") % line for line in lines)
        return Markup("<p><strong>%s</strong></p><ul>%s</ul>") % (title, items)
