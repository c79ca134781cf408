"""One practice on a dimension page: its statement, the five anchored levels with their
descriptions, N/A, "don't know", a comment and a review flag.

Keys (anywhere in the card except the comment box): 1-5 choose a level, N not applicable,
D don't know, 0/Backspace/Delete clear; each answers and moves on. Enter and Down move to
the next practice, Up to the previous one; Home and End to the first and last practice of
the page, Page Up and Page Down to the previous and next dimension. A key acts only on the
card that has the keyboard focus (drawn with a thick highlighted frame), and never while a
text field has it: typing "n" in a comment writes an n. Enter or Esc in the comment gives
the focus back to the card.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from cemassess.ui.strings import t
from cemassess.ui.widgets import wrap_label

VALUES: tuple[Any, ...] = (1, 2, 3, 4, 5, "na", "dk")
KEY_VALUES = {Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3, Qt.Key.Key_4: 4, Qt.Key.Key_5: 5,
              Qt.Key.Key_N: "na", Qt.Key.Key_D: "dk"}
CLEAR_KEYS = (Qt.Key.Key_0, Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
NEXT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down)
JUMP_KEYS = {Qt.Key.Key_Home: "first", Qt.Key.Key_End: "last", Qt.Key.Key_PageUp: "prev_dim",
             Qt.Key.Key_PageDown: "next_dim"}
TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)


def value_text(value: Any, lang: str) -> str:
    """An answer as the status bar and the consensus lists say it."""
    if value is None:
        return t("card.cleared", lang)
    return str(value) if isinstance(value, int) else t(f"card.{value}", lang)


class _ClickLabel(QLabel):
    """An anchor's description: clicking it picks its level."""

    clicked = Signal()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt)
        self.clicked.emit()
        super().mousePressEvent(event)


