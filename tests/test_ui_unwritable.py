"""A data folder that cannot be written (a full disk, a read-only medium or folder) opens as a
read-only view with a banner saying so, instead of ending the app after its message."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from cemassess.demo import make_demo
from cemassess.store import Portfolio
from cemassess.ui._testsupport import make_window, patch_dialogs
from cemassess.ui.screens import ScreenKey


@pytest.fixture
def answers(monkeypatch):
    return patch_dialogs(monkeypatch)


def check_read_only_view(win, answers, aid: str) -> None:
    assert [k for k, _ in answers.asked if k == "error"] == [], "the app ended after its message"
    s = win.session
    assert s.read_only
    banner = win.views[ScreenKey.START].banner
    assert banner.isVisible()
    assert banner.label.text().startswith("This data folder cannot be written: read-only view")
    assert "read-only" in win.windowTitle()
    assert not win.actions_by_key["new"].isEnabled()
    s.open(aid)  # what is there can be looked at...
    assert s.assessment.id == aid and s.assessment.answers
    pid = s.framework.dimensions[0].practices[0].id
    before = s.assessment.model_dump()
    s.update_answer(pid, value=1)  # ...but not changed
    assert s.assessment.model_dump() == before
    win.close()


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS])
def test_an_unwritable_data_folder_opens_read_only(qtbot, answers, monkeypatch, tmp_path, code):
    data = tmp_path / "data"
    demo = make_demo("en")
    with Portfolio.open(data) as p:
        p.create(demo)
    import cemassess.store.portfolio as portfolio_mod

    def refuse(path, data, *a, **k):  # the running marker is the first thing written
        raise OSError(code, os.strerror(code), str(path))

    monkeypatch.setattr(portfolio_mod, "atomic_write_bytes", refuse)
    win = make_window(qtbot, data_dir=str(data))
    text = win.views[ScreenKey.START].banner.label.text()
    assert os.strerror(code) in text  # the reason, in the store's words
    check_read_only_view(win, answers, demo.id)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="permissions do not stop root: the simulated test above covers it")
def test_a_read_only_folder_for_real(qtbot, answers, tmp_path):
    data = tmp_path / "data"
    demo = make_demo("en")
    with Portfolio.open(data) as p:
        p.create(demo)
    modes = {}
    for d in [data, *[x for x in data.rglob("*") if x.is_dir()]]:
        modes[d] = d.stat().st_mode
        d.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        win = make_window(qtbot, data_dir=str(data))
        check_read_only_view(win, answers, demo.id)
    finally:
        for d, mode in modes.items():
            d.chmod(mode)


def test_an_unreadable_data_folder_still_ends_with_its_message(qtbot, answers, monkeypatch, tmp_path):
    import cemassess.ui.portfolio as ui_portfolio
    from cemassess.store import StoreIOError

    def fail(data_dir, read_only=False):
        raise StoreIOError(f"could not open the portfolio in {data_dir}: Input/output error")

    monkeypatch.setattr(ui_portfolio, "open_portfolio", fail)
    win = make_window(qtbot, boot=False)
    assert win.boot(str(tmp_path)) is False
    assert [k for k, _ in answers.asked] == ["error"]
