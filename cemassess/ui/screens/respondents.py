"""Respondents: add people with a role, edit or remove them, choose who is answering, and
switch to consensus mode (the facilitator records the agreed answer and the dissent).
Participants' answer files are imported here (or dropped on the window): each becomes a
respondent. Practices where the respondents disagree most are listed as the agenda for
consensus; each opens side by side on the Consensus screen.

The table is as tall as its rows (4 to 12, then it scrolls), never a stretched empty box; on a
wide screen (a 1080p monitor) the people and their forms sit beside the consensus agenda
instead of above it, so no large area stays empty."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cemassess.ui.screens.base import BaseController, BaseView
from cemassess.ui.screens.start import ROLES
from cemassess.ui.screens.walk_pages import LinkList
from cemassess.ui.strings import t
from cemassess.ui.widgets import Banner, heading, wrap_label


class View(BaseView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        b = self.binder
        lay = QVBoxLayout(self)
        lay.addWidget(b.bind(heading(size=1.4), "screen.respondents"))
        lay.addWidget(b.bind(wrap_label(), "resp.intro"))
        self.banner = Banner("warn")
        lay.addWidget(self.banner)
        self.people = QWidget()  # the table, its buttons and the two forms: one column
        people = QVBoxLayout(self.people)
        people.setContentsMargins(0, 0, 0, 0)
        self.table = b.bind(QTableWidget(0, 4), name="resp.table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        people.addWidget(self.table)
        row = QHBoxLayout()
        self.make_active = b.bind(QPushButton(), "resp.make_active")
        self.remove = b.bind(QPushButton(), "resp.remove")
        self.import_answers = b.bind(QPushButton(), "resp.import", tip="resp.import.tip")
        row.addWidget(self.make_active)
        row.addWidget(self.remove)
        row.addStretch(1)
        row.addWidget(self.import_answers)
        people.addLayout(row)
        forms = self.forms = QBoxLayout(QBoxLayout.Direction.LeftToRight)  # under each other beside the agenda
        self.add_box = b.bind(QGroupBox(), "resp.add")
        af = QFormLayout(self.add_box)
        self.add_name = b.bind(QLineEdit(), name="resp.name", placeholder="resp.name.hint")
        self.add_role = b.bind(QComboBox(), name="resp.role")
        self.add_btn = b.bind(QPushButton(), "resp.add_btn")
        self.add_labels = (b.bind(wrap_label(), "resp.name"), b.bind(wrap_label(), "resp.role"))
        af.addRow(self.add_labels[0], self.add_name)
        af.addRow(self.add_labels[1], self.add_role)
        af.addRow(self.add_btn)
        forms.addWidget(self.add_box, 1)
        self.edit_box = b.bind(QGroupBox(), "resp.edit")
        ef = QFormLayout(self.edit_box)
        self.edit_name = b.bind(QLineEdit(), name="resp.name")
        self.edit_role = b.bind(QComboBox(), name="resp.role")
        self.edit_btn = b.bind(QPushButton(), "resp.save")
        ef.addRow(b.bind(wrap_label(), "resp.name"), self.edit_name)
        ef.addRow(b.bind(wrap_label(), "resp.role"), self.edit_role)
        ef.addRow(self.edit_btn)
        forms.addWidget(self.edit_box, 1)
        people.addLayout(forms)
        self.cons_box = b.bind(QGroupBox(), "resp.consensus")
        cl = QVBoxLayout(self.cons_box)
        self.consensus = b.bind(QCheckBox(), "walk.consensus", tip="walk.consensus.tip")
        cl.addWidget(self.consensus)
        cl.addWidget(b.bind(wrap_label(), "resp.consensus.intro"))
        self.disagree_title = wrap_label()
        cl.addWidget(self.disagree_title)
        self.disagreements = LinkList()
        cl.addWidget(self.disagreements)
        mrow = QHBoxLayout()
        self.open_merge = b.bind(QPushButton(), "resp.open_merge", tip="resp.open_merge.tip")
        mrow.addWidget(self.open_merge)
        mrow.addStretch(1)
        cl.addLayout(mrow)
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.body.setSpacing(12)
        for w in (self.people, self.cons_box):
            self.body.addWidget(w, 1, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(self.body)
        lay.addStretch(1)  # what is left over goes below everything, not into an empty table

    WIDE = 1250  # from this width on (a laptop at 100%) the consensus agenda goes beside the people
    ROWS = (4, 12)  # the table shows at least 4 rows' height and at most 12 before it scrolls

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        want = QBoxLayout.Direction.LeftToRight if self.width() >= self.WIDE else QBoxLayout.Direction.TopToBottom
        if self.body.direction() != want:
            self.body.setDirection(want)
            wide = want == QBoxLayout.Direction.LeftToRight
            self.forms.setDirection(QBoxLayout.Direction.TopToBottom if wide else QBoxLayout.Direction.LeftToRight)

    def fit_table(self) -> None:
        """As tall as its rows (within ROWS), so an assessment with five people has no empty box."""
        t = self.table
        n = t.rowCount()
        row_h = t.rowHeight(0) if n else t.verticalHeader().defaultSectionSize()
        shown = max(self.ROWS[0], min(self.ROWS[1], n))
        rows = sum(t.rowHeight(i) for i in range(min(n, shown))) + row_h * max(0, shown - n)
        t.setFixedHeight(t.horizontalHeader().height() + rows + 2 * t.frameWidth() + 2)

    def translateUI(self, lang: str) -> None:  # noqa: N802
        super().translateUI(lang)
        for cb in (self.add_role, self.edit_role):
            i = max(0, cb.currentIndex())
            cb.clear()
            for r in ROLES:
                cb.addItem(t(f"role.{r}", lang), r)
            cb.setCurrentIndex(i)
        self.table.setHorizontalHeaderLabels([t(f"resp.col.{c}", lang)
                                              for c in ("name", "role", "answers", "active")])


class Controller(BaseController):
    def __init__(self, view: View, session: Any, ctx: Any) -> None:
        super().__init__(view, session, ctx)
        v = view
        v.add_btn.clicked.connect(self.add)
        v.add_name.returnPressed.connect(self.add)
        v.edit_btn.clicked.connect(self.save_edit)
        v.remove.clicked.connect(self.remove)
        v.make_active.clicked.connect(self.activate_selected)
        v.table.itemActivated.connect(lambda _i: self.activate_selected())
        v.table.currentCellChanged.connect(lambda *_: self._load_edit())
        v.consensus.toggled.connect(session.set_consensus)
        v.disagreements.clicked.connect(self._open_side_by_side)
        v.open_merge.clicked.connect(lambda: self._open_side_by_side(""))
        v.import_answers.clicked.connect(self._import_answers)
        for sig in (session.assessmentOpened, session.respondentsChanged, session.answersChanged,
                    session.activeRespondentChanged, session.consensusModeChanged):
            sig.connect(lambda *_: self.mark_stale())
        session.saveFailed.connect(lambda msg: v.banner.show_text(msg))

    def refresh(self) -> None:
        s, v, lang = self.session, self.view, self.lang
        if not s.is_open:
            return
        a = s.assessment
        sel = self.selected()
        v.table.setRowCount(len(a.respondents))
        for i, r in enumerate(a.respondents):
            n = sum(1 for ans in a.answers.get(r.id, {}).values() if ans.value is not None)
            cells = (r.name or r.id, t(f"role.{r.role.value}", lang), f"{n}/{len(s.framework.practices)}",
                     "●" if r.id == s.active_respondent and not s.consensus else "")
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                v.table.setItem(i, j, item)
            if r.id == (sel or s.active_respondent):
                v.table.selectRow(i)
        v.fit_table()
        v.consensus.blockSignals(True)
        v.consensus.setChecked(s.consensus)
        v.consensus.blockSignals(False)
        ro = s.read_only
        for w in (v.add_btn, v.edit_btn, v.remove, v.add_name, v.edit_name, v.import_answers):
            w.setEnabled(not ro)
        v.remove.setEnabled(not ro and len(a.respondents) > 1)
        self._load_edit()
        self._fill_disagreements()

    def _fill_disagreements(self) -> None:
        from cemassess.domain.scoring import disagreements

        s, lang = self.session, self.lang
        res = s.results()
        items = disagreements(res.profile)[:8]
        fw = s.framework
        self.view.disagree_title.setText(t("resp.disagree", lang) if items else t("resp.no_disagree", lang))
        self.view.open_merge.setEnabled(bool(items))
        self.view.disagreements.set_links([
            (r.practice_id, t("resp.disagree_item", lang, text=fw.practices[r.practice_id].statement(lang),
                              levels=", ".join(str(x) for x in r.levels)))
            for r in items])

    def selected(self) -> str:
        item = self.view.table.item(self.view.table.currentRow(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else ""

    def _load_edit(self) -> None:
        rid = self.selected()
        r = self.session.assessment.respondent(rid) if rid and self.session.is_open else None
        self.view.edit_box.setEnabled(r is not None and not self.session.read_only)
        if r is not None:
            self.view.edit_name.setText(r.name)
            self.view.edit_role.setCurrentIndex(max(0, ROLES.index(r.role.value)))

    def add(self) -> None:
        from cemassess.domain.framework import Role

        v = self.view
        name = v.add_name.text().strip()
        rid = self.session.add_respondent(name, Role(v.add_role.currentData()))
        if rid:
            v.add_name.clear()
            self.refresh()

    def save_edit(self) -> None:
        from cemassess.domain.framework import Role

        rid = self.selected()
        if rid:
            self.session.update_respondent(rid, name=self.view.edit_name.text().strip(),
                                           role=Role(self.view.edit_role.currentData()))

    def remove(self) -> None:
        from cemassess.ui import dialogs

        rid = self.selected()
        r = self.session.assessment.respondent(rid) if rid else None
        if r is None:
            return
        if dialogs.confirm(self.view, t("resp.remove", self.lang),
                           t("resp.remove.text", self.lang, name=r.name or r.id),
                           t("resp.remove", self.lang), self.lang):
            self.session.remove_respondent(rid)

    def activate_selected(self) -> None:
        rid = self.selected()
        if rid:
            self.session.set_consensus(False)
            self.session.set_active_respondent(rid)

    def _open_side_by_side(self, pid: str) -> None:
        from cemassess.ui.screens import ScreenKey

        self.ctx.navigate(ScreenKey.MERGE, **({"practice": pid} if pid else {}))

    def _import_answers(self) -> None:
        workshop = self.ctx.extras.get("workshop")
        if workshop is not None:
            workshop.import_answers()
