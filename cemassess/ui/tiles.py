"""KPI tiles for Results (and the projector): a caption, the big figure, a small picture in
the report's colours, and a short explanation, in that order of weight.

The figure is a button that takes the keyboard (the accent frame of ui/style.py) and opens
its "how this was computed" with Enter, Space or a click. The pictures are painted, not
bitmaps, so they are sharp at any scaling:

- `ScoreScale`: the 0-100 scale in the role heatmap's colours (warm, neutral, the accent),
  the bands' boundaries and a marker at the score;
- `PhaseStrip`: the three phases as the phase chart colours them (attained in the accent,
  the current one lighter, the ones ahead pale), each filled to its progress;
- `Meter`: one share (how much is answered), in the accent or the report's warning colour;
- `Slots`: the roadmap's Now against its cap, one slot per action, filled in the timeline's
  colour for Now, any beyond the cap in the report's warning colour.

A compact tile (the Roadmap's row of six) has a smaller figure, on the projector too.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QLinearGradient, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from cemassess.report import palette as P
from cemassess.ui import style
from cemassess.ui.widgets import NumberButton, wrap_label


class KpiTile(QFrame):
    """caption / figure / picture / note. `setTitle` sets the caption (the Binder's hook)."""

    def __init__(self, number_size: float = 2.2, parent: QWidget | None = None, *,
                 compact: bool = False) -> None:
        super().__init__(parent)
        style.kpi_tile(self, compact=compact)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(*((10, 6, 10, 6) if compact else (12, 10, 12, 10)))
        lay.setSpacing(2 if compact else 4)
        self.caption = QLabel()
        self.caption.setObjectName("kpiCaption")
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.number = _TileNumber(size=number_size)
        self.picture_slot = QVBoxLayout()
        self.picture_slot.setContentsMargins(4, 0 if compact else 2, 4, 2)
        self.note = wrap_label()
        self.note.setObjectName("kpiNote")
        lay.addWidget(self.caption)
        self.number.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        lay.addWidget(self.number, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addLayout(self.picture_slot)
        lay.addWidget(self.note)
        lay.addStretch(1)

    def setTitle(self, text: str) -> None:  # noqa: N802 (the Binder calls it like QGroupBox's)
        self.caption.setText(text)

    def title(self) -> str:
        return self.caption.text()

    def set_picture(self, w: QWidget) -> QWidget:
        self.picture_slot.addWidget(w)
        return w


class _TileNumber(NumberButton):
    """Enter opens the explanation too (a QPushButton outside a dialog takes only Space)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)


def _track(k: style.Ink) -> QColor:
    """The empty part of a bar: the charts' grid colour on this palette."""
    return QColor(P.mix(k.base, k.text, 0.16 if k.dark else 0.12))


class ScoreScale(QWidget):
    """The 0-100 scale in the heatmap's colours, band boundaries, a marker at the score."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score: float | None = None
        self.bounds: list[float] = []
        self.accent = style.ACCENT
        self.setMinimumHeight(18)
        self.setMaximumHeight(22)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_score(self, score: float | None, bounds: list[float], accent: str) -> None:
        self.score, self.bounds, self.accent = score, [b for b in bounds if 0 < b < 100], accent
        self.update()

    def colour(self) -> str | None:
        return style.band_colour(self.score, self.accent)

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt)
        k = style.ink()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        bar = QRectF(1, h * 0.45, w - 2, h * 0.45)
        grad = QLinearGradient(bar.topLeft(), bar.topRight())
        stops = P.score_stops(self.accent)
        for i, c in enumerate(stops):
            grad.setColorAt(i / (len(stops) - 1), QColor(c))
        p.setPen(QPen(QColor(k.rule), 1))
        p.setBrush(grad)
        p.drawRoundedRect(bar, 3, 3)
        p.setPen(QPen(QColor(k.window if not k.dark else k.base), 1.5))
        for b in self.bounds:  # where each band begins
            x = bar.left() + bar.width() * b / 100
            p.drawLine(QPointF(x, bar.top() + 1), QPointF(x, bar.bottom() - 1))
        if self.score is not None:
            x = bar.left() + bar.width() * max(0.0, min(100.0, self.score)) / 100
            tri = QPainterPath()
            tri.moveTo(x - 5, 0.5)
            tri.lineTo(x + 5, 0.5)
            tri.lineTo(x, bar.top() + 2)
            tri.closeSubpath()
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(k.text))
            p.drawPath(tri)
            p.setPen(QPen(QColor(k.text), 2))
            p.drawLine(QPointF(x, bar.top()), QPointF(x, bar.bottom()))
        p.end()


class PhaseStrip(QWidget):
    """Phases 1-3 side by side, each filled to its progress in the phase chart's colours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.phases: list[tuple[int, float, str]] = []  # (number, progress 0-1, state)
        self.accent = style.ACCENT
        self.setMinimumHeight(20)
        self.setMaximumHeight(22)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_phases(self, phases: list[tuple[int, float, str]], accent: str) -> None:
        self.phases, self.accent = phases, accent
        self.update()

    def colours(self) -> list[str]:
        return [style.phase_colour(state, self.accent) for _n, _p, state in self.phases]

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt)
        if not self.phases:
            return
        k = style.ink()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        gap = 4
        n = len(self.phases)
        seg = (self.width() - gap * (n - 1) - 2) / n
        f = p.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 0.85)
        p.setFont(f)
        for i, (number, progress, state) in enumerate(self.phases):
            r = QRectF(1 + i * (seg + gap), 1, seg, self.height() - 2)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(_track(k))
            p.drawRoundedRect(r, 3, 3)
            fill = QColor(style.phase_colour(state, self.accent))
            done = QRectF(r.left(), r.top(), r.width() * max(0.0, min(1.0, progress)), r.height())
            if done.width() > 0:
                p.setBrush(fill)
                p.drawRoundedRect(done, 3, 3)
            # the number reads on whatever lies under it
            under = fill.name() if progress >= 0.5 else _track(k).name()
            p.setPen(QColor(P.ink_on(under)))
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, str(number))
            if state == "current":
                p.setPen(QPen(QColor(k.text), 1.5))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRoundedRect(r.adjusted(0.75, 0.75, -0.75, -0.75), 3, 3)
        p.end()


