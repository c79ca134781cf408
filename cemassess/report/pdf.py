"""The PDF report: `build_report(res, lang) -> bytes`, and `write_report(...)` to a file atomically.

A renderer class with hooks (after pretix's invoice renderer): fonts, styles, the first page,
later pages and the story, each overridable. Charts come from `cemassess.report.charts` (the
same functions the app draws with), rendered to pixels once at the theme's dpi. "Page X of Y"
is drawn with a form XObject filled in when the document is saved, so one layout pass
suffices and the bookmarks point at the right pages.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from cemassess import __version__
from cemassess.domain.results import Results
from cemassess.domain.trend import Trend
from cemassess.i18n import shipped_languages, tr
from cemassess.report import sections_back as back
from cemassess.report import sections_front as front
from cemassess.report.flow import Ctx, Heading, guard_tails
from cemassess.report.fonts import register_fonts
from cemassess.report.strings import STRINGS
from cemassess.report.styles import INK, MUTED, RULE, Styles, make_styles
from cemassess.report.text import fit
from cemassess.report.theme import Branding, ChartTheme

Progress = Callable[[float], None]
Cancelled = Callable[[], bool]
CHART_SHARE = 0.55  # share of the progress bar spent drawing charts
PAGE_COUNT_FORM = "cem_page_count"


class ReportCancelled(Exception):
    """The user cancelled the build (the `cancelled` callback returned True)."""


class ReportLayoutError(Exception):
    """reportlab could not place something on a page: one sentence for the user, no traceback."""


class _PagedCanvas(Canvas):
    """Fills in the total page count (a form every footer refers to) just before saving."""

    footer_font = "Helvetica"

    def save(self) -> None:
        total = self.getPageNumber() - 1 if not self._code else self.getPageNumber()
        if self._code:
            self.showPage()
        self.beginForm(PAGE_COUNT_FORM)
        self.setFont(self.footer_font, 7.5)
        self.setFillColor(MUTED)
        self.drawString(0, 0, str(total))
        self.endForm()
        super().save()


class _Doc(BaseDocTemplate):
    def __init__(self, buf: io.BytesIO, renderer: ReportRenderer, **kw: Any) -> None:
        super().__init__(buf, **kw)
        self.renderer = renderer
        self.n_flowables = 1
        self.done = 0

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading):
            c = self.canv
            c.bookmarkPage(flowable.outline_key)
            c.addOutlineEntry(flowable.outline_text, flowable.outline_key, level=flowable.outline_level,
                              closed=flowable.outline_level > 0)
        self.done += 1
        self.renderer._tick(CHART_SHARE + (1 - CHART_SHARE - 0.05) * min(1.0, self.done / self.n_flowables))


class ReportRenderer:
    """Builds the report. Override a hook to change one part (e.g. `on_first_page` for a
    letterhead, `story` to add a section) without touching the rest."""

    pagesize = A4
    extra_facts: list[tuple[str, str]] = []  # more cover facts (label, value), e.g. the event
    margin_x = 20 * mm
    margin_top = 24 * mm
    margin_bottom = 20 * mm

    def __init__(self, res: Results, lang: str, branding: Branding | None = None, *, invariant: bool = False,
                 progress: Progress | None = None, cancelled: Cancelled | None = None,
                 theme: ChartTheme | None = None, trend: Trend | None = None, anonymous: bool = False,
                 images: dict[str, Any] | None = None, anonymised: bool = False) -> None:
        self.anonymous = anonymous or anonymised
        self.images = images  # charts already drawn for a report set (name -> RGB image)
        if anonymous and not anonymised:  # anonymised: the caller did it (a report set)
            from cemassess.report.anonymity import anonymise

            res = anonymise(res)
        self.res = res
        self.trend = trend  # earlier assessments of the same company, when there are any
        self.lang = lang if lang in shipped_languages() else "en"
        self.branding = branding or Branding()
        self.invariant = invariant
        self._progress = progress
        self._cancelled = cancelled
        self.theme = theme or ChartTheme(accent=self.branding.accent)
        self._last = -1.0

    # -- hooks ---------------------------------------------------------------------------
    def init_fonts(self) -> str:
        return register_fonts()

    def get_styles(self, font: str) -> Styles:
        return make_styles(font, self.branding.accent)

    def render_charts(self) -> dict[str, Any]:
        """Each chart drawn once, to an RGB image (no PNG round trip: the PDF stores pixels)."""
        from cemassess.report.charts import ALL_CHARTS
        from cemassess.report.raster import figure_to_image

        out: dict[str, Any] = {}
        names = list(ALL_CHARTS)
        if self.images is not None:
            out = dict(self.images)
            names = []
        for i, name in enumerate(names):
            self._check()
            fig = ALL_CHARTS[name](self.res, self.lang, self.theme)
            if fig is not None:
                out[name] = figure_to_image(fig)
            self._tick(CHART_SHARE * (i + 1) / len(names))
        if self.trend is not None and "trend" not in out:
            from cemassess.report.sections_trend import trend_chart

            fig = trend_chart(self.res.framework, self.trend, self.lang, self.theme)
            if fig is not None:
                out["trend"] = figure_to_image(fig)
        return out

    def story(self, ctx: Ctx) -> list[Flowable]:
        """The report in order: each section returns [] when it has nothing to say."""
        from cemassess.report.sections_trend import trend_section

        def trend(c: Ctx) -> list[Flowable]:
            return trend_section(c, self.trend, c.charts)

        from cemassess.report import sections_exec as ex

        def executive(c: Ctx) -> list[Flowable]:
            return ex.executive(c, c.model)

        def top_roadmap(c: Ctx) -> list[Flowable]:
            return ex.top_roadmap(c, c.model)

        # executive pages first; the full action list, the per-practice detail and the
        # formulas are the appendix
        portrait = [executive, top_roadmap, front.profile, trend, front.phases, back.perception, back.pitfalls]
        flow: list[Flowable] = front.cover(ctx) + [NextPageTemplate("portrait")]
        for section in portrait:
            part = section(ctx)
            if part:
                flow += [PageBreak()] + guard_tails(part)
        road = back.roadmap(ctx, ctx.s("m.full_roadmap"))
        flow += [NextPageTemplate("landscape"), PageBreak()] + guard_tails(road)
        flow += [NextPageTemplate("portrait"), PageBreak()] + guard_tails(front.dimensions(ctx))
        flow += [PageBreak()] + guard_tails(back.appendix(ctx))
        ans = back.answers(ctx)
        if ans:
            flow += [NextPageTemplate("landscape"), PageBreak()] + guard_tails(ans)
        return flow

    def on_first_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """The cover: an accent band, the consultant's name and logo (or a neutral default)."""
        w, h = canvas._pagesize
        st = self.styles
        canvas.saveState()
        canvas.setFillColor(st.accent)
        canvas.rect(0, h - 9 * mm, w, 9 * mm, stroke=0, fill=1)
        canvas.rect(0, 0, 6 * mm, h - 9 * mm, stroke=0, fill=1)
        logo_drawn = self._draw_logo(canvas, w - self.margin_x - 50 * mm, h - 36 * mm, 50 * mm, 20 * mm)
        who = self.branding.consultant
        if who:
            canvas.setFont(f"{st.font}-Bold", 10.5)
            canvas.setFillColor(INK)
            max_w = (w - 2 * self.margin_x - 55 * mm) if logo_drawn else (w - 2 * self.margin_x)
            canvas.drawString(self.margin_x, h - 24 * mm, fit(who, f"{st.font}-Bold", 10.5, max_w))
        canvas.setFont(st.font, 7.5)
        canvas.setFillColor(MUTED)
        foot = self.model.confidential  # the report model's closing line (who prepared it, for whom)
        canvas.drawString(self.margin_x, 12 * mm, fit(foot, st.font, 7.5, w - 2 * self.margin_x))
        canvas.restoreState()
        self._watermark(canvas)

    def on_later_pages(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Running header (company name, report title) and footer (date, page X of Y)."""
        w, h = canvas._pagesize
        st = self.styles
        a = self.res.assessment
        left, right = self.margin_x, w - self.margin_x
        canvas.saveState()
        canvas.setStrokeColor(st.accent)
        canvas.setLineWidth(1.2)
        canvas.line(left, h - 14 * mm, right, h - 14 * mm)
        canvas.setFont(f"{st.font}-Bold", 8)
        canvas.setFillColor(INK)
        title = tr("app_name", self.lang)
        tw = canvas.stringWidth(title, st.font, 8)
        canvas.drawString(left, h - 12 * mm, fit(a.company.name or "—", f"{st.font}-Bold", 8, right - left - tw - 12))
        canvas.setFont(st.font, 8)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(right, h - 12 * mm, title)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(left, 13 * mm, right, 13 * mm)
        canvas.setFont(st.font, 7.5)
        foot = (self.branding.consultant + " · " if self.branding.consultant else "") + a.date.isoformat()
        label = self.s("page", n=canvas.getPageNumber())
        reserve = canvas.stringWidth(label + " 000", st.font, 7.5) + 12
        canvas.drawString(left, 9 * mm, fit(foot, st.font, 7.5, right - left - reserve))
        # "Page N of " + the total, filled in at save time
        digits_w = canvas.stringWidth("00", _PagedCanvas.footer_font, 7.5)
        x = right - digits_w - canvas.stringWidth(label + " ", st.font, 7.5)
        canvas.drawString(x, 9 * mm, label + " ")
        canvas.translate(right - digits_w, 9 * mm)
        canvas.doForm(PAGE_COUNT_FORM)
        canvas.restoreState()
        self._watermark(canvas)

    def _watermark(self, canvas: Canvas) -> None:
        """DRAFT across every page of a draft assessment's report."""
        if not self.model.draft:
            return
        w, h = canvas._pagesize
        canvas.saveState()
        canvas.setFillColor(self.styles.accent, alpha=0.09)
        canvas.setFont(f"{self.styles.font}-Bold", 96)
        canvas.translate(w / 2, h / 2)
        canvas.rotate(35)
        canvas.drawCentredString(0, -30, self.s("m.draft"))
        canvas.restoreState()

    # -- machinery ---------------------------------------------------------------------------
    def s(self, key: str, **fmt: object) -> str:
        return tr(key, self.lang, STRINGS, **fmt)

    def _tick(self, value: float) -> None:
        self._check()
        if self._progress is not None and value > self._last + 0.01:
            self._last = value
            self._progress(min(1.0, value))

    def _check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ReportCancelled("the report was cancelled")

    def _draw_logo(self, canvas: Canvas, x: float, y: float, w: float, h: float) -> bool:
        logo = self.branding.logo
        if not logo:
            return False
        try:
            img = ImageReader(str(logo))
            iw, ih = img.getSize()
            k = min(w / iw, h / ih)
            canvas.drawImage(img, x + w - iw * k, y, iw * k, ih * k, mask="auto")
            return True
        except Exception:  # a missing or unreadable logo must never cost the consultant the report
            return False

    def _metadata(self) -> dict[str, Any]:
        a = self.res.assessment
        company = a.company.name or "—"
        if len(company) > 120:
            company = company[:119] + "…"
        return {
            "title": f"{tr('app_name', self.lang)}: {company}",
            "author": self.branding.consultant or a.assessor or "cemassess",
            "subject": self.s("meta.subject"),
            "keywords": ["CEM", "CX", "maturity", "roadmap", self.res.framework.id],
            "creator": f"cemassess {__version__}",
            "lang": {"en": "en-GB", "ru": "ru-RU", "uk": "uk-UA"}.get(self.lang, self.lang),
        }

    def generate(self) -> bytes:
        """The PDF bytes. Images are stored binary, not ASCII85: reportlab's ASCII85 encoder is
        pure Python (a fifth of a report's time went there) and binary is also smaller."""
        from reportlab import rl_config

        old = rl_config.useA85
        rl_config.useA85 = 0
        try:
            return self._generate()
        finally:
            rl_config.useA85 = old

    def _generate(self) -> bytes:
        from cemassess.report.model import build_model

        self.model = build_model(self.res, self.lang, consultant=self.branding.consultant, anonymous=self.anonymous,
                                 trend=self.trend)
        at = next((i for i, (k, _) in enumerate(self.model.facts) if k == self.s("cover.status")),
                  len(self.model.facts))
        self.model.facts[at:at] = list(self.extra_facts)  # e.g. the event's name, before the status
        font = self.init_fonts()
        _PagedCanvas.footer_font = font
        self.styles = self.get_styles(font)
        self._tick(0.0)
        charts = self.render_charts()
        buf = io.BytesIO()
        pw, ph = self.pagesize
        lw, lh = landscape(self.pagesize)
        doc = _Doc(buf, self, pagesize=self.pagesize, leftMargin=self.margin_x, rightMargin=self.margin_x,
                   topMargin=self.margin_top, bottomMargin=self.margin_bottom, invariant=1 if self.invariant else 0,
                   **self._metadata())
        fw_, fh_ = pw - 2 * self.margin_x, ph - self.margin_top - self.margin_bottom
        lfw, lfh = lw - 2 * self.margin_x, lh - self.margin_top - self.margin_bottom

        def frame(fid: str, w: float, h: float) -> Frame:
            return Frame(self.margin_x, self.margin_bottom, w, h, id=fid, leftPadding=0, rightPadding=0,
                         topPadding=0, bottomPadding=0)

        doc.addPageTemplates([
            PageTemplate("cover", [frame("cover", fw_, fh_)], onPage=self.on_first_page, pagesize=self.pagesize),
            PageTemplate("portrait", [frame("portrait", fw_, fh_)], onPage=self.on_later_pages,
                         pagesize=self.pagesize),
            PageTemplate("landscape", [frame("landscape", lfw, lfh)], onPage=self.on_later_pages,
                         pagesize=(lw, lh)),
        ])
        ctx = Ctx(self.res, self.lang, self.styles, fw_, lfw, lfh, fh_, self.branding, charts, trend=self.trend,
                  model=self.model)
        flow = self.story(ctx)
        doc.n_flowables = max(1, len(flow))
        from reportlab.platypus.doctemplate import LayoutError

        try:
            doc.build(flow, canvasmaker=_PagedCanvas)
        except LayoutError as e:
            what = str(e).split(" with ")[0].split("(")[0].strip()[:80] or "LayoutError"
            raise ReportLayoutError(self.s("err.layout", what=what)) from None
        self._tick(1.0)
        return buf.getvalue()


def build_report(res: Results, lang: str, branding: Branding | None = None, *, invariant: bool = False,
                 progress: Progress | None = None, cancelled: Cancelled | None = None,
                 theme: ChartTheme | None = None, trend: Trend | None = None, anonymous: bool = False) -> bytes:
    """The whole report as PDF bytes. `progress(0..1)` is called as it goes; `cancelled()`
    returning True stops the build with ReportCancelled. `invariant` makes the bytes depend
    only on the input (fixed dates and ids), for tests."""
    return ReportRenderer(res, lang, branding, invariant=invariant, progress=progress, cancelled=cancelled,
                          theme=theme, trend=trend, anonymous=anonymous).generate()


def write_report(res: Results, lang: str, path: Path | str, branding: Branding | None = None, *,
                 invariant: bool = False, progress: Progress | None = None,
                 cancelled: Cancelled | None = None, trend: Trend | None = None, anonymous: bool = False) -> Path:
    """Build the report and write it atomically (a reader never sees half a PDF)."""
    from cemassess.exchange.atomic import atomic_write_bytes

    data = build_report(res, lang, branding, invariant=invariant, progress=progress, cancelled=cancelled,
                        trend=trend, anonymous=anonymous)
    path = Path(path)
    atomic_write_bytes(path, data)
    return path
