"""The app's one visual language: the colours (the report's, cemassess/report/palette.py, so
the screen a consultant projects and the PDF they hand out look alike) and every stylesheet
rule. Screens name their widgets (objectName) or call a helper here instead of styling them:
`heading`, `caption`, `hint`, `kpi` tiles (`kpiCaption`, `number`, `kpiNote`),
`practiceCard`.

Colours follow the system's light or dark palette: the stylesheets are built from the
application's palette when they are applied (`app_css()`), with the brand's accent lightened
on a dark palette so a focus frame stays visible, and secondary text chosen to keep 4.5:1
contrast on both. Sizes are in points and borders in device-independent pixels: crisp at
150% and 200% scaling.

Every control that takes the keyboard shows it: a 2-pixel frame in the accent (and a tinted
background) on buttons, combo boxes, line edits, spin boxes, check boxes, radio buttons,
tabs, tables, trees and lists and on their current item. Qt stylesheets have no `outline`,
so the frame is a border, and the unfocused state keeps a border of the same width's worth
(border + padding) so nothing moves when the focus arrives.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from cemassess.report import palette as P
from cemassess.report.theme import DEFAULT_ACCENT

ACCENT = DEFAULT_ACCENT  # the report's accent: headers, focus, "now" bars
INK = P.INK  # the report's body text
MUTED = P.MUTED  # the report's captions
WARN = P.WARN  # the report's warnings (incomplete answers)
GOOD = "#137333"
BAD = "#a50e0e"
FOCUS_WIDTH = 2  # px (device independent)
TEXT_CONTRAST = 4.5  # WCAG AA for text


class Ink(NamedTuple):  # a NamedTuple: dataclasses would cost start-up time (inspect)
    """The colours of the palette in use, as #rrggbb."""

    dark: bool
    text: str  # body text on the window and on the base (fields, tiles)
    window: str
    base: str
    button: str
    button_text: str
    muted: str  # captions and help lines: 4.5:1 on the window and on the base
    disabled: str
    rule: str  # frames of fields and buttons
    accent: str  # the brand accent as text/rules can use it on this palette
    focus: str  # the keyboard's frame
    focus_bg: str  # the focused control's background
    tile_bg: str  # KPI tiles: the PDF's tint of the accent; the base on a dark palette
    pressed: str


def _hex(c: Any) -> str:
    return c.name() if hasattr(c, "name") else str(c)


def _readable(colour: str, backgrounds: tuple[str, ...], towards: str, minimum: float = TEXT_CONTRAST + 0.1) -> str:
    """`colour` moved towards `towards` until it reads at `minimum` on every background."""
    for step in range(0, 101, 4):
        c = P.mix(colour, towards, step / 100)
        if all(P.contrast(c, b) >= minimum for b in backgrounds):
            return c
    return towards


_INKS: dict[tuple, Ink] = {}


