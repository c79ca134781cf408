"""Framework text in any number of languages: a mapping from language code to text.

A framework declares its base language (English for the shipped ones); a consultant's own
framework may carry languages the product has no interface for. Looking a text up takes
the best match: the language asked for, then the base language, then English, then the
first one present. `has()` tells a face whether it is showing a fallback.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from pydantic import ConfigDict, Field, RootModel, StringConstraints

Lang = str  # a language code such as "en", "ru", "uk" (BCP 47 primary subtag)
BASE_LANG = "en"

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=False, min_length=1, max_length=4000)]
LangCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]


class Text(RootModel[dict[LangCode, NonEmpty]]):
    """One text in several languages. At least one; none may be empty."""

    model_config = ConfigDict(frozen=True)
    root: dict[LangCode, NonEmpty] = Field(min_length=1, max_length=40)

    def __call__(self, lang: Lang, base: Lang = BASE_LANG) -> str:
        return self.get(lang, base)

    def get(self, lang: Lang, base: Lang = BASE_LANG) -> str:
        r = self.root
        for cand in (lang, base, BASE_LANG):
            if cand in r:
                return r[cand]
        return next(iter(r.values()))

    def has(self, lang: Lang) -> bool:
        return lang in self.root

    @property
    def languages(self) -> tuple[Lang, ...]:
        return tuple(self.root)

    def __iter__(self) -> Iterator[str]:  # type: ignore[override]
        return iter(self.root)

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.root.items())))

    @property
    def en(self) -> str:
        return self.get("en")

    @property
    def ru(self) -> str:
        return self.get("ru")
