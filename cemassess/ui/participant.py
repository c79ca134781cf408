"""The participant's window: `cemassess-app --participant QUESTIONNAIRE` (or File → "Answer a
questionnaire…", or a questionnaire file opened with the app). No portfolio is opened: the
participant's answers live in a small autosave file (participant_store), and the same
Session, walk-through and undo stack as the facilitator's app work over it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget

from cemassess.i18n import languages_menu
from cemassess.ui.strings import t


class ParticipantWindow(QMainWindow):
    def __init__(self, settings: Any, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from cemassess.ui.screens import participant
        from cemassess.ui.screens.base import Context
        from cemassess.ui.session import Session

        self.settings, self.store = settings, store
        self.lang = settings.language
        self.session = s = Session(store, self.lang, benchmarks_loader=lambda: None,
                                   shelf_loader=lambda _p: [], parent=self)
        self.view = participant.View()
        self.view.translateUI(self.lang)
        self.setCentralWidget(self.view)
        self.controller = participant.Controller(self.view, s, Context(settings, lambda *a, **k: None, self))
        self._build_menus()
        s.languageChanged.connect(self.translateUI)
        s.undo_stack.canUndoChanged.connect(self._undo_state)
        s.undo_stack.canRedoChanged.connect(self._undo_state)
        s.open(store.assessment_id)
        self.translateUI(self.lang)
        self._undo_state()
        if store.problem:
            self.view.banner.show_text(t("part.draft_damaged", self.lang, problem=store.problem))
        elif store.restored:
            self.statusBar().showMessage(t("part.restored", self.lang), 15000)
        self.resize(1180, 820)

    def _build_menus(self) -> None:
        s = self.session
        self.m_file, self.m_edit, self.m_view = (self.menuBar().addMenu("") for _ in range(3))
        self.a_export = QAction(self)
        self.a_export.setShortcut(QKeySequence("Ctrl+E"))
        self.a_export.triggered.connect(lambda: self.controller.export())
        self.a_close = QAction(self)
        self.a_close.setShortcut(QKeySequence("Ctrl+Q"))
        self.a_close.triggered.connect(self.close)
        self.m_file.addAction(self.a_export)
        self.m_file.addSeparator()
        self.m_file.addAction(self.a_close)
        self.a_undo = QAction(self)
        self.a_undo.setShortcut(QKeySequence("Ctrl+Z"))
        self.a_undo.triggered.connect(s.undo_stack.undo)
        self.a_redo = QAction(self)
        self.a_redo.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        self.a_redo.triggered.connect(s.undo_stack.redo)
        self.m_edit.addAction(self.a_undo)
        self.m_edit.addAction(self.a_redo)
        group = QActionGroup(self)
        self.a_langs = {}
        for code, name in languages_menu():
            act = QAction(name, self)
            act.setCheckable(True)
            act.setChecked(code == self.lang)
            act.triggered.connect(lambda _=False, c=code: self._set_language(c))
            group.addAction(act)
            self.m_view.addAction(act)
            self.a_langs[code] = act
        for act in (self.a_export, self.a_close, self.a_undo, self.a_redo):
            self.addAction(act)

    def _set_language(self, lang: str) -> None:
        self.settings.language = lang
        self.session.set_language(lang)

    def _undo_state(self, *_: Any) -> None:
        st = self.session.undo_stack
        self.a_undo.setEnabled(st.canUndo())
        self.a_redo.setEnabled(st.canRedo())

    def translateUI(self, lang: str) -> None:  # noqa: N802
        from cemassess.ui.qtlang import install_qt_translations

        self.lang = lang
        install_qt_translations(lang)
        self.m_file.setTitle(t("menu.file", lang))
        self.m_edit.setTitle(t("menu.edit", lang))
        self.m_view.setTitle(t("part.menu.language", lang))
        self.a_export.setText(t("part.export", lang))
        self.a_close.setText(t("action.quit", lang))
        self.a_undo.setText(t("action.undo", lang))
        self.a_redo.setText(t("action.redo", lang))
        self.a_langs[lang].setChecked(True)
        self.controller.translateUI(lang)
        q = self.store.questionnaire
        what = q.event if q.mode == "event" else q.company.name
        self.setWindowTitle(" — ".join(x for x in (t("part.window", lang), what, t("app_name", lang)) if x))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        self.controller.shown()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt)
        from cemassess.ui.charts import stop_drawing

        self.controller._name_edited()  # a name typed but not yet confirmed is kept too
        stop_drawing()
        self.session.close()
        super().closeEvent(event)


def open_participant(settings: Any, path: Path | None, parent: QWidget | None = None) -> ParticipantWindow | None:
    """The participant's window for a questionnaire file (None: its answers are resumed from
    the latest autosave). Says in one line what is wrong and returns None when it cannot."""
    from cemassess.ui import dialogs
    from cemassess.ui.participant_store import ParticipantDraft, read_questionnaire

    lang = settings.language
    try:
        if path is None:
            store = ParticipantDraft.latest()
            if store is None:
                dialogs.error(parent, t("part.window", lang), t("part.nothing_to_resume", lang), lang)
                return None
        else:
            q = read_questionnaire(Path(path))
            from cemassess.content import load_framework

            load_framework(q.framework)  # a framework this installation does not have: say so now
            store = ParticipantDraft.open(q)
        win = ParticipantWindow(settings, store, parent)
    except Exception as e:
        dialogs.error(parent, t("error.title", lang), str(e), lang)
        return None
    return win
