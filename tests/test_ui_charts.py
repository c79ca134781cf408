"""Charts in the app (Results and the event room): drawn off the GUI thread, at the width their
slot finally has, each with a title, every word of them inside the picture ("esearch and
customer feedback", "hase 1 attained" and "10" for 100 were parts of words cut off by an
image drawn for another size), and drawn again, once, after the window is resized."""

from __future__ import annotations

import threading

import pytest
from layout_checks import event_files

from cemassess.ui import charts as ui_charts
from cemassess.ui._testsupport import make_window, patch_dialogs, settle
from cemassess.ui.charts import ChartView, wait_for_charts
from cemassess.ui.screens import ScreenKey
from cemassess.ui.strings import t


@pytest.fixture
def drawn(monkeypatch):
    """Every chart drawn: (kind, width asked for, thread, figure)."""
    log: list[tuple] = []
    real_draw, real_render = ui_charts.draw_chart, ui_charts.render
    local = threading.local()

    def draw_chart(kind, res, lang, theme):
        fig = real_draw(kind, res, lang, theme)
        local.fig = fig
        return fig

    def render(kind, res, lang, theme, width_px, ratio, enlarge=False):
        local.fig = None
        image = real_render(kind, res, lang, theme, width_px, ratio, enlarge)
        log.append((kind, width_px, threading.get_ident(), local.fig))
        return image

    monkeypatch.setattr(ui_charts, "draw_chart", draw_chart)
    monkeypatch.setattr(ui_charts, "render", render)
    return log


def outside(fig) -> list[str]:
    """Texts of a drawn figure that reach beyond its edges (cut off in the picture) or were
    shortened with an ellipsis to fit."""
    renderer = fig.canvas.get_renderer()
    w, h = fig.bbox.width, fig.bbox.height
    idle = set()  # labels of ticks outside an axis's view: matplotlib keeps them, never draws them
    for ax in fig.axes:
        for axis in ax._axis_map.values() if hasattr(ax, "_axis_map") else (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            span = (hi - lo) or 1.0
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if not lo - 1e-9 * span <= tick.get_loc() <= hi + 1e-9 * span:
                    idle.update((id(tick.label1), id(tick.label2)))
    out = []
    for text in fig.findobj(lambda a: hasattr(a, "get_text") and hasattr(a, "get_window_extent")):
        if not text.get_visible() or not str(text.get_text()).strip() or id(text) in idle:
            continue
        b = text.get_window_extent(renderer)
        if b.x0 < -1 or b.y0 < -1 or b.x1 > w + 1 or b.y1 > h + 1:
            out.append(f"{text.get_text()!r} at {b.x0:.0f}..{b.x1:.0f} x {b.y0:.0f}..{b.y1:.0f} of {w:.0f}x{h:.0f}")
        elif "…" in str(text.get_text()):  # shortened to fit: a word that matters is gone
            out.append(f"{text.get_text()!r} shortened")
    return out


def check_views(views: list[ChartView], drawn: list, lang: str) -> None:
    assert wait_for_charts(views)
    gui = threading.get_ident()
    for v in views:
        assert v.image is not None, (v.kind, v.label.text())
        last = [d for d in drawn if d[0] == v.kind][-1]
        kind, width, thread, fig = last
        assert thread != gui, f"{kind} was drawn on the GUI thread"
        # drawn for the slot's final width (a few pixels off, e.g. a scroll bar that came
        # later, is not worth drawing again as long as the picture fits)
        assert abs(width - v.width()) <= 0.08 * v.width(), f"{kind} drawn for {width}px, its slot is {v.width()}px"
        shown = v.image.width() / v.image.devicePixelRatio()
        assert shown <= v.width() + 1, f"{kind}: the picture is wider than its slot"
        assert outside(fig) == [], f"{kind}: {outside(fig)}"
        assert v.title.isVisible() and v.title.text() == t(f"chart.title.{kind}", lang)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_results_and_room_charts_at_their_final_size_with_titles(qtbot, monkeypatch, tmp_path, drawn, lang):
    patch_dialogs(monkeypatch)
    win = make_window(qtbot, lang=lang)
    win.resize(1366, 768)
    win.session.create_demo()
    win.navigate(ScreenKey.RESULTS)
    settle(qtbot, 50)
    rv = win.views[ScreenKey.RESULTS]
    check_views(list(rv.charts.values()), drawn, lang)
    gap = [d[3] for d in drawn if d[0] == "gap_bars"][-1].axes[0]  # its scale ends at 100, not ~120
    assert max(gap.get_xticks()) == 100 and tuple(gap.spines["bottom"].get_bounds()) == (0, 100)

    # the window grows: each chart is drawn again for its new slot, once, not at every step
    before = len(drawn)
    for w in (1500, 1600, 1700, 1800, 1920):
        win.resize(w, 1080)
        settle(qtbot)
    assert len(drawn) == before, "drawn again before the resizing stopped (no debounce)"
    settle(qtbot, 400)
    check_views(list(rv.charts.values()), drawn, lang)
    again = [d[0] for d in drawn[before:]]
    assert sorted(again) == sorted(rv.charts), again  # each visible chart once

    # the event room's charts, on the screen and on the projector
    ev = win.controllers[ScreenKey.EVENT]
    win.navigate(ScreenKey.EVENT)
    with qtbot.waitSignal(ev.roomChanged, timeout=30_000):
        ev.add_files([event_files(win.session.framework, tmp_path / "in", 6)])
    settle(qtbot, 50)
    v = win.views[ScreenKey.EVENT]
    check_views(list(v.charts.values()), drawn, lang)
    win.toggle_presentation(full_screen=False)
    win.resize(1366, 768)
    settle(qtbot, 400)
    check_views(list(v.charts.values()), drawn, lang)
    win.toggle_presentation()


def test_the_clipping_check_sees_a_word_cut_off(drawn):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(2, 1), dpi=96)
    FigureCanvasAgg(fig)
    fig.text(-0.2, 0.5, "Research and customer feedback")
    fig.text(0.1, 0.2, "fits")
    fig.canvas.draw()
    assert [x.split(" at ")[0] for x in outside(fig)] == ["'Research and customer feedback'"]
