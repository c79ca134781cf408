"""Debrief slides (.pptx, python-pptx): a deck to walk the room through the results: title,
headline, phase, the charts, the change since the last assessment (a re-assessment),
strengths and gaps, perception gaps, the roadmap. 16:9, branded
with the consultant's accent and logo. What each slide says comes from the report model;
this writer only lays it out. Text goes in as text runs, never parsed."""

from __future__ import annotations

import contextlib
import io
from typing import Any

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Pt

from cemassess.domain.results import Results
from cemassess.explain import no_actions
from cemassess.i18n import num, tr
from cemassess.report import palette
from cemassess.report.limits import short
from cemassess.report.model import ActionRow, ReportModel, build_model, lv, s
from cemassess.report.office import chart_pngs, clean
from cemassess.report.theme import Branding, ChartTheme

FONT = "Arial"
W, H = Emu(12192000), Emu(6858000)  # 16:9, 13.33 x 7.5 in
MARGIN = Emu(457200)  # 0.5 in
ROADMAP_ROWS = 5  # actions on one roadmap slide (at TABLE_PT)
# The slides' charts are drawn for the room, larger than the A4 pages' (the app's presentation
# mode uses the same scale): at the PDF's scale their labels are 7-9 pt on a 13.3-inch slide.
SLIDE_FONT_SCALE = 1.6
SLIDE_DPI = 110
TABLE_PT = 14  # table text on a slide; smaller is not read from the back of the room
# Charts a report set draws again for the slides. The key metrics and the trend fill a slide's
# width, which enlarges the A4 chart's labels to 12-14 pt; these four are shown at about
# their A4 size, where the labels stay at 7-9 pt.
REDRAWN = ("radar", "gap_bars", "phase_progress", "role_heatmap")


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor(*palette.rgb(hex_colour))


def _short(text: str, n: int) -> str:
    return short(text, n)  # after a whole word, never mid-word


