// A line of plain text in a live region that stays in the page (the quiz's score line), so a
// screen reader hears "3 of 4 correct" change. ipywidgets' HTML widget replaces its whole content,
// live region included, which is not reliably announced.

function render({ model, el: host }) {
  const line = el("p", "is-live-text");
  line.setAttribute("role", "status");
  line.setAttribute("aria-live", "polite");
  function update() {
    setQuiet(line, model.get("quiet"), "status");
    line.textContent = model.get("text") || ""; // plain text, never HTML
  }
  update();
  model.on("change", update);
  host.appendChild(line);
  return () => model.off("change", update);
}

export default { render };
