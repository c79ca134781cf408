"""Questionnaire packages and answer files: how answers travel in workshops and club events.

The facilitator exports a *questionnaire* (framework, company, the role to answer as, the
event or workshop it belongs to). A participant answers it in participant mode and exports
an *answer file*. The facilitator imports many answer files at once: each is validated in
full before anything is merged; duplicates and files already imported are recognised;
every refused file is named with its reason; nothing is partially imported.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from cemassess.domain.assessment import Answer, Assessment, Company, Metrics, Respondent, new_id
from cemassess.domain.framework import Framework, Id, Role
from cemassess.domain.hygiene import clean_line
from cemassess.exchange.assessment_file import practice_renames, rename_keys
from cemassess.exchange.strictjson import FileFormatError, parse_bytes, read_bounded, validate

QUESTIONNAIRE = "cemassess-questionnaire"
ANSWERS = "cemassess-answers"
MAX_ANSWER_FILE = 2 * 1024 * 1024  # a full answer file is ~30 KB; 2 MiB is generous
Short = Annotated[str, StringConstraints(max_length=200), AfterValidator(clean_line)]
FileId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,40}$")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Questionnaire(_Model):
    format: Literal["cemassess-questionnaire"] = QUESTIONNAIRE
    format_version: Literal[1] = 1
    id: FileId = Field(default_factory=new_id)
    mode: Literal["workshop", "event"] = "workshop"
    assessment: FileId | Literal[""] = ""  # workshop: the assessment the answers join
    event: Short = ""  # event mode: the event's name
    framework: Id
    framework_version: Short = ""
    language: Literal["en", "ru", "uk"] = "en"  # as Assessment.language
    company: Company = Field(default_factory=Company)  # workshop: the client; event: blank
    role: Role | None = None  # the role to answer as (None: the participant chooses)
    facilitator: Short = ""
    created: dt.datetime = Field(default_factory=lambda: dt.datetime.now(dt.UTC).replace(microsecond=0))


class AnswerFile(_Model):
    format: Literal["cemassess-answers"] = ANSWERS
    format_version: Literal[1] = 1
    id: FileId = Field(default_factory=new_id)
    questionnaire: FileId | Literal[""] = ""
    mode: Literal["workshop", "event"] = "workshop"
    assessment: FileId | Literal[""] = ""
    framework: Id
    respondent: Respondent
    company: Company = Field(default_factory=Company)  # event mode: the participant's company
    answers: dict[Id, Answer] = Field(default_factory=dict, max_length=1000)
    metrics: Metrics = Field(default_factory=Metrics)
    consent_benchmark: bool = False  # may the event's anonymised results feed a benchmark?
    created: dt.datetime = Field(default_factory=lambda: dt.datetime.now(dt.UTC).replace(microsecond=0))


def questionnaire_for(a: Assessment, role: Role | str | None = None, event: str = "") -> Questionnaire:
    """The questionnaire a facilitator hands out for `a`: workshop mode (answers join `a`,
    the client's company printed) or, with an event name, event mode (no company: each
    participant enters their own)."""
    return Questionnaire(mode="event" if event else "workshop", assessment="" if event else a.id,
                         event=event, framework=a.framework, framework_version=a.framework_version,
                         language=a.language, company=Company() if event else a.company.model_copy(),
                         role=Role(role) if role else None, facilitator=a.assessor)


def dumps(model: BaseModel) -> bytes:
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=1).encode("utf-8")


def answer_file_from(a: Assessment, respondent_id: str, q: Questionnaire | None = None,
                     consent: bool = False) -> AnswerFile:
    """What a participant exports after answering in participant mode."""
    r = a.respondent(respondent_id)
    if r is None:
        raise KeyError(respondent_id)
    return AnswerFile(
        questionnaire=q.id if q else "", mode=q.mode if q else "workshop",
        assessment=q.assessment if q else "", framework=a.framework, respondent=r,
        company=a.company, answers=dict(a.answers.get(respondent_id, {})), metrics=a.metrics,
        consent_benchmark=consent)


def read_answer_file(data: bytes, name: str, fw: Framework | None = None) -> AnswerFile:
    try:
        raw = parse_bytes(data, what="answer file")
        if not isinstance(raw, dict) or raw.get("format") != ANSWERS:
            fmt = raw.get("format") if isinstance(raw, dict) else None
            raise FileFormatError(
                "this is a questionnaire, not an answer file" if fmt == QUESTIONNAIRE
                else "not a cemassess answer file")
        if raw.get("format_version") != 1:
            raise FileFormatError(f"answer file format version {raw.get('format_version')!r} is not supported")
        renames = practice_renames(raw.get("framework")) if isinstance(raw.get("framework"), str) else {}
        if renames and isinstance(raw.get("answers"), dict):  # answered on an older framework release
            raw = dict(raw, answers=rename_keys(raw["answers"], renames))
        af = validate(AnswerFile, raw, what="answer file")
        if fw is not None:
            if af.framework != fw.id:
                raise FileFormatError(f"answers a different framework ({af.framework!r}, expected {fw.id!r})")
            unknown = sorted(set(af.answers) - set(fw.practices))
            if unknown:
                raise FileFormatError(f"answers an unknown practice {unknown[0]!r}")
        return af
    except FileFormatError as e:
        raise FileFormatError(f"{name}: {e}") from None


@dataclass
class Refused:
    name: str
    reason: str


@dataclass
class Batch:
    """The outcome of reading many answer files: what can land and what was refused."""

    accepted: list[tuple[str, AnswerFile]] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the *.json files inside given folders (not recursive), sorted."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(x for x in p.iterdir() if x.is_file() and x.suffix.lower() == ".json"))
        else:
            out.append(p)
    return out


def read_batch(paths: Sequence[Path], fw: Framework, already: set[str] = frozenset()) -> Batch:  # type: ignore[assignment]
    """Validate every file; refuse duplicates (same file id or same content twice) and files
    whose id was imported before (`already`)."""
    batch = Batch()
    seen_ids: set[str] = set()
    seen_hash: dict[str, str] = {}
    for p in expand(paths):
        name = p.name
        try:  # a regular file only, bounded in size and time (never a FIFO or /dev/zero)
            data = read_bounded(p, what="answer file", max_bytes=MAX_ANSWER_FILE)
        except FileFormatError as e:
            batch.refused.append(Refused(name, str(e)))
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen_hash:
            batch.refused.append(Refused(name, f"{name}: the same file as {seen_hash[digest]}"))
            continue
        try:
            af = read_answer_file(data, name, fw)
        except FileFormatError as e:
            batch.refused.append(Refused(name, str(e)))
            continue
        if af.id in already:
            batch.refused.append(Refused(name, f"{name}: already imported"))
            continue
        if af.id in seen_ids:
            batch.refused.append(Refused(name, f"{name}: a copy of an answer file already in this batch"))
            continue
        seen_ids.add(af.id)
        seen_hash[digest] = name
        batch.accepted.append((name, af))
    return batch


def merge_into(a: Assessment, batch: Batch) -> list[Refused]:
    """Workshop mode: each accepted file becomes a respondent of `a`. All-or-nothing per
    file; a file for another assessment, or whose respondent already exists, is refused."""
    refused: list[Refused] = []
    taken = {r.id for r in a.respondents}
    for name, af in batch.accepted:
        if af.assessment and af.assessment != a.id:
            refused.append(Refused(name, f"{name}: answers another assessment ({af.assessment})"))
            continue
        rid = f"f{af.id}"[:40]
        if rid in taken:
            refused.append(Refused(name, f"{name}: already imported"))
            continue
        r = Respondent(id=rid, name=af.respondent.name, role=af.respondent.role)
        a.respondents.append(r)
        a.answers[rid] = {pid: ans for pid, ans in af.answers.items() if not ans.is_empty}
        taken.add(rid)
    return refused


def as_assessment(af: AnswerFile) -> Assessment:
    """Event mode: each participant's file is its own one-respondent assessment."""
    r = Respondent(id="r1", name=af.respondent.name, role=af.respondent.role)
    return Assessment(id=af.id, framework=af.framework, company=af.company, respondents=[r],
                      answers={"r1": dict(af.answers)}, metrics=af.metrics)
