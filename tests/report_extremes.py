"""An assessment at the documented limits, for the report writers' robustness tests (PDF,
DOCX, PPTX): a 4,000-character comment with no space to break at, a 4,000-character one of
prose, a 200-character company name, markup-like text and mixed scripts in every field."""

from __future__ import annotations

import datetime as dt

from cemassess.domain.assessment import ActionEdit, Agreed, Answer, Assessment, CustomAction

MARKUP = '<b>R&D</b> "Ω" <img src=x> 0.1 <A &amp; {0} %s'
MIXED = "Ґанок Їжак Съешь ещё Ωμέγα Straße עברית العربية 中文"
COMPANY = ("Компания-" + "Long Name Holding " * 12)[:200]
SOLID = "Ж" * 2000 + "W" * 2000  # 4,000 characters, nothing to break at
PROSE = ("Клиенты жалуются на сроки доставки, а менеджеры этого не видят. " * 80)[:4000]


def extreme_assessment(lang: str = "en") -> Assessment:
    from cemassess.demo import make_demo

    a = make_demo(lang)
    a.company = a.company.model_copy(update={"name": COMPANY})
    a.title = MARKUP + " " + MIXED
    a.assessor = MIXED
    rids = [r.id for r in a.respondents]
    pids = [pid for pid in a.answers[rids[0]]]
    a.answers[rids[0]][pids[0]] = Answer(value=3, comment=SOLID)
    a.answers[rids[1]][pids[0]] = Answer(value=1, comment=PROSE)
    a.answers[rids[0]][pids[1]] = Answer(value=2, comment=MARKUP + " " + MIXED)
    a.agreed[pids[0]] = Agreed(value=2, dissent=PROSE)
    a.respondents[0].name = MARKUP[:60]
    a.roadmap.custom.append(CustomAction(id="c.own", title=MIXED, description=PROSE,
                                         dimension=a_dim(a), owner=MARKUP,
                                         kpi=MIXED))
    return a


def a_dim(a: Assessment) -> str:
    from cemassess.content import load_framework

    return load_framework(a.framework).dimensions[0].id


def with_edit(a: Assessment, action_id: str) -> Assessment:
    a.roadmap.edits[action_id] = ActionEdit(owner=MIXED, kpi=MARKUP, note=PROSE, due=dt.date(2027, 1, 15))
    return a
