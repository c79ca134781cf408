"""Test setup: Qt offscreen before any Qt import; temporary data folders only."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from cemassess.content import load_framework  # noqa: E402

TESTS = Path(__file__).parent
DATA = TESTS / "data"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """No test ever touches the real user data folder."""
    d = tmp_path_factory.mktemp("cemassess-data")
    monkeypatch.setenv("CEMASSESS_DATA_DIR", str(d))
    monkeypatch.setenv("CEMASSESS_CONFIG_DIR", str(d / "config"))
    return d


@pytest.fixture(scope="session")
def fw():
    return load_framework()


@pytest.fixture(scope="session")
def tiny_fw():
    from cemassess.content import load_framework_file

    return load_framework_file(DATA / "tiny-framework.json")


@pytest.fixture
def participant(qtbot, tmp_path):
    """Participant mode on a questionnaire file in tmp_path (cemassess.ui._testsupport.Participant)."""
    from cemassess.ui._testsupport import Participant

    return Participant(qtbot, tmp_path)
