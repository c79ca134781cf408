"""The screens, registered by key. The main window builds its tabs from this list.

Each entry names a view class (layout only) and a controller class (behaviour), imported
when the window needs them, so the start screen can be shown before the domain is loaded.
The tabs follow this order, and so do their Ctrl+digit shortcuts (Ctrl+1 is the first tab,
Ctrl+8 the last): what the eye sees in the tab bar is what the fingers press.
"""

from __future__ import annotations

import importlib
from enum import StrEnum
from typing import NamedTuple


class ScreenKey(StrEnum):
    START = "start"
    WALK = "walk"
    RESPONDENTS = "respondents"
    RESULTS = "results"
    ROADMAP = "roadmap"
    SETTINGS = "settings"
    MERGE = "merge"
    EVENT = "event"


class ScreenSpec(NamedTuple):  # a NamedTuple: dataclasses would cost start-up time
    key: ScreenKey
    title: str  # catalogue key of the tab title
    module: str  # cemassess.ui.screens.<module>: defines View and Controller
    shortcut: str
    needs_assessment: bool
    presentation: bool = False  # shown in presentation mode (F11)

    def load(self):
        mod = importlib.import_module(f"cemassess.ui.screens.{self.module}")
        return mod.View, mod.Controller


SCREENS: tuple[ScreenSpec, ...] = (
    ScreenSpec(ScreenKey.START, "screen.start", "start", "Ctrl+1", False),
    ScreenSpec(ScreenKey.WALK, "screen.walk", "walk", "Ctrl+2", True),
    ScreenSpec(ScreenKey.RESPONDENTS, "screen.respondents", "respondents", "Ctrl+3", True),
    ScreenSpec(ScreenKey.MERGE, "screen.merge", "merge", "Ctrl+4", True),
    ScreenSpec(ScreenKey.RESULTS, "screen.results", "results", "Ctrl+5", True, presentation=True),
    ScreenSpec(ScreenKey.ROADMAP, "screen.roadmap", "roadmap", "Ctrl+6", True, presentation=True),
    ScreenSpec(ScreenKey.EVENT, "screen.event", "event", "Ctrl+7", False, presentation=True),
    ScreenSpec(ScreenKey.SETTINGS, "screen.settings", "settings_screen", "Ctrl+8", False),
)
