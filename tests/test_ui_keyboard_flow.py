"""A four-respondent workshop driven through the real main window by keyboard, asserting
where every key landed: another respondent, a click in the dimension tree then digits,
letters typed into a comment, dissent typed before the agreed level, Home/End/PgUp/PgDn,
reopening, and the Start screen's Enter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from cemassess.ui._testsupport import focused, make_window, patch_dialogs, press, settle, type_text
from cemassess.ui.screens import SCREENS, ScreenKey
from cemassess.ui.screens.practice_card import PracticeCard

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def answers(monkeypatch):
    return patch_dialogs(monkeypatch)


def card_with_keys() -> PracticeCard:
    w = focused()
    while w is not None and not isinstance(w, PracticeCard):
        w = w.parentWidget()
    assert w is not None, f"no practice holds the keyboard: {focused()!r}"
    return w


def in_view(card: PracticeCard) -> bool:
    """The card is inside its scroll area's viewport (the person sees where keys land)."""
    scroll = card.parentWidget().parentWidget().parentWidget()  # inner -> viewport -> area
    top = card.mapTo(scroll.viewport(), card.rect().topLeft()).y()
    return 0 <= top < scroll.viewport().height()


def workshop(qtbot):
    from cemassess.domain.assessment import Company
    from cemassess.domain.framework import Role

    win = make_window(qtbot)
    s = win.session
    s.create(company=Company(name="Workshop Ltd"), assessor="Facilitator",
             first_respondent=("Ann", Role.MANAGEMENT))
    for name, role in (("Boris", Role.SALES), ("Chen", Role.SERVICE), ("Dora", Role.MARKETING)):
        s.add_respondent(name, role)
    win.navigate(ScreenKey.WALK)
    win.controllers[ScreenKey.WALK].go_to(focus_first=True)
    settle(qtbot, 20)
    return win


