// One question as semantic HTML: a fieldset named by its legend, real radio or checkbox inputs
// each with a <label>, real buttons, and a live region that stays in the page.
//
// Why not ipywidgets' RadioButtons: no group name, 16px targets, long options drawn over each
// other, nothing announced (docs/architecture.md, "Why our own widgets"). Native inputs and
// buttons give Tab, Space, the arrow keys and Enter without any key handling here.
//
// Python owns the checking: this file sends the choice ({event: "check", chosen}) and shows the
// feedback Python sends back. The radios in the page are the source of truth for what is ticked:
// a model update from the kernel sets them only when it puts stored progress back (`restored`),
// never in answer to the learner's own check or "Try again" (a late reply would undo a tick).
//
// After the learner's own check the feedback (a heading, then the detail) is scrolled
// into view and the live region changes exactly once; an empty check is an inline error on the
// group ("Error: ...", aria-invalid); each button's name ends with the question's name
// (aria-label), so "Check answer" is unique across a page; when paged (ui/pager.py) the question
// shows its position and score, "Previous question" / "Next question" (each named by the question
// it shows), and takes the focus when the pager shows it.
//
// Safe text: prompt_html, intro_html and feedback_html are sanitised in Python
// (content.markdown.to_html); everything else is set as textContent.
//
// Shown order (ui/order.js): with an `order_id`, the options are placed in a per-learner order
// (in a room, the room's); each input keeps its content index (its value, `inputs[i]`), so
// `chosen` and every message carry content indices and the seed never leaves the page.

import { el, newButton, uniqueId, headingLevel, setQuiet } from "./dom.js";
import { followSeed, placeRows, shownOrder } from "./order.js";

// A button's visible label; its accessible name adds the question's name ("Check answer: A
// mother says no"), starting with the visible words (WCAG 2.5.3).
function nameButton(button, label, name) {
  button.textContent = label || "";
  if (name && label) button.setAttribute("aria-label", `${label}: ${name}`);
  else button.removeAttribute("aria-label");
}

