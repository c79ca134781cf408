"""The event room, benchmark packs in the app, the questionnaire and details dialogs, and the
self-test's failure path."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cemassess.domain.assessment import Company
from cemassess.domain.framework import Role
from cemassess.ui._testsupport import (
    answer_file,
    make_window,
    patch_dialogs,
    press,
    settle,
    type_text,
    unnamed,
)
from cemassess.ui.charts import wait_for_charts
from cemassess.ui.screens import ScreenKey

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def answers(monkeypatch):
    return patch_dialogs(monkeypatch)


def event_files(fw, folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        data = answer_file(fw, lambda j, i=i: 1 + (i + j) % 5, f"Person {i}", role=Role.MANAGEMENT,
                           company=f"Company {chr(65 + i)}", mode="event", consent=i != 0)
        (folder / f"p{i}.json").write_bytes(data)
    return folder


def load(qtbot, win, paths):
    ev = win.controllers[ScreenKey.EVENT]
    with qtbot.waitSignal(ev.roomChanged, timeout=30_000):
        ev.add_files(paths)
    settle(qtbot)
    return ev


def test_event_room_with_six_participants(qtbot, answers, fw, tmp_path):
    win = make_window(qtbot)  # no assessment open: an event needs none
    press(K.Key_7, CTRL, widget=win)
    settle(qtbot)
    assert win.tabs.currentWidget() is win.pages[ScreenKey.EVENT]
    v = win.views[ScreenKey.EVENT]
    v.event_name.setText("CX Club Riga")
    (tmp_path / "in" / "notes.json").parent.mkdir()
    (tmp_path / "in" / "notes.json").write_text('{"hello": 1}')
    ev = load(qtbot, win, [event_files(fw, tmp_path / "in", 6)])
    assert len(ev.room.files) == 6 and ev.shown_room
    assert "6 participant" in v.status.text()
    assert v.refused.isVisible() and "notes.json" in v.refused.label.text()
    assert not v.too_few.isVisible() and v.charts_box.isVisible()
    assert wait_for_charts(list(v.charts.values()))
    assert all(c.image is not None for c in v.charts.values()), [c.label.text() for c in v.charts.values()]
    # each participant by number; no company names on the shared screen by default
    assert v.table.rowCount() == 6 and v.table.isColumnHidden(1)
    assert v.table.item(0, 0).text() == "No. 1"
    texts = " ".join(v.table.item(r, c).text() for r in range(6) for c in range(5))
    assert "Company" not in texts
    v.show_names.setChecked(True)
    assert not v.table.isColumnHidden(1) and v.table.item(0, 1).text() == "Company A"
    # on the projector: the room only, never the names
    press(K.Key_F11, widget=win)
    settle(qtbot)
    assert win.presenting and not v.show_names.isVisible() and v.table.isColumnHidden(1)
    visible = [k for k in ScreenKey if win.tabs.isTabVisible(win.tabs.indexOf(win.pages[k]))]
    assert visible == [ScreenKey.EVENT]
    assert all(c.enlarge for c in v.charts.values())
    assert not v.table_box.isVisible()  # per-participant scores never on the projector
    assert win.present_hint.isVisible() and "Esc" in win.present_hint.text()  # how to leave
    press(K.Key_Escape, widget=win)
    settle(qtbot)
    assert not win.presenting and not v.show_names.isChecked()
    assert v.table_box.isVisible() and not win.present_hint.isVisible()
    for lang in ("en", "ru"):
        win.session.set_language(lang)
        settle(qtbot)
        assert unnamed(win.pages[ScreenKey.EVENT]) == []
    win.resize(1024, 700)
    settle(qtbot)
    assert win.pages[ScreenKey.EVENT].horizontalScrollBar().maximum() == 0
    win.session.set_language("en")

    # the consenting participants (5: the privacy floor) as a benchmark pack on the shelf,
    # then chosen on Results
    pack = ev.save_benchmark()
    assert pack is not None and pack.segments[0].n == 5 and not pack.illustrative
    assert "5 of 6" in answers.asked[-1][1]
    win.session.create_demo()
    win.navigate(ScreenKey.RESULTS)
    settle(qtbot)
    rv = win.views[ScreenKey.RESULTS]
    items = [rv.segment.itemText(i) for i in range(rv.segment.count())]
    ours = [i for i, text in enumerate(items) if "CX Club Riga" in text]
    assert ours and all("ILLUSTRATIVE" not in items[i] for i in ours)
    assert any("ILLUSTRATIVE" in text for text in items)  # the shipped pack keeps its label
    rv.segment.setCurrentIndex(ours[0])
    rv.segment.activated.emit(ours[0])
    settle(qtbot)
    res = win.session.results()
    assert res.benchmark.pack.id == pack.id and not rv.illustrative.isVisible()
    assert win.settings.get("results/pack") == pack.id

    # the PDFs: a room summary and one per participant, built off the GUI thread
    out = tmp_path / "pdfs"
    out.mkdir()
    job = ev.write_pdfs(out)
    assert job is not None and win.isEnabled()
    qtbot.waitUntil(lambda: ev.pdf_job is None, timeout=120_000)
    names = sorted(p.name for p in out.iterdir())
    assert names[-1] == "room-summary.pdf" and len([n for n in names if n.startswith("personal-")]) == 6
    assert all((out / n).read_bytes().startswith(b"%PDF") for n in names)
    # cancelled: the window is back at once, and nothing half-made is left in the folder
    from PySide6.QtWidgets import QPushButton

    out2 = tmp_path / "cancelled"
    out2.mkdir()
    ev.write_pdfs(out2)
    ev.progress.findChild(QPushButton).click()
    assert not ev.progress.isVisible()
    qtbot.waitUntil(lambda: ev.pdf_job is None, timeout=120_000)
    assert list(out2.iterdir()) == []


def test_event_room_shows_nothing_below_five(qtbot, answers, fw, tmp_path):
    win = make_window(qtbot, lang="ru")
    win.navigate(ScreenKey.EVENT)
    ev = load(qtbot, win, [event_files(fw, tmp_path / "in", 3)])
    v = win.views[ScreenKey.EVENT]
    assert len(ev.room.files) == 3 and not ev.shown_room
    assert v.too_few.isVisible() and "3" in v.too_few.label.text() and "5" in v.too_few.label.text()
    assert not v.charts_box.isVisible() and not v.table_box.isVisible()
    assert ev.chart_source("strips") is None
    ev.clear()
    assert ev.room is None and "пока нет" in v.status.text()


def test_questionnaire_export_and_details_dialog(qtbot, answers, tmp_path):
    from cemassess.ui.participant_store import read_questionnaire

    win = make_window(qtbot)
    s = win.session
    s.create(company=Company(name="Acme", industry="manufacturing"), assessor="Dana")
    ws = win.workshop
    dlg = ws.export_questionnaire()
    assert unnamed(dlg) == []
    dlg.role.setCurrentIndex(dlg.role.findData("sales"))
    answers.save_path = tmp_path / "q.json"
    dlg.accept()
    q = read_questionnaire(tmp_path / "q.json")
    assert q.mode == "workshop" and q.assessment == s.assessment.id and q.role is Role.SALES
    assert q.company.name == "Acme" and q.facilitator == "Dana"
    dlg = ws.export_questionnaire()
    dlg.event.setChecked(True)
    dlg.accept()  # an event needs a name
    assert dlg.isVisible() and dlg.error.text()
    dlg.event_name.setText("CX Club")
    answers.save_path = tmp_path / "event.json"
    dlg.accept()
    q = read_questionnaire(tmp_path / "event.json")
    assert q.mode == "event" and q.event == "CX Club" and q.assessment == "" and q.company.name == ""
    assert q.role is None

    # Edit → Assessment details… (Ctrl+I): the company profile after creation, one undo step
    press(K.Key_I, CTRL, widget=win)
    settle(qtbot)
    d = win.controllers[ScreenKey.START].dialog
    assert d.isVisible() and d.company.text() == "Acme" and not d.role.isVisible()
    assert unnamed(d) == []
    d.company.selectAll()
    d.company.setFocus()
    type_text("Acme Components Ltd")
    d.country.setText("Latvia")
    d.title_edit.setText("Annual review")
    d.accept()
    settle(qtbot)
    saved = s.portfolio.get(s.assessment.id)
    assert saved.company.name == "Acme Components Ltd" and saved.company.country == "Latvia"
    assert saved.company.industry == "manufacturing" and saved.title == "Annual review"
    assert "Acme Components Ltd" in win.windowTitle()
    s.undo_stack.undo()
    saved = s.portfolio.get(s.assessment.id)
    assert saved.company.name == "Acme" and saved.title == "" and saved.company.country == ""


def test_benchmark_packs_import_and_build(qtbot, answers, tmp_path):
    from cemassess.content import load_benchmarks
    from cemassess.exchange.benchmark_file import write_benchmark_pack

    win = make_window(qtbot)
    s = win.session
    shipped = load_benchmarks()
    shared = shipped.model_copy(update={"id": "colleague-2026", "title": "A colleague's pack",
                                        "title_ru": "Пакет коллеги"})
    write_benchmark_pack(shared, tmp_path / "shared.json")
    answers.pick_file = tmp_path / "shared.json"
    assert win.workshop.import_pack() is not None
    assert "colleague-2026" in [p.id for p in s.packs()]
    s.create_demo()
    job = win.workshop.build_pack()  # one assessment: below the privacy floor, refused
    assert job is not None
    qtbot.waitUntil(lambda: win.workshop.job is None, timeout=30_000)
    assert "at least 5" in answers.asked[-1][1] and "portfolio" not in [p.id for p in s.packs()]
    from cemassess.ui.workshop import pack_reason

    msg = "only 1 assessment(s) behind benchmark pack 'portfolio'; a pack needs at least 5, so ..."
    assert pack_reason(msg, "ru").startswith("Оценок для построения: 1.")
    assert "щонайменше 5" in pack_reason(msg, "uk")
    for _ in range(4):
        s.create_demo()
    job = win.workshop.build_pack()  # scores every assessment: on a worker
    assert job is not None
    qtbot.waitUntil(lambda: win.workshop.job is None, timeout=30_000)
    assert "Built from 5 assessments;" in answers.asked[-1][1]
    assert "portfolio" in [p.id for p in s.packs()]
    win.navigate(ScreenKey.SETTINGS)
    settle(qtbot)
    text = win.views[ScreenKey.SETTINGS].packs.text()
    assert "A colleague's pack" in text and "My portfolio" in text and "ILLUSTRATIVE" in text


def test_selftest_fails_without_the_report_module_or_a_chart(qtbot, monkeypatch, capsys, tmp_path):
    from cemassess.ui import charts as ui_charts
    from cemassess.ui.selftest import run_selftest

    monkeypatch.setitem(sys.modules, "cemassess.report.pdf", None)  # import raises ImportError
    win = make_window(qtbot, boot=False)
    assert run_selftest(QApplication.instance(), win, str(tmp_path / "a")) == 1
    err = capsys.readouterr()
    assert "FAILED" in err.err and "report module cannot be imported" in err.err and "ok" not in err.out
    monkeypatch.undo()

    real = ui_charts.draw_chart
    monkeypatch.setattr(ui_charts, "draw_chart",
                        lambda kind, *a: None if kind == "nps_panel" else real(kind, *a))
    win = make_window(qtbot, boot=False)
    assert run_selftest(QApplication.instance(), win, str(tmp_path / "b")) == 1
    err = capsys.readouterr()
    assert "only 4 of 5 charts were drawn" in err.err and "nps_panel" in err.err


def test_the_room_at_a_glance_in_tiles_from_five_participants(qtbot, answers, fw, tmp_path):
    from cemassess.i18n import num

    win = make_window(qtbot)
    win.navigate(ScreenKey.EVENT)
    v = win.views[ScreenKey.EVENT]
    load(qtbot, win, [event_files(fw, tmp_path / "few", 4)])
    assert not v.tiles.isVisible()  # four people: no figure of the room at all
    ev = win.controllers[ScreenKey.EVENT]
    ev.clear()
    ev = load(qtbot, win, [event_files(fw, tmp_path / "in", 6)])
    assert v.tiles.isVisible()
    assert v.people_tile.number.text() == "6" and "5 of 6" in v.people_tile.note.text()  # one did not consent
    ov = ev.room.profile.overall
    assert v.index_tile.number.text() == num(ov.median, "en", 1)
    assert v.index_scale.score == ov.median
    v.index_tile.number.setFocus(Qt.FocusReason.TabFocusReason)
    press(K.Key_Return)  # the figure opens how it was computed, by keyboard
    settle(qtbot)
    title, lines = answers.explanations[-1]
    assert title == v.index_tile.title() and f"n = {ov.n}" in lines[0] and f"P90 {ov.p90:.0f}" in lines[1]
    press(K.Key_Space, widget=v.people_tile.number)
    assert "Answer files read: 6" in answers.explanations[-1][1][0]
    win.toggle_presentation(full_screen=False)
    settle(qtbot)
    assert v.tiles.isVisible() and not v.table_box.isVisible()  # the room, never its rows
    assert not v.live.isVisible()  # not live: no empty "Live" heading on the projector
    win.toggle_presentation()
    assert unnamed(win.pages[ScreenKey.EVENT]) == []
