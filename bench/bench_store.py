"""Speed of the portfolio store: persisting one answer must not depend on portfolio size.

Target (issue 4): persisting one answer of a 30-respondent x 60-practice assessment takes a
median under 10 ms, and with 2,000 assessments in the portfolio within 1.5x of the time with
10. "Persisting" means durable: `set_answer` returns after the journal line is fdatasync'ed.

Two portfolios are built in a temporary folder on the same disk: 10 and 2,000 assessments.
The measured assessment is 30 x 60, fully answered (1,800 answers); the others are real,
valid assessments of 5 respondents x 60 practices (300 answers). Generated data with
synthetic practice ids, used only to time. Both portfolios are closed and reopened (as at
app start), then answers are changed in alternating rounds so disk noise hits both alike.

Run: .venv/bin/python bench/bench_store.py [--dir FOLDER] [--samples 300]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from cemassess.domain.assessment import Answer, Assessment, Company
from cemassess.exchange.assessment_file import write_assessment
from cemassess.store import Portfolio

PRACTICES = [f"d{d}.p{p}" for d in range(10) for p in range(6)]  # 60
SIZES = (10, 2000)
ROUNDS = 6


def assessment(rng: random.Random, i: int, respondents: int) -> Assessment:
    a = Assessment(company=Company(name=f"Company {i}", industry=rng.choice(
        ["Retail", "Banking", "Logistics", "Pharma", "IT"])), title=f"Assessment {i}")
    for r in range(respondents):
        a.add_respondent(f"Person {r}")
    for r in a.respondents:
        for pid in PRACTICES:
            a.set_answer(r.id, pid, Answer(value=rng.randint(1, 5),
                                           comment="" if rng.random() < 0.8 else "note"))
    return a


def build(folder: Path, n: int, staging: Path) -> str:
    """A portfolio of n assessments; returns the id of the 30 x 60 one."""
    rng = random.Random(n)
    files = []
    for i in range(n - 1):
        path = staging / f"a{n}-{i:05d}.cemassess.json"
        write_assessment(assessment(rng, i, 5), path)
        files.append(path)
    big = assessment(rng, n, 30)
    with Portfolio.open(folder) as p:
        report = p.import_files(files)
        assert report.ok and len(report.imported) == n - 1, report.refused[:1]
        p.create(big)
    for f in files:
        f.unlink()
    return big.id


def pct(xs: list[float], q: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, int(q * len(s)))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", type=Path, help="where to build the portfolios (default: temp)")
    ap.add_argument("--samples", type=int, default=300, help="answers timed per portfolio")
    args = ap.parse_args()
    base = Path(tempfile.mkdtemp(prefix="bench-store-", dir=args.dir))
    t_start = time.perf_counter()
    folders, ids, build_s = {}, {}, {}
    staging = base / "staging"
    staging.mkdir()
    for n in SIZES:
        t0 = time.perf_counter()
        folders[n] = base / f"portfolio-{n}"
        ids[n] = build(folders[n], n, staging)
        build_s[n] = time.perf_counter() - t0
        print(f"built {n:>5} assessments in {build_s[n]:.1f} s", flush=True)

    portfolios, open_s = {}, {}
    for n in SIZES:
        t0 = time.perf_counter()
        portfolios[n] = Portfolio.open(folders[n])
        open_s[n] = time.perf_counter() - t0
    samples: dict[int, list[float]] = {n: [] for n in SIZES}
    list_s: dict[int, list[float]] = {n: [] for n in SIZES}
    save_s: dict[int, list[float]] = {n: [] for n in SIZES}
    first_s: dict[int, float] = {}
    rng = random.Random(7)
    try:
        for n in SIZES:  # the first answer after opening also loads the assessment
            t0 = time.perf_counter()
            portfolios[n].set_answer(ids[n], "r1", PRACTICES[0], Answer(value=1))
            first_s[n] = time.perf_counter() - t0
        per_round = max(1, args.samples // ROUNDS)
        for _ in range(ROUNDS):
            for n in SIZES:
                p, aid = portfolios[n], ids[n]
                for _ in range(per_round):
                    r, pid = f"r{rng.randint(1, 30)}", rng.choice(PRACTICES)
                    ans = Answer(value=rng.randint(1, 5), comment=rng.choice(["", "ок", "why"]))
                    t0 = time.perf_counter()
                    p.set_answer(aid, r, pid, ans)
                    samples[n].append(time.perf_counter() - t0)
        for _ in range(10):  # full saves and listing, after the answers (save resets the
            for n in SIZES:  # compaction counter, so it must not interleave with them)
                p, aid = portfolios[n], ids[n]
                t0 = time.perf_counter()
                p.list(sort="company")
                list_s[n].append(time.perf_counter() - t0)
                a = p.get(aid)
                t0 = time.perf_counter()
                p.save(a)
                save_s[n].append(time.perf_counter() - t0)
    finally:
        for p in portfolios.values():
            p.close()

    ms = lambda s: s * 1000  # noqa: E731
    print(f"\nstore bench {dt.date.today()}  {platform.system()} {platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}, folder {base}")
    print("persist one answer (set_answer, fdatasync'ed), 30 x 60 assessment:")
    med = {}
    for n in SIZES:
        xs = samples[n]
        med[n] = statistics.median(xs)
        print(f"  {n:>5} assessments: median {ms(med[n]):.3f} ms, p90 {ms(pct(xs, .9)):.3f} ms, "
              f"p99 {ms(pct(xs, .99)):.2f} ms, max {ms(max(xs)):.2f} ms ({len(xs)} samples; "
              "max = the change that triggered the compaction, 1 in 200)")
    ratio = med[SIZES[1]] / med[SIZES[0]]
    print(f"  ratio {SIZES[1]}/{SIZES[0]}: {ratio:.2f}")
    for n in SIZES:
        print(f"  {n:>5} assessments: open (start-up) {ms(open_s[n]):.0f} ms, first answer "
              f"(loads the 30x60) {ms(first_s[n]):.0f} ms, list() median "
              f"{ms(statistics.median(list_s[n])):.1f} ms, full save() median "
              f"{ms(statistics.median(save_s[n])):.1f} ms")
    ok = med[SIZES[0]] < 0.010 and med[SIZES[1]] < 0.010 and ratio <= 1.5
    print(f"target median < 10 ms and ratio <= 1.5: {'OK' if ok else 'MISSED'} "
          f"(total {time.perf_counter() - t_start:.0f} s)")
    import shutil

    shutil.rmtree(base, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
