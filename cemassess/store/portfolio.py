"""The consultant's local portfolio of assessments: crash-safe, one writer at a time.

Why it is built this way (details in docs/store.md):
- A lost answer is the worst thing the tool can do in a workshop, so `set_answer` returns
  only after the change is appended to the assessment's journal and fdatasync'ed (~0.2 ms
  on an SSD), instead of rewriting the assessment file (tens of ms for a 30x60 assessment).
- Every `compact_every` changes, on close and on start, the journal is folded into an
  atomically replaced snapshot (TinyDB file, temp + fsync + rename), copied to a rotating
  backup, and emptied. A crash at any instant leaves either the old or the new snapshot, and
  a journal whose sequence numbers say which of its lines the snapshot already holds.
- One file per assessment and a small index that is a rebuildable cache: saving never
  rewrites anything whose size grows with the portfolio.
- A `filelock` lock per data folder keeps a second window or a CLI write out (clear
  `PortfolioInUse`), and a "running" marker tells the next start the last session crashed.
- On start, journals are replayed, damaged files are moved to quarantine (never deleted),
  the newest good backup is restored, and everything done is listed in `RecoveryReport`.
"""

from __future__ import annotations

import builtins
import contextlib
import datetime as dt
import functools
import json
import os
import re
import shutil
import socket
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from filelock import FileLock, Timeout
from pydantic import ValidationError

from cemassess.domain.assessment import Answer, Assessment, new_id
from cemassess.exchange.assessment_file import read_assessment, write_assessment
from cemassess.exchange.atomic import atomic_write_bytes, fsync_dir
from cemassess.exchange.strictjson import FileFormatError, describe_validation_error
from cemassess.store.errors import (
    AssessmentExists,
    AssessmentNotFound,
    DamagedFile,
    InvalidChange,
    PortfolioInUse,
    ReadOnlyError,
    StoreError,
    StoreIOError,
)
from cemassess.store.index import (
    PortfolioIndex,
    Summary,
    entry_for,
    file_sig,
    summary_of,
)
from cemassess.store.journal import Journal
from cemassess.store.paths import Layout, make_private_dir
from cemassess.store.paths import data_dir as resolve_data_dir
from cemassess.store.recovery import Recovery, display_name
from cemassess.store.report import (
    ImportReport,
    ImportResult,
    RecoveryReport,
)
from cemassess.store.snapshot import (
    Backups,
    encode_snapshot,
    read_snapshot,
    stamp,
)

PRACTICE_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")  # domain.framework.Id
MAX_ANSWERS_PER_RESPONDENT = 1000
JOURNAL_MAX_BYTES = 4 * 1024 * 1024  # compact sooner when big `update` patches pile up
SORTS: dict[str, tuple[Callable[[Summary], Any], bool]] = {
    # key -> (sort key, newest/biggest first by default)
    "modified": (lambda s: s.modified, True),
    "created": (lambda s: s.created, True),
    "date": (lambda s: (s.date, s.modified), True),
    "company": (lambda s: (s.company.casefold(), s.title.casefold(), s.id), False),
    "industry": (lambda s: (s.industry.casefold(), s.company.casefold(), s.id), False),
    "title": (lambda s: (s.title.casefold(), s.id), False),
    "status": (lambda s: (s.status, s.company.casefold()), False),
    "respondents": (lambda s: (s.respondents, s.modified), True),
}

T = TypeVar("T")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _validated(a: Assessment) -> Assessment:
    """A fresh, fully validated copy, exactly as it will read back from disk."""
    if not isinstance(a, Assessment):
        raise InvalidChange("expected an Assessment")
    try:
        return Assessment.model_validate(a.model_dump(mode="json"))
    except ValidationError as e:
        raise InvalidChange(f"the assessment is not valid: {describe_validation_error(e)}") from None


@dataclass(frozen=True)
class ReadFile:
    """An assessment file read and validated for import (`read_import_files`): the
    assessment, or the one-line reason it is refused."""

    path: Path
    assessment: Assessment | None
    problem: str = ""


