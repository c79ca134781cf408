"""The Word report against the PDF: the same sections in the same order, each with its
content, both read from the one report model; anonymous reports name nobody in either."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader
from report_extremes import PROSE, extreme_assessment

from cemassess.report.bundle import build_set
from cemassess.report.limits import TEXT_CAP
from cemassess.report.model import build_model, s
from cemassess.report.theme import Branding


def _results(a):
    from cemassess.cli import results_for

    return results_for(a)


def _demo(lang: str):
    from cemassess.demo import make_demo

    return make_demo(lang)


def incomplete_with_agreed(lang: str):
    """The documented limits (a 4,000-character dissent on an agreed answer, long comments,
    the consultant's own action) and a respondent who has not finished."""
    a = extreme_assessment(lang)
    pids = list(a.answers[a.respondents[0].id])
    for r in a.respondents:  # four practices nobody answered, and one respondent who stopped early
        for pid in pids[-4:] + (pids[-9:] if r is a.respondents[2] else []):
            a.answers[r.id].pop(pid, None)
    return a


@pytest.fixture(scope="module")
def sets():
    out = {}
    for lang in ("en", "ru"):
        res = _results(_demo(lang))
        out[lang] = (res, build_set(res, lang, (".pdf", ".docx"), Branding(consultant="Sample Consulting")))
    return out


def pdf_outline(data: bytes) -> list[tuple[int, str]]:
    """The PDF's bookmarks as (level, title), level 1 a chapter."""
    reader = PdfReader(io.BytesIO(data))
    out: list[tuple[int, str]] = []

    def walk(items, depth: int) -> None:
        for x in items:
            if isinstance(x, list):
                walk(x, depth + 1)
            else:
                out.append((depth, x.title))

    walk(reader.outline, 1)
    return out


def pdf_text(data: bytes) -> str:
    return re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


def docx_sections(data: bytes) -> list[tuple[int, str, list[str]]]:
    """The Word report's body as (heading level, title, the texts under it: each paragraph
    and each table cell), in document order; level 0 is what comes before the first heading."""
    doc = Document(io.BytesIO(data))
    out: list[tuple[int, str, list[str]]] = [(0, "", [])]
    for el in doc.element.body.iterchildren():
        if el.tag == qn("w:p"):
            style = el.pPr.pStyle.val if el.pPr is not None and el.pPr.pStyle is not None else ""
            text = "".join(t.text or "" for t in el.iter(qn("w:t")))
            if re.fullmatch(r"Heading[12]", style) or style == "Heading3" and len(out) > 1:  # not the cover's
                out.append((int(style[-1]), text, []))
            elif text:
                out[-1][2].append(text)
        elif el.tag == qn("w:tbl"):
            for tc in el.iter(qn("w:tc")):
                cell = "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p")))
                if cell.strip():
                    out[-1][2].append(cell)
    return out


def docx_all_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    body = " ".join(t.text or "" for t in doc.element.body.iter(qn("w:t")))
    heads = " ".join(p.text for sec in doc.sections for part in (sec.header, sec.footer, sec.first_page_header)
                     for p in part.paragraphs)
    cp = doc.core_properties
    return " ".join((body, heads, cp.title or "", cp.author or "", cp.subject or ""))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_word_headings_are_the_pdf_bookmarks_in_order(sets, lang):
    """Heading 1 and 2 of the Word report (its table of contents) are the PDF's bookmarks:
    the same titles, the same levels, the same order."""
    _res, files = sets[lang]
    heads = [(lvl, title) for lvl, title, _ in docx_sections(files[".docx"]) if lvl in (1, 2)]
    outline = pdf_outline(files[".pdf"])
    assert len(outline) > 30  # chapters and sections, not only the chapters
    assert heads == outline


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_each_word_section_carries_the_pdf_content(sets, lang):
    """Every section has content, and its texts are the PDF's (both print the model's words):
    the first lines of each paragraph and cell are found in the PDF's text; and every word
    the PDF prints is in the Word report too (figures aside: the PDF's page numbers)."""
    _res, files = sets[lang]
    pdf = pdf_text(files[".pdf"])
    secs = docx_sections(files[".docx"])
    for i, (lvl, title, texts) in enumerate(secs[1:], 1):
        nxt = secs[i + 1][0] if i + 1 < len(secs) else 0
        if not texts:  # a chapter whose content is all in its sections
            assert nxt > lvl, f"section {title!r} is empty"
            continue
        checked = 0
        for text in texts:
            line = _norm(text.split("\n")[0])
            if len(line) >= 12 and "…" not in line:
                assert line[:70] in pdf, f"{title!r}: {line[:70]!r} is not in the PDF"
                checked += 1
            if checked >= 6:
                break
    words = {w for w in re.findall(r"\w+", pdf.lower()) if not w.isdigit()}
    word_text = docx_all_text(files[".docx"]).lower()
    missing = words - set(re.findall(r"\w+", word_text))
    assert not missing, sorted(missing)[:20]


