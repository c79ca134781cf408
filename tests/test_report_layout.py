"""What a reader sees on the pages and slides, found by looking at every one of them in each
language and pinned here: type sizes, where text is cut, what stands alone on a page, what
an anonymous report or a room summary gives away. Checked on the extracted text and its
positions (pypdf) and on the slides' shapes (python-pptx), never on pixels."""

from __future__ import annotations

import io
import re
from collections import Counter

import pypdf
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pptx import Presentation
from pptx.util import Emu
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, SimpleDocTemplate

from cemassess.cli import results_for
from cemassess.demo import make_demo
from cemassess.domain.framework import Role
from cemassess.i18n import pct
from cemassess.report.bundle import build_set
from cemassess.report.limits import short
from cemassess.report.model import build_model, s

LANGS = ("en", "ru", "uk")


@pytest.fixture(scope="module")
def demo():
    """lang -> (Results, PDF reader, PPTX bytes) of the demo assessment (a draft, 5 respondents)."""
    out = {}
    for lang in LANGS:
        res = results_for(make_demo(lang))
        files = build_set(res, lang, (".pdf", ".pptx"), invariant=True)
        out[lang] = (res, pypdf.PdfReader(io.BytesIO(files[".pdf"])), files[".pptx"])
    return out


def page_text(reader: pypdf.PdfReader, i: int) -> str:
    return reader.pages[i].extract_text()


def find_page(reader: pypdf.PdfReader, needle: str) -> int:
    for i, p in enumerate(reader.pages):
        if needle in re.sub(r"\s+", " ", p.extract_text()):
            return i
    raise AssertionError(f"no page with {needle!r}")


def sized_runs(page) -> list[tuple[float, float, float, str]]:
    """(font size in pt, x, y, text) of each text run on the page, as drawn."""
    out = []

    def visit(text, cm, tm, _fd, fs):
        if text.strip():
            scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            out.append((round(fs * scale, 2), x, y, text))

    page.extract_text(visitor_text=visit)
    return out


# -- the one-page roadmap --------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_top_roadmap_is_read_at_the_tables_type_size(demo, lang):
    """It was shrunk to fit its page: 5.9 pt in English, 4.9 in Russian, the table two thirds
    of the width. Now the body of the table is the report's 8 pt and spans the page."""
    res, reader, _ = demo[lang]
    i = find_page(reader, s("m.roadmap_title", lang))
    runs = [r for r in sized_runs(reader.pages[i]) if r[0] < 20]  # not the heading, not the watermark
    sizes = Counter(r[0] for r in runs)
    assert min(sizes) >= 7.2, sizes  # the smallest style of a table cell, unshrunk
    assert sizes.most_common(1)[0][0] == 8.0, sizes
    xs = [r[1] for r in runs]
    frame = A4[0] - 40 * mm
    assert max(xs) - min(xs) > 0.75 * frame  # the KPI column starts near the right edge
    # every top action is on this one page
    text = re.sub(r"\s+", " ", page_text(reader, i))
    model = build_model(res, lang)
    assert len(model.roadmap) == 8
    for r in model.roadmap:
        assert r.title in text


def test_top_roadmap_says_a_dependency_once(demo):
    """'It builds on: X' in the why and 'after: X' below it said the same thing twice."""
    res, reader, _ = demo["en"]
    text = re.sub(r"\s+", " ", page_text(reader, find_page(reader, "Roadmap: the top actions")))
    dependent = [it for it in res.roadmap.included[:8] if it.why is not None and it.why.after]
    assert dependent, "the demo's top actions include one that builds on another"
    for it in dependent:
        for dep in it.why.after:
            title = res.framework.actions[dep].title("en")
            on_page = 1 if any(x.id == dep for x in res.roadmap.included[:8]) else 0
            assert text.count(title) == on_page + 1, title


