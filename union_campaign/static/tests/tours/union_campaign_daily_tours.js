/** @odoo-module **/
// Copyright 2026 union_campaign contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
/**
 * The daily paths of the people who use the module, driven through the real web client in Vietnamese:
 * an officer and a manager on a desktop (1440x900), a unit reporter on a phone (390x844). Run by
 * tests/test_ui_daily.py; `make screenshots` runs the same tests and takes the README's pictures at the
 * "shot" steps.
 */
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

/**
 * A step where `make screenshots` captures the page for the README. Only when the test sets the cookie
 * uc_shots=1: the step then asks the test (through the console) for a picture and waits until it is taken.
 * Otherwise it only checks that `trigger` is on the page.
 */
export function shot(name, trigger, { keepNotifications = false } = {}) {
    return {
        content: `Picture: ${name}`,
        trigger,
        async run() {
            if (!document.cookie.split("; ").includes("uc_shots=1")) {
                return;
            }
            if (!keepNotifications) {
                // an earlier step's notification would cover the page
                document.querySelectorAll(".o_notification_close").forEach((button) => button.click());
            }
            await new Promise((resolve) => setTimeout(resolve, 800)); // fonts, last renders
            await new Promise((resolve) => {
                window.ucShotDone = resolve;
                console.log(`union_campaign_shot:${name}`);
            });
        },
    };
}

/** A step that fails when the page, once `trigger` is shown, is wider than the screen (it would scroll sideways). */
export function noSidewaysScroll(what, trigger) {
    return {
        content: `The ${what} does not scroll sideways`,
        trigger,
        run() {
            const width = document.documentElement.scrollWidth;
            if (width > window.innerWidth + 1) {
                throw new Error(`The ${what} scrolls sideways: ${width}px wide in a ${window.innerWidth}px screen`);
            }
        },
    };
}

/** Count the taps of the reporter's path: a step the person does with a finger. */
export function tap(step) {
    const run = step.run;
    return {
        ...step,
        async run(helpers) {
            // kept in the tab's session storage: the count goes on across the login page and the web client
            sessionStorage.setItem("ucTaps", String(Number(sessionStorage.getItem("ucTaps") || 0) + 1));
            if (typeof run === "function") {
                return run.call(this, helpers);
            }
            const [action, ...rest] = run.split(" ");
            return helpers[action](rest.join(" "));
        },
    };
}

/** Put a file in an upload input as a person picking it would (the browser's file chooser is not scriptable). */
export async function pickFile(input, name, content, type = "text/plain") {
    const file = new File([content], name, { type });
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
}

function addPeriod(name, start, end, items) {
    const steps = [
        {
            content: `Add the period ${name}`,
            trigger: ".o_field_widget[name=phase_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Its name",
            trigger: ".modal .o_field_widget[name=name] input",
            run: `edit ${name}`,
        },
        {
            content: "Its start",
            trigger: ".modal .o_field_widget[name=date_start] input",
            run: `edit ${start}`,
        },
        {
            content: "Its end",
            trigger: ".modal .o_field_widget[name=date_end] input",
            run: `edit ${end}`,
        },
    ];
    for (const [index, item] of items.entries()) {
        // The new line, not the one before it while the list is still adding it.
        const row = `.modal .o_field_widget[name=item_ids] .o_data_row:nth-child(${index + 1}).o_selected_row`;
        steps.push(
            {
                content: `Add the item ${item}`,
                trigger: ".modal .o_field_widget[name=item_ids] .o_field_x2many_list_row_add a",
                run: "click",
            },
            {
                content: "Its name",
                trigger: `${row} .o_field_widget[name=name] input`,
                run: `edit ${item}`,
            },
            {
                content: "The name is typed",
                trigger: `${row} .o_field_widget[name=name] input:value(${item})`,
            }
        );
    }
    steps.push(
        {
            content: "Leave the last item's line (a click outside the list keeps it)",
            trigger: ".modal .modal-header .modal-title",
            run: "click",
        },
        {
            content: "Every item is in the period's list",
            trigger: `.modal .o_field_widget[name=item_ids] .o_data_row:not(.o_selected_row):contains('${items.at(-1)}')`,
        }
    );
    steps.push(
        {
            content: "Keep the period (the plan itself is not saved yet)",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The period is in the plan's list",
            trigger: `.o_field_widget[name=phase_ids] .o_data_row:contains('${name}')`,
        }
    );
    return steps;
}

