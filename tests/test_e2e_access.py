# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a unit reporter and a manager may read and do, asked over JSON-RPC of a running server."""

import pytest
from odoo_rpc import RpcError

ACCESS_ERROR = "odoo.exceptions.AccessError"


def _new_plan(manager, ref, reference, unit_ids):
    federation = ref("union_campaign.unit_ldld_long_bien")
    return manager.call(
        "union.campaign",
        "create",
        {
            "name": f"Kế hoạch {reference}",
            "reference": reference,
            "issuing_unit_id": federation,
            "issue_date": "2027-01-04",
            "unit_ids": [(6, 0, unit_ids)],
            "phase_ids": [(0, 0, {"name": "Giai đoạn 1", "date_start": "2027-02-01", "date_end": "2027-02-28"})],
        },
    )


def test_manager_sees_seed_plan(login):
    """The manager reads plan 43/KH-LĐLĐ with its 3 phases, its content items and its 11 slogans."""
    manager = login("uc_manager")
    plans = manager.call(
        "union.campaign", "search_read", [("reference", "=", "43/KH-LĐLĐ")], ["phase_ids", "slogan_ids", "state"]
    )
    assert len(plans) == 1
    assert len(plans[0]["phase_ids"]) == 3
    assert len(plans[0]["slogan_ids"]) == 11
    items = manager.call("union.campaign.item", "search_count", [("campaign_id", "=", plans[0]["id"])])
    assert items >= 12


def test_reporter_reads_only_plans_of_own_units(login, ref):
    """A reporter sees the seed plan (their schools take part) but not a draft, nor a plan of other units."""
    manager, reporter = login("uc_manager"), login("uc_reporter")
    schools = [ref(f"union_campaign.{x}") for x in ("unit_th_thcs_ngoc_thuy", "unit_th_mam_non_hoa_sua")]
    agencies = [ref("union_campaign.unit_cq_bo_de")]
    plan_schools = _new_plan(manager, ref, "201/KH-E2E", schools)
    plan_agencies = _new_plan(manager, ref, "202/KH-E2E", agencies)
    manager.call("union.campaign", "action_submit", [plan_schools, plan_agencies])
    manager.call("union.campaign", "action_approve", [plan_schools, plan_agencies])
    draft = _new_plan(manager, ref, "203/KH-E2E", schools)

    visible = reporter.call("union.campaign", "search_read", [], ["reference"])
    references = {plan["reference"] for plan in visible}
    assert {"43/KH-LĐLĐ", "201/KH-E2E"} <= references
    assert not references & {"202/KH-E2E", "203/KH-E2E"}
    for forbidden in (plan_agencies, draft):
        with pytest.raises(RpcError) as error:
            reporter.call("union.campaign", "read", [forbidden], ["name"])
        assert error.value.name == ACCESS_ERROR


def test_reporter_cannot_change_or_approve(login, ref):
    """A reporter can neither edit a plan nor approve one; a manager can approve."""
    manager, reporter = login("uc_manager"), login("uc_reporter")
    seed = ref("union_campaign.campaign_43")
    with pytest.raises(RpcError) as error:
        reporter.call("union.campaign", "write", [seed], {"name": "Hacked"})
    assert error.value.name == ACCESS_ERROR
    schools = [ref("union_campaign.unit_th_thcs_ngoc_thuy")]
    plan = _new_plan(manager, ref, "204/KH-E2E", schools)
    manager.call("union.campaign", "action_submit", [plan])
    with pytest.raises(RpcError) as error:
        reporter.call("union.campaign", "action_approve", [plan])
    assert error.value.name == ACCESS_ERROR
    manager.call("union.campaign", "action_approve", [plan])
    assert manager.call("union.campaign", "read", [plan], ["state"])[0]["state"] == "approved"


def test_bad_input_is_refused_over_rpc(login, ref):
    """A duplicate number and a phase ending before it starts are refused with a clear message."""
    manager = login("uc_manager")
    federation = ref("union_campaign.unit_ldld_long_bien")
    with pytest.raises(RpcError) as error:
        manager.call(
            "union.campaign",
            "create",
            {"name": "Trùng số", "reference": "43/KH-LĐLĐ", "issuing_unit_id": federation, "issue_date": "2020-05-01"},
        )
    assert error.value.name == "odoo.exceptions.ValidationError"
    plan = _new_plan(manager, ref, "205/KH-E2E", [])
    with pytest.raises(RpcError) as error:
        manager.call(
            "union.campaign.phase",
            "create",
            {"campaign_id": plan, "name": "Sai", "date_start": "2027-03-01", "date_end": "2027-02-01"},
        )
    assert error.value.name == "odoo.exceptions.ValidationError"
    assert manager.call("union.campaign.phase", "search_count", [("campaign_id", "=", plan)]) == 1
