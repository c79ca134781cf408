"""What the Office writers (DOCX, PPTX) share: the charts as PNG bytes, drawn once by the same
chart functions the PDF and the app use, and the branding's colours."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import Any

from cemassess.domain.results import Results
from cemassess.report.theme import ChartTheme


class PngCache(dict):
    """A report set's charts (name -> RGB image) that also keeps each one's PNG once encoded,
    so the Word report and the slides share the encoding as they share the drawing."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.pngs: dict[str, bytes] = {}


def _charts(res: Results, trend: Any) -> dict[str, Callable[..., Any]]:
    """The chart functions by name: the report's charts, and "trend" for a re-assessment."""
    from cemassess.report.charts import ALL_CHARTS

    out: dict[str, Callable[..., Any]] = dict(ALL_CHARTS)
    if trend is not None:
        from cemassess.report.sections_trend import trend_chart

        out["trend"] = lambda r, lang, theme: trend_chart(r.framework, trend, lang, theme)
    return out


def chart_images(res: Results, lang: str, theme: ChartTheme, trend: Any = None) -> dict[str, Any]:
    """Every chart that has something to show, drawn once, as RGB images (shared by a report
    set: the PDF stores the pixels, the Office files a PNG of them); with a `trend` (earlier
    assessments of the company), its chart too."""
    from cemassess.report.raster import figure_to_image

    out: dict[str, Any] = PngCache()
    for name, fn in _charts(res, trend).items():
        fig = fn(res, lang, theme)
        if fig is not None:
            out[name] = figure_to_image(fig)
    return out


def chart_pngs(res: Results, lang: str, theme: ChartTheme, names: Iterable[str],
               images: dict[str, Any] | None = None, trend: Any = None) -> dict[str, bytes]:
    """name -> PNG bytes for each named chart that has something to show; from `images`
    (drawn once for a report set) when given, each encoded once for the set (`PngCache`)."""
    from cemassess.report.raster import figure_to_image

    charts = _charts(res, trend)

    out: dict[str, bytes] = {}
    if images is not None:
        cache = images.pngs if isinstance(images, PngCache) else {}
        for name in dict.fromkeys(names):
            if name in images:
                if name not in cache:
                    buf = io.BytesIO()
                    images[name].save(buf, format="PNG", compress_level=1)
                    cache[name] = buf.getvalue()
                out[name] = cache[name]
        return out
    for name in dict.fromkeys(names):
        fn = charts.get(name)
        if fn is None:
            continue
        fig = fn(res, lang, theme)
        if fig is None:
            continue
        # drawn once and encoded fast, as for a report set (savefig at zlib's default level
        # cost about as much again as the drawing)
        buf = io.BytesIO()
        figure_to_image(fig).save(buf, format="PNG", compress_level=1)
        out[name] = buf.getvalue()
    return out


def clean(text: object) -> str:
    """Text for an Office XML part: control characters (other than tab and line breaks) have
    no place in XML and make python-docx/python-pptx raise, so they become U+FFFD."""
    from cemassess.exchange.export_tabular import clean_text

    return clean_text("" if text is None else str(text))
