"""Roadmap: the prioritised actions grouped Now / Next / Later. Include or exclude (the
check box), reorder (Ctrl+Up/Down), edit owner, horizon, KPI, due date and a note, add an
action of your own. Every edit goes through the session into assessment.roadmap and the
action is then marked as edited (✎).

Above the list, a row of KPI tiles (ui/tiles.py) a consultant projects: the actions Now
(against the cap on Now), Next and Later, each under the timeline's colour for its horizon;
the gap Now works on (the domain's Roadmap.effect); the first due date; how many actions
the user edited or added (not on the projector). Each figure opens how it was computed, and
the row follows every edit at once (the screen refreshes on resultsChanged)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cemassess.i18n import date_text, num, pct
from cemassess.ui import style, widgets
from cemassess.ui.screens.base import BaseController, BaseView
from cemassess.ui.strings import t
from cemassess.ui.tiles import KpiTile, Meter, Slots
from cemassess.ui.widgets import Banner, heading, hint_label, wrap_label

HORIZONS = ("now", "next", "later")
COLUMNS = ("rank", "action", "dimension", "phase", "effort", "owner", "due", "edited", "moved")
ROLE = Qt.ItemDataRole.UserRole
MOVED_COL = COLUMNS.index("moved")
ARROWS = {"up": "▲", "down": "▼", "flat": "=", "new": "+"}  # glyphs every shipped font has
TREND_TEXT = "cemassess.explain"  # moved_note() (pure Python, cheap to import)
TILES = ("now", "next", "later", "gap", "due", "edited")
TILE_FIGURE = 1.8  # the figures' size: six tiles in one row on a 1366 px laptop at 150%


class View(BaseView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        b = self.binder
        lay = QVBoxLayout(self)
        self.title = heading(size=1.5)
        lay.addWidget(self.title)
        # the dashboard row: caption, figure (opens how it was computed), picture, note
        self.tiles_row = QWidget()
        row = QHBoxLayout(self.tiles_row)
        row.setContentsMargins(0, 2, 0, 6)
        row.setSpacing(10)
        self.tiles: dict[str, KpiTile] = {}
        captions = {"now": "horizon.now", "next": "horizon.next", "later": "horizon.later",
                    "gap": "roadmap.kpi.gap", "due": "roadmap.kpi.due", "edited": "roadmap.kpi.edited"}
        for key in TILES:
            tile = b.bind(KpiTile(TILE_FIGURE, compact=True), captions[key])
            self.tiles[key] = tile
            row.addWidget(tile, 1)
        self.now_slots = self.tiles["now"].set_picture(Slots())
        self.share_meters = {h: self.tiles[h].set_picture(Meter()) for h in ("next", "later")}
        self.gap_meter = self.tiles["gap"].set_picture(Meter())
        lay.addWidget(self.tiles_row)
        self.intro = wrap_label()  # text set on refresh: it names the cap on Now
        lay.addWidget(self.intro)
        self.banner = Banner("warn")
        lay.addWidget(self.banner)
        bar = QHBoxLayout()
        self.add_btn = b.bind(QPushButton(), "roadmap.add")
        self.up_btn = b.bind(QPushButton(), "roadmap.up", tip="roadmap.up.tip")
        self.down_btn = b.bind(QPushButton(), "roadmap.down", tip="roadmap.down.tip")
        self.show_excluded = b.bind(QCheckBox(), "roadmap.show_excluded")
        self.show_excluded.setChecked(True)
        for w in (self.add_btn, self.up_btn, self.down_btn):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.show_excluded)
        lay.addLayout(bar)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.tree = b.bind(QTreeWidget(), name="roadmap.tree")
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # long titles and owners (Russian runs ~30% longer) wrap instead of being cut off
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.viewport().installEventFilter(self)  # column widths follow the tree's width
        from cemassess.ui.widgets import ColumnWrapDelegate

        self.tree.setItemDelegate(ColumnWrapDelegate(self.tree))
        self.tree.setAlternatingRowColors(True)
        self.tree.setRootIsDecorated(False)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        split.addWidget(self.tree)
        self.editor = b.bind(QGroupBox(), "roadmap.editor")
        ed = QVBoxLayout(self.editor)
        self.ed_title = heading(size=1.1)
        # the edited mark beside the title, its width always kept: the form below never jumps
        self.ed_edited = QLabel("✎")
        self.ed_edited.setFixedWidth(self.ed_edited.sizeHint().width() + 6)
        self.ed_edited.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        title_row = QHBoxLayout()
        title_row.addWidget(self.ed_title, 1)
        title_row.addWidget(self.ed_edited)
        self.ed_desc = wrap_label(selectable=True)
        self.ed_why = hint_label()
        self.ed_why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ed_moved = wrap_label(selectable=True, bold=True)
        ed.addLayout(title_row)
        ed.addWidget(self.ed_desc)
        ed.addWidget(self.ed_why)
        ed.addWidget(self.ed_moved)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.included = b.bind(QCheckBox(), "roadmap.included")
        self.owner = b.bind(QLineEdit(), name="owner")
        self.horizon = b.bind(QComboBox(), name="roadmap.horizon")
        self.kpi = b.bind(QLineEdit(), name="kpi")
        due_row = QHBoxLayout()
        self.has_due = b.bind(QCheckBox(), "roadmap.has_due")
        self.due = b.bind(QDateEdit(), name="due")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        self.note = b.bind(QLineEdit(), name="roadmap.note")
        form.addRow(self.included)
        self.labels = {}
        for key, w in (("owner", self.owner), ("roadmap.horizon", self.horizon), ("kpi", self.kpi),
                       ("due", due_row), ("roadmap.note", self.note)):
            lab = b.bind(wrap_label(), key)
            self.labels[key] = lab
            form.addRow(lab, w)
        ed.addLayout(form)
        self.remove_btn = b.bind(QPushButton(), "roadmap.remove")
        ed.addWidget(self.remove_btn)
        ed.addStretch(1)
        # the form scrolls within its panel when a long "why" needs more than the laptop's
        # height, so the list and the tiles above it stay in view
        from cemassess.ui.screens.walk_pages import scroller

        self.editor_scroll = scroller(self.editor)
        split.addWidget(self.editor_scroll)
        split.setCollapsible(0, False)  # the editor may fold away (drag the splitter), the list not
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([840, 380])
        lay.addWidget(split, 1)
        self.split = split

    NARROW = 1100  # below this width (200% scaling on a 1080p screen) the editor goes below

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        self._arrange(self.width() < self.NARROW)

    def _arrange(self, narrow: bool) -> None:
        """Side by side on a wide screen; on a narrow one the editor goes under the list, so
        the actions and owners keep a column wide enough for their words."""
        want = Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal
        if self.split.orientation() == want:
            return
        self.split.setOrientation(want)
        self.tree.setMinimumHeight(260 if narrow else 0)
        total = self.split.height() if narrow else self.split.width()
        self.split.setSizes([total * 3 // 5, total * 2 // 5] if not narrow else
                            [max(260, total // 2), self.editor.sizeHint().height()])

    def fit_columns(self) -> None:
        """The dimension and the owner wrap in columns sized to the tree; the action takes
        the rest; the rows then grow to their wrapped text."""
        width = max(480, self.tree.viewport().width())
        share = 4.5 if self.presentation else 5.5
        self.tree.setColumnWidth(2, max(110, int(width / share)))
        self.tree.setColumnWidth(5, max(110, int(width / share)))
        self.tree.doItemsLayout()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt)
        from PySide6.QtCore import QEvent

        if obj is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            old, new = event.oldSize().width(), event.size().width()
            if old != new:
                self.fit_columns()
        return super().eventFilter(obj, event)

    def translateUI(self, lang: str) -> None:  # noqa: N802
        super().translateUI(lang)
        self.tree.setHeaderLabels([t(f"roadmap.col.{c}", lang) for c in COLUMNS])
        i = max(0, self.horizon.currentIndex())
        self.horizon.blockSignals(True)
        self.horizon.clear()
        for h in HORIZONS:
            self.horizon.addItem(t(f"horizon.{h}", lang), h)
        self.horizon.setCurrentIndex(i)
        self.horizon.blockSignals(False)

    def set_presentation(self, on: bool) -> None:
        super().set_presentation(on)
        self.editor_scroll.setVisible(not on)
        # the client sees the plan, not who edited it
        for w in (self.add_btn, self.up_btn, self.down_btn, self.intro, self.show_excluded,
                  self.tiles["edited"]):
            w.setVisible(not on)
        for col in (2, 4, 6, 7):
            self.tree.setColumnHidden(col, on)


class CustomActionDialog(QDialog):
    def __init__(self, lang: str, dimensions: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(t("roadmap.add", lang))
        self.setAccessibleName(t("roadmap.add", lang))
        self.lang = lang
        form = QFormLayout(self)
        self.title = QLineEdit()
        self.dimension = QComboBox()
        for ident, title in dimensions:
            self.dimension.addItem(title, ident)
        self.horizon = QComboBox()
        for h in HORIZONS:
            self.horizon.addItem(t(f"horizon.{h}", lang), h)
        self.owner = QLineEdit()
        self.kpi = QLineEdit()
        self.description = QLineEdit()
        for key, w in (("roadmap.custom_title", self.title), ("dimension", self.dimension),
                       ("roadmap.horizon", self.horizon), ("owner", self.owner), ("kpi", self.kpi),
                       ("roadmap.description", self.description)):
            w.setAccessibleName(t(key, lang))
            form.addRow(t(key, lang) + ":", w)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        for std, key in ((QDialogButtonBox.StandardButton.Ok, "roadmap.add_ok"),
                         (QDialogButtonBox.StandardButton.Cancel, "cancel")):
            box.button(std).setText(t(key, lang))
            box.button(std).setAccessibleName(t(key, lang))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)
        self.resize(520, self.sizeHint().height())

    def accept(self) -> None:
        if self.title.text().strip():
            super().accept()
        else:
            self.title.setFocus()


class Controller(BaseController):
    def __init__(self, view: View, session: Any, ctx: Any) -> None:
        super().__init__(view, session, ctx)
        self.dialog: CustomActionDialog | None = None
        self._filling = False
        self.items: dict[str, Any] = {}
        v = view
        v.add_btn.clicked.connect(self.add_custom)
        v.up_btn.clicked.connect(lambda: self.move_selected(-1))
        v.down_btn.clicked.connect(lambda: self.move_selected(+1))
        QShortcut(QKeySequence("Ctrl+Up"), v.tree, lambda: self.move_selected(-1))
        QShortcut(QKeySequence("Ctrl+Down"), v.tree, lambda: self.move_selected(+1))
        space = QShortcut(QKeySequence(Qt.Key.Key_Space), v.tree, self.toggle_selected)
        space.setContext(Qt.ShortcutContext.WidgetShortcut)
        v.show_excluded.toggled.connect(lambda _=None: self.refresh())
        v.tree.currentItemChanged.connect(lambda *_: self._load_editor())
        v.tree.itemChanged.connect(self._item_checked)
        v.included.toggled.connect(lambda on: self._edit(included=on))
        v.owner.editingFinished.connect(lambda: self._edit_text("owner", v.owner.text()))
        v.kpi.editingFinished.connect(lambda: self._edit_text("kpi", v.kpi.text()))
        v.note.editingFinished.connect(lambda: self._edit_note(v.note.text()))
        v.horizon.activated.connect(lambda i: self._edit(horizon=v.horizon.itemData(i)))
        v.has_due.toggled.connect(self._due_toggled)
        v.due.editingFinished.connect(self._due_changed)
        v.remove_btn.clicked.connect(self.remove_custom)
        session.resultsChanged.connect(self.mark_stale)
        session.assessmentOpened.connect(self._opened)
        session.saveFailed.connect(lambda msg: v.banner.show_text(msg))
        self._tile_accent = ""
        explain = {"now": lambda: self.explain_horizon("now"), "next": lambda: self.explain_horizon("next"),
                   "later": lambda: self.explain_horizon("later"), "gap": self.explain_gap,
                   "due": self.explain_due, "edited": self.explain_edited}
        for key, tile in v.tiles.items():
            tile.number.explain.connect(explain[key])

    def _opened(self) -> None:
        if not self.session.is_open:  # closed: nothing to edit any more
            self.items = {}
            self.view.tree.clear()
        self.mark_stale()

    # -- filling --------------------------------------------------------------------------------
    def _texts(self, it: Any) -> tuple[str, str, str, str]:
        """Title, description, owner, KPI of an item: the user's, else the framework's."""
        act = self.session.framework.actions.get(it.id)
        lang = self.lang
        title = act.title(lang) if act else it.title
        desc = act.description(lang) if act else it.description
        owner = it.owner or (act.owner(lang) if act else "")
        kpi = it.kpi or (act.kpi(lang) if act else "")
        return title, desc, owner, kpi

    def refresh(self) -> None:
        s, v, lang = self.session, self.view, self.lang
        v.intro.setText(t("h11.roadmap.intro", lang, cap=getattr(s, "now_max", 8)))
        if not s.is_open:
            return
        res = s.results()
        fw = s.framework
        trend = s.trend()
        v.tree.setColumnHidden(MOVED_COL, trend is None)
        v.title.setText(t("roadmap.title", lang, company=s.assessment.company.name or s.assessment.id))
        selected = self.selected_id()
        self._filling = True
        v.tree.clear()
        self.items = {it.id: it for it in res.roadmap.items}
        groups = res.roadmap.by_horizon(include_excluded=v.show_excluded.isChecked()
                                        and not v.presentation)
        bold = v.tree.font()
        bold.setBold(True)
        select_item = None
        from cemassess.ui.charts import chart_theme

        accent = chart_theme(self.ctx.settings.get("branding/accent")).accent
        for h in HORIZONS:
            head = QTreeWidgetItem([f"{t(f'horizon.{h}', lang)} — {len(groups[h])}"])
            head.setFont(0, bold)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            style.colour_chip(head, style.horizon_colour(h, accent))  # the timeline's colour for it
            v.tree.addTopLevelItem(head)
            head.setFirstColumnSpanned(True)
            for it in groups[h]:
                title, _desc, owner, kpi = self._texts(it)
                row = QTreeWidgetItem([
                    str(it.rank), title, fw.dimensions_by_id[it.dimension_id].title(lang),
                    str(it.phase), t(f"effort.{it.effort}", lang), owner,
                    date_text(it.due, lang, "medium") if it.due else "", "✎" if it.edited else ""])
                row.setToolTip(1, f"{title}\n{t('kpi', lang)}: {kpi}")
                row.setData(0, ROLE, it.id)
                row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                             | Qt.ItemFlag.ItemIsUserCheckable)
                row.setCheckState(1, Qt.CheckState.Checked if it.included else Qt.CheckState.Unchecked)
                row.setToolTip(7, t("roadmap.edited", lang) if it.edited else "")
                if trend is not None:
                    direction = trend.moved(it.dimension_id)
                    row.setText(MOVED_COL, ARROWS.get(direction, ""))
                    row.setTextAlignment(MOVED_COL, Qt.AlignmentFlag.AlignCenter)
                    if direction in ("up", "down"):
                        row.setForeground(MOVED_COL, style.status_brush("good" if direction == "up" else "bad"))
                    row.setToolTip(MOVED_COL, self._moved(it.dimension_id) or t(f"trend.{direction}", lang))
                    row.setData(MOVED_COL, Qt.ItemDataRole.AccessibleTextRole, t(f"trend.{direction}", lang))
                if not it.included:
                    for c in range(len(COLUMNS)):
                        row.setForeground(c, style.muted_brush())
                if it.edited:
                    f = v.tree.font()
                    f.setItalic(True)
                    row.setFont(1, f)
                head.addChild(row)
                if it.id == selected:
                    select_item = row
            head.setExpanded(True)
        for c in (0, 3, 4, 6, 7, MOVED_COL):
            v.tree.resizeColumnToContents(c)
        v.fit_columns()
        self._fill_tiles(res.roadmap, res.phase.current, accent)
        self._filling = False
        if select_item is None and v.tree.topLevelItemCount():
            first = next((v.tree.topLevelItem(i).child(0) for i in range(3)
                          if v.tree.topLevelItem(i).childCount()), None)
            select_item = first
        if select_item is not None:
            v.tree.setCurrentItem(select_item)
        self._load_editor()

    # -- the dashboard row ------------------------------------------------------------------
    def figures(self, roadmap: Any, phase: int | None = None) -> dict[str, Any]:
        """What the tiles show, read off the domain's roadmap (the tests compare them)."""
        groups = roadmap.by_horizon()
        dated = sorted((i for i in roadmap.included if i.due is not None), key=lambda i: (i.due, i.rank))
        return {"now": len(groups["now"]), "next": len(groups["next"]), "later": len(groups["later"]),
                "cap": roadmap.now_max, "effect": roadmap.effect("now", phase),
                "first_due": dated[0] if dated else None, "dated": len(dated),
                "edited": sum(1 for i in roadmap.items if i.edited),
                "own": sum(1 for i in roadmap.items if i.custom),
                "excluded": sum(1 for i in roadmap.items if not i.included),
                "moved": sum(1 for i in groups["next"] if i.why is not None and i.why.moved_to_next)}

    def _by_phase(self, items: list) -> str:
        phases = sorted({i.phase for i in items})
        return " · ".join(t("roadmap.kpi.phase_count", self.lang, n=p, k=sum(1 for i in items if i.phase == p))
                          for p in phases)

    def _fill_tiles(self, roadmap: Any, phase: int, accent: str) -> None:
        v, lang = self.view, self.lang
        f = self.figures(roadmap, phase)
        groups = roadmap.by_horizon()
        if accent != self._tile_accent:  # the timeline's colours, once per accent
            self._tile_accent = accent
            for h in HORIZONS:
                style.horizon_tile(v.tiles[h], h, accent)
        total = len(roadmap.included)
        now, cap = f["now"], f["cap"]
        tiles = v.tiles
        tiles["now"].number.setText(f"{now}/{cap}")
        v.now_slots.set_slots(now, cap, style.horizon_colour("now", accent))
        if now > cap:
            limit = t("roadmap.kpi.now_over", lang, over=now - cap, cap=cap)
        elif f["moved"]:
            limit = t("roadmap.kpi.now_moved", lang, cap=cap, moved=f["moved"])
        else:
            limit = t("roadmap.kpi.now_cap", lang, cap=cap)
        tiles["now"].note.setText("\n".join(x for x in (self._by_phase(groups["now"]), limit) if x))
        for h in ("next", "later"):
            tiles[h].number.setText(str(f[h]))
            v.share_meters[h].set_share(f[h] / total if total else 0.0, style.horizon_colour(h, accent))
            tiles[h].note.setText(self._by_phase(groups[h]) or t("roadmap.kpi.empty", lang))
        eff = f["effect"]
        tiles["gap"].number.setText(num(eff.gap, lang, 1))
        v.gap_meter.set_share(eff.share, style.horizon_colour("now", accent))
        tiles["gap"].note.setText(t("roadmap.kpi.gap_note", lang, n=len(eff.practices), share=pct(eff.share, lang))
                                  + ("\n" + t("roadmap.kpi.phase_blockers", lang, phase=phase, k=eff.blockers, total=eff.total_blockers)
                                     if eff.total_blockers else ""))
        first = f["first_due"]
        if first is not None:
            title, _desc, _owner, _kpi = self._texts(first)
            tiles["due"].number.setText(date_text(first.due, lang, "short"))
            tiles["due"].note.setText(title + "\n" + t("roadmap.kpi.due_count", lang, k=f["dated"], n=total))
        else:
            tiles["due"].number.setText("—")
            tiles["due"].note.setText(t("roadmap.kpi.no_due", lang))
        tiles["edited"].number.setText(str(f["edited"]))
        tiles["edited"].note.setText(t("roadmap.kpi.edited_note", lang, own=f["own"], excluded=f["excluded"]))
        for tile in tiles.values():
            tile.number.setAccessibleName(f"{tile.title()}: {tile.number.text()}")
        if first is not None:  # the whole date, not the figure's short form
            tiles["due"].number.setAccessibleName(f"{tiles['due'].title()}: {date_text(first.due, lang, 'long')}")

    def _explain(self, key: str, lines: list[str]) -> None:
        widgets.show_explanation(self.view, self.view.tiles[key].title(), lines, self.lang)

    def _action_line(self, it: Any) -> str:
        title, _desc, owner, _kpi = self._texts(it)
        return f"  {it.rank}. {title}" + (f" — {owner}" if owner else "")

    def explain_horizon(self, horizon: str) -> None:
        s, lang = self.session, self.lang
        if not s.is_open:
            return
        rm = s.results().roadmap
        items = rm.by_horizon()[horizon]
        lines = [t("roadmap.kpi.now_expl", lang, cap=rm.now_max)] if horizon == "now" else []
        lines += [t("roadmap.kpi.horizon_rule", lang), ""]
        lines += [self._action_line(i) for i in items] or [t("roadmap.kpi.empty", lang)]
        moved = [i for i in rm.by_horizon()["next"] if i.why is not None and i.why.moved_to_next]
        if horizon == "now" and moved:
            lines += ["", t("roadmap.kpi.moved_head", lang, cap=rm.now_max)] + [self._action_line(i) for i in moved]
        self._explain(horizon, lines)

    def explain_gap(self) -> None:
        from cemassess.explain import level_label

        s, lang = self.session, self.lang
        if not s.is_open:
            return
        res = s.results()
        fw, rm = s.framework, res.roadmap
        eff = rm.effect("now", res.phase.current)
        why = {i.why.practice_id: i.why for i in rm.items if i.why is not None}
        lines = [t("roadmap.kpi.gap_expl", lang), ""]
        for pid in eff.practices:
            w = why[pid]
            line = t("roadmap.kpi.gap_line", lang, practice=fw.practices[pid].statement(lang).rstrip(". "),
                     level=level_label(w.level, lang), target=num(w.target, lang, 0 if w.target == int(w.target) else 1),
                     gap=num(w.gap, lang, 1))
            if w.blocks_phase:
                line += " — " + t("roadmap.kpi.blocks", lang, n=w.practice_phase)
            lines.append("  " + line)
        lines += ["", t("roadmap.kpi.gap_total", lang, gap=num(eff.gap, lang, 1), total=num(eff.total_gap, lang, 1),
                        share=pct(eff.share, lang))]
        if eff.total_blockers:
            lines.append(t("roadmap.kpi.phase_blockers", lang, phase=eff.phase, k=eff.blockers,
                           total=eff.total_blockers))
        if any(i.custom for i in rm.by_horizon()["now"]):
            lines.append(t("roadmap.kpi.gap_own", lang))
        self._explain("gap", lines)

    def explain_due(self) -> None:
        s, lang = self.session, self.lang
        if not s.is_open:
            return
        dated = sorted((i for i in s.results().roadmap.included if i.due is not None), key=lambda i: (i.due, i.rank))
        lines = [t("roadmap.kpi.due_expl", lang), ""]
        lines += [f"  {date_text(i.due, lang, 'medium')} — {self._texts(i)[0]}" for i in dated] \
            or [t("roadmap.kpi.no_due", lang)]
        self._explain("due", lines)

    def explain_edited(self) -> None:
        s, lang = self.session, self.lang
        if not s.is_open:
            return
        items = [i for i in s.results().roadmap.items if i.edited]
        lines = [t("roadmap.kpi.edited_expl", lang), ""]
        for i in items:
            tags = [t("roadmap.kpi.own", lang)] if i.custom else []
            if not i.included:
                tags.append(t("roadmap.kpi.excluded", lang))
            lines.append(self._action_line(i) + (f" ({', '.join(tags)})" if tags else ""))
        if not items:
            lines.append(t("roadmap.kpi.none_edited", lang))
        self._explain("edited", lines)

    def _moved(self, dimension_id: str) -> str:
        """The report's own sentence on how the action's dimension moved since the last
        assessment (its module loads on the drawing thread; the screen refreshes then)."""
        from cemassess.ui.charts import loaded

        trend = self.session.trend()
        if trend is None:
            return ""
        mod = loaded(TREND_TEXT, then=self.mark_stale)
        return mod.moved_note(trend, dimension_id, self.lang) if mod is not None else ""

    def selected_id(self) -> str:
        item = self.view.tree.currentItem()
        return item.data(0, ROLE) or "" if item is not None else ""

    def _load_editor(self) -> None:
        from cemassess.explain import action_why, explain_action

        v, lang = self.view, self.lang
        it = self.items.get(self.selected_id())
        v.editor.setEnabled(it is not None and not self.session.read_only)
        if it is None:
            v.ed_title.setText(t("roadmap.none_selected", lang))
            for w in (v.ed_desc, v.ed_why, v.ed_moved):
                w.setText("")
            return
        title, desc, owner, kpi = self._texts(it)
        self._filling = True
        v.ed_title.setText(title)
        v.ed_edited.setText("✎" if it.edited else "")
        v.ed_edited.setToolTip(t("roadmap.edited", lang) if it.edited else "")
        v.ed_desc.setText(desc)
        fw = self.session.framework
        v.ed_why.setText(f"{t('why', lang)}: {action_why(fw, it, lang)}"
                         + (f"\n{explain_action(fw, it, lang)}" if it.why is not None else ""))
        moved = self._moved(it.dimension_id)
        v.ed_moved.setText(moved)
        v.ed_moved.setVisible(bool(moved))
        v.included.setChecked(it.included)
        for edit, text in ((v.owner, owner), (v.kpi, kpi), (v.note, it.note)):
            edit.setText(text)
            edit.setCursorPosition(0)
        v.horizon.setCurrentIndex(HORIZONS.index(it.horizon))
        v.has_due.setChecked(it.due is not None)
        v.due.setEnabled(it.due is not None)
        d = it.due or dt.date.today()
        v.due.setDate(QDate(d.year, d.month, d.day))
        v.remove_btn.setVisible(it.custom)
        self._filling = False

    # -- edits ------------------------------------------------------------------------------
    def _edit(self, **changes: Any) -> None:
        aid = self.selected_id()
        if self._filling or not aid or not self.session.is_open:
            return
        self.session.edit_action(aid, **changes)

    def _edit_text(self, field: str, text: str) -> None:
        it = self.items.get(self.selected_id())
        if it is None or self._filling or not self.session.is_open:
            return
        _title, _desc, owner, kpi = self._texts(it)
        if text.strip() != (owner if field == "owner" else kpi):
            self._edit(**{field: text.strip()})

    def _edit_note(self, text: str) -> None:
        it = self.items.get(self.selected_id())
        if it is not None and self.session.is_open and not it.custom and text.strip() != it.note:
            self._edit(note=text.strip())

    def _due_toggled(self, on: bool) -> None:
        self.view.due.setEnabled(on)
        if not self._filling:
            self._due_changed() if on else self._edit(due=None)

    def _due_changed(self) -> None:
        if self._filling or not self.view.has_due.isChecked():
            return
        q = self.view.due.date()
        d = dt.date(q.year(), q.month(), q.day())
        it = self.items.get(self.selected_id())
        if it is not None and it.due != d:
            self._edit(due=d)

    def _item_checked(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 1:
            return
        aid = item.data(0, ROLE)
        it = self.items.get(aid)
        on = item.checkState(1) == Qt.CheckState.Checked
        if it is not None and it.included != on:
            self.session.edit_action(aid, included=on)

    def toggle_selected(self) -> None:
        """Space: include or exclude the selected action."""
        it = self.items.get(self.selected_id())
        if it is not None and not self.session.read_only:
            self.session.edit_action(it.id, included=not it.included)

    def move_selected(self, delta: int) -> None:
        aid = self.selected_id()
        it = self.items.get(aid)
        if it is None:
            return
        order = [i.id for i in self.session.results().roadmap.items]
        same = [i for i in order if self.items[i].horizon == it.horizon]
        k = same.index(aid) + delta
        if not 0 <= k < len(same):
            return
        other = same[k]
        a, b = order.index(aid), order.index(other)
        order[a], order[b] = order[b], order[a]
        self.session.reorder_actions(order)

    def add_custom(self) -> CustomActionDialog | None:
        if self.session.read_only or not self.session.is_open:
            return None
        dims = [(d.id, d.title(self.lang)) for d in self.session.framework.dimensions]
        self.dialog = CustomActionDialog(self.lang, dims, self.view)
        self.dialog.accepted.connect(self._custom_accepted)
        self.dialog.open()
        return self.dialog

    def _custom_accepted(self) -> None:
        d = self.dialog
        self.session.add_custom_action(
            d.title.text().strip(), d.dimension.currentData(), horizon=d.horizon.currentData(),
            owner=d.owner.text().strip(), kpi=d.kpi.text().strip(),
            description=d.description.text().strip())

    def remove_custom(self) -> None:
        aid = self.selected_id()
        if aid.startswith("c."):
            self.session.remove_custom_action(aid)
