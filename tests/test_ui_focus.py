"""Every kind of control shows where the keyboard is, in the light and in a dark palette: the
control (and a view's current item) is grabbed with and without the focus, and the frame
around it must change visibly (cemassess/ui/style.py: a 2-pixel frame in the accent; Qt
stylesheets have no `outline`). The KPI tiles' text reads at 4.5:1 or better on both."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QListWidget, QWidget

from cemassess.report.palette import contrast
from cemassess.ui import style
from cemassess.ui._testsupport import make_window, patch_dialogs, settle
from cemassess.ui.screens import ScreenKey

CHANGED = 60  # summed |ΔR|+|ΔG|+|ΔB| for a pixel to count as changed
RING = 3  # px along the edge of a control where its frame is
SHARE = 0.35  # of the ring's pixels that must change

DARK = {QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Mid: "#5a5a5a",
        QPalette.ColorRole.Light: "#505050", QPalette.ColorRole.Midlight: "#404040",
        QPalette.ColorRole.Dark: "#202020", QPalette.ColorRole.Shadow: "#101010",
        QPalette.ColorRole.Highlight: "#2f65ca", QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a", QPalette.ColorRole.Link: "#8ab4f8",
        QPalette.ColorRole.ToolTipBase: "#2b2b2b", QPalette.ColorRole.ToolTipText: "#e6e6e6"}


@pytest.fixture(params=["light", "dark"])
def tone(request):
    app = QApplication.instance()
    before = QPalette(app.palette())
    if request.param == "dark":
        pal = QPalette(before)
        for role, colour in DARK.items():
            pal.setColor(role, QColor(colour))
        app.setPalette(pal)
    yield request.param
    app.setPalette(before)


def grab(w: QWidget) -> QImage:
    QApplication.processEvents()
    return w.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def changed_share(a: QImage, b: QImage, rect: QRect) -> float:
    """The share of `rect`'s edge ring whose pixels changed between two grabs."""
    n = hit = 0
    for y in range(rect.top(), rect.bottom() + 1):
        for x in range(rect.left(), rect.right() + 1):
            if RING <= x - rect.left() <= rect.width() - 1 - RING and \
                    RING <= y - rect.top() <= rect.height() - 1 - RING:
                continue
            if not (0 <= x < a.width() and 0 <= y < a.height()):
                continue
            pa, pb = QColor(a.pixel(x, y)), QColor(b.pixel(x, y))
            n += 1
            if abs(pa.red() - pb.red()) + abs(pa.green() - pb.green()) + abs(pa.blue() - pb.blue()) >= CHANGED:
                hit += 1
    return hit / max(1, n)


def focus_difference(w: QWidget, away: QWidget, part=None) -> float:
    away.setFocus(Qt.FocusReason.TabFocusReason)
    settle_events()
    assert not w.hasFocus()
    before = grab(w)
    w.setFocus(Qt.FocusReason.TabFocusReason)
    settle_events()
    assert w.hasFocus(), f"{type(w).__name__} did not take the focus"
    after = grab(w)
    rect = part() if part else w.rect()
    return changed_share(before, after, rect)


def settle_events() -> None:
    for _ in range(3):
        QApplication.processEvents()


def item_rect(view) -> QRect:
    """The current item's rectangle in the view's own coordinates."""
    r = view.visualRect(view.currentIndex())
    return r.translated(view.viewport().mapTo(view, QPoint(0, 0)))


