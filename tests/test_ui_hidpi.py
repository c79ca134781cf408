"""150% and 200% scaling. Qt reads QT_SCALE_FACTOR only before the QApplication exists, so each
case runs tests/hidpi_probe.py in a child process: a 1920×1080 screen (1280×720 device-
independent pixels at 150%, 960×540 at 200%) and a 1366×768 laptop at 150% (911×512); every
screen with the demo assessment and an event room, then presentation mode, in English,
Russian and Ukrainian. It fails when a label or table
cell that matters is cut off (the checks of tests/test_ui_layout.py), and when a chart on
show is not crisp: its image must be drawn at the device pixel ratio, one image pixel per
screen pixel, as wide as its slot (not a 1x image scaled up)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("hidpi_probe.py")
KINDS = {"results": {"radar", "gap_bars", "phase_progress", "nps_panel", "role_heatmap"},
         "event": {"strips", "phase_mix"}}


def probe(scale: float, lang: str, tmp_path: Path, physical: str = "1920x1080") -> dict:
    env = dict(os.environ, QT_SCALE_FACTOR=str(scale), QT_QPA_PLATFORM="offscreen",
               PYTHONFAULTHANDLER="1", CEMASSESS_DATA_DIR=str(tmp_path / "data"),
               CEMASSESS_CONFIG_DIR=str(tmp_path / "config"))
    env.pop("QT_SCREEN_SCALE_FACTORS", None)
    out = tmp_path / "probe.json"
    run = subprocess.run([sys.executable, str(PROBE), physical, lang, str(out)], env=env,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-4000:]
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
@pytest.mark.parametrize(("scale", "screen"), [(1.5, (1920, 1080)), (2.0, (1920, 1080)), (1.5, (1366, 768))],
                         ids=["150%-1920x1080", "200%-1920x1080", "150%-1366x768"])
def test_every_screen_fits_and_charts_are_crisp_when_scaled(tmp_path, scale, screen, lang):
    r = probe(scale, lang, tmp_path, f"{screen[0]}x{screen[1]}")
    assert r["window_dpr"] == pytest.approx(scale)
    assert r["window"] == [round(screen[0] / scale), round(screen[1] / scale)]
    assert not r["problems"], "\n".join(r["problems"][:40])
    charts = r["charts"]
    for screen, kinds in KINDS.items():  # every chart was looked at, on the screen and projected
        assert {c["kind"] for c in charts if c["screen"] == screen} == kinds
        assert {c["kind"] for c in charts if c["screen"] == f"presentation/{screen}"} == kinds
    for c in charts:
        where = f"{c['screen']}/{c['kind']}: {c}"
        assert c["title_visible"] and c["title"].strip(), where  # every chart says what it shows
        assert c["pixmap_dpr"] == pytest.approx(scale), where  # drawn at the device pixel ratio
        shown = c["pixmap_w"] / c["pixmap_dpr"]  # device-independent width on screen
        assert shown <= c["label_w"] + 1, where  # never wider than its slot (nothing cut off)
        if not c["enlarged"]:  # a slot's width, at scale x the pixels: drawn for it, not stretched
            assert c["pixmap_w"] >= 0.97 * scale * c["label_w"], where
        else:  # on the projector the chart grows up to its cap; still one pixel per pixel
            assert shown >= 0.6 * c["label_w"], where
