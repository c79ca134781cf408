"""The CEM framework as data: dimensions, practices with anchored levels, phases, actions,
Voice-of-Customer pitfalls and B2B principles (as checks), metrics and score bands.

A framework is loaded from a JSON file (see cemassess/content.py); nothing here knows
about files. Validation is strict (unknown fields are errors) so that a consultant's own
framework file fails loudly instead of being half-understood.
"""

from __future__ import annotations

import math
import re
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from cemassess.domain.text import Text

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]{0,63}$")]
PhaseNo = Literal[1, 2, 3]
Effort = Literal["S", "M", "L"]

SCALE = (1, 2, 3, 4, 5)
PHASE_THRESHOLD = 4  # a practice counts towards a phase at level 4 or above (C2M2-style gating)


class Role(StrEnum):
    MANAGEMENT = "management"
    SALES = "sales"
    MARKETING = "marketing"
    SERVICE = "service"
    OTHER = "other"


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Action(_Frozen):
    """An improvement action from the action library."""

    id: Id
    title: Text
    description: Text
    owner: Text  # the owner function, e.g. "Head of service"
    effort: Effort
    kpi: Text  # the KPI it moves
    phase: PhaseNo
    # Actions that must come before this one (e.g. naming a CX owner before the work the CX
    # owner leads); the roadmap never places this action ahead of them.
    after: tuple[Id, ...] = Field(default=(), max_length=10)


class Practice(_Frozen):
    """One assessed practice: a statement and five anchored levels (1 traditional .. 5 CEM)."""

    id: Id
    statement: Text
    anchors: tuple[Text, Text, Text, Text, Text]
    phase: PhaseNo
    weight: float = Field(default=1.0, gt=0, le=10)
    roles: tuple[Role, ...] = Field(min_length=1)
    actions: tuple[Action, ...] = Field(min_length=1)
    help: Text | None = None  # why the practice matters, shown beside it

    @model_validator(mode="after")
    def _actions_not_earlier_than_practice(self) -> Practice:
        for a in self.actions:
            if a.phase < self.phase:
                raise ValueError(
                    f"action {a.id!r} is phase {a.phase} but its practice {self.id!r} is phase "
                    f"{self.phase}: an action cannot belong to an earlier phase than its gap"
                )
        if not any(a.phase == self.phase for a in self.actions):
            raise ValueError(f"practice {self.id!r} needs at least one action of its own phase")
        return self


class Dimension(_Frozen):
    """One of the ten 'traditional vs CEM' dimensions."""

    id: Id
    title: Text
    traditional: Text
    cem: Text
    weight: float = Field(default=1.0, gt=0, le=10)
    practices: tuple[Practice, ...] = Field(min_length=1)


class Phase(_Frozen):
    number: PhaseNo
    title: Text
    description: Text


class Band(_Frozen):
    """A named maturity level for a 0-100 score: the band applies from `min_score` upwards."""

    min_score: float = Field(ge=0, le=100)
    name: Text
    meaning: Text


class Check(_Frozen):
    """A Voice-of-Customer pitfall or a B2B principle, evidenced by practices.

    A pitfall is *found* when any evidence practice is at level 2 or below; a principle is
    *met* only when all are at level 4+ (domain/results.py, docs/scoring.md). `threshold` is
    kept for file compatibility and no longer decides anything.
    """

    id: Id
    kind: Literal["voc_pitfall", "b2b_principle"]
    title: Text
    description: Text
    finding: Text  # what we tell the company when the check fires
    practices: tuple[Id, ...] = Field(min_length=1)
    threshold: float = Field(default=2.5, ge=1, le=5)


class MetricDef(_Frozen):
    id: Literal["nps", "retention_rate", "churn_rate"]
    title: Text
    description: Text


