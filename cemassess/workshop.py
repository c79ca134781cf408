"""Workshops and club events, orchestrated over the core: read answer files, build the room.

Event mode: every answer file is one participant's company, scored on its own and placed
against the room. The room profile is anonymous (cemassess.domain.room); refused files are
named with their reason and never stop the others.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

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

    @property
    def consenting(self) -> list[int]:
        return [i for i, f in enumerate(self.files) if f.consent_benchmark]


def load_room(paths: Sequence[Path], fw: Framework) -> Room:
    batch = read_batch(paths, fw)
    room = Room(fw, refused=list(batch.refused))
    for name, af in batch.accepted:
        room.names.append(name)
        room.files.append(af)
        room.results.append(evaluate(fw, as_assessment(af)))
    room.profile = room_profile(fw, room.results)
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
    return build_pack(rows, pack_id=f"event-{created.isoformat()}", title=f"Event: {event}"[:200],
                      framework_id=room.framework.id, created=created,
                      source=f"Self-assessments of {len(rows)} consenting participants at {event}"[:2000])
