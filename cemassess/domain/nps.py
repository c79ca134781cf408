"""Net Promoter Score by its standard definition, and the published B2B figures we cite.

"How likely are you to recommend ... ?" answered 0-10. Promoters answer 9-10, passives
7-8, detractors 0-6. NPS = % promoters - % detractors, from -100 to +100.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class NpsResult:
    n: int
    promoters: int
    passives: int
    detractors: int

    @property
    def score(self) -> float:
        return 100.0 * (self.promoters - self.detractors) / self.n

    @property
    def pct_promoters(self) -> float:
        return 100.0 * self.promoters / self.n

    @property
    def pct_passives(self) -> float:
        return 100.0 * self.passives / self.n

    @property
    def pct_detractors(self) -> float:
        return 100.0 * self.detractors / self.n


def nps_from_counts(counts: Sequence[int]) -> NpsResult:
    """NPS from the number of people who answered 0, 1, ..., 10."""
    if len(counts) != 11:
        raise ValueError("NPS needs 11 counts, one for each answer 0..10")
    if any(isinstance(c, bool) or not isinstance(c, int) or c < 0 for c in counts):
        raise ValueError("NPS counts must be whole numbers of 0 or more")
    n = sum(counts)
    if n == 0:
        raise ValueError("NPS needs at least one answer")
    return NpsResult(n, counts[9] + counts[10], counts[7] + counts[8], sum(counts[:7]))


def nps_from_answers(answers: Iterable[int]) -> NpsResult:
    """NPS from raw 0-10 answers; anything outside 0..10 is rejected."""
    counts = [0] * 11
    for a in answers:
        if isinstance(a, bool) or not isinstance(a, int) or not 0 <= a <= 10:
            raise ValueError(f"an NPS answer must be a whole number from 0 to 10, not {a!r}")
        counts[a] += 1
    return nps_from_counts(counts)


@dataclass(frozen=True)
class PublishedNps:
    key: str
    label_en: str
    label_ru: str
    value: float | None  # a single figure, or None for a range
    low: float | None
    high: float | None
    source: str
    source_ru: str
    year: int | None = None  # the year the figure was published (None: the source gives none)

    def cite(self, lang: str) -> str:
        return self.source_ru if lang == "ru" else self.source


# Published B2B NPS reference figures (see shared guide METHOD.md). These are cited facts
# with their sources, not measurements of ours.
PUBLISHED_B2B_NPS: tuple[PublishedNps, ...] = (
    PublishedNps("b2b_avg_2015", "B2B average (2015)", "Среднее по B2B (2015)", 24, 15, 43,
                 "B2B International, 2015 B2B NPS study (industries ranged 15-43)",
                 "B2B International, исследование NPS в B2B, 2015 (по отраслям от 15 до 43)", 2015),
    PublishedNps("b2b_avg_5y", "B2B average over five years", "Среднее по B2B за пять лет", 33, None, None,
                 "B2B International, NPS FAQ", "B2B International, ответы на частые вопросы о NPS"),
    PublishedNps("b2b_best", "B2B best in class", "Лучшие в B2B", None, 65, 70,
                 "B2B International, NPS FAQ", "B2B International, ответы на частые вопросы о NPS"),
)
