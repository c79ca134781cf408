"""The menu actions, declared once and keyed by an enum (after Picard's action registry).

The main window turns each spec into a QAction in its menu; the controllers provide the
handlers by key. `needs_assessment` actions are enabled only while an assessment is open,
`writes` ones only when the portfolio is writable.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class ActionKey(StrEnum):
    NEW = "new"
    DEMO = "demo"
    IMPORT = "import"
    CLOSE = "close"
    QUIT = "quit"
    UNDO = "undo"
    REDO = "redo"
    EXPORT_PDF = "export_pdf"
    EXPORT_DOCX = "export_docx"
    EXPORT_PPTX = "export_pptx"
    EXPORT_CSV = "export_csv"
    EXPORT_XLSX = "export_xlsx"
    EXPORT_FILE = "export_file"
    PRESENTATION = "presentation"
    METHOD = "method"
    ABOUT = "about"
    DETAILS = "details"
    QUESTIONNAIRE = "questionnaire"
    IMPORT_ANSWERS = "import_answers"
    IMPORT_ANSWER_FOLDER = "import_answer_folder"
    MERGE = "merge"
    ANSWER = "answer"
    EVENT = "event"
    IMPORT_PACK = "import_pack"
    BUILD_PACK = "build_pack"
    COLLECT_LIVE = "collect_live"
    ANONYMOUS = "anonymous"


class ActionSpec(NamedTuple):  # a NamedTuple: dataclasses would cost start-up time
    key: ActionKey
    menu: str  # catalogue key "menu.<name>"
    text: str  # catalogue key
    shortcut: str = ""
    needs_assessment: bool = False
    writes: bool = False
    separator_before: bool = False
    checkable: bool = False  # an on/off option (its handler reads the action's state)


MENUS = ("file", "edit", "workshop", "export", "view", "help")

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(ActionKey.NEW, "file", "action.new", "Ctrl+N", writes=True),
    ActionSpec(ActionKey.DEMO, "file", "action.demo", writes=True),
    ActionSpec(ActionKey.IMPORT, "file", "action.import", "Ctrl+O", writes=True),
    ActionSpec(ActionKey.ANSWER, "file", "action.answer"),  # participant mode, beside the portfolio
    ActionSpec(ActionKey.CLOSE, "file", "action.close", "Ctrl+W", needs_assessment=True,
               separator_before=True),
    ActionSpec(ActionKey.QUIT, "file", "action.quit", "Ctrl+Q", separator_before=True),
    ActionSpec(ActionKey.UNDO, "edit", "action.undo", "Ctrl+Z", needs_assessment=True, writes=True),
    ActionSpec(ActionKey.REDO, "edit", "action.redo", "Ctrl+Shift+Z", needs_assessment=True,
               writes=True),
    ActionSpec(ActionKey.DETAILS, "edit", "action.details", "Ctrl+I", needs_assessment=True,
               writes=True, separator_before=True),
    ActionSpec(ActionKey.QUESTIONNAIRE, "workshop", "action.questionnaire", "Ctrl+Shift+Q",
               needs_assessment=True),
    ActionSpec(ActionKey.IMPORT_ANSWERS, "workshop", "action.import_answers", "Ctrl+Shift+I",
               needs_assessment=True, writes=True),
    ActionSpec(ActionKey.IMPORT_ANSWER_FOLDER, "workshop", "action.import_answer_folder",
               needs_assessment=True, writes=True),
    ActionSpec(ActionKey.MERGE, "workshop", "action.merge", needs_assessment=True),
    ActionSpec(ActionKey.COLLECT_LIVE, "workshop", "action.collect_live", needs_assessment=True, writes=True),
    ActionSpec(ActionKey.EVENT, "workshop", "action.event", separator_before=True),
    ActionSpec(ActionKey.IMPORT_PACK, "workshop", "action.import_pack", writes=True,
               separator_before=True),
    ActionSpec(ActionKey.BUILD_PACK, "workshop", "action.build_pack", writes=True),
    # the anonymity switch first: the consultant sees it before choosing a report
    ActionSpec(ActionKey.ANONYMOUS, "export", "action.anonymous", needs_assessment=True, checkable=True),
    ActionSpec(ActionKey.EXPORT_PDF, "export", "action.export_pdf", "Ctrl+P", needs_assessment=True,
               separator_before=True),
    ActionSpec(ActionKey.EXPORT_DOCX, "export", "action.export_docx", needs_assessment=True),
    ActionSpec(ActionKey.EXPORT_PPTX, "export", "action.export_pptx", needs_assessment=True),
    ActionSpec(ActionKey.EXPORT_XLSX, "export", "action.export_xlsx", needs_assessment=True),
    ActionSpec(ActionKey.EXPORT_CSV, "export", "action.export_csv", needs_assessment=True),
    ActionSpec(ActionKey.EXPORT_FILE, "export", "action.export_file", "Ctrl+Shift+S",
               needs_assessment=True, separator_before=True),
    # needs an open assessment or a room on the event screen: the main window decides
    ActionSpec(ActionKey.PRESENTATION, "view", "action.presentation", "F11"),
    ActionSpec(ActionKey.METHOD, "help", "action.method", "F1"),
    ActionSpec(ActionKey.ABOUT, "help", "action.about"),
)
