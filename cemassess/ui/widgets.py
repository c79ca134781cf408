"""Small shared widgets and the retranslation binder (the translateUI() plumbing)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from cemassess.ui.strings import t


@dataclass
class _Binding:
    widget: QWidget
    text: str | None
    name: str | None
    tip: str | None
    placeholder: str | None
    fmt: dict


class Binder:
    """Remembers which catalogue keys a view's widgets show, so translateUI() is one call.

    `name` defaults to `text`: every bound control gets an accessible name in the current
    language.
    """

    def __init__(self) -> None:
        self._items: list[_Binding] = []

    def bind(self, widget: QWidget, text: str | None = None, *, name: str | None = None,
             tip: str | None = None, placeholder: str | None = None, **fmt: object) -> QWidget:
        self._items.append(_Binding(widget, text, name or text, tip, placeholder, dict(fmt)))
        return widget

    def apply(self, lang: str) -> None:
        for b in self._items:
            w = b.widget
            if b.text is not None and hasattr(w, "setText"):
                w.setText(t(b.text, lang, **b.fmt))
            elif b.text is not None and hasattr(w, "setTitle"):
                w.setTitle(t(b.text, lang, **b.fmt))
            if b.name is not None:
                w.setAccessibleName(t(b.name, lang, **b.fmt).replace("&", ""))
            if b.tip is not None:
                w.setToolTip(t(b.tip, lang, **b.fmt))
            if b.placeholder is not None and isinstance(w, QLineEdit | QPlainTextEdit):
                w.setPlaceholderText(t(b.placeholder, lang, **b.fmt))


def discard(w: QWidget) -> None:
    """Take a widget out of sight now and delete it later (deleteLater alone leaves it
    painted until the event loop runs, which scripts and tests may never reach)."""
    w.hide()
    w.setParent(None)
    w.deleteLater()


def wrap_label(text: str = "", *, selectable: bool = False, bold: bool = False) -> QLabel:
    """Plain text that wraps. Colours and frames come from cemassess/ui/style.py, never here."""
    lab = QLabel(text)
    lab.setWordWrap(True)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    if selectable:
        lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold:
        f = lab.font()
        f.setBold(True)
        lab.setFont(f)
    return lab


def hint_label(text: str = "", *, margin: int = 0) -> QLabel:
    """A help line: the screens' stylesheet gives it the muted colour (cemassess/ui/style.py)."""
    lab = wrap_label(text)
    lab.setObjectName("hint")
    if margin:
        lab.setMargin(margin)
    return lab


def error_label(text: str = "") -> QLabel:
    """A form's error line, in a red that reads on the palette in use."""
    from cemassess.ui import style

    return style.coloured(wrap_label(text), style.status_colour("bad"))


def heading(text: str = "", size: float = 1.35) -> QLabel:
    lab = wrap_label(text)
    lab.setObjectName("heading")  # presentation mode enlarges headings by this name
    f = lab.font()
    f.setPointSizeF(f.pointSizeF() * size)
    f.setBold(True)
    lab.setFont(f)
    return lab


class NumberButton(QPushButton):
    """A figure that opens its "how this was computed": focusable, accessible, clickable."""

    explain = Signal()

    def __init__(self, parent: QWidget | None = None, size: float = 1.0) -> None:
        super().__init__(parent)
        self.setObjectName("number")
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)  # a figure on a tile, not a link (ui/style.py)
        if size != 1.0:
            f = self.font()
            f.setPointSizeF(f.pointSizeF() * size)
            f.setBold(True)
            self.setFont(f)
        self.clicked.connect(self.explain)


class LinkLabel(QLabel):
    """A link that wraps long text (a practice statement): focusable, Enter/Space/click."""

    activated = Signal()

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setObjectName("link")  # the accent, a frame with the keyboard (ui/style.py)
        self.setAccessibleName(text)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            return
        super().keyPressEvent(event)


class Banner(QFrame):
    """A coloured one-line notice (read-only portfolio, illustrative benchmarks...)."""

    def __init__(self, kind: str = "info", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from cemassess.ui import style

        self.setStyleSheet(style.banner_css(kind))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        self.label = wrap_label()
        lay.addWidget(self.label)
        self.hide()

    def show_text(self, text: str) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)
        self.setVisible(bool(text))


class ExplainDialog(QDialog):
    """"How this was computed": plain lines from cemassess.explain, selectable."""

    def __init__(self, title: str, lines: Iterable[str], lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        from cemassess.ui import style

        style.dialog(self)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(title, 1.15))
        text = QPlainTextEdit("\n".join(lines))
        text.setReadOnly(True)
        text.setAccessibleName(t("explain.text", lang))
        text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        lay.addWidget(text)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        box.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(t("close", lang))
        box.button(QDialogButtonBox.StandardButton.Close).setText(t("close", lang))
        lay.addWidget(box)
        self.resize(780, 480)


