"""Synthetic assessments for previews, tests and the report benchmark (never shown as real data).

`crowd()` grows an assessment to many respondents by cloning the existing ones with varied
answers, deterministically, as the benchmark of a 30-respondent report needs. `earlier()`
makes up the same company's assessment a year before (every answer a level lower), for a
re-assessment's trend in the report samples and the benchmark.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

from cemassess.domain.assessment import Answer, Assessment
from cemassess.domain.framework import Role

if TYPE_CHECKING:
    from cemassess.domain.results import Results
    from cemassess.domain.trend import Trend

ROLES = (Role.MANAGEMENT, Role.SALES, Role.MARKETING, Role.SERVICE, Role.OTHER)


def crowd(a: Assessment, n: int, seed: int = 11) -> Assessment:
    """A copy of `a` with `n` respondents: the originals, then clones with answers moved by
    -1/0/+1 level and the clone's role cycled, so the consensus and spread vary."""
    out = a.model_copy(deep=True)
    rng = random.Random(seed)
    originals = list(a.respondents)
    if not originals:
        raise ValueError("the assessment has no respondents to clone")
    k = 0
    while len(out.respondents) < n:
        src = originals[k % len(originals)]
        role = ROLES[(k + len(originals)) % len(ROLES)]
        r = out.add_respondent(f"{src.name} #{k + 2}", role)
        for pid, ans in a.answers.get(src.id, {}).items():
            v = ans.value
            if isinstance(v, int):
                v = max(1, min(5, v + rng.choice((-1, 0, 0, 1))))
            out.set_answer(r.id, pid, Answer(value=v, comment=ans.comment if rng.random() < 0.3 else "",
                                             review=ans.review))
        k += 1
    return out


def earlier(a: Assessment, days: int = 365) -> Assessment:
    """Generated: `a` as it might have been `days` earlier, every level answer one lower (at
    least 1), other answers kept, comments, agreed answers and roadmap edits dropped."""
    old = a.model_copy(deep=True)
    old.id = (a.id + "-earlier")[:40]
    old.date = a.date - dt.timedelta(days=days)
    old.title = a.title
    old.answers = {rid: {pid: Answer(value=max(1, ans.value - 1) if isinstance(ans.value, int) else ans.value)
                         for pid, ans in answers.items()} for rid, answers in a.answers.items()}
    old.agreed = {}
    old.roadmap = type(a.roadmap)()
    return old


def reassessment_trend(a: Assessment, res: Results) -> Trend:
    """The two-point trend of `a` (scored as `res`) after its generated `earlier()` self."""
    from cemassess.cli import results_for
    from cemassess.domain.trend import trend

    return trend([results_for(earlier(a), with_benchmark=False), res])
