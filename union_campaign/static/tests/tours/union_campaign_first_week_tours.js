/** @odoo-module **/
// Copyright 2026 union_campaign contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
/**
 * A union's first week, walked again: the screens behind the findings of the browser walk, in Vietnamese, at the
 * size where each was seen (1440x900 for the officer, 390x844 for the reporters). Run by test_ui_first_week.py.
 */
import { registry } from "@web/core/registry";
import { noSidewaysScroll } from "@union_campaign/../tests/tours/union_campaign_daily_tours";

const tours = registry.category("web_tour.tours");

const PLAN_DOCUMENT = `LIÊN ĐOÀN LAO ĐỘNG QUẬN LONG BIÊN

Số: 22/KH-LĐLĐ

Long Biên, ngày 06 tháng 3 năm 2027

KẾ HOẠCH
Tuyên truyền Tháng hành động về an toàn, vệ sinh lao động năm 2027

I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức về an toàn, vệ sinh lao động.

II. THỜI GIAN VÀ NỘI DUNG
1. Trong tháng 5/2027
- Tổ chức Lễ phát động tại các công đoàn cơ sở.

Nơi nhận:
- Lưu VP.

TM. BAN THƯỜNG VỤ
CHỦ TỊCH

Nguyễn Văn An
`;

// An officer starts a plan by hand: the usual outline is there, the form shows what will print, a long title
// wraps, "Cancel" is not offered on a plan never saved, and a new issuing union is created from the form.
tours.add("union_campaign_first_week_new_plan", {
    steps: () => [
        {
            content: "A long title wraps instead of being cut",
            trigger: ".o_form_view .o_field_widget[name=name] textarea",
            run: "edit Kế hoạch tổ chức các hoạt động tuyên truyền, kỷ niệm và phát động phong trào thi đua chào mừng Đại hội Công đoàn các cấp nhiệm kỳ 2028 - 2033",
        },
        {
            content: "A plan never saved offers no Cancel (a newcomer means Discard)",
            trigger: ".o_form_view .o_form_statusbar:not(:has(button[name=action_cancel]))",
        },
        {
            content: "The purposes, in the Document tab",
            trigger: ".o_notebook .nav-link[name=document]",
            run: "click",
        },
        {
            content: "The usual outline is already there: eight sections",
            trigger: ".o_field_widget[name=section_ids] .o_data_row:nth-child(8)",
        },
        {
            content: "The purposes",
            trigger: ".o_field_widget[name=purpose] textarea",
            run: "edit - Tuyên truyền sâu rộng đến đoàn viên, người lao động.",
        },
        {
            content: "What will print",
            trigger: ".o_notebook .nav-link[name=preview]",
            run: "click",
        },
        {
            content: "The purposes print under their heading, numbered",
            trigger: ".o_field_widget[name=document_preview]:contains('I. MỤC ĐÍCH, YÊU CẦU'):contains('Tuyên truyền sâu rộng')",
        },
        {
            content: "A new union as the issuing unit",
            trigger: ".o_field_widget[name=issuing_unit_id] input",
            run: "edit Công đoàn phường Hồng Hà",
        },
        {
            content: "Create and edit it",
            trigger: ".o-autocomplete--dropdown-item:contains('Tạo và chỉnh sửa'), .o-autocomplete--dropdown-item .o_m2o_dropdown_option_create_edit",
            run: "click",
        },
        {
            content: "Its type",
            trigger: ".modal .o_field_widget[name=unit_type_id] input",
            run: "edit Công đoàn xã, phường",
        },
        {
            content: "Commune union",
            trigger: ".o-autocomplete--dropdown-item:contains('Công đoàn xã, phường')",
            run: "click",
        },
        {
            content: "Save the new union",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "It is the plan's issuing unit",
            trigger: ".o_field_widget[name=issuing_unit_id] input:value(Công đoàn phường Hồng Hà)",
        },
        {
            content: "Discard the plan",
            trigger: ".o_form_button_cancel",
            run: "click",
        },
    ],
});

// The reports asked of a Tết plan: a one-off final report and a list due on a date show no recurrence.
tours.add("union_campaign_first_week_schedules", {
    steps: () => [
        {
            content: "The reports asked",
            trigger: ".o_notebook .nav-link[name=schedule]",
            run: "click",
        },
        {
            content: "A final report: its recurrence cell is empty",
            trigger: ".o_field_widget[name=report_schedule_ids] .o_data_row:contains('Báo cáo kết quả') .o_data_cell[name=recurrence]:empty",
        },
    ],
});

