"""Helpers for the UI tests (pytest-qt) and the screenshot script: a booted main window,
keys sent to whatever has the focus (as a person would type), dialogs answered in place."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from cemassess.ui import dialogs, widgets


class Answers:
    """What the patched dialogs answer, and what they were asked."""

    def __init__(self) -> None:
        self.in_use = True  # open read-only
        self.recovery = True  # keep recovered changes
        self.resume_live = True  # serve an event that was live at a crash again
        self.confirm = True
        self.open_files: list = []
        self.pick_files: list = []
        self.pick_file: Any = None
        self.folder: Any = None
        self.save_path: Any = None
        self.reports: list[tuple[str, list[tuple[str, bool, str]]]] = []  # (summary, rows)
        self.asked: list[tuple[str, Any]] = []
        self.explanations: list[tuple[str, list[str]]] = []


def patch_dialogs(monkeypatch: Any) -> Answers:
    ans = Answers()

    def record(kind: str, value: Any, result: Any = None) -> Any:
        ans.asked.append((kind, value))
        return result

    monkeypatch.setattr(dialogs, "ask_in_use", lambda p, msg, lang: record("in_use", msg, ans.in_use))
    monkeypatch.setattr(dialogs, "ask_recovery",
                        lambda p, lines, lang: record("recovery", lines, ans.recovery))
    monkeypatch.setattr(dialogs, "ask_resume_live",
                        lambda p, text, lang: record("resume_live", text, ans.resume_live))
    monkeypatch.setattr(dialogs, "confirm",
                        lambda p, title, text, yes, lang: record("confirm", text, ans.confirm))
    monkeypatch.setattr(dialogs, "info", lambda p, title, text, lang: record("info", text))
    monkeypatch.setattr(dialogs, "error", lambda p, title, text, lang: record("error", text))
    monkeypatch.setattr(dialogs, "open_files", lambda p, lang: ans.open_files)
    monkeypatch.setattr(dialogs, "save_file", lambda *a: ans.save_path)
    monkeypatch.setattr(dialogs, "pick_files", lambda *a: ans.pick_files)
    monkeypatch.setattr(dialogs, "pick_file", lambda *a: ans.pick_file)
    monkeypatch.setattr(dialogs, "choose_folder", lambda *a: ans.folder)
    monkeypatch.setattr(dialogs, "show_report",
                        lambda p, title, summary, rows, lang: ans.reports.append((summary, list(rows))))
    monkeypatch.setattr(dialogs, "open_url", lambda path: record("open_url", path))
    monkeypatch.setattr(widgets, "show_explanation",
                        lambda parent, title, lines, lang: ans.explanations.append((title, list(lines))))
    return ans


def make_window(qtbot: Any, *, lang: str = "en", data_dir: str | None = None, boot: bool = True,
                **boot_kw: Any):
    from cemassess.ui.mainwindow import MainWindow
    from cemassess.ui.settings import Settings

    settings = Settings()
    settings.language = lang
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    QTest.qWaitForWindowActive(win, 2000)
    if boot:
        assert win.boot(data_dir, **boot_kw)
    return win



def workshop_live_window(qtbot: Any, company: str = "Acme", assessor: str = "Anna"):
    """A main window with a new assessment for `company` and its "Collect answers live"
    window open: (window, assessment id, the live panel)."""
    from cemassess.domain.assessment import Company

    win = make_window(qtbot)
    aid = win.session.create(company=Company(name=company), assessor=assessor)
    dlg = win.collect_live()
    qtbot.waitExposed(dlg)
    return win, aid, dlg.panel

def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press(key: Any, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
          widget: QWidget | None = None) -> None:
    """A key press where the focus is (or on `widget`)."""
    target = widget or focused() or QApplication.activeWindow()
    assert target is not None, "nothing has the keyboard focus"
    QTest.keyClick(target, key, modifier)


def type_text(text: str, widget: QWidget | None = None) -> None:
    """ASCII only: QTest aborts on Cyrillic (see PITFALLS.md); set Cyrillic with setText()."""
    assert text.isascii()
    target = widget or focused()
    assert target is not None
    QTest.keyClicks(target, text)


def settle(qtbot: Any, ms: int = 0) -> None:
    QApplication.processEvents()
    if ms:
        qtbot.wait(ms)
    QApplication.processEvents()


def unnamed(root: QWidget) -> list[str]:
    """Controls under `root` a screen reader could not name (accessibility tests)."""
    return [f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}"
            for w in widgets.interactive_widgets(root)
            if w.isVisibleTo(root) and not w.accessibleName().strip()]


def answer_file(fw: Any, level: Any, name: str, *, role: Any = None, company: str = "",
                assessment: str = "", mode: str = "workshop", consent: bool = False,
                comment: Any = "") -> bytes:
    """A participant's answer file as participant mode writes it: `level(i)` answers the
    i-th practice, `comment` comments the first one (or `comment(i)` each one); for the
    tests and the screenshot script."""
    from cemassess.domain.assessment import Answer, Assessment, Company
    from cemassess.domain.framework import Role
    from cemassess.exchange import participant as px

    a = Assessment(framework=fw.id, company=Company(name=company, industry="logistics"))
    r = a.add_respondent(name, role or Role.SALES)
    say = comment if callable(comment) else (lambda i: comment if i == 0 else "")
    for i, pid in enumerate(fw.practices):
        a.set_answer(r.id, pid, Answer(value=level(i), comment=say(i)))
    af = px.answer_file_from(a, r.id, consent=consent)
    af.mode, af.assessment = mode, assessment
    return px.dumps(af)


class Participant:
    """Participant mode over one questionnaire file, for the tests: `open(q)` writes the
    questionnaire and opens a window on it; `open()` again is a restart on the same file
    (the autosave is found), `open(resume=True)` starts with no file (the latest answers)."""

    def __init__(self, qtbot: Any, folder: Any, lang: str = "en") -> None:
        from cemassess.ui.settings import Settings

        self.qtbot, self.folder = qtbot, folder
        self.settings = Settings()
        self.settings.language = lang
        self.file: Any = None

    def write(self, questionnaire: Any) -> Any:
        from cemassess.exchange import participant as px

        self.file = self.folder / "questionnaire.json"
        self.file.write_bytes(px.dumps(questionnaire))
        return self.file

    def open(self, questionnaire: Any = None, *, resume: bool = False, show: bool = True) -> Any:
        from cemassess.ui.participant import open_participant

        if questionnaire is not None:
            self.write(questionnaire)
        win = open_participant(self.settings, None if resume else self.file)
        self.qtbot.addWidget(win)
        if show:
            win.show()
            self.qtbot.waitExposed(win)
            win.activateWindow()
        return win
