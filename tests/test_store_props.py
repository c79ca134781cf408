"""Properties of the journal and the store, checked on generated cases (hypothesis)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_helpers.common import make_assessment
from store_helpers.faults import PRACTICES, RESPONDENTS, VALUES, apply_model, state_of

from cemassess.store import Portfolio
from cemassess.store.journal import encode_line, scan_bytes

entries = st.lists(st.fixed_dictionaries({
    "seq": st.integers(1, 10**9), "op": st.just("fields"),
    "v": st.fixed_dictionaries({"title": st.text(max_size=30)})}), max_size=20)


@given(entries, st.data())
@settings(max_examples=150)
def test_a_journal_cut_anywhere_yields_exactly_a_prefix(items, data) -> None:
    header = encode_line({"journal": 1, "id": "x", "base": 0})
    lines = [encode_line(e) for e in items]
    raw = header + b"".join(lines)
    cut = data.draw(st.integers(0, len(raw)))
    js = scan_bytes(raw[:cut], "x")
    assert js.usable and js.damaged_lines == 0
    assert items[: len(js.entries)] == js.entries
    complete = len(header) <= cut and sum(1 for i in range(len(lines))
                                          if len(header) + sum(map(len, lines[:i + 1])) <= cut)
    assert len(js.entries) == complete
    assert js.torn_tail == (0 if cut in _boundaries(header, lines) else 1)


def _boundaries(header: bytes, lines: list[bytes]) -> set[int]:
    out, pos = {0, len(header)}, len(header)
    for line in lines:
        pos += len(line)
        out.add(pos)
    return out


answer = st.one_of(st.none(), st.fixed_dictionaries({
    "value": st.sampled_from(VALUES), "comment": st.text(max_size=20), "review": st.booleans()}))
op = st.one_of(
    st.tuples(st.just("answer"), st.sampled_from(RESPONDENTS), st.sampled_from(PRACTICES), answer),
    st.tuples(st.just("title"), st.text(max_size=20)))


@given(st.lists(op, max_size=40), st.integers(1, 7))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_what_is_read_back_is_what_was_written(ops, compact_every) -> None:
    a = make_assessment(respondents=4)
    model = {"answers": {}, "title": ""}
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        with Portfolio.open(folder, compact_every=compact_every) as p:
            p.create(a)
            for o in ops:
                if o[0] == "title":
                    title = o[1]
                    p.update(a.id, lambda x, t=title: setattr(x, "title", t))
                else:
                    p.set_answer(a.id, o[1], o[2], o[3])
                model = apply_model(model, o)
            with Portfolio.open(folder, read_only=True) as ro:  # before close: journal + snapshot
                assert state_of(ro.get(a.id)) == _normal(model)
        with Portfolio.open(folder) as p:  # after close: snapshot only
            assert state_of(p.get(a.id)) == _normal(model)


def _normal(model: dict) -> dict:
    """An answer with no value, no comment and no review flag is no answer."""
    answers = {k: v for k, v in model["answers"].items()
               if v["value"] is not None or v["comment"] or v["review"]}
    return {"answers": answers, "title": model["title"]}
