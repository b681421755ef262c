/** @odoo-module **/
// Copyright 2026 union_campaign contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import { ActivityMenu } from "@mail/core/web/activity_menu";
import { patch } from "@web/core/utils/patch";

// The plans and reports read as cards on a phone (their kanban views); a list there shows one column and a half.
const CARD_MODELS = ["union.campaign", "union.unit.report"];

patch(ActivityMenu.prototype, {
    openActivityGroup(group, filter = "all") {
        if (this.env.isSmall && CARD_MODELS.includes(group.model) && group.view_type === "list") {
            group = { ...group, view_type: "kanban" };
        }
        return super.openActivityGroup(group, filter);
    },
});
