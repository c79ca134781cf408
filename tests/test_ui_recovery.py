"""The app after a crash shows (and can discard) the recovered answers; a portfolio held
by another window opens read-only."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt

from cemassess.demo import make_demo
from cemassess.store import Portfolio
from cemassess.ui._testsupport import focused, make_window, patch_dialogs, press, settle
from cemassess.ui.screens import ScreenKey

CRASHING_SESSION = textwrap.dedent("""
    import os
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from cemassess.domain.assessment import Answer, Company, Metrics
    from cemassess.store import Portfolio
    from cemassess.ui.session import Session
    s = Session(Portfolio.open(), "en")
    aid = s.create(company=Company(name="Crashing Co"), assessor="Ann")
    for i, pid in enumerate(list(s.framework.practices)[:7]):
        s.set_answer(pid, Answer(value=i % 5 + 1))
    s.set_metrics(Metrics(retention_rate=81.0))
    print(aid, flush=True)
    os._exit(0)  # a crash: no close(), no clean-up, the lock file left behind
""")


@pytest.fixture
def answers(monkeypatch):
    return patch_dialogs(monkeypatch)


def crash_with_answers() -> str:
    out = subprocess.run([sys.executable, "-c", CRASHING_SESSION], capture_output=True, text=True,
                         timeout=120, env=dict(os.environ))
    assert out.returncode == 0, out.stderr
    return out.stdout.strip().splitlines()[-1]


def test_restart_after_a_crash_shows_the_recovered_answers(qtbot, answers):
    aid = crash_with_answers()
    win = make_window(qtbot)
    asked = [v for k, v in answers.asked if k == "recovery"]
    assert asked, "the user was not told about the recovery"
    assert any("Recovered 7 answers and 1 other change to 'Crashing Co'" in line for line in asked[0])
    banner = win.views[ScreenKey.START].banner
    assert banner.isVisible() and "Recovered 7 answers" in banner.label.text()
    # the recovered assessment opens with its answers
    start = win.views[ScreenKey.START]
    assert start.table.item(0, 0).text() == "Crashing Co"
    start.table.setFocus()
    start.table.selectRow(0)
    press(Qt.Key.Key_Return)
    settle(qtbot)
    s = win.session
    assert s.assessment.id == aid
    rid = s.assessment.respondents[0].id
    pids = list(s.framework.practices)[:7]
    assert {p: a.value for p, a in s.assessment.answers[rid].items()} == \
        {p: i % 5 + 1 for i, p in enumerate(pids)}
    assert s.assessment.metrics.retention_rate == 81.0
    # it resumes where the person stopped: the first practice not answered, holding the keys
    first_open = list(s.framework.practices)[7]
    assert win.controllers[ScreenKey.WALK].current_pid == first_open
    assert focused().pid == first_open
    win.controllers[ScreenKey.WALK].go_to(practice=pids[0])
    card = win.views[ScreenKey.WALK].dim_page.card(pids[0])
    assert card.buttons[1].isChecked()


def test_recovered_answers_can_be_discarded(qtbot, answers):
    aid = crash_with_answers()
    answers.recovery = False
    win = make_window(qtbot, lang="ru")
    lines = next(v for k, v in answers.asked if k == "recovery")
    assert any("Восстановлено из незавершённой сессии: 7 ответов и 1 другое изменение" in line for line in lines)
    a = win.session.portfolio.get(aid)
    assert all(not per for per in a.answers.values())
    assert a.metrics.retention_rate is None
    assert "отброшены" in win.views[ScreenKey.START].banner.label.text()


def test_a_portfolio_in_use_opens_read_only(qtbot, answers):
    with Portfolio.open() as other_window:
        demo = make_demo("en")
        other_window.create(demo)
        win = make_window(qtbot)
        assert [k for k, _ in answers.asked] == ["in_use"]
        s = win.session
        assert s.read_only
        assert "read-only" in win.windowTitle()
        start = win.views[ScreenKey.START]
        assert start.banner.isVisible() and "Read-only" in start.banner.label.text()
        assert not start.new_btn.isEnabled() and not win.actions_by_key["new"].isEnabled()
        s.open(demo.id)
        win.navigate(ScreenKey.WALK)
        win.controllers[ScreenKey.WALK].go_to(dimension=s.framework.dimensions[0].id)
        settle(qtbot)
        pid = s.framework.dimensions[0].practices[0].id
        card = win.views[ScreenKey.WALK].dim_page.card(pid)
        assert not card.buttons[1].isEnabled()
        before = s.assessment.model_dump()
        s.update_answer(pid, value=1)  # refused, with a message, nothing written
        assert s.assessment.model_dump() == before
        assert "read-only" in win.statusBar().currentMessage()
        assert other_window.get(demo.id).answers == demo.answers
        win.close()


def test_quitting_when_the_portfolio_is_in_use(qtbot, answers):
    answers.in_use = False
    with Portfolio.open():
        win = make_window(qtbot, boot=False)
        assert win.boot() is False
        assert win.session is None and not win.isVisible()


def test_quitting_closes_the_portfolio_cleanly(qtbot, answers):
    win = make_window(qtbot)
    s = win.session
    s.create_demo()
    root = s.portfolio.root
    assert (root / "running").exists()
    press(Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier, widget=win)
    settle(qtbot)
    assert not win.isVisible()
    assert not (root / "running").exists()  # the next start will not think we crashed
    with Portfolio.open(root) as again:  # the lock was released
        assert again.recovery.quiet
