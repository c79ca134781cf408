"""Figures to pixels and to PNG files, without pyplot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure


def figure_to_image(fig: Figure, dpi: float | None = None) -> Any:
    """An RGB PIL image of the figure at its own dpi (or `dpi`)."""
    from PIL import Image

    if dpi is not None:
        fig.set_dpi(dpi)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    w, h = canvas.get_width_height(physical=True)
    rgba = Image.frombuffer("RGBA", (w, h), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    return rgba.convert("RGB")


def figure_to_png(fig: Figure, path: Path | Any, dpi: float | None = None) -> Path | Any:
    """Write the figure as a PNG to a path or a binary file (no timestamp in the metadata)."""
    FigureCanvasAgg(fig)
    fig.savefig(path, format="png", dpi=dpi or fig.get_dpi(), metadata={"Software": None})
    return path
