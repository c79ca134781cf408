"""Every shipped framework carries every text in every shipped language (en, ru, uk)."""

from cemassess.content import load_framework_file
from cemassess.domain.framework import _texts, languages_of
from cemassess.i18n import shipped_languages
from cemassess.resources import resource


def test_every_framework_text_has_every_shipped_language():
    files = sorted(resource("frameworks").glob("*.json"))
    assert files
    for path in files:
        fw = load_framework_file(path)
        have = languages_of(fw)
        langs = shipped_languages()
        assert {lang: have.get(lang, 0.0) for lang in langs} == dict.fromkeys(langs, 1.0), path.name
        missing = [f"{w}: {lang}" for w, t in _texts(fw, "framework") for lang in langs if not t.has(lang)]
        assert not missing, f"{path.name}: " + "; ".join(missing[:20])
