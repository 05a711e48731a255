// The top of the Start page: one way in ("Start the course", or "Continue: <section>"), then the
// sections as a GOV.UK task list: each a link described by its hint and its status, the status
// in words with the score or how far beside it. Everything the kernel sends is plain text, set
// with textContent. The page sends nothing.

import { el, uniqueId } from "./dom.js";

function fillIn(template, values) {
  return (template || "").replace(/\{(\w+)\}/g, (m, name) => (name in values ? values[name] : m));
}

// One section: its link (described by the hint and the status), the hint, then the status.
function taskItem(section, uid, index, ready) {
  const item = el("li", `is-task is-task-${ready ? section.status.replace(/_/g, "-") : "unknown"}`);
  const name = el("div", "is-task-name");
  const link = el("a", "is-task-link", section.title);
  link.href = section.url;
  name.appendChild(link);
  const described = [];
  if (section.hint) {
    const hint = el("p", "is-task-hint", section.hint);
    hint.id = `${uid}-hint-${index}`;
    described.push(hint.id);
    name.appendChild(hint);
  }
  item.appendChild(name);
  if (ready) {
    const status = el("p", "is-task-status");
    status.id = `${uid}-status-${index}`;
    described.push(status.id);
    // "Completed" as plain text, as GOV.UK does; the other two as tags (words, not colour).
    const word = el("strong", section.status === "completed" ? "is-task-done" : "is-tag",
      section.status_text);
    status.appendChild(word);
    if (section.detail) {
      status.appendChild(el("span", "is-visually-hidden", ": "));
      status.appendChild(el("span", "is-task-detail", section.detail));
    }
    item.appendChild(status);
  }
  if (described.length) link.setAttribute("aria-describedby", described.join(" "));
  return item;
}

function render({ model, el: host }) {
  const uid = uniqueId("is-path");
  const root = el("div", "is-widget is-path");
  const loading = el("p", "is-path-loading");
  const off = el("p", "is-progress-off"); // said once on the page: here
  const way = el("p", "is-path-way-in");
  const wayLink = el("a", "is-start-button");
  way.appendChild(wayLink);
  const heading = el("h2", "is-path-heading");
  heading.id = `${uid}-heading`;
  const summary = el("p", "is-path-summary");
  const list = el("ul", "is-task-list");
  list.setAttribute("aria-labelledby", heading.id);
  root.append(loading, off, way, heading, summary, list);

  function update() {
    const w = model.get("words") || {};
    const state = model.get("state");
    const ready = state === "ready";
    const sections = model.get("sections") || [];
    const target = model.get("way_in") || {};
    loading.textContent = w.loading;
    loading.hidden = state !== "loading";
    off.textContent = w.not_kept;
    off.hidden = state !== "off";
    // Without stored progress ("off") the course starts at the start, every visit.
    const kind = ready ? target.kind : "start";
    const url = ready ? target.url : (sections[0] || {}).url;
    way.hidden = state === "loading" || !url;
    wayLink.href = url || "#";
    wayLink.textContent = kind === "continue"
      ? fillIn(w.continue, { title: target.title }) : w.start_course;
    wayLink.dataset.kind = kind || "";
    heading.textContent = w.sections_label;
    const done = sections.filter((s) => s.status === "completed").length;
    summary.textContent = fillIn(w.summary, { completed: done, total: sections.length });
    summary.hidden = !ready || !sections.length;
    list.replaceChildren(...sections.map((s, i) => taskItem(s, uid, i, ready)));
  }

  update();
  model.on("change", update);
  host.appendChild(root);
  return () => model.off("change", update);
}

export default { render };
