"""Synthetic assessments for previews, tests and the report benchmark (never shown as real data).

`crowd()` grows an assessment to many respondents by cloning the existing ones with varied
answers, deterministically, as the benchmark of a 30-respondent report needs.
"""

from __future__ import annotations

import random

from cemassess.domain.assessment import Answer, Assessment
from cemassess.domain.framework import Role

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
