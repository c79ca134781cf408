"""What the store tells the user after opening a portfolio or importing files.

Messages are plain sentences for a consultant, e.g. "Recovered 12 answers to 'Acme' from
an unfinished session." The UI shows `RecoveryReport.messages()` and offers, per recovered
assessment, to keep or discard the recovered changes (`Portfolio.discard_recovered`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


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

    def message(self) -> str:
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


@dataclass
class Problem:
    """A damaged or missing file, and what was done about it."""

    message: str
    id: str | None = None
    quarantined: list[Path] = field(default_factory=list)
    restored_from: Path | None = None


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

    def messages(self) -> list[str]:
        out = [r.message() for r in self.recovered]
        out += [p.message for p in self.problems]
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
