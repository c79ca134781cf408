"""The app's own words: {key: English}; translations come from the gettext catalogues
(cemassess.i18n, resources/locale/<lang>/LC_MESSAGES/cemassess.po).

Framework texts (dimensions, practices, actions) come from the framework in its languages;
the shared product terms live in cemassess.i18n.COMMON (looked up as a fallback).
Set CEMASSESS_TRANS_SCALE=1.4 for the pseudo-locale: every string of the chosen language is
stretched by 40% (Vorta's TRANS_SCALE trick) to see whether the layouts survive a language
that runs longer than Russian.
"""

from __future__ import annotations

from cemassess.i18n import COMMON, Entry, plural, render

UI: dict[str, Entry] = {
    # generic
    "ok": "OK",
    "cancel": "Cancel",
    "close": "Close",
    "quit": "Quit",
    "error.title": "Something went wrong",
    "explain.text": "How this was computed",
    "tabs.name": "Screens",
    "status.saved": "All changes saved at {time}",
    "about.text": ("cemassess {version}\nCustomer Experience Management maturity assessment.\n"
                   "Works offline; your data stays on this computer."),
    # menus and actions
    "menu.file": "&File",
    "menu.edit": "&Edit",
    "menu.export": "E&xport",
    "menu.view": "&View",
    "menu.help": "&Help",
    "action.new": "&New assessment…",
    "action.demo": "Open a &demo",
    "action.import": "&Open or import a file…",
    "action.close": "&Close the assessment",
    "action.quit": "&Quit",
    "action.undo": "&Undo",
    "action.redo": "&Redo",
    "action.export_pdf": "&PDF report…",
    "action.export_xlsx": "E&xcel workbook (XLSX)…",
    "action.export_csv": "&CSV tables…",
    "action.export_file": "&Assessment file…",
    "action.presentation": "&Presentation mode",
    "action.goto": "Go to {screen}",
    "action.method": "&How scores are computed",
    "action.about": "&About cemassess",
    # screens
    "screen.start": "Start",
    "screen.walk": "Walk-through",
    "screen.respondents": "Respondents",
    "screen.results": "Results",
    "screen.roadmap": "Roadmap",
    "screen.settings": "Settings",
    # start
    "start.intro": ("Assess how far a company manages its customers' experience: ten dimensions, "
                    "three phases, a roadmap. Everything stays on this computer."),
    "start.new": "New assessment…",
    "start.new.tip": "Start a new assessment of a company (Ctrl+N)",
    "start.demo": "Open a demo",
    "start.demo.tip": "A complete sample assessment of a B2B distributor (demonstration data)",
    "start.import": "Open or import a file…",
    "start.import.tip": "Bring assessment files into your portfolio (Ctrl+O)",
    "start.recent": "Your assessments",
    "start.empty": ("No assessments yet. Start with \u201cNew assessment\u201d, or open the example to "
                    "see a finished one: scores, phases and a roadmap."),
    "start.search": "Search company, industry or title",
    "start.sort": "Sort by",
    "sort.modified": "Last changed",
    "sort.company": "Company",
    "sort.date": "Assessment date",
    "start.archived": "Show archived",
    "start.table": "Assessments in the portfolio",
    "start.col.company": "Company",
    "start.col.title": "Title",
    "start.col.date": "Date",
    "start.col.respondents": "Respondents",
    "start.col.answers": "Answers",
    "start.col.modified": "Changed",
    "start.open": "Open",
    "start.duplicate": "Re-assess (copy)",
    "start.archive": "Archive",
    "start.delete": "Move to trash",
    "start.folder": "Portfolio folder: {folder}",
    "delete.title": "Move to trash",
    "delete.text": ("Move the selected assessment to the trash? It can be restored from the "
                    "command line (cemassess restore)."),
    "import.title": "Open or import assessment files",
    "import.as_copy": plural("{n} file holds an assessment whose id is already in the "
                             "portfolio with different content. Import it as a copy, keeping "
                             "both?",
                             "{n} files hold assessments whose ids are already in the "
                             "portfolio with different content. Import them as copies, keeping "
                             "both?"),
    "import.copy": "Import as copies",
    "new.title": "New assessment",
    "new.company": "Company name",
    "new.industry": "Industry",
    "new.size": "Company size",
    "new.market": "Market",
    "new.country": "Country",
    "new.assessor": "Assessor",
    "new.role": "Assessor's role",
    "new.date": "Date",
    "new.create": "Create",
    "new.need_company": "Please enter the company's name.",
    "size.unknown": "Not stated",
    "size.micro": "Micro (under 10 people)",
    "size.small": "Small (10-49)",
    "size.medium": "Medium (50-249)",
    "size.large": "Large (250-999)",
    "size.enterprise": "Enterprise (1000+)",
    "market.b2b": "B2B",
    "market.b2c": "B2C",
    "market.both": "B2B and B2C",
    "respondent.default": "Respondent {n}",
    # in use / read-only / recovery
    "in_use.title": "The portfolio is in use",
    "in_use.text": ("Another cemassess window is working with this portfolio. You can look at it "
                    "read-only, or quit and close the other window first."),
    "in_use.read_only": "Open read-only",
    "read_only.banner": ("Read-only: another cemassess window holds this portfolio. You can look "
                         "and export, but not change anything."),
    "read_only.short": "read-only",
    "read_only.refused": "The portfolio is open read-only: the change was not made.",
    "recovery.title": "Recovered after an unexpected stop",
    "recovery.text": "cemassess was not closed properly last time. Nothing was lost:",
    "recovery.keep": "Keep the recovered answers",
    "recovery.discard": "Discard them",
    "recovery.kept": "Recovered after an unexpected stop:",
    "recovery.discarded": plural("Recovered changes discarded for {n} assessment (a copy is "
                                 "kept in the data folder).",
                                 "Recovered changes discarded for {n} assessments (a copy is "
                                 "kept in the data folder)."),
    # walk-through
    "walk.answering_as": "Answering as",
    "walk.consensus": "Consensus mode",
    "walk.consensus.tip": ("The facilitator records the agreed answer and the dissent; "
                           "everyone's answers are shown on each practice"),
    "walk.progress": "Answered so far",
    "walk.overall_progress": "{n} of {total} answered",
    "walk.keys": ("Keys: 1-5 choose a level, N not applicable, D don't know (each moves on); "
                  "Enter or arrows move; 0 clears; Ctrl+Z undoes."),
    "walk.nav": "Sections of the assessment",
    "walk.phases": "Phase diagnosis",
    "walk.dimensions": "The ten dimensions",
    "walk.metrics": "Metrics: NPS, retention, churn",
    "walk.checks": "Voice of the Customer pitfalls",
    "walk.checks.intro": "Judged from the answers to the practices listed under each one.",
    "walk.checks.none": "This framework defines no checks.",
    "walk.traditional": "Traditional practice",
    "walk.cem": "CEM practice",
    "walk.dim_progress": "{n} of {total} practices answered",
    "walk.answers": "Answers:",
    "walk.median": "median {level}",
    "walk.no_answers_yet": "No respondent has answered yet.",
    "walk.phase_progress": "Progress in phase {n}",
    "walk.phase_bar": "{pct} — {at} of {total} practices at level 4+",
    "walk.phase_met": "Attained: every applicable practice is at level 4 or above.",
    "walk.phase_blocked": plural("Not attained: {n} practice below level 4 or not answered:",
                                 "Not attained: {n} practices below level 4 or not answered:"),
    "card.level": "Level {n}: {text}",
    "card.na": "N/A",
    "card.dk": "Don't know",
    "card.clear": "Clear",
    "card.clear.name": "Clear the answer",
    "card.review": "Mark for review",
    "card.comment": "Comment",
    "card.comment.hint": "Evidence, examples, doubts…",
    "card.dissent": "Dissent",
    "card.dissent.hint": "Who disagreed and why",
    "card.keys": "1-5 level, N not applicable, D don't know, Enter next",
    "check.kind.voc_pitfall": "Pitfall",
    "check.kind.b2b_principle": "B2B principle",
    "check.unknown": "Not enough answers to tell yet.",
    "check.fired.voc_pitfall": "Found: the practices behind it average level {level}.",
    "check.ok.voc_pitfall": "Avoided: the practices behind it average level {level}.",
    "check.fired.b2b_principle": "Not met: the practices behind it average level {level}.",
    "check.ok.b2b_principle": "Met: the practices behind it average level {level}.",
    # metrics
    "metrics.intro": ("Figures the company already measures. Leave a field at “—” when it is "
                      "not known."),
    "metrics.mode": "Enter NPS as",
    "metrics.mode.counts": "Counts of each answer 0-10",
    "metrics.mode.dist": "Shares of promoters, passives and detractors",
    "metrics.count": "Number who answered {n}",
    "metrics.n": "Number of answers",
    "metrics.promoters": "Promoters (9-10)",
    "metrics.passives": "Passives (7-8)",
    "metrics.detractors": "Detractors (0-6)",
    "metrics.apply_dist": "Use these shares",
    "metrics.nps_period": "Survey period",
    "metrics.nps_source": "Source",
    "metrics.other": "Retention and churn",
    "metrics.period": "Period",
    "metrics.unknown_hint": "Step below 0 to show “—” (not known).",
    "metrics.no_nps": "No NPS figures entered.",
    "metrics.nps_result": ("NPS {score} from {n} answers: promoters {pro}, passives {pas}, "
                            "detractors {det}."),
    # respondents
    "resp.intro": ("Several people answering separately show where management, sales, marketing "
                   "and service see the company differently. Pick who is answering in the "
                   "walk-through."),
    "resp.table": "Respondents",
    "resp.col.name": "Name",
    "resp.col.role": "Role",
    "resp.col.answers": "Answered",
    "resp.col.active": "Answering now",
    "resp.make_active": "Answer as this person",
    "resp.remove": "Remove",
    "resp.remove.text": "Remove {name} and their answers? (Ctrl+Z brings them back.)",
    "resp.add": "Add a respondent",
    "resp.add_btn": "Add",
    "resp.edit": "Selected respondent",
    "resp.save": "Save changes",
    "resp.name": "Name",
    "resp.name.hint": "e.g. Head of service",
    "resp.role": "Role",
    "resp.consensus": "Consensus",
    "resp.consensus.intro": ("In consensus mode the walk-through records one agreed answer per "
                             "practice, with the dissent; it replaces the median of the "
                             "respondents in the scores."),
    "resp.disagree": "Where the respondents disagree most (opens them side by side):",
    "resp.no_disagree": "No practice has answers two or more levels apart.",
    "resp.disagree_item": "{text}  (answers {levels})",
    # results
    "results.title": "Results — {company}",
    "results.completion": "Answered",
    "results.completion_name": "Practices answered: {value}",
    "results.completion_sub": plural("{n} respondent; knowledge gaps: {dk}; for review: "
                                     "{review}",
                                     "{n} respondents; knowledge gaps: {dk}; for review: "
                                     "{review}"),
    "results.completion_expl": ("A practice counts as answered when anyone gave it a level, "
                                "N/A or don't know, or an agreed answer exists."),
    "results.overall_name": "CEM index {value}, how it was computed",
    "results.phase_name": "Current phase {value}, why",
    "results.phase_sub": "Phases attained: {attained} of 3; progress in this phase {pct}",
    "results.nps_name": "NPS {value}, how it was computed",
    "results.nps_sub": "from {n} answers; published B2B figures in the chart",
    "results.benchmark": "Compare with",
    "results.segment_item": "{segment} (n={n}) — {pack}",
    "results.illustrative": ("ILLUSTRATIVE benchmark: “{pack}” is generated from assumed "
                             "distributions, not measured. Use it to see how a comparison works."),
    "results.no_benchmark": "No benchmark installed",
    "results.gating": "Why this phase",
    "results.table": "Dimension scores; Enter shows how a score was computed",
    "results.table_hint": "Click a row (or press Enter) to see how its score was computed.",
    "results.col.dimension": "Dimension",
    "results.col.score": "Score",
    "results.col.level": "Level",
    "results.col.median": "Median",
    "results.col.p90": "P90",
    "results.col.percentile": "Percentile",
    "results.col.coverage": "Answered",
    "results.findings": "Findings",
    "results.no_findings": "Nothing stands out yet.",
    "results.gap_line": "{dim}: {high} rates it {gap} levels above {low} (perception gap)",
    "results.dk_line": plural("{n} practice answered “don't know”: find out before the next "
                              "round.",
                              "{n} practices answered “don't know”: find out before the next "
                              "round."),
    "results.review_line": plural("{n} practice marked for review.", "{n} practices marked for review."),
    "results.nps_method": ("NPS = % promoters (answers 9-10) − % detractors (answers 0-6); "
                           "passives (7-8) count only in the total."),
    "results.nps_calc": ("{n} answers: {pro} promoters, {pas} passives, {det} detractors → "
                          "{ppro} − {pdet} = {score}"),
    "results.nps_published": "Published B2B figures for comparison:",
    "results.bench_head": "Benchmark: {segment} ({pack})",
    "results.bench_line": ("  n={n}: P10 {p10}, median {med}, P75 {p75}, P90 {p90}; "
                           "this company is at percentile {pct}"),
    "results.target": "Roadmap target for this dimension: {target} points.",
    "chart.radar": "Radar chart of the dimension scores against the benchmark",
    "chart.gap_bars": "Bar chart of the gaps to the benchmark",
    "chart.phase_progress": "Progress in each phase",
    "chart.nps_panel": "NPS against published B2B figures",
    "chart.role_heatmap": "Perception gaps: roles by dimensions",
    "chart.loading": "Drawing the chart…",
    "chart.unavailable": "Charts are not available in this installation.",
    "chart.empty.radar": "No dimension has a score yet.",
    "chart.empty.gap_bars": "No gaps to show yet.",
    "chart.empty.phase_progress": "No phase progress yet.",
    "chart.empty.nps_panel": "No NPS entered: add it under Metrics in the walk-through.",
    "chart.empty.role_heatmap": "The perception-gap heatmap needs respondents in two or more roles.",
    "chart.empty.timeline": "No dated actions.",
    # roadmap
    "roadmap.title": "Roadmap — {company}",
    "roadmap.intro": ("Prioritised actions: phase 1 gaps first, then by gap, weight, benchmark and "
                      "effort. Tick to include, Ctrl+Up/Down to reorder; edits are marked ✎."),
    "roadmap.tree": "Roadmap actions by horizon",
    "roadmap.add": "Add your own action…",
    "roadmap.add_ok": "Add",
    "roadmap.up": "Move up",
    "roadmap.down": "Move down",
    "roadmap.up.tip": "Move the action up within its horizon (Ctrl+Up)",
    "roadmap.down.tip": "Move the action down within its horizon (Ctrl+Down)",
    "roadmap.show_excluded": "Show excluded actions",
    "roadmap.col.rank": "#",
    "roadmap.col.action": "Action",
    "roadmap.col.dimension": "Dimension",
    "roadmap.col.phase": "Phase",
    "roadmap.col.effort": "Effort",
    "roadmap.col.owner": "Owner",
    "roadmap.col.kpi": "KPI",
    "roadmap.col.due": "Due",
    "roadmap.col.edited": "✎",
    "roadmap.edited": "Edited by you",
    "roadmap.editor": "Selected action",
    "roadmap.none_selected": "Select an action to edit it.",
    "roadmap.included": "Included in the roadmap",
    "roadmap.horizon": "Horizon",
    "roadmap.has_due": "Set a due date",
    "roadmap.note": "Note",
    "roadmap.remove": "Remove this action",
    "roadmap.custom_title": "Action",
    "roadmap.description": "Description",
    # settings
    "settings.language": "Language",
    "settings.language.hint": "Switches the app and the framework's texts at once; nothing is lost.",
    "settings.branding": "Report branding",
    "settings.consultant": "Consultant",
    "settings.consultant.hint": "Your name or company, printed on the report",
    "settings.logo": "Logo",
    "settings.logo_browse": "Choose a logo",
    "settings.browse": "Browse…",
    "settings.accent": "Accent colour",
    "settings.accent_pick": "Pick the accent colour",
    "settings.pick": "Pick…",
    "settings.data": "Data folder",
    "settings.folder": "Portfolio folder",
    "settings.folder_browse": "Choose the portfolio folder",
    "settings.folder.default": "Default folder",
    "settings.folder.hint": "A new folder takes effect the next time cemassess starts.",
    "settings.folder.now": "In use now: {folder}",
    "settings.stored_in": "Settings are stored in {path}",
    # export
    "export.title": "Export",
    "export.pdf": "Save the PDF report",
    "export.csv": "Save CSV tables",
    "export.xlsx": "Save the Excel workbook",
    "export.file": "Save the assessment file",
    "export.pdf.progress": "Building the PDF report…",
    "export.table.progress": "Writing the tables…",
    "export.done": "Export finished",
    "export.done.text": "Saved {path}. Open it now?",
    "export.open": "Open",
    "export.saved": "Saved {path}",
    "export.unavailable": "This export is not available in this installation yet.",
    # menus and actions: workshops, events, benchmarks, details
    "menu.workshop": "&Workshop",
    "action.details": "Assessment &details…",
    "action.questionnaire": "Export a &questionnaire…",
    "action.import_answers": "&Import answer files…",
    "action.import_answer_folder": "Import a &folder of answer files…",
    "action.merge": "&Consensus: where respondents disagree",
    "action.answer": "&Answer a questionnaire…",
    "action.event": "&Event room",
    "action.import_pack": "Import a &benchmark pack…",
    "action.build_pack": "Build a benchmark from my &portfolio",
    "screen.merge": "Consensus",
    "screen.event": "Event room",
    "open.present": "This assessment is already in your portfolio: opened it from there.",
    # assessment details
    "details.title": "Assessment details",
    "details.assessment_title": "Title of the assessment",
    "details.save": "Save",
    "undo.details": "assessment details",
    # questionnaire (facilitator)
    "quest.title": "Export a questionnaire",
    "quest.intro": ("Participants open this file with cemassess (File → Answer a questionnaire…, or "
                    "cemassess-app --participant FILE), answer on their own computer and send back an "
                    "answer file, which you import here."),
    "quest.mode": "For",
    "quest.workshop": ("A workshop at {company}: every answer file becomes a respondent of this "
                       "assessment"),
    "quest.workshop.name": "A workshop at this company",
    "quest.event": "A club event: every participant assesses their own company",
    "quest.event_name": "Event name",
    "quest.event_name.hint": "e.g. CX Club, Riga, 14 May",
    "quest.role": "Participants answer as",
    "quest.role.any": "The participant chooses",
    "quest.need_event": "Please name the event.",
    "quest.save": "Save the questionnaire…",
    # importing answer files (facilitator)
    "answers.title": "Import answer files",
    "answers.pick": "Choose participants' answer files",
    "answers.pick_folder": "Choose a folder of answer files",
    "answers.reading": "Reading the answer files…",
    "answers.summary": plural("{ok} file imported as a respondent, {bad} refused. A file is "
                              "imported whole or not at all.",
                              "{ok} files imported as respondents, {bad} refused. A file is "
                              "imported whole or not at all.", count="ok"),
    "answers.undo_hint": "Ctrl+Z undoes the whole import.",
    "answers.as": "respondent {name} ({role})",
    "answers.open_first": ("Open the assessment these answers belong to first (or drop event "
                           "participants' files on the Event room)."),
    "answers.gone": "The assessment was closed while the files were read: nothing was imported.",
    # why a file was refused (the core's reasons; {a} keeps the detail)
    "why.already": "already imported",
    "why.same_file": "the same file as {a}",
    "why.copy_in_batch": "a copy of an answer file already in this batch",
    "why.other_assessment": "answers another assessment ({a})",
    "why.too_large": "too large for an answer file ({a} bytes)",
    "why.unreadable": "cannot be read ({a})",
    "why.questionnaire": "this is a questionnaire, not an answer file",
    "why.not_answers": "not a cemassess answer file",
    "why.version": "answer file format version {a} is not supported",
    "why.framework": "answers a different framework ({a})",
    "why.unknown_practice": "answers an unknown practice {a}",
    "why.zip": "a ZIP archive (an XLSX?), not an answer file",
    "why.pdf": "a PDF, not an answer file",
    "why.image": "an image, not an answer file",
    "why.not_utf8": "not UTF-8 text (byte {a})",
    "why.empty": "the file is empty",
    "why.deep": "nested too deeply to be an answer file",
    "why.not_json": "not valid JSON ({a})",
    "why.invalid": "not valid: {a}",
    "why.format": "does not match the answer file format: {a}",
    "report.table": "What became of each file",
    "report.col.file": "File",
    "report.col.outcome": "Outcome",
    "report.col.why": "Details",
    "report.ok": "imported",
    "report.refused": "refused",
    "resp.import": "Import answer files…",
    "resp.import.tip": ("Participants' answer files (or a folder of them; you can also drop them on "
                        "the window) become respondents (Ctrl+Shift+I)"),
    "resp.open_merge": "Side by side…",
    "resp.open_merge.tip": ("Only the practices where the respondents disagree, every answer side by "
                            "side (Consensus screen)"),
    # consensus, side by side (merge)
    "merge.title": "Consensus: where the respondents disagree",
    "merge.intro": ("Only the practices whose answers are far apart. Compare the answers and comments, "
                    "agree on a level with the group (1-5, N not applicable, D don't know) and note "
                    "who disagreed and why. The agreed answer replaces the median in the scores; "
                    "Ctrl+Z undoes it."),
    "merge.threshold": "Answers at least this many levels apart:",
    "merge.count": plural("{n} practice to discuss; {agreed} agreed so far.",
                          "{n} practices to discuss; {agreed} agreed so far."),
    "merge.none": "No practice has answers {n} or more levels apart.",
    "merge.nothing": "Nothing to discuss at this threshold: lower it to see smaller differences.",
    "merge.list": "Practices where the respondents disagree",
    "merge.col.practice": "Practice",
    "merge.col.answers": "Answers",
    "merge.col.spread": "Spread",
    "merge.col.agreed": "Agreed",
    "merge.col.respondent": "Respondent",
    "merge.col.role": "Role",
    "merge.col.answer": "Answer",
    "merge.col.comment": "Comment",
    "merge.answers": "Everyone's answers",
    "merge.answers_for": "Everyone's answers to {n}",
    "merge.median": "Median of the answers: level {level}",
    "merge.no_median": "No level was given: only N/A or don't know.",
    "merge.agreed_intro": "The agreed answer and the dissent:",
    # results: re-assessment trend, benchmark packs
    "results.segment_item_illustrative": "{segment} (n={n}) — {pack} — ILLUSTRATIVE",
    "results.trend": "Change since the last assessment",
    "results.trend_intro": plural("This company has been assessed {n} time ({dates}). The "
                                  "table compares this assessment with the one of {before}.",
                                  "This company has been assessed {n} times ({dates}). The "
                                  "table compares this assessment with the one of {before}."),
    "results.trend_table": "Dimension scores now and at the last assessment",
    "trend.col.dimension": "Dimension",
    "trend.col.before": "Before",
    "trend.col.now": "Now",
    "trend.col.change": "Change",
    "trend.col.direction": "Direction",
    "trend.up": "improved",
    "trend.down": "declined",
    "trend.flat": "about the same",
    "trend.new": "first scored now",
    "trend.unknown": "not comparable",
    "chart.trend": "Dimension scores at each assessment of this company",
    "chart.empty.trend": "One assessment only: no trend yet.",
    "roadmap.col.moved": "Since last",
    # benchmark shelf
    "settings.benchmarks": "Benchmark packs",
    "settings.benchmarks.hint": ("Packs to compare with on the Results screen: the shipped one, packs "
                                 "shared by colleagues, one built from your own portfolio, and those "
                                 "saved from events. Nothing is shown from fewer than five assessments."),
    "settings.pack_line": plural("• {title} — {kind}, {n} segment, {date}",
                                 "• {title} — {kind}, {n} segments, {date}"),
    "bench.import": "Import a benchmark pack",
    "bench.import_btn": "Import a pack…",
    "bench.build": "Build a benchmark from my portfolio",
    "bench.build_btn": "Build from my portfolio",
    "bench.build.tip": ("Anonymised distributions of your own assessments (the newest of each "
                        "re-assessed company), by industry, size and region"),
    "bench.portfolio_title": "My portfolio",
    "bench.illustrative": "ILLUSTRATIVE",
    "bench.measured": "measured",
    "bench.imported": plural("“{title}” is on the shelf: {kind}, {n} segment. Choose it on the "
                             "Results screen.",
                             "“{title}” is on the shelf: {kind}, {n} segments. Choose it on "
                             "the Results screen."),
    "bench.built": plural("Built from {n} assessment; segments: {segments}. Choose “My "
                          "portfolio” on the Results screen; segments with fewer than five "
                          "assessments show nothing.",
                          "Built from {n} assessments; segments: {segments}. Choose “My "
                          "portfolio” on the Results screen; segments with fewer than five "
                          "assessments show nothing."),
    # event room
    "event.intro": ("At a club event every participant assesses their own company and sends you an "
                    "answer file. The room is shown anonymously: nobody's company is named and "
                    "nothing is shown from fewer than five participants. F11 puts it on the projector."),
    "event.title_named": "Event room — {event}",
    "event.name": "Event name",
    "event.name.hint": "Printed on the reports and the benchmark",
    "event.add_files": "Add answer files…",
    "event.add_folder": "Add a folder…",
    "event.clear": "Start a new room",
    "event.drop_hint": "You can also drop answer files or a folder onto this window.",
    "event.reading": plural("Reading and scoring {n} file…", "Reading and scoring {n} files…"),
    "event.empty": "No participants yet.",
    "event.status": plural("{n} participant in the room", "{n} participants in the room"),
    "event.refused": plural("{n} file not used:", "{n} files not used:"),
    "event.too_few": plural("Only {n} participant: nothing is shown below {min}, so that "
                            "nobody can be recognised. Add more answer files.",
                            "Only {n} participants: nothing is shown below {min}, so that "
                            "nobody can be recognised. Add more answer files."),
    "event.distribution.note": ("Each dot is one participant; the box spans the middle half of the "
                                "room, the line is the median."),
    "event.positions": "Each participant in the room",
    "event.col.number": "Participant",
    "event.col.name": "Company",
    "event.col.overall": "CEM index",
    "event.col.percentile": "Percentile in the room",
    "event.col.phase": "Phase attained",
    "event.no_phase": "none yet",
    "event.participant": "No. {n}",
    "event.show_names": "Show company names (for your eyes only)",
    "event.show_names.tip": "Off by default and never shown in presentation mode",
    "event.write_pdfs": "Write PDFs…",
    "event.write_pdfs.tip": "The room summary and a personal report for each participant, into a folder",
    "event.pdfs.progress": "Writing {n} PDF reports…",
    "event.pdfs.cancelled": "PDFs cancelled: nothing was written.",
    "event.pdfs.done": "{n} PDF reports written to {folder}. Open the folder?",
    "event.save_benchmark": "Save consenting participants as a benchmark",
    "event.save_benchmark.tip": ("Anonymised distributions of the participants who consented, on your "
                                 "benchmark shelf"),
    "event.unnamed": "event",
    "event.no_consent": "No participant consented to the benchmark: nothing was saved.",
    "event.replace_pack": ("A benchmark pack {id} is already on the shelf (another event today?). "
                           "Replace it?"),
    "event.replace": "Replace",
    "event.saved_pack": ("“{title}” saved: {n} of {total} participants consented. Choose it on the "
                         "Results screen (nothing is shown from fewer than five)."),
    "chart.strips": "Box and strip plot of the room's scores per dimension",
    "chart.phase_mix": "How many participants attained each phase",
    "chart.empty.strips": "Fewer than five participants: not shown.",
    "chart.empty.phase_mix": "Fewer than five participants: not shown.",
    # participant mode
    "part.window": "Your answers",
    "part.menu.language": "&Language",
    "part.title": "Your view of {company}",
    "part.title.event": "Self-assessment — {event}",
    "part.intro": ("Answer each practice as things are today, not as they should be. Your answers are "
                   "saved on this computer as you go; when you are done, export them and send the "
                   "file to {facilitator}."),
    "part.facilitator": "the facilitator",
    "part.intro.event": ("Assess your own company as it is today. Your answers are saved on this "
                         "computer as you go; when you are done, export them and send the file to the "
                         "organiser. The room is shown anonymously."),
    "part.about": "About you",
    "part.name": "Your name",
    "part.name.hint": "as the facilitator knows you",
    "part.role": "Your role",
    "part.role_fixed": "Answering as: {role}",
    "part.company": "Your company",
    "part.industry": "Industry",
    "part.industry.hint": "e.g. logistics",
    "part.size": "Company size",
    "part.consent": "My company's anonymised scores may join the event's benchmark",
    "part.consent.tip": "Only distributions of five or more companies are ever shown; no name is kept",
    "part.export": "Export my answers…",
    "part.export.tip": "Write the answer file to send to the facilitator (Ctrl+E)",
    "part.export.title": "Export my answers",
    "part.saved": "Every answer is saved on this computer as you go.",
    "part.exported_to": "Exported to {path}.",
    "part.need_name": "Please enter your name first.",
    "part.need_company": "Please enter your company's name first.",
    "part.unanswered": plural("{n} practice is still unanswered. Export anyway? (You can "
                              "export again later.)",
                              "{n} practices are still unanswered. Export anyway? (You can "
                              "export again later.)"),
    "part.export_anyway": "Export anyway",
    "part.exported": "Saved {path}. Send this file to the facilitator.",
    "part.restored": "Your earlier answers to this questionnaire were restored.",
    "part.draft_damaged": "Your earlier answers could not be read and were set aside: {problem}",
    "part.nothing_to_resume": ("There are no answers to resume: open the questionnaire file you were "
                               "given."),
    # undo texts
    "undo.answer": "answer",
    "undo.agreed": "agreed answer",
    "undo.metrics": "metrics",
    "undo.profile": "company profile",
    "undo.respondent_add": "add respondent",
    "undo.respondent_edit": "edit respondent",
    "undo.respondent_remove": "remove respondent",
    "undo.roadmap_edit": "roadmap edit",
    "undo.roadmap_order": "roadmap order",
    "undo.roadmap_add": "add action",
    "undo.roadmap_remove": "remove action",
    "undo.import_answers": "import answer files",
    # --- h12qt ---
    "read_only.unwritable": ("This data folder cannot be written: read-only view. You can look and export, but not "
        "change anything until the folder can be written again (free some disk space, or check "
        "the folder's permissions). {reason}"),
    # --- h12core ---
    "why.not_regular": "not a regular file (a device, pipe or socket): give a saved answer file",
    "why.control": "refused: {a} (control characters are not allowed in text)",
    "bench.too_few": ("Only {a} assessment(s) to build from: a benchmark needs at least 5, so that no "
                      "figure identifies a company. Nothing was saved."),
    "why.slow": "reading took too long; copy the file to a local folder and try again",
    # --- h11rules ---
    "h11.check.mean": "{status}: the practices behind it average level {level}.",
    "h11.roadmap.intro": ("Prioritised actions: phase 1 gaps first, then by gap, weight and effort; an action never comes "
        "before one it builds on, and Now holds at most {cap} (Settings). Tick to include, Ctrl+Up/Down "
        "to reorder; edits are marked ✎."),
    "h11.card.na_reason": "Why does it not apply? Phase 1 counts \"not applicable\" only with a reason.",
    "h11.settings.now_max": "Actions in Now at most",
    # --- h15 ---
    "action.export_docx": "&Word report (editable)…",
    "action.export_pptx": "&Slides for the debrief…",
    "export.docx": "Save the Word report",
    "export.pptx": "Save the debrief slides",
    "export.office.progress": "Building the document…",
    "settings.accent_adjusted": ("{given} has a contrast of only {ratio}:1 against white; headings and figures "
                                 "would be hard to read, so {used} is used instead."),
    "settings.logo_refused": "{path} is not a readable PNG or JPEG image: the logo was not changed.",
    # --- h16 ---
    "chart.title.radar": "CEM profile against the benchmark",
    "chart.title.gap_bars": "Gap to target by dimension",
    "chart.title.role_heatmap": "Scores by role: where perceptions differ",
    "results.segment_too_small": "not shown: n = {n} < {min}",
    "present.leave": "Esc or F11: leave presentation mode",
    "walk.did": "{n} → {value} · Ctrl+Z undoes",
    "card.cleared": "cleared",
    "new.assessor_answers": "The assessor also answers, as the first respondent",
    # --- h13ui ---
    "live.title": "Live: participants answer on their phones",
    "live.address": "Network:",
    "live.address.tip": ("The network the participants' phones are on (the venue Wi-Fi or this laptop's "
                         "hotspot). Nothing is sent beyond it."),
    "live.address.loopback": "{address} (this computer only)",
    "live.go": "Go live",
    "live.go.tip": "Serve the questionnaire on this network and show the join code",
    "live.go_again": "Go live again",
    "live.scan": "Scan the code with your phone's camera, or open:",
    "live.code": "Join code: {code}",
    "live.counts": "Joined {joined} · answering {answering} · finished {finished}",
    "live.counts.name": "Participants: joined, answering, finished",
    "live.qr.name": "QR code of the join address {url}",
    "live.reveal": "Reveal results",
    "live.reveal.tip": "Show the room's profile here and on the finished phones (from 5 participants)",
    "live.close_answers": "Close answers",
    "live.close_answers.tip": "Phones can no longer change their answers",
    "live.reopen": "Reopen answers",
    "live.end": "End live",
    "live.end.tip": "Stop serving on the network; the answers are kept",
    "live.starting": "Starting…",
    "live.stopping": "Stopping…",
    "live.failed": "Could not go live: {error}",
    "live.ended": ("Live has ended: nothing is served on the network. The answers are kept; "
                   "Go live again to continue."),
    "live.closed": "Answers are closed: phones can no longer change them.",
    "live.waiting": "The room's profile appears once {min} participants have finished ({n} so far).",
    "live.hidden": ("{n} have finished. The results stay hidden until you reveal them, so that "
                    "nobody follows the room."),
    "live.ws.arriving": "Answers appear on the Respondents and Consensus screens as they arrive.",
    "live.status": "Live room: the profile counts the participants who have finished.",
    "live.read_only": "The portfolio is open read-only: live answers could not be saved.",
    "live.need_name": "Name the event first: its answers are kept under that name.",
    "live.export_q": "Export &questionnaire…",
    "live.export_q.tip": ("A questionnaire file for participants without the network: they answer in "
                          "the app's participant mode and send back an answer file"),
    "action.collect_live": "Collect answers &live…",
    "live.ws.title": "Collect answers live: {company}",
    "live.ws.intro": ("Each respondent opens the address on their phone or laptop, enters their name "
                      "and role and answers. Their answers land as that respondent's answers."),
    # --- rep15 ---
    "action.anonymous": "A&nonymous reports (R1, R2… instead of names)",
    "export.anonymous_title": "{title} (anonymous)",
    "export.anonymous_tag": "anonymous",
    # --- ui16 ---
    "chart.title.phase_progress": "Progress in each phase",
    "chart.title.nps_panel": "NPS against published B2B figures",
    "chart.title.trend": "Dimension scores at each assessment",
    "chart.title.strips": "Distribution per dimension",
    "chart.title.phase_mix": "Phase mix",
    "event.kpi.participants": "Participants",
    "event.kpi.participants_note": "Consented to the benchmark: {consented} of {n}",
    "event.kpi.participants_expl": ("Answer files read: {n}; refused: {refused}; answered less than {pct} of the practices (not in "
        "the room's figures): {partial}. Nothing is shown from fewer than {min} participants, so that "
        "nobody can be recognised."),
    "event.kpi.index": "CEM index, the room's median",
    "event.kpi.index_note": "The middle half of the room: {p25}–{p75}",
    "event.kpi.index_expl": ("The median of the participants' CEM index (n = {n}): half the room is above it, half below. "
        "The participants' own figures stay on their personal reports."),
    "event.kpi.median": "median",
    # --- live13 ---
    "live.resume.title": "Resume the live event?",
    "live.resume.text": ("Resume the live event “{event}” at {url}?\n\ncemassess stopped while the "
                         "event was live. Participants who had joined reconnect at this address and "
                         "keep their seats and answers."),
    "live.resume.ws": ("Resume collecting answers live for “{event}” at {url}?\n\ncemassess stopped "
                       "while answers were being collected. Respondents who had joined reconnect at "
                       "this address and keep their answers."),
    "live.resume.yes": "Resume",
    "live.resume.no": "Leave it ended",
    "live.resume.gone": ("This computer no longer has the address {address}: choose a network and go "
                         "live; participants then scan the new QR code."),
    "live.lost": ("The live room stopped unexpectedly. Every saved answer is kept: Go live again to "
                  "continue on the same address."),
    # --- roadmap16 ---
    "roadmap.kpi.gap": "Now closes",
    "roadmap.kpi.due": "First due",
    "roadmap.kpi.edited": "Your edits",
    "roadmap.kpi.phase_count": "Phase {n}: {k}",
    "roadmap.kpi.empty": "No actions",
    "roadmap.kpi.now_cap": "Cap: {cap} (Settings)",
    "roadmap.kpi.now_moved": "Cap: {cap}; waiting in Next: {moved}",
    "roadmap.kpi.now_over": "Cap: {cap}; above it: {over} (placed by you)",
    "roadmap.kpi.gap_note": plural("Levels of gap in {n} practice: {share} of the roadmap's "
                                   "total",
                                   "Levels of gap in {n} practices: {share} of the roadmap's "
                                   "total"),
    "roadmap.kpi.phase_blockers": "Holding back phase {phase}: {k} of {total}",
    "roadmap.kpi.due_count": "Due dates set: {k} of {n}",
    "roadmap.kpi.no_due": "No due dates yet: set them for the selected action.",
    "roadmap.kpi.edited_note": "Own actions: {own}; excluded: {excluded}",
    "roadmap.kpi.now_expl": ("The number of actions in Now is capped: at most {cap} (Settings), what a client can start in one "
        "quarter. Actions you placed in Now stay there and take their places first; generated ones fill the "
        "rest in the roadmap's order, and the others wait in Next."),
    "roadmap.kpi.horizon_rule": ("Horizons follow the current phase: actions of the current phase (or an earlier one) are Now, or "
        "Next when their effort is large; actions one phase ahead are Next (Later when large); anything "
        "further is Later. An action never comes before one it builds on, and your own placements stand."),
    "roadmap.kpi.moved_head": "Moved to Next by the cap ({cap}):",
    "roadmap.kpi.gap_expl": ("Each generated action works on a practice's gap: its target level minus today's level (the median "
        "of the answers, or the agreed answer). A practice below level 4, what a phase needs, targets level "
        "4; once every phase is attained, level 5. A practice counts once, however many of its actions are "
        "in Now. The practices Now's actions work on:"),
    "roadmap.kpi.gap_line": "{practice}: today {level}, target level {target} (gap {gap})",
    "roadmap.kpi.blocks": "holds back phase {n}",
    "roadmap.kpi.gap_total": "Together: {gap} of {total}, the gap in levels that all the roadmap's included actions work on ({share}).",
    "roadmap.kpi.gap_own": "Your own actions have no measured gap and are not counted.",
    "roadmap.kpi.due_expl": ("The earliest due date among the included actions. Set one for the selected action: "
                             "Set a due date."),
    "roadmap.kpi.edited_expl": ("Actions you changed (included or not, owner, horizon, KPI, due date, note, their place in the order) "
        "or added yourself. Ctrl+Z undoes an edit."),
    "roadmap.kpi.own": "your own",
    "roadmap.kpi.excluded": "excluded",
    "roadmap.kpi.none_edited": "Nothing edited yet.",
}


def t(key: str, lang: str, **fmt: object) -> str:
    entry = UI.get(key)
    if entry is None:
        entry = COMMON.get(key)
    if entry is None:
        return key
    return render(key, entry, lang, fmt)
