# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Import a plan document over JSON-RPC, as an integration would: upload it base64 through `create` of the wizard,
call `action_import`, and open the draft plan the action names."""

import base64
from pathlib import Path

import pytest
from odoo_rpc import RpcError

PLANS = Path(__file__).resolve().parent.parent / "union_campaign" / "tests" / "data" / "plans"
WIZARD = "union.campaign.import.wizard"


def _import(session, data, filename):
    wizard = session.call(WIZARD, "create", {"file": base64.b64encode(data).decode(), "filename": filename})
    return session.call(WIZARD, "action_import", [wizard])


def test_officer_imports_a_plan_over_rpc(login, ref):
    """The officer uploads the safety-month plan: a draft plan of the industrial-zone union, with its periods."""
    officer = login("uc_officer")
    data = (PLANS / "atvsld-2026-cd-kcn-bac-ninh.txt").read_bytes()
    action = _import(officer, data, "atvsld-2026-cd-kcn-bac-ninh.txt")
    assert (action["res_model"], action["view_mode"]) == ("union.campaign", "form")
    plan_id = action["res_id"]
    try:
        [plan] = officer.call(
            "union.campaign",
            "read",
            [plan_id],
            ["state", "reference", "issuing_unit_id", "phase_ids", "section_ids", "import_account"],
        )
        assert plan["state"] == "draft"
        assert plan["reference"] == "09/KH-CĐKCN"
        assert plan["issuing_unit_id"][0] == ref("union_campaign.unit_cd_kcn_bac_ninh")
        assert len(plan["phase_ids"]) == 3
        assert len(plan["section_ids"]) == 8  # its inspection schedule is a table of dated items
        assert "09/KH-CĐKCN" in plan["import_account"]
        sections = officer.call("union.campaign.section", "read", plan["section_ids"], ["name", "kind"])
        assert [s["name"] for s in sections][:3] == ["MỤC ĐÍCH, YÊU CẦU", "CHỦ ĐỀ", "THỜI GIAN VÀ NỘI DUNG"]
        assert "unrecognised" not in {s["kind"] for s in sections}
        assert "items" in {s["kind"] for s in sections}
    finally:
        officer.call("union.campaign", "unlink", [plan_id])


def test_bad_file_over_rpc_creates_nothing(login):
    """A .docx that is a zip of something else is refused with a clear message; no plan is created."""
    officer = login("uc_officer")
    before = officer.call("union.campaign", "search_count", [])
    with pytest.raises(RpcError) as error:
        _import(officer, b"PK\x05\x06" + b"\x00" * 18, "ke-hoach.docx")
    assert error.value.name == "odoo.exceptions.UserError"
    assert "ke-hoach.docx" in error.value.message
    assert officer.call("union.campaign", "search_count", []) == before


def test_reporter_cannot_import(login):
    """A unit reporter may not use the import."""
    reporter = login("uc_reporter")
    with pytest.raises(RpcError) as error:
        _import(reporter, (PLANS / "atvsld-2026-cd-kcn-bac-ninh.txt").read_bytes(), "plan.txt")
    assert error.value.name == "odoo.exceptions.AccessError"