// 1. An officer builds a whole plan in one unsaved form, saves once and submits it.
tours.add("union_campaign_officer_builds_plan", {
    steps: () => [
        {
            content: "An empty plan form",
            trigger: ".o_form_view .o_form_editable .o_field_widget[name=name] textarea",
            run: "edit Kế hoạch tổ chức Tháng Công nhân năm 2027",
        },
        {
            content: "Its number",
            trigger: ".o_field_widget[name=reference] input",
            run: "edit 15/KH-LĐLĐ",
        },
        {
            content: "The issuing unit",
            trigger: ".o_field_widget[name=issuing_unit_id] input",
            run: "edit Long Biên",
        },
        {
            content: "LĐLĐ quận Long Biên",
            trigger: ".o-autocomplete--dropdown-item:contains('quận Long Biên')",
            run: "click",
        },
        ...addPeriod("Giai đoạn phát động", "01/04/2027", "30/04/2027", [
            "Hội nghị phát động Tháng Công nhân",
            "Treo băng rôn, khẩu hiệu",
        ]),
        ...addPeriod("Giai đoạn cao điểm", "01/05/2027", "31/05/2027", [
            "Thăm hỏi công nhân có hoàn cảnh khó khăn",
            "Đối thoại với người sử dụng lao động",
        ]),
        {
            content: "The units it applies to",
            trigger: ".o_notebook .nav-link[name=units]",
            run: "click",
        },
        {
            content: "Add units",
            trigger: ".o_field_widget[name=unit_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Search the enterprises",
            trigger: ".modal .o_searchview_input",
            run: "edit Công ty",
        },
        {
            content: "Search",
            trigger: ".modal .o_searchview_input",
            run: "press Enter",
        },
        {
            content: "Only the enterprises are listed",
            trigger: ".modal .o_searchview_facet:contains('Công ty')",
        },
        {
            content: "Select them all",
            trigger: ".modal .o_list_view thead .o_list_record_selector input:not(:checked)",
            run: "click",
        },
        {
            content: "They are selected",
            trigger: ".modal .o_list_view thead .o_list_record_selector input:checked",
        },
        {
            content: "Take them",
            trigger: ".modal .o_select_button",
            run: "click",
        },
        {
            content: "Four enterprises",
            trigger: ".o_field_widget[name=unit_ids] .o_data_row:nth-child(4)",
        },
        {
            content: "The document",
            trigger: ".o_notebook .nav-link[name=document]",
            run: "click",
        },
        {
            content: "The forms of propaganda",
            trigger: ".o_field_widget[name=form_ids] input",
            run: "edit hội nghị",
        },
        {
            content: "Học tập, hội nghị, hội thảo",
            trigger: ".o-autocomplete--dropdown-item:contains('hội nghị')",
            run: "click",
        },
        {
            content: "A second form",
            trigger: ".o_field_widget[name=form_ids] input",
            run: "edit trực quan",
        },
        {
            content: "Tuyên truyền, cổ động trực quan",
            trigger: ".o-autocomplete--dropdown-item:contains('trực quan')",
            run: "click",
        },
        {
            content: "Two forms",
            trigger: ".o_field_widget[name=form_ids] .o_tag:nth-child(2)",
        },
        ...["Nhiệt liệt chào mừng Tháng Công nhân năm 2027!", "Công nhân lao động Thủ đô đoàn kết, sáng tạo!",
            "Công đoàn vì đoàn viên và người lao động!"].flatMap((slogan, index) => [
            {
                content: `Slogan ${index + 1}`,
                trigger: ".o_field_widget[name=slogan_ids] .o_field_x2many_list_row_add a",
                run: "click",
            },
            {
                content: "Its words",
                trigger: `.o_field_widget[name=slogan_ids] .o_data_row:nth-child(${index + 1}).o_selected_row textarea`,
                run: `edit ${slogan}`,
            },
        ]),
        {
            content: "Three slogans",
            trigger: ".o_field_widget[name=slogan_ids] .o_data_row:nth-child(3)",
        },
        shot("plan-form", ".o_field_widget[name=slogan_ids] .o_data_row:nth-child(3)"),
        {
            content: "Save once",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
        {
            content: "Submit for approval",
            trigger: ".o_statusbar_buttons button[name=action_submit]",
            run: "click",
        },
        {
            content: "Waiting for approval",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value='to_approve']",
        },
    ],
});

