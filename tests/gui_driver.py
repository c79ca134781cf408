"""Drives the real main window (cemassess.ui.mainwindow) with real key events, in its own
process, for the soak test and the kill loop (tests/test_ui_soak.py, docs/store.md).

    python tests/gui_driver.py soak DATA_DIR ACTIONS SEED
    python tests/gui_driver.py kill DATA_DIR ROUND SEED

It opens (or creates) a four-respondent workshop in DATA_DIR and then, on the walk-through:
presses digit/N/D keys on the focused practice (the card answers and moves on, across
pages), types comments into a practice's comment box (ASCII: QTest aborts on Cyrillic),
switches respondents with the keyboard on the "answering as" list, and jumps to other
dimension pages. One line per event on stdout:

    try a RID PID VALUE    a key is about to be pressed      ack a RID PID VALUE   the status
    try c RID PID TEXT     a comment is about to be typed    ack c RID PID TEXT    bar said saved
    recovery JSON          what the recovery dialog said at start-up
    refs N                 sys.getrefcount(None), every 100 actions (soak)
    done ...               the soak finished

"ack" is printed only once the status bar says "All changes saved" for that change (the
status is blanked before each change, so the text seen is the change's own). The kill
loop's parent SIGKILLs this process at random moments after an "ack" and checks that every
acknowledged change is in the store.
"""

from __future__ import annotations

import gc
import json
import os
import random
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

K = Qt.Key
KEYS = {1: K.Key_1, 2: K.Key_2, 3: K.Key_3, 4: K.Key_4, 5: K.Key_5, "na": K.Key_N, "dk": K.Key_D}
NAMES = ["Ann", "Boris", "Chen", "Dana"]


def out(*parts: object) -> None:
    print(*parts, flush=True)


