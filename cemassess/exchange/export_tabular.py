"""Exports for spreadsheets: all answers as CSV (long format), a six-sheet XLSX, charts as PNG.

Safe against formula injection, whatever program opens the file:
- CSV: a text field that a spreadsheet would run as a formula gets an apostrophe before the
  formula character (OWASP's advice). "Would run" is judged loosely, because the program may
  split the file with another separator than the one it was written with (Excel with a ";"
  list separator opening a comma-separated file): a formula character (= + - @, their
  full-width and small-form lookalikes) at the start of the field, after leading whitespace,
  or after any separator a spreadsheet may use (, ; tab | line break) is neutralised; so is a
  field starting with a tab, CR or line feed. Numbers stay numbers.
- XLSX: text is stored as a string cell (never a formula), and a cell that would read as a
  formula when retyped carries the `quotePrefix` style, so no apostrophe becomes visible data.
- Control characters (ESC, NUL, BEL...) have no place in a spreadsheet and make openpyxl
  refuse the whole file: they are replaced by U+FFFD in both formats (tab and line breaks kept).
Files are written atomically.

The CSV is UTF-8 with a BOM, so Excel detects the encoding. Its delimiter follows the
language: a comma in English, a semicolon in Russian (Excel in a Russian locale expects
";" and would put a comma-separated file into one column).
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cemassess.exchange.atomic import atomic_write_bytes
from cemassess.i18n import Catalogue, role_name, tr
from cemassess.labels import segment_title

if TYPE_CHECKING:
    from cemassess.domain.results import Results
    from cemassess.report.theme import ChartTheme

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# = + - @ and the lookalikes some spreadsheets (or an IME) turn into them
FORMULA_CHARS = "=+-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b\u2212"
_SEPARATORS = ",;\t|\r\n"
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_INNER_FORMULA = re.compile(f"([{re.escape(_SEPARATORS)}][ \u00a0\u3000]*)([{re.escape(FORMULA_CHARS)}])")
REPLACEMENT = "\ufffd"

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
    # --- h15 ---
    "sheet.matrix": "Respondents x practices",
    "sheet.gaps": "Perception gaps",
    "gap_levels": "Gap (levels)",
    "gap_high": "Highest role",
    "gap_low": "Lowest role",
}


def _t(key: str, lang: str) -> str:
    return tr(key, lang, _STR)


def clean_text(value: Any) -> Any:
    """Control characters (other than tab and line breaks) replaced by U+FFFD; non-text as is."""
    if isinstance(value, str) and _CONTROL.search(value):
        return _CONTROL.sub(REPLACEMENT, value)
    return value


def looks_like_formula(text: str) -> bool:
    """Would a spreadsheet read this text, typed or opened, as a formula?"""
    return text.startswith(FORMULA_START) or text.lstrip(" \u00a0\u3000")[:1] in tuple(FORMULA_CHARS) and bool(
        text.strip())


def neutralise(value: Any) -> Any:
    """A CSV field that a spreadsheet could run as a formula gets an apostrophe: at its start
    when it begins like one, and before every formula character that follows a separator."""
    if not isinstance(value, str):
        return value
    value = clean_text(value)
    if _INNER_FORMULA.search(value):
        value = _INNER_FORMULA.sub(lambda m: m.group(1) + "'" + m.group(2), value)
    if looks_like_formula(value):
        value = "'" + value
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
class Fmt:
    """A value with its spreadsheet number format ("0.0", "0%", "yyyy-mm-dd"...)."""

    __slots__ = ("value", "fmt")

    def __init__(self, value: Any, fmt: str) -> None:
        self.value, self.fmt = value, fmt

    def __str__(self) -> str:
        return str(self.value)


SCORE, PCT, PCT1, DATE = "0.0", "0%", "0.0%", "yyyy-mm-dd"


def _num(x: float | None, fmt: str = SCORE) -> Any:
    return Fmt(x, fmt) if x is not None else ""


def _summary_rows(res: Results, lang: str) -> list[list[Any]]:
    fw, a = res.framework, res.assessment
    ov, ph, m = res.overall, res.phase, a.metrics
    rows: list[list[Any]] = [
        [_t("company", lang), a.company.name],
        [_t("industry", lang), a.company.industry],
        [_t("date", lang), Fmt(a.date, DATE)],
        [_t("assessor", lang), a.assessor],
        [_t("title", lang), a.title],
        [_t("framework", lang), f"{fw.title(lang)} {fw.version}"],
        [_t("respondents", lang), len(a.respondents)],
        [_t("answered", lang), res.completion.answered],
        [_t("total", lang), res.completion.total],
        [tr("overall", lang), _num(getattr(ov, "score", None))],
        [_t("overall_level", lang), ov.band.name(lang) if ov is not None and ov.band else ""],
        [tr("current_phase", lang), f"{ph.current}: {fw.phase(ph.current).title(lang)}"],
        [_t("phase_attained", lang), ph.attained],
        [_t("phase_progress", lang), Fmt(ph.progress, PCT1)],
    ]
    if res.nps is not None:
        rows.append([tr("nps", lang), Fmt(res.nps.score, SCORE)])
    if m.retention_rate is not None:  # stored as a percentage figure (85 means 85 %)
        rows.append([tr("retention_rate", lang), Fmt(m.retention_rate, SCORE)])
    if m.churn_rate is not None:
        rows.append([tr("churn_rate", lang), Fmt(m.churn_rate, SCORE)])
    if res.benchmark is not None:
        b = res.benchmark
        label = segment_title(b.segment, lang) + (f" ({tr('illustrative', lang)})" if b.pack.illustrative else "")
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
        rows.append([
            d.title(lang), _num(s.score), s.band.name(lang) if s.band else "", Fmt(s.coverage, PCT),
            _num(c.p10) if shown and c else "", _num(c.median) if shown and c else "",
            _num(c.p90) if shown and c else "", _num(c.percentile) if shown and c else "", _num(target),
            _num(target - s.score) if target is not None and s.score is not None else "",
            len(s.not_applicable), len(s.dont_know), len(s.unanswered),
        ])
    return head, rows


def _roadmap_rows(res: Results, lang: str) -> tuple[list[str], list[list[Any]]]:
    from cemassess.explain import action_why, explain_action

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
        # the roadmap marks every custom action "edited" (it replaces nothing generated); the
        # sheet says "edited" only of a generated action the consultant changed
        edited = it.edited and not it.custom
        rows.append([
            it.rank, tr(f"horizon.{it.horizon}", lang), it.title if own else act.title(lang),
            fw.dimensions_by_id[it.dimension_id].title(lang),
            fw.practices[it.practice_id].statement(lang) if it.practice_id else "",
            it.phase, tr(f"effort.{it.effort}", lang), it.owner or ("" if own else act.owner(lang)),
            it.kpi or ("" if own else act.kpi(lang)), Fmt(it.due, DATE) if it.due else "",
            Fmt(it.priority, "0.00"), yes if it.included else no, yes if edited else no, yes if it.custom else no,
            it.note,
            # the manager's sentence, then how the priority was computed
            action_why(fw, it, lang) + ("" if it.why is None else " " + explain_action(fw, it, lang)), it.id,
        ])
    return head, rows


def _value_code(v: Any) -> Any:
    return v if isinstance(v, int) or v is None else str(v)


def matrix_rows(res: Results, lang: str) -> tuple[list[str], list[list[Any]]]:
    """Respondent x practice: one row per practice, one column per respondent (level, na, dk)."""
    fw, a = res.framework, res.assessment
    head = [_t("dimension", lang), _t("practice_id", lang), _t("practice", lang)]
    head += [f"{r.name or r.id} ({role_name(r.role.value, lang)})" for r in a.respondents]
    rows: list[list[Any]] = []
    for d in fw.dimensions:
        for p in d.practices:
            row: list[Any] = [d.title(lang), p.id, p.statement(lang)]
            for r in a.respondents:
                ans = a.answers.get(r.id, {}).get(p.id)
                row.append("" if ans is None or ans.value is None else _value_code(ans.value))
            rows.append(row)
    return head, rows


def gap_rows(res: Results, lang: str) -> tuple[list[str], list[list[Any]]]:
    """Perception gaps: practices where roles' median levels differ most, one column per role."""
    fw = res.framework
    roles = list(res.roles)
    head = [_t("dimension", lang), _t("practice_id", lang), _t("practice", lang), _t("gap_levels", lang),
            _t("gap_high", lang), _t("gap_low", lang)] + [role_name(r.value, lang) for r in roles]
    rows: list[list[Any]] = []
    for g in res.practice_gaps:
        p = fw.practices[g.practice_id]
        rows.append([fw.dimension_of[p.id].title(lang), p.id, p.statement(lang), Fmt(g.gap, SCORE),
                     role_name(g.high.value, lang), role_name(g.low.value, lang)]
                    + [Fmt(g.by_role[r], SCORE) if r in g.by_role else "" for r in roles])
    return head, rows


