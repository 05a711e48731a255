/* The facilitator's room page. The room's secret lives in this page's address after "#"
   (never sent as part of an address, so in no log); every request carries it in a header.
   Counts arrive by long poll: the server answers as soon as the room changes. */
"use strict";
(() => {
  const { api, say, el, sleep, words } = window.Room;
  const $ = (id) => document.getElementById(id);
  const ANNOUNCE_MS = 5000;  // polite announcements at most this often
  let secret = location.hash.slice(1);
  let view = null, lastAnnounced = "", announceTimer = null, lastAnnounceAt = 0;

  const call = (method, body) => api(method, body && method === "GET" ? body : "host",
    { body: method === "POST" ? body : undefined, headers: { "X-Room-Secret": secret } });

  function ended() {
    $("room").hidden = true; $("start").hidden = true; $("ended").hidden = false;
    secret = ""; history.replaceState(null, "", location.pathname);
  }

  function summary(v) {
    if (!v.question || !v.counts) return "";
    const parts = v.question.options.map((text, i) => `${text}: ${v.counts[i]}`);
    return `${words.room_announce} (${v.answered} ${words.room_answered}): ${parts.join("; ")}`;
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
    const total = Math.max(1, v.answered || 0);
    const reveal = v.reveal;
    q.options.forEach((text, i) => {
      const n = v.counts ? v.counts[i] : 0;
      const percent = Math.round((100 * n) / total);
      const bar = el("span", { class: "is-room-bar", "aria-hidden": "true" });
      bar.style.width = `${v.answered ? percent : 0}%`;
      const label = el("span", { class: "is-room-label", text });
      if (reveal && reveal.correct.includes(i)) {
        label.append(el("strong", { class: "is-room-right", text: ` — ${words.room_right}` }));
      }
      const item = el("li", {}, [label, el("span", { class: "is-room-track" }, [bar]),
        el("span", { class: "is-room-number", text: `${n} (${v.answered ? percent : 0}%)` })]);
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
    view = { ...(view || {}), ...v };
    $("counts").textContent = `${v.devices} ${words.room_devices}` +
      (v.question ? ` · ${v.answered} ${words.room_answered}` : "");
    const q = v.question;
    $("question").hidden = !q;
    $("phase").textContent = !q ? words.room_idle : v.phase === "open" ? words.room_open
      : v.phase === "closed" ? words.room_closed : words.room_revealed;
    if (q && stageChanged) {
      $("group").textContent = q.group;
      $("intro").innerHTML = q.intro_html;
      $("prompt").innerHTML = q.prompt_html;
      $("explanation").innerHTML = v.reveal ? v.reveal.explanation_html : "";
    }
    $("close").disabled = !q || v.phase !== "open";
    $("reveal").disabled = !q || v.phase === "revealed";
    drawChart(v);
    if (q && !stageChanged) announce(summary(v));
  }

  async function step(body) {
    const { status, data } = await call("POST", body);
    if (status === 404) ended();
    else if (status === 200 && !data.ended) render(data);
    else if (status !== 200) $("phase").textContent = say(data.error);
    return data;
  }

  async function follow() {
    let since = -1;
    while (secret) {
      let reply;
      try { reply = await call("GET", `host?wait=${since}`); } catch (e) {
        await sleep(2000); continue;
      }
      if (reply.status === 404) { ended(); return; }
      if (reply.status !== 200) { await sleep(2000); continue; }
      render(reply.data);
      since = reply.data.version;
    }
  }

  function open() {
    $("start").hidden = true; $("room").hidden = false;
    follow();
  }

  $("start-room").addEventListener("click", async () => {
    const { status, data } = await api("POST", "rooms", { body: {} });
    if (status !== 201) { $("start-error").textContent = say(data.error); return; }
    secret = data.secret;
    history.replaceState(null, "", `#${secret}`);
    open();
  });
  $("ask").addEventListener("click", () => step({ step: "ask", question: $("pick").value }));
  $("close").addEventListener("click", () => step({ step: "close" }));
  $("reveal").addEventListener("click", () => step({ step: "reveal" }));
  $("end").addEventListener("click", async () => {
    const data = await step({ step: "end" });
    if (data.ended) ended();
  });

  // The facilitator's projected page asks for the question on its screen ("Ask the room" under
  // a group question): same browser, same site (the channel is named after the base path).
  if (typeof BroadcastChannel === "function") {
    const base = new URL("../", location.href).pathname; // <base>room/host
    const channel = new BroadcastChannel(`infoshare-room:${base}`);
    channel.onmessage = async (event) => {
      const id = (event.data || {}).ask;
      if (typeof id !== "string") return;
      const known = secret && view && (view.questions || []).some((q) => q.id === id);
      let ok = false;
      if (known) {
        $("pick").value = id;
        const data = await step({ step: "ask", question: id });
        ok = Boolean(data && data.question && data.question.id === id);
      }
      channel.postMessage({ asked: id, ok });
    };
  }

  if (secret) open();
})();
