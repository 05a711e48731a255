// The discussion timer: buttons for 3, 5 and 10 minutes, Pause/Resume, the time left in large
// figures (role="timer": read on request, never announced each second), and a polite live region
// that says when a timer starts, pauses and when time is up. It runs in the browser: nothing is
// sent to the kernel, and no trait is set by the page.

import { el, newButton, uniqueId, headingLevel } from "../ui/dom.js";

function render({ model, el: host }) {
  markFacilitatorPage();
  const uid = uniqueId("is-timer");
  const root = el("div", "is-widget is-timer");
  root.setAttribute("role", "group");
  const heading = el(`h${headingLevel(model.get("heading_level"))}`, "is-timer-heading");
  heading.id = `${uid}-heading`;
  heading.textContent = model.get("heading");
  root.setAttribute("aria-labelledby", heading.id);
  const clock = el("p", "is-timer-clock");
  clock.setAttribute("role", "timer");
  clock.setAttribute("aria-labelledby", heading.id);
  const buttons = el("div", "is-timer-buttons");
  const pause = newButton("is-q-button is-timer-pause");
  pause.hidden = true;
  const status = el("p", "is-timer-status");
  status.setAttribute("role", "status");
  root.append(heading, clock, buttons, status);

  const perMinute = () => Math.max(Number(model.get("minute_seconds")) || 60, 0.001) * 1000;
  let choice = null;
  let endAt = 0; // when running: the time (ms) it ends
  let left = 0; // when paused or stopped: ms left
  let ticker = null;

  function show(ms) {
    // Timer seconds, whatever a minute lasts (a test shortens the minute, not the display).
    const seconds = Math.ceil((ms / perMinute()) * 60 - 1e-6);
    const m = Math.floor(Math.max(seconds, 0) / 60);
    const s = Math.max(seconds, 0) % 60;
    clock.textContent = `${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
  }

  function stopTicking() {
    if (ticker !== null) clearInterval(ticker);
    ticker = null;
  }

  function tick() {
    const ms = endAt - Date.now();
    if (ms > 0) return show(ms);
    stopTicking();
    left = 0;
    show(0);
    pause.hidden = true;
    root.classList.remove("is-running");
    root.classList.add("is-done");
    status.textContent = choice.done;
  }

  function run(ms) {
    stopTicking();
    endAt = Date.now() + ms;
    root.classList.add("is-running");
    root.classList.remove("is-done", "is-paused");
    pause.hidden = false;
    pause.textContent = model.get("pause_label");
    ticker = setInterval(tick, 200);
    tick();
  }

  for (const c of model.get("choices") || []) {
    const start = newButton("is-q-button is-timer-start");
    start.textContent = c.label;
    start.addEventListener("click", () => {
      choice = c;
      status.textContent = c.running;
      run(c.minutes * perMinute());
    });
    buttons.appendChild(start);
  }
  pause.addEventListener("click", () => {
    if (ticker !== null) {
      left = Math.max(endAt - Date.now(), 0);
      stopTicking();
      root.classList.replace("is-running", "is-paused");
      pause.textContent = model.get("resume_label");
      status.textContent = model.get("paused_text");
      show(left);
    } else if (choice && left > 0) {
      status.textContent = choice.running;
      run(left);
    }
  });
  buttons.appendChild(pause);
  const first = (model.get("choices") || [])[0];
  show(first ? first.minutes * perMinute() : 0);

  host.appendChild(root);
  return stopTicking;
}

// Facilitator mode's large type (timer.css) hangs on this class: the timer is drawn on every
// facilitator page and on no learner page.
function markFacilitatorPage() {
  document.body.classList.add("is-facilitator");
}

export default { render };
