"""Charts in the app: the report's own chart functions, drawn off the GUI thread.

`draw_chart()` is the one place the app asks for a figure (the same functions the PDF
uses). A `ChartView` hands the drawing to a worker thread: the worker builds the matplotlib
Figure and renders it with Agg to pixels at the size and pixel ratio on screen; the GUI
thread only shows the finished image. Building and rendering one chart takes 50-300 ms,
which on the GUI thread would freeze the window (an embedded FigureCanvasQTAgg renders in
its paint event), so the 100 ms bar of issue 5 rules that out. matplotlib is imported by
the first worker, never at start-up. A chart is drawn only while its screen is visible and
again when its width changes; hidden charts just remember they are out of date. The
drawing itself is Qt-free (cemassess.report.onscreen); the Event room's live charts are
drawn by the live room's child process (data with `render_rgba`, see `render`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from cemassess.ui.strings import UI, t

SCREEN_DPI = 96  # cemassess.report.onscreen draws at these (one set of numbers)


def draw_chart(kind: str, res: Any, lang: str, theme: Any):
    """The report layer's chart `kind` for these results: a matplotlib Figure, or None
    (cemassess.report.onscreen.draw_chart; the one place the app asks for a figure)."""
    from cemassess.report.onscreen import draw_chart as draw

    return draw(kind, res, lang, theme)


def chart_theme(accent: str | None = None, font_scale: float = 1.0, dark: bool | None = None):
    """The charts' theme on screen: the brand's accent, dark when the system palette is (the
    GUI thread asks; the drawing thread only reads the result)."""
    from cemassess.report.theme import DEFAULT_ACCENT, ChartTheme

    if dark is None:
        from cemassess.ui.style import is_dark

        dark = is_dark()
    return ChartTheme(accent=accent or DEFAULT_ACCENT, font_scale=font_scale, dpi=SCREEN_DPI, dark=dark)


def render(kind: str, res: Any, lang: str, theme: Any, width_px: int, ratio: float,
           enlarge: bool = False) -> QImage | None:
    """Build the chart and render it to an image `width_px` logical pixels wide at most
    (`ratio` device pixels each). A wider slot widens the chart, or with `enlarge` (the
    projector) scales all of it up. Runs on a worker thread: only Figure and Agg, no pyplot,
    no widgets. Data that draws itself elsewhere (`render_rgba`: the live room's charts,
    drawn in its child process) is drawn there, and here only if that process is gone."""
    pixels = None
    remote = getattr(res, "render_rgba", None)
    if remote is not None:
        try:
            pixels = remote(kind, lang, theme, width_px, ratio, enlarge)
        except OSError:  # the child process went away: draw it here
            res, remote = res.data, None
        else:
            if pixels is None:
                return None
    if pixels is None:
        fig = draw_chart(kind, res, lang, theme)
        if fig is None:
            return None
        from cemassess.report.onscreen import rasterize

        pixels = rasterize(fig, width_px, ratio, enlarge)
    buf, w, h = pixels
    image = QImage(buf, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()
    image.setDevicePixelRatio(ratio)
    return image


_POOL: QThreadPool | None = None
_JOBS: set = set()  # running jobs, kept alive until they report


def chart_pool() -> QThreadPool:
    """One drawing thread: Python threads share one interpreter lock, so every extra drawing
    thread would take a bigger share of the time the GUI thread needs to stay responsive."""
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(1)
    return _POOL


def stop_drawing(timeout_ms: int = 5000) -> None:
    """Drop queued charts and wait for the one being drawn (before the app exits)."""
    if _POOL is not None:
        _POOL.clear()
        _POOL.waitForDone(timeout_ms)


class _Loaded(QObject):
    done = Signal(str)


class _LoadJob(QRunnable):
    """Imports a module on the drawing thread (matplotlib and reportlab cost 0.5 s)."""

    def __init__(self, module: str, signals: _Loaded) -> None:
        super().__init__()
        self.module, self.signals = module, signals

    def run(self) -> None:
        import contextlib
        import importlib

        try:
            importlib.import_module(self.module)
        except ImportError:
            return
        finally:
            _JOBS.discard(self)
        with contextlib.suppress(RuntimeError):  # the receiver went away meanwhile
            self.signals.done.emit(self.module)


_LOADED = _Loaded()
_LOADING: set[str] = set()


def loaded(module: str, then: Callable[[], None] | None = None) -> Any:
    """The module if it is imported already; else None, and it is imported on the drawing
    thread and `then()` is called on the GUI thread once it is there. The screens use this
    for the report's small text helpers, so the GUI thread never pays for matplotlib."""
    import sys

    mod = sys.modules.get(module)
    if mod is not None:
        return mod
    if then is not None:
        def call(name: str) -> None:
            if name == module:
                _LOADED.done.disconnect(call)
                then()

        _LOADED.done.connect(call)
    if module not in _LOADING:
        _LOADING.add(module)
        job = _LoadJob(module, _LOADED)
        job.setAutoDelete(False)
        _JOBS.add(job)
        chart_pool().start(job)
    return None


class _Signals(QObject):
    done = Signal(int, object)  # generation, QImage | None
    failed = Signal(int, str)


class _RenderJob(QRunnable):
    def __init__(self, generation: int, args: tuple) -> None:
        super().__init__()
        self.generation, self.args = generation, args
        self.signals = _Signals()

    def run(self) -> None:
        try:
            image, error = render(*self.args), ""
        except ImportError:
            image, error = None, "unavailable"
        except Exception as e:  # shown in place of the chart, never a crash
            image, error = None, f"{type(e).__name__}: {e}"
        try:
            if error:
                self.signals.failed.emit(self.generation, error)
            else:
                self.signals.done.emit(self.generation, image)
        except RuntimeError:  # the app is shutting down and took the receiver with it
            pass
        finally:
            _JOBS.discard(self)