# -- nothing alone on a page -----------------------------------------------------------------------
def _doc_pages(story) -> list[str]:
    from cemassess.report.fonts import register_fonts

    register_fonts()
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1).build(story)
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(buf.getvalue())).pages]


def _ctx():
    from cemassess.report.flow import Ctx
    from cemassess.report.styles import make_styles
    from cemassess.report.theme import Branding

    res = results_for(make_demo("en"))
    from cemassess.report.fonts import register_fonts

    return Ctx(res, "en", make_styles(register_fonts(), "#1f5f8b"), A4[0] - 144, 0, 0, A4[1] - 144, Branding())


@pytest.mark.parametrize(("fill", "rows"), [(10, r) for r in range(14, 26)] + [(12, r) for r in range(12, 22)])
def test_a_note_after_a_tables_last_row_never_stands_alone(fill, rows):
    """The phases page: the blockers table ended at the foot of the page and the note under
    it ("Progress 87%: ...") was all the next page held. Now the last rows go with it."""
    from cemassess.report.flow import guard_tails

    ctx = _ctx()
    spacer = [ctx.u(f"Filler paragraph {k} " * 8, "body") for k in range(fill)]
    table = ctx.table([["#", "What"]] + [[str(n), f"Row {n} text"] for n in range(1, rows + 1)], [60, 300])
    note = ctx.u("NOTE-UNDER-THE-TABLE " * 6, "note")
    pages = _doc_pages(spacer + guard_tails([table, note]))
    holder = next(p for p in pages if "NOTE-UNDER-THE-TABLE" in p)
    assert len(re.findall(r"Row \d+ text", holder)) >= 3, holder[:300]


@pytest.mark.parametrize("rows", range(30, 80))
def test_a_tables_last_page_holds_three_rows_when_a_chart_follows(rows):
    """The full roadmap's last page held one row (the timeline chart after it went on to
    the next page); a personal report ended on a page with one action."""
    from PIL import Image

    from cemassess.report.flow import ChartImage, Heading, guard_tails

    ctx = _ctx()
    table = ctx.table([["#", "What"]] + [[str(n), f"Row {n} text " * 3] for n in range(1, rows + 1)], [60, 300])
    chart = ChartImage(Image.new("RGB", (300, 200), "white"), 300)
    story = guard_tails([table, CondPageBreak(400), Heading("A chart", ctx.st["h2"], 1, "k"), chart,
                         Paragraph("caption", ctx.st["caption"])])
    pages = _doc_pages(story)
    counts = [len(set(re.findall(r"Row (\d+) text", p))) for p in pages]
    counts = [c for c in counts if c]
    assert sum(counts) == rows and min(counts) >= 3, counts


@pytest.mark.parametrize("rows", range(4, 30))
def test_a_long_tables_last_page_of_tall_rows_holds_three(rows):
    """A personal report's roadmap (a few tall rows of unequal height a page) ended on a page
    with two: the rows moved over were counted from the foot of the page, not at a row."""
    from cemassess.report.flow import guard_tails

    ctx = _ctx()
    table = ctx.table([["#", "What"]] + [[str(n), ctx.u(f"Row {n} text " + "long words here " * (40 if n % 3 else 8),
                                                        "cell")] for n in range(1, rows + 1)], [60, 300])
    pages = _doc_pages(guard_tails([table]))
    counts = [c for c in (len(set(re.findall(r"Row (\d+) text", p))) for p in pages) if c]
    assert sum(counts) == rows and (len(counts) == 1 or counts[-1] >= 3) and min(counts) >= 2, counts


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_holds_only_a_few_lines(demo, lang):
    """Every page without a chart carries a page's worth of text: found were a page holding only
    the phase note, one of a single roadmap row and one of the last dimension's comments."""
    _, reader, _ = demo[lang]
    for i, page in enumerate(reader.pages[1:], 2):
        lines = [x for x in page.extract_text().splitlines() if len(x.strip()) > 2]
        body = lines[2:-2]  # the running header (company, title) and the footer (date, page)
        if len(body) < 8:
            assert len(page.images) > 0, (i, body)


