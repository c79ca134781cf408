"""Language switch, respondents, consensus mode, presentation mode, accessible names."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QWidget

from cemassess.i18n import COMMON, tr
from cemassess.ui._testsupport import focused, make_window, patch_dialogs, press, settle, type_text
from cemassess.ui.screens import SCREENS, ScreenKey
from cemassess.ui.strings import UI, t
from cemassess.ui.widgets import interactive_widgets

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def answers(monkeypatch):
    return patch_dialogs(monkeypatch)


@pytest.fixture
def demo_window(qtbot, answers):
    win = make_window(qtbot)
    win.session.create_demo()
    settle(qtbot)
    return win


def all_screens(qtbot, win):
    for spec in SCREENS:
        win.navigate(spec.key)
        settle(qtbot)
        yield spec.key


def test_language_switch_retranslates_every_screen_and_loses_nothing(qtbot, demo_window):
    win = demo_window
    s = win.session
    fw = s.framework
    win.navigate(ScreenKey.WALK)
    walk = win.controllers[ScreenKey.WALK]
    pid = fw.dimensions[2].practices[1].id
    walk.go_to(practice=pid)
    s.update_answer(pid, value=2, comment="check with sales")
    before = s.assessment.model_dump()
    undo_count = s.undo_stack.count()
    # switch from the Settings screen, by keyboard
    win.navigate(ScreenKey.SETTINGS)
    combo = win.views[ScreenKey.SETTINGS].language
    combo.setFocus()
    press(K.Key_Down)  # English -> Русский, applied at once
    settle(qtbot)
    assert s.lang == "ru" and win.settings.get("ui/language") == "ru"
    assert s.assessment.model_dump() == before, "switching the language changed the assessment"
    assert s.undo_stack.count() == undo_count
    # the menus, tabs and every screen speak Russian, content included
    assert win.menus["file"].title() == "&Файл"
    assert [win.tabs.tabText(i) for i in range(win.tabs.count())] == [t(sp.title, "ru") for sp in SCREENS]
    win.navigate(ScreenKey.WALK)
    settle(qtbot)
    wv = win.views[ScreenKey.WALK]
    assert wv.dim_page.title.text().endswith(fw.dimensions[2].title("ru"))
    card = wv.dim_page.card(pid)
    assert card.statement.text().endswith(fw.practices[pid].statement("ru"))
    assert card.anchor_labels[0].text() == fw.practices[pid].anchors[0]("ru")
    assert card.buttons[2].isChecked() and card.comment.text() == "check with sales"
    assert walk.current_pid == pid  # still where the user was
    win.navigate(ScreenKey.RESULTS)
    settle(qtbot)
    rv = win.views[ScreenKey.RESULTS]
    assert rv.table.horizontalHeaderItem(0).text() == "Измерение"
    assert rv.table.item(0, 0).text().endswith(fw.dimensions[0].title("ru"))
    win.navigate(ScreenKey.ROADMAP)
    settle(qtbot)
    tree = win.views[ScreenKey.ROADMAP].tree
    assert tree.topLevelItem(0).text(0).startswith(tr("horizon.now", "ru"))
    # and back, without losing the undo history
    s.set_language("en")
    settle(qtbot)
    assert win.menus["file"].title() == "&File"
    s.undo_stack.undo()
    assert s.answer(pid).value != 2 or s.answer(pid).comment != "check with sales"


def test_switching_respondents(qtbot, answers):
    win = make_window(qtbot)
    s = win.session
    from cemassess.domain.assessment import Company

    s.create(company=Company(name="Two Roles Ltd"), assessor="Ann")
    pid = next(iter(s.framework.practices))
    # add a respondent on the Respondents screen, by keyboard
    press(K.Key_3, CTRL, widget=win)
    settle(qtbot)
    rv = win.views[ScreenKey.RESPONDENTS]
    rv.add_name.setFocus()
    type_text("Boris")
    press(K.Key_Tab)
    rv.add_role.setCurrentIndex(rv.add_role.findData("service"))
    rv.add_name.setFocus()
    press(K.Key_Return)
    settle(qtbot)
    assert [r.name for r in s.assessment.respondents] == ["Ann", "Boris"]
    assert rv.table.rowCount() == 2
    r1, r2 = (r.id for r in s.assessment.respondents)
    # Ann answers 4, then Boris (chosen in the walk-through's combo) answers 2
    win.navigate(ScreenKey.WALK)
    walk = win.controllers[ScreenKey.WALK]
    walk.go_to(practice=pid)
    press(K.Key_4)
    combo = win.views[ScreenKey.WALK].respondent
    combo.setFocus()
    press(K.Key_Down)
    settle(qtbot)
    assert s.active_respondent == r2
    walk.go_to(practice=pid)
    card = win.views[ScreenKey.WALK].dim_page.card(pid)
    assert not any(b.isChecked() for b in card.buttons.values())  # Boris has not answered
    press(K.Key_2)
    settle(qtbot)
    stored = s.portfolio.get(s.assessment.id)
    assert stored.answers[r1][pid].value == 4 and stored.answers[r2][pid].value == 2
    # back to Ann from the Respondents screen: her answer shows again
    win.navigate(ScreenKey.RESPONDENTS)
    rv.table.selectRow(0)
    rv.make_active.click()
    win.navigate(ScreenKey.WALK)
    settle(qtbot)
    assert s.active_respondent == r1 and card.buttons[4].isChecked()
    # two roles: the results show the perception-gap heatmap slot
    res = s.results()
    assert len(res.roles) == 2
    # removing Boris (confirmed) drops his answers; undo brings them back
    rv.table.selectRow(1)
    rv.remove.click()
    assert [r.id for r in s.assessment.respondents] == [r1]
    assert r2 not in s.portfolio.get(s.assessment.id).answers
    s.undo_stack.undo()
    assert s.portfolio.get(s.assessment.id).answers[r2][pid].value == 2


def test_consensus_mode_records_the_agreed_answer_and_the_dissent(qtbot, demo_window):
    win = demo_window
    s = win.session
    fw = s.framework
    pid = fw.dimensions[1].practices[0].id
    win.navigate(ScreenKey.RESPONDENTS)
    win.views[ScreenKey.RESPONDENTS].consensus.click()
    assert s.consensus
    win.navigate(ScreenKey.WALK)
    walk = win.controllers[ScreenKey.WALK]
    walk.go_to(practice=pid)
    card = win.views[ScreenKey.WALK].dim_page.card(pid)
    assert card.consensus and card.others.isVisible()
    assert "Anna Koval" in card.others.text()  # everyone's answers are shown
    assert card.comment_label.text().startswith("Dissent")
    assert not win.views[ScreenKey.WALK].respondent.isEnabled()
    before = {r.id: dict(per) for r, per in ((r, s.assessment.answers[r.id]) for r in s.assessment.respondents)}
    press(K.Key_5, widget=card)
    walk.go_to(practice=pid)
    card.comment.setFocus()
    type_text("Service disagrees: only key accounts")
    press(K.Key_Tab)
    settle(qtbot)
    stored = s.portfolio.get(s.assessment.id)
    assert stored.agreed[pid].value == 5
    assert stored.agreed[pid].dissent == "Service disagrees: only key accounts"
    assert {r: dict(per) for r, per in stored.answers.items()} == before  # nobody's answer changed
    pr = s.results().practices[pid]
    assert pr.agreed and pr.level == 5.0
    # leaving consensus mode shows the active respondent's own answer again
    win.views[ScreenKey.WALK].consensus.click()
    settle(qtbot)
    walk.go_to(practice=pid)  # leaving it lands on the first practice not answered: back to pid
    card = win.views[ScreenKey.WALK].dim_page.card(pid)
    assert not card.consensus
    own = s.answer(pid).value
    assert card.buttons[own].isChecked()


def test_presentation_mode_shows_results_and_roadmap_only(qtbot, demo_window):
    win = demo_window
    win.navigate(ScreenKey.WALK)
    press(K.Key_F11, widget=win)
    settle(qtbot)
    assert win.presenting and win.isFullScreen()
    assert not win.menuBar().isVisible()
    visible = [k for k in ScreenKey if win.tabs.isTabVisible(win.tabs.indexOf(win.pages[k]))]
    assert visible == [ScreenKey.RESULTS, ScreenKey.ROADMAP]
    assert win.tabs.currentWidget() is win.pages[ScreenKey.RESULTS]
    assert "font-size" in win.pages[ScreenKey.RESULTS].styleSheet()  # large type
    rv = win.views[ScreenKey.RESULTS]
    assert not rv.table.isVisible() and rv.overall.isVisible()
    chart = rv.charts["radar"]
    assert chart.enlarge  # charts grow whole on a projector
    qtbot.waitUntil(lambda: chart.image is not None, timeout=20_000)
    press(K.Key_6, CTRL, widget=win)
    settle(qtbot)
    assert win.tabs.currentWidget() is win.pages[ScreenKey.ROADMAP]
    assert not win.views[ScreenKey.ROADMAP].editor.isVisible()
    press(K.Key_Escape, widget=win)
    settle(qtbot)
    assert not win.presenting and not win.isFullScreen() and win.menuBar().isVisible()
    assert all(win.tabs.isTabVisible(i) for i in range(win.tabs.count()))


def test_every_control_has_an_accessible_name(qtbot, demo_window):
    win = demo_window
    missing = []

    def check(root: QWidget, where: str) -> None:
        for w in interactive_widgets(root):
            if w.isVisibleTo(root) and not w.accessibleName().strip():
                missing.append(f"{where}: {type(w).__name__} {w.objectName()!r} "
                               f"{getattr(w, 'text', lambda: '')()!r}")

    for lang in ("en", "ru"):
        win.session.set_language(lang)
        for key in all_screens(qtbot, win):
            check(win.pages[key], f"{key}/{lang}")
        walk = win.controllers[ScreenKey.WALK]
        for page in ("phases", "metrics", "checks"):
            win.navigate(ScreenKey.WALK)
            walk.go_to(page=page)
            settle(qtbot)
            check(win.pages[ScreenKey.WALK], f"walk-{page}/{lang}")
        win.session.set_consensus(True)
        walk.go_to(dimension=win.session.framework.dimensions[0].id)
        check(win.pages[ScreenKey.WALK], f"walk-consensus/{lang}")
        win.session.set_consensus(False)
    # the dialogs too
    win.navigate(ScreenKey.START)
    dlg = win.controllers[ScreenKey.START].new_assessment()
    check(dlg, "new assessment")
    dlg.reject()
    win.navigate(ScreenKey.ROADMAP)
    dlg = win.controllers[ScreenKey.ROADMAP].add_custom()
    check(dlg, "own action")
    dlg.reject()
    assert not missing, "\n".join(missing)


def test_keyboard_reaches_every_screen_and_the_new_assessment_dialog(qtbot, demo_window):
    win = demo_window
    shortcuts = sorted(spec.shortcut for spec in SCREENS)
    assert shortcuts == [f"Ctrl+{i}" for i in range(1, len(SCREENS) + 1)]  # one digit each, none twice
    for spec in SCREENS:
        press(getattr(K, f"Key_{spec.shortcut[-1]}"), CTRL, widget=win)
        settle(qtbot)
        assert win.tabs.currentWidget() is win.pages[spec.key]
    press(K.Key_N, CTRL, widget=win)
    settle(qtbot)
    dlg = win.controllers[ScreenKey.START].dialog
    assert isinstance(dlg, QDialog) and dlg.isVisible() and focused() is dlg.company
    press(K.Key_Escape)
    settle(qtbot)
    assert not dlg.isVisible()


def test_layouts_fit_a_small_window_in_russian(qtbot, demo_window):
    """1024x700 (a small laptop, or a 2x-scaled 2048x1400 screen) holds every screen in
    Russian without horizontal overflow: text wraps or scrolls vertically."""
    win = demo_window
    win.session.set_language("ru")
    win.resize(1024, 700)
    for key in all_screens(qtbot, win):
        page = win.pages[key]
        assert page.horizontalScrollBar().maximum() == 0, f"{key} overflows sideways"
        for combo in page.findChildren(QComboBox):
            assert combo.width() <= page.viewport().width()


def test_every_key_the_screens_use_is_in_the_catalogue():
    """Literal keys passed to t() or a Binder, and the families built from ids."""
    import ast
    from pathlib import Path

    import cemassess.ui as ui
    from cemassess.ui.actions import ACTIONS, MENUS
    from cemassess.ui.screens.results import CHARTS, COLUMNS
    from cemassess.ui.screens.roadmap import COLUMNS as ROADMAP_COLUMNS
    from cemassess.ui.screens.start import MARKETS, ROLES, SIZES, SORTS

    keys: set[str] = set()
    for path in Path(ui.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            args = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if name == "t" and node.args and isinstance(node.args[0], ast.Constant):
                keys.add(node.args[0].value)
            elif name == "bind":
                keys.update(args)
                keys.update(kw.value.value for kw in node.keywords
                            if kw.arg in ("name", "tip", "placeholder") and isinstance(kw.value, ast.Constant))
    keys |= {s.title for s in SCREENS} | {a.text for a in ACTIONS} | {f"menu.{m}" for m in MENUS}
    keys |= {f"sort.{k}" for k in SORTS} | {f"size.{k or 'unknown'}" for k in SIZES}
    keys |= {f"market.{k}" for k in MARKETS} | {f"role.{k}" for k in ROLES}
    keys |= {name for _, name in CHARTS} | {f"chart.empty.{kind}" for kind, _ in CHARTS}
    keys |= {f"results.col.{c}" for c in COLUMNS} | {f"roadmap.col.{c}" for c in ROADMAP_COLUMNS}
    keys |= {f"check.{x}.{k}" for x in ("kind", "fired", "ok") for k in ("voc_pitfall", "b2b_principle")}
    keys |= {f"start.col.{c}" for c in ("company", "title", "date", "respondents", "answers", "modified")}
    keys |= {f"resp.col.{c}" for c in ("name", "role", "answers", "active")}
    missing = sorted(k for k in keys if k not in UI and k not in COMMON)
    assert not missing


def test_the_chosen_benchmark_segment_is_used_and_remembered(qtbot, demo_window):
    win = demo_window
    win.navigate(ScreenKey.RESULTS)
    settle(qtbot)
    combo = win.views[ScreenKey.RESULTS].segment
    i = combo.findData("it_services")
    assert i >= 0
    combo.setCurrentIndex(i)
    combo.activated.emit(i)
    settle(qtbot)
    assert win.session.results().benchmark.segment.id == "it_services"
    assert win.settings.get("results/segment") == "it_services"
    banner = win.views[ScreenKey.RESULTS].illustrative
    assert banner.isVisible() and "ILLUSTRATIVE" in banner.label.text()


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
def test_the_start_list_writes_dates_as_the_language_does(qtbot, answers, lang):
    import datetime as dt

    from cemassess.i18n import date_text

    win = make_window(qtbot, lang=lang)
    win.session.create_demo()
    win.navigate(ScreenKey.START)
    settle(qtbot)
    table, a = win.views[ScreenKey.START].table, win.session.assessment
    day = table.item(0, 2).text()
    assert day == date_text(a.date, lang, "medium") and day != a.date.isoformat()
    assert table.item(0, 5).text().startswith(date_text(dt.date.today(), lang, "medium") + " ")
    assert not any(table.item(0, c).text().count("-") == 2 for c in (2, 5))  # no ISO dates
