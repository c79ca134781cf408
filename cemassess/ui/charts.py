"""Charts in the app: the report's own chart functions drawn on a FigureCanvasQTAgg.

`draw_chart()` is the one place the app asks for a figure. matplotlib (and its Qt backend)
is imported on a background thread the first time a chart is needed (`warm_up()`), never
at start-up and never on the GUI thread: until it is ready the chart shows a placeholder.
A chart redraws only while its screen is visible: hidden charts just remember they are out
of date.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from cemassess.ui.strings import t
from cemassess.ui.widgets import discard

SCREEN_DPI = 96
_canvas_class = None


def _canvas(fig: Any) -> QWidget:
    """A FigureCanvasQTAgg that keeps quiet when a layout squeezes it to nothing for an
    instant (a tab being shown): matplotlib warns that its constrained layout collapsed."""
    global _canvas_class
    if _canvas_class is None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        class Canvas(FigureCanvasQTAgg):
            def draw(self) -> None:
                with warnings.catch_warnings():
                    warnings.filterwarnings("ignore", message="constrained_layout not applied")
                    super().draw()

        _canvas_class = Canvas
    return _canvas_class(fig)


def draw_chart(kind: str, res: Any, lang: str, theme: Any):
    """The report layer's chart `kind` for these results: a matplotlib Figure, or None."""
    from cemassess.report import charts

    return getattr(charts, kind)(res, lang, theme)


def chart_theme(accent: str = "#1f5f8b", font_scale: float = 1.0, dark: bool = False):
    from cemassess.report.theme import ChartTheme

    return ChartTheme(accent=accent, font_scale=font_scale, dpi=SCREEN_DPI, dark=dark)


_warm: threading.Thread | None = None
_ready = threading.Event()


def charts_ready() -> bool:
    return _ready.is_set()


def warm_up() -> None:
    """Import matplotlib and the chart module off the GUI thread (once)."""
    global _warm
    if _warm is not None:
        return

    def work() -> None:
        try:
            import matplotlib.backends.backend_qtagg  # noqa: F401
            import matplotlib.figure

            import cemassess.report.charts  # noqa: F401

            fig = matplotlib.figure.Figure(figsize=(2, 1), dpi=SCREEN_DPI)
            fig.add_subplot().set_title("warm-up Ж")  # loads fonts (Cyrillic too) into the cache
            from matplotlib.backends.backend_agg import FigureCanvasAgg

            FigureCanvasAgg(fig).draw()
        except Exception:  # the real draw will report the problem where it is seen
            pass
        _ready.set()

    _warm = threading.Thread(target=work, name="cemassess-warm-up", daemon=True)
    _warm.start()


class ChartView(QWidget):
    """A slot for one chart. `source()` gives (results, lang, theme) or None."""

    def __init__(self, kind: str, name_key: str, source: Callable[[], tuple | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.name_key = name_key
        self.source = source
        self.figure = None
        self._canvas: QWidget | None = None
        self._dirty = True
        self._lay = QVBoxLayout(self)
        self._lay.setContentsMargins(0, 0, 0, 0)
        self._placeholder = QLabel()
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setWordWrap(True)
        self._placeholder.setStyleSheet("color: palette(mid); border: 1px dashed palette(mid);"
                                        " padding: 12px;")
        self._lay.addWidget(self._placeholder)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.empty = False  # the last draw had nothing to show (e.g. one role only)

    def invalidate(self) -> None:
        self._dirty = True
        if self.isVisible():
            QTimer.singleShot(0, self.redraw_if_dirty)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        if self._dirty:
            QTimer.singleShot(0, self.redraw_if_dirty)

    def redraw_if_dirty(self) -> None:
        if self._dirty and self.isVisible():
            self.redraw()

    def redraw(self) -> None:
        src = self.source()
        if src is None:
            return
        res, lang, theme = src
        self.setAccessibleName(t(self.name_key, lang))
        if not charts_ready():  # matplotlib loads off the GUI thread; look again shortly
            warm_up()
            if self._canvas is None:
                self._placeholder.setText(t("chart.loading", lang))
                self._placeholder.show()
                self.setFixedHeight(max(60, self._placeholder.sizeHint().height()))
            QTimer.singleShot(50, self.redraw_if_dirty)
            return
        self._dirty = False
        try:
            fig = draw_chart(self.kind, res, lang, theme)
        except ImportError:
            fig = None
            self._show_placeholder(t("chart.unavailable", lang))
            return
        self.empty = fig is None
        if fig is None:
            self._show_placeholder(t(f"chart.empty.{self.kind}", lang))
            return
        canvas = _canvas(fig)
        canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        canvas.setAccessibleName(t(self.name_key, lang))
        w, h = fig.get_size_inches()
        canvas.setMinimumHeight(int(h * SCREEN_DPI))
        canvas.setMinimumWidth(min(int(w * SCREEN_DPI), 360))
        self.setFixedHeight(int(h * SCREEN_DPI))
        if self._canvas is not None:
            self._lay.removeWidget(self._canvas)
            discard(self._canvas)
        self._placeholder.hide()
        self._lay.addWidget(canvas)
        self._canvas = canvas
        self.figure = fig

    def _show_placeholder(self, text: str) -> None:
        if self._canvas is not None:
            self._lay.removeWidget(self._canvas)
            discard(self._canvas)
            self._canvas = None
            self.figure = None
        self._placeholder.setText(text)
        self._placeholder.show()
        self.setFixedHeight(max(60, self._placeholder.sizeHint().height()))
