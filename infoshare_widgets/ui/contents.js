// "On this page": on a page taller than min_height, a list of links to the page's h2 headings
// (GOV.UK's contents list), built from the page as drawn. The list is rebuilt when the headings
// change (a cell drawn late, a card); it is only ever shown once the page is long, and then stays.
// Headings without an id get one here, so a link has somewhere to go. The list lives inside the
// page it watches, so a rebuild changes nothing it need not change and the observer ignores the
// list's own changes: otherwise each rebuild would ask for the next, every frame, for as long as
// the page is open (a phone's battery, a server's browser tests).
//
// Safe text: the label and every heading's text are set as textContent.

import { el, uniqueId } from "./dom.js";

function render({ model, el: host }) {
  const uid = uniqueId("is-contents");
  const nav = el("nav", "is-widget is-contents");
  const title = el("h2", "is-contents-title");
  title.id = `${uid}-title`;
  nav.setAttribute("aria-labelledby", title.id);
  const list = el("ul", "is-contents-list");
  nav.append(title, list);
  nav.hidden = true;
  host.appendChild(nav);

  let drawn = "";
  let frame = 0;

  function page() {
    return document.getElementById("rendered_cells") || document.body;
  }

  function headings() {
    return [...page().querySelectorAll("h2")].filter(
      (h) => !nav.contains(h) && h.textContent.trim() && h.getClientRects().length > 0,
    );
  }

  function build() {
    frame = 0;
    const label = model.get("label") || "";
    if (title.textContent !== label) title.textContent = label;
    const main = page();
    const tall = Math.max(document.documentElement.scrollHeight, main.scrollHeight);
    if (nav.hidden && tall <= model.get("min_height")) return;
    const found = headings();
    found.forEach((h, i) => {
      if (!h.id) h.id = `${uid}-part-${i + 1}`;
    });
    const key = JSON.stringify(found.map((h) => [h.id, h.textContent.trim()]));
    if (key !== drawn) {
      drawn = key;
      list.replaceChildren(
        ...found.map((h) => {
          const item = el("li", "is-contents-item");
          const link = el("a", "is-contents-link", h.textContent.trim());
          link.href = `#${h.id}`;
          link.addEventListener("click", (event) => jump(event, h));
          item.appendChild(link);
          return item;
        }),
      );
    }
    nav.hidden = found.length === 0;
  }

  // Follow the link and put the focus on the heading (a hash link alone leaves the focus
  // behind in some browsers), so Tab goes on from the part the learner chose.
  function jump(event, target) {
    if (!target.isConnected) return;
    event.preventDefault();
    if (!target.hasAttribute("tabindex")) target.tabIndex = -1;
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
    history.replaceState(history.state, "", `#${target.id}`);
  }

  function soon() {
    if (!frame) frame = requestAnimationFrame(build);
  }

  const observer = new MutationObserver((records) => {
    if (records.some((record) => !nav.contains(record.target))) soon();
  });
  observer.observe(page(), { childList: true, subtree: true });
  window.addEventListener("resize", soon);
  model.on("change", soon);
  soon();
  return () => {
    observer.disconnect();
    window.removeEventListener("resize", soon);
    model.off("change", soon);
    if (frame) cancelAnimationFrame(frame);
  };
}

export default { render };
