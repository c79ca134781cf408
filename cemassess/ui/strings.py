"""The app's own words, English and Russian: {key: (en, ru)}.

Framework texts (dimensions, practices, actions) come bilingual from the framework; the
shared product terms live in cemassess.i18n.COMMON (looked up as a fallback).
Set CEMASSESS_TRANS_SCALE=1.4 to stretch every string (Vorta's TRANS_SCALE trick) and see
whether the layouts survive a language that runs longer than Russian.
"""

from __future__ import annotations

import os

from cemassess.i18n import COMMON, pick

_SCALE = float(os.environ.get("CEMASSESS_TRANS_SCALE", "1") or 1)

UI: dict[str, tuple[str, ...]] = {
    # generic
    "ok": ("OK", "ОК"),
    "cancel": ("Cancel", "Отмена"),
    "close": ("Close", "Закрыть"),
    "quit": ("Quit", "Выйти"),
    "error.title": ("Something went wrong", "Что-то пошло не так"),
    "explain.text": ("How this was computed", "Как это рассчитано"),
    "tabs.name": ("Screens", "Экраны"),
    "status.saved": ("All changes saved at {time}", "Все изменения сохранены в {time}"),
    "about.text": ("cemassess {version}\nCustomer Experience Management maturity assessment.\n"
                   "Works offline; your data stays on this computer.",
                   "cemassess {version}\nОценка зрелости управления клиентским опытом (CEM).\n"
                   "Работает без интернета; данные остаются на этом компьютере."),
    # menus and actions
    "menu.file": ("&File", "&Файл"),
    "menu.edit": ("&Edit", "&Правка"),
    "menu.export": ("E&xport", "&Экспорт"),
    "menu.view": ("&View", "&Вид"),
    "menu.help": ("&Help", "&Справка"),
    "action.new": ("&New assessment…", "&Новая оценка…"),
    "action.demo": ("Open a &demo", "Открыть &пример"),
    "action.import": ("&Open or import a file…", "&Открыть или импортировать файл…"),
    "action.close": ("&Close the assessment", "&Закрыть оценку"),
    "action.quit": ("&Quit", "В&ыход"),
    "action.undo": ("&Undo", "&Отменить"),
    "action.redo": ("&Redo", "&Повторить"),
    "action.export_pdf": ("&PDF report…", "Отчёт &PDF…"),
    "action.export_xlsx": ("E&xcel workbook (XLSX)…", "Книга &Excel (XLSX)…"),
    "action.export_csv": ("&CSV tables…", "Таблицы &CSV…"),
    "action.export_file": ("&Assessment file…", "&Файл оценки…"),
    "action.presentation": ("&Presentation mode", "Режим &презентации"),
    "action.goto": ("Go to {screen}", "Перейти: {screen}"),
    "action.method": ("&How scores are computed", "&Как рассчитываются баллы"),
    "action.about": ("&About cemassess", "&О программе"),
    # screens
    "screen.start": ("Start", "Начало"),
    "screen.walk": ("Walk-through", "Опрос"),
    "screen.respondents": ("Respondents", "Респонденты"),
    "screen.results": ("Results", "Результаты"),
    "screen.roadmap": ("Roadmap", "Дорожная карта"),
    "screen.settings": ("Settings", "Настройки"),
    # start
    "start.intro": ("Assess how far a company manages its customers' experience: ten dimensions, "
                    "three phases, a roadmap. Everything stays on this computer.",
                    "Оцените, насколько компания управляет опытом своих клиентов: десять измерений, "
                    "три фазы, дорожная карта. Все данные остаются на этом компьютере."),
    "start.new": ("New assessment…", "Новая оценка…"),
    "start.new.tip": ("Start a new assessment of a company (Ctrl+N)",
                      "Начать новую оценку компании (Ctrl+N)"),
    "start.demo": ("Open a demo", "Открыть пример"),
    "start.demo.tip": ("A complete sample assessment of a B2B distributor (demonstration data)",
                       "Полностью заполненный пример: B2B-дистрибьютор (демонстрационные данные)"),
    "start.import": ("Open or import a file…", "Открыть или импортировать файл…"),
    "start.import.tip": ("Bring assessment files into your portfolio (Ctrl+O)",
                         "Добавить файлы оценок в портфель (Ctrl+O)"),
    "start.recent": ("Your assessments", "Ваши оценки"),
    "start.empty": ("No assessments yet. Start with \u201cNew assessment\u201d, or open the example to "
                    "see a finished one: scores, phases and a roadmap.",
                    "Оценок пока нет. Начните с «Новой оценки» или откройте пример, чтобы увидеть "
                    "готовую оценку: баллы, фазы и дорожную карту."),
    "start.search": ("Search company, industry or title", "Поиск по компании, отрасли или названию"),
    "start.sort": ("Sort by", "Сортировка"),
    "sort.modified": ("Last changed", "Последние изменённые"),
    "sort.company": ("Company", "Компания"),
    "sort.date": ("Assessment date", "Дата оценки"),
    "start.archived": ("Show archived", "Показать архивные"),
    "start.table": ("Assessments in the portfolio", "Оценки в портфеле"),
    "start.col.company": ("Company", "Компания"),
    "start.col.title": ("Title", "Название"),
    "start.col.date": ("Date", "Дата"),
    "start.col.respondents": ("Respondents", "Респонденты"),
    "start.col.answers": ("Answers", "Ответы"),
    "start.col.modified": ("Changed", "Изменена"),
    "start.open": ("Open", "Открыть"),
    "start.duplicate": ("Re-assess (copy)", "Повторная оценка (копия)"),
    "start.archive": ("Archive", "В архив"),
    "start.delete": ("Move to trash", "В корзину"),
    "start.folder": ("Portfolio folder: {folder}", "Папка портфеля: {folder}"),
    "delete.title": ("Move to trash", "Переместить в корзину"),
    "delete.text": ("Move the selected assessment to the trash? It can be restored from the "
                    "command line (cemassess restore).",
                    "Переместить выбранную оценку в корзину? Её можно восстановить из командной "
                    "строки (cemassess restore)."),
    "import.title": ("Open or import assessment files", "Открыть или импортировать файлы оценок"),
    "import.as_copy": ("{n} file(s) hold an assessment whose id is already in the portfolio "
                       "with different content. Import them as copies, keeping both?",
                       "Файлов с оценками, чей идентификатор уже есть в портфеле с другим "
                       "содержимым: {n}. Импортировать их как копии, сохранив обе версии?"),
    "import.copy": ("Import as copies", "Импортировать как копии"),
    "new.title": ("New assessment", "Новая оценка"),
    "new.company": ("Company name", "Название компании"),
    "new.industry": ("Industry", "Отрасль"),
    "new.size": ("Company size", "Размер компании"),
    "new.market": ("Market", "Рынок"),
    "new.country": ("Country", "Страна"),
    "new.assessor": ("Assessor", "Оценщик"),
    "new.role": ("Assessor's role", "Роль оценщика"),
    "new.date": ("Date", "Дата"),
    "new.create": ("Create", "Создать"),
    "new.need_company": ("Please enter the company's name.", "Введите название компании."),
    "size.unknown": ("Not stated", "Не указан"),
    "size.micro": ("Micro (under 10 people)", "Микро (до 10 человек)"),
    "size.small": ("Small (10-49)", "Малая (10–49)"),
    "size.medium": ("Medium (50-249)", "Средняя (50–249)"),
    "size.large": ("Large (250-999)", "Крупная (250–999)"),
    "size.enterprise": ("Enterprise (1000+)", "Корпорация (1000+)"),
    "market.b2b": ("B2B", "B2B"),
    "market.b2c": ("B2C", "B2C"),
    "market.both": ("B2B and B2C", "B2B и B2C"),
    "respondent.default": ("Respondent {n}", "Респондент {n}"),
    # in use / read-only / recovery
    "in_use.title": ("The portfolio is in use", "Портфель уже открыт"),
    "in_use.text": ("Another cemassess window is working with this portfolio. You can look at it "
                    "read-only, or quit and close the other window first.",
                    "С этим портфелем работает другое окно cemassess. Можно открыть его только для "
                    "чтения или выйти и сначала закрыть другое окно."),
    "in_use.read_only": ("Open read-only", "Открыть только для чтения"),
    "read_only.banner": ("Read-only: another cemassess window holds this portfolio. You can look "
                         "and export, but not change anything.",
                         "Только чтение: портфель открыт в другом окне cemassess. Можно смотреть "
                         "и экспортировать, но не изменять."),
    "read_only.short": ("read-only", "только чтение"),
    "read_only.refused": ("The portfolio is open read-only: the change was not made.",
                          "Портфель открыт только для чтения: изменение не внесено."),
    "recovery.title": ("Recovered after an unexpected stop", "Восстановлено после сбоя"),
    "recovery.text": ("cemassess was not closed properly last time. Nothing was lost:",
                      "В прошлый раз cemassess был закрыт некорректно. Ничего не потеряно:"),
    "recovery.keep": ("Keep the recovered answers", "Оставить восстановленные ответы"),
    "recovery.discard": ("Discard them", "Отбросить их"),
    "recovery.kept": ("Recovered after an unexpected stop:", "Восстановлено после сбоя:"),
    "recovery.discarded": ("Recovered changes discarded for {n} assessment(s) (a copy is kept in "
                           "the data folder).",
                           "Восстановленные изменения отброшены для оценок: {n} (копия сохранена "
                           "в папке данных)."),
    "recovery.line": ("Recovered {answers} answers and {other} other changes to '{name}'.",
                      "Восстановлено ответов: {answers}, других изменений: {other} — «{name}»."),
    # walk-through
    "walk.answering_as": ("Answering as", "Отвечает"),
    "walk.consensus": ("Consensus mode", "Режим консенсуса"),
    "walk.consensus.tip": ("The facilitator records the agreed answer and the dissent; "
                           "everyone's answers are shown on each practice",
                           "Фасилитатор записывает согласованный ответ и особое мнение; "
                           "ответы всех участников видны у каждой практики"),
    "walk.progress": ("Answered so far", "Отвечено"),
    "walk.overall_progress": ("{n} of {total} answered", "Отвечено {n} из {total}"),
    "walk.keys": ("Keys: 1-5 choose a level, N not applicable, D don't know (each moves on); "
                  "Enter or arrows move; 0 clears; Ctrl+Z undoes.",
                  "Клавиши: 1–5 — уровень, N — неприменимо, D — не знаю (с переходом дальше); "
                  "Enter и стрелки — переход; 0 — очистить; Ctrl+Z — отменить."),
    "walk.nav": ("Sections of the assessment", "Разделы оценки"),
    "walk.phases": ("Phase diagnosis", "Диагностика фаз"),
    "walk.dimensions": ("The ten dimensions", "Десять измерений"),
    "walk.metrics": ("Metrics: NPS, retention, churn", "Метрики: NPS, удержание, отток"),
    "walk.checks": ("Voice of the Customer pitfalls", "Ловушки «голоса клиента»"),
    "walk.checks.intro": ("Judged from the answers to the practices listed under each one.",
                          "Оцениваются по ответам на практики, перечисленные под каждым пунктом."),
    "walk.checks.none": ("This framework defines no checks.", "В этой модели нет проверок."),
    "walk.traditional": ("Traditional practice", "Традиционный подход"),
    "walk.cem": ("CEM practice", "Подход CEM"),
    "walk.dim_progress": ("{n} of {total} practices answered", "Отвечено практик: {n} из {total}"),
    "walk.answers": ("Answers:", "Ответы:"),
    "walk.median": ("median {level}", "медиана {level}"),
    "walk.no_answers_yet": ("No respondent has answered yet.", "Пока никто не ответил."),
    "walk.phase_progress": ("Progress in phase {n}", "Прогресс фазы {n}"),
    "walk.phase_bar": ("{pct}% — {at} of {total} practices at level 4+",
                       "{pct}% — {at} из {total} практик на уровне 4+"),
    "walk.phase_met": ("Attained: every applicable practice is at level 4 or above.",
                       "Достигнута: все применимые практики на уровне 4 или выше."),
    "walk.phase_blocked": ("Not attained: {n} practice(s) below level 4 or not answered:",
                           "Не достигнута: практик ниже уровня 4 или без ответа — {n}:"),
    "card.level": ("Level {n}: {text}", "Уровень {n}: {text}"),
    "card.na": ("N/A", "Неприменимо"),
    "card.dk": ("Don't know", "Не знаю"),
    "card.clear": ("Clear", "Очистить"),
    "card.clear.name": ("Clear the answer", "Очистить ответ"),
    "card.review": ("Mark for review", "Вернуться позже"),
    "card.comment": ("Comment", "Комментарий"),
    "card.comment.hint": ("Evidence, examples, doubts…", "Факты, примеры, сомнения…"),
    "card.dissent": ("Dissent", "Особое мнение"),
    "card.dissent.hint": ("Who disagreed and why", "Кто не согласен и почему"),
    "card.keys": ("1-5 level, N not applicable, D don't know, Enter next",
                  "1–5 уровень, N неприменимо, D не знаю, Enter далее"),
    "check.kind.voc_pitfall": ("Pitfall", "Ловушка"),
    "check.kind.b2b_principle": ("B2B principle", "Принцип B2B"),
    "check.unknown": ("Not enough answers to tell yet.", "Пока недостаточно ответов."),
    "check.fired.voc_pitfall": ("Found: the practices behind it average level {level}.",
                                "Обнаружена: средний уровень связанных практик {level}."),
    "check.ok.voc_pitfall": ("Avoided: the practices behind it average level {level}.",
                             "Не обнаружена: средний уровень связанных практик {level}."),
    "check.fired.b2b_principle": ("Not met: the practices behind it average level {level}.",
                                  "Не соблюдается: средний уровень связанных практик {level}."),
    "check.ok.b2b_principle": ("Met: the practices behind it average level {level}.",
                               "Соблюдается: средний уровень связанных практик {level}."),
    # metrics
    "metrics.intro": ("Figures the company already measures. Leave a field at “—” when it is "
                      "not known.",
                      "Показатели, которые компания уже измеряет. Оставьте «—», если значение "
                      "неизвестно."),
    "metrics.mode": ("Enter NPS as", "Ввод NPS"),
    "metrics.mode.counts": ("Counts of each answer 0-10", "Количество ответов 0–10"),
    "metrics.mode.dist": ("Shares of promoters, passives and detractors",
                          "Доли промоутеров, нейтралов и критиков"),
    "metrics.count": ("Number who answered {n}", "Ответили «{n}»"),
    "metrics.n": ("Number of answers", "Число ответов"),
    "metrics.promoters": ("Promoters (9-10)", "Промоутеры (9–10)"),
    "metrics.passives": ("Passives (7-8)", "Нейтралы (7–8)"),
    "metrics.detractors": ("Detractors (0-6)", "Критики (0–6)"),
    "metrics.apply_dist": ("Use these shares", "Применить доли"),
    "metrics.nps_period": ("Survey period", "Период опроса"),
    "metrics.nps_source": ("Source", "Источник"),
    "metrics.other": ("Retention and churn", "Удержание и отток"),
    "metrics.period": ("Period", "Период"),
    "metrics.unknown_hint": ("Step below 0 to show “—” (not known).",
                             "Уменьшите ниже 0, чтобы указать «—» (неизвестно)."),
    "metrics.no_nps": ("No NPS figures entered.", "Данные NPS не введены."),
    "metrics.nps_result": ("NPS {score} from {n} answers: promoters {pro}%, passives {pas}%, "
                           "detractors {det}%.",
                           "NPS {score} по {n} ответам: промоутеры {pro}%, нейтралы {pas}%, "
                           "критики {det}%."),
    # respondents
    "resp.intro": ("Several people answering separately show where management, sales, marketing "
                   "and service see the company differently. Pick who is answering in the "
                   "walk-through.",
                   "Когда несколько человек отвечают отдельно, видно, где руководство, продажи, "
                   "маркетинг и сервис видят компанию по-разному. Кто отвечает — выбирается "
                   "на экране опроса."),
    "resp.table": ("Respondents", "Респонденты"),
    "resp.col.name": ("Name", "Имя"),
    "resp.col.role": ("Role", "Роль"),
    "resp.col.answers": ("Answered", "Ответов"),
    "resp.col.active": ("Answering now", "Отвечает сейчас"),
    "resp.make_active": ("Answer as this person", "Отвечать от имени"),
    "resp.remove": ("Remove", "Удалить"),
    "resp.remove.text": ("Remove {name} and their answers? (Ctrl+Z brings them back.)",
                         "Удалить «{name}» вместе с ответами? (Ctrl+Z вернёт.)"),
    "resp.add": ("Add a respondent", "Добавить респондента"),
    "resp.add_btn": ("Add", "Добавить"),
    "resp.edit": ("Selected respondent", "Выбранный респондент"),
    "resp.save": ("Save changes", "Сохранить"),
    "resp.name": ("Name", "Имя"),
    "resp.name.hint": ("e.g. Head of service", "например, руководитель сервиса"),
    "resp.role": ("Role", "Роль"),
    "resp.consensus": ("Consensus", "Консенсус"),
    "resp.consensus.intro": ("In consensus mode the walk-through records one agreed answer per "
                             "practice, with the dissent; it replaces the median of the "
                             "respondents in the scores.",
                             "В режиме консенсуса опрос записывает один согласованный ответ на "
                             "практику и особое мнение; в баллах он заменяет медиану ответов."),
    "resp.disagree": ("Where the respondents disagree most (opens them side by side):",
                      "Где мнения расходятся сильнее всего (открыть рядом друг с другом):"),
    "resp.no_disagree": ("No practice has answers two or more levels apart.",
                         "Нет практик, где ответы расходятся на два уровня и больше."),
    "resp.disagree_item": ("{text}  (answers {levels})", "{text}  (ответы {levels})"),
    # results
    "results.title": ("Results — {company}", "Результаты — {company}"),
    "results.completion": ("Answered", "Заполнено"),
    "results.completion_name": ("Practices answered: {value}", "Отвечено практик: {value}"),
    "results.completion_sub": ("{n} respondent(s); {dk} knowledge gap(s); {review} for review",
                               "респондентов: {n}; пробелов в знаниях: {dk}; на проверку: {review}"),
    "results.completion_expl": ("A practice counts as answered when anyone gave it a level, "
                                "N/A or don't know, or an agreed answer exists.",
                                "Практика считается отвеченной, если кто-то указал уровень, "
                                "«неприменимо» или «не знаю» либо есть согласованный ответ."),
    "results.overall_name": ("CEM index {value}, how it was computed",
                             "Индекс CEM {value}, как рассчитан"),
    "results.phase_name": ("Current phase {value}, why", "Текущая фаза {value}, почему"),
    "results.phase_sub": ("Phases attained: {attained} of 3; progress in this phase {pct}%",
                          "Достигнуто фаз: {attained} из 3; прогресс текущей фазы {pct}%"),
    "results.nps_name": ("NPS {value}, how it was computed", "NPS {value}, как рассчитан"),
    "results.nps_sub": ("from {n} answers; published B2B figures in the chart",
                        "по {n} ответам; опубликованные данные B2B — на графике"),
    "results.benchmark": ("Compare with", "Сравнить с"),
    "results.segment_item": ("{segment} (n={n}) — {pack}", "{segment} (n={n}) — {pack}"),
    "results.illustrative": ("ILLUSTRATIVE benchmark: “{pack}” is generated from assumed "
                             "distributions, not measured. Use it to see how a comparison works.",
                             "ИЛЛЮСТРАТИВНЫЙ бенчмарк: «{pack}» сгенерирован из допущений, а не "
                             "измерен. Он показывает, как работает сравнение."),
    "results.no_benchmark": ("No benchmark installed", "Бенчмарк не установлен"),
    "results.gating": ("Why this phase", "Почему эта фаза"),
    "results.table": ("Dimension scores; Enter shows how a score was computed",
                      "Баллы измерений; Enter — как рассчитан балл"),
    "results.table_hint": ("Click a row (or press Enter) to see how its score was computed.",
                           "Щёлкните строку (или нажмите Enter), чтобы увидеть расчёт балла."),
    "results.col.dimension": ("Dimension", "Измерение"),
    "results.col.score": ("Score", "Балл"),
    "results.col.level": ("Level", "Уровень"),
    "results.col.median": ("Median", "Медиана"),
    "results.col.p90": ("P90", "P90"),
    "results.col.percentile": ("Percentile", "Процентиль"),
    "results.col.coverage": ("Answered", "Отвечено"),
    "results.findings": ("Findings", "Выводы"),
    "results.no_findings": ("Nothing stands out yet.", "Пока ничего не выделяется."),
    "results.gap_line": ("{dim}: {high} rates it {gap} levels above {low} (perception gap)",
                         "{dim}: {high} оценивает на {gap} уровня выше, чем {low} (разрыв восприятия)"),
    "results.dk_line": ("{n} practice(s) answered “don't know”: find out before the next round.",
                        "Практик с ответом «не знаю»: {n} — выясните до следующего раунда."),
    "results.review_line": ("{n} practice(s) marked for review.",
                            "Практик, отмеченных для проверки: {n}."),
    "results.nps_method": ("NPS = % promoters (answers 9-10) − % detractors (answers 0-6); "
                           "passives (7-8) count only in the total.",
                           "NPS = % промоутеров (ответы 9–10) − % критиков (ответы 0–6); "
                           "нейтралы (7–8) учитываются только в общем числе."),
    "results.nps_calc": ("{n} answers: {pro} promoters, {pas} passives, {det} detractors → "
                         "{ppro}% − {pdet}% = {score}",
                         "{n} ответов: промоутеров {pro}, нейтралов {pas}, критиков {det} → "
                         "{ppro}% − {pdet}% = {score}"),
    "results.nps_published": ("Published B2B figures for comparison:",
                              "Опубликованные данные по B2B для сравнения:"),
    "results.bench_head": ("Benchmark: {segment} ({pack})", "Бенчмарк: {segment} ({pack})"),
    "results.bench_line": ("  n={n}: P10 {p10}, median {med}, P75 {p75}, P90 {p90}; "
                           "this company is at percentile {pct}",
                           "  n={n}: P10 {p10}, медиана {med}, P75 {p75}, P90 {p90}; "
                           "процентиль компании {pct}"),
    "results.target": ("Roadmap target for this dimension: {target} points.",
                       "Цель дорожной карты для измерения: {target} баллов."),
    "chart.radar": ("Radar chart of the dimension scores against the benchmark",
                    "Лепестковая диаграмма баллов измерений и бенчмарка"),
    "chart.gap_bars": ("Bar chart of the gaps to the benchmark", "Диаграмма разрывов до бенчмарка"),
    "chart.phase_progress": ("Progress in each phase", "Прогресс по фазам"),
    "chart.nps_panel": ("NPS against published B2B figures", "NPS и опубликованные данные B2B"),
    "chart.role_heatmap": ("Perception gaps: roles by dimensions", "Разрывы восприятия: роли и измерения"),
    "chart.loading": ("Drawing the chart…", "Диаграмма строится…"),
    "chart.unavailable": ("Charts are not available in this installation.",
                          "Графики недоступны в этой установке."),
    "chart.empty.radar": ("No dimension has a score yet.", "Ни у одного измерения пока нет балла."),
    "chart.empty.gap_bars": ("No gaps to show yet.", "Разрывов пока нет."),
    "chart.empty.phase_progress": ("No phase progress yet.", "Прогресса по фазам пока нет."),
    "chart.empty.nps_panel": ("No NPS entered: add it under Metrics in the walk-through.",
                              "NPS не введён: добавьте его в разделе «Метрики» опроса."),
    "chart.empty.role_heatmap": ("The perception-gap heatmap needs respondents in two or more roles.",
                                 "Для карты разрывов восприятия нужны респонденты минимум двух ролей."),
    "chart.empty.timeline": ("No dated actions.", "Нет действий со сроками."),
    # roadmap
    "roadmap.title": ("Roadmap — {company}", "Дорожная карта — {company}"),
    "roadmap.intro": ("Prioritised actions: phase 1 gaps first, then by gap, weight, benchmark and "
                      "effort. Tick to include, Ctrl+Up/Down to reorder; edits are marked ✎.",
                      "Действия по приоритету: сначала разрывы фазы 1, затем по разрыву, весу, "
                      "бенчмарку и трудозатратам. Флажок — включить, Ctrl+↑/↓ — порядок; "
                      "правки отмечены ✎."),
    "roadmap.tree": ("Roadmap actions by horizon", "Действия дорожной карты по горизонтам"),
    "roadmap.add": ("Add your own action…", "Добавить своё действие…"),
    "roadmap.add_ok": ("Add", "Добавить"),
    "roadmap.up": ("Move up", "Выше"),
    "roadmap.down": ("Move down", "Ниже"),
    "roadmap.up.tip": ("Move the action up within its horizon (Ctrl+Up)",
                       "Переместить действие выше в его горизонте (Ctrl+↑)"),
    "roadmap.down.tip": ("Move the action down within its horizon (Ctrl+Down)",
                         "Переместить действие ниже в его горизонте (Ctrl+↓)"),
    "roadmap.show_excluded": ("Show excluded actions", "Показывать исключённые"),
    "roadmap.col.rank": ("#", "№"),
    "roadmap.col.action": ("Action", "Действие"),
    "roadmap.col.dimension": ("Dimension", "Измерение"),
    "roadmap.col.phase": ("Phase", "Фаза"),
    "roadmap.col.effort": ("Effort", "Затраты"),
    "roadmap.col.owner": ("Owner", "Ответственный"),
    "roadmap.col.kpi": ("KPI", "KPI"),
    "roadmap.col.due": ("Due", "Срок"),
    "roadmap.col.edited": ("✎", "✎"),
    "roadmap.edited": ("Edited by you", "Изменено вами"),
    "roadmap.editor": ("Selected action", "Выбранное действие"),
    "roadmap.none_selected": ("Select an action to edit it.", "Выберите действие для правки."),
    "roadmap.included": ("Included in the roadmap", "Включено в дорожную карту"),
    "roadmap.horizon": ("Horizon", "Горизонт"),
    "roadmap.has_due": ("Set a due date", "Указать срок"),
    "roadmap.note": ("Note", "Заметка"),
    "roadmap.remove": ("Remove this action", "Удалить это действие"),
    "roadmap.custom_title": ("Action", "Действие"),
    "roadmap.description": ("Description", "Описание"),
    # settings
    "settings.language": ("Language", "Язык"),
    "settings.language.hint": ("Switches the app and the framework's texts at once; nothing is lost.",
                               "Меняет язык программы и текстов модели сразу; ничего не теряется."),
    "settings.branding": ("Report branding", "Оформление отчёта"),
    "settings.consultant": ("Consultant", "Консультант"),
    "settings.consultant.hint": ("Your name or company, printed on the report",
                                 "Ваше имя или компания — печатается в отчёте"),
    "settings.logo": ("Logo", "Логотип"),
    "settings.logo_browse": ("Choose a logo", "Выбрать логотип"),
    "settings.browse": ("Browse…", "Обзор…"),
    "settings.accent": ("Accent colour", "Акцентный цвет"),
    "settings.accent_pick": ("Pick the accent colour", "Выбрать акцентный цвет"),
    "settings.pick": ("Pick…", "Выбрать…"),
    "settings.data": ("Data folder", "Папка данных"),
    "settings.folder": ("Portfolio folder", "Папка портфеля"),
    "settings.folder_browse": ("Choose the portfolio folder", "Выбрать папку портфеля"),
    "settings.folder.default": ("Default folder", "Папка по умолчанию"),
    "settings.folder.hint": ("A new folder takes effect the next time cemassess starts.",
                             "Новая папка начнёт использоваться при следующем запуске."),
    "settings.folder.now": ("In use now: {folder}", "Сейчас используется: {folder}"),
    "settings.stored_in": ("Settings are stored in {path}", "Настройки хранятся в {path}"),
    # export
    "export.title": ("Export", "Экспорт"),
    "export.pdf": ("Save the PDF report", "Сохранить отчёт PDF"),
    "export.csv": ("Save CSV tables", "Сохранить таблицы CSV"),
    "export.xlsx": ("Save the Excel workbook", "Сохранить книгу Excel"),
    "export.file": ("Save the assessment file", "Сохранить файл оценки"),
    "export.pdf.progress": ("Building the PDF report…", "Формируется отчёт PDF…"),
    "export.table.progress": ("Writing the tables…", "Записываются таблицы…"),
    "export.done": ("Export finished", "Экспорт завершён"),
    "export.done.text": ("Saved {path}. Open it now?", "Сохранено: {path}. Открыть сейчас?"),
    "export.open": ("Open", "Открыть"),
    "export.saved": ("Saved {path}", "Сохранено: {path}"),
    "export.unavailable": ("This export is not available in this installation yet.",
                           "Этот экспорт пока недоступен в этой установке."),
    # menus and actions: workshops, events, benchmarks, details
    "menu.workshop": ("&Workshop", "&Семинар"),
    "action.details": ("Assessment &details…", "&Сведения об оценке…"),
    "action.questionnaire": ("Export a &questionnaire…", "Экспорт &анкеты…"),
    "action.import_answers": ("&Import answer files…", "&Импорт файлов ответов…"),
    "action.import_answer_folder": ("Import a &folder of answer files…",
                                    "Импорт &папки с файлами ответов…"),
    "action.merge": ("&Consensus: where respondents disagree", "&Согласование: где мнения расходятся"),
    "action.answer": ("&Answer a questionnaire…", "&Ответить на анкету…"),
    "action.event": ("&Event room", "&Зал мероприятия"),
    "action.import_pack": ("Import a &benchmark pack…", "Импорт пакета &бенчмарков…"),
    "action.build_pack": ("Build a benchmark from my &portfolio", "Построить бенчмарк по &портфелю"),
    "screen.merge": ("Consensus", "Согласование"),
    "screen.event": ("Event room", "Зал мероприятия"),
    "open.present": ("This assessment is already in your portfolio: opened it from there.",
                     "Эта оценка уже есть в портфеле: открыта оттуда."),
    # assessment details
    "details.title": ("Assessment details", "Сведения об оценке"),
    "details.assessment_title": ("Title of the assessment", "Название оценки"),
    "details.save": ("Save", "Сохранить"),
    "undo.details": ("assessment details", "сведения об оценке"),
    # questionnaire (facilitator)
    "quest.title": ("Export a questionnaire", "Экспорт анкеты"),
    "quest.intro": ("Participants open this file with cemassess (File → Answer a questionnaire…, or "
                    "cemassess-app --participant FILE), answer on their own computer and send back an "
                    "answer file, which you import here.",
                    "Участники открывают этот файл в cemassess (Файл → Ответить на анкету… или "
                    "cemassess-app --participant ФАЙЛ), отвечают на своём компьютере и присылают "
                    "файл ответов, который вы импортируете здесь."),
    "quest.mode": ("For", "Для"),
    "quest.workshop": ("A workshop at {company}: every answer file becomes a respondent of this "
                       "assessment",
                       "Семинара в компании «{company}»: каждый файл ответов станет респондентом "
                       "этой оценки"),
    "quest.workshop.name": ("A workshop at this company", "Семинар в этой компании"),
    "quest.event": ("A club event: every participant assesses their own company",
                    "Клубного мероприятия: каждый участник оценивает свою компанию"),
    "quest.event_name": ("Event name", "Название мероприятия"),
    "quest.event_name.hint": ("e.g. CX Club, Riga, 14 May", "например, CX-клуб, Москва, 14 мая"),
    "quest.role": ("Participants answer as", "Участники отвечают как"),
    "quest.role.any": ("The participant chooses", "Участник выбирает сам"),
    "quest.need_event": ("Please name the event.", "Укажите название мероприятия."),
    "quest.save": ("Save the questionnaire…", "Сохранить анкету…"),
    # importing answer files (facilitator)
    "answers.title": ("Import answer files", "Импорт файлов ответов"),
    "answers.pick": ("Choose participants' answer files", "Выберите файлы ответов участников"),
    "answers.pick_folder": ("Choose a folder of answer files", "Выберите папку с файлами ответов"),
    "answers.reading": ("Reading the answer files…", "Файлы ответов читаются…"),
    "answers.summary": ("{ok} file(s) imported as respondents, {bad} refused. A file is imported "
                        "whole or not at all.",
                        "Импортировано файлов (как респонденты): {ok}; отклонено: {bad}. Файл "
                        "импортируется целиком или не импортируется вовсе."),
    "answers.undo_hint": ("Ctrl+Z undoes the whole import.", "Ctrl+Z отменяет весь импорт."),
    "answers.as": ("respondent {name} ({role})", "респондент {name} ({role})"),
    "answers.open_first": ("Open the assessment these answers belong to first (or drop event "
                           "participants' files on the Event room).",
                           "Сначала откройте оценку, к которой относятся эти ответы (файлы участников "
                           "мероприятия перетащите на экран «Зал мероприятия»)."),
    "answers.gone": ("The assessment was closed while the files were read: nothing was imported.",
                     "Оценка была закрыта, пока читались файлы: ничего не импортировано."),
    # why a file was refused (the core's reasons; {a} keeps the detail)
    "why.already": ("already imported", "уже импортирован"),
    "why.same_file": ("the same file as {a}", "тот же файл, что и {a}"),
    "why.copy_in_batch": ("a copy of an answer file already in this batch",
                          "копия файла ответов, который уже есть в этом импорте"),
    "why.other_assessment": ("answers another assessment ({a})", "ответы к другой оценке ({a})"),
    "why.too_large": ("too large for an answer file ({a} bytes)", "слишком велик для файла ответов ({a} байт)"),
    "why.unreadable": ("cannot be read ({a})", "не читается ({a})"),
    "why.questionnaire": ("this is a questionnaire, not an answer file", "это анкета, а не файл ответов"),
    "why.not_answers": ("not a cemassess answer file", "не файл ответов cemassess"),
    "why.version": ("answer file format version {a} is not supported",
                    "версия формата файла ответов {a} не поддерживается"),
    "why.framework": ("answers a different framework ({a})", "ответы по другой модели ({a})"),
    "why.unknown_practice": ("answers an unknown practice {a}", "ответ на неизвестную практику {a}"),
    "why.zip": ("a ZIP archive (an XLSX?), not an answer file", "ZIP-архив (XLSX?), а не файл ответов"),
    "why.pdf": ("a PDF, not an answer file", "PDF, а не файл ответов"),
    "why.image": ("an image, not an answer file", "изображение, а не файл ответов"),
    "why.not_utf8": ("not UTF-8 text (byte {a})", "текст не в кодировке UTF-8 (байт {a})"),
    "why.empty": ("the file is empty", "файл пуст"),
    "why.deep": ("nested too deeply to be an answer file", "слишком глубокая вложенность для файла ответов"),
    "why.not_json": ("not valid JSON ({a})", "некорректный JSON ({a})"),
    "why.invalid": ("not valid: {a}", "некорректен: {a}"),
    "why.format": ("does not match the answer file format: {a}", "не соответствует формату файла ответов: {a}"),
    "report.table": ("What became of each file", "Что стало с каждым файлом"),
    "report.col.file": ("File", "Файл"),
    "report.col.outcome": ("Outcome", "Итог"),
    "report.col.why": ("Details", "Подробности"),
    "report.ok": ("imported", "импортирован"),
    "report.refused": ("refused", "отклонён"),
    "resp.import": ("Import answer files…", "Импорт файлов ответов…"),
    "resp.import.tip": ("Participants' answer files (or a folder of them; you can also drop them on "
                        "the window) become respondents (Ctrl+Shift+I)",
                        "Файлы ответов участников (или папка с ними; их можно и перетащить в окно) "
                        "становятся респондентами (Ctrl+Shift+I)"),
    "resp.open_merge": ("Side by side…", "Рядом друг с другом…"),
    "resp.open_merge.tip": ("Only the practices where the respondents disagree, every answer side by "
                            "side (Consensus screen)",
                            "Только практики с расхождениями, все ответы рядом (экран «Согласование»)"),
    # consensus, side by side (merge)
    "merge.title": ("Consensus: where the respondents disagree", "Согласование: где мнения расходятся"),
    "merge.intro": ("Only the practices whose answers are far apart. Compare the answers and comments, "
                    "agree on a level with the group (1-5, N not applicable, D don't know) and note "
                    "who disagreed and why. The agreed answer replaces the median in the scores; "
                    "Ctrl+Z undoes it.",
                    "Только практики, где ответы далеко расходятся. Сравните ответы и комментарии, "
                    "согласуйте уровень с группой (1–5, N — неприменимо, D — не знаю) и запишите, "
                    "кто не согласен и почему. Согласованный ответ заменяет медиану в баллах; "
                    "Ctrl+Z отменяет."),
    "merge.threshold": ("Answers at least this many levels apart:",
                        "Разброс ответов не меньше (уровней):"),
    "merge.count": ("{n} practice(s) to discuss; {agreed} agreed so far.",
                    "Практик для обсуждения: {n}; согласовано: {agreed}."),
    "merge.none": ("No practice has answers {n} or more levels apart.",
                   "Нет практик, где ответы расходятся на {n} уровня и больше."),
    "merge.nothing": ("Nothing to discuss at this threshold: lower it to see smaller differences.",
                      "При этом пороге обсуждать нечего: уменьшите его, чтобы увидеть меньшие расхождения."),
    "merge.list": ("Practices where the respondents disagree", "Практики с расхождениями"),
    "merge.col.practice": ("Practice", "Практика"),
    "merge.col.answers": ("Answers", "Ответы"),
    "merge.col.spread": ("Spread", "Разброс"),
    "merge.col.agreed": ("Agreed", "Согласовано"),
    "merge.col.respondent": ("Respondent", "Респондент"),
    "merge.col.role": ("Role", "Роль"),
    "merge.col.answer": ("Answer", "Ответ"),
    "merge.col.comment": ("Comment", "Комментарий"),
    "merge.answers": ("Everyone's answers", "Ответы всех"),
    "merge.answers_for": ("Everyone's answers to {n}", "Ответы всех на {n}"),
    "merge.median": ("Median of the answers: level {level}", "Медиана ответов: уровень {level}"),
    "merge.no_median": ("No level was given: only N/A or don't know.",
                        "Уровень никто не указал: только «неприменимо» или «не знаю»."),
    "merge.agreed_intro": ("The agreed answer and the dissent:", "Согласованный ответ и особое мнение:"),
    # results: re-assessment trend, benchmark packs
    "results.segment_item_illustrative": ("{segment} (n={n}) — {pack} — ILLUSTRATIVE",
                                          "{segment} (n={n}) — {pack} — ИЛЛЮСТРАТИВНЫЙ"),
    "results.trend": ("Change since the last assessment", "Изменения с прошлой оценки"),
    "results.trend_intro": ("This company has been assessed {n} {times} ({dates}). The table compares "
                            "this assessment with the one of {before}.",
                            "Компания оценивалась {n} {times} ({dates}). Таблица сравнивает эту оценку "
                            "с оценкой от {before}."),
    "results.times": ("time|times|times", "раз|раза|раз"),  # one | few | many (Russian plural forms)
    "results.trend_table": ("Dimension scores now and at the last assessment",
                            "Баллы измерений сейчас и в прошлой оценке"),
    "trend.col.dimension": ("Dimension", "Измерение"),
    "trend.col.before": ("Before", "Было"),
    "trend.col.now": ("Now", "Стало"),
    "trend.col.change": ("Change", "Изменение"),
    "trend.col.direction": ("Direction", "Направление"),
    "trend.up": ("improved", "улучшилось"),
    "trend.down": ("declined", "ухудшилось"),
    "trend.flat": ("about the same", "без заметных изменений"),
    "trend.new": ("first scored now", "впервые оценено"),
    "trend.unknown": ("not comparable", "нельзя сравнить"),
    "chart.trend": ("Dimension scores at each assessment of this company",
                    "Баллы измерений в каждой оценке компании"),
    "chart.empty.trend": ("One assessment only: no trend yet.", "Пока одна оценка: динамики нет."),
    "roadmap.col.moved": ("Since last", "С прошлой"),
    # benchmark shelf
    "settings.benchmarks": ("Benchmark packs", "Пакеты бенчмарков"),
    "settings.benchmarks.hint": ("Packs to compare with on the Results screen: the shipped one, packs "
                                 "shared by colleagues, one built from your own portfolio, and those "
                                 "saved from events. Nothing is shown from fewer than five assessments.",
                                 "Пакеты для сравнения на экране «Результаты»: встроенный, пакеты "
                                 "коллег, построенный по вашему портфелю и сохранённые на "
                                 "мероприятиях. Менее чем по пяти оценкам ничего не показывается."),
    "settings.pack_line": ("• {title} — {kind}, {n} segment(s), {date}",
                           "• {title} — {kind}, сегментов: {n}, {date}"),
    "bench.import": ("Import a benchmark pack", "Импорт пакета бенчмарков"),
    "bench.import_btn": ("Import a pack…", "Импортировать пакет…"),
    "bench.build": ("Build a benchmark from my portfolio", "Бенчмарк по моему портфелю"),
    "bench.build_btn": ("Build from my portfolio", "Построить по портфелю"),
    "bench.build.tip": ("Anonymised distributions of your own assessments (the newest of each "
                        "re-assessed company), by industry, size and region",
                        "Обезличенные распределения ваших оценок (по последней оценке каждой "
                        "компании) по отраслям, размерам и регионам"),
    "bench.portfolio_title": ("My portfolio", "Мой портфель"),
    "bench.illustrative": ("ILLUSTRATIVE", "ИЛЛЮСТРАТИВНЫЙ"),
    "bench.measured": ("measured", "измеренный"),
    "bench.imported": ("“{title}” is on the shelf: {kind}, {n} segment(s). Choose it on the Results "
                       "screen.",
                       "«{title}» добавлен: {kind}, сегментов: {n}. Выберите его на экране "
                       "«Результаты»."),
    "bench.built": ("Built from {n} assessment(s), {segments} segment(s). Choose “My portfolio” on the "
                    "Results screen; segments with fewer than five assessments show nothing.",
                    "Построен по оценкам: {n}, сегментов: {segments}. Выберите «Мой портфель» на "
                    "экране «Результаты»; сегменты менее чем из пяти оценок не показываются."),
    # event room
    "event.intro": ("At a club event every participant assesses their own company and sends you an "
                    "answer file. The room is shown anonymously: nobody's company is named and "
                    "nothing is shown from fewer than five participants. F11 puts it on the projector.",
                    "На клубном мероприятии каждый участник оценивает свою компанию и присылает файл "
                    "ответов. Зал показывается обезличенно: компании не называются, и менее чем по "
                    "пяти участникам ничего не показывается. F11 — на проектор."),
    "event.title_named": ("Event room — {event}", "Зал мероприятия — {event}"),
    "event.name": ("Event name", "Название мероприятия"),
    "event.name.hint": ("Printed on the reports and the benchmark", "Печатается в отчётах и бенчмарке"),
    "event.add_files": ("Add answer files…", "Добавить файлы ответов…"),
    "event.add_folder": ("Add a folder…", "Добавить папку…"),
    "event.clear": ("Start a new room", "Новый зал"),
    "event.drop_hint": ("You can also drop answer files or a folder onto this window.",
                        "Файлы ответов или папку можно и перетащить в это окно."),
    "event.reading": ("Reading and scoring {n} file(s)…", "Чтение и расчёт файлов: {n}…"),
    "event.empty": ("No participants yet.", "Участников пока нет."),
    "event.status": ("{n} participant(s) in the room", "Участников в зале: {n}"),
    "event.refused": ("{n} file(s) not used:", "Не использовано файлов: {n}:"),
    "event.too_few": ("Only {n} participant(s): nothing is shown below {min}, so that nobody can be "
                      "recognised. Add more answer files.",
                      "Участников всего {n}: менее чем по {min} ничего не показывается, чтобы никого "
                      "нельзя было узнать. Добавьте файлы ответов."),
    "event.distribution": ("Distribution per dimension", "Распределение по измерениям"),
    "event.distribution.note": ("Each dot is one participant; the box spans the middle half of the "
                                "room, the line is the median.",
                                "Каждая точка — один участник; прямоугольник охватывает средние 50% "
                                "зала, линия — медиана."),
    "event.positions": ("Each participant in the room", "Каждый участник в зале"),
    "event.col.number": ("Participant", "Участник"),
    "event.col.name": ("Company", "Компания"),
    "event.col.overall": ("CEM index", "Индекс CEM"),
    "event.col.percentile": ("Percentile in the room", "Процентиль в зале"),
    "event.col.phase": ("Phase attained", "Достигнутая фаза"),
    "event.no_phase": ("none yet", "пока нет"),
    "event.participant": ("No. {n}", "№ {n}"),
    "event.show_names": ("Show company names (for your eyes only)", "Показать названия компаний (только для вас)"),
    "event.show_names.tip": ("Off by default and never shown in presentation mode",
                             "По умолчанию выключено и никогда не показывается в режиме презентации"),
    "event.write_pdfs": ("Write PDFs…", "Создать PDF…"),
    "event.write_pdfs.tip": ("The room summary and a personal report for each participant, into a folder",
                             "Сводка по залу и личный отчёт каждого участника — в папку"),
    "event.pdfs.progress": ("Writing {n} PDF reports…", "Создаются отчёты PDF: {n}…"),
    "event.pdfs.cancelled": ("PDFs cancelled: nothing was written.", "Создание PDF отменено: ничего не записано."),
    "event.pdfs.done": ("{n} PDF reports written to {folder}. Open the folder?",
                        "Отчётов PDF: {n}, папка {folder}. Открыть папку?"),
    "event.save_benchmark": ("Save consenting participants as a benchmark",
                             "Сохранить согласившихся как бенчмарк"),
    "event.save_benchmark.tip": ("Anonymised distributions of the participants who consented, on your "
                                 "benchmark shelf",
                                 "Обезличенные распределения участников, давших согласие, — в ваши "
                                 "бенчмарки"),
    "event.unnamed": ("event", "мероприятие"),
    "event.no_consent": ("No participant consented to the benchmark: nothing was saved.",
                         "Никто из участников не дал согласия на бенчмарк: ничего не сохранено."),
    "event.replace_pack": ("A benchmark pack {id} is already on the shelf (another event today?). "
                           "Replace it?",
                           "Пакет бенчмарков {id} уже есть (другое мероприятие сегодня?). Заменить?"),
    "event.replace": ("Replace", "Заменить"),
    "event.saved_pack": ("“{title}” saved: {n} of {total} participants consented. Choose it on the "
                         "Results screen (nothing is shown from fewer than five).",
                         "«{title}» сохранён: согласились {n} из {total} участников. Выберите его на "
                         "экране «Результаты» (менее чем по пяти ничего не показывается)."),
    "chart.strips": ("Box and strip plot of the room's scores per dimension",
                     "Диаграмма размаха и точек: баллы зала по измерениям"),
    "chart.phase_mix": ("How many participants attained each phase",
                        "Сколько участников достигли каждой фазы"),
    "chart.empty.strips": ("Fewer than five participants: not shown.", "Меньше пяти участников: не показывается."),
    "chart.empty.phase_mix": ("Fewer than five participants: not shown.",
                              "Меньше пяти участников: не показывается."),
    # participant mode
    "part.window": ("Your answers", "Ваши ответы"),
    "part.menu.language": ("&Language", "&Язык"),
    "part.title": ("Your view of {company}", "Ваш взгляд на компанию «{company}»"),
    "part.title.event": ("Self-assessment — {event}", "Самооценка — {event}"),
    "part.intro": ("Answer each practice as things are today, not as they should be. Your answers are "
                   "saved on this computer as you go; when you are done, export them and send the "
                   "file to {facilitator}.",
                   "Отвечайте о том, как есть сегодня, а не как должно быть. Ответы сохраняются на "
                   "этом компьютере по ходу работы; в конце экспортируйте их и отправьте файл: "
                   "{facilitator}."),
    "part.facilitator": ("the facilitator", "фасилитатору"),
    "part.intro.event": ("Assess your own company as it is today. Your answers are saved on this "
                         "computer as you go; when you are done, export them and send the file to the "
                         "organiser. The room is shown anonymously.",
                         "Оцените свою компанию такой, какая она сегодня. Ответы сохраняются на этом "
                         "компьютере по ходу работы; в конце экспортируйте их и отправьте файл "
                         "организатору. Результаты зала показываются обезличенно."),
    "part.about": ("About you", "О вас"),
    "part.name": ("Your name", "Ваше имя"),
    "part.name.hint": ("as the facilitator knows you", "как вас знает фасилитатор"),
    "part.role": ("Your role", "Ваша роль"),
    "part.role_fixed": ("Answering as: {role}", "Отвечаете как: {role}"),
    "part.company": ("Your company", "Ваша компания"),
    "part.industry": ("Industry", "Отрасль"),
    "part.industry.hint": ("e.g. logistics", "например, логистика"),
    "part.size": ("Company size", "Размер компании"),
    "part.consent": ("My company's anonymised scores may join the event's benchmark",
                     "Обезличенные баллы моей компании можно включить в бенчмарк мероприятия"),
    "part.consent.tip": ("Only distributions of five or more companies are ever shown; no name is kept",
                         "Показываются только распределения по пяти и более компаниям; названия не "
                         "сохраняются"),
    "part.export": ("Export my answers…", "Экспортировать мои ответы…"),
    "part.export.tip": ("Write the answer file to send to the facilitator (Ctrl+E)",
                        "Записать файл ответов для фасилитатора (Ctrl+E)"),
    "part.export.title": ("Export my answers", "Экспорт моих ответов"),
    "part.saved": ("Every answer is saved on this computer as you go.",
                   "Каждый ответ сразу сохраняется на этом компьютере."),
    "part.exported_to": ("Exported to {path}.", "Экспортировано: {path}."),
    "part.need_name": ("Please enter your name first.", "Сначала введите своё имя."),
    "part.need_company": ("Please enter your company's name first.", "Сначала введите название компании."),
    "part.unanswered": ("{n} practice(s) are still unanswered. Export anyway? (You can export again "
                        "later.)",
                        "Практик без ответа: {n}. Всё равно экспортировать? (Экспортировать можно и "
                        "позже ещё раз.)"),
    "part.export_anyway": ("Export anyway", "Экспортировать"),
    "part.exported": ("Saved {path}. Send this file to the facilitator.",
                      "Сохранено: {path}. Отправьте этот файл фасилитатору."),
    "part.restored": ("Your earlier answers to this questionnaire were restored.",
                      "Ваши прежние ответы на эту анкету восстановлены."),
    "part.draft_damaged": ("Your earlier answers could not be read and were set aside: {problem}",
                           "Прежние ответы не удалось прочитать, они отложены: {problem}"),
    "part.nothing_to_resume": ("There are no answers to resume: open the questionnaire file you were "
                               "given.",
                               "Нет ответов для продолжения: откройте полученный файл анкеты."),
    # undo texts
    "undo.answer": ("answer", "ответ"),
    "undo.agreed": ("agreed answer", "согласованный ответ"),
    "undo.metrics": ("metrics", "метрики"),
    "undo.profile": ("company profile", "профиль компании"),
    "undo.respondent_add": ("add respondent", "добавление респондента"),
    "undo.respondent_edit": ("edit respondent", "правка респондента"),
    "undo.respondent_remove": ("remove respondent", "удаление респондента"),
    "undo.roadmap_edit": ("roadmap edit", "правка дорожной карты"),
    "undo.roadmap_order": ("roadmap order", "порядок дорожной карты"),
    "undo.roadmap_add": ("add action", "добавление действия"),
    "undo.roadmap_remove": ("remove action", "удаление действия"),
    "undo.import_answers": ("import answer files", "импорт файлов ответов"),
    # --- h11rules ---
    "h11.check.mean": ("{status}: the practices behind it average level {level}.",
                       "{status}: средний уровень практик, на которых основана проверка, — {level}.",
                       "{status}: середній рівень практик, на яких ґрунтується перевірка, — {level}."),
    "h11.roadmap.intro": (
        "Prioritised actions: phase 1 gaps first, then by gap, weight and effort; an action never comes "
        "before one it builds on, and Now holds at most {cap} (Settings). Tick to include, Ctrl+Up/Down "
        "to reorder; edits are marked ✎.",
        "Действия по приоритету: сначала разрывы фазы 1, затем по разрыву, весу и трудозатратам; действие "
        "никогда не стоит раньше того, на которое опирается, а в «Сейчас» не больше {cap} (Настройки). "
        "Флажок — включить, Ctrl+↑/↓ — порядок; правки отмечены ✎.",
        "Дії за пріоритетом: спершу розриви фази 1, далі за розривом, вагою та трудовитратами; дія ніколи "
        "не стоїть раніше за ту, на яку спирається, а в «Зараз» не більше {cap} (Налаштування). "
        "Прапорець — увімкнути, Ctrl+↑/↓ — порядок; правки позначено ✎."),
    "h11.card.na_reason": ("Why does it not apply? Phase 1 counts \"not applicable\" only with a reason.",
                           "Почему неприменимо? Фаза 1 учитывает «неприменимо» только с причиной.",
                           "Чому не застосовно? Фаза 1 враховує «не застосовно» лише з причиною."),
    "h11.settings.now_max": ("Actions in Now at most", "Не больше действий в «Сейчас»", "Не більше дій у «Зараз»"),
}


def t(key: str, lang: str, **fmt: object) -> str:
    pair = UI.get(key) or COMMON.get(key)
    if pair is None:
        return key
    text = pick(pair, lang)
    if fmt:
        text = text.format(**fmt)
    if _SCALE > 1 and text:
        extra = int(len(text) * (_SCALE - 1))
        text = text + " " + ("~" * max(1, extra - 1))
    return text
