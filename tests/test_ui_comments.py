"""A comment is saved as it is typed (debounced, session.COMMENT_DEBOUNCE_MS), through the
same durable store path as an answer, without waiting for the focus to leave the box; in the
facilitator's app and in participant mode. The SIGKILL side is in tests/test_ui_soak.py."""

from __future__ import annotations

import pytest

from cemassess.domain.assessment import Company
from cemassess.exchange import participant as px
from cemassess.ui._testsupport import focused, make_window, patch_dialogs, settle, type_text
from cemassess.ui.screens import ScreenKey
from cemassess.ui.session import COMMENT_DEBOUNCE_MS

WAIT = COMMENT_DEBOUNCE_MS + 300


@pytest.fixture
def answers(monkeypatch):
    return patch_dialogs(monkeypatch)


def first_card(walk):
    walk.go_to(focus_first=True)
    return walk.view.dim_page.cards[0]


def test_a_comment_is_durable_while_still_typing(qtbot, answers):
    assert COMMENT_DEBOUNCE_MS < 1000
    win = make_window(qtbot)
    s = win.session
    aid = s.create(company=Company(name="Typing Co"), assessor="Ann")
    win.navigate(ScreenKey.WALK)
    walk = win.controllers[ScreenKey.WALK]
    card = first_card(walk)
    card.comment.setFocus()
    settle(qtbot)
    undo_before = s.undo_stack.count()
    type_text("two words ")
    qtbot.wait(WAIT)
    assert focused() is card.comment  # the focus never left the box
    assert card.comment.text() == "two words "  # saving did not eat the trailing space
    rid = s.active_respondent
    journal = s.portfolio.layout.journal(aid).read_bytes().decode("utf-8")
    assert "two words" in journal, "the comment is not in the journal yet"
    assert s.portfolio.get(aid).answer(rid, card.pid).comment == "two words"
    assert win.status.text().startswith("All changes saved")
    type_text("and more")
    qtbot.wait(WAIT)
    assert s.portfolio.get(aid).answer(rid, card.pid).comment == "two words and more"
    # saved twice, one undo step
    assert s.undo_stack.count() == undo_before + 1
    s.undo_stack.undo()
    assert s.portfolio.get(aid).answer(rid, card.pid) is None


def test_typing_then_switching_respondent_keeps_the_comment_with_its_author(qtbot, answers):
    from cemassess.domain.framework import Role

    win = make_window(qtbot)
    s = win.session
    aid = s.create(company=Company(name="Switch Co"), assessor="Ann")
    s.add_respondent("Boris", Role.SALES)
    win.navigate(ScreenKey.WALK)
    walk = win.controllers[ScreenKey.WALK]
    card = first_card(walk)
    card.comment.setFocus()
    settle(qtbot)
    first = s.active_respondent
    type_text("Ann says")
    s.set_active_respondent("r2")  # before the debounce fires: saved first, for Ann
    qtbot.wait(WAIT)
    a = s.portfolio.get(aid)
    assert a.answer(first, card.pid).comment == "Ann says"
    assert a.answer("r2", card.pid) is None


def test_participant_comment_is_in_the_autosave_while_typing(qtbot, answers, fw, participant):
    from cemassess.ui.participant_store import ParticipantDraft

    win = participant.open(px.Questionnaire(mode="workshop", assessment="abc123", framework=fw.id,
                                            company=Company(name="Acme Components"), facilitator="Dana Smith"))
    walk = win.controller.walk
    card = first_card(walk)
    card.comment.setFocus()
    settle(qtbot)
    type_text("typed, never left")
    qtbot.wait(WAIT)
    assert focused() is card.comment
    on_disk = ParticipantDraft._read(win.store.path)  # the autosave file itself
    assert on_disk.assessment.answer("r1", card.pid).comment == "typed, never left"
    # a crash now: the next start restores it and says so
    again = participant.open(show=False)
    assert again.store.restored
    assert again.session.assessment.answer("r1", card.pid).comment == "typed, never left"
    win.close()
    again.close()
