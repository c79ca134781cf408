"""The Roadmap's dashboard row (pytest-qt, the real main window): each tile's figure is the
domain roadmap's own count, before and after an exclusion, a horizon change, an action of
the user's own and a due date; Tab reaches the figures with a visible focus frame, and each
figure opens how it was computed; the horizon tiles wear the timeline's colours; the
projector shows the plan without the edit count."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cemassess.domain.roadmap import NOW_MAX
from cemassess.i18n import date_text, num
from cemassess.ui import style
from cemassess.ui._testsupport import focused, make_window, patch_dialogs, press, settle
from cemassess.ui.charts import chart_theme
from cemassess.ui.screens import ScreenKey
from cemassess.ui.screens.roadmap import TILES

K = Qt.Key


@pytest.fixture
def answers(monkeypatch):
    return patch_dialogs(monkeypatch)


@pytest.fixture
def roadmap(qtbot, answers):
    win = make_window(qtbot)
    win.resize(1366, 768)
    win.session.create_demo()
    win.navigate(ScreenKey.ROADMAP)
    settle(qtbot, 20)
    return win, win.views[ScreenKey.ROADMAP], win.controllers[ScreenKey.ROADMAP]


def expected(win) -> dict[str, str]:
    """The figures as the domain's roadmap has them (counted here from its items)."""
    res = win.session.results()
    rm = res.roadmap
    groups = rm.by_horizon()
    dated = sorted(i.due for i in rm.items if i.included and i.due is not None)
    return {"now": f"{len(groups['now'])}/{rm.now_max}", "next": str(len(groups["next"])),
            "later": str(len(groups["later"])), "gap": num(rm.effect("now", res.phase.current).gap, "en", 1),
            "due": date_text(dated[0], "en", "short") if dated else "—",
            "edited": str(sum(1 for i in rm.items if i.edited))}


def shown(view) -> dict[str, str]:
    return {key: view.tiles[key].number.text() for key in TILES}


def test_the_tiles_are_the_roadmaps_counts_through_every_kind_of_edit(qtbot, roadmap):
    win, v, ctrl = roadmap
    s = win.session
    rm = s.results().roadmap
    before = shown(v)
    assert before == expected(win)
    assert before["now"] == f"{len(rm.by_horizon()['now'])}/{NOW_MAX}" and before["edited"] == "0"
    assert before["due"] == "—" and v.tiles["due"].note.text() == "No due dates yet: set them for the selected action."
    eff = rm.effect("now", s.results().phase.current)
    assert eff.blockers and f"{eff.blockers} of {eff.total_blockers}" in v.tiles["gap"].note.text()

    # exclude the first Now action with Space in the tree: Now loses one, the gap shrinks
    first = v.tree.topLevelItem(0).child(0)
    aid = first.data(0, Qt.ItemDataRole.UserRole)
    v.tree.setCurrentItem(first)
    v.tree.setFocus()
    press(K.Key_Space)
    settle(qtbot, 20)
    assert not next(i for i in s.results().roadmap.items if i.id == aid).included
    after = shown(v)
    assert after == expected(win)
    assert int(after["now"].split("/")[0]) == int(before["now"].split("/")[0]) - 1
    assert float(after["gap"]) < float(before["gap"]) and after["edited"] == "1"
    assert "excluded: 1" in v.tiles["edited"].note.text()

    # move a Next action to Later with the editor's horizon box
    nxt = s.results().roadmap.by_horizon()["next"][0].id
    item = next(v.tree.topLevelItem(1).child(i) for i in range(v.tree.topLevelItem(1).childCount())
                if v.tree.topLevelItem(1).child(i).data(0, Qt.ItemDataRole.UserRole) == nxt)
    v.tree.setCurrentItem(item)
    settle(qtbot)
    v.horizon.setCurrentIndex(2)
    v.horizon.activated.emit(2)
    settle(qtbot, 20)
    moved = shown(v)
    assert moved == expected(win)
    assert int(moved["next"]) == int(after["next"]) - 1 and int(moved["later"]) == int(after["later"]) + 1
    assert moved["edited"] == "2"

    # an action of the user's own, in Now: Now and the edits grow, the gap does not
    dlg = ctrl.add_custom()
    dlg.title.setText("Call the ten largest clients")
    dlg.accept()
    settle(qtbot, 20)
    own = shown(v)
    assert own == expected(win)
    assert int(own["now"].split("/")[0]) == int(moved["now"].split("/")[0]) + 1
    assert own["gap"] == moved["gap"] and own["edited"] == "3"
    assert "Own actions: 1" in v.tiles["edited"].note.text()

    # a due date: the first one, in the language's short form
    s.edit_action(s.results().roadmap.items[1].id, due=dt.date(2026, 11, 30))
    s.edit_action(s.results().roadmap.items[2].id, due=dt.date(2026, 10, 5))
    settle(qtbot, 20)
    assert shown(v) == expected(win) and v.tiles["due"].number.text() == "10/5/26"
    assert "Due dates set: 2 of" in v.tiles["due"].note.text()

    # undo walks the figures back with the roadmap
    for _ in range(5):
        s.undo_stack.undo()
    settle(qtbot, 20)
    assert shown(v) == before


