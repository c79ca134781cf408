"""Typed settings in one place, kept with QSettings in an INI file.

The folder is $CEMASSESS_CONFIG_DIR (tests set it) or the platform's per-user config
folder. Every option is declared once below with its type and default; upgrades between
settings versions are registered by version, as Picard does.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QSettings

CONFIG_ENV = "CEMASSESS_CONFIG_DIR"
SETTINGS_VERSION = 1


class Option(NamedTuple):
    key: str
    type: type
    default: Any


OPTIONS: dict[str, Option] = {o.key: o for o in (
    Option("ui/language", str, ""),  # "" = follow the system locale (uk, ru, else en)
    Option("branding/consultant", str, ""),
    Option("branding/logo", str, ""),
    Option("branding/accent", str, "#1f5f8b"),
    Option("data/folder", str, ""),  # "" = the store's default folder
    Option("results/segment", str, ""),  # chosen benchmark segment id
    Option("results/pack", str, ""),  # chosen benchmark pack id ("" = the shipped one)
    Option("workshop/folder", str, ""),  # where answer files were last picked up
    Option("start/sort", str, "modified"),
    Option("roadmap/now_max", int, 8),  # at most this many actions in Now (domain NOW_MAX)
    Option("start/last", str, ""),  # the assessment last opened: offered on the next start
    # assessments whose reports are exported anonymously (ids, space-separated; default off)
    Option("report/anonymous", str, ""),
    Option("window/geometry", bytes, b""),
    Option("meta/version", int, SETTINGS_VERSION),
)}

# version -> upgrade of a QSettings from that version to the next
UPGRADES: dict[int, Callable[[QSettings], None]] = {}


def config_dir() -> Path:
    env = os.environ.get(CONFIG_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("cemassess", appauthor=False))


class Settings:
    """Read and write the declared options; unknown keys are a programming error."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "cemassess.ini"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._q = QSettings(str(self.path), QSettings.Format.IniFormat)
        self._upgrade()

    def _upgrade(self) -> None:
        version = self.get("meta/version") if self._q.contains("meta/version") else SETTINGS_VERSION
        while version < SETTINGS_VERSION:
            step = UPGRADES.get(version)
            if step is not None:
                step(self._q)
            version += 1
        self.set("meta/version", SETTINGS_VERSION)

    def get(self, key: str) -> Any:
        opt = OPTIONS[key]
        if opt.type is bytes:  # no Python default here: PySide would pickle it
            raw = self._q.value(key)
            return bytes(raw) if raw is not None else b""
        raw = self._q.value(key, opt.default)
        try:
            if opt.type is int:
                return int(raw)
            return opt.type(raw) if raw is not None else opt.default
        except (TypeError, ValueError):
            return opt.default

    def set(self, key: str, value: Any) -> None:
        opt = OPTIONS[key]
        if not isinstance(value, opt.type):
            raise TypeError(f"setting {key} is {opt.type.__name__}, not {type(value).__name__}")
        self._q.setValue(key, value)

    def sync(self) -> None:
        self._q.sync()

    # -- typed shortcuts used across screens -------------------------------------------------
    @property
    def language(self) -> str:
        from cemassess.i18n import shipped_languages

        lang = self.get("ui/language")
        if lang in shipped_languages():
            return lang
        return system_language()

    @language.setter
    def language(self, lang: str) -> None:
        self.set("ui/language", lang)


def system_language(names: list[str] | None = None) -> str:
    """The first of the system's UI languages the app has catalogues for (uk -> Ukrainian,
    ru -> Russian); Belarusian reads Russian; anything else English."""
    from cemassess.i18n import shipped_languages

    if names is None:
        from PySide6.QtCore import QLocale

        names = list(QLocale.system().uiLanguages()) or [QLocale.system().name()]
    shipped = shipped_languages()
    for name in names:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in shipped:
            return code
        if code == "be" and "ru" in shipped:
            return "ru"
    return "en"