class PracticeCard(QFrame):
    valueChosen = Signal(str, object, bool)  # practice id, value (None = clear), move on
    commentEdited = Signal(str, str)  # editing finished (focus left, Enter)
    commentTyped = Signal(str, str)  # every key: the session saves it debounced
    reviewToggled = Signal(str, bool)
    move = Signal(str, int)  # practice id, +1 next / -1 previous
    jump = Signal(str, str)  # practice id, "first" / "last" / "prev_dim" / "next_dim"

    def __init__(self, number: str, practice: Any, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.practice = practice
        self.pid = practice.id
        self.number = number
        self.lang = lang
        self.consensus = False
        self._value: Any = None  # the answer shown (a phase-1 N/A asks for its reason)
        self.setObjectName("practiceCard")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setProperty("current", False)
        self.setProperty("focused", False)
        from cemassess.ui.style import practice_card_css

        self.setStyleSheet(practice_card_css())
        lay = QVBoxLayout(self)
        lay.setSpacing(4)
        head = QHBoxLayout()
        self.statement = wrap_label()
        f = self.statement.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.08)
        self.statement.setFont(f)
        head.addWidget(self.statement, 1)
        self.phase_tag = QLabel()
        self.phase_tag.setObjectName("hint")  # the muted colour (practice_card_css)
        head.addWidget(self.phase_tag, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(head)
        self.help = wrap_label()
        self.help.setObjectName("hint")
        lay.addWidget(self.help)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        self.group = QButtonGroup(self)
        self.buttons: dict[Any, QRadioButton] = {}
        self.anchor_labels: list[QLabel] = []
        for i in range(5):
            rb = QRadioButton(str(i + 1))
            lab = _ClickLabel()
            lab.setWordWrap(True)
            lab.setTextFormat(Qt.TextFormat.PlainText)
            lab.clicked.connect(lambda v=i + 1: self._choose(v, False))
            grid.addWidget(rb, i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(lab, i, 1)
            self.buttons[i + 1] = rb
            self.anchor_labels.append(lab)
        lay.addLayout(grid)
        other = QHBoxLayout()
        self.buttons["na"] = QRadioButton()
        self.buttons["dk"] = QRadioButton()
        other.addWidget(self.buttons["na"])
        other.addWidget(self.buttons["dk"])
        self.clear_btn = QPushButton()
        self.clear_btn.setFlat(True)
        self.clear_btn.clicked.connect(lambda: self._choose(None, False))
        other.addWidget(self.clear_btn)
        other.addStretch(1)
        self.review = QCheckBox()
        self.review.toggled.connect(lambda on: self.reviewToggled.emit(self.pid, on))
        other.addWidget(self.review)
        lay.addLayout(other)
        for idx, value in enumerate(VALUES):
            self.group.addButton(self.buttons[value], idx)
            self.buttons[value].installEventFilter(self)
        self.group.idClicked.connect(lambda idx: self._choose(VALUES[idx], False))
        self.review.installEventFilter(self)
        self.clear_btn.installEventFilter(self)
        crow = QHBoxLayout()
        self.comment_label = QLabel()
        self.comment = QLineEdit()
        self.comment.setMaxLength(4000)
        self.comment_label.setBuddy(self.comment)
        self.comment.installEventFilter(self)
        self.comment.textEdited.connect(lambda text: self.commentTyped.emit(self.pid, text))
        self.comment.editingFinished.connect(
            lambda: self.commentEdited.emit(self.pid, self.comment.text().strip()))
        crow.addWidget(self.comment_label)
        crow.addWidget(self.comment, 1)
        lay.addLayout(crow)
        QWidget.setTabOrder(self.comment, self.review)  # comment, then its review flag
        self.others = wrap_label()
        self.others.setObjectName("hint")  # the others' answers, muted (practice_card_css)
        self.others.hide()
        lay.addWidget(self.others)
        self.translateUI(lang)

    # -- words -----------------------------------------------------------------------------
    def translateUI(self, lang: str) -> None:  # noqa: N802
        self.lang = lang
        p = self.practice
        self.statement.setText(f"{self.number}  {p.statement(lang)}")
        self.phase_tag.setText(f"{t('phase', lang)} {p.phase}")
        self.help.setText(p.help(lang) if p.help else "")
        self.help.setVisible(p.help is not None)
        for i, lab in enumerate(self.anchor_labels):
            lab.setText(p.anchors[i](lang))
            self.buttons[i + 1].setAccessibleName(
                t("card.level", lang, n=i + 1, text=p.anchors[i](lang)))
        self.buttons["na"].setText(t("card.na", lang))
        self.buttons["na"].setAccessibleName(t("na", lang))
        self.buttons["dk"].setText(t("card.dk", lang))
        self.buttons["dk"].setAccessibleName(t("dk", lang))
        self.clear_btn.setText(t("card.clear", lang))
        self.clear_btn.setAccessibleName(t("card.clear.name", lang))
        self.review.setText(t("card.review", lang))
        self.review.setAccessibleName(t("card.review", lang))
        self._comment_words()
        self.setAccessibleName(f"{self.number} {p.statement(lang)}")
        self.setAccessibleDescription(t("card.keys", lang))

    def _comment_words(self) -> None:
        key = "card.dissent" if self.consensus else "card.comment"
        self.comment_label.setText(t(key, self.lang) + ":")
        self.comment.setAccessibleName(t(key, self.lang))
        # "not applicable" on a phase-1 practice needs a reason, or it blocks phase 1
        na_here = self._value == "na" and self.practice.phase == 1
        self.comment.setPlaceholderText(t("h11.card.na_reason" if na_here else key + ".hint", self.lang))

    # -- state -------------------------------------------------------------------------------
    def show_answer(self, value: Any, comment: str, review: bool) -> None:
        self._value = value
        self._comment_words()
        self.group.setExclusive(False)
        for v, b in self.buttons.items():
            b.setChecked(v == value)
        self.group.setExclusive(True)
        if not self.comment.hasFocus() or self.comment.text().strip() != comment:  # saved as typed
            self.comment.setText(comment)
        self.review.blockSignals(True)
        self.review.setChecked(review)
        self.review.blockSignals(False)

    def set_consensus(self, on: bool, others: str = "") -> None:
        self.consensus = on
        self.review.setVisible(not on)
        self.others.setText(others)
        self.others.setVisible(on and bool(others))
        self._comment_words()

    def set_current(self, on: bool, focused: bool | None = None) -> None:
        """`current`: the practice the keys will act on; `focused`: the keyboard is in it now
        (None: on when the focus is inside the card)."""
        if focused is None:
            w = QApplication.focusWidget()
            focused = on and w is not None and (w is self or self.isAncestorOf(w))
        if self.property("current") != on or self.property("focused") != focused:
            self.setProperty("current", on)
            self.setProperty("focused", focused)
            self.style().unpolish(self)
            self.style().polish(self)

    def set_editable(self, on: bool) -> None:
        for b in self.buttons.values():
            b.setEnabled(on)
        for w in (self.comment, self.review, self.clear_btn):
            w.setEnabled(on)

    # -- keys ------------------------------------------------------------------------------------
    def _choose(self, value: Any, advance: bool) -> None:
        self.valueChosen.emit(self.pid, value, advance)

    def handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods not in (Qt.KeyboardModifier.NoModifier,):
            return False
        w = QApplication.focusWidget()
        if isinstance(w, TEXT_INPUTS) or w is None or not (w is self or self.isAncestorOf(w)):
            return False  # a key typed into a text field, or meant for another widget
        if key in JUMP_KEYS:
            self.jump.emit(self.pid, JUMP_KEYS[key])
            return True
        if key in KEY_VALUES:
            self._choose(KEY_VALUES[key], True)
            return True
        if key in CLEAR_KEYS:
            self._choose(None, False)
            return True
        if key in NEXT_KEYS:
            self.move.emit(self.pid, +1)
            return True
        if key == Qt.Key.Key_Up:
            self.move.emit(self.pid, -1)
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt)
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if obj is self.comment:
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                key = event.key()
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
                    self.commentEdited.emit(self.pid, self.comment.text().strip())  # saved
                    self.setFocus(Qt.FocusReason.OtherFocusReason)  # back to the card's keys
                    return True
                if key == Qt.Key.Key_Tab and self.consensus:
                    self.setFocus(Qt.FocusReason.TabFocusReason)  # the card, not the tab bar
                    return True
            return super().eventFilter(obj, event)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right) and obj in self.buttons.values():
                # move among the choices without changing the answer
                order = list(self.buttons.values())
                i = order.index(obj) + (1 if event.key() == Qt.Key.Key_Right else -1)
                order[i % len(order)].setFocus(Qt.FocusReason.TabFocusReason)
                return True
            if self.handle_key(event):
                return True
        return super().eventFilter(obj, event)
