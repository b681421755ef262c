# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Odoo opened inside the test process, on the database `make test` prepared, for tests that need real cursors
(several at once, committing for real): concurrency and crash-resume. Nothing here is mocked."""

import os
from contextlib import contextmanager

import pytest


def odoo_command():
    """The odoo-bin command line `make test` prepared for the end-to-end tests (fails loudly without it)."""
    command = os.environ.get("UC_ODOO_CMD")
    if not command:
        pytest.fail(
            "UC_ODOO_CMD is not set: the end-to-end tests need the database and the Odoo command "
            "that `make test` prepares. Run them with `make test` (or `make test K=<expr>`).",
            pytrace=False,
        )
    return command.split("\x1f")


_loaded = {}


def registry():
    """The database's registry, loaded once per test session."""
    if "registry" not in _loaded:
        parts = odoo_command()
        args = parts[next(i for i, part in enumerate(parts) if part.endswith("odoo-bin")) + 1 :]
        # Imported here: the tests that only talk RPC need no Odoo (make test's virtualenv has its tree on the path).
        import odoo  # noqa: PLC0415
        from odoo.modules.registry import Registry  # noqa: PLC0415

        odoo.tools.config.parse_config([*args, "--log-level", "warn"])
        _loaded["registry"] = Registry(os.environ["UC_ODOO_DB"])
    return _loaded["registry"]


@contextmanager
def environment(login="__system__", commit=True):
    """A fresh cursor and environment as `login`; committed at the end unless `commit` is false."""
    database = registry()
    import odoo  # noqa: PLC0415 - loaded by registry() above

    with database.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"lang": "en_US", "tz": "Asia/Ho_Chi_Minh"})
        if login != "__system__":
            user = env["res.users"].search([("login", "=", login)])
            assert user, f"no user {login}"
            env = env(user=user.id)
        yield env
        if commit:
            cr.commit()
        else:
            cr.rollback()