class Driver:
    def __init__(self, data_dir: str, seed: int, *, wait_saved: bool) -> None:
        from cemassess.ui import dialogs
        from cemassess.ui.mainwindow import MainWindow
        from cemassess.ui.settings import Settings

        self.rng = random.Random(seed)
        self.wait_saved = wait_saved
        self.app = QApplication.instance() or QApplication([])
        dialogs.ask_recovery = lambda p, lines, lang: (out("recovery", json.dumps(lines)), True)[1]
        dialogs.info = lambda p, title, text, lang: out("info", json.dumps(text))
        dialogs.error = lambda p, title, text, lang: out("error", json.dumps(text))
        dialogs.ask_in_use = lambda p, msg, lang: (out("in_use", json.dumps(msg)), False)[1]
        settings = Settings()
        settings.language = "en"
        self.win = win = MainWindow(settings)
        win.resize(1280, 800)
        win.show()
        QTest.qWaitForWindowExposed(win)
        win.activateWindow()
        QTest.qWaitForWindowActive(win, 2000)
        if not win.boot(data_dir):
            raise SystemExit(3)
        from cemassess.ui.screens import ScreenKey

        self.walk = win.controllers[ScreenKey.WALK]
        self.s = s = win.session
        listed = s.portfolio.list()
        if listed:
            s.open(listed[0].id)
        else:
            from cemassess.domain.assessment import Company
            from cemassess.domain.framework import Role

            s.create(company=Company(name="Workshop Co", industry="logistics"), assessor=NAMES[0])
            for name, role in zip(NAMES[1:], (Role.SALES, Role.MARKETING, Role.SERVICE), strict=True):
                s.add_respondent(name, role)
        win.navigate(ScreenKey.WALK)
        self.settle()
        self.walk.go_to(focus_first=True)
        self.settle()
        self.counts = {"answers": 0, "comments": 0, "pages": 0, "switches": 0}

    # -- helpers ------------------------------------------------------------------------------
    def settle(self) -> None:
        QApplication.processEvents()
        QApplication.processEvents()

    def card(self):
        from cemassess.ui.screens.practice_card import PracticeCard

        w = QApplication.focusWidget()
        while w is not None and not isinstance(w, PracticeCard):
            w = w.parentWidget()
        return w

    def focus_a_card(self):
        card = self.card()
        if card is None:
            dims = self.s.framework.dimensions
            self.walk.go_to(dimension=self.rng.choice(dims).id)
            self.settle()
            card = self.card()
        if card is None:
            raise SystemExit(f"no practice has the focus: {QApplication.focusWidget()!r}")
        return card

    def saved(self, timeout: float = 5.0) -> bool:
        """Wait until the status bar says the change was saved."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            QApplication.processEvents()
            if self.win.status.text().startswith("All changes saved"):
                return True
            time.sleep(0.002)
        return False

    # -- actions -------------------------------------------------------------------------------
    def answer(self) -> None:
        card = self.focus_a_card()
        rid, pid = self.s.active_respondent, card.pid
        old = self.s.answer(pid)
        value = self.rng.choice([v for v in KEYS if old is None or old.value != v])
        out("try", "a", rid, pid, value)
        self.win.status.setText("")
        QTest.keyClick(QApplication.focusWidget(), KEYS[value])
        if self.wait_saved:
            if not self.saved():
                raise SystemExit(f"no 'saved' after answering {pid}")
            out("ack", "a", rid, pid, value)
        else:
            self.settle()
        self.counts["answers"] += 1

    def comment(self, n: int) -> None:
        card = self.focus_a_card()
        rid, pid = self.s.active_respondent, card.pid
        text = f"note {n} {self.rng.randrange(10**6)}"
        card.comment.setFocus(Qt.FocusReason.TabFocusReason)
        QTest.keyClick(card.comment, K.Key_A, Qt.KeyboardModifier.ControlModifier)  # replace it
        out("try", "c", rid, pid, text)
        QTest.keyClicks(card.comment, text)
        self.win.status.setText("")  # typing is synchronous: the debounced save comes after
        if not self.saved():
            raise SystemExit(f"no 'saved' after typing a comment on {pid}")
        out("ack", "c", rid, pid, text)
        card.setFocus(Qt.FocusReason.TabFocusReason)
        self.settle()
        self.counts["comments"] += 1

    def switch(self) -> None:
        combo = self.walk.view.respondent
        combo.setFocus(Qt.FocusReason.TabFocusReason)
        key = K.Key_Down if combo.currentIndex() < combo.count() - 1 else K.Key_Home
        QTest.keyClick(combo, key)
        self.settle()
        out("switch", self.s.active_respondent)
        self.walk.go_to(focus_first=True)
        self.settle()
        self.counts["switches"] += 1

    def page(self) -> None:
        dims = self.s.framework.dimensions
        self.walk.go_to(dimension=self.rng.choice(dims).id)
        self.settle()
        self.counts["pages"] += 1

    def step(self, n: int, comment_share: float) -> None:
        r = self.rng.random()
        if r < comment_share:
            self.comment(n)
        elif r < comment_share + 0.03:
            self.switch()
        elif r < comment_share + 0.08:
            self.page()
        else:
            self.answer()


def soak(data_dir: str, actions: int, seed: int) -> int:
    d = Driver(data_dir, seed, wait_saved=False)
    gc.collect()
    start = sys.getrefcount(None)
    out("refs", start)
    t0 = time.perf_counter()
    for n in range(actions):
        d.step(n, comment_share=0.01)
        if n % 100 == 99:
            gc.collect()
            out("refs", sys.getrefcount(None))
    gc.collect()
    out("refs", sys.getrefcount(None))
    out("done", json.dumps(d.counts), f"{time.perf_counter() - t0:.1f}s")
    d.win.close()
    return 0


def kill(data_dir: str, round_no: int, seed: int) -> int:
    d = Driver(data_dir, seed, wait_saved=True)
    out("ready")
    n = 0
    while True:  # until the parent kills us
        d.step(round_no * 10_000 + n, comment_share=0.2)
        n += 1


if __name__ == "__main__":
    mode, folder, num, seed_ = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    raise SystemExit(soak(folder, num, seed_) if mode == "soak" else kill(folder, num, seed_))
