"""Every recovery message exists in Russian too, with no English reason left inside."""

from __future__ import annotations

import re

from cemassess.demo import make_demo
from cemassess.store import Portfolio
from cemassess.store.report import _REASONS_RU, RecoveredChanges, reason_ru

LATIN_WORD = re.compile(r"\b(?:is|was|the|and|file|has|holds|missing|damaged)\b")


def test_every_known_reason_translates():
    samples = ["is missing", "is empty (zero bytes)", "is cut short (it ends in the middle of the data)",
               "is not readable text (garbage at byte 12)", "is garbled (invalid data at line 3, column 9)",
               "holds assessment 'a' instead of 'b'", "has an unknown schema version (7)",
               "belongs to assessment 'x', not 'y'", "has a damaged list of assessments"]
    for s in samples:
        ru = reason_ru(s)
        assert ru != s and not LATIN_WORD.search(ru), (s, ru)
    assert len(_REASONS_RU) >= 20


def test_recovered_changes_message_in_russian():
    r = RecoveredChanges("a1", "Ромашка", answers=12, other=1)
    assert r.message("ru") == "Восстановлено из незавершённой сессии: 12 ответов и 1 другое изменение в оценке «Ромашка»."
    assert "Recovered 12 answers" in r.message()


def test_damaged_file_reported_in_both_languages(tmp_path):
    a = make_demo()
    with Portfolio.open(tmp_path) as p:
        p.create(a)
    snap = next((tmp_path / "assessments").glob(f"{a.id}*.json"))
    snap.write_bytes(b"")  # zero bytes, e.g. a crash of the disk
    with Portfolio.open(tmp_path) as p:
        ru = p.recovery.messages("ru")
        en = p.recovery.messages("en")
    assert any("пуст (ноль байт)" in m for m in ru), ru
    assert any("is empty" in m for m in en), en
    assert not any(LATIN_WORD.search(m) for m in ru), ru