def test_headings_stay_with_what_follows(demo):
    """'B2B principles not met' and 'The dimension scores' ended pages, their content on the next."""
    _, reader, _ = demo["en"]
    pairs = (("B2B principles not met", "Customer-centricity in the company"),
             ("The dimension scores", "Design of marketing, sales and service processes:"))
    for head, first in pairs:
        i = next(k for k, p in enumerate(reader.pages) if re.search(rf"^{re.escape(head)}\s*$", p.extract_text(), re.M))
        assert first in re.sub(r"\s+", " ", page_text(reader, i)), head


@pytest.mark.parametrize("lang", LANGS)
def test_a_dimension_row_of_the_answers_never_ends_a_page(demo, lang):
    res, reader, _ = demo[lang]
    fw = res.framework
    groups = {f"{k} {d.title(lang)}" for k, d in enumerate(fw.dimensions, 1)}
    start = find_page(reader, s("app.answers", lang))
    for i in range(start, len(reader.pages)):
        runs = [r for r in sized_runs(reader.pages[i]) if 9 * mm + 5 < r[2] < A4[0] - 20 * mm]  # no header, footer
        lines: dict[float, str] = {}
        for _, _x, y, text in sorted(runs, key=lambda r: (-r[2], r[1])):
            lines[round(y)] = (lines.get(round(y), "") + " " + text).strip()
        if not lines:
            continue
        last = lines[min(lines)]
        assert re.sub(r"\s+", " ", last) not in groups, (i + 1, last)


# -- text cut after a whole word -------------------------------------------------------------------
@given(st.text(alphabet=st.sampled_from("ab cdЖж—,"), max_size=300), st.integers(min_value=5, max_value=200))
def test_short_cuts_after_a_whole_word(text, n):
    out = short(text, n)
    norm = " ".join(text.split())
    assert len(out) <= n
    if out == norm:
        return
    assert out.endswith("…")
    body = out[:-1]
    assert norm.startswith(body)
    rest = norm[len(body):]
    # after a whole word (what follows is a space or a dropped ", ;:—"), unless no word ends in
    # the last 40 % of the room (one long word): then it is cut where it must be
    assert rest[0] in " ,;:—–-" or " " not in norm[int((n - 1) * 0.6): n - 1], (body, rest[:10])


@pytest.mark.parametrize("lang", LANGS)
def test_no_word_of_the_framework_is_cut_in_the_report(demo, lang):
    """Practice statements were cut mid-word ("consist…", "resea…", "enoug…") in the pitfalls,
    the review marks, the dimension tables and the appendix."""
    res, reader, _ = demo[lang]
    fw = res.framework
    words: set[str] = set()
    for p in fw.practices.values():
        words.update(re.findall(r"\w+", p.statement(lang)))
    for d in fw.dimensions:
        words.update(re.findall(r"\w+", d.title(lang)))
    for a in fw.actions.values():
        words.update(re.findall(r"\w+", a.title(lang)))
    text = "\n".join(p.extract_text() for p in reader.pages)
    words.update(re.findall(r"\w+(?![\w…])", text))  # every word the report prints whole somewhere
    words.update(re.findall(r"\w+", s("prof.nps_def", lang)))  # "How likely are you to recommend…?"
    cut = [w for w in re.findall(r"(\w+)…", text) if w not in words]
    assert not cut, cut[:10]


# -- languages and numbers -------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_demo_cover_has_no_english_left(demo, lang):
    _, reader, _ = demo[lang]
    cover = page_text(reader, 0)
    assert "Europe" not in cover and ("Европа" in cover if lang == "ru" else "Європа" in cover)


