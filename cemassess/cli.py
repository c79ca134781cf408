"""The command line: a second face on the same core as the app.

Bad input ends with exit code 2 and one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cemassess import __version__
from cemassess.cli_common import (
    EXIT_BAD_INPUT,
    EXIT_UNAVAILABLE,
    CliError,
    add_data_dir_option,
    check_arguments,
    load_assessment,
    results_for,
    safe_output,
)
from cemassess.domain.assessment import Assessment
from cemassess.domain.results import Results
from cemassess.exchange.strictjson import FileFormatError, describe_validation_error
from cemassess.i18n import effort_name, num, pct, role_name, shipped_languages, tr
from cemassess.labels import pack_source, segment_title
from cemassess.store.errors import PortfolioInUse, StoreIOError

__all__ = ["CliError", "EXIT_BAD_INPUT", "EXIT_UNAVAILABLE", "build_parser", "load_assessment",
           "main", "results_for"]


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _fmt(x: float | None, lang: str = "en") -> str:
    return num(x, lang, 1, none="-")


def _r1(x: float | None) -> float | None:
    return None if x is None else round(x, 1)


# -- score ----------------------------------------------------------------------------------
def score_json(res: Results, lang: str) -> dict[str, Any]:
    from cemassess.explain import band_note, blocker_text, check_status, headline, withheld_lines

    fw = res.framework
    ov = res.overall
    cov = ov.coverage
    assert cov is not None
    out: dict[str, Any] = {
        "assessment": res.assessment.id,
        "company": res.assessment.company.name,
        "framework": f"{fw.id} {fw.version}",
        "overall": _r1(ov.score),
        "overall_level": ov.band.name(lang) if ov.band else None,
        # why there is no headline (None when there is one), in words and as a code
        "overall_withheld": None if ov.withheld is None else {
            "reason": ov.withheld, "text": headline(ov, lang), "explanation": withheld_lines(ov, lang)},
        "coverage": {"known": cov.known, "applicable": cov.applicable, "not_applicable": cov.not_applicable,
                     "total": cov.total, "needed": cov.needed, "na_allowed": cov.na_allowed,
                     "enough": ov.withheld is None},
        "band_capped": None if ov.band_cap_phase is None else {
            "by_attained_phase": ov.band_cap_phase,
            "uncapped_level": ov.uncapped_band.name(lang) if ov.uncapped_band else None,
            "text": band_note(ov, lang)},
        "completion": {"answered": res.completion.answered, "total": res.completion.total},
        "dimensions": [
            {"id": d.id, "title": d.title(lang), "score": _r1(s.score),
             "level": s.band.name(lang) if s.band else None,
             "withheld": s.withheld, "known": s.known, "applicable": s.applicable, "min_known": s.min_known,
             "known_mean_level": _r1(s.known_mean) if s.withheld else None,
             "coverage": round(s.coverage, 3), "dont_know": len(s.dont_know),
             "not_applicable": len(s.not_applicable), "unanswered": len(s.unanswered)}
            for d in fw.dimensions for s in [res.dimensions[d.id]]
        ],
        "phase": {
            "current": res.phase.current, "attained": res.phase.attained,
            "progress": round(res.phase.progress, 3),
            "title": fw.phase(res.phase.current).title(lang),
            "blocking": [{"practice": b.practice_id or None, "reason": b.reason, "level": b.level,
                          "metric": b.metric or None, "value": b.value, "text": blocker_text(fw, b, lang)}
                         for b in res.phase.blocking],
            "not_applicable_reasons": [{"practice": pid, "reason": why} for st in res.phase.phases
                                       for pid, why in st.na_reasons],
        },
        "perception_gaps": {
            "practices": [{"practice": g.practice_id, "gap": round(g.gap, 2), "high": g.high.value,
                           "low": g.low.value, "by_role": {r.value: v for r, v in g.by_role.items()}}
                          for g in res.practice_gaps],
            "dimensions": [{"dimension": g.dimension_id, "gap": round(g.gap, 2), "high": g.high.value,
                            "low": g.low.value,
                            "by_role": {r.value: _r1(v) for r, v in g.by_role.items()}}
                           for g in res.dimension_gaps],
        },
        "checks": [{"id": c.check.id, "kind": c.check.kind, "title": c.check.title(lang),
                    "status": c.status, "status_text": check_status(c, lang),
                    "fired": c.fired, "mean_level": _r1(c.mean_level), "low": list(c.low),
                    "unknown": list(c.unknown)} for c in res.checks],
        "knowledge_gaps": res.knowledge_gaps,
        "for_review": res.for_review,
        "respondents": len(res.assessment.respondents),
    }
    if res.nps is not None:
        out["nps"] = {"score": _r1(res.nps.score), "n": res.nps.n, "promoters": res.nps.promoters,
                      "passives": res.nps.passives, "detractors": res.nps.detractors}
    m = res.assessment.metrics
    if m.retention_rate is not None:
        out["retention_rate"] = m.retention_rate
    if m.churn_rate is not None:
        out["churn_rate"] = m.churn_rate
    if res.benchmark is not None:
        b = res.benchmark
        out["benchmark"] = {
            "pack": b.pack.id, "segment": b.segment.id, "provenance": b.pack.provenance,
            "source": b.pack.source,
            "dimensions": {k: {"shown": c.shown, "n": c.n, "percentile": _r1(c.percentile),
                               "p10": c.p10, "median": c.median, "p90": c.p90,
                               "gap_to_median": _r1(c.gap_to_median),
                               "gap_to_top_quartile": _r1(c.gap_to_top_quartile)}
                           for k, c in b.comparisons.items()},
            # where to look for examples: the industry with the highest median per dimension
            # (measured packs only: generated figures never give such advice)
            "best_across_industries": {d: {"segment": seg.id, "label": segment_title(seg, lang), "median": med}
                                       for d, (seg, med) in b.best.items()},
        }
    return out


def score_text(res: Results, lang: str, explain: bool = False) -> str:
    from cemassess.explain import (
        band_note,
        dimension_cell,
        explain_dimension,
        explain_overall,
        explain_percentile,
        explain_phase,
        explain_target,
        headline,
        method_lines,
        nps_comparisons,
        withheld_lines,
    )

    fw, a = res.framework, res.assessment
    lines = [f"{a.company.name or '-'} — {fw.title(lang)}", ""]
    b = res.benchmark
    head = f"{tr('dimension', lang):<46} {tr('score', lang):>6}  {tr('level', lang):<16}"
    if b:
        head += "  P10  Med  P90  %ile"
    lines += [head, "-" * len(head)]
    for d in fw.dimensions:
        s = res.dimensions[d.id]
        row = f"{_cut(d.title(lang), 46):<46} {_fmt(s.score, lang):>6}  " \
              f"{(s.band.name(lang) if s.band else tr('not_scored', lang))[:16]:<16}"
        if s.withheld:
            row += "  " + dimension_cell(s, lang)
        if b:
            c = b.comparisons[d.id]
            row += (f"  {c.p10:>3.0f}  {c.median:>3.0f}  {c.p90:>3.0f}  {c.percentile:>4.0f}"
                    if c.shown and c.percentile is not None else "  " + tr("too_few", lang)[:24])
        lines.append(row)
    ov = res.overall
    if ov.score is not None:
        lines += ["-" * len(head),
                  f"{tr('overall', lang):<46} {_fmt(ov.score, lang):>6}  "
                  f"{ov.band.name(lang) if ov.band else ''}"]
        if band_note(ov, lang):
            lines.append(band_note(ov, lang))
    else:
        lines += ["-" * len(head), f"{tr('overall', lang)}: {headline(ov, lang)}"]
        lines += withheld_lines(ov, lang)
    lines.append("")
    ph = res.phase
    lines.append(f"{tr('current_phase', lang)}: {ph.current} — {fw.phase(ph.current).title(lang)} "
                 f"({tr('progress', lang)} {pct(ph.progress, lang)}); "
                 + f"{tr('attained_phase', lang)}: {ph.attained}")
    if b:
        lines.append(f"{tr('benchmark', lang)}: {segment_title(b.segment, lang)}, n={b.segment.n}"
                     + (f" — {tr('illustrative', lang)}" if b.pack.illustrative else f" — {pack_source(b.pack, lang)}"))
    if res.nps is not None:
        lines.append(f"NPS: {res.nps.score:+.0f} (n={res.nps.n})")
    if b and b.best:
        lines += ["", tr("best_across", lang) + ":"]
        for d in fw.dimensions:
            if d.id in b.best:
                seg, med = b.best[d.id]
                lines.append(f"  {_cut(d.title(lang), 46):<46} {segment_title(seg, lang)} ({tr('median', lang)} {med:.0f})")
    if res.dimension_gaps:
        lines += ["", tr("perception_gaps", lang) + ":"]
        for g in res.dimension_gaps:
            lines.append(f"  {fw.dimensions_by_id[g.dimension_id].title(lang)}: "
                         f"{role_name(g.high.value, lang)} {g.by_role[g.high]:.0f} vs "
                         f"{role_name(g.low.value, lang)} {g.by_role[g.low]:.0f} ({num(g.gap, lang, 1)})")
    if b and b.pack.illustrative:
        lines.append(tr("x.illustrative_no_advice", lang))
    if explain:
        lines += [""] + method_lines(lang, res.roadmap.now_max, fw) + [""] + explain_overall(fw, ov, lang) + [""]
        lines += explain_phase(fw, ph, res.practices, lang)
        if res.nps is not None:
            lines += [""] + nps_comparisons(res.nps.score, lang)
        for d in fw.dimensions:
            lines += [""] + explain_dimension(fw, res.dimensions[d.id], lang)
            target = res.roadmap.targets.get(d.id)
            if target is not None:
                lines.append("  " + explain_target(d.id, target, a.targets.overrides, lang))
            c = b.comparisons.get(d.id) if b else None
            if b and c is not None and c.shown and c.percentile is not None:
                lines.append("  " + explain_percentile(c, segment_title(b.segment, lang), lang))
    return "\n".join(lines)


# -- roadmap --------------------------------------------------------------------------------
def roadmap_json(res: Results, lang: str) -> dict[str, Any]:
    from cemassess.explain import action_why, explain_action

    fw = res.framework
    items = []
    for it in res.roadmap.items:
        act = fw.actions.get(it.id)
        items.append({
            "id": it.id, "rank": it.rank, "dimension": it.dimension_id, "practice": it.practice_id,
            "phase": it.phase, "horizon": it.horizon, "priority": it.priority, "effort": it.effort,
            "title": act.title(lang) if act else it.title,
            "owner": it.owner or (act.owner(lang) if act else ""),
            "kpi": it.kpi or (act.kpi(lang) if act else ""),
            "due": it.due.isoformat() if it.due else None,
            "included": it.included, "edited": it.edited, "custom": it.custom,
            "why": action_why(fw, it, lang),
            "how_computed": explain_action(fw, it, lang),
            "after": list(it.why.after) if it.why else [],
        })
    return {"assessment": res.assessment.id, "targets": {k: round(v, 1) for k, v in res.roadmap.targets.items()},
            "now_max": res.roadmap.now_max, "actions": items}


def roadmap_text(res: Results, lang: str) -> str:
    data = roadmap_json(res, lang)
    lines = []
    for h in ("now", "next", "later"):
        group = [x for x in data["actions"] if x["horizon"] == h and x["included"]]
        if not group:
            continue
        lines += ["", tr(f"horizon.{h}", lang), "=" * len(tr(f"horizon.{h}", lang))]
        for x in group:
            lines.append(f"{x['rank']:>3}. [{tr('phase', lang)} {x['phase']}, {effort_name(x['effort'], lang)}] "
                         f"{x['title']}")
            lines.append(f"     {tr('owner', lang)}: {x['owner']}; {tr('kpi', lang)}: {x['kpi']}")
            lines.append(f"     {tr('why', lang)}: {x['why']}")
    from cemassess.explain import no_actions

    return "\n".join(lines).lstrip("\n") or no_actions(res.overall, lang) or tr("roadmap.no_actions", lang)


def _now_max(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 0 <= n <= 100:
        raise argparse.ArgumentTypeError("give a number from 0 to 100")
    return n


# -- commands -------------------------------------------------------------------------------
def _lang(args: argparse.Namespace, a: Assessment | None = None) -> str:
    return args.lang or (a.language if a else "en")


def cmd_demo(args: argparse.Namespace) -> int:
    from cemassess.demo import make_demo
    from cemassess.exchange.assessment_file import write_assessment

    out = Path(args.out)
    if out.is_dir():
        raise CliError(f"{out}: is a folder; give a file name")
    write_assessment(make_demo(args.lang or "en"), out)
    print(out)
    return 0


def _show(args: argparse.Namespace, as_json: Callable[[Results, str], dict[str, Any]],
          as_text: Callable[[Results, str], str]) -> int:
    """Load, evaluate once, print as JSON or as text: what `score` and `roadmap` share."""
    a = load_assessment(args.file, getattr(args, "data_dir", None))
    res = results_for(a, args.segment, now_max=getattr(args, "now_max", None))
    lang = _lang(args, a)
    if args.json:
        print(json.dumps(as_json(res, lang), ensure_ascii=False, indent=1))
    else:
        print(as_text(res, lang))
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    return _show(args, score_json, lambda res, lang: score_text(res, lang, explain=args.explain))


def cmd_roadmap(args: argparse.Namespace) -> int:
    return _show(args, roadmap_json, roadmap_text)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="cemassess", description="CEM maturity assessment (offline).")
    p.add_argument("--version", action="version", version=f"cemassess {__version__}")
    add_data_dir_option(p, in_subcommand=False)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def lang_opt(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--lang", choices=shipped_languages(), help="language of the output")

    sp = sub.add_parser("demo", help="write a realistic sample assessment")
    sp.add_argument("out", metavar="OUT.json")
    lang_opt(sp)
    sp.set_defaults(func=cmd_demo)

    for name, func, helptext in (("score", cmd_score, "score an assessment file or portfolio id"),
                                 ("roadmap", cmd_roadmap, "the prioritised improvement roadmap")):
        sp = sub.add_parser(name, help=helptext)
        sp.add_argument("file", metavar="FILE_OR_ID")
        sp.add_argument("--json", action="store_true", help="one JSON object instead of a table")
        sp.add_argument("--segment", help="benchmark segment id (default: the company's industry)")
        add_data_dir_option(sp)
        lang_opt(sp)
        if name == "score":
            sp.add_argument("--explain", action="store_true", help="show how every figure was computed")
        else:
            sp.add_argument("--now-max", type=_now_max, default=None, metavar="N",
                            help="at most N actions in Now (default 8)")
        sp.set_defaults(func=func)

    for register in _extensions():
        register(sub)
    return p


def _extensions() -> list[Callable[[Any], None]]:
    """Sub-commands contributed by other modules (store, report, workshops)."""
    regs = []
    for mod in ("cemassess.cli_store", "cemassess.cli_report", "cemassess.cli_room",
                "cemassess.cli_live"):  # optional faces
        try:
            m = __import__(mod, fromlist=["register"])
        except ImportError:
            continue
        regs.append(m.register)
    return regs


EXIT_STOPPED, EXIT_INTERRUPTED = 143, 130  # 128 + SIGTERM, 128 + SIGINT (shell convention)


class Stopped(BaseException):
    """SIGTERM arrived: unwinds like Ctrl+C, so `with Portfolio.open()` closes the portfolio
    (journal folded, running marker removed) and the next start reports no crash."""


def _stop_on_sigterm() -> dict[int, Any]:
    """Install the handler; returns the handlers it replaced (restored when main returns)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return {}

    def handler(signum: int, _frame: object) -> None:
        raise Stopped(f"stopped by {signal.Signals(signum).name}")

    old = {}
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            num = getattr(signal, name)
            old[num] = signal.signal(num, handler)
    return old


