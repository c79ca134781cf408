"""The trainer's live panel: go live, the join QR code, URL and code, live counts, and the
controls (reveal results, close answers, end live). Shared by the Event room (event mode)
and the workshop's "Collect answers live" window (workshop mode).

The panel never waits on the network: it drives a `cemassess.ui.live.LiveSession` whose
start/stop run on worker threads; it only reacts to its signals.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cemassess.ui import dialogs
from cemassess.ui import live as live_mod
from cemassess.ui.strings import t
from cemassess.ui.widgets import Banner, Binder, heading, wrap_label

QR_SIZE = 300  # pixels on the trainer's screen; presentation mode doubles it
MIN_SHOWN = 5


class LivePanel(QWidget):
    """`opener()` returns the function that opens the LiveRoom (or None, after telling the
    user why it cannot: no event name, a read-only portfolio)."""

    roomReady = Signal(object)  # the finished seats as a workshop.Room (event mode)
    liveChanged = Signal()  # went live, stopped, closed, revealed
    answersArrived = Signal(object)  # a LiveEvent
    assessmentReady = Signal(object)  # workshop mode: the store's copy, for Session.merge_live

    def __init__(self, opener: Callable[[], Callable[[], Any] | None], *, mode: str = "event",
                 lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("livePanel")
        self._opener = opener
        self.mode = mode
        self.lang = lang
        self.live: live_mod.LiveSession | None = None
        self.presentation = False
        b = self.binder = Binder()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.heading = b.bind(heading(size=1.15), "live.title")
        lay.addWidget(self.heading)
        self.setup = QWidget()
        row = QHBoxLayout(self.setup)
        row.setContentsMargins(0, 0, 0, 0)
        self.address_label = b.bind(QLabel(), "live.address")
        self.address = b.bind(QComboBox(), name="live.address", tip="live.address.tip")
        self.address.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.address_label.setBuddy(self.address)
        self.go = b.bind(QPushButton(), "live.go", tip="live.go.tip")
        row.addWidget(self.address_label)
        row.addWidget(self.address)
        row.addWidget(self.go)
        row.addStretch(1)
        lay.addWidget(self.setup)
        self.error = Banner("warn")
        lay.addWidget(self.error)
        # what the room sees: QR code, short URL, join code
        self.join_box = QWidget()
        self.join_box.setObjectName("liveJoin")
        grid = QGridLayout(self.join_box)
        grid.setContentsMargins(0, 4, 0, 4)
        self.qr = QLabel()
        self.qr.setObjectName("liveQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setStyleSheet("background: white; padding: 8px;")
        self.qr.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        grid.addWidget(self.qr, 0, 0, 4, 1)
        self.scan = b.bind(wrap_label(), "live.scan")
        grid.addWidget(self.scan, 0, 1)
        self.url = QLabel()
        self.url.setObjectName("liveUrl")
        self.url.setTextFormat(Qt.TextFormat.PlainText)
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(self.url, 1, 1)
        self.code = QLabel()
        self.code.setObjectName("liveCode")
        self.code.setTextFormat(Qt.TextFormat.PlainText)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(self.code, 2, 1)
        self.counts = QLabel()
        self.counts.setObjectName("liveCounts")
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.counts.setAccessibleName(t("live.counts.name", lang))
        grid.addWidget(self.counts, 3, 1)
        grid.setColumnStretch(1, 1)
        lay.addWidget(self.join_box)
        self.note = wrap_label()
        lay.addWidget(self.note)
        self.controls = QWidget()
        cl = QHBoxLayout(self.controls)
        cl.setContentsMargins(0, 0, 0, 0)
        self.reveal = b.bind(QPushButton(), "live.reveal", tip="live.reveal.tip")
        self.close_answers = b.bind(QPushButton(), "live.close_answers", tip="live.close_answers.tip")
        self.end = b.bind(QPushButton(), "live.end", tip="live.end.tip")
        for w in (self.reveal, self.close_answers, self.end):
            cl.addWidget(w)
        cl.addStretch(1)
        self.reveal.setVisible(mode == "event")
        lay.addWidget(self.controls)
        self._fonts()
        self.go.clicked.connect(lambda: self.go_live())
        self.reveal.clicked.connect(self._reveal)
        self.close_answers.clicked.connect(self._toggle_closed)
        self.end.clicked.connect(self.end_live)
        self._addresses_filled = False
        self.translate(lang)
        self.refresh()

    def _fonts(self) -> None:
        k = 2.0 if self.presentation else 1.0
        for w, scale in ((self.url, 1.6), (self.code, 1.6), (self.counts, 1.3)):
            f = self.font()
            f.setPointSizeF(f.pointSizeF() * scale * k)
            f.setBold(w is not self.counts)
            w.setFont(f)
        if self.live is not None and self.live.url:
            self._show_qr(self.live.url)

    # -- addresses ---------------------------------------------------------------------------------
    def fill_addresses(self) -> None:
        """Detected addresses (local lookups only, nothing is sent), likely LAN first."""
        current = self.address.currentData()
        self.address.clear()
        for addr in live_mod.addresses():
            label = addr if addr != "127.0.0.1" else t("live.address.loopback", self.lang, address=addr)
            self.address.addItem(label, addr)
        if current is not None:
            i = self.address.findData(current)
            if i >= 0:
                self.address.setCurrentIndex(i)
        self._addresses_filled = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        if not self._addresses_filled:
            self.fill_addresses()
        super().showEvent(event)

    # -- going live ----------------------------------------------------------------------------------
    def go_live(self, host: str | None = None, port: int | None = None) -> None:
        """Serve on the chosen address; `host`/`port` (resuming an event after a crash): that
        address, its port first, if this computer still has it."""
        if self.live is not None and (self.live.running or self.live.busy):
            return
        if not self._addresses_filled:
            self.fill_addresses()
        if host is not None:
            i = self.address.findData(host)
            if i < 0:  # the network changed meanwhile (another Wi-Fi, a new address)
                self.error.show_text(t("live.resume.gone", self.lang, address=host))
                return
            self.address.setCurrentIndex(i)
        host = self.address.currentData()
        if not host:
            return
        if self.live is None:
            opener = self._opener()
            if opener is None:
                return
            self.live = live_mod.LiveSession(opener, self)
            self.live.started.connect(self._started)
            self.live.failed.connect(self._failed)
            self.live.stopped.connect(self._stopped)
            self.live.lost.connect(self._lost)
            self.live.countsChanged.connect(lambda _c: self._show_counts())
            self.live.changed.connect(self._changed)
            self.live.profileReady.connect(self.roomReady)
            self.live.assessmentReady.connect(self.assessmentReady)
        self.error.show_text("")
        self.note.setText(t("live.starting", self.lang))
        self.go.setEnabled(False)
        self.live.start(host, port)

    def _started(self, url: str) -> None:
        self._show_qr(url)
        self.refresh()
        self.liveChanged.emit()

    def _show_qr(self, url: str) -> None:
        pm = live_mod.qr_pixmap(url)
        size = QR_SIZE * (2 if self.presentation else 1)
        self.qr.setPixmap(pm.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                    Qt.TransformationMode.FastTransformation))
        self.qr.setAccessibleName(t("live.qr.name", self.lang, url=url))
        self.url.setText(live_mod.short_url(url))
        self.code.setText(t("live.code", self.lang, code=self.live.code if self.live else ""))

    def _failed(self, message: str) -> None:
        self.error.show_text(t("live.failed", self.lang, error=message))
        if self.live is not None and self.live.room is None:
            self.live.deleteLater()
            self.live = None  # the event could not be opened: the next try opens it again
        self.refresh()

    def _lost(self, _why: str) -> None:
        self.error.show_text(t("live.lost", self.lang))

    def _stopped(self) -> None:
        self.refresh()
        self.liveChanged.emit()

    def _changed(self, ev: Any) -> None:
        if ev.kind in ("closed", "reopened", "revealed"):
            self.refresh()
            self.liveChanged.emit()
        self.answersArrived.emit(ev)

    def _reveal(self) -> None:
        if self.live is not None:
            self.live.reveal()

    def _toggle_closed(self) -> None:
        if self.live is not None:
            self.live.close_answers(not self.live.closed)

    def end_live(self) -> None:
        """Stop listening; the event and its answers stay (Go live again continues it)."""
        if self.live is not None and self.live.running:
            self.note.setText(t("live.stopping", self.lang))
            self.end.setEnabled(False)
            self.live.stop()

    def release(self) -> None:
        """The event is done with (cleared, renamed, window closing): stop and unlock it."""
        if self.live is not None:
            self.live.stop_now()
            self.live.deleteLater()
            self.live = None
            self.refresh()

    # -- showing ---------------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.live is not None and self.live.running

    def _show_counts(self) -> None:
        c = self.live.counts() if self.live is not None else None
        if c is None:
            self.counts.setText("")
            return
        self.counts.setText(t("live.counts", self.lang, joined=c.joined, answering=c.answering,
                              finished=c.finished))
        self._note()

    def _note(self) -> None:
        lv, lang = self.live, self.lang
        if lv is None or lv.busy and not lv.running:
            return
        if not lv.running:
            self.note.setText(t("live.ended", lang) if lv.url else "")
            return
        c = lv.counts()
        lines = []
        if lv.closed:
            lines.append(t("live.closed", lang))
        if self.mode == "event":
            if c.finished < MIN_SHOWN:
                lines.append(t("live.waiting", lang, n=c.finished, min=MIN_SHOWN))
            elif not (lv.revealed or lv.closed):
                lines.append(t("live.hidden", lang, n=c.finished))
        else:
            lines.append(t("live.ws.arriving", lang))
        self.note.setText("\n".join(lines))

    def refresh(self) -> None:
        running = self.running
        lv = self.live
        self.join_box.setVisible(running)
        self.controls.setVisible(running)
        self.setup.setVisible(not running and not self.presentation)
        self.go.setEnabled(not (lv is not None and lv.busy))
        self.go.setText(t("live.go_again" if lv is not None and lv.url else "live.go", self.lang))
        self.end.setEnabled(running and not (lv is not None and lv.busy))
        self.reveal.setEnabled(running and lv is not None and not lv.revealed)
        self.close_answers.setText(t("live.reopen" if lv is not None and lv.closed else "live.close_answers",
                                     self.lang))
        self.controls.setVisible(running and not self.presentation)
        self._show_counts()
        self._note()
        if lv is None:
            self.note.setText("")

    def results_visible(self) -> bool:
        """May the room's results be shown (n ≥ 5 is the profile's own floor): revealed or
        closed. True when not live (the file route shows the room as before)."""
        lv = self.live
        if lv is None or lv.room is None:
            return True
        return lv.revealed or lv.closed

    @property
    def is_live_room(self) -> bool:
        return self.live is not None and self.live.room is not None

    def set_presentation(self, on: bool) -> None:
        """On a projector: the code, URL and QR large (late joiners), no controls."""
        self.presentation = on
        self._fonts()
        self.refresh()

    def translate(self, lang: str) -> None:
        self.lang = lang
        self.binder.apply(lang)
        self.counts.setAccessibleName(t("live.counts.name", lang))
        if self._addresses_filled:
            self.fill_addresses()
        if self.live is not None and self.live.url and self.running:
            self._show_qr(self.live.url)
        self.refresh()


class LiveDialog(QDialog):
    """Workshop → Collect answers live: a window beside the main one (not modal, so the
    Respondents and Consensus screens stay usable while answers arrive)."""

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("liveDialog")
        self.session = session
        a = session.assessment
        self.aid = a.id
        lang = session.lang
        self.setWindowTitle(t("live.ws.title", lang, company=a.company.name or a.title or a.id))
        lay = QVBoxLayout(self)
        self.intro = wrap_label(t("live.ws.intro", lang))
        lay.addWidget(self.intro)
        self.panel = LivePanel(self._opener, mode="workshop", lang=lang, parent=self)
        lay.addWidget(self.panel)
        self.panel.assessmentReady.connect(self._arrived)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(t("close", lang))
        buttons.rejected.connect(self.close)
        lay.addWidget(buttons)
        session.assessmentOpened.connect(self._assessment_changed)
        session.languageChanged.connect(self._translate)

    def _opener(self) -> Any:
        s, lang = self.session, self.session.lang
        if s.read_only:
            dialogs.error(self, t("live.title", lang), t("live.read_only", lang), lang)
            return None
        portfolio, aid = s.portfolio, self.aid

        def open_room() -> Any:
            from cemassess.live.room import LiveRoom

            return LiveRoom.for_assessment(portfolio, aid)
        return open_room

    def _arrived(self, fresh: Any) -> None:
        if self.session.assessment is not None and self.session.assessment.id == self.aid:
            self.session.merge_live(fresh)

    def _assessment_changed(self) -> None:
        a = self.session.assessment
        if a is None or a.id != self.aid:
            self.close()  # another assessment: this one's live room ends

    def _translate(self, lang: str) -> None:
        self.intro.setText(t("live.ws.intro", lang))
        self.panel.translate(lang)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt)
        self.panel.release()
        super().closeEvent(event)
