# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The second hostile probe, over JSON-RPC of a running server, as the probe made its calls: uploads of other
people and companies, report documents of a submitted report, foreign files and web links as evidence, the
approver renamed by an officer, numbers beyond the database's range."""

import base64

import pytest
from odoo_rpc import RpcError

ACCESS_ERROR = "odoo.exceptions.AccessError"
USER_ERRORS = ("odoo.exceptions.UserError", "odoo.exceptions.ValidationError", ACCESS_ERROR)


def _refused(call, *names):
    with pytest.raises(RpcError) as error:
        call()
    assert error.value.name in (names or USER_ERRORS), error.value
    return error.value


@pytest.fixture(scope="module")
def company_b_officer(login):
    """An officer of another company (created once through the admin's RPC)."""
    admin = login("admin")
    company = admin.call("res.company", "create", {"name": "Liên đoàn khác (E2E)"})
    groups = [admin.ref("base.group_user"), admin.ref("union_campaign.group_officer")]
    admin.call(
        "res.users",
        "create",
        {
            "name": "Officer B",
            "login": "e2e_officer_b",
            "password": "e2e_officer_b",
            "company_id": company,
            "company_ids": [(6, 0, [company])],
            "groups_id": [(6, 0, groups)],
        },
    )
    return login("e2e_officer_b")


def test_1_uploads_are_their_uploaders(login, company_b_officer):
    """Officer B lists none of officer A's uploads, cannot read, swap nor import them; the manager cannot either."""
    officer = login("uc_officer")
    upload = officer.call(
        "union.campaign.import.wizard",
        "create",
        {"file": base64.b64encode(b"KE HOACH").decode(), "filename": "ke-hoach.txt"},
    )
    for intruder in (company_b_officer, login("uc_manager")):
        assert intruder.call("union.campaign.import.wizard", "search_read", [], ["filename"]) == []
        _refused(lambda i=intruder: i.call("union.campaign.import.wizard", "read", [upload], ["file"]), ACCESS_ERROR)
        _refused(
            lambda i=intruder: i.call(
                "union.campaign.import.wizard", "write", [upload], {"file": base64.b64encode(b"FORGED").decode()}
            ),
            ACCESS_ERROR,
        )
        _refused(lambda i=intruder: i.call("union.campaign.import.wizard", "action_import", [upload]), ACCESS_ERROR)
    content = officer.call("union.campaign.import.wizard", "read", [upload], ["file"])[0]["file"]
    assert base64.b64decode(content) == b"KE HOACH"


def _submitted_report_with_document(login, ref):
    """A draft report of the reporter's, given a document and submitted (evidence where the plan asks it)."""
    reporter = login("uc_reporter")
    reports = reporter.call(
        "union.unit.report",
        "search_read",
        [("state", "=", "draft"), ("campaign_id.state", "=", "running"), ("user_id", "=", reporter.uid)],
        ["line_ids"],
        limit=1,
    )
    report = reports[0]["id"]
    document = reporter.call(
        "ir.attachment",
        "create",
        {
            "name": "danh-sach.txt",
            "datas": base64.b64encode(b"danh sach").decode(),
            "res_model": "union.unit.report",
            "res_id": report,
        },
    )
    reporter.call("union.unit.report", "write", [report], {"attachment_ids": [(4, document)]})
    for line in reporter.call("union.unit.report.line", "read", reports[0]["line_ids"], ["evidence_required"]):
        vals = {"is_done": True, "qty_done": 1}
        if line["evidence_required"]:
            evidence = reporter.call(
                "ir.attachment", "create", {"name": "anh.txt", "datas": base64.b64encode(b"anh").decode()}
            )
            vals["attachment_ids"] = [(4, evidence)]
        reporter.call("union.unit.report.line", "write", [line["id"]], vals)
    reporter.call("union.unit.report", "action_submit", [report])
    return report, document


def test_2_documents_of_a_submitted_report_are_locked(login, ref):
    """Officers and managers neither replace, rename, delete nor add to a submitted report's documents."""
    report, document = _submitted_report_with_document(login, ref)
    for user in (login("uc_officer"), login("uc_manager")):
        _refused(
            lambda u=user: u.call("ir.attachment", "write", [document], {"datas": base64.b64encode(b"x").decode()})
        )
        _refused(lambda u=user: u.call("ir.attachment", "write", [document], {"name": "khac.txt"}))
        _refused(lambda u=user: u.call("ir.attachment", "unlink", [document]))
        extra = user.call("ir.attachment", "create", {"name": "them.txt", "datas": base64.b64encode(b"t").decode()})
        _refused(lambda u=user, e=extra: u.call("union.unit.report", "write", [report], {"attachment_ids": [(4, e)]}))
    manager = login("uc_manager")
    assert manager.call("union.unit.report", "read", [report], ["attachment_ids"])[0]["attachment_ids"] == [document]


def test_6_and_11_foreign_files_and_web_links_are_not_evidence(login, ref, company_b_officer):
    """A reporter links no file of another unit or company, and no web link, into their report."""
    reporter = login("uc_reporter")
    report = reporter.call(
        "union.unit.report", "search", [("state", "=", "draft"), ("user_id", "=", reporter.uid)], limit=1
    )[0]
    foreign = company_b_officer.call(
        "ir.attachment", "create", {"name": "cong-ty-b.txt", "datas": base64.b64encode(b"b").decode()}
    )
    link = reporter.call("ir.attachment", "create", {"name": "link", "type": "url", "url": "javascript:alert(1)"})
    for attachment in (foreign, link):
        _refused(
            lambda a=attachment: reporter.call("union.unit.report", "write", [report], {"attachment_ids": [(4, a)]})
        )
    assert reporter.call("union.unit.report", "read", [report], ["attachment_ids"])[0]["attachment_ids"] == []


def test_7_officer_does_not_rename_the_approver(login, ref):
    """An officer cannot rename the approver of a plan waiting for approval."""
    officer, admin = login("uc_officer"), login("admin")
    plan = officer.call(
        "union.campaign",
        "create",
        {
            "name": "Kế hoạch chờ duyệt (E2E)",
            "reference": "351/KH-E2E",
            "issuing_unit_id": ref("union_campaign.unit_ldld_long_bien"),
            "issue_date": "2027-01-04",
            "unit_ids": [(6, 0, [ref("union_campaign.unit_th_thcs_ngoc_thuy")])],
            "phase_ids": [(0, 0, {"name": "Giai đoạn 1", "date_start": "2027-02-01", "date_end": "2027-02-28"})],
        },
    )
    officer.call("union.campaign", "action_submit", [plan])
    _refused(lambda: officer.call("union.campaign", "write", [plan], {"approver_id": admin.uid}))
    approver = officer.call("union.campaign", "read", [plan], ["approver_id"])[0]["approver_id"][0]
    assert approver == ref("union_campaign.user_manager")


def test_12_out_of_range_numbers_get_a_sentence(login, ref):
    """Integers beyond the database's range are refused with a translated error, not a database error."""
    manager = login("uc_manager")
    unit = ref("union_campaign.unit_th_thcs_ngoc_thuy")
    error = _refused(lambda: manager.call("union.unit", "write", [unit], {"member_count": 2**31}))
    assert error.name == "odoo.exceptions.ValidationError"
    phase = manager.call("union.campaign.phase", "search", [("campaign_id", "=", ref("union_campaign.campaign_43"))])
    error = _refused(lambda: manager.call("union.campaign.phase", "write", phase[:1], {"sequence": 2**40}))
    assert error.name == "odoo.exceptions.ValidationError"