def ink(pal: Any = None, accent: str = ACCENT) -> Ink:
    """The colours for `pal` (default: the application's palette)."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    if pal is None:
        app = QApplication.instance()
        pal = app.palette() if app is not None else QPalette()
    key = (pal.cacheKey(), accent)
    if key not in _INKS:
        if len(_INKS) > 16:
            _INKS.clear()
        _INKS[key] = _ink(pal, accent)
    return _INKS[key]


def _ink(pal: Any, accent: str) -> Ink:
    from PySide6.QtGui import QPalette

    R = QPalette.ColorRole  # noqa: N806
    text, window, base = _hex(pal.color(R.WindowText)), _hex(pal.color(R.Window)), _hex(pal.color(R.Base))
    button, button_text = _hex(pal.color(R.Button)), _hex(pal.color(R.ButtonText))
    dark = pal.color(R.WindowText).lightness() > pal.color(R.Window).lightness()
    if dark:
        acc = _readable(P.tint(accent, 0.45), (window, base), "#ffffff")
        muted = _readable(P.mix(text, window, 0.35), (window, base), text)
        focus_bg = P.mix(base, acc, 0.28)
        tile_bg = base
    else:
        acc = _readable(accent, (window, base), "#000000")
        muted = _readable(MUTED, (window, base), "#000000")
        focus_bg = P.tint(accent, 0.86)
        tile_bg = P.tint(accent, 0.94)
    return Ink(dark=dark, text=text, window=window, base=base,
               button=button, button_text=button_text, muted=muted,
               disabled=P.mix(text, window, 0.55), rule=P.mix(text, window, 0.68), accent=acc,
               focus=acc, focus_bg=focus_bg, tile_bg=tile_bg, pressed=P.mix(button, text, 0.15))


def is_dark() -> bool:
    """The system palette is dark (window text lighter than the window)."""
    return ink().dark


def muted() -> str:
    """Secondary text readable on the window and the base (the report's muted grey, lighter
    when dark): palette(mid) is too faint for a help line on a projector."""
    return ink().muted


# -- the meaning of colours: the report's ---------------------------------------------------
def band_colour(score: float | None, accent: str = ACCENT) -> str | None:
    """A 0-100 score's (and its band's) colour, as the role heatmap colours it."""
    return P.score_colour(score, accent)


def phase_colour(state: str, accent: str = ACCENT) -> str:
    """A phase's colour as the phase chart draws it: "attained", "current" or "ahead"."""
    return P.phase_colour(state, accent)


def horizon_colour(horizon: str, accent: str = ACCENT) -> str:
    """A roadmap horizon's colour as the timeline draws it: "now", "next" or "later"."""
    return P.horizon_colour(horizon, accent)


def ink_on(background: str) -> str:
    return P.ink_on(background)


# -- the stylesheets ------------------------------------------------------------------------
def arrow(direction: str, k: Ink) -> str:
    """The drop-down and spin arrows (resources/ui/, dark or light strokes), as a stylesheet
    url: forward slashes on every system."""
    from cemassess.resources import resource

    return resource("ui", f"arrow-{direction}{'-dark' if k.dark else ''}.svg").as_posix().replace('"', "")


def focus_css(k: Ink) -> str:
    """The keyboard's frame on every kind of control."""
    f, bg, w = k.focus, k.focus_bg, FOCUS_WIDTH
    return f"""
QPushButton {{
    border: 1px solid {k.rule}; border-radius: 4px; padding: 4px 12px;
    background: {k.button}; color: {k.button_text};
}}
QPushButton:hover {{ border-color: {f}; }}
QPushButton:pressed {{ background: {k.pressed}; }}
QPushButton:disabled {{ color: {k.disabled}; }}
QPushButton:flat {{ border: 1px solid transparent; background: transparent; }}
QPushButton:focus, QToolButton:focus {{ border: {w}px solid {f}; padding: 3px 11px; background: {bg}; }}
QLineEdit, QAbstractSpinBox, QComboBox {{
    border: 1px solid {k.rule}; border-radius: 3px; padding: 2px 4px; background: {k.base};
    color: {k.text};
}}
QComboBox:!editable {{ background: {k.button}; color: {k.button_text}; }}
QComboBox {{ padding-right: 20px; }}
QComboBox:focus {{ padding-right: 19px; }}
QComboBox::drop-down {{
    subcontrol-origin: padding; subcontrol-position: center right; width: 18px; border: none;
}}
QComboBox::down-arrow {{ image: url("{arrow("down", k)}"); width: 10px; height: 6px; }}
QAbstractSpinBox {{ padding-right: 18px; }}
QAbstractSpinBox:focus {{ padding-right: 17px; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{
    subcontrol-origin: padding; width: 16px; border: none; background: transparent;
}}
QAbstractSpinBox::up-button {{ subcontrol-position: top right; }}
QAbstractSpinBox::down-button {{ subcontrol-position: bottom right; }}
QAbstractSpinBox::up-arrow {{ image: url("{arrow("up", k)}"); width: 8px; height: 5px; }}
QAbstractSpinBox::down-arrow {{ image: url("{arrow("down", k)}"); width: 8px; height: 5px; }}
QLineEdit:disabled, QAbstractSpinBox:disabled, QComboBox:disabled {{ color: {k.disabled}; }}
QLineEdit:focus, QAbstractSpinBox:focus, QComboBox:focus {{
    border: {w}px solid {f}; padding: 1px 3px; background: {bg};
}}
QCheckBox, QRadioButton {{ border: {w}px solid transparent; border-radius: 4px; padding: 1px 4px; }}
QCheckBox:focus, QRadioButton:focus {{ border-color: {f}; background: {bg}; }}
QTableView, QTreeView, QListView {{
    border: 1px solid {k.rule}; padding: 1px; selection-background-color: {ACCENT}; selection-color: #ffffff;
}}
QTableView:focus, QTreeView:focus, QListView:focus {{ border: {w}px solid {f}; padding: 0px; }}
QTableView::item:focus, QTreeView::item:focus, QListView::item:focus {{ border: {w}px solid {f}; }}
QTableView::item:selected:focus, QTreeView::item:selected:focus, QListView::item:selected:focus {{
    border: {w}px solid {P.ink_on(ACCENT)}; background: {ACCENT}; color: {P.ink_on(ACCENT)};
}}
QPlainTextEdit:focus, QTextEdit:focus {{ border: {w}px solid {f}; }}
"""


