// The Start page's "Clear my answers" (with a confirmation) and the completion record. (The way
// in and each section's status are at the top of the page: task_list.js.)
//
// Everything the kernel sends is plain text, set with textContent. The record is made here: the
// learner's name is typed into this page and never set on the model, sent or stored.
// It is printed with a print stylesheet (record.css) and downloaded as one standalone HTML file
// with the same stylesheet inlined, so it opens offline and looks the same. The page sends one
// message, {event: "clear"}, after the learner confirms.

import { el, newButton, sayFileSaved, statusLine, uniqueId } from "./dom.js";

function longDate(day) {
  return day.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
}

function fillIn(template, values) {
  return (template || "").replace(/\{(\w+)\}/g, (m, name) => (name in values ? values[name] : m));
}

function listOrNone(doc, items, none) {
  if (!items.length) return el("p", "is-record-doc-none", none);
  const list = el("ul", "is-record-doc-list");
  for (const text of items) list.appendChild(el("li", "", text));
  return list;
}

// The record as an <article>, built from text only; `level` is its heading's level.
function buildRecord(model, name, day, level) {
  const w = model.get("words") || {};
  const info = model.get("record_info") || {};
  const sections = model.get("sections") || [];
  const article = el("article", "is-record-doc");
  article.appendChild(el(`h${level}`, "is-record-doc-title", w.record_title));
  article.appendChild(el("p", "is-record-doc-label", w.record_label));
  article.appendChild(el("p", "is-record-doc-app", info.title || ""));
  const facts = el("dl", "is-record-doc-facts");
  if (name) facts.append(el("dt", "", w.record_name), el("dd", "is-record-doc-name", name));
  facts.append(el("dt", "", w.record_date), el("dd", "", longDate(day)));
  article.appendChild(facts);
  const sub = `h${Math.min(level + 1, 6)}`;
  // Each section with its score or how far beside it: never a section's name alone.
  const line = (s) => (s.detail ? `${s.title}: ${s.detail}` : s.title);
  article.appendChild(el(sub, "", w.record_sections));
  article.appendChild(listOrNone(document, sections.filter((s) => s.status === "completed")
    .map(line), w.record_none));
  article.appendChild(el(sub, "", w.record_in_progress));
  article.appendChild(listOrNone(document, sections.filter((s) => s.status === "in_progress")
    .map(line), w.record_none));
  article.appendChild(el(sub, "", w.record_cases));
  article.appendChild(listOrNone(document, sections.flatMap((s) => s.cases || []), w.record_none));
  article.appendChild(el("p", "is-record-doc-content",
    fillIn(w.record_content, { version: info.version || "", reviewed: info.reviewed || "" })));
  return article;
}

