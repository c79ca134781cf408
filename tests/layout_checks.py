"""What "the words that matter are not cut off" means, shared by tests/test_ui_layout.py (in
the test process, 100%) and tests/hidpi_probe.py (a child process at QT_SCALE_FACTOR 1.5
and 2, which Qt reads only before the QApplication exists).

A visible plain-text label must fit its contents rectangle (wrapped within its height when it
wraps); a KPI tile's figure must fit its button and tile; a table or tree cell's text must fit
its column, or wrap within its row's height.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QPushButton, QStyle, QTreeView

SLACK = 2  # pixels of rounding


def _fits(fm: QFontMetrics, text: str, width: int, height: int, wrap: bool) -> bool:
    if wrap:
        need = fm.boundingRect(QRect(0, 0, max(1, width), 100_000),
                               int(Qt.TextFlag.TextWordWrap), text).height()
        return need <= height + SLACK and all(
            fm.horizontalAdvance(word) <= width + SLACK for word in text.split())
    return all(fm.horizontalAdvance(line) <= width + SLACK for line in text.split("\n"))


def cut_labels(root) -> list[str]:
    out = []
    for lab in root.findChildren(QLabel):
        text = lab.text()
        if not lab.isVisible() or not text or lab.textFormat() == Qt.TextFormat.RichText:
            continue
        r = lab.contentsRect()
        m = lab.margin() * 2 + lab.indent() if lab.indent() > 0 else lab.margin() * 2
        if not _fits(lab.fontMetrics(), text, r.width() - m, r.height() - m, lab.wordWrap()):
            out.append(f"label {text[:60]!r} in {r.width()}px")
    return out


def cut_figures(root) -> list[str]:
    """A KPI tile's figure (a flat button, ui/tiles.py) must show its whole text inside its tile:
    the text within the button less its padding and frame, the button within the tile."""
    out = []
    for btn in root.findChildren(QPushButton, "number"):
        text = btn.text()
        if not btn.isVisible() or not text:
            continue
        need = QFontMetrics(btn.font()).horizontalAdvance(text)
        room = btn.width() - 2 * (4 + 2)  # padding 0 4px and a 2 px focus frame (ui/style.py)
        tile = btn.parentWidget()
        inside = tile is None or btn.geometry().right() <= tile.contentsRect().right() + SLACK
        if need > room + SLACK or not inside:
            out.append(f"figure {text!r} needs {need}px in {room}px" + ("" if inside else " (past its tile)"))
    return out


def cut_cells(view: QAbstractItemView) -> list[str]:
    out = []
    model = view.model()
    style = view.style()
    margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    indicator = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, view) + margin
    wrap = view.wordWrap() if hasattr(view, "wordWrap") else False
    viewport = view.viewport().rect()

    def walk(parent) -> None:
        for row in range(model.rowCount(parent)):
            for col in range(model.columnCount(parent)):
                idx = model.index(row, col, parent)
                if isinstance(view, QTreeView):
                    if view.isColumnHidden(col) or (col and view.isFirstColumnSpanned(row, parent)):
                        continue
                elif view.isColumnHidden(col) or view.isRowHidden(row):
                    continue
                text = idx.data(Qt.ItemDataRole.DisplayRole)
                rect = view.visualRect(idx)
                if not isinstance(text, str) or not text or rect.isEmpty():
                    continue
                if not rect.intersects(viewport) and rect.top() < viewport.top():
                    continue
                font = idx.data(Qt.ItemDataRole.FontRole)
                fm = QFontMetrics(font if isinstance(font, QFont) else view.font())
                width = rect.width() - margin
                if idx.data(Qt.ItemDataRole.CheckStateRole) is not None:
                    width -= indicator
                if not _fits(fm, text, width, rect.height() - 2, wrap):
                    out.append(f"cell ({row},{col}) {text[:60]!r} in {width}px")
            first = model.index(row, 0, parent)
            if model.rowCount(first):
                walk(first)

    walk(view.rootIndex())
    return out


def page_problems(name: str, page) -> list[str]:
    """Every cut-off label and cell on one screen's page, prefixed with the screen's name."""
    problems = [f"{name}: {p}" for p in cut_labels(page) + cut_figures(page)]
    for view in page.findChildren(QAbstractItemView):
        if view.isVisible() and not isinstance(view, QHeaderView):
            problems += [f"{name}: {p}" for p in cut_cells(view)]
    return problems


def event_files(fw: Any, folder: Path, n: int) -> Path:
    """`n` participants' answer files for an event (generated answers, for layout checks)."""
    from cemassess.domain.framework import Role
    from cemassess.ui._testsupport import answer_file

    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        data = answer_file(fw, lambda j, i=i: 1 + (i + j) % 5, f"Person {i}", role=Role.MANAGEMENT,
                           company=f"Company {chr(65 + i)}", mode="event", consent=i != 0)
        (folder / f"p{i}.json").write_bytes(data)
    return folder


