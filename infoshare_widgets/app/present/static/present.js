/* The presenter view: every step and its notes, the current and the next, a timer, the room's
   code and counts, and the controls. It sends the audience window one step at a time over a
   BroadcastChannel (same browser, nothing through the server). The position is kept in this tab
   (sessionStorage), and asked back from the audience window if this tab was closed. It never
   reads the room's key: the room's own page answers "which room?" with its public code. */
"use strict";
(() => {
  const { say, said, el, show, channel, roomChannel, direction } = window.Stage;
  const $ = (id) => document.getElementById(id);
  const steps = JSON.parse($("present-steps").textContent);
  const key = document.body.dataset.key;
  const STORE = `infoshare-present:${key}`;
  // Minutes last this many milliseconds (tests shorten them with data-minute-ms).
  const MINUTE_MS = Number(document.body.dataset.minuteMs) || 60000;
  let state = { index: 0, endsAt: 0 }, room = "", kept = false;
  let live = null, charting = false;  // the room's last counts; whether the audience sees them

  try {
    const stored = JSON.parse(sessionStorage.getItem(STORE) || "null");
    if (stored && Number.isInteger(stored.index)) { state = stored; kept = true; }
  } catch (e) { /* storage off, or nothing kept */ }

  // What the audience window is sent: the step's own HTML, never its notes or label.
  const shown = ({ kind, html, minutes, question }) => ({ kind, html, minutes, question });
  // The chart, when asked: the wall's counts as the room's page heard them from the server
  // (which question; each option's count, how many answered and shares, or instead a ui.yaml
  // key, `said`, for words only).
  const counts = () => (charting ? { question: (live && live.question) || "",
    counts: (live && live.counts) || null, answered: (live && live.answered) || 0,
    percents: (live && live.percents) || null, said: (live && live.said) || null } : null);
  const message = () => ({ key, index: state.index, total: steps.length,
    step: shown(steps[state.index]), room, endsAt: state.endsAt, chart: counts() });

  function draw() {
    const step = steps[state.index];
    show($("stage"), message());
    $("position").textContent = `(${say("present_position",
      { number: state.index + 1, total: steps.length })})`;
    const coming = steps[state.index + 1];
    $("coming").textContent = coming ? coming.label : say("present_last");
    $("notes").innerHTML = step.notes;  // sanitised by the server
    $("timer").textContent = step.kind === "timer" ? step.label : "";
    $("previous").disabled = state.index === 0;
    $("next").disabled = state.index === steps.length - 1;
    for (const [i, item] of [...$("steps").children].entries()) {
      const button = item.firstChild;
      if (i === state.index) button.setAttribute("aria-current", "step");
      else button.removeAttribute("aria-current");
    }
  }

  function tell() { if (channel) channel.postMessage({ show: message() }); }

  function go(index) {
    const to = Math.max(0, Math.min(steps.length - 1, index));
    const step = steps[to];
    if (to !== state.index || !state.endsAt) {
      state = { index: to, endsAt: step.kind === "timer" ? Date.now() + step.minutes * MINUTE_MS
        : 0 };
    }
    kept = true;
    try { sessionStorage.setItem(STORE, JSON.stringify(state)); } catch (e) { /* off */ }
    draw();
    tell();
  }

  steps.forEach((step, i) => {
    const button = el("button", { type: "button", text: step.label });
    button.addEventListener("click", () => go(i));
    $("steps").append(el("li", {}, [button]));
  });
  $("previous").addEventListener("click", () => go(state.index - 1));
  $("next").addEventListener("click", () => go(state.index + 1));
  $("open-audience").addEventListener("click", () => {
    // A window of its own (a user's press: not blocked), to drag to the projector and maximise.
    const opened = window.open("present/audience", "infoshare-audience", "popup=yes");
    $("status").textContent = opened ? "" : say("present_audience_blocked");
  });
  function oneScreen(on) {
    document.body.classList.toggle("is-one-screen", on);
    $("one-screen-hint").hidden = !on;
    if (!on) $("one-screen").focus();
  }
  $("one-screen").addEventListener("click", () => oneScreen(true));
  $("chart").addEventListener("click", () => {
    charting = !charting;
    $("chart").setAttribute("aria-pressed", String(charting));
    draw();
    tell();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && document.body.classList.contains("is-one-screen")) {
      oneScreen(false);
      return;
    }
    const by = direction(event);
    if (!by) return;
    event.preventDefault();
    go(state.index + by);
  });

  if (channel) {
    channel.onmessage = (event) => {
      const data = event.data || {};
      if (data.hello) tell();
      else if (data.move) go(state.index + (data.move > 0 ? 1 : -1));
      else if (data.at && !kept && data.at.key === key && Number.isInteger(data.at.index)) {
        state = { index: Math.max(0, Math.min(steps.length - 1, data.at.index)),
                  endsAt: data.at.endsAt || 0 };
        go(state.index);
      }
    };
  }
  if (roomChannel) {
    roomChannel.onmessage = (event) => {
      const data = event.data || {};
      if (typeof data.room === "string" && data.room !== room) {
        room = data.room;
        $("live").textContent = room ? `${say("present_room_open")} ${room}` : "";
        draw();
        tell();
      } else if (data.live && room) {
        live = data.live;
        $("live").textContent = `${say("present_room_open")} ${room}. ` +
          say("present_live", { devices: data.live.devices, answered: said(data.live.answered) });
        if (charting) { draw(); tell(); }
      }
    };
    roomChannel.postMessage({ which: true });
  }
  draw();
  if (kept) tell();
  else if (channel) channel.postMessage({ where: true });  // the audience may know where we were
})();
