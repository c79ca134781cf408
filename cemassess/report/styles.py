"""Report styles as data: paragraph styles, colours and table styles, from one accent colour."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from cemassess.report import palette

INK = colors.HexColor(palette.INK)
MUTED = colors.HexColor(palette.MUTED)
RULE = colors.HexColor(palette.RULE)
ZEBRA = colors.HexColor(palette.ZEBRA)
WARN = colors.HexColor(palette.WARN)
WARN_BG = colors.HexColor(palette.WARN_BG)


def _accent(value: str) -> colors.Color:
    try:
        return colors.HexColor(value)
    except (ValueError, TypeError):
        return colors.HexColor("#1f5f8b")


def tint(c: colors.Color, amount: float) -> colors.Color:
    """Mix with white (amount 0 = the colour, 1 = white)."""
    return colors.Color(c.red + (1 - c.red) * amount, c.green + (1 - c.green) * amount,
                        c.blue + (1 - c.blue) * amount)


@dataclass
class Styles:
    font: str
    accent: colors.Color
    s: dict[str, ParagraphStyle]

    def __getitem__(self, key: str) -> ParagraphStyle:
        return self.s[key]

    def table(self, *, header: bool = True, zebra: bool = True, extra: list | None = None) -> TableStyle:
        cmds: list = [
            # plain-string cells (numbers, answer codes: cheaper than Paragraphs) in our font
            ("FONTNAME", (0, 0), (-1, -1), self.font),
            ("FONTSIZE", (0, 0), (-1, -1), 8),
            ("LEADING", (0, 0), (-1, -1), 10.4),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ]
        if header:
            cmds += [("BACKGROUND", (0, 0), (-1, 0), self.accent),
                     ("LINEBELOW", (0, 0), (-1, 0), 0.8, self.accent)]
        if zebra:
            cmds.append(("ROWBACKGROUNDS", (0, 1 if header else 0), (-1, -1), [colors.white, ZEBRA]))
        return TableStyle(cmds + (extra or []))


def make_styles(font: str, accent: str) -> Styles:
    acc = _accent(accent)
    bold = f"{font}-Bold"
    italic = f"{font}-Italic"
    base = ParagraphStyle("body", fontName=font, fontSize=9.2, leading=13, textColor=INK,
                          spaceAfter=5, splitLongWords=1, allowOrphans=0, allowWidows=0)

    def st(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    s = {
        "body": base,
        "lead": st("lead", fontSize=10.5, leading=15, spaceAfter=8),
        "small": st("small", fontSize=7.8, leading=10.4, textColor=MUTED, spaceAfter=3),
        "note": st("note", fontName=italic, fontSize=8.2, leading=11, textColor=MUTED, spaceAfter=4),
        "caption": st("caption", fontSize=7.8, leading=10.4, textColor=MUTED, spaceBefore=2, spaceAfter=8),
        "bullet": st("bullet", leftIndent=11, bulletIndent=2, spaceAfter=3),
        # Headings are kept with what follows by a CondPageBreak before them (see flow.Ctx), not by
        # keepWithNext: reportlab would move a heading and a long table to a new page together.
        "h1": st("h1", fontName=bold, fontSize=18, leading=23, textColor=acc, spaceBefore=0, spaceAfter=10),
        "h2": st("h2", fontName=bold, fontSize=12.2, leading=16, textColor=INK, spaceBefore=12, spaceAfter=5),
        "h2_tight": st("h2_tight", fontName=bold, fontSize=12.2, leading=16, textColor=INK, spaceBefore=6,
                       spaceAfter=4),
        "h3": st("h3", fontName=bold, fontSize=9.6, leading=13, textColor=INK, spaceBefore=8, spaceAfter=3),
        "kicker": st("kicker", fontName=bold, fontSize=7.6, leading=10, textColor=acc, spaceAfter=2,
                     keepWithNext=1),
        "cell": st("cell", fontSize=8, leading=10.4, spaceAfter=0),
        "cell_small": st("cell_small", fontSize=7.2, leading=9.3, textColor=MUTED, spaceAfter=0),
        "cell_b": st("cell_b", fontName=bold, fontSize=8, leading=10.4, spaceAfter=0),
        "cell_r": st("cell_r", fontSize=8, leading=10.4, spaceAfter=0, alignment=TA_RIGHT),
        "cell_c": st("cell_c", fontSize=8, leading=10.4, spaceAfter=0, alignment=TA_CENTER),
        "th": st("th", fontName=bold, fontSize=7.8, leading=10, textColor=colors.white, spaceAfter=0),
        "th_r": st("th_r", fontName=bold, fontSize=7.8, leading=10, textColor=colors.white, spaceAfter=0,
                   alignment=TA_RIGHT),
        "th_c": st("th_c", fontName=bold, fontSize=7.8, leading=10, textColor=colors.white, spaceAfter=0,
                   alignment=TA_CENTER),
        "kpi_value": st("kpi_value", fontName=bold, fontSize=20, leading=24, textColor=acc, spaceAfter=0),
        "kpi_label": st("kpi_label", fontName=bold, fontSize=7.4, leading=9.5, textColor=MUTED, spaceAfter=2),
        "kpi_note": st("kpi_note", fontSize=7.6, leading=10, textColor=INK, spaceAfter=0),
        "warn": st("warn", fontSize=8.6, leading=12, textColor=WARN, spaceAfter=0),
        "warn_b": st("warn_b", fontName=bold, fontSize=8.6, leading=12, textColor=WARN, spaceAfter=2),
        "mono": st("mono", fontSize=7.8, leading=10.6, spaceAfter=1, leftIndent=0),
        "cover_kicker": st("cover_kicker", fontName=bold, fontSize=10, leading=14, textColor=acc,
                           spaceAfter=6),
        "cover_title": st("cover_title", fontName=bold, fontSize=26, leading=32, spaceAfter=6),
        "cover_sub": st("cover_sub", fontSize=12.5, leading=17, textColor=MUTED, spaceAfter=26),
        "cover_company": st("cover_company", fontName=bold, fontSize=22, leading=27, textColor=INK,
                            spaceAfter=14, alignment=TA_LEFT),
        "cover_meta_k": st("cover_meta_k", fontSize=8.6, leading=12, textColor=MUTED, spaceAfter=0),
        "cover_meta_v": st("cover_meta_v", fontSize=9.4, leading=12.5, spaceAfter=0),
    }
    return Styles(font, acc, s)
