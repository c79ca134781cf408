"""A realistic sample assessment: a B2B industrial distributor, five respondents.

Generated deterministically (a seeded random walk around a believable profile) so the
same demo comes out every time. Sample data: labelled as such in its title.
"""

from __future__ import annotations

import datetime as dt
import random

from cemassess.content import load_framework
from cemassess.domain.assessment import Answer, Assessment, Company, Metrics, Nps
from cemassess.domain.framework import Framework, Role

# (name en, name ru, role, optimism in levels: management rates itself higher than service)
PEOPLE = [
    ("Anna Koval (CEO)", "Анна Коваль (генеральный директор)", Role.MANAGEMENT, +0.9),
    ("Igor Shevchuk (Sales director)", "Игорь Шевчук (директор по продажам)", Role.SALES, +0.4),
    ("Olga Melnyk (Marketing)", "Ольга Мельник (маркетинг)", Role.MARKETING, 0.0),
    ("Pavel Bondar (Head of service)", "Павел Бондарь (руководитель сервиса)", Role.SERVICE, -0.7),
    ("Dmitry Lysenko (Key accounts)", "Дмитрий Лысенко (ключевые клиенты)", Role.SALES, +0.1),
]
# --- h14uk --- the same people in Ukrainian, in PEOPLE's order
PEOPLE_UK = [
    "Анна Коваль (генеральна директорка)",
    "Ігор Шевчук (директор з продажів)",
    "Ольга Мельник (маркетинг)",
    "Павло Бондар (керівник сервісу)",
    "Дмитро Лисенко (ключові клієнти)",
]
BASE_BY_PHASE = {1: 3.2, 2: 2.4, 3: 1.6}
STRONG = {"process_design": 0.2, "service_culture": 0.5, "software": 0.4, "content": -0.6, "awareness": -0.5}
COMMENTS = {
    "en": [
        "We only learn why a client left when the contract is not renewed.",
        "Complaints are handled, but nobody looks at the pattern.",
        "Depends on the account manager; no common standard.",
        "Service line exists since spring, not yet for all regions.",
        "Marketing and sales count leads differently.",
    ],
    "ru": [
        "О причинах ухода клиента узнаём, только когда договор не продлён.",
        "Жалобы отрабатываем, но закономерности никто не анализирует.",
        "Зависит от менеджера; единого стандарта нет.",
        "Сервисная линия работает с весны, но не во всех регионах.",
        "Маркетинг и продажи по-разному считают лиды.",
    ],
    # --- h14uk ---
    "uk": [
        "Про причини відходу клієнта дізнаємося, лише коли договір не продовжено.",
        "Скарги відпрацьовуємо, але закономірностей ніхто не аналізує.",
        "Залежить від менеджера; єдиного стандарту немає.",
        "Сервісна лінія працює з весни, але не в усіх регіонах.",
        "Маркетинг і продажі по-різному рахують ліди.",
    ],
}

# --- h14uk --- the demo's own words per language (en, ru, uk)
_WORDS = {
    "title": ("Sample: annual CEM assessment (demonstration data)",
              "Пример: ежегодная оценка CEM (демонстрационные данные)",
              "Приклад: щорічна оцінка CEM (демонстраційні дані)"),
    "company": ("Northwind Industrial Supply Ltd", "ООО «Северный ветер Пром»", "ТОВ «Північний вітер Пром»"),
    "country": ("Ukraine", "Украина", "Україна"),
    "region": ("Europe", "Европа", "Європа"),
    "assessor": ("Maria Gordienko, CX Partners", "Мария Гордиенко, CX Partners", "Марія Гордієнко, CX Partners"),
    "nps_source": ("key-account survey", "опрос ключевых клиентов", "опитування ключових клієнтів"),
}


def _clip(x: float) -> int:
    return max(1, min(5, round(x)))


def make_demo(lang: str = "en", fw: Framework | None = None, seed: int = 7) -> Assessment:
    fw = fw or load_framework()
    rng = random.Random(seed)
    lang = lang if lang in ("en", "ru", "uk") else "en"
    i = ("en", "ru", "uk").index(lang)

    def w(key: str) -> str:
        return _WORDS[key][i]

    a = Assessment(
        framework=fw.id, framework_version=fw.version, language=lang,
        title=w("title"),
        company=Company(
            name=w("company"),
            industry="distribution", size="medium", market="b2b",
            country=w("country"), region=w("region")),
        assessor=w("assessor"),
        date=dt.date(2026, 11, 2),
        metrics=Metrics(
            nps=Nps(counts=[3, 2, 4, 6, 7, 9, 11, 19, 22, 21, 16],
                    period="2026 Q3", source=w("nps_source")),
            retention_rate=86.0, churn_rate=14.0, period="2025-2026"),
    )
    people = [((n_en, n_ru, n_uk)[i], role, bias)
              for (n_en, n_ru, role, bias), n_uk in zip(PEOPLE, PEOPLE_UK, strict=True)]
    comments = COMMENTS[lang if lang in COMMENTS else "en"]
    for idx, (name, role, bias) in enumerate(people):
        r = a.add_respondent(name, role)
        for d in fw.dimensions:
            for p in d.practices:
                roll = rng.random()
                if roll < 0.03:
                    value: int | str = "dk"
                elif roll < 0.045 and p.phase == 3:
                    value = "na"
                else:
                    value = _clip(BASE_BY_PHASE[p.phase] + STRONG.get(d.id, 0) + bias + rng.gauss(0, 0.6))
                comment = comments[(idx + len(p.id)) % len(comments)] if rng.random() < 0.06 else ""
                a.set_answer(r.id, p.id, Answer(value=value, comment=comment, review=rng.random() < 0.02))
    return a
