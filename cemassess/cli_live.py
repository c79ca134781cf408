"""`cemassess live`: the live room headless, for a trainer without the GUI (and for tests)."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path

from cemassess.cli_store import add_data_dir_option

DEFAULT_PORT = 8765


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sp = sub.add_parser("live", help="event mode live: participants answer on their phones",
                        description="Serve the event's questionnaire on the local network. Prints the "
                                    "join URL on a line of its own and a QR code; Ctrl+C or SIGTERM "
                                    "stops it. Every answer is on disk before the phone shows 'saved'; "
                                    "running it again on the same event resumes every seat.")
    sp.add_argument("--event", required=True, metavar="NAME", help="the event (created on first use)")
    sp.add_argument("--host", metavar="ADDRESS",
                    help="the address to listen on (default: this machine's LAN address)")
    sp.add_argument("--port", type=int, metavar="N",
                    help=f"the port (default: the event's last port, else {DEFAULT_PORT}; 0: any free port)")
    sp.add_argument("-o", "--out", metavar="DIR",
                    help="on stopping, write room-summary.pdf and the personal PDFs here")
    sp.add_argument("--lang", choices=["en", "ru"], default="en", help="language of the room reports")
    sp.add_argument("--seat-cap", type=int, default=500, help="most seats the room accepts (default 500)")
    sp.add_argument("--no-qr", action="store_true", help="do not draw the QR code")
    add_data_dir_option(sp)
    sp.set_defaults(func=cmd_live)


def _say(text: str) -> None:
    print(text, flush=True)


def cmd_live(args: argparse.Namespace) -> int:
    from cemassess.cli import CliError
    from cemassess.live import LiveRoom, LiveServer, lan_addresses, qr_terminal

    out = Path(args.out) if args.out else None
    if out is not None and out.exists() and not out.is_dir():
        raise CliError(f"{out}: exists and is not a folder")
    if not 0 <= (args.port if args.port is not None else 0) <= 65535:
        raise CliError(f"--port {args.port}: not a port number")
    room = LiveRoom.open_event(args.event, getattr(args, "data_dir", None), seat_cap=args.seat_cap)
    try:
        host = args.host or (room.info.host if room.info.host in lan_addresses() else lan_addresses()[0])
        port = args.port if args.port is not None else (room.info.port or DEFAULT_PORT)
        server = LiveServer(room)
        try:
            url = server.start(host, port)
        except OSError as e:
            raise CliError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None
        stop = threading.Event()
        old = signal.signal(signal.SIGTERM, lambda *_: stop.set())
        c = room.counts()
        _say(f"live: {room.info.name} ({c.joined} seats so far); join at")
        _say(url)
        if not args.no_qr:
            qr_terminal(url, sys.stdout)
            sys.stdout.flush()
        _say("Ctrl+C stops the room; seats and answers stay in the event.")
        last = None
        try:
            while not stop.wait(0.5):
                changed = False
                while not room.events.empty():
                    room.events.get_nowait()
                    changed = True
                c = room.counts()
                if changed and c != last:
                    _say(f"joined {c.joined}, answering {c.answering}, finished {c.finished}")
                    last = c
        except KeyboardInterrupt:
            pass
        finally:
            signal.signal(signal.SIGTERM, old)
            server.stop()
        c = room.counts()
        _say(f"stopped: {c.joined} seats, {c.finished} finished")
        if out is not None:
            _write_reports(room, out, args.lang)
    finally:
        room.close()
    return 0


def _write_reports(room, out: Path, lang: str) -> None:
    from cemassess.workshop import write_room_reports

    r = room.room(finished_only=False)
    if not r.files:
        _say("no answers yet: no room reports written")
        return
    out.mkdir(parents=True, exist_ok=True)
    for path in write_room_reports(r, out, lang=lang, event=room.info.name, jobs=1):
        _say(str(path))
    if r.profile is not None and not r.profile.shown:
        _say(f"note: only {r.profile.n} participants; group figures need at least 5")
