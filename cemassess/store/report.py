"""What the store tells the user after opening a portfolio or importing files.

Messages are plain sentences for a consultant, e.g. "Recovered 12 answers to 'Acme' from
an unfinished session." The UI shows `RecoveryReport.messages()` and offers, per recovered
assessment, to keep or discard the recovered changes (`Portfolio.discard_recovered`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cemassess.i18n import Catalogue, plural, tr

# The store's words: {key: English}, translated in the gettext catalogues (cemassess.i18n).
S: Catalogue = {
    # --- why a file could not be used (DamagedFile.reason, matched by REASONS below) ---
    "reason.01": "is missing",
    "reason.02": "is empty (zero bytes)",
    "reason.03": "holds no data (only blank or zero bytes)",
    "reason.04": "is cut short (it ends in the middle of the data)",
    "reason.05": "is not readable text (garbage at byte {a})",
    "reason.06": "is garbled (invalid data at line {a}, column {b})",
    "reason.07": "has a damaged header (no change counter)",
    "reason.08": "holds no assessment",
    "reason.09": "holds an assessment that is not valid ({a})",
    "reason.10": "holds assessment {a} instead of {b}",
    "reason.11": "cannot be read ({a})",
    "reason.12": "has a damaged list of assessments",
    "reason.13": "has a damaged entry",
    "reason.14": "is not a cemassess file of the expected kind (no valid header)",
    "reason.15": "has an unknown schema version ({a})",
    "reason.16": "was written by a newer cemassess ({a})",
    "reason.17": "was written by a newer cemassess{a}",
    "reason.18": "has schema version {a}, which this cemassess does not read",
    "reason.19": "could not be upgraded from schema {a} ({b})",
    "reason.20": "was written by a different cemassess ({a})",
    "reason.21": "belongs to assessment {a}, not {b}",
    # --- problems found when a portfolio opens ---
    "problem.trash_damaged": "A deleted assessment in the trash {reason}; it was left where it is ({path}).",
    "problem.journal_orphan": ("Unsaved changes to an assessment ({aid}) were found without the assessment "
                               "itself; they were moved to quarantine ({q})."),
    "problem.index": plural("The portfolio list {what}; it was {done}rebuilt from {n} "
                            "assessment file.",
                            "The portfolio list {what}; it was {done}rebuilt from {n} "
                            "assessment files."),
    "problem.index.damaged": "was damaged ({reason})",
    "problem.index.missing": "was missing",
    "problem.index.quarantined": "moved to quarantine and ",
    "problem.no_backup": ("The file of '{name}' {reason}, and there is no good backup;{where} and removed "
                          "from the list."),
    "problem.no_backup.quarantined": " it was moved to quarantine ({q})",
    "problem.no_backup.left": " it was left where it is",
    "problem.restored": "The file of '{name}' {reason}; {moved}the backup of {when} was restored.",
    "problem.restored.quarantined": "it was moved to quarantine and ",
    "problem.journal_unusable": "Unsaved changes to '{name}' could not be used: their journal {reason}{tail}",
    "problem.journal_unusable.quarantined": "; it was moved to quarantine.",
    "problem.end": ".",
    "problem.journal_partial": plural("Part of the unsaved changes to '{name}' was damaged "
                                      "({k} unreadable line); the rest was recovered{kept}",
                                      "Part of the unsaved changes to '{name}' was damaged "
                                      "({k} unreadable lines); the rest was recovered{kept}",
                                      count="k"),
    "problem.journal_partial.kept": " and the journal was kept in quarantine ({q}).",
    "problem.lost_before_damage": ("Some changes to '{name}' made before the damage was found were only in the "
                                   "damaged file and could not be recovered."),
    "problem.bad_changes": plural("{n} recovered change to '{name}' did not fit the assessment "
                                  "and could not be applied.",
                                  "{n} recovered changes to '{name}' did not fit the "
                                  "assessment and could not be applied."),
    # --- changes recovered from an unfinished session ---
    "rec.answers": plural("{n} answer", "{n} answers"),
    "rec.other": plural("{n} other change", "{n} other changes"),
    "rec.and": "{a} and {b}",
    "rec.none": "no changes",
    "rec.ignored": ("An unfinished change to '{name}' that was not yet saved when cemassess stopped was "
                    "dropped."),
    "rec.pending": ("{what} to '{name}' from an unfinished session will be recovered when the portfolio is "
                    "opened for editing."),
    "rec.discarded": "Discarded {what} to '{name}' recovered from an unfinished session.",
    "rec.recovered": "Recovered {what} to '{name}' from an unfinished session.",
}

# Why a file could not be used: the store says it in English at the source
# (DamagedFile.reason); these patterns cover every reason it gives, groups -> {a}, {b}.
REASONS: list[tuple[str, str]] = [
    (r"is missing", "reason.01"),
    (r"is empty \(zero bytes\)", "reason.02"),
    (r"holds no data \(only blank or zero bytes\)", "reason.03"),
    (r"is cut short \(it ends in the middle of the data\)", "reason.04"),
    (r"is not readable text \(garbage at byte (\d+)\)", "reason.05"),
    (r"is garbled \(invalid data at line (\d+), column (\d+)\)", "reason.06"),
    (r"has a damaged header \(no change counter\)", "reason.07"),
    (r"holds no assessment", "reason.08"),
    (r"holds an assessment that is not valid \((.*)\)", "reason.09"),
    (r"holds assessment (.*) instead of (.*)", "reason.10"),
    (r"cannot be read \((.*)\)", "reason.11"),
    (r"has a damaged list of assessments", "reason.12"),
    (r"has a damaged entry", "reason.13"),
    (r"is not a cemassess file of the expected kind \(no valid header\)", "reason.14"),
    (r"has an unknown schema version \((.*)\)", "reason.15"),
    (r"was written by a newer cemassess \((.*)\)", "reason.16"),
    (r"was written by a newer cemassess(.*)", "reason.17"),
    (r"has schema version (\S+), which this cemassess (?:.*)", "reason.18"),
    (r"could not be upgraded from schema (\S+) \((.*)\)", "reason.19"),
    (r"was written by a different cemassess \((.*)\)", "reason.20"),
    (r"belongs to assessment (.*), not (.*)", "reason.21"),
]
_REASONS_RU = REASONS  # the name the store's tests know


def reason_text(reason: str, lang: str) -> str:
    if lang == "en":
        return reason
    for pattern, key in REASONS:
        m = re.fullmatch(pattern, reason, flags=re.S)
        if m:
            return tr(key, lang, S, **dict(zip("abc", m.groups(), strict=False)))
    return reason  # an unforeseen reason: better in English than not at all


def reason_ru(reason: str) -> str:
    return reason_text(reason, "ru")


# A message: a catalogue key and its arguments; an argument may itself be a message (a
# fragment), and an argument named "reason" is a DamagedFile reason.
Msg = tuple[str, dict[str, Any]]


def render_msg(msg: Msg, lang: str) -> str:
    key, args = msg
    out: dict[str, object] = {}
    for k, v in args.items():
        if isinstance(v, tuple):
            out[k] = render_msg(v, lang)
        elif k == "reason" and isinstance(v, str):
            out[k] = reason_text(v, lang)
        else:
            out[k] = v
    return tr(key, lang, S, **out)


def msg(key: str, **args: Any) -> Msg:
    return (key, args)


def _changes(answers: int, other: int) -> Msg:
    parts = ([msg("rec.answers", n=answers)] if answers else []) + ([msg("rec.other", n=other)] if other else [])
    if not parts:
        return msg("rec.none")
    return parts[0] if len(parts) == 1 else msg("rec.and", a=parts[0], b=parts[1])


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
        name = self.name
        if not (self.answers or self.other) and self.ignored:
            return render_msg(msg("rec.ignored", name=name), lang)
        what = _changes(self.answers, self.other)
        key = "rec.pending" if self.pending else "rec.discarded" if self.discarded else "rec.recovered"
        return render_msg(msg(key, what=what, name=name), lang)


@dataclass
class Problem:
    """A damaged or missing file, and what was done about it: `text(lang)` in any language
    (from `msg`, a catalogue message; `message` is its English)."""

    message: str
    id: str | None = None
    quarantined: list[Path] = field(default_factory=list)
    restored_from: Path | None = None
    msg: Msg | None = None

    @classmethod
    def of(cls, m: Msg, id: str | None = None, quarantined: list[Path] | None = None,
           restored_from: Path | None = None) -> Problem:
        return cls(render_msg(m, "en"), id, list(quarantined or []), restored_from, m)

    def text(self, lang: str = "en") -> str:
        return render_msg(self.msg, lang) if self.msg is not None else self.message


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
