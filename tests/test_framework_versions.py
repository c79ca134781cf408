"""Frameworks are versioned on import: never installed over another version, and an
assessment keeps the framework it was answered on (issue 12, item 4)."""

from __future__ import annotations

import json
from pathlib import Path

from cemassess.cli import main
from cemassess.domain.assessment import Answer, Assessment
from cemassess.exchange.assessment_file import write_assessment

DATA = Path(__file__).parent / "data"
PRACTICES = ("alpha.one", "alpha.two", "alpha.three", "beta.one", "beta.two")


def _variant(tmp_path: Path, name: str, version: str, rename: bool = False, title: str = "") -> Path:
    raw = json.loads((DATA / "tiny-framework.json").read_text(encoding="utf-8"))
    raw["version"] = version
    if title:
        raw["title"]["en"] = title
    text = json.dumps(raw, ensure_ascii=False)
    if rename:  # a new version whose practices are all different
        for pid in PRACTICES:
            text = text.replace(f'"{pid}"', f'"{pid}x"')
    out = tmp_path / name
    out.write_text(text, encoding="utf-8")
    return out


def _score(data: Path, f: Path, capsys) -> float | None:
    assert main(["--data-dir", str(data), "score", str(f), "--json"]) == 0
    return json.loads(capsys.readouterr().out)["overall"]


def test_newer_version_keeps_the_one_assessments_were_answered_on(tmp_path, capsys):
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "frameworks", "import", str(_variant(tmp_path, "v1.json", "0.1"))]) == 0
    capsys.readouterr()
    a = Assessment(framework="tiny", framework_version="0.1")
    r = a.add_respondent("x")
    for pid in PRACTICES:
        a.set_answer(r.id, pid, Answer(value=4))
    f = tmp_path / "a.cemassess.json"
    write_assessment(a, f)
    assert _score(data, f, capsys) == 75.0

    v2 = _variant(tmp_path, "v2.json", "0.2", rename=True)
    assert main(["--data-dir", str(data), "frameworks", "import", str(v2)]) == 0
    out = capsys.readouterr().out
    assert "updated: tiny 0.2" in out and "0.1 kept" in out
    assert _score(data, f, capsys) == 75.0  # before: "not scored" (its practices were gone)
    unversioned = tmp_path / "b.cemassess.json"  # a file that does not say which version
    write_assessment(a.model_copy(update={"framework_version": "", "id": "nover1"}), unversioned)
    assert _score(data, unversioned, capsys) == 75.0
    files = sorted(p.name for p in (data / "frameworks").iterdir() if not p.name.startswith("."))
    assert files == ["tiny.json", "tiny@0.1.json"]
    assert main(["--data-dir", str(data), "frameworks", "list"]) == 0
    listing = capsys.readouterr().out
    assert "installed  0.2" in listing and "kept       0.1" in listing


def test_same_version_other_content_and_older_version_never_go_over(tmp_path, capsys):
    data = tmp_path / "data"
    v2 = _variant(tmp_path, "v2.json", "0.2")
    assert main(["--data-dir", str(data), "frameworks", "import", str(v2)]) == 0
    installed = (data / "frameworks" / "tiny.json").read_bytes()
    capsys.readouterr()
    # the very same file again: nothing to do, not an error
    assert main(["--data-dir", str(data), "frameworks", "import", str(v2)]) == 0
    assert "already installed: tiny 0.2" in capsys.readouterr().out
    # same id and version, other content: refused, the installed file untouched
    changed = _variant(tmp_path, "changed.json", "0.2", title="Changed behind your back")
    assert main(["--data-dir", str(data), "frameworks", "import", str(changed)]) == 2
    out = capsys.readouterr().out
    assert "refused: changed.json" in out and "already installed with other content" in out
    assert (data / "frameworks" / "tiny.json").read_bytes() == installed
    # an older version: kept beside, the newer one stays the default
    old = _variant(tmp_path, "old.json", "0.1.5", rename=True)
    assert main(["--data-dir", str(data), "frameworks", "import", str(old)]) == 0
    assert "installed beside: tiny 0.1.5" in capsys.readouterr().out
    assert (data / "frameworks" / "tiny.json").read_bytes() == installed
    assert (data / "frameworks" / "tiny@0.1.5.json").is_file()


def test_version_order_is_numeric():
    from cemassess.content import version_key

    assert version_key("1.2") < version_key("1.10") < version_key("2")
    assert version_key("1") == version_key("1.0.0")
