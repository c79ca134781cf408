"""Reports at the documented limits: a 4,000-character comment, a 200-character company name,
markup-like text and mixed scripts render; long texts are capped in the PDF (full in the XLSX);
a layout failure is one clear sentence, never a traceback."""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from openpyxl import load_workbook
from report_extremes import COMPANY, MIXED, PROSE, SOLID, extreme_assessment, with_edit
from reportlab.platypus import Table

from cemassess.report.pdf import ReportLayoutError, ReportRenderer, build_report


def extreme_results(lang: str):
    from cemassess.cli import results_for

    a = extreme_assessment(lang)
    first = results_for(a).roadmap.items[0].id
    return results_for(with_edit(a, first))


@pytest.fixture(scope="module", params=["en", "ru"])
def extreme(request):
    res = extreme_results(request.param)
    data = build_report(res, request.param, invariant=True)
    return request.param, res, data


def test_extreme_assessment_renders(extreme, tmp_path):
    from test_report_pdf import check_pdf

    lang, res, data = extreme
    reader = check_pdf(data, tmp_path)
    text = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in reader.pages))
    assert COMPANY[:40] in text
    assert "Ґанок" in text and "Ωμέγα" in text and "<b>R&D</b>" in text
    assert PROSE[:60] in text and "[…]" in text
    assert SOLID[:4000] not in text.replace(" ", "")  # capped, not printed whole
    assert ("XLSX" in text) and (("shortened" in text) if lang == "en" else ("сокращены" in text))
    # a few long texts do not make the report twice as long as the demo's
    demo = build_report(_demo(lang), lang, invariant=True)
    assert len(reader.pages) <= len(pypdf.PdfReader(io.BytesIO(demo)).pages) + 4


def _demo(lang):
    from cemassess.cli import results_for
    from cemassess.demo import make_demo

    return results_for(make_demo(lang))


def test_full_text_stays_in_the_xlsx(tmp_path):
    from cemassess.exchange.export_tabular import write_xlsx

    res = extreme_results("en")
    wb = load_workbook(write_xlsx(res, tmp_path / "x.xlsx", "en"))
    values = {c.value for row in wb["Answers"].iter_rows() for c in row}
    assert SOLID in values and PROSE in values
    assert MIXED in {c.value for row in wb["Roadmap"].iter_rows() for c in row}


class _Oversized(ReportRenderer):
    def story(self, ctx):
        return [Table([["x"]], rowHeights=[5000])]  # taller than any page


def test_layout_failure_is_one_sentence(tiny_fw):
    from cemassess.domain.assessment import Assessment
    from cemassess.domain.results import evaluate

    res = evaluate(tiny_fw, Assessment(framework=tiny_fw.id))
    with pytest.raises(ReportLayoutError) as e:
        _Oversized(res, "ru").generate()
    msg = str(e.value)
    assert "\n" not in msg and "файл не записан" in msg and "Traceback" not in msg and len(msg) < 250


def test_a_sections_last_page_never_holds_a_single_row():
    """A guarded table that would leave one row alone on its last page splits earlier."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    from cemassess.report.flow import WidowTable, guard_tails

    def build(guarded: bool) -> list[int]:
        pages: list[int] = []

        class Doc(SimpleDocTemplate):
            def afterFlowable(self, f):
                if isinstance(f, WidowTable):
                    pages.append(len(f._cellvalues) - 1)

        rows = [["head"]] + [[f"row {i}"] for i in range(34)]  # 33 rows fit a page
        t = WidowTable(rows, rowHeights=[20] * len(rows), repeatRows=1)
        flow = guard_tails([t]) if guarded else [t]
        Doc(io.BytesIO(), pagesize=A4).build(flow)
        return pages

    plain, guarded = build(False), build(True)
    assert sum(plain) == sum(guarded) == 34
    if plain[-1] < WidowTable.MIN_TAIL:  # the layout above does leave a lone tail unguarded
        assert guarded[-1] >= WidowTable.MIN_TAIL
    else:
        pytest.fail(f"the test layout should leave a short tail; pages {plain}")
