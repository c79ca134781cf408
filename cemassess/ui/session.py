"""The session: owns the open assessment, saves every change through the store at once,
keeps the undo stack and tells the screens what changed.

Screens never edit the assessment themselves: they call a session method, which pushes an
undoable command; the command applies the change here, the store makes it durable, and a
typed signal says what changed. Results are computed by the domain's `evaluate()` on
demand, once per burst of changes (`resultsChanged` is coalesced).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from cemassess.domain.assessment import (
    ActionEdit,
    Agreed,
    Answer,
    Assessment,
    Company,
    CustomAction,
    Metrics,
    Respondent,
    RoadmapEdits,
)
from cemassess.domain.framework import Framework, Role
from cemassess.domain.results import Results, evaluate
from cemassess.domain.roadmap import NOW_MAX
from cemassess.ui.commands import AgreedCommand, AnswerCommand, FieldCommand, RespondentsCommand
from cemassess.ui.strings import t

FrameworkLoader = Callable[[str], Framework]
COMMENT_DEBOUNCE_MS = 300  # a comment being typed is saved this long after the last key

# which signal a top-level field's change emits
_FIELD_SIGNAL = {"roadmap": "roadmapChanged", "metrics": "metricsChanged",
                 "targets": "roadmapChanged", "company": "profileChanged",
                 "assessor": "profileChanged", "date": "profileChanged", "title": "profileChanged",
                 "respondents": "respondentsChanged", "answers": "answersChanged",
                 "agreed": "answersChanged"}


def _assign(a: Assessment, fields: dict[str, Any]) -> None:
    if "respondents" in fields:  # answers must never name a respondent that is not there
        a.answers = {}
    for k, v in fields.items():
        setattr(a, k, v)


def _default_framework_loader(framework_id: str, version: str = "") -> Framework:
    from cemassess.content import load_framework

    return load_framework(framework_id, version)


def _default_benchmarks():
    from cemassess.content import load_benchmarks

    try:
        return load_benchmarks()
    except Exception:  # no pack installed (or a damaged one): results without a benchmark
        return None


def _default_shelf(portfolio: Any) -> list:
    if not hasattr(portfolio, "root"):  # participant mode: no portfolio, no shelf
        return []
    from cemassess.ui.portfolio import shelf_packs

    try:
        return shelf_packs(portfolio)
    except Exception:  # an unreadable shelf never stops the results
        return []


class Session(QObject):
    assessmentOpened = Signal()  # opened, closed or replaced: every screen reloads
    answersChanged = Signal(str, str)  # respondent id ("" = agreed answer), practice id ("" = many)
    respondentsChanged = Signal()
    activeRespondentChanged = Signal(str)
    consensusModeChanged = Signal(bool)
    roadmapChanged = Signal()
    metricsChanged = Signal()
    profileChanged = Signal()
    benchmarkChanged = Signal()
    languageChanged = Signal(str)
    resultsChanged = Signal()  # coalesced after any change that alters the results
    portfolioChanged = Signal()  # assessments created, imported, removed
    saveFailed = Signal(str)

    def __init__(self, portfolio: Any, lang: str = "en", *,
                 framework_loader: FrameworkLoader | None = None,
                 benchmarks_loader: Callable[[], Any] | None = None,
                 shelf_loader: Callable[[Any], list] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.portfolio = portfolio
        self.lang = lang
        self.load_framework = framework_loader or _default_framework_loader
        self._benchmarks_loader = benchmarks_loader or _default_benchmarks
        self._shelf_loader = shelf_loader or _default_shelf
        self._benchmarks: Any = ...
        self._shelf: list | None = None
        self.pack_id = ""  # chosen benchmark pack ("" = the shipped one)
        self.now_max = NOW_MAX  # at most this many actions in Now (the settings' roadmap/now_max)
        self._earlier: dict[str, Results] | None = None  # earlier assessments' results (trend)
        self._trend: Any = ...
        self._own_profile: Any = None
        self.assessment: Assessment | None = None
        self.framework: Framework | None = None
        self.active_respondent = ""
        self.consensus = False
        self.segment_id = ""
        self.undo_stack = QUndoStack(self)
        self._results: Results | None = None
        self.last_evaluate_ms = 0.0
        self._emit_results = QTimer(self)
        self._emit_results.setSingleShot(True)
        self._emit_results.setInterval(0)
        self._emit_results.timeout.connect(self.resultsChanged)
        # comments as they are typed: (assessment, respondent or "" for agreed, practice) -> text
        self._typed: dict[tuple[str, str, str], str] = {}
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(COMMENT_DEBOUNCE_MS)
        self._typing.timeout.connect(self.flush_comments)

    # -- state ------------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return bool(getattr(self.portfolio, "read_only", False))

    @property
    def is_open(self) -> bool:
        return self.assessment is not None

    @property
    def shipped_benchmarks(self):
        if self._benchmarks is ...:
            self._benchmarks = self._benchmarks_loader()
        return self._benchmarks

    def packs(self) -> list:
        """Every benchmark pack to choose from: the shipped one, then the shelf's."""
        if self._shelf is None:
            self._shelf = self._shelf_loader(self.portfolio)
        shipped = self.shipped_benchmarks
        out = [shipped] if shipped is not None else []
        taken = {p.id for p in out}
        out += [p for p in self._shelf if p.id not in taken and p.framework in
                ("", getattr(self.framework, "id", p.framework))]
        return out

    def shelf_changed(self) -> None:
        """A pack was imported, built or saved: read the shelf again."""
        self._shelf = None
        self.benchmarkChanged.emit()
        if self.is_open:
            self._changed()

    @property
    def benchmarks(self):
        """The chosen benchmark pack (the shipped one unless another was chosen)."""
        if self.pack_id:
            chosen = next((p for p in self.packs() if p.id == self.pack_id), None)
            if chosen is not None:
                return chosen
        return self.shipped_benchmarks

    def results(self) -> Results:
        """The domain's results for the open assessment (computed once per change burst)."""
        if self._results is None:
            assert self.assessment is not None and self.framework is not None
            pack = self.benchmarks
            seg = self.segment_id if pack is not None and pack.segment(self.segment_id) else None
            if seg is None and pack is not None and pack.segment(self.assessment.company.industry):
                seg = self.assessment.company.industry
            t0 = time.perf_counter()
            self._results = evaluate(self.framework, self.assessment, benchmarks=pack, segment_id=seg,
                                     now_max=self.now_max)
            self.last_evaluate_ms = (time.perf_counter() - t0) * 1000
        return self._results

    def _changed(self) -> None:
        self._results = None
        self._trend = ...
        self._own_profile = None
        self._emit_results.start()

    def set_now_max(self, n: int) -> None:
        """A new cap on the roadmap's Now: the results are computed again."""
        if n != self.now_max:
            self.now_max = n
            self._changed()

    def respondents_profile(self) -> Any:
        """The respondents' own consensus, agreed answers left out (the merge screen's median)."""
        if self._own_profile is None:
            from cemassess.domain.scoring import profile

            assert self.assessment is not None and self.framework is not None
            self._own_profile = profile(self.framework, self.assessment, use_agreed=False)
        return self._own_profile

    # -- re-assessment ------------------------------------------------------------------------
    def trend(self) -> Any:
        """The company's trend over its earlier assessments in the portfolio (`previous`), or
        None for a first assessment."""
        if self._trend is not ...:
            return self._trend
        self._trend = None
        a = self.assessment
        if a is None or not a.previous:
            return None
        from cemassess.domain.trend import chain, trend

        if self._earlier is None:
            from cemassess.ui.portfolio import earlier_assessments

            self._earlier = {}
            for h in earlier_assessments(self.portfolio, a).values():  # same framework only
                self._earlier[h.id] = evaluate(self.framework, h)
        if not self._earlier:
            return None
        by_id = {rid: r.assessment for rid, r in self._earlier.items()}
        by_id[a.id] = a
        history = chain(a, by_id)
        if len(history) < 2:
            return None
        res = self.results()
        self._trend = trend([res if h.id == a.id else self._earlier[h.id] for h in history])
        return self._trend

    # -- opening and closing ----------------------------------------------------------------
    def open(self, aid: str) -> None:
        self.open_assessment(self.portfolio.get(aid))

    def open_assessment(self, a: Assessment) -> None:
        self.flush_comments()
        fw = (self.load_framework(a.framework, a.framework_version)  # the version it was answered on
              if self.load_framework is _default_framework_loader else self.load_framework(a.framework))
        self.assessment, self.framework = a, fw
        self.active_respondent = a.respondents[0].id if a.respondents else ""
        self.consensus = False
        self.undo_stack.clear()
        self._results = None
        self._earlier = None
        self.assessmentOpened.emit()
        self.activeRespondentChanged.emit(self.active_respondent)
        self.consensusModeChanged.emit(False)
        self._changed()

    def close_assessment(self) -> None:
        self.flush_comments()
        self.assessment = None
        self.framework = None
        self.undo_stack.clear()
        self._results = None
        self._earlier = None
        self._trend = ...
        self._own_profile = None
        self.assessmentOpened.emit()

    def close(self) -> None:
        """Close the portfolio cleanly (the store writes its index and drops its marker)."""
        self.close_assessment()
        closer = getattr(self.portfolio, "close", None)
        if closer is not None:
            closer()

    def create(self, *, company: Company, assessor: str = "", date: dt.date | None = None,
               title: str = "", framework_id: str = "cem-b2b",
               first_respondent: tuple[str, Role] | None = None) -> str:
        fw = self.load_framework(framework_id)
        a = Assessment(framework=fw.id, framework_version=fw.version, language=self.lang,
                       title=title, company=company, assessor=assessor,
                       date=date or dt.date.today())
        name, role = first_respondent or (assessor, Role.MANAGEMENT)
        a.add_respondent(name or t("respondent.default", self.lang, n=1), role)
        self._store("create", a)
        self.portfolioChanged.emit()
        self.open(a.id)
        return a.id

    def create_demo(self) -> str:
        from cemassess.demo import make_demo

        fw = self.load_framework("cem-b2b")
        a = make_demo(self.lang, fw)
        self._store("create", a)
        self.portfolioChanged.emit()
        self.open(a.id)
        return a.id

    def _store(self, method: str, *args: Any) -> Any:
        return getattr(self.portfolio, method)(*args)

    def results_snapshot(self) -> Results:
        """Results over a private copy of the assessment, safe to hand to a worker thread."""
        assert self.assessment is not None and self.framework is not None
        res = self.results()
        a = self.assessment.model_copy(deep=True)
        seg = res.benchmark.segment.id if res.benchmark else None
        return evaluate(self.framework, a, benchmarks=self.benchmarks, segment_id=seg, now_max=self.now_max)

    # -- language, benchmark, respondent context ---------------------------------------------
    def set_language(self, lang: str) -> None:
        if lang != self.lang:
            self.lang = lang
            self.languageChanged.emit(lang)

    def set_segment(self, segment_id: str, pack_id: str | None = None) -> None:
        """Compare with this segment (of the chosen pack, or of `pack_id`: "" = shipped)."""
        pack_id = self.pack_id if pack_id is None else pack_id
        if segment_id != self.segment_id or pack_id != self.pack_id:
            self.segment_id = segment_id
            self.pack_id = pack_id
            self.benchmarkChanged.emit()
            self._changed()

    def set_active_respondent(self, rid: str) -> None:
        self.flush_comments()
        if self.assessment and self.assessment.respondent(rid) and rid != self.active_respondent:
            self.active_respondent = rid
            self.activeRespondentChanged.emit(rid)

    def set_consensus(self, on: bool) -> None:
        self.flush_comments()
        if on != self.consensus:
            self.consensus = on
            self.consensusModeChanged.emit(on)

    # -- answers ------------------------------------------------------------------------------
    def answer(self, pid: str, rid: str | None = None) -> Answer | None:
        assert self.assessment is not None
        return self.assessment.answer(rid or self.active_respondent, pid)

    def set_answer(self, pid: str, answer: Answer | None, rid: str | None = None) -> None:
        rid = rid or self.active_respondent
        if not self._editable() or not rid:
            return
        old = self.answer(pid, rid)
        if answer is not None and answer.is_empty:
            answer = None
        if old == answer:
            return
        self.undo_stack.push(AnswerCommand(self, rid, pid, old, answer,
                                           t("undo.answer", self.lang)))

    def update_answer(self, pid: str, **changes: Any) -> None:
        """Change one part of the active respondent's answer (value, comment or review)."""
        self.flush_comments()
        base = self.answer(pid) or Answer()
        # validated, not model_copy: the text-hygiene rule cleans what was typed or pasted
        self.set_answer(pid, Answer.model_validate({**base.model_dump(), **changes}))

    def set_agreed(self, pid: str, value: int | str | None, dissent: str | None = None) -> None:
        if not self._editable():
            return
        assert self.assessment is not None
        old = self.assessment.agreed.get(pid)
        if value is None:
            new = None
        else:
            new = Agreed(value=value, dissent=old.dissent if dissent is None and old else dissent or "")
        if old == new:
            return
        self.undo_stack.push(AgreedCommand(self, pid, old, new, t("undo.agreed", self.lang)))

    def _put_answer(self, rid: str, pid: str, answer: Answer | None) -> bool:
        assert self.assessment is not None
        try:
            self.portfolio.set_answer(self.assessment.id, rid, pid, answer)
        except Exception as e:  # the store's errors are one plain sentence
            self.saveFailed.emit(str(e))
            return False
        self.assessment.set_answer(rid, pid, answer)
        self._changed()  # before the signal: a listener asking for results() gets fresh ones
        self.answersChanged.emit(rid, pid)
        return True

    def _put_agreed(self, pid: str, agreed: Agreed | None) -> bool:
        assert self.assessment is not None
        new = dict(self.assessment.agreed)
        if agreed is None:
            new.pop(pid, None)
        else:
            new[pid] = agreed
        return self._put_fields({"agreed": new}, practice=pid)

    def _put_fields(self, fields: dict[str, Any], practice: str = "") -> bool:
        a = self.assessment
        assert a is not None
        before = {k: getattr(a, k) for k in fields}
        if "respondents" in fields:
            before.setdefault("answers", a.answers)
        known = {r.id for r in a.respondents} | {r.id for r in fields.get("respondents", ())}

        def apply(work: Assessment) -> None:
            # a respondent who joined live since the last sync (h13ui) is kept with their answers
            unseen = [r for r in work.respondents if r.id not in known] if "respondents" in fields else []
            kept = {r.id: work.answers.get(r.id, {}) for r in unseen}
            _assign(work, fields)
            if unseen:
                work.respondents = list(work.respondents) + unseen
                work.answers = {**work.answers, **kept}
        try:  # the store journals the changed fields: durable on return
            saved = self.portfolio.update(a.id, apply)
            _assign(a, fields)
            a.modified = saved.modified
        except Exception as e:  # the store's errors are one plain sentence
            _assign(a, before)
            self.saveFailed.emit(str(e))
            return False
        self._changed()  # before the signals: a listener asking for results() gets fresh ones
        for sig in dict.fromkeys(_FIELD_SIGNAL.get(k, "profileChanged") for k in fields):
            if sig == "answersChanged":
                self.answersChanged.emit("", practice)
            else:
                getattr(self, sig).emit()
        if "respondents" in fields:
            ids = [r.id for r in a.respondents]
            if self.active_respondent not in ids:
                self.active_respondent = ids[0] if ids else ""
                self.activeRespondentChanged.emit(self.active_respondent)
        return True

    # -- comments as they are typed ----------------------------------------------------------------
    def type_comment(self, pid: str, text: str, *, agreed: bool = False) -> None:
        """A comment (`agreed`: the dissent of the agreed answer) as it is being typed: saved
        COMMENT_DEBOUNCE_MS after the last key, or at once before anything else changes,
        through the same store path as an answer (a journal line, durable on return), so a
        crash while typing loses at most the last pause and recovery reports it like answers."""
        if self.assessment is None or self.read_only or pid not in self.framework.practices:
            return
        rid = "" if agreed else self.active_respondent
        self._typed[(self.assessment.id, rid, pid)] = text.strip()
        self._typing.start()

    def flush_comments(self) -> None:
        """Save the comments typed since the last save (the debounce timer, a focus change,
        another respondent, closing)."""
        self._typing.stop()
        pending, self._typed = self._typed, {}
        for (aid, rid, pid), text in pending.items():
            if self.assessment is None or self.assessment.id != aid:
                continue  # never happens: every switch of assessment flushes first
            if not rid:
                ag = self.assessment.agreed.get(pid)
                if ag is not None and ag.dissent != text:
                    self.set_agreed(pid, ag.value, text)
                continue
            old = self.answer(pid, rid)
            if (old.comment if old else "") != text:
                self.set_answer(pid, (old or Answer()).model_copy(update={"comment": text}), rid)

    def _editable(self) -> bool:
        if self._typed:  # what was typed is saved before any other change, in order
            self.flush_comments()
        if self.assessment is None:
            return False
        if self.read_only:
            self.saveFailed.emit(t("read_only.refused", self.lang))
            return False
        return True

    def _set_field(self, field: str, new: Any, text_key: str) -> None:
        if not self._editable():
            return
        old = getattr(self.assessment, field)
        if old == new:
            return
        self.undo_stack.push(FieldCommand(self, field, old, new, t(text_key, self.lang)))

    # -- profile and metrics --------------------------------------------------------------------
    def set_metrics(self, metrics: Metrics) -> None:
        self._set_field("metrics", metrics, "undo.metrics")

    def set_company(self, company: Company) -> None:
        self._set_field("company", company, "undo.profile")

    def set_details(self, *, company: Company, assessor: str, date: dt.date, title: str) -> None:
        """The assessment's details (company profile, assessor, date, title): one undo step."""
        if not self._editable():
            return
        a = self.assessment
        assert a is not None
        new = {"company": company, "assessor": assessor, "date": date, "title": title}
        changed = {k: v for k, v in new.items() if getattr(a, k) != v}
        if not changed:
            return
        st = self.undo_stack
        st.beginMacro(t("undo.details", self.lang))
        for k, v in changed.items():
            st.push(FieldCommand(self, k, getattr(a, k), v, t("undo.details", self.lang)))
        st.endMacro()

    # -- workshop: participants' answer files ------------------------------------------------
    def imported_answer_ids(self) -> set[str]:
        """Answer files already imported (their respondents are `f<answer file id>`)."""
        assert self.assessment is not None
        return {r.id[1:] for r in self.assessment.respondents if r.id.startswith("f")}

    def import_answers(self, batch: Any) -> tuple[list, list]:
        """Each accepted answer file of `batch` (exchange.participant.read_batch) becomes a
        respondent: one undo step, one store write; a file is merged whole or refused.
        Returns (imported [(file name, respondent)], refused [Refused])."""
        from cemassess.exchange.participant import merge_into

        if not self._editable() or not batch.accepted:
            return [], []
        old = self._respondents_state()
        work = self.assessment.model_copy(deep=True)
        before = {r.id for r in work.respondents}
        refused = merge_into(work, batch)
        if len(refused) == len(batch.accepted):
            return [], refused
        new = ([r.model_copy() for r in work.respondents],
               {rid: dict(per) for rid, per in work.answers.items()})
        self.undo_stack.push(RespondentsCommand(self, old, new, t("undo.import_answers", self.lang)))
        added = {r.id: r for r in work.respondents if r.id not in before}
        if not added.keys() <= {r.id for r in self.assessment.respondents}:
            return [], refused  # the store refused the change (saveFailed said why): nothing landed
        refused_names = {r.name for r in refused}
        imported = [(name, added[f"f{af.id}"[:40]]) for name, af in batch.accepted
                    if name not in refused_names and f"f{af.id}"[:40] in added]
        return imported, refused

    # -- answers collected live (h13ui) ----------------------------------------------------------
    def merge_live(self, fresh: Assessment) -> None:
        """The store's copy of the open assessment while phones answer live (the live room
        writes respondents and answers through the store on its own thread): take in the
        live respondents and answers the session has not seen, and say what changed. The
        undo stack is cleared when respondents arrive: undoing an earlier respondent change
        would otherwise drop them."""
        a = self.assessment
        if a is None or fresh.id != a.id:
            return
        known = {r.id for r in a.respondents}
        new = [r for r in fresh.respondents if r.id.startswith("live-") and r.id not in known]
        live_ids = [r.id for r in fresh.respondents if r.id.startswith("live-")]
        changed = [rid for rid in live_ids if a.answers.get(rid, {}) != fresh.answers.get(rid, {})]
        if not new and not changed:
            return
        if new:
            a.respondents = list(a.respondents) + [r.model_copy() for r in new]
            self.undo_stack.clear()
        for rid in changed:
            a.answers[rid] = dict(fresh.answers.get(rid, {}))
        a.modified = fresh.modified
        self._changed()
        if new:
            self.respondentsChanged.emit()
        for rid in changed:
            self.answersChanged.emit(rid, "")

    # -- respondents --------------------------------------------------------------------------
    def _respondents_state(self) -> tuple:
        a = self.assessment
        assert a is not None
        return ([r.model_copy() for r in a.respondents],
                {rid: dict(per) for rid, per in a.answers.items()})

    def add_respondent(self, name: str, role: Role) -> str:
        if not self._editable():
            return ""
        old = self._respondents_state()
        respondents, answers = self._respondents_state()
        taken = {r.id for r in respondents}
        n = len(respondents) + 1
        while f"r{n}" in taken:
            n += 1
        respondents.append(Respondent(id=f"r{n}", name=name, role=role))
        self.undo_stack.push(RespondentsCommand(self, old, (respondents, answers),
                                                t("undo.respondent_add", self.lang)))
        return f"r{n}"

    def update_respondent(self, rid: str, *, name: str | None = None, role: Role | None = None) -> None:
        if not self._editable():
            return
        old = self._respondents_state()
        respondents, answers = self._respondents_state()
        for i, r in enumerate(respondents):
            if r.id == rid:
                respondents[i] = Respondent.model_validate(
                    {**r.model_dump(), **{k: v for k, v in (("name", name), ("role", role)) if v is not None}})
        if respondents == old[0]:
            return
        self.undo_stack.push(RespondentsCommand(self, old, (respondents, answers),
                                                t("undo.respondent_edit", self.lang)))

    def remove_respondent(self, rid: str) -> None:
        if not self._editable():
            return
        old = self._respondents_state()
        respondents, answers = self._respondents_state()
        respondents = [r for r in respondents if r.id != rid]
        answers.pop(rid, None)
        if not respondents:
            return  # an assessment keeps at least one respondent
        self.undo_stack.push(RespondentsCommand(self, old, (respondents, answers),
                                                t("undo.respondent_remove", self.lang)))

    # -- roadmap -------------------------------------------------------------------------------
    def _roadmap_copy(self) -> RoadmapEdits:
        assert self.assessment is not None
        return self.assessment.roadmap.model_copy(deep=True)

    def edit_action(self, action_id: str, **changes: Any) -> None:
        """Edit a roadmap action: included, owner, horizon, kpi, due, note (custom ones too)."""
        if not self._editable():
            return
        new = self._roadmap_copy()
        custom = next((c for c in new.custom if c.id == action_id), None)
        if custom is not None:
            allowed = {k: v for k, v in changes.items() if k in CustomAction.model_fields and k != "id"}
            new.custom[new.custom.index(custom)] = CustomAction.model_validate({**custom.model_dump(), **allowed})
        else:
            edit = new.edits.get(action_id, ActionEdit())
            new.edits[action_id] = ActionEdit.model_validate({**edit.model_dump(), **changes})
        self._set_field("roadmap", new, "undo.roadmap_edit")

    def reorder_actions(self, order: list[str]) -> None:
        new = self._roadmap_copy()
        new.order = list(order)
        self._set_field("roadmap", new, "undo.roadmap_order")

    def add_custom_action(self, title: str, dimension: str, *, horizon: str = "now", owner: str = "",
                          kpi: str = "", description: str = "", due: dt.date | None = None) -> str:
        new = self._roadmap_copy()
        taken = {c.id for c in new.custom}
        n = len(taken) + 1
        while f"c.{n}" in taken:
            n += 1
        new.custom.append(CustomAction(id=f"c.{n}", title=title, dimension=dimension,
                                       horizon=horizon, owner=owner, kpi=kpi,
                                       description=description, due=due))
        self._set_field("roadmap", new, "undo.roadmap_add")
        return f"c.{n}"

    def remove_custom_action(self, action_id: str) -> None:
        new = self._roadmap_copy()
        new.custom = [c for c in new.custom if c.id != action_id]
        new.order = [i for i in new.order if i != action_id]
        self._set_field("roadmap", new, "undo.roadmap_remove")
