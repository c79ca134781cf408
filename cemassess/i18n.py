"""Product strings shared by every face (CLI, app, PDF), in English and Russian.

Framework texts (dimensions, practices, actions) come bilingual from the framework file;
this catalogue holds the product's own words. Faces keep their own extra catalogues
(ui/strings.py, report/strings.py) built the same way. A test checks every key has both.
"""

from __future__ import annotations

from collections.abc import Mapping

Catalogue = Mapping[str, tuple[str, ...]]

# Interim order of the languages in a catalogue entry: (en, ru) or (en, ru, uk). A missing
# language falls back to English.
_INDEX = {"en": 0, "ru": 1, "uk": 2}


def pick(entry: tuple[str, ...], lang: str) -> str:
    i = _INDEX.get(lang, 0)
    return entry[i] if i < len(entry) else entry[0]

COMMON: dict[str, tuple[str, ...]] = {
    "app_name": ("CEM maturity assessment", "Оценка зрелости CEM"),
    "overall": ("CEM index", "Индекс CEM"),
    "dimension": ("Dimension", "Измерение"),
    "score": ("Score", "Балл"),
    "level": ("Level", "Уровень"),
    "phase": ("Phase", "Фаза"),
    "attained": ("attained", "достигнута"),
    "not_attained": ("not attained", "не достигнута"),
    "current_phase": ("Current phase", "Текущая фаза"),
    "progress": ("progress", "прогресс"),
    "no_phase_attained": ("No phase attained yet", "Ни одна фаза пока не достигнута"),
    "all_phases_attained": ("All three phases attained", "Все три фазы достигнуты"),
    "not_scored": ("not scored", "нет оценки"),
    "na": ("Not applicable", "Неприменимо"),
    "dk": ("Don't know", "Не знаю"),
    "unanswered": ("Not answered", "Нет ответа"),
    "role.management": ("Management", "Руководство"),
    "role.sales": ("Sales", "Продажи"),
    "role.marketing": ("Marketing", "Маркетинг"),
    "role.service": ("Service", "Сервис"),
    "role.other": ("Other", "Другое"),
    "horizon.now": ("Now (0-3 months)", "Сейчас (0–3 месяца)"),
    "horizon.next": ("Next (3-9 months)", "Далее (3–9 месяцев)"),
    "horizon.later": ("Later (9-18 months)", "Позже (9–18 месяцев)"),
    "effort.S": ("Small", "Малые"),
    "effort.M": ("Medium", "Средние"),
    "effort.L": ("Large", "Большие"),
    "perception_gaps": ("Perception gaps", "Разрывы восприятия"),
    "nps": ("Net Promoter Score", "Индекс NPS"),
    "retention_rate": ("Customer retention rate", "Коэффициент удержания клиентов"),
    "churn_rate": ("Churn rate", "Отток клиентов"),
    "illustrative": ("ILLUSTRATIVE: generated, not measured",
                     "ИЛЛЮСТРАТИВНО: данные сгенерированы, а не измерены"),
    "too_few": ("fewer than 5 assessments: not shown", "меньше 5 оценок: не показывается"),
    "roadmap": ("Roadmap", "Дорожная карта"),
    "why": ("Why", "Почему"),
    "owner": ("Owner", "Ответственный"),
    "kpi": ("KPI", "KPI"),
    "effort": ("Effort", "Трудозатраты"),
    "due": ("Due", "Срок"),
    "priority": ("Priority", "Приоритет"),
    "knowledge_gaps": ("Knowledge gaps (\"don't know\")", "Пробелы в знаниях («не знаю»)"),
    "sample_data": ("Sample data", "Демонстрационные данные"),
    "benchmark": ("Benchmark", "Бенчмарк"),
    "best_across": ("Where to look for examples (best industry median per dimension)",
                    "Где искать примеры (лучшая медиана отрасли по измерению)"),
    "median": ("median", "медиана"),
    "attained_phase": ("highest phase attained", "достигнутая фаза"),
}


def tr(key: str, lang: str, catalogue: Catalogue = COMMON, **fmt: object) -> str:
    pair = catalogue.get(key) or COMMON.get(key)
    if pair is None:
        return key
    text = pick(pair, lang)
    return text.format(**fmt) if fmt else text


def role_name(role: str, lang: str) -> str:
    return tr(f"role.{role}", lang)


def plural_ru(n: int, one: str, few: str, many: str) -> str:
    """Russian plural: 1 раз, 2 раза, 5 раз (11-14 take the 'many' form)."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many
