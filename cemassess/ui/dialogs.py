"""Every question the app asks the user goes through this module, so tests and the
screenshot script can answer in place of a person (monkeypatch these functions)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from cemassess.ui.strings import t

ASSESSMENT_FILTER = "cemassess (*.cemassess.json *.json)"
ANSWERS_FILTER = "cemassess answers (*.json)"
QUESTIONNAIRE_FILTER = "cemassess questionnaire (*.json)"
BENCHMARK_FILTER = "cemassess benchmark pack (*.json)"


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setAccessibleName(title)
    from cemassess.ui import style

    style.dialog(box)
    return box


def info(parent: QWidget | None, title: str, text: str, lang: str) -> None:
    box = _box(parent, QMessageBox.Icon.Information, title, text)
    box.addButton(t("ok", lang), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def error(parent: QWidget | None, title: str, text: str, lang: str) -> None:
    box = _box(parent, QMessageBox.Icon.Warning, title, text)
    box.addButton(t("ok", lang), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, yes: str, lang: str) -> bool:
    box = _box(parent, QMessageBox.Icon.Question, title, text)
    ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(t("cancel", lang), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is ok


def ask_in_use(parent: QWidget | None, message: str, lang: str) -> bool:
    """The portfolio is locked by another window: True = open it read-only, False = quit."""
    box = _box(parent, QMessageBox.Icon.Warning, t("in_use.title", lang),
               t("in_use.text", lang) + "\n\n" + message)
    ro = box.addButton(t("in_use.read_only", lang), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(t("quit", lang), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is ro


def ask_recovery(parent: QWidget | None, lines: list[str], lang: str) -> bool:
    """After a crash: True keeps the recovered changes, False discards them."""
    box = _box(parent, QMessageBox.Icon.Information, t("recovery.title", lang),
               t("recovery.text", lang) + "\n\n" + "\n".join(f"• {x}" for x in lines))
    keep = box.addButton(t("recovery.keep", lang), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(t("recovery.discard", lang), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    # only the discard button discards: a box closed otherwise (Escape, SIGTERM) keeps them
    return box.clickedButton() is not discard


def ask_resume_live(parent: QWidget | None, text: str, lang: str) -> bool:
    """After a crash mid-event: True serves the live event again on its address, False
    leaves it ended. The text names the event as typed: shown as plain text."""
    from PySide6.QtCore import Qt

    box = _box(parent, QMessageBox.Icon.Question, t("live.resume.title", lang), text)
    box.setTextFormat(Qt.TextFormat.PlainText)
    resume = box.addButton(t("live.resume.yes", lang), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(t("live.resume.no", lang), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(resume)
    box.exec()
    return box.clickedButton() is resume


def open_files(parent: QWidget | None, lang: str) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, t("import.title", lang), "", ASSESSMENT_FILTER)
    return [Path(n) for n in names]


def pick_files(parent: QWidget | None, title: str, file_filter: str, start: str = "") -> list[Path]:
    """Several files (answer files, event participants)."""
    names, _ = QFileDialog.getOpenFileNames(parent, title, start, file_filter)
    return [Path(n) for n in names]


def pick_file(parent: QWidget | None, title: str, file_filter: str, start: str = "") -> Path | None:
    """One file (a questionnaire, a benchmark pack)."""
    name, _ = QFileDialog.getOpenFileName(parent, title, start, file_filter)
    return Path(name) if name else None


def show_report(parent: QWidget | None, title: str, summary: str, rows: list[tuple[str, bool, str]],
                lang: str) -> None:
    """What happened to each file of an import: (file, accepted, what/why)."""
    from cemassess.ui.widgets import ReportDialog

    ReportDialog(title, summary, rows, lang, parent).exec()


def save_file(parent: QWidget | None, title: str, suggested: str, file_filter: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return Path(name) if name else None


def choose_folder(parent: QWidget | None, title: str, start: str) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, title, start)
    return Path(name) if name else None


def choose_image(parent: QWidget | None, title: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, "", "Images (*.png *.jpg *.jpeg)")
    return Path(name) if name else None


def open_url(path: Path) -> None:
    """Offer the finished file to the system (QDesktopServices)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
