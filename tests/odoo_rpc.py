# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A small JSON-RPC client for driving a running Odoo server from outside, as any integration would."""

import itertools
import json
import time
import urllib.request

_ids = itertools.count(1)


class RpcError(Exception):
    """An error answered by the server; `name` is the exception class, e.g. odoo.exceptions.AccessError."""

    def __init__(self, error):
        data = error.get("data") or {}
        self.name = data.get("name", "")
        self.message = data.get("message") or error.get("message", "")
        super().__init__(f"{self.name}: {self.message}")


def call(url, service, method, *args, timeout=120):
    payload = {
        "jsonrpc": "2.0",
        "method": "call",
        "params": {"service": service, "method": method, "args": args},
        "id": next(_ids),
    }
    request = urllib.request.Request(
        f"{url}/jsonrpc", data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        answer = json.loads(response.read())
    if "error" in answer:
        raise RpcError(answer["error"])
    return answer["result"]


def wait_until_up(url, process=None, timeout=180):
    """Wait until the Odoo server at `url` answers /web/health: True, or False once `process` has ended or
    `timeout` seconds have passed."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{url}/web/health", timeout=5) as response:
                if response.status == 200:
                    return True
        except OSError:
            pass
        if (process is not None and process.poll() is not None) or time.monotonic() > deadline:
            return False
        time.sleep(0.5)


class Session:
    """A logged-in user: `session.call(model, method, *args, **kwargs)`."""

    def __init__(self, url, db, login, password, timeout=120):
        self.url, self.db, self.login, self.password, self.timeout = url, db, login, password, timeout
        self.uid = call(url, "common", "login", db, login, password, timeout=timeout)
        if not self.uid:
            raise AssertionError(f"login refused for {login}")

    def call(self, model, method, *args, **kwargs):
        return call(
            self.url,
            "object",
            "execute_kw",
            self.db,
            self.uid,
            self.password,
            model,
            method,
            list(args),
            kwargs,
            timeout=self.timeout,
        )

    def ref(self, xmlid):
        """Database id of an XML id (needs a user who may read ir.model.data, e.g. admin)."""
        module, name = xmlid.split(".")
        rows = self.call("ir.model.data", "search_read", [("module", "=", module), ("name", "=", name)], ["res_id"])
        if not rows:
            raise AssertionError(f"no record {xmlid}")
        return rows[0]["res_id"]
