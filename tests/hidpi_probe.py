"""Run by tests/test_ui_hidpi.py in a child process, because Qt reads QT_SCALE_FACTOR only
before the QApplication exists:

    QT_SCALE_FACTOR=1.5 QT_QPA_PLATFORM=offscreen python tests/hidpi_probe.py 1920x1080 ru OUT.json [SHOTS]

The window gets a screen's physical size divided by the scale (1920×1080 at 150% is
1280×720 device-independent pixels), every screen and presentation mode are shown as in
tests/test_ui_layout.py, and OUT.json receives what was found: the cut-off labels and cells,
and for every chart on show its image's device pixel ratio and size against its widget's
(crisp: drawn at the device pixel ratio, not scaled up). SHOTS, if given, is a folder for a
picture of each screen.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # layout_checks
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # cemassess, from a checkout


def main() -> int:
    physical, lang, out = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    shots = Path(sys.argv[4]) if len(sys.argv) > 4 else None
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    qInstallMessageHandler(lambda *_: None)  # offscreen plugin chatter
    app = QApplication(sys.argv[:1])
    from layout_checks import every_screen

    from cemassess.ui import dialogs, widgets
    from cemassess.ui.charts import ChartView
    from cemassess.ui.mainwindow import MainWindow
    from cemassess.ui.settings import Settings

    for name in ("info", "error"):
        setattr(dialogs, name, lambda *a, **k: None)
    dialogs.ask_recovery = lambda *a, **k: True
    widgets.show_explanation = lambda *a, **k: None
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
    w, h = (int(x) for x in physical.lower().split("x"))
    logical = (round(w / scale), round(h / scale))
    settings = Settings()
    settings.language = lang
    win = MainWindow(settings)
    win.resize(*logical)
    win.show()
    assert win.boot()

    def settle(ms: int) -> None:
        end = time.perf_counter() + ms / 1000
        app.processEvents()
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.005)
        app.processEvents()

    charts: list[dict] = []
    seen: set[tuple] = set()
    import layout_checks

    check_page = layout_checks.page_problems

    def page_problems(name: str, page) -> list[str]:  # every look at a screen: its charts too
        for view in page.findChildren(ChartView):
            pm = view.label.pixmap()
            if not view.isVisible() or view.image is None or pm.isNull():
                continue
            key = (name, view.kind)
            if key in seen:
                continue
            seen.add(key)
            charts.append({"screen": name, "kind": view.kind, "title": view.title.text(),
                           "title_visible": view.title.isVisible(), "widget_w": view.width(),
                           "label_w": view.label.width(), "label_h": view.label.height(),
                           "pixmap_w": pm.width(), "pixmap_h": pm.height(),
                           "pixmap_dpr": pm.devicePixelRatio(), "window_dpr": view.devicePixelRatioF(),
                           "enlarged": view.enlarge})
        if shots is not None:
            shots.mkdir(parents=True, exist_ok=True)
            win.grab().save(str(shots / f"{name.replace('/', '-')}-{lang}-{physical}@{scale:g}.png"))
        return check_page(name, page)

    layout_checks.page_problems = page_problems
    problems = every_screen(win, settle, Path(os.environ["CEMASSESS_DATA_DIR"]) / "event-in")
    report = {"scale": scale, "window_dpr": win.devicePixelRatioF(), "logical": logical,
              "window": [win.width(), win.height()], "problems": problems, "charts": charts}
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    win.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
