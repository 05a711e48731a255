// The decision-record form, the record as it stands, and its download: all in the browser.
//
// Every control has a visible label (<label for>, or <fieldset> with <legend>); a question's help
// is linked with aria-describedby. The warning (practice details only, nothing saved) is said once
// above the form, not under each field; each text box has a character count
// (text_box.js). "Check your answers" lists each answer with a Change link, and the number still
// unanswered stands beside Download and describes it; after a download a status line says the
// file saved. The record's first line says it is a training exercise. What the learner types stays
// in this page: it is never set on the model, sent to the kernel or stored. The record
// is made here, as plain text shown with textContent and downloaded as a Blob; its format is the
// one `model.DecisionRecord.as_text` documents (a browser test compares the two).
// `help_html` is authored Markdown already sanitised in Python (content.markdown.to_html).

import { el, newButton, sayFileSaved, statusLine, uniqueId } from "../ui/dom.js";
import { characterCount } from "../ui/text_box.js";

function missingLine(model, questions, answers) {
  const w = model.get("wording") || {};
  const applies = (q) => !q.ask_if || answers[q.ask_if.question] === q.ask_if.answer;
  const asked = questions.filter(applies);
  const missing = asked.filter((q) => !answers[q.id]).length;
  if (!missing) return w.all_answered || "";
  return (w.missing || "").replace(/\{count\}/g, missing).replace(/\{total\}/g, asked.length);
}

function recordText(model, questions, answers) {
  const w = model.get("wording") || {};
  const applies = (q) => !q.ask_if || answers[q.ask_if.question] === q.ask_if.answer;
  const lines = w.exercise_line ? [w.exercise_line] : []; // "Training exercise: ..."
  lines.push(model.get("title"), `${w.date_label || ""} ${model.get("day")}`, "");
  let missing = 0;
  questions.forEach((q, n) => {
    lines.push(`${n + 1}. ${q.prompt}`);
    const answer = answers[q.id];
    if (!applies(q)) lines.push(`   ${w.not_applicable || ""}`);
    else if (!answer) {
      lines.push(`   ${w.not_answered || ""}`);
      missing += 1;
    } else for (const line of answer.split("\n")) lines.push(`   ${line}`.trimEnd());
    lines.push("");
  });
  if (missing) {
    const total = questions.filter(applies).length;
    lines.push((w.missing || "").replace(/\{count\}/g, missing).replace(/\{total\}/g, total));
  }
  return lines.join("\n").replace(/\n+$/, "") + "\n";
}

function cleanAnswer(value, max) {
  return value.replace(/\r\n?/g, "\n").trim().slice(0, max).trimEnd();
}

