"""Store errors: each one a single plain sentence a consultant can act on.

The UI and the CLI show `str(error)` as is, so messages name the portfolio or assessment and
say what to do; no traceback ever reaches the user.
"""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base of every error the store raises on purpose."""


class PortfolioInUse(StoreError):
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        super().__init__(
            f"the portfolio in {folder} is open in another cemassess window; "
            "open it read-only or close the other window")


class ReadOnlyError(StoreError):
    def __init__(self, folder: Path, what: str = "change it") -> None:
        self.folder = folder
        super().__init__(
            f"the portfolio in {folder} is open read-only; cannot {what} "
            "(close the other cemassess window and open it again to make changes)")


class AssessmentNotFound(StoreError, KeyError):
    def __init__(self, message: str) -> None:
        super().__init__(message)

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class AssessmentExists(StoreError):
    """An assessment with the same id is already in the portfolio."""


class InvalidChange(StoreError, ValueError):
    """A change that would make the assessment invalid (unknown respondent, bad practice id...)."""


class StoreIOError(StoreError):
    """The disk refused a read or write (full, removed, permissions)."""


class DamagedFile(StoreError):
    """A file in the data folder cannot be used. Internal: recovery turns it into a report line."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path.name} {reason}")
