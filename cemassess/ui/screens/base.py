"""What every screen shares: a view (layout only, with a Binder for its words) and a
controller (behaviour: reads the session, calls its methods, refreshes the view)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from cemassess.ui.widgets import Binder


class BaseView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.binder = Binder()
        self.presentation = False

    def translateUI(self, lang: str) -> None:  # noqa: N802 (Qt naming, Frescobaldi's hook)
        self.binder.apply(lang)

    def set_presentation(self, on: bool) -> None:
        self.presentation = on


@dataclass
class Context:
    """What a controller may reach besides the session: nothing global."""

    settings: Any
    navigate: Callable[..., None]  # navigate(ScreenKey, **where)
    window: QWidget
    extras: dict[str, Any] = field(default_factory=dict)


class BaseController(QObject):
    def __init__(self, view: BaseView, session: Any, ctx: Context) -> None:
        super().__init__(view)
        self.view = view
        self.session = session
        self.ctx = ctx
        self._stale = True

    @property
    def lang(self) -> str:
        return self.session.lang if self.session is not None else self.ctx.settings.language

    def translateUI(self, lang: str) -> None:  # noqa: N802
        self.view.translateUI(lang)
        self.mark_stale()

    def mark_stale(self) -> None:
        """Refresh now if the screen is visible, else when it is next shown."""
        self._stale = True
        if self.view.isVisible():
            self.refresh_if_stale()

    def refresh_if_stale(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh()

    def refresh(self) -> None:
        pass

    def shown(self) -> None:
        self.refresh_if_stale()

    def go_to(self, **where: Any) -> None:
        """Navigate inside this screen (e.g. to a practice)."""
