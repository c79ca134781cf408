"""The crash-safe local portfolio: every answer on disk when the call returns.

`Portfolio.open()` is the way in; see docs/store.md for the data folder layout, the journal
format, recovery, locking and backups. Nothing outside this package writes to the data
folder.
"""

from cemassess.store.errors import (
    AssessmentExists,
    AssessmentNotFound,
    InvalidChange,
    PortfolioInUse,
    ReadOnlyError,
    StoreError,
    StoreIOError,
)
from cemassess.store.index import Summary
from cemassess.store.paths import data_dir
from cemassess.store.portfolio import Portfolio
from cemassess.store.report import (
    ImportReport,
    ImportResult,
    Problem,
    RecoveredChanges,
    RecoveryReport,
)
from cemassess.store.storage import AtomicJSONStorage

__all__ = [
    "AssessmentExists", "AssessmentNotFound", "AtomicJSONStorage", "ImportReport",
    "ImportResult", "InvalidChange", "Portfolio", "PortfolioInUse", "Problem",
    "ReadOnlyError", "RecoveredChanges", "RecoveryReport", "StoreError", "StoreIOError",
    "Summary", "data_dir",
]
