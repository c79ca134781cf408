"""Settings: language (the app and the framework's content switch at once, nothing is
lost), the report's branding (consultant, logo, accent colour), the data folder and the
benchmark shelf (import a shared pack, build one from the portfolio)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cemassess.i18n import date_text, languages_menu
from cemassess.labels import pack_title
from cemassess.ui import dialogs
from cemassess.ui.screens.base import BaseController, BaseView
from cemassess.ui.strings import t
from cemassess.ui.widgets import heading, hint_label, wrap_label


class View(BaseView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        b = self.binder
        lay = QVBoxLayout(self)
        lay.addWidget(b.bind(heading(size=1.5), "screen.settings"))
        lang_box = b.bind(QGroupBox(), "settings.language")
        ll = QFormLayout(lang_box)
        self.language = b.bind(QComboBox(), name="settings.language")
        for code, name in languages_menu():
            self.language.addItem(name, code)
        ll.addRow(b.bind(wrap_label(), "settings.language"), self.language)
        ll.addRow(b.bind(hint_label(), "settings.language.hint"))
        lay.addWidget(lang_box)
        brand = b.bind(QGroupBox(), "settings.branding")
        bl = QFormLayout(brand)
        bl.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.consultant = b.bind(QLineEdit(), name="settings.consultant",
                                 placeholder="settings.consultant.hint")
        logo_row = QHBoxLayout()
        self.logo = b.bind(QLineEdit(), name="settings.logo")
        self.logo_btn = b.bind(QPushButton(), "settings.browse", name="settings.logo_browse")
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(self.logo_btn)
        accent_row = QHBoxLayout()
        self.accent = b.bind(QLineEdit(), name="settings.accent")
        self.accent.setInputMask("\\#HHHHHH")
        self.accent_btn = b.bind(QPushButton(), "settings.pick", name="settings.accent_pick")
        self.swatch = QWidget()
        self.swatch.setFixedSize(28, 20)
        accent_row.addWidget(self.accent, 1)
        accent_row.addWidget(self.swatch)
        accent_row.addWidget(self.accent_btn)
        bl.addRow(b.bind(wrap_label(), "settings.consultant"), self.consultant)
        bl.addRow(b.bind(wrap_label(), "settings.logo"), logo_row)
        bl.addRow(b.bind(wrap_label(), "settings.accent"), accent_row)
        self.now_max = b.bind(QSpinBox(), name="h11.settings.now_max")
        self.now_max.setRange(1, 50)
        bl.addRow(b.bind(wrap_label(), "h11.settings.now_max"), self.now_max)

        self.brand_note = hint_label()
        self.brand_note.setObjectName("settings.brand_note")
        bl.addRow(self.brand_note)
        lay.addWidget(brand)
        data = b.bind(QGroupBox(), "settings.data")
        dl = QFormLayout(data)
        dl.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        folder_row = QHBoxLayout()
        self.folder = b.bind(QLineEdit(), name="settings.folder", placeholder="settings.folder.default")
        self.folder_btn = b.bind(QPushButton(), "settings.browse", name="settings.folder_browse")
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.folder_btn)
        dl.addRow(b.bind(wrap_label(), "settings.folder"), folder_row)
        self.folder_now = hint_label()
        dl.addRow(self.folder_now)
        dl.addRow(b.bind(hint_label(), "settings.folder.hint"))
        lay.addWidget(data)
        bench = b.bind(QGroupBox(), "settings.benchmarks")
        bnl = QVBoxLayout(bench)
        bnl.addWidget(b.bind(hint_label(), "settings.benchmarks.hint"))
        self.packs = wrap_label(selectable=True)
        bnl.addWidget(self.packs)
        brow = QHBoxLayout()
        self.import_pack = b.bind(QPushButton(), "bench.import_btn", name="bench.import")
        self.build_pack = b.bind(QPushButton(), "bench.build_btn", name="bench.build",
                                 tip="bench.build.tip")
        brow.addWidget(self.import_pack)
        brow.addWidget(self.build_pack)
        brow.addStretch(1)
        bnl.addLayout(brow)
        lay.addWidget(bench)
        self.config_path = hint_label()
        lay.addWidget(self.config_path)
        lay.addStretch(1)

    def show_swatch(self, colour: str) -> None:
        from cemassess.ui import style

        self.swatch.setStyleSheet(style.swatch_css(colour))


class Controller(BaseController):
    def __init__(self, view: View, session: Any, ctx: Any) -> None:
        super().__init__(view, session, ctx)
        v, st = view, ctx.settings
        v.language.setCurrentIndex(max(0, v.language.findData(session.lang)))
        v.consultant.setText(st.get("branding/consultant"))
        v.logo.setText(st.get("branding/logo"))
        v.accent.setText(st.get("branding/accent"))
        v.show_swatch(st.get("branding/accent"))
        v.folder.setText(st.get("data/folder"))
        v.now_max.setValue(st.get("roadmap/now_max"))
        v.now_max.valueChanged.connect(self._now_max)
        v.language.activated.connect(lambda i: self.set_language(v.language.itemData(i)))
        v.consultant.editingFinished.connect(lambda: self._save("branding/consultant", v.consultant.text().strip()))
        v.logo.editingFinished.connect(lambda: self._logo_given(v.logo.text().strip()))
        v.accent.editingFinished.connect(self._accent_typed)
        v.accent_btn.clicked.connect(self.pick_accent)
        v.logo_btn.clicked.connect(self.pick_logo)
        v.folder.editingFinished.connect(lambda: self._save("data/folder", v.folder.text().strip()))
        v.folder_btn.clicked.connect(self.pick_folder)
        session.languageChanged.connect(
            lambda lang: v.language.setCurrentIndex(max(0, v.language.findData(lang))))
        v.import_pack.clicked.connect(lambda: self._workshop("import_pack"))
        v.build_pack.clicked.connect(lambda: self._workshop("build_pack"))
        session.benchmarkChanged.connect(self.mark_stale)

    def _workshop(self, action: str) -> None:
        workshop = self.ctx.extras.get("workshop")
        if workshop is not None:
            getattr(workshop, action)()

    def refresh(self) -> None:
        p = self.session.portfolio
        self.view.folder_now.setText(t("settings.folder.now", self.lang,
                                       folder=str(getattr(p, "root", "") or "")))
        self.view.config_path.setText(t("settings.stored_in", self.lang, path=str(self.ctx.settings.path)))
        lines = []
        for pack in self.session.packs():
            title = pack_title(pack, self.lang)
            kind = t("bench.illustrative" if pack.illustrative else "bench.measured", self.lang)
            lines.append(t("settings.pack_line", self.lang, title=title, kind=kind, n=len(pack.segments),
                           date=date_text(pack.created, self.lang, "medium")))
        self.view.packs.setText("\n".join(lines) or t("results.no_benchmark", self.lang))
        ro = self.session.read_only
        self.view.import_pack.setEnabled(not ro)
        self.view.build_pack.setEnabled(not ro)

    def _save(self, key: str, value: str) -> None:
        self.ctx.settings.set(key, value)
        self.ctx.settings.sync()

    def _now_max(self, n: int) -> None:
        self.ctx.settings.set("roadmap/now_max", int(n))
        self.ctx.settings.sync()
        if hasattr(self.session, "set_now_max"):
            self.session.set_now_max(int(n))

    def set_language(self, lang: str) -> None:
        self._save("ui/language", lang)
        self.session.set_language(lang)

    def _accent_typed(self) -> None:
        from cemassess.report.palette import MIN_CONTRAST, contrast, readable

        text = self.view.accent.text()
        if QColor(text).isValid() and len(text) == 7:
            self.view.brand_note.setText("")
            if contrast(text) < MIN_CONTRAST:  # headings and figures in it would be hard to read
                fixed = readable(text)
                self.view.brand_note.setText(t("settings.accent_adjusted", self.lang, given=text, used=fixed,
                                               ratio=f"{contrast(text):.1f}"))
                text = fixed
                self.view.accent.setText(text)
            self._save("branding/accent", text)
            self.view.show_swatch(text)
            self.session.benchmarkChanged.emit()  # charts pick up the colour on their next draw
            self.session.resultsChanged.emit()

    def pick_accent(self) -> None:
        c = QColorDialog.getColor(QColor(self.view.accent.text()), self.view, t("settings.accent", self.lang))
        if c.isValid():
            self.view.accent.setText(c.name())
            self._accent_typed()

    def _logo_given(self, text: str) -> None:
        """Keep a logo only if it is a readable image; say why otherwise."""
        from cemassess.report.theme import logo_problem

        self.view.brand_note.setText("")
        if text and logo_problem(Path(text)) is not None:
            self.view.brand_note.setText(t("settings.logo_refused", self.lang, path=text))
            return
        self._save("branding/logo", text)

    def pick_logo(self) -> None:
        path = dialogs.choose_image(self.view, t("settings.logo", self.lang))
        if path is not None:
            self.view.logo.setText(str(path))
            self._logo_given(str(path))

    def pick_folder(self) -> None:
        start = self.view.folder.text() or str(Path.home())
        path = dialogs.choose_folder(self.view, t("settings.folder", self.lang), start)
        if path is not None:
            self.view.folder.setText(str(path))
            self._save("data/folder", str(path))
