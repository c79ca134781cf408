"""'How this was computed': every figure explains itself, in plain words, EN and RU.

The app's explanation pop-ups, the PDF appendix and `cemassess score --explain` read these.
They describe the domain's own computation (terms, weights, exclusions); nothing here
recomputes a score.
"""

from __future__ import annotations

from cemassess.domain.framework import PHASE_THRESHOLD, Framework
from cemassess.domain.phases import PhaseResult
from cemassess.domain.roadmap import EFFORT_COST, RoadmapItem
from cemassess.domain.scoring import DimensionScore, OverallScore, PracticeResult
from cemassess.i18n import tr


def _f(x: float | None, nd: int = 1) -> str:
    return "-" if x is None else f"{x:.{nd}f}"


def method_lines(lang: str) -> list[str]:
    ru = lang == "ru"
    if ru:
        return [
            "Шкала: уровень 1 = 0 баллов, уровень 5 = 100 баллов, линейно (25 баллов на уровень).",
            "Ответ по практике при нескольких респондентах — медиана их уровней; согласованный "
            "фасилитатором ответ заменяет медиану.",
            "Балл измерения — взвешенное среднее баллов его практик. «Неприменимо» исключается, "
            "веса остальных практик пересчитываются. «Не знаю» не входит в балл и учитывается "
            "как пробел в знаниях.",
            "Индекс CEM — взвешенное среднее баллов измерений (веса измерений из модели).",
            f"Фаза N достигнута, только если все применимые практики фаз 1..N имеют уровень "
            f"{PHASE_THRESHOLD} или выше; практики без ответа и «не знаю» блокируют фазу.",
            "Приоритет действия = разрыв (уровней) × вес практики × (1 + отставание от медианы "
            "бенчмарка / 100) / трудозатраты (S=1, M=2, L=3). Сначала порядок фаз, затем приоритет.",
        ]
    return [
        "Scale: level 1 = 0 points, level 5 = 100 points, linearly (25 points per level).",
        "With several respondents a practice's answer is the median of their levels; an answer "
        "agreed by the facilitator replaces the median.",
        "A dimension's score is the weighted mean of its practices' points. \"Not applicable\" "
        "is left out and the remaining weights are renormalised. \"Don't know\" is left out of "
        "the score and counted as a knowledge gap.",
        "The CEM index is the weighted mean of the dimension scores (dimension weights from the framework).",
        f"Phase N is attained only when every applicable practice of phases 1..N is at level "
        f"{PHASE_THRESHOLD} or above; unanswered and \"don't know\" practices block the phase.",
        "Action priority = gap (levels) x practice weight x (1 + points behind the benchmark "
        "median / 100) / effort (S=1, M=2, L=3). Phase order first, then priority.",
    ]


def explain_dimension(fw: Framework, ds: DimensionScore, lang: str) -> list[str]:
    ru = lang == "ru"
    dim = fw.dimensions_by_id[ds.dimension_id]
    out = [f"{dim.title(lang)}: {_f(ds.score)}" + (f" ({ds.band.name(lang)})" if ds.band else "")]
    if not ds.terms:
        out.append("Нет практик с уровнем: балл не рассчитан." if ru
                   else "No practice has a level yet: no score.")
    for t in ds.terms:
        p = fw.practices[t.practice_id]
        out.append(
            f"  {p.statement(lang).rstrip(' .')}: "  # no "anything.: level 3"
            + (f"уровень {_f(t.level)} → {_f(t.points)} балл. × доля веса {t.share:.3f} = {_f(t.contribution, 2)}"
               if ru else
               f"level {_f(t.level)} -> {_f(t.points)} pts x weight share {t.share:.3f} = {_f(t.contribution, 2)}"))
    if ds.terms:
        out.append(("  Сумма = " if ru else "  Sum = ") + _f(sum(t.contribution for t in ds.terms), 2))
    for label, ids in (("na", ds.not_applicable), ("dk", ds.dont_know), ("unanswered", ds.unanswered)):
        if ids:
            out.append(f"  {tr(label, lang)}: " + "; ".join(fw.practices[i].statement(lang) for i in ids))
    return out


