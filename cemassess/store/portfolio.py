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
from cemassess.exchange.atomic import _fsync_dir, atomic_write_bytes
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
    clean_temp_files,
    entry_for,
    file_sig,
    same_sig,
    summary_of,
)
from cemassess.store.journal import Journal, scan
from cemassess.store.migrations import CURRENT, SNAPSHOT
from cemassess.store.paths import Layout
from cemassess.store.paths import data_dir as resolve_data_dir
from cemassess.store.report import (
    ImportReport,
    ImportResult,
    Problem,
    RecoveredChanges,
    RecoveryReport,
)
from cemassess.store.snapshot import (
    Backups,
    decode_snapshot,
    encode_snapshot,
    keep_copy,
    quarantine,
    read_snapshot,
    stamp,
)

ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
PRACTICE_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")  # domain.framework.Id
MAX_ANSWERS_PER_RESPONDENT = 1000
JOURNAL_MAX_BYTES = 4 * 1024 * 1024  # compact sooner when big `update` patches pile up
KEEP_RECOVERED = 10  # journal copies of accepted recoveries kept per assessment
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


def display_name(a: Assessment) -> str:
    return a.company.name or a.title or a.id


def _when(path: Path) -> str:
    """'2024-05-01 14:02' from a backup name `<seq>-<YYYYmmddTHHMMSSffffffZ>.json`, local time."""
    try:
        t = dt.datetime.strptime(path.stem.split("-", 1)[1], "%Y%m%dT%H%M%S%fZ")
        return t.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    except (IndexError, ValueError):
        return path.name


def _validated(a: Assessment) -> Assessment:
    """A fresh, fully validated copy, exactly as it will read back from disk."""
    if not isinstance(a, Assessment):
        raise InvalidChange("expected an Assessment")
    try:
        return Assessment.model_validate(a.model_dump(mode="json"))
    except ValidationError as e:
        raise InvalidChange(f"the assessment is not valid: {describe_validation_error(e)}") from None


def _apply(d: dict[str, Any], e: dict[str, Any]) -> None:
    """Apply one journal entry to an assessment in JSON form (the same shapes the live
    model produces, so replayed and live state compare equal)."""
    if e["op"] == "answer":
        per = d["answers"].setdefault(e["r"], {})
        if e.get("a") is None:
            per.pop(e["p"], None)
        else:
            per[e["p"]] = e["a"]
        if "m" in e:
            d["modified"] = e["m"]
    elif e["op"] == "fields":
        v = e["v"]
        if not isinstance(v, dict) or "id" in v:
            raise ValueError("bad fields entry")
        d.update(v)