def test_every_kind_of_control_shows_the_keyboard_focus(qtbot, monkeypatch, tone):
    patch_dialogs(monkeypatch)
    win = make_window(qtbot)
    win.resize(1366, 768)
    win.session.create_demo()
    settle(qtbot, 30)
    assert style.ink().dark == (tone == "dark")
    for key in (ScreenKey.RESULTS, ScreenKey.ROADMAP, ScreenKey.START):  # filled once shown
        win.navigate(key)
        settle(qtbot, 20)
    views = win.views
    kinds: list[tuple[str, ScreenKey | None, object, object, object]] = []  # name, screen, widget, away, part

    start = views[ScreenKey.START]
    kinds += [("push button", ScreenKey.START, start.new_btn, start.demo_btn, None),
              ("combo box", ScreenKey.START, start.sort, start.new_btn, None),
              ("line edit", ScreenKey.START, start.search, start.new_btn, None),
              ("check box", ScreenKey.START, start.archived, start.new_btn, None),
              ("table view", ScreenKey.START, start.table, start.new_btn, None),
              ("table's current item", ScreenKey.START, start.table, start.new_btn,
               lambda: item_rect(start.table))]
    settings = views[ScreenKey.SETTINGS]
    kinds.append(("spin box", ScreenKey.SETTINGS, settings.now_max, settings.findChildren(type(start.new_btn))[0], None))
    results = views[ScreenKey.RESULTS]
    kinds += [("KPI figure", ScreenKey.RESULTS, results.overall, results.phase, None),
              ("link", ScreenKey.RESULTS, results.blockers.findChildren(QWidget)[0], results.overall, None)]
    road = views[ScreenKey.ROADMAP]
    kinds += [("tree view", ScreenKey.ROADMAP, road.tree, road.add_btn, None),
              ("tree's current item", ScreenKey.ROADMAP, road.tree, road.add_btn, lambda: item_rect(road.tree)),
              ("roadmap KPI figure", ScreenKey.ROADMAP, road.tiles["now"].number, road.add_btn, None)]
    for name, key, w, away, part in kinds:
        win.navigate(key)
        settle(qtbot, 20)
        share = focus_difference(w, away, part)
        assert share >= SHARE, f"{tone}: {name} ({type(w).__name__}) changes only {share:.0%} of its frame"

    # the walk-through: its tree, its own controls and a practice card's
    walk, wv = win.controllers[ScreenKey.WALK], views[ScreenKey.WALK]
    win.navigate(ScreenKey.WALK)
    walk.go_to(dimension=win.session.framework.dimensions[0].id)
    settle(qtbot, 20)
    card = wv.dim_page.cards[0]
    for name, w, away, part in (("walk tree", wv.nav, wv.respondent, None),
                                ("walk tree's current item", wv.nav, wv.respondent, lambda: item_rect(wv.nav)),
                                ("walk combo box", wv.respondent, wv.nav, None),
                                ("walk check box", wv.consensus, wv.nav, None),
                                ("card radio button", card.buttons[3], card.comment, None),
                                ("card comment", card.comment, card.buttons[3], None),
                                ("card check box", card.review, card.comment, None),
                                ("card flat button", card.clear_btn, card.comment, None)):
        share = focus_difference(w, away, part)
        assert share >= SHARE, f"{tone}: {name} ({type(w).__name__}) changes only {share:.0%} of its frame"
    walk.go_to(page="metrics")
    settle(qtbot, 20)
    mp = wv.metrics_page
    share = focus_difference(mp.retention, mp.period)
    assert share >= SHARE, f"{tone}: double spin box changes only {share:.0%}"

    # the tab bar: the current tab's frame
    bar = win.tabs.tabBar()
    win.navigate(ScreenKey.RESULTS)
    settle(qtbot, 20)
    share = focus_difference(bar, results.overall, lambda: bar.tabRect(bar.currentIndex()))
    assert share >= SHARE, f"{tone}: the current tab changes only {share:.0%}"

    # a list view (none on the screens yet): the screens' stylesheet frames it too
    lst = QListWidget()
    lst.addItems(["one", "two", "three"])
    lst.setCurrentRow(1)
    settings.layout().addWidget(lst)
    win.navigate(ScreenKey.SETTINGS)
    settle(qtbot, 20)
    for name, part in (("list view", None), ("list's current item", lambda: item_rect(lst))):
        share = focus_difference(lst, settings.now_max, part)
        assert share >= SHARE, f"{tone}: {name} changes only {share:.0%}"

    # a dialog (the new-assessment form's date field) carries the same frames
    dlg = win.controllers[ScreenKey.START].new_assessment()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    settle(qtbot, 20)
    for name, w in (("dialog date edit", dlg.date), ("dialog line edit", dlg.country)):
        share = focus_difference(w, dlg.company)
        assert share >= SHARE, f"{tone}: {name} changes only {share:.0%}"
    dlg.reject()
    # and one opened from the main window itself, which carries no screen's stylesheet
    from PySide6.QtWidgets import QDialogButtonBox, QPlainTextEdit

    from cemassess.ui.widgets import ExplainDialog

    explain = ExplainDialog("How", ["a line"], "en", win)
    qtbot.addWidget(explain)
    explain.show()
    qtbot.waitExposed(explain)
    explain.activateWindow()
    settle(qtbot, 20)
    close = explain.findChild(QDialogButtonBox).buttons()[0]
    share = focus_difference(close, explain.findChild(QPlainTextEdit))
    assert share >= SHARE, f"{tone}: a dialog's button changes only {share:.0%}"
    explain.close()


