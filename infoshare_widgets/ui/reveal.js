// An accessible reveal: a heading, an optional note box, and a disclosure button over a live list.
//
// Why not ipywidgets' Accordion: its header cannot be reached or opened with the keyboard, and
// nothing is announced (docs/architecture.md, "Why our own widgets"). Here the button is a real
// <button aria-expanded aria-controls>, and revealed items are added to a list inside an
// aria-live="polite" region, so a screen reader announces each new point. Python owns the state: a press is sent to the kernel,
// which answers with the items now shown (only those reach the page).
//
// Safe text: `items` is HTML already sanitised in Python (content.markdown.to_html); everything
// else is set as textContent; the learner's note is only ever the textarea's own value.

//
// Names: `context` (e.g. "Jessie:") starts each box's name, hidden, and `button_more`
// (e.g. "for Jessie: What is worrying you?") ends the button's, hidden, so no two controls on a
// page share a name; the visible words stay short. The points' heading is a real heading.

import { el, newButton, uniqueId, headingLevel, setQuiet } from "./dom.js";
import { characterCount } from "./text_box.js";

function render({ model, el: host }) {
  const uid = uniqueId("is-reveal");
  const root = el("div", "is-widget is-reveal");

  const level = headingLevel(model.get("heading_level"));
  const heading = el(`h${level}`, "is-reveal-heading");
  heading.id = `${uid}-heading`;
  root.appendChild(heading);

  // The learner's own thoughts: a visible <label for>, a "not saved" hint linked by
  // aria-describedby, and a value that stays in this textarea: never set on the model, so never
  // sent to the kernel, stored or logged.
  const noteBox = el("div", "is-reveal-note");
  const label = el("label", "is-reveal-note-label");
  label.id = `${uid}-label`;
  label.htmlFor = `${uid}-note`;
  const hint = el("p", "is-reveal-note-hint");
  hint.id = `${uid}-hint`;
  const context = el("span", "is-visually-hidden");
  context.id = `${uid}-context`;
  const textarea = el("textarea", "is-reveal-note-input");
  textarea.id = `${uid}-note`;
  textarea.rows = 4;
  textarea.setAttribute("autocomplete", "off");
  noteBox.append(context, label, hint, textarea);
  const count = characterCount(textarea);
  root.appendChild(noteBox);

  const button = newButton("is-reveal-button");
  const buttonText = el("span");
  const buttonMore = el("span", "is-visually-hidden");
  button.append(buttonText, buttonMore);
  button.setAttribute("aria-controls", `${uid}-panel`);
  button.addEventListener("click", () => model.send({ event: "press" }));
  root.appendChild(button);
  const allButton = revealAllButton(model);
  root.appendChild(allButton);

  // The panel is always in the page (an empty live region), so additions are announced.
  const panel = el("div", "is-reveal-panel");
  panel.id = `${uid}-panel`;
  const panelHeading = el(`h${Math.min(level + 1, 6)}`, "is-reveal-panel-heading");
  const live = el("div", "is-reveal-live");
  live.setAttribute("aria-live", "polite");
  let list = null;
  let shownItems = [];
  const status = el("p", "is-reveal-status");
  live.appendChild(status);
  panel.append(panelHeading, live);
  root.appendChild(panel);

  function renderItems() {
    const items = model.get("items") || [];
    const asList = model.get("as_list");
    const wanted = asList ? "UL" : "DIV";
    const isPrefix = shownItems.every((html, i) => items[i] === html);
    if (!list || list.tagName !== wanted || !isPrefix || items.length < shownItems.length) {
      if (list) list.remove();
      list = el(asList ? "ul" : "div", "is-reveal-items");
      live.insertBefore(list, status);
      shownItems = [];
    }
    // Append only what is new, so a screen reader announces just the new point.
    let added = null;
    for (const html of items.slice(shownItems.length)) {
      const item = el(asList ? "li" : "div", "is-reveal-item");
      item.innerHTML = html; // sanitised in Python by to_html
      list.appendChild(item);
      added = item;
    }
    shownItems = items.slice();
    if (added) showNewest(model, added);
  }

  function update() {
    setQuiet(live, model.get("restored"), "");
    heading.textContent = model.get("heading");
    heading.hidden = !model.get("heading");

    const noteLabel = model.get("note_label");
    noteBox.hidden = !noteLabel;
    label.textContent = noteLabel;
    hint.textContent = model.get("note_hint");
    hint.hidden = !model.get("note_hint");
    const described = [model.get("note_hint") ? hint.id : "", count.message.id];
    textarea.setAttribute("aria-describedby", described.filter(Boolean).join(" "));
    count.update(model.get("count_words"), model.get("max_length"));
    // Name the box by its case and question as well as "Your thoughts", so each is distinct.
    context.textContent = model.get("context");
    const names = [model.get("context") ? context.id : "", model.get("heading") ? heading.id : ""];
    textarea.setAttribute("aria-labelledby", [...names, label.id].filter(Boolean).join(" "));

    buttonText.textContent = model.get("button_label");
    buttonMore.textContent = model.get("button_more") ? ` ${model.get("button_more")}` : "";
    button.classList.toggle("is-secondary-button", Boolean(model.get("secondary")));
    if (model.get("heading")) button.setAttribute("aria-describedby", heading.id);
    else button.removeAttribute("aria-describedby");
    const expanded = Boolean(model.get("expanded"));
    button.setAttribute("aria-expanded", expanded ? "true" : "false");

    panel.classList.toggle("is-open", expanded);
    panelHeading.textContent = model.get("panel_heading");
    panelHeading.hidden = !expanded || !model.get("panel_heading");
    renderItems();
    status.textContent = model.get("status");
    status.hidden = !model.get("status");

    root.classList.toggle("is-card", Boolean(model.get("card")));
    updateStepMode(model, root, allButton);
  }

  update();
  model.on("change", update);
  host.appendChild(root);
  const stopKeys = stepKeys(model, root);
  return () => {
    model.off("change", update);
    stopKeys();
  };
}

