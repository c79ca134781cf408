"""The report's and the charts' own words: {key: English}, use with `tr(key, lang, STRINGS)`;
translations come from the gettext catalogues (cemassess.i18n)."""

from __future__ import annotations

from cemassess.i18n import Entry, plural

STRINGS: dict[str, Entry] = {
    # charts
    "chart.company": "This company",
    "chart.median": "Benchmark median",
    "chart.band": "Benchmark P10–P90",
    "chart.illustrative": "illustrative",
    "chart.target": "Target",
    "chart.current": "Current score",
    "chart.gap_title": "Gap to target by dimension",
    "chart.radar_title": "CEM profile",
    "chart.heatmap_title": "Scores by role",
    "chart.nps_title": "NPS against published B2B figures",
    "chart.nps_company": "This company",
    "chart.nps_source": "Sources",
    "chart.nps_mix": "Detractors / passives / promoters",
    "chart.detractors": "Detractors",
    "chart.passives": "Passives",
    "chart.promoters": "Promoters",
    "chart.range": "range",
    "chart.phase_title": "Progress through the three phases",
    "chart.phase_attained": "attained",
    "chart.phase_current": "current",
    "chart.phase_later": "not yet",
    "chart.phase_at4": "{at} of {n} practices at level 4+",
    "chart.bar_count": "figures in the bars: number of actions",
    "chart.months": "Months from the assessment",
    "chart.timeline_title": "Roadmap timeline",
    "chart.actions_n": "{n} actions",
    "chart.actions_1": "1 action",
    "chart.due": "due date",
    "chart.not_scored": "not scored",
    # document
    "meta.subject": "CEM maturity assessment and improvement roadmap",
    "page": "Page {n} of",
    # cover
    "cover.kicker": "Customer Experience Management",
    "cover.title": "CEM maturity assessment",
    "cover.subtitle": "Findings and improvement roadmap",
    "cover.no_company": "(company not named)",
    "cover.date": "Assessment date",
    "cover.assessor": "Assessor",
    "cover.industry": "Industry",
    "cover.country": "Country, region",
    "cover.respondents": "Respondents",
    "cover.framework": "Framework",
    "cover.benchmark": "Benchmark",
    "cover.status": "Status",
    "cover.complete": "Complete: every practice answered",
    "cover.incomplete": "INCOMPLETE: {answered} of {total} practices answered",
    "cover.footer_plain": "Confidential: for the management of the assessed company.",
    "cover.footer": "Prepared by {brand}. Confidential: for the management of the assessed company.",
    # sections
    "sec.summary": "Executive summary",
    "sec.profile": "CEM profile",
    "sec.phases": "Maturity phases",
    "sec.dimensions": "The dimensions in detail",
    "sec.voc": "Voice-of-Customer pitfalls",
    "sec.appendix": "Appendix: how every figure was computed",
    # incomplete
    "inc.title": "This assessment is incomplete",
    "inc.body": "{answered} of {total} practices have an answer. Figures below rest only on the answers given.",
    "inc.dims": "Dimensions with unanswered practices (answered/total):",
    "inc.unscored": "No score at all for:",
    "inc.people": "Respondents who have not finished (answered/total):",
    "inc.effect": "Unanswered practices block phase attainment, so the phase shown cannot overstate maturity.",
    # summary
    "sum.phase_progress": "{pct} of the way; phases attained: {attained}",
    "sum.nps_n": "{n} answers",
    "sum.not_measured": "not measured",
    "sum.retention": "Retention",
    "sum.nps_ref": "B2B average {avg15} (2015), {avg5} over five years; best in class {lo}–{hi}",
    "sum.churn": "churn {v}",
    "sum.the_company": "The company",
    "sum.meaning": "What this means",
    "sum.index": "With a CEM index of {score} out of 100, {company} is at the level “{band}”: {meaning}",
    "sum.no_phase": "No phase is attained yet. The work now is phase 1, “{title}”: {desc}",
    "sum.phase": "Phase {n}, “{title}”, is attained. Next comes phase {nxt}, “{next_title}”: {desc}",
    "sum.all_phases": ("All three phases are attained: the task now is to keep the practices at this level "
                       "and raise the weakest ones further."),
    "sum.blocking": plural("{k} practice stands between the company and phase {n}; it comes first "
                           "in the roadmap.",
                           "{k} practices stand between the company and phase {n}; they come "
                           "first in the roadmap.", count="k"),
    "sum.bench": "Against the benchmark “{segment}” the company is above the median in {ahead} of {n} dimensions.",
    "sum.strongest": "Three strongest dimensions",
    "sum.weakest": "Five weakest dimensions",
    "sum.start_now": "Three actions to start now",
    "sum.no_actions": "No action is needed: every practice is at its target.",
    # benchmark
    "bench.none": "No benchmark was chosen: the profile shows the company's own scores only.",
    "bench.caption": "Benchmark: {pack}; segment “{segment}”, n = {n} assessments. Source: {source}",
    "bench.too_few": "Where a dimension has fewer than 5 assessments behind it, no benchmark figure is shown.",
    # profile
    "prof.median": "Median",
    "prof.pct": "Percentile",
    "prof.gaps": "Gaps to target",
    "prof.targets_next": "Target: the lowest score of the next level up for each dimension.",
    "prof.targets_quartile": ("Target: the benchmark's top quartile (P75) where it is above today's score, "
                              "otherwise the next level up."),
    "prof.targets_overrides": plural("{n} target was set by hand.", "{n} targets were set by hand."),
    "prof.metrics": "Key metrics",
    "prof.nps_line": ("NPS {score} from {n} answers: {pro} promoters, {pas} passives, {det} "
                      "detractors."),
    "prof.nps_src": "Period: {period}; source: {source}.",
    "prof.nps_def": ("NPS = % promoters (9–10) − % detractors (0–6) on “How likely are you to recommend…?”, "
                     "from −100 to +100. Published B2B figures: B2B International (2015 study; NPS FAQ)."),
    # phases
    "ph.rule": ("A phase is attained only when every applicable practice of that phase and the phases before it "
                "is at level 4 or above. Progress shows how far the company has come within each phase."),
    "ph.attained": "attained",
    "ph.current": "the phase to work on now",
    "ph.ahead": "ahead",
    "ph.progress": "Progress {pct}; {at} of {n} applicable practices at level 4 or above.",
    "ph.blocks": "What blocks phase {n}, “{title}”",
    "ph.status": "Now",
    # dimensions
    "dim.howto": ("For each dimension: the traditional approach against the CEM approach, the score, and each "
                  "practice's consensus level (the median of the respondents' answers) with the range of their "
                  "answers. Rows shaded are marked for review."),
    "dim.bench": "Benchmark median {median} (P10–P90: {p10}–{p90}); the company is at percentile {pct}.",
    "dim.traditional": "Traditional approach",
    "dim.cem": "CEM approach",
    "dim.incomplete": "Incomplete: {done} of {total} practices answered.",
    "dim.practice": "Practice",
    "dim.answers": "Answers (range)",
    "dim.na_n": "N/A ×{n}",
    "dim.dk_n": "don't know ×{n}",
    "dim.agreed": "agreed",
    "dim.dissent": "Dissent",
    "dim.comments": "Comments",
    "dim.review": "Marked for review:",
    # perception gaps
    "gap.intro": ("How differently the functions see the same company. Large gaps are worth a conversation "
                  "before any action: people who disagree on where the company stands will disagree on what "
                  "to fix."),
    "gap.facts": ("For context: about 80% of managers believe they deliver a superior customer experience while "
                  "8% of their customers agree (Bain); leaders are 16% more likely than associates to rate their "
                  "organisation's CX extremely highly (GetApp survey)."),
    "gap.heat_caption": "Dimension scores (0–100) by role; respondents per role: {roles}.",
    "gap.roles_title": "Where roles disagree most",
    "gap.high": "Highest",
    "gap.low": "Lowest",
    "gap.gap": "Gap (levels)",
    "gap.more": plural("…and {n} more practice with a gap of 1.5 levels or more.",
                       "…and {n} more practices with a gap of 1.5 levels or more."),
    "gap.none_roles": "No practice shows a gap of 1.5 levels or more between roles.",
    "gap.people_title": "Where respondents disagree",
    "gap.answers": "Answers",
    "gap.levels": "Levels given:",
    "gap.extremes": "Highest: {hi}. Lowest: {lo}.",
    "gap.spread": "Range",
    "gap.none_people": "The respondents' answers never differ by two levels or more.",
    # VoC
    "voc.intro": "{k} of the {n} common Voice-of-Customer pitfalls were found in the answers.",
    "voc.none": "None of the {n} common Voice-of-Customer pitfalls was found in the answers.",
    "voc.b2b_title": "B2B principles not met",
    "voc.b2b_intro": "{k} of {n} B2B customer-experience principles are not met.",
    "voc.b2b_none": "All {n} B2B customer-experience principles are met.",
    "voc.evidence": "Evidence: mean level {mean} (found at {threshold} or below) across these practices:",
    "voc.unknown": "Not enough answers to judge:",
    # roadmap
    "rm.intro": ("Actions are ordered by phase first, then by priority: no later-phase action ranks above an open "
                 "phase-1 gap. Don't surprise customers with new promotions while the call centre does not answer "
                 "the phone. The table includes your edits and your own actions."),
    "rm.counts": ("{n} actions: {now} now, {next} next, {later} later; {edited} edited, {own} added by you, "
                  "{excluded} excluded."),
    "rm.empty": "No action is planned: every practice is at its target.",
    "rm.action": "Action",
    "rm.effort": "Effort",
    "rm.own": "your own action",
    "rm.edited": "edited",
    "rm.note": "Note",
    "rm.timeline_caption": ("Bars show each horizon's window (Now 0–3, Next 3–9, Later 9–18 months); diamonds "
                            "mark due dates set in the roadmap."),
    # appendix
    "app.method": "Method",
    "app.from": "From score",
    "app.meaning": "Meaning",
    "app.horizons": ("Horizons: actions of the current phase (or earlier) are Now, or Next when their effort is "
                     "large; actions one phase ahead are Next (Later when large); anything further is Later."),
    "app.overall": "The CEM index",
    "app.phases": "The phases",
    "app.dimensions": "The dimension scores",
    "app.benchmark": "The benchmark",
    "app.bench_line": "{title} (created {created}); segment “{segment}”, up to {n} assessments per dimension.",
    "app.bench_source": "Source: {source}",
    "app.share": "Weight share",
    "app.contribution": "Contribution",
    "app.points": "Points",
    "app.weight": "Weight",
    "app.sum": "Dimension score (sum)",
    "app.left_out": "left out",
    "app.respondents": "Respondents",
    "app.code": "Code",
    "app.name": "Respondent",
    "app.role": "Role",
    "app.answered": "Answered",
    "app.answers": "All answers",
    "app.answers_legend": ("Levels 1–5; N/A = not applicable; DK = don't know; – = not answered; "
                           "* = with a comment; ! = marked for review. R1, R2… are the respondents listed above."),
    "app.block": "Respondents R{a}–R{b}",
    "app.comments": "All comments",
    "app.agreed": "Answers agreed by the facilitator",
    "app.end": "End of report.",
    "ans.na": "N/A",
    "ans.dk": "DK",
    # --- h15 ---
    "app.cut": ("{n} long text(s) (comments, notes, dissent) are shortened here to about {limit} characters, "
                "marked […]; the XLSX export holds them in full.",
                "{n} длинных текст(а) (комментарии, примечания, особые мнения) сокращены здесь примерно до {limit} "
                "знаков и отмечены […]; полный текст — в выгрузке XLSX.",
                "{n} довгих текст(и) (коментарі, примітки, окремі думки) скорочено тут приблизно до {limit} "
                "знаків і позначено […]; повний текст — у вивантаженні XLSX."),
    "err.layout": ("the report could not be laid out ({what}); no file was written. Please report this with the "
                   "assessment file.",
                   "отчёт не удалось сверстать ({what}); файл не записан. Сообщите об этом, приложив файл оценки.",
                   "звіт не вдалося зверстати ({what}); файл не записано. Повідомте про це, додавши файл оцінки."),
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
