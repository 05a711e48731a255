/* The facilitator's room page. The room's secret is kept in this tab (sessionStorage), never
   in the address bar: an old link's "#secret" is read once, kept, and taken out of the address;
   ending the room forgets it. Every request carries it in a header. Counts arrive by long poll:
   the server answers as soon as the room changes. When rooms are not available (the store is
   down) the page says so and tries again, waiting longer each time. */
"use strict";
(() => {
  const { api, say, el, sleep, words, orderReady, shownOrder } = window.Room;
  const $ = (id) => document.getElementById(id);
  const ANNOUNCE_MS = 5000;  // polite announcements at most this often
  const KEY = `infoshare-room-secret:${location.pathname}`;
  const RETRY_MS = [1000, 2000, 4000, 8000, 15000, 30000];  // back-off while rooms are down
  let secret = keptSecret();
  let view = null, lastAnnounced = "", announceTimer = null, lastAnnounceAt = 0;
  // The facilitator's projected page listens here (a channel named after the site's base path):
  // it asks the room the question on its screen, and lists the options in the room's order.
  const channel = typeof BroadcastChannel === "function"
    ? new BroadcastChannel(`infoshare-room:${new URL("../", location.href).pathname}`) : null;
  const tellRoom = (code) => { if (channel) channel.postMessage({ room: code }); };
  const order = (q) => shownOrder(view && view.code, q.id, q.options.length);

  function keptSecret() {
    const fromLink = location.hash.slice(1);
    if (fromLink) history.replaceState(null, "", location.pathname + location.search);
    try {
      if (fromLink) sessionStorage.setItem(KEY, fromLink);
      return fromLink || sessionStorage.getItem(KEY) || "";
    } catch (e) { return fromLink; }  // storage off: kept in this page only
  }
  function keep(value) {
    try {
      if (value) sessionStorage.setItem(KEY, value); else sessionStorage.removeItem(KEY);
    } catch (e) { /* storage off */ }
  }

  const call = (method, body) => api(method, body && method === "GET" ? body : "host",
    { body: method === "POST" ? body : undefined, headers: { "X-Room-Secret": secret } });

  function trouble(down) {
    // Said once when rooms go away, and once when they are back (a status region).
    const box = $("trouble");
    if (down) {
      box.hidden = false;
      if (box.textContent !== words.room_store_down) box.textContent = words.room_store_down;
    } else if (!box.hidden) {
      box.textContent = words.room_store_back;
      setTimeout(() => { if (box.textContent === words.room_store_back) box.hidden = true; },
                 5000);
    }
  }

  function ended() {
    $("room").hidden = true; $("start").hidden = true; $("ended").hidden = false;
    secret = ""; keep("");
    tellRoom("");
  }

  // The server decides what is a number (room_store/session_results.py): a count, or how many
  // answered, that it does not give comes as a ui.yaml key ("fewer than 5", "5 or more"), and an
  // option's share (percent, bar) as null wherever it would give a hidden count away.
  const said = (value) => (typeof value === "number" ? String(value) : words[value] || "");
  const share = (v, i) => (v.percents ? v.percents[i] : null);

  function summary(v) {
    if (!v.question || !v.counts) return "";
    const parts = order(v.question).map((i) => `${v.question.options[i]}: ${said(v.counts[i])}`);
    return `${words.room_announce} (${said(v.answered)} ${words.room_answered}): ` +
      parts.join("; ");
  }

  function announce(text) {
    // Polite, and at most every ANNOUNCE_MS: a burst of answers is one announcement.
    clearTimeout(announceTimer);
    const wait = Math.max(0, lastAnnounceAt + ANNOUNCE_MS - Date.now());
    announceTimer = setTimeout(() => {
      if (text !== lastAnnounced) {
        $("announce").textContent = text;
        lastAnnounced = text;
        lastAnnounceAt = Date.now();
      }
    }, wait);
  }

  function drawChart(v) {
    const chart = $("chart");
    chart.replaceChildren();
    const q = v.question;
    if (!q) return;
    const reveal = v.reveal;
    order(q).forEach((i) => {
      const text = q.options[i];
      const n = v.counts ? v.counts[i] : 0;
      const percent = share(v, i);
      const bar = el("span", { class: "is-room-bar", "aria-hidden": "true" });
      bar.style.width = `${percent || 0}%`;
      const label = el("span", { class: "is-room-label", text });
      if (reveal && reveal.correct.includes(i)) {
        label.append(el("strong", { class: "is-room-right", text: ` — ${words.room_right}` }));
      }
      const item = el("li", {}, [label,
        el("span", { class: "is-room-track" }, percent === null ? [] : [bar]),
        el("span", { class: "is-room-number",
          text: percent === null ? said(n) : `${said(n)} (${percent}%)` })]);
      if (reveal && reveal.feedback_html[i]) {
        item.append(el("div", { class: "is-room-feedback", html: reveal.feedback_html[i] }));
      }
      chart.append(item);
    });
  }

  function render(v) {
    if (view && !v.code && v.version < view.version) return;  // a late answer: already newer
    const first = !view;
    if (v.code) {
      $("code").textContent = v.code;
      $("address").textContent = v.address;
      $("qr").src = v.qr;
      const pick = $("pick");
      pick.replaceChildren();
      const groups = new Map();
      for (const q of v.questions) {
        if (!groups.has(q.group)) {
          groups.set(q.group, el("optgroup", { label: q.group }));
          pick.append(groups.get(q.group));
        }
        groups.get(q.group).append(el("option", { value: q.id, text: q.label }));
      }
    }
    const stageChanged = first || v.stage !== view.stage;
    const told = view && view.code;
    view = { ...(view || {}), ...v };
    if (view.code && view.code !== told) tellRoom(view.code);
    $("counts").textContent = `${v.devices} ${words.room_devices}` +
      (v.question ? ` · ${said(v.answered)} ${words.room_answered}` : "");
    const q = v.question;
    $("question").hidden = !q;
    $("phase").textContent = !q ? words.room_idle : v.phase === "open" ? words.room_open
      : v.phase === "closed" ? words.room_closed
      : words[(v.reveal && v.reveal.said) || "room_revealed"];
    if (q && stageChanged) {
      $("group").textContent = q.group;
      $("intro").innerHTML = q.intro_html;
      $("prompt").innerHTML = q.prompt_html;
      $("explanation").innerHTML = v.reveal ? v.reveal.explanation_html : "";
    }
    const lock = $("lock");
    if (lock.getAttribute("aria-pressed") !== String(Boolean(v.locked))) {
      lock.setAttribute("aria-pressed", String(Boolean(v.locked)));
      lock.textContent = v.locked ? words.room_unlock : words.room_lock;
      if (!first) $("door-status").textContent =
        v.locked ? words.room_locked_note : words.room_unlocked_note;
    }
    $("close").hidden = !q || v.phase !== "open";  // not offered once voting is closed
    $("reveal").disabled = !q || v.phase === "revealed";
    // the presenter view shows the wall's counts, as the server made them for the wall (each
    // option's by its place in the content, or `said`, a ui.yaml key for words only; numbers,
    // keys and the question's id: no room key, no text)
    if (channel) {
      const wall = (q && v.wall) || {};
      channel.postMessage({ live: { devices: v.devices, question: q ? q.id : "",
        counts: Array.isArray(wall.counts) ? wall.counts : null,
        answered: q && wall.answered !== undefined ? wall.answered : 0,
        percents: Array.isArray(wall.percents) ? wall.percents : null,
        said: typeof wall.said === "string" ? wall.said : null } });
    }
    drawChart(v);
    if (q && !stageChanged) announce(summary(v));
  }

  async function step(body, where = "phase") {
    let reply;
    try { reply = await call("POST", body); } catch (e) { reply = { status: 0, data: {} }; }
    const { status, data } = reply;
    if (status === 404) ended();
    else if (status === 200 && !data.ended) render(data);
    else if (status === 503 || status === 0) trouble(true);
    else if (status !== 200) $(where).textContent = say(data.error);
    return { status, data };
  }

  async function follow() {
    await orderReady;
    let since = -1, failures = 0;
    while (secret) {
      let reply;
      try { reply = await call("GET", `host?wait=${since}`); } catch (e) {
        reply = { status: 0, data: {} };
      }
      if (reply.status === 404) { ended(); return; }
      if (reply.status !== 200) {
        if (reply.status === 503 || reply.status === 0) trouble(true);
        await sleep(RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]);
        failures += 1;
        continue;
      }
      failures = 0;
      trouble(false);
      render(reply.data);
      since = reply.data.version;
    }
  }

  function open() {
    $("start").hidden = true; $("room").hidden = false;
    follow();
  }

  $("start-room").addEventListener("click", async () => {
    let reply;
    try { reply = await api("POST", "rooms", { body: {} }); } catch (e) {
      reply = { status: 503, data: { error: "room_unavailable" } };
    }
    const { status, data } = reply;
    if (status !== 201) { $("start-error").textContent = say(data.error); return; }
    secret = data.secret;
    keep(secret);
    open();
  });
  $("ask").addEventListener("click", () => step({ step: "ask", question: $("pick").value }));
  $("close").addEventListener("click", async () => {
    const { status } = await step({ step: "close" });
    if (status === 200) $("reveal").focus();  // Close voting is gone: focus the next step
  });
  $("reveal").addEventListener("click", () => step({ step: "reveal" }));
  $("lock").addEventListener("click", () => step(
    { step: "lock", locked: $("lock").getAttribute("aria-pressed") !== "true" }, "door-status"));
  $("remove-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const typed = $("remove-number").value.trim();
    const number = /^[0-9]{1,6}$/.test(typed) ? Number(typed) : 0;
    const { status } = await step({ step: "remove", device: number }, "door-status");
    if (status === 200) {
      $("door-status").textContent = words.room_removed.replace("{number}", String(number));
      $("remove-number").value = "";
    } else if (status === 400) {
      $("door-status").textContent = words.room_no_such_device;
    }
    $("remove-number").focus();
  });
  // "End the room" asks first (in the page, by keyboard: Escape or "No" keeps the room).
  function confirmEnd(asking) {
    $("end-confirm").hidden = !asking;
    $("end").setAttribute("aria-expanded", String(asking));
    (asking ? $("end-question") : $("end")).focus();
  }
  $("end").addEventListener("click", () => confirmEnd($("end-confirm").hidden));
  $("end-cancel").addEventListener("click", () => confirmEnd(false));
  $("end-confirm").addEventListener("keydown", (event) => {
    if (event.key === "Escape") confirmEnd(false);
  });
  $("end-yes").addEventListener("click", async () => {
    const { data } = await step({ step: "end" });
    if (data.ended) ended();
  });
  // The session's results: fetched with the secret in a header, saved as the server names it.
  async function download(kind) {
    const said = $("results-status");
    said.textContent = "";
    let response = null;
    try {
      response = await fetch(`${document.body.dataset.room}api/results?format=${kind}`, {
        headers: { "X-Infoshare-Room": "1", "X-Room-Secret": secret }, cache: "no-store",
        credentials: "same-origin" });
    } catch (e) { response = null; }
    if (!response || !response.ok) {
      if (response && response.status === 404) { ended(); return; }
      said.textContent = say(response && response.status !== 503 ? "room_refused"
        : "room_unavailable");
      return;
    }
    const named = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") || "");
    const url = URL.createObjectURL(await response.blob());
    const link = el("a", { href: url, download: named ? named[1] : `results.${kind}` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    said.textContent = words.room_results_saved;
  }
  $("results-csv").addEventListener("click", () => download("csv"));
  $("results-page").addEventListener("click", () => download("html"));

  // The facilitator's projected page asks which room is open (for the order of its options) and
  // for the question on its screen ("Ask the room" under a group question): same browser.
  if (channel) {
    channel.onmessage = async (event) => {
      if ((event.data || {}).which) { tellRoom((secret && view && view.code) || ""); return; }
      const id = (event.data || {}).ask;
      if (typeof id !== "string") return;
      const known = secret && view && (view.questions || []).some((q) => q.id === id);
      let ok = false;
      if (known) {
        $("pick").value = id;
        const { data } = await step({ step: "ask", question: id });
        ok = Boolean(data && data.question && data.question.id === id);
      }
      channel.postMessage({ asked: id, ok });
    };
  }

  if (secret) open();
})();
