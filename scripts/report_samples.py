"""Regenerate the report samples in docs/report/ from the demo assessment (sample data):
PDF pages, the Word report's first pages and debrief slides, in English, Russian and Ukrainian.

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
SLIDES = {"en": {2: "slides-headline", 9: "slides-roadmap"}, "ru": {6: "slides-strengths-gaps"},
          "uk": {2: "slides-headline"}}


def render(pdf: Path, page: int, out: Path, dpi: int = 80) -> None:
    stem = out.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page), "-l", str(page),
                    str(pdf), str(stem)], check=True)


def main() -> int:
    from cemassess.cli import results_for
    from cemassess.demo import make_demo
    from cemassess.report.bundle import build_set
    from cemassess.report.theme import Branding

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    for old in OUT.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        for lang in ("en", "ru", "uk"):
            res = results_for(make_demo(lang))
            files = build_set(res, lang, (".pdf", ".docx", ".pptx"), Branding(consultant="Sample Consulting"))
            for ext, data in files.items():
                (t / f"{lang}{ext}").write_bytes(data)
            for page, name in PDF_PAGES[lang].items():
                render(t / f"{lang}.pdf", page, OUT / f"{lang}-{page}-{name}.png")
            if soffice is None:
                print("LibreOffice not found: Word and slide samples skipped")
                continue
            for ext, pages in (("docx", DOCX_PAGES), ("pptx", SLIDES)):
                conv = t / ext
                subprocess.run([soffice, f"-env:UserInstallation=file://{t / 'lo'}", "--headless", "--convert-to",
                                "pdf", "--outdir", str(conv), str(t / f"{lang}.{ext}")], check=True,
                               capture_output=True, timeout=240)
                for page, name in pages[lang].items():
                    render(conv / f"{lang}.pdf", page, OUT / f"{lang}-{name}.png", dpi=60 if ext == "pptx" else 80)
    for p in sorted(OUT.glob("*.png")):
        print(p.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
