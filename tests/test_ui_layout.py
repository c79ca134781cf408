"""Every screen at a 1366×768 laptop's size and at 1920×1080, in English, Russian and Ukrainian, with
the demo assessment open and an event room read: no visible label, KPI tile figure or table cell of any
screen (the roadmap, results, consensus, respondents and event room among them) nor of any
screen on the projector (presentation mode) is cut off ("Заведите единый реестр жалоб со
с…"). A cell's text must fit its column, or wrap within its row's height. The same checks at
150% and 200% scaling: tests/test_ui_hidpi.py."""

from __future__ import annotations

import pytest
from layout_checks import _fits, cut_figures, cut_labels, every_screen
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel

from cemassess.ui._testsupport import make_window, patch_dialogs, settle


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["1366x768", "1920x1080"])
@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
def test_no_word_that_matters_is_cut_off(qtbot, monkeypatch, tmp_path, lang, size):
    patch_dialogs(monkeypatch)
    win = make_window(qtbot, lang=lang)
    win.resize(*size)
    problems = every_screen(win, lambda ms: settle(qtbot, ms), tmp_path / "event")
    assert (win.width(), win.height()) == size
    assert not problems, "\n".join(problems[:40])


def test_the_check_sees_a_cut_off_label(qtbot):
    """The check itself: a label narrower than its words is reported, a wide one is not."""
    lab = QLabel("Заведите единый реестр жалоб со стороны клиентов")
    qtbot.addWidget(lab)
    lab.show()
    lab.resize(120, 20)
    settle(qtbot)
    assert cut_labels(lab.parentWidget() or _Holder(lab))
    fm = QFontMetrics(lab.font())
    assert _fits(fm, lab.text(), fm.horizontalAdvance(lab.text()) + 1, 20, False)
    assert not _fits(fm, lab.text(), 120, 20, False)


def test_the_check_sees_a_figure_wider_than_its_tile(qtbot):
    """The check itself: a tile squeezed narrower than its figure is reported, a wide one is not."""
    from cemassess.ui.tiles import KpiTile

    tile = KpiTile(compact=True)
    qtbot.addWidget(tile)
    tile.number.setText("30.11.2026")
    tile.show()
    tile.resize(400, 120)
    settle(qtbot)
    assert cut_figures(tile) == []
    tile.setMinimumWidth(0)
    tile.number.setMinimumWidth(0)
    tile.number.setFixedWidth(40)
    settle(qtbot)
    assert cut_figures(tile), "a 40 px figure button cannot show 30.11.2026"


class _Holder:
    """findChildren over one widget."""

    def __init__(self, w) -> None:
        self.w = w

    def findChildren(self, _kind):  # noqa: N802 (Qt's name)
        return [self.w]
