"""Render the app icon set from resources/icons/cemassess.svg.

    .venv/bin/python packaging/make_icons.py

Writes cemassess-<N>.png for N in SIZES (QtSvg draws the SVG; offscreen, no display
needed), cemassess.ico for Windows and cemassess.icns for macOS (Pillow packs the PNGs).
The SVG is the source: edit it, run this script, commit the SVG and what it wrote.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "cemassess.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an .ico holds


def png_path(size: int) -> Path:
    return ICONS / f"cemassess-{size}.png"


def render_png(size: int, target: Path) -> Path:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG}: not a valid SVG")
    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(p)
    p.end()
    if not img.save(str(target), "PNG"):
        raise SystemExit(f"could not write {target}")
    return target


def pack_ico_icns(tmp: Path) -> list[Path]:
    from PIL import Image

    imgs = {s: Image.open(png_path(s)).convert("RGBA") for s in SIZES}
    ico = ICONS / "cemassess.ico"
    imgs[256].save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                   append_images=[imgs[s] for s in ICO_SIZES if s != 256])
    # macOS wants up to 1024 px (512@2x): drawn from the SVG, not scaled up from 512
    big = Image.open(render_png(1024, tmp / "cemassess-1024.png")).convert("RGBA")
    icns = ICONS / "cemassess.icns"
    big.save(icns, format="ICNS", append_images=[imgs[s] for s in (16, 32, 64, 128, 256, 512)])
    return [ico, icns]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        made = [render_png(s, png_path(s)) for s in SIZES] + pack_ico_icns(Path(tmp))
    for p in made:
        print(f"{p.relative_to(ICONS.parent.parent)}  {p.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
