"""`cemassess room`: the room summary and personal PDFs from a folder of answer files."""

from __future__ import annotations

import json
import subprocess
import sys

from pypdf import PdfReader

from cemassess.content import load_framework
from cemassess.domain.assessment import Answer, Assessment, Company
from cemassess.domain.framework import Role
from cemassess.exchange.participant import answer_file_from, dumps

HOSTILE = '<b>R&D</b> "Ω" <img src=x> 0.1 <A'


def make_room(folder, n: int, fw) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        a = Assessment(framework=fw.id, company=Company(name=f"{HOSTILE} {i}" if i == 0 else f"Secret Co {i}"))
        r = a.add_respondent(f"Участник {i}", Role.SERVICE)
        for j, pid in enumerate(fw.practices):
            a.set_answer(r.id, pid, Answer(value=1 + (i + j) % 5))
        (folder / f"p{i}.json").write_bytes(dumps(answer_file_from(a, r.id)))


def text(path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)


def test_room_batch_writes_summary_and_personal_pdfs(tmp_path):
    fw = load_framework()
    make_room(tmp_path / "in", 6, fw)
    (tmp_path / "in" / "broken.json").write_text("{")
    (tmp_path / "in" / "../evil name!.json").write_text("{}")  # lands beside, not inside: ignored
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "cemassess", "room", str(tmp_path / "in"), "-o", str(out),
                          "--lang", "ru", "--event", "Клуб B2B", "--jobs", "2"], capture_output=True, text=True)
    assert run.returncode == 2, run.stderr  # one file refused
    assert "refused: broken.json" in run.stdout
    pdfs = sorted(p.name for p in out.iterdir())
    assert pdfs[-1] == "room-summary.pdf" and len(pdfs) == 7
    summary = text(out / "room-summary.pdf")
    assert "Профиль CEM участников" in summary and "Клуб B2B" in summary
    assert "Secret" not in summary and "R&D" not in summary  # anonymous
    personal = text(out / "personal-001-Участник_0.pdf")
    assert HOSTILE.split()[0] in personal.replace("\n", " ")  # printed literally
    assert "Этот зал" in personal and "Ваш результат на фоне зала" in personal
    for p in out.iterdir():
        assert subprocess.run(["qpdf", "--check", str(p)], capture_output=True).returncode == 0


def test_small_room_shows_no_group_figures(tmp_path):
    fw = load_framework()
    make_room(tmp_path / "in", 3, fw)
    run = subprocess.run([sys.executable, "-m", "cemassess", "room", str(tmp_path / "in"), "-o",
                          str(tmp_path / "out"), "--jobs", "1"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "at least 5" in run.stdout
    summary = text(tmp_path / "out" / "room-summary.pdf")
    assert "five participants upwards" in summary.replace("\n", " ")
    assert "This room" not in text(tmp_path / "out" / "personal-001-Участник_0.pdf")


def test_room_reports_progress_and_cancel(tmp_path):
    import pytest

    from cemassess.report.pdf import ReportCancelled
    from cemassess.workshop import load_room, write_room_reports

    fw = load_framework()
    make_room(tmp_path / "in", 6, fw)
    room = load_room([tmp_path / "in"], fw)
    seen: list[float] = []
    out = tmp_path / "out"
    out.mkdir()
    written = write_room_reports(room, out, jobs=2, progress=seen.append)
    assert len(written) == 7 and seen[-1] == 1.0 and seen == sorted(seen)
    make_room(tmp_path / "big", 14, fw)
    big = load_room([tmp_path / "big"], fw)
    stop = tmp_path / "stop"
    out2 = tmp_path / "out2"
    out2.mkdir()
    with pytest.raises(ReportCancelled):  # cancel as soon as the first personal PDF is done
        write_room_reports(big, out2, jobs=2, progress=lambda x: stop.touch() if x > 1 / 15 else None,
                           cancelled=stop.exists)
    assert len(list(out2.glob("personal-*.pdf"))) < 14  # the queued rest never started


def test_room_summary_a_trainer_presents(tmp_path):
    """Common gaps and first actions, partial participants flagged and left out, small phase
    counts withheld, the event on the personal cover, files named by label or seat."""
    from cemassess.report.room import digest, phase_mix, strips
    from cemassess.workshop import load_room, write_room_reports

    fw = load_framework()
    make_room(tmp_path / "in", 7, fw)
    # the room shares one weakness by construction (the rotating levels of make_room alone give
    # every participant different weakest dimensions and first actions): the first dimension's
    # practices and every phase-1 practice at level 1 for everybody
    first = {p.id for p in fw.dimensions[0].practices} | {p.id for p in fw.practices.values() if p.phase == 1}
    for f in sorted((tmp_path / "in").glob("p*.json")):
        data = json.loads(f.read_text(encoding="utf-8"))
        for pid in first:
            data["answers"][pid]["value"] = 1
        f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    # one participant answers 21 of 50, one has no label
    a = Assessment(framework=fw.id, company=Company(name="Half Co"))
    r = a.add_respondent("", Role.SALES)
    for pid in list(fw.practices)[:21]:
        a.set_answer(r.id, pid, Answer(value=2))
    (tmp_path / "in" / "zz-half.json").write_bytes(dumps(answer_file_from(a, r.id)))
    room = load_room([tmp_path / "in"], fw)
    assert len(room.results) == 8 and room.partial == [7]
    assert room.profile.n == 7  # the partial one is not in the room's figures
    d = digest(room, "en")
    assert d.partial == 1 and d.counted == 7
    assert d.actions and all(c >= 5 for _, c in d.gaps)
    assert all(c >= 5 for _, c in d.actions)
    fig = phase_mix(room.profile, "en")
    small = [n for n in room.profile.phase_mix.values() if 0 < n < 5]
    widths = [p.get_width() for p in fig.axes[0].patches]
    assert all(w == 0 or w >= 5 for w in widths)  # no bar for fewer than five
    if small:
        assert any("fewer than 5" in t.get_text() for t in fig.axes[0].texts)
    you = {dd.id: 50.0 for dd in fw.dimensions}
    sfig = strips(fw, room.profile, "en", you=you)
    assert sfig.legends and sfig.axes[0].get_legend() is None  # the "You" legend is outside the plot
    out = tmp_path / "out"
    out.mkdir()
    written = write_room_reports(room, out, lang="en", event="CX Club Kyiv", jobs=1)
    names = [p.name for p in written]
    assert "personal-001-Участник_0.pdf" in names and "personal-seat-008.pdf" in names
    summary = text(out / "room-summary.pdf").replace("\n", " ")
    assert "most common first actions" in summary and "fewer than 80%" in summary
    assert "DRAFT" not in summary
    personal = text(out / "personal-001-Участник_0.pdf").replace("\n", " ")
    assert "CX Club Kyiv" in personal.split("Executive summary")[0]  # on the cover
    half = text(out / "personal-seat-008.pdf").replace("\n", " ")
    assert f"Partial: you answered 21 of {len(fw.practices)}" in half  # framework 1.1: 51
