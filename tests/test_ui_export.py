"""Exports from the app: the PDF on a worker thread with progress and cancel, the tables,
the assessment file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QPushButton

from cemassess.exchange.assessment_file import read_assessment
from cemassess.ui._testsupport import make_window, patch_dialogs


@pytest.fixture
def answers(monkeypatch):
    return patch_dialogs(monkeypatch)


@pytest.fixture
def win(qtbot, answers):
    w = make_window(qtbot)
    w.session.create_demo()
    return w


def test_pdf_is_built_off_the_gui_thread_with_progress(qtbot, win, answers, tmp_path):
    answers.save_path = tmp_path / "report.pdf"
    answers.confirm = True  # "open it now?"
    seen: list[int] = []
    threads: list[object] = []
    ex = win.exporter
    with qtbot.waitSignal(ex.finished, timeout=60_000) as done:
        job = ex.export_pdf()
        assert job is not None and job.isRunning()
        job.progressed.connect(lambda v: (seen.append(v), threads.append(QThread.currentThread())))
        assert win.isEnabled()  # the window stays usable meanwhile
    assert done.args == [str(tmp_path / "report.pdf")]
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert seen and max(seen) == 1000
    assert ("open_url", tmp_path / "report.pdf") in answers.asked


def test_pdf_can_be_cancelled(qtbot, win, answers, tmp_path):
    answers.save_path = tmp_path / "cancelled.pdf"
    ex = win.exporter
    with qtbot.waitSignal(ex.finished, timeout=60_000) as done:
        job = ex.export_pdf()
        ex.progress.findChild(QPushButton).click()  # the Cancel button of the progress dialog
        assert job.cancel_requested
    assert done.args == [""]
    assert not (tmp_path / "cancelled.pdf").exists()
    qtbot.waitUntil(lambda: ex.job is None)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_tables(qtbot, win, answers, tmp_path, kind):
    answers.save_path = tmp_path / f"tables.{kind}"
    with qtbot.waitSignal(win.exporter.finished, timeout=60_000) as done:
        win.exporter.export_table(kind)
    assert not [v for k, v in answers.asked if k == "error"]
    assert done.args == [str(tmp_path / f"tables.{kind}")]
    assert (tmp_path / f"tables.{kind}").stat().st_size > 100


@pytest.mark.parametrize("kind", ["docx", "pptx"])
def test_word_and_slides_from_the_export_menu(qtbot, win, answers, tmp_path, kind):
    from cemassess.ui.actions import ActionKey

    answers.save_path = tmp_path / f"report.{kind}"
    answers.confirm = False
    action = win.actions_by_key[ActionKey.EXPORT_DOCX if kind == "docx" else ActionKey.EXPORT_PPTX]
    assert action.isEnabled() and action.text()
    with qtbot.waitSignal(win.exporter.finished, timeout=60_000) as done:
        action.trigger()
    assert not [v for k, v in answers.asked if k == "error"]
    assert done.args == [str(tmp_path / f"report.{kind}")]
    import zipfile

    with zipfile.ZipFile(tmp_path / f"report.{kind}") as z:
        assert ("word/document.xml" if kind == "docx" else "ppt/presentation.xml") in z.namelist()


def test_assessment_file(win, answers, tmp_path):
    answers.save_path = tmp_path / "demo.cemassess.json"
    out = win.exporter.export_file()
    assert out is not None
    again = read_assessment(out)
    assert again.id == win.session.assessment.id and again.answers == win.session.assessment.answers


def test_import_opens_a_single_file(qtbot, win, answers, tmp_path):
    from cemassess.demo import make_demo
    from cemassess.exchange.assessment_file import write_assessment
    from cemassess.ui.screens import ScreenKey

    other = make_demo("ru")
    path = tmp_path / "other.cemassess.json"
    write_assessment(other, path)
    answers.open_files = [path]
    win.controllers[ScreenKey.START].import_files()
    assert win.session.assessment.id == other.id
    assert win.tabs.currentWidget() is win.pages[ScreenKey.WALK]


def test_importing_a_changed_copy_of_an_assessment_offers_a_copy(qtbot, win, answers, tmp_path):
    from cemassess.exchange.assessment_file import write_assessment
    from cemassess.ui.screens import ScreenKey

    mine = win.session.portfolio.get(win.session.assessment.id)
    mine.title = "Edited elsewhere"
    path = tmp_path / "changed.cemassess.json"
    write_assessment(mine, path)
    answers.open_files = [path]
    answers.confirm = True
    before = {s.id for s in win.session.portfolio.list()}
    win.controllers[ScreenKey.START].import_files()
    assert [k for k, _ in answers.asked if k == "confirm"]
    new = {s.id for s in win.session.portfolio.list()} - before
    assert len(new) == 1 and win.session.assessment.id in new
    assert win.session.assessment.title == "Edited elsewhere"


def test_settings_adjust_a_light_accent_and_refuse_a_non_image_logo(qtbot, win, tmp_path):
    from cemassess.report.palette import contrast
    from cemassess.ui.screens import ScreenKey

    win.navigate(ScreenKey.SETTINGS)
    v = win.views[ScreenKey.SETTINGS]
    v.accent.setText("#ffee00")
    v.accent.editingFinished.emit()
    used = win.settings.get("branding/accent")
    assert used != "#ffee00" and contrast(used) >= 4.5
    assert "#ffee00" in v.brand_note.text() and used in v.brand_note.text()
    bad = tmp_path / "logo.json"
    bad.write_text("{}")
    before = win.settings.get("branding/logo")
    v.logo.setText(str(bad))
    v.logo.editingFinished.emit()
    assert win.settings.get("branding/logo") == before
    assert "not a readable" in v.brand_note.text()


def test_anonymous_reports_from_the_export_menu(qtbot, win, answers, tmp_path, monkeypatch):
    """Export → Anonymous reports: a switch the consultant sees above the reports, per
    assessment; with it on, the PDF, the Word report and the slides name nobody."""
    from test_report_cli import _extract

    from cemassess.ui import dialogs
    from cemassess.ui.actions import ActionKey

    act = win.actions_by_key[ActionKey.ANONYMOUS]
    assert act.isCheckable() and act.isEnabled() and not act.isChecked()  # a client's own report names people
    shown = [a for a in win.menus["export"].actions() if not a.isSeparator()]
    assert shown[0] is act and shown[1] is win.actions_by_key[ActionKey.EXPORT_PDF]
    assert "R1" in act.text()
    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "save_file",
                        lambda parent, title, suggested, filt: (asked.append((title, suggested)), answers.save_path)[1])
    answers.confirm = False
    names = [part for r in win.session.assessment.respondents for part in r.name.split()
             if len(part) > 3 and part.isalpha()]
    assert names

    def export(key: ActionKey, path) -> str:
        answers.save_path = path
        with qtbot.waitSignal(win.exporter.finished, timeout=120_000) as done:
            win.actions_by_key[key].trigger()
        assert done.args == [str(path)] and not [v for k, v in answers.asked if k == "error"]
        qtbot.waitUntil(lambda: win.exporter.job is None)
        return _extract(path)

    named = export(ActionKey.EXPORT_PDF, tmp_path / "named.pdf")
    assert any(n in named for n in names)  # off: the respondents table names them
    assert "(anonymous)" not in asked[-1][0]

    act.trigger()  # the consultant ticks it
    assert act.isChecked() and win.exporter.anonymous
    for key, ext in ((ActionKey.EXPORT_PDF, "pdf"), (ActionKey.EXPORT_DOCX, "docx"), (ActionKey.EXPORT_PPTX, "pptx")):
        text = export(key, tmp_path / f"anon.{ext}")
        assert text.strip()
        leaked = [n for n in names if n in text]
        assert not leaked, (ext, leaked)
        assert asked[-1][0].endswith("(anonymous)") and "-anonymous." in asked[-1][1]  # said before saving
        if ext != "pptx":  # the deck names nobody either way; the others show the codes instead
            assert "R1" in text

    # remembered for this assessment only
    aid = win.session.assessment.id
    other = win.session.create_demo()
    qtbot.waitUntil(lambda: win.session.assessment.id == other)
    assert not act.isChecked() and not win.exporter.anonymous
    win.session.open(aid)
    qtbot.waitUntil(lambda: win.session.assessment.id == aid)
    assert act.isChecked() and win.exporter.anonymous
    act.trigger()  # off again
    assert not win.exporter.anonymous and aid not in win.settings.get("report/anonymous")
