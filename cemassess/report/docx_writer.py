"""The editable Word report (.docx, python-docx): the report model's sections with real heading
styles (Heading 1/2, so Word's navigation pane and the table of contents work), a table of
contents field, tables and the charts as PNG. The writer decides only how things look; what
is said comes from cemassess.report.model.

Word fills the table of contents when the document is opened (the file asks it to update
fields); LibreOffice on Tools > Update. Text is inserted as text runs, never parsed.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import io
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.section import Section as DocxSection
from docx.shared import Cm, Pt, RGBColor
from lxml import etree

from cemassess.domain.results import Results
from cemassess.i18n import tr
from cemassess.report import palette
from cemassess.report.detail import Notice, short
from cemassess.report.model import (
    Block,
    Bullets,
    Chart,
    Para,
    ReportModel,
    Section,
    TableBlock,
    Tiles,
    build_model,
    s,
    sections,
)
from cemassess.report.office import chart_pngs, clean
from cemassess.report.theme import Branding, ChartTheme
from cemassess.resources import resource

FONT = "Arial"  # on every Word; LibreOffice maps it to Liberation Sans
LANG_TAG = {"en": "en-GB", "ru": "ru-RU", "uk": "uk-UA"}
TEXT_WIDTH_CM = 16.0
TAIL_ROWS = 3  # a long table's last rows kept together on one page
SPACER = '<w:p><w:pPr><w:spacing w:before="0" w:after="60"/></w:pPr></w:p>'  # under a table
SPACER_KEEP = '<w:p><w:pPr><w:keepNext/><w:spacing w:before="0" w:after="60"/></w:pPr></w:p>'
SHORT_PAGE = 0.3  # a table estimated below this share of a page is kept on one page
HEAD_PT, BODY_PT = 8.5, 8.5  # table text


@functools.lru_cache(maxsize=4)
def _face(bold: bool):
    """The shipped DejaVu Sans face (what LibreOffice puts in where Arial is missing, and wider
    than Arial): measuring with it leaves room in Word too. At 100 pt, for precision."""
    from PIL import ImageFont

    from cemassess.report.fonts import FACES, FAMILY

    return ImageFont.truetype(str(resource("fonts", FACES[f"{FAMILY}-Bold" if bold else FAMILY])), 100)


_ADVANCE: dict[tuple[bool, str], float] = {}  # a character's width at 1 pt, in points


def word_cm(word: str, bold: bool = False, pt: float = HEAD_PT) -> float:
    """How wide `word` prints, in cm: the sum of its characters' widths (no kerning: a little
    generous), each measured once."""
    total = 0.0
    for ch in word:
        w = _ADVANCE.get((bold, ch))
        if w is None:
            w = _ADVANCE[(bold, ch)] = _face(bold).getlength(ch) / 100
        total += w
    return total * pt / 72 * 2.54


def fit_widths(block: TableBlock, width_cm: float) -> list[float]:
    """The table's column shares, widened where a column is narrower than its longest word
    (a header, a date, an answer code: Word would break it mid-word), the room taken from the
    columns that can spare it. A body word counts up to 14 characters (a user's very
    long word wraps anyway), and no column asks for more than 30 % of the width."""
    shares = list(block.widths)
    margin = 0.4  # cm: the cell's left and right padding and a little slack

    def longest(texts, bold: bool, limit: int) -> float:
        words = {w[:limit] for text in texts for w in text.split()}
        return max((word_cm(w, bold, HEAD_PT if bold else BODY_PT) for w in words), default=0.0)

    details = set(block.details) | ({block.detail_col} if block.detail_col >= 0 else set())
    bold_rows = set(block.groups) | ({len(block.rows) - 1} if block.total else set())
    need = []
    for j, head in enumerate(block.head):
        bold: list[str] = []
        plain: list[str] = []
        for i, r in enumerate(block.rows[:200]):
            if j < len(r):  # printed bold: a group's or the total's row, a detail's first line
                first, _, rest = r[j].partition("\n")
                (bold if i in bold_rows or j in details else plain).append(first)
                plain.append(rest)
        cm = max(longest([head], True, 40), longest(bold, True, 14), longest(plain, False, 14))
        need.append(min((cm + margin) / width_cm, 0.3) if cm else 0.0)
    wide = [max(s, n) for s, n in zip(shares, need, strict=True)]
    excess = sum(wide) - 1
    if excess > 1e-9:  # the room comes from the columns wider than they need, in proportion
        slack = [w - n for w, n in zip(wide, need, strict=True)]
        room = sum(slack)
        wide = ([w - excess * sl / room for w, sl in zip(wide, slack, strict=True)] if room >= excess
                else [w / sum(wide) for w in wide])  # too narrow for every word: all give alike
    shares = wide
    return shares


def table_height_cm(block: TableBlock, widths_cm: list[float]) -> float:
    """A rough height of the table (lines of about 0.15 cm per character, 0.4 cm each), to
    tell a table that fits on a page from one that must break."""
    import math

    total = 0.5  # the header
    for row in block.rows:
        lines = 0
        for text, w in zip(row, widths_cm, strict=False):
            per_line = max(1, int((w - 0.35) / 0.15))
            lines = max(lines, sum(math.ceil(max(1, len(x)) / per_line) for x in text.split("\n")))
        total += lines * 0.4 + 0.1
    return total


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor(*palette.rgb(hex_colour))


def _field(paragraph, instr: str, placeholder: str = "", size: float | None = None) -> None:
    """A Word field (TOC, PAGE, NUMPAGES) as begin / instruction / separate / result / end."""
    def fld(kind: str):
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            el.set(qn("w:dirty"), "true")
        return el

    run = paragraph.add_run()
    run._r.append(fld("begin"))
    run = paragraph.add_run()
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = instr
    run._r.append(it)
    run = paragraph.add_run()
    run._r.append(fld("separate"))
    shown = paragraph.add_run(placeholder)
    if size is not None:
        shown.font.size = Pt(size)
    run = paragraph.add_run()
    run._r.append(fld("end"))


def _run(text: str, size: float | None = None, bold: bool = False, colour: str = "", *, italic: bool = False) -> str:
    """A text run as WordprocessingML (the text escaped; `clean` it first)."""
    rpr = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + (
        f'<w:color w:val="{colour}"/>' if colour else "")
    if size is not None:
        sz = int(size * 2)
        rpr += f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>'
    return f'<w:r>{"<w:rPr>" + rpr + "</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _p(runs: str, after: int = 30) -> str:
    """A paragraph inside a table cell."""
    return f'<w:p><w:pPr><w:spacing w:before="0" w:after="{after}"/></w:pPr>{runs}</w:p>'


def _tbl(total: int, cols: list[int], rows: str, borders: bool = True) -> str:
    """A fixed-grid table of `total` twips (the grid style draws its rules; none for tiles and boxes)."""
    style = '<w:tblStyle w:val="TableGrid"/>' if borders else ""
    return (f'<w:tbl><w:tblPr>{style}<w:tblW w:w="{total}" w:type="dxa"/>'
            '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="90" w:type="dxa"/><w:right w:w="90" '
            'w:type="dxa"/></w:tblCellMar><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
            'w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>'
            + "".join(f'<w:gridCol w:w="{w}"/>' for w in cols) + "</w:tblGrid>" + rows + "</w:tbl>")


def _png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, from the PNG's header."""
    if png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) >= 24:
        return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    return 4, 3


