"""Entry point of the bundled app (PyInstaller freezes this file).

    cemassess-app [app options]      the desktop app (cemassess.ui.app.main)
    cemassess-app cli [cli args]     the command line (cemassess.cli.main), same bundle

One executable serves both faces, so the bundle carries one copy of the Python code. On
Windows the app's executable is a GUI program with no console, so the spec adds a second,
console executable named `cemassess` (the CLI's own name): when the running executable is
called that, the CLI runs without the `cli` word.
"""

from __future__ import annotations

import os
import sys

CLI_NAMES = {"cemassess", "cemassess-cli"}


def _exe_name() -> str:
    base = os.path.basename(sys.executable if getattr(sys, "frozen", False) else sys.argv[0])
    return os.path.splitext(base)[0].lower()


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["cli"]:
        from cemassess.cli import main as cli_main

        return cli_main(args[1:])
    if _exe_name() in CLI_NAMES:
        from cemassess.cli import main as cli_main

        return cli_main(args)
    from cemassess.ui.app import main as app_main

    return app_main(args)


if __name__ == "__main__":
    raise SystemExit(main())