function render({ model, el: host }) {
  const uid = uniqueId("is-progress");
  const root = el("div", "is-widget is-progress");
  const body = el("div", "is-progress-body");

  // "Clear my answers", then a confirmation in the page. The buttons are the kit's
  // (components.css): secondary, and the main one ("Download record") primary.
  const clear = newButton("is-secondary-button is-progress-clear");
  const confirm = el("div", "is-progress-confirm");
  confirm.hidden = true;
  confirm.setAttribute("role", "group");
  const question = el("p", "is-progress-confirm-text");
  question.id = `${uid}-confirm`;
  question.tabIndex = -1;
  confirm.setAttribute("aria-labelledby", question.id);
  const yes = newButton("is-secondary-button is-progress-clear-yes");
  const cancel = newButton("is-secondary-button is-progress-clear-cancel");
  confirm.append(question, yes, cancel);
  const cleared = el("p", "is-progress-cleared");
  cleared.setAttribute("role", "status");

  // The completion record, shown on request.
  const show = newButton("is-secondary-button is-progress-record-show");
  show.setAttribute("aria-expanded", "false");
  show.setAttribute("aria-controls", `${uid}-record`);
  const part = el("div", "is-progress-record");
  part.id = `${uid}-record`;
  part.hidden = true;
  const nameLabel = el("label", "is-progress-name-label");
  nameLabel.htmlFor = `${uid}-name`;
  const nameHint = el("p", "is-progress-name-hint");
  nameHint.id = `${uid}-name-hint`;
  const name = el("input", "is-progress-name");
  name.type = "text";
  name.id = `${uid}-name`;
  name.maxLength = 200;
  name.setAttribute("autocomplete", "off");
  name.setAttribute("aria-describedby", nameHint.id);
  const holder = el("div", "is-progress-record-holder");
  const print = newButton("is-secondary-button is-record-print");
  const download = newButton("is-download-button is-record-download-html");
  const downloadHint = el("p", "is-progress-download-hint");
  downloadHint.id = `${uid}-download-hint`;
  download.setAttribute("aria-describedby", downloadHint.id);
  const saved = statusLine("is-progress-saved"); // "Saved completion-record-2026-12-06.html"

  const actions = el("div", "is-progress-actions");
  actions.append(show, clear);
  const recordActions = el("div", "is-progress-actions");
  recordActions.append(download, print);
  part.append(nameLabel, nameHint, name, holder, downloadHint, recordActions, saved);
  body.append(actions, confirm, cleared, part);
  root.append(body);

  function drawRecord() {
    holder.replaceChildren(buildRecord(model, name.value.trim(), new Date(), 4));
  }

  function update() {
    const w = model.get("words") || {};
    const state = model.get("state");
    body.hidden = state === "loading"; // the top of the page says it is looking
    clear.textContent = w.clear;
    question.textContent = w.clear_confirm;
    yes.textContent = w.clear_yes;
    cancel.textContent = w.clear_cancel;
    const open = show.getAttribute("aria-expanded") === "true";
    show.textContent = open ? w.record_hide : w.record_show;
    nameLabel.textContent = w.name_label;
    nameHint.textContent = w.name_hint;
    print.textContent = w.print;
    download.textContent = w.download;
    downloadHint.textContent = w.download_hint;
    drawRecord();
  }

  function closeConfirm() {
    confirm.hidden = true;
    clear.focus();
  }

  clear.addEventListener("click", () => {
    cleared.textContent = "";
    confirm.hidden = false;
    question.focus();
  });
  cancel.addEventListener("click", closeConfirm);
  confirm.addEventListener("keydown", (event) => {
    if (event.key === "Escape") closeConfirm();
  });
  yes.addEventListener("click", () => {
    model.send({ event: "clear" });
    closeConfirm();
    cleared.textContent = (model.get("words") || {}).cleared;
  });
  show.addEventListener("click", () => {
    const open = show.getAttribute("aria-expanded") !== "true";
    show.setAttribute("aria-expanded", open ? "true" : "false");
    part.hidden = !open;
    update();
  });
  name.addEventListener("input", drawRecord);
  print.addEventListener("click", () => {
    document.body.classList.add("is-printing-record");
    window.addEventListener("afterprint",
      () => document.body.classList.remove("is-printing-record"), { once: true });
    window.print();
  });
  download.addEventListener("click", () => {
    const w = model.get("words") || {};
    const day = new Date();
    const record = buildRecord(model, name.value.trim(), day, 1);
    const title = el("title", "", w.record_title);
    const css = (model.get("record_css") || "").replace(/<\//g, "<\\/");
    const file = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">" +
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
      `${title.outerHTML}<style>${css}</style></head>` +
      `<body class="is-record-file">${record.outerHTML}</body></html>\n`;
    const url = URL.createObjectURL(new Blob([file], { type: "text/html;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    const filename = `completion-record-${day.toISOString().slice(0, 10)}.html`;
    link.download = filename;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    sayFileSaved(saved, w.saved, filename);
  });

  update();
  model.on("change", update);
  host.appendChild(root);
  return () => model.off("change", update);
}

export default { render };