class ChartView(QWidget):
    """A slot for one chart. `source()` gives (results, lang, theme) or None; the results
    handed over must not change afterwards (a snapshot), as a worker reads them."""

    drawn = Signal()  # a new image is on show (or the chart has nothing to show)

    def __init__(self, kind: str, name_key: str, source: Callable[[], tuple | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.name_key = name_key
        self.source = source
        self.image: QImage | None = None
        self.enlarge = False  # scale up rather than widen (presentation mode)
        self.empty = False  # the last draw had nothing to show (e.g. one role only)
        self._dirty = True
        self._generation = 0
        self.pending = False  # a worker is drawing
        self._drawn_width = 0
        self._lay = QVBoxLayout(self)
        self._lay.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self)  # every chart says what it shows (the PDF's heading above it)
        self.title.setObjectName("chartTitle")  # sized for the projector by ui/style.py
        self.title.setWordWrap(True)
        f = self.title.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.1)
        self.title.setFont(f)
        self.title.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._lay.addWidget(self.title)
        self.title.setVisible(f"chart.title.{kind}" in UI)
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.label.setWordWrap(True)
        # the image never widens the slot: it is drawn again at the slot's width instead
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.label.setMinimumSize(1, 1)
        self._lay.addWidget(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(320)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(150)
        self._resize_timer.timeout.connect(self._width_changed)
        self._placeholder("")

    @property
    def figure_ready(self) -> bool:
        return self.image is not None or self.empty

    @property
    def busy(self) -> bool:
        """Out of date, being drawn, or about to be drawn again for a new width."""
        return self._dirty or self.pending or self._resize_timer.isActive()

    def invalidate(self) -> None:
        self._dirty = True
        if self.isVisible():
            QTimer.singleShot(0, self.redraw_if_dirty)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        if self._dirty:  # after the screen has been painted: the drawing thread competes with it
            QTimer.singleShot(40, self.redraw_if_dirty)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        if self.image is None and not self.pending:
            return
        drawn = self._drawn_width
        shown = self.image.width() / self.image.devicePixelRatio() if self.image is not None else drawn
        # drawn for a slot that has since grown or shrunk: drawn again at the final width,
        # so nothing is cut off ("esearch and customer feedback", "10" for 100)
        if shown > self.width() + 1 or abs(self.width() - drawn) > 0.08 * max(1, drawn):
            self._resize_timer.start()

    def _width_changed(self) -> None:
        self._dirty = True
        self.redraw_if_dirty()

    def redraw_if_dirty(self) -> None:
        if self._dirty and self.isVisible():
            self.redraw()

    def redraw(self) -> None:
        """Ask a worker for a fresh image (the newest request wins)."""
        src = self.source()
        if src is None:
            return
        res, lang, theme = src
        self._dirty = False
        self.lang = lang
        self.setAccessibleName(t(self.name_key, lang))
        self.label.setAccessibleName(t(self.name_key, lang))
        if f"chart.title.{self.kind}" in UI:
            self.title.setText(t(f"chart.title.{self.kind}", lang))
        if self.image is None:
            self._placeholder(t("chart.loading", lang))
        self._generation += 1
        width = max(320, self.width())
        job = _RenderJob(self._generation, (self.kind, res, lang, theme, width,
                                            self.devicePixelRatioF(), self.enlarge))
        job.signals.done.connect(self._done)
        job.signals.failed.connect(self._failed)
        job.setAutoDelete(False)
        _JOBS.add(job)
        self._drawn_width = width
        self.pending = True
        chart_pool().start(job)

    def _done(self, generation: int, image: QImage | None) -> None:
        if generation != self._generation:
            return  # an older request finished late
        self.pending = False
        self.empty = image is None
        if image is None:
            self.image = None
            self._placeholder(t(f"chart.empty.{self.kind}", self.lang))
        else:
            self.image = image
            self.label.setStyleSheet("")
            self.label.setPixmap(QPixmap.fromImage(image))
            h = int(image.height() / image.devicePixelRatio()) + 2
            self.label.setFixedHeight(h)
            self.setFixedHeight(h + self._title_height())
            if image.width() / image.devicePixelRatio() > self.width() + 1:
                self._resize_timer.start()  # the slot shrank while it was drawn: again, narrower
        self.drawn.emit()

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.pending = False
            self.image = None
            self._placeholder(t("chart.unavailable", self.lang) if message == "unavailable"
                              else message)
            self.drawn.emit()

    def _placeholder(self, text: str) -> None:
        self.label.setPixmap(QPixmap())
        self.label.setText(text)
        from cemassess.ui import style

        self.label.setStyleSheet(style.placeholder_css())
        self.label.setMinimumHeight(0)
        self.label.setMaximumHeight(16_777_215)
        h = max(60, self.label.sizeHint().height())
        self.label.setFixedHeight(h)
        self.setFixedHeight(h + self._title_height())

    def _title_height(self) -> int:
        if not self.title.isVisibleTo(self):
            return 0
        h = self.title.heightForWidth(max(100, self.width()))
        return max(h, self.title.sizeHint().height()) + self._lay.spacing()


def wait_for_charts(views: list[ChartView], timeout_s: float = 60.0) -> bool:
    """Process events until every visible chart has its image (scripts and tests)."""
    import time

    from PySide6.QtWidgets import QApplication

    deadline = time.perf_counter() + timeout_s
    while time.perf_counter() < deadline:
        QApplication.processEvents()
        if all(not v.isVisible() or not v.busy for v in views):
            return True
        time.sleep(0.01)
    return False
