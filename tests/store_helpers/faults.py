"""The deterministic workload of the fault-injection test, shared by the writer child and
the checking parent: both derive the same operations from a seed, so the parent knows
exactly which state each acknowledged prefix must leave on disk."""

from __future__ import annotations

import random
from typing import Any

RESPONDENTS = ["r1", "r2", "r3", "r4"]
PRACTICES = [f"d{d}.p{p}" for d in range(3) for p in range(10)]
VALUES: list[Any] = [1, 2, 3, 4, 5, "na", "dk"]

Op = tuple[Any, ...]
Model = dict[str, Any]  # {"answers": {(r, p): answer dict}, "title": str}


def ops(seed: int):
    """An endless, reproducible stream of changes."""
    rng = random.Random(seed)
    i = 0
    while True:
        x = rng.random()
        r, p = rng.choice(RESPONDENTS), rng.choice(PRACTICES)
        if x < 0.06:
            yield ("title", f"Семинар {seed}.{i}")
        elif x < 0.16:
            yield ("answer", r, p, None)
        else:
            yield ("answer", r, p, {"value": rng.choice(VALUES), "comment": f"ответ {seed}.{i}",
                                    "review": rng.random() < 0.2})
        i += 1


def apply_model(model: Model, op: Op) -> Model:
    from cemassess.domain.hygiene import clean_line, clean_multiline

    out = {"answers": dict(model["answers"]), "title": model["title"]}
    if op[0] == "title":
        out["title"] = clean_line(op[1])  # the text-hygiene rule: no control characters kept
    else:
        _, r, p, ans = op
        if ans is None:
            out["answers"].pop((r, p), None)
        else:
            out["answers"][(r, p)] = dict(ans, comment=clean_multiline(ans.get("comment", "")))
    return out


def apply_store(portfolio: Any, aid: str, op: Op) -> None:
    if op[0] == "title":
        title = op[1]
        portfolio.update(aid, lambda a: setattr(a, "title", title))
    else:
        _, r, p, ans = op
        portfolio.set_answer(aid, r, p, ans)


def state_of(a: Any) -> Model:
    return {"answers": {(r, p): ans.model_dump(mode="json") for r, per in a.answers.items()
                        for p, ans in per.items()},
            "title": a.title}
