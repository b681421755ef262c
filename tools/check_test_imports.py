# Copyright 2026 union_campaign contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fail for each test module given that its package's __init__.py does not import: Odoo runs only the test
modules that tests/__init__.py imports, and says nothing of the others (a hook of .pre-commit-config.yaml)."""

import ast
import sys
from pathlib import Path


def imported(init):
    """The modules `from . import a, b` and `from .a import x` name in `init`."""
    names = set()
    for node in ast.walk(ast.parse(init.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            names.update([node.module] if node.module else [alias.name for alias in node.names])
    return names


def main(paths):
    missing = [path for path in map(Path, paths) if path.stem not in imported(path.parent / "__init__.py")]
    for path in missing:
        print(f"{path} is not imported in {path.parent / '__init__.py'}: Odoo never runs it")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
