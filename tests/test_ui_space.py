"""No large empty areas on Respondents and Consensus (issue: "large empty areas on Respondents
and Consensus" at 1920×1080). The screen is grabbed and cut into 24-pixel cells; a cell is
blank when all its pixels are one colour; the share of blank cells above the last row with
anything in it (tests/layout_checks.empty_share) must stay under EMPTY, at a 1080p monitor's
size and a laptop's, in every language. Before the layouts below it was 0.43-0.46
(Respondents: a table stretched over half the screen for five people) and 0.26-0.28
(Consensus: an empty column under the decision beside a long list) at 1920×1080."""

from __future__ import annotations

import pytest
from layout_checks import empty_share
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from cemassess.ui._testsupport import make_window, patch_dialogs, settle
from cemassess.ui.screens import ScreenKey

EMPTY = 0.25


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)], ids=["1920x1080", "1366x768"])
@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
def test_respondents_and_consensus_use_the_space(qtbot, monkeypatch, lang, size):
    patch_dialogs(monkeypatch)
    win = make_window(qtbot, lang=lang)
    win.resize(*size)
    win.session.create_demo()
    settle(qtbot, 30)
    found = {}
    for key in (ScreenKey.RESPONDENTS, ScreenKey.MERGE):
        win.navigate(key)
        settle(qtbot, 60)
        found[key] = empty_share(win.pages[key])
    assert (win.width(), win.height()) == size
    assert all(share < EMPTY for share in found.values()), found
    rv = win.views[ScreenKey.RESPONDENTS]
    table = rv.table
    rows = table.rowCount()
    content = table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(rows))
    assert rows == len(win.session.assessment.respondents) == 5
    assert table.height() <= content + 2 * table.frameWidth() + 4, "the table is as tall as its rows"
    if size[0] >= 1600:  # on the wide screen: the agenda beside the people, the list above the decision
        assert rv.cons_box.x() > rv.people.x() + rv.people.width() - 1
        mv = win.views[ScreenKey.MERGE]
        assert mv.detail_scroll.y() > mv.list.y() + mv.list.height() - 1
        assert mv.answers_box.y() == pytest.approx(mv.card.parentWidget().y(), abs=40)
        mc = win.controllers[ScreenKey.MERGE]
        for pid in (mc.pids[5], mc.pids[0]):  # another practice: the decision below stays whole
            mc.go_to(practice=pid)
            settle(qtbot, 60)
            assert mv.card.pid == pid and mv.detail_scroll.verticalScrollBar().maximum() == 0, pid


def test_the_measure_sees_a_stretched_empty_table(qtbot):
    """The measure itself: a table far taller than its two rows is mostly empty; its rows
    filled with words down to its bottom, it is not."""
    holder = QWidget()
    qtbot.addWidget(holder)
    lay = QVBoxLayout(holder)
    table = QTableWidget(2, 3)
    lay.addWidget(table)
    holder.resize(600, 700)
    holder.show()

    def fill(rows: int) -> None:
        table.setRowCount(rows)
        for r in range(rows):
            for c in range(3):
                table.setItem(r, c, QTableWidgetItem(f"Respondent {r} in column {c}"))
        table.resizeColumnsToContents()
        settle(qtbot)

    fill(2)
    stretched = empty_share(holder)
    fill(40)
    assert stretched > 0.5 and empty_share(holder) < EMPTY, (stretched, empty_share(holder))
