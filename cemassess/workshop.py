"""Workshops and club events, orchestrated over the core: read answer files, build the room.

Event mode: every answer file is one participant's company, scored on its own and placed
against the room. The room profile is anonymous (cemassess.domain.room); refused files are
named with their reason and never stop the others.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cemassess.domain.benchmark import BenchmarkPack, build_pack
from cemassess.domain.framework import Framework
from cemassess.domain.results import Results, evaluate
from cemassess.domain.room import RoomProfile, room_profile
from cemassess.exchange.participant import AnswerFile, Refused, as_assessment, read_batch


@dataclass
class Room:
    framework: Framework
    names: list[str] = field(default_factory=list)  # the answer files' names, in room order
    files: list[AnswerFile] = field(default_factory=list)
    results: list[Results] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    profile: RoomProfile | None = None
    partial: list[int] = field(default_factory=list)  # answered below PARTIAL_BELOW: not in the room's figures

    @property
    def complete_results(self) -> list[Results]:
        skip = set(self.partial)
        return [r for i, r in enumerate(self.results) if i not in skip]

    @property
    def consenting(self) -> list[int]:
        return [i for i, f in enumerate(self.files) if f.consent_benchmark]


PARTIAL_BELOW = 0.8  # a participant who answered less than this share of the practices is "partial"


def load_room(paths: Sequence[Path], fw: Framework) -> Room:
    """The room's answer files, scored. Partial participants (fewer than 80 % of the practices
    answered) get their personal report, flagged as partial, but are left out of the room's
    figures: a half-answered questionnaire would pull the room's distributions down."""
    batch = read_batch(paths, fw)
    room = Room(fw, refused=list(batch.refused))
    for name, af in batch.accepted:
        room.names.append(name)
        room.files.append(af)
        room.results.append(evaluate(fw, as_assessment(af)))
    room.partial = [i for i, r in enumerate(room.results) if r.completion.ratio < PARTIAL_BELOW]
    room.profile = room_profile(fw, room.complete_results)
    return room


def room_benchmark(room: Room, *, event: str, created: dt.date | None = None) -> BenchmarkPack | None:
    """The consenting participants' anonymised distributions, as a measured benchmark pack
    (None when nobody consented). The 5-assessment floor applies when it is shown."""
    rows = []
    for i in room.consenting:
        r, c = room.results[i], room.files[i].company
        rows.append((c.industry, c.size, c.region, {d: s.score for d, s in r.dimensions.items()},
                     r.overall.score))
    if not rows:
        return None
    created = created or dt.date.today()
    slug = _safe_stem(event).lower().replace("_", "-")[:30].strip("-") or "event"
    return build_pack(rows, pack_id=f"event-{created.isoformat()}-{slug}", title=f"Event: {event}"[:200],
                      framework_id=room.framework.id, created=created,
                      source=f"Self-assessments of {len(rows)} consenting participants at {event}"[:2000])


# -- event reports ----------------------------------------------------------------------------
def _safe_stem(name: str) -> str:
    """A file name fragment from an answer file's name: never a path, never odd characters."""
    import re

    stem = Path(name).name.rsplit(".", 1)[0]
    return re.sub(r"[^A-Za-z0-9_-]+", "_", stem).strip("_")[:40] or "participant"


def participant_stem(label: str) -> str:
    """A file name fragment from the participant's own label (letters of any script, digits,
    - and _), or "" when there is none: never a path, never a character a file system refuses."""
    import re
    import unicodedata

    text = unicodedata.normalize("NFC", label or "")
    return re.sub(r"[^\w-]+", "_", text, flags=re.UNICODE).strip("_.")[:40]


def personal_name(seat: int, label: str) -> str:
    """personal-003-<label>.pdf, or personal-seat-003.pdf for a participant with no label."""
    stem = participant_stem(label)
    return f"personal-{seat:03d}-{stem}.pdf" if stem else f"personal-seat-{seat:03d}.pdf"


def _personal_job(job: tuple) -> str:
    """One personal PDF (runs in a worker process)."""
    from cemassess.content import load_framework
    from cemassess.exchange.atomic import atomic_write_bytes
    from cemassess.exchange.participant import as_assessment
    from cemassess.report.room import PersonalRenderer

    af, pack, profile, lang, out, event, partial = job
    fw = load_framework(af.framework)
    a = as_assessment(af)
    a.status = "complete"  # a self-assessment handed in at an event is no draft
    res = evaluate(fw, a, benchmarks=pack, segment_id="room" if pack else None)
    atomic_write_bytes(Path(out), PersonalRenderer(res, profile, lang, event=event, partial=partial).generate())
    return out


