"""`cemassess report`: the PDF report from the command line; `export_tables` for `export`.

Registered by cemassess.cli through its extension list. The heavy modules (reportlab,
matplotlib, openpyxl) are imported inside the handlers, so other commands stay fast.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cemassess.cli_common import (
    CliError,
    add_data_dir_option,
    check_title,
    load_assessment,
    results_for,
)

if TYPE_CHECKING:
    from cemassess.domain.results import Results


MAX_LOGO_BYTES = 10 * 1024 * 1024


def _cli_error(message: str) -> Exception:
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


FORMATS = (".pdf", ".docx", ".pptx")


def cmd_report(args: argparse.Namespace) -> int:
    if args.consultant:
        check_title(args.consultant, "--consultant")
    outs = [Path(o) for o in (args.out if isinstance(args.out, list) else [args.out])]
    for out in outs:
        if out.is_dir():
            raise _cli_error(f"{out}: is a folder; give a file name")
        suffix = out.suffix.lower()
        if suffix not in FORMATS:
            raise _cli_error(f"{out}: the output file must end in .pdf, .docx or .pptx (the format follows it)")
        _check_out(out, suffix)
    if len({o.suffix.lower() for o in outs}) < len(outs):
        raise _cli_error("give each format at most once")
    from cemassess.report.theme import Branding, accent_problem, logo_problem

    accent = args.accent or "#1f5f8b"
    problem = accent_problem(accent)
    logo = Path(args.logo) if args.logo else None
    if logo is not None and not logo.is_file():  # is_file: a regular file, never a FIFO or device
        raise _cli_error(f"{logo}: no such logo file")
    if logo is not None and logo.stat().st_size > MAX_LOGO_BYTES:
        raise _cli_error(f"{logo}: too large for a logo (at most {MAX_LOGO_BYTES // (1024 * 1024)} MiB)")
    if problem is None and logo is not None:
        problem = logo_problem(logo)
    if problem is not None:
        raise _cli_error(problem)
    a = load_assessment(args.file, getattr(args, "data_dir", None))
    res = results_for(a, args.segment)
    lang = args.lang or a.language
    branding = Branding(consultant=args.consultant or "", logo=logo, accent=accent)
    trend = history_trend(a, res, getattr(args, "data_dir", None))  # all three show the change over time
    from cemassess.report.bundle import write_set
    from cemassess.report.pdf import ReportLayoutError

    try:
        write_set(res, lang, outs, branding, anonymous=bool(getattr(args, "anonymous", False)), trend=trend)
    except ReportLayoutError as e:
        raise _cli_error(str(e)) from None
    for out in outs:
        print(out)
    return 0


def history_trend(a, res, data_dir):
    """The company's earlier assessments in the portfolio (via `previous`), as a trend; None
    when there are none or the portfolio cannot be read (a report never fails for that)."""
    if not a.previous:
        return None
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
    sp = subparsers.add_parser("report", help="the report as PDF, editable Word (.docx) or debrief slides (.pptx)")
    sp.add_argument("file", metavar="FILE_OR_ID")
    sp.add_argument("-o", "--out", required=True, action="append", metavar="OUT.pdf|OUT.docx|OUT.pptx",
                    help="the file to write; its extension chooses the format (repeat -o for a set: the "
                         "charts are drawn once)")
    from cemassess.i18n import shipped_languages

    sp.add_argument("--lang", choices=shipped_languages(), help="language of the report (default: the assessment's)")
    sp.add_argument("--anonymous", action="store_true",
                    help="name respondents by role and code (R1, R2...), never by name")
    sp.add_argument("--segment", help="benchmark segment id (default: the company's industry)")
    add_data_dir_option(sp)  # a --data-dir given before the sub-command is not overwritten
    sp.add_argument("--consultant", help="the consultant's name for the cover and footer")
    sp.add_argument("--logo", help="the consultant's logo (PNG or JPEG) for the cover")
    sp.add_argument("--accent", help="accent colour as #RRGGBB, at least 4.5:1 against white (default #1f5f8b)")
    sp.set_defaults(func=cmd_report)
