// Download a text the kernel prepared, as a file made in the browser: a Blob and an <a download>
// created on click. Nothing is stored on the server or in the browser, and nothing is sent.
// The text is only ever put into the Blob, never into the page as HTML.

import { el, newButton, uniqueId } from "./dom.js";

function render({ model, el: host }) {
  const uid = uniqueId("is-download");
  const root = el("div", "is-widget is-download");

  const button = newButton("is-download-button");
  const hint = el("p", "is-download-hint");
  hint.id = `${uid}-hint`;
  button.setAttribute("aria-describedby", hint.id);

  button.addEventListener("click", () => {
    const blob = new Blob([model.get("text")], { type: model.get("mime") });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = model.get("filename");
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });

  function update() {
    button.textContent = model.get("label");
    hint.textContent = model.get("hint");
    hint.hidden = !model.get("hint");
  }

  update();
  model.on("change", update);
  root.append(button, hint);
  host.appendChild(root);
  return () => model.off("change", update);
}

export default { render };
