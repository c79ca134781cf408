"""Build the desktop bundle: a clean virtual environment, then PyInstaller (one folder).

    python3 packaging/build.py               dist/cemassess-app/ (and its size)
    python3 packaging/build.py --tarball     ... and dist/cemassess-<version>-linux-<arch>.tar.gz
    python3 packaging/build.py --selftest    ... and run the bundled app's --selftest
    python3 packaging/build.py --render-only only fill in the templates (build/packaging/)

The name and version come from pyproject.toml (packaging/appmeta.py). The environment
build/bundle-venv holds the project itself (installed from this checkout, not editable)
with its runtime dependencies and PyInstaller, nothing else: no test tools, no dev extras.
--reuse-venv keeps that environment between runs when pyproject.toml has not changed and
only reinstalls the project. On Linux the build fails when the bundle exceeds --max-mb.
Standard library only; run it with any Python 3.11+ (the bundle gets that Python).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import appmeta  # noqa: E402

ROOT = appmeta.ROOT
BUILD = ROOT / "build"
DIST = ROOT / "dist"
VENV = BUILD / "bundle-venv"
RENDERED = BUILD / "packaging"
SPEC = appmeta.PACKAGING / "cemassess.spec"
PYINSTALLER = "pyinstaller>=6.10,<7"
MAX_MB = 200  # the budget for the Linux bundle
# must never be in the bundle's environment (test tools, other Qt bindings, Qt add-ons)
FORBIDDEN = {"pytest", "pytest-qt", "hypothesis", "ruff", "pypdf", "jsonschema", "pyqt5",
             "pyqt6", "pyside2", "pyside6-addons", "pyside6"}
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Qt releases the bundle must never ship (pyproject.toml excludes them too; PITFALLS.md)
BROKEN_QT = {
    "6.12.0": "on Python 3.11 every void Qt call lowers None's reference count and the app "
              "dies (none_dealloc) after ~130 answers",
}
QT_PACKAGES = ("pyside6-essentials", "shiboken6")


class BuildError(Exception):
    pass


def log(msg: str) -> None:
    print(f"[build] {msg}", flush=True)


def run(cmd: list[str], **kw) -> None:
    log("$ " + " ".join(str(c) for c in cmd))
    subprocess.run(cmd, check=True, **kw)


def venv_python(venv: Path = VENV) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def bundle_dir(meta: appmeta.AppMeta | None = None) -> Path:
    return DIST / (meta or appmeta.load()).gui_exe


def executable(meta: appmeta.AppMeta | None = None) -> Path:
    meta = meta or appmeta.load()
    exe = bundle_dir(meta) / meta.gui_exe
    return exe.with_suffix(".exe") if os.name == "nt" else exe


def platform_tag() -> str:
    system = {"linux": "linux", "darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform)
    return f"{system}-{platform.machine().lower()}"


def tarball_path(meta: appmeta.AppMeta | None = None) -> Path:
    meta = meta or appmeta.load()
    return DIST / f"{meta.name}-{meta.version}-{platform_tag()}.tar.gz"


# -- 1. the clean environment ---------------------------------------------------------------
def _stamp() -> str:
    h = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    h.update(f"{PYINSTALLER} {sys.version}".encode())
    return h.hexdigest()[:16]


def make_venv(python: str, reuse: bool) -> Path:
    py = venv_python()
    stamp = VENV / ".cemassess-build-stamp"
    if reuse and py.exists() and stamp.exists() and stamp.read_text() == _stamp():
        log(f"reusing {VENV.relative_to(ROOT)} (pyproject.toml unchanged); reinstalling the project")
        run([str(py), "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall",
             str(ROOT)])
    else:
        run([python, "-m", "venv", "--clear", str(VENV)])
        # the project as a user gets it (a wheel built from this checkout) + its dependencies
        run([str(py), "-m", "pip", "install", "--quiet", str(ROOT), PYINSTALLER])
        stamp.write_text(_stamp())
    check_clean(py)
    return py


def installed(py: Path) -> dict[str, str]:
    out = subprocess.run([str(py), "-m", "pip", "list", "--format", "json"], check=True,
                         capture_output=True, text=True).stdout
    return {d["name"].lower().replace("_", "-"): d["version"] for d in json.loads(out)}


def check_clean(py: Path) -> None:
    pkgs = installed(py)
    bad = sorted(FORBIDDEN & pkgs.keys())
    if bad:
        raise BuildError(f"the bundle environment must not contain {', '.join(bad)}")
    for name in QT_PACKAGES:
        why = BROKEN_QT.get(pkgs.get(name, ""))
        if why:
            raise BuildError(f"refusing to build with {name} {pkgs[name]}: {why}")
    missing = sorted({appmeta.requirement_name(r) for r in appmeta.runtime_requirements()}
                     - pkgs.keys())
    if missing:
        raise BuildError(f"the bundle environment lacks runtime dependencies: {', '.join(missing)}")
    log(f"environment: {len(pkgs)} packages: "
        + ", ".join(f"{k} {v}" for k, v in sorted(pkgs.items())))


# -- 2. PyInstaller -------------------------------------------------------------------------
def run_pyinstaller(py: Path, meta: appmeta.AppMeta) -> Path:
    target = bundle_dir(meta)
    env = dict(os.environ, CEMASSESS_RENDERED=str(RENDERED))
    env.pop("PYTHONPATH", None)
    # Run outside the checkout: `python -m` puts the working folder first on sys.path, and
    # from the checkout PyInstaller would bundle its cemassess/ instead of the installed one.
    work = BUILD / "pyinstaller"
    work.mkdir(parents=True, exist_ok=True)
    run([str(py), "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(DIST), "--workpath", str(work), str(SPEC)], env=env, cwd=work)
    if not executable(meta).exists():
        raise BuildError(f"PyInstaller did not produce {executable(meta)}")
    return target


def has_debug_info(path: Path) -> bool:
    out = subprocess.run(["readelf", "-S", "--wide", str(path)], capture_output=True, text=True)
    return out.returncode == 0 and " .debug_info " in out.stdout


def strip_debug(bundle: Path) -> None:
    """Drop the debug sections that some libraries ship with (a pyenv-built libpython and
    extension modules carry ~30 MB). Only `--strip-debug`, only where there is debug info:
    a full strip breaks numpy's OpenBLAS, so PyInstaller's strip option stays off."""
    if not sys.platform.startswith("linux"):
        return
    if not (shutil.which("strip") and shutil.which("readelf")):
        log("binutils (strip, readelf) not found: debug sections stay in the bundle")
        return
    saved, files = 0, 0
    for p in sorted(bundle.rglob("*")):
        if p.is_symlink() or not p.is_file() or ".so" not in p.name and p.parent != bundle:
            continue
        with open(p, "rb") as f:
            if f.read(4) != b"\x7fELF":
                continue
        if has_debug_info(p):
            before = p.stat().st_size
            subprocess.run(["strip", "--strip-debug", str(p)], check=True)
            saved, files = saved + before - p.stat().st_size, files + 1
    log(f"removed debug sections from {files} files: {mb(saved)}")


def tree_size(path: Path) -> int:
    """Bytes on disk as shipped: every file once, symlinks as links."""
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for f in files:
            total += os.lstat(os.path.join(dirpath, f)).st_size
    return total


def breakdown(bundle: Path, top: int = 12) -> list[tuple[str, int]]:
    """The biggest parts of the bundle (the executable and what is in _internal/)."""
    parts: list[tuple[str, int]] = []
    for base in (bundle, bundle / "_internal"):
        for p in base.iterdir() if base.is_dir() else []:
            if p.name == "_internal":
                continue
            size = tree_size(p) if p.is_dir() and not p.is_symlink() else os.lstat(p).st_size
            parts.append((str(p.relative_to(bundle)), size))
    return sorted(parts, key=lambda x: -x[1])[:top]


def mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def report_size(bundle: Path, max_mb: float) -> int:
    size = tree_size(bundle)
    log(f"bundle {bundle.relative_to(ROOT)}: {mb(size)} (budget {max_mb:g} MB on Linux)")
    for name, n in breakdown(bundle):
        log(f"  {mb(n):>9}  {name}")
    if sys.platform.startswith("linux") and size > max_mb * 1e6:
        raise BuildError(f"the bundle is {mb(size)}, over the {max_mb:g} MB budget")
    return size


# -- 3. the Linux tarball -------------------------------------------------------------------
def make_tarball(meta: appmeta.AppMeta, bundle: Path) -> Path:
    if not sys.platform.startswith("linux"):
        raise BuildError("--tarball is the Linux package; see packaging/README.md for the others")
    top = tarball_path(meta).name.removesuffix(".tar.gz")
    stage = BUILD / "tarball" / top
    shutil.rmtree(stage.parent, ignore_errors=True)
    shutil.copytree(bundle, stage / "app", symlinks=True)
    share = stage / "share"
    linux = RENDERED / "linux"
    for src, dst in [(f"{meta.app_id}.desktop", "applications"),
                     (f"{meta.app_id}.metainfo.xml", "metainfo"),
                     (f"{meta.app_id}.xml", "mime/packages")]:
        (share / dst).mkdir(parents=True, exist_ok=True)
        shutil.copy2(linux / src, share / dst / src)
    icons = ROOT / "resources" / "icons"
    for n in ICON_SIZES:
        d = share / "icons" / "hicolor" / f"{n}x{n}" / "apps"
        d.mkdir(parents=True, exist_ok=True)
        shutil.copy2(icons / f"cemassess-{n}.png", d / f"{meta.app_id}.png")
    d = share / "icons" / "hicolor" / "scalable" / "apps"
    d.mkdir(parents=True, exist_ok=True)
    shutil.copy2(icons / "cemassess.svg", d / f"{meta.app_id}.svg")
    shutil.copy2(linux / "install.sh", stage / "install.sh")
    (stage / "README.txt").write_text(
        f"{meta.display_name} {meta.version} for Linux ({platform.machine()}), no Python needed.\n\n"
        "  ./install.sh              install for you (into ~/.local): menu entry, icon,\n"
        f"                            file type *{meta.file_suffix}, commands\n"
        f"                            {meta.gui_exe} and {meta.cli_exe}\n"
        "  ./install.sh --uninstall  remove it again (your assessments are kept)\n"
        f"  ./app/{meta.gui_exe}      or run it from here without installing\n"
        f"  ./app/{meta.gui_exe} --selftest   check that it works on this machine\n",
        encoding="utf-8")

    def normalise(ti: tarfile.TarInfo) -> tarfile.TarInfo:
        ti.uid = ti.gid = 0
        ti.uname = ti.gname = ""
        return ti

    out = tarball_path(meta)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(stage, arcname=top, filter=normalise)
    log(f"tarball {out.relative_to(ROOT)}: {mb(out.stat().st_size)}")
    return out


# -- 4. the self-test -----------------------------------------------------------------------
def selftest(meta: appmeta.AppMeta) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run([str(executable(meta)), "cli", "--version"], env=env)
    t0 = time.perf_counter()
    run([str(executable(meta)), "--selftest"], env=env, timeout=300)
    log(f"selftest passed in {time.perf_counter() - t0:.1f} s")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tarball", action="store_true", help="also make the Linux tarball")
    ap.add_argument("--selftest", action="store_true", help="run the bundle's --selftest")
    ap.add_argument("--render-only", action="store_true", help="only render the templates")
    ap.add_argument("--reuse-venv", action="store_true",
                    help="keep build/bundle-venv when pyproject.toml did not change")
    ap.add_argument("--python", default=sys.executable,
                    help="the Python the environment (and the bundle) is made from")
    ap.add_argument("--max-mb", type=float, default=MAX_MB, help="size budget (Linux)")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    meta = appmeta.load()
    log(f"{meta.name} {meta.version} ({meta.app_id}) for {platform_tag()}")
    for src, out in appmeta.render_all(RENDERED, meta).items():
        log(f"rendered packaging/{src} -> {out.relative_to(ROOT)}")
    if args.render_only:
        return 0
    try:
        # the gettext catalogues compiled (.mo) into resources/ before the wheel is built, so
        # the bundle does not compile its .po at every start (it would, and work, without)
        run([sys.executable, str(ROOT / "scripts" / "translations.py"), "compile"])
        py = make_venv(args.python, args.reuse_venv)
        bundle = run_pyinstaller(py, meta)
        strip_debug(bundle)
        report_size(bundle, args.max_mb)
        if args.selftest:
            selftest(meta)
        if args.tarball:
            make_tarball(meta, bundle)
    except (BuildError, subprocess.CalledProcessError, subprocess.TimeoutExpired) as e:
        print(f"[build] FAILED: {e}", file=sys.stderr)
        return 1
    log(f"done in {time.perf_counter() - t0:.0f} s: {executable(meta).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
