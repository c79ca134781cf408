"""How long the full PDF report takes for an assessment with 30 respondents.

    .venv/bin/python bench/bench_report.py [--runs 7] [--lang en] [--respondents 30]

Prints the median of several runs of `build_report` against two references:
  * bare: a plain reportlab document holding the same chart images (the same PNGs, made once
    beforehand), one per page, nothing else: the unavoidable cost of putting the charts in a PDF;
  * bare + charts: the same, plus drawing the charts with matplotlib, which the report also does.
The target (issue 6): full report < 2 s, and full / bare < 2x.

It also times the editable Word report and the debrief slides on their own, and the full
report set (PDF + DOCX + PPTX, charts drawn once and shared: `report.bundle.build_set`), also
for a re-assessment (the same 30 respondents a year earlier, one level lower: the trend chapter,
its chart and slide in all three). Target (issue 15): the full set < 3 s.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def median_time(fn, runs: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), times


def bare_document(pngs: list[Path]) -> bytes:
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, PageBreak, SimpleDocTemplate

    rl_config.useA85 = 0  # the same image encoding the report uses: a like-for-like reference
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4)
    flow = []
    for p in pngs:
        img = Image(str(p))
        k = 160 * mm / img.imageWidth
        flow += [Image(str(p), width=img.imageWidth * k, height=img.imageHeight * k), PageBreak()]
    doc.build(flow)
    return buf.getvalue()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--lang", default="en", choices=["en", "ru"])
    ap.add_argument("--respondents", type=int, default=30)
    args = ap.parse_args()

    from cemassess.cli import results_for
    from cemassess.demo import make_demo
    from cemassess.exchange.export_tabular import write_chart_pngs
    from cemassess.report.charts import ALL_CHARTS
    from cemassess.report.pdf import build_report
    from cemassess.report.sample import crowd, reassessment_trend

    a = crowd(make_demo(args.lang), args.respondents)
    res = results_for(a)
    data = build_report(res, args.lang)  # warm up: imports, font registration, caches
    with tempfile.TemporaryDirectory() as tmp:
        pngs = write_chart_pngs(res, Path(tmp), args.lang)
        bare_document(pngs)

        full, full_runs = median_time(lambda: build_report(res, args.lang), args.runs)
        bare, _ = median_time(lambda: bare_document(pngs), args.runs)

        def charts_only() -> None:
            from cemassess.report.raster import figure_to_image

            for fn in ALL_CHARTS.values():
                fig = fn(res, args.lang, None)
                if fig is not None:
                    figure_to_image(fig)

        charts, _ = median_time(charts_only, args.runs)

        from cemassess.report.bundle import build_set
        from cemassess.report.docx_writer import build_docx
        from cemassess.report.pptx_writer import build_pptx

        docx_bytes, pptx_bytes = build_docx(res, args.lang), build_pptx(res, args.lang)  # warm up
        docx_t, _ = median_time(lambda: build_docx(res, args.lang), args.runs)
        pptx_t, _ = median_time(lambda: build_pptx(res, args.lang), args.runs)
        set_t, set_runs = median_time(lambda: build_set(res, args.lang, (".pdf", ".docx", ".pptx")), args.runs)
        tr = reassessment_trend(a, res)
        trend_t, trend_runs = median_time(lambda: build_set(res, args.lang, (".pdf", ".docx", ".pptx"), trend=tr),
                                          args.runs)

    import matplotlib
    import reportlab

    from cemassess.report.pdf import ReportRenderer  # noqa: F401  (the module measured)

    pages = data.count(b"/Type /Page\n") or data.count(b"/Type /Page")
    print(f"machine: {platform.platform()}, python {platform.python_version()}, "
          f"reportlab {reportlab.Version}, matplotlib {matplotlib.__version__}")
    print(f"assessment: {len(a.respondents)} respondents, {len(res.framework.practices)} practices, "
          f"{len(res.roadmap.items)} roadmap actions, lang {args.lang}")
    print(f"report: {len(data) / 1e6:.2f} MB, ~{pages} pages, {len(pngs)} charts")
    print(f"full report      median {full:.3f} s  (runs: {', '.join(f'{t:.3f}' for t in full_runs)})")
    print(f"bare doc, PNGs   median {bare:.3f} s")
    print(f"charts drawn     median {charts:.3f} s")
    print(f"ratio full / bare              {full / bare:.2f}x")
    print(f"ratio full / (bare + charts)   {full / (bare + charts):.2f}x")
    print(f"word report      median {docx_t:.3f} s  ({len(docx_bytes) / 1e6:.2f} MB)")
    print(f"slides           median {pptx_t:.3f} s  ({len(pptx_bytes) / 1e6:.2f} MB)")
    print(f"full set (PDF + DOCX + PPTX, charts shared)  median {set_t:.3f} s  "
          f"(runs: {', '.join(f'{t:.3f}' for t in set_runs)})")
    print(f"full set, re-assessment (+ trend chapter)    median {trend_t:.3f} s  "
          f"(runs: {', '.join(f'{t:.3f}' for t in trend_runs)})")
    ok = full < 2.0
    print("target full < 2 s:", "met" if ok else "NOT met")
    print("target set < 3 s:", "met" if max(set_t, trend_t) < 3.0 else "NOT met")
    if hasattr(os, "getloadavg"):
        print("load average (1, 5, 15 min): " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
