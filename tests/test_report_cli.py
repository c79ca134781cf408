"""`cemassess report` and `export_tables` from the command line side."""

from __future__ import annotations

import io

import pypdf
import pytest

from cemassess.cli import main


@pytest.fixture()
def demo_file(tmp_path):
    path = tmp_path / "demo.json"
    assert main(["demo", str(path), "--lang", "ru"]) == 0
    return path


def test_report_command_writes_a_pdf(demo_file, tmp_path, capsys):
    out = tmp_path / "r.pdf"
    assert main(["report", str(demo_file), "-o", str(out), "--lang", "en", "--consultant", "CX Partners",
                 "--accent", "#335577"]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    assert reader.metadata.author == "CX Partners"
    assert "Executive summary" in reader.pages[1].extract_text()


@pytest.mark.parametrize(("extra", "message"), [
    (["-o", "{tmp}/missing/r.pdf"], "no such folder"),
    (["-o", "{tmp}"], "is a folder"),
    (["-o", "{tmp}/r.txt"], "must end in .pdf"),
    (["-o", "{tmp}/r.pdf", "--accent", "red"], "#RRGGBB"),
    (["-o", "{tmp}/r.pdf", "--logo", "{tmp}/nope.png"], "no such logo"),
    (["-o", "{tmp}/r.pdf", "--segment", "no-such-segment"], "no benchmark segment"),
    (["-o", "{tmp}/r.pdf", "--accent", "#ffffff"], "contrast 1.0:1"),
    (["-o", "{tmp}/r.docx", "--accent", "#ffcc00"], "below 4.5:1"),
    (["-o", "{tmp}/r.pdf", "--logo", "{json}"], "not a readable image"),
    (["-o", "{tmp}/r.pptx", "--logo", "{json}"], "not a readable image"),
])
def test_report_command_errors_are_one_line(demo_file, tmp_path, capsys, extra, message):
    args = ["report", str(demo_file)] + [x.format(tmp=tmp_path, json=demo_file) for x in extra]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_export_tables_for_the_export_command(demo_file, tmp_path):
    from cemassess.cli import load_assessment, results_for
    from cemassess.cli_report import export_tables

    res = results_for(load_assessment(str(demo_file)))
    written = export_tables(res, tmp_path / "a.csv", tmp_path / "a.xlsx", "ru")
    assert [p.name for p in written] == ["a.csv", "a.xlsx"]
    assert export_tables(res, None, tmp_path / "b.xlsx", "en")[0].name == "b.xlsx"


def test_data_dir_before_or_after_the_subcommand():
    from cemassess.cli import build_parser

    p = build_parser()
    assert p.parse_args(["--data-dir", "X", "report", "a.json", "-o", "o.pdf"]).data_dir == "X"
    assert p.parse_args(["report", "a.json", "-o", "o.pdf", "--data-dir", "Y"]).data_dir == "Y"


@pytest.mark.parametrize("ext", ["docx", "pptx"])
def test_report_command_writes_word_and_slides(demo_file, tmp_path, capsys, ext):
    out = tmp_path / f"r.{ext}"
    assert main(["report", str(demo_file), "-o", str(out), "--consultant", "CX Partners", "--lang", "ru"]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    if ext == "docx":
        from docx import Document

        doc = Document(str(out))
        assert any(p.style.name == "Heading 1" and p.text == "Краткое резюме" for p in doc.paragraphs)
    else:
        from pptx import Presentation

        assert len(Presentation(str(out)).slides) >= 8


def test_anonymous_report_names_nobody(demo_file, tmp_path):
    from cemassess.cli import load_assessment

    a = load_assessment(str(demo_file))
    names = [r.name for r in a.respondents if r.name]
    assert names
    for ext in ("pdf", "docx", "pptx"):
        out = tmp_path / f"anon.{ext}"
        assert main(["report", str(demo_file), "-o", str(out), "--anonymous"]) == 0
        text = _extract(out)
        assert text.strip()
        for name in names:
            for part in name.split():
                if len(part) > 3:
                    assert part not in text, (ext, part)


def _extract(path) -> str:
    if path.suffix == ".pdf":
        return "\n".join(p.extract_text() for p in pypdf.PdfReader(str(path)).pages)
    from test_report_office import docx_text, pptx_text

    data = path.read_bytes()
    return docx_text(data)[0] if path.suffix == ".docx" else pptx_text(data)
