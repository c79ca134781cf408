"""`cemassess-app --selftest`: proves an installed app works, with no user data touched.

Opens the main window offscreen on a temporary portfolio, loads the framework in both
languages, scores the demo, switches the language, draws every chart of the Results screen,
writes a PDF into a temporary folder, serves the live room from its child process on
127.0.0.1 for a moment, and exits 0 — or 1 with one line why. A missing
report module or a chart that could not be drawn is a failure, never a skipped step: an
installation that cannot make the report is broken.
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
    from cemassess.i18n import shipped_languages, tr

    langs = shipped_languages()
    missing = [lang for lang in langs[1:] if tr("overall", lang) == tr("overall", "en")]
    assert langs[1:] and not missing, f"no product catalogue for {missing or 'any language'}"
    out.append("product catalogues: " + ", ".join(langs))
    s = win.session
    s.create_demo()
    res = s.results()
    out.append(f"demo scored: CEM index {res.overall.score:.1f}, phase {res.phase.current}, "
               f"{len(res.roadmap.items)} roadmap actions ({s.last_evaluate_ms:.1f} ms)")
    for lang in (*langs[1:], "en"):
        s.set_language(lang)
        win.navigate(ScreenKey.RESULTS)
        for _ in range(20):
            app.processEvents()
    from cemassess.ui.charts import wait_for_charts

    charts = win.views[ScreenKey.RESULTS].charts
    if not wait_for_charts(list(charts.values())):  # drawn on worker threads, as in the app
        raise RuntimeError("the charts were not drawn within a minute")
    drawn = sum(1 for v in charts.values() if v.image is not None)
    if drawn < len(charts):
        why = "; ".join(f"{k}: {v.label.text() or 'nothing drawn'}" for k, v in charts.items() if v.image is None)
        raise RuntimeError(f"only {drawn} of {len(charts)} charts were drawn ({why})")
    out.append(f"charts drawn: {drawn} of {len(charts)}")
    try:
        from cemassess.report.pdf import write_report
    except ImportError as e:
        raise RuntimeError(f"the report module cannot be imported ({e})") from None
    pdf = write_report(s.results_snapshot(), "ru", tmp / "selftest.pdf", win.exporter.branding())
    size = pdf.stat().st_size
    if size < 1000:
        raise RuntimeError(f"the PDF is only {size} bytes")
    out.append(f"PDF written: {size // 1024} KB")
    out.append(_live_room(data_dir, len(fw.practices)))
    return out


def _live_room(data_dir: str, practices: int) -> str:
    """The live room as the app runs it: an event served by a child process (in the bundle,
    this same executable started by multiprocessing), on 127.0.0.1 only, asked for its page
    and its questionnaire over HTTP, then ended."""
    import json
    import urllib.request

    from cemassess.live.remote import RemoteRoom

    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never a proxy
    room = RemoteRoom.open_event("Selftest", data_dir)
    try:
        url = room.start("127.0.0.1", 0)
        with direct.open(url, timeout=30) as r:
            page = r.read()
        with direct.open(url + "api/state", timeout=30) as r:
            state = json.loads(r.read())
        if b"<html" not in page.lower() or len(state.get("practices", [])) != practices:
            raise RuntimeError("the live room served something else than its page")
        pid = room.pid
    finally:
        room.close()
    if room.alive:
        raise RuntimeError("the live room's process did not exit")
    return f"live room: served from a child process (pid {pid}) on 127.0.0.1 and ended"
