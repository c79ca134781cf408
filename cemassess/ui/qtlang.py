"""Qt's own words (standard dialogs and buttons: "Look in", "File name", "Save", "Cancel") in
the app's language: the qtbase_<lang>.qm translations PySide6 ships in its translations
folder (the bundle keeps those of the shipped languages), reloaded on every language switch.
The default QLocale follows too, so Qt's date and number widgets write 40,1 in Russian."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

_installed: list[QTranslator] = []


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install_qt_translations(lang: str) -> bool:
    """Swap Qt's translators for `lang`'s; True when Qt has words for it (English needs none)."""
    app = QCoreApplication.instance()
    QLocale.setDefault(QLocale(lang))
    if app is None:
        return False
    while _installed:
        app.removeTranslator(_installed.pop())
    if lang == "en":
        return True
    found = False
    folder = qt_translations_dir()
    for name in ("qtbase", "qt"):
        tr = QTranslator(app)
        if tr.load(QLocale(lang), name, "_", folder) and not tr.isEmpty():
            app.installTranslator(tr)
            _installed.append(tr)
            found = True
            break  # qt_<lang>.qm only bundles qtbase_<lang>.qm (and modules the app has not)
    return found
