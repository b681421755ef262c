/** @odoo-module **/
// Copyright 2026 union_campaign contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import { registry } from "@web/core/registry";

const UNIT_A = "Công đoàn Trường A";

// A unit reporter, on a small phone, opens their report, marks the item done and submits it.
registry.category("web_tour.tours").add("union_campaign_reporter_tour", {
    steps: () => [
        {
            content: "Open the first period's report of unit A",
            trigger: `.o_kanban_record:contains('${UNIT_A}'):contains('Giai đoạn 1')`,
            run: "click",
        },
        {
            content: "The report opens in draft",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current[data-value='draft']",
        },
        {
            content: "Open the content item",
            trigger: ".o_field_widget[name=line_ids] .o_kanban_record",
            run: "click",
        },
        {
            content: "Mark it done",
            trigger: ".modal .o_field_widget[name=is_done] input",
            run: "click",
        },
        {
            content: "Keep it",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "On a phone, Submit is a button on the page",
            trigger: ".o_form_view:not(:has(.modal)) .o_union_submit_mobile",
            run: "click",
        },
        {
            content: "The report is submitted",
            trigger: ".o_form_view .o_field_widget[name=state] .o_arrow_button_current[data-value='submitted']",
        },
    ],
});

// An officer opens the compliance matrix of a plan, filters the schools and opens a report from a cell.
registry.category("web_tour.tours").add("union_campaign_matrix_tour", {
    steps: () => [
        {
            content: "Open the compliance matrix from the plan",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_view_compliance_matrix]",
            run: "click",
        },
        {
            content: "Three units, two phases",
            trigger: ".o_union_matrix_table tbody tr:nth-child(3) button.o_union_cell",
        },
        {
            content: "Unit A's first phase is submitted",
            trigger: `.o_union_matrix_table tr:contains('${UNIT_A}') button.o_union_cell_submitted`,
        },
        {
            // Options: all units, then the plan's unit types in their order (agency, enterprise, school).
            content: "Only schools",
            trigger: "select.o_union_matrix_filter",
            run: "selectByIndex 3",
        },
        {
            content: "One row left",
            trigger: ".o_union_matrix_table tbody:not(:has(tr:nth-child(2))) tr:contains('Trường A')",
        },
        {
            content: "Open the submitted report",
            trigger: ".o_union_matrix_table button.o_union_cell_submitted",
            run: "click",
        },
        {
            content: "The report form shows unit A",
            trigger: `.o_form_view .o_field_widget[name=unit_id]:contains('${UNIT_A}')`,
        },
        {
            content: "The browser's Back",
            trigger: ".o_form_view",
            run: () => history.back(),
        },
        {
            content: "Back on the matrix, still only schools",
            trigger: ".o_union_matrix_table tbody:not(:has(tr:nth-child(2))) tr:contains('Trường A')",
        },
        {
            content: "The legend says what +N under a cell is",
            trigger: ".o_union_matrix_legend_note",
        },
    ],
});
