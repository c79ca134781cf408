"""Workshop and event commands: `room` (event mode in batch) and `benchmarks` (the shelf)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from cemassess.cli_common import CliError, add_data_dir_option, check_id, check_title


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sp = sub.add_parser("room", help="event mode: the room's profile and a personal PDF per participant",
                        description="Read participants' answer files (files or folders), write "
                                    "room-summary.pdf and one personal PDF per participant. Refused "
                                    "files are named with their reason and do not stop the others.")
    sp.add_argument("inputs", nargs="+", metavar="DIR_OR_FILE")
    sp.add_argument("-o", "--out", required=True, metavar="OUT_DIR")
    sp.add_argument("--lang", choices=["en", "ru"], default="en")
    sp.add_argument("--event", default="", help="the event's name, printed on the reports")
    sp.add_argument("--jobs", type=int, default=0, help="parallel processes (default: all cores)")
    sp.add_argument("--save-benchmark", action="store_true",
                    help="add the consenting participants' anonymised results to the benchmark shelf")
    add_data_dir_option(sp)
    sp.set_defaults(func=cmd_room)

    q = sub.add_parser("questionnaire", help="export a questionnaire file for workshop participants",
                       description="Write a questionnaire for one assessment in the portfolio: each "
                                   "participant answers it in the app's participant mode and sends back "
                                   "an answer file.")
    q.add_argument("assessment", metavar="ID", nargs="?",
                   help="the assessment (not needed with --event: an event needs no assessment)")
    q.add_argument("-o", "--out", required=True, metavar="FILE")
    q.add_argument("--lang", choices=["en", "ru"], help="event mode: the questionnaire's language")
    q.add_argument("--role", choices=["management", "sales", "marketing", "service", "other"],
                   help="the role to answer as (default: the participant chooses)")
    q.add_argument("--event", default="", help="event mode: the event's name (no company is set)")
    add_data_dir_option(q)
    q.set_defaults(func=cmd_questionnaire)

    ans = sub.add_parser("answers", help="import participants' answer files into an assessment",
                         description="Validate every answer file, then add each as a respondent of the "
                                     "assessment. Duplicates and files already imported are recognised; "
                                     "each refused file is named with its reason; nothing is partly imported.")
    ans.add_argument("assessment", metavar="ID")
    ans.add_argument("inputs", nargs="+", metavar="DIR_OR_FILE")
    add_data_dir_option(ans)
    ans.set_defaults(func=cmd_answers)

    fp = sub.add_parser("frameworks", help="frameworks: the shipped ones and your own")
    fsub = fp.add_subparsers(dest="fw_command", metavar="ACTION", required=True)
    f = fsub.add_parser("list", help="shipped and installed frameworks")
    add_data_dir_option(f)
    f.set_defaults(func=cmd_fw_list)
    f = fsub.add_parser("import", help="validate and install your own framework file")
    f.add_argument("files", nargs="+", metavar="FILE")
    add_data_dir_option(f)
    f.set_defaults(func=cmd_fw_import)

    bp = sub.add_parser("benchmarks", help="benchmark packs: list, build from the portfolio, import, export")
    bsub = bp.add_subparsers(dest="bench_command", metavar="ACTION", required=True)
    b = bsub.add_parser("list", help="the packs on the shelf and the shipped ones")
    b.add_argument("--json", action="store_true")
    add_data_dir_option(b)
    b.set_defaults(func=cmd_bench_list)
    b = bsub.add_parser("build", help="anonymised distributions of your portfolio's assessments")
    b.add_argument("-o", "--out", metavar="FILE", help="also write the pack to FILE")
    b.add_argument("--id", default="portfolio")
    b.add_argument("--title", default="My portfolio")
    add_data_dir_option(b)
    b.set_defaults(func=cmd_bench_build)
    b = bsub.add_parser("import", help="put a shared benchmark pack on the shelf")
    b.add_argument("files", nargs="+", metavar="FILE")
    add_data_dir_option(b)
    b.set_defaults(func=cmd_bench_import)
    b = bsub.add_parser("export", help="write a pack from the shelf to a file")
    b.add_argument("pack_id", metavar="ID")
    b.add_argument("-o", "--out", required=True, metavar="FILE")
    add_data_dir_option(b)
    b.set_defaults(func=cmd_bench_export)


def _portfolio(args: argparse.Namespace, read_only: bool = False):
    from cemassess.store import Portfolio

    return Portfolio.open(getattr(args, "data_dir", None), read_only=read_only)


def cmd_room(args: argparse.Namespace) -> int:
    from cemassess.content import load_framework
    from cemassess.workshop import load_room, room_benchmark, write_room_reports

    check_title(args.event, "--event", required=False)
    if not 0 <= args.jobs <= 256:
        raise CliError(f"--jobs {args.jobs}: give 0 (all cores) to 256")
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise CliError(f"{out}: exists and is not a folder")
    inputs = [Path(x) for x in args.inputs]
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        raise CliError(f"{missing[0]}: no such file or folder")
    fw = load_framework()
    room = load_room(inputs, fw)
    for r in room.refused:
        print(f"refused: {r.reason}")
    if not room.results:
        raise CliError("no usable answer files: nothing to report")
    out.mkdir(parents=True, exist_ok=True)
    written = write_room_reports(room, out, lang=args.lang, event=args.event, jobs=args.jobs or None)
    for path in written:
        print(path)
    if not room.profile.shown:
        print(f"note: only {room.profile.n} participants; group figures need at least 5")
    if args.save_benchmark:
        from cemassess.store.benchmarks import save_pack

        pack = room_benchmark(room, event=args.event or "event")
        if pack is None:
            print("no participant consented to the benchmark: nothing saved")
        else:
            with _portfolio(args) as p:
                print(f"benchmark pack {pack.id} saved: {save_pack(p, pack)}")
    return 2 if room.refused else 0


def cmd_bench_list(args: argparse.Namespace) -> int:
    from cemassess.content import load_benchmarks
    from cemassess.store.benchmarks import scan

    with _portfolio(args, read_only=True) as p:
        shelf, bad = scan(p)
    packs = [("shipped", load_benchmarks())] + [("shelf", x) for x in shelf]
    rows = [{"id": x.id, "where": w, "title": x.title, "provenance": x.provenance,
             "created": x.created.isoformat(), "segments": len(x.segments),
             "n": x.segments[0].n} for w, x in packs]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        for r in rows:
            print(f"{r['id']:<24} {r['where']:<8} {r['provenance']:<12} n={r['n']:<5} {r['title']}")
    for msg in bad:
        print(f"unreadable: {msg}")
    return 0


def cmd_bench_build(args: argparse.Namespace) -> int:
    from cemassess.exchange.benchmark_file import write_benchmark_pack
    from cemassess.store.benchmarks import build_from_portfolio, save_pack

    check_id(args.id)  # before anything is read: never a path, never a traceback
    check_title(args.title)
    with _portfolio(args) as p:
        pack = build_from_portfolio(p, pack_id=args.id, title=args.title, created=dt.date.today())
        path = save_pack(p, pack)
    print(f"{pack.id}: {pack.segments[0].n} assessments, {len(pack.segments)} segments -> {path}")
    if args.out:
        write_benchmark_pack(pack, Path(args.out))
        print(args.out)
    return 0


def _import_each(args: argparse.Namespace, importer, describe) -> int:
    """Validate and shelve each file on its own: a refused one is named with its reason and
    never stops the others; exit 2 when any was refused."""
    from cemassess.exchange.strictjson import FileFormatError

    refused = 0
    with _portfolio(args) as p:
        for f in args.files:
            try:
                print(describe(importer(p, Path(f)), f))
            except FileFormatError as e:
                refused += 1
                print(f"refused: {e}")
    return 2 if refused else 0


def cmd_bench_import(args: argparse.Namespace) -> int:
    from cemassess.store.benchmarks import import_pack

    return _import_each(args, import_pack, lambda pack, f: (
        f"imported: {f} ({pack.id}, {'ILLUSTRATIVE' if pack.illustrative else 'measured'}, "
        f"{len(pack.segments)} segments)"))


def cmd_bench_export(args: argparse.Namespace) -> int:
    from cemassess.exchange.benchmark_file import write_benchmark_pack
    from cemassess.store.benchmarks import get_pack

    with _portfolio(args, read_only=True) as p:
        pack = get_pack(p, args.pack_id)
    write_benchmark_pack(pack, Path(args.out))
    print(args.out)
    return 0


def cmd_questionnaire(args: argparse.Namespace) -> int:
    from cemassess.exchange.atomic import atomic_write_bytes
    from cemassess.exchange.participant import dumps, questionnaire_for

    check_title(args.event, "--event", required=False)
    if args.assessment is None:
        from cemassess.cli import CliError
        from cemassess.content import load_framework
        from cemassess.domain.framework import Role
        from cemassess.exchange.participant import Questionnaire

        if not args.event:
            raise CliError("give an assessment ID, or --event NAME for an event questionnaire")
        fw = load_framework()
        q = Questionnaire(mode="event", event=args.event, framework=fw.id, framework_version=fw.version,
                          language=args.lang or "en", role=Role(args.role) if args.role else None)
    else:
        with _portfolio(args, read_only=True) as p:
            a = p.get(p.resolve_id(args.assessment))
        q = questionnaire_for(a, args.role, args.event)
    atomic_write_bytes(Path(args.out), dumps(q))
    print(args.out)
    return 0


def cmd_answers(args: argparse.Namespace) -> int:
    from cemassess.content import framework_for
    from cemassess.exchange.participant import merge_into, read_batch

    # Read and validate every answer file first, holding no lock (a slow or hostile file
    # never keeps the app out of the portfolio); then lock, merge and save in one change.
    with _portfolio(args, read_only=True) as p:
        aid = p.resolve_id(args.assessment)
        a = p.get(aid)
    already = {r.id[1:] for r in a.respondents if r.id.startswith("f")}
    batch = read_batch([Path(x) for x in args.inputs], framework_for(a), already=already)
    refused = list(batch.refused)
    if batch.accepted:
        def apply(target):
            refused.extend(merge_into(target, batch))  # re-checked against the saved state
            return target

        with _portfolio(args) as p:
            p.update(aid, apply)
    accepted = len(batch.accepted) - (len(refused) - len(batch.refused))
    print(f"imported: {accepted} answer file(s)")
    for r in refused:
        print(f"refused: {r.reason}")
    return 2 if refused else 0


def cmd_fw_list(args: argparse.Namespace) -> int:
    from cemassess.content import load_framework
    from cemassess.store.frameworks import list_frameworks

    shipped = load_framework()
    print(f"{shipped.id:<24} shipped    {shipped.version:<6} {len(shipped.practices)} practices  {shipped.title.en}")
    with _portfolio(args, read_only=True) as p:
        for name, fw in list_frameworks(p):
            if isinstance(fw, str):
                print(f"{name:<24} unreadable: {fw}")
            else:
                where = "installed" if name == f"{fw.id}.json" else "kept"  # an earlier version beside
                print(f"{fw.id:<24} {where:<10} {fw.version:<6} {len(fw.practices)} practices  {fw.title.en}")
    return 0


def cmd_fw_import(args: argparse.Namespace) -> int:
    from cemassess.store.frameworks import import_framework

    return _import_each(args, import_framework, lambda installed, f: installed.line())