class Framework(_Frozen):
    format: Literal["cemassess-framework"]
    format_version: Literal[1]
    id: Id
    version: Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+){0,2}$")]
    # The language every text of the framework is written in; the others may be partial.
    base_language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")] = "en"
    title: Text
    description: Text
    source: Text  # where the content comes from
    phases: tuple[Phase, Phase, Phase]
    bands: tuple[Band, ...] = Field(min_length=2, max_length=10)
    dimensions: tuple[Dimension, ...] = Field(min_length=1, max_length=30)
    checks: tuple[Check, ...] = ()
    metrics: tuple[MetricDef, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Framework:
        seen: set[str] = set()
        for ident in self._all_ids():
            if ident in seen:
                raise ValueError(f"duplicate id {ident!r}")
            seen.add(ident)
        if [p.number for p in self.phases] != [1, 2, 3]:
            raise ValueError("phases must be numbered 1, 2, 3 in order")
        mins = [b.min_score for b in self.bands]
        if mins[0] != 0 or any(b <= a for a, b in zip(mins, mins[1:], strict=False)):
            raise ValueError("bands must start at 0 and rise strictly")
        for where, text in _texts(self, "framework"):
            if not text.has(self.base_language):
                raise ValueError(f"{where} has no text in the base language {self.base_language!r}")
        action_ids = {a.id for d in self.dimensions for p in d.practices for a in p.actions}
        for d in self.dimensions:
            for p in d.practices:
                for a in p.actions:
                    for dep in a.after:
                        if dep not in action_ids or dep == a.id:
                            raise ValueError(f"action {a.id!r} comes after unknown action {dep!r}")
        practice_ids = {p.id for d in self.dimensions for p in d.practices}
        for c in self.checks:
            for pid in c.practices:
                if pid not in practice_ids:
                    raise ValueError(f"check {c.id!r} names unknown practice {pid!r}")
        return self

    def _all_ids(self):
        for d in self.dimensions:
            yield d.id
            for p in d.practices:
                yield p.id
                for a in p.actions:
                    yield a.id
        for c in self.checks:
            yield c.id

    # -- look-ups ---------------------------------------------------------------------
    @cached_property
    def practices(self) -> dict[str, Practice]:
        return {p.id: p for d in self.dimensions for p in d.practices}

    @cached_property
    def dimension_of(self) -> dict[str, Dimension]:
        return {p.id: d for d in self.dimensions for p in d.practices}

    @cached_property
    def dimensions_by_id(self) -> dict[str, Dimension]:
        return {d.id: d for d in self.dimensions}

    @cached_property
    def actions(self) -> dict[str, Action]:
        return {a.id: a for p in self.practices.values() for a in p.actions}

    @cached_property
    def practice_of_action(self) -> dict[str, Practice]:
        return {a.id: p for p in self.practices.values() for a in p.actions}

    def band(self, score: float) -> Band:
        chosen = self.bands[0]
        for b in self.bands:
            if score >= b.min_score - 1e-9:
                chosen = b
        return chosen

    def next_band_floor(self, score: float) -> float | None:
        """The lowest score of the band above `score`'s band, or None at the top."""
        for b in self.bands:
            if b.min_score > score + 1e-9:
                return b.min_score
        return None

    def phase(self, number: int) -> Phase:
        return self.phases[number - 1]


def _texts(obj: object, where: str):
    """Every Text inside a model, with a readable path to it."""
    if isinstance(obj, Text):
        yield where, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _texts(getattr(obj, name), f"{where}.{name}")
    elif isinstance(obj, tuple | list):
        for i, x in enumerate(obj):
            yield from _texts(x, f"{where}[{i}]")


def languages_of(fw: Framework) -> dict[str, float]:
    """Share of the framework's texts present in each language (1.0 = complete)."""
    texts = [t for _, t in _texts(fw, "framework")]
    counts: dict[str, int] = {}
    for t in texts:
        for lang in t.languages:
            counts[lang] = counts.get(lang, 0) + 1
    return {lang: n / len(texts) for lang, n in counts.items()}


def level_to_score(level: float) -> float:
    """Level 1 maps to 0 and level 5 to 100, linearly."""
    return (level - 1.0) * 25.0


def score_to_level(score: float) -> float:
    return 1.0 + score / 25.0


def anchor_levels(level: float) -> tuple[int, ...]:
    """The anchors that describe a consensus level: one for a whole level, the two around it
    otherwise (3.5 is "between 3 and 4", never level 4's text alone; no rounding at all)."""
    lo = max(1, min(5, math.floor(level + 1e-9)))
    hi = max(1, min(5, math.ceil(level - 1e-9)))
    return (lo,) if lo == hi else (lo, hi)


def band_cap(attained_phase: int, n_bands: int) -> int:
    """The highest band index a company with `attained_phase` phases may wear: the top band
    needs all three phases, and each phase not attained lowers the ceiling by one band."""
    return max(0, n_bands - 1 - (3 - attained_phase))


_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")[:64] or "x"