def test_tab_reaches_the_tiles_with_a_visible_focus_and_each_opens_how(qtbot, roadmap, answers):
    from test_ui_focus import SHARE, focus_difference

    win, v, ctrl = roadmap
    win.tabs.tabBar().setFocus(Qt.FocusReason.TabFocusReason)
    settle(qtbot)
    reached = []
    for _ in range(12):
        press(K.Key_Tab)
        settle(qtbot)
        reached.append(focused())
        if focused() is v.add_btn:
            break
    figures = [v.tiles[k].number for k in TILES]
    assert [w for w in reached if w in figures] == figures, "Tab goes through the six figures in order"
    assert reached.index(figures[0]) < reached.index(v.add_btn)
    for key in TILES:  # each figure shows the keyboard as Results' tiles do
        share = focus_difference(v.tiles[key].number, v.add_btn)
        assert share >= SHARE, f"{key}: the focus frame changes only {share:.0%}"
    # Enter on a figure opens its explanation; each says what stands behind it
    rm = win.session.results().roadmap
    for key in TILES:
        v.tiles[key].number.setFocus(Qt.FocusReason.TabFocusReason)
        press(K.Key_Return)
        settle(qtbot)
    titles = [title for title, _lines in answers.explanations]
    assert titles == [v.tiles[k].title() for k in TILES]
    text = {k: "\n".join(lines) for k, (_title, lines) in zip(TILES, answers.explanations, strict=True)}
    now_titles = [win.session.framework.actions[i.id].title("en") for i in rm.by_horizon()["now"]]
    assert all(title in text["now"] for title in now_titles) and f"at most {rm.now_max}" in text["now"]
    later = rm.by_horizon()["later"]
    assert win.session.framework.actions[later[0].id].title("en") in text["later"]
    eff = rm.effect("now", win.session.results().phase.current)
    for pid in eff.practices:
        assert win.session.framework.practices[pid].statement("en").rstrip(". ") in text["gap"]
    assert "holds back phase 1" in text["gap"] and num(eff.total_gap, "en", 1) in text["gap"]
    assert "No due dates yet" in text["due"] and "Nothing edited yet." in text["edited"]


def test_horizon_tiles_wear_the_timelines_colours_and_the_projector_hides_the_edits(qtbot, roadmap):
    win, v, ctrl = roadmap
    accent = chart_theme(win.settings.get("branding/accent")).accent
    for h in ("now", "next", "later"):
        assert style.horizon_colour(h, accent) in v.tiles[h].styleSheet()
    assert v.now_slots.colours()[:1] == [style.horizon_colour("now", accent)]
    now = len(win.session.results().roadmap.by_horizon()["now"])
    assert sum(1 for c in v.now_slots.colours() if c) == now and len(v.now_slots.colours()) == NOW_MAX
    assert v.share_meters["later"].colour == style.horizon_colour("later", accent)
    # beyond the cap: the user's own placements in the warning colour
    s = win.session
    s.set_now_max(2)
    settle(qtbot, 20)
    for title in ("One", "Two", "Three"):
        s.add_custom_action(title, s.framework.dimensions[0].id, horizon="now")
    settle(qtbot, 20)
    over = len(s.results().roadmap.by_horizon()["now"]) - 2
    assert over >= 1 and v.tiles["now"].number.text().endswith("/2")
    assert v.now_slots.colours()[2:] == [style.status_colour("warn")] * over
    assert f"above it: {over}" in v.tiles["now"].note.text()
    win.toggle_presentation(full_screen=False)
    settle(qtbot, 30)
    try:
        assert not v.tiles["edited"].isVisible()
        assert all(v.tiles[k].isVisible() for k in TILES if k != "edited")
        assert v.tiles["now"].number.font().pointSizeF() == pytest.approx(28)  # compact, on the projector
    finally:
        win.toggle_presentation()
    settle(qtbot)
    assert v.tiles["edited"].isVisible()
    QApplication.processEvents()
