"""Metrics in the walk-through: NPS (counts of each answer 0..10, or the shares of
promoters, passives and detractors), retention and churn. The page (view) and its
controller, which saves every edit through the session."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cemassess.i18n import pct
from cemassess.ui.screens.walk_pages import scroller
from cemassess.ui.strings import t
from cemassess.ui.widgets import Binder, heading, hint_label, wrap_label


def _percent_box() -> QDoubleSpinBox:
    s = QDoubleSpinBox()
    s.setRange(-1, 100)
    s.setDecimals(1)
    s.setSingleStep(1)
    s.setSuffix(" %")
    s.setSpecialValueText("—")  # -1: not known
    s.setValue(-1)
    return s


class MetricsPage(QWidget):
    """NPS (counts per answer 0..10, or a distribution), retention and churn."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.binder = b = Binder()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        inner = QWidget()
        lay = QVBoxLayout(inner)
        self.title = b.bind(heading(size=1.4), "walk.metrics")
        lay.addWidget(self.title)
        self.intro = b.bind(wrap_label(), "metrics.intro")
        lay.addWidget(self.intro)
        self.nps_box = b.bind(QGroupBox(), "nps")
        nl = QVBoxLayout(self.nps_box)
        mode_row = QHBoxLayout()
        self.mode_label = b.bind(QLabel(), "metrics.mode")
        self.mode = b.bind(QComboBox(), name="metrics.mode")
        self.mode_label.setBuddy(self.mode)
        mode_row.addWidget(self.mode_label)
        mode_row.addWidget(self.mode, 1)
        nl.addLayout(mode_row)
        self.stack = QStackedWidget()
        counts = QWidget()
        grid = QGridLayout(counts)
        self.counts: list[QSpinBox] = []
        for i in range(11):
            lab = QLabel(str(i))
            lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box = QSpinBox()
            box.setRange(0, 10_000_000)
            b.bind(box, name="metrics.count", n=i)
            lab.setBuddy(box)
            row, col = (0, i) if i < 6 else (2, i - 6)  # two rows: 0-5 and 6-10
            grid.addWidget(lab, row, col)
            grid.addWidget(box, row + 1, col)
            self.counts.append(box)
        grid.setRowStretch(4, 1)
        self.stack.addWidget(counts)
        dist = QWidget()
        form = QFormLayout(dist)
        self.dist_n = QSpinBox()
        self.dist_n.setRange(0, 10_000_000)
        self.dist_pro = QDoubleSpinBox()
        self.dist_pas = QDoubleSpinBox()
        self.dist_det = QDoubleSpinBox()
        for w in (self.dist_pro, self.dist_pas, self.dist_det):
            w.setRange(0, 100)
            w.setDecimals(1)
            w.setSuffix(" %")
        self.dist_labels = []
        for key, w in (("metrics.n", self.dist_n), ("metrics.promoters", self.dist_pro),
                       ("metrics.passives", self.dist_pas), ("metrics.detractors", self.dist_det)):
            lab = b.bind(QLabel(), key)
            b.bind(w, name=key)
            lab.setBuddy(w)
            form.addRow(lab, w)
        self.dist_apply = b.bind(QPushButton(), "metrics.apply_dist")
        form.addRow(self.dist_apply)
        self.stack.addWidget(dist)
        nl.addWidget(self.stack)
        src = QFormLayout()
        self.nps_period = b.bind(QLineEdit(), name="metrics.nps_period")
        self.nps_source = b.bind(QLineEdit(), name="metrics.nps_source")
        self.nps_period_l = b.bind(QLabel(), "metrics.nps_period")
        self.nps_source_l = b.bind(QLabel(), "metrics.nps_source")
        src.addRow(self.nps_period_l, self.nps_period)
        src.addRow(self.nps_source_l, self.nps_source)
        nl.addLayout(src)
        self.nps_result = wrap_label()
        nl.addWidget(self.nps_result)
        lay.addWidget(self.nps_box)
        other = QGroupBox()
        b.bind(other, "metrics.other")
        of = QFormLayout(other)
        self.retention = b.bind(_percent_box(), name="retention_rate")
        self.churn = b.bind(_percent_box(), name="churn_rate")
        self.period = b.bind(QLineEdit(), name="metrics.period")
        for key, w in (("retention_rate", self.retention), ("churn_rate", self.churn),
                       ("metrics.period", self.period)):
            lab = b.bind(QLabel(), key)
            lab.setBuddy(w)
            of.addRow(lab, w)
        self.unknown_hint = b.bind(hint_label(), "metrics.unknown_hint")
        of.addRow(self.unknown_hint)
        lay.addWidget(other)
        lay.addStretch(1)
        outer.addWidget(scroller(inner))

    simple = False

    def set_simple(self) -> None:
        """Participant mode: NPS as how many customers answered and the shares of promoters,
        passives and detractors, saved as typed (no eleven counts, no mode to pick)."""
        self.simple = True
        for w in (self.mode_label, self.mode, self.dist_apply):
            w.hide()
        self.mode.setCurrentIndex(1)
        self.stack.setCurrentIndex(1)

    def translateUI(self, lang: str) -> None:  # noqa: N802
        self.binder.apply(lang)
        i = max(0, self.mode.currentIndex())
        self.mode.blockSignals(True)
        self.mode.clear()
        self.mode.addItem(t("metrics.mode.counts", lang))
        self.mode.addItem(t("metrics.mode.dist", lang))
        self.mode.setCurrentIndex(i)
        self.mode.blockSignals(False)


