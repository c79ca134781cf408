"""Workshops and events from the app (issue 7), over the same core calls as the CLI
(`cemassess questionnaire`, `answers`, `benchmarks`):

- the facilitator exports a questionnaire for the open assessment;
- participants' answer files are imported into it (files, a folder, or dropped on the
  window): read and validated on a worker thread (`read_batch`), then merged through the
  session in one undoable step (`merge_into`), each file whole or not at all, and every
  file listed with what became of it;
- "Answer a questionnaire…" opens the participant's window;
- benchmark packs are imported onto the shelf or built from the portfolio.

Files given to the app (a file argument, a drop, a macOS open event) are routed here by
kind (`files.sniff`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from cemassess.ui import dialogs
from cemassess.ui.strings import t
from cemassess.ui.widgets import error_label, wrap_label

ROLES = ("", "management", "sales", "marketing", "service", "other")  # "" = the participant chooses


# Why a file was refused, as the core words it (exchange.participant, exchange.strictjson),
# and the catalogue key that says the same in the user's language; {a} is the detail kept.
REASONS: tuple[tuple[str, str], ...] = (
    (r"already imported", "why.already"),
    (r"the same file as (?P<a>.+)", "why.same_file"),
    (r"a copy of an answer file already in this batch", "why.copy_in_batch"),
    (r"answers another assessment \((?P<a>.+)\)", "why.other_assessment"),
    (r"too large for an answer file \((?P<a>[\d,]+) bytes\)", "why.too_large"),
    (r"the answer file is too large \((?P<a>[\d,]+) bytes.*", "why.too_large"),
    (r"cannot be read \((?P<a>.+)\)", "why.unreadable"),
    (r"this is a questionnaire, not an answer file", "why.questionnaire"),
    (r"not a cemassess answer file", "why.not_answers"),
    (r"answer file format version (?P<a>.+) is not supported", "why.version"),
    (r"answers a different framework \((?P<a>.+)\)", "why.framework"),
    (r"answers an unknown practice (?P<a>.+)", "why.unknown_practice"),
    (r"the answer file is a ZIP archive.*", "why.zip"),
    (r"the answer file is a PDF.*", "why.pdf"),
    (r"the answer file is an image.*", "why.image"),
    (r"the answer file is not UTF-8 text \(byte (?P<a>\d+)\)", "why.not_utf8"),
    (r"the answer file is empty", "why.empty"),
    (r"the answer file is nested too deeply.*", "why.deep"),
    (r"the answer file is not valid JSON \((?P<a>.+)\)", "why.not_json"),
    (r"the answer file is not valid: (?P<a>.+)", "why.invalid"),
    (r"the answer file does not match its format: (?P<a>.+)", "why.format"),
    # --- h12core ---
    (r"is not a regular file \(a device, pipe or socket\).*", "why.not_regular"),
    (r"the answer file is refused: (?P<a>.+) \(control characters are not allowed in text\)", "why.control"),
    (r"reading took longer than .*", "why.slow"),
)


def pack_reason(message: str, lang: str) -> str:
    """Why a benchmark pack was not saved, in the user's language (the privacy floor's
    message from cemassess.exchange.benchmark_file; others as the core words them)."""
    import re

    m = re.match(r"only (\d+) assessment\(s\) behind benchmark pack", message)
    if m:
        return t("bench.too_few", lang, a=m.group(1))
    return message


def reason_text(name: str, reason: str, lang: str = "en") -> str:
    """Why a file was refused, without the file's name (the report has a file column): the
    core's own sentence in English, the catalogue's in Russian (technical detail kept)."""
    import re

    why = reason.removeprefix(f"{name}: ")
    if lang == "en":
        return why
    for pattern, key in REASONS:
        m = re.fullmatch(pattern, why)
        if m:
            return t(key, lang, a=m.groupdict().get("a", ""))
    return why


class QuestionnaireDialog(QDialog):
    """Who answers (a fixed role, or the participant chooses) and for what: this company's
    workshop, or a club event where every participant assesses their own company."""

    def __init__(self, lang: str, company: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from cemassess.ui import style

        style.dialog(self)
        self.lang = lang
        title = t("quest.title", lang)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        lay = QVBoxLayout(self)
        lay.addWidget(wrap_label(t("quest.intro", lang)))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.workshop = QRadioButton(t("quest.workshop", lang, company=company))
        self.event = QRadioButton(t("quest.event", lang))
        for w, key in ((self.workshop, "quest.workshop.name"), (self.event, "quest.event")):
            w.setAccessibleName(t(key, lang))
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.workshop)
        self.mode.addButton(self.event)
        self.workshop.setChecked(True)
        form.addRow(t("quest.mode", lang) + ":", self.workshop)
        form.addRow("", self.event)
        self.event_name = QLineEdit()
        self.event_name.setMaxLength(200)
        self.event_name.setAccessibleName(t("quest.event_name", lang))
        self.event_name.setPlaceholderText(t("quest.event_name.hint", lang))
        form.addRow(t("quest.event_name", lang) + ":", self.event_name)
        self.role = QComboBox()
        self.role.setAccessibleName(t("quest.role", lang))
        for r in ROLES:
            self.role.addItem(t(f"role.{r}", lang) if r else t("quest.role.any", lang), r)
        form.addRow(t("quest.role", lang) + ":", self.role)
        lay.addLayout(form)
        self.error = error_label()
        lay.addWidget(self.error)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        for std, key in ((QDialogButtonBox.StandardButton.Ok, "quest.save"),
                         (QDialogButtonBox.StandardButton.Cancel, "cancel")):
            box.button(std).setText(t(key, lang))
            box.button(std).setAccessibleName(t(key, lang))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        self.event.toggled.connect(self._mode_changed)
        self._mode_changed(False)
        self.resize(560, self.sizeHint().height())

    def _mode_changed(self, event: bool) -> None:
        self.event_name.setEnabled(event)
        if event:
            self.event_name.setFocus()

    def accept(self) -> None:
        if self.event.isChecked() and not self.event_name.text().strip():
            self.error.setText(t("quest.need_event", self.lang))
            self.event_name.setFocus()
            return
        super().accept()

    def values(self) -> tuple[str, str]:
        """(role or "", event name or "" for a workshop)."""
        return self.role.currentData() or "", (self.event_name.text().strip() if self.event.isChecked() else "")


class Workshop(QObject):
    """The workshop and benchmark actions of the main window (after the Exporter)."""

    answersImported = Signal(list, list)  # [(file, respondent)], [Refused]
    questionnaireWritten = Signal(str)

    def __init__(self, session: Any, settings: Any, window: QWidget, *,
                 navigate: Any = None, event_screen: Any = None, open_files: Any = None) -> None:
        super().__init__(window)
        self.session, self.settings, self.window = session, settings, window
        self.navigate = navigate or (lambda *a, **k: None)
        self.event_screen = event_screen  # the event screen's controller (takes room files)
        self.open_assessment_files = open_files  # the start screen's importer
        self.job: Any = None
        self.dialog: QuestionnaireDialog | None = None
        self.participants: list[QWidget] = []  # open participant windows

    @property
    def lang(self) -> str:
        return self.session.lang

    def _start_folder(self) -> str:
        return self.settings.get("workshop/folder") or str(Path.home())

    def _remember_folder(self, paths: list[Path]) -> None:
        if paths:
            p = Path(paths[0])
            self.settings.set("workshop/folder", str(p if p.is_dir() else p.parent))

    # -- questionnaire ----------------------------------------------------------------------------
    def export_questionnaire(self) -> QuestionnaireDialog | None:
        s = self.session
        if not s.is_open:
            return None
        a = s.assessment
        self.dialog = QuestionnaireDialog(self.lang, a.company.name or a.title or a.id, self.window)
        self.dialog.accepted.connect(lambda: self._questionnaire_chosen(*self.dialog.values()))
        self.dialog.open()
        return self.dialog

    def _questionnaire_chosen(self, role: str, event: str) -> None:
        from cemassess.ui.export import _slug

        a = self.session.assessment
        base = _slug(event) if event else _slug(a.company.name or a.title or a.id)
        path = dialogs.save_file(self.window, t("quest.title", self.lang),
                                 str(Path(self._start_folder()) / f"questionnaire-{base}.json"),
                                 dialogs.QUESTIONNAIRE_FILTER)
        if path is not None:
            self.write_questionnaire(path, role=role, event=event)

    def write_questionnaire(self, path: Path, *, role: str = "", event: str = "") -> Path | None:
        """What `cemassess questionnaire ID -o FILE [--role R] [--event NAME]` writes."""
        from cemassess.exchange.atomic import atomic_write_bytes
        from cemassess.exchange.participant import dumps, questionnaire_for

        a = self.session.assessment
        q = questionnaire_for(a, role, event)
        try:
            atomic_write_bytes(Path(path), dumps(q))
        except OSError as e:
            dialogs.error(self.window, t("error.title", self.lang), str(e), self.lang)
            return None
        self._remember_folder([Path(path)])
        self.questionnaireWritten.emit(str(path))
        return Path(path)

    # -- answer files into the open assessment -------------------------------------------------------
    def import_answers(self, paths: list[Path] | None = None) -> Any:
        """Read the files (or folders) on a worker, then merge what validated."""
        s = self.session
        if not s.is_open or s.read_only or self.job is not None:
            return None
        if paths is None:
            paths = dialogs.pick_files(self.window, t("answers.pick", self.lang), dialogs.ANSWERS_FILTER,
                                       self._start_folder())
        if not paths:
            return None
        return self._read(list(paths))

    def import_answer_folder(self) -> Any:
        folder = dialogs.choose_folder(self.window, t("answers.pick_folder", self.lang), self._start_folder())
        return self.import_answers([folder]) if folder is not None else None

    def _read(self, paths: list[Path]) -> Any:
        from cemassess.exchange.participant import read_batch
        from cemassess.ui.export import Job

        self._remember_folder(paths)
        s = self.session
        fw, already, target = s.framework, s.imported_answer_ids(), s.assessment.id
        job = Job(lambda progress, cancelled: read_batch(paths, fw, already), self)
        job.succeeded.connect(lambda batch: (self._job_done(job), self._merge(batch, target)))
        job.failed.connect(lambda msg: dialogs.error(self.window, t("error.title", self.lang), msg, self.lang))
        job.finished.connect(lambda: self._job_done(job))
        self.job = job
        status = getattr(self.window, "statusBar", None)
        if status is not None:
            status().showMessage(t("answers.reading", self.lang), 5000)
        job.start()
        return job

    def _job_done(self, job: Any) -> None:
        """The reading is over: the next import may start (the thread object goes later)."""
        if self.job is not job:
            return
        self.job = None
        if job.isFinished():
            job.deleteLater()
        else:
            job.finished.connect(job.deleteLater)
        status = getattr(self.window, "statusBar", None)
        if status is not None:
            status().clearMessage()

    def _merge(self, batch: Any, target: str) -> None:
        s, lang = self.session, self.lang
        if not s.is_open or s.assessment.id != target:  # closed or switched meanwhile
            dialogs.error(self.window, t("answers.title", lang), t("answers.gone", lang), lang)
            self.answersImported.emit([], [])
            return
        imported, refused = s.import_answers(batch)
        refused = list(batch.refused) + refused
        rows = [(name, True, t("answers.as", lang, name=r.name or r.id, role=t(f"role.{r.role.value}", lang)))
                for name, r in imported]
        rows += [(x.name, False, reason_text(x.name, x.reason, lang)) for x in refused]
        summary = t("answers.summary", lang, ok=len(imported), bad=len(refused))
        if imported:
            summary += " " + t("answers.undo_hint", lang)
        self.answersImported.emit(imported, refused)
        dialogs.show_report(self.window, t("answers.title", lang), summary, rows, lang)

    # -- participant mode ----------------------------------------------------------------------------
    def answer_questionnaire(self, path: Path | None = None) -> Any:
        if path is None:
            path = dialogs.pick_file(self.window, t("action.answer", self.lang).replace("&", ""),
                                     dialogs.QUESTIONNAIRE_FILTER, self._start_folder())
            if path is None:
                return None
        from cemassess.ui.participant import open_participant

        win = open_participant(self.settings, path, self.window)
        if win is not None:
            self.participants = [w for w in self.participants if w.isVisible()] + [win]
            win.show()
        return win

    # -- files given to the app ------------------------------------------------------------------------
    def open_paths(self, paths: list[Path]) -> None:
        """Route dropped or opened files by kind: questionnaires open participant mode, answer
        files go to the event screen when it is on show, else into the open assessment; anything
        else is imported as assessment files (whose importer says what is wrong with them)."""
        from cemassess.ui.files import by_kind

        kinds = by_kind([Path(p) for p in paths])
        for q in kinds.pop("questionnaire", []):
            self.answer_questionnaire(q)
        answers = kinds.pop("answers", []) + kinds.pop("folder", [])
        if answers:
            self._route_answers(answers)
        for pack in kinds.pop("benchmarks", []):
            self.import_pack(pack)
        rest = [p for group in kinds.values() for p in group]
        if rest and self.open_assessment_files is not None:
            self.open_assessment_files(rest)

    def _route_answers(self, answers: list[Path]) -> None:
        """Event files (or anything dropped on the event screen) go to the room; a workshop's
        files into the open assessment, or into the one they name, opened first."""
        from cemassess.ui.files import answers_for

        s, ev = self.session, self.event_screen
        targets = {answers_for(p) for p in answers if not p.is_dir()}
        to_event = ev is not None and (ev.view.isVisible() or (targets and all(m == "event" for m, _ in targets)))
        if to_event:
            self.navigate("event")
            ev.add_files(answers)
            return
        named = {aid for _, aid in targets if aid}
        if not s.is_open and len(named) == 1:
            import contextlib

            with contextlib.suppress(Exception):  # not in this portfolio: said below
                s.open(named.pop())
        if s.is_open:
            self.navigate("respondents")
            self.import_answers(answers)
        else:
            dialogs.info(self.window, t("answers.title", self.lang), t("answers.open_first", self.lang), self.lang)

    # -- benchmark shelf -------------------------------------------------------------------------------
    def import_pack(self, path: Path | None = None) -> Any:
        from cemassess.ui.portfolio import import_pack

        lang = self.lang
        if path is None:
            path = dialogs.pick_file(self.window, t("bench.import", lang), dialogs.BENCHMARK_FILTER,
                                     self._start_folder())
            if path is None:
                return None
        try:
            pack = import_pack(self.session.portfolio, path)
        except Exception as e:
            dialogs.error(self.window, t("bench.import", lang), str(e), lang)
            return None
        self.session.shelf_changed()
        label = t("bench.illustrative" if pack.illustrative else "bench.measured", lang)
        dialogs.info(self.window, t("bench.import", lang),
                     t("bench.imported", lang, title=pack.title, kind=label, n=len(pack.segments)), lang)
        return pack

    def build_pack(self) -> Any:
        """Anonymised distributions of the portfolio on a worker (it scores every assessment)."""
        from cemassess.ui.export import Job
        from cemassess.ui.portfolio import build_pack_from_portfolio

        if self.job is not None or self.session.read_only:
            return None
        p, title = self.session.portfolio, t("bench.portfolio_title", self.lang)
        job = Job(lambda progress, cancelled: build_pack_from_portfolio(p, title), self)
        job.succeeded.connect(self._built)
        job.failed.connect(lambda msg: dialogs.error(self.window, t("bench.build", self.lang),
                                                     pack_reason(msg, self.lang), self.lang))
        job.finished.connect(lambda: self._job_done(job))
        self.job = job
        job.start()
        return job

    def _built(self, pack: Any) -> None:
        self.session.shelf_changed()
        n = pack.segments[0].n if pack.segments else 0
        dialogs.info(self.window, t("bench.build", self.lang),
                     t("bench.built", self.lang, n=n, segments=len(pack.segments)), self.lang)
