#!/usr/bin/env python3
# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Take the README's screenshots from a running demo server (`make run`), in headless Chromium.

    python3 tools/screenshots.py [--url http://localhost:8069] [--db union_campaign_demo]

Runs inside the project's virtualenv (it needs websocket-client): `make screenshots` does that.
Logs in as the demo users over JSON-RPC, hands the session cookie to Chromium through the DevTools
protocol and saves PNG files in docs/images/.
"""

import argparse
import base64
import json
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import websocket

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "images"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def login(url, db, user):
    payload = json.dumps(
        {"jsonrpc": "2.0", "method": "call", "params": {"db": db, "login": user, "password": user}}
    ).encode()
    request = urllib.request.Request(
        f"{url}/web/session/authenticate", data=payload, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        cookie = response.headers["Set-Cookie"]
        answer = json.loads(response.read())
    if "error" in answer:
        raise SystemExit(f"login as {user} failed: {answer['error']['data']['message']}")
    return cookie.split("session_id=", 1)[1].split(";", 1)[0]


def rpc(url, service, method, *args):
    payload = {"jsonrpc": "2.0", "method": "call", "params": {"service": service, "method": method, "args": args}}
    request = urllib.request.Request(
        f"{url}/jsonrpc", data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        answer = json.loads(response.read())
    if "error" in answer:
        raise SystemExit(answer["error"]["data"]["message"])
    return answer["result"]


def ref(url, db, xmlid):
    """Database id of a demo record, looked up as the demo database's admin (admin/admin)."""
    uid = rpc(url, "common", "login", db, "admin", "admin")
    return rpc(
        url, "object", "execute_kw", db, uid, "admin", "ir.model.data", "check_object_reference", xmlid.split(".")
    )[1]


class Chrome:
    """Just enough of the DevTools protocol to load a page with a cookie and capture it."""

    def __init__(self, width, height, mobile=False):
        self.port = free_port()
        self.profile = tempfile.mkdtemp(prefix="uc_shots_")
        binary = shutil.which("chromium") or shutil.which("google-chrome")
        self.proc = subprocess.Popen(
            [
                binary,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                f"--remote-debugging-port={self.port}",
                f"--user-data-dir={self.profile}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _attempt in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json/list", timeout=2) as response:
                    pages = [t for t in json.loads(response.read()) if t["type"] == "page"]
                if pages:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        self.ws = websocket.create_connection(pages[0]["webSocketDebuggerUrl"], suppress_origin=True)
        self.counter = 0
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=mobile,
        )

    def send(self, method, **params):
        self.counter += 1
        self.ws.send(json.dumps({"id": self.counter, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.counter:
                return message.get("result", {})

    def wait_for(self, selector, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            found = self.send(
                "Runtime.evaluate", expression=f"!!document.querySelector({json.dumps(selector)})", returnByValue=True
            )
            if found.get("result", {}).get("value"):
                time.sleep(1.0)  # let the fonts and the last renders settle
                return
            time.sleep(0.3)
        raise SystemExit(f"timeout waiting for {selector}")

    def shoot(self, url, cookie, selector, path, clicks=()):
        host = url.split("//", 1)[1].split("/", 1)[0].split(":", 1)[0]
        self.send("Network.setCookie", name="session_id", value=cookie, domain=host, path="/")
        self.send("Page.navigate", url=url)
        self.wait_for(selector)
        for click in clicks:
            self.send("Runtime.evaluate", expression=f"document.querySelector({json.dumps(click)}).click()")
            time.sleep(2)
        data = self.send("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))
        print(f"saved {path.relative_to(ROOT)}")

    def close(self):
        self.ws.close()
        self.proc.terminate()
        self.proc.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", default="union_campaign_demo")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    seed = ref(args.url, args.db, "union_campaign.campaign_43")
    officer = login(args.url, args.db, "uc_officer")
    chrome = Chrome(1366, 820)
    try:
        chrome.shoot(
            f"{args.url}/odoo/action-union_campaign.union_campaign_action/{seed}",
            officer,
            ".o_form_view .o_field_widget[name=name]",
            OUT / "plan-form.png",
        )
        chrome.shoot(
            f"{args.url}/odoo/action-union_campaign.union_campaign_action/{seed}",
            officer,
            ".o_form_view button[name=action_view_compliance_matrix]",
            OUT / "compliance-matrix.png",
            clicks=(".o_statusbar_buttons button[name=action_view_compliance_matrix]",),
        )
    finally:
        chrome.close()
    reporter = login(args.url, args.db, "uc_reporter")
    phone = Chrome(390, 844, mobile=True)
    try:
        phone.shoot(
            f"{args.url}/odoo/action-union_campaign.union_unit_report_action",
            reporter,
            ".o_kanban_record, .o_data_row",
            OUT / "reporter-phone.png",
        )
    finally:
        phone.close()


if __name__ == "__main__":
    main()
