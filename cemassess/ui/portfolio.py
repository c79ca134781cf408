"""The app's one door to the store: open the portfolio (read-only when another window
holds it) and say in the user's language what start-up recovery did."""

from __future__ import annotations

from typing import Any

from cemassess.ui.strings import t


def open_portfolio(data_dir: str | None, read_only: bool = False) -> Any:
    from cemassess.store import Portfolio

    return Portfolio.open(data_dir or None, read_only=read_only)


def in_use_error() -> type[Exception]:
    from cemassess.store import PortfolioInUse

    return PortfolioInUse


def recovery_lines(report: Any, lang: str) -> list[str]:
    """One line per recovered assessment and per repaired file (store messages are English:
    the recovered ones are rephrased here from their numbers)."""
    if report is None or report.quiet:
        return []
    out = []
    for r in report.recovered:
        if lang == "ru":
            out.append(t("recovery.line", lang, answers=r.answers, other=r.other, name=r.name))
        else:
            out.append(r.message())
    out += [p.message for p in report.problems]
    return out


def recovered_ids(report: Any) -> list[str]:
    if report is None:
        return []
    return [r.id for r in report.recovered
            if not r.discarded and not r.pending and r.before_copy is not None]
