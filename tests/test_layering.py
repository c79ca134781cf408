"""The domain knows no screen, no disk format library and no PDF (ARCHITECTURE.md)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

FORBIDDEN = ("PySide6", "matplotlib", "reportlab", "tinydb", "openpyxl", "filelock", "platformdirs")
DOMAIN = Path(__file__).parents[1] / "cemassess" / "domain"


def test_importing_the_domain_loads_no_ui_pdf_or_storage_library():
    code = (
        "import sys, pkgutil, importlib, cemassess.domain as d\n"
        "for m in pkgutil.iter_modules(d.__path__): importlib.import_module('cemassess.domain.' + m.name)\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"the domain pulled in: {out.stdout.strip()}"


def test_domain_sources_import_nothing_from_upper_floors():
    for path in DOMAIN.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for n in names:
                assert not n.startswith(FORBIDDEN), f"{path.name} imports {n}"
                if n.startswith("cemassess."):
                    assert n.startswith("cemassess.domain"), f"{path.name} imports {n}"