// --- step mode (a facilitator's case study): "Reveal all", the clicker's keys, scrolling -------

// "Reveal all": shown in step mode while points remain (its label is "" otherwise).
function revealAllButton(model) {
  const button = newButton("is-q-button is-reveal-all");
  button.addEventListener("click", () => model.send({ event: "reveal_all" }));
  return button;
}

function updateStepMode(model, root, allButton) {
  const step = Boolean(model.get("step_mode"));
  const label = model.get("reveal_all_label") || "";
  allButton.textContent = label;
  allButton.hidden = !label;
  root.classList.toggle("is-step", step);
  // Done when every point is out: the clicker's keys then move on to the next prompt.
  root.dataset.done = step && !label && model.get("expanded") ? "true" : "false";
}

// A newly revealed point is scrolled into view, so the room sees it on the projector.
function showNewest(model, item) {
  if (model.get("step_mode")) item.scrollIntoView({ block: "nearest" });
}

// A presenter's clicker sends Page Down or the Right Arrow. In step mode, with focus inside a
// case study but not in a form control, the first prompt with points left (from the focused one
// on) reveals its next point; anywhere else the keys scroll as usual.
const FORM_CONTROLS = "input, textarea, select, [contenteditable]";

// The case study the focus is in: its questions' box, or its story, which is the page's own
// HTML beside that box: the story's heading (id "is-case-<id>") names the box ".is-case-for-<id>".
function caseStudyOf(target) {
  const inside = target.closest(".is-case-study");
  if (inside) return inside;
  const story = target.closest(".is-case-story");
  const heading = story && story.querySelector("[id^='is-case-']");
  const id = heading ? heading.id.slice("is-case-".length) : "";
  return /^[a-z0-9-]+$/.test(id) ? document.querySelector(`.is-case-for-${id}`) : null;
}

function stepKeys(model, root) {
  function onKey(event) {
    if (!model.get("step_mode")) return;
    if (event.key !== "PageDown" && event.key !== "ArrowRight") return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target;
    if (!(target instanceof Element) || target.closest(FORM_CONTROLS)) return;
    const caseStudy = caseStudyOf(target);
    if (!caseStudy || !caseStudy.contains(root)) return;
    const reveals = [...caseStudy.querySelectorAll(".is-reveal.is-step")];
    const here = reveals.findIndex((r) => r.contains(target));
    const next = reveals.slice(Math.max(here, 0)).find((r) => r.dataset.done !== "true");
    if (next !== root) return;
    event.preventDefault();
    model.send({ event: "next" });
  }
  document.addEventListener("keydown", onKey);
  return () => document.removeEventListener("keydown", onKey);
}

export default { render };
