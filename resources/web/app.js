// cemassess live room: the participant's page. No framework, no build step, no outside assets.
// Every text comes from /s/i18n/<lang>.json; user text is only ever set with textContent.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  let T = {};
  let S = null;          // the state from api/state
  let answers = {};      // practice id -> {value, comment}
  let index = 0;         // the practice on screen
  let arrowed = false;   // the last change came from arrow keys: do not save it yet
  let pending = null;    // a choice made with arrow keys, saved on Space / Next
  const queue = [];      // answers waiting for the laptop's acknowledgement
  let sending = false;

  function t(key, fmt) {
    let s = T[key] || key;
    if (fmt) for (const k of Object.keys(fmt)) s = s.split("{" + k + "}").join(String(fmt[k]));
    return s;
  }

  function status(text, kind) {
    const el = $("status");
    el.textContent = text;
    el.className = "status " + (kind || "");
  }

  async function api(path, body) {
    const opts = { credentials: "same-origin", headers: {} };
    if (body !== undefined) {
      opts.method = "POST";
      opts.headers["Content-Type"] = "application/json";
      opts.body = JSON.stringify(body);
    }
    const r = await fetch("api/" + path, opts);
    let data = null;
    try { data = await r.json(); } catch (e) { data = null; }
    if (!r.ok) {
      const err = new Error((data && data.message) || r.statusText);
      err.status = r.status;
      err.code = data && data.error;
      throw err;
    }
    return data;
  }

  function show(id) {
    for (const s of ["loading", "join", "practice", "finish", "result"]) $(s).hidden = s !== id;
    $("main").focus();
  }

  function translatePage() {
    document.documentElement.lang = S.lang;
    document.title = t("title");
    for (const el of document.querySelectorAll("[data-t]")) el.textContent = t(el.dataset.t);
    $("event").textContent = S.event;
  }

  // -- joining -----------------------------------------------------------------------------
  function buildJoin() {
    const ev = S.mode === "event";
    $("company-row").hidden = !ev;
    $("name-hint").textContent = ev ? t("join.name_optional") : "";
    const fs = $("roles");
    for (const old of fs.querySelectorAll(".opt")) old.remove();
    ["management", "sales", "marketing", "service", "other"].forEach((role, i) => {
      const wrap = document.createElement("div");
      wrap.className = "opt";
      const inp = document.createElement("input");
      inp.type = "radio"; inp.name = "role"; inp.id = "role-" + role; inp.value = role;
      if (i === 4) inp.checked = true;
      const lab = document.createElement("label");
      lab.htmlFor = inp.id; lab.textContent = t("role." + role);
      wrap.append(inp, lab);
      fs.append(wrap);
    });
    $("join-form").onsubmit = async (e) => {
      e.preventDefault();
      const role = document.querySelector("input[name=role]:checked");
      $("join-btn").disabled = true;
      try {
        const r = await api("join", {
          name: $("name").value, company: ev ? $("company").value : "",
          role: role ? role.value : "other", consent_benchmark: $("consent").checked,
        });
        S.seat = r.seat;
        answers = {};
        index = 0;
        showPractice();
      } catch (err) {
        status(t(err.code || "s.retry"), "bad");
      } finally {
        $("join-btn").disabled = false;
      }
    };
    show("join");
  }

  // -- one practice at a time -----------------------------------------------------------------
  function showPractice() {
    const ps = S.practices;
    if (index >= ps.length) return showFinish();
    const p = ps[index];
    const a = answers[p.id] || {};
    pending = null;
    arrowed = false;
    $("pending").hidden = true;
    $("progress-text").textContent = t("q.progress", { i: index + 1, n: ps.length });
    $("progress").max = ps.length;
    $("progress").value = Object.keys(answers).filter((k) => answers[k].value != null).length;
    $("progress").setAttribute("aria-label", t("q.progress", { i: index + 1, n: ps.length }));
    $("dimension").textContent = p.dimension;
    $("statement").textContent = p.statement;
    const box = $("options");
    box.textContent = "";
    const opts = p.anchors.map((text, i) => [i + 1, t("q.level", { n: i + 1 }), text]);
    opts.push(["dk", t("q.dk"), ""], ["na", t("q.na"), ""]);
    for (const [value, head, text] of opts) {
      const inp = document.createElement("input");
      inp.type = "radio"; inp.name = "level"; inp.id = "lv-" + value; inp.value = String(value);
      inp.checked = a.value === value;
      const lab = document.createElement("label");
      lab.htmlFor = inp.id;
      lab.className = "anchor" + (typeof value === "number" ? "" : " extra");
      const h = document.createElement("strong");
      h.textContent = head;
      lab.append(h);
      if (text) {
        const s = document.createElement("span");
        s.textContent = text;
        lab.append(s);
      }
      inp.addEventListener("keydown", (e) => {
        if (e.key.startsWith("Arrow")) arrowed = true;
        if (e.key === " " || e.key === "Enter") { e.preventDefault(); inp.checked = true; choose(inp.value); }
      });
      inp.addEventListener("change", () => {
        if (arrowed) { pending = inp.value; $("pending").hidden = false; arrowed = false; return; }
        choose(inp.value);
      });
      const wrap = document.createElement("div");
      wrap.className = "opt";
      wrap.append(inp, lab);
      box.append(wrap);
    }
    $("comment").value = a.comment || "";
    $("back").disabled = index === 0;
    show("practice");
  }

  function parseValue(v) {
    return /^[1-5]$/.test(v) ? Number(v) : v;
  }

  function choose(v) {
    pending = null;
    $("pending").hidden = true;
    const p = S.practices[index];
    save(p.id, { value: parseValue(v), comment: $("comment").value });
  }

  function save(pid, answer) {
    answers[pid] = answer;
    for (let i = queue.length - 1; i >= 0; i--) if (queue[i].practice === pid) queue.splice(i, 1);
    queue.push({ practice: pid, answer: answer });
    $("progress").value = Object.keys(answers).filter((k) => answers[k].value != null).length;
    pump();
  }

  async function pump() {
    if (sending) return;
    sending = true;
    status(t("s.saving"), "busy");
    let delay = 500;
    while (queue.length) {
      const item = queue[0];
      try {
        await api("answer", item);
        if (queue[0] === item) queue.shift();
        delay = 500;
      } catch (err) {
        if (err.status === 409) { queue.length = 0; status(t("err.closed"), "bad"); sending = false; S.closed = true; return; }
        if (err.status === 403) { queue.length = 0; status(t("err.seat"), "bad"); sending = false; S.seat = null; buildJoin(); return; }
        if (err.status === 422 || err.status === 413 || err.status === 400) { queue.shift(); status(t(err.code || "err.bad"), "bad"); continue; }
        status(t(err.status === 429 ? "err.slow" : "s.retry"), "bad");
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 8000);
      }
    }
    sending = false;
    status(t("s.saved"), "ok");
  }

  // Next/Back/"save comment" are explicit taps: they save a choice made with the arrow keys.
  // Leaving the page saves only a typed comment, never an arrow-key choice.
  function commitHere(withPending) {
    if (!S || !S.seat || $("practice").hidden) return;
    const p = S.practices[index];
    const a = answers[p.id] || {};
    const usePending = withPending !== false && pending !== null;
    const value = usePending ? parseValue(pending) : (a.value === undefined ? null : a.value);
    const comment = $("comment").value;
    if (usePending || comment !== (a.comment || "")) save(p.id, { value: value, comment: comment });
  }

  $("next").addEventListener("click", () => { commitHere(); index++; showPractice(); });
  $("back").addEventListener("click", () => { commitHere(); if (index > 0) index--; showPractice(); });
  $("save-comment").addEventListener("click", () => commitHere());
  window.addEventListener("online", pump);
  window.addEventListener("pagehide", () => commitHere(false));

  // -- the end ------------------------------------------------------------------------------
  function showFinish() {
    const n = S.practices.length;
    const a = Object.keys(answers).filter((k) => answers[k].value != null).length;
    $("finish-summary").textContent = t("f.summary", { a: a, n: n });
    show("finish");
  }

  $("finish-back").addEventListener("click", () => { index = S.practices.length - 1; showPractice(); });
  $("finish-btn").addEventListener("click", async () => {
    $("finish-btn").disabled = true;
    try {
      while (queue.length || sending) await new Promise((r) => setTimeout(r, 100));
      await api("finish", {});
      S.seat.finished = true;
      await showResult();
    } catch (err) {
      status(t(err.code || "s.retry"), "bad");
    } finally {
      $("finish-btn").disabled = false;
    }
  });

  async function showResult() {
    const r = await api("profile");
    const body = $("profile").querySelector("tbody");
    body.textContent = "";
    const rows = r.dimensions.map((d) => [d.title, d.score, d.room_median]);
    rows.push([t("r.overall"), r.overall, r.room_overall]);
    rows.forEach((row, i) => {
      const tr = document.createElement("tr");
      if (i === rows.length - 1) tr.className = "total";
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = row[0];
      tr.append(th);
      for (const v of [row[1], row[2]]) {
        const td = document.createElement("td");
        if (v === null || v === undefined) {
          td.textContent = r.room.visible || v === row[1] ? t("r.none") : "–";
        } else {
          const bar = document.createElement("span");
          bar.className = "bar";
          bar.style.width = Math.max(2, v) + "%";
          bar.setAttribute("aria-hidden", "true");
          const num = document.createElement("span");
          num.className = "num";
          num.textContent = String(v);
          td.append(num, bar);
        }
        tr.append(td);
      }
      body.append(tr);
    });
    $("profile").querySelector("thead th:nth-child(3)").hidden = !r.room.visible;
    for (const tr of body.querySelectorAll("tr")) tr.children[2].hidden = !r.room.visible;
    $("room-note").textContent = S.mode !== "event" ? t("r.workshop")
      : r.room.visible ? t("r.visible", { n: r.room.n }) : t("r.wait", { n: r.room.n });
    $("pdf").hidden = !r.pdf;
    $("edit").hidden = !!S.closed;
    show("result");
  }

  $("refresh").addEventListener("click", () => showResult().catch(() => status(t("s.retry"), "bad")));
  $("edit").addEventListener("click", () => { index = 0; showPractice(); });

  // -- start: resume where this phone was ---------------------------------------------------
  async function start() {
    try {
      S = await api("state");
      T = await (await fetch("/s/i18n/" + S.lang + ".json")).json();
    } catch (err) {
      $("loading").textContent = "⚠ " + (err.message || "offline");
      setTimeout(start, 3000);
      return;
    }
    translatePage();
    if (S.closed) status(t("s.closed"), "bad");
    if (!S.seat) return buildJoin();
    answers = S.seat.answers || {};
    if (S.seat.finished) return showResult();
    const first = S.practices.findIndex((p) => !answers[p.id] || answers[p.id].value == null);
    index = first < 0 ? S.practices.length : first;
    showPractice();
  }
  start();
})();
