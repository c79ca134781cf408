"""The app in every shipped language: Qt's own dialogs, the system locale, the live switch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from cemassess.ui._testsupport import make_window, patch_dialogs, settle
from cemassess.ui.settings import system_language


@pytest.fixture
def answers(monkeypatch):
    return patch_dialogs(monkeypatch)


def _look_in() -> str:
    return QCoreApplication.translate("QFileDialog", "Look in:")


def test_qt_dialogs_speak_the_apps_language(qtbot):
    from cemassess.ui.qtlang import install_qt_translations

    try:
        assert install_qt_translations("ru") and _look_in() == "Перейти к:"
        assert QCoreApplication.translate("QPlatformTheme", "Save") == "Сохранить"
        assert install_qt_translations("uk") and _look_in() == "Перегляд в:"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Скасувати"
    finally:
        assert install_qt_translations("en")
    assert _look_in() == "Look in:"


@pytest.mark.parametrize("names, lang", [
    (["uk-UA", "uk"], "uk"), (["ru-RU"], "ru"), (["be-BY"], "ru"), (["de-DE", "uk"], "uk"),
    (["de-DE"], "en"), (["en-US"], "en"), ([], "en"),
])
def test_the_language_follows_the_system_locale(names, lang):
    assert system_language(names) == lang


def test_switching_live_to_ukrainian_and_back(qtbot, answers):
    win = make_window(qtbot)
    s = win.session
    s.create_demo()
    settle(qtbot)
    win._saved()
    assert win.status.text().startswith("All changes saved at")
    s.set_language("uk")
    settle(qtbot)
    assert win.menus["file"].title() == "&Файл"
    assert win.status.text().startswith("Усі зміни збережено") and "saved" not in win.status.text()
    assert _look_in() == "Перегляд в:"
    s.set_language("ru")
    settle(qtbot)
    assert win.status.text().startswith("Все изменения сохранены")
    assert _look_in() == "Перейти к:"
    s.set_language("en")
    settle(qtbot)
    assert win.status.text().startswith("All changes saved at") and _look_in() == "Look in:"


def test_the_settings_offer_every_shipped_language_by_its_own_name(qtbot, answers):
    from cemassess.i18n import shipped_languages
    from cemassess.ui.screens import ScreenKey

    win = make_window(qtbot)
    box = win.views[ScreenKey.SETTINGS].language
    items = {box.itemData(i): box.itemText(i) for i in range(box.count())}
    assert tuple(items) == shipped_languages()
    assert items["en"] == "English" and items["ru"] == "Русский" and items["uk"] == "Українська"


def test_shipped_values_print_as_labels():
    from cemassess.content import load_benchmarks
    from cemassess.labels import industry_label, pack_note, pack_source, pack_title, segment_title

    pack = load_benchmarks()
    assert industry_label("distribution", "ru") == "Оптовая торговля и дистрибуция"
    assert industry_label("distribution", "uk") == "Оптова торгівля та дистрибуція"
    assert industry_label("our own words", "ru") == "our own words"
    seg = next(s for s in pack.segments if s.id == "distribution")
    assert segment_title(seg, "uk") == "Оптова торгівля та дистрибуція"
    for lang in ("ru", "uk"):
        assert "Generated" not in pack_source(pack, lang) and "seed" not in pack_source(pack, lang)
        assert pack_note(pack, lang) != pack.note and pack_title(pack, lang) != pack.title
    assert ".py" not in pack.source and "seed" not in pack.source
