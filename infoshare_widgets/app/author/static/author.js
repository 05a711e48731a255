/* The builders' live preview and GOV.UK error timing (served from author/static/: the site's
   CSP allows same-origin scripts only, no inline code). The page works without it: the form's
   buttons check, preview and save on the server.
   - As the author types, the form is POSTed (with its CSRF token) to the preview address, a
     little after the last key; the server draws the preview with the learners' sanitiser and
     saves nothing. The status line says "Preview updated" (a polite status).
   - On leaving a field that was filled, that field's own problem is shown above it (or cleared);
     never on entering a field or on leaving an empty one. The summary comes with a check. */
"use strict";
(() => {
  const form = document.querySelector("form[data-preview]");
  if (!form) return;
  const region = document.getElementById("preview");
  const body = document.getElementById("preview-body");
  const status = document.getElementById("preview-status");
  const said = form.dataset;
  const WAIT_MS = 600;
  let timer = null;
  // The newest request per purpose ("preview", or the field whose problem is asked): a
  // preview typed after leaving a field must not discard that field's answer.
  const latest = new Map();

  async function check(purpose) {
    const mine = (latest.get(purpose) || 0) + 1;
    latest.set(purpose, mine);
    try {
      const response = await fetch(said.preview, {
        method: "POST", body: new URLSearchParams(new FormData(form)),
        credentials: "same-origin", cache: "no-store",
      });
      if (!response.ok) return null;
      const data = await response.json();
      return mine === latest.get(purpose) ? data : null;
    } catch (e) {
      return null;
    }
  }

  function tell(text) {
    status.textContent = "";
    setTimeout(() => { status.textContent = text; }, 50);
  }

  async function preview() {
    const data = await check("preview");
    if (!data) return;
    region.hidden = false;
    if (data.html) {
      body.innerHTML = data.html;  // drawn and sanitised by the server, as learners' pages are
      tell(said.updated);
    } else {
      tell(said.waiting);
    }
  }

  function describedBy(field, id, on) {
    const ids = (field.getAttribute("aria-describedby") || "").split(" ").filter((x) => x && x !== id);
    if (on) ids.push(id);
    if (ids.length) field.setAttribute("aria-describedby", ids.join(" "));
    else field.removeAttribute("aria-describedby");
  }

  function showError(field, message) {
    const id = field.name + "-error";
    let shown = document.getElementById(id);
    const holder = field.parentElement;
    if (!message) {
      if (shown) shown.remove();
      field.removeAttribute("aria-invalid");
      describedBy(field, id, false);
      holder.classList.remove("is-author-field-error");
      return;
    }
    if (!shown) {
      shown = document.createElement("p");
      shown.className = "is-author-error";
      shown.id = id;
      const prefix = document.createElement("span");
      prefix.className = "visually-hidden";
      prefix.textContent = said.errorPrefix;
      shown.append(prefix);
      field.before(shown);
    }
    while (shown.childNodes.length > 1) shown.lastChild.remove();
    shown.append(" " + message);
    field.setAttribute("aria-invalid", "true");
    describedBy(field, id, true);
    holder.classList.add("is-author-field-error");
  }

  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(preview, WAIT_MS);
  });

  form.addEventListener("focusout", async (event) => {
    const field = event.target;
    if (!field.matches("input[type=text], textarea") || !field.name) return;
    const filled = field.value.trim() !== "";
    if (!filled && !document.getElementById(field.name + "-error")) return;
    const data = await check("field:" + field.name);
    if (data) showError(field, data.errors[field.name] || "");
  });
})();