def test_a_reassessment_has_the_change_over_time_in_both(tmp_path):
    from cemassess.report.sample import reassessment_trend

    a = _demo("en")
    res = _results(a)
    files = build_set(res, "en", (".pdf", ".docx"), trend=reassessment_trend(a, res))
    heads = [(lvl, title) for lvl, title, _ in docx_sections(files[".docx"]) if lvl in (1, 2)]
    assert heads == pdf_outline(files[".pdf"])
    assert (1, "Change over time") in heads
    doc = Document(io.BytesIO(files[".docx"]))
    assert any("Since the last assessment" in c.text for t in doc.tables for row in t.rows for c in row.cells)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_sections_the_word_report_lacked(lang):
    """The per-respondent disagreement table, the formulas appendix, the timeline chart, the
    agreed answers with their dissent and the incomplete-answers notice: in the Word report,
    in the PDF's place, with the figures the domain computed."""
    res = _results(incomplete_with_agreed(lang))
    files = build_set(res, lang, (".pdf", ".docx"))
    m = build_model(res, lang)
    secs = docx_sections(files[".docx"])
    by_title = {title: texts for _lvl, title, texts in secs}
    heads = [(lvl, title) for lvl, title, _ in secs if lvl in (1, 2)]
    assert heads == pdf_outline(files[".pdf"])
    # the incomplete-answers notice on the executive page
    summary = by_title[s("sec.summary", lang)]
    assert any(s("inc.title", lang) in t for t in summary)
    assert any(line.startswith(s("inc.people", lang)) for t in summary for line in t.split("\n"))
    # where respondents disagree: the levels given and who gave the highest and lowest
    people = by_title[s("gap.people_title", lang)]
    split = m.detail.perception.people
    assert split and all(any(r.levels in t and r.who in t for t in people) for r in split)
    # the formulas: each dimension's terms table sums to its score
    order = [title for _lvl, title, _ in secs]
    assert order.index(s("sec.appendix", lang)) < order.index(s("app.method", lang)) < order.index(
        s("app.dimensions", lang))
    for d in res.framework.dimensions:
        ds = res.dimensions[d.id]
        if not ds.terms:
            continue
        terms = next(texts for _lvl, title, texts in secs if title.startswith(d.title(lang) + ":"))
        from cemassess.i18n import num

        assert num(sum(t.contribution for t in ds.terms), lang, 2) in terms
    # the timeline chart under its heading in the full roadmap
    doc = Document(io.BytesIO(files[".docx"]))
    body = list(doc.element.body.iterchildren())
    at = next(i for i, el in enumerate(body) if el.tag == qn("w:p")
              and "".join(t.text or "" for t in el.iter(qn("w:t"))) == s("chart.timeline_title", lang))
    assert body[at + 1].findall(".//" + qn("w:drawing"))
    # the agreed answers with their dissent, capped like every long text
    agreed = by_title[s("app.agreed", lang)]
    assert any(PROSE[:60] in t and "[…]" in t for t in agreed) and not any(PROSE in t for t in agreed)
    assert m.cut >= 4 and any(s("app.cut", lang, n=m.cut, limit=TEXT_CAP) in t for t in agreed)


NAMES = ("Zoltan Quibble", "Wilhelmina Vance", "Ярослава Прокопчук", "Bartholomew Oyelaran", "Ефросинья Тур")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_anonymous_word_report_names_nobody(lang):
    """Anonymous: no respondent's name anywhere in the Word report (nor in the PDF), the new
    tables included; a role held by one person is not printed beside their code."""
    from cemassess.domain.framework import Role

    a = incomplete_with_agreed(lang)
    for r, name in zip(a.respondents, NAMES, strict=False):
        r.name = name
    res = _results(a)
    files = build_set(res, lang, (".pdf", ".docx"), anonymous=True)
    word = docx_all_text(files[".docx"])
    pdf = pdf_text(files[".pdf"])
    for name in NAMES[:len(a.respondents)]:
        for part in name.split():
            assert part not in word and part not in pdf
    named = docx_all_text(build_set(res, lang, (".docx",))[".docx"])
    assert all(name in named for name in NAMES[:len(a.respondents)])  # the test can fail
    # the codes stand in for the names in the tables the Word report gained
    secs = {title: texts for _lvl, title, texts in docx_sections(files[".docx"])}
    people = "\n".join(secs[s("gap.people_title", lang)])
    assert re.search(r"R\d", people)
    counts: dict[Role, int] = {}
    for r in a.respondents:
        counts[r.role] = counts.get(r.role, 0) + 1
    from cemassess.i18n import role_name

    alone = {role_name(role.value, lang) for role, n in counts.items() if n < 2 and role != Role.OTHER}
    key = secs[s("app.respondents", lang)]
    assert alone and not alone & set(key)  # "R1, Management" would name the only manager
    comments = secs[s("app.comments", lang)]
    assert not [t for t in comments if re.fullmatch(r"R\d+, (.+)", t) and t.split(", ", 1)[1] in alone]