def replay(a: Assessment, entries: list[dict[str, Any]]) -> tuple[Assessment, int, int, int]:
    """Apply journal entries; returns (assessment, answers, other changes, unusable entries)."""
    n_answers = sum(1 for e in entries if e["op"] == "answer")
    d = a.model_dump(mode="json")
    try:
        for e in entries:
            _apply(d, e)
        return Assessment.model_validate(d), n_answers, len(entries) - n_answers, 0
    except (ValidationError, KeyError, TypeError, ValueError, AttributeError):
        pass
    # Some entry does not fit (should not happen: entries are validated before writing).
    # Apply them one by one and keep every one that leaves a valid assessment.
    cur, bad, n_answers, n_other = a, 0, 0, 0
    for e in entries:
        d = cur.model_dump(mode="json")
        try:
            _apply(d, e)
            cur = Assessment.model_validate(d)
        except (ValidationError, KeyError, TypeError, ValueError, AttributeError):
            bad += 1
            continue
        if e["op"] == "answer":
            n_answers += 1
        else:
            n_other += 1
    return cur, n_answers, n_other, bad


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
                folder.mkdir(parents=True, exist_ok=True, mode=0o700)  # client data: owner only
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
                        _fsync_dir(self.root)
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
        L = self.layout
        rep = RecoveryReport(self.root, read_only=not write, unclean_shutdown=unclean)
        self.recovery = rep
        if not L.root.is_dir():
            return
        if write:
            for folder in (L.root, L.assessments, *self._subfolders(L.backups),
                           *self._subfolders(L.trash), L.recovered, L.quarantine, L.discarded):
                clean_temp_files(folder)
        # Only a viewer asks, and only when a journal needs interpreting (probing the lock
        # could, for a microsecond, make a window opening at that instant think it is in use).
        writer_alive = _Lazy(lambda: not write and self._writer_alive())
        index_damage = ""
        quarantined_index: list[Path] = []
        try:
            entries = self._index.load()
            changed = not L.index.exists()
        except DamagedFile as e:
            index_damage, entries, changed = e.reason, {}, True
            if write:
                quarantined_index.append(quarantine(L, L.index, e.reason))
        snaps = self._ids_in(L.assessments, ".json")
        journals = self._ids_in(L.assessments, ".journal")
        trashed = {p.name for p in self._subfolders(L.trash) if (p / f"{p.name}.json").is_file()}

        for aid in sorted(snaps):
            e = entries.get(aid)
            jsize = journals[aid].stat().st_size if aid in journals else 0
            if (e is None or e.get("trashed") or jsize
                    or not same_sig(file_sig(snaps[aid]), e.get("sig"))):
                self._check(aid, entries, write=write, rep=rep, writer_alive=writer_alive)
                changed = True
        for aid in sorted(set(entries) - set(snaps)):
            e = entries[aid]
            if aid in trashed:
                if not e.get("trashed"):
                    e["trashed"] = True
                    changed = True
                continue
            if e.get("trashed"):  # deleted, and its trash folder removed by hand: nothing to do
                del entries[aid]
                changed = True
                continue
            # Listed but its file is gone (deleted outside cemassess?): try the backups.
            self._check(aid, entries, write=write, rep=rep, writer_alive=writer_alive)
            changed = True
        for aid in sorted(trashed - set(entries) - set(snaps)):
            path = L.trash_dir(aid) / f"{aid}.json"
            try:
                loaded = read_snapshot(path, aid)
            except DamagedFile as err:
                rep.problems.append(Problem(f"A deleted assessment in the trash {err.reason}; it "
                                            f"was left where it is ({path}).", aid))
                continue
            entries[aid] = entry_for(loaded.assessment, None, trashed=True)
            changed = True
        for aid, jpath in sorted(journals.items()):
            if aid in snaps or L.snapshot(aid).exists():
                continue
            if jpath.stat().st_size and write:
                q = quarantine(L, jpath, "journal without its assessment file")
                rep.problems.append(Problem(
                    f"Unsaved changes to an assessment ({aid}) were found without the assessment "
                    f"itself; they were moved to quarantine ({q.name}).", aid, [q]))
            elif write:
                jpath.unlink()
        if index_damage or (changed and not L.index.exists() and entries):
            what = f"was damaged ({index_damage})" if index_damage else "was missing"
            done = "moved to quarantine and " if quarantined_index else ""
            n = sum(1 for e in entries.values() if not e.get("trashed"))
            rep.problems.insert(0, Problem(
                f"The portfolio list {what}; it was {done}rebuilt from {n} assessment "
                f"file{'s' if n != 1 else ''}.", None, quarantined_index))
        self._entries = entries
        if write:
            if changed:
                self._index.write_all(entries)
            self._prune_recovered()

    def _check(self, aid: str, entries: dict[str, dict[str, Any]], *, write: bool,
               rep: RecoveryReport, writer_alive: Callable[[], bool]) -> None:
        prior = entries.get(aid)
        res = self._recover(aid, write=write, rep=rep, prior=prior, writer_alive=writer_alive)
        if res is None:
            entries.pop(aid, None)
            return
        a, _seq = res
        unarchive_to = prior.get("unarchive_to", "") if prior else ""
        entries[aid] = entry_for(a, file_sig(self.layout.snapshot(aid)) if write else None,
                                 unarchive_to=unarchive_to)

    def _recover(self, aid: str, *, write: bool, rep: RecoveryReport,
                 prior: dict[str, Any] | None = None,
                 writer_alive: Callable[[], bool] = lambda: False
                 ) -> tuple[Assessment, int] | None:
        """Load one assessment as its last acknowledged state: snapshot (or newest good
        backup) plus journal. With `write`, repair the files and empty the journal."""
        L = self.layout
        snap, jpath = L.snapshot(aid), L.journal(aid)
        name = summary_of(prior).name if prior else aid
        raw: bytes | None = None
        restored_from: Path | None = None
        # The journal before the snapshot: if a writer compacts in between, the newer snapshot
        # simply makes the older journal lines redundant (read the other way round, a viewer
        # could miss the lines folded into a snapshot it did not see).
        js = scan(jpath, aid)
        try:
            try:
                raw = snap.read_bytes()
            except FileNotFoundError:
                raise DamagedFile(snap, "is missing") from None
            loaded = decode_snapshot(raw, snap, aid)
        except DamagedFile as err:
            raw = None
            quarantined = []
            if write and snap.exists():
                quarantined.append(quarantine(L, snap, err.reason))
            good = self._backups.newest_good(aid)
            if good is None:
                if write and jpath.exists() and jpath.stat().st_size:
                    quarantined.append(quarantine(L, jpath, "unsaved changes of a damaged assessment"))
                where = (f" it was moved to quarantine ({quarantined[0].name})"
                         if quarantined else " it was left where it is")
                rep.problems.append(Problem(
                    f"The file of '{name}' {err.reason}, and there is no good backup;{where} "
                    "and removed from the list.", aid, quarantined))
                return None
            loaded, restored_from = good
            name = display_name(loaded.assessment)
            moved = "it was moved to quarantine and " if quarantined else ""
            rep.problems.append(Problem(
                f"The file of '{name}' {err.reason}; {moved}the backup of "
                f"{_when(restored_from)} was restored.", aid, quarantined, restored_from))
        a, seq = loaded.assessment, loaded.seq
        name = display_name(a)
        needs_write = restored_from is not None
        if loaded.schema < CURRENT[SNAPSHOT] and write and raw is not None:
            self._backups.keep_pre_migration(aid, loaded.schema, raw)
            needs_write = True

        new: list[dict[str, Any]] = []
        if not js.usable:
            quarantined = [quarantine(L, jpath, js.problem)] if write else []
            rep.problems.append(Problem(
                f"Unsaved changes to '{name}' could not be used: their journal {js.problem}"
                + ("; it was moved to quarantine." if write else "."), aid, quarantined))
        else:
            new = [e for e in js.entries if e["seq"] > seq]
            if js.damaged_lines:
                kept = ([keep_copy(L.quarantine, f"{stamp()}-{aid}.journal", jpath.read_bytes())]
                        if write else [])
                rep.problems.append(Problem(
                    f"Part of the unsaved changes to '{name}' was damaged ({js.damaged_lines} "
                    f"unreadable line{'s' if js.damaged_lines > 1 else ''}); the rest was "
                    "recovered" + (f" and the journal was kept in quarantine ({kept[0].name})."
                                   if kept else "."), aid, kept))
            if new and restored_from is not None and new[0]["seq"] > seq + 1:
                rep.problems.append(Problem(
                    f"Some changes to '{name}' made before the damage was found were only in the "
                    "damaged file and could not be recovered.", aid))
        if new:
            before_raw = raw if raw is not None else encode_snapshot(
                a.model_dump(mode="json"), aid, seq)
            a, n_answers, n_other, n_bad = replay(a, new)
            seq = max(e["seq"] for e in new)
            rec = RecoveredChanges(aid, display_name(a), n_answers, n_other, ignored=js.torn_tail,
                                   pending=not write)
            if write:
                st = stamp()
                rec.journal_copy = keep_copy(L.recovered, f"{aid}-{st}.journal", jpath.read_bytes())
                rec.before_copy = keep_copy(L.recovered, f"{aid}-{st}.before.json", before_raw)
            if n_bad:
                rep.problems.append(Problem(
                    f"{n_bad} recovered change{'s' if n_bad > 1 else ''} to '{name}' did not fit "
                    "the assessment and could not be applied.", aid))
            if not writer_alive():  # with a live writer these are its current edits, not a crash
                rep.recovered.append(rec)
            needs_write = True
        elif js.torn_tail and not writer_alive():
            rep.ignored_unfinished += js.torn_tail
            rep.recovered.append(RecoveredChanges(aid, name, ignored=js.torn_tail,
                                                  pending=not write))
        if write:
            if needs_write:
                self._persist(aid, a, seq, Journal(jpath, aid))
            elif js.size:
                j = Journal(jpath, aid)
                j.reset()
                j.close()
        return a, seq

    # -- helpers for the files -----------------------------------------------------------
    @staticmethod
    def _subfolders(folder: Path) -> list[Path]:
        return [p for p in folder.iterdir() if p.is_dir()] if folder.is_dir() else []

    @staticmethod
    def _ids_in(folder: Path, suffix: str) -> dict[str, Path]:
        if not folder.is_dir():
            return {}
        return {p.name[:-len(suffix)]: p for p in folder.iterdir()
                if p.name.endswith(suffix) and ID_RE.match(p.name[:-len(suffix)]) and p.is_file()}

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
        if journal is not self._open.get(aid, _NO_LIVE).journal:
            journal.close()

    def _prune_recovered(self) -> None:
        folder = self.layout.recovered
        if not folder.is_dir():
            return
        groups: dict[str, list[Path]] = {}
        for p in folder.iterdir():
            if p.name.endswith(".journal"):
                groups.setdefault(p.name.rsplit("-", 1)[0], []).append(p)
        for paths in groups.values():
            for old in sorted(paths, reverse=True)[KEEP_RECOVERED:]:
                for q in (old, old.with_name(old.name[:-len(".journal")] + ".before.json")):
                    with contextlib.suppress(OSError):
                        q.unlink()

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
        res = self._recover(aid, write=True, rep=self.recovery, prior=prior)
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
        res = self._recover(aid, write=False, rep=scratch, prior=self._entries.get(aid))
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
                answer = (answer.model_copy() if isinstance(answer, Answer)
                          else Answer.model_validate(answer))
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
        tdir.mkdir(parents=True)
        _fsync_dir(L.trash)
        os.replace(L.snapshot(aid), tdir / f"{aid}.json")  # the commit point
        _fsync_dir(L.assessments)
        _fsync_dir(tdir)
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
        _fsync_dir(tdir)
        _fsync_dir(L.assessments)
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
    def import_files(self, paths: Iterable[str | os.PathLike[str]], *,
                     as_copy: bool = False) -> ImportReport:
        """Import assessment files. Each file is read and validated completely before anything
        is written; each one is imported whole or not at all. An id already in the portfolio
        is refused (or, with `as_copy`, imported under a new id); an identical file is
        recognised as already present."""
        self._writable("import files")
        report = ImportReport()  # results in the order of `paths`
        staged: builtins.list[tuple[int, Path, Assessment, str, str]] = []
        staged_ids: dict[str, Path] = {}
        for raw_path in paths:
            path = Path(raw_path)
            try:
                a = read_assessment(path)
            except FileFormatError as e:
                msg = str(e).removeprefix(f"{path.name}: ")
                report.results.append(ImportResult(path, "refused", msg))
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
                report.results[slot] = ImportResult(path, "refused", f"could not be written "
                                                    f"({e.strerror or e})", a.id, display_name(a))
                continue
            report.results[slot] = ImportResult(path, outcome, reason, a.id, display_name(a))
        self._flush_index()
        return report

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
        self.layout.discarded.mkdir(parents=True, exist_ok=True)
        kept = self.layout.discarded / rec.journal_copy.name
        os.replace(rec.journal_copy, kept)
        os.replace(rec.before_copy, self.layout.discarded / rec.before_copy.name)
        _fsync_dir(self.layout.discarded)
        rec.journal_copy, rec.before_copy, rec.discarded = kept, None, True
        return kept


class _NoLive:
    journal = None


class _Lazy:
    """A yes/no question asked at most once, and only if someone needs the answer."""

    def __init__(self, ask: Callable[[], bool]) -> None:
        self._ask: Callable[[], bool] | None = ask
        self._answer = False

    def __call__(self) -> bool:
        if self._ask is not None:
            self._answer, self._ask = self._ask(), None
        return self._answer


_NO_LIVE: Any = _NoLive()
