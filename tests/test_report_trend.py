"""Re-assessment in the PDF, the Word report and the slides: trend lines, the change table and
'moved' marks on the roadmap, all three from the report model's one trend section."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from cemassess.cli import main
from cemassess.demo import make_demo
from cemassess.domain.assessment import Answer
from cemassess.store import Portfolio

TITLE = {"en": "Change over time", "ru": "Изменения со временем", "uk": "Зміни з часом"}
UP = {"en": "improved", "ru": "улучшилось", "uk": "покращилося"}


def _reassessed(data) -> str:
    """The demo assessed twice, a year apart, every answer one level better the second time."""
    first = make_demo()
    first.date = dt.date(2025, 11, 1)
    with Portfolio.open(data) as p:
        p.create(first)
        second = p.duplicate(first.id)
        second.date = dt.date(2026, 11, 1)
        p.save(second)
        for r in first.respondents:
            for pid, ans in first.answers[r.id].items():
                v = min(5, ans.value + 1) if isinstance(ans.value, int) else ans.value
                p.set_answer(second.id, r.id, pid, Answer(value=v))
    return second.id


@pytest.fixture(scope="module")
def reassessment(tmp_path_factory):
    """lang -> (pdf, docx, pptx) paths, written by one `cemassess report` call each."""
    tmp = tmp_path_factory.mktemp("trend")
    data = tmp / "data"
    sid = _reassessed(data)
    out = {}
    for lang in ("en", "ru"):
        paths = [tmp / f"r-{lang}.{ext}" for ext in ("pdf", "docx", "pptx")]
        args = ["--data-dir", str(data), "report", sid, "--lang", lang]
        for p in paths:
            args += ["-o", str(p)]
        assert main(args) == 0
        out[lang] = paths
    return out


def test_reassessment_report_shows_change(reassessment):
    out = reassessment["en"][0]
    text = "\n".join(pg.extract_text() for pg in PdfReader(str(out)).pages)
    assert "Change over time" in text and "assessed 2 times" in text
    assert "improved" in text
    assert "Since the last assessment this dimension improved" in text.replace("\n", " ")
    outline = [o.title for o in PdfReader(str(out)).outline if not isinstance(o, list)]
    assert "Change over time" in outline


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_word_report_has_the_trend_chapter(reassessment, lang):
    from docx import Document

    from cemassess.report.model import s

    doc = Document(str(reassessment[lang][1]))
    heads = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert TITLE[lang] in heads
    # in the PDF's order: after the profile, before the phases
    assert heads.index(s("sec.profile", lang)) < heads.index(TITLE[lang]) < heads.index(s("sec.phases", lang))
    table = next(t for t in doc.tables if t.rows[0].cells[1].text == ("Before" if lang == "en" else "Было"))
    body = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert len(body) == 10 and all(r[4] == UP[lang] for r in body)  # every answer went up a level
    before, now, change = body[0][1:4]
    assert change.startswith("+")
    if lang == "ru":  # the reader's decimal comma
        assert "," in before and "." not in before + now + change
    i = [p.text for p in doc.paragraphs].index(TITLE[lang])
    assert "2025-11-01" in doc.paragraphs[i + 1].text  # the intro names the assessment compared with


def test_word_report_trend_chart_is_drawn(reassessment):
    """The trend lines are a picture inside the chapter (between its heading and the next)."""
    from docx import Document
    from docx.text.paragraph import Paragraph

    doc = Document(str(reassessment["en"][1]))
    inside, pictures = False, 0
    for block in doc.iter_inner_content():
        if isinstance(block, Paragraph):
            if block.style.name == "Heading 1":
                inside = block.text == TITLE["en"]
            if inside:
                pictures += len(block._p.xpath(".//pic:pic"))
    assert pictures == 1


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_slides_have_a_trend_slide(reassessment, lang):
    """The trend lines on one slide and the change per dimension on the next (side by side,
    both were too small for the room and the table ran into the footer)."""
    from pptx import Presentation

    prs = Presentation(str(reassessment[lang][2]))
    slides = [sl for sl in prs.slides if any(sh.has_text_frame and sh.text_frame.text == TITLE[lang]
                                             for sh in sl.shapes)]
    assert len(slides) == 2
    chart, slide = slides
    assert any(sh.shape_type == 13 for sh in chart.shapes)  # the trend lines
    assert not any(sh.has_table for sh in chart.shapes)
    table = next(sh.table for sh in slide.shapes if sh.has_table)
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert len(cells) == 11 and all(UP[lang] in r[3] for r in cells[1:])
    if lang == "ru":
        assert all("," in r[1] and "." not in r[1] for r in cells[1:] if r[1] != "–")


def test_single_assessment_has_no_trend_section(tmp_path):
    from pptx import Presentation

    f = tmp_path / "a.json"
    assert main(["demo", str(f)]) == 0
    assert main(["report", str(f), "-o", str(tmp_path / "r.pdf"), "-o", str(tmp_path / "r.pptx")]) == 0
    text = "\n".join(pg.extract_text() for pg in PdfReader(str(tmp_path / "r.pdf")).pages)
    assert "Change over time" not in text
    deck = Presentation(io.BytesIO((tmp_path / "r.pptx").read_bytes()))
    assert not any(sh.has_text_frame and sh.text_frame.text == "Change over time"
                   for sl in deck.slides for sh in sl.shapes)
