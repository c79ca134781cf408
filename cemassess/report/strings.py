"""The report's and the charts' own words, English and Russian: use with `tr(key, lang, STRINGS)`."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # charts
    "chart.company": ("This company", "Компания"),
    "chart.median": ("Benchmark median", "Медиана бенчмарка"),
    "chart.band": ("Benchmark P10–P90", "Бенчмарк P10–P90"),
    "chart.illustrative": ("illustrative", "иллюстративно"),
    "chart.target": ("Target", "Цель"),
    "chart.current": ("Current score", "Текущий балл"),
    "chart.gap_title": ("Gap to target by dimension", "Разрыв до цели по измерениям"),
    "chart.radar_title": ("CEM profile", "Профиль CEM"),
    "chart.heatmap_title": ("Scores by role", "Баллы по ролям"),
    "chart.nps_title": ("NPS against published B2B figures", "NPS в сравнении с опубликованными данными по B2B"),
    "chart.nps_company": ("This company", "Компания"),
    "chart.nps_source": ("Sources", "Источники"),
    "chart.nps_mix": ("Detractors / passives / promoters", "Критики / нейтралы / сторонники"),
    "chart.detractors": ("Detractors", "Критики"),
    "chart.passives": ("Passives", "Нейтралы"),
    "chart.promoters": ("Promoters", "Сторонники"),
    "chart.range": ("range", "диапазон"),
    "chart.phase_title": ("Progress through the three phases", "Продвижение по трём фазам"),
    "chart.phase_attained": ("attained", "достигнута"),
    "chart.phase_current": ("current", "текущая"),
    "chart.phase_later": ("not yet", "впереди"),
    "chart.phase_at4": ("{at} of {n} practices at level 4+", "{at} из {n} практик на уровне 4+"),
    "chart.months": ("Months from the assessment", "Месяцы от даты оценки"),
    "chart.timeline_title": ("Roadmap timeline", "График дорожной карты"),
    "chart.actions_n": ("{n} actions", "действий: {n}"),
    "chart.due": ("due date", "срок"),
    "chart.not_scored": ("not scored", "нет оценки"),
}
