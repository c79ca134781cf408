"""The editable Word report and the debrief slides: read back with python-docx/python-pptx,
opened by LibreOffice, at the documented limits, from the CLI."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from docx import Document
from pptx import Presentation
from report_extremes import COMPANY, MARKUP, MIXED, PROSE, SOLID, extreme_assessment

from cemassess.report.docx_writer import build_docx
from cemassess.report.pptx_writer import build_pptx
from cemassess.report.theme import Branding

HEADINGS = {
    "en": ["Executive summary", "Roadmap: the top actions", "CEM profile", "Maturity phases", "Perception gaps",
           "Voice-of-Customer pitfalls", "Appendix: the full roadmap", "The dimensions in detail"],
    "ru": ["Краткое резюме", "Дорожная карта: главные действия", "Профиль CEM", "Фазы зрелости",
           "Разрывы восприятия", "Ловушки программы «Голос клиента»", "Приложение: полная дорожная карта",
           "Измерения подробно"],
}


def _res(lang):
    from cemassess.cli import results_for
    from cemassess.demo import make_demo

    return results_for(make_demo(lang))


def docx_text(data: bytes) -> tuple[str, list[tuple[str, str]]]:
    doc = Document(io.BytesIO(data))
    paras = [(p.style.name, p.text) for p in doc.paragraphs]
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    head = "\n".join(p.text for s in doc.sections for p in s.header.paragraphs)
    return "\n".join([t for _, t in paras] + cells + [head]), paras


def pptx_text(data: bytes) -> str:
    prs = Presentation(io.BytesIO(data))
    out = []
    for slide in prs.slides:
        for sh in slide.shapes:
            if sh.has_text_frame:
                out.append(sh.text_frame.text)
            if sh.has_table:
                out += [c.text for row in sh.table.rows for c in row.cells]
    return "\n".join(out)


@pytest.fixture(scope="module")
def office():
    out = {}
    for lang in ("en", "ru"):
        res = _res(lang)
        b = Branding(consultant="Anna Petrova, Northwind CX", accent="#7a2e8f")
        out[lang] = (res, build_docx(res, lang, b), build_pptx(res, lang, b))
    return out


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_docx_structure_styles_toc_tables_charts(office, lang):
    res, data, _ = office[lang]
    doc = Document(io.BytesIO(data))
    text, paras = docx_text(data)
    h1 = [t for st, t in paras if st == "Heading 1"]
    assert [h for h in h1 if h in HEADINGS[lang]] == HEADINGS[lang]  # real heading styles, PDF order
    assert any(st == "Heading 2" for st, _ in paras)
    body = doc.element.body.xml
    assert 'TOC \\o "1-2"' in body  # the table of contents field
    assert b"updateFields" in _part(data, "word/settings.xml")
    assert len(doc.tables) >= 5
    assert len(doc.inline_shapes) >= 3  # radar, gap bars, phases (+ heatmap)
    assert res.assessment.company.name in text and "Anna Petrova, Northwind CX" in text
    model_top = res.roadmap.included[0]
    title = res.framework.actions[model_top.id].title(lang)
    assert title in text
    assert ("DRAFT" if lang == "en" else "ЧЕРНОВИК") in text  # the demo is a draft
    assert doc.core_properties.language == ("en-GB" if lang == "en" else "ru-RU")
    # branded like the PDF: the accent colours the headings
    assert "7A2E8F" in doc.styles["Heading 1"].element.xml.upper()


def _part(data: bytes, name: str) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_pptx_slides(office, lang):
    res, _, data = office[lang]
    prs = Presentation(io.BytesIO(data))
    assert 8 <= len(prs.slides) <= 14
    text = pptx_text(data)
    assert res.assessment.company.name in text
    for key in ("m.headline_title", "m.phase_title", "m.roadmap_title"):
        from cemassess.report.model import s

        assert s(key, lang) in text, key
    assert ("Perception gaps" if lang == "en" else "Разрывы восприятия") in text
    pictures = sum(1 for sl in prs.slides for sh in sl.shapes if sh.shape_type == 13)
    assert pictures >= 4
    assert prs.slide_width > prs.slide_height  # 16:9


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_office_files_at_the_limits(lang):
    from cemassess.cli import results_for

    res = results_for(extreme_assessment(lang))
    text, _ = docx_text(build_docx(res, lang))
    flat = re.sub(r"\s+", " ", text)
    assert COMPANY in text and MIXED in text and MARKUP in text
    assert PROSE[:80] in flat and "[…]" in flat and SOLID not in text  # capped, the XLSX has it whole
    deck = pptx_text(build_pptx(res, lang))
    assert COMPANY[:60] in deck and MIXED[:20] in deck


@pytest.mark.slow
def test_libreoffice_opens_docx_and_pptx_in_both_languages(office, tmp_path):
    """One LibreOffice run per format, both languages: the files open and carry the text; so do
    the files at the documented limits (a 4,000-character comment, a 200-character company
    name, markup-like text, mixed scripts)."""
    import pypdf

    from cemassess.cli import results_for

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is needed for this test (Debian libreoffice-writer/-impress)"
    extreme = {lang: results_for(extreme_assessment(lang)) for lang in ("en", "ru")}
    for ext, k in (("docx", 1), ("pptx", 2)):
        files = []
        for lang, entry in office.items():
            p = tmp_path / f"{lang}.{ext}"
            p.write_bytes(entry[k])
            files.append(str(p))
            p = tmp_path / f"limits-{lang}.{ext}"
            p.write_bytes((build_docx if ext == "docx" else build_pptx)(extreme[lang], lang))
            files.append(str(p))
        out = subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless",
                              "--convert-to", "pdf", "--outdir", str(tmp_path / ext)] + files,
                             capture_output=True, text=True, timeout=240)
        assert out.returncode == 0, out.stderr
        for lang in ("en", "ru"):
            pdf = tmp_path / ext / f"{lang}.pdf"
            assert pdf.exists(), f"LibreOffice could not open {lang}.{ext}: {out.stdout} {out.stderr}"
            reader = pypdf.PdfReader(pdf)
            text = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in reader.pages))
            assert len(reader.pages) >= (10 if ext == "docx" else 8)
            assert office[lang][0].assessment.company.name in text
            assert ("Roadmap: the top actions" if lang == "en" else "Дорожная карта: главные действия") in text
            if ext == "docx":
                assert ("Executive summary" if lang == "en" else "Краткое резюме") in text
            pdf = tmp_path / ext / f"limits-{lang}.pdf"
            assert pdf.exists(), f"LibreOffice could not open limits-{lang}.{ext}: {out.stdout} {out.stderr}"
            text = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages))
            assert COMPANY[:40] in text and "Ґанок Їжак" in text and "Ωμέγα" in text
            if ext == "docx":  # the deck has no comments, title or assessor line
                assert "<b>R&D</b>" in text and PROSE[:60] in text and "[…]" in text


def test_ukrainian_word_report_and_slides():
    res = _res("ru")
    text, paras = docx_text(build_docx(res, "uk"))
    assert "Дорожня карта: головні дії" in [t for st, t in paras if st == "Heading 1"]
    assert Document(io.BytesIO(build_docx(res, "uk"))).core_properties.language == "uk-UA"
    assert "Дорожня карта: головні дії" in pptx_text(build_pptx(res, "uk"))


def _matrix_tables(doc, lang):
    from cemassess.report.model import s

    practice = s("dim.practice", lang)
    return [t for t in doc.tables if [c.text for c in t.rows[0].cells][:2] == ["#", practice]
            and re.fullmatch(r"R\d+", t.rows[0].cells[2].text if len(t.columns) > 2 else "")]


def _code(ans, lang) -> str:
    """An answer as the matrix should show it, worked out here from the answer itself."""
    if ans is None or ans.value is None:
        return "–"
    na, dk = {"en": ("N/A", "DK"), "ru": ("Н/П", "НЗ")}[lang]
    v = ans.value
    text = str(v) if isinstance(v, int) else na if v == "na" else dk
    return text + ("!" if ans.review else "") + ("*" if ans.comment else "")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_docx_has_the_all_answers_matrix(office, lang):
    """The PDF's respondent x practice appendix is in the Word report too: every answer, in a
    landscape section at the end (as in the PDF), the dimensions as group rows, who R1, R2...
    are in the appendix's respondents table before it."""
    from docx.enum.section import WD_ORIENT

    from cemassess.report.model import s

    res, data, _ = office[lang]
    doc = Document(io.BytesIO(data))
    heads = [p.text for p in doc.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    assert heads.index(s("sec.dimensions", lang)) < heads.index(s("app.method", lang)) \
        < heads.index(s("app.respondents", lang)) < heads.index(s("app.answers", lang))
    a, fw = res.assessment, res.framework
    tables = _matrix_tables(doc, lang)
    assert len(tables) == 1  # five respondents: one block
    rows = [[c.text for c in row.cells] for row in tables[0].rows]
    assert rows[0][2:] == [f"R{n}" for n in range(1, len(a.respondents) + 1)]
    expected = []
    for i, d in enumerate(fw.dimensions, 1):
        expected.append([str(i), d.title(lang)[:150]] + [""] * len(a.respondents))
        for j, p in enumerate(d.practices, 1):
            expected.append([f"{i}.{j}", p.statement(lang)[:150]]
                            + [_code(a.answers.get(r.id, {}).get(p.id), lang) for r in a.respondents])
    got = [[r[0], r[1][:150]] + r[2:] for r in rows[1:]]
    assert got == expected
    assert any(c.endswith("*") for r in got for c in r[2:])  # the demo's comments are marked
    # the key to the codes, with the respondents' names (not anonymous here)
    key = next(t for t in doc.tables if t.rows[0].cells[0].text == s("app.code", lang))
    assert [r.cells[1].text for r in key.rows[1:]] == [r.name for r in a.respondents]
    # as the PDF: portrait, the full roadmap in landscape, portrait for the detail and the
    # method, landscape again for all answers and the comments
    orient = [sec.orientation for sec in doc.sections]
    assert orient == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    wide = next(sec for sec in doc.sections if sec.orientation == WD_ORIENT.LANDSCAPE)
    assert wide.page_width > wide.page_height


def test_docx_matrix_of_thirty_respondents_in_blocks():
    """Thirty respondents: blocks of at most 14 columns, each respondent in exactly one,
    every block with every practice (as in the PDF)."""
    from cemassess.cli import results_for
    from cemassess.demo import make_demo
    from cemassess.report.model import ANSWER_COLS, s
    from cemassess.report.sample import crowd

    res = results_for(crowd(make_demo("en"), 30))
    doc = Document(io.BytesIO(build_docx(res, "en", anonymous=True)))
    tables = _matrix_tables(doc, "en")
    heads = [[c.text for c in t.rows[0].cells][2:] for t in tables]
    assert [len(h) for h in heads] == [ANSWER_COLS, ANSWER_COLS, 30 - 2 * ANSWER_COLS]
    assert sum(heads, []) == [f"R{n}" for n in range(1, 31)]
    n_rows = len(res.framework.dimensions) + len(res.framework.practices)
    assert all(len(t.rows) == n_rows + 1 for t in tables)
    labels = [p.text for p in doc.paragraphs if p.text.startswith("Respondents R")]
    assert labels == [s("app.block", "en", a=1, b=14), s("app.block", "en", a=15, b=28),
                      s("app.block", "en", a=29, b=30)]
    text, _ = docx_text(build_docx(res, "en", anonymous=True))
    for r in crowd(make_demo("en"), 30).respondents:  # anonymous: the key names nobody either
        assert r.name not in text
