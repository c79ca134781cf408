"""The demo in Ukrainian: a Ukrainian company written as Ukrainians write it (ТОВ, not ООО),
Ukrainian names and comments, and the same answers as in the other languages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema

from cemassess.demo import make_demo

ROOT = Path(__file__).parents[1]
RUSSIAN_ONLY = re.compile(r"[ЫыЭэЪъЁё]")


def _texts(a) -> list[str]:
    out = [a.title, a.company.name, a.company.country, a.assessor, a.metrics.nps.source]
    out += [r.name for r in a.respondents]
    out += [ans.comment for per in a.answers.values() for ans in per.values() if ans.comment]
    return out


def test_ukrainian_demo_is_in_ukrainian():
    a = make_demo("uk")
    assert a.language == "uk"
    assert a.company.name.startswith("ТОВ «") and "ООО" not in a.company.name
    assert a.company.country == "Україна"
    texts = _texts(a)
    assert any(r.name.startswith("Ігор Шевчук") for r in a.respondents)
    assert any(t for t in texts[5 + len(a.respondents):]), "the demo should carry some comments"
    for t in texts:
        assert not RUSSIAN_ONLY.search(t), t
        assert not re.search(r"[A-Za-z]{4,}", t.replace("CEM", "").replace("CX Partners", "")), t


def test_same_answers_in_every_language():
    en, ru, uk = (make_demo(lang) for lang in ("en", "ru", "uk"))
    for other in (ru, uk):
        assert [r.role for r in other.respondents] == [r.role for r in en.respondents]
        assert [{p: x.value for p, x in other.answers.get(r.id, {}).items()} for r in other.respondents] == \
               [{p: x.value for p, x in en.answers.get(r.id, {}).items()} for r in en.respondents]


def test_ukrainian_demo_validates_against_the_published_schema():
    schema = json.loads((ROOT / "resources" / "schema" / "assessment.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(make_demo("uk").model_dump(mode="json"), schema)
