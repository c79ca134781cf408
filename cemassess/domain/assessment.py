"""An assessment: company profile, respondents, their answers, metrics, targets and roadmap edits.

These models are the assessment file format (docs/file-format.md); the JSON Schema in
resources/schema/ is generated from them. Strings and lists are bounded and unknown fields
rejected, so the same models validate whatever a person hands us.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    field_validator,
    model_validator,
)

from cemassess.domain.framework import Effort, Id, PhaseNo, Role
from cemassess.domain.hygiene import clean_line, clean_multiline

FORMAT = "cemassess-assessment"
FORMAT_VERSION = 1

# Text hygiene (cemassess.domain.hygiene): control characters never stay in a name or comment,
# whether typed, pasted or read back; files from outside are refused before they get here.
Short = Annotated[str, StringConstraints(max_length=200), AfterValidator(clean_line)]
Long = Annotated[str, StringConstraints(max_length=4000), AfterValidator(clean_multiline)]
RespondentId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,40}$")]


def _exact_answer(v: object) -> object:
    # JSON true would pass as 1 and 4.0 as 4 under lax validation: a file saying so is wrong.
    if isinstance(v, bool | float):
        raise ValueError("an answer is a whole number 1-5, \"na\" or \"dk\"")
    return v


AnswerValue = Annotated[Literal[1, 2, 3, 4, 5, "na", "dk"], BeforeValidator(_exact_answer)]
Count = Annotated[int, Strict(), Field(ge=0, le=10_000_000)]
Percent = Annotated[float, Strict(), Field(ge=0, le=100)]
Score = Annotated[float, Strict(), Field(ge=0, le=100)]
Horizon = Literal["now", "next", "later"]
MAX_RESPONDENTS = 500


def new_id() -> str:
    return uuid.uuid4().hex[:12]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Company(_Model):
    name: Short = ""
    industry: Short = ""
    size: Literal["", "micro", "small", "medium", "large", "enterprise"] = ""
    market: Literal["", "b2b", "b2c", "both"] = "b2b"
    country: Short = ""
    region: Short = ""


class Respondent(_Model):
    id: RespondentId
    name: Short = ""
    role: Role = Role.OTHER


class Answer(_Model):
    """One respondent's answer to one practice. `value` None means not answered yet
    (an answer may hold only a comment or a review flag)."""

    value: AnswerValue | None = None
    comment: Long = ""
    review: bool = False

    @property
    def is_empty(self) -> bool:
        return self.value is None and not self.comment and not self.review

    @property
    def answered(self) -> bool:
        """The one definition of "answered" (Start list, walk-through, completion): a level,
        N/A or don't know. A comment or a review flag alone is not an answer."""
        return self.value is not None


class Agreed(_Model):
    """The facilitator's agreed answer for a practice (consensus mode) and the dissent."""

    value: AnswerValue
    dissent: Long = ""


class Nps(_Model):
    """NPS survey results as counts of each answer 0..10 (index = answer)."""

    counts: Annotated[list[Count], Field(min_length=11, max_length=11)]
    period: Short = ""
    source: Short = ""


class Metrics(_Model):
    nps: Nps | None = None
    retention_rate: Percent | None = None
    churn_rate: Percent | None = None
    period: Short = ""


class Targets(_Model):
    """Roadmap targets. Targets follow the phase logic (docs/scoring.md); `mode` and
    `benchmark` are kept for file compatibility and no longer change them (benchmarks never
    set targets or priorities). Per-dimension overrides as 0-100 scores."""

    mode: Literal["next_level", "top_quartile"] = "next_level"
    benchmark: Annotated[str, StringConstraints(max_length=120)] = ""
    overrides: dict[Id, Score] = Field(default_factory=dict, max_length=100)


class ActionEdit(_Model):
    """A user's edit of a generated roadmap action. None keeps the generated value."""

    included: bool = True
    owner: Short | None = None
    horizon: Horizon | None = None
    kpi: Short | None = None
    due: dt.date | None = None
    note: Long = ""


