"""The portfolio index (`portfolio.json`): one small summary per assessment, so listing,
searching and sorting never open the assessment files.

The index is a cache, never the only copy of anything: every summary can be rebuilt from
the assessment files, which is what recovery does if the index is damaged or missing. Each
entry records the snapshot's file signature (inode, size, mtime); at start only files whose
signature changed, or that have a journal, are re-read. That is why the index need not be
rewritten on every answer: summaries of open assessments are refreshed in memory and
written at close (or at start after a crash), so saving an answer costs the same with 5 or
5,000 assessments.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB

from cemassess.domain.assessment import Assessment
from cemassess.store.errors import DamagedFile
from cemassess.store.migrations import CURRENT, INDEX, upgrade
from cemassess.store.storage import AtomicJSONStorage

TABLE = "assessments"
Sig = list[int]


def file_sig(path: Path) -> Sig | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return [st.st_ino, st.st_size, st.st_mtime_ns]


@dataclass(frozen=True)
class Summary:
    """What the portfolio list shows about one assessment."""

    id: str
    title: str
    company: str
    industry: str
    date: dt.date
    created: dt.datetime
    modified: dt.datetime
    status: str
    respondents: int
    answers: int
    previous: str
    framework: str
    language: str
    trashed: bool = False

    @property
    def archived(self) -> bool:
        return self.status == "archived"

    @property
    def name(self) -> str:
        """How to call it in a sentence: the company, else the title, else the id."""
        return self.company or self.title or self.id

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "company": self.company,
                "industry": self.industry, "date": self.date.isoformat(),
                "created": self.created.isoformat(), "modified": self.modified.isoformat(),
                "status": self.status, "respondents": self.respondents, "answers": self.answers,
                "previous": self.previous, "framework": self.framework,
                "language": self.language, "archived": self.archived, "trashed": self.trashed}


def entry_for(a: Assessment, sig: Sig | None, *, trashed: bool = False,
              unarchive_to: str = "") -> dict[str, Any]:
    """An index document for an assessment (JSON types only)."""
    return {"id": a.id, "title": a.title, "company": a.company.name, "industry": a.company.industry,
            "date": a.date.isoformat(), "created": a.created.isoformat(),
            "modified": a.modified.isoformat(), "status": a.status,
            "respondents": len(a.respondents),
            # answers as the walk-through counts them (Answer.answered): comments alone are not
            "answers": sum(1 for per in a.answers.values() for x in per.values() if x.answered),
            "previous": a.previous, "framework": a.framework, "language": a.language,
            "trashed": trashed, "unarchive_to": unarchive_to, "sig": sig}


def summary_of(doc: dict[str, Any]) -> Summary:
    return Summary(
        id=str(doc["id"]), title=str(doc.get("title", "")), company=str(doc.get("company", "")),
        industry=str(doc.get("industry", "")), date=dt.date.fromisoformat(doc["date"]),
        created=dt.datetime.fromisoformat(doc["created"]),
        modified=dt.datetime.fromisoformat(doc["modified"]), status=str(doc.get("status", "draft")),
        respondents=int(doc.get("respondents", 0)), answers=int(doc.get("answers", 0)),
        previous=str(doc.get("previous", "")), framework=str(doc.get("framework", "")),
        language=str(doc.get("language", "en")), trashed=bool(doc.get("trashed", False)))


def _valid_entry(doc: Any) -> bool:
    if not isinstance(doc, dict) or not isinstance(doc.get("id"), str):
        return False
    try:
        summary_of(doc)
    except (KeyError, TypeError, ValueError):
        return False
    sig = doc.get("sig")
    return sig is None or (isinstance(sig, list) and len(sig) == 3
                           and all(isinstance(x, int) for x in sig))


class PortfolioIndex:
    """TinyDB access to portfolio.json. The owner keeps the entries in memory and tells the
    index what changed; the file is only read at start (and by read-only viewers)."""

    def __init__(self, path: Path, *, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self.db = TinyDB(path, storage=AtomicJSONStorage, read_only=read_only)

    def exists(self) -> bool:
        return self.path.exists()

    def load(self) -> dict[str, dict[str, Any]]:
        """All entries by id. Raises DamagedFile for a damaged, foreign or newer file."""
        data = self.db.storage.read()
        if data is None:
            return {}
        data, schema = upgrade(INDEX, data, self.path)
        if schema != CURRENT[INDEX] and not self.read_only:
            self.db.storage.write(data)
        table = data.get(TABLE, {})
        if not isinstance(table, dict):
            raise DamagedFile(self.path, "has a damaged list of assessments")
        out: dict[str, dict[str, Any]] = {}
        for doc in table.values():
            if not _valid_entry(doc):
                raise DamagedFile(self.path, "has a damaged entry")
            out[doc["id"]] = dict(doc)
        return out

    def write_all(self, entries: dict[str, dict[str, Any]]) -> None:
        """Replace the whole index in one atomic write (start-up, rebuild)."""
        meta = {"kind": INDEX, "schema": CURRENT[INDEX]}
        table = {str(i): doc for i, doc in enumerate(entries.values(), start=1)}
        self.db.storage.write({"_meta": {"1": meta}, TABLE: table})
        self.db = TinyDB(self.path, storage=AtomicJSONStorage, read_only=self.read_only)

    def put(self, entries: list[dict[str, Any]]) -> None:
        """Insert or update these entries (one TinyDB write per kind of change)."""
        if not self.exists():
            raise FileNotFoundError(self.path)
        table = self.db.table(TABLE)
        present = {doc["id"] for doc in table.all()}
        q = Query()
        updates = [(doc, q.id == doc["id"]) for doc in entries if doc["id"] in present]
        inserts = [doc for doc in entries if doc["id"] not in present]
        if updates:
            table.update_multiple(updates)
        if inserts:
            table.insert_multiple(inserts)

    def remove(self, ids: list[str]) -> None:
        if ids:
            wanted = set(ids)
            self.db.table(TABLE).remove(Query().id.test(lambda v: v in wanted))

    def close(self) -> None:
        self.db.close()


def same_sig(a: Sig | None, b: Any) -> bool:
    return a is not None and isinstance(b, list) and list(b) == list(a)


def clean_temp_files(folder: Path) -> int:
    """Remove temp files of atomic writes that a crash interrupted (`.<name>.<random>.tmp`).
    They are incomplete copies by construction; the real file beside them is intact."""
    n = 0
    if not folder.is_dir():
        return 0
    for p in folder.iterdir():
        if p.name.startswith(".") and p.name.endswith(".tmp") and p.is_file():
            try:
                os.unlink(p)
                n += 1
            except OSError:
                pass
    return n
