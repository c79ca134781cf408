"""Strict reading of assessment files: every hostile file gives one clear message."""

from __future__ import annotations

import json

import pytest

from cemassess.domain.assessment import Answer, Assessment
from cemassess.exchange import assessment_file as af
from cemassess.exchange.strictjson import MAX_BYTES, FileFormatError


def good() -> dict:
    a = Assessment()
    a.company.name = "Acme"
    r = a.add_respondent("Ann")
    a.set_answer(r.id, "loyalty.x", Answer(value=3, comment="ok"))
    return a.model_dump(mode="json")


def write(tmp_path, content, name="a.cemassess.json"):
    p = tmp_path / name
    p.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return p


def test_roundtrip(tmp_path):
    a = af.from_data(good())
    p = tmp_path / "x.cemassess.json"
    af.write_assessment(a, p)
    b = af.read_assessment(p)
    assert b == a
    assert "Acme" in p.read_text(encoding="utf-8")


def test_bom_is_accepted(tmp_path):
    p = write(tmp_path, b"\xef\xbb\xbf" + json.dumps(good()).encode())
    assert af.read_assessment(p).company.name == "Acme"


def test_cyrillic_is_not_escaped(tmp_path):
    a = af.from_data(good())
    a.company.name = "Ромашка"
    assert "Ромашка".encode() in af.dumps_assessment(a)


HOSTILE = {
    "empty": b"",
    "garbage": b"\x00\x01\x02 not json",
    "not utf8": b'{"format": "\xff\xfe"}',
    "truncated": json.dumps(good())[:200],
    "nan": json.dumps(good()).replace('"retention_rate": null', '"retention_rate": NaN'),
    "infinity": json.dumps(good()).replace('"retention_rate": null', '"retention_rate": Infinity'),
    "duplicate key": json.dumps(good()).replace('{"format"', '{"format": "x", "format"', 1),
    "deep nesting": "[" * 100_000 + "]" * 100_000,
    "list at top": "[1, 2, 3]",
    "other format": json.dumps({"format": "something-else", "format_version": 1}),
    "newer version": json.dumps({**good(), "format_version": 99}),
    "version is text": json.dumps({**good(), "format_version": "1"}),
    "unknown field": json.dumps({**good(), "surprise": 1}),
    "answer out of range": json.dumps(good()).replace('"value": 3', '"value": 7'),
    "answer is bool": json.dumps(good()).replace('"value": 3', '"value": true'),
    "answer is float": json.dumps(good()).replace('"value": 3', '"value": 3.0'),
    "unknown respondent": json.dumps(good()).replace('"answers": {"r1"', '"answers": {"r9"'),
    "long string": json.dumps({**good(), "assessor": "x" * 10_000}),
    "zip": b"PK\x03\x04" + b"\x00" * 100,
    "png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
    "bad id": json.dumps({**good(), "id": "../../etc/passwd"}),
    "retention > 100": json.dumps(good()).replace('"retention_rate": null', '"retention_rate": 120'),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_files_give_one_clear_message(tmp_path, case):
    p = write(tmp_path, HOSTILE[case])
    with pytest.raises(FileFormatError) as e:
        af.read_assessment(p)
    msg = str(e.value)
    assert msg.startswith(p.name) and "\n" not in msg and "Traceback" not in msg
    assert len(msg) < 400


def test_too_large_is_refused_before_reading(tmp_path):
    p = tmp_path / "big.json"
    with p.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    with pytest.raises(FileFormatError, match="too large"):
        af.read_assessment(p)


def test_many_respondents_bounded(tmp_path):
    data = good()
    data["respondents"] = [{"id": f"r{i}", "name": "", "role": "other"} for i in range(501)]
    with pytest.raises(FileFormatError, match="respondents"):
        af.from_data(data)


def test_older_versions_are_migrated(monkeypatch):
    """The migration registry upgrades a file step by step before validating it."""
    old = good()
    old["format_version"] = 0
    old["company_name"] = old["company"].pop("name")  # a pretend version-0 layout

    def v0_to_v1(d):
        d["company"]["name"] = d.pop("company_name")
        return d

    monkeypatch.setitem(af.MIGRATIONS, 0, v0_to_v1)
    assert af.from_data(old).company.name == "Acme"
    monkeypatch.delitem(af.MIGRATIONS, 0)
    with pytest.raises(FileFormatError, match="cannot be upgraded"):
        af.from_data({**good(), "format_version": 0})
