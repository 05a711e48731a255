// The case-study builder's form: a labelled control per field, the validator's message beside
// the field it concerns, and "Open a case-study file". What the trainer types is sent to this
// page's own kernel as a custom message ({event: "edit", values}) to be checked and previewed;
// it is never put into the page as HTML (values go into .value, messages into .textContent).
// A file opened is read here (FileReader) and sent as text ({event: "open", name, text}).

import { el, uniqueId } from "../ui/dom.js";

function render({ model, el: host }) {
  const uid = uniqueId("is-builder");
  const root = el("div", "is-widget is-builder-form");
  const status = el("p", "is-builder-status");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  const fields = new Map(); // form key ("name", "questions.0.points") -> {input, error}
  let questions = [];
  let timer = null;

  const t = (key) => (model.get("labels") || {})[key] || key;

  function field(key, labelText, kind, hintText) {
    const wrap = el("div", "is-builder-field");
    const id = `${uid}-${key.replace(/\./g, "-")}`;
    const label = el("label", "is-builder-label", labelText);
    label.htmlFor = id;
    let input;
    if (kind === "textarea") {
      input = el("textarea", "is-builder-text is-builder-area");
      input.rows = key === "story" ? 8 : 4;
    } else if (kind === "select") {
      input = el("select", "is-builder-select");
      for (const value of ["children", "adults"]) {
        const option = el("option", "", t(value));
        option.value = value;
        input.appendChild(option);
      }
    } else if (kind === "checkbox") {
      input = el("input", "is-builder-check");
      input.type = "checkbox";
    } else {
      input = el("input", "is-builder-text");
      input.type = "text";
    }
    input.id = id;
    if (kind !== "checkbox" && kind !== "select") input.maxLength = model.get("max_chars");
    const described = [];
    if (hintText) {
      const hint = el("p", "is-builder-hint", hintText);
      hint.id = `${id}-hint`;
      described.push(hint.id);
      wrap.append(label, hint);
    } else {
      wrap.append(label);
    }
    const error = el("p", "is-builder-error");
    error.id = `${id}-error`;
    error.hidden = true;
    described.push(error.id);
    input.setAttribute("aria-describedby", described.join(" "));
    if (kind === "checkbox") {
      wrap.classList.add("is-builder-field-check");
      wrap.replaceChildren(input, label, ...[...wrap.children].filter((c) => c !== label));
    } else {
      wrap.appendChild(input);
    }
    wrap.appendChild(error);
    input.addEventListener(kind === "select" || kind === "checkbox" ? "change" : "input", queue);
    fields.set(key, { input, error, kind });
    return wrap;
  }

  // Open a file: read in the browser, sent to the kernel as text.
  const openWrap = el("div", "is-builder-field is-builder-open");
  const openId = `${uid}-open`;
  const openLabel = el("label", "is-builder-label", t("open"));
  openLabel.htmlFor = openId;
  const openInput = el("input", "is-builder-file");
  openInput.type = "file";
  openInput.id = openId;
  openInput.accept = ".yaml,.yml,text/yaml";
  const openHint = el("p", "is-builder-hint", t("open_hint"));
  openHint.id = `${openId}-hint`;
  openInput.setAttribute("aria-describedby", openHint.id);
  openInput.addEventListener("change", () => {
    const file = openInput.files && openInput.files[0];
    if (!file) return;
    if (file.size > model.get("max_file_bytes")) {
      model.send({ event: "open", name: file.name, too_large: true });
      return;
    }
    file.text().then((text) => model.send({ event: "open", name: file.name, text }));
  });
  openWrap.append(openLabel, openHint, openInput);

  const form = el("div", "is-builder-fields");
  root.append(openWrap, form, status);

  function draw() {
    const values = model.get("values") || {};
    questions = (values.questions || []).map((q) => ({ id: q.id || "" }));
    fields.clear();
    form.replaceChildren(
      field("id", t("id"), "text", t("id_hint")),
      field("name", t("name"), "text"),
      field("about", t("about"), "text"),
      field("audience", t("audience"), "select"),
      field("story", t("story"), "textarea", t("story_hint")),
    );
    questions.forEach((q, n) => {
      const group = el("fieldset", "is-builder-question");
      group.appendChild(el("legend", "is-builder-legend",
        t("prompt").replace("{number}", String(n + 1))));
      group.append(
        field(`questions.${n}.prompt`, t("prompt_text"), "text"),
        field(`questions.${n}.points`, t("points"), "textarea", t("points_hint")),
      );
      const whole = el("p", "is-builder-error");
      whole.hidden = true;
      group.appendChild(whole);
      fields.set(`questions.${n}`, { input: null, error: whole });
      form.appendChild(group);
    });
    form.append(
      field("facilitator_notes", t("notes"), "textarea"),
      field("source", t("source"), "text"),
      field("draft", t("draft"), "checkbox", t("draft_hint")),
    );
    for (const [key, f] of fields) {
      if (!f.input) continue;
      const value = key.startsWith("questions.")
        ? ((values.questions || [])[Number(key.split(".")[1])] || {})[key.split(".")[2]]
        : values[key];
      if (f.kind === "checkbox") f.input.checked = Boolean(value);
      else f.input.value = value == null ? "" : String(value);
    }
    showErrors();
  }

  function collect() {
    const values = { questions: questions.map((q) => ({ id: q.id })) };
    for (const [key, f] of fields) {
      if (!f.input) continue;
      const value = f.kind === "checkbox" ? f.input.checked : f.input.value;
      if (key.startsWith("questions.")) {
        const [, n, name] = key.split(".");
        values.questions[Number(n)][name] = value;
      } else {
        values[key] = value;
      }
    }
    return values;
  }

  function queue() {
    clearTimeout(timer);
    timer = setTimeout(() => model.send({ event: "edit", values: collect() }), 300);
  }

  function showErrors() {
    const errors = model.get("errors") || {};
    for (const [key, f] of fields) {
      const message = errors[key] || "";
      f.error.textContent = message ? t("field_problem").replace("{message}", message) : "";
      f.error.hidden = !message;
      if (f.input) {
        if (message) f.input.setAttribute("aria-invalid", "true");
        else f.input.removeAttribute("aria-invalid");
      }
    }
    status.textContent = model.get("status") || "";
  }

  draw();
  const onValues = () => draw();
  model.on("change:values_version", onValues);
  model.on("change:errors", showErrors);
  model.on("change:status", showErrors);
  host.appendChild(root);
  return () => {
    clearTimeout(timer);
    model.off("change:values_version", onValues);
    model.off("change:errors", showErrors);
    model.off("change:status", showErrors);
  };
}

export default { render };
