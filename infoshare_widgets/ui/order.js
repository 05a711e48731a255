// The order a question's options are shown in: a permutation of the content's order, so no
// learner can learn "the key is third". It is computed here, in the browser, and never sent:
// the radios keep the content's indices (their value), so what goes to the kernel, what is
// stored and what is restored are content indices, and scoring does not change.
//
// The seed: a random one kept in this browser's localStorage beside the learner's progress
// (never sent to the server: a stable id would identify the learner); in a live room, the room's
// code instead, which the projector and every phone already have, so all show one order. The
// permutation: a string hash of seed and question id, mulberry32, then Fisher-Yates. A question
// is named by its own id (the last part of "quiz.<quiz>.<question>"), so a learner's page, the
// projector and the room's phones name it alike.

const SEED_KEY = "infoshare-order-seed";
let pageSeed = ""; // when this browser keeps nothing: one seed for the page's life

// FNV-1a over the UTF-16 code units: a 32-bit unsigned number.
export function hashText(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

// mulberry32: a small seeded generator of numbers in [0, 1).
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A question's own id: "quiz.safe.q3" and "q3" name the same question.
export function ownId(id) {
  return String(id || "").split(".").pop();
}

// The content indices in the order they are shown: [2, 0, 1] shows option 2 first. Without a
// seed or an id, the content's order.
export function shownOrder(seed, id, count) {
  const order = Array.from({ length: Math.max(0, count | 0) }, (_, i) => i);
  const name = ownId(id);
  if (!seed || !name) return order;
  const random = mulberry32(hashText(`${seed}\u0000${name}`));
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

function randomSeed() {
  const bytes = new Uint32Array(4);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (n) => n.toString(36)).join("");
}

// This browser's seed: made once and kept in localStorage (read only here, never sent).
export function learnerSeed() {
  try {
    let seed = localStorage.getItem(SEED_KEY);
    if (!seed || !/^[0-9a-z]{8,64}$/.test(seed)) {
      seed = randomSeed();
      localStorage.setItem(SEED_KEY, seed);
    }
    return seed;
  } catch (e) {
    pageSeed ||= randomSeed();
    return pageSeed;
  }
}

// A room's seed from its code, however it was typed ("abcd efgh" is "ABCD-EFGH").
export function roomSeed(code) {
  const cleaned = String(code || "").toUpperCase().replace(/[^A-Z0-9]/g, "");
  return cleaned ? `room:${cleaned}` : "";
}

// A room's order for a question: a case study's "would you share?" keeps its scale's order.
export function roomOrder(code, id, count) {
  return String(id || "").startsWith("case.") ? shownOrder("", "", count)
    : shownOrder(roomSeed(code), id, count);
}

// The seed a view uses: the learner's; on a facilitator's page (`inRoom`), the room's code as
// soon as the room page open in this browser says it (a BroadcastChannel named after the site's
// base path, as "Ask the room" uses), and the learner's again when the room ends. `use(seed)` is
// called at once and at each change; the returned function stops listening.
export function followSeed(inRoom, use) {
  let seed = learnerSeed();
  use(seed);
  if (!inRoom || typeof BroadcastChannel !== "function") return () => {};
  const base = new URL("../../", window.location.href).pathname; // <base>voila/render/x
  const channel = new BroadcastChannel(`infoshare-room:${base}`);
  channel.onmessage = (event) => {
    const data = event.data || {};
    if (typeof data.room !== "string") return;
    const next = roomSeed(data.room) || learnerSeed();
    if (next !== seed) {
      seed = next;
      use(seed);
    }
  };
  channel.postMessage({ which: true });
  return () => channel.close();
}

// Append `rows` (in the content's order) to `list` in the shown order: the DOM order is the
// shown order, so Tab, the arrow keys and a screen reader all meet the options as they are seen.
export function placeRows(list, rows, order) {
  list.replaceChildren(...order.map((i) => rows[i]));
}
