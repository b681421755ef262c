/** @odoo-module **/
// Copyright 2026 union_campaign contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
/**
 * A plan document with tables imported in the browser (tests/test_ui_tables.py): the officer picks a .docx the
 * test offers at the URL of the parameter union_campaign.tour_document_url, imports it, and finds its table in the
 * draft's outline and preview. Desktop from the menu, phone from the phone's menu.
 */
import { registry } from "@web/core/registry";
import { noSidewaysScroll, pickFile, shot } from "@union_campaign/../tests/tours/union_campaign_daily_tours";
import { rpc } from "@web/core/network/rpc";

const tours = registry.category("web_tour.tours");

/** The .docx the test put among the officer's files (named uc-tour-<file>), picked as a person would pick it. */
async function pickTheDocument() {
    const [attachment] = await rpc("/web/dataset/call_kw/ir.attachment/search_read", {
        model: "ir.attachment",
        method: "search_read",
        args: [[["name", "=like", "uc-tour-%"]], ["id", "name"]],
        kwargs: { order: "id desc", limit: 1 },
    });
    const response = await fetch(`/web/content/${attachment.id}?download=true`);
    const name = attachment.name.replace("uc-tour-", "");
    const input = document.querySelector(".modal .o_field_widget[name=file] input[type=file]");
    await pickFile(
        input,
        name,
        await response.blob(),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
}

function importSteps() {
    return [
        {
            content: "The document (a .docx with Word tables)",
            trigger: ".modal .o_field_widget[name=file] input[type=file]:not(:visible)",
            run: pickTheDocument,
        },
        {
            content: "Chosen",
            trigger: ".modal .o_field_widget[name=file] .o_clear_file_button",
        },
        {
            content: "Import",
            trigger: ".modal button[name=action_import]",
            run: "click",
        },
        {
            content: "The draft and the account of its import",
            trigger: ".o_form_view .o_union_import_account",
        },
    ];
}

tours.add("union_campaign_tables_import", {
    steps: () => [
        {
            content: "Plans",
            trigger:
                ".o_main_navbar button[data-menu-xmlid='union_campaign.menu_union_campaign_plans'], .o_main_navbar .o-dropdown:contains('Kế hoạch')",
            run: "click",
        },
        {
            content: "Import a plan document",
            trigger: ".o-dropdown--menu [data-menu-xmlid='union_campaign.menu_union_campaign_import']",
            run: "click",
        },
        ...importSteps(),
        {
            content: "The document's tab",
            trigger: ".o_notebook .nav-link[name=document]",
            run: "click",
        },
        {
            content: "The outline: the targets table is a section printed as a table",
            trigger: ".o_field_widget[name=section_ids] .o_data_row .o_data_cell[name=layout]:contains('Bảng')",
            run: "click",
        },
        {
            content: "Its column headings, as the document printed them",
            trigger: ".modal .o_field_widget[name=table_columns] textarea",
            run() {
                const headings = document.querySelector(".modal .o_field_widget[name=table_columns] textarea").value;
                if (!headings.includes("Mức phấn đấu")) {
                    throw new Error(`The table's headings are not the document's: ${headings}`);
                }
            },
        },
        {
            content: "Close",
            trigger: ".modal .modal-header .btn-close",
            run: "click",
        },
        {
            content: "The targets, one per row of the table",
            trigger: ".o_notebook a.nav-link[name=targets]",
            run: "click",
        },
        {
            content: "“100% CĐCS” as the table wrote it",
            trigger: ".o_field_widget[name=target_ids] .o_data_row:contains('Hội thi thợ giỏi')",
        },
        {
            content: "The preview",
            trigger: ".o_notebook a.nav-link[name=preview]",
            run: "click",
        },
        {
            content: "The table prints as a table: headings and right-aligned figures",
            trigger: ".o_field_widget[name=document_preview] table th:contains('Mức phấn đấu')",
        },
        shot("plan-table-form", ".o_field_widget[name=document_preview] table td:contains('100% CĐCS')"),
    ],
});

tours.add("union_campaign_tables_import_phone", {
    steps: () => [
        {
            content: "The phone's menu of the app",
            trigger: ".o_main_navbar .o_menu_toggle",
            run: "click",
        },
        {
            content: "Import a plan document",
            trigger: ".o_app_menu_sidebar li[data-menu-xmlid='union_campaign.menu_union_campaign_import']",
            run: "click",
        },
        ...importSteps(),
        noSidewaysScroll("imported draft", ".o_form_view .o_union_import_account"),
        {
            content: "The preview",
            trigger: ".o_notebook a.nav-link[name=preview]",
            run: "click",
        },
        {
            content: "The appendix after the signature, its activities in a table",
            trigger: ".o_field_widget[name=document_preview] table td:contains('Hội giảng chào mừng Ngày Nhà giáo')",
        },
        shot("plan-appendix-phone", ".o_field_widget[name=document_preview] h4:contains('PHỤ LỤC')"),
    ],
});
