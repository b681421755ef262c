# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A unit report's whole life over JSON-RPC, by the three people who take part in it."""

import base64

import pytest
from odoo_rpc import RpcError


@pytest.fixture(scope="module")
def running_plan(login, ref):
    """A two-step plan for two schools of uc_reporter and one agency of uc_reporter2, launched by the officer."""
    manager, officer = login("uc_manager"), login("uc_officer")
    units = [ref(f"union_campaign.{x}") for x in ("unit_th_thcs_ngoc_thuy", "unit_th_thpt_thach_ban", "unit_cq_bo_de")]
    plan = officer.call(
        "union.campaign",
        "create",
        {
            "name": "Tuyên truyền Luật Công đoàn (sửa đổi)",
            "reference": "301/KH-E2E",
            "issuing_unit_id": ref("union_campaign.unit_ldld_long_bien"),
            "issue_date": "2027-01-04",
            "review_steps": 2,
            "approver_id": manager.uid,
            "unit_ids": [(6, 0, units)],
            "phase_ids": [
                (
                    0,
                    0,
                    {
                        "name": "Giai đoạn 1",
                        "date_start": "2027-02-01",
                        "date_end": "2027-02-28",
                        "item_ids": [
                            (0, 0, {"name": "Hội nghị phổ biến", "target_qty": 1, "evidence_required": True}),
                            (0, 0, {"name": "Đăng tin", "target_qty": 2}),
                        ],
                    },
                )
            ],
        },
    )
    officer.call("union.campaign", "action_submit", [plan])
    manager.call("union.campaign", "action_approve", [plan])
    officer.call("union.campaign", "action_launch", [plan])
    return plan


def _report_of(session, plan, unit_id):
    ids = session.call("union.unit.report", "search", [("campaign_id", "=", plan), ("unit_id", "=", unit_id)])
    assert len(ids) == 1
    return ids[0]


def test_full_cycle_three_users(login, ref, running_plan):
    """draft → submitted → returned → submitted → approved (step 1 by the officer, step 2 by the manager)."""
    reporter, officer, manager = login("uc_reporter"), login("uc_officer"), login("uc_manager")
    report = _report_of(reporter, running_plan, ref("union_campaign.unit_th_thcs_ngoc_thuy"))
    lines = reporter.call(
        "union.unit.report.line", "search_read", [("report_id", "=", report)], ["name", "evidence_required"]
    )
    assert len(lines) == 2
    evidence = reporter.call(
        "ir.attachment",
        "create",
        {
            "name": "bien-ban.txt",
            "datas": base64.b64encode(b"Bien ban").decode(),
            "res_model": "union.unit.report",
            "res_id": report,
        },
    )
    for line in lines:
        vals = {"is_done": True, "qty_done": 2, "participant_count": 40}
        if line["evidence_required"]:
            vals["attachment_ids"] = [(4, evidence)]
        else:
            vals["post_urls"] = "https://www.facebook.com/congdoan.thcsngocthuy/posts/1"
        reporter.call("union.unit.report.line", "write", [line["id"]], vals)

    reporter.call("union.unit.report", "action_submit", [report])
    officer.call("union.unit.report", "action_return", [report], reason="Bổ sung danh sách người tham gia")
    state = reporter.call("union.unit.report", "read", [report], ["state"])[0]["state"]
    assert state == "returned"
    reporter.call("union.unit.report", "action_submit", [report])
    officer.call("union.unit.report", "action_approve", [report])
    with pytest.raises(RpcError) as error:
        officer.call("union.unit.report", "action_approve", [report])
    assert error.value.name == "odoo.exceptions.AccessError"
    manager.call("union.unit.report", "action_approve", [report])
    final = reporter.call("union.unit.report", "read", [report], ["state", "review_ids"])[0]
    assert final["state"] == "approved"
    history = reporter.call("union.unit.report.review", "read", final["review_ids"], ["decision", "step", "reason"])
    assert sorted((h["decision"], h["step"]) for h in history) == [
        ("approved", 1),
        ("approved", 2),
        ("returned", 1),
        ("submitted", 0),
        ("submitted", 0),
    ]
    with pytest.raises(RpcError) as error:
        officer.call("union.unit.report", "write", [report], {"summary": "<p>sửa</p>"})
    assert error.value.name == "odoo.exceptions.UserError"


def test_reporter_cannot_read_other_units(login, ref, running_plan):
    """The schools' reporter gets an AccessError on the agency's report, over RPC too."""
    reporter, reporter2 = login("uc_reporter"), login("uc_reporter2")
    agency_report = _report_of(reporter2, running_plan, ref("union_campaign.unit_cq_bo_de"))
    with pytest.raises(RpcError) as error:
        reporter.call("union.unit.report", "read", [agency_report], ["summary"])
    assert error.value.name == "odoo.exceptions.AccessError"
    visible = reporter.call("union.unit.report", "search_count", [("campaign_id", "=", running_plan)])
    assert visible == 2


def test_bad_report_input(login, ref, running_plan):
    """Missing evidence, a negative quantity and a link that is not a URL are refused with clear messages."""
    reporter = login("uc_reporter")
    report = _report_of(reporter, running_plan, ref("union_campaign.unit_th_thpt_thach_ban"))
    lines = reporter.call("union.unit.report.line", "search_read", [("report_id", "=", report)], ["evidence_required"])
    needs_evidence = next(line["id"] for line in lines if line["evidence_required"])
    reporter.call("union.unit.report.line", "write", [needs_evidence], {"is_done": True})
    with pytest.raises(RpcError) as error:
        reporter.call("union.unit.report", "action_submit", [report])
    assert error.value.name == "odoo.exceptions.UserError"
    with pytest.raises(RpcError) as error:
        reporter.call("union.unit.report.line", "write", [needs_evidence], {"qty_done": -3})
    assert error.value.name == "odoo.exceptions.ValidationError"
    with pytest.raises(RpcError) as error:
        reporter.call("union.unit.report.line", "write", [needs_evidence], {"post_urls": "facebook.com/x"})
    assert error.value.name == "odoo.exceptions.ValidationError"
    assert reporter.call("union.unit.report", "read", [report], ["state"])[0]["state"] == "draft"
