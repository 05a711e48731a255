/* Draws one step on a stage: the audience window's page, or the presenter's own in one-screen
   mode. A step's HTML was sanitised by the server (content/markdown.py); everything added here
   is set as text. The join QR is the server's image of the public address and the room's code. */
"use strict";
window.Stage = (() => {
  const words = JSON.parse(document.getElementById("present-words").textContent);
  const here = document.body.dataset.here || "";
  const say = (key, values = {}) => Object.entries(values).reduce(
    (text, [name, value]) => text.replace(`{${name}}`, String(value)), words[key] || key);
  const el = (tag, props = {}, children = []) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === "text") node.textContent = v; else node.setAttribute(k, v);
    }
    node.append(...children);
    return node;
  };
  // The room's order of a question's options (ui/order.js, seeded by the room's code), as on
  // the phones; the content's order without a room or before the module has loaded.
  let order = null;
  const orderReady = import(new URL(document.body.dataset.order, location.href).href)
    .then((module) => { order = module; }, () => {});
  const timers = new WeakMap();

  function clock(ms) {
    const s = Math.max(0, Math.ceil(ms / 1000));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  }

  function countdown(stage, endsAt) {
    const line = el("p", { class: "is-present-countdown" });
    stage.append(line);
    const tick = () => {
      const left = endsAt - Date.now();
      const text = left > 0 ? say("present_time_left", { time: clock(left) })
        : say("present_time_up");
      if (line.textContent !== text) line.textContent = text;
      if (left <= 0) clearInterval(timers.get(stage));
    };
    tick();
    timers.set(stage, setInterval(tick, 250));
  }

  function joinBox(stage, room) {
    if (!room) { stage.append(el("p", { text: say("present_no_room") })); return; }
    const address = document.body.dataset.address;
    stage.append(el("div", { class: "is-present-join" }, [
      el("div", {}, [
        el("p", { class: "is-present-where", text: say("room_code_heading") }),
        el("p", { class: "is-present-code", text: room }),
        el("p", { text: say("room_address") }),
        el("p", { class: "is-present-address", text: address })]),
      el("img", { src: `${here}join.svg?code=${encodeURIComponent(room)}`,
                  alt: say("room_qr_alt"), width: "300", height: "300" })]));
  }

  function reorder(stage, step, room) {
    const list = stage.querySelector(".is-present-options");
    if (!list || !room || !order || !step.question || !step.question.id) return;
    const items = [...list.children];
    const shown = order.roomOrder(room, step.question.id, items.length);
    list.replaceChildren(...shown.map((i) => items[i]));
  }

  // A number as it is; anything else the server sent in its place is a ui.yaml key ("fewer
  // than 5", "5 or more"), said in words.
  const said = (value) => (typeof value === "number" ? String(value) : say(value));

  // The room's counts on a question's own options (so in the room's order), in words and as a
  // bar behind each option; only when the room is asking this very question. Whether there are
  // numbers at all was decided by the server for the wall (room_store/session_results.py,
  // wall_counts): none while voting is open, and none unless every option was chosen by 5 or
  // more; then `said` is a ui.yaml key, said in words, and nothing else is drawn.
  function chart(stage, step, live) {
    const list = stage.querySelector(".is-present-options");
    const where = (key) => stage.append(el("p", { class: "is-present-where", text: say(key) }));
    if (!list || !step.question || live.question !== step.question.id) {
      where("present_chart_waiting");
      return;
    }
    if (typeof live.said === "string" || !Array.isArray(live.counts) ||
        !Array.isArray(live.percents)) {
      where(typeof live.said === "string" ? live.said : "present_chart_waiting");
      return;
    }
    for (const item of list.children) {
      const index = Number(item.dataset.index);
      const count = live.counts[index], percent = live.percents[index];
      if (typeof count !== "number" || typeof percent !== "number") continue;
      item.classList.add("is-present-counted");
      item.style.setProperty("--is-share", `${percent}%`);
      item.append(el("strong", { class: "is-present-count", text: ` — ${
        say("present_chart_count", { count, answered: live.answered, percent })}` }));
    }
  }

  /** Show ``message.step`` on ``stage``; ``message.room`` is the open room's code, or "";
      ``message.chart``, when the presenter asks, the room's live counts. */
  function show(stage, message) {
    clearInterval(timers.get(stage));
    const step = message.step;
    stage.innerHTML = step.html;  // sanitised by the server
    stage.dataset.kind = step.kind;
    stage.dataset.index = String(message.index);
    if (step.kind === "room") joinBox(stage, message.room);
    if (step.kind === "timer" && message.endsAt) countdown(stage, message.endsAt);
    if (message.chart) chart(stage, step, message.chart);
    reorder(stage, step, message.room);
    if (!order) orderReady.then(() => reorder(stage, step, message.room));
  }

  const base = new URL(here ? "./" : "../", location.href).pathname;
  const channel = typeof BroadcastChannel === "function"
    ? new BroadcastChannel(`infoshare-present:${base}`) : null;
  const roomChannel = typeof BroadcastChannel === "function"
    ? new BroadcastChannel(`infoshare-room:${base}`) : null;
  const isField = (node) => Boolean(node && node.closest &&
    node.closest("input, textarea, select, [contenteditable]"));
  // Page Down / Right Arrow (and a clicker, which sends Page Down) go on; Page Up / Left back.
  const direction = (event) => (isField(event.target) || event.altKey || event.ctrlKey ||
    event.metaKey) ? 0 : ({ PageDown: 1, ArrowRight: 1, PageUp: -1, ArrowLeft: -1 }[event.key] || 0);

  return { words, say, said, el, show, channel, roomChannel, direction };
})();
