"""Starting the app: no display, --selftest, settings, and the speed of what the GUI
thread does (evaluate on the demo, the PDF and tables built off it)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cemassess.ui.app import NO_DISPLAY, has_display
from cemassess.ui.settings import Settings


def run_app(*args: str, env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cemassess.ui.app", *args], capture_output=True,
                          text=True, timeout=timeout, env=env)


def test_without_a_display_it_says_so_in_one_line():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = run_app(env=env)
    if sys.platform.startswith("linux"):
        assert out.returncode == 1
        assert out.stderr.strip() == NO_DISPLAY
        assert out.stdout == ""


def test_has_display():
    assert not has_display({}, "linux")
    assert has_display({"DISPLAY": ":0"}, "linux")
    assert has_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert has_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert has_display({}, "win32") and has_display({}, "darwin")


def test_selftest_scores_the_demo_and_writes_a_pdf(tmp_path):
    env = dict(os.environ, CEMASSESS_DATA_DIR=str(tmp_path / "never-used"))
    env.pop("QT_QPA_PLATFORM", None)  # --selftest picks offscreen itself
    out = run_app("--selftest", env=env, timeout=180)
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert "demo scored: CEM index" in text and "charts drawn: 5 of 5" in text
    assert "PDF written" in text and text.rstrip().splitlines()[-1].startswith("cemassess selftest: ok")
    assert "live room: served from a child process" in text  # the app's own live path, ended
    assert not (tmp_path / "never-used").exists()  # the selftest works in a temporary folder


def test_settings_are_typed_and_kept_in_an_ini_file(tmp_path):
    s = Settings(tmp_path / "c.ini")
    assert s.get("branding/accent") == "#1f5f8b"
    s.set("branding/consultant", "CX Partners")
    s.language = "ru"
    with pytest.raises(TypeError):
        s.set("branding/consultant", 3)
    with pytest.raises(KeyError):
        s.get("no/such")
    s.sync()
    again = Settings(tmp_path / "c.ini")
    assert again.get("branding/consultant") == "CX Partners" and again.language == "ru"
    assert "[branding]" in (tmp_path / "c.ini").read_text(encoding="utf-8")


def test_settings_default_to_the_config_env_folder():
    s = Settings()
    assert s.path.parent == Path(os.environ["CEMASSESS_CONFIG_DIR"])


def test_evaluate_is_fast_enough_for_the_gui_thread(fw):
    """Screens call evaluate() after every change: the demo (5 respondents x 50 practices,
    with a benchmark) must stay far below the 100 ms a GUI handler may take."""
    from cemassess.content import load_benchmarks
    from cemassess.demo import make_demo
    from cemassess.domain.results import evaluate

    a, pack = make_demo("en", fw), load_benchmarks()
    evaluate(fw, a, benchmarks=pack, segment_id="distribution")
    times = []
    for _ in range(15):
        t0 = time.perf_counter()
        evaluate(fw, a, benchmarks=pack, segment_id="distribution")
        times.append(time.perf_counter() - t0)
    times.sort()
    assert times[len(times) // 2] < 0.03, times
