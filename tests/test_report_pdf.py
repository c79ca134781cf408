"""The PDF report: structure, text (Cyrillic intact), bookmarks, metadata, determinism, callbacks.

Tests compare extracted text and structure, never pixels. Every PDF built here is checked
with `qpdf --check` and rendered with `pdftoppm` at a tiny resolution.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pypdf
import pytest

from cemassess.domain.assessment import Answer, Assessment, Company
from cemassess.domain.framework import Role
from cemassess.domain.results import evaluate
from cemassess.report.pdf import ReportCancelled, build_report, write_report
from cemassess.report.theme import Branding

SECTIONS = {
    # executive pages first; the full roadmap, the per-practice detail and the formulas after
    "en": ["Executive summary", "Roadmap: the top actions", "CEM profile", "Maturity phases", "Perception gaps",
           "Voice-of-Customer pitfalls", "Appendix: the full roadmap", "The dimensions in detail",
           "Appendix: how every figure was computed"],
    "ru": ["Краткое резюме", "Дорожная карта: главные действия", "Профиль CEM", "Фазы зрелости",
           "Разрывы восприятия", "Ловушки программы «Голос клиента»", "Приложение: полная дорожная карта",
           "Измерения подробно", "Приложение: как рассчитана каждая цифра"],
}


def check_pdf(data: bytes, tmp_path, name: str = "r.pdf") -> pypdf.PdfReader:
    """qpdf finds no error, every page renders, and pypdf reads it."""
    path = tmp_path / name
    path.write_bytes(data)
    assert shutil.which("qpdf"), "qpdf is needed by the report tests (Debian package qpdf)"
    out = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "No syntax or stream encoding errors" in out.stdout
    assert shutil.which("pdftoppm"), "pdftoppm is needed by the report tests (Debian package poppler-utils)"
    subprocess.run(["pdftoppm", "-r", "8", "-png", str(path), str(tmp_path / "pg")], check=True,
                   capture_output=True)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(list(tmp_path.glob("pg-*.png"))) == len(reader.pages)
    return reader


def text_of(reader: pypdf.PdfReader) -> str:
    return "\n".join(p.extract_text() for p in reader.pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def outline_titles(reader: pypdf.PdfReader) -> list[str]:
    out: list[str] = []

    def walk(items):
        for it in items:
            if isinstance(it, list):
                walk(it)
            else:
                out.append(it.title)

    walk(reader.outline)
    return out


@pytest.fixture(scope="module")
def demo_pdfs(tmp_path_factory):
    from cemassess.cli import results_for
    from cemassess.demo import make_demo

    out = {}
    for lang in ("en", "ru"):
        res = results_for(make_demo(lang))
        data = build_report(res, lang, invariant=True)
        out[lang] = (res, data, check_pdf(data, tmp_path_factory.mktemp(f"demo-{lang}")))
    return out


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_demo_report_sections_in_order(demo_pdfs, lang):
    _res, _data, reader = demo_pdfs[lang]
    text = flat(text_of(reader))
    positions = [text.find(title) for title in SECTIONS[lang]]
    assert all(p >= 0 for p in positions), dict(zip(SECTIONS[lang], positions, strict=True))
    assert positions == sorted(positions)
    assert 20 <= len(reader.pages) <= 80
    titles = outline_titles(reader)
    assert [t for t in titles if t in SECTIONS[lang]] == SECTIONS[lang]
    assert len(titles) > 20  # sections and their sub-sections (dimensions, horizons...)


def test_russian_text_is_extracted_intact(demo_pdfs):
    res, _data, reader = demo_pdfs["ru"]
    text = text_of(reader)
    assert "\u25a0" not in text  # no black squares: the fonts have Cyrillic
    f = flat(text)
    for word in ("Краткое резюме", "Дорожная карта", "Северный ветер", "Измерение", "Ответственный",
                 res.framework.dimensions[0].title("ru")):
        assert word in f, word
    assert "Стр. 2 из" in f


def test_metadata_language_and_page_numbers(demo_pdfs):
    for lang, (res, _data, reader) in demo_pdfs.items():
        meta = reader.metadata
        assert res.assessment.company.name in meta.title
        assert meta.author == res.assessment.assessor
        assert meta.subject
        assert reader.trailer["/Root"]["/Lang"] == ("ru-RU" if lang == "ru" else "en-GB")
        n = len(reader.pages)
        last = flat(reader.pages[-1].extract_text())
        assert (f"из {n}" if lang == "ru" else f"of {n}") in last.replace(f"из \n{n}", f"из {n}")


def test_demo_report_labels_the_illustrative_benchmark(demo_pdfs):
    res, _data, reader = demo_pdfs["en"]
    assert res.benchmark is not None and res.benchmark.pack.illustrative
    text = flat(text_of(reader))
    assert "ILLUSTRATIVE: generated, not measured" in text
    assert "Sample: annual CEM assessment (demonstration data)" in text  # the demo says it is sample data


def test_invariant_mode_is_byte_identical(tiny_fw):
    res = evaluate(tiny_fw, one_role(tiny_fw, respondents=2))
    a = build_report(res, "ru", invariant=True)
    b = build_report(res, "ru", invariant=True)
    assert a == b


def one_role(tiny_fw, respondents=1, answered=None, nps=False) -> Assessment:
    a = Assessment(framework=tiny_fw.id, company=Company(name="Acme"))
    if nps:
        from cemassess.domain.assessment import Metrics, Nps

        a.metrics = Metrics(nps=Nps(counts=[0, 0, 1, 1, 2, 2, 3, 4, 5, 6, 7]))
    pids = list(tiny_fw.practices)
    for i in range(respondents):
        r = a.add_respondent(f"P{i}", Role.SERVICE)
        for pid in pids[: answered if answered is not None else len(pids)]:
            a.set_answer(r.id, pid, Answer(value=2 + i % 3))
    return a


def test_empty_sections_are_omitted(tiny_fw, tmp_path):
    res = evaluate(tiny_fw, one_role(tiny_fw, respondents=1))
    reader = check_pdf(build_report(res, "en", invariant=True), tmp_path)
    text = flat(text_of(reader))
    titles = outline_titles(reader)
    assert "Perception gaps" not in titles and "Perception gaps" not in text
    assert "Key metrics" not in titles and "Net Promoter" not in text
    assert "Executive summary" in titles and "Roadmap: the top actions" in titles


def test_perception_gaps_need_two_respondents(tiny_fw, tmp_path):
    res = evaluate(tiny_fw, one_role(tiny_fw, respondents=3, nps=True))
    reader = check_pdf(build_report(res, "en"), tmp_path)
    titles = outline_titles(reader)
    assert "Perception gaps" in titles and "Key metrics" in titles
    assert "Where roles disagree most" not in titles  # all respondents share one role: no role comparison


def test_partly_answered_assessment_says_what_is_missing(fw, tmp_path):
    from cemassess.demo import make_demo

    a = make_demo("en")
    first_dim = fw.dimensions[0]
    for per in a.answers.values():
        for p in first_dim.practices:
            per.pop(p.id, None)
    r = a.respondents[1]
    for p in fw.dimensions[1].practices[:2]:
        a.answers[r.id].pop(p.id, None)
    res = evaluate(fw, a)
    reader = check_pdf(build_report(res, "en"), tmp_path)
    text = flat(text_of(reader))
    c = res.completion
    assert f"INCOMPLETE: {c.answered} of {c.total} practices answered" in text
    assert "This assessment is incomplete" in text
    assert f"{first_dim.title('en')} (0/{len(first_dim.practices)})" in text
    assert f"Incomplete: 0 of {len(first_dim.practices)} practices answered." in text
    assert "No score at all for: " + first_dim.title("en") in text
    assert "Respondents who have not finished" in text


def test_progress_and_cancel(tiny_fw):
    res = evaluate(tiny_fw, one_role(tiny_fw, respondents=2))
    seen: list[float] = []
    build_report(res, "en", progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen) and len(seen) > 5
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(ReportCancelled):
        build_report(res, "en", cancelled=cancelled)


def test_branding_and_atomic_write(tiny_fw, tmp_path):
    from cemassess.exchange.export_tabular import write_chart_pngs

    res = evaluate(tiny_fw, one_role(tiny_fw, respondents=2))
    logo = write_chart_pngs(res, tmp_path / "png", "en")[0]  # any PNG will do as a logo
    out = write_report(res, "en", tmp_path / "r.pdf",
                       Branding(consultant="CX Partners", logo=logo, accent="#aa3355"))
    reader = check_pdf(out.read_bytes(), tmp_path)
    assert reader.metadata.author == "CX Partners"
    assert "Prepared by CX Partners" in flat(text_of(reader))
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".r.pdf")] == []  # no temp file left
    # a broken logo and a bad accent never cost the report
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not an image")
    check_pdf(build_report(res, "en", Branding(logo=bad, accent="not-a-colour")), tmp_path, "b.pdf")
