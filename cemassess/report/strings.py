"""The report's and the charts' own words, English and Russian: use with `tr(key, lang, STRINGS)`."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, ...]] = {
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
    "chart.bar_count": ("figures in the bars: number of actions", "цифры в полосах — число действий"),
    "chart.months": ("Months from the assessment", "Месяцы от даты оценки"),
    "chart.timeline_title": ("Roadmap timeline", "График дорожной карты"),
    "chart.actions_n": ("{n} actions", "действий: {n}"),
    "chart.actions_1": ("1 action", "1 действие"),
    "chart.due": ("due date", "срок"),
    "chart.not_scored": ("not scored", "нет оценки"),
    # document
    "meta.subject": ("CEM maturity assessment and improvement roadmap",
                     "Оценка зрелости CEM и дорожная карта улучшений"),
    "page": ("Page {n} of", "Стр. {n} из"),
    # cover
    "cover.kicker": ("Customer Experience Management", "Управление клиентским опытом"),
    "cover.title": ("CEM maturity assessment", "Оценка зрелости CEM"),
    "cover.subtitle": ("Findings and improvement roadmap", "Результаты и дорожная карта улучшений"),
    "cover.no_company": ("(company not named)", "(компания не указана)"),
    "cover.date": ("Assessment date", "Дата оценки"),
    "cover.assessor": ("Assessor", "Оценщик"),
    "cover.industry": ("Industry", "Отрасль"),
    "cover.country": ("Country, region", "Страна, регион"),
    "cover.respondents": ("Respondents", "Респонденты"),
    "cover.framework": ("Framework", "Модель"),
    "cover.benchmark": ("Benchmark", "Бенчмарк"),
    "cover.status": ("Status", "Статус"),
    "cover.complete": ("Complete: every practice answered", "Завершена: ответы на все практики"),
    "cover.incomplete": ("INCOMPLETE: {answered} of {total} practices answered",
                         "НЕ ЗАВЕРШЕНА: ответы на {answered} из {total} практик"),
    "cover.footer_plain": ("Confidential: for the management of the assessed company.",
                           "Конфиденциально: для руководства оцениваемой компании."),
    "cover.footer": ("Prepared by {brand}. Confidential: for the management of the assessed company.",
                     "Подготовлено: {brand}. Конфиденциально: для руководства оцениваемой компании."),
    # sections
    "sec.summary": ("Executive summary", "Краткое резюме"),
    "sec.profile": ("CEM profile", "Профиль CEM"),
    "sec.phases": ("Maturity phases", "Фазы зрелости"),
    "sec.dimensions": ("The dimensions in detail", "Измерения подробно"),
    "sec.voc": ("Voice-of-Customer pitfalls", "Ловушки программы «Голос клиента»"),
    "sec.appendix": ("Appendix: how every figure was computed", "Приложение: как рассчитана каждая цифра"),
    # incomplete
    "inc.title": ("This assessment is incomplete", "Оценка не завершена"),
    "inc.body": ("{answered} of {total} practices have an answer. Figures below rest only on the answers given.",
                 "Ответы есть на {answered} из {total} практик. Цифры ниже опираются только на данные ответы."),
    "inc.dims": ("Dimensions with unanswered practices (answered/total):",
                 "Измерения с практиками без ответа (отвечено/всего):"),
    "inc.unscored": ("No score at all for:", "Нет балла совсем:"),
    "inc.people": ("Respondents who have not finished (answered/total):",
                   "Респонденты, не завершившие анкету (отвечено/всего):"),
    "inc.effect": ("Unanswered practices block phase attainment, so the phase shown cannot overstate maturity.",
                   "Практики без ответа блокируют достижение фазы, поэтому фаза не может быть завышена."),
    # summary
    "sum.phase_progress": ("{pct} of the way; phases attained: {attained}",
                           "пройдено {pct}; достигнуто фаз: {attained}"),
    "sum.nps_n": ("{n} answers", "ответов: {n}"),
    "sum.not_measured": ("not measured", "не измерялся"),
    "sum.retention": ("Retention", "Удержание"),
    "sum.nps_ref": ("B2B average {avg15} (2015), {avg5} over five years; best in class {lo}–{hi}",
                    "В B2B в среднем {avg15} (2015), {avg5} за пять лет; лучшие {lo}–{hi}"),
    "sum.churn": ("churn {v}%", "отток {v}%"),
    "sum.the_company": ("The company", "Компания"),
    "sum.meaning": ("What this means", "Что это значит"),
    "sum.index": ("With a CEM index of {score} out of 100, {company} is at the level “{band}”: {meaning}",
                  "С индексом CEM {score} из 100 компания {company} находится на уровне «{band}»: {meaning}"),
    "sum.no_phase": ("No phase is attained yet. The work now is phase 1, “{title}”: {desc}",
                     "Ни одна фаза пока не достигнута. Сейчас в работе фаза 1 «{title}»: {desc}"),
    "sum.phase": ("Phase {n}, “{title}”, is attained. Next comes phase {nxt}, “{next_title}”: {desc}",
                  "Фаза {n} «{title}» достигнута. Следующая — фаза {nxt} «{next_title}»: {desc}"),
    "sum.all_phases": ("All three phases are attained: the task now is to keep the practices at this level "
                       "and raise the weakest ones further.",
                       "Все три фазы достигнуты: задача — удерживать практики на этом уровне и дальше "
                       "поднимать самые слабые."),
    "sum.blocking": ("{k} practice(s) stand between the company and phase {n}; they come first in the roadmap.",
                     "Между компанией и фазой {n} стоят практики ({k}); в дорожной карте они идут первыми."),
    "sum.bench": ("Against the benchmark “{segment}” the company is above the median in {ahead} of {n} dimensions.",
                  "В сравнении с бенчмарком «{segment}» компания выше медианы в {ahead} из {n} измерений."),
    "sum.strongest": ("Three strongest dimensions", "Три самых сильных измерения"),
    "sum.weakest": ("Five weakest dimensions", "Пять самых слабых измерений"),
    "sum.start_now": ("Three actions to start now", "Три действия, которые стоит начать сейчас"),
    "sum.no_actions": ("No action is needed: every practice is at its target.",
                       "Действия не нужны: все практики на целевом уровне."),
    # benchmark
    "bench.none": ("No benchmark was chosen: the profile shows the company's own scores only.",
                   "Бенчмарк не выбран: профиль показывает только баллы компании."),
    "bench.caption": ("Benchmark: {pack}; segment “{segment}”, n = {n} assessments. Source: {source}",
                      "Бенчмарк: {pack}; сегмент «{segment}», n = {n} оценок. Источник: {source}"),
    "bench.too_few": ("Where a dimension has fewer than 5 assessments behind it, no benchmark figure is shown.",
                      "Если за измерением меньше 5 оценок, данные бенчмарка не показываются."),
    # profile
    "prof.median": ("Median", "Медиана"),
    "prof.pct": ("Percentile", "Процентиль"),
    "prof.gaps": ("Gaps to target", "Разрывы до цели"),
    "prof.targets_next": ("Target: the lowest score of the next level up for each dimension.",
                          "Цель: нижняя граница следующего уровня для каждого измерения."),
    "prof.targets_quartile": ("Target: the benchmark's top quartile (P75) where it is above today's score, "
                              "otherwise the next level up.",
                              "Цель: верхний квартиль бенчмарка (P75), если он выше текущего балла, "
                              "иначе следующий уровень."),
    "prof.targets_overrides": ("{n} target(s) were set by hand.", "Целей, заданных вручную: {n}."),
    "prof.metrics": ("Key metrics", "Ключевые метрики"),
    "prof.nps_line": ("NPS {score} from {n} answers: {pro}% promoters, {pas}% passives, {det}% detractors.",
                      "NPS {score} по {n} ответам: {pro}% сторонников, {pas}% нейтралов, {det}% критиков."),
    "prof.nps_src": ("Period: {period}; source: {source}.", "Период: {period}; источник: {source}."),
    "prof.nps_def": ("NPS = % promoters (9–10) − % detractors (0–6) on “How likely are you to recommend…?”, "
                     "from −100 to +100. Published B2B figures: B2B International (2015 study; NPS FAQ).",
                     "NPS = % сторонников (9–10) − % критиков (0–6) по вопросу «Насколько вероятно, что вы "
                     "порекомендуете…?», от −100 до +100. Данные по B2B: B2B International (исследование "
                     "2015 г.; NPS FAQ)."),
    # phases
    "ph.rule": ("A phase is attained only when every applicable practice of that phase and the phases before it "
                "is at level 4 or above. Progress shows how far the company has come within each phase.",
                "Фаза достигнута, только когда все применимые практики этой и предыдущих фаз находятся на "
                "уровне 4 или выше. Прогресс показывает, насколько компания продвинулась внутри каждой фазы."),
    "ph.attained": ("attained", "достигнута"),
    "ph.current": ("the phase to work on now", "фаза, над которой работать сейчас"),
    "ph.ahead": ("ahead", "впереди"),
    "ph.progress": ("Progress {pct}; {at} of {n} applicable practices at level 4 or above.",
                    "Прогресс {pct}; на уровне 4 и выше {at} из {n} применимых практик."),
    "ph.blocks": ("What blocks phase {n}, “{title}”", "Что мешает достичь фазы {n} «{title}»"),
    "ph.status": ("Now", "Сейчас"),
    # dimensions
    "dim.howto": ("For each dimension: the traditional approach against the CEM approach, the score, and each "
                  "practice's consensus level (the median of the respondents' answers) with the range of their "
                  "answers. Rows shaded are marked for review.",
                  "Для каждого измерения: традиционный подход против подхода CEM, балл и согласованный уровень "
                  "каждой практики (медиана ответов респондентов) с разбросом ответов. Выделенные строки "
                  "отмечены для проверки."),
    "dim.bench": ("Benchmark median {median} (P10–P90: {p10}–{p90}); the company is at percentile {pct}.",
                  "Медиана бенчмарка {median} (P10–P90: {p10}–{p90}); компания на {pct}-м процентиле."),
    "dim.traditional": ("Traditional approach", "Традиционный подход"),
    "dim.cem": ("CEM approach", "Подход CEM"),
    "dim.incomplete": ("Incomplete: {done} of {total} practices answered.",
                       "Не завершено: ответы на {done} из {total} практик."),
    "dim.practice": ("Practice", "Практика"),
    "dim.answers": ("Answers (range)", "Ответы (разброс)"),
    "dim.na_n": ("N/A ×{n}", "н/п ×{n}"),
    "dim.dk_n": ("don't know ×{n}", "не знаю ×{n}"),
    "dim.agreed": ("agreed", "согласовано"),
    "dim.dissent": ("Dissent", "Особое мнение"),
    "dim.comments": ("Comments", "Комментарии"),
    "dim.review": ("Marked for review:", "Отмечено для проверки:"),
    # perception gaps
    "gap.intro": ("How differently the functions see the same company. Large gaps are worth a conversation "
                  "before any action: people who disagree on where the company stands will disagree on what "
                  "to fix.",
                  "Насколько по-разному подразделения видят одну и ту же компанию. Большие разрывы стоит "
                  "обсудить до начала действий: кто расходится в оценке положения компании, разойдётся и в "
                  "том, что исправлять."),
    "gap.facts": ("For context: about 80% of managers believe they deliver a superior customer experience while "
                  "8% of their customers agree (Bain); leaders are 16% more likely than associates to rate their "
                  "organisation's CX extremely highly (GetApp survey).",
                  "Для контекста: около 80% руководителей считают, что дают клиентам превосходный опыт, а "
                  "согласны с этим 8% их клиентов (Bain); руководители на 16% чаще рядовых сотрудников оценивают "
                  "клиентский опыт своей компании как превосходный (опрос GetApp)."),
    "gap.heat_caption": ("Dimension scores (0–100) by role; respondents per role: {roles}.",
                         "Баллы измерений (0–100) по ролям; респондентов в роли: {roles}."),
    "gap.roles_title": ("Where roles disagree most", "Где роли расходятся сильнее всего"),
    "gap.high": ("Highest", "Выше всех"),
    "gap.low": ("Lowest", "Ниже всех"),
    "gap.gap": ("Gap (levels)", "Разрыв (уровни)"),
    "gap.more": ("…and {n} more practice(s) with a gap of 1.5 levels or more.",
                 "…и ещё практик с разрывом от 1,5 уровня: {n}."),
    "gap.none_roles": ("No practice shows a gap of 1.5 levels or more between roles.",
                       "Ни по одной практике роли не расходятся на 1,5 уровня и больше."),
    "gap.people_title": ("Where respondents disagree", "Где расходятся респонденты"),
    "gap.answers": ("Answers", "Ответы"),
    "gap.levels": ("Levels given:", "Ответы по уровням:"),
    "gap.extremes": ("Highest: {hi}. Lowest: {lo}.", "Выше всех: {hi}. Ниже всех: {lo}."),
    "gap.spread": ("Range", "Разброс"),
    "gap.none_people": ("The respondents' answers never differ by two levels or more.",
                        "Ответы респондентов нигде не расходятся на два уровня и больше."),
    # VoC
    "voc.intro": ("{k} of the {n} common Voice-of-Customer pitfalls were found in the answers.",
                  "В ответах обнаружено ловушек программы «Голос клиента»: {k} из {n} типичных."),
    "voc.none": ("None of the {n} common Voice-of-Customer pitfalls was found in the answers.",
                 "Ни одной из {n} типичных ловушек программы «Голос клиента» в ответах не обнаружено."),
    "voc.b2b_title": ("B2B principles not met", "Невыполненные принципы B2B"),
    "voc.b2b_intro": ("{k} of {n} B2B customer-experience principles are not met.",
                      "Не выполнено принципов клиентского опыта в B2B: {k} из {n}."),
    "voc.b2b_none": ("All {n} B2B customer-experience principles are met.",
                     "Все принципы клиентского опыта в B2B ({n}) выполняются."),
    "voc.evidence": ("Evidence: mean level {mean} (found at {threshold} or below) across these practices:",
                     "Основание: средний уровень {mean} (срабатывает при {threshold} и ниже) по практикам:"),
    "voc.unknown": ("Not enough answers to judge:", "Недостаточно ответов для вывода:"),
    # roadmap
    "rm.intro": ("Actions are ordered by phase first, then by priority: no later-phase action ranks above an open "
                 "phase-1 gap. Don't surprise customers with new promotions while the call centre does not answer "
                 "the phone. The table includes your edits and your own actions.",
                 "Действия упорядочены сначала по фазе, затем по приоритету: ни одно действие поздней фазы не "
                 "стоит выше открытого разрыва фазы 1. Не стоит удивлять клиентов новыми акциями, пока "
                 "колл-центр не берёт трубку. Таблица включает ваши правки и собственные действия."),
    "rm.counts": ("{n} actions: {now} now, {next} next, {later} later; {edited} edited, {own} added by you, "
                  "{excluded} excluded.",
                  "Действий: {n} (сейчас {now}, далее {next}, позже {later}); изменено {edited}, добавлено "
                  "вами {own}, исключено {excluded}."),
    "rm.empty": ("No action is planned: every practice is at its target.",
                 "Действий нет: все практики на целевом уровне."),
    "rm.action": ("Action", "Действие"),
    "rm.effort": ("Effort", "Затраты"),
    "rm.own": ("your own action", "ваше действие"),
    "rm.edited": ("edited", "изменено"),
    "rm.note": ("Note", "Примечание"),
    "rm.timeline_caption": ("Bars show each horizon's window (Now 0–3, Next 3–9, Later 9–18 months); diamonds "
                            "mark due dates set in the roadmap.",
                            "Полосы — окна горизонтов (сейчас 0–3, далее 3–9, позже 9–18 месяцев); ромбы — "
                            "сроки, заданные в дорожной карте."),
    # appendix
    "app.method": ("Method", "Методика"),
    "app.from": ("From score", "От балла"),
    "app.meaning": ("Meaning", "Значение"),
    "app.horizons": ("Horizons: actions of the current phase (or earlier) are Now, or Next when their effort is "
                     "large; actions one phase ahead are Next (Later when large); anything further is Later.",
                     "Горизонты: действия текущей (или более ранней) фазы — «сейчас», а при больших трудозатратах "
                     "— «далее»; действия следующей фазы — «далее» («позже» при больших трудозатратах); всё "
                     "остальное — «позже»."),
    "app.overall": ("The CEM index", "Индекс CEM"),
    "app.phases": ("The phases", "Фазы"),
    "app.dimensions": ("The dimension scores", "Баллы измерений"),
    "app.benchmark": ("The benchmark", "Бенчмарк"),
    "app.bench_line": ("{title} (created {created}); segment “{segment}”, up to {n} assessments per dimension.",
                       "{title} (создан {created}); сегмент «{segment}», до {n} оценок на измерение."),
    "app.bench_source": ("Source: {source}", "Источник: {source}"),
    "app.share": ("Weight share", "Доля веса"),
    "app.contribution": ("Contribution", "Вклад"),
    "app.points": ("Points", "Баллы"),
    "app.weight": ("Weight", "Вес"),
    "app.sum": ("Dimension score (sum)", "Балл измерения (сумма)"),
    "app.left_out": ("left out", "не учтено"),
    "app.respondents": ("Respondents", "Респонденты"),
    "app.code": ("Code", "Код"),
    "app.name": ("Respondent", "Респондент"),
    "app.role": ("Role", "Роль"),
    "app.answered": ("Answered", "Отвечено"),
    "app.answers": ("All answers", "Все ответы"),
    "app.answers_legend": ("Levels 1–5; N/A = not applicable; DK = don't know; – = not answered; "
                           "* = with a comment; ! = marked for review. R1, R2… are the respondents listed above.",
                           "Уровни 1–5; Н/П — неприменимо; НЗ — не знаю; «–» — нет ответа; * — есть комментарий; "
                           "! — отмечено для проверки. R1, R2… — респонденты из списка выше."),
    "app.block": ("Respondents R{a}–R{b}", "Респонденты R{a}–R{b}"),
    "app.comments": ("All comments", "Все комментарии"),
    "app.agreed": ("Answers agreed by the facilitator", "Ответы, согласованные фасилитатором"),
    "app.end": ("End of report.", "Конец отчёта."),
    "ans.na": ("N/A", "Н/П"),
    "ans.dk": ("DK", "НЗ"),
    # --- h11rules ---
    "h11.targets": (
        "Target: the score each dimension reaches when every practice with a roadmap action reaches "
        "its target level (4 while below it; 5 once every phase is attained). Dimensions in the "
        "roadmap's order; benchmarks do not set targets.",
        "Цель: балл, которого измерение достигнет, когда каждая практика с действием в дорожной карте "
        "выйдет на целевой уровень (4, пока она ниже; 5, когда достигнуты все фазы). Измерения — в "
        "порядке дорожной карты; бенчмарки цели не задают.",
        "Мета: бал, якого вимір досягне, коли кожна практика з дією в дорожній карті вийде на цільовий "
        "рівень (4, поки вона нижча; 5, коли досягнуто всіх фаз). Виміри — у порядку дорожньої карти; "
        "бенчмарки цілей не задають."),
    "h11.counted_zero": ("counted as level 1, 0 points", "учтено как уровень 1, 0 баллов",
                         "враховано як рівень 1, 0 балів"),
}
