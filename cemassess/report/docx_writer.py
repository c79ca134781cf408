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
import io
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

from cemassess.domain.results import Results
from cemassess.i18n import tr
from cemassess.report import palette
from cemassess.report.model import (
    Bullets,
    Chart,
    Para,
    ReportModel,
    Section,
    TableBlock,
    build_model,
    s,
    sections,
)
from cemassess.report.office import chart_pngs, clean
from cemassess.report.theme import Branding, ChartTheme

FONT = "Arial"  # on every Word; LibreOffice maps it to Liberation Sans
LANG_TAG = {"en": "en-GB", "ru": "ru-RU", "uk": "uk-UA"}
TEXT_WIDTH_CM = 16.0
TAIL_ROWS = 3  # a long table's last rows kept together on one page


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor(*palette.rgb(hex_colour))


def _shade(cell, hex_colour: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_colour.lstrip("#"))
    tc_pr.append(shd)


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


def _styled(doc, text: str, style_id: str):
    """A paragraph in a style given by its id ("Caption", "ListBullet", "Heading1"): python-docx's
    look-up by name scans every style each time (a tenth of a second for a report)."""
    p = doc.add_paragraph()
    p._p.style = style_id
    if text:
        p.add_run(text)
    return p


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
        run = head.add_run(clean(self.model.company)[:120])
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
        foot.add_run(s("m.page", self.lang) + " ").font.size = Pt(8)
        _field(foot, "PAGE", "1", size=8)
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
        doc.add_paragraph(s("m.contents", self.lang), style="Heading 3")
        _field(doc.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u', s("m.toc_hint", self.lang))
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def _table(self, doc, block: TableBlock) -> None:
        """A table written as one piece of WordprocessingML (python-docx's cell by cell API
        costs a second for the appendix): fixed column grid, header row repeated on every
        page in the accent colour, zebra rows, text escaped."""
        total = int(self.width_cm / 2.54 * 1440)  # twips
        cols = [int(total * w) for w in block.widths]
        white, muted, zebra = palette.WHITE[1:], palette.MUTED[1:], palette.ZEBRA[1:]
        accent = self.accent.lstrip("#")
        group_fill = palette.tint(self.accent, 0.86)[1:]
        groups = set(block.groups)

        def run(text: str, size: float, bold: bool = False, colour: str = "") -> str:
            sz = int(size * 2)
            rpr = ("<w:b/>" if bold else "") + (f'<w:color w:val="{colour}"/>' if colour else "")
            return (f'<w:r><w:rPr>{rpr}<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/></w:rPr>'
                    f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>')

        def para(runs: str, how: str = "l", keep: bool = False) -> str:
            jc = {"c": '<w:jc w:val="center"/>', "r": '<w:jc w:val="right"/>'}.get(how, "")
            kn = "<w:keepNext/>" if keep else ""
            return f'<w:p><w:pPr>{kn}<w:spacing w:before="0" w:after="30"/>{jc}</w:pPr>{runs}</w:p>'

        def cell(width: int, paras: str, fill: str = "") -> str:
            shd = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
            return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shd}</w:tcPr>{paras}</w:tc>'

        def align(j: int) -> str:  # the column's alignment
            return block.align[j] if j < len(block.align) else "l"

        rows = ['<w:tr><w:trPr><w:tblHeader/></w:trPr>'
                + "".join(cell(w, para(run(clean(h), 8.5, True, white), align(j)), accent) for j, (h, w) in
                          enumerate(zip(block.head, cols, strict=True))) + "</w:tr>"]
        n_rows = len(block.rows)
        for i, row in enumerate(block.rows):
            cells = []
            group = i in groups
            # a group's head row stays with its first row, and a long table's last rows stay
            # together (Word's "keep with next"): a page never ends on a lone row
            keep = (group or n_rows > 2 * TAIL_ROWS and i >= n_rows - TAIL_ROWS) and i < n_rows - 1
            fill = group_fill if group else zebra if i % 2 and not groups else ""
            for j, (text, w) in enumerate(zip(row, cols, strict=True)):
                lines = clean(text).split("\n")
                detail = j == block.detail_col and len(lines) > 1
                ps = [para(run(lines[0], 8.5, detail or group), align(j), keep)]
                for k, line in enumerate(lines[1:]):
                    ps.append(para(run(line, 7.8 if detail else 8.5, False, muted if detail and k == 0 else ""),
                                   align(j), keep))
                cells.append(cell(w, "".join(ps), fill))
            rows.append(("<w:tr><w:trPr><w:cantSplit/></w:trPr>" if keep else "<w:tr>") + "".join(cells) + "</w:tr>")
        xml = (f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{total}" w:type="dxa"/>'
               '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
               'w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>'
               + "".join(f'<w:gridCol w:w="{w}"/>' for w in cols) + "</w:tblGrid>" + "".join(rows) + "</w:tbl>")
        body = doc.element.body
        body.insert(len(body) - 1, parse_xml(xml))  # before the closing section properties
        doc.add_paragraph()

    def _block(self, doc, block, charts: dict[str, bytes]) -> None:
        if isinstance(block, Para):
            p = _styled(doc, "", "Caption") if block.style == "small" else doc.add_paragraph()
            r = p.add_run(clean(block.text))
            if block.style == "lead":
                r.font.size = Pt(11.5)
            elif block.style == "strong":
                r.bold = True
        elif isinstance(block, Bullets):
            for item in block.items:
                _styled(doc, clean(item), "ListBullet")
        elif isinstance(block, TableBlock):
            self._table(doc, block)
        elif isinstance(block, Chart):
            png = charts.get(block.name)
            if png is not None:
                doc.add_picture(io.BytesIO(png), width=Cm(TEXT_WIDTH_CM * 0.95))
                if block.caption:
                    _styled(doc, clean(block.caption), "Caption")

    def _orient(self, doc, landscape: bool) -> None:
        """A new section (on a new page) in landscape or portrait; header and footer carry on.
        The section break goes into the empty paragraph that follows the last table when
        there is one (a paragraph of its own could spill onto a blank page)."""
        body = doc.element.body
        last = body[-2] if len(body) >= 2 else None
        if last is not None and last.tag == qn("w:p") and not "".join(last.itertext()) and not last.xpath(
                "./w:pPr/w:sectPr"):
            p_pr = last.get_or_add_pPr()
            p_pr.append(copy.deepcopy(body[-1]))  # the section so far keeps its properties
            p_pr.append(parse_xml(f'<w:rPr {nsdecls("w")}><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>'))
            sec = doc.sections[-1]
            sec.start_type = WD_SECTION.NEW_PAGE
        else:
            sec = doc.add_section(WD_SECTION.NEW_PAGE)
        sec.different_first_page_header_footer = False  # the cover's first-page header is the cover's only
        long, short = Cm(29.7), Cm(21.0)
        if landscape:
            sec.orientation, sec.page_width, sec.page_height = WD_ORIENT.LANDSCAPE, long, short
        else:
            sec.orientation, sec.page_width, sec.page_height = WD_ORIENT.PORTRAIT, short, long
        sec.left_margin = sec.right_margin = Cm(2.5)
        self.width_cm = (29.7 if landscape else 21.0) - 5.0

    def build(self) -> bytes:
        doc = Document()
        self._styles(doc)
        self._page(doc)
        secs: list[Section] = sections(self.res, self.model)
        names = [b.name for sec in secs for b in sec.blocks if isinstance(b, Chart)]
        charts = chart_pngs(self.res, self.lang, self.theme, names, self.images, trend=self.trend)
        self._cover(doc)
        in_appendix = False
        landscape = False
        for n, sec in enumerate(secs):
            new_page = False
            if sec.level == 1 and sec.landscape != landscape:
                self._orient(doc, sec.landscape)
                landscape = sec.landscape
            elif sec.level == 1 and n > 0:
                new_page = True  # "page break before" on the heading: no empty paragraph on a page of its own
            in_appendix = in_appendix or sec.appendix
            heading = _styled(doc, clean(sec.title), f"Heading{sec.level}")
            if new_page:
                heading.paragraph_format.page_break_before = True
            for block in sec.blocks:
                self._block(doc, block, charts)
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
