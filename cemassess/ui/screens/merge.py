"""Consensus, side by side: only the practices where the respondents disagree (answers at
least N levels apart: `disagreements(profile, threshold)`), each answer next to the others
with its respondent's name, role and comment, and their median. The facilitator sets the
agreed level (or N/A, don't know) and notes the dissent, on the same practice card as the
walk-through's consensus mode (session.set_agreed: undoable, saved at once).

The Respondents screen lists the worst disagreements as an agenda and opens them here; the
walk-through's consensus mode remains the way to go through every practice in order.

Side by side on a laptop; on a wide screen (a 1080p monitor) the list runs across the top and
everyone's answers sit beside the agreed answer below it, so the decision has no empty column
beside a long list.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cemassess.ui.screens.base import BaseController, BaseView
from cemassess.ui.screens.practice_card import PracticeCard
from cemassess.ui.screens.walk_pages import scroller
from cemassess.ui.strings import t
from cemassess.ui.widgets import Banner, discard, heading, hint_label, wrap_label

ROLE = Qt.ItemDataRole.UserRole
LIST_COLUMNS = ("practice", "answers", "spread", "agreed")
ANSWER_COLUMNS = ("respondent", "role", "answer", "comment")


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setTabKeyNavigation(False)
    table.setWordWrap(True)
    return table


class View(BaseView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        b = self.binder
        lay = QVBoxLayout(self)
        lay.addWidget(b.bind(heading(size=1.4), "merge.title"))
        lay.addWidget(b.bind(wrap_label(), "merge.intro"))
        self.banner = Banner("warn")
        lay.addWidget(self.banner)
        row = QHBoxLayout()
        self.threshold_label = b.bind(QLabel(), "merge.threshold")
        self.threshold = b.bind(QSpinBox(), name="merge.threshold")
        self.threshold.setRange(1, 4)
        self.threshold.setValue(2)
        self.threshold_label.setBuddy(self.threshold)
        self.count = QLabel()
        row.addWidget(self.threshold_label)
        row.addWidget(self.threshold)
        row.addSpacing(16)
        row.addWidget(self.count, 1)
        lay.addLayout(row)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.list = b.bind(_table(len(LIST_COLUMNS)), name="merge.list")
        self.list.viewport().installEventFilter(self)  # rows re-wrap when the list's width changes
        hh = self.list.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        split.addWidget(self.list)
        detail = QWidget()
        dl = self.detail_layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, detail)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.setSpacing(10)
        self.answers_box = b.bind(QGroupBox(), "merge.answers")
        al = QVBoxLayout(self.answers_box)
        self.answers = b.bind(_table(len(ANSWER_COLUMNS)), name="merge.answers")
        ah = self.answers.horizontalHeader()
        for c in (0, 1, 2):
            ah.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        ah.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.answers.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        al.addWidget(self.answers)
        self.median = wrap_label()
        al.addWidget(self.median)
        dl.addWidget(self.answers_box, 0, Qt.AlignmentFlag.AlignTop)
        decision = QWidget()  # the agreed answer and the dissent
        dec = QVBoxLayout(decision)
        dec.setContentsMargins(0, 0, 0, 0)
        self.agreed_label = b.bind(wrap_label(bold=True), "merge.agreed_intro")
        dec.addWidget(self.agreed_label)
        self.card_holder = QVBoxLayout()
        dec.addLayout(self.card_holder)
        self.none = hint_label()
        dec.addWidget(self.none)
        dec.addStretch(1)
        dl.addWidget(decision, 1)
        self.detail = detail
        self.detail_scroll = scroller(detail)
        split.addWidget(self.detail_scroll)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([640, 560])
        lay.addWidget(split, 1)
        self.split = split
        self.card: PracticeCard | None = None

    WIDE = 1600  # from this width on the list goes across the top, the decision below it

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        self._arrange(self.width() >= self.WIDE)
        if self.split.orientation() == Qt.Orientation.Vertical:
            QTimer.singleShot(0, self.fit_detail)  # once the widths are settled

    def _arrange(self, wide: bool) -> None:
        want = Qt.Orientation.Vertical if wide else Qt.Orientation.Horizontal
        if self.split.orientation() == want:
            return
        self.split.setOrientation(want)
        self.detail_layout.setDirection(QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom)
        self.detail_layout.setStretch(0, 1 if wide else 0)  # side by side: half each
        if not wide:
            total = self.split.width()
            self.split.setSizes([total * 8 // 15, total * 7 // 15])

    def fit_detail(self) -> None:
        """On a wide screen: the decision below the list as tall as it needs (at most 3/5)."""
        if self.split.orientation() != Qt.Orientation.Vertical:
            return
        total = self.split.height()
        frame = self.detail_scroll.frameWidth()
        lay = self.detail.layout()
        lay.activate()
        width = self.detail_scroll.width() - 2 * frame
        need = (lay.totalHeightForWidth(width) if lay.hasHeightForWidth() else self.detail.sizeHint().height())
        want = min(need + 2 * frame + 2, total * 3 // 5)
        if abs(self.split.sizes()[1] - want) > 4:
            self.split.setSizes([total - want, want])

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt)
        from PySide6.QtCore import QEvent

        if obj is self.list.viewport() and event.type() == QEvent.Type.Resize \
                and event.oldSize().width() != event.size().width():
            QTimer.singleShot(0, self.list.resizeRowsToContents)  # once the columns have their widths
        return super().eventFilter(obj, event)

    def set_card(self, card: PracticeCard | None) -> None:
        if self.card is not None:
            self.card_holder.removeWidget(self.card)
            discard(self.card)
        self.card = card
        if card is not None:
            self.card_holder.addWidget(card)

    def translateUI(self, lang: str) -> None:  # noqa: N802
        super().translateUI(lang)
        self.list.setHorizontalHeaderLabels([t(f"merge.col.{c}", lang) for c in LIST_COLUMNS])
        self.answers.setHorizontalHeaderLabels([t(f"merge.col.{c}", lang) for c in ANSWER_COLUMNS])
        if self.card is not None:
            self.card.translateUI(lang)


def _value_text(value: Any, lang: str) -> str:
    if value is None:
        return "—"
    return str(value) if isinstance(value, int) else t(f"card.{value}", lang)


class Controller(BaseController):
    def __init__(self, view: View, session: Any, ctx: Any) -> None:
        super().__init__(view, session, ctx)
        self.pids: list[str] = []
        self._rows: list = []  # what the list shows (practice, answers, spread): rebuilt on change
        self._rows_lang = ""
        self.current = ""
        self._filling = False
        v = view
        v.threshold.valueChanged.connect(lambda _v: self.refresh())
        v.list.currentCellChanged.connect(lambda row, *_: self._row_changed(row))
        v.list.itemActivated.connect(lambda _item: self._focus_card())
        for sig in (session.assessmentOpened, session.respondentsChanged, session.answersChanged):
            sig.connect(lambda *_: self.mark_stale())
        session.saveFailed.connect(lambda msg: v.banner.show_text(msg))

    @property
    def threshold(self) -> int:
        return self.view.threshold.value()

    def disagreements(self) -> list[Any]:
        from cemassess.domain.scoring import disagreements

        return disagreements(self.session.results().profile, self.threshold)

    def _numbers(self) -> dict[str, str]:
        fw = self.session.framework
        return {p.id: f"{i}.{j}" for i, d in enumerate(fw.dimensions, start=1)
                for j, p in enumerate(d.practices, start=1)}

    def refresh(self) -> None:
        s, v, lang = self.session, self.view, self.lang
        if not s.is_open:
            self.view.set_card(None)
            return
        a = s.assessment
        items = self.disagreements()
        rows = [(r.practice_id, ", ".join(str(x) for x in sorted(r.levels)), r.spread) for r in items]
        self._filling = True
        if rows != self._rows or lang != self._rows_lang:
            self._fill_list(items, rows)
        for i, pid in enumerate(self.pids):  # an agreed answer changes only its own cell
            ag = a.agreed.get(pid)
            text = ("✓ " + _value_text(ag.value, lang)) if ag else ""
            if v.list.item(i, 3).text() != text:
                v.list.item(i, 3).setText(text)
        self._filling = False
        agreed = sum(1 for p in self.pids if p in a.agreed)
        v.count.setText(t("merge.count", lang, n=len(items), agreed=agreed) if items
                        else t("merge.none", lang, n=self.threshold))
        if self.current not in self.pids:
            self.current = self.pids[0] if self.pids else ""
        if self.current:
            v.list.setCurrentCell(self.pids.index(self.current), 0)
        self._show_detail()

    def _fill_list(self, items: list, rows: list) -> None:
        """The whole list, laid out once (cell by cell, a table re-measures every column)."""
        v, lang, fw = self.view, self.lang, self.session.framework
        numbers = self._numbers()
        self.pids = [r.practice_id for r in items]
        self._rows, self._rows_lang = rows, lang
        header = v.list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        v.list.setUpdatesEnabled(False)
        v.list.setRowCount(len(items))
        for i, r in enumerate(items):
            cells = (f"{numbers[r.practice_id]}  {fw.practices[r.practice_id].statement(lang)}",
                     rows[i][1], str(r.spread), "")
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ROLE, r.practice_id)
                if j:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if j == 0:
                    item.setToolTip(text)
                v.list.setItem(i, j, item)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        v.list.resizeRowsToContents()  # every statement whole: they wrap, never cut off
        v.list.setUpdatesEnabled(True)

    def _row_changed(self, row: int) -> None:
        if self._filling or not 0 <= row < len(self.pids):
            return
        if self.pids[row] != self.current:
            self.current = self.pids[row]
            self._show_detail()

    def _show_detail(self) -> None:
        s, v, lang = self.session, self.view, self.lang
        pid = self.current
        v.answers_box.setVisible(bool(pid))
        v.agreed_label.setVisible(bool(pid))
        v.none.setVisible(not pid)
        v.none.setText(t("merge.nothing", lang))
        if not pid:
            v.set_card(None)
            return
        fw, a = s.framework, s.assessment
        rows = []
        for r in a.respondents:
            ans = a.answer(r.id, pid)
            if ans is not None and (ans.value is not None or ans.comment):
                rows.append((r.name or r.id, t(f"role.{r.role.value}", lang), _value_text(ans.value, lang),
                             ans.comment))
        v.answers.setRowCount(len(rows))
        for i, cells in enumerate(rows):
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                v.answers.setItem(i, j, item)
        v.answers.resizeRowsToContents()
        h = v.answers.horizontalHeader().height() + sum(v.answers.rowHeight(i) for i in range(len(rows)))
        v.answers.setFixedHeight(h + 6)
        own = s.respondents_profile().practices[pid]
        v.median.setText(t("merge.median", lang, level=f"{own.level:g}") if own.level is not None
                         else t("merge.no_median", lang))
        v.answers_box.setTitle(t("merge.answers_for", lang, n=self._numbers()[pid]))
        card = v.card
        if card is None or card.pid != pid:
            card = PracticeCard(self._numbers()[pid], fw.practices[pid], lang)
            card.valueChosen.connect(self._value_chosen)
            card.commentEdited.connect(self._dissent_edited)
            card.commentTyped.connect(lambda pid, text: self.session.type_comment(pid, text, agreed=True))
            card.move.connect(self._move)
            card.jump.connect(self._jump)
            v.set_card(card)
        card.set_editable(not s.read_only)
        card.set_consensus(True)
        ag = a.agreed.get(pid)
        card.show_answer(ag.value if ag else None, ag.dissent if ag else "", False)
        QTimer.singleShot(0, v.fit_detail)  # once the new card is laid out

    def _focus_card(self) -> None:
        card = self.view.card
        if card is not None:
            card.setFocus(Qt.FocusReason.OtherFocusReason)
            card.set_current(True)

    # -- the facilitator's decision ---------------------------------------------------------------
    def _value_chosen(self, pid: str, value: Any, advance: bool) -> None:
        card = self.view.card
        # the dissent typed before the level was chosen is kept with it, never erased
        dissent = card.comment.text().strip() if card is not None and card.pid == pid else None
        self.session.set_agreed(pid, value, dissent)
        if advance:
            self._move(pid, +1)

    def _dissent_edited(self, pid: str, text: str) -> None:
        self.session.flush_comments()
        ag = self.session.assessment.agreed.get(pid) if self.session.is_open else None
        if ag is not None and ag.dissent != text:
            self.session.set_agreed(pid, ag.value, text)

    def _move(self, pid: str, delta: int) -> None:
        self.refresh_if_stale()
        if pid not in self.pids:
            return
        j = self.pids.index(pid) + delta
        if 0 <= j < len(self.pids):
            self.current = self.pids[j]
            self.view.list.setCurrentCell(j, 0)
            self._show_detail()
            QTimer.singleShot(0, self._focus_card)

    def _jump(self, pid: str, where: str) -> None:
        """Home / Page Up: the first disagreement; End / Page Down: the last."""
        if pid in self.pids and self.pids:
            target = 0 if where in ("first", "prev_dim") else len(self.pids) - 1
            self._move(pid, target - self.pids.index(pid))

    def go_to(self, **where: Any) -> None:
        pid = where.get("practice")
        self.refresh_if_stale()
        if pid and pid not in self.pids:  # asked for one below the threshold: lower it
            spread = self.session.results().practices[pid].spread if pid in self.session.framework.practices else 0
            if spread >= 1:
                self.view.threshold.setValue(min(self.threshold, spread))
        if pid in self.pids:
            self.current = pid
            self.view.list.setCurrentCell(self.pids.index(pid), 0)
            self._show_detail()
            self._focus_card()
