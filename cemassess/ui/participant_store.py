"""Participant mode's store: one questionnaire's answers in one small autosave file.

A participant answers on their own laptop, with no portfolio. Their answers must survive a
crash or a closed lid, so every change is written at once, atomically (temp file, fsync,
rename: `exchange.atomic`), to `<config folder>/participant/<questionnaire id>.json`, and
read back when the same questionnaire is opened again. The object offers the few portfolio
calls the Session makes (`get`, `set_answer`, `update`, `close`), so the walk-through, its
keyboard flow and undo work exactly as in the facilitator's app.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from cemassess.domain.assessment import Answer, Assessment, Respondent, new_id
from cemassess.domain.framework import Role
from cemassess.exchange.atomic import atomic_write_bytes
from cemassess.exchange.participant import Questionnaire
from cemassess.exchange.strictjson import FileFormatError, parse_bytes, validate

DRAFT = "cemassess-participant-draft"
RESPONDENT = "r1"
MAX_DRAFT = 4 * 1024 * 1024


class Draft(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal["cemassess-participant-draft"] = DRAFT
    format_version: Literal[1] = 1
    questionnaire: Questionnaire
    assessment: Assessment
    consent: bool = False
    answer_id: str = Field(default_factory=new_id, pattern=r"^[A-Za-z0-9_-]{1,40}$")
    exported: str = Field(default="", max_length=4000)  # where the answers were last exported


def drafts_folder() -> Path:
    from cemassess.ui.settings import config_dir

    return config_dir() / "participant"


def read_questionnaire(path: Path) -> Questionnaire:
    """A questionnaire file, strictly validated; one-line FileFormatError otherwise."""
    from cemassess.exchange.strictjson import read_json

    path = Path(path)
    raw = read_json(path, what="questionnaire", max_bytes=1024 * 1024)
    if not isinstance(raw, dict) or raw.get("format") != "cemassess-questionnaire":
        raise FileFormatError(f"{path.name}: not a cemassess questionnaire")
    try:
        return validate(Questionnaire, raw, what="questionnaire")
    except FileFormatError as e:
        raise FileFormatError(f"{path.name}: {e}") from None


def blank_assessment(q: Questionnaire) -> Assessment:
    """What a participant starts from: the questionnaire's framework and company (blank at an
    event: they enter their own), one respondent, no answers."""
    from cemassess.domain.assessment import Company

    company = q.company.model_copy() if q.mode == "workshop" else Company()
    return Assessment(framework=q.framework, framework_version=q.framework_version,
                      language=q.language, company=company, assessor=q.facilitator,
                      title=q.event if q.mode == "event" else "",
                      respondents=[Respondent(id=RESPONDENT, name="", role=q.role or Role.OTHER)])


class ParticipantDraft:
    """The portfolio stand-in of participant mode (see the module docstring)."""

    read_only = False

    def __init__(self, path: Path, draft: Draft) -> None:
        self.path = Path(path)
        self.draft = draft
        self.restored = False  # True when answers were read back from an earlier session
        self.problem = ""  # an unreadable earlier draft, set aside (one line)

    # -- opening ----------------------------------------------------------------------------
    @classmethod
    def open(cls, q: Questionnaire, folder: Path | None = None) -> ParticipantDraft:
        folder = Path(folder or drafts_folder())
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{q.id}.json"
        problem = ""
        if path.exists():
            try:
                d = cls._read(path)
                if d.questionnaire.id != q.id:
                    raise FileFormatError(f"{path.name}: belongs to another questionnaire")
                store = cls(path, d)
                store.restored = True
                return store
            except FileFormatError as e:  # keep the damaged one aside, never delete answers
                aside = path.with_suffix(".damaged.json")
                path.replace(aside)
                problem = f"{e} (kept as {aside.name})"
        store = cls(path, Draft(questionnaire=q, assessment=blank_assessment(q)))
        store.problem = problem
        store._write()
        return store

    @classmethod
    def latest(cls, folder: Path | None = None) -> ParticipantDraft | None:
        """The draft changed last (`--participant` without a file resumes it)."""
        folder = Path(folder or drafts_folder())
        if not folder.is_dir():
            return None
        for path in sorted((p for p in folder.glob("*.json") if not p.name.endswith(".damaged.json")),
                           key=lambda p: p.stat().st_mtime, reverse=True):
            try:
                store = cls(path, cls._read(path))
            except FileFormatError:
                continue
            store.restored = True
            return store
        return None

    @staticmethod
    def _read(path: Path) -> Draft:
        data = path.read_bytes()
        if len(data) > MAX_DRAFT:
            raise FileFormatError(f"{path.name}: too large for a participant draft")
        raw = parse_bytes(data, what="participant draft")
        try:
            return validate(Draft, raw, what="participant draft")
        except FileFormatError as e:
            raise FileFormatError(f"{path.name}: {e}") from None

    def _write(self) -> None:
        data = json.dumps(self.draft.model_dump(mode="json"), ensure_ascii=False).encode("utf-8")
        atomic_write_bytes(self.path, data)

    # -- what the Session calls -----------------------------------------------------------------
    @property
    def questionnaire(self) -> Questionnaire:
        return self.draft.questionnaire

    @property
    def assessment_id(self) -> str:
        return self.draft.assessment.id

    def get(self, aid: str) -> Assessment:
        return self.draft.assessment.model_copy(deep=True)

    def set_answer(self, aid: str, respondent_id: str, practice_id: str, answer: Answer | None) -> None:
        a = self.draft.assessment.model_copy(deep=True)
        a.set_answer(respondent_id, practice_id, None if answer is None or answer.is_empty else answer)
        self._commit(a)

    def update(self, aid: str, fn: Any) -> Assessment:
        work = self.draft.assessment.model_copy(deep=True)
        result = fn(work)
        new = Assessment.model_validate((result if isinstance(result, Assessment) else work)
                                        .model_dump(mode="json"))
        self._commit(new)
        return new.model_copy(deep=True)

    def _commit(self, a: Assessment) -> None:
        """Memory follows the disk: the draft changes only once the file holds the change."""
        new = self.draft.model_copy(update={"assessment": a})
        old, self.draft = self.draft, new
        try:
            self._write()
        except OSError as e:
            self.draft = old
            raise OSError(f"could not save your answers: {e.strerror or e}") from None

    def set_consent(self, on: bool) -> None:
        if on != self.draft.consent:
            self._commit_fields(consent=on)

    def mark_exported(self, path: Path) -> None:
        self._commit_fields(exported=str(path))

    def _commit_fields(self, **fields: Any) -> None:
        old, self.draft = self.draft, self.draft.model_copy(update=fields)
        try:
            self._write()
        except OSError:
            self.draft = old
            raise

    def close(self) -> None:
        pass  # every change is on disk already
