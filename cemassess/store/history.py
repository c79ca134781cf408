"""A company's earlier assessments: the chain of `previous` links, as far as it is readable."""

from __future__ import annotations

from cemassess.domain.assessment import Assessment
from cemassess.store.errors import StoreError
from cemassess.store.portfolio import Portfolio


def earlier_assessments(p: Portfolio, a: Assessment, limit: int = 50) -> dict[str, Assessment]:
    """The assessments `a` descends from (via `previous`) made with the same framework (a
    trend compares like with like), by id. Stops at a missing or unreadable one, at a cycle
    and after `limit`: the trend is built from what is there."""
    out: dict[str, Assessment] = {}
    cur = a
    while cur.previous and cur.previous not in out and cur.previous != a.id and len(out) < limit:
        try:
            prev = p.get(cur.previous)
        except StoreError:
            break
        out[prev.id] = prev
        cur = prev
    return {i: h for i, h in out.items() if h.framework == a.framework}
