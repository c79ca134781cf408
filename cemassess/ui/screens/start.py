"""Start: the portfolio (search, sort, archived), new assessment, open/import a file, demo.

The view imports only Qt: it is built and shown before the domain and the store load.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cemassess.i18n import date_text, time_text
from cemassess.labels import segment_title
from cemassess.ui import dialogs, style
from cemassess.ui.screens.base import BaseController, BaseView
from cemassess.ui.strings import t
from cemassess.ui.widgets import Banner, error_label, heading, hint_label, wrap_label

SORTS = ("modified", "company", "date")
SIZES = ("", "micro", "small", "medium", "large", "enterprise")
MARKETS = ("b2b", "b2c", "both")
ROLES = ("management", "sales", "marketing", "service", "other")


class View(BaseView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        b = self.binder
        lay = QVBoxLayout(self)
        self.title = b.bind(heading(size=1.6), "app_name")
        lay.addWidget(self.title)
        self.intro = b.bind(wrap_label(), "start.intro")
        lay.addWidget(self.intro)
        self.banner = Banner("warn")
        lay.addWidget(self.banner)
        row = QHBoxLayout()
        self.new_btn = b.bind(QPushButton(), "start.new", tip="start.new.tip")
        self.demo_btn = b.bind(QPushButton(), "start.demo", tip="start.demo.tip")
        self.import_btn = b.bind(QPushButton(), "start.import", tip="start.import.tip")
        for w in (self.new_btn, self.demo_btn, self.import_btn):
            row.addWidget(w)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addSpacing(8)
        self.recent = b.bind(heading(size=1.15), "start.recent")
        lay.addWidget(self.recent)
        filt = QHBoxLayout()
        self.search = b.bind(QLineEdit(), name="start.search", placeholder="start.search")
        self.search.setClearButtonEnabled(True)
        self.sort = b.bind(QComboBox(), name="start.sort")
        self.archived = b.bind(QCheckBox(), "start.archived")
        filt.addWidget(self.search, 3)
        filt.addWidget(self.sort, 1)
        filt.addWidget(self.archived)
        lay.addLayout(filt)
        self.table = b.bind(QTableWidget(0, 6), name="start.table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (2, 3, 4, 5):
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setTabKeyNavigation(False)
        lay.addWidget(self.table, 1)
        # a first-time user sees what to do instead of an empty table
        self.empty = b.bind(hint_label(margin=6), "start.empty")
        lay.addWidget(self.empty)
        acts = QHBoxLayout()
        self.open_btn = b.bind(QPushButton(), "start.open")
        self.duplicate_btn = b.bind(QPushButton(), "start.duplicate")
        self.archive_btn = b.bind(QPushButton(), "start.archive")
        self.delete_btn = b.bind(QPushButton(), "start.delete")
        for w in (self.open_btn, self.duplicate_btn, self.archive_btn, self.delete_btn):
            acts.addWidget(w)
        acts.addStretch(1)
        lay.addLayout(acts)
        self.folder = hint_label()
        lay.addWidget(self.folder)

    def translateUI(self, lang: str) -> None:  # noqa: N802
        super().translateUI(lang)
        current = self.sort.currentIndex()
        self.sort.blockSignals(True)
        self.sort.clear()
        for key in SORTS:
            self.sort.addItem(t(f"sort.{key}", lang), key)
        self.sort.setCurrentIndex(max(0, current))
        self.sort.blockSignals(False)
        self.table.setHorizontalHeaderLabels([t(f"start.col.{c}", lang) for c in
                                              ("company", "title", "date", "respondents",
                                               "answers", "modified")])


class NewAssessmentDialog(QDialog):
    """The company profile, the assessor and the date of a new assessment."""

    def __init__(self, lang: str, industries: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(t("new.title", lang))
        self.setAccessibleName(t("new.title", lang))
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form = form

        def field(w: QWidget, key: str) -> QWidget:
            w.setAccessibleName(t(key, lang))
            form.addRow(t(key, lang) + ":", w)
            return w

        self.company = field(QLineEdit(), "new.company")
        self.industry = field(QComboBox(), "new.industry")
        self.industry.setEditable(True)
        for ident, label in industries:
            self.industry.addItem(label, ident)
        self.industry.setCurrentIndex(-1)
        self.industry.lineEdit().setAccessibleName(t("new.industry", lang))
        self.size = field(QComboBox(), "new.size")
        for s in SIZES:
            self.size.addItem(t(f"size.{s or 'unknown'}", lang), s)
        self.market = field(QComboBox(), "new.market")
        for m in MARKETS:
            self.market.addItem(t(f"market.{m}", lang), m)
        self.country = field(QLineEdit(), "new.country")
        self.assessor = field(QLineEdit(), "new.assessor")
        # who runs the assessment is not silently one of its respondents: asked separately
        self.answers_too = QCheckBox(t("new.assessor_answers", lang))
        self.answers_too.setAccessibleName(t("new.assessor_answers", lang))
        form.addRow("", self.answers_too)
        self.role = field(QComboBox(), "new.role")
        for r in ROLES:
            self.role.addItem(t(f"role.{r}", lang), r)
        self.role.setEnabled(False)
        self.answers_too.toggled.connect(self.role.setEnabled)
        self.date = field(QDateEdit(QDate.currentDate()), "new.date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(t("new.create", lang))
        ok.setAccessibleName(t("new.create", lang))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(t("cancel", lang))
        cancel.setAccessibleName(t("cancel", lang))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.error = error_label()
        form.addRow(self.error)
        self.lang = lang
        self.resize(520, self.sizeHint().height())

    def accept(self) -> None:
        if not self.company.text().strip():
            self.error.setText(t("new.need_company", self.lang))
            self.company.setFocus()
            return
        super().accept()

    def values(self) -> dict[str, Any]:
        ind = self.industry.currentData() if self.industry.currentIndex() >= 0 and \
            self.industry.currentText() == self.industry.itemText(self.industry.currentIndex()) \
            else self.industry.currentText().strip()
        d = self.date.date()
        return {"name": self.company.text().strip(), "industry": ind or "",
                "size": self.size.currentData(), "market": self.market.currentData(),
                "country": self.country.text().strip(), "assessor": self.assessor.text().strip(),
                "assessor_answers": self.answers_too.isChecked(),
                "role": self.role.currentData(), "date": dt.date(d.year(), d.month(), d.day())}


class DetailsDialog(NewAssessmentDialog):
    """The open assessment's details after creation: the company profile, the assessor, the
    date and a title. Saved through the session as one undoable step."""

    def __init__(self, lang: str, industries: list[tuple[str, str]], a: Any, parent: QWidget | None = None):
        super().__init__(lang, industries, parent)
        self.setWindowTitle(t("details.title", lang))
        self.setAccessibleName(t("details.title", lang))
        self.form.setRowVisible(self.role, False)  # the first respondent's role: edited on Respondents
        self.form.setRowVisible(self.answers_too, False)  # respondents: on Respondents
        self.title_edit = QLineEdit(a.title)
        self.title_edit.setMaxLength(200)
        self.title_edit.setAccessibleName(t("details.assessment_title", lang))
        self.form.insertRow(self.form.rowCount() - 2, t("details.assessment_title", lang) + ":", self.title_edit)
        c = a.company
        self.company.setText(c.name)
        i = self.industry.findData(c.industry)
        if i >= 0:
            self.industry.setCurrentIndex(i)
        else:
            self.industry.setEditText(c.industry)
        self.size.setCurrentIndex(max(0, self.size.findData(c.size)))
        self.market.setCurrentIndex(max(0, self.market.findData(c.market)))
        self.country.setText(c.country)
        self.assessor.setText(a.assessor)
        self.date.setDate(QDate(a.date.year, a.date.month, a.date.day))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(t("details.save", lang))
        ok.setAccessibleName(t("details.save", lang))
        self.resize(560, self.sizeHint().height())

    def values(self) -> dict[str, Any]:
        return {**super().values(), "title": self.title_edit.text().strip()}


class Controller(BaseController):
    opened = Signal(str)  # an assessment was opened here; the screen to show it on

    def __init__(self, view: View, session: Any, ctx: Any) -> None:
        super().__init__(view, session, ctx)
        self.dialog: NewAssessmentDialog | None = None
        v = view
        v.new_btn.clicked.connect(self.new_assessment)
        v.demo_btn.clicked.connect(self.open_demo)
        v.import_btn.clicked.connect(self.import_files)
        v.open_btn.clicked.connect(self.open_selected)
        v.duplicate_btn.clicked.connect(self.duplicate_selected)
        v.archive_btn.clicked.connect(self.archive_selected)
        v.delete_btn.clicked.connect(self.delete_selected)
        v.table.itemActivated.connect(lambda _item: self.open_selected())
        v.search.textChanged.connect(lambda _=None: self.refresh())
        v.search.returnPressed.connect(self.open_selected)  # Enter opens the row on show
        v.search.installEventFilter(self)
        v.sort.currentIndexChanged.connect(self._sort_changed)
        v.archived.toggled.connect(lambda _=None: self.refresh())
        sort = ctx.settings.get("start/sort")
        if sort in SORTS:
            v.sort.setCurrentIndex(SORTS.index(sort))
        session.portfolioChanged.connect(self.mark_stale)
        session.profileChanged.connect(self.mark_stale)
        session.resultsChanged.connect(self.mark_stale)
        session.saveFailed.connect(lambda msg: v.banner.show_text(msg))
        session.assessmentOpened.connect(self._remember_last)

    def _remember_last(self) -> None:
        s = self.session
        if s.is_open:
            self.ctx.settings.set("start/last", s.assessment.id)

    def shown(self) -> None:
        """The last assessment selected and the keyboard on the list: Enter opens it."""
        super().shown()
        v = self.view
        if v.table.rowCount() and not v.search.text():
            v.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802 (Qt)
        from PySide6.QtCore import QEvent

        if obj is self.view.search and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Down and self.view.table.rowCount():
            self.view.table.setFocus(Qt.FocusReason.OtherFocusReason)  # from the search to its rows
            return True
        return super().eventFilter(obj, event)

    def _sort_changed(self) -> None:
        key = self.view.sort.currentData()
        if key:
            self.ctx.settings.set("start/sort", key)
        self.refresh()

    def refresh(self) -> None:
        v, lang = self.view, self.lang
        p = self.session.portfolio
        v.folder.setText(t("start.folder", lang, folder=str(getattr(p, "root", "") or "")))
        rows = p.list(search=v.search.text().strip(), sort=v.sort.currentData() or "modified",
                      include_archived=v.archived.isChecked())
        selected = self.selected_id() or str(self.ctx.settings.get("start/last") or "")
        v.table.setRowCount(len(rows))
        for i, s in enumerate(rows):
            modified = s.modified.astimezone()
            cells = (s.company or "—", s.title, date_text(s.date, lang, "medium"), str(s.respondents),
                     str(s.answers), f"{date_text(modified, lang, 'medium')} {time_text(modified, lang, 'short')}")
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, s.id)
                if s.archived:
                    item.setForeground(style.muted_brush())
                v.table.setItem(i, j, item)
            if s.id == selected:
                v.table.selectRow(i)
                v.table.setCurrentCell(i, 0)
        if rows and v.table.currentRow() < 0:
            v.table.selectRow(0)
        ro = self.session.read_only
        for w in (v.new_btn, v.demo_btn, v.import_btn):
            w.setEnabled(not ro)
        for w in (v.duplicate_btn, v.archive_btn, v.delete_btn):  # they act on the selected row
            w.setEnabled(not ro and bool(rows))
        v.open_btn.setEnabled(bool(rows))
        v.empty.setVisible(not rows and not v.search.text() and not ro)

    def selected_id(self) -> str:
        item = self.view.table.item(self.view.table.currentRow(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else ""

    # -- actions ------------------------------------------------------------------------------
    def new_assessment(self) -> NewAssessmentDialog | None:
        if self.session.read_only:
            return None
        industries = []
        pack = self.session.shipped_benchmarks
        if pack is not None:
            industries = [(s.industry, segment_title(s, self.lang)) for s in pack.segments if s.industry]
        self.dialog = NewAssessmentDialog(self.lang, industries, self.view)
        self.dialog.accepted.connect(self._create_from_dialog)
        self.dialog.open()
        return self.dialog

    def _create_from_dialog(self) -> None:
        from cemassess.domain.assessment import Company
        from cemassess.domain.framework import Role

        vals = self.dialog.values()
        try:
            self.session.create(
                company=Company(name=vals["name"], industry=vals["industry"], size=vals["size"],
                                market=vals["market"], country=vals["country"]),
                assessor=vals["assessor"], date=vals["date"],
                # the assessor answers only if chosen; otherwise "Respondent 1", renamed later
                first_respondent=(vals["assessor"], Role(vals["role"])) if vals["assessor_answers"]
                else ("", Role.OTHER))
        except Exception as e:
            dialogs.error(self.view, t("error.title", self.lang), str(e), self.lang)
            return
        self.opened.emit("walk")

    def edit_details(self) -> DetailsDialog | None:
        s = self.session
        if not s.is_open or s.read_only:
            return None
        industries = []
        pack = s.shipped_benchmarks
        if pack is not None:
            industries = [(x.industry, segment_title(x, self.lang)) for x in pack.segments if x.industry]
        self.dialog = DetailsDialog(self.lang, industries, s.assessment, self.view)
        self.dialog.accepted.connect(self._details_from_dialog)
        self.dialog.open()
        return self.dialog

    def _details_from_dialog(self) -> None:
        s = self.session
        vals = self.dialog.values()
        if not s.is_open:
            return
        company = s.assessment.company.model_copy(update={
            "name": vals["name"], "industry": vals["industry"], "size": vals["size"],
            "market": vals["market"], "country": vals["country"]})
        try:
            s.set_details(company=company, assessor=vals["assessor"], date=vals["date"], title=vals["title"])
        except Exception as e:  # e.g. a value the model refuses: one plain sentence
            dialogs.error(self.view, t("error.title", self.lang), str(e), self.lang)

    def open_demo(self) -> None:
        try:
            self.session.create_demo()
        except Exception as e:
            dialogs.error(self.view, t("error.title", self.lang), str(e), self.lang)
            return
        self.opened.emit("results")

    def open_selected(self) -> None:
        aid = self.selected_id()
        if not aid:
            return
        try:
            self.session.open(aid)
        except Exception as e:
            dialogs.error(self.view, t("error.title", self.lang), str(e), self.lang)
            return
        self.opened.emit("walk")

    def import_files(self, paths: list | None = None) -> None:
        """Assessment files into the portfolio (chosen here, dropped, or given to the app)."""
        if self.session.read_only:
            return
        paths = paths if paths is not None else dialogs.open_files(self.view, self.lang)
        if not paths:
            return
        p = self.session.portfolio
        try:
            report = p.import_files(paths)
            clashes = [r.path for r in report.refused if r.id and "already in the portfolio" in r.reason]
            if clashes and dialogs.confirm(self.view, t("import.title", self.lang),
                                           t("import.as_copy", self.lang, n=len(clashes)),
                                           t("import.copy", self.lang), self.lang):
                again = p.import_files(clashes, as_copy=True)
                report.results = [r for r in report.results if r.path not in clashes] + again.results
        except Exception as e:
            dialogs.error(self.view, t("error.title", self.lang), str(e), self.lang)
            return
        self.session.portfolioChanged.emit()
        opened = [r for r in report.results if r.ok]
        if len(paths) == 1 and len(opened) == 1:  # one file: open it (imported or already there)
            self.session.open(opened[0].id)
            self.opened.emit("walk")
            return
        dialogs.info(self.view, t("import.title", self.lang),
                     "\n".join(r.line() for r in report.results), self.lang)

    def duplicate_selected(self) -> None:
        aid = self.selected_id()
        if aid:
            self._store_call("duplicate", aid)

    def archive_selected(self) -> None:
        aid = self.selected_id()
        if aid:
            self._store_call("archive", aid)

    def delete_selected(self) -> None:
        aid = self.selected_id()
        if not aid:
            return
        if not dialogs.confirm(self.view, t("delete.title", self.lang), t("delete.text", self.lang),
                               t("start.delete", self.lang), self.lang):
            return
        if self.session.assessment is not None and self.session.assessment.id == aid:
            self.session.close_assessment()
        self._store_call("delete", aid)

    def _store_call(self, method: str, aid: str) -> None:
        try:
            getattr(self.session.portfolio, method)(aid)
        except Exception as e:
            dialogs.error(self.view, t("error.title", self.lang), str(e), self.lang)
        self.session.portfolioChanged.emit()
