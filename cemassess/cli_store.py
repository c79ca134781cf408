"""Portfolio commands for the CLI: `list`, `import FILE...`, `export ID -o FILE`, and
`resolve_assessment` so `score`/`roadmap`/`report` accept a file or a portfolio id.

Wiring (cemassess/cli.py): `register(subparsers)` adds the three sub-commands, each with
`func` set to its handler; a handler takes the parsed args and returns the exit code:
0 done, 1 the portfolio could not be used (in use by another window, disk error),
2 bad input (unknown id, refused file, existing output file). Messages go to stderr as
one line; no traceback reaches the user.

Reads (`list`, `export`, `resolve_assessment`) open the portfolio read-only, so they work
while the app has it open; `import` needs the lock and says clearly when the app holds it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from cemassess.cli_common import (
    CliError,
    ResolveError,
    add_data_dir_option,
    resolve_assessment,
    results_for,
)
from cemassess.i18n import shipped_languages
from cemassess.store import Portfolio, StoreError, Summary
from cemassess.store.errors import AssessmentNotFound, PortfolioInUse, StoreIOError
from cemassess.store.paths import ID_RE
from cemassess.store.portfolio import SORTS

EXIT_OK, EXIT_UNAVAILABLE, EXIT_BAD_INPUT = 0, 1, 2
__all__ = ["ResolveError", "add_data_dir_option", "build_parser", "main", "register", "resolve_assessment"]


def _data_dir(args: argparse.Namespace) -> str | None:
    return getattr(args, "data_dir", None)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser("list", help="list the assessments in the portfolio",
                              description="List the assessments in your local portfolio.")
    p.add_argument("-s", "--search", default="", metavar="TEXT",
                   help="only those whose company, industry, title or id contain every word")
    p.add_argument("--sort", choices=list(SORTS), default="modified",
                   help="order (default: most recently modified first)")
    p.add_argument("--archived", action="store_true", help="include archived assessments")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    add_data_dir_option(p)
    p.set_defaults(func=cmd_list)

    p = subparsers.add_parser("import", help="import assessment files into the portfolio",
                              description="Import assessment files (*.cemassess.json). Each "
                              "file is checked completely first and imported whole or not at all.")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--as-copy", action="store_true",
                   help="import a file whose id is already used under a new id")
    add_data_dir_option(p)
    p.set_defaults(func=cmd_import)

    p = subparsers.add_parser("export", help="export an assessment: file, CSV, XLSX, chart PNGs",
                              description="Write an assessment (a portfolio id or a file) as an "
                                          "assessment file (-o), a CSV of all answers, an XLSX workbook "
                                          "and/or the charts as PNG files.")
    p.add_argument("id", metavar="FILE_OR_ID", help="an assessment file, or a portfolio id (or its unique beginning)")
    p.add_argument("-o", "--output", metavar="FILE", help="the assessment file to write")
    p.add_argument("--csv", metavar="OUT.csv", help="all answers, long format (safe for Excel)")
    p.add_argument("--xlsx", metavar="OUT.xlsx", help="summary, dimensions, answers and roadmap sheets")
    p.add_argument("--charts", metavar="DIR", help="every chart as a PNG file in DIR")
    p.add_argument("--lang", choices=shipped_languages(), help="language of the CSV/XLSX/charts")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    add_data_dir_option(p)
    p.set_defaults(func=cmd_export)


def _fail(message: str, code: int, err: TextIO | None = None) -> int:
    print(f"cemassess: {message}", file=err or sys.stderr)
    return code


def _code(e: StoreError) -> int:
    return EXIT_BAD_INPUT if isinstance(e, AssessmentNotFound) else EXIT_UNAVAILABLE


def _when(s: Summary) -> str:
    return s.modified.astimezone().strftime("%Y-%m-%d %H:%M")


def format_table(rows: Sequence[Summary]) -> str:
    head = ("ID", "COMPANY", "INDUSTRY", "MODIFIED", "STATUS", "RESPONDENTS")
    body = [(s.id, s.company or s.title or "-", s.industry or "-", _when(s), s.status,
             str(s.respondents)) for s in rows]
    widths = [max(len(r[i]) for r in (head, *body)) for i in range(len(head))]
    lines = []
    for r in (head, *body):
        cells = [c.ljust(w) if i < len(r) - 1 else c.rjust(w)
                 for i, (c, w) in enumerate(zip(r, widths, strict=True))]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def cmd_list(args: argparse.Namespace) -> int:
    try:
        with Portfolio.open(_data_dir(args), read_only=True) as p:
            rows = p.list(search=args.search, sort=args.sort, include_archived=args.archived)
            root = p.root
    except StoreError as e:
        return _fail(str(e), _code(e))
    if args.json:
        print(json.dumps([s.to_json() for s in rows], ensure_ascii=False, indent=1))
    elif rows:
        print(format_table(rows))
    else:
        what = "match" if args.search else "are in"
        print(f"No assessments {what} the portfolio in {root}.")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from cemassess.store.portfolio import read_import_files

    read = read_import_files(args.files)  # read and validate first: no lock held meanwhile
    try:
        with Portfolio.open(_data_dir(args)) as p:
            for msg in p.recovery.messages():
                print(f"cemassess: {msg}", file=sys.stderr)
            report = p.import_files(read, as_copy=args.as_copy)
    except PortfolioInUse as e:
        return _fail(f"{e} (cannot import while it is open for editing)", EXIT_UNAVAILABLE)
    except StoreError as e:
        return _fail(str(e), _code(e))
    for r in report.results:
        print(r.line(), file=sys.stdout if r.ok else sys.stderr)
    return EXIT_OK if report.ok else EXIT_BAD_INPUT


def cmd_export(args: argparse.Namespace) -> int:
    if not (args.output or args.csv or args.xlsx or args.charts):
        return _fail("say what to write: -o FILE, --csv FILE, --xlsx FILE and/or --charts DIR", EXIT_BAD_INPUT)
    if args.csv or args.xlsx or args.charts:
        code = _export_tables(args)
        if code != EXIT_OK or not args.output:
            return code
    out = Path(args.output)
    if not ID_RE.match(args.id) or Path(args.id).exists():  # a file: re-written, validated
        try:
            a = resolve_assessment(args.id, _data_dir(args))
        except ResolveError as e:
            return _fail(str(e), EXIT_BAD_INPUT)
        if out.exists() and not args.force:
            return _fail(f"{out} already exists; use --force to overwrite it", EXIT_BAD_INPUT)
        from cemassess.exchange.assessment_file import write_assessment

        write_assessment(a, out)
        print(f"Exported {args.id} to {out}")
        return EXIT_OK
    if out.exists() and not args.force:
        return _fail(f"{out} already exists; use --force to overwrite it", EXIT_BAD_INPUT)
    if out.parent and not out.parent.is_dir():
        return _fail(f"the folder {out.parent} does not exist", EXIT_BAD_INPUT)
    try:
        with Portfolio.open(_data_dir(args), read_only=True) as p:
            aid = p.resolve_id(args.id)
            name = p.summary(aid).name
            p.export(aid, out)
    except StoreIOError as e:
        return _fail(str(e), EXIT_UNAVAILABLE)
    except StoreError as e:
        return _fail(str(e), _code(e))
    print(f"Exported '{name}' ({aid}) to {out}")
    return EXIT_OK


def _export_tables(args: argparse.Namespace) -> int:
    from cemassess.cli_report import export_tables

    try:
        a = resolve_assessment(args.id, _data_dir(args))
        res = results_for(a)
        lang = args.lang or a.language
        written = export_tables(res, args.csv, args.xlsx, lang)
        if args.charts:
            from cemassess.exchange.export_tabular import write_chart_pngs

            folder = Path(args.charts)
            folder.mkdir(parents=True, exist_ok=True)
            written += list(write_chart_pngs(res, folder, lang))
    except (ResolveError, CliError) as e:
        return _fail(str(e), EXIT_BAD_INPUT)
    for w in written:
        print(w)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """A stand-alone parser with just these commands (tests, `python -m cemassess.cli_store`)."""
    parser = argparse.ArgumentParser(prog="cemassess")
    add_data_dir_option(parser, in_subcommand=False)
    register(parser.add_subparsers(dest="command", required=True))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from cemassess.cli_common import check_arguments, safe_output

    with safe_output():
        args = build_parser().parse_args(argv)
        try:
            check_arguments(args)
        except CliError as e:
            return _fail(str(e), EXIT_BAD_INPUT)
        return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