class Meter(QWidget):
    """One share, 0-1: the accent, or the report's warning colour while incomplete."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.share = 0.0
        self.colour = style.ACCENT
        self.setMinimumHeight(8)
        self.setMaximumHeight(8)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_share(self, share: float, colour: str) -> None:
        self.share, self.colour = max(0.0, min(1.0, share)), colour
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt)
        k = style.ink()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(1, 1, self.width() - 2, self.height() - 2)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(_track(k))
        p.drawRoundedRect(r, 3, 3)
        if self.share > 0:
            p.setBrush(QColor(self.colour))
            p.drawRoundedRect(QRectF(r.left(), r.top(), r.width() * self.share, r.height()), 3, 3)
        p.end()


class Slots(QWidget):
    """`filled` of `cap` slots (the actions in Now against the cap on Now): the filled ones in
    `colour`, any beyond the cap (actions the user placed there) in the warning colour."""

    MAX_DRAWN = 24  # more slots than this are drawn as one bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filled, self.cap = 0, 1
        self.colour = style.ACCENT
        self.setMinimumHeight(10)
        self.setMaximumHeight(10)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_slots(self, filled: int, cap: int, colour: str) -> None:
        self.filled, self.cap, self.colour = max(0, filled), max(1, cap), colour
        self.update()

    def colours(self) -> list[str | None]:
        """Each slot's fill, None for an empty one (what the picture shows, for tests)."""
        over = style.status_colour("warn")
        return [self.colour if i < min(self.filled, self.cap) else over if i >= self.cap else None
                for i in range(max(self.filled, self.cap))]

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt)
        k = style.ink()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        slots = self.colours()
        p.setPen(Qt.PenStyle.NoPen)
        w, h = self.width() - 2, self.height() - 2
        if len(slots) > self.MAX_DRAWN:  # one bar: the cap's share filled, the rest over it
            r = QRectF(1, 1, w, h)
            p.setBrush(_track(k))
            p.drawRoundedRect(r, 3, 3)
            total = len(slots)
            inside = min(self.filled, self.cap)
            p.setBrush(QColor(self.colour))
            p.drawRoundedRect(QRectF(1, 1, w * inside / total, h), 3, 3)
            if self.filled > self.cap:
                p.setBrush(QColor(style.status_colour("warn")))
                p.drawRoundedRect(QRectF(1 + w * self.cap / total, 1, w * (self.filled - self.cap) / total, h), 3, 3)
            p.end()
            return
        gap = 3.0
        seg = (w - gap * (len(slots) - 1)) / max(1, len(slots))
        for i, colour in enumerate(slots):
            p.setBrush(QColor(colour) if colour else _track(k))
            p.drawRoundedRect(QRectF(1 + i * (seg + gap), 1, seg, h), 2, 2)
        p.end()