class ReportDialog(QDialog):
    """One line per file of an import: accepted (what it became) or refused (why)."""

    def __init__(self, title: str, summary: str, rows: list[tuple[str, bool, str]], lang: str,
                 parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

        super().__init__(parent)
        from cemassess.ui import style

        style.dialog(self)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(title, 1.15))
        self.summary = wrap_label(summary)
        lay.addWidget(self.summary)
        self.table = QTableWidget(len(rows), 3)
        self.table.setAccessibleName(t("report.table", lang))
        self.table.setHorizontalHeaderLabels([t(f"report.col.{c}", lang) for c in ("file", "outcome", "why")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for i, (name, ok, why) in enumerate(rows):
            outcome = QTableWidgetItem(("✓ " if ok else "✗ ") + t("report.ok" if ok else "report.refused", lang))
            from cemassess.ui import style

            outcome.setForeground(style.status_brush("good" if ok else "bad"))
            for j, item in enumerate((QTableWidgetItem(name), outcome, QTableWidgetItem(why))):
                item.setToolTip(why if j == 2 else item.text())
                self.table.setItem(i, j, item)
        self.table.resizeRowsToContents()
        lay.addWidget(self.table, 1)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = box.button(QDialogButtonBox.StandardButton.Close)
        close.setText(t("close", lang))
        close.setAccessibleName(t("close", lang))
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        self.resize(900, max(280, min(640, 150 + 24 * len(rows))))


# Tests and the screenshot script replace this to look at an explanation without a modal loop.
def show_explanation(parent: QWidget, title: str, lines: Iterable[str], lang: str) -> QDialog:
    dlg = ExplainDialog(title, list(lines), lang, parent)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.open()
    return dlg


class _WrapDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the tree's current width."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802 (Qt)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self.tree.viewport().width() - self.tree.indentation() * (depth + 1) - 6
        rect = opt.fontMetrics.boundingRect(QRect(0, 0, max(60, width), 10_000),
                                            int(Qt.TextFlag.TextWordWrap), opt.text)
        return QSize(max(60, width), rect.height() + 6)


class ColumnWrapDelegate(QStyledItemDelegate):
    """Rows of a many-column tree as tall as their text wrapped in each column's width (Qt's
    own tree measures a row as if every column were one line)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802 (Qt)
        base = super().sizeHint(option, index)
        if self.tree.isFirstColumnSpanned(index.row(), index.parent()):
            return base  # a group heading across the whole row: one line
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        if not opt.text:
            return base
        width = self.tree.columnWidth(index.column()) - 8
        if index.column() == 0:
            width -= self.tree.indentation()
        if index.data(Qt.ItemDataRole.CheckStateRole) is not None:
            width -= 24
        rect = opt.fontMetrics.boundingRect(QRect(0, 0, max(40, width), 10_000),
                                            int(Qt.TextFlag.TextWordWrap), opt.text)
        return QSize(base.width(), max(base.height(), rect.height() + 6))


class IndustryBox(QComboBox):
    """The industry as the main app asks it: the benchmark's industries to choose from, or
    one's own words typed in. Reads and writes like a line edit (text(), setText(),
    editingFinished), the text being the industry's id when one of the list is chosen."""

    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lineEdit().editingFinished.connect(self.editingFinished)
        self.activated.connect(lambda _i: self.editingFinished.emit())

    def set_industries(self, industries: list[tuple[str, str]]) -> None:
        keep = self.text()
        self.blockSignals(True)
        self.clear()
        for ident, label in industries:
            self.addItem(label, ident)
        self.blockSignals(False)
        self.setText(keep)

    def text(self) -> str:
        i = self.findText(self.currentText().strip())
        return self.itemData(i) if i >= 0 else self.currentText().strip()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt)
        i = self.findData(text)
        if i >= 0:
            self.setCurrentIndex(i)
        else:
            self.setCurrentIndex(-1)
            self.setEditText(text)

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 (Qt)
        super().setAccessibleName(name)
        self.lineEdit().setAccessibleName(name)

    def setMaxLength(self, n: int) -> None:  # noqa: N802 (Qt)
        self.lineEdit().setMaxLength(n)

    def setPlaceholderText(self, text: str) -> None:  # noqa: N802 (Qt)
        self.lineEdit().setPlaceholderText(text)


class WrapTree(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(_WrapDelegate(self))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()


def interactive_widgets(root: QWidget) -> list[QWidget]:
    """Every control a user can operate under `root` (used by the accessibility test)."""
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QAbstractSlider,
        QAbstractSpinBox,
        QHeaderView,
        QScrollBar,
        QTabBar,
    )

    kinds = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox,
             QAbstractItemView, QAbstractSlider, QTabBar)
    out = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, kinds) and not isinstance(w, LinkLabel):
            continue
        if isinstance(w, QScrollBar | QHeaderView):  # parts of a view that has its own name
            continue
        if w.objectName().startswith("qt_") or type(w).__name__.startswith("Q") and \
                w.parent() is not None and type(w.parent()).__name__ in ("QComboBox", "QAbstractSpinBox"):
            continue
        out.append(w)
    return out

