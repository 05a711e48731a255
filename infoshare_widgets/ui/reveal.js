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

// el(), uniqueId() and headingLevel() come from dom.js, prepended by ui/styles.py.

function render({ model, el: host }) {
  const uid = uniqueId("is-reveal");
  const root = el("div", "is-widget is-reveal");

  const level = headingLevel(model.get("heading_level"));
  const heading = el(`h${level}`, "is-reveal-heading");
  heading.id = `${uid}-heading`;
  root.appendChild(heading);

  // The learner's own thoughts: a visible <label for>, a "not saved" hint linked by
  // aria-describedby, and a value that stays in this textarea: never set on the model, so never
  // sent to the kernel, stored or logged (issue 11).
  const noteBox = el("div", "is-reveal-note");
  const label = el("label", "is-reveal-note-label");
  label.id = `${uid}-label`;
  label.htmlFor = `${uid}-note`;
  const hint = el("p", "is-reveal-note-hint");
  hint.id = `${uid}-hint`;
  const textarea = el("textarea", "is-reveal-note-input");
  textarea.id = `${uid}-note`;
  textarea.rows = 4;
  textarea.setAttribute("aria-describedby", hint.id);
  textarea.setAttribute("autocomplete", "off");
  noteBox.append(label, hint, textarea);
  root.appendChild(noteBox);

  const button = el("button", "is-reveal-button");
  button.type = "button";
  button.setAttribute("aria-controls", `${uid}-panel`);
  button.addEventListener("click", () => model.send({ event: "press" }));
  root.appendChild(button);

  // The panel is always in the page (an empty live region), so additions are announced.
  const panel = el("div", "is-reveal-panel");
  panel.id = `${uid}-panel`;
  const panelHeading = el("p", "is-reveal-panel-heading");
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
    for (const html of items.slice(shownItems.length)) {
      const item = el(asList ? "li" : "div", "is-reveal-item");
      item.innerHTML = html; // sanitised in Python by to_html
      list.appendChild(item);
    }
    shownItems = items.slice();
  }

  function update() {
    setQuiet(live, model.get("restored"), "");
    heading.textContent = model.get("heading");
    heading.hidden = !model.get("heading");

    const noteLabel = model.get("note_label");
    noteBox.hidden = !noteLabel;
    label.textContent = noteLabel;
    hint.textContent = model.get("note_hint");
    // Name the box by the question as well as "Your thoughts", so each box is distinct.
    textarea.setAttribute(
      "aria-labelledby",
      model.get("heading") ? `${heading.id} ${label.id}` : label.id,
    );

    button.textContent = model.get("button_label");
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
  }

  update();
  model.on("change", update);
  host.appendChild(root);
  return () => model.off("change", update);
}

export default { render };
