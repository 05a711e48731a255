// The guided lawful-basis helper as semantic HTML: each question a fieldset named by its legend,
// with real radio buttons and labels; real buttons; one role="status" line that stays in the page
// and announces the result once; the result below it.
//
// Python owns the logic: this file keeps `answers` in step with the radios and sends
// {event: "show", answers} | {event: "clear" | "use"}. Safe text: intro_html and result_html are sanitised in
// Python (content.markdown.to_html); everything else is set as textContent.

import { el, newButton, uniqueId, headingLevel } from "../ui/dom.js";

function render({ model, el: host }) {
  const uid = uniqueId("is-helper");
  const root = el("div", "is-widget is-helper");
  let heading = el("h2", "is-helper-heading");
  const label = el("p", "is-helper-label");
  const intro = el("div", "is-helper-intro");
  const form = el("div", "is-helper-questions");
  const actions = el("div", "is-helper-actions");
  const showButton = newButton("is-helper-button is-helper-show");
  const clearButton = newButton("is-helper-button is-helper-clear");
  actions.append(showButton, clearButton);
  // Always in the page, so each change of its text is announced, once.
  const live = el("p", "is-helper-status");
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  live.setAttribute("aria-atomic", "true");
  const result = el("div", "is-helper-result");
  result.id = `${uid}-result`;
  const useButton = newButton("is-helper-button is-helper-use");
  root.append(heading, label, intro, form, actions, live, result, useButton);

  let drawnQuestions = null;
  let radios = {};
  let drawnAnnouncements = null;
  let drawnResult = null;
  // The radios are the truth in the page: the model's answers are written back into them only
  // when they change from what the page last sent or saw (Python's "Start again"), so a late
  // message can never untick what the learner has just picked.
  let answersSeen = null;

  function answersNow() {
    const answers = {};
    for (const [question, inputs] of Object.entries(radios)) {
      const picked = inputs.find((input) => input.checked);
      if (picked) answers[question] = picked.value;
    }
    return answers;
  }

  function drawQuestions() {
    const questions = model.get("questions") || [];
    const key = JSON.stringify(questions);
    if (key === drawnQuestions) return;
    drawnQuestions = key;
    form.replaceChildren();
    radios = {};
    answersSeen = null; // new radios: draw the model's answers into them
    questions.forEach((question, q) => {
      const fieldset = el("fieldset", "is-helper-fieldset");
      const legend = el("legend", "is-helper-legend", question.prompt || "");
      fieldset.appendChild(legend);
      if (question.hint) {
        const hint = el("p", "is-helper-hint", question.hint);
        hint.id = `${uid}-hint-${q}`;
        fieldset.setAttribute("aria-describedby", hint.id);
        fieldset.appendChild(hint);
      }
      const list = el("div", "is-helper-options");
      radios[question.id] = (question.options || []).map((option, i) => {
        const row = el("div", "is-helper-option");
        const input = el("input", "is-helper-input");
        input.type = "radio";
        input.name = `${uid}-${q}`;
        input.id = `${uid}-${q}-${i}`;
        input.value = option.id;
        input.addEventListener("change", () => {
          const answers = answersNow();
          answersSeen = JSON.stringify(answers);
          model.set("answers", answers);
          model.save_changes();
        });
        const text = el("label", "is-helper-option-label", option.text || "");
        text.htmlFor = input.id;
        row.append(input, text);
        list.appendChild(row);
        return input;
      });
      fieldset.appendChild(list);
      form.appendChild(fieldset);
    });
  }

  function drawStatus() {
    const count = model.get("announcements");
    if (count === drawnAnnouncements) return;
    const first = drawnAnnouncements === null;
    drawnAnnouncements = count;
    const text = model.get("status") || "";
    if (first || !text || live.textContent !== text) {
      live.textContent = text;
    } else {
      // The same words again: empty the line first so a screen reader says them again.
      live.textContent = "";
      setTimeout(() => {
        live.textContent = model.get("status") || "";
      }, 100);
    }
  }

  function update() {
    const level = headingLevel(model.get("heading_level"));
    if (heading.tagName !== `H${level}`) {
      const next = el(`h${level}`, "is-helper-heading");
      heading.replaceWith(next);
      heading = next;
    }
    heading.textContent = model.get("heading") || "";
    label.textContent = model.get("label") || "";
    label.hidden = !model.get("label");
    intro.innerHTML = model.get("intro_html") || ""; // sanitised in Python
    drawQuestions();
    const answers = model.get("answers") || {};
    const answersKey = JSON.stringify(answers);
    if (answersKey !== answersSeen) {
      answersSeen = answersKey;
      for (const [question, inputs] of Object.entries(radios)) {
        inputs.forEach((input) => {
          input.checked = answers[question] === input.value;
        });
      }
    }
    showButton.textContent = model.get("show_label") || "";
    clearButton.textContent = model.get("clear_label") || "";
    if (!model.get("status")) live.textContent = "";
    drawStatus();
    const resultHtml = model.get("result_html") || "";
    // Redrawn only when it changes, so an open "Why, and the law" stays open (and keeps focus)
    // while the status line or the carry button changes.
    if (resultHtml !== drawnResult) {
      drawnResult = resultHtml;
      result.innerHTML = resultHtml; // sanitised in Python
    }
    result.hidden = !model.get("result_html");
    useButton.textContent = model.get("use_label") || "";
    useButton.hidden = !model.get("use_label") || !model.get("result_html");
  }

  // The answers go with the press: ipywidgets holds back a state update while an earlier one
  // is in flight, but sends a message at once, so the kernel could otherwise check stale answers.
  showButton.addEventListener("click", () => model.send({ event: "show", answers: answersNow() }));
  clearButton.addEventListener("click", () => {
    model.send({ event: "clear" });
    const first = Object.values(radios)[0];
    if (first && first.length) first[0].focus();
  });
  useButton.addEventListener("click", () => model.send({ event: "use" }));

  update();
  model.on("change", update);
  host.appendChild(root);
  return () => model.off("change", update);
}

export default { render };
