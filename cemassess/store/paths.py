"""Where the portfolio lives, and the layout of its data folder (see docs/store.md).

The folder is chosen in one place: `--data-dir`, else `CEMASSESS_DATA_DIR`, else the
platform's per-user data folder. Tests always set the variable to a temporary folder, so no
test can touch a consultant's real client data.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import platformdirs

ENV_VAR = "CEMASSESS_DATA_DIR"
# An assessment id (domain.assessment.Assessment.id); safe as a file name everywhere.
ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


PRIVATE = 0o700  # client data: every folder of the data folder is the owner's only


def make_private_dir(folder: Path) -> Path:
    """Create `folder` (and any missing parents inside it) as 0700: only the owner may list
    or read client data. An existing folder is left as it is. Returns `folder`."""
    folder = Path(folder)
    missing = []
    cur = folder
    while not cur.exists() and cur != cur.parent:
        missing.append(cur)
        cur = cur.parent
    for f in reversed(missing):
        try:
            f.mkdir(mode=PRIVATE)
        except FileExistsError:
            continue
        if os.name != "nt":
            os.chmod(f, PRIVATE)  # mkdir's mode is cut by the umask; make it exact
    if not folder.is_dir():
        raise NotADirectoryError(20, "not a folder", str(folder))
    return folder


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: the explicit override, else $CEMASSESS_DATA_DIR, else platformdirs."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("cemassess", appauthor=False))


@dataclass(frozen=True)
class Layout:
    """Every path the store uses, derived from the data folder. Ids are `[A-Za-z0-9_-]{1,40}`
    (enforced by the Assessment model), so they are safe as file names."""

    root: Path

    @property
    def lock(self) -> Path:
        return self.root / ".lock"

    @property
    def running(self) -> Path:
        return self.root / "running"

    @property
    def index(self) -> Path:
        return self.root / "portfolio.json"

    @property
    def assessments(self) -> Path:
        return self.root / "assessments"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def trash(self) -> Path:
        return self.root / "trash"

    @property
    def quarantine(self) -> Path:
        return self.root / "quarantine"

    @property
    def recovered(self) -> Path:
        return self.root / "recovered"

    @property
    def discarded(self) -> Path:
        return self.root / "discarded"

    def snapshot(self, aid: str) -> Path:
        return self.assessments / f"{aid}.json"

    def journal(self, aid: str) -> Path:
        return self.assessments / f"{aid}.journal"

    def backup_dir(self, aid: str) -> Path:
        return self.backups / aid

    def trash_dir(self, aid: str) -> Path:
        return self.trash / aid

    def folders(self) -> tuple[Path, ...]:
        return (self.root, self.assessments, self.backups, self.trash, self.quarantine,
                self.recovered, self.discarded)
