"""The desktop app walked by keyboard, from a new company to the roadmap (pytest-qt, offscreen).

Every figure the screens show is checked against the core's own `evaluate()` on the
assessment as the store holds it, so the test also proves each answer was saved."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from cemassess.domain.results import evaluate
from cemassess.ui._testsupport import focused, make_window, patch_dialogs, press, settle, type_text
from cemassess.ui.screens import ScreenKey
from cemassess.ui.screens.practice_card import PracticeCard
from cemassess.ui.widgets import LinkLabel

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
K = Qt.Key
# one key per practice, cycling: levels, N/A and don't know
PATTERN = [K.Key_3, K.Key_4, K.Key_2, K.Key_5, K.Key_4, K.Key_1, K.Key_N, K.Key_4, K.Key_3, K.Key_D,
           K.Key_4, K.Key_5]
VALUE = {K.Key_1: 1, K.Key_2: 2, K.Key_3: 3, K.Key_4: 4, K.Key_5: 5, K.Key_N: "na", K.Key_D: "dk"}


@pytest.fixture
def answers(monkeypatch):
    return patch_dialogs(monkeypatch)


def new_company(qtbot, win, name: str = "Acme Components", assessor_answers: bool = True) -> None:
    press(K.Key_N, CTRL, widget=win)
    settle(qtbot)
    dlg = win.controllers[ScreenKey.START].dialog
    assert dlg is not None and focused() is dlg.company
    type_text(name)
    press(K.Key_Tab)
    type_text("manufacturing")
    for _ in range(4):  # size, market, country, assessor
        press(K.Key_Tab)
    type_text("Dana Smith")
    if assessor_answers:  # asked separately: the assessor is a respondent only if chosen
        press(K.Key_Tab)
        assert focused() is dlg.answers_too
        press(K.Key_Space)
        assert dlg.role.isEnabled()
    press(K.Key_Return)
    settle(qtbot, 20)


def current_card() -> PracticeCard:
    w = focused()
    while w is not None and not isinstance(w, PracticeCard):
        w = w.parentWidget()
    assert w is not None, f"the focus is not on a practice: {focused()}"
    return w


def stored(win):
    """The assessment as the store holds it (a fresh copy from the portfolio)."""
    s = win.session
    return s.portfolio.get(s.assessment.id)


def core_results(win):
    s = win.session
    seg = s.results().benchmark.segment.id if s.results().benchmark else None
    return evaluate(s.framework, stored(win), benchmarks=s.benchmarks, segment_id=seg)


def test_keyboard_walk_from_a_new_company_to_the_roadmap(qtbot, answers):
    win = make_window(qtbot)
    new_company(qtbot, win)
    s = win.session
    assert s.assessment.company.name == "Acme Components"
    assert s.assessment.company.industry == "manufacturing"
    assert s.assessment.respondents[0].name == "Dana Smith"
    assert win.tabs.currentWidget() is win.pages[ScreenKey.WALK]

    # every practice answered in one key press; the focus moves on by itself
    fw = s.framework
    expected = {}
    timings = []
    for i, pid in enumerate(fw.practices):
        card = current_card()
        assert card.pid == pid, f"practice {i}: focus on {card.pid}, expected {pid}"
        key = PATTERN[i % len(PATTERN)]
        t0 = time.perf_counter()
        press(key)
        settle(qtbot)
        timings.append(time.perf_counter() - t0)
        expected[pid] = VALUE[key]
    # after the last practice the walk-through moves on to the metrics
    assert win.views[ScreenKey.WALK].pages.currentIndex() == 2
    rid = s.assessment.respondents[0].id
    saved = stored(win)
    assert {p: a.value for p, a in saved.answers[rid].items()} == expected
    assert win.views[ScreenKey.WALK].progress.value() == 100
    # no key press blocks the window
    timings.sort()
    assert timings[len(timings) // 2] < 0.5, timings
    # the 100 ms target is measured by bench/bench_startup.py --handlers (docs/performance.md),
    # not here: on a loaded machine a test can only check that no key blocks the window
    assert timings[-1] < 1.0, timings[-5:]

    # NPS counts typed into the metrics page, by keyboard
    page = win.views[ScreenKey.WALK].metrics_page
    counts = [1, 0, 2, 1, 3, 4, 5, 8, 9, 12, 10]
    for i, c in enumerate(counts):
        press(K.Key_Tab)
        assert focused() is page.counts[i].lineEdit() or focused() is page.counts[i]
        press(K.Key_A, CTRL)
        type_text(str(c))
    press(K.Key_Tab)
    settle(qtbot)
    assert stored(win).metrics.nps.counts == counts

    # results: every figure is the core's
    press(K.Key_5, CTRL, widget=win)
    settle(qtbot, 20)
    res = core_results(win)
    rv = win.views[ScreenKey.RESULTS]
    assert rv.overall.text() == f"{res.overall.score:.1f}"
    assert rv.phase.text().endswith(str(res.phase.current))
    assert rv.nps.text() == f"{res.nps.score:+.0f}"
    for row, d in enumerate(fw.dimensions):
        score = res.dimensions[d.id].score
        assert rv.table.item(row, 1).text() == (f"{score:.1f}" if score is not None else "—")
    blockers = [fw.practices[b.practice_id].statement("en") for b in res.phase.blocking]
    shown = [w.text() for w in rv.blockers.findChildren(LinkLabel)]
    assert all(any(b in text for text in shown) for b in blockers[:12])
    # Enter on a dimension row opens its "how this was computed"
    rv.table.setFocus()
    rv.table.setCurrentCell(2, 0)
    press(K.Key_Return)
    assert answers.explanations and answers.explanations[-1][0] == fw.dimensions[2].title("en")

    # roadmap: the core's actions, in its order, grouped Now / Next / Later
    press(K.Key_6, CTRL, widget=win)
    settle(qtbot, 20)
    tree = win.views[ScreenKey.ROADMAP].tree
    groups = res.roadmap.by_horizon(include_excluded=True)
    for h_index, h in enumerate(("now", "next", "later")):
        head = tree.topLevelItem(h_index)
        assert [head.child(i).data(0, Qt.ItemDataRole.UserRole) for i in range(head.childCount())] \
            == [it.id for it in groups[h]]
    # keyboard edits: exclude with Space, move down with Ctrl+Down, set the owner
    for _ in range(30):
        if focused() is tree:
            break
        press(K.Key_Tab)
    assert focused() is tree
    first = groups["now"][0].id
    tree.setCurrentItem(tree.topLevelItem(0).child(0))
    press(K.Key_Space)
    settle(qtbot)
    assert stored(win).roadmap.edits[first].included is False
    row = next(tree.topLevelItem(0).child(i) for i in range(tree.topLevelItem(0).childCount())
               if tree.topLevelItem(0).child(i).data(0, Qt.ItemDataRole.UserRole) == first)
    assert row.text(7) == "✎"
    press(K.Key_Down, CTRL)
    settle(qtbot)
    order = stored(win).roadmap.order
    assert order.index(first) == order.index(groups["now"][1].id) + 1
    owner = win.views[ScreenKey.ROADMAP].owner
    owner.setFocus()
    press(K.Key_A, CTRL)
    type_text("Ops lead")
    press(K.Key_Return)
    settle(qtbot)
    assert stored(win).roadmap.edits[first].owner == "Ops lead"
    after = core_results(win)
    item = next(i for i in after.roadmap.items if i.id == first)
    assert item.edited and not item.included and item.owner == "Ops lead"


def test_undo_and_redo_by_keyboard(qtbot, answers):
    win = make_window(qtbot)
    new_company(qtbot, win)
    s = win.session
    first, second = list(s.framework.practices)[:2]
    press(K.Key_4)
    press(K.Key_2)
    settle(qtbot)
    rid = s.active_respondent
    assert stored(win).answers[rid][second].value == 2
    press(K.Key_Z, CTRL, widget=win)
    settle(qtbot)
    assert second not in stored(win).answers.get(rid, {})
    assert win.actions_by_key["undo"].text() == "&Undo: answer"
    press(K.Key_Z, CTRL, widget=win)
    settle(qtbot)
    assert stored(win).answers.get(rid, {}) == {}
    assert win.views[ScreenKey.WALK].dim_page.card(first).buttons[4].isChecked() is False
    press(K.Key_Z, CTRL | SHIFT, widget=win)
    press(K.Key_Z, CTRL | SHIFT, widget=win)
    settle(qtbot)
    assert {p: a.value for p, a in stored(win).answers[rid].items()} == {first: 4, second: 2}
    assert win.views[ScreenKey.WALK].dim_page.card(second).buttons[2].isChecked()
    # roadmap edits are undoable too
    s.edit_action(s.results().roadmap.items[0].id, owner="Someone")
    assert stored(win).roadmap.edits
    s.undo_stack.undo()
    assert not stored(win).roadmap.edits


def test_comment_review_clear_and_arrows(qtbot, answers):
    win = make_window(qtbot)
    new_company(qtbot, win)
    s = win.session
    p1, p2 = list(s.framework.practices)[:2]
    card = current_card()
    press(K.Key_Down)
    assert current_card().pid == p2
    press(K.Key_Up)
    assert current_card().pid == p1
    card.comment.setFocus()
    type_text("Only large accounts")
    press(K.Key_Tab)  # leaving the comment saves it
    settle(qtbot)
    assert focused() is card.review
    press(K.Key_Space)  # mark for review
    press(K.Key_5)  # a level key still works from the check box, and moves on
    settle(qtbot)
    a = stored(win).answers[s.active_respondent][p1]
    assert (a.value, a.comment, a.review) == (5, "Only large accounts", True)
    assert current_card().pid == p2
    press(K.Key_Up)
    press(K.Key_0)  # clears the level, keeps the comment
    settle(qtbot)
    a = stored(win).answers[s.active_respondent][p1]
    assert (a.value, a.comment) == (None, "Only large accounts")
