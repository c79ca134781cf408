"""`cemassess-app --selftest`: proves an installed app works, with no user data touched.

Opens the main window offscreen on a temporary portfolio, loads the framework in both
languages, scores the demo, switches the language, draws the charts, writes a PDF into a
temporary folder when the report module is installed, and exits 0 (1 with one line why).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def run_selftest(app: Any, win: Any, data_dir: str | None = None) -> int:
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="cemassess-selftest-") as tmp:
        try:
            lines = _steps(app, win, data_dir or str(Path(tmp) / "data"), Path(tmp))
        except Exception as e:  # one line, then exit 1
            print(f"cemassess selftest: FAILED: {type(e).__name__}: {e}", file=sys.stderr)
            win.close()
            return 1
        win.close()
    for line in lines:
        print(f"cemassess selftest: {line}")
    print(f"cemassess selftest: ok ({time.perf_counter() - t0:.1f} s)")
    return 0


def _steps(app: Any, win: Any, data_dir: str, tmp: Path) -> list[str]:
    from cemassess.content import load_framework
    from cemassess.ui.screens import ScreenKey

    out = []
    if not win.boot(data_dir):
        raise RuntimeError("the portfolio could not be opened")
    fw = load_framework()
    for lang in ("en", "ru"):
        titles = [d.title(lang) for d in fw.dimensions]
        assert all(titles), f"framework titles missing in {lang}"
    out.append(f"framework {fw.id} {fw.version}: {len(fw.dimensions)} dimensions, "
               f"{len(fw.practices)} practices, en+ru")
    s = win.session
    s.create_demo()
    res = s.results()
    out.append(f"demo scored: CEM index {res.overall.score:.1f}, phase {res.phase.current}, "
               f"{len(res.roadmap.items)} roadmap actions ({s.last_evaluate_ms:.1f} ms)")
    for lang in ("ru", "en"):
        s.set_language(lang)
        win.navigate(ScreenKey.RESULTS)
        for _ in range(20):
            app.processEvents()
    from cemassess.ui.charts import wait_for_charts

    charts = win.views[ScreenKey.RESULTS].charts
    wait_for_charts(list(charts.values()))  # drawn on worker threads, as in the app
    drawn = sum(1 for v in charts.values() if v.image is not None)
    out.append(f"charts drawn: {drawn} of {len(charts)}")
    try:
        from cemassess.report.pdf import write_report
    except ImportError:
        out.append("PDF: report module not installed, skipped")
    else:
        pdf = write_report(s.results_snapshot(), "ru", tmp / "selftest.pdf", win.exporter.branding())
        size = pdf.stat().st_size
        if size < 1000:
            raise RuntimeError(f"the PDF is only {size} bytes")
        out.append(f"PDF written: {size // 1024} KB")
    return out
