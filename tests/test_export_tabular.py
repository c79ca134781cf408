"""CSV and XLSX exports: long-format answers, formula injection neutralised, sheets and frozen headers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from cemassess.domain.assessment import Answer, CustomAction
from cemassess.domain.results import evaluate
from cemassess.exchange.export_tabular import neutralise, write_chart_pngs, write_csv, write_xlsx

EVIL = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR", '=HYPERLINK("http://x","y")']
# formulas a spreadsheet may find however it splits the file, and lookalikes
SNEAKY = ["x;=1+1;y", "\n=1+1", "\uff1d1+1", "  =1+1", "\u00a0@cmd", "a,+1", "a|-1", "a\tb\t=1", "line\n=2*2"]
CONTROL = "esc\x1b[2J nul\x00 bel\x07 end"


@pytest.fixture(scope="module")
def res(fw):
    from cemassess.demo import make_demo

    a = make_demo("ru")
    rids = [r.id for r in a.respondents]
    pids = list(fw.practices)
    # model_construct: the writers must hold even for text that bypassed the domain's hygiene
    # rule (which strips control characters and CR on the way in)
    for i, text in enumerate(EVIL):
        a.answers[rids[i % len(rids)]][pids[i]] = Answer.model_construct(value=3, comment=text)
    for i, text in enumerate(SNEAKY):
        a.answers[rids[i % len(rids)]][pids[len(EVIL) + i]] = Answer.model_construct(value=2, comment=text)
    a.answers[rids[0]][pids[len(EVIL) + len(SNEAKY)]] = Answer.model_construct(value=4, comment=CONTROL)
    a.respondents[0].name = "=evil name"
    a.company.name = "Beta\x07 Co \u00abкавычки\u00bb"
    a.roadmap.custom.append(CustomAction(id="c.evil", title="=2*3 own", dimension=fw.dimensions[0].id,
                                         owner="@owner", kpi="-kpi"))
    from cemassess.cli import results_for

    return results_for(a)  # with the shipped (illustrative) benchmark


def test_neutralise():
    assert [neutralise(x) for x in EVIL] == ["'" + x for x in EVIL]
    assert neutralise("plain") == "plain" and neutralise(3) == 3 and neutralise(-2.5) == -2.5
    assert neutralise("") == ""
    assert neutralise("a-b, 3-4") == "a-b, 3-4"  # a minus inside a word or number is no formula


FORMULA_AFTER = re.compile("(^|[,;\t|\\r\\n])[ \u00a0\u3000]*[=+\\-@\uff1d\uff0b\uff0d\uff20]")


@pytest.mark.parametrize("text", SNEAKY + EVIL)
def test_neutralise_whatever_the_separator(text):
    """Split the neutralised field at every separator a spreadsheet might use: no piece may
    start (after whitespace) with a formula character."""
    out = neutralise(text)
    assert not FORMULA_AFTER.search(out.lstrip("'")) or out.startswith("'")
    pieces = re.split("[,;\t|\r\n]", out)
    assert all(not p.lstrip(" \u00a0\u3000").startswith(("=", "+", "-", "@", "\uff1d")) for p in pieces), pieces
    assert out.replace("'", "") == text.replace("'", "")  # nothing but apostrophes added


def test_control_characters_are_replaced():
    out = neutralise(CONTROL)
    assert "\x1b" not in out and "\x00" not in out and "\x07" not in out and out.count("\ufffd") == 3


def test_csv_long_format_bom_and_formula_cells(res, tmp_path):
    path = write_csv(res, tmp_path / "a.csv", "ru")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for Excel
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    head, body = rows[0], rows[1:]
    assert head[:3] == ["Id респондента", "Респондент", "Роль"] and "Уровень" in head
    n_answers = sum(len(per) for per in res.assessment.answers.values())
    assert len(body) == n_answers
    comments = {r[head.index("Комментарий")] for r in body}
    for text in EVIL:
        assert "'" + text in comments and text not in comments
    assert any(r[1] == "'=evil name" for r in body)
    levels = {r[head.index("Уровень")] for r in body}
    assert levels <= {"1", "2", "3", "4", "5", "na", "dk", ""} and "3" in levels
    # numbers are written bare (not quoted), so a spreadsheet reads them as numbers
    assert ";3;" in raw.decode("utf-8-sig")


def test_csv_english_uses_commas(res, tmp_path):
    text = write_csv(res, tmp_path / "a.csv", "en").read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("Respondent id,Respondent,Role,")


def test_xlsx_sheets_frozen_headers_and_text_cells(res, tmp_path):
    path = write_xlsx(res, tmp_path / "a.xlsx", "en")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Summary", "Dimensions", "Answers", "Roadmap", "Respondents x practices",
                             "Perception gaps"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws.column_dimensions["A"].width >= 8
    answers = wb["Answers"]
    values = [c.value for row in answers.iter_rows(min_row=2) for c in row]
    cells = {c.value.replace("\r", "\n"): c for row in answers.iter_rows(min_row=2) for c in row
             if isinstance(c.value, str)}
    for text in EVIL + SNEAKY:
        # stored as typed (XML has no bare CR: openpyxl reads "\r" back as "\n"), no apostrophe
        key = text.replace("\r", "\n")
        assert key in cells, text
        assert cells[key].data_type == "s"
    assert cells["=1+1"].quotePrefix and cells["-2+3"].quotePrefix
    assert not any(isinstance(v, str) and v.startswith("'") for v in values)
    assert CONTROL.replace("\x1b", "\ufffd").replace("\x00", "\ufffd").replace("\x07", "\ufffd") in values
    assert all(c.data_type != "f" for ws in wb.worksheets for row in ws.iter_rows() for c in row)
    head = [c.value for c in answers[1]]
    level_col = head.index("Level")
    assert any(isinstance(row[level_col].value, int) for row in answers.iter_rows(min_row=2))
    roadmap = wb["Roadmap"]
    titles = [row[2].value for row in roadmap.iter_rows(min_row=2)]
    assert "=2*3 own" in titles
    summary = {row[0].value: row[1].value for row in wb["Summary"].iter_rows(min_row=2)}
    assert summary["Company"] == res.assessment.company.name.replace("\x07", "\ufffd")
    assert "ILLUSTRATIVE" in summary["Benchmark"]
    ru = load_workbook(write_xlsx(res, tmp_path / "ru.xlsx", "ru"))
    assert ru.sheetnames[:4] == ["Сводка", "Измерения", "Ответы", "Дорожная карта"]


def test_xlsx_number_formats_dates_and_new_sheets(res, tmp_path):
    wb = load_workbook(write_xlsx(res, tmp_path / "f.xlsx", "en"))
    summary = {row[0].value: row[1] for row in wb["Summary"].iter_rows(min_row=2)}
    date = summary["Assessment date"]
    assert isinstance(date.value, dt.datetime) and date.value.date() == res.assessment.date
    assert date.number_format == "yyyy-mm-dd"
    assert summary["Progress within the current phase"].number_format == "0.0%"
    assert 0 <= summary["Progress within the current phase"].value <= 1
    dims = wb["Dimensions"]
    head = [c.value for c in dims[1]]
    row = next(dims.iter_rows(min_row=2))
    assert row[head.index("Coverage")].number_format == "0%"
    assert row[head.index("Score")].number_format == "0.0" and isinstance(row[head.index("Score")].value, float)
    # respondent x practice: one row per practice, one column per respondent
    m = wb["Respondents x practices"]
    assert m.max_row - 1 == len(res.framework.practices)
    assert m.max_column == 3 + len(res.assessment.respondents)
    levels = {c.value for row in m.iter_rows(min_row=2, min_col=4) for c in row}
    assert levels <= {1, 2, 3, 4, 5, "na", "dk", None} and 3 in levels
    gaps = wb["Perception gaps"]
    assert gaps.max_row - 1 == len(res.practice_gaps) and len(res.practice_gaps) > 0
    # custom actions are "own", not "edited"; generated untouched ones are not edited either
    rm = wb["Roadmap"]
    head = [c.value for c in rm[1]]
    for row in rm.iter_rows(min_row=2):
        if row[head.index("Own action")].value == "yes":
            assert row[head.index("Edited")].value == "no"


def test_xlsx_converts_in_libreoffice_headless(res, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    # required, as for the Word report and the slides: the round trip is what proves that no
    # formula runs and no apostrophe shows
    assert soffice, "LibreOffice (soffice) is needed for this test (Debian package libreoffice-calc-nogui)"
    path = write_xlsx(res, tmp_path / "a.xlsx", "ru")
    out = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", str(tmp_path / "lo"), str(path)],
        capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    # -1: every sheet to its own file, a-<sheet>.csv
    text = (tmp_path / "lo" / "a-Сводка.csv").read_text(encoding="utf-8")
    assert "Компания" in text and "кавычки" in text
    # the formula-like comments come out as the text typed: not evaluated (no "2" for =1+1,
    # no 6 for =2*3), no visible apostrophe
    answers = (tmp_path / "lo" / "a-Ответы.csv").read_text(encoding="utf-8")
    roadmap = (tmp_path / "lo" / "a-Дорожная карта.csv").read_text(encoding="utf-8")
    values = {v for t in (answers, roadmap) for r in csv.reader(io.StringIO(t)) for v in r}
    for text in ("=1+1", "-2+3", "@cmd", "x;=1+1;y", "\uff1d1+1", "  =1+1", "=2*3 own", "=evil name"):
        assert text in values, text
    assert not any(v.startswith("'") for v in values)


def test_chart_pngs(res, tmp_path):
    paths = write_chart_pngs(res, tmp_path / "charts", "ru")
    names = [p.name for p in paths]
    assert names == ["01-radar.png", "02-gap-bars.png", "03-role-heatmap.png", "04-nps-panel.png",
                     "05-phase-progress.png", "06-timeline.png"]
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in paths)


def test_tiny_framework_exports(tiny_fw, tmp_path):
    from cemassess.domain.assessment import Assessment

    a = Assessment(framework=tiny_fw.id)
    r = a.add_respondent("Solo")
    a.set_answer(r.id, "alpha.one", Answer(value="dk", comment="+?"))
    a.set_answer(r.id, "beta.one", Answer(value="na"))
    res = evaluate(tiny_fw, a)
    rows = list(csv.reader(io.StringIO(write_csv(res, tmp_path / "t.csv", "en").read_text(encoding="utf-8-sig"))))
    assert [r[7] for r in rows[1:]] == ["dk", "na"] and rows[1][8] == "'+?"

    assert load_workbook(write_xlsx(res, tmp_path / "t.xlsx", "en")).sheetnames[0] == "Summary"
    assert [p.name for p in write_chart_pngs(res, tmp_path / "c", "en")] == [
        "01-radar.png", "02-gap-bars.png", "05-phase-progress.png"]  # no roadmap: no timeline


def test_csv_neutralises_for_either_separator(res, tmp_path):
    for lang, sep in (("en", ","), ("ru", ";")):
        raw = write_csv(res, tmp_path / f"{lang}.csv", lang).read_text(encoding="utf-8-sig")
        # read it with the OTHER separator, as a spreadsheet in another locale would
        other = ";" if sep == "," else ","
        for row in csv.reader(io.StringIO(raw), delimiter=other):
            for field in row:
                for piece in field.split("\n"):
                    s = piece.lstrip(" \u00a0\u3000\"")
                    assert not s.startswith(("=", "+", "@", "\uff1d")), (lang, field)
        assert "\x1b" not in raw and "\x00" not in raw