class PptxWriter:
    def __init__(self, res: Results, lang: str, branding: Branding | None = None, *, anonymous: bool = False,
                 theme: ChartTheme | None = None, images: dict[str, Any] | None = None, trend: Any = None,
                 anonymised: bool = False) -> None:
        self.images = images  # a report set's A4 charts (name -> RGB image): see REDRAWN
        if anonymous and not anonymised:  # anonymised: the caller did it (a report set)
            from cemassess.report.anonymity import anonymise

            res = anonymise(res)
        self.res, self.lang = res, lang if lang in ("en", "ru", "uk") else "en"
        self.branding = branding or Branding()
        self.trend = trend  # earlier assessments of the same company: the "Change over time" slide
        self.model: ReportModel = build_model(res, self.lang, consultant=self.branding.consultant,
                                              anonymous=anonymous or anonymised, trend=trend)
        self.theme = theme or ChartTheme(accent=self.branding.accent, font_scale=SLIDE_FONT_SCALE, dpi=SLIDE_DPI)
        self.accent = self.branding.accent

    # -- helpers ---------------------------------------------------------------------------------
    def _text(self, slide, x, y, w, h, text: str, size: float = 16, *, bold: bool = False,
              colour: str = palette.INK, align=PP_ALIGN.LEFT):
        box = slide.shapes.add_textbox(x, y, w, h)
        tf = box.text_frame
        tf.word_wrap = True
        tf.vertical_anchor = MSO_ANCHOR.TOP
        first = True
        for line in clean(text).split("\n"):
            p = tf.paragraphs[0] if first else tf.add_paragraph()
            first = False
            p.alignment = align
            r = p.add_run()
            r.text = line
            r.font.size, r.font.bold, r.font.name = Pt(size), bold, FONT
            r.font.color.rgb = _rgb(colour)
        return box

    def _slide(self, prs, title: str):
        slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank
        bar = slide.shapes.add_shape(1, 0, 0, W, Emu(91440))
        bar.fill.solid()
        bar.fill.fore_color.rgb = _rgb(self.accent)
        bar.line.fill.background()
        self._text(slide, MARGIN, Emu(228600), W - 2 * MARGIN, Emu(640080), title, 26, bold=True,
                   colour=self.accent)
        foot = " · ".join(x for x in (_short(self.model.company, 80), self.model.firm,
                                      self.model.date.isoformat()) if x)
        self._text(slide, MARGIN, H - Emu(411480), W - 2 * MARGIN - Emu(1600000), Emu(320040), foot, 10,
                   colour=palette.MUTED)
        if self.model.draft:
            self._text(slide, W - MARGIN - Emu(1600000), H - Emu(411480), Emu(1600000), Emu(320040),
                       s("m.draft", self.lang), 12, bold=True, colour=palette.WARN, align=PP_ALIGN.RIGHT)
        return slide

    def _picture(self, slide, png: bytes, x, y, max_w, max_h) -> None:
        from PIL import Image

        with Image.open(io.BytesIO(png)) as im:
            iw, ih = im.size
        k = min(max_w / iw, max_h / ih)
        w, h = int(iw * k), int(ih * k)
        slide.shapes.add_picture(io.BytesIO(png), x + (max_w - w) // 2, y, w, h)

    def _table(self, slide, head: list[str], rows: list[list[str]], widths: list[float], x, y, w, h,
               size: float = 11) -> None:
        shape = slide.shapes.add_table(len(rows) + 1, len(head), x, y, w, h)
        table = shape.table
        for j, share in enumerate(widths):
            table.columns[j].width = int(w * share)
        # the header one line high (two if a heading wraps), the rows share the rest: split
        # evenly, the header stood twice as tall as its words
        head_h = min(int(h) // (len(rows) + 1), int(Pt(size * 2.9)))
        table.rows[0].height = Emu(head_h)
        for row in list(table.rows)[1:]:
            row.height = Emu((int(h) - head_h) // max(1, len(rows)))
        for i, row in enumerate([head] + rows):
            for j, text in enumerate(row):
                cell = table.cell(i, j)
                cell.text = ""
                tf = cell.text_frame
                tf.word_wrap = True
                lines = clean(text).split("\n")
                for k, line in enumerate(lines):
                    p = tf.paragraphs[0] if k == 0 else tf.add_paragraph()
                    r = p.add_run()
                    r.text = line
                    r.font.name = FONT
                    r.font.size = Pt(size if k == 0 else size - 2)
                    r.font.bold = i == 0 or (j == 1 and k == 0 and len(lines) > 1)
                    r.font.color.rgb = _rgb(palette.WHITE if i == 0 else palette.INK if k == 0 else palette.MUTED)
                cell.fill.solid()
                cell.fill.fore_color.rgb = _rgb(self.accent if i == 0 else palette.ZEBRA if i % 2 == 0
                                                else palette.WHITE)

    # -- slides ----------------------------------------------------------------------------------
    def _title_slide(self, prs) -> None:
        m = self.model
        slide = prs.slides.add_slide(prs.slide_layouts[6])
        band = slide.shapes.add_shape(1, 0, 0, Emu(228600), H)
        band.fill.solid()
        band.fill.fore_color.rgb = _rgb(self.accent)
        band.line.fill.background()
        if self.branding.logo is not None:
            with contextlib.suppress(Exception):  # checked by the caller; a logo never costs the deck
                slide.shapes.add_picture(str(self.branding.logo), W - MARGIN - Emu(1828800), MARGIN,
                                         height=Emu(640080))
        if self.branding.consultant:
            self._text(slide, Emu(685800), MARGIN, Emu(7000000), Emu(457200), self.branding.consultant, 16,
                       bold=True, colour=self.accent)
        self._text(slide, Emu(685800), Emu(1600200), W - Emu(1371600), Emu(600000),
                   s("cover.kicker", self.lang).upper(), 14, bold=True, colour=self.accent)
        self._text(slide, Emu(685800), Emu(2100000), W - Emu(1371600), Emu(900000), s("cover.title", self.lang), 36,
                   bold=True)
        size = 28 if len(m.company) <= 60 else 18 if len(m.company) <= 140 else 13
        self._text(slide, Emu(685800), Emu(3150000), W - Emu(1371600), Emu(1300000), m.company, size, bold=True)
        facts = [f"{k}: {v}" for k, v in m.facts
                 if k in (s("cover.date", self.lang), s("m.by", self.lang), s("cover.status", self.lang))
                 and not (self.branding.consultant and k == s("m.by", self.lang))]
        self._text(slide, Emu(685800), Emu(4700000), W - Emu(1371600), Emu(1400000), "\n".join(facts), 14,
                   colour=palette.MUTED)

    def _headline(self, prs) -> None:
        m, h = self.model, self.model.headline
        slide = self._slide(prs, s("m.headline_title", self.lang))
        big = num(h.score, self.lang, 1) if h.score is not None else s("m.withheld_tile", self.lang)
        self._text(slide, MARGIN, Emu(1100000), Emu(3600000), Emu(1000000), big, 54 if h.score is not None else 30,
                   bold=True, colour=self.accent)
        self._text(slide, MARGIN, Emu(2150000), Emu(3600000), Emu(900000),
                   tr("overall", self.lang) + (f" / 100\n{h.band}" if h.score is not None else ""), 16,
                   colour=palette.MUTED)
        self._text(slide, MARGIN, Emu(3200000), Emu(3600000), Emu(900000), h.coverage, 14, colour=palette.MUTED)
        self._text(slide, Emu(4400000), Emu(1100000), W - Emu(4400000) - MARGIN, Emu(2600000), h.sentence, 20)
        self._text(slide, Emu(4400000), Emu(4000000), W - Emu(4400000) - MARGIN, Emu(1800000),
                   m.phase.label + ".", 18, bold=True)

    def _phase(self, prs, charts) -> None:
        slide = self._slide(prs, s("m.phase_title", self.lang))
        self._text(slide, MARGIN, Emu(1000000), W - 2 * MARGIN, Emu(500000), self.model.phase.label + ".", 20,
                   bold=True)
        png = charts.get("phase_progress")
        if png is not None:
            # below the phase line, which takes two lines in Russian and Ukrainian
            self._picture(slide, png, MARGIN, Emu(1780000), W - 2 * MARGIN, Emu(2450000))
        self._text(slide, MARGIN, Emu(4350000), W - 2 * MARGIN, Emu(1900000),
                   _short(self.model.phase.sentence, 420), 14)

    def _chart_slide(self, prs, title: str, png: bytes | None) -> None:
        if png is None:
            return
        slide = self._slide(prs, title)
        self._picture(slide, png, MARGIN, Emu(1000000), W - 2 * MARGIN, H - Emu(1000000) - Emu(550000))

    def _points(self, prs) -> None:
        m = self.model
        slide = self._slide(prs, s("m.strengths", self.lang) + " · " + s("m.gaps", self.lang))
        half = (W - 3 * MARGIN) // 2
        for k, (title, points, colour) in enumerate(((s("m.strengths", self.lang), m.strengths, self.accent),
                                                     (s("m.gaps", self.lang), m.gaps, palette.WARN))):
            x = MARGIN + k * (half + MARGIN)
            self._text(slide, x, Emu(1100000), half, Emu(500000), title, 20, bold=True, colour=colour)
            self._text(slide, x, Emu(1700000), half, Emu(4000000),
                       "\n".join("• " + p.sentence for p in points) or tr("not_scored", self.lang), 20)

    def _gaps(self, prs, charts) -> None:
        """The heatmap on a slide of its own, then the practices the roles disagree on most on
        the next: side by side, both were too small to read and the table's words broke mid-word."""
        m = self.model
        if not m.perception and "role_heatmap" not in charts:
            return
        png = charts.get("role_heatmap")
        if png is not None:
            slide = self._slide(prs, tr("perception_gaps", self.lang))
            self._picture(slide, png, MARGIN, Emu(1000000), W - 2 * MARGIN, H - Emu(1000000) - Emu(550000))
        if m.perception:
            slide = self._slide(prs, s("gap.roles_title", self.lang))
            rows = [[_short(g.practice, 150), g.high, g.low, lv(g.gap, self.lang)] for g in m.perception[:5]]
            self._table(slide, [s("dim.practice", self.lang), s("gap.high", self.lang), s("gap.low", self.lang),
                                s("gap.gap", self.lang)], rows, [0.56, 0.17, 0.17, 0.10], MARGIN, Emu(1000000),
                        W - 2 * MARGIN, Emu(450000 + 800000 * len(rows)), size=TABLE_PT)

    def _trend(self, prs, charts) -> None:
        """A re-assessment: the trend lines on one slide, the change per dimension on the next
        (the report model's words, as in the PDF and the Word report). Side by side, the chart's
        legend was too small to read and the table ran into the footer."""
        tw = self.model.trend
        if tw is None:
            return
        png = charts.get("trend")
        if png is not None:
            self._chart_slide(prs, tw.title, png)
        slide = self._slide(prs, tw.title)
        rows = [[_short(r.dimension, 80), r.before, r.after, f"{r.change} {r.direction}"] for r in tw.rows]
        size = TABLE_PT if len(rows) <= 10 else max(9, int(TABLE_PT * 10 / len(rows)))
        self._table(slide, list(tw.head[:4]), rows, [0.5, 0.14, 0.14, 0.22], MARGIN, Emu(1000000), W - 2 * MARGIN,
                    Emu(int((0.32 + 0.44 * len(rows)) * 914400 * size / TABLE_PT)), size=size)

    def _roadmap(self, prs) -> None:
        rows: list[ActionRow] = self.model.roadmap
        if not rows:
            slide = self._slide(prs, s("m.roadmap_title", self.lang))
            self._text(slide, MARGIN, Emu(1200000), W - 2 * MARGIN, Emu(800000), no_actions(self.res.overall, self.lang) or s("sum.no_actions", self.lang), 20)
            return
        n_slides = -(-len(rows) // ROADMAP_ROWS)
        per = -(-len(rows) // n_slides)  # balanced: 8 actions are 4 + 4, not 6 + 2
        for start in range(0, len(rows), per):
            part = rows[start:start + per]
            slide = self._slide(prs, s("m.roadmap_title", self.lang))
            body = []
            for n, r in enumerate(part, start + 1):
                deps = ("\n" + s("m.depends", self.lang) + ": " + "; ".join(r.depends_on)) if r.depends_on else ""
                body.append([str(n), _short(r.title, 110) + "\n" + r.horizon + (f" · {r.tag}" if r.tag else "") + deps,
                             _short(r.owner or "–", 60),
                             r.due.isoformat() + (f"\n{s('m.due_default', self.lang)}" if r.due_default else ""),
                             _short(r.kpi or "–", 90)])
            self._table(slide, ["#", s("m.action", self.lang), tr("owner", self.lang), tr("due", self.lang),
                                tr("kpi", self.lang)], body, [0.05, 0.45, 0.17, 0.12, 0.21], MARGIN, Emu(1000000),
                        W - 2 * MARGIN, Emu(450000 + 900000 * len(part)), size=TABLE_PT)

    def build(self) -> bytes:
        prs = Presentation()
        prs.slide_width, prs.slide_height = W, H
        names = ("radar", "gap_bars", "phase_progress", "role_heatmap", "nps_panel", "trend")
        # drawn here at the slides' scale: a report set's A4 charts (self.images) only where a
        # slide shows them large enough (each draw costs a report set ~0.15 s)
        own = [n for n in names if self.images is None or n in REDRAWN]
        charts = chart_pngs(self.res, self.lang, self.theme, own, None, trend=self.trend)
        if self.images is not None:
            charts.update(chart_pngs(self.res, self.lang, self.theme, [n for n in names if n not in own],
                                     self.images, trend=self.trend))
        self._title_slide(prs)
        self._headline(prs)
        self._phase(prs, charts)
        self._chart_slide(prs, s("sec.profile", self.lang), charts.get("radar"))
        self._chart_slide(prs, s("prof.gaps", self.lang), charts.get("gap_bars"))
        self._trend(prs, charts)
        self._points(prs)
        self._gaps(prs, charts)
        self._chart_slide(prs, s("prof.metrics", self.lang), charts.get("nps_panel"))
        self._roadmap(prs)
        cp = prs.core_properties
        cp.title = clean(f"{tr('app_name', self.lang)}: {self.model.company}")[:250]
        cp.author = clean(self.model.firm or "cemassess")[:250]
        cp.language = {"en": "en-GB", "ru": "ru-RU", "uk": "uk-UA"}[self.lang]
        buf = io.BytesIO()
        prs.save(buf)
        return buf.getvalue()


def build_pptx(res: Results, lang: str, branding: Branding | None = None, *, anonymous: bool = False,
               trend: Any = None) -> bytes:
    return PptxWriter(res, lang, branding, anonymous=anonymous, trend=trend).build()
