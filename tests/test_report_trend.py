"""Re-assessment in the PDF: trend lines, the change table and 'moved' marks on the roadmap."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from cemassess.cli import main
from cemassess.demo import make_demo
from cemassess.domain.assessment import Answer
from cemassess.store import Portfolio


def test_reassessment_report_shows_change(tmp_path):
    data = tmp_path / "data"
    first = make_demo()
    first.date = dt.date(2025, 11, 1)
    with Portfolio.open(data) as p:
        p.create(first)
        second = p.duplicate(first.id)
        second.date = dt.date(2026, 11, 1)
        p.save(second)
        for r in first.respondents:  # a year later: every answer one level better
            for pid, ans in first.answers[r.id].items():
                v = min(5, ans.value + 1) if isinstance(ans.value, int) else ans.value
                p.set_answer(second.id, r.id, pid, Answer(value=v))
    out = tmp_path / "r.pdf"
    assert main(["--data-dir", str(data), "report", second.id, "-o", str(out), "--lang", "en"]) == 0
    text = "\n".join(pg.extract_text() for pg in PdfReader(str(out)).pages)
    assert "Change over time" in text and "assessed 2 times" in text
    assert "improved" in text
    assert "Since the last assessment this dimension improved" in text.replace("\n", " ")
    outline = [o.title for o in PdfReader(str(out)).outline if not isinstance(o, list)]
    assert "Change over time" in outline


def test_single_assessment_has_no_trend_section(tmp_path):
    f = tmp_path / "a.json"
    assert main(["demo", str(f)]) == 0
    assert main(["report", str(f), "-o", str(tmp_path / "r.pdf")]) == 0
    text = "\n".join(pg.extract_text() for pg in PdfReader(str(tmp_path / "r.pdf")).pages)
    assert "Change over time" not in text