function render({ model, el: host }) {
  const uid = uniqueId("is-q");
  const root = el("div", "is-widget is-q");

  // "Scenario 3 of 10 · 2 correct": plain text, not a live region (the verdict is the news).
  const place = el("p", "is-q-position");
  place.id = `${uid}-position`;
  place.tabIndex = -1;
  root.appendChild(place);

  let heading = null;
  const intro = el("div", "is-q-intro");
  root.appendChild(intro);

  const fieldset = el("fieldset", "is-q-fieldset");
  const legend = el("legend", "is-q-legend");
  legend.id = `${uid}-legend`;
  const hint = el("p", "is-q-hint");
  hint.id = `${uid}-hint`;
  const error = el("p", "is-q-error");
  error.id = `${uid}-error`;
  const list = el("div", "is-q-options");
  fieldset.append(legend, hint, error, list);
  root.appendChild(fieldset);

  const actions = el("div", "is-q-actions");
  const checkButton = newButton("is-q-button is-q-check");
  const retryButton = newButton("is-q-button is-secondary-button is-q-retry");
  actions.append(checkButton, retryButton);
  root.appendChild(actions);

  // Always in the page, so a change of its content is announced.
  const liveRegion = (name) => {
    const region = el("div", `is-q-${name}`);
    region.id = `${uid}-${name}`;
    region.setAttribute("role", "status");
    region.setAttribute("aria-live", "polite");
    region.setAttribute("aria-atomic", "true");
    root.appendChild(region);
    return region;
  };
  const live = liveRegion("feedback");
  // The quiz's summary once every question is answered ("4 of 5 best answers, 1 unsafe choice:
  // revisit golden rule 3"): its own live region, its links real links.
  const summary = liveRegion("summary");

  const pager = el("div", "is-q-pager");
  const previousButton = newButton("is-q-button is-secondary-button is-q-previous");
  const nextButton = newButton("is-q-button is-secondary-button is-q-next");
  pager.append(previousButton, nextButton);
  root.appendChild(pager);

  let inputs = []; // by content index
  let rows = [];
  let seed = "";
  let drawnOptions = null;
  let drawnChecks = model.get("checks");
  let drawnHtml = null;
  let drawnSummary = null;
  let drawnFocus = model.get("focus_request");
  let ownCheck = false; // the learner pressed Check here and its answer has not come back yet

  function chosenNow() {
    return inputs.flatMap((input, i) => (input.checked ? [i] : []));
  }

  function applyChosen() {
    const chosen = new Set(model.get("chosen") || []);
    inputs.forEach((input, i) => {
      input.checked = chosen.has(i);
    });
  }

  function drawOptions() {
    const options = model.get("options") || [];
    const type = model.get("kind") === "multiple" ? "checkbox" : "radio";
    const key = JSON.stringify([type, options]);
    if (key === drawnOptions) return;
    drawnOptions = key;
    rows = [];
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
      rows.push(row);
      return input;
    });
    placeOptions();
    applyChosen();
  }

  function shown() {
    return shownOrder(seed, model.get("order_id"), rows.length);
  }

  function placeOptions() {
    placeRows(list, rows, shown());
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

  // Exactly one change of the live region per check (one innerHTML: one mutation), also when the
  // words are the same as before (new nodes are announced again).
  function drawFeedback() {
    const html = model.get("feedback_html") || "";
    const checks = model.get("checks");
    setQuiet(live, model.get("restored"), "status");
    live.dataset.status = model.get("status") || "";
    live.dataset.grade = model.get("grade") || "";
    if (checks === drawnChecks && html === drawnHtml) return;
    live.innerHTML = html; // sanitised in Python (ui.feedback_html)
    const answered = checks !== drawnChecks;
    drawnHtml = html;
    drawnChecks = checks;
    if (answered && ownCheck) {
      ownCheck = false;
      showFeedback();
    }
  }

  function drawSummary() {
    const html = model.get("summary_html") || "";
    if (html === drawnSummary) return;
    setQuiet(summary, model.get("restored"), "status");
    summary.innerHTML = html; // sanitised in Python (ui.feedback_html.summary_html)
    drawnSummary = html;
  }

  // The learner's own check: bring what it says into view (the error is on the group itself).
  function showFeedback() {
    const target = model.get("status") === "empty" ? fieldset : live;
    const tall = target.getBoundingClientRect().height > window.innerHeight * 0.8;
    target.scrollIntoView({ block: tall ? "start" : "nearest" });
  }

  function drawError() {
    const text = model.get("error") || "";
    error.replaceChildren();
    if (text) {
      error.append(el("span", "is-q-vh", `${model.get("error_prefix") || ""} `), text);
    }
    error.hidden = !text;
    const described = [model.get("hint") ? hint.id : "", text ? error.id : ""].filter(Boolean);
    if (described.length) fieldset.setAttribute("aria-describedby", described.join(" "));
    else fieldset.removeAttribute("aria-describedby");
    if (text) fieldset.setAttribute("aria-invalid", "true");
    else fieldset.removeAttribute("aria-invalid");
    root.classList.toggle("is-q-has-error", Boolean(text));
  }

  function drawPosition() {
    const where = model.get("position") || "";
    const score = model.get("score") || "";
    place.replaceChildren(where);
    if (score) place.append(el("span", "is-q-score", where ? ` · ${score}` : score));
    place.hidden = !where && !score;
  }

  function drawPager() {
    const previous = model.get("previous_label") || "";
    const next = model.get("next_label") || "";
    // Named by where they go ("Next question: A mother says no"), not by this question.
    nameButton(previousButton, previous, model.get("previous_to"));
    nameButton(nextButton, next, model.get("next_to"));
    previousButton.hidden = !previous;
    nextButton.hidden = !next;
    pager.hidden = !previous && !next;
    // A question the pager does not show is hidden with its widget's box (no gap where it is).
    root.hidden = !model.get("active");
    if (model.get("active")) host.style.removeProperty("display");
    else host.style.display = "none";
    const focus = model.get("focus_request");
    if (focus !== drawnFocus) {
      drawnFocus = focus;
      if (model.get("active")) requestAnimationFrame(focusQuestion);
    }
  }

  // Shown by "Next question" / "Previous question": the focus goes to where it is.
  function focusQuestion() {
    const target = place.hidden ? heading || legend : place;
    if (target !== place) target.tabIndex = -1;
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  }

  function update() {
    // A question the pager does not show is drawn when it is shown: a quiz's hidden questions
    // cost the page's load nothing but their box (restored answers are applied then).
    if (!model.get("active")) {
      drawPager();
      return;
    }
    drawHeading();
    intro.innerHTML = model.get("intro_html") || ""; // sanitised in Python
    intro.hidden = !model.get("intro_html");
    legend.innerHTML = model.get("prompt_html") || ""; // sanitised in Python
    hint.textContent = model.get("hint") || "";
    hint.hidden = !model.get("hint");
    drawOptions();
    drawError();
    drawPosition();

    const name = model.get("name");
    nameButton(checkButton, model.get("check_label"), name);
    nameButton(retryButton, model.get("try_again_label"), name);
    const status = model.get("status");
    retryButton.hidden = !status || status === "empty";
    drawFeedback();
    drawSummary();
    drawPager();
  }

  checkButton.addEventListener("click", () => {
    ownCheck = true;
    model.send({ event: "check", chosen: chosenNow() });
  });
  retryButton.addEventListener("click", () => {
    // Cleared here at once: the kernel's reply must not untick what the learner ticks next.
    inputs.forEach((input) => {
      input.checked = false;
    });
    model.send({ event: "try_again" });
    // The button hides itself once the feedback is cleared: put focus back on the options.
    if (inputs.length) inputs[shown()[0]].focus();
  });
  previousButton.addEventListener("click", () => model.send({ event: "previous" }));
  nextButton.addEventListener("click", () => model.send({ event: "next" }));

  // Stored progress put back (or cleared in another tab) sets the radios; nothing else does.
  function onChosen() {
    if (model.get("restored")) applyChosen();
  }

  // The learner's seed (or the room's): read in the page, never sent.
  const stopSeed = model.get("order_id") ? followSeed(model.get("order_room"), (next) => {
    seed = next;
    if (rows.length) placeOptions();
  }) : () => {};
  update();
  model.on("change", update);
  model.on("change:chosen change:restored", onChosen);
  host.appendChild(root);
  return () => {
    stopSeed();
    model.off("change", update);
    model.off("change:chosen change:restored", onChosen);
  };
}

export default { render };
