// A question for a room: the prompt as a heading, the options as a lettered list, and a
// "Reveal answer" button. Python sends the answer only when it is revealed; then each option is
// marked in words ("Right answer" / "Not right"), not by colour alone, with its feedback, and a
// polite live region says the answer is shown.
//
// Safe text: prompt_html, feedback_html and explanation_html are sanitised in Python
// (content.markdown.to_html); option text and labels are set as textContent.
//
// The options are listed in the order the room's phones show them: the room's code (told by
// the room page open in this browser) seeds it, else this browser's seed (ui/order.js). The
// answer stays by content index.

import { el, newButton, uniqueId, headingLevel } from "../ui/dom.js";
import { followSeed, shownOrder } from "../ui/order.js";

function render({ model, el: host }) {
  const uid = uniqueId("is-gq");
  const root = el("div", "is-widget is-gq");
  const heading = el(`h${headingLevel(model.get("heading_level"))}`, "is-gq-prompt");
  heading.id = `${uid}-prompt`;
  const list = el("ol", "is-gq-options");
  list.setAttribute("aria-labelledby", heading.id);
  // A disclosure: a secondary button whose label stays; aria-expanded says whether it is open.
  const button = newButton("is-q-button is-secondary-button is-gq-button");
  list.id = `${uid}-options`;
  button.setAttribute("aria-controls", list.id);
  button.addEventListener("click", () => model.send({ event: "reveal" }));
  const explanation = el("div", "is-gq-explanation");
  const status = el("p", "is-gq-status");
  status.setAttribute("role", "status");
  root.append(heading, list, button, explanation, status);

  // Ask a live room this question. The room page (room/host, open in this browser)
  // listens on a channel named after the site's base path; it answers whether it asked.
  const roomQuestion = model.get("room_question");
  if (roomQuestion && typeof BroadcastChannel === "function") {
    const words = model.get("room_words") || {};
    const ask = newButton("is-q-button is-secondary-button is-gq-room", words.ask);
    const roomStatus = el("p", "is-gq-room-status");
    roomStatus.setAttribute("role", "status");
    ask.addEventListener("click", () => {
      const base = new URL("../../", window.location.href).pathname; // <base>voila/render/x
      const channel = new BroadcastChannel(`infoshare-room:${base}`);
      let answered = false;
      const done = (text) => {
        roomStatus.textContent = text;
        channel.close();
      };
      channel.onmessage = (event) => {
        const reply = event.data || {};
        if (reply.asked !== roomQuestion || answered) return;
        answered = true;
        done(reply.ok ? words.asked : words.not_open);
      };
      roomStatus.textContent = "";
      channel.postMessage({ ask: roomQuestion });
      setTimeout(() => { if (!answered) { answered = true; done(words.not_open); } }, 2000);
    });
    button.after(ask);
    root.append(roomStatus);
  }

  let seed = "";
  function update() {
    heading.innerHTML = model.get("prompt_html"); // sanitised in Python
    const answer = model.get("answer") || [];
    const options = model.get("options") || [];
    list.replaceChildren();
    shownOrder(seed, model.get("order_id"), options.length).forEach((i) => {
      const text = options[i];
      const item = el("li", "is-gq-option");
      const label = el("span", "is-gq-text");
      label.textContent = text;
      item.appendChild(label);
      const mark = answer[i];
      if (mark) {
        item.classList.add(mark.correct ? "is-gq-right" : "is-gq-wrong");
        const tag = el("strong", "is-gq-mark");
        tag.textContent = mark.correct ? model.get("right_label") : model.get("wrong_label");
        const why = el("div", "is-gq-feedback");
        why.innerHTML = mark.feedback_html; // sanitised in Python
        item.append(" ", tag, why);
      }
      list.appendChild(item);
    });
    explanation.innerHTML = model.get("explanation_html"); // sanitised in Python
    explanation.hidden = !model.get("explanation_html");
    button.textContent = model.get("button_label");
    button.setAttribute("aria-expanded", answer.length ? "true" : "false");
    status.textContent = model.get("status");
  }

  const stopSeed = model.get("order_id") ? followSeed(true, (next) => {
    seed = next;
    update();
  }) : () => {};
  update();
  model.on("change", update);
  host.appendChild(root);
  return () => {
    stopSeed();
    model.off("change", update);
  };
}

export default { render };
