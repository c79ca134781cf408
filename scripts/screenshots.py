"""Regenerate docs/screenshots/: every screen of the app, in English and Russian (PNG).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--scale 2] [--only NAME]

Uses a temporary portfolio and settings folder with the demo assessment, so it never touches
your data. Set QT_SCALE_FACTOR=2 (or pass --scale 2) to check the high-DPI layout: those
pictures get an "@2x" suffix.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SIZE = (1280, 800)


def shrink(path: Path) -> None:
    """256 colours, no dithering: a screen picture looks the same at about a third of the bytes."""
    try:
        from PIL import Image  # comes with matplotlib
    except ImportError:
        return
    with Image.open(path) as im:
        small = im.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT,
                                           dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=None, help="QT_SCALE_FACTOR for a high-DPI check")
    ap.add_argument("--only", help="only pictures whose name contains this")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.scale:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    tmp = Path(tempfile.mkdtemp(prefix="cemassess-shots-"))
    os.environ["CEMASSESS_DATA_DIR"] = str(tmp / "data")
    os.environ["CEMASSESS_CONFIG_DIR"] = str(tmp / "config")
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    qInstallMessageHandler(lambda *_: None)  # offscreen plugin chatter
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from cemassess.ui import dialogs, widgets
    from cemassess.ui.charts import wait_for_charts
    from cemassess.ui.mainwindow import MainWindow
    from cemassess.ui.screens import ScreenKey
    from cemassess.ui.settings import Settings

    dialogs.ask_recovery = lambda *a, **k: True
    shown = []
    widgets.show_explanation = lambda parent, title, lines, lang: shown.append(
        widgets.ExplainDialog(title, list(lines), lang, parent))
    settings = Settings()
    settings.set("branding/consultant", "CX Partners")
    settings.language = "en"
    win = MainWindow(settings)
    win.resize(*SIZE)
    win.show()
    win.boot()
    s = win.session
    suffix = "@2x" if args.scale and args.scale != 1 else ""
    args.out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def settle(n: int = 30) -> None:
        for _ in range(n):
            app.processEvents()

    def shot(name: str, widget=None) -> None:
        if args.only and args.only not in name:
            return
        w = widget or win
        if w is win:
            win.resize(*SIZE)
        settle()
        wait_for_charts(list(win.views[ScreenKey.RESULTS].charts.values()))
        settle()
        if w is win and (win.width(), win.height()) != SIZE:
            print(f"note: {name}: the window is {win.width()}x{win.height()}, not {SIZE}")
        path = args.out / f"{name}{suffix}.png"
        w.grab().save(str(path), "PNG")
        shrink(path)
        written.append(path)

    # a second, unfinished assessment so the start screen lists more than the demo
    from cemassess.domain.assessment import Company

    for lang in ("en", "ru"):
        s.set_language(lang)
        settings.language = lang
        if lang == "en":
            s.create(company=Company(name="Baltic Freight Forwarding", industry="logistics",
                                     size="small", country="Latvia"), assessor="Jana Ozola")
        s.create_demo()
        win.navigate(ScreenKey.START)
        shot(f"start-{lang}")
        dlg = win.controllers[ScreenKey.START].new_assessment()
        dlg.company.setText("ООО «Восток-Логистик»" if lang == "ru" else "Eastern Logistics LLC")
        shot(f"new-assessment-{lang}", dlg)
        dlg.reject()
        walk = win.controllers[ScreenKey.WALK]
        win.navigate(ScreenKey.WALK)
        walk.go_to(practice=s.framework.dimensions[3].practices[1].id)
        shot(f"walk-{lang}")
        walk.go_to(page="phases")
        shot(f"walk-phases-{lang}")
        walk.go_to(page="metrics")
        shot(f"walk-metrics-{lang}")
        walk.go_to(page="checks")
        shot(f"walk-pitfalls-{lang}")
        s.set_consensus(True)
        walk.go_to(practice=s.framework.dimensions[1].practices[0].id)
        shot(f"walk-consensus-{lang}")
        s.set_consensus(False)
        win.navigate(ScreenKey.RESPONDENTS)
        shot(f"respondents-{lang}")
        win.navigate(ScreenKey.RESULTS)
        shot(f"results-{lang}")
        rv = win.views[ScreenKey.RESULTS]
        settle()
        rv.scroll.verticalScrollBar().setValue(rv.charts["radar"].parentWidget().mapTo(
            rv.scroll.widget(), rv.charts["radar"].pos()).y() - 8)
        shot(f"results-charts-{lang}")
        rv.scroll.verticalScrollBar().setValue(rv.scroll.verticalScrollBar().maximum())
        shot(f"results-heatmap-{lang}")
        rv.scroll.verticalScrollBar().setValue(0)
        win.controllers[ScreenKey.RESULTS].explain_dimension(0)
        if shown:
            dlg = shown.pop()
            dlg.show()
            shot(f"explain-{lang}", dlg)
            dlg.close()
        win.navigate(ScreenKey.ROADMAP)
        shot(f"roadmap-{lang}")
        win.navigate(ScreenKey.SETTINGS)
        shot(f"settings-{lang}")
        win.navigate(ScreenKey.RESULTS)
        win.toggle_presentation(full_screen=False)  # offscreen "full screen" has no fixed size
        win.resize(*SIZE)
        shot(f"presentation-{lang}")
        win.navigate(ScreenKey.ROADMAP)
        shot(f"presentation-roadmap-{lang}")
        win.toggle_presentation()
        win.resize(*SIZE)
    win.close()
    for p in written:
        print(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