def tabs_css(k: Ink | None = None, presentation: bool = False) -> str:
    """The tab bar: the current screen marked in the accent, the focused tab framed."""
    k = k or ink()
    size = "font-size: 16pt;" if presentation else ""
    return f"""
QTabBar {{ {size} }}
QTabBar::tab {{
    padding: 5px 14px; margin: 0px 1px; border: 1px solid {k.rule}; border-bottom: none;
    border-top-left-radius: 5px; border-top-right-radius: 5px; background: {P.mix(k.button, k.text, 0.06)};
    color: {k.button_text};
}}
QTabBar::tab:selected {{ background: {k.window}; border-top: 3px solid {k.accent}; padding-top: 3px; }}
QTabBar::tab:disabled {{ color: {k.disabled}; }}
QTabBar::tab:hover {{ border-color: {k.focus}; }}
QTabBar::tab:focus {{ border: {FOCUS_WIDTH}px solid {k.focus}; background: {k.focus_bg}; }}
"""


def app_css(k: Ink | None = None) -> str:
    """The screens' stylesheet for the palette in use."""
    k = k or ink()
    return f"""
QLabel#heading, QLabel#chartTitle, QLabel#lead {{ font-weight: 600; }}
QLabel#caption, QLabel#hint {{ color: {k.muted}; }}
QFrame#kpi {{
    border: 1px solid {k.rule}; border-top: 4px solid {k.accent}; border-radius: 8px;
    background: {k.tile_bg};
}}
QFrame#kpi QLabel {{ background: transparent; }}
QLabel#kpiCaption {{ color: {k.muted}; font-weight: 600; }}
QLabel#kpiNote {{ color: {k.text}; }}
QPushButton#number {{
    text-align: left; color: {k.text}; padding: 0px 4px; border: {FOCUS_WIDTH}px solid transparent;
    border-radius: 4px; background: transparent;
}}
QPushButton#number:hover {{ color: {k.accent}; }}
QPushButton#number:focus {{ border: {FOCUS_WIDTH}px solid {k.focus}; background: {k.focus_bg}; padding: 0px 4px; }}
QLabel#link {{ color: {k.accent}; padding: 1px 3px; border: {FOCUS_WIDTH}px solid transparent; border-radius: 3px; }}
QLabel#link:hover {{ text-decoration: underline; }}
QLabel#link:focus {{ border-color: {k.focus}; background: {k.focus_bg}; }}
QProgressBar {{ text-align: center; min-height: 1.4em; }}
{focus_css(k)}
"""


