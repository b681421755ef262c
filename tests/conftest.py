# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""End-to-end fixtures: a real Odoo server process on the test database prepared by `make test`."""

import os
import socket
import subprocess
from pathlib import Path

import pytest
from odoo_inprocess import odoo_command
from odoo_rpc import Session, wait_until_up


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def odoo_server(tmp_path_factory):
    """Start `odoo-bin` on the database `make test` installed, and stop it at the end."""
    command = odoo_command()
    port = _free_port()
    log_path = tmp_path_factory.mktemp("odoo") / "server.log"
    cmd = [*command, "--http-port", str(port), "--max-cron-threads", "0", "--log-level", "warn"]
    with open(log_path, "w") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    if not wait_until_up(url, proc):
        proc.kill()
        pytest.fail(f"Odoo did not start; its log:\n{Path(log_path).read_text()[-4000:]}", pytrace=False)
    yield {"url": url, "db": os.environ["UC_ODOO_DB"], "log": log_path}
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def login(odoo_server):
    """Log in as a demo user: `login("uc_manager")` (the demo password is the login)."""
    sessions = {}

    def _login(user, password=None):
        if user not in sessions:
            sessions[user] = Session(odoo_server["url"], odoo_server["db"], user, password or user)
        return sessions[user]

    return _login


@pytest.fixture(scope="session")
def ref(login):
    """Database id of a demo record's XML id, looked up as admin."""
    admin = login("admin")
    return admin.ref
