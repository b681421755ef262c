/** @odoo-module **/
// Copyright 2026 union_campaign contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
/**
 * The units' portal on a phone (390x844): a portal reporter goes from /my to a submitted report with a quantity,
 * a link and a photo, counting the taps; sent back, they fix it and submit it again. Run by tests/test_ui_portal.py.
 */
import { registry } from "@web/core/registry";
import { noSidewaysScroll, pickFile, shot, tap } from "@union_campaign/../tests/tours/union_campaign_daily_tours";

const tours = registry.category("web_tour.tours");

// A 1x1 PNG: the portal checks the content, not the name, of a photo.
const PNG_BASE64 =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

function png() {
    return Uint8Array.from(atob(PNG_BASE64), (char) => char.charCodeAt(0));
}

const FIRST_LINE = ".o_union_portal_line:first";

tours.add("union_campaign_portal_phone", {
    steps: () => [
        {
            content: "Start counting",
            trigger: "body",
            run() {
                sessionStorage.setItem("ucTaps", "0");
            },
        },
        noSidewaysScroll("portal home", "#portal_union_report_category"),
        shot("portal-home", "#portal_union_report_category"),
        tap({
            content: "Union reports",
            trigger: "#portal_union_report_category a[href='/my/union-reports']",
            run: "click",
            expectUnloadPage: true,
        }),
        noSidewaysScroll("list of reports", ".o_union_portal_report"),
        tap({
            content: "The report of the current plan",
            trigger: ".o_union_portal_report:contains('57/KH'):first",
            run: "click",
            expectUnloadPage: true,
        }),
        tap({
            content: "Its first item is done",
            trigger: `${FIRST_LINE} input[name$='-is_done']`,
            run: "click",
        }),
        tap({
            content: "How much",
            trigger: `${FIRST_LINE} input[name$='-qty_done']`,
            run: "edit 2",
        }),
        tap({
            content: "The link of the post",
            trigger: `${FIRST_LINE} textarea[name$='-post_urls']`,
            run: "edit https://www.facebook.com/congdoan.ttyt/posts/2027",
        }),
        tap({
            content: "The photo of the event",
            trigger: `${FIRST_LINE} input[type=file]`,
            async run() {
                const input = document.querySelector(".o_union_portal_line input[type=file]");
                await pickFile(input, "hoi-nghi.png", png(), "image/png");
            },
        }),
        noSidewaysScroll("report", ".o_union_portal_submit"),
        shot("portal-report", ".o_union_portal_submit"),
        tap({
            content: "Submit",
            trigger: ".o_union_portal_submit",
            run: "click",
            expectUnloadPage: true,
        }),
        {
            content: "Submitted",
            trigger: ".o_union_portal_success",
        },
        {
            content: "At most ten taps",
            trigger: "body",
            run() {
                const taps = Number(sessionStorage.getItem("ucTaps"));
                if (!taps || taps > 10) {
                    throw new Error(`${taps} taps from /my to a submitted report`);
                }
                console.info(`union_campaign: ${taps} taps from /my to a submitted report on the portal`);
            },
        },
    ],
});

tours.add("union_campaign_portal_phone_resubmit", {
    steps: () => [
        noSidewaysScroll("sent-back report", ".o_union_return_reason"),
        shot("portal-returned", ".o_union_return_reason"),
        {
            content: "The quantity asked by the officer",
            trigger: `${FIRST_LINE} input[name$='-qty_done']`,
            run: "edit 3",
        },
        {
            content: "Submit again",
            trigger: ".o_union_portal_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Submitted again",
            trigger: ".o_union_portal_success",
        },
    ],
});