def presentation_css(k: Ink | None = None) -> str:
    """Added to the screens on the projector: bigger type, captions in the text colour."""
    k = k or ink()
    return f"""
QWidget {{ font-size: 16pt; }}
QLabel#heading {{ font-size: 26pt; font-weight: 600; }}
QLabel#chartTitle {{ font-size: 20pt; font-weight: 600; }}
QLabel#lead {{ font-size: 22pt; font-weight: 600; }}
QLabel#caption, QLabel#hint {{ color: {k.text}; }}
QFrame#kpi {{ border-top: 6px solid {k.accent}; }}
QLabel#kpiCaption {{ font-size: 15pt; color: {k.text}; }}
QFrame#kpi QPushButton#number {{ font-size: 40pt; }}
QFrame#kpi[compact="true"] QPushButton#number {{ font-size: 28pt; }}
QFrame#kpi[compact="true"] QLabel#kpiCaption {{ font-size: 13pt; }}
QFrame#kpi[compact="true"] QLabel#kpiNote {{ font-size: 12pt; }}
QLabel#kpiNote {{ font-size: 14pt; }}
QHeaderView::section {{ font-size: 14pt; }}
"""


def present_hint_css(k: Ink | None = None) -> str:
    k = k or ink()
    return (f"QLabel {{ font-size: 13pt; color: {k.text}; border: 2px solid {k.accent};"
            " border-radius: 6px; padding: 3px 10px; margin: 2px 6px; }")


def practice_card_css(k: Ink | None = None) -> str:
    """A practice card: a thin frame; the current practice highlighted; the one holding the
    keyboard a thick accent frame on a tinted background (the eye finds where keys land).
    Its own controls show the focus like every other control."""
    k = k or ink()
    return (
        f"QFrame#practiceCard {{ border: 1px solid {k.rule}; border-radius: 6px; background: {k.base}; }}"
        f"QFrame#practiceCard[current=\"true\"] {{ border: 2px solid {k.rule}; }}"
        f"QFrame#practiceCard[focused=\"true\"] {{ border: 3px solid {k.focus}; background: {k.focus_bg}; }}"
        f"QFrame#practiceCard QLabel {{ background: transparent; }}"
        f"QFrame#practiceCard QLabel#hint {{ color: {k.muted}; }}"
        f"QRadioButton, QCheckBox {{ border: {FOCUS_WIDTH}px solid transparent; border-radius: 4px;"
        " padding: 0px 3px; }"
        f"QRadioButton:focus, QCheckBox:focus {{ border-color: {k.focus}; background: {k.base}; }}"
        f"QLineEdit {{ border: 1px solid {k.rule}; border-radius: 3px; padding: 2px 4px; background: {k.base};"
        f" color: {k.text}; }}"
        f"QLineEdit:focus {{ border: {FOCUS_WIDTH}px solid {k.focus}; padding: 1px 3px; }}"
        f"QPushButton {{ border: {FOCUS_WIDTH}px solid transparent; border-radius: 4px; padding: 2px 8px;"
        f" background: transparent; color: {k.text}; }}"
        f"QPushButton:focus {{ border-color: {k.focus}; background: {k.base}; }}")


def hint(label: Any) -> Any:
    """A help line or caption in the muted colour that reads on this palette (anywhere: the
    walk-through and dialogs carry no screen stylesheet)."""
    label.setObjectName("hint")
    label.setStyleSheet(f"QLabel#hint {{ color: {ink().muted}; }}")
    return label


def status_colour(kind: str) -> str:
    """A check's status ("good", "bad", "warn") in a colour that reads on this palette."""
    k = ink()
    base = {"good": GOOD, "bad": BAD, "warn": WARN}.get(kind, k.text)
    return _readable(base, (k.window, k.base), "#ffffff" if k.dark else "#000000")


