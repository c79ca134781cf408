"""How charts and the report look: a chart theme (shared with the app) and the consultant's branding."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_ACCENT = "#1f5f8b"
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def safe_accent(value: object) -> str:
    """The colour if it is #rgb or #rrggbb, else the default: a typo in the settings must not
    cost the consultant the report."""
    return value if isinstance(value, str) and _HEX.match(value) else DEFAULT_ACCENT


@dataclass(frozen=True)
class ChartTheme:
    """Look of the charts. The app passes font_scale ~1.6 in presentation mode."""

    accent: str = DEFAULT_ACCENT
    font_scale: float = 1.0
    dpi: int = 150
    dark: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "accent", safe_accent(self.accent))
        object.__setattr__(self, "font_scale", min(4.0, max(0.5, float(self.font_scale))))
        object.__setattr__(self, "dpi", min(600, max(30, int(self.dpi))))

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
    """The consultant's branding for the report cover and accents (neutral by default).
    An accent too light to read on white (contrast below 4.5:1) is darkened, hue kept:
    headings and figures drawn in it must stay visible. `accent_adjusted` says so."""

    consultant: str = ""
    logo: Path | None = None
    accent: str = DEFAULT_ACCENT
    accent_adjusted: bool = False

    def __post_init__(self) -> None:
        from cemassess.report.palette import readable

        given = safe_accent(self.accent)
        fixed = readable(given)
        object.__setattr__(self, "accent", fixed)
        if fixed.lower() != ("#" + "".join(c * 2 for c in given[1:]) if len(given) == 4 else given).lower():
            object.__setattr__(self, "accent_adjusted", True)


def accent_problem(value: str) -> str | None:
    """Why an accent given on the command line cannot be used, or None."""
    from cemassess.report.palette import MIN_CONTRAST, contrast

    if not (isinstance(value, str) and _HEX.match(value)):
        return f"--accent {value!r}: give a colour as #RRGGBB"
    ratio = contrast(value)
    if ratio < MIN_CONTRAST:
        return (f"--accent {value}: contrast {ratio:.1f}:1 against the white page is below {MIN_CONTRAST}:1, so "
                f"headings and figures would be hard to read; choose a darker colour")
    return None


def logo_problem(path: Path) -> str | None:
    """Why a logo file cannot be used (missing, not an image, unreadable), or None."""
    if not path.is_file():
        return f"{path}: no such logo file"
    try:
        if path.stat().st_size > 20 * 1024 * 1024:
            return f"{path}: the logo is larger than 20 MB"
        from PIL import Image

        with Image.open(path) as im:
            im.verify()
        with Image.open(path) as im:
            im.load()
            if im.format not in ("PNG", "JPEG", "GIF", "BMP"):
                return f"{path}: the logo must be a PNG or JPEG image (this is {im.format})"
    except Exception:
        return f"{path}: not a readable image; give the logo as a PNG or JPEG file"
    return None
