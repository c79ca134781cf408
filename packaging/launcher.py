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


def keep_matplotlib_cache() -> None:
    """PyInstaller's matplotlib run-time hook points MPLCONFIGDIR at a new temporary folder
    on every start (right for one-file bundles, whose paths change each run), so matplotlib
    would scan every font on the system again the first time a chart is drawn: ~0.3 s with
    ~120 fonts here, more on a desktop with many fonts. A one-folder bundle keeps its paths:
    keep the font cache in the user's cache folder, one per version."""
    if not getattr(sys, "frozen", False):
        return
    try:
        from platformdirs import user_cache_dir

        from cemassess import __version__

        folder = os.path.join(user_cache_dir("cemassess", appauthor=False),
                              f"matplotlib-{__version__}")
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return  # then the temporary folder: slower, still right
    os.environ["MPLCONFIGDIR"] = folder


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    keep_matplotlib_cache()
    if args[:1] == ["cli"]:
        from cemassess.cli import main as cli_main

        return cli_main(args[1:])
    if _exe_name() in CLI_NAMES:
        from cemassess.cli import main as cli_main

        return cli_main(args)
    from cemassess.ui.app import main as app_main

    return app_main(args)


if __name__ == "__main__":
    # Event PDFs are built in worker processes: in a frozen app each worker starts this same
    # executable, which must run the worker, not a second copy of the app.
    import multiprocessing

    multiprocessing.freeze_support()
    raise SystemExit(main())
