"""Start-up recovery: bring every assessment back to its last acknowledged state.

Why a separate step at all: a save is a journal append, and a crash can come at any
instant (mid-append, mid-compaction, mid-import). At start the portfolio therefore
reconciles the index with the files, replays journals over snapshots, moves damaged files
to quarantine (never deleting them), restores the newest good backup, and writes down
everything it did in a `RecoveryReport` the user is shown. A read-only viewer runs the same
logic in memory and writes nothing. Details: docs/store.md.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cemassess.domain.assessment import Assessment
from cemassess.exchange.assessment_file import practice_renames
from cemassess.store.errors import DamagedFile
from cemassess.store.index import (
    PortfolioIndex,
    clean_temp_files,
    entry_for,
    file_sig,
    same_sig,
    summary_of,
)
from cemassess.store.journal import Journal, scan
from cemassess.store.migrations import CURRENT, SNAPSHOT
from cemassess.store.paths import ID_RE, Layout
from cemassess.store.report import Problem, RecoveredChanges, RecoveryReport, msg
from cemassess.store.snapshot import (
    Backups,
    decode_snapshot,
    encode_snapshot,
    keep_copy,
    quarantine,
    read_snapshot,
    stamp,
)

KEEP_RECOVERED = 10  # journal copies of accepted recoveries kept per assessment
Persist = Callable[[str, Assessment, int, Journal], None]


def display_name(a: Assessment) -> str:
    return a.company.name or a.title or a.id


def _when(path: Path) -> str:
    """'2024-05-01 14:02' from a backup name `<seq>-<YYYYmmddTHHMMSSffffffZ>.json`, local time."""
    try:
        t = dt.datetime.strptime(path.stem.split("-", 1)[1], "%Y%m%dT%H%M%S%fZ")
        return t.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    except (IndexError, ValueError):
        return path.name


def _apply(d: dict[str, Any], e: dict[str, Any]) -> None:
    """Apply one journal entry to an assessment in JSON form (the same shapes the live
    model produces, so replayed and live state compare equal)."""
    if e["op"] == "answer":
        per = d["answers"].setdefault(e["r"], {})
        # a journal written before a framework release moved the practice: use its new id
        pid = practice_renames(d.get("framework", "cem-b2b")).get(e["p"], e["p"])
        if e.get("a") is None:
            per.pop(pid, None)
        else:
            per[pid] = e["a"]
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


class _Lazy:
    """A yes/no question asked at most once, and only if someone needs the answer."""

    def __init__(self, ask: Callable[[], bool]) -> None:
        self._ask: Callable[[], bool] | None = ask
        self._answer = False

    def __call__(self) -> bool:
        if self._ask is not None:
            self._answer, self._ask = self._ask(), None
        return self._answer


class Recovery:
    """Recovery for one data folder. `persist(aid, assessment, seq, journal)` is the
    portfolio's compaction step (snapshot, backup, empty journal), shared so both write
    snapshots the same way."""

    def __init__(self, layout: Layout, backups: Backups, index: PortfolioIndex,
                 persist: Persist) -> None:
        self.layout = layout
        self.backups = backups
        self.index = index
        self.persist = persist

    def start(self, *, write: bool, unclean: bool, probe_writer: Callable[[], bool]
              ) -> tuple[RecoveryReport, dict[str, dict[str, Any]]]:
        """Reconcile the index with the files, replay journals, repair what is damaged
        (only with `write`). Returns the report and the index entries by id."""
        L = self.layout
        rep = RecoveryReport(L.root, read_only=not write, unclean_shutdown=unclean)
        if not L.root.is_dir():
            return rep, {}
        if write:
            for folder in (L.root, L.assessments, *self.subfolders(L.backups),
                           *self.subfolders(L.trash), L.recovered, L.quarantine, L.discarded):
                clean_temp_files(folder)
        # Only a viewer asks, and only when a journal needs interpreting (probing the lock
        # could, for a microsecond, make a window opening at that instant think it is in use).
        writer_alive = _Lazy(lambda: not write and probe_writer())
        index_damage = ""
        quarantined_index: list[Path] = []
        try:
            entries = self.index.load()
            changed = not L.index.exists()
        except DamagedFile as e:
            index_damage, entries, changed = e.reason, {}, True
            if write:
                quarantined_index.append(quarantine(L, L.index, e.reason))
        snaps = self.ids_in(L.assessments, ".json")
        journals = self.ids_in(L.assessments, ".journal")
        trashed = {p.name for p in self.subfolders(L.trash) if (p / f"{p.name}.json").is_file()}

        for aid in sorted(snaps):
            e = entries.get(aid)
            jsize = journals[aid].stat().st_size if aid in journals else 0
            if (e is None or e.get("trashed") or jsize
                    or not same_sig(file_sig(snaps[aid]), e.get("sig"))):
                self.check(aid, entries, write=write, rep=rep, writer_alive=writer_alive)
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
            self.check(aid, entries, write=write, rep=rep, writer_alive=writer_alive)
            changed = True
        for aid in sorted(trashed - set(entries) - set(snaps)):
            path = L.trash_dir(aid) / f"{aid}.json"
            try:
                loaded = read_snapshot(path, aid)
            except DamagedFile as err:
                rep.problems.append(Problem.of(msg("problem.trash_damaged", reason=err.reason,
                                                   path=str(path)), aid))
                continue
            entries[aid] = entry_for(loaded.assessment, None, trashed=True)
            changed = True
        for aid, jpath in sorted(journals.items()):
            if aid in snaps or L.snapshot(aid).exists():
                continue
            if jpath.stat().st_size and write:
                q = quarantine(L, jpath, "journal without its assessment file")
                rep.problems.append(Problem.of(msg("problem.journal_orphan", aid=aid, q=q.name), aid, [q]))
            elif write:
                jpath.unlink()
        if index_damage or (changed and not L.index.exists() and entries):
            what = (msg("problem.index.damaged", reason=index_damage) if index_damage
                    else msg("problem.index.missing"))
            done = msg("problem.index.quarantined") if quarantined_index else ""
            n = sum(1 for e in entries.values() if not e.get("trashed"))
            rep.problems.insert(0, Problem.of(msg("problem.index", what=what, done=done, n=n), None,
                                              quarantined_index))
        if write:
            if changed:
                self.index.write_all(entries)
            self.prune_recovered()
        return rep, entries

    def check(self, aid: str, entries: dict[str, dict[str, Any]], *, write: bool,
               rep: RecoveryReport, writer_alive: Callable[[], bool]) -> None:
        prior = entries.get(aid)
        res = self.recover(aid, write=write, rep=rep, prior=prior, writer_alive=writer_alive)
        if res is None:
            entries.pop(aid, None)
            return
        a, _seq = res
        unarchive_to = prior.get("unarchive_to", "") if prior else ""
        entries[aid] = entry_for(a, file_sig(self.layout.snapshot(aid)) if write else None,
                                 unarchive_to=unarchive_to)

    def recover(self, aid: str, *, write: bool, rep: RecoveryReport,
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
            good = self.backups.newest_good(aid)
            if good is None:
                if write and jpath.exists() and jpath.stat().st_size:
                    quarantined.append(quarantine(L, jpath, "unsaved changes of a damaged assessment"))
                where = (msg("problem.no_backup.quarantined", q=quarantined[0].name) if quarantined
                         else msg("problem.no_backup.left"))
                rep.problems.append(Problem.of(msg("problem.no_backup", name=name, reason=err.reason,
                                                   where=where), aid, quarantined))
                return None
            loaded, restored_from = good
            name = display_name(loaded.assessment)
            moved = msg("problem.restored.quarantined") if quarantined else ""
            rep.problems.append(Problem.of(msg("problem.restored", name=name, reason=err.reason, moved=moved,
                                               when=_when(restored_from)), aid, quarantined, restored_from))
        a, seq = loaded.assessment, loaded.seq
        name = display_name(a)
        needs_write = restored_from is not None
        if loaded.schema < CURRENT[SNAPSHOT] and write and raw is not None:
            self.backups.keep_pre_migration(aid, loaded.schema, raw)
            needs_write = True

        new: list[dict[str, Any]] = []
        if not js.usable:
            quarantined = [quarantine(L, jpath, js.problem)] if write else []
            tail = msg("problem.journal_unusable.quarantined") if write else msg("problem.end")
            rep.problems.append(Problem.of(msg("problem.journal_unusable", name=name, reason=js.problem,
                                               tail=tail), aid, quarantined))
        else:
            new = [e for e in js.entries if e["seq"] > seq]
            if js.damaged_lines:
                kept = ([keep_copy(L.quarantine, f"{stamp()}-{aid}.journal", jpath.read_bytes())]
                        if write else [])
                k = js.damaged_lines
                tail = msg("problem.journal_partial.kept", q=kept[0].name) if kept else msg("problem.end")
                rep.problems.append(Problem.of(msg("problem.journal_partial", name=name, k=k, kept=tail),
                                               aid, kept))
            if new and restored_from is not None and new[0]["seq"] > seq + 1:
                rep.problems.append(Problem.of(msg("problem.lost_before_damage", name=name), aid))
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
                rep.problems.append(Problem.of(msg("problem.bad_changes", n=n_bad, name=name), aid))
            if not writer_alive():  # with a live writer these are its current edits, not a crash
                rep.recovered.append(rec)
            needs_write = True
        elif js.torn_tail and not writer_alive():
            rep.ignored_unfinished += js.torn_tail
            rep.recovered.append(RecoveredChanges(aid, name, ignored=js.torn_tail,
                                                  pending=not write))
        if write:
            if needs_write:
                self.persist(aid, a, seq, Journal(jpath, aid))
            elif js.size:
                j = Journal(jpath, aid)
                j.reset()
                j.close()
        return a, seq

    @staticmethod
    def subfolders(folder: Path) -> list[Path]:
        return [p for p in folder.iterdir() if p.is_dir()] if folder.is_dir() else []

    @staticmethod
    def ids_in(folder: Path, suffix: str) -> dict[str, Path]:
        if not folder.is_dir():
            return {}
        return {p.name[:-len(suffix)]: p for p in folder.iterdir()
                if p.name.endswith(suffix) and ID_RE.match(p.name[:-len(suffix)]) and p.is_file()}

    def prune_recovered(self) -> None:
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
