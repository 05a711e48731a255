/* The learner's room page: type the code, follow the facilitator's question, answer once,
   change it until voting closes. The device's token is kept in this browser (localStorage),
   never a name. */
"use strict";
(() => {
  const { api, say, el, sleep, words, orderReady, shownOrder } = window.Room;
  const KEY = "infoshare-room-device";
  const $ = (id) => document.getElementById(id);
  const join = $("join"), follow = $("follow"), status = $("follow-status");
  const form = $("answer");
  let token = null, current = null, chosen = [], shownStage = -1, code = "";
  // The status line is a live region: set only when its words change, so a long poll that
  // comes back unchanged announces nothing.
  const setStatus = (text) => { if (status.textContent !== text) status.textContent = text; };

  function stored() {
    try { return JSON.parse(localStorage.getItem(KEY) || "null"); } catch (e) { return null; }
  }
  function keep(value) {
    try {
      if (value) localStorage.setItem(KEY, JSON.stringify(value));
      else localStorage.removeItem(KEY);
    } catch (e) { /* storage off: the page still works while it is open */ }
  }

  const RETRY_MS = [1000, 2000, 4000, 8000, 15000, 30000];  // back-off while rooms are down

  function showJoin(message) {
    token = null; keep(null);
    follow.hidden = true; join.hidden = false;
    $("code-error").textContent = message || "";
  }

  // Why this device is out of the room: removed by the facilitator (410), or the room ended.
  const goneWords = (reply) =>
    (reply.status === 410 && words[reply.data.error]) || words.room_ended;

  function showNumber(number) {
    // The device's number in the room: the facilitator removes a device by it.
    $("number").textContent = number ? words.room_your_number.replace("{number}", number) : "";
  }

  join.addEventListener("submit", async (event) => {
    event.preventDefault();
    const typed = $("code").value;
    let reply;
    try { reply = await api("POST", "join", { body: { code: typed } }); } catch (e) {
      reply = { status: 503, data: { error: "room_unavailable" } };
    }
    const { status: code_status, data } = reply;
    if (code_status !== 201) {
      $("code-error").textContent = say(data.error || "room_refused");
      $("code").focus();
      return;
    }
    // The code is kept with the token: it seeds the order the options are shown in.
    token = data.token; code = typed; keep({ token, number: data.number, code });
    showNumber(data.number);
    start();
  });

  function drawQuestion(q, view) {
    $("group").textContent = q.group;
    $("intro").innerHTML = q.intro_html;
    $("prompt").innerHTML = q.prompt_html;
    const options = $("options");
    options.replaceChildren();
    const reveal = view.reveal;
    // In the room's order; each input's value is the option's index in the content.
    shownOrder(code, q.id, q.options.length).forEach((i) => {
      const text = q.options[i];
      const id = `option-${i}`;
      const input = el("input", { type: q.multiple ? "checkbox" : "radio", name: "option",
                                  id, value: String(i) });
      input.checked = chosen.includes(i);
      input.disabled = view.phase !== "open";
      const label = el("label", { for: id }, [el("span", { text })]);
      const row = el("div", { class: "is-room-option" }, [input, label]);
      if (reveal) {
        if (reveal.correct.includes(i)) {
          label.append(el("strong", { class: "is-room-right", text: ` — ${words.room_right}` }));
        }
        if (reveal.feedback_html[i]) row.append(el("div", { html: reveal.feedback_html[i] }));
      }
      options.append(row);
    });
    $("send").hidden = view.phase !== "open";
    $("explanation").innerHTML = reveal ? reveal.explanation_html : "";
    form.hidden = false;
  }

  function render(view) {
    current = view.question;
    chosen = view.chosen || [];
    if (!current) {
      form.hidden = true;
      setStatus(words.room_joined);
      return;
    }
    const fresh = view.stage !== shownStage;
    shownStage = view.stage;
    if (fresh) drawQuestion(current, view);
    const said = view.phase === "open"
      ? (chosen.length ? words.room_sent : words.room_new_question.replace("{group}", current.group))
      : view.phase === "closed" ? words.room_closed : verdict(view);
    // A new question is said even when its words match the last one's (same quiz): the
    // polite status is emptied, then filled a moment later.
    if (fresh && view.phase === "open" && status.textContent === said) {
      status.textContent = "";
      setTimeout(() => setStatus(said), 100);
    } else {
      setStatus(said);
    }
  }

  // After the reveal, what was shown and how this device's own answer did, in words: the
  // server names both (ui.yaml keys), from the question's grades (best, acceptable, not the
  // best); a question with no best answer has no verdict.
  function verdict(view) {
    const shown = words[(view.reveal && view.reveal.said) || "room_revealed"];
    return view.verdict ? `${shown} ${words[view.verdict]}` : shown;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!current) return;
    const options = [...form.querySelectorAll("input[name=option]:checked")]
      .map((input) => Number(input.value));
    let reply;
    try {
      reply = await api("POST", "device", {
        body: { question: current.id, options }, headers: { "X-Room-Device": token } });
    } catch (e) {
      reply = { status: 503, data: { error: "room_unavailable" } };
    }
    const { status: code, data } = reply;
    if (code === 200) {
      chosen = data.chosen;
      status.textContent = words.room_sent;
    } else if (code === 404 || code === 410) {
      showJoin(goneWords(reply));
    } else {
      status.textContent = say(data.error || "room_refused");
    }
  });

  async function start() {
    await orderReady;
    join.hidden = true; follow.hidden = false;
    status.textContent = words.room_joined;
    let since = -1, failures = 0;
    while (token) {
      const mine = token;
      let reply;
      try {
        reply = await api("GET", `device?wait=${since}`, { headers: { "X-Room-Device": mine } });
      } catch (e) {
        reply = { status: 0, data: {} };
      }
      if (token !== mine) return;
      if (reply.status === 404 || reply.status === 410) { showJoin(goneWords(reply)); return; }
      if (reply.status !== 200) {
        if (reply.status === 503 || reply.status === 0) setStatus(words.room_unavailable);
        await sleep(RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]);
        failures += 1;
        continue;
      }
      if (failures) setStatus(words.room_joined);  // back: the view below says the rest
      failures = 0;
      since = reply.data.stage;
      render(reply.data);
    }
  }

  const saved = stored();
  const fromLink = decodeURIComponent(location.hash.slice(1));
  if (fromLink) {
    $("code").value = fromLink;
    history.replaceState(null, "", location.pathname);
  }
  if (saved && saved.token && !fromLink) {
    token = saved.token; code = String(saved.code || ""); showNumber(saved.number); start();
  }
})();
