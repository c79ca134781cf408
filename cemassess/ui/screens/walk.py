"""Walk-through: the navigation tree (phase diagnosis, the dimensions, metrics, pitfalls)
and the page of the chosen item. Answers go through the session; the keyboard flow is
1-5 / N / D to answer and move on, Enter and the arrow keys to move, Home / End / Page Up /
Page Down to jump. Wherever the walk-through lands (opening an assessment, another respondent,
consensus mode, a dimension chosen in the tree) it lands on the first practice not yet
answered there, scrolled into view and holding the keyboard, and every answer key says in
the status bar what it did."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cemassess.i18n import num, pct
from cemassess.ui import style
from cemassess.ui.screens.base import BaseController, BaseView
from cemassess.ui.screens.metrics import MetricsController, MetricsPage
from cemassess.ui.screens.practice_card import PracticeCard, value_text
from cemassess.ui.screens.walk_pages import ChecksPage, DimensionPage, PhasePage
from cemassess.ui.strings import t
from cemassess.ui.widgets import Banner, WrapTree, discard

PAGE_PHASES, PAGE_DIMENSION, PAGE_METRICS, PAGE_CHECKS = range(4)
ROLE = Qt.ItemDataRole.UserRole


class View(BaseView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        b = self.binder
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.respondent_label = b.bind(QLabel(), "walk.answering_as")
        self.respondent = b.bind(QComboBox(), name="walk.answering_as")
        # as wide as the longest "name (role)", within reason: who answers is read whole
        self.respondent.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.respondent.setMinimumContentsLength(24)
        self.respondent.setMaximumWidth(560)
        self.respondent_label.setBuddy(self.respondent)
        self.consensus = b.bind(QCheckBox(), "walk.consensus", tip="walk.consensus.tip")
        self.progress = b.bind(QProgressBar(), name="walk.progress")
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(260)
        self.progress.setTextVisible(False)  # the label beside it says "n of N": no text under the fill
        self.progress_label = QLabel()
        top.addWidget(self.respondent_label)
        top.addWidget(self.respondent)
        top.addWidget(self.consensus)
        top.addStretch(1)
        top.addWidget(self.progress_label)
        top.addWidget(self.progress)
        lay.addLayout(top)
        self.top = top
        self.banner = Banner("warn")
        lay.addWidget(self.banner)
        self.keys_hint = b.bind(QLabel(), "walk.keys")
        self.keys_hint.setWordWrap(True)
        self.keys_hint.setObjectName("hint")
        lay.addWidget(self.keys_hint)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.nav = b.bind(WrapTree(), name="walk.nav")
        self.nav.setHeaderHidden(True)
        self.nav.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.nav.setWordWrap(True)
        self.nav.setUniformRowHeights(False)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setMinimumWidth(220)
        split.addWidget(self.nav)
        self.pages = QStackedWidget()
        self.phase_page = PhasePage()
        # one page per dimension, built once and kept: moving on is then only a switch
        self.dim_stack = QStackedWidget()
        self.dim_pages: dict[str, DimensionPage] = {}
        self._empty_dim = DimensionPage()
        self.dim_stack.addWidget(self._empty_dim)
        self.metrics_page = MetricsPage()
        self.checks_page = ChecksPage()
        for p in (self.phase_page, self.dim_stack, self.metrics_page, self.checks_page):
            self.pages.addWidget(p)
        split.addWidget(self.pages)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([290, 900])
        self.split = split
        lay.addWidget(split, 1)
        # the page's own controls; the practice cards style themselves (one-key answering)
        style.apply_walk([self.respondent, self.consensus, self.keys_hint, self.nav, self.phase_page,
                          self.metrics_page, self.checks_page])

    def set_participant_mode(self) -> None:
        """Participant mode: one person answers; nobody to choose, no consensus."""
        for w in (self.respondent_label, self.respondent, self.consensus):
            w.hide()
        self.metrics_page.set_simple()  # NPS as shares, not eleven counts

    @property
    def dim_page(self) -> DimensionPage:
        """The dimension page on show (an empty one before any is built)."""
        return self.dim_stack.currentWidget()

    def clear_dimension_pages(self) -> None:
        for page in self.dim_pages.values():
            self.dim_stack.removeWidget(page)
            discard(page)
        self.dim_pages.clear()
        self.dim_stack.setCurrentWidget(self._empty_dim)

    def translateUI(self, lang: str) -> None:  # noqa: N802
        super().translateUI(lang)
        self.metrics_page.translateUI(lang)
        for page in self.dim_pages.values():
            page.translateUI(lang)


class Controller(BaseController):
    def __init__(self, view: View, session: Any, ctx: Any) -> None:
        super().__init__(view, session, ctx)
        self.page_key: tuple = ("dim", "")
        self.current_pid = ""
        self._building = False
        v = view
        v.nav.currentItemChanged.connect(self._nav_changed)
        # a click (or Enter) on a dimension hands the keyboard to its practice: digits answer
        v.nav.itemClicked.connect(lambda item, _col: self._nav_take_keys(item))
        v.nav.itemActivated.connect(lambda item, _col: self._nav_take_keys(item))
        v.respondent.activated.connect(self._respondent_chosen)
        v.consensus.toggled.connect(session.set_consensus)
        v.phase_page.practiceClicked.connect(lambda pid: self.go_to(practice=pid))
        v.checks_page.practiceClicked.connect(lambda pid: self.go_to(practice=pid))
        self.metrics = MetricsController(v.metrics_page, session)
        session.assessmentOpened.connect(self._opened)
        session.answersChanged.connect(self._answer_changed)
        session.respondentsChanged.connect(self._respondents_changed)
        session.activeRespondentChanged.connect(lambda _r: self._context_changed())
        session.consensusModeChanged.connect(lambda _on: self._context_changed())
        session.resultsChanged.connect(self._results_changed)
        session.saveFailed.connect(lambda msg: v.banner.show_text(msg))
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self._did_timer = QTimer(self)  # the status line of the last key fades after a while
        self._did_timer.setSingleShot(True)
        self._did_timer.setInterval(8000)
        self._did_timer.timeout.connect(lambda: getattr(self.ctx.window, "did_label", None)
                                        and self.ctx.window.did_label.setText(""))

    # -- building ---------------------------------------------------------------------------
    def _opened(self) -> None:
        self.page_key = ("dim", "")
        self.current_pid = ""
        self.view.clear_dimension_pages()
        if self.session.is_open:  # resume where this person stopped
            self._land_on(self.first_unanswered())
        self.mark_stale()
        if self.session.is_open:
            QTimer.singleShot(0, self._build_next_page)

    def _page_for(self, dim: Any) -> DimensionPage:
        v = self.view
        page = v.dim_pages.get(dim.id)
        if page is None:
            page = DimensionPage()
            number = [d.id for d in self.session.framework.dimensions].index(dim.id) + 1
            cards = page.build(dim, number, self.lang)
            for c in cards:
                c.valueChosen.connect(self._value_chosen)
                c.commentEdited.connect(self._comment_edited)
                c.commentTyped.connect(self._comment_typed)
                c.reviewToggled.connect(self._review_toggled)
                c.move.connect(self._move)
                c.jump.connect(self._jump)
            v.dim_pages[dim.id] = page
            v.dim_stack.addWidget(page)
            # lay it out now, while hidden, so showing it later costs only the painting
            page.setGeometry(v.dim_stack.rect())
            page.layout().activate()
        return page

    def _build_next_page(self) -> None:
        """Build the dimension pages one per event-loop turn, in walking order."""
        s = self.session
        if not s.is_open:
            return
        missing = [d for d in s.framework.dimensions if d.id not in self.view.dim_pages]
        if missing:
            self._page_for(missing[0])
            QTimer.singleShot(0, self._build_next_page)

    def refresh(self) -> None:
        s, v = self.session, self.view
        if not s.is_open:
            return
        ro = s.read_only
        v.banner.show_text(t("read_only.banner", self.lang) if ro else "")
        self._fill_respondents()
        v.consensus.blockSignals(True)
        v.consensus.setChecked(s.consensus)
        v.consensus.blockSignals(False)
        self._build_nav()
        if self.page_key == ("dim", ""):
            self._land_on(self.first_unanswered())
        w = self.view.window().focusWidget()  # the keyboard moves with the page only if it was here
        self._show_page(self.page_key, focus=self.current_pid or None,
                        take_focus=w is None or self.view.isAncestorOf(w))
        self._update_progress()

    def _fill_respondents(self) -> None:
        s, cb = self.session, self.view.respondent
        cb.blockSignals(True)
        cb.clear()
        for r in s.assessment.respondents:
            cb.addItem(f"{r.name or r.id} ({t('role.' + r.role.value, self.lang)})", r.id)
        cb.setCurrentIndex(max(0, cb.findData(s.active_respondent)))
        cb.setEnabled(not s.consensus)
        cb.blockSignals(False)

    def _build_nav(self) -> None:
        s, nav, lang = self.session, self.view.nav, self.lang
        self._building = True
        nav.clear()
        self.nav_items: dict[tuple, QTreeWidgetItem] = {}

        def add(parent: Any, key: tuple, text: str) -> QTreeWidgetItem:
            it = QTreeWidgetItem([text])
            it.setData(0, ROLE, key)
            (parent.addChild if isinstance(parent, QTreeWidgetItem) else nav.addTopLevelItem)(it)
            self.nav_items[key] = it
            return it

        add(None, ("phases",), t("walk.phases", lang))
        dims = add(None, ("dims",), t("walk.dimensions", lang))
        dims.setFlags(dims.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        for d in s.framework.dimensions:
            add(dims, ("dim", d.id), d.title(lang))
        add(None, ("metrics",), t("walk.metrics", lang))
        add(None, ("checks",), t("walk.checks", lang))
        nav.expandAll()
        self._building = False
        self._update_nav_progress()

    def _answered(self, pid: str) -> bool:
        """The one definition (domain.assessment.Answer.answered): a value, N/A or don't
        know; a comment alone is not an answer. In consensus mode: an agreed answer."""
        s = self.session
        if s.consensus:
            return pid in s.assessment.agreed
        a = s.answer(pid)
        return a is not None and a.answered

    def first_unanswered(self, dim_id: str | None = None) -> str:
        """The first practice not answered yet (in `dim_id`, else in the whole assessment,
        else its first practice)."""
        fw = self.session.framework
        dims = [fw.dimensions_by_id[dim_id]] if dim_id else list(fw.dimensions)
        for d in dims:
            for p in d.practices:
                if not self._answered(p.id):
                    return p.id
        return dims[0].practices[0].id

    def _land_on(self, pid: str) -> None:
        self.current_pid = pid
        self.page_key = ("dim", self.session.framework.dimension_of[pid].id)

    def _done_by_dimension(self) -> dict[str, tuple[int, int]]:
        from cemassess.domain.scoring import completion

        s = self.session
        if s.consensus:
            return {d.id: (sum(p.id in s.assessment.agreed for p in d.practices), len(d.practices))
                    for d in s.framework.dimensions}
        return completion(s.framework, s.assessment, s.active_respondent).by_dimension

    def _update_nav_progress(self) -> None:
        s, lang = self.session, self.lang
        done = self._done_by_dimension()
        for i, d in enumerate(s.framework.dimensions, start=1):
            it = self.nav_items.get(("dim", d.id))
            if it is None:
                continue
            n, total = done[d.id]
            mark = "✓ " if n == total else ""
            it.setText(0, f"{mark}{i}. {d.title(lang)}  ({n}/{total})")
            it.setData(0, Qt.ItemDataRole.AccessibleTextRole, it.text(0).removeprefix(mark))
            it.setToolTip(0, t("walk.dim_progress", lang, n=n, total=total))
        self._update_progress(done)

    def _update_progress(self, done: dict[str, tuple[int, int]] | None = None) -> None:
        done = done or self._done_by_dimension()
        n = sum(a for a, _ in done.values())
        total = sum(b for _, b in done.values()) or 1
        self.view.progress.setValue(round(100 * n / total))
        self.view.progress_label.setText(t("walk.overall_progress", self.lang, n=n, total=total)
                                         + f" · {round(100 * n / total)}%")

    # -- pages ------------------------------------------------------------------------------
    def _nav_changed(self, item: QTreeWidgetItem | None, _prev: Any) -> None:
        if self._building or item is None:
            return
        key = item.data(0, ROLE)
        if key and key != ("dims",) and tuple(key) != self.page_key:
            key = tuple(key)
            if key[0] == "dim":  # the first practice not answered, never the old scroll position
                take = not self.view.nav.hasFocus() or bool(QApplication.mouseButtons())
                self._show_page(key, focus=self.first_unanswered(key[1]), take_focus=take)
            else:
                self._show_page(key)

    def _nav_take_keys(self, item: QTreeWidgetItem) -> None:
        key = item.data(0, ROLE)
        if key and tuple(key)[0] == "dim":
            if tuple(key) != self.page_key:
                self._show_page(tuple(key), focus=self.first_unanswered(key[1]))
            card = self.view.dim_page.card(self.current_pid) or (self.view.dim_page.cards or [None])[0]
            if card is not None:
                self._focus_card(card)

    def _show_page(self, key: tuple, focus: str | None = None, take_focus: bool = True) -> None:
        v, s = self.view, self.session
        self.page_key = key
        item = self.nav_items.get(key)
        if item is not None and v.nav.currentItem() is not item:
            self._building = True
            v.nav.setCurrentItem(item)
            self._building = False
        if key[0] == "dim":
            dim = s.framework.dimensions_by_id[key[1]]
            page = self._page_for(dim)
            for c in page.cards:
                self._show_card(c)
            v.dim_stack.setCurrentWidget(page)
            v.pages.setCurrentIndex(PAGE_DIMENSION)
            target = v.dim_page.card(focus) if focus else None
            if target is not None:
                self._focus_card(target, take_focus)
        elif key[0] == "phases":
            self._fill_phases()
            v.pages.setCurrentIndex(PAGE_PHASES)
        elif key[0] == "metrics":
            v.pages.setCurrentIndex(PAGE_METRICS)
            self.metrics.load()
        elif key[0] == "checks":
            self._fill_checks()
            v.pages.setCurrentIndex(PAGE_CHECKS)

    def _show_card(self, card: PracticeCard) -> None:
        s = self.session
        card.set_editable(not s.read_only)
        if s.consensus:
            ag = s.assessment.agreed.get(card.pid)
            card.set_consensus(True, self._others_text(card.pid))
            card.show_answer(ag.value if ag else None, ag.dissent if ag else "", False)
        else:
            a = s.answer(card.pid)
            card.set_consensus(False)
            card.show_answer(a.value if a else None, a.comment if a else "", a.review if a else False)

    def _others_text(self, pid: str) -> str:
        s, lang = self.session, self.lang
        parts = []
        for r in s.assessment.respondents:
            a = s.assessment.answer(r.id, pid)
            if a is not None and a.value is not None:
                value = a.value if isinstance(a.value, int) else t(f"card.{a.value}", lang)
                parts.append(f"{r.name or r.id}: {value}")
        if not parts:
            return t("walk.no_answers_yet", lang)
        pr = s.results().practices.get(pid)
        text = t("walk.answers", lang) + " " + "; ".join(parts)
        if pr is not None and pr.levels and not pr.agreed:
            text += "  —  " + t("walk.median", lang, level=f"{pr.level:g}")
        return text

    def _focus_card(self, card: PracticeCard, take_focus: bool = True) -> None:
        self.current_pid = card.pid
        if take_focus:
            card.setFocus(Qt.FocusReason.OtherFocusReason)
        for c in self.view.dim_page.cards:
            c.set_current(c is card)
        scroll = self.view.dim_page.scroll
        scroll.ensureWidgetVisible(card, 0, 40)

        def again() -> None:  # once laid out: a page just shown has its final geometry now
            if card.isVisible() and self.current_pid == card.pid:
                scroll.ensureWidgetVisible(card, 0, 40)
                if take_focus and self.view.isVisible() and self.view.window().focusWidget() is None:
                    card.setFocus(Qt.FocusReason.OtherFocusReason)
                card.set_current(True)
        QTimer.singleShot(0, again)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        cards = self.view.dim_page.cards
        if not cards:
            return
        holder = new
        while holder is not None and not isinstance(holder, PracticeCard):
            holder = holder.parentWidget()
        if holder is None or holder not in cards:
            # the keyboard left the cards: none is drawn as holding it
            for c in cards:
                c.set_current(c.pid == self.current_pid, False)
            return
        self.current_pid = holder.pid
        for c in cards:
            c.set_current(c is holder)

    # -- answering --------------------------------------------------------------------------
    def _value_chosen(self, pid: str, value: Any, advance: bool) -> None:
        s = self.session
        card = self.view.dim_page.card(pid)
        if s.consensus:  # the dissent typed before the level is kept with it
            s.set_agreed(pid, value, card.comment.text().strip() if card is not None else None)
        else:
            s.update_answer(pid, value=value)
        if card is not None:
            self._show_card(card)
            self._say(card, value)
        if advance:
            self._move(pid, +1)

    def _say(self, card: PracticeCard, value: Any) -> None:
        """What the key did, where the eye can check it: "4.5 → N/A · Ctrl+Z undoes"."""
        # a label of its own, of fixed size, in the status bar: setting it re-lays out nothing,
        # so the key stays well under 50 ms (QStatusBar.showMessage re-lays out the window)
        label = getattr(self.ctx.window, "did_label", None)
        if label is not None and not self.session.read_only:
            label.setText(t("walk.did", self.lang, n=card.number, value=value_text(value, self.lang)))
            self._did_timer.start()

    def _comment_typed(self, pid: str, text: str) -> None:
        self.session.type_comment(pid, text, agreed=self.session.consensus)

    def _comment_edited(self, pid: str, text: str) -> None:
        s = self.session
        s.flush_comments()
        if not s.is_open or pid not in s.framework.practices:
            return
        if s.consensus:
            ag = s.assessment.agreed.get(pid)
            if ag is not None and ag.dissent != text:
                s.set_agreed(pid, ag.value, text)
        else:
            a = s.answer(pid)
            if (a.comment if a else "") != text:
                s.update_answer(pid, comment=text)

    def _review_toggled(self, pid: str, on: bool) -> None:
        self.session.update_answer(pid, review=on)

    def _move(self, pid: str, delta: int) -> None:
        s, cards = self.session, self.view.dim_page.cards
        idx = next((i for i, c in enumerate(cards) if c.pid == pid), -1)
        j = idx + delta
        if 0 <= j < len(cards):
            self._focus_card(cards[j])
            return
        dims = [d.id for d in s.framework.dimensions]
        k = dims.index(self.page_key[1]) + delta
        if 0 <= k < len(dims):
            self._show_page(("dim", dims[k]))
            cards = self.view.dim_page.cards
            self._focus_card(cards[0] if delta > 0 else cards[-1])
        elif k >= len(dims):
            self._show_page(("metrics",))
            self.view.metrics_page.mode.setFocus()

    def _jump(self, pid: str, where: str) -> None:
        """Home / End: first and last practice of the page; Page Up / Down: the previous and
        next dimension, at its first practice not answered."""
        cards = self.view.dim_page.cards
        if where in ("first", "last") and cards:
            self._focus_card(cards[0] if where == "first" else cards[-1])
            return
        dims = [d.id for d in self.session.framework.dimensions]
        k = dims.index(self.page_key[1]) + (1 if where == "next_dim" else -1)
        if 0 <= k < len(dims):
            self._show_page(("dim", dims[k]), focus=self.first_unanswered(dims[k]))

    # -- reacting to the session --------------------------------------------------------------
    def _answer_changed(self, _rid: str, pid: str) -> None:
        if not self.view.isVisible():
            self._stale = True
            return
        if self.page_key[0] == "dim":
            for c in self.view.dim_page.cards:
                if not pid or c.pid == pid or self.session.consensus:
                    self._show_card(c)
        self._update_nav_progress()

    def _respondents_changed(self) -> None:
        self.mark_stale()

    def _context_changed(self) -> None:
        """Another respondent, or consensus mode: their first practice not answered."""
        if self.session.is_open:
            self._land_on(self.first_unanswered())
            self.mark_stale()

    def _results_changed(self) -> None:
        if self.view.isVisible() and self.page_key[0] in ("phases", "checks"):
            self._show_page(self.page_key)
        elif self.view.isVisible() and self.session.consensus and self.page_key[0] == "dim":
            for c in self.view.dim_page.cards:
                c.set_consensus(True, self._others_text(c.pid))

    def _respondent_chosen(self, index: int) -> None:
        self.session.set_active_respondent(self.view.respondent.itemData(index))
        self.refresh_if_stale()
        # once the list has closed (it gives the focus back to itself): their practice has it
        QTimer.singleShot(0, self._focus_current)

    def _focus_current(self) -> None:
        card = self.view.dim_page.card(self.current_pid) if self.page_key[0] == "dim" else None
        if card is not None and self.view.isVisible():
            self._focus_card(card)

    # -- navigation from other screens ----------------------------------------------------------
    def go_to(self, **where: Any) -> None:
        s = self.session
        self.refresh_if_stale()
        pid = where.get("practice")
        if pid and pid in s.framework.practices:
            self._show_page(("dim", s.framework.dimension_of[pid].id), focus=pid)
        elif where.get("dimension") in s.framework.dimensions_by_id:
            self._show_page(("dim", where["dimension"]), focus=self.first_unanswered(where["dimension"]))
        elif where.get("page"):
            self._show_page((where["page"],))
        elif where.get("focus_first"):  # where this person stopped
            pid = self.current_pid if self.page_key[0] == "dim" and self.current_pid \
                else self.first_unanswered()
            self._land_on(pid)
            self._show_page(self.page_key, focus=pid)

    # -- phase and checks pages -------------------------------------------------------------
    def _fill_phases(self) -> None:
        from cemassess.explain import explain_phase

        s, lang, page = self.session, self.lang, self.view.phase_page
        res = s.results()
        fw = s.framework
        page.title.setText(t("walk.phases", lang))
        # the verdict, what progress means, N/A reasons (the blockers are listed per phase below)
        page.summary.setText("\n".join(ln for ln in explain_phase(fw, res.phase, res.practices, lang)
                                       if not ln.startswith("  ")))
        for st, (box, desc, bar, status, links) in zip(res.phase.phases, page.boxes, strict=True):
            ph = fw.phase(st.number)
            box.setTitle(f"{t('phase', lang)} {st.number}: {ph.title(lang)}")
            box.setAccessibleName(box.title())
            desc.setText(ph.description(lang))
            bar.setValue(round(st.progress * 100))
            bar.setAccessibleName(t("walk.phase_progress", lang, n=st.number))
            bar.bar_text.setText(t("walk.phase_bar", lang, pct=pct(st.progress, lang),
                                   at=st.at_threshold, total=st.applicable))
            bar.setAccessibleDescription(bar.bar_text.text())
            if st.met:
                status.setText(t("walk.phase_met", lang))
            else:
                status.setText("\n".join([t("walk.phase_blocked", lang, n=len(st.blockers))]
                                         + [self._blocker_text(b) for b in st.blockers if not b.practice_id]))
            links.set_links([(b.practice_id, self._blocker_text(b)) for b in st.blockers if b.practice_id])

    def _blocker_text(self, b: Any) -> str:
        from cemassess.explain import blocker_text

        return blocker_text(self.session.framework, b, self.lang)

    def _fill_checks(self) -> None:
        from cemassess.explain import check_status

        s, lang, page = self.session, self.lang, self.view.checks_page
        res = s.results()
        page.title.setText(t("walk.checks", lang))
        page.intro.setText(t("walk.checks.intro", lang))
        page.clear()
        for cr in res.checks:
            c = cr.check
            kind = t(f"check.kind.{c.kind}", lang)
            # the stated rule's verdict (found / met / partly met / not met), then the evidence
            if cr.fired is None:
                status, colour = t("check.unknown", lang), style.muted()
            elif cr.fired:
                status = t("h11.check.mean", lang, status=check_status(cr, lang), level=num(cr.mean_level, lang, 1))
                colour = style.status_colour("bad" if cr.status != "partly_met" else "warn")
            else:
                status = t("h11.check.mean", lang, status=check_status(cr, lang), level=num(cr.mean_level, lang, 1))
                colour = style.status_colour("good")
            text = c.description(lang) + ("\n\n" + c.finding(lang) if cr.fired else "")
            links = [(pid, s.framework.practices[pid].statement(lang)) for pid in c.practices]
            page.add(f"{kind}: {c.title(lang)}", status, colour, text, links)
        if not res.checks:
            page.intro.setText(t("walk.checks.none", lang))
