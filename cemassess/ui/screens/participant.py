"""Participant mode: one person answers a facilitator's questionnaire on their own computer.

Their name and role (unless the facilitator fixed it), at an event their company and the
consent to the event's anonymous benchmark, then the same practice cards and keyboard flow
as the walk-through (its view and controller, reused), metrics optional. Every answer is
saved at once in a small autosave file (participant_store); "Export my answers…" writes the
answer file the facilitator imports. No portfolio is opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cemassess.ui import dialogs, style
from cemassess.ui.screens import walk
from cemassess.ui.screens.base import BaseController, BaseView
from cemassess.ui.screens.start import ROLES, SIZES
from cemassess.ui.strings import t
from cemassess.ui.widgets import Banner, IndustryBox, heading, wrap_label


class View(BaseView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        b = self.binder
        lay = QVBoxLayout(self)
        self.title = heading(size=1.4)
        lay.addWidget(self.title)
        self.intro = wrap_label()
        lay.addWidget(self.intro)
        self.banner = Banner("warn")
        lay.addWidget(self.banner)
        self.about = b.bind(QGroupBox(), "part.about")
        grid = QGridLayout(self.about)
        self.name = b.bind(QLineEdit(), name="part.name", placeholder="part.name.hint")
        self.name.setMaxLength(200)
        self.role = b.bind(QComboBox(), name="part.role")
        self.role_fixed = QLabel()
        self.company = b.bind(QLineEdit(), name="part.company")
        self.company.setMaxLength(200)
        # the same list of industries as the main app (the benchmark's), or one's own words
        self.industry = b.bind(IndustryBox(), name="part.industry")
        self.industry.setMaxLength(200)
        self.size = b.bind(QComboBox(), name="part.size")
        self.consent = b.bind(QCheckBox(), "part.consent", tip="part.consent.tip")
        self.labels = {}
        for key, w, row, col in (("part.name", self.name, 0, 0), ("part.role", self.role, 0, 2),
                                 ("part.company", self.company, 1, 0),
                                 ("part.industry", self.industry, 1, 2), ("part.size", self.size, 2, 0)):
            lab = b.bind(QLabel(), key)
            lab.setBuddy(w)
            self.labels[key] = lab
            grid.addWidget(lab, row, col)
            grid.addWidget(w, row, col + 1)
        grid.addWidget(self.role_fixed, 0, 3)
        grid.addWidget(self.consent, 2, 2, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        lay.addWidget(self.about)
        self.saved = style.hint(wrap_label())
        self.export_btn = b.bind(QPushButton(), "part.export", tip="part.export.tip")
        f = self.export_btn.font()
        f.setBold(True)
        self.export_btn.setFont(f)
        self.walk = walk.View()
        self.walk.set_participant_mode()
        # the walk-through's top row: saved, progress, export (who answers is not a question here)
        self.walk.top.insertWidget(0, self.saved, 1)
        self.walk.top.addSpacing(12)
        self.walk.top.addWidget(self.export_btn)
        lay.addWidget(self.walk, 1)
        style.apply_walk([self.about, self.export_btn])

    def set_event(self, event: bool, role_fixed: bool) -> None:
        for key in ("part.company", "part.industry", "part.size"):
            self.labels[key].setVisible(event)
        for w in (self.company, self.industry, self.size, self.consent):
            w.setVisible(event)
        self.role.setVisible(not role_fixed)
        self.role_fixed.setVisible(role_fixed)

    def translateUI(self, lang: str) -> None:  # noqa: N802
        super().translateUI(lang)
        self.walk.translateUI(lang)
        self.industry.setPlaceholderText(t("part.industry.hint", lang))
        for cb, values, prefix in ((self.role, ROLES, "role"), (self.size, SIZES, "size")):
            i = max(0, cb.currentIndex())
            cb.blockSignals(True)
            cb.clear()
            for v in values:
                cb.addItem(t(f"{prefix}.{v or 'unknown'}", lang), v)
            cb.setCurrentIndex(i)
            cb.blockSignals(False)


class Controller(BaseController):
    exported = Signal(str)  # the answer file written

    def __init__(self, view: View, session: Any, ctx: Any) -> None:
        super().__init__(view, session, ctx)
        self.store = session.portfolio  # a ParticipantDraft: the whole store of this mode
        self.walk = walk.Controller(view.walk, session, ctx)
        v = view
        q = self.store.questionnaire
        v.set_event(q.mode == "event", q.role is not None)
        v.name.editingFinished.connect(self._name_edited)
        v.role.activated.connect(self._role_chosen)
        v.company.editingFinished.connect(self._company_edited)
        v.industry.editingFinished.connect(self._company_edited)
        v.size.activated.connect(lambda _i: self._company_edited())
        v.consent.toggled.connect(self._consent_toggled)
        v.export_btn.clicked.connect(lambda: self.export())
        session.respondentsChanged.connect(self.mark_stale)
        session.profileChanged.connect(self.mark_stale)
        session.saveFailed.connect(lambda msg: v.banner.show_text(msg))

    @property
    def respondent(self) -> Any:
        return self.session.assessment.respondent(self.session.active_respondent)

    def translateUI(self, lang: str) -> None:  # noqa: N802
        super().translateUI(lang)
        self.walk.translateUI(lang)

    def shown(self) -> None:
        super().shown()
        self.walk.shown()

    _pack: Any = ...

    def _industries(self, lang: str) -> list[tuple[str, str]]:
        """The main app's list of industries (the shipped benchmark's segments): names only,
        no benchmark figure reaches a participant (their session loads none)."""
        if self._pack is ...:
            from cemassess.content import load_benchmarks

            try:
                self._pack = load_benchmarks()
            except Exception:  # no pack installed: the industry is typed in
                self._pack = None
        pack = self._pack
        from cemassess.labels import segment_title

        return [(x.industry, segment_title(x, lang)) for x in pack.segments if x.industry] if pack is not None else []

    def refresh(self) -> None:
        s, v, lang = self.session, self.view, self.lang
        if not s.is_open:
            return
        q, a = self.store.questionnaire, s.assessment
        if q.mode == "event":
            v.title.setText(t("part.title.event", lang, event=q.event or "—"))
            v.intro.setText(t("part.intro.event", lang))
        else:
            v.title.setText(t("part.title", lang, company=q.company.name or "—"))
            v.intro.setText(t("part.intro", lang, facilitator=q.facilitator or t("part.facilitator", lang)))
        v.industry.set_industries(self._industries(lang))
        r = self.respondent
        for edit, text in ((v.name, r.name), (v.company, a.company.name), (v.industry, a.company.industry)):
            if not edit.hasFocus():
                edit.setText(text)
        v.role.setCurrentIndex(max(0, v.role.findData(r.role.value)))
        v.role_fixed.setText(t("part.role_fixed", lang, role=t(f"role.{r.role.value}", lang)))
        v.size.setCurrentIndex(max(0, v.size.findData(a.company.size)))
        v.consent.blockSignals(True)
        v.consent.setChecked(self.store.draft.consent)
        v.consent.blockSignals(False)
        self._saved_note()

    def _saved_note(self) -> None:
        s, lang = self.session, self.lang
        if not s.is_open:
            return
        text = t("part.saved", lang)
        if self.store.draft.exported:
            text += "  " + t("part.exported_to", lang, path=self.store.draft.exported)
        self.view.saved.setText(text)

    # -- edits, all through the session (undoable, saved at once) --------------------------------
    def _name_edited(self, name: str | None = None) -> None:
        name = self.view.name.text().strip() if name is None else name
        if self.session.is_open and name != self.respondent.name:
            self.session.update_respondent(self.respondent.id, name=name)

    def _role_chosen(self, index: int) -> None:
        from cemassess.domain.framework import Role

        role = Role(self.view.role.itemData(index))
        if self.session.is_open and role != self.respondent.role:
            self.session.update_respondent(self.respondent.id, role=role)

    def _company_fields(self) -> dict[str, str]:
        v = self.view
        return {"name": v.company.text().strip(), "industry": v.industry.text().strip(),
                "size": v.size.currentData() or ""}

    def _company_edited(self, fields: dict[str, str] | None = None) -> None:
        s = self.session
        if not s.is_open:
            return
        c = s.assessment.company.model_copy(update=fields or self._company_fields())
        if c != s.assessment.company:
            s.set_company(c)

    def _consent_toggled(self, on: bool) -> None:
        try:
            self.store.set_consent(on)
        except OSError as e:
            self.view.banner.show_text(str(e))

    # -- export ----------------------------------------------------------------------------------
    def missing(self) -> str:
        """What must be filled in before exporting ("" when nothing)."""
        s, v = self.session, self.view
        # read every field first: saving one refreshes the view from the assessment
        name, company = v.name.text().strip(), self._company_fields()
        self._name_edited(name)
        if self.store.questionnaire.mode == "event":
            self._company_edited(company)
        if not self.respondent.name:
            v.name.setFocus()
            return t("part.need_name", self.lang)
        if self.store.questionnaire.mode == "event" and not s.assessment.company.name:
            v.company.setFocus()
            return t("part.need_company", self.lang)
        return ""

    def export(self, path: Path | None = None) -> Path | None:
        from cemassess.domain.scoring import completion
        from cemassess.exchange.atomic import atomic_write_bytes
        from cemassess.exchange.participant import answer_file_from, dumps, read_answer_file

        s, lang, store = self.session, self.lang, self.store
        problem = self.missing()
        if problem:
            dialogs.error(self.view, t("part.export.title", lang), problem, lang)
            return None
        c = completion(s.framework, s.assessment)
        if c.answered < c.total and path is None and not dialogs.confirm(
                self.view, t("part.export.title", lang),
                t("part.unanswered", lang, n=c.total - c.answered), t("part.export_anyway", lang), lang):
            return None
        if path is None:
            from cemassess.ui.export import _slug

            suggested = Path(store.draft.exported).parent if store.draft.exported else Path.home()
            path = dialogs.save_file(self.view, t("part.export.title", lang),
                                     str(suggested / f"answers-{_slug(self.respondent.name)}.json"),
                                     dialogs.ANSWERS_FILTER)
            if path is None:
                return None
        af = answer_file_from(s.assessment, self.respondent.id, store.questionnaire,
                              consent=store.draft.consent and store.questionnaire.mode == "event")
        af = af.model_copy(update={"id": store.draft.answer_id})  # one participant, one file id
        data = dumps(af)
        try:
            read_answer_file(data, path.name, s.framework)  # what the facilitator will read
            atomic_write_bytes(path, data)
            store.mark_exported(path)
        except Exception as e:
            dialogs.error(self.view, t("error.title", lang), str(e), lang)
            return None
        self._saved_note()
        self.exported.emit(str(path))
        dialogs.info(self.view, t("part.export.title", lang), t("part.exported", lang, path=str(path)), lang)
        return path

    def go_to(self, **where: Any) -> None:
        self.walk.go_to(**where)


def focus_first(ctrl: Controller) -> None:
    """The keyboard flow starts on the name when it is empty, else on the first practice."""
    if not ctrl.respondent.name:
        ctrl.view.name.setFocus(Qt.FocusReason.OtherFocusReason)
    else:
        ctrl.walk.go_to(focus_first=True)
