"""The walk-through's pages besides the practice cards: a dimension page (the traditional
vs CEM contrast, then its practices), the phase diagnosis, the metrics and the Voice-of-
the-Customer pitfalls. Views only: the walk-through controller fills them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cemassess.ui.screens.practice_card import PracticeCard
from cemassess.ui.strings import t
from cemassess.ui.widgets import LinkLabel, discard, heading, wrap_label


def scroller(inner: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(inner)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


class DimensionPage(QWidget):
    """Built for one dimension at a time; the cards are rebuilt when the dimension changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.inner = QWidget()
        self.lay = QVBoxLayout(self.inner)
        self.title = heading(size=1.4)
        self.lay.addWidget(self.title)
        contrast = QHBoxLayout()
        self.trad_box = QGroupBox()
        self.cem_box = QGroupBox()
        self.trad = wrap_label()
        self.cem = wrap_label()
        for box, lab in ((self.trad_box, self.trad), (self.cem_box, self.cem)):
            QVBoxLayout(box).addWidget(lab)
            contrast.addWidget(box, 1)
        from cemassess.ui import style

        style.contrast_box(self.trad_box, "traditional")
        style.contrast_box(self.cem_box, "cem")
        self.lay.addLayout(contrast)
        self.progress = QLabel()
        self.lay.addWidget(self.progress)
        self.cards_box = QVBoxLayout()
        self.cards_box.setSpacing(10)
        self.lay.addLayout(self.cards_box)
        self.lay.addStretch(1)
        self.scroll = scroller(self.inner)
        outer.addWidget(self.scroll)
        self.cards: list[PracticeCard] = []
        self.dimension: Any = None

    def build(self, dim: Any, number: int, lang: str) -> list[PracticeCard]:
        for c in self.cards:
            self.cards_box.removeWidget(c)
            discard(c)
        self.dimension = dim
        self.number = number
        self.cards = [PracticeCard(f"{number}.{i + 1}", p, lang, self.inner)
                      for i, p in enumerate(dim.practices)]
        for c in self.cards:
            self.cards_box.addWidget(c)
        self.translateUI(lang)
        self.scroll.verticalScrollBar().setValue(0)
        return self.cards

    def translateUI(self, lang: str) -> None:  # noqa: N802
        d = self.dimension
        if d is None:
            return
        self.title.setText(f"{self.number}. {d.title(lang)}")
        self.trad_box.setTitle(t("walk.traditional", lang))
        self.cem_box.setTitle(t("walk.cem", lang))
        self.trad.setText(d.traditional(lang))
        self.cem.setText(d.cem(lang))
        for c in self.cards:
            c.translateUI(lang)

    def card(self, pid: str) -> PracticeCard | None:
        return next((c for c in self.cards if c.pid == pid), None)


class LinkList(QWidget):
    """A vertical list of buttons that jump to practices."""

    clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(12, 0, 0, 0)
        self.lay.setSpacing(0)

    def set_links(self, links: list[tuple[str, str]]) -> None:
        while self.lay.count():
            w = self.lay.takeAt(0).widget()
            if w is not None:
                discard(w)
        for pid, text in links:
            link = LinkLabel(text)
            link.activated.connect(lambda p=pid: self.clicked.emit(p))
            self.lay.addWidget(link)


class PhasePage(QWidget):
    """The three phases: what each means, whether it is attained, what blocks it."""

    practiceClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        inner = QWidget()
        lay = QVBoxLayout(inner)
        self.title = heading(size=1.4)
        lay.addWidget(self.title)
        self.summary = wrap_label()
        lay.addWidget(self.summary)
        self.boxes: list[tuple[QGroupBox, QLabel, QProgressBar, QLabel, LinkList]] = []
        for _ in range(3):
            box = QGroupBox()
            bl = QVBoxLayout(box)
            desc = wrap_label()
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setTextVisible(False)  # said beside the bar, never half under its fill
            bar.setMaximumWidth(420)
            bar_text = QLabel()
            bar.bar_text = bar_text  # type: ignore[attr-defined]
            row = QHBoxLayout()
            row.addWidget(bar, 1)
            row.addWidget(bar_text)
            row.addStretch(0)
            status = wrap_label()
            links = LinkList()
            links.clicked.connect(self.practiceClicked)
            bl.addWidget(desc)
            bl.addLayout(row)
            for w in (status, links):
                bl.addWidget(w)
            lay.addWidget(box)
            self.boxes.append((box, desc, bar, status, links))
        lay.addStretch(1)
        outer.addWidget(scroller(inner))


class ChecksPage(QWidget):
    """Voice-of-the-Customer pitfalls and B2B principles, judged from the practices."""

    practiceClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.inner = QWidget()
        self.lay = QVBoxLayout(self.inner)
        self.title = heading(size=1.4)
        self.lay.addWidget(self.title)
        self.intro = wrap_label()
        self.lay.addWidget(self.intro)
        self.items = QVBoxLayout()
        self.lay.addLayout(self.items)
        self.lay.addStretch(1)
        outer.addWidget(scroller(self.inner))

    def clear(self) -> None:
        while self.items.count():
            w = self.items.takeAt(0).widget()
            if w is not None:
                discard(w)

    def add(self, title: str, status: str, colour: str, text: str, links: list[tuple[str, str]]) -> None:
        box = QGroupBox(title)
        box.setAccessibleName(title)
        bl = QVBoxLayout(box)
        from cemassess.ui import style

        st = style.coloured(wrap_label(status, bold=True), colour)
        bl.addWidget(st)
        bl.addWidget(wrap_label(text))
        ll = LinkList()
        ll.set_links(links)
        ll.clicked.connect(self.practiceClicked)
        bl.addWidget(ll)
        self.items.addWidget(box)
