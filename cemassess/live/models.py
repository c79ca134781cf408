"""What a phone may send: strict request models built from the exchange models' own types.

Every field is bounded; unknown fields are refused (so a request can never name a seat: the
seat is the cookie's). A level is 1-5, "na" or "dk" exactly as in an answer file.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

from cemassess.domain.assessment import Answer
from cemassess.domain.framework import Id, Role

Short = Annotated[str, StringConstraints(max_length=200, strip_whitespace=True)]
Lang = Literal["en", "ru", "uk"]
MAX_BODY = 16 * 1024  # one answer with a 4,000-character Cyrillic comment is ~9 KB


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class JoinRequest(_Request):
    name: Short = ""  # Respondent.name
    company: Short = ""  # Company.name: stored with the seat, never shown to the room
    role: Role = Role.OTHER
    consent_benchmark: bool = False  # AnswerFile.consent_benchmark


class AnswerRequest(_Request):
    practice: Id
    answer: Answer  # the answer file's Answer: value 1-5/"na"/"dk"/null, comment


class Empty(_Request):
    pass
