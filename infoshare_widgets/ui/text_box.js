// The character count of a text box (GOV.UK's pattern), shared by the case studies'
// note boxes (reveal.js) and the decision record (form.js), which import it.
//
// The limit is said under the box before anything is typed; then the count follows each key
// ("You have 4,990 characters remaining"), and a screen reader hears it once the typing pauses,
// not at every key. The box has no maxlength: text over the limit is not cut silently, the count
// says how many characters too many and the box is marked invalid. Nothing here sends the text
// anywhere: it is read from the box's own value.

import { el } from "./dom.js";

const COUNT_PAUSE_MS = 1000; // the screen-reader copy is updated after this long without typing

// words: {limit, left, left_one, over, over_one} with {max} / {count} in them (ui.yaml `app`).
export function countText(words, max, length) {
  const fmt = (n) => Number(n).toLocaleString("en-GB");
  if (length === 0) return (words.limit || "").replace(/\{max\}/g, fmt(max));
  const left = max - length;
  const key = left >= 0 ? (left === 1 ? "left_one" : "left") : left === -1 ? "over_one" : "over";
  return (words[key] || "").replace(/\{count\}/g, fmt(Math.abs(left)));
}

// Adds the count under `box` (a textarea with an id) and keeps it in step; returns
// {update(words, max), message} so the owner can re-word it, and describes the box by it.
export function characterCount(box) {
  const message = el("p", "is-count-message");
  message.id = `${box.id}-count`;
  const live = el("p", "is-visually-hidden is-count-live");
  live.setAttribute("aria-live", "polite");
  box.after(message, live);
  const described = new Set((box.getAttribute("aria-describedby") || "").split(" "));
  described.add(message.id);
  box.setAttribute("aria-describedby", [...described].filter(Boolean).join(" "));
  let words = {};
  let max = 5000;
  let timer = null;

  function show(announce) {
    const length = box.value.length;
    const text = countText(words, max, length);
    const over = length > max;
    message.textContent = text;
    message.classList.toggle("is-count-over", over);
    if (over) box.setAttribute("aria-invalid", "true");
    else box.removeAttribute("aria-invalid");
    if (!announce) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      live.textContent = text;
    }, COUNT_PAUSE_MS);
  }

  box.addEventListener("input", () => show(true));
  return {
    message,
    update(newWords, newMax) {
      words = newWords || {};
      max = Number(newMax) || 5000;
      show(false);
    },
  };
}
