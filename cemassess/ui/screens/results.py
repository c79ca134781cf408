"""Results: the CEM index, the current phase with its gating explained, the dimension
scores against the chosen benchmark, and the report's charts (radar with median and P90
band, gap bars, phase progress, NPS against published B2B figures, and the perception-gap
heatmap with two or more roles). Every figure opens its "how this was computed"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cemassess.i18n import date_text, num, pct
from cemassess.labels import (
    pack_source,
    pack_title,
    segment_title,
)
from cemassess.ui import style, widgets
from cemassess.ui.charts import ChartView, chart_theme
from cemassess.ui.screens.base import BaseController, BaseView
from cemassess.ui.screens.walk_pages import LinkList, scroller
from cemassess.ui.strings import t
from cemassess.ui.tiles import KpiTile, Meter, PhaseStrip, ScoreScale
from cemassess.ui.widgets import Banner, heading, hint_label, wrap_label

CHARTS = (("radar", "chart.radar"), ("gap_bars", "chart.gap_bars"),
          ("phase_progress", "chart.phase_progress"), ("nps_panel", "chart.nps_panel"),
          ("role_heatmap", "chart.role_heatmap"))
COLUMNS = ("dimension", "score", "level", "median", "p90", "percentile", "coverage")
TREND_COLUMNS = ("dimension", "before", "now", "change", "direction")
PACK_ROLE = Qt.ItemDataRole.UserRole + 1  # the segment's pack ("" = the shipped one)


class View(BaseView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        b = self.binder
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        inner = QWidget()
        lay = QVBoxLayout(inner)
        self.main_layout = lay
        self.title = heading(size=1.5)
        lay.addWidget(self.title)
        cards = QHBoxLayout()
        cards.setSpacing(12)
        # dashboard tiles: caption, the big figure (opens "how this was computed"), a picture
        # in the report's colours, a short explanation (cemassess/ui/tiles.py, ui/style.py)
        self.overall_box = b.bind(KpiTile(2.4), "overall")
        self.overall = self.overall_box.number
        self.overall_scale = self.overall_box.set_picture(ScoreScale())
        self.overall_band = self.overall_box.note
        self.phase_box = b.bind(KpiTile(), "current_phase")
        self.phase = self.phase_box.number
        self.phase_strip = self.phase_box.set_picture(PhaseStrip())
        self.phase_sub = self.phase_box.note
        self.done_box = b.bind(KpiTile(), "results.completion")
        self.completion = self.done_box.number
        self.completion_meter = self.done_box.set_picture(Meter())
        self.completion_sub = self.done_box.note
        self.nps_box = b.bind(KpiTile(), "nps")
        self.nps = self.nps_box.number
        self.nps_sub = self.nps_box.note
        for box in (self.overall_box, self.phase_box, self.done_box, self.nps_box):
            cards.addWidget(box, 1)
        lay.addLayout(cards)
        bench = QHBoxLayout()
        self.segment_label = b.bind(QLabel(), "results.benchmark")
        self.segment = b.bind(QComboBox(), name="results.benchmark")
        self.segment.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.segment.setMinimumContentsLength(24)
        self.segment_label.setBuddy(self.segment)
        bench.addWidget(self.segment_label)
        bench.addWidget(self.segment, 1)
        lay.addLayout(bench)
        # on the projector the comparison is said, whole, not offered as a choice
        self.segment_shown = hint_label()
        self.segment_shown.hide()
        lay.addWidget(self.segment_shown)
        self.illustrative = Banner("warn")
        lay.addWidget(self.illustrative)
        self.trend_box = b.bind(QGroupBox(), "results.trend")
        trl = QVBoxLayout(self.trend_box)
        self.trend_intro = wrap_label()
        trl.addWidget(self.trend_intro)
        self.trend_table = b.bind(QTableWidget(0, len(TREND_COLUMNS)), name="results.trend_table")
        self.trend_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.trend_table.verticalHeader().hide()
        self.trend_table.setTabKeyNavigation(False)
        self.trend_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.trend_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.trend_slot = QVBoxLayout()
        trl.addLayout(self.trend_slot)
        trl.addWidget(self.trend_table)
        self.trend_box.hide()
        self.gating_box = b.bind(QGroupBox(), "results.gating")
        gl = QVBoxLayout(self.gating_box)
        self.gating = wrap_label(selectable=True)
        self.blockers = LinkList()
        gl.addWidget(self.gating)
        gl.addWidget(self.blockers)
        lay.addWidget(self.gating_box)
        self.table = b.bind(QTableWidget(0, len(COLUMNS)), name="results.table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table_hint = b.bind(hint_label(), "results.table_hint")
        lay.addWidget(self.table)
        lay.addWidget(self.table_hint)
        lay.addWidget(self.trend_box)
        self.charts: dict[str, ChartView] = {}
        grid = QGridLayout()
        self.chart_grid = grid
        lay.addLayout(grid)
        self.findings_box = b.bind(QGroupBox(), "results.findings")
        fl = QVBoxLayout(self.findings_box)
        self.findings = wrap_label(selectable=True)
        fl.addWidget(self.findings)
        lay.addWidget(self.findings_box)
        lay.addStretch(1)
        self.scroll = scroller(inner)
        outer.addWidget(self.scroll)

    def add_charts(self, source, trend_source) -> None:
        for kind, name in CHARTS:
            self.charts[kind] = ChartView(kind, name, source)
        self._arrange_charts(False)
        self.trend_chart = ChartView("trend", "chart.trend", trend_source)
        self.trend_slot.addWidget(self.trend_chart)

    def _arrange_charts(self, presentation: bool) -> None:
        """Side by side on a screen; one under another, enlarged, on a projector."""
        g = self.chart_grid
        for view in self.charts.values():
            g.removeWidget(view)
            view.enlarge = presentation
        if presentation:
            for row, kind in enumerate(("radar", "gap_bars", "phase_progress", "nps_panel",
                                        "role_heatmap")):
                g.addWidget(self.charts[kind], row, 0, 1, 2)
        else:
            g.addWidget(self.charts["radar"], 0, 0, 2, 1)
            g.addWidget(self.charts["phase_progress"], 0, 1)
            g.addWidget(self.charts["nps_panel"], 1, 1)
            g.addWidget(self.charts["gap_bars"], 2, 0, 1, 2)
            g.addWidget(self.charts["role_heatmap"], 3, 0, 1, 2)
        g.setColumnStretch(0, 1)
        g.setColumnStretch(1, 1)

    def set_presentation(self, on: bool) -> None:
        """On a projector: the figures, the gating and the charts; the detail stays behind."""
        super().set_presentation(on)
        for w in (self.done_box, self.table, self.table_hint, self.findings_box, self.segment_label, self.segment):
            w.setVisible(not on)
        self.segment_shown.setText(f"{self.segment_label.text()}: {self.segment.currentText()}")
        self.segment_shown.setVisible(on)
        # the charts come right after the figures; why this phase follows them
        lay = self.main_layout
        lay.removeWidget(self.gating_box)
        anchor = self.findings_box if on else self.table
        lay.insertWidget(lay.indexOf(anchor), self.gating_box)
        self._arrange_charts(on)
        self.trend_chart.enlarge = on

    def translateUI(self, lang: str) -> None:  # noqa: N802
        super().translateUI(lang)
        self.table.setHorizontalHeaderLabels([t(f"results.col.{c}", lang) for c in COLUMNS])
        self.trend_table.setHorizontalHeaderLabels([t(f"trend.col.{c}", lang) for c in TREND_COLUMNS])


class Controller(BaseController):
    def __init__(self, view: View, session: Any, ctx: Any) -> None:
        super().__init__(view, session, ctx)
        self._snapshot = None
        view.add_charts(self.chart_source, self.trend_source)
        v = view
        v.overall.explain.connect(self.explain_overall)
        v.phase.explain.connect(self.explain_phase)
        v.completion.explain.connect(self.explain_completion)
        v.nps.explain.connect(self.explain_nps)
        v.table.itemActivated.connect(lambda item: self.explain_dimension(item.row()))
        v.table.cellClicked.connect(lambda row, _col: self.explain_dimension(row))
        v.segment.activated.connect(self._segment_chosen)
        session.segment_id = ctx.settings.get("results/segment")
        session.pack_id = ctx.settings.get("results/pack")
        session.benchmarkChanged.connect(self.mark_stale)
        v.blockers.clicked.connect(lambda pid: ctx.navigate("walk", practice=pid))
        session.resultsChanged.connect(self._results_changed)
        session.assessmentOpened.connect(self._results_changed)

    def _segment_chosen(self, index: int) -> None:
        segment = self.view.segment.itemData(index) or ""
        pack = self.view.segment.itemData(index, PACK_ROLE) or ""
        self.ctx.settings.set("results/segment", segment)
        self.ctx.settings.set("results/pack", pack)
        self.session.set_segment(segment, pack)

    def _results_changed(self) -> None:
        self._snapshot = None
        self.mark_stale()

    def chart_source(self) -> tuple | None:
        s = self.session
        if not s.is_open:
            return None
        if self._snapshot is None:  # the charts' workers read a private copy
            self._snapshot = s.results_snapshot()
        theme = chart_theme(self.ctx.settings.get("branding/accent"))
        return self._snapshot, self.lang, theme

    def trend_source(self) -> tuple | None:
        s = self.session
        trend = s.trend() if s.is_open else None
        if trend is None:
            return None
        theme = chart_theme(self.ctx.settings.get("branding/accent"))
        return (s.framework, trend), self.lang, theme

    def refresh(self) -> None:
        from cemassess.explain import band_note, headline

        s, v, lang = self.session, self.view, self.lang
        if not s.is_open:
            return
        res = s.results()
        fw, a = s.framework, s.assessment
        v.title.setText(t("results.title", lang, company=a.company.name or a.title or a.id))
        ov = res.overall
        v.overall.setText(num(ov.score, lang, 1, none="—"))
        v.overall.setAccessibleName(t("results.overall_name", lang, value=v.overall.text()))
        # no headline below the coverage floor: "not enough answers (n of N)" instead
        band_text = ov.band.name(lang) if ov.band else t("not_scored", lang)
        if ov.score is None and ov.withheld:
            band_text = headline(ov, lang)
        elif band_note(ov, lang):
            band_text += "\n" + band_note(ov, lang)
        v.overall_band.setText(band_text)
        accent = chart_theme(self.ctx.settings.get("branding/accent")).accent  # the charts' own
        v.overall_scale.set_score(ov.score, [b.min_score for b in fw.bands], accent)
        ph = res.phase
        v.phase_strip.set_phases([(st.number, st.progress, "attained" if st.number <= ph.attained
                                   else "current" if st.number == ph.current else "ahead")
                                  for st in ph.phases], accent)
        v.phase.setText(f"{t('phase', lang)} {ph.current}")
        title = fw.phase(ph.current).title(lang)
        v.phase.setAccessibleName(t("results.phase_name", lang, value=f"{ph.current}. {title}"))
        v.phase_sub.setText(title + "\n" + t("results.phase_sub", lang, attained=ph.attained,
                                                pct=pct(ph.progress, lang)))
        c = res.completion
        v.completion.setText(f"{c.answered}/{c.total}")
        v.completion.setAccessibleName(t("results.completion_name", lang, value=v.completion.text()))
        v.completion_meter.set_share(c.answered / c.total if c.total else 0.0,
                                     style.ink().accent if c.answered >= c.total else style.status_colour("warn"))
        v.completion_sub.setText(t("results.completion_sub", lang, n=len(a.respondents),
                                   dk=len(res.knowledge_gaps), review=len(res.for_review)))
        if res.nps is not None:
            v.nps.setText(f"{res.nps.score:+.0f}")
            v.nps_sub.setText(t("results.nps_sub", lang, n=res.nps.n))
        else:
            v.nps.setText("—")
            v.nps_sub.setText(t("metrics.no_nps", lang))
        v.nps.setAccessibleName(t("results.nps_name", lang, value=v.nps.text()))
        self._fill_segments(res)
        self._fill_gating(res)
        self._fill_table(res)
        self._fill_trend()
        self._fill_findings(res)
        for chart in v.charts.values():
            chart.invalidate()

    def _fill_segments(self, res: Any) -> None:
        """Every segment of every pack: the shipped one, then the shelf's (imported, built from
        the portfolio, saved from an event). Only illustrative packs carry that label."""
        s, v, lang = self.session, self.view, self.lang
        v.segment.clear()
        if res.benchmark is None:
            v.segment.addItem(t("results.no_benchmark", lang), "")
            v.segment.setEnabled(False)
            v.illustrative.show_text("")
            v.segment_shown.setText(f"{v.segment_label.text()}: {v.segment.currentText()}")
            return
        v.segment.setEnabled(True)
        shipped = s.shipped_benchmarks
        chosen = res.benchmark.pack
        current = 0
        for pack in s.packs():
            title = pack_title(pack, lang)
            key = "results.segment_item_illustrative" if pack.illustrative else "results.segment_item"
            pack_key = "" if pack is shipped else pack.id
            for seg in pack.segments:
                from cemassess.domain.benchmark import MIN_N

                label = t(key, lang, segment=segment_title(seg, lang), n=seg.n, pack=title)
                if seg.n < MIN_N:  # why every column would show "—": said in the list itself
                    label += " — " + t("results.segment_too_small", lang, n=seg.n, min=MIN_N)
                v.segment.addItem(label, seg.id)
                v.segment.setItemData(v.segment.count() - 1, pack_key, PACK_ROLE)
                if pack.id == chosen.id and seg.id == res.benchmark.segment.id:
                    current = v.segment.count() - 1
        v.segment.setCurrentIndex(current)
        v.segment_shown.setText(f"{v.segment_label.text()}: {v.segment.currentText()}")
        title = pack_title(chosen, lang)
        v.illustrative.show_text(t("results.illustrative", lang, pack=title) if chosen.illustrative else "")
        v.illustrative.setToolTip(pack_source(chosen, lang))

    def _fill_trend(self) -> None:
        """A re-assessment: the change since the assessment before, dimension by dimension."""
        s, v, lang = self.session, self.view, self.lang
        trend = s.trend()
        v.trend_box.setVisible(trend is not None)
        if trend is None:
            return
        fw = s.framework
        n = len(trend.dates)
        v.trend_intro.setText(t("results.trend_intro", lang, n=n, before=date_text(trend.dates[-2], lang, "medium"),
                                dates=", ".join(date_text(d, lang, "medium") for d in trend.dates)))
        table = v.trend_table
        table.setRowCount(len(trend.changes))
        for i, c in enumerate(trend.changes):
            cells = (fw.dimensions_by_id[c.dimension_id].title(lang),
                     num(c.before, lang, 1, none="—"),
                     num(c.after, lang, 1, none="—"),
                     num(c.delta, lang, 1, sign=True, none="—"),
                     t(f"trend.{c.direction}", lang))
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if j == 4 and c.direction in ("up", "down"):
                    item.setForeground(style.status_brush("good" if c.direction == "up" else "bad"))
                table.setItem(i, j, item)
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        h = table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(h + 4)
        v.trend_chart.invalidate()

    def _fill_gating(self, res: Any) -> None:
        from cemassess.explain import blocker_text, explain_phase

        fw, lang = self.session.framework, self.lang
        lines = explain_phase(fw, res.phase, res.practices, lang)
        head = [ln for ln in lines if not ln.startswith("  ")]
        self.view.gating.setText("\n".join(head))
        # a metric or the share of N/A is said in the text; practices are links to the walk
        head += [blocker_text(fw, b, lang) for b in res.phase.blocking if not b.practice_id]
        self.view.gating.setText("\n".join(head))
        links = [(b.practice_id, blocker_text(fw, b, lang)) for b in res.phase.blocking if b.practice_id]
        self.view.blockers.set_links(links[:12])

    def _fill_table(self, res: Any) -> None:
        from cemassess.explain import dimension_cell

        fw, lang, table = self.session.framework, self.lang, self.view.table
        accent = chart_theme(self.ctx.settings.get("branding/accent")).accent
        table.setRowCount(len(fw.dimensions))
        bench = res.benchmark
        for i, d in enumerate(fw.dimensions):
            ds = res.dimensions[d.id]
            cmp = bench.comparisons.get(d.id) if bench else None
            shown = cmp is not None and cmp.shown
            cells = (f"{i + 1}. {d.title(lang)}",
                     num(ds.score, lang, 1, none="—"),
                     ds.band.name(lang) if ds.band else dimension_cell(ds, lang),
                     f"{cmp.median:.0f}" if shown else "—",
                     f"{cmp.p90:.0f}" if shown else "—",
                     f"{cmp.percentile:.0f}" if shown and cmp.percentile is not None else "—",
                     pct(ds.coverage, lang))
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, d.id)
                if j:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if j == 1 and ds.score is not None:  # the score in the heatmap's colour for it
                    style.colour_cell(item, style.band_colour(ds.score, accent))
                table.setItem(i, j, item)
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        h = table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(h + 4)

    def _fill_findings(self, res: Any) -> None:
        from cemassess.explain import check_status
        from cemassess.i18n import role_name

        fw, lang = self.session.framework, self.lang
        out = []
        for cr in res.checks:
            if cr.fired:
                out.append(f"• {t(f'check.kind.{cr.check.kind}', lang)}: {cr.check.title(lang)} "
                           f"({check_status(cr, lang)}) — {cr.check.finding(lang)}")
        for g in res.dimension_gaps[:5]:
            out.append("• " + t("results.gap_line", lang, dim=fw.dimensions_by_id[g.dimension_id].title(lang),
                                high=role_name(g.high.value, lang), low=role_name(g.low.value, lang),
                                gap=num(g.gap, lang, 1)))
        if res.knowledge_gaps:
            out.append("• " + t("results.dk_line", lang, n=len(res.knowledge_gaps)))
        if res.for_review:
            out.append("• " + t("results.review_line", lang, n=len(res.for_review)))
        self.view.findings.setText("\n".join(out) or t("results.no_findings", lang))

    # -- "how this was computed" -------------------------------------------------------------
    def _explain(self, title: str, lines: list[str]) -> None:
        widgets.show_explanation(self.view, title, lines, self.lang)

    def explain_overall(self) -> None:
        from cemassess.explain import explain_overall, method_lines

        s = self.session
        res = s.results()
        self._explain(t("overall", self.lang),
                      explain_overall(s.framework, res.overall, self.lang) + [""]
                      + method_lines(self.lang, res.roadmap.now_max, s.framework))

    def explain_phase(self) -> None:
        from cemassess.explain import explain_phase

        s = self.session
        res = s.results()
        self._explain(t("current_phase", self.lang),
                      explain_phase(s.framework, res.phase, res.practices, self.lang))

    def explain_completion(self) -> None:
        s, lang = self.session, self.lang
        res = s.results()
        from cemassess.explain import dimension_cell, withheld_lines

        lines = [t("results.completion_expl", lang)] + withheld_lines(res.overall, lang)
        for d in s.framework.dimensions:
            n, total = res.completion.by_dimension[d.id]
            ds = res.dimensions[d.id]
            lines.append(f"  {d.title(lang)}: {n}/{total}" + (f" — {dimension_cell(ds, lang)}" if ds.withheld else ""))
        self._explain(t("results.completion", lang), lines)

    def explain_nps(self) -> None:
        from cemassess.explain import nps_comparisons

        s, lang = self.session, self.lang
        nps = s.results().nps
        lines = [t("results.nps_method", lang)]
        if nps is not None:
            lines.append(t("results.nps_calc", lang, n=nps.n, pro=nps.promoters, pas=nps.passives,
                           det=nps.detractors, ppro=pct(nps.pct_promoters / 100, lang, 1),
                           pdet=pct(nps.pct_detractors / 100, lang, 1), score=num(nps.score, lang, 1, sign=True)))
        lines.append("")
        lines.append(t("results.nps_published", lang))
        lines += ["  " + x for x in nps_comparisons(nps.score if nps is not None else None, lang)]
        self._explain(t("nps", lang), lines)

    def explain_dimension(self, row: int) -> None:
        from cemassess.explain import explain_dimension, explain_percentile, explain_target

        s, lang = self.session, self.lang
        fw = s.framework
        if not 0 <= row < len(fw.dimensions):
            return
        d = fw.dimensions[row]
        res = s.results()
        lines = explain_dimension(fw, res.dimensions[d.id], lang)
        b = res.benchmark
        if b is not None:
            c = b.comparisons.get(d.id)
            title = pack_title(b.pack, lang)
            lines += ["", t("results.bench_head", lang, segment=segment_title(b.segment, lang), pack=title)]
            if c is not None and c.shown:
                lines.append(t("results.bench_line", lang, n=c.n, p10=f"{c.p10:.0f}", med=f"{c.median:.0f}",
                               p75=f"{c.p75:.0f}", p90=f"{c.p90:.0f}",
                               pct=f"{c.percentile:.0f}" if c.percentile is not None else "—"))
                if c.percentile is not None:
                    lines.append("  " + explain_percentile(c, segment_title(b.segment, lang), lang))
            else:
                lines.append("  " + t("too_few", lang))
            if b.pack.illustrative:
                lines.append("  " + t("illustrative", lang))
        target = res.roadmap.targets.get(d.id)
        if target is not None:
            lines += ["", t("results.target", lang, target=f"{target:.0f}"),
                      explain_target(d.id, target, s.assessment.targets.overrides, lang)]
        self._explain(d.title(lang), lines)

    def go_to(self, **where: Any) -> None:
        self.refresh_if_stale()