class MetricsController:
    """Fills the metrics page from the assessment and saves edits through the session."""

    def __init__(self, page: MetricsPage, session: Any) -> None:
        self.page, self.session = page, session
        self._loading = False
        for box in page.counts:
            box.editingFinished.connect(self.save)
        for w in (page.retention, page.churn):
            w.editingFinished.connect(self.save)
        for w in (page.nps_period, page.nps_source, page.period):
            w.editingFinished.connect(self.save)
        page.mode.currentIndexChanged.connect(page.stack.setCurrentIndex)
        page.dist_apply.clicked.connect(self.apply_distribution)
        for w in (page.dist_n, page.dist_pro, page.dist_pas, page.dist_det):
            w.editingFinished.connect(lambda: self.apply_distribution() if page.simple else None)
        session.metricsChanged.connect(self.load)
        session.resultsChanged.connect(self._show_nps)

    def load(self) -> None:
        s, p = self.session, self.page
        if not s.is_open:
            return
        self._loading = True
        m = s.assessment.metrics
        counts = m.nps.counts if m.nps else [0] * 11
        for box, c in zip(p.counts, counts, strict=True):
            box.setValue(c)
        if p.simple:  # the shares the participant typed, read back from the counts
            n = sum(counts)
            p.dist_n.setValue(n)
            for w, part in ((p.dist_pro, counts[9:]), (p.dist_pas, counts[7:9]), (p.dist_det, counts[:7])):
                w.setValue(100 * sum(part) / n if n else 0)
        p.nps_period.setText(m.nps.period if m.nps else "")
        p.nps_source.setText(m.nps.source if m.nps else "")
        p.retention.setValue(m.retention_rate if m.retention_rate is not None else -1)
        p.churn.setValue(m.churn_rate if m.churn_rate is not None else -1)
        p.period.setText(m.period)
        for w in (p.retention, p.churn, p.period, *p.counts, p.nps_period, p.nps_source):
            w.setEnabled(not s.read_only)
        self._loading = False
        self._show_nps()

    def _show_nps(self) -> None:
        s, lang = self.session, self.session.lang
        if not s.is_open or not self.page.isVisible():
            return
        nps = s.results().nps
        if nps is None:
            self.page.nps_result.setText(t("metrics.no_nps", lang))
        else:
            self.page.nps_result.setText(t("metrics.nps_result", lang, score=f"{nps.score:+.0f}", n=nps.n,
                                           pro=pct(nps.pct_promoters / 100, lang),
                                           pas=pct(nps.pct_passives / 100, lang),
                                           det=pct(nps.pct_detractors / 100, lang)))

    def _form(self):
        from cemassess.domain.assessment import Metrics, Nps

        p = self.page
        counts = [b.value() for b in p.counts]
        nps = Nps(counts=counts, period=p.nps_period.text().strip(), source=p.nps_source.text().strip()) \
            if sum(counts) > 0 else None
        pct = lambda w: None if w.value() < 0 else float(w.value())  # noqa: E731
        return Metrics(nps=nps, retention_rate=pct(p.retention), churn_rate=pct(p.churn),
                       period=p.period.text().strip())

    def save(self) -> None:
        if self._loading or not self.session.is_open:
            return
        new = self._form()
        if new != self.session.assessment.metrics:
            self.session.set_metrics(new)

    def apply_distribution(self) -> None:
        """A distribution (n and shares) becomes counts at 6, 8 and 10: NPS needs only the groups."""
        p = self.page
        n = p.dist_n.value()
        pro = round(n * p.dist_pro.value() / 100)
        det = round(n * p.dist_det.value() / 100)
        pas = max(0, n - pro - det)
        counts = [0] * 11
        counts[6], counts[8], counts[10] = det, pas, pro
        self._loading = True
        for box, c in zip(p.counts, counts, strict=True):
            box.setValue(c)
        self._loading = False
        self.save()
        if not p.simple:
            p.mode.setCurrentIndex(0)