def _unknown_practices(a: Assessment) -> str:
    """Answers to practices that are not in the assessment's framework (when installed)."""
    from cemassess.content import framework_for

    try:
        fw = framework_for(a)
    except FileFormatError:
        return ""  # not installed here: it cannot be scored until it is, and says so then
    known = set(fw.practices)
    for rid, per in a.answers.items():
        bad = sorted(set(per) - known)
        if bad:
            return (f"respondent {rid} answers {len(bad)} practice(s) not in framework "
                    f"{fw.id} {fw.version}, e.g. {bad[0]!r}")
    bad = sorted(set(a.agreed) - known)
    if bad:
        return f"an agreed answer names practice {bad[0]!r}, which is not in framework {fw.id} {fw.version}"
    return ""


def read_import_files(paths: Iterable[str | os.PathLike[str]]) -> builtins.list[ReadFile]:
    """Read and validate assessment files for `Portfolio.import_files`, holding no lock:
    regular files only, bounded (cemassess.exchange.strictjson.read_bounded), answers to
    practices its framework does not have refused."""
    out: builtins.list[ReadFile] = []
    for raw_path in paths:
        path = Path(raw_path)
        try:
            a = read_assessment(path)
        except FileFormatError as e:
            out.append(ReadFile(path, None, str(e).removeprefix(f"{path.name}: ")))
            continue
        bad = _unknown_practices(a)
        if bad:
            out.append(ReadFile(path, None, bad))
            continue
        out.append(ReadFile(path, a))
    return out


@dataclass
class _Live:
    """An assessment open for editing: the in-memory truth, always equal to snapshot + journal."""

    a: Assessment
    seq: int  # last change applied
    snap_seq: int  # last change held by the snapshot file
    journal: Journal
    pending: int = 0  # changes since the snapshot
    dirty: bool = False  # the index summary is behind


