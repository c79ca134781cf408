"""The shipped framework speaks Ukrainian: every text has a Ukrainian version that is not
the Russian one, and the five level descriptions of a practice stay distinct."""

from __future__ import annotations

import re

from cemassess.content import load_framework_file
from tests.test_content import walk_texts

RUSSIAN_ONLY = re.compile(r"[ЫыЭэЪъЁё]")
CYRILLIC = re.compile(r"[А-Яа-яІіЇїЄєҐґ]")
# Russian words that have no place in Ukrainian CX text (the Ukrainian is on the right)
RUSSIAN_WORDS = re.compile(r"\b(опыт\w*|жалоб\w*|опрос\w*|руководств\w*|обращени\w*|ООО|клиентск\w*)\b",
                           re.IGNORECASE)


def test_every_text_has_ukrainian(fw):
    texts = list(walk_texts(fw))
    assert len(texts) > 500
    for path, t in texts:
        assert t.has("uk"), f"{path}: no Ukrainian"
        uk = t.get("uk")
        assert uk.strip() and "TODO" not in uk, path
        assert CYRILLIC.search(uk) or len(uk) <= 4 or uk == t.en, f"{path}: Ukrainian text has no Cyrillic"
        assert not RUSSIAN_ONLY.search(uk), f"{path}: letters that Ukrainian does not use: {uk}"
        assert not RUSSIAN_WORDS.search(uk), f"{path}: a Russian word in the Ukrainian: {uk}"
        if len(t.ru) > 12:
            assert uk != t.ru, f"{path}: the Ukrainian is the Russian"


def test_ukrainian_anchors_differ(fw):
    for p in fw.practices.values():
        assert len({a.get("uk") for a in p.anchors}) == 5, f"{p.id}: Ukrainian anchors must differ"


def test_test_framework_has_ukrainian():
    from pathlib import Path
    tiny = load_framework_file(Path(__file__).parent / "data" / "tiny-framework.json")
    assert all(t.has("uk") for _, t in walk_texts(tiny))
