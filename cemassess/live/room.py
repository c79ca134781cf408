"""The live room without the network: seats, durable answers, counts, what changed.

`LiveRoom` is what the server (cemassess.live.server) and the Qt layer share. Every change a
phone asks for goes through `submit()`: one writer thread takes all waiting requests,
validates each, writes their lines with one fdatasync (event mode: the event journal;
workshop mode: the portfolio's journal through `Portfolio.set_answer`) and only then
resolves each request's future, so "saved" on a phone means "on disk". The room never
scores anything itself: results come from `cemassess.domain` (`evaluate`, `room_profile`).

Threading: every public method is thread-safe and returns quickly; the GUI thread may call
`counts()`, `close_answers()`, `reveal()` and drain `events` at any time. `room_profile()`
and `personal_pdf()` evaluate assessments (milliseconds per changed seat; a PDF takes
seconds): call them off the GUI thread.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import datetime as dt
import hashlib
import queue
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from cemassess.domain.assessment import Answer, Company, Respondent
from cemassess.domain.framework import Framework, Role
from cemassess.domain.results import Results, evaluate
from cemassess.domain.room import RoomProfile, room_profile
from cemassess.exchange.participant import AnswerFile, as_assessment
from cemassess.live.models import AnswerRequest, JoinRequest
from cemassess.store.events import EventFolder, EventInfo, EventShelf

if TYPE_CHECKING:
    from cemassess.store import Portfolio
    from cemassess.workshop import Room

DEFAULT_SEAT_CAP = 500


class Refusal(Exception):
    """A request refused with nothing changed: `status` is the HTTP status, `code` a key of
    the phone page's catalogue, `message` one English line for logs and tests."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@dataclass(frozen=True)
class Counts:
    joined: int = 0
    answering: int = 0  # joined, at least one answer, not finished
    finished: int = 0


@dataclass(frozen=True)
class LiveEvent:
    """What happened, for the trainer's screen. Never carries a name or a company."""

    kind: Literal["joined", "answered", "finished", "closed", "reopened", "revealed"]
    seat: str = ""  # anonymous seat id
    practice: str = ""
    respondent: str = ""  # workshop mode: the respondent id the answers land on
    counts: Counts = Counts()


@dataclass
class Seat:
    id: str
    token_hash: str
    name: str = ""
    company: str = ""
    role: Role = Role.OTHER
    consent: bool = False
    respondent: str = ""  # workshop mode
    answers: dict[str, Answer] = field(default_factory=dict)
    finished: bool = False
    version: int = 0  # bumped on every change (result and PDF caches)
    joined: str = ""


@dataclass
class RoomSnapshot:
    """The finished seats for the trainer's screen, as another process asks for them
    (cemassess.live.worker): the room's profile, and the answer files of only the seats
    that changed since the versions the asker already holds."""

    seats: list[str]  # the room's order (joining order); the profile's positions follow it
    versions: dict[str, int]
    # only seats whose version the asker did not have, each as its answer file's JSON: one
    # string crosses a pipe at no cost, where 200 pydantic models take the receiving
    # process's interpreter lock for tens of milliseconds to rebuild
    files: dict[str, str]
    profile: RoomProfile


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


@dataclass
class _Job:
    kind: Literal["join", "answer", "finish"]
    token: str
    body: Any
    future: cf.Future = field(default_factory=cf.Future)


