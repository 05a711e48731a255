/* The audience window: it holds only the step it is shown. It asks the presenter view for the
   current step when it opens (so a reload recovers), answers the presenter's "where were we?"
   after the presenter reloads, and passes a clicker's presses on to the presenter. */
"use strict";
(() => {
  const { show, channel, direction } = window.Stage;
  const stage = document.getElementById("main");
  let last = null;
  // A window opened by window.open starts with a copy of its opener's sessionStorage: this
  // window needs none, so nothing of another page's (a room's key) stays here.
  try { sessionStorage.clear(); } catch (e) { /* storage off */ }
  if (!channel) return;
  channel.onmessage = (event) => {
    const data = event.data || {};
    if (data.show) {
      last = data.show;
      show(stage, last);
    } else if (data.where && last) {
      channel.postMessage({ at: { key: last.key, index: last.index, endsAt: last.endsAt } });
    }
  };
  document.addEventListener("keydown", (event) => {
    const by = direction(event);
    if (!by) return;
    event.preventDefault();
    channel.postMessage({ move: by });
  });
  channel.postMessage({ hello: true });
})();