// 2a. The manager finds the plan in the activities and sends it back with a reason.
tours.add("union_campaign_manager_sends_back", {
    steps: () => [
        {
            // the counter shows only what is due today or late: the clock itself opens the list
            content: "The activities in the systray",
            trigger: ".o_menu_systray .fa-clock-o",
            run: "click",
        },
        {
            content: "Plans to approve",
            trigger: ".o-mail-ActivityGroup:contains('Kế hoạch')",
            run: "click",
        },
        {
            content: "The plan waiting",
            trigger: ".o_data_row:contains('Tháng Công nhân') .o_data_cell[name=name]",
            run: "click",
        },
        {
            content: "Send it back",
            trigger: ".o_statusbar_buttons button[name=action_return]",
            run: "click",
        },
        {
            content: "The reason",
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: "edit Bổ sung nội dung đối thoại tại doanh nghiệp.",
        },
        {
            content: "Confirm",
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "Back in draft",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value='draft']",
        },
    ],
});

// 2b. The officer sees the activity and the reason on the plan, and submits again.
tours.add("union_campaign_officer_revises_plan", {
    steps: () => [
        {
            // the counter shows only what is due today or late: the clock itself opens the list
            content: "The activities in the systray",
            trigger: ".o_menu_systray .fa-clock-o",
            run: "click",
        },
        {
            content: "The plan to revise",
            trigger: ".o-mail-ActivityGroup:contains('Kế hoạch')",
            run: "click",
        },
        {
            content: "The plan sent back",
            trigger: ".o_data_row:contains('Tháng Công nhân') .o_data_cell[name=name]",
            run: "click",
        },
        {
            content: "The reason is at the top of the plan",
            trigger: ".o_form_view .alert:contains('Bổ sung nội dung đối thoại')",
        },
        shot("plan-sent-back", ".o_form_view .alert:contains('Bổ sung nội dung đối thoại')"),
        {
            content: "Submit again",
            trigger: ".o_statusbar_buttons button[name=action_submit]",
            run: "click",
        },
        {
            content: "Waiting for approval",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value='to_approve']",
        },
    ],
});

// 2c. The manager opens the app on what waits for their decision and approves the plan.
tours.add("union_campaign_manager_approves", {
    steps: () => [
        {
            content: "The plan waiting for my approval, in the list of what waits for my decision",
            trigger: ".o_data_row:contains('Tháng Công nhân') .o_data_cell[name=res_name]",
            run: "click",
        },
        {
            content: "Approve",
            trigger: ".o_statusbar_buttons button[name=action_approve]",
            run: "click",
        },
        {
            content: "Approved",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value='approved']",
        },
    ],
});

// 3. The officer launches the plan, is told how many reports were made, and opens the matrix.
tours.add("union_campaign_officer_launches", {
    steps: () => [
        {
            content: "Launch to the units",
            trigger: ".o_statusbar_buttons button[name=action_open_launch_wizard]",
            run: "click",
        },
        {
            content: "The preview says what the launch will create, per report asked",
            trigger: ".modal .o_field_html:contains('8 báo cáo') li",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary[name=action_confirm]",
            run: "click",
        },
        {
            content: "Told how many reports were created",
            trigger: ".o_notification:contains('8 báo cáo')",
        },
        shot("plan-launched", ".o_notification:contains('8 báo cáo')", { keepNotifications: true }),
        {
            content: "Running",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value='running']",
        },
        {
            content: "The compliance matrix",
            trigger: ".o_statusbar_buttons button[name=action_view_compliance_matrix]",
            run: "click",
        },
        {
            content: "Four units, two periods",
            trigger: ".o_union_matrix_table tbody tr:nth-child(4) td:nth-child(3) button.o_union_cell",
        },
        shot("compliance-matrix", ".o_union_matrix_table tbody tr:nth-child(4)"),
    ],
});

