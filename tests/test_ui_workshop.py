"""Workshops in the app (issue 7): participant mode end to end, importing a folder of mixed
answer files, the consensus (merge) screen, a re-assessment's trend, the file argument."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from cemassess.domain.assessment import Answer, Company
from cemassess.domain.framework import Role
from cemassess.domain.results import evaluate
from cemassess.domain.scoring import disagreements
from cemassess.exchange import participant as px
from cemassess.ui._testsupport import (
    answer_file,
    focused,
    make_window,
    patch_dialogs,
    press,
    settle,
    type_text,
    unnamed,
)
from cemassess.ui.screens import ScreenKey

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
KEYS = [K.Key_3, K.Key_4, K.Key_2, K.Key_5, K.Key_N, K.Key_4, K.Key_1, K.Key_D, K.Key_3, K.Key_4]
VALUE = {K.Key_1: 1, K.Key_2: 2, K.Key_3: 3, K.Key_4: 4, K.Key_5: 5, K.Key_N: "na", K.Key_D: "dk"}


@pytest.fixture
def answers(monkeypatch):
    return patch_dialogs(monkeypatch)


def drop_on(widget: QWidget, paths: list[Path]) -> bool:
    """Files dragged from a file manager and dropped (Qt wants the drag to enter first)."""
    import warnings

    from PySide6.QtGui import QDragEnterEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    with warnings.catch_warnings():  # PySide marks the one QDragEnterEvent constructor deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPointF(200, 200).toPoint(), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return enter.isAccepted() and drop.isAccepted()


def stored(win):
    s = win.session
    return s.portfolio.get(s.assessment.id)


# -- participant mode ---------------------------------------------------------------------------
def test_participant_answers_by_keyboard_survive_a_restart_and_export(qtbot, answers, fw, tmp_path,
                                                                      _isolated_data_dir, participant):
    from cemassess.ui.screens.participant import focus_first

    q = px.Questionnaire(mode="workshop", assessment="abc123", framework=fw.id,
                         company=Company(name="Acme Components"), facilitator="Dana Smith")
    win = participant.open(q)
    ctrl = win.controller
    focus_first(ctrl)
    settle(qtbot)
    assert focused() is ctrl.view.name  # no name yet: the flow starts there
    type_text("Pat Lee")
    press(K.Key_Tab)  # to the role (the participant chooses it)
    assert focused() is ctrl.view.role
    press(K.Key_Up)  # "other" (the default) -> service
    settle(qtbot)
    assert ctrl.respondent.name == "Pat Lee" and ctrl.respondent.role is Role.SERVICE
    assert not ctrl.view.company.isVisible() and not ctrl.view.consent.isVisible()  # a workshop
    ctrl.walk.go_to(focus_first=True)
    pids = [p.id for p in fw.dimensions[0].practices] + [p.id for p in fw.dimensions[1].practices]
    for key in KEYS:
        press(key)
    settle(qtbot)
    expect = dict(zip(pids, (VALUE[k] for k in KEYS), strict=False))
    a = win.session.assessment
    assert {p: a.answer("r1", p).value for p in expect} == expect
    path = win.store.path
    assert path.parent == Path(_isolated_data_dir / "config" / "participant")
    assert {x.name for x in _isolated_data_dir.iterdir()} == {"config"}, "participant mode opened a portfolio"
    assert unnamed(win) == []

    # a crash: no clean close; the next start of the same questionnaire has everything back
    again = participant.open()
    assert again.store.restored
    b = again.session.assessment
    assert {p: b.answer("r1", p).value for p in expect} == expect
    assert again.controller.respondent.name == "Pat Lee"
    assert again.controller.view.name.text() == "Pat Lee"
    win.close()

    # export: a file the facilitator's import accepts
    answers.save_path = tmp_path / "out" / "pat.json"
    answers.save_path.parent.mkdir()
    answers.confirm = True  # "40 practices unanswered: export anyway?"
    out = again.controller.export()
    assert out == answers.save_path
    af = px.read_answer_file(out.read_bytes(), out.name, fw)
    assert af.respondent.name == "Pat Lee" and af.respondent.role is Role.SERVICE
    assert af.assessment == "abc123" and af.questionnaire == q.id and af.company.name == "Acme Components"
    assert {p: af.answers[p].value for p in expect} == expect
    assert not af.consent_benchmark
    again.controller.export(tmp_path / "out" / "second.json")  # exported twice: one participant, one id
    assert px.read_answer_file((tmp_path / "out" / "second.json").read_bytes(), "x", fw).id == af.id
    again.close()
    # `--participant` with no file resumes the latest answers
    resumed = participant.open(resume=True, show=False)
    assert resumed.store.path == path and resumed.controller.respondent.name == "Pat Lee"
    resumed.close()
    # a damaged autosave is set aside (never deleted) and the participant starts afresh, told so
    path.write_bytes(path.read_bytes()[:100])
    fresh = participant.open(show=False)
    assert not fresh.store.restored and fresh.view.banner.isVisibleTo(fresh)
    assert path.with_suffix(".damaged.json").exists()
    fresh.close()


def test_participant_at_an_event_gives_company_and_consent(qtbot, answers, fw, tmp_path, participant):
    win = participant.open(px.Questionnaire(mode="event", event="CX Club", framework=fw.id, role=Role.MANAGEMENT))
    v, ctrl = win.view, win.controller
    assert v.company.isVisible() and v.consent.isVisible() and not v.role.isVisible()
    answers.save_path = tmp_path / "a.json"
    assert ctrl.export() is None  # no name yet
    assert answers.asked[-1][0] == "error"
    v.name.setText("Ирина")  # Cyrillic: set, never typed (PITFALLS)
    v.company.setText("ООО «Вектор»")
    v.consent.setChecked(True)
    out = ctrl.export()
    assert out is not None, answers.asked
    af = px.read_answer_file(out.read_bytes(), out.name, fw)
    assert af.mode == "event" and af.company.name == "ООО «Вектор»" and af.consent_benchmark
    assert af.respondent.role is Role.MANAGEMENT
    win.session.set_language("ru")
    assert unnamed(win) == []
    assert win.view.minimumSizeHint().width() <= 1024  # Russian fits a small laptop's screen
    win.close()


def test_the_app_started_with_a_file(qtbot, answers, monkeypatch, fw, tmp_path, _isolated_data_dir):
    """`cemassess-app FILE` through main(): a questionnaire opens participant mode with no
    portfolio; an assessment file is imported and opened once the portfolio is up."""
    from cemassess.demo import make_demo
    from cemassess.exchange.assessment_file import write_assessment
    from cemassess.ui import app as app_module
    from cemassess.ui.mainwindow import MainWindow
    from cemassess.ui.participant import ParticipantWindow

    monkeypatch.setattr(QApplication, "exec", lambda self: 0)  # return at once; events run below
    q = tmp_path / "q.json"
    q.write_bytes(px.dumps(px.Questionnaire(framework=fw.id, company=Company(name="Acme"))))

    def top(kind):
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        for w in found:
            qtbot.addWidget(w)
        return found

    assert app_module.main([str(q)]) == 0
    part = top(ParticipantWindow)
    assert len(part) == 1 and part[0].store.questionnaire.company.name == "Acme"
    assert QApplication.instance().desktopFileName() == "io.github.cemassess"
    assert {x.name for x in _isolated_data_dir.iterdir()} == {"config"}  # no portfolio opened
    part[0].close()
    a = make_demo("en", fw)
    f = tmp_path / "client.cemassess.json"
    write_assessment(a, f)
    assert app_module.main([str(f), "--data-dir", str(tmp_path / "data")]) == 0
    win = top(MainWindow)[-1]
    qtbot.waitUntil(lambda: win.session is not None and win.session.is_open, timeout=10_000)
    assert win.session.assessment.id == a.id
    win.close()


# -- importing many answer files ------------------------------------------------------------------
def test_importing_a_folder_of_mixed_answer_files(qtbot, answers, fw, tmp_path):
    win = make_window(qtbot)
    s = win.session
    s.create(company=Company(name="Acme Components"), assessor="Dana")
    aid = s.assessment.id
    folder = tmp_path / "inbox"
    folder.mkdir()
    good = {f"{n}.json": answer_file(fw, lambda i, lv=lv: lv if i % 7 else "dk", n.title(), role=role,
                                     comment=f"{n} says so")
            for n, lv, role in (("anna", 2, Role.SALES), ("boris", 4, Role.SERVICE), ("carla", 5, Role.MARKETING))}
    for name, data in good.items():
        (folder / name).write_bytes(data)
    (folder / "zz-duplicate.json").write_bytes(good["anna.json"])
    (folder / "huge.json").write_bytes(b" " * (px.MAX_ANSWER_FILE + 1))
    (folder / "deep.json").write_text("[" * 50_000 + "]" * 50_000)
    raw = json.loads(good["boris.json"])
    (folder / "version.json").write_text(json.dumps(raw | {"format_version": 7, "id": "v7"}))
    out_of_range = json.loads(good["carla.json"])
    out_of_range["id"] = "range1"
    out_of_range["answers"][next(iter(fw.practices))]["value"] = 9
    (folder / "range.json").write_text(json.dumps(out_of_range))
    (folder / "other.json").write_bytes(answer_file(fw, lambda i: 3, "Olga", assessment="someoneelse"))
    with zipfile.ZipFile(folder / "archive.json", "w") as z:
        z.writestr("x.txt", "hello")
    (folder / "photo.json").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    (folder / "questionnaire.json").write_bytes(px.dumps(px.Questionnaire(framework=fw.id)))
    before = stored(win)

    # dropped on the window (the respondents screen on show)
    win.navigate(ScreenKey.RESPONDENTS)
    with qtbot.waitSignal(win.workshop.answersImported, timeout=30_000) as blocker:
        assert drop_on(win, [folder])
    summary, rows = answers.reports[-1]
    outcome = {name: (ok, why) for name, ok, why in rows}
    assert {n for n, (ok, _) in outcome.items() if ok} == set(good)
    assert outcome["anna.json"][1] == "respondent Anna (Sales)"
    bad = {n: why for n, (ok, why) in outcome.items() if not ok}
    assert set(bad) == {"zz-duplicate.json", "huge.json", "deep.json", "version.json", "range.json",
                        "other.json", "archive.json", "photo.json", "questionnaire.json"}
    assert "same file" in bad["zz-duplicate.json"] and "too large" in bad["huge.json"]
    assert "deeply" in bad["deep.json"] and "version" in bad["version.json"]
    assert "another assessment" in bad["other.json"] and "ZIP" in bad["archive.json"]
    assert "image" in bad["photo.json"] and "questionnaire" in bad["questionnaire.json"]
    assert all(why and "\n" not in why for why in bad.values())
    assert summary.startswith("3 files imported as respondents, 9 refused")
    from cemassess.ui.workshop import reason_text

    for r in blocker.args[1]:  # every reason also in Russian, its technical detail kept
        ru = reason_text(r.name, r.reason, "ru")
        assert any("а" <= ch <= "я" for ch in ru.lower()), ru
    after = stored(win)
    names = [r.name for r in after.respondents]
    assert names == [r.name for r in before.respondents] + ["Anna", "Boris", "Carla"]
    assert after.model_copy(update={"respondents": before.respondents, "answers": before.answers,
                                    "modified": before.modified}) == before  # nothing else changed
    boris = next(r for r in after.respondents if r.name == "Boris")
    assert boris.id.startswith("f") and boris.role is Role.SERVICE
    assert after.answers[boris.id][fw.dimensions[0].practices[1].id].value == 4
    rv = win.views[ScreenKey.RESPONDENTS]
    assert rv.table.rowCount() == 4
    assert rv.disagree_title.text().startswith("Where the respondents disagree")  # fresh results
    assert rv.open_merge.isEnabled()

    # the same folder again: every good file is recognised as already imported, nothing changes
    with qtbot.waitSignal(win.workshop.answersImported, timeout=30_000):
        win.workshop.import_answers([folder])
    _, rows = answers.reports[-1]
    assert not any(ok for _, ok, _ in rows)
    assert {n: why for n, _, why in rows}["boris.json"] == "already imported"
    assert stored(win) == after
    # one undo takes the whole import back, in the store too
    s.undo_stack.undo()
    assert [r.name for r in stored(win).respondents] == [r.name for r in before.respondents]
    assert s.assessment.id == aid
    # dropped with no assessment open: files naming this assessment open it and join it
    s.close_assessment()
    assert win.tabs.currentWidget() is win.pages[ScreenKey.START]
    named = tmp_path / "named.json"
    named.write_bytes(answer_file(fw, lambda i: 4, "Dmitri", assessment=aid))
    with qtbot.waitSignal(win.workshop.answersImported, timeout=30_000):
        assert drop_on(win, [named])
    assert s.is_open and s.assessment.id == aid
    assert win.tabs.currentWidget() is win.pages[ScreenKey.RESPONDENTS]
    assert "Dmitri" in [r.name for r in stored(win).respondents]


# -- consensus, side by side -------------------------------------------------------------------------
def test_merge_screen_lists_exactly_the_disagreements_and_the_agreed_answer_counts(qtbot, answers):
    win = make_window(qtbot)
    s = win.session
    s.create_demo()
    fw = s.framework
    press(K.Key_4, CTRL, widget=win)
    settle(qtbot)
    assert win.tabs.currentWidget() is win.pages[ScreenKey.MERGE]
    ctrl, v = win.controllers[ScreenKey.MERGE], win.views[ScreenKey.MERGE]
    for threshold in (2, 3, 1, 4, 2):
        v.threshold.setValue(threshold)
        settle(qtbot)
        expect = [r.practice_id for r in disagreements(s.results().profile, threshold)]
        assert ctrl.pids == expect
        assert v.list.rowCount() == len(expect)
        assert [v.list.item(i, 0).data(Qt.ItemDataRole.UserRole) for i in range(len(expect))] == expect
    pid = ctrl.pids[0]
    # the answers side by side: every respondent who answered, with name, role and comment
    answered = [r for r in s.assessment.respondents if (a := s.assessment.answer(r.id, pid)) and a.value is not None]
    assert v.answers.rowCount() == len(answered)
    assert {v.answers.item(i, 0).text() for i in range(v.answers.rowCount())} == {r.name for r in answered}
    assert "Median" in v.median.text()
    before = evaluate(fw, stored(win))
    # keyboard: Enter on the list goes to the card; 1 agrees on level 1 and moves to the next
    v.list.setFocus()
    press(K.Key_Return)
    settle(qtbot)
    assert v.card is not None and v.card.pid == pid and v.card.consensus
    press(K.Key_1, widget=v.card)
    settle(qtbot)
    after = stored(win)
    assert after.agreed[pid].value == 1
    assert evaluate(fw, after).practices[pid].level == 1.0
    dim = fw.dimension_of[pid].id
    assert evaluate(fw, after).dimensions[dim].score != before.dimensions[dim].score
    assert ctrl.current == ctrl.pids[1]  # moved on to the next disagreement
    assert v.list.item(0, 3).text().startswith("✓")
    # the dissent is noted on the same card
    ctrl.go_to(practice=pid)
    v.card.comment.setFocus()
    type_text("Sales sees it differently")
    press(K.Key_Tab)
    settle(qtbot)
    assert stored(win).agreed[pid].dissent == "Sales sees it differently"
    s.undo_stack.undo()
    s.undo_stack.undo()
    assert pid not in stored(win).agreed
    assert evaluate(fw, stored(win)).dimensions[dim].score == before.dimensions[dim].score
    # the respondents screen's agenda opens a practice here
    win.navigate(ScreenKey.RESPONDENTS)
    rctrl = win.controllers[ScreenKey.RESPONDENTS]
    rctrl._open_side_by_side(ctrl.pids[2])
    settle(qtbot)
    assert win.tabs.currentWidget() is win.pages[ScreenKey.MERGE] and ctrl.current == ctrl.pids[2]
    for lang in ("en", "ru"):
        s.set_language(lang)
        settle(qtbot)
        assert unnamed(win.pages[ScreenKey.MERGE]) == []


# -- re-assessment ----------------------------------------------------------------------------------
def test_a_reassessment_shows_its_trend_and_passes_it_to_the_pdf(qtbot, answers, monkeypatch, tmp_path):
    from cemassess.ui.charts import wait_for_charts

    win = make_window(qtbot)
    s = win.session
    first = s.create_demo()
    fw = s.framework
    again = s.portfolio.duplicate(first)  # what the Start screen's "Re-assess" does
    answered_before = s.portfolio.get(first).answers
    s.portfolio.update(again.id, lambda a: setattr(a, "answers", answered_before))
    s.portfolioChanged.emit()
    s.open(again.id)
    win.navigate(ScreenKey.WALK)
    walk = win.controllers[ScreenKey.WALK]
    for d in fw.dimensions[:3]:  # a year later, the first three dimensions are at 5 for everyone
        for p in d.practices:
            for r in s.assessment.respondents:
                s.set_answer(p.id, Answer(value=5), r.id)
    walk.go_to(dimension=fw.dimensions[0].id)
    win.navigate(ScreenKey.RESULTS)
    settle(qtbot)
    v = win.views[ScreenKey.RESULTS]
    assert v.trend_box.isVisible()
    trend = s.trend()
    assert trend is not None and len(trend.dates) == 2
    assert v.trend_table.rowCount() == len(fw.dimensions)
    assert v.trend_table.item(0, 4).text() == "improved"
    assert wait_for_charts([v.trend_chart]) and v.trend_chart.image is not None
    # the roadmap marks each action with how its dimension moved (the report's own sentence)
    win.navigate(ScreenKey.ROADMAP)
    rv = win.views[ScreenKey.ROADMAP]
    qtbot.waitUntil(lambda: "cemassess.report.sections_trend" in __import__("sys").modules, timeout=20_000)
    settle(qtbot, 50)
    from cemassess.ui.screens.roadmap import MOVED_COL

    assert not rv.tree.isColumnHidden(MOVED_COL)
    rows = [rv.tree.topLevelItem(i).child(j) for i in range(3) for j in range(rv.tree.topLevelItem(i).childCount())]
    assert rows and all(r.text(MOVED_COL) for r in rows)
    assert rv.ed_moved.text().startswith("Since the last assessment this dimension")
    # the PDF gets the trend too
    seen = {}

    def fake_write(res, lang, path, branding, **kw):
        seen.update(kw)
        Path(path).write_bytes(b"%PDF-1.4 fake")
        return Path(path)

    monkeypatch.setattr("cemassess.report.pdf.write_report", fake_write)
    answers.save_path = tmp_path / "r.pdf"
    with qtbot.waitSignal(win.exporter.finished, timeout=30_000):
        win.exporter.export_pdf()
    assert seen["trend"] is not None and seen["trend"].dates == trend.dates
    # a first assessment has none
    s.open(first)
    win.navigate(ScreenKey.RESULTS)
    settle(qtbot)
    assert not v.trend_box.isVisible() and s.trend() is None


# -- the app given a file ---------------------------------------------------------------------------
def test_a_file_given_to_the_app_is_imported_or_opened(qtbot, answers, fw, tmp_path):
    from PySide6.QtGui import QFileOpenEvent

    from cemassess.demo import make_demo
    from cemassess.exchange.assessment_file import write_assessment
    from cemassess.ui.app import FileOpenFilter, parse_args

    assert parse_args(["x.cemassess.json"]).file == "x.cemassess.json"
    assert parse_args(["--participant"]).participant == ""
    assert parse_args(["--participant", "q.json"]).participant == "q.json"
    a = make_demo("en", fw)
    f = tmp_path / "client.cemassess.json"
    write_assessment(a, f)
    win = make_window(qtbot, boot=False)
    win.open_paths([f])  # before the portfolio is open: done by boot()
    assert win.session is None
    assert win.boot()
    settle(qtbot)
    assert win.session.is_open and win.session.assessment.id == a.id
    assert win.tabs.currentWidget() is win.pages[ScreenKey.WALK]
    # the same file again: its id is in the portfolio, so that one is opened, not a copy
    win.session.close_assessment()
    seen = []
    opener = FileOpenFilter(lambda paths: (seen.extend(paths), win.open_paths(paths)), win)
    QApplication.instance().installEventFilter(opener)
    try:
        QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(f)))
    finally:
        QApplication.instance().removeEventFilter(opener)
    assert seen == [str(f)]
    assert win.session.assessment.id == a.id
    assert [x.id for x in win.session.portfolio.list()] == [a.id]
    # a questionnaire opens participant mode beside the portfolio
    q = tmp_path / "q.json"
    q.write_bytes(px.dumps(px.Questionnaire(framework=fw.id, company=Company(name="Acme"))))
    win.open_paths([q])
    part = win.workshop.participants[-1]
    qtbot.addWidget(part)
    assert part.isVisible() and part.store.questionnaire.company.name == "Acme"
    part.close()
    # something that is not an assessment: one clear message, nothing imported
    junk = tmp_path / "junk.json"
    junk.write_text("{}")
    win.open_paths([junk])
    assert answers.asked[-1][0] == "error" and "junk.json" in answers.asked[-1][1]
    assert len(win.session.portfolio.list()) == 1
