/** @odoo-module **/
// Copyright 2026 union_campaign contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
/**
 * The chain of plans in the browser, in Vietnamese: the ward's officer implements the city's plan in one click
 * (1440x900), the grassroots union's chair reports on the ward's plan from a phone (390x844), the ward's officer
 * fills the ward's upward report from its units, and the city reads the results across the levels. Run by
 * test_ui_cascade.py, which plays the approvals between the tours.
 */
import { registry } from "@web/core/registry";
import { noSidewaysScroll, shot } from "@union_campaign/../tests/tours/union_campaign_daily_tours";

const tours = registry.category("web_tour.tours");

tours.add("union_campaign_cascade_implement", {
    steps: () => [
        {
            content: "The ward's officer implements the city's running plan",
            trigger: ".o_form_view button[name=action_open_implement_wizard]",
            run: "click",
        },
        {
            content: "The dialog proposes the ward, five days before the city's deadlines",
            trigger: ".modal .o_field_widget[name=unit_id] input:value(Công đoàn phường Tour)",
        },
        {
            content: "Create the ward's plan",
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The new draft implements the city's plan",
            trigger: ".o_form_view .o_field_widget[name=parent_campaign_id]:contains(77/KH-LĐLĐ)",
        },
        {
            content: "Open the document as it will print",
            trigger: ".o_notebook .nav-link:contains(Văn bản in)",
            run: "click",
        },
        {
            content: "Its basis cites the city's plan with its verb",
            trigger: ".o_field_widget[name=document_preview]:contains(Thực hiện Kế hoạch số 77/KH-LĐLĐ)",
        },
        shot("cascade-implementing-plan", ".o_field_widget[name=document_preview]:contains(Thực hiện Kế hoạch số)"),
    ],
});

tours.add("union_campaign_cascade_grassroots_phone", {
    steps: () => [
        {
            content: "The grassroots chair's report on the ward's plan, among their reports to do",
            trigger: ".o_kanban_record:contains(5/KH-CĐP):first",
            run: "click",
        },
        {
            content: "Its item, copied from the city's plan",
            trigger: ".o_field_widget[name=line_ids] .o_kanban_record:contains(Hội nghị phổ biến pháp luật)",
            run: "click",
        },
        {
            content: "Done",
            trigger: ".modal .o_field_widget[name=is_done] input",
            run: "click",
        },
        {
            content: "Two conferences",
            trigger: ".modal .o_field_widget[name=qty_done] input",
            run: "edit 2",
        },
        {
            content: "Sixty people",
            trigger: ".modal .o_field_widget[name=participant_count] input",
            run: "edit 60",
        },
        {
            content: "Keep the item",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        noSidewaysScroll("grassroots report", ".o_form_view .o_field_widget[name=line_ids] .o_kanban_record"),
        {
            content: "Submit to the ward",
            trigger: ".o_form_view .o_union_submit_mobile",
            run: "click",
        },
        {
            content: "Submitted",
            trigger: ".o_form_view .o_field_widget[name=state] .o_arrow_button_current[data-value='submitted']",
        },
    ],
});

tours.add("union_campaign_cascade_fill", {
    steps: () => [
        {
            content: "The ward's officer fills its upward report from its units",
            trigger: ".o_form_view button[name=action_fill_from_units]",
            run: "click",
        },
        {
            content: "Confirm: what the officer wrote stays",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The line says how many units did the item",
            trigger: ".o_field_widget[name=line_ids] td:contains(1/1 đơn vị (100,0 %))",
        },
        {
            content: "The units' reports are one click away",
            trigger: ".o_form_view button[name=action_view_source_reports]",
        },
        shot("cascade-filled-report", ".o_field_widget[name=line_ids] td:contains(1/1 đơn vị)"),
        {
            content: "Submit the upward report",
            trigger: ".o_form_view .o_form_statusbar button[name=action_submit]",
            run: "click",
        },
        {
            content: "Submitted",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains(Đã gửi)",
        },
    ],
});

tours.add("union_campaign_cascade_rollup", {
    steps: () => [
        {
            content: "The city opens the results across the levels",
            trigger: ".o_form_view button[name=action_view_rollup]",
            run: "click",
        },
        {
            content: "The pivot shows the ward's level under the item",
            trigger: ".o_pivot th:contains(Xã, phường, đặc khu)",
        },
        {
            content: "and the level of the grassroots unions below it",
            trigger: ".o_pivot th:contains(Công đoàn cơ sở)",
        },
        shot("cascade-rollup", ".o_pivot th:contains(Công đoàn cơ sở)"),
    ],
});

tours.add("union_campaign_cascade_matrix", {
    steps: () => [
        {
            content: "The city opens the compliance matrix of its plan",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_view_compliance_matrix]",
            run: "click",
        },
        {
            content: "The ward's row on the city's plan",
            trigger: ".o_union_matrix_table td:contains(Công đoàn phường Tour)",
        },
        {
            content: "Show the levels below",
            trigger: ".o_union_matrix_levels input",
            run: "click",
        },
        {
            content: "The ward's plan, under the city's, with its level",
            trigger: ".o_union_matrix_block_title[data-depth='1']:contains(5/KH-CĐP):contains(Xã, phường, đặc khu)",
        },
        {
            content: "The grassroots union's report on it, approved",
            trigger:
                ".o_union_matrix_block td:contains(Công đoàn Trường Mầm non Tour) ~ td .o_union_cell[data-state=approved]",
        },
        shot("cascade-matrix", ".o_union_matrix_block_title[data-depth='1']"),
    ],
});
