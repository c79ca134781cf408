"""Regenerate docs/screenshots/: every screen of the app, in English, Russian and Ukrainian (PNG).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--scale 2] [--only NAME[,NAME...]]
        [--size 1920x1080] [--langs en,ru,uk]

The default size is a 1366×768 laptop's (names like start-en.png); another size adds it to
the name (start-en-1920x1080.png).

Uses a temporary portfolio and settings folder with the demo assessment, so it never touches
your data. Set QT_SCALE_FACTOR=2 (or pass --scale 2) to check the high-DPI layout: those
pictures get an "@2x" suffix.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
DEFAULT_SIZE = (1366, 768)
EVENT_NAMES = {"en": "CX Club, Riga", "ru": "CX-клуб, Москва", "uk": "CX-клуб, Київ"}
SIZE = DEFAULT_SIZE


def shrink(path: Path) -> None:
    """256 colours, no dithering: a screen picture looks the same at about a third of the bytes."""
    try:
        from PIL import Image  # comes with matplotlib
    except ImportError:
        return
    with Image.open(path) as im:
        small = im.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT,
                                           dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=None, help="QT_SCALE_FACTOR for a high-DPI check")
    ap.add_argument("--only", help="only pictures whose name contains this (or one of these, comma-separated)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--size", default="1366x768", help="window size, WIDTHxHEIGHT")
    ap.add_argument("--langs", default="en,ru,uk", help="languages, comma-separated")
    args = ap.parse_args()
    global SIZE
    SIZE = tuple(int(x) for x in args.size.lower().split("x"))  # type: ignore[assignment]
    langs = tuple(x.strip() for x in args.langs.split(",") if x.strip())
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.scale:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    tmp = Path(tempfile.mkdtemp(prefix="cemassess-shots-"))
    os.environ["CEMASSESS_DATA_DIR"] = str(tmp / "data")
    os.environ["CEMASSESS_CONFIG_DIR"] = str(tmp / "config")
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    qInstallMessageHandler(lambda *_: None)  # offscreen plugin chatter
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from cemassess.ui import dialogs, widgets
    from cemassess.ui.charts import ChartView, wait_for_charts
    from cemassess.ui.mainwindow import MainWindow
    from cemassess.ui.screens import ScreenKey
    from cemassess.ui.settings import Settings

    dialogs.ask_recovery = lambda *a, **k: True
    reports = []
    dialogs.show_report = lambda parent, title, summary, rows, lang: reports.append(
        widgets.ReportDialog(title, summary, rows, lang, parent))
    dialogs.info = dialogs.error = lambda *a, **k: None
    shown = []
    widgets.show_explanation = lambda parent, title, lines, lang: shown.append(
        widgets.ExplainDialog(title, list(lines), lang, parent))
    settings = Settings()
    settings.set("branding/consultant", "CX Partners")
    settings.language = "en"
    win = MainWindow(settings)
    win.resize(*SIZE)
    win.show()
    win.boot()
    s = win.session

    suffix = ("" if SIZE == DEFAULT_SIZE else f"-{SIZE[0]}x{SIZE[1]}") + \
        ("@2x" if args.scale and args.scale != 1 else "")
    args.out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def settle(n: int = 30) -> None:
        for _ in range(n):
            app.processEvents()

    def shot(name: str, widget=None) -> None:
        if args.only and not any(part and part in name for part in args.only.split(",")):
            return
        w = widget or win
        if w is win:
            win.resize(*SIZE)
        settle()
        wait_for_charts(w.findChildren(ChartView))
        settle()
        if w is win and (win.width(), win.height()) != SIZE:
            print(f"note: {name}: the window is {win.width()}x{win.height()}, not {SIZE}")
        path = args.out / f"{name}{suffix}.png"
        w.grab().save(str(path), "PNG")
        shrink(path)
        written.append(path)

    # a second, unfinished assessment so the start screen lists more than the demo
    from cemassess.domain.assessment import Company
    from cemassess.domain.framework import Role

    fw = None
    inbox = tmp / "inbox"

    def wait(until) -> None:
        import time

        deadline = time.perf_counter() + 60
        while not until() and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.01)

    people_by_lang = {
        "en": (("Olga Petrova", "Our quarterly review covers this."), ("Ivan Sokolov", "Only for the top 20 accounts."),
               ("Maria Lind", ""), ("Tom Berg", "Complaints never reach management."),
               ("Anna Kask", "We see the opposite at the help desk."), ("Jonas Vilks", "")),
        "ru": (("Ольга Петрова", "Это разбираем на ежеквартальном обзоре."),
               ("Иван Соколов", "Только для 20 крупнейших клиентов."), ("Мария Линд", ""),
               ("Тимур Бергов", "Жалобы до руководства не доходят."),
               ("Анна Каск", "На линии поддержки мы видим обратное."), ("Юрий Вилкс", "")),
        "uk": (("Ольга Петренко", "Це розбираємо на щоквартальному огляді."),
               ("Іван Соколенко", "Лише для 20 найбільших клієнтів."), ("Марія Лінд", ""),
               ("Тарас Берг", "Скарги до керівництва не доходять."),
               ("Анна Каск", "На лінії підтримки ми бачимо протилежне."), ("Юрій Вовк", "")),
    }

    def workshop_files(lang: str) -> Path:
        """Six participants of a workshop at one company (one of them sent the same file twice),
        plus what turns up in a real inbox: a damaged file and a photo. Names and comments in
        the pictures' language (made up, like the answers)."""
        import random
        import shutil

        from cemassess.ui._testsupport import answer_file

        shutil.rmtree(inbox, ignore_errors=True)
        inbox.mkdir(parents=True, exist_ok=True)
        roles = (Role.MANAGEMENT, Role.SALES, Role.MARKETING, Role.SERVICE, Role.SERVICE, Role.SALES)
        bases = (3.4, 2.8, 3.0, 2.2, 2.4, 3.2)
        people = [(name, role, base, says) for (name, says), role, base
                  in zip(people_by_lang.get(lang, people_by_lang["en"]), roles, bases, strict=True)]
        files = ("olga", "ivan", "maria", "tom", "anna", "jonas")
        for k, (name, role, base, says) in enumerate(people):
            rnd = random.Random(k)
            data = answer_file(fw, lambda i, b=base, r=rnd: max(1, min(5, round(b + r.gauss(0, 0.55)))),
                               name, role=role, comment=lambda i, c=says: c if i % 5 == 0 else "")
            (inbox / f"{files[k]}.json").write_bytes(data)
        (inbox / "olga-again.json").write_bytes((inbox / "olga.json").read_bytes())
        (inbox / "notes.json").write_bytes(b'{"answers": [1, 2,')
        (inbox / "whiteboard.json").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
        return inbox

    def workshop_shots(lang: str) -> None:
        """Import a folder of answer files into a workshop assessment, then the consensus screen."""
        s.create(company=Company(name={"ru": "АО «Северные насосы»", "uk": "АТ «Північні насоси»"}.get(lang, "Nordic Pumps AS"),
                                 industry="manufacturing", size="medium"), assessor="Jana Ozola")
        ws = win.workshop
        ws.write_questionnaire(tmp / f"questionnaire-{lang}.json")
        dlg = ws.export_questionnaire()
        shot(f"questionnaire-{lang}", dlg)
        dlg.reject()
        win.navigate(ScreenKey.RESPONDENTS)
        reports.clear()
        ws.import_answers([workshop_files(lang)])
        wait(lambda: ws.job is None and reports)
        report = reports.pop()
        report.show()
        shot(f"import-result-{lang}", report)
        report.close()
        shot(f"respondents-imported-{lang}")
        win.navigate(ScreenKey.MERGE)
        merge = win.controllers[ScreenKey.MERGE]
        order = list(fw.practices)
        commented = [pid for pid in merge.pids if order.index(pid) % 5 == 0]  # see workshop_files
        merge.go_to(practice=(commented or merge.pids or [""])[0])
        shot(f"merge-{lang}")
        d = win.controllers[ScreenKey.START].edit_details()
        shot(f"details-{lang}", d)
        d.reject()

    def trend_shots(lang: str) -> None:
        """A re-assessment a year on: three dimensions improved, one declined."""
        from cemassess.domain.assessment import Answer

        first = s.create_demo()
        again = s.portfolio.duplicate(first)
        before = s.portfolio.get(first).answers
        s.portfolio.update(again.id, lambda a: setattr(a, "answers", before))
        s.portfolio.update(again.id, lambda a: setattr(a, "date", a.date.replace(year=a.date.year + 1)))
        s.portfolioChanged.emit()
        s.open(again.id)
        for k, d in enumerate(s.framework.dimensions[:4]):
            for p in d.practices:
                for r in s.assessment.respondents:
                    old = s.assessment.answer(r.id, p.id)
                    if old is not None and isinstance(old.value, int):
                        s.set_answer(p.id, Answer(value=max(1, old.value - 1) if k == 3 else min(5, old.value + 1)),
                                     r.id)
        win.navigate(ScreenKey.RESULTS)
        rv = win.views[ScreenKey.RESULTS]
        settle()
        rv.scroll.verticalScrollBar().setValue(rv.trend_box.y() - 8)
        shot(f"results-trend-{lang}")
        rv.scroll.verticalScrollBar().setValue(0)
        win.navigate(ScreenKey.ROADMAP)
        win.views[ScreenKey.ROADMAP].tree.setFocus()
        wait(lambda: "cemassess.report.sections_trend" in sys.modules)
        settle()
        shot(f"roadmap-trend-{lang}")

    def event_files(n: int) -> list[Path]:
        import random

        from cemassess.ui._testsupport import answer_file

        folder = tmp / f"event-{n}"
        phases = [p.phase for p in fw.practices.values()]
        if not folder.exists():
            folder.mkdir()
            for k in range(n):
                rnd = random.Random(100 + k)
                base = rnd.uniform(1.8, 3.8)
                done = 2 if k % 7 == 3 else 1 if k % 3 == 0 else 0  # phases this company has in place

                def level(i, b=base, r=rnd, done=done):
                    if phases[i] <= done:
                        return r.choice((4, 4, 5))
                    return max(1, min(5, round(b + r.gauss(0, 0.7))))

                data = answer_file(fw, level, f"Participant {k}", role=Role.MANAGEMENT,
                                   company=f"Company {k + 1}", mode="event", consent=k % 4 != 0)
                (folder / f"p{k:02d}.json").write_bytes(data)
        return [folder]

    def event_shots(lang: str) -> None:
        s.close_assessment()
        win.navigate(ScreenKey.EVENT)
        ev = win.controllers[ScreenKey.EVENT]
        v = win.views[ScreenKey.EVENT]
        ev.clear()
        v.event_name.setText(EVENT_NAMES.get(lang, EVENT_NAMES["en"]))
        ev.add_files(event_files(3))
        wait(lambda: ev.job is None)
        shot(f"event-too-few-{lang}")
        ev.clear()
        ev.add_files(event_files(14))
        wait(lambda: ev.job is None)
        shot(f"event-room-{lang}")
        win.pages[ScreenKey.EVENT].verticalScrollBar().setValue(10_000)
        shot(f"event-room-table-{lang}")
        win.pages[ScreenKey.EVENT].verticalScrollBar().setValue(0)
        win.toggle_presentation(full_screen=False)
        win.resize(*SIZE)
        shot(f"event-presentation-{lang}")
        win.toggle_presentation()
        win.resize(*SIZE)

    def participant_shots(lang: str) -> None:
        from cemassess.ui.participant import open_participant

        for mode in ("workshop", "event"):
            q = tmp / f"questionnaire-{lang}.json"
            if mode == "event":
                from cemassess.exchange import participant as px

                q = tmp / f"event-q-{lang}.json"
                q.write_bytes(px.dumps(px.Questionnaire(
                    mode="event", event=EVENT_NAMES.get(lang, EVENT_NAMES["en"]),
                    framework=fw.id, language=lang)))
            part = open_participant(settings, q)
            part.resize(*SIZE)
            part.show()
            c = part.controller
            c.view.name.setText({"ru": "Фёдор Никитин", "uk": "Федір Нікітін"}.get(lang, "Tom Berg"))
            if mode == "event":
                c.view.company.setText({"ru": "ООО «Балтфрахт»", "uk": "ТОВ «Балтфрахт»"}.get(lang, "Baltic Freight"))
                c.view.consent.setChecked(True)
            c.missing()
            c.walk.go_to(focus_first=True)
            for key in "3423":
                c.walk._value_chosen(c.walk.current_pid, int(key), True)
            settle()
            shot(f"participant-{mode}-{lang}" if mode == "event" else f"participant-{lang}", part)
            part.close()

    def live_shots(lang: str) -> None:
        """The trainer's live screen (h13ui): served on 127.0.0.1 only; the phones are
        simulated here (generated answers, labelled so in docs/screenshots)."""
        import http.cookiejar
        import json
        import threading
        import urllib.request

        from cemassess.content import load_framework
        from cemassess.live import Limits
        from cemassess.ui import live as live_mod

        live_mod.addresses = lambda: ["127.0.0.1"]  # never any other address
        live_mod.DEFAULT_PORT = 0
        live_mod.SERVER_LIMITS = Limits(per_address=(5000, 5000), per_seat=(5000, 5000))
        lfw = load_framework()
        s.close_assessment()
        win.navigate(ScreenKey.EVENT)
        ev = win.controllers[ScreenKey.EVENT]
        v = win.views[ScreenKey.EVENT]
        ev.clear()
        v.event_name.setText(EVENT_NAMES[lang])
        v.live.go_live()
        wait(lambda: v.live.live is not None and bool(v.live.live.url))
        url = v.live.live.url
        if not url:
            raise SystemExit(f"could not go live: {v.live.error.findChildren(type(v.live.note))[0].text()}")

        def phone(k: int, finish: bool, answered: int) -> None:
            op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

            def post(path: str, body: dict) -> None:
                req = urllib.request.Request(url + path, json.dumps(body).encode(),
                                             {"Content-Type": "application/json"})
                op.open(req, timeout=30).read()
            post("api/join", {"name": f"P{k}", "company": f"Company {k}", "role": "management",
                              "consent_benchmark": True})
            base = 1.8 + (k * 0.37) % 2.2
            for i, pid in enumerate(list(lfw.practices)[:answered]):
                post("api/answer", {"practice": pid, "answer": {"value": max(1, min(5, round(base + ((i * 7 + k) % 5 - 2) * 0.5)))}})
            if finish:
                post("api/finish", {})

        def crowd(specs: list[tuple[int, bool, int]]) -> None:
            threads = [threading.Thread(target=phone, args=sp) for sp in specs]
            for th in threads:
                th.start()
            wait(lambda: not any(th.is_alive() for th in threads))

        n = len(lfw.practices)
        crowd([(k, k < 3, n if k < 3 else 12) for k in range(7)])
        wait(lambda: "3" in v.live.counts.text())
        settle(60)
        shot(f"event-live-waiting-{lang}")
        crowd([(10 + k, True, n) for k in range(9)])
        wait(lambda: ev.room is not None and len(ev.room.files) >= 12)
        settle(60)
        shot(f"event-live-hidden-{lang}")
        v.live.reveal.click()
        wait(lambda: ev.shown_room)
        settle(60)
        shot(f"event-live-revealed-{lang}")
        v.live.release()
        ev.clear()

    live_only = bool(args.only) and all("live" in part for part in args.only.split(","))
    second = {"en": ("Baltic Freight Forwarding", "Latvia"), "ru": ("ООО «Балтфрахт»", "Россия"),
              "uk": ("ТОВ «Балтфрахт»", "Україна")}
    for lang in () if live_only else langs:
        s.set_language(lang)
        settings.language = lang
        win.controllers[ScreenKey.EVENT].clear()  # no room left over from the language before
        s.close_assessment()  # each language's pictures show that language's portfolio only
        for old in s.portfolio.list(include_archived=True):
            s.portfolio.delete(old.id)
        s.portfolioChanged.emit()
        name, country = second.get(lang, second["en"])
        s.create(company=Company(name=name, industry="logistics", size="small", country=country),
                 assessor="Jana Ozola")
        s.create_demo()
        fw = s.framework
        win.navigate(ScreenKey.START)
        shot(f"start-{lang}")
        dlg = win.controllers[ScreenKey.START].new_assessment()
        dlg.company.setText({"ru": "ООО «Восток-Логистик»", "uk": "ТОВ «Схід-Логістик»"}.get(
            lang, "Eastern Logistics LLC"))
        shot(f"new-assessment-{lang}", dlg)
        dlg.reject()
        walk = win.controllers[ScreenKey.WALK]
        win.navigate(ScreenKey.WALK)
        walk.go_to(practice=s.framework.dimensions[3].practices[1].id)
        shot(f"walk-{lang}")
        walk.go_to(page="phases")
        shot(f"walk-phases-{lang}")
        walk.go_to(page="metrics")
        shot(f"walk-metrics-{lang}")
        walk.go_to(page="checks")
        shot(f"walk-pitfalls-{lang}")
        s.set_consensus(True)
        walk.go_to(practice=s.framework.dimensions[1].practices[0].id)
        shot(f"walk-consensus-{lang}")
        s.set_consensus(False)
        win.navigate(ScreenKey.RESPONDENTS)
        shot(f"respondents-{lang}")
        win.navigate(ScreenKey.RESULTS)
        shot(f"results-{lang}")
        rv = win.views[ScreenKey.RESULTS]
        settle()
        rv.scroll.verticalScrollBar().setValue(rv.charts["radar"].parentWidget().mapTo(
            rv.scroll.widget(), rv.charts["radar"].pos()).y() - 8)
        shot(f"results-charts-{lang}")
        rv.scroll.verticalScrollBar().setValue(rv.scroll.verticalScrollBar().maximum())
        shot(f"results-heatmap-{lang}")
        rv.scroll.verticalScrollBar().setValue(0)
        win.controllers[ScreenKey.RESULTS].explain_dimension(0)
        if shown:
            dlg = shown.pop()
            dlg.show()
            shot(f"explain-{lang}", dlg)
            dlg.close()
        win.navigate(ScreenKey.ROADMAP)
        win.views[ScreenKey.ROADMAP].tree.setFocus()  # the list in use, not a tile's figure framed
        shot(f"roadmap-{lang}")
        win.navigate(ScreenKey.SETTINGS)
        shot(f"settings-{lang}")
        win.navigate(ScreenKey.RESULTS)
        win.toggle_presentation(full_screen=False)  # offscreen "full screen" has no fixed size
        win.resize(*SIZE)
        shot(f"presentation-{lang}")
        win.navigate(ScreenKey.ROADMAP)
        win.views[ScreenKey.ROADMAP].tree.setFocus()
        shot(f"presentation-roadmap-{lang}")
        win.toggle_presentation()
        win.resize(*SIZE)
        workshop_shots(lang)
        trend_shots(lang)
        event_shots(lang)
        participant_shots(lang)
    wants_live = not args.only or any("live" in part for part in args.only.split(","))
    for lang in langs if wants_live else ():  # the live room only when its pictures are asked for
        s.set_language(lang)
        settings.language = lang
        live_shots(lang)
    win.close()
    for p in written:
        print(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
