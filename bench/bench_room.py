"""Speed: import 1,000 participant answer files and compute the room profile.

Targets (issue 7): importing 1,000 files and computing the room under 5 seconds; 100
personal PDFs (plus the room summary) under 60 seconds using both cores. The files are
generated here (random but valid answers): labelled generated data, used only to time.
Run: .venv/bin/python bench/bench_room.py
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from cemassess.content import load_framework
from cemassess.domain.assessment import Answer, Assessment, Company
from cemassess.domain.framework import Role
from cemassess.exchange.participant import answer_file_from, dumps
from cemassess.workshop import load_room

N = 1000


def make_files(folder: Path, n: int) -> None:
    fw = load_framework()
    rng = random.Random(1)
    for i in range(n):
        a = Assessment(framework=fw.id, company=Company(name=f"Company {i}", industry="it"))
        r = a.add_respondent(f"P{i}", rng.choice(list(Role)))
        base = rng.uniform(1.5, 4.0)
        for pid in fw.practices:
            v = max(1, min(5, round(base + rng.gauss(0, 0.8))))
            a.set_answer(r.id, pid, Answer(value=v))
        (folder / f"p{i:04d}.json").write_bytes(dumps(answer_file_from(a, r.id, consent=True)))


def main() -> int:
    fw = load_framework()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_files(folder, N)
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            room = load_room([folder], fw)
            times.append(time.perf_counter() - t0)
            assert len(room.results) == N and not room.refused and room.profile.shown
    med = statistics.median(times)
    print(f"import {N} answer files + room profile: median {med:.2f} s over {len(times)} runs "
          f"(min {min(times):.2f}, max {max(times):.2f}); target < 5 s: {'OK' if med < 5 else 'MISSED'}")
    pdf_s = bench_pdfs(fw)
    return 0 if med < 5 and pdf_s < 60 else 1


def bench_pdfs(fw, n: int = 100) -> float:
    from cemassess.workshop import write_room_reports

    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "in", Path(tmp) / "out"
        folder.mkdir()
        out.mkdir()
        make_files(folder, n)
        room = load_room([folder], fw)
        t0 = time.perf_counter()
        written = write_room_reports(room, out, lang="en", event="Benchmark event", jobs=2)
        took = time.perf_counter() - t0
        assert len(written) == n + 1
    print(f"{n} personal PDFs + room summary on 2 processes: {took:.1f} s "
          f"({took / n:.2f} s per PDF); target < 60 s: {'OK' if took < 60 else 'MISSED'}")
    return took


if __name__ == "__main__":
    sys.exit(main())