@pytest.mark.parametrize("lang", LANGS)
def test_phase_chart_in_the_readers_format_and_whole(lang):
    from cemassess.report.charts import phase_progress

    res = results_for(make_demo(lang))
    fig = phase_progress(res, lang)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == [pct(x / 100, lang) for x in (0, 25, 50, 75, 100)]
    if lang == "ru":
        assert "25\u00a0%" in [t.get_text() for t in ax.get_xticklabels()]  # 25 %, not 25%
    labels = " ".join(t.get_text().replace("\n", " ") for t in ax.get_yticklabels())
    assert "…" not in labels
    assert res.framework.phase(3).title(lang).split()[-1] in labels  # "…с клиентами" was cut


def test_unscored_dimension_has_no_target_of_zero():
    """A participant who answered 21 of 51 read "Target 0" and "not scored → 0"."""
    from cemassess.domain.assessment import Answer, Assessment, Company
    from cemassess.report.charts import gap_bars
    from cemassess.report.sections_front import profile

    fw = results_for(make_demo("en")).framework
    a = Assessment(framework=fw.id, company=Company(name="Half"))
    r = a.add_respondent("P", Role.SALES)
    for pid in list(fw.practices)[:21]:
        a.set_answer(r.id, pid, Answer(value=3))
    res = results_for(a)
    unscored = [d for d in fw.dimensions if res.dimensions[d.id].score is None]
    assert unscored
    fig = gap_bars(res, "en")
    assert not any(t.get_text().endswith("→ 0") for t in fig.axes[0].texts)
    ctx = _ctx()
    ctx.res, ctx.model = res, build_model(res, "en")
    table = next(f for f in profile(ctx) if hasattr(f, "_cellvalues"))
    for row in table._cellvalues[1:]:
        if any(getattr(c, "text", "") == unscored[0].title("en") for c in row):
            assert row[-1].text == "–"
            break
    else:
        raise AssertionError("no row for the unscored dimension")


# -- anonymity -------------------------------------------------------------------------------------
def test_anonymous_report_gives_nobody_a_role_of_their_own():
    """With one person per role, "R1, Management" and the key to the codes named the CEO."""
    from cemassess.report.anonymity import anonymise

    res = results_for(make_demo("en"))
    counts = Counter(r.role for r in res.assessment.respondents)
    alone = [r for r in res.assessment.respondents if counts[r.role] == 1]
    assert alone, "the demo has roles held by one person"
    anon = anonymise(res)
    shown = Counter(r.role for r in anon.assessment.respondents)
    assert all(n >= 2 or role == Role.OTHER for role, n in shown.items())
    data = build_set(res, "en", (".pdf", ".pptx"), anonymous=True, invariant=True)
    text = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data[".pdf"])).pages))
    codes = {r.id: f"R{n}" for n, r in enumerate(res.assessment.respondents, 1)}
    for r in alone:
        from cemassess.i18n import role_name

        assert f"{codes[r.id]}, {role_name(r.role.value, 'en')}" not in text
        assert r.name.split()[0] not in text
    assert re.search(r"R\d, Other", text)


# -- slides ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_slides_keep_everything_on_the_slide_at_a_readable_size(demo, lang):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from cemassess.report.fonts import register_fonts

    _, _, data = demo[lang]
    prs = Presentation(io.BytesIO(data))
    font = register_fonts()
    W, H = prs.slide_width, prs.slide_height
    for k, slide in enumerate(prs.slides, 1):
        for sh in slide.shapes:
            assert sh.left >= 0 and sh.top >= 0, (k, sh.name)
            assert sh.left + sh.width <= W and sh.top + sh.height <= H, (k, sh.name)
            if not sh.has_table:
                continue
            table = sh.table
            for row in table.rows:
                for j, cell in enumerate(row.cells):
                    room = Emu(table.columns[j].width).pt - 14.4  # the cell's default 0.1-in margins
                    for p in cell.text_frame.paragraphs:
                        for run in p.runs:
                            size = run.font.size.pt
                            assert size >= 12, (k, run.text, size)  # from the back of the room
                            bold = f"{font}-Bold" if run.font.bold else font
                            for word in run.text.split():
                                # a word wider than its column breaks mid-word ("Manageme nt")
                                assert stringWidth(word, bold, size) <= room, (k, word, size, room)


