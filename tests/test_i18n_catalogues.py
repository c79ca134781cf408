"""Languages as data: the gettext catalogues are complete, consistent and loadable."""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from cemassess import i18n
from cemassess.i18n import COMMON, plural, shipped_languages, tr

ROOT = Path(__file__).resolve().parents[1]


def _tool():
    spec = importlib.util.spec_from_file_location("translations_tool", ROOT / "scripts" / "translations.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["translations_tool"] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture
def tool():
    return _tool()


def test_every_catalogue_is_complete_current_and_consistent(tool):
    """Fails when a catalogue misses a translation, has a fuzzy entry, differs from the
    sources (run `make translations`) or changes a placeholder ({name})."""
    assert "ru" in tool.languages()
    assert tool.problems() == []


def test_the_languages_shipped_are_the_catalogue_folders(tool):
    assert shipped_languages() == ("en", *tool.languages())


def _po(text: str) -> bytes:
    return ("msgid \"\"\nmsgstr \"\"\n\"Language: ru\\n\"\n\"Plural-Forms: nplurals=3; plural=(n%10==1 && "
            "n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n\"\n\n"
            + text).encode()


@pytest.mark.parametrize("entry, problem", [
    ('msgctxt "k"\nmsgid "Hello {name}"\nmsgstr ""\n', "not translated"),
    ('#, fuzzy\nmsgctxt "k"\nmsgid "Hello {name}"\nmsgstr "Привет, {name}"\n', "fuzzy"),
    ('msgctxt "k"\nmsgid "Hello {name}"\nmsgstr "Привет, {имя}"\n', "placeholders"),
    ('msgctxt "k"\nmsgid "{n} file"\nmsgid_plural "{n} files"\nmsgstr[0] "{n} файл"\n'
     'msgstr[1] "{n} файла"\nmsgstr[2] ""\n', "not translated"),
    ('msgctxt "k"\nmsgid "{n} file"\nmsgid_plural "{n} files"\nmsgstr[0] "{n} файл"\n'
     'msgstr[1] "{n} файла"\nmsgstr[2] "файлов"\n', "placeholders"),
])
def test_the_check_finds_each_kind_of_problem(tool, entry, problem):
    cat = read_po(io.BytesIO(_po(entry)), locale="ru")
    [m] = [m for m in cat if m.id]
    found = tool._message_problems("ru", cat, m)
    assert any(problem in p for p in found), found


def test_a_good_entry_has_no_problem(tool):
    cat = read_po(io.BytesIO(_po('msgctxt "k"\nmsgid "Hello {name}"\nmsgstr "Привет, {name}"\n')), locale="ru")
    [m] = [m for m in cat if m.id]
    assert tool._message_problems("ru", cat, m) == []


def test_english_with_two_meanings_keeps_two_translations():
    """msgctxt is the key: one English word may be translated differently per key."""
    from cemassess.report.strings import STRINGS
    from cemassess.ui.strings import t

    assert tr("ans.na", "en", STRINGS) == t("card.na", "en") == "N/A"
    assert tr("ans.na", "ru", STRINGS) != t("card.na", "ru")
    assert t("start.delete", "en") == t("delete.title", "en") == "Move to trash"
    assert t("start.delete", "ru") != t("delete.title", "ru")


@pytest.fixture
def sandbox(tool, tmp_path, monkeypatch):
    """The tool working on a small copy: one source dict and its own locale folder."""
    src = tmp_path / "pkg" / "words.py"
    src.parent.mkdir()
    src.write_text(
        'from cemassess.i18n import plural\n\n'
        'W = {\n'
        '    "hello": "Hello",\n'
        '    "bye": ("Goodbye, {name}", "До свидания, {name}", "До побачення, {name}"),\n'
        '    "long": ("A long text that runs "\n'
        '             "over two lines", "Длинный текст "\n'
        '             "на две строки"),\n'
        '    "files": (("{n} file", "{n} files"), ("{n} файл", "{n} файла", "{n} файлов")),\n'
        '}\n', encoding="utf-8")
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    monkeypatch.setattr(tool, "LOCALE", tmp_path / "locale")
    monkeypatch.setattr(tool, "POT", tmp_path / "locale" / "cemassess.pot")
    monkeypatch.setattr(tool, "SOURCES", (("pkg/words.py", "W", "pkg.words.W"),))
    return src


def _load(path: Path):
    with path.open("rb") as f:
        return read_po(f)


def test_conversion_moves_tuples_into_the_catalogues_and_reruns_cleanly(tool, sandbox):
    assert tool.main([]) == 0
    text = sandbox.read_text(encoding="utf-8")
    assert '"bye": "Goodbye, {name}",' in text
    assert '"files": plural("{n} file", "{n} files"),' in text
    assert "Длинный" not in text and "over two lines" in text
    ns: dict = {}
    exec(compile(text, "words.py", "exec"), ns)  # still valid Python, English only
    assert ns["W"]["long"] == "A long text that runs over two lines"
    ru = _load(tool.po_file("ru"))
    assert ru.get("Goodbye, {name}", context="bye").string == "До свидания, {name}"
    assert ru.get("{n} file", context="files").string == ("{n} файл", "{n} файла", "{n} файлов")
    uk = _load(tool.po_file("uk"))
    assert uk.get("Goodbye, {name}", context="bye").string == "До побачення, {name}"
    assert not uk.get("Hello", context="hello").string  # no Ukrainian yet: the check says so
    assert any("uk: 'hello' is not translated" in p for p in tool.problems())
    assert tool.po_file("ru").with_suffix(".mo").is_file()
    before = {p: p.read_bytes() for p in [sandbox, tool.po_file("ru"), tool.po_file("uk"), tool.POT]}
    assert tool.main([]) == 0
    assert {p: p.read_bytes() for p in before} == before  # a second run changes nothing


def test_changed_english_is_marked_fuzzy_and_a_colleagues_triple_is_merged(tool, sandbox):
    assert tool.main([]) == 0
    text = sandbox.read_text(encoding="utf-8").replace('"Hello"', '"Hello there"')
    text = text.replace("}\n", '    # --- colleague ---\n    "new": ("New", "Новый", "Новий"),\n}\n')
    sandbox.write_text(text, encoding="utf-8")
    assert tool.main([]) == 0
    assert '"new": "New",' in sandbox.read_text(encoding="utf-8")
    ru = _load(tool.po_file("ru"))
    assert ru.get("New", context="new").string == "Новый"
    hello = ru.get("Hello there", context="hello")
    assert hello is None or "fuzzy" in hello.flags or not hello.string
    assert any("'hello'" in p for p in tool.problems())


def test_import_json_fills_the_missing_language(tool, sandbox, tmp_path):
    assert tool.main([]) == 0
    side = tmp_path / "uk.json"
    side.write_text('{"pkg.words.W": {"hello": "Привіт", "nope": "x"}}', encoding="utf-8")
    assert tool.main(["import-json", "uk", str(side)]) == 0
    assert _load(tool.po_file("uk")).get("Hello", context="hello").string == "Привіт"


def test_a_stale_mo_is_not_used(tmp_path, monkeypatch):
    """The .mo is used only when it was compiled from the .po beside it; else the .po is
    compiled in memory (a fresh clone, an edited catalogue)."""
    folder = tmp_path / "locale" / "ru" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    cat = read_po(io.BytesIO(_po('msgctxt "hello"\nmsgid "Hello"\nmsgstr "Привет"\n')), locale="ru")
    buf = io.BytesIO()
    write_po(buf, cat)
    po = folder / "cemassess.po"
    po.write_bytes(buf.getvalue())
    (folder / "cemassess.mo").write_bytes(i18n.compile_po(_po('msgctxt "hello"\nmsgid "Hello"\nmsgstr "Старое"\n'), "ru"))
    monkeypatch.setattr(i18n, "locale_dir", lambda: tmp_path / "locale")
    i18n.reload_catalogues()
    try:
        assert i18n.render("hello", "Hello", "ru", {}) == "Привет"
        (folder / "cemassess.mo").write_bytes(i18n.compile_po(po.read_bytes(), "ru"))
        i18n.reload_catalogues()
        assert i18n.render("hello", "Hello", "ru", {}) == "Привет"
        assert shipped_languages() == ("en", "ru")
    finally:
        monkeypatch.undo()
        i18n.reload_catalogues()


def test_the_pseudo_locale_stretches_every_string(monkeypatch):
    monkeypatch.setenv("CEMASSESS_TRANS_SCALE", "1.5")
    plain = "All changes saved at {time}"
    assert len(tr("status.saved", "en", {"status.saved": plain}, time="10:00")) > len(plain.format(time="10:00")) * 1.3
    ru = tr("overall", "ru")
    assert ru.startswith("Индекс CEM") and ru.endswith("~")
    monkeypatch.delenv("CEMASSESS_TRANS_SCALE")
    assert tr("overall", "ru") == "Индекс CEM"


def test_plural_entries_follow_each_languages_rules(monkeypatch):
    entry = {"x.files": plural("{n} file", "{n} files")}
    assert [tr("x.files", "en", entry, n=n) for n in (1, 2, 5)] == ["1 file", "2 files", "5 files"]
    assert COMMON  # the shared catalogue is loaded from the same place


def test_numbers_percentages_and_dates_follow_the_language():
    from cemassess.i18n import date_text, num, pct

    assert [num(40.06, lang) for lang in ("en", "ru", "uk")] == ["40.1", "40,1", "40,1"]
    assert num(-3.5, "ru", sign=True) == "-3,5" and num(3.5, "en", sign=True) == "+3.5"
    assert pct(0.86, "en", 1) == "86.0%" and pct(0.86, "ru", 1) == "86,0\xa0%"
    assert pct(0.86, "uk", 1).startswith("86,0")
    assert num(None, "ru") == "–" and num(1234.5, "ru") == "1\xa0234,5"
    assert date_text("2026-03-05", "uk") == "5 березня 2026\u202fр."
    assert date_text("not a date", "ru") == "not a date"
    from cemassess.exchange.export_tabular import list_separator

    assert [list_separator(lang) for lang in ("en", "ru", "uk")] == [",", ";", ";"]


def test_cli_text_is_localised_and_json_stays_plain(tmp_path, capsys):
    import json

    from cemassess.cli import main

    demo = tmp_path / "demo.json"
    assert main(["demo", str(demo)]) == 0
    capsys.readouterr()
    assert main(["score", str(demo), "--lang", "ru", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data["overall"], float) and isinstance(data["retention_rate"], float)  # numbers
    assert main(["score", str(demo), "--lang", "ru"]) == 0
    text = capsys.readouterr().out
    dotted = f"{data['overall']:.1f}"  # the demo's index (40.0 with framework 1.1)
    assert "Индекс CEM" in text and dotted.replace(".", ",") in text and dotted not in text
    assert "\xa0%" in text  # Russian puts a no-break space before the per cent sign
    assert main(["roadmap", str(demo), "--lang", "uk"]) == 0
    road = capsys.readouterr().out
    # effort as its word; the "why" is a sentence (the priority formula lives in --explain)
    assert "Фаза 1, Мала]" in road and ", S]" not in road and "(÷1)" not in road and "effort S" not in road


def test_plural_forms_in_russian_and_ukrainian():
    from cemassess.ui.strings import t

    got = {lang: [t("event.status", lang, n=n) for n in (1, 3, 5, 21, 12)] for lang in ("ru", "uk")}
    assert got["ru"] == ["В зале 1 участник", "В зале 3 участника", "В зале 5 участников",
                         "В зале 21 участник", "В зале 12 участников"]
    assert got["uk"] == ["У залі 1 учасник", "У залі 3 учасники", "У залі 5 учасників",
                         "У залі 21 учасник", "У залі 12 учасників"]
    assert t("event.status", "en", n=1) == "1 participant in the room"


def test_store_messages_in_ukrainian_with_plural_forms(tmp_path):
    from cemassess.demo import make_demo
    from cemassess.store import Portfolio
    from cemassess.store.report import RecoveredChanges, reason_text

    r = RecoveredChanges("a1", "Ромашка", answers=2, other=5)
    assert r.message("uk") == "Відновлено з незавершеного сеансу: 2 відповіді і 5 інших змін в оцінці «Ромашка»."
    assert r.message("ru") == ("Восстановлено из незавершённой сессии: 2 ответа и 5 других изменений в оценке "
                               "«Ромашка».")
    assert r.message() == "Recovered 2 answers and 5 other changes to 'Ромашка' from an unfinished session."
    assert reason_text("is garbled (invalid data at line 3, column 9)", "uk") == \
        "пошкоджений (помилка в рядку 3, стовпці 9)"
    a = make_demo()
    with Portfolio.open(tmp_path) as p:
        p.create(a)
    next((tmp_path / "assessments").glob(f"{a.id}*.json")).write_bytes(b"")
    with Portfolio.open(tmp_path) as p:
        uk = p.recovery.messages("uk")
    assert any("порожній (нуль байтів)" in m and "відновлено резервну копію" in m for m in uk), uk


def test_a_plural_counts_by_the_placeholder_its_english_changes_with(tool, sandbox):
    text = sandbox.read_text(encoding="utf-8").replace("}\n", (
        '    "blk": (("{k} practice blocks phase {n}", "{k} practices block phase {n}"),\n'
        '            ("{k} практика блокирует фазу {n}", "{k} практики блокируют фазу {n}", '
        '"{k} практик блокируют фазу {n}")),\n}\n'))
    sandbox.write_text(text, encoding="utf-8")
    assert tool.main([]) == 0
    migrated = sandbox.read_text(encoding="utf-8")
    assert 'count="k")' in migrated
    assert not any("'blk'" in p and "counts by" in p for p in tool.problems())
    sandbox.write_text(migrated.replace(', count="k")', ")"), encoding="utf-8")
    assert any("'blk' counts by {n}" in p for p in tool.problems())
    assert tool.infer_count("{ok} file imported, {bad} refused", "{ok} files imported, {bad} refused") == "ok"
