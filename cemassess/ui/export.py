"""Exports: the PDF report, the Word report and the slides (built on a worker thread with
progress and cancel, then offered to the system to open), CSV and XLSX tables, and the
assessment file.

Anonymous reports: a switch per assessment (Export → Anonymous reports, remembered in the
settings, off until the consultant turns it on) names respondents R1, R2... in the PDF, the
Word report and the slides, as `cemassess report --anonymous` does; the save dialog's title
and the suggested file name say so."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from cemassess.ui import dialogs
from cemassess.ui.strings import t


class Job(QThread):
    """Runs `work(progress, cancelled)` off the GUI thread."""

    progressed = Signal(int)  # 0..1000
    succeeded = Signal(object)
    failed = Signal(str)
    was_cancelled = Signal()

    def __init__(self, work: Callable[[Callable[[float], None], Callable[[], bool]], Any],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.work = work
        self.cancel_requested = False

    def cancel(self) -> None:
        self.cancel_requested = True

    def run(self) -> None:
        try:
            result = self.work(lambda x: self.progressed.emit(int(max(0.0, min(1.0, x)) * 1000)),
                               lambda: self.cancel_requested)
        except Exception as e:
            if type(e).__name__ == "ReportCancelled" or self.cancel_requested:
                self.was_cancelled.emit()
            else:
                self.failed.emit(str(e) or type(e).__name__)
            return
        if self.cancel_requested:
            self.was_cancelled.emit()
        else:
            self.succeeded.emit(result)


MAX_REMEMBERED = 500  # assessments whose anonymity switch the settings remember


def _slug(text: str) -> str:
    return re.sub(r"[^\w-]+", "-", text, flags=re.UNICODE).strip("-")[:60] or "assessment"


class Exporter(QObject):
    """Export actions for the open assessment. `ask_open` is replaced in tests."""

    finished = Signal(str)  # the path written (for tests and the status bar)

    def __init__(self, session: Any, settings: Any, parent: QWidget) -> None:
        super().__init__(parent)
        self.session, self.settings, self.window = session, settings, parent
        self.job: Job | None = None
        self.progress: QProgressDialog | None = None

    @property
    def lang(self) -> str:
        return self.session.lang

    def _suggest(self, suffix: str, report: bool = False) -> str:
        a = self.session.assessment
        base = _slug(a.company.name or a.title or a.id)
        tag = f"-{_slug(t('export.anonymous_tag', self.lang))}" if report and self.anonymous else ""
        return str(Path.home() / f"{base}-{a.date.isoformat()}{tag}{suffix}")

    # -- anonymity ---------------------------------------------------------------------------
    def _anonymous_ids(self) -> list[str]:
        return self.settings.get("report/anonymous").split()

    @property
    def anonymous(self) -> bool:
        """Whether the open assessment's reports name respondents R1, R2... (remembered per
        assessment; off by default)."""
        return self.session.is_open and self.session.assessment.id in self._anonymous_ids()

    def set_anonymous(self, on: bool) -> None:
        if not self.session.is_open:
            return
        aid = self.session.assessment.id
        ids = [i for i in self._anonymous_ids() if i != aid] + ([aid] if on else [])
        self.settings.set("report/anonymous", " ".join(ids[-MAX_REMEMBERED:]))

    def _title(self, key: str) -> str:
        title = t(key, self.lang)
        return t("export.anonymous_title", self.lang, title=title) if self.anonymous else title

    def branding(self) -> Any:
        from cemassess.report.theme import Branding

        logo = self.settings.get("branding/logo")
        return Branding(consultant=self.settings.get("branding/consultant"),
                        logo=Path(logo) if logo and Path(logo).is_file() else None,
                        accent=self.settings.get("branding/accent"))

    # -- PDF ---------------------------------------------------------------------------------
    def export_pdf(self, path: Path | None = None) -> Job | None:
        if not self.session.is_open or self.job is not None:
            return None
        path = path or dialogs.save_file(self.window, self._title("export.pdf"),
                                         self._suggest(".pdf", report=True), "PDF (*.pdf)")
        if path is None:
            return None
        res, lang, branding = self.session.results_snapshot(), self.lang, self.branding()
        trend = self.session.trend()  # a re-assessment: the report shows the change too
        anonymous = self.anonymous

        def work(progress, cancelled):
            from cemassess.report.pdf import write_report

            return write_report(res, lang, path, branding, progress=progress, cancelled=cancelled,
                                trend=trend, anonymous=anonymous)

        return self._run(work, t("export.pdf.progress", lang), open_after=True)

    # -- Word and slides ------------------------------------------------------------------------
    def export_office(self, kind: str, path: Path | None = None) -> Job | None:
        """The editable Word report (docx) or the debrief slides (pptx), branded like the PDF."""
        if not self.session.is_open or self.job is not None:
            return None
        suffix = f".{kind}"
        label = "Word (*.docx)" if kind == "docx" else "PowerPoint (*.pptx)"
        path = path or dialogs.save_file(self.window, self._title(f"export.{kind}"),
                                         self._suggest(suffix, report=True), label)
        if path is None:
            return None
        res, lang, branding = self.session.results_snapshot(), self.lang, self.branding()
        trend = self.session.trend()  # a re-assessment: the change over time, as in the PDF
        anonymous = self.anonymous

        def work(progress, cancelled):
            from cemassess.exchange.atomic import atomic_write_bytes
            from cemassess.report.bundle import build_set

            progress(0.1)
            data = build_set(res, lang, [suffix], branding, anonymous=anonymous, trend=trend)[suffix]
            atomic_write_bytes(path, data)
            return path

        return self._run(work, t("export.office.progress", lang), open_after=True)

    # -- tables ------------------------------------------------------------------------------
    def export_table(self, kind: str, path: Path | None = None) -> Job | None:
        if not self.session.is_open or self.job is not None:
            return None
        suffix = ".csv" if kind == "csv" else ".xlsx"
        path = path or dialogs.save_file(self.window, t(f"export.{kind}", self.lang),
                                         self._suggest(suffix), f"{kind.upper()} (*{suffix})")
        if path is None:
            return None
        res, lang = self.session.results_snapshot(), self.lang

        def work(progress, cancelled):
            from cemassess.exchange import export_tabular

            writer = getattr(export_tabular, f"write_{kind}")
            progress(0.1)
            return writer(res, path, lang) or path

        return self._run(work, t("export.table.progress", lang), open_after=False)

    def export_file(self, path: Path | None = None) -> Path | None:
        if not self.session.is_open:
            return None
        path = path or dialogs.save_file(self.window, t("export.file", self.lang),
                                         self._suggest(".cemassess.json"), dialogs.ASSESSMENT_FILTER)
        if path is None:
            return None
        try:
            out = self.session.portfolio.export(self.session.assessment.id, path)
        except Exception as e:
            dialogs.error(self.window, t("error.title", self.lang), str(e), self.lang)
            return None
        self.finished.emit(str(out))
        return Path(out)

    # -- the worker ------------------------------------------------------------------------------
    def _run(self, work: Callable, label: str, *, open_after: bool) -> Job:
        lang = self.lang
        dlg = QProgressDialog(label, t("cancel", lang), 0, 1000, self.window)
        from cemassess.ui import style

        style.dialog(dlg)
        dlg.setWindowTitle(t("export.title", lang))
        dlg.setAccessibleName(label)
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.setMinimumDuration(300)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        job = Job(work, self)
        job.progressed.connect(dlg.setValue)
        dlg.canceled.connect(job.cancel)
        job.succeeded.connect(lambda p: self._done(Path(p), open_after))
        job.failed.connect(lambda msg: self._failed(msg))
        job.was_cancelled.connect(self._cancelled)
        job.finished.connect(self._cleanup)
        self.job, self.progress = job, dlg
        job.start()
        return job

    def _cleanup(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
        if self.job is not None:
            self.job.deleteLater()
        self.job = self.progress = None

    def _done(self, path: Path, open_after: bool) -> None:
        self.finished.emit(str(path))
        if open_after and ask_open(self.window, path, self.lang):
            dialogs.open_url(path)

    def _failed(self, message: str) -> None:
        if "No module named" in message:
            message = t("export.unavailable", self.lang)
        dialogs.error(self.window, t("error.title", self.lang), message, self.lang)

    def _cancelled(self) -> None:
        self.finished.emit("")


def ask_open(parent: QWidget, path: Path, lang: str) -> bool:
    return dialogs.confirm(parent, t("export.done", lang), t("export.done.text", lang, path=str(path)),
                           t("export.open", lang), lang)
