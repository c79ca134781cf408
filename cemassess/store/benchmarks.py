"""The benchmark shelf: benchmark packs kept in the data folder (`benchmarks/<id>.json`).

Packs arrive by import (a colleague's shared pack, an event's consenting participants) or
are built from this portfolio's own assessments, anonymised: only distributions by
industry, size and region, with n; nothing is shown below 5 assessments.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from cemassess.content import DEFAULT_FRAMEWORK, framework_for
from cemassess.domain.benchmark import BenchmarkPack, build_pack
from cemassess.domain.results import evaluate
from cemassess.exchange.benchmark_file import floor_pack, read_benchmark_pack, write_benchmark_pack
from cemassess.exchange.strictjson import FileFormatError
from cemassess.store.errors import AssessmentNotFound
from cemassess.store.paths import make_private_dir
from cemassess.store.portfolio import Portfolio


def _folder(p: Portfolio) -> Path:
    return p.root / "benchmarks"


def list_packs(p: Portfolio) -> list[BenchmarkPack]:
    """Every readable pack on the shelf (an unreadable one is skipped: see `scan`)."""
    return scan(p)[0]


def scan(p: Portfolio) -> tuple[list[BenchmarkPack], list[str]]:
    """The readable packs, and a one-line reason for each file that could not be read."""
    folder = _folder(p)
    packs: list[BenchmarkPack] = []
    bad: list[str] = []
    if folder.is_dir():
        for f in sorted(folder.glob("*.json")):
            try:
                packs.append(read_benchmark_pack(f))
            except FileFormatError as e:
                bad.append(str(e))
    return packs, bad


def get_pack(p: Portfolio, pack_id: str) -> BenchmarkPack:
    for pack in list_packs(p):
        if pack.id == pack_id:
            return pack
    raise AssessmentNotFound(f"no benchmark pack {pack_id!r} on the shelf")


def _check_shelvable(pack: BenchmarkPack, name: str = "") -> None:
    """A shelf pack never passes for the shipped one (same id or title), and is never
    dated in the future (it would look newer than every later update)."""
    from cemassess.content import load_benchmarks

    where = f"{name}: " if name else ""
    shipped = load_benchmarks()
    titles = {t.casefold().strip() for t in (shipped.title, shipped.title_ru) if t}
    if pack.id == shipped.id:
        raise FileFormatError(f"{where}the id {pack.id!r} belongs to the pack that ships with cemassess; "
                              "give the pack another id")
    if {t.casefold().strip() for t in (pack.title, pack.title_ru) if t} & titles:
        raise FileFormatError(f"{where}the title {pack.title!r} is the shipped pack's; give the pack "
                              "another title")
    if pack.created > _today() + dt.timedelta(days=1):  # a day's grace for time zones
        raise FileFormatError(f"{where}the pack is dated {pack.created.isoformat()}, in the future; "
                              "a pack's date is the day it was made")


def _today() -> dt.date:
    return dt.date.today()


def save_pack(p: Portfolio, pack: BenchmarkPack) -> Path:
    """Put the pack on the shelf, floored (no figure below 5 assessments; see
    cemassess.exchange.benchmark_file.floor_pack). Raises FileFormatError (one line) for
    a pack that may not go on the shelf."""
    p._writable("save a benchmark pack")
    _check_shelvable(pack)
    pack, _ = floor_pack(pack)
    folder = _folder(p)
    make_private_dir(folder)
    path = folder / f"{pack.id}.json"  # ids match ^[a-z0-9][a-z0-9_.-]{0,63}$: safe file names
    write_benchmark_pack(pack, path)
    return path


def import_pack(p: Portfolio, path: Path, pack: BenchmarkPack | None = None) -> BenchmarkPack:
    """Validate completely, then shelve. A pack with the same id is replaced only if the
    new one is not older (a re-shared, updated pack). `pack`: the file already read (with
    `read_benchmark_pack`, before the portfolio was opened)."""
    if pack is None:
        pack = read_benchmark_pack(path)
    _check_shelvable(pack, path.name)
    pack, _ = floor_pack(pack)
    today = _today()
    for old in list_packs(p):
        # a pack on the shelf dated in the future (saved before that was refused) never
        # blocks an update: its date counts as today's
        if old.id == pack.id and min(old.created, today) > pack.created:
            raise FileFormatError(f"{path.name}: a newer pack {pack.id!r} ({old.created}) is already on the shelf")
    save_pack(p, pack)
    return pack


def remove_pack(p: Portfolio, pack_id: str) -> None:
    """Moves the pack to the trash folder (recoverable), never deletes it."""
    p._writable("remove a benchmark pack")
    src = _folder(p) / f"{get_pack(p, pack_id).id}.json"
    dest = p.root / "trash" / "benchmarks"
    make_private_dir(dest)
    shutil.move(str(src), dest / f"{pack_id}-{dt.datetime.now():%Y%m%d%H%M%S}.json")


def build_from_portfolio(p: Portfolio, *, pack_id: str = "portfolio", title: str = "My portfolio",
                         created: dt.date | None = None,
                         framework_id: str = DEFAULT_FRAMEWORK) -> BenchmarkPack:
    """Anonymised distributions of this portfolio's assessments (archived ones included:
    they are real past assessments; the trash is not). Only the newest assessment of each
    re-assessment chain counts, so one company is not counted twice."""
    rows = []
    assessments = [p.get(s.id) for s in p.list(include_archived=True)]  # each read once
    superseded = {a.previous for a in assessments if a.previous}
    for a in assessments:
        if a.id in superseded:
            continue
        if a.framework != framework_id:
            continue  # a benchmark compares like with like: one framework per pack
        res = evaluate(framework_for(a), a)  # the version it was answered on
        if res.overall.score is None:
            continue
        rows.append((a.company.industry, a.company.size, a.company.region,
                     {d: sc.score for d, sc in res.dimensions.items()}, res.overall.score))
    if not rows:
        raise AssessmentNotFound("the portfolio has no scored assessment to build a benchmark from")
    created = created or dt.date.today()
    return build_pack(rows, pack_id=pack_id, title=title, framework_id=framework_id, created=created,
                      source=f"Built by cemassess from {len(rows)} assessments in a local portfolio "
                             f"on {created.isoformat()} (anonymised distributions only)")
