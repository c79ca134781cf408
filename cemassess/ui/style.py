"""The app's one visual language: a palette (shared with the report and the charts) and the
stylesheet rules, applied once to the application (`apply`) and, for presentation mode, to
the screens on the projector. Screens name their widgets (objectName) instead of styling
them: `kpi` tiles, `heading`, `caption`, `hint`, `practiceCard`.

Colours follow the system's light or dark palette (`palette(...)` roles), so a dark desktop
gets a dark app; the brand colours (accent, bands, phases) are the report's, so the screen a
consultant projects and the PDF they hand out look alike. Sizes are in points and borders in
device-independent pixels: crisp at 150% and 200% scaling.
"""

from __future__ import annotations

from cemassess.report.theme import DEFAULT_ACCENT

ACCENT = DEFAULT_ACCENT  # the report's accent: headers, focus, "now" bars
INK = "#1d2330"  # the report's body text (report/styles.py)
MUTED = "#5f6673"  # the report's captions
WARN = "#a4461f"  # the report's warnings
GOOD = "#137333"
BAD = "#a50e0e"
# the heatmap's low end and its neutral middle (report/charts.py), for bands on screen
LOW = "#c8553d"
MID = "#f2d0a4"
PHASE = {1: "#c8553d", 2: "#e0a04a", 3: DEFAULT_ACCENT}  # phase 1 -> 3: warm to the accent


def is_dark() -> bool:
    """The system palette is dark (window text lighter than the window)."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return False
    pal = app.palette()
    return pal.color(QPalette.ColorRole.WindowText).lightness() > pal.color(QPalette.ColorRole.Window).lightness()


def muted() -> str:
    """Secondary text readable on the window (the report's muted grey, lighter when dark):
    palette(mid) is too faint for a help line on a projector."""
    return "#a8adb5" if is_dark() else MUTED


def band_colour(level: float | None) -> str:
    """A level's colour on screen, as the heatmap colours it (low warm, high the accent)."""
    if level is None:
        return MUTED
    if level < 2.5:
        return LOW
    if level < 3.5:
        return "#b7791f"
    return ACCENT if level < 4.5 else GOOD


NUMBER_CSS = (
    "QPushButton { text-align: left; color: palette(text); padding: 2px 4px;"
    " border: 2px solid transparent; border-radius: 4px; background: transparent; }"
    f"QPushButton:hover {{ color: {ACCENT}; }}"
    f"QPushButton:focus {{ border: 2px solid {ACCENT}; }}")

APP_CSS = f"""
QLabel#heading {{ font-weight: 600; }}
QLabel#caption, QLabel#hint {{ color: palette(placeholder-text); }}
QGroupBox#kpi {{
    border: 1px solid palette(mid); border-top: 4px solid {ACCENT}; border-radius: 8px;
    background: palette(base); margin-top: 1.6em; padding: 8px 10px 6px 10px;
}}
QGroupBox#kpi::title {{
    subcontrol-origin: margin; subcontrol-position: top left; left: 10px; padding: 0 4px;
    color: palette(window-text); font-weight: 600;
}}
QPushButton:focus, QToolButton:focus, QCheckBox:focus, QRadioButton:focus,
QComboBox:focus, QLineEdit:focus, QSpinBox:focus, QDoubleSpinBox:focus, QDateEdit:focus {{
    outline: 2px solid {ACCENT};
}}
QTabBar::tab:focus {{ text-decoration: underline; }}
QProgressBar {{ text-align: center; min-height: 1.4em; }}
"""

PRESENTATION_CSS = f"""
QWidget {{ font-size: 16pt; }}
QLabel#heading {{ font-size: 26pt; font-weight: 600; }}
QLabel#caption, QLabel#hint {{ color: palette(window-text); }}
QGroupBox#kpi {{ border-top: 6px solid {ACCENT}; padding: 12px 16px; }}
QGroupBox#kpi QPushButton#number {{ font-size: 40pt; }}
QHeaderView::section {{ font-size: 14pt; }}
"""

PRESENT_HINT_CSS = (f"QLabel {{ font-size: 13pt; color: palette(window-text); border: 2px solid {ACCENT};"
                    " border-radius: 6px; padding: 3px 10px; margin: 2px 6px; }")

PRESENTATION_TABS_CSS = "QTabBar { font-size: 16pt; }"


def practice_card_css() -> str:
    """A practice card: a thin frame; the current practice highlighted; the one holding the
    keyboard a thick accent frame on a tinted background (the eye finds where keys land)."""
    return (
        "QFrame#practiceCard { border: 1px solid palette(mid); border-radius: 6px;"
        " background: palette(base); }"
        "QFrame#practiceCard[current=\"true\"] { border: 2px solid palette(mid); }"
        f"QFrame#practiceCard[focused=\"true\"] {{ border: 3px solid {ACCENT};"
        " background: palette(alternate-base); }")


def kpi(*boxes: object) -> None:
    """Make group boxes KPI tiles (Results): a coloured top rule, the figure large."""
    for box in boxes:
        box.setObjectName("kpi")  # type: ignore[attr-defined]


def apply(pages: dict, skip: tuple = ()) -> None:
    """The app's stylesheet, once per screen page. Not on the application: a global
    stylesheet sends every widget through the style-sheet engine, and the walk-through's
    one-key answering (its cards style themselves) must stay under 50 ms a key."""
    for key, page in pages.items():
        if key not in skip:
            page.setStyleSheet(APP_CSS)
