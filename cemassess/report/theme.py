"""How charts and the report look: a chart theme (shared with the app) and the consultant's branding."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ChartTheme:
    """Look of the charts. The app passes font_scale ~1.6 in presentation mode."""

    accent: str = "#1f5f8b"
    font_scale: float = 1.0
    dpi: int = 150
    dark: bool = False

    @property
    def fg(self) -> str:
        return "#e8e8e8" if self.dark else "#222222"

    @property
    def bg(self) -> str:
        return "#1e1f22" if self.dark else "#ffffff"

    @property
    def muted(self) -> str:
        return "#8a8f98" if self.dark else "#8c8c8c"

    @property
    def grid(self) -> str:
        return "#44474d" if self.dark else "#dddddd"

    @property
    def band(self) -> str:
        """Fill of the benchmark's P10-P90 band."""
        return "#6b7280" if self.dark else "#c9ced6"


@dataclass(frozen=True)
class Branding:
    """The consultant's branding for the report cover and accents (neutral by default)."""

    consultant: str = ""
    logo: Path | None = None
    accent: str = "#1f5f8b"
