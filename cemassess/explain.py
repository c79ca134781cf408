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


def _say(lang: str, en: str, ru: str, uk: str) -> str:
    """The sentence in the asked language (en, ru, uk; anything else: English)."""
    return {"ru": ru, "uk": uk}.get(lang, en)


def method_lines(lang: str) -> list[str]:
    if lang == "ru":
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
    # --- h14uk ---
    if lang == "uk":
        return [
            "Шкала: рівень 1 = 0 балів, рівень 5 = 100 балів, лінійно (25 балів за рівень).",
            "Відповідь щодо практики за кількох респондентів — медіана їхніх рівнів; узгоджена "
            "фасилітатором відповідь замінює медіану.",
            "Бал виміру — зважене середнє балів його практик. «Не застосовується» виключається, "
            "ваги решти практик перераховуються. «Не знаю» не входить до балу й ураховується "
            "як прогалина в знаннях.",
            "Індекс CEM — зважене середнє балів вимірів (ваги вимірів із моделі).",
            f"Фазу N досягнуто, лише якщо всі застосовні практики фаз 1..N мають рівень "
            f"{PHASE_THRESHOLD} або вище; практики без відповіді та «не знаю» блокують фазу.",
            "Пріоритет дії = розрив (рівнів) × вага практики × (1 + відставання від медіани "
            "бенчмарку / 100) / трудомісткість (S=1, M=2, L=3). Спершу порядок фаз, потім пріоритет.",
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
    dim = fw.dimensions_by_id[ds.dimension_id]
    out = [f"{dim.title(lang)}: {_f(ds.score)}" + (f" ({ds.band.name(lang)})" if ds.band else "")]
    if not ds.terms:
        out.append(_say(lang, "No practice has a level yet: no score.",
                        "Нет практик с уровнем: балл не рассчитан.",
                        "Немає практик із рівнем: бал не розраховано."))
    for t in ds.terms:
        p = fw.practices[t.practice_id]
        lv, pts, share, con = _f(t.level), _f(t.points), f"{t.share:.3f}", _f(t.contribution, 2)
        out.append(
            f"  {p.statement(lang)}: "
            + _say(lang,
                   f"level {lv} -> {pts} pts x weight share {share} = {con}",
                   f"уровень {lv} → {pts} балл. × доля веса {share} = {con}",
                   f"рівень {lv} → {pts} бал. × частка ваги {share} = {con}"))
    if ds.terms:
        out.append(_say(lang, "  Sum = ", "  Сумма = ", "  Сума = ") + _f(sum(t.contribution for t in ds.terms), 2))
    for label, ids in (("na", ds.not_applicable), ("dk", ds.dont_know), ("unanswered", ds.unanswered)):
        if ids:
            out.append(f"  {tr(label, lang)}: " + "; ".join(fw.practices[i].statement(lang) for i in ids))
    return out


def explain_overall(fw: Framework, ov: OverallScore, lang: str) -> list[str]:
    out = [f"{tr('overall', lang)}: {_f(ov.score)}"]
    for dim_id, score, share in ov.parts:
        out.append(f"  {fw.dimensions_by_id[dim_id].title(lang)}: {_f(score)} × {share:.3f} = {_f(score * share, 2)}")
    if ov.missing:
        out.append(_say(lang, "  Not scored (left out): ", "  Без балла (не учтены): ", "  Без балу (не враховано): ")
                   + ", ".join(fw.dimensions_by_id[d].title(lang) for d in ov.missing))
    return out


def explain_phase(fw: Framework, ph: PhaseResult, practices: dict[str, PracticeResult], lang: str) -> list[str]:
    out = []
    if ph.attained == 0:
        out.append(tr("no_phase_attained", lang))
    elif ph.attained == 3:
        out.append(tr("all_phases_attained", lang))
    else:
        title = fw.phase(ph.attained).title(lang)
        out.append(_say(lang, f"Phase {ph.attained} attained: {title}",
                        f"Достигнута фаза {ph.attained}: {title}",
                        f"Досягнуто фазу {ph.attained}: {title}"))
    if ph.attained < 3:
        cur = fw.phase(ph.current)
        blockers = ph.blocking
        n, pr = len(blockers), f"{ph.progress:.0%}"
        out.append(_say(
            lang,
            f"Phase {ph.current} ({cur.title(lang)}) is not attained because {n} "
            f"practice(s) are below level {PHASE_THRESHOLD} or unanswered. Progress {pr}.",
            f"Фаза {ph.current} ({cur.title(lang)}) не достигнута: {n} практик(и) ниже "
            f"уровня {PHASE_THRESHOLD} или без ответа. Прогресс {pr}.",
            f"Фазу {ph.current} ({cur.title(lang)}) не досягнуто: практик нижче рівня "
            f"{PHASE_THRESHOLD} або без відповіді — {n}. Прогрес {pr}."))
        for b in blockers:
            what = (f"{tr('level', lang).lower()} {_f(b.level)}" if b.reason == "below"
                    else tr("dk" if b.reason == "dk" else "unanswered", lang))
            out.append(f"  - {fw.practices[b.practice_id].statement(lang)} ({what})")
    return out


def explain_action(fw: Framework, item: RoadmapItem, lang: str) -> str:
    if item.why is None:
        return _say(lang, "Added by the user.", "Добавлено пользователем.", "Додано користувачем.")
    w = item.why
    lv, tg, gap = _f(w.level), _f(w.target), _f(w.gap)
    base = _say(lang, f"Level {lv} against a target of {tg} (gap {gap}), weight {w.weight:g}",
                f"Уровень {lv} при цели {tg} (разрыв {gap}), вес {w.weight:g}",
                f"Рівень {lv}, ціль {tg} (розрив {gap}), вага {w.weight:g}")
    if w.benchmark_gap > 0:
        bg = _f(w.benchmark_gap)
        base += _say(lang, f", {bg} pts behind the benchmark median",
                     f", отставание от медианы бенчмарка {bg} балл.",
                     f", відставання від медіани бенчмарку {bg} бал.")
    cost = f"{item.effort} (÷{EFFORT_COST[item.effort]:g})"
    base += _say(lang, f", effort {cost}", f", трудозатраты {cost}", f", трудомісткість {cost}")
    base += f" → {item.priority:.2f}"
    if w.respondents:
        base += _say(lang, f"; {w.respondents} answer(s), spread {w.spread}",
                     f"; ответов: {w.respondents}, разброс {w.spread}",
                     f"; відповідей: {w.respondents}, розкид {w.spread}")
    if w.blocks_phase:
        base += _say(lang, "; blocks phase attainment", "; блокирует достижение фазы",
                     "; блокує досягнення фази")
    return base + "."


_MOVED = {
    "up": ("improved", "улучшилось"), "down": ("declined", "ухудшилось"),
    "flat": ("stayed about the same", "почти не изменилось"), "new": ("was scored for the first time", "оценено впервые"),
}
# --- h14uk --- (in Ukrainian "вимір" is masculine)
_MOVED_UK = {"up": "покращився", "down": "погіршився", "flat": "майже не змінився", "new": "оцінено вперше"}


def moved_note(trend, dimension_id: str, lang: str) -> str:
    """For the roadmap: did this action's dimension move since the last assessment?
    `trend` is a cemassess.domain.trend.Trend (or None)."""
    if trend is None or not trend.changes:
        return ""
    c = next((c for c in trend.changes if c.dimension_id == dimension_id), None)
    if c is None or c.delta is None or c.direction not in _MOVED:
        return ""
    if lang == "uk":
        return f"З попередньої оцінки цей вимір {_MOVED_UK[c.direction]} ({c.delta:+.1f})"
    word = _MOVED[c.direction][1 if lang == "ru" else 0]
    if lang == "ru":
        return f"С прошлой оценки это измерение {word} ({c.delta:+.1f})"
    return f"Since the last assessment this dimension {word} ({c.delta:+.1f})"
