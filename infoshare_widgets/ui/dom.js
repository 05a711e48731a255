// Small DOM helpers written once, imported by each component's module (`import { el } from
// "./dom.js"`). Text goes in only as textContent here; callers set sanitised HTML themselves.

let idCounter = 0;

// An element with an optional class and plain text.
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// A plain button (type=button, so it never submits a form), with an optional class and text.
export function newButton(className, text) {
  const node = el("button", className, text);
  node.type = "button";
  return node;
}

// An id prefix unique in the page, for label/aria links between the parts of one view.
export function uniqueId(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}-${Math.random().toString(36).slice(2, 8)}`;
}

// A heading level between 2 and 6 (the page's title is the one h1); 3 when none is given.
export function headingLevel(level) {
  return Math.min(Math.max(Number(level) || 3, 2), 6);
}

// A region put back from stored progress is not announced again: it is quiet (no role, aria-live
// off) until the learner acts. Set before the text changes, so the change itself is quiet.
export function setQuiet(region, quiet, role) {
  if (quiet) {
    region.removeAttribute("role");
    region.setAttribute("aria-live", "off");
  } else {
    if (role) region.setAttribute("role", role);
    region.setAttribute("aria-live", "polite");
  }
}

// A polite status line that stays in the page, so a change of its text is announced: after a
// download it says what file was saved ("Saved decision-record-2026-12-06.txt").
export function statusLine(className) {
  const node = el("p", `is-saved-status ${className || ""}`.trim());
  node.setAttribute("role", "status");
  node.setAttribute("aria-live", "polite");
  return node;
}

// Says in `region` which file was saved (ui.yaml's "Saved {filename}"). Emptied first, so the
// same file saved again is said again.
export function sayFileSaved(region, template, filename) {
  const text = (template || "").replace(/\{filename\}/g, () => filename);
  region.textContent = "";
  setTimeout(() => {
    region.textContent = text;
  }, 50);
}