// 4. A unit reporter, on a phone, from the login page to a submitted report, counting the taps.
tours.add("union_campaign_reporter_phone", {
    steps: () => [
        tap({
            content: "The login",
            trigger: "form.oe_login_form input[name=login]",
            run: "edit uc_reporter",
        }),
        tap({
            content: "The password",
            trigger: "form.oe_login_form input[name=password]",
            run: "edit uc_reporter",
        }),
        tap({
            content: "Log in",
            trigger: "form.oe_login_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        }),
        // A reporter lands on their reports to do (their home action).
        shot("reporter-home", ".o_kanban_record:contains('57/KH')"),
        tap({
            content: "The report of the current plan",
            trigger: ".o_kanban_record:contains('57/KH'):first",
            run: "click",
        }),
        tap({
            content: "Its first item",
            trigger: ".o_field_widget[name=line_ids] .o_kanban_record:first",
            run: "click",
        }),
        tap({
            content: "Done",
            trigger: ".modal .o_field_widget[name=is_done] input",
            run: "click",
        }),
        tap({
            content: "How much",
            trigger: ".modal .o_field_widget[name=qty_done] input",
            run: "edit 2",
        }),
        tap({
            content: "The link of the post",
            trigger: ".modal .o_field_widget[name=post_urls] textarea",
            run: "edit https://www.facebook.com/congdoan/posts/2027",
        }),
        tap({
            content: "The photo of the event",
            trigger: ".modal .o_field_widget[name=attachment_ids] input[type=file]:not(:visible)",
            async run() {
                const input = document.querySelector(".modal .o_field_widget[name=attachment_ids] input[type=file]");
                await pickFile(input, "hoi-nghi.txt", "Biên bản hội nghị");
            },
        }),
        {
            content: "The file is attached",
            trigger: ".modal .o_field_widget[name=attachment_ids] .o_attachment:contains('hoi-nghi')",
        },
        tap({
            content: "Keep the item",
            trigger: ".modal .o_form_button_save",
            run: "click",
        }),
        noSidewaysScroll("report", ".o_form_view .o_field_widget[name=line_ids] .o_kanban_record"),
        shot("reporter-phone", ".o_form_view .o_union_submit_mobile"),
        tap({
            content: "Submit",
            trigger: ".o_form_view .o_union_submit_mobile",
            run: "click",
        }),
        {
            content: "Submitted",
            trigger: ".o_form_view .o_field_widget[name=state] .o_arrow_button_current[data-value='submitted']",
        },
        {
            content: "At most twelve taps",
            trigger: "body",
            run() {
                const taps = Number(sessionStorage.getItem("ucTaps"));
                if (!taps || taps > 12) {
                    throw new Error(`${taps} taps from the login page to a submitted report`);
                }
                console.info(`union_campaign: ${taps} taps from the login page to a submitted report`);
            },
        },
    ],
});

// 5. The officer opens the app on the reports to review, approves them all at once and is told so.
tours.add("union_campaign_officer_mass_approves", {
    steps: () => [
        {
            content: "The reports waiting for me",
            trigger: ".o_list_view .o_data_row",
        },
        shot("reports-to-review", ".o_list_view .o_data_row"),
        {
            content: "Select them all",
            trigger: ".o_list_view thead .o_list_record_selector input",
            run: "click",
        },
        {
            content: "Approve",
            trigger: ".o_list_view .o_control_panel_actions button[name=action_approve], .o_list_buttons button[name=action_approve], button[name=action_approve]",
            run: "click",
        },
        {
            content: "Told what happened",
            trigger: ".o_notification:contains('đã duyệt')",
        },
    ],
});

// 6. An officer turns a plan document into a draft plan: upload, the draft, its account on top.
const PLAN_DOCUMENT = `LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI
LIÊN ĐOÀN LAO ĐỘNG QUẬN LONG BIÊN

Số: 21/KH-LĐLĐ

Long Biên, ngày 05 tháng 3 năm 2027

KẾ HOẠCH
Tổ chức các hoạt động hưởng ứng Tháng Công nhân năm 2027

Căn cứ Kế hoạch số 12/KH-LĐLĐ ngày 20/02/2027 của Liên đoàn Lao động Thành phố Hà Nội về tổ chức Tháng Công nhân năm 2027, Liên đoàn Lao động quận Long Biên xây dựng kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
- Phát huy vai trò của tổ chức công đoàn trong chăm lo đời sống vật chất, tinh thần của đoàn viên, người lao động.

II. THỜI GIAN VÀ NỘI DUNG
1. Giai đoạn phát động (từ ngày 01/4/2027 đến ngày 30/4/2027)
- Tổ chức Lễ phát động Tháng Công nhân tại các công đoàn cơ sở.
2. Giai đoạn cao điểm (từ ngày 01/5/2027 đến ngày 31/5/2027)
- Tổ chức đối thoại giữa người sử dụng lao động và người lao động tại doanh nghiệp.

III. KHẨU HIỆU
1. Nhiệt liệt chào mừng Tháng Công nhân năm 2027!
2. Công đoàn Việt Nam vì đoàn viên và người lao động!

IV. TỔ CHỨC THỰC HIỆN
Các công đoàn cơ sở báo cáo kết quả về Liên đoàn Lao động quận trước ngày 05/6/2027.

Nơi nhận:
- LĐLĐ Thành phố;
- Lưu VP.

TM. BAN THƯỜNG VỤ
CHỦ TỊCH

Nguyễn Văn An

Phụ lục kèm theo: Danh sách công đoàn cơ sở đăng ký tham gia Lễ phát động
`;

function importSteps(device = "") {
    return [
        {
            content: "The plan document",
            trigger: ".modal .o_field_widget[name=file] input[type=file]:not(:visible)",
            async run() {
                const input = document.querySelector(".modal .o_field_widget[name=file] input[type=file]");
                await pickFile(input, "ke-hoach-21-KH-LDLD-thang-cong-nhan-2027.txt", PLAN_DOCUMENT);
            },
        },
        {
            content: "Chosen",
            trigger: ".modal .o_field_widget[name=file] .o_clear_file_button",
        },
        shot(`plan-import${device}`, ".modal .o_field_widget[name=file] .o_clear_file_button"),
        {
            content: "Import",
            trigger: ".modal button[name=action_import]",
            run: "click",
        },
        {
            content: "The draft opens with the account of the import",
            trigger: ".o_form_view .o_union_import_account:contains('Đã nhận dạng')",
        },
        {
            content: "What was not recognised is named, not dropped",
            trigger: ".o_union_import_account:contains('Danh sách công đoàn cơ sở đăng ký')",
        },
        {
            content: "A draft",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value='draft']",
        },
    ];
}

tours.add("union_campaign_officer_imports_plan", {
    steps: () => [
        {
            content: "Import a plan document, from the plans list",
            trigger: ".o_list_view .o_control_panel_actions button:contains('Nhập văn bản kế hoạch'), .o_list_buttons button:contains('Nhập văn bản kế hoạch'), .o_control_panel button:contains('Nhập văn bản kế hoạch')",
            run: "click",
        },
        ...importSteps(),
        shot("plan-import-draft", ".o_union_import_account"),
    ],
});

tours.add("union_campaign_officer_imports_plan_phone", {
    steps: () => [
        {
            content: "The menu",
            trigger: ".o_navbar .o_menu_toggle",
            run: "click",
        },
        {
            content: "Import a plan document",
            trigger: ".o_app_menu_sidebar [data-menu-xmlid='union_campaign.menu_union_campaign_import']",
            run: "click",
        },
        ...importSteps("-phone"),
        noSidewaysScroll("draft", ".o_union_import_account"),
        shot("plan-import-draft-phone", ".o_union_import_account"),
    ],
});
