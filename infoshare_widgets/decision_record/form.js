// The decision-record form: a labelled text box, or a group of real radio buttons, per question.
//
// Every control has a visible label (<label for>, or <fieldset> with <legend>); a question's help
// and the "nothing is saved" notice are linked with aria-describedby. What the learner types goes
// to the kernel's memory through the `answers` trait and nowhere else: no browser storage, and it
// is only ever set as a textarea's value, never as HTML. `help_html` is authored Markdown already
// sanitised in Python (content.markdown.to_html).

// el(), uniqueId() and headingLevel() come from dom.js, prepended by ui/styles.py.

function render({ model, el: host }) {
  const uid = uniqueId("is-record");
  const root = el("div", "is-widget is-record-form");
  const notice = el("p", "is-record-notice");
  notice.id = `${uid}-notice`;
  const list = el("ol", "is-record-questions");
  root.append(notice, list);
  const controls = new Map(); // question id -> textarea, or list of radio inputs
  const conditional = []; // [item, {question, answer}]: shown only after that answer

  function answer(id, value) {
    model.set("answers", { ...(model.get("answers") || {}), [id]: value });
    model.save_changes();
  }

  function build() {
    list.replaceChildren();
    controls.clear();
    conditional.length = 0;
    (model.get("questions") || []).forEach((q, n) => {
      const item = el("li", "is-record-question");
      const base = `${uid}-q${n}`;
      let help = null;
      if (q.help_html) {
        help = el("div", "is-record-help");
        help.id = `${base}-help`;
        help.innerHTML = q.help_html; // sanitised in Python by to_html
      }
      // Numbered in the text, as in the record, so the two are easy to match.
      const numbered = `${n + 1}. ${q.prompt}`;
      const described = [help ? help.id : "", notice.id].filter(Boolean).join(" ");
      if (q.kind === "choice") {
        const group = el("fieldset", "is-record-choices");
        group.setAttribute("aria-describedby", described);
        group.appendChild(el("legend", "is-record-prompt", numbered));
        if (help) group.appendChild(help);
        const radios = [];
        (q.choices || []).forEach((choice, c) => {
          const label = el("label", "is-record-choice");
          const input = el("input");
          input.type = "radio";
          input.name = `${base}-choice`;
          input.id = `${base}-c${c}`;
          input.value = choice;
          input.addEventListener("change", () => {
            if (input.checked) answer(q.id, input.value);
          });
          label.append(input, el("span", "", choice));
          group.appendChild(label);
          radios.push(input);
        });
        controls.set(q.id, radios);
        item.appendChild(group);
      } else {
        const label = el("label", "is-record-prompt", numbered);
        label.htmlFor = `${base}-text`;
        const box = el("textarea", "is-record-text");
        box.id = `${base}-text`;
        box.rows = 3;
        box.maxLength = model.get("max_length") || 5000;
        box.setAttribute("autocomplete", "off");
        box.setAttribute("aria-describedby", described);
        box.addEventListener("input", () => answer(q.id, box.value));
        item.append(label);
        if (help) item.appendChild(help);
        item.appendChild(box);
        controls.set(q.id, box);
      }
      if (q.ask_if) conditional.push([item, q.ask_if]);
      list.appendChild(item);
    });
  }

  function fill() {
    notice.textContent = model.get("notice");
    const answers = model.get("answers") || {};
    for (const [item, cond] of conditional) {
      item.hidden = (answers[cond.question] || "") !== cond.answer;
    }
    for (const [id, control] of controls) {
      const value = answers[id] || "";
      if (Array.isArray(control)) {
        for (const radio of control) radio.checked = radio.value === value;
      } else if (control.value !== value) {
        control.value = value;
      }
    }
  }

  build();
  fill();
  const onQuestions = () => {
    build();
    fill();
  };
  model.on("change:questions", onQuestions);
  model.on("change:answers", fill);
  model.on("change:notice", fill);
  host.appendChild(root);
  return () => {
    model.off("change:questions", onQuestions);
    model.off("change:answers", fill);
    model.off("change:notice", fill);
  };
}

export default { render };
