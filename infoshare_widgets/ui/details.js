// GOV.UK's details pattern: a native <details> whose <summary> is a fixed label. The browser
// keeps the state and tells screen readers whether it is open; the label never changes.
//
// Safe text: body_html is sanitised in Python (content.markdown.to_html); the heading and the
// summary are set as textContent.

import { el, headingLevel } from "./dom.js";

function render({ model, el: host }) {
  const root = el("div", "is-widget is-details-widget");
  let heading = null;
  const details = el("details", "is-details");
  const summary = el("summary", "is-details-summary");
  const text = el("div", "is-details-text");
  details.append(summary, text);
  root.appendChild(details);
  details.addEventListener("toggle", () => model.send({ event: "toggle", open: details.open }));

  function update() {
    const title = model.get("heading");
    const level = headingLevel(model.get("heading_level"));
    if (heading && (heading.tagName !== `H${level}` || !title)) {
      heading.remove();
      heading = null;
    }
    if (title && !heading) {
      heading = el(`h${level}`, "is-details-heading");
      root.insertBefore(heading, details);
    }
    if (heading) heading.textContent = title;
    summary.textContent = model.get("summary") || "";
    text.innerHTML = model.get("body_html") || ""; // sanitised in Python
    root.classList.toggle("is-card", Boolean(model.get("card")));
    // A link's target ("#is-rule-children-3", from a quiz's summary); ids only, set in Python.
    const anchor = model.get("anchor") || "";
    if (/^[a-z0-9-]+$/.test(anchor)) root.id = anchor;
    else root.removeAttribute("id");
  }

  update();
  model.on("change", update);
  host.appendChild(root);
  return () => model.off("change", update);
}

export default { render };
