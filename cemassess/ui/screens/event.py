"""Event room: a club event where every participant assesses their own company.

The trainer adds the participants' answer files (files, a folder, or dropped on the window);
`load_room` reads and scores them on a worker. The room is shown anonymously: the box and
strip plot per dimension, the phase mix, n, and each participant's position by number
(CEM index, percentile in the room, phase attained). Company names stay hidden unless the
trainer ticks "Show names" (never in presentation mode). Below five participants nothing
is shown, so that nobody can be recognised. "Write PDFs…" builds the room summary and a
personal PDF per participant (`write_room_reports`, on all cores, off the GUI thread);
"Save as a benchmark" shelves the consenting participants' anonymised distributions.
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cemassess.ui import dialogs
from cemassess.ui.charts import ChartView, chart_theme
from cemassess.ui.screens.base import BaseController, BaseView
from cemassess.ui.strings import t
from cemassess.ui.tiles import KpiTile, ScoreScale
from cemassess.ui.widgets import Banner, heading, hint_label, wrap_label
from cemassess.ui.workshop import reason_text

CHARTS = (("strips", "chart.strips"), ("phase_mix", "chart.phase_mix"))
COLUMNS = ("number", "name", "overall", "percentile", "phase")
MIN_SHOWN = 5  # the domain's floor (domain.benchmark.MIN_N); the profile says `shown`


class View(BaseView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        b = self.binder
        lay = QVBoxLayout(self)
        self.title = heading(size=1.5)
        lay.addWidget(self.title)
        self.intro = b.bind(wrap_label(), "event.intro")
        lay.addWidget(self.intro)
        self.setup = QWidget()
        sl = QVBoxLayout(self.setup)
        sl.setContentsMargins(0, 0, 0, 0)
        name_row = QHBoxLayout()
        self.event_label = b.bind(QLabel(), "event.name")
        self.event_name = b.bind(QLineEdit(), name="event.name", placeholder="event.name.hint")
        self.event_name.setMaxLength(200)
        self.event_label.setBuddy(self.event_name)
        name_row.addWidget(self.event_label)
        name_row.addWidget(self.event_name, 1)
        sl.addLayout(name_row)
        row = QHBoxLayout()
        self.add_files = b.bind(QPushButton(), "event.add_files")
        self.add_folder = b.bind(QPushButton(), "event.add_folder")
        self.clear = b.bind(QPushButton(), "event.clear")
        self.export_q = b.bind(QPushButton(), "live.export_q", tip="live.export_q.tip")  # h13ui
        for w in (self.add_files, self.add_folder, self.clear, self.export_q):
            row.addWidget(w)
        row.addStretch(1)
        sl.addLayout(row)
        sl.addWidget(b.bind(hint_label(), "event.drop_hint"))
        lay.addWidget(self.setup)
        from cemassess.ui.screens.live_panel import LivePanel  # h13ui: the live room

        self.live = LivePanel(lambda: None, mode="event")  # the controller gives the opener
        lay.addWidget(self.live)
        self.status = wrap_label()
        self.status.setObjectName("lead")  # the room's size: large on the projector (ui/style.py)
        f = self.status.font()
        f.setPointSizeF(f.pointSizeF() * 1.15)
        f.setBold(True)
        self.status.setFont(f)
        lay.addWidget(self.status)
        # the room at a glance, as on Results: tiles whose figure opens how it was computed
        self.tiles = QWidget()
        tl_row = QHBoxLayout(self.tiles)
        tl_row.setContentsMargins(0, 0, 0, 0)
        tl_row.setSpacing(12)
        self.people_tile = b.bind(KpiTile(), "event.kpi.participants")
        self.index_tile = b.bind(KpiTile(), "event.kpi.index")
        self.index_scale = self.index_tile.set_picture(ScoreScale())
        for tile in (self.people_tile, self.index_tile):
            tl_row.addWidget(tile, 1)
        tl_row.addStretch(1)
        self.tiles.hide()
        lay.addWidget(self.tiles)
        self.too_few = Banner("info")
        lay.addWidget(self.too_few)
        self.refused = Banner("warn")
        lay.addWidget(self.refused)
        self.charts: dict[str, ChartView] = {}
        self.charts_box = QWidget()
        self.chart_lay = QVBoxLayout(self.charts_box)
        self.chart_lay.setContentsMargins(0, 0, 0, 0)
        self.dist_note = b.bind(hint_label(), "event.distribution.note")
        lay.addWidget(self.charts_box)
        self.table_box = b.bind(QGroupBox(), "event.positions")
        tl = QVBoxLayout(self.table_box)
        self.show_names = b.bind(QCheckBox(), "event.show_names", tip="event.show_names.tip")
        tl.addWidget(self.show_names)
        self.table = b.bind(QTableWidget(0, len(COLUMNS)), name="event.positions")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        tl.addWidget(self.table)
        lay.addWidget(self.table_box)
        self.actions = QWidget()
        al = QHBoxLayout(self.actions)
        al.setContentsMargins(0, 0, 0, 0)
        self.write_pdfs = b.bind(QPushButton(), "event.write_pdfs", tip="event.write_pdfs.tip")
        self.save_bench = b.bind(QPushButton(), "event.save_benchmark", tip="event.save_benchmark.tip")
        al.addWidget(self.write_pdfs)
        al.addWidget(self.save_bench)
        al.addStretch(1)
        lay.addWidget(self.actions)
        lay.addStretch(1)

    def add_charts(self, source) -> None:
        for kind, name in CHARTS:
            self.charts[kind] = ChartView(kind, name, lambda k=kind: source(k))
        self.chart_lay.addWidget(self.charts["strips"])
        self.chart_lay.addWidget(self.dist_note)
        self.chart_lay.addWidget(self.charts["phase_mix"])

    def set_presentation(self, on: bool) -> None:
        """On a projector: the room only; no file handling, never the names."""
        super().set_presentation(on)
        for w in (self.setup, self.intro, self.refused, self.show_names, self.actions):
            w.setVisible(not on)
        if on:  # the per-participant scores stay on the trainer's screen, never the projector's
            self.table_box.hide()
        if on:
            self.show_names.setChecked(False)
        self.table.setColumnHidden(1, not self.show_names.isChecked())
        for c in self.charts.values():
            c.enlarge = on
        self.live.set_presentation(on)  # h13ui: the join code stays on the projector
        self.show_live()

    def show_live(self) -> None:
        """The live panel on the projector only while live (its join code); never an empty
        "Live" heading over the room."""
        self.live.setVisible(not self.presentation or self.live.running)

    def translateUI(self, lang: str) -> None:  # noqa: N802
        super().translateUI(lang)
        self.live.translate(lang)
        self.table.setHorizontalHeaderLabels([t(f"event.col.{c}", lang) for c in COLUMNS])


class Controller(BaseController):
    roomChanged = Signal()  # a room was read, or cleared

    def __init__(self, view: View, session: Any, ctx: Any) -> None:
        super().__init__(view, session, ctx)
        self.paths: list[Path] = []
        self.room: Any = None
        self.job: Any = None  # reading the room
        self._again = False  # more files came while it was read
        self.pdf_job: Any = None
        self.progress: QProgressDialog | None = None
        self._resuming = False  # the next live opener waits for the event's lock (after a crash)
        self.bench_job: Any = None  # scoring a live room's consenting seats for a benchmark
        self._rows: list[tuple[str, ...]] = []  # the positions table's cells as last filled
        self._labels: dict[tuple[str, int], str] = {}  # "No. 12" per language
        view.add_charts(self.chart_source)
        v = view
        v.add_files.clicked.connect(self.pick_files)
        v.add_folder.clicked.connect(self.pick_folder)
        v.clear.clicked.connect(self.clear)
        v.show_names.toggled.connect(lambda _on: self._fill_table())
        v.write_pdfs.clicked.connect(lambda: self.write_pdfs())
        v.save_bench.clicked.connect(self.save_benchmark)
        v.event_name.editingFinished.connect(self._title)
        v.people_tile.number.explain.connect(self.explain_people)
        v.index_tile.number.explain.connect(self.explain_index)
        # h13ui: the live room
        v.export_q.clicked.connect(lambda: self.export_questionnaire())
        v.live._opener = self._live_opener
        v.live.roomReady.connect(self._live_room)
        v.live.liveChanged.connect(self._live_changed)

    @property
    def shown_room(self) -> bool:
        return (self.room is not None and self.room.profile is not None and self.room.profile.shown
                and self.view.live.results_visible())  # live: hidden until revealed (no herding)

    @property
    def event(self) -> str:
        return self.view.event_name.text().strip()

    def chart_source(self, kind: str) -> tuple | None:
        if not self.shown_room:
            return None
        theme = chart_theme(self.ctx.settings.get("branding/accent"))
        data = (self.room.framework, self.room.profile) if kind == "strips" else self.room.profile
        live = self.view.live.live
        if live is not None and live.remote and live.room is not None and live.room.alive:
            from cemassess.live.remote import RemoteChart

            # h13ui: the live room's child process draws it (matplotlib never loads here,
            # the GUI thread shares no interpreter lock with the drawing)
            data = RemoteChart(live.room, data)
        return data, self.lang, theme

    # -- files -------------------------------------------------------------------------------
    def pick_files(self) -> None:
        start = self.ctx.settings.get("workshop/folder") or str(Path.home())
        paths = dialogs.pick_files(self.view, t("event.add_files", self.lang), dialogs.ANSWERS_FILTER, start)
        if paths:
            self.add_files(paths)

    def pick_folder(self) -> None:
        start = self.ctx.settings.get("workshop/folder") or str(Path.home())
        folder = dialogs.choose_folder(self.view, t("event.add_folder", self.lang), start)
        if folder is not None:
            self.add_files([folder])

    def add_files(self, paths: list[Path]) -> Any:
        """Add participants' files (or folders) and read the whole room again on a worker."""
        new = [Path(p) for p in paths if Path(p) not in self.paths]
        if not new:
            return None
        first = new[0]
        self.ctx.settings.set("workshop/folder", str(first if first.is_dir() else first.parent))
        self.paths += new
        if self.job is not None:  # files dropped while the room is read: read it again after
            self._again = True
            return self.job
        return self._load()

    def _load(self) -> Any:
        from cemassess.ui.export import Job

        paths = list(self.paths)

        def work(progress, cancelled):
            from cemassess.content import load_framework
            from cemassess.workshop import load_event_files

            # answer files and full assessment files; the framework the CLI's `room` uses
            return load_event_files(paths, load_framework())

        job = Job(work, self)
        job.succeeded.connect(self._loaded)
        job.failed.connect(lambda msg: dialogs.error(self.view, t("error.title", self.lang), msg, self.lang))
        job.finished.connect(self._load_done)
        self.job = job
        self.view.status.setText(t("event.reading", self.lang, n=len(paths)))
        job.start()
        return job

    def _load_done(self) -> None:
        if self.job is not None:
            self.job.deleteLater()
        self.job = None
        if self._again:
            self._again = False
            self._load()

    def _loaded(self, room: Any) -> None:
        if not self.paths or self._again:  # cleared meanwhile, or about to be read again
            return
        self.room = room
        self.view.show_names.setChecked(False)  # every new room starts anonymous
        self.refresh()
        self.roomChanged.emit()

    def clear(self) -> None:
        self.view.live.release()  # h13ui: a live room is stopped and its event unlocked
        self.paths, self.room, self._again = [], None, False
        self.refresh()
        self.roomChanged.emit()

    # -- showing the room -----------------------------------------------------------------------
    def _title(self) -> None:
        self.view.title.setText(t("event.title_named", self.lang, event=self.event) if self.event
                                else t("screen.event", self.lang))

    def refresh(self) -> None:
        v, lang, room = self.view, self.lang, self.room
        self._title()
        n = len(room.files) if room is not None else 0
        v.status.setText(t("event.status", lang, n=n) if room is not None else t("event.empty", lang))
        refused = room.refused if room is not None else []
        v.refused.show_text("\n".join([t("event.refused", lang, n=len(refused))]
                                      + [f"• {r.name}: {reason_text(r.name, r.reason, lang)}"
                                         for r in refused[:12]]
                                      + (["…"] if len(refused) > 12 else [])) if refused else "")
        shown = self.shown_room
        v.too_few.show_text(t("event.too_few", lang, n=n, min=MIN_SHOWN) if room is not None and not shown else "")
        v.charts_box.setVisible(shown)
        self._fill_tiles()
        v.table_box.setVisible(shown and not v.presentation)  # per-participant rows: never projected
        v.write_pdfs.setEnabled(n > 0 and self.pdf_job is None)
        v.save_bench.setEnabled(n > 0 and not self.session.read_only)
        v.clear.setEnabled(bool(self.paths) or v.live.is_live_room)
        live = v.live.is_live_room  # h13ui: one room at a time, live or from files
        for w in (v.add_files, v.add_folder, v.event_name):
            w.setEnabled(not live)
        if live:  # the live panel says how many have finished and whether results are hidden
            v.too_few.show_text("")
            if room is None:
                v.status.setText(t("live.status", lang))
        self._fill_table()
        for chart in v.charts.values():
            chart.invalidate()

    def _fill_tiles(self) -> None:
        """Participants and the room's median CEM index: only from MIN_SHOWN participants on."""
        from cemassess.i18n import num

        v, lang, room = self.view, self.lang, self.room
        ov = room.profile.overall if self.shown_room else None
        v.tiles.setVisible(self.shown_room)
        v.status.setVisible(not self.shown_room or v.live.is_live_room)  # the tile says it
        if not self.shown_room:
            return
        n = len(room.files)
        v.people_tile.number.setText(str(n))
        v.people_tile.note.setText(t("event.kpi.participants_note", lang, consented=len(room.consenting), n=n))
        v.people_tile.number.setAccessibleName(f"{v.people_tile.title()}: {n}")
        v.index_tile.setVisible(ov is not None)
        if ov is not None:
            v.index_tile.number.setText(num(ov.median, lang, 1))
            v.index_tile.note.setText(t("event.kpi.index_note", lang, p25=f"{ov.p25:.0f}", p75=f"{ov.p75:.0f}"))
            v.index_tile.number.setAccessibleName(f"{v.index_tile.title()}: {v.index_tile.number.text()}")
            accent = chart_theme(self.ctx.settings.get("branding/accent")).accent
            v.index_scale.set_score(ov.median, [b.min_score for b in room.framework.bands], accent)

    def explain_people(self) -> None:
        from cemassess.i18n import pct
        from cemassess.ui import widgets
        from cemassess.workshop import PARTIAL_BELOW

        room, lang = self.room, self.lang
        if room is None:
            return
        widgets.show_explanation(self.view, self.view.people_tile.title(),
                                 [t("event.kpi.participants_expl", lang, n=len(room.files),
                                    refused=len(room.refused), partial=len(room.partial), min=MIN_SHOWN,
                                    pct=pct(PARTIAL_BELOW, lang))], lang)

    def explain_index(self) -> None:
        from cemassess.ui import widgets

        room, lang = self.room, self.lang
        ov = room.profile.overall if self.shown_room else None
        if ov is None:
            return
        widgets.show_explanation(self.view, self.view.index_tile.title(),
                                 [t("event.kpi.index_expl", lang, n=ov.n),
                                  f"P10 {ov.p10:.0f} · P25 {ov.p25:.0f} · {t('event.kpi.median', lang)} "
                                  f"{ov.median:.0f} · P75 {ov.p75:.0f} · P90 {ov.p90:.0f}"], lang)

    def _fill_table(self) -> None:
        """The positions, one row per participant. A live room of hundreds is filled again
        every second or so while answers arrive: only the cells whose text changed are
        touched, and rows are one line each (measured: 25 ms for 200 rows before, on the
        GUI thread; bench/bench_live_ui.py)."""
        from cemassess.explain import headline

        v, lang, room = self.view, self.lang, self.room
        table = v.table
        if not self.shown_room:
            table.setRowCount(0)
            self._rows = []
            return
        names = v.show_names.isChecked() and not v.presentation
        table.setColumnHidden(1, not names)
        positions = room.profile.positions
        if table.rowCount() != len(self._rows):
            self._rows = []  # the table was changed elsewhere: fill every cell
        table.setRowCount(len(positions))
        del self._rows[len(positions):]
        no_phase = t("event.no_phase", lang)
        center = Qt.AlignmentFlag.AlignCenter
        for i, pos in enumerate(positions):
            label = self._labels.get((lang, pos.participant))
            if label is None:
                label = self._labels[(lang, pos.participant)] = t("event.participant", lang, n=pos.participant + 1)
            name = ""
            if names:
                f = room.files[pos.participant]
                name = f.company.name or f.respondent.name
            cells = (label, name,
                     f"{pos.overall:.0f}" if pos.overall is not None
                     else headline(room.results[pos.participant].overall, lang),  # "not enough answers"
                     f"{pos.overall_percentile:.0f}" if pos.overall_percentile is not None else "—",
                     str(pos.attained_phase) if pos.attained_phase else no_phase)
            old = self._rows[i] if i < len(self._rows) else None
            if old == cells:
                continue
            for j, text in enumerate(cells):
                item = table.item(i, j)
                if item is None:
                    item = QTableWidgetItem(text)
                    if j != 1:
                        item.setTextAlignment(center)
                    table.setItem(i, j, item)
                elif old is None or old[j] != text:
                    item.setText(text)
            if old is None:
                self._rows.append(cells)
            else:
                self._rows[i] = cells
        header = table.horizontalHeader().height()
        if names:  # a long company name may wrap
            table.resizeRowsToContents()
            h = header + sum(table.rowHeight(r) for r in range(table.rowCount()))
        else:  # every cell is one line: one height for all
            row = max(table.sizeHintForRow(0), table.verticalHeader().minimumSectionSize()) if positions else 0
            for r in range(len(positions)):
                if table.rowHeight(r) != row:
                    table.setRowHeight(r, row)
            h = header + row * len(positions)
        if table.height() != h + 4:
            table.setFixedHeight(h + 4)

    # -- PDFs ---------------------------------------------------------------------------------------
    def write_pdfs(self, out_dir: Path | None = None) -> Any:
        """The room summary and a personal PDF per participant, into a folder, off the GUI thread.
        Written into a hidden folder first and moved in when all are done: a cancelled run
        leaves nothing half-made behind."""
        from cemassess.ui.export import Job

        if self.room is None or not self.room.files or self.pdf_job is not None:
            return None
        lang = self.lang
        if out_dir is None:
            start = self.ctx.settings.get("workshop/folder") or str(Path.home())
            out_dir = dialogs.choose_folder(self.view, t("event.write_pdfs", lang), start)
            if out_dir is None:
                return None
        out_dir = Path(out_dir)
        staging = out_dir / f".cemassess-room-{uuid.uuid4().hex[:8]}"
        room, event, total = self.room, self.event, len(self.room.files) + 1

        def work(progress, cancelled):
            import inspect

            from cemassess.workshop import write_room_reports

            staging.mkdir(parents=True)
            try:
                kw: dict[str, Any] = {"lang": lang, "event": event}
                params = inspect.signature(write_room_reports).parameters
                if "progress" in params:
                    kw["progress"] = progress
                if "cancelled" in params:
                    kw["cancelled"] = cancelled
                written = write_room_reports(room, staging, **kw)
                if cancelled():
                    return []
                out = []
                for p in written:
                    target = out_dir / p.name
                    p.replace(target)
                    out.append(target)
                return out
            finally:
                shutil.rmtree(staging, ignore_errors=True)

        dlg = QProgressDialog(t("event.pdfs.progress", lang, n=total), t("cancel", lang), 0, total, self.view)
        dlg.setWindowTitle(t("event.write_pdfs", lang))
        dlg.setAccessibleName(t("event.write_pdfs", lang))
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.setMinimumDuration(300)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        job = Job(work, self)
        timer = QTimer(dlg)
        timer.setInterval(250)  # the PDFs appear one by one in the hidden folder: count them
        timer.timeout.connect(lambda: dlg.setValue(min(total, len(list(staging.glob("*.pdf"))))
                                                   if staging.is_dir() else dlg.value()))
        timer.start()
        dlg.canceled.connect(job.cancel)
        dlg.canceled.connect(lambda: self._pdfs_cancelled(dlg))
        job.succeeded.connect(lambda paths: self._pdfs_done(out_dir, paths))
        job.failed.connect(lambda msg: dialogs.error(self.view, t("error.title", lang), msg, lang))
        job.finished.connect(lambda: self._pdf_cleanup(dlg))
        self.pdf_job, self.progress = job, dlg
        self.view.write_pdfs.setEnabled(False)
        job.start()
        return job

    def _pdfs_cancelled(self, dlg: QProgressDialog) -> None:
        dlg.hide()  # the user gets the window back at once; the worker drops its files when done
        status = getattr(self.ctx.window, "statusBar", None)
        if status is not None:
            status().showMessage(t("event.pdfs.cancelled", self.lang), 8000)

    def _pdf_cleanup(self, dlg: QProgressDialog) -> None:
        dlg.reset()
        dlg.deleteLater()
        if self.pdf_job is not None:
            self.pdf_job.deleteLater()
        self.pdf_job = self.progress = None
        self.view.write_pdfs.setEnabled(self.room is not None and bool(self.room.files))

    def _pdfs_done(self, out_dir: Path, paths: list) -> None:
        if not paths:
            return  # cancelled
        lang = self.lang
        if dialogs.confirm(self.view, t("event.write_pdfs", lang),
                           t("event.pdfs.done", lang, n=len(paths), folder=str(out_dir)),
                           t("export.open", lang), lang):
            dialogs.open_url(out_dir)

    # -- benchmark ----------------------------------------------------------------------------------
    def save_benchmark(self) -> Any:
        """The consenting participants as a benchmark pack on the shelf. A live room's
        Results are scored only when looked at (cemassess.live.remote.Lazy): those not yet
        scored are scored on a worker first, then the pack is saved (returns the Job)."""
        room = self.room
        if room is None or self.bench_job is not None:
            return None
        pending = getattr(room.results, "pending", None)
        if pending is not None and pending(room.consenting):
            from cemassess.ui.export import Job

            results, which = room.results, list(room.consenting)
            job = Job(lambda progress, cancelled: [results[i] for i in which], self)
            job.succeeded.connect(lambda _scored, r=room: self._save_benchmark(r))
            job.failed.connect(lambda msg: dialogs.error(self.view, t("error.title", self.lang), msg, self.lang))
            job.finished.connect(self._bench_done)
            self.bench_job = job
            self.view.save_bench.setEnabled(False)
            job.start()
            return job
        return self._save_benchmark(room)

    def _bench_done(self) -> None:
        if self.bench_job is not None:
            self.bench_job.deleteLater()
        self.bench_job = None
        self.view.save_bench.setEnabled(self.room is not None and bool(self.room.files)
                                        and not self.session.read_only)

    def _save_benchmark(self, room: Any) -> Any:
        from cemassess.ui.portfolio import save_pack, shelf_packs
        from cemassess.workshop import room_benchmark

        lang = self.lang
        title = t("event.save_benchmark", lang)
        pack = room_benchmark(room, event=self.event or t("event.unnamed", lang))
        if pack is None:
            dialogs.info(self.view, title, t("event.no_consent", lang), lang)
            return None
        p = self.session.portfolio
        try:
            if any(x.id == pack.id for x in shelf_packs(p)) and not dialogs.confirm(
                    self.view, title, t("event.replace_pack", lang, id=pack.id), t("event.replace", lang), lang):
                return None
            save_pack(p, pack)
        except Exception as e:
            dialogs.error(self.view, t("error.title", lang), str(e), lang)
            return None
        self.session.shelf_changed()
        dialogs.info(self.view, title, t("event.saved_pack", lang, n=len(room.consenting),
                                         total=len(room.files), title=pack.title), lang)
        return pack

    # -- the live room (h13ui) ----------------------------------------------------------------------
    def _live_opener(self) -> Any:
        """How the live panel opens this event's LiveRoom (None, after saying why, if it cannot)."""
        lang = self.lang
        if self.session.read_only:
            dialogs.error(self.view, t("live.title", lang), t("live.read_only", lang), lang)
            return None
        name = self.event
        if not name:
            dialogs.info(self.view, t("live.title", lang), t("live.need_name", lang), lang)
            self.view.event_name.setFocus()
            return None
        if self.paths:
            self.paths, self.room, self._again = [], None, False  # the live room replaces the files
        data_dir = getattr(self.session.portfolio, "root", None)
        resume, self._resuming = self._resuming, False
        from cemassess.ui.live import event_opener

        # the room and its server run in a child process (ui/live.py, live/worker.py)
        return event_opener(name, None if data_dir is None else str(data_dir), resume=resume)

    def resume_live(self, info: Any) -> None:
        """After a crash: the event `info` (store.events.EventInfo) live again on the address
        it was served on, its port first, so the phones' pages reconnect and keep their seats."""
        v = self.view
        v.live.release()
        self.paths, self.room, self._again = [], None, False
        v.event_name.setText(info.name)
        self._title()
        self._resuming = True
        v.live.go_live(info.host, info.port)
        self._resuming = False
        self.refresh()

    def _live_room(self, room: Any) -> None:
        if self.view.live.is_live_room:
            self.room = room
            self.refresh()
            self.roomChanged.emit()

    def _live_changed(self) -> None:
        self.view.show_live()
        self.refresh()
        self.roomChanged.emit()

    def export_questionnaire(self, path: Path | None = None) -> Path | None:
        """The event's own questionnaire file (no assessment needed): for participants who
        answer in the app's participant mode and send back an answer file."""
        from cemassess.content import load_framework
        from cemassess.exchange.atomic import atomic_write_bytes
        from cemassess.exchange.participant import Questionnaire, dumps
        from cemassess.ui.export import _slug

        lang = self.lang
        event = self.event or t("event.unnamed", lang)
        if path is None:
            start = self.ctx.settings.get("workshop/folder") or str(Path.home())
            path = dialogs.save_file(self.view, t("live.export_q", lang).replace("&", ""),
                                     str(Path(start) / f"questionnaire-{_slug(event)}.json"),
                                     dialogs.QUESTIONNAIRE_FILTER)
            if path is None:
                return None
        fw = load_framework()
        q = Questionnaire(mode="event", event=event[:200], framework=fw.id, framework_version=fw.version,
                          language=lang if lang in ("en", "ru") else "en")
        try:
            atomic_write_bytes(Path(path), dumps(q))
        except OSError as e:
            dialogs.error(self.view, t("error.title", lang), str(e), lang)
            return None
        status = getattr(self.ctx.window, "statusBar", None)
        if status is not None:
            status().showMessage(t("export.saved", lang, path=str(path)), 8000)
        return Path(path)
