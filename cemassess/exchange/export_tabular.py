"""Exports for spreadsheets: all answers as CSV (long format), a four-sheet XLSX, charts as PNG.

Safe against formula injection: a text cell starting with =, +, -, @, a tab or a carriage
return would be run as a formula by Excel or LibreOffice, so it gets a leading apostrophe
(OWASP's advice). Numbers stay numbers. Files are written atomically.

The CSV is UTF-8 with a BOM, so Excel detects the encoding. Its delimiter follows the
language: a comma in English, a semicolon in Russian (Excel in a Russian locale expects
";" and would put a comma-separated file into one column).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cemassess.exchange.atomic import atomic_write_bytes
from cemassess.i18n import Catalogue, role_name, tr

if TYPE_CHECKING:
    from cemassess.domain.results import Results
    from cemassess.report.theme import ChartTheme

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

_STR: Catalogue = {
    "respondent_id": "Respondent id",
    "respondent": "Respondent",
    "role": "Role",
    "dimension_id": "Dimension id",
    "dimension": "Dimension",
    "practice_id": "Practice id",
    "practice": "Practice",
    "level": "Level",
    "comment": "Comment",
    "review": "Marked for review",
    "yes": "yes",
    "no": "no",
    "sheet.summary": "Summary",
    "sheet.dimensions": "Dimensions",
    "sheet.answers": "Answers",
    "sheet.roadmap": "Roadmap",
    "item": "Item",
    "value": "Value",
    "company": "Company",
    "industry": "Industry",
    "date": "Assessment date",
    "assessor": "Assessor",
    "title": "Title",
    "framework": "Framework",
    "respondents": "Respondents",
    "answered": "Practices answered",
    "total": "Practices in total",
    "overall_level": "CEM level",
    "phase_attained": "Phases attained",
    "phase_progress": "Progress within the current phase",
    "benchmark": "Benchmark",
    "benchmark_source": "Benchmark source",
    "strongest": "Strongest dimensions",
    "weakest": "Weakest dimensions",
    "coverage": "Coverage",
    "target": "Target",
    "gap": "Gap to target",
    "median": "Benchmark median",
    "percentile": "Percentile",
    "n_na": "Not applicable",
    "n_dk": "Don't know",
    "n_unanswered": "Not answered",
    "rank": "Rank",
    "horizon": "Horizon",
    "action": "Action",
    "action_id": "Action id",
    "phase": "Phase",
    "included": "Included",
    "edited": "Edited",
    "custom": "Own action",
    "note": "Note",
}


def _t(key: str, lang: str) -> str:
    return tr(key, lang, _STR)


def neutralise(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


# -- answers in long format ----------------------------------------------------------------
def answer_rows(res: Results, lang: str) -> tuple[list[str], list[list[Any]]]:
    fw, a = res.framework, res.assessment
    head = [_t(k, lang) for k in ("respondent_id", "respondent", "role", "dimension_id", "dimension",
                                  "practice_id", "practice", "level", "comment", "review")]
    rows: list[list[Any]] = []
    for r in a.respondents:
        per = a.answers.get(r.id, {})
        for d in fw.dimensions:
            for p in d.practices:
                ans = per.get(p.id)
                if ans is None:
                    continue
                level: Any = ans.value if ans.value is not None else ""
                rows.append([r.id, r.name, role_name(r.role.value, lang), d.id, d.title(lang), p.id,
                             p.statement(lang), level, ans.comment, _t("yes", lang) if ans.review else ""])
    return head, rows


def list_separator(lang: str) -> str:
    """What a spreadsheet in that language splits CSV columns by: ";" where the decimal mark
    is a comma (Russian, Ukrainian...), "," elsewhere."""
    from babel.numbers import get_decimal_symbol

    from cemassess.i18n import babel_locale

    return ";" if get_decimal_symbol(babel_locale(lang)) == "," else ","


def write_csv(res: Results, path: Path | str, lang: str, *, delimiter: str | None = None) -> Path:
    """All answers, one row per respondent and practice answered: level 1-5, "na" or "dk"."""
    head, rows = answer_rows(res, lang)
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=delimiter or list_separator(lang), lineterminator="\r\n")
    w.writerow([neutralise(h) for h in head])
    for row in rows:
        w.writerow([neutralise(v) for v in row])
    path = Path(path)
    atomic_write_bytes(path, buf.getvalue().encode("utf-8-sig"))
    return path


# -- XLSX -------------------------------------------------------------------------------------
def _summary_rows(res: Results, lang: str) -> list[list[Any]]:
    fw, a = res.framework, res.assessment
    ov, ph, m = res.overall, res.phase, a.metrics
    rows: list[list[Any]] = [
        [_t("company", lang), a.company.name],
        [_t("industry", lang), a.company.industry],
        [_t("date", lang), a.date.isoformat()],
        [_t("assessor", lang), a.assessor],
        [_t("title", lang), a.title],
        [_t("framework", lang), f"{fw.title(lang)} {fw.version}"],
        [_t("respondents", lang), len(a.respondents)],
        [_t("answered", lang), res.completion.answered],
        [_t("total", lang), res.completion.total],
        [tr("overall", lang), round(ov.score, 1) if ov.score is not None else ""],
        [_t("overall_level", lang), ov.band.name(lang) if ov.band else ""],
        [tr("current_phase", lang), f"{ph.current}: {fw.phase(ph.current).title(lang)}"],
        [_t("phase_attained", lang), ph.attained],
        [_t("phase_progress", lang), round(ph.progress, 3)],
    ]
    if res.nps is not None:
        rows.append([tr("nps", lang), round(res.nps.score, 1)])
    if m.retention_rate is not None:
        rows.append([tr("retention_rate", lang), m.retention_rate])
    if m.churn_rate is not None:
        rows.append([tr("churn_rate", lang), m.churn_rate])
    if res.benchmark is not None:
        b = res.benchmark
        label = b.segment.title(lang) + (f" ({tr('illustrative', lang)})" if b.pack.illustrative else "")
        rows.append([_t("benchmark", lang), label])
        rows.append([_t("benchmark_source", lang), b.pack.source])
    rows.append([_t("strongest", lang), "; ".join(fw.dimensions_by_id[d].title(lang) for d in res.strongest(3))])
    rows.append([_t("weakest", lang), "; ".join(fw.dimensions_by_id[d].title(lang) for d in res.weakest(5))])
    return rows


def _dimension_rows(res: Results, lang: str) -> tuple[list[str], list[list[Any]]]:
    head = [tr("dimension", lang), tr("score", lang), tr("level", lang), _t("coverage", lang), "P10",
            _t("median", lang), "P90", _t("percentile", lang), _t("target", lang), _t("gap", lang),
            _t("n_na", lang), _t("n_dk", lang), _t("n_unanswered", lang)]
    rows = []
    b = res.benchmark
    for d in res.framework.dimensions:
        s = res.dimensions[d.id]
        c = b.comparisons.get(d.id) if b is not None else None
        shown = c is not None and c.shown
        target = res.roadmap.targets.get(d.id)

        def r1(x: float | None) -> Any:
            return round(x, 1) if x is not None else ""

        rows.append([
            d.title(lang), r1(s.score), s.band.name(lang) if s.band else "", round(s.coverage, 3),
            r1(c.p10) if shown and c else "", r1(c.median) if shown and c else "", r1(c.p90) if shown and c else "",
            r1(c.percentile) if shown and c else "", r1(target),
            r1(target - s.score) if target is not None and s.score is not None else "",
            len(s.not_applicable), len(s.dont_know), len(s.unanswered),
        ])
    return head, rows


def _roadmap_rows(res: Results, lang: str) -> tuple[list[str], list[list[Any]]]:
    from cemassess.explain import explain_action

    fw = res.framework
    head = [_t("rank", lang), _t("horizon", lang), _t("action", lang), tr("dimension", lang), _t("practice", lang),
            _t("phase", lang), tr("effort", lang), tr("owner", lang), tr("kpi", lang), tr("due", lang),
            tr("priority", lang), _t("included", lang), _t("edited", lang), _t("custom", lang), _t("note", lang),
            tr("why", lang), _t("action_id", lang)]
    rows = []
    yes, no = _t("yes", lang), _t("no", lang)
    for it in res.roadmap.items:
        act = fw.actions.get(it.id)
        own = it.custom or act is None
        rows.append([
            it.rank, tr(f"horizon.{it.horizon}", lang), it.title if own else act.title(lang),
            fw.dimensions_by_id[it.dimension_id].title(lang),
            fw.practices[it.practice_id].statement(lang) if it.practice_id else "",
            it.phase, tr(f"effort.{it.effort}", lang), it.owner or ("" if own else act.owner(lang)),
            it.kpi or ("" if own else act.kpi(lang)), it.due.isoformat() if it.due else "", it.priority,
            yes if it.included else no, yes if it.edited else no, yes if it.custom else no, it.note,
            explain_action(fw, it, lang), it.id,
        ])
    return head, rows


def _sheet(wb: Any, title: str, head: Sequence[str], rows: Iterable[Sequence[Any]], widths_max: int = 60) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title=title[:31])
    ws.append([neutralise(h) for h in head])
    rows = list(rows)
    for row in rows:
        ws.append([neutralise(v) for v in row])
    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="1F5F8B")
    for cell in ws[1]:
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for i, h in enumerate(head, start=1):
        longest = max([len(str(h))] + [len(str(r[i - 1])) for r in rows if i - 1 < len(r)])
        width = max(8, min(widths_max, longest + 2))
        ws.column_dimensions[get_column_letter(i)].width = width
        if longest > widths_max:
            for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions


def write_xlsx(res: Results, path: Path | str, lang: str) -> Path:
    """Summary, Dimensions, Answers and Roadmap sheets; frozen header rows, readable widths."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    _sheet(wb, _t("sheet.summary", lang), [_t("item", lang), _t("value", lang)], _summary_rows(res, lang), 80)
    _sheet(wb, _t("sheet.dimensions", lang), *_dimension_rows(res, lang))
    _sheet(wb, _t("sheet.answers", lang), *answer_rows(res, lang))
    _sheet(wb, _t("sheet.roadmap", lang), *_roadmap_rows(res, lang))
    wb.properties.title = f"{tr('app_name', lang)}: {res.assessment.company.name}"[:250]
    wb.properties.creator = "cemassess"
    buf = io.BytesIO()
    wb.save(buf)
    path = Path(path)
    atomic_write_bytes(path, buf.getvalue())
    return path


# -- charts ---------------------------------------------------------------------------------
def write_chart_pngs(res: Results, folder: Path | str, lang: str, theme: ChartTheme | None = None) -> list[Path]:
    """Every chart that has something to show, as numbered PNG files in `folder`."""
    from cemassess.report.charts import ALL_CHARTS
    from cemassess.report.raster import figure_to_png

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n, (name, fn) in enumerate(ALL_CHARTS.items(), start=1):
        fig = fn(res, lang, theme)
        if fig is None:
            continue
        buf = io.BytesIO()
        figure_to_png(fig, buf)
        path = folder / f"{n:02d}-{name.replace('_', '-')}.png"
        atomic_write_bytes(path, buf.getvalue(), durable=False)
        out.append(path)
    return out
