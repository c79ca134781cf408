"""Small flowables and helpers the report's sections are built from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reportlab.lib.utils import ImageReader
from reportlab.platypus import CondPageBreak, Flowable, FrameBreak, Paragraph, Spacer, Table

from cemassess.i18n import num, tr
from cemassess.report.strings import STRINGS
from cemassess.report.text import TEXT_CAP, cap, esc

if TYPE_CHECKING:
    from cemassess.domain.results import Results
    from cemassess.report.styles import Styles
    from cemassess.report.theme import Branding


class Heading(Paragraph):
    """A section title that also becomes a PDF bookmark (outline entry) at `level`."""

    def __init__(self, plain: str, style: Any, level: int, key: str) -> None:
        super().__init__(esc(plain), style)
        self.outline_text = plain
        self.outline_level = level
        self.outline_key = key


class ChartImage(Flowable):
    """A chart rendered to pixels once, drawn at a given width (aspect kept)."""

    def __init__(self, image: Any, width: float, max_height: float | None = None) -> None:
        super().__init__()
        self.image = image
        w_px, h_px = image.size
        self.draw_width = width
        self.draw_height = width * h_px / w_px
        if max_height is not None and self.draw_height > max_height:
            self.draw_height = max_height
            self.draw_width = max_height * w_px / h_px
        self.hAlign = "CENTER"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.draw_width > availWidth:  # e.g. inside a narrower frame: scale down
            k = availWidth / self.draw_width
            self.draw_width, self.draw_height = availWidth, self.draw_height * k
        return self.draw_width, self.draw_height

    def draw(self) -> None:
        self.canv.drawImage(ImageReader(self.image), 0, 0, self.draw_width, self.draw_height, mask=None)


class WidowTable(Table):
    """A table that can refuse to leave fewer than `min_tail` of its rows alone on the next
    page: it then splits a few rows earlier. Set (by `guard_tails`) only on a section's last
    table, where a lone row would be all the page holds; mid-section, the next heading and
    table fill that page, and splitting earlier would only leave a gap."""

    MIN_TAIL = 3
    min_tail = 0
    after: tuple[Flowable, ...] = ()  # the short notes right after it, which must not stand alone
    _hold = False  # set by wrap: the table fits, the notes after it do not

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        w, h = super().wrap(availWidth, availHeight)
        self._hold = False
        if self.min_tail and self.after and h <= availHeight:
            need = sum(f.wrap(availWidth, availHeight)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                       for f in self.after)
            head = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
            if h + need > availHeight and len(self._cellvalues) - head > self.min_tail:
                # the notes would go to the next page alone: report "too tall" so that the frame
                # splits the table, and the last rows go over with them (see split)
                self._hold = True
                return w, availHeight + 1
        return w, h

    def _carry(self, parts: list[Flowable]) -> None:
        """The rest of a split table keeps the guard; the notes follow only its last part."""
        tables = [p for p in parts if isinstance(p, WidowTable)]
        for part in tables:
            part.min_tail, part.after = self.min_tail, ()
        if tables:
            tables[-1].after = self.after

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self._hold:
            self._hold = False
            heights = getattr(self, "_rowHeights", None) or []
            keep = len(heights) - self.min_tail  # split at that row: the last min_tail go over
            parts = super().split(availWidth, sum(heights[:keep]) + 0.01) if keep > 0 else []
            if len(parts) == 2:
                self._carry(parts)
                return [parts[0], FrameBreak(), parts[1]]
            return []  # cannot give rows: the table goes to the next page with its notes
        parts = super().split(availWidth, availHeight)
        self._carry(parts)
        if len(parts) != 2:
            return parts
        head = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        first = len(parts[0]._cellvalues)
        tail = len(parts[1]._cellvalues) - head
        move = self.min_tail - tail
        if not self.min_tail or tail >= self.min_tail or first - head - move < 2:  # 2: no lone row here either
            return parts
        heights = getattr(self, "_rowHeights", None)
        if not heights or len(heights) < first:
            return parts
        again = super().split(availWidth, sum(heights[:first - move]) + 0.01)  # at that row, whatever room is left
        if len(again) != 2:
            return parts
        # the rest goes to the next page, not into the room freed on this one
        self._carry(again)
        return [again[0], FrameBreak(), again[1]]


def guard_tails(part: list[Flowable]) -> list[Flowable]:
    """Mark the last table of a section (one followed by at most a few short paragraphs, or a
    chart with its heading and caption) so that no page holds a single row of it, nor only the
    notes printed right after it."""
    notes: list[Flowable] = []
    for f in reversed(part):
        if isinstance(f, WidowTable):
            f.min_tail = WidowTable.MIN_TAIL
            if not f.after:  # a section may have said which notes go with it
                f.after = tuple(reversed(notes))[:2]
            break
        if isinstance(f, Heading | CondPageBreak | ChartImage | Spacer):
            notes = []  # a new block starts after the table: only the notes before it go with it
            continue
        if not isinstance(f, Paragraph):
            break
        notes.append(f)
    return part


@dataclass
class Ctx:
    """What every section builder needs."""

    res: Results
    lang: str
    st: Styles
    width: float  # portrait frame width
    lwidth: float  # landscape frame width
    lheight: float  # landscape frame height
    height: float  # portrait frame height
    branding: Branding
    charts: dict[str, Any] = field(default_factory=dict)  # name -> PIL image, or absent
    trend: Any = None  # cemassess.domain.trend.Trend with earlier assessments, or None
    model: Any = None  # cemassess.report.model.ReportModel: what the executive pages say
    _keys: int = 0
    cut: int = 0  # long user texts shortened so far (the appendix says so)

    def c(self, text: object, limit: int = TEXT_CAP) -> str:
        """A long user text (comment, note, dissent) at a readable length; counts the cuts."""
        out, was_cut = cap(text, limit)
        self.cut += was_cut
        return out

    def s(self, key: str, **fmt: object) -> str:
        return tr(key, self.lang, STRINGS, **fmt)

    def key(self) -> str:
        self._keys += 1
        return f"h{self._keys}"

    # -- flowable helpers ------------------------------------------------------------------
    def p(self, markup: str, style: str = "body") -> Paragraph:
        """A paragraph from a template: any user text inside must already be esc()'d."""
        return Paragraph(markup, self.st[style])

    def u(self, text: object, style: str = "body") -> Paragraph:
        """A paragraph of (user) text printed literally."""
        return Paragraph(esc(text), self.st[style])

    def h1(self, title: str) -> list[Flowable]:
        return [Heading(title, self.st["h1"], 0, self.key())]

    def h2(self, title: str, outline: bool = True, need: float = 110) -> list[Flowable]:
        if outline:
            return [CondPageBreak(need), Heading(title, self.st["h2"], 1, self.key())]
        return [CondPageBreak(need), self.u(title, "h2")]

    def h3(self, title: str, need: float = 70) -> list[Flowable]:
        return [CondPageBreak(need), self.u(title, "h3")]

    def chart(self, name: str, width: float | None = None, max_height: float | None = None) -> ChartImage | None:
        img = self.charts.get(name)
        return None if img is None else ChartImage(img, width or self.width, max_height)

    def table(self, rows: Sequence[Sequence[Any]], widths: Sequence[float], *, header: bool = True,
              extra: list | None = None, zebra: bool = True) -> Table:
        t = WidowTable([list(r) for r in rows], colWidths=list(widths), repeatRows=1 if header else 0,
                  style=self.st.table(header=header, zebra=zebra, extra=extra), hAlign="LEFT", splitByRow=1)
        return t

    def th(self, text: str, align: str = "") -> Paragraph:
        return self.u(text, "th" + ({"r": "_r", "c": "_c"}.get(align, "")))


def fmt_score(x: float | None, lang: str = "en") -> str:
    """Scores with one decimal (40.1; 40,1 in Russian and Ukrainian): rounding 19.85 to "20"
    would contradict its level (20 is the next one)."""
    return num(x, lang, 1)


def fmt_int(x: float | None, lang: str = "en") -> str:
    return num(x, lang, 0)


def fmt_level(x: float | None, lang: str = "en") -> str:
    """A level with at most one decimal: 3, 3.5 (3,5): the report model's one level format."""
    from cemassess.report.model import lv

    return lv(x, lang)
