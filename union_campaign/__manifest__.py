# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Union Campaigns",
    "summary": "Trade-union work plans (Kế hoạch): phases, activities, unit reports, approvals",
    "version": "18.0.1.0.0",
    "category": "Productivity/Union Campaigns",
    "website": "https://github.com/union-campaign/union_campaign",
    "author": "union_campaign contributors",
    "license": "AGPL-3",
    "depends": ["base_setup", "mail", "web", "report_xlsx"],
    "data": [
        "security/union_campaign_groups.xml",
        "security/ir.model.access.csv",
        "security/union_campaign_rules.xml",
        "data/union_campaign_form_data.xml",
        "data/mail_activity_type_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "views/union_unit_views.xml",
        "views/union_campaign_form_views.xml",
        "views/union_campaign_phase_views.xml",
        "views/union_campaign_activity_views.xml",
        "views/union_campaign_views.xml",
        "views/union_unit_report_views.xml",
        "views/res_config_settings_views.xml",
        # reports (PDF and XLSX)
        "reports/union_campaign_reports.xml",
        "reports/union_campaign_layout_templates.xml",
        "reports/union_campaign_plan_templates.xml",
        "reports/union_campaign_results_templates.xml",
        "reports/union_unit_report_templates.xml",
        "wizards/union_review_return_wizard_views.xml",
        "views/union_campaign_menus.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "union_campaign/static/src/**/*",
        ],
        "web.assets_tests": [
            "union_campaign/static/tests/tours/**/*",
        ],
    },
    "demo": [
        "demo/union_unit_demo.xml",
        "demo/res_users_demo.xml",
        "demo/union_campaign_demo.xml",
        "demo/union_unit_report_demo.xml",
        "demo/union_campaign_current_demo.xml",
    ],
    "application": True,
}
