// The learner's progress, kept in this browser's localStorage and nowhere else.
//
// One entry per site and content: the key names the site's base URL (two deployments on one
// origin do not mix) and the content's identity. The entry holds option indices, results, item
// keys and section ids: never anything typed. On render this view reads the entry and sends it to
// the kernel (which puts the answers back); the kernel sends each change to be written here.
// A corrupt, foreign or oversized entry is ignored (a console warning) and never breaks the page;
// without storage (private browsing, disabled) the page works as before and says, once, that
// progress will not be kept. Another tab that changes the entry (e.g. "Clear my answers") is
// noticed through the `storage` event.

import { el } from "./dom.js";

const VERSION = 1;
const MAX_CHARS = 200000;

function storageKey(model) {
  let base = "/";
  try {
    base = JSON.parse(document.getElementById("jupyter-config-data").textContent).baseUrl || "/";
  } catch (e) {
    base = "/";
  }
  return `infoshare-progress:${new URL(base, location.href).href}:${model.get("content_id")}`;
}

function openStorage() {
  try {
    const store = window.localStorage;
    const probe = "infoshare-progress-probe";
    store.setItem(probe, "1");
    store.removeItem(probe);
    return store;
  } catch (e) {
    return null;
  }
}

function readEntry(store, key) {
  let raw = null;
  try {
    raw = store.getItem(key);
  } catch (e) {
    return {};
  }
  if (raw === null) return {};
  if (raw.length > MAX_CHARS) {
    console.warn("infoshare: stored progress is too large; ignored");
    return {};
  }
  try {
    const data = JSON.parse(raw);
    if (data && typeof data === "object" && !Array.isArray(data) && data.v === VERSION) {
      return data;
    }
  } catch (e) {
    // fall through
  }
  console.warn("infoshare: stored progress is not in a form this page knows; ignored");
  return {};
}

function isPlain(value) {
  return Boolean(value) && typeof value === "object" && !Array.isArray(value);
}

function change(data, msg) {
  const next = { v: VERSION, answers: {}, revealed: [], visited: {} };
  if (isPlain(data.answers)) next.answers = data.answers;
  if (Array.isArray(data.revealed)) next.revealed = data.revealed;
  if (isPlain(data.visited)) next.visited = data.visited;
  if (msg.op === "answer") {
    if (msg.value) next.answers[msg.key] = msg.value;
    else delete next.answers[msg.key];
  } else if (msg.op === "reveal" && !next.revealed.includes(msg.key)) {
    next.revealed.push(msg.key);
  } else if (msg.op === "visit") {
    next.visited[msg.section] = Date.now();
  }
  return next;
}

function render({ model, el: host }) {
  const root = el("div", "is-widget is-progress-store");
  const off = el("p", "is-progress-off");
  root.appendChild(off);
  const store = openStorage();
  const key = storageKey(model);

  function load() {
    const data = store ? readEntry(store, key) : {};
    model.send({ event: "load", available: Boolean(store), data });
  }

  function onMessage(msg) {
    if (!store || !isPlain(msg)) return;
    try {
      if (msg.op === "clear") store.removeItem(key);
      else store.setItem(key, JSON.stringify(change(readEntry(store, key), msg)));
    } catch (e) {
      console.warn("infoshare: progress could not be stored", e);
    }
    if (msg.op === "clear") load();
  }

  function onStorage(event) {
    if (event.storageArea === store && (event.key === key || event.key === null)) load();
  }

  function update() {
    off.textContent = model.get("off_text") || "";
    root.hidden = Boolean(store) || !model.get("off_text");
  }

  update();
  model.on("change", update);
  model.on("msg:custom", onMessage);
  window.addEventListener("storage", onStorage);
  host.appendChild(root);
  load();
  return () => {
    model.off("change", update);
    model.off("msg:custom", onMessage);
    window.removeEventListener("storage", onStorage);
  };
}

export default { render };