def _set_lang(style, tag: str) -> None:
    r_pr = style.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)
    lang.set(qn("w:bidi"), tag)
    r_pr.append(lang)


class DocxWriter:
    def __init__(self, res: Results, lang: str, branding: Branding | None = None, *, anonymous: bool = False,
                 theme: ChartTheme | None = None, images: dict[str, Any] | None = None, trend: Any = None,
                 anonymised: bool = False) -> None:
        self.images = images  # charts already drawn for a report set (name -> RGB image)
        if anonymous and not anonymised:  # anonymised: the caller did it (a report set)
            from cemassess.report.anonymity import anonymise

            res = anonymise(res)
        self.res, self.lang = res, lang if lang in ("en", "ru", "uk") else "en"
        self.branding = branding or Branding()
        self.trend = trend  # earlier assessments of the same company: the "Change over time" chapter
        self.model: ReportModel = build_model(res, self.lang, consultant=self.branding.consultant,
                                              anonymous=anonymous or anonymised, trend=trend)
        self.theme = theme or ChartTheme(accent=self.branding.accent)
        self.accent = self.branding.accent
        self.width_cm = TEXT_WIDTH_CM  # of the current section (landscape for the wide tables)

    # -- styles ------------------------------------------------------------------------------
    def _styles(self, doc) -> None:
        st = doc.styles
        normal = st["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(10)
        normal.font.color.rgb = _rgb(palette.INK)
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
        normal.paragraph_format.space_after = Pt(5)
        _set_lang(normal, LANG_TAG[self.lang])
        for name, size in (("Title", 26), ("Heading 1", 17), ("Heading 2", 12.5), ("Heading 3", 10.5)):
            h = st[name]
            h.font.name = FONT
            h.font.size = Pt(size)
            h.font.bold = True
            h.font.color.rgb = _rgb(self.accent if name in ("Title", "Heading 1") else palette.INK)
            fonts = h.element.get_or_add_rPr().get_or_add_rFonts()
            fonts.set(qn("w:eastAsia"), FONT)
            for theme_attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                fonts.attrib.pop(qn(theme_attr), None)  # a theme font would override ours
        for name in ("Subtitle", "Caption"):
            st[name].font.name = FONT
            st[name].font.color.rgb = _rgb(palette.MUTED)
        st["Caption"].font.size = Pt(8.5)
        st["Caption"].font.italic = False
        st["Caption"].font.bold = False
        for name in ("Header", "Footer"):  # fields (the page number) take the paragraph's size
            st[name].font.size = Pt(8)
            st[name].font.color.rgb = _rgb(palette.MUTED)

    def _page(self, doc) -> None:
        sec = doc.sections[0]
        sec.orientation = WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
        sec.left_margin = sec.right_margin = Cm(2.5)
        sec.top_margin, sec.bottom_margin = Cm(2.2), Cm(2.0)
        sec.different_first_page_header_footer = True
        head = sec.header.paragraphs[0]
        head.text = ""
        run = head.add_run(short(clean(self.model.company), 70))  # one line, as the PDF's header
        run.font.size, run.font.bold = Pt(8), True
        head.add_run("  ·  " + tr("app_name", self.lang)).font.size = Pt(8)
        if self.model.draft:
            mark = head.add_run("    " + s("m.draft", self.lang))
            mark.font.bold, mark.font.size = True, Pt(11)
            mark.font.color.rgb = _rgb(palette.WARN)
        foot = sec.footer.paragraphs[0]
        foot.text = ""
        who = (self.model.firm + " · ") if self.model.firm else ""
        foot.add_run(clean(who + self.model.date.isoformat()) + "    ").font.size = Pt(8)
        before, _, after = s("page", self.lang, n="\x00").partition("\x00")  # "Page {n} of" + the total
        foot.add_run(before).font.size = Pt(8)
        _field(foot, "PAGE", "1", size=8)
        foot.add_run(after + " ").font.size = Pt(8)
        _field(foot, "NUMPAGES", "1", size=8)
        if self.model.draft:
            first = sec.first_page_header.paragraphs[0]
            mark = first.add_run(s("m.draft", self.lang))
            mark.font.bold, mark.font.size = True, Pt(11)
            mark.font.color.rgb = _rgb(palette.WARN)

    # -- content -----------------------------------------------------------------------------
    def _cover(self, doc) -> None:
        m = self.model
        if self.branding.consultant:
            p = doc.add_paragraph()
            r = p.add_run(clean(self.branding.consultant))
            r.bold = True
            r.font.color.rgb = _rgb(self.accent)
        if self.branding.logo is not None:
            with contextlib.suppress(Exception):  # checked by the caller; a logo never costs the report
                doc.add_picture(str(self.branding.logo), height=Cm(2.0))
        kicker = doc.add_paragraph()
        k = kicker.add_run(s("cover.kicker", self.lang).upper())
        k.bold, k.font.size = True, Pt(9)
        k.font.color.rgb = _rgb(self.accent)
        doc.add_paragraph(s("cover.title", self.lang), style="Title")
        doc.add_paragraph(s("cover.subtitle", self.lang), style="Subtitle")
        comp = doc.add_paragraph()
        cr = comp.add_run(clean(m.company))
        cr.bold = True
        cr.font.size = Pt(20 if len(m.company) <= 60 else 14 if len(m.company) <= 160 else 11)
        if m.title:
            doc.add_paragraph(clean(m.title))
        facts = [(k, v) for k, v in m.facts if not (self.branding.consultant and k == s("m.by", self.lang))]
        t = doc.add_table(rows=0, cols=2)
        t.alignment = WD_TABLE_ALIGNMENT.LEFT
        t.autofit = False
        t.columns[0].width, t.columns[1].width = Cm(4.5), Cm(TEXT_WIDTH_CM - 4.5)
        for k, v in facts:
            row = t.add_row().cells
            row[0].text, row[1].text = clean(k), clean(v)
            row[0].paragraphs[0].runs[0].font.color.rgb = _rgb(palette.MUTED)
            row[0].width, row[1].width = Cm(4.5), Cm(TEXT_WIDTH_CM - 4.5)
        doc.add_paragraph()
        closing = doc.add_paragraph(clean(m.confidential), style="Caption")
        closing.paragraph_format.space_after = Pt(14)
        doc.add_paragraph(s("m.contents", self.lang), style="Heading 3")
        _field(doc.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u', s("m.toc_hint", self.lang))
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # -- blocks as WordprocessingML: python-docx's paragraph-by-paragraph API costs a tenth of a
    # second per hundred paragraphs (and moving parsed elements into the document as much), so
    # the body after the cover is written into a buffer and the document parsed once from it
    def _picture(self, doc, png: bytes, width_cm: float, keep: bool) -> None:
        """A chart, centred: the image part made by python-docx, its drawing written into the
        buffer (no paragraph object, so nothing is moved between trees)."""
        inline = doc.part.new_pic_inline(io.BytesIO(png), Cm(width_cm), None)
        drawing = etree.tostring(inline, encoding="unicode")
        kn = "<w:keepNext/>" if keep else ""
        self._xml.append(f'<w:p><w:pPr>{kn}<w:jc w:val="center"/></w:pPr><w:r><w:drawing>{drawing}</w:drawing>'
                         "</w:r></w:p>")

    def _para(self, runs: str, style: str = "", *, jc: str = "", keep: bool = False, page_break: bool = False,
              indent: int = 0, after: int | None = None, extra: str = "") -> None:
        ppr = (f'<w:pStyle w:val="{style}"/>' if style else "") + ("<w:keepNext/>" if keep else "") + (
            "<w:pageBreakBefore/>" if page_break else "") + extra + (
            f'<w:spacing w:before="0" w:after="{after}"/>' if after is not None else "") + (
            f'<w:ind w:left="{indent}"/>' if indent else "") + (f'<w:jc w:val="{jc}"/>' if jc else "")
        self._xml.append(f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{runs}</w:p>")

    def _tiles(self, block: Tiles) -> str:
        """The key figures side by side, as the PDF's tiles: label, figure, what it means."""
        n = max(1, len(block.items))
        total = int(self.width_cm / 2.54 * 1440)
        w = total // n
        fill = palette.tint(self.accent, 0.94)[1:]
        accent = self.accent.lstrip("#")
        muted = palette.MUTED[1:]
        border = f'<w:tcBorders><w:top w:val="single" w:sz="16" w:color="{accent}"/></w:tcBorders>'
        cells = []
        for tile in block.items:
            value = _run(clean(tile.value), 13 if tile.words else 20, True, accent) + (
                _run(clean(tile.unit), 10, True, accent) if tile.unit else "")
            paras = (_p(_run(clean(tile.label).upper(), 7.5, True, muted), after=40) + _p(value, after=60)
                     + _p(_run(clean(tile.note), 8), after=0))
            cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{border}'
                         f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/></w:tcPr>{paras}</w:tc>')
        return _tbl(total, [w] * n, "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + "".join(cells) + "</w:tr>",
                    borders=False)

    def _notice(self, block: Notice) -> str:
        """A warning box: a tinted cell with a bar on its left (the assessment is incomplete)."""
        total = int(self.width_cm / 2.54 * 1440)
        warn = palette.WARN[1:]
        paras = _p(_run(clean(block.title), 9, True, warn), after=40) + "".join(
            _p(_run(clean(x), 8.8, False, warn), after=30) for x in block.lines)
        cell = (f'<w:tc><w:tcPr><w:tcW w:w="{total}" w:type="dxa"/><w:tcBorders><w:left w:val="single" '
                f'w:sz="20" w:color="{warn}"/></w:tcBorders><w:shd w:val="clear" w:color="auto" '
                f'w:fill="{palette.WARN_BG[1:]}"/></w:tcPr>{paras}</w:tc>')
        return _tbl(total, [total], "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + cell + "</w:tr>", borders=False)

    def _table(self, block: TableBlock, keep_last: bool = False) -> str:
        """A table as WordprocessingML: fixed column grid, header row repeated on every page in
        the accent colour, zebra rows, text escaped; rows marked for review shaded as a warning,
        a total row bold under a rule. A short table stays on one page, a long one keeps its
        last rows together; `keep_last`: its end stays with what follows (a note, the next table)."""
        total = int(self.width_cm / 2.54 * 1440)  # twips
        shares = fit_widths(block, self.width_cm)
        cols = [int(total * w) for w in shares]
        page_cm = (21.0 if self.width_cm > TEXT_WIDTH_CM else 29.7) - 4.2
        short = table_height_cm(block, [self.width_cm * w for w in shares]) < page_cm * SHORT_PAGE
        white, muted, zebra = palette.WHITE[1:], palette.MUTED[1:], palette.ZEBRA[1:]
        accent = self.accent.lstrip("#")
        group_fill = palette.tint(self.accent, 0.86)[1:]
        groups, marked = set(block.groups), set(block.marked)
        details = set(block.details) | ({block.detail_col} if block.detail_col >= 0 else set())
        notes = set(block.notes)

        def para(runs: str, how: str = "l", keep: bool = False) -> str:
            jc = {"c": '<w:jc w:val="center"/>', "r": '<w:jc w:val="right"/>'}.get(how, "")
            kn = "<w:keepNext/>" if keep else ""
            return f'<w:p><w:pPr>{kn}<w:spacing w:before="0" w:after="{gap}"/>{jc}</w:pPr>{runs}</w:p>'

        # a compact table (the executive roadmap, one page in the PDF): smaller small print
        body_pt, small_pt, gap = (8.2, 7.2, 0) if block.compact else (8.5, 7.8, 30)

        def cell(width: int, paras: str, fill: str = "", rule: bool = False) -> str:
            shd = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
            top = f'<w:tcBorders><w:top w:val="single" w:sz="10" w:color="{accent}"/></w:tcBorders>' if rule else ""
            return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{top}{shd}</w:tcPr>{paras}</w:tc>'

        def align(j: int) -> str:  # the column's alignment
            return block.align[j] if j < len(block.align) else "l"

        rows = ['<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>'
                + "".join(cell(w, para(_run(clean(h), 8.5, True, white), align(j)), accent) for j, (h, w) in
                          enumerate(zip(block.head, cols, strict=True))) + "</w:tr>"]
        n_rows = len(block.rows)
        for i, row in enumerate(block.rows):
            cells = []
            group = i in groups
            last = block.total and i == n_rows - 1
            # a group's head row stays with its first row, and a long table's last rows stay
            # together (Word's "keep with next"): a page never ends on a lone row
            # the first row stays with the second (a heading never ends a page with one row under it)
            keep = (group or i == 0 or i >= n_rows - TAIL_ROWS or short) and (i < n_rows - 1 or keep_last)
            fill = (group_fill if group else palette.WARN_BG[1:] if i in marked
                    else zebra if i % 2 and not groups and not last else "")
            for j, (text, w) in enumerate(zip(row, cols, strict=True)):
                lines = clean(text).split("\n")
                detail = j in details and len(lines) > 1
                small = detail or j in notes
                ps = [para(_run(lines[0], body_pt, detail or group or last), align(j), keep)]
                for k, line in enumerate(lines[1:]):
                    ps.append(para(_run(line, small_pt if small else body_pt, False, muted if small and (k == 0 or j in notes)
                                        else ""), align(j), keep))
                cells.append(cell(w, "".join(ps), fill, rule=last))
            rows.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>" + "".join(cells) + "</w:tr>")
        # the space under the table stays with what follows too
        return _tbl(total, cols, "".join(rows)) + (SPACER_KEEP if keep_last else SPACER)

    def _block(self, doc, block, charts: dict[str, bytes], after: Block | None = None) -> None:
        """One block; `after`, the block that follows it in its section, decides what stays
        together on a page: a paragraph with the table, chart or list it introduces, a
        table with the note under it."""
        if isinstance(block, Para):
            keep = isinstance(after, TableBlock | Chart | Bullets | Tiles | Notice) or isinstance(after, Para) and (
                block.style in ("strong", "mono") or after.style == "warn")
            st = block.style
            label = _run(clean(block.label) + " ", 8.5 if st in ("small", "small_b") else None, True,
                         palette.WARN[1:] if st == "warn" else "") if block.label else ""
            if st in ("small", "small_b"):
                self._para(label + _run(clean(block.text), None, st == "small_b"), "Caption", keep=keep)
            elif st == "mono":
                self._para(_run(clean(block.text), 8.5 if block.indent else 9), indent=block.indent * 120, after=30,
                           keep=keep)
            else:
                size = {"lead": 11.5, "warn": 9.2, "note": 9}.get(st)
                colour = {"warn": palette.WARN[1:], "note": palette.MUTED[1:]}.get(st, "")
                self._para(label + _run(clean(block.text), size, st in ("strong", "warn"), colour, italic=st == "note"),
                           keep=keep)
        elif isinstance(block, Bullets):
            for item in block.items:
                self._para(_run(clean(item), 8.5 if block.small else None), "ListBullet")
        elif isinstance(block, TableBlock):
            self._xml.append(self._table(block, keep_last=isinstance(after, Para) and after.style in (
                "small", "small_b", "note", "warn")))
        elif isinstance(block, Tiles):
            self._xml.append(self._tiles(block) + SPACER)
        elif isinstance(block, Notice):
            self._xml.append(self._notice(block) + SPACER)
        elif isinstance(block, Chart):
            png = charts.get(block.name)
            if png is not None:
                width = self.width_cm * block.width
                if block.height:
                    w_px, h_px = _png_size(png)
                    page_h = (21.0 if self.width_cm > TEXT_WIDTH_CM else 29.7) - 4.2
                    width = min(width, page_h * block.height * w_px / max(1, h_px))
                self._picture(doc, png, width, keep=bool(block.caption))
                if block.caption:
                    self._para(_run(clean(block.caption)), "Caption")

    def _sect(self, landscape: bool, first: bool) -> str:
        """A section's properties as XML: the page in portrait or landscape, the margins; the
        header and footer of the first section carry on; only the cover has its own first page."""
        sp = copy.deepcopy(self._template)
        sec = DocxSection(sp, None)
        sec.start_type = WD_SECTION.NEW_PAGE
        sec.different_first_page_header_footer = first
        long, short_ = Cm(29.7), Cm(21.0)
        if landscape:
            sec.orientation, sec.page_width, sec.page_height = WD_ORIENT.LANDSCAPE, long, short_
        else:
            sec.orientation, sec.page_width, sec.page_height = WD_ORIENT.PORTRAIT, short_, long
        sec.left_margin = sec.right_margin = Cm(2.5)
        return etree.tostring(sp, encoding="unicode")

    def _orient(self, landscape: bool) -> None:
        """A section break (a new page in the other orientation). The break goes into the empty
        paragraph under the last table when there is one (a paragraph of its own could spill
        onto a blank page)."""
        sect = self._sect(self._landscape, self._first)
        tail = next((sp for sp in (SPACER, SPACER_KEEP) if self._xml and self._xml[-1].endswith(sp)), None)
        if tail is not None:
            self._xml[-1] = self._xml[-1][: -len(tail)]
        self._xml.append('<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:rPr><w:sz w:val="2"/>'
                         f'<w:szCs w:val="2"/></w:rPr>{sect}</w:pPr></w:p>')
        self._landscape, self._first = landscape, False
        self.width_cm = (29.7 if landscape else 21.0) - 5.0

    def build(self) -> bytes:
        doc = Document()
        self._styles(doc)
        self._page(doc)
        secs: list[Section] = sections(self.res, self.model)
        names = [b.name for sec in secs for b in sec.blocks if isinstance(b, Chart)]
        charts = chart_pngs(self.res, self.lang, self.theme, names, self.images, trend=self.trend)
        self._cover(doc)
        body = doc.element.body
        self._template = body[-1]  # the first section's properties (the cover's own first page)
        self._landscape, self._first = False, True
        self._xml = []
        for n, sec in enumerate(secs):
            new_page = False
            if sec.landscape != self._landscape:  # a new page in the other orientation (the wide tables)
                self._orient(sec.landscape)
            elif sec.level == 1 and n > 0:
                new_page = True  # "page break before" on the heading: no empty paragraph on a page of its own
            # the heading stays with what follows it (the heading styles keep with next)
            self._para(_run(clean(sec.title)), f"Heading{min(sec.level, 3)}", page_break=new_page)
            for i, block in enumerate(sec.blocks):
                self._block(doc, block, charts, sec.blocks[i + 1] if i + 1 < len(sec.blocks) else None)
        # the document from one string: the cover python-docx made, the buffer, the last section
        root = etree.tostring(doc.element, encoding="unicode")
        head = root[: root.index("<w:body>") + len("<w:body>")]
        cover = "".join(etree.tostring(el, encoding="unicode") for el in body[:-1])
        last = self._sect(self._landscape, self._first)
        doc.part._element = doc._element = parse_xml(head + cover + "".join(self._xml) + last
                                                     + "</w:body></w:document>")
        cp = doc.core_properties
        cp.title = clean(f"{tr('app_name', self.lang)}: {self.model.company}")[:250]
        cp.author = clean(self.model.firm or "cemassess")[:250]
        cp.language = LANG_TAG[self.lang]
        cp.subject = s("meta.subject", self.lang)
        # Word refreshes the fields (the table of contents) when it opens the file
        settings = doc.settings.element
        upd = OxmlElement("w:updateFields")
        upd.set(qn("w:val"), "true")
        settings.append(upd)
        buf = io.BytesIO()
        doc.save(buf)
        return buf.getvalue()


def build_docx(res: Results, lang: str, branding: Branding | None = None, *, anonymous: bool = False,
               trend: Any = None) -> bytes:
    return DocxWriter(res, lang, branding, anonymous=anonymous, trend=trend).build()
