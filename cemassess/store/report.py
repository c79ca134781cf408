"""What the store tells the user after opening a portfolio or importing files.

Messages are plain sentences for a consultant, e.g. "Recovered 12 answers to 'Acme' from
an unfinished session." The UI shows `RecoveryReport.messages()` and offers, per recovered
assessment, to keep or discard the recovered changes (`Portfolio.discard_recovered`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from cemassess.i18n import plural_ru


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


# Why a file could not be used, in Russian: the store says it in English at the source
# (DamagedFile.reason); these patterns cover every reason it gives.
_REASONS_RU: list[tuple[str, str]] = [
    (r"is missing", "отсутствует"),
    (r"is empty \(zero bytes\)", "пуст (ноль байт)"),
    (r"holds no data \(only blank or zero bytes\)", "не содержит данных (только пустые или нулевые байты)"),
    (r"is cut short \(it ends in the middle of the data\)", "обрезан (обрывается посреди данных)"),
    (r"is not readable text \(garbage at byte (\d+)\)", r"не читается как текст (мусор в байте \1)"),
    (r"is garbled \(invalid data at line (\d+), column (\d+)\)",
     r"повреждён (ошибка в строке \1, столбце \2)"),
    (r"has a damaged header \(no change counter\)", "имеет повреждённый заголовок (нет счётчика изменений)"),
    (r"holds no assessment", "не содержит оценки"),
    (r"holds an assessment that is not valid \((.*)\)", r"содержит недопустимую оценку (\1)"),
    (r"holds assessment (.*) instead of (.*)", r"содержит оценку \1 вместо \2"),
    (r"cannot be read \((.*)\)", r"не читается (\1)"),
    (r"has a damaged list of assessments", "содержит повреждённый список оценок"),
    (r"has a damaged entry", "содержит повреждённую запись"),
    (r"is not a cemassess file of the expected kind \(no valid header\)",
     "не является файлом cemassess нужного вида (нет допустимого заголовка)"),
    (r"has an unknown schema version \((.*)\)", r"имеет неизвестную версию схемы (\1)"),
    (r"was written by a newer cemassess \((.*)\)", r"записан более новой версией cemassess (\1)"),
    (r"was written by a newer cemassess(.*)", r"записан более новой версией cemassess\1"),
    (r"has schema version (\S+), which this cemassess (.*)", r"имеет версию схемы \1, которую эта версия cemassess не читает"),
    (r"could not be upgraded from schema (\S+) \((.*)\)", r"не удалось обновить со схемы \1 (\2)"),
    (r"was written by a different cemassess \((.*)\)", r"записан другой версией cemassess (\1)"),
    (r"belongs to assessment (.*), not (.*)", r"относится к оценке \1, а не \2"),
]


def reason_ru(reason: str) -> str:
    for pattern, ru in _REASONS_RU:
        m = re.fullmatch(pattern, reason, flags=re.S)
        if m:
            return m.expand(ru)
    return reason  # an unforeseen reason: better in English than not at all


def _ru_changes(answers: int, other: int) -> str:
    parts = []
    if answers:
        parts.append(f"{answers} {plural_ru(answers, 'ответ', 'ответа', 'ответов')}")
    if other:
        parts.append(f"{other} {plural_ru(other, 'другое изменение', 'других изменения', 'других изменений')}")
    return " и ".join(parts) or "нет изменений"


@dataclass
class RecoveredChanges:
    """Changes replayed from a journal that the last session did not close cleanly."""

    id: str
    name: str
    answers: int = 0
    other: int = 0
    ignored: int = 0  # unfinished (never acknowledged) last writes that were dropped
    journal_copy: Path | None = None  # the journal as found, kept for discard/inspection
    before_copy: Path | None = None  # the snapshot before replay (what discard goes back to)
    discarded: bool = False
    pending: bool = False  # read-only view: not written back yet

    def message(self, lang: str = "en") -> str:
        if lang == "ru":
            return self._message_ru()
        parts = []
        if self.answers:
            parts.append(_n(self.answers, "answer"))
        if self.other:
            parts.append(_n(self.other, "other change"))
        if not parts and self.ignored:
            return (f"An unfinished change to '{self.name}' that was not yet saved when "
                    "cemassess stopped was dropped.")
        what = " and ".join(parts) or "no changes"
        if self.pending:
            return (f"{what} to '{self.name}' from an unfinished session will be recovered "
                    "when the portfolio is opened for editing.")
        text = f"Recovered {what} to '{self.name}' from an unfinished session."
        if self.discarded:
            text = f"Discarded {what} to '{self.name}' recovered from an unfinished session."
        return text

    def _message_ru(self) -> str:
        if not (self.answers or self.other) and self.ignored:
            return (f"Незавершённое изменение оценки «{self.name}», не успевшее сохраниться при "
                    "остановке cemassess, отброшено.")
        what = _ru_changes(self.answers, self.other)
        if self.pending:
            return (f"Незавершённая сессия оставила изменения оценки «{self.name}» ({what}); они будут "
                    "восстановлены, когда портфель откроется для редактирования.")
        if self.discarded:
            return f"Отменено восстановление изменений оценки «{self.name}» ({what}) из незавершённой сессии."
        return f"Восстановлено из незавершённой сессии: {what} в оценке «{self.name}»."


@dataclass
class Problem:
    """A damaged or missing file, and what was done about it."""

    message: str
    id: str | None = None
    quarantined: list[Path] = field(default_factory=list)
    restored_from: Path | None = None
    message_ru: str = ""

    def text(self, lang: str = "en") -> str:
        return self.message_ru if lang == "ru" and self.message_ru else self.message


@dataclass
class RecoveryReport:
    data_dir: Path
    read_only: bool = False
    unclean_shutdown: bool = False
    recovered: list[RecoveredChanges] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    ignored_unfinished: int = 0

    @property
    def quiet(self) -> bool:
        """Nothing worth telling the user."""
        return not self.recovered and not self.problems

    def for_id(self, aid: str) -> RecoveredChanges | None:
        return next((r for r in self.recovered if r.id == aid and not r.discarded), None)

    def messages(self, lang: str = "en") -> list[str]:
        out = [r.message(lang) for r in self.recovered]
        out += [p.text(lang) for p in self.problems]
        return out


@dataclass
class ImportResult:
    path: Path
    outcome: str  # "imported", "imported as copy", "already present", "refused"
    reason: str = ""
    id: str = ""
    name: str = ""

    @property
    def ok(self) -> bool:
        return self.outcome != "refused"

    def line(self) -> str:
        if self.outcome == "refused":
            return f"{self.path.name}: refused: {self.reason}"
        tail = f" ({self.reason})" if self.reason else ""
        return f"{self.path.name}: {self.outcome} as {self.id} '{self.name}'{tail}"


@dataclass
class ImportReport:
    results: list[ImportResult] = field(default_factory=list)

    @property
    def imported(self) -> list[ImportResult]:
        return [r for r in self.results if r.outcome.startswith("imported")]

    @property
    def refused(self) -> list[ImportResult]:
        return [r for r in self.results if r.outcome == "refused"]

    @property
    def ok(self) -> bool:
        return not self.refused
