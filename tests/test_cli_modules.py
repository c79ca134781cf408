"""The command-line modules import each other in one direction only (no cycle):
cli -> cli_store/cli_report/cli_room -> cli_common, and cli_common imports none of them."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "cemassess"
CLI = {"cemassess.cli", "cemassess.cli_store", "cemassess.cli_report", "cemassess.cli_room",
       "cemassess.cli_common"}


def _imports(module: str) -> set[str]:
    tree = ast.parse((PKG / f"{module.rsplit('.', 1)[1]}.py").read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):  # top-level and function-level imports alike
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out & CLI


def test_no_cli_module_imports_cli_and_cli_common_imports_none():
    assert _imports("cemassess.cli_common") == set()
    for mod in ("cemassess.cli_store", "cemassess.cli_report", "cemassess.cli_room"):
        assert "cemassess.cli" not in _imports(mod), mod
    assert "cemassess.cli_store" not in _imports("cemassess.cli_report")
    assert "cemassess.cli_store" not in _imports("cemassess.cli_room")