def main(argv: Sequence[str] | None = None) -> int:
    with safe_output():  # no control character from a file or an argument reaches the terminal
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    previous = _stop_on_sigterm()
    try:
        check_arguments(args)  # every argument validated before use
        if getattr(args, "data_dir", None):
            # one data folder for every layer of this run (store, installed frameworks, shelf)
            os.environ["CEMASSESS_DATA_DIR"] = str(args.data_dir)
        return int(args.func(args) or 0)
    except Stopped as e:  # SIGTERM: the open portfolio was closed on the way out
        print(f"cemassess: {e}", file=sys.stderr)
        return EXIT_STOPPED
    except KeyboardInterrupt:
        print("cemassess: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except ValidationError as e:  # a value that slipped past the checks: still one line
        print(f"cemassess: {describe_validation_error(e)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (CliError, FileFormatError) as e:
        print(f"cemassess: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (PortfolioInUse, StoreIOError) as e:  # the portfolio is unavailable, not the input bad
        print(f"cemassess: {e}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    except OSError as e:
        print(f"cemassess: {e.filename or ''}: {e.strerror}".replace(": :", ":"), file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as e:  # the store and others raise their own one-line errors
        if type(e).__module__.startswith("cemassess.") and str(e):
            print(f"cemassess: {e}", file=sys.stderr)
            return EXIT_BAD_INPUT
        raise
    finally:
        import signal

        for num, handler in previous.items():
            signal.signal(num, handler)


if __name__ == "__main__":
    raise SystemExit(main())