def write_room_reports(room: Room, out_dir: Path, *, lang: str = "en", event: str = "",
                       jobs: int | None = None, progress: Callable[[float], None] | None = None,
                       cancelled: Callable[[], bool] | None = None) -> list[Path]:
    """room-summary.pdf and one personal PDF per participant, built on all cores.
    `progress(0..1)` after each file; `cancelled()` returning True stops the build (the PDFs
    not yet started are dropped) with `ReportCancelled`."""
    import multiprocessing as mp
    import os
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from cemassess.exchange.atomic import atomic_write_bytes
    from cemassess.report.pdf import ReportCancelled
    from cemassess.report.room import RoomSummaryRenderer, room_pack

    assert room.profile is not None
    stop = cancelled or (lambda: False)
    summary = out_dir / "room-summary.pdf"
    from cemassess.report.room import digest

    atomic_write_bytes(summary, RoomSummaryRenderer(room.framework, room.profile, lang, event,
                                                    digest=digest(room, lang)).generate())
    pack = room_pack(room.framework, room.profile, event, lang)
    used: set[str] = set()
    job_list = []
    partial = set(room.partial)
    for i, af in enumerate(room.files, start=1):
        fname = personal_name(i, af.respondent.name)
        k = 2
        while fname in used:
            fname = personal_name(i, f"{af.respondent.name}-{k}")
            k += 1
        used.add(fname)
        job_list.append((af, pack, room.profile, lang, str(out_dir / fname), event, i - 1 in partial))
    total = len(job_list) + 1

    def tick(done: int) -> None:
        if progress is not None:
            progress(done / total)
        if stop():
            raise ReportCancelled("the event reports were cancelled")

    tick(1)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(job_list)))
    if workers == 1:
        written = []
        for j in job_list:
            written.append(_personal_job(j))
            tick(len(written) + 1)
    else:
        # forkserver/spawn: never fork a process that may be running Qt or worker threads
        method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
        with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context(method)) as pool:
            futures = {pool.submit(_personal_job, j): n for n, j in enumerate(job_list)}
            done: dict[int, str] = {}
            try:
                for f in as_completed(futures):
                    done[futures[f]] = f.result()
                    tick(len(done) + 1)
            except ReportCancelled:
                for f in futures:
                    f.cancel()  # the ones not started never run; at most one per core finishes
                raise
        written = [done[n] for n in range(len(job_list))]
    return [summary] + [Path(p) for p in written]


# -- the event room's files: answer files and full assessment files --------------------------------
def _answer_file_of(a: Any, fw: Framework) -> AnswerFile:
    """A full assessment as one participant of an event room: its company, one respondent
    whose answers are the assessment's consensus (the agreed answer where there is one,
    else the median of its respondents, rounded half up), its metrics."""
    import math

    from cemassess.domain.assessment import Answer, Respondent
    from cemassess.domain.scoring import profile

    prof = profile(fw, a)
    answers: dict[str, Answer] = {}
    for pid, pr in prof.practices.items():
        if pr.status == "level" and pr.level is not None:
            answers[pid] = Answer(value=min(5, max(1, math.floor(pr.level + 0.5))))
        elif pr.status in ("na", "dk"):
            answers[pid] = Answer(value=pr.status)
    first = a.respondents[0] if a.respondents else None
    who = Respondent(id="r1", name=(first.name if first else "") or a.assessor, role=first.role) if first \
        else Respondent(id="r1", name=a.assessor)
    return AnswerFile(id=a.id, mode="event", framework=a.framework, respondent=who, company=a.company,
                      answers=answers, metrics=a.metrics)


def load_event_files(paths: Sequence[Path], fw: Framework) -> Room:
    """Like `load_room`, but a full assessment file (.cemassess.json, as saved by the app)
    is taken too: it counts as one participant (see `_answer_file_of`). Anything else is
    refused with its reason, as before."""
    from cemassess.exchange.assessment_file import from_data
    from cemassess.exchange.participant import MAX_ANSWER_FILE, Refused, expand
    from cemassess.exchange.strictjson import FileFormatError, parse_bytes, read_bounded

    files = expand(paths)
    answer_paths: list[Path] = []
    extra: list[tuple[str, AnswerFile]] = []
    refused: list[Refused] = []
    for p in files:
        try:
            data = read_bounded(p, what="file", max_bytes=MAX_ANSWER_FILE * 4)
        except FileFormatError as e:
            refused.append(Refused(p.name, str(e)))
            continue
        try:
            raw = parse_bytes(data, what="file")
        except FileFormatError:
            raw = None
        if not isinstance(raw, dict) or raw.get("format") != "cemassess-assessment":
            answer_paths.append(p)  # an answer file, or refused with the answer file's reason
            continue
        try:
            a = from_data(raw)
            if a.framework != fw.id:
                raise FileFormatError(f"answers a different framework ({a.framework!r}, expected {fw.id!r})")
            extra.append((p.name, _answer_file_of(a, fw)))
        except FileFormatError as e:
            refused.append(Refused(p.name, f"{p.name}: {e}"))
    room = load_room(answer_paths, fw) if answer_paths else Room(fw)
    seen = {f.id for f in room.files}
    for name, af in extra:
        if af.id in seen:
            refused.append(Refused(name, f"{name}: already in the room"))
            continue
        seen.add(af.id)
        room.names.append(name)
        room.files.append(af)
        room.results.append(evaluate(fw, as_assessment(af)))
    room.refused += refused
    room.profile = room_profile(fw, room.results)
    return room