// An import started from the home page opens the draft on its own, not under "Reports to review".
tours.add("union_campaign_first_week_import_breadcrumb", {
    steps: () => [
        {
            content: "The officer's home: reports to review",
            trigger: ".o_breadcrumb:contains('Báo cáo chờ duyệt')",
        },
        {
            content: "Plans",
            trigger: ".o_main_navbar button[data-menu-xmlid='union_campaign.menu_union_campaign_plans'], .o_main_navbar .o-dropdown:contains('Kế hoạch')",
            run: "click",
        },
        {
            content: "Import a plan document",
            trigger: ".o-dropdown--menu [data-menu-xmlid='union_campaign.menu_union_campaign_import']",
            run: "click",
        },
        {
            content: "The document",
            trigger: ".modal .o_field_widget[name=file] input[type=file]:not(:visible)",
            async run() {
                const input = document.querySelector(".modal .o_field_widget[name=file] input[type=file]");
                const file = new File([PLAN_DOCUMENT], "ke-hoach-22-KH.txt", { type: "text/plain" });
                const transfer = new DataTransfer();
                transfer.items.add(file);
                input.files = transfer.files;
                input.dispatchEvent(new Event("change", { bubbles: true }));
            },
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
            content: "The draft, on its own: no 'Reports to review' before it",
            trigger: ".o_form_view .o_union_import_account",
            run() {
                const breadcrumb = document.querySelector(".o_breadcrumb")?.textContent || "";
                if (breadcrumb.includes("Báo cáo chờ duyệt")) {
                    throw new Error(`The draft opened under: ${breadcrumb}`);
                }
            },
        },
    ],
});

// A unit's chair, the only person of her unit, on a phone: her activity leads to her report, which she submits.
tours.add("union_campaign_first_week_chair_phone", {
    steps: () => [
        {
            content: "Her activities",
            trigger: ".o_menu_systray .fa-clock-o",
            run: "click",
        },
        {
            content: "Her report to submit is under the unit reports, not 'Other activities'",
            trigger: ".o-mail-ActivityGroup:contains('Báo cáo đơn vị')",
            run: "click",
        },
        {
            content: "Her report, a card on a phone",
            trigger: ".o_kanban_view .o_kanban_record:contains('91/KH-TUAN')",
            run: "click",
        },
        {
            content: "Its item",
            trigger: ".o_field_widget[name=line_ids] .o_kanban_record:first",
            run: "click",
        },
        {
            content: "The dialog is named after what it is",
            trigger: ".modal .modal-title:contains('Nội dung')",
        },
        {
            content: "Done",
            trigger: ".modal .o_field_widget[name=is_done] input",
            run: "click",
        },
        {
            content: "Keep it",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "Submit",
            trigger: ".o_form_view:not(:has(.modal)) .o_union_submit_mobile:not(.o_union_submit_empty)",
            run: "click",
        },
        {
            content: "Told it went, and to whom",
            trigger: ".o_notification:contains('Đã gửi báo cáo')",
        },
        {
            content: "Submitted",
            trigger: ".o_form_view .o_field_widget[name=state] .o_arrow_button_current[data-value='submitted']",
        },
    ],
});

// A reporter on a phone: a late report shows a badge, not a ribbon over the name; the phone's Back inside an
// item closes it and keeps what was typed; an empty report asks before it is sent; the chatter fits.
tours.add("union_campaign_first_week_reporter_phone", {
    steps: () => [
        {
            content: "The late report",
            trigger: ".o_kanban_record:contains('92/KH-TUAN')",
            run: "click",
        },
        {
            content: "Late, as a badge under the name; no ribbon covers it",
            trigger: ".o_form_view .oe_title .badge:contains('Trễ hạn'):visible",
            run() {
                const ribbon = document.querySelector(".o_form_view .ribbon");
                if (ribbon && ribbon.offsetParent !== null) {
                    throw new Error("A ribbon is shown over the report's title on a phone");
                }
            },
        },
        {
            content: "An empty report asks before it is sent",
            trigger: ".o_form_view .o_union_submit_mobile.o_union_submit_empty",
            run: "click",
        },
        {
            content: "The question",
            trigger: ".modal:contains('Chưa có nội dung nào được đánh dấu') .modal-footer .btn-secondary",
            run: "click",
        },
        {
            content: "Still a draft",
            trigger: ".o_form_view .o_field_widget[name=state] .o_arrow_button_current[data-value='draft']",
        },
        {
            content: "Open the item",
            trigger: ".o_field_widget[name=line_ids] .o_kanban_record:first",
            run: "click",
        },
        {
            content: "Type a quantity",
            trigger: ".modal .o_field_widget[name=qty_done] input",
            run: "edit 7",
        },
        {
            content: "The phone's Back",
            trigger: ".modal .o_field_widget[name=qty_done] input:value(7)",
            run: () => history.back(),
        },
        {
            content: "The item closed, the report still open, what was typed kept",
            trigger: ".o_form_view:not(:has(.modal)) .o_field_widget[name=line_ids] .o_kanban_record:first:contains('7')",
        },
        noSidewaysScroll("report and its chatter", ".o_form_view .o-mail-Chatter"),
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});

// A reporter reads the officer's review activity on her submitted report: no buttons that she may not use.
tours.add("union_campaign_first_week_reporter_activity", {
    steps: () => [
        {
            content: "The review activity on the report",
            trigger: ".o-mail-Activity:contains('Duyệt hoặc trả lại báo cáo')",
        },
        {
            content: "No Done / Edit / Cancel on someone else's workflow activity",
            trigger: ".o-mail-Activity:contains('Duyệt hoặc trả lại báo cáo'):not(:has(.o-mail-Activity-markDone)):not(:has(button:contains('Hủy')))",
        },
    ],
});