def _put(ws: Any, row: int, col: int, value: Any) -> Any:
    """One cell: text as a string cell (never a formula), numbers and dates with their format."""
    fmt = None
    if isinstance(value, Fmt):
        value, fmt = value.value, value.fmt
    if isinstance(value, str):
        value = clean_text(value)
        cell = ws.cell(row=row, column=col)
        cell.value = value
        cell.data_type = "s"  # openpyxl would store "=..." as a formula
        if looks_like_formula(value):
            cell.quotePrefix = True  # shown as typed; retyping it in the program keeps it text
        return cell
    if isinstance(value, _dt.datetime):
        value = value.date()
    cell = ws.cell(row=row, column=col, value=value)
    if fmt:
        cell.number_format = fmt
    elif isinstance(value, _dt.date):
        cell.number_format = DATE
    return cell


def _sheet(wb: Any, title: str, head: Sequence[str], rows: Iterable[Sequence[Any]], widths_max: int = 60) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title=clean_text(title)[:31])
    rows = list(rows)
    for j, h in enumerate(head, start=1):
        _put(ws, 1, j, h)
    for i, row in enumerate(rows, start=2):
        for j, v in enumerate(row, start=1):
            _put(ws, i, j, v)
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
    """Summary, Dimensions, Answers, Roadmap, respondent x practice and perception-gap sheets;
    frozen header rows, readable widths, number formats. Comments appear in full here."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    _sheet(wb, _t("sheet.summary", lang), [_t("item", lang), _t("value", lang)], _summary_rows(res, lang), 80)
    _sheet(wb, _t("sheet.dimensions", lang), *_dimension_rows(res, lang))
    _sheet(wb, _t("sheet.answers", lang), *answer_rows(res, lang))
    _sheet(wb, _t("sheet.roadmap", lang), *_roadmap_rows(res, lang))
    _sheet(wb, _t("sheet.matrix", lang), *matrix_rows(res, lang), widths_max=40)
    _sheet(wb, _t("sheet.gaps", lang), *gap_rows(res, lang))
    wb.properties.title = clean_text(f"{tr('app_name', lang)}: {res.assessment.company.name}")[:250]
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
