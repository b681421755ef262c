/** @odoo-module **/
// Copyright 2026 union_campaign contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import { onMounted, onWillUnmount } from "@odoo/owl";
import { browser } from "@web/core/browser/browser";
import { patch } from "@web/core/utils/patch";
import { X2ManyFieldDialog } from "@web/views/fields/relational_utils";

const LINE_MODEL = "union.unit.report.line";

/**
 * On a phone, a report's line opens full screen: the phone's Back must close it, keeping what was typed in the
 * report, not leave the report. The dialog takes a history entry of its own; going back to the entry under it
 * (marked not to reload the page) closes the dialog as its Save button would.
 */
patch(X2ManyFieldDialog.prototype, {
    setup() {
        super.setup(...arguments);
        if (!this.env.isSmall || this.record.resModel !== LINE_MODEL) {
            return;
        }
        const underlying = browser.history.state;
        const onPopState = () => {
            this.unionBackPressed = true;
            browser.history.replaceState(underlying, "", browser.location.href);
            this.save({ saveAndNew: false });
        };
        onMounted(() => {
            browser.history.replaceState({ ...underlying, skipRouteChange: true }, "", browser.location.href);
            browser.history.pushState(underlying, "", browser.location.href);
            browser.addEventListener("popstate", onPopState);
        });
        onWillUnmount(() => {
            browser.removeEventListener("popstate", onPopState);
            if (!this.unionBackPressed) {
                // Closed by its own buttons: drop the dialog's entry (the entry under it does not reload the
                // report), then give that entry back its own state.
                const restore = () => {
                    browser.removeEventListener("popstate", restore);
                    browser.history.replaceState(underlying, "", browser.location.href);
                };
                browser.addEventListener("popstate", restore);
                browser.history.back();
            }
        });
    },
});
