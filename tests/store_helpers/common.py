"""Shared by the store tests: small real assessments and byte-exact views of a data folder."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from cemassess.domain.assessment import Answer, Assessment, Company

PRACTICES = [f"d{d}.p{p}" for d in range(3) for p in range(10)]


def make_assessment(company: str = "Acme", industry: str = "Retail", respondents: int = 3,
                    answers: int = 0, **kw: object) -> Assessment:
    a = Assessment(company=Company(name=company, industry=industry), **kw)
    for i in range(respondents):
        a.add_respondent(f"Person {i + 1}")
    n = 0
    for r in a.respondents:
        for pid in PRACTICES:
            if n >= answers:
                break
            a.set_answer(r.id, pid, Answer(value=1 + n % 5, comment=f"c{n}"))
            n += 1
    return a


def tree(root: Path) -> dict[str, str]:
    """Every file under root (relative path -> sha256), to prove nothing changed."""
    out = {}
    for dirpath, _dirs, files in os.walk(root):
        for f in files:
            p = Path(dirpath) / f
            out[str(p.relative_to(root))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def answers_of(a: Assessment) -> dict[tuple[str, str], dict[str, object]]:
    return {(r, p): ans.model_dump(mode="json") for r, per in a.answers.items()
            for p, ans in per.items()}


def crash_after(fn) -> None:  # type: ignore[no-untyped-def]
    """Run fn in a forked child that then dies without closing anything (like a crash:
    no close(), no atexit, no finally blocks of the caller). Linux/macOS only."""
    import traceback

    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            fn()
        except BaseException:
            traceback.print_exc()
            code = 1
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, "the child failed"