def _op(what: str) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Serialise calls (the UI may call from a worker thread) and turn OS errors into one line."""

    def deco(fn: Callable[..., T]) -> Callable[..., T]:
        @functools.wraps(fn)
        def wrapper(self: Portfolio, *args: Any, **kwargs: Any) -> T:
            with self._mutex:
                if self._closed:
                    raise StoreError("the portfolio is closed")
                try:
                    return fn(self, *args, **kwargs)
                except StoreError:
                    raise
                except OSError as e:
                    name = f" ({Path(e.filename).name})" if e.filename else ""
                    raise StoreIOError(f"could not {what}: {e.strerror or e}{name}") from None

        return wrapper

    return deco


class Portfolio:
    """Open with `Portfolio.open(data_dir=None, read_only=False)`; use as a context manager.

    Read `recovery` after opening: what the start found and did (show `messages()`)."""

    def __init__(self, root: Path, *, read_only: bool, compact_every: int, max_open: int) -> None:
        self.root = root
        self.layout = Layout(root)
        self.read_only = read_only
        self.compact_every = max(1, compact_every)
        self.max_open = max(1, max_open)
        self.recovery = RecoveryReport(root, read_only=read_only)
        self._mutex = threading.RLock()
        self._closed = False
        self._lock: FileLock | None = None
        self._index = PortfolioIndex(self.layout.index, read_only=read_only)
        self._backups = Backups(self.layout)
        self._entries: dict[str, dict[str, Any]] = {}
        self._stale: set[str] = set()  # entries newer than portfolio.json
        self._removed: set[str] = set()  # entries to drop from portfolio.json
        self._open: OrderedDict[str, _Live] = OrderedDict()
        self._rec = Recovery(self.layout, self._backups, self._index, self._persist)

    # -- opening and closing ---------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: str | os.PathLike[str] | None = None, read_only: bool = False, *,
             compact_every: int = 200, max_open: int = 16) -> Portfolio:
        """Open the portfolio in `data_dir` (default: $CEMASSESS_DATA_DIR, else the per-user
        data folder). Writable opening takes the folder's lock (`PortfolioInUse` if another
        process has it) and runs recovery; read-only opening never writes a byte."""
        root = resolve_data_dir(data_dir)
        self = cls(root, read_only=read_only, compact_every=compact_every, max_open=max_open)
        try:
            if read_only:
                self._start(write=False, unclean=False)
                return self
            for folder in self.layout.folders():
                make_private_dir(folder)  # client data: owner only
            lock = FileLock(str(self.layout.lock), timeout=0, thread_local=False)
            try:
                lock.acquire()
            except Timeout:
                raise PortfolioInUse(root) from None
            self._lock = lock
            try:
                unclean = self.layout.running.exists()
                marker = {"pid": os.getpid(), "host": socket.gethostname(),
                          "started": _now().isoformat()}
                atomic_write_bytes(self.layout.running, json.dumps(marker).encode())
                self._start(write=True, unclean=unclean)
            except BaseException:
                self._close_files()
                lock.release()
                raise
        except OSError as e:
            raise StoreIOError(f"could not open the portfolio in {root}: {e.strerror or e}") from None
        return self

    def __enter__(self) -> Portfolio:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Fold every journal into its snapshot, write the index, remove the running marker,
        release the lock. If a write fails here, nothing is lost: the journals stay and the
        next start replays them."""
        with self._mutex:
            if self._closed:
                return
            clean = True
            if not self.read_only:
                for aid, live in list(self._open.items()):
                    try:
                        self._compact(aid, live)
                    except (OSError, StoreError):
                        clean = False
                try:
                    self._flush_index()
                except (OSError, StoreError):
                    clean = False
            self._close_files()
            self._closed = True
            if self._lock is not None:
                if clean:
                    with contextlib.suppress(OSError):
                        self.layout.running.unlink()
                        fsync_dir(self.root)
                self._lock.release()
                self._lock = None

    def _close_files(self) -> None:
        for live in self._open.values():
            with contextlib.suppress(OSError):
                live.journal.close()
        self._open.clear()
        self._index.close()

    @_op("save the portfolio")
    def checkpoint(self) -> None:
        """Fold journals into snapshots and bring the index up to date (e.g. when idle)."""
        self._writable("save")
        for aid, live in list(self._open.items()):
            self._compact(aid, live)
        self._flush_index()

    # -- start-up: reconcile the index with the files, replay journals, repair --------------
    def _start(self, *, write: bool, unclean: bool) -> None:
        self.recovery, self._entries = self._rec.start(write=write, unclean=unclean,
                                                       probe_writer=self._writer_alive)

    # -- helpers for the files -----------------------------------------------------------
    def _writer_alive(self) -> bool:
        """Read-only view: is another process holding the portfolio open for writing?"""
        if not self.layout.lock.exists():
            return False
        probe = FileLock(str(self.layout.lock), timeout=0, thread_local=False)
        try:
            probe.acquire()
        except Timeout:
            return True
        except OSError:
            return False
        probe.release()
        return False

    def _persist(self, aid: str, a: Assessment, seq: int, journal: Journal) -> None:
        """Snapshot (atomic), backup, then empty the journal: in that order, so a crash at any
        point leaves the journal able to fill in whatever the snapshot lacks."""
        raw = encode_snapshot(a.model_dump(mode="json"), aid, seq)
        atomic_write_bytes(self.layout.snapshot(aid), raw)
        self._backups.add(aid, seq, raw)
        journal.reset()
        live = self._open.get(aid)
        if live is None or journal is not live.journal:  # a temporary writer: let it go
            journal.close()

    def _writable(self, what: str) -> None:
        if self.read_only:
            raise ReadOnlyError(self.root, what)

    def _entry(self, aid: str) -> dict[str, Any]:
        e = self._entries.get(aid)
        if e is None or e.get("trashed"):
            if e is not None:
                raise AssessmentNotFound(f"'{summary_of(e).name}' ({aid}) is in the trash; "
                                         "restore it first")
            raise AssessmentNotFound(f"no assessment {aid!r} in the portfolio")
        return e

    def _live(self, aid: str) -> _Live:
        live = self._open.get(aid)
        if live is not None:
            self._open.move_to_end(aid)
            return live
        prior = self._entry(aid)
        res = self._rec.recover(aid, write=True, rep=self.recovery, prior=prior)
        if res is None:  # damaged beyond the backups: reported in self.recovery
            self._entries.pop(aid, None)
            self._removed.add(aid)
            self._flush_index()
            raise StoreError(self.recovery.problems[-1].message)
        a, seq = res
        live = _Live(a, seq, seq, Journal(self.layout.journal(aid), aid))
        self._open[aid] = live
        while len(self._open) > self.max_open:
            old_id, old = self._open.popitem(last=False)
            self._compact(old_id, old)
            old.journal.close()
        return live

    def _compact(self, aid: str, live: _Live) -> None:
        if live.pending == 0 and live.journal.size == 0:
            return
        self._persist(aid, live.a, live.seq, live.journal)
        live.pending = 0
        live.snap_seq = live.seq
        self._refresh_entry(aid, live, sig=True)

    def _compact_quietly(self, aid: str, live: _Live) -> None:
        # The change is already durable in the journal: a failed compaction must not make the
        # caller think it was lost. It is retried at the next threshold, at close or at start.
        with contextlib.suppress(OSError, StoreError):
            self._compact(aid, live)

    def _refresh_entry(self, aid: str, live: _Live, *, sig: bool = False) -> None:
        old = self._entries.get(aid, {})
        new_sig = file_sig(self.layout.snapshot(aid)) if sig else old.get("sig")
        self._entries[aid] = entry_for(live.a, new_sig, unarchive_to=old.get("unarchive_to", ""))
        self._stale.add(aid)
        live.dirty = False

    def _flush_index(self) -> None:
        if self.read_only:
            return
        for aid, live in self._open.items():
            if live.dirty:
                self._refresh_entry(aid, live)
        if not self._stale and not self._removed:
            return
        if not self.layout.index.exists():
            self._index.write_all(self._entries)
        else:
            self._index.remove(sorted(self._removed - set(self._entries)))
            self._index.put([self._entries[i] for i in sorted(self._stale) if i in self._entries])
        self._stale.clear()
        self._removed.clear()

    def _new_file(self, a: Assessment) -> None:
        raw = encode_snapshot(a.model_dump(mode="json"), a.id, 0)
        atomic_write_bytes(self.layout.snapshot(a.id), raw)
        self._backups.add(a.id, 0, raw)
        self._entries[a.id] = entry_for(a, file_sig(self.layout.snapshot(a.id)))
        self._stale.add(a.id)

    def _taken(self, aid: str) -> str | None:
        """The id already used for `aid`, compared without case (Windows and macOS file
        names ignore case, so 'Acme1' and 'acme1' would be one file)."""
        key = aid.casefold()
        return next((i for i in self._entries if i.casefold() == key), None)

    # -- reading -----------------------------------------------------------------------------
    @_op("list the portfolio")
    def list(self, search: str = "", sort: str = "modified", include_archived: bool = False,
             *, reverse: bool | None = None) -> builtins.list[Summary]:
        """Summaries of the assessments (not in the trash). `search` matches every word in the
        company, industry, title or id, ignoring case; `sort` is one of SORTS, newest (or
        biggest) first for dates and counts, A-Z for names."""
        if sort not in SORTS:
            raise InvalidChange(f"cannot sort by {sort!r}; choose one of {', '.join(SORTS)}")
        for aid, live in self._open.items():
            if live.dirty:
                self._refresh_entry(aid, live)
        words = search.casefold().split()
        out = []
        for e in self._entries.values():
            if e.get("trashed"):
                continue
            s = summary_of(e)
            if s.archived and not include_archived:
                continue
            hay = " ".join((s.company, s.industry, s.title, s.id)).casefold()
            if all(w in hay for w in words):
                out.append(s)
        key, newest_first = SORTS[sort]
        out.sort(key=key, reverse=newest_first if reverse is None else reverse)
        return out

    @_op("list the trash")
    def trash(self) -> builtins.list[Summary]:
        """Deleted assessments that can still be restored, most recently modified first."""
        out = [summary_of(e) for e in self._entries.values() if e.get("trashed")]
        return sorted(out, key=lambda s: s.modified, reverse=True)

    @_op("read the assessment")
    def summary(self, aid: str) -> Summary:
        live = self._open.get(aid)
        if live is not None and live.dirty:
            self._refresh_entry(aid, live)
        return summary_of(self._entry(aid))

    @_op("read the assessment")
    def get(self, aid: str) -> Assessment:
        """A copy of the assessment as last saved (editing the copy changes nothing)."""
        if not self.read_only:
            return self._live(aid).a.model_copy(deep=True)
        if not self.layout.snapshot(aid).exists():
            self._entry(aid)  # raises the right "not found" / "in the trash"
            raise AssessmentNotFound(f"no assessment {aid!r} in the portfolio")
        scratch = RecoveryReport(self.root, read_only=True)
        res = self._rec.recover(aid, write=False, rep=scratch, prior=self._entries.get(aid))
        if res is None:
            raise StoreError(scratch.problems[-1].message)
        return res[0]

    @_op("read the portfolio")
    def resolve_id(self, text: str) -> str:
        """An id from an id or a unique beginning of one (at least 4 characters)."""
        text = text.strip()
        if text in self._entries and not self._entries[text].get("trashed"):
            return text
        if len(text) >= 4:
            hits = [i for i, e in self._entries.items()
                    if i.startswith(text) and not e.get("trashed")]
            if len(hits) == 1:
                return hits[0]
            if len(hits) > 1:
                raise AssessmentNotFound(f"{text!r} matches {len(hits)} assessments; give more of the id")
        if text in self._entries:
            self._entry(text)
        raise AssessmentNotFound(f"no assessment {text!r} in the portfolio")

    # -- writing: the hot path ----------------------------------------------------------------
    @_op("save the answer")
    def set_answer(self, aid: str, respondent_id: str, practice_id: str,
                   answer: Answer | Mapping[str, Any] | None) -> None:
        """Set (or with None or an empty Answer, remove) one answer. Durable on return."""
        self._writable("change answers")
        live = self._live(aid)
        a = live.a
        if a.respondent(respondent_id) is None:
            raise InvalidChange(f"'{display_name(a)}' has no respondent {respondent_id!r}")
        if not isinstance(practice_id, str) or not PRACTICE_RE.match(practice_id):
            raise InvalidChange(f"{practice_id!r} is not a practice id")
        if answer is not None:
            try:
                # always validated (a model_copy(update=...) is not): the text-hygiene rule holds
                answer = Answer.model_validate(answer.model_dump() if isinstance(answer, Answer) else answer)
            except ValidationError as e:
                raise InvalidChange(f"not a valid answer: {describe_validation_error(e)}") from None
        payload = None if answer is None or answer.is_empty else answer.model_dump(mode="json")
        per = a.answers.get(respondent_id, {})
        if payload is not None and practice_id not in per and len(per) >= MAX_ANSWERS_PER_RESPONDENT:
            raise InvalidChange(f"respondent {respondent_id!r} already has "
                                f"{MAX_ANSWERS_PER_RESPONDENT} answers")
        now = _now()
        seq = live.seq + 1
        live.journal.append({"seq": seq, "op": "answer", "r": respondent_id, "p": practice_id,
                             "a": payload, "m": now.isoformat()}, base_seq=live.snap_seq)
        # Memory follows the disk, never leads it.
        a.set_answer(respondent_id, practice_id, None if payload is None else answer)
        a.modified = now
        live.seq = seq
        live.pending += 1
        live.dirty = True
        if live.pending >= self.compact_every or live.journal.size > JOURNAL_MAX_BYTES:
            self._compact_quietly(aid, live)

    @_op("save the change")
    def update(self, aid: str, fn: Callable[[Assessment], Assessment | None]) -> Assessment:
        """Apply `fn` to a copy of the assessment (it edits it in place or returns a new one),
        validate the result and persist the changed top-level fields. Durable on return."""
        self._writable("change assessments")
        live = self._live(aid)
        work = live.a.model_copy(deep=True)
        try:
            result = fn(work)
        except ValidationError as e:  # e.g. an invalid value assigned inside fn
            raise InvalidChange(f"not a valid change: {describe_validation_error(e)}") from None
        new = _validated(result if isinstance(result, Assessment) else work)
        if new.id != aid:
            raise InvalidChange("the id of an assessment cannot be changed")
        old_d, new_d = live.a.model_dump(mode="json"), new.model_dump(mode="json")
        changed = {k: v for k, v in new_d.items() if old_d.get(k) != v}
        if not changed:
            return new
        if "modified" not in changed:
            now = _now()
            new.modified = now
            changed["modified"] = now.isoformat()
        seq = live.seq + 1
        live.journal.append({"seq": seq, "op": "fields", "v": changed}, base_seq=live.snap_seq)
        live.a = new
        live.seq = seq
        live.pending += 1
        live.dirty = True
        if live.pending >= self.compact_every or live.journal.size > JOURNAL_MAX_BYTES:
            self._compact_quietly(aid, live)
        return new.model_copy(deep=True)

    @_op("save the assessment")
    def save(self, assessment: Assessment) -> None:
        """Replace the stored assessment with this one (full save; `modified` set to now)."""
        self._writable("save assessments")
        a = _validated(assessment)
        live = self._live(a.id)
        a.modified = _now()
        self._persist(a.id, a, live.seq, live.journal)
        live.a, live.pending, live.snap_seq = a, 0, live.seq
        self._refresh_entry(a.id, live, sig=True)

    # -- portfolio operations --------------------------------------------------------------
    @_op("add the assessment")
    def create(self, assessment: Assessment) -> Summary:
        self._writable("add assessments")
        a = _validated(assessment)
        other = self._taken(a.id)
        if other is not None or self.layout.snapshot(a.id).exists():
            name = summary_of(self._entries[other]).name if other else a.id
            raise AssessmentExists(f"an assessment with id {a.id!r} is already in the portfolio "
                                   f"('{name}')")
        self._new_file(a)
        self._flush_index()
        return summary_of(self._entries[a.id])

    @_op("duplicate the assessment")
    def duplicate(self, aid: str) -> Assessment:
        """A re-assessment: a new id, the same company, respondents and targets, no answers,
        today's date, and `previous` pointing at the original."""
        self._writable("add assessments")
        src = self._live(aid).a
        new = Assessment(framework=src.framework, framework_version=src.framework_version,
                         language=src.language, title=src.title,
                         company=src.company.model_copy(), assessor=src.assessor,
                         respondents=[r.model_copy() for r in src.respondents],
                         targets=src.targets.model_copy(deep=True), previous=src.id)
        self.create(new)
        return new.model_copy(deep=True)

    @_op("archive the assessment")
    def archive(self, aid: str) -> None:
        self._writable("archive assessments")
        before = self._live(aid).a.status
        if before == "archived":
            return
        self.update(aid, lambda a: setattr(a, "status", "archived"))
        self._entries[aid]["unarchive_to"] = before
        self._refresh_entry(aid, self._open[aid])
        self._flush_index()

    @_op("unarchive the assessment")
    def unarchive(self, aid: str) -> None:
        self._writable("unarchive assessments")
        if self._live(aid).a.status != "archived":
            return
        back = self._entries[aid].get("unarchive_to") or "draft"
        self.update(aid, lambda a: setattr(a, "status", back))
        self._entries[aid]["unarchive_to"] = ""
        self._refresh_entry(aid, self._open[aid])
        self._flush_index()

    @_op("move the assessment to the trash")
    def delete(self, aid: str) -> None:
        """Move to trash/<id>/ (snapshot, backups). Recoverable with `restore` until
        `empty_trash`."""
        self._writable("delete assessments")
        self._entry(aid)
        L = self.layout
        live = self._open.pop(aid, None)
        if live is not None:
            self._compact(aid, live)
            live.journal.close()
        else:
            self._live(aid)  # replays/repairs if needed, so the trash holds the full state
            self._open.pop(aid).journal.close()
        tdir = L.trash_dir(aid)
        if tdir.exists():  # left over from an earlier delete: keep it, out of the way
            os.replace(tdir, L.trash / f"{aid}.{stamp()}.old")
        make_private_dir(tdir)
        fsync_dir(L.trash)
        os.replace(L.snapshot(aid), tdir / f"{aid}.json")  # the commit point
        fsync_dir(L.assessments)
        fsync_dir(tdir)
        with contextlib.suppress(FileNotFoundError):
            if L.journal(aid).stat().st_size == 0:
                L.journal(aid).unlink()
            else:
                os.replace(L.journal(aid), tdir / f"{aid}.journal")
        if L.backup_dir(aid).exists():
            os.replace(L.backup_dir(aid), tdir / "backups")
        e = self._entries[aid]
        e["trashed"] = True
        self._stale.add(aid)
        self._flush_index()

    @_op("restore the assessment")
    def restore(self, aid: str) -> Summary:
        self._writable("restore assessments")
        e = self._entries.get(aid)
        if e is None or not e.get("trashed"):
            raise AssessmentNotFound(f"no assessment {aid!r} in the trash")
        L = self.layout
        tdir = L.trash_dir(aid)
        if L.snapshot(aid).exists():
            raise AssessmentExists(f"an assessment with id {aid!r} is already in the portfolio")
        os.replace(tdir / f"{aid}.json", L.snapshot(aid))
        fsync_dir(tdir)
        fsync_dir(L.assessments)
        if (tdir / "backups").exists() and not L.backup_dir(aid).exists():
            os.replace(tdir / "backups", L.backup_dir(aid))
        if (tdir / f"{aid}.journal").exists() and not L.journal(aid).exists():
            os.replace(tdir / f"{aid}.journal", L.journal(aid))
        with contextlib.suppress(OSError):
            tdir.rmdir()
        e["trashed"] = False
        e["sig"] = file_sig(L.snapshot(aid))
        self._stale.add(aid)
        self._flush_index()
        return summary_of(e)

    @_op("empty the trash")
    def empty_trash(self) -> int:
        """Permanently delete everything in the trash. Returns how many assessments."""
        self._writable("empty the trash")
        ids = [aid for aid, e in self._entries.items() if e.get("trashed")]
        for aid in ids:
            shutil.rmtree(self.layout.trash_dir(aid), ignore_errors=True)
            del self._entries[aid]
            self._removed.add(aid)
        for old in self.layout.trash.glob("*.old"):
            shutil.rmtree(old, ignore_errors=True)
        self._flush_index()
        return len(ids)

    @_op("import the files")
    def import_files(self, paths: Iterable[str | os.PathLike[str] | ReadFile], *,
                     as_copy: bool = False) -> ImportReport:
        """Import assessment files. Each file is read and validated completely before anything
        is written (pass `read_import_files(paths)` to do that before opening the portfolio
        for writing, so the lock is never held while an outside file is read); each one is
        imported whole or not at all. An id already in the portfolio is refused (or, with
        `as_copy`, imported under a new id); an identical file is recognised as already
        present. A file that cannot be written (disk full) leaves nothing behind."""
        self._writable("import files")
        items = [x if isinstance(x, ReadFile) else read_import_files([x])[0] for x in paths]
        report = ImportReport()  # results in the order of `paths`
        staged: builtins.list[tuple[int, Path, Assessment, str, str]] = []
        staged_ids: dict[str, Path] = {}
        for item in items:
            path, a = item.path, item.assessment
            if a is None:
                report.results.append(ImportResult(path, "refused", item.problem))
                continue
            key = a.id.casefold()
            if key in staged_ids:
                report.results.append(ImportResult(
                    path, "refused", f"holds the same assessment (id {a.id}) as "
                                     f"{staged_ids[key].name}", a.id, display_name(a)))
                continue
            outcome, reason = "imported", ""
            other = self._taken(a.id)
            if other is not None:
                e = self._entries[other]
                name = summary_of(e).name
                if (other == a.id and not e.get("trashed")
                        and self._live(other).a.model_dump(mode="json") == a.model_dump(mode="json")):
                    report.results.append(ImportResult(path, "already present",
                                                       "identical to the one in the portfolio",
                                                       a.id, name))
                    continue
                where = " (in the trash)" if e.get("trashed") else ""
                if not as_copy:
                    report.results.append(ImportResult(
                        path, "refused", f"an assessment with id {a.id} is already in the "
                                         f"portfolio ('{name}'{where}); import it as a copy to "
                                         "keep both", a.id, display_name(a)))
                    continue
                old_id = a.id
                a = a.model_copy(update={"id": new_id()})
                outcome, reason = "imported as copy", f"id {old_id} is already used by '{name}'"
            staged_ids[key] = path
            staged.append((len(report.results), path, a, outcome, reason))
            report.results.append(ImportResult(path, "refused", "not written", a.id))
        for slot, path, a, outcome, reason in staged:
            try:
                self._new_file(a)
            except OSError as e:
                kept = self._undo_new_file(a.id)
                what = ("nothing was kept" if not kept
                        else "could not be removed again: " + ", ".join(kept))
                report.results[slot] = ImportResult(path, "refused", f"could not be written "
                                                    f"({e.strerror or e}); {what}", a.id, display_name(a))
                continue
            report.results[slot] = ImportResult(path, outcome, reason, a.id, display_name(a))
        # The snapshots and backups written above are the imported assessments; the index is
        # a cache of them. If it cannot be written now (disk full), what was imported stays
        # imported: the index is retried at close and rebuilt from the files at the next start.
        with contextlib.suppress(OSError):
            self._flush_index()
        return report

    def _undo_new_file(self, aid: str) -> builtins.list[str]:
        """After a failed `_new_file`: remove what it wrote (snapshot, backup folder), so a
        refused import leaves nothing behind. Returns the names of what could not be removed."""
        self._entries.pop(aid, None)
        self._stale.discard(aid)
        left: builtins.list[str] = []
        snap = self.layout.snapshot(aid)
        try:
            snap.unlink(missing_ok=True)
        except OSError:
            left.append(f"assessments/{snap.name}")
        bdir = self.layout.backup_dir(aid)
        if bdir.exists():
            shutil.rmtree(bdir, ignore_errors=True)
            if bdir.exists():
                left.append(f"backups/{aid}")
        with contextlib.suppress(OSError):
            fsync_dir(self.layout.assessments)
        return left

    @_op("export the assessment")
    def export(self, aid: str, path: str | os.PathLike[str]) -> Path:
        """Write the assessment as an assessment file (atomic; validated on the way out)."""
        a = self.get(aid)
        out = Path(path)
        write_assessment(a, out)
        return out

    @_op("discard the recovered changes")
    def discard_recovered(self, aid: str) -> Path:
        """Undo what start-up recovered for this assessment (the user said no). Call it
        before editing: the assessment goes back to its state before recovery. The
        recovered journal is moved to discarded/ and kept. Returns its new path."""
        self._writable("discard recovered changes")
        rec = self.recovery.for_id(aid)
        if rec is None or rec.before_copy is None or rec.journal_copy is None:
            raise StoreError(f"there are no recovered changes to discard for {aid!r}")
        try:
            before = read_snapshot(rec.before_copy, aid).assessment
        except DamagedFile as e:
            raise StoreError(f"cannot discard: the saved state before recovery {e.reason}") from None
        live = self._live(aid)
        self._persist(aid, before, live.seq, live.journal)
        live.a, live.pending, live.snap_seq = before, 0, live.seq
        self._refresh_entry(aid, live, sig=True)
        self._flush_index()
        make_private_dir(self.layout.discarded)
        kept = self.layout.discarded / rec.journal_copy.name
        os.replace(rec.journal_copy, kept)
        os.replace(rec.before_copy, self.layout.discarded / rec.before_copy.name)
        fsync_dir(self.layout.discarded)
        rec.journal_copy, rec.before_copy, rec.discarded = kept, None, True
        return kept
