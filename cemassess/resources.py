"""One resolver for the data in resources/, from a checkout, an installed wheel or a bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    pkg = Path(__file__).resolve().parent
    candidates = [
        pkg / "resources",  # installed wheel (hatch force-include) and frozen bundles
        pkg.parent / "resources",  # source checkout / editable install
    ]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "cemassess" / "resources")
    for c in candidates:
        if (c / "frameworks").is_dir():
            return c
    raise FileNotFoundError("cemassess resources folder not found; the installation is incomplete")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
