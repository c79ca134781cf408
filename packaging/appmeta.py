"""The app's identity for every package format, read from pyproject.toml, and the templates.

One source of truth: the name and version come from pyproject.toml; the app id, the file
type and the executable names are defined here once. The desktop entry, the AppStream
metainfo, the shared-mime-info XML, the tarball's install.sh, the Inno Setup script and the
macOS Info.plist are templates with @KEY@ placeholders that `render_all()` fills in
(build.py and the tests call it; the PyInstaller spec imports this module).

Standard library only: the spec, build.py and the tests all import it.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import tomllib
from dataclasses import asdict, dataclass
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent

APP_ID = "io.github.cemassess"  # reverse-DNS: AppStream id, macOS bundle id, desktop-file name
DISPLAY_NAME = "cemassess"  # what menus and the About box show (the same as the app's name)
GUI_EXE = "cemassess-app"  # the bundle's executable (as in pyproject's gui-scripts)
CLI_EXE = "cemassess"  # the command line (as in pyproject's scripts)
FILE_SUFFIX = ".cemassess.json"  # cemassess.exchange.assessment_file.SUFFIX
MIME_TYPE = "application/x-cemassess+json"
UTI = f"{APP_ID}.assessment"  # macOS uniform type identifier of the assessment file
WIN_PROGID = "cemassess.assessment"  # Windows ProgID of the assessment file
# Inno Setup's AppId: a fixed GUID, so upgrades replace the same installation. Never change it.
WIN_APP_GUID = "7C1E3C52-5B0E-4F3A-9D62-2B7A5D0C4E91"

# template in packaging/ -> the file name it is rendered (and installed) as
TEMPLATES = {
    "linux/cemassess.desktop": f"linux/{APP_ID}.desktop",
    "linux/io.github.cemassess.metainfo.xml": f"linux/{APP_ID}.metainfo.xml",
    "linux/cemassess-mime.xml": f"linux/{APP_ID}.xml",
    "linux/install.sh": "linux/install.sh",
    "windows/cemassess.iss": "windows/cemassess.iss",
    "macos/Info.plist": "macos/Info.plist",
}

_TOKEN = re.compile(r"@([A-Z][A-Z0-9_]*)@")


@dataclass(frozen=True)
class AppMeta:
    name: str
    version: str
    summary: str
    app_id: str = APP_ID
    display_name: str = DISPLAY_NAME
    gui_exe: str = GUI_EXE
    cli_exe: str = CLI_EXE
    file_suffix: str = FILE_SUFFIX
    mime_type: str = MIME_TYPE
    uti: str = UTI
    win_progid: str = WIN_PROGID
    win_app_guid: str = WIN_APP_GUID
    release_date: str = ""

    @property
    def version_quad(self) -> str:
        """Windows wants four numbers: 0.1.0 -> 0.1.0.0 (a pre-release suffix is dropped)."""
        nums = [int(n) for n in re.findall(r"\d+", self.version.split("+")[0])[:4]]
        return ".".join(str(n) for n in (nums + [0, 0, 0, 0])[:4])

    def tokens(self) -> dict[str, str]:
        d = {k.upper(): str(v) for k, v in asdict(self).items()}
        d["VERSION_QUAD"] = self.version_quad
        d["FILE_EXT"] = self.file_suffix.lstrip(".")  # cemassess.json
        return d


def release_date() -> str:
    """The date stamped into the metainfo release: SOURCE_DATE_EPOCH when set (reproducible
    builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = (_dt.datetime.fromtimestamp(int(epoch), _dt.UTC) if epoch
            else _dt.datetime.now(_dt.UTC))
    return when.date().isoformat()


def load(pyproject: Path = ROOT / "pyproject.toml") -> AppMeta:
    with open(pyproject, "rb") as f:
        project = tomllib.load(f)["project"]
    return AppMeta(name=project["name"], version=project["version"],
                   summary=project["description"], release_date=release_date())


def runtime_requirements(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    """The project's runtime dependencies (no test extras): what the bundle may contain."""
    with open(pyproject, "rb") as f:
        return list(tomllib.load(f)["project"]["dependencies"])


def requirement_name(req: str) -> str:
    """'PySide6-Essentials>=6.7,!=6.12.0' -> 'pyside6-essentials' (pip's normalised name)."""
    name = re.split(r"[<>=!~;\[ ]", req.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


# Babel's CLDR data in the bundle: the app's languages and what Babel loads for them (a
# locale's data is merged over its parent's: en_US -> en -> root); global.dat (plural
# rules, territories, currencies) is separate and kept. The other ~1,140 locales are 31 MB.
BABEL_LOCALES = ("root", "en", "en_US", "ru", "ru_RU", "uk", "uk_UA")


def babel_data_wanted(dest: str) -> bool:
    """False for a Babel locale file the bundle leaves out (see BABEL_LOCALES)."""
    d = dest.replace("\\", "/")
    if "babel/locale-data/" not in d or not d.endswith(".dat"):
        return True
    return d.rsplit("/", 1)[1][: -len(".dat")] in BABEL_LOCALES


def render(text: str, meta: AppMeta) -> str:
    """Fill @KEY@ placeholders; an unknown key is an error, not a silent leftover."""
    tokens = meta.tokens()

    def sub(m: re.Match[str]) -> str:
        key = m.group(1)
        if key not in tokens:
            raise KeyError(f"unknown template placeholder @{key}@")
        return tokens[key]

    return _TOKEN.sub(sub, text)


def render_all(out_dir: Path, meta: AppMeta | None = None) -> dict[str, Path]:
    """Render every template into out_dir; returns {template: rendered file}."""
    meta = meta or load()
    done = {}
    for src, dst in TEMPLATES.items():
        target = out_dir / dst
        target.parent.mkdir(parents=True, exist_ok=True)
        source = PACKAGING / src
        target.write_text(render(source.read_text(encoding="utf-8"), meta), encoding="utf-8")
        target.chmod(0o755 if src.endswith(".sh") else 0o644)
        done[src] = target
    return done