def test_slide_charts_are_drawn_for_the_room_in_a_report_set(monkeypatch):
    """A report set shares the A4 charts; on the slides their labels were 7-9 pt."""
    from cemassess.report import office, pptx_writer

    seen = []
    real = office.chart_pngs

    def spy(res, lang, theme, names, images=None, trend=None):
        seen.append((theme.font_scale, images, list(names)))
        return real(res, lang, theme, names, images, trend)

    monkeypatch.setattr(pptx_writer, "chart_pngs", spy)
    build_set(results_for(make_demo("en")), "en", (".pdf", ".pptx"))
    redrawn = {n for scale, images, names in seen if images is None for n in names}
    assert {"radar", "gap_bars", "phase_progress", "role_heatmap"} <= redrawn
    assert all(scale == pptx_writer.SLIDE_FONT_SCALE for scale, _, _ in seen)


# -- the room summary ------------------------------------------------------------------------------
def test_phase_mix_withholds_what_subtraction_would_give_away():
    from cemassess.report.room import phase_hidden

    assert phase_hidden([7, 0, 0, 2]) == [False, True, True, True]  # 0 and 2 alike: "fewer than 5"
    assert phase_hidden([6, 5, 5, 1]) == [False, True, False, True]  # the lone one takes the next smallest
    assert phase_hidden([5, 5, 5, 5]) == [False] * 4
    for counts in ([7, 0, 0, 2], [6, 5, 5, 1], [9, 6, 0, 0], [5, 8, 2, 0]):
        hidden = phase_hidden(counts)
        # what the page shows and the room's size never pin down one withheld count
        assert sum(hidden) != 1


def _room(tmp_path, n=7):
    import json

    from test_room_cli import make_room

    from cemassess.content import load_framework
    from cemassess.workshop import load_room

    fw = load_framework()
    make_room(tmp_path / "in", n, fw)
    first = {p.id for p in fw.dimensions[0].practices} | {p.id for p in fw.practices.values() if p.phase == 1}
    for f in sorted((tmp_path / "in").glob("p*.json")):
        data = json.loads(f.read_text(encoding="utf-8"))
        for pid in first:
            data["answers"][pid]["value"] = 1
        f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return load_room([tmp_path / "in"], fw)


@pytest.mark.parametrize("lang", LANGS)
def test_room_summary_says_when_no_gap_is_shared(room7, lang):
    from cemassess.report.room import RoomDigest, RoomSummaryRenderer, _s

    room = room7
    dg = RoomDigest(7, 7, 0, gaps=[], actions=[("Some action", 5)])
    data = RoomSummaryRenderer(room.framework, room.profile, lang, event="E", digest=dg, invariant=True).generate()
    text = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages))
    assert _s("room.no_common_gaps", lang) in text and "Some action" in text


@pytest.fixture(scope="module")
def room7(tmp_path_factory):
    return _room(tmp_path_factory.mktemp("room"))


@pytest.mark.parametrize("k", range(2, 6))
def test_room_summary_keeps_the_distribution_heading_with_its_chart(room7, k):
    """With the common gaps and actions above it, the heading ended page 1, its chart on page 2."""
    from cemassess.report.room import RoomDigest, RoomSummaryRenderer

    room = room7
    many = [(f"Item {j} with a longer title to fill the line", 5) for j in range(k)]
    dg = RoomDigest(8, 7, 1, gaps=many, actions=many)
    data = RoomSummaryRenderer(room.framework, room.profile, "en", event="E", digest=dg, invariant=True).generate()
    reader = pypdf.PdfReader(io.BytesIO(data))
    i = find_page(reader, "Distribution per dimension")
    assert "Each dot is one participant" in re.sub(r"\s+", " ", page_text(reader, i))