class LiveRoom:
    """One live event (or one workshop collecting answers live). See the module doc."""

    def __init__(self, folder: EventFolder, fw: Framework, portfolio: Portfolio | None = None, *,
                 seat_cap: int = DEFAULT_SEAT_CAP) -> None:
        self.folder = folder
        self.info: EventInfo = folder.info
        self.framework = fw
        self.portfolio = portfolio
        if self.info.mode == "workshop" and portfolio is None:
            raise ValueError("a workshop room needs the portfolio that holds the assessment")
        self.seat_cap = seat_cap
        self.events: queue.SimpleQueue[LiveEvent] = queue.SimpleQueue()
        self._listeners: list[Callable[[LiveEvent], None]] = []
        self._lock = threading.RLock()
        self._seats: dict[str, Seat] = {}  # by token hash
        self._by_id: dict[str, Seat] = {}
        self.closed = False
        self.revealed = False
        self._results: dict[str, tuple[int, Results]] = {}
        self._pdfs: dict[str, tuple[int, str, bytes]] = {}
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        try:
            self._replay()
        except BaseException:
            folder.close()  # never keep an event locked that could not be read
            raise
        self._writer = threading.Thread(target=self._write_loop, name=f"live-writer-{self.info.id}", daemon=True)
        self._writer.start()

    # -- opening ------------------------------------------------------------------------------
    @classmethod
    def open_event(cls, name: str, data_dir: str | None = None, *, framework: Framework | None = None,
                   seat_cap: int = DEFAULT_SEAT_CAP) -> LiveRoom:
        """The event called `name` in the data folder, created on first use (no assessment
        needed). Raises EventInUse when another server has it open."""
        from cemassess.content import load_framework

        shelf = EventShelf(data_dir)
        info = shelf.find(name)
        if info is None:
            fw = framework or load_framework()
            info = shelf.create(name, fw.id)
        else:
            fw = framework or load_framework(info.framework)
        return cls(shelf.open(info), fw, seat_cap=seat_cap)

    @classmethod
    def for_assessment(cls, portfolio: Portfolio, aid: str, *, seat_cap: int = DEFAULT_SEAT_CAP) -> LiveRoom:
        """Workshop mode: phones join as respondents of the open assessment `aid`."""
        from cemassess.content import load_framework

        a = portfolio.get(aid)
        shelf = EventShelf(portfolio.root)
        ev_id = f"ws-{aid.lower()}"[:40]
        info = next((e for e in shelf.list() if e.mode == "workshop" and e.assessment == aid), None)
        if info is None:
            info = shelf.create(ev_id, a.framework, mode="workshop", assessment=aid)
            info = info.model_copy(update={"name": a.company.name or a.title or aid})
            folder = shelf.open(info)
            folder.info = info
            folder.save_info()
        else:
            folder = shelf.open(info)
        return cls(folder, load_framework(a.framework), portfolio, seat_cap=seat_cap)

    def _replay(self) -> None:
        sc = self.folder.read()
        aw: dict[str, dict[str, Answer]] = {}
        if self.portfolio is not None:
            aw = self.portfolio.get(self.info.assessment).answers
        for e in sc.entries:
            op = e["op"]
            try:
                if op == "seat":
                    v = e.get("v", {})
                    s = Seat(id=e["s"], token_hash=e["h"], name=v.get("name", ""), company=v.get("company", ""),
                             role=Role(v.get("role", "other")), consent=bool(v.get("consent")),
                             respondent=v.get("respondent", ""), joined=e.get("m", ""))
                    self._seats[s.token_hash] = s
                    self._by_id[s.id] = s
                elif op == "answer":
                    s = self._by_id[e["s"]]
                    if e.get("a") is None:
                        s.answers.pop(e["p"], None)
                    else:
                        s.answers[e["p"]] = Answer.model_validate(e["a"])
                elif op == "finish":
                    self._by_id[e["s"]].finished = True
                elif op == "state":
                    self.closed = bool(e["v"].get("closed", self.closed))
                    self.revealed = bool(e["v"].get("revealed", self.revealed))
            except (KeyError, ValueError, TypeError):
                continue  # a line that names an unknown seat: never acknowledged as such
        for s in self._by_id.values():
            if s.respondent:
                s.answers = dict(aw.get(s.respondent, {}))

    # -- the trainer's side (thread-safe, quick) ------------------------------------------------
    def add_listener(self, fn: Callable[[LiveEvent], None]) -> None:
        """`fn(event)` is called on the writer thread after each durable change (for a Qt
        layer: emit a signal from it; queued connections carry it to the GUI thread)."""
        self._listeners.append(fn)

    def counts(self) -> Counts:
        with self._lock:
            return self._counts()

    def _counts(self) -> Counts:
        seats = self._by_id.values()
        fin = sum(1 for s in seats if s.finished)
        ans = sum(1 for s in seats if s.answers and not s.finished)
        return Counts(len(self._by_id), ans, fin)

    def close_answers(self, closed: bool = True) -> None:
        """End (or with False, reopen) editing: phones are then told answers are closed."""
        self._state({"closed": closed}, "closed" if closed else "reopened")

    def reveal(self) -> None:
        """Show the room's results: on the trainer's screen and on finished phones (n ≥ 5)."""
        self._state({"revealed": True}, "revealed")

    def _state(self, v: dict[str, bool], kind: Any) -> None:
        with self._lock:
            self.folder.append([{"op": "state", "v": v, "m": _now()}])
            self.closed = v.get("closed", self.closed)
            self.revealed = v.get("revealed", self.revealed)
            ev = LiveEvent(kind, counts=self._counts())
        self._emit(ev)

    def room_profile(self) -> RoomProfile:
        """The anonymous profile of the finished participants (domain.room_profile; `shown`
        is False below five). Event mode only."""
        return room_profile(self.framework, self._finished_results())

    def room_visible(self, profile: RoomProfile | None = None) -> bool:
        profile = profile or self.room_profile()
        return profile.shown and (self.revealed or self.closed)

    def answer_files(self) -> list[tuple[str, AnswerFile]]:
        """Each seat with answers as an answer file (what `cemassess room` reads)."""
        with self._lock:
            seats = [s for s in self._by_id.values() if s.answers]
            return [(f"seat-{s.id}", self._answer_file(s)) for s in seats]

    def room(self, finished_only: bool = True) -> Room:
        """The collected answers as a workshop.Room, for `write_room_reports`."""
        from cemassess.workshop import Room

        with self._lock:
            seats = [s for s in self._by_id.values() if s.answers and (s.finished or not finished_only)]
            files = [(f"seat-{s.id}", self._answer_file(s)) for s in seats]
        room = Room(self.framework)
        for name, af in files:
            room.names.append(name)
            room.files.append(af)
            room.results.append(evaluate(self.framework, as_assessment(af)))
        room.profile = room_profile(self.framework, room.results)
        return room

    def snapshot(self, finished_only: bool = True, known: dict[str, int] | None = None) -> RoomSnapshot:
        """What `room()` holds, for another process: the profile (each seat scored once per
        change, `results_for`), and only the answer files the asker does not have (`known`:
        seat id -> version). Off the GUI thread: milliseconds per changed seat."""
        known = known or {}
        with self._lock:
            seats = [s for s in self._by_id.values() if s.answers and (s.finished or not finished_only)]
            versions = {s.id: s.version for s in seats}
            files = {s.id: self._answer_file(s).model_dump_json() for s in seats
                     if known.get(s.id) != s.version}
        profile = room_profile(self.framework, [self.results_for(s) for s in seats])
        return RoomSnapshot([s.id for s in seats], versions, files, profile)

    def close(self) -> None:
        """Stop the writer (after the requests already submitted) and release the event."""
        if self._writer.is_alive():
            self._jobs.put(None)
            self._writer.join(10)
        self.folder.close()

    # -- the phone's side --------------------------------------------------------------------
    def seat(self, token: str | None) -> Seat | None:
        if not token or len(token) > 100:
            return None
        with self._lock:
            return self._seats.get(token_hash(token))

    def submit(self, kind: Literal["join", "answer", "finish"], token: str, body: Any) -> cf.Future:
        """Queue a change; the future resolves after it is durable (or with a Refusal)."""
        job = _Job(kind, token, body)
        self._jobs.put(job)
        return job.future

    def join(self, req: JoinRequest) -> tuple[str, Seat]:
        return self.submit("join", "", req).result(30)

    def answer(self, token: str, req: AnswerRequest) -> Seat:
        return self.submit("answer", token, req).result(30)

    def finish(self, token: str) -> Seat:
        return self.submit("finish", token, None).result(30)

    def results_for(self, seat: Seat) -> Results:
        with self._lock:
            hit = self._results.get(seat.id)
            if hit and hit[0] == seat.version:
                return hit[1]
            version, af = seat.version, self._answer_file(seat)
        res = evaluate(self.framework, as_assessment(af))
        with self._lock:
            self._results[seat.id] = (version, res)
        return res

    def personal_pdf(self, seat: Seat, lang: str) -> bytes:
        """The participant's personal PDF (the room as benchmark once the room is visible)."""
        from cemassess.report.room import PersonalRenderer, room_pack

        with self._lock:
            hit = self._pdfs.get(seat.id)
            version, af = seat.version, self._answer_file(seat)
        prof = self.room_profile()
        visible = self.room_visible(prof)
        key = f"{lang}:{visible}:{prof.n if visible else 0}"
        if hit and hit[0] == version and hit[1] == key:
            return hit[2]
        pack = room_pack(self.framework, prof, self.info.name, lang) if visible else None
        res = evaluate(self.framework, as_assessment(af), benchmarks=pack, segment_id="room" if pack else None)
        if not visible:
            prof = room_profile(self.framework, [])
        pdf = PersonalRenderer(res, prof, lang).generate()
        with self._lock:
            self._pdfs[seat.id] = (version, key, pdf)
        return pdf

    # -- the writer thread -------------------------------------------------------------------
    def _write_loop(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            batch = [job]
            stop = False
            while len(batch) < 500:
                try:
                    nxt = self._jobs.get_nowait()
                except queue.Empty:
                    break
                if nxt is None:
                    stop = True
                    break
                batch.append(nxt)
            self._commit(batch)
            if stop:
                return

    def _commit(self, batch: list[_Job]) -> None:
        done: list[tuple[_Job, Any]] = []
        events: list[LiveEvent] = []
        with self._lock:
            lines: list[dict[str, Any]] = []
            applies: list[Callable[[], Any]] = []
            pending_joins = 0
            for job in batch:
                try:
                    entry, apply = self._prepare(job, pending_joins)
                except Refusal as r:
                    job.future.set_exception(r)
                    continue
                except Exception as e:  # a store error on the workshop path: refused, nothing changed
                    job.future.set_exception(Refusal(503, "err.save", str(e)))
                    continue
                pending_joins += job.kind == "join"
                if entry is not None:
                    lines.append(entry)
                applies.append(apply)
                done.append((job, apply))
            try:
                self.folder.append(lines)
            except Exception as e:
                for job, _ in done:
                    job.future.set_exception(Refusal(503, "err.save", str(e)))
                return
            results = []
            for job, apply in done:
                value, ev = apply()
                results.append((job, value))
                if ev is not None:
                    events.append(ev)
            counts = self._counts()
        for job, value in results:
            job.future.set_result(value)
        for ev in events:
            self._emit(LiveEvent(ev.kind, ev.seat, ev.practice, ev.respondent, counts))

    def _prepare(self, job: _Job, pending_joins: int) -> tuple[dict[str, Any] | None, Callable[[], Any]]:
        now = _now()
        if job.kind == "join":
            req: JoinRequest = job.body
            if len(self._by_id) + pending_joins >= self.seat_cap:
                raise Refusal(503, "err.full", f"the room is full ({self.seat_cap} seats)")
            token = secrets.token_urlsafe(32)
            sid = "s" + secrets.token_hex(6)
            while sid in self._by_id:
                sid = "s" + secrets.token_hex(6)
            seat = Seat(id=sid, token_hash=token_hash(token), name=req.name, company=req.company,
                        role=req.role, consent=req.consent_benchmark, joined=now)
            if self.portfolio is not None:
                rid = f"live-{sid}"
                seat.respondent = rid

                r = Respondent(id=rid, name=req.name, role=req.role)

                def add(a: Any) -> Any:
                    a.respondents.append(r)
                    a.answers.setdefault(r.id, {})
                    return a
                self.portfolio.update(self.info.assessment, add)
            entry = {"op": "seat", "s": sid, "h": seat.token_hash, "m": now,
                     "v": {"name": seat.name, "company": seat.company, "role": seat.role.value,
                           "consent": seat.consent, "respondent": seat.respondent}}

            def apply_join() -> tuple[Any, LiveEvent]:
                self._seats[seat.token_hash] = seat
                self._by_id[seat.id] = seat
                return (token, seat), LiveEvent("joined", seat.id, respondent=seat.respondent)
            return entry, apply_join
        seat = self.seat(job.token)
        if seat is None:
            raise Refusal(403, "err.seat", "no such seat")
        if self.closed:
            raise Refusal(409, "err.closed", "answers are closed")
        if job.kind == "finish":
            def apply_finish() -> tuple[Any, LiveEvent]:
                seat.finished = True
                seat.version += 1
                return seat, LiveEvent("finished", seat.id, respondent=seat.respondent)
            return {"op": "finish", "s": seat.id, "m": now}, apply_finish
        req2: AnswerRequest = job.body
        if req2.practice not in self.framework.practices:
            raise Refusal(422, "err.practice", f"unknown practice {req2.practice!r}")
        ans = None if req2.answer.is_empty else req2.answer
        entry2: dict[str, Any] | None = {"op": "answer", "s": seat.id, "p": req2.practice,
                                         "a": None if ans is None else ans.model_dump(mode="json"), "m": now}
        if self.portfolio is not None:
            # workshop: the answer is the respondent's, durable in the portfolio's journal
            self.portfolio.set_answer(self.info.assessment, seat.respondent, req2.practice, ans)
            entry2 = None

        def apply_answer() -> tuple[Any, LiveEvent]:
            if ans is None:
                seat.answers.pop(req2.practice, None)
            else:
                seat.answers[req2.practice] = ans
            seat.version += 1
            return seat, LiveEvent("answered", seat.id, req2.practice, seat.respondent)
        return entry2, apply_answer

    def _emit(self, ev: LiveEvent) -> None:
        self.events.put(ev)
        for fn in list(self._listeners):
            with contextlib.suppress(Exception):  # a listener's bug must not stop the room
                fn(ev)

    def _finished_results(self) -> list[Results]:
        with self._lock:
            seats = [s for s in self._by_id.values() if s.finished and s.answers]
        return [self.results_for(s) for s in seats]

    def _answer_file(self, s: Seat) -> AnswerFile:
        # event mode: each seat is its own one-respondent assessment, company never shown
        return AnswerFile(id=s.id, mode=self.info.mode, assessment=self.info.assessment,
                          framework=self.framework.id,
                          respondent=Respondent(id="r1", name=s.name, role=s.role),
                          company=Company(name=s.company), answers=dict(s.answers),
                          consent_benchmark=s.consent)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
