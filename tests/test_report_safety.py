"""Hostile strings in every user field: the PDF stays valid and prints them literally."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess

import pypdf

from cemassess.domain.assessment import ActionEdit, Agreed, Answer, CustomAction
from cemassess.domain.results import evaluate
from cemassess.report.pdf import build_report
from cemassess.report.theme import Branding

HOSTILE = '<b>R&D</b> "Ω" <img src=x> 0.1 <A'
LONG = "Ж" * 300 + "W" * 300  # 600 characters, no space to break at


def test_hostile_strings_print_literally(fw, tmp_path):
    from cemassess.demo import make_demo

    a = make_demo("en")
    # The model caps names at 200 characters; the report must not rely on it.
    a.company = a.company.model_copy(update={"name": LONG})
    a.company.industry = HOSTILE + " industry"
    a.assessor = HOSTILE + " assessor"
    a.title = HOSTILE + " title $x^2$"
    for r in a.respondents:
        r.name = f"{HOSTILE} {r.id}"
    a.respondents[-1].name = LONG[:200]
    r1, r2 = a.respondents[0].id, a.respondents[1].id
    pid = next(iter(a.answers[r1]))
    a.answers[r1][pid] = Answer(value=3, comment=f"{HOSTILE} comment\nline2 &amp; <br/> {LONG}")
    a.answers[r2][pid] = Answer(value=1, comment="=HYPERLINK(\"x\") " + HOSTILE, review=True)
    a.agreed[pid] = Agreed(value=2, dissent=HOSTILE + " dissent")
    a.metrics.nps.source = HOSTILE + " source"
    a.metrics.nps.period = HOSTILE + " period"
    generated = evaluate(fw, a).roadmap.items[0].id
    a.roadmap.edits[generated] = ActionEdit(owner=HOSTILE + " owner", kpi=HOSTILE + " kpi",
                                            note=HOSTILE + " note " + LONG, due=dt.date(2027, 1, 15))
    a.roadmap.custom.append(CustomAction(
        id="c.own", title=HOSTILE + " custom $5", description=HOSTILE + " description",
        dimension=fw.dimensions[0].id, owner=HOSTILE + " c-owner", kpi=HOSTILE + " c-kpi"))
    res = evaluate(fw, a)
    data = build_report(res, "en", Branding(consultant=HOSTILE + " consultant"))

    path = tmp_path / "hostile.pdf"
    path.write_bytes(data)
    assert subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode == 0
    assert shutil.which("pdftoppm")
    subprocess.run(["pdftoppm", "-r", "8", "-png", "-f", "1", "-l", "3", str(path), str(tmp_path / "p")], check=True)

    reader = pypdf.PdfReader(io.BytesIO(data))
    text = "\n".join(p.extract_text() for p in reader.pages)
    spaced = re.sub(r"\s+", " ", text)
    # the consultant's line replaces the assessor's on the cover: one firm, not two
    assert f"{HOSTILE} assessor" not in spaced
    for suffix in ("industry", "title $x^2$", r2, "comment", "dissent", "source", "period", "owner",
                   "kpi", "note", "custom $5", "description", "c-owner", "c-kpi", "consultant"):
        assert f"{HOSTILE} {suffix}" in spaced, suffix
    unbroken = re.sub(r"\s+", "", text)
    assert unbroken.count(LONG) >= 3  # company name (cover, summary), comment, note...
    assert LONG[:200] in unbroken  # the long respondent name
    assert "'=HYPERLINK" not in text  # the PDF prints text as typed; only spreadsheets get the apostrophe
    assert "Ω" in text and "R&D;" not in text and "&amp;amp;" not in text
    assert "line2 &amp; <br/>" in text  # markup typed by a user stays text