def explain_overall(fw: Framework, ov: OverallScore, lang: str) -> list[str]:
    ru = lang == "ru"
    out = [f"{tr('overall', lang)}: {_f(ov.score)}"]
    for dim_id, score, share in ov.parts:
        out.append(f"  {fw.dimensions_by_id[dim_id].title(lang)}: {_f(score)} × {share:.3f} = {_f(score * share, 2)}")
    if ov.missing:
        out.append(("  Без балла (не учтены): " if ru else "  Not scored (left out): ")
                   + ", ".join(fw.dimensions_by_id[d].title(lang) for d in ov.missing))
    return out


def explain_phase(fw: Framework, ph: PhaseResult, practices: dict[str, PracticeResult], lang: str) -> list[str]:
    ru = lang == "ru"
    out = []
    if ph.attained == 0:
        out.append(tr("no_phase_attained", lang))
    elif ph.attained == 3:
        out.append(tr("all_phases_attained", lang))
    else:
        out.append(f"Достигнута фаза {ph.attained}: {fw.phase(ph.attained).title(lang)}" if ru
                    else f"Phase {ph.attained} attained: {fw.phase(ph.attained).title(lang)}")
    if ph.attained < 3:
        cur = fw.phase(ph.current)
        blockers = ph.blocking
        out.append(
            f"Фаза {ph.current} ({cur.title(lang)}) не достигнута: {len(blockers)} практик(и) ниже "
             f"уровня {PHASE_THRESHOLD} или без ответа. Прогресс {ph.progress:.0%}." if ru else
             f"Phase {ph.current} ({cur.title(lang)}) is not attained because {len(blockers)} "
             f"practice(s) are below level {PHASE_THRESHOLD} or unanswered. Progress {ph.progress:.0%}.")
        for b in blockers:
            what = (f"{tr('level', lang).lower()} {_f(b.level)}" if b.reason == "below"
                    else tr("dk" if b.reason == "dk" else "unanswered", lang))
            out.append(f"  - {fw.practices[b.practice_id].statement(lang)} ({what})")
    return out


def explain_action(fw: Framework, item: RoadmapItem, lang: str) -> str:
    ru = lang == "ru"
    if item.why is None:
        return "Добавлено пользователем." if ru else "Added by the user."
    w = item.why
    base = (f"Уровень {_f(w.level)} при цели {_f(w.target)} (разрыв {_f(w.gap)}), вес {w.weight:g}"
            if ru else f"Level {_f(w.level)} against a target of {_f(w.target)} (gap {_f(w.gap)}), weight {w.weight:g}")
    if w.benchmark_gap > 0:
        base += (f", отставание от медианы бенчмарка {_f(w.benchmark_gap)} балл." if ru
                 else f", {_f(w.benchmark_gap)} pts behind the benchmark median")
    base += (f", трудозатраты {item.effort} (÷{EFFORT_COST[item.effort]:g})" if ru
             else f", effort {item.effort} (÷{EFFORT_COST[item.effort]:g})")
    base += f" → {item.priority:.2f}"
    if w.respondents:
        base += (f"; ответов: {w.respondents}, разброс {w.spread}" if ru
                 else f"; {w.respondents} answer(s), spread {w.spread}")
    if w.blocks_phase:
        base += ("; блокирует достижение фазы" if ru else "; blocks phase attainment")
    return base + "."


_MOVED = {
    "up": ("improved", "улучшилось"), "down": ("declined", "ухудшилось"),
    "flat": ("stayed about the same", "почти не изменилось"), "new": ("was scored for the first time", "оценено впервые"),
}


def moved_note(trend, dimension_id: str, lang: str) -> str:
    """For the roadmap: did this action's dimension move since the last assessment?
    `trend` is a cemassess.domain.trend.Trend (or None)."""
    if trend is None or not trend.changes:
        return ""
    c = next((c for c in trend.changes if c.dimension_id == dimension_id), None)
    if c is None or c.delta is None or c.direction not in _MOVED:
        return ""
    word = _MOVED[c.direction][1 if lang == "ru" else 0]
    if lang == "ru":
        return f"С прошлой оценки это измерение {word} ({c.delta:+.1f})"
    return f"Since the last assessment this dimension {word} ({c.delta:+.1f})"