def test_four_respondents_by_keyboard_every_key_lands_on_the_focused_practice(qtbot, answers):
    win = workshop(qtbot)
    s, fw = win.session, win.session.framework
    walk, view = win.controllers[ScreenKey.WALK], win.views[ScreenKey.WALK]
    ann, boris = (r.id for r in s.assessment.respondents[:2])
    dims = fw.dimensions

    # Ann answers all of dimension 1 and the first two practices of dimension 8
    for p in dims[0].practices:
        assert card_with_keys().pid == p.id
        press(K.Key_4)
        settle(qtbot)
    assert win.did_label.text() == f"1.{len(dims[0].practices)} → 4 · Ctrl+Z undoes"
    walk.go_to(dimension=dims[7].id)
    settle(qtbot)
    for p in dims[7].practices[:2]:
        assert card_with_keys().pid == p.id
        press(K.Key_3)
        settle(qtbot)
    assert card_with_keys().pid == dims[7].practices[2].id

    # switching to Boris by keyboard lands on *his* first unanswered practice, 1.1, in view
    combo = view.respondent
    combo.setFocus()
    press(K.Key_Down)  # the next respondent in the list
    settle(qtbot, 20)
    assert s.active_respondent == boris
    card = card_with_keys()
    assert card.pid == dims[0].practices[0].id and in_view(card)
    assert card.property("focused") is True  # drawn as holding the keyboard
    press(K.Key_2)
    settle(qtbot)
    assert s.assessment.answer(boris, dims[0].practices[0].id).value == 2
    assert s.assessment.answer(ann, dims[0].practices[0].id).value == 4  # Ann's untouched
    assert win.did_label.text() == "1.1 → 2 · Ctrl+Z undoes"

    # back to Ann: her first unanswered practice is 2.1 (dimension 1 is done)
    combo.setFocus()
    press(K.Key_Up)
    settle(qtbot, 20)
    assert s.active_respondent == ann
    assert card_with_keys().pid == dims[1].practices[0].id

    # a click in the tree on dimension 8, then a digit: it answers Ann's 8.3 (not 8.1 from the
    # old scroll position, not the tree's type-ahead)
    item = walk.nav_items[("dim", dims[7].id)]
    view.nav.scrollToItem(item)
    rect = view.nav.visualItemRect(item)
    QTest.mouseClick(view.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(qtbot, 20)
    card = card_with_keys()
    assert card.pid == dims[7].practices[2].id and in_view(card)
    press(K.Key_5)
    settle(qtbot)
    assert s.assessment.answer(ann, dims[7].practices[2].id).value == 5
    assert view.nav.currentItem() is item  # the tree did not jump on a type-ahead

    # letters typed into a comment stay in the comment: "n" and "d" answer nothing
    card = card_with_keys()
    pid = card.pid
    card.comment.setFocus()
    type_text("needs an owner and data")
    press(K.Key_Return)  # saved, and the keys are back on the card
    settle(qtbot)
    assert focused() is card
    a = s.assessment.answer(ann, pid)
    assert a.value is None and a.comment == "needs an owner and data"
    assert not a.answered  # a comment alone is not an answer
    press(K.Key_N)
    settle(qtbot)
    assert s.assessment.answer(ann, pid).value == "na"
    assert s.assessment.answer(ann, pid).comment == "needs an owner and data"

    # Home / End / Page Down / Page Up
    press(K.Key_Home)
    assert card_with_keys().pid == dims[7].practices[0].id
    press(K.Key_End)
    assert card_with_keys().pid == dims[7].practices[-1].id
    press(K.Key_PageDown)
    settle(qtbot)
    assert card_with_keys().pid == dims[8].practices[0].id
    press(K.Key_PageUp)
    press(K.Key_PageUp)
    settle(qtbot)
    assert card_with_keys().pid == dims[6].practices[0].id

    # the Start list counts answers as the walk-through does (the comment-only entry is not one)
    saved = s.portfolio.get(s.assessment.id)
    walk_count = sum(1 for per in saved.answers.values() for x in per.values() if x.value is not None)
    press(K.Key_1, CTRL, widget=win)
    settle(qtbot)
    start = win.views[ScreenKey.START]
    assert start.table.item(0, 4).text() == str(walk_count)


def test_dissent_typed_before_the_level_is_kept_and_enter_esc_tab_stay_on_the_card(qtbot, answers):
    win = workshop(qtbot)
    s, fw = win.session, win.session.framework
    view = win.views[ScreenKey.WALK]
    rids = [r.id for r in s.assessment.respondents]
    pids = [p.id for p in fw.dimensions[0].practices[:3]]
    from cemassess.domain.assessment import Answer

    for rid, values in zip(rids, ([1, 2, 3], [5, 4, 3], [1, 5, 3], [4, 1, 3]), strict=True):
        for pid, v in zip(pids, values, strict=True):
            s.set_answer(pid, Answer(value=v), rid)

    # walk-through in consensus mode (the checkbox by keyboard)
    view.consensus.setFocus()
    press(K.Key_Space)
    settle(qtbot, 20)
    assert s.consensus
    card = card_with_keys()
    assert card.pid == pids[0]  # the first practice without an agreed answer
    card.comment.setFocus()
    type_text("Sales disagree")
    press(K.Key_Escape)
    assert focused() is card
    press(K.Key_3)
    settle(qtbot)
    assert s.assessment.agreed[pids[0]].value == 3
    assert s.assessment.agreed[pids[0]].dissent == "Sales disagree"
    assert card_with_keys().pid == pids[1]

    # the Consensus screen: Enter on the list gives the card the keys; the dissent typed first
    # survives the level; Tab from the dissent stays on the card (not the tab bar)
    tab_order = [spec.key for spec in SCREENS]
    press(getattr(K, f"Key_{tab_order.index(ScreenKey.MERGE) + 1}"), CTRL, widget=win)
    settle(qtbot, 20)
    assert win.tabs.currentWidget() is win.pages[ScreenKey.MERGE]
    merge, mview = win.controllers[ScreenKey.MERGE], win.views[ScreenKey.MERGE]
    mview.list.setFocus()
    row = merge.pids.index(pids[1])
    mview.list.setCurrentCell(row, 0)
    press(K.Key_Return)
    settle(qtbot, 20)
    card = card_with_keys()
    assert card is mview.card and card.pid == pids[1]
    card.comment.setFocus()
    type_text("Service sees it lower")
    press(K.Key_Tab)
    assert focused() is card
    press(K.Key_4)
    settle(qtbot)
    stored = s.portfolio.get(s.assessment.id)
    assert stored.agreed[pids[1]].value == 4
    assert stored.agreed[pids[1]].dissent == "Service sees it lower"


def test_ctrl_digits_follow_the_tab_order(qtbot, answers):
    win = workshop(qtbot)
    for i, spec in enumerate(SCREENS, start=1):
        assert spec.shortcut == f"Ctrl+{i}"
        assert win.tabs.indexOf(win.pages[spec.key]) == i - 1


def test_reopening_resumes_and_start_offers_the_last_assessment(qtbot, answers):
    win = workshop(qtbot)
    s, fw = win.session, win.session.framework
    aid = s.assessment.id
    first = fw.dimensions[0].practices
    for _ in first[:3]:
        press(K.Key_4)
        settle(qtbot)
    win.close_assessment()
    s.create_demo()  # another, newer assessment in the list
    win.close_assessment()
    settle(qtbot)
    s.open(aid)  # the one last opened is ours again
    win.close_assessment()
    settle(qtbot, 20)
    start = win.views[ScreenKey.START]
    assert win.tabs.currentWidget() is win.pages[ScreenKey.START]
    win.controllers[ScreenKey.START].shown()
    assert focused() is start.table  # not the search box
    assert win.controllers[ScreenKey.START].selected_id() == aid
    press(K.Key_Return)
    settle(qtbot, 20)
    assert s.assessment.id == aid
    assert card_with_keys().pid == first[3].id  # where the person stopped


def test_new_assessment_asks_whether_the_assessor_answers(qtbot, answers):
    win = make_window(qtbot)
    press(K.Key_N, CTRL, widget=win)
    settle(qtbot)
    dlg = win.controllers[ScreenKey.START].dialog
    type_text("Solo Ltd")
    dlg.assessor.setFocus()
    type_text("Pat")
    assert not dlg.answers_too.isChecked() and not dlg.role.isEnabled()
    press(K.Key_Return)
    settle(qtbot, 20)
    a = win.session.assessment
    assert a.assessor == "Pat"
    assert [r.name for r in a.respondents] == ["Respondent 1"]  # the assessor is not one


def test_presentation_opens_at_the_top_and_says_how_to_leave(qtbot, answers):
    win = make_window(qtbot)
    win.resize(1366, 768)
    win.session.create_demo()
    win.navigate(ScreenKey.RESULTS)
    settle(qtbot, 20)
    rv = win.views[ScreenKey.RESULTS]
    bar = rv.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    press(K.Key_F11, widget=win)
    settle(qtbot, 20)
    assert win.presenting
    assert bar.value() == 0  # the title whole, not the old scroll position
    assert win.present_hint.isVisible() and "F11" in win.present_hint.text()
    assert rv.overall_box.objectName() == "kpi"  # a tile, styled by ui/style.py
    press(K.Key_Escape, widget=win)
    settle(qtbot)
    assert not win.presenting and not win.present_hint.isVisible()


def test_a_benchmark_segment_too_small_says_why(qtbot, answers):
    from cemassess.domain.benchmark import MIN_N

    win = make_window(qtbot)
    win.session.create_demo()
    win.navigate(ScreenKey.RESULTS)
    settle(qtbot, 20)
    combo = win.views[ScreenKey.RESULTS].segment
    pack = win.session.shipped_benchmarks
    small = [s for s in pack.segments if s.n < MIN_N]
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert small, "the shipped pack has a segment below the threshold (agriculture, n = 4)"
    for seg in pack.segments:
        (text,) = [x for x in texts if x.startswith(seg.title("en"))][:1]
        assert (f"n = {seg.n} < {MIN_N}" in text) == (seg in small), text


def test_participant_mode_has_the_industry_list_and_a_simple_nps(qtbot, answers, participant):
    from cemassess.domain.assessment import Company
    from cemassess.exchange import participant as px

    win = participant.open(px.Questionnaire(mode="event", event="Club day", framework="cem-b2b",
                                            company=Company(name=""), facilitator="Dana Smith"))
    ctrl = win.controller
    v = ctrl.view
    ctrl.shown()
    settle(qtbot)
    # the same industries as the main app's new-assessment dialog
    from cemassess.content import load_benchmarks

    pack = load_benchmarks()
    assert [v.industry.itemData(i) for i in range(v.industry.count())] == \
        [s.industry for s in pack.segments if s.industry]
    v.industry.setFocus()
    v.industry.setCurrentIndex(v.industry.findData("logistics"))
    v.industry.editingFinished.emit()
    settle(qtbot)
    assert ctrl.session.assessment.company.industry == "logistics"
    # NPS: how many answered and the shares, no eleven spin boxes and no mode to choose
    walk = ctrl.walk
    walk.go_to(page="metrics")
    settle(qtbot)
    page = walk.view.metrics_page
    assert page.simple and not page.mode.isVisible() and page.stack.currentIndex() == 1
    assert not any(b.isVisible() for b in page.counts)
    page.dist_n.setFocus()
    press(K.Key_A, CTRL)
    type_text("50")
    press(K.Key_Tab)
    press(K.Key_A, CTRL)
    type_text("60")
    press(K.Key_Tab)
    press(K.Key_Tab)
    press(K.Key_A, CTRL)
    type_text("10")
    press(K.Key_Tab)
    settle(qtbot)
    nps = ctrl.session.assessment.metrics.nps
    assert nps is not None and sum(nps.counts) == 50
    assert nps.counts[10] == 30 and nps.counts[6] == 5 and nps.counts[8] == 15
    assert ctrl.session.results().nps.score == 50


def test_roadmap_reorder_is_an_edit_and_the_form_never_jumps(qtbot, answers):
    """Ctrl+↑ marks the moved action ✎; the ✎ beside the title takes no room of its own, so the
    form below stays put and the next click lands on the field the eye aimed at."""
    win = make_window(qtbot)
    win.resize(1366, 768)
    win.session.create_demo()
    win.navigate(ScreenKey.ROADMAP)
    settle(qtbot, 20)
    v, ctrl = win.views[ScreenKey.ROADMAP], win.controllers[ScreenKey.ROADMAP]
    group = v.tree.topLevelItem(0)
    second = group.child(1)
    aid = second.data(0, Qt.ItemDataRole.UserRole)
    v.tree.setCurrentItem(second)
    v.tree.setFocus()
    settle(qtbot)
    assert not ctrl.items[aid].edited and v.ed_edited.text() == ""
    form_at = [w.mapTo(v, w.rect().topLeft()) for w in (v.owner, v.horizon, v.kpi, v.note)]
    press(K.Key_Up, CTRL)
    settle(qtbot, 20)
    assert ctrl.items[aid].edited, "moving an action is an edit"
    moved = v.tree.topLevelItem(0).child(0)
    assert moved.data(0, Qt.ItemDataRole.UserRole) == aid and moved.text(7) == "✎"
    assert ctrl.selected_id() == aid and v.ed_edited.text() == "✎"
    assert [w.mapTo(v, w.rect().topLeft()) for w in (v.owner, v.horizon, v.kpi, v.note)] == form_at
    press(K.Key_Z, CTRL)  # one undo puts it back
    settle(qtbot, 20)
    assert v.tree.topLevelItem(0).child(1).data(0, Qt.ItemDataRole.UserRole) == aid


def test_progress_reads_beside_the_bar_and_explanations_have_no_stray_stops(qtbot, answers):
    win = make_window(qtbot)
    win.session.create_demo()
    win.navigate(ScreenKey.WALK)
    settle(qtbot, 20)
    wv = win.views[ScreenKey.WALK]
    assert not wv.progress.isTextVisible()  # no "40%" half under its own fill
    n = win.session.results().completion
    assert wv.progress_label.text().startswith(f"{n.answered}") and str(n.total) in wv.progress_label.text()
    win.controllers[ScreenKey.WALK].go_to(page="phases")  # the phases' bars too
    settle(qtbot)
    for _box, _desc, bar, _status, _links in wv.phase_page.boxes:
        assert not bar.isTextVisible() and bar.bar_text.isVisible() and "%" in bar.bar_text.text()
    rc = win.controllers[ScreenKey.RESULTS]
    win.navigate(ScreenKey.RESULTS)
    settle(qtbot, 20)
    for row in range(len(win.session.framework.dimensions)):
        rc.explain_dimension(row)
    rc.explain_phase()
    text = "\n".join(line for _title, lines in answers.explanations for line in lines)
    assert ": level " in text  # practices with their level are listed...
    assert ".:" not in text and "?:" not in text  # ...as "statement: level 3.0", not "anything.: level 3.0"
