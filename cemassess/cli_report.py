"""`cemassess report`: the PDF report from the command line; `export_tables` for `export`.

Registered by cemassess.cli through its extension list. The heavy modules (reportlab,
matplotlib, openpyxl) are imported inside the handlers, so other commands stay fast.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cemassess.domain.results import Results


def _cli_error(message: str) -> Exception:
    from cemassess.cli import CliError

    return CliError(message)


def _check_out(path: Path, suffix: str) -> Path:
    if path.is_dir():
        raise _cli_error(f"{path}: is a folder; give a file name")
    if not path.parent.exists():
        raise _cli_error(f"{path.parent}: no such folder")
    if path.suffix.lower() != suffix:
        raise _cli_error(f"{path}: the output file must end in {suffix}")
    return path


def export_tables(res: Results, csv_path: Path | str | None, xlsx_path: Path | str | None, lang: str) -> list[Path]:
    """Write the CSV and/or the XLSX export; returns the files written. For `cemassess export`."""
    from cemassess.exchange.export_tabular import write_csv, write_xlsx

    out = []
    if csv_path:
        out.append(write_csv(res, _check_out(Path(csv_path), ".csv"), lang))
    if xlsx_path:
        out.append(write_xlsx(res, _check_out(Path(xlsx_path), ".xlsx"), lang))
    return out


def cmd_report(args: argparse.Namespace) -> int:
    from cemassess.cli import load_assessment, results_for

    out = _check_out(Path(args.out), ".pdf")
    a = load_assessment(args.file, getattr(args, "data_dir", None))
    res = results_for(a, args.segment)
    lang = args.lang or a.language
    from cemassess.report.pdf import write_report
    from cemassess.report.theme import Branding

    accent = args.accent or "#1f5f8b"
    if not (len(accent) == 7 and accent.startswith("#") and all(c in "0123456789abcdefABCDEF" for c in accent[1:])):
        raise _cli_error(f"--accent {accent!r}: give a colour as #RRGGBB")
    logo = Path(args.logo) if args.logo else None
    if logo is not None and not logo.is_file():
        raise _cli_error(f"{logo}: no such logo file")
    trend = history_trend(a, res, getattr(args, "data_dir", None))
    write_report(res, lang, out, Branding(consultant=args.consultant or "", logo=logo, accent=accent), trend=trend)
    print(out)
    return 0


def history_trend(a, res, data_dir):
    """The company's earlier assessments in the portfolio (via `previous`), as a trend; None
    when there are none or the portfolio cannot be read (a report never fails for that)."""
    if not a.previous:
        return None
    from cemassess.cli import results_for
    from cemassess.domain.trend import chain, trend
    from cemassess.store import Portfolio, StoreError
    from cemassess.store.history import earlier_assessments

    try:
        with Portfolio.open(data_dir, read_only=True) as p:
            by_id = earlier_assessments(p, a)
    except StoreError:
        return None
    by_id[a.id] = a
    history = chain(a, by_id)
    if len(history) < 2:
        return None
    return trend([res if h.id == a.id else results_for(h, with_benchmark=False) for h in history])


def register(subparsers: Any) -> None:
    sp = subparsers.add_parser("report", help="the PDF report: profile, phases, dimensions, roadmap, appendix")
    sp.add_argument("file", metavar="FILE_OR_ID")
    sp.add_argument("-o", "--out", required=True, metavar="OUT.pdf", help="the PDF file to write")
    from cemassess.i18n import shipped_languages

    sp.add_argument("--lang", choices=shipped_languages(), help="language of the report (default: the assessment's)")
    sp.add_argument("--segment", help="benchmark segment id (default: the company's industry)")
    try:  # the store's option: a --data-dir given before the sub-command is not overwritten
        from cemassess.cli_store import add_data_dir_option

        add_data_dir_option(sp)
    except ImportError:  # pragma: no cover - the store ships with the app
        sp.add_argument("--data-dir", metavar="FOLDER", default=argparse.SUPPRESS,
                        help="the portfolio folder (default: the user data folder)")
    sp.add_argument("--consultant", help="the consultant's name for the cover and footer")
    sp.add_argument("--logo", help="the consultant's logo (PNG or JPEG) for the cover")
    sp.add_argument("--accent", help="accent colour as #RRGGBB (default #1f5f8b)")
    sp.set_defaults(func=cmd_report)
