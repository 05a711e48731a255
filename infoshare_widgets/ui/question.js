// One question as semantic HTML: a fieldset named by its legend, real radio or checkbox inputs
// each with a <label>, real buttons, and a live region that stays in the page.
//
// Why not ipywidgets' RadioButtons: no group name, 16px targets, long options drawn over each
// other, nothing announced (docs/architecture.md, "Why our own widgets"). Native inputs and
// buttons give Tab, Space, the arrow keys and Enter without any key handling here.
//
// Python owns the checking: this file sends the choice ({event: "check", chosen}) and shows the
// feedback Python sends back. Safe text: prompt_html, intro_html and feedback_html are sanitised in
// Python (content.markdown.to_html); everything else is set as textContent.

// el(), uniqueId() and headingLevel() come from dom.js, prepended by ui/styles.py.

function render({ model, el: host }) {
  const uid = uniqueId("is-q");
  const root = el("div", "is-widget is-q");

  let heading = null;
  const intro = el("div", "is-q-intro");
  root.appendChild(intro);

  const fieldset = el("fieldset", "is-q-fieldset");
  const legend = el("legend", "is-q-legend");
  const hint = el("p", "is-q-hint");
  hint.id = `${uid}-hint`;
  const list = el("div", "is-q-options");
  fieldset.append(legend, hint, list);
  root.appendChild(fieldset);

  const actions = el("div", "is-q-actions");
  const checkButton = el("button", "is-q-button is-q-check");
  checkButton.type = "button";
  const retryButton = el("button", "is-q-button is-q-retry");
  retryButton.type = "button";
  actions.append(checkButton, retryButton);
  root.appendChild(actions);

  // Always in the page, so a change of its text is announced.
  const live = el("div", "is-q-feedback");
  live.id = `${uid}-feedback`;
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  live.setAttribute("aria-atomic", "true");
  root.appendChild(live);

  let inputs = [];
  let drawnOptions = null;
  let drawnHtml = null;
  let drawnChecks = null;

  function chosenNow() {
    return inputs.flatMap((input, i) => (input.checked ? [i] : []));
  }

  function drawOptions() {
    const options = model.get("options") || [];
    const type = model.get("kind") === "multiple" ? "checkbox" : "radio";
    const key = JSON.stringify([type, options]);
    if (key === drawnOptions) return;
    drawnOptions = key;
    list.replaceChildren();
    inputs = options.map((option, i) => {
      const row = el("div", "is-q-option");
      const input = el("input", "is-q-input");
      input.type = type;
      input.name = `${uid}-choice`;
      input.id = `${uid}-option-${i}`;
      input.value = String(i);
      input.addEventListener("change", () => {
        model.set("chosen", chosenNow());
        model.save_changes();
      });
      const label = el("label", "is-q-label", option.text || "");
      label.htmlFor = input.id;
      row.append(input, label);
      list.appendChild(row);
      return input;
    });
  }

  function drawHeading() {
    const text = model.get("heading");
    const level = headingLevel(model.get("heading_level"));
    if (heading && (heading.tagName !== `H${level}` || !text)) {
      heading.remove();
      heading = null;
    }
    if (text && !heading) {
      heading = el(`h${level}`, "is-q-heading");
      heading.id = `${uid}-heading`;
      root.insertBefore(heading, intro);
    }
    if (heading) heading.textContent = text;
  }

  function drawFeedback() {
    const html = model.get("feedback_html") || "";
    const checks = model.get("checks");
    setQuiet(live, model.get("restored"), "status");
    live.dataset.status = model.get("status") || "";
    if (html === drawnHtml && checks !== drawnChecks && html) {
      // The same words again: empty the region first so a screen reader says them again.
      live.replaceChildren();
      setTimeout(() => {
        live.innerHTML = model.get("feedback_html") || ""; // sanitised in Python
      }, 100);
    } else if (html !== drawnHtml) {
      live.innerHTML = html; // sanitised in Python (render.feedback_html)
    }
    drawnHtml = html;
    drawnChecks = checks;
  }

  function update() {
    drawHeading();
    intro.innerHTML = model.get("intro_html") || ""; // sanitised in Python
    intro.hidden = !model.get("intro_html");
    legend.innerHTML = model.get("prompt_html") || ""; // sanitised in Python
    hint.textContent = model.get("hint") || "";
    hint.hidden = !model.get("hint");
    if (model.get("hint")) fieldset.setAttribute("aria-describedby", hint.id);
    else fieldset.removeAttribute("aria-describedby");

    drawOptions();
    const chosen = new Set(model.get("chosen") || []);
    inputs.forEach((input, i) => {
      input.checked = chosen.has(i);
    });

    checkButton.textContent = model.get("check_label");
    retryButton.textContent = model.get("try_again_label");
    retryButton.hidden = !model.get("status");
    drawFeedback();
  }

  checkButton.addEventListener("click", () => {
    model.send({ event: "check", chosen: chosenNow() });
  });
  retryButton.addEventListener("click", () => {
    model.send({ event: "try_again" });
    // The button hides itself once the feedback is cleared: put focus back on the options.
    if (inputs.length) inputs[0].focus();
  });

  update();
  model.on("change", update);
  host.appendChild(root);
  return () => model.off("change", update);
}

export default { render };