function render({ model, el: host }) {
  const uid = uniqueId("is-record");
  const root = el("div", "is-widget is-record-form");
  const notice = el("p", "is-record-notice");
  notice.id = `${uid}-notice`;
  const list = el("ol", "is-record-questions");
  // Check your answers: a summary list, the file as it will be, the count and Download.
  const check = el("div", "is-record-check");
  const checkHeading = el("h3", "is-record-check-heading");
  const summary = el("dl", "is-summary-list is-record-summary");
  // The file as it will be, behind a disclosure with a fixed label (aria-expanded says open).
  const previewButton = newButton("is-secondary-button is-record-show");
  previewButton.setAttribute("aria-expanded", "false");
  const preview = el("div", "is-record-preview");
  preview.id = `${uid}-preview`;
  preview.hidden = true;
  previewButton.setAttribute("aria-controls", preview.id);
  previewButton.addEventListener("click", () => {
    preview.hidden = !preview.hidden;
    previewButton.setAttribute("aria-expanded", preview.hidden ? "false" : "true");
  });
  const previewHeading = el("h4", "is-record-preview-heading");
  const previewText = el("pre", "is-record-preview-text");
  preview.append(previewHeading, previewText);
  const missing = el("p", "is-record-missing");
  missing.id = `${uid}-missing`;
  const download = newButton("is-download-button is-record-download");
  const downloadHint = el("p", "is-download-hint");
  downloadHint.id = `${uid}-download-hint`;
  download.setAttribute("aria-describedby", `${missing.id} ${notice.id} ${downloadHint.id}`);
  const saved = statusLine("is-record-saved"); // "Saved decision-record-2026-12-06.txt"
  check.append(checkHeading, summary, previewButton, preview, missing, download, saved, notice,
    downloadHint);
  root.append(list, check);
  const counts = []; // the character count of each text box
  const controls = new Map(); // question id -> textarea, or list of radio inputs
  const conditional = []; // [item, {question, answer}]: shown only after that answer
  let questions = [];

  function answers() {
    const max = model.get("max_length") || 5000;
    const out = {};
    for (const q of questions) {
      const control = controls.get(q.id);
      let value = "";
      if (Array.isArray(control)) value = (control.find((r) => r.checked) || {}).value || "";
      else if (control) value = control.value;
      value = cleanAnswer(value, max);
      if (value && (q.kind !== "choice" || (q.choices || []).includes(value))) out[q.id] = value;
    }
    return out;
  }

  // One row per question asked: its prompt, the answer (plain text) and a link back to it.
  function summarise(now) {
    const w = model.get("wording") || {};
    summary.replaceChildren();
    questions.forEach((q, n) => {
      if (q.ask_if && now[q.ask_if.question] !== q.ask_if.answer) return;
      const row = el("div", "is-summary-row");
      const prompt = `${n + 1}. ${q.prompt}`;
      const change = el("a", "", w.change || "");
      const target = controlOf(q);
      change.href = `#${target ? target.id : ""}`;
      change.appendChild(el("span", "is-visually-hidden", ` ${prompt}`));
      change.addEventListener("click", (event) => {
        if (!target) return;
        event.preventDefault(); // the page's address stays as it is; focus goes to the answer
        target.focus();
        target.scrollIntoView({ block: "center" });
      });
      const actions = el("dd", "is-summary-actions");
      actions.appendChild(change);
      row.append(el("dt", "is-summary-key", prompt),
        el("dd", "is-summary-value", now[q.id] || w.not_answered || ""), actions);
      summary.appendChild(row);
    });
  }

  function controlOf(q) {
    const control = controls.get(q.id);
    if (!Array.isArray(control)) return control || null;
    return control.find((r) => r.checked) || control[0] || null;
  }

  function refresh() {
    const now = answers();
    for (const [item, cond] of conditional) item.hidden = now[cond.question] !== cond.answer;
    previewText.textContent = recordText(model, questions, now);
    summarise(now);
    missing.textContent = missingLine(model, questions, now);
  }

  function build() {
    list.replaceChildren();
    controls.clear();
    counts.length = 0;
    conditional.length = 0;
    questions = model.get("questions") || [];
    questions.forEach((q, n) => {
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
      const described = help ? help.id : "";
      if (q.kind === "choice") {
        const group = el("fieldset", "is-record-choices");
        if (described) group.setAttribute("aria-describedby", described);
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
          input.addEventListener("change", refresh);
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
        box.setAttribute("autocomplete", "off"); // no maxlength: the count says, nothing is cut
        if (described) box.setAttribute("aria-describedby", described);
        box.addEventListener("input", refresh);
        item.append(label);
        if (help) item.appendChild(help);
        item.appendChild(box);
        counts.push(characterCount(box));
        controls.set(q.id, box);
      }
      if (q.ask_if) conditional.push([item, q.ask_if]);
      list.appendChild(item);
    });
  }

  function words() {
    const w = model.get("wording") || {};
    notice.textContent = model.get("notice");
    checkHeading.textContent = w.check_heading || "";
    previewHeading.textContent = w.record_heading || "";
    previewButton.textContent = w.preview_show || "";
    for (const count of counts) count.update(model.get("count_words"), model.get("max_length"));
    download.textContent = w.download || "";
    downloadHint.textContent = w.download_hint || "";
    downloadHint.hidden = !w.download_hint;
    refresh();
  }

  download.addEventListener("click", () => {
    const text = recordText(model, questions, answers());
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    const filename = `decision-record-${model.get("day")}.txt`;
    link.download = filename;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    sayFileSaved(saved, (model.get("wording") || {}).saved, filename);
    // What was downloaded is kept: leaving the page now loses nothing (the template's warning).
    for (const control of controls.values()) {
      if (!Array.isArray(control)) control.dataset.isSaved = control.value;
    }
  });

  build();
  words();
  const onQuestions = () => {
    build();
    words();
  };
  // Choices suggested by another part of the page (the lawful-basis helper): ticked here, in the
  // page, like a learner's own; nothing typed is involved.
  const onMessage = (msg) => {
    if (!msg || msg.event !== "suggest" || typeof msg.answers !== "object") return;
    for (const [id, value] of Object.entries(msg.answers)) {
      const control = controls.get(id);
      if (Array.isArray(control)) for (const radio of control) radio.checked = radio.value === value;
    }
    refresh();
  };
  model.on("change:questions", onQuestions);
  model.on("change", words);
  model.on("msg:custom", onMessage);
  host.appendChild(root);
  return () => {
    model.off("change:questions", onQuestions);
    model.off("change", words);
    model.off("msg:custom", onMessage);
  };
}

export default { render };