def contrast_box(box: Any, side: str) -> None:
    """The walk-through's "traditional" and "CEM" boxes: warm and cool tints of the window."""
    k = ink()
    tone = P.SCORE_LOW if side == "traditional" else k.accent
    bg = P.mix(k.window, tone, 0.16 if k.dark else 0.08)
    box.setStyleSheet(f"QGroupBox {{ background: {bg}; }} QLabel {{ color: {k.text}; }}")


def kpi_tile(tile: Any, compact: bool = False) -> None:
    tile.setObjectName("kpi")
    tile.setProperty("compact", compact)  # a smaller figure (presentation_css)


def horizon_tile(tile: Any, horizon: str, accent: str = ACCENT) -> None:
    """A KPI tile about one roadmap horizon: its top rule in the timeline's colour for it
    (the tree's colour chips, the report's timeline), the tile's other rules the screen's."""
    tile.setProperty("horizon", horizon)
    tile.setStyleSheet(f"QFrame#kpi {{ border-top-color: {horizon_colour(horizon, accent)}; }}")


def dialog(d: Any) -> None:
    """A dialog or message box: the screens' look and focus frames (one opened from the main
    window, or any window, inherits no screen's stylesheet)."""
    d.setStyleSheet(app_css())


def apply_walk(widgets: list) -> None:
    """The walk-through's own controls (not its practice cards, which style themselves:
    a stylesheet over the whole page would send every card's children through the style
    sheet engine twice, and one-key answering must stay under 50 ms a key)."""
    css = app_css()
    for w in widgets:
        w.setStyleSheet(css)


def apply(page: Any) -> None:
    """The app's stylesheet on one screen page, when its view is built (boot, after the
    window is first shown). Not on the application: a global stylesheet sends every widget
    through the style-sheet engine, and the walk-through's one-key answering (its cards
    style themselves) must stay under 50 ms a key."""
    page.setStyleSheet(app_css())


def status_brush(kind: str) -> Any:
    """A table cell's status colour (up/down, accepted/refused) as a brush."""
    from PySide6.QtGui import QBrush, QColor

    return QBrush(QColor(status_colour(kind)))


def muted_brush() -> Any:
    """Rows set aside (archived, left out of the roadmap): muted, still readable."""
    from PySide6.QtGui import QBrush, QColor

    return QBrush(QColor(muted()))


BANNERS = {"info": ("#e8f0fe", "#174ea6"), "warn": ("#fef7e0", "#8a5300"), "error": ("#fce8e6", "#a50e0e")}


def banner_css(kind: str) -> str:
    """A one-line notice: its own light background and dark text on any palette."""
    bg, fg = BANNERS[kind]
    return f"Banner {{ background: {bg}; border-radius: 4px; }} QLabel {{ color: {fg}; background: transparent; }}"


def placeholder_css() -> str:
    """A chart's slot while it is drawn, or when it has nothing to show."""
    k = ink()
    return f"color: {k.muted}; border: 1px dashed {k.rule}; padding: 12px;"


def colour_cell(item: Any, background: str | None) -> None:
    """A table cell on a colour of the report's scale, its text in the ink that reads on it."""
    from PySide6.QtGui import QBrush, QColor

    if background is None:
        return
    item.setBackground(QBrush(QColor(background)))
    item.setForeground(QBrush(QColor(ink_on(background))))


def coloured(label: Any, colour: str) -> Any:
    """A label in one of this module's colours (a check's status: status_colour())."""
    label.setStyleSheet(f"QLabel {{ color: {colour}; }}")
    return label


def swatch_css(colour: str) -> str:
    """The accent's sample in Settings: the colour itself, framed."""
    return f"background: {colour}; border: 1px solid {ink().rule};"


def colour_chip(item: Any, colour: str) -> None:
    """A small square of a chart's colour before a tree row's first text (a legend's key)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor

    item.setData(0, Qt.ItemDataRole.DecorationRole, QColor(colour))