def _text_contrast(img: QImage, rect: QRect) -> float:
    return contrast(*_ink(img, rect))


def _ink(img: QImage, rect: QRect) -> tuple[str, str]:
    """A label's ink and background: the most common colour in its rectangle is the
    background, the pixel that differs most from it is the ink."""
    from collections import Counter

    counts: Counter = Counter()
    pixels = []
    for y in range(max(0, rect.top()), min(img.height(), rect.bottom() + 1)):
        for x in range(max(0, rect.left()), min(img.width(), rect.right() + 1)):
            c = QColor(img.pixel(x, y)).name()
            counts[c] += 1
            pixels.append(c)
    bg = counts.most_common(1)[0][0]
    return max(set(pixels), key=lambda c: contrast(c, bg)), bg


def test_kpi_tiles_read_at_4_5_to_1(qtbot, monkeypatch, tone):
    patch_dialogs(monkeypatch)
    win = make_window(qtbot)
    win.resize(1366, 768)
    win.session.create_demo()
    win.navigate(ScreenKey.RESULTS)
    settle(qtbot, 50)
    rv = win.views[ScreenKey.RESULTS]
    k = style.ink()
    assert k.dark == (tone == "dark")
    for ink in (k.text, k.muted):  # what the stylesheet asks for
        assert contrast(ink, k.tile_bg) >= 4.5, (tone, ink, k.tile_bg)
    rv.phase.setFocus()  # no tile's figure framed: the plain state is measured
    settle(qtbot)
    for tile in (rv.overall_box, rv.phase_box, rv.done_box, rv.nps_box):
        assert tile.objectName() == "kpi"
        img = grab(tile)
        for part in (tile.caption, tile.number, tile.note):
            if part is tile.number and part.hasFocus():
                continue
            rect = QRect(part.mapTo(tile, QPoint(0, 0)), part.size())
            got = _text_contrast(img, rect)
            assert got >= 4.5, f"{tone}: {tile.title()!r} {type(part).__name__} reads at {got:.1f}:1"
        # the figure in the text colour, not a link's blue (and not underlined: see the style)
        ink, _bg = _ink(img, QRect(tile.number.mapTo(tile, QPoint(0, 0)), tile.number.size()))
        assert sum(abs(a - b) for a, b in zip(QColor(ink).getRgb()[:3], QColor(k.text).getRgb()[:3],
                                               strict=True)) <= 60, (tone, ink, k.text)
    assert "underline" not in style.app_css().split("QPushButton#number")[1].split("}")[0]
    # the Roadmap's row of tiles, under the timeline's colours, reads as well
    win.navigate(ScreenKey.ROADMAP)
    settle(qtbot, 30)
    road = win.views[ScreenKey.ROADMAP]
    road.add_btn.setFocus()
    settle(qtbot)
    for tile in road.tiles.values():
        img = grab(tile)
        for part in (tile.caption, tile.number, tile.note):
            got = _text_contrast(img, QRect(part.mapTo(tile, QPoint(0, 0)), part.size()))
            assert got >= 4.5, f"{tone}: roadmap {tile.title()!r} {type(part).__name__} reads at {got:.1f}:1"
    win.navigate(ScreenKey.RESULTS)
    settle(qtbot, 20)
    # the charts follow the palette too
    assert win.controllers[ScreenKey.RESULTS].chart_source()[2].dark == (tone == "dark")
    # and on the projector: captions in the text colour, every part of a tile at 4.5:1
    win.toggle_presentation(full_screen=False)
    settle(qtbot, 30)
    rv.phase.setFocus()
    settle(qtbot)
    for tile in (rv.overall_box, rv.phase_box, rv.nps_box):
        img = grab(tile)
        for part in (tile.caption, tile.note) + (() if tile.number.hasFocus() else (tile.number,)):
            got = _text_contrast(img, QRect(part.mapTo(tile, QPoint(0, 0)), part.size()))
            assert got >= 4.5, f"{tone}, projected: {tile.title()!r} {type(part).__name__} reads at {got:.1f}:1"
    win.toggle_presentation()