class CustomAction(_Model):
    id: Annotated[str, StringConstraints(pattern=r"^c\.[A-Za-z0-9_-]{1,40}$")]
    title: Short = Field(min_length=1)
    description: Long = ""
    dimension: Id
    phase: PhaseNo = 1
    owner: Short = ""
    effort: Effort = "M"
    kpi: Short = ""
    horizon: Horizon = "now"
    due: dt.date | None = None
    included: bool = True


class RoadmapEdits(_Model):
    edits: dict[Annotated[str, StringConstraints(max_length=80)], ActionEdit] = Field(
        default_factory=dict, max_length=2000)
    custom: list[CustomAction] = Field(default_factory=list, max_length=500)
    order: list[Annotated[str, StringConstraints(max_length=80)]] = Field(default_factory=list, max_length=2500)


class Assessment(_Model):
    format: Literal["cemassess-assessment"] = FORMAT
    format_version: Literal[1] = FORMAT_VERSION
    id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,40}$")] = Field(default_factory=new_id)
    framework: Id = "cem-b2b"
    framework_version: Short = ""
    language: Literal["en", "ru", "uk"] = "en"
    title: Short = ""
    company: Company = Field(default_factory=Company)
    assessor: Short = ""
    date: dt.date = Field(default_factory=dt.date.today)
    created: dt.datetime = Field(default_factory=lambda: dt.datetime.now(dt.UTC).replace(microsecond=0))
    modified: dt.datetime = Field(default_factory=lambda: dt.datetime.now(dt.UTC).replace(microsecond=0))
    status: Literal["draft", "complete", "archived"] = "draft"
    previous: Annotated[str, StringConstraints(max_length=40)] = ""  # id of the earlier assessment of this company
    respondents: list[Respondent] = Field(default_factory=list, max_length=MAX_RESPONDENTS)
    # answers[respondent_id][practice_id]
    answers: dict[RespondentId, dict[Id, Answer]] = Field(default_factory=dict, max_length=MAX_RESPONDENTS)
    # the facilitator's agreed answers (consensus mode), by practice id
    agreed: dict[Id, Agreed] = Field(default_factory=dict, max_length=1000)
    metrics: Metrics = Field(default_factory=Metrics)
    targets: Targets = Field(default_factory=Targets)
    roadmap: RoadmapEdits = Field(default_factory=RoadmapEdits)

    @field_validator("answers")
    @classmethod
    def _bounded_inner(cls, v: dict[str, dict[str, Answer]]) -> dict[str, dict[str, Answer]]:
        for rid, per in v.items():
            if len(per) > 1000:
                raise ValueError(f"respondent {rid!r} has more than 1000 answers")
        return v

    @model_validator(mode="after")
    def _respondents_consistent(self) -> Assessment:
        ids = [r.id for r in self.respondents]
        if len(ids) != len(set(ids)):
            dup = next(i for i in ids if ids.count(i) > 1)
            raise ValueError(f"respondent id {dup!r} is used twice")
        unknown = set(self.answers) - set(ids)
        if unknown:
            raise ValueError(f"answers name unknown respondent {sorted(unknown)[0]!r}")
        return self

    # -- convenience ---------------------------------------------------------------------
    def respondent(self, rid: str) -> Respondent | None:
        return next((r for r in self.respondents if r.id == rid), None)

    def answer(self, rid: str, practice_id: str) -> Answer | None:
        return self.answers.get(rid, {}).get(practice_id)

    def set_answer(self, rid: str, practice_id: str, answer: Answer | None) -> None:
        if self.respondent(rid) is None:
            raise KeyError(f"no respondent {rid!r}")
        per = self.answers.setdefault(rid, {})
        if answer is None or answer.is_empty:
            per.pop(practice_id, None)
        else:
            per[practice_id] = answer

    def add_respondent(self, name: str = "", role: Role = Role.OTHER) -> Respondent:
        taken = {r.id for r in self.respondents}
        n = len(self.respondents) + 1
        while f"r{n}" in taken:
            n += 1
        r = Respondent(id=f"r{n}", name=name, role=role)
        self.respondents.append(r)
        return r

    def touch(self) -> None:
        self.modified = dt.datetime.now(dt.UTC).replace(microsecond=0)
