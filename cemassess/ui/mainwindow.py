"""The main window only assembles: tabs from the screen registry, menus from the action
registry, and the session handed to each controller. It holds no business logic.

Before the window is shown only its frame is built (menus, tabs); `boot()`, on the first
turn of the event loop, builds the screens' views, opens the portfolio, creates the session
and the controllers, and tells the user what recovery did. That keeps start-up within 1.5x
of a bare PySide6 window (docs/performance-ui.md).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QMainWindow, QMenu, QScrollArea, QTabWidget, QWidget

from cemassess.ui.actions import ACTIONS, MENUS, ActionKey
from cemassess.ui.screens import SCREENS, ScreenKey, ScreenSpec
from cemassess.ui.strings import t


class MainWindow(QMainWindow):
    ready = Signal()  # boot finished: portfolio open, controllers live

    def __init__(self, settings: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.lang = settings.language
        self.session: Any = None
        self.exporter: Any = None
        self.workshop: Any = None
        self._pending_paths: list = []  # files given before boot (argument, macOS open event)
        self.presenting = False
        self._was_maximized = False
        self.views: dict[ScreenKey, Any] = {}
        self.controllers: dict[ScreenKey, Any] = {}
        self.specs: dict[ScreenKey, ScreenSpec] = {s.key: s for s in SCREENS}
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.pages: dict[ScreenKey, QScrollArea] = {}
        for spec in SCREENS:
            # a screen scrolls rather than squeeze when the window is small (projector,
            # QT_SCALE_FACTOR=2), and its wrapped text never forces the window's height
            page = QScrollArea()
            page.setWidgetResizable(True)
            page.setFrameShape(QFrame.Shape.NoFrame)
            page.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.pages[spec.key] = page
            self.tabs.addTab(page, "")
        from cemassess.ui import style

        self.tabs.tabBar().setStyleSheet(style.tabs_css())  # the pages' own: with their views
        self.tabs.currentChanged.connect(self._tab_changed)
        from PySide6.QtWidgets import QLabel

        self.present_hint = QLabel()  # "Esc or F11 leaves presentation mode", while presenting
        self.present_hint.setObjectName("presentHint")
        self.present_hint.setStyleSheet(style.present_hint_css())
        self.present_hint.hide()
        self.tabs.setCornerWidget(self.present_hint, Qt.Corner.TopRightCorner)
        self.actions_by_key: dict[ActionKey, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self._build_menus()
        self.status: Any = None  # "all changes saved" (made in boot: start-up time)
        self.unwritable = ""  # why the data folder cannot be written (read-only view)
        self.setAcceptDrops(True)  # answer files, questionnaires, assessment files
        self.resize(1280, 820)
        geometry = settings.get("window/geometry")
        if geometry:
            self.restoreGeometry(geometry)
        self.translateUI(self.lang)
        self._update_enabled()

    def _build_view(self, spec: ScreenSpec) -> None:
        if spec.key not in self.views:
            view_cls, _ = spec.load()
            view = view_cls()
            view.translateUI(self.lang)
            self.views[spec.key] = view
            if spec.key is not ScreenKey.WALK:  # the walk-through styles its own parts
                from cemassess.ui import style

                style.apply(self.pages[spec.key])  # the one stylesheet (cemassess/ui/style.py)
            self.pages[spec.key].setWidget(view)

    # -- menus -------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        for name in MENUS:
            self.menus[name] = self.menuBar().addMenu("")
        for spec in ACTIONS:
            act = QAction(self)
            act.setCheckable(spec.checkable)
            if spec.shortcut:
                act.setShortcut(QKeySequence(spec.shortcut))
            if spec.key is ActionKey.PRESENTATION:
                act.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            menu = self.menus[spec.menu]
            if spec.separator_before:
                menu.addSeparator()
            menu.addAction(act)
            self.addAction(act)  # shortcuts work with the menu bar hidden (presentation)
            self.actions_by_key[spec.key] = act
        self.menus["view"].addSeparator()
        self.goto_actions: dict[ScreenKey, QAction] = {}
        for spec in SCREENS:
            act = QAction(self)
            act.setShortcut(QKeySequence(spec.shortcut))
            act.triggered.connect(lambda _=False, k=spec.key: self.navigate(k))
            self.menus["view"].addAction(act)
            self.addAction(act)
            self.goto_actions[spec.key] = act

    def handlers(self) -> dict[ActionKey, Any]:
        start = self.controllers[ScreenKey.START]
        s, ex, ws = self.session, self.exporter, self.workshop
        return {
            ActionKey.DETAILS: start.edit_details,
            ActionKey.QUESTIONNAIRE: ws.export_questionnaire,
            ActionKey.IMPORT_ANSWERS: lambda: ws.import_answers(),
            ActionKey.IMPORT_ANSWER_FOLDER: ws.import_answer_folder,
            ActionKey.MERGE: lambda: self.navigate(ScreenKey.MERGE),
            ActionKey.ANSWER: lambda: ws.answer_questionnaire(),
            ActionKey.EVENT: lambda: self.navigate(ScreenKey.EVENT),
            ActionKey.IMPORT_PACK: lambda: ws.import_pack(),
            ActionKey.BUILD_PACK: ws.build_pack,
            ActionKey.COLLECT_LIVE: self.collect_live,
            ActionKey.NEW: start.new_assessment,
            ActionKey.DEMO: start.open_demo,
            ActionKey.IMPORT: start.import_files,
            ActionKey.CLOSE: self.close_assessment,
            ActionKey.QUIT: self.close,
            ActionKey.UNDO: s.undo_stack.undo,
            ActionKey.REDO: s.undo_stack.redo,
            ActionKey.ANONYMOUS: lambda: ex.set_anonymous(self.actions_by_key[ActionKey.ANONYMOUS].isChecked()),
            ActionKey.EXPORT_PDF: lambda: ex.export_pdf(),
            ActionKey.EXPORT_DOCX: lambda: ex.export_office("docx"),
            ActionKey.EXPORT_PPTX: lambda: ex.export_office("pptx"),
            ActionKey.EXPORT_CSV: lambda: ex.export_table("csv"),
            ActionKey.EXPORT_XLSX: lambda: ex.export_table("xlsx"),
            ActionKey.EXPORT_FILE: lambda: ex.export_file(),
            ActionKey.PRESENTATION: self.toggle_presentation,
            ActionKey.METHOD: self.show_method,
            ActionKey.ABOUT: self.show_about,
        }

    # -- start-up ----------------------------------------------------------------------------
    def boot(self, data_dir: str | None = None, *, portfolio: Any = None,
             session_factory: Any = None) -> bool:
        """Open the portfolio and bring the screens to life. False when the user quit."""
        import threading

        from cemassess.i18n import warm_up
        from cemassess.ui.portfolio import in_use_error, open_portfolio

        threading.Thread(target=warm_up, args=(self.lang,), name="i18n-warm-up", daemon=True).start()
        for spec in SCREENS:
            self._build_view(spec)
        from PySide6.QtWidgets import QLabel

        self.did_label = QLabel()  # what the last answer key did (the walk-through sets it)
        self.did_label.setObjectName("didLabel")
        self.did_label.setFixedWidth(self.did_label.fontMetrics().averageCharWidth() * 48)
        self.statusBar().addWidget(self.did_label)
        self.status = QLabel()
        self.statusBar().addPermanentWidget(self.status)
        folder = data_dir or self.settings.get("data/folder") or None
        self.unwritable = ""
        if portfolio is None:
            try:
                portfolio = open_portfolio(folder)
            except in_use_error() as e:
                from cemassess.ui import dialogs

                if not dialogs.ask_in_use(self, str(e), self.lang):
                    self.close()
                    return False
                portfolio = open_portfolio(folder, read_only=True)
            except Exception as e:  # a store error: one plain sentence
                from cemassess.ui import dialogs

                # a read-only or full data folder: what is there can still be looked at
                portfolio = self._open_unwritable(folder, e)
                if portfolio is None:
                    dialogs.error(self, t("error.title", self.lang), str(e), self.lang)
                    self.close()
                    return False
        from cemassess.ui.export import Exporter
        from cemassess.ui.screens.base import Context
        from cemassess.ui.session import Session
        from cemassess.ui.workshop import Workshop

        make = session_factory or (lambda p, lang: Session(p, lang, parent=self))
        self.session = s = make(portfolio, self.lang)
        if hasattr(s, "set_now_max"):
            s.set_now_max(self.settings.get("roadmap/now_max"))
        ctx = Context(self.settings, self.navigate, self)
        for spec in SCREENS:
            _, controller_cls = spec.load()
            self.controllers[spec.key] = controller_cls(self.views[spec.key], s, ctx)
        self.exporter = Exporter(s, self.settings, self)
        self.exporter.finished.connect(lambda p: self.statusBar().showMessage(
            t("export.saved", self.lang, path=p), 8000) if p else None)
        self.workshop = Workshop(s, self.settings, self, navigate=self.navigate,
                                 event_screen=self.controllers[ScreenKey.EVENT],
                                 open_files=self.controllers[ScreenKey.START].import_files)
        self.workshop.questionnaireWritten.connect(lambda p: self.statusBar().showMessage(
            t("export.saved", self.lang, path=p), 8000))
        ctx.extras["workshop"] = self.workshop
        self.controllers[ScreenKey.EVENT].roomChanged.connect(self._update_enabled)
        for key, fn in self.handlers().items():
            self.actions_by_key[key].triggered.connect(lambda _=False, f=fn: f())
        self.controllers[ScreenKey.START].opened.connect(self._opened_from_start)
        s.languageChanged.connect(self.translateUI)
        s.assessmentOpened.connect(self._assessment_opened)
        s.profileChanged.connect(self._window_title)
        s.saveFailed.connect(self._save_failed)
        s.resultsChanged.connect(self._saved)
        # bound methods, not lambdas: Qt drops them when the window goes, so an undo stack
        # cleared during shutdown cannot call into deleted actions
        s.undo_stack.canUndoChanged.connect(self._update_enabled)
        s.undo_stack.canRedoChanged.connect(self._update_enabled)
        s.undo_stack.undoTextChanged.connect(self._undo_texts)
        s.undo_stack.redoTextChanged.connect(self._undo_texts)
        self.translateUI(self.lang)
        self._update_enabled()
        self._report_recovery()
        self._offer_live_resume()
        self.controllers[ScreenKey.START].mark_stale()
        self._tab_changed(self.tabs.currentIndex())
        self.ready.emit()
        if self._pending_paths:
            paths, self._pending_paths = self._pending_paths, []
            self.open_paths(paths)
        return True

    def _open_unwritable(self, folder: str | None, error: Exception) -> Any:
        """The portfolio read-only after writable opening failed for want of space or
        permission (a full disk, a read-only medium or folder); None if even that fails."""
        from cemassess.store import StoreIOError
        from cemassess.ui.portfolio import open_portfolio

        if not isinstance(error, StoreIOError):
            return None
        try:
            portfolio = open_portfolio(folder, read_only=True)
        except Exception:
            return None
        self.unwritable = str(error)
        return portfolio

    # -- files given to the app: an argument, a drop, a macOS open event ---------------------------
    def open_paths(self, paths: list) -> None:
        """Open what the files hold (see Workshop.open_paths); one assessment file given on its
        own is imported if need be and opened."""
        from pathlib import Path

        paths = [Path(p) for p in paths]
        if self.session is None:  # before boot: done once the portfolio is open
            self._pending_paths += paths
            return
        from cemassess.ui.files import sniff

        if len(paths) == 1 and sniff(paths[0]) in ("assessment", "unknown", "missing"):
            self.open_assessment_file(paths[0])
            return
        self.workshop.open_paths(paths)

    def open_assessment_file(self, path: Any) -> bool:
        """Its id in the portfolio: open that one; otherwise import it, then open it."""
        from cemassess.ui import dialogs
        from cemassess.ui.portfolio import import_or_open

        try:
            aid, what = import_or_open(self.session.portfolio, path)
            self.session.portfolioChanged.emit()
            self.session.open(aid)
        except Exception as e:
            dialogs.error(self, t("error.title", self.lang), str(e), self.lang)
            return False
        if what == "present":
            self.statusBar().showMessage(t("open.present", self.lang), 10000)
        self._opened_from_start("walk")
        return True

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt)
        if self.session is not None and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt)
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt)
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths or self.session is None:
            return super().dropEvent(event)
        event.acceptProposedAction()
        self.workshop.open_paths(paths)

    def _report_recovery(self) -> None:
        from cemassess.ui import dialogs
        from cemassess.ui.portfolio import recovered_ids, recovery_lines

        p = self.session.portfolio
        lines = recovery_lines(getattr(p, "recovery", None), self.lang)
        start = self.views[ScreenKey.START]
        if self.session.read_only:
            start.banner.show_text(t("read_only.unwritable", self.lang, reason=self.unwritable)
                                   if self.unwritable else t("read_only.banner", self.lang))
        if not lines:
            return
        if self.session.read_only:
            dialogs.info(self, t("recovery.title", self.lang), "\n".join(lines), self.lang)
            return
        if dialogs.ask_recovery(self, lines, self.lang):
            start.banner.show_text(t("recovery.kept", self.lang) + "\n" + "\n".join(lines))
            return
        done = []
        for aid in recovered_ids(p.recovery):
            try:
                p.discard_recovered(aid)
                done.append(aid)
            except Exception as e:
                dialogs.error(self, t("error.title", self.lang), str(e), self.lang)
        start.banner.show_text(t("recovery.discarded", self.lang, n=len(done)))

    def _offer_live_resume(self) -> None:
        """After a crash mid-event: offer to serve the live event again on the same address,
        so the phones reconnect and keep their seats; declined, it is marked ended. One
        event-room event and one workshop at most (one panel each); older ones are ended."""
        from cemassess.ui import dialogs
        from cemassess.ui import live as live_mod

        s = self.session
        if s is None or s.read_only:
            return
        root = s.portfolio.root
        asked: set[str] = set()
        for info in live_mod.interrupted_events(root):
            if info.mode in asked or info.mode == "workshop" and not self._assessment_exists(info.assessment):
                live_mod.end_interrupted(root, info)
                continue
            asked.add(info.mode)
            url = live_mod.short_url(live_mod.join_url(info))
            key = "live.resume.ws" if info.mode == "workshop" else "live.resume.text"
            if not dialogs.ask_resume_live(self, t(key, self.lang, event=info.name, url=url), self.lang):
                live_mod.end_interrupted(root, info)
            elif info.mode == "workshop":
                s.open(info.assessment)
                dlg = self.collect_live()
                if dlg is not None:
                    dlg.panel.go_live(info.host, info.port)
            else:
                self.navigate(ScreenKey.EVENT)
                self.controllers[ScreenKey.EVENT].resume_live(info)

    def _assessment_exists(self, aid: str) -> bool:
        try:
            return any(e.id == aid for e in self.session.portfolio.list())
        except Exception:
            return False

    # -- screens --------------------------------------------------------------------------------
    def navigate(self, key: str, **where: Any) -> None:
        key = ScreenKey(key)
        page = self.pages[key]
        if not self.tabs.isTabEnabled(self.tabs.indexOf(page)):
            return
        self.tabs.setCurrentWidget(page)
        ctrl = self.controllers.get(key)
        if ctrl is not None and where:
            ctrl.go_to(**where)

    def _tab_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        for key, p in self.pages.items():
            if p is page and key in self.controllers:
                self.controllers[key].shown()

    def _opened_from_start(self, target: str) -> None:
        self.activateWindow()  # back from the dialog, so the keyboard flow can start at once
        self.navigate(ScreenKey(target))
        if target == ScreenKey.WALK:
            self.controllers[ScreenKey.WALK].go_to(focus_first=True)

    def _assessment_opened(self) -> None:
        if self.exporter is not None:  # the anonymity switch as remembered for this assessment
            self.actions_by_key[ActionKey.ANONYMOUS].setChecked(self.exporter.anonymous)
        self._update_enabled()
        self._window_title()
        if not self.session.is_open and self.presenting and self._current_key() is not ScreenKey.EVENT:
            self.toggle_presentation()

    def _save_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    def close_assessment(self) -> None:
        self.session.close_assessment()
        self.navigate(ScreenKey.START)

    def _saved(self) -> None:
        if self.session.is_open and not self.session.read_only:
            from datetime import datetime

            self._saved_at = datetime.now()
            self._saved_text()

    def _saved_text(self) -> None:
        """The status bar's "All changes saved at …", in the current language (again after a
        switch, so no sentence stays behind in the language before)."""
        if self.status is None:  # before the window is fully built
            return
        at = getattr(self, "_saved_at", None)
        if at is None or not (self.session and self.session.is_open):
            self.status.setText("")
            return
        from cemassess.i18n import time_text

        self.status.setText(t("status.saved", self.lang, time=time_text(at, self.lang)))

    def _update_enabled(self, *_: Any) -> None:
        s = self.session
        is_open = bool(s and s.is_open)
        current = self._current_key()  # before disabling its tab moves the tab widget on
        writable = bool(s) and not s.read_only
        for spec in ACTIONS:
            act = self.actions_by_key[spec.key]
            ok = (not spec.needs_assessment or is_open) and (not spec.writes or writable)
            if s is None and spec.key not in (ActionKey.QUIT, ActionKey.ABOUT, ActionKey.METHOD):
                ok = False
            if spec.key is ActionKey.UNDO:
                ok = ok and s.undo_stack.canUndo()
            if spec.key is ActionKey.REDO:
                ok = ok and s.undo_stack.canRedo()
            if spec.key is ActionKey.PRESENTATION:
                ok = s is not None and (is_open or self._room_shown())
            act.setEnabled(ok)
        for spec in SCREENS:
            i = self.tabs.indexOf(self.pages[spec.key])
            self.tabs.setTabEnabled(i, (is_open or not spec.needs_assessment) and s is not None
                                    or spec.key is ScreenKey.START)
            self.goto_actions[spec.key].setEnabled(self.tabs.isTabEnabled(i))
        if not is_open and self.specs[current].needs_assessment:
            self.tabs.setCurrentWidget(self.pages[ScreenKey.START])

    def _room_shown(self) -> bool:
        ev = self.controllers.get(ScreenKey.EVENT)
        return ev is not None and ev.room is not None

    def _presentable(self, key: ScreenKey) -> bool:
        if not self.specs[key].presentation:
            return False
        if key is ScreenKey.EVENT:
            return self._room_shown()
        return bool(self.session and self.session.is_open)

    def _current_key(self) -> ScreenKey:
        page = self.tabs.currentWidget()
        return next(k for k, p in self.pages.items() if p is page)

    # -- language -----------------------------------------------------------------------------
    def translateUI(self, lang: str) -> None:  # noqa: N802
        from cemassess.ui.qtlang import install_qt_translations

        self.lang = lang
        install_qt_translations(lang)
        from PySide6.QtCore import QLocale
        from PySide6.QtWidgets import QAbstractSpinBox

        for box in self.findChildren(QAbstractSpinBox):  # made before the switch: 86,0 % in Russian
            box.setLocale(QLocale(lang))
        for name, menu in self.menus.items():
            menu.setTitle(t(f"menu.{name}", lang))
        for spec in ACTIONS:
            act = self.actions_by_key[spec.key]
            act.setText(t(spec.text, lang))
        for spec in SCREENS:
            i = self.tabs.indexOf(self.pages[spec.key])
            self.tabs.setTabText(i, t(spec.title, lang))
            self.goto_actions[spec.key].setText(t("action.goto", lang, screen=t(spec.title, lang)))
        self.tabs.setAccessibleName(t("tabs.name", lang))
        self.tabs.tabBar().setAccessibleName(t("tabs.name", lang))
        for key, view in self.views.items():
            ctrl = self.controllers.get(key)
            if ctrl is not None:
                ctrl.translateUI(lang)
            else:
                view.translateUI(lang)
        self._undo_texts()
        self._window_title()
        self._saved_text()

    def _undo_texts(self, *_: Any) -> None:
        if self.session is None:
            return
        st = self.session.undo_stack
        undo, redo = self.actions_by_key[ActionKey.UNDO], self.actions_by_key[ActionKey.REDO]
        undo.setText(t("action.undo", self.lang) + (f": {st.undoText()}" if st.canUndo() else ""))
        redo.setText(t("action.redo", self.lang) + (f": {st.redoText()}" if st.canRedo() else ""))
        self._update_enabled()

    def _window_title(self) -> None:
        s = self.session
        parts = [t("app_name", self.lang)]
        if s is not None and s.is_open:
            a = s.assessment
            parts.insert(0, a.company.name or a.title or a.id)
        if s is not None and s.read_only:
            parts.append(t("read_only.short", self.lang))
        self.setWindowTitle(" — ".join(parts))

    # -- presentation mode (F11) -------------------------------------------------------------------
    def toggle_presentation(self, full_screen: bool = True) -> None:
        on = not self.presenting
        if on and not any(self._presentable(spec.key) for spec in SCREENS):
            return
        self.presenting = on
        self.menuBar().setVisible(not on)
        self.statusBar().setVisible(not on)
        for spec in SCREENS:
            self.tabs.setTabVisible(self.tabs.indexOf(self.pages[spec.key]),
                                    self._presentable(spec.key) or not on)
            if spec.key in self.views:
                self.views[spec.key].set_presentation(on)
        from cemassess.ui import style

        css = style.app_css() + (style.presentation_css() if on else "")
        for spec in SCREENS:  # only the screens on show: restyling all would take long
            if spec.presentation:
                self.pages[spec.key].setStyleSheet(css)
        self.tabs.tabBar().setStyleSheet(style.tabs_css(presentation=on))
        self.present_hint.setText(t("present.leave", self.lang))
        self.present_hint.setVisible(on)  # how to leave, always in sight
        if on:
            for spec in SCREENS:  # each shown screen opens at its top, its title whole
                if spec.presentation:
                    self.pages[spec.key].verticalScrollBar().setValue(0)
                    inner = getattr(self.views.get(spec.key), "scroll", None)
                    if isinstance(inner, QScrollArea):
                        inner.verticalScrollBar().setValue(0)
            self._was_maximized = self.isMaximized()
            if not self._presentable(self._current_key()):
                self.navigate(next(spec.key for spec in SCREENS if self._presentable(spec.key)))
            if full_screen:
                self.showFullScreen()
        elif self.isFullScreen():
            self.showMaximized() if self._was_maximized else self.showNormal()
        for spec in SCREENS:
            if spec.presentation:
                self.controllers[spec.key].mark_stale()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt)
        if self.presenting and event.key() == Qt.Key.Key_Escape:
            self.toggle_presentation()
            return
        super().keyPressEvent(event)

    # -- help ----------------------------------------------------------------------------------
    def show_method(self) -> None:
        from cemassess.explain import method_lines
        from cemassess.ui import widgets

        s = getattr(self, "session", None)
        fw = s.framework if s is not None and s.is_open else None
        if fw is None:
            from cemassess.content import load_framework

            fw = load_framework()
        widgets.show_explanation(self, t("action.method", self.lang).replace("&", ""),
                                 method_lines(self.lang, getattr(s, "now_max", 8), fw), self.lang)

    def show_about(self) -> None:
        from cemassess import __version__
        from cemassess.ui import dialogs

        dialogs.info(self, t("action.about", self.lang).replace("&", ""),
                     t("about.text", self.lang, version=__version__), self.lang)

    def collect_live(self) -> Any:
        """Workshop → Collect answers live (h13ui): the live window for the open assessment."""
        from cemassess.ui.screens.live_panel import LiveDialog

        s = self.session
        if s is None or not s.is_open:
            return None
        dlg = getattr(self, "live_dialog", None)
        if dlg is not None and dlg.isVisible() and dlg.aid == s.assessment.id:
            dlg.raise_()
            dlg.activateWindow()
            return dlg
        dlg = self.live_dialog = LiveDialog(s, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.destroyed.connect(lambda *_: setattr(self, "live_dialog", None))
        dlg.show()
        return dlg

    # -- closing ---------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: N802 (Qt)
        from cemassess.ui.screens.live_panel import LivePanel

        for panel in self.findChildren(LivePanel):  # h13ui: stop serving, unlock the events
            panel.release()
        if self.exporter is not None and self.exporter.job is not None:
            self.exporter.job.cancel()
            self.exporter.job.wait(5000)
        ev = self.controllers.get(ScreenKey.EVENT)
        for job in (getattr(self.workshop, "job", None), getattr(ev, "job", None), getattr(ev, "pdf_job", None),
                    getattr(ev, "bench_job", None)):
            if job is not None:
                job.cancel()
                job.wait(30000)
        from cemassess.ui.charts import stop_drawing

        stop_drawing()
        if not self.presenting:
            self.settings.set("window/geometry", bytes(self.saveGeometry()))
            self.settings.sync()
        if self.session is not None:
            try:
                self.session.close()
            except Exception as e:  # nothing is lost: the journal replays at the next start
                self.statusBar().showMessage(str(e))
        super().closeEvent(event)
