"""A full disk mid-answer: a clear one-line error, nothing half-written, nothing lost."""

from __future__ import annotations

import errno
import os

import pytest

from cemassess.demo import make_demo
from cemassess.domain.assessment import Answer
from cemassess.store import Portfolio, StoreIOError
from cemassess.store import journal as journal_mod


def test_disk_full_while_saving_an_answer(tmp_path, monkeypatch):
    a = make_demo()
    pid = next(iter(a.answers["r1"]))
    with Portfolio.open(tmp_path) as p:
        p.create(a)
        p.set_answer(a.id, "r1", pid, Answer(value=1))  # acknowledged
        real_write = os.write

        def half_then_full(fd, data):  # the disk fills up in the middle of the line
            real_write(fd, bytes(data[: len(data) // 2]))
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(journal_mod.os, "write", half_then_full)
        with pytest.raises(StoreIOError) as e:
            p.set_answer(a.id, "r1", pid, Answer(value=5, comment="lost?"))
        assert "could not save the change" in str(e.value) and "space" in str(e.value).lower()
        assert "\n" not in str(e.value)
        assert p.get(a.id).answers["r1"][pid].value == 1  # memory never ran ahead of the disk
        monkeypatch.setattr(journal_mod.os, "write", real_write)  # space is freed
        p.set_answer(a.id, "r1", pid, Answer(value=3))
    with Portfolio.open(tmp_path) as p:
        assert p.get(a.id).answers["r1"][pid].value == 3
        assert not p.recovery.problems  # no torn line was left behind
