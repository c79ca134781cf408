"""'How this was computed' in Ukrainian: every explanation has its own Ukrainian wording
(not the Russian, not the English), with the same figures."""

from __future__ import annotations

import re

from cemassess.content import load_framework
from cemassess.demo import make_demo
from cemassess.domain.results import evaluate
from cemassess.explain import (
    explain_action,
    explain_dimension,
    explain_overall,
    explain_phase,
    method_lines,
)

RUSSIAN_ONLY = re.compile(r"[ЫыЭэЪъЁё]")
UKRAINIAN_ONLY = re.compile(r"[ІіЇїЄєҐґ]")


def _all_lines(lang: str) -> list[str]:
    fw = load_framework()
    res = evaluate(fw, make_demo("en"))
    lines = method_lines(lang) + explain_overall(fw, res.overall, lang)
    lines += explain_phase(fw, res.phase, res.practices, lang)[1:]  # the first line comes from COMMON
    lines += [x for d in fw.dimensions for x in explain_dimension(fw, res.dimensions[d.id], lang)]
    lines += [explain_action(fw, it, lang) for it in res.roadmap.items]
    return lines


def test_ukrainian_explanations_are_ukrainian():
    uk, ru = _all_lines("uk"), _all_lines("ru")
    assert len(uk) == len(ru) > 20
    for line in uk:
        assert not RUSSIAN_ONLY.search(line), line
    assert sum(bool(UKRAINIAN_ONLY.search(x)) for x in uk) > len(uk) // 2
    numbers = re.compile(r"\d+(?:\.\d+)?")
    for a, b in zip(uk, ru, strict=True):
        assert sorted(numbers.findall(a)) == sorted(numbers.findall(b)), (a, b)
