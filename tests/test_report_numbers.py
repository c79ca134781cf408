"""Numbers in the reader's language in every report: 3,5 and 86 % in Russian (a decimal comma,
a space before the percent sign), 3.5 and 86% in English; in the PDF, the Word report, the
slides and the room summary alike (cemassess.i18n.num/pct through the report model)."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from pypdf import PdfReader
from test_report_office import pptx_text

from cemassess.domain.assessment import Answer
from cemassess.domain.framework import Role
from cemassess.i18n import role_name, tr


def _split_results(lang: str):
    """The demo with one practice where the two sales people answer 5 and 4 and everybody else
    1: the sales role's level is 4.5, the perception gap 3.5 (the largest, listed first)."""
    from cemassess.cli import results_for
    from cemassess.demo import make_demo

    a = make_demo(lang)
    pid = next(iter(a.answers[a.respondents[0].id]))
    sales = [r for r in a.respondents if r.role is Role.SALES]
    assert len(sales) == 2
    for r in a.respondents:
        a.answers[r.id][pid] = Answer(value=5 if r is sales[0] else 4 if r is sales[1] else 1)
    res = results_for(a)
    g = res.practice_gaps[0]
    assert g.practice_id == pid and g.high is Role.SALES and g.by_role[g.high] == 4.5 and g.gap == 3.5
    return res


@pytest.fixture(scope="module")
def ru_set():
    from cemassess.report.bundle import build_set

    res = _split_results("ru")
    return res, build_set(res, "ru", (".pdf", ".docx", ".pptx"))


def _levels(text: str, lang: str) -> list[str]:
    """Every "Role: level" figure in a text (the perception gaps' high and low columns)."""
    roles = "|".join(re.escape(role_name(r.value, lang)) for r in Role)
    return re.findall(rf"(?:{roles}): (\d+(?:[.,]\d)?)", text)


def test_model_levels_are_in_the_language():
    from cemassess.report.model import build_model, lv

    assert (lv(3.5, "ru"), lv(3.5, "uk"), lv(3.5, "en"), lv(4.0, "ru"), lv(None, "ru")) == ("3,5", "3,5", "3.5",
                                                                                          "4", "–")
    m = build_model(_split_results("ru"), "ru")
    assert m.perception[0].high == f"{role_name('sales', 'ru')}: 4,5"
    score = m.headline.score
    assert score is not None and f"{score:.1f}".replace(".", ",") in m.headline.sentence
    assert f"{score:.1f}" not in m.headline.sentence


def test_pdf_levels_use_the_decimal_comma(ru_set):
    _res, files = ru_set
    text = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(files[".pdf"])).pages))
    levels = _levels(text, "ru")
    assert "4,5" in levels and not [x for x in levels if "." in x]
    assert "3,5" in text


def test_docx_levels_use_the_decimal_comma(ru_set):
    from cemassess.report.model import s

    res, files = ru_set
    doc = Document(io.BytesIO(files[".docx"]))
    gap = next(t for t in doc.tables if t.rows[0].cells[-1].text == s("gap.gap", "ru"))
    first = [c.text for c in gap.rows[1].cells]  # practice (and its dimension), highest, lowest, gap
    assert first[1] == f"{role_name('sales', 'ru')}: 4,5" and first[3] == "3,5"
    figures = [c.text for row in gap.rows[1:] for c in row.cells[1:]]
    assert not [f for f in figures if re.search(r"\d\.\d", f)]
    # the per-practice detail: the level column (x.5 where the respondents split evenly)
    level = s("dim.practice", "ru")
    details = [t for t in doc.tables if [c.text for c in t.rows[0].cells] == ["#", level, tr("phase", "ru"),
                                                                               tr("level", "ru"), s("dim.answers", "ru")]]
    assert len(details) == len(res.framework.dimensions)
    cells = [row.cells[3].text for t in details for row in t.rows[1:]]
    halves = [lvl for lvl in (r.level for r in res.practices.values()) if lvl is not None and lvl % 1]
    assert halves  # the demo's medians of an even number of answers
    assert [c for c in cells if re.fullmatch(r"\d,5", c)] and not [c for c in cells if "." in c]
    # NPS in the language's percent style (a no-break space before % in Russian)
    nps = next(p.text for p in doc.paragraphs if p.text.startswith("NPS "))
    assert re.search(r"\d\u00a0%", nps) and not re.search(r"\d%", nps)


def test_pptx_levels_use_the_decimal_comma(ru_set):
    res, files = ru_set
    text = pptx_text(files[".pptx"])
    levels = _levels(text, "ru")
    assert "4,5" in levels and not [x for x in levels if "." in x]
    # the headline figure on its slide: 40,1, not 40.1
    big = f"{res.overall.score:.1f}"
    assert big.replace(".", ",") in text and big not in text


def test_english_keeps_the_decimal_point():
    from cemassess.report.docx_writer import build_docx

    res = _split_results("en")
    doc = Document(io.BytesIO(build_docx(res, "en")))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert f"{role_name('sales', 'en')}: 4.5" in cells and "3.5" in cells


def test_room_summary_percent_in_the_language(tmp_path):
    """The room digest's partial note: "менее чем на 80 % практик" (Babel's Russian percent)."""
    from test_room_cli import make_room

    from cemassess.content import load_framework
    from cemassess.domain.assessment import Assessment, Company
    from cemassess.exchange.participant import answer_file_from, dumps
    from cemassess.workshop import load_room, write_room_reports

    fw = load_framework()
    make_room(tmp_path / "in", 6, fw)
    a = Assessment(framework=fw.id, company=Company(name="Half Co"))
    r = a.add_respondent("", Role.SALES)
    for pid in list(fw.practices)[:21]:
        a.set_answer(r.id, pid, Answer(value=2))
    (tmp_path / "in" / "zz-half.json").write_bytes(dumps(answer_file_from(a, r.id)))
    room = load_room([tmp_path / "in"], fw)
    out = tmp_path / "out"
    out.mkdir()
    for lang, want, not_want in (("ru", "80\u00a0%", "80%"), ("en", "80%", "80 %")):
        write_room_reports(room, out, lang=lang, event="Клуб", jobs=1)
        raw = "\n".join(p.extract_text() for p in PdfReader(str(out / "room-summary.pdf")).pages)
        flat = re.sub(r"[ \n]+", " ", raw)
        assert want.replace("\u00a0", " ") in flat.replace("\u00a0", " "), lang
        if lang == "ru":
            assert not_want not in raw
        for old in out.iterdir():
            old.unlink()