def every_screen(win: Any, settle: Callable[[int], None], folder: Path, *,
                 checked: tuple | None = None) -> list[str]:
    """The demo assessment open (its first roadmap action given a due date), an event room of
    eight participants read, then every screen in turn, then presentation mode's screens: the problems of the `checked` screens (all when
    None), and of every screen shown on the projector."""
    from cemassess.ui.charts import ChartView, wait_for_charts
    from cemassess.ui.screens import SCREENS, ScreenKey

    win.session.create_demo()
    settle(50)
    import datetime as dt

    # a due date, so the roadmap's "first due" tile and Due column show their longest form
    first = win.session.results().roadmap.items[0].id
    win.session.edit_action(first, due=dt.date(2026, 11, 30))
    settle(20)
    ev = win.controllers[ScreenKey.EVENT]
    win.navigate(ScreenKey.EVENT)
    ev.add_files([event_files(win.session.framework, folder, 8)])
    for _ in range(3000):  # read and scored on a worker
        settle(10)
        if ev.job is None and ev.room is not None:
            break
    assert ev.shown_room, "the event room did not load"
    problems: list[str] = []

    def look(name: str, key: Any) -> None:
        win.navigate(key)
        settle(30)
        page = win.pages[key]
        wait_for_charts(page.findChildren(ChartView))
        settle(30)
        if checked is None or key in checked or name.startswith("presentation/"):
            problems.extend(page_problems(name, page))

    for spec in SCREENS:
        look(str(spec.key), spec.key)
    win.toggle_presentation(full_screen=False)
    size = win.size()
    try:
        for spec in SCREENS:
            if spec.presentation:
                win.resize(size)
                look(f"presentation/{spec.key}", spec.key)
    finally:
        win.toggle_presentation()
    return problems


def blank_cells(widget, cell: int = 24):
    """The widget's picture cut into cells of `cell` pixels: True where every pixel of a cell
    has one colour (no text, no rule, no picture), as a 2-D numpy array of rows of cells."""
    import numpy as np
    from PySide6.QtGui import QImage

    img = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    w, h = img.width(), img.height()
    px = np.frombuffer(img.constBits(), dtype=np.uint32, count=img.bytesPerLine() * h // 4)
    px = px.reshape(h, img.bytesPerLine() // 4)[:, :w]
    rows, cols = h // cell, w // cell
    grid = px[:rows * cell, :cols * cell].reshape(rows, cell, cols, cell)
    return (grid == grid[:, :1, :, :1]).all(axis=(1, 3))


def empty_share(widget, cell: int = 24) -> float:
    """The share of a screen that is empty within its content: the cells of blank_cells() above
    the last row of cells holding anything (what is left below all the content is the page's
    end, not a hole in it). A table stretched far taller or wider than its rows, or a column
    with nothing in it beside a long list, is blank cells; a line of text, a rule or a frame
    is not."""
    blank = blank_cells(widget, cell)
    last = max((r for r in range(blank.shape[0]) if not blank[r].all()), default=-1)
    inside = blank[:last + 1]
    return float(inside.mean()) if inside.size else 0.0
