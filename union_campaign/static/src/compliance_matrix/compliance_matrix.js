/** @odoo-module **/
// Copyright 2026 union_campaign contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import { Component, onWillStart, useState } from "@odoo/owl";
import { browser } from "@web/core/browser/browser";
import { deserializeDate, formatDate } from "@web/core/l10n/dates";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { useSetupAction } from "@web/search/action_hook";
import { standardActionServiceProps } from "@web/webclient/actions/action_service";

/**
 * Compliance matrix of a plan: its units down, the reports its schedule asks across (a period, a quarter,
 * the final report...), each cell the state of that unit's report. A click on a cell opens the report; the unit type filter narrows the rows.
 */
export class ComplianceMatrix extends Component {
    static template = "union_campaign.ComplianceMatrix";
    static props = { ...standardActionServiceProps };

    setup() {
        this.orm = useService("orm");
        this.actionService = useService("action");
        const { params = {}, context = {} } = this.props.action;
        this.campaignId = params.campaign_id || context.active_id;
        // The unit type chosen stays chosen when the user comes back from a report, by the breadcrumbs or by the
        // browser's Back (which rebuilds the action from its URL: the choice is kept in the session, per plan).
        this.storageKey = `union_campaign.matrix_unit_type.${this.campaignId}`;
        const stored = parseInt(browser.sessionStorage.getItem(this.storageKey)) || "";
        this.state = useState({
            data: null,
            levels: null,
            acrossLevels: Boolean(this.props.state?.acrossLevels),
            unitType: this.props.state?.unitType || stored,
        });
        useSetupAction({
            getLocalState: () => ({ unitType: this.state.unitType, acrossLevels: this.state.acrossLevels }),
        });
        onWillStart(() => this.load());
    }

    async load() {
        const kwargs = { unit_type_id: this.state.unitType || false };
        this.state.data = await this.orm.call("union.campaign", "get_compliance_matrix", [[this.campaignId]], kwargs);
        // The plans implementing this one below, each level a table of its own (its own deadlines across).
        this.state.levels =
            this.state.acrossLevels && this.state.data.has_levels
                ? await this.orm.call("union.campaign", "get_compliance_matrix_levels", [[this.campaignId]], kwargs)
                : null;
    }

    async onAcrossLevelsChange(ev) {
        this.state.acrossLevels = ev.target.checked;
        await this.load();
    }

    /** The tables shown: the plan's own, or one per plan down the chain. */
    get blocks() {
        if (this.state.levels) {
            return this.state.levels.blocks;
        }
        const { campaign, columns, rows } = this.state.data;
        return [{ campaign, columns, rows, depth: 0 }];
    }

    async onUnitTypeChange(ev) {
        this.state.unitType = parseInt(ev.target.value) || "";
        browser.sessionStorage.setItem(this.storageKey, this.state.unitType || "");
        await this.load();
    }

    get totals() {
        const totals = {};
        for (const block of this.blocks) {
            for (const row of block.rows) {
                for (const cell of row.cells) {
                    totals[cell.state] = (totals[cell.state] || 0) + 1;
                }
            }
        }
        return totals;
    }

    formatDeadline(value) {
        return value ? formatDate(deserializeDate(value)) : "";
    }

    cellTitle(row, cell) {
        const lateText = cell.late_label ? ` (${cell.late_label})` : "";
        return `${row.unit}: ${cell.label}${lateText}`;
    }

    openReport(cell) {
        if (!cell.report_id) {
            return;
        }
        this.actionService.doAction({
            type: "ir.actions.act_window",
            res_model: "union.unit.report",
            res_id: cell.report_id,
            views: [[false, "form"]],
        });
    }

    /**
     * Download the matrix as a spreadsheet, for the unit type shown; report_xlsx handles the action.
     */
    async exportXlsx() {
        await this.actionService.doAction({
            type: "ir.actions.report",
            report_type: "xlsx",
            report_name: "union_campaign.compliance_matrix_xlsx",
            report_file: "union_campaign.compliance_matrix_xlsx",
            // The file is named after the plan: "Compliance Matrix 43-KH-LĐLĐ.xlsx".
            name: [_t("Compliance Matrix"), (this.state.data?.campaign.reference || "").replaceAll("/", "-")]
                .filter(Boolean)
                .join(" "),
            data: { unit_type_id: this.state.unitType || false },
            context: {
                active_model: "union.campaign",
                active_id: this.campaignId,
                active_ids: [this.campaignId],
            },
        });
    }

    openCampaign() {
        this.actionService.doAction({
            type: "ir.actions.act_window",
            res_model: "union.campaign",
            res_id: this.campaignId,
            views: [[false, "form"]],
        });
    }
}

registry.category("actions").add("union_campaign.compliance_matrix", ComplianceMatrix);
