"""The app's one door to the store: open the portfolio (read-only when another window
holds it) and say in the user's language what start-up recovery did."""

from __future__ import annotations

from typing import Any


def open_portfolio(data_dir: str | None, read_only: bool = False) -> Any:
    from cemassess.store import Portfolio

    return Portfolio.open(data_dir or None, read_only=read_only)


def in_use_error() -> type[Exception]:
    from cemassess.store import PortfolioInUse

    return PortfolioInUse


def recovery_lines(report: Any, lang: str) -> list[str]:
    """One line per recovered assessment and per repaired file, in the user's language."""
    if report is None or report.quiet:
        return []
    return [r.message(lang) for r in report.recovered] + [p.text(lang) for p in report.problems]


def recovered_ids(report: Any) -> list[str]:
    if report is None:
        return []
    return [r.id for r in report.recovered
            if not r.discarded and not r.pending and r.before_copy is not None]


# -- assessments by file ------------------------------------------------------------------------
def import_or_open(p: Any, path: Any) -> tuple[str, str]:
    """An assessment file given to the app: (id, what happened). Its id already in the
    portfolio: that one is opened ("present"); otherwise the file is imported ("imported").
    Raises the store's or the reader's one-line error."""
    from pathlib import Path

    from cemassess.exchange.assessment_file import read_assessment

    a = read_assessment(Path(path))
    try:
        p.summary(a.id)
        return a.id, "present"
    except Exception:  # not in the portfolio (or only in the trash): import it
        pass
    report = p.import_files([Path(path)])
    ok = [r for r in report.results if r.ok]
    if not ok:
        raise ValueError(report.results[0].line() if report.results else f"{Path(path).name}: not imported")
    return ok[0].id, "imported"


# -- earlier assessments of the same company (re-assessment trends) ------------------------------
def earlier_assessments(p: Any, a: Any, limit: int = 50) -> dict[str, Any]:
    """The assessments `a` descends from (via `previous`), by id (see store.history)."""
    from cemassess.store.history import earlier_assessments as earlier

    return earlier(p, a, limit)


# -- the benchmark shelf ------------------------------------------------------------------------
def shelf_packs(p: Any) -> list[Any]:
    from cemassess.store.benchmarks import list_packs

    return list_packs(p)


def import_pack(p: Any, path: Any) -> Any:
    from pathlib import Path

    from cemassess.store.benchmarks import import_pack as _import

    return _import(p, Path(path))


def save_pack(p: Any, pack: Any) -> Any:
    from cemassess.store.benchmarks import save_pack as _save

    return _save(p, pack)


def build_pack_from_portfolio(p: Any, title: str) -> Any:
    """Anonymised distributions of the portfolio's assessments, saved on the shelf."""
    import datetime as dt

    from cemassess.exchange.benchmark_file import floor_pack
    from cemassess.store.benchmarks import build_from_portfolio, save_pack

    pack = build_from_portfolio(p, pack_id="portfolio", title=title, created=dt.date.today())
    pack, _ = floor_pack(pack)  # the privacy floor: what is saved is what the user is told
    save_pack(p, pack)
    return pack
