"""Bilingual text: every user-facing string of a framework exists in English and Russian."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

Lang = Literal["en", "ru"]
LANGS: tuple[Lang, ...] = ("en", "ru")

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=False, min_length=1, max_length=4000)]


class Text(BaseModel):
    """A text in both product languages. Neither may be empty."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    en: NonEmpty
    ru: NonEmpty

    def __call__(self, lang: Lang) -> str:
        return self.ru if lang == "ru" else self.en

    def get(self, lang: str) -> str:
        return self.ru if lang == "ru" else self.en
