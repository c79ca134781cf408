"""Regenerate the report samples in docs/report/ from the demo assessment (sample data):
PDF pages, the Word report's first pages and debrief slides, in English, Russian and Ukrainian;
and, for a re-assessment (the demo after a generated earlier assessment, every answer a level
lower: `cemassess.report.sample.earlier`), the "Change over time" pages and slide and the Word
report's all-answers appendix.

    .venv/bin/python scripts/report_samples.py

Needs pdftoppm (poppler-utils) and LibreOffice (soffice) for the Word and slide pages.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "report"
PDF_PAGES = {"en": {1: "cover", 2: "summary", 3: "roadmap", 4: "profile"},
             "ru": {2: "summary", 3: "roadmap", 8: "perception"},
             "uk": {2: "summary", 3: "roadmap"}}
DOCX_PAGES = {"en": {2: "word-summary"}, "ru": {3: "word-roadmap"}, "uk": {2: "word-summary"}}
SLIDES = {"en": {2: "slides-headline", 10: "slides-roadmap"}, "ru": {6: "slides-strengths-gaps", 8: "slides-roles"},
          "uk": {2: "slides-headline"}}
# re-assessment samples, found by the title on the page: (format, title key, file name)
TREND_PAGES = (("pdf", "trend", "trend"), ("docx", "trend", "word-trend"), ("docx", "answers", "word-answers"),
               ("pptx", "trend", "slides-trend"))


def page_with(pdf: Path, title: str) -> int:
    """The first page whose text starts with `title` (after the running header)."""
    n = int(next(line.split()[-1] for line in subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                              text=True, check=True).stdout.splitlines()
                 if line.startswith("Pages:")))
    for page in range(1, n + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        lines = [x.strip() for x in text.splitlines() if x.strip()]
        if title in lines[:4]:
            return page
    raise SystemExit(f"{pdf.name}: no page titled {title!r}")


def render(pdf: Path, page: int, out: Path, dpi: int = 80) -> None:
    stem = out.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page), "-l", str(page),
                    str(pdf), str(stem)], check=True)


def main() -> int:
    from cemassess.cli import results_for
    from cemassess.demo import make_demo
    from cemassess.i18n import tr
    from cemassess.report.bundle import build_set
    from cemassess.report.model import s
    from cemassess.report.sample import reassessment_trend
    from cemassess.report.sections_trend import S as TREND
    from cemassess.report.theme import Branding

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    for old in OUT.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        for lang in ("en", "ru", "uk"):
            demo = make_demo(lang)
            res = results_for(demo)
            brand = Branding(consultant="Sample Consulting")
            files = build_set(res, lang, (".pdf", ".docx", ".pptx"), brand)
            again = build_set(res, lang, (".pdf", ".docx", ".pptx"), brand, trend=reassessment_trend(demo, res))
            for ext, data in files.items():
                (t / f"{lang}{ext}").write_bytes(data)
                (t / f"{lang}-again{ext}").write_bytes(again[ext])
            for page, name in PDF_PAGES[lang].items():
                render(t / f"{lang}.pdf", page, OUT / f"{lang}-{page}-{name}.png")
            titles = {"trend": tr("trend.title", lang, TREND), "answers": s("app.answers", lang)}
            if soffice is None:
                print("LibreOffice not found: Word and slide samples skipped")
                continue
            for ext, pages in (("docx", DOCX_PAGES), ("pptx", SLIDES)):
                conv = t / ext
                subprocess.run([soffice, f"-env:UserInstallation=file://{t / 'lo'}", "--headless", "--convert-to",
                                "pdf", "--outdir", str(conv), str(t / f"{lang}.{ext}"), str(t / f"{lang}-again.{ext}")],
                               check=True, capture_output=True, timeout=240)
                for page, name in pages[lang].items():
                    render(conv / f"{lang}.pdf", page, OUT / f"{lang}-{name}.png", dpi=60 if ext == "pptx" else 80)
            for ext, key, name in TREND_PAGES:
                pdf = t / f"{lang}-again.pdf" if ext == "pdf" else t / ext / f"{lang}-again.pdf"
                render(pdf, page_with(pdf, titles[key]), OUT / f"{lang}-{name}.png", dpi=60 if ext == "pptx" else 80)
    for p in sorted(OUT.glob("*.png")):
        print(p.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
